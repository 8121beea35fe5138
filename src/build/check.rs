//! `sitrep check`: build the site in memory and look for what would embarrass it once
//! published: broken internal links and anchors, reports without a region, duplicate
//! titles. (Errors that stop a build, such as bad front matter, unknown regions or
//! two pages with one URL, are reported as by `sitrep build`.)

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::Result;
use scraper::{Html, Selector};

use crate::build::{BuildOptions, Builder};
use crate::render::sink::Buffered;
use crate::site::content::{Page, find_content_files};
use crate::site::front_matter;

/// What `check` found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckReport {
    /// Problems that make the site wrong (broken links and anchors), one line each,
    /// naming the page.
    pub errors: Vec<String>,
    /// Things worth a look (no region, the same title twice).
    pub warnings: Vec<String>,
    /// Pages and files checked.
    pub files: usize,
    /// Internal links checked.
    pub links: usize,
    /// Reports waiting for an editor's review (front matter `review:`), drafts
    /// included: `content/reports/x.md: date, region (a draft)`, in file order.
    pub review: Vec<String>,
}

/// Builds the site in memory (nothing is written) and checks it.
///
/// Errors: the build fails (see [`Builder::build`]).
pub fn check(opts: &BuildOptions) -> Result<CheckReport> {
    let mut builder = Builder::one_shot(opts.clone());
    let out = Buffered::default();
    let pages = builder.build_into(&out)?;
    let files = out.into_files();
    let mut report = CheckReport {
        files: files.len(),
        ..Default::default()
    };
    report.warnings = content_warnings(&pages);
    check_links(&files, &builder.base_url().unwrap_or_default(), &mut report);
    report.review = waiting_for_review(opts)?;
    Ok(report)
}

/// Every content file whose front matter lists fields to review, drafts included
/// (they are not built, but an editor must see them): the file, the fields, and
/// whether it is a draft.
///
/// Errors: the content folder cannot be read.
fn waiting_for_review(opts: &BuildOptions) -> Result<Vec<String>> {
    let content = opts.content_dir();
    let mut out = Vec::new();
    for file in find_content_files(&content)? {
        let Ok(bytes) = crate::text::read_input(&file) else {
            continue; // the build has reported it
        };
        let text = crate::text::decode(&bytes).text;
        let Ok(doc) = front_matter::parse(&text, &file) else {
            continue;
        };
        let fm = doc.front_matter;
        if fm.review.is_empty() {
            continue;
        }
        let fields: Vec<&str> = fm.review.iter().map(|r| r.name()).collect();
        let draft = if fm.draft { " (a draft)" } else { "" };
        out.push(format!("{}: {}{draft}", file.display(), fields.join(", ")));
    }
    Ok(out)
}

/// Reports without a region, and titles used twice (spacing and case aside).
fn content_warnings(pages: &[std::sync::Arc<Page>]) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut titles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in pages {
        if p.region.is_none() {
            warnings.push(format!(
                "{}: no region (add `region:`, or a country sitrep knows)",
                p.file.display()
            ));
        }
        let title = p.front_matter.title.split_whitespace().collect::<Vec<_>>();
        titles
            .entry(title.join(" ").to_lowercase())
            .or_default()
            .push(p.file.display().to_string());
    }
    for (_, files) in titles.into_iter().filter(|(_, f)| f.len() > 1) {
        warnings.push(format!("the same title in {}", files.join(", ")));
    }
    warnings
}

/// Checks every link and anchor of every HTML page in `files` (output path -> bytes)
/// of a site at `base` (its `base_url`), counting links and adding broken ones to
/// `report`.
fn check_links(files: &BTreeMap<String, Vec<u8>>, base: &str, report: &mut CheckReport) {
    let html_files: BTreeMap<&str, Html> = files
        .iter()
        .filter(|(f, _)| f.ends_with(".html"))
        .map(|(f, bytes)| {
            let doc = Html::parse_document(&String::from_utf8_lossy(bytes));
            (f.as_str(), doc)
        })
        .collect();
    let ids = Selector::parse("[id]").expect("valid selector");
    let linked = Selector::parse("[href], [src]").expect("valid selector");
    let anchors: HashMap<&str, BTreeSet<&str>> = html_files
        .iter()
        .map(|(f, doc)| {
            let set = doc
                .select(&ids)
                .filter_map(|e| e.value().attr("id"))
                .collect();
            (*f, set)
        })
        .collect();
    for (file, doc) in &html_files {
        if *file == "404.html" {
            continue; // served at any URL: its links are absolute
        }
        for el in doc.select(&linked) {
            for link in ["href", "src"].iter().filter_map(|a| el.value().attr(a)) {
                if let Some(error) = check_link(file, link, base, files, &anchors, report) {
                    report.errors.push(error);
                }
            }
        }
    }
}

/// Checks one link of the page `file`: counts it if it leads into the site, and
/// returns the error if it is broken (no such file, no such anchor, outside the
/// site's path).
fn check_link(
    file: &str,
    link: &str,
    base: &str,
    files: &BTreeMap<String, Vec<u8>>,
    anchors: &HashMap<&str, BTreeSet<&str>>,
    report: &mut CheckReport,
) -> Option<String> {
    let target = match resolve(file, link, base) {
        Target::Site(t) => t,
        Target::Elsewhere => return None,
        Target::OutsideBase => {
            report.links += 1;
            return Some(format!(
                "{file}: broken link `{link}` (outside the site's path `{}`)",
                base_path(base)
            ));
        }
    };
    report.links += 1;
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p.to_string(), Some(f)),
        None => (target.clone(), None),
    };
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    if !files.contains_key(&path) {
        return Some(format!("{file}: broken link `{link}` (no `{path}`)"));
    }
    let frag = fragment.filter(|f| !f.is_empty())?;
    let found = anchors.get(path.as_str()).is_some_and(|a| a.contains(frag));
    (path.ends_with(".html") && !found)
        .then(|| format!("{file}: broken anchor `{link}` (no id `{frag}` in `{path}`)"))
}

/// Where a link leads.
#[derive(Debug, PartialEq)]
enum Target {
    /// An output file (with any `#fragment`), relative to the output root.
    Site(String),
    /// Another site, `mailto:`...: not checked.
    Elsewhere,
    /// A root-relative path outside the path of `base_url` (`/x/` on a site deployed
    /// at `/reports/`): broken once deployed.
    OutsideBase,
}

/// The path part of `base_url` (`/reports/` for `https://e.org/reports/`).
fn base_path(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.find('/').map_or("/", |i| &rest[i..])
}

/// Where a link on page `file` (a path from the output root) leads, for a site
/// deployed at `base_url`.
fn resolve(file: &str, link: &str, base_url: &str) -> Target {
    let link = link.split('?').next().unwrap_or(link);
    if !base_url.is_empty()
        && let Some(r) = link.strip_prefix(base_url)
    {
        return Target::Site(r.to_string());
    }
    if link.contains("://")
        || link.starts_with("//")
        || link.contains(':') && !link.starts_with('#')
    {
        return Target::Elsewhere;
    }
    if let Some(fragment) = link.strip_prefix('#') {
        return Target::Site(format!("{file}#{fragment}"));
    }
    let mut parts: Vec<&str> = file.split('/').collect();
    parts.pop(); // the file name
    let (mut path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (link, None),
    };
    if path.starts_with('/') {
        // Root-relative: from the host's root, so within the base path or nowhere.
        match path.strip_prefix(base_path(base_url)) {
            Some(rest) => path = rest,
            None if format!("{path}/") == base_path(base_url) => path = "",
            None => return Target::OutsideBase,
        }
        parts.clear();
    }
    let trailing = path.ends_with('/');
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::OutsideBase;
                }
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    Target::Site(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolving_links() {
        let r = |f, l| resolve(f, l, "https://e.org/s/");
        let site = |s: &str| Target::Site(s.into());
        assert_eq!(
            r("reports/x/index.html", "../../regions/"),
            site("regions/")
        );
        assert_eq!(r("index.html", "style.css"), site("style.css"));
        assert_eq!(r("index.html", ""), site(""));
        assert_eq!(r("a/index.html", "#fn1"), site("a/index.html#fn1"));
        assert_eq!(r("a/index.html", "../b/#x"), site("b/#x"));
        assert_eq!(
            r("a/index.html", "https://e.org/s/atom.xml"),
            site("atom.xml")
        );
        assert_eq!(r("a/index.html", "https://other.org/"), Target::Elsewhere);
        assert_eq!(r("a/index.html", "mailto:x@y.z"), Target::Elsewhere);
        assert_eq!(r("index.html", "../../outside"), Target::OutsideBase);
        // Root-relative links count from the host: under the base path only.
        assert_eq!(r("a/index.html", "/s/reports/b/"), site("reports/b/"));
        assert_eq!(r("a/index.html", "/s"), site(""));
        assert_eq!(r("a/index.html", "/reports/b/"), Target::OutsideBase);
        assert_eq!(
            resolve("a/index.html", "/reports/b/", "https://e.org/"),
            site("reports/b/")
        );
    }
}
