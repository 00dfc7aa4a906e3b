//! The versions of a source file in git, for `source_hash` values that match none of them (a
//! typo, or a hash copied from another file) and for `status --diff`.
//!
//! git is asked twice per file: `git log --raw` for the blob of every commit that changed the
//! file, then one `git cat-file --batch` for the blobs' bytes, which are hashed like
//! `source_hash`. Nothing happens when the site is not in a git work tree or git is missing:
//! the site builds the same without git.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::content::page::short_hash;
use crate::content::{Site, TranslationStatus};
use crate::diagnostic::Diagnostic;

/// One committed version of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The commit that made this version.
    pub commit: String,
    /// `short_hash` of the file's bytes in that commit (what a translation records).
    pub hash: String,
}

/// Whether `root` is inside a git work tree (and git can be run).
pub fn in_work_tree(root: &Path) -> bool {
    git(root, &["rev-parse", "--is-inside-work-tree"]).is_some_and(|out| out.trim() == "true")
}

/// Every committed version of `rel` (relative to `root`), newest first; `None` when git cannot
/// tell (no git, not a work tree) and empty when the file was never committed.
pub fn versions(root: &Path, rel: &Path) -> Option<Vec<Version>> {
    let path = rel.to_string_lossy().replace('\\', "/");
    let log = git(
        root,
        &[
            "log",
            "--format=%H",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--",
            &path,
        ],
    )?;
    let blobs = commit_blobs(&log);
    let ids: Vec<&str> = blobs.iter().map(|(_, b)| b.as_str()).collect();
    let contents = cat_blobs(root, &ids)?;
    Some(
        blobs
            .iter()
            .filter_map(|(commit, blob)| {
                contents.get(blob).map(|bytes| Version {
                    commit: commit.clone(),
                    hash: short_hash(bytes),
                })
            })
            .collect(),
    )
}

/// Pairs (commit, blob id) from `git log --format=%H --raw`; deletions are skipped.
fn commit_blobs(log: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut commit = None;
    for line in log.lines() {
        if matches!(line.len(), 40 | 64) && line.bytes().all(|b| b.is_ascii_hexdigit()) {
            commit = Some(line.to_string());
        } else if let (Some(c), Some(raw)) = (&commit, line.strip_prefix(':')) {
            let blob = raw.split_whitespace().nth(3).unwrap_or_default();
            if !blob.is_empty() && blob.bytes().any(|b| b != b'0') {
                pairs.push((c.clone(), blob.to_string()));
            }
        }
    }
    pairs
}

/// The bytes of each blob, read with one `git cat-file --batch`.
fn cat_blobs(root: &Path, ids: &[&str]) -> Option<HashMap<String, Vec<u8>>> {
    if ids.is_empty() {
        return Some(HashMap::new());
    }
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let input: String = ids.iter().map(|id| format!("{id}\n")).collect();
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = BufReader::new(child.stdout.take()?);
    let mut blobs = HashMap::new();
    for _ in ids {
        let mut header = String::new();
        out.read_line(&mut header).ok()?;
        let mut fields = header.split_whitespace();
        let (Some(id), Some("blob"), Some(size)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let mut bytes = vec![0; size.parse().ok()?];
        out.read_exact(&mut bytes).ok()?;
        out.read_exact(&mut [0u8]).ok()?;
        blobs.insert(id.to_string(), bytes);
    }
    let _ = writer.join();
    let _ = child.wait();
    Some(blobs)
}

/// Run git in `root`; its standard output, or `None` if it could not run or failed.
pub fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A translation whose `source_hash` matches no committed version of its source is an error.
pub fn check(site: &Site, problems: &mut Vec<Diagnostic>) {
    let root = &site.config.root;
    let outdated: Vec<_> = site
        .entries
        .iter()
        .filter(|e| e.status == TranslationStatus::Outdated)
        .collect();
    if outdated.is_empty() || !in_work_tree(root) {
        return;
    }
    let mut cache: HashMap<usize, Option<Vec<Version>>> = HashMap::new();
    for e in outdated {
        let (translation, source) = (&site.pages[e.page], &site.pages[e.source]);
        let Some((hash, at)) = &translation.front.source_hash else {
            continue;
        };
        let known = cache
            .entry(e.source)
            .or_insert_with(|| versions(root, &source.file.path));
        let Some(known) = known.as_ref().filter(|v| !v.is_empty()) else {
            continue;
        };
        if known.iter().any(|v| v.hash == *hash) {
            continue;
        }
        let file = translation.file.path.display();
        problems.push(
            Diagnostic::error(
                "source-hash",
                format!(
                    "source_hash \"{hash}\" matches no version of {} in git",
                    source.file.path.display()
                ),
            )
            .at(at.clone())
            .hint(format!("it was probably mistyped or copied from another file: when this translation matches the current English text, run guidebook translate --done {file}")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_log_gives_each_commit_its_blob() {
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let log = format!(
            "{a}\n\n:100644 100644 {} {} M\tcontent/x.md\n{b}\n\n:000000 100644 {} {} A\tcontent/x.md\n",
            "1".repeat(40),
            "2".repeat(40),
            "0".repeat(40),
            "1".repeat(40)
        );
        assert_eq!(
            commit_blobs(&log),
            vec![(a, "2".repeat(40)), (b, "1".repeat(40))]
        );
    }
}
