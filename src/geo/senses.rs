//! When a country's form, in its context, names something else: a person (`Parent
//! Israel Gomez said`), a building, an institution or a natural feature (`the Saudi
//! Hospital`, `the Chad Basin`), a language (`published in Spanish`, `en español`), a
//! community living in another state (`Somali pastoralists ... in Moyale, Kenya`), or a
//! part of a longer place name (`Puerto Jordán`). Such a form is no mention of the
//! country: [`super::Gazetteer::find_mentions`] leaves it out, as it leaves out `ethnic
//! Albanians` and `Michael Jordan`.
//!
//! Why left out rather than returned with a mark: in every one of these readings the
//! report is not about the state (a hospital in El Fasher named after Saudi Arabia, a
//! reporter called Jordan), so the answers a reader expects never list it, and the
//! importer's scoring needs no new rule to ignore it.
//!
//! Every rule looks at a few words on either side of the form, within its paragraph, so
//! reading a text stays linear in its length.

use std::sync::LazyLock;

use super::{FastSet, Form, FormKind, Gazetteer, Lang, Para, Token, arabic_norm, places, word_set};

/// Honorifics before a person's name (`Mr Jordan`, `M. Tchad`).
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "m", "mme", "mlle", "sr",
    "sra", "srta", "don", "dona",
];

/// Roles before a person's name (`the reporter Jordan Chad`, `the suspect, Jordan
/// Smith`, `Parent Israel Gomez`), and words that introduce one (`a man named`).
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "reporter", "correspondent", "journalist", "editor", "columnist", "writer",
    "photographer", "photojournalist", "producer", "anchor", "parent", "father", "mother",
    "dad", "mom", "mum", "son", "daughter", "brother", "sister", "wife", "husband", "uncle",
    "aunt", "cousin", "grandmother", "grandfather", "grandson", "granddaughter", "suspect",
    "victim", "witness", "student", "teacher", "principal", "resident", "neighbor",
    "neighbour", "officer", "detective", "sheriff", "coach", "player", "pastor", "priest",
    "actor", "actress", "singer", "rapper", "lawyer", "attorney", "author", "analyst",
    "researcher", "colleague", "friend", "survivor", "defendant", "gunman", "shooter",
    "nurse", "doctor", "medic", "volunteer", "activist", "organizer", "organiser", "owner",
    "manager", "employee", "worker", "driver", "pilot", "boyfriend", "girlfriend", "named",
    "called", "by",
];

/// Verbs after a person's name and surname (`Israel Gomez said`, `Jordan Chad covers`).
#[rustfmt::skip]
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "asked", "wrote", "writes", "covers",
    "covered", "reported", "reports", "explained", "recalled", "noted", "testified",
    "posted", "tweeted", "recounted", "described", "confirmed", "denied", "warned", "urged",
];

/// Capitalised words after a country's name that make a body or a title of it, not a
/// surname (`Israel Police said`, `China Daily reported`, `Jordan Times`).
#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "police", "army", "radio", "daily", "today", "times", "post", "news", "television", "tv",
    "defense", "defence", "forces", "force", "government", "ministry", "military",
    "airways", "airlines", "national", "state", "border", "foreign", "prime", "president",
    "supreme", "central", "general", "high", "football", "olympic", "cup", "open", "league",
    "team", "federation", "association", "council", "court", "authority", "authorities",
    "embassy", "hayom", "telecom", "railways", "mail", "herald", "tribune", "observer",
    "gazette", "monitor", "weekly", "network", "channel", "broadcasting", "press", "review",
    "journal", "standard", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
];

/// Capitalised nouns that, after a demonym or a country's name (with up to two
/// capitalised words between), make it the name of a building, an institution or a
/// natural feature: `the Saudi Hospital`, `the Jordanian Field Hospital`, `the Chad
/// Basin`, `the Jordan River`, `the American University of Beirut`.
#[rustfmt::skip]
const NAMED_PLACES: &[&str] = &[
    "hospital", "university", "school", "college", "street", "avenue", "road", "square",
    "mosque", "church", "cathedral", "hotel", "basin", "river", "valley", "desert",
    "plateau", "mountains", "highlands", "sea", "gulf", "peninsula",
];

/// The same nouns before a form, as French, Spanish and Portuguese write them (`hôpital
/// saoudien`, `avenida Brasil`, `rua Angola`), and Arabic (`المستشفى السعودي`, the Saudi
/// hospital; `نهر الأردن`, the Jordan River).
#[rustfmt::skip]
const NAMED_PLACES_BEFORE: &[&str] = &[
    "hopital", "hospital", "universite", "universidad", "universidade", "ecole", "escuela",
    "escola", "colegio", "rue", "calle", "rua", "avenue", "avenida", "plaza", "praca",
    "mosquee", "mezquita", "mesquita", "eglise", "iglesia", "igreja", "hotel", "bassin",
    "cuenca", "bacia", "fleuve", "rio", "vallee", "valle", "vale", "desert", "desierto",
    "deserto", "plateau", "meseta", "planalto",
    "مستشفى", "المستشفى", "مستشفيات", "جامعة", "الجامعة", "مدرسة", "المدرسة", "شارع",
    "الشارع", "مسجد", "المسجد", "جامع", "كنيسة", "الكنيسة", "فندق", "الفندق", "حوض",
    "نهر", "وادي", "صحراء", "الصحراء", "هضبة", "جبال", "ساحة",
];

/// Words before a demonym that use it as a language (`speaks Russian`, `translated
/// from Arabic`, `habla francés`).
#[rustfmt::skip]
const LANGUAGE_VERBS: &[&str] = &[
    "speak", "speaks", "spoke", "speaking", "spoken", "fluent", "learn", "learns", "learned",
    "learnt", "learning", "teach", "teaches", "taught", "translate", "translated",
    "translates", "dubbed", "subtitled", "habla", "hablan", "hablaba", "parle", "parlent",
    "parlait", "fala", "falam", "falava",
];

/// Words after a demonym that use it as a language (`Arabic-language`, `French-speaking`,
/// `Spanish speakers`).
#[rustfmt::skip]
const LANGUAGE_AFTER: &[&str] = &[
    "language", "languages", "speaking", "speaker", "speakers", "translation",
    "translations", "translator", "translators", "subtitles", "dubbed", "lessons",
];

/// Prepositions before a language's name (`in Spanish`, `into French`, `from Arabic`,
/// `en español`, `em português`).
const LANGUAGE_PREPOSITIONS: &[&str] = &["in", "into", "from", "en", "em"];

/// Words that may follow a language's name, where a noun would follow a demonym
/// (`published in Spanish and Portuguese on Monday`, `in French by Le Monde`).
#[rustfmt::skip]
const AFTER_LANGUAGE: &[&str] = &[
    "and", "or", "but", "on", "to", "by", "at", "for", "with", "from", "as", "about", "via",
    "than", "is", "was", "were", "are", "y", "o", "e", "et", "ou", "por", "para", "con",
    "com", "sur", "par", "pour", "avec", "pelo", "pela", "de", "del", "da", "do", "du",
];

/// Nouns after a demonym that make it a people or a community rather than the state
/// (`Somali pastoralists`, `Chinese residents`, `the Ukrainian diaspora`). Not among
/// them: a state's citizens abroad (`Chinese workers`, `British nationals`), its
/// settlers (`Israeli settlers in the West Bank`), refugees, families.
#[rustfmt::skip]
const COMMUNITY_NOUNS: &[&str] = &[
    "residents", "resident", "community", "communities", "minority", "minorities",
    "pastoralists", "herders", "nomads", "diaspora", "diasporas", "migrants", "immigrants",
    "emigrants", "elders", "clan", "clans", "clansmen", "tribes", "tribesmen", "descent",
    "origin", "heritage", "population", "populations",
];

/// Capitalised words that open a longer place name (`Puerto Jordán`, `Port Sudan`,
/// `San Marino`): a country's name right after one is part of that name. (Not `Mount`:
/// `Mount Lebanon` is in Lebanon.)
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "puerto", "port", "porto", "san", "santa", "santo", "sao", "saint", "st", "ste",
    "sainte", "fort", "ciudad", "villa", "vila", "bahia", "cabo",
];

/// The word tables above, as sets, built on first use (Arabic words normalised).
struct Words {
    honorifics: FastSet<&'static str>,
    roles: FastSet<&'static str>,
    reporting: FastSet<&'static str>,
    institutions: FastSet<&'static str>,
    named_places: FastSet<&'static str>,
    named_places_before: FastSet<String>,
    language_verbs: FastSet<&'static str>,
    language_after: FastSet<&'static str>,
    after_language: FastSet<&'static str>,
    community: FastSet<&'static str>,
    place_heads: FastSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    honorifics: word_set(HONORIFICS),
    roles: word_set(ROLES),
    reporting: word_set(REPORTING_VERBS),
    institutions: word_set(INSTITUTIONS),
    named_places: word_set(NAMED_PLACES),
    named_places_before: NAMED_PLACES_BEFORE.iter().map(|w| arabic_norm(w)).collect(),
    language_verbs: word_set(LANGUAGE_VERBS),
    language_after: word_set(LANGUAGE_AFTER),
    after_language: word_set(AFTER_LANGUAGE),
    community: word_set(COMMUNITY_NOUNS),
    place_heads: word_set(PLACE_HEADS),
});

/// The text between two tokens.
fn gap<'a>(text: &'a str, a: &Token, b: &Token) -> &'a str {
    &text[a.end..b.start]
}

/// Whether only spaces (and at most one hyphen) stand between two tokens, on one line.
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    let g = gap(text, a, b);
    !g.contains('\n') && g.chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}')
}

/// Whether the gap between two tokens ends a clause or a list item (`in French,`, `in
/// Arabic.`): any punctuation but a hyphen or an apostrophe.
fn breaks(text: &str, a: &Token, b: &Token) -> bool {
    gap(text, a, b)
        .chars()
        .any(|c| !c.is_whitespace() && !matches!(c, '-' | '\'' | '’'))
}

/// A word that may be a surname: capitalised, not in capitals, Latin letters.
fn surname_like(t: &Token) -> bool {
    t.capitalised
        && !t.all_caps
        && !t.arabic
        && t.norm.len() >= 2
        && t.norm.chars().all(|c| c.is_ascii_lowercase() || c == '\'')
        && !WORDS.institutions.contains(t.norm.as_str())
}

impl Gazetteer {
    /// Whether the form `form` matched at `p.tokens[i]`, of `country`, names something
    /// else than the state, by the rules of this module.
    pub(super) fn names_other_sense(
        &self,
        p: &Para,
        i: usize,
        form: &Form,
        country: usize,
    ) -> bool {
        let n = form.words.len();
        match form.kind {
            FormKind::Name => {
                (n == 1 && is_person(p, i))
                    || self.in_longer_place_name(p, i, n, country)
                    || named_place_before(p, i)
                    || (named_place_after(p, i, n) && self.is_countrys_name(p, i, n, country))
            }
            FormKind::Demonym => {
                named_place_after(p, i, n)
                    || named_place_before(p, i)
                    || is_language(p, i, n)
                    || self.is_community(p, i, n, country)
            }
            FormKind::Capital => false,
        }
    }

    /// Whether the form at `i..i + n` is the country's own name (`Chad`, `Jordan`), not
    /// a region's that stands for it (`Gaza`): only the former names buildings and
    /// rivers after the state.
    fn is_countrys_name(&self, p: &Para, i: usize, n: usize, country: usize) -> bool {
        let name = super::tokenize(&self.countries[country].name);
        name.len() == n
            && name
                .iter()
                .zip(&p.tokens[i..i + n])
                .all(|(a, b)| a.norm == b.norm)
    }

    /// `Puerto Jordán`, `San Chad`: a name right after a capitalised word that opens
    /// place names, where the two are not a known place of the country (`Port Sudan`
    /// is Sudan's).
    fn in_longer_place_name(&self, p: &Para, i: usize, n: usize, country: usize) -> bool {
        let Some(head) = i.checked_sub(1).map(|h| &p.tokens[h]) else {
            return false;
        };
        if !head.capitalised
            || !WORDS.place_heads.contains(head.norm.as_str())
            || !joined(p.text, head, &p.tokens[i])
        {
            return false;
        }
        let words: Vec<&str> = p.tokens[i - 1..i + n]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        !places::place_countries(self, &words).contains(&country)
    }

    /// `Somali pastoralists clashed with Borana in Moyale, Kenya`, `Malay and Chinese
    /// residents of Penang`: a demonym before a community noun, where the sentence puts
    /// the community in another state, or the demonym stands beside a people's name
    /// that is no state's (`Malay and Chinese`, `Afar and Somali`).
    fn is_community(&self, p: &Para, i: usize, n: usize, country: usize) -> bool {
        let t = p.tokens;
        // `Afar and Somali regional`, `Chinese residents`, `Somali pastoralists`.
        if !t
            .get(i + n)
            .is_some_and(|w| WORDS.community.contains(w.norm.as_str()))
        {
            return false;
        }
        let beside_a_people = i >= 2
            && matches!(t[i - 1].norm.as_str(), "and" | "or")
            && surname_like(&t[i - 2])
            && self
                .match_at(t, i - 2, Some(p.date), Some(p.lang))
                .is_none();
        beside_a_people || self.located_elsewhere(p, i + n + 1, country)
    }

    /// Whether, from token `from` to the end of the sentence (at most a dozen words), a
    /// locative puts what precedes in a state other than `country`: `in Moyale, Kenya`,
    /// `of Penang, Malaysia`, `in Poland`.
    fn located_elsewhere(&self, p: &Para, from: usize, country: usize) -> bool {
        let t = p.tokens;
        let end = (from + 12).min(t.len());
        let mut k = from;
        while k < end {
            if breaks_sentence(p.text, &t[k - 1], &t[k]) {
                return false;
            }
            if matches!(t[k].norm.as_str(), "in" | "of" | "at" | "near" | "across") {
                // Up to three capitalised words and a comma, then the state.
                let mut j = k + 1;
                while j < end && j <= k + 4 {
                    if let Some(f) = self.match_at(t, j, Some(p.date), Some(p.lang)) {
                        return f.country.is_some_and(|c| c != country);
                    }
                    if !t[j].capitalised {
                        break;
                    }
                    j += 1;
                }
            }
            k += 1;
        }
        false
    }
}

/// Whether the gap between two tokens ends a sentence.
fn breaks_sentence(text: &str, a: &Token, b: &Token) -> bool {
    gap(text, a, b).contains(['.', '!', '?', ';', '\n'])
}

/// `Mr Jordan`; a given name that is a country's (`Israel`, `Jordan`, `Chad`, `Georgia`)
/// before a surname, with a role before it (`the reporter Jordan Chad`, `the suspect,
/// Jordan Smith`, `By Jordan Chad`) or a verb of speech after (`Israel Gomez said`).
pub(super) fn is_person(p: &Para, i: usize) -> bool {
    let t = p.tokens;
    let before = i.checked_sub(1).map(|k| &t[k]);
    if let Some(b) = before
        && b.capitalised
        && WORDS.honorifics.contains(b.norm.as_str())
        && gap(p.text, b, &t[i])
            .trim_start_matches('.')
            .trim()
            .is_empty()
    {
        return true;
    }
    if !places::first_names().contains(t[i].norm.as_str()) {
        return false;
    }
    let Some(surname) = t.get(i + 1) else {
        return false;
    };
    if !surname_like(surname) || !joined(p.text, &t[i], surname) {
        return false;
    }
    let speech = t
        .get(i + 2)
        .is_some_and(|v| WORDS.reporting.contains(v.norm.as_str()) && !breaks(p.text, surname, v));
    role_before(p, i) || speech
}

/// Whether a role stands before the name that starts at token `i` (`the reporter
/// Jordan Chad`, `the suspect, Jordan Smith`, `By Jordan Chad`), or before the name
/// joined to it by `and` (`By Ana Ruiz and Chad Osei`).
fn role_before(p: &Para, mut i: usize) -> bool {
    let t = p.tokens;
    for _ in 0..3 {
        let Some(b) = i.checked_sub(1).map(|k| &t[k]) else {
            return false;
        };
        let g = gap(p.text, b, &t[i]).trim();
        if (g.is_empty() || g == ",") && WORDS.roles.contains(b.norm.as_str()) {
            // `by Israel Katz` only as a byline, opening its paragraph.
            return b.norm != "by" || (i == 1 && b.capitalised);
        }
        // `<Given> <Surname> and`: look before that name.
        let pair = i >= 3 && b.norm == "and" && surname_like(&t[i - 2]) && t[i - 3].capitalised;
        if !pair {
            return false;
        }
        i -= 3;
    }
    false
}

/// `the Saudi Hospital`, `the Jordanian Field Hospital`, `the Chad Basin`: the form
/// names a building, an institution or a natural feature. (Not in a headline in title
/// case, where every word is capitalised: `Troops Raid Gaza Hospital`.)
fn named_place_after(p: &Para, i: usize, n: usize) -> bool {
    let t = p.tokens;
    if p.title_case {
        return false;
    }
    let mut k = i + n;
    while k < t.len() && k <= i + n + 2 && t[k].capitalised && joined(p.text, &t[k - 1], &t[k]) {
        if WORDS.named_places.contains(t[k].norm.as_str()) {
            return true;
        }
        k += 1;
    }
    false
}

/// `hôpital saoudien`, `avenida Brasil`, `المستشفى السعودي` (the Saudi hospital), `نهر
/// الأردن` (the Jordan River): the same, where the noun comes first (in French, Spanish,
/// Portuguese and Arabic text).
fn named_place_before(p: &Para, i: usize) -> bool {
    let t = p.tokens;
    if matches!(p.lang, Lang::En) && !t[i].arabic {
        return false;
    }
    let noun_at = |k: usize| {
        i.checked_sub(k).is_some_and(|j| {
            let w = &t[j];
            let noun = if w.arabic {
                super::arabic_variants(&w.norm)
                    .iter()
                    .any(|v| WORDS.named_places_before.contains(v))
            } else {
                WORDS.named_places_before.contains(w.norm.as_str())
            };
            noun && !breaks(p.text, w, &t[j + 1])
        })
    };
    // `المستشفى الميداني الأردني`: one adjective may stand between.
    noun_at(1) || (t[i].arabic && noun_at(2) && t[i - 1].norm.ends_with('ي'))
}

/// `published in Spanish and Portuguese`, `in French,`, `speaks Russian`,
/// `Arabic-language`, `en español`: the demonym names a language.
fn is_language(p: &Para, i: usize, n: usize) -> bool {
    let t = p.tokens;
    if t.get(i + n).is_some_and(|w| {
        WORDS.language_after.contains(w.norm.as_str()) && joined(p.text, &t[i + n - 1], w)
    }) {
        return true;
    }
    let prev = |k: usize| i.checked_sub(k).map(|j| t[j].norm.as_str());
    if prev(1).is_some_and(|w| WORDS.language_verbs.contains(w)) {
        return true;
    }
    // The list the demonym is in (`in Spanish, French and Portuguese`) starts after a
    // preposition and ends where no noun follows.
    let mut start = i;
    while start >= 2
        && i - start < 8
        && (matches!(
            t[start - 1].norm.as_str(),
            "and" | "or" | "y" | "e" | "et" | "ou"
        ) || gap(p.text, &t[start - 1], &t[start]).trim() == ",")
    {
        start -= if gap(p.text, &t[start - 1], &t[start]).trim() == "," {
            1
        } else {
            2
        };
    }
    let after_preposition = start >= 1
        && LANGUAGE_PREPOSITIONS.contains(&t[start - 1].norm.as_str())
        && !breaks(p.text, &t[start - 1], &t[start]);
    after_preposition && list_ends_without_noun(p, i + n)
}

/// Whether the list of names that goes on at token `k` (`and Portuguese`, `, English`)
/// ends at a clause break or before a word that is no noun.
fn list_ends_without_noun(p: &Para, mut k: usize) -> bool {
    let t = p.tokens;
    for _ in 0..8 {
        if k >= t.len() || breaks(p.text, &t[k - 1], &t[k]) {
            return true;
        }
        let w = t[k].norm.as_str();
        if matches!(w, "and" | "or" | "y" | "e" | "et" | "ou") {
            // `and Portuguese`, `y en inglés`: the next name, perhaps after a
            // preposition.
            let prep = t
                .get(k + 1)
                .is_some_and(|n| LANGUAGE_PREPOSITIONS.contains(&n.norm.as_str()));
            k += if prep { 3 } else { 2 };
            continue;
        }
        return WORDS.after_language.contains(w);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::geo::gazetteer;
    use chrono::NaiveDate;

    /// The countries `find_mentions` names in `text`, in order.
    fn now(text: &str) -> Vec<String> {
        let g = gazetteer();
        let d = NaiveDate::from_ymd_opt(2025, 7, 8).unwrap();
        g.find_mentions(&[text], d)
            .into_iter()
            .map(|m| g.country(m.country).name.clone())
            .collect()
    }

    fn none(text: &str) {
        assert_eq!(now(text), Vec::<String>::new(), "{text}");
    }

    #[test]
    fn people_named_like_countries() {
        none("Teacher Israel Morales said the doors were locked.");
        none("The photographer Jordan Baker said she ran for cover.");
        none("Police named the driver, Jordan Ellis, on Friday.");
        none("Mr Jordan told the court he was innocent.");
        none("Chad Miller covers crime for the paper.");
        none("By Jordan Reyes and Chad Osei");
        // Bodies and countries stay.
        assert_eq!(now("Israel Police said two were held."), ["Israel"]);
        assert_eq!(
            now("Jordan and Egypt said talks would go on."),
            ["Jordan", "Egypt"]
        );
        assert_eq!(
            now("The Israel Defense Forces said it struck Gaza."),
            ["Israel", "Palestine"]
        );
        // A country's name after a given name that is itself the country.
        assert_eq!(now("Israel Iran tensions rose again."), ["Israel", "Iran"]);
    }

    #[test]
    fn buildings_institutions_and_features() {
        none("Doctors at the Kuwaiti Hospital in Rafah treated 40 people.");
        none("Fighters hid near the Chad Basin after the raid.");
        none("Pilgrims bathed in the Jordan River at dawn.");
        none("Staff of the Jordanian Field Hospital fled.");
        assert_eq!(
            now("Students of the American University of Beirut marched."),
            ["Lebanon"]
        );
        // Lower case, the demonym is the state's; in a title-case headline, nothing
        // tells.
        assert_eq!(
            now("Saudi hospitals took in the wounded."),
            ["Saudi Arabia"]
        );
        assert_eq!(
            now("Troops Raid Gaza Hospital in Dawn Operation"),
            ["Palestine"]
        );
        none("قصف قرب المستشفى الكويتي في رفح");
        none("وصل الجرحى إلى المستشفى الميداني الأردني");
        none(
            "Les blessés ont été soignés dans l'hôpital saoudien de la ville, selon les médecins.",
        );
    }

    #[test]
    fn parts_of_longer_place_names() {
        none("Los soldados llegaron a Puerto Jordán el martes por la noche.");
        assert_eq!(now("Ferries left Port Sudan for Jeddah."), ["Sudan"]);
    }

    #[test]
    fn languages() {
        none("The statement was issued in Russian and Ukrainian.");
        none("He spoke French to the reporters, then in English.");
        none("A Russian-language newspaper was closed.");
        none("La nota fue publicada en español y en inglés por la agencia.");
        assert_eq!(
            now("Shelling hit Russian and Ukrainian towns."),
            ["Russia", "Ukraine"]
        );
        assert_eq!(
            now("Schools in Russian-occupied areas reopened."),
            ["Russia"]
        );
    }

    #[test]
    fn communities_of_another_state() {
        assert_eq!(
            now("Somali herders clashed with farmers near Garissa, Kenya."),
            ["Kenya"]
        );
        assert_eq!(
            now("Malay and Indian residents of Ipoh, Malaysia, voted."),
            ["Malaysia"]
        );
        none("Afar and Somali elders met on Tuesday.");
        // Ethiopia's Somali Region.
        assert_eq!(
            now("Somali regional forces clashed with Afar militia."),
            ["Ethiopia"]
        );
        // With no other state named, the demonym stays the state's.
        assert_eq!(now("Chinese residents of Wuhan stayed home."), ["China"]);
    }
}
