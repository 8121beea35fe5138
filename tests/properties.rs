//! Property tests (proptest): for any input, the importer returns a report or an error
//! and never panics; imported text renders as text only; and rendered Markdown holds no
//! element or attribute that sanitising should have removed.

use std::path::Path;

use proptest::prelude::*;
use sitrep::import::import_report;
use sitrep::render::markdown::{RawHtml, markdown_to_html};
use sitrep::site::region::{Regions, default_regions};

fn regions() -> Regions {
    Regions::new(&default_regions()).unwrap()
}

/// Elements and attributes found in an HTML fragment.
fn elements_and_attributes(html: &str) -> (Vec<String>, Vec<String>) {
    let doc = scraper::Html::parse_fragment(html);
    let mut elements = Vec::new();
    let mut attributes = Vec::new();
    for node in doc.tree.nodes() {
        if let Some(el) = node.value().as_element() {
            elements.push(el.name().to_string());
            attributes.extend(el.attrs().map(|(k, v)| format!("{k}={v}")));
        }
    }
    (elements, attributes)
}

/// Text that looks like a seed: a date line, then lines of words, markup and noise.
fn seed_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[A-Za-z ,.'’-]{0,80}",
        "<script>alert\\(1\\)</script>",
        "<img src=x onerror=alert\\(1\\)>",
        "\\[click\\]\\(javascript:alert\\(1\\)\\)",
        "[#>*_`~|\\-+=0-9. ]{0,20}[A-Za-z ]{0,30}",
        ".{0,60}",
    ];
    (prop::collection::vec(line, 1..12))
        .prop_map(|lines| format!("July 8, 2025Wire\n{}", lines.join("\n")))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_bytes_import_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let r = regions();
        if let Ok(report) = import_report("p.txt", &bytes, &r) {
            let md = report.to_markdown();
            let doc = sitrep::site::front_matter::parse(&md, Path::new("p.md")).unwrap();
            prop_assert_eq!(doc.front_matter.title, report.front_matter.title);
        }
    }

    #[test]
    fn imported_text_renders_as_text_only(seed in seed_like()) {
        let r = regions();
        if let Ok(report) = import_report("p.txt", seed.as_bytes(), &r) {
            let html = markdown_to_html(&report.body, RawHtml::Sanitise).unwrap();
            let (elements, attributes) = elements_and_attributes(&html);
            // Seed text is escaped: only paragraphs (html is the fragment's root).
            for e in &elements {
                prop_assert!(matches!(e.as_str(), "p" | "html" | "head" | "body"), "element <{}> in {}", e, html);
            }
            prop_assert!(attributes.is_empty(), "attributes {:?} in {}", attributes, html);
        }
    }

    #[test]
    fn sanitised_markdown_has_no_active_content(md in ".{0,300}|(<[a-z]{1,8}( on[a-z]{1,8}=x| href=javascript:x| src=x)*>[a-z]{0,5}){1,5}") {
        if let Ok(html) = markdown_to_html(&md, RawHtml::Sanitise) {
            let (elements, attributes) = elements_and_attributes(&html);
            for e in &elements {
                prop_assert!(
                    !matches!(e.as_str(), "script" | "iframe" | "object" | "embed" | "style" | "form" | "input" | "frame" | "base" | "meta" | "link"),
                    "element <{}> in {}", e, html
                );
            }
            for a in &attributes {
                let lower = a.to_ascii_lowercase();
                prop_assert!(!lower.starts_with("on"), "attribute {} in {}", a, html);
                prop_assert!(!lower.contains("javascript:"), "attribute {} in {}", a, html);
            }
        }
    }
}

/// Inputs the fuzzers found (`fuzz/`), kept as regression tests: each must go through
/// the same checks as in its fuzz target.
#[test]
fn fuzz_findings_stay_fixed() {
    let r = regions();
    for entry in std::fs::read_dir("tests/fixtures/fuzz").unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let _ = import_report("fuzz.txt", &bytes, &r);
        let text = sitrep::text::decode(&bytes).text;
        if let Ok(doc) = sitrep::site::front_matter::parse(&text, Path::new("fuzz.md")) {
            let _ = markdown_to_html(&doc.body, RawHtml::Sanitise);
        }
        if let Ok(html) = markdown_to_html(&text, RawHtml::Sanitise) {
            let (elements, attributes) = elements_and_attributes(&html);
            assert!(
                !elements.iter().any(|e| e == "script"),
                "{}",
                path.display()
            );
            for a in attributes {
                let lower = a.to_ascii_lowercase();
                assert!(
                    !lower.starts_with("on") && !lower.contains("=javascript:"),
                    "{}: {a}",
                    path.display()
                );
            }
        }
    }
}
