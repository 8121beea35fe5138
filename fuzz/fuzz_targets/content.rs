//! Fuzz target: any text as a content file: front matter, then Markdown rendered with
//! raw HTML sanitised. Must never panic, and sanitised output must hold no active
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
    }
    // The body alone, too: most inputs have no valid front matter.
    if let Ok(html) = markdown_to_html(&text, RawHtml::Sanitise)
        && let Some(problem) = active_content(&html)
    {
        panic!("{problem} in {html}");
    }
});
