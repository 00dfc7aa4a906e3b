//! Command-line interface: the commands partners run, with `--help` on each.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// guidebook builds a multilingual guide book site (and its ebooks) from Markdown.
#[derive(Debug, Parser)]
#[command(name = "guidebook", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print the time of every build stage (-vv for debug logs).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (default: output/).
    Build(BuildArgs),
}

/// Where the site is and where it goes.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (with site.yaml, content/, locales/, themes/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site; relative paths are taken from the site folder.
    #[arg(long, short, default_value = "output")]
    pub output: PathBuf,
    /// Publish under another address than site.yaml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}
