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

proptest::proptest! {
    /// Any moment written in front matter is read as that instant, with its offset,
    /// and written back (as import and the exports write it) as it was read.
    #[test]
    fn any_moment_round_trips_through_front_matter(
        secs in 0i64..253_402_000_000,
        nanos in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..1_000_000_000],
        offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59),
    ) {
        use chrono::{DateTime, FixedOffset};
        let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
        let moment = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
        let written = moment.to_rfc3339();
        let text = format!("---\ntitle: T\ndate: {written}\n---\nBody.\n");
        let parsed = sitrep::site::front_matter::parse(&text, Path::new("x.md"));
        // Years outside 1 to 9999, in UTC or as written, are refused with a message.
        let in_range = |y: i32| (1..=9999).contains(&y);
        use chrono::Datelike;
        if !in_range(moment.year()) || !in_range(moment.naive_utc().year()) {
            proptest::prop_assert!(parsed.is_err());
            return Ok(());
        }
        let fm = parsed.unwrap().front_matter;
        let date = fm.date.unwrap();
        proptest::prop_assert_eq!(date.instant(), moment);
        proptest::prop_assert_eq!(
            date.instant().offset().local_minus_utc(),
            moment.offset().local_minus_utc()
        );
        proptest::prop_assert_eq!(date.day(), moment.date_naive());
        let again = sitrep::site::front_matter::to_string(&fm, "Body.");
        let fm2 = sitrep::site::front_matter::parse(&again, Path::new("x.md")).unwrap().front_matter;
        proptest::prop_assert_eq!(fm2.date, fm.date);
        proptest::prop_assert_eq!(fm2.date.unwrap().to_string(), date.to_string());
    }
}
