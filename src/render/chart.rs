//! The overview chart: reports per month, stacked by region, as an SVG drawn at build
//! time (no JavaScript). Each bar links to its month's page.

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::site::paths::month_path;
use crate::site::{Month, Site};

/// Bar colours, one per region in configured order: the Okabe-Ito palette (told apart
/// also with colour-vision deficiencies), then Paul Tol's muted palette, 16 in all
/// (then repeated).
pub const PALETTE: &[&str] = &[
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
    "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
];

/// The colour of reports without a region.
const NO_REGION: &str = "#888888";

/// Bar width for `slots` slots: wide when there are few, never under 2 pixels.
fn bar_width(slots: usize) -> u32 {
    (560 / slots.max(1) as u32).clamp(2, 48)
}
/// The space between bars of width `bar`.
fn gap_for(bar: u32) -> u32 {
    (bar / 4).clamp(1, 4)
}
const HEIGHT: u32 = 160;
/// The room a year's label needs on the axis, in pixels.
const YEAR_LABEL_WIDTH: u32 = 30;
const LEFT: u32 = 36;
const BOTTOM: u32 = 40;
const TOP: u32 = 10;

/// The most months a chart shows month by month; an archive spanning more is shown
/// year by year.
pub const MAX_MONTHLY_SLOTS: i64 = 480;

/// The class of the mark (a triangle over the bar) of a month with a trend signal on
/// a country's chart: a shape, not a colour, so that no region's colour can be taken
/// for it.
pub const SIGNAL_MARK_CLASS: &str = "chart-signal";

/// What a chart's bars stand for: each month of the archive's span, or each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Month,
    Year,
}

/// The time axis of a chart: from `first` to `last`, in `step`s. Every step is a
/// slot, with or without reports: empty months are gaps.
#[derive(Debug, Clone, Copy)]
struct Axis {
    first: Month,
    last: Month,
    step: Step,
    slots: usize,
}

impl Axis {
    /// The axis from the oldest month to the newest month of `site` (`None` when it
    /// has no reports).
    fn of(site: &Site) -> Option<Axis> {
        let first = site.months.last()?.0;
        let last = site.months.first()?.0;
        let months = last.index() - first.index() + 1;
        Some(if months <= MAX_MONTHLY_SLOTS {
            Axis {
                first,
                last,
                step: Step::Month,
                slots: months as usize,
            }
        } else {
            Axis {
                first,
                last,
                step: Step::Year,
                slots: (last.year - first.year + 1) as usize,
            }
        })
    }

    /// What the axis spans, for a chart's title: `per month, June 2024 to July 2025`.
    fn describe(&self) -> String {
        let step = match self.step {
            Step::Month => "month",
            Step::Year => "year",
        };
        format!("per {step}, {} to {}", self.first.name(), self.last.name())
    }

    /// The slot of `month`.
    fn slot(&self, month: Month) -> usize {
        match self.step {
            Step::Month => (month.index() - self.first.index()) as usize,
            Step::Year => (month.year - self.first.year) as usize,
        }
    }

    /// The year to print under `slot`, if any: under each January (each tenth year
    /// by years) and under the first slot.
    fn year_label(&self, slot: usize) -> Option<i32> {
        match self.step {
            Step::Month => {
                let m = Month::from_index(self.first.index() + slot as i64);
                (slot == 0 || m.month == 1).then_some(m.year)
            }
            Step::Year => {
                let year = self.first.year + slot as i32;
                (slot == 0 || year % 10 == 0).then_some(year)
            }
        }
    }
}

/// One bar: at `slot`, linking to `href`, titled `label`, made of `segments`
/// (colour, count) stacked from the bottom, with a signal's mark over it when
/// `marked`.
struct Bar {
    slot: usize,
    href: String,
    label: String,
    segments: Vec<(&'static str, usize)>,
    marked: bool,
}

/// `n reports` / `1 report`.
fn reports(n: usize) -> String {
    format!("{n} {}", if n == 1 { "report" } else { "reports" })
}

/// The chart as SVG markup, for a page whose path to the site root is `root` (bars
/// link to `root` + `months/YYYY-MM/`). Months run oldest to newest, left to right,
/// every month of the archive's span a slot (empty months are gaps; an archive of
/// more than [`MAX_MONTHLY_SLOTS`] months is shown by year, each year's bar leading
/// to its newest month); each bar's segments are the regions' counts, in configured
/// order from the bottom. `None` when the site has no reports.
///
/// Errors: writing the XML fails (not expected).
pub fn months_chart(site: &Site, root: &str) -> Result<Option<String>> {
    let Some(axis) = Axis::of(site) else {
        return Ok(None);
    };
    let colour = |r: usize| {
        if r < site.regions.len() {
            PALETTE[r % PALETTE.len()]
        } else {
            NO_REGION
        }
    };
    // Oldest first; by year, the newest month of each year gives the link.
    let mut bars: Vec<(Bar, Vec<usize>)> = Vec::new();
    for (month, list) in site.months.iter().rev() {
        let slot = axis.slot(*month);
        let href = format!("{root}{}", month_path(&month.slug()));
        if bars.last().is_none_or(|(b, _)| b.slot != slot) {
            bars.push((
                Bar {
                    slot,
                    href: String::new(),
                    label: String::new(),
                    segments: Vec::new(),
                    marked: false,
                },
                vec![0; site.regions.len() + 1],
            ));
        }
        let (bar, counts) = bars.last_mut().expect("pushed above");
        bar.href = href;
        for &i in list {
            counts[site.region_of(i).unwrap_or(site.regions.len())] += 1;
        }
        let total: usize = counts.iter().sum();
        bar.label = match axis.step {
            Step::Month => format!("{}: {}", month.name(), reports(total)),
            Step::Year => format!("{}: {}", month.year, reports(total)),
        };
    }
    let bars: Vec<Bar> = bars
        .into_iter()
        .map(|(mut bar, counts)| {
            bar.segments = counts
                .into_iter()
                .enumerate()
                .map(|(r, n)| (colour(r), n))
                .collect();
            bar
        })
        .collect();
    let title = format!("Reports {}, by region", axis.describe());
    draw(&axis, &bars, &title, "chart-title").map(Some)
}

/// The chart of the reports naming the country at index `t` of `site.countries`,
/// over the whole archive's span (as [`months_chart`]), in `colour`; the months (or
/// years) with a trend signal ([`crate::site::trend`]) carry a mark (a triangle of
/// class [`SIGNAL_MARK_CLASS`]) and their signal in the bar's title. `None` when the
/// site has no reports.
///
/// Errors: writing the XML fails (not expected).
pub fn country_chart(
    site: &Site,
    t: usize,
    root: &str,
    colour: &'static str,
) -> Result<Option<String>> {
    let Some(axis) = Axis::of(site) else {
        return Ok(None);
    };
    let timeline = &site.timelines[t];
    let mut bars: Vec<Bar> = Vec::new();
    for (&(month, n), signal) in timeline.months.iter().zip(&timeline.signals) {
        let slot = axis.slot(month);
        if bars.last().is_none_or(|b| b.slot != slot) {
            bars.push(Bar {
                slot,
                href: String::new(),
                label: String::new(),
                segments: vec![(colour, 0)],
                marked: false,
            });
        }
        let bar = bars.last_mut().expect("pushed above");
        // By year, the bar leads to the year's newest month.
        bar.href = format!("{root}{}", month_path(&month.slug()));
        bar.segments[0].1 += n as usize;
        bar.marked |= signal.is_some();
        let total = bar.segments[0].1;
        bar.label = match (axis.step, signal) {
            (Step::Month, Some(s)) => {
                format!("{}: {}, {}", month.name(), reports(total), s.label())
            }
            (Step::Month, None) => format!("{}: {}", month.name(), reports(total)),
            (Step::Year, _) if bar.marked => {
                format!("{}: {}, with a trend signal", month.year, reports(total))
            }
            (Step::Year, _) => format!("{}: {}", month.year, reports(total)),
        };
    }
    let name = &site.countries[t].0.name;
    let title = format!("Reports naming {name} {}", axis.describe());
    draw(&axis, &bars, &title, "country-chart-title").map(Some)
}

/// Draws `bars` on `axis`, titled `title` (the title element's id `title_id`).
fn draw(axis: &Axis, bars: &[Bar], title: &str, title_id: &str) -> Result<String> {
    let max = bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.1).sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let bar = bar_width(axis.slots);
    let gap = gap_for(bar);
    let width = LEFT + axis.slots as u32 * (bar + gap) + gap;
    let height = TOP + HEIGHT + BOTTOM;
    let scale = |n: usize| (n as f64 * HEIGHT as f64 / max as f64).round() as u32;
    let x_of = |slot: usize| LEFT + gap + slot as u32 * (bar + gap);

    let mut w = Writer::new(Vec::new());
    write_frame(&mut w, width, height, title, title_id, max)?;
    for b in bars {
        let mut a = BytesStart::new("a");
        a.push_attribute(("href", b.href.as_str()));
        a.push_attribute(("aria-label", b.label.as_str()));
        w.write_event(Event::Start(a))?;
        text_element(&mut w, "title", &[], &b.label)?;
        write_bar(&mut w, x_of(b.slot), bar, &b.segments, &scale)?;
        if b.marked {
            let total: usize = b.segments.iter().map(|s| s.1).sum();
            write_mark(&mut w, x_of(b.slot), bar, TOP + HEIGHT - scale(total))?;
        }
        w.write_event(Event::End(BytesEnd::new("a")))?;
    }
    let labels: Vec<(usize, i32)> = (0..axis.slots)
        .filter_map(|slot| axis.year_label(slot).map(|year| (slot, year)))
        .collect();
    for (k, &(slot, year)) in labels.iter().enumerate() {
        // The first slot's label gives way to a January's that follows too closely.
        let crowded = labels
            .get(k + 1)
            .is_some_and(|&(next, _)| x_of(next) - x_of(slot) < YEAR_LABEL_WIDTH);
        if k == 0 && crowded {
            continue;
        }
        text_element(
            &mut w,
            "text",
            &[
                ("x", &x_of(slot).to_string()),
                ("y", &(TOP + HEIGHT + 16).to_string()),
                ("class", "chart-axis"),
            ],
            &year.to_string(),
        )?;
    }
    w.write_event(Event::End(BytesEnd::new("svg")))?;
    Ok(String::from_utf8(w.into_inner()).expect("the XML writer writes UTF-8"))
}

/// Opens the `<svg>` element, `width` by `height` pixels, with its `title` and the
/// axis labels (`max` at the top, zero at the bottom).
fn write_frame(
    w: &mut Writer<Vec<u8>>,
    width: u32,
    height: u32,
    title: &str,
    title_id: &str,
    max: usize,
) -> Result<()> {
    let mut svg = BytesStart::new("svg");
    svg.push_attribute(("xmlns", "http://www.w3.org/2000/svg"));
    svg.push_attribute(("class", "chart"));
    svg.push_attribute(("viewBox", format!("0 0 {width} {height}").as_str()));
    svg.push_attribute(("width", width.to_string().as_str()));
    svg.push_attribute(("height", height.to_string().as_str()));
    // A group, not an image: its bars are links.
    svg.push_attribute(("role", "group"));
    svg.push_attribute(("aria-labelledby", title_id));
    w.write_event(Event::Start(svg))?;
    text_element(w, "title", &[("id", title_id)], title)?;
    for (value, y) in [(max, TOP), (0, TOP + HEIGHT)] {
        text_element(
            w,
            "text",
            &[
                ("x", &(LEFT - 6).to_string()),
                ("y", &(y + 4).to_string()),
                ("text-anchor", "end"),
                ("class", "chart-axis"),
            ],
            &value.to_string(),
        )?;
    }
    Ok(())
}

/// The mark of a signal over a bar at `x`, `bar` pixels wide, whose top is at `top`:
/// a small triangle pointing up.
fn write_mark(w: &mut Writer<Vec<u8>>, x: u32, bar: u32, top: u32) -> Result<()> {
    let centre = x as f64 + bar as f64 / 2.0;
    let half = (bar as f64 / 2.0).max(3.0);
    let base = top.saturating_sub(2) as f64;
    let points = format!(
        "{},{} {},{} {},{}",
        centre - half,
        base,
        centre + half,
        base,
        centre,
        (base - 2.0 * half).max(0.0)
    );
    empty_element(
        w,
        "polygon",
        &[("class", SIGNAL_MARK_CLASS), ("points", points.as_str())],
    )
}

/// One bar at `x`, `bar` pixels wide: a segment per (colour, count) with reports,
/// stacked from the bottom in order; `scale` turns a count into pixels.
fn write_bar(
    w: &mut Writer<Vec<u8>>,
    x: u32,
    bar: u32,
    segments: &[(&str, usize)],
    scale: &dyn Fn(usize) -> u32,
) -> Result<()> {
    let mut y = TOP + HEIGHT;
    let mut stacked = 0;
    for &(colour, n) in segments.iter().filter(|s| s.1 > 0) {
        stacked += n;
        // Heights from the running total, so rounding never loses a pixel.
        let top = TOP + HEIGHT - scale(stacked);
        empty_element(
            w,
            "rect",
            &[
                ("x", &x.to_string()),
                ("y", &top.to_string()),
                ("width", &bar.to_string()),
                ("height", &(y - top).to_string()),
                ("fill", colour),
                ("data-count", &n.to_string()),
            ],
        )?;
        y = top;
    }
    Ok(())
}

/// The chart's legend: (region name, colour), in configured order, and "No region"
/// when some report has none.
pub fn legend(site: &Site) -> Vec<(String, &'static str)> {
    let mut items: Vec<_> = site
        .regions
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (r.name.to_string(), PALETTE[i % PALETTE.len()]))
        .collect();
    if site.reports.iter().any(|p| p.region.is_none()) {
        items.push(("No region".into(), NO_REGION));
    }
    items
}

fn text_element(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Result<()> {
    let mut start = BytesStart::new(name);
    for a in attrs {
        start.push_attribute(*a);
    }
    w.write_event(Event::Start(start))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

fn empty_element(w: &mut Writer<Vec<u8>>, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
    let mut start = BytesStart::new(name);
    for a in attrs {
        start.push_attribute(*a);
    }
    w.write_event(Event::Empty(start))?;
    Ok(())
}
