//! `sitrep import`: seeds in, front-mattered Markdown files out.
//!
//! [`import_report`] turns one seed's bytes into a report (pure, no I/O);
//! [`import_paths`] walks seed files and folders, writes one Markdown file per report
//! into `content/reports/`, and never overwrites an existing file unless told to.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use walkdir::WalkDir;

use crate::countries::find_countries;
use crate::front_matter::{self, FrontMatter};
use crate::region::Regions;
use crate::seed::{SeedError, parse_seed};
use crate::title::{derive_title, summarise, tidy_headline};

/// The longest slug taken from a title, in bytes (cut on a hyphen).
const MAX_SLUG_LEN: usize = 60;

/// A report made from a seed, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// File name stem: `<date>-<slug of title>` (`2025-07-08-china-is-leveraging-...`).
    pub stem: String,
    /// The front matter.
    pub front_matter: FrontMatter,
    /// The Markdown body: the article's paragraphs, Markdown-escaped, separated by
    /// blank lines.
    pub body: String,
}

impl Imported {
    /// The whole content file.
    pub fn to_markdown(&self) -> String {
        front_matter::to_string(&self.front_matter, &self.body)
    }
}

/// Builds a report from the bytes of the seed named `seed_name` (its file name,
/// recorded as `seed:`): date, source, title, summary, countries (primary first),
/// region (the primary country's, from `regions`) and body.
///
/// Errors: see [`SeedError`]; each names the line.
pub fn import_report(
    seed_name: &str,
    bytes: &[u8],
    regions: &Regions,
) -> Result<Imported, SeedError> {
    let seed = parse_seed(bytes, regions)?;
    let article = seed.article_text();
    let countries = find_countries(&article, seed.date);
    let region = countries
        .first()
        .and_then(|f| regions.of_country(&f.country.region_code))
        .map(|r| r.name.clone());
    let title = match &seed.headline {
        Some(h) => tidy_headline(h),
        None => derive_title(article[0]),
    };
    let summary = summarise(article[0]);
    let body = seed
        .paragraphs
        .iter()
        .map(|p| escape_markdown(&p.text))
        .collect::<Vec<_>>()
        .join("\n\n");
    let stem = format!("{}-{}", seed.date, slug_of(&title));
    Ok(Imported {
        stem,
        front_matter: FrontMatter {
            title,
            date: seed.date,
            source: seed.source,
            region,
            countries: countries.iter().map(|f| f.country.name.clone()).collect(),
            summary: Some(summary),
            seed: Some(seed_name.to_string()),
            slug: None,
            draft: false,
            extra: Default::default(),
        },
        body,
    })
}

/// A URL slug of at most [`MAX_SLUG_LEN`] bytes, cut between words.
pub fn slug_of(title: &str) -> String {
    let slug = slug::slugify(title);
    if slug.len() <= MAX_SLUG_LEN {
        return if slug.is_empty() {
            "report".into()
        } else {
            slug
        };
    }
    let cut = slug[..=MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
    slug[..cut].to_string()
}

/// Escapes text so Markdown renders it literally: inline markup characters
/// (`\ * _ ` < > [ ] ~ & |`... as needed) and line-start markers (`#`, `>`, `- `, `1.`).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '<' | '[' | ']' | '~' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    // Block markers only matter at the start of the paragraph.
    let needs_escape = {
        let t = out.as_str();
        t.starts_with(['#', '>', '+', '-', '=', '|'])
            || t.split_once(['.', ')']).is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
            })
    };
    if needs_escape {
        // `1987. The` would start an ordered list: escape the dot (or paren) instead.
        if out.starts_with(|c: char| c.is_ascii_digit()) {
            let pos = out.find(['.', ')']).unwrap();
            out.insert(pos, '\\');
        } else {
            out.insert(0, '\\');
        }
    }
    out
}

/// What happened to one seed.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new content file was written.
    Created(PathBuf),
    /// The seed changed since it was imported and its report had not been edited
    /// since: the report was rewritten (and renamed, if its title changed).
    Updated(PathBuf),
    /// An existing content file was overwritten (`--force`).
    Overwritten(PathBuf),
    /// The content file already holds exactly what the seed gives.
    Unchanged(PathBuf),
    /// The content file was left alone; the reason says why (edited by hand, or not
    /// written by `sitrep import`).
    Skipped(PathBuf, String),
    /// The seed could not be imported; the message names the file and line.
    Failed(String),
}

/// The result of importing one seed file.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedResult {
    /// The seed file.
    pub seed: PathBuf,
    /// What happened.
    pub outcome: Outcome,
    /// A warning about an imported report (no country found, so no region).
    pub note: Option<String>,
}

/// The file, in the content folder, where import records what it wrote: for each
/// seed (by file name), the report file and the SHA-256 of the bytes written. A
/// report whose bytes still have that hash was not edited since, and may be rewritten
/// when its seed changes; any other existing file is never overwritten without
/// `--force`. The name starts with `.`, so the build and the watcher skip it.
pub const STATE_FILE: &str = ".sitrep-imports.yaml";

/// What import wrote for one seed (see [`STATE_FILE`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Written {
    /// The report file, relative to the content folder (`reports/x.md`).
    pub file: String,
    /// SHA-256 of the bytes written, in hex.
    pub sha256: String,
}

/// The import record of a content folder: seed file name -> what was written.
pub type ImportState = std::collections::BTreeMap<String, Written>;

/// Reads the import record of `content_dir` (empty when there is none).
///
/// Errors: the file exists but cannot be read or parsed.
pub fn load_state(content_dir: &Path) -> Result<ImportState> {
    let path = content_dir.join(STATE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            serde_yaml::from_str(&text).map_err(|e| crate::config::yaml_error(&path, 0, &e))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ImportState::new()),
        Err(e) => Err(e).with_context(|| format!("cannot read `{}`", path.display())),
    }
}

fn save_state(content_dir: &Path, state: &ImportState) -> Result<()> {
    let yaml = serde_yaml::to_string(state)?;
    let text = format!(
        "# Written by `sitrep import`: the report each seed gave, and a hash of it as\n\
         # written, to tell reports edited by hand (never overwritten) from untouched ones.\n{yaml}"
    );
    write_atomically(&content_dir.join(STATE_FILE), text.as_bytes())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Imports seed files and folders (every `*.txt` below a folder, in name order) into
/// `content_dir/reports/`. One bad seed never stops the others: each gets its own
/// [`SeedResult`], in input order.
///
/// A report that exists is only replaced when `force` is given, or when import wrote
/// it and nobody edited it since (see [`STATE_FILE`]) and the seed now gives other
/// bytes. The same seed always gives the same file name and bytes.
///
/// Errors: only when `content_dir/reports` cannot be created or the import record
/// cannot be read or written; a seed path that does not exist is a failed result.
pub fn import_paths(
    paths: &[PathBuf],
    content_dir: &Path,
    force: bool,
    regions: &Regions,
) -> Result<Vec<SeedResult>> {
    let reports = content_dir.join("reports");
    std::fs::create_dir_all(&reports)
        .with_context(|| format!("cannot create `{}`", reports.display()))?;
    let mut state = load_state(content_dir)?;
    let before = state.clone();
    let mut results = Vec::new();
    for seed in seed_files(paths, &mut results) {
        let (outcome, note) = import_one(&seed, content_dir, force, regions, &mut state);
        results.push(SeedResult {
            seed,
            outcome,
            note,
        });
    }
    if state != before {
        save_state(content_dir, &state)?;
    }
    Ok(results)
}

/// Expands folders into their `*.txt` files; paths that cannot be read become
/// failed results.
fn seed_files(paths: &[PathBuf], results: &mut Vec<SeedResult>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in WalkDir::new(path).follow_links(true) {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && e.path().extension().is_some_and(|x| x == "txt")
                            && !crate::content::is_ignored(e.file_name()) =>
                    {
                        found.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => results.push(SeedResult {
                        seed: e.path().unwrap_or(path).to_path_buf(),
                        outcome: Outcome::Failed(e.to_string()),
                        note: None,
                    }),
                }
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// Whether the file at `path` is exactly what import last wrote there.
fn unedited(path: &Path, written: Option<&Written>, rel: &str) -> bool {
    written.is_some_and(|w| {
        w.file == rel && std::fs::read(path).is_ok_and(|b| sha256_hex(&b) == w.sha256)
    })
}

fn import_one(
    seed: &Path,
    content_dir: &Path,
    force: bool,
    regions: &Regions,
    state: &mut ImportState,
) -> (Outcome, Option<String>) {
    let bytes = match std::fs::read(seed) {
        Ok(b) => b,
        Err(e) => {
            return (
                Outcome::Failed(format!("{}: cannot read: {e}", seed.display())),
                None,
            );
        }
    };
    let name = seed
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = match import_report(&name, &bytes, regions) {
        Ok(r) => r,
        Err(e) => {
            let msg = format!("{}:{}: {e}", seed.display(), e.line());
            return (Outcome::Failed(msg), None);
        }
    };
    let note = report
        .front_matter
        .region
        .is_none()
        .then(|| "no country found, so no region: add `region:` by hand".to_string());
    let mut rel = format!("reports/{}.md", report.stem);
    // Another seed already gave this file name: add this seed's name to tell them apart.
    if let Some(other) = seed_of(&content_dir.join(&rel))
        && other != name
    {
        let stem = Path::new(&name)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy();
        rel = format!("reports/{}-{}.md", report.stem, slug::slugify(stem));
    }
    let target = content_dir.join(&rel);
    let markdown = report.to_markdown();
    let new_hash = sha256_hex(markdown.as_bytes());
    let previous = state.get(&name).cloned();

    // The seed gave another file before (its title changed): that file goes, unless
    // someone edited it.
    let mut old_file = None;
    if let Some(prev) = &previous
        && prev.file != rel
    {
        let old = content_dir.join(&prev.file);
        if old.exists() {
            if !force && !unedited(&old, Some(prev), &prev.file) {
                let why = format!(
                    "the seed changed, but its report `{}` was edited by hand (--force replaces it)",
                    old.display()
                );
                return (Outcome::Skipped(old, why), note);
            }
            old_file = Some(old);
        }
    }

    let outcome = if target.exists() {
        let current = std::fs::read(&target).unwrap_or_default();
        if current == markdown.as_bytes() {
            Outcome::Unchanged(target.clone())
        } else if force {
            Outcome::Overwritten(target.clone())
        } else if unedited(&target, previous.as_ref(), &rel) {
            Outcome::Updated(target.clone())
        } else {
            let why = if previous.as_ref().is_some_and(|p| p.file == rel) {
                "edited by hand since it was imported; --force overwrites"
            } else {
                "exists and was not written by this import; --force overwrites"
            };
            return (Outcome::Skipped(target, why.into()), note);
        }
    } else if old_file.is_some() {
        Outcome::Updated(target.clone())
    } else {
        Outcome::Created(target.clone())
    };
    if !matches!(outcome, Outcome::Unchanged(_))
        && let Err(e) = write_atomically(&target, markdown.as_bytes())
    {
        return (
            Outcome::Failed(format!("{}: {e:#}", target.display())),
            note,
        );
    }
    if let Some(old) = old_file
        && let Err(e) = std::fs::remove_file(&old)
    {
        return (
            Outcome::Failed(format!(
                "{}: cannot remove the old report: {e}",
                old.display()
            )),
            note,
        );
    }
    state.insert(
        name,
        Written {
            file: rel,
            sha256: new_hash,
        },
    );
    (outcome, note)
}

/// The `seed:` recorded in an existing content file, if it has one.
fn seed_of(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    front_matter::parse(&text, path).ok()?.front_matter.seed
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename,
/// so a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a file in `{}`", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape_markdown("a *b* _c_ <d> [e]"),
            r"a \*b\* \_c\_ \<d> \[e\]"
        );
        assert_eq!(escape_markdown("1987. The year"), r"1987\. The year");
        assert_eq!(escape_markdown("# not a heading"), r"\# not a heading");
        assert_eq!(escape_markdown("- not a list"), r"\- not a list");
        assert_eq!(
            escape_markdown("Plain text, 100 km."),
            "Plain text, 100 km."
        );
    }

    #[test]
    fn slugs_are_cut_between_words() {
        assert_eq!(slug_of("China’s rare earths"), "china-s-rare-earths");
        let s = slug_of("China is leveraging its near-monopoly on rare-earth processing");
        assert!(s.len() <= MAX_SLUG_LEN && !s.ends_with('-'), "{s}");
        assert_eq!(slug_of("???"), "report");
    }
}
