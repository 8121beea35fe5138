//! `sitrep serve`: build, watch, and serve the site with live reload until Ctrl-C.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::Result;

use crate::cmd::watch::print_event;
use crate::live::lock::PreviewLock;
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

/// The preview's own address, `http://127.0.0.1:1111/`: the address listened on, or
/// the loopback address when listening on every address (`0.0.0.0`, `::`).
pub fn preview_address(bind: IpAddr, port: u16) -> String {
    match bind {
        IpAddr::V4(a) if a.is_unspecified() => format!("http://127.0.0.1:{port}/"),
        IpAddr::V4(a) => format!("http://{a}:{port}/"),
        IpAddr::V6(a) if a.is_unspecified() => format!("http://[::1]:{port}/"),
        IpAddr::V6(a) => format!("http://[{a}]:{port}/"),
    }
}

/// Builds, serves and watches; prints the URL and one line per rebuild. The pages
/// are built with `base_url` set to the preview's address ([`preview_address`]), so
/// every link stays in the preview; `sitrep build` writes them again for the site's
/// own `base_url`.
///
/// Errors: the root is not a site, another preview of it runs, no free port, or the
/// watcher cannot start.
pub fn run(opts: &ServeOptions) -> Result<()> {
    crate::build::check_site(&opts.watch.build.root)?;
    crate::build::check_output(&opts.watch.build)?;
    // One preview per site, released when this function returns.
    let _lock = PreviewLock::acquire(&opts.watch.build.root)?;
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
    let address = preview_address(opts.bind, port);
    // Always printed (also with --quiet): it says where the site is.
    println!("serving {address} (Ctrl-C to stop)");
    // As `hugo server` does: absolute links (the 404 page, canonical links, feeds,
    // sitemap) point at the preview, not at the published site.
    let mut watch_opts = opts.watch.clone();
    watch_opts.build.base_url = Some(address);
    watch(&watch_opts, &stop, Arc::new(crate::ui::Bar), |event| {
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
