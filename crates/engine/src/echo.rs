//! Bounded echo: every text a user or a host supplied (a link parameter's name or value, a data set's
//! name, a field of an embed command) is shortened before a message repeats it, and lists of notices
//! are capped, so that no input can make a message, or the page that shows it, arbitrarily large.

use crate::i18n::{tf, Key};
use crate::model::Lang;

/// The most characters of a user's text that a message repeats.
pub const MAX_ECHO_CHARS: usize = 60;

/// The most notices listed one by one; the rest are summarised in one line.
pub const MAX_NOTICES: usize = 20;

/// `text` as a message repeats it: at most [`MAX_ECHO_CHARS`] characters, with an ellipsis and the
/// full length when shortened.
pub fn clip(text: &str) -> String {
    let mut chars = text.char_indices();
    match chars.nth(MAX_ECHO_CHARS) {
        None => text.to_string(),
        Some((end, _)) => format!("{}…({})", &text[..end], text.chars().count()),
    }
}

/// "and 49,990 more" for the notices left out of a list.
pub fn more(lang: Lang, count: usize) -> String {
    tf(lang, Key::EchoMore, &[&group_thousands(count)])
}

/// `49990` as "49,990".
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_kept_and_long_ones_cut_on_a_character_boundary() {
        assert_eq!(clip("foo"), "foo");
        let exact = "x".repeat(MAX_ECHO_CHARS);
        assert_eq!(clip(&exact), exact);
        let long = "县".repeat(100_000);
        let c = clip(&long);
        assert!(c.starts_with(&"县".repeat(MAX_ECHO_CHARS)));
        assert!(c.ends_with("…(100000)"));
        assert!(c.chars().count() < MAX_ECHO_CHARS + 12);
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(group_thousands(7), "7");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(49_990), "49,990");
        assert_eq!(more(Lang::En, 49_990), "and 49,990 more");
        assert_eq!(more(Lang::Zh, 5), "另有 5 条未列出");
    }
}
