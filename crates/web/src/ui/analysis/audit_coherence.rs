//! The audit's coherence section on the scenario's normalised values after treatment: correlation
//! heatmaps with a Pearson/Spearman switch, each indicator against its dimension and the index, the
//! flags in sentences, Cronbach's alpha and each dimension's first principal component.

use super::Ptr;
use crate::analysis::coherence::{self, Coherence, Correlations};
use crate::audit_report::{component_figures, fmt_stat};
use crate::chart::heatmap::{self, HeatmapInput};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{IndicatorSystem, Lang};
use crate::score::Ranking;
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use std::rc::Rc;
use yew::prelude::*;

/// The rows, columns and values of one heatmap, owned so a painter can keep them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Matrix {
    pub title: String,
    pub caption: String,
    pub row_heading: String,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub values: Vec<Vec<f64>>,
}

impl Matrix {
    pub(crate) fn input(&self) -> HeatmapInput<'_> {
        HeatmapInput {
            title: &self.title,
            caption: &self.caption,
            row_heading: &self.row_heading,
            rows: &self.rows,
            columns: &self.columns,
            values: &self.values,
        }
    }
}

/// Indicators against indicators, in the system's order.
pub(crate) fn indicator_matrix(
    system: &IndicatorSystem,
    c: &Correlations,
    kind: &str,
    lang: Lang,
) -> Matrix {
    let names: Vec<String> = system
        .indicators
        .iter()
        .map(|i| i.short(lang).to_string())
        .collect();
    Matrix {
        title: tf(lang, Key::AuditHeatmapIndicators, &[kind]),
        caption: t(lang, Key::AuditHeatmapCaption).to_string(),
        row_heading: t(lang, Key::ColIndicator).to_string(),
        rows: names.clone(),
        columns: names,
        values: c.indicators.clone(),
    }
}

/// Dimensions and the composite index against each other (the index last).
pub(crate) fn dimension_matrix(
    system: &IndicatorSystem,
    c: &Correlations,
    kind: &str,
    lang: Lang,
) -> Matrix {
    let names: Vec<String> = system
        .dimensions
        .iter()
        .map(|d| d.name(lang).to_string())
        .chain(std::iter::once(t(lang, Key::AuditIndex).to_string()))
        .collect();
    let n = c.dimensions.len();
    let values = (0..=n)
        .map(|a| {
            (0..=n)
                .map(|b| match (a == n, b == n) {
                    (true, true) => 1.0,
                    (true, false) => c.dimension_index[b],
                    (false, true) => c.dimension_index[a],
                    (false, false) => c.dimensions[a][b],
                })
                .collect()
        })
        .collect();
    Matrix {
        title: tf(lang, Key::AuditHeatmapDimensions, &[kind]),
        caption: t(lang, Key::AuditHeatmapCaption).to_string(),
        row_heading: t(lang, Key::ChartDimension).to_string(),
        rows: names.clone(),
        columns: names,
        values,
    }
}

#[derive(Properties, PartialEq)]
pub struct CoherencePanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub ranking: Ptr<Ranking>,
}

/// The coherence section.
#[component]
pub fn CoherencePanel(props: &CoherencePanelProps) -> Html {
    let lang = props.lang;
    let spearman = use_state_eq(|| false);
    let checks = use_memo(
        (props.system.clone(), props.ranking.clone()),
        |(system, ranking)| coherence::coherence(system, ranking),
    );
    let (correlations, kind) = if *spearman {
        (&checks.spearman, t(lang, Key::AuditSpearman))
    } else {
        (&checks.pearson, t(lang, Key::AuditPearson))
    };
    let system = &props.system;
    let on_kind = |value: bool| {
        let spearman = spearman.clone();
        Callback::from(move |_| spearman.set(value))
    };
    html! {
        <section class="audit-coherence" aria-labelledby="audit-coh-h">
            <h4 id="audit-coh-h">{ t(lang, Key::AuditCoherenceHeading) }</h4>
            <p class="help">{ t(lang, Key::AuditCoherenceIntro) }</p>
            <fieldset class="audit-kind">
                <legend>{ t(lang, Key::AuditCorrelationKind) }</legend>
                <label><input type="radio" name="audit-kind" value="pearson" data-testid="audit-pearson"
                    checked={!*spearman} onchange={on_kind(false)} />{ t(lang, Key::AuditPearson) }</label>
                <label><input type="radio" name="audit-kind" value="spearman" data-testid="audit-spearman"
                    checked={*spearman} onchange={on_kind(true)} />{ t(lang, Key::AuditSpearman) }</label>
            </fieldset>
            <Heatmap matrix={Rc::new(indicator_matrix(system, correlations, kind, lang))} {lang}
                png_name="correlations-indicators" />
            { with_dimension_table(system, correlations, kind, lang) }
            <Heatmap matrix={Rc::new(dimension_matrix(system, correlations, kind, lang))} {lang}
                png_name="correlations-dimensions" />
            { flags_list(system, &checks, lang) }
            { alpha_table(system, &checks, lang) }
            { components_list(system, &checks, lang) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HeatmapProps {
    matrix: Rc<Matrix>,
    lang: Lang,
    png_name: AttrValue,
}

/// One heatmap on a canvas with its table alternative.
#[component]
fn Heatmap(props: &HeatmapProps) -> Html {
    let lang = props.lang;
    let chart = use_memo((props.matrix.clone(), lang), |(matrix, lang)| {
        let table = Rc::new(LazyTable::ready(heatmap::table(&matrix.input(), *lang)));
        let matrix = matrix.clone();
        let painter = Painter::new(move |area, style| heatmap::draw(area, &matrix.input(), style));
        (painter, table)
    });
    // Rows of about 30 px under a heading of about 90 px; on a narrow screen the cells, which stay at
    // most as tall as they are wide, shrink, and so does the canvas (down to rows of 20 px).
    let rows = props.matrix.rows.len() as u32;
    let height = Height::Aspect {
        ratio: 0.45,
        min: 90 + 20 * rows,
        max: 90 + 30 * rows,
    };
    html! {
        <figure class="chart-figure chart-heatmap">
            <ChartCanvas painter={chart.0.clone()} table={Ptr(chart.1.clone())} {lang}
                {height} on_select={Callback::noop()} png_name={props.png_name.clone()} />
        </figure>
    }
}

/// Each indicator's correlation with its own dimension's score and with the index.
fn with_dimension_table(
    system: &IndicatorSystem,
    c: &Correlations,
    kind: &str,
    lang: Lang,
) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-with-caption">
            <table data-testid="audit-with">
                <caption id="audit-with-caption">{ tf(lang, Key::AuditIndicatorWith, &[kind]) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, Key::ColIndicator) }</th>
                    <th scope="col">{ t(lang, Key::AuditColWithDimension) }</th>
                    <th scope="col">{ t(lang, Key::AuditColWithIndex) }</th>
                </tr></thead>
                <tbody>
                    { for system.indicators.iter().enumerate().map(|(i, ind)| html! {
                        <tr>
                            <th scope="row">{ ind.name(lang) }</th>
                            <td>{ fmt_stat(c.indicator_dimension[i]) }</td>
                            <td>{ fmt_stat(c.indicator_index[i]) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The flagged correlations as sentences.
fn flags_list(system: &IndicatorSystem, checks: &Coherence, lang: Lang) -> Html {
    html! {
        <>
            <h5>{ t(lang, Key::AuditFlagsHeading) }</h5>
            if checks.flags.is_empty() {
                <p>{ t(lang, Key::AuditNoFlags) }</p>
            } else {
                <ul data-testid="audit-flags">
                    { for checks.flags.iter().map(|f| html! {
                        <li data-flag={f.id()}>{ "⚠ " }{ f.sentence(system, lang) }</li>
                    }) }
                </ul>
            }
        </>
    }
}

/// Cronbach's alpha per dimension and over every indicator.
pub(crate) fn alpha_table(system: &IndicatorSystem, checks: &Coherence, lang: Lang) -> Html {
    let rows = crate::audit_report::alpha_rows(system, checks, lang);
    html! {
        <table data-testid="audit-alpha">
            <caption>{ t(lang, Key::AuditAlphaHeading) }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, Key::ChartDimension) }</th>
                <th scope="col">{ t(lang, Key::AuditColAlpha) }</th>
                <th scope="col">{ t(lang, Key::AuditColUnits) }</th>
            </tr></thead>
            <tbody>
                { for rows.map(|(name, a)| html! {
                    <tr>
                        <th scope="row">{ name }</th>
                        <td data-testid="audit-alpha-value">{ fmt_stat(a.alpha) }</td>
                        <td>{ a.units }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// Each dimension's first principal component: eigenvalue, share, loadings and the reading.
pub(crate) fn components_list(system: &IndicatorSystem, checks: &Coherence, lang: Lang) -> Html {
    html! {
        <>
            <h5>{ t(lang, Key::AuditPcaHeading) }</h5>
            <dl class="audit-components" data-testid="audit-components">
                { for checks.components.iter().enumerate().map(|(d, comp)| {
                    html! {
                        <>
                            <dt>{ system.dimensions[d].name(lang) }</dt>
                            <dd>
                                if let Some(c) = comp {
                                    <p>{ component_figures(system, d, c, lang) }</p>
                                    <p>{ c.sentence(lang) }</p>
                                } else {
                                    <p>{ t(lang, Key::AuditPcaUndefined) }</p>
                                }
                            </dd>
                        </>
                    }
                }) }
            </dl>
        </>
    }
}
