//! The site configuration, read from `config.yaml` at the site root.
//!
//! Every key is optional; a missing file gives [`Config::default`]. Unknown keys are an
//! error (a typo in `config.yaml` should not be silently ignored), reported with the
//! file, line and column.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::site::region::RegionConfig;

/// The file name of the site configuration, relative to the site root.
pub const CONFIG_FILE: &str = "config.yaml";

/// The whole site configuration (`config.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Site title, shown in the header of every page and in `<title>`.
    pub title: String,
    /// One-sentence description of the site, used on the home page and in `<meta>`.
    pub description: String,
    /// The public URL the site is deployed at, with a trailing slash
    /// (e.g. `https://example.org/sitrep/`). Used for canonical links only: every link
    /// between pages is written relative, so the site also works from a sub-folder or
    /// straight from disk.
    pub base_url: String,
    /// Language of the content, as a BCP 47 tag, written into `<html lang>`.
    pub language: String,
    /// Name of the theme folder under `themes/`.
    pub theme: String,
    /// How many reports an index page (home, region, month, country) lists before
    /// continuing on `page/2/`, `page/3/`...; `0` lists all on one page.
    pub paginate_by: usize,
    /// How many of the newest reports the home page lists when `paginate_by` is `0`.
    pub home_reports: usize,
    /// The author named in the Atom feeds; the site title when absent.
    pub author: Option<String>,
    /// How many of the newest reports each Atom feed holds; `0` for all of them
    /// (see [`Config::feed_len`]).
    pub feed_limit: usize,
    /// The regions reports are grouped by, in display order. Defaults to the five
    /// regions of [`crate::site::region::default_regions`].
    pub regions: Vec<RegionConfig>,
    /// `reports.json` (every report in one file) is written while the site has at
    /// most this many reports; larger sites export by month only (`data/`). `0`
    /// writes it whatever the size.
    pub reports_json_limit: usize,
    /// Keep raw HTML in reports' Markdown as written (`true`), or sanitise it
    /// (`false`, the default): see [`crate::render::markdown::RawHtml`].
    pub allow_raw_html: bool,
    /// Free-form values passed to templates as `config.extra`.
    pub extra: serde_yaml::Mapping,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Sitrep".into(),
            description: "Situation reports".into(),
            base_url: DEFAULT_BASE_URL.into(),
            language: "en".into(),
            theme: "default".into(),
            paginate_by: 20,
            home_reports: 20,
            author: None,
            feed_limit: 20,
            regions: crate::site::region::default_regions(),
            reports_json_limit: 10_000,
            allow_raw_html: false,
            extra: serde_yaml::Mapping::new(),
        }
    }
}

impl Config {
    /// How many of the newest reports each Atom feed holds: `feed_limit`, or every
    /// report when it is `0`.
    pub fn feed_len(&self) -> usize {
        match self.feed_limit {
            0 => usize::MAX,
            n => n,
        }
    }

    /// Reads `config.yaml` from `root`; a missing file gives the defaults.
    ///
    /// Errors: the file cannot be read, is not valid YAML, has an unknown key or a
    /// `theme` that is not a folder inside `themes/`, or
    /// defines regions that do not validate (see [`crate::site::region::Regions::new`]).
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        Self::parse(&text, &path)
    }

    /// Parses the text of a `config.yaml`; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let mut config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| yaml_error(path, 0, &e))?
        };
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        check_base_url(&config.base_url).map_err(|why| {
            anyhow::anyhow!(
                "{}: `base_url: {}` {why}: write the site's public address, e.g. `https://example.org/` or `https://example.org/reports/`",
                path.display(),
                config.base_url
            )
        })?;
        let theme = Path::new(&config.theme);
        if config.theme.is_empty()
            || !theme
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        {
            let line = (text.lines())
                .position(|l| l.trim_start().starts_with("theme:"))
                .map_or(1, |i| i + 1);
            anyhow::bail!(
                "{}:{line}: `theme: {}` is not a folder inside `themes/`: write the name of one (`default`, or a copy of it such as `newsroom`); sitrep reads themes only there, and sees their changes only there",
                path.display(),
                config.theme
            );
        }
        for s in [&mut config.title, &mut config.description] {
            crate::text::strip_unpublishable(s);
        }
        config.compose_names();
        crate::site::region::Regions::new(&config.regions)
            .with_context(|| format!("invalid `regions` in `{}`", path.display()))?;
        Ok(config)
    }

    /// Puts the names the configuration gives (title, author, regions with their
    /// slugs and aliases, `extra`) in Unicode NFC ([`crate::text::nfc`]), as content
    /// is, so that a region written decomposed here and composed in a report is one.
    fn compose_names(&mut self) {
        use crate::text::to_nfc;
        to_nfc(&mut self.title);
        to_nfc(&mut self.description);
        self.author.iter_mut().for_each(to_nfc);
        for r in &mut self.regions {
            to_nfc(&mut r.name);
            r.slug.iter_mut().for_each(to_nfc);
            r.aliases.iter_mut().for_each(to_nfc);
        }
        crate::text::to_nfc_mapping(&mut self.extra);
    }

    /// The theme folder for `root`: `root/themes/<theme>`.
    pub fn theme_dir(&self, root: &Path) -> PathBuf {
        root.join("themes").join(&self.theme)
    }
}

/// The address sitrep uses when `config.yaml` gives none (a warning says so).
pub const DEFAULT_BASE_URL: &str = "http://localhost/";

/// Checks a `base_url` (with its trailing slash): an absolute `http` or `https` URL
/// with a host, and no query, fragment or space. Errors: why not.
fn check_base_url(url: &str) -> std::result::Result<(), &'static str> {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Err("is not an absolute http(s) address");
    };
    if rest.starts_with('/') || rest.split('/').next().is_none_or(str::is_empty) {
        return Err("has no host");
    }
    if url.contains(['?', '#']) || url.chars().any(char::is_whitespace) {
        return Err("may not hold a query, a fragment or spaces");
    }
    Ok(())
}

/// Turns a serde_yaml error into one naming `path`, line and column. `line_offset` is
/// the number of lines before the YAML text in the file (front matter starts after `---`).
pub fn yaml_error(path: &Path, line_offset: usize, e: &serde_yaml::Error) -> anyhow::Error {
    match e.location() {
        Some(loc) => {
            // serde_yaml appends " at line X column Y" to its message; drop it, we say it.
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            anyhow::anyhow!(
                "{}:{}:{}: {}",
                path.display(),
                loc.line() + line_offset,
                loc.column(),
                msg
            )
        }
        None => anyhow::anyhow!("{}: {}", path.display(), e),
    }
}
