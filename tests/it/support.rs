//! `SiteTest`: a fixture site copied into a temporary folder, built with the real binary.
//!
//! The fixture brings its own content and may bring locales; the repository's theme and any
//! locale the fixture lacks are copied in, so tests run against the real default theme.

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

/// The repository root (where Cargo.toml is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A site under test.
pub struct SiteTest {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

/// The result of running the binary.
pub struct Run {
    pub code: i32,
    #[allow(dead_code)]
    pub stdout: String,
    pub stderr: String,
}

impl SiteTest {
    /// Copy `tests/fixtures/NAME` with the repository's theme and missing locales.
    pub fn new(fixture: &str) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(&repo().join("tests/fixtures").join(fixture), &root);
        copy_dir(&repo().join("themes"), &root.join("themes"));
        for entry in std::fs::read_dir(repo().join("locales"))
            .unwrap()
            .filter_map(Result::ok)
        {
            let target = root.join("locales").join(entry.file_name());
            if !target.exists() {
                copy_dir(&entry.path(), &target);
            }
        }
        SiteTest { _dir: dir, root }
    }

    /// Write a file of the site (creating folders).
    pub fn file(&self, rel: &str, text: &str) -> &SiteTest {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Read a file of the site or its output.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel))
            .unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    /// Run `guidebook ARGS` in the site folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_guidebook"))
            .args(args)
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Build and insist that it succeeds.
    pub fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// Parse an output page.
    pub fn html(&self, rel: &str) -> Page {
        Page(Html::parse_document(&self.read(&format!("output/{rel}"))))
    }

    /// Every output file below `output/` with its bytes, sorted.
    pub fn snapshot_output(&self) -> Vec<(String, Vec<u8>)> {
        let out = self.root.join("output");
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(&out)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }
}

/// A parsed HTML page with small query helpers.
pub struct Page(pub Html);

impl Page {
    /// All elements matching a CSS selector.
    pub fn all(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = Selector::parse(css).unwrap();
        self.0.select(&sel).collect()
    }

    /// The one element matching a selector.
    pub fn one(&self, css: &str) -> scraper::ElementRef<'_> {
        let all = self.all(css);
        assert!(!all.is_empty(), "no element matches {css}");
        all[0]
    }

    /// An attribute of the first match.
    pub fn attr(&self, css: &str, name: &str) -> String {
        self.one(css)
            .value()
            .attr(name)
            .unwrap_or_else(|| panic!("{css} has no {name}"))
            .to_string()
    }

    /// The text of the first match.
    pub fn text(&self, css: &str) -> String {
        self.one(css).text().collect::<String>()
    }

    /// Whether a selector matches.
    pub fn has(&self, css: &str) -> bool {
        !self.all(css).is_empty()
    }
}
