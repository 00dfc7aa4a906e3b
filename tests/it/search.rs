//! Search (issue 7) on the `search` fixture: known answers of the real `static/search.js`, run
//! by node against the index the real binary wrote (`tests/browser/search-query.cjs`), and a
//! reader's search in headless Chromium (`tests/browser/search.cjs`).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::support::{SiteTest, repo};

fn built() -> SiteTest {
    let site = SiteTest::new("search");
    site.build();
    site
}

fn have_node() -> bool {
    Command::new("node").arg("--version").output().is_ok()
}

/// Run queries `(lang, query)` through search.js against the built index.
fn ask(site: &SiteTest, queries: &[(&str, &str)]) -> Vec<Value> {
    let list: Vec<Value> = queries
        .iter()
        .map(|(lang, query)| json!({"lang": lang, "query": query}))
        .collect();
    let out = Command::new("node")
        .arg(repo().join("tests/browser/search-query.cjs"))
        .arg(site.root.join("output"))
        .arg(Value::Array(list).to_string())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "search-query.cjs failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("answers are JSON")
}

fn paths(answer: &Value) -> Vec<String> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect()
}

/// Skip (with the reason) when node is missing; CI installs it.
macro_rules! need_node {
    () => {
        if !have_node() {
            eprintln!(
                "skipped: node is not installed (../shared/tools/install-checkers installs it)"
            );
            return;
        }
    };
}

#[test]
fn every_language_finds_its_words_with_and_without_letters_and_inflected() {
    need_node!();
    let site = built();
    let cases = [
        ("en", "students", "en/guide/light/"),
        ("en", "attending", "en/guide/light/"),
        ("en", "BOOKS", "en/guide/books/"),
        ("tr", "öğrenci", "tr/guide/light/"),
        ("tr", "ogrenci", "tr/guide/light/"),
        ("tr", "öğrencilerin", "tr/guide/light/"),
        ("tr", "ogrencilerin", "tr/guide/light/"),
        ("tr", "isik", "tr/guide/light/"),
        ("tr", "IŞIK", "tr/guide/light/"),
        ("tr", "ISIK", "tr/guide/light/"),
        ("tr", "devamsizlik", "tr/guide/light/"),
        ("tr", "kitaplar", "tr/guide/books/"),
        ("hr", "knjige", "hr/guide/books/"),
        ("hr", "knjigama", "hr/guide/books/"),
        ("hr", "Đurđevak", "hr/guide/light/"),
        ("hr", "durdevak", "hr/guide/light/"),
        ("hr", "ucenicima", "hr/guide/light/"),
        ("hr", "ћирилица", "hr/guide/books/"),
        ("lt", "mokinys", "lt/guide/light/"),
        ("lt", "mokiniams", "lt/guide/light/"),
        ("lt", "žodis", "lt/guide/books/"),
        ("lt", "zodis", "lt/guide/books/"),
        ("lt", "žodžiai", "lt/guide/books/"),
        ("hu", "őszi", "hu/guide/books/"),
        ("hu", "oszi", "hu/guide/books/"),
        ("hu", "hiányzások", "hu/guide/light/"),
        ("hu", "hianyzas", "hu/guide/light/"),
        ("hu", "könyvek", "hu/guide/books/"),
    ];
    let queries: Vec<(&str, &str)> = cases.iter().map(|(l, q, _)| (*l, *q)).collect();
    for (answer, (lang, query, first)) in ask(&site, &queries).iter().zip(cases) {
        let found = paths(answer);
        assert_eq!(
            found.first().map(String::as_str),
            Some(first),
            "{lang} {query:?} found {found:?}"
        );
    }
}

#[test]
fn words_of_another_language_find_nothing() {
    need_node!();
    let site = built();
    let queries = [
        ("en", "öğrenci"),
        ("en", "knjige"),
        ("tr", "knjigama"),
        ("tr", "mokinys"),
        ("hr", "öğrenciler"),
        ("hr", "mokiniams"),
        ("lt", "knjige"),
        ("lt", "hiányzás"),
        ("hu", "mokinys"),
        ("hu", "devamsızlık"),
    ];
    for answer in ask(&site, &queries) {
        assert_eq!(paths(&answer), Vec::<String>::new(), "{answer}");
    }
}

#[test]
fn untranslated_pages_are_found_under_the_source_language_only() {
    need_node!();
    let site = built();
    let answers = ask(
        &site,
        &[
            ("en", "zanzibar"),
            ("tr", "zanzibar"),
            ("hr", "zanzibar"),
            ("lt", "zanzibar"),
            ("hu", "zanzibar"),
        ],
    );
    assert_eq!(paths(&answers[0]), ["en/pages/expedition/"]);
    for answer in &answers[1..] {
        assert!(paths(answer).is_empty(), "{answer}");
    }
    let tr: Value = serde_json::from_str(&site.read("output/search/tr/index.json")).unwrap();
    assert!(
        !tr["docs"].to_string().contains("expedition"),
        "the English-only page is in the Turkish index"
    );
}

#[test]
fn results_carry_title_section_and_a_highlighted_snippet() {
    need_node!();
    let site = built();
    let answer = &ask(&site, &[("tr", "ogrencilerin")])[0];
    let hit = &answer["hits"][0];
    assert_eq!(hit["title"], "Işık ve öğrenciler");
    assert_eq!(hit["section"], "chapter");
    let marked: Vec<&str> = answer["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["mark"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["öğrenci", "öğrenci"]);
}

#[test]
fn the_box_is_made_by_the_script_and_strings_are_localized() {
    let site = built();
    let page = site.html("hr/guide/light/index.html");
    let box_ = page.one(".site-header .gb-search");
    assert_eq!(
        box_.children().count(),
        0,
        "a search box without JavaScript"
    );
    assert!(!page.has("form"), "a form in the page without JavaScript");
    assert_eq!(page.attr(".gb-search", "data-index"), "../../../search/hr/");
    assert_eq!(page.attr(".gb-search", "data-count-2"), "2 rezultata");
    assert_eq!(page.attr(".gb-search", "data-count-1"), "1 rezultat");
    assert_eq!(page.attr(".gb-search", "data-section-chapter"), "Poglavlje");
    let lt = site.html("lt/index.html");
    assert_eq!(lt.attr(".gb-search", "data-count-11"), "11 rezultatų");
    assert!(page.has("script[src='../../../static/search.js']"));
}

#[test]
fn search_false_writes_no_index_and_no_box() {
    let site = SiteTest::new("search");
    let yaml = site.read("site.yaml");
    site.file("site.yaml", &format!("{yaml}search: false\n"));
    site.build();
    assert!(!site.root.join("output/search").exists());
    let page = site.html("en/index.html");
    assert!(!page.has(".gb-search"));
    assert!(!page.has("script[src$='search.js']"));
}

#[test]
fn fragment_names_are_safe_in_urls() {
    let site = built();
    let dir = site.root.join("output/search/hr/t");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name.trim_end_matches(".json")
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name}"
        );
    }
    assert!(dir.join("_45b.json").exists(), "no fragment for Cyrillic ћ");
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn node_modules() -> PathBuf {
    let home = std::env::var_os("HOME").map_or_else(PathBuf::new, PathBuf::from);
    std::env::var_os("CHECKERS_HOME")
        .map_or_else(|| home.join(".cache/site-checkers"), PathBuf::from)
        .join("node/node_modules")
}

/// Run `tests/browser/search.cjs` on a built site, or say why it cannot run.
pub fn browser_search(site_dir: &Path, scenarios: &Path) -> Result<String, String> {
    let modules = node_modules();
    let missing: Vec<String> = [
        chromium(),
        modules.join("playwright-core"),
        modules.join("axe-core"),
    ]
    .into_iter()
    .filter(|p| !p.exists())
    .map(|p| p.display().to_string())
    .collect();
    if !have_node() || !missing.is_empty() {
        return Err(format!(
            "node or {} missing (../shared/tools/install-checkers installs them)",
            missing.join(", ")
        ));
    }
    let out = Command::new("node")
        .arg(repo().join("tests/browser/search.cjs"))
        .arg(site_dir)
        .arg(scenarios)
        .env("NODE_PATH", &modules)
        .output()
        .expect("node runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the browser search failed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(text)
}

#[test]
fn a_reader_finds_and_follows_results_in_chromium() {
    let site = built();
    match browser_search(
        &site.root.join("output"),
        &repo().join("tests/browser/fixture.json"),
    ) {
        Ok(report) => assert!(report.contains("3 passed, 0 failed"), "{report}"),
        Err(why) => eprintln!("skipped: {why}"),
    }
}
