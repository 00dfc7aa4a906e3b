//! `guidebook translate`: start a translation, or record that one is up to date (`--done`).
//!
//! Starting copies what a translator has to translate (title, summary, tags or place, and the
//! text) into `NAME.LANG.md` with the current `source_hash`. `--done` rewrites the one line
//! `source_hash: "…"` (or adds it under the title) and leaves every other byte alone, so a
//! translator's formatting, comments and line endings survive.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Global;
use crate::cli::TranslateArgs;
use crate::config::Config;
use crate::content::discover::{CONTENT_DIR, classify};
use crate::content::page::{parse_file, short_hash};
use crate::content::{Page, SourceFile};
use crate::diagnostic::Diagnostic;

/// Run the command.
pub fn run(args: &TranslateArgs, global: Global) -> ExitCode {
    let root = &args.site.root;
    let done = match (&args.lang, args.done) {
        (_, true) => record_done(root, &args.page),
        (Some(lang), false) => start(root, &args.page, lang).map(|path| {
            format!(
                "Created {}: translate the title, the summary and the text, keep source_hash as it is.",
                path.display()
            )
        }),
        (None, false) => Err(Stop::Usage("say which language with --lang LANG".into())),
    };
    match done {
        Ok(message) => {
            if !global.quiet {
                eprintln!("{message}");
            }
            ExitCode::SUCCESS
        }
        Err(stop) => stop.report(root, global),
    }
}

/// Why `new` or `translate` did nothing.
#[derive(Debug)]
pub enum Stop {
    /// The command was called wrongly (exit code 2).
    Usage(String),
    /// The command refuses, for instance to overwrite a file (exit code 1).
    Refused(String),
    /// The site has problems that prevent it (exit code 1).
    Site(Vec<Diagnostic>),
}

impl Stop {
    /// Print the reason and give the exit code.
    pub fn report(self, root: &Path, global: Global) -> ExitCode {
        match self {
            Stop::Usage(message) => super::usage_error(&message),
            Stop::Refused(message) => {
                eprintln!("error: {message}");
                super::failure()
            }
            Stop::Site(diagnostics) => {
                super::print_diagnostics(&diagnostics, root, global);
                super::failure()
            }
        }
    }
}

/// A content file named on the command line, as its path below `content/`.
///
/// The path may be relative to the current folder or to the site folder.
pub fn locate(root: &Path, page: &Path) -> Result<PathBuf, Stop> {
    let found = [page.to_path_buf(), root.join(page)]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| Stop::Usage(format!("there is no file {}", page.display())))?;
    let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let content = absolute(&root.join(CONTENT_DIR));
    absolute(&found)
        .strip_prefix(&content)
        .map(Path::to_path_buf)
        .map_err(|_| {
            Stop::Usage(format!(
                "{} is not under {}",
                page.display(),
                root.join(CONTENT_DIR).display()
            ))
        })
}

/// Name a file below `content/` and insist that it is (or is not) a source.
pub fn content_file(config: &Config, rel: &Path, want_source: bool) -> Result<SourceFile, Stop> {
    let file = classify(config, rel).map_err(|d| Stop::Site(vec![d]))?;
    let shown = file.path.display();
    match (file.is_source, want_source) {
        (false, true) => Err(Stop::Usage(format!(
            "{shown} is a translation; name the {} file it translates",
            config.source_language().name
        ))),
        (true, false) => Err(Stop::Usage(format!(
            "{shown} is the {} original; name its translation, such as NAME.LANG.md",
            config.source_language().name
        ))),
        _ => Ok(file),
    }
}

/// Create the translation of the source `page` into `lang`; returns its path below the root.
fn start(root: &Path, page: &Path, lang: &str) -> Result<PathBuf, Stop> {
    let config = Config::load(root).map_err(Stop::Site)?;
    let rel = locate(root, page)?;
    let file = content_file(&config, &rel, true)?;
    let source = parse_file(root, file).map_err(Stop::Site)?;
    start_translation(&config, &source, lang)
}

/// The index of a language code of the site, or a usage error that lists the codes.
pub fn site_language(config: &Config, code: &str) -> Result<usize, Stop> {
    config.language_index(code).ok_or_else(|| {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        Stop::Usage(format!(
            "\"{code}\" is not a language of this site; use one of: {}",
            codes.join(", ")
        ))
    })
}

/// Write `NAME.LANG.md` for a parsed source page, refusing to overwrite; returns its path.
pub fn start_translation(config: &Config, source: &Page, code: &str) -> Result<PathBuf, Stop> {
    let lang = site_language(config, code)?;
    if lang == config.source {
        return Err(Stop::Usage(format!(
            "{} is the language the pages are written in; choose a language to translate into",
            config.languages[lang].name
        )));
    }
    let source_path = source.file.path.to_string_lossy().replace('\\', "/");
    let path = PathBuf::from(crate::status::translation_path(&source_path, code));
    write_new(&config.root, &path, &translation_text(source))?;
    Ok(path)
}

/// The first text of a translation: what to translate, the body, and the current source hash.
pub fn translation_text(source: &Page) -> String {
    let front = &source.front;
    let mut yaml = format!("title: {}\n", yaml_string(&front.title));
    if let Some(summary) = &front.summary {
        yaml.push_str(&format!("summary: {}\n", yaml_string(summary)));
    }
    if !front.tags.is_empty() {
        let tags: Vec<String> = front.tags.iter().map(|t| yaml_string(t)).collect();
        yaml.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    if let Some(place) = &front.place {
        yaml.push_str(&format!("place: {}\n", yaml_string(place)));
    }
    yaml.push_str(&format!("source_hash: \"{}\"\n", source.hash));
    format!("---\n{yaml}---\n{}", source.body)
}

/// A YAML double-quoted string.
pub fn yaml_string(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// Create `rel` under `root` with `text`; an existing file is never overwritten.
pub fn write_new(root: &Path, rel: &Path, text: &str) -> Result<(), Stop> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Stop::Refused(format!("cannot create {}: {e}", dir.display())))?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Stop::Refused(format!(
                "{} already exists; guidebook does not overwrite it. Edit that file, or delete it first if you want to start again",
                rel.display()
            )));
        }
        Err(e) => {
            return Err(Stop::Refused(format!(
                "cannot create {}: {e}",
                rel.display()
            )));
        }
    };
    file.write_all(text.as_bytes())
        .map_err(|e| Stop::Refused(format!("cannot write {}: {e}", rel.display())))
}

/// `--done`: record the current hash of the source in a translation.
fn record_done(root: &Path, page: &Path) -> Result<String, Stop> {
    let config = Config::load(root).map_err(Stop::Site)?;
    let rel = locate(root, page)?;
    let file = content_file(&config, &rel, false)?;
    let source = Path::new(CONTENT_DIR).join(format!("{}.md", file.key.0));
    let bytes = std::fs::read(root.join(&source)).map_err(|_| {
        Stop::Refused(format!(
            "there is no {} file {} for {} to translate",
            config.source_language().name,
            source.display(),
            file.path.display()
        ))
    })?;
    let hash = short_hash(&bytes);
    let path = root.join(&file.path);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Stop::Refused(format!("cannot read {}: {e}", file.path.display())))?;
    let Some(updated) = set_source_hash(&text, &hash) else {
        return Err(Stop::Refused(format!(
            "{} has no front matter: it must start with a line --- and the title",
            file.path.display()
        )));
    };
    if updated == text {
        return Ok(format!(
            "{} already records the current version of {}.",
            file.path.display(),
            source.display()
        ));
    }
    std::fs::write(&path, updated)
        .map_err(|e| Stop::Refused(format!("cannot write {}: {e}", file.path.display())))?;
    Ok(format!(
        "{} now records source_hash \"{hash}\" (the current {}).",
        file.path.display(),
        source.display()
    ))
}

/// The text with its front matter's `source_hash` line set to `hash`, or the line added under
/// the title; every other byte stays. `None` when the text has no front matter.
pub fn set_source_hash(text: &str, hash: &str) -> Option<String> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[bom..].split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let eol = if first.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let new_line = format!("source_hash: \"{hash}\"");
    let mut offset = bom + first.len();
    let mut insert_at = offset;
    let mut in_title = false;
    for line in lines {
        if line.trim_end() == "---" {
            break;
        }
        if line.starts_with("source_hash:") {
            let end = offset + line.trim_end_matches(['\r', '\n']).len();
            return Some(format!("{}{new_line}{}", &text[..offset], &text[end..]));
        }
        let continues = line.starts_with([' ', '\t']);
        in_title = line.starts_with("title:") || (in_title && continues);
        offset += line.len();
        if in_title {
            insert_at = offset;
        }
    }
    Some(format!(
        "{}{new_line}{eol}{}",
        &text[..insert_at],
        &text[insert_at..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_rewrites_only_the_hash_line() {
        let text = "---\r\ntitle: X # mine\r\nsource_hash: '000000000000'\r\n---\r\nBody\r\n";
        assert_eq!(
            set_source_hash(text, "abcdef012345").unwrap(),
            "---\r\ntitle: X # mine\r\nsource_hash: \"abcdef012345\"\r\n---\r\nBody\r\n"
        );
    }

    #[test]
    fn a_missing_hash_goes_under_the_whole_title() {
        let text = "---\ntitle: >\n  A long\n  title\nsummary: S\n---\nsource_hash: in the body\n";
        assert_eq!(
            set_source_hash(text, "abcdef012345").unwrap(),
            "---\ntitle: >\n  A long\n  title\nsource_hash: \"abcdef012345\"\nsummary: S\n---\nsource_hash: in the body\n"
        );
        assert_eq!(
            set_source_hash("---\n---\n", "abcdef012345").unwrap(),
            "---\nsource_hash: \"abcdef012345\"\n---\n"
        );
        assert!(set_source_hash("no front matter", "abcdef012345").is_none());
    }

    #[test]
    fn yaml_strings_escape_quotes() {
        assert_eq!(yaml_string("A \"b\" \\ c"), "\"A \\\"b\\\" \\\\ c\"");
    }
}
