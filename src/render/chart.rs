//! The overview chart: reports per month, stacked by region, as an SVG drawn at build
//! time (no JavaScript). Each bar links to its month's page.

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::site::Site;
use crate::site::paths::month_path;

/// Bar colours, one per region in configured order: the Okabe-Ito palette (told apart
/// also with colour-vision deficiencies), then Paul Tol's muted palette, 16 in all
/// (then repeated).
pub const PALETTE: &[&str] = &[
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288",
    "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
];

/// The colour of reports without a region.
const NO_REGION: &str = "#888888";

/// Bar width: wide when there are few months, never under 6 pixels.
fn bar_width(months: usize) -> u32 {
    (560 / months.max(1) as u32).clamp(6, 48)
}
const GAP: u32 = 4;
const HEIGHT: u32 = 160;
const LEFT: u32 = 36;
const BOTTOM: u32 = 40;
const TOP: u32 = 10;

/// The chart as SVG markup, for a page whose path to the site root is `root` (bars
/// link to `root` + `months/YYYY-MM/`). Months run oldest to newest, left to right;
/// each bar's segments are the regions' counts, in configured order from the bottom.
/// `None` when the site has no reports.
///
/// Errors: writing the XML fails (not expected).
pub fn months_chart(site: &Site, root: &str) -> Result<Option<String>> {
    if site.months.is_empty() {
        return Ok(None);
    }
    let region_of = |i: usize| {
        site.reports[i]
            .region
            .as_ref()
            .and_then(|r| site.regions.iter().position(|(g, _)| g.slug == r.slug))
    };
    let months: Vec<_> = site.months.iter().rev().collect();
    let max = months
        .iter()
        .map(|(_, l)| l.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let bar = bar_width(months.len());
    let width = LEFT + months.len() as u32 * (bar + GAP) + GAP;
    let height = TOP + HEIGHT + BOTTOM;
    let scale = |n: usize| (n as f64 * HEIGHT as f64 / max as f64).round() as u32;

    let mut w = Writer::new(Vec::new());
    let title = format!(
        "Reports per month, by region, {} to {}",
        months[0].0.name(),
        months[months.len() - 1].0.name()
    );
    write_frame(&mut w, width, height, &title, max)?;
    for (k, (month, list)) in months.iter().enumerate() {
        let x = LEFT + GAP + k as u32 * (bar + GAP);
        let mut counts = vec![0usize; site.regions.len() + 1];
        for &i in list {
            counts[region_of(i).unwrap_or(site.regions.len())] += 1;
        }
        let label = format!(
            "{}: {} {}",
            month.name(),
            list.len(),
            if list.len() == 1 { "report" } else { "reports" }
        );
        let mut a = BytesStart::new("a");
        let href = format!("{root}{}", month_path(&month.slug()));
        a.push_attribute(("href", href.as_str()));
        a.push_attribute(("aria-label", label.as_str()));
        w.write_event(Event::Start(a))?;
        text_element(&mut w, "title", &[], &label)?;
        write_bar(&mut w, x, bar, &counts, &scale)?;
        w.write_event(Event::End(BytesEnd::new("a")))?;
        // A year label under each January, and under the first month.
        if k == 0 || month.month == 1 {
            text_element(
                &mut w,
                "text",
                &[
                    ("x", &x.to_string()),
                    ("y", &(TOP + HEIGHT + 16).to_string()),
                    ("class", "chart-axis"),
                ],
                &month.year.to_string(),
            )?;
        }
    }
    w.write_event(Event::End(BytesEnd::new("svg")))?;
    Ok(Some(
        String::from_utf8(w.into_inner()).expect("the XML writer writes UTF-8"),
    ))
}

/// Opens the `<svg>` element, `width` by `height` pixels, with its `title` and the
/// axis labels (`max` at the top, zero at the bottom).
fn write_frame(
    w: &mut Writer<Vec<u8>>,
    width: u32,
    height: u32,
    title: &str,
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
    svg.push_attribute(("aria-labelledby", "chart-title"));
    w.write_event(Event::Start(svg))?;
    text_element(w, "title", &[("id", "chart-title")], title)?;
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

/// One month's bar at `x`, `bar` pixels wide: a segment per region with reports
/// (`counts`, in configured order, reports without a region last), stacked from the
/// bottom; `scale` turns a count into pixels.
fn write_bar(
    w: &mut Writer<Vec<u8>>,
    x: u32,
    bar: u32,
    counts: &[usize],
    scale: &dyn Fn(usize) -> u32,
) -> Result<()> {
    let regions = counts.len() - 1;
    let mut y = TOP + HEIGHT;
    let mut stacked = 0;
    for (r, &n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
        stacked += n;
        // Heights from the running total, so rounding never loses a pixel.
        let top = TOP + HEIGHT - scale(stacked);
        let colour = if r < regions {
            PALETTE[r % PALETTE.len()]
        } else {
            NO_REGION
        };
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
        .map(|(i, (r, _))| (r.name.clone(), PALETTE[i % PALETTE.len()]))
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
