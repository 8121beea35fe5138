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

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use compact_str::CompactString;

use crate::geo::groups::find_groups;
use crate::geo::places::{PlaceMention, resolve};
use crate::geo::{Country, FormKind, Mention, gazetteer};

/// Added to a mention's weight when it names a theatre of events: a name after a
/// locative or a word of war, or before a conflict noun.
pub const THEATRE: f64 = 2.0;

/// Added to a mention's weight when a word of war or violence shows it is where the
/// fighting is (`strikes on Kyiv`, `the Gaza ceasefire`, `shelled Tavush Province`).
pub const FIGHTING: f64 = 2.5;

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
    "strike",
    "strikes",
    "struck",
    "airstrike",
    "airstrikes",
    "attack",
    "attacks",
    "attacked",
    "shelling",
    "shelled",
    "bombing",
    "bombings",
    "bombed",
    "bombardment",
    "fighting",
    "fight",
    "fought",
    "clashes",
    "clash",
    "offensive",
    "siege",
    "besieged",
    "raid",
    "raids",
    "raided",
    "killed",
    "wounded",
    "dead",
    "died",
    "displaced",
    "fled",
    "invasion",
    "invaded",
    "incursion",
    "war",
    "battle",
    "battles",
    "frontline",
    "front",
    "drone",
    "drones",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "ambush",
    "ambushed",
    "massacre",
    "violence",
    "unrest",
    "protests",
    "protesters",
    "crackdown",
    "insurgency",
    "insurgents",
    "militants",
    "rebels",
    "troops",
    "deployment",
    "deployed",
    "withdrawal",
    "withdrew",
    "captured",
    "seized",
    "retook",
    "advance",
    "advanced",
    "occupation",
    "occupied",
    "famine",
    "hostages",
    "ceasefire",
    "truce",
    "bomb",
    "bombs",
    "shells",
    "shell",
    "fired",
    "hit",
    "hits",
    "targeting",
    "targeted",
    "targets",
    "stormed",
    "overran",
    "fell",
    // French
    "violences",
    "violence",
    "combats",
    "attaque",
    "attaques",
    "attentat",
    "attentats",
    "frappe",
    "frappes",
    "bombardement",
    "bombardements",
    "affrontements",
    "tués",
    "morts",
    "blessés",
    "guerre",
    "offensive",
    "explosion",
    "massacre",
    "insurrection",
    // Spanish
    "ataque",
    "ataques",
    "atacaron",
    "combates",
    "enfrentamientos",
    "bombardeo",
    "bombardeos",
    "muertos",
    "heridos",
    "guerra",
    "atentado",
    "violencia",
    "ofensiva",
    "asesinados",
    "masacre",
];

/// Words of flight that, a few words before a place, make it a refuge, not the theatre
/// (`refugees in Chad`, `fled to Kenya`, `réfugiés en RDC`).
const FLIGHT_BEFORE: &[&str] = &[
    "refugee",
    "refugees",
    "refuge",
    "fled",
    "flee",
    "fleeing",
    "flight",
    "asylum",
    "sheltering",
    "evacuated",
    "réfugiés",
    "réfugier",
    "fuient",
    "fuir",
    "fui",
    "refugiados",
    "huyeron",
    "huir",
    "desplazados",
];

/// Nouns that, right after a place, make it the theatre (`the Gaza ceasefire`,
/// `the Ukraine war`, `Sudan conflict`).
const CONFLICT_AFTER: &[&str] = &[
    "war",
    "wars",
    "conflict",
    "ceasefire",
    "truce",
    "crisis",
    "front",
    "frontline",
    "offensive",
    "fighting",
    "siege",
    "invasion",
    "insurgency",
];

/// Nouns of diplomacy: before a capital (`talks in Washington`, `a summit in Doha`)
/// they make it a venue, not a theatre.
const VENUE_BEFORE: &[&str] = &[
    "talks",
    "summit",
    "meeting",
    "meetings",
    "met",
    "visit",
    "visited",
    "visiting",
    "conference",
    "negotiations",
    "hosted",
    "arrived",
    "briefing",
    "embassy",
    "envoy",
    "spoke",
    "speaking",
    "said",
    "told",
    "interview",
    "reporters",
];

/// Nouns that, right after a place name, make it the name of an agreement, a court,
/// an organisation or a format, not a mention of the country (`the Minsk agreements`,
/// `the Geneva Convention`, `the Astana format`).
const NAMED_AFTER: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "protocol",
    "protocols",
    "convention",
    "conventions",
    "format",
    "process",
    "declaration",
    "treaty",
    "statute",
    "tribunal",
    "memorandum",
    "group",
    "consensus",
    "club",
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
    /// A place where fighting or violence happens: a word of war beside it (`strikes
    /// on Kyiv`, `the Gaza ceasefire`, `violences en Centrafrique`).
    Fighting,
    /// A place where events happen (`in Syria`).
    Theatre,
    /// Perhaps a place of events: a demonym or capital before a place noun.
    NearTheatre,
    /// Anything else: an actor, a passing mention, a venue.
    Plain,
    /// Not a mention of the country (`the Minsk agreements`).
    NotCountry,
}

/// Up to `n` lower-case words of `text` before byte `end`, nearest first, stopping at
/// a sentence boundary (`.`, `!`, `?`, `;`). Words are runs of letters, digits and
/// hyphens.
fn words_before(text: &str, end: usize, n: usize) -> Vec<CompactString> {
    let mut out = Vec::with_capacity(n);
    // The end of the word being read, backwards.
    let mut word_end: Option<usize> = None;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_alphanumeric() || c == '-' {
            word_end.get_or_insert(i + c.len_utf8());
            continue;
        }
        if let Some(e) = word_end.take() {
            out.push(lower_case(&text[i + c.len_utf8()..e]));
            if out.len() == n {
                return out;
            }
        }
        if matches!(c, '.' | '!' | '?' | ';') {
            return out;
        }
    }
    if let Some(e) = word_end
        && out.len() < n
    {
        out.push(lower_case(&text[..e]));
    }
    out
}

/// A word in lower case, letter by letter (kept inline: no allocation for a word of
/// up to 24 bytes).
fn lower_case(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut w = CompactString::from(word);
        w.make_ascii_lowercase();
        w
    } else {
        word.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Whether `word` is one of [`CONFLICT_BEFORE`].
fn is_conflict_word(word: &str) -> bool {
    static WORDS: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| CONFLICT_BEFORE.iter().copied().collect());
    WORDS.contains(word)
}

/// The lower-case word of `text` after byte `start`, if one follows (spaces and
/// punctuation skipped, but not a sentence boundary).
fn word_after(text: &str, start: usize) -> Option<CompactString> {
    let rest = &text[start..];
    let skip = rest.find(|c: char| c.is_alphanumeric())?;
    if rest[..skip].contains(['.', '!', '?', ';']) {
        return None;
    }
    let w: CompactString = rest[skip..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect();
    Some(w)
}

/// Words before a demonym that make it no mention of the state: `ex-Soviet`,
/// `former Soviet`, `post-Soviet`, `ethnic Albanians`, `pro-Russian`.
const NOT_STATE_BEFORE: &[&str] = &[
    "ex", "former", "post", "pre", "ethnic", "pro", "anti", "non",
];

/// Reads a mention in its paragraph `text`; `previous` is the mention before it.
fn read_mention(m: &Mention, previous: Option<&Mention>, text: &str) -> Reading {
    let before_words = words_before(text, m.span.0, 5);
    let before: Vec<&str> = before_words.iter().map(CompactString::as_str).collect();
    let next_word = word_after(text, m.span.1);
    let next = next_word.as_deref();
    if m.kind != FormKind::Demonym && next.is_some_and(|w| NAMED_AFTER.contains(&w)) {
        return Reading::NotCountry;
    }
    if m.kind == FormKind::Demonym {
        // `ethnic Albanians`, `ex-Soviet nations`: a people or a past, not the state;
        // `Bosnian Serb commander`, `Kosovo Serbs`: a people of another country.
        let prefixed = !m.locative && before.first().is_some_and(|w| NOT_STATE_BEFORE.contains(w));
        // (Not in Arabic, where adjectives follow the noun one after another:
        // `العدوان الأميركي البريطاني`, the American-British aggression.)
        let arabic = text[m.span.0..m.span.1]
            .chars()
            .any(|c| ('\u{600}'..='\u{6ff}').contains(&c));
        let of_another = !arabic
            && previous.is_some_and(|p| {
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
    if before.iter().take(4).any(|w| FLIGHT_BEFORE.contains(w)) {
        return Reading::Plain;
    }
    // A demonym is an actor (`Russian strikes`, `Israeli officials`) unless the
    // gazetteer saw it before a place noun (`a Pakistani village`).
    // `attacks by Azerbaijan` names the attacker, not the place.
    let conflict_before = m.kind != FormKind::Demonym
        && before.first() != Some(&"by")
        && before.iter().take(3).any(|w| is_conflict_word(w));
    let conflict_after =
        m.kind == FormKind::Name && next.is_some_and(|w| CONFLICT_AFTER.contains(&w));
    if conflict_before || conflict_after {
        Reading::Fighting
    } else if m.locative && m.kind == FormKind::Name && !venue {
        Reading::Theatre
    } else if m.locative && !venue {
        Reading::NearTheatre
    } else {
        Reading::Plain
    }
}

/// One piece of evidence for a country, in text order.
struct Evidence {
    country: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    /// The mention's weight before theatre evidence and the lead's weighting.
    base: f64,
    reading: Reading,
    /// A country name opening the lead (`Iran announced...`).
    opens_lead: bool,
    /// Named as a country (not only through its places).
    named: bool,
    /// A place the text shows is one (after a locative or a word of war).
    placed: bool,
}

/// The weight of a place as evidence for its country (a city or province says less
/// about a country than its name, but where it happens more).
const PLACE_BASE: f64 = 0.5;

/// Finds the countries mentioned in `paragraphs` (article text, without datelines;
/// the first is the lead), by name, demonym, capital and place, primary first, then in
/// order of first mention. `date` is the report's date (see
/// [`crate::geo::Gazetteer::find_mentions`]). Empty when no country is named.
///
/// A country known only through its places is listed when one of them names a place
/// of events (`in El Fasher`, `shelled Tavush Province`), not for a passing name.
pub fn find_countries(paragraphs: &[&str], date: NaiveDate) -> Vec<Found> {
    let g = gazetteer();
    let (mentions, places) = g.find_mentions_and_places(paragraphs, date);
    let mut evidence = country_evidence(&mentions, paragraphs);
    evidence.extend(place_evidence(&places, &evidence, paragraphs));
    evidence.extend(group_evidence(paragraphs));
    evidence.sort_by_key(|e| (e.paragraph, e.start));
    let scored = score(&evidence);
    let mut found: Vec<Found> = scored
        .into_iter()
        .map(|(c, score, mentions, theatre)| Found {
            country: g.country(c),
            score,
            mentions,
            theatre,
        })
        .collect();
    let primary = found
        .iter()
        .enumerate()
        .fold(None, |best: Option<(usize, f64)>, (i, f)| match best {
            Some((_, s)) if s >= f.score => best,
            _ => Some((i, f.score)),
        })
        .map(|(i, _)| i);
    if let Some(p) = primary {
        let entry = found.remove(p);
        found.insert(0, entry);
    }
    found
}

/// The country mentions read in their context (named agreements and peoples dropped).
fn country_evidence(mentions: &[Mention], paragraphs: &[&str]) -> Vec<Evidence> {
    let mut out = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let previous = k.checked_sub(1).map(|p| &mentions[p]);
        let reading = read_mention(m, previous, paragraphs[m.paragraph]);
        if reading == Reading::NotCountry {
            continue;
        }
        out.push(Evidence {
            country: m.country,
            paragraph: m.paragraph,
            start: m.span.0,
            end: m.span.1,
            base: match m.kind {
                FormKind::Name => 1.0,
                FormKind::Demonym | FormKind::Capital => 0.5,
            },
            reading,
            opens_lead: m.paragraph == 0 && m.span.0 == 0 && m.kind == FormKind::Name,
            named: true,
            placed: false,
        });
    }
    out
}

/// The places, each resolved to its country (preferring countries the text names, then
/// the countries of the text's unambiguous places), read in their context: a place
/// after a word of war is a theatre of events, one after a locative perhaps. A place
/// beside its own country's name (`Masaya, Nicaragua`, `the Kenyan port of Mombasa`)
/// is the same evidence once, not twice. Linear in the mentions: countries are
/// deduplicated and the named evidence indexed by paragraph.
fn place_evidence(
    places: &[PlaceMention],
    named: &[Evidence],
    paragraphs: &[&str],
) -> Vec<Evidence> {
    let mut countries: Vec<usize> = named.iter().map(|e| e.country).collect();
    countries.sort_unstable();
    countries.dedup();
    let mut by_paragraph: Vec<Vec<&Evidence>> = vec![Vec::new(); paragraphs.len()];
    for e in named {
        by_paragraph[e.paragraph].push(e);
    }
    // Unambiguous places agree with each other (`Corinto` beside `Cauca` and
    // `Popayán` is Colombia's), second to the countries the text names (`Palma` in a
    // report naming Mozambique).
    let mut placed: Vec<usize> = Vec::new();
    for m in places {
        if let Some(c) = resolve(m, &countries)
            && !placed.contains(&c)
        {
            placed.push(c);
        }
    }
    let mut out = Vec::new();
    for m in places {
        let in_named = m
            .candidates
            .iter()
            .find(|c| countries.binary_search(&c.country).is_ok());
        let country = match in_named {
            Some(c) => Some(c.country),
            None => resolve(m, &placed),
        };
        let Some(country) = country.map(|c| as_named(c, &countries)) else {
            continue;
        };
        let beside_its_country = by_paragraph[m.paragraph].iter().any(|e| {
            e.country == country
                && ((e.end <= m.span.0 && m.span.0 - e.end <= 16)
                    || (m.span.1 <= e.start && e.start - m.span.1 <= 3))
        });
        if !beside_its_country {
            out.push(read_place(m, country, paragraphs[m.paragraph]));
        }
    }
    out
}

/// A place mention as evidence for `country`, read in its paragraph `text`.
fn read_place(m: &PlaceMention, country: usize, text: &str) -> Evidence {
    let before = words_before(text, m.span.0, 4);
    let has = |list: &[&str], n: usize| before.iter().take(n).any(|w| list.contains(&w.as_str()));
    let conflict = before.first().map(CompactString::as_str) != Some("by")
        && before.iter().take(3).any(|w| is_conflict_word(w));
    let venue = has(VENUE_BEFORE, 3) || has(FLIGHT_BEFORE, 4);
    let reading = match (conflict, m.locative, venue) {
        (_, _, true) => Reading::Plain,
        (true, _, _) => Reading::Fighting,
        (false, true, _) => Reading::NearTheatre,
        _ => Reading::Plain,
    };
    Evidence {
        country,
        paragraph: m.paragraph,
        start: m.span.0,
        end: m.span.1,
        base: PLACE_BASE,
        reading,
        opens_lead: false,
        named: false,
        // A place the text shows is a place (`in Dubai`, `near Goma`), even a venue,
        // names its country; a bare name in passing does not.
        placed: m.locative || conflict,
    }
}

/// A place's country as the text names it: a place in Germany in a report of 1987
/// that names West Germany is West Germany's (the named state whose region is the
/// place's present-day state). `named` is sorted.
fn as_named(country: usize, named: &[usize]) -> usize {
    let g = gazetteer();
    let code = &g.country(country).code;
    named
        .iter()
        .copied()
        .find(|&n| n != country && g.country(n).region_code == *code && g.country(n).code != *code)
        .unwrap_or(country)
}

/// Armed groups named (`the Houthis`, `Hamas`, `the RSF`), as evidence that the report's
/// conflict is in their state's: weighed like a name, but never the only evidence of a
/// country (see [`crate::geo::groups`]).
fn group_evidence(paragraphs: &[&str]) -> Vec<Evidence> {
    let g = gazetteer();
    find_groups(paragraphs)
        .into_iter()
        .filter_map(|m| {
            let country = g.countries().iter().position(|c| c.code == m.code)?;
            Some(Evidence {
                country,
                paragraph: m.paragraph,
                start: m.span.0,
                end: m.span.1,
                base: 1.0,
                reading: Reading::Plain,
                opens_lead: false,
                named: false,
                placed: false,
            })
        })
        .collect()
}

/// Scores the evidence (see the module documentation): per country, in order of first
/// mention, (country, score, mentions, theatre mentions). A country known only through
/// places that name no theatre is left out.
fn score(evidence: &[Evidence]) -> Vec<(usize, f64, usize, usize)> {
    // (country, theatre, other, mentions, theatre mentions, listed: named, or placed)
    let mut found: Vec<(usize, f64, f64, usize, usize, bool)> = Vec::new();
    let mut lead_subject = None;
    for e in evidence {
        let lead = if e.paragraph == 0 { 1.5 } else { 1.0 };
        let theatre = lead
            * match e.reading {
                Reading::Fighting => FIGHTING,
                Reading::Theatre => THEATRE,
                Reading::NearTheatre => NEAR_THEATRE,
                _ => 0.0,
            };
        if lead_subject.is_none() && e.opens_lead {
            lead_subject = Some(e.country);
        }
        let is_theatre = usize::from(theatre > 0.0);
        match found.iter_mut().find(|f| f.0 == e.country) {
            Some(f) => {
                f.1 += theatre;
                f.2 += e.base * lead;
                f.3 += 1;
                f.4 += is_theatre;
                f.5 |= e.named || e.placed;
            }
            None => found.push((
                e.country,
                theatre,
                e.base * lead,
                1,
                is_theatre,
                e.named || e.placed,
            )),
        }
    }
    found.retain(|f| f.5 || f.4 > 0);
    if let Some(first) = found.first_mut() {
        first.2 += 1.0;
    }
    if let Some(c) = lead_subject
        && let Some(f) = found.iter_mut().find(|f| f.0 == c)
    {
        f.2 += LEAD_SUBJECT_BONUS;
    }
    let g = gazetteer();
    let several = found.len() > 1;
    found
        .into_iter()
        .map(|(c, theatre, other, mentions, theatre_mentions, _)| {
            let abroad = several && OFTEN_ACTING_ABROAD.contains(&g.country(c).code.as_str());
            let score = theatre + if abroad { 0.6 * other } else { other };
            (c, score, mentions, theatre_mentions)
        })
        .collect()
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
        let found =
            names(&["Russia had exploited the 2014 Minsk agreements, Zelensky said in Ukraine."]);
        assert!(!found.contains(&"Belarus".to_string()), "{found:?}");
        let found = names(&["Fighting raged in Sudan as envoys met for talks in Washington."]);
        assert_eq!(found[0], "Sudan");
    }

    #[test]
    fn no_country() {
        assert!(names(&["Nothing happened anywhere."]).is_empty());
    }
}
