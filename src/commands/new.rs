//! `guidebook new`: a new chapter, practice, report or page with front matter that validates.
//!
//! The file name comes from the title (`crate::text::slugify`); a chapter gets the next free
//! number, a report today's date. Keys a teacher has to choose (country, stage, kind …) are
//! filled with a valid value and a YAML comment listing the others, so the new file builds and
//! checks clean at once. With `--lang` it starts the translation of an existing page instead.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Global;
use super::translate::{Stop, site_language, start_translation, write_new, yaml_string};
use crate::cli::{NewArgs, NewKind};
use crate::config::Config;
use crate::content::discover::{CONTENT_DIR, discover, slug_of};
use crate::content::front_matter::{Meta, ReportKind, Stage, TARGET_GROUPS};
use crate::content::{Collection, Page};
use crate::diagnostic::did_you_mean;
use crate::text::slugify;

/// Run the command.
pub fn run(args: &NewArgs, global: Global) -> ExitCode {
    let root = &args.site.root;
    match create(args) {
        Ok(path) => {
            if !global.quiet {
                eprintln!("Created {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(stop) => stop.report(root, global),
    }
}

fn create(args: &NewArgs) -> Result<PathBuf, Stop> {
    let root = &args.site.root;
    let config = Config::load(root).map_err(Stop::Site)?;
    let collection = collection_of(args.kind);
    let sources = parse_sources(&config, collection);
    if let Some(code) = args
        .lang
        .as_deref()
        .filter(|c| *c != config.source_language().code)
    {
        site_language(&config, code)?;
        let source = find_source(&sources, args)?;
        return start_translation(&config, source, code);
    }
    let slug = slugify(&args.title);
    if let Some(same) = sources.iter().find(|p| slug_of(&p.file.key) == slug) {
        return Err(Stop::Refused(format!(
            "{} already has the address that \"{}\" would get; choose another title, or edit that file",
            same.file.path.display(),
            args.title
        )));
    }
    let (name, text) = match args.kind {
        NewKind::Chapter => {
            let number = next_chapter(root, &sources);
            (
                format!("{number:02}-{slug}.md"),
                chapter(&args.title, number),
            )
        }
        NewKind::Practice => (format!("{slug}.md"), practice(&args.title)),
        NewKind::Report => {
            let today = jiff::Zoned::now().date();
            (format!("{today}-{slug}.md"), report(&args.title, today))
        }
        NewKind::Page => (
            format!("{slug}.md"),
            page(&args.title, next_weight(&sources)),
        ),
    };
    let rel = Path::new(CONTENT_DIR).join(collection.dir()).join(name);
    write_new(root, &rel, &text)?;
    Ok(rel)
}

fn collection_of(kind: NewKind) -> Collection {
    match kind {
        NewKind::Chapter => Collection::Guide,
        NewKind::Practice => Collection::Practices,
        NewKind::Report => Collection::Reports,
        NewKind::Page => Collection::Pages,
    }
}

/// The source pages of a collection that parse (problems are for `check`, not for `new`).
fn parse_sources(config: &Config, collection: Collection) -> Vec<Page> {
    let mut ignored = Vec::new();
    let files = discover(config, &mut ignored)
        .files
        .into_iter()
        .filter(|f| f.is_source && f.collection == collection && !f.key.is_index())
        .collect();
    crate::build::parse_all(&config.root, files, &mut ignored)
}

/// The English page a `new … --lang` means: same address or same title.
fn find_source<'a>(sources: &'a [Page], args: &NewArgs) -> Result<&'a Page, Stop> {
    let slug = slugify(&args.title);
    let wanted = args.title.trim().to_lowercase();
    if let Some(p) = sources
        .iter()
        .find(|p| slug_of(&p.file.key) == slug || p.front.title.to_lowercase() == wanted)
    {
        return Ok(p);
    }
    let kind = format!("{:?}", args.kind).to_lowercase();
    let titles = sources.iter().map(|p| p.front.title.as_str());
    let hint = match did_you_mean(&args.title, titles) {
        Some(t) => format!(" Did you mean \"{t}\"?"),
        None => String::new(),
    };
    Err(Stop::Refused(format!(
        "there is no English {kind} \"{}\" to translate. Write it first with: guidebook new {kind} \"{}\".{hint}",
        args.title, args.title
    )))
}

/// One more than the highest chapter number, in front matter or in a file name.
fn next_chapter(root: &Path, sources: &[Page]) -> u32 {
    let in_front = sources.iter().filter_map(|p| match &p.front.meta {
        Some(Meta::Chapter { number, .. }) => Some(*number),
        _ => None,
    });
    let in_names: Vec<u32> = std::fs::read_dir(root.join(CONTENT_DIR).join("guide"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
                    digits.parse().ok()
                })
                .collect()
        })
        .unwrap_or_default();
    in_front.chain(in_names).max().unwrap_or(0) + 1
}

/// One more than the highest page weight, so the new page comes last in the menu.
fn next_weight(sources: &[Page]) -> i64 {
    let weights = sources.iter().filter_map(|p| match &p.front.meta {
        Some(Meta::Page { weight }) => Some(*weight),
        _ => None,
    });
    weights.max().unwrap_or(0) + 1
}

fn words<T>(list: &[(&str, T)]) -> String {
    let names: Vec<&str> = list.iter().map(|(w, _)| *w).collect();
    names.join(", ")
}

fn chapter(title: &str, number: u32) -> String {
    format!(
        "---\ntitle: {}\nchapter: {number}\nsummary: \"One or two sentences on what the chapter is about.\"\n---\n\n## The first section\n\nWrite the chapter here. Start each section with a line ## and its heading.\n",
        yaml_string(title)
    )
}

fn practice(title: &str) -> String {
    format!(
        "---\ntitle: {}\nsummary: \"One or two sentences on what the practice does and for whom.\"\ncountry: TR # the country's two capital letters: TR, HR, LT, HU …\nstage: prevention # one of: {}\ntarget_groups: [teachers] # some of: {}\n---\n\n## The problem\n\nWhat the practice answers.\n\n## What we do, step by step\n\n1. The first step.\n\n## Who is needed\n\n- A teacher coordinator.\n\n## Results\n\nWhat changed, and how you know.\n",
        yaml_string(title),
        words(Stage::WORDS),
        TARGET_GROUPS.join(", ")
    )
}

fn report(title: &str, date: jiff::civil::Date) -> String {
    format!(
        "---\ntitle: {}\nsummary: \"One or two sentences on what happened.\"\ndate: {date}\n# end_date: {date} (the last day of an event of several days)\nkind: event # one of: {}\nstatus: held # held (a report of what happened) or planned (the programme before it)\n# place: \"Town, Country\"\n---\n\n## Aims\n\nWhy the partners met.\n\n## What we did\n\nThe programme, day by day.\n\n## Results\n\nWhat the partners take home.\n",
        yaml_string(title),
        words(ReportKind::WORDS)
    )
}

fn page(title: &str, weight: i64) -> String {
    format!(
        "---\ntitle: {}\nsummary: \"One or two sentences on what the page is about.\"\nweight: {weight} # the place in the menu: smaller numbers come first\n---\n\n## The first section\n\nWrite the page here.\n",
        yaml_string(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::discover::ContentKey;
    use crate::content::{SourceFile, front_matter};

    fn validate(collection: Collection, key: &str, text: &str) {
        let file = SourceFile {
            path: PathBuf::from("content/x.md"),
            lang: 0,
            key: ContentKey(key.into()),
            collection,
            is_source: true,
        };
        let split = front_matter::split(text).unwrap();
        if let Err(problems) = front_matter::parse(&file, &split) {
            panic!("{text}\n{problems:?}");
        }
    }

    #[test]
    fn every_kind_of_new_page_validates() {
        validate(
            Collection::Guide,
            "guide/09-x",
            &chapter("A \"new\": chapter", 9),
        );
        validate(Collection::Practices, "practices/x", &practice("X"));
        let date = jiff::civil::date(2027, 3, 8);
        validate(
            Collection::Reports,
            "reports/2027-03-08-x",
            &report("X", date),
        );
        validate(Collection::Pages, "pages/x", &page("X", 4));
    }
}
