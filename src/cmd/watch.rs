//! `sitrep watch`: build, then rebuild on every change until Ctrl-C.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::Result;

use crate::import::Outcome;
use crate::live::lock::PreviewLock;
use crate::live::watch::{Event, Rebuild, WatchOptions, stop_on_ctrl_c, watch};

/// Runs watch mode, printing one line per rebuild.
///
/// Errors: the root is not a site, another preview of it runs, or the watcher
/// cannot start.
pub fn run(opts: &WatchOptions) -> Result<()> {
    crate::build::check_site(&opts.build.root)?;
    crate::build::check_output(&opts.build)?;
    // One preview per site, released when this function returns.
    let _lock = PreviewLock::acquire(&opts.build.root)?;
    let stop = Arc::new(AtomicBool::new(false));
    stop_on_ctrl_c(stop.clone(), || {})?;
    crate::ui::info(&format!(
        "watching `{}` (Ctrl-C to stop)",
        opts.build.root.display()
    ));
    watch(opts, &stop, Arc::new(crate::ui::Bar), print_event)?;
    crate::ui::info("stopped");
    Ok(())
}

/// Prints what watch mode reports: a line per rebuild and per seed imported, and
/// warnings and errors (each error with its file and line).
pub fn print_event(event: &Event) {
    match event {
        Event::Rebuilt(r) => print_rebuild(r),
        Event::Imported(results) => {
            for r in results {
                match &r.outcome {
                    Outcome::Created(p) | Outcome::Updated(p) | Outcome::Overwritten(p) => {
                        crate::ui::info(&format!(
                            "imported {} <- {}",
                            p.display(),
                            r.seed.display()
                        ))
                    }
                    Outcome::Unchanged(_) => {}
                    Outcome::Skipped(p, why) => crate::ui::info(&format!(
                        "skipped {} <- {} ({why})",
                        p.display(),
                        r.seed.display()
                    )),
                    Outcome::Failed(msg) => crate::ui::error(msg),
                }
            }
        }
        Event::Warning(w) => crate::ui::warning(w),
        Event::Error(e) => crate::ui::error(e),
    }
}

/// Prints a rebuild as one line (errors first, each with its file and line).
fn print_rebuild(r: &Rebuild) {
    let time = chrono::Local::now().format("%H:%M:%S");
    let took = crate::ui::duration(r.took);
    match &r.result {
        Ok(s) if r.first => crate::ui::info(&format!(
            "[{time}] {}: {} page(s) written first; the rest follows when edits pause ({took})",
            r.what,
            crate::ui::count(s.written)
        )),
        Ok(s) => {
            for w in &s.warnings {
                crate::ui::warning(w);
            }
            crate::ui::info(&format!(
                "[{time}] {}: {} pages rendered, {} files written, {} removed, {} reports ({took})",
                r.what,
                crate::ui::count(s.rendered),
                crate::ui::count(s.written),
                crate::ui::count(s.removed),
                crate::ui::count(s.reports)
            ))
        }
        Err(errors) => {
            for e in errors {
                crate::ui::error(e);
            }
            crate::ui::info(&format!(
                "[{time}] {}: build failed, the last good site stays ({took})",
                r.what
            ));
        }
    }
}
