//! A country's dossier: what its page (`countries/<slug>/`) shows above the list of
//! its latest reports (its chart, trend signals, the editor's latest assessment, the
//! countries named with it, its region), and its data file
//! (`countries/<slug>/data.json`).

use serde::Serialize;

use super::{LinkView, Renderer, ReportView, chart};
use crate::site::Month;
use crate::site::trend::Signal;

/// How many countries a dossier lists as named most often with its own.
pub const CO_MENTIONED_MAX: usize = 8;

/// How many of its past signals a dossier lists.
pub const SIGNALS_MAX: usize = 6;

/// The file name of a country's data file, in its folder.
pub const DATA_FILE: &str = "data.json";

/// A trend signal of a country in a month, as pages show it.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct SignalView {
    /// `highest` or `surge` (for CSS).
    pub key: &'static str,
    /// The badge's text (`most reports in 12 months`).
    pub label: &'static str,
    /// The country's page (without count).
    pub country: LinkView,
    /// The month's edition (without count).
    pub month: LinkView,
    /// How many reports name the country in that month.
    pub count: u32,
}

/// What a country's dossier shows besides its list of reports.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct DossierView<'r> {
    /// Reports per month over the whole archive (SVG markup), signals marked.
    pub chart: Option<String>,
    /// The country's region (see [`crate::site::Site::country_region`]).
    pub region: Option<&'r LinkView>,
    /// The date of its first report, for readers.
    pub first_date: Option<String>,
    /// How many months have reports naming it.
    pub active_months: usize,
    /// The archive's newest month (its edition, without count).
    pub newest_month: Option<LinkView>,
    /// Its signal in the archive's newest month, if one fires.
    pub current: Option<SignalView>,
    /// Its signals, newest first, at most [`SIGNALS_MAX`].
    pub signals: Vec<SignalView>,
    /// Its newest report with an editor's trend or alert.
    pub assessment: Option<ReportView<'r>>,
    /// The countries most often named with it (counts: reports naming both).
    pub co_mentioned: Vec<LinkView>,
    /// Its data file, from the site root (`countries/sudan/data.json`).
    pub data_path: String,
}

/// One month of a country's data file.
#[derive(Debug, Serialize, Hash)]
struct DataMonth {
    month: String,
    reports: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    signal: Option<Signal>,
}

/// A country named with the file's country, and in how many reports.
#[derive(Debug, Serialize, Hash)]
struct CoMentioned<'r> {
    name: &'r str,
    reports: usize,
}

/// A report in a country's data file.
#[derive(Debug, Serialize, Hash)]
struct DataReport<'r> {
    id: String,
    date: String,
    title: &'r str,
    url: String,
}

/// A country's data file: its counts per month with their signals, the countries
/// named with it and (on sites small enough for `reports.json`) its reports.
#[derive(Debug, Serialize, Hash)]
pub struct CountryData<'r> {
    name: &'r str,
    url: String,
    region: Option<&'r str>,
    reports_total: usize,
    signal_rules: &'static str,
    months: Vec<DataMonth>,
    co_mentioned: Vec<CoMentioned<'r>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reports: Option<Vec<DataReport<'r>>>,
}

/// How the data file describes its signals.
const SIGNAL_RULES: &str = "highest: more reports than in each of the 12 months before (at least 3); surge: at least twice the median of the 6 months before (at least 3). They measure the volume of reporting, not of violence.";

impl<'a> Renderer<'a> {
    /// The signal view of the country at `t` in `month`, if one fires.
    pub(super) fn signal_view(&self, t: usize, month: Month) -> Option<SignalView> {
        let timeline = &self.site.timelines[t];
        let signal = timeline.signal(month)?;
        Some(SignalView {
            key: signal.key(),
            label: signal.label(),
            country: self.country_links[t].uncounted(),
            month: super::month_link(&month, None),
            count: timeline.count(month),
        })
    }

    /// The signals of `month`, of every country (of the countries whose region is
    /// `region`, when given), most reports first, then by name.
    pub(super) fn month_signals(&self, month: Month, region: Option<usize>) -> Vec<SignalView> {
        let mut rows: Vec<SignalView> = (0..self.site.countries.len())
            .filter(|&t| region.is_none() || self.site.country_region(t) == region)
            .filter_map(|t| self.signal_view(t, month))
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.count));
        rows
    }

    /// The dossier of the country at index `t` of `site.countries`, for a page whose
    /// path to the root is `root`.
    pub(super) fn dossier(&self, t: usize, root: &str) -> DossierView<'_> {
        let site = self.site;
        let list = &site.countries[t].1;
        let region = site.country_region(t);
        let colour = region.map_or(chart::PALETTE[0], |r| {
            chart::PALETTE[r % chart::PALETTE.len()]
        });
        let timeline = &site.timelines[t];
        let mut signals: Vec<SignalView> = timeline
            .months
            .iter()
            .rev()
            .filter_map(|&(m, _)| self.signal_view(t, m))
            .take(SIGNALS_MAX)
            .collect();
        let newest = site.months.first().map(|(m, _)| *m);
        let current = newest.and_then(|m| self.signal_view(t, m));
        let newest_month = newest.map(|m| super::month_link(&m, None));
        if current.is_some() {
            signals.remove(0);
        }
        let co_mentioned = site
            .co_mentioned(t, CO_MENTIONED_MAX)
            .into_iter()
            .map(|(other, n)| LinkView {
                count: Some(n),
                ..self.country_links[other].uncounted()
            })
            .collect();
        DossierView {
            chart: chart::country_chart(site, t, root, colour).ok().flatten(),
            region: region.map(|r| &self.region_nav[r]),
            first_date: list.last().map(|&i| self.view(i).date_display()),
            active_months: timeline.months.len(),
            newest_month,
            current,
            signals,
            assessment: list
                .iter()
                .map(|&i| self.view(i))
                .find(|v| v.trend().is_some() || v.alert().is_some()),
            co_mentioned,
            data_path: format!("{}{DATA_FILE}", self.country_links[t].path),
        }
    }

    /// The data file of the country at index `t` (see [`CountryData`]).
    pub(super) fn country_data(&self, t: usize) -> CountryData<'_> {
        let site = self.site;
        let (term, list) = &site.countries[t];
        let timeline = &site.timelines[t];
        let authority = crate::site::ids::authority(&site.config.base_url);
        CountryData {
            name: &term.name,
            url: format!("{}{}", site.config.base_url, self.country_links[t].path),
            region: site
                .country_region(t)
                .map(|r| site.regions[r].0.name.as_ref()),
            reports_total: list.len(),
            signal_rules: SIGNAL_RULES,
            months: timeline
                .months
                .iter()
                .zip(&timeline.signals)
                .map(|(&(m, n), &signal)| DataMonth {
                    month: m.slug(),
                    reports: n,
                    signal,
                })
                .collect(),
            co_mentioned: site
                .co_mentioned(t, CO_MENTIONED_MAX)
                .into_iter()
                .map(|(other, n)| CoMentioned {
                    name: &site.countries[other].0.name,
                    reports: n,
                })
                .collect(),
            reports: self.writes_reports_json().then(|| {
                list.iter()
                    .map(|&i| DataReport {
                        id: site.reports[i].entry_id(&authority),
                        date: self.view(i).date(),
                        title: self.view(i).title(),
                        url: self.view(i).permalink(),
                    })
                    .collect()
            }),
        }
    }
}
