//! `sitrep build` on the fixture site (`tests/fixtures/site/`) and on broken sites.

mod common;

use std::path::Path;

use common::*;

const FIXTURE: &str = "tests/fixtures/site";
const BASE: &str = "https://example.org/sitrep/";

fn build_fixture(out: &Path) {
    build_site(Path::new(FIXTURE), Some(out));
}

#[test]
fn builds_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_fixture(&out);
    for page in [
        "index.html",
        "404.html",
        "style.css",
        "syntax.css",
        "site.css",
        "regions/index.html",
        "regions/middle-east/index.html",
        "regions/africa/index.html",
        "regions/america/index.html",
        "regions/europe/index.html",
        "regions/asia-pacific/index.html",
        "months/index.html",
        "months/2025-07/index.html",
        "months/2025-06/index.html",
        "months/2025-05/index.html",
        "reports/2025-07-08-kachin/index.html",
        "reports/2025-07-20-gaza/index.html",
        "reports/2025-06-30-sudan/index.html",
        "reports/2025-06-02-human-region/index.html",
        "analysis/overview/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page} is written");
    }
    assert!(
        !out.join("reports/2025-06-01-draft").exists(),
        "drafts are not built"
    );
    let month = std::fs::read_to_string(out.join("months/2025-07/index.html")).unwrap();
    assert!(
        month.contains("<h1>July 2025</h1>"),
        "month page is titled July 2025"
    );
    let report = std::fs::read_to_string(out.join("reports/2025-07-08-kachin/index.html")).unwrap();
    assert!(
        report.contains("<span class=\"hl-"),
        "fenced code is highlighted"
    );
    // Countries normalised (Burma -> Myanmar), each linked to its page.
    let kachin = out.join("reports/2025-07-08-kachin/index.html");
    assert!(page_links_to(&kachin, &out, "countries/china/"));
    assert!(page_links_to(&kachin, &out, "countries/myanmar/"));
    assert!(out.join("countries/index.html").is_file());
}

#[test]
fn each_report_is_on_exactly_its_region_and_month_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_fixture(&out);
    // (report path, region slug, month)
    let expected = [
        ("reports/2025-07-08-kachin/", "asia-pacific", "2025-07"), // inferred from China
        ("reports/2025-07-20-gaza/", "middle-east", "2025-07"),    // alias `middle east`
        ("reports/2025-06-30-sudan/", "africa", "2025-06"),        // inferred from Sudan
        ("reports/2025-06-02-human-region/", "europe", "2025-06"), // written region wins
        ("analysis/overview/", "asia-pacific", "2025-05"),         // alias `APAC`
    ];
    let regions = ["middle-east", "africa", "america", "europe", "asia-pacific"];
    let months = ["2025-07", "2025-06", "2025-05"];
    for (report, region, month) in expected {
        for r in regions {
            let page = out.join(format!("regions/{r}/index.html"));
            assert_eq!(
                page_links_to(&page, &out, report),
                r == region,
                "{report} on region page {r}"
            );
        }
        for m in months {
            let page = out.join(format!("months/{m}/index.html"));
            assert_eq!(
                page_links_to(&page, &out, report),
                m == month,
                "{report} on month page {m}"
            );
        }
        // And the report links back to both.
        let page = out.join(report).join("index.html");
        assert!(page_links_to(&page, &out, &format!("regions/{region}/")));
        assert!(page_links_to(&page, &out, &format!("months/{month}/")));
    }
    // Index pages list newest first.
    let africa = std::fs::read_to_string(out.join("regions/asia-pacific/index.html")).unwrap();
    let kachin = africa.find("2025-07-08-kachin").unwrap();
    let overview = africa.find("analysis/overview").unwrap();
    assert!(kachin < overview, "newest first");
    // The home page shows the newest `home_reports` (3).
    let home = out.join("index.html");
    assert!(page_links_to(&home, &out, "reports/2025-07-20-gaza/"));
    assert!(page_links_to(&home, &out, "reports/2025-06-30-sudan/"));
    assert!(!page_links_to(&home, &out, "analysis/overview/"));
    // Counts on the regions page.
    let regions_page = std::fs::read_to_string(out.join("regions/index.html")).unwrap();
    assert!(
        regions_page.contains("2 reports"),
        "Asia-Pacific has 2 reports"
    );
    assert!(regions_page.contains("0 reports"), "America has none");
}

#[test]
fn every_internal_link_resolves() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_fixture(&out);
    let broken = broken_links(&out, BASE);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    assert!(html_files(&out).len() >= 15);
}

#[test]
fn a_site_template_overrides_the_theme() {
    let tmp = fixture_copy();
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}CUSTOM 404{% endblock content %}",
    )
    .unwrap();
    let out = tmp.path().join("public");
    build_site(tmp.path(), None);
    assert!(
        std::fs::read_to_string(out.join("404.html"))
            .unwrap()
            .contains("CUSTOM 404")
    );
}

#[test]
fn bad_content_fails_with_file_and_line_and_leaves_output_alone() {
    let tmp = fixture_copy();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let index_before = std::fs::read(tmp.path().join("public/index.html")).unwrap();

    let reports = tmp.path().join("content/reports");
    std::fs::write(
        reports.join("bad-yaml.md"),
        "---\ntitle: T\ndate: [2025\n---\nx\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("no-title.md"),
        "---\ndate: 2025-07-01\n---\nx\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("bad-region.md"),
        "---\ntitle: T\ndate: 2025-07-01\nregion: Atlantis\n---\nx\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("wrong-type.md"),
        "---\ntitle: [1, 2]\ndate: 2025-07-01\n---\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("bad-date.md"),
        "---\ntitle: T\ndate: 2025-02-30\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success(), "{msg}");
    // Every bad file is reported, not just the first.
    assert!(msg.contains("bad-yaml.md:3:"), "{msg}");
    assert!(
        msg.contains("no-title.md") && msg.contains("title"),
        "{msg}"
    );
    assert!(
        msg.contains("bad-region.md:4: unknown region `Atlantis`"),
        "{msg}"
    );
    assert!(msg.contains("wrong-type.md:2:"), "{msg}");
    assert!(
        msg.contains("bad-date.md:3:") && msg.contains("2025-02-30"),
        "{msg}"
    );
    assert!(
        msg.contains("5 error(s); the output was left as it was"),
        "{msg}"
    );
    // The last good output is untouched and no staging folder is left behind.
    assert_eq!(
        std::fs::read(tmp.path().join("public/index.html")).unwrap(),
        index_before
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn bad_template_is_reported_with_its_line() {
    let tmp = fixture_copy();
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/report.html"),
        "line one\n{% if %}\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    assert!(msg.contains("report.html:2:"), "{msg}");
    assert!(!tmp.path().join("public").exists(), "nothing written");
}

#[test]
fn duplicate_urls_are_an_error_naming_both_files() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/other.md"),
        "---\ntitle: T\ndate: 2025-07-01\nslug: 2025-07-08-kachin\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    assert!(
        msg.contains("other.md") && msg.contains("2025-07-08-kachin.md"),
        "{msg}"
    );
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let tmp = fixture_copy();
    std::fs::create_dir_all(tmp.path().join("public")).unwrap();
    std::fs::write(tmp.path().join("public/precious.txt"), "x").unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(!out.status.success());
    assert!(tmp.path().join("public/precious.txt").exists());
}

#[test]
fn content_may_not_take_the_generated_folders() {
    // Each of these once replaced (or was replaced by) a generated page without a word.
    for (file, url) in [
        ("regions/europe.md", "regions/europe/"),
        ("countries/sudan.md", "countries/sudan/"),
        ("search.md", "search/"),
        ("page/2.md", "page/2/"),
        ("sitemaps/sitemap-1.md", "sitemaps/sitemap-1/"),
    ] {
        let tmp = fixture_copy();
        let path = tmp.path().join("content").join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "---\ntitle: T\ndate: 2025-07-01\n---\n").unwrap();
        let out = sitrep(tmp.path(), &["build"]);
        let msg = text(&out);
        assert!(!out.status.success(), "{file}: {msg}");
        assert!(
            msg.contains(file) && msg.contains(&format!("`/{url}`")) && msg.contains("index pages"),
            "{file}: {msg}"
        );
        assert!(
            !tmp.path().join("public").exists(),
            "{file}: nothing written"
        );
    }
}

#[test]
fn a_symlinked_output_is_built_where_it_points() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new(FIXTURE), &tmp.path().join("site"));
    let real = tmp.path().join("out dir/my site");
    std::fs::create_dir_all(&real).unwrap();
    std::os::unix::fs::symlink(&real, tmp.path().join("link")).unwrap();
    let out = sitrep(&tmp.path().join("site"), &["build", "-o", "../link"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        tmp.path().join("link").is_symlink(),
        "the link stays a link"
    );
    assert!(real.join("index.html").is_file());
}

#[test]
fn written_files_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = fixture_copy();
    sitrep(tmp.path(), &["build"]);
    let mode = std::fs::metadata(tmp.path().join("public/index.html"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o044, 0o044, "{mode:o}");
}

#[test]
fn a_missing_theme_and_jekyll_style_dates() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/jekyll.md"),
        "---\ntitle: T\ndate: 2025-07-08 10:00:00\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    edit_config(tmp.path(), |config| format!("{config}theme: nope\n"));
    let out = sitrep(tmp.path(), &["build"]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("theme `nope` not found"),
        "{}",
        text(&out)
    );
}

#[test]
fn a_latin1_report_is_read_with_a_warning() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/latin1.md"),
        b"---\ntitle: Caf\xe9 bombing in Bogot\xe1\ndate: 2025-07-01\n---\nA caf\xe9 was hit.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("latin1.md: not UTF-8: read as windows-125"),
        "{}",
        text(&out)
    );
    let page =
        std::fs::read_to_string(tmp.path().join("public/reports/latin1/index.html")).unwrap();
    assert!(page.contains("Café bombing in Bogotá"));
}

#[test]
fn oversized_files_and_deep_nesting_are_clear_errors() {
    let tmp = fixture_copy();
    let reports = tmp.path().join("content/reports");
    let big = format!(
        "---\ntitle: Big\ndate: 2025-07-01\n---\n{}",
        "word ".repeat(4_000_000)
    );
    std::fs::write(reports.join("big.md"), big).unwrap();
    std::fs::write(
        reports.join("deep.md"),
        format!(
            "---\ntitle: Deep\ndate: 2025-07-01\n---\n{} x\n",
            ">".repeat(10_000)
        ),
    )
    .unwrap();
    // A one-megabyte single line is fine.
    std::fs::write(
        reports.join("long-line.md"),
        format!(
            "---\ntitle: Long\ndate: 2025-07-01\n---\n{}\n",
            "Kyiv was shelled. ".repeat(60_000)
        ),
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    assert!(
        msg.contains("big.md: cannot read: the file is 19.1 MiB, more than the 16 MiB"),
        "{msg}"
    );
    // Files are read before pages are rendered: the next build finds the nesting.
    std::fs::remove_file(reports.join("big.md")).unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    assert!(
        msg.contains("deep.md:5: quotes or lists nested more than 100 deep"),
        "{msg}"
    );
    std::fs::remove_file(reports.join("deep.md")).unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn front_matter_cases() {
    let tmp = fixture_copy();
    let reports = tmp.path().join("content/reports");
    let write = |name: &str, text: &str| std::fs::write(reports.join(name), text).unwrap();
    // Good ones: colons and quotes, the Norway problem, time zones, unknown keys,
    // unicode and emoji, a hostile slug.
    write(
        "norway.md",
        "---\ntitle: 'Oslo: \"talks\" resume'\ndate: 2025-07-01T09:00:00+02:00\ncountries: [NO]\nmood: yes\n---\nText.\n",
    );
    write(
        "ünïcödé-😀.md",
        "---\ntitle: Ünïcödé 😀\ndate: 2025-07-02\n---\n",
    );
    write(
        "evil.md",
        "---\ntitle: Evil\ndate: 2025-07-03\nslug: ../../../../tmp/pwn\n---\n",
    );
    write(
        "only.md",
        "---\ntitle: Front matter only\ndate: 2025-07-04\n---",
    );
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let norway = std::fs::read_to_string(public.join("reports/norway/index.html")).unwrap();
    assert!(
        norway.contains("<h1>Oslo: &quot;talks&quot; resume</h1>"),
        "{norway}"
    );
    assert!(norway.contains("Norway"), "NO stays a string and is Norway");
    assert!(page_links_to(
        &public.join("regions/europe/index.html"),
        &public,
        "reports/norway/"
    ));
    assert!(
        public.join("reports/unicode-grinning/index.html").is_file(),
        "transliterated"
    );
    assert!(public.join("reports/tmp-pwn/index.html").is_file());
    assert!(!Path::new("/tmp/pwn").exists());

    // Bad ones: each an error with file, line and column.
    write("empty-fm.md", "---\n---\nbody\n");
    write("dup.md", "---\ntitle: A\ntitle: B\ndate: 2025-07-01\n---\n");
    write(
        "number-title.md",
        "---\ntitle: [1]\ndate: 2025-07-01\n---\n",
    );
    write("---.md", "---\ntitle: Dashes\ndate: 2025-07-01\n---\n");
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    assert!(
        msg.contains("empty-fm.md:") && msg.contains("missing field `title`"),
        "{msg}"
    );
    assert!(
        msg.contains("dup.md:") && msg.contains("duplicate"),
        "{msg}"
    );
    assert!(msg.contains("number-title.md:2:8"), "{msg}");
    assert!(
        msg.contains("---.md: the file name gives an empty URL slug"),
        "{msg}"
    );
}

#[test]
fn line_ends_and_control_characters_in_content() {
    let tmp = fixture_copy();
    let reports = tmp.path().join("content/reports");
    std::fs::write(
        reports.join("cr.md"),
        "---\rtitle: Old Mac\rdate: 2025-07-01\r---\rBody\r",
    )
    .unwrap();
    std::fs::write(reports.join("mixed.md"), "---\r\ntitle: Mixed\ndate: 2025-07-01\r\n---\n\n\n\nText\u{0}with\u{1}controls\u{c}\t and tabs   \n").unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let page = std::fs::read_to_string(tmp.path().join("public/reports/mixed/index.html")).unwrap();
    assert!(page.contains("Textwithcontrols"), "controls dropped");
    assert!(!page.contains('\u{0}') && !page.contains('\u{1}') && !page.contains('\u{c}'));
    assert!(tmp.path().join("public/reports/cr/index.html").is_file());
}

#[test]
fn feeds_sitemap_robots_and_json() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/2025-07-21-escaping.md"),
        "---\ntitle: \"Arms & <ammunition> in Gaza\"\ndate: 2025-07-21\nregion: Middle East\nsummary: \"A & B <c>\"\n---\nText.\n",
    )
    .unwrap();
    let out = tmp.path().join("public");
    build_site(tmp.path(), None);
    let feed = std::fs::read_to_string(out.join("atom.xml")).unwrap();
    assert!(
        feed.contains("<title>Arms &amp; &lt;ammunition&gt; in Gaza</title>"),
        "{feed}"
    );
    // Ids hold no URL (tests/feed_ids.rs): the feed's is a UUID, an entry's a tag.
    assert!(feed.contains("<id>urn:uuid:"), "{feed}");
    assert!(
        feed.contains("<id>tag:example.org,2025-07-20:reports/2025-07-20-gaza</id>"),
        "{feed}"
    );
    // Entries newest first, with absolute links under the base path.
    let first = feed.find("2025-07-21-escaping").unwrap();
    let second = feed.find("2025-07-20-gaza").unwrap();
    let third = feed.find("2025-07-08-kachin").unwrap();
    assert!(first < second && second < third);
    assert!(feed.contains("href=\"https://example.org/sitrep/reports/2025-07-20-gaza/\""));
    assert!(
        feed.contains("<updated>2025-07-21T00:00:00+00:00</updated>"),
        "{feed}"
    );
    // One feed per region, with only its reports.
    let me = std::fs::read_to_string(out.join("regions/middle-east/atom.xml")).unwrap();
    assert!(me.contains("2025-07-20-gaza") && !me.contains("2025-07-08-kachin"));
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<link rel="alternate" type="application/atom+xml" title="Fixture Sitrep" href="atom.xml">"#));

    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/sitrep/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/sitrep/reports/2025-06-30-sudan/</loc>\n    <lastmod>2025-06-30</lastmod>"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://example.org/sitrep/months/2025-07/</loc>\n    <lastmod>2025-07-21</lastmod>"), "{sitemap}");
    assert!(!sitemap.contains("404"));
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/sitrep/sitemap.xml"));

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("reports.json")).unwrap()).unwrap();
    let reports = json.as_array().unwrap();
    assert_eq!(reports.len(), 6);
    assert_eq!(reports[0]["title"], "Arms & <ammunition> in Gaza");
    assert_eq!(
        reports[0]["url"],
        "https://example.org/sitrep/reports/2025-07-21-escaping/"
    );
    let kachin = reports
        .iter()
        .find(|r| r["path"] == "reports/2025-07-08-kachin/")
        .unwrap();
    assert_eq!(kachin["region"], "Asia-Pacific");
    assert_eq!(kachin["countries"], serde_json::json!(["China", "Myanmar"]));
    assert_eq!(kachin["date"], "2025-07-08");
}

#[test]
fn country_pages_merge_spellings_and_report_collisions() {
    let tmp = fixture_copy();
    let reports = tmp.path().join("content/reports");
    // `Westeros` and `westeros ` are one term (case and spacing); Burma is Myanmar.
    std::fs::write(
        reports.join("w1.md"),
        "---\ntitle: W1\ndate: 2025-07-02\ncountries: [Westeros, Burma]\n---\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("w2.md"),
        "---\ntitle: W2\ndate: 2025-07-03\ncountries: [\"westeros \", myanmar]\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let westeros = public.join("countries/westeros/index.html");
    assert!(page_links_to(&westeros, &public, "reports/w1/"));
    assert!(page_links_to(&westeros, &public, "reports/w2/"));
    let myanmar = public.join("countries/myanmar/index.html");
    for r in ["reports/w1/", "reports/w2/", "reports/2025-07-08-kachin/"] {
        assert!(
            page_links_to(&myanmar, &public, r),
            "{r} on the Myanmar page"
        );
    }
    assert!(!page_links_to(
        &myanmar,
        &public,
        "reports/2025-06-30-sudan/"
    ));
    let list = std::fs::read_to_string(public.join("countries/index.html")).unwrap();
    assert_eq!(
        list.matches("countries/westeros/").count(),
        1,
        "one term, one page"
    );

    // Blank entries are not countries: the region is the first real country's.
    std::fs::write(
        reports.join("w3.md"),
        "---\ntitle: W3\ndate: 2025-07-04\ncountries: [\"\", \"???\", Chad]\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(page_links_to(
        &public.join("regions/africa/index.html"),
        &public,
        "reports/w3/"
    ));
    std::fs::remove_file(reports.join("w3.md")).unwrap();

    // Different spellings with one slug: reported, not merged.
    std::fs::write(
        reports.join("w5.md"),
        "---\ntitle: W5\ndate: 2025-07-05\ncountries: [Gondor]\n---\n",
    )
    .unwrap();
    std::fs::write(
        reports.join("w6.md"),
        "---\ntitle: W6\ndate: 2025-07-05\ncountries: [Góndor]\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    assert!(
        msg.contains("`Gondor` and `Góndor` would share the page `countries/gondor/`"),
        "{msg}"
    );
}

/// Builds a site of `n` reports in one region and month, paginated by 3, and returns
/// the pages of that region's list (their paths) and the public folder.
fn paginated_site(n: usize) -> (tempfile::TempDir, Vec<String>) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.yaml"),
        "title: P\nbase_url: https://example.org/p/\npaginate_by: 3\n",
    )
    .unwrap();
    let reports = tmp.path().join("content/reports");
    std::fs::create_dir_all(&reports).unwrap();
    for i in 0..n {
        std::fs::write(
            reports.join(format!("r{i}.md")),
            format!(
                "---\ntitle: R{i}\ndate: 2025-07-{:02}\ncountries: [Chad]\n---\n",
                i + 1
            ),
        )
        .unwrap();
    }
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let mut pages = vec!["regions/africa/".to_string()];
    let mut k = 2;
    while public
        .join(format!("regions/africa/page/{k}/index.html"))
        .is_file()
    {
        pages.push(format!("regions/africa/page/{k}/"));
        k += 1;
    }
    (tmp, pages)
}

#[test]
fn pagination_boundaries() {
    for (n, want_pages) in [(0, 1), (1, 1), (3, 1), (4, 2), (7, 3)] {
        let (tmp, pages) = paginated_site(n);
        let public = tmp.path().join("public");
        assert_eq!(pages.len(), want_pages, "{n} reports");
        // Every report on exactly one page of the list, newest first.
        let mut seen = Vec::new();
        for p in &pages {
            let html = std::fs::read_to_string(public.join(p).join("index.html")).unwrap();
            let on_page: Vec<usize> = (0..n)
                .rev()
                .filter(|i| html.contains(&format!(">R{i}</a>")))
                .collect();
            assert!(on_page.len() <= 3, "{n} reports: {p} lists {on_page:?}");
            seen.extend(on_page);
        }
        assert_eq!(seen, (0..n).rev().collect::<Vec<_>>(), "{n} reports");
        // rel=prev/next between pages, none beyond the ends.
        let first = std::fs::read_to_string(public.join("regions/africa/index.html")).unwrap();
        assert!(!first.contains("rel=\"prev\""));
        assert_eq!(
            first.contains("<link rel=\"next\" href=\"../../regions/africa/page/2/\">"),
            want_pages > 1,
            "{n}"
        );
        if want_pages > 1 {
            let last =
                std::fs::read_to_string(public.join(pages.last().unwrap()).join("index.html"))
                    .unwrap();
            assert!(!last.contains("rel=\"next\""));
            assert!(last.contains("rel=\"prev\""));
        }
        assert!(
            broken_links(&public, "https://example.org/p/").is_empty(),
            "{n}"
        );
        // The home and country lists paginate the same way.
        assert_eq!(public.join("page/2/index.html").is_file(), n > 3);
        assert_eq!(
            public.join("countries/chad/page/2/index.html").is_file(),
            n > 3
        );
    }
}

#[test]
fn building_never_modifies_content() {
    let tmp = fixture_copy();
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let meta = e.metadata().unwrap();
                (
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                    meta.modified().unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&tmp.path().join("content"));
    for _ in 0..2 {
        let out = sitrep(tmp.path(), &["build"]);
        assert!(out.status.success(), "{}", text(&out));
    }
    assert_eq!(snapshot(&tmp.path().join("content")), before);
}

#[test]
fn chart_bars_match_the_month_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_site(Path::new(env!("CARGO_MANIFEST_DIR")), Some(&out));
    for page in ["index.html", "months/index.html"] {
        let html = scraper::Html::parse_document(&std::fs::read_to_string(out.join(page)).unwrap());
        let bars = scraper::Selector::parse("svg.chart a").unwrap();
        let rects = scraper::Selector::parse("rect").unwrap();
        let mut n = 0;
        for bar in html.select(&bars) {
            let href = bar.value().attr("href").unwrap();
            let total: usize = bar
                .select(&rects)
                .map(|r| {
                    r.value()
                        .attr("data-count")
                        .unwrap()
                        .parse::<usize>()
                        .unwrap()
                })
                .sum();
            let month_page = out
                .join(page)
                .parent()
                .unwrap()
                .join(href)
                .join("index.html");
            let month = std::fs::read_to_string(&month_page).unwrap();
            let want = format!(
                "{total} {}",
                if total == 1 { "report:" } else { "reports:" }
            );
            assert!(
                month.contains(&want),
                "{page}: bar {href} = {total}, month page says otherwise"
            );
            n += 1;
        }
        // One bar per month of the bundled site.
        assert_eq!(
            n,
            std::fs::read_dir(out.join("months"))
                .unwrap()
                .filter(|e| e.as_ref().unwrap().path().is_dir())
                .count(),
            "{page}"
        );
    }
}

#[test]
fn search_page_and_index_files() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/2025-07-22-ivory.md"),
        "---\ntitle: Talks in Côte d'Ivoire\ndate: 2025-07-22\ncountries: [Ivory Coast]\nsummary: Talks resume.\n---\nThe Ivorian talks resumed in Abidjan. Talks, talks.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(public.join(f)).unwrap()).unwrap()
    };
    let meta = read("search/meta.json");
    assert_eq!(meta["docs"], 6, "every report");
    assert_eq!(meta["shards"], serde_json::json!([1]));
    assert!(
        meta["countries"]
            .as_array()
            .unwrap()
            .contains(&"Côte d'Ivoire".into())
    );
    // Ids are oldest first: the newest report is the last of the first chunk.
    let docs = read("search/0/d0.json");
    assert_eq!(
        docs[5],
        serde_json::json!([
            "Talks in Côte d'Ivoire",
            "reports/2025-07-22-ivory/",
            "2025-07-22",
            "Africa",
            "Talks resume."
        ])
    );
    assert!(public.join("search/0/s0.bin").is_file() && public.join("search/0/f.bin").is_file());
    assert!(!public.join("search.json").exists());
    assert_eq!(sitrep::render::search::fold_word("Côte"), "cote");
    assert_eq!(sitrep::render::search::fold_word("Привет"), "привет");
    let page = std::fs::read_to_string(public.join("search/index.html")).unwrap();
    assert!(page.contains(r#"data-root="../""#) && page.contains(r#"src="../search.js""#));
    assert!(public.join("search.js").is_file());
}

#[test]
fn yaml_escapes_cannot_smuggle_control_characters() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/ctl.md"),
        "---\ntitle: \"Ctl \\x01 \\x0b \\x1b[31m \\uFFFE end\"\ndate: 2025-07-01\nregion: Africa\nsummary: \"Sum \\x02\"\nnote: \"x\\x03y\"\n---\nBody.\n",
    )
    .unwrap();
    edit_config(tmp.path(), |config| {
        config.replace("title: Fixture Sitrep", "title: \"Fixture\\x07 Sitrep\"")
    });
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    for f in [
        "atom.xml",
        "regions/africa/atom.xml",
        "reports/ctl/index.html",
        "index.html",
        "reports.json",
        "search/0/d0.json",
    ] {
        let s = std::fs::read_to_string(public.join(f)).unwrap();
        assert!(
            !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\t' && c != '\r') || c == '\u{FFFE}'),
            "{f} holds a control character"
        );
    }
    let page = std::fs::read_to_string(public.join("reports/ctl/index.html")).unwrap();
    assert!(page.contains("<h1>Ctl   [31m  end</h1>"), "{page}");
}

#[test]
fn base_url_must_be_an_absolute_address() {
    for bad in [
        "/reports-site/",
        "example.org/x/",
        "https://example.org/a b/",
        "https://example.org/x/?q=1",
        "ftp://example.org/",
        "https:///x/",
    ] {
        let tmp = fixture_copy();
        edit_config(tmp.path(), |config| {
            config.replace(
                "base_url: https://example.org/sitrep/",
                &format!("base_url: \"{bad}\""),
            )
        });
        let out = sitrep(tmp.path(), &["build"]);
        assert!(!out.status.success(), "{bad} accepted");
        assert!(
            text(&out).contains("config.yaml: `base_url:"),
            "{bad}: {}",
            text(&out)
        );
    }
    // None at all: a warning, and localhost.
    let tmp = fixture_copy();
    edit_config(tmp.path(), |config| {
        config.replace("base_url: https://example.org/sitrep/\n", "")
    });
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success());
    assert!(text(&out).contains("no `base_url`"), "{}", text(&out));
}

#[test]
fn one_country_written_several_ways_is_one_term_and_listed_once() {
    let tmp = fixture_copy();
    std::fs::write(
        tmp.path().join("content/reports/w.md"),
        "---\ntitle: W\ndate: 2025-07-02\ncountries: [Westeros, \"westeros \", WESTEROS, West-eros, \"West  eros\", Wes.teros]\n---\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = tmp.path().join("public");
    let page = std::fs::read_to_string(public.join("reports/w/index.html")).unwrap();
    assert_eq!(
        page.matches("countries/westeros/").count(),
        1,
        "listed once"
    );
    let list = std::fs::read_to_string(public.join("countries/index.html")).unwrap();
    assert_eq!(
        list.matches("countries/west").count(),
        1,
        "one term: {list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("reports.json")).unwrap())
            .unwrap();
    let w = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == "W")
        .unwrap();
    assert_eq!(w["countries"], serde_json::json!(["Westeros"]));
}

#[test]
fn static_files_may_not_replace_generated_pages() {
    let tmp = fixture_copy();
    std::fs::write(tmp.path().join("static/index.html"), "mine").unwrap();
    std::fs::create_dir_all(tmp.path().join("static/reports/2025-07-08-kachin")).unwrap();
    std::fs::write(
        tmp.path()
            .join("static/reports/2025-07-08-kachin/index.html"),
        "mine",
    )
    .unwrap();
    std::fs::create_dir_all(tmp.path().join("static/search")).unwrap();
    std::fs::write(tmp.path().join("static/search/meta.json"), "{}").unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    let msg = text(&out);
    assert!(!out.status.success());
    for f in [
        "index.html",
        "reports/2025-07-08-kachin/index.html",
        "search/meta.json",
    ] {
        assert!(
            msg.contains(&format!("has the path of the page sitrep writes at `{f}`")),
            "{f}: {msg}"
        );
    }
    assert!(msg.contains("3 error(s)"), "{msg}");
}

#[test]
fn feed_limit_caps_the_feeds_and_zero_means_every_report() {
    let entries = |limit: usize| {
        let tmp = fixture_copy();
        let config = tmp.path().join("config.yaml");
        let text = std::fs::read_to_string(&config).unwrap();
        std::fs::write(&config, format!("{text}feed_limit: {limit}\n")).unwrap();
        build_site(tmp.path(), None);
        let feed = std::fs::read_to_string(tmp.path().join("public/atom.xml")).unwrap();
        feed.matches("<entry>").count()
    };
    // The fixture has five pages that are built (its draft is not).
    assert_eq!(entries(2), 2);
    assert_eq!(entries(0), 5, "0 used to give an empty feed");
}

#[test]
fn data_is_exported_by_month_and_in_one_file_only_for_small_sites() {
    let tmp = fixture_copy();
    let out = tmp.path().join("public");
    build_site(tmp.path(), None);
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(out.join(p)).unwrap()).unwrap()
    };
    let index = read("data/index.json");
    assert_eq!(index["reports"], 5, "{index}");
    assert_eq!(index["all"], "https://example.org/sitrep/reports.json");
    let parts = index["parts"].as_array().unwrap();
    let months: Vec<&str> = parts.iter().map(|p| p["month"].as_str().unwrap()).collect();
    assert_eq!(months, ["2025-07", "2025-06", "2025-05"], "newest first");
    assert_eq!(parts[0]["reports"], 2);
    assert_eq!(parts[0]["path"], "data/2025-07.json");
    assert_eq!(
        parts[0]["url"],
        "https://example.org/sitrep/data/2025-07.json"
    );
    assert_eq!(parts[0]["updated"], "2025-07-20");
    let july = read("data/2025-07.json");
    let july = july.as_array().unwrap();
    assert_eq!(july.len(), 2);
    assert!(
        july.iter()
            .all(|r| r["date"].as_str().unwrap().starts_with("2025-07"))
    );
    let total: usize = parts
        .iter()
        .map(|p| p["reports"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(total, 5, "the parts hold every report once");

    // A site bigger than `reports_json_limit` exports by month only.
    let config = tmp.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\nreports_json_limit: 4\n")).unwrap();
    build_site(tmp.path(), None);
    assert!(
        !out.join("reports.json").exists(),
        "no single file grows without bound"
    );
    let index = read("data/index.json");
    assert_eq!(index["all"], serde_json::Value::Null);
    assert!(out.join("data/2025-06.json").is_file());
}

#[test]
fn report_pages_link_related_reports() {
    let tmp = fixture_copy();
    let write = |name: &str, front: &str| {
        let text = format!("---\n{front}\n---\n\nText.\n");
        std::fs::write(tmp.path().join("content/reports").join(name), text).unwrap();
    };
    write(
        "2025-07-02-sudan-talks.md",
        "title: Talks on El Fasher\ndate: 2025-07-02\ncountries: [Sudan]",
    );
    write(
        "2025-06-29-chad.md",
        "title: Refugees cross into Chad\ndate: 2025-06-29\ncountries: [Chad]",
    );
    build_site(tmp.path(), None);
    let out = tmp.path().join("public");
    let page = |path: &str| out.join(path).join("index.html");
    let read = |path: &str| std::fs::read_to_string(page(path)).unwrap();

    // The Sudan report links the other Sudan report, with its date and region, and
    // not the Chad report (no shared country) nor itself.
    let sudan = read("reports/2025-06-30-sudan");
    assert!(sudan.contains("Related reports"), "{sudan}");
    assert!(page_links_to(
        &page("reports/2025-06-30-sudan"),
        &out,
        "reports/2025-07-02-sudan-talks/"
    ));
    let related = &sudan[sudan.find("Related reports").unwrap()..];
    assert!(related.contains(r#"href="../../reports/2025-07-02-sudan-talks/""#));
    assert!(related.contains("Talks on El Fasher"));
    assert!(related.contains("2 July 2025"));
    assert!(related.contains("Africa"));
    assert!(!related.contains("Refugees cross into Chad"));
    assert!(!related.contains("2025-06-30-sudan/"));
    // And the other way round.
    assert!(page_links_to(
        &page("reports/2025-07-02-sudan-talks"),
        &out,
        "reports/2025-06-30-sudan/"
    ));
    // A report sharing no country with another has no such section.
    assert!(!read("reports/2025-06-29-chad").contains("Related reports"));
    assert!(!read("reports/2025-07-20-gaza").contains("Related reports"));
    assert!(broken_links(&out, BASE).is_empty());
}

/// `theme:` names a folder inside `themes/` (as Zola's does): one outside would be
/// built from, but its edits never seen by the build cache.
#[test]
fn the_theme_is_a_folder_inside_themes() {
    for bad in ["../../elsewhere", "/tmp/theme", "default/../..", "."] {
        let tmp = fixture_copy();
        let mut lines = 0;
        edit_config(tmp.path(), |config| {
            lines = config.lines().count() + 1;
            format!("{config}theme: \"{bad}\"\n")
        });
        let out = sitrep(tmp.path(), &["build"]);
        assert!(!out.status.success(), "{bad} accepted");
        assert!(
            text(&out).contains(&format!(
                "config.yaml:{lines}: `theme: {bad}` is not a folder inside `themes/`"
            )),
            "{bad}: {}",
            text(&out)
        );
    }
    // A folder inside `themes/`, nested too, is a theme.
    let tmp = fixture_copy();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &tmp.path().join("themes/org/newsroom"),
    );
    edit_config(tmp.path(), |config| {
        format!("{config}theme: org/newsroom\n")
    });
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn templates_see_maps_in_the_order_written() {
    // Front matter keys a template lists (`extra`, the config's `extra`) come in the
    // file's order, the same in every build: not in a hash map's order.
    let tmp = fixture_copy();
    let report = tmp.path().join("content/reports/ordered.md");
    std::fs::write(
        &report,
        "---\ntitle: Ordered\ndate: 2025-03-04\nzeta: 1\nalpha: 2\nmike: 3\nbravo: 4\nyankee: 5\ncharlie: 6\n---\nText.\n",
    )
    .unwrap();
    std::fs::create_dir_all(tmp.path().join("templates")).unwrap();
    std::fs::write(
        tmp.path().join("templates/report.html"),
        "KEYS={{ page.extra | keys | join(sep=\",\") }};{% for k, v in page.extra %}{{ k }}={{ v }} {% endfor %}",
    )
    .unwrap();
    for _ in 0..3 {
        let out = tmp.path().join("public");
        let _ = std::fs::remove_dir_all(&out);
        build_site(tmp.path(), None);
        let page = std::fs::read_to_string(out.join("reports/ordered/index.html")).unwrap();
        assert_eq!(
            page,
            "KEYS=zeta,alpha,mike,bravo,yankee,charlie;zeta=1 alpha=2 mike=3 bravo=4 yankee=5 charlie=6 "
        );
    }
}

/// A page bundle (`reports/x/index.md`, as Hugo and Zola read it) is published at its
/// folder's URL, `reports/x/`, named after the whole folder name (dots and all), not at
/// `reports/x/index/`; beside a `reports/x.md` it is a clash, named.
#[test]
fn a_page_bundle_is_published_at_its_folders_url() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let report = |title: &str| {
        format!("---\ntitle: {title}\ndate: 2025-07-01\ncountries: [Sudan]\n---\nText.\n")
    };
    let bundle = root.join("content/reports/2025.07.01 El Fasher");
    std::fs::create_dir_all(&bundle).unwrap();
    std::fs::write(bundle.join("index.md"), report("Drone strike in El Fasher")).unwrap();
    let out = sitrep(root, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
    let public = root.join("public");
    let page =
        std::fs::read_to_string(public.join("reports/2025-07-01-el-fasher/index.html")).unwrap();
    assert!(page.contains("Drone strike in El Fasher"));
    assert!(!public.join("reports/2025-07-01-el-fasher/index").exists());
    assert!(page_links_to(
        &public.join("index.html"),
        &public,
        "reports/2025-07-01-el-fasher/"
    ));

    std::fs::write(
        root.join("content/reports/2025-07-01-el-fasher.md"),
        report("Another"),
    )
    .unwrap();
    let out = sitrep(root, &["build"]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("has the same URL `/reports/2025-07-01-el-fasher/`"),
        "{}",
        text(&out)
    );
}
