//! The body of a page: its paragraphs, section headings and lists, once the head,
//! the chrome and the trailer are taken; hard-wrapped lines joined again.

use std::sync::LazyLock;

use regex::Regex;

use super::head::{Head, same_text, source_line_outlet};
use super::{Block, BlockKind, Page, Role, ends_sentence, words};
use crate::import::chrome::bullet_item;

impl Page<'_> {
    /// The article's blocks: every line no other role took, in order. A short line
    /// without a closing stop between paragraphs is a section heading; a bulleted
    /// line a list item; the headline repeated, a standalone date line and a link
    /// blog's source line are dropped.
    pub(super) fn body(&mut self, head: &Head) -> Vec<Block> {
        let text: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.roles[i] == Role::Text)
            .collect();
        let wrapped = self.is_hard_wrapped(&text);
        let mut blocks: Vec<Block> = Vec::new();
        let mut previous: Option<usize> = None;
        for (k, &i) in text.iter().enumerate() {
            let t = self.text(i).to_string();
            let is_date_line = self.dates[i].as_ref().is_some_and(|d| d.standalone);
            let repeat = head.headline.as_deref().is_some_and(|h| same_text(h, &t))
                || head
                    .standfirst
                    .as_deref()
                    .is_some_and(|s| s == t && blocks.is_empty());
            if is_date_line || repeat || source_line_outlet(&t).is_some() {
                self.roles[i] = Role::Chrome;
                continue;
            }
            // A hard-wrapped line continues the paragraph above it.
            if wrapped
                && let (Some(p), Some(last)) = (previous, blocks.last_mut())
                && self.lines[i].no == self.lines[p].no + 1
                && last.kind == BlockKind::Paragraph
                && !ends_sentence(&last.text)
                && bullet_item(&t).is_none()
            {
                last.text.push(' ');
                last.text.push_str(&t);
                previous = Some(i);
                continue;
            }
            let kind = if let Some(item) = bullet_item(&t) {
                blocks.push(Block {
                    line: self.lines[i].no,
                    kind: BlockKind::ListItem,
                    text: item.to_string(),
                });
                previous = Some(i);
                continue;
            } else if k > 0 && k + 1 < text.len() && is_heading(&t) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block {
                line: self.lines[i].no,
                kind,
                text: t,
            });
            previous = Some(i);
        }
        blocks
    }

    /// Whether the article's paragraphs are hard-wrapped: blank lines separate
    /// paragraphs, and some run of lines without a blank between them breaks
    /// mid-sentence at a similar length.
    fn is_hard_wrapped(&self, text: &[usize]) -> bool {
        let mut breaks = 0;
        let mut gaps = 0;
        for w in text.windows(2) {
            let (a, b) = (&self.lines[w[0]], &self.lines[w[1]]);
            if b.no == a.no + 1 {
                let len = a.text.chars().count();
                if (45..=100).contains(&len) && !ends_sentence(&a.text) {
                    breaks += 1;
                }
            } else {
                gaps += 1;
            }
        }
        breaks >= 2 && gaps >= 1
    }
}

/// A section heading: at most twelve words, no closing stop or comma, some letters,
/// and not a quote.
fn is_heading(t: &str) -> bool {
    crate::import::chrome::at_most_words(t, 12)
        && words(t) >= 1
        && !ends_sentence(t)
        && !t.ends_with([',', ';', ':'])
        && !t.starts_with(['"', '“', '«', '‘', '\''])
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // CITY[, Country][, Mon DD] [(Agency)] -|—|:
    Regex::new(
        r"^(?P<city>[\p{Lu}][\p{Lu}.'’ -]+?)(?:,\s*[\p{Lu}][\p{L}.'’ -]+?)??(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<agency>[\p{L} .]+)\))?\s*(?:-|–|—|--|:)\s+",
    )
    .unwrap()
});

/// The wire dateline at the start of a paragraph, if any, including the dash (or
/// colon) and the space after it: `NICOSIA, Oct 19 - `, `WASHINGTON, Oct 20 - `,
/// `KYIV, Ukraine (AP) — `, `BEIRUT (Reuters) - `, `COLOMBO: `. The city must be in
/// capitals.
pub fn find_dateline(text: &str) -> Option<&str> {
    let caps = DATELINE.captures(text)?;
    let city = caps.name("city")?.as_str().trim();
    // At least three capital letters in a row: not a sentence that starts with `A - `.
    if city.chars().filter(|c| c.is_uppercase()).count() < 3 {
        return None;
    }
    Some(caps.get(0)?.as_str())
}

/// The news agency a dateline names (`JOHANNESBURG (AP) — ` -> `AP`).
pub fn dateline_agency(dateline: &str) -> Option<&'static str> {
    let caps = DATELINE.captures(dateline)?;
    crate::import::chrome::agency(caps.name("agency")?.as_str())
}

/// Whether every letter of `s` is upper case (and it has at least two letters).
pub fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(|c| c.is_lowercase())
}
