//! Rendering the site model to HTML: tera templates, Markdown with pulldown-cmark, and
//! fenced code highlighted by syntect with CSS classes.
//!
//! Templates come in three layers, each overriding the one before file by file: the
//! default theme compiled into the binary, `themes/<theme>/templates/`, and the site's
//! own `templates/`. So a site builds even with no theme folder.
//!
//! Templates get small serialisable views (see [`ReportView`]), never the whole site:
//! index pages list report summaries, not bodies.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::{Context as _, Result, anyhow};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;
use tera::{Context, Tera};

use crate::content::Page;
use crate::output::Staging;
use crate::site::{Month, Site};

/// The default theme's templates, compiled in: (name, source).
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "report_list.html",
        include_str!("../themes/default/templates/report_list.html"),
    ),
    (
        "index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "report.html",
        include_str!("../themes/default/templates/report.html"),
    ),
    (
        "regions.html",
        include_str!("../themes/default/templates/regions.html"),
    ),
    (
        "region.html",
        include_str!("../themes/default/templates/region.html"),
    ),
    (
        "months.html",
        include_str!("../themes/default/templates/months.html"),
    ),
    (
        "month.html",
        include_str!("../themes/default/templates/month.html"),
    ),
    (
        "404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
];

/// The default theme's static files, compiled in: (path under the output, bytes).
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "syntax.css",
        include_bytes!("../themes/default/static/syntax.css"),
    ),
];

/// Prefix of syntect's CSS classes in highlighted code (`hl-keyword`), so they cannot
/// clash with a theme's own classes. `themes/default/static/syntax.css` uses it.
pub const HIGHLIGHT_CLASS_PREFIX: &str = "hl-";

/// Loads the templates: defaults, then `theme_dir/templates/`, then
/// `site_templates/` (each may be missing).
///
/// Errors: a template file cannot be read, or a template does not parse; the message
/// gives the template's file, line and column.
pub fn load_templates(theme_dir: &Path, site_templates: &Path) -> Result<Tera> {
    // name -> (source, where it came from)
    let mut sources: BTreeMap<String, (String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(n, s)| {
            (
                n.to_string(),
                (s.to_string(), "built-in default theme".into()),
            )
        })
        .collect();
    for dir in [theme_dir.join("templates"), site_templates.to_path_buf()] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).follow_links(true) {
            let entry = entry.with_context(|| format!("cannot read `{}`", dir.display()))?;
            if !entry.file_type().is_file() || crate::content::is_ignored(entry.file_name()) {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(entry.path())
                .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
            sources.insert(name, (text, entry.path().display().to_string()));
        }
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(sources.iter().map(|(n, (s, _))| (n.as_str(), s.as_str())))
        .map_err(|e| {
            let files: Vec<String> = sources
                .iter()
                .filter(|(_, (_, from))| !from.starts_with("built-in"))
                .map(|(n, (_, from))| format!("  {n} = {from}"))
                .collect();
            anyhow!("template error: {e}\ntemplate files:\n{}", files.join("\n"))
        })?;
    Ok(tera)
}

/// A link to an index page, with how many reports it lists.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// Display name (`Asia-Pacific`, `July 2025`).
    pub name: String,
    /// Path from the site root, with a trailing slash (`regions/asia-pacific/`).
    pub path: String,
    /// Number of reports.
    pub count: usize,
}

/// What templates see of a report. Index pages get these without `content`.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView<'a> {
    /// The headline.
    pub title: &'a str,
    /// Path from the site root (`reports/2025-07-08-china/`).
    pub path: &'a str,
    /// Absolute URL: `base_url` + `path`.
    pub permalink: String,
    /// ISO date, `2025-07-08` (for `<time datetime>`).
    pub date: String,
    /// Date for readers, `8 July 2025`.
    pub date_display: String,
    /// The outlet.
    pub source: Option<&'a str>,
    /// The region's index page, if the report has a region.
    pub region: Option<LinkView>,
    /// The month's index page.
    pub month: LinkView,
    /// Countries, primary first.
    pub countries: &'a [String],
    /// The summary (plain text).
    pub summary: Option<&'a str>,
    /// Other front matter keys.
    pub extra: &'a serde_yaml::Mapping,
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

/// Renders the whole site into `out`: report pages, home page, region and month
/// indexes, 404 page. Pages are rendered in parallel.
///
/// Errors: a template fails to render (the message names the template and page), or
/// a file cannot be written.
pub fn render_site(site: &Site, tera: &Tera, out: &Staging) -> Result<usize> {
    let base = &site.config.base_url;
    let region_links: Vec<LinkView> = site
        .regions
        .iter()
        .map(|(r, list)| LinkView {
            name: r.name.clone(),
            path: format!("regions/{}/", r.slug),
            count: list.len(),
        })
        .collect();
    let month_links: Vec<LinkView> = site
        .months
        .iter()
        .map(|(m, list)| month_link(m, list.len()))
        .collect();
    let region_by_slug: HashMap<&str, &LinkView> = site
        .regions
        .iter()
        .zip(&region_links)
        .map(|((r, _), link)| (r.slug.as_str(), link))
        .collect();
    let month_by_key: HashMap<Month, &LinkView> = site
        .months
        .iter()
        .zip(&month_links)
        .map(|((m, _), link)| (*m, link))
        .collect();
    let views: Vec<ReportView> = site
        .reports
        .iter()
        .map(|p| report_view(p, base, &region_by_slug, &month_by_key))
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
    common.insert("regions", &region_links);
    common.insert("generator", concat!("sitrep ", env!("CARGO_PKG_VERSION")));

    let page_context = |path: &str, root: &str| {
        let mut c = common.clone();
        c.insert("current_path", path);
        c.insert("root", root);
        c
    };
    let render = |template: &str, path: &str, ctx: &Context| -> Result<()> {
        let html = tera
            .render(template, ctx)
            .map_err(|e| anyhow!("rendering `{template}` for /{path}: {e}"))?;
        out.write(&format!("{path}index.html"), html.as_bytes())
    };

    // Report pages.
    site.reports
        .par_iter()
        .zip(views.par_iter())
        .try_for_each(|(page, view)| -> Result<()> {
            let mut ctx = page_context(&page.path, &relative_root(&page.path));
            ctx.insert("page", view);
            ctx.insert("content", &markdown_to_html(&page.body));
            render("report.html", &page.path, &ctx)
        })?;

    // Home page.
    let mut ctx = page_context("", "");
    let home: Vec<&ReportView> = views.iter().take(site.config.home_reports).collect();
    ctx.insert("reports", &home);
    ctx.insert("total", &views.len());
    ctx.insert("months", &month_links);
    render("index.html", "", &ctx)?;

    // Region indexes.
    let mut ctx = page_context("regions/", "../");
    ctx.insert("months", &month_links);
    render("regions.html", "regions/", &ctx)?;
    site.regions
        .par_iter()
        .zip(region_links.par_iter())
        .try_for_each(|((_, list), link)| {
            let mut ctx = page_context(&link.path, "../../");
            ctx.insert("region", link);
            ctx.insert(
                "reports",
                &list.iter().map(|&i| &views[i]).collect::<Vec<_>>(),
            );
            render("region.html", &link.path, &ctx)
        })?;

    // Month indexes.
    let mut ctx = page_context("months/", "../");
    ctx.insert("months", &month_links);
    render("months.html", "months/", &ctx)?;
    site.months
        .par_iter()
        .zip(month_links.par_iter())
        .try_for_each(|((_, list), link)| {
            let mut ctx = page_context(&link.path, "../../");
            ctx.insert("month", link);
            ctx.insert(
                "reports",
                &list.iter().map(|&i| &views[i]).collect::<Vec<_>>(),
            );
            render("month.html", &link.path, &ctx)
        })?;

    // The 404 page is served at any URL, so its links are absolute.
    let ctx = page_context("404.html", base);
    let html = tera
        .render("404.html", &ctx)
        .map_err(|e| anyhow!("rendering `404.html`: {e}"))?;
    out.write("404.html", html.as_bytes())?;

    Ok(site.reports.len() + site.regions.len() + site.months.len() + 4)
}

fn month_link(m: &Month, count: usize) -> LinkView {
    LinkView {
        name: m.name(),
        path: format!("months/{}/", m.slug()),
        count,
    }
}

fn report_view<'a>(
    p: &'a Page,
    base_url: &str,
    regions: &HashMap<&str, &LinkView>,
    months: &HashMap<Month, &LinkView>,
) -> ReportView<'a> {
    let fm = &p.front_matter;
    let month = Month::of(fm.date);
    ReportView {
        title: &fm.title,
        path: &p.path,
        permalink: format!("{base_url}{}", p.path),
        date: fm.date.to_string(),
        date_display: fm.date.format("%-d %B %Y").to_string(),
        source: fm.source.as_deref(),
        region: p
            .region
            .as_ref()
            .and_then(|r| regions.get(r.slug.as_str()))
            .map(|l| (*l).clone()),
        month: months
            .get(&month)
            .map_or_else(|| month_link(&month, 0), |l| (*l).clone()),
        countries: &p.countries,
        summary: fm.summary.as_deref(),
        extra: &fm.extra,
    }
}

/// The relative path from a page at `path` (`reports/x/`) to the site root (`../../`).
pub fn relative_root(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// Renders Markdown to HTML: CommonMark with tables, footnotes, strikethrough and
/// smart punctuation. Fenced code with a language is highlighted by syntect with CSS
/// classes prefixed [`HIGHLIGHT_CLASS_PREFIX`]; an unknown language is plain text.
/// Raw HTML in the Markdown is passed through, as in Zola and Hugo's `unsafe` mode.
pub fn markdown_to_html(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_SMART_PUNCTUATION);
    let mut events = Vec::new();
    let mut code: Option<(String, String)> = None; // (language, text)
    for event in Parser::new_ext(markdown, opts) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if !lang.is_empty() => {
                let lang = lang.split([' ', ',']).next().unwrap_or("").to_string();
                code = Some((lang, String::new()));
            }
            Event::Text(text) if code.is_some() => {
                code.as_mut().unwrap().1.push_str(&text);
            }
            Event::End(TagEnd::CodeBlock) if code.is_some() => {
                let (lang, text) = code.take().unwrap();
                match highlight(&lang, &text) {
                    Some(html) => events.push(Event::Html(html.into())),
                    // Highlighting failed: an ordinary (escaped) code block.
                    None => events.extend([
                        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang.into()))),
                        Event::Text(text.into()),
                        Event::End(TagEnd::CodeBlock),
                    ]),
                }
            }
            e => events.push(e),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Highlights `code` as `lang`, as `<pre><code class="language-x">` with classed
/// spans; `None` if syntect fails on it.
fn highlight(lang: &str, code: &str) -> Option<String> {
    let ss = &*SYNTAXES;
    let syntax = ss
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| ss.find_syntax_plain_text());
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed {
            prefix: HIGHLIGHT_CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(format!(
        "<pre class=\"highlight\"><code class=\"language-{}\">{}</code></pre>\n",
        slug::slugify(lang),
        generator.finalize()
    ))
}

/// Copies the static files: the default theme's built-in files, then
/// `theme_dir/static/`, then the site's `static/` (later ones override earlier ones).
pub fn copy_static(theme_dir: &Path, site_static: &Path, out: &Staging) -> Result<usize> {
    let mut files: BTreeMap<String, Source> = DEFAULT_STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), Source::Bytes(b)))
        .collect();
    for dir in [theme_dir.join("static"), site_static.to_path_buf()] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).follow_links(true) {
            let entry = entry.with_context(|| format!("cannot read `{}`", dir.display()))?;
            if entry.file_type().is_file() && !crate::content::is_ignored(entry.file_name()) {
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                files.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    Source::File(entry.into_path()),
                );
            }
        }
    }
    files.par_iter().try_for_each(|(rel, src)| match src {
        Source::Bytes(b) => out.write(rel, b),
        Source::File(p) => out.copy(rel, p),
    })?;
    Ok(files.len())
}

enum Source {
    Bytes(&'static [u8]),
    File(PathBuf),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_features() {
        let html =
            markdown_to_html("a ~~b~~ \"c\"\n\n| x |\n|---|\n| 1 |\n\nnote[^1]\n\n[^1]: foot\n");
        assert!(html.contains("<del>b</del>"), "{html}");
        assert!(html.contains("“c”"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let html = markdown_to_html("```rust\nfn main() {}\n```\n");
        assert!(html.contains("class=\"language-rust\""), "{html}");
        assert!(html.contains("<span class=\"hl-"), "{html}");
        let plain = markdown_to_html("```nosuchlang\n<b>\n```\n");
        assert!(plain.contains("&lt;b&gt;"), "{plain}");
    }

    /// `themes/default/static/syntax.css` is syntect's CSS for the classes
    /// [`highlight`] writes: InspiredGitHub, and base16-ocean.dark in dark mode.
    /// Regenerate with `SITREP_BLESS=1 cargo test syntax_css`.
    #[test]
    fn syntax_css_is_current() {
        use syntect::highlighting::ThemeSet;
        use syntect::html::css_for_theme_with_class_style;
        let themes = ThemeSet::load_defaults();
        let style = ClassStyle::SpacedPrefixed {
            prefix: HIGHLIGHT_CLASS_PREFIX,
        };
        let light =
            css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], style).unwrap();
        let dark =
            css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], style).unwrap();
        let css = format!(
            "/* Code highlighting for the classes sitrep writes (syntect; generated by\n   `SITREP_BLESS=1 cargo test syntax_css`). */\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
        );
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/static/syntax.css"
        );
        if std::env::var_os("SITREP_BLESS").is_some() {
            std::fs::write(path, &css).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            css,
            "run SITREP_BLESS=1 cargo test syntax_css"
        );
    }

    #[test]
    fn roots() {
        assert_eq!(relative_root(""), "");
        assert_eq!(relative_root("regions/"), "../");
        assert_eq!(relative_root("reports/x/"), "../../");
    }
}
