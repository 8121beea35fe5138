//! Turning the bytes of an input file into text, whatever encoding a scraper or an
//! editor saved it in.
//!
//! UTF-8 (with or without a byte order mark) is read as is. A UTF-16 file with a byte
//! order mark is decoded. Anything else that is not valid UTF-8 (Windows-1252 and
//! Latin-1 are common from scrapers) is decoded in the encoding `chardetng` (the
//! detector Firefox uses) guesses, with `encoding_rs`, and the result says which, so the
//! caller can warn.

use std::borrow::Cow;

/// The largest input file sitrep reads (seeds and content): 16 MiB. Reports are a
/// few kilobytes; a bigger file is a mistake (a dump, a binary), refused with an error
/// naming it rather than slowing every build.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why `len` bytes are more than sitrep reads (`16.0 MiB, more than the 16 MiB sitrep
/// reads`), or `None` when they are not more than [`MAX_FILE_BYTES`].
pub fn over_read_limit(len: u64) -> Option<String> {
    (len > MAX_FILE_BYTES).then(|| {
        format!(
            "{:.1} MiB, more than the {} MiB sitrep reads",
            len as f64 / 1048576.0,
            MAX_FILE_BYTES / 1048576
        )
    })
}

/// Reads an input file, refusing one larger than [`MAX_FILE_BYTES`].
///
/// Errors: the file cannot be read, or is too large (the message says how large).
pub fn read_input(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // Opened once, and its size asked of the open file: no second look-up by path.
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if let Some(why) = over_read_limit(len) {
        return Err(std::io::Error::other(format!("the file is {why}")));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // Through `Take`, which reads into the room made, where `File`'s own
    // `read_to_end` would ask the size again.
    file.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The text, without a byte order mark.
    pub text: Cow<'a, str>,
    /// The encoding, when it was not UTF-8 (`windows-1252`, `UTF-16LE`): worth a
    /// warning naming the file.
    pub converted_from: Option<&'static str>,
    /// Whether some bytes were invalid in that encoding too (replaced by U+FFFD).
    pub lossy: bool,
}

/// Decodes a file's bytes (see the module documentation). Never fails: bytes that
/// are invalid in the detected encoding become U+FFFD, and `lossy` says so.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            if let Ok(text) = std::str::from_utf8(body) {
                return Decoded {
                    text: Cow::Borrowed(text),
                    converted_from: None,
                    lossy: false,
                };
            }
        } else {
            let (text, lossy) = encoding.decode_without_bom_handling(body);
            return Decoded {
                text,
                converted_from: Some(encoding.name()),
                lossy,
            };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            converted_from: None,
            lossy: false,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text,
        converted_from: Some(encoding.name()),
        lossy,
    }
}

/// Text as the build reads it: CRLF and lone CR line ends become LF, and control
/// characters other than tab and line feed (NUL, escape, form feed...) are dropped,
/// so they never reach a page.
pub fn normalise(text: &str) -> Cow<'_, str> {
    // The common case, checked on bytes: no C0 control but tab and line feed, no DEL,
    // no C1 control (U+0080-U+009F, `\xC2\x80`-`\xC2\x9F` in UTF-8), and nothing that
    // could be a non-character (U+FDD0-U+FDEF, U+xFFFE/F: `\xEF\xB7`, `\xEF\xBF`,
    // or a four-byte character).
    if !suspect(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    if !text.contains('\r') && text.chars().all(is_publishable) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|&c| is_publishable(c))
            .collect(),
    )
}

/// Whether `bytes` (UTF-8) may hold what [`normalise`] changes: a C0 control but tab
/// and line feed, DEL, a C1 control (`\xC2\x80`-`\xC2\x9F`), or what could be a
/// non-character (`\xEF\xB7`, `\xEF\xBF`, or a four-byte character). Blocks of 32
/// plain bytes (printable ASCII, tab, line feed: nearly all of a report) are passed in
/// one vectorised test each; the others are looked at byte by byte.
fn suspect(bytes: &[u8]) -> bool {
    let at = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|&n| (0x80..0xa0).contains(&n)))
            || (b == 0xef && bytes.get(i + 1).is_some_and(|&n| n == 0xb7 || n == 0xbf))
            || b >= 0xf0
    };
    let mut start = 0;
    for block in bytes.chunks(32) {
        let plain = block.iter().fold(true, |ok, &b| {
            ok & ((0x20..0x7f).contains(&b) | (b == b'\n') | (b == b'\t'))
        });
        if !plain && (start..start + block.len()).any(at) {
            return true;
        }
        start += block.len();
    }
    false
}

/// Whether `c` may appear in text sitrep publishes: not a control character (but
/// tab and line feed), not a Unicode non-character (U+FFFE, U+FFFF...), which XML 1.0
/// forbids and HTML reports as errors.
pub fn is_publishable(c: char) -> bool {
    let noncharacter = matches!(c as u32, 0xFDD0..=0xFDEF) || (c as u32 & 0xFFFE) == 0xFFFE;
    (!c.is_control() || c == '\n' || c == '\t') && !noncharacter
}

/// Removes characters that cannot be published ([`is_publishable`]) from a string
/// read from YAML, where escapes (`"\x01"`, `"\uFFFE"`) can bring them in. Returns
/// whether anything was removed.
pub fn strip_unpublishable(s: &mut String) -> bool {
    if s.chars().all(is_publishable) {
        return false;
    }
    s.retain(is_publishable);
    true
}

/// [`strip_unpublishable`] on every string inside a YAML value.
pub fn strip_unpublishable_value(v: &mut serde_yaml::Value) {
    match v {
        serde_yaml::Value::String(s) => {
            strip_unpublishable(s);
        }
        serde_yaml::Value::Sequence(items) => items.iter_mut().for_each(strip_unpublishable_value),
        serde_yaml::Value::Mapping(m) => m.values_mut().for_each(strip_unpublishable_value),
        serde_yaml::Value::Tagged(t) => strip_unpublishable_value(&mut t.value),
        _ => {}
    }
}

/// Text in Unicode Normalization Form C (canonical composition): `e` followed by a
/// combining acute accent (as macOS file names and some copy-paste give it) becomes
/// `é`, so that canonically equal names compare equal. Borrowed when the text is
/// already in NFC, as nearly all text is (checked quickly, ASCII at once).
pub fn nfc(text: &str) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let composed: String = text.nfc().collect();
    if composed == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(composed)
    }
}

/// Puts a string in NFC ([`nfc`]) in place.
pub fn to_nfc(s: &mut String) {
    if let Cow::Owned(composed) = nfc(s) {
        *s = composed;
    }
}

/// [`to_nfc`] on every string inside a YAML value (mapping keys included).
pub fn to_nfc_value(v: &mut serde_yaml::Value) {
    match v {
        serde_yaml::Value::String(s) => to_nfc(s),
        serde_yaml::Value::Sequence(items) => items.iter_mut().for_each(to_nfc_value),
        serde_yaml::Value::Mapping(m) => to_nfc_mapping(m),
        serde_yaml::Value::Tagged(t) => to_nfc_value(&mut t.value),
        _ => {}
    }
}

/// [`to_nfc`] on every key and string of a YAML mapping.
pub fn to_nfc_mapping(m: &mut serde_yaml::Mapping) {
    let needs_work = |v: &serde_yaml::Value| v.as_str().is_some_and(|s| !s.is_ascii());
    if m.keys().any(needs_work) {
        let old = std::mem::take(m);
        for (mut k, v) in old {
            to_nfc_value(&mut k);
            m.insert(k, v);
        }
    }
    m.values_mut().for_each(to_nfc_value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Café".as_bytes());
        assert_eq!((d.text.as_ref(), d.converted_from), ("Café", None));
        let d = decode(b"\xef\xbb\xbfCaf\xc3\xa9");
        assert_eq!((d.text.as_ref(), d.converted_from), ("Café", None));
    }

    proptest::proptest! {
        /// The block test agrees with looking at every byte, wherever the odd
        /// character falls (across a block's end too).
        #[test]
        fn suspect_blocks_agree_with_each_byte(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "plain words ", "\n", "\t", "\r", "\u{0}", "\u{7f}", "\u{85}", "\u{a0}",
                    "é", "’", "\u{fdd0}", "\u{fffe}", "\u{10000}", "🙂", "abcdefghijklmnopqrstuvwxyz012345",
                ]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let bytes = text.as_bytes();
            let each = bytes.iter().enumerate().any(|(i, &b)| {
                (b < 0x20 && b != b'\n' && b != b'\t')
                    || b == 0x7f
                    || (b == 0xc2 && bytes.get(i + 1).is_some_and(|&n| (0x80..0xa0).contains(&n)))
                    || (b == 0xef && bytes.get(i + 1).is_some_and(|&n| n == 0xb7 || n == 0xbf))
                    || b >= 0xf0
            });
            proptest::prop_assert_eq!(suspect(bytes), each, "{:?}", text);
        }
    }

    #[test]
    fn line_ends_and_control_characters() {
        assert_eq!(normalise("a\r\nb\rc\nd\u{0}e\u{1b}f\tg"), "a\nb\nc\ndef\tg");
        assert!(matches!(normalise("plain\ntext"), Cow::Borrowed(_)));
    }

    #[test]
    fn canonically_equal_text_is_made_equal() {
        let decomposed = "Co\u{302}te d'Ivoire, Tu\u{308}rkiye";
        assert_eq!(nfc(decomposed), "C\u{f4}te d'Ivoire, T\u{fc}rkiye");
        assert!(matches!(nfc("plain"), Cow::Borrowed(_)));
        assert!(matches!(nfc("C\u{f4}te"), Cow::Borrowed(_)));
        let mut v: serde_yaml::Value =
            serde_yaml::from_str("{\"Re\\u0301gion\": [\"Ame\\u0301rique\"]}").unwrap();
        to_nfc_value(&mut v);
        assert_eq!(
            serde_yaml::to_string(&v).unwrap(),
            "R\u{e9}gion:\n- Am\u{e9}rique\n"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Côte d’Ivoire".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le);
        assert_eq!(
            (d.text.as_ref(), d.converted_from),
            ("Côte d’Ivoire", Some("UTF-16LE"))
        );
        let mut be = vec![0xfe, 0xff];
        be.extend("Kyiv".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "Kyiv");
    }

    #[test]
    fn windows_1252_is_detected() {
        // "Café in Bogotá – the “talks”" in Windows-1252.
        let bytes =
            b"Caf\xe9 in Bogot\xe1 \x96 the \x93talks\x94 resumed in the capital on Monday.";
        let d = decode(bytes);
        // chardetng may name another single-byte Latin encoding that reads these
        // bytes the same (windows-1250 for so short a text).
        assert!(
            d.converted_from
                .is_some_and(|e| e.starts_with("windows-125")),
            "{d:?}"
        );
        assert_eq!(
            d.text,
            "Café in Bogotá – the “talks” resumed in the capital on Monday."
        );
        assert!(!d.lossy);
    }
}
