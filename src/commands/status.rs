//! `guidebook status`: what each language has translated, what is out of date, what is missing;
//! `--diff` shows a translator what changed in the English text since their translation.
//!
//! The figures come from `crate::status`; this module loads the site, picks the format and, for
//! `--diff`, asks git (`checks::history`) which commit holds the version the translation's
//! `source_hash` names.

use std::path::Path;
use std::process::ExitCode;

use super::Global;
use super::translate::{Stop, content_file, locate, site_language};
use crate::build::{BuildReport, load};
use crate::checks::history;
use crate::cli::{StatusArgs, StatusFormat};
use crate::config::Config;
use crate::content::discover::CONTENT_DIR;
use crate::content::page::{parse_file, short_hash};
use crate::diagnostic;
use crate::status::{self, StatusReport};

/// Run the command.
pub fn run(args: &StatusArgs, global: Global) -> ExitCode {
    let root = &args.site.root;
    let result = match &args.diff {
        Some(file) => diff(root, file),
        None => report(root, args).map(|text| {
            super::print_stdout(&text);
            String::new()
        }),
    };
    match result {
        Ok(note) => {
            if !note.is_empty() && !global.quiet {
                eprintln!("{note}");
            }
            ExitCode::SUCCESS
        }
        Err(stop) => stop.report(root, global),
    }
}

/// The status in the chosen format.
fn report(root: &Path, args: &StatusArgs) -> Result<String, Stop> {
    let mut build = BuildReport::default();
    let Some(loaded) = load(root, None, false, &mut build) else {
        return Err(Stop::Site(build.diagnostics));
    };
    let (errors, _) = diagnostic::count(&build.diagnostics);
    if errors > 0 {
        eprintln!(
            "note: the site has {errors} error(s) (guidebook check lists them); pages with errors are not counted"
        );
    }
    let mut status = status::compute(&loaded.site);
    if let Some(code) = &args.lang {
        only_language(&loaded.site.config, &mut status, code)?;
    }
    let all_pages = args.lang.is_some();
    Ok(match args.format {
        StatusFormat::Table => status::table(&status, all_pages),
        StatusFormat::Markdown => status::markdown(&status, all_pages),
        StatusFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&status).unwrap_or_default()
        ),
    })
}

fn only_language(config: &Config, status: &mut StatusReport, code: &str) -> Result<(), Stop> {
    let lang = site_language(config, code)?;
    if lang == config.source {
        return Err(Stop::Usage(format!(
            "{} is the language the pages are written in; status shows the translations",
            config.languages[lang].name
        )));
    }
    status.languages.retain(|l| l.code == code);
    Ok(())
}

/// Print `git diff` of the source from the version the translation was made from to now.
fn diff(root: &Path, file: &Path) -> Result<String, Stop> {
    let config = Config::load(root).map_err(Stop::Site)?;
    let rel = locate(root, file)?;
    let translation = parse_file(root, content_file(&config, &rel, false)?).map_err(Stop::Site)?;
    let shown = translation.file.path.display().to_string();
    let Some((hash, _)) = &translation.front.source_hash else {
        return Err(Stop::Refused(format!("{shown} has no source_hash")));
    };
    let source = Path::new(CONTENT_DIR).join(format!("{}.md", translation.file.key.0));
    let bytes = std::fs::read(root.join(&source))
        .map_err(|e| Stop::Refused(format!("cannot read {}: {e}", source.display())))?;
    if short_hash(&bytes) == *hash {
        return Ok(format!(
            "{shown} is up to date: {} has not changed since.",
            source.display()
        ));
    }
    let versions = history::versions(root, &source).ok_or_else(|| {
        Stop::Usage("--diff needs git: the site folder is not in a git repository".into())
    })?;
    let Some(version) = versions.iter().find(|v| v.hash == *hash) else {
        return Err(Stop::Refused(format!(
            "source_hash \"{hash}\" of {shown} matches no version of {} in git, so there is nothing to compare with",
            source.display()
        )));
    };
    let path = source.to_string_lossy().replace('\\', "/");
    let args = [
        "diff",
        "--no-color",
        "--no-ext-diff",
        &version.commit,
        "--",
        &path,
    ];
    let out =
        history::git(root, &args).ok_or_else(|| Stop::Refused("git diff failed".to_string()))?;
    eprintln!(
        "Changes in {path} since the version {shown} was translated from (commit {}):",
        &version.commit[..version.commit.len().min(10)]
    );
    super::print_stdout(&out);
    Ok(String::new())
}
