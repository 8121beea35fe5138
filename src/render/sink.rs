//! Where rendered bytes go. [`crate::render`] produces pages and hands their bytes to
//! a [`Sink`] it does not own: the build's staging folder, the live output folder
//! (both in `crate::build::output`), or memory ([`Buffered`], for `sitrep check` and
//! for rebuilds that must succeed whole before anything is written).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

/// Where rendered pages and static files go. Paths are `/`-separated and relative to
/// the output root; implementations refuse paths that leave it.
pub trait Sink: Sync {
    /// Writes `bytes` to `rel`.
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()>;

    /// Copies the file `from` to `rel`.
    fn copy(&self, rel: &str, from: &Path) -> Result<()> {
        let bytes =
            std::fs::read(from).with_context(|| format!("cannot read `{}`", from.display()))?;
        self.write(rel, &bytes)
    }
}

/// Checks that `rel`, a `/`-separated output path, stays inside the output folder: not
/// empty, not absolute, no `.` or `..` segments.
///
/// Errors: the path would leave the output folder.
pub fn check_output_path(rel: &str) -> Result<()> {
    let rel_path = Path::new(rel);
    if rel.is_empty()
        || rel_path.is_absolute()
        || rel_path
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        bail!("output path `{rel}` leaves the output folder");
    }
    Ok(())
}

/// Pages and files held in memory until the whole build has succeeded, then written
/// out with [`Buffered::write_to`]: watch mode renders into one, so that a build that
/// fails half-way writes nothing.
#[derive(Debug, Default)]
pub struct Buffered(Mutex<BTreeMap<String, Vec<u8>>>);

impl Buffered {
    /// Everything held: output file -> bytes.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.0.into_inner().unwrap()
    }

    /// Writes everything held into `out` (in path order).
    pub fn write_to(self, out: &dyn Sink) -> Result<()> {
        for (rel, bytes) in self.0.into_inner().unwrap() {
            out.write(&rel, &bytes)?;
        }
        Ok(())
    }
}

impl Sink for Buffered {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        check_output_path(rel)?;
        self.0
            .lock()
            .unwrap()
            .insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }
}
