//! Machine-readable outputs: Atom feeds (atom_syndication) and JSON Feeds (serde_json),
//! the sitemap (quick-xml), `robots.txt`, and the exports of every report as JSON and
//! as CSV with HXL hashtags (csv).
//!
//! All URLs are absolute, made from `base_url`, which may have a path
//! (`https://example.org/reports-site/`).

use anyhow::{Context, Result};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;

use crate::site::config::Config;
use crate::site::content::Page;
use crate::site::date::ReportDate;
use crate::site::paths::{REPORTS_CSV_PATH, sitemap_part_path};

/// A report date as an Atom timestamp: a moment's own instant and offset, a day's
/// midnight UTC ([`ReportDate::instant`]).
fn timestamp(date: ReportDate) -> FixedDateTime {
    date.instant()
}

/// An Atom feed of `reports` (newest first, at most [`Config::feed_len`]), titled
/// `title`, for the page at `page_path` and the feed at `feed_path` (paths from the
/// site root). Valid per RFC 4287: one id, title and updated on the feed and on each
/// entry, an author on the feed, a link to each report. Ids are permanent
/// ([`crate::site::ids`]): neither the scheme nor the path of `base_url`, nor a
/// report's URL, is in them.
///
/// Errors: writing the XML fails (not expected).
///
/// The feed is `updated` at `updated` (its newest entry's date; for a feed with no
/// entries, the newest report of the site), or 1970-01-01 for a site without reports.
pub fn atom_feed(
    config: &Config,
    title: &str,
    page_path: &str,
    feed_path: &str,
    reports: &[&Page],
    updated: Option<ReportDate>,
) -> Result<String> {
    let base = &config.base_url;
    let authority = crate::site::ids::authority(base);
    let reports = &reports[..reports.len().min(config.feed_len())];
    let entries: Vec<Entry> = reports
        .iter()
        .map(|p| atom_entry(base, &authority, p))
        .collect();
    let updated = updated.map_or_else(
        || {
            timestamp(ReportDate::Day(
                NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
            ))
        },
        timestamp,
    );
    let feed = Feed {
        title: Text::plain(title.to_string()),
        id: crate::site::ids::feed_id(&authority, feed_path),
        updated,
        authors: vec![Person {
            name: config
                .author
                .clone()
                .unwrap_or_else(|| config.title.clone()),
            ..Default::default()
        }],
        links: vec![
            Link {
                href: format!("{base}{feed_path}"),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: format!("{base}{page_path}"),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        subtitle: Some(Text::plain(config.description.clone())),
        lang: Some(config.language.clone()),
        generator: Some(atom_syndication::Generator {
            value: "sitrep".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
            ..Default::default()
        }),
        entries,
        ..Default::default()
    };
    let mut out = Vec::new();
    feed.write_to(&mut out)
        .context("cannot write the Atom feed")?;
    Ok(String::from_utf8(out).expect("the feed writer writes UTF-8"))
}

/// One report as an Atom entry, its links under `base` (the `base_url`), its id
/// permanent ([`Page::entry_id`] on the site whose host is `authority`).
fn atom_entry(base: &str, authority: &str, p: &Page) -> Entry {
    let fm = &p.front_matter;
    let url = format!("{base}{}", p.path);
    Entry {
        title: Text::plain(fm.title.clone()),
        id: p.entry_id(authority),
        updated: timestamp(p.date()),
        published: Some(timestamp(p.date())),
        links: vec![Link {
            href: url,
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Default::default()
        }],
        summary: fm.summary.clone().map(Text::plain),
        categories: p
            .region
            .iter()
            .map(|r| atom_syndication::Category {
                term: r.name.to_string(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// The JSON Feed version this module writes (<https://jsonfeed.org/version/1.1>).
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: String,
    feed_url: String,
    description: &'a str,
    language: &'a str,
    authors: [JsonAuthor; 1],
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor {
    name: String,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: String,
    url: String,
    title: &'a str,
    content_text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    date_published: String,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

/// A JSON Feed 1.1 of `reports` (newest first, at most [`Config::feed_len`]), titled
/// `title`, for the page at `page_path` and the feed at `feed_path` (paths from the
/// site root): the same reports as the Atom feed beside it. The feed has `version`,
/// `title`, `home_page_url`, `feed_url`, `description`, `language` and `authors`;
/// each item its permalink as `id` and `url`, `title`, `content_text` (the summary,
/// or the title when there is none: an item must have content), `summary` when
/// there is one, `date_published` (RFC 3339, midnight UTC of the report's date) and
/// its countries as `tags`.
///
/// Errors: serialising fails (not expected).
pub fn json_feed(
    config: &Config,
    title: &str,
    page_path: &str,
    feed_path: &str,
    reports: &[&Page],
) -> Result<String> {
    let base = &config.base_url;
    let authority = crate::site::ids::authority(base);
    let reports = &reports[..reports.len().min(config.feed_len())];
    let items = reports
        .iter()
        .map(|p| {
            let fm = &p.front_matter;
            JsonItem {
                // Permanent, as the Atom entry's ([`Page::entry_id`]).
                id: p.entry_id(&authority),
                url: format!("{base}{}", p.path),
                title: &fm.title,
                content_text: fm.summary.as_deref().unwrap_or(&fm.title),
                summary: fm.summary.as_deref(),
                date_published: timestamp(p.date()).to_rfc3339(),
                tags: p.countries(),
            }
        })
        .collect();
    let feed = JsonFeed {
        version: JSON_FEED_VERSION,
        title,
        home_page_url: format!("{base}{page_path}"),
        feed_url: format!("{base}{feed_path}"),
        description: &config.description,
        language: &config.language,
        authors: [JsonAuthor {
            name: config
                .author
                .clone()
                .unwrap_or_else(|| config.title.clone()),
        }],
        items,
    };
    let mut json = serde_json::to_string_pretty(&feed)?;
    json.push('\n');
    Ok(json)
}

/// One URL of the sitemap: a path from the site root and the date it last changed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SitemapEntry<'a> {
    /// Path from the site root (`reports/x/`, `` for the home page): a report's is
    /// borrowed from the site (one entry per report; no copy of its path).
    pub path: std::borrow::Cow<'a, str>,
    /// The newest report date on the page, if it has reports.
    pub lastmod: Option<ReportDate>,
}

/// `sitemap.xml` per the sitemaps.org protocol 0.9: absolute `<loc>` URLs under
/// `base_url`, with `<lastmod>` dates.
///
/// Errors: writing the XML fails (not expected).
pub fn sitemap(base_url: &str, entries: &[SitemapEntry<'_>]) -> Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut urlset = BytesStart::new("urlset");
    urlset.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    w.write_event(Event::Start(urlset))?;
    for e in entries {
        w.write_event(Event::Start(BytesStart::new("url")))?;
        write_element(&mut w, "loc", &format!("{base_url}{}", e.path))?;
        if let Some(d) = e.lastmod {
            write_element(&mut w, "lastmod", &d.to_string())?;
        }
        w.write_event(Event::End(BytesEnd::new("url")))?;
    }
    w.write_event(Event::End(BytesEnd::new("urlset")))?;
    let mut xml = String::from_utf8(w.into_inner()).expect("the XML writer writes UTF-8");
    xml.push('\n');
    Ok(xml)
}

fn write_element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) -> Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

/// The most URLs one sitemap file may list (sitemaps.org protocol).
pub const SITEMAP_LIMIT: usize = 50_000;

/// How many parts a sitemap of `entries` URLs is split into: none (one `sitemap.xml`)
/// up to `limit`, else `sitemap.xml` is an index of that many part files.
pub fn sitemap_parts(entries: usize, limit: usize) -> usize {
    if entries <= limit {
        0
    } else {
        entries.div_ceil(limit)
    }
}

/// `sitemap.xml` as a sitemap index (sitemaps.org) of `parts` part files
/// ([`sitemap_part_path`]), each last changed on `lastmod`.
///
/// Errors: writing the XML fails (not expected).
pub fn sitemap_index(
    base_url: &str,
    parts: usize,
    lastmod: &[Option<ReportDate>],
) -> Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut index = BytesStart::new("sitemapindex");
    index.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    w.write_event(Event::Start(index))?;
    for n in 0..parts {
        w.write_event(Event::Start(BytesStart::new("sitemap")))?;
        write_element(
            &mut w,
            "loc",
            &format!("{base_url}{}", sitemap_part_path(n)),
        )?;
        if let Some(Some(d)) = lastmod.get(n) {
            write_element(&mut w, "lastmod", &d.to_string())?;
        }
        w.write_event(Event::End(BytesEnd::new("sitemap")))?;
    }
    w.write_event(Event::End(BytesEnd::new("sitemapindex")))?;
    let mut xml = String::from_utf8(w.into_inner()).expect("the XML writer writes UTF-8");
    xml.push('\n');
    Ok(xml)
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots_txt(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n")
}

/// One report in `reports.json`.
#[derive(Debug, Serialize)]
struct ExportedReport<'a> {
    title: &'a str,
    /// The permanent id, as in the feeds ([`Page::entry_id`]).
    id: String,
    /// `YYYY-MM-DD`, or RFC 3339 with its offset for a moment.
    date: String,
    /// Absolute URL of the report's page.
    url: String,
    /// Path from the site root.
    path: &'a str,
    region: Option<&'a str>,
    countries: &'a [String],
    source: Option<&'a str>,
    summary: Option<&'a str>,
    seed: Option<&'a str>,
    /// The editor's judgement (`deteriorated`, `improved`, `unchanged`).
    trend: Option<&'static str>,
    /// The editor's alert.
    alert: Option<&'a str>,
    /// Other front matter keys, as written.
    extra: &'a serde_yaml::Mapping,
}

/// `reports.json`: every report's front matter and URL, newest first, as a JSON
/// array of objects with the fields `title`, `id` (permanent, as in the feeds),
/// `date` (`YYYY-MM-DD`, or RFC 3339 with its offset for a moment), `url` (absolute),
/// `path`, `region`, `countries`, `source`, `summary`, `seed`, `trend`, `alert` and
/// `extra` (every other front matter key); absent values are `null`.
///
/// Errors: serialising fails (not expected).
pub fn reports_json<'p>(
    base_url: &str,
    reports: impl IntoIterator<Item = &'p Page>,
) -> Result<String> {
    let authority = crate::site::ids::authority(base_url);
    let exported: Vec<ExportedReport> = reports
        .into_iter()
        .map(|p| {
            let fm = &p.front_matter;
            ExportedReport {
                title: &fm.title,
                id: p.entry_id(&authority),
                date: p.date().to_string(),
                url: format!("{base_url}{}", p.path),
                path: &p.path,
                region: p.region.as_ref().map(|r| r.name.as_ref()),
                countries: p.countries(),
                source: fm.source.as_deref(),
                summary: fm.summary.as_deref(),
                seed: fm.seed.as_deref(),
                trend: fm.trend.map(|t| t.name()),
                alert: fm.alert.as_deref(),
                extra: &fm.extra,
            }
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&exported)?;
    json.push('\n');
    Ok(json)
}

/// The columns of the CSV export: a header for people, and the HXL hashtag of each
/// (<https://hxlstandard.org>), written as the second row.
pub const CSV_COLUMNS: [(&str, &str); 8] = [
    ("date", "#date"),
    ("title", "#meta+title"),
    ("url", "#meta+url"),
    ("region", "#region+name"),
    ("countries", "#country+name"),
    ("source", "#meta+source"),
    ("trend", "#status+trend"),
    ("alert", "#description+alert"),
];

/// How the CSV export joins several countries in one cell (`Israel | Palestine`).
pub const CSV_LIST_SEPARATOR: &str = " | ";

/// The CSV export of `reports` (`data/reports.csv`, `data/YYYY-MM.csv`): one row per
/// report, in the given order (newest first), under a header row and a row of HXL
/// hashtags ([`CSV_COLUMNS`]): its date (`YYYY-MM-DD`), title, absolute URL, region,
/// countries (primary first, joined by [`CSV_LIST_SEPARATOR`]), source, and the
/// editor's trend and alert; absent
/// values are empty cells. Quoted as RFC 4180 says (a cell with a comma, a quote or a
/// line break is quoted, quotes doubled); lines end with `\n`.
///
/// Errors: writing fails (not expected).
pub fn reports_csv<'p>(
    base_url: &str,
    reports: impl IntoIterator<Item = &'p Page>,
) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS.map(|(header, _)| header))?;
    w.write_record(CSV_COLUMNS.map(|(_, tag)| tag))?;
    for p in reports {
        let fm = &p.front_matter;
        w.write_record([
            p.date().to_string().as_str(),
            &fm.title,
            &format!("{base_url}{}", p.path),
            p.region.as_ref().map_or("", |r| r.name.as_ref()),
            &p.countries().join(CSV_LIST_SEPARATOR),
            fm.source.as_deref().unwrap_or(""),
            fm.trend.map_or("", |t| t.name()),
            fm.alert.as_deref().unwrap_or(""),
        ])?;
    }
    let bytes = w.into_inner().context("cannot write the CSV export")?;
    Ok(String::from_utf8(bytes).expect("the CSV writer writes the UTF-8 it is given"))
}

/// One part of the data exports by month (see [`data_index`]).
#[derive(Debug, Clone, Serialize, Hash)]
pub struct DataPart {
    /// The month, `2025-07`.
    pub month: String,
    /// The part's path from the site root (`data/2025-07.json`).
    pub path: String,
    /// The path of the same reports as CSV (`data/2025-07.csv`, see [`reports_csv`]).
    pub csv_path: String,
    /// How many reports it holds.
    pub reports: usize,
    /// The date of its newest report (as written: a day, or a moment with its offset).
    pub updated: ReportDate,
}

/// `data/index.json`: how the site's data is exported, for programs that fetch it.
/// `{"reports": <total>, "all": <URL of reports.json, or null when the site is too big
/// for one file>, "all_csv": <URL of data/reports.csv, or null likewise>, "parts":
/// [{"month", "path", "csv_path", "url", "csv_url", "reports", "updated"}, ...]}`,
/// months newest first; each part is an array like `reports.json`'s, and a CSV file
/// like `data/reports.csv` (see [`reports_csv`]).
///
/// Errors: serialising fails (not expected).
pub fn data_index(
    base_url: &str,
    total: usize,
    with_all: bool,
    parts: &[DataPart],
) -> Result<String> {
    #[derive(Serialize)]
    struct Part<'a> {
        #[serde(flatten)]
        part: &'a DataPart,
        url: String,
        csv_url: String,
    }
    #[derive(Serialize)]
    struct Index<'a> {
        reports: usize,
        all: Option<String>,
        all_csv: Option<String>,
        parts: Vec<Part<'a>>,
    }
    let index = Index {
        reports: total,
        all: with_all.then(|| format!("{base_url}reports.json")),
        all_csv: with_all.then(|| format!("{base_url}{REPORTS_CSV_PATH}")),
        parts: parts
            .iter()
            .map(|part| Part {
                part,
                url: format!("{base_url}{}", part.path),
                csv_url: format!("{base_url}{}", part.csv_path),
            })
            .collect(),
    };
    let mut json = serde_json::to_string_pretty(&index)?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_escapes_and_uses_the_base_path() {
        let xml = sitemap(
            "https://example.org/sub/",
            &[
                SitemapEntry {
                    path: "".into(),
                    lastmod: NaiveDate::from_ymd_opt(2025, 7, 8).map(ReportDate::Day),
                },
                SitemapEntry {
                    path: "reports/a&b/".into(),
                    lastmod: None,
                },
            ],
        )
        .unwrap();
        assert!(xml.contains("<loc>https://example.org/sub/</loc>"), "{xml}");
        assert!(xml.contains("<lastmod>2025-07-08</lastmod>"), "{xml}");
        assert!(
            xml.contains("<loc>https://example.org/sub/reports/a&amp;b/</loc>"),
            "{xml}"
        );
    }

    #[test]
    fn big_sitemaps_are_split() {
        assert_eq!(sitemap_parts(50_000, SITEMAP_LIMIT), 0);
        assert_eq!(sitemap_parts(50_001, SITEMAP_LIMIT), 2);
        assert_eq!(sitemap_parts(100_188, SITEMAP_LIMIT), 3);
        let d = NaiveDate::from_ymd_opt(2025, 7, 8).map(ReportDate::Day);
        let xml = sitemap_index("https://e.org/s/", 2, &[d, None]).unwrap();
        assert!(
            xml.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        );
        assert!(xml.contains("<loc>https://e.org/s/sitemaps/sitemap-1.xml</loc>\n    <lastmod>2025-07-08</lastmod>"), "{xml}");
        assert!(
            xml.contains("<loc>https://e.org/s/sitemaps/sitemap-2.xml</loc>"),
            "{xml}"
        );
    }

    #[test]
    fn robots_names_the_sitemap() {
        assert!(robots_txt("https://e.org/x/").contains("Sitemap: https://e.org/x/sitemap.xml"));
    }
}
