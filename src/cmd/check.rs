//! `sitrep check`: find broken links and other problems without writing anything.

use anyhow::{Result, bail};

use crate::build::BuildOptions;
use crate::build::check::check;

/// Checks the site and prints what it found.
///
/// Errors: the build fails, or a link or anchor is broken.
pub fn run(opts: &BuildOptions) -> Result<()> {
    let report = check(opts)?;
    for w in &report.warnings {
        crate::ui::warning(w);
    }
    for e in &report.errors {
        crate::ui::error(e);
    }
    if !report.review.is_empty() {
        crate::ui::info(&format!(
            "{} waiting for review (remove an entry of `review:` once checked):",
            crate::ui::counted(report.review.len(), "report", "reports")
        ));
        for r in &report.review {
            crate::ui::info(&format!("  {r}"));
        }
    }
    crate::ui::info(&format!(
        "checked {} files and {} internal links: {} error(s), {} warning(s)",
        crate::ui::count(report.files),
        crate::ui::count(report.links),
        report.errors.len(),
        report.warnings.len()
    ));
    if !report.errors.is_empty() {
        bail!("{} problem(s) found", report.errors.len());
    }
    Ok(())
}
