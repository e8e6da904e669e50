//! The ranking table: every unit with rank, change against the default, names, composite score and the
//! five dimension scores as bars; sortable columns, name search and prefecture filter. Rows are keyed
//! by unit, and a new order first shifts them into place (`row_order`), so a weight change rewrites only
//! the figures that changed; value props let rows whose figures did not change skip rendering. Above
//! `PAGE_FROM` rows (an imported national file) only one page of rows is put in the document, and its
//! rows are positional: the n-th row shows the n-th unit of the page.

use super::row_order::use_row_order;
use super::{Dispatch, Ptr};
use crate::analysis::change::{EditionRanks, Side};
use crate::i18n::{prefecture_name, t, tf, Key};
use crate::model::{Choice, Dataset, IndicatorSystem, Lang, Scaling};
use crate::score::Ranking;
use crate::state::{Action, Sort, SortKey, TableView};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Tables with more rows than this are shown a page at a time; smaller ones keep every row in the DOM.
const PAGE_FROM: usize = 500;
/// Rows on one page of a paged table.
const PAGE_SIZE: usize = 50;

/// What the table shows: the units with their ranking, rank changes and estimate marks, the table's
/// order, search and filter, and the selected unit; the indicator system names the dimension columns.
#[derive(Properties, PartialEq, Clone)]
pub struct RankingPanelProps {
    pub lang: Lang,
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub ranking: Ptr<Ranking>,
    pub changes: Ptr<Vec<Option<i32>>>,
    pub unit_estimates: Ptr<Vec<bool>>,
    pub table: TableView,
    pub selected: Option<usize>,
    pub dispatch: Dispatch,
    /// The change from an earlier edition to the one shown, when two editions are compared and the
    /// later one is shown.
    pub year_change: Option<Ptr<EditionRanks>>,
    /// The two years compared (from, to).
    pub years: Option<(i32, i32)>,
    /// The scale the year-over-year column ranks both years on, which the note under the table names.
    pub scaling: Scaling,
}

/// A county's place in the year-over-year column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearCell {
    /// Places gained since the earlier edition (negative: lost), from rank `from` to rank `to` on the
    /// comparison's scale.
    Change { places: i32, from: u32, to: u32 },
    /// Only in the later edition.
    New,
    /// Ranked in only one of the two editions.
    Unranked,
}

/// Per unit of the shown edition, its year-over-year cell.
fn year_cells(data: &Dataset, change: &EditionRanks) -> Vec<YearCell> {
    let mut cells = vec![YearCell::Unranked; data.n_units()];
    for row in &change.rows {
        if let Some(u) = data.unit_index(&row.adcode) {
            cells[u] = YearCell::Change {
                places: row.rank_change,
                from: row.rank_from,
                to: row.rank_to,
            };
        }
    }
    for gone in change.unmatched.iter().filter(|m| m.side == Side::To) {
        if let Some(u) = data.unit_index(&gone.adcode) {
            cells[u] = YearCell::New;
        }
    }
    cells
}

#[component]
pub fn RankingPanel(props: &RankingPanelProps) -> Html {
    let lang = props.lang;
    let rows = props
        .table
        .rows(&props.data, &props.ranking, &props.changes);
    let page = use_table_page(&rows, &props.table, props.selected);
    let tbody = use_node_ref();
    let order = use_row_order(&rows[page.start..page.end], !page.paged, &tbody);
    let n_dims = props.system.n_dimensions();
    let year_cells = use_memo(
        (props.year_change.clone(), props.data.clone()),
        |(change, data)| change.as_ref().map(|c| year_cells(data, c)),
    );
    let from_year = props.years.map(|(from, _)| from);
    let column = year_cells.as_ref().as_ref().and(from_year);
    let dim_names: Vec<String> = props
        .system
        .dimensions
        .iter()
        .map(|x| x.name(lang).to_string())
        .collect();
    html! {
        <section class="panel ranking" id="ranking" aria-labelledby="ranking-h">
            <h2 id="ranking-h">{ t(lang, Key::RankingHeading) }</h2>
            <TableTools {lang} data={props.data.clone()} search={props.table.search.clone()}
                prefecture={props.table.prefecture.clone()} shown={rows.len()} dispatch={props.dispatch.clone()} />
            <p class="hint">{ t(lang, Key::SelectHint) }{ " · " }{ t(lang, Key::ChangeHelp) }
                <a class="to-weights" href="#weights-h">{ t(lang, Key::JumpToWeights) }</a></p>
            if page.paged { { pager(lang, &page, rows.len()) } }
            // Names the colours where the table's compact form shows its dimension heads as swatches.
            <p class={classes!("dim-legend", (n_dims > 5).then_some("many"))} aria-hidden="true">
                { for dim_names.iter().enumerate().map(|(k, name)| html! {
                    <span class={dim_class(k)}><span class="swatch"></span>{ name.clone() }</span>
                }) }
            </p>
            <div class="table-scroll" role="region" aria-labelledby="ranking-h" tabindex="0">
                <table class={classes!("rank-table", (n_dims > 5).then_some("many-dims"))} aria-busy={(!order.settled).then_some("true")}>
                    <thead>{ head_row(lang, props.table.sort, &dim_names, column, &props.dispatch) }</thead>
                    <tbody ref={tbody}>
                        { for order.document.iter().enumerate().map(|(position, &u)| html! {
                            <Row key={if page.paged { position } else { u }} data={row_data(props, u)} lang={lang}
                                year={year_cells.as_ref().as_ref().map(|c| c[u])}
                                selected={props.selected == Some(u)} dispatch={props.dispatch.clone()} />
                        }) }
                    </tbody>
                </table>
                if rows.is_empty() { <p class="empty">{ t(lang, Key::NoRows) }</p> }
            </div>
            if let (Some(_), Some(years)) = (column, props.years) { { year_note(lang, props.scaling, years) } }
            { props.year_change.as_ref().zip(props.years).map(|(c, years)| unmatched_list(lang, c, years)).unwrap_or_default() }
        </section>
    }
}

/// The rows of the table on screen: all of them, or one page of a long table.
struct TablePage {
    paged: bool,
    current: usize,
    n_pages: usize,
    start: usize,
    end: usize,
    /// The page asked for, which `current` keeps within the pages there are.
    asked: UseStateHandle<usize>,
}

/// The page of `rows` to show. A new order, search, filter or selection shows the page holding the
/// selected unit, or the first page; sorting and filtering always work on the full list.
#[hook]
fn use_table_page(rows: &[usize], table: &TableView, selected: Option<usize>) -> TablePage {
    let paged = rows.len() > PAGE_FROM;
    let n_pages = rows.len().div_ceil(PAGE_SIZE).max(1);
    let asked = use_state_eq(|| 0usize);
    {
        let target = selected
            .and_then(|sel| rows.iter().position(|&u| u == sel))
            .map_or(0, |p| p / PAGE_SIZE);
        let asked = asked.clone();
        use_effect_with((table.clone(), selected), move |_| asked.set(target));
    }
    let current = (*asked).min(n_pages - 1);
    let (start, end) = if paged {
        let start = current * PAGE_SIZE;
        (start, (start + PAGE_SIZE).min(rows.len()))
    } else {
        (0, rows.len())
    };
    TablePage {
        paged,
        current,
        n_pages,
        start,
        end,
        asked,
    }
}

/// The previous and next buttons of a paged table, and the range of rows on screen.
fn pager(lang: Lang, page: &TablePage, n_rows: usize) -> Html {
    let go_to = |to: usize| {
        let asked = page.asked.clone();
        Callback::from(move |_: MouseEvent| asked.set(to))
    };
    let (current, n_pages) = (page.current, page.n_pages);
    html! {
        <div class="pager" role="group" aria-label={t(lang, Key::TablePages)}>
            <button type="button" data-testid="page-prev" disabled={current == 0}
                onclick={go_to(current.saturating_sub(1))}>{ t(lang, Key::PrevPage) }</button>
            <span data-testid="page-range" aria-live="polite">
                { tf(lang, Key::PageRange, &[&(page.start + 1).to_string(), &page.end.to_string(), &n_rows.to_string()]) }
            </span>
            <button type="button" data-testid="page-next" disabled={current + 1 >= n_pages}
                onclick={go_to((current + 1).min(n_pages - 1))}>{ t(lang, Key::NextPage) }</button>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct TableToolsProps {
    lang: Lang,
    /// The units, whose prefectures the filter offers and whose count the row count gives.
    data: Ptr<Dataset>,
    search: String,
    prefecture: Option<String>,
    /// How many rows pass the search and the filter.
    shown: usize,
    dispatch: Dispatch,
}

/// The name search, the prefecture filter and the count of rows they let through: a component of its
/// own, so a weight change, which leaves them as they are, does not rebuild the filter's options.
#[component]
fn TableTools(props: &TableToolsProps) -> Html {
    let lang = props.lang;
    let d = &props.dispatch;
    let mut prefectures: Vec<&str> = Vec::new();
    for u in &props.data.units {
        if !prefectures.contains(&u.prefecture_zh.as_str()) {
            prefectures.push(&u.prefecture_zh);
        }
    }
    let on_search = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            d.emit(Action::SetSearch(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_filter = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.emit(Action::SetPrefectureFilter((!v.is_empty()).then_some(v)))
        })
    };
    html! {
        <div class="table-tools">
            <div class="tool">
                <label for="rank-search">{ t(lang, Key::Search) }</label>
                <input type="search" id="rank-search" value={props.search.clone()} oninput={on_search}
                    placeholder={t(lang, Key::SearchPlaceholder)} autocomplete="off" />
            </div>
            <div class="tool">
                <label for="rank-filter">{ t(lang, Key::Prefecture) }</label>
                <select id="rank-filter" onchange={on_filter}>
                    <option value="" selected={props.prefecture.is_none()}>{ t(lang, Key::AllPrefectures) }</option>
                    { for prefectures.iter().map(|p| html! {
                        <option value={p.to_string()} selected={props.prefecture.as_deref() == Some(*p)}>
                            { prefecture_name(lang, p) }</option>
                    }) }
                </select>
            </div>
            <p class="row-count" aria-live="polite">
                { tf(lang, Key::ShowingRows, &[&props.shown.to_string(), &props.data.n_units().to_string()]) }
            </p>
        </div>
    }
}

/// The counties of the comparison that have no change to show: those gone since the earlier edition
/// and those ranked in only one of the two.
fn unmatched_list(lang: Lang, change: &EditionRanks, (from, to): (i32, i32)) -> Html {
    let names = |side: Side| {
        change
            .unmatched
            .iter()
            .filter(|m| m.side == side)
            .map(|m| m.name_zh.clone())
            .collect::<Vec<_>>()
    };
    let (gone, unranked) = (names(Side::From), names(Side::Unranked));
    let separator = if lang == Lang::En { ", " } else { "、" };
    html! {
        <>
            if !gone.is_empty() {
                <p class="year-unmatched" data-testid="year-gone">
                    { tf(lang, Key::YearChangeGone, &[&from.to_string(), &to.to_string()]) }{ " " }
                    <span class="place" translate="no">{ gone.join(separator) }</span>
                </p>
            }
            if !unranked.is_empty() {
                <p class="year-unmatched" data-testid="year-unranked">
                    { tf(lang, Key::YearChangeUnranked, &[&from.to_string()]) }{ " " }
                    <span class="place" translate="no">{ unranked.join(separator) }</span>
                </p>
            }
        </>
    }
}

/// The note under the table saying which ranks the year-over-year column compares: on the pooled
/// scale they need not be the years' own rankings, scaled each on its own they are.
fn year_note(lang: Lang, scaling: Scaling, (from, to): (i32, i32)) -> Html {
    let key = match scaling {
        Scaling::Pooled => Key::YearChangeNotePooled,
        Scaling::Each => Key::YearChangeNoteEach,
    };
    html! {
        <p class="hint yoy-note" data-testid="yoy-note" data-scaling={scaling.id()}>
            { tf(lang, key, &[&from.to_string(), &to.to_string()]) }
        </p>
    }
}

/// The year-over-year cell of a row: the two ranks compared (left out on phones), the arrow and the
/// number, with the change and the ranks in words for screen readers and in the title; `data-change`
/// holds the places gained (or `new`), `data-ranks` the two ranks as `from-to`.
fn year_cell(lang: Lang, cell: YearCell) -> Html {
    let ranks = match cell {
        YearCell::Change { from, to, .. } => Some((from, to)),
        _ => None,
    };
    let (class, shown, words, value) = match cell {
        YearCell::Change { places, .. } if places > 0 => (
            "up",
            format!("▲{places}"),
            tf(lang, Key::YearChangeUp, &[&places.to_string()]),
            places.to_string(),
        ),
        YearCell::Change { places, .. } if places < 0 => (
            "down",
            format!("▼{}", -places),
            tf(lang, Key::YearChangeDown, &[&(-places).to_string()]),
            places.to_string(),
        ),
        YearCell::Change { .. } => (
            "same",
            "=".to_string(),
            t(lang, Key::YearChangeSame).to_string(),
            "0".to_string(),
        ),
        YearCell::New => (
            "new",
            t(lang, Key::YearChangeNew).to_string(),
            t(lang, Key::YearChangeNewTitle).to_string(),
            "new".to_string(),
        ),
        YearCell::Unranked => ("none", "—".to_string(), String::new(), String::new()),
    };
    let words = match ranks {
        Some((from, to)) => format!(
            "{words} ({})",
            tf(
                lang,
                Key::YearChangeRanks,
                &[&from.to_string(), &to.to_string()]
            )
        ),
        None => words,
    };
    html! {
        <td class={classes!("c-yoy", class)} data-testid="yoy" data-change={value}
            data-ranks={ranks.map(|(from, to)| format!("{from}-{to}"))} title={words.clone()}>
            if let Some((from, to)) = ranks {
                <span class="yoy-ranks" aria-hidden="true" translate="no">{ format!("{from}→{to} ") }</span>
            }
            <span aria-hidden="true" translate="no">{ shown }</span>
            <span class="sr-only">{ words }</span>
        </td>
    }
}

/// The table's head: a sort button per column, the dimensions last; after the change against the
/// default, the change since `year` when two editions are compared.
fn head_row(lang: Lang, sort: Sort, dim_names: &[String], year: Option<i32>, d: &Dispatch) -> Html {
    let header = |key: SortKey, label: String, class: &'static str, title: Option<String>| {
        let onclick = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.emit(Action::SortBy(key)))
        };
        let arrow = match sort.aria(key) {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        html! {
            <th scope="col" class={class} aria-sort={sort.aria(key)} {title}>
                <button type="button" class="sort" {onclick}>
                    <span class="sr-only">{ t(lang, Key::SortBy) }</span>{ label }
                    <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    html! {
        <tr>
            { header(SortKey::Rank, t(lang, Key::ColRank).into(), "c-rank", None) }
            { header(SortKey::Change, t(lang, Key::ColChange).into(), "c-change", None) }
            if let Some(year) = year {
                <th scope="col" class="c-yoy" data-testid="yoy-head">{ tf(lang, Key::YearChangeColumn, &[&year.to_string()]) }</th>
            }
            { header(SortKey::County, t(lang, Key::ColCounty).into(), "c-county", None) }
            { header(SortKey::Prefecture, t(lang, Key::ColPrefecture).into(), "c-pref", None) }
            { header(SortKey::Score, t(lang, Key::ColScore).into(), "c-score", None) }
            { for dim_names.iter().enumerate().map(|(k, name)| header(SortKey::Dimension(k), name.clone(), dim_head_class(k), Some(name.clone()))) }
        </tr>
    }
}

/// The figures of unit `u`'s row.
fn row_data(props: &RankingPanelProps, u: usize) -> RowData {
    let (lang, ranking) = (props.lang, &props.ranking);
    let unit = &props.data.units[u];
    RowData {
        unit: u,
        adcode: AttrValue::from(unit.adcode.clone()),
        name: AttrValue::from(unit.name(lang).to_string()),
        prefecture: AttrValue::from(prefecture_name(lang, &unit.prefecture_zh)),
        rank: ranking.rank[u],
        change: props.changes[u],
        composite: ranking.composite[u],
        // Rounded to what is drawn: dimension scores do not depend on the dimension weights, but
        // their last bits do, and equal props let the dimension cells skip re-rendering while a
        // slider moves.
        dims: (0..props.system.n_dimensions())
            .map(|k| (ranking.dimension_score(u, k) * 100.0).round() / 100.0)
            .collect(),
        estimate: props.unit_estimates[u],
    }
}

/// The figures of one row, compared by value so unchanged rows are not re-rendered.
#[derive(Clone, Debug, PartialEq)]
pub struct RowData {
    pub unit: usize,
    pub adcode: AttrValue,
    pub name: AttrValue,
    pub prefecture: AttrValue,
    pub rank: u32,
    pub change: Option<i32>,
    pub composite: f64,
    pub dims: Vec<f64>,
    pub estimate: bool,
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub data: RowData,
    pub lang: Lang,
    /// The year-over-year cell, when two editions are compared.
    pub year: Option<YearCell>,
    pub selected: bool,
    pub dispatch: Dispatch,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let r = &props.data;
    let lang = props.lang;
    let onclick = {
        let d = props.dispatch.clone();
        let u = r.unit;
        Callback::from(move |_: MouseEvent| d.emit(Action::Select(Some(u))))
    };
    let top10 = r.rank > 0 && r.rank <= 10;
    // The arrow and its spoken form come from the class (app.css, `content: "▲" / "上升"`), so a
    // new change rewrites one short text per row.
    let (places, change_class) = match r.change {
        Some(c) if c > 0 => (c.to_string(), "up"),
        Some(c) if c < 0 => ((-c).to_string(), "down"),
        Some(_) => (String::new(), "same"),
        None => (String::new(), "none"),
    };
    let rank_text = if r.rank > 0 {
        r.rank.to_string()
    } else {
        "—".to_string()
    };
    html! {
        <tr data-testid="rank-row" data-adcode={r.adcode.clone()}
            class={classes!(top10.then_some("top10"), props.selected.then_some("selected"))} {onclick}>
            <td class="c-rank num">
                <span translate="no">{ rank_text }</span>
                if top10 {
                    <span class="top-badge" title={t(lang, Key::Top10)}><span aria-hidden="true">{ "★" }</span>
                    <span class="sr-only">{ t(lang, Key::Top10) }</span></span>
                }
            </td>
            <td class={classes!("c-change", change_class)} translate="no">{ places }</td>
            { props.year.map(|cell| year_cell(lang, cell)).unwrap_or_default() }
            <NameCells name={r.name.clone()} prefecture={r.prefecture.clone()} estimate={r.estimate}
                selected={props.selected} {lang} />
            <td class="c-score num" data-testid="score" translate="no">
                { if r.composite.is_nan() { "—".to_string() } else { format!("{:.2}", r.composite) } }
            </td>
            <DimCells dims={r.dims.clone()} />
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct NameCellsProps {
    name: AttrValue,
    prefecture: AttrValue,
    estimate: bool,
    selected: bool,
    lang: Lang,
}

/// The county and prefecture cells of a row: a component of their own, so a weight change, which
/// leaves them as they are, does not rebuild them.
#[component]
fn NameCells(props: &NameCellsProps) -> Html {
    let lang = props.lang;
    html! {
        <>
            <th scope="row" class="c-county">
                <button type="button" class="county-link" aria-pressed={if props.selected { "true" } else { "false" }}>
                    <span class="place" translate="no">{ props.name.clone() }</span>
                </button>
                // Shown under the name where the table is too narrow for the prefecture column.
                <span class="pref-inline place" translate="no" aria-hidden="true">{ props.prefecture.clone() }</span>
                if props.estimate {
                    <abbr class="est-mark" title={t(lang, Key::EstimateMarkTitle)}>{ t(lang, Key::EstimateMark) }</abbr>
                }
            </th>
            <td class="c-pref place" translate="no">{ props.prefecture.clone() }</td>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DimCellsProps {
    dims: Vec<f64>,
}

/// The dimension cells of a row: a component of their own, since dimension scores do not depend on
/// the weights and so are left alone while a slider moves. Each cell is the number with its bar drawn
/// by the cell's `::after` up to `--w`, so a row adds no elements for its five bars.
#[component]
fn DimCells(props: &DimCellsProps) -> Html {
    let cells = use_memo(props.dims.len(), |&n| {
        (0..n).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    {
        let cells = cells.clone();
        let bits: Vec<u64> = props.dims.iter().map(|v| v.to_bits()).collect();
        use_effect_with(bits, move |bits| {
            for (cell, &b) in cells.iter().zip(bits) {
                let v = f64::from_bits(b);
                let w = if v.is_nan() { 0.0 } else { v.clamp(0.0, 100.0) };
                if let Some(el) = cell.cast::<web_sys::HtmlElement>() {
                    let _ = el.style().set_property("--w", &format!("{w:.2}%"));
                }
            }
        });
    }
    html! {
        { for props.dims.iter().enumerate().map(|(k, &v)| html! {
            <td ref={cells[k].clone()} class={classes!("c-dim", "num", dim_class(k))} translate="no">
                { if v.is_nan() { "—".to_string() } else { format!("{v:.1}") } }
            </td>
        }) }
    }
}

/// The classes of a dimension's column head: its colour, which a narrow table shows as a swatch.
fn dim_head_class(dimension: usize) -> &'static str {
    const CLASSES: [&str; 10] = [
        "c-dim dim-0",
        "c-dim dim-1",
        "c-dim dim-2",
        "c-dim dim-3",
        "c-dim dim-4",
        "c-dim dim-5",
        "c-dim dim-6",
        "c-dim dim-7",
        "c-dim dim-8",
        "c-dim dim-9",
    ];
    CLASSES[dimension % CLASSES.len()]
}

/// The class that gives a dimension's cells and bars their colour (`--dim-c`): one of ten, as many as
/// a system may have dimensions, each `chart::style::SERIES`'s colour in www/app.css (the page's CSP
/// forbids style attributes, so the colour cannot be written on each cell).
pub fn dim_class(dimension: usize) -> &'static str {
    const CLASSES: [&str; 10] = [
        "dim-0", "dim-1", "dim-2", "dim-3", "dim-4", "dim-5", "dim-6", "dim-7", "dim-8", "dim-9",
    ];
    CLASSES[dimension % CLASSES.len()]
}
