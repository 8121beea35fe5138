//! Titles and summaries for reports that have none: taken from the article's own words.

use std::sync::LazyLock;

use regex::Regex;

/// The longest title derived from article text, in characters.
pub const MAX_TITLE_CHARS: usize = 90;
/// The shortest prefix worth cutting a long sentence to, in characters.
const MIN_TITLE_CHARS: usize = 40;
/// A summary is the first paragraph if it is at most this long (in characters), else
/// as many whole first sentences as fit (at least one).
pub const MAX_SUMMARY_CHARS: usize = 300;

/// Words a headline does not end on.
const DANGLING: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "and",
    "or",
    "but",
    "with",
    "by",
    "from",
    "its",
    "their",
    "his",
    "her",
    "as",
    "that",
    "into",
    "near",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "after",
    "amid",
    "while",
    "which",
    "who",
    "than",
    "over",
    "against",
    "said",
    "says",
    "this",
    "these",
    "be",
    "been",
    "not",
    "some",
    // A participle or adverb left hanging by a cut (`...Province resulting`, `..., as
    // well`).
    "resulting",
    "leaving",
    "including",
    "following",
    "causing",
    "saying",
    "according",
    "prompting",
    "forcing",
    "killing",
    "well",
    "also",
    "both",
    "after",
    "before",
    "during",
];

/// Words before which a sentence can be cut and still read as a headline: the start of
/// a prepositional phrase or a subordinate clause.
const CUT_BEFORE: &[&str] = &[
    "to",
    "into",
    "on",
    "in",
    "at",
    "with",
    "for",
    "against",
    "after",
    "amid",
    "as",
    "while",
    "despite",
    "following",
    "but",
    "which",
    "who",
    "because",
    "since",
    "when",
    "where",
    "over",
    "near",
    "from",
    "by",
    "and",
    "or",
];

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "prof", "rev", "approx", "est",
];

/// The first sentence of `text` (all of it if it has one sentence), without
/// the final stop. A full stop after an abbreviation (`Gen.`) or an initial (`U.S.`)
/// does not end a sentence.
pub fn first_sentence(text: &str) -> &str {
    sentences(text).next().unwrap_or(text)
}

/// Splits text into sentences (each with its closing punctuation, trimmed).
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text.trim();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = sentence_end(rest);
        let (s, r) = rest.split_at(end);
        rest = r.trim_start();
        Some(s.trim())
    })
}

/// Byte index just after the first sentence's final punctuation (and closing quote).
fn sentence_end(text: &str) -> usize {
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Include closing quotes and brackets.
        let rest = text[i + c.len_utf8()..].trim_start_matches(['"', '”', '’', '\'', ')']);
        let end = text.len() - rest.len();
        // A sentence ends at the end of text or before a space and a capital/quote/digit.
        if !rest.chars().next().is_none_or(char::is_whitespace) {
            continue;
        }
        let Some(next) = rest.chars().find(|ch| !ch.is_whitespace()) else {
            return text.len();
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘')) {
            continue;
        }
        if c == '.' {
            let start = text[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, ch)| ch.is_alphanumeric() || ch == '.')
                .last()
                .map_or(i, |(b, _)| b);
            let word = &text[start..i];
            let lower = word.to_lowercase();
            let is_initial =
                word.chars().filter(|c| c.is_alphabetic()).count() == 1 || word.contains('.'); // `U.S.`, `a.m.`
            if ABBREVIATIONS.contains(&lower.as_str()) || is_initial {
                continue;
            }
        }
        return end;
    }
    text.len()
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    // `..., Reuters has reported.`  `..., defense experts said.`  `..., according to X.`
    Regex::new(
        r"(?i),\s+(?:according to [^,]+|(?:[^,]*?\s)?(?:said|says|reported|reports|has reported|have reported|announced|claimed|added|stated|confirmed|warned)(?: on \w+| today| tonight| late \w+)?)[.!]?$",
    )
    .unwrap()
});

static PARENTHESES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([^()]*\)").unwrap());

/// Derives a headline from the first paragraph of an article: its first sentence,
/// without a trailing attribution (`, Reuters has reported`) or parentheses, cut to at
/// most [`MAX_TITLE_CHARS`] characters. A long sentence is cut before a preposition
/// or clause (`... processing` + ` to pressure ...`) when that leaves at least 40
/// characters, else on a word boundary; it never ends on a word such as `the` or
/// `of`, nor with punctuation.
pub fn derive_title(first_paragraph: &str) -> String {
    let sentence = first_sentence(first_paragraph);
    let sentence = sentence.trim_end_matches(['.', '!', '?']);
    let sentence = ATTRIBUTION.replace(sentence, "");
    let sentence = PARENTHESES.replace_all(&sentence, "");
    let sentence = sentence.trim();
    let title = if sentence.chars().count() <= MAX_TITLE_CHARS {
        sentence.to_string()
    } else {
        cut(sentence)
    };
    capitalise_first(title.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '.')
    }))
}

/// Cuts a long sentence to a headline (see [`derive_title`]).
fn cut(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    // Longest prefix of whole words within the limit.
    let mut fit = 0;
    let mut len = 0;
    for (i, w) in words.iter().enumerate() {
        let add = w.chars().count() + usize::from(i > 0);
        if len + add > MAX_TITLE_CHARS {
            break;
        }
        len += add;
        fit = i + 1;
    }
    let chars = |n: usize| words[..n].join(" ").chars().count();
    // Prefer cutting before a preposition or clause word, or after a comma.
    let clause_cut = (1..fit.min(words.len())).rev().find(|&n| {
        let next = words[n].to_lowercase();
        let after_comma = words[n - 1].ends_with([',', ';', ':']);
        (CUT_BEFORE.contains(&next.as_str()) || after_comma) && chars(n) >= MIN_TITLE_CHARS
    });
    if fit == 0 {
        // A first "word" longer than a headline: cut it.
        let cut: String = words[0].chars().take(MAX_TITLE_CHARS - 1).collect();
        return format!("{cut}…");
    }
    let mut n = clause_cut.unwrap_or(fit);
    while n > 1 {
        let last = words[n - 1]
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if DANGLING.contains(&last.as_str()) {
            n -= 1;
        } else {
            break;
        }
    }
    words[..n].join(" ")
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Small words a title-cased headline keeps in lower case (but first and last).
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via", "into", "over",
];

/// Acronyms kept in capitals when a headline in capitals is title-cased.
const ACRONYMS: &[&str] = &[
    "UN", "US", "UK", "EU", "NATO", "UAE", "DRC", "ISIS", "ISIL", "PKK", "KIA", "IRNA", "OPEC",
    "AU", "ICC", "IMF", "PLO", "IRA", "USSR", "CIA", "FBI", "GDP", "AP", "BBC", "AFP", "SDF",
    "RSF", "IDF",
];

/// A seed's own headline, tidied: a headline in capitals (`IRAN SAYS OFFENSIVE OVER`)
/// becomes title case (`Iran Says Offensive Over`), keeping acronyms (`U.N.`, `NATO`)
/// in capitals; any other headline is kept as written. Trailing punctuation other
/// than `?` and `!` is dropped.
pub fn tidy_headline(headline: &str) -> String {
    let h = headline
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim();
    if !crate::import::seed::is_all_caps(h) {
        return h.to_string();
    }
    let words: Vec<&str> = h.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            if ACRONYMS.contains(&core) || core.contains('.') {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if i != 0 && i != last && SMALL_WORDS.contains(&lower.as_str()) {
                return lower;
            }
            // Capitalise each hyphenated part: `SAUDI-LED` -> `Saudi-Led`.
            lower
                .split('-')
                .map(capitalise_first)
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A summary of an article: its first paragraph if that is at most
/// [`MAX_SUMMARY_CHARS`] characters, else its first sentences up to that length
/// (always at least the first, cut with `…` beyond twice that length).
pub fn summarise(first_paragraph: &str) -> String {
    let p = first_paragraph.trim();
    if p.chars().count() <= MAX_SUMMARY_CHARS {
        return p.to_string();
    }
    let mut out = String::new();
    for s in sentences(p) {
        if !out.is_empty() && out.chars().count() + 1 + s.chars().count() > MAX_SUMMARY_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    }
    // One sentence longer than a summary (or text without full stops): cut it on a
    // word boundary, at most twice the usual length.
    let limit = 2 * MAX_SUMMARY_CHARS;
    if out.chars().count() > limit {
        let head: String = out.chars().take(limit).collect();
        let cut = head
            .rfind(char::is_whitespace)
            .filter(|&i| i > limit / 2)
            .unwrap_or(head.len());
        out = format!("{}…", head[..cut].trim_end_matches([',', ';', ':', ' ']));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_of_the_real_seed() {
        let p = "China is leveraging its near-monopoly on rare-earth processing to pressure Myanmar’s Kachin Independence Army (KIA) into halting its military advance on the strategic town of Bhamo, Reuters has reported. Bhamo lies just 100 kilometers from China’s border.";
        assert_eq!(
            derive_title(p),
            "China is leveraging its near-monopoly on rare-earth processing"
        );
    }

    #[test]
    fn short_sentence_is_the_title() {
        assert_eq!(
            derive_title("A car bomb kills at least seven people in the Latakia Governorate."),
            "A car bomb kills at least seven people in the Latakia Governorate"
        );
        assert_eq!(
            derive_title("U.S. forces hit a rig, officials said. More text."),
            "U.S. forces hit a rig"
        );
    }

    #[test]
    fn titles_are_short_and_end_on_a_real_word() {
        let p = "Private analysts generally agreed that going after the rig rather than an onshore economic or military target such as Silkworm launch sites reflected a careful bid by Washington to limit the political fallout.";
        let t = derive_title(p);
        assert!(t.chars().count() <= MAX_TITLE_CHARS, "{t}");
        let last = t.split_whitespace().last().unwrap().to_lowercase();
        assert!(!DANGLING.contains(&last.as_str()), "{t}");
        assert!(t.starts_with("Private analysts generally agreed"), "{t}");
    }

    #[test]
    fn cut_titles_read_as_whole_headlines() {
        for (p, want) in [
            (
                "The government of Armenia claims that Azerbaijani forces shelled Tavush Province resulting in three deaths near the border.",
                "The government of Armenia claims that Azerbaijani forces shelled Tavush Province",
            ),
            (
                "Gunmen killed at least twelve soldiers in the north of Burkina Faso, as well as two civilians, in an attack on an army post on Sunday.",
                "Gunmen killed at least twelve soldiers in the north of Burkina Faso",
            ),
        ] {
            let t = derive_title(p);
            assert_eq!(t, want);
            assert!(!t.ends_with([',', ';', ':']));
        }
    }

    #[test]
    fn endless_text_is_cut() {
        let long = "A".repeat(200_000);
        let t = derive_title(&long);
        assert!(t.chars().count() <= MAX_TITLE_CHARS, "{}", t.len());
        let s = summarise(&long);
        assert!(s.chars().count() <= 2 * MAX_SUMMARY_CHARS + 1);
        let words = "Kyiv ".repeat(100_000);
        assert!(summarise(&words).chars().count() <= 2 * MAX_SUMMARY_CHARS + 1);
        assert!(derive_title(&words).chars().count() <= MAX_TITLE_CHARS);
    }

    #[test]
    fn sentences_skip_abbreviations() {
        assert_eq!(
            first_sentence("Gen. Smith met U.S. envoys in Jan. 1987. Then he left."),
            "Gen. Smith met U.S. envoys in Jan. 1987."
        );
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
    }

    #[test]
    fn headlines_in_capitals_become_title_case() {
        assert_eq!(
            tidy_headline("IRAN SAYS OFFENSIVE OVER"),
            "Iran Says Offensive Over"
        );
        assert_eq!(
            tidy_headline("U.N. AND NATO WARN OF SAUDI-LED STRIKES IN YEMEN."),
            "U.N. and NATO Warn of Saudi-Led Strikes in Yemen"
        );
        assert_eq!(tidy_headline("Rebels take Bhamo"), "Rebels take Bhamo");
    }

    #[test]
    fn summary_is_first_paragraph_or_sentences() {
        assert_eq!(summarise("Short one. Two."), "Short one. Two.");
        let long = format!(
            "{} Second sentence here.",
            "A very long sentence. ".repeat(20)
        );
        let s = summarise(&long);
        assert!(s.chars().count() <= MAX_SUMMARY_CHARS);
        assert!(s.ends_with('.'));
    }
}
