//! The pipeline's layering, held by a test: every module uses only the stages below it.
//!
//! From the top (see ARCHITECTURE.md):
//!
//! ```text
//! main.rs, lib.rs     the binary and the crate root
//! cmd                 one file per command
//! ui                  what commands print (only cmd uses it)
//! live                watch, serve
//! build               the Builder, options, cache, output, manifest, check
//! import | render     siblings: neither uses the other
//! site                config, regions, front matter, content, model, paths
//! geo                 the gazetteer
//! text | fs | progress  leaf helpers
//! ```
//!
//! The test reads every `crate::<module>` path in the code under `src/` (comments
//! aside), and fails for each one that names a module of the same rank but another
//! folder, or of a higher rank. `super::` may only reach the file's own module.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each top-level module and its rank: a module may use only lower ranks (and itself).
const LAYERS: &[(&str, u8)] = &[
    ("main", 9),
    ("lib", 9),
    ("cmd", 8),
    ("ui", 7),
    ("live", 6),
    ("build", 5),
    ("import", 4),
    ("render", 4),
    ("site", 3),
    ("geo", 2),
    ("text", 1),
    ("fs", 1),
    ("progress", 1),
];

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, r)| r)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The top-level module a file belongs to: its folder under `src/`, or its stem.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a line, without a `//` comment (doc comments included). A `//` inside
/// a string literal would cut the line short, which can only hide a path, never
/// invent one; none of the paths checked here sit after a URL on one line.
fn code_of(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Every module named as `crate::<module>` in `code`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '{')
            .collect();
        if name.starts_with('{') {
            // `use crate::{a, b}`: every name up to the closing brace.
            let group = &after[1..after.find('}').unwrap_or(after.len())];
            for part in group.split(',') {
                let m = part.trim().split("::").next().unwrap_or("").trim();
                if !m.is_empty() {
                    found.push(m.to_string());
                }
            }
        } else if !name.is_empty() {
            found.push(name);
        }
        rest = after;
    }
    found
}

/// Every upward or sideways use in the crate: `file:line: what`.
fn violations(src: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for file in rust_files(src) {
        let module = module_of(src, &file);
        let own = rank(&module).unwrap_or_else(|| {
            panic!(
                "{}: the module `{module}` is not in the layering list of tests/layering.rs and ARCHITECTURE.md: place it there",
                file.display()
            )
        });
        let text = std::fs::read_to_string(&file).unwrap();
        let top_level = file.parent() == Some(src) || file.file_name().unwrap() == "mod.rs";
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            for used in crate_paths(code) {
                if used == module {
                    continue;
                }
                match rank(&used) {
                    Some(r) if r < own => {}
                    Some(_) => out.push(format!(
                        "{}:{}: `{module}` uses `crate::{used}`, which is not below it",
                        file.display(),
                        n + 1
                    )),
                    None => out.push(format!(
                        "{}:{}: `crate::{used}` is not a module of the layering list",
                        file.display(),
                        n + 1
                    )),
                }
            }
            // `super::` from a folder's mod.rs (or a top-level file) reaches the
            // crate root, around the rule; `super::super::` always leaves the folder.
            let reaches_root = (top_level && code.contains("super::") && !in_test_module(&text, n))
                || code.contains("super::super::");
            if reaches_root {
                out.push(format!(
                    "{}:{}: `super::` leaves the module `{module}`: write `crate::` paths",
                    file.display(),
                    n + 1
                ));
            }
        }
    }
    out
}

/// Whether line `n` (0-based) lies after a `#[cfg(test)]` line, in the file's test
/// module, where `super::` is the module under test.
fn in_test_module(text: &str, n: usize) -> bool {
    text.lines()
        .take(n)
        .any(|l| l.trim_start().starts_with("#[cfg(test)]"))
}

#[test]
fn modules_use_only_the_stages_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "layering broken ({} uses):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_rank() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for file in rust_files(&src) {
        modules.insert(module_of(&src, &file), file);
    }
    for (m, file) in &modules {
        assert!(rank(m).is_some(), "{}: `{m}` has no rank", file.display());
    }
    // And the list names no module that is gone.
    for (m, _) in LAYERS {
        assert!(modules.contains_key(*m), "`{m}` is listed but not in src/");
    }
}

/// The checker itself: it must see what it exists to catch.
#[test]
fn the_checker_catches_upward_sideways_and_grouped_uses() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path();
    std::fs::create_dir_all(src.join("site")).unwrap();
    std::fs::create_dir_all(src.join("render")).unwrap();
    for m in [
        "main", "lib", "cmd", "ui", "live", "build", "import", "geo", "text", "fs", "progress",
    ] {
        std::fs::write(src.join(format!("{m}.rs")), "").unwrap();
    }
    std::fs::write(
        src.join("site/model.rs"),
        "use crate::render::Renderer;\nuse crate::geo::Country; // fine\n/// [`crate::build`] in a doc comment is fine\n",
    )
    .unwrap();
    std::fs::write(
        src.join("render/mod.rs"),
        "use crate::{import::seed, text};\nfn f() { crate::ui::info(\"x\"); super::x(); }\n",
    )
    .unwrap();
    let found = violations(src);
    let text = found.join("\n");
    assert!(
        text.contains("model.rs:1: `site` uses `crate::render`"),
        "{text}"
    );
    assert!(
        text.contains("mod.rs:1: `render` uses `crate::import`"),
        "{text}"
    );
    assert!(
        text.contains("mod.rs:2: `render` uses `crate::ui`"),
        "{text}"
    );
    assert!(text.contains("mod.rs:2: `super::` leaves"), "{text}");
    assert_eq!(found.len(), 4, "{text}");
}
