//! The selected county's profile: its name, the brief's button and where it stands (rank and score,
//! rank within its prefecture), shown at once; the rest (the summary, the year-over-year change, what
//! would lift it and every indicator) is drawn below by the on-demand panels module
//! (`profile_details::ProfileDetails`), which the first profile opened fetches.

use super::panels_host::{OnDemand, PanelLink};
use super::Dispatch;
use super::Ptr;
use crate::i18n::{place, prefecture_name, t, tf, Key};
use crate::model::{Dataset, Lang};
use crate::score::Ranking;
use crate::state::snapshot::Snapshot;
use crate::state::Action;
use crate::summary::Standing;
use yew::prelude::*;

/// What the page's part of the profile shows: the selected unit and where it stands.
#[derive(Properties, PartialEq, Clone)]
pub struct ProfilePanelProps {
    pub lang: Lang,
    pub data: Ptr<Dataset>,
    pub ranking: Ptr<Ranking>,
    pub selected: Option<usize>,
    /// Makes the page's snapshot for the brief's button (`brief::use_page_snapshot`).
    pub snapshot: Callback<(), Snapshot>,
    pub dispatch: Dispatch,
    /// The panels module, which draws the rest of the profile (`profile_details::ProfileDetails`).
    pub link: PanelLink,
}

#[component]
pub fn ProfilePanel(props: &ProfilePanelProps) -> Html {
    let heading_ref = use_scroll_into_view(props.selected);
    // With no county chosen the panel renders nothing, so its slot takes no space (app.css).
    let Some(u) = props.selected else {
        return html! {};
    };
    html! {
        <section class="panel profile" aria-labelledby="profile-h">
            <h2 id="profile-h" ref={heading_ref}>{ t(props.lang, Key::ProfileHeading) }</h2>
            { profile_card(props, u) }
        </section>
    }
}

/// A node that is brought into view when a county is picked and it is off screen (phones).
#[hook]
fn use_scroll_into_view(selected: Option<usize>) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(selected, move |selected| {
            if selected.is_some() {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let top = el.get_bounding_client_rect().top();
                    let height = crate::ui::window()
                        .and_then(|w| w.inner_height().ok())
                        .and_then(|h| h.as_f64())
                        .unwrap_or(0.0);
                    if top < 0.0 || top > height {
                        el.scroll_into_view();
                    }
                }
            }
        });
    }
    node
}

/// Unit `u`'s card: its name, the brief's button, its ranks and score, the generated summary, the
/// indicator reach and the table of its indicators.
fn profile_card(props: &ProfilePanelProps, u: usize) -> Html {
    let (lang, data) = (props.lang, &props.data);
    let p = Standing::of(data, &props.ranking, u);
    let unit = &data.units[u];
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Select(None)))
    };
    let rank_text = |r: u32, of: usize| match r {
        0 => t(lang, Key::Unranked).to_string(),
        r => tf(
            lang,
            Key::ChartProfileRankOf,
            &[&place(lang, r), &r.to_string(), &of.to_string()],
        ),
    };
    html! {
        <article data-testid="profile" data-adcode={unit.adcode.clone()} class="profile-card">
            <div class="profile-title">
                <h3>
                    <span class="place" translate="no">{ unit.name(lang) }</span>{ " " }
                    <span class="place muted" translate="no">{ prefecture_name(lang, &unit.prefecture_zh) }</span>
                </h3>
                <button type="button" class="close" onclick={close}>{ t(lang, Key::CloseProfile) }</button>
            </div>
            <super::brief::BriefButton {lang} snapshot={props.snapshot.clone()} />
            <dl class="kpis">
                <div><dt>{ t(lang, Key::CompositeRank) }</dt>
                    <dd translate="no">{ rank_text(p.rank, p.n_ranked) }</dd></div>
                <div><dt>{ t(lang, Key::ColScore) }</dt>
                    <dd translate="no">{ if p.composite.is_nan() { "—".into() } else { format!("{:.2}", p.composite) } }</dd></div>
                <div><dt>{ t(lang, Key::PrefectureRank) }</dt>
                    <dd translate="no">{ rank_text(p.prefecture_rank, p.prefecture_size) }</dd></div>
            </dl>
            <OnDemand slot="profile" lang={props.lang} link={props.link.clone()} />
        </article>
    }
}
