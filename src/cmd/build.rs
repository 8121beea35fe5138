//! `sitrep build`: render `content/` through the theme into the output folder.

use std::time::Instant;

use anyhow::Result;

pub use crate::build::BuildOptions;
use crate::build::Builder;

/// `sitrep build`: builds once and prints one line with what was written and how
/// long it took. On errors, every one is printed and the old output stays.
pub fn run(opts: &BuildOptions) -> Result<()> {
    let start = Instant::now();
    let mut builder = Builder::one_shot(opts.clone());
    if builder.up_to_date() {
        crate::ui::info(&format!(
            "`{}` is up to date: nothing changed since the last build ({})",
            opts.output_dir().display(),
            crate::ui::duration(start.elapsed())
        ));
        return Ok(());
    }
    let stats = builder.build()?;
    for w in &stats.warnings {
        crate::ui::warning(w);
    }
    for (phase, took) in &stats.phases {
        crate::ui::detail(&format!("  {phase}: {}", crate::ui::duration(*took)));
    }
    crate::ui::info(&format!(
        "built {} ({}) and {} into `{}` in {}",
        crate::ui::counted(stats.rendered, "page", "pages"),
        crate::ui::counted(stats.reports, "report", "reports"),
        crate::ui::counted(builder.static_files(), "static file", "static files"),
        opts.output_dir().display(),
        crate::ui::duration(start.elapsed())
    ));
    Ok(())
}
