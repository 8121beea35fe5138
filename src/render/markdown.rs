//! Markdown to HTML: pulldown-cmark (CommonMark with tables, footnotes, strikethrough,
//! smart punctuation), syntect for fenced code (CSS classes, loaded only when a page
//! has code), and ammonia for raw HTML.

use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Prefix of syntect's CSS classes in highlighted code (`hl-keyword`), so they cannot
/// clash with a theme's own classes. `themes/default/static/syntax.css` uses it.
pub const HIGHLIGHT_CLASS_PREFIX: &str = "hl-";

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// What to do with raw HTML in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawHtml {
    /// Sanitise it with ammonia: scripts, event handlers, `javascript:` links and other
    /// unsafe markup are removed; safe markup stays. The default.
    Sanitise,
    /// Keep it as written (`allow_raw_html: true` in `config.yaml`, for sites whose
    /// authors are all trusted; Hugo's `unsafe`, Zola's default).
    Allow,
}

/// Renders Markdown to HTML: CommonMark with tables, footnotes, strikethrough and
/// smart punctuation. Fenced code with a language is highlighted by syntect with CSS
/// classes prefixed [`HIGHLIGHT_CLASS_PREFIX`]; an unknown language is plain text.
///
/// With [`RawHtml::Sanitise`], a document that holds raw HTML or a link or image with
/// a scheme other than `http`, `https` or `mailto` is passed through ammonia; the others
/// (all imported reports, whose text is escaped) need no sanitising.
///
/// Errors: blocks (quotes, lists) nested deeper than [`MAX_NESTING`]: such input makes
/// output that grows with the square of its length.
pub fn markdown_to_html(markdown: &str, raw_html: RawHtml) -> Result<String, MarkdownError> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_SMART_PUNCTUATION);
    let mut events = Vec::new();
    let mut code: Option<(String, String)> = None; // (language, text)
    let mut unsafe_input = false;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, opts).into_offset_iter() {
        match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(MarkdownError {
                        line: markdown[..range.start].matches('\n').count() + 1,
                        message: format!("quotes or lists nested more than {MAX_NESTING} deep"),
                    });
                }
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                depth = depth.saturating_sub(1)
            }
            _ => {}
        }
        match &event {
            Event::Html(_) | Event::InlineHtml(_) => unsafe_input = true,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !is_safe_url(dest_url) =>
            {
                unsafe_input = true
            }
            _ => {}
        }
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
    if unsafe_input && raw_html == RawHtml::Sanitise {
        html = SANITISER.clean(&html).to_string();
    }
    Ok(html)
}

/// Markdown that sitrep refuses to render.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownError {
    /// 1-based line in the Markdown text.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// How deep block quotes and lists may nest in Markdown, counting list items too (so
/// 100 levels of quotes, or 50 of lists).
pub const MAX_NESTING: usize = 100;

/// Whether a link target needs no sanitising: relative, fragment, `http(s):`, `mailto:`.
fn is_safe_url(url: &str) -> bool {
    match url.split_once(':') {
        // A colon after a `/`, `?` or `#` is not a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
        _ => true,
    }
}

/// ammonia's safe defaults, plus the attributes sitrep's own Markdown output uses:
/// highlighting classes on `pre`, `code` and `span`, footnote ids and classes.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tag_attributes("span", ["class"])
        .add_tag_attributes("code", ["class"])
        .add_tag_attributes("pre", ["class"])
        .add_tag_attributes("div", ["class", "id"])
        .add_tag_attributes("sup", ["class", "id"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"]);
    b
});

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_features() {
        let html = markdown_to_html(
            "a ~~b~~ \"c\"\n\n| x |\n|---|\n| 1 |\n\nnote[^1]\n\n[^1]: foot\n",
            RawHtml::Sanitise,
        )
        .unwrap();
        assert!(html.contains("<del>b</del>"), "{html}");
        assert!(html.contains("“c”"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_unless_allowed() {
        let md = "Hi <script>alert(1)</script><b onclick=\"x()\">bold</b>\n\n[x](javascript:alert(1)) [ok](https://example.org/) [rel](../a/)\n\n<iframe src=\"https://evil\"></iframe>\n\n```rust\nfn main() {}\n```\n\nnote[^1]\n\n[^1]: foot\n";
        let html = markdown_to_html(md, RawHtml::Sanitise).unwrap();
        assert!(
            !html.contains("<script") && !html.contains("alert(1)</"),
            "{html}"
        );
        assert!(
            !html.contains("onclick") && !html.contains("javascript:"),
            "{html}"
        );
        assert!(!html.contains("<iframe"), "{html}");
        assert!(html.contains("<b>bold</b>") && html.contains("href=\"https://example.org/\""));
        assert!(html.contains("href=\"../a/\""), "{html}");
        assert!(
            html.contains("<span class=\"hl-"),
            "highlighting survives: {html}"
        );
        assert!(
            html.contains("footnote-definition"),
            "footnotes survive: {html}"
        );
        let allowed = markdown_to_html(md, RawHtml::Allow).unwrap();
        assert!(allowed.contains("<script>alert(1)</script>"));
        // No raw HTML: no sanitising, so the output is pulldown-cmark's own.
        assert_eq!(
            markdown_to_html("*a* & b", RawHtml::Sanitise).unwrap(),
            "<p><em>a</em> &amp; b</p>\n"
        );
    }

    #[test]
    fn deep_nesting_is_refused_in_bounded_time() {
        let quotes = format!("intro\n\n{} deep\n", ">".repeat(10_000));
        let e = markdown_to_html(&quotes, RawHtml::Sanitise).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.starts_with("quotes or lists nested"), "{e:?}");
        let lists: String = (1..3000)
            .map(|i| format!("{}x\n", "- ".repeat(i)))
            .collect();
        assert!(markdown_to_html(&lists, RawHtml::Sanitise).is_err());
        let ok: String = (0..50)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect();
        assert!(markdown_to_html(&ok, RawHtml::Sanitise).is_ok());
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let html = markdown_to_html("```rust\nfn main() {}\n```\n", RawHtml::Sanitise).unwrap();
        assert!(html.contains("class=\"language-rust\""), "{html}");
        assert!(html.contains("<span class=\"hl-"), "{html}");
        let plain = markdown_to_html("```nosuchlang\n<b>\n```\n", RawHtml::Sanitise).unwrap();
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
}
