//! The body of a page: its paragraphs, section headings and lists, once the head,
//! the chrome and the trailer are taken; hard-wrapped lines joined again.

use std::sync::LazyLock;

use regex::Regex;

use super::head::{Head, same_text, source_line_outlet};
use super::{Block, BlockKind, Page, Role, ends_sentence, is_paragraph, words};
use crate::import::chrome::{bullet_item, byline};
use crate::import::dates::has_four_digits;

/// Inline links to other stories and notes about the page: `Read more: ...`, `See
/// also: ...`, `Published in Dawn, December 26th, 2024`, `Read more about: Ukraine war,
/// Drones`, `Lire aussi : ...`.
static INLINE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:read (?:more|also|next)(?: about)?|see also|related|watch|listen|more on|lire (?:aussi|également)|voir aussi|leer más|lea también|ver también|leia (?:também|mais)|veja também|اقرأ أيضا|اقرأ أيضاً)\s*:|^published in \p{Lu}|^(?:also )?read:\s",
    )
    .unwrap()
});

/// A line that is only a time of day, maybe with a time zone and a date label (`11.42
/// GMT`, `8:31 am`, `14h05`): a live blog's timestamp.
fn is_time_line(t: &str) -> bool {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:updated\s*)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|bst|cet|cest|et|edt|est|ist|[a-z]{2,4}t))?$")
            .unwrap()
    });
    TIME.is_match(t.trim())
}

impl Page<'_> {
    /// The article's blocks: every line no other role took, in order. A short line
    /// without a closing stop between two paragraphs is a section heading; a bulleted
    /// line a list item. Dropped: the headline repeated, standalone date and time
    /// lines, bylines (the first is kept as the byline), a link blog's source line,
    /// inline "read more" links, and other short lines that head nothing (tags, topic
    /// lists, roles under a byline).
    pub(super) fn body(&mut self, head: &mut Head) -> Vec<Block> {
        let text: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.roles[i] == Role::Text)
            .collect();
        let wrapped = self.is_hard_wrapped(&text);
        let mut blocks: Vec<Block> = Vec::new();
        let mut previous: Option<usize> = None;
        for (k, &i) in text.iter().enumerate() {
            let t = self.text(i).to_string();
            if self.is_body_chrome(i, head, blocks.is_empty()) {
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
            let (kind, text_of) = if let Some(item) = bullet_item(&t) {
                (BlockKind::ListItem, item.to_string())
            } else if is_heading(&t) {
                let after_paragraph = blocks
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::Paragraph);
                let before_paragraph = text.get(k + 1).is_some_and(|&j| {
                    is_paragraph(self.text(j)) || bullet_item(self.text(j)).is_some()
                });
                let heads_something = after_paragraph && before_paragraph;
                if !heads_something && !ends_sentence(&t) && words(&t) <= 6 {
                    // A short line that heads nothing: a tag, a topic, a role.
                    self.roles[i] = Role::Chrome;
                    continue;
                }
                let heading = after_paragraph && before_paragraph && words(&t) >= 2;
                let kind = if heading {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                (kind, t)
            } else {
                (BlockKind::Paragraph, t)
            };
            blocks.push(Block {
                line: self.lines[i].no,
                kind,
                text: text_of,
            });
            previous = Some(i);
        }
        blocks
    }

    /// Whether body line `i` is chrome: a date or time line, the headline or the
    /// standfirst repeated, a byline (the first one is kept in `head`), a link blog's
    /// source line, an inline "read more" link, a print or topics note.
    fn is_body_chrome(&self, i: usize, head: &mut Head, first: bool) -> bool {
        let t = self.text(i);
        let is_date_line = self.dates[i].as_ref().is_some_and(|d| d.standalone);
        let repeat = head.headline.as_deref().is_some_and(|h| same_text(h, t))
            || head.standfirst.as_deref().is_some_and(|s| s == t && first);
        if is_date_line || repeat || source_line_outlet(t).is_some() || INLINE_LINK.is_match(t) {
            return true;
        }
        if is_time_line(t) {
            return true;
        }
        if let Some(b) = byline(t) {
            head.byline.get_or_insert(b);
            return true;
        }
        false
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

/// A short line that may be a section heading: at most twelve words, no closing stop
/// or comma, some letters, and not a quote.
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

/// A dateline in mixed case, as agencies in French, Spanish and Portuguese write
/// them: `Nairobi (AFP) - `, `Dakar, 26 mar 2021 (EFE).- `, `Santa Marta (Colombia),
/// 7 jul (EFE).- `: a capitalised place, maybe a country in brackets and a date, then
/// an agency in brackets.
static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<city>[\p{{Lu}}][\p{{L}}.'’ -]{{1,40}}?)(?:\s*\([\p{{L}} .'’-]{{2,30}}\))?(?:,\s*[^()]{{1,40}}?)?\s*\((?P<agency>{})\)\s*(?:(?:\.?-|–|—|--|:)\s*|\s+)",
        DATELINE_AGENCIES.join("|")
    ))
    .unwrap()
});

/// The agencies [`AGENCY_DATELINE`] reads in brackets.
const DATELINE_AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "EFE",
    "Reuters",
    "Xinhua",
    "ANSA",
    "DPA",
    "dpa",
    "Lusa",
    "Anadolu",
    "AA",
    "IRNA",
    "TASS",
    "Sputnik",
    "UPI",
    "PTI",
    "IANS",
    "ANI",
    "Bernama",
    "Kyodo",
    "Yonhap",
    "SANA",
    "WAM",
    "KUNA",
    "QNA",
    "SPA",
    "MENA",
    "APS",
    "APA",
    "CNA",
    "Europa Press",
];

/// Whether `text` names one of [`DATELINE_AGENCIES`] in brackets (`(AFP)`), as
/// [`AGENCY_DATELINE`] needs: a cheap test that spares most paragraphs that regex.
fn has_bracketed_agency(text: &str) -> bool {
    text.match_indices('(').any(|(i, _)| {
        let rest = &text[i + 1..];
        DATELINE_AGENCIES
            .iter()
            .any(|a| rest.strip_prefix(a).is_some_and(|r| r.starts_with(')')))
    })
}

/// The wire dateline at the start of a paragraph, if any, including the dash (or
/// colon) and the space after it: `NICOSIA, Oct 19 - `, `WASHINGTON, Oct 20 - `,
/// `KYIV, Ukraine (AP) — `, `BEIRUT (Reuters) - `, `COLOMBO: `, with the city in
/// capitals; or in mixed case before an agency in brackets (`Nairobi (AFP) - `,
/// `Dakar, 26 mar 2021 (EFE).- `).
pub fn find_dateline(text: &str) -> Option<&str> {
    if let Some(caps) = DATELINE.captures(text)
        && let Some(city) = caps.name("city")
        // At least three capitals: not a sentence that starts with `A - `.
        && city.as_str().chars().filter(|c| c.is_uppercase()).count() >= 3
    {
        return Some(caps.get(0)?.as_str());
    }
    let agency = has_bracketed_agency(text)
        .then(|| AGENCY_DATELINE.captures(text))
        .flatten()
        .and_then(|c| c.get(0))
        .filter(|m| {
            // Without a dash after the agency (`Taipei, April 1 (CNA) Taiwan's...`), the
            // dateline must hold a date and the article go on with a capital.
            let dashed = m.as_str().trim_end().ends_with(['-', '–', '—', ':']);
            dashed
                || (m.as_str().chars().any(|c| c.is_ascii_digit())
                    && text[m.end()..].starts_with(char::is_uppercase))
        });
    agency
        .or_else(|| {
            let caps = has_four_digits(text).then(|| DATED_DATELINE.captures(text));
            caps.flatten().and_then(|c| c.get(0))
        })
        .map(|m| m.as_str())
}

/// A dateline with a whole date and no agency: `Addis Abeba, April 7/2021 - `,
/// `May 21, 2023 (KHARTOUM) - `, `Maputo, 12 jun 2024 (Lusa) - `.
static DATED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\p{Lu}][\p{L}.'’ -]{1,30}?,\s*)?(?:[\p{L}.]{3,10}\s+\d{1,2}(?:/|,\s*|\s+)\d{4}|\d{1,2}\s+[\p{L}.]{3,10}\s+\d{4})(?:\s*\([\p{L} .'’-]{2,30}\))?\s*(?:-|–|—|--|:)\s+",
    )
    .unwrap()
});

/// The news agency a dateline names (`JOHANNESBURG (AP) — ` -> `AP`).
pub fn dateline_agency(dateline: &str) -> Option<&'static str> {
    let caps = DATELINE
        .captures(dateline)
        .filter(|c| c.name("agency").is_some())
        .or_else(|| AGENCY_DATELINE.captures(dateline))?;
    crate::import::chrome::agency(caps.name("agency")?.as_str())
}

/// Whether every letter of `s` is upper case (and it has at least two letters).
pub fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(|c| c.is_lowercase())
}
