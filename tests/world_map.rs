//! The world map on the home, region and month pages: shaded countries with their
//! counts, links to their pages, neutral countries, the counts table, the shared
//! shapes file, and the size the map adds to a page. Also the derivation script's
//! projection checks (`scripts/world_map.cjs --test`, under node; skipped, saying so,
//! when node is missing).

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// The fixture site with two more reports on Sudan (3 in all, the most), one on the
/// Soviet Union (a country the map does not draw) and one on an invented country.
fn site_with_more_reports() -> tempfile::TempDir {
    let tmp = fixture_copy();
    let reports = tmp.path().join("content/reports");
    for (file, date, countries) in [
        ("2025-07-01-sudan-2.md", "2025-07-01", "[Sudan]"),
        ("2025-07-02-sudan-3.md", "2025-07-02", "[Sudan, Chad]"),
        ("2025-07-03-soviet.md", "2025-07-03", "[Soviet Union]"),
        ("2025-07-04-westeros.md", "2025-07-04", "[Westeros]"),
    ] {
        let text = format!(
            "---\ntitle: Report {file}\ndate: {date}\nregion: Africa\ncountries: {countries}\n---\nText.\n"
        );
        std::fs::write(reports.join(file), text).unwrap();
    }
    tmp
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The map section of a page (from the map's `<div>` to its end).
fn map_section(html: &str) -> &str {
    let start = html
        .find("<div class=\"map-section\">")
        .expect("the page has a map");
    let end = start + html[start..].find("</details>\n</div>").unwrap() + 16;
    &html[start..end]
}

#[test]
fn the_home_page_map_shades_links_and_tabulates_countries() {
    let site = site_with_more_reports();
    let out = site.path().join("public");
    build_site(site.path(), Some(&out));
    let home = read(&out.join("index.html"));
    let map = map_section(&home);
    // Sudan, with the most reports, is in the top class (counts 1 to 3: one class
    // each), a link to its page, titled with its count.
    assert!(
        map.contains(
            "<a href=\"countries/sudan/\" class=\"m3\"><title>Sudan: 3 reports</title>\
             <use href=\"world-map.svg#SD\"/></a>"
        ),
        "{map:.2000}"
    );
    assert!(
        map.contains(
            "<a href=\"countries/myanmar/\" class=\"m1\"><title>Myanmar: 1 report</title>"
        )
    );
    // A country without reports is neutral: no link, no class.
    assert!(map.contains("<use href=\"world-map.svg#FR\"><title>France: no reports</title></use>"));
    assert!(!map.contains("countries/france/"));
    // N. Cyprus and Somaliland are drawn as Natural Earth draws them, never shaded.
    assert!(map.contains("<use href=\"world-map.svg#x-somaliland\"><title>Somaliland: no reports"));
    // The legend, the credit, and the table: every country, most reports first, those
    // the map lacks marked.
    assert!(map.contains("<span class=\"swatch m3\"></span>3</li>"));
    assert!(
        map.contains("Made with <a href=\"https://www.naturalearthdata.com/\">Natural Earth</a>")
    );
    assert!(
        map.contains("table (9 countries, 2 not on the map)"),
        "{map}"
    );
    let rows: Vec<&str> = map.split("<tr><td>").skip(1).collect();
    assert!(rows[0].starts_with("<a href=\"countries/sudan/\">Sudan</a></td><td>3</td>"));
    assert!(rows.iter().any(|r| r.starts_with(
        "<a href=\"countries/soviet-union/\">Soviet Union</a> <span class=\"muted\">(not on the map)</span></td><td>1</td>"
    )));
    assert!(
        rows.iter()
            .any(|r| r.contains(">Westeros</a> <span class=\"muted\">(not on the map)"))
    );
    // Every link of the map leads to a page that was written.
    for link in map.split("<a href=\"countries/").skip(1) {
        let slug = &link[..link.find('/').unwrap()];
        assert!(
            out.join("countries")
                .join(slug)
                .join("index.html")
                .is_file(),
            "{slug}"
        );
    }
    // The shapes are one shared file, with Sudan's path.
    let sprite = read(&out.join("world-map.svg"));
    assert!(sprite.contains("<path id=\"SD\" d=\"M"));
    assert!(sprite.contains("Made with Natural Earth"));
}

#[test]
fn region_and_month_pages_map_their_own_reports() {
    let site = site_with_more_reports();
    let out = site.path().join("public");
    build_site(site.path(), Some(&out));
    let africa = read(&out.join("regions/africa/index.html"));
    let map = map_section(&africa);
    assert!(map.contains("<a href=\"../../countries/sudan/\" class=\"m3\"><title>Sudan: 3 reports</title><use href=\"../../world-map.svg#SD\"/></a>"));
    // Egypt has no reports: neutral.
    assert!(
        map.contains("<use href=\"../../world-map.svg#EG\"><title>Egypt: no reports</title></use>")
    );
    assert!(map.contains("aria-label=\"Map of Africa's reports by country\""));
    // A region's map shows where its reports are (Sudan, Chad: the narrowest zoom,
    // 200 map units wide), with strokes scaled to match; a month's, the whole map.
    let view_box = |map: &str| {
        let start = map.find("viewBox=\"").unwrap() + 9;
        map[start..start + map[start..].find('"').unwrap()].to_string()
    };
    let africa_box: Vec<f64> = view_box(map)
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(africa_box[2], 200.0, "{africa_box:?}");
    assert!(map.contains("style=\"--map-scale:0.23\""));
    // Countries far from the zoomed part are left out of the page.
    assert!(!map.contains("#US\""));
    let june = read(&out.join("months/2025-06/index.html"));
    let map = map_section(&june);
    assert!(map.contains("<title>Sudan: 1 report</title>"));
    assert!(map.contains("<title>Syria: 1 report</title>"));
    assert!(map.contains("table (2 countries)"));
    assert_eq!(view_box(map), "133 0 862 439");
    // Later pages of a list and other pages have no map.
    for page in [
        "page/2/index.html",
        "regions/index.html",
        "countries/sudan/index.html",
    ] {
        assert!(!read(&out.join(page)).contains("class=\"map\""), "{page}");
    }
}

#[test]
fn the_map_adds_under_60_kb_to_a_page() {
    // The bundled example site: 41 reports, 57 countries.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_site(Path::new(env!("CARGO_MANIFEST_DIR")), Some(&out));
    for page in [
        "index.html",
        "regions/middle-east/index.html",
        "months/1987-03/index.html",
    ] {
        let html = read(&out.join(page));
        let bytes = map_section(&html).len();
        assert!((5_000..60_000).contains(&bytes), "{page}: {bytes} bytes");
    }
    let sprite = std::fs::metadata(out.join("world-map.svg")).unwrap().len();
    assert!(sprite < 30_000, "{sprite}");
}

#[test]
fn the_derivation_scripts_projection_passes_its_checks() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/world_map.cjs");
    let out = match Command::new("node").arg(script).arg("--test").output() {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipped: node is not installed ({e})");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.trim(), "projection: ok");
}
