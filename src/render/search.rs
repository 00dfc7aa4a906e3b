//! The search index of each language (see issue "Search the guide in every language").

use crate::content::Site;
use crate::diagnostic::Diagnostic;
use crate::i18n::I18n;
use crate::output::Output;

/// Write the search index of every language into `out`; returns the problems found.
pub fn write(_site: &Site, _i18n: &I18n, _out: &Output) -> Vec<Diagnostic> {
    Vec::new()
}
