//! The page's state as its on-demand panels module needs it: a `Snapshot` after every change, from
//! which the module keeps a replica for its panels (`ui::panels_host` sends it, `ui::panels_app`
//! applies it). It travels as a `messages::PageMessage`, in formats the page already reads and writes:
//! the view as a share-link query (`share`, exact for every number), a data set as JSON ([`DataText`],
//! exact for every number).

use super::messages::{read_scenario_query, scenario_query};
use crate::data::provenance::Provenance;
use crate::data::seeds;
use crate::model::{Choice, Scaling};
use crate::model::{Dataset, IndicatorSystem};
use crate::share::{self, DatasetRef, EditionChoices, Embed, ShareState};
use crate::state::editions::{Edition, Editions};
use crate::state::{default_scenario, Action, State};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// How a data set travels, when it changed.
#[derive(Clone, Debug, PartialEq)]
pub enum DataMessage {
    /// The bundled data set with its provenance.
    Bundled,
    /// Any other data set (an import): JSON of its [`DataText`].
    Dataset(String),
    /// A collection of editions: JSON of [`EditionText`]s, oldest first.
    Editions(String),
}

/// One edition as a snapshot carries it: its year and its data set.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EditionText {
    pub year: i32,
    pub data: DataText,
}

/// A data set as it travels between the page and the panels module, as JSON: its metadata, units and
/// values (missing ones as `null`). Every number reads back exactly, since JSON writes each as its
/// shortest exact decimal, except that JSON writes -0 as 0: the places of the values that are -0 travel
/// alongside, so that the data set keeps its content hash.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DataText {
    data: Dataset,
    /// The unit and indicator of each value that is -0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    negative_zeros: Vec<(usize, usize)>,
}

impl DataText {
    pub fn of(data: &Dataset) -> Self {
        let mut negative_zeros = Vec::new();
        for i in 0..data.n_indicators() {
            for (u, v) in data.column(i).iter().enumerate() {
                if *v == 0.0 && v.is_sign_negative() {
                    negative_zeros.push((u, i));
                }
            }
        }
        DataText {
            data: data.clone(),
            negative_zeros,
        }
    }

    /// The data set in the columns of `system`, with county details; an error when it does not fit.
    pub fn read(self, system: &IndicatorSystem) -> Result<Dataset, String> {
        let DataText {
            mut data,
            negative_zeros,
        } = self;
        if data.n_indicators() != system.n_indicators() || !data.is_complete() {
            return Err(format!(
                "a data set of {} units does not fit {} indicators",
                data.n_units(),
                system.n_indicators()
            ));
        }
        for (u, i) in negative_zeros {
            if u >= data.n_units() || i >= data.n_indicators() {
                return Err("a data set's -0 is outside it".to_string());
            }
            data.set(u, i, Some(-0.0));
        }
        seeds::attach_county_details(&mut data, &seeds::counties());
        Ok(data)
    }
}

/// Data sets as JSON of their [`DataText`]s.
pub fn datasets_json<'a>(list: impl IntoIterator<Item = &'a Dataset>) -> String {
    let texts: Vec<DataText> = list.into_iter().map(DataText::of).collect();
    crate::json::to_string(&texts).unwrap_or_default()
}

/// The data sets of JSON from [`datasets_json`], in the columns of `system`.
pub fn read_datasets_json(json: &str, system: &IndicatorSystem) -> Result<Vec<Dataset>, String> {
    let texts: Vec<DataText> = crate::json::from_str(json)?;
    texts.into_iter().map(|t| t.read(system)).collect()
}

/// The choices made on a collection of editions as a snapshot carries them (`shown=2024&from=2023&
/// to=2024&scaling=pooled`, the comparison left out when there is none); empty without a collection.
pub fn editions_view(editions: &Editions) -> String {
    let Some(shown) = editions.shown.filter(|_| !editions.list.is_empty()) else {
        return String::new();
    };
    let mut view = format!("shown={shown}");
    if let Some((from, to)) = editions.comparison {
        view += &format!("&from={from}&to={to}");
    }
    view + "&scaling=" + editions.scaling.id()
}

/// The actions that bring a replica's collection to the choices of `view` (from [`editions_view`]).
fn editions_view_actions(view: &str) -> Result<Vec<Action>, String> {
    if view.is_empty() {
        return Ok(Vec::new());
    }
    let mut shown = None;
    let (mut from, mut to) = (None, None);
    let mut scaling = None;
    for pair in view.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let year = || {
            value
                .parse::<i32>()
                .map_err(|_| format!("the editions' {key} is not a year: {value:?}"))
        };
        match key {
            "shown" => shown = Some(year()?),
            "from" => from = Some(year()?),
            "to" => to = Some(year()?),
            "scaling" => {
                scaling = Some(
                    Scaling::from_id(value)
                        .ok_or_else(|| format!("unknown scaling {value:?} in a snapshot"))?,
                )
            }
            other => return Err(format!("unknown editions field {other:?} in a snapshot")),
        }
    }
    let mut actions = Vec::with_capacity(3);
    if let Some(scaling) = scaling {
        actions.push(Action::SetScaling(scaling));
    }
    actions.push(Action::CompareEditions(from.zip(to)));
    if let Some(year) = shown {
        actions.push(Action::ShowEdition(year));
    }
    Ok(actions)
}

/// A data set to put in place: as a snapshot brings it to the panels module, or as the module's data
/// panel asks the page to (`messages::PanelRequest::Install`).
#[derive(Clone, Debug, PartialEq)]
pub enum NewData {
    /// The bundled data set in the indicator system in use, with its provenance.
    Bundled,
    /// An imported or saved data set, which has no provenance.
    Dataset(Rc<Dataset>),
    /// A collection of editions, oldest first.
    Editions(Vec<Edition>),
}

impl NewData {
    /// How it travels, its values in the columns of the indicator system it is in.
    pub fn message(&self) -> DataMessage {
        match self {
            NewData::Bundled => DataMessage::Bundled,
            NewData::Dataset(data) => DataMessage::Dataset(
                crate::json::to_string(&DataText::of(data)).unwrap_or_default(),
            ),
            NewData::Editions(list) => {
                let texts: Vec<EditionText> = list
                    .iter()
                    .map(|e| EditionText {
                        year: e.year,
                        data: DataText::of(&e.data),
                    })
                    .collect();
                DataMessage::Editions(crate::json::to_string(&texts).unwrap_or_default())
            }
        }
    }

    /// The action that puts it in place, in the indicator system `system`.
    pub fn into_action(self, system: &IndicatorSystem) -> Action {
        match self {
            NewData::Bundled => Action::ReplaceData {
                data: Rc::new(seeds::bundled_data_for(system).0),
                provenance: Rc::new(seeds::provenance()),
            },
            NewData::Dataset(data) => Action::ReplaceData {
                data,
                provenance: Rc::new(Provenance::default()),
            },
            NewData::Editions(list) => Action::SetEditions(list),
        }
    }
}

impl DataMessage {
    /// The data set this message carries, read in the columns of `system`; an error names what could
    /// not be read.
    pub fn read(self, system: &IndicatorSystem) -> Result<NewData, String> {
        Ok(match self {
            DataMessage::Bundled => NewData::Bundled,
            DataMessage::Dataset(json) => {
                let text: DataText = crate::json::from_str(&json)?;
                NewData::Dataset(Rc::new(text.read(system)?))
            }
            DataMessage::Editions(json) => {
                let texts: Vec<EditionText> = crate::json::from_str(&json)?;
                let mut list = Vec::with_capacity(texts.len());
                for text in texts {
                    let read = (text.data.read(system))
                        .map_err(|e| format!("the {} edition: {e}", text.year))?;
                    list.push(Edition::new(text.year, read, Provenance::default()));
                }
                NewData::Editions(list)
            }
        })
    }
}

/// The page's state as the panels need it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Scenario, selected county, language and the compared named scenarios as a share-link query.
    pub view: String,
    /// The scenario the page's ranking was computed under, as a share-link query, when the view's own
    /// scenario cannot be scored (all weights zero): the replica ranks under it first, so its charts
    /// show the ranking the page's table shows.
    pub ranked: Option<String>,
    pub data: Option<DataMessage>,
    /// The choices made on the collection of editions ([`editions_view`]); empty without one.
    pub editions: String,
    /// The indicator system as `seeds/indicators.json` JSON, sent with every data set (a new system
    /// always comes with a new data set, whose columns are its indicators).
    pub system: Option<String>,
}

impl Snapshot {
    /// The snapshot of `state`, carrying its data set when `with_data`.
    pub fn of(state: &State, with_data: bool) -> Self {
        let view = ShareState {
            scenario: state.scenario.clone(),
            county: state.selected.map(|u| state.data.units[u].adcode.clone()),
            lang: state.lang,
            dataset: DatasetRef::Bundled,
            embed: Embed::default(),
            editions: EditionChoices::default(),
        };
        // Imports replace the data with an empty provenance; the bundled data keeps its own.
        let data = with_data.then(|| {
            if !state.editions.list.is_empty() {
                NewData::Editions(state.editions.list.clone())
            } else if state.provenance.records().is_empty() {
                NewData::Dataset(state.data.clone())
            } else {
                NewData::Bundled
            }
            .message()
        });
        let ranked = (state.ranked_scenario != state.scenario)
            .then(|| scenario_query(&state.ranked_scenario, &state.system));
        let system = data
            .is_some()
            .then(|| crate::json::to_string(&*state.system).unwrap_or_default());
        Snapshot {
            view: share::with_compared(
                share::encode(&view, &state.system, &default_scenario(&state.system)),
                state.compared.as_deref().map(Vec::as_slice),
            ),
            ranked,
            data,
            editions: editions_view(&state.editions),
            system,
        }
    }

    /// The indicator system a replica whose system is `current` has after this snapshot; an error
    /// names what could not be read.
    pub fn system_after(
        &self,
        current: &Rc<IndicatorSystem>,
    ) -> Result<Rc<IndicatorSystem>, String> {
        match &self.system {
            None => Ok(current.clone()),
            Some(json) => {
                let system = IndicatorSystem::from_json(json)
                    .map_err(|e| format!("the indicator system: {e}"))?;
                Ok(if system == **current {
                    current.clone()
                } else {
                    Rc::new(system)
                })
            }
        }
    }

    /// The update that brings a replica whose data set is `data` to this snapshot, with the data set
    /// it then has; an error names what could not be read.
    pub fn into_action(
        self,
        system: &IndicatorSystem,
        data: &Rc<Dataset>,
    ) -> Result<(Action, Rc<Dataset>), String> {
        let mut actions = Vec::with_capacity(5);
        let mut data = data.clone();
        let old_system = system;
        let new_system = self.system_after(&Rc::new(system.clone()))?;
        let system = &*new_system;
        if system != old_system {
            // The replica's columns and weights follow first; the data set below then replaces them.
            actions.push(Action::ReplaceSystem(new_system.clone()));
        }
        if let Some(message) = self.data {
            let new = message.read(system)?;
            match &new {
                NewData::Bundled => {}
                NewData::Dataset(read) => data = read.clone(),
                NewData::Editions(list) => {
                    let shown = editions_shown(&self.editions);
                    if let Some(e) = list.iter().find(|e| Some(e.year) == shown).or(list.last()) {
                        data = e.data.clone();
                    }
                }
            }
            let action = new.into_action(system);
            if let Action::ReplaceData { data: bundled, .. } = &action {
                data = bundled.clone();
            }
            actions.push(action);
        }
        actions.extend(editions_view_actions(&self.editions)?);
        if let Some(ranked) = &self.ranked {
            let ranked = read_scenario_query(ranked, system)
                .map_err(|e| format!("the ranked scenario: {e}"))?;
            actions.push(Action::MirrorScenario(ranked));
        }
        let (view, _) = share::parse(&self.view, system, &default_scenario(system));
        let compared = share::compared_in(&self.view, system, &default_scenario(system));
        actions.push(Action::SetCompared(compared.map(Rc::new)));
        actions.push(Action::MirrorScenario(view.scenario));
        actions.push(Action::SetLang(view.lang));
        actions.push(Action::Select(
            view.county.and_then(|code| data.unit_index(&code)),
        ));
        Ok((Action::Batch(actions), data))
    }
}

/// The year shown in an editions view.
fn editions_shown(view: &str) -> Option<i32> {
    view.split('&')
        .find_map(|p| p.strip_prefix("shown="))
        .and_then(|y| y.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::seeds;
    use crate::model::{Lang, Treatment, Weighting};
    use crate::state::messages::{PageMessage, PanelRequest};
    use crate::state::{reduce, Field};

    fn replay(replica: &State, snapshot: Snapshot) -> State {
        // Through the texts the modules exchange.
        let PageMessage::Snapshot(snapshot) =
            PageMessage::decode(PageMessage::Snapshot(snapshot).encode()).unwrap();
        let (action, _) = snapshot
            .into_action(&replica.system, &replica.data)
            .unwrap();
        reduce(replica, action)
    }

    fn assert_same_view(page: &State, replica: &State) {
        assert_eq!(replica.scenario, page.scenario);
        assert_eq!(replica.lang, page.lang);
        assert_eq!(replica.selected, page.selected);
        // Datasets hold NaN for missing values, so they are compared by content.
        assert_eq!(replica.data.content_hash(), page.data.content_hash());
        assert_eq!(replica.data.units, page.data.units);
        assert_eq!(replica.data.meta, page.data.meta);
        // Rankings may hold NaN (a missing dimension); their printed forms compare every figure.
        assert_eq!(
            format!("{:?}", replica.ranking),
            format!("{:?}", page.ranking)
        );
        assert_eq!(
            format!("{:?}", replica.baseline),
            format!("{:?}", page.baseline)
        );
        assert_eq!(*replica.unit_estimates, *page.unit_estimates);
    }

    #[test]
    fn a_replica_follows_the_page_change_by_change() {
        let mut page = State::from_bundle(seeds::bundle());
        let mut replica = replay(
            &State::from_bundle(seeds::bundle()),
            Snapshot::of(&page, true),
        );
        let mut odd = page.scenario.clone();
        odd.dimension_weights = vec![100.0 / 3.0, 0.1 + 0.2, 17.0, 0.0, 1e-9];
        odd.treatments[2] = Treatment::Winsorise {
            lower: 2.5,
            upper: 97.5,
        };
        odd.treatments[5] = Treatment::Log;
        for action in [
            Action::SetWeight(Field::Dimension(1), 70.0),
            Action::Select(Some(4)),
            Action::SetLang(Lang::En),
            Action::SetScenario(odd),
            Action::Select(None),
        ] {
            page = reduce(&page, action);
            replica = replay(&replica, Snapshot::of(&page, false));
            assert_same_view(&page, &replica);
        }
    }

    #[test]
    fn a_fresh_replica_shows_the_last_valid_ranking_when_every_weight_is_zero() {
        let mut page = State::from_bundle(seeds::bundle());
        page = reduce(&page, Action::SetWeight(Field::Dimension(0), 100.0));
        page = reduce(&page, Action::SetWeight(Field::Dimension(2), 5.0));
        let last = page.system.n_dimensions() - 1;
        for d in 0..last {
            page = reduce(&page, Action::SetWeight(Field::Dimension(d), 0.0));
        }
        let last_valid = page.ranking.clone();
        page = reduce(&page, Action::SetWeight(Field::Dimension(last), 0.0));
        assert!(page.problem.is_some(), "all-zero weights cannot be scored");
        assert_eq!(format!("{:?}", page.ranking), format!("{last_valid:?}"));
        // A replica opened only now (the panels module loads late) has never seen the valid scenario.
        let replica = replay(
            &State::from_bundle(seeds::bundle()),
            Snapshot::of(&page, true),
        );
        assert_same_view(&page, &replica);
        assert!(replica.problem.is_some());
    }

    #[test]
    fn an_imported_data_set_reaches_the_replica_exactly() {
        let mut page = State::from_bundle(seeds::bundle());
        // The first 40 counties, each value divided by 3 (so decimals do not terminate).
        let full = page.data.clone();
        let mut data = Dataset::new(
            full.meta.clone(),
            full.units[..40].to_vec(),
            full.n_indicators(),
        );
        for u in 0..40 {
            for i in 0..full.n_indicators() {
                data.set(u, i, full.get(u, i).map(|v| v / 3.0));
            }
        }
        data.set(3, 2, None);
        page = reduce(
            &page,
            Action::ReplaceData {
                data: Rc::new(data),
                provenance: Rc::new(Provenance::default()),
            },
        );
        let mut entropy = page.scenario.clone();
        entropy.weighting = Weighting::Entropy;
        page = reduce(&page, Action::SetScenario(entropy));
        page = reduce(&page, Action::Select(Some(39)));
        let snapshot = Snapshot::of(&page, true);
        assert!(matches!(snapshot.data, Some(DataMessage::Dataset(_))));
        let replica = replay(&State::from_bundle(seeds::bundle()), snapshot);
        assert_same_view(&page, &replica);

        // Back to the bundled data.
        let b = seeds::bundle();
        page = reduce(
            &page,
            Action::ReplaceData {
                data: Rc::new(b.data),
                provenance: Rc::new(b.provenance),
            },
        );
        let snapshot = Snapshot::of(&page, true);
        assert_eq!(snapshot.data, Some(DataMessage::Bundled));
        assert_same_view(&page, &replay(&replica, snapshot));
    }

    /// Numbers whose JSON text is hard to read back exactly, -0 (which JSON writes as 0) and missing ones.
    fn awkward(full: &Dataset) -> Dataset {
        let mut data = full.clone();
        let odd = [
            -0.0,
            0.1 + 0.2,
            1.0 / 3.0,
            5e-324,
            2.225_073_858_507_201e-308,
            f64::MAX,
            9_007_199_254_740_993.0,
            1e23,
        ];
        for (k, v) in odd.into_iter().enumerate() {
            data.set(k, k % data.n_indicators(), Some(v));
        }
        data.set(10, 1, None);
        data.meta.name = "含\"引号\"的, 名字".to_string();
        data
    }

    #[test]
    fn a_data_set_travels_with_every_value_and_its_content_hash() {
        let system = seeds::indicator_system();
        let data = awkward(&seeds::bundle().data);
        let DataMessage::Dataset(json) = NewData::Dataset(Rc::new(data.clone())).message() else {
            panic!("an import travels as a data set");
        };
        let NewData::Dataset(read) = DataMessage::Dataset(json).read(&system).unwrap() else {
            panic!("a data set comes back");
        };
        assert_eq!(read.content_hash(), data.content_hash());
        assert_eq!(read.meta, data.meta);
        assert_eq!(read.units, data.units);
        for u in 0..data.n_units() {
            for i in 0..data.n_indicators() {
                let bits = |d: &Dataset| d.get(u, i).map(f64::to_bits);
                assert_eq!(bits(&read), bits(&data), "unit {u}, indicator {i}");
            }
        }
        assert_eq!(read.get(0, 0).map(f64::is_sign_negative), Some(true));
        assert_eq!(read.get(10, 1), None);

        // A collection of editions, as a panel's install request brings it to the page.
        let mut later = data.clone();
        later.meta.year = Some(2025);
        later.set(0, 0, Some(0.0));
        let list = vec![
            Edition::new(2024, data.clone(), Provenance::default()),
            Edition::new(2025, later.clone(), Provenance::default()),
        ];
        let request = PanelRequest::Install {
            system: None,
            data: NewData::Editions(list),
        };
        let [kind, value] = request.encode(&system);
        let PanelRequest::Install {
            data: NewData::Editions(back),
            ..
        } = PanelRequest::decode(&kind, &value, &system).unwrap()
        else {
            panic!("an install request with editions comes back");
        };
        let hashes = |list: &[&Dataset]| list.iter().map(|d| d.content_hash()).collect::<Vec<_>>();
        assert_eq!(
            hashes(&back.iter().map(|e| &*e.data).collect::<Vec<_>>()),
            hashes(&[&data, &later])
        );
        assert_eq!(
            back.iter().map(|e| e.year).collect::<Vec<_>>(),
            [2024, 2025]
        );

        // The data sets a saved entry holds, as the panels module hands them to the page.
        let json = datasets_json([&data, &later]);
        let read = read_datasets_json(&json, &system).unwrap();
        assert_eq!(
            hashes(&read.iter().collect::<Vec<_>>()),
            hashes(&[&data, &later])
        );
    }

    #[test]
    fn a_data_set_that_does_not_fit_the_indicator_system_is_refused() {
        let system = seeds::indicator_system();
        let data = seeds::bundle().data;
        let short = Dataset::new(data.meta.clone(), data.units.clone(), 3);
        let message = NewData::Dataset(Rc::new(short)).message();
        assert!(message.read(&system).is_err());
        // Values cut short in transit.
        let mut json: serde_json::Value = serde_json::from_str(&datasets_json([&data])).unwrap();
        let values = json[0]["data"]["values"].as_array_mut().unwrap();
        assert_eq!(values.len(), data.n_units() * data.n_indicators());
        values.pop();
        assert!(read_datasets_json(&json.to_string(), &system).is_err());
    }
}
