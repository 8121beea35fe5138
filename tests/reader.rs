//! The reader's view: country dossiers, trend signals, editors' judgements and monthly
//! editions, on a site made here whose counts put the signal rules at their
//! boundaries (see `src/site/trend.rs`).

mod common;

use std::path::{Path, PathBuf};

use common::*;
use scraper::{Html, Selector};

/// The reports: (file stem, date, countries, extra front matter).
///
/// * Sudan: one report a month from January to December 2024, then three in January
///   2025, and named in Chad's four: 7 in January 2025, more than in each of the 12
///   months before: "most reports in 12 months".
/// * Chad: 3 reports in June 2024, 4 in January 2025: one more than its highest month,
///   a signal. Mali: 3 in June 2024, 3 in January 2025: equal, no signal.
/// * Ukraine (with Russia): one report in January 2025: too few for a signal.
fn reports() -> Vec<(String, String, &'static str, &'static str)> {
    let mut out = Vec::new();
    for m in 1..=12 {
        out.push((format!("sudan-{m}"), format!("2024-{m:02}-10"), "Sudan", ""));
    }
    for (k, extra) in [
        "trend: deteriorated",
        "alert: Famine warning in El Fasher",
        "",
    ]
    .into_iter()
    .enumerate()
    {
        // The last names Iraq in passing: its dossier still says Middle East.
        let countries = if k == 2 { "Sudan, Iraq" } else { "Sudan" };
        out.push((
            format!("sudan-new-{k}"),
            format!("2025-01-1{k}"),
            countries,
            extra,
        ));
    }
    for k in 0..3 {
        out.push((
            format!("chad-old-{k}"),
            format!("2024-06-0{}", k + 1),
            "Chad",
            "",
        ));
        out.push((
            format!("mali-old-{k}"),
            format!("2024-06-0{}", k + 1),
            "Mali",
            "",
        ));
        out.push((
            format!("mali-new-{k}"),
            format!("2025-01-0{}", k + 1),
            "Mali",
            "",
        ));
    }
    for k in 0..4 {
        let d = format!("2025-01-2{k}");
        out.push((format!("chad-new-{k}"), d, "Chad, Sudan", ""));
    }
    out.push((
        "ukraine".into(),
        "2025-01-05".into(),
        "Ukraine, Russia",
        // An alert of spaces is no alert.
        "trend: improved\nalert: '   '",
    ));
    out
}

/// The site, built: (its folder, the output).
fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content/reports");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        tmp.path().join("config.yaml"),
        "title: Reader\nbase_url: https://example.org/\n",
    )
    .unwrap();
    for (stem, date, countries, extra) in reports() {
        std::fs::write(
            content.join(format!("{stem}.md")),
            format!(
                "---\ntitle: Report {stem}\ndate: {date}\ncountries: [{countries}]\n{extra}\n---\n\nText.\n"
            ),
        )
        .unwrap();
    }
    build_site(tmp.path(), None);
    let out = tmp.path().join("public");
    (tmp, out)
}

fn page(out: &Path, path: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(out.join(path)).unwrap())
}

/// The texts of the elements `selector` selects, whitespace folded.
fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&Selector::parse(selector).unwrap())
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn signals_fire_at_their_boundary_on_the_edition_the_dossier_and_the_map() {
    let (_tmp, out) = built();
    let edition = page(&out, "months/2025-01/index.html");
    // Country headings with a badge: Chad (4 > 3) and Sudan (7 > 1), not Mali (3 = 3)
    // nor Ukraine (1 report).
    let badged: Vec<String> = texts(&edition, ".edition-country h4")
        .into_iter()
        .filter(|t| t.contains("most reports in 12 months"))
        .collect();
    assert_eq!(badged.len(), 2, "{badged:?}");
    assert!(badged[0].starts_with("Chad 4"), "{badged:?}");
    assert!(badged[1].starts_with("Sudan 3"), "{badged:?}");
    // The map's legend lists the same signals, and says what they measure.
    let legend = texts(&edition, ".map-signals").join(" ");
    assert!(
        legend.contains("Sudan most reports in 12 months"),
        "{legend}"
    );
    assert!(
        legend.contains("Chad most reports in 12 months"),
        "{legend}"
    );
    assert!(!legend.contains("Mali"), "{legend}");
    assert!(legend.contains("not violence"), "{legend}");
    // The home page's map shows the newest month's signals.
    let home = texts(&page(&out, "index.html"), ".map-signals").join(" ");
    assert!(home.contains("Trend signals in January 2025"), "{home}");
    // The dossiers: Sudan's current signal, with its count; Mali none.
    let sudan = texts(
        &page(&out, "countries/sudan/index.html"),
        ".dossier-facts dd",
    );
    assert!(
        sudan.contains(&"most reports in 12 months in January 2025 (7 reports)".to_string()),
        "{sudan:?}"
    );
    let mali = texts(
        &page(&out, "countries/mali/index.html"),
        ".dossier-facts dd",
    );
    assert!(
        mali.contains(&"no signal in January 2025, the newest month".to_string()),
        "{mali:?}"
    );
}

#[test]
fn the_edition_groups_by_region_then_country_and_links_its_neighbours() {
    let (_tmp, out) = built();
    let edition = page(&out, "months/2025-01/index.html");
    // Regions in configured order, each with its count.
    let regions = texts(&edition, ".edition-region h3");
    assert_eq!(regions, ["Africa 10", "Europe 1"]);
    // Countries by the reports naming them first, most first, then by name.
    let countries: Vec<String> = texts(&edition, ".edition-country h4 a");
    assert_eq!(countries, ["Chad", "Mali", "Sudan", "Ukraine"]);
    // At most three headlines each, the rest counted.
    let chad = edition
        .select(&Selector::parse(".edition-country").unwrap())
        .next()
        .unwrap();
    let headlines = chad.select(&Selector::parse("li a").unwrap()).count();
    assert_eq!(headlines, 3);
    assert!(
        chad.text()
            .collect::<String>()
            .contains("and 1 more this month")
    );
    // Risers: most risen first (Sudan 1 -> 7, Chad 0 -> 4, Mali 0 -> 3).
    let risers = texts(&edition, ".risers-table tbody tr");
    assert_eq!(risers[..3], ["Sudan 7 1", "Chad 4 0", "Mali 3 0"]);
    // The editors' judgements.
    let judged = texts(&edition, ".judgements li");
    assert_eq!(judged.len(), 3, "{judged:?}");
    assert!(judged[0].starts_with("Report sudan-new-0"), "{judged:?}");
    assert!(judged[1].starts_with("Report ukraine"), "{judged:?}");
    assert!(
        judged[2].starts_with("Famine warning in El Fasher"),
        "{judged:?}"
    );
    // Neighbours: January 2025 has only an older edition; June 2024 both.
    let nav = texts(&edition, "nav.edition-nav a");
    assert_eq!(nav[0], "← December 2024");
    assert!(!nav.iter().any(|t| t.ends_with('→')), "{nav:?}");
    let june = texts(
        &page(&out, "months/2024-06/index.html"),
        "nav.edition-nav a",
    );
    assert_eq!(june[..2], ["← May 2024", "July 2024 →"]);
}

#[test]
fn judgements_show_on_reports_and_unknown_values_name_the_file() {
    let (tmp, out) = built();
    let report = page(&out, "reports/sudan-new-0/index.html");
    assert_eq!(texts(&report, ".assessment .trend"), ["deteriorated"]);
    let alert = page(&out, "reports/sudan-new-1/index.html");
    assert_eq!(
        texts(&alert, ".assessment .alert-note"),
        ["Alert: Famine warning in El Fasher"]
    );
    // The data exports carry the editors' judgements.
    let month: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/2025-01.json")).unwrap())
            .unwrap();
    let row = |stem: &str| {
        month
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["path"] == format!("reports/{stem}/"))
            .unwrap()
            .clone()
    };
    assert_eq!(row("sudan-new-0")["trend"], "deteriorated");
    assert_eq!(row("sudan-new-1")["alert"], "Famine warning in El Fasher");
    assert!(row("sudan-new-2")["trend"].is_null());
    let csv = std::fs::read_to_string(out.join("data/2025-01.csv")).unwrap();
    assert!(
        csv.contains(",deteriorated,\n") || csv.contains(",deteriorated,\r\n"),
        "{csv}"
    );
    let bad = tmp.path().join("content/reports/bad.md");
    std::fs::write(
        &bad,
        "---\ntitle: Bad\ndate: 2025-01-02\ntrend: worse\n---\n\nText.\n",
    )
    .unwrap();
    let run = sitrep(tmp.path(), &["build"]);
    assert!(!run.status.success());
    let message = text(&run);
    assert!(message.contains("bad.md:4"), "{message}");
    assert!(message.contains("deteriorated"), "{message}");
}

#[test]
fn dossiers_chart_the_whole_archive_with_gaps_and_name_their_neighbours() {
    let (_tmp, out) = built();
    let sudan = page(&out, "countries/sudan/index.html");
    // The region, and the countries named with it (Chad in 4 reports).
    let facts = texts(&sudan, ".dossier-facts dd");
    assert_eq!(facts[0], "Africa");
    assert_eq!(
        texts(&sudan, ".dossier .count-list li"),
        ["Chad 4", "Iraq 1"]
    );
    // A country named only in passing has its own region, not its neighbours'.
    let iraq = texts(
        &page(&out, "countries/iraq/index.html"),
        ".dossier-facts dd",
    );
    assert_eq!(iraq[0], "Middle East");
    // One bar per month with reports, in the region's colour; the signal's month
    // marked by a shape.
    let bars = Selector::parse(".dossier svg.chart a").unwrap();
    let rect = Selector::parse("rect").unwrap();
    let mark = Selector::parse(&format!(
        "polygon.{}",
        sitrep::render::chart::SIGNAL_MARK_CLASS
    ))
    .unwrap();
    let x_of = |html: &Html| -> Vec<(u32, bool)> {
        html.select(&bars)
            .map(|a| {
                let r = a.select(&rect).next().unwrap().value();
                (
                    r.attr("x").unwrap().parse().unwrap(),
                    a.select(&mark).next().is_some(),
                )
            })
            .collect()
    };
    let sudan_bars = x_of(&sudan);
    assert_eq!(sudan_bars.len(), 13);
    assert!(sudan_bars[12].1);
    assert!(sudan_bars[..12].iter().all(|b| !b.1));
    // Mali: June 2024 and January 2025, seven slots apart (the empty months are gaps).
    let step = sudan_bars[1].0 - sudan_bars[0].0;
    let mali = x_of(&page(&out, "countries/mali/index.html"));
    assert_eq!(mali.len(), 2);
    assert_eq!(mali[1].0 - mali[0].0, 7 * step);
    assert_eq!(mali[0].0, sudan_bars[5].0);
    // The data file: its months, their signals, and its reports.
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("countries/sudan/data.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(data["name"], "Sudan");
    assert_eq!(data["region"], "Africa");
    assert_eq!(data["reports_total"], 19);
    let months = data["months"].as_array().unwrap();
    assert_eq!(months.len(), 13);
    assert_eq!(months[12]["month"], "2025-01");
    assert_eq!(months[12]["reports"], 7);
    assert_eq!(months[12]["signal"], "highest");
    assert!(months[..12].iter().all(|m| m.get("signal").is_none()));
    assert_eq!(data["co_mentioned"][0]["name"], "Chad");
    assert_eq!(data["reports"].as_array().unwrap().len(), 19);
    assert!(broken_links(&out, "https://example.org/").is_empty());
}
