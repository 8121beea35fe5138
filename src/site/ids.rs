//! Permanent ids for feeds and their entries (Atom's `<id>`), which must not change when
//! a site moves to `https`, to another base path, or a report gets another URL.
//!
//! * A report's id is its front matter's `id:`, written once by `sitrep import` and
//!   kept as written: an RFC 4151 `tag:` URI, `tag:<host>,<date>:<path>` (the host of
//!   `base_url`, the report's date, the file's path below `content/` without `.md`).
//! * A report without one (written by hand) gets that same URI, made from its file
//!   as it is now ([`fallback_id`]): it stays while the file keeps its name, folder and
//!   date and the site its host. `sitrep import`, which writes `id:`, gives a report it
//!   rewrites the id it had, so ids made before import wrote them are kept.
//! * A feed's id is a name-based UUID (version 8, SHA-256, RFC 9562) of the host and
//!   the feed's path: `urn:uuid:...` ([`feed_id`]).

use chrono::NaiveDate;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The characters a tag URI's specific part keeps as they are: RFC 3986 unreserved
/// ones and `/`; every other byte is percent-encoded.
const TAG_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// The tagging authority of a site: the host of its `base_url`, lower case, without
/// scheme, user, port or path (`https://Example.org:8443/reports/` -> `example.org`).
pub fn authority(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = host_port.rsplit_once('@').map_or(host_port, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        // An IPv6 address: `[::1]:8080`.
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    host.to_lowercase()
}

/// The id of a report without `id:` in its front matter, and the one `sitrep import`
/// writes: `tag:<authority>,<day>:<content_path>` (RFC 4151), `content_path` being the
/// file's path below `content/` without `.md`, `/`-separated, percent-encoded
/// (`tag:example.org,2025-07-08:reports/2025-07-08-sudan`).
pub fn fallback_id(authority: &str, day: NaiveDate, content_path: &str) -> String {
    format!(
        "tag:{authority},{day}:{}",
        utf8_percent_encode(content_path, TAG_KEEP)
    )
}

/// The id of the feed at `feed_path` (from the site root, `regions/africa/atom.xml`)
/// of the site whose host is `authority`: `urn:uuid:` and a version 8 UUID made from
/// the SHA-256 of both (RFC 9562, section B.2), so it changes with neither the scheme
/// nor the base path.
pub fn feed_id(authority: &str, feed_path: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("sitrep feed\0{authority}\0{feed_path}"));
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Checks an `id:` written in front matter: an absolute URI (a scheme, `:`, then
/// more), without spaces or control characters, as Atom requires of `<id>`.
///
/// Errors: a sentence saying what is wrong.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    let Some((scheme, rest)) = id.split_once(':') else {
        return Err(
            "is not a URI: it has no scheme (write e.g. `tag:example.org,2025-07-08:reports/x`)",
        );
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !scheme_ok || rest.is_empty() {
        return Err("is not a URI (write e.g. `tag:example.org,2025-07-08:reports/x`)");
    }
    if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("has spaces or control characters, which a URI cannot hold");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_of_the_host_and_not_the_scheme_or_path() {
        assert_eq!(
            authority("https://Example.org:8443/reports/"),
            "example.org"
        );
        assert_eq!(authority("http://user@example.org/"), "example.org");
        assert_eq!(authority("http://[::1]:1111/"), "::1");
        let day = NaiveDate::from_ymd_opt(2025, 7, 8).unwrap();
        assert_eq!(
            fallback_id("example.org", day, "reports/Côte d'Ivoire"),
            "tag:example.org,2025-07-08:reports/C%C3%B4te%20d%27Ivoire"
        );
        let id = feed_id("example.org", "atom.xml");
        assert_eq!(id.len(), "urn:uuid:".len() + 36);
        assert_eq!(&id[23..24], "8", "version 8: {id}");
        assert_ne!(id, feed_id("example.org", "regions/africa/atom.xml"));
        assert_ne!(id, feed_id("example.net", "atom.xml"));
    }

    #[test]
    fn front_matter_ids_must_be_uris() {
        assert!(check_id("tag:example.org,2025-07-08:reports/x").is_ok());
        assert!(check_id("urn:uuid:1234").is_ok());
        for bad in ["", "x", "1tag:x", "tag:", "tag:a b", "tag:a\u{7}"] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
    }
}
