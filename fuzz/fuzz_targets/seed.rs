//! Fuzz target: any bytes as a seed file, through the page reader and the importer.
//! They must never panic; a report they make must be a content file the build reads,
//! and a draft when it has no date or no country (no page is lost, none is published
//! on a guess).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sitrep::import::import_report;
use sitrep::site::region::{Regions, default_regions};

static REGIONS: LazyLock<Regions> = LazyLock::new(|| Regions::new(&default_regions()).unwrap());

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = import_report("fuzz.txt", data, &REGIONS) {
        let md = report.to_markdown();
        let doc = sitrep::site::front_matter::parse(&md, Path::new("fuzz.md"))
            .expect("import writes front matter the build reads");
        assert_eq!(doc.front_matter.title, report.front_matter.title);
        assert!(!doc.front_matter.title.trim().is_empty());
        let fm = &report.front_matter;
        assert!(fm.draft || (fm.date.is_some() && !fm.countries.is_empty()));
    }
});
