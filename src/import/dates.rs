//! Dates as pages write them, found anywhere in a line.
//!
//! [`find_dates`] scans a line for every date it holds, in the forms news pages and
//! scrapers produce: month names in English, French, Spanish, Portuguese, German,
//! Italian and Arabic (`July 8, 2025`, `8th July, 2025`, `12th, March 2024`,
//! `27 janvier 2014`, `13 de noviembre de 2025`, `8 يوليو 2025`), abbreviations with or
//! without a stop (`Sept. 3`, `janv.`), an optional weekday, ISO (`2025-07-08`,
//! `2025/07/08`, `2022.03.28`, with a time after `T`), and day-month-year or
//! month-day-year in digits (`17.03.2019`, `03/17/2019`), whose order, when both
//! readings are real days, is left for the page to decide ([`Written::Numeric`]).
//! Dates without a year (`Feb. 12`, `12 May`) are found too, as such. Arabic-Indic
//! digits are read as digits.
//!
//! Nothing here decides which date is a page's date: see [`crate::import::seed`].

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

/// Month names and abbreviations, by language, with their numbers. Abbreviations of
/// three letters or more; a trailing stop is allowed by the patterns.
const MONTH_NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("dez", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Arabic (Egyptian and Gulf usage, then Levantine)
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

/// Weekday names and abbreviations (English, French, Spanish, Portuguese, German).
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tues",
    "tue",
    "wednesday",
    "wed",
    "thursday",
    "thurs",
    "thur",
    "thu",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "lun",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dim",
    "الأحد",
    "الاحد",
    "الإثنين",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// The month number (1-12) of a month name or abbreviation in any case and language
/// of [`find_dates`]: `July`, `JUL`, `Sept.`, `janvier`, `noviembre`.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.iter().find(|(m, _)| *m == n).map(|&(_, k)| k)
}

/// Whether `word` is a weekday name or abbreviation (a trailing stop or comma aside).
pub fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    WEEKDAYS.contains(&w.as_str())
}

/// What a date in text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A whole date.
    Full(NaiveDate),
    /// Digits only, where both orders give a real day: `03.04.2019` is 3 April
    /// (day first) or 4 March (month first). The page decides ([`Order`]).
    Numeric {
        /// The first number written.
        first: u32,
        /// The second number written.
        second: u32,
        /// The year.
        year: i32,
    },
    /// A month and day without a year (`Feb. 12`, `12 May`).
    Yearless {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// A year, month and day that name no real day (`February 30, 2025`).
    Invalid,
}

/// The order of numeric dates on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `17.03.2019`: day, month, year (most of the world, and every page in French,
    /// Spanish, German...).
    DayFirst,
    /// `03/17/2019`: month, day, year (United States).
    MonthFirst,
}

impl Written {
    /// The date, reading numeric dates in `order`.
    pub fn date(self, order: Order) -> Option<NaiveDate> {
        match self {
            Written::Full(d) => Some(d),
            Written::Numeric {
                first,
                second,
                year,
            } => {
                let (m, d) = match order {
                    Order::DayFirst => (second, first),
                    Order::MonthFirst => (first, second),
                };
                NaiveDate::from_ymd_opt(year, m, d)
            }
            Written::Yearless { .. } | Written::Invalid => None,
        }
    }
}

/// One date found in a line.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// Byte range of the date in the line given to [`find_dates`] (after its digits
    /// were made ASCII: see [`ascii_digits`]).
    pub span: (usize, usize),
    /// What it says.
    pub written: Written,
    /// A time of day follows it (`10:42`, `9:54am`, `21h54`, `at 4:57 pm`, `T10:00`).
    pub with_time: bool,
    /// The date as written.
    pub text: String,
}

/// The earliest and latest years read as years of a date (outside them, `1,000` or
/// `3000` are numbers, not dates).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTH_NAMES.iter().map(|(n, _)| *n).collect();
    // Longest first, so that `janvier` is not read as `jan`.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

struct Patterns {
    /// `July 8, 2025`, `Jul-08-2025`, `Nov 6 2020`, `July 08, 2025Clash Report`.
    month_day_year: Regex,
    /// `8 July 2025`, `8th July, 2025`, `12th, March 2024`, `13 de noviembre de 2025`.
    day_month_year: Regex,
    /// `2025-07-08`, `2025/7/8`, `2022.03.28`.
    iso: Regex,
    /// `17.03.2019`, `03/17/2019`, `17-03-2019`.
    numeric: Regex,
    /// `Feb. 12`, `June 20`.
    month_day: Regex,
    /// `12 May`, `27 janvier`.
    day_month: Regex,
    /// A time of day right after a date.
    time: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let mon = month_alternation();
    let ord = r"(?:st|nd|rd|th|er|º|°)?";
    let re = |s: &str| Regex::new(s).expect("valid date pattern");
    Patterns {
        month_day_year: re(&format!(
            r"(?P<mon>{mon})\.?[\s/-]+(?P<day>\d{{1,2}}){ord}(?:\s*,\s*|[\s/-]+|\s*)(?:de\s+)?(?P<year>\d{{4}})"
        )),
        day_month_year: re(&format!(
            r"(?P<day>\d{{1,2}}){ord}\s*[,.]?[\s/-]*(?:de\s+)?(?P<mon>{mon})\.?(?:\s*,\s*|[\s/-]+|\s*)(?:de\s+|del\s+)?(?P<year>\d{{4}})"
        )),
        iso: re(r"(?P<year>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"),
        numeric: re(r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<year>\d{4})"),
        month_day: re(&format!(r"(?P<mon>{mon})\.?\s+(?P<day>\d{{1,2}}){ord}")),
        day_month: re(&format!(
            r"(?P<day>\d{{1,2}}){ord}\s+(?:de\s+)?(?P<mon>{mon})\.?"
        )),
        time: re(
            r"(?i)^(?:\s*,?\s*(?:at|à|a las|às|um|-|\|)?\s*)?(?:T)?\d{1,2}(?:[:.h]\d{2})(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?|^\s*,?\s*(?:at\s+)?\d{1,2}\s*[ap]\.?\s?m\.?",
        ),
    }
});

/// The regex crate has no back-references: the separators of ISO and numeric dates
/// must match, checked by hand.
fn same_separators(text: &str) -> bool {
    let seps: Vec<char> = text.chars().filter(|c| !c.is_ascii_digit()).collect();
    seps.len() == 2 && seps[0] == seps[1]
}

/// The line with Arabic-Indic and Eastern Arabic-Indic digits made ASCII (`٢٠٢٤` ->
/// `2024`), so that byte offsets of [`find_dates`] refer to this text.
pub fn ascii_digits(line: &str) -> std::borrow::Cow<'_, str> {
    let arabic = |c: char| matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}');
    if !line.chars().any(arabic) {
        return line.into();
    }
    line.chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Whether the match at `start..end` of `line` stands alone: not inside a longer word
/// or number (`20251`, `XJuly`), though a date may be glued to the letters of an
/// outlet's name after it (`July 08, 2025Clash Report`).
fn bounded(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    let starts_word = line[start..].starts_with(|c: char| c.is_alphabetic());
    let ends_digit = line[..end].ends_with(|c: char| c.is_ascii_digit());
    let ok_before = match before {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        Some(c) if c.is_alphabetic() => !starts_word,
        Some(_) => true,
    };
    let ok_after = match after {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        Some(c) if c.is_alphabetic() => ends_digit,
        Some(_) => true,
    };
    ok_before && ok_after
}

/// The captures of the matches of `re` in `line` that stand alone (see [`bounded`]),
/// as `captures_iter` gives them: the matches are found first, and the costlier
/// captures read only for those that count.
fn bounded_captures<'h>(re: &Regex, line: &'h str) -> impl Iterator<Item = Captures<'h>> {
    re.find_iter(line)
        .filter(|m| bounded(line, m.start(), m.end()))
        .filter_map(|m| re.captures_at(line, m.start()))
}

/// Whether `text` has four numerals in a row, as a year (`\d{4}`) needs: a cheap test
/// that spares most lines the patterns of whole dates. (`\d` is a decimal digit of
/// any script, and every one is numeric.)
pub fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    if text.is_ascii() {
        return text.bytes().any(|b| {
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            run == 4
        });
    }
    text.chars().any(|c| {
        run = if c.is_numeric() { run + 1 } else { 0 };
        run == 4
    })
}

/// Whether `line` has a run of ASCII digits that some date form needs: a day or a
/// month of one or two digits (`8 July`, `2025-7-08`, `17.03.2019`), or a day glued to
/// its year (`July 82025`, five or six digits). Every match of the patterns of
/// [`find_dates`] that stands alone ([`bounded`]) holds such a run, so a line of ASCII
/// digits without one has no date (`September 2021`, `100 villages`): a cheap test
/// that spares most navigation and body lines the patterns.
fn has_day_digits(line: &str) -> bool {
    let mut run = 0;
    for b in line.bytes().chain([b' ']) {
        if b.is_ascii_digit() {
            run += 1;
        } else {
            if matches!(run, 1 | 2 | 5 | 6) {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Every date in `line`, in order, none overlapping another. `line` should have ASCII
/// digits (see [`ascii_digits`]); spans refer to it.
pub fn find_dates(line: &str) -> Vec<DateMatch> {
    // Every form has a digit (`\d`, a decimal digit of any script: numeric); with
    // ASCII digits only, one of a day's length.
    let other_digits =
        !line.is_ascii() && line.chars().any(|c| c.is_numeric() && !c.is_ascii_digit());
    if other_digits || has_day_digits(line) {
        scan_dates(line)
    } else {
        Vec::new()
    }
}

/// [`find_dates`] without its pre-checks: every pattern tried.
fn scan_dates(line: &str) -> Vec<DateMatch> {
    let mut found: Vec<DateMatch> = Vec::new();
    // Month names are matched in lower case (ASCII letters folded, so that byte
    // offsets stay those of `line`; the names' other letters are written in lower
    // case): a case-sensitive automaton is far smaller than a case-folding one.
    let lower = line.to_ascii_lowercase();
    // Whole dates first, so that their parts are not read again as yearless ones.
    // (Each has a year: four digits in a row.)
    let whole = if has_four_digits(line) {
        [named_dates(&lower), digit_dates(line)].concat()
    } else {
        Vec::new()
    };
    for (start, end, written) in whole.into_iter().chain(yearless_dates(&lower)) {
        if found.iter().any(|f| start < f.span.1 && f.span.0 < end) {
            continue;
        }
        let with_time = PATTERNS.time.is_match(&line[end..]) || line[start..end].contains('T');
        found.push(DateMatch {
            span: (start, end),
            written,
            with_time,
            text: line[start..end].to_string(),
        });
    }
    found.sort_by_key(|f| f.span.0);
    found
}

/// Whole dates with a month's name: `July 8, 2025`, `8 July 2025`, `27 janvier 2014`.
fn named_dates(line: &str) -> Vec<(usize, usize, Written)> {
    let p = &*PATTERNS;
    let mut out = Vec::new();
    for re in [&p.month_day_year, &p.day_month_year] {
        for c in bounded_captures(re, line) {
            let whole = c.get(0).unwrap();
            let (Some(month), Ok(day), Ok(year)) = (
                month_number(&c["mon"]),
                c["day"].parse::<u32>(),
                c["year"].parse::<i32>(),
            ) else {
                continue;
            };
            if YEARS.contains(&year) {
                let written = NaiveDate::from_ymd_opt(year, month, day)
                    .map_or(Written::Invalid, Written::Full);
                out.push((whole.start(), whole.end(), written));
            }
        }
    }
    out
}

/// Dates in digits: ISO (`2025-07-08`, `2022.03.28`) and day/month/year in either
/// order (`17.03.2019`, `03/17/2019`).
fn digit_dates(line: &str) -> Vec<(usize, usize, Written)> {
    let p = &*PATTERNS;
    let mut out = Vec::new();
    for c in bounded_captures(&p.iso, line) {
        let whole = c.get(0).unwrap();
        if !same_separators(whole.as_str()) {
            continue;
        }
        let year: i32 = c["year"].parse().unwrap_or(0);
        let (m, d): (u32, u32) = (c["m"].parse().unwrap_or(0), c["d"].parse().unwrap_or(0));
        if YEARS.contains(&year) && (1..=12).contains(&m) {
            let written =
                NaiveDate::from_ymd_opt(year, m, d).map_or(Written::Invalid, Written::Full);
            out.push((whole.start(), whole.end(), written));
        }
    }
    for c in bounded_captures(&p.numeric, line) {
        let whole = c.get(0).unwrap();
        if !same_separators(whole.as_str()) {
            continue;
        }
        let (a, b): (u32, u32) = (c["a"].parse().unwrap_or(0), c["b"].parse().unwrap_or(0));
        let year: i32 = c["year"].parse().unwrap_or(0);
        if YEARS.contains(&year) {
            out.push((whole.start(), whole.end(), numeric(a, b, year)));
        }
    }
    out
}

/// `a.b.year`, read both ways: one date when only one order names a real day (or
/// both give the same), [`Written::Numeric`] when both do.
fn numeric(a: u32, b: u32, year: i32) -> Written {
    let day_first = NaiveDate::from_ymd_opt(year, b, a);
    let month_first = NaiveDate::from_ymd_opt(year, a, b);
    match (day_first, month_first) {
        (Some(d), None) | (None, Some(d)) => Written::Full(d),
        (Some(d), Some(_)) if a == b => Written::Full(d),
        (Some(_), Some(_)) => Written::Numeric {
            first: a,
            second: b,
            year,
        },
        (None, None) => Written::Invalid,
    }
}

/// Dates without a year: `Feb. 12`, `12 May`.
fn yearless_dates(line: &str) -> Vec<(usize, usize, Written)> {
    let p = &*PATTERNS;
    let mut out = Vec::new();
    for re in [&p.month_day, &p.day_month] {
        for c in bounded_captures(re, line) {
            let whole = c.get(0).unwrap();
            let (Some(month), Ok(day)) = (month_number(&c["mon"]), c["day"].parse::<u32>()) else {
                continue;
            };
            // `May 2` in `May 2000 people` is no date; nor `Mar 45`.
            if NaiveDate::from_ymd_opt(2024, month, day).is_some() {
                out.push((whole.start(), whole.end(), Written::Yearless { month, day }));
            }
        }
    }
    out
}

/// The order the numeric dates of a page are written in, from its own evidence:
/// a numeric date whose first number is over 12 is day-first (`17.03.2019`), over 12
/// in second place month-first (`03/17/2019`). `None` when the page does not tell.
pub fn page_order<'a>(dates: impl IntoIterator<Item = &'a DateMatch>) -> Option<Order> {
    let (mut day_first, mut month_first) = (0, 0);
    for d in dates {
        let digits: Vec<u32> = d
            .text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        if digits.len() != 3 || digits[0] > 31 {
            continue; // ISO or a written month: says nothing of the order
        }
        if digits[0] > 12 && digits[1] <= 12 {
            day_first += 1;
        } else if digits[1] > 12 && digits[0] <= 12 {
            month_first += 1;
        }
    }
    match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => Some(Order::DayFirst),
        std::cmp::Ordering::Less => Some(Order::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Option<String> {
        let d = find_dates(line);
        d.first().map(|d| match d.written {
            Written::Full(d) => d.to_string(),
            Written::Numeric { .. } => "numeric".into(),
            Written::Yearless { month, day } => format!("--{month:02}-{day:02}"),
            Written::Invalid => "invalid".into(),
        })
    }

    #[test]
    fn month_names_in_many_languages_and_forms() {
        for (line, want) in [
            ("July 08, 2025Clash Report", "2025-07-08"),
            ("Jul-08-2025", "2025-07-08"),
            ("Nov 6 2020", "2020-11-06"),
            ("Sun., July 2, 1995", "1995-07-02"),
            ("Sept. 3, 2015", "2015-09-03"),
            ("MARCH 25, 1987REUTERS", "1987-03-25"),
            ("8 July 2025", "2025-07-08"),
            ("31st December, 2017 01:44:15", "2017-12-31"),
            ("12th, March 2024 GMT", "2024-03-12"),
            ("Published: Fri, 2 Aug 2002 01:00:00 GMT+01", "2002-08-02"),
            (
                "27 janvier 2014 1 27 /01 /janvier /2014 19:06",
                "2014-01-27",
            ),
            ("RFI  lundi 27 janvier 2014 à 17:20", "2014-01-27"),
            ("1er février 2020", "2020-02-01"),
            ("13 de noviembre de 2025", "2025-11-13"),
            ("Publicado el 5 de mayo del 2021", "2021-05-05"),
            ("17 de março de 2023", "2023-03-17"),
            ("3. Oktober 2023", "2023-10-03"),
            ("تاريخ النشر: 12th, March 2024 GMT", "2024-03-12"),
            ("12 مارس 2024", "2024-03-12"),
            ("8-Jul-2025", "2025-07-08"),
        ] {
            assert_eq!(one(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn digits_iso_dotted_and_numeric_order() {
        assert_eq!(one("2025-07-08").as_deref(), Some("2025-07-08"));
        assert_eq!(one("date 2024-05-18 Foo").as_deref(), Some("2024-05-18"));
        assert_eq!(one("2022.03.28").as_deref(), Some("2022-03-28"));
        assert_eq!(one("Title | 2017-12-31 |").as_deref(), Some("2017-12-31"));
        assert_eq!(
            one("Published on 17.03.2019 at 21h54 by AFP").as_deref(),
            Some("2019-03-17")
        );
        assert_eq!(one("03/17/2019").as_deref(), Some("2019-03-17"));
        assert_eq!(one("03.04.2019").as_deref(), Some("numeric"));
        let d = find_dates("03.04.2019")[0].written;
        assert_eq!(d.date(Order::DayFirst).unwrap().to_string(), "2019-04-03");
        assert_eq!(d.date(Order::MonthFirst).unwrap().to_string(), "2019-03-04");
        assert_eq!(one("2025-7/08"), None, "mixed separators");
        assert_eq!(
            one("٢٠٢٤-٠٣-١٢").as_deref(),
            None,
            "needs ascii_digits first"
        );
        assert_eq!(
            one(&ascii_digits("٢٠٢٤-٠٣-١٢")).as_deref(),
            Some("2024-03-12")
        );
    }

    #[test]
    fn the_digit_pre_check_never_hides_a_date() {
        assert_eq!(one("July 82025").as_deref(), Some("2025-07-08"), "glued");
        assert_eq!(one("September 2021"), None);
        assert_eq!(one("in 100 villages since 2021"), None);
        // Lines of the pieces dates are made of, in any order: the check and the
        // full scan agree on every one.
        let pieces = [
            "1", "12", "123", "2024", "20251", "82025", "312024", "July", "janvier", "de", "Sept.",
            "31st", "1er", " ", ", ", "-", "/", ".", "|", "x", "T", "10:30", "°",
        ];
        let mut rng = 0x9e37_79b9_u64;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..(rng % 7 + 1) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                line.push_str(pieces[(rng % pieces.len() as u64) as usize]);
            }
            assert_eq!(find_dates(&line), scan_dates(&line), "{line:?}");
        }
    }

    #[test]
    fn yearless_invalid_and_non_dates() {
        assert_eq!(one("on Feb. 12. At least").as_deref(), Some("--02-12"));
        assert_eq!(
            one("CARACAS, June 20 (Reuters)").as_deref(),
            Some("--06-20")
        );
        assert_eq!(one("on 12 May. (Photo)").as_deref(), Some("--05-12"));
        assert_eq!(one("February 30, 2025").as_deref(), Some("invalid"));
        assert_eq!(
            one("July 08, 20251").as_deref(),
            Some("--07-08"),
            "no year 20251"
        );
        assert_eq!(one("China is leveraging"), None);
        assert_eq!(one("Monday 8 things"), None);
        assert_eq!(one("May 2000 people"), None);
        assert_eq!(one("in 1,000 days"), None);
        assert_eq!(one("Summary 12 Marchers"), None);
    }

    #[test]
    fn times_after_dates() {
        for line in [
            "March 3, 2024 at 4:57 pm",
            "May 16, 2018, 9:54am",
            "June 20, 2017 10:30 pm",
            "17.03.2019 21h54",
            "2024-05-18T10:00:00Z",
        ] {
            assert!(find_dates(line)[0].with_time, "{line}");
        }
        assert!(!find_dates("February 12, 2014")[0].with_time);
    }

    #[test]
    fn the_page_decides_the_order() {
        let dates: Vec<DateMatch> = ["17.03.2019", "03.04.2019"]
            .iter()
            .flat_map(|l| find_dates(l))
            .collect();
        assert_eq!(page_order(&dates), Some(Order::DayFirst));
        let dates: Vec<DateMatch> = ["03/17/2019"].iter().flat_map(|l| find_dates(l)).collect();
        assert_eq!(page_order(&dates), Some(Order::MonthFirst));
        assert_eq!(page_order(&find_dates("03.04.2019")), None);
    }
}
