//! ARCHITECTURE.md against the code: it names every source file under `src/` and each crate's
//! `crates/*/src/`, every path it names exists, its table of crates is each crate's manifest, its table
//! of dependency directions is the modules' real imports, and no file outside `crates/web/src/ui/` (and
//! the web entry points in `crates/web/src/bin/`) reaches for `yew` or `web_sys`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The folders and top-level files whose paths the document may name, relative to the crate root.
const PATH_PREFIXES: [&str; 9] = [
    "src/",
    "crates/",
    "tests/",
    "benches/",
    "www/",
    "seeds/",
    "scripts/",
    "fuzz/",
    "proptest-regressions/",
];

/// The source folders of the workspace's packages: the root package (the command line) and each crate.
const SOURCE_DIRS: [&str; 6] = [
    "src",
    "crates/engine/src",
    "crates/exact/src",
    "crates/io/src",
    "crates/tools/src",
    "crates/web/src",
];

/// The only files outside `crates/web/src/ui/` and the web and tools entry points that may use
/// `js_sys`: the engine's two platform shims.
const JS_SYS_SHIMS: [&str; 2] = [
    "crates/engine/src/json.rs",
    "crates/engine/src/chart/tile_grid.rs",
];

/// The packages and their manifests, as ARCHITECTURE.md's table of crates names them.
const PACKAGES: [(&str, &str); 6] = [
    ("fjindex", "Cargo.toml"),
    ("fjindex-engine", "crates/engine/Cargo.toml"),
    ("fjindex-exact", "crates/exact/Cargo.toml"),
    ("fjindex-io", "crates/io/Cargo.toml"),
    ("fjindex-tools", "crates/tools/Cargo.toml"),
    ("fjindex-web", "crates/web/Cargo.toml"),
];

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

/// Every `.rs` file of every package's source folder.
fn all_source_files() -> Vec<String> {
    SOURCE_DIRS.iter().flat_map(|d| rust_files(d)).collect()
}

/// The top-level modules the packages' `lib.rs` files declare (`pub mod NAME;` or `pub mod NAME {` at
/// the start of a line), each once: a module such as `analysis` spans several crates, each adding files.
fn top_level_modules() -> Vec<String> {
    let mut modules = BTreeSet::new();
    for dir in SOURCE_DIRS {
        let lib = read(&format!("{dir}/lib.rs"));
        modules.extend(
            code_lines(&lib)
                .filter_map(|l| l.strip_prefix("pub mod "))
                .filter_map(|rest| rest.strip_suffix(';').or(rest.strip_suffix(" {")))
                .map(str::to_owned),
        );
    }
    assert!(
        modules.len() > 10,
        "the lib.rs files declare their modules as `pub mod NAME;`"
    );
    modules.into_iter().collect()
}

/// The files of a top-level module in every package: `DIR/NAME.rs` and everything below `DIR/NAME/`.
fn module_files(name: &str) -> Vec<String> {
    let mut files = Vec::new();
    for dir in SOURCE_DIRS {
        if root().join(format!("{dir}/{name}.rs")).is_file() {
            files.push(format!("{dir}/{name}.rs"));
        }
        if root().join(format!("{dir}/{name}")).is_dir() {
            files.extend(rust_files(&format!("{dir}/{name}")));
        }
    }
    assert!(!files.is_empty(), "module {name} has no files");
    files
}

/// The normal dependencies a manifest names (target-specific ones included; dev- and
/// build-dependencies left out).
fn manifest_dependencies(manifest: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut in_dependencies = false;
    for line in read(manifest).lines().map(str::trim) {
        if line.starts_with('[') {
            in_dependencies = line.ends_with("dependencies]")
                && !line.contains("dev-dependencies")
                && !line.contains("build-dependencies")
                && !line.contains("workspace.dependencies");
        } else if in_dependencies && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap_or("");
            names.insert(name.to_owned());
        }
    }
    names
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_source_file_is_named() {
    let doc = architecture();
    let files = all_source_files();
    assert!(files.len() > 100, "found only {} source files", files.len());
    for dir in SOURCE_DIRS {
        assert!(
            files.iter().any(|f| f.starts_with(&format!("{dir}/"))),
            "no files under {dir}"
        );
    }
    let missing: Vec<&String> = files
        .iter()
        .filter(|f| !doc.contains(&format!("`{f}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name (as `src/...` or `crates/...`) these files: {missing:?}"
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
        "rows for modules no lib.rs declares: {extra:?}"
    );
}

/// The layering Cargo enforces: the table of crates in ARCHITECTURE.md is each manifest's normal
/// dependencies, split into the workspace's crates and the rest, and the page's crate reaches neither
/// the importer, the solver nor the command line.
#[test]
fn crate_table_is_the_manifests() {
    let doc = architecture();
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("Crates"))
        .expect("ARCHITECTURE.md has a section `## Crates`");
    let mut stated: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').collect();
        let spans = |cell: &str| -> BTreeSet<String> {
            code_spans(cell).into_iter().map(str::to_owned).collect()
        };
        let name = code_spans(cells[1])[0].to_owned();
        assert!(
            stated
                .insert(name.clone(), (spans(cells[3]), spans(cells[4])))
                .is_none(),
            "{name} has two rows"
        );
    }
    for (name, manifest) in PACKAGES {
        let all = manifest_dependencies(manifest);
        let (own, other): (BTreeSet<String>, BTreeSet<String>) =
            all.into_iter().partition(|d| d.starts_with("fjindex"));
        assert_eq!(
            stated.get(name),
            Some(&(own, other)),
            "ARCHITECTURE.md's row for `{name}` differs from {manifest}"
        );
    }
    assert_eq!(stated.len(), PACKAGES.len(), "rows for unknown crates");
    let web = manifest_dependencies("crates/web/Cargo.toml");
    let engine = manifest_dependencies("crates/engine/Cargo.toml");
    for forbidden in [
        "fjindex-io",
        "fjindex-exact",
        "fjindex-tools",
        "calamine",
        "zip",
        "quick-xml",
        "flate2",
        "good_lp",
        "clap",
    ] {
        assert!(
            !web.contains(forbidden),
            "fjindex-web depends on {forbidden}"
        );
        assert!(
            !engine.contains(forbidden),
            "fjindex-engine depends on {forbidden}"
        );
    }
    for browser in ["yew", "web-sys", "gloo"] {
        assert!(
            !engine.contains(browser),
            "fjindex-engine depends on {browser}"
        );
    }
}

/// The architecture invariant of the boundary's section: the scoring core and everything else outside
/// `crates/web/src/ui/` builds natively, so no such file names `yew` or `web_sys` in its code (the web
/// entry points in `crates/web/src/bin/` excepted), and only the two platform shims and the tools
/// module's entry point use `js_sys`.
#[test]
fn browser_apis_stay_in_ui() {
    let doc = architecture();
    assert!(doc.contains(
        "no file outside `crates/web/src/ui/` and `crates/web/src/bin/` imports `yew` or `web_sys`"
    ));
    let outside_ui: Vec<String> = all_source_files()
        .into_iter()
        .filter(|f| !f.starts_with("crates/web/src/ui/") && !f.starts_with("crates/web/src/bin/"))
        .collect();
    // The scoring core is among the files checked.
    for core in [
        "crates/engine/src/model.rs",
        "crates/engine/src/score.rs",
        "crates/engine/src/state.rs",
        "crates/engine/src/method/weight.rs",
        "crates/engine/src/analysis/uncertainty.rs",
        "crates/engine/src/chart/tile_map.rs",
        "crates/exact/src/analysis/bounds.rs",
        "crates/io/src/data/import/mod.rs",
        "crates/tools/src/tools_api.rs",
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
                        JS_SYS_SHIMS.contains(&file.as_str())
                            || file.starts_with("crates/tools/src/bin/"),
                        "{file} uses js_sys outside the platform shims: {}",
                        line.trim()
                    );
                }
            }
        }
    }
}
