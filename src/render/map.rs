//! The world map: countries shaded by their number of reports, as SVG drawn at build
//! time (no JavaScript, no request beyond the site).
//!
//! The country shapes are Natural Earth's 1:110m countries (public domain), from the
//! npm package world-atlas 2 (ISC), projected with Equal Earth and simplified by
//! `scripts/world_map.cjs` into `world_map.tsv`, compiled in (notices in
//! `world_map.NOTICE`). They are written once,
//! as the site's [`SPRITE_PATH`] (one `<path id="SD">` per country, by ISO 3166-1
//! alpha-2 code); each page's map is a small SVG of `<use>` elements pointing at it,
//! with a class per country ([`class_breaks`]), a link to its country page and a
//! `<title>`. The counts table ([`MapView::counts`]) is the map's text alternative, and
//! lists too the countries the map does not draw (small islands, dissolved states).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::Serialize;

use crate::geo::gazetteer;
use crate::site::Site;
use crate::site::paths::COUNTRIES_DIR;

/// The shapes file's path from the site root.
pub const SPRITE_PATH: &str = "world-map.svg";

/// How many shading classes a map has at most.
pub const MAX_CLASSES: usize = 5;

/// One country's shape, in map units (the map's view box is [`Shapes::view_box`]).
struct Shape {
    /// ISO 3166-1 alpha-2 code (`XK` for Kosovo); `None` for areas Natural Earth draws
    /// without one (N. Cyprus, Somaliland), drawn but never shaded.
    code: Option<&'static str>,
    /// Natural Earth's name (`Dem. Rep. Congo`), for areas sitrep does not know.
    name: &'static str,
    /// Its bounding box: min x, min y, max x, max y.
    bbox: Rect,
    /// The SVG path (relative commands).
    d: &'static str,
}

/// A rectangle in map units: min x, min y, max x, max y.
type Rect = [f64; 4];

/// The compiled-in shapes.
struct Shapes {
    /// The whole map: min x, min y, max x, max y.
    view_box: Rect,
    shapes: Vec<Shape>,
    /// Index into `shapes` by code.
    by_code: HashMap<&'static str, usize>,
}

const DATA: &str = include_str!("world_map.tsv");

/// The shapes, read from [`DATA`] on first use.
fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut view_box = [0.0; 4];
        let mut shapes = Vec::new();
        let numbers = |text: &str| -> Rect {
            let mut out = [0.0; 4];
            for (o, v) in out.iter_mut().zip(text.split(' ')) {
                *o = v.parse().expect("world_map.tsv: a number");
            }
            out
        };
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields[..] {
                ["viewBox", v] => {
                    let [x, y, w, h] = numbers(v);
                    view_box = [x, y, x + w, y + h];
                }
                [code, name, bbox, d] => shapes.push(Shape {
                    code: (code != "-").then_some(code),
                    name,
                    bbox: numbers(bbox),
                    d,
                }),
                _ => panic!("world_map.tsv: bad line {line:?}"),
            }
        }
        let by_code = shapes
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.code?, i)))
            .collect();
        Shapes {
            view_box,
            shapes,
            by_code,
        }
    })
}

/// The shapes file, written once at [`SPRITE_PATH`]: every country as a `<path>`
/// whose `id` is its code (areas without one: `x-` and their name's slug), without
/// fill or stroke, so that each page's `<use>` colours it.
pub fn sprite() -> String {
    let s = shapes();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\">\n\
         <!-- Made with Natural Earth (public domain), via world-atlas (ISC) -->\n",
        view_box_attr(s.view_box)
    );
    for shape in &s.shapes {
        let _ = writeln!(out, "<path id=\"{}\" d=\"{}\"/>", shape_id(shape), shape.d);
    }
    out.push_str("</svg>\n");
    out
}

/// A rectangle as an SVG `viewBox` value (`min-x min-y width height`).
fn view_box_attr([x0, y0, x1, y1]: Rect) -> String {
    format!(
        "{} {} {} {}",
        x0.round(),
        y0.round(),
        (x1 - x0).round(),
        (y1 - y0).round()
    )
}

/// The narrowest a zoomed map gets, in map units (a little more than Europe's width).
const MIN_ZOOM_WIDTH: f64 = 200.0;

/// The part of the map to show for the shapes `boxes`: their union, with a margin,
/// widened to at least [`MIN_ZOOM_WIDTH`] and to the whole map's proportions, and kept
/// within it. The whole map when `boxes` is empty or would fill most of it.
fn zoom_box(boxes: impl Iterator<Item = Rect>, world: Rect) -> Rect {
    let union = boxes.reduce(|a, b| {
        [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ]
    });
    let Some([x0, y0, x1, y1]) = union else {
        return world;
    };
    let (world_w, world_h) = (world[2] - world[0], world[3] - world[1]);
    let aspect = world_w / world_h;
    let mut w = ((x1 - x0) * 1.2).max(MIN_ZOOM_WIDTH);
    let mut h = (y1 - y0) * 1.2;
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    if w >= world_w * 0.8 {
        return world;
    }
    let x = ((x0 + x1 - w) / 2.0).clamp(world[0], world[2] - w);
    let y = ((y0 + y1 - h) / 2.0).clamp(world[1], world[3] - h);
    [x, y, x + w, y + h]
}

/// Whether two rectangles overlap.
fn overlaps(a: Rect, b: Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn shape_id(shape: &Shape) -> String {
    match shape.code {
        Some(code) => code.to_string(),
        None => format!("x-{}", slug::slugify(shape.name)),
    }
}

/// The shading classes for counts from 1 to `max`, as inclusive ranges, lowest first:
/// one class per count when `max` is at most [`MAX_CLASSES`]; else [`MAX_CLASSES`]
/// classes whose lower bounds grow geometrically (1, then `max`^(k/5) rounded down to
/// 1, 2, 3 or 5 × a power of ten, and at least one more than the class before), so
/// that a few countries with many reports do not leave all others in the lowest class.
/// Empty when `max` is 0.
pub fn class_breaks(max: usize) -> Vec<(usize, usize)> {
    if max <= MAX_CLASSES {
        return (1..=max).map(|n| (n, n)).collect();
    }
    let mut lows: Vec<usize> = vec![1];
    for k in 1..MAX_CLASSES {
        let geometric = nice_floor((max as f64).powf(k as f64 / MAX_CLASSES as f64));
        let low = geometric.max(lows[lows.len() - 1] + 1);
        if low <= max {
            lows.push(low);
        }
    }
    lows.iter()
        .enumerate()
        .map(|(i, &low)| (low, lows.get(i + 1).map_or(max, |next| next - 1)))
        .collect()
}

/// The largest of 1, 2, 3 and 5 × a power of ten not over `x` (at least 1).
fn nice_floor(x: f64) -> usize {
    let mut best = 1;
    let mut power = 1usize;
    while power as f64 <= x {
        for m in [1, 2, 3, 5] {
            if (m * power) as f64 <= x {
                best = m * power;
            }
        }
        power *= 10;
    }
    best
}

/// The class (1-based, as in the CSS classes `m1`..`m5`) of `count` among `breaks`; 0
/// for no report.
fn class_of(count: usize, breaks: &[(usize, usize)]) -> usize {
    breaks
        .iter()
        .position(|&(low, high)| (low..=high).contains(&count))
        .map_or(0, |i| i + 1)
}

/// What a page's template gets of its map.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct MapView {
    /// The map (SVG markup), for the page's root; print it with `safe`.
    pub svg: String,
    /// The legend: the classes in use, lowest first.
    pub classes: Vec<MapClass>,
    /// Every country the page's reports mention, most reports first (then by name):
    /// the map's text alternative.
    pub counts: Vec<MapCount>,
    /// How many of `counts` the map does not draw.
    pub missing: usize,
}

/// One class of the map's legend.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct MapClass {
    /// The CSS class of its countries (`m1`..`m5`).
    pub class: String,
    /// Its counts, for readers (`1`, `2–4`).
    pub label: String,
}

/// One row of the map's counts table.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct MapCount {
    /// The country's name, as reports are listed under it.
    pub name: String,
    /// Its page's path from the site root (`countries/sudan/`).
    pub path: String,
    /// How many of the page's reports mention it.
    pub count: usize,
    /// Whether the map draws it (small islands and dissolved states it does not).
    pub on_map: bool,
}

/// Which part of the world a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// The whole map.
    World,
    /// The countries where the reports are (their primary countries), and around
    /// them: a region's page.
    Reports,
}

/// The map of the reports `list` (indices into [`Site::reports`]) for a page whose
/// path to the site root is `root`, showing `extent`; `label` names it for screen
/// readers (`Map of Africa's reports by country`). `None` when the reports mention no
/// country.
pub fn world_map(
    site: &Site,
    list: &[usize],
    root: &str,
    label: &str,
    extent: Extent,
) -> Option<MapView> {
    let counts = country_counts(site, list);
    let max = counts.iter().map(|c| c.0.count).max()?;
    let breaks = class_breaks(max);
    let s = shapes();
    let view = match extent {
        Extent::World => s.view_box,
        Extent::Reports => zoom_box(
            primary_shapes(site, list).map(|i| s.shapes[i].bbox),
            s.view_box,
        ),
    };
    let svg = draw(&counts, &breaks, view, root, label);
    let classes = breaks
        .iter()
        .enumerate()
        .map(|(k, &(low, high))| MapClass {
            class: format!("m{}", k + 1),
            label: if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            },
        })
        .collect();
    let missing = counts.iter().filter(|c| c.1.is_none()).count();
    Some(MapView {
        svg,
        classes,
        counts: counts.into_iter().map(|c| c.0).collect(),
        missing,
    })
}

/// The map's SVG: every shape that shows in `view`, shaded by its row of `counts`
/// (class from `breaks`) and a link to its page, or neutral.
fn draw(
    counts: &[(MapCount, Option<usize>)],
    breaks: &[(usize, usize)],
    view: Rect,
    root: &str,
    label: &str,
) -> String {
    let s = shapes();
    // The shaded shapes: shape index -> row of `counts` (the one with most reports,
    // should two spellings name one country).
    let mut shaded: HashMap<usize, usize> = HashMap::new();
    for (row, (_, shape)) in counts.iter().enumerate() {
        if let Some(i) = shape {
            shaded.entry(*i).or_insert(row);
        }
    }
    let sprite = format!("{root}{SPRITE_PATH}");
    // How much smaller a map unit is drawn than on the whole map, for strokes of the
    // same width whatever the zoom (`--map-scale` in the theme's CSS).
    let scale = (view[2] - view[0]) / (s.view_box[2] - s.view_box[0]);
    let mut svg = format!(
        "<svg class=\"map\" viewBox=\"{}\" style=\"--map-scale:{:.2}\" aria-label=\"{}\">",
        view_box_attr(view),
        scale,
        escape(label)
    );
    for (i, shape) in s.shapes.iter().enumerate() {
        if !overlaps(shape.bbox, view) {
            continue;
        }
        let id = shape_id(shape);
        let Some(&row) = shaded.get(&i) else {
            let name = shape
                .code
                .and_then(|c| gazetteer().by_code(c))
                .map_or(shape.name, |c| c.name.as_str());
            let _ = write!(
                svg,
                "<use href=\"{sprite}#{id}\"><title>{}: no reports</title></use>",
                escape(name)
            );
            continue;
        };
        let c = &counts[row].0;
        let _ = write!(
            svg,
            "<a href=\"{root}{}\" class=\"m{}\"><title>{}: {} {}</title><use href=\"{sprite}#{id}\"/></a>",
            c.path,
            class_of(c.count, breaks),
            escape(&c.name),
            c.count,
            if c.count == 1 { "report" } else { "reports" }
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The shapes of the reports' primary (first) countries, where the map draws them.
fn primary_shapes<'s>(site: &'s Site, list: &'s [usize]) -> impl Iterator<Item = usize> + 's {
    list.iter().filter_map(|&r| {
        let name = site.reports[r].countries().first()?;
        let code = gazetteer().lookup(name)?.code.as_str();
        shapes().by_code.get(code).copied()
    })
}

/// Every country the reports `list` mention, with its count and its shape's index
/// (`None` when the map does not draw it), most reports first, then by name.
fn country_counts(site: &Site, list: &[usize]) -> Vec<(MapCount, Option<usize>)> {
    // (Each report names each of its terms once in `report_countries`.)
    let mut counts = vec![0usize; site.countries.len()];
    for &r in list {
        for &t in &site.report_countries[r] {
            counts[t] += 1;
        }
    }
    let by_code = &shapes().by_code;
    let mut out: Vec<(MapCount, Option<usize>)> = site
        .countries
        .iter()
        .zip(counts)
        .filter(|&(_, n)| n > 0)
        .map(|((term, _), count)| {
            let shape = gazetteer()
                .lookup(&term.name)
                .and_then(|c| by_code.get(c.code.as_str()).copied());
            let row = MapCount {
                name: term.name.clone(),
                path: format!("{COUNTRIES_DIR}{}/", term.slug),
                count,
                on_map: shape.is_some(),
            };
            (row, shape)
        })
        .collect();
    out.sort_by(|a, b| b.0.count.cmp(&a.0.count).then(a.0.name.cmp(&b.0.name)));
    out
}

/// `text` with `&`, `<`, `>` and `"` escaped, for SVG text and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_breaks_are_one_per_count_up_to_five_then_geometric() {
        assert!(class_breaks(0).is_empty());
        assert_eq!(class_breaks(1), vec![(1, 1)]);
        assert_eq!(class_breaks(3), vec![(1, 1), (2, 2), (3, 3)]);
        assert_eq!(class_breaks(5).len(), 5);
        assert_eq!(
            class_breaks(6),
            vec![(1, 1), (2, 2), (3, 3), (4, 4), (5, 6)]
        );
        assert_eq!(
            class_breaks(20),
            vec![(1, 1), (2, 2), (3, 4), (5, 9), (10, 20)]
        );
        assert_eq!(
            class_breaks(100),
            vec![(1, 1), (2, 4), (5, 9), (10, 29), (30, 100)]
        );
        assert_eq!(
            class_breaks(10_000),
            vec![(1, 4), (5, 29), (30, 199), (200, 999), (1000, 10_000)]
        );
        // Whatever the maximum, the classes cover 1..=max without gaps or overlaps.
        for max in 1..2000 {
            let b = class_breaks(max);
            assert!(b.len() <= MAX_CLASSES, "{max}");
            assert_eq!(b[0].0, 1);
            assert_eq!(b[b.len() - 1].1, max);
            assert!(
                b.windows(2)
                    .all(|w| w[1].0 == w[0].1 + 1 && w[0].0 <= w[0].1)
            );
        }
    }

    #[test]
    fn counts_fall_in_their_class() {
        let b = class_breaks(100);
        assert_eq!(class_of(0, &b), 0);
        assert_eq!(class_of(1, &b), 1);
        assert_eq!(class_of(4, &b), 2);
        assert_eq!(class_of(29, &b), 4);
        assert_eq!(class_of(30, &b), 5);
        assert_eq!(class_of(100, &b), 5);
    }

    #[test]
    fn the_shapes_cover_the_worlds_states_within_the_view_box() {
        let s = shapes();
        assert_eq!(view_box_attr(s.view_box), "133 0 862 439");
        // Natural Earth's 177 countries but Antarctica; N. Cyprus and Somaliland
        // without a code.
        assert_eq!(s.shapes.len(), 176);
        assert_eq!(s.shapes.iter().filter(|s| s.code.is_none()).count(), 2);
        for code in ["SD", "UA", "RU", "US", "FJ", "XK", "PS", "TW"] {
            assert!(s.by_code.contains_key(code), "{code}");
        }
        // Every code is a country sitrep knows but these territories (drawn, never
        // shaded: the gazetteer has sovereign states).
        let unknown: Vec<&str> = s
            .shapes
            .iter()
            .filter_map(|s| s.code)
            .filter(|c| gazetteer().by_code(c).is_none())
            .collect();
        assert_eq!(unknown, ["EH", "FK", "GL", "NC", "PR", "TF"]);
        // Every bounding box lies in the view box (133..995 × 0..439), and Fiji and
        // Russia, cut at the antimeridian, keep to the map's two sides.
        for line in DATA.lines().filter(|l| !l.starts_with(['#', 'v'])) {
            let bbox: Vec<i32> = line
                .split('\t')
                .nth(2)
                .unwrap()
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect();
            assert!(
                bbox[0] >= 133 && bbox[2] <= 995 && bbox[1] >= 0 && bbox[3] <= 439,
                "{line:.40}"
            );
            assert!(bbox[2] - bbox[0] < 750, "{line:.40}");
        }
    }

    #[test]
    fn a_zoomed_map_shows_its_countries_in_the_maps_proportions() {
        let world = [133.0, 0.0, 995.0, 439.0];
        let box_of = |code: &str| shapes().shapes[shapes().by_code[code]].bbox;
        // No shape, or shapes across the world: the whole map.
        assert_eq!(zoom_box(std::iter::empty(), world), world);
        assert_eq!(
            zoom_box([box_of("US"), box_of("CN")].into_iter(), world),
            world
        );
        // Sudan alone: the narrowest zoom, centred on it, in the map's proportions.
        let sd = box_of("SD");
        let z = zoom_box(std::iter::once(sd), world);
        assert!((z[2] - z[0] - MIN_ZOOM_WIDTH).abs() < 1e-9, "{z:?}");
        assert!(((z[2] - z[0]) / (z[3] - z[1]) - 862.0 / 439.0).abs() < 1e-9);
        assert!(
            z[0] < sd[0] && sd[2] < z[2] && z[1] < sd[1] && sd[3] < z[3],
            "{z:?}"
        );
        // New Zealand, at the map's edge: moved back inside it.
        let z = zoom_box(std::iter::once(box_of("NZ")), world);
        assert!(z[2] <= world[2] && z[3] <= world[3], "{z:?}");
        assert!(overlaps(z, box_of("NZ")) && !overlaps(z, box_of("SD")));
    }

    #[test]
    fn the_sprite_has_one_path_per_shape() {
        let sprite = sprite();
        assert_eq!(sprite.matches("<path id=").count(), 176);
        assert!(sprite.contains("<path id=\"SD\" d=\"M"));
        assert!(sprite.contains("<path id=\"x-somaliland\" d=\"M"));
        assert!(sprite.len() < 30_000, "{}", sprite.len());
    }
}
