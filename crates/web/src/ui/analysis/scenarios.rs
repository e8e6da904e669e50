//! Named scenarios in the page: save the current scenario under a name, the saved list with apply,
//! rename and delete (with undo), and the comparison of two to four of them: each county's rank under
//! each with ▲/▼ differences against the first, the biggest movers, and the slope chart across them.
//! The list lives in localStorage (`ui::scenario_store`); every failure there is said, and the
//! current scenario stays as it is.

use super::Ptr;
use crate::chart::slope::{self, SlopeInput};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Dataset, IndicatorSystem, Lang, Scenario};
use crate::scenarios::{self, Deleted, SavedScenario, MAX_COMPARED, MAX_NAME_CHARS};
use crate::share::Compared;
use crate::state::{default_scenario, Action};
use crate::ui::chart_canvas::{ChartCanvas, Height, Painter};
use crate::ui::scenario_store::{self, StoreError};
use crate::ui::Dispatch;
use crate::validate::{check_scenario, ScenarioError};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many movers the comparison names and the chart highlights.
const MOVERS_SHOWN: usize = 5;

#[derive(Properties, PartialEq, Clone)]
pub struct ScenariosPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub scenario: Scenario,
    pub selected: Option<usize>,
    /// The compared scenarios (name, query) while the comparison is open; the page's state holds them,
    /// so that the share link carries them.
    pub compared: Option<Rc<Compared>>,
    pub dispatch: Dispatch,
}

/// What the last action did, said in the language of the moment.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    None,
    Saved(String),
    Applied(String),
    Renamed(String, String),
    Deleted(Deleted),
    Restored(String),
    Damaged(String, String),
    Failed(StoreError),
    /// The current scenario cannot be scored (all weights zero), so it is not saved.
    Unscorable(ScenarioError),
}

impl Status {
    fn text(&self, lang: Lang, system: &IndicatorSystem) -> String {
        match self {
            Status::None => String::new(),
            Status::Saved(n) => tf(lang, Key::ScenarioSaved, &[n]),
            Status::Applied(n) => tf(lang, Key::ScenarioApplied, &[n]),
            Status::Renamed(a, b) => tf(lang, Key::ScenarioRenamed, &[a, b]),
            Status::Deleted(d) => tf(lang, Key::ScenarioDeleted, &[&d.entry.name]),
            Status::Restored(n) => tf(lang, Key::ScenarioRestored, &[n]),
            Status::Damaged(n, why) => tf(lang, Key::ScenarioDamaged, &[n, why]),
            Status::Failed(e) => e.message(lang, system),
            Status::Unscorable(e) => e.message(lang, system),
        }
    }

    fn is_error(&self) -> bool {
        matches!(
            self,
            Status::Damaged(..) | Status::Failed(_) | Status::Unscorable(_)
        )
    }
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The compared scenarios, read: their names and scenarios, or the first damaged one's message.
fn checked(
    compared: &Compared,
    system: &IndicatorSystem,
    lang: Lang,
) -> Result<Vec<(String, Scenario)>, Status> {
    let defaults = default_scenario(system);
    compared
        .iter()
        .map(|(name, query)| {
            scenarios::read_query(query, system, &defaults)
                .map(|s| (name.clone(), s))
                .map_err(|notices| {
                    Status::Damaged(
                        name.clone(),
                        scenarios::ReadError::BadQuery(notices).message(lang, system),
                    )
                })
        })
        .collect()
}

#[component]
pub fn ScenariosPanel(props: &ScenariosPanelProps) -> Html {
    let lang = props.lang;
    let system = props.system.clone();
    let entries = use_state(scenario_store::load);
    let name = use_state(String::new);
    let status = use_state(|| Status::None);
    let renaming = use_state(|| None::<(String, String)>);
    let chosen = use_state(Vec::<String>::new);

    let list: Vec<SavedScenario> = match &*entries {
        Ok(list) => list.clone(),
        Err(_) => Vec::new(),
    };
    // After a change, the stored list (or why it could not be changed).
    let commit = {
        let (entries, status) = (entries.clone(), status.clone());
        Rc::new(
            move |result: Result<Vec<SavedScenario>, StoreError>, done: Status| match result {
                Ok(list) => {
                    entries.set(Ok(list));
                    status.set(done);
                }
                Err(e) => status.set(Status::Failed(e)),
            },
        )
    };

    let on_save = {
        let (name, commit, system) = (name.clone(), commit.clone(), system.clone());
        let (scenario, status) = (props.scenario.clone(), status.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Err(e) = check_scenario(&system, &scenario) {
                status.set(Status::Unscorable(e));
                return;
            }
            let query = scenarios::scenario_query(&scenario, &system, &default_scenario(&system));
            let wanted = (*name).clone();
            let result = scenario_store::update(|list| scenarios::save(list, &wanted, &query));
            let saved = result.is_ok();
            commit(
                result,
                Status::Saved(scenarios::clean_name(&wanted).unwrap_or_default()),
            );
            if saved {
                name.set(String::new());
            }
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(input_value(&e)))
    };

    let apply = |entry: &SavedScenario| {
        let (status, dispatch, system) = (status.clone(), props.dispatch.clone(), system.clone());
        let entry = entry.clone();
        Callback::from(move |_: MouseEvent| {
            match scenarios::check_entry(&entry, &system, &default_scenario(&system)) {
                Ok(s) => {
                    dispatch.emit(Action::SetScenario(s));
                    status.set(Status::Applied(entry.name.clone()));
                }
                Err(e) => status.set(Status::Damaged(
                    entry.name.clone(),
                    e.message(lang, &system),
                )),
            }
        })
    };
    let start_rename = |entry: &SavedScenario| {
        let renaming = renaming.clone();
        let n = entry.name.clone();
        Callback::from(move |_: MouseEvent| renaming.set(Some((n.clone(), n.clone()))))
    };
    let delete = |entry: &SavedScenario| {
        let (commit, chosen) = (commit.clone(), chosen.clone());
        let n = entry.name.clone();
        Callback::from(move |_: MouseEvent| {
            let mut removed = None;
            let result = scenario_store::update(|list| {
                let (after, deleted) = scenarios::delete(list, &n)?;
                removed = Some(deleted);
                Ok(after)
            });
            if let Some(deleted) = removed.filter(|_| result.is_ok()) {
                chosen.set(chosen.iter().filter(|c| **c != n).cloned().collect());
                commit(result, Status::Deleted(deleted));
            } else {
                commit(result, Status::None);
            }
        })
    };
    let undo = {
        let (commit, status) = (commit.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Status::Deleted(d) = &*status {
                let name = d.entry.name.clone();
                let result = scenario_store::update(|list| scenarios::undo_delete(list, d));
                commit(result, Status::Restored(name));
            }
        })
    };
    let toggle = |entry: &SavedScenario| {
        let chosen = chosen.clone();
        let n = entry.name.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<String> = chosen.iter().filter(|c| **c != n).cloned().collect();
            if on && next.len() < MAX_COMPARED {
                next.push(n.clone());
            }
            chosen.set(next);
        })
    };

    let rename_row = |old: &str, value: &str| {
        let on_input = {
            let renaming = renaming.clone();
            let old = old.to_string();
            Callback::from(move |e: InputEvent| renaming.set(Some((old.clone(), input_value(&e)))))
        };
        let cancel = {
            let renaming = renaming.clone();
            Callback::from(move |_: MouseEvent| renaming.set(None))
        };
        let on_key = {
            let renaming = renaming.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    renaming.set(None);
                }
            })
        };
        let on_submit = {
            let (renaming, commit, chosen) = (renaming.clone(), commit.clone(), chosen.clone());
            let (old, value) = (old.to_string(), value.to_string());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let result = scenario_store::update(|list| scenarios::rename(list, &old, &value));
                if result.is_ok() {
                    let new = scenarios::clean_name(&value).unwrap_or_default();
                    chosen.set(
                        chosen
                            .iter()
                            .map(|c| if *c == old { new.clone() } else { c.clone() })
                            .collect(),
                    );
                    renaming.set(None);
                    commit(result, Status::Renamed(old.clone(), new));
                } else {
                    commit(result, Status::None);
                }
            })
        };
        html! {
            <form class="scenario-rename" onsubmit={on_submit} onkeydown={on_key}>
                <label for="scn-rename">{ tf(lang, Key::ScenarioRenameLabel, &[old]) }</label>
                <input id="scn-rename" type="text" value={value.to_string()} oninput={on_input}
                    maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off" />
                <button type="submit">{ t(lang, Key::ScenarioConfirm) }</button>
                <button type="button" onclick={cancel}>{ t(lang, Key::ScenarioCancel) }</button>
            </form>
        }
    };

    let chosen_ok = (scenarios::MIN_COMPARED..=MAX_COMPARED).contains(&chosen.len());
    let open = props.compared.is_some();
    let on_compare = {
        let (dispatch, chosen, list, status) = (
            props.dispatch.clone(),
            chosen.clone(),
            list.clone(),
            status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let picked: Compared = chosen
                .iter()
                .filter_map(|n| list.iter().find(|e| e.name == *n))
                .map(|e| (e.name.clone(), e.query.clone()))
                .collect();
            status.set(Status::None);
            dispatch.emit(Action::SetCompared(Some(Rc::new(picked))));
        })
    };
    let on_close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetCompared(None)))
    };
    // Read again only when the compared list or the language changes, so that the comparison keeps
    // its chart while the page's other state moves.
    let comparison = use_memo(
        (props.compared.clone(), system.clone(), lang),
        |(compared, system, lang)| {
            compared
                .as_ref()
                .map(|compared| checked(compared, system, *lang).map(Rc::new))
        },
    );

    let status_text = status.text(lang, &system);
    // Storage that is missing or refused is said when a change is tried; a list that does not read
    // is said at once, since nothing saved can be shown.
    let list_error = match &*entries {
        Err(e @ StoreError::ListUnreadable(_)) => Some(e.message(lang, &system)),
        _ => None,
    };
    html! {
        <section class="analysis-card scenarios" aria-labelledby="scn-h" data-testid="scenarios">
            <h3 id="scn-h">{ t(lang, Key::ScenariosHeading) }</h3>
            <p class="help">{ t(lang, Key::ScenariosIntro) }</p>
            <form class="scenario-save" onsubmit={on_save}>
                <label for="scn-name">{ t(lang, Key::ScenarioNameLabel) }</label>
                <input id="scn-name" type="text" value={(*name).clone()} oninput={on_name}
                    maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off" data-testid="scenario-name" />
                <button type="submit" data-testid="scenario-save">{ t(lang, Key::ScenarioSaveCurrent) }</button>
            </form>
            <p class={classes!("scenario-status", status.is_error().then_some("error"))} role="status"
                aria-live="polite" data-testid="scenario-status">
                { status_text }
                if matches!(&*status, Status::Deleted(_)) {
                    { " " }<button type="button" onclick={undo} data-testid="scenario-undo">{ t(lang, Key::ScenarioUndo) }</button>
                }
            </p>
            if let Some(message) = list_error {
                <p class="error" role="alert">{ message }</p>
            }
            if list.is_empty() {
                <p class="hint">{ t(lang, Key::ScenarioListEmpty) }</p>
            } else {
                <ul class="scenario-list" aria-label={t(lang, Key::ScenarioListLabel)} data-testid="scenario-list">
                    { for list.iter().map(|entry| {
                        let editing = renaming.as_ref().filter(|(old, _)| *old == entry.name);
                        let is_chosen = chosen.contains(&entry.name);
                        html! {
                            <li key={entry.name.clone()} data-name={entry.name.clone()}>
                                if let Some((old, value)) = editing {
                                    { rename_row(old, value) }
                                } else {
                                    <label class="scenario-pick">
                                        <input type="checkbox" checked={is_chosen}
                                            disabled={!is_chosen && chosen.len() >= MAX_COMPARED}
                                            onchange={toggle(entry)}
                                            aria-label={tf(lang, Key::ScenarioPick, &[&entry.name])} />
                                        <span class="scenario-name">{ entry.name.clone() }</span>
                                    </label>
                                    <span class="scenario-actions">
                                        <button type="button" onclick={apply(entry)} data-testid="scenario-apply"
                                            aria-label={format!("{} {}", t(lang, Key::ScenarioApply), entry.name)}>
                                            { t(lang, Key::ScenarioApply) }</button>
                                        <button type="button" onclick={start_rename(entry)}
                                            aria-label={format!("{} {}", t(lang, Key::ScenarioRename), entry.name)}>
                                            { t(lang, Key::ScenarioRename) }</button>
                                        <button type="button" onclick={delete(entry)} data-testid="scenario-delete"
                                            aria-label={format!("{} {}", t(lang, Key::ScenarioDelete), entry.name)}>
                                            { t(lang, Key::ScenarioDelete) }</button>
                                    </span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="scenario-compare-bar">
                if !list.is_empty() {
                    <button type="button" onclick={on_compare} disabled={!chosen_ok} data-testid="scenario-compare">
                        { t(lang, Key::ScenarioCompare) }</button>
                }
                if open {
                    { " " }<button type="button" onclick={on_close} data-testid="scenario-compare-close">
                        { t(lang, Key::ScenarioCompareClose) }</button>
                }
                if !chosen_ok && !list.is_empty() {
                    { " " }<span class="hint">{ t(lang, Key::ScenarioComparePickHint) }</span>
                }
            </p>
            { match &*comparison {
                Some(Ok(picked)) => html! {
                    <ScenarioComparison {lang} system={system.clone()} data={props.data.clone()}
                        picked={picked.clone()} selected={props.selected} dispatch={props.dispatch.clone()} />
                },
                Some(Err(damaged)) => html! {
                    <p class="error" role="alert">{ damaged.text(lang, &system) }</p>
                },
                None => html! {},
            } }
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ScenarioComparisonProps {
    lang: Lang,
    system: Ptr<IndicatorSystem>,
    data: Ptr<Dataset>,
    /// The compared scenarios with their names, the first being the one the others are set against.
    picked: Rc<Vec<(String, Scenario)>>,
    selected: Option<usize>,
    dispatch: Dispatch,
}

/// The comparison's ranks, computed again only when the data or the compared scenarios change.
struct Ranked {
    names: Vec<String>,
    result: Result<scenarios::Comparison, String>,
    movers: Vec<usize>,
}

#[component]
fn ScenarioComparison(props: &ScenarioComparisonProps) -> Html {
    let lang = props.lang;
    let compared = use_memo(
        (
            props.data.clone(),
            props.picked.clone(),
            props.system.clone(),
        ),
        move |(data, picked, system)| {
            let list: Vec<Scenario> = picked.iter().map(|(_, s)| s.clone()).collect();
            let result = scenarios::compare(system, data, &list).map_err(|e| e.message(lang));
            let movers = result
                .as_ref()
                .map(|c| c.biggest_movers(MOVERS_SHOWN))
                .unwrap_or_default();
            Ranked {
                names: picked.iter().map(|(n, _)| n.clone()).collect(),
                result,
                movers,
            }
        },
    );
    let chart = use_memo(
        (
            Ptr(compared.clone()),
            props.data.clone(),
            props.selected,
            lang,
        ),
        |(compared, data, selected, lang)| {
            let c = compared.0.result.as_ref().ok()?.clone();
            let (compared, data, selected) = (compared.0.clone(), data.0.clone(), *selected);
            let input = SlopeInput {
                data: &data,
                names: &compared.names,
                ranks: &c.ranks,
                order: &c.order,
                movers: &compared.movers,
                selected,
            };
            let table = Rc::new(LazyTable::ready(slope::table(&input, *lang)));
            let painter = Painter::new(move |area, style| {
                slope::draw(
                    area,
                    &SlopeInput {
                        data: &data,
                        names: &compared.names,
                        ranks: &c.ranks,
                        order: &c.order,
                        movers: &compared.movers,
                        selected,
                    },
                    style,
                )
            });
            Some((painter, table))
        },
    );
    let on_select = {
        let d = props.dispatch.clone();
        Callback::from(move |u: usize| d.emit(Action::Select(Some(u))))
    };
    let c = match &compared.result {
        Ok(c) => c,
        Err(message) => return html! { <p class="error" role="alert">{ message.clone() }</p> },
    };
    let data = &props.data;
    let movers_text = if compared.movers.is_empty() {
        t(lang, Key::ScenarioNoMovers).to_string()
    } else {
        let names: Vec<String> = compared
            .movers
            .iter()
            .map(|&u| {
                let change = (1..c.n_scenarios())
                    .filter_map(|k| c.difference(k, u))
                    .max_by_key(|d| d.unsigned_abs());
                format!(
                    "{} {}",
                    data.units[u].name(lang),
                    slope::difference_text(change)
                )
            })
            .collect();
        tf(
            lang,
            Key::ScenarioMovers,
            &[&names.join(t(lang, Key::ScenarioReasonSeparator))],
        )
    };
    let table = chart.as_ref().as_ref().map(|(_, table)| table.clone());
    html! {
        <div class="scenario-comparison" data-testid="scenario-comparison">
            <h4 tabindex="-1">{ t(lang, Key::ScenarioCompareHeading) }</h4>
            <p aria-live="polite" data-testid="scenario-movers">{ movers_text }</p>
            if let Some((painter, table)) = chart.as_ref().clone() {
                <figure class="chart-figure chart-slope">
                    <ChartCanvas {painter} table={Ptr(table)} {lang} height={Height::Aspect { ratio: 1.1, min: 420, max: 900 }}
                        {on_select} png_name={AttrValue::from("scenarios")} />
                </figure>
            }
            if let Some(table) = table {
                { rank_table(table.get(), c, data, lang) }
            }
        </div>
    }
}

/// Each county's rank under each scenario, with the change against the first as ▲/▼ text and in words.
fn rank_table(
    table: &crate::chart::TextTable,
    c: &scenarios::Comparison,
    data: &Dataset,
    lang: Lang,
) -> Html {
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={t(lang, Key::ScenarioCompareHeading)}>
            <table class="scenario-table" data-testid="scenario-table">
                <caption>{ table.caption.clone() }</caption>
                <thead><tr>
                    { for table.headers.iter().enumerate().map(|(i, h)| html! {
                        <th scope="col" class={classes!((i > 0).then_some("num"))}>{ h.clone() }</th>
                    }) }
                </tr></thead>
                <tbody>
                    { for table.rows.iter().zip(&table.row_units).map(|(row, unit)| {
                        let u = unit.unwrap_or_default();
                        html! {
                            <tr data-adcode={data.units[u].adcode.clone()}>
                                <th scope="row" translate="no">{ row[0].clone() }</th>
                                { for row.iter().enumerate().skip(1).map(|(i, cell)| {
                                    // Columns after the first rank alternate: rank, change.
                                    let change_of = (i >= 3 && i % 2 == 1).then(|| c.difference((i - 1) / 2, u));
                                    html! {
                                        <td class="num" data-col={i.to_string()}>
                                            if let Some(d) = change_of {
                                                <span aria-hidden="true">{ cell.clone() }</span>
                                                <span class="sr-only">{ slope::difference_words(lang, d) }</span>
                                            } else {
                                                { cell.clone() }
                                            }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
