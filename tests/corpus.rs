//! Import accuracy on real reports: `tests/fixtures/real/` (Reuters-21578 and
//! Wikipedia Current Events, see its README) against the hand-checked `answers.csv`.
//!
//! Prints the figures (`cargo test --test corpus -- --nocapture`) and asserts the floors
//! of issue 2: every date right; region, primary country and recall of the listed
//! countries each at least 90%; and precision of the countries found at least 90%.

use std::collections::HashSet;
use std::path::Path;

use sitrep::import::import_report;
use sitrep::site::region::{Regions, default_regions};

struct Answer {
    file: String,
    date: String,
    countries: Vec<String>,
    region: String,
}

fn answers() -> Vec<Answer> {
    let text = std::fs::read_to_string("tests/fixtures/real/answers.csv").unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Answer {
                file: f[0].into(),
                date: f[1].into(),
                countries: f[2].split(';').map(String::from).collect(),
                region: f[3].into(),
            }
        })
        .collect()
}

#[test]
fn real_reports_meet_the_accuracy_floors() {
    let regions = Regions::new(&default_regions()).unwrap();
    let answers = answers();
    assert_eq!(answers.len(), 40, "answers.csv has 40 rows");
    let (mut dates, mut region_ok, mut primary_ok) = (0, 0, 0);
    let (mut expected_total, mut recalled, mut found_total) = (0, 0, 0);
    for a in &answers {
        let path = Path::new("tests/fixtures/real").join(&a.file);
        let bytes = std::fs::read(&path).unwrap();
        let r =
            import_report(&a.file, &bytes, &regions).unwrap_or_else(|e| panic!("{}: {e}", a.file));
        let fm = &r.front_matter;
        let date = fm.date.map(|d| d.to_string()).unwrap_or_default();
        let date_ok = date == a.date;
        let reg_ok = fm.region.as_deref() == Some(a.region.as_str());
        let prim_ok = fm.countries.first() == a.countries.first();
        let found: HashSet<&String> = fm.countries.iter().collect();
        let hits = a.countries.iter().filter(|c| found.contains(c)).count();
        dates += usize::from(date_ok);
        region_ok += usize::from(reg_ok);
        primary_ok += usize::from(prim_ok);
        expected_total += a.countries.len();
        recalled += hits;
        found_total += found.len();
        if !(date_ok && reg_ok && prim_ok && hits == a.countries.len() && hits == found.len()) {
            println!(
                "{:32} date {} region {:?} (want {}) countries {:?} (want {:?})",
                a.file, date, fm.region, a.region, fm.countries, a.countries
            );
        }
        // The trailer never reaches the body.
        for line in r.body.lines() {
            assert!(
                !matches!(
                    line.trim(),
                    "Middle East"
                        | "Africa"
                        | "America"
                        | "Europe"
                        | "Asia-Pasific"
                        | "Asia-Pacific"
                ),
                "{}: trailer line `{line}` in body",
                a.file
            );
        }
    }
    let n = answers.len() as f64;
    let pct = |k: usize, of: f64| 100.0 * k as f64 / of;
    println!(
        "dates {dates}/{} ({:.1}%), region {region_ok}/{} ({:.1}%), primary country {primary_ok}/{} ({:.1}%), country recall {recalled}/{expected_total} ({:.1}%), precision {recalled}/{found_total} ({:.1}%)",
        answers.len(),
        pct(dates, n),
        answers.len(),
        pct(region_ok, n),
        answers.len(),
        pct(primary_ok, n),
        pct(recalled, expected_total as f64),
        pct(recalled, found_total as f64),
    );
    assert_eq!(dates, answers.len(), "every date right");
    assert!(pct(region_ok, n) >= 90.0, "region right for at least 90%");
    assert!(
        pct(primary_ok, n) >= 90.0,
        "primary country right for at least 90%"
    );
    assert!(
        pct(recalled, expected_total as f64) >= 90.0,
        "recall of listed countries at least 90%"
    );
    // Passing mentions of capitals (`received in London`) and war names (`Iran-Iraq
    // war`) count as countries, where the answers leave them out.
    assert!(
        pct(recalled, found_total as f64) >= 90.0,
        "precision of found countries at least 90%"
    );
}
