//! `sitrep serve` (and so watch mode) as a user runs it: a real process on a copy of
//! the fixture site, real file operations, real HTTP requests. Waits poll with a
//! deadline; none of them measures speed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;

const FIXTURE: &str = "tests/fixtures/site";
const DEADLINE: Duration = Duration::from_secs(10);

struct Server {
    child: Child,
    port: u16,
    root: PathBuf,
    out: Arc<Mutex<Vec<String>>>,
    _tmp: tempfile::TempDir,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        Server::start_with(extra, |_| {})
    }

    /// [`Server::start`], with `prepare` called on the site folder first.
    fn start_with(extra: &[&str], prepare: impl FnOnce(&Path)) -> Server {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_tree(Path::new(FIXTURE), &root);
        std::fs::create_dir_all(root.join("inbox")).unwrap();
        prepare(&root);
        let mut args = vec!["serve", "--port", "0"];
        args.extend(extra);
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(&args)
            .current_dir(&root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = Arc::new(Mutex::new(Vec::new()));
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let out = out.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    out.lock().unwrap().push(line);
                }
            });
        }
        let mut server = Server {
            child,
            port: 0,
            root,
            out,
            _tmp: tmp,
        };
        let line = server.wait_line(|l| l.starts_with("serving http://"));
        server.port = line
            .trim_start_matches("serving http://127.0.0.1:")
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        server.wait_line(|l| l.contains("first build"));
        server
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

    fn rebuilds(&self) -> usize {
        self.lines()
            .iter()
            .filter(|l| l.starts_with('[') && !l.contains("first build"))
            .count()
    }

    fn wait_until(&self, what: &str, f: impl Fn() -> bool) {
        let start = Instant::now();
        while !f() {
            assert!(
                start.elapsed() < DEADLINE,
                "{what}; output: {:#?}",
                self.lines()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn page(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_default()
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        http(self.port, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 GET (the path is sent as given, `..` and all): status, headers,
/// body.
fn http(port: u16, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

#[test]
fn serves_pages_with_live_reload_and_refuses_to_leave_the_output() {
    let s = Server::start(&[]);
    let (status, head, body) = s.get("/");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(
        body.contains("/__sitrep/live-reload"),
        "script injected when served"
    );
    assert!(
        !s.page("public/index.html").contains("live-reload"),
        "never in the files"
    );

    let (status, head, _) = s.get("/regions");
    assert_eq!(status, 301);
    assert!(head.contains("location: /regions/"), "{head}");
    let (status, _, body) = s.get("/regions/africa/");
    assert_eq!(status, 200);
    assert!(body.contains("Fighting in El Fasher"));
    let (status, head, _) = s.get("/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/css"), "{head}");

    let (status, _, body) = s.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's 404 page");

    std::fs::write(s.path("secret.txt"), "secret").unwrap();
    for evil in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
    ] {
        let (status, _, body) = s.get(evil);
        assert!(
            status == 403 || status == 404 || status == 400,
            "{evil}: {status}"
        );
        assert!(!body.contains("secret"), "{evil}");
    }
    std::os::unix::fs::symlink(s.path("secret.txt"), s.path("public/link.txt")).unwrap();
    let (status, _, body) = s.get("/link.txt");
    assert_eq!(status, 403);
    assert!(!body.contains("secret"));
}

#[test]
fn edits_reach_the_site_and_the_browser() {
    let s = Server::start(&[]);
    // A browser listening for reloads.
    let mut events = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    write!(
        events,
        "GET /__sitrep/live-reload HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    events.set_read_timeout(Some(DEADLINE)).unwrap();
    let mut events = BufReader::new(events);

    // An atomic save (temporary file renamed over the report), as editors do.
    let file = s.path("content/reports/2025-07-08-kachin.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let tmp = s.path("content/reports/.kachin.md.tmp");
    std::fs::write(
        &tmp,
        text.replace(
            "China presses Kachin rebels over Bhamo",
            "China squeezes the KIA",
        ),
    )
    .unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    s.wait_until("the report page changes", || {
        s.page("public/reports/2025-07-08-kachin/index.html")
            .contains("China squeezes the KIA")
    });
    s.wait_until("the region page lists the new title", || {
        s.page("public/regions/asia-pacific/index.html")
            .contains("China squeezes the KIA")
    });
    let mut line = String::new();
    loop {
        line.clear();
        events.read_line(&mut line).unwrap();
        if line.starts_with("data:") {
            break;
        }
    }
    assert_eq!(line.trim(), "data: reload");
    s.wait_line(|l| l.contains("2025-07-08-kachin.md") && l.contains("pages rendered"));
}

#[test]
fn deletions_moves_and_folders_leave_nothing_stale() {
    let s = Server::start(&[]);
    std::fs::remove_file(s.path("content/reports/2025-06-30-sudan.md")).unwrap();
    s.wait_until("the deleted report's page goes", || {
        !s.path("public/reports/2025-06-30-sudan").exists()
    });
    s.wait_until("and the region page no longer lists it", || {
        !s.page("public/regions/africa/index.html")
            .contains("2025-06-30-sudan")
    });

    // A whole folder moved in, then removed.
    let staging = s.root.parent().unwrap().join("briefs");
    std::fs::create_dir_all(&staging).unwrap();
    for i in 0..3 {
        std::fs::write(
            staging.join(format!("b{i}.md")),
            format!(
                "---\ntitle: Brief {i}\ndate: 2025-07-0{}\ncountries: [Mali]\n---\nText.\n",
                i + 1
            ),
        )
        .unwrap();
    }
    std::fs::rename(&staging, s.path("content/briefs")).unwrap();
    s.wait_until("the moved-in folder's pages appear", || {
        s.path("public/briefs/b2/index.html").exists()
    });
    std::fs::remove_dir_all(s.path("content/briefs")).unwrap();
    s.wait_until("and go with the folder", || {
        !s.path("public/briefs").exists()
    });
}

#[test]
fn editor_leftovers_bursts_and_own_output_do_not_cause_rebuilds() {
    let s = Server::start(&[]);
    std::thread::sleep(Duration::from_millis(300));
    let before = s.rebuilds();
    let reports = s.path("content/reports");
    std::fs::write(reports.join(".2025-07-08-kachin.md.swp"), "x").unwrap();
    std::fs::write(reports.join("2025-07-08-kachin.md~"), "x").unwrap();
    std::fs::write(reports.join("4913"), "").unwrap();
    std::fs::remove_file(reports.join("4913")).unwrap();
    std::fs::write(s.path("public/extra.html"), "x").unwrap();
    std::fs::write(s.path("README.txt"), "x").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(s.rebuilds(), before, "no rebuild: {:#?}", s.lines());

    // Two hundred new reports in a burst: all built, in a few rebuilds at most.
    for i in 0..200 {
        std::fs::write(
            reports.join(format!("burst-{i:03}.md")),
            format!("---\ntitle: Burst {i}\ndate: 2025-07-15\ncountries: [Yemen]\n---\nText.\n"),
        )
        .unwrap();
    }
    s.wait_until("every burst report is built", || {
        (0..200).all(|i| {
            s.path(&format!("public/reports/burst-{i:03}/index.html"))
                .exists()
        })
    });
    std::thread::sleep(Duration::from_millis(500));
    let burst_rebuilds = s.rebuilds() - before;
    assert!(
        burst_rebuilds <= 3,
        "{burst_rebuilds} rebuilds for one burst: {:#?}",
        s.lines()
    );
}

#[test]
fn errors_keep_the_last_good_site_and_recover() {
    let s = Server::start(&[]);
    let file = s.path("content/reports/2025-07-20-gaza.md");
    let good = std::fs::read_to_string(&file).unwrap();
    let page_before = s.page("public/reports/2025-07-20-gaza/index.html");
    std::fs::write(&file, "---\ntitle: Strikes\ndate: 2025-07-40\n---\nx\n").unwrap();
    s.wait_line(|l| l.contains("2025-07-20-gaza.md:3:") && l.contains("2025-07-40"));
    s.wait_line(|l| l.contains("build failed, the last good site stays"));
    assert_eq!(
        s.page("public/reports/2025-07-20-gaza/index.html"),
        page_before
    );
    let (status, _, _) = s.get("/reports/2025-07-20-gaza/");
    assert_eq!(status, 200, "still served");

    std::fs::write(&file, good.replace("day 3", "day 4")).unwrap();
    s.wait_until("the next good save recovers", || {
        s.page("public/reports/2025-07-20-gaza/index.html")
            .contains("day 4")
    });
}

#[test]
fn templates_static_files_and_the_seed_inbox() {
    let s = Server::start(&["--seeds", "inbox"]);
    std::fs::create_dir_all(s.path("templates")).unwrap();
    std::fs::write(
        s.path("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}Lost? NEW 404{% endblock content %}",
    )
    .unwrap();
    s.wait_until("a new template folder is picked up", || {
        s.page("public/404.html").contains("NEW 404")
    });

    std::fs::write(s.path("static/site.css"), "body { color: red }").unwrap();
    s.wait_until("static files are copied", || {
        s.page("public/site.css").contains("red")
    });

    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/seed/clash-report-2025-07-08.txt"),
        s.path("inbox/clash.txt"),
    )
    .unwrap();
    s.wait_until("a seed dropped in the inbox becomes a page", || {
        s.path("public/reports/2025-07-08-china-is-leveraging-its-near-monopoly-on-rare-earth/index.html")
            .exists()
    });
}

#[test]
fn seeds_left_in_the_inbox_before_serve_started_are_imported() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seed/clash-report-2025-07-08.txt");
    let s = Server::start_with(&["--seeds", "inbox"], |root| {
        std::fs::copy(&seed, root.join("inbox/early.txt")).unwrap();
    });
    let page =
        "public/reports/2025-07-08-china-is-leveraging-its-near-monopoly-on-rare-earth/index.html";
    assert!(s.path(page).exists(), "imported before the first build");
    assert!(s.page(page).contains("rare earth"));
    assert!(
        s.lines().iter().any(|l| l.starts_with("imported ")),
        "{:?}",
        s.lines()
    );
}

#[test]
fn ctrl_c_stops_cleanly() {
    let mut s = Server::start(&[]);
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(s.child.id() as i32, libc::SIGINT);
    }
    let start = Instant::now();
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    s.wait_line(|l| l == "stopped");
    let leftovers = std::fs::read_dir(&s.root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn a_replaced_content_folder_is_watched_again() {
    let s = Server::start(&[]);
    let copy = s.root.parent().unwrap().join("content-copy");
    copy_tree(&s.path("content"), &copy);
    std::fs::remove_dir_all(s.path("content")).unwrap();
    std::fs::rename(&copy, s.path("content")).unwrap();
    std::thread::sleep(Duration::from_millis(400));
    // An edit in the new folder is seen.
    let file = s.path("content/reports/2025-06-30-sudan.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Fighting in El Fasher", "Edited after the swap"),
    )
    .unwrap();
    s.wait_until("an edit in the replaced folder is built", || {
        s.page("public/reports/2025-06-30-sudan/index.html")
            .contains("Edited after the swap")
    });
}

#[test]
fn ignored_churn_does_not_delay_rebuilds() {
    let s = Server::start(&[]);
    let root = s.root.clone();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                std::fs::write(root.join("notes.txt"), format!("{i}")).unwrap();
                std::fs::write(root.join("content/.cache-log"), format!("{i}")).unwrap();
                i += 1;
                std::thread::sleep(Duration::from_millis(10));
            }
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let file = s.path("content/reports/2025-06-30-sudan.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let start = Instant::now();
    std::fs::write(
        &file,
        text.replace("Fighting in El Fasher", "Seen despite the churn"),
    )
    .unwrap();
    s.wait_until("the edit is built", || {
        s.page("public/reports/2025-06-30-sudan/index.html")
            .contains("Seen despite the churn")
    });
    let took = start.elapsed();
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    churn.join().unwrap();
    // Not a speed test: only that the churn does not hold the rebuild back for its
    // whole length (several seconds).
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[test]
fn an_inbox_made_after_start_is_watched() {
    let inbox = tempfile::tempdir().unwrap();
    let dir = inbox.path().join("later");
    let s = Server::start(&["--seeds", dir.to_str().unwrap()]);
    s.wait_line(|l| l.contains("does not exist; it is watched once it does"));
    std::fs::create_dir_all(&dir).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/seed/clash-report-2025-07-08.txt"),
        dir.join("clash.txt"),
    )
    .unwrap();
    s.wait_until("the seed is imported and built", || {
        s.path("public/reports/2025-07-08-china-is-leveraging-its-near-monopoly-on-rare-earth/index.html")
            .exists()
    });
}

#[test]
fn http_details() {
    let s = Server::start(&[]);
    // Absolute-form request target.
    let (status, _, body) = s.get("http://localhost/regions/africa/");
    assert_eq!(status, 200);
    assert!(body.contains("Fighting in El Fasher"));
    // No open redirect through `//host`.
    let (status, head, _) = s.get("//regions");
    assert_eq!(status, 301);
    assert!(head.contains("location: /regions/\r\n"), "{head}");
    // HEAD keeps the real length and sends no body.
    let mut t = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    write!(
        t,
        "HEAD /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    t.read_to_string(&mut raw).unwrap();
    let len = std::fs::metadata(s.path("public/style.css")).unwrap().len();
    assert!(
        raw.to_lowercase()
            .contains(&format!("content-length: {len}")),
        "{raw}"
    );
    assert!(raw.ends_with("\r\n\r\n"), "no body");
    // Hidden files are not served.
    let (status, _, _) = s.get("/.sitrep-output");
    assert_eq!(status, 404);
}

#[test]
fn sigterm_stops_cleanly() {
    let mut s = Server::start(&[]);
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(s.child.id() as i32, libc::SIGTERM);
    }
    let start = Instant::now();
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
}
