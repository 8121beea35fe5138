//! What a page tells the sites it is shared on and the search engines that read it:
//! the values of its Open Graph and Twitter card tags, and for a report a schema.org
//! `NewsArticle` in JSON-LD (<https://schema.org/NewsArticle>).
//!
//! The JSON-LD is made here with serde_json, never by templates, and is safe to print
//! unescaped inside `<script type="application/ld+json">`: see [`script_json`].

use serde::Serialize;

/// The sharing metadata of one page, as `base.html` prints it in `<head>`.
#[derive(Debug, Clone, Default, Serialize, Hash)]
pub struct ShareView {
    /// `og:title`: the page's own title, without the site's (`Fighting in El
    /// Fasher`, `Africa — page 2`).
    pub title: String,
    /// `og:type`: `article` for a report, `website` for every other page.
    pub kind: &'static str,
    /// `og:url` and the canonical link: the page's absolute URL (`base_url` + path).
    pub url: String,
    /// `og:description` and the `description` meta tag: a report's summary, a list
    /// page's subject (`Reports from Africa`), else the site's description.
    pub description: String,
    /// `article:published_time` of a report: its date, `YYYY-MM-DD` (ISO 8601).
    pub published: Option<String>,
    /// A report's schema.org `NewsArticle` as JSON-LD, ready to print inside a
    /// `<script>` element (see [`script_json`]).
    pub json_ld: Option<String>,
}

/// The site-wide values a report's JSON-LD names.
pub struct Publisher<'a> {
    /// The site's title: the publishing `Organization`'s name.
    pub name: &'a str,
    /// The site's `base_url`: the organisation's URL.
    pub url: &'a str,
    /// The site's language, a BCP 47 tag (`inLanguage`).
    pub language: &'a str,
}

#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    url: &'a str,
    main_entity_of_page: &'a str,
    date_published: &'a str,
    in_language: &'a str,
    publisher: Thing<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    content_location: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

/// What a report's `NewsArticle` tells of it.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The headline.
    pub title: &'a str,
    /// The report page's absolute URL.
    pub permalink: &'a str,
    /// `YYYY-MM-DD`, or a moment in RFC 3339.
    pub date: &'a str,
    /// Countries, primary first.
    pub countries: &'a [String],
    /// The region's name.
    pub region: Option<&'a str>,
    /// The summary.
    pub summary: Option<&'a str>,
}

/// The schema.org `NewsArticle` of `report`, published by `publisher`, as JSON-LD
/// safe inside `<script>`: `headline`, `url` and `mainEntityOfPage` (its permalink),
/// `datePublished` (`YYYY-MM-DD`), `inLanguage`, `publisher` (an `Organization`),
/// `contentLocation` (a `Place` per country, primary first; left out when none),
/// `articleSection` (the region) and `description` (the summary), each left out when
/// absent.
pub fn news_article(report: &Article, publisher: &Publisher) -> String {
    let article = NewsArticle {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: report.title,
        url: report.permalink,
        main_entity_of_page: report.permalink,
        date_published: report.date,
        in_language: publisher.language,
        publisher: Thing {
            kind: "Organization",
            name: publisher.name,
            url: Some(publisher.url),
        },
        content_location: report
            .countries
            .iter()
            .map(|c| Thing {
                kind: "Place",
                name: c,
                url: None,
            })
            .collect(),
        article_section: report.region,
        description: report.summary,
    };
    script_json(&article)
}

/// `value` as JSON that can be printed as is between `<script>` and `</script>`:
/// `<`, `>` and `&` are written as the escapes `\u003c`, `\u003e` and `\u0026`, so
/// no string in it can close the element (`</script>`) or open a comment (`<!--`),
/// and the JSON parses to the same value. (Those characters only occur inside JSON
/// strings, where the escapes mean the same.)
pub fn script_json(value: &impl Serialize) -> String {
    // Serialising plain structs of strings cannot fail.
    let json = serde_json::to_string(value).expect("JSON-LD serialises");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let countries = vec!["Sudan".to_string(), "Chad".to_string()];
        let title = "Raid on \"El Fasher\" </script><script>alert(1)</script> & <!--";
        let report = Article {
            title,
            permalink: "https://e.org/reports/x/",
            date: "2025-06-30",
            countries: &countries,
            region: Some("Africa"),
            summary: None,
        };
        let publisher = Publisher {
            name: "Site <b>",
            url: "https://e.org/",
            language: "en",
        };
        let json = news_article(&report, &publisher);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["headline"], title);
        assert_eq!(v["publisher"]["name"], "Site <b>");
        assert_eq!(v["datePublished"], "2025-06-30");
        assert_eq!(v["contentLocation"][1]["name"], "Chad");
        assert_eq!(v["contentLocation"][1]["@type"], "Place");
        assert_eq!(v["articleSection"], "Africa");
        assert!(v.get("description").is_none(), "no summary, no description");
    }
}
