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
    let mut ancestors = vec![dir.canonicalize()?];
    walk_into(dir, skip, &mut ancestors, &mut found)?;
    Ok(found
        .into_par_iter()
        .map(|(path, entry)| entry.found(path, stat))
        .collect())
}

/// A file met by [`walk_into`], its metadata not read yet.
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

/// Walks `dir` depth first, its entries in name order; `ancestors` are the canonical
/// paths of the folders being walked, `dir`'s last.
fn walk_into(
    dir: &Path,
    skip: &(dyn Fn(&std::ffi::OsStr) -> bool + Sync),
    ancestors: &mut Vec<PathBuf>,
    out: &mut Vec<(PathBuf, Met)>,
) -> std::io::Result<()> {
    let mut entries = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name();
        if !skip(&name) {
            entries.push((name, e));
        }
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, e) in entries {
        let ft = e.file_type()?;
        let path = e.path();
        let target = if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => Some(path.canonicalize()?),
                meta => {
                    out.push((path, Met::Link(meta.ok())));
                    continue;
                }
            }
        } else if ft.is_dir() {
            Some(ancestors.last().expect("the root").join(&name))
        } else {
            None
        };
        match target {
            Some(real) if ancestors.contains(&real) => {
                return Err(std::io::Error::other(format!(
                    "`{}` leads back to a folder that holds it",
                    path.display()
                )));
            }
            Some(real) => {
                ancestors.push(real);
                walk_into(&path, skip, ancestors, out)?;
                ancestors.pop();
            }
            None => out.push((path, Met::Entry(e, ft))),
        }
    }
    Ok(())
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
