//! Incremental rebuilds (what watch mode runs): after each change, the live output
//! must be byte for byte what a fresh full build of the same files gives, and only
//! what the change needs is rendered.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use sitrep::build::{BuildOptions, Builder, Changes};

const FIXTURE: &str = "tests/fixtures/site";

struct Site {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    builder: Builder,
}

impl Site {
    fn new() -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_tree(Path::new(FIXTURE), &root);
        let mut builder = Builder::new(BuildOptions {
            root: root.clone(),
            output: None,
            drafts: false,
            force: false,
            ..Default::default()
        });
        builder.build().unwrap();
        Site {
            _tmp: tmp,
            root,
            builder,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn content(&mut self, files: &[&str]) -> sitrep::build::BuildStats {
        let changes = changes_of(files.iter().map(|f| self.path(f)));
        self.builder.rebuild(&changes).unwrap()
    }

    /// Writes `content/reports/<name>.md` with the front matter lines `front` and a
    /// line of text; returns its path and the changes naming it.
    fn new_report(&self, name: &str, front: &str) -> (PathBuf, Changes) {
        let file = self.path(&format!("content/reports/{name}.md"));
        std::fs::write(&file, format!("---\n{front}\n---\nText.\n")).unwrap();
        (file.clone(), changes_of([file]))
    }

    /// The live output equals a fresh build of the same site.
    fn assert_same_as_fresh_build(&self) {
        let fresh = self.root.parent().unwrap().join("fresh");
        let _ = std::fs::remove_dir_all(&fresh);
        build_site(&self.root, Some(&fresh));
        let live = snapshot(&self.root.join("public"));
        let full = snapshot(&fresh);
        let live_files: Vec<&String> = live.keys().collect();
        let full_files: Vec<&String> = full.keys().collect();
        assert_eq!(live_files, full_files, "same files");
        for (f, bytes) in &full {
            assert!(live[f] == *bytes, "{f} differs from a fresh build");
        }
    }
}

/// The changes of the content files `files`.
fn changes_of(files: impl IntoIterator<Item = PathBuf>) -> Changes {
    Changes {
        content: files.into_iter().collect(),
        ..Default::default()
    }
}

#[test]
fn editing_a_report_renders_it_and_its_index_pages_only() {
    let mut site = Site::new();
    let file = "content/reports/2025-07-08-kachin.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    std::fs::write(
        site.path(file),
        text.replace(
            "China presses Kachin rebels",
            "China leans on Kachin rebels",
        ),
    )
    .unwrap();
    let stats = site.content(&[file]);
    // The report, the home page (it lists it), its region page, its month page, its
    // two countries' pages and data files, the Atom feeds and JSON Feeds of the site,
    // its region and its two countries, reports.json and data/reports.csv, its month's data exports
    // (JSON and CSV), and the search index's block (its shard, with the title's
    // words, and its facets, whose bytes stay) and result data (the sitemap has no
    // titles). No other report shares a country with it, so no page lists it as a
    // related report (see `editing_a_title_renders_the_pages_that_list_it_as_related`).
    assert_eq!(stats.rendered, 23, "{stats:?}");
    assert_eq!(stats.written, 22, "{stats:?}");
    let page =
        std::fs::read_to_string(site.path("public/reports/2025-07-08-kachin/index.html")).unwrap();
    assert!(page.contains("China leans on Kachin rebels"));
    site.assert_same_as_fresh_build();

    // Editing only the body: the report page and the search index's block (only its
    // shard's bytes change); index pages show the summary, which is the same.
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    std::fs::write(site.path(file), format!("{text}\nA new paragraph.\n")).unwrap();
    let stats = site.content(&[file]);
    assert_eq!(stats.rendered, 3, "{stats:?}");
    assert_eq!(stats.written, 2, "{stats:?}");
    site.assert_same_as_fresh_build();
}

#[test]
fn deleting_and_moving_reports_leaves_nothing_stale() {
    let mut site = Site::new();
    // Move a report to another month and region.
    let file = "content/reports/2025-06-30-sudan.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    std::fs::write(
        site.path(file),
        text.replace("2025-06-30", "2025-08-01")
            .replace("[Sudan]", "[Chile]"),
    )
    .unwrap();
    site.content(&[file]);
    assert!(site.path("public/months/2025-08/index.html").exists());
    site.assert_same_as_fresh_build();

    // Delete the only report of May 2025: its page and the month page go.
    std::fs::remove_file(site.path("content/analysis/overview.md")).unwrap();
    let stats = site.content(&["content/analysis/overview.md"]);
    assert!(stats.removed >= 2, "{stats:?}");
    assert!(!site.path("public/analysis").exists());
    assert!(!site.path("public/months/2025-05").exists());
    site.assert_same_as_fresh_build();
}

#[test]
fn whole_folders_added_removed_and_renamed() {
    let mut site = Site::new();
    let dir = site.path("content/briefs");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..5 {
        std::fs::write(
            dir.join(format!("b{i}.md")),
            format!(
                "---\ntitle: Brief {i}\ndate: 2025-07-0{}\ncountries: [Ukraine]\n---\nText {i}.\n",
                i + 1
            ),
        )
        .unwrap();
    }
    // Watchers may only report the folder.
    site.content(&["content/briefs"]);
    assert!(site.path("public/briefs/b3/index.html").exists());
    site.assert_same_as_fresh_build();

    std::fs::rename(&dir, site.path("content/notes")).unwrap();
    site.content(&["content/briefs", "content/notes"]);
    assert!(!site.path("public/briefs").exists());
    assert!(site.path("public/notes/b3/index.html").exists());
    site.assert_same_as_fresh_build();

    std::fs::remove_dir_all(site.path("content/notes")).unwrap();
    site.content(&["content/notes"]);
    assert!(!site.path("public/notes").exists());
    site.assert_same_as_fresh_build();
}

#[test]
fn errors_keep_the_last_good_site_and_the_next_good_save_recovers() {
    let mut site = Site::new();
    let before = snapshot(&site.path("public"));
    let bad = "content/reports/2025-07-20-gaza.md";
    let good = "content/reports/2025-06-30-sudan.md";
    let gaza = std::fs::read_to_string(site.path(bad)).unwrap();
    std::fs::write(site.path(bad), "---\ntitle: [unclosed\n---\n").unwrap();
    let changes = Changes {
        content: [site.path(bad)].into(),
        ..Default::default()
    };
    let err = site.builder.rebuild(&changes).unwrap_err().to_string();
    assert!(err.contains("2025-07-20-gaza.md:2:"), "{err}");
    // Meanwhile another report is edited: still nothing is written.
    let sudan = std::fs::read_to_string(site.path(good)).unwrap();
    std::fs::write(
        site.path(good),
        sudan.replace("Fighting in El Fasher", "Siege of El Fasher"),
    )
    .unwrap();
    let changes = Changes {
        content: [site.path(good)].into(),
        ..Default::default()
    };
    assert!(site.builder.rebuild(&changes).is_err());
    assert_eq!(
        snapshot(&site.path("public")),
        before,
        "last good site untouched"
    );
    // The fix brings both changes.
    std::fs::write(site.path(bad), gaza).unwrap();
    site.content(&[bad]);
    let page =
        std::fs::read_to_string(site.path("public/reports/2025-06-30-sudan/index.html")).unwrap();
    assert!(page.contains("Siege of El Fasher"));
    site.assert_same_as_fresh_build();
}

#[test]
fn template_and_static_changes_rebuild_everything() {
    let mut site = Site::new();
    std::fs::create_dir_all(site.path("templates")).unwrap();
    std::fs::write(
        site.path("templates/report.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>NEW TEMPLATE{% endblock content %}",
    )
    .unwrap();
    let stats = site
        .builder
        .rebuild(&Changes {
            everything: true,
            ..Default::default()
        })
        .unwrap();
    assert!(stats.rendered >= 15, "{stats:?}");
    let page =
        std::fs::read_to_string(site.path("public/reports/2025-07-08-kachin/index.html")).unwrap();
    assert!(page.contains("NEW TEMPLATE"));
    site.assert_same_as_fresh_build();

    std::fs::remove_file(site.path("static/site.css")).unwrap();
    std::fs::write(site.path("static/new.js"), "// js").unwrap();
    site.builder
        .rebuild(&Changes {
            statics: true,
            ..Default::default()
        })
        .unwrap();
    assert!(
        !site.path("public/site.css").exists(),
        "stale static file removed"
    );
    assert!(site.path("public/new.js").exists());
    site.assert_same_as_fresh_build();
}

#[test]
fn drafts_disappear_and_appear() {
    let mut site = Site::new();
    let file = "content/reports/2025-06-30-sudan.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    std::fs::write(
        site.path(file),
        text.replacen("---\n", "---\ndraft: true\n", 1),
    )
    .unwrap();
    site.content(&[file]);
    assert!(!site.path("public/reports/2025-06-30-sudan").exists());
    site.assert_same_as_fresh_build();
    std::fs::write(site.path(file), text).unwrap();
    site.content(&[file]);
    assert!(
        site.path("public/reports/2025-06-30-sudan/index.html")
            .exists()
    );
    site.assert_same_as_fresh_build();
}

#[test]
fn changes_made_while_a_report_is_broken_are_not_lost() {
    let mut site = Site::new();
    let bad = "content/reports/2025-07-20-gaza.md";
    let gaza = std::fs::read_to_string(site.path(bad)).unwrap();
    std::fs::write(site.path(bad), "---\ntitle: [unclosed\n---\n").unwrap();
    let broken = Changes {
        content: [site.path(bad)].into(),
        ..Default::default()
    };
    assert!(site.builder.rebuild(&broken).is_err());
    // The configuration and a static file change meanwhile: both builds fail.
    edit_config(&site.root, |config| {
        config.replace("Fixture Sitrep", "Renamed Sitrep")
    });
    let everything = Changes {
        everything: true,
        ..Default::default()
    };
    assert!(site.builder.rebuild(&everything).is_err());
    std::fs::write(site.path("static/site.css"), "/* changed */").unwrap();
    let statics = Changes {
        statics: true,
        ..Default::default()
    };
    assert!(site.builder.rebuild(&statics).is_err());
    // The fix brings all of it.
    std::fs::write(site.path(bad), gaza).unwrap();
    site.content(&[bad]);
    assert!(
        std::fs::read_to_string(site.path("public/index.html"))
            .unwrap()
            .contains("Renamed Sitrep")
    );
    assert_eq!(
        std::fs::read_to_string(site.path("public/site.css")).unwrap(),
        "/* changed */"
    );
    site.assert_same_as_fresh_build();
}

#[test]
fn a_broken_template_keeps_failing_until_fixed() {
    let mut site = Site::new();
    std::fs::create_dir_all(site.path("templates")).unwrap();
    std::fs::write(site.path("templates/report.html"), "{% if %}").unwrap();
    let everything = Changes {
        everything: true,
        ..Default::default()
    };
    assert!(site.builder.rebuild(&everything).is_err());
    // A report edit now must not pass for a success built with the old templates.
    let file = "content/reports/2025-06-30-sudan.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    std::fs::write(site.path(file), format!("{text}\nMore.\n")).unwrap();
    let changes = Changes {
        content: [site.path(file)].into(),
        ..Default::default()
    };
    let err = site.builder.rebuild(&changes).unwrap_err().to_string();
    assert!(err.contains("report.html:1:"), "{err}");
    std::fs::remove_file(site.path("templates/report.html")).unwrap();
    site.content(&[file]);
    site.assert_same_as_fresh_build();
}

#[test]
fn a_folder_replaced_by_one_with_the_same_file_names_is_read_again() {
    let mut site = Site::new();
    let copy = site.root.parent().unwrap().join("reports-copy");
    copy_tree(&site.path("content/reports"), &copy);
    let f = copy.join("2025-07-08-kachin.md");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        text.replace("China presses Kachin rebels", "Swapped-in title"),
    )
    .unwrap();
    std::fs::remove_dir_all(site.path("content/reports")).unwrap();
    std::fs::rename(&copy, site.path("content/reports")).unwrap();
    site.content(&["content/reports"]);
    let page =
        std::fs::read_to_string(site.path("public/reports/2025-07-08-kachin/index.html")).unwrap();
    assert!(page.contains("Swapped-in title"));
    site.assert_same_as_fresh_build();
}

#[test]
fn an_edited_report_is_written_first_and_the_rest_follows() {
    let mut site = Site::new();
    let file = site.path("content/reports/2025-06-30-sudan.md");
    let page = site.path("public/reports/2025-06-30-sudan/index.html");
    let meta = site.path("public/search/meta.json");
    let home_before = std::fs::read(site.path("public/index.html")).unwrap();
    let shards_before = snapshot(&site.path("public/search"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\nA quokka was seen in El Fasher.\n")).unwrap();
    let changes = Changes {
        content: [file.clone()].into(),
        ..Default::default()
    };
    let written = site.builder.write_edited_first(&changes).unwrap();
    assert_eq!(written, ["reports/2025-06-30-sudan/index.html"]);
    assert!(std::fs::read_to_string(&page).unwrap().contains("quokka"));
    // Nothing else yet: the search index does not know the word.
    assert_eq!(snapshot(&site.path("public/search")), shards_before);
    assert_eq!(
        std::fs::read(site.path("public/index.html")).unwrap(),
        home_before
    );
    assert!(meta.is_file());
    // The rebuild brings the rest: the search index changes, and the output is a
    // fresh build's.
    site.builder.rebuild(&changes).unwrap();
    assert_ne!(snapshot(&site.path("public/search")), shards_before);
    site.assert_same_as_fresh_build();
}

#[test]
fn new_reports_are_written_first_with_the_home_page_and_the_rebuild_reconciles() {
    let mut site = Site::new();
    // A new report is written first too, with the home page listing it (it is the
    // newest); its region's page waits for the rebuild.
    let region_page = site.path("public/regions/africa/index.html");
    let region_before = std::fs::read(&region_page).unwrap();
    let (new, changes) = site.new_report(
        "2030-01-01-new",
        "title: Quokka sighting in Darfur\ndate: 2030-01-01\ncountries: [Sudan]",
    );
    let written = site.builder.write_edited_first(&changes).unwrap();
    assert_eq!(
        written,
        ["reports/2030-01-01-new/index.html", "index.html"],
        "the new report's page and the home page"
    );
    let home = std::fs::read_to_string(site.path("public/index.html")).unwrap();
    assert!(home.contains("Quokka sighting in Darfur"));
    assert_eq!(std::fs::read(&region_page).unwrap(), region_before);
    site.builder.rebuild(&changes).unwrap();
    assert_ne!(std::fs::read(&region_page).unwrap(), region_before);
    site.assert_same_as_fresh_build();

    // A new report written first and gone before the rebuild: its page goes, and the
    // home page written first is made again. Likewise a report renamed twice: the
    // page of the name in between goes.
    let (gone, changes) = site.new_report("2031-02-02-gone", "title: Gone soon\ndate: 2031-02-02");
    assert_eq!(site.builder.write_edited_first(&changes).unwrap().len(), 2);
    std::fs::remove_file(&gone).unwrap();
    site.builder.rebuild(&changes).unwrap();
    site.assert_same_as_fresh_build();
    let (a, b) = (
        site.path("content/reports/renamed-a.md"),
        site.path("content/reports/renamed-b.md"),
    );
    std::fs::rename(&new, &a).unwrap();
    let first = changes_of([new.clone(), a.clone()]);
    assert!(!site.builder.write_edited_first(&first).unwrap().is_empty());
    assert!(site.path("public/reports/renamed-a/index.html").is_file());
    std::fs::rename(&a, &b).unwrap();
    let second = changes_of([a, b]);
    assert!(!site.builder.write_edited_first(&second).unwrap().is_empty());
    site.builder.rebuild(&first).unwrap();
    site.builder.rebuild(&second).unwrap();
    assert!(!site.path("public/reports/renamed-a/index.html").exists());
    site.assert_same_as_fresh_build();

    // While a file has an error, nothing is written first: the last good site stays.
    let (broken, changes) = site.new_report("broken", "title: [broken");
    assert!(site.builder.rebuild(&changes).is_err());
    let (late, changes) = site.new_report("2032-01-01-late", "title: Late\ndate: 2032-01-01");
    assert!(
        site.builder
            .write_edited_first(&changes)
            .unwrap()
            .is_empty()
    );
    std::fs::remove_file(&broken).unwrap();
    let changes = changes_of([broken, late]);
    site.builder.rebuild(&changes).unwrap();
    site.assert_same_as_fresh_build();

    // A new report whose URL another report has is not written first (it would
    // overwrite that page): the rebuild reports the clash.
    let page = site.path("public/reports/2025-06-30-sudan/index.html");
    let page_before = std::fs::read(&page).unwrap();
    let (_, changes) = site.new_report(
        "clash",
        "title: Clash\ndate: 2031-01-01\nslug: 2025-06-30-sudan",
    );
    assert!(
        site.builder
            .write_edited_first(&changes)
            .unwrap()
            .is_empty()
    );
    assert_eq!(std::fs::read(&page).unwrap(), page_before);
    let err = site.builder.rebuild(&changes).unwrap_err();
    assert!(format!("{err:#}").contains("has the same URL"), "{err:#}");
}

/// A new report written first whose rebuild then fails for the whole site (its `id`
/// another report has): its page stays in the output until the next good build, and
/// is known as sitrep's, so a later `sitrep build` replaces the output as usual.
#[test]
fn a_page_written_first_before_a_failed_rebuild_is_still_sitreps() {
    let mut site = Site::new();
    let (_, changes) = site.new_report(
        "2030-03-01-first",
        "title: First\ndate: 2030-03-01\nid: \"tag:example.org,2030:same\"",
    );
    site.builder.rebuild(&changes).unwrap();
    let (second, changes) = site.new_report(
        "2030-03-02-second",
        "title: Second\ndate: 2030-03-02\nid: \"tag:example.org,2030:same\"",
    );
    let written = site.builder.write_edited_first(&changes).unwrap();
    assert!(written.contains(&"reports/2030-03-02-second/index.html".to_string()));
    let err = site.builder.rebuild(&changes).unwrap_err();
    assert!(
        format!("{err:#}").contains("tag:example.org,2030:same"),
        "{err:#}"
    );
    // The id fixed by hand, then a one-off build of the same output folder.
    let text = std::fs::read_to_string(&second).unwrap();
    std::fs::write(&second, text.replace("2030:same", "2030:second")).unwrap();
    build_site(&site.root, None);
    let page = site.path("public/reports/2030-03-02-second/index.html");
    assert!(std::fs::read_to_string(page).unwrap().contains("Second"));
}

#[test]
fn an_interrupted_rebuild_writes_nothing_and_keeps_its_changes() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_tree(Path::new(FIXTURE), &root);
    let flag = Arc::new(AtomicBool::new(false));
    let mut builder = Builder::new(BuildOptions {
        root: root.clone(),
        ..Default::default()
    })
    .with_interrupt(flag.clone());
    builder.build().unwrap();
    let before = snapshot(&root.join("public"));
    let file = root.join("content/reports/2025-07-20-gaza.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Strikes on Gaza", "Edited: strikes on Gaza"),
    )
    .unwrap();
    let changes = Changes {
        content: [file].into(),
        ..Default::default()
    };
    flag.store(true, Ordering::SeqCst);
    let err = builder.rebuild(&changes).unwrap_err();
    assert!(err.is::<sitrep::build::Interrupted>(), "{err:#}");
    assert_eq!(snapshot(&root.join("public")), before);
    // The next rebuild, with no changes named, still has them.
    flag.store(false, Ordering::SeqCst);
    let stats = builder.rebuild(&Changes::default()).unwrap();
    assert!(stats.written > 0);
    let home = std::fs::read_to_string(root.join("public/index.html")).unwrap();
    assert!(home.contains("Edited:"), "{home}");
    let fresh = tmp.path().join("fresh");
    build_site(&root, Some(&fresh));
    assert_eq!(snapshot(&root.join("public")), snapshot(&fresh));
}

#[test]
fn editing_a_title_renders_the_pages_that_list_it_as_related() {
    let mut site = Site::new();
    let talks = "content/reports/2025-07-02-sudan-talks.md";
    let front =
        "---\ntitle: Talks on El Fasher\ndate: 2025-07-02\ncountries: [Sudan]\n---\n\nText.\n";
    std::fs::write(site.path(talks), front).unwrap();
    site.content(&[talks]);
    let sudan = site.path("public/reports/2025-06-30-sudan/index.html");
    assert!(
        std::fs::read_to_string(&sudan)
            .unwrap()
            .contains("Talks on El Fasher")
    );
    site.assert_same_as_fresh_build();

    // The Sudan report's page shows the new title, though its own file is unchanged.
    std::fs::write(site.path(talks), front.replace("Talks on", "Talks about")).unwrap();
    site.content(&[talks]);
    let page = std::fs::read_to_string(&sudan).unwrap();
    assert!(page.contains("Talks about El Fasher"), "{page}");
    site.assert_same_as_fresh_build();
}
