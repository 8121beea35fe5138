//! The front matter of a report: the YAML block between `---` lines at the top of a
//! content file. `import` writes it, `content` reads it; this module is the schema both
//! share.

use std::path::Path;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::site::date::ReportDate;

/// The front matter of one report.
///
/// Required: `title`, and `date` unless the report is a draft (an import that found
/// no date writes a draft without one, for an editor to date). Unknown keys are kept
/// in `extra` and passed to templates as `page.extra`.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
pub struct FrontMatter {
    /// The report's headline.
    pub title: String,
    /// The report's date: a day (`YYYY-MM-DD`), or a moment (an RFC 3339 timestamp,
    /// or `YYYY-MM-DD HH:MM[:SS]` in UTC) whose time and offset are kept
    /// ([`ReportDate`]). `None` only in a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<ReportDate>,
    /// The outlet that published the report (`Clash Report`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The region, one of the site's regions or an alias of one. When absent, the
    /// build infers it from the first of `countries`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Countries the report mentions, primary (where the events happen) first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// A short summary shown on index pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The file name of the seed the report was imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// The report's permanent id, the `<id>` of its feed entries: a URI, written once
    /// by `sitrep import` (`tag:example.org,2025-07-08:reports/2025-07-08-sudan`) and
    /// never changed by sitrep. Without one, the report's id is made from its file
    /// ([`crate::site::ids`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Overrides the URL slug, which is otherwise the file name without `.md`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// A draft is not built (nor listed) unless `--drafts` is given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// What `sitrep import` inferred but was unsure of, for an editor to check
    /// (`[date, region]`); `sitrep check` lists the reports waiting for review. An
    /// editor who has checked a field removes its entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<Review>,
    /// The editor's judgement of where the situation the report is about is heading
    /// (`deteriorated`, `improved` or `unchanged`), as CrisisWatch tags its entries;
    /// shown as an arrow and collected on the month's edition. Any other value is an
    /// error naming the file and line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
    /// An editor's conflict-risk alert (`Risk of escalation around the port`): shown
    /// as a note on the report and collected on the month's edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<String>,
    /// Every other key, as written.
    #[serde(flatten)]
    pub extra: serde_yaml::Mapping,
}

impl FrontMatter {
    /// Removes control characters and non-characters that YAML escapes can put in its
    /// strings (`"\x01"`): they would make the feeds invalid XML and the pages invalid
    /// HTML. See [`crate::text::is_publishable`].
    pub fn strip_unpublishable(&mut self) {
        use crate::text::{strip_unpublishable, strip_unpublishable_value};
        self.for_each_string(|s| {
            strip_unpublishable(s);
        });
        self.extra.values_mut().for_each(strip_unpublishable_value);
    }

    /// Calls `f` on every string field: the title, the optional strings and each
    /// country (not `extra`, which holds YAML values).
    fn for_each_string(&mut self, mut f: impl FnMut(&mut String)) {
        f(&mut self.title);
        for s in [
            &mut self.source,
            &mut self.region,
            &mut self.summary,
            &mut self.seed,
            &mut self.id,
            &mut self.slug,
            &mut self.alert,
        ]
        .into_iter()
        .flatten()
        {
            f(s);
        }
        self.countries.iter_mut().for_each(f);
    }

    /// Puts every string in Unicode Normalization Form C ([`crate::text::nfc`]), so
    /// that a name typed decomposed (`Co` + U+0302 `te`, as macOS and copy-paste give
    /// it, or a YAML escape) is the same name as the composed one: one country, one
    /// region, one source, one slug.
    pub fn to_nfc(&mut self) {
        self.for_each_string(crate::text::to_nfc);
        crate::text::to_nfc_mapping(&mut self.extra);
    }
}

/// A field of the front matter an editor should check (see [`FrontMatter::review`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// The date: not found (the report is a draft), or guessed from the text.
    Date,
    /// The title: derived from the text, and not a clean headline.
    Title,
    /// The countries: none found, or named only in passing.
    Countries,
    /// The region: no country gave one, or the primary country was a close call.
    Region,
}

impl Review {
    /// The key's name, as written in front matter (`date`).
    pub fn name(self) -> &'static str {
        match self {
            Review::Date => "date",
            Review::Title => "title",
            Review::Countries => "countries",
            Review::Region => "region",
        }
    }
}

/// An editor's judgement of a situation (see [`FrontMatter::trend`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// The situation got worse.
    Deteriorated,
    /// The situation got better.
    Improved,
    /// No significant change.
    Unchanged,
}

impl Trend {
    /// The value as written in front matter (`deteriorated`).
    pub fn name(self) -> &'static str {
        match self {
            Trend::Deteriorated => "deteriorated",
            Trend::Improved => "improved",
            Trend::Unchanged => "unchanged",
        }
    }
}

/// A content file split into its front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The parsed front matter.
    pub front_matter: FrontMatter,
    /// The Markdown body after the closing `---` (and the blank lines after it).
    pub body: String,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Parses a content file: `---`, YAML, `---`, then Markdown. `path` is used in error
/// messages only. Strings of the front matter come out in Unicode NFC
/// ([`FrontMatter::to_nfc`]).
///
/// Errors name the file and, for YAML errors, the line and column in the file
/// (`content/reports/x.md:4:8: invalid type...`).
pub fn parse(text: &str, path: &Path) -> Result<Document> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        bail!(
            "{}:1:1: no front matter: the file must start with a `---` line",
            path.display()
        );
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut yaml_end = None;
    for line in lines {
        if line.trim_end() == "---" {
            yaml_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = yaml_end else {
        bail!(
            "{}:1:1: the front matter is not closed by a `---` line",
            path.display()
        );
    };
    let yaml = &text[yaml_start..yaml_end];
    let mut front_matter: FrontMatter =
        serde_yaml::from_str(yaml).map_err(|e| crate::site::config::yaml_error(path, 1, &e))?;
    front_matter.strip_unpublishable();
    front_matter.to_nfc();
    // An alert of spaces says nothing: no bare "Alert:" on the pages.
    if front_matter
        .alert
        .as_ref()
        .is_some_and(|a| a.trim().is_empty())
    {
        front_matter.alert = None;
    }
    if front_matter.title.trim().is_empty() {
        bail!("{}:2:1: `title` is empty", path.display());
    }
    if front_matter.date.is_none() && !front_matter.draft {
        bail!(
            "{}:2:1: no `date`: a report needs one (only a draft may go without)",
            path.display()
        );
    }
    let body = text[body_start..].trim_start_matches(['\r', '\n']);
    let body_line = text[..text.len() - body.len()].matches('\n').count() + 1;
    Ok(Document {
        front_matter,
        body: body.to_string(),
        body_line,
    })
}

/// Writes a content file: front matter between `---` lines, a blank line, the body.
pub fn to_string(front_matter: &FrontMatter, body: &str) -> String {
    let yaml = plain_yaml(front_matter).unwrap_or_else(|| {
        serde_yaml::to_string(front_matter).expect("front matter always serialises")
    });
    let mut out = String::with_capacity(yaml.len() + body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    out.push_str("---\n\n");
    out.push_str(body.trim_end());
    out.push('\n');
    out
}

/// The YAML `serde_yaml` writes for `fm`, written directly (several times faster) when
/// every string in it is one `serde_yaml` writes plain (see [`is_plain`]), its date is a
/// day with four digits and `extra` holds plain strings only; `None` otherwise.
fn plain_yaml(fm: &FrontMatter) -> Option<String> {
    use chrono::Datelike;
    let mut out = String::with_capacity(256 + fm.summary.as_ref().map_or(0, String::len));
    push_field(&mut out, "title", &fm.title)?;
    match fm.date {
        // `2025-07-08`: plain, as no number, null or boolean reads so. (A moment is
        // left to serde_yaml.)
        Some(ReportDate::Day(d)) if (1000..=9999).contains(&d.year()) => {
            out.push_str(&format!("date: {d}\n"))
        }
        Some(_) => return None,
        None => {}
    }
    for (key, value) in [("source", &fm.source), ("region", &fm.region)] {
        value
            .as_ref()
            .map_or(Some(()), |v| push_field(&mut out, key, v))?;
    }
    if !fm.countries.is_empty() {
        push_list(
            &mut out,
            "countries",
            fm.countries.iter().map(String::as_str),
        )?;
    }
    for (key, value) in [
        ("summary", &fm.summary),
        ("seed", &fm.seed),
        ("id", &fm.id),
        ("slug", &fm.slug),
    ] {
        value
            .as_ref()
            .map_or(Some(()), |v| push_field(&mut out, key, v))?;
    }
    if fm.draft {
        out.push_str("draft: true\n");
    }
    if !fm.review.is_empty() {
        push_list(&mut out, "review", fm.review.iter().map(|r| r.name()))?;
    }
    if let Some(trend) = fm.trend {
        push_field(&mut out, "trend", trend.name())?;
    }
    if let Some(alert) = &fm.alert {
        push_field(&mut out, "alert", alert)?;
    }
    for (key, value) in &fm.extra {
        let (Some(key), Some(value)) = (key.as_str(), value.as_str()) else {
            return None;
        };
        // A longer key is no simple key to libyaml.
        if key.len() > 128 || !is_plain(key) {
            return None;
        }
        push_field(&mut out, key, value)?;
    }
    Some(out)
}

/// `key: value` and a line end, when `value` is plain (see [`is_plain`]).
fn push_field(out: &mut String, key: &str, value: &str) -> Option<()> {
    is_plain(value).then(|| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(value);
        out.push('\n');
    })
}

/// `key:` and a line `- item` for each item, when every item is plain (see
/// [`is_plain`]).
fn push_list<'a>(out: &mut String, key: &str, items: impl Iterator<Item = &'a str>) -> Option<()> {
    out.push_str(key);
    out.push_str(":\n");
    for item in items {
        if !is_plain(item) {
            return None;
        }
        out.push_str("- ");
        out.push_str(item);
        out.push('\n');
    }
    Some(())
}

/// Whether `serde_yaml` writes `s` as a plain scalar, as a value or a simple key of a
/// block mapping: a conservative test (`false` for some strings written plain). Such
/// a string opens with a letter (so no indicator opens it and it reads as no number),
/// or with a digit when a dot in it is followed by neither a digit nor an exponent
/// (`00001.txt`: no number either); it is no `null`, `true` or `false`, has only
/// characters libyaml prints as they are and no line break, no `: ` (nor `:` at its
/// end), no ` #`, no trailing space.
fn is_plain(s: &str) -> bool {
    let no_number = || {
        s.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'.' && !(w[1].is_ascii_digit() || matches!(w[1], b'e' | b'E')))
    };
    let opening = s.starts_with(char::is_alphabetic)
        || (s.starts_with(|c: char| c.is_ascii_digit()) && no_number());
    if !opening
        || s.ends_with([' ', ':'])
        || s.contains(": ")
        || s.contains(" #")
        || matches!(
            s,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        )
    {
        return false;
    }
    // libyaml's printable characters, but for line breaks (`\n`, U+2028, U+2029).
    s.chars().all(|c| match c {
        ' '..='~' => true,
        '\u{2028}' | '\u{2029}' | '\u{feff}' => false,
        '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// Strings serde_yaml writes plain, quoted or in other styles.
    const TRICKY: &[&str] = &[
        "Plain words",
        "Sudan: army retakes El Fasher",
        "Ends with a colon:",
        "a:b",
        "x #y",
        "x#y",
        "null",
        "Null value",
        "true",
        "True story",
        "yes",
        "no",
        "on",
        "NO",
        "~",
        "- dash",
        "-dash",
        "?q",
        "'quoted'",
        "don't",
        "\"q\"",
        "#tag",
        "@at",
        "&amp",
        "*star",
        "!bang",
        "|pipe",
        "%pct",
        "`tick`",
        "[a]",
        "{a}",
        "a, b",
        "a [b] {c}",
        "2024",
        "2024-01-02",
        "0x1F",
        "1e5",
        ".inf",
        "inf",
        "NaN",
        "infinity",
        "Trailing ",
        " leading",
        "tab\there",
        "line\nbreak",
        "nel\u{85}x",
        "ls\u{2028}x",
        "bom\u{feff}x",
        "Côte d’Ivoire",
        "“Quoted” words",
        "Émile",
        "العربية",
        "emoji 😀",
        "nbsp\u{a0}x",
        "ctl\u{1}x",
        "c1\u{9f}x",
        "x\u{fffe}",
        "---",
        "...",
        "a...",
        "a---b",
        "",
        "é",
        "A: b",
        "a :b",
        "a: ",
        "k",
        "Año",
        "ΣΑΣ",
        "02599.txt",
        "00001.txt",
        "1.5",
        "1.e5",
        "1.E5",
        "0.5x",
        "1.2.3",
        "3rd place",
        "1st",
        "0x1.txt",
        "1.txt: x",
        "12.é",
    ];

    #[test]
    fn plain_yaml_is_what_serde_yaml_writes() {
        for &s in TRICKY {
            for key in ["title", "summary"] {
                let mut fm = FrontMatter {
                    title: "Title".into(),
                    date: NaiveDate::from_ymd_opt(2025, 7, 8).map(ReportDate::Day),
                    source: None,
                    region: None,
                    countries: vec![],
                    summary: None,
                    seed: None,
                    id: Some("tag:example.org,2025-07-08:reports/x".into()),
                    slug: None,
                    draft: true,
                    review: vec![Review::Date, Review::Region],
                    trend: Some(Trend::Deteriorated),
                    alert: None,
                    extra: Default::default(),
                };
                match key {
                    "title" => fm.title = s.into(),
                    _ => fm.summary = Some(s.into()),
                }
                fm.alert = Some(s.into());
                fm.countries = vec![s.into(), "Chad".into()];
                fm.extra.insert(s.into(), s.into());
                let want = serde_yaml::to_string(&fm).unwrap();
                if let Some(got) = plain_yaml(&fm) {
                    assert_eq!(got, want, "{s:?}");
                }
            }
        }
        // The usual front matter is written directly.
        let mut usual = fm();
        usual.title = "China presses Kachin rebels".into();
        assert_eq!(
            plain_yaml(&usual),
            Some(serde_yaml::to_string(&usual).unwrap())
        );
        assert_eq!(plain_yaml(&fm()), None, "a title with `: ` is quoted");
    }

    /// A string of the characters that decide how YAML writes a scalar: indicators,
    /// spaces, breaks, quotes, digits, dots, non-ASCII and non-printable characters.
    fn tricky() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let body = "[a-zA-Z0-9 .:#,'\"?!&*|>%@`~\\[\\]{}\\-+_eE\t\n\r\u{85}\u{a0}\u{2028}\u{feff}\u{fffe}\u{1}\u{9f}éΣ’😀]{0,10}";
        prop_oneof![
            body.prop_map(|s| s),
            ("[a-zA-Z0-9éΣ]", body).prop_map(|(a, b)| a + &b),
            prop::sample::select(vec![
                "null",
                "Null",
                "NULL",
                "true",
                "False",
                "yes",
                "no",
                "~",
                "",
                "1.0",
                "1.",
                ".5",
                "0x1F",
                "0o17",
                "0b11",
                "1e5",
                "007",
                "-007",
                "+1",
                ".inf",
                "-.inf",
                ".nan",
                "inf",
                "nan",
                "2024-01-02",
                "12:30",
                "1_000",
            ])
            .prop_map(String::from),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn plain_yaml_is_what_serde_yaml_writes_for_any_strings(
            title in tricky(),
            fields in proptest::collection::vec(proptest::option::of(tricky()), 6),
            countries in proptest::collection::vec(tricky(), 0..3),
            extra in proptest::collection::vec((tricky(), tricky()), 0..3),
            year in proptest::prop_oneof![1i32..=999, 1000i32..=9999],
            draft: bool,
        ) {
            let mut fields = fields.into_iter();
            let mut next = || fields.next().flatten();
            let mut fm = FrontMatter {
                title,
                date: NaiveDate::from_ymd_opt(year, 7, 8).map(ReportDate::Day),
                source: next(),
                region: next(),
                countries,
                summary: next(),
                seed: next(),
                id: next(),
                slug: next(),
                draft,
                review: if draft { vec![Review::Date] } else { vec![] },
                trend: None,
                alert: None,
                extra: Default::default(),
            };
            for (k, v) in extra {
                fm.extra.insert(k.into(), v.into());
            }
            let want = serde_yaml::to_string(&fm).unwrap();
            if let Some(got) = plain_yaml(&fm) {
                proptest::prop_assert_eq!(got, want);
            }
        }
    }

    fn fm() -> FrontMatter {
        FrontMatter {
            title: "China presses Kachin rebels: a test".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 7, 8).map(ReportDate::Day),
            source: Some("Clash Report".into()),
            region: Some("Asia-Pacific".into()),
            countries: vec!["China".into(), "Myanmar".into()],
            summary: Some("Summary.".into()),
            seed: Some("clash.txt".into()),
            id: None,
            slug: None,
            draft: false,
            review: vec![],
            trend: None,
            alert: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn round_trip_and_date_format() {
        let text = to_string(&fm(), "Body.\n\nMore.");
        assert!(text.contains("\ndate: 2025-07-08\n"), "{text}");
        let doc = parse(&text, Path::new("x.md")).unwrap();
        assert_eq!(doc.front_matter, fm());
        assert_eq!(doc.body, "Body.\n\nMore.\n");
        assert_eq!(doc.body_line, 13);
    }

    #[test]
    fn extra_keys_are_kept() {
        let doc = parse(
            "---\ntitle: T\ndate: 2025-07-08T10:00:00Z\nauthor: Ana\n---\nx",
            Path::new("x.md"),
        )
        .unwrap();
        assert_eq!(
            doc.front_matter.date.unwrap().to_string(),
            "2025-07-08T10:00:00+00:00"
        );
        assert_eq!(
            doc.front_matter
                .extra
                .get("author")
                .and_then(|v| v.as_str()),
            Some("Ana")
        );
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let p = Path::new("content/reports/bad.md");
        let e = parse("---\ntitle: T\ndate: [1, 2\n---\n", p)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("content/reports/bad.md:"), "{e}");
        let e = parse("---\ntitle: T\n---\n", p).unwrap_err().to_string();
        assert!(e.contains("date"), "{e}");
        let e = parse("---\ndate: 2025-07-08\n---\n", p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("title"), "{e}");
        let e = parse("---\ntitle: T\ndate: 2025-13-08\n---\n", p)
            .unwrap_err()
            .to_string();
        assert!(e.contains("content/reports/bad.md:3:"), "{e}");
        for far in ["+99999-01-01", "0000-01-01", "-0044-03-15"] {
            let e = parse(&format!("---\ntitle: T\ndate: {far}\n---\n"), p)
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("content/reports/bad.md:3:") && e.contains("1 to 9999"),
                "{far}: {e}"
            );
        }
        assert!(parse("no front matter", p).is_err());
        assert!(parse("---\ntitle: T\n", p).is_err());
    }
}
