//! A report's date as its front matter writes it: a day (`2025-08-01`), or a moment
//! with its time and UTC offset (`2025-08-01T01:00:00+03:00`). A moment keeps both, so
//! feeds, exports, the sitemap and pages show the instant that was written; a day stays
//! a day.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A report's date: a day, or a moment.
///
/// Ordered by instant (a day's instant is midnight UTC), then days before moments,
/// then by offset, so that two dates are equal only when written alike (`01:00+03:00`
/// and `22:00Z` the day before are one instant, two dates).
#[derive(Debug, Clone, Copy)]
pub enum ReportDate {
    /// A day without a time (`2025-08-01`).
    Day(NaiveDate),
    /// A moment, with the UTC offset it was written with (`2025-08-01T01:00:00+03:00`;
    /// a time written without an offset is taken as UTC).
    Moment(DateTime<FixedOffset>),
}

/// What [`ReportDate`]s are ordered by (see [`ReportDate::key`]).
pub(crate) type DateKey = (i128, u8, i32);

impl ReportDate {
    /// The day as written: a moment's day in its own offset (`2025-08-01` for
    /// `2025-08-01T01:00:00+03:00`). Gives the report's month and its file name.
    pub fn day(&self) -> NaiveDate {
        match self {
            ReportDate::Day(d) => *d,
            ReportDate::Moment(m) => m.date_naive(),
        }
    }

    /// The instant: a moment's own, with its offset; a day's is midnight UTC of that
    /// day (`2025-08-01T00:00:00+00:00`).
    pub fn instant(&self) -> DateTime<FixedOffset> {
        match self {
            ReportDate::Day(d) => Utc
                .from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
                .fixed_offset(),
            ReportDate::Moment(m) => *m,
        }
    }

    /// The date as people read it on a page: `1 August 2025`, or for a moment
    /// `1 August 2025, 01:00 (UTC+03:00)` (its time and offset as written; `(UTC)` for
    /// offset zero).
    pub fn display(&self) -> String {
        match self {
            ReportDate::Day(d) => d.format("%-d %B %Y").to_string(),
            ReportDate::Moment(m) if m.offset().local_minus_utc() == 0 => {
                m.format("%-d %B %Y, %H:%M (UTC)").to_string()
            }
            ReportDate::Moment(m) => m.format("%-d %B %Y, %H:%M (UTC%:z)").to_string(),
        }
    }

    /// The order key: instant (nanoseconds since the epoch), kind, offset (seconds).
    pub(crate) fn key(&self) -> DateKey {
        let instant = self.instant();
        let nanos = i128::from(instant.timestamp()) * 1_000_000_000
            + i128::from(instant.timestamp_subsec_nanos());
        match self {
            ReportDate::Day(_) => (nanos, 0, 0),
            ReportDate::Moment(m) => (nanos, 1, m.offset().local_minus_utc()),
        }
    }

    /// Reads a date as front matter writes it: `YYYY-MM-DD` (a day); an RFC 3339
    /// timestamp (`2025-08-01T01:00:00+03:00`, `...Z`), or `YYYY-MM-DD[T ]HH:MM[:SS]`
    /// without an offset (UTC) (a moment). The day and the instant must both be in the
    /// years 1 to 9999, which is what feeds and sitemaps can write.
    ///
    /// Errors: a message saying what is wrong, without the file (the caller names it).
    pub fn parse(s: &str) -> Result<ReportDate, String> {
        let s = s.trim();
        let date = NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(ReportDate::Day)
            .or_else(|_| DateTime::parse_from_rfc3339(s).map(ReportDate::Moment))
            .or_else(|_| {
                // `2025-07-08 10:00:00`, as Jekyll and Hugo front matter often has it.
                [
                    "%Y-%m-%d %H:%M:%S",
                    "%Y-%m-%d %H:%M",
                    "%Y-%m-%dT%H:%M:%S",
                    "%Y-%m-%dT%H:%M",
                ]
                .iter()
                .find_map(|f| chrono::NaiveDateTime::parse_from_str(s, f).ok())
                .map(|t| ReportDate::Moment(Utc.from_utc_datetime(&t).fixed_offset()))
                .ok_or(())
            })
            .map_err(|_| {
                format!("`{s}` is not a date (YYYY-MM-DD, or an RFC 3339 date and time)")
            })?;
        let years = 1..=9999;
        if years.contains(&date.day().year()) && years.contains(&date.instant().naive_utc().year())
        {
            Ok(date)
        } else {
            Err(format!(
                "`{s}`: the year must be 1 to 9999 (feeds and sitemaps cannot write others)"
            ))
        }
    }
}

/// As front matter writes it: `2025-08-01`, or for a moment RFC 3339 with its offset
/// (`2025-08-01T01:00:00+03:00`; fractions of a second only when there are some).
/// Valid in Atom, sitemaps (W3C datetime) and HTML `<time datetime>`.
impl std::fmt::Display for ReportDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportDate::Day(d) => write!(f, "{d}"),
            ReportDate::Moment(m) => f.write_str(&m.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
        }
    }
}

impl PartialEq for ReportDate {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for ReportDate {}

impl PartialOrd for ReportDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ReportDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl std::hash::Hash for ReportDate {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl From<NaiveDate> for ReportDate {
    fn from(d: NaiveDate) -> ReportDate {
        ReportDate::Day(d)
    }
}

impl Serialize for ReportDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ReportDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReportDate, D::Error> {
        // A visitor (not `String::deserialize` then parse) so that serde_yaml reports
        // the error at the date's own line and column.
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = ReportDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written YYYY-MM-DD, or an RFC 3339 date and time")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ReportDate, E> {
                ReportDate::parse(s).map_err(E::custom)
            }
        }
        d.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_keeps_its_time_and_offset_and_a_day_stays_a_day() {
        let m = ReportDate::parse("2025-08-01T01:00:00+03:00").unwrap();
        assert_eq!(m.to_string(), "2025-08-01T01:00:00+03:00");
        assert_eq!(m.day().to_string(), "2025-08-01");
        assert_eq!(
            m.instant().with_timezone(&Utc).to_rfc3339(),
            "2025-07-31T22:00:00+00:00"
        );
        assert_eq!(m.display(), "1 August 2025, 01:00 (UTC+03:00)");
        let d = ReportDate::parse("2025-08-01").unwrap();
        assert_eq!(d.to_string(), "2025-08-01");
        assert_eq!(d.instant().to_rfc3339(), "2025-08-01T00:00:00+00:00");
        assert_eq!(d.display(), "1 August 2025");
        // By instant: 01:00 at +03:00 is the evening before, UTC.
        assert!(m < d);
        let same_instant = ReportDate::parse("2025-07-31T22:00:00Z").unwrap();
        assert_ne!(m, same_instant);
        assert_eq!(same_instant.to_string(), "2025-07-31T22:00:00+00:00");
        let naive = ReportDate::parse("2025-07-08 10:30").unwrap();
        assert_eq!(naive.to_string(), "2025-07-08T10:30:00+00:00");
    }

    #[test]
    fn years_outside_feeds_are_refused() {
        for far in ["0000-01-01", "9999-12-31T23:00:00-05:00", "+99999-01-01"] {
            assert!(ReportDate::parse(far).is_err(), "{far}");
        }
        assert!(ReportDate::parse("2025-13-01").is_err());
    }
}
