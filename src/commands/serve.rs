//! `guidebook serve`.

use std::process::ExitCode;

use super::Global;
use crate::cli::ServeArgs;
use crate::serve::{ServeOptions, run as serve};

/// Serve the site with live reload until Ctrl-C.
pub fn run(args: &ServeArgs, global: Global) -> ExitCode {
    let opts = ServeOptions {
        root: args.site.root.clone(),
        bind: args.bind.clone(),
        port: args.port,
        drafts: args.drafts,
        epub: args.epub,
        open: args.open,
        quiet: global.quiet,
    };
    match serve(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::usage_error(&format!("cannot serve the site: {e}")),
    }
}
