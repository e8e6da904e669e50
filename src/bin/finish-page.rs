//! Finishes the built page, run by Trunk's post_build hook (Trunk.toml) on the staging directory:
//! writes the default page, rendered by the app's own components (`fjindex_web::ui::prerender`), into
//! index.html, so the first screen comes with the HTML and the app in the browser takes it over; writes
//! the catalogue of every language the page's module does not link (`catalogue-<id>.txt`, fetched when
//! that language is chosen); and recomputes the page's integrity hashes. With a path argument it
//! finishes the page at that path; with `-` it prints the prerendered page.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

/// Built for wasm32 only because clippy checks every target there; the hook runs it natively.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use fjindex::i18n::{catalogue_file_name, catalogue_text, t, Key};
    use fjindex::model::Lang;
    use fjindex_web::ui::{lang_tag, prerender, PRERENDERED, ROOT_ID};
    use std::path::{Path, PathBuf};

    pub fn main() {
        let prerendered = prerender();
        let arg = std::env::args().nth(1);
        if arg.as_deref() == Some("-") {
            println!("{prerendered}");
            return;
        }
        let path = match arg {
            Some(p) => PathBuf::from(p),
            None => match std::env::var_os("TRUNK_STAGING_DIR") {
                Some(dir) => PathBuf::from(dir).join("index.html"),
                None => {
                    eprintln!("usage: finish-page [INDEX_HTML | -]  (or run from Trunk with TRUNK_STAGING_DIR set)");
                    std::process::exit(2);
                }
            },
        };
        let page = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
        let Some(page) = insert_prerendered(&page, &prerendered) else {
            fail(&format!("{} has no {}", path.display(), root_placeholder()));
        };
        let staging = path.parent().unwrap_or(Path::new("."));
        let page = defer_preloads(&page);
        let Some(page) = defer_panel_styles(&page) else {
            fail(&format!(
                "{} links no stylesheet of the panels module",
                path.display()
            ));
        };
        let page = write_catalogues(staging, &page);
        let page = refresh_integrity(&page, |file| std::fs::read(staging.join(file)).ok());
        if let Err(e) = std::fs::write(&path, page) {
            fail(&format!("cannot write {}: {e}", path.display()));
        }
    }

    /// The empty root element index.html holds for the app.
    fn root_placeholder() -> String {
        format!("<div id=\"{ROOT_ID}\"></div>")
    }

    /// The page with the prerendered default page in its root, marked as such, and before it the note
    /// shown where the app cannot run (no WebAssembly, or a failed start; www/data.css), in each language.
    fn insert_prerendered(page: &str, prerendered: &str) -> Option<String> {
        let placeholder = root_placeholder();
        if !page.contains(&placeholder) {
            return None;
        }
        let mut note = String::from("<p class=\"app-unavailable\" role=\"note\">");
        for &lang in Lang::ALL {
            note.push_str(&format!(
                "<span lang=\"{}\">{}</span> ",
                lang_tag(lang),
                t(lang, Key::AppUnavailable)
            ));
        }
        note.push_str("</p>");
        let root = format!("{note}<div id=\"{ROOT_ID}\" {PRERENDERED}>{prerendered}</div>");
        Some(page.replacen(&placeholder, &root, 1))
    }

    fn fail(message: &str) -> ! {
        eprintln!("finish-page: {message}");
        std::process::exit(1);
    }

    /// Trunk's preload links (`rel="preload"` and `rel="modulepreload"`, with their integrity hashes)
    /// moved into an inert `<template id="app-preloads">` at the end of `<head>`. The prerendered page
    /// needs none of them to paint, and on a slow link they would share its bandwidth and hold up the
    /// first screen; www/boot.js puts them in place after the first paint and loads the app with them.
    pub fn defer_preloads(page: &str) -> String {
        let openings = ["<link rel=\"preload\"", "<link rel=\"modulepreload\""].map(String::from);
        move_into_template(page, "app-preloads", &openings).unwrap_or_else(|| page.to_string())
    }

    /// The page with every tag that opens with one of `openings` moved, in the order they come, into
    /// an inert `<template id="{id}">` at the end of `<head>`; `None` when there is no such tag.
    fn move_into_template(page: &str, id: &str, openings: &[String]) -> Option<String> {
        let mut tags = String::new();
        let mut rest = String::with_capacity(page.len());
        let mut text = page;
        while let Some(at) = openings.iter().filter_map(|o| text.find(o.as_str())).min() {
            let end = text[at..].find('>').map_or(text.len(), |e| at + e + 1);
            rest.push_str(&text[..at]);
            tags.push_str(&text[at..end]);
            text = &text[end..];
        }
        rest.push_str(text);
        (!tags.is_empty()).then(|| {
            rest.replacen(
                "</head>",
                &format!("<template id=\"{id}\">{tags}</template></head>"),
                1,
            )
        })
    }

    /// The stylesheets only the panels module's documents use (www/analysis.css and www/brief.css), by
    /// the name Trunk hashes.
    const PANEL_STYLES: [&str; 2] = ["analysis-", "brief-"];

    /// The panels module's stylesheets moved into an inert `<template id="panels-styles">` at the end of
    /// `<head>`: www/tools.js puts them in place when it loads the module, and waits for them before
    /// the module draws. The first screen needs none of their rules. `None` when the page links none.
    pub fn defer_panel_styles(page: &str) -> Option<String> {
        let openings = PANEL_STYLES.map(|name| format!("<link rel=\"stylesheet\" href=\"./{name}"));
        move_into_template(page, "panels-styles", &openings)
    }

    /// The app's `<meta>`, which Trunk writes as Trunk.toml's `pattern_script` says.
    const APP_META: &str = "<meta name=\"fjindex-app\" ";

    /// Writes the catalogue of every language but the default one, which the page's module links, and
    /// returns the page with the files named on the app's `<meta>` (`data-catalogue-<id>`, read by
    /// www/boot.js to preload a link's language).
    fn write_catalogues(dir: &Path, page: &str) -> String {
        let mut names = String::new();
        for &lang in &Lang::ALL[1..] {
            let file = catalogue_file_name(lang);
            if let Err(e) = std::fs::write(dir.join(&file), catalogue_text(lang)) {
                fail(&format!("cannot write {file}: {e}"));
            }
            names.push_str(&format!(
                "data-catalogue-{}=\"{file}\" ",
                lang.id().to_ascii_lowercase()
            ));
        }
        if !page.contains(APP_META) {
            fail(&format!("the page has no {APP_META}"));
        }
        page.replacen(APP_META, &format!("{APP_META}{names}"), 1)
    }

    /// The page with each `integrity="sha384-…"` recomputed from the file its tag's `href` or `src` names (read by
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
            let file = [" href=\"", " src=\""]
                .iter()
                .find_map(|attribute| tag.split_once(attribute))
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
        use super::{defer_panel_styles, defer_preloads, refresh_integrity};

        #[test]
        fn the_panels_module_s_stylesheets_wait_in_a_template_and_the_page_s_stay() {
            let page = concat!(
                r#"<head><link rel="stylesheet" href="./app-1.css" integrity="sha384-a">"#,
                r#"<link rel="stylesheet" href="./analysis-2.css" integrity="sha384-b">"#,
                r#"<link rel="stylesheet" href="./data-3.css"><link rel="stylesheet" href="./brief-4.css"></head>"#,
            );
            assert_eq!(
                defer_panel_styles(page).as_deref(),
                Some(concat!(
                    r#"<head><link rel="stylesheet" href="./app-1.css" integrity="sha384-a">"#,
                    r#"<link rel="stylesheet" href="./data-3.css"><template id="panels-styles">"#,
                    r#"<link rel="stylesheet" href="./analysis-2.css" integrity="sha384-b">"#,
                    r#"<link rel="stylesheet" href="./brief-4.css"></template></head>"#,
                ))
            );
            assert_eq!(
                defer_panel_styles(r#"<head><link rel="stylesheet" href="./app-1.css"></head>"#),
                None
            );
        }

        #[test]
        fn preload_links_wait_in_a_template_at_the_end_of_head() {
            let page = concat!(
                r#"<head><meta name="fjindex-app" data-js="./a.js"><link rel="stylesheet" href="./s.css">"#,
                r#"<link rel="modulepreload" href="./a.js" integrity="sha384-x"><link rel="preload" href="./a.wasm" as="fetch"></head><body></body>"#,
            );
            assert_eq!(
                defer_preloads(page),
                concat!(
                    r#"<head><meta name="fjindex-app" data-js="./a.js"><link rel="stylesheet" href="./s.css">"#,
                    r#"<template id="app-preloads"><link rel="modulepreload" href="./a.js" integrity="sha384-x"><link rel="preload" href="./a.wasm" as="fetch"></template></head><body></body>"#,
                )
            );
            assert_eq!(defer_preloads("<head></head>"), "<head></head>");
        }

        #[test]
        fn integrity_is_the_sha384_of_the_linked_file() {
            let page = concat!(
                r#"<link rel="modulepreload" href="./a.js" crossorigin="anonymous" integrity="sha384-stale">"#,
                r#"<link rel="preload" href="./gone.wasm" integrity="sha384-kept">"#,
                r#"<script type="module" integrity="sha384-stale" src="./a.js"></script>"#,
            );
            let out = refresh_integrity(page, |href| (href == "a.js").then(|| b"abc".to_vec()));
            // The SHA-384 of "abc" (FIPS 180-2, appendix D.1), in base64.
            let abc = "ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn";
            assert_eq!(
                out,
                format!(
                    r#"<link rel="modulepreload" href="./a.js" crossorigin="anonymous" integrity="sha384-{abc}"><link rel="preload" href="./gone.wasm" integrity="sha384-kept"><script type="module" integrity="sha384-{abc}" src="./a.js"></script>"#
                )
            );
        }
    }
}
