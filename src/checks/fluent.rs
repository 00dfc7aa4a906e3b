//! UI strings measured against the places that show them: keys a locale lacks compared with the
//! source language, keys nothing shows, and variables a message needs that its caller does not
//! pass (a translator who renames `{ $number }` to `{ $broj }` gets a warning, not a page that
//! says "{$broj}").
//!
//! A key is used when a theme template calls `t(key="…")` (the templates are scanned) or when
//! guidebook's own code looks it up (`i18n::CODE_KEYS`). Syntax errors are reported by `i18n`
//! when the bundles are loaded; here the files are only read for their structure.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::build::Loaded;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Location, did_you_mean};
use crate::i18n::{CODE_KEYS, I18n, LOCALES_DIR};
use crate::render::html::THEMES_DIR;

/// The key a call asks for: a literal, or the fixed start of a key the caller completes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyRef {
    Exact(String),
    Prefix(String),
}

impl KeyRef {
    /// Whether the message `id` can be what this call shows.
    pub fn matches(&self, id: &str) -> bool {
        match self {
            KeyRef::Exact(k) => k == id || k.split_once('.').is_some_and(|(m, _)| m == id),
            KeyRef::Prefix(p) => id.starts_with(p.as_str()),
        }
    }
}

/// A place that shows a UI string: a template's `t(key=…)`, or guidebook's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub key: KeyRef,
    /// The variables the caller passes (`number` in `t(key="chapter-number", number=…)`).
    pub args: BTreeSet<String>,
    /// The template line of the call; `None` for guidebook's own code.
    pub at: Option<Location>,
}

/// What one message of one language needs and refers to.
#[derive(Debug, Default)]
struct MessageInfo {
    vars: BTreeSet<String>,
    refs: BTreeSet<String>,
}

type Messages = BTreeMap<String, MessageInfo>;

/// Check the UI strings of every language against the theme and the code.
pub fn check(loaded: &Loaded, problems: &mut Vec<Diagnostic>) {
    let config = &loaded.site.config;
    let mut calls = template_calls(&config.root, &config.theme);
    calls.extend(code_calls());
    let messages: Vec<Messages> = config
        .languages
        .iter()
        .map(|l| read_messages(&config.root.join(LOCALES_DIR).join(&l.code)))
        .collect();
    missing_in_locales(config, &loaded.i18n, problems);
    unused_keys(config, &loaded.i18n, &calls, &messages, problems);
    unpassed_variables(config, &loaded.i18n, &calls, &messages, problems);
}

/// One warning per locale that lacks keys the source language has, listing them.
fn missing_in_locales(config: &Config, i18n: &I18n, problems: &mut Vec<Diagnostic>) {
    let source = i18n.ids(config.source);
    for (lang, l) in config.languages.iter().enumerate() {
        if lang == config.source || i18n.definitions[lang].is_empty() {
            continue;
        }
        let have = i18n.ids(lang);
        let missing: Vec<&str> = source
            .iter()
            .filter(|k| !have.contains(*k))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let (n, verb) = match missing.len() {
            1 => ("1 UI string".to_string(), "is"),
            n => (format!("{n} UI strings"), "are"),
        };
        let english = config.source_language();
        problems.push(
            Diagnostic::warning(
                "missing-key",
                format!(
                    "{n} of {} {verb} missing in {} ({})",
                    english.name, l.name, l.code
                ),
            )
            .at(Location::file(format!("{LOCALES_DIR}/{}/main.ftl", l.code)))
            .hint(format!(
                "add these keys with their translation (the {} text is in {LOCALES_DIR}/{}/): {}",
                english.name,
                english.code,
                missing.join(", ")
            )),
        );
    }
}

/// Keys of the source language nothing shows, and keys of a translation the source lacks.
fn unused_keys(
    config: &Config,
    i18n: &I18n,
    calls: &[Call],
    messages: &[Messages],
    problems: &mut Vec<Diagnostic>,
) {
    let referenced: BTreeSet<&str> = messages
        .iter()
        .flat_map(|m| m.values().flat_map(|i| i.refs.iter().map(String::as_str)))
        .collect();
    let source_ids = i18n.ids(config.source);
    for (lang, defs) in i18n.definitions.iter().enumerate() {
        let sorted: BTreeMap<&String, &Location> = defs.iter().collect();
        for (id, at) in sorted {
            let d = if lang == config.source {
                let used =
                    referenced.contains(id.as_str()) || calls.iter().any(|c| c.key.matches(id));
                if used {
                    continue;
                }
                Diagnostic::warning("unused-key", format!("nothing shows the UI string \"{id}\""))
                    .hint(format!("neither the theme's templates nor guidebook use it: remove it from every {LOCALES_DIR}/LANG/ file, or show it in a template with {{{{ t(key=\"{id}\") }}}}"))
            } else if !source_ids.contains(id) && !source_ids.is_empty() {
                let english = &config.source_language().name;
                let hint = match did_you_mean(id, source_ids.iter().map(String::as_str)) {
                    Some(k) => format!(
                        "did you mean \"{k}\"? Keys are written as in {LOCALES_DIR}/{}/",
                        config.source_language().code
                    ),
                    None => format!("{english} has no such key, so nothing shows it: remove it"),
                };
                Diagnostic::warning(
                    "unused-key",
                    format!("\"{id}\" is not a UI string of {english}"),
                )
                .hint(hint)
            } else {
                continue;
            };
            problems.push(d.at(at.clone()));
        }
    }
}

/// Variables a message uses (in any language) that a call of it does not pass.
fn unpassed_variables(
    config: &Config,
    i18n: &I18n,
    calls: &[Call],
    messages: &[Messages],
    problems: &mut Vec<Diagnostic>,
) {
    for call in calls {
        for (lang, msgs) in messages.iter().enumerate() {
            for (id, info) in msgs.iter().filter(|(id, _)| call.key.matches(id)) {
                let Some(at) = i18n.definitions[lang].get(id) else {
                    continue;
                };
                for var in info.vars.difference(&call.args) {
                    problems.push(unpassed(config, lang, id, var, call).at(at.clone()));
                }
            }
        }
    }
}

fn unpassed(config: &Config, lang: usize, id: &str, var: &str, call: &Call) -> Diagnostic {
    let who = match &call.at {
        Some(at) => format!("the template {}:{}", at.path.display(), at.line),
        None => "guidebook".to_string(),
    };
    let code = &config.languages[lang].code;
    let hint = if call.args.is_empty() {
        format!("no variable is passed to this string: remove {{ ${var} }}")
    } else {
        let passed: Vec<String> = call.args.iter().map(|a| format!("{{ ${a} }}")).collect();
        format!(
            "use the variables that are passed ({}), written exactly as in {LOCALES_DIR}/{}/",
            passed.join(", "),
            config.source_language().code
        )
    };
    Diagnostic::warning(
        "fluent-variable",
        format!("\"{id}\" in {code} uses {{ ${var} }}, which {who} does not pass"),
    )
    .hint(hint)
}

/// Every message of the `.ftl` files in `dir` with the variables and messages it refers to.
fn read_messages(dir: &Path) -> Messages {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "ftl"));
    files.sort();
    let mut messages = Messages::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let info = messages.entry(m.id.name.to_string()).or_default();
                let patterns = m.value.iter().chain(m.attributes.iter().map(|a| &a.value));
                for p in patterns {
                    collect_pattern(p, info);
                }
            }
        }
    }
    messages
}

fn collect_pattern(p: &Pattern<&str>, info: &mut MessageInfo) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, info);
        }
    }
}

fn collect_expression(e: &Expression<&str>, info: &mut MessageInfo) {
    match e {
        Expression::Select { selector, variants } => {
            collect_inline(selector, info);
            for v in variants {
                collect_pattern(&v.value, info);
            }
        }
        Expression::Inline(i) => collect_inline(i, info),
    }
}

fn collect_inline(e: &InlineExpression<&str>, info: &mut MessageInfo) {
    match e {
        InlineExpression::VariableReference { id } => {
            info.vars.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => {
            info.refs.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            let named = arguments.named.iter().map(|n| &n.value);
            for a in arguments.positional.iter().chain(named) {
                collect_inline(a, info);
            }
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, info),
        _ => {}
    }
}

/// The calls of guidebook's own code, from `i18n::CODE_KEYS`.
pub fn code_calls() -> Vec<Call> {
    CODE_KEYS
        .iter()
        .map(|(key, args)| Call {
            key: match key.strip_suffix('*') {
                Some(prefix) => KeyRef::Prefix(prefix.to_string()),
                None => KeyRef::Exact(key.to_string()),
            },
            args: args.iter().map(|a| a.to_string()).collect(),
            at: None,
        })
        .collect()
}

/// Every `t(key=…)` in the templates of a theme, with the place it is written.
pub fn template_calls(root: &Path, theme: &str) -> Vec<Call> {
    let dir = Path::new(THEMES_DIR).join(theme).join("templates");
    let mut calls = Vec::new();
    for entry in walkdir::WalkDir::new(root.join(&dir))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            calls.extend(calls_in(&text, rel));
        }
    }
    calls
}

/// The `t(key=…)` calls of one template's text.
pub fn calls_in(text: &str, path: &Path) -> Vec<Call> {
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("t(").map(|i| i + from) {
        from = i + 2;
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let Some(inner) = parenthesized(&text[i + 1..]) else {
            continue;
        };
        if let Some(call) = parse_call(inner) {
            let at = Location::at_offset(path, text, i, 0);
            calls.push(Call {
                at: Some(at),
                ..call
            });
        }
    }
    calls
}

/// The text inside the parentheses that `text` starts with, minding strings and nesting.
fn parenthesized(text: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(&text[1..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The arguments of a call, split at the commas outside strings and brackets.
fn split_args(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
}

fn parse_call(inner: &str) -> Option<Call> {
    let mut key = None;
    let mut args = BTreeSet::new();
    for part in split_args(inner) {
        let (name, value) = part.split_once('=')?;
        let name = name.trim();
        if name == "key" {
            key = key_ref(value.trim());
        } else {
            args.insert(name.to_string());
        }
    }
    Some(Call {
        key: key?,
        args,
        at: None,
    })
}

/// `"chapter-number"` → exact; `"stage-" ~ page.stage` → a prefix; anything else → unknown.
fn key_ref(value: &str) -> Option<KeyRef> {
    let quote = value.chars().next().filter(|c| "\"'`".contains(*c))?;
    let end = value[1..].find(quote)? + 1;
    let literal = value[1..end].to_string();
    let rest = value[end + 1..].trim();
    if rest.is_empty() {
        Some(KeyRef::Exact(literal))
    } else if rest.starts_with('~') {
        Some(KeyRef::Prefix(literal))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(key: KeyRef, args: &[&str], line: usize, col: usize) -> Call {
        Call {
            key,
            args: args.iter().map(|a| a.to_string()).collect(),
            at: Some(Location::new("t.html", line, col)),
        }
    }

    #[test]
    fn template_calls_are_found_with_their_arguments() {
        let text = "<p>{{ t(key=\"toc-title\") }}</p>\n{{ t(key='chapter-number', number=page.chapter) }}\n{{ t(key=\"stage-\" ~ s, n=f(a=1, b=2)) }} {{ format(x) }} {{ t(key=k) }}";
        let calls = calls_in(text, Path::new("t.html"));
        let exact = |k: &str| KeyRef::Exact(k.into());
        assert_eq!(
            calls,
            vec![
                call(exact("toc-title"), &[], 1, 7),
                call(exact("chapter-number"), &["number"], 2, 4),
                call(KeyRef::Prefix("stage-".into()), &["n"], 3, 4),
            ]
        );
    }

    #[test]
    fn a_call_of_an_attribute_uses_its_message() {
        assert!(KeyRef::Exact("menu.title".into()).matches("menu"));
        assert!(!KeyRef::Exact("menu".into()).matches("menu-title"));
        assert!(KeyRef::Prefix("stage-".into()).matches("stage-prevention-text"));
    }

    #[test]
    fn messages_know_their_variables_and_references() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("main.ftl"),
            "a = { $n ->\n    [one] { $n } page\n   *[other] { NUMBER($count) } of { b }\n}\nb = B\n    .title = { $t }\n",
        )
        .unwrap();
        let m = read_messages(dir.path());
        let vars: Vec<&String> = m["a"].vars.iter().collect();
        assert_eq!(vars, ["count", "n"]);
        assert!(m["a"].refs.contains("b"));
        assert!(m["b"].vars.contains("t"));
    }

    /// Every key of `locales/en` that the Rust code names in a string literal must be listed in
    /// `CODE_KEYS` (or shown by a template), or `check` would call it unused.
    #[test]
    fn code_keys_cover_the_keys_the_code_names() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let english = read_messages(&repo.join("locales/en"));
        let mut calls = template_calls(repo, "default");
        calls.extend(code_calls());
        let mut uncovered = Vec::new();
        for entry in walkdir::WalkDir::new(repo.join("src"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
            for id in english.keys() {
                let named = code.contains(&format!("\"{id}\""));
                if named && !calls.iter().any(|c| c.key.matches(id)) {
                    uncovered.push(format!("{id} ({})", entry.path().display()));
                }
            }
        }
        assert!(
            uncovered.is_empty(),
            "add these keys to i18n::CODE_KEYS: {uncovered:?}"
        );
    }

    /// Every entry of `CODE_KEYS` must still be looked up somewhere in `src/`.
    #[test]
    fn code_keys_are_all_still_used() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut code = String::new();
        for entry in walkdir::WalkDir::new(repo.join("src"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .filter(|e| !e.path().ends_with("i18n.rs"))
        {
            code.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
        for (key, _) in CODE_KEYS {
            let found = match key.strip_suffix('*') {
                Some(prefix) => code.contains(&format!("\"{prefix}{{")),
                None => code.contains(&format!("\"{key}\"")),
            };
            assert!(
                found,
                "i18n::CODE_KEYS lists {key}, which src/ no longer uses"
            );
        }
    }
}
