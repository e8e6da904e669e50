//! The printable data audit report: the data checks with their flags, the treatments in force and what
//! the JRC treatment changed, the coherence of the treated values (a correlation heatmap, Cronbach's
//! alpha, first principal components, flags) and the robustness of every county's rank under the
//! uncertainty panel's default Monte Carlo run, stamped with the data set's name, edition and content
//! hash. Built as plain text, tables and one SVG, so the view only lays them out.

use crate::analysis::audit::{self, IndicatorAudit};
use crate::analysis::coherence::{self, Alpha, Coherence, Components};
use crate::analysis::uncertainty::{UncertaintyConfig, UncertaintyResult};
use crate::chart::heatmap::{self, HeatmapInput};
use crate::chart::ChartStyle;
use crate::i18n::{t, tf, Key};
use crate::method::jrc::JrcOutcome;
use crate::model::{Choice, Dataset, IndicatorSystem, Lang, Scenario, Treatment};
use crate::score::Ranking;
use plotters::prelude::*;

/// The heatmap's size in SVG pixels: wide enough for an A4 page's text column.
const HEATMAP_WIDTH: u32 = 720;
const HEATMAP_ROW: u32 = 24;
const HEATMAP_HEAD: u32 = 80;

/// A share as a whole percentage, or a dash where it is undefined.
pub fn fmt_share(v: f64) -> String {
    if v.is_finite() {
        format!("{:.0}%", v * 100.0)
    } else {
        "—".to_string()
    }
}

/// A statistic with two decimals, or a dash where it is undefined.
pub fn fmt_stat(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.2}")
    } else {
        "—".to_string()
    }
}

/// The data set's name, edition and content hash in one line, as the exports and share links name it.
pub fn dataset_stamp(data: &Dataset, lang: Lang) -> String {
    let edition = data.meta.year.map_or_else(
        || t(lang, Key::AuditEditionUnknown).to_string(),
        |y| y.to_string(),
    );
    tf(
        lang,
        Key::AuditDataset,
        &[data.meta.name_in(lang), &edition, &data.content_hash()],
    )
}

/// One treated indicator's JRC outcome as a sentence.
pub fn outcome_text(name: &str, outcome: &JrcOutcome, lang: Lang) -> String {
    match outcome {
        JrcOutcome::Clean => tf(lang, Key::AuditClean, &[name]),
        JrcOutcome::Replaced { steps, values } => tf(
            lang,
            Key::AuditReplaced,
            &[name, &values.len().to_string(), &steps.to_string()],
        ),
        JrcOutcome::Logged => tf(lang, Key::AuditLogged, &[name]),
    }
}

/// A table of the report: column headings and rows of cells, each row marked when it rests on
/// estimated values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportTable {
    pub head: Vec<String>,
    pub rows: Vec<ReportRow>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportRow {
    pub cells: Vec<String>,
    pub estimate: bool,
}

/// The report, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditReport {
    pub lang: Lang,
    pub title: String,
    /// The data set's name, edition and content hash ([`dataset_stamp`]).
    pub stamp: String,
    pub date: String,
    /// Said when any value of the data is an estimate.
    pub estimate_notice: Option<String>,
    pub checks: ReportTable,
    /// The treatments in force, then what the JRC treatment did to each indicator it applies to.
    pub treatments: Vec<String>,
    /// The Pearson correlations between indicators as an SVG document.
    pub heatmap_svg: String,
    pub alpha: ReportTable,
    /// Each dimension's first component: its name, then eigenvalue, share and loadings, then the reading.
    pub components: Vec<String>,
    pub flags: Vec<String>,
    pub robustness_note: String,
    /// Every ranked county in nominal order: name, rank, median rank, 5-95 % band.
    pub robustness: ReportTable,
}

/// What the report is made from besides the scenario's ranking.
pub struct ReportInput<'a> {
    pub system: &'a IndicatorSystem,
    pub data: &'a Dataset,
    pub scenario: &'a Scenario,
    pub ranking: &'a Ranking,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: &'a [bool],
    /// The Monte Carlo run of the scenario, made with [`robustness_config`].
    pub robustness: &'a UncertaintyResult,
    pub date: &'a str,
    pub lang: Lang,
}

/// The Monte Carlo run the report reads: the uncertainty panel's defaults.
pub fn robustness_config() -> UncertaintyConfig {
    UncertaintyConfig::default()
}

/// Builds the report.
pub fn build(input: &ReportInput) -> AuditReport {
    let lang = input.lang;
    let rows = audit::audit(input.system, input.data);
    let checks = coherence::coherence(input.system, input.ranking);
    let config = robustness_config();
    AuditReport {
        lang,
        title: t(lang, Key::AuditReportTitle).to_string(),
        stamp: dataset_stamp(input.data, lang),
        date: input.date.to_string(),
        estimate_notice: input
            .unit_estimates
            .iter()
            .any(|&e| e)
            .then(|| t(lang, Key::PanelEstimateNote).to_string()),
        checks: checks_table(input.system, &rows, &input.scenario.treatments, lang),
        treatments: treatment_lines(input, lang),
        heatmap_svg: heatmap_svg(input.system, &checks, lang),
        alpha: alpha_table(input.system, &checks, lang),
        components: component_lines(input.system, &checks, lang),
        flags: checks
            .flags
            .iter()
            .map(|f| f.sentence(input.system, lang))
            .collect(),
        robustness_note: tf(
            lang,
            Key::AuditRobustnessNote,
            &[&config.samples.to_string(), &config.seed.to_string()],
        ),
        robustness: robustness_table(input, lang),
    }
}

fn checks_table(
    system: &IndicatorSystem,
    rows: &[IndicatorAudit],
    treatments: &[Treatment],
    lang: Lang,
) -> ReportTable {
    let head = [
        Key::ColIndicator,
        Key::AuditColCoverage,
        Key::AuditColZeros,
        Key::AuditColMode,
        Key::AuditColSkewness,
        Key::AuditColKurtosis,
        Key::AuditColOutlier,
        Key::AuditColInForce,
    ]
    .iter()
    .map(|&k| t(lang, k).to_string())
    .collect();
    let flagged = |text: String, flag: bool| {
        if flag {
            tf(lang, Key::AuditFlagged, &[&text])
        } else {
            text
        }
    };
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, row)| ReportRow {
            cells: vec![
                system.indicators[i].short(lang).to_string(),
                flagged(fmt_share(row.coverage), row.low_coverage()),
                flagged(
                    fmt_share(row.zeros_share),
                    row.zeros_share > audit::MAX_SAME_SHARE,
                ),
                flagged(
                    fmt_share(row.mode_share),
                    row.mode_share > audit::MAX_SAME_SHARE,
                ),
                fmt_stat(row.skewness),
                fmt_stat(row.kurtosis),
                t(
                    lang,
                    if row.outlier_flag {
                        Key::AuditFlagYes
                    } else {
                        Key::AuditFlagNo
                    },
                )
                .to_string(),
                t(
                    lang,
                    treatments
                        .get(i)
                        .map_or(Treatment::None, |t| *t)
                        .kind()
                        .label(),
                )
                .to_string(),
            ],
            estimate: false,
        })
        .collect();
    ReportTable { head, rows }
}

fn treatment_lines(input: &ReportInput, lang: Lang) -> Vec<String> {
    let mut lines = vec![crate::brief::treatment_text(
        input.system,
        &input.scenario.treatments,
        lang,
    )];
    let outcomes = audit::jrc_changes(input.data, &input.scenario.treatments);
    lines.extend(outcomes.iter().enumerate().filter_map(|(i, o)| {
        let name = input.system.indicators[i].name(lang);
        o.as_ref().map(|o| outcome_text(name, o, lang))
    }));
    lines
}

/// The Pearson correlations between indicators drawn to an SVG document.
fn heatmap_svg(system: &IndicatorSystem, checks: &Coherence, lang: Lang) -> String {
    let names: Vec<String> = system
        .indicators
        .iter()
        .map(|i| i.short(lang).to_string())
        .collect();
    let title = tf(
        lang,
        Key::AuditHeatmapIndicators,
        &[t(lang, Key::AuditPearson)],
    );
    let input = HeatmapInput {
        title: &title,
        caption: t(lang, Key::AuditHeatmapCaption),
        row_heading: t(lang, Key::ColIndicator),
        rows: &names,
        columns: &names,
        values: &checks.pearson.indicators,
    };
    let height = HEATMAP_HEAD + HEATMAP_ROW * names.len() as u32;
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (HEATMAP_WIDTH, height)).into_drawing_area();
        // A heatmap that cannot be drawn leaves the picture empty; the alpha and component tables
        // below it still say what it would have shown in numbers.
        let _ = heatmap::draw(&area, &input, &ChartStyle::new(lang));
        let _ = area.present();
    }
    svg
}

/// Cronbach's alpha of each dimension, then over every indicator, each with its row's name in `lang`.
pub fn alpha_rows<'a>(
    system: &'a IndicatorSystem,
    checks: &'a Coherence,
    lang: Lang,
) -> impl Iterator<Item = (&'a str, &'a Alpha)> {
    system
        .dimensions
        .iter()
        .map(move |d| d.name(lang))
        .zip(&checks.alpha_dimension)
        .chain(std::iter::once((
            t(lang, Key::AuditAllIndicators),
            &checks.alpha_index,
        )))
}

fn alpha_table(system: &IndicatorSystem, checks: &Coherence, lang: Lang) -> ReportTable {
    let head = [Key::ChartDimension, Key::AuditColAlpha, Key::AuditColUnits]
        .iter()
        .map(|&k| t(lang, k).to_string())
        .collect();
    let rows = alpha_rows(system, checks, lang)
        .map(|(name, a)| ReportRow {
            cells: vec![name.to_string(), fmt_stat(a.alpha), a.units.to_string()],
            estimate: false,
        })
        .collect();
    ReportTable { head, rows }
}

/// Dimension `d`'s first component in figures: its eigenvalue, its share and each indicator's loading.
pub fn component_figures(system: &IndicatorSystem, d: usize, c: &Components, lang: Lang) -> String {
    let loadings: Vec<String> = system
        .indicators_of(d)
        .zip(&c.first_loadings)
        .map(|(i, l)| format!("{} {l:.2}", system.indicators[i].short(lang)))
        .collect();
    tf(
        lang,
        Key::AuditComponentFigures,
        &[
            &format!("{:.2}", c.eigenvalues[0]),
            &format!("{:.0}%", c.shares[0] * 100.0),
            &loadings.join(t(lang, Key::BriefListSeparator)),
        ],
    )
}

/// Each dimension's first component as one line: its figures and their reading.
pub fn component_lines(system: &IndicatorSystem, checks: &Coherence, lang: Lang) -> Vec<String> {
    checks
        .components
        .iter()
        .enumerate()
        .map(|(d, comp)| {
            let name = system.dimensions[d].name(lang);
            match comp {
                Some(c) => tf(
                    lang,
                    Key::AuditComponentLine,
                    &[
                        name,
                        &component_figures(system, d, c, lang),
                        &c.sentence(lang),
                    ],
                ),
                None => tf(
                    lang,
                    Key::AuditComponentLine,
                    &[name, t(lang, Key::AuditPcaUndefined), ""],
                ),
            }
        })
        .collect()
}

fn robustness_table(input: &ReportInput, lang: Lang) -> ReportTable {
    let head = [
        Key::AuditColCounty,
        Key::ColRank,
        Key::AuditColMedianRank,
        Key::AuditColBand,
    ]
    .iter()
    .map(|&k| t(lang, k).to_string())
    .collect();
    let rows = input
        .robustness
        .rows
        .iter()
        .map(|r| ReportRow {
            cells: vec![
                input.data.units[r.unit].name(lang).to_string(),
                r.nominal_rank.to_string(),
                r.median_rank.to_string(),
                format!("{}–{}", r.p05, r.p95),
            ],
            estimate: input.unit_estimates.get(r.unit).copied().unwrap_or(false),
        })
        .collect();
    ReportTable { head, rows }
}
