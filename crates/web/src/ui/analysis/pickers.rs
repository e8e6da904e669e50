//! County pickers of the analysis panels: a select box and a filtered checklist. Both list units in the
//! default ranking's order and take only what they show as props, so a weight change (which reorders
//! the current ranking) does not rewrite thousands of options for a national file.

use super::Ptr;
use crate::i18n::{prefecture_name, t, Key};
use crate::model::{Dataset, Lang};
use crate::score::Ranking;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The ranked units in the default ranking's order.
fn ranked_units(order: &Ranking) -> impl Iterator<Item = usize> + '_ {
    order.order.iter().copied().filter(|&u| order.rank[u] > 0)
}

#[derive(Properties, PartialEq)]
pub struct CountySelectProps {
    pub id: AttrValue,
    pub data: Ptr<Dataset>,
    /// The default ranking, which fixes the order of the options.
    pub order: Ptr<Ranking>,
    pub lang: Lang,
    pub selected: Option<usize>,
    pub on_change: Callback<Option<usize>>,
}

/// A select box of every ranked county, "name · prefecture", with a "(choose)" first option.
#[component]
pub fn CountySelect(props: &CountySelectProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_change.emit(v.parse().ok());
        })
    };
    let data = &props.data.0;
    html! {
        <select id={props.id.clone()} {onchange} data-testid={props.id.clone()}>
            <option value="" selected={props.selected.is_none()}>{ t(lang, Key::PickChoose) }</option>
            { for ranked_units(&props.order.0).map(|u| {
                let unit = &data.units[u];
                html! {
                    <option value={u.to_string()} selected={props.selected == Some(u)}>
                        { format!("{} · {}", unit.name(lang), prefecture_name(lang, &unit.prefecture_zh)) }
                    </option>
                }
            }) }
        </select>
    }
}

#[derive(Properties, PartialEq)]
pub struct CountyChecklistProps {
    pub data: Ptr<Dataset>,
    /// The default ranking, which fixes the order of the list.
    pub order: Ptr<Ranking>,
    pub lang: Lang,
    /// Lower-case text a listed unit's name or adcode must contain; empty lists every unit.
    pub filter: AttrValue,
    pub chosen: Vec<usize>,
    /// No more units may be ticked.
    pub full: bool,
    /// A unit ticked (true) or unticked (false).
    pub on_toggle: Callback<(usize, bool)>,
}

/// Checkboxes for every unit matching the filter, each labelled with name and prefecture.
#[component]
pub fn CountyChecklist(props: &CountyChecklistProps) -> Html {
    let lang = props.lang;
    let data = &props.data.0;
    let needle = props.filter.as_str();
    let listed = props.order.0.order.iter().copied().filter(|&u| {
        let unit = &data.units[u];
        needle.is_empty()
            || unit.name_zh.contains(needle)
            || unit.name_en.to_ascii_lowercase().contains(needle)
            || unit.adcode.contains(needle)
    });
    html! {
        <ul class="pick-list" data-testid="compare-list">
            { for listed.map(|u| {
                let unit = &data.units[u];
                let id = format!("cmp-{}", unit.adcode);
                let checked = props.chosen.contains(&u);
                let onchange = {
                    let on_toggle = props.on_toggle.clone();
                    Callback::from(move |e: Event| {
                        on_toggle.emit((u, e.target_unchecked_into::<HtmlInputElement>().checked()))
                    })
                };
                html! {
                    <li>
                        <input type="checkbox" id={id.clone()} {checked} disabled={props.full && !checked}
                            {onchange} data-adcode={unit.adcode.clone()} />
                        <label for={id}>
                            <span translate="no">{ unit.name(lang) }</span>{ " " }
                            <span class="muted" translate="no">{ prefecture_name(lang, &unit.prefecture_zh) }</span>
                        </label>
                    </li>
                }
            }) }
        </ul>
    }
}
