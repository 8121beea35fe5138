//! The local preview server: serves the output folder over HTTP (tiny_http), with live
//! reload.
//!
//! HTML responses get a small script, injected when served (never written to the
//! output), that listens to server-sent events on [`LIVE_RELOAD_PATH`] and reloads the
//! page after a rebuild, or only its stylesheets when only CSS changed.
//!
//! Only files inside the output folder are served: `..` segments (also percent-encoded),
//! backslashes, NUL bytes and symbolic links that lead outside are refused with 403.
//! A folder URL serves its `index.html` (a URL without the trailing slash is redirected
//! to it, so relative links work); a missing file serves `404.html` with status 404.

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Result, anyhow};
use percent_encoding::percent_decode_str;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

/// The URL of the live-reload event stream.
pub const LIVE_RELOAD_PATH: &str = "/__sitrep/live-reload";

/// The script injected into served HTML pages.
pub const LIVE_RELOAD_SCRIPT: &str = r#"<script>/* sitrep serve: live reload */
(function () {
  var es = new EventSource("/__sitrep/live-reload");
  es.onmessage = function (e) {
    if (e.data === "css") {
      document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
        var u = new URL(l.href); u.searchParams.set("sitrep", Date.now()); l.href = u.href;
      });
    } else {
      location.reload();
    }
  };
})();
</script>"#;

/// Browsers waiting for reload messages.
#[derive(Clone, Default)]
pub struct Reloader {
    clients: Arc<Mutex<Vec<Client>>>,
}

/// A browser's channel, and a token its connection's thread holds while it runs.
type Client = (SyncSender<&'static str>, Arc<()>);

/// A browser's place among the [`Reloader`]'s clients: its messages, and the token that
/// keeps its place while held (dropped when its connection ends).
struct Subscription {
    messages: Receiver<&'static str>,
    _held: Arc<()>,
}

impl Reloader {
    /// Tells every connected browser to reload (`"reload"`) or to reload its
    /// stylesheets (`"css"`). Disconnected browsers are dropped.
    pub fn send(&self, message: &'static str) {
        self.clients
            .lock()
            .unwrap()
            .retain(|(c, _)| c.try_send(message).is_ok());
    }

    /// How many browsers are connected: those whose connection is still served (a
    /// browser that went away frees its place as soon as its thread sees it, not at
    /// the next reload).
    pub fn clients(&self) -> usize {
        let mut clients = self.clients.lock().unwrap();
        clients.retain(|(_, held)| Arc::strong_count(held) > 1);
        clients.len()
    }

    fn subscribe(&self) -> Subscription {
        let (tx, messages) = sync_channel(16);
        let held = Arc::new(());
        self.clients.lock().unwrap().push((tx, held.clone()));
        Subscription {
            messages,
            _held: held,
        }
    }
}

/// Binds the server on `bind`, at `port` or, when that is taken, the next free port
/// (up to 100 further). Returns the server and the port.
///
/// Errors: no port in the range is free, or `bind` is not an address of this machine.
pub fn bind(bind: IpAddr, port: u16) -> Result<(Server, u16)> {
    let mut last = None;
    for p in port..=port.saturating_add(100) {
        match Server::http((bind, p)) {
            Ok(s) => {
                let actual = s.server_addr().to_ip().map_or(p, |a| a.port());
                return Ok((s, actual));
            }
            Err(e) => last = Some(e),
        }
        if port == 0 {
            break;
        }
    }
    Err(anyhow!(
        "cannot listen on {bind} ports {port}-{}: {}",
        port.saturating_add(100),
        last.map(|e| e.to_string()).unwrap_or_default()
    ))
}

/// Serves `root` until the server is unblocked ([`Server::unblock`]). Each request
/// is handled on its own thread; a request that cannot get one is dropped and
/// `on_error` hears why.
pub fn run(server: Arc<Server>, root: PathBuf, reloader: Reloader, on_error: impl Fn(String)) {
    for request in server.incoming_requests() {
        let root = root.clone();
        let reloader = reloader.clone();
        // A thread that cannot start (a process limit) costs this request only.
        let spawned = std::thread::Builder::new()
            .name("sitrep-http".into())
            .spawn(move || handle(request, &root, &reloader));
        if let Err(e) = spawned {
            on_error(format!("cannot start a thread for a request: {e}"));
        }
    }
}

/// The most browsers listening for live reload at once; more get 503 (each holds a
/// connection and a thread).
pub const MAX_LIVE_RELOAD_CLIENTS: usize = 64;

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// What a request resolves to.
#[derive(Debug, PartialEq)]
pub enum Resolved {
    /// A file inside the output folder.
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect here.
    Redirect(String),
    /// Nothing there.
    NotFound,
    /// The path tries to leave the output folder.
    Forbidden,
}

/// Resolves a request path (`/regions/africa/`, percent-encoded) to a file in `root`.
pub fn resolve(root: &Path, url_path: &str) -> Resolved {
    let Ok(decoded) = percent_decode_str(url_path).decode_utf8() else {
        return Resolved::NotFound;
    };
    if decoded.contains(['\\', '\0']) || !decoded.starts_with('/') {
        return Resolved::Forbidden;
    }
    let segments: Vec<&str> = decoded
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    if segments.contains(&"..") {
        return Resolved::Forbidden;
    }
    // Hidden files (sitrep's marker, temporary files of a write in progress) are not
    // part of the site.
    if segments.iter().any(|s| s.starts_with('.')) {
        return Resolved::NotFound;
    }
    let Ok(canon_root) = root.canonicalize() else {
        return Resolved::NotFound;
    };
    let mut path = canon_root.clone();
    path.extend(&segments);
    let Ok(real) = path.canonicalize() else {
        return Resolved::NotFound;
    };
    // Symbolic links may point anywhere: what is served must really be inside.
    if !real.starts_with(&canon_root) {
        return Resolved::Forbidden;
    }
    if real.is_dir() {
        if !decoded.ends_with('/') {
            // Built from the segments, so `//x` cannot become a redirect to another
            // host (`//x/` is a protocol-relative URL).
            let encoded: Vec<String> = segments
                .iter()
                .map(|s| percent_encoding::utf8_percent_encode(s, SEGMENT).to_string())
                .collect();
            return Resolved::Redirect(format!("/{}/", encoded.join("/")));
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::NotFound
    }
}

/// Characters escaped in a path segment of a redirect.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The Content-Type for a file, by extension (`text/html; charset=utf-8`).
pub fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "xml" | "svg"
        );
    if text {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// Inserts the live-reload script before `</body>` (or at the end).
pub fn inject_live_reload(html: &str) -> String {
    match html.rfind("</body>") {
        Some(i) => format!("{}{LIVE_RELOAD_SCRIPT}\n{}", &html[..i], &html[i..]),
        None => format!("{html}{LIVE_RELOAD_SCRIPT}"),
    }
}

fn handle(request: Request, root: &Path, reloader: &Reloader) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("method not allowed").with_status_code(405));
        return;
    }
    let mut url = request.url().to_string();
    // An absolute-form request target (`GET http://host/path`, RFC 7230 5.3.2).
    if let Some(rest) = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
    {
        url = rest
            .find('/')
            .map_or("/".to_string(), |i| rest[i..].to_string());
    }
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (url.clone(), None),
    };
    if path == LIVE_RELOAD_PATH {
        stream_events(request, reloader);
        return;
    }
    let (status, file) = match resolve(root, &path) {
        Resolved::File(f) => (200, Some(f)),
        Resolved::Redirect(to) => {
            let to = match query {
                Some(q) => format!("{to}?{q}"),
                None => to,
            };
            let _ = request.respond(
                Response::empty(301)
                    .with_header(header("Location", &to))
                    .with_header(header("Cache-Control", "no-store")),
            );
            return;
        }
        Resolved::Forbidden => {
            let _ = request.respond(Response::from_string("forbidden").with_status_code(403));
            return;
        }
        Resolved::NotFound => {
            let page = root.join("404.html");
            (404, page.is_file().then_some(page))
        }
    };
    let response = match file.map(|f| (std::fs::read(&f), f)) {
        Some((Ok(bytes), f)) => {
            let ctype = content_type(&f);
            let bytes = if ctype.starts_with("text/html") {
                inject_live_reload(&String::from_utf8_lossy(&bytes)).into_bytes()
            } else {
                bytes
            };
            Response::from_data(bytes).with_header(header("Content-Type", &ctype))
        }
        _ => Response::from_data(b"not found".to_vec())
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    };
    let response = response
        .with_status_code(StatusCode(status))
        .with_header(header("Cache-Control", "no-store"));
    // tiny_http leaves out the body of a HEAD response itself, keeping its length.
    let _ = request.respond(response);
}

/// Holds the request open as a server-sent event stream until the browser goes away.
/// (tiny_http buffers its own chunked responses, so the stream is written raw.)
fn stream_events(request: Request, reloader: &Reloader) {
    if reloader.clients() >= MAX_LIVE_RELOAD_CLIENTS {
        let _ = request.respond(
            Response::from_string("too many live-reload connections").with_status_code(503),
        );
        return;
    }
    let subscription = reloader.subscribe();
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let msg = match subscription.messages.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => format!("data: {m}\n\n"),
            // A comment keeps the connection alive and finds browsers that left.
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(_) => return,
        };
        if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A browser that went away (its connection's thread ended) no longer counts
    /// against [`MAX_LIVE_RELOAD_CLIENTS`], though no reload was sent since.
    #[test]
    fn a_browser_gone_frees_its_place_without_a_reload() {
        let reloader = Reloader::default();
        let first = reloader.subscribe();
        let second = reloader.subscribe();
        assert_eq!(reloader.clients(), 2);
        drop(first);
        assert_eq!(reloader.clients(), 1);
        reloader.send("reload");
        assert_eq!(second.messages.try_recv(), Ok("reload"));
        drop(second);
        assert_eq!(reloader.clients(), 0);
    }

    #[test]
    fn resolves_inside_the_root_only() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("public");
        std::fs::create_dir_all(root.join("regions/africa")).unwrap();
        std::fs::write(root.join("regions/africa/index.html"), "x").unwrap();
        std::fs::write(root.join("style.css"), "x").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "x").unwrap();
        let canon = root.canonicalize().unwrap();
        assert_eq!(
            resolve(&root, "/regions/africa/"),
            Resolved::File(canon.join("regions/africa/index.html"))
        );
        assert_eq!(
            resolve(&root, "/regions/africa"),
            Resolved::Redirect("/regions/africa/".into())
        );
        assert_eq!(
            resolve(&root, "/style.css"),
            Resolved::File(canon.join("style.css"))
        );
        assert_eq!(resolve(&root, "/nope"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/../secret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/%2e%2e/secret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/%2E%2E%2Fsecret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "/..%5csecret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&root, "//etc/passwd"), Resolved::NotFound);
        assert_eq!(
            resolve(&root, "//regions"),
            Resolved::Redirect("/regions/".into())
        );
        std::fs::write(root.join(".sitrep-output"), "x").unwrap();
        assert_eq!(resolve(&root, "/.sitrep-output"), Resolved::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("link")).unwrap();
            assert_eq!(resolve(&root, "/link"), Resolved::Forbidden);
        }
    }

    #[test]
    fn content_types() {
        for (f, want) in [
            ("a.html", "text/html; charset=utf-8"),
            ("a.css", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.svg", "image/svg+xml; charset=utf-8"),
            ("a.xml", "text/xml; charset=utf-8"),
            ("a.json", "application/json; charset=utf-8"),
            ("a.png", "image/png"),
            ("a.woff2", "font/woff2"),
        ] {
            assert_eq!(content_type(Path::new(f)), want, "{f}");
        }
    }

    #[test]
    fn script_goes_before_body_end() {
        let html = inject_live_reload("<html><body><p>x</p></body></html>");
        assert!(html.contains("</p><script>") && html.ends_with("</script>\n</body></html>"));
    }
}
