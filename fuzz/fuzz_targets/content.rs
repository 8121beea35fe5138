//! Fuzz target: any text as a content file: front matter (its date and id too), then
//! Markdown rendered with raw HTML sanitised. Must never panic; front matter written
//! back reads as the same report; and sanitised output must hold no active
//! content (script-like elements, event handlers, `javascript:` URLs), as parsed by
//! an HTML parser (text that merely looks like markup does not count).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sitrep::render::markdown::{RawHtml, markdown_to_html};

fn active_content(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        let tag = el.name().to_ascii_lowercase();
        if matches!(
            tag.as_str(),
            "script" | "iframe" | "object" | "embed" | "style" | "frame" | "frameset" | "base"
                | "meta" | "link" | "form"
        ) {
            return Some(format!("element <{tag}>"));
        }
        for (k, v) in el.attrs() {
            let value: String = v.chars().filter(|c| !c.is_whitespace()).collect();
            let value = value.to_ascii_lowercase();
            if k.to_ascii_lowercase().starts_with("on")
                || ["javascript:", "vbscript:", "data:"].iter().any(|s| value.starts_with(s))
            {
                return Some(format!("attribute {k}={v}"));
            }
        }
    }
    None
}

fuzz_target!(|data: &[u8]| {
    let text = sitrep::text::decode(data).text;
    if let Ok(doc) = sitrep::site::front_matter::parse(&text, Path::new("fuzz.md")) {
        let _ = markdown_to_html(&doc.body, RawHtml::Sanitise);
        // What the build reads, import can write back: the same report.
        let fm = &doc.front_matter;
        let written = sitrep::site::front_matter::to_string(fm, &doc.body);
        let again = sitrep::site::front_matter::parse(&written, Path::new("fuzz.md"))
            .unwrap_or_else(|e| panic!("{e}: {written}"))
            .front_matter;
        assert_eq!(
            (&again.title, &again.date, &again.id, &again.slug, &again.countries),
            (&fm.title, &fm.date, &fm.id, &fm.slug, &fm.countries),
            "{written}"
        );
        if let (Some(a), Some(b)) = (again.date, fm.date) {
            assert_eq!(a.to_string(), b.to_string(), "a date is written as read");
        }
    }
    // The body alone, too: most inputs have no valid front matter.
    if let Ok(html) = markdown_to_html(&text, RawHtml::Sanitise)
        && let Some(problem) = active_content(&html)
    {
        panic!("{problem} in {html}");
    }
});
