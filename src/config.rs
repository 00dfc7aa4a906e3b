//! `site.yaml`: read once into a raw struct, validated once into `Config`, never checked again.
//!
//! The raw struct mirrors the file (so serde reports unknown keys and wrong types with their line
//! and column); `Config` holds what the rest of the pipeline may rely on: a parsed base URL with a
//! trailing slash, languages with real CLDR locales, the source language among them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Location};

/// The file name of the site configuration, at the site root.
pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    source_language: String,
    languages: Vec<RawLanguage>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "yes")]
    eu_funding: bool,
    license: Option<RawLicense>,
    #[serde(default)]
    book: RawBook,
    #[serde(default)]
    allow_unsafe_html: bool,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default = "yes")]
    search: bool,
    #[serde(default)]
    status_page: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    locale: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLicense {
    name: String,
    url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    slug: Option<String>,
}

fn default_theme() -> String {
    "default".to_string()
}

fn yes() -> bool {
    true
}

/// A language the site is published in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The short code used in URLs and file names (`tr` in `/tr/` and `x.tr.md`).
    pub code: String,
    /// The language's name in itself (`Türkçe`), shown in the language switcher.
    pub name: String,
    /// The CLDR locale for dates, plurals and sorting (`tr-TR`).
    pub locale: icu_locale::Locale,
}

/// The licence the content is published under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct License {
    pub name: String,
    pub url: Option<String>,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site root (where `site.yaml` is).
    pub root: PathBuf,
    /// Absolute base URL, always ending in `/` (`https://org.github.io/repo/`).
    pub base_url: String,
    /// Languages in the order of `site.yaml`; the source language is among them.
    pub languages: Vec<Language>,
    /// Index of the source language in `languages`.
    pub source: usize,
    pub theme: String,
    pub eu_funding: bool,
    pub license: Option<License>,
    /// Base name of the ebook files (`you-are-valuable` → `you-are-valuable-tr.epub`).
    pub book_slug: String,
    /// Whether raw `<script>`, `<iframe>` and `on*=` attributes in Markdown are kept.
    pub allow_unsafe_html: bool,
    pub publisher: Option<String>,
    /// Whether pages get a search box and the build writes a search index (`search: false`).
    pub search: bool,
    /// Whether the site has a translation status page per language (`LANG/status/`) for the
    /// coordinator (`status_page: true`; off by default, as readers do not need it).
    pub status_page: bool,
}

impl Config {
    /// Read and validate `site.yaml` under `root`; every problem is returned at once.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![
                Diagnostic::error("config", format!("cannot read {CONFIG_FILE}: {e}"))
                    .at(Location::file(CONFIG_FILE))
                    .hint("run guidebook in the folder that holds site.yaml, or pass --root DIR"),
            ]
        })?;
        Config::parse(root, &text)
    }

    /// Validate the text of a `site.yaml`.
    pub fn parse(root: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = serde_saphyr::from_str_with_options(text, yaml_options())
            .map_err(|e| vec![yaml_error(CONFIG_FILE.as_ref(), &e, 0)])?;
        validate(root, raw)
    }

    /// The source language.
    pub fn source_language(&self) -> &Language {
        &self.languages[self.source]
    }

    /// The index of a language code, if the site has it.
    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    /// The URL path below the host (`/repo/` for `https://org.github.io/repo/`).
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |i| i + 3);
        self.base_url[after_scheme..]
            .find('/')
            .map_or("/", |i| &self.base_url[after_scheme + i..])
    }

    /// The same configuration with another base URL (`--base-url`, serve mode).
    pub fn with_base_url(mut self, url: &str) -> Result<Config, Diagnostic> {
        self.base_url = normalize_base_url(url)?;
        Ok(self)
    }
}

/// YAML options for every file guidebook reads: `no` and `on` stay strings.
pub fn yaml_options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options
}

/// Turn a YAML error into a diagnostic at its place in the file.
pub fn yaml_error(path: &Path, e: &serde_saphyr::Error, line_offset: usize) -> Diagnostic {
    let inner = e.without_snippet();
    let (line, col) = inner.location().map_or((1, 1), |l| {
        (l.line() as usize + line_offset, l.column() as usize)
    });
    let message = first_line(&inner.to_string());
    Diagnostic::error("yaml", format!("this YAML is not valid: {message}"))
        .at(Location::new(path, line, col))
        .hint("check the indentation and that text with a colon (:) is in quotes")
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or(s);
    // serde-saphyr appends " at line X column Y"; we print the place ourselves.
    match line.find(" at line ") {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    }
}

fn validate(root: &Path, raw: RawConfig) -> Result<Config, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let here = || Location::file(CONFIG_FILE);
    let base_url = normalize_base_url(&raw.base_url).unwrap_or_else(|d| {
        problems.push(d);
        String::from("http://localhost/")
    });
    let languages = validate_languages(&raw.languages, &mut problems);
    let source = languages.iter().position(|l| l.code == raw.source_language);
    if source.is_none() {
        problems.push(
            Diagnostic::error(
                "config",
                format!(
                    "source_language \"{}\" is not in languages",
                    raw.source_language
                ),
            )
            .at(here())
            .hint("add it to languages or set source_language to one of their codes"),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Config {
        root: root.to_path_buf(),
        base_url,
        languages,
        source: source.unwrap_or(0),
        theme: raw.theme,
        eu_funding: raw.eu_funding,
        license: raw.license.map(|l| License {
            name: l.name,
            url: l.url,
        }),
        book_slug: raw.book.slug.unwrap_or_else(|| "guide".to_string()),
        allow_unsafe_html: raw.allow_unsafe_html,
        publisher: raw.publisher,
        search: raw.search,
        status_page: raw.status_page,
    })
}

fn validate_languages(raw: &[RawLanguage], problems: &mut Vec<Diagnostic>) -> Vec<Language> {
    let mut languages: Vec<Language> = Vec::new();
    for l in raw {
        let valid_code =
            !l.code.is_empty() && l.code.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !valid_code {
            problems.push(
                Diagnostic::error(
                    "config",
                    format!(
                        "language code \"{}\" is not a short lower-case code",
                        l.code
                    ),
                )
                .at(Location::file(CONFIG_FILE))
                .hint("use the ISO 639-1 code, such as tr, hr, lt or hu"),
            );
            continue;
        }
        if languages.iter().any(|x| x.code == l.code) {
            problems.push(
                Diagnostic::error("config", format!("language \"{}\" is listed twice", l.code))
                    .at(Location::file(CONFIG_FILE)),
            );
            continue;
        }
        match l.locale.parse::<icu_locale::Locale>() {
            Ok(locale) => languages.push(Language {
                code: l.code.clone(),
                name: l.name.clone(),
                locale,
            }),
            Err(_) => problems.push(
                Diagnostic::error(
                    "config",
                    format!("locale \"{}\" is not a CLDR locale", l.locale),
                )
                .at(Location::file(CONFIG_FILE))
                .hint("write it as language-REGION, such as tr-TR or hr-HR"),
            ),
        }
    }
    if raw.is_empty() {
        problems.push(
            Diagnostic::error("config", "no languages are listed").at(Location::file(CONFIG_FILE)),
        );
    }
    languages
}

fn normalize_base_url(url: &str) -> Result<String, Diagnostic> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace);
    if !ok {
        return Err(Diagnostic::error(
            "config",
            format!("base_url \"{url}\" is not an http(s) address"),
        )
        .at(Location::file(CONFIG_FILE))
        .hint("write the address the site is published at, such as https://org.github.io/repo/"));
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "base_url: https://org.github.io/repo\nsource_language: en\nlanguages:\n  - {code: en, name: English, locale: en-GB}\n  - {code: tr, name: Türkçe, locale: tr-TR}\n";

    #[test]
    fn base_url_gets_a_trailing_slash_and_a_path() {
        let c = Config::parse(Path::new("."), GOOD).unwrap();
        assert_eq!(c.base_url, "https://org.github.io/repo/");
        assert_eq!(c.base_path(), "/repo/");
        assert_eq!(c.source_language().code, "en");
    }

    #[test]
    fn unknown_key_is_reported_with_its_line() {
        let text = format!("{GOOD}themes: x\n");
        let err = Config::parse(Path::new("."), &text).unwrap_err();
        assert_eq!(err[0].location.as_ref().unwrap().line, 6);
    }

    #[test]
    fn missing_source_language_is_an_error() {
        let text = GOOD.replace("source_language: en", "source_language: de");
        let err = Config::parse(Path::new("."), &text).unwrap_err();
        assert!(err[0].message.contains("source_language"));
    }
}
