//! Which countries a report is about, and which one is primary: where the events
//! happen, as opposed to who is involved.
//!
//! Mentions come from the [`crate::geo`]. The primary country is the one with the
//! highest score, where each mention adds a weight:
//!
//! * 2.0 for a mention that names a place of events (see
//!   [`crate::geo::Mention::locative`]: `in Syria`, `a Pakistani village`);
//!   otherwise by form: a name or alias 1.0, a demonym or capital 0.5 (these mostly
//!   name actors, `Afghan warplanes`, `Beijing warned`, not the place of events);
//! * times 1.5 in the first paragraph (the lead says where), plus 1.0 for the first
//!   country mentioned;
//! * times 0.6 for the powers that news most often reports as acting abroad (the
//!   United States, the Soviet Union, Russia, the United Kingdom, France), when another
//!   country is mentioned too.
//!
//! Ties go to the earlier first mention. The rest follow in order of first mention.

use chrono::NaiveDate;

use crate::geo::{Country, FormKind, gazetteer};

/// Added to the score of a country whose name opens the article (`Fiji today
/// welcomed...`, `Iran announced...`); not for a demonym (`Afghan warplanes killed`),
/// which opens with the actor rather than the place.
const LEAD_SUBJECT_BONUS: f64 = 1.0;

/// Countries that, in conflict news, are mostly actors abroad.
const OFTEN_ACTING_ABROAD: &[&str] = &["US", "SU", "RU", "GB", "FR"];

/// A country found in a report, with the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The country.
    pub country: &'static Country,
    /// Its score (see the module documentation).
    pub score: f64,
    /// How many times it is mentioned.
    pub mentions: usize,
}

/// Finds the countries mentioned in `paragraphs` (article text, without datelines),
/// primary first, then in order of first mention. `date` is the report's date (see
/// [`crate::geo::Gazetteer::find_mentions`]). Empty when no country is named.
pub fn find_countries(paragraphs: &[&str], date: NaiveDate) -> Vec<Found> {
    let g = gazetteer();
    let mentions = g.find_mentions(paragraphs, date);
    // (country index, score, mentions) in order of first mention.
    let mut found: Vec<(usize, f64, usize)> = Vec::new();
    for m in &mentions {
        let mut w = match (m.locative, m.kind) {
            (true, _) => 2.0,
            (false, FormKind::Name) => 1.0,
            (false, FormKind::Demonym | FormKind::Capital) => 0.5,
        };
        if m.paragraph == 0 {
            w *= 1.5;
        }
        match found.iter_mut().find(|(c, _, _)| *c == m.country) {
            Some(entry) => {
                entry.1 += w;
                entry.2 += 1;
            }
            None => found.push((m.country, w, 1)),
        }
    }
    if let Some(first) = found.first_mut() {
        first.1 += 1.0;
    }
    // The lead's subject: a report that opens with a country's name is about it.
    if let Some(m) = mentions.first()
        && m.paragraph == 0
        && m.span.0 == 0
        && m.kind == FormKind::Name
    {
        found[0].1 += LEAD_SUBJECT_BONUS;
    }
    if found.len() > 1 {
        for entry in &mut found {
            if OFTEN_ACTING_ABROAD.contains(&g.country(entry.0).code.as_str()) {
                entry.1 *= 0.6;
            }
        }
    }
    let primary = found
        .iter()
        .enumerate()
        .fold(None, |best: Option<(usize, f64)>, (i, e)| match best {
            Some((_, s)) if s >= e.1 => best,
            _ => Some((i, e.1)),
        })
        .map(|(i, _)| i);
    if let Some(p) = primary {
        let entry = found.remove(p);
        found.insert(0, entry);
    }
    found
        .into_iter()
        .map(|(c, score, mentions)| Found {
            country: g.country(c),
            score,
            mentions,
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
    fn no_country() {
        assert!(names(&["Nothing happened anywhere."]).is_empty());
    }
}
