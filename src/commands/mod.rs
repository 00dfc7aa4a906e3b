//! The commands of the binary, one module each; `main` only dispatches.

pub mod build;
pub mod check;
pub mod epub;
pub mod new;
pub mod serve;
pub mod status;
pub mod translate;

use std::path::Path;
use std::process::ExitCode;

use crate::diagnostic::{self, Diagnostic, Severity};

/// Options every command shares.
#[derive(Debug, Clone, Copy)]
pub struct Global {
    pub quiet: bool,
    pub verbose: bool,
}

/// Print diagnostics for a person (all of them, or only errors with `--quiet`).
pub fn print_diagnostics(diagnostics: &[Diagnostic], root: &Path, global: Global) {
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| !global.quiet || d.severity == Severity::Error)
        .cloned()
        .collect();
    eprint!("{}", diagnostic::render_human(&shown, root));
}

/// The exit code for a command that found problems in the site.
pub fn failure() -> ExitCode {
    ExitCode::from(1)
}

/// A usage problem (unknown language, missing file): printed and exit code 2.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Print a command's result on standard output; a closed pipe (`| head`) is not an error.
pub fn print_stdout(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
