//! A month's edition: what the first page of `months/YYYY-MM/` shows above the list of
//! all the month's reports, as CrisisWatch's monthly bulletin does: the month's reports
//! grouped by region and then by country (each country's newest headlines), the
//! countries whose reporting rose most, the editor's judgements and
//! alerts, and links to the previous and next editions.

use serde::Serialize;

use super::dossier::SignalView;
use super::{LinkView, Renderer, ReportView};
use crate::site::Month;
use crate::site::front_matter::Trend;

/// How many headlines an edition shows per country (the rest are counted).
pub const HEADLINES_MAX: usize = 3;

/// How many countries an edition lists as rising most.
pub const RISERS_MAX: usize = 5;

/// The month's edition.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct EditionView<'r> {
    /// The month's reports by region (configured order; reports without one last).
    pub groups: Vec<RegionGroup<'r>>,
    /// The countries named in more reports than in the month before, most risen
    /// first, at most [`RISERS_MAX`].
    pub risers: Vec<Riser>,
    /// The month's reports with an editor's `trend: deteriorated`, newest first.
    pub deteriorated: Vec<ReportView<'r>>,
    /// The month's reports with an editor's `trend: improved`.
    pub improved: Vec<ReportView<'r>>,
    /// The month's reports with an editor's `alert:`.
    pub alerts: Vec<ReportView<'r>>,
    /// The edition before (the next older month with reports), if any.
    pub previous: Option<&'r LinkView>,
    /// The edition after, if any.
    pub next: Option<&'r LinkView>,
}

/// A region's part of an edition.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct RegionGroup<'r> {
    /// The region's page; `None` for reports without a region.
    pub region: Option<&'r LinkView>,
    /// How many of the month's reports it has.
    pub count: usize,
    /// Its countries (by the reports' primary country), most reports first, then by
    /// name; reports naming no country last.
    pub countries: Vec<CountryGroup<'r>>,
}

/// A country's part of a region's group.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct CountryGroup<'r> {
    /// The country's page; `None` for reports naming no country.
    pub country: Option<LinkView>,
    /// How many of the month's reports name it first.
    pub count: usize,
    /// Its trend signal this month, if one fires.
    pub signal: Option<SignalView>,
    /// The editor's newest judgement this month (`deteriorated`, ...), if any.
    pub trend: Option<&'static str>,
    /// Its newest reports, at most [`HEADLINES_MAX`].
    pub headlines: Vec<ReportView<'r>>,
    /// How many more reports it has.
    pub more: usize,
}

/// A country whose reporting rose since the month before.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Riser {
    /// The country's page (without count).
    pub country: LinkView,
    /// Reports naming it this month.
    pub count: u32,
    /// Reports naming it the month before.
    pub previous: u32,
}

impl<'a> Renderer<'a> {
    /// The edition of the month at index `i` of `site.months`.
    pub(super) fn edition(&self, i: usize) -> EditionView<'_> {
        let site = self.site;
        let (month, list) = &site.months[i];
        let with_trend = |trend: Trend| -> Vec<ReportView> {
            list.iter()
                .map(|&r| self.view(r))
                .filter(|v| v.trend() == Some(trend.name()))
                .collect()
        };
        EditionView {
            groups: self.region_groups(*month, list),
            risers: self.risers(*month),
            deteriorated: with_trend(Trend::Deteriorated),
            improved: with_trend(Trend::Improved),
            alerts: list
                .iter()
                .map(|&r| self.view(r))
                .filter(|v| v.alert().is_some())
                .collect(),
            // `months` is newest first.
            previous: self.month_links.get(i + 1),
            next: i.checked_sub(1).map(|k| &self.month_links[k]),
        }
    }

    /// The reports `list` of `month` grouped by region, then by primary country.
    fn region_groups(&self, month: Month, list: &[usize]) -> Vec<RegionGroup<'_>> {
        let site = self.site;
        let no_region = site.regions.len();
        let no_country = site.countries.len();
        // (region, country) -> reports, newest first (as `list`).
        let mut by_place: std::collections::BTreeMap<(usize, usize), Vec<usize>> =
            Default::default();
        for &r in list {
            let region = site.region_of(r).unwrap_or(no_region);
            let country = site.primary_country[r].unwrap_or(no_country);
            by_place.entry((region, country)).or_default().push(r);
        }
        let mut groups: Vec<RegionGroup> = Vec::new();
        let mut last_region = None;
        for ((region, country), reports) in by_place {
            if last_region != Some(region) {
                last_region = Some(region);
                groups.push(RegionGroup {
                    region: (region < no_region).then(|| &self.region_nav[region]),
                    count: 0,
                    countries: Vec::new(),
                });
            }
            let group = groups.last_mut().expect("pushed above");
            group.count += reports.len();
            group.countries.push(CountryGroup {
                country: (country < no_country).then(|| self.country_links[country].uncounted()),
                count: reports.len(),
                signal: (country < no_country)
                    .then(|| self.signal_view(country, month))
                    .flatten(),
                trend: reports.iter().find_map(|&r| self.view(r).trend()),
                headlines: reports
                    .iter()
                    .take(HEADLINES_MAX)
                    .map(|&r| self.view(r))
                    .collect(),
                more: reports.len().saturating_sub(HEADLINES_MAX),
            });
        }
        for g in &mut groups {
            // Most reports first; `countries` is sorted by name, and reports naming no
            // country come last.
            g.countries
                .sort_by_key(|c| (c.country.is_none(), std::cmp::Reverse(c.count)));
        }
        groups
    }

    /// The countries named in more reports in `month` than in the month before; none
    /// in the archive's oldest month, which has no month before to compare with.
    fn risers(&self, month: Month) -> Vec<Riser> {
        if self
            .site
            .months
            .last()
            .is_none_or(|(oldest, _)| *oldest >= month)
        {
            return Vec::new();
        }
        let before = Month::from_index(month.index() - 1);
        let mut risers: Vec<(usize, Riser)> = self
            .site
            .timelines
            .iter()
            .enumerate()
            .filter_map(|(t, timeline)| {
                let (count, previous) = (timeline.count(month), timeline.count(before));
                (count > previous).then(|| {
                    (
                        t,
                        Riser {
                            country: self.country_links[t].uncounted(),
                            count,
                            previous,
                        },
                    )
                })
            })
            .collect();
        // Most risen first, then most reports, then by name (the index).
        risers.sort_by(|(ta, a), (tb, b)| {
            (b.count - b.previous)
                .cmp(&(a.count - a.previous))
                .then(b.count.cmp(&a.count))
                .then(ta.cmp(tb))
        });
        risers.truncate(RISERS_MAX);
        risers.into_iter().map(|(_, r)| r).collect()
    }
}
