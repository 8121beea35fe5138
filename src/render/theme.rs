//! The built-in default theme (templates and static files compiled into the binary),
//! and the layers that override it file by file: `themes/<theme>/` and the site's own
//! `templates/` and `static/`.

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

/// Loads the templates: defaults, then `theme_dir/templates/`, then
/// `site_templates/` (each may be missing).
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
    for dir in [theme_dir.join("templates"), site_templates.to_path_buf()] {
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
/// `theme_dir/static/`, then the site's `static/` (later ones override earlier ones).
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
    for dir in [theme_dir.join("static"), site_static.to_path_buf()] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).follow_links(true) {
            let entry = entry.with_context(|| format!("cannot read `{}`", dir.display()))?;
            if entry.file_type().is_file() && !is_ignored(entry.file_name()) {
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                files.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    Source::File(entry.into_path()),
                );
            }
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
