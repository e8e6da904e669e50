//! Year-over-year change between two editions: each county's rank and score change, its rank change
//! split into the part due to its own data and the part due to everyone else's, and, where scores share
//! one linear scale, its score change split into per-indicator contributions.
//!
//! The rank split averages the two orders of swapping (the county's own values first, or the others'
//! first), so the two parts always sum to the change and may be half places. Under pooled scaling the
//! scale is the one of the actual editions stacked, so a county's score in each edition is fixed and a
//! mixed state compares its score of one edition with the others' scores of the other. Under scaling
//! edition by edition, a mixed state is the one edition's data with the county's row taken from the
//! other, scored on its own.
//!
//! The rank and score changes come from scoring the two editions once ([`edition_ranks`]), which the
//! page recomputes with every ranking; why counties moved ([`explain`], or [`explain_county`] for one)
//! is computed apart, where it is shown.

use super::common_system::{LeftOut, LeftOutReason};
use crate::data::csv_text::spreadsheet_text;
use crate::model::{Aggregation, Dataset, IndicatorSystem, Lang, Normalisation, Scaling, Scenario};
use crate::score::{score_editions, tie_key, Ranking, ScoreError, Scorer};

/// One county present and ranked in both editions.
#[derive(Clone, Debug, PartialEq)]
pub struct CountyChange {
    pub adcode: String,
    pub name_zh: String,
    pub rank_from: u32,
    pub rank_to: u32,
    /// Places gained: `rank_from - rank_to`.
    pub rank_change: i32,
    /// The part of the rank change due to the county's own data; `rank_own + rank_others == rank_change`.
    pub rank_own: f64,
    pub rank_others: f64,
    pub score_from: f64,
    pub score_to: f64,
    pub score_change: f64,
    /// Per indicator, its share of the score change (they sum to it); `None` when scores are not on one
    /// linear scale ([`contributions_apply`]).
    pub contributions: Option<Vec<f64>>,
}

/// A county in only one of the editions, or ranked in only one.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmatched {
    pub adcode: String,
    pub name_zh: String,
    /// Its rank and score in the edition where it is ranked, if any.
    pub rank: Option<u32>,
    pub score: Option<f64>,
    pub side: Side,
}

/// Which edition an unmatched county belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Only in the earlier edition (gone).
    From,
    /// Only in the later edition (new).
    To,
    /// In both, but ranked in one of them at most.
    Unranked,
}

impl Side {
    pub fn id(self) -> &'static str {
        match self {
            Side::From => "gone",
            Side::To => "new",
            Side::Unranked => "unranked",
        }
    }
}

/// Why a score change does not split into per-indicator contributions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoContributions {
    /// Each edition on its own scale: the same value scores differently in two years.
    ScaledEach,
    /// Percentile ranks: a county's normalised value depends on every other county's value.
    NonLinearNormalisation,
    /// Geometric aggregation: the composite is not a weighted sum of normalised values.
    Geometric,
}

impl NoContributions {
    /// Why, in English (the command line prints it on stderr).
    pub fn reason(self) -> &'static str {
        match self {
            NoContributions::ScaledEach => {
                "the editions are scaled each on its own (--scaling each), so a score change mixes the data's change with the change of scale"
            }
            NoContributions::NonLinearNormalisation => {
                "percentile ranks make each normalised value depend on every other county's value"
            }
            NoContributions::Geometric => {
                "geometric aggregation does not make the composite a weighted sum of indicator values"
            }
        }
    }
}

/// Whether score changes split exactly into per-indicator contributions under these choices.
pub fn contributions_apply(scenario: &Scenario, scaling: Scaling) -> Result<(), NoContributions> {
    if scaling == Scaling::Each {
        return Err(NoContributions::ScaledEach);
    }
    if scenario.normalisation == Normalisation::Rank {
        return Err(NoContributions::NonLinearNormalisation);
    }
    if scenario.aggregation == Aggregation::Geometric {
        return Err(NoContributions::Geometric);
    }
    Ok(())
}

/// Everything the change between two editions shows.
#[derive(Clone, Debug, PartialEq)]
pub struct EditionChange {
    pub rows: Vec<CountyChange>,
    pub unmatched: Vec<Unmatched>,
    pub contributions: Result<(), NoContributions>,
    /// The two editions' rankings under the chosen scaling.
    pub from_ranking: Ranking,
    pub to_ranking: Ranking,
}

/// One county ranked in both editions, its rank and score change only: what the ranking's column and
/// the lists of movers show.
#[derive(Clone, Debug, PartialEq)]
pub struct RankChange {
    pub adcode: String,
    pub name_zh: String,
    /// Its unit in the earlier edition's data and in the later's.
    pub unit_from: usize,
    pub unit_to: usize,
    pub rank_from: u32,
    pub rank_to: u32,
    /// Places gained: `rank_from - rank_to`.
    pub rank_change: i32,
    pub score_from: f64,
    pub score_to: f64,
    pub score_change: f64,
}

/// The light part of the change between two editions, from scoring them once: each county's rank and
/// score change and the counties unmatched, without why they moved ([`explain`], [`explain_county`]).
#[derive(Clone, Debug, PartialEq)]
pub struct EditionRanks {
    pub rows: Vec<RankChange>,
    pub unmatched: Vec<Unmatched>,
    /// Whether score changes split into per-indicator contributions under the choices made.
    pub contributions: Result<(), NoContributions>,
    /// The two editions' rankings under the chosen scaling.
    pub from_ranking: Ranking,
    pub to_ranking: Ranking,
}

/// Why one county's rank and score moved between the editions.
#[derive(Clone, Debug, PartialEq)]
pub struct Why {
    /// The part of the rank change due to the county's own data; `rank_own + rank_others` is the
    /// rank change.
    pub rank_own: f64,
    pub rank_others: f64,
    /// Per indicator, its share of the score change; `None` when contributions do not apply.
    pub contributions: Option<Vec<f64>>,
}

/// The change from edition `from` to edition `to` under one scenario and scaling. Rows follow the later
/// edition's rank order; unmatched counties follow, gone then new then unranked, by adcode.
pub fn edition_change(
    system: &IndicatorSystem,
    from: &Dataset,
    to: &Dataset,
    scenario: &Scenario,
    scaling: Scaling,
) -> Result<EditionChange, ScoreError> {
    let ranks = edition_ranks(system, from, to, scenario, scaling)?;
    explain(system, from, to, ranks, scenario, scaling)
}

/// The rank and score change from edition `from` to edition `to`, scoring the two editions once; rows
/// and unmatched counties in the order of [`edition_change`].
pub fn edition_ranks(
    system: &IndicatorSystem,
    from: &Dataset,
    to: &Dataset,
    scenario: &Scenario,
    scaling: Scaling,
) -> Result<EditionRanks, ScoreError> {
    let mut rankings = score_editions(system, &[from, to], scenario, scaling)?;
    let to_ranking = rankings.pop().expect("two rankings");
    let from_ranking = rankings.pop().expect("two rankings");
    let mut rows = Vec::new();
    let mut unmatched = Vec::new();
    let later = |v: usize, side: Side| {
        let unit = &to.units[v];
        let (rank, score) = (to_ranking.rank[v], to_ranking.composite[v]);
        Unmatched {
            adcode: unit.adcode.clone(),
            name_zh: unit.name_zh.clone(),
            rank: (rank > 0).then_some(rank),
            score: score.is_finite().then_some(score),
            side,
        }
    };
    for &v in &to_ranking.order {
        let unit = &to.units[v];
        let Some(u) = from.unit_index(&unit.adcode) else {
            unmatched.push(later(v, Side::To));
            continue;
        };
        if from_ranking.rank[u] == 0 || to_ranking.rank[v] == 0 {
            unmatched.push(later(v, Side::Unranked));
            continue;
        }
        let score_from = from_ranking.composite[u];
        let score_to = to_ranking.composite[v];
        rows.push(RankChange {
            adcode: unit.adcode.clone(),
            name_zh: unit.name_zh.clone(),
            unit_from: u,
            unit_to: v,
            rank_from: from_ranking.rank[u],
            rank_to: to_ranking.rank[v],
            rank_change: from_ranking.rank[u] as i32 - to_ranking.rank[v] as i32,
            score_from,
            score_to,
            score_change: score_to - score_from,
        });
    }
    for (u, unit) in from.units.iter().enumerate() {
        if to.unit_index(&unit.adcode).is_none() {
            unmatched.push(Unmatched {
                adcode: unit.adcode.clone(),
                name_zh: unit.name_zh.clone(),
                rank: (from_ranking.rank[u] > 0).then_some(from_ranking.rank[u]),
                score: from_ranking.composite[u]
                    .is_finite()
                    .then_some(from_ranking.composite[u]),
                side: Side::From,
            });
        }
    }
    unmatched.sort_by(|a, b| {
        side_order(a.side)
            .cmp(&side_order(b.side))
            .then_with(|| a.adcode.cmp(&b.adcode))
    });
    Ok(EditionRanks {
        rows,
        unmatched,
        contributions: contributions_apply(scenario, scaling),
        from_ranking,
        to_ranking,
    })
}

/// Why one county of `ranks` moved: its rank split and its contributions. `from`, `to`, `scenario` and
/// `scaling` must be those `ranks` was computed from. Under scaling edition by edition this re-scores
/// each edition once with the county's row swapped; pooled, it only counts.
pub fn explain_county(
    system: &IndicatorSystem,
    from: &Dataset,
    to: &Dataset,
    ranks: &EditionRanks,
    row: &RankChange,
    scenario: &Scenario,
    scaling: Scaling,
) -> Result<Why, ScoreError> {
    let pair = Pair {
        system,
        from,
        to,
        from_ranking: &ranks.from_ranking,
        to_ranking: &ranks.to_ranking,
    };
    let (u, v) = (row.unit_from, row.unit_to);
    let (rank_own, rank_others) = pair.rank_split(u, v, scenario, scaling)?;
    Ok(Why {
        rank_own,
        rank_others,
        contributions: ranks
            .contributions
            .is_ok()
            .then(|| pair.contributions(u, v)),
    })
}

/// The full change from the light one: why every county moved. `from`, `to`, `scenario` and `scaling`
/// must be those `ranks` was computed from.
pub fn explain(
    system: &IndicatorSystem,
    from: &Dataset,
    to: &Dataset,
    ranks: EditionRanks,
    scenario: &Scenario,
    scaling: Scaling,
) -> Result<EditionChange, ScoreError> {
    let rows = ranks
        .rows
        .iter()
        .map(|row| {
            let why = explain_county(system, from, to, &ranks, row, scenario, scaling)?;
            Ok(CountyChange {
                adcode: row.adcode.clone(),
                name_zh: row.name_zh.clone(),
                rank_from: row.rank_from,
                rank_to: row.rank_to,
                rank_change: row.rank_change,
                rank_own: why.rank_own,
                rank_others: why.rank_others,
                score_from: row.score_from,
                score_to: row.score_to,
                score_change: row.score_change,
                contributions: why.contributions,
            })
        })
        .collect::<Result<Vec<_>, ScoreError>>()?;
    Ok(EditionChange {
        rows,
        unmatched: ranks.unmatched,
        contributions: ranks.contributions,
        from_ranking: ranks.from_ranking,
        to_ranking: ranks.to_ranking,
    })
}

fn side_order(side: Side) -> u8 {
    match side {
        Side::From => 0,
        Side::To => 1,
        Side::Unranked => 2,
    }
}

/// The two editions and their rankings.
struct Pair<'a> {
    system: &'a IndicatorSystem,
    from: &'a Dataset,
    to: &'a Dataset,
    from_ranking: &'a Ranking,
    to_ranking: &'a Ranking,
}

impl Pair<'_> {
    /// The rank change of unit `u` (earlier edition) = `v` (later) split into its own data's part and
    /// the others' part, each the average over the two orders of swapping.
    fn rank_split(
        &self,
        u: usize,
        v: usize,
        scenario: &Scenario,
        scaling: Scaling,
    ) -> Result<(f64, f64), ScoreError> {
        let (rank_from, rank_to) = (
            self.from_ranking.rank[u] as f64,
            self.to_ranking.rank[v] as f64,
        );
        let (own_first, others_first) = match scaling {
            Scaling::Pooled => (
                rank_among(self.to_ranking.composite[v], self.from_ranking, u),
                rank_among(self.from_ranking.composite[u], self.to_ranking, v),
            ),
            Scaling::Each => (
                rank_with_row(self.system, self.from, u, self.to, v, scenario)?,
                rank_with_row(self.system, self.to, v, self.from, u, scenario)?,
            ),
        };
        let (own_first, others_first) = (own_first as f64, others_first as f64);
        let own = ((rank_from - own_first) + (others_first - rank_to)) / 2.0;
        let others = ((own_first - rank_to) + (rank_from - others_first)) / 2.0;
        Ok((own, others))
    }

    /// Per indicator, the change of its term in the composite; the terms sum to the score change.
    fn contributions(&self, u: usize, v: usize) -> Vec<f64> {
        let to = terms(self.system, self.to_ranking, v);
        let from = terms(self.system, self.from_ranking, u);
        to.iter().zip(&from).map(|(t, f)| t - f).collect()
    }
}

/// The rank a score would have among the ranked units of `ranking` other than `except`: one more than
/// the number of them that score strictly higher, to the tie precision, as the ranking itself counts.
fn rank_among(score: f64, ranking: &Ranking, except: usize) -> u32 {
    let key = tie_key(score);
    let above = ranking
        .composite
        .iter()
        .enumerate()
        .filter(|&(w, s)| w != except && s.is_finite() && tie_key(*s) > key)
        .count();
    above as u32 + 1
}

/// The rank of unit `u` of `data` when its row is replaced by unit `w`'s row of `other`, with the data
/// scored on its own; 0 when it is then unranked.
fn rank_with_row(
    system: &IndicatorSystem,
    data: &Dataset,
    u: usize,
    other: &Dataset,
    w: usize,
    scenario: &Scenario,
) -> Result<u32, ScoreError> {
    let mut mixed = data.clone();
    for i in 0..data.n_indicators() {
        mixed.set(u, i, other.get(w, i));
    }
    Ok(Scorer::new(&mixed).score(system, scenario)?.rank[u])
}

/// Unit `u`'s composite as a sum of one term per indicator, for arithmetic aggregation: each present
/// normalised value times its dimension's weight and its share of the dimension's present weight (the
/// plain mean's share where the present indicators all weigh zero, as scoring does).
fn terms(system: &IndicatorSystem, ranking: &Ranking, u: usize) -> Vec<f64> {
    let mut out = vec![0.0; system.n_indicators()];
    for d in 0..system.n_dimensions() {
        let present: Vec<usize> = system
            .indicators_of(d)
            .filter(|&i| !ranking.normalised_value(u, i).is_nan())
            .collect();
        let weight_sum: f64 = present
            .iter()
            .map(|&i| ranking.weights.within(system, i))
            .sum();
        for &i in &present {
            let share = if weight_sum > 0.0 {
                ranking.weights.within(system, i) / weight_sum
            } else {
                1.0 / present.len() as f64
            };
            out[i] = ranking.weights.dimension[d] * share * ranking.normalised_value(u, i);
        }
    }
    out
}

/// Prints a number of places, half places as `0.5`.
fn places(v: f64) -> String {
    format!("{v}")
}

fn number(v: f64) -> String {
    format!("{v:.6}")
}

/// The change as CSV: one row per county ranked in both editions, in the later edition's order, then the
/// unmatched counties with blank changes; `contrib_<indicator id>` columns when contributions apply.
pub fn change_csv(system: &IndicatorSystem, change: &EditionChange) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "adcode",
        "name_zh",
        "rank_from",
        "rank_to",
        "rank_change",
        "rank_own",
        "rank_others",
        "score_from",
        "score_to",
        "score_change",
    ]
    .map(String::from)
    .to_vec();
    let with_contributions = change.contributions.is_ok();
    if with_contributions {
        header.extend(
            system
                .indicators
                .iter()
                .map(|i| format!("contrib_{}", i.id)),
        );
    }
    w.write_record(&header).expect("in-memory CSV");
    for row in &change.rows {
        let mut record = vec![
            spreadsheet_text(&row.adcode).into_owned(),
            spreadsheet_text(&row.name_zh).into_owned(),
            row.rank_from.to_string(),
            row.rank_to.to_string(),
            row.rank_change.to_string(),
            places(row.rank_own),
            places(row.rank_others),
            number(row.score_from),
            number(row.score_to),
            number(row.score_change),
        ];
        if let Some(c) = &row.contributions {
            record.extend(c.iter().map(|&v| number(v)));
        }
        w.write_record(&record).expect("in-memory CSV");
    }
    let width = header.len();
    for gone in &change.unmatched {
        let rank = gone.rank.map(|r| r.to_string()).unwrap_or_default();
        let score = gone.score.map(number).unwrap_or_default();
        let (rank_from, rank_to, score_from, score_to) = match gone.side {
            Side::From => (rank, String::new(), score, String::new()),
            Side::To | Side::Unranked => (String::new(), rank, String::new(), score),
        };
        let mut record = vec![
            spreadsheet_text(&gone.adcode).into_owned(),
            spreadsheet_text(&gone.name_zh).into_owned(),
            rank_from,
            rank_to,
            String::new(),
            String::new(),
            String::new(),
            score_from,
            score_to,
        ];
        record.resize(width, String::new());
        w.write_record(&record).expect("in-memory CSV");
    }
    String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("UTF-8")
}

/// The change as JSON: the two editions named, the scaling, the rows, the unmatched counties and what
/// of the editions' own indicator systems the comparison left out (empty when they share one), each
/// item with its message in `lang`.
pub fn change_json(
    system: &IndicatorSystem,
    change: &EditionChange,
    editions: [&str; 2],
    scaling: Scaling,
    left_out: &LeftOut,
    lang: Lang,
) -> String {
    use crate::model::Choice;
    use serde_json::{json, Value};
    let finite = |v: f64| if v.is_finite() { json!(v) } else { Value::Null };
    let rows: Vec<Value> = change
        .rows
        .iter()
        .map(|r| {
            let mut row = json!({
                "adcode": r.adcode, "name_zh": r.name_zh,
                "rank_from": r.rank_from, "rank_to": r.rank_to, "rank_change": r.rank_change,
                "rank_own": r.rank_own, "rank_others": r.rank_others,
                "score_from": finite(r.score_from), "score_to": finite(r.score_to),
                "score_change": finite(r.score_change),
            });
            if let Some(c) = &r.contributions {
                let by_id: serde_json::Map<String, Value> = system
                    .indicators
                    .iter()
                    .zip(c)
                    .map(|(i, &v)| (i.id.clone(), finite(v)))
                    .collect();
                row["contributions"] = Value::Object(by_id);
            }
            row
        })
        .collect();
    let unmatched: Vec<Value> = change
        .unmatched
        .iter()
        .map(|g| {
            json!({"adcode": g.adcode, "name_zh": g.name_zh, "status": g.side.id(),
                   "rank": g.rank, "score": g.score})
        })
        .collect();
    let left_out: Vec<Value> = left_out
        .items
        .iter()
        .map(|item| {
            let mut entry = json!({
                "side": item.side.id(),
                "kind": if item.is_dimension { "dimension" } else { "indicator" },
                "id": item.id, "name_zh": item.names[0], "reason": item.reason.id(),
                "message": item.message(lang),
            });
            if let LeftOutReason::OtherDimension(other) = &item.reason {
                entry["other_dimension"] = json!(other);
            }
            entry
        })
        .collect();
    let value = json!({
        "from": editions[0],
        "to": editions[1],
        "scaling": scaling.id(),
        "counties": rows,
        "unmatched": unmatched,
        "left_out": left_out,
    });
    let mut value = value;
    if let Err(why) = change.contributions {
        value["contributions_omitted"] = json!(why.reason());
    }
    serde_json::to_string_pretty(&value).expect("JSON")
}
