//! The coordinator's status page (`LANG/status/` in every language, with `status_page: true`
//! in `site.yaml`): the figures of `guidebook status` for people who do not use a terminal.
//!
//! It is an ordinary page of the theme (`status.html`, which extends `base.html`), so it has
//! the menu, the language switcher and the footer; it is in no menu and not in the sitemap.

use serde::Serialize;

use super::html::HtmlRenderer;
use super::views::{PageView, Target, ViewBuilder};
use crate::content::Collection;
use crate::content::links::root_prefix;
use crate::diagnostic::Diagnostic;
use crate::output::Output;
use crate::status::{self, Counts, LanguageStatus, status_word};

/// The status data a template receives as `status`.
#[derive(Debug, Serialize)]
struct StatusView {
    /// The source language's code, for `lang=` on the English titles.
    source_lang: String,
    languages: Vec<LanguageView>,
}

#[derive(Debug, Serialize)]
struct LanguageView {
    code: String,
    name: String,
    totals: Counts,
    collections: Vec<CollectionView>,
    /// Pages to translate or update.
    todo: Vec<TodoView>,
}

#[derive(Debug, Serialize)]
struct CollectionView {
    label: String,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Debug, Serialize)]
struct TodoView {
    title: String,
    url: String,
    /// `outdated` or `missing`.
    status: &'static str,
    words: usize,
    file: String,
}

/// Write the status page of every language, if the site asks for it.
pub fn write(views: &ViewBuilder<'_>, renderer: &HtmlRenderer, out: &Output) -> Vec<Diagnostic> {
    let site = views.site;
    if !site.config.status_page {
        return Vec::new();
    }
    let report = status::compute(site);
    let mut problems = Vec::new();
    for lang in 0..site.config.languages.len() {
        let code = &site.config.languages[lang].code;
        let path = format!("{code}/status/");
        let html = page(views, renderer, &report.languages, lang, &path);
        let written = html.and_then(|h| {
            out.write(&format!("{path}index.html"), h.as_bytes())
                .map_err(|e| Diagnostic::error("output", format!("cannot write {path}: {e}")))
        });
        problems.extend(written.err());
    }
    problems
}

fn page(
    views: &ViewBuilder<'_>,
    renderer: &HtmlRenderer,
    languages: &[LanguageStatus],
    lang: usize,
    path: &str,
) -> Result<String, Diagnostic> {
    let site = views.site;
    let page = PageView {
        kind: "status".into(),
        title: views.t(lang, "status-title"),
        summary: Some(views.t(lang, "status-intro")),
        status: "source".into(),
        ..PageView::default()
    };
    let target = Target {
        lang,
        path,
        entry: None,
    };
    let others = |l: usize| format!("{}/status/", site.config.languages[l].code);
    let ctx = views.context(&target, page, &others);
    let status = StatusView {
        source_lang: site.config.source_language().code.clone(),
        languages: languages
            .iter()
            .map(|l| language_view(views, l, lang, &root_prefix(path)))
            .collect(),
    };
    let mut value = serde_json::to_value(&ctx)
        .map_err(|e| Diagnostic::error("template", format!("internal error: {e}")))?;
    value["status"] = serde_json::to_value(&status)
        .map_err(|e| Diagnostic::error("template", format!("internal error: {e}")))?;
    renderer.render_value("status.html", &value)
}

fn language_view(
    views: &ViewBuilder<'_>,
    l: &LanguageStatus,
    ui: usize,
    root: &str,
) -> LanguageView {
    LanguageView {
        code: l.code.clone(),
        name: l.name.clone(),
        totals: l.totals,
        collections: l
            .collections
            .iter()
            .map(|c| CollectionView {
                label: collection_label(views, ui, c.collection),
                counts: c.counts,
            })
            .collect(),
        todo: l
            .pages
            .iter()
            .filter(|p| p.needs_work())
            .map(|p| TodoView {
                title: p.title.clone(),
                url: format!("{root}{}", p.path),
                status: status_word(p.status),
                words: p.words,
                file: p.translation.clone(),
            })
            .collect(),
    }
}

fn collection_label(views: &ViewBuilder<'_>, lang: usize, c: Collection) -> String {
    let key = match c {
        Collection::Home => "nav-home",
        Collection::Guide => "nav-guide",
        Collection::Practices => "nav-practices",
        Collection::Reports => "nav-reports",
        Collection::Pages => "status-other-pages",
    };
    views.t(lang, key)
}
