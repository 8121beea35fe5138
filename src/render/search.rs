//! The search index: a sharded index of sitrep's own format, written with the site and
//! queried in the browser by the theme's `search.js`, which downloads only the parts a
//! query needs (see BENCHMARKS.md for why not Pagefind's format).
//!
//! Reports get ids oldest first (id 0 is the oldest report), so a new report is
//! appended and older parts stay as they were. Ids are grouped in blocks of
//! [`BLOCK`] reports; each block has its own files, under `search/<block>/`:
//!
//! * `s<k>.bin`, shard `k` of the block's postings. A term is in shard
//!   `fnv1a(key) % shards`, where its key is its first three characters (the whole
//!   term when shorter), or its first character for terms of scripts written without
//!   spaces, so every term a query prefix can match is in one shard. Per term:
//!   `varint(byte length)`, the term (UTF-8), `varint(count)`, then per report
//!   `varint(delta << 2 | field)`, where `delta` is the report's id within the block
//!   minus the previous one's (the first: minus 0), and `field` the best field the
//!   term is in: 3 title, 2 places (countries, region), 1 summary, 0 text.
//! * `f.bin`, the facets: per report, in id order, `varint(region + 1)` (0: none),
//!   `varint(n)`, then `n` × `varint(country)`, indices into `meta.json`'s lists.
//! * `d<k>.json`, what a result shows of reports `k × CHUNK ..`:
//!   `[[title, path, date, region, summary], ...]` (path from the site root).
//!
//! `search/meta.json` holds the sizes, the shard count of each block, the region and
//! country names, and each month's first id and count (months are id ranges, since
//! ids follow dates). Varints are LEB128, unsigned. Words are runs of letters and
//! digits ([`fold_word`]ed, at least 2 characters); runs of scripts written without
//! spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan) are indexed as
//! character pairs, so `停火` finds `停火协议`.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::site::Site;
use crate::site::content::Page;
use crate::site::paths::SEARCH_DIR;
use crate::site::term::term_key;

/// Reports per block of the index.
pub const BLOCK: usize = 16_384;

/// Terms, each with its list of `local id << 2 | field` (see [`Postings`]).
type TermLists = Vec<(Box<str>, Vec<u32>)>;

/// How many runs of reports per thread a block is read in (see
/// [`SearchIndex::make_block`]): more than one, so that the threads stay busy to the
/// end; few, since each run collects its terms anew.
const RUNS_PER_THREAD: usize = 2;

/// Reports per file of result data (`d<k>.json`).
pub const CHUNK: usize = 8;
/// The most shards a block has.
const MAX_SHARDS: usize = 256;
/// Reports per shard a block aims at (fewer shards for small blocks).
const REPORTS_PER_SHARD: usize = 40;

/// Where a term occurs in a report, best first: the field of a posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Text = 0,
    Summary = 1,
    Places = 2,
    Title = 3,
}

/// One file of the search index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SearchFile {
    /// `search/meta.json`.
    Meta,
    /// `search/<block>/s<shard>.bin`.
    Shard(u32, u32),
    /// `search/<block>/f.bin`.
    Facets(u32),
    /// `search/<block>/d<chunk>.json` (chunk within the block).
    Docs(u32, u32),
}

impl SearchFile {
    /// The block this file is made from with the others of its block (shards and
    /// facets), if it is one.
    pub fn made_with_block(self) -> Option<u32> {
        match self {
            SearchFile::Shard(b, _) | SearchFile::Facets(b) => Some(b),
            SearchFile::Meta | SearchFile::Docs(..) => None,
        }
    }
}

/// Folds a word as the search page does: decomposed (NFD), combining marks dropped,
/// lower case, final sigma as sigma (`Côte` -> `cote`, `Привет` -> `привет`).
pub fn fold_word(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect()
}

/// Whether `c` belongs to a script written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x0F00..=0x0FFF // Tibetan
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF // Han
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x2FFFF)
}

/// Calls `emit` with each search term of `text`: its words (runs of letters and
/// digits, folded, of at least two characters), and the character pairs of runs of
/// unspaced scripts (a lone character alone). Terms may repeat.
pub fn for_each_term(text: &str, mut emit: impl FnMut(&str)) {
    use unicode_normalization::char::is_combining_mark;
    let is_word_char = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let bytes = text.as_bytes();
    let mut buf = String::new();
    let mut i = 0;
    while i < bytes.len() {
        // Separators: ASCII ones byte by byte, others by character.
        match CLASS[bytes[i] as usize] {
            SEPARATOR => {
                i += 1;
                continue;
            }
            NON_ASCII => {
                let c = text[i..].chars().next().expect("at a character boundary");
                if !is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            _ => {}
        }
        let start = i;
        let (mut ascii, mut upper) = (true, false);
        while i < bytes.len() {
            let (run, has_upper) = ascii_word_run(&bytes[i..]);
            i += run;
            upper |= has_upper;
            let Some(&b) = bytes.get(i) else { break };
            match CLASS[b as usize] {
                LOWER => i += 1,
                UPPER => {
                    upper = true;
                    i += 1;
                }
                SEPARATOR => break,
                _ => {
                    let c = text[i..].chars().next().expect("at a character boundary");
                    if !is_word_char(c) {
                        break;
                    }
                    ascii = false;
                    i += c.len_utf8();
                }
            }
        }
        let word = &text[start..i];
        if !ascii {
            split_runs(&fold_word(word), &mut emit);
        } else if word.len() >= 2 && upper {
            buf.clear();
            buf.push_str(word);
            buf.make_ascii_lowercase();
            emit(&buf);
        } else if word.len() >= 2 {
            emit(word);
        }
    }
}

/// Byte classes for [`for_each_term`]: ASCII separators, lower-case letters and
/// digits, upper-case letters, and bytes of other characters.
const SEPARATOR: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 3;
const CLASS: [u8; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            NON_ASCII
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_alphanumeric() {
            LOWER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};

/// How many of the first bytes of `bytes` are ASCII letters and digits, eight at a
/// time (as [`CLASS`]'s `LOWER` and `UPPER`; stops short of the last seven bytes, which
/// the caller reads one by one), and whether any is an upper-case letter.
fn ascii_word_run(bytes: &[u8]) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // The high bit of each byte of `w` (all below 0x80) that is in `lo..=hi`.
    let within = |w: u64, lo: u8, hi: u8| {
        (w + ONES * u64::from(0x80 - lo)) & !(w + ONES * u64::from(0x7f - hi)) & HIGH
    };
    let mut n = 0;
    let mut upper = false;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if w & HIGH != 0 {
            // A byte of a non-ASCII character: the caller reads it.
            let ascii = (w & HIGH).trailing_zeros() as usize / 8;
            let (run, up) = ascii_word_run_short(&chunk[..ascii]);
            return (n + run, upper | up);
        }
        let up = within(w, b'A', b'Z');
        let word = within(w, b'a', b'z') | within(w, b'0', b'9') | up;
        let stop = !word & HIGH;
        if stop == 0 {
            upper |= up != 0;
            n += 8;
            continue;
        }
        let run = stop.trailing_zeros() as usize / 8;
        // The high bits of the bytes before `run`.
        let before = (1u64 << (run * 8)).wrapping_sub(1);
        return (n + run, upper | (up & before != 0));
    }
    (n, upper)
}

/// [`ascii_word_run`] of fewer than eight ASCII bytes, one by one.
fn ascii_word_run_short(bytes: &[u8]) -> (usize, bool) {
    let mut upper = false;
    for (k, &b) in bytes.iter().enumerate() {
        match CLASS[b as usize] {
            LOWER => {}
            UPPER => upper = true,
            _ => return (k, upper),
        }
    }
    (bytes.len(), upper)
}

/// Emits the terms of one folded word that is not plain ASCII.
fn split_runs(folded: &str, emit: &mut impl FnMut(&str)) {
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let unspaced = is_unspaced(chars[i].1);
        let mut j = i + 1;
        while j < chars.len() && is_unspaced(chars[j].1) == unspaced {
            j += 1;
        }
        let at = |k: usize| chars.get(k).map_or(folded.len(), |c| c.0);
        if unspaced {
            if j - i == 1 {
                emit(&folded[at(i)..at(j)]);
            }
            for k in i..j.saturating_sub(1) {
                emit(&folded[at(k)..at(k + 2)]);
            }
        } else if j - i >= 2 {
            emit(&folded[at(i)..at(j)]);
        }
        i = j;
    }
}

/// The shard key of a term: its first character for unspaced scripts, else its
/// first three characters (the whole term when shorter).
fn shard_key(term: &str) -> &str {
    let mut chars = term.char_indices();
    match chars.next() {
        Some((_, c)) if is_unspaced(c) => &term[..c.len_utf8()],
        _ => term
            .char_indices()
            .nth(3)
            .map_or(term, |(at, _)| &term[..at]),
    }
}

/// 32-bit FNV-1a of `bytes` (the shard hash; `search.js` computes the same).
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// How many shards a block of `reports` reports has: a power of two, one per
/// [`REPORTS_PER_SHARD`] reports, at most [`MAX_SHARDS`].
pub fn shard_count(reports: usize) -> usize {
    (reports / REPORTS_PER_SHARD)
        .max(1)
        .next_power_of_two()
        .min(MAX_SHARDS)
}

/// The files of one block, made together.
struct Block {
    shards: Vec<Vec<u8>>,
    facets: Vec<u8>,
}

/// The search index of a site. A block's shards and facets are made together, from
/// its reports' text: [`crate::render::render_pages`] makes one block at a time
/// ([`SearchIndex::prepare_block`]), writes its files, and lets it go
/// ([`SearchIndex::release_block`]), so that the index of a large site is never all
/// in memory (about 8 MB a block of [`BLOCK`] reports; 508 MB for a million). A file asked for outside
/// that makes its block for itself. A renderer that renders no search file (the
/// edited page written first in watch mode) never makes them.
pub struct SearchIndex<'a> {
    site: &'a Site,
    /// Country index by [`term_key`].
    countries: HashMap<String, u32>,
    /// Region index by slug.
    regions: HashMap<&'a str, u32>,
    /// Reports per block ([`BLOCK`]).
    block: usize,
    /// Reports per task making a block (tests set it; else see [`RUNS_PER_THREAD`]).
    part: Option<usize>,
    /// Blocks made ahead of their files, by block number.
    made: std::sync::Mutex<HashMap<usize, Arc<Block>>>,
    /// [`SearchIndex::block_hash`] of each block, made when first needed.
    block_hashes: Vec<std::sync::OnceLock<u64>>,
}

impl<'a> SearchIndex<'a> {
    /// Makes the index of `site`.
    pub fn new(site: &'a Site) -> SearchIndex<'a> {
        SearchIndex::with_block(site, BLOCK)
    }

    /// Makes the index of `site` with `block` reports per block (tests use small
    /// blocks, to search several).
    pub fn with_block(site: &'a Site, block: usize) -> SearchIndex<'a> {
        let block = block.max(1);
        let countries = site
            .countries
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (term_key(&t.name), i as u32))
            .collect();
        let regions = site
            .regions
            .iter()
            .enumerate()
            .map(|(i, (r, _))| (r.slug.as_ref(), i as u32))
            .collect();
        SearchIndex {
            site,
            countries,
            regions,
            block,
            part: None,
            made: std::sync::Mutex::default(),
            block_hashes: (0..site.reports.len().div_ceil(block))
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    /// Makes block `b` now (in parallel), for its files to be asked for until
    /// [`SearchIndex::release_block`]. Once `stop` is set, it stops within 256 of its
    /// reports (a whole block of a large site takes about half a second), with an
    /// error.
    ///
    /// Errors: a report's body cannot be read again ([`Page::body`]); stopped.
    pub fn prepare_block(&self, b: u32, stop: &AtomicBool) -> anyhow::Result<()> {
        let block = Arc::new(self.make_block(b as usize, stop)?);
        self.made_blocks().insert(b as usize, block);
        Ok(())
    }

    /// Lets block `b` go, once its files are written.
    pub fn release_block(&self, b: u32) {
        self.made_blocks().remove(&(b as usize));
    }

    fn made_blocks(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Arc<Block>>> {
        self.made.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn block_count(&self) -> usize {
        self.site.reports.len().div_ceil(self.block)
    }

    /// Every file of the index.
    pub fn files(&self) -> Vec<SearchFile> {
        let mut files = vec![SearchFile::Meta];
        for b in 0..self.block_count() {
            let len = self.block_len(b);
            let b32 = b as u32;
            files.extend((0..shard_count(len) as u32).map(|s| SearchFile::Shard(b32, s)));
            files.push(SearchFile::Facets(b32));
            files.extend((0..len.div_ceil(CHUNK) as u32).map(|k| SearchFile::Docs(b32, k)));
        }
        files
    }

    /// The file's path from the site root (`search/0/s17.bin`).
    pub fn path(file: SearchFile) -> String {
        match file {
            SearchFile::Meta => format!("{SEARCH_DIR}meta.json"),
            SearchFile::Shard(b, s) => format!("{SEARCH_DIR}{b}/s{s}.bin"),
            SearchFile::Facets(b) => format!("{SEARCH_DIR}{b}/f.bin"),
            SearchFile::Docs(b, k) => format!("{SEARCH_DIR}{b}/d{k}.json"),
        }
    }

    /// The file's bytes.
    ///
    /// Errors: a report's body cannot be read again ([`Page::body`]); serialising
    /// JSON fails (not expected).
    pub fn bytes(&self, file: SearchFile) -> anyhow::Result<Vec<u8>> {
        Ok(match file {
            SearchFile::Meta => self.meta()?,
            SearchFile::Shard(b, s) => self.block(b as usize)?.shards[s as usize].clone(),
            SearchFile::Facets(b) => self.block(b as usize)?.facets.clone(),
            SearchFile::Docs(b, k) => self.docs(b as usize * self.block + k as usize * CHUNK)?,
        })
    }

    /// Hashes into `h` what `file` is made of, without making it (cheap: no block is
    /// made): for a block's shards and facets, its reports (body included) and the
    /// site's region and country lists (facets number them); for a chunk of result
    /// data, its reports' paths, front matter and regions; for `meta.json`, the site's counts and lists. Two sites
    /// that hash alike for a file make the same bytes for it.
    pub fn hash_inputs(&self, file: SearchFile, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        let site = self.site;
        (file, site.reports.len(), self.block).hash(h);
        match file {
            SearchFile::Meta => {
                self.lists_hash().hash(h);
                for (m, list) in &site.months {
                    (m.slug(), list.len(), list.last()).hash(h);
                }
            }
            SearchFile::Shard(b, _) | SearchFile::Facets(b) => {
                (self.lists_hash(), self.block_hash(b as usize)).hash(h)
            }
            SearchFile::Docs(b, k) => {
                let first = b as usize * self.block + k as usize * CHUNK;
                for id in first..(first + CHUNK).min(site.reports.len()) {
                    let p = self.report(id);
                    (&p.path, &p.front_matter, &p.region).hash(h);
                }
            }
        }
    }

    /// A hash of block `b`'s reports, made once for all its files (sequentially:
    /// it may be asked for inside a parallel loop).
    fn block_hash(&self, b: usize) -> u64 {
        use std::hash::Hasher;
        // Each block's on its own (one at a time would keep a rebuild that a newer
        // change interrupts from stopping for the whole site's reports).
        *self.block_hashes[b].get_or_init(|| {
            let mut h = super::fingerprint_hasher();
            let first = b * self.block;
            for id in first..first + self.block_len(b) {
                self.report(id).hash_shown(true, &mut h);
            }
            h.finish()
        })
    }

    /// A hash of the site's regions and countries, in order (facets number them).
    fn lists_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = super::fingerprint_hasher();
        self.site.regions.iter().for_each(|(r, _)| r.hash(&mut h));
        self.site.countries.iter().for_each(|(t, _)| t.hash(&mut h));
        h.finish()
    }

    /// How many reports block `b` holds.
    fn block_len(&self, b: usize) -> usize {
        (self.site.reports.len() - b * self.block).min(self.block)
    }

    /// The report with id `id` (ids are oldest first; the site lists newest first).
    fn report(&self, id: usize) -> &'a Arc<Page> {
        let reports = &self.site.reports;
        &reports[reports.len() - 1 - id]
    }

    /// Block `b`: as made by [`SearchIndex::prepare_block`], else made now.
    fn block(&self, b: usize) -> anyhow::Result<Arc<Block>> {
        if let Some(block) = self.made_blocks().get(&b) {
            return Ok(block.clone());
        }
        Ok(Arc::new(self.make_block(b, &AtomicBool::new(false))?))
    }

    /// Tokenises the block's reports (in parallel, [`RUNS_PER_THREAD`] runs of reports
    /// per thread) and encodes its shards and facets; stops with an error once `stop`
    /// is set.
    ///
    /// Errors: a report's body cannot be read again ([`Page::body`]).
    fn make_block(&self, b: usize, stop: &AtomicBool) -> anyhow::Result<Block> {
        let first = b * self.block;
        let len = self.block_len(b);
        let shards = shard_count(len);
        // Runs of reports are read in parallel, each into its terms by shard;
        // then each shard's terms are merged in parallel (a term's lists, in the
        // runs' order, stay in report order). Nothing is left for one core alone.
        let part = (self.part)
            .unwrap_or_else(|| len.div_ceil(RUNS_PER_THREAD * rayon::current_num_threads()))
            .max(1);
        let parts: Vec<Vec<TermLists>> = (0..len.div_ceil(part))
            .into_par_iter()
            .map(|k| {
                let mut postings = Postings::default();
                for local in k * part..((k + 1) * part).min(len) {
                    if local % 256 == 0 && stop.load(Ordering::Relaxed) {
                        anyhow::bail!("stopped");
                    }
                    postings.add_report(self.report(first + local), local as u32)?;
                }
                let mut by_shard: Vec<TermLists> = vec![Vec::new(); shards];
                for t in postings.terms {
                    let s = fnv1a(shard_key(&t.term).as_bytes()) as usize % shards;
                    by_shard[s].push((t.term, t.list));
                }
                Ok(by_shard)
            })
            .collect::<anyhow::Result<_>>()?;
        let mut by_shard: Vec<TermLists> = vec![Vec::new(); shards];
        for part in parts {
            for (s, terms) in part.into_iter().enumerate() {
                by_shard[s].extend(terms);
            }
        }
        let shards = by_shard
            .into_par_iter()
            .map(|mut terms| {
                // Stable: a term's entries stay in the runs' order.
                terms.sort_by(|a, b| a.0.cmp(&b.0));
                let mut merged: TermLists = Vec::with_capacity(terms.len());
                for (term, list) in terms {
                    match merged.last_mut() {
                        Some(last) if last.0 == term => last.1.extend(list),
                        _ => merged.push((term, list)),
                    }
                }
                encode_shard(&merged)
            })
            .collect();
        Ok(Block {
            shards,
            facets: self.facets(first, len),
        })
    }

    /// `f.bin` of the reports `first..first + len`.
    fn facets(&self, first: usize, len: usize) -> Vec<u8> {
        let mut facets = Vec::with_capacity(len * 3);
        for id in first..first + len {
            let page = self.report(id);
            let region = page
                .region
                .as_ref()
                .and_then(|r| self.regions.get(r.slug.as_ref()))
                .map_or(0, |i| i + 1);
            push_varint(&mut facets, region);
            let countries: Vec<u32> = page
                .countries()
                .iter()
                .filter_map(|c| self.countries.get(&term_key(c)).copied())
                .collect();
            push_varint(&mut facets, countries.len() as u32);
            for c in countries {
                push_varint(&mut facets, c);
            }
        }
        facets
    }

    /// `d<k>.json`: the result data of the reports from id `first` (at most [`CHUNK`]).
    fn docs(&self, first: usize) -> anyhow::Result<Vec<u8>> {
        let last = (first + CHUNK).min(self.site.reports.len());
        let docs: Vec<_> = (first..last)
            .map(|id| {
                let p = self.report(id);
                (
                    &p.front_matter.title,
                    &p.path,
                    p.date().day().to_string(),
                    p.region.as_ref().map(|r| &r.name),
                    p.front_matter.summary.as_deref(),
                )
            })
            .collect();
        let mut out = serde_json::to_vec(&docs)?;
        out.push(b'\n');
        Ok(out)
    }

    /// `meta.json`.
    fn meta(&self) -> anyhow::Result<Vec<u8>> {
        #[derive(Serialize)]
        struct Meta<'m> {
            version: u32,
            docs: usize,
            block: usize,
            chunk: usize,
            /// Shards per block.
            shards: Vec<usize>,
            regions: Vec<&'m str>,
            countries: Vec<&'m str>,
            /// `[slug, name, first id, count]`, oldest first.
            months: Vec<(String, String, usize, usize)>,
        }
        let n = self.site.reports.len();
        let months = self
            .site
            .months
            .iter()
            .rev()
            .map(|(m, list)| {
                // `list` is newest first: its last report has the smallest id.
                let first = n - 1 - list.last().copied().unwrap_or(0);
                (m.slug(), m.name(), first, list.len())
            })
            .collect();
        let meta = Meta {
            version: 1,
            docs: n,
            block: self.block,
            chunk: CHUNK,
            shards: (0..self.block_count())
                .map(|b| shard_count(self.block_len(b)))
                .collect(),
            regions: self
                .site
                .regions
                .iter()
                .map(|(r, _)| r.name.as_ref())
                .collect(),
            countries: self
                .site
                .countries
                .iter()
                .map(|(t, _)| t.name.as_str())
                .collect(),
            months,
        };
        let mut out = serde_json::to_vec(&meta)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// The postings of a run of reports, as they are collected: each term once (in order
/// of first use), with its reports in order as `local id << 2 | field`.
#[derive(Default)]
struct Postings {
    /// Index into `terms`, by the term's hash.
    table: hashbrown::HashTable<u32>,
    terms: Vec<TermPostings>,
}

struct TermPostings {
    /// The term's first [`INLINE`] bytes, zero-padded: most terms compare by these
    /// alone, without reading `term` (a pointer away).
    head: [u8; INLINE],
    term: Box<str>,
    hash: u64,
    /// The last report added + 1 (0: none yet).
    last: u32,
    list: Vec<u32>,
}

/// How many bytes of a term [`TermPostings`] keeps inline.
const INLINE: usize = 16;

/// The first [`INLINE`] bytes of `term`, zero-padded.
fn head_of(term: &str) -> [u8; INLINE] {
    let mut head = [0; INLINE];
    let n = term.len().min(INLINE);
    head[..n].copy_from_slice(&term.as_bytes()[..n]);
    head
}

impl TermPostings {
    /// Whether this is `term`, whose hash is `hash` and head `head`.
    fn is(&self, term: &str, hash: u64, head: &[u8; INLINE]) -> bool {
        self.hash == hash
            && self.term.len() == term.len()
            && self.head == *head
            && (term.len() <= INLINE || self.term.as_bytes()[INLINE..] == term.as_bytes()[INLINE..])
    }
}

fn term_hash(term: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(term.as_bytes());
    h.finish()
}

impl Postings {
    /// Adds the terms of `page`, report `local` of the block, best field first: a
    /// term's first field in a report is its best.
    ///
    /// Errors: the body cannot be read again ([`Page::body`]).
    fn add_report(&mut self, page: &Page, local: u32) -> anyhow::Result<()> {
        let fm = &page.front_matter;
        let mut add = |text: &str, field: Field| {
            for_each_term(text, |t| self.add(t, local, field));
        };
        add(&fm.title, Field::Title);
        for c in page.countries() {
            add(c, Field::Places);
        }
        if let Some(r) = &page.region {
            add(&r.name, Field::Places);
        }
        if let Some(s) = &fm.summary {
            add(s, Field::Summary);
        }
        add(&page.body()?, Field::Text);
        Ok(())
    }

    /// The index of `term` in `terms`, added if new.
    fn id(&mut self, term: &str, hash: u64) -> usize {
        let head = head_of(term);
        let terms = &self.terms;
        if let Some(&id) = self
            .table
            .find(hash, |&id| terms[id as usize].is(term, hash, &head))
        {
            return id as usize;
        }
        let id = self.terms.len();
        self.terms.push(TermPostings {
            head,
            term: term.into(),
            hash,
            last: 0,
            list: Vec::new(),
        });
        let terms = &self.terms;
        self.table
            .insert_unique(hash, id as u32, |&id| terms[id as usize].hash);
        id
    }

    fn add(&mut self, term: &str, local: u32, field: Field) {
        let id = self.id(term, term_hash(term));
        let t = &mut self.terms[id];
        if t.last != local + 1 {
            t.last = local + 1;
            t.list.push((local << 2) | field as u32);
        }
    }
}

fn encode_shard(terms: &[(Box<str>, Vec<u32>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (term, list) in terms {
        push_varint(&mut out, term.len() as u32);
        out.extend_from_slice(term.as_bytes());
        push_varint(&mut out, list.len() as u32);
        let mut previous = 0;
        for &p in list {
            let id = p >> 2;
            push_varint(&mut out, ((id - previous) << 2) | (p & 3));
            previous = id;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_term(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn words_are_folded_and_unspaced_scripts_paired() {
        assert_eq!(terms("Côte d'Ivoire: UN a"), ["cote", "ivoire", "un"]);
        assert_eq!(terms("ΟΔΥΣΣΕΑΣ"), ["οδυσσεασ"]);
        assert_eq!(
            terms("停火协议 G7峰会"),
            ["停火", "火协", "协议", "g7", "峰会"]
        );
        assert_eq!(terms("日"), ["日"]);
        // Decomposed input folds like composed input.
        assert_eq!(terms("Co\u{302}te"), ["cote"]);
    }

    #[test]
    fn ascii_runs_eight_at_a_time_match_one_by_one() {
        let texts = [
            "",
            "abc",
            "abcdefgh",
            "abcdefghijklmnopQ rest",
            "lowercase-words and UPPER",
            "0123456789 z9",
            "caf\u{e9} and more",
            "abcdefgH",
            "abcdefg Hxyz",
            "ZZZZZZZZZZZZZZZZZZZZ!",
            "a\u{3b1}bcdefghijk",
            "@[`{/:",
        ];
        for text in texts {
            for start in 0..text.len() {
                let bytes = &text.as_bytes()[start..];
                let run = bytes
                    .iter()
                    .take_while(|&&b| matches!(CLASS[b as usize], LOWER | UPPER))
                    .count();
                let upper = bytes[..run].iter().any(u8::is_ascii_uppercase);
                let (fast, fast_upper) = ascii_word_run(bytes);
                // Eight at a time, then the rest one by one, as `for_each_term` does.
                let (rest, rest_upper) = ascii_word_run_short(&bytes[fast..]);
                assert!(fast <= run, "{text:?} from {start}");
                assert_eq!(fast + rest, run, "{text:?} from {start}");
                assert_eq!(fast_upper || rest_upper, upper, "{text:?} from {start}");
            }
        }
    }

    #[test]
    fn shard_keys_are_prefixes() {
        assert_eq!(shard_key("gaza"), "gaz");
        assert_eq!(shard_key("un"), "un");
        assert_eq!(shard_key("停火"), "停");
        assert_eq!(shard_key("привет"), "при");
    }

    #[test]
    fn fnv_matches_the_reference() {
        // FNV-1a 32 of "a" is 0xe40c292c.
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
    }

    #[test]
    fn postings_are_delta_coded_with_fields() {
        let bytes = encode_shard(&[("ab".into(), vec![(1 << 2) | 3, 200 << 2])]);
        // len 2, "ab", count 2, (1<<2|3)=7, ((199)<<2|0)=796 = 0x9c 0x06
        assert_eq!(bytes, [2, b'a', b'b', 2, 7, 0x9c, 0x06]);
    }

    /// A site of `n` reports, one a day from 1 January 2025, every one holding the
    /// word `ceasefire`; the even ones in Sudan, the odd ones in Ukraine.
    fn site(n: usize) -> (tempfile::TempDir, Site) {
        use crate::site::config::Config;
        use crate::site::content::load_page;
        use crate::site::region::Regions;
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let config = Config::parse("base_url: https://e.org/\n", Path::new("config.yaml")).unwrap();
        let regions = Regions::new(&config.regions).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let pages = (0..n)
            .map(|i| {
                let file = content.join(format!("r{i}.md"));
                let date = day + chrono::Days::new(i as u64 * 10);
                let country = if i % 2 == 0 { "Sudan" } else { "Ukraine" };
                std::fs::write(
                    &file,
                    format!("---\ntitle: Report {i}\ndate: {date}\ncountries: [{country}]\n---\nA ceasefire.\n"),
                )
                .unwrap();
                Arc::new(load_page(&file, &content, &regions).unwrap())
            })
            .collect();
        let site = Site::new(config, &regions, pages).unwrap();
        (tmp, site)
    }

    #[test]
    fn a_block_made_in_runs_is_the_block_made_at_once() {
        // Every term is in several runs of 1 or 3 reports: merged, each term's list
        // is in report order, as when one task reads the whole block.
        let (_tmp, site) = site(10);
        let bytes = |part: usize| {
            let index = SearchIndex {
                part: Some(part),
                ..SearchIndex::with_block(&site, 8)
            };
            let files = index.files();
            assert_eq!(files.len(), 7, "{files:?}");
            files
                .iter()
                .map(|&f| index.bytes(f).unwrap())
                .collect::<Vec<_>>()
        };
        let whole = bytes(8);
        assert_eq!(bytes(1), whole);
        assert_eq!(bytes(3), whole);
    }

    #[test]
    fn a_block_made_ahead_gives_the_same_files_and_is_let_go() {
        let (_tmp, mut site) = site(10);
        let index = SearchIndex::with_block(&site, 4);
        let files = index.files();
        let on_demand: Vec<Vec<u8>> = files.iter().map(|&f| index.bytes(f).unwrap()).collect();
        assert!(
            index.made_blocks().is_empty(),
            "a file asked for alone keeps no block"
        );
        // Told to stop, it stops, and keeps nothing.
        assert!(index.prepare_block(1, &AtomicBool::new(true)).is_err());
        assert!(index.made_blocks().is_empty());
        index.prepare_block(1, &AtomicBool::new(false)).unwrap();
        assert_eq!(index.made_blocks().len(), 1);
        for (&f, bytes) in files.iter().zip(&on_demand) {
            assert_eq!(&index.bytes(f).unwrap(), bytes, "{f:?}");
        }
        index.release_block(1);
        assert!(index.made_blocks().is_empty());
        // Bodies left in their files (a one-off build) index the same words.
        for page in &mut site.reports {
            Arc::make_mut(page).leave_body_in_file();
        }
        let lean = SearchIndex::with_block(&site, 4);
        for (&f, bytes) in files.iter().zip(&on_demand) {
            assert_eq!(&lean.bytes(f).unwrap(), bytes, "{f:?}");
        }
        // A body changed since: its block's files fail, naming the report's file (the
        // oldest report: id 0, block 0).
        let file = site.reports.last().unwrap().file.clone();
        std::fs::write(&file, "---\ntitle: X\ndate: 2025-01-01\n---\nA truce.\n").unwrap();
        let err = lean.bytes(SearchFile::Facets(0)).unwrap_err().to_string();
        assert!(
            err.contains("changed while the site was being built"),
            "{err}"
        );
        assert!(err.contains(&*file.to_string_lossy()), "{err}");
    }

    /// Writes the index of `site` with blocks of `block` reports and runs `query`
    /// through the theme's `search.js` under node, pressing "Search older reports"
    /// `older` times. `None` when node is missing.
    fn run_query(
        site: &Site,
        block: usize,
        query: &str,
        older: usize,
    ) -> Option<serde_json::Value> {
        let index = SearchIndex::with_block(site, block);
        let out = tempfile::tempdir().unwrap();
        for file in index.files() {
            let path = out.path().join(SearchIndex::path(file));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, index.bytes(file).unwrap()).unwrap();
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let run = std::process::Command::new("node")
            .arg(root.join("tests/search_query.cjs"))
            .arg(root.join("themes/default/static/search.js"))
            .arg(out.path().join(SEARCH_DIR))
            .args([query, "{}", &older.to_string()])
            .output();
        let Ok(run) = run else {
            eprintln!("skipped: node is not installed");
            return None;
        };
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        Some(serde_json::from_slice(&run.stdout).unwrap())
    }

    #[test]
    fn blocks_are_searched_newest_first_and_older_on_demand() {
        // 40 reports in blocks of 4: 10 blocks. A query searches 3 blocks at once
        // (fewer than 50 matches), newest first.
        let (_tmp, site) = site(40);
        let Some(found) = run_query(&site, 4, "ceasefire", 0) else {
            return;
        };
        let titles = |v: &serde_json::Value| {
            v["titles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        let newest: Vec<String> = (28..40).rev().map(|i| format!("Report {i}")).collect();
        assert_eq!(titles(&found), newest);
        // Report 28 is dated 280 days after 1 January 2025: October 2025.
        assert_eq!(found["from"][0], "2025-10");
        assert_eq!(found["counts"]["country"]["Sudan"], 6);
        let requests = found["requests"].as_array().unwrap();
        assert!(
            requests
                .iter()
                .all(|r| !r.as_str().unwrap().starts_with("6/")),
            "{requests:?}"
        );
        // Twice more: 9 more blocks of the 10 searched; then all.
        let found = run_query(&site, 4, "ceasefire", 2).unwrap();
        assert_eq!(titles(&found).len(), 36);
        assert_eq!(found["from"][0], "2025-02");
        let found = run_query(&site, 4, "ceasefire", 3).unwrap();
        assert_eq!(titles(&found).len(), 40);
        assert_eq!(found["from"], serde_json::Value::Null);
        assert_eq!(found["docs"][39][1], "r0/");
        assert_eq!(found["counts"]["month"]["2025-01"], 4);
    }

    #[test]
    fn shard_counts_grow_with_blocks() {
        assert_eq!(shard_count(5), 1);
        assert_eq!(shard_count(1_000), 32);
        assert_eq!(shard_count(10_000), 256);
        assert_eq!(shard_count(BLOCK), 256);
    }
}
