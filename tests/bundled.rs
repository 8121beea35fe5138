//! The bundled example site (the repository's own `config.yaml`, `content/` and
//! `themes/default/`), built as the README's first command builds it: its region and
//! month pages must list the real reports where `tests/fixtures/real/answers.csv` and
//! the seed's README say they belong.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;
use sitrep::site::front_matter;

#[test]
fn bundled_site_lists_the_real_reports_correctly() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_site(Path::new(env!("CARGO_MANIFEST_DIR")), Some(&out));

    // seed file name -> (region slug, month slug) expected.
    let mut expected: HashMap<String, (String, String)> = HashMap::new();
    let answers = std::fs::read_to_string("tests/fixtures/real/answers.csv").unwrap();
    for line in answers.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        expected.insert(f[0].into(), (slug::slugify(f[3]), f[1][..7].to_string()));
    }
    expected.insert(
        "clash-report-2025-07-08.txt".into(),
        ("asia-pacific".into(), "2025-07".into()),
    );

    let mut seen = 0;
    for entry in std::fs::read_dir("content/reports").unwrap() {
        let file = entry.unwrap().path();
        let doc = front_matter::parse(&std::fs::read_to_string(&file).unwrap(), &file).unwrap();
        let seed = doc.front_matter.seed.clone().unwrap();
        let Some((region, month)) = expected.get(&seed) else {
            continue;
        };
        seen += 1;
        let path = format!("reports/{}/", file.file_stem().unwrap().to_string_lossy());
        let region_page = out.join(format!("regions/{region}/index.html"));
        let month_page = out.join(format!("months/{month}/index.html"));
        assert!(
            page_links_to(&region_page, &out, &path),
            "{seed} on regions/{region}/"
        );
        assert!(
            page_links_to(&month_page, &out, &path),
            "{seed} on months/{month}/"
        );
    }
    assert_eq!(
        seen, 41,
        "the real seed and the 40 real reports are bundled"
    );
    let broken = broken_links(&out, "https://example.org/");
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(Path::new(&out).join("404.html").is_file());
}
