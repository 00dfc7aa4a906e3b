//! Command-line interface: the commands partners run, with `--help` on each.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Build, serve on http://127.0.0.1:1111/ and rebuild on every change, reloading the browser.
    Serve(ServeArgs),
    /// Find every problem a partner can cause (links, front matter, translations, UI strings).
    Check(CheckArgs),
    /// Show which pages are translated, outdated or missing in each language.
    Status(StatusArgs),
    /// Create a new chapter, practice, report or page with correct front matter.
    New(NewArgs),
    /// Start a translation of a page, or record that a translation is up to date (--done).
    Translate(TranslateArgs),
    /// Build only the ebooks (one EPUB per language) into output/downloads/.
    Epub(EpubArgs),
}

/// The site folder.
#[derive(Debug, Args, Clone)]
pub struct RootArg {
    /// The site folder (with site.yaml, content/, locales/, themes/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Where the site is and where it goes.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: RootArg,
    /// Where to write the site; relative paths are taken from the site folder.
    #[arg(long, short, default_value = "output")]
    pub output: PathBuf,
    /// Publish under another address than site.yaml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Leave out the ebooks (the benchmark times them apart); hidden from --help.
    #[arg(long, hide = true)]
    pub no_epub: bool,
}

/// Options of the preview server.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: RootArg,
    /// The port to listen on.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; 0.0.0.0 makes the preview visible to the whole network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Rebuild the ebooks on every change too (otherwise when their link is requested).
    #[arg(long)]
    pub epub: bool,
}

/// How reports are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: RootArg,
    /// `human` for people, `json` for CI (stable, documented in the README).
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Exit with 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also check external links (needs the internet; a bounded number of requests at once).
    #[arg(long)]
    pub external: bool,
}

/// How `status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Markdown,
    Json,
}

/// Options of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub site: RootArg,
    /// Only this language.
    #[arg(long)]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
    /// Show what changed in the English source since this translation was made (needs git).
    #[arg(long, value_name = "PAGE.LANG.md")]
    pub diff: Option<PathBuf>,
}

/// What `new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Chapter,
    Practice,
    Report,
    Page,
}

/// Options of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    pub site: RootArg,
    pub kind: NewKind,
    /// The title of the new page.
    pub title: String,
    /// Create it in this language (a translation needs its English source first).
    #[arg(long)]
    pub lang: Option<String>,
}

/// Options of `translate`.
#[derive(Debug, Args)]
pub struct TranslateArgs {
    #[command(flatten)]
    pub site: RootArg,
    /// The English page (`content/guide/03-warning-signs.md`), or with --done the translation.
    pub page: PathBuf,
    /// The language to translate into.
    #[arg(long, required_unless_present = "done")]
    pub lang: Option<String>,
    /// Record the current source hash in a finished translation.
    #[arg(long)]
    pub done: bool,
}

/// Options of `epub`.
#[derive(Debug, Args)]
pub struct EpubArgs {
    #[command(flatten)]
    pub site: RootArg,
    /// Only this language.
    #[arg(long)]
    pub lang: Option<String>,
    /// Where the site's output is (the ebooks go to its downloads/).
    #[arg(long, short, default_value = "output")]
    pub output: PathBuf,
}
