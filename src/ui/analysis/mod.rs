//! The analysis panels: method choices with their formulas and the weights-against-influence chart, the
//! AHP comparison form, rank uncertainty, what it takes for the selected county to move, and a
//! side-by-side comparison of two to four counties.
//!
//! Each panel reads the page state and changes it only by dispatching `Action`s (the AHP form, the
//! method choices and the reach panel's Apply replace the scenario with `Action::SetScenario`).
//! Expensive results are memoised on the inputs they depend on, so a panel re-renders cheaply when
//! some unrelated part of the state changes.

mod ahp;
mod compare;
mod explain;
mod methods_more;
mod pickers;
mod profile_reach;
mod reach;
mod uncertainty;

pub use profile_reach::ProfileReach;

use super::PanelProps;
use crate::model::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// An `Rc` compared by pointer, for hook dependencies and props.
#[derive(Debug)]
pub(crate) struct Ptr<T>(pub Rc<T>);

impl<T> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(self.0.clone())
    }
}

impl<T> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Milliseconds since the page started, for timing work in chunks.
pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// "基于估算数据" notice for results computed on data that include estimates.
pub(crate) fn estimate_note(lang: Lang, any_estimate: bool) -> Html {
    if !any_estimate {
        return html! {};
    }
    html! {
        <p class="estimate-note">
            <span class="est-mark" aria-hidden="true">{ lang.pick("估", "est.") }</span>{ " " }
            { lang.pick(
                "基于估算数据：本结果依据本项目的估算值计算，不是官方统计。",
                "Based on estimated data: these results are computed on this project's estimates, not on official statistics.",
            ) }
        </p>
    }
}

#[component]
pub fn AnalysisPanel(props: &PanelProps) -> Html {
    let lang = props.state.lang;
    html! {
        <section class="panel analysis" aria-labelledby="analysis-h">
            <h2 id="analysis-h">{ crate::i18n::t(lang, crate::i18n::Key::AnalysisHeading) }</h2>
            <p class="help">{ lang.pick(
                "以下分析都在浏览器内完成：方法选择与权重的实际影响、层次分析法、排名的不确定性、县域提升所需条件，以及多县对比。",
                "Everything below runs in your browser: method choices and the real influence of the weights, AHP, how certain each rank is, what a county needs to move up, and a side-by-side comparison.",
            ) }</p>
            <div class="analysis-grid">
                <methods_more::MethodChoices ..props.clone() />
                <ahp::AhpPanel ..props.clone() />
                <uncertainty::UncertaintyPanel ..props.clone() />
                <reach::ReachPanel ..props.clone() />
                <compare::ComparePanel ..props.clone() />
            </div>
        </section>
    }
}
