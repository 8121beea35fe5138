//! The head of a page: which date is the page's, and where its headline,
//! standfirst, outlet and byline are.

use chrono::{Datelike, NaiveDate};

use super::{
    DateFrom, HEAD_LINES, Page, Role, ends_sentence, is_headline_shaped, is_name_phrase,
    is_outlet_like, is_paragraph, is_section, words,
};
use crate::import::chrome::{Chrome, bullet_item, byline, chrome_kind, is_ticker, source_label};
use crate::import::dates::{Order, Written, ascii_digits, find_dates, page_order};

/// The date chosen for a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Chosen {
    pub date: Option<NaiveDate>,
    pub from: DateFrom,
    /// The date line's date as written, when it names no real day.
    pub invalid: Option<String>,
}

/// What the head of a page says.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Head {
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    /// The outlet a date line or a source line names.
    pub outlet: Option<String>,
    /// The outlet a line of its own names (`Stripes`): second to [`Head::outlet`].
    pub line_outlet: Option<String>,
    /// A news agency a byline names (`By ASSOCIATED PRESS`): third.
    pub agency: Option<String>,
    pub byline: Option<String>,
    /// A place line (`Popayán, Cauca`).
    pub place: Option<String>,
}

/// How many lines after the date line may still be part of the head.
const AFTER_DATE: usize = 8;

impl Page<'_> {
    /// The page's date line in its head: the first line among the first
    /// [`HEAD_LINES`] that is a date (with labels, time, outlet, byline), before the
    /// article has begun (at most one paragraph-like line before it, a standfirst),
    /// and not a crawl-time clock at the very top when another date stands under the
    /// headline.
    pub(super) fn head_date_line(&self) -> Option<usize> {
        let mut candidates = Vec::new();
        let mut paragraphs = 0;
        for (seen, i) in self.open().enumerate() {
            if seen >= HEAD_LINES {
                break;
            }
            let is_date = self.dates[i].as_ref().is_some_and(|d| {
                d.standalone && !matches!(d.written, Some(Written::Yearless { .. }) | None)
            });
            if is_date && self.roles[i] == Role::Text {
                candidates.push(i);
            } else if self.roles[i] == Role::Text && is_paragraph(self.text(i)) {
                paragraphs += 1;
                if paragraphs >= 2 {
                    break;
                }
            }
        }
        let first = *candidates.first()?;
        let first_open = self.open().next();
        let d0 = self.dates[first]
            .as_ref()
            .expect("a candidate is a date line");
        let bare_clock = Some(first) == first_open
            && d0.with_time
            && !d0.labelled
            && d0.outlet.is_none()
            && d0.byline.is_none()
            && d0.headline.is_none();
        if bare_clock {
            // Another date under a headline wins over a clock at the very top.
            for &c in &candidates[1..] {
                let under_headline = (first + 1..c)
                    .any(|j| self.roles[j] == Role::Text && is_headline_shaped(self.text(j)));
                let other = self.dates[c].as_ref().and_then(|d| d.written) != d0.written;
                if under_headline && other {
                    return Some(c);
                }
            }
        }
        Some(first)
    }

    /// Chooses the page's date: the metadata line's, else the head's date line's,
    /// else a labelled date line after the article, else (a guess, for an editor to
    /// check) a date in the article's text or a yearless dateline with the year the
    /// page shows elsewhere.
    pub(super) fn choose_date(&self, metadata: Option<NaiveDate>, head: Option<usize>) -> Chosen {
        let chosen = |date, from| Chosen {
            date: Some(date),
            from,
            invalid: None,
        };
        if let Some(d) = metadata {
            return chosen(d, DateFrom::Metadata);
        }
        if let Some(i) = head {
            let d = self.dates[i]
                .as_ref()
                .expect("the head date line is a date");
            let numeric = matches!(d.written, Some(Written::Numeric { .. }));
            let order = if numeric { self.numeric_order() } else { None };
            return match (d.written, order) {
                (Some(Written::Full(date)), _) => chosen(date, DateFrom::Head),
                (Some(w @ Written::Numeric { .. }), Some((o, sure))) => match w.date(o) {
                    Some(date) if sure => chosen(date, DateFrom::Head),
                    Some(date) => chosen(date, DateFrom::Guess),
                    None => self.no_date(Some(d.text.clone())),
                },
                _ => self.no_date(Some(d.text.clone())),
            };
        }
        match self.dateline_date() {
            Some(Written::Full(date)) => return chosen(date, DateFrom::Head),
            Some(Written::Yearless { month, day }) => {
                if let Some(date) = self
                    .page_year()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
                {
                    return chosen(date, DateFrom::Guess);
                }
            }
            _ => {}
        }
        if let Some(i) = self.footer_date_line()
            && let Some(Written::Full(date)) = self.dates[i].as_ref().and_then(|d| d.written)
        {
            return chosen(date, DateFrom::Footer);
        }
        match self.date_in_text() {
            Some(date) => chosen(date, DateFrom::Guess),
            None => self.no_date(None),
        }
    }

    fn no_date(&self, invalid: Option<String>) -> Chosen {
        Chosen {
            date: None,
            from: DateFrom::None,
            invalid,
        }
    }

    /// The day/month order of the page's numeric dates, and whether the page decides
    /// it (otherwise day first, the most common order, as a guess): other numeric dates
    /// with a number over 12, or a date written with its month's name that agrees with
    /// one reading.
    fn numeric_order(&self) -> Option<(Order, bool)> {
        let all: Vec<_> = self
            .lines
            .iter()
            .flat_map(|l| find_dates(&ascii_digits(&l.text)))
            .collect();
        let numeric: Vec<(u32, u32, i32)> = all
            .iter()
            .filter_map(|d| match d.written {
                Written::Numeric {
                    first,
                    second,
                    year,
                } => Some((first, second, year)),
                _ => None,
            })
            .collect();
        if numeric.is_empty() {
            return None;
        }
        if let Some(o) = page_order(&all) {
            return Some((o, true));
        }
        let named: Vec<(u32, u32)> = all
            .iter()
            .filter_map(|d| match d.written {
                Written::Full(x) => Some((x.month(), x.day())),
                Written::Yearless { month, day } => Some((month, day)),
                _ => None,
            })
            .collect();
        for &(a, b, _) in &numeric {
            if named.contains(&(b, a)) {
                return Some((Order::DayFirst, true));
            }
            if named.contains(&(a, b)) {
                return Some((Order::MonthFirst, true));
            }
        }
        Some((Order::DayFirst, false))
    }

    /// The date of a wire dateline opening the article: `Addis Abeba, April 7/2021 -`,
    /// `May 21, 2023 (KHARTOUM) -`, `Santa Marta (Colombia), 7 jul (EFE).-`: a date
    /// within the first words of the first paragraph, followed by a place or an agency
    /// in brackets and a dash (or `.-`, `:`).
    fn dateline_date(&self) -> Option<Written> {
        let first = self
            .open()
            .find(|&i| self.roles[i] == Role::Text && is_paragraph(self.text(i)))?;
        let text = ascii_digits(self.text(first));
        let head: String = text.chars().take(90).collect();
        let d = find_dates(&head).into_iter().find(|d| d.span.0 <= 45)?;
        let after = head[d.span.1..].trim_start();
        let after = match after.strip_prefix('(') {
            Some(rest) => rest.split_once(')').map_or("", |(_, r)| r).trim_start(),
            None => after,
        };
        let dashed = after.starts_with(['-', '–', '—', ':']) || after.starts_with(".-");
        dashed.then_some(d.written)
    }

    /// A labelled date line among the last lines of the page (`Published: ...`).
    fn footer_date_line(&self) -> Option<usize> {
        let open: Vec<usize> = self.open().collect();
        open.iter().rev().take(8).copied().find(|&i| {
            self.dates[i]
                .as_ref()
                .is_some_and(|d| d.standalone && d.labelled)
        })
    }

    /// A guess from the text: the first whole date in the first paragraphs (not in a
    /// caption), else a yearless date opening the article (`CARACAS, June 20 -`) with
    /// the year of another date on the page.
    fn date_in_text(&self) -> Option<NaiveDate> {
        let text: Vec<usize> = self
            .open()
            .filter(|&i| self.roles[i] == Role::Text)
            .take(6)
            .collect();
        for &i in &text {
            for d in find_dates(&ascii_digits(self.text(i))) {
                if let Written::Full(date) = d.written {
                    return Some(date);
                }
            }
        }
        let year = self.page_year()?;
        text.iter().take(3).find_map(|&i| {
            find_dates(&ascii_digits(self.text(i)))
                .into_iter()
                .find_map(|d| match d.written {
                    Written::Yearless { month, day } => NaiveDate::from_ymd_opt(year, month, day),
                    _ => None,
                })
        })
    }

    /// The year the page shows elsewhere: of its whole dates (captions and footers
    /// included), the latest; else the latest year standing alone (`© 2017`).
    fn page_year(&self) -> Option<i32> {
        let dated = self
            .lines
            .iter()
            .flat_map(|l| find_dates(&ascii_digits(&l.text)))
            .filter_map(|d| match d.written {
                Written::Full(x) => Some(x.year()),
                Written::Numeric { year, .. } => Some(year),
                _ => None,
            })
            .max();
        dated.or_else(|| {
            self.lines
                .iter()
                .flat_map(|l| YEAR.find_iter(&l.text).map(|m| m.as_str().to_string()))
                .filter_map(|y| y.parse().ok())
                .max()
        })
    }

    /// Reads the head around the date line `date_line` (or, without one, the lines
    /// before the first paragraph), marking the lines it takes.
    pub(super) fn read_head(&mut self, date_line: Option<usize>) -> Head {
        let mut head = Head::default();
        match date_line {
            Some(d) => {
                let before: Vec<usize> = self.open().filter(|&i| i < d).collect();
                self.take_date_line(d, &mut head);
                self.read_before_body(&before, &mut head);
                self.read_after_date(d, &mut head);
            }
            None => {
                let mut before = Vec::new();
                for i in self.open().collect::<Vec<_>>() {
                    if self.roles[i] == Role::Text && is_paragraph(self.text(i)) {
                        break;
                    }
                    before.push(i);
                }
                self.read_before_body(&before, &mut head);
            }
        }
        // Any other date line of the head or footer (`By AP Published: ...`).
        for i in 0..self.lines.len() {
            if self.roles[i] == Role::Text
                && self.dates[i]
                    .as_ref()
                    .is_some_and(|d| d.standalone && (d.labelled || d.outlet.is_some()))
            {
                self.take_date_line(i, &mut head);
            }
        }
        head
    }

    /// Takes the date line `i`: its outlet, byline and headline.
    fn take_date_line(&mut self, i: usize, head: &mut Head) {
        self.roles[i] = Role::DateLine;
        let Some(d) = self.dates[i].clone() else {
            return;
        };
        if let Some(o) = d.outlet {
            head.outlet.get_or_insert(o);
        }
        if let Some(a) = d.agency {
            head.agency.get_or_insert(a);
        }
        if let Some(b) = d.byline {
            head.byline.get_or_insert(b);
        }
        if let Some(h) = d.headline
            && head.headline.is_none()
        {
            head.headline = Some(h);
        }
    }

    /// Reads the head lines before the date line (or before the first paragraph):
    /// outlet, headline, standfirst, bylines, captions, place lines, menus. The
    /// headline is chosen first ([`Page::choose_headline`]): short lines above it are
    /// the outlet's name, a section or a kicker; lines under it the standfirst and
    /// captions.
    fn read_before_body(&mut self, lines: &[usize], head: &mut Head) {
        let mut open = Vec::new();
        for &i in lines {
            if self.roles[i] != Role::Text {
                continue;
            }
            let t = self.text(i).to_string();
            if self.dates[i].as_ref().is_some_and(|d| d.standalone) {
                self.take_date_line(i, head);
            } else if let Some(b) = byline(&t) {
                head.byline.get_or_insert(b);
                self.roles[i] = Role::Byline;
            } else if bullet_item(&t).is_some() || is_ticker(&t) {
                self.roles[i] = Role::Chrome;
            } else if is_place_line(&t) {
                head.place.get_or_insert(t);
                self.roles[i] = Role::Place;
            } else if let Some(o) = source_label(&t).or_else(|| outlet_bar(&t)) {
                head.outlet.get_or_insert(o);
                self.roles[i] = Role::Outlet;
            } else {
                open.push(i);
            }
        }
        let headline = if head.headline.is_some() {
            None
        } else {
            self.choose_headline(&open)
        };
        for (k, &i) in open.iter().enumerate() {
            let later = &open[k + 1..];
            self.roles[i] = match headline {
                Some(h) if i == h => {
                    let (text, outlet) = split_title_bar(self.text(i));
                    if let Some(o) = outlet {
                        head.outlet.get_or_insert(o);
                    }
                    head.headline = Some(text);
                    Role::Headline
                }
                Some(h) if i < h => self.above_headline(i, head),
                _ => self.head_line_role(i, later, head),
            };
        }
    }

    /// The line of `lines` that is the page's headline: the first headline-shaped
    /// line of five words or more that does not end like a sentence, else of three or
    /// more, else any headline-shaped line; never an outlet's name, a section, a kicker
    /// or chrome (`Folha de S.Paulo`, `Israel-Gaza war`, `Accessibility links` over the
    /// headline).
    fn choose_headline(&self, lines: &[usize]) -> Option<usize> {
        let fits = |i: usize, min: usize, stop: bool| {
            let t = self.text(i);
            is_headline_shaped(t)
                && words(t) >= min
                && (stop || !ends_sentence(t))
                && !is_outlet_like(t)
                && chrome_kind(t).is_none()
                && !is_date_line_shaped(t)
                && !self.named_in_later_byline(i)
        };
        let first = |min, stop| {
            let found: Vec<usize> = lines
                .iter()
                .copied()
                .filter(|&i| fits(i, min, stop))
                .collect();
            // A tagline over the masthead (`Exclusive news, data and analytics...` /
            // `Reuters` / `World`) is not the headline when a candidate follows.
            found.iter().copied().find(|&i| !self.masthead_after(i))
        };
        first(5, false)
            .or_else(|| first(3, false))
            .or_else(|| first(2, true))
    }

    /// Whether masthead lines follow line `i` before the next line of text: menus,
    /// sections or interface words (`Home`, `About`, `World`, `Africa`, `News`), or an
    /// outlet's name followed by such lines: `i` is then a tagline or a menu, not a
    /// headline.
    fn masthead_after(&self, i: usize) -> bool {
        for j in i + 1..self.lines.len() {
            let t = self.text(j);
            let is_date = self.dates[j].as_ref().is_some_and(|d| d.standalone);
            if is_date || is_paragraph(t) || self.roles[j] == Role::Byline {
                return false;
            }
            let menu = matches!(chrome_kind(t), Some(Chrome::Interface | Chrome::Label));
            if (menu || self.roles[j] == Role::Related) && words(t) <= 3 {
                return true;
            }
            if is_section(t) {
                return true;
            }
            if is_headline_shaped(t) && words(t) >= 5 {
                return false;
            }
        }
        false
    }

    /// A line above the headline: the outlet's name (the first outlet-like one), else
    /// a section, kicker or brand line (chrome).
    fn above_headline(&self, i: usize, head: &mut Head) -> Role {
        let t = self.text(i);
        // Over the headline, a word in capitals is the masthead (`MILENIO`).
        let masthead = Some(i) == self.open().next()
            && words(t) == 1
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !t.chars().any(char::is_lowercase)
            && chrome_kind(t).is_none()
            && !is_section(t)
            && crate::geo::gazetteer().lookup(t).is_none();
        let outlet = is_outlet_like(t) || masthead;
        if outlet && head.outlet.is_none() && head.line_outlet.is_none() {
            head.line_outlet = Some(t.to_string());
            return Role::Outlet;
        }
        Role::Chrome
    }

    /// What a head line before the date is, once the headline is known (or when the
    /// page has none); records what it gives in `head`.
    fn head_line_role(&self, i: usize, later: &[usize], head: &mut Head) -> Role {
        let t = self.text(i).to_string();
        if self.named_in_later_byline(i) {
            return Role::Chrome;
        }
        if head.headline.as_deref().is_some_and(|h| same_text(h, &t)) {
            return Role::Chrome;
        }
        if let Some(role) = self.outlet_line(&t, later, head) {
            return role;
        }
        if head.headline.is_none() && !is_paragraph(&t) {
            // A head without a headline: an outlet-like line names the outlet
            // (`The Baltimore Sun` over the date); any other is chrome (`Overblog`,
            // a tagline, a lone word over the page).
            if is_outlet_like(&t) && head.outlet.is_none() && head.line_outlet.is_none() {
                head.line_outlet = Some(t);
                return Role::Outlet;
            }
            return Role::Chrome;
        }
        let quoted = t.starts_with(['"', '“', '«', '\'', '‘']);
        if head.standfirst.is_none() && (is_paragraph(&t) || is_headline_shaped(&t) || quoted) {
            head.standfirst = Some(t);
            return Role::Standfirst;
        }
        Role::Caption
    }

    /// An outlet's own line (`Stripes`, `Middle East Monitor`), or a repeat of the
    /// outlet (`ClashReport` after `Clash Report`).
    fn outlet_line(&self, t: &str, later: &[usize], head: &mut Head) -> Option<Role> {
        if !is_outlet_like(t) {
            return None;
        }
        if let Some(o) = head.outlet.as_ref().or(head.line_outlet.as_ref()) {
            return (squash(o) == squash(t)).then_some(Role::Chrome);
        }
        // Over the headline, an outlet-like line with a headline after it is the
        // outlet (`Middle East Monitor`); under it, a short one (`Stripes`).
        let take = if head.headline.is_none() {
            !is_headline_shaped(t)
                || later.iter().any(|&j| {
                    self.roles[j] == Role::Text
                        && bullet_item(self.text(j)).is_none()
                        && is_headline_shaped(self.text(j))
                })
        } else {
            words(t) <= 2 || !is_headline_shaped(t)
        };
        take.then(|| {
            head.line_outlet = Some(t.to_string());
            Role::Outlet
        })
    }

    /// Whether `t` is the name a later byline of the head gives (`Jane Doe` above
    /// `By Jane Doe`).
    fn named_in_later_byline(&self, i: usize) -> bool {
        let t = self.text(i);
        words(t) <= 4
            && (i + 1..self.lines.len())
                .take(3)
                .any(|j| byline(self.text(j)).is_some_and(|b| b != t && b.contains(t)))
    }

    /// Reads the lines between the date line and the article: bylines, outlet
    /// repeats, chrome, a blog's headline under its date, a link blog's
    /// `From <outlet> (<date>):` line.
    fn read_after_date(&mut self, d: usize, head: &mut Head) {
        let after: Vec<usize> = self.open().filter(|&i| i > d).take(AFTER_DATE).collect();
        for (k, &i) in after.iter().enumerate() {
            if self.roles[i] != Role::Text {
                continue;
            }
            let t = self.text(i).to_string();
            if is_paragraph(&t) && !self.is_source_line(&t) {
                break;
            }
            // The next line of text (past date lines and bylines) opens the article
            // (maybe hard-wrapped, so not a whole sentence).
            let next_is_paragraph = after[k + 1..]
                .iter()
                .find(|&&j| {
                    let d = self.dates[j].as_ref().is_some_and(|d| d.standalone);
                    !d && byline(self.text(j)).is_none()
                })
                .is_some_and(|&j| {
                    let next = self.text(j);
                    is_paragraph(next) || (words(next) >= 10 && next.len() > t.len())
                });
            if self.dates[i].as_ref().is_some_and(|d| d.standalone) {
                self.take_date_line(i, head);
                continue;
            }
            self.roles[i] = if let Some(b) = byline(&t) {
                head.byline.get_or_insert(b);
                Role::Byline
            } else if head.headline.as_deref().is_some_and(|h| same_text(h, &t)) {
                Role::Chrome
            } else if let Some(outlet) = source_line_outlet(&t) {
                head.outlet.get_or_insert(outlet);
                Role::Outlet
            } else if is_place_line(&t) {
                head.place.get_or_insert(t);
                Role::Place
            } else if let Some(role) = self.outlet_line(&t, &[], head) {
                role
            } else if head.headline.is_none() && is_headline_shaped(&t) && next_is_paragraph {
                head.headline = Some(t);
                Role::Headline
            } else if words(&t) <= 2 {
                Role::Chrome
            } else {
                break;
            };
        }
    }

    fn is_source_line(&self, t: &str) -> bool {
        source_line_outlet(t).is_some()
    }
}

static YEAR: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").unwrap());

static SOURCE_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:From|Source|Via|Vía|Fuente|Source\s*:)\s+(?:the\s+)?(?P<outlet>[\p{Lu}][\p{L}0-9&.' -]+?)\s*\((?P<date>[^()]{4,})\)\s*:").unwrap()
});

/// The outlet a link blog's source line names: `From CNN Philippines (Jan 27, 2019):
/// ...` -> `CNN Philippines`.
pub(super) fn source_line_outlet(t: &str) -> Option<String> {
    let opens = ["From ", "Source", "Via ", "Vía ", "Fuente "];
    if !opens.iter().any(|o| t.starts_with(o)) {
        return None;
    }
    let c = SOURCE_LINE.captures(t)?;
    let date = &c["date"];
    find_dates(&ascii_digits(date))
        .first()
        .map(|_| c["outlet"].trim().to_string())
}

/// The outlet a line of outlets and agencies names (`Dawn.com | Reuters`): the first.
fn outlet_bar(t: &str) -> Option<String> {
    let parts: Vec<&str> = t.split(['|', '/']).map(str::trim).collect();
    let all = parts.len() >= 2
        && parts
            .iter()
            .all(|p| is_outlet_like(p) || crate::import::chrome::agency(p).is_some());
    all.then(|| parts[0].to_string())
}

/// A place line in a page's head: `Popayán, Cauca`, `Kabul, Afghanistan`: one comma
/// between capitalised names, no digits, at most five words.
pub(super) fn is_place_line(t: &str) -> bool {
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    parts.len() == 2
        && words(t) <= 5
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', '!', '?'])
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// A headline with an outlet after ` | ` (`Truce holds | Example News`), or an
/// agency or outlet after a dash (`Truce holds - Reuters`): the headline and the
/// outlet.
pub(super) fn split_title_bar(t: &str) -> (String, Option<String>) {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(pos) = t.rfind(sep) {
            let (h, o) = (t[..pos].trim(), t[pos + sep.len()..].trim());
            let agency = crate::import::chrome::agency(o).is_some();
            let outlet = is_outlet_like(o) && (sep == " | " || agency || words(o) >= 2);
            if words(h) >= 3 && (agency || outlet) {
                return (h.to_string(), Some(o.to_string()));
            }
        }
    }
    (t.to_string(), None)
}

/// Whether a line is a date line, never a headline: a whole date (with its year) at
/// the start or the end, and besides it nothing, or only a name (an outlet or a
/// section, glued or not: `September 22, 2015Wikipedia Current Events`, `Frontline
/// Wire - March 3, 2025`).
pub(super) fn is_date_line_shaped(t: &str) -> bool {
    let text = ascii_digits(t);
    let Some(d) = find_dates(&text)
        .into_iter()
        .find(|d| !matches!(d.written, Written::Yearless { .. }))
    else {
        return false;
    };
    let trim = |s: &str| {
        s.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | '·' | '•' | '/')
        })
        .to_string()
    };
    let (before, after) = (trim(&text[..d.span.0]), trim(&text[d.span.1..]));
    match (before.is_empty(), after.is_empty()) {
        (true, true) => true,
        (true, false) => is_name_phrase(&after),
        (false, true) => is_name_phrase(&before),
        (false, false) => false,
    }
}

/// Text compared without case, spaces and punctuation (`ClashReport` is `Clash
/// Report`).
pub(super) fn squash(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two lines say the same (a repeated headline).
pub(super) fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    !a.is_empty() && (a == b || (a.len() > 20 && b.starts_with(&a)))
}
