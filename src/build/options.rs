//! What a build is asked to do: where it reads and writes ([`BuildOptions`]), and the
//! checks that those folders make sense before anything is read or written.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use crate::fs::normalise;
use crate::site::config::CONFIG_FILE;
use crate::site::content::Page;

/// Where a build reads and writes.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holds `config.yaml`, `content/`, `themes/`, `templates/`, `static/`).
    pub root: PathBuf,
    /// The output folder; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Also build pages marked `draft: true`.
    pub drafts: bool,
    /// Build into an output folder sitrep did not write (its files are kept).
    pub force: bool,
    /// A `base_url` in place of the configuration's: the preview's own address under
    /// `sitrep serve`, so that absolute links (the 404 page, canonical links, feeds,
    /// sitemap) stay in the preview. `None`: the configured one.
    pub base_url: Option<String>,
    /// Trust nothing of the build cache (`sitrep build --no-cache`): build and write
    /// every file, then write the cache anew.
    pub no_cache: bool,
}

impl BuildOptions {
    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }

    /// The content folder.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// Whether a valid page is built: drafts only with `--drafts`, and never a draft
    /// without a date (it has no place in the site's months and feeds until an editor
    /// dates it).
    pub fn builds(&self, page: &Page) -> bool {
        (!page.front_matter.draft || self.drafts) && page.front_matter.date.is_some()
    }
}

/// Fails with a message if `output` is the site folder, one of its parents, or a
/// folder sitrep reads from: building there would replace the site itself.
pub fn check_output(opts: &BuildOptions) -> Result<()> {
    // Symbolic links are followed where they exist: a link into `content/` is inside it.
    let canon = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p).map(|p| normalise(&p)))
    };
    let out = canon(&opts.output_dir())?;
    let root = canon(&opts.root)?;
    if root.starts_with(&out) {
        bail!(
            "the output folder `{}` holds the site itself: choose another --output",
            opts.output_dir().display()
        );
    }
    for dir in ["content", "templates", "themes", "static"] {
        if out.starts_with(root.join(dir)) {
            return Err(anyhow!(
                "the output folder `{}` is inside `{dir}/`, which sitrep reads: choose another --output",
                opts.output_dir().display()
            ));
        }
    }
    Ok(())
}

/// Checks that `root` is a site folder: it has a configuration file or a content
/// folder (one without the other is a site with defaults, or with no reports yet).
///
/// Errors: `root` has neither (a mistyped `--root`, or the wrong folder), so that no
/// empty site is built there.
pub fn check_site(root: &Path) -> Result<()> {
    if root.join(CONFIG_FILE).is_file() || root.join("content").is_dir() {
        return Ok(());
    }
    bail!(
        "`{}` is not a sitrep site: it has neither `{}` nor a `content/` folder (`sitrep init` makes a site; --root names one elsewhere)",
        root.display(),
        CONFIG_FILE
    )
}
