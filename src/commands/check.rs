//! `guidebook check`: everything `build` would find, and more, without writing anything.
//!
//! The site is loaded like a build (`build::load`: front matter, links, anchors, UI strings, the
//! site-wide checks) and rendered into memory, so template problems show too. `--external`
//! adds the check of links to other sites. The JSON form is for CI and is stable: its shape is
//! documented in the README and changes only with a new `version`.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{Global, print_diagnostics};
use crate::build::{BuildReport, load, write_site};
use crate::cli::{CheckArgs, ReportFormat};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::output::Output;

/// Run the command.
pub fn run(args: &CheckArgs, global: Global) -> ExitCode {
    let root = &args.site.root;
    let diagnostics = check_site(root, args.external);
    match args.format {
        ReportFormat::Human => {
            print_diagnostics(&diagnostics, root, global);
            if diagnostics.is_empty() && !global.quiet {
                eprintln!("No problems found.");
            }
        }
        ReportFormat::Json => super::print_stdout(&format!("{}\n", to_json(&diagnostics))),
    }
    exit_code(&diagnostics, args.deny_warnings)
}

/// Every problem of the site at `root`, sorted file by file.
pub fn check_site(root: &Path, external: bool) -> Vec<Diagnostic> {
    let mut report = BuildReport::default();
    if let Some(loaded) = load(root, None, false, &mut report) {
        write_site(
            &loaded,
            &Output::Memory(Default::default()),
            crate::build::Ebooks::OnRequest,
            &mut report,
        );
        if external {
            crate::checks::external::check(&loaded.site, &mut report.diagnostics);
        }
    }
    let mut diagnostics = report.diagnostics;
    diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    diagnostics
}

/// 1 when there are errors, or warnings and `deny_warnings`; 0 otherwise.
pub fn exit_code(diagnostics: &[Diagnostic], deny_warnings: bool) -> ExitCode {
    let (errors, warnings) = diagnostic::count(diagnostics);
    if errors > 0 || (deny_warnings && warnings > 0) {
        super::failure()
    } else {
        ExitCode::SUCCESS
    }
}

/// The JSON report (version 1).
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

/// The diagnostics as the stable JSON document CI reads.
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings) = diagnostic::count(diagnostics);
    let report = JsonReport {
        version: 1,
        errors,
        warnings,
        diagnostics: diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                severity: d.severity,
                code: d.code,
                file: d
                    .location
                    .as_ref()
                    .map(|l| l.path.to_string_lossy().replace('\\', "/")),
                line: d.location.as_ref().map(|l| l.line),
                column: d.location.as_ref().map(|l| l.col),
                message: &d.message,
                hint: d.hint.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    #[test]
    fn json_has_counts_and_places() {
        let d = vec![
            Diagnostic::error("broken-link", "gone")
                .at(Location::new("content/a.md", 3, 7))
                .hint("fix it"),
            Diagnostic::warning("locale", "no place"),
        ];
        let v: serde_json::Value = serde_json::from_str(&to_json(&d)).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(
            (v["errors"].as_u64(), v["warnings"].as_u64()),
            (Some(1), Some(1))
        );
        let first = &v["diagnostics"][0];
        assert_eq!(first["severity"], "error");
        assert_eq!(first["file"], "content/a.md");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(3), Some(7))
        );
        assert_eq!(first["hint"], "fix it");
        assert!(v["diagnostics"][1]["file"].is_null());
    }
}
