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
use crate::i18n::{place, prefecture_name, t, Key};
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
            heading: lang.pick("优势与短板", "Strengths and weak spots").into(),
            lines: vec![profile.summary(system, &state.data, lang)],
            table: None,
        },
    ];
    sections.extend(uncertainty_section(state, u));
    sections.extend(
        extras
            .bounds
            .as_ref()
            .and_then(|b| bounds_section(system, b, lang)),
    );
    sections.extend(reach_section(state, u));
    sections.push(Section {
        id: "link",
        heading: lang.pick("重新打开此视图", "Reopen this view").into(),
        lines: vec![
            lang.pick(
                "扫描二维码或打开以下链接，可在计算器中重现本简报的县域、数据与权重：",
                "Scan the code or open this link to see this county with the same data and weights in the calculator:",
            )
            .into(),
            link.clone(),
        ],
        table: None,
    });
    Some(Brief {
        lang,
        adcode: unit.adcode.clone(),
        county: unit.name(lang).to_string(),
        prefecture: prefecture_name(lang, &unit.prefecture_zh),
        title: lang
            .pick("县域重点产业链发展指数 · 县域简报", "County key industrial chain index · county brief")
            .into(),
        facts: facts(&profile, extras.date, lang),
        estimate_notice: estimates.then(|| {
            lang.pick(
                "本简报中的数值含本项目的估算值（白皮书未公布县域数据），不是官方统计，仅供演示方法。",
                "Values in this brief include this project's estimates (the white paper publishes no county data); they are not official statistics and only demonstrate the method.",
            )
            .into()
        }),
        sections,
        qr: qr(&link),
        link,
    })
}

fn facts(p: &CountyProfile, date: &str, lang: Lang) -> Vec<(String, String)> {
    let rank = |r: u32, of: usize| match (r, lang) {
        (0, _) => t(lang, Key::Unranked).to_string(),
        (r, Lang::Zh) => format!("第 {r} 位 / {of}"),
        (r, Lang::En) => format!("{} of {of}", place(lang, r)),
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
        out.push((lang.pick("日期", "Date").into(), date.to_string()));
    }
    out
}

fn treatment_text(system: &IndicatorSystem, treatments: &[Treatment], lang: Lang) -> String {
    let treated: Vec<String> = treatments
        .iter()
        .enumerate()
        .filter_map(|(i, tr)| {
            let name = system.indicators.get(i)?.short(lang);
            match (tr, lang) {
                (Treatment::None, _) => None,
                (Treatment::Log, Lang::Zh) => Some(format!("{name}取对数")),
                (Treatment::Log, Lang::En) => Some(format!("{name} log-transformed")),
                (Treatment::Winsorise { lower, upper }, Lang::Zh) => {
                    Some(format!("{name}按 {lower}–{upper} 百分位缩尾"))
                }
                (Treatment::Winsorise { lower, upper }, Lang::En) => {
                    Some(format!("{name} winsorised at {lower}–{upper} %"))
                }
            }
        })
        .collect();
    match (treated.is_empty(), lang) {
        (true, Lang::Zh) => "不处理离群值".into(),
        (true, Lang::En) => "no outlier treatment".into(),
        (false, Lang::Zh) => treated.join("、"),
        (false, Lang::En) => treated.join(", "),
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
    items.join(lang.pick("、", ", "))
}

fn method_section(state: &State) -> Section {
    let lang = state.lang;
    let sc = &state.scenario;
    let data = &state.data;
    let name = data.meta.name_in(lang).to_string();
    // The bundled set's name already says its year.
    let year = data
        .meta
        .year
        .filter(|y| !name.contains(&y.to_string()))
        .map(|y| match lang {
            Lang::Zh => format!("，{y} 年"),
            Lang::En => format!(", {y}"),
        });
    let dataset = match lang {
        Lang::Zh => format!(
            "数据集：{}{}，{} 个县域单位。",
            name,
            year.unwrap_or_default(),
            data.n_units()
        ),
        Lang::En => format!(
            "Data set: {}{}, {} county-level units.",
            name,
            year.unwrap_or_default(),
            data.n_units()
        ),
    };
    let aggregation = t(lang, sc.aggregation.label());
    let method = match lang {
        Lang::Zh => format!(
            "方法：{}；{}；{}；{}。",
            t(lang, sc.normalisation.label()),
            t(lang, sc.weighting.label()),
            aggregation,
            treatment_text(&state.system, &sc.treatments, lang)
        ),
        Lang::En => format!(
            "Method: {}; {}; {}; {}.",
            t(lang, sc.normalisation.label()),
            t(lang, sc.weighting.label()),
            aggregation.to_lowercase(),
            treatment_text(&state.system, &sc.treatments, lang)
        ),
    };
    let weights = match lang {
        Lang::Zh => format!(
            "维度权重（占综合指数）：{}。",
            weights_text(&state.system, &state.ranking.weights.dimension, lang)
        ),
        Lang::En => format!(
            "Dimension weights (share of the composite): {}.",
            weights_text(&state.system, &state.ranking.weights.dimension, lang)
        ),
    };
    Section {
        id: "method",
        heading: lang.pick("数据与方法", "Data and method").into(),
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
    let (pref_mean, prov_mean) = match lang {
        Lang::Zh => (format!("{pref_name}平均"), "全省平均".to_string()),
        Lang::En => (format!("{pref_name} mean"), "Province mean".to_string()),
    };
    Section {
        id: "dimensions",
        heading: lang
            .pick(
                "各维度得分与全省、本市平均",
                "Dimensions against the province and prefecture means",
            )
            .into(),
        lines: vec![lang
            .pick(
                "得分 0–100；排名为全省县域中的名次。",
                "Scores 0-100; ranks are among all counties of the province.",
            )
            .into()],
        table: Some(DimensionTable {
            head: [
                lang.pick("维度", "Dimension").into(),
                lang.pick("得分", "Score").into(),
                lang.pick("全省排名", "Rank").into(),
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
    let method = match lang {
        Lang::Zh => format!(
            "将各维度权重分别乘以 {:.0}%–{:.0}% 的随机系数后重新排名（{} 次，固定随机序列，可重现）。",
            100.0 - percent,
            100.0 + percent,
            group_thousands(SAMPLES),
        ),
        Lang::En => format!(
            "Each dimension weight was multiplied by a random factor between {:.0}% and {:.0}% and the counties re-ranked ({} draws from a fixed random sequence, so the figures reproduce).",
            100.0 - percent,
            100.0 + percent,
            group_thousands(SAMPLES),
        ),
    };
    Some(Section {
        id: "uncertainty",
        heading: lang
            .pick(
                "排名的不确定性（5%–95%）",
                "How certain the rank is (5-95 %)",
            )
            .into(),
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

fn bounds_section(system: &IndicatorSystem, b: &RankBounds, lang: Lang) -> Option<Section> {
    if b.best_rank == 0 || b.worst_rank == 0 {
        return None;
    }
    let lines = vec![
        match lang {
            Lang::Zh => format!(
                "在任意维度权重组合下（每个维度权重可取 0–100%，合计 100%），最好可排第 {} 位，最差第 {} 位。",
                b.best_rank, b.worst_rank
            ),
            Lang::En => format!(
                "Over every split of the weight among the dimensions (each from 0 to 100 %, together 100 %), its best rank is {} and its worst {}.",
                place(lang, b.best_rank),
                place(lang, b.worst_rank)
            ),
        },
        match lang {
            Lang::Zh => format!(
                "最好名次的权重：{}。",
                weights_text(system, &b.best_weights, lang)
            ),
            Lang::En => format!(
                "Weights giving the best rank: {}.",
                weights_text(system, &b.best_weights, lang)
            ),
        },
        match lang {
            Lang::Zh => format!(
                "最差名次的权重：{}。",
                weights_text(system, &b.worst_weights, lang)
            ),
            Lang::En => format!(
                "Weights giving the worst rank: {}.",
                weights_text(system, &b.worst_weights, lang)
            ),
        },
    ];
    Some(Section {
        id: "bounds",
        heading: lang
            .pick("最好与最差可能名次", "Best and worst possible rank")
            .into(),
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
    let change = percent.map(|p| format!("+{p:.0}%"));
    match lang {
        Lang::Zh => format!(
            "{}：{now} → {needed}{}；全省最高 {best}",
            ind.short_zh,
            change.map_or_else(String::new, |c| format!("（{c}）"))
        ),
        Lang::En => format!(
            "{}: {now} → {needed}{}; best county {best}",
            ind.short_en,
            change.map_or_else(String::new, |c| format!(" ({c})"))
        ),
    }
}

fn reach_section(state: &State, u: usize) -> Option<Section> {
    let lang = state.lang;
    let rank = state.ranking.rank[u];
    let heading = lang
        .pick("如何提升名次", "What it would take to move up")
        .into();
    if rank == 0 {
        return None;
    }
    if rank == 1 {
        return Some(Section {
            id: "reach",
            heading,
            lines: vec![lang
                .pick(
                    "已位居全省第 1 位；保持各维度的领先即可。",
                    "It already ranks first; holding its lead in each dimension keeps it there.",
                )
                .into()],
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
    let mut lines = vec![match lang {
        Lang::Zh => format!("在其他指标不变时，单项指标升至第 {target} 位需要（当前 → 需达到）："),
        Lang::En => format!(
            "With the other indicators unchanged, one indicator alone would lift it to {} (now → needed):",
            place(lang, target)
        ),
    }];
    if easiest.is_empty() {
        lines = vec![match lang {
            Lang::Zh => format!("没有哪一项指标单独提高（且不超过全省最高值）就能升至第 {target} 位。"),
            Lang::En => format!(
                "No single indicator can lift it to {} on its own without exceeding the best county's value.",
                place(lang, target)
            ),
        }];
    }
    lines.extend(easiest.iter().map(|a| advice_line(&state.system, a, lang)));
    Some(Section {
        id: "reach",
        heading,
        lines,
        table: None,
    })
}
