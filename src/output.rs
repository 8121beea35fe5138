//! Writing the output folder (`public/`) atomically.
//!
//! A build writes into a staging folder beside the output folder; only when every
//! page is written does [`Staging::commit`] put it in place of the old output. A
//! failed build drops the staging folder and leaves the old output as it was.
//!
//! sitrep only replaces a folder it wrote itself (it holds the [`MARKER`] file) or an
//! empty one, so a mistaken `--output` can never delete someone's files.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// A file sitrep writes into every output folder, so it can tell its own output
/// from a folder it must not replace.
pub const MARKER: &str = ".sitrep-output";

/// An output folder being written.
#[derive(Debug)]
pub struct Staging {
    /// Where the output goes when committed.
    target: PathBuf,
    /// The staging folder (a sibling of `target`); removed on drop unless committed.
    dir: Option<tempfile::TempDir>,
}

impl Staging {
    /// Starts writing the output for `target`.
    ///
    /// Errors: `target` exists and is neither empty nor sitrep's output (no
    /// [`MARKER`]), or the staging folder cannot be created.
    pub fn begin(target: &Path) -> Result<Staging> {
        if target.exists() {
            let is_ours = target.join(MARKER).is_file();
            let is_empty = target
                .read_dir()
                .with_context(|| format!("cannot read `{}`", target.display()))?
                .next()
                .is_none();
            if !is_ours && !is_empty {
                bail!(
                    "`{}` exists and was not written by sitrep (it has no `{MARKER}` file): \
                     remove it or choose another output folder",
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
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.staging-"))
            .tempdir_in(&parent)
            .with_context(|| format!("cannot create a staging folder in `{}`", parent.display()))?;
        std::fs::write(
            dir.path().join(MARKER),
            b"written by sitrep; this folder is replaced on every build\n",
        )?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir: Some(dir),
        })
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().expect("not committed").path()
    }

    /// Writes `bytes` to `rel` (a `/`-separated path below the output root), creating
    /// folders as needed.
    ///
    /// Errors: `rel` leaves the output folder (`..`, absolute), or the write fails.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.resolve(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write `{}`", path.display()))
    }

    /// Copies the file `from` to `rel` below the output root.
    pub fn copy(&self, rel: &str, from: &Path) -> Result<()> {
        let path = self.resolve(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::copy(from, &path)
            .with_context(|| format!("cannot copy `{}` to `{}`", from.display(), path.display()))?;
        Ok(())
    }

    fn resolve(&self, rel: &str) -> Result<PathBuf> {
        let rel_path = Path::new(rel);
        if rel_path.is_absolute()
            || rel_path
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            bail!("output path `{rel}` leaves the output folder");
        }
        Ok(self.path().join(rel_path))
    }

    /// Puts the staged output in place of the target: the old output is moved aside,
    /// the staging folder renamed to the target, then the old output removed.
    ///
    /// Errors: a rename fails (the old output is then put back).
    pub fn commit(mut self) -> Result<()> {
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
        let s = Staging::begin(&target).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"one");

        // A failed build (staging dropped) leaves the output as it was.
        let s = Staging::begin(&target).unwrap();
        s.write("b/index.html", b"two").unwrap();
        drop(s);
        assert!(target.join("a/index.html").exists());
        assert!(!target.join("b").exists());
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "no staging left"
        );

        let s = Staging::begin(&target).unwrap();
        s.write("b/index.html", b"two").unwrap();
        s.commit().unwrap();
        assert!(!target.join("a").exists(), "stale files are gone");
        assert!(target.join("b/index.html").exists());
    }

    #[test]
    fn refuses_foreign_folders_and_escapes() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("precious.txt"), b"x").unwrap();
        assert!(Staging::begin(tmp.path()).is_err());
        let s = Staging::begin(&tmp.path().join("out")).unwrap();
        assert!(s.write("../x", b"").is_err());
        assert!(s.write("/etc/x", b"").is_err());
    }
}
