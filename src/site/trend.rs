//! Trends: how many reports name each country in each month, and the signals computed
//! from those counts.
//!
//! A signal says that a country's *reporting* stands out against its own past: it
//! measures the volume of reports that name the country, not the violence there (an
//! outlet that starts covering a country raises its counts too). Two rules, checked
//! for each country and month with `n` reports naming it:
//!
//! * [`Signal::Highest`]: the most reports in [`HIGHEST_WINDOW`] months: `n` is greater
//!   than the count of each of the 12 months before (months without reports count 0),
//!   and the archive reaches back those 12 months;
//! * [`Signal::Surge`]: at least twice the median of the [`MEDIAN_WINDOW`] months
//!   before (zeros counted; the median of six counts is the mean of the middle two),
//!   that median above zero, and the archive reaching back those 6 months.
//!
//! Both need at least [`MIN_REPORTS`] reports in the month, so that one report more
//! than none is no signal. When both fire, the month shows [`Signal::Highest`].

use serde::Serialize;

use crate::site::model::Month;

/// The fewest reports in a month for a signal to fire.
pub const MIN_REPORTS: u32 = 3;

/// How many months before [`Signal::Highest`] compares with.
pub const HIGHEST_WINDOW: usize = 12;

/// How many months before [`Signal::Surge`] takes the median of.
pub const MEDIAN_WINDOW: usize = 6;

/// A computed trend signal of a country in a month (see the module's rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    /// More reports than in any of the 12 months before.
    Highest,
    /// At least twice the median of the 6 months before.
    Surge,
}

impl Signal {
    /// The badge's text (`most reports in 12 months`).
    pub fn label(self) -> &'static str {
        match self {
            Signal::Highest => "most reports in 12 months",
            Signal::Surge => "twice its 6-month median",
        }
    }

    /// A CSS-friendly key (`highest`, `surge`).
    pub fn key(self) -> &'static str {
        match self {
            Signal::Highest => "highest",
            Signal::Surge => "surge",
        }
    }
}

/// The signal of a month with `n` reports, after the months `before` (their counts,
/// oldest first, the month just before last; as many as the archive covers, zeros
/// included), or `None`.
pub fn signal(n: u32, before: &[u32]) -> Option<Signal> {
    if n < MIN_REPORTS {
        return None;
    }
    if before.len() >= HIGHEST_WINDOW
        && before[before.len() - HIGHEST_WINDOW..]
            .iter()
            .all(|&c| n > c)
    {
        return Some(Signal::Highest);
    }
    if before.len() >= MEDIAN_WINDOW {
        let mut window = before[before.len() - MEDIAN_WINDOW..].to_vec();
        window.sort_unstable();
        // Twice the median: the sum of the middle two of six.
        let twice_median = window[MEDIAN_WINDOW / 2 - 1] + window[MEDIAN_WINDOW / 2];
        if twice_median > 0 && n >= twice_median {
            return Some(Signal::Surge);
        }
    }
    None
}

/// One country's reporting over time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Each month with reports naming the country, oldest first, with how many.
    pub months: Vec<(Month, u32)>,
    /// The signal of each of those months, in the same order.
    pub signals: Vec<Option<Signal>>,
}

impl Timeline {
    /// The timeline of a country whose reports fall in the months `months` (one entry
    /// per report, in any order), in an archive whose oldest month is `first`.
    pub fn new(mut months: Vec<Month>, first: Month) -> Timeline {
        months.sort_unstable();
        let mut counts: Vec<(Month, u32)> = Vec::new();
        for m in months {
            match counts.last_mut() {
                Some((last, n)) if *last == m => *n += 1,
                _ => counts.push((m, 1)),
            }
        }
        let signals = counts
            .iter()
            .map(|&(m, n)| {
                // The months before `m` that the archive covers, at most a window.
                let covered = (m.index() - first.index()).clamp(0, HIGHEST_WINDOW as i64);
                let before: Vec<u32> = (1..=covered)
                    .rev()
                    .map(|k| count_in(&counts, Month::from_index(m.index() - k)))
                    .collect();
                signal(n, &before)
            })
            .collect();
        Timeline {
            months: counts,
            signals,
        }
    }

    /// How many reports name the country in `month`.
    pub fn count(&self, month: Month) -> u32 {
        count_in(&self.months, month)
    }

    /// The signal of `month`, if one fires.
    pub fn signal(&self, month: Month) -> Option<Signal> {
        self.months
            .binary_search_by_key(&month, |&(m, _)| m)
            .ok()
            .and_then(|k| self.signals[k])
    }
}

/// The count of `month` in `counts` (sorted by month), 0 when absent.
fn count_in(counts: &[(Month, u32)], month: Month) -> u32 {
    counts
        .binary_search_by_key(&month, |&(m, _)| m)
        .map_or(0, |k| counts[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highest_fires_exactly_above_the_twelve_months_before() {
        let before = [1, 0, 2, 4, 1, 0, 0, 3, 1, 2, 0, 1];
        assert_eq!(signal(5, &before), Some(Signal::Highest));
        // Equal to the highest month before: not the most (but twice the median of
        // the last six months, 0 0 1 1 2 3: a surge).
        assert_eq!(signal(4, &before), Some(Signal::Surge));
        // Only what the window holds counts: an older, higher month does not.
        let longer = [9, 1, 0, 2, 4, 1, 0, 0, 3, 1, 2, 0, 1];
        assert_eq!(signal(5, &longer), Some(Signal::Highest));
        // An archive shorter than the window gives no "most in 12 months".
        assert_ne!(signal(5, &before[1..]), Some(Signal::Highest));
    }

    #[test]
    fn surge_fires_exactly_at_twice_the_median() {
        // Sorted: 1 1 2 2 3 3: median 2, twice it 4. No highest: 5 > 4 but the window
        // of 12 is not covered.
        let before = [3, 1, 2, 3, 2, 1];
        assert_eq!(signal(4, &before), Some(Signal::Surge));
        assert_eq!(signal(3, &before), None);
        // A median of zero gives no surge, however many reports.
        assert_eq!(signal(50, &[0, 0, 0, 0, 9, 9]), None);
        // Fewer months than the window: nothing to compare with.
        assert_eq!(signal(50, &[1, 1, 1, 1, 1]), None);
        // A median of 0.5 (middle two 0 and 1): twice it is 1, but too few reports.
        assert_eq!(signal(2, &[0, 0, 0, 1, 1, 1]), None);
        assert_eq!(signal(3, &[0, 0, 0, 1, 1, 1]), Some(Signal::Surge));
    }

    #[test]
    fn too_few_reports_fire_nothing() {
        let zeros = [0; 12];
        assert_eq!(signal(MIN_REPORTS - 1, &zeros), None);
        assert_eq!(signal(MIN_REPORTS, &zeros), Some(Signal::Highest));
    }

    #[test]
    fn timelines_count_gaps_as_zero_and_fire_signals() {
        let m = |y, mo| Month { year: y, month: mo };
        let first = m(2024, 1);
        // One report in January 2024, then four in February 2025: 13 months later,
        // with eleven empty months between.
        let mut months = vec![m(2024, 1)];
        months.extend([m(2025, 2); 4]);
        months.push(m(2024, 12));
        let t = Timeline::new(months, first);
        assert_eq!(
            t.months,
            vec![(m(2024, 1), 1), (m(2024, 12), 1), (m(2025, 2), 4)]
        );
        assert_eq!(t.count(m(2024, 6)), 0);
        assert_eq!(t.signal(m(2025, 2)), Some(Signal::Highest));
        assert_eq!(t.signal(m(2024, 12)), None);
        // The same reports in an archive starting later cover fewer months before.
        let t = Timeline::new(vec![m(2025, 2); 4], m(2024, 9));
        assert_eq!(t.signal(m(2025, 2)), None);
    }
}
