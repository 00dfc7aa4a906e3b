//! What templates see: small serializable views made from the `Site`, never the model itself.
//!
//! Every page template gets a `PageContext` (documented field by field in
//! `themes/default/README.md`). URLs in views are relative to the page (`root` + path), so the
//! site works under any base path; `canonical` and `alternates` are absolute, as search engines
//! and feeds need.

use serde::Serialize;

use crate::content::front_matter::{Meta, ReportStatus, Stage};
use crate::content::links::root_prefix;
use crate::content::{Collection, EntryId, Site, TranslationStatus};
use crate::i18n::{Arg, DateFormatter, I18n};
use crate::markdown::Heading;

/// A link in a list or menu.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
    pub current: bool,
}

/// One language in the switcher or the alternates.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageView {
    pub code: String,
    pub name: String,
    /// Relative URL of the same page in that language.
    pub url: String,
    /// Absolute URL, for hreflang.
    pub href: String,
    pub current: bool,
    /// Whether the page is really translated into that language (not a fallback).
    pub translated: bool,
    /// BCP 47 locale with underscore, for og:locale (`tr_TR`).
    pub og_locale: String,
}

/// What the front matter says of a page, ready to print (dates formatted, labels localized).
#[derive(Debug, Clone, Serialize, Default)]
pub struct MetaView {
    pub chapter: Option<u32>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub place: Option<String>,
    pub report_kind: Option<String>,
    pub planned: bool,
    pub country: Option<String>,
    pub country_name: Option<String>,
    pub stage: Option<String>,
    pub stage_label: Option<String>,
    pub target_groups: Vec<String>,
    pub reading_time: Option<String>,
}

/// A page in a list (chapters, practices, reports).
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    /// Whether this item is the page being shown.
    pub current: bool,
    /// Language of the title when it is not the page's (a fallback), for `lang=`.
    pub lang: Option<String>,
    #[serde(flatten)]
    pub meta: MetaView,
}

/// Practices of one stage.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub id: String,
    pub label: String,
    pub description: String,
    pub items: Vec<ItemView>,
}

/// A filter link (country).
#[derive(Debug, Clone, Serialize)]
pub struct FilterView {
    pub code: String,
    pub label: String,
    pub url: String,
    pub current: bool,
    pub count: usize,
}

/// The page being rendered.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PageView {
    /// `home`, `chapter`, `guide`, `practice`, `practices`, `report`, `reports`, `page`.
    pub kind: String,
    pub title: String,
    pub summary: Option<String>,
    pub content: String,
    pub toc: Vec<Heading>,
    /// `source`, `translated`, `outdated` or `missing`.
    pub status: String,
    /// The language of the content when it differs from the page (fallback): `en`.
    pub content_lang: Option<String>,
    /// Relative URL of the source-language original (for the outdated banner).
    pub source_url: Option<String>,
    #[serde(flatten)]
    pub meta: MetaView,
    pub tags: Vec<String>,
    pub prev: Option<LinkView>,
    pub next: Option<LinkView>,
    pub has_code: bool,
}

/// Everything a page template receives.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    /// The page's language code; `t()` reads it.
    pub lang: String,
    /// Relative prefix from this page to the site root (`../../`).
    pub root: String,
    pub site_title: String,
    /// Absolute canonical URL of this page.
    pub canonical: String,
    pub og_locale: String,
    pub page: PageView,
    pub menu: Vec<LinkView>,
    pub languages: Vec<LanguageView>,
    /// Absolute URL of the source-language version, for `x-default`.
    pub x_default: String,
    /// Chapters of the guide (sidebar, guide index).
    pub chapters: Vec<ItemView>,
    pub items: Vec<ItemView>,
    pub groups: Vec<GroupView>,
    pub filters: Vec<FilterView>,
    pub feed_url: String,
    pub eu_funding: bool,
    pub license: Option<LicenseView>,
    pub year: i16,
    /// The ebook of this language, when one was built.
    pub ebook: Option<EbookView>,
    /// Whether the page offers search (`search:` in site.yaml): `partials/search.html` reads it.
    pub search: bool,
}

/// The download link of a language's ebook.
#[derive(Debug, Clone, Serialize)]
pub struct EbookView {
    /// Relative URL of the EPUB.
    pub url: String,
    /// Its size in kilobytes, rounded up (unknown in serve mode, where ebooks are made on request).
    pub kb: Option<u64>,
    /// Absolute URL of the cover image (the guide's `og:image`).
    pub cover: String,
}

/// The licence line of the footer.
#[derive(Debug, Clone, Serialize)]
pub struct LicenseView {
    pub name: String,
    pub url: Option<String>,
}

/// What views are made from: the site, the UI strings, per-language formatters.
pub struct ViewBuilder<'a> {
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub dates: Vec<DateFormatter>,
    pub year: i16,
    /// Each language's ebook (path below the output, size in bytes when known).
    pub ebooks: Vec<Option<(String, Option<u64>)>>,
}

/// A page of the site in one language, which may be an entry or a generated list.
pub struct Target<'a> {
    pub lang: usize,
    /// Path below the root with trailing slash (`tr/practices/country/hr/`).
    pub path: &'a str,
    /// The entry whose translations the switcher offers (or the list's own path per language).
    pub entry: Option<EntryId>,
}

impl<'a> ViewBuilder<'a> {
    /// Make a builder for a site.
    pub fn new(site: &'a Site, i18n: &'a I18n, year: i16) -> Self {
        let dates = site
            .config
            .languages
            .iter()
            .map(|l| DateFormatter::new(&l.locale))
            .collect();
        ViewBuilder {
            site,
            i18n,
            dates,
            year,
            ebooks: Vec::new(),
        }
    }

    /// A UI string.
    pub fn t(&self, lang: usize, key: &str) -> String {
        self.i18n.get(lang, key, &[])
    }

    /// The frame every page shares: language, menu, switcher, footer.
    pub fn context(
        &self,
        target: &Target<'_>,
        page: PageView,
        other_paths: &dyn Fn(usize) -> String,
    ) -> PageContext {
        let site = self.site;
        let lang = &site.config.languages[target.lang];
        let root = root_prefix(target.path);
        let base = &site.config.base_url;
        let languages = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let path = other_paths(i);
                let translated = target.entry.is_none_or(|e| self.translated_in(e, i));
                LanguageView {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    url: format!("{root}{path}"),
                    href: format!("{base}{path}"),
                    current: i == target.lang,
                    translated,
                    og_locale: og_locale(l),
                }
            })
            .collect();
        PageContext {
            lang: lang.code.clone(),
            root: root.clone(),
            site_title: self.t(target.lang, "site-title"),
            canonical: format!("{base}{}", target.path),
            og_locale: og_locale(lang),
            page,
            menu: self.menu(target.lang, target.path),
            languages,
            x_default: format!("{base}{}", other_paths(site.config.source)),
            chapters: Vec::new(),
            items: Vec::new(),
            groups: Vec::new(),
            filters: Vec::new(),
            feed_url: format!("{root}{}/reports/atom.xml", lang.code),
            eu_funding: site.config.eu_funding,
            license: site.config.license.as_ref().map(|l| LicenseView {
                name: l.name.clone(),
                url: l.url.clone(),
            }),
            year: self.year,
            ebook: self.ebook(target.lang, &root),
            search: site.config.search,
        }
    }

    fn ebook(&self, lang: usize, root: &str) -> Option<EbookView> {
        let (path, bytes) = self.ebooks.get(lang)?.as_ref()?;
        let code = &self.site.config.languages[lang].code;
        let cover = format!(
            "{}{}/cover-{code}.svg",
            self.site.config.base_url,
            crate::render::epub::DOWNLOADS_DIR
        );
        Some(EbookView {
            url: format!("{root}{path}"),
            kb: bytes.map(|b| b.div_ceil(1024)),
            cover,
        })
    }

    fn translated_in(&self, entry: EntryId, lang: usize) -> bool {
        let key = &self.site.entries[entry].key;
        self.site
            .lookup(key, lang)
            .is_some_and(|e| self.site.entries[e].status != TranslationStatus::Missing)
    }

    fn menu(&self, lang: usize, current: &str) -> Vec<LinkView> {
        let code = &self.site.config.languages[lang].code;
        let root = root_prefix(current);
        let mut menu = vec![
            (self.t(lang, "nav-home"), format!("{code}/")),
            (self.t(lang, "nav-guide"), format!("{code}/guide/")),
            (self.t(lang, "nav-practices"), format!("{code}/practices/")),
            (self.t(lang, "nav-reports"), format!("{code}/reports/")),
        ];
        for &id in &self.site.trees[lang].pages {
            let e = &self.site.entries[id];
            menu.push((e.title.clone(), e.path.clone()));
        }
        menu.into_iter()
            .map(|(title, path)| {
                let is_current = if path == format!("{code}/") {
                    current == path
                } else {
                    current.starts_with(&path)
                };
                LinkView {
                    title,
                    url: format!("{root}{path}"),
                    current: is_current,
                }
            })
            .collect()
    }

    /// A list item for an entry, with URLs relative to `from`.
    pub fn item(&self, id: EntryId, from: &str) -> ItemView {
        let site = self.site;
        let e = &site.entries[id];
        ItemView {
            title: e.title.clone(),
            url: format!("{}{}", root_prefix(from), e.path),
            summary: e.summary.clone(),
            current: false,
            lang: (e.status == TranslationStatus::Missing)
                .then(|| site.config.languages[e.content_lang(site)].code.clone()),
            meta: self.meta_view(id),
        }
    }

    fn place(&self, id: EntryId) -> Option<String> {
        let e = &self.site.entries[id];
        self.site.pages[e.page]
            .front
            .place
            .clone()
            .or_else(|| self.site.pages[e.source].front.place.clone())
    }

    /// A date or a date range in the long form of a language.
    pub fn date_range(
        &self,
        lang: usize,
        start: jiff::civil::Date,
        end: Option<jiff::civil::Date>,
    ) -> String {
        let f = &self.dates[lang];
        match end.filter(|e| *e != start) {
            Some(end) => self.i18n.get(
                lang,
                "date-range",
                &[
                    ("start", Arg::Text(f.format(start))),
                    ("end", Arg::Text(f.format(end))),
                ],
            ),
            None => f.format(start),
        }
    }

    /// The name of a country in a language, or its code when the theme has no name for it.
    pub fn country_name(&self, lang: usize, code: &str) -> String {
        self.i18n
            .try_get(lang, &format!("country-{code}"), &[])
            .unwrap_or_else(|| code.to_string())
    }

    /// The label of a stage.
    pub fn stage_label(&self, lang: usize, stage: Stage) -> String {
        self.t(lang, &format!("stage-{}", stage.as_str()))
    }

    /// The view of an entry's own page.
    pub fn page_view(&self, id: EntryId, kind: &str) -> PageView {
        let site = self.site;
        let e = &site.entries[id];
        let body = site.body(id);
        let content_lang = e.content_lang(site);
        let source_entry = site.lookup(&e.key, site.config.source);
        PageView {
            kind: kind.to_string(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            content: body.html.clone(),
            toc: body.toc.iter().filter(|h| h.level == 2).cloned().collect(),
            status: serde_json::to_value(e.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            content_lang: (content_lang != e.lang)
                .then(|| site.config.languages[content_lang].code.clone()),
            source_url: source_entry
                .map(|s| format!("{}{}", root_prefix(&e.path), site.entries[s].path)),
            meta: MetaView {
                reading_time: self.reading_time(id),
                ..self.meta_view(id)
            },
            has_code: body.has_code,
            tags: site.pages[e.page].front.tags.clone(),
            ..PageView::default()
        }
    }

    /// "8 minutes read" for a chapter (only its own page shows it; lists do not).
    fn reading_time(&self, id: EntryId) -> Option<String> {
        let Some(Meta::Chapter { .. }) = self.site.meta(id) else {
            return None;
        };
        let minutes = self.site.body(id).words.div_ceil(200).max(1);
        let args = [("minutes", Arg::Number(minutes as f64))];
        Some(
            self.i18n
                .get(self.site.entries[id].lang, "reading-time", &args),
        )
    }

    /// The front matter of an entry, formatted for its language.
    pub fn meta_view(&self, id: EntryId) -> MetaView {
        let e = &self.site.entries[id];
        let mut m = MetaView::default();
        match self.site.meta(id) {
            Some(Meta::Chapter { number, .. }) => m.chapter = Some(*number),
            Some(Meta::Report {
                date,
                end_date,
                kind,
                status,
            }) => {
                m.date = Some(self.date_range(e.lang, *date, *end_date));
                m.date_iso = Some(date.to_string());
                m.report_kind = Some(self.t(e.lang, &format!("report-kind-{}", kind.as_str())));
                m.planned = *status == ReportStatus::Planned;
                m.place = self.place(id);
            }
            Some(Meta::Practice {
                country,
                stage,
                target_groups,
            }) => {
                m.country_name = Some(self.country_name(e.lang, country));
                m.country = Some(country.clone());
                m.stage = Some(stage.as_str().to_string());
                m.stage_label = Some(self.stage_label(e.lang, *stage));
                m.target_groups = target_groups
                    .iter()
                    .map(|g| self.t(e.lang, &format!("target-{g}")))
                    .collect();
            }
            _ => {}
        }
        m
    }

    /// The practices of a language grouped by stage, optionally of one country only.
    pub fn practice_groups(
        &self,
        lang: usize,
        from: &str,
        country: Option<&str>,
    ) -> Vec<GroupView> {
        Stage::WORDS
            .iter()
            .filter_map(|(word, stage)| {
                let items: Vec<ItemView> = self.site.trees[lang]
                    .practices
                    .iter()
                    .filter(|id| self.site.stage(**id) == Some(*stage))
                    .map(|id| self.item(*id, from))
                    .filter(|i| country.is_none_or(|c| i.meta.country.as_deref() == Some(c)))
                    .collect();
                (!items.is_empty()).then(|| GroupView {
                    id: word.to_string(),
                    label: self.stage_label(lang, *stage),
                    description: self.t(lang, &format!("stage-{word}-text")),
                    items,
                })
            })
            .collect()
    }

    /// The countries that have practices, as filter links.
    pub fn country_filters(
        &self,
        lang: usize,
        from: &str,
        current: Option<&str>,
    ) -> Vec<FilterView> {
        let code = &self.site.config.languages[lang].code;
        let root = root_prefix(from);
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        for &id in &self.site.trees[lang].practices {
            if let Some(Meta::Practice { country, .. }) = self.site.meta(id) {
                *counts.entry(country.clone()).or_default() += 1;
            }
        }
        let all = FilterView {
            code: String::new(),
            label: self.t(lang, "practices-all-countries"),
            url: format!("{root}{code}/practices/"),
            current: current.is_none(),
            count: counts.values().sum(),
        };
        std::iter::once(all)
            .chain(counts.into_iter().map(|(c, count)| FilterView {
                label: self.country_name(lang, &c),
                url: format!("{root}{code}/practices/country/{}/", c.to_ascii_lowercase()),
                current: current == Some(c.as_str()),
                code: c,
                count,
            }))
            .collect()
    }
}

/// `tr-TR` → `tr_TR`, as Open Graph writes locales.
pub fn og_locale(l: &crate::config::Language) -> String {
    l.locale.to_string().replace('-', "_")
}

/// Whether a collection's list page is generated for every language.
pub fn has_list(c: Collection) -> bool {
    matches!(
        c,
        Collection::Guide | Collection::Practices | Collection::Reports
    )
}
