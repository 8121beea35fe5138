//! Watch mode: rebuild when the site's files change, and import seeds dropped into an
//! inbox folder.
//!
//! Watches, with notify and a debouncer: `config.yaml` (through the site folder,
//! not recursively), `content/`, `templates/`, `themes/`, `static/` and the seed inbox.
//! The output folder is never watched, also when it lies inside the site folder, and
//! editor leftovers (`.x.swp`, `x~`, vim's `4913`, `#x#`) and hidden files are
//! ignored. Events that arrive together (a burst of hundreds, a folder copied in) make
//! one rebuild.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::build::{BuildErrors, BuildOptions, BuildStats, Builder, Changes, Interrupted};
use crate::import::{Outcome, SeedResult, import_paths};
use crate::progress::Progress;
use crate::site::config::{CONFIG_FILE, Config};
use crate::site::content::is_ignored;
use crate::site::region::Regions;

/// How long the debouncer waits for a file to be quiet before reporting it.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// How long edits must pause before the rest of the site follows the pages of edited
/// reports, which are written first ([`Builder::write_edited_first`]).
pub const QUIET: Duration = Duration::from_millis(300);

/// Options of watch mode.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// What to build.
    pub build: BuildOptions,
    /// An inbox of seed files to import when they appear or change.
    pub seeds: Option<PathBuf>,
}

/// What watch mode tells its caller, as it happens (the caller prints it; watch mode
/// prints nothing).
#[derive(Debug, Clone)]
pub enum Event {
    /// A rebuild is done (the first, full build too).
    Rebuilt(Rebuild),
    /// Seeds from the inbox were imported: one result per seed, in name order.
    Imported(Vec<SeedResult>),
    /// Worth knowing, nothing failed: the inbox does not exist yet, the watcher
    /// reported a problem.
    Warning(String),
    /// An import from the inbox could not run at all (bad `config.yaml`, a content
    /// folder that cannot be written).
    Error(String),
}

/// What one rebuild did, for the caller to report (serve reloads browsers with it).
#[derive(Debug, Clone)]
pub struct Rebuild {
    /// Short description of what changed (`content/reports/x.md`, `3 files`).
    pub what: String,
    /// The build's result: its stats, or every error (each naming its file).
    pub result: std::result::Result<BuildStats, Vec<String>>,
    /// Whether only stylesheets changed (a browser can reload just those).
    pub css_only: bool,
    /// Whether only the pages of edited reports were written, first; the rest of
    /// the site follows once edits pause for [`QUIET`].
    pub first: bool,
    /// How long it took.
    pub took: Duration,
}

/// Sorts changed paths into what the build needs to do. Paths in the output folder,
/// hidden files and editor temporary files are dropped; seed files are returned apart.
#[derive(Debug, Clone)]
pub struct Classifier {
    /// The site folder as given (maybe relative): changed content paths are reported
    /// under it, as the build names its files.
    given_root: PathBuf,
    root: PathBuf,
    output: PathBuf,
    content: PathBuf,
    templates: PathBuf,
    themes: PathBuf,
    statics: PathBuf,
    config: PathBuf,
    seeds: Option<PathBuf>,
}

impl Classifier {
    /// A classifier for these options. Paths are compared in absolute form.
    pub fn new(opts: &WatchOptions) -> Result<Classifier> {
        let abs = |p: &Path| {
            std::path::absolute(p)
                .map(|p| crate::fs::normalise(&p))
                .context("cannot resolve the current folder")
        };
        let root = abs(&opts.build.root)?;
        Ok(Classifier {
            output: abs(&opts.build.output_dir())?,
            content: root.join("content"),
            templates: root.join("templates"),
            themes: root.join("themes"),
            statics: root.join("static"),
            config: root.join(CONFIG_FILE),
            seeds: opts.seeds.as_deref().map(abs).transpose()?,
            given_root: opts.build.root.clone(),
            root,
        })
    }

    /// The folders to watch recursively (those that exist).
    pub fn recursive_roots(&self) -> Vec<PathBuf> {
        let mut dirs = vec![
            self.content.clone(),
            self.templates.clone(),
            self.themes.clone(),
            self.statics.clone(),
        ];
        dirs.extend(self.seeds.clone());
        dirs.into_iter().filter(|d| d.is_dir()).collect()
    }

    /// Whether `path` is a static file: in `static/` or a theme's `static/` folder.
    pub fn is_static(&self, path: &Path) -> bool {
        path.starts_with(&self.statics)
            || path.strip_prefix(&self.themes).is_ok_and(|rel| {
                rel.components()
                    .nth(1)
                    .is_some_and(|c| c.as_os_str() == "static")
            })
    }

    /// Adds `path` to `changes` (or to `seeds`, for a seed in the inbox). Returns
    /// whether the path matters at all.
    pub fn classify(&self, path: &Path, changes: &mut Changes, seeds: &mut Vec<PathBuf>) -> bool {
        let Ok(path) = std::path::absolute(path).map(|p| crate::fs::normalise(&p)) else {
            return false;
        };
        if path.starts_with(&self.output) {
            return false;
        }
        // Hidden files and folders, editor leftovers: anywhere below the watched roots.
        let below = |base: &Path| path.strip_prefix(base).ok().map(Path::to_path_buf);
        let rel = below(&self.root)
            .or_else(|| self.seeds.as_deref().and_then(below))
            .unwrap_or_default();
        if rel.components().any(|c| is_ignored(c.as_os_str())) {
            return false;
        }
        if let Some(inbox) = &self.seeds
            && path.starts_with(inbox)
        {
            let is_seed = path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("txt"));
            if is_seed {
                seeds.push(path);
            }
            return is_seed;
        }
        if self.is_static(&path) {
            changes.statics = true;
        } else if path == self.config
            || path.starts_with(&self.templates)
            || path.starts_with(&self.themes)
        {
            changes.everything = true;
        } else if path.starts_with(&self.content) {
            changes.content.insert(self.given_root.join(&rel));
        } else {
            // Anything else in the site folder (a README, `target/`) does not matter.
            return false;
        }
        true
    }
}

/// Watches and rebuilds until `stop` is set. Every rebuild (the first, full one too),
/// import from the inbox and problem is passed to `report` as an [`Event`];
/// `progress` hears of the pages each build renders.
///
/// Errors: the watcher cannot start. Build errors are not errors of watch mode: they
/// are reported, the last good site stays, and the next good save recovers.
pub fn watch(
    opts: &WatchOptions,
    stop: &AtomicBool,
    progress: Arc<dyn Progress>,
    mut report: impl FnMut(&Event),
) -> Result<()> {
    let classifier = Classifier::new(opts)?;
    // Watch first, build second: a change made while the first build runs is then
    // seen, not lost.
    let (tx, rx) = channel();
    // Set as soon as a change that matters comes, to interrupt a rebuild under way.
    let interrupt = Arc::new(AtomicBool::new(false));
    let handler = interrupting(tx, interrupt.clone(), classifier.clone());
    let mut debouncer =
        new_debouncer(DEBOUNCE, None, handler).context("cannot start the file watcher")?;
    let mut watched = Watched::default();
    watched.update(&mut debouncer, &classifier)?;

    open_inbox(opts, &classifier, &mut report);
    let mut builder = Builder::new(opts.build.clone())
        .with_progress(progress)
        .with_interrupt(interrupt.clone());
    let start = Instant::now();
    let result = builder.build().map_err(error_lines);
    report(&Event::Rebuilt(Rebuild {
        what: "first build".into(),
        result,
        css_only: false,
        first: false,
        took: start.elapsed(),
    }));

    // Changes whose edited pages were written first, waiting for edits to pause.
    let mut waiting: Option<Waiting> = None;
    while !stop.load(Ordering::SeqCst) {
        let poll = waiting.as_ref().map_or(POLL, |w| {
            (w.since + QUIET).saturating_duration_since(Instant::now())
        });
        let batch = next_batch(&rx, stop, &classifier, &mut report, poll);
        // Watched folders may have been created, removed or replaced (a new folder
        // under an old name): checked at every turn, which costs a few `stat`s.
        watched.update(&mut debouncer, &classifier)?;
        if let Some(batch) = batch {
            waiting = handle_batch(
                opts,
                &classifier,
                &mut builder,
                batch,
                waiting,
                &interrupt,
                &mut report,
            );
        } else if let Some(w) = waiting.take_if(|w| w.since.elapsed() >= QUIET) {
            let root = &classifier.root;
            waiting = rebuild(
                &mut builder,
                w.changes,
                false,
                root,
                &interrupt,
                &mut report,
            );
        }
    }
    // What waits is built before stopping.
    if let Some(w) = waiting {
        interrupt.store(false, Ordering::SeqCst);
        let _ = builder.rebuild(&w.changes);
    }
    debouncer.stop();
    Ok(())
}

/// The watcher's event handler: sends every result on `tx`, and sets `flag` when one
/// holds a change that matters (so that a rebuild under way stops for it).
fn interrupting(
    tx: std::sync::mpsc::Sender<DebounceEventResult>,
    flag: Arc<AtomicBool>,
    classifier: Classifier,
) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| {
        if result.as_ref().is_ok_and(|events| {
            events.iter().any(|e| {
                !matches!(e.event.kind, EventKind::Access(_))
                    && e.event
                        .paths
                        .iter()
                        .any(|p| classifier.classify(p, &mut Changes::default(), &mut Vec::new()))
            })
        }) {
            flag.store(true, Ordering::SeqCst);
        }
        let _ = tx.send(result);
    }
}

/// How long [`next_batch`] waits for a first event before giving the loop a turn.
const POLL: Duration = Duration::from_millis(200);

/// Changes whose edited pages were written first: the rest of the site waits.
struct Waiting {
    changes: Changes,
    /// When the last of them came.
    since: Instant,
}

/// Imports the batch's seeds, then writes the pages of edited reports first, when
/// the batch is only such edits (the rest waits, returned, until edits pause), or
/// rebuilds for its changes and any that wait.
fn handle_batch(
    opts: &WatchOptions,
    classifier: &Classifier,
    builder: &mut Builder,
    batch: Batch,
    waiting: Option<Waiting>,
    interrupt: &AtomicBool,
    report: &mut impl FnMut(&Event),
) -> Option<Waiting> {
    if !batch.seeds.is_empty()
        && let Some(event) = import_seeds(opts, &batch.seeds)
    {
        report(&event);
    }
    if batch.changes.is_empty() {
        return waiting;
    }
    let start = Instant::now();
    let mut changes = waiting.map(|w| w.changes).unwrap_or_default();
    changes.everything |= batch.changes.everything;
    changes.statics |= batch.changes.statics;
    changes
        .content
        .extend(batch.changes.content.iter().cloned());
    let what = describe(&batch.changes, &classifier.root);
    if !batch.css_only
        && let Ok(files) = builder.write_edited_first(&batch.changes)
        && !files.is_empty()
    {
        report(&Event::Rebuilt(Rebuild {
            what,
            result: Ok(BuildStats {
                rendered: files.len(),
                written: files.len(),
                ..BuildStats::default()
            }),
            css_only: false,
            first: true,
            took: start.elapsed(),
        }));
        return Some(Waiting {
            changes,
            since: Instant::now(),
        });
    }
    let root = &classifier.root;
    rebuild(builder, changes, batch.css_only, root, interrupt, report)
}

/// Rebuilds for `changes` and reports it; when newer changes interrupt it
/// ([`Interrupted`]), returns the changes, to wait with the newer ones.
fn rebuild(
    builder: &mut Builder,
    changes: Changes,
    css_only: bool,
    root: &Path,
    interrupt: &AtomicBool,
    report: &mut impl FnMut(&Event),
) -> Option<Waiting> {
    let start = Instant::now();
    interrupt.store(false, Ordering::SeqCst);
    let result = builder.rebuild(&changes);
    if result.as_ref().is_err_and(|e| e.is::<Interrupted>()) {
        return Some(Waiting {
            changes,
            since: Instant::now(),
        });
    }
    report(&Event::Rebuilt(Rebuild {
        what: describe(&changes, root),
        result: result.map_err(error_lines),
        css_only,
        first: false,
        took: start.elapsed(),
    }));
    None
}

/// The longest a batch keeps collecting events while changes keep coming.
const MAX_BATCH: Duration = Duration::from_millis(500);

/// What a batch of events asks for.
struct Batch {
    changes: Changes,
    seeds: Vec<PathBuf>,
    /// Only stylesheets changed.
    css_only: bool,
}

/// Waits for the next batch of changes: one debounced batch, plus any that follow
/// within a moment (a long burst of writes makes one rebuild), for at most
/// [`MAX_BATCH`]. Events that do not matter (the output, editor leftovers) neither
/// make a batch nor prolong one. `None` when nothing came before the poll interval
/// ran out.
fn next_batch(
    rx: &Receiver<DebounceEventResult>,
    stop: &AtomicBool,
    classifier: &Classifier,
    report: &mut impl FnMut(&Event),
    poll: Duration,
) -> Option<Batch> {
    let mut changes = Changes::default();
    let mut seeds = Vec::new();
    let mut css_only = true;
    let poll_end = Instant::now() + poll;
    // When the first and the latest relevant events came.
    let mut started: Option<Instant> = None;
    let mut latest = Instant::now();
    loop {
        let deadline = match started {
            Some(first) => (latest + DEBOUNCE).min(first + MAX_BATCH),
            None => poll_end,
        };
        let now = Instant::now();
        if now >= deadline || stop.load(Ordering::SeqCst) {
            break;
        }
        match rx.recv_timeout(deadline - now) {
            Ok(Ok(events)) => {
                for e in events {
                    if matches!(e.event.kind, EventKind::Access(_)) {
                        continue;
                    }
                    for p in &e.event.paths {
                        if classifier.classify(p, &mut changes, &mut seeds) {
                            started.get_or_insert_with(Instant::now);
                            latest = Instant::now();
                            if !(p.extension().is_some_and(|x| x == "css")
                                && classifier.is_static(p))
                            {
                                css_only = false;
                            }
                        }
                    }
                }
            }
            Ok(Err(errors)) => {
                for e in errors {
                    report(&Event::Warning(format!("watch: {e}")));
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    started.map(|_| Batch {
        changes,
        seeds,
        css_only,
    })
}

/// The folders being watched, with the identity (device and inode) of each when its
/// watch was set up: a folder deleted and made again under the same name is a new
/// folder, and needs a new watch.
#[derive(Default)]
struct Watched(Vec<(PathBuf, Option<(u64, u64)>)>);

impl Watched {
    /// Watches the folders that exist now and are not watched yet (or not as the
    /// folder now there): the site folder itself (not recursively, for `config.yaml`
    /// and for folders appearing), and each watched folder recursively.
    fn update(
        &mut self,
        debouncer: &mut Debouncer<RecommendedWatcher, RecommendedCache>,
        classifier: &Classifier,
    ) -> Result<()> {
        let mut want = vec![(classifier.root.clone(), RecursiveMode::NonRecursive)];
        want.extend(
            classifier
                .recursive_roots()
                .into_iter()
                .map(|d| (d, RecursiveMode::Recursive)),
        );
        for (dir, mode) in want {
            let id = folder_id(&dir);
            if self.0.iter().any(|(d, i)| *d == dir && *i == id) {
                continue;
            }
            // Gone or replaced: drop the old watch (notify may have dropped it).
            if let Some(pos) = self.0.iter().position(|(d, _)| *d == dir) {
                let _ = debouncer.unwatch(&dir);
                self.0.remove(pos);
            }
            debouncer
                .watch(&dir, mode)
                .with_context(|| format!("cannot watch `{}`", dir.display()))?;
            self.0.push((dir, id));
        }
        self.0.retain(|(d, _)| d.exists());
        Ok(())
    }
}

#[cfg(unix)]
fn folder_id(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_id(_dir: &Path) -> Option<(u64, u64)> {
    None
}

/// Imports changed seeds from the inbox: the event to report, if any seed was there.
fn import_seeds(opts: &WatchOptions, seeds: &[PathBuf]) -> Option<Event> {
    let mut existing: Vec<PathBuf> = seeds.iter().filter(|p| p.is_file()).cloned().collect();
    existing.sort();
    existing.dedup();
    if existing.is_empty() {
        return None;
    }
    import_folder_or_files(opts, &existing)
}

/// Warns of a seed inbox that does not exist yet (it is watched once it does), and
/// imports the seeds left in one that does while no preview ran, so that a seed
/// dropped before `serve` started is not lost.
fn open_inbox(opts: &WatchOptions, classifier: &Classifier, report: &mut impl FnMut(&Event)) {
    let Some(inbox) = &classifier.seeds else {
        return;
    };
    if !inbox.is_dir() {
        report(&Event::Warning(format!(
            "the seed inbox `{}` does not exist; it is watched once it does",
            inbox.display()
        )));
    } else if let Some(event) = import_folder(opts, inbox) {
        report(&event);
    }
}

/// Imports every seed in the folder `inbox` (see [`import_paths`]; those imported
/// before and unchanged are skipped); `None` when it has no seed that is new or
/// changed, so that nothing is said.
fn import_folder(opts: &WatchOptions, inbox: &Path) -> Option<Event> {
    match import_folder_or_files(opts, &[inbox.to_path_buf()])? {
        Event::Imported(results)
            if (results.iter()).all(|r| matches!(r.outcome, Outcome::Unchanged(_))) =>
        {
            None
        }
        event => Some(event),
    }
}

/// Imports `paths` (seed files, or folders of them) into the content folder.
fn import_folder_or_files(opts: &WatchOptions, paths: &[PathBuf]) -> Option<Event> {
    let imported = Config::load(&opts.build.root).and_then(|c| {
        import_paths(
            paths,
            &opts.build.content_dir(),
            false,
            &Regions::new(&c.regions)?,
            &crate::site::ids::authority(&c.base_url),
            &crate::progress::Silent,
        )
    });
    Some(match imported {
        Ok(results) => Event::Imported(results),
        Err(e) => Event::Error(format!("import: {e:#}")),
    })
}

/// `content/reports/x.md`, `config and templates`, `12 content files`.
fn describe(changes: &Changes, root: &Path) -> String {
    let mut parts = Vec::new();
    if changes.everything {
        parts.push("configuration or templates".to_string());
    }
    if changes.statics {
        parts.push("static files".to_string());
    }
    match changes.content.len() {
        0 => {}
        1 => {
            let p = changes.content.iter().next().unwrap();
            let p = p.strip_prefix(root).or(p.strip_prefix(".")).unwrap_or(p);
            parts.push(p.display().to_string());
        }
        n => parts.push(format!("{n} content paths")),
    }
    parts.join(", ")
}

/// Sets `stop` on Ctrl-C (SIGINT/SIGTERM).
///
/// Errors: a handler is already installed.
pub fn stop_on_ctrl_c(stop: Arc<AtomicBool>, also: impl Fn() + Send + 'static) -> Result<()> {
    ctrlc::set_handler(move || {
        stop.store(true, Ordering::SeqCst);
        also();
    })
    .context("cannot install the Ctrl-C handler")
}

/// The errors of a failed build, one message each.
fn error_lines(e: anyhow::Error) -> Vec<String> {
    match e.downcast::<BuildErrors>() {
        Ok(b) => b.0,
        Err(e) => vec![format!("{e:#}")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classifier(output: Option<&str>) -> (Classifier, PathBuf) {
        let root = PathBuf::from("/site");
        let opts = WatchOptions {
            build: BuildOptions {
                root: root.clone(),
                output: output.map(PathBuf::from),
                drafts: false,
                force: false,
                base_url: None,
                no_cache: false,
            },
            seeds: Some("/inbox".into()),
        };
        (Classifier::new(&opts).unwrap(), root)
    }

    fn classify(c: &Classifier, path: &str) -> (Changes, Vec<PathBuf>) {
        let mut changes = Changes::default();
        let mut seeds = Vec::new();
        c.classify(Path::new(path), &mut changes, &mut seeds);
        (changes, seeds)
    }

    #[test]
    fn sorts_paths_into_what_to_rebuild() {
        let (c, _) = classifier(None);
        assert!(classify(&c, "/site/config.yaml").0.everything);
        assert!(classify(&c, "/site/templates/base.html").0.everything);
        assert!(
            classify(&c, "/site/themes/default/templates/x.html")
                .0
                .everything
        );
        assert!(classify(&c, "/site/static/style.css").0.statics);
        let theme_css = classify(&c, "/site/themes/default/static/style.css").0;
        assert!(theme_css.statics && !theme_css.everything);
        let (changes, _) = classify(&c, "/site/content/reports/x.md");
        assert_eq!(
            changes.content,
            [PathBuf::from("/site/content/reports/x.md")].into()
        );
        assert_eq!(
            classify(&c, "/inbox/new.txt").1,
            [PathBuf::from("/inbox/new.txt")]
        );
        assert!(classify(&c, "/inbox/notes.md").1.is_empty());
        assert!(classify(&c, "/site/README.md").0.is_empty());
    }

    #[test]
    fn ignores_output_hidden_and_editor_files() {
        for output in [None, Some("/site/out"), Some("/site/content/../out2")] {
            let (c, _) = classifier(output);
            let out = output.map_or("/site/public".to_string(), |o| {
                crate::fs::normalise(Path::new(o)).display().to_string()
            });
            assert!(
                classify(&c, &format!("{out}/index.html")).0.is_empty(),
                "{out}"
            );
        }
        let (c, _) = classifier(None);
        for p in [
            "/site/content/reports/.x.md.swp",
            "/site/content/reports/x.md~",
            "/site/content/reports/4913",
            "/site/content/.git/index",
            "/site/content/reports/.tmpAbC",
            "/site/.public.staging-xyz/index.html",
            "/inbox/.seed.txt.swp",
        ] {
            let (changes, seeds) = classify(&c, p);
            assert!(changes.is_empty() && seeds.is_empty(), "{p}");
        }
    }
}
