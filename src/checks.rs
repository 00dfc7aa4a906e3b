//! Site-wide checks that `build` and `check` share: problems that are not in one file's syntax
//! but in how the site fits together (UI strings missing in a locale, unused images, translations
//! whose `source_hash` matches no version of their source …).
//!
//! Each check adds diagnostics; errors fail the build, warnings are printed. The check of
//! external links needs the network, so only `check --external` runs it (`external::check`).

pub mod external;
pub mod fluent;
pub mod history;
pub mod images;

use crate::build::Loaded;
use crate::diagnostic::Diagnostic;

/// Run every site-wide check on a loaded site.
pub fn run(loaded: &Loaded, problems: &mut Vec<Diagnostic>) {
    fluent::check(loaded, problems);
    images::check(&loaded.site, problems);
    history::check(&loaded.site, problems);
}
