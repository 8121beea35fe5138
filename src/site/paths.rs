//! The URL layout of a built site: where each kind of generated page lives. The
//! renderer, the chart and the build's collision check share these, so that a folder
//! name is written once.

/// The site folder of the region pages (`regions/africa/`) and the list of regions.
pub const REGIONS_DIR: &str = "regions/";
/// The site folder of the month pages (`months/2025-07/`) and the list of months.
pub const MONTHS_DIR: &str = "months/";
/// The site folder of the country pages (`countries/sudan/`) and the list of countries.
pub const COUNTRIES_DIR: &str = "countries/";
/// The site folder of the search page.
pub const SEARCH_DIR: &str = "search/";
/// The site folder of the data exports by month (`data/2025-07.json`) and their index
/// (`data/index.json`).
pub const DATA_DIR: &str = "data/";
/// The file name of an Atom feed, in the folder of the page it follows (`atom.xml`,
/// `regions/africa/atom.xml`, `countries/sudan/atom.xml`).
pub const ATOM_FEED_FILE: &str = "atom.xml";
/// The file name of a JSON Feed, beside the Atom feed of the same page (`feed.json`,
/// `regions/africa/feed.json`, `countries/sudan/feed.json`).
pub const JSON_FEED_FILE: &str = "feed.json";
/// The path of the CSV export of every report (small sites only, as `reports.json`).
pub const REPORTS_CSV_PATH: &str = "data/reports.csv";
/// The folder, below a list's first page, of its further pages (`page/2/`); at the
/// top level it holds the home page's.
pub const PAGES_DIR: &str = "page/";

/// The site folder of a big sitemap's part files.
pub const SITEMAP_PARTS_DIR: &str = "sitemaps/";

/// The path of part `n` (0-based) of a sitemap split in parts.
pub fn sitemap_part_path(n: usize) -> String {
    format!("{SITEMAP_PARTS_DIR}sitemap-{}.xml", n + 1)
}

/// Site folders (paths from the site root, with a trailing slash) whose pages sitrep
/// generates: content may not have URLs in them, or a generated page would replace
/// it or it a generated page. The sitemap's parts
/// ([`SITEMAP_PARTS_DIR`]) are here too.
pub const GENERATED_FOLDERS: &[&str] = &[
    REGIONS_DIR,
    MONTHS_DIR,
    COUNTRIES_DIR,
    SEARCH_DIR,
    PAGES_DIR,
    SITEMAP_PARTS_DIR,
    DATA_DIR,
];

/// The longest path segment sitrep makes from a name (a slug, a folder, a country or
/// region), in bytes. File systems allow 255 (143 on some encrypted ones); a segment
/// this long leaves room, and a URL stays readable.
pub const MAX_SEGMENT_BYTES: usize = 120;

/// The longest page path (from the site root) sitrep writes, in bytes: with the output
/// folder's own path it stays far below the 4,096 bytes a file path may have.
pub const MAX_PAGE_PATH_BYTES: usize = 1024;

/// `segment` (a slug) as a path segment of at most [`MAX_SEGMENT_BYTES`]: unchanged
/// when it fits; else cut, on a hyphen where there is one near the end, and followed by
/// `-` and the first 10 hex digits of the SHA-256 of the whole segment, so that two
/// long slugs that differ only at their end stay two pages. Stable: the same slug
/// always gives the same segment.
pub fn bounded_segment(segment: String) -> String {
    use sha2::Digest;
    const HASH_HEX: usize = 10;
    if segment.len() <= MAX_SEGMENT_BYTES {
        return segment;
    }
    let digest = sha2::Sha256::digest(segment.as_bytes());
    let hash: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let mut cut = MAX_SEGMENT_BYTES - HASH_HEX - 1;
    while !segment.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &segment[..cut];
    // Cut between words when a word boundary is near.
    let head = match head.rfind('-') {
        Some(i) if i + 20 >= cut => &head[..i],
        _ => head,
    };
    format!("{}-{}", head.trim_end_matches('-'), &hash[..HASH_HEX])
}

/// The path of page `n` (0-based) of a list whose first page is at `base`:
/// `base` itself, then `base` + `page/2/`, `page/3/`...
pub fn page_path(base: &str, n: usize) -> String {
    if n == 0 {
        base.to_string()
    } else {
        format!("{base}{PAGES_DIR}{}/", n + 1)
    }
}

/// The path of a month's page from the site root: `months/2025-07/` for the slug
/// `2025-07`.
pub fn month_path(slug: &str) -> String {
    format!("{MONTHS_DIR}{slug}/")
}

/// The path of a month's data export from the site root: `data/2025-07.json` for the
/// slug `2025-07`.
pub fn data_month_path(slug: &str) -> String {
    format!("{DATA_DIR}{slug}.json")
}

/// The path of a month's CSV export from the site root: `data/2025-07.csv` for the
/// slug `2025-07`.
pub fn data_month_csv_path(slug: &str) -> String {
    format!("{DATA_DIR}{slug}.csv")
}

/// The relative path from a page at `path` (`reports/x/`) to the site root (`../../`).
pub fn relative_root(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots() {
        assert_eq!(relative_root(""), "");
        assert_eq!(relative_root("regions/"), "../");
        assert_eq!(relative_root("reports/x/"), "../../");
    }

    #[test]
    fn long_segments_are_cut_with_a_hash() {
        assert_eq!(bounded_segment("short-slug".into()), "short-slug");
        let long = |end: &str| format!("{}{end}", "word-".repeat(60));
        let (a, b) = (bounded_segment(long("a")), bounded_segment(long("b")));
        assert!(
            a.len() <= MAX_SEGMENT_BYTES && b.len() <= MAX_SEGMENT_BYTES,
            "{a}"
        );
        assert_ne!(a, b, "slugs differing at the end stay apart");
        assert!(a.starts_with("word-word-") && !a.contains("--"), "{a}");
        assert_eq!(a, bounded_segment(long("a")), "stable");
        let exact = "x".repeat(MAX_SEGMENT_BYTES);
        assert_eq!(bounded_segment(exact.clone()), exact);
        // Not ASCII (a region's own `slug:`): cut on a character boundary.
        let wide = bounded_segment("é".repeat(100));
        assert!(wide.len() <= MAX_SEGMENT_BYTES, "{wide}");
    }
}
