//! The prior model of the calibration: per-county judgement tiers (seeds/calibration_prior.csv) turned into
//! plausible raw indicator values with a seeded, portable random generator.

use crate::data::published::{Anchor, Relation};
use crate::model::{Dataset, DatasetMeta, IndicatorSystem, Unit, ValueKind};
use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// What kind of place a county is, which shapes its industry share and scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// A central urban district whose economy is mostly services.
    Core,
    /// An industrial district or county-level city.
    Industrial,
    County,
    /// A small inland mountain county.
    Mountain,
}

/// The judgement tiers of one county.
#[derive(Clone, Debug, PartialEq)]
pub struct CountyPrior {
    pub adcode: String,
    /// Industrial scale from 1 (smallest) to 6 (largest).
    pub scale: f64,
    pub innovation_tilt: f64,
    pub quality_tilt: f64,
    pub profile: Profile,
}

/// Parses `seeds/calibration_prior.csv`.
pub fn parse(text: &str) -> Result<Vec<CountyPrior>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (k, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| format!("calibration prior row {}: {e}", k + 2))?;
        let num = |c: usize| -> Result<f64, String> {
            rec.get(c)
                .unwrap_or("")
                .parse()
                .map_err(|_| format!("calibration prior row {}: bad number", k + 2))
        };
        let profile = match rec.get(5).unwrap_or("") {
            "core" => Profile::Core,
            "industrial" => Profile::Industrial,
            "county" => Profile::County,
            "mountain" => Profile::Mountain,
            other => {
                return Err(format!(
                    "calibration prior row {}: unknown profile {other}",
                    k + 2
                ))
            }
        };
        out.push(CountyPrior {
            adcode: rec.get(0).unwrap_or("").to_string(),
            scale: num(2)?,
            innovation_tilt: num(3)?,
            quality_tilt: num(4)?,
            profile,
        });
    }
    Ok(out)
}

/// Standard normal draws from Xoshiro256++ by the Box-Muller transform, identical on every platform.
pub struct NormalSource {
    rng: Xoshiro256PlusPlus,
}

impl NormalSource {
    pub fn new(seed: u64) -> Self {
        Self {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// A uniform draw in the open interval (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    pub fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// Rounds a value to the indicator's stored precision.
pub fn round_to(value: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (value * f).round() / f
}

/// The prior value of one indicator for one county, before clipping and rounding; `z` is a normal draw.
fn prior_value(id: &str, p: &CountyPrior, z: f64) -> Result<f64, String> {
    let t = p.scale - 1.0;
    let (inn, qual) = (p.innovation_tilt, p.quality_tilt);
    let core = p.profile == Profile::Core;
    Ok(match id {
        "revenue" => {
            const BASE: [f64; 6] = [30.0, 110.0, 280.0, 650.0, 1400.0, 5200.0];
            let base = BASE[(t as usize).min(5)] * if core { 0.3 } else { 1.0 };
            base * (0.25 * z).exp()
        }
        "value_added_growth" => 6.7 + 0.4 * (p.scale - 3.0) + 3.0 * z,
        "industry_gdp_share" => match p.profile {
            Profile::Core => 7.0 + 3.0 * z,
            Profile::Industrial => 46.0 + 7.0 * z,
            Profile::County => 38.0 + 7.0 * z,
            Profile::Mountain => 31.0 + 6.0 * z,
        },
        "rd_intensity" => 1.15 + 0.3 * inn + 0.08 * t + 0.25 * z,
        "new_patents" => 70.0 * (0.5 * t + 0.45 * inn + 0.3 * z).exp(),
        "hightech_firms" => 8.0 * (0.65 * t + 0.45 * inn + 0.3 * z).exp(),
        "new_rd_platforms" => (0.33 * t + 0.3 * inn + 0.4 * z).exp(),
        "chain_output_share" => 50.0 + 1.5 * (p.scale - 3.0) + 11.0 * z,
        "quality_firms" => 5.0 * (0.6 * t + 0.2 * inn + 0.3 * z).exp(),
        "net_new_firms" => 2.0 + 3.0 * t.powf(1.5) + 6.0 * z,
        "emerging_output_share" => 22.0 + 4.0 * inn + 5.0 * qual + 2.0 * (p.scale - 3.0) + 8.0 * z,
        "profit_margin" => 5.5 + 1.2 * qual + 2.0 * z,
        "energy_intensity_drop" => 3.0 + 1.5 * qual + 4.0 * z,
        "srdi_firms" => 3.0 * (0.62 * t + 0.25 * inn + 0.3 * z).exp(),
        "smart_factories" => (0.48 * t + 0.4 * z).exp() - 0.3,
        "green_factories" => 1.2 * (0.52 * t + 0.4 * z).exp() - 0.3,
        other => {
            return Err(format!(
                "the calibration has no prior for indicator {other}"
            ))
        }
    })
}

/// Clips a value into the indicator's plausible range (counts at least zero unless signed) and rounds it.
pub fn clip_round(system: &IndicatorSystem, i: usize, value: f64) -> f64 {
    let ind = &system.indicators[i];
    let lo = if ind.kind == ValueKind::Count && !ind.signed {
        ind.plausible_min.max(0.0)
    } else {
        ind.plausible_min
    };
    let decimals = if ind.integer { 0 } else { ind.decimals };
    round_to(value.clamp(lo, ind.plausible_max), decimals)
}

/// Draws every county's prior values: counties in adcode order, indicators in system order, one draw each.
pub fn generate(
    system: &IndicatorSystem,
    counties: &[Unit],
    priors: &[CountyPrior],
    source: &mut NormalSource,
) -> Result<Dataset, String> {
    let meta = DatasetMeta::default();
    let mut data = Dataset::new(meta, counties.to_vec(), system.n_indicators());
    let mut order: Vec<usize> = (0..counties.len()).collect();
    order.sort_by(|&a, &b| counties[a].adcode.cmp(&counties[b].adcode));
    for &u in &order {
        let p = priors
            .iter()
            .find(|p| p.adcode == counties[u].adcode)
            .ok_or_else(|| format!("no calibration prior for county {}", counties[u].adcode))?;
        for i in 0..system.n_indicators() {
            let v = prior_value(&system.indicators[i].id, p, source.normal())?;
            data.set(u, i, Some(clip_round(system, i, v)));
        }
    }
    Ok(data)
}

/// How the realisation may move a value held to an anchor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnchorHold {
    /// Fixed where the anchor put it.
    Pinned,
    /// Free above this raw value.
    AtLeast(f64),
    /// Free below this raw value.
    AtMost(f64),
}

/// Moves anchored values into agreement with their anchors and says how each may move afterwards.
pub fn apply_anchors(
    system: &IndicatorSystem,
    data: &mut Dataset,
    anchors: &[Anchor],
    source: &mut NormalSource,
) -> Result<Vec<(usize, usize, AnchorHold, usize)>, String> {
    let mut holds = Vec::new();
    for (k, a) in anchors.iter().enumerate() {
        let u = data
            .unit_index(&a.adcode)
            .ok_or_else(|| format!("anchor names unknown county {}", a.adcode))?;
        let i = system
            .indicator_index(&a.indicator)
            .ok_or_else(|| format!("anchor names unknown indicator {}", a.indicator))?;
        let z = source.normal();
        let current = data.get(u, i).unwrap_or(0.0);
        let (value, hold) = match a.relation {
            // Held near the anchor, but not on it: the anchor is another period or definition.
            Relation::Approx => (
                a.value + (0.25 * z).clamp(-0.4, 0.4) * a.tolerance,
                AnchorHold::Pinned,
            ),
            Relation::AtLeast => {
                let floor = a.value - a.tolerance;
                (
                    current.max(floor * (1.0 + 0.15 * z.abs())),
                    AnchorHold::AtLeast(floor),
                )
            }
            Relation::AtMost => {
                let ceiling = a.value + a.tolerance;
                (
                    current.min(ceiling * (1.0 - 0.15 * z.abs())),
                    AnchorHold::AtMost(ceiling),
                )
            }
        };
        let ind = &system.indicators[i];
        let rounded = if ind.integer {
            match hold {
                AnchorHold::AtLeast(_) => value.ceil(),
                AnchorHold::AtMost(_) => value.floor(),
                AnchorHold::Pinned => value.round(),
            }
        } else {
            round_to(value, ind.decimals)
        };
        data.set(u, i, Some(rounded));
        holds.push((u, i, hold, k));
    }
    Ok(holds)
}
