//! `guidebook epub`: only the ebooks, into the output's `downloads/` folder.
//!
//! The rest of the output is left as it is; the output folder must be one guidebook made (or not
//! exist yet), so no one else's files are overwritten.

use std::process::ExitCode;

use super::{Global, print_diagnostics, usage_error};
use crate::build::{BuildReport, load, write_ebooks};
use crate::cli::EpubArgs;
use crate::output::{MARKER, Output, check_output_path};
use crate::render::epub::modified_time;

/// Build the ebooks and report their files and sizes.
pub fn run(args: &EpubArgs, global: Global) -> ExitCode {
    let root = &args.site.root;
    let output = if args.output.is_absolute() {
        args.output.clone()
    } else {
        root.join(&args.output)
    };
    let mut report = BuildReport::default();
    if let Err(d) = check_output_path(root, &output) {
        print_diagnostics(&[d], root, global);
        return super::failure();
    }
    let Some(loaded) = load(root, None, false, &mut report) else {
        print_diagnostics(&report.diagnostics, root, global);
        return super::failure();
    };
    let only = match &args.lang {
        Some(code) => match loaded.site.config.language_index(code) {
            Some(i) => Some(i),
            None => return usage_error(&format!("\"{code}\" is not a language of this site")),
        },
        None => None,
    };
    if report.failed() {
        print_diagnostics(&report.diagnostics, root, global);
        return super::failure();
    }
    if std::fs::create_dir_all(&output)
        .and_then(|()| std::fs::write(output.join(MARKER), b"written by guidebook\n"))
        .is_err()
    {
        return usage_error(&format!("cannot write into {}", output.display()));
    }
    let out = Output::Disk(output.clone());
    let books = write_ebooks(
        &loaded,
        &out,
        only,
        modified_time(root),
        &mut report.diagnostics,
    );
    print_diagnostics(&report.diagnostics, root, global);
    if report.failed() {
        return super::failure();
    }
    for (path, size) in books.into_iter().flatten() {
        if !global.quiet {
            eprintln!(
                "{} ({} KB)",
                output.join(path).display(),
                size.unwrap_or(0).div_ceil(1024)
            );
        }
    }
    ExitCode::SUCCESS
}
