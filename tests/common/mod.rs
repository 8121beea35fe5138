//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the `sitrep` binary with `args` in `dir`.
pub fn sitrep(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("sitrep runs")
}

/// stdout and stderr of a run, as one string.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every `.html` file below `dir`.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect()
}

/// The `href` and `src` values in an HTML file.
pub fn links(file: &Path) -> Vec<String> {
    let html = scraper::Html::parse_document(&std::fs::read_to_string(file).unwrap());
    let sel = scraper::Selector::parse("[href], [src]").unwrap();
    html.select(&sel)
        .flat_map(|e| {
            ["href", "src"]
                .into_iter()
                .filter_map(|a| e.value().attr(a).map(String::from))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Internal links of every HTML file below `out` that do not resolve to a written
/// file: (file, link). Links starting with `base_url` are internal too; other
/// absolute URLs and `mailto:` are skipped. A link to a folder needs its `index.html`.
pub fn broken_links(out: &Path, base_url: &str) -> Vec<(PathBuf, String)> {
    let mut broken = Vec::new();
    for file in html_files(out) {
        for link in links(&file) {
            let target = if let Some(rest) = link.strip_prefix(base_url) {
                out.join(rest)
            } else if link.contains("://") || link.starts_with("mailto:") || link.starts_with('#') {
                continue;
            } else if let Some(rest) = link.strip_prefix('/') {
                out.join(rest)
            } else {
                file.parent().unwrap().join(&link)
            };
            let s = target.to_string_lossy();
            let s = s.split(['#', '?']).next().unwrap().to_string();
            let mut target = PathBuf::from(&s);
            if s.ends_with('/') || target.is_dir() {
                target = target.join("index.html");
            }
            let ok = target.is_file()
                && target
                    .canonicalize()
                    .is_ok_and(|c| c.starts_with(out.canonicalize().unwrap()));
            if !ok {
                broken.push((file.clone(), link));
            }
        }
    }
    broken
}

/// Whether the HTML file at `page` links to the site path `path` (`reports/x/`).
pub fn page_links_to(page: &Path, out: &Path, path: &str) -> bool {
    let want = out.join(path).join("index.html");
    links(page).iter().any(|l| {
        let t = page.parent().unwrap().join(l);
        let t = if l.ends_with('/') {
            t.join("index.html")
        } else {
            t
        };
        t.canonicalize().ok() == want.canonicalize().ok()
    })
}

/// Every file below `dir`: `/`-separated relative path -> bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Builds the site at `root` into `output` (`root/public` when `None`), drafts left
/// out, through the library; panics if the build fails.
pub fn build_site(root: &Path, output: Option<&Path>) {
    sitrep::build::build(&sitrep::build::BuildOptions {
        root: root.to_path_buf(),
        output: output.map(Path::to_path_buf),
        drafts: false,
        force: false,
        ..Default::default()
    })
    .unwrap();
}

/// Rewrites the `config.yaml` of the site at `root` as `edit` makes it from the text
/// it has.
pub fn edit_config(root: &Path, edit: impl FnOnce(&str) -> String) {
    let path = root.join("config.yaml");
    let config = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&config)).unwrap();
}

/// A copy of the fixture site `tests/fixtures/site` in a new temporary folder.
pub fn fixture_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    tmp
}

/// Runs `query` through the built site's `search.js` over its `search/` index.
/// `None` when node is missing.
pub fn search_query(public: &Path, query: &str, filters: &str) -> Option<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search_query.cjs");
    let out = match Command::new("node")
        .arg(script)
        .arg(public.join("search.js"))
        .arg(public.join("search"))
        .arg(query)
        .arg(filters)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: node is not installed ({e})");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

pub fn search_titles(found: &serde_json::Value) -> Vec<&str> {
    found["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect()
}
