//! `sitrep serve`: build, watch, and serve the site with live reload until Ctrl-C.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::Result;

use crate::cmd::watch::print_event;
use crate::live::serve::{Reloader, bind, run as serve_http};
use crate::live::watch::{Event, WatchOptions, stop_on_ctrl_c, watch};

/// Options of `sitrep serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to build and watch.
    pub watch: WatchOptions,
    /// The address to listen on (127.0.0.1 unless told otherwise).
    pub bind: IpAddr,
    /// The port to try first; the next free one is used when it is taken.
    pub port: u16,
}

/// Builds, serves and watches; prints the URL and one line per rebuild.
///
/// Errors: the root is not a site, no free port, or the watcher cannot start.
pub fn run(opts: &ServeOptions) -> Result<()> {
    crate::build::check_site(&opts.watch.build.root)?;
    crate::build::check_output(&opts.watch.build)?;
    let (server, port) = bind(opts.bind, opts.port)?;
    let server = Arc::new(server);
    let stop = Arc::new(AtomicBool::new(false));
    let unblock = server.clone();
    stop_on_ctrl_c(stop.clone(), move || unblock.unblock())?;

    let reloader = Reloader::default();
    let root = opts.watch.build.output_dir();
    let http = {
        let (server, reloader) = (server.clone(), reloader.clone());
        std::thread::spawn(move || {
            serve_http(server, root, reloader, |e| {
                crate::ui::warning(&format!("serve: {e}"))
            })
        })
    };
    let host = match opts.bind {
        IpAddr::V6(a) => format!("[{a}]"),
        IpAddr::V4(a) => a.to_string(),
    };
    // Always printed (also with --quiet): it says where the site is.
    println!("serving http://{host}:{port}/ (Ctrl-C to stop)");
    watch(&opts.watch, &stop, Arc::new(crate::ui::Bar), |event| {
        print_event(event);
        if let Event::Rebuilt(r) = event
            && let Ok(s) = &r.result
            && (s.written > 0 || s.removed > 0)
        {
            reloader.send(if r.css_only { "css" } else { "reload" });
        }
    })?;
    server.unblock();
    let _ = http.join();
    crate::ui::info("stopped");
    Ok(())
}
