//! `sitrep import`: seed files in, Markdown reports out (see [`crate::import`]).

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::import::{Outcome, import_paths};
use crate::site::config::Config;
use crate::site::region::Regions;

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
    if !opts.root.is_dir() {
        bail!("the site folder `{}` does not exist", opts.root.display());
    }
    let config = Config::load(&opts.root)?;
    let regions = Regions::new(&config.regions)?;
    let content = opts
        .content
        .clone()
        .unwrap_or_else(|| opts.root.join("content"));
    let authority = crate::site::ids::authority(&config.base_url);
    let results = import_paths(
        &opts.seeds,
        &content,
        opts.force,
        &regions,
        &authority,
        &crate::ui::Bar,
    )?;
    let [imported, unchanged, skipped, failed] = print_results(&results);
    crate::ui::info(&format!(
        "{} imported, {} unchanged, {} skipped, {} failed",
        crate::ui::count(imported),
        crate::ui::count(unchanged),
        crate::ui::count(skipped),
        crate::ui::count(failed)
    ));
    if results.is_empty() {
        bail!(
            "no seed files (`*.txt`) found in {}",
            opts.seeds
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if failed > 0 {
        bail!("{failed} seed(s) could not be imported");
    }
    Ok(())
}

/// Prints one line per seed; returns how many were imported, unchanged, skipped and
/// failed.
fn print_results(results: &[crate::import::SeedResult]) -> [usize; 4] {
    let (mut imported, mut unchanged, mut skipped, mut failed) = (0, 0, 0, 0);
    // `./content/x.md` reads better as `content/x.md`.
    let shown = |p: &std::path::Path| p.strip_prefix(".").unwrap_or(p).display().to_string();
    for r in results {
        let seed = shown(&r.seed);
        let note = r
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        match &r.outcome {
            Outcome::Created(p) | Outcome::Updated(p) | Outcome::Overwritten(p) => {
                imported += 1;
                let verb = match r.outcome {
                    Outcome::Created(_) => "created",
                    Outcome::Updated(_) => "updated",
                    _ => "overwrote",
                };
                crate::ui::info(&format!("{verb:9} {} <- {seed}{note}", shown(p)));
                if r.draft {
                    crate::ui::warning(&format!(
                        "{seed}: imported as a draft, `{}`: {}",
                        shown(p),
                        r.note.as_deref().unwrap_or("to review")
                    ));
                }
            }
            Outcome::Unchanged(p) => {
                unchanged += 1;
                crate::ui::detail(&format!("{:9} {} <- {seed}", "unchanged", shown(p)));
            }
            Outcome::Skipped(p, why) => {
                skipped += 1;
                crate::ui::info(&format!("{:9} {} <- {seed} ({why})", "skipped", shown(p)));
            }
            Outcome::Failed(msg) => {
                failed += 1;
                crate::ui::error(msg);
            }
        }
    }
    [imported, unchanged, skipped, failed]
}
