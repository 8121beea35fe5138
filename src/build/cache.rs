//! The build cache, `.sitrep-cache/` in the site folder: what the last build read and
//! wrote, so that the next `sitrep build` can skip work.
//!
//! * When no input changed (same files, sizes, modification and change times and
//!   inodes, same sitrep, same options) and the output is as that build left it,
//!   there is nothing to do. A file's `stat` alone cannot tell every edit: one made
//!   within the time resolution of the file system after the last look at it keeps
//!   its times, and a file restored with its old modification time keeps that. So the
//!   change time (which no program can set back) and the inode are compared too, and
//!   the files changed shortly before a build (within [`RECENT`]) are remembered by
//!   their content, which the next build reads again.
//! * Otherwise every output file whose bytes are the same as last time is hard-linked
//!   from the old output instead of written again, so unchanged files keep their
//!   inode and modification time (rsync and web servers see them unchanged).
//!
//! The cache is only a hint: a missing, old or damaged cache means a full build.

mod format;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::build::manifest::{MARKER, Manifest};
use crate::build::options::BuildOptions;
use crate::build::output::{Reuse, WrittenStats};

/// The cache folder, in the site folder. Hidden, so neither the build nor the watcher
/// reads it as content.
pub const CACHE_DIR: &str = ".sitrep-cache";

/// What is known of one output file: the hash of its bytes, its size, its
/// modification and change times (nanoseconds since the epoch) and its inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputFile {
    /// Hash of the bytes ([`crate::build::manifest::content_hash`]).
    pub hash: u64,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, in nanoseconds since the Unix epoch.
    pub mtime: i128,
    /// Change time (of the inode), in nanoseconds since the Unix epoch.
    pub ctime: i128,
    /// Inode number.
    pub ino: u64,
}

impl OutputFile {
    /// Its `stat`, as [`crate::fs::Folder::stat`] gives.
    fn stat(&self) -> Stat {
        Stat {
            size: self.size,
            mtime: self.mtime,
            ctime: self.ctime,
            ino: self.ino,
        }
    }
}

/// How long before a build a file must have last changed for its `stat` to tell that
/// it did not change since: files changed more recently are remembered by content.
/// Above the time resolution of common file systems (FAT's is 2 s).
pub const RECENT: std::time::Duration = std::time::Duration::from_secs(3);

/// What a build read, as the cache remembers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    /// A hash of everything a build reads, by `stat` ([`Inputs::read`]).
    pub signature: u64,
    /// When the inputs were looked at (nanoseconds since the Unix epoch).
    pub taken: i128,
    /// The input files changed within [`RECENT`] of `taken` (or after it), with the
    /// hash of their bytes: their `stat` may not show a later edit.
    pub recent: Vec<(PathBuf, u64)>,
}

/// The cache of one site and output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildCache {
    /// The output folder it describes (absolute).
    pub output: PathBuf,
    /// The inputs of the build ([`Inputs::read`]).
    pub inputs: Inputs,
    /// Every output file (relative, `/`-separated), sorted by name.
    pub files: Vec<(String, OutputFile)>,
}

fn cache_file(root: &Path) -> PathBuf {
    root.join(CACHE_DIR).join("build.bin")
}

/// A file's `stat` as the cache compares it.
type Stat = crate::fs::FileStat;

/// The time now, in nanoseconds since the Unix epoch.
fn now_nanos() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// The folders of a site whose every file a build reads (with `config.yaml`).
const INPUT_FOLDERS: [&str; 4] = ["content", "templates", "static", "themes"];

/// Looks at every file a build reads but sitrep itself ([`crate::fs::look_below`]):
/// `config.yaml` (its `stat`, `None` when it cannot be read) and each of
/// [`INPUT_FOLDERS`], with the files changed at or after `since`. `None` when a
/// folder cannot be read (then nothing can be told unchanged).
fn look_at_inputs(root: &Path, since: i128) -> Option<(Option<Stat>, Vec<crate::fs::TreeLook>)> {
    let config = std::fs::metadata(root.join(crate::site::config::CONFIG_FILE))
        .ok()
        .map(|m| Stat::of(&m));
    let folders = INPUT_FOLDERS
        .iter()
        .map(|dir| crate::fs::look_below(&root.join(dir), since).ok())
        .collect::<Option<Vec<_>>>()?;
    Some((config, folders))
}

/// The hash of a file's bytes; `None` when it cannot be read or is not a regular file
/// (a named pipe, a device: opened without waiting for a writer, never read).
fn file_hash(path: &Path) -> Option<u64> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    Some(crate::build::manifest::content_hash(&bytes))
}

/// What a look at the inputs gives before any is read: the signature, and which
/// files are recent.
struct Look {
    signature: u64,
    taken: i128,
    recent: Vec<PathBuf>,
}

impl Look {
    /// Looks at everything a build of `opts` reads (see [`Inputs::read`]), reading no
    /// file.
    fn at(opts: &BuildOptions) -> Look {
        let taken = now_nanos();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut h);
        // sitrep itself: another build of it (same version, other code) writes other pages.
        if let Ok(exe) = std::env::current_exe() {
            exe.hash(&mut h);
            std::fs::metadata(&exe)
                .ok()
                .map(|m| Stat::of(&m))
                .hash(&mut h);
        }
        // The built-in theme too: a sitrep built from other sources writes other pages.
        crate::render::theme::DEFAULT_TEMPLATES.hash(&mut h);
        crate::render::theme::DEFAULT_STATIC.hash(&mut h);
        opts.drafts.hash(&mut h);
        opts.output_dir().hash(&mut h);
        // A preview's pages point at the preview: never the output of a `sitrep build`.
        opts.base_url.hash(&mut h);
        let recent_since = taken - RECENT.as_nanos() as i128;
        let mut recent = Vec::new();
        match look_at_inputs(&opts.root, recent_since) {
            Some((config, folders)) => {
                let config_file = opts.root.join(crate::site::config::CONFIG_FILE);
                config.hash(&mut h);
                let recent_config = config.is_some_and(|s| s.mtime.max(s.ctime) >= recent_since);
                if recent_config && config_file.is_file() {
                    recent.push(config_file);
                }
                for (dir, look) in INPUT_FOLDERS.iter().zip(folders) {
                    dir.hash(&mut h);
                    look.hash.hash(&mut h);
                    look.files.hash(&mut h);
                    recent.extend(look.recent);
                }
            }
            // An input folder that cannot be read: a signature no build had.
            None => taken.hash(&mut h),
        }
        Look {
            signature: h.finish(),
            taken,
            recent,
        }
    }
}

impl Inputs {
    /// Looks at everything a build of `opts` reads: sitrep's executable (its `stat`),
    /// version and built-in theme, the options, and the path and `stat` (size,
    /// modification and change times, inode) of `config.yaml` and of every file below
    /// `content/`, `templates/`, `static/` and `themes/`: any change to them changes
    /// the signature. The files changed within [`RECENT`] are read, and remembered by
    /// the hash of their bytes.
    pub fn read(opts: &BuildOptions) -> Inputs {
        let look = Look::at(opts);
        let recent = look
            .recent
            .into_par_iter()
            .filter_map(|f| file_hash(&f).map(|hash| (f, hash)))
            .collect();
        Inputs {
            signature: look.signature,
            taken: look.taken,
            recent,
        }
    }
}

impl BuildCache {
    /// Reads the cache of `opts`' site, if there is one for its output folder.
    pub fn load(opts: &BuildOptions) -> Option<BuildCache> {
        let bytes = std::fs::read(cache_file(&opts.root)).ok()?;
        let cache = format::decode(&bytes)?;
        let output = std::path::absolute(opts.output_dir()).ok()?;
        (cache.output == output).then_some(cache)
    }

    /// Describes the output that a build of `opts` just wrote (`manifest`), read
    /// with `inputs` (its [`Inputs::read`], taken before it read them).
    ///
    /// Each file's `stat` is taken from `written` (as the writer saw it), else looked
    /// up in the output folder.
    pub fn after_build(
        opts: &BuildOptions,
        inputs: Inputs,
        manifest: &Manifest,
        written: &WrittenStats,
    ) -> BuildCache {
        let output = std::path::absolute(opts.output_dir()).unwrap_or(opts.output_dir());
        let folder = crate::fs::Folder::open(&output);
        let manifest: Vec<(&String, &u64)> = manifest.iter().collect();
        let files = manifest
            .into_par_iter()
            .filter_map(|(rel, &hash)| {
                let stat = written.get(rel).or_else(|| folder.stat(rel))?;
                let file = OutputFile {
                    hash,
                    size: stat.size,
                    mtime: stat.mtime,
                    ctime: stat.ctime,
                    ino: stat.ino,
                };
                Some((rel.clone(), file))
            })
            .collect();
        BuildCache {
            output,
            inputs,
            files,
        }
    }

    /// Writes the cache. A cache that cannot be written only costs speed later, so
    /// errors are ignored.
    pub fn save(&self, opts: &BuildOptions) {
        let path = cache_file(&opts.root);
        if let Some(dir) = path.parent()
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = crate::fs::write_atomically(&path, &format::encode(self));
        }
    }

    /// Whether a build of `opts` has nothing to do: its cache says what the last
    /// build read, no input changed since (by `stat`, and by content for the files
    /// that were recent then), and the output is as that build left it. Reads only
    /// the files that were recent; when some no longer are, the cache is saved
    /// without them, so the next check reads nothing.
    pub fn up_to_date(opts: &BuildOptions) -> bool {
        // Both look at many files, each in parallel; together they keep both cores
        // busy through each other's sequential parts (reading folders, the cache).
        let (look, cache) = rayon::join(
            || Look::at(opts),
            || BuildCache::load(opts).filter(|c| c.output_intact()),
        );
        let Some(mut cache) = cache else {
            return false;
        };
        if cache.inputs.signature != look.signature || !cache.recent_unchanged() {
            return false;
        }
        // A file still recent now was recent then; the others are told by `stat` now.
        let before = cache.inputs.recent.len();
        let still: std::collections::HashSet<&PathBuf> = look.recent.iter().collect();
        cache.inputs.recent.retain(|(f, _)| still.contains(f));
        if cache.inputs.recent.len() < before {
            cache.save(opts);
        }
        true
    }

    /// Whether every input that was recent when the cache was written still has the
    /// same bytes.
    fn recent_unchanged(&self) -> bool {
        self.inputs
            .recent
            .par_iter()
            .all(|(f, hash)| file_hash(f) == Some(*hash))
    }

    /// Whether the output folder is still exactly as the cached build left it: every
    /// file there, with its `stat`.
    pub fn output_intact(&self) -> bool {
        if !self.output.join(MARKER).is_file() {
            return false;
        }
        // The files of each top folder (`reports/`, `countries/`; a run, as the list
        // is sorted) are looked at from that folder: one name fewer to walk for each.
        fn top(rel: &str) -> Option<&str> {
            rel.split_once('/').map(|(dir, _)| dir)
        }
        let mut runs = Vec::new();
        let mut start = 0;
        while start < self.files.len() {
            let dir = top(&self.files[start].0);
            let len = self.files[start..]
                .iter()
                .take_while(|(rel, _)| top(rel) == dir)
                .count();
            runs.push((dir, start..start + len));
            start += len;
        }
        runs.into_par_iter().all(|(dir, run)| {
            let (folder, skip) = match dir {
                Some(dir) => (
                    crate::fs::Folder::open(&self.output.join(dir)),
                    dir.len() + 1,
                ),
                None => (crate::fs::Folder::open(&self.output), 0),
            };
            self.files[run]
                .par_iter()
                .all(|(rel, f)| folder.stat(&rel[skip..]) == Some(f.stat()))
        })
    }
}

impl Reuse for BuildCache {
    /// The old output file to hard-link for `rel`, if its bytes would be `hash` and it
    /// is still as the cached build left it.
    fn reusable(&self, rel: &str, hash: u64) -> Option<PathBuf> {
        let i = self
            .files
            .binary_search_by(|(r, _)| r.as_str().cmp(rel))
            .ok()?;
        let f = &self.files[i].1;
        if f.hash != hash {
            return None;
        }
        let path = self.output.join(rel);
        let stat = std::fs::metadata(&path).ok().map(|m| Stat::of(&m));
        (stat == Some(f.stat())).then_some(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_changed_just_before_a_build_are_checked_by_content() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("content/a.md");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "one").unwrap();
        let opts = BuildOptions {
            root: tmp.path().to_path_buf(),
            ..Default::default()
        };
        let inputs = Inputs::read(&opts);
        assert_eq!(
            inputs.recent,
            [(file.clone(), crate::build::manifest::content_hash(b"one"))]
        );
        let cache = BuildCache {
            output: tmp.path().join("public"),
            inputs,
            files: Vec::new(),
        };
        assert!(cache.recent_unchanged());
        // Were the `stat` the same (a file system with coarse times), the bytes tell.
        std::fs::write(&file, "two").unwrap();
        assert!(!cache.recent_unchanged());
    }
}
