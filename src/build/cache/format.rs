//! The cache file's format: a header line, then fields in order, little-endian, each
//! string as its length (`u32`) and bytes:
//!
//! ```text
//! "sitrep build cache 2\n"
//! output folder                                  string
//! signature u64, taken i128                      (Inputs)
//! recent count u32, each: path string, hash u64
//! files count u32, each: name string, hash u64, size u64, mtime i128, ctime i128, ino u64
//! ```
//!
//! Read in one pass with no parsing of text: at 100,000 reports (140,000 output files)
//! the file is about 12 MB and reads in a few milliseconds.

use std::path::PathBuf;

use super::{BuildCache, Inputs, OutputFile};

const HEADER: &[u8] = b"sitrep build cache 2\n";

/// The bytes of `cache`.
pub(super) fn encode(cache: &BuildCache) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER.len() + cache.files.len() * 96);
    out.extend_from_slice(HEADER);
    put_bytes(&mut out, cache.output.as_os_str().as_encoded_bytes());
    out.extend_from_slice(&cache.inputs.signature.to_le_bytes());
    out.extend_from_slice(&cache.inputs.taken.to_le_bytes());
    put_len(&mut out, cache.inputs.recent.len());
    for (path, hash) in &cache.inputs.recent {
        put_bytes(&mut out, path.as_os_str().as_encoded_bytes());
        out.extend_from_slice(&hash.to_le_bytes());
    }
    put_len(&mut out, cache.files.len());
    for (name, f) in &cache.files {
        put_bytes(&mut out, name.as_bytes());
        out.extend_from_slice(&f.hash.to_le_bytes());
        out.extend_from_slice(&f.size.to_le_bytes());
        out.extend_from_slice(&f.mtime.to_le_bytes());
        out.extend_from_slice(&f.ctime.to_le_bytes());
        out.extend_from_slice(&f.ino.to_le_bytes());
    }
    out
}

/// The cache in `bytes`; `None` when they are not one ([`encode`]'s) of this version.
pub(super) fn decode(bytes: &[u8]) -> Option<BuildCache> {
    let mut r = Reader(bytes.strip_prefix(HEADER)?);
    let output = path(r.bytes()?)?;
    let signature = r.u64()?;
    let taken = r.i128()?;
    let recent = (0..r.u32()?)
        .map(|_| Some((path(r.bytes()?)?, r.u64()?)))
        .collect::<Option<Vec<_>>>()?;
    let count = r.u32()? as usize;
    // Each file takes at least 60 bytes: a damaged count allocates nothing huge.
    let mut files = Vec::with_capacity(count.min(r.0.len() / 60));
    for _ in 0..count {
        let name = std::str::from_utf8(r.bytes()?).ok()?.to_owned();
        let file = OutputFile {
            hash: r.u64()?,
            size: r.u64()?,
            mtime: r.i128()?,
            ctime: r.i128()?,
            ino: r.u64()?,
        };
        files.push((name, file));
    }
    r.0.is_empty().then_some(BuildCache {
        output,
        inputs: Inputs {
            signature,
            taken,
            recent,
        },
        files,
    })
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    let n = u32::try_from(n).expect("fewer than 4 billion entries");
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

/// A path from the bytes [`encode`] wrote (`OsStr::as_encoded_bytes`).
fn path(bytes: &[u8]) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(bytes).ok().map(PathBuf::from)
    }
}

/// Reads fields from the front of its slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }

    fn i128(&mut self) -> Option<i128> {
        self.take().map(i128::from_le_bytes)
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_reads_back_as_written_and_damage_is_no_cache() {
        let cache = BuildCache {
            output: PathBuf::from("/site/public"),
            inputs: Inputs {
                signature: 7,
                taken: -3,
                recent: vec![(PathBuf::from("/site/content/a.md"), 42)],
            },
            files: vec![
                (
                    "index.html".to_owned(),
                    OutputFile {
                        hash: 1,
                        size: 2,
                        mtime: 1_700_000_000_123_456_789,
                        ctime: 4,
                        ino: 5,
                    },
                ),
                (
                    "reports/a/index.html".to_owned(),
                    OutputFile {
                        hash: u64::MAX,
                        size: 0,
                        mtime: i128::MIN,
                        ctime: i128::MAX,
                        ino: 6,
                    },
                ),
            ],
        };
        let bytes = encode(&cache);
        assert_eq!(decode(&bytes), Some(cache));
        assert_eq!(decode(&bytes[..bytes.len() - 1]), None, "truncated");
        assert_eq!(decode(&[bytes.as_slice(), b"x"].concat()), None, "trailing");
        assert_eq!(
            decode(b"{\"output\":\"/site/public\"}"),
            None,
            "the old format"
        );
    }
}
