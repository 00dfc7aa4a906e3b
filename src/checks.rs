//! Site-wide checks that `build` and `check` share: problems that are not in one file's syntax
//! but in how the site fits together (UI strings missing in a locale, unused images, translations
//! whose `source_hash` matches no version of their source …).
//!
//! Each check adds diagnostics; errors fail the build, warnings are printed.

use crate::build::Loaded;
use crate::diagnostic::Diagnostic;

/// Run every site-wide check on a loaded site.
pub fn run(_loaded: &Loaded, _problems: &mut Vec<Diagnostic>) {}
