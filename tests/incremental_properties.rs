//! The invariant of watch mode, as a property: after any sequence of changes (edits,
//! new reports, renames, deletes, region and country changes, drafts, broken files,
//! folder renames, static files, configuration), the live output of incremental
//! rebuilds is byte for byte a fresh full build of the same files, every output
//! included (feeds, sitemap, data exports, search index); and a rebuild fails exactly
//! when a full build fails.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use proptest::prelude::*;
use sitrep::build::{BuildOptions, Builder, Changes};

/// Where a report file may be: a few names in two folders, so that edits, renames
/// and collisions are frequent.
const FILES: &[&str] = &[
    "content/reports/r0.md",
    "content/reports/r1.md",
    "content/reports/r2.md",
    "content/reports/r3.md",
    "content/notes/n0.md",
    "content/notes/n1.md",
];
const TITLES: &[&str] = &["Talks", "Shelling", "Ceasefire", "Talks resume"];
const DATES: &[&str] = &["2025-05-30", "2025-06-01", "2025-06-15", "2025-07-08"];
const COUNTRIES: &[&str] = &["Sudan", "Chad", "Myanmar", "Westeros", "westeros", "Chile"];
const REGIONS: &[&str] = &["Africa", "Europe", "Asia-Pacific"];
const BODIES: &[&str] = &[
    "Calm.",
    "Heavy fighting near the border.",
    "Talks in Jeddah.",
];
const SLUGS: &[&str] = &["same", "other"];

/// One report's front matter and body, as indices into the pools above.
#[derive(Debug, Clone)]
struct Report {
    title: usize,
    date: usize,
    countries: Vec<usize>,
    region: Option<usize>,
    draft: bool,
    body: usize,
    slug: Option<usize>,
    summary: bool,
}

impl Report {
    fn text(&self) -> String {
        let mut fm = format!(
            "---\ntitle: {}\ndate: {}\n",
            TITLES[self.title], DATES[self.date]
        );
        if !self.countries.is_empty() {
            let names: Vec<&str> = self.countries.iter().map(|&c| COUNTRIES[c]).collect();
            fm += &format!("countries: [{}]\n", names.join(", "));
        }
        if let Some(r) = self.region {
            fm += &format!("region: {}\n", REGIONS[r]);
        }
        if self.draft {
            fm += "draft: true\n";
        }
        if let Some(s) = self.slug {
            fm += &format!("slug: {}\n", SLUGS[s]);
        }
        if self.summary {
            fm += &format!("summary: About {}.\n", TITLES[self.title]);
        }
        format!("{fm}---\n{}\n", BODIES[self.body])
    }
}

/// One change to the site.
#[derive(Debug, Clone)]
enum Step {
    /// Writes a report (a new one, or over the file there).
    Write(usize, Report),
    /// Removes a report file, if there.
    Delete(usize),
    /// Renames a report file, if there, over whatever the other name holds.
    Rename(usize, usize),
    /// Writes a file whose front matter does not parse.
    Break(usize),
    /// Renames the folder `content/notes` to `content/briefs`, or back.
    RenameFolder,
    /// Writes a static file: a stylesheet, or one at a report's page path.
    Static(bool),
    /// Removes the static files.
    DeleteStatics,
    /// Writes the configuration: pagination, feed length and `reports.json` limit.
    Config(usize, usize, usize),
}

fn report() -> impl Strategy<Value = Report> {
    (
        0..TITLES.len(),
        0..DATES.len(),
        prop::collection::vec(0..COUNTRIES.len(), 0..3),
        prop::option::weighted(0.3, 0..REGIONS.len()),
        prop::bool::weighted(0.15),
        0..BODIES.len(),
        prop::option::weighted(0.1, 0..SLUGS.len()),
        any::<bool>(),
    )
        .prop_map(
            |(title, date, countries, region, draft, body, slug, summary)| Report {
                title,
                date,
                countries,
                region,
                draft,
                body,
                slug,
                summary,
            },
        )
}

fn step() -> impl Strategy<Value = Step> {
    let file = 0..FILES.len();
    prop_oneof![
        10 => (file.clone(), report()).prop_map(|(f, r)| Step::Write(f, r)),
        3 => file.clone().prop_map(Step::Delete),
        2 => (file.clone(), file.clone()).prop_map(|(a, b)| Step::Rename(a, b)),
        1 => file.prop_map(Step::Break),
        1 => Just(Step::RenameFolder),
        1 => any::<bool>().prop_map(Step::Static),
        1 => Just(Step::DeleteStatics),
        1 => (1..4usize, 0..3usize, 2..5usize).prop_map(|(p, f, j)| Step::Config(p, f, j)),
    ]
}

/// A site in a temporary folder, built by a [`Builder`] that rebuilds incrementally.
struct Site {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    builder: Builder,
    /// Whether the notes are in `content/briefs` now.
    renamed: bool,
}

impl Site {
    fn new() -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("content/reports")).unwrap();
        write_config(&root, 2, 1, 3);
        let mut builder = Builder::new(BuildOptions {
            root: root.clone(),
            ..Default::default()
        });
        builder.build().unwrap();
        Site {
            _tmp: tmp,
            root,
            builder,
            renamed: false,
        }
    }

    /// The path of report file `i`, in whichever folder the notes are now.
    fn file(&self, i: usize) -> PathBuf {
        let rel = FILES[i];
        match (self.renamed, rel.strip_prefix("content/notes/")) {
            (true, Some(name)) => self.root.join("content/briefs").join(name),
            _ => self.root.join(rel),
        }
    }

    /// Applies `step` to the files; the changes watch mode would see.
    fn apply(&mut self, step: &Step) -> Changes {
        let mut changes = Changes::default();
        let write = |path: &Path, text: &str| {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        match step {
            Step::Write(i, r) => {
                write(&self.file(*i), &r.text());
                changes.content.insert(self.file(*i));
            }
            Step::Delete(i) => {
                let _ = std::fs::remove_file(self.file(*i));
                changes.content.insert(self.file(*i));
            }
            Step::Rename(a, b) => {
                if self.file(*a).exists() && a != b {
                    std::fs::create_dir_all(self.file(*b).parent().unwrap()).unwrap();
                    std::fs::rename(self.file(*a), self.file(*b)).unwrap();
                    changes.content.extend([self.file(*a), self.file(*b)]);
                }
            }
            Step::Break(i) => {
                write(&self.file(*i), "---\ntitle: [unclosed\n---\n");
                changes.content.insert(self.file(*i));
            }
            Step::RenameFolder => {
                let (from, to) = match self.renamed {
                    false => ("content/notes", "content/briefs"),
                    true => ("content/briefs", "content/notes"),
                };
                if self.root.join(from).exists() {
                    std::fs::rename(self.root.join(from), self.root.join(to)).unwrap();
                    self.renamed = !self.renamed;
                    changes
                        .content
                        .extend([self.root.join(from), self.root.join(to)]);
                }
            }
            Step::Static(at_page) => {
                let rel = match at_page {
                    true => "static/reports/r1/index.html",
                    false => "static/extra.css",
                };
                write(&self.root.join(rel), "/* static */");
                changes.statics = true;
            }
            Step::DeleteStatics => {
                let _ = std::fs::remove_dir_all(self.root.join("static"));
                changes.statics = true;
            }
            Step::Config(paginate, feed, json) => {
                write_config(&self.root, *paginate, *feed, *json);
                changes.everything = true;
            }
        }
        changes
    }

    /// Rebuilds after `changes` and checks the live output against a fresh full
    /// build: both fail, or both succeed with the same bytes in every file.
    fn check(&mut self, changes: &Changes, history: &[Step]) -> Result<(), TestCaseError> {
        let rebuilt = self.builder.rebuild(changes);
        // A fresh full build of the same files, into memory (as `sitrep check` builds).
        let fresh = sitrep::render::sink::Buffered::default();
        let full = Builder::one_shot(BuildOptions {
            root: self.root.clone(),
            ..Default::default()
        })
        .build_into(&fresh);
        prop_assert_eq!(
            rebuilt.is_ok(),
            full.is_ok(),
            "rebuild: {:?}\nfull build: {:?}\nafter {:#?}",
            rebuilt.as_ref().err().map(|e| e.to_string()),
            full.as_ref().err().map(|e| e.to_string()),
            history
        );
        if full.is_err() {
            return Ok(());
        }
        let mut live = snapshot(&self.root.join("public"));
        let full = fresh.into_files();
        // The output's marker lists exactly the files of a full build.
        let marker = String::from_utf8(live.remove(".sitrep-output").unwrap()).unwrap();
        prop_assert!(
            marker.lines().skip(1).eq(full.keys().map(String::as_str)),
            "the marker lists {:?} after {:#?}",
            marker,
            history
        );
        let only_live: Vec<&String> = live.keys().filter(|f| !full.contains_key(*f)).collect();
        let only_full: Vec<&String> = full.keys().filter(|f| !live.contains_key(*f)).collect();
        prop_assert!(
            only_live.is_empty() && only_full.is_empty(),
            "stale files {:?}, missing files {:?}, after {:#?}",
            only_live,
            only_full,
            history
        );
        for (f, bytes) in &full {
            prop_assert!(
                live[f] == *bytes,
                "{} differs from a fresh build:\n{}\n---- fresh:\n{}\nafter {:#?}",
                f,
                String::from_utf8_lossy(&live[f]),
                String::from_utf8_lossy(bytes),
                history
            );
        }
        Ok(())
    }
}

fn write_config(root: &Path, paginate: usize, feed: usize, json: usize) {
    std::fs::write(
        root.join("config.yaml"),
        format!(
            "title: Props\nbase_url: https://example.org/p/\npaginate_by: {paginate}\nfeed_limit: {feed}\nreports_json_limit: {json}\n"
        ),
    )
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn incremental_output_equals_a_fresh_build(steps in prop::collection::vec(step(), 10..60)) {
        let mut site = Site::new();
        for (n, step) in steps.iter().enumerate() {
            let changes = site.apply(step);
            site.check(&changes, &steps[..=n])?;
        }
    }
}
