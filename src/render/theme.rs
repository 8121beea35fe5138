//! The built-in default theme (templates and static files compiled into the binary),
//! and the layers that override it file by file: `themes/<theme>/` and the site's own
//! `templates/` and `static/`.
//!
//! A theme file that is an unchanged copy of an earlier sitrep's default (as
//! `sitrep init` copied it; see [`theme_history`](super::theme_history)) does not
//! override: the current default is used, so upgrading sitrep upgrades the theme
//! files a person has not edited (an old `search.js` would look for an index that is
//! no longer written).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};
use rayon::prelude::*;
use tera::Tera;

use crate::render::RenderErrors;
use crate::render::sink::Sink;
use crate::site::content::is_ignored;

// `[(name, contents)]` of default theme files, read at compile time.
macro_rules! embed_templates {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

macro_rules! embed_static {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_bytes!(concat!("../../themes/default/static/", $name)) as &[u8])),*]
    };
}

/// The default theme's templates, compiled in: (name, source).
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &embed_templates![
    "base.html",
    "report_list.html",
    "chart.html",
    "map.html",
    "edition_nav.html",
    "index.html",
    "report.html",
    "regions.html",
    "region.html",
    "months.html",
    "month.html",
    "countries.html",
    "country.html",
    "search.html",
    "404.html",
];

/// The default theme's static files, compiled in: (path under the output, bytes).
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &embed_static!["style.css", "syntax.css", "search.js"];

/// Whether `bytes`, the file `rel` of a theme folder (`static/search.js`), is an
/// unchanged copy of an earlier version of the default theme's file.
pub fn is_earlier_default(rel: &str, bytes: &[u8]) -> bool {
    use sha2::Digest;
    let earlier = super::theme_history::EARLIER_DEFAULTS;
    let first = earlier.partition_point(|(path, _)| *path < rel);
    if earlier.get(first).is_none_or(|(path, _)| *path != rel) {
        return false;
    }
    let hash: String = sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    earlier[first..]
        .iter()
        .take_while(|(path, _)| *path == rel)
        .any(|(_, h)| *h == hash)
}

/// Loads the templates: defaults, then `theme_dir/templates/` (but for unchanged
/// copies of earlier defaults: [`is_earlier_default`]), then `site_templates/` (each
/// may be missing).
///
/// Errors: a template file cannot be read, or a template does not parse; the message
/// gives the template's file, line and column.
pub fn load_templates(theme_dir: &Path, site_templates: &Path) -> Result<Tera> {
    // name -> (source, where it came from)
    let mut sources: BTreeMap<String, (String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(n, s)| {
            (
                n.to_string(),
                (s.to_string(), "built-in default theme".into()),
            )
        })
        .collect();
    for (layer, dir) in [theme_dir.join("templates"), site_templates.to_path_buf()]
        .into_iter()
        .enumerate()
    {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).follow_links(true) {
            let entry = entry.with_context(|| format!("cannot read `{}`", dir.display()))?;
            if !entry.file_type().is_file() || is_ignored(entry.file_name()) {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(entry.path())
                .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
            if layer == 0 && is_earlier_default(&format!("templates/{name}"), text.as_bytes()) {
                continue;
            }
            sources.insert(name, (text, entry.path().display().to_string()));
        }
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(sources.iter().map(|(n, (s, _))| (n.as_str(), s.as_str())))
        .map_err(|e| {
            let files: Vec<String> = sources
                .iter()
                .filter(|(_, (_, from))| !from.starts_with("built-in"))
                .map(|(n, (_, from))| format!("  {n} = {from}"))
                .collect();
            let e = e.to_string();
            let e = e.strip_prefix("error: ").unwrap_or(&e);
            anyhow!("template error: {e}\ntemplate files:\n{}", files.join("\n"))
        })?;
    Ok(tera)
}

/// Copies the static files: the default theme's built-in files, then
/// `theme_dir/static/` (but for unchanged copies of earlier defaults:
/// [`is_earlier_default`]), then the site's `static/` (later ones override earlier
/// ones).
///
/// Errors: a static file has the path of a page sitrep writes (`reserved`, e.g.
/// `static/index.html`): it would silently replace the page, so every such file is
/// reported ([`RenderErrors`]); or a file cannot be read or written.
pub fn copy_static(
    theme_dir: &Path,
    site_static: &Path,
    out: &dyn Sink,
    reserved: &std::collections::BTreeSet<String>,
) -> Result<usize> {
    let files = static_sources(theme_dir, site_static)?;
    refuse_clashes(&files, reserved)?;
    files.par_iter().try_for_each(|(rel, src)| match src {
        Source::Bytes(b) => out.write(rel, b),
        Source::File(p) => out.copy(rel, p),
    })?;
    Ok(files.len())
}

/// The output paths of the static files (the built-in ones, the theme's and the
/// site's), for a caller that checks pages against them.
///
/// Errors: a static folder cannot be read.
pub fn static_paths(
    theme_dir: &Path,
    site_static: &Path,
) -> Result<std::collections::BTreeSet<String>> {
    Ok(static_sources(theme_dir, site_static)?
        .into_keys()
        .collect())
}

/// Checks, without copying anything, that no static file has the path of a page
/// sitrep writes (`reserved`): a rebuild that adds pages but copies no static file
/// must fail as a full build would.
///
/// Errors: as [`copy_static`]'s for a clash; a static folder cannot be read.
pub fn check_static_clashes(
    theme_dir: &Path,
    site_static: &Path,
    reserved: &std::collections::BTreeSet<String>,
) -> Result<()> {
    refuse_clashes(&static_sources(theme_dir, site_static)?, reserved)
}

/// Every static file by output path: the built-in ones, overridden by the theme's,
/// overridden by the site's.
fn static_sources(theme_dir: &Path, site_static: &Path) -> Result<BTreeMap<String, Source>> {
    let mut files: BTreeMap<String, Source> = DEFAULT_STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), Source::Bytes(b)))
        .collect();
    for (layer, dir) in [theme_dir.join("static"), site_static.to_path_buf()]
        .into_iter()
        .enumerate()
    {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).follow_links(true) {
            let entry = entry.with_context(|| format!("cannot read `{}`", dir.display()))?;
            if !entry.file_type().is_file() || is_ignored(entry.file_name()) {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            if layer == 0 && DEFAULT_STATIC.iter().any(|(n, _)| *n == rel) {
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
                if is_earlier_default(&format!("static/{rel}"), &bytes) {
                    continue;
                }
            }
            files.insert(rel, Source::File(entry.into_path()));
        }
    }
    Ok(files)
}

/// An error ([`RenderErrors`]) naming every static file of `files` at a path in
/// `reserved`.
fn refuse_clashes(
    files: &BTreeMap<String, Source>,
    reserved: &std::collections::BTreeSet<String>,
) -> Result<()> {
    let clashes: Vec<String> = files
        .iter()
        .filter(|(rel, _)| reserved.contains(*rel))
        .map(|(rel, src)| {
            let from = match src {
                Source::File(p) => p.display().to_string(),
                Source::Bytes(_) => format!("the built-in `{rel}`"),
            };
            format!("{from}: has the path of the page sitrep writes at `{rel}`: rename or move it")
        })
        .collect();
    if !clashes.is_empty() {
        return Err(RenderErrors(clashes).into());
    }
    Ok(())
}

enum Source {
    Bytes(&'static [u8]),
    File(PathBuf),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme_history::EARLIER_DEFAULTS;

    #[test]
    fn earlier_defaults_are_sorted_and_recognised() {
        assert!(EARLIER_DEFAULTS.windows(2).all(|w| w[0] <= w[1]));
        let current = DEFAULT_STATIC
            .iter()
            .find(|(n, _)| *n == "search.js")
            .unwrap()
            .1;
        assert!(!is_earlier_default("static/search.js", current));
        assert!(!is_earlier_default("static/search.js", b"my own search"));
        assert!(!is_earlier_default("static/unknown.js", b""));
    }

    /// Every earlier version of a default theme file in the git history is listed
    /// (run `scripts/theme_history.sh` after changing one). Skipped outside a git
    /// checkout.
    #[test]
    fn every_earlier_default_in_the_history_is_listed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let git = |args: &[&str]| {
            std::process::Command::new("git")
                .current_dir(root)
                .args(args)
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| o.stdout)
        };
        let Some(log) = git(&["log", "--format=%H", "--", "themes/default"]) else {
            eprintln!("skipped: not a git checkout");
            return;
        };
        let defaults: Vec<(String, &[u8])> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, s)| (format!("templates/{n}"), s.as_bytes()))
            .chain(
                DEFAULT_STATIC
                    .iter()
                    .map(|(n, b)| (format!("static/{n}"), *b)),
            )
            .collect();
        for commit in String::from_utf8_lossy(&log).lines() {
            for (rel, current) in &defaults {
                let Some(bytes) = git(&["show", &format!("{commit}:themes/default/{rel}")]) else {
                    continue;
                };
                assert!(
                    bytes == *current || is_earlier_default(rel, &bytes),
                    "themes/default/{rel} of commit {commit} is not in theme_history.rs: run scripts/theme_history.sh"
                );
            }
        }
    }
}
