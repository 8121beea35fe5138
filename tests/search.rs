//! The search page's index, queried by the theme's own `search.js` under node, as a
//! reader's browser runs it (skipped, saying so, when node is not installed).

mod common;

use common::*;
use serde_json::Value;

fn site_with_reports() -> tempfile::TempDir {
    let tmp = fixture_copy();
    let reports = tmp.path().join("content/reports");
    let write = |name: &str, text: &str| std::fs::write(reports.join(name), text).unwrap();
    write(
        "2025-07-22-ivory.md",
        "---\ntitle: Talks in Côte d'Ivoire\ndate: 2025-07-22\ncountries: [Ivory Coast]\nsummary: Talks resume.\n---\nThe Ivorian talks resumed in Abidjan. The UN sent observers.\n",
    );
    write(
        "2025-07-23-ceasefire.md",
        "---\ntitle: 加沙停火谈判\ndate: 2025-07-23\ncountries: [Palestine]\n---\n双方同意停火协议。Talks went on in Doha.\n",
    );
    write(
        "2025-07-24-united.md",
        "---\ntitle: United front in Khartoum\ndate: 2025-07-24\ncountries: [Sudan]\n---\nUnited Nations envoys met in Port Sudan. ΟΔΥΣΣΕΑΣ was there.\n",
    );
    tmp
}

#[test]
fn queries_find_reports_ranked_with_results_as_shown() {
    let tmp = site_with_reports();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let Some(found) = search_query(&public, "talks", "{}") else {
        return;
    };
    // Title matches first, then text matches, newer first among equals.
    assert_eq!(
        search_titles(&found),
        ["Talks in Côte d'Ivoire", "加沙停火谈判"]
    );
    assert_eq!(
        found["docs"][0],
        serde_json::json!([
            "Talks in Côte d'Ivoire",
            "reports/2025-07-22-ivory/",
            "2025-07-22",
            "Africa",
            "Talks resume."
        ])
    );
    // Prefixes match; accents fold either way; every word must match.
    let found = search_query(&public, "ABID côte", "{}").unwrap();
    assert_eq!(search_titles(&found), ["Talks in Côte d'Ivoire"]);
    assert_eq!(
        search_titles(&search_query(&public, "Cote talk", "{}").unwrap()),
        ["Talks in Côte d'Ivoire"]
    );
    assert!(search_titles(&search_query(&public, "talks kachin", "{}").unwrap()).is_empty());
    // Two-letter words match whole words only: `un` is not `united`.
    assert_eq!(
        search_titles(&search_query(&public, "un", "{}").unwrap()),
        ["Talks in Côte d'Ivoire"]
    );
    // Greek final sigma folds to sigma.
    assert_eq!(
        search_titles(&search_query(&public, "οδυσσεας", "{}").unwrap()),
        ["United front in Khartoum"]
    );
    // A one-letter query searches nothing.
    assert_eq!(search_query(&public, "a", "{}").unwrap(), Value::Null);
}

#[test]
fn words_of_scripts_without_spaces_are_found() {
    let tmp = site_with_reports();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let Some(found) = search_query(&public, "停火", "{}") else {
        return;
    };
    assert_eq!(search_titles(&found), ["加沙停火谈判"]);
    // The text holds 停火协议, the title 停火谈判: both phrases find it, a pair that
    // is in neither does not.
    assert_eq!(
        search_titles(&search_query(&public, "停火协议", "{}").unwrap()),
        ["加沙停火谈判"]
    );
    assert_eq!(
        search_titles(&search_query(&public, "加沙", "{}").unwrap()),
        ["加沙停火谈判"]
    );
    assert!(search_titles(&search_query(&public, "协谈", "{}").unwrap()).is_empty());
    // One character finds the words it begins.
    assert_eq!(
        search_titles(&search_query(&public, "谈", "{}").unwrap()),
        ["加沙停火谈判"]
    );
}

#[test]
fn filters_count_the_matches_of_each_value() {
    let tmp = site_with_reports();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    // "in" (whole word) is in several reports.
    let Some(all) = search_query(&public, "in", "{}") else {
        return;
    };
    let n = search_titles(&all).len();
    assert!(n >= 4, "{:?}", search_titles(&all));
    let region_total: u64 = all["counts"]["region"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(region_total as usize, n, "every match has a region");
    let africa = all["counts"]["region"]["Africa"].as_u64().unwrap();
    let only = search_query(&public, "in", r#"{"region": "Africa"}"#).unwrap();
    assert_eq!(search_titles(&only).len() as u64, africa);
    assert!(search_titles(&only).contains(&"United front in Khartoum"));
    // Counts of a filter ignore its own choice, and follow the others.
    assert_eq!(only["counts"]["region"], all["counts"]["region"]);
    assert_eq!(only["counts"]["country"]["Sudan"], 2);
    assert!(only["counts"]["country"].get("Palestine").is_none());
    let sudan = search_query(
        &public,
        "in",
        r#"{"region": "Africa", "country": "Sudan", "month": "2025-06"}"#,
    )
    .unwrap();
    assert_eq!(search_titles(&sudan), ["Fighting in El Fasher"]);
    // The query read the index's meta, one shard per word and block, the facets and
    // the result data: never the whole index.
    let requests: Vec<&str> = sudan["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(requests[..3], ["meta.json", requests[1], "0/f.bin"]);
    assert!(requests[1].starts_with("0/s") && requests[1].ends_with(".bin"));
}
