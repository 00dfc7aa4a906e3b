//! Machine-read files: the Atom feed of reports per language, `sitemap.xml`, `robots.txt`.
//!
//! Written with quick-xml's writer, so escaping and well-formedness are the writer's job. Only
//! real translations are announced as alternates: a fallback page is not a translation.

use super::html::list_pages;
use super::xml::{self, XmlWriter, close, element, empty, open};
use crate::content::front_matter::Meta;
use crate::content::{EntryId, Site, TranslationStatus};
use crate::i18n::I18n;

type W = XmlWriter;

fn writer() -> W {
    xml::writer(1)
}

fn finish(w: W) -> Vec<u8> {
    let mut bytes = w.into_inner().into_inner();
    bytes.push(b'\n');
    bytes
}

fn rfc3339(d: jiff::civil::Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The Atom feed of a language's reports (newest first).
pub fn atom(site: &Site, i18n: &I18n, lang: usize) -> Vec<u8> {
    let base = &site.config.base_url;
    let code = &site.config.languages[lang].code;
    let reports = &site.trees[lang].reports;
    let date_of = |id: &EntryId| match site.meta(*id) {
        Some(Meta::Report { date, .. }) => Some(*date),
        _ => None,
    };
    let updated = reports
        .iter()
        .filter_map(date_of)
        .max()
        .unwrap_or(jiff::civil::date(2000, 1, 1));
    let mut w = writer();
    open(
        &mut w,
        "feed",
        &[("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", code)],
    );
    let title = format!(
        "{} – {}",
        i18n.get(lang, "site-title", &[]),
        i18n.get(lang, "nav-reports", &[])
    );
    element(&mut w, "title", &[], &title);
    let self_url = format!("{base}{code}/reports/atom.xml");
    let html_url = format!("{base}{code}/reports/");
    element(&mut w, "id", &[], &self_url);
    empty(&mut w, "link", &[("rel", "self"), ("href", &self_url)]);
    empty(
        &mut w,
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &html_url),
        ],
    );
    element(&mut w, "updated", &[], &rfc3339(updated));
    open(&mut w, "author", &[]);
    element(&mut w, "name", &[], &i18n.get(lang, "site-title", &[]));
    close(&mut w, "author");
    for id in reports {
        let e = &site.entries[*id];
        let url = format!("{base}{}", e.path);
        let content_lang = &site.config.languages[e.content_lang(site)].code;
        open(&mut w, "entry", &[("xml:lang", content_lang)]);
        element(&mut w, "title", &[], &e.title);
        element(&mut w, "id", &[], &url);
        empty(
            &mut w,
            "link",
            &[("rel", "alternate"), ("type", "text/html"), ("href", &url)],
        );
        element(
            &mut w,
            "updated",
            &[],
            &rfc3339(date_of(id).unwrap_or(updated)),
        );
        if let Some(s) = &e.summary {
            element(&mut w, "summary", &[], s);
        }
        close(&mut w, "entry");
    }
    close(&mut w, "feed");
    finish(w)
}

/// `sitemap.xml`: every page with its real translations as `xhtml:link` alternates.
pub fn sitemap(site: &Site) -> Vec<u8> {
    let base = &site.config.base_url;
    let mut w = writer();
    open(
        &mut w,
        "urlset",
        &[
            ("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"),
            ("xmlns:xhtml", "http://www.w3.org/1999/xhtml"),
        ],
    );
    for (id, e) in site.entries.iter().enumerate() {
        if e.status == TranslationStatus::Missing
            || (e.key.is_index() && e.collection != crate::content::Collection::Home)
        {
            continue;
        }
        let alternates: Vec<(String, String)> = site
            .translations(id)
            .filter(|t| site.entries[*t].status != TranslationStatus::Missing)
            .map(|t| {
                (
                    site.config.languages[site.entries[t].lang].code.clone(),
                    format!("{base}{}", site.entries[t].path),
                )
            })
            .collect();
        url_entry(&mut w, &format!("{base}{}", e.path), &alternates, site);
    }
    for lang in 0..site.config.languages.len() {
        for list in list_pages(site, lang) {
            let alternates: Vec<(String, String)> = site
                .config
                .languages
                .iter()
                .enumerate()
                .map(|(l, language)| {
                    (
                        language.code.clone(),
                        format!("{base}{}", list.path(site, l)),
                    )
                })
                .collect();
            url_entry(
                &mut w,
                &format!("{base}{}", list.path(site, lang)),
                &alternates,
                site,
            );
        }
    }
    close(&mut w, "urlset");
    finish(w)
}

fn url_entry(w: &mut W, loc: &str, alternates: &[(String, String)], site: &Site) {
    open(w, "url", &[]);
    element(w, "loc", &[], loc);
    if alternates.len() > 1 {
        for (code, href) in alternates {
            empty(
                w,
                "xhtml:link",
                &[("rel", "alternate"), ("hreflang", code), ("href", href)],
            );
        }
        let source = &site.config.source_language().code;
        if let Some((_, href)) = alternates.iter().find(|(c, _)| c == source) {
            empty(
                w,
                "xhtml:link",
                &[
                    ("rel", "alternate"),
                    ("hreflang", "x-default"),
                    ("href", href),
                ],
            );
        }
    }
    close(w, "url");
}

/// `robots.txt`, pointing at the sitemap.
pub fn robots(site: &Site) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.config.base_url
    )
    .into_bytes()
}
