//! Writing the output folder (`public/`) atomically.
//!
//! A build writes into a staging folder beside the output folder; only when every
//! page is written does [`Staging::commit`] put it in place of the old output. A
//! failed build drops the staging folder and leaves the old output as it was.
//!
//! Watch mode instead updates the live output file by file ([`Live`]): each file is
//! written to a temporary name and renamed over the old one, and files whose bytes
//! did not change are not written at all.
//!
//! sitrep only builds into a folder it wrote itself (it holds the [`MARKER`] file,
//! which lists sitrep's files), an empty one, or with `--force`; and only its own files
//! are ever removed: others found in the output are carried over to the new one.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use crate::build::manifest::{
    MARKER, MARKER_HEADER, Manifest, content_hash, files_below, read_marker, write_marker,
};
use crate::render::sink::{Sink, check_output_path};

/// Checks that `rel` stays inside the output folder and joins it to `root`.
fn resolve(root: &Path, rel: &str) -> Result<PathBuf> {
    check_output_path(rel)?;
    Ok(root.join(rel))
}

/// Old output files a new build may hard-link instead of writing: the build cache
/// knows them ([`crate::build::cache::BuildCache`]); the writer only asks.
pub trait Reuse: Send + Sync + std::fmt::Debug {
    /// The old file to link for the output file `rel`, if its bytes are those whose
    /// [`content_hash`] is `hash` and it is unchanged since it was written.
    fn reusable(&self, rel: &str, hash: u64) -> Option<PathBuf>;
}

fn create_parent(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        // Most parents are one new folder in an existing one: try that first.
        match std::fs::create_dir(parent) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?,
        }
    }
    Ok(())
}

/// An output folder being written.
#[derive(Debug)]
pub struct Staging {
    /// Where the output goes when committed.
    target: PathBuf,
    /// The staging folder (a sibling of `target`); removed on drop unless committed.
    dir: Option<tempfile::TempDir>,
    /// What was written so far, in the order written: a list, smaller than the
    /// [`Manifest`] it becomes on commit (1.4 million files for a million reports).
    written: Mutex<Vec<(Box<str>, u64)>>,
    /// Each file's `stat` as it was written, by the XXH3 hash of its path
    /// ([`Staging::written_stats`]).
    stats: Mutex<WrittenStats>,
    /// The last build's files, to hard-link where the bytes are the same.
    previous: Option<Box<dyn Reuse>>,
}

/// The `stat` of each file a [`Staging`] wrote, by the XXH3 hash of its path (no copy of
/// the path itself: 1.4 million of them for a million reports), 40 bytes a file: a
/// list in the order written until [`Staging::written_stats`] sorts it.
#[derive(Debug, Default)]
pub struct WrittenStats(Vec<(u64, WrittenStat)>);

/// A [`crate::fs::FileStat`] in 32 bytes (times in 64 bits: nanoseconds from 1678 to
/// 2262).
#[derive(Debug, Clone, Copy)]
struct WrittenStat {
    size: u64,
    mtime: i64,
    ctime: i64,
    ino: u64,
}

impl WrittenStats {
    /// The `stat` of the file at `rel` as it was written, if it was.
    pub fn get(&self, rel: &str) -> Option<crate::fs::FileStat> {
        let key = Self::key(rel);
        let i = self.0.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        // Two paths with one hash (never seen): neither is trusted.
        let unique = |j: Option<usize>| j.and_then(|j| self.0.get(j)).is_none_or(|e| e.0 != key);
        if !unique(i.checked_sub(1)) || !unique(Some(i + 1)) {
            return None;
        }
        let s = self.0[i].1;
        Some(crate::fs::FileStat {
            size: s.size,
            mtime: s.mtime.into(),
            ctime: s.ctime.into(),
            ino: s.ino,
        })
    }

    /// Records the `stat` of the file at `rel`; one whose times do not fit is not
    /// recorded (it is looked up later).
    fn insert(&mut self, rel: &str, stat: crate::fs::FileStat) {
        if let (Ok(mtime), Ok(ctime)) = (i64::try_from(stat.mtime), i64::try_from(stat.ctime)) {
            let stat = WrittenStat {
                size: stat.size,
                mtime,
                ctime,
                ino: stat.ino,
            };
            self.0.push((Self::key(rel), stat));
        }
    }

    fn key(rel: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(rel.as_bytes())
    }
}

impl Staging {
    /// Starts writing the output for `target`.
    ///
    /// Errors: `target` exists and is neither empty nor sitrep's output (no
    /// [`MARKER`]) and `force` is not given, or the staging folder cannot be created.
    pub fn begin(target: &Path, force: bool) -> Result<Staging> {
        Self::begin_reusing(target, force, None)
    }

    /// Like [`Staging::begin`], but a file whose bytes are the same as in the last
    /// build (`previous`) is hard-linked from the old output instead of written, so it
    /// keeps its inode and modification time.
    pub fn begin_reusing(
        target: &Path,
        force: bool,
        previous: Option<Box<dyn Reuse>>,
    ) -> Result<Staging> {
        // A symbolic link to the output folder: build where it points, keep the link.
        let resolved;
        let target = if target.is_symlink() {
            resolved = target
                .canonicalize()
                .with_context(|| format!("cannot follow the link `{}`", target.display()))?;
            resolved.as_path()
        } else {
            target
        };
        if target.exists() {
            let is_ours = target.join(MARKER).is_file();
            let is_empty = target
                .read_dir()
                .with_context(|| format!("cannot read `{}`", target.display()))?
                .next()
                .is_none();
            if !is_ours && !is_empty && !force {
                bail!(
                    "`{}` exists and was not written by sitrep (it has no `{MARKER}` file): \
                     choose another output folder, or give --force to build into it (its \
                     files are kept)",
                    target.display()
                );
            }
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create `{}`", parent.display()))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        remove_stale_staging(&parent, &name);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.staging-"))
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a staging folder in `{}`", parent.display()))?;
        // A marker at once, so a leftover of a killed build is known as ours, and the
        // writer's process id, so another build can tell whether it is a leftover.
        std::fs::write(dir.path().join(MARKER), MARKER_HEADER)?;
        std::fs::write(dir.path().join(PID_FILE), std::process::id().to_string())?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir: Some(dir),
            written: Mutex::default(),
            stats: Mutex::default(),
            previous,
        })
    }

    /// The `stat` of each file written so far, as it was written (the next build's
    /// cache compares them); taken out, so call it once, before [`Staging::commit`]
    /// (committing moves the folder, not the files: their `stat`s stay).
    pub fn written_stats(&self) -> WrittenStats {
        let mut stats = std::mem::take(&mut *self.stats.lock().unwrap());
        stats.0.sort_unstable_by_key(|(k, _)| *k);
        stats
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().expect("not committed").path()
    }

    /// Puts the staged output in place of the target. Files in the old output that
    /// sitrep did not write (a `CNAME`, a `.git` folder) are carried over first, so
    /// nothing but sitrep's own files is ever removed. Then the old output is moved
    /// aside, the staging folder renamed to the target, and the old output removed.
    ///
    /// Errors: a file sitrep did not write is where the new output has a file of its
    /// own; a rename fails (the old output is then put back).
    pub fn commit(mut self) -> Result<Manifest> {
        let written = std::mem::take(&mut *self.written.lock().unwrap());
        // In the order written: of a file written twice, the last write is the file.
        let mut manifest = Manifest::new();
        for (rel, hash) in written {
            manifest.insert(rel.into_string(), hash);
        }
        let staged_dir = self
            .dir
            .as_ref()
            .expect("committed once")
            .path()
            .to_path_buf();
        if self.target.exists() {
            carry_over_foreign_files(&self.target, &staged_dir, &manifest)?;
        }
        write_marker(&staged_dir, &manifest)?;
        std::fs::remove_file(staged_dir.join(PID_FILE))?;
        let dir = self.dir.take().expect("committed once");
        let staged = dir.keep();
        let old = if self.target.exists() {
            let old = staged.with_file_name(format!(
                "{}.old",
                staged.file_name().unwrap_or_default().to_string_lossy()
            ));
            std::fs::rename(&self.target, &old).with_context(|| {
                format!("cannot move the old `{}` aside", self.target.display())
            })?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&staged, &self.target) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &self.target);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(e).with_context(|| {
                format!("cannot move the new output to `{}`", self.target.display())
            });
        }
        if let Some(old) = old {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove the old output `{}`", old.display()))?;
        }
        Ok(manifest)
    }
}

/// Links (or copies) into `staged` every file of `old` that sitrep did not write.
fn carry_over_foreign_files(old: &Path, staged: &Path, new: &Manifest) -> Result<()> {
    let ours = read_marker(old).unwrap_or_default();
    for rel in files_below(old) {
        if rel == MARKER || ours.contains(&rel) {
            continue;
        }
        if new.contains_key(&rel) {
            bail!(
                "`{}` was not written by sitrep, and the site has a file of its own there: \
                 move it away (put files to publish in `static/`)",
                old.join(&rel).display()
            );
        }
        let from = old.join(&rel);
        let to = staged.join(&rel);
        create_parent(&to)?;
        let meta = std::fs::symlink_metadata(&from)?;
        let result = if meta.file_type().is_symlink() {
            copy_symlink(&from, &to)
        } else {
            std::fs::hard_link(&from, &to).or_else(|_| std::fs::copy(&from, &to).map(|_| ()))
        };
        result.with_context(|| format!("cannot keep `{}`", from.display()))?;
    }
    Ok(())
}

#[cfg(unix)]
fn copy_symlink(from: &Path, to: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(std::fs::read_link(from)?, to)
}

#[cfg(not(unix))]
fn copy_symlink(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to).map(|_| ())
}

/// The file in a staging folder that names the process writing it.
const PID_FILE: &str = ".sitrep-pid";

/// After this long a staging folder is stale even if its process id is in use again.
const STALE_STAGING: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Removes staging folders of `name` in `parent` that a killed build left behind:
/// those holding the [`MARKER`] whose process is gone (or that are older than
/// [`STALE_STAGING`]). A build running now, in this or another process, is left alone.
fn remove_stale_staging(parent: &Path, name: &str) {
    let prefix = format!(".{name}.staging-");
    let Ok(entries) = parent.read_dir() else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let file_name = e.file_name().to_string_lossy().into_owned();
        if !file_name.starts_with(&prefix) || !path.join(MARKER).is_file() {
            continue;
        }
        let writer_alive = std::fs::read_to_string(path.join(PID_FILE))
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok())
            .is_some_and(process_alive);
        let too_old = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_STAGING));
        if !writer_alive || too_old {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Whether a process with this id runs.
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid as libc::pid_t, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true // fall back on the age
}

impl Sink for Staging {
    /// Writes `bytes` to `rel`, creating folders as needed.
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = resolve(self.path(), rel)?;
        create_parent(&path)?;
        let hash = content_hash(bytes);
        let linked = self
            .previous
            .as_ref()
            .and_then(|p| p.reusable(rel, hash))
            .is_some_and(|old| std::fs::hard_link(old, &path).is_ok());
        if !linked {
            let cannot = || format!("cannot write `{}`", path.display());
            let mut file = std::fs::File::create(&path).with_context(cannot)?;
            std::io::Write::write_all(&mut file, bytes).with_context(cannot)?;
            // Its `stat` now, while it is fresh in the kernel's caches: looked up
            // again after a large build, 1.4 million files cost a minute on disk. (A
            // hard-linked file's changes when the old output is removed: it is looked
            // up after the commit.)
            let stat = crate::fs::FileStat::of(&file.metadata().with_context(cannot)?);
            self.stats.lock().unwrap().insert(rel, stat);
        }
        self.written.lock().unwrap().push((rel.into(), hash));
        Ok(())
    }
}

/// The live output folder, updated in place by watch mode: every file is written
/// atomically (temporary file and rename), and only if its bytes changed since the
/// `previous` build.
#[derive(Debug)]
pub struct Live<'a> {
    root: &'a Path,
    previous: &'a Manifest,
    /// What this update wrote or found unchanged.
    touched: Mutex<Manifest>,
    /// How many files were actually written.
    written: Mutex<usize>,
}

impl<'a> Live<'a> {
    /// Updates the output folder `root`, last written as `previous`.
    pub fn new(root: &'a Path, previous: &'a Manifest) -> Live<'a> {
        Live {
            root,
            previous,
            touched: Mutex::new(Manifest::new()),
            written: Mutex::new(0),
        }
    }

    /// The files this update produced (written or unchanged), with their hashes.
    pub fn touched(&self) -> Manifest {
        self.touched.lock().unwrap().clone()
    }

    /// How many files were written (changed bytes).
    pub fn written(&self) -> usize {
        *self.written.lock().unwrap()
    }

    /// Removes output files, and the folders they leave empty. Returns how many
    /// files were removed.
    pub fn remove<'r>(&self, files: impl IntoIterator<Item = &'r String>) -> Result<usize> {
        let mut n = 0;
        for rel in files {
            let path = resolve(self.root, rel)?;
            match std::fs::remove_file(&path) {
                Ok(()) => n += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot remove `{}`", path.display()));
                }
            }
            // Remove folders left empty, up to the output root.
            let mut dir = path.parent();
            while let Some(d) = dir {
                if d == self.root || std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        Ok(n)
    }
}

impl Sink for Live<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = resolve(self.root, rel)?;
        let hash = content_hash(bytes);
        let unchanged = self.previous.get(rel) == Some(&hash) && path.is_file();
        if !unchanged {
            create_parent(&path)?;
            crate::fs::write_atomically(&path, bytes)?;
            *self.written.lock().unwrap() += 1;
        }
        self.touched.lock().unwrap().insert(rel.to_string(), hash);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target, false).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"one");

        // A failed build (staging dropped) leaves the output as it was.
        let s = Staging::begin(&target, false).unwrap();
        s.write("b/index.html", b"two").unwrap();
        drop(s);
        assert!(target.join("a/index.html").exists());
        assert!(!target.join("b").exists());
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "no staging left"
        );

        let s = Staging::begin(&target, false).unwrap();
        s.write("b/index.html", b"two").unwrap();
        s.commit().unwrap();
        assert!(!target.join("a").exists(), "stale files are gone");
        assert!(target.join("b/index.html").exists());
    }

    #[test]
    fn the_stats_of_written_files_are_as_the_committed_files_have_them() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target, false).unwrap();
        let files: Vec<String> = (0..50).map(|i| format!("r{i}/index.html")).collect();
        for (i, f) in files.iter().enumerate() {
            s.write(f, &vec![b'x'; i]).unwrap();
        }
        let stats = s.written_stats();
        s.commit().unwrap();
        let folder = crate::fs::Folder::open(&target);
        for (i, f) in files.iter().enumerate() {
            assert_eq!(stats.get(f), folder.stat(f), "{f}");
            assert_eq!(stats.get(f).unwrap().size, i as u64);
        }
        assert_eq!(stats.get("none/index.html"), None);
    }

    #[test]
    fn live_writes_only_changes_and_removes_empty_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let none = Manifest::new();
        let live = Live::new(tmp.path(), &none);
        live.write("a/b/index.html", b"one").unwrap();
        live.write("c.css", b"css").unwrap();
        assert_eq!(live.written(), 2);
        let before = live.touched();
        let live = Live::new(tmp.path(), &before);
        live.write("a/b/index.html", b"one").unwrap();
        live.write("c.css", b"changed").unwrap();
        assert_eq!(live.written(), 1, "unchanged bytes are not written");
        assert_eq!(std::fs::read(tmp.path().join("c.css")).unwrap(), b"changed");
        assert_eq!(live.remove([&"a/b/index.html".to_string()]).unwrap(), 1);
        assert!(!tmp.path().join("a").exists(), "empty folders go too");
        assert!(live.write("../x", b"").is_err());
    }

    #[test]
    fn files_sitrep_did_not_write_survive_builds() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target, false).unwrap();
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        std::fs::write(target.join("CNAME"), "example.org").unwrap();
        std::fs::create_dir_all(target.join(".git")).unwrap();
        std::fs::write(target.join(".git/HEAD"), "ref").unwrap();
        let s = Staging::begin(&target, false).unwrap();
        s.write("index.html", b"two").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(target.join("index.html")).unwrap(), b"two");
        assert_eq!(std::fs::read(target.join("CNAME")).unwrap(), b"example.org");
        assert!(target.join(".git/HEAD").is_file());
        // Into someone else's folder only with force, and their files stay.
        let theirs = tmp.path().join("theirs");
        std::fs::create_dir_all(&theirs).unwrap();
        std::fs::write(theirs.join("notes.txt"), "mine").unwrap();
        assert!(Staging::begin(&theirs, false).is_err());
        let s = Staging::begin(&theirs, true).unwrap();
        s.write("index.html", b"site").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(theirs.join("notes.txt")).unwrap(), b"mine");
        // A file of theirs where the site has one is an error, not an overwrite.
        std::fs::write(target.join("style.css"), "theirs").unwrap();
        let s = Staging::begin(&target, false).unwrap();
        s.write("style.css", b"ours").unwrap();
        assert!(s.commit().is_err());
        assert_eq!(std::fs::read(target.join("style.css")).unwrap(), b"theirs");
    }

    #[test]
    fn refuses_foreign_folders_and_escapes() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("precious.txt"), b"x").unwrap();
        assert!(Staging::begin(tmp.path(), false).is_err());
        let s = Staging::begin(&tmp.path().join("out"), false).unwrap();
        assert!(s.write("../x", b"").is_err());
        assert!(s.write("/etc/x", b"").is_err());
    }
}
