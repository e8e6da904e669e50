//! Deterministic calibration of the bundled 2024 estimates: a prior model of every county, then the
//! L1-closest dimension scores that reproduce the white paper's tables, realised as raw indicator values.
//!
//! Steps: draw prior values (`prior`), hold anchored values to their anchors, set the chain-share mean,
//! solve target dimension scores (`targets`), move each county's free values to its targets and nudge the
//! published top 10 onto their printed scores (`realise`), then check everything against the publication.

pub mod prior;
pub mod realise;
pub mod targets;

use crate::data::provenance::{Provenance, Record, Status};
use crate::data::published::PublishedFacts;
use crate::model::{Dataset, IndicatorSystem, Scenario, Unit};
use crate::score::{adcode_order, rank_descending, score, Ranking};
use prior::{AnchorHold, NormalSource};
use realise::{Frame, Lock};

/// The seed of the prior draw: the white paper's release date.
pub const SEED: u64 = 20_251_222;
/// Least gap kept between neighbours of the published dimension lists, in score points.
pub const DIMENSION_GAP: f64 = 0.3;
/// Least gap kept between the composite 10th and the 11th, in score points.
pub const COMPOSITE_GAP: f64 = 0.3;
/// Largest extra gap drawn for a county pushed below a published cutoff, in score points.
pub const SPREAD: f64 = 2.0;
/// The indicator whose 83-county mean the white paper prints (section 二（一）).
pub const MEAN_INDICATOR: &str = "chain_output_share";

/// The calibrated data set with its provenance and a short account of the run.
pub struct Calibration {
    pub data: Dataset,
    pub provenance: Provenance,
    pub report: String,
}

/// Runs the whole calibration; the same inputs always give byte-identical outputs.
pub fn run(
    system: &IndicatorSystem,
    counties: &[Unit],
    published: &PublishedFacts,
    prior_csv: &str,
) -> Result<Calibration, String> {
    let priors = prior::parse(prior_csv)?;
    let mut source = NormalSource::new(SEED);
    let mut data = prior::generate(system, counties, &priors, &mut source)?;
    data.meta = crate::data::seeds::bundled_meta();
    let holds = prior::apply_anchors(system, &mut data, &published.anchors, &mut source)?;
    let n_ind = system.n_indicators();
    let mut locks = vec![Lock::Free; data.n_units() * n_ind];
    for &(u, i, hold, _) in &holds {
        locks[u * n_ind + i] = match hold {
            AnchorHold::Pinned => Lock::Pinned,
            AnchorHold::AtLeast(f) => Lock::Floor(f),
            AnchorHold::AtMost(c) => Lock::Ceiling(c),
        };
    }
    let by_adcode = adcode_order(&data);
    let mean_target = chain_share_mean(published)?;
    let mean_i = system
        .indicator_index(MEAN_INDICATOR)
        .ok_or("no chain_output_share indicator")?;

    // The mean is set once on the prior so the targets start from realistic cluster scores.
    let everyone: Vec<usize> = by_adcode.clone();
    let provisional = Frame::new(system, &data, locks.clone(), &by_adcode);
    realise::fix_mean(&provisional, &mut data, mean_i, mean_target, &everyone)?;
    let frame = Frame::new(system, &data, locks, &by_adcode);

    let scenario = Scenario::default_for(system);
    let prior_ranking = score(system, &data, &scenario).map_err(|e| e.to_string())?;
    let (dimension_top, composite_top) = published_lists(system, &data, published)?;
    let n_dims = system.n_dimensions();
    let (mut lower, mut upper) = (
        vec![0.0; data.n_units() * n_dims],
        vec![0.0; data.n_units() * n_dims],
    );
    for u in 0..data.n_units() {
        for d in 0..n_dims {
            let range = system.indicators_of(d);
            let k = range.len() as f64;
            let bounds: Vec<(f64, f64)> = range.map(|i| frame.norm_bounds(&data, u, i)).collect();
            lower[u * n_dims + d] = bounds.iter().map(|b| b.0).sum::<f64>() / k;
            upper[u * n_dims + d] = bounds.iter().map(|b| b.1).sum::<f64>() / k;
        }
    }
    let spread: Vec<f64> = (0..data.n_units() * (n_dims + 1))
        .map(|_| SPREAD * source.uniform())
        .collect();
    let targets = targets::solve(&targets::TargetProblem {
        n_units: data.n_units(),
        n_dims,
        prior: &prior_ranking.dimension_scores,
        lower: &lower,
        upper: &upper,
        dimension_top: &dimension_top,
        composite_top: &composite_top,
        dimension_gap: DIMENSION_GAP,
        composite_gap: COMPOSITE_GAP,
        spread: &spread,
    })?;
    let moved = targets
        .iter()
        .zip(&prior_ranking.dimension_scores)
        .filter(|(t, p)| (*t - *p).abs() > 1e-6)
        .count();
    let shift: f64 = targets
        .iter()
        .zip(&prior_ranking.dimension_scores)
        .map(|(t, p)| (t - p).abs())
        .sum();

    for u in 0..data.n_units() {
        for d in 0..n_dims {
            realise::realise_dimension(&frame, &mut data, u, d, targets[u * n_dims + d])?;
        }
    }
    // Free counties absorb the chain-share changes the targets made elsewhere.
    let listed: Vec<usize> = dimension_top
        .iter()
        .flatten()
        .copied()
        .chain(composite_top.iter().map(|c| c.0))
        .collect();
    let free: Vec<usize> = by_adcode
        .iter()
        .copied()
        .filter(|u| !listed.contains(u))
        .collect();
    realise::fix_mean(&frame, &mut data, mean_i, mean_target, &free)?;
    for &(u, s) in &composite_top {
        let ranking = score(system, &data, &scenario).map_err(|e| e.to_string())?;
        let delta = s - ranking.composite[u];
        if delta.abs() > 0.001
            && realise::nudge_composite(&frame, &mut data, u, delta, 0.0015).is_none()
        {
            return Err(format!(
                "cannot bring {} onto its published score {s}",
                data.units[u].name_zh
            ));
        }
    }

    let ranking = score(system, &data, &scenario).map_err(|e| e.to_string())?;
    let failures = check(system, &data, &ranking, published);
    if !failures.is_empty() {
        return Err(format!(
            "calibration failed its checks:\n{}",
            failures.join("\n")
        ));
    }
    let provenance = provenance(system, &data, published, &holds);
    let report = format!(
        "seed {SEED}; {moved} of {} county-dimension scores moved from the prior (total |shift| {shift:.1} points); \
         all checks passed",
        targets.len()
    );
    Ok(Calibration {
        data,
        provenance,
        report,
    })
}

fn chain_share_mean(published: &PublishedFacts) -> Result<f64, String> {
    published
        .province_facts
        .iter()
        .find(|f| f.indicator.as_deref() == Some(MEAN_INDICATOR) && f.scope.contains("mean"))
        .map(|f| f.value)
        .ok_or_else(|| "published.json has no chain_output_share mean".to_string())
}

type Lists = (Vec<Vec<usize>>, Vec<(usize, f64)>);

/// The published dimension and composite lists as unit indices.
pub fn published_lists(
    system: &IndicatorSystem,
    data: &Dataset,
    published: &PublishedFacts,
) -> Result<Lists, String> {
    let find = |code: &str| {
        data.unit_index(code)
            .ok_or_else(|| format!("published county {code} is not in the data"))
    };
    let dims = system
        .dimensions
        .iter()
        .map(|d| {
            let list = published
                .dimension_top10
                .get(&d.id)
                .ok_or_else(|| format!("no published list for {}", d.id))?;
            list.iter().map(|c| find(c)).collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let composite = published
        .composite_top10
        .entries
        .iter()
        .map(|e| Ok((find(&e.adcode)?, e.score)))
        .collect::<Result<Vec<_>, String>>()?;
    Ok((dims, composite))
}

/// Every check the calibrated data must pass; returns the failures.
pub fn check(
    system: &IndicatorSystem,
    data: &Dataset,
    ranking: &Ranking,
    published: &PublishedFacts,
) -> Vec<String> {
    let mut failures = Vec::new();
    for e in &published.composite_top10.entries {
        let u = ranking.order[e.rank as usize - 1];
        let got = format!("{:.2}", ranking.composite[u]);
        if data.units[u].adcode != e.adcode || got != format!("{:.2}", e.score) {
            failures.push(format!(
                "composite rank {}: expected {} {:.2}, got {} {got}",
                e.rank, e.name_zh, e.score, data.units[u].name_zh
            ));
        }
    }
    let by_adcode = adcode_order(data);
    for (d, dim) in system.dimensions.iter().enumerate() {
        let expected = published.dimension_top10.get(&dim.id).unwrap_or(&[]);
        // The dimension in rank order as the scorer ranks it: ties (to `TIE_DECIMALS` decimals) by adcode.
        let column: Vec<f64> = (0..data.n_units())
            .map(|u| ranking.dimension_score(u, d))
            .collect();
        let (_, units) = rank_descending(&column, &by_adcode);
        let got: Vec<&str> = units
            .iter()
            .take(10)
            .map(|&u| data.units[u].adcode.as_str())
            .collect();
        if got != expected.iter().map(String::as_str).collect::<Vec<_>>() {
            failures.push(format!("dimension {} top 10 differs: {got:?}", dim.id));
        }
    }
    if let Ok(target) = chain_share_mean(published) {
        let i = system.indicator_index(MEAN_INDICATOR).unwrap_or(0);
        let mean = data.column(i).iter().sum::<f64>() / data.n_units() as f64;
        if format!("{mean:.1}") != format!("{target:.1}") {
            failures.push(format!("mean chain share {mean:.3} is not {target}"));
        }
    }
    for a in &published.anchors {
        let (Some(u), Some(i)) = (
            data.unit_index(&a.adcode),
            system.indicator_index(&a.indicator),
        ) else {
            failures.push(format!(
                "anchor {} {} does not match the data",
                a.adcode, a.indicator
            ));
            continue;
        };
        match data.get(u, i) {
            Some(v) if a.holds_for(v) => {}
            other => failures.push(format!(
                "anchor {} {} = {} broken by {other:?}",
                a.name_zh, a.indicator, a.value
            )),
        }
    }
    for (i, ind) in system.indicators.iter().enumerate() {
        for (u, &v) in data.column(i).iter().enumerate() {
            let whole = !ind.integer || v.fract() == 0.0;
            if v.is_nan() || v < ind.plausible_min || v > ind.plausible_max || !whole {
                failures.push(format!(
                    "{} {} = {v} is out of range or not whole",
                    data.units[u].name_zh, ind.id
                ));
            }
        }
    }
    failures
}

/// Provenance: every value is an estimate; those held to an anchor name it.
fn provenance(
    system: &IndicatorSystem,
    data: &Dataset,
    published: &PublishedFacts,
    holds: &[(usize, usize, AnchorHold, usize)],
) -> Provenance {
    let mut records = Vec::with_capacity(data.n_units() * system.n_indicators());
    for &u in &adcode_order(data) {
        for (i, ind) in system.indicators.iter().enumerate() {
            let anchor = holds
                .iter()
                .find(|h| h.0 == u && h.1 == i)
                .map(|h| &published.anchors[h.3]);
            records.push(Record {
                adcode: data.units[u].adcode.clone(),
                indicator: ind.id.clone(),
                status: if anchor.is_some() {
                    Status::EstimateAnchored
                } else {
                    Status::Estimate
                },
                source: anchor
                    .map(|a| a.label())
                    .unwrap_or_else(|| format!("calibration seed {SEED}")),
            });
        }
    }
    Provenance::new(records)
}
