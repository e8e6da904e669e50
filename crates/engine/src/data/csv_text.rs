//! Text cells of every CSV the project writes, made safe to open in a spreadsheet (OWASP's advice on
//! CSV injection): the ranking exports, the templates and the command line's CSV outputs.

use std::borrow::Cow;

/// First characters that make Excel, WPS or LibreOffice take a cell for a formula, and tab and carriage
/// return, which can hide one; as a precaution, also the full-width forms a Chinese input method types.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// A text cell as a CSV writes it: text that starts like a formula gets a leading apostrophe, so a
/// spreadsheet shows it as text instead of running it; any other text is unchanged. Numbers are written
/// as numbers and never pass through here.
pub fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_text;

    #[test]
    fn formula_starts_get_an_apostrophe_and_other_text_is_kept() {
        for hostile in [
            "=HYPERLINK(\"http://evil\",\"x\")",
            "=cmd|'/C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "＝1+1",
        ] {
            assert_eq!(spreadsheet_text(hostile), format!("'{hostile}"));
        }
        for plain in ["晋江市", "350582", "a=b", "", "'quoted", "1e308"] {
            assert_eq!(spreadsheet_text(plain), plain);
        }
    }
}
