//! `sitrep build`: render `content/` through the theme into the output folder.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Result, bail};

use crate::config::Config;
use crate::content::load_pages;
use crate::output::Staging;
use crate::region::Regions;
use crate::render::{copy_static, load_templates, render_site};
use crate::site::Site;

/// Options of `sitrep build`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds `config.yaml`, `content/`, `themes/`, `templates/`, `static/`).
    pub root: PathBuf,
    /// The output folder; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Also build pages marked `draft: true`.
    pub drafts: bool,
}

/// What a successful build wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildSummary {
    /// Reports rendered.
    pub reports: usize,
    /// HTML pages written (reports and index pages).
    pub pages: usize,
    /// Static files copied.
    pub static_files: usize,
    /// The output folder.
    pub output: PathBuf,
}

/// Builds the site. Every content error is printed (file and line); if there is any,
/// nothing is written and the old output stays as it was.
///
/// Errors: bad `config.yaml`, content errors, template errors, write errors.
pub fn build(opts: &BuildOptions) -> Result<BuildSummary> {
    let root = &opts.root;
    let output = opts.output.clone().unwrap_or_else(|| root.join("public"));
    let config = Config::load(root)?;
    let regions = Regions::new(&config.regions)?;
    let (pages, mut errors) = load_pages(&root.join("content"), &regions, opts.drafts)?;
    let theme_dir = config.theme_dir(root);
    let tera = match load_templates(&theme_dir, &root.join("templates")) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("error: {e:#}");
        }
        bail!(
            "build failed: {} error(s); `{}` left unchanged",
            errors.len(),
            output.display()
        );
    }
    let tera = tera.expect("no errors means templates loaded");
    let site = Site::new(config, &regions, pages);
    let staging = Staging::begin(&output)?;
    let pages = render_site(&site, &tera, &staging)?;
    let static_files = copy_static(&theme_dir, &root.join("static"), &staging)?;
    staging.commit()?;
    Ok(BuildSummary {
        reports: site.reports.len(),
        pages,
        static_files,
        output,
    })
}

/// `sitrep build`: builds and prints one line with what was written and how long it took.
pub fn run(opts: &BuildOptions) -> Result<()> {
    let start = Instant::now();
    let s = build(opts)?;
    println!(
        "built {} pages ({} reports) and {} static files into `{}` in {} ms",
        s.pages,
        s.reports,
        s.static_files,
        s.output.display(),
        start.elapsed().as_millis()
    );
    Ok(())
}
