//! The one-page county brief: what a county official takes away from the page, built from the page's state
//! as plain sections of text (and numbers for a small chart), so the view only lays them out.
//!
//! A section whose content is not available (no bounds for this method, say) is left out rather than
//! shown with an empty heading. The rank uncertainty is a fixed, reproducible Monte Carlo run
//! ([`SAMPLES`] samples, seed [`SEED`], weight noise [`NOISE`]); best and worst ranks come from
//! `analysis::bounds` (precomputed for the bundled data, otherwise handed in by the caller).

use crate::analysis::bounds::{self, RankBounds};
use crate::analysis::indicator_reach::{self, Advice, AdviceOutcome};
use crate::analysis::uncertainty::{self, UncertaintyConfig, UncertaintyResult, UncertaintyRow};
use crate::analysis::{percent, WeightLimits};
use crate::i18n::{place, prefecture_name, t, tf, Key};
use crate::model::{Choice, IndicatorSystem, Lang, Treatment};
use crate::share::{self, DatasetRef, Embed, ShareState};
use crate::state::{default_scenario, State};
use crate::summary::CountyProfile;

/// Samples of the brief's rank-uncertainty run: enough for stable 5 % and 95 % ranks, quick in a browser.
pub const SAMPLES: usize = 2_000;
/// The seed of that run, so a brief printed twice says the same.
pub const SEED: u64 = 2024;
/// Half-width of the multiplicative weight noise (each weight times a factor in [1 - X, 1 + X]).
pub const NOISE: f64 = 0.2;
/// How many "what it would take" lines the brief gives.
pub const REACH_LINES: usize = 2;

/// The brief of one county.
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    pub lang: Lang,
    /// The adcode of the county.
    pub adcode: String,
    pub county: String,
    pub prefecture: String,
    /// "县域重点产业链发展指数简报" and the like.
    pub title: String,
    /// Label and value pairs shown under the title: rank, score, prefecture rank, date.
    pub facts: Vec<(String, String)>,
    /// Said when any value of the county is an estimate.
    pub estimate_notice: Option<String>,
    pub sections: Vec<Section>,
    /// The share link that reopens this view.
    pub link: String,
    /// The link as a QR code.
    pub qr: Option<Qr>,
}

/// One titled part of the brief; never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// A stable name (`method`, `dimensions`, `summary`, `uncertainty`, `bounds`, `reach`, `link`).
    pub id: &'static str,
    pub heading: String,
    pub lines: Vec<String>,
    pub table: Option<DimensionTable>,
}

/// The county's dimensions against the province's and its prefecture's means.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionTable {
    pub head: [String; 5],
    pub rows: Vec<DimensionRow>,
    /// Legend names of the three series: the county, the prefecture mean, the province mean.
    pub series: [String; 3],
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionRow {
    pub dimension: usize,
    pub name: String,
    pub score: f64,
    /// Rank among all ranked units (0 when unranked).
    pub rank: u32,
    pub prefecture_mean: f64,
    pub province_mean: f64,
}

/// A QR code as one SVG path of unit squares on a `width` x `width` grid (quiet zone not included).
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub width: usize,
    pub path: String,
    /// How many dark modules the path draws.
    pub dark: usize,
}

/// Everything the brief needs besides the state.
#[derive(Clone, Debug, Default)]
pub struct Extras<'a> {
    /// The date the brief is made, as the reader writes it (e.g. `2026-12-06`).
    pub date: &'a str,
    /// The page's address without query (`https://host/path/`).
    pub base_url: &'a str,
    /// The county's best and worst rank over all dimension weightings, when known.
    pub bounds: Option<RankBounds>,
    /// The limits `bounds` were computed within; `None` when any weighting was allowed.
    pub bounds_limits: Option<WeightLimits>,
}

/// The precomputed best and worst rank of unit `u`, when the state's data and method have them.
pub fn precomputed_bounds(state: &State, u: usize) -> Option<RankBounds> {
    bounds::precomputed(&state.system, &state.data, &state.scenario)?
        .into_iter()
        .find(|b| b.unit == u)
}

/// The share link of the state's view with `u` selected: scenario, county, language and data set.
pub fn share_link(state: &State, u: usize, base_url: &str) -> String {
    // The bundled data carries its provenance; an import has none (see `state::snapshot`).
    let dataset = if state.provenance.records().is_empty() {
        DatasetRef::Imported {
            name: state.data.meta.name.clone(),
            hash: state.data.content_hash(),
        }
    } else {
        DatasetRef::Bundled
    };
    let view = ShareState {
        scenario: state.scenario.clone(),
        county: Some(state.data.units[u].adcode.clone()),
        lang: state.lang,
        dataset,
        embed: Embed::default(),
        editions: state.editions.link_choices(),
    };
    let query = share::encode(&view, &state.system, &default_scenario(&state.system));
    format!("{base_url}?{query}")
}

/// The QR code of `text` (error correction M), or `None` when it is too long for one.
pub fn qr(text: &str) -> Option<Qr> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark_modules = code.to_colors();
    let mut path = String::new();
    let mut dark = 0;
    for y in 0..width {
        let row = &dark_modules[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == qrcode::Color::Dark {
                let start = x;
                while x < width && row[x] == qrcode::Color::Dark {
                    x += 1;
                }
                dark += x - start;
                path.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some(Qr { width, path, dark })
}

/// The brief of the selected county, or `None` when no county is selected.
pub fn build(state: &State, extras: &Extras) -> Option<Brief> {
    let u = state.selected?;
    let lang = state.lang;
    let system = &state.system;
    let unit = &state.data.units[u];
    let profile = CountyProfile::build(system, &state.data, &state.provenance, &state.ranking, u);
    let estimates = profile.has_estimates || state.unit_estimates.get(u).copied().unwrap_or(false);
    let link = share_link(state, u, extras.base_url);
    let mut sections = vec![
        method_section(state),
        dimension_section(state, &profile),
        Section {
            id: "summary",
            heading: t(lang, Key::BriefSummaryHeading).into(),
            lines: vec![profile.summary(system, &state.data, lang)],
            table: None,
        },
    ];
    sections.extend(uncertainty_section(state, u));
    sections.extend(
        extras
            .bounds
            .as_ref()
            .and_then(|b| bounds_section(system, b, extras.bounds_limits, lang)),
    );
    sections.extend(reach_section(state, u));
    sections.push(Section {
        id: "link",
        heading: t(lang, Key::BriefLinkHeading).into(),
        lines: vec![t(lang, Key::BriefLinkIntro).into(), link.clone()],
        table: None,
    });
    Some(Brief {
        lang,
        adcode: unit.adcode.clone(),
        county: unit.name(lang).to_string(),
        prefecture: prefecture_name(lang, &unit.prefecture_zh),
        title: t(lang, Key::BriefTitle).into(),
        facts: facts(&profile, extras.date, lang),
        estimate_notice: estimates.then(|| t(lang, Key::BriefEstimateNotice).into()),
        sections,
        qr: qr(&link),
        link,
    })
}

fn facts(p: &CountyProfile, date: &str, lang: Lang) -> Vec<(String, String)> {
    let rank = |r: u32, of: usize| match r {
        0 => t(lang, Key::Unranked).to_string(),
        r => tf(lang, Key::BriefRankOf, &[&place(lang, r), &of.to_string()]),
    };
    let score = if p.composite.is_nan() {
        "—".to_string()
    } else {
        format!("{:.2}", p.composite)
    };
    let mut out = vec![
        (t(lang, Key::CompositeRank).into(), rank(p.rank, p.n_ranked)),
        (t(lang, Key::ColScore).into(), score),
        (
            t(lang, Key::PrefectureRank).into(),
            rank(p.prefecture_rank, p.prefecture_size),
        ),
    ];
    if !date.is_empty() {
        out.push((t(lang, Key::BriefDate).into(), date.to_string()));
    }
    out
}

/// The treatments in force as one line naming each treated indicator ("不处理" when none is).
pub fn treatment_text(system: &IndicatorSystem, treatments: &[Treatment], lang: Lang) -> String {
    let treated: Vec<String> = treatments
        .iter()
        .enumerate()
        .filter_map(|(i, tr)| {
            let name = system.indicators.get(i)?.short(lang);
            match tr {
                Treatment::None => None,
                Treatment::Log => Some(tf(lang, Key::BriefTreatLog, &[name])),
                Treatment::Winsorise { lower, upper } => Some(tf(
                    lang,
                    Key::BriefTreatWinsorise,
                    &[name, &lower.to_string(), &upper.to_string()],
                )),
                Treatment::Jrc => Some(tf(lang, Key::BriefTreatJrc, &[name])),
            }
        })
        .collect();
    if treated.is_empty() {
        t(lang, Key::BriefTreatNone).into()
    } else {
        treated.join(t(lang, Key::BriefListSeparator))
    }
}

/// Dimension weights as "产业规模 20.0%、…".
fn weights_text(system: &IndicatorSystem, w: &[f64], lang: Lang) -> String {
    let items: Vec<String> = system
        .dimensions
        .iter()
        .zip(w)
        .map(|(d, w)| format!("{} {:.1}%", d.name(lang), w * 100.0))
        .collect();
    items.join(t(lang, Key::BriefListSeparator))
}

fn method_section(state: &State) -> Section {
    let lang = state.lang;
    let sc = &state.scenario;
    let data = &state.data;
    let name = data.meta.name_in(lang).to_string();
    // The bundled set's name already says its year.
    let units = data.n_units().to_string();
    let dataset = match data.meta.year.filter(|y| !name.contains(&y.to_string())) {
        Some(year) => tf(
            lang,
            Key::BriefDatasetWithYear,
            &[&name, &year.to_string(), &units],
        ),
        None => tf(lang, Key::BriefDataset, &[&name, &units]),
    };
    // The aggregation's label stands mid-sentence: lower case where the script has case.
    let aggregation = t(lang, sc.aggregation.label()).to_ascii_lowercase();
    let method = tf(
        lang,
        Key::BriefMethod,
        &[
            t(lang, sc.normalisation.label()),
            t(lang, sc.weighting.label()),
            &aggregation,
            &treatment_text(&state.system, &sc.treatments, lang),
        ],
    );
    let weights = tf(
        lang,
        Key::BriefDimensionWeights,
        &[&weights_text(
            &state.system,
            &state.ranking.weights.dimension,
            lang,
        )],
    );
    Section {
        id: "method",
        heading: t(lang, Key::BriefMethodHeading).into(),
        lines: vec![dataset, method, weights],
        table: None,
    }
}

/// The mean of dimension `d` over the ranked units `keep` accepts.
fn mean_of(state: &State, d: usize, keep: impl Fn(usize) -> bool) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for u in 0..state.data.n_units() {
        let s = state.ranking.dimension_score(u, d);
        if state.ranking.rank[u] > 0 && !s.is_nan() && keep(u) {
            sum += s;
            n += 1;
        }
    }
    if n == 0 {
        f64::NAN
    } else {
        sum / n as f64
    }
}

fn dimension_section(state: &State, profile: &CountyProfile) -> Section {
    let lang = state.lang;
    let units = &state.data.units;
    let prefecture = &units[profile.unit].prefecture_zh;
    let pref_name = prefecture_name(lang, prefecture);
    let rows = profile
        .dimensions
        .iter()
        .map(|dl| DimensionRow {
            dimension: dl.dimension,
            name: state.system.dimensions[dl.dimension].name(lang).to_string(),
            score: dl.score,
            rank: dl.rank,
            prefecture_mean: mean_of(state, dl.dimension, |u| {
                units[u].prefecture_zh == *prefecture
            }),
            province_mean: mean_of(state, dl.dimension, |_| true),
        })
        .collect();
    let county = units[profile.unit].name(lang).to_string();
    let pref_mean = tf(lang, Key::BriefPrefectureMean, &[&pref_name]);
    let prov_mean = t(lang, Key::BriefProvinceMean).to_string();
    Section {
        id: "dimensions",
        heading: t(lang, Key::BriefDimensionsHeading).into(),
        lines: vec![t(lang, Key::BriefDimensionsNote).into()],
        table: Some(DimensionTable {
            head: [
                t(lang, Key::BriefColDimension).into(),
                t(lang, Key::BriefColScore).into(),
                t(lang, Key::BriefColRank).into(),
                pref_mean.clone(),
                prov_mean.clone(),
            ],
            rows,
            series: [county, pref_mean, prov_mean],
        }),
    }
}

/// The brief's fixed Monte Carlo run, or `None` when the scenario cannot be scored.
fn uncertainty_result(state: &State) -> Option<UncertaintyResult> {
    let config = UncertaintyConfig {
        samples: SAMPLES,
        noise: NOISE,
        seed: SEED,
        vary_methods: false,
    };
    uncertainty::run(&state.system, &state.data, &state.scenario, config).ok()
}

/// The county's row of the brief's fixed Monte Carlo run, or `None` when it is unranked.
pub fn uncertainty_row(state: &State, u: usize) -> Option<UncertaintyRow> {
    uncertainty_result(state)?
        .rows
        .into_iter()
        .find(|r| r.unit == u)
}

/// What the run says of the county (its 90 % band and the probabilities of staying ahead of its
/// neighbours, from the same draws), then how the run was made.
fn uncertainty_section(state: &State, u: usize) -> Option<Section> {
    let lang = state.lang;
    let result = uncertainty_result(state)?;
    let sentence = result.unit_sentence(&state.data, u, lang)?;
    let percent = (NOISE * 100.0).round();
    let method = tf(
        lang,
        Key::BriefUncertaintyMethod,
        &[
            &format!("{:.0}", 100.0 - percent),
            &format!("{:.0}", 100.0 + percent),
            &group_thousands(SAMPLES),
        ],
    );
    Some(Section {
        id: "uncertainty",
        heading: t(lang, Key::BriefUncertaintyHeading).into(),
        lines: vec![sentence, method],
        table: None,
    })
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The best and worst rank, saying which weightings they range over: any, or those within `limits`.
fn bounds_section(
    system: &IndicatorSystem,
    b: &RankBounds,
    limits: Option<WeightLimits>,
    lang: Lang,
) -> Option<Section> {
    if b.best_rank == 0 || b.worst_rank == 0 {
        return None;
    }
    let (best, worst) = (place(lang, b.best_rank), place(lang, b.worst_rank));
    let ranks = match limits.filter(|l| !l.is_any()) {
        Some(l) => tf(
            lang,
            Key::BriefBoundsRanksWithin,
            &[&best, &worst, &percent(l.min), &percent(l.max)],
        ),
        None => tf(lang, Key::BriefBoundsRanks, &[&best, &worst]),
    };
    let lines = vec![
        ranks,
        tf(
            lang,
            Key::BriefBoundsBestWeights,
            &[&weights_text(system, &b.best_weights, lang)],
        ),
        tf(
            lang,
            Key::BriefBoundsWorstWeights,
            &[&weights_text(system, &b.worst_weights, lang)],
        ),
    ];
    Some(Section {
        id: "bounds",
        heading: t(lang, Key::BriefBoundsHeading).into(),
        lines,
        table: None,
    })
}

/// "营收：253.3 → 670.5 亿元（+165%）；全省最高 3124.0 亿元".
fn advice_line(system: &IndicatorSystem, a: &Advice, lang: Lang) -> String {
    let ind = &system.indicators[a.indicator];
    let AdviceOutcome::Feasible {
        required, percent, ..
    } = a.outcome
    else {
        return String::new();
    };
    let now = a
        .current
        .map_or_else(|| "—".into(), |v| ind.format_shown(v, lang));
    let needed = ind.format_with_unit(required, lang);
    let best = a
        .best
        .map_or_else(|| "—".into(), |b| ind.format_with_unit(b, lang));
    let name = ind.short(lang);
    match percent {
        Some(p) => tf(
            lang,
            Key::BriefAdviceWithChange,
            &[name, &now, &needed, &format!("+{p:.0}%"), &best],
        ),
        None => tf(lang, Key::BriefAdvice, &[name, &now, &needed, &best]),
    }
}

fn reach_section(state: &State, u: usize) -> Option<Section> {
    let lang = state.lang;
    let rank = state.ranking.rank[u];
    let heading = t(lang, Key::BriefReachHeading).into();
    if rank == 0 {
        return None;
    }
    if rank == 1 {
        return Some(Section {
            id: "reach",
            heading,
            lines: vec![t(lang, Key::BriefReachFirst).into()],
            table: None,
        });
    }
    let target = rank - 1;
    let rows = indicator_reach::indicator_reach_all(
        &state.system,
        &state.data,
        &state.scenario,
        u,
        target,
    )
    .ok()?;
    let advice = indicator_reach::advice(&state.data, &rows);
    let easiest: Vec<&Advice> = advice
        .iter()
        .filter(|a| matches!(a.outcome, AdviceOutcome::Feasible { .. }))
        .take(REACH_LINES)
        .collect();
    let target = place(lang, target);
    let mut lines = vec![if easiest.is_empty() {
        tf(lang, Key::BriefReachNone, &[&target])
    } else {
        tf(lang, Key::BriefReachIntro, &[&target])
    }];
    lines.extend(easiest.iter().map(|a| advice_line(&state.system, a, lang)));
    Some(Section {
        id: "reach",
        heading,
        lines,
        table: None,
    })
}
