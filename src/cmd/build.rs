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
        "built {} pages ({} reports) and {} static files into `{}` in {}",
        crate::ui::count(stats.rendered),
        crate::ui::count(stats.reports),
        crate::ui::count(builder.static_files()),
        opts.output_dir().display(),
        crate::ui::duration(start.elapsed())
    ));
    Ok(())
}
