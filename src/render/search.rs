//! The search index of each language: static JSON fragments that `static/search.js` reads.
//!
//! Why our own index and not Pagefind: Pagefind folds accents *before* it stems, so the Turkish,
//! Hungarian and Lithuanian stemmers see `ogrencilerin`, `oszi`, `mokiniu` and miss endings they
//! recognise only with their letters; it leaves `ı` and `đ` unfolded (readers typing `isik` or
//! `durdevak` would find nothing without hidden duplicate text); it brings tokio, a second
//! lol_html and its own UI, whose strings, markup and ARIA we would not control, and absolute
//! result URLs where this site must work under any sub-path with relative links. Here each word
//! is stemmed *as written* (after the language's own casing: `IŞIK` → `ışık`), then folded, and
//! the index records which folded forms lead to which stems (`index`). The browser only folds
//! and looks up, so it cannot disagree with the stemmer; inflected forms the text never used
//! still match through their stem, which all five stemmers (Snowball English, Turkish,
//! Hungarian, Lithuanian, and Serbian for Croatian) leave as a prefix of the word.
//!
//! Files, per language, under `search/LANG/`: `index.json` (documents and the list of
//! fragments, loaded when the reader starts typing), `t/PREFIX.json` (the forms beginning with a
//! prefix, with their stems and postings; cut to stay small), `d/N.json` (the plain text of
//! document N, loaded only for the results shown, for their snippets). A page shown in English
//! because it has no translation is indexed under English only.

mod index;
mod text;

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use index::{LangIndex, documents};

use crate::content::{Site, TranslationStatus};
use crate::diagnostic::Diagnostic;
use crate::i18n::I18n;
use crate::output::Output;

/// The folder of the search indexes below the site root (`search/tr/index.json`).
pub const SEARCH_DIR: &str = "search";

/// The size of one language's index, for the build's report.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IndexSize {
    lang: String,
    documents: usize,
    files: usize,
    bytes: usize,
}

/// Each language's index files with a fingerprint of the documents they were made from, so
/// serve mode rebuilds only the index of the language whose pages changed.
#[derive(Default)]
pub struct SearchCache {
    languages: HashMap<usize, (u64, Vec<(String, String)>)>,
}

/// Write the search index of every language into `out` (nothing when `search: false`);
/// returns the problems found.
pub fn write(site: &Site, i18n: &I18n, out: &Output) -> Vec<Diagnostic> {
    write_cached(site, i18n, out, None, &|| false)
}

/// `write`, reusing the indexes of languages whose documents did not change; stops early
/// (writing an incomplete index) when `superseded` says the result is no longer wanted.
pub fn write_cached(
    site: &Site,
    _i18n: &I18n,
    out: &Output,
    cache: Option<&Mutex<SearchCache>>,
    superseded: &(dyn Fn() -> bool + Sync),
) -> Vec<Diagnostic> {
    if !site.config.search {
        return Vec::new();
    }
    let results: Vec<Result<IndexSize, Diagnostic>> = (0..site.config.languages.len())
        .into_par_iter()
        .filter(|_| !superseded())
        .map(|lang| write_language(site, lang, out, cache, superseded))
        .collect();
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(size) => tracing::info!(
                lang = size.lang,
                documents = size.documents,
                files = size.files,
                kb = size.bytes.div_ceil(1024),
                "search index"
            ),
            Err(d) => problems.push(d),
        }
    }
    problems
}

/// Why an index was not finished (serve mode only, and never shown: a newer build follows).
fn superseded_error() -> Diagnostic {
    Diagnostic::warning(
        "search",
        "a newer build began before this search index was done",
    )
}

/// A hash of what a language's index is made from: its pages' addresses, titles, summaries and
/// source files (the text is a function of those).
fn fingerprint(site: &Site, lang: usize) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for e in site
        .entries
        .iter()
        .filter(|e| e.lang == lang && e.status != TranslationStatus::Missing)
    {
        (&e.path, &e.title, &e.summary, &site.pages[e.page].hash).hash(&mut h);
    }
    h.finish()
}

/// Build and write the index of one language (or reuse the cached one).
fn write_language(
    site: &Site,
    lang: usize,
    out: &Output,
    cache: Option<&Mutex<SearchCache>>,
    superseded: &(dyn Fn() -> bool + Sync),
) -> Result<IndexSize, Diagnostic> {
    let code = &site.config.languages[lang].code;
    let print = cache.map(|_| fingerprint(site, lang));
    let cached = cache.zip(print).and_then(|(c, fp)| {
        let c = c.lock().unwrap_or_else(|e| e.into_inner());
        c.languages
            .get(&lang)
            .filter(|(old, _)| *old == fp)
            .map(|(_, files)| files.clone())
    });
    let (files, documents_count) = match cached {
        Some(files) => (files, 0),
        None => {
            let docs = documents(site, lang);
            if superseded() {
                return Err(superseded_error());
            }
            let index = LangIndex::build(code, docs);
            if superseded() {
                return Err(superseded_error());
            }
            (index.files(), index.docs.len())
        }
    };
    if let (Some(c), Some(fp)) = (cache, print) {
        c.lock()
            .unwrap_or_else(|e| e.into_inner())
            .languages
            .insert(lang, (fp, files.clone()));
    }
    files.par_iter().try_for_each(|(rel, json)| {
        let path = format!("{SEARCH_DIR}/{code}/{rel}");
        out.write(&path, json.as_bytes())
            .map_err(|e| Diagnostic::error("output", format!("cannot write {path}: {e}")))
    })?;
    Ok(IndexSize {
        lang: code.clone(),
        documents: documents_count,
        files: files.len(),
        bytes: files.iter().map(|(_, json)| json.len()).sum(),
    })
}
