//! A county's profile drawn from a ranking (every indicator with its value, score, rank and provenance) and
//! the generated strengths/weak-spots sentence in the manner of the white paper's county analysis.

use crate::data::provenance::{Provenance, Status};
use crate::i18n::{place, prefecture_name, t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang};
use crate::score::{adcode_order, rank_descending, Ranking};

/// A dimension ranked this well or better counts as a strength.
pub const STRENGTH_RANK: u32 = 10;
/// The worst dimension is called a weak spot when it ranks this many places below the best one.
pub const WEAK_GAP: u32 = 15;

/// One indicator of a county.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorLine {
    pub indicator: usize,
    pub raw: Option<f64>,
    pub normalised: Option<f64>,
    /// Rank among the units that have a value (0 when the county has none).
    pub rank: u32,
    /// `None` when the data set has no provenance record for the value (imported data).
    pub status: Option<Status>,
    pub source: String,
}

/// One dimension of a county.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionLine {
    pub dimension: usize,
    pub score: f64,
    pub rank: u32,
}

/// Where one unit stands: its composite rank and score, its rank within its prefecture, and the counts
/// those ranks are out of. The page shows it as soon as a county is chosen; the rest of the profile
/// comes with the panels module.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    pub rank: u32,
    pub composite: f64,
    pub prefecture_rank: u32,
    pub prefecture_size: usize,
    pub n_ranked: usize,
}

impl Standing {
    /// Where unit `u` of `data` stands under `ranking`.
    pub fn of(data: &Dataset, ranking: &Ranking, u: usize) -> Self {
        let prefecture = &data.units[u].prefecture_zh;
        Self {
            rank: ranking.rank[u],
            composite: ranking.composite[u],
            prefecture_rank: ranking.prefecture_rank[u],
            prefecture_size: data
                .units
                .iter()
                .filter(|o| &o.prefecture_zh == prefecture)
                .count(),
            n_ranked: ranking.rank.iter().filter(|&&r| r > 0).count(),
        }
    }
}

/// Everything the profile panel shows about one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct CountyProfile {
    pub unit: usize,
    pub rank: u32,
    pub composite: f64,
    pub prefecture_rank: u32,
    pub prefecture_size: usize,
    pub n_ranked: usize,
    pub dimensions: Vec<DimensionLine>,
    pub indicators: Vec<IndicatorLine>,
    pub has_estimates: bool,
}

impl CountyProfile {
    /// Gathers the profile of unit `u` under `ranking`.
    pub fn build(
        system: &IndicatorSystem,
        data: &Dataset,
        provenance: &Provenance,
        ranking: &Ranking,
        u: usize,
    ) -> Self {
        let unit = &data.units[u];
        let tie_order = adcode_order(data);
        let indicators: Vec<IndicatorLine> = (0..system.n_indicators())
            .map(|i| {
                let column: Vec<f64> = (0..data.n_units())
                    .map(|v| ranking.normalised_value(v, i))
                    .collect();
                let (ranks, _) = rank_descending(&column, &tie_order);
                let record = provenance.get(&unit.adcode, &system.indicators[i].id);
                let normalised = ranking.normalised_value(u, i);
                IndicatorLine {
                    indicator: i,
                    raw: data.get(u, i),
                    normalised: (!normalised.is_nan()).then_some(normalised),
                    rank: ranks[u],
                    status: record.map(|r| r.status),
                    source: record.map(|r| r.source.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let dimensions = (0..system.n_dimensions())
            .map(|d| DimensionLine {
                dimension: d,
                score: ranking.dimension_score(u, d),
                rank: ranking.rank_in_dimension(u, d),
            })
            .collect();
        let standing = Standing::of(data, ranking, u);
        Self {
            unit: u,
            rank: standing.rank,
            composite: standing.composite,
            prefecture_rank: standing.prefecture_rank,
            prefecture_size: standing.prefecture_size,
            n_ranked: standing.n_ranked,
            dimensions,
            has_estimates: indicators
                .iter()
                .any(|l| l.status.is_some_and(Status::is_estimate)),
            indicators,
        }
    }

    /// The strengths/weak-spots summary, e.g. "晋江市综合指数全省第 1 位……质量效益第 41 位，为主要短板。"
    pub fn summary(&self, system: &IndicatorSystem, data: &Dataset, lang: Lang) -> String {
        let unit = &data.units[self.unit];
        let name = unit.name(lang);
        let pref = prefecture_name(lang, &unit.prefecture_zh);
        // Dimension names stand mid-sentence: lower case where the script has case.
        let dim_name = |d: &DimensionLine| {
            system.dimensions[d.dimension]
                .name(lang)
                .to_ascii_lowercase()
        };
        let mut ranked: Vec<&DimensionLine> =
            self.dimensions.iter().filter(|d| d.rank > 0).collect();
        crate::sorting::sort_by_key(&mut ranked, |d| (d.rank, d.dimension));

        let mut out = if self.rank == 0 {
            tf(lang, Key::SummaryUnranked, &[name])
        } else {
            tf(
                lang,
                Key::SummaryRanked,
                &[
                    name,
                    &place(lang, self.rank),
                    &self.n_ranked.to_string(),
                    &pref,
                    &place(lang, self.prefecture_rank),
                    &self.prefecture_size.to_string(),
                    &format!("{:.2}", self.composite),
                ],
            )
        };

        let strengths: Vec<String> = ranked
            .iter()
            .filter(|d| d.rank <= STRENGTH_RANK)
            .take(2)
            .map(|d| {
                tf(
                    lang,
                    Key::SummaryStrength,
                    &[&dim_name(d), &place(lang, d.rank)],
                )
            })
            .collect();
        let best = ranked.first();
        let worst = ranked
            .last()
            .filter(|w| best.is_some_and(|b| w.rank >= b.rank + WEAK_GAP));
        match (strengths.as_slice(), best) {
            ([one], _) => out.push_str(&tf(lang, Key::SummaryOneStrength, &[one])),
            ([first, second, ..], _) => {
                out.push_str(&tf(lang, Key::SummaryTwoStrengths, &[first, second]))
            }
            ([], Some(b)) => out.push_str(&tf(
                lang,
                Key::SummaryBestDimension,
                &[&dim_name(b), &place(lang, b.rank)],
            )),
            ([], None) => {}
        }
        match worst {
            Some(w) => out.push_str(&tf(
                lang,
                Key::SummaryWeakSpot,
                &[&dim_name(w), &place(lang, w.rank)],
            )),
            None if !ranked.is_empty() => out.push_str(t(lang, Key::SummaryNoWeakSpot)),
            None => {}
        }
        if self.has_estimates {
            out.push_str(t(lang, Key::SummaryEstimates));
        }
        out
    }
}
