//! Feed entry ids are permanent: a move to `https`, a new base path, a report's new
//! slug, or a re-import that renames its file never makes a feed reader show a
//! report again as new.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// The feed's own id, and each entry's title -> id, of the Atom feed at `file`.
fn ids(file: &Path) -> (String, BTreeMap<String, String>) {
    let xml = std::fs::read_to_string(file).unwrap();
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).unwrap();
    let entries = feed
        .entries()
        .iter()
        .map(|e| (e.title().as_str().to_string(), e.id().to_string()))
        .collect();
    (feed.id().to_string(), entries)
}

/// Every feed of the built site at `out`: path -> ids.
fn all_feed_ids(out: &Path) -> BTreeMap<String, (String, BTreeMap<String, String>)> {
    snapshot(out)
        .into_keys()
        .filter(|f| f.ends_with("atom.xml"))
        .map(|f| {
            let ids = ids(&out.join(&f));
            (f, ids)
        })
        .collect()
}

fn set_base_url(root: &Path, url: &str) {
    let config = root.join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace(
        "base_url: https://example.org/sitrep/",
        &format!("base_url: {url}"),
    );
    assert!(text.contains(url));
    std::fs::write(config, text).unwrap();
}

#[test]
fn ids_survive_a_new_scheme_base_path_and_slug() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    let reports = tmp.path().join("content/reports");
    // One report keeps an id in its front matter, as import writes them.
    let kachin = reports.join("2025-07-08-kachin.md");
    let text = std::fs::read_to_string(&kachin).unwrap();
    let text = text.replacen("---\n", "---\nid: tag:example.org,2020-01-01:kept\n", 1);
    std::fs::write(&kachin, text).unwrap();
    assert!(sitrep(tmp.path(), &["build"]).status.success());
    let out = tmp.path().join("public");
    let before = all_feed_ids(&out);
    let (site_id, entries) = &before["atom.xml"];
    assert!(site_id.starts_with("urn:uuid:"), "{site_id}");
    assert_eq!(
        entries["Fighting in El Fasher"],
        "tag:example.org,2025-06-30:reports/2025-06-30-sudan"
    );
    let kachin_title = entries
        .iter()
        .find(|(_, id)| *id == "tag:example.org,2020-01-01:kept")
        .map(|(t, _)| t.clone())
        .expect("the front matter's id is the entry's");
    assert!(before.len() >= 3, "the site's feed and region feeds");

    // Another scheme and base path: the same ids.
    set_base_url(tmp.path(), "http://example.org/moved/");
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text_of(&out));
    let moved = all_feed_ids(&tmp.path().join("public"));
    assert_eq!(moved, before);
    let xml = std::fs::read_to_string(tmp.path().join("public/atom.xml")).unwrap();
    assert!(
        xml.contains("http://example.org/moved/reports/"),
        "links do move"
    );

    // A new slug for both reports (with an id, and without: its file stays).
    for (file, slug) in [
        (&kachin, "kachin-renamed"),
        (&reports.join("2025-06-30-sudan.md"), "el-fasher"),
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        std::fs::write(
            file,
            text.replacen("---\n", &format!("---\nslug: {slug}\n"), 1),
        )
        .unwrap();
    }
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text_of(&out));
    let xml = std::fs::read_to_string(tmp.path().join("public/atom.xml")).unwrap();
    assert!(xml.contains("reports/kachin-renamed/") && xml.contains("reports/el-fasher/"));
    assert_eq!(all_feed_ids(&tmp.path().join("public")), before);

    // A report with an id keeps it even when its file is renamed.
    std::fs::rename(&kachin, reports.join("2025-07-08-myanmar.md")).unwrap();
    assert!(sitrep(tmp.path(), &["build"]).status.success());
    let (_, entries) = ids(&tmp.path().join("public/atom.xml"));
    assert_eq!(entries[&kachin_title], "tag:example.org,2020-01-01:kept");
}

#[test]
fn import_writes_an_id_once_and_keeps_it_when_the_report_is_renamed() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.yaml"),
        "title: T\nbase_url: https://News.example.org/x/\n",
    )
    .unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    let seed = seeds.join("wire.txt");
    std::fs::write(
        &seed,
        "July 1, 2025Wire\nFighting in Sudan killed 12 people, officials said.\n",
    )
    .unwrap();
    assert!(sitrep(tmp.path(), &["import", "seeds"]).status.success());
    let first = std::fs::read_dir(tmp.path().join("content/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    let stem = first.file_stem().unwrap().to_string_lossy().into_owned();
    let id = format!("tag:news.example.org,2025-07-01:reports/{stem}");
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains(&format!("\nid: {id}\n")), "{text}");
    // Importing the same seed again changes nothing.
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(text_of(&out).contains("unchanged"), "{}", text_of(&out));

    // The seed's title changes: the report is renamed, its id kept.
    std::fs::write(
        &seed,
        "July 1, 2025Wire\nClashes in Darfur displaced thousands, the U.N. said.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(text_of(&out).contains("updated"), "{}", text_of(&out));
    assert!(!first.exists());
    let second = std::fs::read_dir(tmp.path().join("content/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    assert!(second.to_string_lossy().contains("clashes-in-darfur"));
    let text = std::fs::read_to_string(&second).unwrap();
    assert!(text.contains(&format!("\nid: {id}\n")), "{text}");

    // And the feed says so.
    let out = sitrep(tmp.path(), &["build"]);
    assert!(out.status.success(), "{}", text_of(&out));
    let (_, entries) = ids(&tmp.path().join("public/atom.xml"));
    assert_eq!(entries.values().collect::<Vec<_>>(), [&id]);
}

#[test]
fn two_reports_with_one_id_and_ids_that_are_not_uris_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/site"), tmp.path());
    let reports = tmp.path().join("content/reports");
    let sudan = reports.join("2025-06-30-sudan.md");
    let text = std::fs::read_to_string(&sudan).unwrap();
    let with_id = text.replacen("---\n", "---\nid: tag:example.org,2025-06-30:sudan\n", 1);
    std::fs::write(&sudan, &with_id).unwrap();
    // A copy made to start another report keeps the first's id.
    std::fs::write(
        reports.join("2025-07-01-copy.md"),
        with_id.replace("El Fasher", "Kordofan"),
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(!out.status.success());
    let msg = text_of(&out);
    assert!(
        msg.contains("2025-07-01-copy.md")
            && msg.contains("2025-06-30-sudan.md")
            && msg.contains("id"),
        "{msg}"
    );
    std::fs::remove_file(reports.join("2025-07-01-copy.md")).unwrap();
    std::fs::write(&sudan, text.replacen("---\n", "---\nid: not a uri\n", 1)).unwrap();
    let out = sitrep(tmp.path(), &["build"]);
    assert!(!out.status.success());
    assert!(
        text_of(&out).contains("2025-06-30-sudan.md:2: `id`"),
        "{}",
        text_of(&out)
    );
}

fn text_of(out: &std::process::Output) -> String {
    text(out)
}
