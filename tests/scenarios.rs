//! Named scenarios (`fjindex::scenarios`): the saved format and its checks, the list operations, and
//! the comparison of two to four scenarios against ranks worked out by hand and by separate scorings.

use fjindex::chart::slope;
use fjindex::data::seeds;
use fjindex::model::{Dataset, DatasetMeta, IndicatorSystem, Lang, Normalisation, Scenario};
use fjindex::model::{Treatment, Weighting};
use fjindex::scenarios::{self, NameError, ReadError, SavedScenario};
use fjindex::score::score;

fn system() -> IndicatorSystem {
    seeds::indicator_system()
}

fn defaults() -> Scenario {
    Scenario::default_for(&system())
}

fn entry(name: &str, query: &str, version: u32) -> SavedScenario {
    SavedScenario {
        name: name.into(),
        query: query.into(),
        version,
    }
}

#[test]
fn names_are_trimmed_non_empty_short_and_unique() {
    assert_eq!(
        scenarios::clean_name("  增长优先 "),
        Ok("增长优先".to_string())
    );
    assert_eq!(scenarios::clean_name("   "), Err(NameError::Empty));
    assert_eq!(
        scenarios::clean_name(&"甲".repeat(40)).map(|n| n.chars().count()),
        Ok(40)
    );
    assert_eq!(
        scenarios::clean_name(&"甲".repeat(41)),
        Err(NameError::TooLong)
    );
    assert_eq!(
        scenarios::clean_name("a\nb"),
        Err(NameError::ControlCharacter)
    );
    let list = scenarios::save(&[], " A ", "w=2,1,1,1,1").unwrap();
    assert_eq!(list, vec![entry("A", "w=2,1,1,1,1", 1)]);
    assert_eq!(
        scenarios::save(&list, "A", ""),
        Err(NameError::Taken("A".into()))
    );
    let mut full = Vec::new();
    for k in 0..scenarios::MAX_SAVED {
        full = scenarios::save(&full, &format!("s{k}"), "").unwrap();
    }
    assert_eq!(
        scenarios::save(&full, "one more", ""),
        Err(NameError::ListFull)
    );
}

#[test]
fn rename_delete_and_undo_keep_the_order() {
    let mut list = Vec::new();
    for (name, q) in [("A", "w=2,1,1,1,1"), ("B", "norm=zscore"), ("C", "")] {
        list = scenarios::save(&list, name, q).unwrap();
    }
    let renamed = scenarios::rename(&list, "B", " B2 ").unwrap();
    let names: Vec<&str> = renamed.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["A", "B2", "C"]);
    assert_eq!(renamed[1].query, "norm=zscore");
    // Renaming to its own name is allowed; to another's is not.
    assert!(scenarios::rename(&list, "B", "B").is_ok());
    assert_eq!(
        scenarios::rename(&list, "B", "C"),
        Err(NameError::Taken("C".into()))
    );
    assert_eq!(
        scenarios::rename(&list, "Z", "Y"),
        Err(NameError::Unknown("Z".into()))
    );
    let (after, deleted) = scenarios::delete(&list, "B").unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(deleted.index, 1);
    assert_eq!(scenarios::undo_delete(&after, &deleted).unwrap(), list);
    // An undo after the name was taken again does not make two of it.
    let retaken = scenarios::save(&after, "B", "").unwrap();
    assert!(scenarios::undo_delete(&retaken, &deleted).is_err());
}

#[test]
fn a_scenario_goes_through_its_query_and_back() {
    let sys = system();
    let mut s = defaults();
    s.dimension_weights = vec![3.0, 1.0, 1.0, 0.5, 2.0];
    s.normalisation = Normalisation::ZScore;
    s.treatments[2] = Treatment::Log;
    let query = scenarios::scenario_query(&s, &sys, &defaults());
    assert!(query.contains("w=3%2C1%2C1%2C0.5%2C2"), "{query}");
    assert_eq!(scenarios::read_query(&query, &sys, &defaults()), Ok(s));
    assert_eq!(scenarios::read_query("", &sys, &defaults()), Ok(defaults()));
    let mut entropy = defaults();
    entropy.weighting = Weighting::Entropy;
    let q = scenarios::scenario_query(&entropy, &sys, &defaults());
    assert_eq!(q, "wt=entropy");
    assert_eq!(
        scenarios::read_query("?wt=entropy", &sys, &defaults()),
        Ok(entropy)
    );
}

#[test]
fn a_query_with_anything_unused_is_refused_whole() {
    let sys = system();
    for query in [
        "w=2,1,1,1,1&county=350582",
        "lang=en",
        "w=2,1,1",
        "w=0,0,0,0,0",
        "norm=sideways",
        "w=2,1,1,1,1&w=1,1,1,1,1",
        "tr=nonsense:log",
    ] {
        let notices = scenarios::read_query(query, &sys, &defaults()).unwrap_err();
        assert!(!notices.is_empty(), "{query}");
    }
}

#[test]
fn entries_are_read_back_checked() {
    let sys = system();
    let good = entry("A", "w=2,1,1,1,1", 1);
    let text = scenarios::list_text(&[
        good.clone(),
        entry("newer", "w=2,1,1,1,1", 9),
        entry("edited", "w=2,1", 1),
        entry(" padded ", "", 1),
        entry("A", "norm=zscore", 1),
    ]);
    let list = scenarios::read_list(Some(&text)).unwrap();
    // The repeated name is left out; the damaged entries are kept (so a write does not lose them) but
    // never give a scenario.
    assert_eq!(list.len(), 4);
    let mut expected = defaults();
    expected.dimension_weights = vec![2.0, 1.0, 1.0, 1.0, 1.0];
    assert_eq!(
        scenarios::check_entry(&list[0], &sys, &defaults()),
        Ok(expected.clone())
    );
    assert_eq!(scenarios::find(&list, "A", &sys, &defaults()), Ok(expected));
    assert_eq!(
        scenarios::check_entry(&list[1], &sys, &defaults()),
        Err(ReadError::NewerVersion(9))
    );
    assert!(matches!(
        scenarios::check_entry(&list[2], &sys, &defaults()),
        Err(ReadError::BadQuery(_))
    ));
    assert!(matches!(
        scenarios::check_entry(&list[3], &sys, &defaults()),
        Err(ReadError::BadName(_))
    ));
    assert!(matches!(
        scenarios::find(&list, "nobody", &sys, &defaults()),
        Err(ReadError::BadName(NameError::Unknown(_)))
    ));
    assert_eq!(scenarios::read_list(None), Ok(Vec::new()));
    for damaged in [
        &text[..text.len() / 2],
        "[]",
        r#"{"format":"other","version":1,"scenarios":[]}"#,
    ] {
        assert_eq!(
            scenarios::read_list(Some(damaged)),
            Err(ReadError::Unreadable)
        );
    }
    assert_eq!(
        scenarios::read_list(Some(
            r#"{"format":"fjindex-scenarios","version":2,"scenarios":[]}"#
        )),
        Err(ReadError::NewerVersion(2))
    );
}

#[test]
fn every_message_is_in_every_language() {
    let sys = system();
    let errors = [
        ReadError::Unreadable,
        ReadError::NewerVersion(3),
        ReadError::BadName(NameError::Empty),
        ReadError::BadName(NameError::TooLong),
        ReadError::BadName(NameError::ControlCharacter),
        ReadError::BadName(NameError::Taken("x".into())),
        ReadError::BadName(NameError::ListFull),
        ReadError::BadName(NameError::Unknown("x".into())),
        ReadError::BadQuery(scenarios::read_query("w=1", &sys, &defaults()).unwrap_err()),
    ];
    for e in &errors {
        let texts: Vec<String> = Lang::ALL.iter().map(|&l| e.message(l, &sys)).collect();
        assert!(
            texts.iter().all(|m| !m.is_empty() && !m.contains("{}")),
            "{texts:?}"
        );
        assert!(
            texts[0]
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{texts:?}"
        );
        assert_ne!(texts[0], e.message(Lang::from_id("en").unwrap(), &sys));
    }
}

/// Three counties, each strong in different dimensions: under weights on the first dimension only,
/// X (all 100 there) is first, Z (50 everywhere) second, Y (0 there) third; on the second dimension
/// only, Y is first, Z second and X third.
fn three_counties() -> Dataset {
    let sys = system();
    let units: Vec<_> = seeds::counties().into_iter().take(3).collect();
    let mut data = Dataset::new(DatasetMeta::default(), units, sys.n_indicators());
    for i in 0..sys.n_indicators() {
        let first = sys.dimension_of(i) == 0;
        data.set(0, i, Some(if first { 100.0 } else { 0.0 }));
        data.set(1, i, Some(if first { 0.0 } else { 100.0 }));
        data.set(2, i, Some(50.0));
    }
    data
}

fn only_dimension(d: usize) -> Scenario {
    let mut s = defaults();
    s.dimension_weights = vec![0.0; 5];
    s.dimension_weights[d] = 1.0;
    s
}

#[test]
fn the_comparison_gives_ranks_differences_and_movers_worked_out_by_hand() {
    let sys = system();
    let data = three_counties();
    let c = scenarios::compare(&sys, &data, &[only_dimension(0), only_dimension(1)]).unwrap();
    let (x, y, z) = (0, 1, 2);
    assert_eq!(c.ranks[0], [1, 3, 2]);
    assert_eq!(c.ranks[1], [3, 1, 2]);
    assert_eq!(c.order, [x, z, y]);
    assert_eq!(c.difference(1, x), Some(-2));
    assert_eq!(c.difference(1, y), Some(2));
    assert_eq!(c.difference(1, z), Some(0));
    assert_eq!(slope::difference_text(c.difference(1, x)), "▼2");
    assert_eq!(slope::difference_text(c.difference(1, y)), "▲2");
    assert_eq!(slope::difference_text(c.difference(1, z)), "=");
    assert_eq!(slope::difference_text(None), "–");
    // Equal moves keep the first scenario's order; Z does not move and is left out.
    assert_eq!(c.biggest_movers(5), [x, y]);
    assert_eq!(c.biggest_movers(1), [x]);
    assert!((c.scores[0][x] - 100.0).abs() < 1e-9 && (c.scores[1][y] - 100.0).abs() < 1e-9);
    assert_eq!(
        slope::difference_words(Lang::from_id("en").unwrap(), Some(-2)),
        "down 2 places"
    );
}

#[test]
fn the_comparison_of_four_scenarios_matches_four_separate_scorings() {
    let sys = system();
    let data = seeds::bundle().data;
    let mut geometric = only_dimension(3);
    geometric.aggregation = fjindex::model::Aggregation::Geometric;
    let mut entropy = defaults();
    entropy.weighting = Weighting::Entropy;
    let list = [defaults(), only_dimension(1), geometric, entropy];
    let c = scenarios::compare(&sys, &data, &list).unwrap();
    for (k, s) in list.iter().enumerate() {
        let r = score(&sys, &data, s).unwrap();
        assert_eq!(c.ranks[k], r.rank, "scenario {k}");
    }
    let first = score(&sys, &data, &list[0]).unwrap();
    assert_eq!(c.order, first.order);
    // The biggest mover's largest move is the largest over every county, found here by brute force.
    let largest = (0..data.n_units())
        .flat_map(|u| (1..4).map(move |k| (u, k)))
        .filter(|&(u, k)| c.ranks[0][u] > 0 && c.ranks[k][u] > 0)
        .map(|(u, k)| (i64::from(c.ranks[0][u]) - i64::from(c.ranks[k][u])).unsigned_abs())
        .max()
        .unwrap();
    assert_eq!(c.largest_move(c.biggest_movers(1)[0]), largest);
    assert!(scenarios::compare(&sys, &data, &list[..1]).is_err());
    assert!(scenarios::compare(&sys, &data, &vec![defaults(); 5]).is_err());
}

/// Renders the slope chart to an SVG string.
fn render_slope(
    size: (u32, u32),
    input: &slope::SlopeInput,
    lang: Lang,
) -> (String, Result<fjindex::chart::ChartLayout, String>) {
    use plotters::prelude::*;
    let mut svg = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let r = slope::draw(&area, input, &fjindex::chart::style::ChartStyle::new(lang));
        area.present().expect("svg present");
        r
    };
    (svg, result)
}

/// The (x, y) anchor and text of each `<text>` element of an SVG document.
fn svg_labels(svg: &str) -> Vec<(i32, i32, String)> {
    let attr = |tag: &str, name: &str| -> Option<i32> {
        let rest = tag.split_once(&format!(" {name}=\""))?.1;
        rest.split_once('"')?
            .0
            .parse::<f64>()
            .ok()
            .map(|v| v as i32)
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            let text = rest
                .split_once("</text>")?
                .0
                .trim()
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            Some((attr(tag, "x")?, attr(tag, "y")?, text))
        })
        .collect()
}

#[test]
fn the_slope_chart_highlights_the_movers_and_its_labels_do_not_overlap() {
    let sys = system();
    let data = seeds::bundle().data;
    let list = [defaults(), only_dimension(1), only_dimension(4)];
    let c = scenarios::compare(&sys, &data, &list).unwrap();
    let names: Vec<String> = ["均衡", "创新优先", "数智优先"].map(String::from).to_vec();
    let movers = c.biggest_movers(5);
    let selected = c.order[10];
    assert!(!movers.contains(&selected));
    let input = slope::SlopeInput {
        data: &data,
        names: &names,
        ranks: &c.ranks,
        order: &c.order,
        movers: &movers,
        selected: Some(selected),
    };
    for (size, lang) in [
        ((800, 900), Lang::Zh),
        ((390, 700), Lang::from_id("en").unwrap()),
    ] {
        let (svg, layout) = render_slope(size, &input, lang);
        let layout = layout.unwrap();
        let drawn = slope::drawn_units(&input).len();
        assert_eq!(drawn, data.n_units() - data_unranked(&c));
        assert_eq!(layout.hits.len(), 2 * drawn);
        for h in &layout.hits {
            let (cx, cy) = ((h.rect.x0 + h.rect.x1) / 2, (h.rect.y0 + h.rect.y1) / 2);
            // Tied counties share a place, and so a hit region.
            let found = layout.hit_at(cx, cy).unwrap();
            let end = if cx < size.0 as i32 / 2 { 0 } else { 2 };
            assert_eq!(c.ranks[end][found], c.ranks[end][h.unit]);
            assert!(h.rect.x0 >= 0 && h.rect.x1 <= size.0 as i32 && h.rect.y1 <= size.1 as i32);
        }
        // Two segments per county; the selection in the highlight colour, the movers in the colour of
        // their overall direction, the rest in the grid grey.
        let style = fjindex::chart::style::ChartStyle::new(lang);
        let hex =
            |c: plotters::style::RGBColor| format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        assert_eq!(svg.matches(&hex(style.highlight)).count(), 2);
        assert_eq!(
            svg.matches(&hex(style.grid)).count(),
            2 * (drawn - movers.len() - 1)
        );
        let coloured = svg.matches(&hex(style.up)).count() + svg.matches(&hex(style.down)).count();
        let moving_overall = movers
            .iter()
            .filter(|&&u| c.ranks[0][u] != c.ranks[2][u])
            .count();
        assert_eq!(coloured, 2 * moving_overall);
        // The selected county and the biggest mover are labelled on both sides.
        let labels = svg_labels(&svg);
        for u in [selected, movers[0]] {
            let name = data.units[u].name(lang);
            let short: String = name.chars().take(3).collect();
            assert!(
                labels
                    .iter()
                    .filter(|l| l.2.starts_with(&short) || l.2.contains(&format!(" {short}")))
                    .count()
                    >= 2,
                "{name} in {size:?}: {labels:?}"
            );
        }
        // Labels on one side never overlap: their anchors are at least a line apart.
        let line = (style.font_px * 0.9 * style.scale) as i32 - 1;
        for side in [|x: i32, w: i32| x < w / 4, |x: i32, w: i32| x > w * 3 / 4] {
            let mut ys: Vec<i32> = labels
                .iter()
                .filter(|l| side(l.0, size.0 as i32) && l.1 > 40)
                .map(|l| l.1)
                .collect();
            ys.sort();
            assert!(ys.len() > 5, "{size:?}: few labels");
            assert!(
                ys.windows(2).all(|w| w[1] - w[0] >= line),
                "{size:?}: {ys:?}"
            );
        }
    }
    // The table alternative: a rank column per scenario and a ▲/▼ change column for each after the first.
    let table = slope::table(&input, Lang::Zh);
    assert_eq!(table.headers.len(), 1 + 3 + 2);
    assert_eq!(table.rows.len(), data.n_units());
    let u = movers[0];
    let row = &table.rows[table.row_units.iter().position(|&x| x == Some(u)).unwrap()];
    assert_eq!(row[1], c.ranks[0][u].to_string());
    assert_eq!(row[3], slope::difference_text(c.difference(1, u)));
    assert!(
        row[3].starts_with('▲')
            || row[3].starts_with('▼')
            || row[5].starts_with('▲')
            || row[5].starts_with('▼')
    );
    // Too many scenarios is an error; fewer than two draws the empty state.
    let five: Vec<Vec<u32>> = vec![c.ranks[0].clone(); 5];
    let five_names = vec![String::new(); 5];
    let too_many = slope::SlopeInput {
        ranks: &five,
        names: &five_names,
        ..input
    };
    assert!(render_slope((800, 600), &too_many, Lang::Zh).1.is_err());
    let one = slope::SlopeInput {
        ranks: &c.ranks[..1],
        names: &names[..1],
        ..input
    };
    assert!(render_slope((800, 600), &one, Lang::Zh).1.unwrap().empty);
}

fn data_unranked(c: &scenarios::Comparison) -> usize {
    (0..c.n_units)
        .filter(|&u| c.ranks.iter().any(|r| r[u] == 0))
        .count()
}

fn start() -> fjindex::state::State {
    fjindex::state::State::from_bundle(seeds::bundle())
}

fn no_saved_data(hash: &str) -> Result<Dataset, fjindex::data::saved::LoadError> {
    panic!("the link names no data set, yet {hash} was loaded")
}

#[test]
fn the_compared_scenarios_travel_in_the_share_link_and_back() {
    use fjindex::share;
    use fjindex::state::address::{restore_link, view_query};
    use fjindex::state::{default_scenario, reduce, Action};
    use std::rc::Rc;
    let s = start();
    let defaults = default_scenario(&s.system);
    // Names with the separators of both levels, spaces and non-Latin text survive.
    let compared: share::Compared = vec![
        ("均衡 & 基准=A".into(), String::new()),
        (
            "创新 100%?".into(),
            "w=0%2C100%2C0%2C0%2C0&norm=zscore".into(),
        ),
        ("数智#2".into(), "tr=revenue%3Alog&agg=geometric".into()),
    ];
    let shown = reduce(&s, Action::SetCompared(Some(Rc::new(compared.clone()))));
    let query = view_query(&shown, share::DatasetRef::Bundled, &share::Embed::default());
    assert!(query.starts_with("cmp="), "{query}");
    assert_eq!(
        share::compared_in(&query, &s.system, &defaults),
        Some(compared.clone())
    );
    let (_, notices) = share::parse_link(&query, &s.system, &defaults);
    assert!(notices.is_empty(), "{notices:?}");
    // Opening the link reopens the comparison, with the same names and scenarios.
    let restored = reduce(
        &s,
        restore_link(&s, &format!("?{query}&w=1,2,3,4,5"), no_saved_data),
    );
    assert_eq!(restored.compared.as_deref(), Some(&compared));
    assert_eq!(
        restored.scenario.dimension_weights,
        [1.0, 2.0, 3.0, 4.0, 5.0]
    );
    assert!(restored.link_notices.is_empty());
    let second = fjindex::scenarios::read_query(&compared[1].1, &s.system, &defaults).unwrap();
    assert_eq!(second.dimension_weights, [0.0, 100.0, 0.0, 0.0, 0.0]);
    assert_eq!(second.normalisation, Normalisation::ZScore);
    // Closed, the link carries no comparison.
    let closed = reduce(&shown, Action::SetCompared(None));
    assert_eq!(
        view_query(
            &closed,
            share::DatasetRef::Bundled,
            &share::Embed::default()
        ),
        ""
    );
}

#[test]
fn a_bad_comparison_in_a_link_is_a_notice_and_opens_nothing() {
    use fjindex::share::{self, NoticeKind};
    use fjindex::state::address::restore_link;
    use fjindex::state::{default_scenario, reduce};
    let s = start();
    let defaults = default_scenario(&s.system);
    let pair = |n: &str, q: &str| share::compare_value(&[(n.to_string(), q.to_string())]);
    let two = |a: &str, b: &str| format!("{a}&{b}");
    let bad = [
        // One scenario only, five, a repeated name, an empty or padded name, a bad query, a county.
        pair("A", ""),
        (0..5)
            .map(|k| pair(&format!("s{k}"), ""))
            .collect::<Vec<_>>()
            .join("&"),
        two(&pair("A", ""), &pair("A", "norm=zscore")),
        two(&pair("", ""), &pair("B", "")),
        two(&pair(" A", ""), &pair("B", "")),
        two(&pair("A", "w=1,2"), &pair("B", "")),
        two(&pair("A", "county=350582"), &pair("B", "")),
        two(&pair(&"长".repeat(41), ""), &pair("B", "")),
    ];
    for value in bad {
        let query = form_urlencoded_pair("cmp", &value);
        let (_, notices) = share::parse(&query, &s.system, &defaults);
        assert!(
            notices
                .iter()
                .any(|n| n.param == "cmp" && matches!(n.kind, NoticeKind::Invalid(_))),
            "{value}: {notices:?}"
        );
        assert_eq!(share::compared_in(&query, &s.system, &defaults), None);
        let restored = reduce(&s, restore_link(&s, &query, no_saved_data));
        assert_eq!(restored.compared, None);
        assert!(restored.link_notices.iter().any(|n| n.param == "cmp"));
        let message = restored.link_notices[0].message(Lang::Zh);
        assert!(message.contains("cmp"), "{message}");
    }
}

fn form_urlencoded_pair(key: &str, value: &str) -> String {
    // The link encodes the value once more, as the page's address does.
    let encoded: String = value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{key}={encoded}")
}

#[test]
fn the_panels_replica_follows_the_comparison_and_its_requests_reach_the_page() {
    use fjindex::state::messages::PanelRequest;
    use fjindex::state::snapshot::Snapshot;
    use fjindex::state::{reduce, Action};
    use std::rc::Rc;
    let page = start();
    let compared = vec![
        ("A".to_string(), String::new()),
        ("B".to_string(), "wt=entropy".to_string()),
    ];
    let action = Action::SetCompared(Some(Rc::new(compared.clone())));
    // A panel's request crosses as two texts and becomes the same action on the page.
    let request = PanelRequest::from_action(&action, &page.data).unwrap();
    let [kind, value] = request.encode(&page.system);
    let decoded = PanelRequest::decode(&kind, &value, &page.system).unwrap();
    assert_eq!(
        decoded.into_action(&page.system, &page.data),
        Some(action.clone())
    );
    let close = PanelRequest::from_action(&Action::SetCompared(None), &page.data).unwrap();
    let [kind, value] = close.encode(&page.system);
    assert_eq!(
        PanelRequest::decode(&kind, &value, &page.system)
            .unwrap()
            .into_action(&page.system, &page.data),
        Some(Action::SetCompared(None))
    );
    // The page's snapshot carries the comparison to the replica, and its closing too.
    let opened = reduce(&page, action);
    let (a, _) = Snapshot::of(&opened, false)
        .into_action(&page.system, &page.data)
        .unwrap();
    let replica = reduce(&page, a);
    assert_eq!(replica.compared.as_deref(), Some(&compared));
    let closed = reduce(&opened, Action::SetCompared(None));
    let (a, _) = Snapshot::of(&closed, false)
        .into_action(&page.system, &page.data)
        .unwrap();
    assert_eq!(reduce(&replica, a).compared, None);
}
