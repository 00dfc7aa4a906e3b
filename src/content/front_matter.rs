//! Front matter: the YAML block at the top of a page, validated per collection into typed values.
//!
//! The YAML is read into an ordered list of keys and values that keep their line and column, and
//! each key is then checked against what its collection allows. That way one file reports every
//! wrong key at once (serde alone stops at the first), and the hints can say what to do:
//! `unknown key "sumary": did you mean "summary"?`, or "this key comes from the English source".
//! Lines are counted in the whole file, not in the YAML block (the mistake of zola#1133).

use std::fmt;
use std::path::Path;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_saphyr::Spanned;

use super::discover::{Collection, SourceFile};
use crate::config::{yaml_error, yaml_options};
use crate::diagnostic::{Diagnostic, Location, did_you_mean};

/// The stage of European early-school-leaving policy a practice belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Prevention,
    Intervention,
    Compensation,
}

/// What kind of event a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    TransnationalMeeting,
    Training,
    PupilExchange,
    Event,
}

/// Whether a report tells what happened or what is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportStatus {
    Planned,
    Held,
}

macro_rules! keyword_enum {
    ($ty:ty, $($name:literal => $variant:expr),+ $(,)?) => {
        impl $ty {
            /// Every value with the word that names it in front matter and URLs.
            pub const WORDS: &'static [(&'static str, $ty)] = &[$(($name, $variant)),+];

            /// The word that names this value in front matter and URLs.
            pub fn as_str(self) -> &'static str {
                Self::WORDS.iter().find(|(_, v)| *v == self).map(|(w, _)| *w).unwrap_or_default()
            }
        }
    };
}

keyword_enum!(Stage, "prevention" => Stage::Prevention, "intervention" => Stage::Intervention,
    "compensation" => Stage::Compensation);
keyword_enum!(ReportKind, "transnational-meeting" => ReportKind::TransnationalMeeting,
    "training" => ReportKind::Training, "pupil-exchange" => ReportKind::PupilExchange,
    "event" => ReportKind::Event);
keyword_enum!(ReportStatus, "planned" => ReportStatus::Planned, "held" => ReportStatus::Held);

/// The target groups a practice can name; the theme translates them.
pub const TARGET_GROUPS: &[&str] = &[
    "students-at-risk",
    "fewer-opportunities",
    "immigrants",
    "teachers",
    "school-staff",
    "parents",
    "community",
];

/// Collection-specific front matter of a source file; translations inherit it.
#[derive(Debug, Clone, PartialEq)]
pub enum Meta {
    /// The home page or a collection's `_index.md`.
    Index,
    Chapter {
        number: u32,
        at: Location,
    },
    Practice {
        country: String,
        stage: Stage,
        target_groups: Vec<String>,
    },
    Report {
        date: jiff::civil::Date,
        end_date: Option<jiff::civil::Date>,
        kind: ReportKind,
        status: ReportStatus,
    },
    Page {
        weight: i64,
    },
}

/// Validated front matter of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub summary: Option<String>,
    pub draft: bool,
    /// The source hash a translation was made from, and where it is written.
    pub source_hash: Option<(String, Location)>,
    pub tags: Vec<String>,
    pub place: Option<String>,
    /// Present on source files only.
    pub meta: Option<Meta>,
}

/// A Markdown file split into its front matter text and body.
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// Lines before the YAML text starts (the opening `---`).
    pub yaml_line: usize,
    /// Lines before the body starts.
    pub body_line: usize,
}

/// Split a file at its `---` fences; a file without front matter is an error for guidebook.
pub fn split(text: &str) -> Option<Split<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let yaml_lines = yaml.matches('\n').count();
            return Some(Split {
                yaml,
                body,
                yaml_line: 1,
                body_line: yaml_lines + 2,
            });
        }
        offset += line.len();
    }
    None
}

/// One key and its value, as written.
type Entry = (Spanned<String>, Spanned<Value>);

struct Entries(Vec<Entry>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("keys with values, such as `title: My page`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
            fn visit_unit<E>(self) -> Result<Entries, E> {
                Ok(Entries(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parse and validate the front matter of `file`; every problem in it is returned.
pub fn parse(file: &SourceFile, split: &Split<'_>) -> Result<FrontMatter, Vec<Diagnostic>> {
    let entries = if split.yaml.trim().is_empty() {
        Vec::new()
    } else {
        serde_saphyr::from_str_with_options::<Entries>(split.yaml, yaml_options())
            .map_err(|e| vec![yaml_error(&file.path, &e, split.yaml_line)])?
            .0
    };
    let mut fields = Fields {
        entries,
        path: &file.path,
        line_offset: split.yaml_line,
        problems: Vec::new(),
        last_location: None,
    };
    let front = read_fields(file, &mut fields);
    fields.finish(file);
    if fields.problems.is_empty() {
        Ok(front)
    } else {
        Err(fields.problems)
    }
}

fn read_fields(file: &SourceFile, f: &mut Fields<'_>) -> FrontMatter {
    let title = f.string("title").unwrap_or_else(|| {
        f.missing("title", "title: \"The title of the page\"");
        String::new()
    });
    let summary = f.string("summary");
    let needs_summary = matches!(
        file.collection,
        Collection::Guide | Collection::Practices | Collection::Reports
    );
    if summary.is_none() && needs_summary && !file.key.is_index() && file.is_source {
        f.missing(
            "summary",
            "summary: \"One or two sentences on what the page is about.\"",
        );
    }
    let draft = f.boolean("draft").unwrap_or(false);
    let source_hash = if file.is_source {
        None
    } else {
        f.source_hash()
    };
    let tags = if file.collection == Collection::Practices {
        f.string_list("tags").unwrap_or_default()
    } else {
        Vec::new()
    };
    let place = if file.collection == Collection::Reports {
        f.string("place")
    } else {
        None
    };
    let meta = file.is_source.then(|| read_meta(file, f));
    FrontMatter {
        title,
        summary,
        draft,
        source_hash,
        tags,
        place,
        meta,
    }
}

fn read_meta(file: &SourceFile, f: &mut Fields<'_>) -> Meta {
    if file.key.is_index() {
        return Meta::Index;
    }
    match file.collection {
        Collection::Home => Meta::Index,
        Collection::Guide => {
            let at = f.location_of("chapter");
            let number = f.integer("chapter", 1, 99).map(|n| n as u32);
            if number.is_none() && at.is_none() {
                f.missing("chapter", "chapter: 1");
            }
            Meta::Chapter {
                number: number.unwrap_or(0),
                at: at.unwrap_or_else(|| Location::file(f.path)),
            }
        }
        Collection::Practices => practice_meta(f),
        Collection::Reports => report_meta(f),
        Collection::Pages => Meta::Page {
            weight: f.integer("weight", -1000, 1000).unwrap_or(0),
        },
    }
}

fn practice_meta(f: &mut Fields<'_>) -> Meta {
    let country = f.country("country").unwrap_or_default();
    let stage = f
        .keyword("stage", Stage::WORDS, true)
        .unwrap_or(Stage::Prevention);
    let target_groups = f.string_list("target_groups").unwrap_or_default();
    if let Some(at) = f.last_location.clone() {
        for group in &target_groups {
            if !TARGET_GROUPS.contains(&group.as_str()) {
                let hint = match did_you_mean(group, TARGET_GROUPS.iter().copied()) {
                    Some(g) => format!("did you mean \"{g}\"?"),
                    None => format!("use some of: {}", TARGET_GROUPS.join(", ")),
                };
                f.problems.push(
                    Diagnostic::error("front-matter", format!("unknown target group \"{group}\""))
                        .at(at.clone())
                        .hint(hint),
                );
            }
        }
    }
    Meta::Practice {
        country,
        stage,
        target_groups,
    }
}

fn report_meta(f: &mut Fields<'_>) -> Meta {
    let date = f.date("date", true);
    let end_date = f.date("end_date", false);
    let kind = f
        .keyword("kind", ReportKind::WORDS, true)
        .unwrap_or(ReportKind::Event);
    let status = f
        .keyword("status", ReportStatus::WORDS, false)
        .unwrap_or(ReportStatus::Held);
    let date = date.unwrap_or(jiff::civil::date(2000, 1, 1));
    if let Some(end) = end_date.filter(|end| *end < date) {
        let at = f
            .last_location
            .clone()
            .unwrap_or_else(|| Location::file(f.path));
        f.problems.push(
            Diagnostic::error(
                "front-matter",
                format!("end_date {end} is before date {date}"),
            )
            .at(at)
            .hint("end_date is the last day of the event; leave it out for a one-day event"),
        );
    }
    Meta::Report {
        date,
        end_date,
        kind,
        status,
    }
}

/// The keys of a collection: those allowed in every file, and those only in the source.
fn allowed_keys(
    collection: Collection,
    is_index: bool,
) -> (&'static [&'static str], &'static [&'static str]) {
    match (collection, is_index) {
        (Collection::Home, _) | (_, true) => (&["title", "summary", "draft"], &[]),
        (Collection::Guide, _) => (&["title", "summary", "draft"], &["chapter"]),
        (Collection::Practices, _) => (
            &["title", "summary", "draft", "tags"],
            &["country", "stage", "target_groups"],
        ),
        (Collection::Reports, _) => (
            &["title", "summary", "draft", "place"],
            &["date", "end_date", "kind", "status"],
        ),
        (Collection::Pages, _) => (&["title", "summary", "draft"], &["weight"]),
    }
}

/// The entries not yet read, with the problems found so far.
struct Fields<'a> {
    entries: Vec<Entry>,
    path: &'a Path,
    line_offset: usize,
    problems: Vec<Diagnostic>,
    /// Where the last list or date was written, for problems found after reading it.
    last_location: Option<Location>,
}

impl Fields<'_> {
    fn take(&mut self, key: &str) -> Option<(Spanned<Value>, Location)> {
        let i = self.entries.iter().position(|(k, _)| k.value == key)?;
        let (_, value) = self.entries.remove(i);
        let at = self.loc(&value.referenced);
        Some((value, at))
    }

    fn loc(&self, l: &serde_saphyr::Location) -> Location {
        Location::new(
            self.path,
            l.line() as usize + self.line_offset,
            l.column() as usize,
        )
    }

    fn location_of(&self, key: &str) -> Option<Location> {
        self.entries
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(_, v)| self.loc(&v.referenced))
    }

    fn wrong_type(&mut self, key: &str, at: Location, expected: &str, example: &str) {
        self.problems.push(
            Diagnostic::error("front-matter", format!("\"{key}\" must be {expected}"))
                .at(at)
                .hint(format!("write it like this: {key}: {example}")),
        );
    }

    fn missing(&mut self, key: &str, example: &str) {
        self.problems.push(
            Diagnostic::error("front-matter", format!("the front matter has no \"{key}\""))
                .at(Location::new(self.path, 1, 1))
                .hint(format!("add a line between the --- lines: {example}")),
        );
    }

    fn string(&mut self, key: &str) -> Option<String> {
        let (v, at) = self.take(key)?;
        match v.value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => {
                self.wrong_type(key, at, "a text", "\"Some words\"");
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        let (v, at) = self.take(key)?;
        match v.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(key, at, "true or false", "true");
                None
            }
        }
    }

    fn integer(&mut self, key: &str, min: i64, max: i64) -> Option<i64> {
        let (v, at) = self.take(key)?;
        match v.value.as_i64() {
            Some(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.wrong_type(
                    key,
                    at,
                    &format!("a whole number from {min} to {max}"),
                    &min.max(1).to_string(),
                );
                None
            }
        }
    }

    fn string_list(&mut self, key: &str) -> Option<Vec<String>> {
        let (v, at) = self.take(key)?;
        self.last_location = Some(at.clone());
        let items = match v.value {
            Value::Array(items) => items,
            Value::String(s) => vec![Value::String(s)],
            _ => Vec::new(),
        };
        let list: Option<Vec<String>> = items
            .into_iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect();
        if list.is_none() {
            self.wrong_type(key, at, "a list of texts", "[first, second]");
        }
        list
    }

    fn keyword<T: Copy>(&mut self, key: &str, words: &[(&str, T)], required: bool) -> Option<T> {
        let Some((v, at)) = self.take(key) else {
            if required {
                let example = format!("{key}: {}", words[0].0);
                self.missing(key, &example);
            }
            return None;
        };
        let text = v.value.as_str().unwrap_or_default().to_string();
        if let Some((_, value)) = words.iter().find(|(w, _)| *w == text) {
            return Some(*value);
        }
        let names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        let hint = match did_you_mean(&text, names.iter().copied()) {
            Some(w) => format!("did you mean \"{w}\"?"),
            None => format!("use one of: {}", names.join(", ")),
        };
        self.problems.push(
            Diagnostic::error("front-matter", format!("\"{text}\" is not a valid {key}"))
                .at(at)
                .hint(hint),
        );
        None
    }

    fn country(&mut self, key: &str) -> Option<String> {
        let Some((v, at)) = self.take(key) else {
            self.missing(key, "country: TR");
            return None;
        };
        let text = v.value.as_str().unwrap_or_default();
        if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(text.to_string());
        }
        self.problems.push(
            Diagnostic::error(
                "front-matter",
                format!("\"{text}\" is not an ISO 3166 country code"),
            )
            .at(at)
            .hint("write the two capital letters of the country: TR, HR, LT, HU"),
        );
        None
    }

    fn date(&mut self, key: &str, required: bool) -> Option<jiff::civil::Date> {
        let Some((v, at)) = self.take(key) else {
            if required {
                self.missing(key, &format!("{key}: 2027-03-08"));
            }
            return None;
        };
        self.last_location = Some(at.clone());
        let text = v.value.as_str().unwrap_or_default();
        match text.parse::<jiff::civil::Date>() {
            Ok(d) if text.len() == 10 => Some(d),
            _ => {
                self.wrong_type(key, at, "a date written YYYY-MM-DD", "2027-03-08");
                None
            }
        }
    }

    fn source_hash(&mut self) -> Option<(String, Location)> {
        let Some((v, at)) = self.take("source_hash") else {
            self.missing(
                "source_hash",
                "source_hash: \"…\" (run: guidebook translate --done THIS-FILE)",
            );
            return None;
        };
        let text = v
            .value
            .as_str()
            .map(str::to_string)
            .or_else(|| v.value.as_u64().map(|n| n.to_string()));
        match text {
            Some(h) if h.len() == 12 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                Some((h.to_ascii_lowercase(), at))
            }
            _ => {
                self.wrong_type(
                    "source_hash",
                    at,
                    "12 hexadecimal digits",
                    "\"3fa9c0d2b1e4\"",
                );
                None
            }
        }
    }

    /// Report every key nobody asked for, with the hint that fits.
    fn finish(&mut self, file: &SourceFile) {
        let (common, source_only) = allowed_keys(file.collection, file.key.is_index());
        let mut known: Vec<&str> = common.to_vec();
        known.extend_from_slice(source_only);
        if !file.is_source {
            known.push("source_hash");
        }
        for (key, _) in std::mem::take(&mut self.entries) {
            let at = self.loc(&key.referenced);
            let d = if !file.is_source && source_only.contains(&key.value.as_str()) {
                Diagnostic::error(
                    "front-matter",
                    format!("\"{}\" is taken from the English source", key.value),
                )
                .hint("remove this line: a translation inherits it from the source file")
            } else if file.is_source && key.value == "source_hash" {
                Diagnostic::error("front-matter", "an English source has no \"source_hash\"")
                    .hint("remove this line; only translations (NAME.LANG.md) record the source they were made from")
            } else {
                let hint = match did_you_mean(&key.value, known.iter().copied()) {
                    Some(k) => format!("did you mean \"{k}\"?"),
                    None => format!("the keys allowed here are: {}", known.join(", ")),
                };
                Diagnostic::error("front-matter", format!("unknown key \"{}\"", key.value))
                    .hint(hint)
            };
            self.problems.push(d.at(at));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::discover::ContentKey;
    use std::path::PathBuf;

    fn file(collection: Collection, key: &str, is_source: bool) -> SourceFile {
        SourceFile {
            path: PathBuf::from("content/x.md"),
            lang: 0,
            key: ContentKey(key.into()),
            collection,
            is_source,
        }
    }

    fn parse_text(f: &SourceFile, text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        parse(f, &split(text).unwrap())
    }

    #[test]
    fn split_counts_lines_in_the_whole_file() {
        let s = split("---\ntitle: A\nchapter: 2\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\nchapter: 2\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn every_bad_key_is_reported_with_file_lines() {
        let f = file(Collection::Guide, "guide/01-a", true);
        let err = parse_text(
            &f,
            "---\ntitle: A\nsumary: x\nchapter: two\nsummary: S\n---\n",
        )
        .unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
        let unknown = err.iter().find(|d| d.message.contains("sumary")).unwrap();
        assert_eq!(unknown.location.as_ref().unwrap().line, 3);
        assert_eq!(unknown.hint.as_deref(), Some("did you mean \"summary\"?"));
        let chapter = err.iter().find(|d| d.message.contains("chapter")).unwrap();
        assert_eq!(chapter.location.as_ref().unwrap().line, 4);
    }

    #[test]
    fn translations_must_not_repeat_source_keys() {
        let f = file(Collection::Guide, "guide/01-a", false);
        let err = parse_text(
            &f,
            "---\ntitle: A\nchapter: 1\nsource_hash: \"0123456789ab\"\n---\n",
        )
        .unwrap_err();
        assert!(err[0].message.contains("taken from the English source"));
    }

    #[test]
    fn report_front_matter_is_typed() {
        let f = file(Collection::Reports, "reports/2027-01-01-x", true);
        let fm = parse_text(
            &f,
            "---\ntitle: A\nsummary: S\ndate: 2027-01-01\nkind: training\nstatus: planned\n---\n",
        )
        .unwrap();
        let Some(Meta::Report {
            date, kind, status, ..
        }) = fm.meta
        else {
            panic!()
        };
        assert_eq!(date, jiff::civil::date(2027, 1, 1));
        assert_eq!(
            (kind, status),
            (ReportKind::Training, ReportStatus::Planned)
        );
    }

    #[test]
    fn no_stays_a_string() {
        let f = file(Collection::Pages, "pages/a", true);
        let fm = parse_text(&f, "---\ntitle: no\n---\n").unwrap();
        assert_eq!(fm.title, "no");
    }
}
