//! Titles of the real reports of `tests/fixtures/real/` (see its README): pages with
//! no headline of their own, whose title is derived from the first paragraph. No
//! title holds the date line (`September 22, 2015Wikipedia Current Events`), none is
//! longer than [`MAX_TITLE_CHARS`], and each reads as a complete headline: it ends
//! on no function word ([`DANGLING`]) and no punctuation.

use std::path::Path;

use regex::Regex;
use sitrep::import::import_report;
use sitrep::import::title::{DANGLING, MAX_TITLE_CHARS};
use sitrep::site::region::{Regions, default_regions};

/// Every real report's title, by seed file name.
fn titles() -> Vec<(String, String)> {
    let regions = Regions::new(&default_regions()).unwrap();
    let mut out = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures/real").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let r = import_report(&name, &std::fs::read(&path).unwrap(), &regions).unwrap();
        out.push((name, r.front_matter.title));
    }
    out.sort();
    assert_eq!(out.len(), 40);
    out
}

#[test]
fn real_titles_read_as_headlines() {
    let months =
        "January|February|March|April|May|June|July|August|September|October|November|December";
    let date = Regex::new(&format!(r"(?:{months})\s+\d{{1,2}},\s+\d{{4}}")).unwrap();
    let glued = Regex::new(r"\d{4}\p{L}").unwrap();
    let mut bad = Vec::new();
    for (file, title) in titles() {
        let last = title
            .split_whitespace()
            .last()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let ok = !date.is_match(&title)
            && !glued.is_match(&title)
            && !title.contains("Wikipedia Current Events")
            && title.chars().count() <= MAX_TITLE_CHARS
            && !DANGLING.contains(&last.as_str())
            && !title.ends_with([',', ';', ':', '-']);
        if !ok {
            bad.push(format!("{file}: {title:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "titles that are no headlines:\n{}",
        bad.join("\n")
    );
}

#[test]
fn real_titles_are_the_lead_in_its_own_words() {
    let titles = titles();
    let title = |f: &str| &titles.iter().find(|(n, _)| n == f).unwrap().1;
    for (file, want) in [
        (
            "wikicep-syria-a.txt",
            "A car bomb kills at least seven people in the Latakia Governorate",
        ),
        (
            "reuters-107.txt",
            "Iran announced tonight that its major offensive against Iraq in the Gulf war had ended",
        ),
        (
            "reuters-10244.txt",
            "Angola's U.S.-backed UNITA rebel group has offered to reopen the Benguela railroad",
        ),
        (
            "reuters-5784.txt",
            "U.S.-backed Contra rebels tried to blow up an electricity pylon",
        ),
        (
            "reuters-12736.txt",
            "Libyan forces are still bombing the key Ouadi Doum airstrip in northern Chad",
        ),
        (
            "reuters-21516.txt",
            "The main road between Kampala and the Kenya border reopened to civilian traffic",
        ),
    ] {
        assert_eq!(title(file), want, "{file}");
    }
    // Each title is taken from the page: its words are the first paragraph's.
    for (file, t) in &titles {
        let text = std::fs::read_to_string(Path::new("tests/fixtures/real").join(file)).unwrap();
        let first = t.split_whitespace().nth(1).unwrap_or("");
        assert!(text.contains(first), "{file}: {t:?}");
    }
}
