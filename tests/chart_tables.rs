//! Text alternatives built on demand: a `LazyTable` builds its rows only when first read, and the
//! captions the page shows before that are the ones the built tables carry.

use fjindex::chart::rank_shift::{self, RankShiftInput};
use fjindex::chart::tile_map::{self, ColourBy, TileMapInput};
use fjindex::chart::{LazyTable, TextTable};
use fjindex::data::seeds;
use fjindex::model::{Lang, Scenario};
use fjindex::score::score;
use std::cell::Cell;
use std::rc::Rc;

#[test]
fn lazy_table_builds_once_and_only_when_read() {
    let builds = Rc::new(Cell::new(0));
    let counter = builds.clone();
    let table = LazyTable::new("caption".to_string(), move || {
        counter.set(counter.get() + 1);
        let mut t = TextTable::new("caption".to_string(), vec!["a".to_string()]);
        t.push(Some(3), vec!["x".to_string()]);
        t
    });
    assert_eq!(table.caption(), "caption");
    assert!(!table.is_built());
    assert_eq!(
        builds.get(),
        0,
        "reading the caption must not build the rows"
    );
    assert_eq!(table.get().rows, vec![vec!["x".to_string()]]);
    assert_eq!(table.get().row_units, vec![Some(3)]);
    assert!(table.is_built());
    assert_eq!(builds.get(), 1, "a second read uses the built table");

    let ready = LazyTable::ready(TextTable::new("ready".to_string(), vec![]));
    assert!(ready.is_built());
    assert_eq!(ready.caption(), "ready");
}

#[test]
fn deferred_captions_match_the_tables_they_stand_for() {
    let b = seeds::bundle();
    let baseline = score(&b.system, &b.data, &Scenario::default_for(&b.system)).unwrap();
    let mut tilted = Scenario::default_for(&b.system);
    tilted.dimension_weights = vec![0.0, 1.0, 0.0, 0.0, 2.0];
    let current = score(&b.system, &b.data, &tilted).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for threshold in [1, 3, 10] {
            let input = RankShiftInput {
                data: &b.data,
                current: &current,
                baseline: &baseline,
                threshold,
                limit: None,
                selected: None,
            };
            let table = rank_shift::table(&input, lang);
            assert_eq!(rank_shift::caption(lang, threshold), table.caption);
            assert_eq!(table.rows.len(), b.data.n_units());
        }
        for colour_by in [ColourBy::Score, ColourBy::Rank, ColourBy::Dimension(3)] {
            let input = TileMapInput {
                system: &b.system,
                data: &b.data,
                ranking: &current,
                colour_by,
                selected: Some(4),
            };
            let table = tile_map::table(&input, lang);
            assert_eq!(tile_map::caption(&input, lang), table.caption);
            assert_eq!(table.rows.len(), b.data.n_units());
        }
    }
    // The captions differ where the charts do, so a stale caption would show.
    let score_map = TileMapInput {
        system: &b.system,
        data: &b.data,
        ranking: &current,
        colour_by: ColourBy::Score,
        selected: None,
    };
    let rank_map = TileMapInput {
        colour_by: ColourBy::Rank,
        ..score_map
    };
    assert_ne!(
        tile_map::caption(&score_map, Lang::En),
        tile_map::caption(&rank_map, Lang::En)
    );
}
