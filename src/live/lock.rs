//! One preview per site: `sitrep serve` and `sitrep watch` hold a lock on the site
//! while they run, so that a second preview of the same site, which would write the
//! same output, refuses to start and names the first one's process.
//!
//! The lock is `.sitrep-cache/preview.lock` in the site folder, holding the process id
//! of its owner, and locked with `flock`: the kernel releases the lock when its
//! process ends, however it ends, so the lock of a process that died (killed, crashed)
//! is taken over at once. On file systems without `flock`, a lock whose process is
//! no longer alive is taken over.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::build::cache::CACHE_DIR;

/// The lock file, in the site folder.
pub fn lock_file(root: &Path) -> PathBuf {
    root.join(CACHE_DIR).join("preview.lock")
}

/// The preview lock of a site, held until dropped (or the process ends).
#[derive(Debug)]
pub struct PreviewLock {
    file: File,
}

impl PreviewLock {
    /// Takes the preview lock of the site at `root`.
    ///
    /// Errors: another process holds it (the message names its process id), or the
    /// lock file cannot be made.
    pub fn acquire(root: &Path) -> Result<PreviewLock> {
        let path = lock_file(root);
        let dir = path.parent().expect("the lock file is in a folder");
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot open `{}`", path.display()))?;
        let owner = read_owner(&mut file);
        let taken = match try_lock(&file) {
            Some(locked) => !locked,
            // No `flock` here: the lock is taken while its process lives.
            None => owner.is_some_and(|pid| pid != std::process::id() && process_alive(pid)),
        };
        if taken {
            let who = owner.map_or("another process".to_string(), |p| format!("process {p}"));
            bail!(
                "`{}` has a preview running already ({who}, a `sitrep serve` or `sitrep watch` writing the same output): stop it first (Ctrl-C), or use that one (lock: `{}`)",
                root.display(),
                path.display()
            );
        }
        file.set_len(0)?;
        file.rewind()?;
        writeln!(file, "{}", std::process::id())
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        Ok(PreviewLock { file })
    }
}

impl Drop for PreviewLock {
    /// Releases the lock: the file is emptied and closed (which ends the `flock`); it
    /// stays in place, so that a process about to lock it never locks a removed file.
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
    }
}

/// The process id written in the lock file, if any.
fn read_owner(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Tries to lock `file` without waiting: `Some(true)` locked, `Some(false)` another
/// process holds it, `None` the file system cannot lock.
#[cfg(unix)]
fn try_lock(file: &File) -> Option<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: `flock` on a file descriptor this function borrows, open for its call.
    let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if r == 0 {
        return Some(true);
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::EWOULDBLOCK) => Some(false),
        _ => None,
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> Option<bool> {
    None
}

/// Whether the process `pid` is alive.
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_a_released_one_taken() {
        let tmp = tempfile::tempdir().unwrap();
        let first = PreviewLock::acquire(tmp.path()).unwrap();
        let own = std::process::id().to_string();
        let text = std::fs::read_to_string(lock_file(tmp.path())).unwrap();
        assert_eq!(text.trim(), own);
        // flock locks are per open file: a second open in this process conflicts too.
        let e = PreviewLock::acquire(tmp.path()).unwrap_err().to_string();
        assert!(e.contains(&format!("process {own}")), "{e}");
        drop(first);
        assert_eq!(std::fs::read_to_string(lock_file(tmp.path())).unwrap(), "");
        // A lock file left by a process that is gone is taken over.
        std::fs::write(lock_file(tmp.path()), "999999999\n").unwrap();
        let again = PreviewLock::acquire(tmp.path()).unwrap();
        drop(again);
    }
}
