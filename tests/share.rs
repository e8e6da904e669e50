//! Share links: any view survives encode -> parse unchanged; bad links give notices, never failures.

mod common;

use fjindex::data::seeds::indicator_system;
use fjindex::model::{
    Aggregation, Choice, IndicatorSystem, Lang, Normalisation, Scaling, Scenario, Treatment,
    Weighting,
};
use fjindex::share::{
    encode, parse, DatasetRef, EditionChoices, Embed, Notice, NoticeKind, Panel, ShareState,
};
use proptest::prelude::*;

fn defaults(system: &IndicatorSystem) -> Scenario {
    let mut s = Scenario::default_for(system);
    s.dimension_weights = vec![20.0; system.n_dimensions()];
    s.indicator_weights = vec![10.0; system.n_indicators()];
    s
}

fn treatment() -> impl Strategy<Value = Treatment> {
    prop_oneof![
        3 => Just(Treatment::None),
        1 => Just(Treatment::Log),
        1 => (0.0..=50.0f64, 50.0..=100.0f64).prop_map(|(lower, upper)| Treatment::Winsorise { lower, upper }),
    ]
}

fn share_state() -> impl Strategy<Value = ShareState> {
    let weights = (
        prop::collection::vec(prop_oneof![Just(20.0), 0.0..=100.0f64], 5),
        prop::collection::vec(
            prop_oneof![Just(10.0), 0.0..=100.0f64, (0u32..=100).prop_map(f64::from)],
            16,
        ),
        prop::option::of(prop::collection::vec(0.1..=9.0f64, 25)),
        prop::collection::vec(treatment(), 16),
    );
    let methods = (
        prop::sample::select(Normalisation::ALL.to_vec()),
        prop::sample::select(Weighting::ALL.to_vec()),
        prop::sample::select(Aggregation::ALL.to_vec()),
    );
    let view = (
        prop::option::of("[0-9]{6}"),
        prop::sample::select(Lang::ALL.to_vec()),
        prop::option::of((".{0,20}", "[0-9a-f]{16}")),
        prop::bool::ANY,
        prop::sample::subsequence(Panel::ALL.to_vec(), 0..=7),
        prop::collection::vec(
            "https?://[a-z]{1,8}(\\.[a-z]{2,5}){0,2}(:[0-9]{2,4})?",
            0..3,
        ),
    );
    let editions = (
        prop::option::of(1900..=2100i32),
        prop::option::of(prop::option::of(
            (1900..=2100i32, 1..=200i32).prop_map(|(from, gap)| (from, from + gap)),
        )),
        prop::sample::select(Scaling::ALL.to_vec()),
        prop::bool::ANY,
    )
        .prop_map(|(shown, comparison, scaling, backwards)| EditionChoices {
            shown,
            // Years past 2100 are not editions' years; a backward pair is as good as a forward one.
            comparison: comparison.map(|pair| {
                pair.filter(|&(_, to)| to <= 2100).map(|(from, to)| {
                    if backwards {
                        (to, from)
                    } else {
                        (from, to)
                    }
                })
            }),
            scaling,
        });
    (weights, methods, view, editions).prop_map(
        |(
            (w, iw, ahp, tr),
            (norm, wt, agg),
            (county, lang, ds, embed, hide, origins),
            editions,
        )| {
            let mut origins_unique: Vec<String> = Vec::new();
            for o in origins {
                if !origins_unique.contains(&o) {
                    origins_unique.push(o);
                }
            }
            let mut hide = hide;
            hide.sort();
            ShareState {
                scenario: Scenario {
                    normalisation: norm,
                    treatments: tr,
                    weighting: wt,
                    dimension_weights: w,
                    indicator_weights: iw,
                    aggregation: agg,
                    ahp_matrix: ahp,
                },
                county,
                lang,
                dataset: ds.map_or(DatasetRef::Bundled, |(name, hash)| DatasetRef::Imported {
                    name,
                    hash,
                }),
                embed: Embed {
                    enabled: embed,
                    hide,
                    origins: origins_unique,
                },
                editions,
            }
        },
    )
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn every_view_round_trips(state in share_state()) {
        let system = indicator_system();
        let d = defaults(&system);
        let query = encode(&state, &system, &d);
        let (back, notices) = parse(&query, &system, &d);
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(back, state);
    }

    #[test]
    fn any_query_parses_to_a_usable_view(query in ".{0,200}") {
        let system = indicator_system();
        let d = defaults(&system);
        let (state, _) = parse(&query, &system, &d);
        prop_assert_eq!(state.scenario.dimension_weights.len(), 5);
        prop_assert_eq!(state.scenario.indicator_weights.len(), 16);
        prop_assert!(state.scenario.dimension_weights.iter().all(|w| w.is_finite() && *w >= 0.0));
    }
}

#[test]
fn the_default_view_is_an_empty_query() {
    let system = indicator_system();
    let d = defaults(&system);
    assert_eq!(encode(&ShareState::new(&d), &system, &d), "");
}

#[test]
fn a_link_names_any_language_but_the_default_by_its_id() {
    let system = indicator_system();
    let d = defaults(&system);
    for &lang in Lang::ALL {
        let state = ShareState {
            lang,
            ..ShareState::new(&d)
        };
        let query = encode(&state, &system, &d);
        let want = if lang == Lang::default() {
            String::new()
        } else {
            format!("lang={}", lang.id())
        };
        assert_eq!(query, want);
        assert_eq!(parse(&query, &system, &d).0.lang, lang);
    }
}

#[test]
fn a_typical_link() {
    let system = indicator_system();
    let d = defaults(&system);
    let (state, notices) = parse(
        "?lang=en&w=0,100,0,0,0&county=350582&embed=1&hide=weights,charts",
        &system,
        &d,
    );
    assert!(notices.is_empty());
    assert_eq!(state.lang, Lang::En);
    assert_eq!(
        state.scenario.dimension_weights,
        [0.0, 100.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(state.scenario.indicator_weights, d.indicator_weights);
    assert_eq!(state.county.as_deref(), Some("350582"));
    assert_eq!(state.embed.hide, [Panel::Weights, Panel::Charts]);
    assert!(state.embed.enabled);
}

#[test]
fn bad_parameters_become_notices_and_keep_defaults() {
    let system = indicator_system();
    let d = defaults(&system);
    let q = "w=1,2,3&iw=a&norm=fancy&foo=1&lang=fr&hide=notice,weights,maps&origins=https://a.gov.cn,javascript:x\
             &county=35%2F&lang=en&dn=x&tr=revenue:w90-10";
    let (state, notices) = parse(q, &system, &d);
    assert_eq!(state.scenario, d);
    assert_eq!(state.lang, Lang::Zh);
    assert_eq!(state.county, None);
    assert_eq!(state.dataset, DatasetRef::Bundled);
    assert_eq!(state.embed.hide, [Panel::Weights]);
    assert_eq!(state.embed.origins, ["https://a.gov.cn"]);
    let got: Vec<(&str, &NoticeKind)> = notices
        .iter()
        .map(|n| (n.param.as_str(), &n.kind))
        .collect();
    assert_eq!(
        got,
        [
            (
                "w",
                &NoticeKind::WrongCount {
                    expected: 5,
                    got: 3
                }
            ),
            (
                "iw",
                &NoticeKind::WrongCount {
                    expected: 16,
                    got: 1
                }
            ),
            ("norm", &NoticeKind::Invalid("fancy".into())),
            ("foo", &NoticeKind::Unknown),
            ("lang", &NoticeKind::Invalid("fr".into())),
            ("hide", &NoticeKind::NoticeCannotBeHidden),
            ("hide", &NoticeKind::Invalid("maps".into())),
            ("origins", &NoticeKind::Invalid("javascript:x".into())),
            ("county", &NoticeKind::Invalid("35/".into())),
            ("lang", &NoticeKind::Repeated),
            ("tr", &NoticeKind::Invalid("revenue:w90-10".into())),
            ("dn", &NoticeKind::Invalid("x".into())),
        ]
    );
    assert_eq!(
        notices[3].message(Lang::Zh),
        "链接参数“foo”无法识别，已忽略"
    );
    assert_eq!(
        notices[5].message(Lang::En),
        "the data notice cannot be hidden"
    );
}

#[test]
fn the_editions_choices_are_short_parameters_written_only_when_not_the_default() {
    let system = indicator_system();
    let d = defaults(&system);
    let view = |editions: EditionChoices| {
        encode(
            &ShareState {
                editions,
                ..ShareState::new(&d)
            },
            &system,
            &d,
        )
    };
    assert_eq!(view(EditionChoices::default()), "");
    assert_eq!(
        view(EditionChoices {
            shown: Some(2023),
            comparison: Some(Some((2022, 2023))),
            scaling: Scaling::Each,
        }),
        "yr=2023&vs=2022-2023&scale=each"
    );
    assert_eq!(
        view(EditionChoices {
            comparison: Some(None),
            ..EditionChoices::default()
        }),
        "vs=none"
    );
    let (back, notices) = parse("?vs=none&scale=pooled&yr=1900", &system, &d);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        back.editions,
        EditionChoices {
            shown: Some(1900),
            comparison: Some(None),
            scaling: Scaling::Pooled,
        }
    );
}

#[test]
fn bad_editions_choices_give_notices_and_keep_the_defaults() {
    let system = indicator_system();
    let d = defaults(&system);
    for (query, param, value) in [
        ("yr=abc", "yr", "abc"),
        ("yr=1899", "yr", "1899"),
        ("yr=2101", "yr", "2101"),
        ("yr=%2B2023", "yr", "+2023"),
        ("yr=2023 ", "yr", "2023 "),
        ("yr=", "yr", ""),
        ("vs=2023", "vs", "2023"),
        ("vs=2023-2023", "vs", "2023-2023"),
        ("vs=2022-2023-2024", "vs", "2022-2023-2024"),
        ("vs=2022-x", "vs", "2022-x"),
        ("vs=NONE", "vs", "NONE"),
        ("scale=both", "scale", "both"),
        ("scale=", "scale", ""),
    ] {
        let (state, notices) = parse(query, &system, &d);
        assert_eq!(
            notices,
            vec![Notice::new(param, NoticeKind::Invalid(value.into()))],
            "{query}"
        );
        assert_eq!(state.editions, EditionChoices::default(), "{query}");
    }
    let (state, notices) = parse("yr=2023&yr=2024", &system, &d);
    assert_eq!(notices, vec![Notice::new("yr", NoticeKind::Repeated)]);
    assert_eq!(state.editions.shown, Some(2023));
}

#[test]
fn a_year_the_data_lacks_is_named_in_the_users_language() {
    let notice = Notice::new("vs", NoticeKind::MissingYear("2019-2024".into()));
    let zh = notice.message(Lang::Zh);
    let en = notice.message(Lang::En);
    assert!(
        zh.contains("vs") && zh.contains("2019-2024") && zh.contains("忽略"),
        "{zh}"
    );
    assert!(
        en.contains("vs") && en.contains("2019-2024") && en.contains("ignored"),
        "{en}"
    );
}
