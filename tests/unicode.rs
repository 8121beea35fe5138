//! Canonically equal text is equal: a name written decomposed (a letter followed by a
//! combining mark, as macOS file names and copy-paste give it) and the same name
//! composed are one country, one region, one source, one slug, one search word.

mod common;

use common::*;

/// `Côte d'Ivoire` composed (U+00F4) and decomposed (`o` + U+0302).
const COTE_NFC: &str = "C\u{f4}te d'Ivoire";
const COTE_NFD: &str = "Co\u{302}te d'Ivoire";

fn write(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn decomposed_names_are_the_composed_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // A region named decomposed in the configuration, composed in a report.
    std::fs::write(
        root.join("config.yaml"),
        "base_url: https://example.org/\nregions:\n- name: \"Oce\\u0301anie\"\n  include: [region:oceania]\n- name: Afrique\n  include: [region:africa]\n- name: Autres\n  include: [region:asia, region:europe, region:americas]\n",
    )
    .unwrap();
    let reports = root.join("content/reports");
    write(
        &reports,
        "a.md",
        &format!(
            "---\ntitle: A\ndate: 2025-07-01\nsource: Agence Fran\u{e7}aise\ncountries: [{COTE_NFC}]\n---\nCalm in {COTE_NFC}.\n"
        ),
    );
    // Decomposed in the file itself, and through a YAML escape.
    write(
        &reports,
        "b.md",
        &format!(
            "---\ntitle: B\ndate: 2025-07-02\nsource: \"Agence Franc\\u0327aise\"\ncountries: [\"{COTE_NFD}\"]\n---\nTalks in {COTE_NFD}.\n"
        ),
    );
    write(
        &reports,
        "c.md",
        "---\ntitle: C\ndate: 2025-07-03\ncountries: [Tu\u{308}rkiye]\n---\nText.\n",
    );
    write(
        &reports,
        "d.md",
        "---\ntitle: D\ndate: 2025-07-04\nregion: Oc\u{e9}anie\n---\nText.\n",
    );
    // A file name written decomposed gives the slug of the composed one.
    write(
        &reports,
        "Re\u{301}union.md",
        "---\ntitle: \"E\\u0301tat\"\ndate: 2025-07-05\ncountries: [Fiji]\n---\nText.\n",
    );
    let out = sitrep(root, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = root.join("public");

    // One Côte d'Ivoire page listing both reports, spelt composed.
    let country = public.join("countries/cote-d-ivoire/index.html");
    assert!(page_links_to(&country, &public, "reports/a/"));
    assert!(page_links_to(&country, &public, "reports/b/"));
    let list = std::fs::read_to_string(public.join("countries/index.html")).unwrap();
    assert_eq!(
        list.matches("countries/cote-d-ivoire/").count(),
        1,
        "{list}"
    );
    // (The apostrophe is escaped in HTML.)
    assert!(list.contains("C\u{f4}te d") && !list.contains("Co\u{302}te d"));

    // Decomposed Türkiye is the gazetteer's Turkey, with its region.
    assert!(public.join("countries/turkey/index.html").is_file());
    assert!(!public.join("countries/turkiye").exists());
    assert!(page_links_to(
        &public.join("regions/autres/index.html"),
        &public,
        "reports/c/"
    ));

    // The region written composed in a report is the configuration's decomposed one.
    let oceanie = public.join("regions/oceanie/index.html");
    assert!(page_links_to(&oceanie, &public, "reports/d/"));
    assert!(page_links_to(&oceanie, &public, "reports/reunion/"));

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("reports.json")).unwrap())
            .unwrap();
    let by_title = |t: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|r| r["title"] == t)
            .unwrap()
            .clone()
    };
    assert_eq!(by_title("A")["source"], by_title("B")["source"]);
    assert_eq!(by_title("B")["source"], "Agence Fran\u{e7}aise");
    assert_eq!(by_title("B")["countries"][0], COTE_NFC);
    assert_eq!(by_title("\u{c9}tat")["region"], "Oc\u{e9}anie");

    // The search finds the decomposed body by the word `cote` too.
    if let Some(found) = search_query(&public, "cote", "{}") {
        assert_eq!(search_titles(&found), ["B", "A"]);
    }

    // `sitrep check` agrees.
    let out = sitrep(root, &["check"]);
    assert!(out.status.success(), "{}", text(&out));
}

/// Two files whose names look the same but are written one composed, one decomposed,
/// have one URL: the error says how the names differ.
#[test]
fn names_that_differ_only_in_composition_are_told_apart_in_the_error() {
    let tmp = tempfile::tempdir().unwrap();
    let reports = tmp.path().join("content/reports");
    let text = "---\ntitle: T\ndate: 2025-07-01\n---\nText.\n";
    write(&reports, "Cear\u{e1}.md", text);
    write(&reports, "Ceara\u{301}.md", text);
    let out = sitrep(tmp.path(), &["build"]);
    assert!(!out.status.success());
    assert!(
        common::text(&out).contains("has the same URL `/reports/ceara/`")
            && common::text(&out).contains("differ only in how their accented letters are encoded"),
        "{}",
        common::text(&out)
    );
}
