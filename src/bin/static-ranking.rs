//! Writes the default ranking as a static HTML table into the built page, for browsers without
//! JavaScript or WebAssembly. Run by Trunk's post_build hook (Trunk.toml) on the staged index.html;
//! with a path argument it edits that file instead, and with `-` it prints the section.

use fjindex::data::{fallback, seeds};
use std::path::PathBuf;

fn main() {
    let section = match fallback::section(&seeds::bundle()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("static-ranking: the default scenario cannot be scored: {e}");
            std::process::exit(1);
        }
    };
    let arg = std::env::args().nth(1);
    if arg.as_deref() == Some("-") {
        println!("{section}");
        return;
    }
    let path = match arg {
        Some(p) => PathBuf::from(p),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(dir) => PathBuf::from(dir).join("index.html"),
            None => {
                eprintln!("usage: static-ranking [INDEX_HTML | -]  (or run from Trunk with TRUNK_STAGING_DIR set)");
                std::process::exit(2);
            }
        },
    };
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("static-ranking: cannot read {}: {e}", path.display());
        std::process::exit(1);
    });
    let Some(out) = fallback::insert(&page, &section) else {
        eprintln!(
            "static-ranking: {} has no {}",
            path.display(),
            fallback::PLACEHOLDER
        );
        std::process::exit(1);
    };
    let staging = path.parent().unwrap_or(std::path::Path::new("."));
    let out = refresh_integrity(&out, |href| std::fs::read(staging.join(href)).ok());
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("static-ranking: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

/// The page with each `integrity="sha384-…"` recomputed from the file its tag's `href` names (read by
/// `read`; a file it cannot read keeps the hash Trunk wrote). Trunk builds the page and the two
/// on-demand modules at the same time, and the page and the panels module both copy the same
/// wasm-bindgen snippet (`snippets/…/www/tools.js`), so the page's hash of it can be taken while the
/// other copy is half written; hashing here, after every pipeline has finished, gives the files' hashes.
fn refresh_integrity(page: &str, read: impl Fn(&str) -> Option<Vec<u8>>) -> String {
    use base64::Engine;
    use sha2::Digest;
    const MARK: &str = "integrity=\"sha384-";
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find(MARK) {
        let value_start = at + MARK.len();
        let Some(value_len) = rest[value_start..].find('"') else {
            break;
        };
        let tag_start = rest[..at].rfind('<').unwrap_or(0);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[tag_start..tag_end];
        let file = tag
            .split_once("href=\"")
            .and_then(|(_, h)| h.split_once('"'))
            .map(|(href, _)| href.trim_start_matches("./"))
            .and_then(&read);
        out.push_str(&rest[..value_start]);
        match file {
            Some(bytes) => out.push_str(
                &base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&bytes)),
            ),
            None => out.push_str(&rest[value_start..value_start + value_len]),
        }
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::refresh_integrity;

    #[test]
    fn integrity_is_the_sha384_of_the_linked_file() {
        let page = concat!(
            r#"<link rel="modulepreload" href="./a.js" crossorigin="anonymous" integrity="sha384-stale">"#,
            r#"<link rel="preload" href="./gone.wasm" integrity="sha384-kept">"#,
        );
        let out = refresh_integrity(page, |href| (href == "a.js").then(|| b"abc".to_vec()));
        // The SHA-384 of "abc" (FIPS 180-2, appendix D.1), in base64.
        let abc = "ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn";
        assert_eq!(
            out,
            format!(
                r#"<link rel="modulepreload" href="./a.js" crossorigin="anonymous" integrity="sha384-{abc}"><link rel="preload" href="./gone.wasm" integrity="sha384-kept">"#
            )
        );
    }
}
