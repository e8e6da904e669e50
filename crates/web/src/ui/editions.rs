//! The edition pickers shown under the data notice when the page holds two editions or more: the year
//! shown, and the two years compared (or none).

use super::{Dispatch, Ptr};
use crate::i18n::{t, tf, Key};
use crate::model::Lang;
use crate::state::editions::Editions;
use crate::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct EditionBarProps {
    pub lang: Lang,
    pub editions: Ptr<Editions>,
    pub dispatch: Dispatch,
}

/// The year shown and the comparison's two years; nothing with fewer than two editions.
#[component]
pub fn EditionBar(props: &EditionBarProps) -> Html {
    let lang = props.lang;
    let editions = &props.editions;
    if !editions.several() {
        return Html::default();
    }
    let years = editions.years();
    let (from, to) = editions.comparison.unzip();
    let on_shown = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(year) = value.parse() {
                d.emit(Action::ShowEdition(year));
            }
        })
    };
    // A comparison needs two different years: a year picked on one side that is the other side's
    // takes the other side to the next year along.
    let compare = |side_from: bool| {
        let (d, years) = (props.dispatch.clone(), years.clone());
        let (from, to) = (from, to);
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let Ok(year) = value.parse::<i32>() else {
                d.emit(Action::CompareEditions(None));
                return;
            };
            let other = if side_from { to } else { from };
            let other = other.filter(|&o| o != year).or_else(|| {
                years
                    .iter()
                    .copied()
                    .filter(|&y| y != year)
                    .find(|&y| (y > year) == side_from)
                    .or_else(|| years.iter().copied().find(|&y| y != year))
            });
            if let Some(other) = other {
                let pair = if side_from {
                    (year, other)
                } else {
                    (other, year)
                };
                d.emit(Action::CompareEditions(Some(pair)));
            }
        })
    };
    let options = |current: Option<i32>| {
        html! {
            { for years.iter().map(|&y| html! {
                <option value={y.to_string()} selected={current == Some(y)}>{ y.to_string() }</option>
            }) }
        }
    };
    html! {
        <section class="edition-bar" aria-labelledby="editions-h" data-testid="edition-bar">
            <h2 id="editions-h" class="edition-heading">{ t(lang, Key::EditionsHeading) }</h2>
            <p class="edition-summary">
                { tf(lang, Key::EditionsSummary, &[&years.len().to_string(), &years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")]) }
            </p>
            <div class="edition-pickers">
                <span class="tool">
                    <label for="edition-shown">{ t(lang, Key::EditionShown) }</label>
                    <select id="edition-shown" data-testid="edition-shown" onchange={on_shown}>
                        { options(editions.shown) }
                    </select>
                </span>
                <span class="tool">
                    <label for="edition-from">{ t(lang, Key::EditionCompareFrom) }</label>
                    <select id="edition-from" data-testid="edition-from" onchange={compare(true)}>
                        <option value="" selected={from.is_none()}>{ t(lang, Key::EditionCompareNone) }</option>
                        { options(from) }
                    </select>
                </span>
                <span class="tool">
                    <label for="edition-to">{ t(lang, Key::EditionCompareTo) }</label>
                    <select id="edition-to" data-testid="edition-to" onchange={compare(false)}>
                        <option value="" selected={to.is_none()}>{ t(lang, Key::EditionCompareNone) }</option>
                        { options(to) }
                    </select>
                </span>
            </div>
        </section>
    }
}
