//! The site model: the reports, newest first, grouped by region and by month.
//!
//! Built from validated [`crate::content::Page`]s; holds no HTML. [`crate::render`]
//! turns it into pages.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::config::Config;
use crate::content::Page;
use crate::region::{Region, Regions};

/// A calendar month, the key of a month index page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year (`2025`).
    pub year: i32,
    /// The month, 1-12.
    pub month: u32,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `2025-07`: the slug of the month's index page (`months/2025-07/`).
    pub fn slug(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `July 2025`.
    pub fn name(&self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {}",
            NAMES[(self.month as usize).saturating_sub(1) % 12],
            self.year
        )
    }
}

/// The whole site, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// Every report, newest first (by date, then title, then path, so the order is
    /// stable).
    pub reports: Vec<Arc<Page>>,
    /// Every configured region (in configured order, also when empty), with the
    /// indices into `reports` of its reports, newest first.
    pub regions: Vec<(Region, Vec<usize>)>,
    /// Every month that has reports, newest first, with the indices into `reports`.
    pub months: Vec<(Month, Vec<usize>)>,
}

impl Site {
    /// Builds the model from loaded pages.
    pub fn new(config: Config, regions: &Regions, mut reports: Vec<Arc<Page>>) -> Site {
        reports.sort_by(|a, b| {
            b.front_matter
                .date
                .cmp(&a.front_matter.date)
                .then_with(|| a.front_matter.title.cmp(&b.front_matter.title))
                .then_with(|| a.path.cmp(&b.path))
        });
        let mut by_region: Vec<(Region, Vec<usize>)> = regions
            .all()
            .iter()
            .map(|r| (r.clone(), Vec::new()))
            .collect();
        let mut by_month: BTreeMap<Month, Vec<usize>> = BTreeMap::new();
        for (i, r) in reports.iter().enumerate() {
            if let Some(region) = &r.region
                && let Some(entry) = by_region.iter_mut().find(|(g, _)| g.slug == region.slug)
            {
                entry.1.push(i);
            }
            by_month
                .entry(Month::of(r.front_matter.date))
                .or_default()
                .push(i);
        }
        Site {
            config,
            reports,
            regions: by_region,
            months: by_month.into_iter().rev().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_slugs() {
        let m = Month::of(NaiveDate::from_ymd_opt(2025, 7, 8).unwrap());
        assert_eq!(m.name(), "July 2025");
        assert_eq!(m.slug(), "2025-07");
    }
}
