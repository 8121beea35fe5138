//! Around each report: sharing metadata (Open Graph, Twitter card, canonical link,
//! schema.org JSON-LD), JSON Feeds, per-country feeds and the CSV export, on a copy of
//! the fixture site (`tests/fixtures/site/`) with one report whose title is hostile.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use scraper::{Html, Selector};

const BASE: &str = "https://example.org/sitrep/";
/// A title that would end a `<script>` element, open a comment, or end an attribute,
/// were it printed as it is.
const HOSTILE: &str =
    r#"Shelling </script><script>alert("x")</script> in 'Kharkiv' & <!-- Donetsk"#;

/// The fixture site plus `reports/2025-07-21-hostile/` (Ukraine, Russia), built:
/// 6 reports, newest first: hostile, gaza, kachin, sudan, human-region, overview.
fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = fixture_copy();
    let title = HOSTILE.replace('\'', "''");
    std::fs::write(
        tmp.path().join("content/reports/2025-07-21-hostile.md"),
        format!(
            "---\ntitle: '{title}'\ndate: 2025-07-21\ncountries: [Ukraine, Russia]\nsource: \"Wire, Inc.\"\n---\n\nText.\n"
        ),
    )
    .unwrap();
    let out = tmp.path().join("public");
    build_site(tmp.path(), Some(&out));
    (tmp, out)
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn json(out: &Path, file: &str) -> serde_json::Value {
    serde_json::from_str(&read(out, file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn page(out: &Path, file: &str) -> Html {
    Html::parse_document(&read(out, file))
}

/// The `content` of `<meta property=...>` or `<meta name=...>`.
fn meta(html: &Html, key: &str) -> Option<String> {
    let sel = Selector::parse(&format!(r#"meta[property="{key}"], meta[name="{key}"]"#)).unwrap();
    html.select(&sel)
        .next()
        .map(|e| e.value().attr("content").unwrap().to_string())
}

fn attr(html: &Html, selector: &str, name: &str) -> Vec<String> {
    html.select(&Selector::parse(selector).unwrap())
        .map(|e| e.value().attr(name).unwrap().to_string())
        .collect()
}

fn text_of(html: &Html, selector: &str) -> Vec<String> {
    html.select(&Selector::parse(selector).unwrap())
        .map(|e| e.text().collect())
        .collect()
}

/// The page's JSON-LD, parsed; `None` when it has none.
fn json_ld(html: &Html) -> Option<serde_json::Value> {
    let scripts = text_of(html, r#"script[type="application/ld+json"]"#);
    assert!(scripts.len() <= 1, "one JSON-LD block at most: {scripts:?}");
    scripts
        .first()
        .map(|s| serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}")))
}

#[test]
fn report_pages_share_their_title_date_and_places() {
    let (_tmp, out) = built();
    let url = format!("{BASE}reports/2025-07-08-kachin/");
    let html = page(&out, "reports/2025-07-08-kachin/index.html");
    let title = "China presses Kachin rebels over Bhamo";
    assert_eq!(text_of(&html, "h1"), [title]);
    assert_eq!(meta(&html, "og:title").as_deref(), Some(title));
    assert_eq!(meta(&html, "og:type").as_deref(), Some("article"));
    assert_eq!(meta(&html, "og:url"), Some(url.clone()));
    assert_eq!(
        attr(&html, r#"link[rel="canonical"]"#, "href"),
        [url.as_str()]
    );
    assert_eq!(
        meta(&html, "og:description").as_deref(),
        Some("China is pressing the KIA.")
    );
    assert_eq!(meta(&html, "description"), meta(&html, "og:description"));
    assert_eq!(
        meta(&html, "og:site_name").as_deref(),
        Some("Fixture Sitrep")
    );
    assert_eq!(
        meta(&html, "article:published_time").as_deref(),
        Some("2025-07-08")
    );
    assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary"));

    let ld = json_ld(&html).expect("a report has JSON-LD");
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], title);
    assert_eq!(ld["datePublished"], "2025-07-08");
    assert_eq!(ld["url"], url.as_str());
    assert_eq!(ld["description"], "China is pressing the KIA.");
    assert_eq!(ld["articleSection"], "Asia-Pacific");
    assert_eq!(
        ld["publisher"],
        serde_json::json!({"@type": "Organization", "name": "Fixture Sitrep", "url": BASE})
    );
    // One Place per country, primary first, in their common names (Burma: Myanmar).
    assert_eq!(
        ld["contentLocation"],
        serde_json::json!([
            {"@type": "Place", "name": "China"},
            {"@type": "Place", "name": "Myanmar"}
        ])
    );

    // Without a summary: the site's description, and no description in the JSON-LD.
    let sudan = page(&out, "reports/2025-06-30-sudan/index.html");
    assert_eq!(
        meta(&sudan, "og:description").as_deref(),
        Some("A small site for the build tests.")
    );
    let ld = json_ld(&sudan).unwrap();
    assert_eq!(ld["datePublished"], "2025-06-30");
    assert_eq!(ld["contentLocation"][0]["name"], "Sudan");
    assert!(ld.get("description").is_none(), "{ld}");
    // Without countries: no contentLocation.
    let overview = json_ld(&page(&out, "analysis/overview/index.html")).unwrap();
    assert!(overview.get("contentLocation").is_none(), "{overview}");
}

#[test]
fn list_pages_are_websites_without_json_ld() {
    let (_tmp, out) = built();
    for (file, title, path, description) in [
        (
            "index.html",
            "Fixture Sitrep",
            "",
            "A small site for the build tests.",
        ),
        (
            "page/2/index.html",
            "Fixture Sitrep — page 2",
            "page/2/",
            "A small site for the build tests.",
        ),
        (
            "regions/africa/index.html",
            "Africa",
            "regions/africa/",
            "Reports from Africa",
        ),
        (
            "countries/israel/index.html",
            "Israel",
            "countries/israel/",
            "Reports that mention Israel",
        ),
        (
            "months/2025-07/index.html",
            "July 2025",
            "months/2025-07/",
            "Reports from July 2025",
        ),
        (
            "regions/index.html",
            "Regions",
            "regions/",
            "A small site for the build tests.",
        ),
    ] {
        let html = page(&out, file);
        assert_eq!(meta(&html, "og:title").as_deref(), Some(title), "{file}");
        assert_eq!(meta(&html, "og:type").as_deref(), Some("website"), "{file}");
        let url = format!("{BASE}{path}");
        assert_eq!(meta(&html, "og:url"), Some(url.clone()), "{file}");
        assert_eq!(
            attr(&html, r#"link[rel="canonical"]"#, "href"),
            [url],
            "{file}"
        );
        assert_eq!(meta(&html, "og:description").as_deref(), Some(description));
        assert_eq!(meta(&html, "description").as_deref(), Some(description));
        assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary"));
        assert!(meta(&html, "article:published_time").is_none(), "{file}");
        assert!(json_ld(&html).is_none(), "{file}");
    }
}

#[test]
fn a_hostile_title_stays_inside_the_json_ld() {
    let (_tmp, out) = built();
    let raw = read(&out, "reports/2025-07-21-hostile/index.html");
    let start = raw.find(r#"<script type="application/ld+json">"#).unwrap();
    let body = &raw[start + r#"<script type="application/ld+json">"#.len()..];
    let block = &body[..body.find("</script>").unwrap()];
    assert!(!block.contains('<'), "{block}");
    let ld: serde_json::Value = serde_json::from_str(block).unwrap();
    assert_eq!(ld["headline"], HOSTILE);
    assert_eq!(ld["datePublished"], "2025-07-21");
    assert_eq!(ld["contentLocation"][1]["name"], "Russia");
    // The page has no script but its own (the JSON-LD).
    let html = Html::parse_document(&raw);
    assert_eq!(
        attr(&html, "script", "type"),
        ["application/ld+json"],
        "no script escaped the title"
    );
    assert_eq!(meta(&html, "og:title").as_deref(), Some(HOSTILE));
    assert_eq!(text_of(&html, "h1"), [HOSTILE]);
}

fn item_urls(feed: &serde_json::Value) -> Vec<String> {
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i["url"]
                .as_str()
                .unwrap()
                .trim_start_matches(BASE)
                .to_string()
        })
        .collect()
}

#[test]
fn json_feeds_list_the_newest_reports_beside_each_atom_feed() {
    let (tmp, out) = built();
    let feed = json(&out, "feed.json");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], "Fixture Sitrep");
    assert_eq!(feed["home_page_url"], BASE);
    assert_eq!(feed["feed_url"], format!("{BASE}feed.json"));
    assert_eq!(feed["authors"][0]["name"], "Fixture Sitrep");
    assert_eq!(
        item_urls(&feed),
        [
            "reports/2025-07-21-hostile/",
            "reports/2025-07-20-gaza/",
            "reports/2025-07-08-kachin/",
            "reports/2025-06-30-sudan/",
            "reports/2025-06-02-human-region/",
            "analysis/overview/",
        ]
    );
    let gaza = &feed["items"][1];
    // The permanent id, as the Atom entry's.
    assert_eq!(
        gaza["id"],
        "tag:example.org,2025-07-20:reports/2025-07-20-gaza"
    );
    assert_eq!(gaza["url"], format!("{BASE}reports/2025-07-20-gaza/"));
    assert_eq!(gaza["title"], "Strikes on Gaza: day 3");
    assert_eq!(gaza["date_published"], "2025-07-20T00:00:00+00:00");
    assert_eq!(gaza["tags"], serde_json::json!(["Palestine", "Israel"]));
    assert_eq!(gaza["content_text"], "Strikes on Gaza: day 3");
    let kachin = &feed["items"][2];
    assert_eq!(kachin["summary"], "China is pressing the KIA.");
    assert_eq!(kachin["content_text"], "China is pressing the KIA.");
    assert_eq!(feed["items"][0]["title"], HOSTILE);

    let region = json(&out, "regions/middle-east/feed.json");
    assert_eq!(region["title"], "Middle East — Fixture Sitrep");
    assert_eq!(
        region["home_page_url"],
        format!("{BASE}regions/middle-east/")
    );
    assert_eq!(item_urls(&region), ["reports/2025-07-20-gaza/"]);

    // Linked from the pages, beside the Atom feeds.
    let home = page(&out, "index.html");
    assert_eq!(
        attr(&home, r#"link[type="application/feed+json"]"#, "href"),
        ["feed.json"]
    );
    let me = page(&out, "regions/middle-east/index.html");
    assert_eq!(
        attr(&me, r#"link[type="application/feed+json"]"#, "href"),
        ["../../feed.json", "../../regions/middle-east/feed.json"]
    );
    // Feeds are not in the sitemap.
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        !sitemap.contains(".json") && !sitemap.contains(".xml<"),
        "{sitemap}"
    );

    // `feed_limit` holds for every feed.
    let config = tmp.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}feed_limit: 2\n")).unwrap();
    build_site(tmp.path(), Some(&out));
    assert_eq!(
        item_urls(&json(&out, "feed.json")),
        ["reports/2025-07-21-hostile/", "reports/2025-07-20-gaza/"]
    );
    let atom = atom_syndication::Feed::read_from(read(&out, "atom.xml").as_bytes()).unwrap();
    assert_eq!(atom.entries().len(), 2);
}

/// The pages the feed's entries link to, from the site root.
fn atom_ids(out: &Path, file: &str) -> Vec<String> {
    let feed = atom_syndication::Feed::read_from(read(out, file).as_bytes()).unwrap();
    feed.entries()
        .iter()
        .map(|e| e.links()[0].href().trim_start_matches(BASE).to_string())
        .collect()
}

#[test]
fn each_country_has_its_own_feeds() {
    let (_tmp, out) = built();
    assert_eq!(
        atom_ids(&out, "countries/israel/atom.xml"),
        ["reports/2025-07-20-gaza/"]
    );
    assert_eq!(
        atom_ids(&out, "countries/myanmar/atom.xml"),
        ["reports/2025-07-08-kachin/"]
    );
    assert_eq!(
        atom_ids(&out, "countries/ukraine/atom.xml"),
        ["reports/2025-07-21-hostile/"]
    );
    let feed = atom_syndication::Feed::read_from(read(&out, "countries/sudan/atom.xml").as_bytes())
        .unwrap();
    assert_eq!(feed.title().as_str(), "Sudan — Fixture Sitrep");
    // A permanent id of the feed (see tests/feed_ids.rs), not its URL.
    assert!(feed.id().starts_with("urn:uuid:"), "{}", feed.id());
    assert_eq!(
        item_urls(&json(&out, "countries/sudan/feed.json")),
        ["reports/2025-06-30-sudan/"]
    );
    // Every country page links its feeds.
    let html = page(&out, "countries/sudan/index.html");
    assert!(
        attr(&html, r#"link[rel="alternate"]"#, "href")
            .iter()
            .any(|h| h == "../../countries/sudan/atom.xml")
    );
    assert!(
        attr(&html, r#"link[type="application/feed+json"]"#, "href")
            .iter()
            .any(|h| h == "../../countries/sudan/feed.json")
    );
}

fn csv_rows(out: &Path, file: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(read(out, file).as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_exports_have_hxl_tags_and_one_row_per_report() {
    let (tmp, out) = built();
    let rows = csv_rows(&out, "data/reports.csv");
    assert_eq!(
        rows[0],
        [
            "date",
            "title",
            "url",
            "region",
            "countries",
            "source",
            "trend",
            "alert"
        ]
    );
    assert_eq!(
        rows[1],
        [
            "#date",
            "#meta+title",
            "#meta+url",
            "#region+name",
            "#country+name",
            "#meta+source",
            "#status+trend",
            "#description+alert"
        ]
    );
    assert_eq!(rows.len(), 2 + 6);
    assert_eq!(
        rows[2],
        [
            "2025-07-21",
            HOSTILE,
            &format!("{BASE}reports/2025-07-21-hostile/"),
            "Europe",
            "Ukraine | Russia",
            "Wire, Inc.",
            "",
            ""
        ]
    );
    assert_eq!(
        rows[3],
        [
            "2025-07-20",
            "Strikes on Gaza: day 3",
            &format!("{BASE}reports/2025-07-20-gaza/"),
            "Middle East",
            "Palestine | Israel",
            "Wire",
            "",
            ""
        ]
    );
    // No countries, no source: empty cells.
    assert_eq!(
        rows[7],
        [
            "2025-05-15",
            "Quarterly overview",
            &format!("{BASE}analysis/overview/"),
            "Asia-Pacific",
            "",
            "",
            "",
            ""
        ]
    );
    let june = csv_rows(&out, "data/2025-06.csv");
    assert_eq!(june.len(), 2 + 2);
    assert_eq!(june[1][0], "#date");
    assert_eq!(june[2][1], "Fighting in El Fasher");
    assert_eq!(june[3][1], "A report whose editor set the region");
    let index = json(&out, "data/index.json");
    assert_eq!(index["all_csv"], format!("{BASE}data/reports.csv"));
    assert_eq!(index["parts"][1]["csv_path"], "data/2025-06.csv");
    assert_eq!(
        index["parts"][1]["csv_url"],
        format!("{BASE}data/2025-06.csv")
    );
    let home = page(&out, "index.html");
    let footer = attr(&home, ".site-footer a", "href");
    assert!(
        footer.contains(&"data/reports.csv".to_string()),
        "{footer:?}"
    );

    // Beyond `reports_json_limit`: by month only, and the footer links the index.
    let config = tmp.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}reports_json_limit: 5\n")).unwrap();
    build_site(tmp.path(), Some(&out));
    assert!(!out.join("data/reports.csv").exists());
    assert!(!out.join("reports.json").exists());
    let index = json(&out, "data/index.json");
    assert!(index["all_csv"].is_null());
    let parts: Vec<&str> = index["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["csv_path"].as_str().unwrap())
        .collect();
    assert_eq!(
        parts,
        ["data/2025-07.csv", "data/2025-06.csv", "data/2025-05.csv"]
    );
    let months: usize = parts.iter().map(|p| csv_rows(&out, p).len() - 2).sum();
    assert_eq!(months, 6, "every report in one month's file");
    let footer = attr(&page(&out, "index.html"), ".site-footer a", "href");
    assert!(
        !footer
            .iter()
            .any(|h| h.ends_with("reports.csv") || h.ends_with("reports.json"))
    );
    assert!(
        footer.contains(&"data/index.json".to_string()),
        "{footer:?}"
    );
}
