//! What a link written in Markdown points to, in the language of the page that shows it.
//!
//! Authors link to source files (`03-warning-signs.md#monday`, `../images/cycle.svg`), also from
//! translations; the resolver turns them into relative URLs of the built site (`../../tr/guide/
//! warning-signs/#monday`), so the site works under any base path and from the file system.
//! Images prefer a language variant (`cycle.tr.svg`) beside the file named.

use std::collections::HashSet;

use super::discover::{CONTENT_DIR, ContentKey};
use super::site::{EntryId, Site};
use crate::diagnostic::{Severity, did_you_mean};
use crate::markdown::{Problem, Resolved, Resolver};
use crate::text::percent_decode;

/// The URL folder that content assets (images, PDFs) are published under.
pub const MEDIA_DIR: &str = "media";

/// What links are checked against, made once per build.
pub struct LinkIndex {
    assets: HashSet<String>,
}

impl LinkIndex {
    /// Index the site's assets.
    pub fn new(site: &Site) -> LinkIndex {
        let assets = site
            .assets
            .iter()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .collect();
        LinkIndex { assets }
    }
}

/// Resolves links for one entry of the site.
pub struct EntryResolver<'a> {
    pub site: &'a Site,
    pub index: &'a LinkIndex,
    pub entry: EntryId,
}

/// The relative prefix from a page path (`tr/guide/x/`) back to the site root (`../../../`).
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

impl EntryResolver<'_> {
    fn dir(&self) -> String {
        let e = &self.site.entries[self.entry];
        let path = self.site.pages[e.page]
            .file
            .path
            .to_string_lossy()
            .replace('\\', "/");
        let rel = path
            .strip_prefix(&format!("{CONTENT_DIR}/"))
            .unwrap_or(&path)
            .to_string();
        rel.rsplit_once('/')
            .map_or(String::new(), |(d, _)| d.to_string())
    }

    fn root(&self) -> String {
        root_prefix(&self.site.entries[self.entry].path)
    }

    fn lang_code(&self) -> &str {
        &self.site.config.languages[self.site.entries[self.entry].lang].code
    }

    fn page_link(&self, path: &str, fragment: Option<&str>) -> Result<Resolved, Problem> {
        let stem = path.trim_end_matches(".md");
        let key = match stem.rsplit_once('.') {
            Some((name, code)) if self.site.config.language_index(code).is_some() => name,
            _ => stem,
        };
        let key = ContentKey(key.to_string());
        let lang = self.site.entries[self.entry].lang;
        let Some(target) = self.site.lookup(&key, lang) else {
            return Err(self.broken_page(&key));
        };
        let mut url = format!("{}{}", self.root(), self.site.entries[target].path);
        let anchor = fragment.map(|f| {
            url.push('#');
            url.push_str(f);
            (target, f.to_string())
        });
        Ok(Resolved {
            url,
            page: Some(target),
            anchor,
        })
    }

    fn broken_page(&self, key: &ContentKey) -> Problem {
        if let Some(only) = self.site.pages.iter().find(|p| p.file.key == *key) {
            return self.other_language_only(key, only);
        }
        let lang = self.site.entries[self.entry].lang;
        let keys: Vec<&str> = self
            .site
            .entries
            .iter()
            .filter(|e| e.lang == lang)
            .map(|e| e.key.0.as_str())
            .collect();
        let hint = match did_you_mean(&key.0, keys) {
            Some(k) => format!("did you mean {k}.md? Links are relative to this file's folder"),
            None => "check the file name; links are relative to this file's folder, e.g. ../practices/peer-tutoring.md".into(),
        };
        problem(
            Severity::Error,
            "broken-link",
            format!(
                "this link points to content/{}.md, which does not exist",
                key.0
            ),
            hint,
        )
    }

    /// A link to a page that has a translation but no source, so no language publishes it.
    fn other_language_only(&self, key: &ContentKey, only: &super::Page) -> Problem {
        let language = &self.site.config.languages[only.file.lang].name;
        problem(
            Severity::Warning,
            "other-language",
            format!(
                "this link points to content/{}.md, which exists only in {language} ({})",
                key.0,
                only.file.path.display()
            ),
            format!(
                "the page is published once its {} original content/{}.md exists: write that first, or link to another page",
                self.site.config.source_language().name,
                key.0
            ),
        )
    }

    fn asset(&self, path: &str) -> Option<String> {
        let lang = self.lang_code();
        let localized = match path.rsplit_once('.') {
            Some((stem, ext)) if !path.ends_with(&format!(".{lang}.{ext}")) => {
                format!("{stem}.{lang}.{ext}")
            }
            _ => path.to_string(),
        };
        [localized, path.to_string()]
            .into_iter()
            .find(|p| self.index.assets.contains(p))
            .map(|p| format!("{}{MEDIA_DIR}/{p}", self.root()))
    }
}

fn problem(
    severity: Severity,
    code: &'static str,
    message: String,
    hint: impl Into<String>,
) -> Problem {
    Problem {
        offset: 0,
        severity,
        code,
        message,
        hint: Some(hint.into()),
    }
}

fn is_external(dest: &str) -> bool {
    let scheme_end = dest.find(':');
    scheme_end.is_some_and(|i| {
        dest[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && i > 1
    })
}

/// Join a relative path to a folder and fold `.` and `..`; `None` if it leaves `content/`.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

impl Resolver for EntryResolver<'_> {
    fn link(&self, dest: &str) -> Result<Resolved, Problem> {
        if let Some(fragment) = dest.strip_prefix('#') {
            return Ok(Resolved {
                url: dest.to_string(),
                page: None,
                anchor: Some((usize::MAX, fragment.to_string())),
            });
        }
        if is_external(dest) || dest.starts_with("//") {
            return Ok(Resolved {
                url: dest.to_string(),
                page: None,
                anchor: None,
            });
        }
        if dest.starts_with('/') {
            return Err(problem(
                Severity::Warning,
                "root-link",
                format!("the link \"{dest}\" starts with /"),
                "it would break when the site is published under a sub-path (GitHub Pages); link to the .md file relatively instead",
            ));
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = percent_decode(path.split('?').next().unwrap_or(path));
        let Some(joined) = join(&self.dir(), &path) else {
            return Err(problem(
                Severity::Error,
                "broken-link",
                format!("the link \"{dest}\" leads outside content/"),
                "link only to files under content/",
            ));
        };
        if joined.ends_with(".md") {
            return self.page_link(&joined, fragment);
        }
        match self.asset(&joined) {
            Some(url) => Ok(Resolved {
                url: fragment.map_or(url.clone(), |f| format!("{url}#{f}")),
                page: None,
                anchor: None,
            }),
            None => Err(problem(
                Severity::Error,
                "broken-link",
                format!("the link \"{dest}\" points to content/{joined}, which does not exist"),
                "check the file name and folder; links to pages end in .md",
            )),
        }
    }

    fn image(&self, src: &str) -> Result<String, Problem> {
        if is_external(src) || src.starts_with("//") {
            return Err(problem(
                Severity::Warning,
                "remote-image",
                format!("the image \"{src}\" is loaded from another site"),
                "save the image under content/images/ and link it relatively: the site makes no third-party requests",
            ));
        }
        let path = percent_decode(src);
        let joined = join(&self.dir(), &path).unwrap_or_default();
        self.asset(&joined).ok_or_else(|| {
            problem(
                Severity::Error,
                "missing-image",
                format!("the image \"{src}\" is not at content/{joined}"),
                "put the image under content/images/ and check the spelling of its name",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_folds_dots_and_refuses_to_leave() {
        assert_eq!(
            join("guide", "../practices/x.md").as_deref(),
            Some("practices/x.md")
        );
        assert_eq!(join("guide", "./03-x.md").as_deref(), Some("guide/03-x.md"));
        assert_eq!(join("", "../x.md"), None);
    }

    #[test]
    fn root_prefix_counts_segments() {
        assert_eq!(root_prefix("tr/guide/x/"), "../../../");
        assert_eq!(root_prefix("en/"), "../");
        assert_eq!(root_prefix(""), "");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b.png"), "a b.png");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
