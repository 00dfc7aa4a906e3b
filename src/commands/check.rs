//! `guidebook check` (being written; see its issue).

use std::process::ExitCode;

use super::Global;
use crate::cli::CheckArgs;

/// Run the command.
pub fn run(_args: &CheckArgs, _global: Global) -> ExitCode {
    super::usage_error("this command is not available yet")
}
