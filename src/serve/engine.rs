//! The rebuilding core of serve mode, with no HTTP in it: build into memory, keep what can be
//! reused, and say which URLs changed.
//!
//! A rebuild reuses parsed files and rendered Markdown that did not change (see `build::Cache`)
//! and renders every page again in parallel; comparing the new files with the last good ones
//! tells which pages the browser must reload. A failed rebuild changes nothing: the last good
//! site stays served. The result after any sequence of rebuilds equals a fresh build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::build::{BuildReport, Cache, Ebooks, Loaded, load_cached, write_indexes, write_pages};
use crate::diagnostic::Diagnostic;
use crate::output::Output;
use crate::render::epub;
use crate::render::search::SearchCache;

/// Files by path below the site root; shared between builds, so an unchanged file is neither
/// copied nor compared byte by byte.
pub type FileMap = BTreeMap<String, Arc<Vec<u8>>>;

/// The files of the built site: the pages readers see, and the indexes (search index, feeds,
/// sitemap) made after them, so that a browser reloads before the indexes are done.
#[derive(Default, Clone)]
pub struct Files {
    pub pages: Arc<FileMap>,
    pub indexes: Arc<FileMap>,
}

impl Files {
    /// The file at a path below the site root.
    pub fn get(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        self.pages.get(path).or_else(|| self.indexes.get(path))
    }

    /// Whether a file exists.
    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Every path, pages first.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.pages.keys().chain(self.indexes.keys())
    }
}

/// What a successful rebuild did.
#[derive(Debug)]
pub struct Outcome {
    /// URL paths (`/tr/guide/warning-signs/`) whose files changed; `*` when every page may have.
    pub changed: Vec<String>,
    /// How many pages were rendered.
    pub rendered: usize,
    pub elapsed: Duration,
    /// Warnings of the build (errors make it fail).
    pub warnings: Vec<Diagnostic>,
}

/// The search index, feeds and sitemap of one build, to be made after its pages.
pub struct IndexJob {
    loaded: Arc<Loaded>,
    search: Arc<Mutex<SearchCache>>,
    generation: u64,
    /// The engine's newest build: when it is newer than this job's, the job gives up.
    latest: Arc<AtomicU64>,
}

/// What an index job made.
pub struct Indexes {
    generation: u64,
    files: FileMap,
    /// Problems of the indexes (as warnings; a build with errors made no job).
    pub warnings: Vec<Diagnostic>,
}

impl IndexJob {
    /// Make the indexes; `None` when a newer build began before they were done.
    ///
    /// The work runs on a pool of its own with one thread: on the shared pool, the next build's
    /// parallel work would queue behind the index's long tasks, while on its own thread the
    /// index only takes a share of the processor (and gives up at its next step).
    pub fn run(self) -> Option<Indexes> {
        static POOL: std::sync::LazyLock<Option<rayon::ThreadPool>> =
            std::sync::LazyLock::new(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .thread_name(|_| "guidebook-indexes".into())
                    .build()
                    .ok()
            });
        match POOL.as_ref() {
            Some(pool) => pool.install(|| self.run_here()),
            None => self.run_here(),
        }
    }

    fn run_here(self) -> Option<Indexes> {
        let superseded = || self.latest.load(Ordering::SeqCst) != self.generation;
        if superseded() {
            return None;
        }
        let out = Output::Memory(Mutex::default());
        let mut report = BuildReport::default();
        write_indexes(
            &self.loaded,
            &out,
            &mut report,
            Some(&self.search),
            &superseded,
        );
        if superseded() {
            return None;
        }
        Some(Indexes {
            generation: self.generation,
            files: out.into_files(),
            warnings: report.diagnostics,
        })
    }
}

/// Builds the site into memory again and again.
pub struct Engine {
    root: PathBuf,
    base_url: String,
    drafts: bool,
    ebooks: Ebooks,
    cache: Cache,
    files: Arc<Files>,
    loaded: Option<Arc<Loaded>>,
    built_ebooks: Mutex<BTreeMap<String, Arc<Vec<u8>>>>,
    /// The number of the newest build, which index jobs compare theirs with.
    generation: Arc<AtomicU64>,
}

impl Engine {
    /// An engine for the site at `root`, served at `base_url`.
    pub fn new(root: &Path, base_url: &str, drafts: bool, ebooks: Ebooks) -> Engine {
        Engine {
            root: root.to_path_buf(),
            base_url: base_url.to_string(),
            drafts,
            ebooks,
            cache: Cache::keeping(),
            files: Arc::default(),
            loaded: None,
            built_ebooks: Mutex::default(),
            generation: Arc::default(),
        }
    }

    /// The last good site.
    pub fn files(&self) -> Arc<Files> {
        self.files.clone()
    }

    /// Build again, looking at every file; `fresh` forgets everything kept (after a change of
    /// `site.yaml`).
    pub fn rebuild(&mut self, fresh: bool) -> Result<Outcome, Vec<Diagnostic>> {
        self.rebuild_then(fresh, None, |_, _| {})
    }

    /// Build again, pages and indexes, calling `pages_ready` with the new pages (and the
    /// previous indexes) before the indexes are made.
    pub fn rebuild_then(
        &mut self,
        fresh: bool,
        changed: Option<&[PathBuf]>,
        pages_ready: impl FnOnce(&Outcome, Arc<Files>),
    ) -> Result<Outcome, Vec<Diagnostic>> {
        let (mut outcome, job) = self.rebuild_pages(fresh, changed, pages_ready)?;
        if let Some(indexes) = job.run() {
            outcome.warnings.extend(indexes.warnings.iter().cloned());
            self.finish(indexes);
        }
        Ok(outcome)
    }

    /// Build the pages again, calling `pages_ready` with them (and the previous indexes) as
    /// soon as they exist; the returned job makes the search index, feeds and sitemap, which
    /// serve runs in the background so that the next save need not wait for it. `changed`
    /// lists the paths (relative to the site root) the watcher reported since the last build,
    /// so that only they are looked at; `None` looks at every file.
    pub fn rebuild_pages(
        &mut self,
        fresh: bool,
        changed: Option<&[PathBuf]>,
        pages_ready: impl FnOnce(&Outcome, Arc<Files>),
    ) -> Result<(Outcome, IndexJob), Vec<Diagnostic>> {
        let started = Instant::now();
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        if fresh {
            self.cache = Cache::keeping();
        }
        let mut report = BuildReport::default();
        let loaded = load_cached(
            &self.root,
            Some(&self.base_url),
            self.drafts,
            &mut report,
            &mut self.cache,
            changed,
        );
        let Some(loaded) = loaded.filter(|_| !report.failed()) else {
            return Err(errors_first(report.diagnostics));
        };
        let out = Output::Memory(Mutex::default());
        write_pages(&loaded, &out, self.ebooks, &mut report, &self.cache);
        if report.failed() {
            return Err(errors_first(report.diagnostics));
        }
        let files = Files {
            pages: Arc::new(out.into_files()),
            indexes: self.files.indexes.clone(),
        };
        let outcome = Outcome {
            changed: changed_urls(&self.files.pages, &files.pages),
            rendered: report.pages,
            elapsed: started.elapsed(),
            warnings: report.diagnostics,
        };
        self.files = Arc::new(files);
        pages_ready(&outcome, self.files.clone());
        let loaded = Arc::new(loaded);
        self.loaded = Some(loaded.clone());
        self.built_ebooks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let job = IndexJob {
            loaded,
            search: self.cache.search.clone(),
            generation,
            latest: self.generation.clone(),
        };
        Ok((outcome, job))
    }

    /// Serve the indexes a job made, unless a newer build began meanwhile (its own job will
    /// bring them). Returns whether they were taken.
    pub fn finish(&mut self, indexes: Indexes) -> bool {
        if indexes.generation != self.generation.load(Ordering::SeqCst) {
            return false;
        }
        self.files = Arc::new(Files {
            pages: self.files.pages.clone(),
            indexes: Arc::new(indexes.files),
        });
        true
    }

    /// The translator's compare page for a URL path (`/tr/guide/x/`), if it is a translation.
    pub fn compare(&self, url_path: &str) -> Option<String> {
        let loaded = self.loaded.as_ref()?;
        let id = super::compare::entry_at(&loaded.site, url_path)?;
        super::compare::page(loaded, id)
    }

    /// The code of the source language (the compare toggle shows on other languages' pages).
    pub fn source_language(&self) -> Option<String> {
        self.loaded
            .as_ref()
            .map(|l| l.site.config.source_language().code.clone())
    }

    /// The ebook at `path` (`downloads/NAME-LANG.epub`), made now if it was not made since the
    /// last rebuild.
    pub fn ebook(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        if let Some(bytes) = self
            .built_ebooks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
        {
            return Some(bytes.clone());
        }
        let loaded = self.loaded.as_ref()?;
        let site = &loaded.site;
        let lang = (0..site.config.languages.len()).find(|l| epub::ebook_path(site, *l) == path)?;
        let books = epub::build_all(
            site,
            &loaded.i18n,
            Some(lang),
            epub::modified_time(&self.root),
        )
        .ok()?;
        let bytes = Arc::new(books.into_iter().next()?.bytes);
        self.built_ebooks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes.clone());
        Some(bytes)
    }
}

fn errors_first(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| !d.is_error());
    diagnostics
}

/// The URL path of an output file (`tr/guide/x/index.html` → `/tr/guide/x/`).
pub fn url_of(path: &str) -> String {
    format!("/{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// Which URLs differ between two builds; a changed stylesheet, script or image (under `static/`
/// or `media/`) concerns every page.
pub fn changed_urls(old: &FileMap, new: &FileMap) -> Vec<String> {
    let mut changed: Vec<String> = Vec::new();
    let paths = old
        .keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)));
    for path in paths {
        let same = match (old.get(path), new.get(path)) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        };
        if same {
            continue;
        }
        if path.ends_with(".html") {
            changed.push(url_of(path));
        } else if path.starts_with("static/") || path.starts_with("media/") {
            return vec!["*".to_string()];
        }
    }
    changed.sort();
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(items: &[(&str, &str)]) -> FileMap {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::new(v.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn only_changed_pages_are_reported() {
        let old = files(&[
            ("en/index.html", "a"),
            ("en/guide/x/index.html", "b"),
            ("sitemap.xml", "s"),
        ]);
        let new = files(&[
            ("en/index.html", "a"),
            ("en/guide/x/index.html", "B"),
            ("en/new/index.html", "n"),
            ("sitemap.xml", "S"),
        ]);
        assert_eq!(changed_urls(&old, &new), ["/en/guide/x/", "/en/new/"]);
    }

    #[test]
    fn a_stylesheet_change_reloads_everything() {
        let old = files(&[("static/style.css", "a")]);
        let new = files(&[("static/style.css", "b")]);
        assert_eq!(changed_urls(&old, &new), ["*"]);
    }
}
