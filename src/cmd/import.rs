//! `sitrep import`: seed files in, Markdown reports out (see [`crate::import`]).

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::config::Config;
use crate::import::{Outcome, import_paths};
use crate::region::Regions;

/// Options of `sitrep import`.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Seed files, or folders of `*.txt` seed files.
    pub seeds: Vec<PathBuf>,
    /// The site folder whose `config.yaml` gives the regions.
    pub root: PathBuf,
    /// The content folder; `root/content` when `None`. Reports go to `<content>/reports/`.
    pub content: Option<PathBuf>,
    /// Overwrite reports that exist already.
    pub force: bool,
}

/// Imports the seeds, printing one line per seed and a summary.
///
/// Errors: bad `config.yaml`, the content folder cannot be created, or at least one
/// seed failed (after all the others were imported).
pub fn run(opts: &ImportOptions) -> Result<()> {
    let config = Config::load(&opts.root)?;
    let regions = Regions::new(&config.regions)?;
    let content = opts
        .content
        .clone()
        .unwrap_or_else(|| opts.root.join("content"));
    let results = import_paths(&opts.seeds, &content, opts.force, &regions)?;
    let (mut created, mut skipped, mut failed) = (0, 0, 0);
    for r in &results {
        match &r.outcome {
            Outcome::Created(p) | Outcome::Overwritten(p) => {
                created += 1;
                let verb = if matches!(r.outcome, Outcome::Created(_)) {
                    "created"
                } else {
                    "overwrote"
                };
                let note = r
                    .note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                println!("{verb:9} {} <- {}{note}", p.display(), r.seed.display());
            }
            Outcome::Skipped(p) => {
                skipped += 1;
                println!(
                    "{:9} {} <- {} (exists; --force overwrites)",
                    "skipped",
                    p.display(),
                    r.seed.display()
                );
            }
            Outcome::Failed(msg) => {
                failed += 1;
                eprintln!("{:9} {msg}", "error");
            }
        }
    }
    println!("{created} imported, {skipped} skipped, {failed} failed");
    if failed > 0 {
        bail!("{failed} seed(s) could not be imported");
    }
    Ok(())
}
