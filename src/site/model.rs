//! The site model: the reports, newest first, grouped by region and by month.
//!
//! Built from validated [`crate::site::content::Page`]s; holds no HTML. [`crate::render`]
//! turns it into pages.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::site::config::Config;
use crate::site::content::Page;
use crate::site::region::{Region, Regions};
use crate::site::term::term_key;

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
    /// The countries taxonomy: every country a report mentions, by name, with the
    /// indices into `reports` of the reports that mention it, newest first.
    pub countries: Vec<(Term, Vec<usize>)>,
}

/// A term of a taxonomy (a country).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// Display name (`Myanmar`).
    pub name: String,
    /// URL slug (`myanmar`): the term's page is `countries/<slug>/`.
    pub slug: String,
}

/// Groups the reports' countries into taxonomy terms, sorted by name. Spellings that
/// share a [`term_key`] are one term, shown as the most used spelling; two terms whose
/// slugs collide are an error, naming both, rather than one page silently merging them.
fn country_terms(reports: &[Arc<Page>]) -> (Vec<(Term, Vec<usize>)>, Vec<String>) {
    // key -> (spelling -> uses, report indices)
    let mut by_key: BTreeMap<String, (BTreeMap<&str, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        for c in &r.countries {
            let key = term_key(c);
            if key.is_empty() {
                continue;
            }
            let entry = by_key.entry(key).or_default();
            *entry.0.entry(c.trim()).or_default() += 1;
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    let mut terms: Vec<(Term, Vec<usize>)> = by_key
        .into_values()
        .map(|(spellings, list)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            let slug = crate::site::paths::bounded_segment(slug::slugify(&name));
            (Term { name, slug }, list)
        })
        .collect();
    terms.sort_by_key(|t| t.0.name.to_lowercase());
    let mut errors = Vec::new();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (t, list) in &terms {
        if t.slug.is_empty() {
            errors.push(format!(
                "{}: the country `{}` gives an empty URL slug",
                reports[list[0]].file.display(),
                t.name
            ));
        } else if let Some(other) = seen.insert(&t.slug, &t.name) {
            errors.push(format!(
                "the countries `{other}` and `{}` would share the page `countries/{}/`: write them the same way (e.g. {})",
                t.name,
                t.slug,
                reports[list[0]].file.display()
            ));
        }
    }
    (terms, errors)
}

/// Two reports with one id would be one entry to feed readers: an error naming both
/// files (a report copied to start another keeps the first's `id:`).
fn duplicate_ids(reports: &[Arc<Page>], base_url: &str) -> Vec<String> {
    let authority = crate::site::ids::authority(base_url);
    let mut seen: HashMap<String, &Page> = HashMap::with_capacity(reports.len());
    let mut errors = Vec::new();
    for r in reports {
        if let Some(first) = seen.insert(r.entry_id(&authority), r) {
            errors.push(format!(
                "{}: has the id of `{}` ({}): feed readers would take them for one report: remove or change the `id:` of the copy",
                r.file.display(),
                first.file.display(),
                r.entry_id(&authority)
            ));
        }
    }
    errors
}

impl Site {
    /// Builds the model from loaded pages.
    ///
    /// Errors: two country spellings that are different terms but would share a page
    /// (see [`term_key`]); two reports with one id (see [`Page::entry_id`]); each
    /// message names a file.
    pub fn new(
        config: Config,
        regions: &Regions,
        mut reports: Vec<Arc<Page>>,
    ) -> Result<Site, Vec<String>> {
        reports.sort_by(|a, b| {
            b.date()
                .cmp(&a.date())
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
                .entry(Month::of(r.date().day()))
                .or_default()
                .push(i);
        }
        let (countries, mut errors) = country_terms(&reports);
        errors.extend(duplicate_ids(&reports, &config.base_url));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Site {
            config,
            reports,
            regions: by_region,
            months: by_month.into_iter().rev().collect(),
            countries,
        })
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
