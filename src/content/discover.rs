//! Walk `content/` and name every file: which collection, which language, which language-free key.
//!
//! A translation is `NAME.LANG.md` beside `NAME.md`; both share the `ContentKey` `collection/NAME`,
//! which is how translations find each other (the idea of Zola's `FileInfo.canonical`). Every
//! language, the source included, is explicit here: nothing downstream special-cases English.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location};

/// The folder under the site root that holds the Markdown.
pub const CONTENT_DIR: &str = "content";

/// Language-free identity of a piece of content: `guide/03-warning-signs`, `_index`, `guide/_index`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContentKey(pub String);

impl ContentKey {
    /// The file name part of the key (`03-warning-signs`).
    pub fn stem(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or(&self.0)
    }

    /// Whether this is a section's index page (`_index.md`).
    pub fn is_index(&self) -> bool {
        self.stem() == "_index"
    }
}

/// The collections of the site, each with its own front matter and templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Collection {
    Home,
    Guide,
    Practices,
    Reports,
    Pages,
}

impl Collection {
    /// All collections, in menu order.
    pub const ALL: [Collection; 5] = [
        Collection::Home,
        Collection::Guide,
        Collection::Practices,
        Collection::Reports,
        Collection::Pages,
    ];

    /// The folder (and URL segment) of the collection.
    pub fn dir(self) -> &'static str {
        match self {
            Collection::Home => "",
            Collection::Guide => "guide",
            Collection::Practices => "practices",
            Collection::Reports => "reports",
            Collection::Pages => "pages",
        }
    }

    fn from_dir(dir: &str) -> Option<Collection> {
        Collection::ALL
            .into_iter()
            .find(|c| c.dir() == dir && *c != Collection::Home)
    }
}

/// One Markdown file found under `content/`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root (`content/guide/03-warning-signs.tr.md`), as messages show it.
    pub path: PathBuf,
    /// Index into `Config::languages`.
    pub lang: usize,
    pub key: ContentKey,
    pub collection: Collection,
    /// Whether this file is the source-language original.
    pub is_source: bool,
}

/// Everything `discover` found: Markdown files and the other files (images, PDFs) to publish.
#[derive(Debug, Default, Clone)]
pub struct Discovered {
    pub files: Vec<SourceFile>,
    /// Non-Markdown files, relative to `content/` (`images/cycle.tr.svg`).
    pub assets: Vec<PathBuf>,
}

/// Find every content file; files that cannot be placed are reported, not skipped silently.
pub fn discover(config: &Config, problems: &mut Vec<Diagnostic>) -> Discovered {
    let content = config.root.join(CONTENT_DIR);
    let mut found = Discovered::default();
    if !content.is_dir() {
        problems.push(
            Diagnostic::error("content", "there is no content/ folder")
                .hint("create content/ with at least content/_index.md"),
        );
        return found;
    }
    let walker = WalkDir::new(&content).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| !is_hidden(e.file_name())) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::error(
                    "content",
                    format!("cannot read a file under content/: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&content)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel.extension().is_some_and(|e| e == "md") {
            match classify(config, &rel) {
                Ok(file) => found.files.push(file),
                Err(d) => problems.push(d),
            }
        } else {
            found.assets.push(rel);
        }
    }
    found
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~') || n.starts_with("#"))
}

/// Name a Markdown file by its path relative to `content/`.
pub fn classify(config: &Config, rel: &Path) -> Result<SourceFile, Diagnostic> {
    let shown = Path::new(CONTENT_DIR).join(rel);
    let rel_str = rel.to_string_lossy().replace('\\', "/");
    let (dir, file) = rel_str.rsplit_once('/').unwrap_or(("", &rel_str));
    let collection = if dir.is_empty() && file.starts_with("_index.") {
        Some(Collection::Home)
    } else {
        Collection::from_dir(dir)
    };
    let Some(collection) = collection else {
        return Err(Diagnostic::error(
            "content",
            format!("guidebook does not know where \"{rel_str}\" belongs"),
        )
        .at(Location::file(&shown))
        .hint(
            "put pages in content/guide/, content/practices/, content/reports/ or content/pages/",
        ));
    };
    let stem = file.trim_end_matches(".md");
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, code)) => match config.language_index(code) {
            Some(i) => (name, i),
            None => {
                return Err(Diagnostic::error(
                    "content",
                    format!("\"{code}\" in \"{file}\" is not a language of this site"),
                )
                .at(Location::file(&shown))
                .hint(format!(
                    "name translations NAME.LANG.md with LANG one of: {}",
                    codes(config)
                )));
            }
        },
        None => (stem, config.source),
    };
    let key = if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    };
    Ok(SourceFile {
        path: shown,
        lang,
        key: ContentKey(key),
        collection,
        is_source: lang == config.source && !stem.contains('.'),
    })
}

fn codes(config: &Config) -> String {
    config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The URL slug of a content key: the file name without a chapter number or a date in front.
pub fn slug_of(key: &ContentKey) -> String {
    let stem = key.stem();
    let bytes = stem.as_bytes();
    let is_date = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if is_date {
        return stem[11..].to_string();
    }
    let digits = stem.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && stem[digits..].starts_with('-') && stem.len() > digits + 1 {
        return stem[digits + 1..].to_string();
    }
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_numbers_and_dates() {
        let k = |s: &str| ContentKey(s.to_string());
        assert_eq!(slug_of(&k("guide/03-warning-signs")), "warning-signs");
        assert_eq!(
            slug_of(&k("reports/2027-03-08-ict-in-education")),
            "ict-in-education"
        );
        assert_eq!(slug_of(&k("practices/peer-tutoring")), "peer-tutoring");
        assert_eq!(slug_of(&k("pages/2027")), "2027");
    }
}
