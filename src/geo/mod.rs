//! The gazetteer: every country sitrep knows, and every way news text names one.
//!
//! Built once, on first use, from
//! * the `keshvar` crate (BSD-3-Clause; ISO 3166-1 codes, UN M49 regions, English
//!   short names, `unofficial_name_list` aliases such as Burma, and `nationality`
//!   demonyms) for the 193 UN member states plus Palestine, the Holy See and Taiwan;
//! * [`news_forms`], a reviewed table of the names, demonyms and historical states news
//!   uses that keshvar lacks or gets odd, and of phrases that must not count;
//! * [`capitals`], capital cities as news uses them for governments (`Beijing`, `Kyiv`).
//!
//! * [`foreign_forms`], the names and demonyms French, Spanish, Portuguese and Arabic
//!   text uses (`Tchad`, `Estados Unidos`, `Moçambique`, `اليمن`), matched in text of
//!   that language only (Arabic script is never English, so Arabic forms match
//!   anywhere).
//!
//! [`Gazetteer::find_mentions`] scans text for these forms, longest match first, with
//! the case a proper noun needs (`Chad` but not `chad`, `US` but not `us`), and leaves
//! out the forms that, in context, name something else ([`senses`]: `Parent Israel
//! Gomez`, `the Saudi Hospital`, `in Spanish`).
//! [`Gazetteer::find_places`] finds the places below the country (`El Fasher`,
//! `Helmand`, `Donbas`), see [`places`].

pub mod capitals;
pub mod foreign_forms;
pub mod groups;
pub mod news_forms;
pub mod places;
pub mod regions;
pub mod senses;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use compact_str::CompactString;
use keshvar::CountryIterator;

use news_forms::*;

/// One country (a sovereign state, present or dissolved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`MM`), ISO 3166-3 code for dissolved states (`SU`,
    /// `ZR`), or a user-assigned code (`XK` Kosovo, `XW` West Germany).
    pub code: String,
    /// Common English short name, as reports are listed under (`Myanmar`, `Iran`,
    /// `United States`, `Soviet Union`).
    pub name: String,
    /// The ISO 3166-1 alpha-2 code whose region this country takes: its own, or the
    /// present-day state's for dissolved states (`SU` -> `RU`).
    pub region_code: String,
}

/// How a mention names its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// The country's name or an alias (`Myanmar`, `Burma`, `U.S.`).
    Name,
    /// A demonym or adjective (`Chinese`, `Israeli`, `Saudi`).
    Demonym,
    /// The capital city, used for the government (`Beijing`).
    Capital,
}

/// One mention of a country in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index of the country, see [`Gazetteer::country`].
    pub country: usize,
    /// How it was named.
    pub kind: FormKind,
    /// Index of the paragraph (of the slice given to [`Gazetteer::find_mentions`]).
    pub paragraph: usize,
    /// Byte range of the mention in its paragraph.
    pub span: (usize, usize),
    /// Whether the mention names a place where something happens: it follows a
    /// locative preposition (`in Syria`, `in northern Iraq`, `at Beirut's camps`), or is
    /// a demonym or capital before a place noun (`a Pakistani village`,
    /// `Kuwaiti waters`, `Beirut refugee camps`).
    pub locative: bool,
}

/// The language of a text, as far as the gazetteer cares: which foreign forms may
/// match, and which prepositions make a mention locative. See [`detect_language`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, and anything not recognised as another of these.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Arabic (text mostly in Arabic script).
    Ar,
}

/// A word of text, as the matcher sees it.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    start: usize,
    end: usize,
    /// Lower case, ASCII-folded (`Côte` -> `cote`), apostrophes straightened;
    /// initialisms keep their dots (`u.s.`). Arabic words are kept in Arabic script,
    /// normalised (see [`arabic_norm`]).
    norm: CompactString,
    capitalised: bool,
    /// Has cased letters, none of them lower case (`US`, `MASAYA`; never Arabic).
    all_caps: bool,
    /// Written in Arabic script.
    arabic: bool,
    /// The index of the forms the norm opens (see [`Gazetteer::token_forms`]), or
    /// [`UNSEEN`] or [`NO_FORMS`].
    entry: u32,
}

/// [`Token::entry`] not looked up yet.
const UNSEEN: u32 = u32::MAX;
/// [`Token::entry`] of a word that opens no form.
const NO_FORMS: u32 = u32::MAX - 1;

/// A paragraph as the matching rules read it.
struct Para<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lang: Lang,
    date: NaiveDate,
    /// A line in title case (`Troops Raid Gaza Hospital`), where capitals do not tell
    /// names from words.
    title_case: bool,
}

/// At most this many country mentions are returned in full; past them, only the first
/// mention of each country not yet named (see [`Gazetteer::find_mentions`]).
pub const MAX_MENTIONS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum CaseRule {
    Any,
    Capitalised,
    AllCaps,
    /// Lower case only (Spanish demonyms: `colombiano`, never `Frances`).
    Lower,
}

#[derive(Debug, Clone)]
struct Form {
    words: Vec<String>,
    case: Vec<CaseRule>,
    /// `None` for a stop form.
    country: Option<usize>,
    kind: FormKind,
    valid: Option<(NaiveDate, NaiveDate)>,
    /// The language whose text the form is matched in; `None` for any.
    lang: Option<Lang>,
}

/// The country data and the form index. Get the shared instance with [`gazetteer`].
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    by_code: FastMap<String, usize>,
    /// First word of a form -> the index in `form_lists` of the forms starting with
    /// it.
    forms: FastMap<String, u32>,
    /// Lists of forms with the same first word, longest first.
    form_lists: Vec<Vec<Form>>,
    /// For each of `form_lists` whose forms all have two words or more, their second
    /// words: a word followed by none of them opens no form (`the` before `army`).
    form_seconds: Vec<Option<FastSet<String>>>,
    /// [`US_STATES`], as normalised words.
    us_states: Vec<Vec<String>>,
    /// The first words of [`US_STATES`].
    us_state_words: FastSet<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// A hash map keyed by words, with rustc-hash's Fx hash: fast on short words, a
/// machine word at a time.
type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
/// A hash set of words, with the Fx hash (see [`FastMap`]).
type FastSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

/// A set of the words of a table.
fn word_set(words: &[&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

/// The gazetteer, built on first use (a few milliseconds).
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// Builds the gazetteer and the place table now rather than on first use: a caller
/// with other work to start (say, on another thread) need not wait for them later.
pub fn build_tables() {
    places::build_table();
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("dates in the gazetteer tables are valid")
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            countries: Vec::new(),
            by_code: FastMap::default(),
            forms: FastMap::default(),
            form_lists: Vec::new(),
            form_seconds: Vec::new(),
            us_state_words: US_STATES
                .iter()
                .filter_map(|s| tokenize(s).into_iter().next().map(|t| t.norm.into_string()))
                .collect(),
            us_states: US_STATES
                .iter()
                .map(|s| {
                    tokenize(s)
                        .into_iter()
                        .map(|t| t.norm.into_string())
                        .collect()
                })
                .collect(),
        };
        let keshvar_forms = g.add_keshvar_states();
        for &(code, name, region_code) in EXTRA_STATES {
            g.add_country(code, name, region_code);
        }
        // The reviewed table first: its forms win over keshvar's for the same words.
        for &(code, forms) in NAMES {
            for f in forms {
                // `America` is the United States in English only (the continents in
                // Spanish and Portuguese: `América Latina`, El País's `América`).
                let lang = ENGLISH_ONLY_FORMS.contains(f).then_some(Lang::En);
                g.add_form_in(f, Some(g.by_code[code]), FormKind::Name, None, lang, None);
            }
        }
        for &(code, forms) in ADJECTIVAL_NAMES {
            for f in forms {
                g.add_form(f, Some(g.by_code[code]), FormKind::Demonym, None);
            }
        }
        for &(form, code, from, until) in DATED_NAMES {
            let valid = Some((date(from), date(until)));
            g.add_form(form, Some(g.by_code[code]), FormKind::Name, valid);
        }
        for &(code, forms) in DEMONYMS {
            for f in forms {
                g.add_form(f, Some(g.by_code[code]), FormKind::Demonym, None);
                g.add_plural(f, g.by_code[code]);
            }
        }
        for (idx, form, kind) in keshvar_forms {
            g.add_form(&form, Some(idx), kind, None);
            if kind == FormKind::Demonym {
                g.add_plural(&form, idx);
            }
        }
        for &(code, names, from, until) in capitals::HISTORICAL_CAPITALS {
            for n in names {
                let valid = Some((date(from), date(until)));
                g.add_form(n, Some(g.by_code[code]), FormKind::Capital, valid);
            }
        }
        for &(code, names) in capitals::CAPITALS {
            for n in names {
                g.add_form(n, Some(g.by_code[code]), FormKind::Capital, None);
            }
        }
        g.add_foreign_forms();
        for f in STOP_FORMS {
            g.add_form(f, None, FormKind::Name, None);
        }
        for forms in &mut g.form_lists {
            // Longest first; among equals, the first added (stable sort).
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        g.form_seconds = second_words(&g.form_lists);
        g
    }

    /// Adds the sovereign states keshvar knows (UN members and [`OTHER_STATES`]), in
    /// their common names, and returns their names, aliases and demonyms as forms to
    /// add after the reviewed tables' (whose forms win for the same words).
    fn add_keshvar_states(&mut self) -> Vec<(usize, String, FormKind)> {
        let common: HashMap<&str, &str> = COMMON_NAMES.iter().copied().collect();
        let denied = |code: &str, form: &str| {
            DENIED_FORMS
                .iter()
                .any(|(c, f)| *c == code && f.eq_ignore_ascii_case(form))
        };
        let mut keshvar_forms = Vec::new();
        for c in CountryIterator::new() {
            let code = c.alpha2().to_string();
            if !(c.un_member() || OTHER_STATES.contains(&code.as_str())) {
                continue;
            }
            let name = common
                .get(code.as_str())
                .map(|s| s.to_string())
                .unwrap_or_else(|| c.iso_short_name().to_string());
            let idx = self.add_country(&code, &name, &code);
            let mut names = vec![name, c.iso_short_name().to_string()];
            names.extend(c.unofficial_name_list().iter().map(|s| s.to_string()));
            for n in names {
                // Latin-script names only; `Congo (Dem. Rep.)` style entries are skipped.
                if n.chars().all(|ch| (ch as u32) < 0x250)
                    && !n.contains(['(', ')', '[', ',', ']'])
                    && !denied(&code, &n)
                {
                    keshvar_forms.push((idx, n, FormKind::Name));
                }
            }
            if let Some(nat) = c.maybe_nationality() {
                for d in nat.split([',']).flat_map(|s| s.split(" and ")) {
                    let d = d.trim();
                    if !d.is_empty() && !denied(&code, d) {
                        keshvar_forms.push((idx, d.to_string(), FormKind::Demonym));
                    }
                }
            }
        }
        keshvar_forms
    }

    fn add_country(&mut self, code: &str, name: &str, region_code: &str) -> usize {
        self.countries.push(Country {
            code: code.to_string(),
            name: name.to_string(),
            region_code: region_code.to_string(),
        });
        let idx = self.countries.len() - 1;
        self.by_code.insert(code.to_string(), idx);
        idx
    }

    fn add_form(
        &mut self,
        text: &str,
        country: Option<usize>,
        kind: FormKind,
        valid: Option<(NaiveDate, NaiveDate)>,
    ) {
        self.add_form_in(text, country, kind, valid, None, None);
    }

    /// Adds a form matched only in text of `lang` (any text for `None`), with the case
    /// rule `case` for every word (the case of `text` decides for `None`).
    fn add_form_in(
        &mut self,
        text: &str,
        country: Option<usize>,
        kind: FormKind,
        valid: Option<(NaiveDate, NaiveDate)>,
        lang: Option<Lang>,
        case_rule: Option<CaseRule>,
    ) {
        let tokens = tokenize(text);
        let Some(first) = tokens.first() else { return };
        let words: Vec<String> = tokens.iter().map(|t| t.norm.to_string()).collect();
        let case: Vec<CaseRule> = tokens
            .iter()
            .map(|t| {
                let letters = text[t.start..t.end]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count();
                if t.all_caps && letters <= 5 {
                    // `US`, `UAE`, `DRC`: only in capitals, never `us`.
                    CaseRule::AllCaps
                } else if t.capitalised {
                    CaseRule::Capitalised
                } else {
                    CaseRule::Any
                }
            })
            .collect();
        // Stop forms match in any case (`Indian ocean`, `Islamic state`).
        let case = match (country, case_rule) {
            (None, _) => vec![CaseRule::Any; words.len()],
            (Some(_), Some(rule)) => vec![rule; words.len()],
            (Some(_), None) => case,
        };
        let next = self.form_lists.len() as u32;
        let k = *self.forms.entry(first.norm.to_string()).or_insert(next);
        if k == next {
            self.form_lists.push(Vec::new());
        }
        let entry = &mut self.form_lists[k as usize];
        // The same words for the same dates, case and language twice: the first stays.
        if entry.iter().any(|f| {
            f.words == words
                && f.valid == valid
                && f.case == case
                && (f.lang.is_none() || f.lang == lang)
        }) {
            return;
        }
        entry.push(Form {
            words,
            case,
            country,
            kind,
            valid,
            lang,
        });
    }

    /// Adds the forms of [`foreign_forms`]: French, Spanish and Portuguese ones for text
    /// in that language, with their plurals (and the feminine ones the tables list);
    /// Arabic ones for any text, demonyms with their inflections and the article.
    fn add_foreign_forms(&mut self) {
        use foreign_forms::*;
        type Table = &'static [(&'static str, &'static [&'static str])];
        let tables: [(Table, Lang, FormKind, Option<CaseRule>); 6] = [
            (FRENCH_NAMES, Lang::Fr, FormKind::Name, None),
            (
                FRENCH_DEMONYMS,
                Lang::Fr,
                FormKind::Demonym,
                Some(CaseRule::Any),
            ),
            (SPANISH_NAMES, Lang::Es, FormKind::Name, None),
            (
                SPANISH_DEMONYMS,
                Lang::Es,
                FormKind::Demonym,
                Some(CaseRule::Lower),
            ),
            (PORTUGUESE_NAMES, Lang::Pt, FormKind::Name, None),
            (
                PORTUGUESE_DEMONYMS,
                Lang::Pt,
                FormKind::Demonym,
                Some(CaseRule::Lower),
            ),
        ];
        for (table, lang, kind, case) in tables {
            for &(code, forms) in table {
                let idx = self.by_code[code];
                for f in forms {
                    let mut variants = vec![f.to_string()];
                    if kind == FormKind::Demonym {
                        variants.extend(plural(f, lang));
                    }
                    for v in variants {
                        self.add_form_in(&v, Some(idx), kind, None, Some(lang), case);
                    }
                }
            }
        }
        for &(lang, forms) in FOREIGN_STOP_FORMS {
            let lang = match lang {
                "fr" => Some(Lang::Fr),
                "es" => Some(Lang::Es),
                "pt" => Some(Lang::Pt),
                _ => None,
            };
            for f in forms {
                self.add_form_in(f, None, FormKind::Name, None, lang, None);
            }
        }
        for &(code, forms) in ARABIC_NAMES {
            for f in forms {
                self.add_form(f, Some(self.by_code[code]), FormKind::Name, None);
            }
        }
        for &(code, forms) in ARABIC_DEMONYM_PLURALS {
            for f in forms {
                self.add_form(f, Some(self.by_code[code]), FormKind::Demonym, None);
            }
        }
        for &(code, stems) in ARABIC_DEMONYMS {
            for stem in stems {
                // Masculine, feminine, plurals; each also with the article.
                for end in ["", "ة", "ون", "ين"] {
                    for article in ["", "ال"] {
                        let form = format!("{article}{stem}{end}");
                        self.add_form(&form, Some(self.by_code[code]), FormKind::Demonym, None);
                    }
                }
            }
        }
    }

    /// Adds the regular plural of a demonym (`Iraqi` -> `Iraqis`), where English has one.
    fn add_plural(&mut self, demonym: &str, country: usize) {
        let lower = demonym.to_lowercase();
        if ["s", "sh", "ch", "ese", "x", "z"]
            .iter()
            .any(|end| lower.ends_with(end))
        {
            return;
        }
        self.add_form(
            &format!("{demonym}s"),
            Some(country),
            FormKind::Demonym,
            None,
        );
    }

    /// The forms whose first word is `first` (a token's norm), longest first.
    fn forms_of(&self, first: &str) -> Option<&[Form]> {
        self.forms
            .get(first)
            .map(|&k| self.form_lists[k as usize].as_slice())
    }

    /// The index in `form_lists` of the forms a token's norm opens, looked up once
    /// (see [`Self::tokenize`]).
    fn token_entry(&self, t: &Token) -> Option<usize> {
        match t.entry {
            UNSEEN => self.forms.get(t.norm.as_str()).map(|&k| k as usize),
            NO_FORMS => None,
            k => Some(k as usize),
        }
    }

    /// [`tokenize`], with each token's forms looked up once, for the many rules that
    /// match forms at a token.
    fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens = tokenize(text);
        for t in &mut tokens {
            if !t.arabic {
                t.entry = self.forms.get(t.norm.as_str()).copied().unwrap_or(NO_FORMS);
            }
        }
        tokens
    }

    /// All countries; [`Mention::country`] indexes into this.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country with index `idx`.
    pub fn country(&self, idx: usize) -> &Country {
        &self.countries[idx]
    }

    /// Looks a country up by its code (`MM`, `SU`).
    pub fn by_code(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }

    /// Looks a country up by any of its names, aliases or demonyms, as in front matter
    /// (`Burma`, `U.S.`, `Myanmar`; case-insensitive), or by its code in capitals
    /// (`MM`, `NO`: the "Norway problem" of YAML 1.1 tools does not arise, front
    /// matter is read as YAML 1.2, where `NO` is a string).
    pub fn lookup(&self, name: &str) -> Option<&Country> {
        let trimmed = name.trim();
        if trimmed.len() == 2
            && trimmed.chars().all(|c| c.is_ascii_uppercase())
            && let Some(c) = self.by_code(trimmed)
        {
            return Some(c);
        }
        let tokens = tokenize(name);
        let first = tokens.first()?;
        let forms = self.forms_of(first.norm.as_str())?;
        forms
            .iter()
            .find(|f| {
                f.words.len() == tokens.len()
                    && f.words.iter().zip(&tokens).all(|(w, t)| *w == t.norm)
            })
            .and_then(|f| f.country)
            .map(|i| &self.countries[i])
    }

    /// Whether `name` is a capital city as news writes it (`Kyiv`, `Bogotá`), in any
    /// case (`KHARTOUM`).
    pub fn is_capital(&self, name: &str) -> bool {
        let tokens = tokenize(name);
        let Some(first) = tokens.first() else {
            return false;
        };
        self.forms_of(first.norm.as_str()).is_some_and(|forms| {
            forms.iter().any(|f| {
                f.kind == FormKind::Capital
                    && f.words.len() == tokens.len()
                    && f.words.iter().zip(&tokens).all(|(w, t)| *w == t.norm)
            })
        })
    }

    /// Finds every mention of a country in `paragraphs`, in text order. `date` is the
    /// report's date: names whose meaning changed (`Moscow` for the Soviet Union until
    /// 1991, `Congo`) are read as they were meant then.
    ///
    /// Ambiguous names are resolved over the whole text: `Georgia` is dropped when a
    /// word next to it shows the US state (`state of Georgia`, `Atlanta, Georgia`),
    /// or when the report mentions the United States or another US state and nothing
    /// shows the country (`Tbilisi`, `Georgian`, `Abkhazia`...). A US state before
    /// `National Guard` (`the Illinois National Guard`) is a mention of the United
    /// States (as an adjective, like `U.S. forces`).
    ///
    /// Not mentions: a capital naming an agreement or format (`the Minsk agreements`,
    /// `the Oslo Accords`), a demonym for a past or a community (`ex-Soviet`, `former
    /// Yugoslav`, `ethnic Albanians`) or after another state's demonym (`Bosnian Serb`),
    /// a capital inside a longer place name (`Mocimboa da Praia`), a name before a US
    /// state (`Paris, Texas`); and the other senses of [`senses`]: a person (`Parent
    /// Israel Gomez said`, `Mr Jordan`), a building, institution or natural feature
    /// (`the Saudi Hospital`, `the Chad Basin`, `المستشفى السعودي`), a language (`in
    /// Spanish and Portuguese`, `en español`), a community in another state (`Somali
    /// pastoralists ... in Moyale, Kenya`), part of a longer place name (`Puerto
    /// Jordán`).
    ///
    /// French, Spanish, Portuguese and Arabic forms count in text of that language (see
    /// [`detect_language`], run over all of `paragraphs`): `Tchad`, `colombiano`,
    /// `Moçambique`, `واليمن` (with the attached conjunctions, prepositions and article
    /// Arabic writes). `America` counts in English text only.
    ///
    /// Cost: linear in the text. At most [`MAX_MENTIONS`] mentions are returned in
    /// full; past them, only the first mention of each country not named yet, so that a
    /// text of megabytes gives a bounded list (a caller that compares mentions with one
    /// another or with places stays linear too), and still names every country.
    pub fn find_mentions(&self, paragraphs: &[&str], date: NaiveDate) -> Vec<Mention> {
        let tokenized: Vec<Vec<Token>> = paragraphs.iter().map(|p| self.tokenize(p)).collect();
        self.mentions_in(paragraphs, &tokenized, detect_language(paragraphs), date)
    }

    /// [`Self::find_mentions`] and [`Self::find_places`] at once, reading the text
    /// once (cheaper than calling both).
    pub fn find_mentions_and_places(
        &self,
        paragraphs: &[&str],
        date: NaiveDate,
    ) -> (Vec<Mention>, Vec<places::PlaceMention>) {
        let tokenized: Vec<Vec<Token>> = paragraphs.iter().map(|p| self.tokenize(p)).collect();
        let lang = detect_language(paragraphs);
        (
            self.mentions_in(paragraphs, &tokenized, lang, date),
            self.places_in(paragraphs, &tokenized, lang),
        )
    }

    /// [`Self::find_mentions`] on tokenised paragraphs of language `lang`.
    fn mentions_in(
        &self,
        paragraphs: &[&str],
        tokenized: &[Vec<Token>],
        lang: Lang,
        date: NaiveDate,
    ) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut named = vec![false; self.countries.len()];
        let us = self.by_code["US"];
        for (pi, (text, tokens)) in paragraphs.iter().zip(tokenized).enumerate() {
            let p = Para {
                text,
                tokens,
                lang,
                date,
                title_case: title_case(tokens),
            };
            let mut push = |country: usize, kind: FormKind, span: (usize, usize), locative| {
                // Past the cap, only a country not named yet.
                if mentions.len() < MAX_MENTIONS || !named[country] {
                    named[country] = true;
                    mentions.push(Mention {
                        country,
                        kind,
                        paragraph: pi,
                        span,
                        locative,
                    });
                }
            };
            let mut i = 0;
            while i < tokens.len() {
                // `the Illinois National Guard`: a US state's guard, the United States.
                if let Some(n) = self.state_guard_at(tokens, i) {
                    push(
                        us,
                        FormKind::Demonym,
                        (tokens[i].start, tokens[i + n - 1].end),
                        false,
                    );
                    i += n + 2;
                    continue;
                }
                let Some(form) = self.match_at(tokens, i, Some(date), Some(lang)) else {
                    i += 1;
                    continue;
                };
                let n = form.words.len();
                if let Some(country) = form.country
                    && self.keeps(&p, i, form, country)
                {
                    let span = (tokens[i].start, tokens[i + n - 1].end);
                    push(country, form.kind, span, self.is_locative_at(&p, i, form));
                }
                i += n;
            }
        }
        let ge = self.by_code["GE"];
        let georgia = |m: &Mention| m.country == ge && m.kind == FormKind::Name;
        if mentions.iter().any(georgia) && self.georgia_is_the_us_state(tokenized, &mentions) {
            mentions.retain(|m| !georgia(m));
        }
        mentions
    }

    /// Whether `Georgia` names the US state in a text (`tokenized`, with `mentions`):
    /// it mentions the United States or another US state, and nothing shows the
    /// country (`Tbilisi`, `Georgian`, `Abkhazia`...).
    fn georgia_is_the_us_state(&self, tokenized: &[Vec<Token>], mentions: &[Mention]) -> bool {
        let us = self.by_code["US"];
        let cue = tokenized
            .iter()
            .flatten()
            .any(|t| GEORGIA_COUNTRY_CUES.contains(&t.norm.as_str()));
        let us_state_named = || {
            tokenized.iter().any(|tokens| {
                (0..tokens.len())
                    .any(|k| tokens[k].norm != "georgia" && self.us_state_at(tokens, k))
            })
        };
        !cue && (us_state_named() || mentions.iter().any(|m| m.country == us))
    }

    /// Whether the form matched at `p.tokens[i]` names a place where something happens
    /// (see [`Mention::locative`]).
    fn is_locative_at(&self, p: &Para, i: usize, form: &Form) -> bool {
        let tokens = p.tokens;
        let prev = |k: usize| i.checked_sub(k).map(|j| tokens[j].norm.as_str());
        let next = tokens.get(i + form.words.len()).map(|t| t.norm.as_str());
        // `in Syria`, `in northern Iraq`, `across south-east Turkey`, `in the Gulf`
        let mut k = 1;
        while k <= 3 && (is_direction(prev(k)) || prev(k) == Some("the")) {
            k += 1;
        }
        is_locative(prev(k), p.lang)
            || tokens[i].arabic && arabic_locative_prefix(&tokens[i].norm)
            || (form.kind != FormKind::Name && is_place_noun(next))
    }

    /// The number of words of the US state at `tokens[i]` when `National Guard`
    /// follows it (`Illinois National Guard`, `Georgia National Guard`).
    fn state_guard_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        if !tokens[i].capitalised || !self.us_state_words.contains(tokens[i].norm.as_str()) {
            return None;
        }
        self.us_states.iter().find_map(|state| {
            let n = state.len();
            let guard = tokens.get(i + n).is_some_and(|t| t.norm == "national")
                && tokens.get(i + n + 1).is_some_and(|t| t.norm == "guard");
            (guard && state.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.norm)).then_some(n)
        })
    }

    /// Whether the form matched at `p.tokens[i]` counts as a mention of `country` (see
    /// [`Self::find_mentions`] for the rules).
    fn keeps(&self, p: &Para, i: usize, form: &Form, country: usize) -> bool {
        let (text, tokens) = (p.text, p.tokens);
        let n = form.words.len();
        let prev = |k: usize| i.checked_sub(k).map(|j| tokens[j].norm.as_str());
        // `the Minsk agreements`, `the Oslo Accords`: named after the city they were
        // signed in, not about its state.
        if form.kind == FormKind::Capital
            && tokens
                .get(i + n)
                .is_some_and(|t| AGREEMENT_NOUNS.contains(&t.norm.as_str()))
        {
            return false;
        }
        if self.names_something_else(p, i, form, country)
            || self.names_other_sense(p, i, form, country)
        {
            return false;
        }
        // `Mocimboa da Praia` is not Praia; `Santiago de Cuba` not Santiago.
        if form.kind == FormKind::Capital
            && prev(1).is_some_and(|w| PLACE_PARTICLES.contains(&w))
            && tokens[i - 1].start < tokens[i].start
            && !tokens[i - 1].capitalised
        {
            return false;
        }
        // `Paris, Texas`, `Lebanon, Pennsylvania`: a US town. (`Tbilisi, Georgia` is the
        // country: the name after the comma is the same country's.)
        if let Some(next) = tokens.get(i + n)
            && text[tokens[i + n - 1].end..next.start].trim() == ","
            && self.us_state_at(tokens, i + n)
            && self
                .match_at(tokens, i + n, Some(p.date), Some(p.lang))
                .is_none_or(|f| f.country != Some(country))
        {
            return false;
        }
        if self.countries[country].code == "GE" && form.kind == FormKind::Name {
            let state_before = prev(1).is_some_and(|w| GEORGIA_STATE_CUES.contains(&w))
                || (prev(1) == Some("of") && prev(2) == Some("state"));
            let state_after = tokens.get(i + 1).is_some_and(|t| t.norm == "state");
            return !(state_before || state_after);
        }
        true
    }

    /// Whether the form at `tokens[i]` names a community, a past, a person or a
    /// company rather than `country` (see [`Self::find_mentions`]).
    fn names_something_else(&self, p: &Para, i: usize, form: &Form, country: usize) -> bool {
        let (text, tokens) = (p.text, p.tokens);
        let n = form.words.len();
        let prev = |k: usize| i.checked_sub(k).map(|j| tokens[j].norm.as_str());
        // `ex-Soviet`, `former Yugoslav`, `ethnic Albanians`: a past or a community,
        // not the state; `Bosnian Serb`: the second demonym is a community.
        if form.kind == FormKind::Demonym {
            if matches!(prev(1), Some("ex" | "former" | "post" | "ethnic")) {
                return true;
            }
            if i > 0
                && tokens[i - 1].capitalised
                && text[tokens[i - 1].end..tokens[i].start].trim().is_empty()
                && self
                    .match_at(tokens, i - 1, Some(p.date), Some(p.lang))
                    .is_some_and(|f| {
                        f.kind == FormKind::Demonym
                            && f.words.len() == 1
                            && f.country.is_some_and(|c| c != country)
                    })
            {
                return true;
            }
        }
        // `Michael Jordan`: a name after a first name is a surname (unless the first
        // name is a country's, named as the country: `Israel Gaza war`). `Air France`,
        // `Kenya Airways`: a company.
        if form.kind == FormKind::Name && n == 1 && i > 0 {
            let before = &tokens[i - 1];
            let joined = text[before.end..tokens[i].start].trim().is_empty();
            let first_name = places::first_names().contains(before.norm.as_str())
                && (senses::is_person(p, i - 1)
                    || self
                        .match_at(tokens, i - 1, Some(p.date), Some(p.lang))
                        .is_none_or(|f| f.country.is_none()));
            if joined && before.capitalised && (before.norm == "air" || first_name) {
                return true;
            }
        }
        if tokens
            .get(i + n)
            .is_some_and(|t| matches!(t.norm.as_str(), "airlines" | "airways"))
        {
            return true;
        }
        false
    }

    /// Whether the tokens at `i` name a US state (`Texas`, `New York`).
    fn us_state_at(&self, tokens: &[Token], i: usize) -> bool {
        tokens[i].capitalised
            && self.us_state_words.contains(tokens[i].norm.as_str())
            && self.us_states.iter().any(|state| {
                state.len() + i <= tokens.len()
                    && state.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.norm)
            })
    }

    /// The longest form matching the tokens at `i`, if any, valid at `date` (at any
    /// date for `None`) and matched in text of `lang` (any form for `None`). An Arabic
    /// word is also tried without the conjunction, preposition or article attached to
    /// it (`واليمن` -> `اليمن`, `لليمن` -> `اليمن`, `بلبنان` -> `لبنان`).
    fn match_at(
        &self,
        tokens: &[Token],
        i: usize,
        date: Option<NaiveDate>,
        lang: Option<Lang>,
    ) -> Option<&Form> {
        if tokens[i].arabic {
            return arabic_variants(&tokens[i].norm).iter().find_map(|first| {
                let candidates = self.forms_of(first)?;
                match_first(candidates, tokens, i, date, lang)
            });
        }
        let k = self.token_entry(&tokens[i])?;
        if let Some(seconds) = &self.form_seconds[k]
            && !tokens
                .get(i + 1)
                .is_some_and(|t| seconds.contains(t.norm.as_str()))
        {
            return None;
        }
        match_first(&self.form_lists[k], tokens, i, date, lang)
    }
}

/// [`Gazetteer::match_at`] among `candidates`, the forms whose first word stands for
/// the word at `tokens[i]`.
fn match_first<'g>(
    candidates: &'g [Form],
    tokens: &[Token],
    i: usize,
    date: Option<NaiveDate>,
    lang: Option<Lang>,
) -> Option<&'g Form> {
    candidates.iter().find(|f| {
        // The words after the first (the cheapest test to fail), the dates, the
        // language, then the case of each word.
        i + f.words.len() <= tokens.len()
            && f.words[1..]
                .iter()
                .zip(&tokens[i + 1..])
                .all(|(w, t)| w.as_str() == t.norm.as_str())
            && date.is_none_or(|date| {
                f.valid
                    .is_none_or(|(from, until)| from <= date && date <= until)
            })
            && (lang.is_none() || f.lang.is_none() || f.lang == lang)
            && f.case.iter().zip(&tokens[i..]).all(|(rule, t)| match rule {
                CaseRule::Any => true,
                CaseRule::Capitalised => t.capitalised,
                CaseRule::AllCaps => t.all_caps,
                CaseRule::Lower => !t.capitalised,
            })
    })
}

/// The regular plural of a French, Spanish or Portuguese demonym: `tchadien` ->
/// `tchadiens`, `français` (none), `colombiano` -> `colombianos`, `francés` ->
/// `franceses`, `israelí` -> `israelíes`, `ruandês` -> `ruandeses`.
fn plural(word: &str, lang: Lang) -> Option<String> {
    let last = word.chars().last()?;
    match lang {
        Lang::Fr if !matches!(last, 's' | 'x') => Some(format!("{word}s")),
        Lang::Es if matches!(last, 'a' | 'e' | 'o') => Some(format!("{word}s")),
        Lang::Es if last == 's' => {
            // `francés` -> `franceses`: the stress accent goes.
            let stem: String = deunicode::deunicode(word);
            Some(format!("{stem}es"))
        }
        Lang::Es => Some(format!("{word}es")),
        // `moçambicano` -> `moçambicanos`, `ruandesa` -> `ruandesas`, `afegã` -> `afegãs`,
        // `francês` -> `franceses`; `alemão`, `espanhol` are listed with their plurals.
        Lang::Pt if matches!(last, 'a' | 'e' | 'o' | 'ã' | 'i') => Some(format!("{word}s")),
        Lang::Pt if word.ends_with("ês") => Some(format!("{}eses", &word[..word.len() - 3])),
        _ => None,
    }
}

fn is_locative(word: Option<&str>, lang: Lang) -> bool {
    let foreign = match lang {
        Lang::Fr => matches!(word, Some("en" | "au" | "aux" | "dans" | "a" | "vers")),
        Lang::Es => matches!(word, Some("en" | "dentro" | "hacia")),
        Lang::Pt => matches!(word, Some("em" | "no" | "na" | "nos" | "nas" | "dentro")),
        Lang::Ar => matches!(word, Some("في" | "داخل")),
        Lang::En => false,
    };
    foreign
        || matches!(
            word,
            Some("in" | "inside" | "into" | "across" | "throughout" | "within" | "at")
        )
}

/// Whether a line is in title case (`Troops Raid Gaza Hospital in Pre-Dawn Attack`):
/// four words or more, at least nine in ten of them capitalised, short function words
/// aside.
fn title_case(tokens: &[Token]) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from",
        "as", "vs", "de", "la", "el", "le", "du", "des", "del", "da", "do", "y", "e", "et",
    ];
    let (mut words, mut lower) = (0, 0);
    for t in tokens {
        if t.arabic || !t.norm.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        if t.norm.len() <= 4 && SMALL.contains(&t.norm.as_str()) {
            continue;
        }
        words += 1;
        lower += usize::from(!t.capitalised);
        if lower * 10 > tokens.len() {
            return false; // more than a tenth of all the words, whatever follows
        }
    }
    words >= 4 && lower * 10 <= words
}

/// Nouns for a place inside one country. (`border` is not one: a border is shared.)
fn is_place_noun(word: Option<&str>) -> bool {
    matches!(
        word,
        Some(
            "village"
                | "villages"
                | "town"
                | "towns"
                | "city"
                | "cities"
                | "territory"
                | "soil"
                | "waters"
                | "airspace"
                | "province"
                | "provinces"
                | "countryside"
                | "coast"
                | "port"
                | "island"
                | "islands"
                | "camp"
                | "camps"
                | "refugee"
                | "mainland"
                | "capital"
                | "streets"
                | "suburb"
                | "suburbs"
                | "district"
                | "districts"
        )
    )
}

fn is_direction(word: Option<&str>) -> bool {
    matches!(
        word,
        Some(
            "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "northeastern"
                | "northwestern"
                | "southeastern"
                | "southwestern"
                | "north"
                | "south"
                | "east"
                | "west"
                | "rebel-held"
                | "government-held"
        )
    )
}

/// Splits text into words: runs of letters and digits, with apostrophes inside a word
/// (`O'Brien`) and dots inside an initialism (`U.S.`) kept. Possessives are dropped
/// (`China’s` -> `china`), hyphens split (`Saudi-led` -> `saudi`, `led`), and so are
/// French elisions (`l'Irak` -> `l'`, `irak`; `d'Ivoire` -> `d'`, `ivoire`). Arabic
/// words keep their vowel marks (dropped from the norm).
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (part, len) = word_part(text, i);
        if !part {
            i += len;
            continue;
        }
        // A run of word parts; `plain` while it is only ASCII letters and digits.
        let (start, mut plain) = (i, true);
        loop {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
            let (part, len) = word_part(text, i);
            if !part {
                break;
            }
            plain = false;
            i += len;
        }
        push_run(text, start, i, plain, &mut tokens);
    }
    tokens
}

/// Whether the character at byte `i` of `text` is part of a word (a letter, a digit,
/// an apostrophe, a dot or an Arabic vowel mark), and its length in bytes.
fn word_part(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'.'), 1);
    }
    let c = text[i..].chars().next().expect("a char at a char boundary");
    let part = c.is_alphanumeric() || c == '’' || is_arabic_mark(c);
    (part, c.len_utf8())
}

/// Adds the word(s) of the run `text[start..end]` to `tokens`; `plain` when the run
/// is only ASCII letters and digits (one word, as it stands).
fn push_run(text: &str, start: usize, end: usize, plain: bool, tokens: &mut Vec<Token>) {
    if plain {
        tokens.push(plain_token(text, start, end));
    } else {
        push_tokens(text, start, end, tokens);
    }
}

/// Adds the word(s) in `text[start..end]` (a run of letters, digits, dots and
/// apostrophes) to `tokens`.
fn push_tokens(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let raw = &text[start..end];
    // Leading dots and apostrophes are punctuation (quotes, ellipses).
    let lead = raw.len() - raw.trim_start_matches(['.', '\'', '’']).len();
    let raw = &raw[lead..];
    let start = start + lead;
    if raw.is_empty() {
        return;
    }
    if is_initialism(raw) {
        let core = raw.trim_end_matches(['\'', '’']);
        let core = core
            .strip_suffix("'s")
            .or(core.strip_suffix("’s"))
            .unwrap_or(core);
        tokens.push(make_token(text, start, start + core.len()));
        return;
    }
    // Split on dots (`end.The`, `1.5`), then trim apostrophes and possessives.
    let mut offset = start;
    for part in raw.split('.') {
        let part_start = offset;
        offset += part.len() + 1;
        let trimmed = part.trim_end_matches(['\'', '’']);
        let trimmed = trimmed
            .strip_suffix("'s")
            .or_else(|| trimmed.strip_suffix("’s"))
            .unwrap_or(trimmed);
        let lead = trimmed.len() - trimmed.trim_start_matches(['\'', '’']).len();
        if trimmed.len() > lead {
            let mut word_start = part_start + lead;
            if let Some(elided) = french_elision(&trimmed[lead..]) {
                tokens.push(make_token(text, word_start, word_start + elided));
                word_start += elided;
            }
            tokens.push(make_token(text, word_start, part_start + trimmed.len()));
        }
    }
}

/// The length in bytes of a French elided word opening `word` (`l'`, `d’`, `qu'`,
/// `jusqu'`), when a letter follows it.
fn french_elision(word: &str) -> Option<usize> {
    const ELIDED: &[&str] = &[
        "l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu",
    ];
    let apostrophe = word.find(['\'', '’'])?;
    let head = &word[..apostrophe];
    let rest = &word[apostrophe..];
    let after = rest.chars().nth(1)?;
    (after.is_alphabetic() && ELIDED.iter().any(|e| head.eq_ignore_ascii_case(e)))
        .then(|| apostrophe + rest.chars().next().map_or(0, char::len_utf8))
}

/// Whether `c` is a letter of the Arabic script.
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Arabic vowel marks and Quranic annotation signs (not letters, but inside words).
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}')
}

/// An Arabic word as forms are stored: presentation forms folded (NFKC), vowel marks
/// and the tatweel dropped, the hamza forms of alef as bare alef (`أ إ آ ٱ` -> `ا`),
/// alef maqsura as ya (`ى` -> `ي`) and ta marbuta as ha (`ة` -> `ه`), the usual
/// normalisation for matching Arabic text.
fn arabic_norm(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .filter(|&c| !is_arabic_mark(c) && c != '\u{0640}')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

/// An Arabic word (normalised) and its forms without the particles Arabic attaches:
/// a conjunction (`و` and, `ف` so), then a preposition (`ب` in, `ل` for, `ك` like),
/// where `لل` is `ل` before the article (`لليمن` -> `اليمن`). The word itself first.
fn arabic_variants(norm: &str) -> Vec<String> {
    let mut out = vec![norm.to_string()];
    for conj in ["", "و", "ف"] {
        let Some(w1) = norm.strip_prefix(conj) else {
            continue;
        };
        for prep in ["", "ب", "ل", "ك"] {
            if conj.is_empty() && prep.is_empty() {
                continue;
            }
            let Some(w2) = w1.strip_prefix(prep) else {
                continue;
            };
            if w2.chars().count() >= 2 {
                out.push(w2.to_string());
                if prep == "ل" && w2.starts_with('ل') {
                    out.push(format!("ا{w2}"));
                }
            }
        }
    }
    out
}

/// Whether an Arabic word opens with `ب` (in) before the article: `باليمن`, in Yemen.
fn arabic_locative_prefix(norm: &str) -> bool {
    ["بال", "وبال", "فبال"].iter().any(|p| norm.starts_with(p))
}

/// Guesses the language of a text from its script and its commonest function words
/// (`the`/`of`; `les`/`des`/`dans`; `los`/`del`/`para`; `os`/`do`/`em`): Arabic when
/// most letters are Arabic, else French, Spanish or Portuguese when their words
/// outnumber English ones, else English.
pub fn detect_language(paragraphs: &[&str]) -> Lang {
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "was", "were", "said", "with", "that", "for", "from",
        "has", "have", "by", "on", "which", "this", "it",
    ];
    const FR: &[&str] = &[
        "le", "les", "des", "du", "et", "est", "une", "dans", "pour", "sur", "qui", "au", "aux",
        "avec", "pas", "ont", "été", "sont", "cette", "il", "elle", "ils", "selon",
    ];
    const ES: &[&str] = &[
        "el", "los", "las", "del", "y", "es", "una", "por", "para", "con", "fue", "han", "su",
        "sus", "está", "como", "pero", "según", "lo", "al",
    ];
    // Not `no`, `nos`, `para`, `segundo`: Spanish words too.
    const PT: &[&str] = &[
        "o", "os", "do", "da", "dos", "das", "em", "na", "nas", "um", "uma", "com", "não", "ao",
        "aos", "pelo", "pela", "foi", "são", "também", "disse", "mais", "e", "à",
    ];
    // Each function word with the languages (bits 0 to 3) it is one of.
    static WORDS: LazyLock<FastMap<&'static str, u8>> = LazyLock::new(|| {
        let mut words = FastMap::default();
        for (k, list) in [EN, FR, ES, PT].iter().enumerate() {
            for &w in *list {
                *words.entry(w).or_insert(0) |= 1 << k;
            }
        }
        words
    });
    let mut tally = LanguageTally::default();
    // The first few thousand characters tell the language as well as the whole text.
    let mut seen = 0;
    for p in paragraphs {
        if seen > 1200 {
            break;
        }
        seen += p.len();
        tally.add(p, &WORDS);
    }
    let LanguageTally {
        arabic,
        latin,
        counts,
    } = tally;
    if arabic > latin {
        Lang::Ar
    } else if counts[3] > counts[0] && counts[3] > counts[1] && counts[3] > counts[2] {
        Lang::Pt
    } else if counts[1] > counts[0] && counts[1] >= counts[2] {
        Lang::Fr
    } else if counts[2] > counts[0] && counts[2] > counts[1] {
        Lang::Es
    } else {
        Lang::En
    }
}

/// What [`detect_language`] counts: letters in Arabic script and other letters, and
/// the function words of each language.
#[derive(Default)]
struct LanguageTally {
    arabic: usize,
    latin: usize,
    counts: [usize; 4],
}

impl LanguageTally {
    /// Counts the letters of `text`, and its lower-case words of up to six bytes (all
    /// the function words counted) found in `words` (the languages of each, as bits).
    fn add(&mut self, text: &str, words: &FastMap<&'static str, u8>) {
        let bytes = text.as_bytes();
        let mut word: Option<usize> = None;
        let mut i = 0;
        while i <= bytes.len() {
            let (alphabetic, len) = match bytes.get(i) {
                None => (false, 1),
                Some(b) if b.is_ascii() => {
                    let a = b.is_ascii_alphabetic();
                    self.latin += usize::from(a);
                    (a, 1)
                }
                Some(_) => {
                    let c = text[i..].chars().next().expect("a char at a char boundary");
                    if is_arabic(c) {
                        self.arabic += 1;
                    } else if c.is_alphabetic() {
                        self.latin += 1;
                    }
                    (c.is_alphabetic(), c.len_utf8())
                }
            };
            match (alphabetic, word) {
                (true, None) => word = Some(i),
                (false, Some(start)) => {
                    word = None;
                    let w = &text[start..i];
                    if w.len() <= 6
                        && w.chars().next().is_some_and(char::is_lowercase)
                        && let Some(&langs) = words.get(w)
                    {
                        for (k, count) in self.counts.iter_mut().enumerate() {
                            *count += usize::from(langs >> k & 1);
                        }
                    }
                }
                _ => {}
            }
            i += len;
        }
    }
}

/// `U.S.`, `U.K.`, `U.A.E.`, `u.s`: single letters each followed by a dot.
fn is_initialism(raw: &str) -> bool {
    if !raw.contains('.') {
        return false;
    }
    let core = raw.trim_end_matches(['\'', '’', 's']);
    core.chars().count() >= 3
        && core.chars().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_alphabetic()
            } else {
                c == '.'
            }
        })
}

/// [`make_token`] for a word of ASCII letters and digits only (most words).
fn plain_token(text: &str, start: usize, end: usize) -> Token {
    let s = &text.as_bytes()[start..end];
    let upper = s.iter().any(u8::is_ascii_uppercase);
    let lower = s.iter().any(u8::is_ascii_lowercase);
    let mut norm = CompactString::from(&text[start..end]);
    if upper {
        norm.make_ascii_lowercase();
    }
    Token {
        start,
        end,
        norm,
        capitalised: s[0].is_ascii_uppercase(),
        all_caps: upper && !lower,
        arabic: false,
        entry: UNSEEN,
    }
}

fn make_token(text: &str, start: usize, end: usize) -> Token {
    let s = &text[start..end];
    let ascii = s.is_ascii();
    let arabic = !ascii && s.chars().any(is_arabic);
    let (norm, all_caps) = if ascii {
        let (mut upper, mut lower) = (false, false);
        for &b in s.as_bytes() {
            upper |= b.is_ascii_uppercase();
            lower |= b.is_ascii_lowercase();
        }
        let mut norm = CompactString::from(s);
        if upper {
            norm.make_ascii_lowercase();
        }
        (norm, upper && !lower)
    } else {
        let norm = if arabic {
            arabic_norm(s).into()
        } else {
            deunicode::deunicode(s)
                .to_lowercase()
                .replace('’', "'")
                .into()
        };
        let caps = s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase);
        (norm, caps)
    };
    let capitalised = s.chars().next().is_some_and(char::is_uppercase);
    Token {
        start,
        end,
        norm,
        capitalised,
        all_caps,
        arabic,
        entry: UNSEEN,
    }
}

/// For each list of forms whose forms all have two words or more, their second words
/// (see `Gazetteer::form_seconds`).
fn second_words(form_lists: &[Vec<Form>]) -> Vec<Option<FastSet<String>>> {
    form_lists
        .iter()
        .map(|forms| {
            let multi = forms.iter().all(|f| f.words.len() >= 2);
            multi.then(|| forms.iter().map(|f| f.words[1].clone()).collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, date: &str) -> Vec<String> {
        let g = gazetteer();
        g.find_mentions(&[text], super::date(date))
            .into_iter()
            .map(|m| g.country(m.country).name.clone())
            .collect()
    }

    fn now(text: &str) -> Vec<String> {
        names(text, "2025-07-08")
    }

    #[test]
    fn tokens() {
        let t: Vec<String> =
            tokenize("U.S.-flagged tanker in China’s Côte d'Ivoire. Iran's end.The")
                .into_iter()
                .map(|t| t.norm.into_string())
                .collect();
        assert_eq!(
            t,
            [
                "u.s.", "flagged", "tanker", "in", "china", "cote", "d'", "ivoire", "iran", "end",
                "the"
            ]
        );
    }

    #[test]
    fn names_aliases_demonyms_capitals() {
        assert_eq!(now("Burma and Ivory Coast"), ["Myanmar", "Côte d'Ivoire"]);
        assert_eq!(
            now("the DRC and the U.S. and Britain"),
            [
                "Democratic Republic of the Congo",
                "United States",
                "United Kingdom"
            ]
        );
        assert_eq!(
            now("Chinese, Israeli and Saudi-led forces"),
            ["China", "Israel", "Saudi Arabia"]
        );
        assert_eq!(now("Beijing warned Kyiv"), ["China", "Ukraine"]);
        assert_eq!(now("Burmese troops"), ["Myanmar"]);
        assert_eq!(now("Nigerian and Nigerien troops"), ["Nigeria", "Niger"]);
        assert_eq!(now("Iraqis and Filipinos"), ["Iraq", "Philippines"]);
        assert_eq!(
            now("Guinea-Bissau, Papua New Guinea and Guinea"),
            ["Guinea-Bissau", "Papua New Guinea", "Guinea"]
        );
        assert_eq!(now("South Sudan and Sudan"), ["South Sudan", "Sudan"]);
    }

    #[test]
    fn case_matters() {
        assert!(now("let us go, said the chad").is_empty());
        assert_eq!(
            now("US and UK officials"),
            ["United States", "United Kingdom"]
        );
    }

    #[test]
    fn false_friends_do_not_count() {
        assert!(now("the Indian Ocean and the Islamic State").is_empty());
        assert!(now("Islamic State of Iraq and the Levant fighters").is_empty());
        assert!(now("in New Mexico and Latin America").is_empty());
        assert!(now("Kharg Island").is_empty());
        assert_eq!(
            now("Atlanta, Georgia, and Georgia state officials"),
            Vec::<String>::new()
        );
        assert_eq!(now("the U.S. state of Georgia"), ["United States"]);
        assert_eq!(now("Georgia and Russia"), ["Georgia", "Russia"]);
        assert_eq!(
            now("U.S. envoy in Tbilisi, Georgia"),
            ["United States", "Georgia", "Georgia"]
        );
    }

    #[test]
    fn places_named_like_capitals_or_countries() {
        assert!(now("an attack on Mocimboa da Praia").is_empty());
        assert!(now("in Paris, Texas, and Lebanon, Pennsylvania").is_empty());
        assert_eq!(now("in Paris, France"), ["France", "France"]);
        assert!(now("the Indian ocean and the islamic state").is_empty());
    }

    #[test]
    fn historical_states_by_date() {
        assert_eq!(
            names("Moscow and the Soviet Union", "1987-03-23"),
            ["Soviet Union", "Soviet Union"]
        );
        assert_eq!(names("Moscow said", "2015-09-14"), ["Russia"]);
        assert_eq!(
            names("Bonn and West German police", "1987-03-24"),
            ["West Germany", "West Germany"]
        );
        assert_eq!(
            names("Zaire and Congo", "1987-03-26"),
            ["Zaire", "Republic of the Congo"]
        );
        assert_eq!(
            names("Congo", "2025-01-01"),
            ["Democratic Republic of the Congo"]
        );
        assert_eq!(names("Soviet-era jets", "2015-09-14"), ["Soviet Union"]);
    }

    #[test]
    fn locative() {
        let g = gazetteer();
        let d = super::date("2025-01-01");
        let m = g.find_mentions(&["Clashes in northern Iraq, Iran said."], d);
        assert!(m[0].locative);
        assert!(!m[1].locative);
    }

    #[test]
    fn french_text() {
        assert_eq!(
            now("Les réfugiés centrafricains ont fui vers le Tchad et la RDC, selon la France."),
            [
                "Central African Republic",
                "Chad",
                "Democratic Republic of the Congo",
                "France"
            ]
        );
        assert_eq!(
            now("L’armée tchadienne est entrée en Centrafrique avec des soldats français."),
            ["Chad", "Central African Republic", "France"]
        );
        // Elisions: `l'Irak`, `d'Afghanistan`.
        assert_eq!(
            now("Les troupes ont quitté l'Irak et la frontière d’Afghanistan."),
            ["Iraq", "Afghanistan"]
        );
        assert_eq!(
            now("Des Camerounais et des Maliens au Maroc."),
            ["Cameroon", "Mali", "Morocco"]
        );
        assert!(now("Les Latino-Américains du golfe de Guinée.").is_empty());
    }

    #[test]
    fn spanish_text() {
        assert_eq!(
            now("El ejército colombiano y la policía de Estados Unidos llegaron a México."),
            ["Colombia", "United States", "Mexico"]
        );
        assert_eq!(
            now("Los franceses y los EE. UU. firmaron con el gobierno venezolano en Perú."),
            ["France", "United States", "Venezuela", "Peru"]
        );
        // Spanish demonyms are lower case: `Frances` is a name.
        assert!(now("Según Frances Ortiz, la marcha fue pacífica para los de la zona.").is_empty());
    }

    #[test]
    fn arabic_text() {
        assert_eq!(
            now("شنت الولايات المتحدة وبريطانيا غارات على اليمن"),
            ["United States", "United Kingdom", "Yemen"]
        );
        assert_eq!(
            now("قال مسؤول إسرائيلي إن إيران تدعم الفلسطينيين في غزة"),
            ["Israel", "Iran", "Palestine", "Palestine"]
        );
        // Particles: `لليمن` (to Yemen), `بإيران` (in Iran), `والسعودية` (and Saudi
        // Arabia); vowel marks ignored.
        assert_eq!(
            now("وصلت سفينة يونانيّة لليمن بعد توقفها بإيران والسعودية"),
            ["Greece", "Yemen", "Iran", "Saudi Arabia"]
        );
        // Words that contain a name but are another word are not mentions.
        assert!(now("قال مسؤول مالي إن المساعدات ستصل").is_empty());
    }

    #[test]
    fn foreign_forms_stay_in_their_language() {
        // French and Spanish forms only in French and Spanish text (`Tchad` and
        // `Liban` are keshvar's own, matched anywhere): `RCA` the record label, `Maurice`
        // the first name, `chino` the trousers.
        assert!(now("Maurice wore chino trousers to the RCA studio in Amérique.").is_empty());
        assert_eq!(
            detect_language(&["The army said on Monday that the town fell."]),
            Lang::En
        );
        assert_eq!(
            detect_language(&["Les soldats sont arrivés dans la ville."]),
            Lang::Fr
        );
        assert_eq!(
            detect_language(&["Los soldados llegaron a la ciudad para el ataque."]),
            Lang::Es
        );
        assert_eq!(detect_language(&["قال مسؤول إن الوضع صعب"]), Lang::Ar);
    }

    #[test]
    fn communities_and_pasts_are_not_states() {
        assert_eq!(
            now("Bosnian Serb forces and ethnic Albanians in ex-Soviet lands"),
            ["Bosnia and Herzegovina"]
        );
        // A US state's guard is the United States'.
        assert_eq!(
            now("Georgia National Guard soldiers trained in Florida."),
            ["United States"]
        );
        assert!(now("talks on the Minsk agreements").is_empty());
        assert!(now("Michael Jordan flew Air France and Kenya Airways.").is_empty());
        assert_eq!(
            now("Will Iran retaliate? May Jordan help?"),
            ["Iran", "Jordan"]
        );
        assert_eq!(now("talks in Minsk"), ["Belarus"]);
    }

    #[test]
    fn america_is_the_united_states_in_english_only() {
        assert!(
            now(
                "La violencia en América preocupa a los expertos, según el informe del continente."
            )
            .is_empty()
        );
        assert!(now("A violência na América preocupa os governos da região.").is_empty());
        assert_eq!(now("Troops headed toward America."), ["United States"]);
    }

    #[test]
    fn portuguese_text() {
        assert_eq!(
            detect_language(&["A operação da polícia deixou mortos no bairro, disse o governo."]),
            Lang::Pt
        );
        assert_eq!(
            now("As forças moçambicanas e ruandesas atacaram as bases em Moçambique."),
            ["Mozambique", "Rwanda", "Mozambique"]
        );
        assert_eq!(
            now("O governo brasileiro falou com os Estados Unidos e com Angola."),
            ["Brazil", "United States", "Angola"]
        );
        // `Alemão` capitalised is the favela, not a German.
        assert!(now("A polícia entrou no Complexo do Alemão com blindados.").is_empty());
        let g = gazetteer();
        let m = g.find_mentions(
            &["Os soldados morreram em Moçambique."],
            super::date("2024-01-01"),
        );
        assert!(m[0].locative);
    }

    #[test]
    fn arabic_demonyms_inflected_and_more_names() {
        assert_eq!(
            now("قالت البحرية البريطانية إن جنودا بريطانيين والسفير البريطاني وصلوا"),
            ["United Kingdom", "United Kingdom", "United Kingdom"]
        );
        assert_eq!(now("سفينة ترفع علم جزر مارشال"), ["Marshall Islands"]);
        assert_eq!(
            now("قال الروس إن القوات التشادية انسحبت"),
            ["Russia", "Chad"]
        );
    }

    #[test]
    fn a_us_states_guard_is_the_united_states() {
        assert_eq!(
            now("The Illinois National Guard was sent to Chicago."),
            ["United States"]
        );
        assert_eq!(
            now("New York National Guard troops patrolled the subway."),
            ["United States"]
        );
    }

    /// A long text (two MB of lines naming countries and places, as a broken or
    /// hostile page might be): the mentions returned stay bounded, so that the
    /// importer's scoring, which compares every place with every country mention, does
    /// bounded work; every country is still named.
    #[test]
    fn long_texts_give_bounded_mentions() {
        let g = gazetteer();
        let lines = [
            "Troops from Jordan reached El Fasher on 3 May 2024.",
            "Georgia said Tbilisi and Kyiv would talk in Khartoum.",
        ];
        let text: Vec<&str> = lines.iter().copied().cycle().take(40_000).collect();
        let bytes: usize = text.iter().map(|p| p.len() + 1).sum();
        assert!(bytes > 2_000_000);
        let (m, p) = g.find_mentions_and_places(&text, super::date("2024-05-03"));
        assert!(m.len() <= MAX_MENTIONS + g.countries().len(), "{}", m.len());
        assert!(p.len() <= 2 * places::MAX_PLACE_MENTIONS, "{}", p.len());
        // The work of comparing them all: bounded whatever the text's length.
        assert!(m.len() * p.len() <= 2 * (MAX_MENTIONS + 300) * places::MAX_PLACE_MENTIONS);
        let mut named: Vec<&str> = m
            .iter()
            .map(|m| g.country(m.country).code.as_str())
            .collect();
        named.sort();
        named.dedup();
        assert_eq!(named, ["GE", "JO", "SD", "UA"]);
        // A country first named past the cap is still returned, once.
        let mut late = text.clone();
        late.push("Chad closed its border.");
        let m = g.find_mentions(&late, super::date("2024-05-03"));
        assert_eq!(
            m.iter()
                .filter(|m| g.country(m.country).code == "TD")
                .count(),
            1
        );
    }

    #[test]
    fn lookup_by_any_name() {
        let g = gazetteer();
        assert_eq!(g.lookup("Burma").unwrap().name, "Myanmar");
        assert_eq!(g.lookup("u.s.").unwrap().name, "United States");
        assert_eq!(g.lookup("Myanmar").unwrap().code, "MM");
        assert!(g.lookup("Atlantis").is_none());
        assert_eq!(g.lookup("NO").unwrap().name, "Norway");
        assert_eq!(g.lookup("US").unwrap().name, "United States");
        assert_eq!(g.lookup("Tchad").unwrap().name, "Chad");
        assert_eq!(g.lookup("اليمن").unwrap().name, "Yemen");
    }

    #[test]
    fn every_sovereign_state_is_known() {
        let g = gazetteer();
        // 193 UN members + PS, VA, TW + the extra states.
        assert_eq!(g.countries().len(), 196 + EXTRA_STATES.len());
        for c in g.countries() {
            assert_eq!(
                g.lookup(&c.name).map(|x| &x.code),
                Some(&c.code),
                "{}",
                c.name
            );
        }
    }
}
