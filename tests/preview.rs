//! The preview (`sitrep serve`, `sitrep watch`) as a user runs it: its pages point at
//! the preview itself, not at the published site; and one site has one preview at a
//! time. Real processes on copies of the fixture site; waits poll with a deadline,
//! none measures speed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;

const DEADLINE: Duration = Duration::from_secs(10);

/// A `sitrep serve` or `sitrep watch` process, with its output lines.
struct Preview {
    child: Child,
    out: Arc<Mutex<Vec<String>>>,
    /// The threads reading its output: joined once it exits, so that its last lines
    /// are in `out` before they are looked at.
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Preview {
    /// Starts `sitrep <args>` in `root`.
    fn start(root: &Path, args: &[&str]) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(args)
            .current_dir(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = Arc::new(Mutex::new(Vec::new()));
        let mut readers = Vec::new();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let out = out.clone();
            readers.push(std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    out.lock().unwrap().push(line);
                }
            }));
        }
        Preview {
            child,
            out,
            readers,
        }
    }

    fn lines(&self) -> Vec<String> {
        self.out.lock().unwrap().clone()
    }

    fn wait_line(&self, f: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            if let Some(l) = self.lines().into_iter().find(|l| f(l)) {
                return l;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no such line in {:#?}",
                self.lines()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The port a `sitrep serve` listens on, once its first build is done.
    fn port(&self) -> u16 {
        let line = self.wait_line(|l| l.starts_with("serving http://"));
        self.wait_line(|l| l.contains("first build"));
        line.trim_start_matches("serving http://127.0.0.1:")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }

    /// Waits for the process to end by itself; its exit status.
    fn wait_exit(&mut self) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Its output ends with it (unless a child of its own holds it open).
                for reader in std::mem::take(&mut self.readers) {
                    let _ = reader.join();
                }
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "still running: {:#?}",
                self.lines()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Stops the process as Ctrl-C would (SIGINT), and waits for it.
    fn interrupt(&mut self) {
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        assert!(self.wait_exit().success(), "{:#?}", self.lines());
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The body of a GET of `path` from the server at `port`.
fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    response.split_once("\r\n\r\n").unwrap().1.to_string()
}

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_tree(Path::new("tests/fixtures/site"), &root);
    (tmp, root)
}

const PUBLISHED: &str = "https://example.org/sitrep/";

#[test]
fn the_preview_points_at_itself_and_build_at_the_published_site() {
    let (_tmp, root) = site();
    let mut serve = Preview::start(&root, &["serve", "--port", "0"]);
    let port = serve.port();
    let preview = format!("http://127.0.0.1:{port}/");
    // Every output whose links are absolute.
    for (path, wants) in [
        ("/does-not-exist/", format!("href=\"{preview}regions/")),
        ("/404.html", format!("href=\"{preview}")),
        (
            "/reports/2025-07-08-kachin/",
            format!("rel=\"canonical\" href=\"{preview}reports/2025-07-08-kachin/\""),
        ),
        ("/atom.xml", format!("href=\"{preview}atom.xml\"")),
        (
            "/regions/africa/atom.xml",
            format!("href=\"{preview}regions/africa/\""),
        ),
        ("/sitemap.xml", format!("<loc>{preview}months/</loc>")),
        ("/robots.txt", format!("Sitemap: {preview}sitemap.xml")),
        ("/reports.json", format!("\"url\": \"{preview}reports/")),
        (
            "/data/index.json",
            format!("\"url\": \"{preview}data/2025-07.json\""),
        ),
    ] {
        let body = get(port, path);
        assert!(body.contains(&wants), "{path}: no {wants} in {body}");
        assert!(
            !body.contains(PUBLISHED),
            "{path} points at the published site"
        );
    }
    serve.interrupt();

    // `sitrep build` after the preview writes the published addresses again (the
    // preview's output is not taken for an up-to-date build).
    let out = sitrep(&root, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("up to date"), "{}", text(&out));
    let public = root.join("public");
    for f in ["404.html", "atom.xml", "sitemap.xml", "reports.json"] {
        let body = std::fs::read_to_string(public.join(f)).unwrap();
        assert!(body.contains(PUBLISHED), "{f}");
        assert!(
            !body.contains("127.0.0.1"),
            "{f} still points at the preview"
        );
    }
}

#[test]
fn a_second_preview_of_a_site_refuses_naming_the_first() {
    let (_tmp, root) = site();
    let mut first = Preview::start(&root, &["serve", "--port", "0"]);
    first.port();
    let pid = first.child.id();
    for args in [&["watch"][..], &["serve", "--port", "0"]] {
        let mut second = Preview::start(&root, args);
        let status = second.wait_exit();
        let out = second.lines().join("\n");
        assert!(!status.success(), "{args:?}: {out}");
        assert!(out.contains(&format!("process {pid}")), "{args:?}: {out}");
    }
    // Stopped, the first releases the lock: another preview starts.
    first.interrupt();
    let lock = root.join(".sitrep-cache/preview.lock");
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), "", "released");
    let mut watch = Preview::start(&root, &["watch"]);
    watch.wait_line(|l| l.contains("first build"));
    // Killed (no chance to clean up), it leaves its process id in the lock file: the
    // next preview takes the lock over.
    let dead = watch.child.id();
    watch.child.kill().unwrap();
    watch.child.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap().trim(),
        dead.to_string()
    );
    let mut serve = Preview::start(&root, &["serve", "--port", "0"]);
    serve.port();
    serve.interrupt();
}
