//! The build: load the configuration, templates and content, validate, render, write.
//!
//! [`Builder`] keeps what its last good build saw, so that watch mode can rebuild only
//! what a change needs: a report edit re-renders that report and the index pages
//! whose listing changed; a template, configuration or theme change rebuilds all.
//! While any file has an error, nothing is written: the last good site stays.
//!
//! * [`options`]: where a build reads and writes, checked before anything is done;
//! * [`output`]: the atomic writers of the output folder (a staging folder for a full
//!   build, file-by-file updates for a rebuild); [`manifest`]: what was written;
//! * [`cache`]: what the last `sitrep build` read and wrote, so the next can skip work;
//! * [`check`]: `sitrep check`, a build in memory inspected for broken links.

pub mod cache;
pub mod check;
pub mod manifest;
pub mod options;
pub mod output;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Result;
use rayon::prelude::*;
use tera::Tera;

pub use options::{BuildOptions, check_output, check_site};

use crate::build::cache::{BuildCache, Inputs};
use crate::build::manifest::{Manifest, append_to_marker, write_marker};
use crate::build::output::{Live, Reuse, Staging};
use crate::progress::{Progress, Silent};
use crate::render::sink::{Buffered, Sink};
use crate::render::theme::{check_static_clashes, copy_static, load_templates, static_paths};
use crate::render::{PageKey, Renderer, render_pages};
use crate::site::Site;
use crate::site::config::{CONFIG_FILE, Config, DEFAULT_BASE_URL};
use crate::site::content::{Page, find_content_files, load_page};
use crate::site::model::SMALL_SITE;
use crate::site::paths::GENERATED_FOLDERS;
use crate::site::region::Regions;

/// What a build did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BuildStats {
    /// Reports in the site.
    pub reports: usize,
    /// Pages rendered (reports and index pages).
    pub rendered: usize,
    /// Files written (pages and static files whose bytes changed).
    pub written: usize,
    /// Files removed from the output (pages that no longer exist).
    pub removed: usize,
    /// Warnings about files read for this build (not UTF-8, converted).
    pub warnings: Vec<String>,
    /// How long each phase of a full build took (`--verbose` prints them).
    pub phases: Vec<(&'static str, std::time::Duration)>,
}

/// A rebuild stopped, before writing anything, because newer changes came
/// ([`Builder::with_interrupt`]); its changes wait for the next rebuild.
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the rebuild stopped for newer changes")
    }
}

impl std::error::Error for Interrupted {}

/// All the errors of a failed build, each naming its file (and line, where known).
#[derive(Debug)]
pub struct BuildErrors(pub Vec<String>);

impl std::fmt::Display for BuildErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for e in &self.0 {
            writeln!(f, "error: {e}")?;
        }
        write!(
            f,
            "build failed: {} error(s); the output was left as it was",
            self.0.len()
        )
    }
}

impl std::error::Error for BuildErrors {}

/// What changed since the last build, as watch mode sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// The configuration, templates or theme changed: rebuild everything.
    pub everything: bool,
    /// Static files changed: copy them again.
    pub statics: bool,
    /// Content files (or folders) created, changed, removed or renamed.
    pub content: BTreeSet<PathBuf>,
}

impl Changes {
    /// Whether there is anything to do.
    pub fn is_empty(&self) -> bool {
        !self.everything && !self.statics && self.content.is_empty()
    }
}

/// The state of the last good build.
struct State {
    config: Config,
    regions: Regions,
    tera: Tera,
    /// Valid pages by source file.
    pages: BTreeMap<PathBuf, Arc<Page>>,
    /// The site made of `pages`, with the edited reports written first since
    /// ([`Builder::write_edited_first`]) in place of theirs.
    site: Site,
    /// Every file in the output, with its hash.
    manifest: Manifest,
    /// The output files that are pages (the rest are static files).
    page_files: BTreeSet<String>,
    /// Fingerprint of each page ([`Renderer::fingerprint`]), by output file.
    fingerprints: HashMap<String, u64>,
    /// Number of static files.
    static_files: usize,
}

/// Builds a site, and rebuilds it after changes.
pub struct Builder {
    opts: BuildOptions,
    state: Option<State>,
    /// Content files with errors, by file; kept until the file is fixed or removed.
    errors: BTreeMap<PathBuf, String>,
    /// Content files changed since the last successful write.
    pending: BTreeSet<PathBuf>,
    /// Pages loaded after the last good build (valid), waiting to be written.
    loaded: BTreeMap<PathBuf, Arc<Page>>,
    /// A full rebuild (configuration, templates) or a static copy that failed or
    /// waited behind an error: done with the next rebuild, whatever it is for.
    pending_full: bool,
    pending_statics: bool,
    /// The `base_url` of the last [`Builder::build_into`].
    base_url: Option<String>,
    /// Builds once and keeps nothing for rebuilds ([`Builder::one_shot`]).
    one_shot: bool,
    /// Static files written by the last build.
    static_count: usize,
    /// Hears of each page rendered ([`Builder::with_progress`]).
    progress: Arc<dyn Progress>,
    /// Pages were written first ([`Builder::write_edited_first`]) since the output's
    /// marker was last written.
    marker_stale: bool,
    /// Set by the caller when newer changes came: a content rebuild then stops
    /// before writing anything ([`Builder::with_interrupt`]).
    interrupt: Option<Arc<AtomicBool>>,
}

impl Builder {
    /// A builder for `opts`; nothing is read until [`Builder::build`].
    pub fn new(opts: BuildOptions) -> Builder {
        Builder {
            opts,
            state: None,
            errors: BTreeMap::new(),
            pending: BTreeSet::new(),
            loaded: BTreeMap::new(),
            pending_full: false,
            pending_statics: false,
            base_url: None,
            one_shot: false,
            static_count: 0,
            progress: Arc::new(Silent),
            marker_stale: false,
            interrupt: None,
        }
    }

    /// Lets `flag` interrupt content rebuilds: when it is set, [`Builder::rebuild`]
    /// stops at its next step, before writing anything, with an [`Interrupted`]
    /// error, and keeps its changes for the next rebuild. Watch mode sets it when
    /// newer changes come, so that they are not kept waiting behind older ones.
    pub fn with_interrupt(self, flag: Arc<AtomicBool>) -> Builder {
        Builder {
            interrupt: Some(flag),
            ..self
        }
    }

    /// The flag that interrupts a content rebuild ([`Builder::with_interrupt`]), or
    /// one never set. Long steps look at it for every page.
    fn stop_flag(&self) -> &AtomicBool {
        self.interrupt.as_deref().unwrap_or(&NEVER)
    }

    /// [`Interrupted`] when the caller asked ([`Builder::with_interrupt`]).
    fn check_interrupt(&self) -> Result<()> {
        match &self.interrupt {
            Some(f) if f.load(Ordering::SeqCst) => Err(Interrupted.into()),
            _ => Ok(()),
        }
    }

    /// Tells `progress` of every page rendered (the command line draws a bar).
    pub fn with_progress(self, progress: Arc<dyn Progress>) -> Builder {
        Builder { progress, ..self }
    }

    /// A builder for one build (`sitrep build`): it keeps no state for rebuilds, so it
    /// skips the work only rebuilds need, and past [`KEPT_BODIES`] bytes of them
    /// leaves each report's body in its file until its page and search block are made
    /// ([`Page::leave_body_in_file`]): the bodies are most of a large site's size, and
    /// need not all be in memory at once; a small site's are read once.
    pub fn one_shot(opts: BuildOptions) -> Builder {
        Builder {
            one_shot: true,
            ..Builder::new(opts)
        }
    }

    /// The number of static files of the last good build.
    pub fn static_files(&self) -> usize {
        self.state
            .as_ref()
            .map_or(self.static_count, |s| s.static_files)
    }

    /// Builds everything from scratch into a staging folder that replaces the output
    /// when complete (see [`Staging`]).
    ///
    /// Errors: [`BuildErrors`] listing every content and template error (the output
    /// is then left as it was), or an I/O error.
    pub fn build(&mut self) -> Result<BuildStats> {
        check_output(&self.opts)?;
        let mut clock = std::time::Instant::now();
        let mut phases = Vec::new();
        let mut phase = |name| {
            phases.push((name, clock.elapsed()));
            clock = std::time::Instant::now();
        };
        let inputs = Inputs::read(&self.opts);
        // `--no-cache`: nothing of the last build is trusted; the cache is written anew.
        let previous = (!self.opts.no_cache)
            .then(|| BuildCache::load(&self.opts))
            .flatten()
            .map(|c| Box::new(c) as Box<dyn Reuse>);
        phase("check the cache");
        let fresh = self.load_all()?;
        phase("read and parse content");
        let staging = Staging::begin_reusing(&self.opts.output_dir(), self.opts.force, previous)?;
        let written = self
            .write_all(&fresh, &staging, !self.one_shot)
            .map_err(as_build_error)?;
        phase("render and write pages");
        // One file per page (a path two pages share is an error).
        let (stats, page_count) = (written.stats.clone(), written.stats.rendered);
        // A one-off build lets its site go before publishing: the pages and the
        // output's bookkeeping are never in memory together.
        let kept = (!self.one_shot).then_some((fresh, written));
        let written_stats = staging.written_stats();
        let manifest = staging.commit()?;
        BuildCache::after_build(&self.opts, inputs, &manifest, &written_stats).save(&self.opts);
        drop(written_stats);
        phase("publish and save the cache");
        let stats = BuildStats {
            written: manifest.len(),
            phases,
            ..stats
        };
        self.static_count = manifest.len() - page_count;
        if let Some((fresh, written)) = kept {
            self.install(fresh, manifest, written);
        }
        Ok(stats)
    }

    /// Whether the output is up to date: no input changed since the last build
    /// (see [`crate::build::cache`]) and its output is as that build left it. Cheap: a
    /// `stat` of every input and output file; only the inputs changed just before the
    /// last build are read again. Never with `--no-cache`.
    pub fn up_to_date(&self) -> bool {
        !self.opts.no_cache
            && check_output(&self.opts).is_ok()
            && BuildCache::up_to_date(&self.opts)
    }

    /// Builds everything into `out` (for `sitrep check`: an in-memory [`Buffered`])
    /// and returns the pages built. Keeps no state: a later [`Builder::rebuild`]
    /// starts from scratch.
    ///
    /// Errors: as [`Builder::build`].
    pub fn build_into(&mut self, out: &dyn Sink) -> Result<Vec<Arc<Page>>> {
        let fresh = self.load_all()?;
        self.base_url = Some(fresh.config.base_url.clone());
        self.write_all(&fresh, out, false).map_err(as_build_error)?;
        Ok(fresh.pages)
    }

    /// The site's `base_url`, once a build has read the configuration.
    pub fn base_url(&self) -> Option<String> {
        self.state
            .as_ref()
            .map(|s| s.config.base_url.clone())
            .or_else(|| self.base_url.clone())
    }

    /// Rebuilds after `changes`, updating the live output in place: only pages whose
    /// inputs changed are rendered, only files whose bytes changed are written, and
    /// pages that no longer exist are removed. Falls back to [`Builder::build`] when
    /// there was no good build yet.
    ///
    /// Errors: as [`Builder::build`]; nothing is written then, and the changes are
    /// remembered, so the next good rebuild includes them.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<BuildStats> {
        if self.state.is_none() {
            return self.build();
        }
        self.pending.extend(changes.content.iter().cloned());
        self.pending_full |= changes.everything;
        self.pending_statics |= changes.statics;
        if self.pending_full {
            let fresh = self.load_all()?;
            let prev = self.state.as_ref().expect("checked");
            let output = self.opts.output_dir();
            let live = Live::new(&output, &prev.manifest);
            // Everything is rendered before anything is written: a page that fails
            // leaves the whole live site as it was.
            let buffer = Buffered::default();
            let written = self
                .write_all(&fresh, &buffer, true)
                .map_err(as_build_error)?;
            let mut stats = written.stats.clone();
            buffer.write_to(&live)?;
            let manifest = live.touched();
            stats.removed =
                live.remove(prev.manifest.keys().filter(|f| !manifest.contains_key(*f)))?;
            stats.written = live.written();
            write_marker(&output, &manifest)?;
            self.install(fresh, manifest, written);
            return Ok(stats);
        }
        let statics = self.pending_statics;
        let stats = self.update_content(statics)?;
        self.pending_statics = false;
        Ok(stats)
    }

    /// Writes at once the pages of the reports whose files `changes` names, so that a
    /// preview shows an edit or a new report without waiting for the rest of the site:
    /// an edited report's page, rendered with the last good build's site with the
    /// report put in (its neighbours, counts and lists as they were); a new report's
    /// page and the home page's first page, rendered with that site and the new reports
    /// added. Returns the output files written (empty when there is nothing such: a
    /// removed file, a configuration, template or static change, a file with an error,
    /// a report whose page moved, that became a draft, or whose URL another page has).
    /// Nothing is written while a content file has an error (the last good site
    /// stays). The next [`Builder::rebuild`] with the same changes brings the whole
    /// site up to date, these pages included, as if this had not run: a page written
    /// first that is gone by then is removed, one that changed since is written again.
    ///
    /// Errors: reading a file fails or a page fails to render; then nothing was
    /// written (the rebuild reports it).
    pub fn write_edited_first(&mut self, changes: &Changes) -> Result<Vec<String>> {
        let Some(state) = self.state.as_mut() else {
            return Ok(Vec::new());
        };
        // While the site has errors, the last good site stays as it is.
        if changes.everything || self.pending_full || !self.errors.is_empty() {
            return Ok(Vec::new());
        }
        let content_dir = self.opts.content_dir();
        let mut edited = Vec::new();
        let mut added = Vec::new();
        for file in &changes.content {
            let Ok(page) = load_page(file, &content_dir, &state.regions) else {
                continue;
            };
            if !self.opts.builds(&page) {
                continue;
            }
            let Some(old) = state.pages.get(file) else {
                added.push(Arc::new(page));
                continue;
            };
            let Some(i) = (state.site.reports.iter())
                .position(|p| p.file.file_name() == file.file_name() && p.file == *file)
            else {
                continue;
            };
            if page.path == old.path {
                state.site.reports[i] = Arc::new(page);
                edited.push(PageKey::Report(i));
            }
        }
        let edited_pages: Vec<Arc<Page>> = (edited.iter())
            .map(|&k| match k {
                PageKey::Report(i) => state.site.reports[i].clone(),
                _ => unreachable!("only reports are edited"),
            })
            .collect();
        let with_added = new_reports_site(state, added, &edited_pages);
        let (site, keys) = match &with_added {
            Some((site, keys)) => (site, keys.clone()),
            None => (&state.site, edited),
        };
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let renderer = Renderer::new(site, &state.tera);
        let rendered = keys
            .iter()
            .map(|&k| Ok((renderer.output_file(k), renderer.render(k)?)))
            .collect::<Result<Vec<_>>>()?;
        let output = self.opts.output_dir();
        // A new file is listed in the output's marker before it is written: should
        // the rebuild that follows fail (a new report whose id another has), the
        // file is still known as sitrep's, not taken for a person's by the next build.
        let new_files: Vec<&str> = (rendered.iter())
            .map(|(file, _)| file.as_str())
            .filter(|f| !state.manifest.contains_key(*f))
            .collect();
        append_to_marker(&output, &new_files)?;
        let live = Live::new(&output, &state.manifest);
        let mut written = Vec::new();
        for (file, bytes) in &rendered {
            let before = live.written();
            live.write(file, bytes)?;
            if live.written() > before {
                written.push(file.clone());
            }
        }
        drop(renderer);
        // The manifest says what is on disk; the marker follows with the rebuild. The
        // pages written are pages of the output now (the rebuild removes them if they
        // are gone by then), and their fingerprints no longer say what is on disk (the
        // rebuild renders them again, whatever changed since).
        state.manifest.extend(live.touched());
        for file in &written {
            state.page_files.insert(file.clone());
            state.fingerprints.remove(file);
        }
        self.marker_stale |= !written.is_empty();
        Ok(written)
    }

    /// Loads config, templates and all content; every error is collected.
    fn load_all(&mut self) -> Result<Fresh> {
        let root = &self.opts.root;
        check_site(root).map_err(|e| BuildErrors(vec![format!("{e:#}")]))?;
        let mut config = Config::load(root).map_err(|e| BuildErrors(vec![format!("{e:#}")]))?;
        if let Some(url) = &self.opts.base_url {
            config.base_url = url.clone();
        }
        let regions = Regions::new(&config.regions)?;
        let mut errors = Vec::new();
        let theme_dir = config.theme_dir(root);
        if config.theme != "default" && !theme_dir.is_dir() {
            errors.push(format!(
                "{}: theme `{}` not found: there is no folder `{}`",
                root.join(CONFIG_FILE).display(),
                config.theme,
                theme_dir.display()
            ));
        }
        let tera = load_templates(&theme_dir, &root.join("templates"))
            .map_err(|e| errors.push(format!("{e:#}")))
            .ok();
        let content_dir = self.opts.content_dir();
        let files = find_content_files(&content_dir)?;
        // How many bytes of bodies to keep: all for a builder that rebuilds; for a
        // one-off build, up to `KEPT_BODIES` of a small site's (in whatever order
        // the pages load), none of a large site's (its memory goes to its lists).
        let budget = match self.one_shot {
            false => usize::MAX,
            true if files.len() <= SMALL_SITE => KEPT_BODIES,
            true => 0,
        };
        let kept = AtomicUsize::new(0);
        // Each page in its `Arc` at once: the list holds pointers, not pages.
        let loaded: Vec<(PathBuf, Result<Arc<Page>>)> = files
            .into_par_iter()
            .map(|f| {
                let mut page = load_page(&f, &content_dir, &regions);
                if budget < usize::MAX
                    && let Ok(p) = &mut page
                {
                    let len = p.kept_body_len();
                    if kept.fetch_add(len, Ordering::Relaxed) + len > budget {
                        p.leave_body_in_file();
                    }
                }
                (f, page.map(Arc::new))
            })
            .collect();
        self.errors.clear();
        // In path order, as found; each page knows its file (no second copy of it).
        let mut pages = Vec::new();
        for (file, result) in loaded {
            match result {
                Ok(p) if !self.opts.builds(&p) => {}
                Ok(p) => pages.push(p),
                Err(e) => {
                    self.errors.insert(file, format!("{e:#}"));
                }
            }
        }
        errors.extend(self.errors.values().cloned());
        errors.extend(path_collisions(pages.iter()));
        if !errors.is_empty() {
            return Err(BuildErrors(errors).into());
        }
        Ok(Fresh {
            config,
            regions,
            tera: tera.expect("no errors means templates loaded"),
            pages,
        })
    }

    fn install(&mut self, fresh: Fresh, manifest: Manifest, written: Written) {
        let static_files = manifest.len() - written.page_files.len();
        self.state = Some(State {
            config: fresh.config,
            regions: fresh.regions,
            tera: fresh.tera,
            pages: (fresh.pages.into_iter())
                .map(|p| (p.file.clone(), p))
                .collect(),
            site: written.site,
            manifest,
            page_files: written.page_files,
            fingerprints: written.fingerprints,
            static_files,
        });
        self.pending.clear();
        self.loaded.clear();
        self.pending_full = false;
        self.pending_statics = false;
        self.marker_stale = false;
    }

    /// Renders every page and copies the static files into `out`. Returns the stats, the
    /// set of page files and the pages' fingerprints (when `fingerprint`).
    fn write_all(&self, fresh: &Fresh, out: &dyn Sink, fingerprint: bool) -> Result<Written> {
        let opts = &self.opts;
        let site = Site::new(fresh.config.clone(), &fresh.regions, fresh.pages.clone())
            .map_err(BuildErrors)?;
        let renderer = Renderer::new(&site, &fresh.tera);
        let keys = renderer.all_pages();
        render_pages(&renderer, &keys, out, &*self.progress, &NEVER)?;
        let (theme_dir, static_dir) =
            (fresh.config.theme_dir(&opts.root), opts.root.join("static"));
        let page_files = if self.one_shot {
            // A one-off build keeps no list of its pages (1.4 million paths for a
            // million reports): only those a static file would clash with.
            let statics = static_paths(&theme_dir, &static_dir)?;
            keys.par_iter()
                .map(|&k| renderer.output_file(k))
                .filter(|f| statics.contains(f))
                .collect()
        } else {
            keys.iter().map(|&k| renderer.output_file(k)).collect()
        };
        copy_static(&theme_dir, &static_dir, out, &page_files)?;
        // Only a builder that rebuilds later needs them.
        let fingerprints = if fingerprint {
            fingerprints_of(&renderer, &keys, &NEVER)
                .into_iter()
                .map(|(_, file, fp)| (file, fp))
                .collect()
        } else {
            HashMap::new()
        };
        let mut warnings: Vec<String> = fresh.pages.iter().filter_map(|p| p.warning()).collect();
        if fresh.config.base_url == DEFAULT_BASE_URL {
            warnings.push(format!(
                "{}: no `base_url`: feeds, sitemap and canonical links use {}",
                opts.root.join(CONFIG_FILE).display(),
                DEFAULT_BASE_URL
            ));
        }
        if !opts.content_dir().is_dir() {
            warnings.push(format!(
                "{}: no content folder, so the site has no reports",
                opts.content_dir().display()
            ));
        }
        let stats = BuildStats {
            reports: site.reports.len(),
            rendered: keys.len(),
            warnings,
            ..BuildStats::default()
        };
        drop(renderer);
        Ok(Written {
            stats,
            page_files,
            fingerprints,
            site,
        })
    }

    /// Reloads the pending content files and writes what changed.
    fn update_content(&mut self, statics: bool) -> Result<BuildStats> {
        self.reload_changed_files()?;
        self.check_interrupt()?;
        let pages = self.next_pages()?;
        let state = self.state.as_ref().expect("checked by caller");
        let site = Site::new_unless(
            state.config.clone(),
            &state.regions,
            pages.values().cloned().collect(),
            self.stop_flag(),
        )
        .map_err(BuildErrors)?;
        let site = match site {
            Some(site) if self.check_interrupt().is_ok() => site,
            unfinished => {
                let_go_later((unfinished, pages));
                return Err(Interrupted.into());
            }
        };
        let renderer = Renderer::new(&site, &state.tera);
        let Some(plan) = self.plan_rerender(&site, &renderer) else {
            drop(renderer);
            let_go_later((site, pages));
            return Err(Interrupted.into());
        };
        let buffer = Buffered::default();
        render_pages(
            &renderer,
            &plan.keys,
            &buffer,
            &*self.progress,
            self.stop_flag(),
        )
        .map_err(as_build_error)?;
        self.check_interrupt()?;
        let theme_dir = state.config.theme_dir(&self.opts.root);
        let site_static = self.opts.root.join("static");
        if statics {
            copy_static(&theme_dir, &site_static, &buffer, &plan.page_files)
                .map_err(as_build_error)?;
        } else if !plan.page_files.is_subset(&state.page_files) {
            // New pages may take a static file's path, as in a full build.
            check_static_clashes(&theme_dir, &site_static, &plan.page_files)
                .map_err(as_build_error)?;
        }
        let output = self.opts.output_dir();
        let live = Live::new(&output, &state.manifest);
        buffer.write_to(&live)?;
        let (manifest, removed) = publish(&live, state, &plan.page_files, statics)?;
        if manifest != state.manifest || self.marker_stale {
            write_marker(&output, &manifest)?;
        }
        let stats = BuildStats {
            reports: site.reports.len(),
            rendered: plan.keys.len(),
            written: live.written(),
            removed,
            warnings: self.loaded.values().filter_map(|p| p.warning()).collect(),
            phases: Vec::new(),
        };
        drop(renderer);
        self.marker_stale = false;
        let state = self.state.as_mut().expect("checked by caller");
        state.site = site;
        state.static_files = manifest.len() - plan.page_files.len();
        state.pages = pages;
        state.manifest = manifest;
        state.page_files = plan.page_files;
        state.fingerprints = plan.fingerprints;
        self.pending.clear();
        self.loaded.clear();
        Ok(stats)
    }

    /// Reads again every content file that changed since the last good build, that
    /// is new, or that lies in a changed folder; forgets those that are gone. Valid
    /// pages wait in `loaded`, errors in `errors`, until a rebuild succeeds.
    fn reload_changed_files(&mut self) -> Result<()> {
        let state = self.state.as_ref().expect("checked by caller");
        let content_dir = self.opts.content_dir();
        // The file list is read again, so that folder renames and removals, which
        // do not name every file, are seen too.
        let on_disk: BTreeSet<PathBuf> = find_content_files(&content_dir)?.into_iter().collect();
        self.check_interrupt()?;
        let known: BTreeSet<PathBuf> = state
            .pages
            .keys()
            .chain(self.errors.keys())
            .chain(self.loaded.keys())
            .cloned()
            .collect();
        let mut to_load: Vec<PathBuf> = on_disk.difference(&known).cloned().collect();
        // A changed path is a file, or a folder whose files may all have changed (a
        // folder replaced by another with the same file names).
        to_load.extend(
            self.pending
                .iter()
                .filter(|p| on_disk.contains(*p))
                .cloned(),
        );
        let folders: Vec<&PathBuf> = self.pending.iter().filter(|p| p.is_dir()).collect();
        if !folders.is_empty() {
            to_load.extend(
                (on_disk.iter())
                    .filter(|f| folders.iter().any(|p| f.starts_with(p)))
                    .cloned(),
            );
        }
        to_load.sort();
        to_load.dedup();
        let removed: Vec<PathBuf> = known.difference(&on_disk).cloned().collect();
        self.pending.extend(to_load.iter().cloned());
        self.pending.extend(removed.iter().cloned());
        let results: Vec<(PathBuf, Result<Page>)> = to_load
            .par_iter()
            .map(|f| (f.clone(), load_page(f, &content_dir, &state.regions)))
            .collect();
        for f in &removed {
            self.errors.remove(f);
            self.loaded.remove(f);
        }
        for (file, result) in results {
            match result {
                // A draft is not built: the page goes, if it was there.
                Ok(page) if !self.opts.builds(&page) => {
                    self.errors.remove(&file);
                    self.loaded.remove(&file);
                }
                Ok(page) => {
                    self.errors.remove(&file);
                    self.loaded.insert(file, Arc::new(page));
                }
                Err(e) => {
                    self.loaded.remove(&file);
                    self.errors.insert(file, format!("{e:#}"));
                }
            }
        }
        Ok(())
    }

    /// The next set of pages: the last good set, with what changed since.
    ///
    /// Errors: [`BuildErrors`] while any content file has an error, or two pages
    /// would share a URL.
    fn next_pages(&self) -> Result<BTreeMap<PathBuf, Arc<Page>>> {
        let state = self.state.as_ref().expect("checked by caller");
        let mut pages = state.pages.clone();
        for f in &self.pending {
            pages.remove(f);
        }
        for (f, p) in &self.loaded {
            pages.insert(f.clone(), p.clone());
        }
        let mut errors: Vec<String> = self.errors.values().cloned().collect();
        errors.extend(path_collisions(pages.values()));
        if !errors.is_empty() {
            return Err(BuildErrors(errors).into());
        }
        Ok(pages)
    }

    /// What a rebuild renders: the reports whose file changed, and every page (reports,
    /// index pages, feeds, sitemap, data exports) whose fingerprint differs from the
    /// last build's, whatever made it change. `None` when interrupted.
    fn plan_rerender(&self, site: &Site, renderer: &Renderer) -> Option<Rerender> {
        let state = self.state.as_ref().expect("checked by caller");
        let mut keys = Vec::new();
        let mut fingerprints = HashMap::new();
        let all = fingerprints_of(renderer, &renderer.all_pages(), self.stop_flag());
        if self.check_interrupt().is_err() {
            return None;
        }
        for (key, file, fp) in all {
            let edited =
                matches!(key, PageKey::Report(i) if self.pending.contains(&site.reports[i].file));
            if edited || state.fingerprints.get(&file) != Some(&fp) {
                keys.push(key);
            }
            fingerprints.insert(file, fp);
        }
        Some(Rerender {
            keys,
            page_files: fingerprints.keys().cloned().collect(),
            fingerprints,
        })
    }
}

/// The last good build's site (its `edited` reports put in) with the reports `added`
/// ([`Site::with_inserted`]: in no list yet), and the pages to write first: the
/// edited and added reports' and the home page's first page. `None` when nothing was
/// added, or when an added report's URL is taken or lies among the index pages (the
/// rebuild reports those).
fn new_reports_site(
    state: &State,
    added: Vec<Arc<Page>>,
    edited: &[Arc<Page>],
) -> Option<(Site, Vec<PageKey>)> {
    if added.is_empty() {
        return None;
    }
    let mut paths = BTreeSet::new();
    for p in &added {
        if !paths.insert(p.path.as_str()) || GENERATED_FOLDERS.iter().any(|d| p.path.starts_with(d))
        {
            return None;
        }
    }
    if (state.site.reports.iter()).any(|p| paths.contains(p.path.as_str())) {
        return None;
    }
    let (site, indices) = state.site.with_inserted(added);
    // The edited ones are found by pointer: no page is read.
    let mut keys: Vec<PageKey> = (site.reports.iter().enumerate())
        .filter(|(_, p)| edited.iter().any(|e| Arc::ptr_eq(e, p)))
        .map(|(i, _)| PageKey::Report(i))
        .collect();
    keys.extend(indices.into_iter().map(PageKey::Report));
    keys.push(PageKey::Home(0));
    Some((site, keys))
}

/// Each page's output file and fingerprint ([`Renderer::fingerprint`]), in parallel;
/// once `stop` is set, the pages not reached yet are left out.
fn fingerprints_of(
    renderer: &Renderer,
    keys: &[PageKey],
    stop: &AtomicBool,
) -> Vec<(PageKey, String, u64)> {
    keys.par_iter()
        .filter(|_| !stop.load(Ordering::Relaxed))
        .map(|&k| (k, renderer.output_file(k), renderer.fingerprint(k)))
        .collect()
}

/// Lets `value` go on a thread of its own: an interrupted rebuild's site and page
/// lists (about 50 ms to free at 100,000 reports) need not hold up the change that
/// interrupted it.
fn let_go_later<T: Send + 'static>(value: T) {
    // When no thread can be had, `spawn` lets it go here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// A flag never set: for builds nothing interrupts.
static NEVER: AtomicBool = AtomicBool::new(false);

/// How many bytes of report bodies a one-off build of a small site
/// ([`SMALL_SITE`]) keeps in memory (64 MiB: about 14,000 reports of the generated
/// corpus); past them, and for a larger site, bodies are left in their files and
/// read again for their pages and search blocks. Reading a body once rather than
/// three times takes about 5% off a 10,000-report build.
pub const KEPT_BODIES: usize = 64 << 20;

/// What a rebuild renders ([`Builder::plan_rerender`]).
struct Rerender {
    /// The pages to render.
    keys: Vec<PageKey>,
    /// Every page file of the new site (rendered or not).
    page_files: BTreeSet<String>,
    /// The pages' fingerprints, by output file.
    fingerprints: HashMap<String, u64>,
}

/// After a rebuild has written its files into `live`: removes the pages that are gone
/// (removed reports, months left empty) and, when static files were copied again,
/// the static files that are gone. Returns the new manifest and how many files were
/// removed.
fn publish(
    live: &Live,
    state: &State,
    page_files: &BTreeSet<String>,
    statics: bool,
) -> Result<(Manifest, usize)> {
    let touched = live.touched();
    // A page gone may have left its path to a static file just copied there.
    let gone: Vec<&String> = state
        .page_files
        .difference(page_files)
        .filter(|f| !touched.contains_key(*f))
        .collect();
    let mut removed = live.remove(gone.iter().copied())?;
    let mut manifest = state.manifest.clone();
    for f in &gone {
        manifest.remove(*f);
    }
    if statics {
        let stale: Vec<String> = manifest
            .keys()
            .filter(|f| !page_files.contains(*f) && !touched.contains_key(*f))
            .cloned()
            .collect();
        removed += live.remove(stale.iter())?;
        for f in &stale {
            manifest.remove(f);
        }
    }
    manifest.extend(live.touched());
    Ok((manifest, removed))
}

/// What [`Builder::write_all`] rendered.
struct Written {
    stats: BuildStats,
    /// Every page file (the rest of the output is static files); for a one-off
    /// build, only those a static file has the path of (then an error).
    page_files: BTreeSet<String>,
    /// The pages' fingerprints, by output file (empty when not asked for).
    fingerprints: HashMap<String, u64>,
    site: Site,
}

/// Everything loaded for a full build.
struct Fresh {
    config: Config,
    regions: Regions,
    tera: Tera,
    /// The pages to build, in the order of their files' paths.
    pages: Vec<Arc<Page>>,
}

/// A rendering error as a [`BuildErrors`], so it is reported like the others.
fn as_build_error(e: anyhow::Error) -> anyhow::Error {
    if e.is::<BuildErrors>() {
        return e;
    }
    match e.downcast::<crate::render::RenderErrors>() {
        Ok(errors) => BuildErrors(errors.0).into(),
        Err(e) => BuildErrors(vec![format!("{e:#}")]).into(),
    }
}

/// An error for every page whose URL another page has already, or that lies in a
/// folder of generated pages ([`GENERATED_FOLDERS`]).
fn path_collisions<'p>(pages: impl Iterator<Item = &'p Arc<Page>>) -> Vec<String> {
    let mut by_path: HashMap<&str, &Path> = HashMap::new();
    let mut errors = Vec::new();
    for p in pages {
        if let Some(dir) = GENERATED_FOLDERS.iter().find(|d| p.path.starts_with(*d)) {
            errors.push(format!(
                "{}: its URL `/{}` is in `/{dir}`, where sitrep writes the index pages: move the file or set another `slug`",
                p.file.display(),
                p.path
            ));
            continue;
        }
        if let Some(other) = by_path.insert(&p.path, &p.file) {
            let (mine, theirs) = (p.file.to_string_lossy(), other.to_string_lossy());
            // Names that look the same: say how they differ.
            let why = if mine != theirs && crate::text::nfc(&mine) == crate::text::nfc(&theirs) {
                " (the two names differ only in how their accented letters are encoded, composed or decomposed)"
            } else {
                ""
            };
            errors.push(format!(
                "{}: has the same URL `/{}` as `{}`{why}: change its file name or `slug`",
                p.file.display(),
                p.path,
                other.display()
            ));
        }
    }
    errors
}

/// Builds the site once (`sitrep build`).
///
/// Errors: see [`Builder::build`].
pub fn build(opts: &BuildOptions) -> Result<BuildStats> {
    Builder::one_shot(opts.clone()).build()
}
