//! The build cache, `.sitrep-cache/` in the site folder: what the last build read and
//! wrote, so that the next `sitrep build` can skip work.
//!
//! * When no input changed (same files, sizes and modification times, same sitrep,
//!   same options) and the output is as that build left it, there is nothing to do.
//! * Otherwise every output file whose bytes are the same as last time is hard-linked
//!   from the old output instead of written again, so unchanged files keep their
//!   inode and modification time (rsync and web servers see them unchanged).
//!
//! The cache is only a hint: a missing, old or damaged cache means a full build.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::build::manifest::{MARKER, Manifest};
use crate::build::options::BuildOptions;
use crate::build::output::Reuse;

/// The cache folder, in the site folder. Hidden, so neither the build nor the watcher
/// reads it as content.
pub const CACHE_DIR: &str = ".sitrep-cache";

/// What is known of one output file: the hash of its bytes, its size and its
/// modification time (nanoseconds since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputFile {
    /// Hash of the bytes ([`crate::build::manifest::content_hash`]).
    pub hash: u64,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, in nanoseconds since the Unix epoch.
    pub mtime: i128,
}

/// The cache of one site and output folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildCache {
    /// The output folder it describes (absolute).
    pub output: PathBuf,
    /// [`inputs_signature`] of the build.
    pub inputs: u64,
    /// Every output file.
    pub files: HashMap<String, OutputFile>,
}

fn cache_file(root: &Path) -> PathBuf {
    root.join(CACHE_DIR).join("build.json")
}

fn mtime_nanos(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

/// Hashes a file's path, size and modification time.
fn stat_into(h: &mut impl Hasher, path: &Path) {
    path.hash(h);
    match std::fs::metadata(path) {
        Ok(m) => {
            m.len().hash(h);
            mtime_nanos(&m).hash(h);
        }
        Err(_) => 0u8.hash(h),
    }
}

/// A hash of everything a build reads: sitrep's executable (its size and
/// modification time), version and built-in theme, the options (`base_url` too), and the path,
/// size and modification time of `config.yaml` and of every file below `content/`,
/// `templates/`, `static/` and `themes/`. Any change to them changes it.
pub fn inputs_signature(opts: &BuildOptions) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    // sitrep itself: another build of it (same version, other code) writes other pages.
    if let Ok(exe) = std::env::current_exe() {
        stat_into(&mut h, &exe);
    }
    // The built-in theme too: a sitrep built from other sources writes other pages.
    crate::render::theme::DEFAULT_TEMPLATES.hash(&mut h);
    crate::render::theme::DEFAULT_STATIC.hash(&mut h);
    opts.drafts.hash(&mut h);
    // A preview's pages point at the preview: never the output of a `sitrep build`.
    opts.base_url.hash(&mut h);
    opts.output_dir().hash(&mut h);
    let root = &opts.root;
    let mut stat = |path: &Path| stat_into(&mut h, path);
    stat(&root.join(crate::site::config::CONFIG_FILE));
    for dir in ["content", "templates", "static", "themes"] {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join(dir))
            .follow_links(true)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_type().is_dir())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        for f in &files {
            stat(f);
        }
    }
    h.finish()
}

impl BuildCache {
    /// Reads the cache of `opts`' site, if there is one for its output folder.
    pub fn load(opts: &BuildOptions) -> Option<BuildCache> {
        let text = std::fs::read(cache_file(&opts.root)).ok()?;
        let cache: BuildCache = serde_json::from_slice(&text).ok()?;
        let output = std::path::absolute(opts.output_dir()).ok()?;
        (cache.output == output).then_some(cache)
    }

    /// Describes the output that a build of `opts` just wrote (`manifest`), read
    /// with `inputs` (its [`inputs_signature`], taken before it read them).
    pub fn after_build(opts: &BuildOptions, inputs: u64, manifest: &Manifest) -> BuildCache {
        let output = std::path::absolute(opts.output_dir()).unwrap_or(opts.output_dir());
        let files = manifest
            .iter()
            .filter_map(|(rel, &hash)| {
                let meta = std::fs::metadata(output.join(rel)).ok()?;
                Some((
                    rel.clone(),
                    OutputFile {
                        hash,
                        size: meta.len(),
                        mtime: mtime_nanos(&meta),
                    },
                ))
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
            && let Ok(json) = serde_json::to_vec(self)
        {
            let _ = crate::fs::write_atomically(&path, &json);
        }
    }

    /// Whether the output folder is still exactly as the cached build left it: every
    /// file there, with its size and modification time.
    pub fn output_intact(&self) -> bool {
        self.output.join(MARKER).is_file()
            && self.files.iter().all(|(rel, f)| {
                std::fs::metadata(self.output.join(rel))
                    .is_ok_and(|m| m.len() == f.size && mtime_nanos(&m) == f.mtime)
            })
    }
}

impl Reuse for BuildCache {
    /// The old output file to hard-link for `rel`, if its bytes would be `hash` and it
    /// is still as the cached build left it.
    fn reusable(&self, rel: &str, hash: u64) -> Option<PathBuf> {
        let f = self.files.get(rel)?;
        if f.hash != hash {
            return None;
        }
        let path = self.output.join(rel);
        let meta = std::fs::metadata(&path).ok()?;
        (meta.len() == f.size && mtime_nanos(&meta) == f.mtime).then_some(path)
    }
}
