//! Interface text: the list of languages, one catalogue file per language (`zh.rs` declares the keys and
//! is the source; the others must translate every key, which the compiler checks), and the lookups.
//! Messages with numbers are catalogue strings with `{}` placeholders filled by [`tf`].

use serde::{Deserialize, Serialize};

pub use en::ordinal;
pub use zh::Texts;

mod fetched;
#[cfg(feature = "all-catalogues")]
pub use fetched::catalogue_text;
pub use fetched::{catalogue_file_name, install, is_ready, CatalogueError};

/// A fixed interface string: its text in every language the build links (see [`LINKED_COUNT`]), in the
/// order of [`Lang::ALL`], and its place in a fetched catalogue. Each key is an associated constant
/// (`Key::Title`), so a module links the texts of the keys it uses and no others.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    texts: &'static [&'static str; LINKED_COUNT],
    index: u16,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({:?})", self.texts[0])
    }
}

/// How many languages' texts the build links, from the first of [`Lang::ALL`]: all of them with the
/// `all-catalogues` feature (the CLI, the tests and the on-demand modules), the default language only
/// without it (the page's module, which fetches another language's catalogue when it is chosen).
const LINKED_COUNT: usize = if cfg!(feature = "all-catalogues") {
    LANGUAGE_COUNT
} else {
    1
};

/// Declares every key with the source language's text: the [`Texts`] every catalogue fills, this
/// language's catalogue, and the [`Key`] constants, each gathered from all catalogues.
macro_rules! declare_keys {
    ($($(#[$doc:meta])* $key:ident => $text:literal;)*) => {
        /// Every key's text in one language; a catalogue is one value of it, so a catalogue without a
        /// key does not compile.
        #[allow(non_snake_case)]
        pub struct Texts { $($(#[$doc])* pub $key: &'static str,)* }

        /// This language's catalogue.
        pub const TEXTS: Texts = Texts { $($key: $text,)* };

        /// The keys' places in a fetched catalogue: their order here.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum KeyIndex { $($key),* }

        #[allow(non_upper_case_globals)]
        impl super::Key {
            $(pub const $key: super::Key = super::Key {
                texts: &{
                    let mut texts = [""; super::LINKED_COUNT];
                    let mut i = 0;
                    while i < super::LINKED_COUNT {
                        texts[i] = super::CATALOGUES[i].$key;
                        i += 1;
                    }
                    texts
                },
                index: KeyIndex::$key as u16,
            };)*
        }

        /// The names of the keys in order: a fetched catalogue is checked against their fingerprint.
        pub const KEY_NAMES: &[&str] = &[$(stringify!($key)),*];

        /// Every key with its name, in order, for writing and testing the catalogues.
        #[cfg(any(test, feature = "all-catalogues"))]
        pub const ALL_KEYS: &[(&str, super::Key)] = &[$((stringify!($key), super::Key::$key)),*];
    };
}
pub(crate) use declare_keys;

/// A translation: the text of every key (a missing or unknown key is a compile error).
macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident => $text:literal;)*) => {
        /// This language's catalogue.
        pub const TEXTS: super::Texts = super::Texts { $($key: $text,)* };
    };
}
pub(crate) use catalogue;

/// What the page needs to know of a language besides its catalogue.
pub struct Language {
    /// The id in links (`?lang=`), the embed API, file names, settings and the CLI.
    pub id: &'static str,
    /// The BCP 47 tag for `<html lang>` and number formatting.
    pub html_tag: &'static str,
    /// The language's own name, shown in the language switch.
    pub native_name: &'static str,
    /// Which of a data set's names (county, indicator, unit) this language reads.
    pub names: NameForm,
    place: fn(u32) -> String,
}

/// The written form of the names that come with the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    Simplified,
    Traditional,
    Latin,
}

/// The list of languages: each variant of [`Lang`] with its catalogue module. The first is the default.
macro_rules! languages {
    ($($lang:ident => $module:ident { $($field:ident: $value:expr),* $(,)? })*) => {
        $(mod $module;)*

        /// An interface language.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub enum Lang {
            #[default]
            $($lang),*
        }

        /// The catalogues in the order of [`Lang::ALL`]; only evaluated at compile time, into the keys.
        const CATALOGUES: &[Texts] = &[$($module::TEXTS),*];
        const LANGUAGE_COUNT: usize = CATALOGUES.len();

        impl Lang {
            /// Every language, in the switch's order.
            pub const ALL: &'static [Lang] = &[$(Lang::$lang),*];

            /// What the page knows of this language.
            pub fn language(self) -> &'static Language {
                match self {
                    $(Lang::$lang => {
                        const LANGUAGE: Language = Language {
                            $($field: $value,)*
                            place: $module::place,
                        };
                        &LANGUAGE
                    })*
                }
            }
        }
    };
}

languages! {
    Zh => zh { id: "zh", html_tag: "zh-CN", native_name: "简体中文", names: NameForm::Simplified }
    ZhHant => zh_hant { id: "zh-Hant", html_tag: "zh-Hant", native_name: "繁體中文", names: NameForm::Traditional }
    En => en { id: "en", html_tag: "en", native_name: "English", names: NameForm::Latin }
}

impl Lang {
    /// The id used in links, files and the CLI ("zh", "en").
    pub fn id(self) -> &'static str {
        self.language().id
    }

    /// The language whose id is `id` (ASCII case does not matter).
    pub fn from_id(id: &str) -> Option<Lang> {
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.id().eq_ignore_ascii_case(id.trim()))
    }

    /// The ids of every language, for messages that list them ("zh | en").
    pub fn ids() -> String {
        Lang::ALL
            .iter()
            .map(|l| l.id())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Picks the data's name in the form this language reads; a form the data lacks (empty, as in an
    /// imported file) falls back to the Simplified name.
    pub fn name<'a>(self, simplified: &'a str, traditional: &'a str, latin: &'a str) -> &'a str {
        let chosen = match self.language().names {
            NameForm::Simplified => simplified,
            NameForm::Traditional => traditional,
            NameForm::Latin => latin,
        };
        if chosen.is_empty() {
            simplified
        } else {
            chosen
        }
    }
}

impl From<Lang> for String {
    fn from(lang: Lang) -> String {
        lang.id().to_string()
    }
}

impl TryFrom<String> for Lang {
    type Error = String;
    fn try_from(id: String) -> Result<Lang, String> {
        Lang::from_id(&id)
            .ok_or_else(|| format!("unknown language {id:?}; expected {}", Lang::ids()))
    }
}

/// The string of `key` in `lang`; the default language's while `lang`'s catalogue is neither linked nor
/// fetched (the page fetches it before it switches, see [`is_ready`]). Not inlined: the page calls it
/// from several hundred places.
#[inline(never)]
pub fn t(lang: Lang, key: Key) -> &'static str {
    match key.texts.get(lang as usize) {
        Some(text) => text,
        None => fetched::text(lang, key.index).unwrap_or(key.texts[0]),
    }
}

/// "第 n 位" or "nth": a place in a ranking.
pub fn place(lang: Lang, n: u32) -> String {
    (lang.language().place)(n)
}

/// The text of `key` in `lang` with its placeholders filled: `{}` takes the next argument, `{N}` the
/// argument N (counted from 0), for languages that need another order.
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    fill(t(lang, key), args)
}

/// Fills a catalogue text's placeholders with `args` (a missing argument is left empty).
fn fill(text: &str, args: &[&str]) -> String {
    let mut out = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Arg(index) => out.push_str(args.get(index).copied().unwrap_or_default()),
        }
    }
    out
}

/// A stretch of a catalogue text: plain text, or the argument a placeholder takes.
enum Piece<'a> {
    Text(&'a str),
    Arg(usize),
}

/// The text and placeholders of a catalogue text in order, each placeholder resolved to its argument
/// (`{}` the next one, `{N}` argument N); a brace that opens no placeholder is text.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = Some(text);
    let mut next = 0;
    let mut pending = None;
    std::iter::from_fn(move || {
        if let Some(arg) = pending.take() {
            return Some(Piece::Arg(arg));
        }
        let current = rest?;
        let placeholder = current.match_indices('{').find_map(|(open, _)| {
            let after = &current[open + 1..];
            let close = after.find('}')?;
            let inside = &after[..close];
            let arg = if inside.is_empty() {
                next += 1;
                next - 1
            } else {
                inside.parse().ok()?
            };
            Some((open, open + close + 2, arg))
        });
        match placeholder {
            Some((open, end, arg)) => {
                pending = Some(arg);
                rest = Some(&current[end..]);
                Some(Piece::Text(&current[..open]))
            }
            None => {
                rest = None;
                Some(Piece::Text(current))
            }
        }
    })
}

/// How many arguments a catalogue text takes.
#[cfg(test)]
fn arity(text: &str) -> usize {
    pieces(text)
        .filter_map(|piece| match piece {
            Piece::Arg(index) => Some(index + 1),
            Piece::Text(_) => None,
        })
        .max()
        .unwrap_or(0)
}

/// The place names of `seeds/counties.csv` in every written form, written by `build.rs`.
mod place_names {
    include!(concat!(env!("OUT_DIR"), "/place_names.rs"));
}

/// The name of a Fujian prefecture in `lang`, or the given name when it is not one of the nine.
pub fn prefecture_name(lang: Lang, zh: &str) -> String {
    match place_names::PREFECTURE_NAMES.iter().find(|p| p[0] == zh) {
        Some([zh, traditional, latin]) => lang.name(zh, traditional, latin).to_string(),
        None => zh.to_string(),
    }
}

/// The Traditional name of the county with this adcode and Simplified name, or "" when it is not one of
/// the bundled counties under that name.
pub fn county_name_zh_hant(adcode: &str, zh: &str) -> &'static str {
    place_names::COUNTY_NAMES
        .iter()
        .find(|c| c[0] == adcode && c[1] == zh)
        .map_or("", |c| c[2])
}

/// True when `text` contains a Han character (used by tests that keep English text free of Chinese).
pub fn has_han(text: &str) -> bool {
    text.chars().any(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_translated_with_the_same_placeholders() {
        for &(name, k) in zh::ALL_KEYS {
            for &lang in Lang::ALL {
                assert!(!t(lang, k).is_empty(), "{name} in {lang:?}");
                assert_eq!(
                    arity(t(lang, k)),
                    arity(t(Lang::Zh, k)),
                    "{name} takes other arguments in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn english_text_has_no_han() {
        for &(name, k) in zh::ALL_KEYS {
            assert!(
                !has_han(t(Lang::En, k)),
                "{name}: the English text has Han characters"
            );
        }
    }

    #[test]
    fn languages_are_found_by_their_ids() {
        for &lang in Lang::ALL {
            assert_eq!(Lang::from_id(lang.id()), Some(lang));
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        }
        assert_eq!(Lang::from_id("EN"), Some(Lang::En));
        assert_eq!(Lang::from_id("fr"), None);
    }

    #[test]
    fn ordinals_follow_english_rules() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (42, "42nd"),
            (83, "83rd"),
            (111, "111th"),
        ];
        for (n, want) in cases {
            assert_eq!(ordinal(n), want);
        }
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            tf(Lang::En, Key::ShowingRows, &["5", "83"]),
            "Showing 5 of 83 counties"
        );
        assert_eq!(
            tf(Lang::Zh, Key::ShowingRows, &["5", "83"]),
            "显示 5 / 83 个县域"
        );
    }

    #[test]
    fn numbered_placeholders_take_their_argument() {
        assert_eq!(fill("{1} of {0}", &["a", "b"]), "b of a");
        assert_eq!(fill("{} {{x}} {}", &["a", "b"]), "a {{x}} b");
        assert_eq!(arity("{1} of {0}"), 2);
        assert_eq!(arity("{} and {}"), 2);
        assert_eq!(arity("{x} none"), 0);
    }

    #[test]
    fn prefectures_have_english_names() {
        assert_eq!(prefecture_name(Lang::En, "泉州市"), "Quanzhou");
        assert_eq!(prefecture_name(Lang::Zh, "泉州市"), "泉州市");
        assert_eq!(prefecture_name(Lang::En, "金门县"), "金门县");
    }
}
