//! The share link: the view (weights, methods, selected county, language, data set) and the embed
//! options, encoded as a URL query string and parsed back. Unknown or invalid parameters never fail a
//! parse; each becomes a [`Notice`] shown to the user, and the default stays in its place.
//! [`parse_link`] adds the whole-scenario check for a link the user opened; at most
//! `echo::MAX_NOTICES` notices are kept, then one counting the rest.
//!
//! Parameters (all optional; a default is left out when encoding):
//! `lang=<language id>` (such as `en`), `w=<5 dimension weights>`, `iw=<16 indicator weights>`,
//! `norm=minmax|efficacy|zscore|rank`, `wt=manual|equal|entropy|critic|ahp`, `agg=arithmetic|geometric`,
//! `ahp=<n x n matrix, row-major>`,
//! `tr=<indicator>:log|<indicator>:w<lower>-<upper>,...`, `county=<adcode>`, `ds=<content hash>` with
//! `dn=<data set name>` for an imported data set, `embed=1`, `hide=<panel>,...`, `origins=<origin>,...`;
//! for a collection of editions, `yr=<year shown>` (when not the latest), `vs=<from>-<to>|none` (when
//! not the two latest) and `scale=each` ([`EditionChoices`]).
//! While the comparison of named scenarios is open, `cmp=<name>=<scenario query>&...` (the pairs
//! form-urlencoded inside the value, two to four of them; [`compare_value`], [`parse_compare`]).

use crate::echo::{self, clip, MAX_NOTICES};
use crate::i18n::{t, tf, Key};
use crate::model::{
    Aggregation, Choice, IndicatorSystem, Lang, Normalisation, Scaling, Scenario, Treatment,
    Weighting,
};
use crate::validate::{self, Level, ScenarioError};
use std::collections::BTreeSet;

/// Which data set the view is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DatasetRef {
    #[default]
    Bundled,
    /// An imported data set, known by its name and [`crate::model::Dataset::content_hash`].
    Imported { name: String, hash: String },
}

/// The parameter naming an edited indicator system by its content hash (`state::system::system_hash`).
pub const SYSTEM_PARAM: &str = "sys";

/// Whether `value` has the form of a system's content hash: 16 hexadecimal digits.
pub fn is_system_hash(value: &str) -> bool {
    value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The parts of the page an embedding host may hide. The data notice is not among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Panel {
    Weights,
    Ranking,
    Prefectures,
    Charts,
    Profile,
    Analysis,
    Data,
}

impl Panel {
    pub const ALL: [Panel; 7] = [
        Panel::Weights,
        Panel::Ranking,
        Panel::Prefectures,
        Panel::Charts,
        Panel::Profile,
        Panel::Analysis,
        Panel::Data,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Panel::Weights => "weights",
            Panel::Ranking => "ranking",
            Panel::Prefectures => "prefectures",
            Panel::Charts => "charts",
            Panel::Profile => "profile",
            Panel::Analysis => "analysis",
            Panel::Data => "data",
        }
    }

    pub fn from_id(id: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// How the page runs inside another site's iframe.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    pub enabled: bool,
    /// Sorted, without repeats.
    pub hide: Vec<Panel>,
    /// Origins whose postMessage commands are obeyed and to which events are sent, e.g. "https://www.fj.gov.cn".
    pub origins: Vec<String>,
}

/// The choices made on a collection of editions that a link records; each is left out (the default)
/// when it is the page's own choice for a new collection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditionChoices {
    /// `yr=`: the year shown, when it is not the latest edition.
    pub shown: Option<i32>,
    /// `vs=`: the two years compared (from, to), or `Some(None)` (`vs=none`) for no comparison, when
    /// they are not the two latest editions.
    pub comparison: Option<Option<(i32, i32)>>,
    /// `scale=`: how the editions are put on a scale.
    pub scaling: Scaling,
}

/// Everything a share link records.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareState {
    pub scenario: Scenario,
    pub county: Option<String>,
    pub lang: Lang,
    pub dataset: DatasetRef,
    pub embed: Embed,
    pub editions: EditionChoices,
}

impl ShareState {
    /// The default view: the given default scenario on the bundled data, in Chinese, not embedded.
    pub fn new(defaults: &Scenario) -> Self {
        Self {
            scenario: defaults.clone(),
            county: None,
            lang: Lang::default(),
            dataset: DatasetRef::Bundled,
            embed: Embed::default(),
            editions: EditionChoices::default(),
        }
    }
}

/// Something in a link that was not used, or a consequence the user should know about.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The parameter's name as it appeared.
    pub param: String,
    pub kind: NoticeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeKind {
    Unknown,
    Invalid(String),
    /// A weight list that the scenario check refused (`validate`); the defaults are used instead.
    BadWeights(ScenarioError),
    WrongCount {
        expected: usize,
        got: usize,
    },
    Repeated,
    /// `hide=notice`: the data notice is always shown.
    NoticeCannotBeHidden,
    /// The link names an imported data set this browser does not have; the bundled data is shown.
    MissingDataset {
        name: String,
    },
    /// The selected county is not in the data set.
    UnknownCounty(String),
    /// The link names a data set saved in this browser whose saved copy cannot be read; the bundled
    /// data is shown. `reason` is already in the user's language.
    CorruptDataset {
        name: String,
        reason: String,
    },
    /// The link names a data set saved in this browser that could not be read for now (the panels
    /// module, which reads saved data sets, could not be loaded: `reason`); the bundled data is shown.
    UnreadDataset {
        name: String,
        reason: String,
    },
    /// The link names an edited indicator system (`sys=`, its content hash) this browser has not
    /// saved; the white paper's system is used.
    MissingSystem,
    /// A year of `yr=` or `vs=` (the value as it appeared) that the data set has no edition of; the
    /// page keeps its own choice.
    MissingYear(String),
    /// More notices than are listed one by one: this many were left out.
    More(usize),
}

impl Notice {
    pub fn new(param: &str, kind: NoticeKind) -> Self {
        Self {
            param: param.to_string(),
            kind,
        }
    }

    /// The message in `lang`; names and values from the link are shortened (`echo::clip`). Messages
    /// that need names (`BadWeights`) use [`Notice::message_in`].
    pub fn message(&self, lang: Lang) -> String {
        self.message_with(lang, None)
    }

    /// The message in `lang`, naming dimensions and indicators from `system`.
    pub fn message_in(&self, lang: Lang, system: &IndicatorSystem) -> String {
        self.message_with(lang, Some(system))
    }

    fn message_with(&self, lang: Lang, system: Option<&IndicatorSystem>) -> String {
        use NoticeKind::*;
        let p = &clip(&self.param);
        let f = |key: Key, args: &[&str]| tf(lang, key, args);
        match &self.kind {
            Unknown => f(Key::ShareUnknown, &[p]),
            Invalid(v) => f(Key::ShareInvalid, &[p, &clip(v)]),
            BadWeights(e) => {
                let reason = match system {
                    Some(system) => e.message(lang, system),
                    None => t(lang, Key::ShareInvalidWeights).to_string(),
                };
                f(Key::ShareBadWeights, &[p, &reason])
            }
            WrongCount { expected, got } => f(
                Key::ShareWrongCount,
                &[p, &expected.to_string(), &got.to_string()],
            ),
            Repeated => f(Key::ShareRepeated, &[p]),
            NoticeCannotBeHidden => t(lang, Key::ShareNoticeCannotBeHidden).to_string(),
            MissingDataset { name } => f(Key::ShareMissingDataset, &[&clip(name)]),
            UnknownCounty(c) => f(Key::ShareUnknownCounty, &[&clip(c)]),
            CorruptDataset { name, reason } => f(Key::ShareCorruptDataset, &[&clip(name), reason]),
            UnreadDataset { name, reason } => {
                f(Key::ShareUnreadDataset, &[&clip(name), &clip(reason)])
            }
            MissingSystem => t(lang, Key::ShareMissingSystem).to_string(),
            MissingYear(v) => f(Key::ShareMissingYear, &[p, &clip(v)]),
            More(n) => f(Key::ShareMore, &[&echo::more(lang, *n)]),
        }
    }
}

fn numbers(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn treatment_text(t: Treatment) -> Option<String> {
    match t {
        Treatment::None => None,
        Treatment::Log => Some("log".into()),
        Treatment::Winsorise { lower, upper } => Some(format!("w{lower}-{upper}")),
        Treatment::Jrc => Some("jrc".into()),
    }
}

/// Encodes a view as a query string (without the leading `?`), leaving out what equals `defaults`.
pub fn encode(state: &ShareState, system: &IndicatorSystem, defaults: &Scenario) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    let s = &state.scenario;
    if state.lang != Lang::default() {
        q.append_pair("lang", state.lang.id());
    }
    if s.dimension_weights != defaults.dimension_weights {
        q.append_pair("w", &numbers(&s.dimension_weights));
    }
    if s.indicator_weights != defaults.indicator_weights {
        q.append_pair("iw", &numbers(&s.indicator_weights));
    }
    if s.normalisation != defaults.normalisation {
        q.append_pair("norm", s.normalisation.id());
    }
    if s.weighting != defaults.weighting {
        q.append_pair("wt", s.weighting.id());
    }
    if s.aggregation != defaults.aggregation {
        q.append_pair("agg", s.aggregation.id());
    }
    if let Some(m) = &s.ahp_matrix {
        q.append_pair("ahp", &numbers(m));
    }
    let treatments: Vec<String> = s
        .treatments
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            Some(format!(
                "{}:{}",
                system.indicators.get(i)?.id,
                treatment_text(*t)?
            ))
        })
        .collect();
    if !treatments.is_empty() {
        q.append_pair("tr", &treatments.join(","));
    }
    if let Some(c) = &state.county {
        q.append_pair("county", c);
    }
    if let DatasetRef::Imported { name, hash } = &state.dataset {
        q.append_pair("ds", hash);
        q.append_pair("dn", name);
    }
    if state.embed.enabled {
        q.append_pair("embed", "1");
    }
    if !state.embed.hide.is_empty() {
        q.append_pair(
            "hide",
            &state
                .embed
                .hide
                .iter()
                .map(|p| p.id())
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    if !state.embed.origins.is_empty() {
        q.append_pair("origins", &state.embed.origins.join(","));
    }
    let editions = &state.editions;
    if let Some(year) = editions.shown {
        q.append_pair("yr", &year.to_string());
    }
    match editions.comparison {
        Some(Some((from, to))) => q.append_pair("vs", &format!("{from}-{to}")),
        Some(None) => q.append_pair("vs", "none"),
        None => &mut q,
    };
    if editions.scaling != Scaling::default() {
        q.append_pair("scale", editions.scaling.id());
    }
    q.finish()
}

/// Reads a year in a link: digits only, 1900 to 2100 (the years an edition may have).
fn parse_link_year(text: &str) -> Option<i32> {
    let ok = (1..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Reads the value of `vs=`: `none`, or two different years `from-to`.
fn parse_comparison(value: &str) -> Option<Option<(i32, i32)>> {
    if value == "none" {
        return Some(None);
    }
    let (from, to) = value.split_once('-')?;
    let (from, to) = (parse_link_year(from)?, parse_link_year(to)?);
    (from != to).then_some(Some((from, to)))
}

/// Parses one level's weights and checks each (`validate::check_weights`): numbers from 0 to 100, a
/// subnormal one read as 0; the list is taken whole or not at all.
fn parse_weights(v: &str, level: Level, expected: usize) -> Result<Vec<f64>, NoticeKind> {
    let numbers = parse_numbers(v, expected)?;
    validate::check_weights(&numbers, level, expected).map_err(NoticeKind::BadWeights)
}

/// Parses `expected` comma-separated numbers other than NaN (range checks are the caller's).
fn parse_numbers(v: &str, expected: usize) -> Result<Vec<f64>, NoticeKind> {
    let parts: Vec<&str> = v.split(',').collect();
    if parts.len() != expected {
        return Err(NoticeKind::WrongCount {
            expected,
            got: parts.len(),
        });
    }
    parts
        .iter()
        .map(|p| p.trim().parse::<f64>().ok().filter(|x| !x.is_nan()))
        .collect::<Option<Vec<f64>>>()
        .ok_or_else(|| NoticeKind::Invalid(v.to_string()))
}

/// An origin as a browser writes it: `http(s)://host[:port]`, lower-case, no path.
pub fn valid_origin(origin: &str) -> bool {
    let Some(rest) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.contains(']') || h.ends_with(']') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '[' | ']' | ':')
        });
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

fn parse_treatments(v: &str, system: &IndicatorSystem) -> Result<Vec<Treatment>, NoticeKind> {
    let invalid = || NoticeKind::Invalid(v.to_string());
    let mut out = vec![Treatment::None; system.n_indicators()];
    for item in v.split(',').filter(|s| !s.is_empty()) {
        let (id, t) = item.split_once(':').ok_or_else(invalid)?;
        let i = system.indicator_index(id).ok_or_else(invalid)?;
        out[i] = Treatment::from_text(t).ok_or_else(invalid)?;
    }
    Ok(out)
}

/// Parses a query string (with or without the leading `?`) over the defaults; never fails.
pub fn parse(
    query: &str,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> (ShareState, Vec<Notice>) {
    let mut state = ShareState::new(defaults);
    let mut notices = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let (mut ds, mut dn) = (None, None);
    let query = query.strip_prefix('?').unwrap_or(query);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (key, value) = (key.into_owned(), value.into_owned());
        if seen.contains(&key) {
            notices.push(Notice::new(&key, NoticeKind::Repeated));
            continue;
        }
        seen.insert(key.clone());
        let s = &mut state.scenario;
        let invalid = || NoticeKind::Invalid(value.clone());
        let result: Result<(), NoticeKind> = match key.as_str() {
            "lang" => Lang::from_id(&value)
                .map(|l| state.lang = l)
                .ok_or_else(invalid),
            "w" => parse_weights(&value, Level::Dimension, system.n_dimensions())
                .map(|w| s.dimension_weights = w),
            "iw" => parse_weights(&value, Level::Indicator, system.n_indicators())
                .map(|w| s.indicator_weights = w),
            "ahp" => {
                let n = system.n_dimensions();
                parse_numbers(&value, n * n)
                    .and_then(|m| {
                        if m.iter().all(|x| x.is_finite() && *x > 0.0) {
                            Ok(m)
                        } else {
                            Err(invalid())
                        }
                    })
                    .map(|m| s.ahp_matrix = Some(m))
            }
            "norm" => Normalisation::from_id(&value)
                .map(|n| s.normalisation = n)
                .ok_or_else(invalid),
            "wt" => Weighting::from_id(&value)
                .map(|w| s.weighting = w)
                .ok_or_else(invalid),
            "agg" => Aggregation::from_id(&value)
                .map(|a| s.aggregation = a)
                .ok_or_else(invalid),
            "tr" => parse_treatments(&value, system).map(|t| s.treatments = t),
            "county" => {
                let ok = !value.is_empty()
                    && value.len() <= 12
                    && value.bytes().all(|b| b.is_ascii_alphanumeric());
                if ok {
                    state.county = Some(value.clone());
                    Ok(())
                } else {
                    Err(invalid())
                }
            }
            "ds" => {
                let ok = value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit());
                if ok {
                    ds = Some(value.to_ascii_lowercase());
                    Ok(())
                } else {
                    Err(invalid())
                }
            }
            "dn" => {
                dn = Some(value.clone());
                Ok(())
            }
            // The indicator system's hash, which `state::address` reads before the rest of the link.
            SYSTEM_PARAM => {
                if is_system_hash(&value) {
                    Ok(())
                } else {
                    Err(invalid())
                }
            }
            "embed" => match value.as_str() {
                "1" | "true" => Ok(true),
                "0" | "false" => Ok(false),
                _ => Err(invalid()),
            }
            .map(|e| state.embed.enabled = e),
            "hide" => {
                for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match Panel::from_id(id) {
                        Some(p) if !state.embed.hide.contains(&p) => state.embed.hide.push(p),
                        Some(_) => {}
                        None if id == "notice" => {
                            notices.push(Notice::new(&key, NoticeKind::NoticeCannotBeHidden))
                        }
                        None => {
                            notices.push(Notice::new(&key, NoticeKind::Invalid(id.to_string())))
                        }
                    }
                }
                crate::sorting::sort_by_key(&mut state.embed.hide, |&p| p);
                Ok(())
            }
            "origins" => {
                for o in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if valid_origin(o) {
                        if !state.embed.origins.iter().any(|x| x == o) {
                            state.embed.origins.push(o.to_string());
                        }
                    } else {
                        notices.push(Notice::new(&key, NoticeKind::Invalid(o.to_string())));
                    }
                }
                Ok(())
            }
            "yr" => parse_link_year(&value)
                .map(|y| state.editions.shown = Some(y))
                .ok_or_else(invalid),
            "vs" => parse_comparison(&value)
                .map(|c| state.editions.comparison = Some(c))
                .ok_or_else(invalid),
            "scale" => Scaling::from_id(&value)
                .map(|sc| state.editions.scaling = sc)
                .ok_or_else(invalid),
            COMPARE_PARAM => parse_compare(&value, system, defaults).map(|_| ()),
            _ => Err(NoticeKind::Unknown),
        };
        if let Err(kind) = result {
            notices.push(Notice::new(&key, kind));
        }
    }
    match (ds, dn) {
        (Some(hash), name) => {
            state.dataset = DatasetRef::Imported {
                name: name.unwrap_or_default(),
                hash,
            }
        }
        (None, Some(name)) => notices.push(Notice::new("dn", NoticeKind::Invalid(name))),
        (None, None) => {}
    }
    (state, cap_notices(notices))
}

/// Parses a link the user opened: [`parse`], then the whole scenario check, so that weights the
/// scenario uses and that are all zero (at either level) give a notice and the default weights of
/// that level. (`parse` alone is the exact transport of the page's own views to its panels module.)
pub fn parse_link(
    query: &str,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> (ShareState, Vec<Notice>) {
    let (mut state, mut notices) = parse(query, system, defaults);
    let s = &mut state.scenario;
    if s.weighting == Weighting::Manual {
        if let Err(e) = validate::check_dimensions_used(&s.dimension_weights) {
            s.dimension_weights = defaults.dimension_weights.clone();
            notices.push(Notice::new("w", NoticeKind::BadWeights(e)));
        }
    }
    if matches!(s.weighting, Weighting::Manual | Weighting::Ahp) {
        if let Err(e) = validate::check_indicators_used(system, &s.indicator_weights) {
            s.indicator_weights = defaults.indicator_weights.clone();
            notices.push(Notice::new("iw", NoticeKind::BadWeights(e)));
        }
    }
    (state, cap_notices(notices))
}

/// At most [`MAX_NOTICES`] notices, then one `More` notice counting the rest.
pub fn cap_notices(mut notices: Vec<Notice>) -> Vec<Notice> {
    let more: usize = notices
        .iter()
        .map(|n| match n.kind {
            NoticeKind::More(k) => k,
            _ => 0,
        })
        .sum();
    notices.retain(|n| !matches!(n.kind, NoticeKind::More(_)));
    let extra = notices.len().saturating_sub(MAX_NOTICES) + more;
    notices.truncate(MAX_NOTICES);
    if extra > 0 {
        notices.push(Notice::new("", NoticeKind::More(extra)));
    }
    notices
}

/// The parameter that carries the compared named scenarios while the comparison is open.
pub const COMPARE_PARAM: &str = "cmp";
/// The longest scenario name, in characters.
pub const MAX_SCENARIO_NAME_CHARS: usize = 40;
/// The share-link parameters that make up a scenario; a scenario query holds no others.
pub const SCENARIO_PARAMS: [&str; 7] = ["w", "iw", "norm", "wt", "agg", "ahp", "tr"];
/// How many scenarios a comparison takes.
pub const COMPARED_RANGE: std::ops::RangeInclusive<usize> = 2..=4;

/// Named scenarios as a link carries them: each name with its scenario query.
pub type Compared = Vec<(String, String)>;

/// Reads a scenario query (share-link syntax, with or without the leading `?`): the scenario, or every
/// notice when anything in it is not used (a parameter that is not a scenario's is one), so that a
/// scenario is taken whole or not at all. The scenario passes the page's scenario check.
pub fn scenario_of_query(
    query: &str,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> Result<Scenario, Vec<Notice>> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices: Vec<Notice> = form_urlencoded::parse(query.as_bytes())
        .filter(|(key, _)| !SCENARIO_PARAMS.contains(&key.as_ref()))
        .map(|(key, _)| Notice::new(&key, NoticeKind::Unknown))
        .collect();
    let (state, parse_notices) = parse_link(query, system, defaults);
    notices.extend(parse_notices);
    if !notices.is_empty() {
        return Err(cap_notices(notices));
    }
    validate::check_scenario(system, &state.scenario)
        .map_err(|e| vec![Notice::new("w", NoticeKind::BadWeights(e))])
}

/// True for a name as it is kept: trimmed, not empty, short enough, without control characters.
pub fn scenario_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name.trim() == name
        && name.chars().count() <= MAX_SCENARIO_NAME_CHARS
        && !name.chars().any(char::is_control)
}

/// The value of `cmp=` for these named scenarios.
pub fn compare_value(compared: &[(String, String)]) -> String {
    let mut inner = form_urlencoded::Serializer::new(String::new());
    for (name, query) in compared {
        inner.append_pair(name, query);
    }
    inner.finish()
}

/// Reads the value of `cmp=`: two to four pairs with distinct good names, each query a scenario.
pub fn parse_compare(
    value: &str,
    system: &IndicatorSystem,
    defaults: &Scenario,
) -> Result<Compared, NoticeKind> {
    let invalid = || NoticeKind::Invalid(value.to_string());
    let pairs: Compared = form_urlencoded::parse(value.as_bytes())
        .map(|(n, q)| (n.into_owned(), q.into_owned()))
        .collect();
    if !COMPARED_RANGE.contains(&pairs.len()) {
        return Err(invalid());
    }
    for (k, (name, query)) in pairs.iter().enumerate() {
        if !scenario_name_ok(name) || pairs[..k].iter().any(|(n, _)| n == name) {
            return Err(invalid());
        }
        scenario_of_query(query, system, defaults).map_err(|_| invalid())?;
    }
    Ok(pairs)
}

/// The compared scenarios a query carries, when its `cmp=` reads (otherwise [`parse`] gives the notice).
pub fn compared_in(query: &str, system: &IndicatorSystem, defaults: &Scenario) -> Option<Compared> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let (_, value) = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == COMPARE_PARAM)?;
    parse_compare(&value, system, defaults).ok()
}

/// `query` with `cmp=` for `compared` appended (unchanged without).
pub fn with_compared(query: String, compared: Option<&[(String, String)]>) -> String {
    let Some(compared) = compared else {
        return query;
    };
    let mut q = form_urlencoded::Serializer::new(query);
    q.append_pair(COMPARE_PARAM, &compare_value(compared));
    q.finish()
}
