//! Content: from files under `content/` to the assembled, immutable `Site` model.
//!
//! Stages, in order: `discover` names the files, `page` parses each one (in parallel), `site`
//! assembles pages into per-language trees with URLs and translation status, and `links` resolves
//! what Markdown links point to.

pub mod discover;
pub mod front_matter;
pub mod links;
pub mod page;
pub mod site;

pub use discover::{Collection, ContentKey, SourceFile};
pub use page::Page;
pub use site::{Entry, EntryId, Site, TranslationStatus};
