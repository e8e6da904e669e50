//! The format of data sets saved in the browser (`fjindex::data::saved`): entries carry a format
//! version and their content hash, checked on load; damaged entries and unreadable indexes are
//! reported, never used or silently replaced.

use fjindex::data::export::exact_csv;
use fjindex::data::saved::{
    entry_of_text, entry_text, index_text, parse_index, read_entry, with_entry, Index, LoadError,
    SavedEntry, VERSION,
};
use fjindex::data::seeds::{bundle, indicator_system};
use fjindex::model::{Dataset, DatasetMeta, Lang};

fn imported() -> Dataset {
    let mut data = bundle().data;
    data.meta = DatasetMeta {
        name: "2024 official".into(),
        year: Some(2024),
        source: "import".into(),
        ..DatasetMeta::default()
    };
    data.set(3, 0, Some(123.456789));
    data
}

fn listed(data: &Dataset) -> SavedEntry {
    SavedEntry {
        meta: data.meta.clone(),
        hash: data.content_hash(),
        units: data.n_units(),
        years: Vec::new(),
    }
}

#[test]
fn a_saved_entry_reads_back_exactly_and_names_its_version_and_hash() {
    let system = indicator_system();
    let data = imported();
    let text = entry_text(&data, &system);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "fjindex-dataset");
    assert_eq!(json["version"], VERSION);
    assert_eq!(json["hash"], data.content_hash().as_str());
    let back = read_entry(&text, &listed(&data), &system).unwrap();
    assert_eq!(back.content_hash(), data.content_hash());
    assert_eq!(back.meta, data.meta);
    assert_eq!(entry_of_text(&text), Some(listed(&data)));
}

#[test]
fn damaged_entries_are_reported_not_used() {
    let system = indicator_system();
    let data = imported();
    let entry = listed(&data);
    let text = entry_text(&data, &system);
    // Cut short, or not an entry at all.
    let half = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
    for bad in [&text[..half], "garbage", "{\"format\":\"other\"}", ""] {
        assert_eq!(
            read_entry(bad, &entry, &system).unwrap_err(),
            LoadError::Unreadable,
            "{bad:.40}"
        );
    }
    // A value changed inside the entry: it still reads, but no longer matches its hash.
    let changed = text.replacen("123.456789", "999", 1);
    assert_ne!(changed, text);
    assert!(matches!(
        read_entry(&changed, &entry, &system),
        Err(LoadError::HashMismatch { .. })
    ));
    // An entry listed under another hash.
    let mut other = entry.clone();
    other.hash = "0123456789abcdef".into();
    assert!(matches!(
        read_entry(&text, &other, &system),
        Err(LoadError::HashMismatch { .. })
    ));
    // Written by a newer version.
    let newer = text.replacen(&format!("\"version\":{VERSION}"), "\"version\":99", 1);
    assert_eq!(
        read_entry(&newer, &entry, &system).unwrap_err(),
        LoadError::NewerVersion(99)
    );
    for e in [
        LoadError::Unreadable,
        LoadError::NewerVersion(99),
        LoadError::Missing,
    ] {
        assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
    }
}

#[test]
fn entries_of_earlier_builds_still_read_and_are_checked_against_the_index() {
    let system = indicator_system();
    let data = imported();
    let bare = exact_csv(&data, &system);
    assert_eq!(
        read_entry(&bare, &listed(&data), &system)
            .unwrap()
            .content_hash(),
        data.content_hash()
    );
    let changed = bare.replacen("123.456789", "1", 1);
    assert!(matches!(
        read_entry(&changed, &listed(&data), &system),
        Err(LoadError::HashMismatch { .. })
    ));
}

#[test]
fn an_unreadable_index_is_kept_as_it_is() {
    let data = imported();
    assert_eq!(parse_index(None), Index::Empty);
    let entries = vec![listed(&data)];
    assert_eq!(
        parse_index(Some(&index_text(&entries))),
        Index::Entries(entries.clone())
    );
    assert_eq!(
        parse_index(Some("[{\"meta\":")),
        Index::Unreadable("[{\"meta\":".into())
    );
    // Saving again puts the entry first, once.
    let mut second = listed(&bundle().data);
    second.hash = "00000000000000aa".into();
    let list = with_entry(with_entry(entries, second.clone()), listed(&data));
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].hash, data.content_hash());
    assert_eq!(list[1], second);
}
