//! The `guidebook` binary: parses the command line, runs the command, sets the exit code
//! (0 success, 1 problems in the site, 2 usage errors).

use std::process::ExitCode;

use clap::Parser;
use guidebook::cli::{Cli, Command};
use guidebook::commands::{self, Global};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let global = Global {
        quiet: cli.quiet,
        verbose: cli.verbose > 0,
    };
    match &cli.command {
        Command::Build(args) => commands::build::run(args, global),
        Command::Serve(args) => commands::serve::run(args, global),
        Command::Check(args) => commands::check::run(args, global),
        Command::Status(args) => commands::status::run(args, global),
        Command::New(args) => commands::new::run(args, global),
        Command::Translate(args) => commands::translate::run(args, global),
        Command::Epub(args) => commands::epub::run(args, global),
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
