//! Bad input gets a clear error, and nothing is lost.

use crate::support::SiteTest;

fn unknown_key_site() -> SiteTest {
    let site = SiteTest::new("basic");
    site.file(
        "content/practices/broken.md",
        "---\ntitle: Broken\nsumary: A typo\ncountry: Italy\nstage: prevension\ntarget_groups: [teachers]\n---\nText.\n",
    );
    site
}

#[test]
fn bad_front_matter_is_reported_with_file_line_column_and_hints() {
    let site = unknown_key_site();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    // Problems of the locales are left out: the fixture borrows the repository's, which change.
    let report: String = run
        .stderr
        .split("\n\n")
        .filter(|block| !block.contains("--> locales/"))
        .flat_map(|block| block.lines().chain(std::iter::once("")))
        .filter(|l| !l.starts_with("The build failed"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("bad_front_matter", report.trim_end());
}

#[test]
fn yaml_syntax_errors_count_lines_in_the_whole_file() {
    let site = SiteTest::new("basic");
    site.file(
        "content/pages/bad.md",
        "---\ntitle: Fine\nsummary: [unclosed\n---\nText\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("--> content/pages/bad.md:"),
        "{}",
        run.stderr
    );
    let line: usize = run
        .stderr
        .split("content/pages/bad.md:")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3..=5).contains(&line), "line {line}\n{}", run.stderr);
}

#[test]
fn all_problems_of_a_build_are_reported_at_once() {
    let site = unknown_key_site();
    site.file(
        "content/pages/links.md",
        "---\ntitle: Links\n---\n[a](missing.md) and [b](about.md#nowhere)\n",
    );
    let run = site.run(&["build"]);
    assert!(run.stderr.contains("unknown key \"sumary\""));
    assert!(
        run.stderr.contains("content/pages/links.md:4:1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("#nowhere is not a heading in content/pages/about.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = SiteTest::new("basic");
    site.build();
    let before = site.snapshot_output();
    site.file(
        "content/guide/02-second.md",
        "---\ntitle: Broken\nchapter: two\n---\n",
    );
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(site.snapshot_output(), before);
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("building"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
}

#[test]
fn template_errors_name_the_template_line() {
    let site = SiteTest::new("basic");
    let path = "themes/default/templates/page.html";
    let text = site.read(path).replace(
        "{% block main %}",
        "{% block main %}{{ page.title | nosuchfilter }}",
    );
    site.file(path, &text);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("--> themes/default/templates/page.html:2:"),
        "{}",
        run.stderr
    );
}

#[test]
fn dangerous_output_folders_are_refused() {
    let site = SiteTest::new("basic");
    for bad in [".", "content", "..", "locales/x"] {
        let run = site.run(&["build", "--output", bad]);
        assert_eq!(run.code, 1, "--output {bad} was accepted");
        assert!(
            run.stderr.contains("guidebook will not write the site to"),
            "{}",
            run.stderr
        );
    }
    assert!(site.root.join("content/_index.md").is_file());
    site.file("mine/notes.txt", "precious");
    let run = site.run(&["build", "--output", "mine"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("was not made by guidebook"));
    assert_eq!(site.read("mine/notes.txt"), "precious");
}

#[test]
fn an_output_made_by_guidebook_is_replaced() {
    let site = SiteTest::new("basic");
    site.build();
    site.file("output/stale.html", "old");
    site.build();
    assert!(!site.root.join("output/stale.html").exists());
    assert!(site.root.join("output/.guidebook-output").is_file());
}
