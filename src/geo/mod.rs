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
//! [`Gazetteer::find_mentions`] scans text for these forms, longest match first, with
//! the case a proper noun needs (`Chad` but not `chad`, `US` but not `us`).

pub mod capitals;
pub mod news_forms;

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
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

/// A word of text, as the matcher sees it.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    start: usize,
    end: usize,
    /// Lower case, ASCII-folded (`Côte` -> `cote`), apostrophes straightened;
    /// initialisms keep their dots (`u.s.`).
    norm: String,
    capitalised: bool,
    all_caps: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CaseRule {
    Any,
    Capitalised,
    AllCaps,
}

#[derive(Debug, Clone)]
struct Form {
    words: Vec<String>,
    case: Vec<CaseRule>,
    /// `None` for a stop form.
    country: Option<usize>,
    kind: FormKind,
    valid: Option<(NaiveDate, NaiveDate)>,
}

/// The country data and the form index. Get the shared instance with [`gazetteer`].
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    by_code: HashMap<String, usize>,
    /// First word of a form -> forms starting with it, longest first.
    forms: HashMap<String, Vec<Form>>,
    /// [`US_STATES`], as normalised words.
    us_states: Vec<Vec<String>>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// The gazetteer, built on first use (a few milliseconds).
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("dates in the gazetteer tables are valid")
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            countries: Vec::new(),
            by_code: HashMap::new(),
            forms: HashMap::new(),
            us_states: US_STATES
                .iter()
                .map(|s| tokenize(s).into_iter().map(|t| t.norm).collect())
                .collect(),
        };
        let keshvar_forms = g.add_keshvar_states();
        for &(code, name, region_code) in EXTRA_STATES {
            g.add_country(code, name, region_code);
        }
        // The reviewed table first: its forms win over keshvar's for the same words.
        for &(code, forms) in NAMES {
            for f in forms {
                g.add_form(f, Some(g.by_code[code]), FormKind::Name, None);
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
        for f in STOP_FORMS {
            g.add_form(f, None, FormKind::Name, None);
        }
        for forms in g.forms.values_mut() {
            // Longest first; among equals, the first added (stable sort).
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
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
        let tokens = tokenize(text);
        let Some(first) = tokens.first() else { return };
        let words: Vec<String> = tokens.iter().map(|t| t.norm.clone()).collect();
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
        let case = if country.is_none() {
            vec![CaseRule::Any; words.len()]
        } else {
            case
        };
        let entry = self.forms.entry(first.norm.clone()).or_default();
        // The same words for the same dates twice: the first one stays.
        if entry.iter().any(|f| f.words == words && f.valid == valid) {
            return;
        }
        entry.push(Form {
            words,
            case,
            country,
            kind,
            valid,
        });
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
        let forms = self.forms.get(&first.norm)?;
        forms
            .iter()
            .find(|f| {
                f.words.len() == tokens.len()
                    && f.words.iter().zip(&tokens).all(|(w, t)| *w == t.norm)
            })
            .and_then(|f| f.country)
            .map(|i| &self.countries[i])
    }

    /// Finds every mention of a country in `paragraphs`, in text order. `date` is the
    /// report's date: names whose meaning changed (`Moscow` for the Soviet Union until
    /// 1991, `Congo`) are read as they were meant then.
    ///
    /// Ambiguous names are resolved over the whole text: `Georgia` is dropped when it
    /// follows a word showing the US state (`state of Georgia`, `Atlanta, Georgia`),
    /// or when the report mentions the United States and nothing shows the country
    /// (`Tbilisi`, `Georgian`, `Abkhazia`...).
    pub fn find_mentions(&self, paragraphs: &[&str], date: NaiveDate) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut georgia_cue = false;
        for (p, text) in paragraphs.iter().enumerate() {
            let tokens = tokenize(text);
            georgia_cue |= tokens
                .iter()
                .any(|t| GEORGIA_COUNTRY_CUES.contains(&t.norm.as_str()));
            let mut i = 0;
            while i < tokens.len() {
                let Some(form) = self.match_at(&tokens, i, date) else {
                    i += 1;
                    continue;
                };
                let n = form.words.len();
                if let Some(country) = form.country {
                    let prev = |k: usize| i.checked_sub(k).map(|j| tokens[j].norm.as_str());
                    let next = tokens.get(i + n).map(|t| t.norm.as_str());
                    // `in Syria`, `in northern Iraq`, `across south-east Turkey`, `in the Gulf`
                    let mut k = 1;
                    while k <= 3 && (is_direction(prev(k)) || prev(k) == Some("the")) {
                        k += 1;
                    }
                    let locative = is_locative(prev(k))
                        || (form.kind != FormKind::Name && is_place_noun(next));
                    let mut keep = true;
                    // `Mocimboa da Praia` is not Praia; `Santiago de Cuba` not Santiago.
                    if form.kind == FormKind::Capital
                        && prev(1).is_some_and(|w| PLACE_PARTICLES.contains(&w))
                        && tokens[i - 1].start < tokens[i].start
                        && !tokens[i - 1].capitalised
                    {
                        keep = false;
                    }
                    // `Paris, Texas`, `Lebanon, Pennsylvania`: a US town.
                    // (`Tbilisi, Georgia` is the country: the name after the comma is
                    // the same country's.)
                    if let Some(next) = tokens.get(i + n)
                        && text[tokens[i + n - 1].end..next.start].trim() == ","
                        && self.us_state_at(&tokens, i + n)
                        && self
                            .match_at(&tokens, i + n, date)
                            .is_none_or(|f| f.country != Some(country))
                    {
                        keep = false;
                    }
                    if self.countries[country].code == "GE" && form.kind == FormKind::Name {
                        let state_before = prev(1).is_some_and(|w| GEORGIA_STATE_CUES.contains(&w))
                            || (prev(1) == Some("of") && prev(2) == Some("state"));
                        let state_after = tokens.get(i + 1).is_some_and(|t| t.norm == "state");
                        keep = !(state_before || state_after);
                    }
                    if keep {
                        mentions.push(Mention {
                            country,
                            kind: form.kind,
                            paragraph: p,
                            span: (tokens[i].start, tokens[i + n - 1].end),
                            locative,
                        });
                    }
                }
                i += n;
            }
        }
        let us = self.by_code["US"];
        let ge = self.by_code["GE"];
        if !georgia_cue && mentions.iter().any(|m| m.country == us) {
            mentions.retain(|m| !(m.country == ge && m.kind == FormKind::Name));
        }
        mentions
    }

    /// Whether the tokens at `i` name a US state (`Texas`, `New York`).
    fn us_state_at(&self, tokens: &[Token], i: usize) -> bool {
        self.us_states.iter().any(|state| {
            state.len() + i <= tokens.len()
                && tokens[i].capitalised
                && state.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.norm)
        })
    }

    /// The longest form matching the tokens at `i`, if any.
    fn match_at(&self, tokens: &[Token], i: usize, date: NaiveDate) -> Option<&Form> {
        let candidates = self.forms.get(&tokens[i].norm)?;
        candidates.iter().find(|f| {
            i + f.words.len() <= tokens.len()
                && f.valid
                    .is_none_or(|(from, until)| from <= date && date <= until)
                && f.words
                    .iter()
                    .zip(&f.case)
                    .enumerate()
                    .all(|(k, (w, rule))| {
                        let t = &tokens[i + k];
                        *w == t.norm
                            && match rule {
                                CaseRule::Any => true,
                                CaseRule::Capitalised => t.capitalised,
                                CaseRule::AllCaps => t.all_caps,
                            }
                    })
        })
    }
}

fn is_locative(word: Option<&str>) -> bool {
    matches!(
        word,
        Some("in" | "inside" | "into" | "across" | "throughout" | "within" | "at")
    )
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
/// (`d'Ivoire`) and dots inside an initialism (`U.S.`) kept. Possessives are dropped
/// (`China’s` -> `china`), hyphens split (`Saudi-led` -> `saudi`, `led`).
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let is_part = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.');
    for (i, c) in text.char_indices() {
        match (is_part(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_tokens(text, s, i, &mut tokens);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_tokens(text, s, text.len(), &mut tokens);
    }
    tokens
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
            tokens.push(make_token(
                text,
                part_start + lead,
                part_start + trimmed.len(),
            ));
        }
    }
}

/// `U.S.`, `U.K.`, `U.A.E.`, `u.s`: single letters each followed by a dot.
fn is_initialism(raw: &str) -> bool {
    let core = raw.trim_end_matches(['\'', '’', 's']);
    let chars: Vec<char> = core.chars().collect();
    chars.len() >= 3
        && chars.iter().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_alphabetic()
            } else {
                *c == '.'
            }
        })
}

fn make_token(text: &str, start: usize, end: usize) -> Token {
    let s = &text[start..end];
    let norm = deunicode::deunicode(s).to_lowercase().replace('’', "'");
    let capitalised = s.chars().next().is_some_and(|c| c.is_uppercase());
    let all_caps = s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase());
    Token {
        start,
        end,
        norm,
        capitalised,
        all_caps,
    }
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
                .map(|t| t.norm)
                .collect();
        assert_eq!(
            t,
            [
                "u.s.", "flagged", "tanker", "in", "china", "cote", "d'ivoire", "iran", "end",
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
    fn lookup_by_any_name() {
        let g = gazetteer();
        assert_eq!(g.lookup("Burma").unwrap().name, "Myanmar");
        assert_eq!(g.lookup("u.s.").unwrap().name, "United States");
        assert_eq!(g.lookup("Myanmar").unwrap().code, "MM");
        assert!(g.lookup("Atlantis").is_none());
        assert_eq!(g.lookup("NO").unwrap().name, "Norway");
        assert_eq!(g.lookup("US").unwrap().name, "United States");
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
