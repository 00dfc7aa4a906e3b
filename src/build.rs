//! The build pipeline, stage by stage, each stage timed:
//! config → discover → parse → assemble → Markdown → renderers → swap the output into place.
//!
//! Every stage adds its problems to one list, so a build reports everything it found. A build
//! with errors writes nothing: the previous output stays as it was.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::json;

use crate::config::Config;
use crate::content::discover::{CONTENT_DIR, Discovered, discover};
use crate::content::links::{EntryResolver, LinkIndex, MEDIA_DIR};
use crate::content::page::{parse_bytes, short_hash};
use crate::content::site::assemble;
use crate::content::{Page, Site, SourceFile};
use crate::diagnostic::{self, Diagnostic, Location, did_you_mean};
use crate::i18n::I18n;
use crate::markdown::{self, Labels, RenderOptions, Rendered};
use crate::output::{Output, Staging, check_output_path};
use crate::render::html::{HtmlRenderer, THEMES_DIR};
use crate::render::views::ViewBuilder;
use crate::render::{epub, feeds};
use crate::text::quotes_for;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// `Build` writes the ebooks too; `OnRequest` only their covers (`build --no-epub`).
    pub ebooks: Ebooks,
}

/// What a build did: its problems, the pages it wrote and how long each stage took.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub timings: Vec<(&'static str, Duration)>,
}

impl BuildReport {
    /// Whether the build has errors (and so wrote nothing).
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn time<T>(&mut self, stage: &'static str, f: impl FnOnce(&mut Self) -> T) -> T {
        let start = Instant::now();
        let value = f(self);
        self.timings.push((stage, start.elapsed()));
        tracing::info!(
            stage,
            ms = start.elapsed().as_secs_f64() * 1000.0,
            "stage done"
        );
        value
    }

    fn finish(mut self) -> Self {
        diagnostic::sort(&mut self.diagnostics);
        self.diagnostics.dedup();
        self
    }
}

/// A loaded, rendered site with its UI strings: what renderers and `check` read.
pub struct Loaded {
    pub site: Site,
    pub i18n: Arc<I18n>,
}

/// Load and render the site's content without writing anything.
pub fn load(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    report: &mut BuildReport,
) -> Option<Loaded> {
    load_cached(root, base_url, drafts, report, &mut Cache::default(), None)
}

/// What serve mode keeps between builds: parsed files and rendered Markdown.
///
/// A parsed file is reused when its bytes hash the same; rendered Markdown when its file is
/// unchanged and the site's structure (pages, addresses, assets, UI strings) is the same, since
/// that is everything link resolution and labels depend on.
#[derive(Default)]
pub struct Cache {
    /// Whether to keep anything (serve mode); a one-off build keeps nothing.
    keep: bool,
    pages: HashMap<PathBuf, Parsed>,
    /// The last discovery, when it found no problems.
    found: Option<Arc<Discovered>>,
    markdown: MarkdownCache,
    /// Shared with serve's background job that makes the indexes after the pages.
    pub search: Arc<std::sync::Mutex<crate::render::search::SearchCache>>,
    html: crate::render::html::PageCache,
}

impl Cache {
    /// A cache that keeps what each build made, for the next one.
    pub fn keeping() -> Cache {
        Cache {
            keep: true,
            ..Cache::default()
        }
    }
}

impl Cache {
    /// The last discovery, if `changed` (the paths the watcher reported) cannot have changed
    /// it: each changed path under `content/` is a file the last discovery found and still
    /// exists. A new, deleted or renamed file or folder means walking `content/` again.
    fn discovery_for(&self, root: &Path, changed: Option<&[PathBuf]>) -> Option<Arc<Discovered>> {
        let found = self.found.as_ref()?;
        let known = |rel: &Path| {
            found.files.iter().any(|f| f.path == rel)
                || found
                    .assets
                    .iter()
                    .any(|a| Path::new(CONTENT_DIR).join(a) == rel)
        };
        let still_there = changed?
            .iter()
            .all(|rel| !rel.starts_with(CONTENT_DIR) || (root.join(rel).is_file() && known(rel)));
        still_there.then(|| found.clone())
    }
}

/// `load`, reusing what `cache` holds from the previous build and refreshing it. `changed`
/// lists the paths (relative to the site root) that changed since that build when the watcher
/// knows them (serve mode); with `None` every file is looked at.
pub fn load_cached(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    report: &mut BuildReport,
    cache: &mut Cache,
    changed: Option<&[PathBuf]>,
) -> Option<Loaded> {
    let config = report.time("config", |r| match Config::load(root) {
        Ok(c) => Some(c),
        Err(d) => {
            r.diagnostics.extend(d);
            None
        }
    })?;
    let config = match base_url.map(|u| config.clone().with_base_url(u)) {
        Some(Ok(c)) => c,
        Some(Err(d)) => {
            report.diagnostics.push(d);
            return None;
        }
        None => config,
    };
    let found = report.time("discover", |r| {
        if let Some(found) = cache.discovery_for(&config.root, changed) {
            return found;
        }
        let before = r.diagnostics.len();
        let found = Arc::new(discover(&config, &mut r.diagnostics));
        let clean = r.diagnostics.len() == before;
        cache.found = (cache.keep && clean).then(|| found.clone());
        found
    });
    let hinted: Option<std::collections::HashSet<&Path>> = changed
        .filter(|_| cache.found.is_some())
        .map(|paths| paths.iter().map(PathBuf::as_path).collect());
    let might_differ = |rel: &Path| hinted.as_ref().is_none_or(|h| h.contains(rel));
    let pages = report.time("parse", |r| {
        parse_all_cached(
            &config.root,
            &found.files,
            &cache.pages,
            &might_differ,
            &mut r.diagnostics,
        )
    });
    if cache.keep {
        cache.pages = pages
            .iter()
            .map(|(p, stamp)| (p.file.path.clone(), (p.clone(), *stamp)))
            .collect();
    }
    let pages: Vec<Arc<Page>> = pages.into_iter().map(|(p, _)| p).collect();
    let mut site = report.time("assemble", |r| {
        assemble(
            config,
            pages,
            found.assets.clone(),
            drafts,
            &mut r.diagnostics,
        )
    });
    let i18n = Arc::new(report.time("locales", |r| I18n::load(&site.config, &mut r.diagnostics)));
    site.bodies = report.time("markdown", |r| {
        render_markdown_cached(
            &site,
            &i18n,
            cache.keep,
            &mut cache.markdown,
            &mut r.diagnostics,
        )
    });
    report.time("anchors", |r| check_anchors(&site, &mut r.diagnostics));
    let loaded = Loaded { site, i18n };
    report.time("checks", |r| {
        crate::checks::run(&loaded, &mut r.diagnostics)
    });
    Some(loaded)
}

/// Parse every content file in parallel.
pub fn parse_all(root: &Path, files: Vec<SourceFile>, problems: &mut Vec<Diagnostic>) -> Vec<Page> {
    parse_all_cached(root, &files, &HashMap::new(), &|_| true, problems)
        .into_iter()
        .map(|(p, _)| Arc::unwrap_or_clone(p))
        .collect()
}

/// When and how big a file was when it was parsed: an unchanged stamp means unchanged bytes,
/// so serve mode need not read every file again on each save.
type Stamp = Option<(std::time::SystemTime, u64)>;

/// A parsed file with the stamp of the bytes it was parsed from.
type Parsed = (Arc<Page>, Stamp);

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Parse every content file in parallel, reusing pages whose files have not changed: files
/// for which `might_differ` is false are taken from the cache as they are, the others when
/// their size and time or their bytes are the same.
fn parse_all_cached(
    root: &Path,
    files: &[SourceFile],
    cache: &HashMap<PathBuf, Parsed>,
    might_differ: &(dyn Fn(&Path) -> bool + Sync),
    problems: &mut Vec<Diagnostic>,
) -> Vec<Parsed> {
    let results: Vec<Result<Parsed, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|f| {
            if !might_differ(&f.path)
                && let Some((p, then)) = cache.get(&f.path)
                && p.file.lang == f.lang
            {
                return Ok((p.clone(), *then));
            }
            let path = root.join(&f.path);
            let now = if cache.is_empty() { None } else { stamp(&path) };
            if let Some((p, then)) = cache.get(&f.path)
                && now.is_some()
                && *then == now
                && p.file.lang == f.lang
            {
                return Ok((p.clone(), now));
            }
            let bytes = std::fs::read(&path).map_err(|e| {
                vec![
                    Diagnostic::error("content", format!("cannot read this file: {e}"))
                        .at(Location::file(&f.path)),
                ]
            })?;
            let now = now.or_else(|| stamp(&path));
            match cache.get(&f.path) {
                Some((p, _)) if p.hash == short_hash(&bytes) && p.file.lang == f.lang => {
                    Ok((p.clone(), now))
                }
                _ => parse_bytes(f.clone(), bytes).map(|p| (Arc::new(p), now)),
            }
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(p) => pages.push(p),
            Err(d) => problems.extend(d),
        }
    }
    pages
}

/// Render the Markdown of every entry (in parallel), with links resolved in its language.
pub fn render_markdown(
    site: &Site,
    i18n: &I18n,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Arc<Rendered>> {
    render_markdown_cached(site, i18n, false, &mut MarkdownCache::default(), problems)
}

/// The rendered body of each entry, with the page it was rendered from, valid for one
/// structure of the site (the same structure means the same entries in the same order).
#[derive(Default)]
pub struct MarkdownCache {
    structure: u64,
    bodies: Vec<(Arc<Page>, Arc<Rendered>)>,
}

/// Render the Markdown of every entry, reusing results whose inputs have not changed.
fn render_markdown_cached(
    site: &Site,
    i18n: &I18n,
    cache_keep: bool,
    cache: &mut MarkdownCache,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Arc<Rendered>> {
    let index = LinkIndex::new(site);
    let structure = structure_fingerprint(site, i18n);
    let reusable = cache.structure == structure && cache.bodies.len() == site.entries.len();
    let results: Vec<Arc<Rendered>> = (0..site.entries.len())
        .into_par_iter()
        .map(|id| {
            let page = &site.pages[site.entries[id].page];
            match cache.bodies.get(id).filter(|_| reusable) {
                Some((then, body)) if Arc::ptr_eq(then, page) || then.hash == page.hash => {
                    body.clone()
                }
                _ => Arc::new(render_entry(site, i18n, &index, id)),
            }
        })
        .collect();
    if cache_keep {
        cache.structure = structure;
        cache.bodies = site
            .entries
            .iter()
            .zip(&results)
            .map(|(e, r)| (site.pages[e.page].clone(), r.clone()))
            .collect();
    }
    for (id, r) in results.iter().enumerate() {
        let page = &site.pages[site.entries[id].page];
        for p in &r.problems {
            let at = Location::at_offset(&page.file.path, &page.body, p.offset, page.body_line);
            problems.push(Diagnostic {
                severity: p.severity,
                code: p.code,
                location: Some(at),
                message: p.message.clone(),
                hint: p.hint.clone(),
            });
        }
    }
    results
}

/// A hash of everything a page's rendered Markdown depends on besides its own text.
fn structure_fingerprint(site: &Site, i18n: &I18n) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    for e in &site.entries {
        (&e.key.0, e.lang, &e.path, &site.pages[e.page].file.path).hash(&mut h);
    }
    site.assets.hash(&mut h);
    site.config.allow_unsafe_html.hash(&mut h);
    for lang in 0..site.config.languages.len() {
        for key in [
            "callout-note",
            "callout-tip",
            "callout-important",
            "callout-warning",
            "callout-caution",
            "footnote-back",
            "footnotes",
            "table-label",
        ] {
            i18n.get(lang, key, &[]).hash(&mut h);
        }
    }
    h.finish()
}

fn render_entry(site: &Site, i18n: &I18n, index: &LinkIndex, id: usize) -> Rendered {
    let resolver = EntryResolver {
        site,
        index,
        entry: id,
    };
    render_entry_with(site, i18n, id, &resolver)
}

/// Render an entry's Markdown in its language with a given link resolver (the website's, or
/// the ebook's, which points links into the book).
pub fn render_entry_with(
    site: &Site,
    i18n: &I18n,
    id: usize,
    resolver: &dyn markdown::Resolver,
) -> Rendered {
    let e = &site.entries[id];
    let page = &site.pages[e.page];
    let lang = e.lang;
    let callout = |k: pulldown_cmark::BlockQuoteKind| {
        let name = format!("{k:?}").to_ascii_lowercase();
        i18n.get(lang, &format!("callout-{name}"), &[])
    };
    let (back, notes, table) = (
        i18n.get(lang, "footnote-back", &[]),
        i18n.get(lang, "footnotes", &[]),
        i18n.get(lang, "table-label", &[]),
    );
    let opts = RenderOptions {
        quotes: quotes_for(&site.config.languages[page.file.lang].code),
        allow_unsafe_html: site.config.allow_unsafe_html,
        resolver,
        labels: Labels {
            callout: &callout,
            back_to_text: &back,
            footnotes: &notes,
            table: &table,
        },
    };
    markdown::render(&page.body, &opts)
}

/// Every `#fragment` of an internal link must name a heading of its target page.
fn check_anchors(site: &Site, problems: &mut Vec<Diagnostic>) {
    for (id, body) in site.bodies.iter().enumerate() {
        let page = &site.pages[site.entries[id].page];
        for a in &body.anchors {
            let target = a.target.unwrap_or(id);
            let ids = &site.bodies[target].ids;
            if ids.contains(&a.fragment) {
                continue;
            }
            let target_file = &site.pages[site.entries[target].page].file.path;
            let hint = match did_you_mean(&a.fragment, ids.iter().map(String::as_str)) {
                Some(s) => format!(
                    "did you mean #{s}? Give the heading an id that all languages share: ## Heading {{#{}}}",
                    a.fragment
                ),
                None => format!(
                    "give the heading an explicit id that all languages share: ## Heading {{#{}}}",
                    a.fragment
                ),
            };
            problems.push(
                Diagnostic::error(
                    "broken-anchor",
                    format!(
                        "#{} is not a heading in {}",
                        a.fragment,
                        target_file.display()
                    ),
                )
                .at(Location::at_offset(
                    &page.file.path,
                    &page.body,
                    a.offset,
                    page.body_line,
                ))
                .hint(hint),
            );
        }
    }
}

/// Build the site into `opts.output`; on any error the previous output is left untouched.
pub fn build(opts: &BuildOptions) -> BuildReport {
    let mut report = BuildReport::default();
    if let Err(d) = check_output_path(&opts.root, &opts.output) {
        report.diagnostics.push(d);
        return report.finish();
    }
    let Some(loaded) = load(
        &opts.root,
        opts.base_url.as_deref(),
        opts.drafts,
        &mut report,
    ) else {
        return report.finish();
    };
    if report.failed() {
        return report.finish();
    }
    let staging = match Staging::begin(&opts.output) {
        Ok(s) => s,
        Err(e) => {
            report.diagnostics.push(Diagnostic::error(
                "output",
                format!(
                    "cannot create a folder beside {}: {e}",
                    opts.output.display()
                ),
            ));
            return report.finish();
        }
    };
    let out = Output::Disk(staging.temp.clone());
    write_site(&loaded, &out, opts.ebooks, &mut report);
    if report.failed() {
        staging.abort();
    } else if let Err(e) = staging.commit() {
        report.diagnostics.push(Diagnostic::error(
            "output",
            format!(
                "cannot put the new site in place at {}: {e}",
                opts.output.display()
            ),
        ));
    }
    report.finish()
}

/// Run every renderer of the site into `out`.
/// Whether ebooks are made with the site (`build`) or only when asked for (`serve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ebooks {
    Build,
    OnRequest,
}

pub fn write_site(loaded: &Loaded, out: &Output, ebooks: Ebooks, report: &mut BuildReport) {
    write_site_cached(loaded, out, ebooks, report, &Cache::default());
}

/// `write_site`, reusing what serve mode's `cache` holds from the last build.
pub fn write_site_cached(
    loaded: &Loaded,
    out: &Output,
    ebooks: Ebooks,
    report: &mut BuildReport,
    cache: &Cache,
) {
    write_pages(loaded, out, ebooks, report, cache);
    let search = cache.keep.then_some(&*cache.search);
    write_indexes(loaded, out, report, search, &|| false);
}

/// Everything but the search index: what a reader sees first (serve reloads after this).
pub fn write_pages(
    loaded: &Loaded,
    out: &Output,
    ebooks: Ebooks,
    report: &mut BuildReport,
    cache: &Cache,
) {
    let site = &loaded.site;
    let renderer = match report.time("templates", |_| {
        HtmlRenderer::load(&site.config.root, &site.config.theme, loaded.i18n.clone())
    }) {
        Ok(r) => r,
        Err(d) => {
            report.diagnostics.extend(d);
            return;
        }
    };
    let modified = epub::modified_time(&site.config.root);
    let year = modified.to_zoned(jiff::tz::TimeZone::UTC).year();
    let mut views = ViewBuilder::new(site, &loaded.i18n, year);
    views.ebooks = match ebooks {
        Ebooks::Build => report.time("epub", |r| {
            write_ebooks(loaded, out, None, modified, &mut r.diagnostics)
        }),
        Ebooks::OnRequest => write_covers(loaded, out, &mut report.diagnostics),
    };
    let pages = cache.keep.then_some(&cache.html);
    let (rendered, problems) = report.time("html", |_| renderer.render_site(&views, out, pages));
    report.diagnostics.extend(problems);
    report.pages = rendered;
    let extra = report.time("extras", |_| {
        write_extras(site, &loaded.i18n, &renderer, out)
    });
    report.diagnostics.extend(extra);
    report
        .diagnostics
        .extend(crate::render::status::write(&views, &renderer, out));
    report.diagnostics.extend(loaded.i18n.missing_keys());
}

/// What machines read rather than people: the search index of every language, the feeds,
/// the sitemap and robots.txt (serve mode makes these after the browser has reloaded, and gives
/// up when `superseded` says a newer build has begun).
pub fn write_indexes(
    loaded: &Loaded,
    out: &Output,
    report: &mut BuildReport,
    search: Option<&std::sync::Mutex<crate::render::search::SearchCache>>,
    superseded: &(dyn Fn() -> bool + Sync),
) {
    let site = &loaded.site;
    let feeds = report.time("feeds", |_| write_feeds(site, &loaded.i18n, out));
    report.diagnostics.extend(feeds);
    if superseded() {
        return;
    }
    let search = report.time("search", |_| {
        crate::render::search::write_cached(site, &loaded.i18n, out, search, superseded)
    });
    report.diagnostics.extend(search);
}

/// Build the ebooks (all languages, or one) into `out/downloads/` with their covers; returns
/// each language's ebook path and size for the download links.
pub fn write_ebooks(
    loaded: &Loaded,
    out: &Output,
    only: Option<usize>,
    modified: jiff::Timestamp,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Option<(String, Option<u64>)>> {
    let site = &loaded.site;
    let mut sizes = vec![None; site.config.languages.len()];
    let books = match epub::build_all(site, &loaded.i18n, only, modified) {
        Ok(books) => books,
        Err(d) => {
            problems.extend(d);
            return sizes;
        }
    };
    for book in books {
        let code = &site.config.languages[book.lang].code;
        let cover = epub::cover(&loaded.i18n, book.lang);
        let written = out.write(&book.path, &book.bytes).and_then(|()| {
            out.write(
                &format!("{}/cover-{code}.svg", epub::DOWNLOADS_DIR),
                cover.as_bytes(),
            )
        });
        match written {
            Ok(()) => sizes[book.lang] = Some((book.path, Some(book.bytes.len() as u64))),
            Err(e) => problems.push(Diagnostic::error(
                "output",
                format!("cannot write {}: {e}", book.path),
            )),
        }
    }
    sizes
}

/// Serve mode: only the covers; the ebooks are linked and made when requested.
fn write_covers(
    loaded: &Loaded,
    out: &Output,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Option<(String, Option<u64>)>> {
    let site = &loaded.site;
    (0..site.config.languages.len())
        .map(|lang| {
            let code = &site.config.languages[lang].code;
            let cover = epub::cover(&loaded.i18n, lang);
            if let Err(e) = out.write(
                &format!("{}/cover-{code}.svg", epub::DOWNLOADS_DIR),
                cover.as_bytes(),
            ) {
                problems.push(Diagnostic::error(
                    "output",
                    format!("cannot write the cover: {e}"),
                ));
            }
            Some((epub::ebook_path(site, lang), None))
        })
        .collect()
}

/// Write a file, or say why it could not be written.
fn write_or_report(
    out: &Output,
    problems: &mut Vec<Diagnostic>,
    rel: &str,
    bytes: Result<Vec<u8>, Diagnostic>,
) {
    match bytes {
        Ok(b) => {
            if let Err(e) = out.write(rel, &b) {
                problems.push(Diagnostic::error(
                    "output",
                    format!("cannot write {rel}: {e}"),
                ));
            }
        }
        Err(d) => problems.push(d),
    }
}

/// The Atom feed of each language's reports, the sitemap and robots.txt.
fn write_feeds(site: &Site, i18n: &I18n, out: &Output) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for lang in 0..site.config.languages.len() {
        let rel = format!("{}/reports/atom.xml", site.config.languages[lang].code);
        write_or_report(out, &mut problems, &rel, Ok(feeds::atom(site, i18n, lang)));
    }
    write_or_report(out, &mut problems, "sitemap.xml", Ok(feeds::sitemap(site)));
    write_or_report(out, &mut problems, "robots.txt", Ok(feeds::robots(site)));
    problems
}

/// The files beside the pages: the root chooser, the 404 page, the theme's static files and
/// the content's images.
fn write_extras(
    site: &Site,
    i18n: &I18n,
    renderer: &HtmlRenderer,
    out: &Output,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut put = |rel: &str, bytes: Result<Vec<u8>, Diagnostic>| {
        write_or_report(out, &mut problems, rel, bytes)
    };
    put(".nojekyll", Ok(Vec::new()));
    let chooser = chooser_context(site, i18n);
    put(
        "index.html",
        renderer
            .render_value("root.html", &chooser)
            .map(String::into_bytes),
    );
    put(
        "404.html",
        renderer
            .render_value("404.html", &chooser)
            .map(String::into_bytes),
    );
    if site.bodies.iter().any(|b| b.has_code) {
        put(
            "static/syntax.css",
            Ok(markdown::highlight_css().into_bytes()),
        );
    }
    problems.extend(copy_tree(
        &site
            .config
            .root
            .join(THEMES_DIR)
            .join(&site.config.theme)
            .join("static"),
        "static",
        out,
    ));
    let content = site.config.root.join(CONTENT_DIR);
    let copies: Vec<Diagnostic> = site
        .assets
        .par_iter()
        .filter_map(|rel| {
            let to = format!("{MEDIA_DIR}/{}", rel.to_string_lossy().replace('\\', "/"));
            out.copy(&to, &content.join(rel)).err().map(|e| {
                Diagnostic::error(
                    "output",
                    format!("cannot copy content/{}: {e}", rel.display()),
                )
            })
        })
        .collect();
    problems.extend(copies);
    problems
}

fn copy_tree(dir: &Path, prefix: &str, out: &Output) -> Vec<Diagnostic> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            out.copy(&format!("{prefix}/{rel}"), e.path())
                .err()
                .map(|err| {
                    Diagnostic::error(
                        "output",
                        format!("cannot copy {}: {err}", e.path().display()),
                    )
                })
        })
        .collect()
}

/// The context of the root language chooser and the 404 page: every language's strings.
fn chooser_context(site: &Site, i18n: &I18n) -> serde_json::Value {
    let languages: Vec<serde_json::Value> = site.config.languages.iter().enumerate().map(|(i, l)| {
        let t = |k: &str| i18n.get(i, k, &[]);
        json!({
            "code": l.code, "name": l.name, "url": format!("{}/", l.code), "href": format!("{}{}/", site.config.base_url, l.code),
            "site_title": t("site-title"), "site_description": t("site-description"), "choose": t("choose-language"),
            "not_found": t("not-found-title"), "not_found_text": t("not-found-text"), "go_home": t("not-found-home"),
        })
    }).collect();
    let source = &site.config.source_language().code;
    json!({
        "lang": source,
        "languages": languages,
        "base_url": site.config.base_url,
        "base_path": site.config.base_path(),
        "site_title": i18n.get(site.config.source, "site-title", &[]),
        "site_description": i18n.get(site.config.source, "site-description", &[]),
    })
}
