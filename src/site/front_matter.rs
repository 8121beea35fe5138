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
        strip_unpublishable(&mut self.title);
        for s in [
            &mut self.source,
            &mut self.region,
            &mut self.summary,
            &mut self.seed,
            &mut self.id,
            &mut self.slug,
        ]
        .into_iter()
        .flatten()
        {
            strip_unpublishable(s);
        }
        self.countries.iter_mut().for_each(|c| {
            strip_unpublishable(c);
        });
        self.extra.values_mut().for_each(strip_unpublishable_value);
    }

    /// Puts every string in Unicode Normalization Form C ([`crate::text::nfc`]), so
    /// that a name typed decomposed (`Co` + U+0302 `te`, as macOS and copy-paste give
    /// it, or a YAML escape) is the same name as the composed one: one country, one
    /// region, one source, one slug.
    pub fn to_nfc(&mut self) {
        use crate::text::{to_nfc, to_nfc_mapping};
        to_nfc(&mut self.title);
        for s in [
            &mut self.source,
            &mut self.region,
            &mut self.summary,
            &mut self.seed,
            &mut self.id,
            &mut self.slug,
        ]
        .into_iter()
        .flatten()
        {
            to_nfc(s);
        }
        self.countries.iter_mut().for_each(to_nfc);
        to_nfc_mapping(&mut self.extra);
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
    let yaml = serde_yaml::to_string(front_matter).expect("front matter always serialises");
    let mut out = String::with_capacity(yaml.len() + body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    out.push_str("---\n\n");
    out.push_str(body.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
