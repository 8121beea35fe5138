//! Reading a seed: a news page as a scraper saved it, whatever its layout.
//!
//! [`parse_seed`] reads a page as a careful editor would: it finds the publication
//! date wherever the page's head puts it (see [`crate::import::dates`] for the forms),
//! the page's own headline, standfirst, outlet and byline, and the article's body
//! (paragraphs, section headings, lists), dropping site chrome by kind
//! ([`crate::import::chrome`]) and the trailing navigation block.
//!
//! The layouts it knows, in general terms:
//! * **date first**: the date on line 1, glued to the outlet (`July 08, 2025Clash
//!   Report`) or alone, maybe as a blog's weekday header, then the headline or the
//!   article;
//! * **headline first**: headline, standfirst, captions, credits, outlet, byline, then
//!   a date line (alone, labelled `Published`/`Posted on`/`Updated`, with a time), then
//!   the article;
//! * **a metadata line** `date 2024-05-18 <the page's first words>` before any of these;
//! * **a title bar** `Headline | 2017-12-31 |`, and a date **after the body**
//!   (`Published: Fri, 2 Aug 2002 ...`);
//! * platform chrome, menus, tickers, captions and "related" lists anywhere.
//!
//! A date in a photo caption, a crawl-time clock at the very top when another date
//! stands under the headline, and dates in the article's text when the head has one
//! are not the page's date. When no date is found the seed is still read
//! ([`Seed::date`] is `None`), so that no report is lost.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::import::chrome::{
    agency, at_most_words, chrome_kind, is_caption, is_credit, is_kicker, is_menu_line, is_prompt,
    is_related_header,
};
use crate::import::dates::{
    DateMatch, Written, ascii_digits, find_dates, is_weekday, month_number,
};
use crate::site::region::Regions;

mod body;
mod head;

pub use body::{dateline_agency, find_dateline, is_all_caps};

/// A page as read: what it says, before any inference of countries or regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Seed {
    /// The publication date; `None` when the page shows none (see [`Seed::date_from`]).
    pub date: Option<NaiveDate>,
    /// Where the date came from, and so how sure it is.
    pub date_from: DateFrom,
    /// The date as written, when the page's date line names no real day
    /// (`February 30, 2025`).
    pub invalid_date: Option<String>,
    /// The outlet: from the date line, its own short line, a title bar, an agency in
    /// a dateline (`(AP) —`) or a link blog's `From <outlet> (<date>):`.
    pub source: Option<String>,
    /// The page's own headline, as written.
    pub headline: Option<String>,
    /// A standfirst (subtitle) under the headline, as written.
    pub standfirst: Option<String>,
    /// A byline (`By Jane Doe`, `ClashReport Editor`), as written.
    pub byline: Option<String>,
    /// The file's encoding, when it was not UTF-8 and was converted (see
    /// [`crate::text::decode`]).
    pub converted_from: Option<&'static str>,
    /// The article: paragraphs, headings and list items, in order.
    pub blocks: Vec<Block>,
    /// A wire dateline at the start of the first paragraph (`NICOSIA, Oct 19 - `,
    /// `MASAYA, Nicaragua — `), or a place line in the head (`Popayán, Cauca`): where
    /// the story was filed from.
    pub dateline: Option<String>,
    /// How many trailing navigation lines were dropped.
    pub trailer_lines: usize,
    /// How many other lines were dropped as site chrome.
    pub chrome_lines: usize,
}

/// Where a seed's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFrom {
    /// A scraper's metadata line (`date 2024-05-18 ...`).
    Metadata,
    /// A date line in the page's head.
    Head,
    /// A labelled date line after the article (`Published: ...`).
    Footer,
    /// The article's text or a yearless dateline, or digits whose day/month order the
    /// page does not decide: a guess an editor should check.
    Guess,
    /// Nowhere.
    None,
}

/// One block of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// 1-based line number in the seed file (of the block's first line).
    pub line: usize,
    /// What it is.
    pub kind: BlockKind,
    /// Its text, trimmed, as written (including any dateline).
    pub text: String,
}

/// The kind of an article block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph.
    Paragraph,
    /// A section heading.
    Heading,
    /// An item of a bulleted list.
    ListItem,
}

impl Seed {
    /// The article's text blocks (paragraphs, headings, list items), the first without
    /// its dateline: what country detection and titles work on.
    pub fn article_text(&self) -> Vec<&str> {
        self.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| match &self.dateline {
                Some(d) if i == 0 && b.text.starts_with(d.as_str()) => &b.text[d.len()..],
                _ => &b.text,
            })
            .collect()
    }

    /// The paragraphs only.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
    }
}

/// Why a seed could not be read at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeedError {
    /// The file is empty or only whitespace.
    #[error("the file is empty")]
    Empty,
}

impl SeedError {
    /// The 1-based line the error refers to.
    pub fn line(&self) -> usize {
        1
    }
}

/// One non-blank line of a seed.
#[derive(Debug, Clone)]
struct Line {
    /// 1-based line number in the file.
    no: usize,
    text: String,
}

/// What a line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not decided yet: article text, unless the head claims it.
    Text,
    Chrome,
    Trailer,
    Related,
    Credit,
    Caption,
    DateLine,
    Headline,
    Standfirst,
    Outlet,
    Byline,
    Place,
}

/// Reads the bytes of one seed file. `regions` are used to recognise the trailing
/// navigation block, whose region names may be misspelt (`Asia-Pasific`).
///
/// Accepts any encoding [`crate::text::decode`] reads, byte order marks, CRLF, LF or
/// CR line ends, blank or whitespace-only lines anywhere, control characters and
/// damaged characters (dropped).
///
/// Errors: the file holds no text at all ([`SeedError::Empty`]).
pub fn parse_seed(bytes: &[u8], regions: &Regions) -> Result<Seed, SeedError> {
    let decoded = crate::text::decode(bytes);
    let mut lines = read_lines(&decoded.text);
    if lines.is_empty() {
        return Err(SeedError::Empty);
    }
    let metadata = take_metadata_line(&mut lines);
    let mut page = Page::new(lines, regions);
    let head_date = page.head_date_line();
    let chosen = page.choose_date(metadata, head_date);
    let mut head = page.read_head(head_date);
    let trailer_lines = page.count(Role::Trailer);
    let chrome_lines = page.count(Role::Chrome) + page.count(Role::Related);
    let blocks = page.body(&mut head);
    let mut source = head
        .outlet
        .clone()
        .or(head.line_outlet.clone())
        .or(head.agency.clone());
    let dateline = head.place.clone().or_else(|| {
        let first = blocks.first().filter(|b| b.kind == BlockKind::Paragraph)?;
        find_dateline(&first.text).map(str::to_string)
    });
    if source.is_none()
        && let Some(d) = &dateline
    {
        source = dateline_agency(d).map(str::to_string);
    }
    Ok(Seed {
        date: chosen.date,
        date_from: chosen.from,
        invalid_date: chosen.invalid,
        source,
        headline: head.headline,
        standfirst: head.standfirst,
        byline: head.byline,
        converted_from: decoded.converted_from,
        blocks,
        dateline,
        trailer_lines,
        chrome_lines,
    })
}

/// The non-blank lines of `text`, cleaned (see [`clean_line`]), with their numbers.
fn read_lines(text: &str) -> Vec<Line> {
    let text = text.trim_start_matches('\u{feff}');
    // Old Mac files end lines with a bare CR.
    let newline = if text.contains('\n') { '\n' } else { '\r' };
    text.split(newline)
        .enumerate()
        .map(|(i, l)| Line {
            no: i + 1,
            text: clean_line(l),
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// A line without control characters, bidirectional overrides or byte order marks
/// (which scrapers let through and which would reach titles and pages), with runs of
/// replacement characters (`\u{fffd}`, a damaged encoding) read as an apostrophe
/// between letters and dropped elsewhere, and spaces tidied; trimmed.
fn clean_line(line: &str) -> String {
    // Most lines are plain printable ASCII: nothing to drop but the ends' spaces.
    // (Every byte read, without stopping early: a loop the compiler vectorises.)
    if line
        .bytes()
        .fold(true, |ok, b| ok & (b' '..=b'~').contains(&b))
    {
        return line.trim().to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut damaged = false;
    for c in line.chars() {
        if c == '\u{fffd}' {
            damaged = true;
            continue;
        }
        let bidi_override = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if !crate::text::is_publishable(c) || bidi_override || c == '\u{feff}' {
            continue;
        }
        if damaged {
            damaged = false;
            if out.ends_with(char::is_alphabetic) && c.is_alphabetic() {
                out.push('’');
            }
        }
        out.push(if c == '\u{a0}' || c == '\t' { ' ' } else { c });
    }
    out.trim().to_string()
}

static METADATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:date|published|pubdate|date_published)\s*[:=]?\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+(?P<rest>.*))?$",
    )
    .unwrap()
});

/// A scraper's metadata line (`date 2024-05-18 <the page's first words>`): its date,
/// and the rest of the line put back as the page's first line.
fn take_metadata_line(lines: &mut Vec<Line>) -> Option<NaiveDate> {
    let caps = METADATA.captures(&lines[0].text)?;
    let date = NaiveDate::parse_from_str(&caps["date"], "%Y-%m-%d").ok()?;
    match caps.name("rest").map(|r| r.as_str().trim().to_string()) {
        Some(rest) if !rest.is_empty() => lines[0].text = rest,
        _ => {
            lines.remove(0);
        }
    }
    Some(date)
}

/// What a date line says besides its date.
#[derive(Debug, Clone, Default, PartialEq)]
struct DateLine {
    written: Option<Written>,
    /// The date as written.
    text: String,
    with_time: bool,
    /// The line is the date (with labels, a time, an outlet, a byline): not a
    /// sentence that mentions one.
    standalone: bool,
    /// A publication label stands before the date (`Published`, `Posted on`, `This
    /// story is from`, `تاريخ النشر:`).
    labelled: bool,
    outlet: Option<String>,
    /// A news agency its byline names (`By ASSOCIATED PRESS`, `by AFP`).
    agency: Option<String>,
    byline: Option<String>,
    /// The line is also the headline: a title bar (`Headline | 2017-12-31 |`) or a
    /// headline that starts with its date (`19 February 2024: Yemen`).
    headline: Option<String>,
}

/// The page's lines and what each turned out to be.
struct Page<'r> {
    lines: Vec<Line>,
    roles: Vec<Role>,
    dates: Vec<Option<DateLine>>,
    regions: &'r Regions,
}

/// How many content lines the head of a page may have before its date line.
const HEAD_LINES: usize = 15;

impl<'r> Page<'r> {
    fn new(lines: Vec<Line>, regions: &'r Regions) -> Page<'r> {
        // Date lines are in the head, at the foot, or short lines anywhere.
        let n = lines.len();
        let dates = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                // A date line holds few words besides its date, but for a title
                // bar (`Headline | 2017-12-31 |`).
                let short = at_most_words(&l.text, 16) || l.text.contains('|');
                let maybe =
                    short && (i < HEAD_LINES + 5 || i + 8 >= n || at_most_words(&l.text, 12));
                maybe.then(|| analyse_date_line(&l.text)).flatten()
            })
            .collect();
        let mut page = Page {
            roles: vec![Role::Text; lines.len()],
            lines,
            dates,
            regions,
        };
        page.mark_chrome();
        page.mark_trailer();
        page.mark_related_blocks();
        page
    }

    fn text(&self, i: usize) -> &str {
        &self.lines[i].text
    }

    fn count(&self, role: Role) -> usize {
        self.roles.iter().filter(|r| **r == role).count()
    }

    /// Indices of the lines still open (not chrome, trailer, related lists, credits).
    fn open(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.lines.len()).filter(|&i| {
            !matches!(
                self.roles[i],
                Role::Chrome | Role::Trailer | Role::Related | Role::Credit
            )
        })
    }

    /// Marks chrome, credits and captions line by line.
    fn mark_chrome(&mut self) {
        for i in 0..self.lines.len() {
            let t = self.lines[i].text.as_str();
            let is_date = self.dates[i].as_ref().is_some_and(|d| d.standalone);
            self.roles[i] = if is_date {
                Role::Text
            } else if chrome_kind(t).is_some() || is_kicker(t) || is_menu_line(t) || is_prompt(t) {
                Role::Chrome
            } else if is_credit(t) && !self.is_outlet_by_a_date(i) {
                Role::Credit
            } else {
                Role::Text
            };
        }
        for i in 0..self.lines.len() {
            let t = self.text(i);
            // A line over a photo credit is its caption when it reads like one (a
            // sentence, or long); a headline over an agency's name is not.
            let next_is_credit = self.roles.get(i + 1) == Some(&Role::Credit)
                && (ends_sentence(t) || words(t) >= 15);
            if self.roles[i] == Role::Text
                && (next_is_credit || is_caption(t))
                && !self.dates[i].as_ref().is_some_and(|d| d.standalone)
                && words(t) >= 6
            {
                self.roles[i] = Role::Caption;
            }
        }
    }

    /// Whether line `i`, a lone agency name (`Reuters`), stands right above or below a
    /// date line: the outlet, not a photo credit.
    fn is_outlet_by_a_date(&self, i: usize) -> bool {
        let is_date = |j: usize| {
            self.dates
                .get(j)
                .is_some_and(|d| d.as_ref().is_some_and(|d| d.standalone))
        };
        agency(self.text(i)).is_some() && (is_date(i + 1) || (i > 0 && is_date(i - 1)))
    }

    /// Marks the trailing navigation block: the longest run at the end of region
    /// names, `Month YYYY` lines, category names (`Ukraine - Russia War`), related
    /// headers and chrome, when it holds navigation at all.
    fn mark_trailer(&mut self) {
        let mut start = self.lines.len();
        let mut navigation = 0;
        while start > 0 {
            let i = start - 1;
            let t = self.text(i);
            if is_month_year(t) || (t.len() <= 40 && self.regions.find(t).is_some()) {
                navigation += 1;
            } else if is_related_header(t) {
                navigation += 2;
            } else if !(self.roles[i] == Role::Chrome || is_category_name(t)) {
                break;
            }
            start = i;
        }
        // Chrome alone at the end stays chrome; a lone category line may be a heading.
        if navigation == 0 || (self.lines.len() - start < 2 && navigation < 2) {
            return;
        }
        for r in &mut self.roles[start..] {
            *r = Role::Trailer;
        }
    }

    /// Marks "related" lists: a header (`Related Articles`, `Read more:`) and the
    /// short headline-like lines after it, up to the next paragraph, a date line or,
    /// when the list runs into the page's head, the last headline before the date.
    fn mark_related_blocks(&mut self) {
        let mut i = 0;
        while i < self.lines.len() {
            let open = matches!(self.roles[i], Role::Text | Role::Chrome);
            if !open || !is_related_header(self.text(i)) {
                i += 1;
                continue;
            }
            self.roles[i] = Role::Related;
            let mut j = i + 1;
            let mut items = Vec::new();
            while j < self.lines.len() {
                let t = self.text(j);
                let is_date = self.dates[j].as_ref().is_some_and(|d| d.standalone);
                // A short line after the header makes it a menu (`Latest` / `World`),
                // not a list of stories.
                let short = self.roles[j] == Role::Text && words(t) < 3;
                if is_date || short || is_paragraph(t) || self.roles[j] == Role::Trailer {
                    break;
                }
                if self.roles[j] == Role::Text {
                    items.push(j);
                }
                j += 1;
            }
            // The list ran into the head: its last item is the page's headline.
            if self
                .dates
                .get(j)
                .is_some_and(|d| d.as_ref().is_some_and(|d| d.standalone))
            {
                items.pop();
            }
            for k in items {
                self.roles[k] = Role::Related;
            }
            i = j;
        }
    }
}

/// Words in a line: runs of non-space characters (lines are cleaned: their spaces are
/// ASCII; see [`clean_line`]).
fn words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for b in text.bytes() {
        let space = b.is_ascii_whitespace();
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// Whether a line reads as a paragraph: long, or a whole sentence of some length.
fn is_paragraph(text: &str) -> bool {
    let n = words(text);
    n >= 18 || (n >= 8 && ends_sentence(text))
}

/// Whether text ends like a sentence (a stop, or a stop inside closing quotes).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Whether a line can be a headline: 3 to 25 words (2 will do in a script without
/// spaces between short words, such as Arabic), not ending like a clause.
fn is_headline_shaped(text: &str) -> bool {
    let n = words(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let non_latin = text
        .chars()
        .any(|c| c.is_alphabetic() && (c as u32) >= 0x0590);
    (n >= 3 || (n == 2 && (non_latin || letters >= 12)))
        && n <= 25
        && letters >= 6
        && text.chars().count() <= 220
        && !text.ends_with([',', ';', ':'])
        && !(ends_sentence(text) && n > 14)
}

/// Words of the names of outlets (`Middle East Monitor`, `Kyiv Independent`).
#[rustfmt::skip]
const OUTLET_WORDS: &[&str] = &[
    "news", "times", "post", "report", "reports", "monitor", "press", "agency", "daily",
    "tribune", "herald", "journal", "gazette", "tv", "radio", "online", "network", "media",
    "wire", "observer", "guardian", "telegraph", "chronicle", "independent", "insider",
    "review", "weekly", "express", "star", "sun", "mail", "standard", "today", "magazine",
    "broadcasting", "channel", "al", "presse", "diario", "noticias", "info", "24", "live",
    "notes", "dispatches", "dispatch", "blog", "diary", "letters", "digest", "bulletin",
    "watch", "chronicles", "observatory", "folha", "diário", "jornal", "periódico",
    "milenio", "tribuna", "gazeta", "correo", "nación", "nacion", "país", "pais", "mundo",
];

/// Sections pages name beside a date (`December 30, 2017World News`): not outlets.
#[rustfmt::skip]
const SECTION_WORDS: &[&str] = &[
    "world", "news", "international", "national", "local", "politics", "business", "opinion",
    "analysis", "breaking", "latest", "top", "stories", "us", "uk", "sport", "sports", "live",
    "middle", "east", "africa", "europe", "asia", "americas", "america", "pacific", "region",
    "security", "conflict", "defence", "defense", "military", "war", "updates", "home",
    "about", "economy", "economics", "features", "video", "videos", "culture", "science",
    "health", "environment", "climate", "tech", "technology", "investigations", "explainers",
    "global", "domestic", "regional", "metro", "asiapacific", "mena", "latam",
    // French, Spanish, Portuguese
    "monde", "afrique", "politique", "économie", "societe", "société", "mundo",
    "internacional", "política", "economía", "sociedad", "cotidiano", "brasil", "nacional",
    "américa", "noticias", "notícias", "actualité", "actualités", "últimas", "policía",
    "policiales", "justicia", "seguridad", "sucesos", "judiciaire", "faits", "divers",
    // Arabic: news, world, Arab, politics, economy, sport, reports, various
    "أخبار", "اخبار", "العالم", "العربي", "عربي", "سياسة", "اقتصاد", "رياضة", "تقارير",
    "منوعات", "محليات", "دولي", "دوليات",
];

/// Whether a short line or phrase can be an outlet's name: one to five words (no
/// sentence), capitalised, not a country, month or label; with three or more words,
/// one of them an outlet's word (`News`, `Monitor`, `Times`).
fn is_outlet_like(text: &str) -> bool {
    let t = text.trim();
    if !at_most_words(t, 5) {
        return false;
    }
    let ws: Vec<&str> = t.split_whitespace().collect();
    if ws.is_empty() || t.chars().count() > 45 || ends_sentence(t) {
        return false;
    }
    if t.contains([',', ':', ';', '"', '“', '('])
        || t.chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return false;
    }
    // Scripts without capitals (Arabic): a name of up to three words will do.
    let uncased = t.chars().any(|c| c.is_alphabetic() && (c as u32) >= 0x0590)
        && !t.chars().any(|c| c.is_uppercase());
    let small = [
        "of", "the", "and", "&", "de", "al", "el", "for", "la", "le", "du",
    ];
    // `ePolitix`, `dawn.com`: a one-word brand with a capital or a domain inside.
    let brand = ws.len() == 1 && (t.chars().skip(1).any(char::is_uppercase) || is_domain(t));
    let capitalised = uncased
        || brand
        || ws.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    // A word in capitals longer than an acronym is a place or a shout (`IMPHAL`), not
    // an outlet, but for an agency (`REUTERS`).
    let shouted = ws.len() == 1
        && t.chars().filter(|c| c.is_alphabetic()).count() > 5
        && !t.chars().any(char::is_lowercase)
        && !uncased
        && agency(t).is_none()
        && !is_domain(t);
    let not_a_place = crate::geo::gazetteer().lookup(t).is_none();
    let no_dates = month_number(ws[0]).is_none() && !is_weekday(ws[0]);
    let label = lower.iter().any(|w| OUTLET_NOT_WORDS.contains(&w.as_str()));
    let named = ws.len() <= 2
        || (uncased && ws.len() <= 3)
        || lower.iter().any(|w| OUTLET_WORDS.contains(&w.as_str()));
    capitalised
        && !is_section(t)
        && !shouted
        && !label
        && chrome_kind(t).is_none()
        && not_a_place
        && no_dates
        && named
}

/// Whether a word is a web domain (`DAWN.COM`, `swissinfo.ch`).
fn is_domain(w: &str) -> bool {
    let lower = w.to_lowercase();
    lower.rsplit_once('.').is_some_and(|(name, tld)| {
        name.len() >= 2
            && (2..=4).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
    })
}

/// Words that make a short line a label, a role or a button, never an outlet's name
/// (`Published`, `Modifié`, `Reporter`, `OK`, `AMP`, `Entrar`).
#[rustfmt::skip]
const OUTLET_NOT_WORDS: &[&str] = &[
    "published", "posted", "updated", "modified", "edited", "publié", "modifié", "mis",
    "publicado", "actualizado", "atualizado", "modificado", "reporter", "editor", "staff",
    "correspondent", "writer", "photographer", "ok", "amp", "entrar", "sair", "login",
    "accept", "agree", "cookies", "counties", "regions", "provinces", "states", "opinion",
];

/// A section or menu line: one to three words, all of them section words (`World`,
/// `Africa`, `Middle East`, `U.S. News`, `Mundo`, `Cotidiano`).
fn is_section(text: &str) -> bool {
    let t = text.trim();
    at_most_words(t, 3)
        && t.chars().any(char::is_alphabetic)
        && t.split_whitespace().all(|w| {
            let w: String = w
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            w.is_empty() || SECTION_WORDS.contains(&w.as_str())
        })
}

static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<mon>[\p{L}]{3,10})\.?,?\s+(?P<year>\d{4})$").unwrap());

/// `October 2025`, `Oct. 2025`: a month archive link.
fn is_month_year(line: &str) -> bool {
    MONTH_YEAR
        .captures(line.trim())
        .is_some_and(|c| month_number(&c["mon"]).is_some())
}

/// A category name in navigation: a short capitalised phrase with no sentence
/// punctuation (`Ukraine - Russia War`, `Israel-Gaza War`, `Arctic`).
fn is_category_name(line: &str) -> bool {
    if !at_most_words(line, 5) {
        return false;
    }
    let ws: Vec<&str> = line.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 5
        && line.chars().count() <= 45
        && !line.ends_with(['.', '!', '?', ',', ':'])
        && ws.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric() || c.is_ascii_digit())
                || ["and", "of", "the", "&", "in"].contains(w)
        })
}

/// Is this line (mostly) a date? Reads the date, and what stands around it: labels,
/// weekday, time and time zone, an outlet, a byline, a title bar's headline.
fn analyse_date_line(line: &str) -> Option<DateLine> {
    // A date line is short (a title bar at most); every date form has digits.
    if words(line) > 40
        || !line
            .chars()
            .any(|c| c.is_ascii_digit() || ('\u{660}'..='\u{6f9}').contains(&c))
    {
        return None;
    }
    let text = ascii_digits(line);
    let found = find_dates(&text);
    let first = found
        .iter()
        .find(|d| !matches!(d.written, Written::Yearless { .. }))?;
    let mut out = DateLine {
        written: Some(first.written),
        text: first.text.clone(),
        with_time: first.with_time,
        ..DateLine::default()
    };
    let prefix = &text[..first.span.0];
    let suffix = &text[first.span.1..];
    let prefix_left = read_prefix(prefix, &mut out);
    let suffix_left = read_suffix(suffix, &found, first, &mut out);
    out.standalone = prefix_left && suffix_left;
    Some(out)
}

static LABEL_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\s)(?:last\s+)?(?:published|posted|updated|modified|date|dated|on|le|el|am|vom|from|is from|this story is from|publié|publié le|mis à jour le|mis à jour|publicado|publicado el|publicado em|actualizado|atualizado|veröffentlicht|aggiornato|pubblicato)\s*[:,]?\s*$",
    )
    .unwrap()
});

static BY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:posted|written|published|reported)\s+)?by\s+(?P<name>.+?)\s*$").unwrap()
});

/// Reads what stands before a date on its line into `out`; returns whether nothing
/// else is left (the line may still be a date line).
fn read_prefix(prefix: &str, out: &mut DateLine) -> bool {
    let mut p = trim_separators(prefix).to_string();
    // A time and a weekday right before the date (`Updated 4:30 AM EDT, Wed May 7`,
    // `Sun., July 2`, `lundi 27 janvier`).
    while let Some(last) = p.split_whitespace().last() {
        let core = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !(is_weekday(last) || TIME_WORD.is_match(&core)) || core.is_empty() {
            break;
        }
        p = trim_separators(&p[..p.len() - last.len()]).to_string();
    }
    // Publication labels: `Published:`, `Posted on`, `This story is from`, any short
    // text ending in a colon (`تاريخ النشر:`).
    loop {
        if let Some(m) = LABEL_END.find(&p) {
            out.labelled = true;
            p = trim_separators(&p[..m.start()]).to_string();
        } else if prefix.trim_end().ends_with(':')
            && words(&p) <= 4
            && !p.is_empty()
            && !out.labelled
        {
            out.labelled = true;
            p.clear();
        } else {
            break;
        }
    }
    if p.is_empty() {
        return true;
    }
    // A title bar: `Headline | 2017-12-31 |`.
    if prefix.trim_end().ends_with('|') && words(&p) >= 3 && !is_outlet_like(&p) {
        out.headline = Some(p.trim_end_matches(['|', ' ']).trim().to_string());
        return true;
    }
    // Parts between slashes or bars (`OLJ / Par Jeanine Jalkh`): each must be
    // something a date line holds.
    p.split(['/', '|'])
        .map(|part| trim_separators(part).to_string())
        .filter(|part| !part.is_empty())
        .all(|part| read_prefix_part(&part, out))
}

/// One part of what stands before a date: a byline, an agency, an outlet or a
/// dateline's place. Records it in `out`; returns whether it was one.
fn read_prefix_part(p: &str, out: &mut DateLine) -> bool {
    // `Posted by Jane Doe on`, `By ASSOCIATED PRESS Published:`.
    if let Some(c) = BY_NAME.captures(p) {
        out.byline = Some(p.to_string());
        let name = c["name"].trim();
        if let Some(a) = agency(name).or_else(|| press_agency(name)) {
            out.agency.get_or_insert_with(|| a.to_string());
        }
        return true;
    }
    if crate::import::chrome::byline(p).is_some() {
        out.byline = Some(p.to_string());
        return true;
    }
    if is_dateline_place(p) {
        return true;
    }
    // `Clash Report | July 8, 2025`, `RFI  lundi 27 janvier 2014`.
    if is_outlet_like(p) {
        out.outlet = Some(p.to_string());
        return true;
    }
    false
}

/// A dateline's place beside a date (`Bogotá - 13 mar 2024`, `... IST - IMPHAL`,
/// `(KHARTOUM)`): a place name, or one or two words in capitals.
fn is_dateline_place(p: &str) -> bool {
    let t = p.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
    if t.is_empty() || !at_most_words(t, 3) {
        return false;
    }
    // Longer than an acronym (`RFI`, `CNN` are outlets).
    let shouted = t.chars().filter(|c| c.is_alphabetic()).count() >= 5
        && !t.chars().any(char::is_lowercase)
        && at_most_words(t, 2)
        && agency(t).is_none();
    let g = crate::geo::gazetteer();
    shouted || g.is_capital(t) || g.is_place(t)
}

/// `ASSOCIATED PRESS` and other agencies in capitals or in full.
fn press_agency(name: &str) -> Option<&'static str> {
    match name.to_lowercase().as_str() {
        "associated press" | "the associated press" => Some("Associated Press"),
        "agence france-presse" | "agence france presse" => Some("AFP"),
        _ => None,
    }
}

static TIME_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s*,?\s*(?:at|à|a las|às|um|-|\|)?\s*(?:T)?\d{1,2}(?:[:.h]\d{2})(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?|\s*,?\s*(?:at\s+)?\d{1,2}\s*[ap]\.?\s?m\.?|\s*\(?(?:GMT|UTC|Z|IST|PKT|EAT|WAT|CAT|CET|CEST|EET|EEST|BST|MSK|AST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AEST|AEDT|JST|KST|HKT|SGT|WIB|ICT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\s*[+-]\d{2}:?\d{2}|\s*(?:hrs|h|uhr)(?-u:\b)|\s*(?:ET|CT|PT)(?-u:\b)|\s*بتوقيت\s+\S+(?:\s+\S+)?|\s*(?:غرينتش|جرينتش))",
    )
    .unwrap()
});

/// Reads what follows a date on its line into `out`; returns whether nothing else is
/// left.
fn read_suffix(suffix: &str, all: &[DateMatch], first: &DateMatch, out: &mut DateLine) -> bool {
    let mut s = suffix.to_string();
    loop {
        let before = s.len();
        if let Some(m) = TIME_ZONE.find(&s) {
            s = s[m.end()..].to_string();
        }
        let t = trim_separators(&s).to_string();
        // `Updated July 9, 2025`, and the date repeated in other forms (Overblog's
        // `27 janvier 2014 1 27 /01 /janvier /2014 19:06`).
        let lower = t.to_lowercase();
        s = t.clone();
        for w in [
            "updated",
            "update",
            "modified",
            "mis à jour",
            "modifié le",
            "modifié",
            "actualizado el",
            "actualizado",
            "atualizado em",
            "atualizado",
            "last updated",
        ] {
            if let Some(rest) = lower.strip_prefix(w)
                && t.is_char_boundary(t.len() - rest.len())
            {
                s = t[t.len() - rest.len()..].to_string();
            }
        }
        s = trim_separators(&s).to_string();
        if s.len() == before {
            break;
        }
    }
    let later: Vec<&DateMatch> = all.iter().filter(|d| d.span.0 >= first.span.1).collect();
    let rest = strip_date_noise(&s, &later);
    if rest.is_empty() {
        return true;
    }
    // `19 February 2024: Yemen`: a headline that starts with its date.
    if suffix.trim_start().starts_with(':') && !rest.is_empty() {
        out.headline = Some(format!("{}{}", first.text, suffix.trim_end()));
        return true;
    }
    // `by AFP`.
    if let Some(c) = BY_NAME.captures(&rest) {
        let name = c["name"].trim().to_string();
        if let Some(a) = agency(&name).or_else(|| press_agency(&name)) {
            out.agency.get_or_insert_with(|| a.to_string());
        }
        out.byline.get_or_insert(rest.clone());
        return true;
    }
    if chrome_kind(&rest).is_some() || is_dateline_place(&rest) {
        return true;
    }
    // `July 08, 2025Clash Report`, `December 30, 2017World News` (a section).
    let rest = strip_interface_tail(&rest);
    if is_outlet_like(&rest) {
        out.outlet.get_or_insert(rest);
        return true;
    }
    let lower: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
    if words(&rest) <= 3 && lower.iter().all(|w| SECTION_WORDS.contains(&w.as_str())) {
        return true;
    }
    // `September 22, 2015Wikipedia Current Events`: a name glued to the date is the
    // outlet the scraper wrote there, whatever its words.
    let glued = suffix.starts_with(char::is_alphabetic);
    if glued && is_name_phrase(&rest) {
        out.outlet.get_or_insert(rest);
        return true;
    }
    false
}

/// A short name (`Wikipedia Current Events`, `Frontline Wire`): one to five
/// capitalised words (small words aside), no sentence, no digits, no label.
pub(super) fn is_name_phrase(t: &str) -> bool {
    let small = ["of", "the", "and", "&", "de", "for", "on", "in"];
    let ws: Vec<&str> = t.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 5
        && t.chars().count() <= 45
        && !ends_sentence(t)
        && !t.contains([',', ';', ':', '"', '“', '(', '|'])
        && !t.chars().any(|c| c.is_ascii_digit())
        && ws[0].chars().next().is_some_and(char::is_uppercase)
        && ws.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && !ws
            .iter()
            .any(|w| OUTLET_NOT_WORDS.contains(&w.to_lowercase().as_str()))
        && chrome_kind(t).is_none()
}

/// Removes repeated date parts, digits and separators from what follows a date.
fn strip_date_noise(s: &str, later: &[&DateMatch]) -> String {
    let mut t = s.to_string();
    for d in later {
        t = t.replacen(&d.text, " ", 1);
    }
    t.split_whitespace()
        .filter(|w| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = core.to_lowercase();
            !(core.is_empty()
                || core.chars().all(|c| c.is_ascii_digit())
                || month_number(core).is_some()
                || is_weekday(core)
                || TIME_WORD.is_match(&lower))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A time of day or a time zone standing as a word (`07:46pm`, `21h54`, `PM`, `a.m`,
/// `EDT`, `GMT+1`, `ET`), and words of relative time (`ago`, `hours`).
static TIME_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,2}(?:[:.h]\d{2}){1,2}(?:[ap]\.?m)?|[ap]\.?m|(?:gmt|utc|cet|cest|eet|eest|bst|ist|pkt|eat|wat|cat|msk|ast|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|pt|aest|aedt|jst|kst|hkt|sgt|wib|ict|z)(?:[+-]\d{1,2}(?::?\d{2})?)?|\d+|ago|hours?|hrs?|minutes?|mins?|seconds?|days?|updated|à|a|las|às|um|at|le|el|de)$",
    )
    .unwrap()
});

/// Drops interface words at the end of a phrase (`Clash Report printer`).
fn strip_interface_tail(s: &str) -> String {
    let mut ws: Vec<&str> = s.split_whitespace().collect();
    while ws.len() > 1 && chrome_kind(ws[ws.len() - 1]).is_some() {
        ws.pop();
    }
    ws.join(" ")
}

/// Separators between a date and what stands beside it.
fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ':' | '·' | '•' | '/')
    })
}

#[cfg(test)]
mod tests;
