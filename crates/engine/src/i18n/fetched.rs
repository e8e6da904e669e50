//! Catalogues fetched at run time. The page's module is built without the `all-catalogues` feature and
//! links only the default language's texts; the build writes every other language's catalogue as a text
//! file ([`catalogue_text`], written by `src/bin/finish-page.rs`), and the page installs one here when
//! its language is first chosen.
//!
//! The file is plain text: a first line with the language's id and the fingerprint of the key names
//! (in hexadecimal), then each key's text on a line of its own, in the order the source catalogue
//! declares the keys. No catalogue text holds a line break (a test checks).

use super::zh::KEY_NAMES;
use super::{Lang, LANGUAGE_COUNT, LINKED_COUNT};
use std::sync::OnceLock;

/// Why a fetched catalogue cannot be installed.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogueError {
    /// A catalogue of another language than the one chosen.
    OtherLanguage(String),
    /// A catalogue of other keys, as written by another build of the page.
    OtherKeys,
}

/// FNV-1a over the key names, each followed by a comma.
const fn fingerprint(names: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    while n < names.len() {
        let bytes = names[n].as_bytes();
        let mut i = 0;
        while i <= bytes.len() {
            let byte = if i < bytes.len() { bytes[i] } else { b',' };
            hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        n += 1;
    }
    hash
}

/// The fingerprint of this build's keys.
const KEYS_FINGERPRINT: u64 = fingerprint(KEY_NAMES);

/// The installed catalogues, by language.
static FETCHED: [OnceLock<Box<[&'static str]>>; LANGUAGE_COUNT] =
    [const { OnceLock::new() }; LANGUAGE_COUNT];

/// True when the texts of `lang` are at hand: linked into this module, or fetched and installed.
pub fn is_ready(lang: Lang) -> bool {
    (lang as usize) < LINKED_COUNT || FETCHED[lang as usize].get().is_some()
}

/// The text at `index` of the installed catalogue of `lang`.
pub(super) fn text(lang: Lang, index: u16) -> Option<&'static str> {
    FETCHED[lang as usize].get()?.get(index as usize).copied()
}

/// The name of the file that holds the catalogue of `lang`, next to the page.
pub fn catalogue_file_name(lang: Lang) -> String {
    format!("catalogue-{}.txt", lang.id().to_ascii_lowercase())
}

/// The catalogue file of `lang` as the build writes it.
#[cfg(feature = "all-catalogues")]
pub fn catalogue_text(lang: Lang) -> String {
    let mut text = format!("{} {KEYS_FINGERPRINT:016x}", lang.id());
    for &(_, key) in super::zh::ALL_KEYS {
        text.push('\n');
        text.push_str(super::t(lang, key));
    }
    text
}

/// The texts of a catalogue file, when it is the catalogue of `lang` for this build's keys.
fn texts_of(lang: Lang, file: &str) -> Result<Vec<&str>, CatalogueError> {
    let mut lines = file.split('\n');
    let header = lines.next().unwrap_or_default();
    let (id, keys) = header.split_once(' ').unwrap_or((header, ""));
    if Lang::from_id(id) != Some(lang) {
        return Err(CatalogueError::OtherLanguage(id.to_string()));
    }
    let texts: Vec<&str> = lines.collect();
    if keys != format!("{KEYS_FINGERPRINT:016x}") || texts.len() != KEY_NAMES.len() {
        return Err(CatalogueError::OtherKeys);
    }
    Ok(texts)
}

/// Installs a fetched catalogue file of `lang`, after which [`super::t`] gives its texts. A language
/// already at hand keeps its texts.
pub fn install(lang: Lang, file: String) -> Result<(), CatalogueError> {
    if is_ready(lang) {
        return Ok(());
    }
    texts_of(lang, &file)?;
    let file: &'static str = Box::leak(file.into_boxed_str());
    let texts = texts_of(lang, file)?.into_boxed_slice();
    let _ = FETCHED[lang as usize].set(texts);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{t, zh::ALL_KEYS};

    #[test]
    fn a_written_catalogue_reads_back_as_every_key_in_its_language() {
        for &lang in Lang::ALL {
            let file = catalogue_text(lang);
            let texts = texts_of(lang, &file).unwrap();
            assert_eq!(texts.len(), ALL_KEYS.len());
            for (text, &(name, key)) in texts.iter().zip(ALL_KEYS) {
                assert_eq!(*text, t(lang, key), "{name} in {lang:?}");
                assert!(
                    !text.contains(['\n', '\r']),
                    "{name} in {lang:?} breaks its line"
                );
            }
        }
    }

    #[test]
    fn a_catalogue_of_another_language_or_build_is_refused() {
        let en = catalogue_text(Lang::En);
        assert_eq!(
            texts_of(Lang::ZhHant, &en),
            Err(CatalogueError::OtherLanguage("en".into()))
        );
        let (header, body) = en.split_once('\n').unwrap();
        let renamed = format!("en {:016x}\n{body}", fingerprint(&["Title", "Subtitle"]));
        assert_eq!(texts_of(Lang::En, &renamed), Err(CatalogueError::OtherKeys));
        let short = &en[..en.rfind('\n').unwrap()];
        assert_eq!(texts_of(Lang::En, short), Err(CatalogueError::OtherKeys));
        assert_eq!(
            texts_of(Lang::En, "<!doctype html>"),
            Err(CatalogueError::OtherLanguage("<!doctype".into()))
        );
        assert!(header.starts_with("en "));
    }

    #[test]
    fn the_fingerprint_follows_the_names_and_their_order() {
        // FNV-1a 64 of "a," as Python computes it:
        // h = 0xcbf29ce484222325; for b in b"a,": h = ((h ^ b) * 0x100000001b3) % 2**64
        // (the same loop over b"a" gives the published test vector 0xaf63dc4c8601ec8c).
        assert_eq!(fingerprint(&["a"]), 0x089b_f607_b545_13e0);
        assert_eq!(fingerprint(&[]), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fingerprint(&["a", "b"]), fingerprint(&["b", "a"]));
        assert_ne!(fingerprint(&["ab"]), fingerprint(&["a", "b"]));
    }

    #[test]
    fn file_names_are_lower_case_ids() {
        assert_eq!(catalogue_file_name(Lang::ZhHant), "catalogue-zh-hant.txt");
        assert_eq!(catalogue_file_name(Lang::En), "catalogue-en.txt");
    }
}
