//! guidebook: a static site generator for a multilingual project guide book.
//!
//! The pipeline (see `build`): `config` → `content::discover` → `content::page` (parse) →
//! `content::site` (assemble) → `markdown` → `render` (HTML, feeds) → `output`.

pub mod build;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod i18n;
pub mod markdown;
pub mod output;
pub mod render;
pub mod serve;
pub mod status;
pub mod text;
