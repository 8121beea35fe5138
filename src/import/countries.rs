//! Which countries a report is about, and which one is primary: the **theatre rule**.
//! A report belongs to the place where the conflict it reports on happens, not to the
//! most-named country nor the first-named one: talks at the White House about the
//! Gaza war are Palestine; Russian strikes on Kyiv reported with a Trump–Putin call
//! are Ukraine; a drone strike in El Fasher is Sudan; a US domestic deployment is the
//! United States.
//!
//! Mentions come from the [`crate::geo`] gazetteer: country names, demonyms and
//! capitals ([`crate::geo::Gazetteer::find_mentions`]). Each mention is read in its
//! context:
//!
//! * **theatre** evidence: it names a place of events: a locative before it (`in
//!   Syria`, `across northern Iraq`; [`crate::geo::Mention::locative`]), a word of
//!   violence or war before it (`strikes on Kyiv`, `the siege of Sarajevo`, `fighting
//!   in`) or a conflict noun after it (`the Gaza ceasefire`, `the Sudan war`);
//! * **venue** of talks (`talks in Washington`, `a summit in Doha`): not a theatre;
//! * a **named agreement** (`the Minsk agreements`, `the Geneva Convention`): no
//!   mention of the country at all.
//!
//! Each mention weighs 1.0 for a name, 0.5 for a demonym or capital (they mostly name
//! actors: `Israeli officials`, `Beijing warned`), plus [`THEATRE`] for theatre
//! evidence; times 1.5 in the lead (headline, standfirst, first paragraph), plus 1.0
//! for the first country mentioned and for a lead that opens with a country's name.
//! The powers that news most often reports acting abroad (the United States, the
//! Soviet Union, Russia, the United Kingdom, France) count 0.6 of their non-theatre
//! weight when another country is mentioned too. The primary country has the highest
//! score (ties go to the earlier first mention); the rest follow in order of first
//! mention.

use chrono::NaiveDate;

use crate::geo::{Country, FormKind, Mention, gazetteer};

/// Added to a mention's weight when it names a theatre of events: a name after a
/// locative or a word of war, or before a conflict noun.
pub const THEATRE: f64 = 2.0;

/// Added for weaker theatre evidence: a demonym or capital before a place noun (`a
/// Pakistani village`, `the Kenyan port of Mombasa`), which often names a place on the
/// way rather than the theatre.
pub const NEAR_THEATRE: f64 = 1.0;

/// Added to the score of a country whose name opens the article (`Fiji today
/// welcomed...`, `Iran announced...`); not for a demonym (`Afghan warplanes killed`),
/// which opens with the actor rather than the place.
const LEAD_SUBJECT_BONUS: f64 = 1.0;

/// Countries that, in conflict news, are mostly actors abroad.
const OFTEN_ACTING_ABROAD: &[&str] = &["US", "SU", "RU", "GB", "FR"];

/// Words of violence and war that, a few words before a place, make it a theatre
/// (`strikes on Kyiv`, `shelling of Sarajevo`, `killed in`).
const CONFLICT_BEFORE: &[&str] = &[
    "strike", "strikes", "struck", "airstrike", "airstrikes", "attack", "attacks",
    "attacked", "shelling", "shelled", "bombing", "bombings", "bombed", "bombardment",
    "fighting", "fight", "fought", "clashes", "clash", "offensive", "siege", "besieged",
    "raid", "raids", "raided", "killed", "wounded", "dead", "died", "displaced", "fled",
    "invasion", "invaded", "incursion", "war", "battle", "battles", "frontline",
    "front", "drone", "drones", "missile", "missiles", "rocket", "rockets", "explosion",
    "explosions", "blast", "blasts", "ambush", "ambushed", "massacre", "violence",
    "unrest", "protests", "protesters", "crackdown", "insurgency", "insurgents",
    "militants", "rebels", "troops", "deployment", "deployed", "withdrawal", "withdrew",
    "captured", "seized", "retook", "advance", "advanced", "occupation", "occupied",
    "famine", "hostages", "ceasefire", "truce", "bomb", "bombs", "shells", "shell", "fired",
    "hit", "hits", "targeting", "targeted", "targets", "stormed", "overran", "fell",
];

/// Nouns that, right after a place, make it the theatre (`the Gaza ceasefire`,
/// `the Ukraine war`, `Sudan conflict`).
const CONFLICT_AFTER: &[&str] = &[
    "war", "wars", "conflict", "ceasefire", "truce", "crisis", "front", "frontline",
    "offensive", "fighting", "siege", "invasion", "insurgency",
];

/// Nouns of diplomacy: before a capital (`talks in Washington`, `a summit in Doha`)
/// they make it a venue, not a theatre.
const VENUE_BEFORE: &[&str] = &[
    "talks", "summit", "meeting", "meetings", "met", "visit", "visited", "visiting",
    "conference", "negotiations", "hosted", "arrived", "briefing", "embassy", "envoy",
    "spoke", "speaking", "said", "told", "interview", "reporters",
];

/// Nouns that, right after a place name, make it the name of an agreement, a court,
/// an organisation or a format, not a mention of the country (`the Minsk agreements`,
/// `the Geneva Convention`, `the Astana format`).
const NAMED_AFTER: &[&str] = &[
    "agreement", "agreements", "accord", "accords", "protocol", "protocols", "convention",
    "conventions", "format", "process", "declaration", "treaty", "statute", "tribunal",
    "memorandum", "group", "consensus", "club",
];

/// A country found in a report, with the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The country.
    pub country: &'static Country,
    /// Its score (see the module documentation).
    pub score: f64,
    /// How many times it is mentioned.
    pub mentions: usize,
    /// How many of those mentions name a theatre of events.
    pub theatre: usize,
}

/// How one mention reads in its context.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// A place where events happen.
    Theatre,
    /// Perhaps a place of events: a demonym or capital before a place noun.
    NearTheatre,
    /// Anything else: an actor, a passing mention, a venue.
    Plain,
    /// Not a mention of the country (`the Minsk agreements`).
    NotCountry,
}

/// The lower-case words of `text` (letters, digits, apostrophes and hyphens), with
/// byte offsets.
fn words_of(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let part = c.is_alphanumeric() || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Words before a demonym that make it no mention of the state: `ex-Soviet`,
/// `former Soviet`, `post-Soviet`, `ethnic Albanians`, `pro-Russian`.
const NOT_STATE_BEFORE: &[&str] = &["ex", "former", "post", "pre", "ethnic", "pro", "anti", "non"];

/// Reads a mention in its paragraph `text`; `previous` is the mention before it.
fn read_mention(m: &Mention, previous: Option<&Mention>, text: &str) -> Reading {
    let words = words_of(text);
    let first = words.iter().position(|(s, _)| *s >= m.span.0).unwrap_or(words.len());
    let after = words.iter().position(|(s, _)| *s >= m.span.1);
    let next = after.and_then(|k| words.get(k)).map(|(_, w)| w.as_str());
    // A sentence boundary between the mention and a word before it ends the look-back.
    let sentence_start = text[..m.span.0]
        .rfind(['.', '!', '?', ';'])
        .map_or(0, |i| i + 1);
    let before: Vec<&str> = words[..first]
        .iter()
        .rev()
        .take_while(|(s, _)| *s >= sentence_start)
        .take(5)
        .map(|(_, w)| w.as_str())
        .collect();
    if m.kind != FormKind::Demonym && next.is_some_and(|w| NAMED_AFTER.contains(&w)) {
        return Reading::NotCountry;
    }
    if m.kind == FormKind::Demonym {
        // `ethnic Albanians`, `ex-Soviet nations`: a people or a past, not the state;
        // `Bosnian Serb commander`, `Kosovo Serbs`: a people of another country.
        let prefixed =
            !m.locative && before.first().is_some_and(|w| NOT_STATE_BEFORE.contains(w));
        let of_another = previous.is_some_and(|p| {
            p.paragraph == m.paragraph
                && p.country != m.country
                && p.span.1 <= m.span.0
                && text[p.span.1..m.span.0].trim().is_empty()
        });
        if prefixed || of_another {
            return Reading::NotCountry;
        }
    }
    let venue = before.iter().take(3).any(|w| VENUE_BEFORE.contains(w));
    if m.kind == FormKind::Capital && venue {
        return Reading::Plain;
    }
    // A demonym is an actor (`Russian strikes`, `Israeli officials`) unless the
    // gazetteer saw it before a place noun (`a Pakistani village`).
    // `attacks by Azerbaijan` names the attacker, not the place.
    let conflict_before = m.kind != FormKind::Demonym
        && before.first() != Some(&"by")
        && before.iter().take(3).any(|w| CONFLICT_BEFORE.contains(w));
    let conflict_after = m.kind == FormKind::Name && next.is_some_and(|w| CONFLICT_AFTER.contains(&w));
    if conflict_before || conflict_after || (m.locative && m.kind == FormKind::Name && !venue) {
        Reading::Theatre
    } else if m.locative && !venue {
        Reading::NearTheatre
    } else {
        Reading::Plain
    }
}

/// Finds the countries mentioned in `paragraphs` (article text, without datelines;
/// the first is the lead), primary first, then in order of first mention. `date` is
/// the report's date (see [`crate::geo::Gazetteer::find_mentions`]). Empty when no
/// country is named.
pub fn find_countries(paragraphs: &[&str], date: NaiveDate) -> Vec<Found> {
    let g = gazetteer();
    let mentions = g.find_mentions(paragraphs, date);
    // (country index, theatre score, other score, mentions, theatre mentions), in
    // order of first mention.
    let mut found: Vec<(usize, f64, f64, usize, usize)> = Vec::new();
    let mut lead_subject = None;
    for (k, m) in mentions.iter().enumerate() {
        let previous = k.checked_sub(1).map(|p| &mentions[p]);
        let reading = read_mention(m, previous, paragraphs[m.paragraph]);
        if reading == Reading::NotCountry {
            continue;
        }
        let base = match m.kind {
            FormKind::Name => 1.0,
            FormKind::Demonym | FormKind::Capital => 0.5,
        };
        let lead = if m.paragraph == 0 { 1.5 } else { 1.0 };
        let theatre = lead
            * match reading {
                Reading::Theatre => THEATRE,
                Reading::NearTheatre => NEAR_THEATRE,
                _ => 0.0,
            };
        if lead_subject.is_none() && m.paragraph == 0 && m.span.0 == 0 && m.kind == FormKind::Name {
            lead_subject = Some(m.country);
        }
        match found.iter_mut().find(|e| e.0 == m.country) {
            Some(e) => {
                e.1 += theatre;
                e.2 += base * lead;
                e.3 += 1;
                e.4 += usize::from(theatre > 0.0);
            }
            None => found.push((m.country, theatre, base * lead, 1, usize::from(theatre > 0.0))),
        }
    }
    if let Some(first) = found.first_mut() {
        first.2 += 1.0;
    }
    if let Some(c) = lead_subject
        && let Some(e) = found.iter_mut().find(|e| e.0 == c)
    {
        e.2 += LEAD_SUBJECT_BONUS;
    }
    let several = found.len() > 1;
    let mut scored: Vec<Found> = found
        .into_iter()
        .map(|(c, theatre, other, mentions, theatre_mentions)| {
            let country = g.country(c);
            let abroad = several && OFTEN_ACTING_ABROAD.contains(&country.code.as_str());
            Found {
                country,
                score: theatre + if abroad { 0.6 * other } else { other },
                mentions,
                theatre: theatre_mentions,
            }
        })
        .collect();
    let primary = scored
        .iter()
        .enumerate()
        .fold(None, |best: Option<(usize, f64)>, (i, f)| match best {
            Some((_, s)) if s >= f.score => best,
            _ => Some((i, f.score)),
        })
        .map(|(i, _)| i);
    if let Some(p) = primary {
        let entry = scored.remove(p);
        scored.insert(0, entry);
    }
    scored
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paragraphs: &[&str]) -> Vec<String> {
        let d = NaiveDate::from_ymd_opt(2025, 7, 8).unwrap();
        find_countries(paragraphs, d)
            .into_iter()
            .map(|f| f.country.name.clone())
            .collect()
    }

    #[test]
    fn primary_is_where_events_happen() {
        assert_eq!(
            names(&["U.S. forces struck targets in Syria on Monday, the Pentagon said."]),
            ["Syria", "United States"]
        );
        assert_eq!(
            names(&[
                "Russia launched drones at Kyiv overnight.",
                "Fighting in Ukraine went on."
            ]),
            ["Ukraine", "Russia"]
        );
    }

    #[test]
    fn the_theatre_rule() {
        // Talks held in Washington about the Gaza war belong to Palestine.
        assert_eq!(
            names(&[
                "Hopes for a Gaza ceasefire rose after Israeli and Qatari officials met at talks in Washington.",
                "Israel said it would study the plan. Israeli officials said the Israeli cabinet would meet.",
            ])[0],
            "Palestine"
        );
        // Strikes on a capital make it the theatre, whoever is named more.
        assert_eq!(
            names(&[
                "Trump and Putin spoke by phone as Russian strikes on Kyiv killed two. Russia said Russian forces would go on."
            ])[0],
            "Ukraine"
        );
    }

    #[test]
    fn named_agreements_and_venues_are_not_countries() {
        let found = names(&[
            "Russia had exploited the 2014 Minsk agreements, Zelensky said in Ukraine.",
        ]);
        assert!(!found.contains(&"Belarus".to_string()), "{found:?}");
        let found = names(&["Fighting raged in Sudan as envoys met for talks in Washington."]);
        assert_eq!(found[0], "Sudan");
    }

    #[test]
    fn no_country() {
        assert!(names(&["Nothing happened anywhere."]).is_empty());
    }
}
