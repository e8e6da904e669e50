//! The page's editions, tested natively through the reducer: a file with two years becomes two
//! editions (the latest shown, the two latest compared), a one-year file can be added as another year
//! (a year already held is refused in the user's language), and the year-over-year change follows the
//! scenario and the scaling. Ranks are checked against each edition scored on its own.

use fjindex::data::import::{import_bundled, ImportOptions};
use fjindex::data::provenance::Provenance;
use fjindex::data::seeds;
use fjindex::model::{Dataset, Lang, Scaling};
use fjindex::score::score;
use fjindex::state::editions::Edition;
use fjindex::state::{reduce, Action, Field, Problem, State};
use std::rc::Rc;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/www/samples/sample-editions-synthetic.csv"
);

fn sample_editions() -> Vec<Dataset> {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let report = import_bundled(&bytes, &ImportOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.editions.len(), 2);
    report.editions
}

fn with_sample() -> State {
    let page = State::from_bundle(seeds::bundle());
    reduce(
        &page,
        Action::SetEditions(Edition::of_import(sample_editions())),
    )
}

/// The rank of `adcode` when `data` is scored on its own under the page's current scenario.
fn own_rank(page: &State, data: &Dataset, adcode: &str) -> u32 {
    let ranking = score(&page.system, data, &page.scenario).unwrap();
    ranking.rank[data.unit_index(adcode).unwrap()]
}

#[test]
fn the_bundled_page_has_no_editions() {
    let page = State::from_bundle(seeds::bundle());
    assert!(page.editions.list.is_empty());
    assert!(!page.editions.several());
    assert!(page.year_change.is_none());
}

#[test]
fn a_two_year_file_shows_its_latest_edition_and_compares_the_two() {
    let editions = sample_editions();
    let page = with_sample();
    assert_eq!(page.editions.years(), vec![2023, 2024]);
    assert_eq!(page.editions.shown, Some(2024));
    assert_eq!(page.editions.comparison, Some((2023, 2024)));
    assert_eq!(page.editions.scaling, Scaling::Pooled);
    assert_eq!(page.data.content_hash(), editions[1].content_hash());
    assert_eq!(page.data.meta.year, Some(2024));
    let change = page
        .year_change
        .as_ref()
        .expect("two editions are compared");
    assert!(!change.rows.is_empty());
    // The ranking shown is the 2024 edition's own.
    for row in &change.rows {
        assert_eq!(row.rank_change, row.rank_from as i32 - row.rank_to as i32);
    }
}

#[test]
fn scaled_each_the_rank_change_is_the_difference_of_each_years_own_ranks() {
    let editions = sample_editions();
    let page = reduce(&with_sample(), Action::SetScaling(Scaling::Each));
    let page = reduce(&page, Action::SetWeight(Field::Dimension(0), 80.0));
    let change = page.year_change.as_ref().unwrap();
    assert!(change.rows.len() > 70);
    for row in &change.rows {
        let from = own_rank(&page, &editions[0], &row.adcode);
        let to = own_rank(&page, &editions[1], &row.adcode);
        assert_eq!((row.rank_from, row.rank_to), (from, to), "{}", row.adcode);
        assert_eq!(row.rank_change, from as i32 - to as i32);
        // The page's own ranking of the shown edition is the same.
        let u = page.data.unit_index(&row.adcode).unwrap();
        assert_eq!(page.ranking.rank[u], to);
    }
}

#[test]
fn the_change_follows_the_weights_and_the_scaling() {
    let page = with_sample();
    let pooled = page.year_change.clone().unwrap();
    let moved = reduce(&page, Action::SetWeight(Field::Dimension(2), 100.0));
    assert_ne!(moved.year_change.as_deref(), Some(&*pooled));
    let each = reduce(&page, Action::SetScaling(Scaling::Each));
    assert_eq!(each.editions.scaling, Scaling::Each);
    assert!(each.year_change.as_ref().unwrap().contributions.is_err());
    assert!(pooled.contributions.is_ok());
    let none = reduce(&page, Action::CompareEditions(None));
    assert!(none.year_change.is_none());
    // A year the page does not hold, or a year against itself, changes nothing.
    for pair in [(2020, 2024), (2024, 2024)] {
        let same = reduce(&page, Action::CompareEditions(Some(pair)));
        assert_eq!(same.editions.comparison, Some((2023, 2024)));
    }
    let reversed = reduce(&page, Action::CompareEditions(Some((2024, 2023))));
    let back = reversed.year_change.as_ref().unwrap();
    let row = &back.rows[0];
    let forward = pooled.rows.iter().find(|r| r.adcode == row.adcode).unwrap();
    assert_eq!(row.rank_change, -forward.rank_change);
}

#[test]
fn showing_another_year_keeps_the_county_and_the_comparison() {
    let editions = sample_editions();
    let page = with_sample();
    let adcode = editions[0].units[10].adcode.clone();
    let page = reduce(
        &page,
        Action::Select(Some(page.data.unit_index(&adcode).unwrap())),
    );
    let page = reduce(&page, Action::ShowEdition(2023));
    assert_eq!(page.editions.shown, Some(2023));
    assert_eq!(page.data.content_hash(), editions[0].content_hash());
    assert_eq!(
        page.selected.map(|u| page.data.units[u].adcode.clone()),
        Some(adcode)
    );
    assert_eq!(page.editions.comparison, Some((2023, 2024)));
    assert_eq!(page.editions.list.len(), 2);
    // An unknown year changes nothing.
    let same = reduce(&page, Action::ShowEdition(1999));
    assert_eq!(same.editions.shown, Some(2023));
}

#[test]
fn a_one_year_file_is_added_as_another_edition_or_refused_when_its_year_is_held() {
    let editions = sample_editions();
    let page = State::from_bundle(seeds::bundle());
    // A one-edition import replaces the data; it has its year.
    let page = reduce(
        &page,
        Action::ReplaceData {
            data: Rc::new(editions[0].clone()),
            provenance: Rc::new(Provenance::default()),
        },
    );
    assert!(page.editions.list.is_empty());
    let later = Rc::new(editions[1].clone());
    let refused = reduce(
        &page,
        Action::AddEdition {
            data: later.clone(),
            year: "2023".into(),
        },
    );
    assert!(refused.editions.list.is_empty());
    assert_eq!(refused.data.content_hash(), editions[0].content_hash());
    let problem = refused.problem.clone().expect("the year is taken");
    assert!(matches!(problem, Problem::Edition(_)));
    let zh = problem.message(Lang::Zh, &page.system);
    let en = problem.message(Lang::En, &page.system);
    assert!(zh.contains("2023") && zh.contains("已有"), "{zh}");
    assert!(en.contains("2023") && en.contains("already"), "{en}");
    let bad = reduce(
        &page,
        Action::AddEdition {
            data: later.clone(),
            year: "二〇二四".into(),
        },
    );
    assert!(bad.problem.is_some() && bad.editions.list.is_empty());

    let added = reduce(
        &page,
        Action::AddEdition {
            data: later.clone(),
            year: " 2024 ".into(),
        },
    );
    assert!(added.problem.is_none());
    assert_eq!(added.editions.years(), vec![2023, 2024]);
    assert_eq!(added.editions.shown, Some(2024));
    assert_eq!(added.data.content_hash(), editions[1].content_hash());
    assert!(added.year_change.is_some());

    // A third year keeps the other two; the comparison moves to the two latest.
    let mut third = editions[1].clone();
    third.meta.year = None;
    let three = reduce(
        &added,
        Action::AddEdition {
            data: Rc::new(third),
            year: "2025".into(),
        },
    );
    assert_eq!(three.editions.years(), vec![2023, 2024, 2025]);
    assert_eq!(three.editions.comparison, Some((2024, 2025)));
    assert_eq!(three.data.meta.year, Some(2025));
    let again = reduce(
        &three,
        Action::AddEdition {
            data: later,
            year: "2024".into(),
        },
    );
    assert_eq!(again.editions.years(), vec![2023, 2024, 2025]);
    assert!(matches!(again.problem, Some(Problem::Edition(_))));

    // Replacing the data ends the collection.
    let b = seeds::bundle();
    let replaced = reduce(
        &three,
        Action::ReplaceData {
            data: Rc::new(b.data),
            provenance: Rc::new(b.provenance),
        },
    );
    assert!(replaced.editions.list.is_empty() && replaced.year_change.is_none());
}

#[test]
fn a_saved_collection_reads_back_every_edition_and_old_entries_still_read() {
    use fjindex::data::saved::{
        collection_entry, collection_text, entry_of_text, entry_text, read_editions, read_entry,
        LoadError, SavedEntry,
    };
    let system = seeds::indicator_system();
    let editions = sample_editions();
    let entry = collection_entry(&editions).unwrap();
    assert_eq!(entry.years, vec![2023, 2024]);
    let text = collection_text(&editions, &system);
    let back = read_editions(&text, &entry, &system).unwrap();
    assert_eq!(back.len(), 2);
    for (a, b) in back.iter().zip(&editions) {
        assert_eq!(a.content_hash(), b.content_hash());
        assert_eq!(a.meta.year, b.meta.year);
    }
    // The index can be rebuilt from the entry, years included; the latest edition is its data set.
    assert_eq!(entry_of_text(&text).unwrap().years, vec![2023, 2024]);
    let latest = read_entry(&text, &entry, &system).unwrap();
    assert_eq!(latest.content_hash(), editions[1].content_hash());
    // An edition's values edited by hand are found out.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let csv = json["editions"][0]["csv"].as_str().unwrap().to_string();
    let cut = csv.trim_end().rfind(',').unwrap();
    json["editions"][0]["csv"] = format!("{}9{}", &csv[..=cut], &csv[cut + 1..]).into();
    let tampered = json.to_string();
    assert!(matches!(
        read_editions(&tampered, &entry, &system),
        Err(LoadError::HashMismatch { .. } | LoadError::Unreadable)
    ));
    // A one-edition entry as earlier builds wrote it reads as one edition.
    let one = &editions[0];
    let plain = SavedEntry {
        meta: one.meta.clone(),
        hash: one.content_hash(),
        units: one.n_units(),
        years: Vec::new(),
    };
    let read = read_editions(&entry_text(one, &system), &plain, &system).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].content_hash(), one.content_hash());
    assert!(entry_text(one, &system).contains("\"version\":1"));
    assert!(!fjindex::json::to_string(&plain).unwrap().contains("years"));
}

#[test]
fn the_panels_replica_follows_the_editions() {
    use fjindex::state::messages::PageMessage;
    use fjindex::state::snapshot::Snapshot;
    let replay = |replica: &State, snapshot: Snapshot| {
        let PageMessage::Snapshot(snapshot) =
            PageMessage::decode(PageMessage::Snapshot(snapshot).encode()).unwrap();
        let (action, data) = snapshot
            .into_action(&replica.system, &replica.data)
            .unwrap();
        let next = reduce(replica, action);
        assert_eq!(data.content_hash(), next.data.content_hash());
        next
    };
    let same = |page: &State, replica: &State| {
        assert_eq!(replica.editions.years(), page.editions.years());
        assert_eq!(replica.editions.shown, page.editions.shown);
        assert_eq!(replica.editions.comparison, page.editions.comparison);
        assert_eq!(replica.editions.scaling, page.editions.scaling);
        assert_eq!(replica.data.content_hash(), page.data.content_hash());
        assert_eq!(replica.selected, page.selected);
        assert_eq!(
            format!("{:?}", replica.year_change),
            format!("{:?}", page.year_change)
        );
    };
    let mut page = with_sample();
    let mut replica = replay(
        &State::from_bundle(seeds::bundle()),
        Snapshot::of(&page, true),
    );
    same(&page, &replica);
    for action in [
        Action::Select(Some(7)),
        Action::SetScaling(Scaling::Each),
        Action::ShowEdition(2023),
        Action::CompareEditions(Some((2024, 2023))),
        Action::SetWeight(Field::Dimension(1), 10.0),
        Action::SetScaling(Scaling::Pooled),
        Action::ShowEdition(2024),
    ] {
        let before = page.data.clone();
        page = reduce(&page, action);
        let with_data = !Rc::ptr_eq(&before, &page.data);
        replica = replay(&replica, Snapshot::of(&page, with_data));
        same(&page, &replica);
    }
    // Back to one data set: the replica's collection ends too.
    let b = seeds::bundle();
    page = reduce(
        &page,
        Action::ReplaceData {
            data: Rc::new(b.data),
            provenance: Rc::new(b.provenance),
        },
    );
    replica = replay(&replica, Snapshot::of(&page, true));
    same(&page, &replica);
}

/// The page holding three editions: the bundled data as 2022 and the synthetic sample's 2023 and 2024.
fn three_editions() -> Vec<Dataset> {
    let mut older = State::from_bundle(seeds::bundle()).data.as_ref().clone();
    older.meta.year = Some(2022);
    let mut list = vec![older];
    list.extend(sample_editions());
    list
}

/// The page restored from `query` opened fresh, the link's data set being `saved`.
fn opened(query: &str, saved: Vec<Dataset>) -> State {
    use fjindex::state::address::restore_link_editions;
    let fresh = State::from_bundle(seeds::bundle());
    let action = restore_link_editions(&fresh, query, |hash| {
        assert_eq!(hash, LINKED_HASH);
        Ok(saved)
    });
    reduce(&fresh, action)
}

const LINKED_HASH: &str = "00112233445566aa";

/// The share query of `page`, naming its collection by [`LINKED_HASH`].
fn link_of(page: &State) -> String {
    use fjindex::share::{DatasetRef, Embed};
    use fjindex::state::address::view_query;
    let dataset = DatasetRef::Imported {
        name: "editions".into(),
        hash: LINKED_HASH.into(),
    };
    view_query(page, dataset, &Embed::default())
}

fn params(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[test]
fn a_link_reopens_the_year_shown_the_years_compared_and_the_scaling() {
    let list = three_editions();
    let page = reduce(
        &State::from_bundle(seeds::bundle()),
        Action::SetEditions(Edition::of_import(list.clone())),
    );
    assert_eq!(page.editions.shown, Some(2024));
    let page = reduce(&page, Action::ShowEdition(2023));
    let page = reduce(&page, Action::CompareEditions(Some((2022, 2023))));
    let page = reduce(&page, Action::SetScaling(Scaling::Each));
    let county = list[1].units[7].adcode.clone();
    let page = reduce(&page, Action::Select(page.data.unit_index(&county)));
    let query = link_of(&page);
    let found = params(&query);
    for (k, v) in [("yr", "2023"), ("vs", "2022-2023"), ("scale", "each")] {
        assert!(found.contains(&(k.into(), v.into())), "{query}");
    }
    let back = opened(&query, list.clone());
    assert!(back.link_notices.is_empty(), "{:?}", back.link_notices);
    assert_eq!(back.editions.years(), vec![2022, 2023, 2024]);
    assert_eq!(back.editions.shown, Some(2023));
    assert_eq!(back.editions.comparison, Some((2022, 2023)));
    assert_eq!(back.editions.scaling, Scaling::Each);
    assert_eq!(back.data.content_hash(), list[1].content_hash());
    let selected = back.selected.map(|u| back.data.units[u].adcode.clone());
    assert_eq!(selected, Some(county));
    // The restored column is each year's own ranks, scored here on their own.
    let change = back.year_change.as_ref().unwrap();
    assert!(change.rows.len() > 70);
    for row in &change.rows {
        assert_eq!(row.rank_from, own_rank(&back, &list[0], &row.adcode));
        assert_eq!(row.rank_to, own_rank(&back, &list[1], &row.adcode));
    }
    assert_eq!(link_of(&back), query);
}

#[test]
fn the_page_s_own_choices_leave_the_link_short_and_no_comparison_is_written() {
    let page = with_sample();
    let plain = link_of(&page);
    assert_eq!(plain, format!("ds={LINKED_HASH}&dn=editions"));
    let page = reduce(&page, Action::CompareEditions(None));
    let query = link_of(&page);
    assert_eq!(query, format!("{plain}&vs=none"));
    let back = opened(&query, sample_editions());
    assert!(back.link_notices.is_empty(), "{:?}", back.link_notices);
    assert_eq!(back.editions.comparison, None);
    assert!(back.year_change.is_none());
    // Showing the earlier year and comparing the two: only the year is written.
    let page = reduce(&with_sample(), Action::ShowEdition(2023));
    assert_eq!(link_of(&page), format!("{plain}&yr=2023"));
}

#[test]
fn years_the_data_lacks_are_ignored_with_notices() {
    use fjindex::share::{Notice, NoticeKind};
    let query = format!("ds={LINKED_HASH}&dn=x&yr=2019&vs=2019-2024&scale=each");
    let back = opened(&query, sample_editions());
    assert_eq!(
        *back.link_notices,
        vec![
            Notice::new("vs", NoticeKind::MissingYear("2019-2024".into())),
            Notice::new("yr", NoticeKind::MissingYear("2019".into())),
        ]
    );
    assert_eq!(back.editions.shown, Some(2024));
    assert_eq!(back.editions.comparison, Some((2023, 2024)));
    assert_eq!(back.editions.scaling, Scaling::Each);
    // On a page without editions, a year or a comparison is ignored with a notice too.
    let fresh = State::from_bundle(seeds::bundle());
    let action = fjindex::state::address::restore_link(&fresh, "yr=2024&vs=none", |hash| {
        panic!("the link names no data set, yet {hash} was loaded")
    });
    let back = reduce(&fresh, action);
    assert_eq!(
        *back.link_notices,
        vec![
            Notice::new("vs", NoticeKind::MissingYear("none".into())),
            Notice::new("yr", NoticeKind::MissingYear("2024".into())),
        ]
    );
    assert!(back.editions.list.is_empty());
}

#[test]
fn a_saved_collection_s_hash_is_one_a_link_names() {
    use fjindex::data::saved::collection_entry;
    use fjindex::share::{parse, DatasetRef};
    let page = State::from_bundle(seeds::bundle());
    let defaults = fjindex::state::default_scenario(&page.system);
    for list in [sample_editions(), three_editions()] {
        let hash = collection_entry(&list).unwrap().hash;
        assert_eq!(hash.len(), 16, "{hash}");
        let (view, notices) = parse(&format!("ds={hash}&dn=c"), &page.system, &defaults);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            view.dataset,
            DatasetRef::Imported {
                name: "c".into(),
                hash
            }
        );
    }
}
