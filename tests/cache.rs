//! The build cache: a build with nothing changed does nothing; after a change, output
//! files whose bytes are the same are not written again; and the output is byte for
//! byte the same whatever the number of threads.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

use common::*;

/// Every output file: bytes (from `common::snapshot`) and inode.
fn snapshot_with_inodes(dir: &Path) -> BTreeMap<String, (Vec<u8>, u64)> {
    snapshot(dir)
        .into_iter()
        .map(|(rel, bytes)| {
            let ino = std::fs::metadata(dir.join(&rel)).unwrap().ino();
            (rel, (bytes, ino))
        })
        .collect()
}

#[test]
fn nothing_changed_means_nothing_done_and_unchanged_files_are_not_rewritten() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let first = snapshot_with_inodes(&tmp.path().join("public"));

    let again = sitrep(tmp.path(), &["build"]);
    assert!(text(&again).contains("is up to date"), "{}", text(&again));
    assert_eq!(
        snapshot_with_inodes(&tmp.path().join("public")),
        first,
        "not a byte or inode changed"
    );

    // Edit one report's body: its page changes, pages that do not list its body keep
    // their inode (hard-linked from the old output, not written again).
    let file = tmp.path().join("content/reports/2025-06-30-sudan.md");
    let text_before = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text_before}\nA new paragraph.\n")).unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let second = snapshot_with_inodes(&tmp.path().join("public"));
    let page = "reports/2025-06-30-sudan/index.html";
    assert_ne!(second[page].0, first[page].0);
    let kept = [
        "index.html",
        "regions/africa/index.html",
        "reports/2025-07-08-kachin/index.html",
        "style.css",
    ];
    for f in kept {
        assert_eq!(second[f], first[f], "{f} reused, same inode");
    }

    // The cache is only a hint: an output file changed by hand means a real build.
    std::fs::write(tmp.path().join("public/index.html"), "tampered").unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(!text(&out).contains("is up to date"), "{}", text(&out));
    assert_eq!(
        snapshot_with_inodes(&tmp.path().join("public"))["index.html"].0,
        second["index.html"].0
    );
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    // The bundled site: 41 real reports, every page kind.
    for d in ["content", "themes"] {
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(d),
            &site.join(d),
        );
    }
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("config.yaml"),
        site.join("config.yaml"),
    )
    .unwrap();
    let build = |threads: &str, out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["build", "--output", out])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(&site)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", text(&o));
        snapshot(&site.join(out))
    };
    let one = build("1", "out1");
    let many = build("8", "out8");
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        many.keys().collect::<Vec<_>>()
    );
    for (f, bytes) in &one {
        assert!(many[f] == *bytes, "{f} differs between 1 and 8 threads");
    }
}

/// Rewrites `file` with `text` (of the same size), then puts its modification time
/// back: as a restore from a backup, or a sync tool, leaves it.
fn rewrite_keeping_size_and_mtime(file: &Path, text: &str, replace: bool) {
    let before = std::fs::metadata(file).unwrap();
    assert_eq!(before.len(), text.len() as u64, "same size");
    let target = if replace {
        // Written beside and renamed over it, as rsync does.
        file.with_extension("md.new")
    } else {
        file.to_path_buf()
    };
    std::fs::write(&target, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&target)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    if replace {
        std::fs::rename(&target, file).unwrap();
    }
    let after = std::fs::metadata(file).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
}

#[test]
fn edits_that_keep_size_and_modification_time_are_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    let file = tmp.path().join("content/reports/2025-06-30-sudan.md");
    let page = tmp
        .path()
        .join("public/reports/2025-06-30-sudan/index.html");
    let original = std::fs::read_to_string(&file).unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    for (word, replace) in [("Shelling", false), ("Clashing", true)] {
        let edited = original.replace("Fighting", word);
        rewrite_keeping_size_and_mtime(&file, &edited, replace);
        let out = sitrep(tmp.path(), &["build"]);
        assert!(!text(&out).contains("up to date"), "{word}: {}", text(&out));
        let html = std::fs::read_to_string(&page).unwrap();
        assert!(html.contains(&format!("{word} in El Fasher")), "{word}");
    }
    // Nothing changed since: up to date again.
    let out = sitrep(tmp.path(), &["build"]);
    assert!(text(&out).contains("is up to date"), "{}", text(&out));
}

#[test]
fn no_cache_builds_and_writes_everything_and_writes_the_cache_anew() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    assert!(sitrep(tmp.path(), &["build"]).status.success());
    let first = snapshot_with_inodes(&tmp.path().join("public"));
    let out = sitrep(tmp.path(), &["build", "--no-cache"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("up to date"), "{}", text(&out));
    let second = snapshot_with_inodes(&tmp.path().join("public"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (f, (bytes, ino)) in &first {
        assert_eq!(&second[f].0, bytes, "{f}: same bytes");
        assert_ne!(second[f].1, *ino, "{f}: written again, not linked");
    }
    let out = sitrep(tmp.path(), &["build"]);
    assert!(text(&out).contains("is up to date"), "{}", text(&out));
}

/// A site with a folder per report builds, and is seen up to
/// date, under a small limit of open files: no walk keeps every folder open.
#[cfg(unix)]
#[test]
fn a_folder_per_report_builds_under_a_small_open_file_limit() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.yaml"),
        "title: Bundles\nbase_url: https://example.org/\n",
    )
    .unwrap();
    let reports = 400;
    for i in 0..reports {
        let dir = tmp.path().join(format!("content/reports/r{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("report.md"),
            format!("---\ntitle: Report {i}\ndate: 2025-03-01\nregion: Europe\n---\nBody {i}.\n"),
        )
        .unwrap();
    }
    let build = || {
        Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -n 64 && exec '{}' build",
                env!("CARGO_BIN_EXE_sitrep")
            ))
            .current_dir(tmp.path())
            .output()
            .unwrap()
    };
    let out = build();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("({reports} reports)")),
        "{}",
        text(&out)
    );
    assert!(
        tmp.path()
            .join("public/reports/r399/report/index.html")
            .is_file()
    );
    let again = build();
    assert!(text(&again).contains("is up to date"), "{}", text(&again));
    // An edit deep in a folder is seen.
    std::fs::write(
        tmp.path().join("content/reports/r7/report.md"),
        "---\ntitle: Report seven, edited\ndate: 2025-03-01\nregion: Europe\n---\nBody.\n",
    )
    .unwrap();
    let out = build();
    assert!(!text(&out).contains("is up to date"), "{}", text(&out));
    let page =
        std::fs::read_to_string(tmp.path().join("public/reports/r7/report/index.html")).unwrap();
    assert!(page.contains("Report seven, edited"));
}

/// A named pipe among the inputs, made just before a build (when the cache reads the
/// files changed last by their bytes), neither hangs the build nor is read.
#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_inputs_does_not_hang_the_build() {
    let tmp = fixture_copy();
    let pipe = tmp.path().join("static/pipe");
    std::fs::create_dir_all(pipe.parent().unwrap()).unwrap();
    let status = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["--quiet", "build"])
        .current_dir(tmp.path())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let finished = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let status = finished.expect("the build waited on the pipe");
    assert!(status.success());
    assert!(tmp.path().join("public/index.html").is_file());
}
