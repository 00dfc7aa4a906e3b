//! The build pipeline, stage by stage, each stage timed:
//! config → discover → parse → assemble → Markdown → renderers → swap the output into place.
//!
//! Every stage adds its problems to one list, so a build reports everything it found. A build
//! with errors writes nothing: the previous output stays as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::json;

use crate::config::Config;
use crate::content::discover::{CONTENT_DIR, discover};
use crate::content::links::{EntryResolver, LinkIndex, MEDIA_DIR};
use crate::content::page::parse_file;
use crate::content::site::assemble;
use crate::content::{Page, Site};
use crate::diagnostic::{self, Diagnostic, Location, did_you_mean};
use crate::i18n::I18n;
use crate::markdown::{self, Labels, RenderOptions, Rendered};
use crate::output::{Output, Staging, check_output_path};
use crate::render::feeds;
use crate::render::html::{HtmlRenderer, THEMES_DIR};
use crate::render::views::ViewBuilder;
use crate::text::quotes_for;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
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
    let found = report.time("discover", |r| discover(&config, &mut r.diagnostics));
    let pages = report.time("parse", |r| {
        parse_all(&config.root, found.files, &mut r.diagnostics)
    });
    let mut site = report.time("assemble", |r| {
        assemble(config, pages, found.assets, drafts, &mut r.diagnostics)
    });
    let i18n = Arc::new(report.time("locales", |r| I18n::load(&site.config, &mut r.diagnostics)));
    site.bodies = report.time("markdown", |r| {
        render_markdown(&site, &i18n, &mut r.diagnostics)
    });
    report.time("anchors", |r| check_anchors(&site, &mut r.diagnostics));
    let loaded = Loaded { site, i18n };
    report.time("checks", |r| {
        crate::checks::run(&loaded, &mut r.diagnostics)
    });
    Some(loaded)
}

/// Parse every content file in parallel.
pub fn parse_all(
    root: &Path,
    files: Vec<crate::content::SourceFile>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let results: Vec<Result<Page, Vec<Diagnostic>>> =
        files.into_par_iter().map(|f| parse_file(root, f)).collect();
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
pub fn render_markdown(site: &Site, i18n: &I18n, problems: &mut Vec<Diagnostic>) -> Vec<Rendered> {
    let index = LinkIndex::new(site);
    let results: Vec<Rendered> = (0..site.entries.len())
        .into_par_iter()
        .map(|id| render_entry(site, i18n, &index, id))
        .collect();
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

fn render_entry(site: &Site, i18n: &I18n, index: &LinkIndex, id: usize) -> Rendered {
    let e = &site.entries[id];
    let page = &site.pages[e.page];
    let lang = e.lang;
    let resolver = EntryResolver {
        site,
        index,
        entry: id,
    };
    let callout = |k: pulldown_cmark::BlockQuoteKind| {
        let name = format!("{k:?}").to_ascii_lowercase();
        i18n.get(lang, &format!("callout-{name}"), &[])
    };
    let back = i18n.get(lang, "footnote-back", &[]);
    let notes = i18n.get(lang, "footnotes", &[]);
    let table = i18n.get(lang, "table-label", &[]);
    let opts = RenderOptions {
        quotes: quotes_for(&site.config.languages[page.file.lang].code),
        allow_unsafe_html: site.config.allow_unsafe_html,
        resolver: &resolver,
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
    write_site(&loaded, &out, &mut report);
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
pub fn write_site(loaded: &Loaded, out: &Output, report: &mut BuildReport) {
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
    let year = jiff::Zoned::now().year();
    let views = ViewBuilder::new(site, &loaded.i18n, year);
    let problems = report.time("html", |_| renderer.render_site(&views, out));
    report.diagnostics.extend(problems);
    report.pages = site.entries.len();
    let extra = report.time("extras", |_| {
        write_extras(site, &loaded.i18n, &renderer, out)
    });
    report.diagnostics.extend(extra);
    let search = report.time("search", |_| {
        crate::render::search::write(site, &loaded.i18n, out)
    });
    report.diagnostics.extend(search);
    report.diagnostics.extend(loaded.i18n.missing_keys());
}

fn write_extras(
    site: &Site,
    i18n: &I18n,
    renderer: &HtmlRenderer,
    out: &Output,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut put = |rel: &str, bytes: Result<Vec<u8>, Diagnostic>| match bytes {
        Ok(b) => {
            if let Err(e) = out.write(rel, &b) {
                problems.push(Diagnostic::error(
                    "output",
                    format!("cannot write {rel}: {e}"),
                ));
            }
        }
        Err(d) => problems.push(d),
    };
    for lang in 0..site.config.languages.len() {
        put(
            &format!("{}/reports/atom.xml", site.config.languages[lang].code),
            Ok(feeds::atom(site, i18n, lang)),
        );
    }
    put("sitemap.xml", Ok(feeds::sitemap(site)));
    put("robots.txt", Ok(feeds::robots(site)));
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
