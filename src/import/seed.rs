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

use crate::site::region::Regions;

/// A parsed seed: what the text says, before any inference.
#[derive(Debug, Clone, PartialEq)]
pub struct Seed {
    /// The report's date, from the first line.
    pub date: NaiveDate,
    /// The outlet, from the first line after the date or from its own short line.
    pub source: Option<String>,
    /// The seed's own headline: a short line before the first paragraph, as written.
    pub headline: Option<String>,
    /// A byline before the article (`By Jane Doe`), as written.
    pub byline: Option<String>,
    /// The file's encoding, when it was not UTF-8 and was converted (see
    /// [`crate::text::decode`]).
    pub converted_from: Option<&'static str>,
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
            SeedError::NoDate { line, .. }
            | SeedError::BadDate { line, .. }
            | SeedError::NoBody { line } => *line,
        }
    }
}

/// Parses the bytes of one seed file. `regions` are used to recognise the trailing
/// navigation block, whose region names may be misspelt (`Asia-Pasific`).
///
/// Accepts any encoding [`crate::text::decode`] reads (UTF-8, UTF-16 with a byte order
/// mark, Windows-1252...), byte order marks, CRLF, LF or CR line ends, blank lines anywhere, control
/// characters (dropped), and the first-line forms of [`find_date_in_line`]; the outlet
/// may also stand on its own line, before or after the date line. Bylines
/// (`By Jane Doe`) and kickers (`BREAKING`) before the article are not taken for a
/// headline; a byline is kept in [`Seed::byline`].
pub fn parse_seed(bytes: &[u8], regions: &Regions) -> Result<Seed, SeedError> {
    let decoded = crate::text::decode(bytes);
    let text = decoded.text.trim_start_matches('\u{feff}');
    // Old Mac files end lines with a bare CR.
    let newline = if text.contains('\n') { '\n' } else { '\r' };
    // (1-based line number, cleaned text) of every non-blank line.
    let mut lines: Vec<(usize, String)> = text
        .split(newline)
        .enumerate()
        .map(|(i, l)| (i + 1, clean_line(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(SeedError::Empty);
    }

    let date_line = lines[0].0;
    let (date, mut source) = take_head_date(&mut lines)?;

    let trailer_start = trailer_start(&lines, regions);
    let trailer_lines = lines.len() - trailer_start;
    lines.truncate(trailer_start);

    if source.is_none() && lines.len() > 1 && looks_like_outlet(&lines[0].1) {
        source = Some(lines.remove(0).1);
    }
    let mut byline = None;
    while lines.len() > 1 {
        if is_kicker(&lines[0].1) {
            lines.remove(0);
        } else if byline.is_none() && is_byline(&lines[0].1) {
            byline = Some(lines.remove(0).1);
        } else {
            break;
        }
    }
    let headline = if lines.len() > 1 && looks_like_headline(&lines[0].1, &lines[1].1) {
        Some(lines.remove(0).1)
    } else {
        None
    };
    if lines.is_empty() {
        return Err(SeedError::NoBody { line: date_line });
    }
    let paragraphs: Vec<Paragraph> = lines
        .into_iter()
        .map(|(line, text)| Paragraph { line, text })
        .collect();
    let dateline = find_dateline(&paragraphs[0].text).map(str::to_string);
    Ok(Seed {
        date,
        source,
        headline,
        byline,
        converted_from: decoded.converted_from,
        paragraphs,
        dateline,
        trailer_lines,
    })
}

/// Takes the date line off the front of `lines` (the first line, or the second after
/// an outlet's name, which is taken too): the date and the outlet it names.
///
/// Errors: the first line holds no date, or one that is not a real day.
fn take_head_date(
    lines: &mut Vec<(usize, String)>,
) -> Result<(NaiveDate, Option<String>), SeedError> {
    let (date_line, first) = lines.remove(0);
    let mut outlet_line = None;
    let owned = |f: FoundDate| (f.date, f.outlet.map(str::to_string));
    let found = match find_date_in_line(&first) {
        Ok(Some(f)) => Some(owned(f)),
        Ok(None) if looks_like_outlet(&first) && !lines.is_empty() => {
            match find_date_in_line(&lines[0].1) {
                Ok(Some(f)) => {
                    outlet_line = Some(first.clone());
                    Some(owned(f))
                }
                _ => None,
            }
        }
        Ok(None) => None,
        Err(text) => {
            return Err(SeedError::BadDate {
                line: date_line,
                text,
            });
        }
    };
    let Some((date, mut source)) = found else {
        return Err(SeedError::NoDate {
            line: date_line,
            text: first.chars().take(80).collect(),
        });
    };
    if let Some(outlet) = outlet_line {
        lines.remove(0);
        source = Some(outlet);
    }
    Ok((date, source))
}

/// A line without control characters (NUL, escape...) or bidirectional overrides,
/// which scrapers let through and which would reach titles and pages; trimmed.
fn clean_line(line: &str) -> String {
    line.chars()
        .filter(|&c| {
            let bidi_override = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            crate::text::is_publishable(c) && !bidi_override && c != '\u{feff}'
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Kickers news pages put above a story: `BREAKING`, `EXCLUSIVE`, `UPDATE`.
fn is_kicker(line: &str) -> bool {
    let l = line.trim_end_matches([':', '!']).to_lowercase();
    matches!(
        l.as_str(),
        "breaking"
            | "breaking news"
            | "exclusive"
            | "update"
            | "updated"
            | "analysis"
            | "opinion"
            | "watch"
            | "live"
            | "developing"
            | "developing story"
            | "urgent"
            | "flash"
            | "alert"
            | "just in"
            | "news"
            | "explainer"
    )
}

/// A byline: `By Jane Doe`, `By JANE DOE, Reuters`, `Jane Doe and John Roe` is not
/// recognised (it reads like a headline).
fn is_byline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= 10
        && words[0].eq_ignore_ascii_case("by")
        && words[1].chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with('.')
}

/// A date found on a seed's first line, and the outlet's name around it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate<'a> {
    /// The date.
    pub date: NaiveDate,
    /// The outlet: what follows the date (after any separator, time of day or
    /// `Updated <date>`), or what precedes it (`Clash Report | July 8, 2025`); `None`
    /// when the line holds only the date.
    pub outlet: Option<&'a str>,
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
        // July 08, 2025 / Jul. 8 2025 / Monday, October 19, 1987 / MARCH 25, 1987 / Jul-08-2025
        Regex::new(&format!(
            r"(?i)^{weekday}(?P<mon>[a-z]{{3,9}})\.?[\s/-]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|[\s/-]+|\s*)(?P<year>\d{{4}})"
        ))
        .unwrap(),
        // 8 July 2025 / 8th July, 2025 / 8-Jul-2025
        Regex::new(&format!(
            r"(?i)^{weekday}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s/-]+(?P<mon>[a-z]{{3,9}})\.?(?:\s*,\s*|[\s/-]+|\s*)(?P<year>\d{{4}})"
        ))
        .unwrap(),
        // 2025-07-08 / 2025/07/08
        Regex::new(r"^(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})").unwrap(),
    ]
});

/// A time of day after a date: `10:42`, `10:42 a.m.`, `22:05 GMT`, `at 9.30pm EDT`.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\b)?")
        .unwrap()
});

/// `Updated`, `Published`... before a second date after the first.
static STAMP_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:last\s+)?(?:updated|published|modified|posted)(?:\s+on)?\s*:?\s*").unwrap()
});

/// Separators between a date and the outlet's name.
fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ':' | '·' | '•')
    })
}

/// Finds a date at the start of `line` (after leading spaces), in any of the forms
/// scrapers produce: `July 08, 2025`, `July 8, 2025`, `Jul 8, 2025`, `Mar. 23, 1987`,
/// `8 July 2025`, `8-Jul-2025`, `Jul-08-2025`, `2025-07-08`, with an optional leading
/// weekday and in any case. Returns the date and what follows it, or `Ok(None)` when
/// the line does not start with a date, or `Err(text)` when it starts with a date
/// that does not exist (`February 30, 2025`, or in year 0).
pub fn find_date(line: &str) -> Result<Option<(NaiveDate, &str)>, String> {
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
        // Year 0 is no year (front matter takes 1 to 9999).
        return match NaiveDate::from_ymd_opt(year, month, day).filter(|_| year > 0) {
            Some(date) => Ok(Some((date, rest))),
            None => Err(whole.as_str().to_string()),
        };
    }
    Ok(None)
}

/// Finds the date on a seed's first line and the outlet's name around it. The date
/// comes first (`July 08, 2025Clash Report`, `July 8, 2025 - Clash Report`,
/// `July 8, 2025, 10:42 a.m. | Clash Report`, `July 8, 2025 Updated July 9, 2025
/// Clash Report`) or after the outlet and a separator (`Clash Report | July 8, 2025`).
///
/// Errors: the date does not exist (`February 30, 2025`, or in year 0); the text is
/// returned.
pub fn find_date_in_line(line: &str) -> Result<Option<FoundDate<'_>>, String> {
    let line = line.trim();
    if let Some((date, rest)) = find_date(line)? {
        let outlet = outlet_after(rest)?;
        return Ok(Some(FoundDate { date, outlet }));
    }
    // `Outlet | date`: try after each separator.
    for (i, _) in line.match_indices([' ', '|', '-', '–', '—', ':', ',']) {
        let before = trim_separators(&line[..i]);
        let after = &line[i..];
        let after = after.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ':')
        });
        if before.is_empty() || after.len() == line[i..].len() || !looks_like_outlet(before) {
            continue;
        }
        if let Some((date, rest)) = find_date(after)? {
            let rest = outlet_after(rest)?;
            // `Outlet | date` or `Outlet | date | Outlet`: the text before wins.
            let _ = rest;
            return Ok(Some(FoundDate {
                date,
                outlet: Some(before),
            }));
        }
    }
    Ok(None)
}

/// The outlet's name in what follows a date: separators, a time of day and an
/// `Updated <date>` stamp are skipped.
fn outlet_after(rest: &str) -> Result<Option<&str>, String> {
    let mut rest = trim_separators(rest);
    loop {
        if let Some(m) = TIME_OF_DAY.find(rest) {
            rest = trim_separators(&rest[m.end()..]);
            continue;
        }
        if let Some(m) = STAMP_WORD.find(rest)
            && let Some((_, after)) = find_date(&rest[m.end()..])?
        {
            rest = trim_separators(after);
            continue;
        }
        break;
    }
    Ok((!rest.is_empty()).then_some(rest))
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
/// `lines.len()` when there is none): the longest run of navigation lines at the end.
fn trailer_start(lines: &[(usize, String)], regions: &Regions) -> usize {
    let mut start = lines.len();
    while start > 0 && is_navigation_line(&lines[start - 1].1, regions) {
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
    line.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && words <= 20
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
    use crate::site::region::{Regions, default_regions};

    fn regions() -> Regions {
        Regions::new(&default_regions()).unwrap()
    }

    fn date(line: &str) -> Option<(String, Option<String>)> {
        find_date_in_line(line)
            .unwrap()
            .map(|f| (f.date.to_string(), f.outlet.map(str::to_string)))
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
        assert_eq!(find_date("July 8, 0000"), Err("July 8, 0000".into()));
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
        // Before the date, after a separator.
        assert_eq!(
            rest("Clash Report - July 08, 2025").as_deref(),
            Some("Clash Report")
        );
        assert_eq!(
            rest("Clash Report | July 8, 2025").as_deref(),
            Some("Clash Report")
        );
        // A time of day and an update stamp are not part of the outlet.
        assert_eq!(
            rest("July 8, 2025, 10:42 a.m. Clash Report").as_deref(),
            Some("Clash Report")
        );
        assert_eq!(
            rest("July 8, 2025 22:05 GMT | Reuters").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            rest("July 08, 2025 Updated July 09, 2025Clash Report").as_deref(),
            Some("Clash Report")
        );
        // An article sentence with a date in it is not a date line.
        assert_eq!(date("Fighting resumed on July 8, 2025 in the north"), None);
    }

    #[test]
    fn the_real_seed() {
        let bytes = include_bytes!("../../tests/fixtures/seed/clash-report-2025-07-08.txt");
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
    fn line_ends_boms_controls_bylines_and_kickers() {
        let r = regions();
        // CR-only line ends, two BOMs, a NUL and a right-to-left override.
        let seed = parse_seed(
            "\u{feff}\u{feff}July 1, 2025Wire\rBREAKING\rBy Jane Doe, Wire\rFighting\u{0}\u{202e} in Sudan killed 12 people.\rMore.".as_bytes(),
            &r,
        )
        .unwrap();
        assert_eq!(seed.source.as_deref(), Some("Wire"));
        assert_eq!(seed.byline.as_deref(), Some("By Jane Doe, Wire"));
        assert_eq!(seed.headline, None);
        assert_eq!(
            seed.paragraphs[0].text,
            "Fighting in Sudan killed 12 people."
        );
        assert_eq!(seed.paragraphs.len(), 2);
        // The outlet on the line above the date.
        let seed = parse_seed(b"Clash Report\nJuly 8, 2025\nText about Syria.", &r).unwrap();
        assert_eq!(seed.source.as_deref(), Some("Clash Report"));
        assert_eq!(seed.paragraphs.len(), 1);
        // Punctuation is not a headline.
        let seed = parse_seed(
            b"July 8, 2025X\n...\nFighting in Sudan killed 12 people.",
            &r,
        )
        .unwrap();
        assert_eq!(seed.headline, None);
    }

    #[test]
    fn a_seed_that_is_only_a_trailer_has_no_body() {
        assert!(matches!(
            parse_seed(
                b"July 8, 2025X\nAsia-Pasific\nJuly 2025\nEurope\nJune 2025",
                &regions()
            ),
            Err(SeedError::NoBody { line: 1 })
        ));
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
        // Not UTF-8: converted (here from Windows-1252), not refused.
        let seed = parse_seed(b"July 1, 2025X\nCaf\xe9 bombed in Beirut.", &r).unwrap();
        assert_eq!(seed.paragraphs[0].text, "Café bombed in Beirut.");
        assert_eq!(seed.converted_from, Some("windows-1252"));
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
