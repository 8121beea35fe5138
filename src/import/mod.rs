//! `sitrep import`: seeds in, front-mattered Markdown files out.
//!
//! [`import_report`] turns one seed's bytes into a report (pure, no I/O);
//! [`import_paths`] walks seed files and folders, writes one Markdown file per report
//! into `content/reports/`, and never overwrites an existing file unless told to.
//!
//! * [`seed`] reads a seed's layout: its date, outlet, headline, paragraphs, trailer;
//! * [`title`] makes titles and summaries;
//! * [`countries`] finds the countries a report names (with [`crate::geo`]) and its
//!   primary country.

pub mod chrome;
pub mod countries;
pub mod dates;
pub mod seed;
pub mod title;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::fs::write_atomically;
use crate::import::countries::{Found, find_countries};
use crate::import::seed::{Block, BlockKind, DateFrom, Seed, SeedError, parse_seed};
use crate::import::title::{derive_title, summarise, tidy_headline};
use crate::progress::Progress;
use crate::site::date::ReportDate;
use crate::site::front_matter::{self, FrontMatter, Review};
use crate::site::ids::fallback_id;
use crate::site::region::Regions;

/// The longest slug taken from a title, in bytes (cut on a hyphen).
pub const MAX_SLUG_LEN: usize = 60;

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
    /// The seed's encoding when it was not UTF-8 (converted).
    pub converted_from: Option<&'static str>,
    /// The date line's date as written, when it names no real day
    /// (`February 30, 2025`): worth a warning.
    pub invalid_date: Option<String>,
}

impl Imported {
    /// The whole content file.
    pub fn to_markdown(&self) -> String {
        front_matter::to_string(&self.front_matter, &self.body)
    }
}

/// Builds a report from the bytes of the seed named `seed_name` (its file name,
/// recorded as `seed:`): date, source, title, summary, countries (primary first),
/// region (the primary country's, from `regions`), byline and body.
///
/// What it is unsure of is listed in the front matter's `review:`; a report whose
/// date or countries cannot be found at all is a draft (`draft: true`), so that no
/// report is lost and none is published undated or unplaced.
///
/// Errors: the seed holds no text at all ([`SeedError`]).
pub fn import_report(
    seed_name: &str,
    bytes: &[u8],
    regions: &Regions,
) -> Result<Imported, SeedError> {
    let seed = parse_seed(bytes, regions)?;
    let mut review = Vec::new();
    match seed.date_from {
        DateFrom::Guess | DateFrom::None => review.push(Review::Date),
        DateFrom::Metadata | DateFrom::Head | DateFrom::Footer => {}
    }
    let text = inference_text(&seed);
    let text: Vec<&str> = text.iter().map(String::as_str).collect();
    let countries = find_countries(&text, seed.date.unwrap_or(UNDATED));
    let region = countries
        .first()
        .and_then(|f| regions.of_country(&f.country.region_code))
        .map(|r| r.name.to_string());
    if countries.is_empty() {
        review.extend([Review::Countries, Review::Region]);
    } else if close_call(&countries, regions) {
        review.push(Review::Region);
    }
    // The first paragraph (without its dateline), else the first block of any kind.
    let article = seed.article_text();
    let first = seed
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph)
        .or((!article.is_empty()).then_some(0))
        .map_or("", |i| article[i]);
    let title = report_title(&seed, first);
    let summary = match &seed.standfirst {
        Some(s) => summarise(s),
        None => summarise(first),
    };
    let stem = match seed.date {
        Some(d) => format!("{d}-{}", slug_of(&title)),
        None => format!("undated-{}", slug_of(&title)),
    };
    let mut extra = serde_yaml::Mapping::new();
    if let Some(b) = &seed.byline {
        extra.insert("byline".into(), b.clone().into());
    }
    Ok(Imported {
        stem,
        front_matter: FrontMatter {
            title,
            date: seed.date.map(ReportDate::Day),
            source: seed.source.clone(),
            region,
            countries: countries.iter().map(|f| f.country.name.clone()).collect(),
            summary: (!summary.is_empty()).then_some(summary),
            seed: Some(seed_name.to_string()),
            id: None,
            slug: None,
            draft: seed.date.is_none() || countries.is_empty(),
            review,
            trend: None,
            alert: None,
            extra,
        },
        body: body_markdown(&seed.blocks),
        converted_from: seed.converted_from,
        invalid_date: seed.invalid_date.clone(),
    })
}

/// The date names of an undated page are read as of (`Moscow` is Russia's capital).
const UNDATED: NaiveDate = NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date");

/// The text countries are looked for in: the headline and standfirst (they often say
/// best where events are: `FIGHTING ESCALATES IN SUDAN`) as part of the lead, then
/// the article without its dateline.
fn inference_text(seed: &Seed) -> Vec<String> {
    let mut text: Vec<String> = seed.article_text().iter().map(|s| s.to_string()).collect();
    let head: Vec<&str> = [seed.headline.as_deref(), seed.standfirst.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !head.is_empty() {
        let lead = text.first().cloned().unwrap_or_default();
        let joined = format!("{}. {lead}", head.join(". "));
        match text.first_mut() {
            Some(first) => *first = joined,
            None => text.push(joined),
        }
    }
    text
}

/// Whether the primary country was a close call between countries of different
/// regions: the runner-up scores at least 85% of the primary's.
fn close_call(found: &[Found], regions: &Regions) -> bool {
    let [first, second, ..] = found else {
        return false;
    };
    let region = |f: &Found| regions.of_country(&f.country.region_code).map(|r| &r.name);
    second.score >= 0.85 * first.score && region(first) != region(second)
}

/// The report's title: the page's own headline, tidied; else one derived from the
/// first paragraph; else `Report of <date>`.
fn report_title(seed: &Seed, first_paragraph: &str) -> String {
    let title = match &seed.headline {
        Some(h) => tidy_headline(h),
        None => derive_title(first_paragraph),
    };
    if title.chars().any(char::is_alphanumeric) {
        return title;
    }
    // Nothing to make a headline of (a paragraph of punctuation, no text at all).
    match seed.date {
        Some(d) => format!("Report of {}", d.format("%-d %B %Y")),
        None => "Undated report".to_string(),
    }
}

/// The article as Markdown: paragraphs escaped, headings as `##`, list items as `-`
/// (consecutive items in one list), blocks separated by blank lines.
fn body_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous = None;
    for b in blocks {
        let text = escape_markdown(&b.text);
        let sep = match (previous, b.kind) {
            (None, _) => "",
            (Some(BlockKind::ListItem), BlockKind::ListItem) => "\n",
            _ => "\n\n",
        };
        out.push_str(sep);
        match b.kind {
            BlockKind::Paragraph => out.push_str(&text),
            BlockKind::Heading => {
                out.push_str("## ");
                out.push_str(&text);
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&text);
            }
        }
        previous = Some(b.kind);
    }
    out
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
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        let chars = b"\\`*_<[]~&";
        while i < chars.len() {
            t[chars[i] as usize] = true;
            i += 1;
        }
        t
    };
    let mut out = String::with_capacity(text.len() + 8);
    if !text.bytes().any(|b| SPECIAL[b as usize]) {
        out.push_str(text);
    } else {
        for c in text.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '<' | '[' | ']' | '~' | '&') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    // Block markers only matter at the start of the paragraph.
    let needs_escape = {
        let t = out.as_str();
        // `1987.`, `3)`: one to nine digits before the first dot or parenthesis.
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        t.starts_with(['#', '>', '+', '-', '=', '|'])
            || ((1..=9).contains(&digits) && t[digits..].starts_with(['.', ')']))
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
    /// Warnings about an imported report (not UTF-8; no date or country found, so a
    /// draft; what to review).
    pub note: Option<String>,
    /// The report was imported as a draft (no date or no country found).
    pub draft: bool,
}

/// The file, in the content folder, where import records what it wrote: for each
/// seed (by file name), the report file, the SHA-256 of the bytes written and where
/// the seed was (see [`Written`]). A
/// report whose bytes still have that hash was not edited since, and may be rewritten
/// when its seed changes; any other existing file is never overwritten without
/// `--force`. The name starts with `.`, so the build and the watcher skip it.
pub const STATE_FILE: &str = ".sitrep-imports.yaml";

/// The folder, in the content folder, where `import --force` keeps a copy of each
/// report it replaces that was edited by hand (`<BACKUP_DIR>/<date-time>/reports/x.md`).
/// Hidden, so the build and the watcher skip it.
pub const BACKUP_DIR: &str = ".sitrep-backup";

/// What import wrote for one seed (see [`STATE_FILE`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Written {
    /// The report file, relative to the content folder (`reports/x.md`).
    pub file: String,
    /// SHA-256 of the bytes written, in hex.
    pub sha256: String,
    /// Where the seed file was: relative to the site folder when inside it, else
    /// absolute. Tells a changed seed (the same file) from another seed with the same
    /// file name. Records written before sitrep kept it have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PathBuf>,
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
            serde_yaml::from_str(&text).map_err(|e| crate::site::config::yaml_error(&path, 0, &e))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ImportState::new()),
        Err(e) => Err(e).with_context(|| format!("cannot read `{}`", path.display())),
    }
}

fn save_state(content_dir: &Path, state: &ImportState) -> Result<()> {
    let yaml = serde_yaml::to_string(state)?;
    let text = format!(
        "# Written by `sitrep import`: the report each seed gave, and a hash of it as\n\
         # written, to tell reports edited by hand (never overwritten) from untouched ones,\n\
         # and where the seed was, to tell a changed seed from another of the same name.\n{yaml}"
    );
    write_atomically(&content_dir.join(STATE_FILE), text.as_bytes())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(2 * digest.len());
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// Imports seed files and folders (every `*.txt` below a folder, in name order) into
/// `content_dir/reports/`. One bad seed never stops the others: each gets its own
/// [`SeedResult`], in input order. `progress` hears of each seed read.
///
/// A report that exists is only replaced when `force` is given, or when import wrote
/// it and nobody edited it since (see [`STATE_FILE`]) and the seed now gives other
/// bytes. The same seed always gives the same file name and bytes. A seed file with
/// the name of one imported before from elsewhere ([`Written::from`]) fails when its
/// report would be another file: the earlier seed's report is kept.
///
/// Errors: only when `content_dir/reports` cannot be created or the import record
/// cannot be read or written; a seed path that does not exist is a failed result.
pub fn import_paths(
    paths: &[PathBuf],
    content_dir: &Path,
    force: bool,
    regions: &Regions,
    authority: &str,
    progress: &dyn Progress,
) -> Result<Vec<SeedResult>> {
    let reports = content_dir.join("reports");
    std::fs::create_dir_all(&reports)
        .with_context(|| format!("cannot create `{}`", reports.display()))?;
    let backups = content_dir
        .join(BACKUP_DIR)
        .join(chrono::Local::now().format("%Y%m%d-%H%M%S").to_string());
    let mut results = Vec::new();
    let seeds = seed_files(paths, &mut results);
    progress.start(seeds.len(), "importing");
    // Reading and parsing, the costly part, in parallel; placing the files in input
    // order, so that names (and name clashes) do not depend on timing. In chunks, so
    // that memory stays bounded however many seeds there are, and the next chunk is
    // read while the last one is written.
    let prepare_chunk = |chunk: &[PathBuf]| -> Vec<Result<Prepared, String>> {
        chunk
            .par_iter()
            .map(|seed| {
                progress.tick();
                prepare(seed, regions)
            })
            .collect()
    };
    let mut chunks = seeds.chunks(512);
    let first = chunks.next();
    // The import record (a line or three per seed imported before) is read, and the
    // gazetteer's tables built, while the first chunk is read (and the patterns it
    // needs compiled).
    let (state, mut current) = rayon::join(
        || {
            crate::geo::build_tables();
            load_state(content_dir)
        },
        || first.map(|c| (c, prepare_chunk(c))),
    );
    let mut state = state?;
    let before = state.clone();
    let mut placing = Placing {
        content_dir,
        authority,
        force,
        backups: &backups,
        state: &mut state,
        names: Default::default(),
        results: &mut results,
        root: content_dir.parent().and_then(|r| r.canonicalize().ok()),
        folders: Default::default(),
    };
    while let Some((chunk, prepared)) = current {
        let next = chunks.next();
        let (next_prepared, ()) = rayon::join(
            || next.map(|c| (c, prepare_chunk(c))),
            || placing.place_chunk(chunk, prepared),
        );
        current = next_prepared;
    }
    progress.finish();
    if state != before {
        save_state(content_dir, &state)?;
    }
    Ok(results)
}

/// Where prepared reports are written, and what has been written so far.
struct Placing<'a> {
    content_dir: &'a Path,
    /// The site's host, which the ids of new reports are made of
    /// ([`crate::site::ids::authority`]).
    authority: &'a str,
    force: bool,
    backups: &'a Path,
    state: &'a mut ImportState,
    /// Seeds are told apart by file name (`seed:` records it), so two seeds with the
    /// same name in one import would take each other's report.
    names: std::collections::HashMap<std::ffi::OsString, PathBuf>,
    results: &'a mut Vec<SeedResult>,
    /// The site folder (the content folder's parent), resolved once for
    /// [`Placing::seed_location`].
    root: Option<PathBuf>,
    /// The seeds' folders, each resolved once (`None`: it cannot be).
    folders: std::collections::HashMap<PathBuf, Option<PathBuf>>,
}

impl Placing<'_> {
    /// Writes a chunk of prepared reports, in order, recording a result for each.
    fn place_chunk(&mut self, chunk: &[PathBuf], prepared: Vec<Result<Prepared, String>>) {
        for (seed, prepared) in chunk.iter().cloned().zip(prepared) {
            let name = seed.file_name().unwrap_or_default().to_os_string();
            if let Some(first) = self.names.get(&name)
                && *first != seed
            {
                let msg = format!(
                    "{}: has the same file name as `{}`, imported just before; seeds are told apart by file name, so rename one",
                    seed.display(),
                    first.display()
                );
                self.results.push(SeedResult {
                    seed,
                    outcome: Outcome::Failed(msg),
                    note: None,
                    draft: false,
                });
                continue;
            }
            self.names.insert(name, seed.clone());
            let (outcome, note, draft) = match prepared {
                Ok(p) => {
                    let draft = p.report.front_matter.draft;
                    let from = self.seed_location(&seed);
                    let (outcome, note) = place(
                        p,
                        (&seed, from),
                        (self.content_dir, self.authority),
                        self.force,
                        self.state,
                        self.backups,
                    );
                    (outcome, note, draft)
                }
                Err(msg) => (Outcome::Failed(msg), None, false),
            };
            self.results.push(SeedResult {
                seed,
                outcome,
                note,
                draft,
            });
        }
    }
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
                            && e.path()
                                .extension()
                                .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
                            && !crate::site::content::is_ignored(e.file_name()) =>
                    {
                        found.push(e.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => results.push(SeedResult {
                        seed: e.path().unwrap_or(path).to_path_buf(),
                        outcome: Outcome::Failed(e.to_string()),
                        note: None,
                        draft: false,
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

/// Copies the content file `rel` into the backup folder `backups`, under the same
/// relative path.
fn back_up(content_dir: &Path, rel: &str, backups: &Path) -> Result<()> {
    let to = backups.join(rel);
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create `{}`", parent.display()))?;
    }
    std::fs::copy(content_dir.join(rel), &to)
        .with_context(|| format!("cannot back up `{}` to `{}`", rel, to.display()))?;
    Ok(())
}

/// A seed read and turned into a report, not yet written.
struct Prepared {
    /// The seed's file name.
    name: String,
    report: Imported,
}

/// Reads a seed and makes its report. Errors: the message for a failed result.
fn prepare(seed: &Path, regions: &Regions) -> Result<Prepared, String> {
    let bytes = crate::text::read_input(seed)
        .map_err(|e| format!("{}: cannot read: {e}", seed.display()))?;
    let name = seed
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = import_report(&name, &bytes, regions)
        .map_err(|e| format!("{}:{}: {e}", seed.display(), e.line()))?;
    Ok(Prepared { name, report })
}

impl Placing<'_> {
    /// Where a seed file is, as [`Written::from`] records it: relative to the site
    /// folder (the content folder's parent, resolved) when inside it, else absolute;
    /// as given when it cannot be resolved.
    fn seed_location(&mut self, seed: &Path) -> PathBuf {
        let Some(resolved) = self.resolve(seed).or_else(|| seed.canonicalize().ok()) else {
            return seed.to_path_buf();
        };
        self.root
            .as_deref()
            .and_then(|root| resolved.strip_prefix(root).ok().map(Path::to_path_buf))
            .unwrap_or(resolved)
    }

    /// `seed` resolved (as [`Path::canonicalize`] does) through its folder, resolved
    /// once for all the seeds in it: for a file that is no symbolic link, that folder
    /// and its name. `None` for any other path.
    fn resolve(&mut self, seed: &Path) -> Option<PathBuf> {
        let Some(std::path::Component::Normal(name)) = seed.components().next_back() else {
            return None;
        };
        if std::fs::symlink_metadata(seed)
            .ok()?
            .file_type()
            .is_symlink()
        {
            return None;
        }
        let folder = match seed.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let resolved = self
            .folders
            .entry(folder.to_path_buf())
            .or_insert_with(|| folder.canonicalize().ok());
        Some(resolved.as_ref()?.join(name))
    }
}

/// Writes a prepared report where it belongs, by the rules of [`import_paths`]; `seed`
/// is the seed file and where it is (see [`seed_location`]).
fn place(
    prepared: Prepared,
    (seed, from): (&Path, PathBuf),
    (content_dir, authority): (&Path, &str),
    force: bool,
    state: &mut ImportState,
    backups: &Path,
) -> (Outcome, Option<String>) {
    let Prepared { name, mut report } = prepared;
    let note = import_note(&report);
    let rel = report_file(&report.stem, &name, content_dir, state.get(&name));
    let previous = state.get(&name).cloned();
    let id = report_id(&report, (content_dir, authority), &rel, previous.as_ref());
    report.front_matter.id = Some(id);
    let markdown = report.to_markdown();
    // A report a build could not read would stop every build of the site.
    if let Some(why) = crate::text::over_read_limit(markdown.len() as u64) {
        let msg = format!(
            "{}: its report would be {why}: split the seed",
            seed.display()
        );
        return (Outcome::Failed(msg), note);
    }
    let target = Target {
        content_dir,
        rel: &rel,
        previous: previous.as_ref(),
    };
    let placement = match target.plan(seed, &from, &markdown, force) {
        Ok(p) => p,
        Err(outcome) => return (outcome, note),
    };
    let note = match target.keep_copies(&placement, backups) {
        Ok(true) => {
            let kept = format!("a copy of the old file is in `{}`", backups.display());
            Some(note.map_or(kept.clone(), |n| format!("{n}; {kept}")))
        }
        Ok(false) => note,
        Err(e) => return (Outcome::Failed(format!("{e:#}")), note),
    };
    if let Err(msg) = target.write(&placement, &markdown) {
        return (Outcome::Failed(msg), note);
    }
    let written = Written {
        file: rel.clone(),
        sha256: sha256_hex(markdown.as_bytes()),
        from: Some(from),
    };
    state.insert(name, written);
    (placement.outcome, note)
}

/// The permanent id of the report going to `rel` (see [`crate::site::ids`]): the id
/// of the report its seed gave before (its `id:`, else the id it was known by,
/// [`Page::entry_id`](crate::site::content::Page::entry_id)), else of the file at `rel`,
/// else a new one: `tag:<authority>,<the report's day, or today>:<rel without .md>`.
fn report_id(
    report: &Imported,
    (content_dir, authority): (&Path, &str),
    rel: &str,
    previous: Option<&Written>,
) -> String {
    let existing = |file: &str| -> Option<String> {
        let path = content_dir.join(file);
        let text = std::fs::read_to_string(&path).ok()?;
        let fm = front_matter::parse(&text, &path).ok()?.front_matter;
        let path = crate::site::content::content_path(&path, content_dir);
        fm.id
            .or_else(|| Some(fallback_id(authority, fm.date?.day(), &path)))
    };
    // (The file at `rel` is read once, when it is the one the seed gave before.)
    previous
        .and_then(|p| existing(&p.file))
        .or_else(|| {
            previous
                .is_none_or(|p| p.file != rel)
                .then(|| existing(rel))?
        })
        .unwrap_or_else(|| {
            let day = report
                .front_matter
                .date
                .map_or_else(|| chrono::Local::now().date_naive(), |d| d.day());
            let path = rel.strip_suffix(".md").unwrap_or(rel);
            fallback_id(authority, day, path)
        })
}

/// What to tell about an imported report: converted from another encoding, an
/// impossible date, why it is a draft, what to review.
fn import_note(report: &Imported) -> Option<String> {
    let fm = &report.front_matter;
    let mut notes = Vec::new();
    if let Some(enc) = report.converted_from {
        notes.push(format!("not UTF-8: read as {enc}"));
    }
    if let Some(d) = &report.invalid_date {
        notes.push(format!("`{d}` is not a valid date"));
    }
    if fm.date.is_none() {
        notes.push("no date found: a draft until an editor dates it".to_string());
    }
    if fm.countries.is_empty() {
        notes.push(
            "no country found: a draft until an editor adds `countries:` or `region:`".to_string(),
        );
    }
    let review: Vec<&str> = fm
        .review
        .iter()
        .filter(|r| match r {
            Review::Date => fm.date.is_some(),
            Review::Countries | Review::Region => !fm.countries.is_empty(),
            Review::Title => true,
        })
        .map(|r| r.name())
        .collect();
    if !review.is_empty() {
        notes.push(format!("to review: {}", review.join(", ")));
    }
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// Where one seed's report goes: `rel` in `content_dir`, and what the import record
/// says the seed gave before.
struct Target<'a> {
    content_dir: &'a Path,
    rel: &'a str,
    previous: Option<&'a Written>,
}

/// What placing a report will do.
struct Placement {
    /// Created, updated, overwritten or unchanged.
    outcome: Outcome,
    /// The report the seed gave before under another name, to remove.
    old_file: Option<PathBuf>,
}

impl Target<'_> {
    fn path(&self) -> PathBuf {
        self.content_dir.join(self.rel)
    }

    /// Decides what placing `markdown` (from `seed`, found at `from`) does, or the
    /// outcome that stops it: failed (another seed of that name owns the report) or
    /// skipped (someone edited the file, and `force` is not given).
    fn plan(
        &self,
        seed: &Path,
        from: &Path,
        markdown: &str,
        force: bool,
    ) -> Result<Placement, Outcome> {
        let (content_dir, rel, previous) = (self.content_dir, self.rel, self.previous);
        // Another seed file with the same name, giving another report: it would take
        // the report of the seed imported before, and that report would be lost.
        if let Some(prev) = previous
            && prev.file != rel
            && let Some(prev_from) = prev.from.as_ref().filter(|p| **p != from)
        {
            return Err(Outcome::Failed(format!(
                "{}: has the same file name as `{}`, whose report is `{}`; seeds are told apart by file name, so rename this one",
                seed.display(),
                prev_from.display(),
                content_dir.join(&prev.file).display()
            )));
        }
        // The seed gave another file before (its title changed): that file goes,
        // unless someone edited it.
        let mut old_file = None;
        if let Some(prev) = previous
            && prev.file != rel
        {
            let old = content_dir.join(&prev.file);
            if old.exists() {
                if !force && !unedited(&old, Some(prev), &prev.file) {
                    let why = format!(
                        "the seed changed, but its report `{}` was edited by hand (--force replaces it)",
                        old.display()
                    );
                    return Err(Outcome::Skipped(old, why));
                }
                old_file = Some(old);
            }
        }
        let target = self.path();
        let outcome = if target.exists() {
            let current = std::fs::read(&target).unwrap_or_default();
            if current == markdown.as_bytes() {
                Outcome::Unchanged(target)
            } else if force {
                Outcome::Overwritten(target)
            } else if unedited(&target, previous, rel) {
                Outcome::Updated(target)
            } else {
                let why = if previous.is_some_and(|p| p.file == rel) {
                    "edited by hand since it was imported; --force overwrites"
                } else {
                    "exists and was not written by this import; --force overwrites"
                };
                return Err(Outcome::Skipped(target, why.into()));
            }
        } else if old_file.is_some() {
            Outcome::Updated(target)
        } else {
            Outcome::Created(target)
        };
        Ok(Placement { outcome, old_file })
    }

    /// `--force` replaces a report someone may have edited: keeps a copy of each
    /// such file in `backups` first. Returns whether any copy was made.
    fn keep_copies(&self, placement: &Placement, backups: &Path) -> Result<bool> {
        let mut to_back_up = Vec::new();
        if matches!(placement.outcome, Outcome::Overwritten(_))
            && !unedited(&self.path(), self.previous, self.rel)
        {
            to_back_up.push(self.rel.to_string());
        }
        if let (Some(old), Some(prev)) = (&placement.old_file, self.previous)
            && !unedited(old, Some(prev), &prev.file)
        {
            to_back_up.push(prev.file.clone());
        }
        for r in &to_back_up {
            back_up(self.content_dir, r, backups)?;
        }
        Ok(!to_back_up.is_empty())
    }

    /// Writes the report (unless unchanged) and removes the one it replaces.
    ///
    /// Errors: the message for a failed outcome, naming the file.
    fn write(&self, placement: &Placement, markdown: &str) -> Result<(), String> {
        let target = self.path();
        if !matches!(placement.outcome, Outcome::Unchanged(_)) {
            write_atomically(&target, markdown.as_bytes())
                .map_err(|e| format!("{}: {e:#}", target.display()))?;
        }
        if let Some(old) = &placement.old_file {
            std::fs::remove_file(old)
                .map_err(|e| format!("{}: cannot remove the old report: {e}", old.display()))?;
        }
        Ok(())
    }
}

/// The file (relative to the content folder) for the report `stem` from the seed
/// `name`: `reports/<stem>.md`, or, when another seed's report (or a file that is not
/// an imported report) has that name, `reports/<stem>-<seed>.md` (then `-2`, `-3`...).
/// A seed keeps the name it got before, so the same seed always gives the same file.
fn report_file(stem: &str, name: &str, content_dir: &Path, previous: Option<&Written>) -> String {
    // Bounded, as every segment sitrep makes from a name: a long seed name must not
    // make a file name the file system refuses.
    let seed_slug = crate::site::paths::bounded_segment(slug::slugify(
        Path::new(name)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy(),
    ));
    let seed_slug = if seed_slug.is_empty() {
        "seed".to_string()
    } else {
        seed_slug
    };
    let candidate = |k: usize| match k {
        0 => format!("reports/{stem}.md"),
        1 => format!("reports/{stem}-{seed_slug}.md"),
        k => format!("reports/{stem}-{seed_slug}-{k}.md"),
    };
    if let Some(prev) = previous
        && (prev.file == candidate(0)
            || prev
                .file
                .starts_with(&format!("reports/{stem}-{seed_slug}")))
    {
        return prev.file.clone();
    }
    (0..)
        .map(candidate)
        .find(|rel| {
            let path = content_dir.join(rel);
            !path.exists() || seed_of(&path).as_deref() == Some(name)
        })
        .expect("some name is free")
}

/// The `seed:` recorded in an existing content file, if it parses and has one.
fn seed_of(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    front_matter::parse(&text, path).ok()?.front_matter.seed
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

    #[test]
    fn a_long_seed_name_gives_a_file_name_the_file_system_takes() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("reports")).unwrap();
        // Another seed's report has the name: this one's takes the seed's name too.
        std::fs::write(
            tmp.path().join("reports/2025-07-08-talks.md"),
            "---\ntitle: T\ndate: 2025-07-08\nseed: other.txt\n---\n",
        )
        .unwrap();
        let seed = format!("{}.txt", "中華人民共和國".repeat(11));
        let file = report_file("2025-07-08-talks", &seed, tmp.path(), None);
        let name = Path::new(&file)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(name.starts_with("2025-07-08-talks-zhong-hua"), "{name}");
        assert!(name.len() <= 255, "{} bytes: {name}", name.len());
        std::fs::write(tmp.path().join(&file), "x").unwrap();
    }
}
