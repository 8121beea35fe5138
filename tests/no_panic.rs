//! No input makes the importer or the front matter parser panic: the real seeds cut
//! at many byte offsets (also inside multi-byte characters) and with bytes flipped,
//! by a fixed pseudo-random sequence so a failure reproduces.

use std::path::Path;

use sitrep::import::import_report;
use sitrep::site::region::{Regions, default_regions};

/// xorshift64*: a tiny deterministic generator, enough to pick offsets and bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out = vec![std::fs::read("tests/fixtures/seed/clash-report-2025-07-08.txt").unwrap()];
    for name in [
        "reuters-8421.txt",
        "wikicep-syria-a.txt",
        "reuters-15730.txt",
    ] {
        out.push(std::fs::read(Path::new("tests/fixtures/real").join(name)).unwrap());
    }
    out
}

#[test]
fn truncated_and_mutated_seeds_never_panic() {
    let regions = Regions::new(&default_regions()).unwrap();
    let mut rng = Rng(0x5eed_2025_0708);
    let specials: &[u8] =
        b"\n\r\t -|.,:;'\"()[]*_#<>`~&\\\x00\xff\xe2\x80\x99\xef\xbb\xbf0123456789";
    let mut runs = 0;
    for seed in seeds() {
        // Cut at offsets spread over the file (many fall inside `’`, a 3-byte char).
        for cut in (0..seed.len()).step_by(13) {
            let _ = import_report("cut.txt", &seed[..cut], &regions);
            runs += 1;
        }
        // Replace, insert and delete bytes.
        for _ in 0..400 {
            let mut s = seed.clone();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(s.len().max(1));
                let b = specials[rng.below(specials.len())];
                match rng.below(3) {
                    0 if !s.is_empty() => s[at] = b,
                    1 => s.insert(at.min(s.len()), b),
                    _ if !s.is_empty() => {
                        s.remove(at);
                    }
                    _ => {}
                }
            }
            if let Ok(r) = import_report("mutated.txt", &s, &regions) {
                // Whatever was imported must be writable and readable again.
                let md = r.to_markdown();
                sitrep::site::front_matter::parse(&md, Path::new("mutated.md")).unwrap_or_else(
                    |e| panic!("import wrote front matter it cannot read: {e}\n{md}"),
                );
            }
            runs += 1;
        }
    }
    assert!(runs > 1000);
}

#[test]
fn odd_front_matter_never_panics() {
    let cases = [
        "",
        "---",
        "---\n---",
        "---\n---\n",
        "---\ntitle:\n---\n",
        "---\ntitle: [a\n---\n",
        "---\ntitle: T\ndate: 2025-07-08T25:00:00Z\n---\n",
        "---\ntitle: T\ndate: 2025-07-08\ncountries: Myanmar\n---\n",
        "---\ntitle: T\ntitle: U\ndate: 2025-07-08\n---\n",
        "---\n\ttitle: T\n---\n",
        "\u{feff}---\r\ntitle: T\r\ndate: 2025-07-08\r\n---\r\nbody",
        "---\ntitle: T\ndate: 99999-01-01\n---\n",
        "---\n- a\n- b\n---\n",
        "---\ntitle: !!binary aGVsbG8=\ndate: 2025-07-08\n---\n",
    ];
    for c in cases {
        let _ = sitrep::site::front_matter::parse(c, Path::new("x.md"));
    }
    // CRLF front matter parses.
    let doc = sitrep::site::front_matter::parse(cases[10], Path::new("x.md")).unwrap();
    assert_eq!(doc.front_matter.title, "T");
}
