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
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("static-ranking: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
