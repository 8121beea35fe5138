//! `sitrep watch`: build, then rebuild on every change until Ctrl-C.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::Result;

use crate::watch::{WatchOptions, print_rebuild, stop_on_ctrl_c, watch};

/// Runs watch mode, printing one line per rebuild.
///
/// Errors: the root is not a site, or the watcher cannot start.
pub fn run(opts: &WatchOptions) -> Result<()> {
    crate::build::check_site(&opts.build.root)?;
    crate::build::check_output(&opts.build)?;
    let stop = Arc::new(AtomicBool::new(false));
    stop_on_ctrl_c(stop.clone(), || {})?;
    crate::ui::info(&format!(
        "watching `{}` (Ctrl-C to stop)",
        opts.build.root.display()
    ));
    watch(opts, &stop, print_rebuild)?;
    crate::ui::info("stopped");
    Ok(())
}
