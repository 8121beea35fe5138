//! A report's date keeps its moment: a time and offset written in the front matter
//! are the instant that feeds, JSON exports, the sitemap and pages show, and the
//! order of the reports; a plain date stays a date.

mod common;

use std::path::Path;

use common::*;

fn report(dir: &Path, name: &str, title: &str, date: &str) {
    std::fs::write(
        dir.join(format!("{name}.md")),
        format!("---\ntitle: {title}\ndate: {date}\ncountries: [Sudan]\n---\n\nText.\n"),
    )
    .unwrap();
}

/// A site whose reports are dated in several forms; their instants (UTC), newest
/// first: Delta 1 Aug 03:30, Charlie 1 Aug 00:00 (a day), Bravo 31 Jul 23:00,
/// Alpha 31 Jul 22:00.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.yaml"),
        "title: T\nbase_url: https://example.org/\n",
    )
    .unwrap();
    let dir = tmp.path().join("content/reports");
    std::fs::create_dir_all(&dir).unwrap();
    report(&dir, "alpha", "Alpha", "2025-08-01T01:00:00+03:00");
    report(&dir, "bravo", "Bravo", "2025-07-31 23:00");
    report(&dir, "charlie", "Charlie", "2025-08-01");
    report(&dir, "delta", "Delta", "\"2025-07-31T22:30:00-05:00\"");
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    tmp
}

#[test]
fn feeds_exports_sitemap_and_pages_show_the_instant_written() {
    let tmp = site();
    let out = tmp.path().join("public");
    let xml = std::fs::read_to_string(out.join("atom.xml")).unwrap();
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).unwrap();
    let entries: Vec<(String, String, String)> = feed
        .entries()
        .iter()
        .map(|e| {
            (
                e.title().as_str().to_string(),
                e.updated().to_rfc3339(),
                e.published().unwrap().to_rfc3339(),
            )
        })
        .collect();
    let want = [
        ("Delta", "2025-07-31T22:30:00-05:00"),
        ("Charlie", "2025-08-01T00:00:00+00:00"),
        ("Bravo", "2025-07-31T23:00:00+00:00"),
        ("Alpha", "2025-08-01T01:00:00+03:00"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(t, d)| (t.to_string(), d.to_string(), d.to_string()))
        .collect();
    assert_eq!(entries, want, "in the order of their instants");
    assert_eq!(feed.updated().to_rfc3339(), "2025-07-31T22:30:00-05:00");

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("reports.json")).unwrap()).unwrap();
    let dates: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap(), r["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        dates,
        [
            ("Delta", "2025-07-31T22:30:00-05:00"),
            ("Charlie", "2025-08-01"),
            ("Bravo", "2025-07-31T23:00:00+00:00"),
            ("Alpha", "2025-08-01T01:00:00+03:00"),
        ]
    );

    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("reports/alpha/</loc>\n    <lastmod>2025-08-01T01:00:00+03:00</lastmod>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("reports/charlie/</loc>\n    <lastmod>2025-08-01</lastmod>"),
        "{sitemap}"
    );

    let page = std::fs::read_to_string(out.join("reports/alpha/index.html")).unwrap();
    assert!(
        page.contains(r#"<time datetime="2025-08-01T01:00:00+03:00">"#),
        "{page}"
    );
    assert!(page.contains("1 August 2025, 01:00 (UTC+03:00)"), "{page}");
    let page = std::fs::read_to_string(out.join("reports/charlie/index.html")).unwrap();
    assert!(page.contains(r#"<time datetime="2025-08-01">"#), "{page}");
}

#[test]
fn a_report_is_in_the_month_of_its_day_as_written() {
    let site = site();
    let out = site.path().join("public");
    // Delta, written 31 July at -05:00, is a July report, though 1 August in UTC.
    let july = std::fs::read_to_string(out.join("months/2025-07/index.html")).unwrap();
    let august = std::fs::read_to_string(out.join("months/2025-08/index.html")).unwrap();
    assert!(july.contains("Delta") && july.contains("Bravo"), "{july}");
    assert!(
        august.contains("Alpha") && august.contains("Charlie"),
        "{august}"
    );
    assert!(!august.contains("Delta") && !july.contains("Alpha"));
}
