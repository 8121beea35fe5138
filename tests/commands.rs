//! `sitrep init`, `sitrep check` and `sitrep completions`, and every command that
//! builds refusing a folder that is not a site.

mod common;

use std::path::Path;

use common::*;

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out = sitrep(tmp.path(), &["init", "mysite"]);
    assert!(out.status.success(), "{}", text(&out));
    let site = tmp.path().join("mysite");
    for f in [
        "config.yaml",
        ".gitignore",
        "themes/default/templates/base.html",
        "themes/default/static/style.css",
    ] {
        assert!(site.join(f).is_file(), "{f}");
    }
    let out = sitrep(&site, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(site.join("public/index.html").is_file());
    let reports: Vec<_> = std::fs::read_dir(site.join("public/reports"))
        .unwrap()
        .collect();
    assert_eq!(reports.len(), 1, "the example report");
    // Not over an existing site.
    let again = sitrep(tmp.path(), &["init", "mysite"]);
    assert!(!again.status.success());
    assert!(text(&again).contains("is not empty"));
}

#[test]
fn commands_that_build_refuse_a_folder_that_is_not_a_site() {
    // A mistyped --root, or `sitrep build` in the wrong folder, used to publish an
    // empty site there and succeed.
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["build"][..],
        &["build", "--root", "nowhere"],
        &["check"],
        &["watch"],
        &["serve", "--root", "nowhere", "--port", "0"],
    ] {
        let out = sitrep(tmp.path(), args);
        let msg = text(&out);
        assert!(!out.status.success(), "{args:?}: {msg}");
        assert!(msg.contains("is not a sitrep site"), "{args:?}: {msg}");
        let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert!(left.is_empty(), "{args:?} wrote {left:?}");
    }
    // A folder with either half of a site builds.
    std::fs::create_dir(tmp.path().join("content")).unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn check_reports_broken_links_anchors_and_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    let out = sitrep(tmp.path(), &["check"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("0 error(s)"), "{}", text(&out));

    let reports = tmp.path().join("content/reports");
    std::fs::write(
        reports.join("links.md"),
        "---\ntitle: Links\ndate: 2025-07-01\nregion: Africa\n---\n[gone](../nope/) [anchor](#nowhere) [ok](../2025-07-08-kachin/) [note](#1)[^1]\n\n[^1]: A note.\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("dup.md"),
        "---\ntitle: links\ndate: 2025-07-02\n---\nNo region.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["check"]);
    let msg = text(&out);
    assert!(!out.status.success(), "{msg}");
    assert!(
        msg.contains("reports/links/index.html: broken link `../nope/`"),
        "{msg}"
    );
    assert!(msg.contains("broken anchor `#nowhere`"), "{msg}");
    assert!(!msg.contains("`../2025-07-08-kachin/`"), "{msg}");
    assert!(msg.contains("dup.md: no region"), "{msg}");
    assert!(msg.contains("the same title in"), "{msg}");
    assert!(msg.contains("2 error(s)"), "{msg}");
    assert!(!tmp.path().join("public").exists(), "check writes nothing");
}

#[test]
fn completions_for_bash() {
    let tmp = tempfile::tempdir().unwrap();
    let out = sitrep(tmp.path(), &["completions", "bash"]);
    assert!(out.status.success());
    let script = String::from_utf8_lossy(&out.stdout);
    assert!(script.contains("sitrep") && script.contains("import") && script.contains("serve"));
}

#[test]
fn check_resolves_root_relative_links_under_the_base_path() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    // The fixture is deployed at https://example.org/sitrep/.
    std::fs::write(
        tmp.path().join("content/reports/rooted.md"),
        "---\ntitle: Rooted\ndate: 2025-07-01\nregion: Africa\n---\n[works](/sitrep/reports/2025-07-08-kachin/) [404 once deployed](/reports/2025-07-08-kachin/)\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["check"]);
    let msg = text(&out);
    assert!(
        msg.contains(
            "broken link `/reports/2025-07-08-kachin/` (outside the site's path `/sitrep/`)"
        ),
        "{msg}"
    );
    assert!(
        !msg.contains("`/sitrep/reports/2025-07-08-kachin/`"),
        "{msg}"
    );
    assert!(msg.contains("1 error(s)"), "{msg}");
}
