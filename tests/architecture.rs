//! ARCHITECTURE.md against the code: it names every source file under `src/`, every path it names
//! exists, its table of dependency directions is the modules' real imports, and no module outside
//! `src/ui/` (and the web entry points in `src/bin/`) reaches for `yew` or `web_sys`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The folders and top-level files whose paths the document may name, relative to the crate root.
const PATH_PREFIXES: [&str; 8] = [
    "src/",
    "tests/",
    "benches/",
    "www/",
    "seeds/",
    "scripts/",
    "fuzz/",
    "proptest-regressions/",
];

/// The only files outside `src/ui/` and `src/bin/` that may use `js_sys`: the two platform shims.
const JS_SYS_SHIMS: [&str; 2] = ["src/json.rs", "src/chart/tile_grid.rs"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md is readable")
}

/// Every `.rs` file below `dir` (relative to the crate root), as `/`-separated paths from the root.
fn rust_files(dir: &str) -> Vec<String> {
    fn walk(path: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(path).expect("a readable folder") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let base = root();
    let mut found = Vec::new();
    walk(&base.join(dir), &mut found);
    let mut files: Vec<String> = found
        .iter()
        .map(|p| {
            let relative = p.strip_prefix(&base).expect("below the crate root");
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts.join("/")
        })
        .collect();
    files.sort();
    files
}

/// The texts the document puts between backticks.
fn code_spans(doc: &str) -> Vec<&str> {
    assert!(
        !doc.contains("```"),
        "ARCHITECTURE.md has a fenced block, which this test would read as code spans"
    );
    doc.split('`').skip(1).step_by(2).collect()
}

/// The lines of a Rust file that are code: comment lines (`//`, `///`, `//!`) are left out.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim_start().starts_with("//"))
}

/// The identifiers of a line of code.
fn identifiers(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// The top-level modules `src/lib.rs` declares.
fn top_level_modules() -> Vec<String> {
    let lib = fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs is readable");
    let modules: Vec<String> = code_lines(&lib)
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .filter_map(|rest| rest.strip_suffix(';'))
        .map(str::to_owned)
        .collect();
    assert!(
        modules.len() > 10,
        "src/lib.rs declares its modules as `pub mod NAME;`"
    );
    modules
}

/// The files of a top-level module: `src/NAME.rs` and everything below `src/NAME/`.
fn module_files(name: &str) -> Vec<String> {
    let mut files = Vec::new();
    if root().join(format!("src/{name}.rs")).is_file() {
        files.push(format!("src/{name}.rs"));
    }
    if root().join(format!("src/{name}")).is_dir() {
        files.extend(rust_files(&format!("src/{name}")));
    }
    assert!(!files.is_empty(), "module {name} has no files");
    files
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_source_file_is_named() {
    let doc = architecture();
    let files = rust_files("src");
    assert!(files.len() > 100, "found only {} source files", files.len());
    let missing: Vec<&String> = files
        .iter()
        .filter(|f| !doc.contains(&format!("`{f}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name (as `src/...`) these files: {missing:?}"
    );
}

#[test]
fn every_path_named_exists() {
    let doc = architecture();
    let mut checked = 0;
    for span in code_spans(&doc) {
        let is_path = !span.contains(char::is_whitespace) && !span.contains(['<', '*', '$']);
        let under_a_folder = PATH_PREFIXES.iter().any(|p| span.starts_with(p));
        let top_level_file =
            !span.contains('/') && [".rs", ".toml", ".html"].iter().any(|e| span.ends_with(e));
        if is_path && (under_a_folder || top_level_file) {
            assert!(
                root().join(span).exists(),
                "ARCHITECTURE.md names `{span}`, which does not exist"
            );
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} paths were found to check");
}

#[test]
fn dependency_table_is_the_real_imports() {
    let doc = architecture();
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("Dependency directions"))
        .expect("ARCHITECTURE.md has a section `## Dependency directions`");
    let mut stated: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').collect();
        let module = code_spans(cells[1])[0].to_owned();
        let imports = code_spans(cells[2])
            .into_iter()
            .map(str::to_owned)
            .collect();
        assert!(
            stated.insert(module.clone(), imports).is_none(),
            "{module} has two rows"
        );
    }

    let modules = top_level_modules();
    let names: BTreeSet<&str> = modules.iter().map(String::as_str).collect();
    let mut real: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let mut imports = BTreeSet::new();
        for file in module_files(module) {
            let text = read(&file);
            for line in code_lines(&text) {
                for (at, _) in line.match_indices("crate::") {
                    let target = identifiers(&line[at + "crate::".len()..]).next();
                    if let Some(target) = target.filter(|t| names.contains(t) && t != module) {
                        imports.insert(target.to_owned());
                    }
                }
            }
        }
        real.insert(module.clone(), imports);
    }
    for (module, imports) in &real {
        assert_eq!(
            stated.get(module),
            Some(imports),
            "ARCHITECTURE.md's row for `{module}` differs from what its files import"
        );
    }
    let extra: Vec<&String> = stated.keys().filter(|m| !real.contains_key(*m)).collect();
    assert!(
        extra.is_empty(),
        "rows for modules src/lib.rs does not declare: {extra:?}"
    );
}

/// The architecture invariant of `src/lib.rs`'s section: the scoring core and everything else outside
/// `src/ui/` builds natively, so no such file names `yew` or `web_sys` in its code, and only the two
/// platform shims use `js_sys`.
#[test]
fn browser_apis_stay_in_ui() {
    let doc = architecture();
    assert!(doc.contains("no module outside `src/ui/` imports `yew` or `web_sys`"));
    let outside_ui: Vec<String> = rust_files("src")
        .into_iter()
        .filter(|f| !f.starts_with("src/ui/") && !f.starts_with("src/bin/"))
        .collect();
    // The scoring core is among the files checked.
    for core in [
        "src/model.rs",
        "src/score.rs",
        "src/state.rs",
        "src/method/weight.rs",
        "src/analysis/uncertainty.rs",
        "src/chart/tile_map.rs",
    ] {
        assert!(outside_ui.iter().any(|f| f == core), "{core} was not found");
    }
    for file in &outside_ui {
        let text = read(file);
        for line in code_lines(&text) {
            for word in identifiers(line) {
                assert!(
                    word != "yew" && word != "web_sys",
                    "{file} uses `{word}`: {}",
                    line.trim()
                );
                if word == "js_sys" {
                    assert!(
                        JS_SYS_SHIMS.contains(&file.as_str()),
                        "{file} uses js_sys outside the platform shims: {}",
                        line.trim()
                    );
                }
            }
        }
    }
}
