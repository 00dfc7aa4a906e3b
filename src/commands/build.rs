//! `guidebook build`.

use std::process::ExitCode;

use super::{Global, print_diagnostics};
use crate::build::{BuildOptions, Ebooks, build};
use crate::cli::BuildArgs;

/// Build the site and report.
pub fn run(args: &BuildArgs, global: Global) -> ExitCode {
    let root = &args.site.root;
    let output = if args.output.is_absolute() {
        args.output.clone()
    } else {
        root.join(&args.output)
    };
    let opts = BuildOptions {
        root: root.clone(),
        output: output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        ebooks: if args.no_epub {
            Ebooks::OnRequest
        } else {
            Ebooks::Build
        },
    };
    let started = std::time::Instant::now();
    let report = build(&opts);
    print_diagnostics(&report.diagnostics, root, global);
    if global.verbose {
        for (stage, t) in &report.timings {
            eprintln!("  {stage:<10} {:>8.1} ms", t.as_secs_f64() * 1000.0);
        }
    }
    if report.failed() {
        eprintln!("The build failed; {} was left as it was.", output.display());
        return super::failure();
    }
    if !global.quiet {
        eprintln!(
            "Built {} pages into {} in {:.2} s",
            report.pages,
            output.display(),
            started.elapsed().as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}
