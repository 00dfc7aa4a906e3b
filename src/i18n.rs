//! UI strings, plurals, dates and sorting in each language of the site.
//!
//! Strings come from Fluent files `locales/LANG/*.ftl`. A key missing in a language falls back to
//! the source language and is reported once. Fluent's own plural rules (`intl_pluralrules`) are
//! wrong for Lithuanian (22–29 come out as "other"), so every `{ $n -> … }` selector is routed
//! through a `PLURAL()` function backed by ICU4X's CLDR data. Dates use ICU4X's CLDR long forms
//! ("12. ožujka 2025.") and titles are sorted with ICU4X's collator (č after c in Croatian).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_plurals::{PluralCategory, PluralRules};

use crate::config::{Config, Language};
use crate::diagnostic::{Diagnostic, Location, Severity};

/// The folder of the Fluent files, under the site root.
pub const LOCALES_DIR: &str = "locales";

/// The UI strings guidebook's Rust code looks up itself (templates use theirs through `t(key=…)`),
/// each with the variables the code passes. A trailing `*` stands for a family of keys the code
/// builds (`stage-*` for `stage-prevention`, `stage-prevention-text` …).
///
/// `check` needs this list to tell a key nobody uses from one only the code uses, because a
/// published site has no `src/` to scan. A unit test in `checks::fluent` keeps it in step with
/// the string literals of `src/`: add a line here when the code looks up a new key.
pub const CODE_KEYS: &[(&str, &[&str])] = &[
    ("site-title", &[]),
    ("site-description", &[]),
    ("choose-language", &[]),
    ("not-found-title", &[]),
    ("not-found-text", &[]),
    ("not-found-home", &[]),
    ("callout-*", &[]),
    ("footnote-back", &[]),
    ("footnotes", &[]),
    ("table-label", &[]),
    ("nav-*", &[]),
    ("reading-time", &["minutes"]),
    ("date-range", &["start", "end"]),
    ("country-*", &[]),
    ("stage-*", &[]),
    ("report-kind-*", &[]),
    ("target-*", &[]),
    ("practices-all-countries", &[]),
    ("epub-cover-alt", &["title"]),
    ("epub-title-page", &[]),
    ("epub-appendix-title", &[]),
    ("epub-colophon", &[]),
    ("epub-partners", &[]),
    ("epub-built-on", &["date"]),
    ("epub-fallback-list", &[]),
    ("epub-contents", &[]),
    ("epub-landmarks", &[]),
    ("epub-start", &[]),
    ("epub-accessibility-summary", &[]),
    ("status-title", &[]),
    ("status-intro", &[]),
    ("status-other-pages", &[]),
];

type Bundle = FluentBundle<FluentResource>;

/// The UI strings of every language, with fallback to the source language.
pub struct I18n {
    bundles: Vec<Bundle>,
    codes: Vec<String>,
    source: usize,
    /// Keys looked up and not found, per language, reported once each after the build.
    missing: Mutex<BTreeSet<(usize, String)>>,
    /// Where each message is defined, for messages about it.
    pub definitions: Vec<HashMap<String, Location>>,
    /// A hash of every Fluent file's text: what the UI strings are made from.
    pub fingerprint: u64,
    /// Each language's messages that take no arguments, formatted once: templates ask for
    /// them on every page.
    plain: Vec<HashMap<String, String>>,
}

/// A value passed to a UI string (`{ $minutes }`).
#[derive(Debug, Clone)]
pub enum Arg {
    Number(f64),
    Text(String),
}

impl I18n {
    /// Load `locales/LANG/*.ftl` for every language; syntax errors are reported with their place.
    pub fn load(config: &Config, problems: &mut Vec<Diagnostic>) -> I18n {
        let mut bundles = Vec::new();
        let mut definitions = Vec::new();
        for lang in &config.languages {
            let (bundle, defs) = load_language(&config.root, lang, problems);
            bundles.push(bundle);
            definitions.push(defs);
        }
        let fingerprint = locale_fingerprint(&config.root);
        let plain = bundles
            .iter()
            .zip(&definitions)
            .map(|(bundle, defs)| plain_messages(bundle, defs.keys()))
            .collect();
        I18n {
            bundles,
            codes: config.languages.iter().map(|l| l.code.clone()).collect(),
            source: config.source,
            missing: Mutex::new(BTreeSet::new()),
            definitions,
            fingerprint,
            plain,
        }
    }

    /// The index of a language code.
    pub fn lang_index(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }

    /// A UI string in a language, falling back to the source language (and noting the gap).
    pub fn get(&self, lang: usize, key: &str, args: &[(&str, Arg)]) -> String {
        if let Some(s) = self.try_get(lang, key, args) {
            return s;
        }
        self.missing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((lang, key.to_string()));
        if lang != self.source
            && let Some(s) = self.try_get(self.source, key, args)
        {
            return s;
        }
        key.to_string()
    }

    /// A UI string in exactly this language, if it has it.
    pub fn try_get(&self, lang: usize, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        if args.is_empty()
            && let Some(text) = self.plain.get(lang).and_then(|p| p.get(key))
        {
            return Some(text.clone());
        }
        let bundle = self.bundles.get(lang)?;
        let (id, attr) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        let message = bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(text.into_owned())
    }

    /// Keys that were missing in a language, as warnings (or errors when no language has them).
    pub fn missing_keys(&self) -> Vec<Diagnostic> {
        let missing = self.missing.lock().unwrap_or_else(|e| e.into_inner());
        missing
            .iter()
            .filter(|(lang, _)| !self.definitions[*lang].is_empty() || *lang == self.source)
            .map(|(lang, key)| {
                let code = &self.codes[*lang];
                let in_source = self.try_get(self.source, key, &[]).is_some() || key.contains('.');
                let severity = if in_source && *lang != self.source {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let d = Diagnostic {
                    severity,
                    code: "missing-key",
                    location: Some(Location::file(format!("{LOCALES_DIR}/{code}/main.ftl"))),
                    message: format!("the UI string \"{key}\" is missing in {code}"),
                    hint: None,
                };
                d.hint(format!(
                    "add a line `{key} = …` to a file in {LOCALES_DIR}/{code}/"
                ))
            })
            .collect()
    }

    /// Every message id of a language (for `check`: keys missing compared with the source).
    pub fn ids(&self, lang: usize) -> BTreeSet<String> {
        self.definitions[lang].keys().cloned().collect()
    }
}

/// A hash of the text of every Fluent file under `locales/`.
fn locale_fingerprint(root: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join(LOCALES_DIR))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "ftl"))
    {
        (f, std::fs::read(f).unwrap_or_default()).hash(&mut h);
    }
    h.finish()
}

fn ftl_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The messages of a bundle that format without arguments and without errors.
fn plain_messages<'a>(
    bundle: &Bundle,
    ids: impl Iterator<Item = &'a String>,
) -> HashMap<String, String> {
    ids.filter_map(|id| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| (id.clone(), text.into_owned()))
    })
    .collect()
}

fn load_language(
    root: &Path,
    lang: &Language,
    problems: &mut Vec<Diagnostic>,
) -> (Bundle, HashMap<String, Location>) {
    let langid: unic_langid::LanguageIdentifier = lang.code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    let rules = PluralRules::try_new_cardinal((&lang.locale).into()).ok();
    let _ = bundle.add_function("PLURAL", move |positional, _named| {
        plural_category(rules.as_ref(), positional.first())
    });
    let mut defs = HashMap::new();
    let dir = Path::new(LOCALES_DIR).join(&lang.code);
    let files = ftl_files(&root.join(&dir));
    if files.is_empty() {
        problems.push(
            Diagnostic::warning(
                "locale",
                format!("there are no UI strings for {} ({})", lang.name, lang.code),
            )
            .at(Location::file(dir.join("main.ftl")))
            .hint("copy locales/en/*.ftl to this folder and translate the text after each ="),
        );
    }
    for path in files {
        let shown = dir.join(path.file_name().unwrap_or_default());
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let resource = parse_ftl(&shown, &text, problems);
        for (id, offset) in message_ids(&text) {
            defs.insert(id, Location::at_offset(&shown, &text, offset, 0));
        }
        if let Err(errors) = bundle.add_resource(resource) {
            for e in errors {
                problems
                    .push(Diagnostic::warning("locale", format!("{e}")).at(Location::file(&shown)));
            }
        }
    }
    (bundle, defs)
}

/// Parse a Fluent file, reporting syntax errors; the plural selectors are routed to `PLURAL()`.
fn parse_ftl(shown: &Path, text: &str, problems: &mut Vec<Diagnostic>) -> FluentResource {
    if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
        for e in errors {
            problems.push(Diagnostic::error("fluent", format!("this Fluent line is not valid: {}", e.kind))
                .at(Location::at_offset(shown, text, error_start(text, &e), 0))
                .hint("each line is `key = text`; continuation lines start with spaces; variables are written { $name }"));
        }
    }
    match FluentResource::try_new(route_plurals(text)) {
        Ok(r) | Err((r, _)) => r,
    }
}

/// Where a syntax error is shown: the start of the broken message (the parser notices most
/// mistakes only at the next line, where a teacher would not look).
fn error_start(text: &str, e: &fluent_syntax::parser::ParserError) -> usize {
    let Some(slice) = e.slice.as_ref().filter(|s| s.start <= e.pos.start) else {
        return e.pos.start;
    };
    let blank = text[slice.start..e.pos.start.min(text.len())]
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(0);
    slice.start + blank
}

/// Rewrite `{ $n ->` to `{ PLURAL($n) ->`, so selection uses CLDR rules from ICU4X.
pub fn route_plurals(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let trimmed = rest.trim_start();
        let Some(var) = trimmed.strip_prefix('$') else {
            continue;
        };
        let name_len = var
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
            .count();
        if name_len > 0 && var[name_len..].trim_start().starts_with("->") {
            out.push_str(&format!(" PLURAL(${})", &var[..name_len]));
            rest = &var[name_len..];
        }
    }
    out.push_str(rest);
    out
}

fn message_ids(text: &str) -> Vec<(String, usize)> {
    let mut ids = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = line.chars().next().unwrap_or(' ');
        if first.is_ascii_alphabetic()
            && let Some((id, _)) = line.split_once('=')
        {
            ids.push((id.trim().to_string(), offset));
        }
        offset += line.len();
    }
    ids
}

fn plural_category<'a>(
    rules: Option<&PluralRules>,
    value: Option<&FluentValue<'a>>,
) -> FluentValue<'a> {
    let n = match value {
        Some(FluentValue::Number(n)) => n.value,
        Some(FluentValue::String(s)) => s.parse().unwrap_or(0.0),
        _ => return FluentValue::from("other"),
    };
    let Some(rules) = rules else {
        return FluentValue::from("other");
    };
    let category = if n.fract() == 0.0 && n.abs() < 1e15 {
        rules.category_for(n as i64)
    } else {
        rules.category_for(icu_plurals::PluralOperands::from(&fixed_decimal(n)))
    };
    FluentValue::from(category_name(category))
}

fn fixed_decimal(n: f64) -> fixed_decimal::Decimal {
    n.to_string().parse().unwrap_or_default()
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Format a date in the long CLDR form of a locale ("12 March 2025", "2025 m. kovo 12 d.").
pub struct DateFormatter {
    inner: Option<
        icu_datetime::FixedCalendarDateTimeFormatter<
            icu_calendar::Gregorian,
            icu_datetime::fieldsets::YMD,
        >,
    >,
}

impl DateFormatter {
    /// A formatter for a locale.
    pub fn new(locale: &icu_locale::Locale) -> DateFormatter {
        let inner = icu_datetime::FixedCalendarDateTimeFormatter::try_new(
            locale.into(),
            icu_datetime::fieldsets::YMD::long(),
        )
        .ok();
        DateFormatter { inner }
    }

    /// The long form of a date.
    pub fn format(&self, date: jiff::civil::Date) -> String {
        let iso = icu_calendar::Date::try_new_gregorian(
            date.year() as i32,
            date.month() as u8,
            date.day() as u8,
        );
        match (&self.inner, iso) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            _ => date.to_string(),
        }
    }
}

/// Compares titles in the order readers of a language expect.
pub struct Sorter {
    collator: Option<icu_collator::CollatorBorrowed<'static>>,
}

impl Sorter {
    /// A sorter for a locale.
    pub fn new(locale: &icu_locale::Locale) -> Sorter {
        Sorter {
            collator: icu_collator::Collator::try_new(locale.into(), Default::default()).ok(),
        }
    }

    /// Compare two strings.
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        match &self.collator {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(code: &str) -> PluralRules {
        let locale: icu_locale::Locale = code.parse().unwrap();
        PluralRules::try_new_cardinal((&locale).into()).unwrap()
    }

    fn category(code: &str, n: f64) -> String {
        let r = rules(code);
        match plural_category(Some(&r), Some(&FluentValue::from(n))) {
            FluentValue::String(s) => s.into_owned(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn lithuanian_plurals_follow_cldr() {
        assert_eq!(category("lt", 1.0), "one");
        assert_eq!(category("lt", 2.0), "few");
        assert_eq!(category("lt", 10.0), "other");
        assert_eq!(category("lt", 21.0), "one");
        assert_eq!(category("lt", 22.0), "few");
        assert_eq!(category("lt", 111.0), "other");
    }

    #[test]
    fn croatian_has_three_forms() {
        assert_eq!(category("hr", 1.0), "one");
        assert_eq!(category("hr", 3.0), "few");
        assert_eq!(category("hr", 5.0), "other");
        assert_eq!(category("hr", 21.0), "one");
    }

    #[test]
    fn selectors_are_routed_through_plural() {
        assert_eq!(
            route_plurals("a = { $n ->\n *[other] x\n}"),
            "a = { PLURAL($n) ->\n *[other] x\n}"
        );
        assert_eq!(route_plurals("b = { $n } min"), "b = { $n } min");
    }

    #[test]
    fn dates_use_cldr_long_forms() {
        let d = jiff::civil::date(2025, 3, 12);
        let f = |l: &str| DateFormatter::new(&l.parse().unwrap()).format(d);
        assert_eq!(f("en-GB"), "12 March 2025");
        assert_eq!(f("tr-TR"), "12 Mart 2025");
        assert_eq!(f("hr-HR"), "12. ožujka 2025.");
        assert_eq!(f("lt-LT"), "2025 m. kovo 12 d.");
        assert_eq!(f("hu-HU"), "2025. március 12.");
    }

    #[test]
    fn croatian_sorting_puts_c_caron_after_c() {
        let s = Sorter::new(&"hr-HR".parse().unwrap());
        let mut words = vec!["čitanje", "dan", "cilj"];
        words.sort_by(|a, b| s.compare(a, b));
        assert_eq!(words, ["cilj", "čitanje", "dan"]);
    }
}
