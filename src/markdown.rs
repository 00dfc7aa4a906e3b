//! Markdown to HTML: a pure function of the text, the page's language and a link resolver.
//!
//! pulldown-cmark parses; this module rewrites the event stream on the way to its HTML writer:
//! headings get unique ids, GitHub alerts become labelled callouts, links and images are resolved
//! to the reader's language, footnotes get accessible back-links, code is highlighted with CSS
//! classes (syntect is loaded only when a page has a code block), and raw HTML that could run
//! script is removed unless the site allows it. Problems are returned with their byte offset; the
//! caller knows the file and turns offsets into lines.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::LazyLock;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};

use crate::diagnostic::Severity;
use crate::text::{Quotes, localize_quotes, slugify, word_count};

/// A heading of the page, for the table of contents and anchor checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A problem in the Markdown, at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

/// A link whose `#fragment` must name a heading of another page (or this one, `target: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorCheck {
    pub offset: usize,
    pub target: Option<usize>,
    pub fragment: String,
}

/// What the resolver says a link points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub url: String,
    /// The page (entry id) the link leads to, when it leads to a page of the site.
    pub page: Option<usize>,
    /// The page (entry id) whose headings must contain the fragment, if the link has one.
    pub anchor: Option<(usize, String)>,
}

/// Maps link destinations written in Markdown to URLs of the built site.
pub trait Resolver {
    /// A link (`03-warning-signs.md#monday`); `Err` is a problem to report.
    fn link(&self, dest: &str) -> Result<Resolved, Problem>;
    /// An image source (`../images/cycle.svg`).
    fn image(&self, src: &str) -> Result<String, Problem>;
}

/// Localized words the Markdown output needs (callout labels, footnote back-links).
pub struct Labels<'a> {
    pub callout: &'a dyn Fn(BlockQuoteKind) -> String,
    pub back_to_text: &'a str,
    pub footnotes: &'a str,
    pub table: &'a str,
}

/// How to render one page.
pub struct RenderOptions<'a> {
    pub quotes: Quotes,
    pub allow_unsafe_html: bool,
    pub resolver: &'a dyn Resolver,
    pub labels: Labels<'a>,
}

/// The result of rendering one page's Markdown.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    /// Every id in the page a link may point to.
    pub ids: HashSet<String>,
    pub words: usize,
    pub has_code: bool,
    pub problems: Vec<Problem>,
    pub anchors: Vec<AnchorCheck>,
    /// A hash of all a page shows of this body (HTML, contents, words), so that serve mode
    /// can tell a changed body without comparing or hashing its HTML again.
    pub fingerprint: u64,
    /// The files under `media/` the HTML links, found when the image check first asks; kept
    /// with the body, so serve mode scans only bodies that changed.
    pub media: std::sync::OnceLock<Vec<String>>,
}

/// The Markdown extensions guidebook reads; `check` parses with the same ones.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Render Markdown to HTML with everything the site needs to know about it.
pub fn render(text: &str, opts: &RenderOptions<'_>) -> Rendered {
    let mut w = Writer {
        opts,
        out: Rendered::default(),
        events: Vec::new(),
        notes: Vec::new(),
        note_order: Vec::new(),
        unsafe_html: false,
        table: None,
    };
    let mut iter = Parser::new_ext(text, parser_options())
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let inner = take_until(&mut iter, |e| matches!(e, Event::End(TagEnd::Heading(_))));
                w.heading(
                    level,
                    id.map(|s| s.to_string()),
                    classes.len() + attrs.len(),
                    inner,
                );
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let inner = take_until(&mut iter, |e| matches!(e, Event::End(TagEnd::CodeBlock)));
                w.code_block(kind, &inner);
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let inner = take_until(&mut iter, |e| {
                    matches!(e, Event::End(TagEnd::FootnoteDefinition))
                });
                w.notes.push((name.to_string(), inner));
            }
            other => w.event(other, range.start),
        }
    }
    w.finish()
}

type OffsetIter<'a> = std::iter::Peekable<pulldown_cmark::OffsetIter<'a>>;

fn take_until<'a>(
    iter: &mut OffsetIter<'a>,
    end: impl Fn(&Event) -> bool,
) -> Vec<(Event<'a>, usize)> {
    let mut inner = Vec::new();
    for (e, r) in iter.by_ref() {
        if end(&e) {
            break;
        }
        inner.push((e, r.start));
    }
    inner
}

struct Writer<'o, 'a> {
    opts: &'o RenderOptions<'o>,
    out: Rendered,
    events: Vec<Event<'a>>,
    notes: Vec<(String, Vec<(Event<'a>, usize)>)>,
    note_order: Vec<String>,
    unsafe_html: bool,
    /// The table being read: where its wrapper is in `events`, and its header text so far.
    table: Option<(usize, Option<String>)>,
}

impl<'a> Writer<'_, 'a> {
    fn event(&mut self, event: Event<'a>, offset: usize) {
        let e = self.transform(event, offset);
        self.events.push(e);
    }

    /// Rewrite one event; shared by the body and footnote definitions.
    fn transform(&mut self, event: Event<'a>, offset: usize) -> Event<'a> {
        match event {
            Event::Text(t) => {
                self.out.words += word_count(&t);
                if let Some((_, Some(head))) = &mut self.table {
                    head.push_str(&t);
                }
                if t.contains(['“', '”']) {
                    Event::Text(localize_quotes(&t, self.opts.quotes).into())
                } else {
                    Event::Text(t)
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.link(&dest_url, offset);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.image(&dest_url, offset);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                Event::Html(self.callout_open(kind).into())
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            Event::Start(Tag::Table(a)) => {
                self.table = Some((self.events.len(), None));
                self.events.push(self.table_wrapper(""));
                Event::Start(Tag::Table(a))
            }
            Event::Start(Tag::TableHead) => {
                if let Some((_, head)) = &mut self.table {
                    *head = Some(String::new());
                }
                Event::Start(Tag::TableHead)
            }
            Event::End(TagEnd::TableCell) => {
                if let Some((_, Some(head))) = &mut self.table {
                    head.push_str(", ");
                }
                Event::End(TagEnd::TableCell)
            }
            Event::End(TagEnd::TableHead) => {
                // Name the scrollable region after its columns, so two tables on a page are
                // told apart by screen readers ("Table: What you see, First step").
                if let Some((at, Some(head))) = self.table.take() {
                    self.events[at] = self.table_wrapper(head.trim_end_matches(", "));
                    self.table = Some((at, None));
                }
                Event::End(TagEnd::TableHead)
            }
            Event::End(TagEnd::Table) => {
                self.events.push(Event::End(TagEnd::Table));
                Event::Html("</div>\n".into())
            }
            Event::TaskListMarker(done) => {
                let class = if done { "task-box done" } else { "task-box" };
                Event::Html(format!("<span class=\"{class}\" aria-hidden=\"true\"></span>").into())
            }
            Event::FootnoteReference(name) => Event::Html(self.note_ref(&name).into()),
            Event::Html(h) | Event::InlineHtml(h) => {
                self.check_raw_html(&h, offset);
                Event::Html(h)
            }
            other => other,
        }
    }

    fn table_wrapper(&self, columns: &str) -> Event<'a> {
        let label = if columns.is_empty() {
            self.opts.labels.table.to_string()
        } else {
            format!("{}: {columns}", self.opts.labels.table)
        };
        Event::Html(
            format!(
                "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                esc(&label)
            )
            .into(),
        )
    }

    fn problem(&mut self, offset: usize, p: Problem) {
        self.out.problems.push(Problem { offset, ..p });
    }

    fn link(&mut self, dest: &str, offset: usize) -> CowStr<'a> {
        if dest
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("javascript:")
        {
            if !self.opts.allow_unsafe_html {
                self.unsafe_warning(offset, "a javascript: link");
                return "#".into();
            }
            return dest.to_string().into();
        }
        match self.opts.resolver.link(dest) {
            Ok(resolved) => {
                if let Some((target, fragment)) = resolved.anchor {
                    let target = (target != usize::MAX).then_some(target);
                    self.out.anchors.push(AnchorCheck {
                        offset,
                        target,
                        fragment,
                    });
                }
                resolved.url.into()
            }
            Err(p) => {
                self.problem(offset, p);
                dest.to_string().into()
            }
        }
    }

    fn image(&mut self, src: &str, offset: usize) -> CowStr<'a> {
        match self.opts.resolver.image(src) {
            Ok(url) => url.into(),
            Err(p) => {
                self.problem(offset, p);
                src.to_string().into()
            }
        }
    }

    fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<String>,
        _extra: usize,
        inner: Vec<(Event<'a>, usize)>,
    ) {
        let text: String = inner
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let text = localize_quotes(&text, self.opts.quotes);
        let id = self.unique_id(id.unwrap_or_else(|| slugify(&text)));
        let n = level as u8;
        self.out.toc.push(Heading {
            level: n,
            id: id.clone(),
            text,
        });
        self.events
            .push(Event::Html(format!("<h{n} id=\"{}\">", esc(&id)).into()));
        for (e, offset) in inner {
            self.event(e, offset);
        }
        self.events.push(Event::Html(format!("</h{n}>\n").into()));
    }

    fn unique_id(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 1;
        while self.out.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.out.ids.insert(id.clone());
        id
    }

    fn callout_open(&self, kind: BlockQuoteKind) -> String {
        let name = match kind {
            BlockQuoteKind::Note => "note",
            BlockQuoteKind::Tip => "tip",
            BlockQuoteKind::Important => "important",
            BlockQuoteKind::Warning => "warning",
            BlockQuoteKind::Caution => "caution",
        };
        let label = esc(&(self.opts.labels.callout)(kind));
        format!(
            "<div class=\"callout callout-{name}\" role=\"note\" aria-label=\"{label}\">\n<p class=\"callout-label\" aria-hidden=\"true\">{label}</p>\n"
        )
    }

    fn code_block(&mut self, kind: CodeBlockKind<'_>, inner: &[(Event<'_>, usize)]) {
        let code: String = inner
            .iter()
            .filter_map(|(e, _)| {
                if let Event::Text(t) = e {
                    Some(t.as_ref())
                } else {
                    None
                }
            })
            .collect();
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => {
                info.split([' ', ',', '{']).next().unwrap_or("").to_string()
            }
            CodeBlockKind::Indented => String::new(),
        };
        self.out.has_code = true;
        let body = highlight(&code, &lang).unwrap_or_else(|| esc(&code));
        let class = if lang.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{}\"", esc(&lang))
        };
        self.events.push(Event::Html(
            format!("<pre class=\"code\" tabindex=\"0\"><code{class}>{body}</code></pre>\n").into(),
        ));
    }

    fn note_ref(&mut self, name: &str) -> String {
        let n = match self.note_order.iter().position(|x| x == name) {
            Some(i) => i + 1,
            None => {
                self.note_order.push(name.to_string());
                self.note_order.len()
            }
        };
        let id = slugify(name);
        format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\" role=\"doc-noteref\">{n}</a></sup>"
        )
    }

    fn check_raw_html(&mut self, html: &str, offset: usize) {
        if self.opts.allow_unsafe_html {
            return;
        }
        if let Some(what) = dangerous_html(html) {
            self.unsafe_html = true;
            self.unsafe_warning(offset, what);
        }
    }

    fn unsafe_warning(&mut self, offset: usize, what: &str) {
        self.problem(offset, Problem {
            offset,
            severity: Severity::Warning,
            code: "unsafe-html",
            message: format!("{what} was removed from the page"),
            hint: Some("scripts, iframes and on…= attributes are not allowed in content; set allow_unsafe_html: true in site.yaml if the site really needs them".into()),
        });
    }

    fn finish(mut self) -> Rendered {
        self.render_footnotes();
        let mut html = String::with_capacity(self.out.words * 8);
        pulldown_cmark::html::push_html(&mut html, std::mem::take(&mut self.events).into_iter());
        if self.unsafe_html {
            html = sanitize(&html);
        }
        self.out.html = html;
        let out = &self.out;
        self.out.fingerprint = std::hash::BuildHasher::hash_one(
            &rustc_hash::FxBuildHasher,
            (&out.html, &out.toc, out.words, out.has_code),
        );
        self.out
    }

    fn render_footnotes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        let mut notes = std::mem::take(&mut self.notes);
        notes.sort_by_key(|(name, _)| {
            self.note_order
                .iter()
                .position(|x| x == name)
                .unwrap_or(usize::MAX)
        });
        let heading = esc(self.opts.labels.footnotes);
        let back = esc(self.opts.labels.back_to_text);
        self.events.push(Event::Html(format!("<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"{heading}\">\n<ol>\n").into()));
        for (name, inner) in notes {
            let id = slugify(&name);
            self.out.ids.insert(format!("fn-{id}"));
            self.events
                .push(Event::Html(format!("<li id=\"fn-{id}\">\n").into()));
            for (e, offset) in inner {
                self.event(e, offset);
            }
            self.events.push(Event::Html(format!("<p class=\"footnote-back\"><a href=\"#fnref-{id}\" role=\"doc-backlink\" aria-label=\"{back}\">↩</a></p>\n</li>\n").into()));
        }
        self.events.push(Event::Html("</ol>\n</section>\n".into()));
    }
}

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What in a raw HTML fragment could run script, if anything.
fn dangerous_html(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    for (tag, what) in [
        ("<script", "a <script> element"),
        ("<iframe", "an <iframe> element"),
        ("<object", "an <object> element"),
        ("<embed", "an <embed> element"),
    ] {
        if lower.contains(tag) {
            return Some(what);
        }
    }
    if has_event_attribute(&lower) {
        return Some("an on…= event attribute");
    }
    lower
        .contains("javascript:")
        .then_some("a javascript: address")
}

fn has_event_attribute(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    lower.match_indices("on").any(|(i, _)| {
        let before_ok = i > 0
            && (bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'/' || bytes[i - 1] == b'"');
        let rest = &lower[i + 2..];
        let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        before_ok
            && name_len > 0
            && rest[name_len..].trim_start().starts_with('=')
            && lower[..i].contains('<')
    })
}

/// Remove script-running elements and attributes from rendered HTML.
fn sanitize(html: &str) -> String {
    use lol_html::{RewriteStrSettings, element, rewrite_str};
    let settings = RewriteStrSettings {
        element_content_handlers: vec![
            element!("script, iframe, object, embed", |el| {
                el.remove();
                Ok(())
            }),
            element!("*", |el| {
                let names: Vec<String> = el.attributes().iter().map(|a| a.name()).collect();
                for name in names {
                    let value = el
                        .get_attribute(&name)
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    if name.starts_with("on") || value.trim_start().starts_with("javascript:") {
                        el.remove_attribute(&name);
                    }
                }
                Ok(())
            }),
        ],
        ..RewriteStrSettings::new()
    };
    rewrite_str(html, settings).unwrap_or_else(|_| esc(html))
}

static SYNTAXES: LazyLock<syntect::parsing::SyntaxSet> =
    LazyLock::new(syntect::parsing::SyntaxSet::load_defaults_newlines);

/// Highlight code with CSS classes (`hl-…`); `None` when the language is unknown.
/// Highlighted code by language and text. Code is not translated, so a site in five
/// languages has each block five times; highlighting (regular expressions, line by line) is
/// the slowest step of Markdown, so it is done once per distinct block. Serve mode keeps the
/// memo between builds.
static HIGHLIGHTED: std::sync::LazyLock<std::sync::RwLock<HighlightMemo>> =
    std::sync::LazyLock::new(Default::default);

/// Highlighted HTML (or `None`: not highlighted) by language and code.
type HighlightMemo = HashMap<(String, String), Option<String>>;

/// Past this many blocks the memo starts afresh, so a long serve session cannot grow it
/// without bound.
const HIGHLIGHT_MEMO_LIMIT: usize = 20_000;

fn highlight(code: &str, lang: &str) -> Option<String> {
    if lang.is_empty() {
        return None;
    }
    let key = (lang.to_string(), code.to_string());
    if let Some(html) = HIGHLIGHTED
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&key)
    {
        return html.clone();
    }
    let html = highlight_now(code, lang);
    let mut memo = HIGHLIGHTED.write().unwrap_or_else(|e| e.into_inner());
    if memo.len() >= HIGHLIGHT_MEMO_LIMIT {
        memo.clear();
    }
    memo.insert(key, html.clone());
    html
}

fn highlight_now(code: &str, lang: &str) -> Option<String> {
    use syntect::html::{ClassStyle, ClassedHTMLGenerator};
    use syntect::util::LinesWithEndings;
    let syntax = SYNTAXES.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        &SYNTAXES,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

/// The stylesheet for highlighted code, light and dark, made from syntect's bundled themes.
pub fn highlight_css() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::{ClassStyle, css_for_theme_with_class_style};
    let themes = ThemeSet::load_defaults();
    let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
    let mut css = String::new();
    if let Ok(light) = css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], style) {
        css.push_str(&light);
    }
    if let Ok(dark) = css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], style) {
        let _ = write!(css, "@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n");
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quotes_for;

    struct Plain;
    impl Resolver for Plain {
        fn link(&self, dest: &str) -> Result<Resolved, Problem> {
            if dest.ends_with("missing.md") {
                return Err(Problem {
                    offset: 0,
                    severity: Severity::Error,
                    code: "broken-link",
                    message: "no page".into(),
                    hint: None,
                });
            }
            Ok(Resolved {
                url: dest.replace(".md", "/"),
                page: None,
                anchor: None,
            })
        }
        fn image(&self, src: &str) -> Result<String, Problem> {
            Ok(format!("media/{src}"))
        }
    }

    fn md(text: &str, lang: &str) -> Rendered {
        let callout = |_k: BlockQuoteKind| "Tip".to_string();
        let opts = RenderOptions {
            quotes: quotes_for(lang),
            allow_unsafe_html: false,
            resolver: &Plain,
            labels: Labels {
                callout: &callout,
                back_to_text: "Back",
                footnotes: "Notes",
                table: "Table",
            },
        };
        render(text, &opts)
    }

    #[test]
    fn headings_get_unique_transliterated_ids() {
        let r = md("## Işık\n\n## Işık\n\n## Custom {#mine}\n", "tr");
        let ids: Vec<_> = r.toc.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["isik", "isik-1", "mine"]);
        assert!(r.html.contains("<h2 id=\"isik-1\">Işık</h2>"));
    }

    #[test]
    fn alerts_become_labelled_callouts() {
        let r = md("> [!TIP]\n> Ask about one good moment.\n", "en");
        assert!(
            r.html
                .contains("class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn quotes_are_typographic_per_language() {
        assert!(md("He said \"yes\".", "hr").html.contains("„yes“"));
        assert!(md("He said \"yes\".", "hu").html.contains("„yes”"));
    }

    #[test]
    fn broken_links_are_problems_with_offsets() {
        let r = md("Text\n\n[x](missing.md)", "en");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].offset, 6);
    }

    #[test]
    fn table_regions_are_named_after_their_columns() {
        let r = md(
            "| What *you* see | First step |\n| --- | --- |\n| a | b |\n",
            "en",
        );
        assert!(
            r.html
                .contains("aria-label=\"Table: What you see, First step\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn scripts_are_removed_with_a_warning() {
        let r = md(
            "Hi\n\n<script>alert(1)</script>\n\n<p onclick=\"x()\">p</p>\n",
            "en",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert_eq!(
            r.problems
                .iter()
                .filter(|p| p.code == "unsafe-html")
                .count(),
            2
        );
    }

    #[test]
    fn footnotes_link_both_ways() {
        let r = md("Text[^a].\n\n[^a]: The note.\n", "en");
        assert!(r.html.contains("href=\"#fn-a\" id=\"fnref-a\""));
        assert!(r.html.contains("<li id=\"fn-a\">"));
        assert!(r.html.contains("href=\"#fnref-a\""));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = md("```rust\nfn main() {}\n```\n", "en");
        assert!(r.has_code);
        assert!(r.html.contains("hl-"), "{}", r.html);
    }
}
