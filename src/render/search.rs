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

use rayon::prelude::*;

use index::{LangIndex, documents};

use crate::content::Site;
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

/// Write the search index of every language into `out` (nothing when `search: false`);
/// returns the problems found.
pub fn write(site: &Site, _i18n: &I18n, out: &Output) -> Vec<Diagnostic> {
    if !site.config.search {
        return Vec::new();
    }
    let results: Vec<Result<IndexSize, Diagnostic>> = (0..site.config.languages.len())
        .into_par_iter()
        .map(|lang| write_language(site, lang, out))
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

/// Build and write the index of one language.
fn write_language(site: &Site, lang: usize, out: &Output) -> Result<IndexSize, Diagnostic> {
    let code = &site.config.languages[lang].code;
    let index = LangIndex::build(code, documents(site, lang));
    let files = index.files();
    files.par_iter().try_for_each(|(rel, json)| {
        let path = format!("{SEARCH_DIR}/{code}/{rel}");
        out.write(&path, json.as_bytes())
            .map_err(|e| Diagnostic::error("output", format!("cannot write {path}: {e}")))
    })?;
    Ok(IndexSize {
        lang: code.clone(),
        documents: index.docs.len(),
        files: files.len(),
        bytes: files.iter().map(|(_, json)| json.len()).sum(),
    })
}
