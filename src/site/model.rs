//! The site model: the reports, newest first, grouped by region and by month.
//!
//! Built from validated [`crate::site::content::Page`]s; holds no HTML. [`crate::render`]
//! turns it into pages.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::site::config::Config;
use crate::site::content::Page;
use crate::site::date::DateKey;
use crate::site::region::{Region, Regions};
use crate::site::term::term_key;
use crate::site::trend::Timeline;

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

    /// The month's number counted from year 0 (`year * 12 + month - 1`), so that
    /// months subtract: the index of July 2025 less that of June 2025 is 1.
    pub fn index(&self) -> i64 {
        self.year as i64 * 12 + self.month as i64 - 1
    }

    /// The month of an [`Month::index`].
    pub fn from_index(index: i64) -> Month {
        Month {
            year: index.div_euclid(12) as i32,
            month: index.rem_euclid(12) as u32 + 1,
        }
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
    /// For each report (by index into `reports`), the indices into `countries` of its
    /// countries, ascending.
    pub report_countries: Vec<Vec<usize>>,
    /// For each report, its day as a number (days from 1 January of year 1,
    /// [`chrono::Datelike::num_days_from_ce`]): ranking related reports reads these,
    /// side by side in memory, rather than each report's page.
    pub report_days: Vec<i32>,
    /// For each report, the index into `countries` of its primary country (the first
    /// it names), if it names one.
    pub primary_country: Vec<Option<usize>>,
    /// For each country (by index into `countries`), the index into `regions` of the
    /// region the configuration gives its ISO code, if the gazetteer knows it and a
    /// region selects it.
    pub country_regions: Vec<Option<usize>>,
    /// For each country (by index into `countries`), its reports per month and their
    /// trend signals ([`crate::site::trend`]), over an archive that starts in the
    /// oldest month of `months`.
    pub timelines: Vec<Timeline>,
}

/// The most reports (content files, before they are read) a small site has: building
/// it, sitrep keeps in memory what it would otherwise make or read again for each
/// page that shows a report (its body, its view for templates), about 6 KB a report
/// of the generated corpus. A larger site's memory goes to its lists instead.
pub const SMALL_SITE: usize = 20_000;

/// How many related reports [`Site::related`] gives at most.
pub const RELATED_MAX: usize = 5;

/// How many neighbours on each side of a report, in each of its countries' lists,
/// [`Site::related`] considers: enough that a report sharing more countries but a
/// little further away in time is still found, few enough to keep the cost constant.
const RELATED_WINDOW: usize = 25;

/// A term of a taxonomy (a country).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// Display name (`Myanmar`).
    pub name: String,
    /// URL slug (`myanmar`): the term's page is `countries/<slug>/`.
    pub slug: String,
}

/// A taxonomy's terms, each with the indices into `reports` of its reports.
type Terms = Vec<(Term, Vec<usize>)>;

/// Groups the reports' countries into taxonomy terms, sorted by name. Spellings that
/// share a [`term_key`] are one term, shown as the most used spelling; two terms whose
/// slugs collide are an error, naming both, rather than one page silently merging them.
fn country_terms<'r>(reports: &'r [Arc<Page>], keys: &[Vec<String>]) -> (Terms, Vec<String>) {
    // key -> (spelling -> uses, report indices)
    let mut by_key: FxHashMap<&str, (BTreeMap<&'r str, usize>, Vec<usize>)> = FxHashMap::default();
    for (i, (r, keys)) in reports.iter().zip(keys).enumerate() {
        for (c, key) in r.countries().iter().zip(keys) {
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
    // In key order, as before the names sort them (ties of names keep it).
    let mut by_key: Vec<_> = by_key.into_iter().collect();
    by_key.sort_unstable_by_key(|(k, _)| *k);
    let mut terms: Vec<(Term, Vec<usize>)> = by_key
        .into_iter()
        .map(|(_, v)| v)
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

/// For each report, the index into `countries` of the first country it names, if any.
fn primary_countries(keys: &[Vec<String>], countries: &[(Term, Vec<usize>)]) -> Vec<Option<usize>> {
    let by_key = term_index(countries);
    keys.iter()
        .map(|keys| {
            let first = keys.iter().find(|k| !k.is_empty());
            first.and_then(|k| by_key.get(k).copied())
        })
        .collect()
}

/// Each term's index in `terms`, by its [`term_key`].
fn term_index(terms: &[(Term, Vec<usize>)]) -> HashMap<String, usize> {
    (terms.iter().enumerate())
        .map(|(t, (term, _))| (term_key(&term.name), t))
        .collect()
}

/// The order of a site's reports: newest first (by [`crate::site::date::ReportDate::key`]: `ka` of `a`,
/// `kb` of `b`), then by title, then by path, so that it is total and stable.
fn report_order(ka: &DateKey, a: &Page, kb: &DateKey, b: &Page) -> std::cmp::Ordering {
    kb.cmp(ka)
        .then_with(|| a.front_matter.title.cmp(&b.front_matter.title))
        .then_with(|| a.path.cmp(&b.path))
}

/// For each country, the index into `by_region` of the region `regions` gives its ISO
/// code, when the gazetteer knows the name and a region selects the code.
fn configured_regions(
    countries: &[(Term, Vec<usize>)],
    regions: &Regions,
    by_region: &[(Region, Vec<usize>)],
) -> Vec<Option<usize>> {
    countries
        .iter()
        .map(|(term, _)| {
            let code = &crate::geo::gazetteer().lookup(&term.name)?.region_code;
            let slug = &regions.of_country(code)?.slug;
            by_region.iter().position(|(r, _)| &r.slug == slug)
        })
        .collect()
}

/// Two reports with one id would be one entry to feed readers: an error naming both
/// files (a report copied to start another keeps the first's `id:`).
fn duplicate_ids(reports: &[Arc<Page>], base_url: &str) -> Vec<String> {
    let authority = crate::site::ids::authority(base_url);
    // The ids made for reports without `id:` differ from one another (their content
    // paths do): only a written id can clash, with another or with a made one, which
    // has this site's `tag:` form.
    let made = format!("tag:{authority},");
    let any_made = reports.iter().any(|r| {
        r.front_matter
            .id
            .as_deref()
            .is_some_and(|id| id.starts_with(&made))
    });
    let ids: Vec<Option<Cow<str>>> = reports
        .par_iter()
        .map(|r| match &r.front_matter.id {
            Some(id) => Some(Cow::Borrowed(id.as_str())),
            None => any_made.then(|| Cow::Owned(r.entry_id(&authority))),
        })
        .collect();
    let mut seen: HashMap<&str, &Page> = HashMap::with_capacity(reports.len());
    let mut errors = Vec::new();
    for (r, id) in reports.iter().zip(&ids) {
        let Some(id) = id else { continue };
        if let Some(first) = seen.insert(id, r) {
            errors.push(format!(
                "{}: has the id of `{}` ({id}): feed readers would take them for one report: remove or change the `id:` of the copy",
                r.file.display(),
                first.file.display(),
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
        reports: Vec<Arc<Page>>,
    ) -> Result<Site, Vec<String>> {
        Site::new_unless(config, regions, reports, &AtomicBool::new(false))
            .map(|site| site.expect("never stopped"))
    }

    /// [`Site::new`], or `None` once `stop` is set (looked at between its steps,
    /// about 0.1 s apart at 100,000 reports): a rebuild that a newer change
    /// interrupts does not finish making a site it will throw away.
    ///
    /// Errors: as [`Site::new`].
    pub fn new_unless(
        config: Config,
        regions: &Regions,
        reports: Vec<Arc<Page>>,
        stop: &AtomicBool,
    ) -> Result<Option<Site>, Vec<String>> {
        let stopped = || stop.load(Ordering::Relaxed);
        // Newest first, then by title, then by path. Sorted on keys made once: the
        // pages themselves lie all over memory.
        let mut keyed: Vec<(DateKey, Arc<Page>)> = reports
            .into_par_iter()
            .map(|r| (r.date().key(), r))
            .collect();
        keyed.par_sort_unstable_by(|(ka, a), (kb, b)| report_order(ka, a, kb, b));
        let reports: Vec<Arc<Page>> = keyed.into_iter().map(|(_, r)| r).collect();
        if stopped() {
            return Ok(None);
        }
        let mut by_region: Vec<(Region, Vec<usize>)> = regions
            .all()
            .iter()
            .map(|r| (r.clone(), Vec::new()))
            .collect();
        // What each report gives the lists, read in one parallel pass (the pages lie
        // all over memory): its month, its region's index, its countries' term keys
        // (normalising is costly, so each thread keeps the keys it has made).
        let facts: Vec<(Month, i32, Option<usize>, Vec<String>)> = reports
            .par_iter()
            .map_init(FxHashMap::<&str, String>::default, |made, r| {
                let region = (r.region.as_ref())
                    .and_then(|g| by_region.iter().position(|(b, _)| b.slug == g.slug));
                let keys = (r.countries().iter())
                    .map(|c| made.entry(c).or_insert_with(|| term_key(c)).clone())
                    .collect();
                let day = r.date().day();
                (Month::of(day), day.num_days_from_ce(), region, keys)
            })
            .collect();
        if stopped() {
            return Ok(None);
        }
        let mut by_month: BTreeMap<Month, Vec<usize>> = BTreeMap::new();
        for (i, (month, _, region, _)) in facts.iter().enumerate() {
            if let Some(g) = region {
                by_region[*g].1.push(i);
            }
            by_month.entry(*month).or_default().push(i);
        }
        let mut months = Vec::with_capacity(facts.len());
        let mut report_days = Vec::with_capacity(facts.len());
        let mut keys = Vec::with_capacity(facts.len());
        for (month, day, _, k) in facts {
            months.push(month);
            report_days.push(day);
            keys.push(k);
        }
        let (countries, mut errors) = country_terms(&reports, &keys);
        errors.extend(duplicate_ids(&reports, &config.base_url));
        if !errors.is_empty() {
            return Err(errors);
        }
        if stopped() {
            return Ok(None);
        }
        let mut report_countries = vec![Vec::new(); reports.len()];
        for (t, (_, list)) in countries.iter().enumerate() {
            for &i in list {
                report_countries[i].push(t);
            }
        }
        let primary_country = primary_countries(&keys, &countries);
        let country_regions = configured_regions(&countries, regions, &by_region);
        let first = by_month.keys().next().copied();
        let timelines = countries
            .iter()
            .map(|(_, list)| match first {
                Some(first) => Timeline::new(list.iter().map(|&i| months[i]).collect(), first),
                None => Timeline::default(),
            })
            .collect();
        Ok(Some(Site {
            config,
            reports,
            regions: by_region,
            months: by_month.into_iter().rev().collect(),
            countries,
            report_countries,
            report_days,
            primary_country,
            country_regions,
            timelines,
        }))
    }

    /// A preview of this site with `added` put in among the reports, in their places
    /// (newest first), for writing their pages and the home page at once while the
    /// whole site is made again: the indices of every list are shifted past them, and
    /// each added report has its countries (those the site knows) and its primary
    /// country, but is in no list yet, so counts, lists, maps and charts are as they
    /// were. Cost: linear in the lists' lengths, with no report read but the added
    /// ones (a [`Site::new`] reads them all). Returns the preview and the added
    /// reports' indices into its `reports`.
    pub fn with_inserted(&self, mut added: Vec<Arc<Page>>) -> (Site, Vec<usize>) {
        let order = |a: &Page, b: &Page| report_order(&a.date().key(), a, &b.date().key(), b);
        added.sort_by(|a, b| order(a, b));
        // Where each goes among the old reports (the reports before it there).
        let at: Vec<usize> = (added.iter())
            .map(|a| (self.reports).partition_point(|r| order(r, a).is_lt()))
            .collect();
        // An old index's new one: past the added reports placed at or before it.
        let shift = |j: usize| j + at.partition_point(|&p| p <= j);
        let key_to_term = term_index(&self.countries);
        let mut reports = Vec::with_capacity(self.reports.len() + added.len());
        let mut report_countries = Vec::with_capacity(reports.capacity());
        let mut report_days = Vec::with_capacity(reports.capacity());
        let mut primary_country = Vec::with_capacity(reports.capacity());
        let mut indices = Vec::with_capacity(added.len());
        let mut next = added.iter().zip(&at).peekable();
        for j in 0..=self.reports.len() {
            while let Some((page, _)) = next.next_if(|(_, p)| **p == j) {
                let known: Vec<usize> = (page.countries().iter())
                    .filter_map(|c| key_to_term.get(&term_key(c)).copied())
                    .collect();
                indices.push(reports.len());
                primary_country.push(known.first().copied());
                let mut terms = known;
                terms.sort_unstable();
                terms.dedup();
                report_countries.push(terms);
                report_days.push(page.date().day().num_days_from_ce());
                reports.push(page.clone());
            }
            if j < self.reports.len() {
                reports.push(self.reports[j].clone());
                report_countries.push(self.report_countries[j].clone());
                report_days.push(self.report_days[j]);
                primary_country.push(self.primary_country[j]);
            }
        }
        let site = Site {
            config: self.config.clone(),
            reports,
            regions: shifted_lists(&self.regions, shift),
            months: shifted_lists(&self.months, shift),
            countries: shifted_lists(&self.countries, shift),
            report_countries,
            report_days,
            primary_country,
            country_regions: self.country_regions.clone(),
            timelines: self.timelines.clone(),
        };
        (site, indices)
    }

    /// The reports related to the report at index `i`: those sharing a country with
    /// it, at most [`RELATED_MAX`], ranked by how many countries they share (more
    /// first), then by how near they are in time (fewest days apart first), then by
    /// place in `reports` (nearer first, then newer first), so the order is stable.
    /// Never `i` itself.
    ///
    /// Candidates are the [`RELATED_WINDOW`] nearest reports on each side of `i` in
    /// each of its countries' lists (found by binary search: the lists are sorted
    /// like `reports`), so the cost does not grow with the size of the site.
    pub fn related(&self, i: usize) -> Vec<usize> {
        let Some(mine) = self.report_countries.get(i) else {
            return Vec::new();
        };
        let mut candidates: Vec<usize> = Vec::with_capacity(mine.len() * (2 * RELATED_WINDOW + 1));
        for &t in mine {
            let list = &self.countries[t].1;
            let pos = list.binary_search(&i).unwrap_or_else(|p| p);
            let start = pos.saturating_sub(RELATED_WINDOW);
            let end = (pos + RELATED_WINDOW + 1).min(list.len());
            candidates.extend(list[start..end].iter().copied().filter(|&j| j != i));
        }
        candidates.sort_unstable();
        candidates.dedup();
        let day = self.report_days[i];
        // Ranked by the key: more countries shared, fewer days apart, nearer, then
        // lower index (unique, so the order is total).
        let mut ranked: Vec<(Reverse<usize>, u32, usize, usize)> = candidates
            .into_iter()
            .map(|j| {
                let shared = sorted_overlap(mine, &self.report_countries[j]);
                let days = self.report_days[j].abs_diff(day);
                (Reverse(shared), days, j.abs_diff(i), j)
            })
            .collect();
        if ranked.len() > RELATED_MAX {
            ranked.select_nth_unstable(RELATED_MAX);
            ranked.truncate(RELATED_MAX);
        }
        ranked.sort_unstable();
        ranked.into_iter().map(|r| r.3).collect()
    }
}

impl Site {
    /// The countries most often named in the reports that name the country at index
    /// `t` of `countries`: at most `max`, as (index into `countries`, how many reports
    /// name both), most first, then by name.
    pub fn co_mentioned(&self, t: usize, max: usize) -> Vec<(usize, usize)> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &i in &self.countries[t].1 {
            for &other in &self.report_countries[i] {
                if other != t {
                    *counts.entry(other).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_iter().collect();
        // `countries` is sorted by name, so the index orders ties by name.
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(max);
        ranked
    }

    /// The index into `regions` of the region of the report at index `i` of `reports`,
    /// if it has one.
    pub fn region_of(&self, i: usize) -> Option<usize> {
        let region = self.reports[i].region.as_ref()?;
        self.regions.iter().position(|(g, _)| g.slug == region.slug)
    }

    /// The region of the country at index `t` of `countries`, as an index into
    /// `regions`: the configured region of its ISO code ([`Site::country_regions`]);
    /// for a name the gazetteer does not know, the region of most of the reports that
    /// name it first (its own reports), else of most of the reports that name it; ties
    /// go to the region configured first. `None` when none of these gives one.
    pub fn country_region(&self, t: usize) -> Option<usize> {
        if let Some(r) = self.country_regions[t] {
            return Some(r);
        }
        let list = &self.countries[t].1;
        let own: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| self.primary_country[i] == Some(t))
            .collect();
        let pool = if own.is_empty() { list } else { &own };
        let mut counts = vec![0usize; self.regions.len()];
        for &i in pool {
            if let Some(r) = self.region_of(i) {
                counts[r] += 1;
            }
        }
        let best = counts.iter().copied().max().filter(|&n| n > 0)?;
        counts.iter().position(|&n| n == best)
    }
}

/// `lists` with every index `j` replaced by `shift(j)`.
fn shifted_lists<K: Clone>(
    lists: &[(K, Vec<usize>)],
    shift: impl Fn(usize) -> usize,
) -> Vec<(K, Vec<usize>)> {
    (lists.iter())
        .map(|(k, list)| (k.clone(), list.iter().map(|&j| shift(j)).collect()))
        .collect()
}

/// How many values two ascending lists have in common.
fn sorted_overlap(a: &[usize], b: &[usize]) -> usize {
    let (mut x, mut y, mut n) = (0, 0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                x += 1;
                y += 1;
            }
        }
    }
    n
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

    /// A site of the reports `(title, date, countries)`, given in `order`.
    fn make_site(reports: &[(&str, &str, &str)]) -> (tempfile::TempDir, Site) {
        use crate::site::content::load_page;
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let path = std::path::Path::new("config.yaml");
        let config = Config::parse("base_url: https://e.org/\n", path).unwrap();
        let regions = Regions::new(&config.regions).unwrap();
        let pages = reports
            .iter()
            .map(|(title, date, countries)| {
                let file = content.join(format!("{}.md", slug::slugify(title)));
                let text = format!(
                    "---\ntitle: {title}\ndate: {date}\ncountries: [{countries}]\n---\nText.\n"
                );
                std::fs::write(&file, text).unwrap();
                Arc::new(load_page(&file, &content, &regions).unwrap())
            })
            .collect();
        let site = Site::new(config, &regions, pages).unwrap();
        (tmp, site)
    }

    #[test]
    fn a_site_told_to_stop_is_not_made_and_days_are_kept_by_report() {
        let (_tmp, site) = make_site(&[("A", "2025-01-02", "Chad"), ("B", "2025-01-09", "Chad")]);
        let (config, regions) = (
            site.config.clone(),
            Regions::new(&site.config.regions).unwrap(),
        );
        let stop = AtomicBool::new(true);
        let made = Site::new_unless(config, &regions, site.reports.clone(), &stop).unwrap();
        assert!(made.is_none());
        // Newest first: B, then A, a week before it.
        assert_eq!(site.report_days[0] - site.report_days[1], 7);
        assert_eq!(site.related(0), [1]);
    }

    #[test]
    fn a_preview_with_inserted_reports_shifts_every_list_past_them() {
        let all = [
            ("Old Sudan", "2020-01-05", "Sudan"),
            ("Mid Sudan and Chad", "2022-03-01", "Sudan, Chad"),
            ("New Chad", "2024-07-09", "Chad"),
            ("Added newest", "2030-01-01", "Chad, Sudan"),
            ("Added middle", "2022-03-01", "Mali"),
            ("Added oldest", "2019-01-01", "Sudan"),
        ];
        let (_t1, full) = make_site(&all);
        let (_t2, old) = make_site(&all[..3]);
        let added: Vec<Arc<Page>> = full
            .reports
            .iter()
            .filter(|r| r.front_matter.title.starts_with("Added"))
            .cloned()
            .collect();
        let (preview, at) = old.with_inserted(added);
        let titles = |site: &Site, list: &[usize]| -> Vec<String> {
            list.iter()
                .map(|&i| site.reports[i].front_matter.title.clone())
                .collect()
        };
        // The reports in the full site's order, the added ones where it has them.
        assert_eq!(
            titles(&preview, &(0..6).collect::<Vec<_>>()),
            titles(&full, &(0..6).collect::<Vec<_>>())
        );
        assert_eq!(
            titles(&preview, &at),
            ["Added newest", "Added middle", "Added oldest"]
        );
        // Old lists name the same reports as before (the added ones are in none).
        for ((_, before), (_, after)) in old.countries.iter().zip(&preview.countries) {
            assert_eq!(titles(&old, before), titles(&preview, after));
        }
        for ((_, before), (_, after)) in old.months.iter().zip(&preview.months) {
            assert_eq!(titles(&old, before), titles(&preview, after));
        }
        // Countries the site knows, by term index; Mali is not known yet.
        let names = |site: &Site, i: usize| -> Vec<String> {
            site.report_countries[i]
                .iter()
                .map(|&t| site.countries[t].0.name.clone())
                .collect()
        };
        assert_eq!(names(&preview, at[0]), ["Chad", "Sudan"]);
        assert_eq!(preview.primary_country[at[0]], Some(0), "Chad, named first");
        assert!(names(&preview, at[1]).is_empty());
        assert_eq!(preview.primary_country[at[1]], None);
        let mid = titles(&preview, &[at[1] + 1]);
        assert_eq!(mid, ["Mid Sudan and Chad"], "same day: by title");
        assert_eq!(names(&preview, at[1] + 1), ["Chad", "Sudan"]);
    }

    /// The titles of the reports related to the one titled `title`.
    fn related_titles(site: &Site, title: &str) -> Vec<String> {
        let i = site
            .reports
            .iter()
            .position(|r| r.front_matter.title == title)
            .unwrap();
        let related = site.related(i);
        assert!(!related.contains(&i), "{title} is related to itself");
        assert!(related.len() <= RELATED_MAX);
        related
            .into_iter()
            .map(|j| site.reports[j].front_matter.title.clone())
            .collect()
    }

    #[test]
    fn related_reports_share_more_countries_first_then_are_nearest_in_time() {
        let reports = [
            ("Target", "2025-06-15", "Sudan, Chad"),
            ("A day before", "2025-06-14", "Sudan"),
            ("Both countries, months before", "2025-01-01", "Sudan, Chad"),
            ("Two days after", "2025-06-17", "Chad"),
            ("Two days before", "2025-06-13", "Sudan"),
            ("Ten days after", "2025-06-25", "Sudan"),
            ("Six weeks before", "2025-05-01", "Sudan"),
            ("Same day elsewhere", "2025-06-15", "Ukraine"),
        ];
        let (_tmp, site) = make_site(&reports);
        let want = [
            "Both countries, months before",
            "A day before",
            // Two days either side: the nearer in the list, then the newer, first.
            "Two days after",
            "Two days before",
            "Ten days after",
        ];
        assert_eq!(related_titles(&site, "Target"), want);
        assert!(related_titles(&site, "Same day elsewhere").is_empty());
        // The same, whatever order the files are loaded in.
        let mut reversed = reports;
        reversed.reverse();
        let (_tmp2, site2) = make_site(&reversed);
        assert_eq!(related_titles(&site2, "Target"), want);
        // Never the report itself, at most five, for every report.
        for r in &reports {
            related_titles(&site, r.0);
        }
    }
}
