//! Parsing raw report text files ("seeds") as scrapers produce them.
//!
//! A seed is plain UTF-8 text: a first line with the date, usually glued to the
//! outlet's name (`July 08, 2025Clash Report`), then one paragraph per line, and often a
//! trailing block of "related reports" navigation (alternating region names and
//! `Month YYYY` lines) scraped with the page. [`parse_seed`] finds the date, the outlet,
//! an optional headline, the paragraphs and a wire dateline, and drops the trailer.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::region::Regions;

/// A parsed seed: what the text says, before any inference.
#[derive(Debug, Clone, PartialEq)]
pub struct Seed {
    /// The report's date, from the first line.
    pub date: NaiveDate,
    /// The outlet, from the first line after the date or from its own short line.
    pub source: Option<String>,
    /// The seed's own headline: a short line before the first paragraph, as written.
    pub headline: Option<String>,
    /// The article's paragraphs, in order, without the trailer.
    pub paragraphs: Vec<Paragraph>,
    /// A wire dateline at the start of the first paragraph (`NICOSIA, Oct 19 - `):
    /// where the story was filed from, not where it happened.
    pub dateline: Option<String>,
    /// How many trailing navigation lines were dropped.
    pub trailer_lines: usize,
}

/// One paragraph of a seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// 1-based line number in the seed file.
    pub line: usize,
    /// The paragraph's text, trimmed, as written (including any dateline).
    pub text: String,
}

impl Seed {
    /// The article text without the dateline, paragraphs joined by newlines: what
    /// country detection and titles work on.
    pub fn article_text(&self) -> Vec<&str> {
        self.paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i == 0
                    && let Some(d) = &self.dateline
                {
                    &p.text[d.len()..]
                } else {
                    &p.text
                }
            })
            .collect()
    }
}

/// Why a seed could not be parsed. [`SeedError::line`] gives the line it refers to;
/// the message does not repeat it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeedError {
    /// The file is empty or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not UTF-8.
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte in the file.
        offset: usize,
    },
    /// The first line holds no date sitrep can read.
    #[error(
        "no date found in `{text}` (expected e.g. `July 08, 2025`, `8 July 2025` or `2025-07-08`)"
    )]
    NoDate {
        /// Line that was searched.
        line: usize,
        /// The line's text (first 80 characters).
        text: String,
    },
    /// The date names a day that does not exist.
    #[error("`{text}` is not a valid date")]
    BadDate {
        /// Line of the date.
        line: usize,
        /// The date as written.
        text: String,
    },
    /// Nothing but the date line (and maybe an outlet or trailer) is in the file.
    #[error("the report has no article text after the date line")]
    NoBody {
        /// Line of the date.
        line: usize,
    },
}

impl SeedError {
    /// The 1-based line the error refers to.
    pub fn line(&self) -> usize {
        match self {
            SeedError::Empty => 1,
            SeedError::NotUtf8 { line, .. }
            | SeedError::NoDate { line, .. }
            | SeedError::BadDate { line, .. }
            | SeedError::NoBody { line } => *line,
        }
    }
}

/// Parses the bytes of one seed file. `regions` are used to recognise the trailing
/// navigation block, whose region names may be misspelt (`Asia-Pasific`).
///
/// Accepts a UTF-8 BOM, CRLF or LF line ends, blank lines anywhere, and the date
/// variants of [`find_date`].
pub fn parse_seed(bytes: &[u8], regions: &Regions) -> Result<Seed, SeedError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        SeedError::NotUtf8 { line, offset }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (1-based line number, trimmed text) of every non-blank line.
    let mut lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(SeedError::Empty);
    }

    let (date_line, first) = lines.remove(0);
    let found = find_date(first).map_err(|text| SeedError::BadDate {
        line: date_line,
        text,
    })?;
    let Some(found) = found else {
        return Err(SeedError::NoDate {
            line: date_line,
            text: first.chars().take(80).collect(),
        });
    };

    let trailer_start = trailer_start(&lines, regions);
    let trailer_lines = lines.len() - trailer_start;
    lines.truncate(trailer_start);

    let mut source = found.rest.map(str::to_string);
    if source.is_none() && lines.len() > 1 && looks_like_outlet(lines[0].1) {
        source = Some(lines.remove(0).1.to_string());
    }
    let headline = if lines.len() > 1 && looks_like_headline(lines[0].1, lines[1].1) {
        Some(lines.remove(0).1.to_string())
    } else {
        None
    };
    if lines.is_empty() {
        return Err(SeedError::NoBody { line: date_line });
    }
    let paragraphs: Vec<Paragraph> = lines
        .into_iter()
        .map(|(line, text)| Paragraph {
            line,
            text: text.to_string(),
        })
        .collect();
    let dateline = find_dateline(&paragraphs[0].text).map(str::to_string);
    Ok(Seed {
        date: found.date,
        source,
        headline,
        paragraphs,
        dateline,
        trailer_lines,
    })
}

/// A date found at the start of a line, and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate<'a> {
    /// The date.
    pub date: NaiveDate,
    /// The rest of the line after the date and any separator (` - `, ` | `, `, `),
    /// or `None` if nothing follows: the outlet's name on a seed's first line.
    pub rest: Option<&'a str>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1-12) of an English month name or abbreviation in any case:
/// `July`, `JUL`, `Sept`.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    if n.len() < 3 {
        return None;
    }
    if n == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == n || (n.len() == 3 && m.starts_with(&n)))
        .map(|i| i as u32 + 1)
}

static DATE_PATTERNS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let weekday = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?";
    [
        // July 08, 2025 / Jul. 8 2025 / Monday, October 19, 1987 / MARCH 25, 1987
        Regex::new(&format!(
            r"(?i)^{weekday}(?P<mon>[a-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{{4}})"
        ))
        .unwrap(),
        // 8 July 2025 / 8th July, 2025
        Regex::new(&format!(
            r"(?i)^{weekday}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>[a-z]{{3,9}})\.?\s*,?\s*(?P<year>\d{{4}})"
        ))
        .unwrap(),
        // 2025-07-08 / 2025/07/08
        Regex::new(r"^(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})").unwrap(),
    ]
});

/// Finds a date at the start of `line` (after leading spaces), in any of the forms
/// scrapers produce: `July 08, 2025`, `July 8, 2025`, `Jul 8, 2025`, `Mar. 23, 1987`,
/// `8 July 2025`, `2025-07-08`, with an optional leading weekday and in any case.
/// What follows the date may be glued to it (`2025Clash Report`) or set off by a
/// separator (` - `, ` | `, `, `, spaces).
///
/// Returns `Ok(None)` when the line does not start with a date, and `Err(text)` when it
/// starts with a date that does not exist (`February 30, 2025`).
pub fn find_date(line: &str) -> Result<Option<FoundDate<'_>>, String> {
    let line = line.trim_start();
    for re in DATE_PATTERNS.iter() {
        let Some(caps) = re.captures(line) else {
            continue;
        };
        let whole = caps.get(0).unwrap();
        let rest = &line[whole.end()..];
        // `2025` must not be the start of a longer number (`20251`).
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let month = match (caps.name("mon"), caps.name("mnum")) {
            (Some(m), _) => match month_number(m.as_str()) {
                Some(m) => m,
                None => continue, // `Monday 8` or another word: not a month
            },
            (None, Some(n)) => n.as_str().parse().unwrap_or(0),
            _ => continue,
        };
        let day: u32 = caps["day"].parse().unwrap_or(0);
        let year: i32 = caps["year"].parse().unwrap_or(0);
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            return Err(whole.as_str().to_string());
        };
        let rest = rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ':' | '·' | '•')
            })
            .trim_end();
        return Ok(Some(FoundDate {
            date,
            rest: (!rest.is_empty()).then_some(rest),
        }));
    }
    Ok(None)
}

static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})$").unwrap());

/// Whether a line is part of a "related reports" navigation trailer: a region name
/// (misspellings tolerated, see [`Regions::find`]) or a `Month YYYY` line.
pub fn is_navigation_line(line: &str, regions: &Regions) -> bool {
    if let Some(c) = MONTH_YEAR.captures(line)
        && month_number(&c["mon"]).is_some()
    {
        return true;
    }
    line.len() <= 40 && regions.find(line).is_some()
}

/// Index of the first line of the trailing navigation block in `lines` (equal to
/// `lines.len()` when there is none). The block is the longest run of navigation lines
/// at the end; at least one paragraph is always kept.
fn trailer_start(lines: &[(usize, &str)], regions: &Regions) -> usize {
    let mut start = lines.len();
    while start > 1 && is_navigation_line(lines[start - 1].1, regions) {
        start -= 1;
    }
    start
}

/// Whether the line after a bare date line is the outlet's name: a short name in
/// title case (`Clash Report`, `Reuters`, `Al Jazeera`), not a sentence or headline.
fn looks_like_outlet(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || line.len() > 40 {
        return false;
    }
    if line.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    // Headlines are often in capitals; outlets' names rarely are, but for acronyms.
    if is_all_caps(line) && !(words.len() == 1 && line.len() <= 6) {
        return false;
    }
    let small = ["of", "the", "and", "&", "de", "al", "el", "for"];
    words.iter().all(|w| {
        small.contains(&w.to_lowercase().as_str())
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Whether `line`, followed by `next`, is a headline: short (at most 20 words and 150
/// characters), not ending like a sentence, and shorter than the paragraph after it.
fn looks_like_headline(line: &str, next: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 20
        && line.chars().count() <= 150
        && !line.ends_with(['.', ',', ';', ':'])
        && next.len() > line.len()
        && find_dateline(line).is_none()
}

/// Whether every letter of `s` is upper case (and it has at least two letters).
pub fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(|c| c.is_lowercase())
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // CITY[, Country] [, Mon DD] [(Agency)] -
    Regex::new(
        r"^(?P<city>[A-Z][A-Z.'’ -]{2,40}?)(?:,\s*[A-Z][A-Za-z.'’ ]{1,30}?)??(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z .]{2,20}\))?\s*(?:-|–|—|--)\s+",
    )
    .unwrap()
});

/// The wire dateline at the start of a paragraph, if any, including the dash and the
/// space after it: `NICOSIA, Oct 19 - `, `WASHINGTON, Oct 20 - `,
/// `KYIV, Ukraine (AP) — `, `BEIRUT (Reuters) - `. The city must be in capitals.
pub fn find_dateline(text: &str) -> Option<&str> {
    let caps = DATELINE.captures(text)?;
    let city = caps.name("city")?.as_str().trim();
    // At least three capital letters in a row: not a sentence that starts with `A - `.
    if city.chars().filter(|c| c.is_uppercase()).count() < 3 {
        return None;
    }
    Some(caps.get(0)?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::{Regions, default_regions};

    fn regions() -> Regions {
        Regions::new(&default_regions()).unwrap()
    }

    fn date(line: &str) -> Option<(String, Option<String>)> {
        find_date(line)
            .unwrap()
            .map(|f| (f.date.to_string(), f.rest.map(str::to_string)))
    }

    #[test]
    fn date_variants() {
        let d = |s: &str| date(s).map(|(d, _)| d);
        assert_eq!(
            d("July 08, 2025Clash Report").as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(d("July 8, 2025").as_deref(), Some("2025-07-08"));
        assert_eq!(d("Jul 8, 2025").as_deref(), Some("2025-07-08"));
        assert_eq!(d("Mar. 23, 1987").as_deref(), Some("1987-03-23"));
        assert_eq!(d("8 July 2025").as_deref(), Some("2025-07-08"));
        assert_eq!(d("8th July, 2025").as_deref(), Some("2025-07-08"));
        assert_eq!(d("2025-07-08").as_deref(), Some("2025-07-08"));
        assert_eq!(d("2025/7/8 Reuters").as_deref(), Some("2025-07-08"));
        assert_eq!(d("Monday, October 19, 1987").as_deref(), Some("1987-10-19"));
        assert_eq!(d("MARCH 25, 1987REUTERS").as_deref(), Some("1987-03-25"));
        assert_eq!(d("march 25 1987").as_deref(), Some("1987-03-25"));
        assert_eq!(d("Sept. 3, 2015").as_deref(), Some("2015-09-03"));
        assert_eq!(d("  July 08, 2025").as_deref(), Some("2025-07-08"));
        assert_eq!(d("China is leveraging"), None);
        assert_eq!(d("Monday 8 things"), None);
        assert_eq!(d("July 08, 20251"), None);
        assert_eq!(
            find_date("February 30, 2025"),
            Err("February 30, 2025".into())
        );
    }

    #[test]
    fn outlet_after_the_date() {
        let rest = |s: &str| date(s).and_then(|(_, r)| r);
        assert_eq!(
            rest("July 08, 2025Clash Report").as_deref(),
            Some("Clash Report")
        );
        assert_eq!(
            rest("July 08, 2025 - Clash Report").as_deref(),
            Some("Clash Report")
        );
        assert_eq!(
            rest("July 08, 2025 | Clash Report").as_deref(),
            Some("Clash Report")
        );
        assert_eq!(rest("2025-07-08   Reuters  ").as_deref(), Some("Reuters"));
        assert_eq!(rest("July 08, 2025"), None);
    }

    #[test]
    fn the_real_seed() {
        let bytes = include_bytes!("../tests/fixtures/seed/clash-report-2025-07-08.txt");
        let seed = parse_seed(bytes, &regions()).unwrap();
        assert_eq!(seed.date.to_string(), "2025-07-08");
        assert_eq!(seed.source.as_deref(), Some("Clash Report"));
        assert_eq!(seed.headline, None);
        assert_eq!(seed.paragraphs.len(), 8);
        assert_eq!(seed.trailer_lines, 12);
        assert_eq!(seed.paragraphs[0].line, 2);
        assert!(seed.paragraphs[0].text.starts_with("China is leveraging"));
        assert!(seed.paragraphs[7].text.starts_with("Satellite imagery"));
    }

    #[test]
    fn bom_crlf_outlet_on_own_line_and_headline() {
        let text = "\u{feff}Monday, October 19, 1987\r\nReuters\r\nIRAN SAYS OFFENSIVE OVER\r\n\r\nNICOSIA, Oct 19 - Iran said its offensive was over, the agency reported.\r\nA second paragraph.\r\nMiddle East\r\nOctober 1987\r\n";
        let seed = parse_seed(text.as_bytes(), &regions()).unwrap();
        assert_eq!(seed.date.to_string(), "1987-10-19");
        assert_eq!(seed.source.as_deref(), Some("Reuters"));
        assert_eq!(seed.headline.as_deref(), Some("IRAN SAYS OFFENSIVE OVER"));
        assert_eq!(seed.paragraphs.len(), 2);
        assert_eq!(seed.paragraphs[0].line, 5);
        assert_eq!(seed.dateline.as_deref(), Some("NICOSIA, Oct 19 - "));
        assert!(seed.article_text()[0].starts_with("Iran said"));
        assert_eq!(seed.trailer_lines, 2);
    }

    #[test]
    fn missing_outlet() {
        let seed = parse_seed(
            b"2025-07-08\nFighting resumed in the north of the country on Monday, officials said.",
            &regions(),
        )
        .unwrap();
        assert_eq!(seed.source, None);
        assert_eq!(seed.paragraphs.len(), 1);
    }

    #[test]
    fn errors_name_the_line() {
        let r = regions();
        assert_eq!(parse_seed(b"", &r), Err(SeedError::Empty));
        assert_eq!(parse_seed(b" \n\n", &r), Err(SeedError::Empty));
        assert!(matches!(
            parse_seed(b"\nno date here\ntext", &r),
            Err(SeedError::NoDate { line: 2, .. })
        ));
        assert_eq!(
            parse_seed(b"July 1, 2025X\nok\n\xff\xfe", &r),
            Err(SeedError::NotUtf8 {
                line: 3,
                offset: 17
            })
        );
        assert!(matches!(
            parse_seed(b"July 1, 2025Clash Report\n", &r),
            Err(SeedError::NoBody { line: 1 })
        ));
        assert!(matches!(
            parse_seed(b"February 30, 2025X\ntext", &r),
            Err(SeedError::BadDate { line: 1, .. })
        ));
    }

    #[test]
    fn datelines() {
        assert_eq!(
            find_dateline("NICOSIA, Oct 19 - Iran said"),
            Some("NICOSIA, Oct 19 - ")
        );
        assert_eq!(
            find_dateline("SAN SALVADOR, March 31 - The"),
            Some("SAN SALVADOR, March 31 - ")
        );
        assert_eq!(
            find_dateline("KYIV, Ukraine (AP) — Russia"),
            Some("KYIV, Ukraine (AP) — ")
        );
        assert_eq!(
            find_dateline("BEIRUT (Reuters) - Israel"),
            Some("BEIRUT (Reuters) - ")
        );
        assert_eq!(find_dateline("China is leveraging - not"), None);
        assert_eq!(
            find_dateline("A car bomb kills at least seven people"),
            None
        );
    }
}
