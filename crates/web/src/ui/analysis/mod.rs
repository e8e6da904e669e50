//! The analysis panels: method choices with their formulas and the weights-against-influence chart, the
//! AHP comparison form, rank uncertainty, which choice drives the ranking (Sobol), what it takes for
//! the selected county to move, the data audit with the coherence of the index, named scenarios compared side by side, and a
//! side-by-side comparison of two to four counties.
//!
//! Each panel takes the parts of the page state it shows and changes the state only by dispatching
//! `Action`s (the AHP form, the method choices and the reach panel's Apply replace the scenario with
//! `Action::SetScenario`). Expensive results are memoised on the inputs they depend on, so a panel
//! re-renders cheaply when some unrelated part of the state changes.

mod ahp;
mod audit;
mod audit_coherence;
mod audit_report;
mod chunked;
mod compare;
mod explain;
mod methods_more;
mod pickers;
mod profile_plan;
mod profile_reach;
mod reach;
mod scenarios;
mod sensitivity;
mod system_editor;
mod uncertainty;
mod year_change;

pub use profile_reach::ProfileReach;
pub use year_change::{YearMovers, YearProfile};

use super::{Dispatch, Ptr};
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::score::Ranking;
use yew::prelude::*;

/// Milliseconds since the page started, for timing work in chunks.
pub(crate) fn now_ms() -> f64 {
    crate::ui::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A message a panel keeps across a language switch: its key and arguments, shown in the language of
/// the moment.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Message {
    key: Key,
    args: Vec<String>,
}

impl Message {
    pub(crate) fn new(key: Key, args: &[&str]) -> Self {
        Message {
            key,
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    pub(crate) fn text(&self, lang: Lang) -> String {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        tf(lang, self.key, &args)
    }
}

/// "基于估算数据" notice for results computed on data that include estimates.
pub(crate) fn estimate_note(lang: Lang, any_estimate: bool) -> Html {
    if !any_estimate {
        return html! {};
    }
    html! {
        <p class="estimate-note">
            <span class="est-mark" aria-hidden="true">{ t(lang, Key::EstimateMark) }</span>{ " " }
            { t(lang, Key::PanelEstimateNote) }
        </p>
    }
}

/// The parts of the page state the analysis panels show.
#[derive(Properties, PartialEq, Clone)]
pub struct AnalysisPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    /// The scenario as the user set it.
    pub scenario: Scenario,
    /// The same scenario with the weights in force written out as manual weights
    /// (`State::manual_scenario`), which switching to manual weighting sets.
    pub manual: Scenario,
    pub ranking: Ptr<Ranking>,
    /// The ranking under the default scenario, which orders the county pickers.
    pub baseline: Ptr<Ranking>,
    /// Per unit: whether any of its values is an estimate.
    pub unit_estimates: Ptr<Vec<bool>>,
    pub selected: Option<usize>,
    /// The named scenarios compared while their comparison is open.
    #[prop_or_default]
    pub compared: Option<std::rc::Rc<crate::share::Compared>>,
    pub dispatch: Dispatch,
}

#[component]
pub fn AnalysisPanel(props: &AnalysisPanelProps) -> Html {
    let AnalysisPanelProps {
        lang,
        system,
        data,
        scenario,
        manual,
        ranking,
        baseline,
        unit_estimates,
        selected,
        compared,
        dispatch,
    } = props.clone();
    html! {
        <section class="panel analysis" aria-labelledby="analysis-h">
            <h2 id="analysis-h">{ t(lang, Key::AnalysisHeading) }</h2>
            <p class="help">{ t(lang, Key::PanelIntro) }</p>
            <div class="analysis-grid">
                <methods_more::MethodChoices {lang} system={system.clone()} ranking={ranking.clone()}
                    scenario={scenario.clone()} {manual} dispatch={dispatch.clone()} />
                <ahp::AhpPanel {lang} system={system.clone()} scenario={scenario.clone()} dispatch={dispatch.clone()} />
                <uncertainty::UncertaintyPanel {lang} system={system.clone()} data={data.clone()}
                    scenario={scenario.clone()} unit_estimates={unit_estimates.clone()} {selected}
                    dispatch={dispatch.clone()} />
                <sensitivity::SensitivityPanel {lang} system={system.clone()} data={data.clone()}
                    scenario={scenario.clone()} baseline={baseline.clone()}
                    unit_estimates={unit_estimates.clone()} {selected} />
                <reach::ReachPanel {lang} system={system.clone()} data={data.clone()} scenario={scenario.clone()}
                    ranking={ranking.clone()} baseline={baseline.clone()} unit_estimates={unit_estimates.clone()} {selected}
                    dispatch={dispatch.clone()} />
                <audit::AuditPanel {lang} system={system.clone()} data={data.clone()} scenario={scenario.clone()}
                    ranking={ranking.clone()} unit_estimates={unit_estimates.clone()} dispatch={dispatch.clone()} />
                <scenarios::ScenariosPanel {lang} system={system.clone()} data={data.clone()}
                    scenario={scenario.clone()} {selected} {compared} dispatch={dispatch.clone()} />
                <compare::ComparePanel {lang} system={system.clone()} data={data.clone()} {ranking} {baseline} {selected}
                    dispatch={dispatch.clone()} />
                <system_editor::SystemEditor {lang} {system} {data} {dispatch} />
            </div>
        </section>
    }
}
