//! Rendering the site model to pages: tera templates, with report bodies from
//! [`markdown`]. Rendering produces bytes and hands them to a [`sink::Sink`] it does
//! not own; it never decides where or when they are written.
//!
//! * [`theme`]: the built-in default theme and the layers that override it
//!   (`themes/<theme>/`, the site's `templates/` and `static/`);
//! * [`markdown`]: report bodies to safe HTML (pulldown-cmark, syntect, ammonia);
//! * [`feeds`]: outputs made by code: Atom feeds and JSON Feeds, sitemap,
//!   `robots.txt`, the JSON and CSV exports;
//! * [`share`]: what a page's `<head>` tells sharing sites and search engines (Open
//!   Graph, JSON-LD);
//! * [`chart`]: the overview chart (SVG);
//! * [`map`]: the world map of reports by country (SVG over a shared shapes file);
//! * [`search`]: the sharded search index the theme's search page queries;
//! * [`sink`]: where rendered bytes go.
//!
//! Templates get small serialisable views (see [`ReportView`]), never the whole site:
//! index pages list report summaries, not bodies.

pub mod chart;
pub mod dossier;
pub mod edition;
pub mod feeds;
pub mod map;
pub mod markdown;
pub mod search;
pub mod share;
pub mod sink;
pub mod theme;
pub mod theme_history;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Result, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::progress::Progress;
use crate::render::markdown::{RawHtml, markdown_to_html};
use crate::render::sink::Sink;
use crate::site::content::Page;
use crate::site::date::ReportDate;
use crate::site::model::SMALL_SITE;
use crate::site::paths::{
    ATOM_FEED_FILE, COUNTRIES_DIR, DATA_DIR, JSON_FEED_FILE, MONTHS_DIR, REGIONS_DIR,
    REPORTS_CSV_PATH, SEARCH_DIR, data_month_csv_path, data_month_path, month_path, page_path,
    relative_root, sitemap_part_path,
};
use crate::site::term::term_key;
use crate::site::{Month, Site};
use feeds::{SITEMAP_LIMIT, SitemapEntry};
use search::{SearchFile, SearchIndex};

/// A link to an index page, with how many reports it lists.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct LinkView {
    /// Display name (`Asia-Pacific`, `July 2025`).
    pub name: String,
    /// Path from the site root, with a trailing slash (`regions/asia-pacific/`).
    pub path: String,
    /// Number of reports; only where a page shows counts (`null` elsewhere, so that
    /// adding a report does not change every page's navigation).
    pub count: Option<usize>,
}

impl LinkView {
    fn uncounted(&self) -> LinkView {
        LinkView {
            count: None,
            ..self.clone()
        }
    }
}

/// What templates see of a report (index pages get it without `content`), made
/// when a page needs it and never kept: two references, whose fields are worked out
/// when it is serialised or hashed. Serialised as an object of `title`, `path`,
/// `permalink` (`base_url` + `path`), `date` (as written: `2025-07-08`, or a moment
/// in RFC 3339 with its offset, for `<time datetime>`), `date_display`
/// (`8 July 2025`), `source`, `region` and `month` (their index pages, without
/// counts), `countries` (primary first), `country_links` (their pages, in the same
/// order), `summary`, `trend` (`deteriorated`, `improved`, `unchanged`), `alert` and
/// `extra` (the other front matter keys); each absent one is `null`.
#[derive(Debug, Clone, Copy)]
pub struct ReportView<'r> {
    page: &'r Page,
    links: &'r ViewLinks<'r>,
    /// Where the view, as a template value, is kept once made (a small site's
    /// reports: see [`crate::site::model::SMALL_SITE`]; about 1 KB a report).
    value: Option<&'r OnceLock<tera::Value>>,
}

/// What report views link to: made once per [`Renderer`].
#[derive(Debug)]
struct ViewLinks<'a> {
    base_url: &'a str,
    /// Region navigation links by region slug, and country links by [`term_key`].
    region_by_slug: HashMap<&'a str, Link>,
    country_by_key: HashMap<String, Link>,
    /// The site's months' links (without counts), as template values.
    month_values: HashMap<Month, tera::Value>,
}

/// A link (without count) and the same as a template value, made once: a page's
/// context takes the value by reference count (Tera's maps are shared), not by
/// making the map again for each report that links to it.
#[derive(Debug)]
struct Link {
    view: LinkView,
    value: tera::Value,
}

impl Link {
    fn new(view: LinkView) -> Link {
        let value = tera::Value::from_serializable(&view);
        Link { view, value }
    }
}

impl<'r> ReportView<'r> {
    /// The headline.
    pub fn title(&self) -> &'r str {
        &self.page.front_matter.title
    }

    /// Path from the site root (`reports/2025-07-08-china/`).
    pub fn path(&self) -> &'r str {
        &self.page.path
    }

    /// Absolute URL: `base_url` + `path`.
    pub fn permalink(&self) -> String {
        format!("{}{}", self.links.base_url, self.page.path)
    }

    /// The date as written (see [`ReportView`]).
    pub fn date(&self) -> String {
        self.page.date().to_string()
    }

    /// The date for readers, `8 July 2025`.
    pub fn date_display(&self) -> String {
        self.page.date().display()
    }

    /// The region's index page (without count), if the report has a region.
    pub fn region(&self) -> Option<&'r LinkView> {
        self.region_link().map(|l| &l.view)
    }

    fn region_link(&self) -> Option<&'r Link> {
        let links = self.links;
        (self.page.region.as_ref()).and_then(|r| links.region_by_slug.get(r.slug.as_ref()))
    }

    /// The countries' pages (without counts), primary first.
    pub fn country_links(&self) -> impl Iterator<Item = &'r LinkView> + use<'r> {
        self.country_link_entries().map(|l| &l.view)
    }

    fn country_link_entries(&self) -> impl Iterator<Item = &'r Link> + use<'r> {
        let links = self.links;
        (self.page.countries().iter()).filter_map(|c| links.country_by_key.get(&term_key(c)))
    }

    /// The summary (plain text).
    pub fn summary(&self) -> Option<&'r str> {
        self.page.front_matter.summary.as_deref()
    }

    /// The editor's judgement, as written.
    pub fn trend(&self) -> Option<&'static str> {
        self.page.front_matter.trend.map(|t| t.name())
    }

    /// The editor's alert.
    pub fn alert(&self) -> Option<&'r str> {
        self.page.front_matter.alert.as_deref()
    }

    /// Countries, primary first.
    pub fn countries(&self) -> &'r [String] {
        self.page.countries()
    }
}

impl Serialize for ReportView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(cell) = self.value else {
            return self.serialize_fields(s);
        };
        let made = match cell.get() {
            Some(value) => value,
            None => {
                let value = tera::Value::try_from_serializable(&Fields(*self))
                    .map_err(serde::ser::Error::custom)?;
                cell.get_or_init(|| value)
            }
        };
        // Into a template's context, a reference-counted copy.
        made.serialize(s)
    }
}

/// A [`ReportView`] serialised field by field (never from its kept value).
struct Fields<'r>(ReportView<'r>);

impl Serialize for Fields<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_fields(s)
    }
}

impl ReportView<'_> {
    fn serialize_fields<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fm = &self.page.front_matter;
        let mut st = s.serialize_struct("ReportView", 14)?;
        st.serialize_field("title", self.title())?;
        st.serialize_field("path", self.path())?;
        st.serialize_field("permalink", &self.permalink())?;
        st.serialize_field("date", &self.date())?;
        st.serialize_field("date_display", &self.date_display())?;
        st.serialize_field("source", &fm.source)?;
        // Links as the values made once (the same fields as a `LinkView`).
        st.serialize_field("region", &self.region_link().map(|l| &l.value))?;
        let month = Month::of(self.page.date().day());
        match self.links.month_values.get(&month) {
            Some(value) => st.serialize_field("month", value)?,
            None => st.serialize_field("month", &month_link(&month, None))?,
        }
        st.serialize_field("countries", self.countries())?;
        let countries: Vec<&tera::Value> = self.country_link_entries().map(|l| &l.value).collect();
        st.serialize_field("country_links", &countries)?;
        st.serialize_field("summary", &self.summary())?;
        st.serialize_field("trend", &self.trend())?;
        st.serialize_field("alert", &self.alert())?;
        st.serialize_field("extra", &fm.extra)?;
        st.end()
    }
}

impl std::hash::Hash for ReportView<'_> {
    /// Hashes everything the view serialises: the fields it is worked out from.
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let (page, fm) = (self.page, &self.page.front_matter);
        (
            self.links.base_url,
            &page.path,
            page.date(),
            &fm.title,
            &fm.source,
        )
            .hash(h);
        (
            self.region(),
            &page.countries(),
            &fm.summary,
            fm.trend,
            &fm.alert,
            &fm.extra,
        )
            .hash(h);
        self.country_links().for_each(|l| l.hash(h));
    }
}

/// What templates see of the configuration.
#[derive(Debug, Clone, Serialize)]
struct ConfigView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    language: &'a str,
    extra: &'a serde_yaml::Mapping,
}

/// One page of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKey {
    /// The report at this index of [`Site::reports`].
    Report(usize),
    /// The home page: page `n` (0-based) of the newest reports.
    Home(usize),
    /// The list of regions.
    Regions,
    /// Page `n` (0-based) of the region at index `i` of [`Site::regions`].
    Region(usize, usize),
    /// The list of months.
    Months,
    /// Page `n` (0-based) of the month at index `i` of [`Site::months`].
    Month(usize, usize),
    /// `404.html`.
    NotFound,
    /// The list of countries.
    Countries,
    /// Page `n` (0-based) of the country at index `i` of [`Site::countries`].
    Country(usize, usize),
    /// The site's Atom feed, `atom.xml`.
    Feed,
    /// The Atom feed of the region at this index, `regions/<slug>/atom.xml`.
    RegionFeed(usize),
    /// The Atom feed of the country at this index of [`Site::countries`],
    /// `countries/<slug>/atom.xml`.
    CountryFeed(usize),
    /// The site's JSON Feed, `feed.json` (the reports of [`PageKey::Feed`]).
    JsonFeed,
    /// The JSON Feed of the region at this index, `regions/<slug>/feed.json`.
    RegionJsonFeed(usize),
    /// The JSON Feed of the country at this index, `countries/<slug>/feed.json`.
    CountryJsonFeed(usize),
    /// The data file of the country at this index, `countries/<slug>/data.json`
    /// ([`dossier::CountryData`]).
    CountryData(usize),
    /// `sitemap.xml`: the sitemap, or with more than [`SITEMAP_LIMIT`]
    /// URLs an index of its parts.
    Sitemap,
    /// Part `n` (0-based) of a sitemap too big for one file.
    SitemapPart(usize),
    /// `robots.txt`.
    Robots,
    /// `reports.json`, every report's front matter and URL (small sites only: see
    /// `reports_json_limit`).
    ReportsJson,
    /// `data/index.json`: the data exports by month, with their counts.
    DataIndex,
    /// `data/YYYY-MM.json`: the reports of the month at this index of [`Site::months`].
    DataMonth(usize),
    /// `data/reports.csv`, every report as a CSV row (small sites only, as
    /// [`PageKey::ReportsJson`]).
    ReportsCsv,
    /// `data/YYYY-MM.csv`: the reports of the month at this index as CSV.
    DataMonthCsv(usize),
    /// A file of the search index (see [`search`]).
    SearchIndex(SearchFile),
    /// The search page, `search/`.
    Search,
    /// The world map's country shapes, [`map::SPRITE_PATH`], that every page's map
    /// uses.
    WorldMap,
}

impl PageKey {
    /// Whether the output is made by code rather than a template.
    fn is_generated(self) -> bool {
        matches!(
            self,
            PageKey::Feed
                | PageKey::RegionFeed(_)
                | PageKey::CountryFeed(_)
                | PageKey::JsonFeed
                | PageKey::RegionJsonFeed(_)
                | PageKey::CountryJsonFeed(_)
                | PageKey::CountryData(_)
                | PageKey::Sitemap
                | PageKey::SitemapPart(_)
                | PageKey::Robots
                | PageKey::ReportsJson
                | PageKey::DataIndex
                | PageKey::DataMonth(_)
                | PageKey::ReportsCsv
                | PageKey::DataMonthCsv(_)
                | PageKey::SearchIndex(_)
                | PageKey::WorldMap
        )
    }
}

/// The format of a feed: Atom (RFC 4287) or JSON Feed 1.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FeedFormat {
    Atom,
    Json,
}

/// What an output made by code is made of: [`Renderer::generate`] reads nothing else
/// (but the configuration), and [`Renderer::fingerprint`] hashes all of it, so that a
/// rebuild cannot miss a change to a generated output (a feed without entries is as
/// new as the site, and changes with it).
enum Generated<'r> {
    /// A feed of `reports` (indices into [`Site::reports`], at most `feed_limit`),
    /// updated at `updated` (Atom only), in `format`.
    Feed {
        format: FeedFormat,
        title: String,
        page_path: &'r str,
        feed_path: String,
        reports: &'r [usize],
        updated: Option<ReportDate>,
    },
    /// A sitemap (or one part of a big one).
    Sitemap(&'r [SitemapEntry<'r>]),
    /// The index of a sitemap in parts: each part's newest date.
    SitemapIndex(Vec<Option<ReportDate>>),
    /// `robots.txt`.
    Robots,
    /// A JSON export of these reports (`reports.json`, `data/YYYY-MM.json`).
    Reports(&'r [usize]),
    /// A CSV export of these reports (`data/reports.csv`, `data/YYYY-MM.csv`).
    Csv(&'r [usize]),
    /// `data/index.json`.
    DataIndex {
        total: usize,
        with_all: bool,
        parts: Vec<feeds::DataPart>,
    },
    /// A file of the search index (see [`search`]).
    Search(SearchFile),
    /// A country's data file.
    CountryData(dossier::CountryData<'r>),
    /// The world map's shapes (the same for every site: [`map::sprite`]).
    WorldMap,
}

/// Everything a page's template sees besides `config` and `generator` (the same for
/// every page), and so everything its HTML depends on with given templates and config.
/// Serialised into the tera context; hashed by [`Renderer::fingerprint`] to tell
/// whether a page must be rendered again.
#[derive(Serialize, Hash)]
struct PageData<'r> {
    #[serde(skip)]
    template: &'static str,
    current_path: String,
    root: String,
    regions: &'r [LinkView],
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<&'r [LinkView]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'r LinkView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<&'r LinkView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    countries: Option<&'r [LinkView]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'r LinkView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reports: Option<Vec<ReportView<'r>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paginator: Option<Paginator>,
    /// The overview chart (SVG markup) and its legend: on the home page and `months/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    chart: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chart_legend: Option<Vec<LegendItem>>,
    /// The world map of the page's reports: on the first page of the home page, of
    /// each region and of each month.
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<map::MapView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<ReportView<'r>>,
    /// On the first page of a country, its dossier.
    #[serde(skip_serializing_if = "Option::is_none")]
    dossier: Option<dossier::DossierView<'r>>,
    /// On the first page of a month, its edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<edition::EditionView<'r>>,
    /// The trend signals the map's legend lists: on the home page and each region's
    /// page, the newest month's; on a month's page, that month's.
    #[serde(skip_serializing_if = "Option::is_none")]
    map_signals: Option<Vec<dossier::SignalView>>,
    /// On a report page, the reports related to it ([`Site::related`]), maybe none.
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<Vec<RelatedView<'r>>>,
    /// Open Graph values and JSON-LD (see [`share`]).
    share: share::ShareView,
    /// Whether the whole-site exports (`reports.json`, `data/reports.csv`) are
    /// written (see `reports_json_limit`); else only those by month.
    whole_exports: bool,
}

/// What a report page shows of a related report: only this, so that editing
/// anything else of it does not render the page again.
#[derive(Debug, Clone, Serialize, Hash)]
struct RelatedView<'r> {
    title: &'r str,
    /// Path from the site root.
    path: &'r str,
    /// ISO date.
    date: String,
    /// Date for readers.
    date_display: String,
    region: Option<&'r LinkView>,
}

/// Where a paginated list page is, and its neighbours (paths from the site root).
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Paginator {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages the list has (at least 1).
    pub total_pages: usize,
    /// How many reports the whole list has.
    pub total_reports: usize,
    /// The first page (`regions/africa/`).
    pub first: String,
    /// The last page (`regions/africa/page/4/`).
    pub last: String,
    /// The page before, if any.
    pub previous: Option<String>,
    /// The page after, if any.
    pub next: Option<String>,
    /// The pages to link to, in order: the first and the last, and the current one's
    /// neighbours (see [`page_window`]).
    pub pages: Vec<PageLink>,
}

/// One region in the chart's legend.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct LegendItem {
    /// The region's name.
    pub name: String,
    /// Its bars' colour (`#0072B2`).
    pub colour: &'static str,
}

/// One page of a paginated list.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct PageLink {
    /// Its number, from 1.
    pub number: usize,
    /// Its path from the site root.
    pub path: String,
    /// Pages are left out between this one and the one before it in
    /// [`Paginator::pages`] (templates show `…`).
    pub gap_before: bool,
}

/// How many pages on each side of the current one a paginator links to.
pub const PAGE_WINDOW: usize = 2;

/// The page numbers (0-based) a paginator of `pages` pages at page `n` links to: the
/// first and the last, and [`PAGE_WINDOW`] on each side of the current one; in order,
/// with whether pages are left out before each. A bounded window, as Hugo's and Zola's
/// paginators have: linking every page from every page makes an archive's index pages
/// grow with the square of its size.
pub fn page_window(pages: usize, n: usize) -> Vec<(usize, bool)> {
    let mut shown: Vec<usize> = vec![0];
    shown.extend(n.saturating_sub(PAGE_WINDOW)..=(n + PAGE_WINDOW).min(pages.saturating_sub(1)));
    shown.push(pages.saturating_sub(1));
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::with_capacity(shown.len());
    let mut previous: Option<usize> = None;
    for k in shown {
        out.push((k, previous.is_some_and(|p| k > p + 1)));
        previous = Some(k);
    }
    out
}

/// Renders pages of one [`Site`] with one set of templates. Views shared by many
/// pages are made once: region and month links in [`Renderer::new`], report summaries
/// when first needed.
pub struct Renderer<'a> {
    site: &'a Site,
    tera: &'a Tera,
    /// What report views link to ([`Self::view`]).
    links: ViewLinks<'a>,
    /// Region links with counts, and without (for navigation).
    region_links: Vec<LinkView>,
    region_nav: Vec<LinkView>,
    month_links: Vec<LinkView>,
    /// Indices of all reports, newest first (the home page's list).
    all_reports: Vec<usize>,
    /// Country links with counts.
    country_links: Vec<LinkView>,
    common: Context,
    raw_html: RawHtml,
    /// The sitemap's entries, made once, when first needed.
    sitemap: OnceLock<Vec<SitemapEntry<'a>>>,
    /// The search index (its blocks made when first needed).
    search: SearchIndex<'a>,
    /// Each report's view as a template value, made when first needed (each report
    /// is listed on four or five pages: its region's, its month's, its countries'),
    /// for a small site ([`crate::site::model::SMALL_SITE`]; else empty).
    view_values: Vec<OnceLock<tera::Value>>,
}

impl<'a> Renderer<'a> {
    /// Prepares to render `site` with `tera`.
    pub fn new(site: &'a Site, tera: &'a Tera) -> Renderer<'a> {
        let base = &site.config.base_url;
        let region_links: Vec<LinkView> = site
            .regions
            .iter()
            .map(|(r, list)| LinkView {
                name: r.name.to_string(),
                path: format!("{REGIONS_DIR}{}/", r.slug),
                count: Some(list.len()),
            })
            .collect();
        let region_nav: Vec<LinkView> = region_links.iter().map(LinkView::uncounted).collect();
        let month_links: Vec<LinkView> = site
            .months
            .iter()
            .map(|(m, list)| month_link(m, Some(list.len())))
            .collect();
        let country_links: Vec<LinkView> = site
            .countries
            .iter()
            .map(|(t, list)| LinkView {
                name: t.name.clone(),
                path: format!("{COUNTRIES_DIR}{}/", t.slug),
                count: Some(list.len()),
            })
            .collect();
        let country_by_key: HashMap<String, Link> = site
            .countries
            .iter()
            .zip(&country_links)
            .map(|((t, _), l)| (term_key(&t.name), Link::new(l.uncounted())))
            .collect();
        let region_by_slug: HashMap<&str, Link> = site
            .regions
            .iter()
            .zip(&region_nav)
            .map(|((r, _), link)| (r.slug.as_ref(), Link::new(link.clone())))
            .collect();
        let month_values: HashMap<Month, tera::Value> = (site.months.iter())
            .map(|(m, _)| (*m, tera::Value::from_serializable(&month_link(m, None))))
            .collect();
        let config = ConfigView {
            title: &site.config.title,
            description: &site.config.description,
            base_url: base,
            language: &site.config.language,
            extra: &site.config.extra,
        };
        let mut common = Context::new();
        common.insert("config", &config);
        common.insert("generator", concat!("sitrep ", env!("CARGO_PKG_VERSION")));
        Renderer {
            site,
            tera,
            links: ViewLinks {
                base_url: base,
                region_by_slug,
                country_by_key,
                month_values,
            },
            region_links,
            region_nav,
            month_links,
            all_reports: (0..site.reports.len()).collect(),
            country_links,
            common,
            sitemap: OnceLock::new(),
            search: SearchIndex::new(site),
            view_values: match site.reports.len() {
                n if n <= SMALL_SITE => (0..n).map(|_| OnceLock::new()).collect(),
                _ => Vec::new(),
            },
            raw_html: if site.config.allow_raw_html {
                RawHtml::Allow
            } else {
                RawHtml::Sanitise
            },
        }
    }

    /// The view of report `i` (an index into [`Site::reports`]).
    fn view(&self, i: usize) -> ReportView<'_> {
        ReportView {
            page: &self.site.reports[i],
            links: &self.links,
            value: self.view_values.get(i),
        }
    }

    /// Every page of the site.
    pub fn all_pages(&self) -> Vec<PageKey> {
        let mut keys: Vec<PageKey> = (0..self.site.reports.len()).map(PageKey::Report).collect();
        keys.extend(self.index_pages());
        keys
    }

    /// Every page but the reports: home, region and month indexes, 404, feeds,
    /// sitemap, `robots.txt`, `reports.json`.
    pub fn index_pages(&self) -> Vec<PageKey> {
        let mut keys = vec![
            PageKey::Regions,
            PageKey::Months,
            PageKey::NotFound,
            PageKey::Feed,
            PageKey::JsonFeed,
            PageKey::Sitemap,
            PageKey::Robots,
            PageKey::DataIndex,
            PageKey::Search,
            PageKey::WorldMap,
        ];
        keys.extend(self.search.files().into_iter().map(PageKey::SearchIndex));
        if self.writes_reports_json() {
            keys.extend([PageKey::ReportsJson, PageKey::ReportsCsv]);
        }
        keys.extend((0..self.site.months.len()).map(PageKey::DataMonth));
        keys.extend((0..self.site.months.len()).map(PageKey::DataMonthCsv));
        keys.extend((0..self.page_count(self.home_list().len())).map(PageKey::Home));
        let parts = feeds::sitemap_parts(self.sitemap_entries().len(), SITEMAP_LIMIT);
        keys.extend((0..parts).map(PageKey::SitemapPart));
        for (i, (_, list)) in self.site.regions.iter().enumerate() {
            keys.extend((0..self.page_count(list.len())).map(|n| PageKey::Region(i, n)));
        }
        keys.extend((0..self.site.regions.len()).map(PageKey::RegionFeed));
        keys.extend((0..self.site.regions.len()).map(PageKey::RegionJsonFeed));
        for (i, (_, list)) in self.site.months.iter().enumerate() {
            keys.extend((0..self.page_count(list.len())).map(|n| PageKey::Month(i, n)));
        }
        keys.push(PageKey::Countries);
        for (i, (_, list)) in self.site.countries.iter().enumerate() {
            keys.extend((0..self.page_count(list.len())).map(|n| PageKey::Country(i, n)));
        }
        keys.extend((0..self.site.countries.len()).map(PageKey::CountryFeed));
        keys.extend((0..self.site.countries.len()).map(PageKey::CountryJsonFeed));
        keys.extend((0..self.site.countries.len()).map(PageKey::CountryData));
        keys
    }

    /// Whether the site is small enough for `reports.json` and `data/reports.csv` (see
    /// [`crate::site::config::Config::reports_json_limit`]).
    fn writes_reports_json(&self) -> bool {
        let limit = self.site.config.reports_json_limit;
        limit == 0 || self.site.reports.len() <= limit
    }

    /// How many pages a list of `len` reports takes (at least one, also when empty).
    fn page_count(&self, len: usize) -> usize {
        len.div_ceil(self.page_size(len)).max(1)
    }

    /// How many reports each page of a list of `len` reports holds: `paginate_by`, or
    /// all of them (at least 1) when pages are not paginated.
    fn page_size(&self, len: usize) -> usize {
        match self.site.config.paginate_by {
            0 => len.max(1),
            size => size,
        }
    }

    /// The reports the home page lists: all of them, paginated, or the newest
    /// `home_reports` when pages are not paginated.
    fn home_list(&self) -> &[usize] {
        let all = &self.all_reports;
        match self.site.config.paginate_by {
            0 => &all[..all.len().min(self.site.config.home_reports)],
            _ => all,
        }
    }

    /// The reports on page `n` (0-based) of a list, and its paginator.
    fn paginate(&self, list: &[usize], n: usize, base: &str) -> (Vec<ReportView<'_>>, Paginator) {
        let size = self.page_size(list.len());
        let pages = self.page_count(list.len());
        let path = |k: usize| page_path(base, k);
        let slice = &list[(n * size).min(list.len())..((n + 1) * size).min(list.len())];
        let paginator = Paginator {
            current: n + 1,
            total_pages: pages,
            total_reports: list.len(),
            first: path(0),
            last: path(pages - 1),
            previous: (n > 0).then(|| path(n - 1)),
            next: (n + 1 < pages).then(|| path(n + 1)),
            pages: page_window(pages, n)
                .into_iter()
                .map(|(k, gap_before)| PageLink {
                    number: k + 1,
                    path: path(k),
                    gap_before,
                })
                .collect(),
        };
        (slice.iter().map(|&i| self.view(i)).collect(), paginator)
    }
    /// About how many reports making the page at `key` reads: the reports it lists
    /// (a list page, a data export, the sitemap), 1 for a report or a page of its own.
    /// Pages are rendered heaviest first, so that a region page listing thousands of
    /// reports is not left for one core at the end of a build.
    pub fn weight(&self, key: PageKey) -> usize {
        let site = self.site;
        // A list page's first page (the fullest), a feed's reports.
        let listed = |len: usize| len.min(self.page_size(len));
        let feed = |len: usize| len.min(site.config.feed_len());
        match key {
            PageKey::Home(_) => listed(self.home_list().len()),
            PageKey::Region(i, _) => listed(site.regions[i].1.len()),
            PageKey::Month(i, _) => listed(site.months[i].1.len()),
            PageKey::Country(i, _) => listed(site.countries[i].1.len()),
            PageKey::CountryData(i) => site.countries[i].1.len(),
            PageKey::DataMonth(i) | PageKey::DataMonthCsv(i) => site.months[i].1.len(),
            PageKey::ReportsJson | PageKey::ReportsCsv | PageKey::Sitemap => site.reports.len(),
            PageKey::SitemapPart(_) => SITEMAP_LIMIT.min(site.reports.len()),
            PageKey::Feed | PageKey::JsonFeed => feed(site.reports.len()),
            PageKey::RegionFeed(i) | PageKey::RegionJsonFeed(i) => feed(site.regions[i].1.len()),
            PageKey::CountryFeed(i) | PageKey::CountryJsonFeed(i) => {
                feed(site.countries[i].1.len())
            }
            _ => 1,
        }
    }

    /// The page's site path, with a trailing slash (`reports/x/`, `` for home);
    /// `404.html` for the not-found page.
    pub fn path(&self, key: PageKey) -> String {
        match key {
            PageKey::Report(i) => self.site.reports[i].path.clone(),
            PageKey::Home(n) => page_path("", n),
            PageKey::Regions => REGIONS_DIR.into(),
            PageKey::Region(i, n) => page_path(&self.region_links[i].path, n),
            PageKey::Months => MONTHS_DIR.into(),
            PageKey::Month(i, n) => page_path(&self.month_links[i].path, n),
            PageKey::NotFound => "404.html".into(),
            PageKey::Countries => COUNTRIES_DIR.into(),
            PageKey::Country(i, n) => page_path(&self.country_links[i].path, n),
            PageKey::Feed => ATOM_FEED_FILE.into(),
            PageKey::RegionFeed(i) => format!("{}{ATOM_FEED_FILE}", self.region_links[i].path),
            PageKey::CountryFeed(i) => format!("{}{ATOM_FEED_FILE}", self.country_links[i].path),
            PageKey::JsonFeed => JSON_FEED_FILE.into(),
            PageKey::RegionJsonFeed(i) => {
                format!("{}{JSON_FEED_FILE}", self.region_links[i].path)
            }
            PageKey::CountryJsonFeed(i) => {
                format!("{}{JSON_FEED_FILE}", self.country_links[i].path)
            }
            PageKey::CountryData(i) => {
                format!("{}{}", self.country_links[i].path, dossier::DATA_FILE)
            }
            PageKey::Sitemap => "sitemap.xml".into(),
            PageKey::SitemapPart(n) => sitemap_part_path(n),
            PageKey::Robots => "robots.txt".into(),
            PageKey::ReportsJson => "reports.json".into(),
            PageKey::DataIndex => format!("{DATA_DIR}index.json"),
            PageKey::DataMonth(i) => data_month_path(&self.site.months[i].0.slug()),
            PageKey::ReportsCsv => REPORTS_CSV_PATH.into(),
            PageKey::DataMonthCsv(i) => data_month_csv_path(&self.site.months[i].0.slug()),
            PageKey::SearchIndex(file) => SearchIndex::path(file),
            PageKey::Search => SEARCH_DIR.into(),
            PageKey::WorldMap => map::SPRITE_PATH.into(),
        }
    }

    /// The file the page is written to, relative to the output root
    /// (`reports/x/index.html`).
    pub fn output_file(&self, key: PageKey) -> String {
        let path = self.path(key);
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        }
    }

    /// What the output made by code at `key` is made of (see [`Generated`]).
    fn generated<'r>(&'r self, key: PageKey) -> Generated<'r> {
        let site = self.site;
        let format = match key {
            PageKey::JsonFeed | PageKey::RegionJsonFeed(_) | PageKey::CountryJsonFeed(_) => {
                FeedFormat::Json
            }
            _ => FeedFormat::Atom,
        };
        let feed = |link: Option<&'r LinkView>, list: &'r [usize]| {
            let (title, page_path) = match link {
                Some(l) => (format!("{} — {}", l.name, site.config.title), &*l.path),
                None => (site.config.title.clone(), ""),
            };
            self.feed(key, format, title, page_path, list)
        };
        match key {
            PageKey::Feed | PageKey::JsonFeed => feed(None, &self.all_reports),
            PageKey::RegionFeed(i) | PageKey::RegionJsonFeed(i) => {
                feed(Some(&self.region_links[i]), &site.regions[i].1)
            }
            PageKey::CountryFeed(i) | PageKey::CountryJsonFeed(i) => {
                feed(Some(&self.country_links[i]), &site.countries[i].1)
            }
            PageKey::Sitemap | PageKey::SitemapPart(_) => {
                let entries = self.sitemap_entries();
                let parts: Vec<&[SitemapEntry]> = entries.chunks(SITEMAP_LIMIT).collect();
                match key {
                    PageKey::Sitemap if parts.len() <= 1 => Generated::Sitemap(entries),
                    PageKey::Sitemap => Generated::SitemapIndex(
                        parts
                            .iter()
                            .map(|p| p.iter().filter_map(|e| e.lastmod).max())
                            .collect(),
                    ),
                    PageKey::SitemapPart(n) => Generated::Sitemap(parts[n]),
                    _ => unreachable!(),
                }
            }
            PageKey::Robots => Generated::Robots,
            PageKey::ReportsJson => Generated::Reports(&self.all_reports),
            PageKey::DataMonth(i) => Generated::Reports(&site.months[i].1),
            PageKey::ReportsCsv => Generated::Csv(&self.all_reports),
            PageKey::DataMonthCsv(i) => Generated::Csv(&site.months[i].1),
            PageKey::DataIndex => Generated::DataIndex {
                total: site.reports.len(),
                with_all: self.writes_reports_json(),
                parts: site
                    .months
                    .iter()
                    .map(|(m, list)| feeds::DataPart {
                        month: m.slug(),
                        path: data_month_path(&m.slug()),
                        csv_path: data_month_csv_path(&m.slug()),
                        reports: list.len(),
                        updated: site.reports[list[0]].date(),
                    })
                    .collect(),
            },
            PageKey::SearchIndex(file) => Generated::Search(file),
            PageKey::CountryData(i) => Generated::CountryData(self.country_data(i)),
            PageKey::WorldMap => Generated::WorldMap,
            _ => unreachable!("only generated outputs"),
        }
    }

    /// The feed at `key`, in `format`, titled `title`, of the page at `page_path`,
    /// listing the first `feed_limit` reports of `list`.
    fn feed<'s>(
        &'s self,
        key: PageKey,
        format: FeedFormat,
        title: String,
        page_path: &'s str,
        list: &'s [usize],
    ) -> Generated<'s> {
        let list = &list[..list.len().min(self.site.config.feed_len())];
        Generated::Feed {
            format,
            title,
            page_path,
            feed_path: self.output_file(key),
            reports: list,
            // A feed without entries is as new as the site.
            updated: list
                .first()
                .or(self.all_reports.first())
                .map(|&i| self.site.reports[i].date()),
        }
    }

    /// Renders an output made by code: feeds, sitemap, `robots.txt`, JSON, the
    /// search index.
    fn generate(&self, key: PageKey) -> Result<Vec<u8>> {
        let config = &self.site.config;
        let base = &config.base_url;
        let reports =
            |idx: &[usize]| -> Vec<&Page> { idx.iter().map(|&i| &*self.site.reports[i]).collect() };
        let text = match self.generated(key) {
            Generated::Feed {
                format: FeedFormat::Atom,
                title,
                page_path,
                feed_path,
                reports: list,
                updated,
            } => feeds::atom_feed(
                config,
                &title,
                page_path,
                &feed_path,
                &reports(list),
                updated,
            ),
            Generated::Feed {
                format: FeedFormat::Json,
                title,
                page_path,
                feed_path,
                reports: list,
                updated: _,
            } => feeds::json_feed(config, &title, page_path, &feed_path, &reports(list)),
            Generated::Sitemap(entries) => feeds::sitemap(base, entries),
            Generated::SitemapIndex(lastmod) => feeds::sitemap_index(base, lastmod.len(), &lastmod),
            Generated::Robots => Ok(feeds::robots_txt(base)),
            Generated::Reports(list) => feeds::reports_json(base, reports(list)),
            Generated::Csv(list) => feeds::reports_csv(base, reports(list)),
            Generated::DataIndex {
                total,
                with_all,
                parts,
            } => feeds::data_index(base, total, with_all, &parts),
            Generated::Search(file) => return self.search.bytes(file),
            Generated::CountryData(data) => {
                serde_json::to_string_pretty(&data).map_err(|e| anyhow!("{e}"))
            }
            Generated::WorldMap => Ok(map::sprite()),
        };
        text.map(String::into_bytes)
    }

    /// Every HTML page but the 404 page, with the newest report date it shows.
    fn sitemap_entries(&self) -> &[SitemapEntry<'a>] {
        self.sitemap.get_or_init(|| self.make_sitemap_entries())
    }

    fn make_sitemap_entries(&self) -> Vec<SitemapEntry<'a>> {
        let newest = |idx: &[usize]| idx.first().map(|&i| self.site.reports[i].date());
        let overall = self.site.reports.first().map(|p| p.date());
        let site = self.site;
        // Sized at once: a million reports' entries with no room to spare.
        let count = 4 + site.regions.len() + site.countries.len() + site.months.len();
        let mut entries = Vec::with_capacity(count + site.reports.len());
        let mut add = |path: Cow<'a, str>, lastmod| entries.push(SitemapEntry { path, lastmod });
        add("".into(), overall);
        add(REGIONS_DIR.into(), overall);
        for ((_, list), link) in self.site.regions.iter().zip(&self.region_links) {
            add(link.path.clone().into(), newest(list));
        }
        add(COUNTRIES_DIR.into(), overall);
        for ((_, list), link) in self.site.countries.iter().zip(&self.country_links) {
            add(link.path.clone().into(), newest(list));
        }
        add(MONTHS_DIR.into(), overall);
        for ((_, list), link) in self.site.months.iter().zip(&self.month_links) {
            add(link.path.clone().into(), newest(list));
        }
        for p in &site.reports {
            add(p.path.as_str().into(), Some(p.date()));
        }
        entries
    }

    /// What the page at `key` shows: its template, and everything the template sees.
    fn page_data(&self, key: PageKey) -> PageData<'_> {
        let mut data = self.common_data(key);
        match key {
            PageKey::Report(i) => {
                data.template = "report.html";
                data.page = Some(self.view(i));
                data.related = Some(self.related(i));
            }
            PageKey::Home(n) => {
                data.template = "index.html";
                data.regions = &self.region_links;
                data.months = Some(&self.month_links);
                data.total = Some(self.site.reports.len());
                self.add_list(&mut data, self.home_list(), n, "");
                if n == 0 {
                    self.add_chart(&mut data);
                    self.add_map(&mut data, &self.all_reports, None, map::Extent::World);
                    data.map_signals = self.newest_signals(None);
                }
            }
            PageKey::Regions => {
                data.template = "regions.html";
                data.regions = &self.region_links;
            }
            PageKey::Months => {
                data.template = "months.html";
                data.months = Some(&self.month_links);
                self.add_chart(&mut data);
            }
            PageKey::Countries => {
                data.template = "countries.html";
                data.countries = Some(&self.country_links);
            }
            PageKey::NotFound => data.template = "404.html",
            PageKey::Search => data.template = "search.html",
            PageKey::Region(i, n) => {
                data.template = "region.html";
                data.region = Some(&self.region_links[i]);
                let list = &self.site.regions[i].1;
                self.add_list(&mut data, list, n, &self.region_links[i].path);
                if n == 0 {
                    let name = Some(self.region_links[i].name.as_str());
                    self.add_map(&mut data, list, name, map::Extent::Reports);
                    data.map_signals = self.newest_signals(Some(i));
                }
            }
            PageKey::Country(i, n) => {
                data.template = "country.html";
                data.country = Some(&self.country_links[i]);
                let base = &self.country_links[i].path;
                self.add_list(&mut data, &self.site.countries[i].1, n, base);
                if n == 0 {
                    data.dossier = Some(self.dossier(i, &data.root));
                }
            }
            PageKey::Month(i, n) => {
                data.template = "month.html";
                data.month = Some(&self.month_links[i]);
                let list = &self.site.months[i].1;
                self.add_list(&mut data, list, n, &self.month_links[i].path);
                if n == 0 {
                    let name = Some(self.month_links[i].name.as_str());
                    self.add_map(&mut data, list, name, map::Extent::World);
                    data.map_signals = Some(self.month_signals(self.site.months[i].0, None));
                    data.edition = Some(self.edition(i));
                }
            }
            _ => unreachable!("generated outputs have no template"),
        }
        data.share = self.share(key, &data);
        data
    }

    /// What the page at `key`, showing `data`, tells sharing sites and search
    /// engines (see [`share::ShareView`]).
    fn share(&self, key: PageKey, data: &PageData) -> share::ShareView {
        let config = &self.site.config;
        let paged = |name: &str, n: usize| match n {
            0 => name.to_string(),
            n => format!("{name} — page {}", n + 1),
        };
        let (title, description) = match key {
            PageKey::Report(i) => {
                let page = self.view(i);
                let publisher = share::Publisher {
                    name: &config.title,
                    url: &config.base_url,
                    language: &config.language,
                };
                let (url, date) = (page.permalink(), page.date());
                let article = share::Article {
                    title: page.title(),
                    permalink: &url,
                    date: &date,
                    countries: page.countries(),
                    region: page.region().map(|r| r.name.as_str()),
                    summary: page.summary(),
                };
                return share::ShareView {
                    json_ld: Some(share::news_article(&article, &publisher)),
                    title: page.title().to_string(),
                    kind: "article",
                    description: page.summary().unwrap_or(&config.description).to_string(),
                    url,
                    published: Some(date),
                };
            }
            PageKey::Home(n) => (paged(&config.title, n), None),
            PageKey::Regions => ("Regions".into(), None),
            PageKey::Months => ("Archive".into(), None),
            PageKey::Countries => ("Countries".into(), None),
            PageKey::Search => ("Search".into(), None),
            PageKey::NotFound => ("Page not found".into(), None),
            PageKey::Region(i, n) => {
                let name = &self.region_links[i].name;
                (paged(name, n), Some(format!("Reports from {name}")))
            }
            PageKey::Month(i, n) => {
                let name = &self.month_links[i].name;
                (paged(name, n), Some(format!("Reports from {name}")))
            }
            PageKey::Country(i, n) => {
                let name = &self.country_links[i].name;
                (paged(name, n), Some(format!("Reports that mention {name}")))
            }
            _ => unreachable!("generated outputs have no template"),
        };
        share::ShareView {
            title,
            kind: "website",
            url: format!("{}{}", config.base_url, data.current_path),
            description: description.unwrap_or_else(|| config.description.clone()),
            published: None,
            json_ld: None,
        }
    }

    /// What every page's template sees: where the page is, the way back to the root,
    /// and the regions for navigation.
    fn common_data(&self, key: PageKey) -> PageData<'_> {
        let current_path = self.path(key);
        let root = match key {
            // The 404 page is served at any URL, so its links are absolute.
            PageKey::NotFound => self.site.config.base_url.clone(),
            _ => relative_root(&current_path),
        };
        PageData {
            template: "",
            current_path,
            root,
            regions: &self.region_nav,
            months: None,
            region: None,
            month: None,
            countries: None,
            country: None,
            reports: None,
            paginator: None,
            chart: None,
            chart_legend: None,
            map: None,
            total: None,
            page: None,
            dossier: None,
            edition: None,
            map_signals: None,
            related: None,
            share: share::ShareView::default(),
            whole_exports: self.writes_reports_json(),
        }
    }

    /// What the page of the report at `i` shows of its related reports.
    fn related(&self, i: usize) -> Vec<RelatedView<'_>> {
        self.site
            .related(i)
            .into_iter()
            .map(|j| {
                let v = self.view(j);
                RelatedView {
                    title: v.title(),
                    path: v.path(),
                    date: v.date(),
                    date_display: v.date_display(),
                    region: v.region(),
                }
            })
            .collect()
    }

    /// The trend signals of the archive's newest month (of the countries of the region
    /// at index `region`, when given).
    fn newest_signals(&self, region: Option<usize>) -> Option<Vec<dossier::SignalView>> {
        let (month, _) = self.site.months.first()?;
        Some(self.month_signals(*month, region))
    }

    /// Adds page `n` (0-based) of the list of reports `list`, whose first page is at
    /// `base`, and its paginator.
    fn add_list<'r>(&'r self, data: &mut PageData<'r>, list: &[usize], n: usize, base: &str) {
        let (reports, paginator) = self.paginate(list, n, base);
        data.reports = Some(reports);
        data.paginator = Some(paginator);
    }

    /// Adds the overview chart, drawn for the page's root, and its legend.
    fn add_chart(&self, data: &mut PageData) {
        // Writing SVG into memory cannot fail; a failure would only lose the chart.
        data.chart = chart::months_chart(self.site, &data.root).ok().flatten();
        data.chart_legend = Some(
            chart::legend(self.site)
                .into_iter()
                .map(|(name, colour)| LegendItem { name, colour })
                .collect(),
        );
    }

    /// Adds the world map of the reports `list`, drawn for the page's root, showing
    /// `extent`; `name` is the region's or month's (none for the whole site).
    fn add_map(
        &self,
        data: &mut PageData,
        list: &[usize],
        name: Option<&str>,
        extent: map::Extent,
    ) {
        let label = match name {
            Some(name) => format!("Map of {name}'s reports by country"),
            None => "Map of reports by country".to_string(),
        };
        data.map = map::world_map(self.site, list, &data.root, &label, extent);
    }

    /// A hash of everything the page depends on besides the templates and the
    /// configuration: equal fingerprints give equal bytes. A report page's body is
    /// left out (it is not in the page's data): it changes only with the report's
    /// file, which a rebuild renders anyway; everything else a report page shows (its
    /// countries' names and pages, its region) may change with other files, and is in.
    pub fn fingerprint(&self, key: PageKey) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = fingerprint_hasher();
        if !key.is_generated() {
            self.page_data(key).hash(&mut h);
            return h.finish();
        }
        // Generated outputs: a hash of what they are made of, reports included
        // (cheaper than making them). Every field is named, none skipped with `..`:
        // a new input of a generated output cannot be left out of its fingerprint.
        match self.generated(key) {
            Generated::Feed {
                format,
                title,
                page_path,
                feed_path,
                reports,
                updated,
            } => {
                (format, title, page_path, feed_path, updated).hash(&mut h);
                self.hash_reports(&mut h, reports, false);
            }
            Generated::Sitemap(entries) => entries.hash(&mut h),
            Generated::SitemapIndex(lastmod) => lastmod.hash(&mut h),
            Generated::Robots => {}
            Generated::Reports(list) => self.hash_reports(&mut h, list, false),
            Generated::Csv(list) => {
                "csv".hash(&mut h);
                self.hash_reports(&mut h, list, false);
            }
            Generated::DataIndex {
                total,
                with_all,
                parts,
            } => (total, with_all, parts).hash(&mut h),
            Generated::Search(file) => self.search.hash_inputs(file, &mut h),
            Generated::CountryData(data) => data.hash(&mut h),
            Generated::WorldMap => map::sprite().hash(&mut h),
        }
        h.finish()
    }

    /// Hashes what a generated output may show of the reports `list` (and their bodies,
    /// when `body`; see [`Page::hash_shown`]).
    fn hash_reports(&self, h: &mut impl std::hash::Hasher, list: &[usize], body: bool) {
        use std::hash::Hash;
        list.len().hash(h);
        for &i in list {
            self.site.reports[i].hash_shown(body, h);
        }
    }

    /// Renders one page to HTML.
    ///
    /// Errors: the template fails; the message names the template and the page.
    pub fn render(&self, key: PageKey) -> Result<Vec<u8>> {
        if key.is_generated() {
            return self.generate(key);
        }
        let data = self.page_data(key);
        let mut ctx = self.common.clone();
        ctx.extend(Context::from_serialize(&data).map_err(|e| anyhow!("{e}"))?);
        // The Markdown body; templates get it rendered, as `content`.
        if let PageKey::Report(i) = key {
            let page = &self.site.reports[i];
            let html = markdown_to_html(&page.body()?, self.raw_html).map_err(|e| {
                anyhow!(
                    "{}:{}: {}",
                    page.file.display(),
                    page.body_line + e.line - 1,
                    e.message
                )
            })?;
            ctx.insert("content", &html);
        }
        self.tera
            .render(data.template, &ctx)
            .map(String::into_bytes)
            .map_err(|e| {
                anyhow!(
                    "rendering `{}` for /{}: {e}",
                    data.template,
                    data.current_path
                )
            })
    }
}

/// The hasher of fingerprints: XXH3, 64 bits, over all the bytes written (many times
/// faster than SipHash on a page's data, and a hash made for telling contents apart;
/// fingerprints live in memory only, so its values need not be stable).
fn fingerprint_hasher() -> Fingerprint {
    Fingerprint(Vec::with_capacity(4096))
}

/// A [`Hasher`](std::hash::Hasher) that gathers the bytes written to it and hashes
/// them at once with XXH3 when finished: the many short writes of a page's data cost
/// a copy each, not a round of a streaming hash.
pub(crate) struct Fingerprint(Vec<u8>);

impl std::hash::Hasher for Fingerprint {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.0)
    }
}

/// Renders `keys` into `out`, in parallel, telling `progress` of each page. Once `stop`
/// is set, the pages not started yet are skipped and `out` is left incomplete: the
/// caller, which set it, throws `out` away.
///
/// Errors: every page that fails (not just the first), one per line.
pub fn render_pages(
    renderer: &Renderer,
    keys: &[PageKey],
    out: &dyn Sink,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<()> {
    // The search index's shards and facets come block by block, each block made,
    // written and let go before the next: the index is never all in memory.
    let mut blocks: BTreeMap<u32, Vec<PageKey>> = BTreeMap::new();
    let mut pages = Vec::with_capacity(keys.len());
    for &key in keys {
        match key {
            PageKey::SearchIndex(file) if let Some(b) = file.made_with_block() => {
                blocks.entry(b).or_default().push(key)
            }
            _ => pages.push(key),
        }
    }
    // Heaviest first (a stable sort: reports keep their order).
    pages.sort_by_key(|&key| std::cmp::Reverse(renderer.weight(key)));
    progress.start(keys.len(), "rendering");
    let mut errors = render_each(renderer, &pages, out, progress, stop);
    for (b, keys) in blocks {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        match renderer.search.prepare_block(b, stop) {
            Ok(()) => errors.extend(render_each(renderer, &keys, out, progress, stop)),
            // Stopped part-way: `out` is thrown away.
            Err(_) if stop.load(Ordering::Relaxed) => break,
            Err(e) => errors.push(format!("{e:#}")),
        }
        renderer.search.release_block(b);
    }
    progress.finish();
    if errors.is_empty() {
        return Ok(());
    }
    // A report whose file changed during the build fails its page and its search
    // block alike: one error.
    errors.sort();
    errors.dedup();
    Err(RenderErrors(errors).into())
}

/// Renders `keys` into `out` in parallel (see [`render_pages`]); the errors.
fn render_each(
    renderer: &Renderer,
    keys: &[PageKey],
    out: &dyn Sink,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Vec<String> {
    keys.par_iter()
        .filter_map(|&key| {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            progress.tick();
            renderer
                .render(key)
                .and_then(|bytes| out.write(&renderer.output_file(key), &bytes))
                .err()
                .map(|e| format!("{e:#}"))
        })
        .collect()
}

/// The errors of every page that failed to render, each naming its page or file.
#[derive(Debug)]
pub struct RenderErrors(pub Vec<String>);

impl std::fmt::Display for RenderErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

impl std::error::Error for RenderErrors {}

fn month_link(m: &Month, count: Option<usize>) -> LinkView {
    LinkView {
        name: m.name(),
        path: month_path(&m.slug()),
        count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The site of `config` and the reports `(name, front matter lines)`, each
    /// written to `<tmp>/content/<name>.md` with the text "Words of <name>.".
    fn site_of(tmp: &std::path::Path, config: &str, reports: &[(&str, &str)]) -> Site {
        use crate::site::config::Config;
        use crate::site::content::load_page;
        use crate::site::region::Regions;
        let content = tmp.join("content");
        std::fs::create_dir_all(&content).unwrap();
        let config = Config::parse(config, std::path::Path::new("c.yaml")).unwrap();
        let regions = Regions::new(&config.regions).unwrap();
        let pages = reports
            .iter()
            .map(|(name, front)| {
                let file = content.join(format!("{name}.md"));
                let text = format!("---\n{front}\n---\nWords of {name}.\n");
                std::fs::write(&file, text).unwrap();
                let mut page = load_page(&file, &content, &regions).unwrap();
                page.leave_body_in_file();
                std::sync::Arc::new(page)
            })
            .collect();
        Site::new(config, &regions, pages).unwrap()
    }

    #[test]
    fn pages_listing_more_reports_weigh_more() {
        let tmp = tempfile::tempdir().unwrap();
        let report = |day: u32| {
            format!(
                "title: r{day}\ndate: 2025-0{}-0{day}\ncountries: [Chad]",
                day / 4 + 1
            )
        };
        let fronts: Vec<String> = (1..=5).map(report).collect();
        let names = ["r1", "r2", "r3", "r4", "r5"];
        let reports: Vec<(&str, &str)> = names
            .iter()
            .copied()
            .zip(fronts.iter().map(String::as_str))
            .collect();
        let site = site_of(
            tmp.path(),
            "base_url: https://e.org/\npaginate_by: 2\nfeed_limit: 0\n",
            &reports,
        );
        let tera = theme::load_templates(&tmp.path().join("theme"), &tmp.path().join("t")).unwrap();
        let renderer = Renderer::new(&site, &tera);
        // Newest month first: February (r4, r5), then January (r1 to r3).
        assert_eq!(site.months[1].1.len(), 3);
        assert_eq!(
            renderer.weight(PageKey::Month(1, 0)),
            2,
            "a page lists at most 2"
        );
        assert_eq!(
            renderer.weight(PageKey::DataMonth(1)),
            3,
            "an export lists them all"
        );
        assert_eq!(renderer.weight(PageKey::ReportsJson), 5);
        assert_eq!(renderer.weight(PageKey::CountryData(0)), 5);
        assert_eq!(renderer.weight(PageKey::Report(0)), 1);
        assert_eq!(renderer.weight(PageKey::Robots), 1);
        // `feed_limit: 0`: feeds hold every report of their list.
        assert_eq!(renderer.weight(PageKey::Feed), 5);
        assert_eq!(renderer.weight(PageKey::CountryJsonFeed(0)), 5);
    }

    #[test]
    fn a_report_view_is_made_once_with_the_same_fields() {
        let tmp = tempfile::tempdir().unwrap();
        let front = "title: A\ndate: 2025-01-02\ncountries: [Chad, Sudan]\nsummary: S.";
        let site = site_of(tmp.path(), "base_url: https://e.org/\n", &[("a", front)]);
        let tera = theme::load_templates(&tmp.path().join("theme"), &tmp.path().join("t")).unwrap();
        let renderer = Renderer::new(&site, &tera);
        let fields = tera::Value::from_serializable(&Fields(renderer.view(0)));
        assert!(renderer.view_values[0].get().is_none());
        let first = tera::Value::from_serializable(&renderer.view(0));
        assert_eq!(first, fields);
        assert_eq!(renderer.view_values[0].get(), Some(&fields), "kept");
        assert_eq!(tera::Value::from_serializable(&renderer.view(0)), fields);
        let links = fields.get_from_path("country_links").unwrap();
        assert_eq!(links.as_array().unwrap().len(), 2);
        let month = fields.get_from_path("month.path").unwrap();
        assert_eq!(month.as_str(), Some("months/2025-01/"));
    }

    #[test]
    fn a_body_changed_during_a_build_is_one_error_naming_its_file() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        let reports = [
            ("a", "title: a\ndate: 2025-01-02"),
            ("b", "title: b\ndate: 2025-01-02"),
        ];
        let site = site_of(tmp.path(), "base_url: https://e.org/\n", &reports);
        let tera = theme::load_templates(&tmp.path().join("theme"), &tmp.path().join("t")).unwrap();
        let renderer = Renderer::new(&site, &tera);
        let keys = renderer.all_pages();
        let render = || {
            let out = sink::Buffered::default();
            let stop = AtomicBool::new(false);
            render_pages(&renderer, &keys, &out, &crate::progress::Silent, &stop).map(|()| out)
        };
        let files = render().unwrap().into_files();
        assert!(String::from_utf8_lossy(&files["a/index.html"]).contains("Words of a."));
        // Its report page and its search block both fail: one error.
        std::fs::write(
            content.join("a.md"),
            "---\ntitle: a\ndate: 2025-01-02\n---\nOther.\n",
        )
        .unwrap();
        let err = render().unwrap_err().downcast::<RenderErrors>().unwrap();
        assert_eq!(err.0.len(), 1, "{:?}", err.0);
        assert!(err.0[0].ends_with("a.md: changed while the site was being built: build again"));
        std::fs::remove_file(content.join("a.md")).unwrap();
        let err = render().unwrap_err().downcast::<RenderErrors>().unwrap();
        assert_eq!(err.0.len(), 1, "{:?}", err.0);
        assert!(
            err.0[0].contains("a.md: changed while the site was being built (it can no longer")
        );
    }

    #[test]
    fn paginators_link_a_bounded_window() {
        let numbers = |pages, n| {
            page_window(pages, n)
                .into_iter()
                .map(|(k, gap)| format!("{}{}", if gap { "…" } else { "" }, k + 1))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(numbers(1, 0), "1");
        assert_eq!(numbers(3, 1), "1 2 3");
        assert_eq!(numbers(5000, 0), "1 2 3 …5000");
        assert_eq!(numbers(5000, 2499), "1 …2498 2499 2500 2501 2502 …5000");
        assert_eq!(numbers(5000, 4999), "1 …4998 4999 5000");
        assert_eq!(numbers(6, 3), "1 2 3 4 5 6");
        // However long the list, at most 2 × PAGE_WINDOW + 3 links.
        assert!(page_window(1_000_000, 500_000).len() <= 2 * PAGE_WINDOW + 3);
    }
}
