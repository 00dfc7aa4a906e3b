//! Renderers: each reads the immutable `Site` and writes files through `Output`.
//!
//! HTML (Tera, only in `html`), feeds and sitemap (`feeds`); the EPUB and the search index are
//! peers that read the same model.

pub mod epub;
pub mod feeds;
pub mod html;
pub mod search;
pub mod status;
pub mod views;
pub mod xml;
