//! The HTML renderer: the only place that knows about Tera.
//!
//! Templates come from `themes/<theme>/templates/`; a syntax or rendering error is reported at
//! its template file, line and column. UI strings reach templates through `t(key=…)`, which reads
//! the page's `lang` from the context. Pages are rendered in parallel and written as they are
//! done, so memory does not grow with the size of the site.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Kwargs, State, Tera};

mod cache;

use cache::Fingerprints;
pub use cache::PageCache;

use super::views::{PageContext, PageView, Target, ViewBuilder};
use crate::content::{Collection, EntryId, Site};
use crate::diagnostic::{Diagnostic, Location};
use crate::i18n::{Arg, I18n};
use crate::output::Output;

/// The theme folder under the site root.
pub const THEMES_DIR: &str = "themes";

/// Renders the site's pages with the theme's templates.
pub struct HtmlRenderer {
    tera: Tera,
    template_dir: PathBuf,
    /// A hash of every template's text, so cached pages are not reused after a template edit.
    pub sources: u64,
}

/// The report (template, line, column) of an error or of the first error it wraps.
fn report_of(e: &tera::Error) -> Option<&tera::ReportError> {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => std::error::Error::source(e)?
            .downcast_ref::<tera::Error>()
            .and_then(report_of),
    }
}

fn tera_location(template_dir: &Path, e: &tera::Error) -> Option<Location> {
    let r = report_of(e)?;
    let span = r.span();
    Some(Location::new(
        template_dir.join(r.filename()),
        span.start_line,
        span.start_col + 1,
    ))
}

fn tera_message(e: &tera::Error) -> String {
    match report_of(e) {
        Some(r) => r.message().to_string(),
        None => {
            let other = e.kind();
            let mut msg = other.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                source = s.source();
            }
            msg
        }
    }
}

/// Template problems as diagnostics: Tera joins the reports of all broken templates into one
/// message (`error: …` / ` --> name:line:col`), which is split back into one diagnostic each.
pub fn template_errors(template_dir: &Path, e: &tera::Error, doing: &str) -> Vec<Diagnostic> {
    if report_of(e).is_some() {
        return vec![template_error(template_dir, e, doing)];
    }
    let text = e.to_string();
    let mut found = Vec::new();
    for block in text.split("\n\n") {
        let message = block
            .lines()
            .find_map(|l| l.trim().strip_prefix("error: "))
            .unwrap_or(block.trim());
        let place = block.lines().find_map(|l| l.trim().strip_prefix("--> "));
        let d = Diagnostic::error("template", format!("{doing}: {message}"))
            .hint("fix the template at this line; the theme's README lists the variables and functions templates can use");
        found.push(match place.and_then(parse_place) {
            Some((name, line, col)) => d.at(Location::new(template_dir.join(name), line, col)),
            None => d,
        });
    }
    found
}

fn parse_place(place: &str) -> Option<(&str, usize, usize)> {
    let mut parts = place.rsplitn(3, ':');
    let col = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    Some((parts.next()?, line, col))
}

/// A template problem as a diagnostic at its place in the template.
pub fn template_error(template_dir: &Path, e: &tera::Error, doing: &str) -> Diagnostic {
    let d = Diagnostic::error("template", format!("{doing}: {}", tera_message(e))).hint(
        "fix the template at this line; the theme's README lists the variables a template receives",
    );
    match tera_location(template_dir, e) {
        Some(at) => d.at(at),
        None => d,
    }
}

impl HtmlRenderer {
    /// Load the theme's templates; every broken template is reported.
    pub fn load(
        root: &Path,
        theme: &str,
        i18n: Arc<I18n>,
    ) -> Result<HtmlRenderer, Vec<Diagnostic>> {
        let template_dir = Path::new(THEMES_DIR).join(theme).join("templates");
        let abs = root.join(&template_dir);
        let mut files: Vec<(String, String)> = Vec::new();
        for entry in walkdir::WalkDir::new(&abs)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.file_type().is_file() {
                let name = entry
                    .path()
                    .strip_prefix(&abs)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                match std::fs::read_to_string(entry.path()) {
                    Ok(text) => files.push((name, text)),
                    Err(e) => {
                        return Err(vec![Diagnostic::error(
                            "template",
                            format!("cannot read {name}: {e}"),
                        )]);
                    }
                }
            }
        }
        if files.is_empty() {
            return Err(vec![
                Diagnostic::error(
                    "theme",
                    format!(
                        "the theme \"{theme}\" has no templates in {}",
                        template_dir.display()
                    ),
                )
                .hint("check `theme:` in site.yaml and that themes/THEME/templates/ exists"),
            ]);
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        register_functions(&mut tera, i18n);
        let files_for_hash = files.clone();
        tera.add_raw_templates(files)
            .map_err(|e| template_errors(&template_dir, &e, "this template has an error"))?;
        let sources = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            files_for_hash.hash(&mut h);
            h.finish()
        };
        Ok(HtmlRenderer {
            tera,
            template_dir,
            sources,
        })
    }

    /// Render one template to bytes, as pages are written (Tera's output is UTF-8 already;
    /// checking it again costs a pass over every page).
    pub fn render_bytes(&self, template: &str, ctx: &PageContext) -> Result<Vec<u8>, Diagnostic> {
        let context = Context::from_serialize(ctx)
            .map_err(|e| template_error(&self.template_dir, &e, "internal error"))?;
        let mut out = Vec::with_capacity(ctx.page.content.len() + 16 * 1024);
        self.tera
            .render_to(template, &context, &mut out)
            .map_err(|e| {
                template_error(
                    &self.template_dir,
                    &e,
                    &format!("{template} failed for {}", ctx.canonical),
                )
            })?;
        Ok(out)
    }

    /// Render a template with a free-form context (root chooser, 404).
    pub fn render_value(
        &self,
        template: &str,
        value: &serde_json::Value,
    ) -> Result<String, Diagnostic> {
        let context = Context::from_serialize(value)
            .map_err(|e| template_error(&self.template_dir, &e, "internal error"))?;
        self.tera
            .render(template, &context)
            .map_err(|e| template_error(&self.template_dir, &e, template))
    }

    /// Render every entry page and list page of the site into `out`; with serve mode's cache,
    /// only the pages whose inputs changed since the last build. Returns how many pages were
    /// rendered, and the problems.
    pub fn render_site(
        &self,
        views: &ViewBuilder<'_>,
        out: &Output,
        cache: Option<&PageCache>,
    ) -> (usize, Vec<Diagnostic>) {
        let site = views.site;
        let prints = cache.map(|_| Fingerprints::new(views, self.sources));
        let last = cache.map(PageCache::take).unwrap_or_default();
        let entries = (0..site.entries.len())
            .filter(|id| !is_list(site, *id))
            .collect::<Vec<EntryId>>()
            .into_par_iter()
            .map(|id| {
                let fp = prints.as_ref().map(|f| f.entry(id));
                self.make_page(out, &last, entry_path(site, id), fp, || {
                    let (template, ctx) = self.entry_page(views, id);
                    self.render_bytes(template, &ctx)
                })
            });
        let lists: Vec<(usize, ListPage)> = (0..site.config.languages.len())
            .flat_map(|l| list_pages(site, l).into_iter().map(move |p| (l, p)))
            .collect();
        let lists = lists.par_iter().map(|(lang, page)| {
            let path = page.path(site, *lang);
            let index = site.trees[*lang].indexes.get(&page.collection).copied();
            let fp = prints.as_ref().map(|f| f.list(&path, index));
            self.make_page(out, &last, format!("{path}index.html"), fp, || {
                let (template, ctx) = self.list_page(views, *lang, page, &path);
                self.render_bytes(template, &ctx)
            })
        });
        let made: Vec<Made> = entries.chain(lists).collect();
        let rendered = made.iter().filter(|m| m.rendered).count();
        let mut problems = Vec::new();
        let mut keep = cache::CachedPages::default();
        for m in made {
            problems.extend(m.problem);
            if let (Some(fp), Some(bytes)) = (m.fingerprint, m.bytes) {
                keep.insert(m.rel, (fp, bytes));
            }
        }
        if let Some(c) = cache {
            c.keep(keep);
        }
        (rendered, problems)
    }

    /// Write one page: the last build's bytes when its inputs (`fingerprint`) are the same,
    /// else what `render` makes. The bytes are kept only when there is a fingerprint (serve
    /// mode), so a build to disk holds no more pages in memory than it renders at once.
    fn make_page(
        &self,
        out: &Output,
        last: &cache::CachedPages,
        rel: String,
        fingerprint: Option<u64>,
        render: impl FnOnce() -> Result<Vec<u8>, Diagnostic>,
    ) -> Made {
        let reused = last
            .get(&rel)
            .filter(|(then, _)| Some(*then) == fingerprint)
            .map(|(_, bytes)| bytes.clone());
        let rendered = reused.is_none();
        let bytes = match reused {
            Some(bytes) => Ok(bytes),
            None => render().map(Arc::new),
        };
        let written = bytes.and_then(|b| {
            out.write_shared(&rel, b.clone())
                .map(|()| b)
                .map_err(|e| Diagnostic::error("output", format!("cannot write {rel}: {e}")))
        });
        let (bytes, problem) = match written {
            Ok(b) => (fingerprint.map(|_| b), None),
            Err(d) => (None, Some(d)),
        };
        Made {
            rel,
            fingerprint,
            bytes,
            rendered,
            problem,
        }
    }

    fn entry_page(&self, views: &ViewBuilder<'_>, id: EntryId) -> (&'static str, PageContext) {
        let site = views.site;
        let e = &site.entries[id];
        let (kind, template) = match e.collection {
            Collection::Home => ("home", "home.html"),
            Collection::Guide => ("chapter", "chapter.html"),
            Collection::Practices => ("practice", "practice.html"),
            Collection::Reports => ("report", "report.html"),
            Collection::Pages => ("page", "page.html"),
        };
        let mut page = views.page_view(id, kind);
        if e.collection == Collection::Guide {
            let chapters = &site.trees[e.lang].chapters;
            let pos = chapters.iter().position(|c| *c == id);
            let link = |i: usize| {
                chapters.get(i).map(|c| {
                    let it = views.item(*c, &e.path);
                    super::views::LinkView {
                        title: it.title,
                        url: it.url,
                        current: false,
                    }
                })
            };
            page.prev = pos.and_then(|p| p.checked_sub(1)).and_then(link);
            page.next = pos.and_then(|p| link(p + 1));
        }
        let target = Target {
            lang: e.lang,
            path: &e.path,
            entry: Some(id),
        };
        let others = |l: usize| {
            site.lookup(&e.key, l)
                .map_or_else(String::new, |o| site.entries[o].path.clone())
        };
        let mut ctx = views.context(&target, page, &others);
        // Only chapters (sidebar) and the home page list the chapters.
        if matches!(e.collection, Collection::Guide | Collection::Home) {
            ctx.chapters = chapter_window(&site.trees[e.lang].chapters, id)
                .iter()
                .map(|c| {
                    let mut it = views.item(*c, &e.path);
                    it.current = *c == id;
                    it
                })
                .collect();
        }
        if e.collection == Collection::Home {
            ctx.items = site.trees[e.lang]
                .reports
                .iter()
                .take(3)
                .map(|r| views.item(*r, &e.path))
                .collect();
        }
        (template, ctx)
    }

    fn list_page(
        &self,
        views: &ViewBuilder<'_>,
        lang: usize,
        list: &ListPage,
        path: &str,
    ) -> (&'static str, PageContext) {
        let site = views.site;
        let index = site.trees[lang].indexes.get(&list.collection).copied();
        let mut page = match index {
            Some(id) => views.page_view(id, list.kind()),
            None => PageView {
                kind: list.kind().into(),
                title: views.t(lang, &format!("nav-{}", list.collection.dir())),
                status: "source".into(),
                ..PageView::default()
            },
        };
        if let Some(c) = &list.country {
            page.title = format!("{} – {}", page.title, views.country_name(lang, c));
            page.content.clear();
        }
        let target = Target {
            lang,
            path,
            entry: index,
        };
        let others = |l: usize| list.path(site, l);
        let mut ctx = views.context(&target, page, &others);
        match list.collection {
            Collection::Guide => {
                ctx.chapters = site.trees[lang]
                    .chapters
                    .iter()
                    .map(|c| views.item(*c, path))
                    .collect()
            }
            Collection::Reports => {
                ctx.items = site.trees[lang]
                    .reports
                    .iter()
                    .map(|c| views.item(*c, path))
                    .collect()
            }
            _ => {
                ctx.groups = views.practice_groups(lang, path, list.country.as_deref());
                ctx.filters = views.country_filters(lang, path, list.country.as_deref());
            }
        }
        (list.template(), ctx)
    }
}

/// What writing one page did.
struct Made {
    rel: String,
    fingerprint: Option<u64>,
    /// The bytes, kept for serve mode's cache.
    bytes: Option<Arc<Vec<u8>>>,
    /// Whether the template ran (the page was not reused).
    rendered: bool,
    problem: Option<Diagnostic>,
}

/// How many chapters a chapter page lists at most; a longer guide shows the chapters around
/// the current one, so a page's size does not grow with the number of chapters.
const CHAPTER_WINDOW: usize = 30;

/// The chapters a chapter page lists: all of them, or a window around `current`.
fn chapter_window(chapters: &[EntryId], current: EntryId) -> &[EntryId] {
    if chapters.len() <= CHAPTER_WINDOW {
        return chapters;
    }
    let pos = chapters.iter().position(|c| *c == current).unwrap_or(0);
    let start = pos
        .saturating_sub(CHAPTER_WINDOW / 2)
        .min(chapters.len() - CHAPTER_WINDOW);
    &chapters[start..start + CHAPTER_WINDOW]
}

/// A generated list page: a collection's index, or practices of one country.
pub struct ListPage {
    pub collection: Collection,
    pub country: Option<String>,
}

impl ListPage {
    fn template(&self) -> &'static str {
        match self.collection {
            Collection::Guide => "guide.html",
            Collection::Reports => "reports.html",
            _ => "practices.html",
        }
    }

    fn kind(&self) -> &'static str {
        match self.collection {
            Collection::Guide => "guide",
            Collection::Reports => "reports",
            _ => "practices",
        }
    }

    /// The path of this list in a language.
    pub fn path(&self, site: &Site, lang: usize) -> String {
        let code = &site.config.languages[lang].code;
        match &self.country {
            Some(c) => format!("{code}/practices/country/{}/", c.to_ascii_lowercase()),
            None => format!("{code}/{}/", self.collection.dir()),
        }
    }
}

/// The list pages of a language: guide, practices (all and per country), reports.
pub fn list_pages(site: &Site, lang: usize) -> Vec<ListPage> {
    let mut lists: Vec<ListPage> = [
        Collection::Guide,
        Collection::Practices,
        Collection::Reports,
    ]
    .into_iter()
    .map(|collection| ListPage {
        collection,
        country: None,
    })
    .collect();
    let mut countries: Vec<String> = site.trees[lang]
        .practices
        .iter()
        .filter_map(|id| match site.meta(*id) {
            Some(crate::content::front_matter::Meta::Practice { country, .. }) => {
                Some(country.clone())
            }
            _ => None,
        })
        .collect();
    countries.sort();
    countries.dedup();
    lists.extend(countries.into_iter().map(|c| ListPage {
        collection: Collection::Practices,
        country: Some(c),
    }));
    lists
}

fn is_list(site: &Site, id: EntryId) -> bool {
    let e = &site.entries[id];
    e.key.is_index() && e.collection != Collection::Home
}

fn entry_path(site: &Site, id: EntryId) -> String {
    format!("{}index.html", site.entries[id].path)
}

fn register_functions(tera: &mut Tera, i18n: Arc<I18n>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let key: String = kwargs.must_get::<&str>("key")?.to_string();
            let code: String = state.get::<String>("lang")?.unwrap_or_default();
            let lang = i18n.lang_index(&code).unwrap_or(0);
            let args: Vec<(String, Arg)> = kwargs
                .iter()
                .filter(|(k, _)| k.as_str() != Some("key"))
                .map(|(k, v)| {
                    let name = k.as_str().unwrap_or_default().to_string();
                    let arg = v
                        .as_number()
                        .map_or_else(|| Arg::Text(v.to_string()), |n| Arg::Number(n.as_float()));
                    (name, arg)
                })
                .collect();
            let borrowed: Vec<(&str, Arg)> =
                args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            Ok(i18n.get(lang, &key, &borrowed))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_guides_list_the_chapters_around_the_current_one() {
        let short: Vec<EntryId> = (0..8).collect();
        assert_eq!(chapter_window(&short, 3), &short[..]);
        let long: Vec<EntryId> = (0..400).collect();
        assert_eq!(chapter_window(&long, 0), &long[0..30]);
        assert_eq!(chapter_window(&long, 200), &long[185..215]);
        assert_eq!(chapter_window(&long, 399), &long[370..400]);
    }
}
