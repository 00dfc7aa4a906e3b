//! Serve mode's memory of rendered pages, and what decides that a page must be rendered again.
//!
//! A page is rendered from the site's *structure* (every entry's key, path, title, summary and
//! front matter; the menus, lists, switchers and neighbours made from them; the templates, the
//! UI strings and the configuration) and from *its own entry* (its rendered body and its
//! translation status). `Fingerprints` hashes the structure once per build, and each entry from
//! hashes computed when the entry was parsed and rendered, so telling which pages changed costs
//! a few hashes per page instead of building and comparing every page's template context.
//!
//! After a change to the structure (a new title, a new file) every page is rendered again, in
//! parallel; after an edit of a body only the pages of that entry are. Nothing a page shows may
//! come from elsewhere: the equality test of serve mode (random edits against fresh builds)
//! guards that.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use rustc_hash::FxBuildHasher;

use crate::content::{EntryId, Site, TranslationStatus};
use crate::render::views::ViewBuilder;

/// Rendered pages by output path, with the fingerprint they were rendered from.
pub type CachedPages = HashMap<String, (u64, Arc<Vec<u8>>)>;

/// The HTML of each page with the fingerprint of its inputs (serve mode).
#[derive(Default)]
pub struct PageCache {
    pages: Mutex<CachedPages>,
}

impl PageCache {
    /// Take the pages of the last build out, to look them up without locking.
    pub fn take(&self) -> CachedPages {
        std::mem::take(&mut *self.pages.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Keep the pages of this build for the next one (and only them: deleted or renamed
    /// entries' pages are forgotten).
    pub fn keep(&self, pages: CachedPages) {
        *self.pages.lock().unwrap_or_else(|e| e.into_inner()) = pages;
    }
}

/// The inputs of every page of one build, hashed.
pub struct Fingerprints<'a> {
    site: &'a Site,
    /// Templates, strings, configuration and the structure of the site.
    shared: u64,
}

impl<'a> Fingerprints<'a> {
    /// Hash what every page shares; `templates` is the hash of the theme's templates.
    pub fn new(views: &ViewBuilder<'a>, templates: u64) -> Fingerprints<'a> {
        let site = views.site;
        let mut h = FxBuildHasher.build_hasher();
        templates.hash(&mut h);
        views.i18n.fingerprint.hash(&mut h);
        views.year.hash(&mut h);
        views.ebooks.hash(&mut h);
        format!("{:?}", site.config).hash(&mut h);
        site.assets.hash(&mut h);
        for p in &site.pages {
            (&p.file.path, p.file.lang, p.front_hash).hash(&mut h);
        }
        for e in &site.entries {
            let missing = e.status == TranslationStatus::Missing;
            (&e.key.0, e.lang, e.page, e.source, missing).hash(&mut h);
            (&e.path, &e.title, &e.summary).hash(&mut h);
        }
        Fingerprints {
            site,
            shared: h.finish(),
        }
    }

    /// The inputs of an entry's own page: the structure, its body and its status.
    pub fn entry(&self, id: EntryId) -> u64 {
        let e = &self.site.entries[id];
        FxBuildHasher.hash_one((self.shared, id, e.status, self.site.bodies[id].fingerprint))
    }

    /// The inputs of a generated list page: the structure and its index entry, if it has one.
    pub fn list(&self, path: &str, index: Option<EntryId>) -> u64 {
        FxBuildHasher.hash_one((self.shared, path, index.map(|id| self.entry(id))))
    }
}
