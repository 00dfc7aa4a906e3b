//! The translator's view (`/LANG/…/?compare` in serve mode): the source and the translation side
//! by side, block by block, with the source blocks that changed since the translation was made
//! marked, so a translator sees at once what to update.
//!
//! Blocks are the Markdown's paragraphs, headings, lists and tables (text between blank lines),
//! paired by their order within each `##` section, since translations keep the structure. The
//! version of the source a translation was made from is found in git by its `source_hash`.

use std::collections::HashSet;
use std::path::Path;

use crate::build::Loaded;
use crate::checks::history;
use crate::content::front_matter::split;
use crate::content::{EntryId, Site, TranslationStatus};
use crate::markdown::esc;

/// The Markdown blocks of a body: text between blank lines (fenced code kept whole).
pub fn blocks(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_fence = false;
    for line in body.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if line.trim().is_empty() && !in_fence {
            if !current.trim().is_empty() {
                out.push(std::mem::take(&mut current).trim_end().to_string());
            }
            current.clear();
            continue;
        }
        current.push_str(line);
        current.push('\n');
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_string());
    }
    out
}

/// Group blocks into sections that start at headings, so pairs stay aligned per section.
fn sections(blocks: Vec<String>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for b in blocks {
        if b.starts_with('#') && !out.last().is_some_and(Vec::is_empty) {
            out.push(Vec::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(b);
        }
    }
    out
}

/// The body of the source as it was when the translation was made, if git knows it.
fn old_source(root: &Path, rel: &Path, hash: &str) -> Option<String> {
    let versions = history::versions(root, rel)?;
    let commit = versions.into_iter().find(|v| v.hash == hash)?.commit;
    let path = rel.to_string_lossy().replace('\\', "/");
    let text = history::git(root, &["show", &format!("{commit}:{path}")])?;
    Some(split(&text).map_or(text.clone(), |s| s.body.to_string()))
}

/// The entry shown at a URL path (`/tr/guide/x/`).
pub fn entry_at(site: &Site, url_path: &str) -> Option<EntryId> {
    let path = url_path.trim_start_matches('/');
    site.entries.iter().position(|e| e.path == path)
}

/// The compare page of an entry, or `None` when it has nothing to compare (a source page).
pub fn page(loaded: &Loaded, id: EntryId) -> Option<String> {
    let site = &loaded.site;
    let e = &site.entries[id];
    if e.lang == site.config.source {
        return None;
    }
    let source = &site.pages[e.source];
    let translation = (e.status != TranslationStatus::Missing).then(|| &site.pages[e.page]);
    let changed: Option<HashSet<String>> = match (
        e.status,
        translation.and_then(|t| t.front.source_hash.as_ref()),
    ) {
        (TranslationStatus::Outdated, Some((hash, _))) => {
            old_source(&site.config.root, &source.file.path, hash).map(|old| {
                let old: HashSet<String> = blocks(&old).into_iter().collect();
                blocks(&source.body)
                    .into_iter()
                    .filter(|b| !old.contains(b))
                    .collect()
            })
        }
        _ => None,
    };
    let source_code = &site.config.languages[site.config.source].code;
    let code = &site.config.languages[e.lang].code;
    let mut rows = String::new();
    let left = sections(blocks(&source.body));
    let right = translation
        .map(|t| sections(blocks(&t.body)))
        .unwrap_or_default();
    for (i, section) in left.iter().enumerate() {
        let other = right.get(i).cloned().unwrap_or_default();
        for (j, block) in section.iter().enumerate() {
            let mark = changed.as_ref().is_some_and(|c| c.contains(block));
            let class = if mark { " class=\"changed\"" } else { "" };
            let theirs = other.get(j).map_or(String::new(), |t| esc(t));
            rows.push_str(&format!("<tr{class}><td lang=\"{source_code}\">{}</td><td lang=\"{code}\">{theirs}</td></tr>\n", esc(block)));
        }
    }
    Some(render(e, source_code, code, &rows, changed.is_some()))
}

fn render(e: &crate::content::Entry, source: &str, code: &str, rows: &str, marked: bool) -> String {
    let status = match e.status {
        TranslationStatus::Outdated if marked => {
            "outdated: the highlighted source paragraphs changed since this translation was made"
        }
        TranslationStatus::Outdated => {
            "outdated: the source changed since this translation was made (git does not know the version it was made from)"
        }
        TranslationStatus::Missing => "not translated yet",
        _ => "up to date",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Compare: {title}</title><style>{CSS}</style></head><body><main>\
<h1>Compare: <span lang=\"{code}\">{title}</span></h1><p>Translation status: <strong>{status}</strong>. \
<a href=\"./\">Back to the page</a></p>\
<table><thead><tr><th scope=\"col\">Source ({source})</th><th scope=\"col\">Translation ({code})</th></tr></thead><tbody>\n{rows}</tbody></table>\
</main></body></html>\n",
        title = esc(&e.title),
    )
}

const CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fbfaf7;color:#1f2328}main{padding:1rem 2rem}\
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{vertical-align:top;text-align:left;padding:.5rem .7rem;\
border-bottom:1px solid #d8dce3;white-space:pre-wrap;overflow-wrap:anywhere}th{background:#eef2f7}\
tr.changed td:first-child{background:#fff1d6;box-shadow:inset 4px 0 #b45309}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_at_blank_lines_but_keep_code_whole() {
        let b = blocks("## A\n\nOne\ntwo\n\n```\nx\n\ny\n```\n\n- a\n- b\n");
        assert_eq!(b, ["## A", "One\ntwo", "```\nx\n\ny\n```", "- a\n- b"]);
    }

    #[test]
    fn sections_start_at_headings() {
        let s = sections(blocks("Intro\n\n## A\n\nx\n\n## B\n\ny\n"));
        assert_eq!(s, [vec!["Intro"], vec!["## A", "x"], vec!["## B", "y"]]);
    }
}
