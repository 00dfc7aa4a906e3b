//! Translation status: for each language, which pages are translated, outdated or missing, how
//! many English words are left to translate, and how far each language and collection has come.
//!
//! A pure function of the assembled, rendered `Site`, shared by `guidebook status` (table,
//! Markdown, JSON) and the coordinator's status page. "Words left" counts the English title,
//! summary and text of every outdated or missing page: an outdated page needs a second look at
//! all of it, not only at what changed.

use std::fmt::Write as _;

use serde::Serialize;

use crate::content::{Collection, EntryId, Site, TranslationStatus};
use crate::text::word_count;

/// The status of every translated language (the source language is left out).
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// The shape of this document; changes only with a new number.
    pub version: u32,
    /// The source language's code.
    pub source: String,
    pub languages: Vec<LanguageStatus>,
}

/// One language: totals, per collection, per page.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub code: String,
    pub name: String,
    pub totals: Counts,
    pub collections: Vec<CollectionStatus>,
    pub pages: Vec<PageStatus>,
}

/// Counts of pages by status, with the words left and the share done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub pages: usize,
    pub translated: usize,
    pub outdated: usize,
    pub missing: usize,
    pub words_left: usize,
    /// Translated pages in per cent of all pages, rounded down (100 only when all are done).
    pub percent: usize,
}

impl Counts {
    fn add(&mut self, page: &PageStatus) {
        self.pages += 1;
        match page.status {
            TranslationStatus::Outdated => self.outdated += 1,
            TranslationStatus::Missing => self.missing += 1,
            _ => self.translated += 1,
        }
        if page.needs_work() {
            self.words_left += page.words;
        }
        self.percent = (self.translated * 100)
            .checked_div(self.pages)
            .unwrap_or(100);
    }
}

/// The counts of one collection in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CollectionStatus {
    pub collection: Collection,
    #[serde(flatten)]
    pub counts: Counts,
}

/// One page in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageStatus {
    /// The language-free key (`guide/03-warning-signs`).
    pub key: String,
    pub collection: Collection,
    /// The source-language title.
    pub title: String,
    /// The source file (`content/guide/03-warning-signs.md`).
    pub source: String,
    /// The translation file, existing or to be made (`content/guide/03-warning-signs.tr.md`).
    pub translation: String,
    pub status: TranslationStatus,
    /// Words of the source page: title, summary and text.
    pub words: usize,
    /// The page in this language, relative to the site root (`tr/guide/warning-signs/`).
    pub path: String,
}

impl PageStatus {
    /// Whether a translator has something to do on this page.
    pub fn needs_work(&self) -> bool {
        matches!(
            self.status,
            TranslationStatus::Outdated | TranslationStatus::Missing
        )
    }
}

/// The status of every language but the source, pages in the site's order.
pub fn compute(site: &Site) -> StatusReport {
    let languages = (0..site.config.languages.len())
        .filter(|l| *l != site.config.source)
        .map(|l| language_status(site, l))
        .collect();
    StatusReport {
        version: 1,
        source: site.config.source_language().code.clone(),
        languages,
    }
}

fn language_status(site: &Site, lang: usize) -> LanguageStatus {
    let pages: Vec<PageStatus> = ordered_entries(site, lang)
        .into_iter()
        .map(|id| page_status(site, id))
        .collect();
    let mut totals = Counts::default();
    let mut collections: Vec<CollectionStatus> = Vec::new();
    for p in &pages {
        totals.add(p);
        match collections
            .iter_mut()
            .find(|c| c.collection == p.collection)
        {
            Some(c) => c.counts.add(p),
            None => {
                let mut counts = Counts::default();
                counts.add(p);
                collections.push(CollectionStatus {
                    collection: p.collection,
                    counts,
                });
            }
        }
    }
    let l = &site.config.languages[lang];
    LanguageStatus {
        code: l.code.clone(),
        name: l.name.clone(),
        totals,
        collections,
        pages,
    }
}

/// A language's entries in reading order: home, then each collection's index and pages.
fn ordered_entries(site: &Site, lang: usize) -> Vec<EntryId> {
    let tree = &site.trees[lang];
    let mut ids: Vec<EntryId> = tree.home.into_iter().collect();
    let lists = [
        (Collection::Guide, &tree.chapters),
        (Collection::Practices, &tree.practices),
        (Collection::Reports, &tree.reports),
        (Collection::Pages, &tree.pages),
    ];
    for (collection, list) in lists {
        ids.extend(tree.indexes.get(&collection));
        ids.extend(list.iter().copied());
    }
    ids
}

fn page_status(site: &Site, id: EntryId) -> PageStatus {
    let e = &site.entries[id];
    let source = &site.pages[e.source];
    let source_path = source.file.path.to_string_lossy().replace('\\', "/");
    let code = &site.config.languages[e.lang].code;
    let translation = match e.status {
        TranslationStatus::Missing => translation_path(&source_path, code),
        _ => site.pages[e.page]
            .file
            .path
            .to_string_lossy()
            .replace('\\', "/"),
    };
    PageStatus {
        key: e.key.0.clone(),
        collection: e.collection,
        title: source.front.title.clone(),
        source: source_path,
        translation,
        status: e.status,
        words: source_words(site, id),
        path: e.path.clone(),
    }
}

/// `content/x.md` → `content/x.tr.md`.
pub fn translation_path(source: &str, code: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    format!("{stem}.{code}.md")
}

/// Words of the source page of entry `id`: title, summary and the rendered text.
fn source_words(site: &Site, id: EntryId) -> usize {
    let page = &site.pages[site.entries[id].source];
    let key = &site.entries[id].key;
    let body = site
        .lookup(key, site.config.source)
        .map_or(0, |s| site.bodies.get(s).map_or(0, |b| b.words));
    word_count(&page.front.title) + page.front.summary.as_deref().map_or(0, word_count) + body
}

/// The status word of a page, as `status` prints it.
pub fn status_word(status: TranslationStatus) -> &'static str {
    match status {
        TranslationStatus::Source => "source",
        TranslationStatus::Translated => "translated",
        TranslationStatus::Outdated => "outdated",
        TranslationStatus::Missing => "missing",
    }
}

/// The report as a plain-text table for a terminal; `all_pages` lists translated pages too.
pub fn table(report: &StatusReport, all_pages: bool) -> String {
    let mut out = format!(
        "{:<16} {:>10} {:>9} {:>8} {:>11} {:>5}\n",
        "language", "translated", "outdated", "missing", "words left", "done"
    );
    for l in &report.languages {
        let t = &l.totals;
        let name = format!("{} {}", l.code, l.name);
        let _ = writeln!(
            out,
            "{name:<16} {:>10} {:>9} {:>8} {:>11} {:>4}%",
            t.translated, t.outdated, t.missing, t.words_left, t.percent
        );
    }
    for l in &report.languages {
        let _ = writeln!(out, "\n{} ({})", l.name, l.code);
        for c in &l.collections {
            let n = &c.counts;
            let count = format!("{} of {}", n.translated, n.pages);
            let word = collection_word(c.collection);
            let _ = writeln!(out, "  {word:<10} {count:>9} translated {:>4}%", n.percent);
        }
        let pages: Vec<&PageStatus> = l
            .pages
            .iter()
            .filter(|p| all_pages || p.needs_work())
            .collect();
        let width = pages
            .iter()
            .map(|p| p.translation.chars().count())
            .max()
            .unwrap_or(0);
        for p in pages {
            let status = status_word(p.status);
            let _ = writeln!(
                out,
                "  {status:<10} {:<width$} {:>6} words",
                p.translation, p.words
            );
        }
    }
    out
}

/// The report as Markdown, to paste into an issue or a meeting's minutes.
pub fn markdown(report: &StatusReport, all_pages: bool) -> String {
    let mut out = String::from("## Translation status\n\n");
    out.push_str("| Language | Translated | Outdated | Missing | Words left | Done |\n");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for l in &report.languages {
        let t = &l.totals;
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} | {} | {} | {}% |",
            l.name, l.code, t.translated, t.outdated, t.missing, t.words_left, t.percent
        );
    }
    for l in &report.languages {
        let _ = writeln!(out, "\n### {} ({})\n", l.name, l.code);
        out.push_str("| Collection | Translated | Pages | Done |\n| --- | ---: | ---: | ---: |\n");
        for c in &l.collections {
            let n = &c.counts;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {}% |",
                collection_word(c.collection),
                n.translated,
                n.pages,
                n.percent
            );
        }
        let pages: Vec<&PageStatus> = l
            .pages
            .iter()
            .filter(|p| all_pages || p.needs_work())
            .collect();
        if pages.is_empty() {
            continue;
        }
        out.push_str("\n| File | Status | Words |\n| --- | --- | ---: |\n");
        for p in pages {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                p.translation,
                status_word(p.status),
                p.words
            );
        }
    }
    out
}

/// The name of a collection in the reports (its folder; `home` for the home page).
pub fn collection_word(c: Collection) -> &'static str {
    match c {
        Collection::Home => "home",
        other => other.dir(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(status: TranslationStatus, words: usize) -> PageStatus {
        PageStatus {
            key: "guide/01-a".into(),
            collection: Collection::Guide,
            title: "A".into(),
            source: "content/guide/01-a.md".into(),
            translation: translation_path("content/guide/01-a.md", "tr"),
            status,
            words,
            path: "tr/guide/a/".into(),
        }
    }

    #[test]
    fn counts_add_words_left_only_for_pages_with_work() {
        let mut c = Counts::default();
        c.add(&page(TranslationStatus::Translated, 100));
        c.add(&page(TranslationStatus::Outdated, 20));
        c.add(&page(TranslationStatus::Missing, 3));
        assert_eq!((c.pages, c.translated, c.outdated, c.missing), (3, 1, 1, 1));
        assert_eq!((c.words_left, c.percent), (23, 33));
    }

    #[test]
    fn percent_reaches_100_only_when_everything_is_translated() {
        let mut c = Counts::default();
        for _ in 0..199 {
            c.add(&page(TranslationStatus::Translated, 1));
        }
        c.add(&page(TranslationStatus::Outdated, 1));
        assert_eq!(c.percent, 99);
        assert_eq!(Counts::default().percent, 0);
    }

    #[test]
    fn translations_sit_beside_their_source() {
        assert_eq!(
            translation_path("content/_index.md", "hu"),
            "content/_index.hu.md"
        );
    }
}
