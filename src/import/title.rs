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

/// Words a headline does not end on: articles, prepositions, conjunctions,
/// auxiliaries, pronouns that need a noun, and words a cut leaves hanging.
pub const DANGLING: &[&str] = &[
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
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "do",
    "does",
    "did",
    "being",
    "still",
    "such",
    "any",
    "all",
    "each",
    "every",
    "no",
    "our",
    "whose",
    "whom",
    "where",
    "when",
    "if",
    "because",
    "since",
    "about",
    "through",
    "between",
    "among",
    "under",
    "towards",
    "toward",
    "onto",
    "via",
    "nor",
    "very",
    "more",
    "most",
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
    "that",
    "during",
    "among",
    "onto",
    "towards",
    "across",
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
    // `..., [Manager A], manager of the oil company said.` (a name and its role).
    Regex::new(
        r"(?i),\s+(?:(?:\[[^\],]+\]|(?-i:\p{Lu}[\p{L}.'’-]*)(?:\s+(?-i:\p{Lu}[\p{L}.'’-]*)){0,3}),\s+)?(?:according to [^,]+|(?:[^,]*?\s)?(?:said|says|reported|reports|has reported|have reported|announced|claimed|added|stated|confirmed|warned)(?: on \w+| today| tonight| late \w+)?)[.!]?$",
    )
    .unwrap()
});

/// An attribution inside a sentence, between commas: `, witnesses said,`.
static INNER_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r",\s+[^,]{0,60}?\s(?:said|says|reported|added|claimed|stated)(?: on \w+| today| tonight)?,",
    )
    .unwrap()
});

static PARENTHESES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([^()]*\)").unwrap());

/// Derives a headline from the first paragraph of an article, as an editor shortens
/// a lead sentence: the whole first sentence, without a trailing attribution (`,
/// officials said`) or parentheses, when it fits in [`MAX_TITLE_CHARS`]; else, with
/// attributions and appositives between commas (`, witnesses said,`, `, Uganda's main
/// artery,`) dropped, the longest part that ends at a clause or phrase boundary (a
/// comma, `; `, ` — `, before `which`, `after`, `as`, a preposition, a participle)
/// and reads as a complete headline (see [`reads_complete`]); else, the same cut of
/// what a leading `X said` reports; as a last resort, a cut on a word boundary that
/// ends on a content word. At least [`MIN_TITLE_CHARS`] characters are kept when a
/// cut allows it; the title never ends with punctuation.
pub fn derive_title(first_paragraph: &str) -> String {
    let sentence = first_sentence(first_paragraph);
    let sentence = sentence.trim_end_matches(['.', '!', '?']);
    let sentence = ATTRIBUTION.replace(sentence, "");
    let sentence = PARENTHESES.replace_all(&sentence, "");
    let sentence = sentence.trim();
    let title = if sentence.chars().count() <= MAX_TITLE_CHARS {
        sentence.to_string()
    } else {
        shorten(sentence)
    };
    capitalise_first(title.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '.')
    }))
}

/// Shortens a sentence longer than a headline (see [`derive_title`]).
fn shorten(sentence: &str) -> String {
    let tidy = drop_asides(sentence);
    if tidy.chars().count() <= MAX_TITLE_CHARS {
        return tidy;
    }
    let words: Vec<&str> = tidy.split_whitespace().collect();
    if let Some(n) = boundary_cut(&words) {
        return words[..n].join(" ");
    }
    // `A top official said <a long clause>`: the clause it reports.
    if let Some(k) = reported_clause(&words) {
        let rest = &words[k..];
        if rest.iter().map(|w| w.chars().count() + 1).sum::<usize>() <= MAX_TITLE_CHARS + 1 {
            return rest.join(" ");
        }
        if let Some(n) = boundary_cut(rest) {
            return rest[..n].join(" ");
        }
    }
    word_cut(&words)
}

/// The sentence without attributions and appositives between commas (`, witnesses
/// said,`; `, Uganda's most important trade artery,`): asides an editor leaves out.
fn drop_asides(sentence: &str) -> String {
    let s = INNER_ATTRIBUTION.replace_all(sentence, ",");
    let parts: Vec<&str> = s.split(", ").collect();
    let mut out = String::new();
    let mut after_aside = false;
    for (i, part) in parts.iter().enumerate() {
        let next = parts.get(i + 1);
        let aside = i > 0
            && next.is_some_and(|n| !n.starts_with("and ") && !n.starts_with("or "))
            && is_appositive(part);
        if aside {
            after_aside = true;
            continue;
        }
        if !out.is_empty() {
            // Both commas of an aside go with it.
            out.push_str(if after_aside { " " } else { ", " });
        }
        after_aside = false;
        out.push_str(part);
    }
    out
}

/// A noun phrase set off by commas: it opens with an article or a possessive
/// (`a town in ...`, `Uganda's main artery`) and holds no verb.
fn is_appositive(part: &str) -> bool {
    let ws: Vec<&str> = part.split_whitespace().collect();
    let opens = ws.first().is_some_and(|w| {
        let lower = w.to_lowercase();
        matches!(lower.as_str(), "a" | "an" | "the") || w.ends_with("'s") || w.ends_with("’s")
    });
    opens && ws.len() <= 12 && !has_finite_verb(&ws)
}

/// The longest prefix of `words` (as a word count) within [`MAX_TITLE_CHARS`] and of
/// at least [`MIN_TITLE_CHARS`] that ends at a boundary and reads complete.
fn boundary_cut(words: &[&str]) -> Option<usize> {
    let mut best = None;
    let mut len = 0;
    for n in 1..words.len() {
        len += words[n - 1].chars().count() + usize::from(n > 1);
        if len > MAX_TITLE_CHARS {
            break;
        }
        if len >= MIN_TITLE_CHARS && is_boundary(words, n) && reads_complete(words, n) {
            best = Some(n);
        }
    }
    best
}

/// The last resort: the longest prefix within [`MAX_TITLE_CHARS`] that reads
/// complete, else the longest that ends on no function word.
fn word_cut(words: &[&str]) -> String {
    let Some(first) = words.first() else {
        return String::new();
    };
    if first.chars().count() > MAX_TITLE_CHARS {
        // A first "word" longer than a headline: cut it.
        let cut: String = first.chars().take(MAX_TITLE_CHARS - 1).collect();
        return format!("{cut}…");
    }
    let mut fit = 0;
    let mut len = 0;
    for (i, w) in words.iter().enumerate() {
        len += w.chars().count() + usize::from(i > 0);
        if len > MAX_TITLE_CHARS {
            break;
        }
        fit = i + 1;
    }
    let chars = |n: usize| words[..n].join(" ").chars().count();
    let n = (1..=fit)
        .rev()
        .find(|&n| chars(n) >= MIN_TITLE_CHARS && reads_complete(words, n))
        .or_else(|| (1..=fit).rev().find(|&n| !is_dangling(words[n - 1])))
        .unwrap_or(fit);
    words[..n].join(" ")
}

/// Whether a cut before `words[n]` falls on a clause or phrase boundary: after a
/// comma or semicolon, before a dash, a clause word or a preposition (`which`,
/// `after`, `as`, `in`), a participle opening a phrase (`... pylon supplying`,
/// `... Chad captured by`).
fn is_boundary(words: &[&str], n: usize) -> bool {
    let (prev, next) = (words[n - 1], words[n]);
    if prev.ends_with([',', ';', ':']) || matches!(next, "—" | "–" | "-") {
        return true;
    }
    let lower = next.to_lowercase();
    if CUT_BEFORE.contains(&lower.as_str()) {
        // Not inside an idiom: `in retaliation | for`, `in response | to`.
        let idiom = matches!(lower.as_str(), "for" | "to" | "of" | "with")
            && n >= 2
            && matches!(
                words[n - 2].to_lowercase().as_str(),
                "in" | "as" | "on" | "with"
            );
        return !idiom;
    }
    let prev_lower = core(prev);
    let content = !is_dangling(prev) && !AUXILIARIES.contains(&prev_lower.as_str());
    // Not a noun in -ing before `to` (`rare-earth processing to pressure`).
    let participle = lower.len() > 5
        && lower.ends_with("ing")
        && words.get(n + 1).is_none_or(|w| core(w) != "to");
    let passive = lower.ends_with("ed") && words.get(n + 1).is_some_and(|w| *w == "by");
    content
        && prev
            .chars()
            .all(|c| c.is_alphanumeric() || "-'’".contains(c))
        && (participle || passive)
}

/// Whether `words[..n]` reads as a complete headline: it ends on no function word, no
/// possessive (`Colombia's`), no verb whose object or complement was cut (`has offered
/// | to`, `was quoted | as`, `captured | by`, `supplying | a`), and a clause it opens
/// (`said that ...`, `after ...`, `as ...`) has its verb.
fn reads_complete(words: &[&str], n: usize) -> bool {
    let last = words[n - 1];
    let lower = core(last);
    if is_dangling(last) || lower.ends_with("'s") || lower.ends_with("’s") || last.ends_with("s'")
    {
        return false;
    }
    if let Some(next) = words.get(n) {
        let next = core(next);
        // An object (`supplying | a`, `captured | 48`), or for a past form an agent or
        // a complement (`captured | by`, `has offered | to`, `was quoted | as`).
        let object = matches!(
            next.as_str(),
            "a" | "an" | "the" | "its" | "their" | "his" | "her"
        ) || next.starts_with(|c: char| c.is_ascii_digit());
        let complement = matches!(next.as_str(), "to" | "by" | "as" | "that");
        let past = lower.ends_with("ed") || IRREGULAR.contains(&lower.as_str());
        let verb = (past && (object || complement)) || (lower.ends_with("ing") && object);
        if verb && !last.ends_with([',', ';', ':']) {
            return false;
        }
    }
    // The clause opened last must have its verb; after a word that is also a
    // preposition (`after two days`), only a participle (`as fighting`) shows a clause.
    let opened = words[..n].iter().rposition(|w| {
        let w = core(w);
        opens_clause(&w) || PREPOSITION_OPENERS.contains(&w.as_str())
    });
    opened.is_none_or(|k| {
        let part = &words[k + 1..n];
        let clause =
            opens_clause(&core(words[k])) || part.first().is_none_or(|w| core(w).ends_with("ing"));
        !clause || has_finite_verb(part)
    })
}

/// Where the clause a leading `<speaker> said [that]` reports begins (the speaker in
/// at most eight words).
fn reported_clause(words: &[&str]) -> Option<usize> {
    let k = words
        .iter()
        .take(9)
        .position(|w| SPEECH.contains(&core(w).as_str()))?;
    let mut start = k + 1;
    while words
        .get(start)
        .is_some_and(|w| matches!(core(w).as_str(), "that" | "today" | "tonight" | "yesterday"))
    {
        start += 1;
    }
    // A clause that opens with a pronoun (`its offensive ...`) needs its speaker.
    let pronoun = words.get(start).is_some_and(|w| {
        matches!(
            core(w).as_str(),
            "its" | "their" | "his" | "her" | "it" | "they" | "he" | "she" | "we" | "this"
        )
    });
    (k >= 1 && start < words.len() && !pronoun).then_some(start)
}

/// Whether the words hold a finite verb, as far as a word list tells: an auxiliary,
/// a past form (`shelled`, `took`).
fn has_finite_verb(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = core(w);
        AUXILIARIES.contains(&w.as_str())
            || IRREGULAR.contains(&w.as_str())
            || (w.len() >= 5 && w.ends_with("ed"))
    })
}

/// A word, lower case, without the punctuation around it.
fn core(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .trim_matches(['\'', '’'])
        .to_lowercase()
}

/// Whether the word `w` (lower case, see [`core`]) opens a clause: one of [`OPENERS`]
/// or a verb of [`SPEECH`].
fn opens_clause(w: &str) -> bool {
    OPENERS.contains(&w) || SPEECH.contains(&w)
}

fn is_dangling(w: &str) -> bool {
    DANGLING.contains(&core(w).as_str())
}

/// Words that open a clause which must have its own verb to be kept (`said that ...`,
/// `... as fighting` is cut short), besides the verbs of [`SPEECH`] (see [`opens_clause`]).
const OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "when", "while", "because", "where", "although", "though",
    "if", "whether", "say", "saying", "agreed", "believe", "believes", "believed",
];

/// Words that open a clause or a prepositional phrase (`as fighting spread`, `as a
/// target`).
const PREPOSITION_OPENERS: &[&str] = &["as", "after", "since", "until", "before"];

/// Verbs of saying that a lead can open with (`X said ...`).
const SPEECH: &[&str] = &[
    "said",
    "says",
    "announced",
    "claims",
    "claimed",
    "reported",
    "warned",
    "stated",
    "confirmed",
];

/// Auxiliary and modal verbs.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did",
];

/// Irregular past forms common in news leads.
const IRREGULAR: &[&str] = &[
    "said", "says", "told", "took", "hit", "shot", "struck", "sent", "made", "held", "won", "lost",
    "fought", "sought", "brought", "broke", "began", "came", "went", "fled", "led", "met", "gave",
    "kept", "left", "ran", "rose", "fell", "saw", "spoke", "stood", "threw", "blew", "drew",
    "overran", "withdrew", "knew", "became", "built", "paid", "sold", "spent",
];

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

    /// Lead sentences too long for a headline, shortened as an editor would: each
    /// case is one way the old cut went wrong.
    #[test]
    fn long_leads_are_cut_at_a_clause_boundary() {
        for (p, want) in [
            // A participle opens a phrase: not `... feeding the western industrial`.
            (
                "Masked saboteurs tried to blow up a high-voltage power line feeding the western industrial district of the capital in the first such attack this year.",
                "Masked saboteurs tried to blow up a high-voltage power line",
            ),
            // A passive participle and its agent go together: not `... captured`.
            (
                "Government aircraft are still bombing the disused airfield at Tessaro captured by rebel forces on Friday, a minister said.",
                "Government aircraft are still bombing the disused airfield at Tessaro",
            ),
            // A verb keeps its object: not `... group has offered`.
            (
                "The rebel movement in the north has offered to reopen the mountain railway that crosses its territory and links the coast to the capital.",
                "The rebel movement in the north has offered to reopen the mountain railway",
            ),
            // A reported clause keeps its verb: not `... said that its offensive ...`.
            (
                "Westland announced tonight that its offensive against the border garrisons had ended after dealing heavy blows to the rebel army.",
                "Westland announced tonight that its offensive against the border garrisons had ended",
            ),
            // An appositive and an attribution are asides: not `The main road ...
            // border`, a subject without its verb.
            (
                "The main road between Westport and the northern border, the region's most important trade route, reopened to traffic on Saturday after rebels withdrew into the hills, drivers said.",
                "The main road between Westport and the northern border reopened to traffic on Saturday",
            ),
            // An idiom is not cut: not `... on Monday in retaliation`.
            (
                "Coastal batteries shelled and destroyed an enemy radar post on Monday in retaliation for the sinking of a patrol boat, the navy said.",
                "Coastal batteries shelled and destroyed an enemy radar post on Monday",
            ),
            // `as` with a participle opens a clause that needs its verb.
            (
                "Army units pushed into the outskirts of the river city of Dorran on Thursday, witnesses said, as fighting spread to the bridges.",
                "Army units pushed into the outskirts of the river city of Dorran on Thursday",
            ),
            // A semicolon, and `which`.
            (
                "Rebels captured the hill town of Karvo after two days of heavy shelling; the army said it would retake the town within a week.",
                "Rebels captured the hill town of Karvo after two days of heavy shelling",
            ),
            (
                "Rebels captured the hill town of Karvo after two days of heavy shelling, which left the old market in ruins and forced thousands to flee.",
                "Rebels captured the hill town of Karvo after two days of heavy shelling",
            ),
            // The clause a speaker reports, when the speaker cannot be kept.
            (
                "A senior naval commander said the raid on the offshore terminal on Monday had drawn the alliance into open war and the navy would answer it.",
                "The raid on the offshore terminal on Monday had drawn the alliance into open war",
            ),
        ] {
            let t = derive_title(p);
            assert_eq!(t, want, "from {p:?}");
            assert!(t.chars().count() <= MAX_TITLE_CHARS, "{t}");
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
