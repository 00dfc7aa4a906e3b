//! Problems a partner can cause, reported where they look: file, line, column, and what to do.
//!
//! Every stage collects `Diagnostic`s instead of stopping at the first problem, so one build
//! reports everything at once. The printer is plain text in the style of rustc (a header line
//! `error: …`, an arrow line `--> file:line:col`, the source line with a caret, a `hint:`), because
//! teachers read it in any terminal, editors can jump to `file:line:col`, and tests can compare it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a problem is: errors fail the build, warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file the partner wrote. Lines and columns are 1-based and count in the whole file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// Path relative to the site root, so messages read the same on every machine.
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
}

impl Location {
    /// A location at line and column (both 1-based) of `path`.
    pub fn new(path: impl Into<PathBuf>, line: usize, col: usize) -> Self {
        Location {
            path: path.into(),
            line: line.max(1),
            col: col.max(1),
        }
    }

    /// The start of a file, for problems that belong to the whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location::new(path, 1, 1)
    }

    /// The location of a byte offset in `text`, which starts at `line_offset` lines into the file.
    pub fn at_offset(
        path: impl Into<PathBuf>,
        text: &str,
        offset: usize,
        line_offset: usize,
    ) -> Self {
        let (line, col) = line_col(text, offset);
        Location::new(path, line + line_offset, col)
    }
}

/// Line and column (1-based, column in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem: what is wrong, where, and the fix in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable name of the kind of problem (`front-matter`, `broken-link`), for CI filters.
    pub code: &'static str,
    pub location: Option<Location>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error of the given kind.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            location: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning of the given kind.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Attach the place the problem is at.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Attach what to do about it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this problem fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` or nothing, as editors and terminals link it.
    pub fn place(&self) -> Option<String> {
        self.location
            .as_ref()
            .map(|l| format!("{}:{}:{}", l.path.display(), l.line, l.col))
    }
}

/// Render diagnostics for a terminal, with the source line quoted when the file can be read.
pub fn render_human(diagnostics: &[Diagnostic], root: &Path) -> String {
    let mut out = String::new();
    for d in diagnostics {
        render_one(&mut out, d, root);
    }
    let (errors, warnings) = count(diagnostics);
    if errors + warnings > 0 {
        let _ = writeln!(out, "{}", summary_line(errors, warnings));
    }
    out
}

/// Counts of errors and warnings.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

fn summary_line(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

fn render_one(out: &mut String, d: &Diagnostic, root: &Path) {
    let label = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "{label}[{}]: {}", d.code, d.message);
    if let Some(loc) = &d.location {
        let _ = writeln!(out, "  --> {}:{}:{}", loc.path.display(), loc.line, loc.col);
        if let Some(line) = source_line(&root.join(&loc.path), loc.line) {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            let caret = " ".repeat(loc.col.saturating_sub(1));
            let _ = writeln!(out, "{pad} |\n{number} | {line}\n{pad} | {caret}^");
        }
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(out, "  = hint: {hint}");
    }
    out.push('\n');
}

/// Files whose lines mean nothing to a reader (images, documents): problems with them are
/// about the whole file, so no line is quoted.
const NOT_QUOTED: &[&str] = &["svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "pdf"];

fn source_line(path: &Path, line: usize) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    if NOT_QUOTED.contains(&ext.as_str()) {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let l = text.lines().nth(line.checked_sub(1)?)?;
    Some(l.replace('\t', " "))
}

/// Sort so that a report lists problems file by file, top to bottom, errors of a place first.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.location, a.severity, &a.message).cmp(&(&b.location, b.severity, &b.message))
    });
}

/// The closest of `candidates` to a misspelt `word`, for "did you mean" hints.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a\nçğ x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        assert_eq!(line_col(text, text.find('x').unwrap()), (2, 4));
    }

    #[test]
    fn did_you_mean_finds_near_keys() {
        assert_eq!(
            did_you_mean("sumary", ["summary", "title", "draft"]),
            Some("summary")
        );
        assert_eq!(did_you_mean("zzz", ["summary", "title"]), None);
    }
}
