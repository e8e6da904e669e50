//! The charts panel: contribution bars, rank shift, tile map and the selected county's profile, each on
//! its own canvas with a table alternative, plus the controls for top N and map colouring.

use super::chart_canvas::{ChartCanvas, Height, Painter};
use super::Ptr;
use crate::chart::contribution::{self, ContributionInput};
use crate::chart::profile::{self, ProfileInput};
use crate::chart::rank_shift::{self, RankShiftInput};
use crate::chart::tile_map::{self, ColourBy, TileMapInput};
use crate::chart::LazyTable;
use crate::i18n::{t, tf, Key};
use crate::model::{Aggregation, Dataset, IndicatorSystem, Lang};
use crate::score::Ranking;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Places a county must move to count as a mover in the rank-shift chart.
const MOVER_THRESHOLD: u32 = 3;
const TOP_N_CHOICES: [usize; 3] = [10, 20, 30];

#[derive(Properties, PartialEq, Clone)]
pub struct ChartsPanelProps {
    pub system: Ptr<IndicatorSystem>,
    pub data: Ptr<Dataset>,
    pub ranking: Ptr<Ranking>,
    pub baseline: Ptr<Ranking>,
    pub selected: Option<usize>,
    pub lang: Lang,
    pub on_select: Callback<usize>,
}

type Inputs = (
    Ptr<IndicatorSystem>,
    Ptr<Dataset>,
    Ptr<Ranking>,
    Option<usize>,
    Lang,
);

/// What the panel's charts are drawn from, owned, so that painters and deferred tables can keep it.
struct Parts {
    system: Rc<IndicatorSystem>,
    data: Rc<Dataset>,
    ranking: Rc<Ranking>,
    selected: Option<usize>,
}

impl Parts {
    fn new(
        system: &Ptr<IndicatorSystem>,
        data: &Ptr<Dataset>,
        ranking: &Ptr<Ranking>,
        selected: Option<usize>,
    ) -> Self {
        Self {
            system: system.0.clone(),
            data: data.0.clone(),
            ranking: ranking.0.clone(),
            selected,
        }
    }

    fn contribution(&self, aggregation: Aggregation, top_n: usize) -> ContributionInput<'_> {
        ContributionInput {
            system: &self.system,
            data: &self.data,
            ranking: &self.ranking,
            aggregation,
            top_n,
            selected: self.selected,
        }
    }

    fn rank_shift<'a>(&'a self, baseline: &'a Ranking) -> RankShiftInput<'a> {
        RankShiftInput {
            data: &self.data,
            current: &self.ranking,
            baseline,
            threshold: MOVER_THRESHOLD,
            limit: None,
            selected: self.selected,
        }
    }

    fn tile_map(&self, colour_by: ColourBy) -> TileMapInput<'_> {
        TileMapInput {
            system: &self.system,
            data: &self.data,
            ranking: &self.ranking,
            colour_by,
            selected: self.selected,
        }
    }

    fn profile(&self) -> ProfileInput<'_> {
        ProfileInput {
            system: &self.system,
            data: &self.data,
            ranking: &self.ranking,
            unit: self.selected.unwrap_or(usize::MAX),
        }
    }
}

fn colour_key(c: ColourBy) -> String {
    match c {
        ColourBy::Score => "score".to_string(),
        ColourBy::Rank => "rank".to_string(),
        ColourBy::Dimension(d) => format!("d{d}"),
    }
}

fn parse_colour(s: &str) -> ColourBy {
    match s {
        "rank" => ColourBy::Rank,
        _ => s
            .strip_prefix('d')
            .and_then(|d| d.parse().ok())
            .map_or(ColourBy::Score, ColourBy::Dimension),
    }
}

/// A chart's painter with its table twin.
type Chart = Rc<(Painter, Rc<LazyTable>)>;

/// The contribution bars of the top `top_n` counties.
#[hook]
fn use_contribution_chart(base: &Inputs, top_n: usize) -> Chart {
    use_memo(
        (base.clone(), top_n),
        |((sys, data, ranking, selected, lang), n)| {
            let parts = Parts::new(sys, data, ranking, *selected);
            let aggregation = contribution::infer_aggregation(&parts.ranking);
            let n = *n;
            let table = contribution::table(&parts.contribution(aggregation, n), *lang);
            let painter = Painter::new(move |area, style| {
                contribution::draw(area, &parts.contribution(aggregation, n), style)
            });
            (painter, Rc::new(LazyTable::ready(table)))
        },
    )
}

/// The rank shift against the default ranking.
#[hook]
fn use_rank_shift_chart(base: &Inputs, baseline: &Ptr<Ranking>) -> Chart {
    use_memo(
        (base.clone(), baseline.clone()),
        |((sys, data, ranking, selected, lang), baseline)| {
            let parts = Rc::new(Parts::new(sys, data, ranking, *selected));
            let (baseline, lang) = (baseline.0.clone(), *lang);
            let table = {
                let (parts, baseline) = (parts.clone(), baseline.clone());
                LazyTable::new(rank_shift::caption(lang, MOVER_THRESHOLD), move || {
                    rank_shift::table(&parts.rank_shift(&baseline), lang)
                })
            };
            let painter = Painter::new(move |area, style| {
                rank_shift::draw(area, &parts.rank_shift(&baseline), style)
            });
            (painter, Rc::new(table))
        },
    )
}

/// The tile map coloured by `colour_by`.
#[hook]
fn use_tile_map_chart(base: &Inputs, colour_by: ColourBy) -> Chart {
    use_memo(
        (base.clone(), colour_by),
        |((sys, data, ranking, selected, lang), colour_by)| {
            let parts = Rc::new(Parts::new(sys, data, ranking, *selected));
            let (colour_by, lang) = (*colour_by, *lang);
            let caption = tile_map::caption(&parts.tile_map(colour_by), lang);
            let table = {
                let parts = parts.clone();
                LazyTable::new(caption, move || {
                    tile_map::table(&parts.tile_map(colour_by), lang)
                })
            };
            let painter = Painter::new(move |area, style| {
                tile_map::draw(area, &parts.tile_map(colour_by), style)
            });
            (painter, Rc::new(table))
        },
    )
}

/// The selected county's profile.
#[hook]
fn use_profile_chart(base: &Inputs) -> Chart {
    use_memo(base.clone(), |(sys, data, ranking, selected, lang)| {
        let parts = Parts::new(sys, data, ranking, *selected);
        let table = profile::table(&parts.profile(), *lang);
        let painter = Painter::new(move |area, style| profile::draw(area, &parts.profile(), style));
        (painter, Rc::new(LazyTable::ready(table)))
    })
}

#[component]
pub fn ChartsPanel(props: &ChartsPanelProps) -> Html {
    let top_n = use_state_eq(|| TOP_N_CHOICES[0]);
    let colour_by = use_state_eq(ColourBy::default);
    let lang = props.lang;
    let base: Inputs = (
        props.system.clone(),
        props.data.clone(),
        props.ranking.clone(),
        props.selected,
        lang,
    );
    let contrib = use_contribution_chart(&base, *top_n);
    let shift = use_rank_shift_chart(&base, &props.baseline);
    let map = use_tile_map_chart(&base, *colour_by);
    let prof = use_profile_chart(&base);

    let on_top_n = {
        let top_n = top_n.clone();
        Callback::from(move |n: usize| top_n.set(n))
    };
    let on_colour = {
        let colour_by = colour_by.clone();
        Callback::from(move |c: ColourBy| colour_by.set(c))
    };
    let on_select = props.on_select.clone();
    let contrib_height = Height::Fixed(110 + 22 * *top_n as u32);

    html! {
        <section class="charts-panel" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{ t(lang, Key::ChartsHeading) }</h2>
            { chart_controls(&props.system, lang, *top_n, *colour_by, on_top_n, on_colour) }
            <div class="chart-grid">
                <figure class="chart-figure chart-contribution">
                    <ChartCanvas painter={contrib.0.clone()} table={Ptr(contrib.1.clone())} {lang} height={contrib_height}
                        on_select={on_select.clone()} png_name={AttrValue::from("contribution")} />
                </figure>
                <figure class="chart-figure chart-rank-shift">
                    <ChartCanvas painter={shift.0.clone()} table={Ptr(shift.1.clone())} {lang} height={Height::Fixed(680)}
                        on_select={on_select.clone()} png_name={AttrValue::from("rank-shift")} />
                </figure>
                <figure class="chart-figure chart-tile-map">
                    <ChartCanvas painter={map.0.clone()} table={Ptr(map.1.clone())} {lang}
                        height={Height::Aspect { ratio: 1.05, min: 320, max: 760 }}
                        on_select={on_select.clone()} png_name={AttrValue::from("tile-map")} />
                </figure>
                <figure class="chart-figure chart-profile">
                    <ChartCanvas painter={prof.0.clone()} table={Ptr(prof.1.clone())} {lang} height={Height::Fixed(340)}
                        {on_select} png_name={AttrValue::from("profile")} />
                </figure>
            </div>
        </section>
    }
}

/// The top-N and map-colouring boxes.
fn chart_controls(
    system: &IndicatorSystem,
    lang: Lang,
    top_n: usize,
    colour_by: ColourBy,
    on_top_n: Callback<usize>,
    on_colour: Callback<ColourBy>,
) -> Html {
    let on_top_n = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        if let Ok(n) = v.parse() {
            on_top_n.emit(n);
        }
    });
    let on_colour = on_colour
        .reform(|e: Event| parse_colour(&e.target_unchecked_into::<HtmlSelectElement>().value()));
    let mut colour_options = vec![
        (ColourBy::Score, t(lang, Key::MapCompositeScore).to_string()),
        (ColourBy::Rank, t(lang, Key::ChartRank).to_string()),
    ];
    colour_options.extend(
        system
            .dimensions
            .iter()
            .enumerate()
            .map(|(d, dim)| (ColourBy::Dimension(d), dim.name(lang).to_string())),
    );
    html! {
        <div class="chart-controls">
            <label for="chart-top-n">{ t(lang, Key::ChartTopNLabel) }</label>
            <select id="chart-top-n" onchange={on_top_n}>
                { for TOP_N_CHOICES.iter().map(|&n| html! {
                    <option value={n.to_string()} selected={n == top_n}>
                        { tf(lang, Key::ChartTopN, &[&n.to_string()]) }
                    </option>
                }) }
            </select>
            <label for="chart-colour-by">{ t(lang, Key::MapColourByLabel) }</label>
            <select id="chart-colour-by" onchange={on_colour}>
                { for colour_options.into_iter().map(|(c, label)| html! {
                    <option value={colour_key(c)} selected={c == colour_by}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
