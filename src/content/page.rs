//! One Markdown file read from disk: its typed front matter, its body and the hash of its bytes.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::discover::SourceFile;
use super::front_matter::{self, FrontMatter};
use crate::diagnostic::{Diagnostic, Location};

/// A parsed content file. Immutable once made; serve mode keeps these between builds.
#[derive(Debug, Clone)]
pub struct Page {
    pub file: SourceFile,
    pub front: FrontMatter,
    /// The Markdown after the front matter.
    pub body: String,
    /// How many lines of the file come before the body, to turn body offsets into file lines.
    pub body_line: usize,
    /// The first 12 hex digits of the SHA-256 of the file's bytes (what translations record).
    pub hash: String,
    /// A hash of the text before the body (the front matter): what lists, menus and switchers
    /// of other pages can show of this file. Serve mode re-renders every page when it changes.
    pub front_hash: u64,
}

/// The short hash translations record as `source_hash`.
pub fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Read and parse one content file under `root`.
pub fn parse_file(root: &Path, file: SourceFile) -> Result<Page, Vec<Diagnostic>> {
    let bytes = std::fs::read(root.join(&file.path)).map_err(|e| {
        vec![
            Diagnostic::error("content", format!("cannot read this file: {e}"))
                .at(Location::file(&file.path)),
        ]
    })?;
    parse_bytes(file, bytes)
}

/// Parse the bytes of a content file (already read).
pub fn parse_bytes(file: SourceFile, bytes: Vec<u8>) -> Result<Page, Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = Location::file(&file.path);
        vec![
            Diagnostic::error(
                "content",
                format!(
                    "this file is not UTF-8 text (byte {})",
                    e.utf8_error().valid_up_to()
                ),
            )
            .at(at)
            .hint("save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"),
        ]
    })?;
    parse_text(file, &text)
}

/// Parse the text of a content file.
pub fn parse_text(file: SourceFile, text: &str) -> Result<Page, Vec<Diagnostic>> {
    let hash = short_hash(text.as_bytes());
    let Some(split) = front_matter::split(text) else {
        return Err(vec![
            Diagnostic::error("front-matter", "this page has no front matter")
                .at(Location::file(&file.path))
                .hint("start the file with a line ---, then title: \"…\", then another line ---"),
        ]);
    };
    let front = front_matter::parse(&file, &split)?;
    let head = &text[..text.len() - split.body.len()];
    Ok(Page {
        front_hash: std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, head),
        body: split.body.to_string(),
        body_line: split.body_line,
        front,
        hash,
        file,
    })
}
