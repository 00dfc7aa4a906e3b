//! The `guidebook` binary: parses the command line, runs the command, prints diagnostics and sets
//! the exit code (0 success, 1 problems in the site, 2 usage errors).

use std::process::ExitCode;

use clap::Parser;
use guidebook::build::{BuildOptions, build};
use guidebook::cli::{BuildArgs, Cli, Command};
use guidebook::diagnostic::{self, Severity};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match cli.command {
        Command::Build(args) => run_build(&args, cli.quiet, cli.verbose > 0),
    }
}

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "guidebook=info",
        _ => "guidebook=debug",
    };
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| level.into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
}

fn run_build(args: &BuildArgs, quiet: bool, verbose: bool) -> ExitCode {
    let output = if args.output.is_absolute() {
        args.output.clone()
    } else {
        args.root.join(&args.output)
    };
    let opts = BuildOptions {
        root: args.root.clone(),
        output: output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
    };
    let started = std::time::Instant::now();
    let report = build(&opts);
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !quiet || d.severity == Severity::Error)
        .cloned()
        .collect();
    eprint!("{}", diagnostic::render_human(&shown, &args.root));
    if verbose {
        for (stage, t) in &report.timings {
            eprintln!("  {stage:<10} {:>8.1} ms", t.as_secs_f64() * 1000.0);
        }
    }
    if report.failed() {
        eprintln!("The build failed; {} was left as it was.", output.display());
        return ExitCode::from(1);
    }
    if !quiet {
        eprintln!(
            "Built {} pages into {} in {:.2} s",
            report.pages,
            output.display(),
            started.elapsed().as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}
