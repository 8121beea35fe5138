//! Loading and validating the content files under `content/`.
//!
//! Every `*.md` file below `content/` is a report page. Files and folders whose name
//! starts with `.` or `_`, and editor leftovers (`*~`, `*.swp`, `#*#`), are skipped.
//! One bad file gives one error; the others still load.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use crate::geo::gazetteer;
use crate::site::date::ReportDate;
use crate::site::front_matter::{self, FrontMatter};
use crate::site::paths::{MAX_PAGE_PATH_BYTES, bounded_segment};
use crate::site::region::{Region, Regions};
use crate::site::term::term_key;

/// A validated report page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The source file, as found under the content folder (`content/reports/x.md`).
    pub file: PathBuf,
    /// The page's path in the site, relative to the site root, with a trailing
    /// slash: the source folder below `content/` plus the slug (`reports/x/`).
    pub path: String,
    /// How many leading components of `file` name the content folder: the rest is
    /// the [`Page::content_path`] (kept as a count: a million reports' paths are
    /// not kept twice).
    content_depth: u16,
    /// The front matter as written.
    pub front_matter: FrontMatter,
    /// The region: the front matter's (normalised through the region aliases), else
    /// the region of the first country; `None` when neither gives one.
    pub region: Option<Region>,
    /// The countries ([`Page::countries`]) when they differ from the front matter's
    /// as written; `None` when they are the same (as nearly always: no second copy).
    countries: Option<Vec<String>>,
    /// The Markdown body, or where to find it again ([`Page::body`]).
    pub body: Body,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
    /// The file's encoding when it was not UTF-8 and was converted (see
    /// [`crate::text::decode`]): worth a warning.
    pub converted_from: Option<&'static str>,
}

impl Page {
    /// The countries, with known names normalised to their common English short name
    /// (`Burma` -> `Myanmar`); unknown names are kept as written, with spaces tidied.
    /// Each country once (spellings that differ in case, spaces or punctuation only are
    /// one), in the order written.
    pub fn countries(&self) -> &[String] {
        self.countries
            .as_deref()
            .unwrap_or(&self.front_matter.countries)
    }

    /// The file's path below the content folder, `/`-separated, in NFC, without
    /// `.md` (`reports/x`): what a report without `id:` is known by
    /// ([`Page::entry_id`]). Worked out from [`Page::file`] on each call.
    pub fn content_path(&self) -> String {
        path_below(&self.file, self.content_depth)
    }

    /// Hashes what a generated output may show of the report (and its body, when
    /// `body`): every field but where it was read from, named one by one so that a
    /// new field cannot be left out.
    pub fn hash_shown(&self, body: bool, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        let Page {
            file: _,
            content_depth: _,
            path,
            front_matter,
            region,
            countries: _,
            body: text,
            body_line: _,
            converted_from: _,
        } = self;
        // What the two left out give, worked out.
        (
            self.content_path(),
            path,
            front_matter,
            region,
            self.countries(),
        )
            .hash(h);
        if body {
            text.hash(h);
        }
    }

    /// The report's date. Only a draft may have none, and an undated draft is never
    /// built (see `crate::build::BuildOptions::builds`), so every page of a site has
    /// one; an undated page gives the earliest date there is.
    pub fn date(&self) -> ReportDate {
        self.front_matter
            .date
            .unwrap_or(ReportDate::Day(NaiveDate::MIN))
    }

    /// The report's permanent id (Atom's `<id>`) on the site whose host is
    /// `authority` ([`crate::site::ids::authority`]): its front matter's `id:`, else a
    /// `tag:` URI of the host, its day and its [`Page::content_path`]
    /// ([`crate::site::ids::fallback_id`]).
    pub fn entry_id(&self, authority: &str) -> String {
        match &self.front_matter.id {
            Some(id) => id.clone(),
            None => {
                crate::site::ids::fallback_id(authority, self.date().day(), &self.content_path())
            }
        }
    }

    /// A warning to show about the file, if any.
    pub fn warning(&self) -> Option<String> {
        self.converted_from.map(|enc| {
            format!(
                "{}: not UTF-8: read as {enc}; save it as UTF-8",
                self.file.display()
            )
        })
    }
}

/// A report's Markdown body: kept in memory, or left in its file until a page needs
/// it ([`Page::leave_body_in_file`]). A one-off build of a large site leaves bodies in
/// their files (about 4.5 KB a report of the generated corpus: most of a report's
/// memory) and reads each again when its page and its search block are made.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Body {
    /// The text.
    Kept(String),
    /// In the file, as its last `len` bytes once read as [`load_page`] reads it
    /// (decoded, normalised, in NFC), whose XXH3 hash is `hash`.
    InFile {
        /// Length in bytes.
        len: usize,
        /// XXH3-64 of the bytes.
        hash: u64,
    },
}

impl Page {
    /// The Markdown body: borrowed when kept, else read again from the file.
    ///
    /// Errors: the file cannot be read, or no longer ends with the body it had when
    /// it was loaded (it was changed during the build); the message names the file.
    pub fn body(&self) -> Result<Cow<'_, str>> {
        let (len, hash) = match &self.body {
            Body::Kept(text) => return Ok(Cow::Borrowed(text)),
            Body::InFile { len, hash } => (*len, *hash),
        };
        let changed = |why: String| {
            anyhow!(
                "{}: changed while the site was being built{why}: build again",
                self.file.display()
            )
        };
        // It was read once: not reading it now is a change too.
        let bytes = crate::text::read_input(&self.file)
            .map_err(|e| changed(format!(" (it can no longer be read: {e})")))?;
        let text = text_of(&bytes).0;
        let body = text
            .len()
            .checked_sub(len)
            .and_then(|start| text.get(start..))
            .filter(|b| xxhash_rust::xxh3::xxh3_64(b.as_bytes()) == hash)
            .ok_or_else(|| changed(String::new()))?;
        Ok(Cow::Owned(body.to_string()))
    }

    /// The length in bytes of the body kept in memory (0 when left in its file).
    pub fn kept_body_len(&self) -> usize {
        match &self.body {
            Body::Kept(text) => text.len(),
            Body::InFile { .. } => 0,
        }
    }

    /// Frees the body's text, keeping what tells it again ([`Body::InFile`]); later
    /// [`Page::body`] reads the file.
    pub fn leave_body_in_file(&mut self) {
        if let Body::Kept(text) = &self.body {
            self.body = Body::InFile {
                len: text.len(),
                hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            };
        }
    }
}

/// A content file's text as pages read it, from its bytes: decoded, normalised and in
/// NFC (borrowed from the bytes when nothing needed changing, as nearly always), with
/// the encoding it was converted from, if not UTF-8.
fn text_of(bytes: &[u8]) -> (Cow<'_, str>, Option<&'static str>) {
    // Each step gives its input back borrowed when it changed nothing.
    fn then<'a>(text: Cow<'a, str>, step: impl Fn(&str) -> Cow<'_, str>) -> Cow<'a, str> {
        match step(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(changed) => Cow::Owned(changed),
        }
    }
    let decoded = crate::text::decode(bytes);
    let text = then(decoded.text, crate::text::normalise);
    // Canonically equal text is equal text: the body's words (search), and the front
    // matter's names as written (YAML escapes are composed by `parse`).
    (then(text, crate::text::nfc), decoded.converted_from)
}

/// Finds the content files under `content_dir` ([`CONTENT_EXTENSIONS`]), sorted by path.
/// A missing content folder is a site without reports (an empty list).
pub fn find_content_files(content_dir: &Path) -> Result<Vec<PathBuf>> {
    let found = crate::fs::files_below(content_dir, &is_ignored, false)
        .map_err(|e| anyhow!("cannot read `{}`: {e}", content_dir.display()))?;
    let mut files = Vec::new();
    for f in found {
        let markdown = (f.path.extension())
            .is_some_and(|x| CONTENT_EXTENSIONS.iter().any(|e| x.eq_ignore_ascii_case(e)));
        if !markdown {
            continue;
        }
        if !f.is_file {
            bail!("cannot read `{}`: not a file", f.path.display());
        }
        files.push(f.path);
    }
    Ok(files)
}

/// The extensions of content files, in any case (`.md`, and Hugo's other Markdown
/// extensions): other files in `content/` are not reports.
pub const CONTENT_EXTENSIONS: [&str; 3] = ["md", "markdown", "mdown"];

/// Whether a file or folder name is skipped: hidden (`.x`), private (`_x`) or an
/// editor's temporary file (`x~`, `x.swp`, `#x#`, vim's `4913`).
pub fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.starts_with('_')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Loads and validates one content file: its front matter, its countries (in the
/// gazetteer's common form), its region and its URL path.
///
/// Errors: the file cannot be read, its front matter does not parse, it names a
/// region the site does not have, its slug is empty, or its URL path is longer than
/// [`MAX_PAGE_PATH_BYTES`]; each names the file and, where known, the line.
pub fn load_page(file: &Path, content_dir: &Path, regions: &Regions) -> Result<Page> {
    let bytes = crate::text::read_input(file)
        .map_err(|e| anyhow!("{}: cannot read: {e}", file.display()))?;
    let (text, converted_from) = text_of(&bytes);
    let doc = front_matter::parse(&text, file)?;
    let countries = known_countries(&doc.front_matter.countries);
    let region = page_region(&doc.front_matter, &countries, regions, file, &text)?;
    let countries = (countries != doc.front_matter.countries).then_some(countries);
    if let Some(id) = &doc.front_matter.id {
        crate::site::ids::check_id(id)
            .map_err(|why| anyhow!("{}:{}: `id` {why}", file.display(), key_line(&text, "id")))?;
    }
    // A page bundle (`reports/x/index.md`, as in Hugo and Zola) is the page of its
    // folder: `reports/x/`, as `reports/x.md` would be.
    let (named, name) = match file.parent() {
        Some(folder)
            if is_bundle(file)
                && folder
                    .strip_prefix(content_dir)
                    .is_ok_and(|r| r.components().next().is_some()) =>
        {
            (folder, folder.file_name())
        }
        _ => (file, file.file_stem()),
    };
    let name = name.unwrap_or_default().to_string_lossy();
    let slug = page_slug(&doc.front_matter, &name, file, &text)?;
    let path = format!("{}{slug}/", folder_path(named, content_dir));
    if path.len() > MAX_PAGE_PATH_BYTES {
        return Err(anyhow!(
            "{}: its URL path is {} bytes long, more than the {MAX_PAGE_PATH_BYTES} sitrep writes: move it into fewer or shorter folders",
            file.display(),
            path.len()
        ));
    }
    Ok(Page {
        converted_from,
        file: file.to_path_buf(),
        content_depth: content_depth(file, content_dir),
        path,
        region,
        countries,
        body: Body::Kept(doc.body),
        body_line: doc.body_line,
        front_matter: doc.front_matter,
    })
}

/// Whether a content file is a page bundle's: named `index` (`index.md`, in any case).
fn is_bundle(file: &Path) -> bool {
    file.file_stem()
        .is_some_and(|stem| stem.eq_ignore_ascii_case("index"))
}

/// The site folder of a content file: its folders below `content_dir`, each slugified
/// and at most [`crate::site::paths::MAX_SEGMENT_BYTES`] long ([`bounded_segment`]), with a trailing slash
/// (`reports/2025/`; empty for a file directly in `content/`).
fn folder_path(file: &Path, content_dir: &Path) -> String {
    let Some(folders) = file.parent().and_then(|p| p.strip_prefix(content_dir).ok()) else {
        return String::new();
    };
    folders
        .components()
        .map(|c| slug::slugify(crate::text::nfc(&c.as_os_str().to_string_lossy())))
        .filter(|c| !c.is_empty())
        .map(|c| bounded_segment(c) + "/")
        .collect()
}

/// A content file's path below `content_dir`, `/`-separated, in NFC, without `.md`
/// (`reports/x`); the file name alone when it is not below `content_dir`.
pub fn content_path(file: &Path, content_dir: &Path) -> String {
    path_below(file, content_depth(file, content_dir))
}

/// How many leading components of `file` [`content_path`] leaves out: those of
/// `content_dir`, or all but the file name when `file` is not below it.
fn content_depth(file: &Path, content_dir: &Path) -> u16 {
    let all = file.components().count();
    let kept = match file.strip_prefix(content_dir) {
        Ok(rel) => rel.components().count(),
        Err(_) if file.file_name().is_some() => 1,
        Err(_) => all,
    };
    u16::try_from(all - kept).unwrap_or(u16::MAX)
}

/// `file` without its first `depth` components and its extension, its components in
/// NFC, joined with `/`.
fn path_below(file: &Path, depth: u16) -> String {
    let rel: PathBuf = file.components().skip(usize::from(depth)).collect();
    let parts: Vec<String> = (rel.with_extension("").components())
        .map(|c| crate::text::nfc(&c.as_os_str().to_string_lossy()).into_owned())
        .collect();
    parts.join("/")
}

/// The front matter's countries: known names in their common form, others with
/// their spaces tidied; each country once; blank entries dropped.
fn known_countries(given: &[String]) -> Vec<String> {
    let g = gazetteer();
    let mut countries: Vec<String> = Vec::new();
    for c in given {
        let name = g.lookup(c).map_or_else(
            || c.split_whitespace().collect::<Vec<_>>().join(" "),
            |k| k.name.clone(),
        );
        let key = term_key(&name);
        if !key.is_empty() && !countries.iter().any(|k| term_key(k) == key) {
            countries.push(name);
        }
    }
    countries
}

/// The page's region: the front matter's `region:` (which must be one of the site's),
/// else the region of the primary country (the first of `countries`), if any.
fn page_region(
    fm: &FrontMatter,
    countries: &[String],
    regions: &Regions,
    file: &Path,
    text: &str,
) -> Result<Option<Region>> {
    match &fm.region {
        Some(name) => Ok(Some(regions.find(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = regions.all().iter().map(|r| r.name.as_ref()).collect();
            anyhow!(
                "{}:{}: unknown region `{name}` (the site's regions: {})",
                file.display(),
                key_line(text, "region"),
                known.join(", ")
            )
        })?)),
        None => Ok(countries
            .first()
            .and_then(|c| gazetteer().lookup(c))
            .and_then(|c| regions.of_country(&c.region_code))
            .cloned()),
    }
}

/// The last segment of the page's URL: the front matter's `slug:`, else `name` (the
/// content file's name without its extension, or a page bundle's folder name),
/// slugified, and at most [`crate::site::paths::MAX_SEGMENT_BYTES`] long
/// ([`bounded_segment`]: a longer one is cut and ends with a hash of the whole).
/// Errors name `file`.
fn page_slug(fm: &FrontMatter, name: &str, file: &Path, text: &str) -> Result<String> {
    let (s, from_key) = match &fm.slug {
        Some(s) => (slug::slugify(s), true),
        None => (slug::slugify(crate::text::nfc(name)), false),
    };
    match (s.is_empty(), from_key) {
        (false, _) => Ok(bounded_segment(s)),
        (true, true) => Err(anyhow!(
            "{}:{}: `slug` has no letters or digits",
            file.display(),
            key_line(text, "slug")
        )),
        (true, false) => Err(anyhow!(
            "{}: the file name gives an empty URL slug: rename the file or set `slug`",
            file.display()
        )),
    }
}

/// The 1-based line of `key:` in a file's front matter (1 if not found).
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(file: &Path) -> Page {
        let config = crate::site::config::Config::parse("", Path::new("config.yaml")).unwrap();
        let regions = Regions::new(&config.regions).unwrap();
        load_page(file, file.parent().unwrap(), &regions).unwrap()
    }

    #[test]
    fn content_files_are_markdown_by_any_of_its_extensions() {
        let tmp = tempfile::tempdir().unwrap();
        for f in [
            "a.md",
            "b.markdown",
            "c.MD",
            "d.Mdown",
            "e.txt",
            "f.mdx",
            "_g.md",
            "h",
        ] {
            std::fs::write(tmp.path().join(f), "x").unwrap();
        }
        let found: Vec<String> = (find_content_files(tmp.path()).unwrap().iter())
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(found, ["a.md", "b.markdown", "c.MD", "d.Mdown"]);
    }

    #[test]
    fn countries_and_the_content_path_are_as_written_when_nothing_changes_them() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        let config = crate::site::config::Config::parse("", Path::new("config.yaml")).unwrap();
        let regions = Regions::new(&config.regions).unwrap();
        let cases = [
            // As the site names them: the front matter's list is the page's.
            (
                "reports/a.md",
                "[Sudan, Chad]",
                &["Sudan", "Chad"][..],
                false,
            ),
            // Normalised: a list of the page's own.
            (
                "reports/b.md",
                "[Burma, ' Sudan ', sudan]",
                &["Myanmar", "Sudan"][..],
                true,
            ),
            // Blank entries dropped: none left, and not the front matter's.
            ("2025/Ce\u{301}ara.md", "['']", &[][..], true),
        ];
        for (rel, list, countries, own) in cases {
            let file = content.join(rel);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(
                &file,
                format!("---\ntitle: T\ndate: 2025-01-02\ncountries: {list}\n---\nBody.\n"),
            )
            .unwrap();
            let page = load_page(&file, &content, &regions).unwrap();
            assert_eq!(page.countries(), countries, "{rel}");
            assert_eq!(page.countries.is_some(), own, "{rel}");
            assert_eq!(page.content_path(), content_path(&file, &content), "{rel}");
        }
        let page = load_page(&content.join("reports/a.md"), &content, &regions).unwrap();
        assert_eq!(page.content_path(), "reports/a");
        let file = content.join("2025/Ce\u{301}ara.md");
        let page = load_page(&file, &content, &regions).unwrap();
        assert_eq!(page.content_path(), "2025/C\u{e9}ara", "in NFC");
        // A file outside the content folder is known by its name.
        let page = load_page(&file, &tmp.path().join("elsewhere"), &regions).unwrap();
        assert_eq!(page.content_path(), "C\u{e9}ara");
    }

    #[test]
    fn a_body_left_in_its_file_reads_back_the_same_and_tells_a_later_edit() {
        let tmp = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8]); 3] = [
            (
                "plain.md",
                b"---\ntitle: A\ndate: 2025-01-02\n---\n\nFirst.\n\nSecond.\n",
            ),
            // Windows line ends, a decomposed accent (read in NFC), Latin-1 bytes.
            (
                "crlf.md",
                "---\r\ntitle: B\r\ndate: 2025-01-02\r\n---\r\nCo\u{302}te.\r\n".as_bytes(),
            ),
            (
                "latin1.md",
                b"---\ntitle: C\ndate: 2025-01-02\n---\nS\xe3o Tom\xe9, Cura\xe7ao.\n",
            ),
        ];
        for (name, bytes) in cases {
            let file = tmp.path().join(name);
            std::fs::write(&file, bytes).unwrap();
            let kept = load(&file);
            let Body::Kept(text) = &kept.body else {
                panic!("{name}: body not kept")
            };
            let mut lean = kept.clone();
            lean.leave_body_in_file();
            assert!(matches!(lean.body, Body::InFile { len, .. } if len == text.len()));
            assert_eq!(lean.body().unwrap(), text.as_str(), "{name}");
        }
        assert_eq!(load(&tmp.path().join("crlf.md")).body().unwrap(), "Côte.\n");
        // The file edited after it was loaded: the build stops and names it.
        let file = tmp.path().join("plain.md");
        let mut lean = load(&file);
        lean.leave_body_in_file();
        std::fs::write(
            &file,
            "---\ntitle: A\ndate: 2025-01-02\n---\n\nFirst.\n\nThird.\n",
        )
        .unwrap();
        let err = lean.body().unwrap_err().to_string();
        assert!(
            err.contains("plain.md: changed while the site was being built"),
            "{err}"
        );
        std::fs::remove_file(&file).unwrap();
        let err = lean.body().unwrap_err().to_string();
        assert!(
            err.contains(
                "plain.md: changed while the site was being built (it can no longer be read: "
            ),
            "{err}"
        );
    }
}
