//! File events from the editor, reduced to what they mean for the site.
//!
//! Editors save through temporary files, renames and several writes; the debouncer folds a burst
//! of events into one batch, and `classify` (a pure function) names what each path is, so one
//! save is one rebuild and a change of `site.yaml` rebuilds from scratch.

use std::path::{Component, Path};

/// What a changed path is to the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Not part of the site (editor backups, swap files, the output).
    Ignored,
    /// A theme's static file: copied, nothing to render.
    Static,
    Content,
    Template,
    Locale,
    /// `site.yaml`: everything is built again from scratch.
    Config,
}

/// Name what a changed path is, relative to the site root.
pub fn classify(root: &Path, path: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let Some(name) = parts.last() else {
        return Change::Ignored;
    };
    if is_scratch(name) {
        return Change::Ignored;
    }
    match parts.as_slice() {
        ["site.yaml"] => Change::Config,
        ["content", ..] => Change::Content,
        ["locales", ..] if name.ends_with(".ftl") => Change::Locale,
        ["themes", _, "templates", ..] => Change::Template,
        ["themes", _, "static", ..] => Change::Static,
        ["themes", _, "epub", ..] => Change::Template,
        _ => Change::Ignored,
    }
}

/// Editor scratch files: vim swap and backup files, emacs locks, LibreOffice locks, `~` backups.
fn is_scratch(name: &str) -> bool {
    name.starts_with(".#")
        || name.starts_with(".~lock")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || (name.starts_with('.') && name != ".nojekyll")
}

/// The most far-reaching change of a batch (a config change outweighs a content change).
pub fn strongest(changes: impl IntoIterator<Item = Change>) -> Change {
    changes.into_iter().max().unwrap_or(Change::Ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified() {
        let root = Path::new("/site");
        let table = [
            ("/site/site.yaml", Change::Config),
            (
                "/site/content/guide/03-warning-signs.tr.md",
                Change::Content,
            ),
            ("/site/content/images/cycle.svg", Change::Content),
            ("/site/locales/hr/main.ftl", Change::Locale),
            ("/site/locales/hr/GLOSSARY.md", Change::Ignored),
            ("/site/themes/default/templates/base.html", Change::Template),
            ("/site/themes/default/static/style.css", Change::Static),
            (
                "/site/content/guide/.03-warning-signs.md.swp",
                Change::Ignored,
            ),
            ("/site/content/guide/03-warning-signs.md~", Change::Ignored),
            ("/site/content/guide/4913", Change::Ignored),
            ("/site/content/.~lock.x.md#", Change::Ignored),
            ("/site/output/en/index.html", Change::Ignored),
            ("/elsewhere/site.yaml", Change::Ignored),
        ];
        for (path, expected) in table {
            assert_eq!(classify(root, Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn the_strongest_change_wins() {
        assert_eq!(
            strongest([Change::Content, Change::Config, Change::Static]),
            Change::Config
        );
        assert_eq!(strongest([]), Change::Ignored);
    }
}
