//! The `Site`: every page in every language, ordered and addressed, read by every renderer.
//!
//! Assembly turns parsed files into *entries*: one per content key and language. An entry shows
//! the translation when there is one and the source text otherwise (a fallback), so every page
//! exists at `/LANG/…` in every language and the language switcher never leads nowhere. Entries
//! are kept in an arena (`EntryId`) with an index `(key, language) → entry`, and each language has
//! its ordered lists (chapters by number, practices by stage and collated title, reports newest
//! first) so navigation is computed once, not per page.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::discover::{Collection, ContentKey, slug_of};
use super::front_matter::{Meta, Stage};
use super::page::Page;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location};
use crate::i18n::Sorter;
use crate::markdown::Rendered;
use crate::text::{quotes_for, smart_quotes};

/// Index of an entry in `Site::entries`.
pub type EntryId = usize;

/// Where a language's text of a page comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationStatus {
    /// The page is the source-language original.
    Source,
    /// A translation made from the current source.
    Translated,
    /// A translation made from an older version of the source.
    Outdated,
    /// No translation: the source text is shown.
    Missing,
}

/// A page as readers see it in one language.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: ContentKey,
    pub lang: usize,
    pub collection: Collection,
    /// The file whose text is shown (the translation, or the source for a fallback).
    pub page: usize,
    /// The source-language file (its front matter gives order, dates, stage …).
    pub source: usize,
    pub status: TranslationStatus,
    /// Path of the page below the site root, with a trailing slash: `tr/guide/warning-signs/`.
    pub path: String,
    /// Title and summary with the language's typographic quotes.
    pub title: String,
    pub summary: Option<String>,
}

impl Entry {
    /// The language of the text shown (the source language for a fallback).
    pub fn content_lang(&self, site: &Site) -> usize {
        site.pages[self.page].file.lang
    }
}

/// The ordered lists of one language.
#[derive(Debug, Clone, Default)]
pub struct LangTree {
    pub home: Option<EntryId>,
    /// `_index.md` of each collection that has one.
    pub indexes: BTreeMap<Collection, EntryId>,
    pub chapters: Vec<EntryId>,
    pub practices: Vec<EntryId>,
    pub reports: Vec<EntryId>,
    pub pages: Vec<EntryId>,
}

/// The whole site, immutable once assembled and rendered.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Every parsed file (sources and translations); entries point into it. Shared, so serve
    /// mode keeps unchanged files between builds without copying them.
    pub pages: Vec<Arc<Page>>,
    pub entries: Vec<Entry>,
    /// Each content key's position among the keys: the entry of key `k` in language `l` is
    /// `l × keys + k`, so finding a translation needs no string.
    pub keys: HashMap<ContentKey, usize>,
    pub trees: Vec<LangTree>,
    /// Files under `content/` that are not Markdown (images), relative to `content/`.
    pub assets: Vec<PathBuf>,
    /// The Markdown of each entry rendered to HTML, by `EntryId` (filled by the render stage).
    /// Shared, so serve mode keeps unchanged bodies between builds without copying them.
    pub bodies: Vec<std::sync::Arc<Rendered>>,
}

impl Site {
    /// The entry of a content key in a language.
    pub fn lookup(&self, key: &ContentKey, lang: usize) -> Option<EntryId> {
        let k = self.keys.get(key)?;
        (lang < self.config.languages.len()).then(|| lang * self.keys.len() + k)
    }

    /// The source-language front matter of an entry.
    pub fn meta(&self, id: EntryId) -> Option<&Meta> {
        self.pages[self.entries[id].source].front.meta.as_ref()
    }

    /// All entries of the same key, one per language, in the order of `site.yaml`.
    pub fn translations(&self, id: EntryId) -> impl Iterator<Item = EntryId> + '_ {
        let n = self.keys.len();
        (0..self.config.languages.len()).map(move |l| l * n + id % n)
    }

    /// The rendered body of an entry.
    pub fn body(&self, id: EntryId) -> &Rendered {
        &self.bodies[id]
    }

    /// The stage of a practice entry.
    pub fn stage(&self, id: EntryId) -> Option<Stage> {
        match self.meta(id) {
            Some(Meta::Practice { stage, .. }) => Some(*stage),
            _ => None,
        }
    }
}

/// Assemble parsed pages into the site; problems of the whole (duplicates, orphans) are reported.
pub fn assemble(
    config: Config,
    pages: Vec<Arc<Page>>,
    assets: Vec<PathBuf>,
    drafts: bool,
    problems: &mut Vec<Diagnostic>,
) -> Site {
    // A draft source takes its translations out with it; they are not orphans.
    let draft_sources: std::collections::HashSet<ContentKey> = pages
        .iter()
        .filter(|p| p.file.is_source && p.front.draft && !drafts)
        .map(|p| p.file.key.clone())
        .collect();
    let pages: Vec<Arc<Page>> = pages
        .into_iter()
        .filter(|p| drafts || !p.front.draft)
        .filter(|p| !draft_sources.contains(&p.file.key))
        .collect();
    let sources: BTreeMap<&ContentKey, usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.file.is_source)
        .map(|(i, p)| (&p.file.key, i))
        .collect();
    // Translations by source file and language.
    let mut translations: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, p) in pages.iter().enumerate().filter(|(_, p)| !p.file.is_source) {
        match sources.get(&p.file.key) {
            Some(&source) => {
                translations.insert((source, p.file.lang), i);
            }
            None => problems.push(orphan(p)),
        }
    }
    check_sources(&pages, &sources, problems);
    let keys: Vec<(ContentKey, usize)> = sources.into_iter().map(|(k, s)| (k.clone(), s)).collect();
    let mut site = Site {
        config,
        pages,
        entries: Vec::new(),
        keys: keys
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect(),
        trees: Vec::new(),
        assets,
        bodies: Vec::new(),
    };
    let languages = site.config.languages.len();
    site.entries = (0..languages * keys.len())
        .into_par_iter()
        .map(|id| {
            let (lang, (key, source)) = (id / keys.len(), &keys[id % keys.len()]);
            let page = translations.get(&(*source, lang)).copied();
            make_entry(&site, key, lang, *source, page)
        })
        .collect();
    site.trees = (0..languages)
        .into_par_iter()
        .map(|l| build_tree(&site, l))
        .collect();
    site
}

fn orphan(p: &Page) -> Diagnostic {
    let source = format!("{}.md", p.file.key.0);
    Diagnostic::error(
        "translation",
        format!("this translation has no source file content/{source}"),
    )
    .at(Location::file(&p.file.path))
    .hint("rename it to match the English file it translates, or add that English file")
}

fn make_entry(
    site: &Site,
    key: &ContentKey,
    lang: usize,
    source: usize,
    page: Option<usize>,
) -> Entry {
    let src = &site.pages[source];
    let (page, status) = match page {
        None if lang == site.config.source => (source, TranslationStatus::Source),
        None => (source, TranslationStatus::Missing),
        Some(t) => {
            let current = site.pages[t]
                .front
                .source_hash
                .as_ref()
                .is_some_and(|(h, _)| *h == src.hash);
            (
                t,
                if current {
                    TranslationStatus::Translated
                } else {
                    TranslationStatus::Outdated
                },
            )
        }
    };
    let shown = &site.pages[page];
    let q = quotes_for(&site.config.languages[shown.file.lang].code);
    Entry {
        key: key.clone(),
        lang,
        collection: src.file.collection,
        page,
        source,
        status,
        path: entry_path(&site.config.languages[lang].code, src),
        title: smart_quotes(&shown.front.title, q),
        summary: shown
            .front
            .summary
            .as_deref()
            .or(src.front.summary.as_deref())
            .map(|s| smart_quotes(s, q)),
    }
}

/// The URL path of a page in a language.
fn entry_path(lang: &str, source: &Page) -> String {
    let c = source.file.collection;
    if c == Collection::Home {
        return format!("{lang}/");
    }
    if source.file.key.is_index() {
        return format!("{lang}/{}/", c.dir());
    }
    format!("{lang}/{}/{}/", c.dir(), slug_of(&source.file.key))
}

/// Duplicate chapter numbers and slugs are errors; gaps in the chapter order are warnings.
fn check_sources(
    pages: &[Arc<Page>],
    sources: &BTreeMap<&ContentKey, usize>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut chapters: BTreeMap<u32, &Page> = BTreeMap::new();
    let mut slugs: HashMap<(Collection, String), &Page> = HashMap::new();
    for &i in sources.values() {
        let p = &pages[i];
        if let Some(Meta::Chapter { number, at }) = &p.front.meta
            && let Some(first) = chapters.insert(*number, p)
        {
            problems.push(
                Diagnostic::error(
                    "chapter-order",
                    format!(
                        "chapter {number} is also used by {}",
                        first.file.path.display()
                    ),
                )
                .at(at.clone())
                .hint("give every chapter its own number"),
            );
        }
        if !p.file.key.is_index()
            && p.file.collection != Collection::Home
            && let Some(first) = slugs.insert((p.file.collection, slug_of(&p.file.key)), p)
        {
            problems.push(
                Diagnostic::error(
                    "duplicate-slug",
                    format!(
                        "this page would have the same address as {}",
                        first.file.path.display()
                    ),
                )
                .at(Location::file(&p.file.path))
                .hint("rename one of the two files"),
            );
        }
    }
    let numbers: Vec<u32> = chapters.keys().copied().collect();
    for (expected, n) in (1u32..).zip(&numbers) {
        if *n != expected {
            if let Some(Meta::Chapter { at, .. }) = &chapters[n].front.meta {
                problems.push(
                    Diagnostic::warning(
                        "chapter-order",
                        format!("chapter {expected} is missing before chapter {n}"),
                    )
                    .at(at.clone())
                    .hint("number the chapters 1, 2, 3 … without gaps"),
                );
            }
            break;
        }
    }
    if !sources.contains_key(&ContentKey("_index".into())) {
        problems.push(
            Diagnostic::error("content", "the site has no home page")
                .at(Location::file("content/_index.md"))
                .hint("create content/_index.md with a title"),
        );
    }
}

fn build_tree(site: &Site, lang: usize) -> LangTree {
    let mut tree = LangTree::default();
    let sorter = Sorter::new(&site.config.languages[lang].locale);
    for (id, e) in site
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.lang == lang)
    {
        if e.collection == Collection::Home {
            tree.home = Some(id);
        } else if e.key.is_index() {
            tree.indexes.insert(e.collection, id);
        } else {
            match e.collection {
                Collection::Guide => tree.chapters.push(id),
                Collection::Practices => tree.practices.push(id),
                Collection::Reports => tree.reports.push(id),
                Collection::Pages => tree.pages.push(id),
                Collection::Home => {}
            }
        }
    }
    let chapter = |id: &EntryId| match site.meta(*id) {
        Some(Meta::Chapter { number, .. }) => *number,
        _ => 0,
    };
    tree.chapters.sort_by_key(chapter);
    tree.practices.sort_by(|a, b| {
        site.stage(*a)
            .cmp(&site.stage(*b))
            .then_with(|| sorter.compare(&site.entries[*a].title, &site.entries[*b].title))
    });
    let date = |id: &EntryId| match site.meta(*id) {
        Some(Meta::Report { date, .. }) => *date,
        _ => jiff::civil::Date::MIN,
    };
    tree.reports.sort_by(|a, b| {
        date(b)
            .cmp(&date(a))
            .then_with(|| sorter.compare(&site.entries[*a].title, &site.entries[*b].title))
    });
    let weight = |id: &EntryId| match site.meta(*id) {
        Some(Meta::Page { weight }) => *weight,
        _ => 0,
    };
    tree.pages.sort_by(|a, b| {
        weight(a)
            .cmp(&weight(b))
            .then_with(|| sorter.compare(&site.entries[*a].title, &site.entries[*b].title))
    });
    tree
}
