//! Small file-system helpers shared by the stages that write files (`import` writes
//! content, `build` writes the output and its cache): atomic writes and lexical path
//! normalisation. No knowledge of sites, reports or pages.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename,
/// so a reader never sees half a file.
/// The file keeps its permissions if it exists; a new file gets `rw-r--r--`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile makes `rw-------` files; a content or output file is for sharing.
        builder.permissions(match std::fs::metadata(path) {
            Ok(m) => m.permissions(),
            Err(_) => std::fs::Permissions::from_mode(0o644),
        });
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a file in `{}`", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// Removes `.` and resolves `..` components lexically (`a/b/../c` -> `a/c`).
pub fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// A file found by [`files_below`].
#[derive(Debug)]
pub struct Found {
    /// Its path: the folder walked, joined with the names below it.
    pub path: PathBuf,
    /// Whether it is a regular file, symbolic links followed (false for a link that
    /// leads nowhere, a socket or a device).
    pub is_file: bool,
    /// Its metadata, symbolic links followed, when asked for (`stat`) and readable.
    pub meta: Option<std::fs::Metadata>,
}

/// Every file below `dir` (not folders), symbolic links followed, in the order of
/// `Path`'s `Ord` (component by component), skipping the files and folders whose
/// name `skip` holds for. With `stat`, each file's metadata is read too, in parallel,
/// relative to its folder (no walk of the whole path for each file). A `dir` that
/// does not exist has no files.
///
/// Errors: a folder cannot be read, or a symbolic link leads back to a folder that
/// holds it (a loop).
pub fn files_below(
    dir: &Path,
    skip: &(dyn Fn(&std::ffi::OsStr) -> bool + Sync),
    stat: bool,
) -> std::io::Result<Vec<Found>> {
    use rayon::prelude::*;
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut flush = |met: &mut Vec<MetFile>| {
        found.par_extend(
            (std::mem::take(met).into_par_iter()).map(|(path, entry)| entry.found(path, stat)),
        );
    };
    let mut walk = Walk {
        skip,
        ancestors: vec![dir.canonicalize()?],
        met: Vec::new(),
        held: 0,
        flush: &mut flush,
    };
    walk.walk(dir)?;
    (walk.flush)(&mut walk.met);
    Ok(found)
}

/// [`files_below`]'s walk.
struct Walk<'a> {
    skip: &'a (dyn Fn(&std::ffi::OsStr) -> bool + Sync),
    /// The canonical paths of the folders being walked, the innermost last.
    ancestors: Vec<PathBuf>,
    /// The files met whose metadata is not read yet, in path order.
    met: Vec<MetFile>,
    /// Folders walked since `met` was last flushed ([`held_folders`]).
    held: usize,
    /// Reads the metadata of the files met, in parallel, and takes them.
    flush: &'a mut dyn FnMut(&mut Vec<MetFile>),
}

/// A file met by a walk: its path, and what its metadata will be read from.
type MetFile = (PathBuf, Met);

/// A file met by [`Walk`], its metadata not read yet.
enum Met {
    /// A plain entry of its folder (its metadata read relative to the folder).
    Entry(std::fs::DirEntry, std::fs::FileType),
    /// A symbolic link to something not a folder, with what it leads to (`None`: nothing).
    Link(Option<std::fs::Metadata>),
}

impl Met {
    fn found(self, path: PathBuf, stat: bool) -> Found {
        match self {
            Met::Entry(e, ft) => Found {
                path,
                is_file: ft.is_file(),
                meta: if stat { e.metadata().ok() } else { None },
            },
            Met::Link(meta) => Found {
                path,
                is_file: meta.as_ref().is_some_and(|m| m.is_file()),
                meta: if stat { meta } else { None },
            },
        }
    }
}

impl Walk<'_> {
    /// Walks `dir` depth first, its entries in name order.
    fn walk(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut entries = Vec::new();
        for e in std::fs::read_dir(dir).map_err(naming(dir))? {
            let e = e.map_err(naming(dir))?;
            let name = e.file_name();
            if !(self.skip)(&name) {
                entries.push((name, e));
            }
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (_, e) in entries {
            let path = e.path();
            let ft = e.file_type().map_err(naming(&path))?;
            match entry_kind(&e, ft, &self.ancestors).map_err(naming(&path))? {
                Entry::Folder(real) => {
                    self.ancestors.push(real);
                    self.walk(&path)?;
                    self.ancestors.pop();
                }
                Entry::Link(meta) => self.met.push((path, Met::Link(meta))),
                Entry::Plain => self.met.push((path, Met::Entry(e, ft))),
            }
        }
        // An entry keeps its folder open until its metadata is read.
        self.held += 1;
        if self.held >= held_folders() {
            (self.flush)(&mut self.met);
            self.held = 0;
        }
        Ok(())
    }
}

/// An I/O error of the walk at `path`, as one that names it (the error of a folder
/// deep in a tree, `File name too long`, would otherwise be told of the tree's root).
/// An error that already names it is kept.
fn naming(path: &Path) -> impl FnOnce(std::io::Error) -> std::io::Error + '_ {
    move |e| {
        let shown = path.display().to_string();
        if e.to_string().contains(&shown) {
            e
        } else {
            std::io::Error::new(e.kind(), format!("`{shown}`: {e}"))
        }
    }
}

/// What a walk finds at an entry of a folder, symbolic links followed.
enum Entry {
    /// A folder, or a link to one: its canonical path, never one of the folders being
    /// walked.
    Folder(PathBuf),
    /// A symbolic link to something not a folder, with what it leads to (`None`:
    /// nothing).
    Link(Option<std::fs::Metadata>),
    /// Anything else (a file, a pipe, a device): its metadata is read from its folder.
    Plain,
}

/// What `e` (of type `ft`) is, for a walk whose folders being walked are `ancestors`
/// (canonical paths, the innermost last).
///
/// Errors: a symbolic link leads back to one of `ancestors` (a loop), or a linked
/// folder's canonical path cannot be found.
fn entry_kind(
    e: &std::fs::DirEntry,
    ft: std::fs::FileType,
    ancestors: &[PathBuf],
) -> std::io::Result<Entry> {
    let real = if ft.is_dir() {
        ancestors.last().expect("the root").join(e.file_name())
    } else if ft.is_symlink() {
        match std::fs::metadata(e.path()) {
            Ok(m) if m.is_dir() => e.path().canonicalize()?,
            meta => return Ok(Entry::Link(meta.ok())),
        }
    } else {
        return Ok(Entry::Plain);
    };
    if ancestors.contains(&real) {
        return Err(std::io::Error::other(format!(
            "`{}` leads back to a folder that holds it",
            e.path().display()
        )));
    }
    Ok(Entry::Folder(real))
}

/// What [`look_below`] tells of the files below a folder, reading none of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TreeLook {
    /// A hash of every file's path and [`FileStat`] (symbolic links followed; a link
    /// that leads nowhere counts as a file without one): a file added, removed,
    /// renamed or changed changes it. It does not depend on the order in which the
    /// folders list their files.
    pub hash: u64,
    /// How many files there are.
    pub files: usize,
    /// The regular files changed (modification or change time) at or after the time
    /// asked for, in path order (never a named pipe or a device, which reading would
    /// block or consume).
    pub recent: Vec<PathBuf>,
}

/// Looks at every file below `dir` as [`files_below`] with `stat` finds them (no
/// file skipped, symbolic links followed), reading none: the hash of their paths and
/// `stat`s, and which changed at or after `since` (nanoseconds since the Unix
/// epoch). Made for telling whether anything changed since a last look, many times
/// over: each `stat` is relative to its folder, in parallel, and no path is made or
/// sorted but those of the recent files. A `dir` that does not exist has no files.
///
/// Errors: as [`files_below`].
pub fn look_below(dir: &Path, since: i128) -> std::io::Result<TreeLook> {
    if !dir.exists() {
        return Ok(TreeLook::default());
    }
    let mut walk = LookWalk {
        since,
        ..LookWalk::default()
    };
    let mut ancestors = vec![dir.canonicalize()?];
    walk.walk(dir, &mut ancestors)?;
    walk.flush();
    walk.look.recent.sort();
    let files = walk.look.files;
    walk.look.hash ^= (files as u64).rotate_left(32);
    Ok(walk.look)
}

/// At most this many folders have entries waiting for their `stat` in a walk: an
/// entry keeps its folder open, and a process may have only so many files open
/// (often 1,024), while a site may have a folder per page.
const HELD_FOLDERS: usize = 64;

/// How many folders a walk holds open at most: [`HELD_FOLDERS`], or an eighth of the
/// process's open-file limit when that is smaller (at least 1), so that the rest of
/// the build keeps room under a small limit.
fn held_folders() -> usize {
    static HELD: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *HELD.get_or_init(|| {
        #[cfg(unix)]
        {
            let mut limit = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // SAFETY: `getrlimit` only writes into `limit`, a valid `rlimit`.
            if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
                let eighth = usize::try_from(limit.rlim_cur / 8).unwrap_or(usize::MAX);
                return eighth.clamp(1, HELD_FOLDERS);
            }
        }
        HELD_FOLDERS
    })
}

/// [`look_below`]'s walk: what it found so far.
#[derive(Default)]
struct LookWalk {
    /// Files changed at or after this time are recent.
    since: i128,
    /// The folders walked (paths below the folder looked at), with the hash of each.
    dirs: Vec<(PathBuf, u64)>,
    /// The plain entries (not folders, not links) whose `stat` is not read yet, with
    /// the index of their folder.
    entries: Vec<(u32, std::fs::DirEntry)>,
    /// Folders walked since the entries were last looked at ([`LookWalk::flush`]).
    held: usize,
    /// What is known of the files looked at (the hash a sum, each file's added).
    look: TreeLook,
}

impl LookWalk {
    /// Walks `dir`; `ancestors` are the canonical paths of the folders being walked,
    /// `dir`'s last (a link back to one of them is an error, as in [`files_below`]).
    fn walk(&mut self, dir: &Path, ancestors: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let index = self.dirs.len() as u32;
        let seed = xxhash_rust::xxh3::xxh3_64(dir.as_os_str().as_encoded_bytes());
        self.dirs.push((dir.to_path_buf(), seed));
        for e in std::fs::read_dir(dir)? {
            let e = e?;
            match entry_kind(&e, e.file_type()?, ancestors)? {
                Entry::Folder(real) => {
                    ancestors.push(real);
                    self.walk(&e.path(), ancestors)?;
                    ancestors.pop();
                }
                Entry::Link(meta) => {
                    let stat = meta.as_ref().map(FileStat::of);
                    let regular = meta.is_some_and(|m| m.is_file());
                    let (h, recent) = self.file(index, &e.file_name(), stat, regular);
                    self.add(h, 1, recent.into_iter().collect());
                }
                Entry::Plain => self.entries.push((index, e)),
            }
        }
        self.held += 1;
        if self.held >= held_folders() {
            self.flush();
        }
        Ok(())
    }

    /// Reads the `stat` of the entries waiting, in parallel, and lets their folders go.
    fn flush(&mut self) {
        use rayon::prelude::*;
        let entries = std::mem::take(&mut self.entries);
        let count = entries.len();
        let this = &*self;
        let (sum, recent) = (entries.into_par_iter())
            .map(|(dir, e)| {
                let meta = e.metadata().ok();
                let regular = meta.as_ref().is_some_and(|m| m.is_file());
                this.file(
                    dir,
                    &e.file_name(),
                    meta.as_ref().map(FileStat::of),
                    regular,
                )
            })
            .fold(
                || (0u64, Vec::new()),
                |(sum, mut recent), (h, r)| {
                    recent.extend(r);
                    (sum.wrapping_add(h), recent)
                },
            )
            .reduce(
                || (0, Vec::new()),
                |(a, mut ra), (b, rb)| {
                    ra.extend(rb);
                    (a.wrapping_add(b), ra)
                },
            );
        self.add(sum, count, recent);
        self.held = 0;
    }

    /// The hash of the file `name` in folder `dir` with `stat`, and its path if it is
    /// recent and `regular` (a regular file).
    fn file(
        &self,
        dir: u32,
        name: &std::ffi::OsStr,
        stat: Option<FileStat>,
        regular: bool,
    ) -> (u64, Option<PathBuf>) {
        let (path, seed) = &self.dirs[dir as usize];
        let mut h = xxhash_rust::xxh3::Xxh3::with_seed(*seed);
        h.update(name.as_encoded_bytes());
        match stat {
            Some(s) => {
                h.update(&[1]);
                h.update(&s.size.to_le_bytes());
                h.update(&s.mtime.to_le_bytes());
                h.update(&s.ctime.to_le_bytes());
                h.update(&s.ino.to_le_bytes());
            }
            None => h.update(&[0]),
        }
        let recent = regular && stat.is_some_and(|s| s.mtime.max(s.ctime) >= self.since);
        (h.digest(), recent.then(|| path.join(name)))
    }

    /// Adds `count` files looked at: the sum of their hashes, the recent ones.
    fn add(&mut self, sum: u64, count: usize, recent: Vec<PathBuf>) {
        self.look.hash = self.look.hash.wrapping_add(sum);
        self.look.files += count;
        self.look.recent.extend(recent);
    }
}

/// What tells a file changed without reading it: its size, modification and change
/// times (nanoseconds since the Unix epoch) and inode (0 where there are none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileStat {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, in nanoseconds since the Unix epoch.
    pub mtime: i128,
    /// Change time (of the inode), in nanoseconds since the Unix epoch; 0 off Unix.
    pub ctime: i128,
    /// Inode number; 0 off Unix.
    pub ino: u64,
}

impl FileStat {
    /// The [`FileStat`] of `meta`.
    pub fn of(meta: &std::fs::Metadata) -> FileStat {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            FileStat {
                size: meta.size(),
                mtime: nanos(meta.mtime(), meta.mtime_nsec()),
                ctime: nanos(meta.ctime(), meta.ctime_nsec()),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128);
            FileStat {
                size: meta.len(),
                mtime,
                ctime: 0,
                ino: 0,
            }
        }
    }
}

#[cfg(unix)]
fn nanos(secs: i64, nsec: i64) -> i128 {
    i128::from(secs) * 1_000_000_000 + i128::from(nsec)
}

/// A folder whose files are looked at by their paths relative to it: on Unix through
/// a descriptor of the folder (`fstatat`), so that the folder's own path is not walked
/// again for each of many files.
#[derive(Debug)]
pub struct Folder {
    path: PathBuf,
    #[cfg(unix)]
    fd: Option<std::fs::File>,
}

impl Folder {
    /// The folder `path` (opened if it can be; else each look goes by the whole path).
    pub fn open(path: &Path) -> Folder {
        Folder {
            path: path.to_path_buf(),
            #[cfg(unix)]
            fd: std::fs::File::open(path).ok(),
        }
    }

    /// The [`FileStat`] of `rel` (a relative path below the folder), symbolic links
    /// followed, as [`std::fs::metadata`] gives; `None` when there is no such file.
    pub fn stat(&self, rel: &str) -> Option<FileStat> {
        #[cfg(unix)]
        if let Some(fd) = &self.fd {
            use std::os::fd::AsRawFd;
            let name = std::ffi::CString::new(rel).ok()?;
            let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
            // SAFETY: `fd` is an open descriptor, `name` a NUL-terminated string, and
            // `st` is only read after `fstatat` succeeded, which fills it.
            let st = unsafe {
                if libc::fstatat(fd.as_raw_fd(), name.as_ptr(), st.as_mut_ptr(), 0) != 0 {
                    return None;
                }
                st.assume_init()
            };
            return Some(FileStat {
                size: st.st_size as u64,
                mtime: nanos(st.st_mtime, st.st_mtime_nsec),
                ctime: nanos(st.st_ctime, st.st_ctime_nsec),
                ino: st.st_ino,
            });
        }
        std::fs::metadata(self.path.join(rel))
            .ok()
            .map(|m| FileStat::of(&m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder the walk cannot read, deep in the tree (its path past Linux's 4,096
    /// bytes), is named in the error, not the tree's root.
    #[test]
    fn a_walk_error_names_the_folder_at_fault() {
        use std::ffi::CString;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("content");
        std::fs::create_dir(&root).unwrap();
        // Made one level at a time, relative to the last (`mkdirat`): a path that long
        // cannot be named whole.
        let name = "d".repeat(200);
        let c_name = CString::new(name.as_str()).unwrap();
        let c_root = CString::new(root.to_str().unwrap()).unwrap();
        // SAFETY: plain system calls on descriptors opened here and closed below.
        unsafe {
            let mut fd = libc::open(c_root.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY);
            assert!(fd >= 0);
            for _ in 0..25 {
                assert_eq!(libc::mkdirat(fd, c_name.as_ptr(), 0o755), 0);
                let next = libc::openat(fd, c_name.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY);
                assert!(next >= 0);
                libc::close(fd);
                fd = next;
            }
            libc::close(fd);
        }
        let err = files_below(&root, &|_| false, false).unwrap_err();
        let said = err.to_string();
        assert!(said.contains(&format!("{name}/{name}`")), "{said}");
        assert!(said.len() > 4096, "{}", &said[said.len() - 80..]);
    }

    #[test]
    fn files_below_come_in_path_order_links_followed_and_loops_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("content");
        for f in [
            "b.md",
            "a/z.md",
            "a.md",
            "a-b/c.md",
            ".hidden/x.md",
            "a/.h.md",
        ] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, f).unwrap();
        }
        let elsewhere = tmp.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("e.md"), "e").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&elsewhere, root.join("linked")).unwrap();
        let hidden = |n: &std::ffi::OsStr| n.to_string_lossy().starts_with('.');
        let found = files_below(&root, &hidden, true).unwrap();
        let paths: Vec<PathBuf> = found.iter().map(|f| f.path.clone()).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted, "in `Path` order");
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        let mut expected = vec!["a/z.md", "a-b/c.md", "a.md", "b.md"];
        if cfg!(unix) {
            expected.push("linked/e.md");
        }
        assert_eq!(names, expected);
        assert!(found.iter().all(|f| f.is_file));
        assert_eq!(found[3].meta.as_ref().map(|m| m.len()), Some(4), "b.md");
        assert!(
            files_below(&tmp.path().join("none"), &hidden, false)
                .unwrap()
                .is_empty()
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&root, elsewhere.join("back")).unwrap();
            assert!(files_below(&root, &hidden, false).is_err(), "a loop");
        }
    }

    #[test]
    fn a_look_below_changes_with_any_file_and_names_the_recent_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("content");
        for f in ["a.md", "x/b.md", "x/y/c.md"] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, f).unwrap();
        }
        let look = |since| look_below(&root, since).unwrap();
        let first = look(i128::MAX);
        assert_eq!(first.files, 3);
        assert!(
            first.recent.is_empty(),
            "nothing changed after the end of time"
        );
        assert_eq!(look(i128::MAX), first, "the same look twice");
        // Every file changed at or after the epoch: all recent, in path order.
        let names: Vec<PathBuf> = (look(0).recent.iter())
            .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
            .collect();
        assert_eq!(names, ["a.md", "x/b.md", "x/y/c.md"].map(PathBuf::from));
        // What `files_below` finds is what is looked at.
        assert_eq!(files_below(&root, &|_| false, true).unwrap().len(), 3);

        let mut seen = vec![first.hash];
        let mut changed = |what: &str| {
            let h = look(i128::MAX).hash;
            assert!(!seen.contains(&h), "{what} changes the hash");
            seen.push(h);
        };
        std::fs::write(root.join("x/y/c.md"), "longer text").unwrap();
        changed("an edit");
        std::fs::rename(root.join("x/b.md"), root.join("x/b2.md")).unwrap();
        changed("a rename");
        std::fs::rename(root.join("x/b2.md"), root.join("x/y/b2.md")).unwrap();
        changed("a move to another folder");
        std::fs::write(root.join("x/new.md"), "").unwrap();
        changed("a new file");
        std::fs::remove_file(root.join("a.md")).unwrap();
        changed("a removal");
        std::fs::create_dir_all(root.join("empty")).unwrap();
        assert_eq!(look(i128::MAX).files, 3, "a folder is not a file");
        assert_eq!(
            look_below(&tmp.path().join("none"), 0).unwrap(),
            TreeLook::default()
        );
        #[cfg(unix)]
        {
            // A named pipe counts as a file, but is never recent: reading it would
            // wait for a writer.
            let fifo =
                std::ffi::CString::new(root.join("x/pipe").into_os_string().into_encoded_bytes())
                    .unwrap();
            // SAFETY: a NUL-terminated path; mkfifo only creates the file.
            assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
            let with_pipe = look(0);
            assert_eq!(with_pipe.files, 4);
            assert!(!with_pipe.recent.iter().any(|p| p.ends_with("pipe")));
            std::os::unix::fs::symlink(&root, root.join("x/back")).unwrap();
            assert!(look_below(&root, 0).is_err(), "a loop");
        }
    }

    #[test]
    fn walks_find_every_file_across_more_folders_than_they_hold_open() {
        // More folders than HELD_FOLDERS, each with a file: the entries waiting are
        // looked at and let go several times over. (`tests/cache.rs` builds such a
        // site under a small open-file limit.)
        let tmp = tempfile::tempdir().unwrap();
        for i in 0..3 * HELD_FOLDERS {
            let dir = tmp.path().join(format!("r{i}"));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("index.md"), i.to_string()).unwrap();
        }
        assert_eq!(
            files_below(tmp.path(), &|_| false, true).unwrap().len(),
            3 * HELD_FOLDERS
        );
        assert_eq!(look_below(tmp.path(), 0).unwrap().files, 3 * HELD_FOLDERS);
    }

    #[test]
    fn a_folder_stats_its_files_as_metadata_does() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("a/b")).unwrap();
        std::fs::write(tmp.path().join("a/b/f.html"), "12345").unwrap();
        let folder = Folder::open(tmp.path());
        let meta = std::fs::metadata(tmp.path().join("a/b/f.html")).unwrap();
        assert_eq!(folder.stat("a/b/f.html"), Some(FileStat::of(&meta)));
        assert_eq!(folder.stat("a/b/f.html").unwrap().size, 5);
        assert_eq!(folder.stat("a/none.html"), None);
    }
}
