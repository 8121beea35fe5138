//! `sitrep import` on the real seed, on bad seeds, and run twice.

mod common;

use std::path::Path;

use common::*;
use sitrep::site::front_matter;

const SEED: &str = "tests/fixtures/seed/clash-report-2025-07-08.txt";

fn abs(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(p)
        .display()
        .to_string()
}

fn only_reports(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("content/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect()
}

fn only_report(dir: &Path) -> std::path::PathBuf {
    let files = only_reports(dir);
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn the_real_seed_gives_the_expected_front_matter() {
    let tmp = tempfile::tempdir().unwrap();
    let out = sitrep(tmp.path(), &["import", &abs(SEED)]);
    assert!(out.status.success(), "{}", text(&out));
    let file = only_report(tmp.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let doc = front_matter::parse(&text, &file).unwrap();
    let fm = &doc.front_matter;
    assert!(text.contains("\ndate: 2025-07-08\n"), "{text}");
    assert_eq!(fm.date.unwrap().to_string(), "2025-07-08");
    assert_eq!(fm.source.as_deref(), Some("Clash Report"));
    assert_eq!(fm.region.as_deref(), Some("Asia-Pacific"));
    let mut first_two = fm.countries[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["China", "Myanmar"]);
    assert_eq!(fm.seed.as_deref(), Some("clash-report-2025-07-08.txt"));
    assert!(
        fm.title.chars().count() <= 90 && fm.title.starts_with("China"),
        "{}",
        fm.title
    );
    assert!(
        fm.summary
            .as_deref()
            .unwrap()
            .starts_with("China is leveraging")
    );
    let paragraphs: Vec<&str> = doc
        .body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(paragraphs.len(), 8, "eight article paragraphs");
    assert!(paragraphs[7].starts_with("Satellite imagery"));
    for trailer in [
        "Middle East",
        "July 2025",
        "Africa",
        "America",
        "September 2025",
        "Europe",
        "August 2025",
        "Asia-Pasific",
        "June 2025",
    ] {
        assert!(
            !doc.body.lines().any(|l| l.trim() == trailer),
            "trailer line `{trailer}` in body"
        );
    }
}

#[test]
fn import_is_idempotent_and_never_overwrites_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let first = sitrep(tmp.path(), &["import", &abs(SEED)]);
    assert!(text(&first).contains("created"), "{}", text(&first));
    let file = only_report(tmp.path());
    let bytes = std::fs::read(&file).unwrap();

    // Same seed again: same file name and bytes, reported as unchanged.
    let second = sitrep(tmp.path(), &["import", &abs(SEED)]);
    assert!(second.status.success());
    assert!(text(&second).contains("unchanged"), "{}", text(&second));
    assert_eq!(only_report(tmp.path()), file);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);

    // A person edits the report: a plain import keeps the edit...
    std::fs::write(
        &file,
        format!("{}\nEdited by hand.\n", String::from_utf8_lossy(&bytes)),
    )
    .unwrap();
    let third = sitrep(tmp.path(), &["import", &abs(SEED)]);
    assert!(text(&third).contains("skipped"));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Edited by hand.")
    );
    // ...and --force regenerates the same bytes as the first import, keeping a copy.
    let forced = sitrep(tmp.path(), &["import", "--force", &abs(SEED)]);
    assert!(text(&forced).contains("overwrote"), "{}", text(&forced));
    assert!(
        text(&forced).contains(".sitrep-backup"),
        "{}",
        text(&forced)
    );
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    let backup: Vec<_> = walkdir::WalkDir::new(tmp.path().join("content/.sitrep-backup"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(backup.len(), 1);
    assert!(
        std::fs::read_to_string(backup[0].path())
            .unwrap()
            .contains("Edited by hand.")
    );
}

#[test]
fn no_seed_is_lost_and_bad_ones_do_not_stop_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::write(seeds.join("a-empty.txt"), "").unwrap();
    std::fs::write(
        seeds.join("b-latin1.txt"),
        b"July 1, 2025Wire\nCaf\xe9 bombing in Beirut.\n",
    )
    .unwrap();
    std::fs::write(
        seeds.join("c-no-date.txt"),
        "Clash Report\nSomething happened in Syria.\n",
    )
    .unwrap();
    std::fs::write(
        seeds.join("d-bad-date.txt"),
        "February 30, 2025Wire\nText.\n",
    )
    .unwrap();
    std::fs::write(seeds.join("e-only-date.txt"), "July 1, 2025Wire\n").unwrap();
    std::fs::copy(abs(SEED), seeds.join("f-good.txt")).unwrap();
    std::fs::write(seeds.join("notes.md"), "not a seed").unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    let msg = text(&out);
    assert!(
        !out.status.success(),
        "non-zero exit when a seed failed: {msg}"
    );
    assert!(msg.contains("a-empty.txt:1: the file is empty"), "{msg}");
    assert!(
        msg.contains("b-latin1.txt (not UTF-8: read as windows-125"),
        "{msg}"
    );
    // No report is lost: a page without a date, with an impossible date or without
    // text is imported as a draft, with a warning naming the file.
    for (seed, why) in [
        ("c-no-date.txt", "no date found"),
        ("d-bad-date.txt", "`February 30, 2025` is not a valid date"),
        ("e-only-date.txt", "no country found"),
    ] {
        assert!(
            msg.contains(&format!("warning: seeds/{seed}: imported as a draft"))
                && msg.contains(why),
            "{seed}: {msg}"
        );
    }
    assert!(
        msg.contains("5 imported, 0 unchanged, 0 skipped, 1 failed"),
        "{msg}"
    );
    let created = only_reports(tmp.path());
    assert_eq!(created.len(), 5, "all but the empty file: {created:?}");
    let drafts: Vec<_> = created
        .iter()
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("\ndraft: true\n")
        })
        .collect();
    assert_eq!(drafts.len(), 3, "{drafts:?}");
    let undated = created
        .iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("undated-")
        })
        .expect("the undated report is named so");
    let text = std::fs::read_to_string(undated).unwrap();
    assert!(text.contains("review:\n- date\n"), "{text}");
    assert!(!text.contains("\ndate:"), "no date is written: {text}");
}

#[test]
fn variants_scrapers_produce() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    // BOM, CRLF, weekday, outlet on its own line, a headline in capitals, a dateline.
    std::fs::write(
        seeds.join("wire.txt"),
        "\u{feff}Monday, October 19, 1987\r\nReuters\r\nFIGHTING IN SOUTHERN IRAQ GOES ON\r\nNICOSIA, Oct 19 - Fighting raged in southern Iraq, Iranian officials said.\r\nIraqi forces shelled Basra.\r\nAsia-Pasific\r\nOctober 1987\r\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(out.status.success(), "{}", text(&out));
    let file = only_report(tmp.path());
    let doc = front_matter::parse(&std::fs::read_to_string(&file).unwrap(), &file).unwrap();
    let fm = doc.front_matter;
    assert_eq!(fm.date.unwrap().to_string(), "1987-10-19");
    assert_eq!(fm.source.as_deref(), Some("Reuters"));
    assert_eq!(fm.title, "Fighting in Southern Iraq Goes On");
    assert!(
        !doc.body.contains("IRAN SAYS"),
        "headline kept out of the body"
    );
    assert!(!doc.body.contains("Asia-Pasific") && !doc.body.contains("October 1987"));
    // Nicosia (Cyprus) is the dateline: where the wire filed, not a country of the report.
    assert!(
        !fm.countries.contains(&"Cyprus".to_string()),
        "{:?}",
        fm.countries
    );
    assert_eq!(fm.countries.first().map(String::as_str), Some("Iraq"));
    assert_eq!(fm.region.as_deref(), Some("Middle East"));
}

#[test]
fn a_changed_seed_updates_its_report_unless_it_was_edited() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    let seed = seeds.join("wire.txt");
    std::fs::write(
        &seed,
        "July 1, 2025Wire\nFighting in Sudan killed 12 people, officials said.\n",
    )
    .unwrap();
    sitrep(tmp.path(), &["import", "seeds"]);
    let first = only_report(tmp.path());

    // The seed is corrected (same title): the untouched report is updated in place.
    std::fs::write(
        &seed,
        "July 1, 2025Wire\nFighting in Sudan killed 12 people, officials said.\nMore detail.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(text(&out).contains("updated"), "{}", text(&out));
    assert_eq!(only_report(tmp.path()), first);
    assert!(
        std::fs::read_to_string(&first)
            .unwrap()
            .contains("More detail.")
    );

    // A new title gives a new file name: the old, untouched file goes.
    std::fs::write(
        &seed,
        "July 1, 2025Wire\nClashes in Darfur displaced thousands, the U.N. said.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(text(&out).contains("updated"), "{}", text(&out));
    let second = only_report(tmp.path());
    assert_ne!(second, first);
    assert!(second.to_string_lossy().contains("clashes-in-darfur"));

    // Someone edits the report; the seed changes again: the edit is kept.
    let edited = format!(
        "{}\nAn editor's note.\n",
        std::fs::read_to_string(&second).unwrap()
    );
    std::fs::write(&second, &edited).unwrap();
    std::fs::write(
        &seed,
        "July 1, 2025Wire\nClashes in Darfur displaced thousands, the U.N. said.\nLate update.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(
        text(&out).contains("skipped") && text(&out).contains("edited by hand"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), edited);

    // A file import did not write is never overwritten either.
    std::fs::remove_file(tmp.path().join("content/.sitrep-imports.yaml")).unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(
        text(&out).contains("not written by this import"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read_to_string(&second).unwrap(), edited);
}

#[test]
fn another_seed_with_the_same_file_name_never_takes_a_report() {
    // Two outlets' exports, both `x.txt`, imported in separate runs: the second used
    // to be taken for an edit of the first, whose report was then deleted.
    let tmp = tempfile::tempdir().unwrap();
    for (dir, text) in [
        (
            "a",
            "February 26, 1987Reuters\nIran said its forces shelled Basra.\n",
        ),
        (
            "b",
            "March 5, 1987Reuters\nIraq said its jets hit an Iranian oil platform.\n",
        ),
    ] {
        std::fs::create_dir_all(tmp.path().join(dir)).unwrap();
        std::fs::write(tmp.path().join(dir).join("x.txt"), text).unwrap();
    }
    let out = sitrep(tmp.path(), &["import", "a/x.txt"]);
    assert!(out.status.success(), "{}", text(&out));
    let first = only_report(tmp.path());
    let first_text = std::fs::read_to_string(&first).unwrap();

    let out = sitrep(tmp.path(), &["import", "b/x.txt"]);
    let msg = text(&out);
    assert!(!out.status.success(), "{msg}");
    assert!(
        msg.contains("b/x.txt") && msg.contains("same file name") && msg.contains("a/x.txt"),
        "{msg}"
    );
    assert_eq!(only_report(tmp.path()), first);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), first_text);

    // The same seed, moved: still the same seed (same report), not an error.
    std::fs::rename(tmp.path().join("a"), tmp.path().join("moved")).unwrap();
    let out = sitrep(tmp.path(), &["import", "moved/x.txt"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("unchanged"), "{}", text(&out));
    assert_eq!(only_report(tmp.path()), first);
}

#[test]
fn countries_named_only_in_the_headline_count() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::write(
        seeds.join("h.txt"),
        "July 1, 2025Wire\nFIGHTING ESCALATES IN SUDAN\nThe army and the paramilitary forces fought for a third day in the capital, residents said.\n",
    )
    .unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(out.status.success(), "{}", text(&out));
    let file = only_report(tmp.path());
    let fm = front_matter::parse(&std::fs::read_to_string(&file).unwrap(), &file)
        .unwrap()
        .front_matter;
    assert_eq!(fm.countries, ["Sudan"]);
    assert_eq!(fm.region.as_deref(), Some("Africa"));
}

#[test]
fn an_empty_inbox_and_a_missing_site_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
    let out = sitrep(tmp.path(), &["import", "empty"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("no seed files"), "{}", text(&out));
    let out = sitrep(tmp.path(), &["import", "--root", "nowhere", &abs(SEED)]);
    assert!(!out.status.success());
    assert!(!tmp.path().join("nowhere").exists());
}

#[test]
fn seeds_with_the_same_title_never_overwrite_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(seeds.join("b")).unwrap();
    std::fs::write(
        seeds.join("s1.txt"),
        "July 08, 2025Clash Report\nShelling went on.\nKyiv was shelled overnight.\n",
    )
    .unwrap();
    std::fs::write(
        seeds.join("s2.txt"),
        "July 08, 2025Clash Report\nShelling went on.\nGaza was bombed overnight.\n",
    )
    .unwrap();
    // Same file name in another folder: an error, not a silent skip.
    std::fs::write(
        seeds.join("b/s1.txt"),
        "July 08, 2025Clash Report\nOther text.\n",
    )
    .unwrap();
    let out = sitrep(
        tmp.path(),
        &[
            "import",
            "--force",
            "seeds/s1.txt",
            "seeds/s2.txt",
            "seeds/b/s1.txt",
        ],
    );
    let msg = text(&out);
    assert!(msg.contains("same file name"), "{msg}");
    let mut files: Vec<String> = std::fs::read_dir(tmp.path().join("content/reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "2025-07-08-shelling-went-on-s2.md",
            "2025-07-08-shelling-went-on.md"
        ]
    );
    // Imported again, in the other order: each seed keeps its file.
    let out = sitrep(tmp.path(), &["import", "seeds/s2.txt", "seeds/s1.txt"]);
    assert!(
        text(&out).contains("0 imported, 2 unchanged"),
        "{}",
        text(&out)
    );
}

#[test]
fn check_lists_the_reports_waiting_for_review_until_an_editor_fixes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::copy(
        abs("tests/fixtures/layouts/no-date.txt"),
        seeds.join("no-date.txt"),
    )
    .unwrap();
    std::fs::copy(abs(SEED), seeds.join("good.txt")).unwrap();
    let out = sitrep(tmp.path(), &["import", "seeds"]);
    assert!(
        out.status.success(),
        "drafts are not failures: {}",
        text(&out)
    );
    let out = sitrep(tmp.path(), &["check"]);
    let msg = text(&out);
    assert!(out.status.success(), "{msg}");
    assert!(msg.contains("1 report waiting for review"), "{msg}");
    assert!(
        msg.contains(
            "undated-clash-reported-near-the-border.md: date, countries, region (a draft)"
        ),
        "{msg}"
    );
    // The editor dates it, names its country, publishes it and clears the list.
    let draft = only_reports(tmp.path())
        .into_iter()
        .find(|p| p.to_string_lossy().contains("undated-"))
        .unwrap();
    let text_before = std::fs::read_to_string(&draft).unwrap();
    let fixed = text_before
        .replace("draft: true\n", "date: 2025-07-01\ncountries: [Mali]\n")
        .replace("review:\n- date\n- countries\n- region\n", "");
    assert_ne!(fixed, text_before);
    std::fs::write(&draft, fixed).unwrap();
    let out = sitrep(tmp.path(), &["check"]);
    let msg = text(&out);
    assert!(out.status.success(), "{msg}");
    assert!(!msg.contains("waiting for review"), "{msg}");
}

/// A seed of nearly the most sitrep reads (16 MiB) would give a report a little over
/// it (front matter, escapes), which every build would then refuse: import fails that
/// seed, naming it, writes nothing, and imports the others.
#[test]
fn a_seed_whose_report_would_be_too_large_to_read_fails_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    let sentence =
        "Fighting in the north of Sudan continued as officials said talks would resume. ";
    let mut big = String::from("May 2, 2025 Clash Report\nSudan fighting\n");
    let limit = sitrep::text::MAX_FILE_BYTES as usize;
    // Paragraphs that differ (a page's repeated lines are dropped as chrome).
    let mut n = 0;
    while big.len() + 2000 < limit {
        n += 1;
        big.push_str(&format!("Day {n}: "));
        for _ in 0..20 {
            big.push_str(sentence);
        }
        big.push('\n');
    }
    // Filled to the limit: the seed can be read, its report (with front matter) not.
    let fill = limit - big.len() - 1;
    let last = format!("Last day: {}", sentence.repeat(40));
    big.push_str(&last[..fill]);
    big.push('\n');
    assert_eq!(big.len(), limit);
    std::fs::write(seeds.join("big.txt"), &big).unwrap();
    std::fs::write(
        seeds.join("small.txt"),
        "May 3, 2025 Clash Report\nA drone struck a market in El Fasher, Sudan, on Saturday.\n",
    )
    .unwrap();
    let site = tmp.path().join("site");
    let out = sitrep(tmp.path(), &["init", site.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let out = sitrep(&site, &["import", seeds.to_str().unwrap()]);
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("big.txt: its report would be 16.0 MiB, more than the 16 MiB sitrep reads"),
        "{said}"
    );
    let reports: Vec<String> = std::fs::read_dir(site.join("content/reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("2025-"))
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(reports[0].starts_with("2025-05-03-"), "{reports:?}");
    let out = sitrep(&site, &["build"]);
    assert!(out.status.success(), "{}", text(&out));
}
