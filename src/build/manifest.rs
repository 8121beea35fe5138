//! What a build wrote into the output folder: the [`Manifest`] (each file with the
//! hash of its bytes), and the [`MARKER`] file that lists sitrep's own files, so that a
//! later build knows its output from a folder it must not replace.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};

/// What was written: output file (relative, `/`-separated) -> hash of its bytes.
pub type Manifest = BTreeMap<String, u64>;

/// A hash of file contents, to tell whether a file changed: XXH3, 64 bits (every
/// output file's bytes are hashed, about 14 KB a report page: many times faster than
/// SipHash). Kept in the build cache, which a new sitrep never trusts.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A file sitrep writes into every output folder, so it can tell its own output
/// from a folder it must not replace.
pub const MARKER: &str = ".sitrep-output";

/// The first line of the [`MARKER`] file; the files sitrep wrote follow, one per line.
pub const MARKER_HEADER: &str =
    "written by sitrep: the files below are its own and are replaced on every build\n";

/// Writes the [`MARKER`] file of the output folder `root`, listing the files sitrep
/// wrote there (`manifest`).
pub fn write_marker(root: &Path, manifest: &Manifest) -> Result<()> {
    let mut text = String::from(MARKER_HEADER);
    for f in manifest.keys() {
        text.push_str(f);
        text.push('\n');
    }
    crate::fs::write_atomically(&root.join(MARKER), text.as_bytes())
}

/// Adds `files` to the [`MARKER`] file of the output folder `root` (at its end: a
/// file listed twice is one), so that files about to be written are known as
/// sitrep's before the next [`write_marker`]. Nothing is done for no files.
///
/// Errors: the marker cannot be opened or written.
pub fn append_to_marker(root: &Path, files: &[&str]) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let mut text = String::new();
    for f in files {
        text.push_str(f);
        text.push('\n');
    }
    let path = root.join(MARKER);
    let mut marker = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .with_context(|| format!("cannot open `{}`", path.display()))?;
    std::io::Write::write_all(&mut marker, text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))
}

/// The files sitrep wrote into the output folder `root`, from its [`MARKER`]: `None`
/// when there is no marker; every file in `root` for a marker that lists none (an
/// output written before markers listed files).
pub fn read_marker(root: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(root.join(MARKER)).ok()?;
    let listed: BTreeSet<String> = text.lines().skip(1).map(String::from).collect();
    if listed.is_empty() {
        return Some(files_below(root).into_iter().collect());
    }
    Some(listed)
}

/// Every file (and symbolic link) below `root`, as `/`-separated relative paths.
pub fn files_below(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root)
        .min_depth(1)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            e.path()
                .strip_prefix(root)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}
