//! The editors' safety net: `check` finds each kind of problem (message, place, exit code),
//! `status` counts exactly, `new` and `translate` make files that build and check clean.
//!
//! Most cases start from the `status` fixture, which checks clean, and add one problem each.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;

use serde_json::Value;

use crate::support::{Run, SiteTest};

/// `check --format json` (plus `extra` arguments): the exit code and the parsed report.
fn check_json(site: &SiteTest, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    (run.code, report)
}

/// What a test expects to find in the report.
struct Expected<'a> {
    code: &'a str,
    severity: &'a str,
    file: &'a str,
    line: u64,
    column: u64,
    message: &'a str,
}

/// Assert that the report has this problem and that `check` exits with `exit`.
fn assert_problem(site: &SiteTest, exit: i32, want: Expected<'_>) -> Value {
    let (code, report) = check_json(site, &[]);
    let all = report["diagnostics"].as_array().unwrap();
    let found = all
        .iter()
        .find(|d| d["code"] == want.code && d["file"] == want.file)
        .unwrap_or_else(|| panic!("no {} in {}:\n{report:#}", want.code, want.file));
    assert_eq!(found["severity"], want.severity, "{found:#}");
    assert_eq!(found["message"], want.message, "{found:#}");
    assert_eq!(
        (found["line"].as_u64(), found["column"].as_u64()),
        (Some(want.line), Some(want.column)),
        "{found:#}"
    );
    assert!(
        found["hint"].is_string(),
        "every problem says what to do: {found:#}"
    );
    assert_eq!(code, exit, "{report:#}");
    found.clone()
}

fn clean_site() -> SiteTest {
    SiteTest::new("status")
}

fn page(body: &str) -> String {
    format!("---\ntitle: A page\n---\n{body}\n")
}

#[test]
fn the_clean_fixture_checks_clean_even_with_deny_warnings() {
    let run = clean_site().run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("No problems found."), "{}", run.stderr);
}

#[test]
fn a_broken_link_is_an_error_at_the_link() {
    let site = clean_site();
    site.file("content/pages/a.md", &page("See [this](nowhere.md)."));
    assert_problem(
        &site,
        1,
        Expected {
            code: "broken-link",
            severity: "error",
            file: "content/pages/a.md",
            line: 4,
            column: 5,
            message: "this link points to content/pages/nowhere.md, which does not exist",
        },
    );
}

#[test]
fn a_link_to_a_missing_heading_is_an_error() {
    let site = clean_site();
    site.file(
        "content/pages/a.md",
        &page("See [this](../guide/01-one.md#nope)."),
    );
    assert_problem(
        &site,
        1,
        Expected {
            code: "broken-anchor",
            severity: "error",
            file: "content/pages/a.md",
            line: 4,
            column: 5,
            message: "#nope is not a heading in content/guide/01-one.md",
        },
    );
}

#[test]
fn a_missing_image_is_an_error() {
    let site = clean_site();
    site.file(
        "content/pages/a.md",
        &page("![A figure](../images/none.png)"),
    );
    assert_problem(
        &site,
        1,
        Expected {
            code: "missing-image",
            severity: "error",
            file: "content/pages/a.md",
            line: 4,
            column: 1,
            message: "the image \"../images/none.png\" is not at content/images/none.png",
        },
    );
}

#[test]
fn a_root_absolute_link_is_a_warning_that_fails_only_with_deny_warnings() {
    let site = clean_site();
    site.file("content/pages/a.md", &page("Go [home](/en/)."));
    assert_problem(
        &site,
        0,
        Expected {
            code: "root-link",
            severity: "warning",
            file: "content/pages/a.md",
            line: 4,
            column: 4,
            message: "the link \"/en/\" starts with /",
        },
    );
    assert_eq!(site.run(&["check", "--deny-warnings"]).code, 1);
}

#[test]
fn a_link_to_a_page_that_exists_only_in_another_language_is_a_warning() {
    let site = clean_site();
    site.file(
        "content/pages/only.tr.md",
        "---\ntitle: Yalnız\nsource_hash: \"000000000000\"\n---\nMetin.\n",
    );
    site.file("content/pages/a.md", &page("See [it](only.md)."));
    assert_problem(
        &site,
        1,
        Expected {
            code: "other-language",
            severity: "warning",
            file: "content/pages/a.md",
            line: 4,
            column: 5,
            message: "this link points to content/pages/only.md, which exists only in Türkçe (content/pages/only.tr.md)",
        },
    );
    assert_problem(
        &site,
        1,
        Expected {
            code: "translation",
            severity: "error",
            file: "content/pages/only.tr.md",
            line: 1,
            column: 1,
            message: "this translation has no source file content/pages/only.md",
        },
    );
}

#[test]
fn an_unknown_front_matter_key_gets_a_did_you_mean() {
    let site = clean_site();
    site.file(
        "content/pages/a.md",
        "---\ntitle: A\nsumary: x\n---\nText.\n",
    );
    let d = assert_problem(
        &site,
        1,
        Expected {
            code: "front-matter",
            severity: "error",
            file: "content/pages/a.md",
            line: 3,
            column: 1,
            message: "unknown key \"sumary\"",
        },
    );
    assert_eq!(d["hint"], "did you mean \"summary\"?");
}

#[test]
fn a_chapter_number_used_twice_is_an_error() {
    let site = clean_site();
    site.file(
        "content/guide/03-three.md",
        "---\ntitle: Three\nchapter: 2\nsummary: S.\n---\nText.\n",
    );
    assert_problem(
        &site,
        1,
        Expected {
            code: "chapter-order",
            severity: "error",
            file: "content/guide/03-three.md",
            line: 3,
            column: 10,
            message: "chapter 2 is also used by content/guide/02-two.md",
        },
    );
}

#[test]
fn a_gap_in_the_chapter_order_is_a_warning() {
    let site = clean_site();
    site.file(
        "content/guide/04-four.md",
        "---\ntitle: Four\nchapter: 4\nsummary: S.\n---\nText.\n",
    );
    assert_problem(
        &site,
        0,
        Expected {
            code: "chapter-order",
            severity: "warning",
            file: "content/guide/04-four.md",
            line: 3,
            column: 10,
            message: "chapter 3 is missing before chapter 4",
        },
    );
}

#[test]
fn two_pages_with_one_address_are_an_error() {
    let site = clean_site();
    site.file(
        "content/guide/03-one.md",
        "---\ntitle: One again\nchapter: 3\nsummary: S.\n---\nText.\n",
    );
    assert_problem(
        &site,
        1,
        Expected {
            code: "duplicate-slug",
            severity: "error",
            file: "content/guide/03-one.md",
            line: 1,
            column: 1,
            message: "this page would have the same address as content/guide/01-one.md",
        },
    );
}

#[test]
fn a_translation_without_source_hash_is_an_error() {
    let site = clean_site();
    site.file(
        "content/guide/01-one.hr.md",
        "---\ntitle: Jedan\n---\nTekst.\n",
    );
    assert_problem(
        &site,
        1,
        Expected {
            code: "front-matter",
            severity: "error",
            file: "content/guide/01-one.hr.md",
            line: 1,
            column: 1,
            message: "the front matter has no \"source_hash\"",
        },
    );
}

#[test]
fn a_fluent_syntax_error_is_an_error_at_its_line() {
    let site = clean_site();
    site.file(
        "locales/tr/extra.ftl",
        "fine = Tamam\nbroken = { $x\nnext = Sonra\n",
    );
    let (code, report) = check_json(&site, &[]);
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "fluent")
        .unwrap()
        .clone();
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64()),
        (Some("locales/tr/extra.ftl"), Some(2)),
        "{d:#}"
    );
    assert_eq!(code, 1);
}

/// Replace text in a file of the site (a locale copied from the repository).
fn edit(site: &SiteTest, rel: &str, from: &str, to: &str) {
    let text = site.read(rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    site.file(rel, &text.replacen(from, to, 1));
}

fn line_of(site: &SiteTest, rel: &str, start: &str) -> u64 {
    let text = site.read(rel);
    text.lines().position(|l| l.starts_with(start)).unwrap() as u64 + 1
}

#[test]
fn keys_missing_in_a_locale_are_one_warning_that_lists_them() {
    let site = clean_site();
    edit(
        &site,
        "locales/tr/main.ftl",
        "toc-title = ",
        "# toc-title = ",
    );
    let d = assert_problem(
        &site,
        0,
        Expected {
            code: "missing-key",
            severity: "warning",
            file: "locales/tr/main.ftl",
            line: 1,
            column: 1,
            message: "1 UI string of English is missing in Türkçe (tr)",
        },
    );
    assert!(
        d["hint"].as_str().unwrap().ends_with(": toc-title"),
        "{d:#}"
    );
}

#[test]
fn a_key_nothing_shows_is_a_warning_at_its_definition() {
    let site = clean_site();
    let en = site.read("locales/en/main.ftl");
    site.file(
        "locales/en/main.ftl",
        &format!("{en}never-shown = Nobody reads this\n"),
    );
    let line = line_of(&site, "locales/en/main.ftl", "never-shown");
    assert_problem(
        &site,
        0,
        Expected {
            code: "unused-key",
            severity: "warning",
            file: "locales/en/main.ftl",
            line,
            column: 1,
            message: "nothing shows the UI string \"never-shown\"",
        },
    );
}

#[test]
fn a_misspelt_key_in_a_translation_is_a_warning_with_did_you_mean() {
    let site = clean_site();
    let tr = site.read("locales/tr/main.ftl");
    site.file(
        "locales/tr/main.ftl",
        &format!("{tr}toc-titel = Bu sayfada\n"),
    );
    let line = line_of(&site, "locales/tr/main.ftl", "toc-titel");
    let d = assert_problem(
        &site,
        0,
        Expected {
            code: "unused-key",
            severity: "warning",
            file: "locales/tr/main.ftl",
            line,
            column: 1,
            message: "\"toc-titel\" is not a UI string of English",
        },
    );
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .starts_with("did you mean \"toc-title\"?"),
        "{d:#}"
    );
}

#[test]
fn a_variable_the_template_does_not_pass_is_a_warning() {
    let site = clean_site();
    edit(
        &site,
        "locales/tr/main.ftl",
        "chapter-number = { $number }",
        "chapter-number = { $num }",
    );
    let line = line_of(&site, "locales/tr/main.ftl", "chapter-number");
    let (code, report) = check_json(&site, &[]);
    let found: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "fluent-variable")
        .collect();
    assert!(!found.is_empty(), "{report:#}");
    for d in &found {
        assert_eq!(
            (d["file"].as_str(), d["line"].as_u64()),
            (Some("locales/tr/main.ftl"), Some(line))
        );
        let message = d["message"].as_str().unwrap();
        assert!(message.starts_with("\"chapter-number\" in tr uses { $num }, which the template themes/default/templates/"), "{message}");
        assert!(d["hint"].as_str().unwrap().contains("{ $number }"), "{d:#}");
    }
    assert_eq!(code, 0);
}

#[test]
fn an_image_no_page_shows_is_a_warning() {
    let site = clean_site();
    site.file(
        "content/images/lonely.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    assert_problem(
        &site,
        0,
        Expected {
            code: "unused-image",
            severity: "warning",
            file: "content/images/lonely.svg",
            line: 1,
            column: 1,
            message: "no page shows the image content/images/lonely.svg",
        },
    );
}

#[test]
fn a_very_large_image_is_a_warning_with_its_size() {
    let site = clean_site();
    site.file("content/images/big.png", &"x".repeat(600 * 1024));
    site.file(
        "content/pages/a.md",
        &page("![A big picture](../images/big.png)"),
    );
    let (_, report) = check_json(&site, &[]);
    assert!(!report.to_string().contains("unused-image"), "{report:#}");
    assert_problem(
        &site,
        0,
        Expected {
            code: "large-image",
            severity: "warning",
            file: "content/images/big.png",
            line: 1,
            column: 1,
            message: "the image content/images/big.png is 600 KB",
        },
    );
}

/// A server on 127.0.0.1 that answers 200 for /ok and 404 for anything else, `n` times.
fn local_server(n: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(n) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 2048];
            let len = stream.read(&mut buf).unwrap_or(0);
            let ok = buf[..len].starts_with(b"GET /ok ");
            let status = if ok { "200 OK" } else { "404 Not Found" };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    port
}

#[test]
fn external_links_are_checked_only_with_external() {
    let site = clean_site();
    let port = local_server(2);
    let body = format!(
        "[Fine](http://127.0.0.1:{port}/ok) and [gone](http://127.0.0.1:{port}/gone#part)."
    );
    site.file("content/pages/a.md", &page(&body));
    let (code, report) = check_json(&site, &[]);
    assert_eq!(
        code, 0,
        "without --external nothing is requested: {report:#}"
    );
    let gone = format!("http://127.0.0.1:{port}/gone#part");
    let (code, report) = check_json(&site, &["--external"]);
    let all = report["diagnostics"].as_array().unwrap();
    let broken: Vec<&Value> = all
        .iter()
        .filter(|d| d["code"] == "external-link")
        .collect();
    assert_eq!(broken.len(), 1, "{report:#}");
    let d = broken[0];
    assert_eq!(
        d["message"],
        format!("{gone} does not exist (the site answers 404)")
    );
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (
            Some("content/pages/a.md"),
            Some(4),
            Some(34 + port.to_string().len() as u64)
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn the_json_report_has_the_documented_shape() {
    let site = clean_site();
    site.file(
        "content/pages/a.md",
        &page("Go [home](/en/) and [away](gone.md)."),
    );
    let (code, report) = check_json(&site, &[]);
    assert_eq!(code, 1);
    assert_eq!(report["version"], 1);
    assert_eq!(
        (report["errors"].as_u64(), report["warnings"].as_u64()),
        (Some(1), Some(1))
    );
    let keys: Vec<&str> = report["diagnostics"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "code", "column", "file", "hint", "line", "message", "severity"
        ]
    );
}

#[test]
fn check_writes_nothing() {
    let site = clean_site();
    site.run(&["check"]);
    assert!(!site.root.join("output").exists());
}

/// The human report of the content problems (locale warnings depend on the repository's
/// locales, which other work changes, so they are left out of the snapshot).
fn content_report(run: &Run) -> String {
    run.stderr
        .split("\n\n")
        .filter(|block| !block.contains("--> locales/") && !block.trim().is_empty())
        .filter(|block| !block.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn check_reports_every_problem_of_a_broken_site_at_once() {
    let site = SiteTest::new("broken");
    site.file("content/images/big.png", &"x".repeat(600 * 1024));
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("check_broken_site", content_report(&run));
}

#[test]
fn status_counts_translated_outdated_and_missing_pages() {
    let site = clean_site();
    let run = site.run(&["status", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (v["version"].as_u64(), v["source"].as_str()),
        (Some(1), Some("en"))
    );
    let totals = |i: usize| v["languages"][i]["totals"].clone();
    assert_eq!(v["languages"][0]["code"], "tr");
    assert_eq!(
        totals(0),
        serde_json::json!({"pages": 4, "translated": 2, "outdated": 1, "missing": 1, "words_left": 22, "percent": 50})
    );
    assert_eq!(v["languages"][1]["code"], "hr");
    assert_eq!(
        totals(1),
        serde_json::json!({"pages": 4, "translated": 1, "outdated": 1, "missing": 2, "words_left": 22, "percent": 25})
    );
    let collections: Vec<(String, u64, u64)> = v["languages"][1]["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["collection"].as_str().unwrap().to_string(),
                c["translated"].as_u64().unwrap(),
                c["percent"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        collections,
        [
            ("home".to_string(), 0, 0),
            ("guide".to_string(), 0, 0),
            ("practices".to_string(), 1, 100)
        ]
    );
    let pages: Vec<(String, String, u64)> = v["languages"][0]["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["translation"].as_str().unwrap().to_string(),
                p["status"].as_str().unwrap().to_string(),
                p["words"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("content/_index.tr.md", "translated", 5),
        ("content/guide/01-one.tr.md", "translated", 7),
        ("content/guide/02-two.tr.md", "outdated", 10),
        ("content/practices/peer-help.tr.md", "missing", 12),
    ];
    let expected: Vec<(String, String, u64)> = expected
        .iter()
        .map(|(f, s, w)| (f.to_string(), s.to_string(), *w))
        .collect();
    assert_eq!(pages, expected);
}

#[test]
fn status_prints_a_table_and_markdown_for_one_language() {
    let site = clean_site();
    let table = site.run(&["status"]).stdout;
    assert!(
        table.contains("tr Türkçe                 2         1        1          22   50%"),
        "{table}"
    );
    assert!(
        table.contains("  missing    content/guide/01-one.hr.md      7 words"),
        "{table}"
    );
    let md = site
        .run(&["status", "--lang", "hr", "--format", "markdown"])
        .stdout;
    assert!(
        md.contains("| Hrvatski (hr) | 1 | 1 | 2 | 22 | 25% |"),
        "{md}"
    );
    assert!(
        md.contains("| `content/practices/peer-help.hr.md` | translated | 12 |"),
        "{md}"
    );
    assert!(!md.contains("Türkçe"), "{md}");
    let wrong = site.run(&["status", "--lang", "de"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong
            .stderr
            .contains("\"de\" is not a language of this site; use one of: en, tr, hr"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn the_status_page_is_built_only_when_site_yaml_asks() {
    let site = clean_site();
    site.build();
    assert!(!site.root.join("output/tr/status/index.html").exists());
    let yaml = site.read("site.yaml");
    site.file("site.yaml", &format!("{yaml}status_page: true\n"));
    site.build();
    let page = site.html("tr/status/index.html");
    assert_eq!(page.text("h1"), "Çeviri durumu");
    let cells = scraper::Selector::parse("tbody tr:first-child td").unwrap();
    let first_row: Vec<String> = page.all("table")[0]
        .select(&cells)
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(first_row, ["2", "1", "1", "22", "%50"]);
    assert!(page.has("a[href='../../tr/guide/two/']"));
    assert!(
        site.html("hr/status/index.html")
            .text("h1")
            .contains("Stanje prijevoda")
    );
}

fn git(site: &SiteTest, args: &[&str]) -> bool {
    Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(&site.root)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The status fixture in a git repository with two versions of `guide/02-two.md`; the Turkish
/// translation records the first one. `None` when git is not installed.
fn site_with_history() -> Option<(SiteTest, String)> {
    let site = clean_site();
    if !git(&site, &["init", "-q"]) {
        eprintln!("git is not installed: skipping");
        return None;
    }
    let first = site.read("content/guide/02-two.md");
    let hash = sha_prefix(first.as_bytes());
    edit(&site, "content/guide/02-two.tr.md", "111111111111", &hash);
    assert!(git(&site, &["add", "-A"]) && git(&site, &["commit", "-q", "-m", "one"]));
    site.file(
        "content/guide/02-two.md",
        &first.replace("five six", "five six seven"),
    );
    assert!(git(&site, &["commit", "-q", "-a", "-m", "two"]));
    Some((site, hash))
}

fn sha_prefix(bytes: &[u8]) -> String {
    guidebook::content::page::short_hash(bytes)
}

#[test]
fn a_source_hash_that_matches_no_version_in_git_is_an_error() {
    let Some((site, _)) = site_with_history() else {
        return;
    };
    assert_problem(
        &site,
        1,
        Expected {
            code: "source-hash",
            severity: "error",
            file: "content/_index.hr.md",
            line: 3,
            column: 14,
            message: "source_hash \"000000000000\" matches no version of content/_index.md in git",
        },
    );
    let (_, report) = check_json(&site, &[]);
    let older: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "content/guide/02-two.tr.md")
        .collect();
    assert!(
        older.is_empty(),
        "a hash of an older version is only outdated: {older:#?}"
    );
}

#[test]
fn status_diff_shows_what_changed_in_the_english_source() {
    let Some((site, _)) = site_with_history() else {
        return;
    };
    let run = site.run(&["status", "--diff", "content/guide/02-two.tr.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("--- a/content/guide/02-two.md\n+++ b/content/guide/02-two.md"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("\n-One two three four five six.\n+One two three four five six seven.\n"),
        "{}",
        run.stdout
    );
    let current = site.run(&["status", "--diff", "content/guide/01-one.tr.md"]);
    assert!(
        current.stderr.contains("is up to date"),
        "{}",
        current.stderr
    );
}

#[test]
fn every_kind_of_new_page_builds_and_checks_clean() {
    let site = clean_site();
    let kinds = [
        ("chapter", "A new chapter: \"hope\""),
        ("practice", "Buddy benches"),
        ("report", "Spring meeting"),
        ("page", "Contact"),
    ];
    for (kind, title) in kinds {
        let run = site.run(&["new", kind, title]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let today = jiff::Zoned::now().date();
    let made = [
        "content/guide/03-a-new-chapter-hope.md".to_string(),
        "content/practices/buddy-benches.md".to_string(),
        format!("content/reports/{today}-spring-meeting.md"),
        "content/pages/contact.md".to_string(),
    ];
    for file in &made {
        assert!(site.root.join(file).is_file(), "{file}");
    }
    assert!(
        site.read(&made[0])
            .contains("title: \"A new chapter: \\\"hope\\\"\"\nchapter: 3\n")
    );
    assert!(site.read(&made[2]).contains(&format!("date: {today}\n")));
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.build();
    assert!(
        site.html("en/guide/a-new-chapter-hope/index.html")
            .text("h1")
            .contains("hope")
    );
}

#[test]
fn new_refuses_to_overwrite_or_to_reuse_an_address() {
    let site = clean_site();
    assert_eq!(site.run(&["new", "page", "Contact"]).code, 0);
    let before = site.read("content/pages/contact.md");
    let again = site.run(&["new", "page", "Contact"]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .contains("content/pages/contact.md already has the address"),
        "{}",
        again.stderr
    );
    assert_eq!(site.read("content/pages/contact.md"), before);
}

#[test]
fn new_with_a_language_starts_the_translation_of_the_english_page() {
    let site = clean_site();
    let run = site.run(&["new", "practice", "Peer help", "--lang", "tr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.read("content/practices/peer-help.tr.md")
            .starts_with("---\ntitle: \"Peer help\"\n")
    );
    let missing = site.run(&["new", "practice", "Peer helpers club", "--lang", "tr"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing
            .stderr
            .contains("there is no English practice \"Peer helpers club\""),
        "{}",
        missing.stderr
    );
}

#[test]
fn translate_copies_what_to_translate_with_the_current_hash() {
    let site = clean_site();
    let run = site.run(&[
        "translate",
        "content/practices/peer-help.md",
        "--lang",
        "tr",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hash = sha_prefix(site.read("content/practices/peer-help.md").as_bytes());
    assert_eq!(
        site.read("content/practices/peer-help.tr.md"),
        format!(
            "---\ntitle: \"Peer help\"\nsummary: \"Students help students.\"\nsource_hash: \"{hash}\"\n---\nSeven words are in this short body.\n"
        )
    );
    let again = site.run(&[
        "translate",
        "content/practices/peer-help.md",
        "--lang",
        "tr",
    ]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .contains("already exists; guidebook does not overwrite it"),
        "{}",
        again.stderr
    );
    assert_eq!(site.run(&["check"]).code, 0);
}

#[test]
fn translate_done_changes_only_the_hash_line() {
    let site = clean_site();
    let before = "---\r\ntitle: İki   # my note\r\nsummary: İkinci bölüm.\r\nsource_hash: '111111111111'\r\n---\r\nBir iki üç dört beş altı.\r\n";
    site.file("content/guide/02-two.tr.md", before);
    let run = site.run(&["translate", "--done", "content/guide/02-two.tr.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hash = sha_prefix(site.read("content/guide/02-two.md").as_bytes());
    let after = site.read("content/guide/02-two.tr.md");
    assert_eq!(
        after,
        before.replace(
            "source_hash: '111111111111'",
            &format!("source_hash: \"{hash}\"")
        )
    );
    let status: Value = serde_json::from_str(
        &site
            .run(&["status", "--format", "json", "--lang", "tr"])
            .stdout,
    )
    .unwrap();
    assert_eq!(status["languages"][0]["totals"]["outdated"], 0);
    let source = site.run(&["translate", "--done", "content/guide/02-two.md"]);
    assert_eq!(source.code, 2, "an English file is not a translation");
}
