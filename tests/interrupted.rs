//! A build killed in the middle (kill -9) leaves the previous output whole, byte for
//! byte, and the next build cleans up after it.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

#[test]
fn a_killed_build_leaves_the_previous_output_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_tree(Path::new("tests/fixtures/site"), root);
    let reports = root.join("content/reports");
    for i in 0..3000 {
        std::fs::write(
            reports.join(format!("bulk-{i:04}.md")),
            format!(
                "---\ntitle: Bulk report {i}\ndate: 2024-{:02}-{:02}\ncountries: [Sudan]\n---\n{}\n",
                i % 12 + 1,
                i % 28 + 1,
                "Fighting went on in the capital, residents said. ".repeat(40)
            ),
        )
        .unwrap();
    }
    let out = sitrep(root, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let before = snapshot(&root.join("public"));

    // Change every report, start a build and kill it while it writes.
    for i in 0..3000 {
        let f = reports.join(format!("bulk-{i:04}.md"));
        let text = std::fs::read_to_string(&f).unwrap();
        std::fs::write(&f, text.replace("Bulk report", "Changed report")).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .arg("build")
        .current_dir(root)
        .spawn()
        .unwrap();
    let start = Instant::now();
    let staging_has_pages = || {
        std::fs::read_dir(root)
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| {
                e.file_name().to_string_lossy().contains("staging")
                    && e.path().join("reports").is_dir()
            })
    };
    while !staging_has_pages() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the build never started writing"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build finished before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "previous output intact"
    );

    // The next build succeeds and its output is the new one.
    let out = sitrep(root, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let page = std::fs::read_to_string(root.join("public/reports/bulk-0007/index.html")).unwrap();
    assert!(page.contains("Changed report 7"));
    // ...and it removed the killed build's staging folder (its process is gone).
    let leftovers: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
