//! Names too long for a file system: a slug, a file or folder name, a country or a
//! region that would make an output path segment over 255 bytes is cut to a safe
//! length with a hash, and a page path too long for any file system is an error
//! naming the file; `sitrep build` and `sitrep check` agree on both.

mod common;

use std::path::Path;

use common::*;
use sitrep::site::paths::MAX_SEGMENT_BYTES;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// "checked N files" from `sitrep check`'s last line.
fn checked_files(out: &std::process::Output) -> usize {
    let t = text(out);
    let line = t.lines().find(|l| l.starts_with("checked ")).unwrap();
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap()
}

#[test]
fn long_slugs_file_folder_and_country_names_are_cut_with_a_hash() {
    let tmp = fixture_copy();
    let root = tmp.path();
    let reports = root.join("content/reports");
    // A long non-Latin file name (80 characters, 240 bytes): its transliterated slug
    // is some 400 bytes.
    let cjk = "中華人民共和國國務院新聞辦公室".repeat(6)[..240].to_string();
    write(
        &reports.join(format!("{cjk}.md")),
        "---\ntitle: CJK\ndate: 2025-07-01\ncountries: [China]\n---\nText.\n",
    );
    // Two long `slug:`s that differ only at their end.
    let long = "very-long-slug-".repeat(20);
    for end in ["a", "b"] {
        write(
            &reports.join(format!("long-{end}.md")),
            &format!("---\ntitle: Long {end}\ndate: 2025-07-02\nslug: {long}{end}\n---\nText.\n"),
        );
    }
    // A long folder name, and a long country name.
    write(
        &root.join(format!("content/{cjk}/inside.md")),
        &format!(
            "---\ntitle: Inside\ndate: 2025-07-03\ncountries: [\"{}\"]\n---\nText.\n",
            "Very Long Imaginary Republic ".repeat(12)
        ),
    );
    let out = sitrep(root, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = root.join("public");
    let files = snapshot(&public);
    for f in files.keys() {
        for segment in f.split('/') {
            assert!(segment.len() <= MAX_SEGMENT_BYTES, "{f}");
        }
    }
    let long_pages: Vec<&String> = files
        .keys()
        .filter(|f| f.starts_with("reports/very-long-slug-") && f.ends_with("/index.html"))
        .collect();
    assert_eq!(long_pages.len(), 2, "two pages: {long_pages:?}");
    assert!(
        files
            .keys()
            .any(|f| f.starts_with("reports/zhong-hua-ren-min")),
        "the CJK file's page: {:?}",
        files
            .keys()
            .filter(|f| f.starts_with("reports/"))
            .collect::<Vec<_>>()
    );
    assert!(
        files
            .keys()
            .any(|f| f.starts_with("zhong-hua-ren-min") && f.ends_with("/inside/index.html"))
    );
    assert!(
        files
            .keys()
            .any(|f| f.starts_with("countries/very-long-imaginary-republic-")),
        "the long country's page"
    );

    // `sitrep check` checks the same files and finds nothing broken.
    let check = sitrep(root, &["check"]);
    assert!(check.status.success(), "{}", text(&check));
    assert_eq!(checked_files(&check), files.len() - 1, "all but the marker");
}

#[test]
fn a_page_path_too_long_for_any_file_system_is_an_error_naming_the_file() {
    let tmp = fixture_copy();
    let root = tmp.path();
    // Nine folders of 130 bytes: each is cut to 120, the page path is still some
    // 1,100 bytes.
    let mut dir = root.join("content");
    for i in 0..9 {
        dir = dir.join(format!("{i}{}", "a".repeat(129)));
    }
    write(
        &dir.join("deep.md"),
        "---\ntitle: Deep\ndate: 2025-07-01\n---\nText.\n",
    );
    for cmd in ["build", "check"] {
        let out = sitrep(root, &[cmd]);
        let msg = text(&out);
        assert!(!out.status.success(), "{cmd}: {msg}");
        assert!(
            msg.contains("deep.md: its URL path is") && msg.contains("bytes long"),
            "{cmd}: {msg}"
        );
        assert!(!msg.contains("os error"), "{cmd}: {msg}");
    }
}
