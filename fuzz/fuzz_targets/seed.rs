//! Fuzz target: any bytes as a seed file. The importer must return a report or an
//! error, never panic, and a report it makes must be a content file the build reads.
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
    }
});
