//! `guidebook new` (being written; see its issue).

use std::process::ExitCode;

use super::Global;
use crate::cli::NewArgs;

/// Run the command.
pub fn run(_args: &NewArgs, _global: Global) -> ExitCode {
    super::usage_error("this command is not available yet")
}
