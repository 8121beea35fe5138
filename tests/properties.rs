//! Property tests (proptest): for any input, the importer never panics and loses no
//! page (anything with text becomes a report, a draft when undated); imported text
//! renders as text only; and rendered Markdown holds no element or attribute that
//! sanitising should have removed.

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
    fn any_bytes_import_and_no_page_is_lost(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let r = regions();
        match import_report("p.txt", &bytes, &r) {
            Ok(report) => {
                let md = report.to_markdown();
                let doc = sitrep::site::front_matter::parse(&md, Path::new("p.md")).unwrap();
                prop_assert_eq!(&doc.front_matter.title, &report.front_matter.title);
                // Undated or unplaced: a draft, never a published guess.
                let fm = &report.front_matter;
                if fm.date.is_none() || fm.countries.is_empty() {
                    prop_assert!(fm.draft);
                }
            }
            // Only a file with no text at all is refused.
            Err(_) => prop_assert!(!has_text(&bytes)),
        }
    }

    #[test]
    fn any_page_like_text_imports(lines in prop::collection::vec("[ -~]{0,40}|[\\p{L} ,.]{0,80}", 1..15)) {
        let text = lines.join("\n");
        let r = regions();
        let result = import_report("p.txt", text.as_bytes(), &r);
        prop_assert!(result.is_ok() || !has_text(text.as_bytes()), "{:?}", result.err());
    }

    #[test]
    fn imported_text_renders_as_text_only(seed in seed_like()) {
        let r = regions();
        if let Ok(report) = import_report("p.txt", seed.as_bytes(), &r) {
            let html = markdown_to_html(&report.body, RawHtml::Sanitise).unwrap();
            let (elements, attributes) = elements_and_attributes(&html);
            // Seed text is escaped: only paragraphs, headings and lists (html is the
            // fragment's root).
            for e in &elements {
                prop_assert!(
                    matches!(e.as_str(), "p" | "h2" | "ul" | "li" | "html" | "head" | "body"),
                    "element <{}> in {}", e, html
                );
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

/// Whether `bytes` hold any text a page could be made of (not only white space,
/// control characters and byte order marks).
fn has_text(bytes: &[u8]) -> bool {
    sitrep::text::decode(bytes).text.chars().any(|c| {
        !c.is_whitespace()
            && sitrep::text::is_publishable(c)
            && !matches!(c, '\u{fffd}' | '\u{feff}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
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
