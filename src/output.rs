//! Where built files go: a temporary folder swapped in on success, or memory (serve mode).
//!
//! guidebook never deletes or overwrites what it did not write. A build writes into a fresh
//! folder beside the output (`.output.building-PID`), marks it as ours, and only when everything
//! succeeded renames the old output away and the new one into place. A failed build removes
//! only its own temporary folder, so the last good output stays byte for byte.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diagnostic::Diagnostic;

/// The marker file that says a folder was made by guidebook and may be replaced by it.
pub const MARKER: &str = ".guidebook-output";

/// A destination for the files of a build, addressed by paths relative to the site root.
pub enum Output {
    /// A folder on disk.
    Disk(PathBuf),
    /// Files kept in memory, for serve mode; shared, so an unchanged page is not copied.
    Memory(Mutex<BTreeMap<String, Arc<Vec<u8>>>>),
}

impl Output {
    /// Write one file (creating its folders).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        match self {
            Output::Disk(dir) => {
                let path = dir.join(rel);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, bytes)
            }
            Output::Memory(_) => self.write_shared(rel, Arc::new(bytes.to_vec())),
        }
    }

    /// Write one file that the caller keeps too (serve mode's cached pages).
    pub fn write_shared(&self, rel: &str, bytes: Arc<Vec<u8>>) -> io::Result<()> {
        match self {
            Output::Disk(_) => self.write(rel, &bytes),
            Output::Memory(files) => {
                files
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(rel.to_string(), bytes);
                Ok(())
            }
        }
    }

    /// The files written into memory (empty for a folder on disk).
    pub fn into_files(self) -> BTreeMap<String, Arc<Vec<u8>>> {
        match self {
            Output::Disk(_) => BTreeMap::new(),
            Output::Memory(files) => files.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Copy a file from disk.
    pub fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        match self {
            Output::Disk(dir) => {
                let path = dir.join(rel);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::copy(from, path).map(|_| ())
            }
            Output::Memory(_) => self.write(rel, &std::fs::read(from)?),
        }
    }
}

/// Why an output folder may not be used.
fn refusal(output: &Path, reason: &str) -> Diagnostic {
    Diagnostic::error(
        "output",
        format!(
            "guidebook will not write the site to {}: {reason}",
            output.display()
        ),
    )
    .hint("choose another folder with --output, such as output/")
}

/// Check that building into `output` cannot destroy anything that is not ours.
pub fn check_output_path(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| {
        std::path::absolute(p)
            .map(|p| normalize(&p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (root, out) = (abs(root), abs(output));
    if root.starts_with(&out) {
        return Err(refusal(output, "it is the site folder or contains it"));
    }
    for dir in ["content", "locales", "themes", ".git"] {
        if out.starts_with(root.join(dir)) {
            return Err(refusal(output, &format!("it is inside {dir}/")));
        }
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && home.starts_with(&out)
    {
        return Err(refusal(output, "it is your home folder or contains it"));
    }
    if out.parent().is_none() {
        return Err(refusal(output, "it is the root of the file system"));
    }
    if out.exists() && !is_replaceable(&out) {
        return Err(refusal(
            output,
            "the folder exists, is not empty and was not made by guidebook",
        ));
    }
    Ok(())
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a folder is ours to replace: it carries our marker or is empty.
fn is_replaceable(dir: &Path) -> bool {
    if !dir.is_dir() {
        return false;
    }
    dir.join(MARKER).is_file() || std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// Remove a folder we made, its subfolders in parallel (a site has tens of thousands of files).
fn remove_dir_parallel(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.par_iter().try_for_each(|p| {
        if p.is_dir() {
            std::fs::remove_dir_all(p)
        } else {
            std::fs::remove_file(p)
        }
    })?;
    std::fs::remove_dir(dir)
}

/// A build in progress into a temporary folder beside the final output.
pub struct Staging {
    pub temp: PathBuf,
    pub target: PathBuf,
}

impl Staging {
    /// Create the temporary folder for a build into `target`.
    pub fn begin(target: &Path) -> io::Result<Staging> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let temp = parent.join(format!(".{name}.building-{}", std::process::id()));
        if temp.exists() {
            std::fs::remove_dir_all(&temp)?;
        }
        std::fs::create_dir_all(&temp)?;
        std::fs::write(
            temp.join(MARKER),
            b"This folder was written by guidebook; it may replace it on the next build.\n",
        )?;
        Ok(Staging {
            temp,
            target: target.to_path_buf(),
        })
    }

    /// Put the finished build in place of the old output.
    pub fn commit(self) -> io::Result<()> {
        let old = self.temp.with_extension("old");
        let had_old = self.target.exists();
        if had_old {
            if !is_replaceable(&self.target) {
                return Err(io::Error::other(
                    "the output folder changed during the build and is no longer ours",
                ));
            }
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.temp, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        if had_old {
            remove_dir_parallel(&old)?;
        }
        Ok(())
    }

    /// Throw the unfinished build away; the old output is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}
