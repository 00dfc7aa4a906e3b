//! The core build on the `basic` fixture: languages, switchers, fallbacks, links, dates.

use crate::support::SiteTest;

const LANGS: [&str; 5] = ["en", "tr", "hr", "lt", "hu"];

fn built() -> SiteTest {
    let site = SiteTest::new("basic");
    site.build();
    site
}

#[test]
fn every_language_has_every_page_with_its_lang() {
    let site = built();
    for lang in LANGS {
        for path in [
            "",
            "guide/",
            "guide/isik/",
            "guide/second/",
            "practices/",
            "practices/peer/",
            "practices/country/it/",
            "reports/",
            "reports/meeting/",
            "pages/about/",
        ] {
            let page = site.html(&format!("{lang}/{path}index.html"));
            assert_eq!(page.attr("html", "lang"), lang, "{lang}/{path}");
        }
    }
}

#[test]
fn switcher_leads_to_the_same_page_in_each_language() {
    let site = built();
    let page = site.html("tr/guide/isik/index.html");
    let links: Vec<(String, String)> = page
        .all(".lang-switcher a")
        .iter()
        .map(|a| {
            (
                a.value().attr("hreflang").unwrap().to_string(),
                a.value().attr("href").unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = LANGS
        .iter()
        .map(|l| (l.to_string(), format!("../../../{l}/guide/isik/")))
        .collect();
    assert_eq!(links, expected);
    assert_eq!(
        page.attr(".lang-switcher a[aria-current]", "hreflang"),
        "tr"
    );
}

#[test]
fn hreflang_lists_real_translations_only() {
    let site = built();
    let page = site.html("en/guide/isik/index.html");
    let alternates: Vec<String> = page
        .all("link[rel=alternate][hreflang]")
        .iter()
        .map(|l| l.value().attr("hreflang").unwrap().to_string())
        .collect();
    // tr is translated, hr is outdated (still a translation); lt and hu fall back to English.
    assert_eq!(alternates, ["en", "tr", "hr", "x-default"]);
    assert_eq!(
        page.attr("link[hreflang=tr]", "href"),
        "https://example.org/guide-site/tr/guide/isik/"
    );
    assert_eq!(
        page.attr("link[hreflang=x-default]", "href"),
        "https://example.org/guide-site/en/guide/isik/"
    );
    assert_eq!(page.attr("meta[property='og:locale']", "content"), "en_GB");
    let og_alternates = page.all("meta[property='og:locale:alternate']").len();
    assert_eq!(og_alternates, 2);
}

#[test]
fn missing_translation_shows_english_with_a_notice_in_the_page_language() {
    let site = built();
    let page = site.html("lt/guide/isik/index.html");
    assert_eq!(page.attr("html", "lang"), "lt");
    assert_eq!(
        page.text(".notice-fallback"),
        "Šis puslapis dar neišverstas į lietuvių kalbą."
    );
    assert_eq!(page.attr(".prose", "lang"), "en");
    assert_eq!(page.attr("h1", "lang"), "en");
    assert!(page.text(".prose").contains("He said “yes” to the plan."));
    let sitemap = site.read("output/sitemap.xml");
    assert!(!sitemap.contains("<loc>https://example.org/guide-site/lt/guide/isik/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/guide-site/tr/guide/isik/</loc>"));
}

#[test]
fn outdated_translation_shows_a_banner() {
    let site = built();
    let hr = site.html("hr/guide/isik/index.html");
    assert!(hr.has(".notice-outdated"));
    assert_eq!(
        hr.attr(".notice-outdated a", "href"),
        "../../../en/guide/isik/"
    );
    let tr = site.html("tr/guide/isik/index.html");
    assert!(!tr.has(".notice-outdated") && !tr.has(".notice-fallback"));
}

#[test]
fn links_are_rewritten_to_the_readers_language() {
    let site = built();
    let page = site.html("tr/guide/isik/index.html");
    let hrefs: Vec<String> = page
        .all(".prose a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        hrefs.contains(&"../../../tr/guide/second/".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"../../../tr/guide/second/#custom".to_string()),
        "{hrefs:?}"
    );
    assert_eq!(
        page.attr(".prose img", "src"),
        "../../../media/images/fig.tr.svg"
    );
    let en = site.html("en/guide/isik/index.html");
    assert_eq!(
        en.attr(".prose img", "src"),
        "../../../media/images/fig.svg"
    );
    let practice = en
        .all(".prose a")
        .iter()
        .any(|a| a.value().attr("href") == Some("../../../en/practices/peer/"));
    assert!(practice);
    assert!(site.root.join("output/media/images/fig.tr.svg").is_file());
}

#[test]
fn heading_slugs_transliterate_and_stay_unique() {
    let site = built();
    let page = site.html("en/guide/isik/index.html");
    let ids: Vec<String> = page
        .all(".prose h2")
        .iter()
        .map(|h| h.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "isik-ve-golge",
            "durdevak",
            "mokiniu-gerove",
            "oszi-unnepseg",
            "isik-ve-golge-1"
        ]
    );
    let toc: Vec<String> = page
        .all(".toc a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(toc[0], "#isik-ve-golge");
}

#[test]
fn markdown_features_render_accessibly() {
    let site = built();
    let page = site.html("en/guide/isik/index.html");
    assert_eq!(page.attr(".callout-tip", "role"), "note");
    assert_eq!(page.attr(".callout-tip", "aria-label"), "Tip");
    assert!(page.has(".table-wrap[role=region][tabindex='0'] table"));
    assert_eq!(
        page.attr(".table-wrap", "aria-label"),
        "Table (scrolls sideways on small screens): What you see, First step"
    );
    assert_eq!(page.all(".task-box").len(), 2);
    assert_eq!(page.attr(".footnote-ref a", "href"), "#fn-1");
    assert!(page.has("li#fn-1 a[role=doc-backlink][href='#fnref-1']"));
    let hr = site.html("hr/guide/isik/index.html");
    assert!(hr.text("h1").contains("„sjena“"), "{}", hr.text("h1"));
    assert!(hr.text(".prose").contains("„da“"));
}

#[test]
fn scripts_in_content_are_removed_with_a_warning() {
    let site = SiteTest::new("basic");
    let run = site.build();
    assert!(
        run.stderr
            .contains("warning[unsafe-html]: a <script> element was removed from the page"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/guide/01-isik.md:31:1"),
        "{}",
        run.stderr
    );
    let html = site.read("output/en/guide/isik/index.html");
    assert!(!html.contains("alert("));
}

#[test]
fn dates_follow_each_language() {
    let site = built();
    let expected = [
        ("en", "12 March 2025"),
        ("tr", "12 Mart 2025"),
        ("hr", "12. ožujka 2025."),
        ("lt", "2025 m. kovo 12 d."),
        ("hu", "2025. március 12."),
    ];
    for (lang, date) in expected {
        let page = site.html(&format!("{lang}/reports/index.html"));
        assert_eq!(page.text(".report-list time"), date, "{lang}");
        assert_eq!(page.attr(".report-list time", "datetime"), "2025-03-12");
    }
}

#[test]
fn lithuanian_reading_time_uses_three_plural_forms() {
    let site = SiteTest::new("basic");
    let source = site.read("content/guide/02-second.md");
    let hash = guidebook::content::page::short_hash(source.as_bytes());
    for (name, minutes) in [("03-one", 1), ("04-two", 2), ("05-ten", 10)] {
        let number = &name[1..2];
        site.file(
            &format!("content/guide/{name}.md"),
            &format!("---\ntitle: T{name}\nchapter: {number}\nsummary: S\n---\nx\n"),
        );
        let en = site.read(&format!("content/guide/{name}.md"));
        let h = guidebook::content::page::short_hash(en.as_bytes());
        let words = "žodis ".repeat(minutes * 200 - 10);
        site.file(
            &format!("content/guide/{name}.lt.md"),
            &format!("---\ntitle: L{name}\nsource_hash: \"{h}\"\n---\n{words}\n"),
        );
    }
    let _ = hash;
    site.build();
    let expect = [
        ("one", "Skaitymo laikas: 1 minutė"),
        ("two", "Skaitymo laikas: 2 minutės"),
        ("ten", "Skaitymo laikas: 10 minučių"),
    ];
    for (slug, text) in expect {
        assert_eq!(
            site.html(&format!("lt/guide/{slug}/index.html"))
                .text(".page-header .meta"),
            text
        );
    }
}

#[test]
fn base_url_path_is_respected_and_no_root_absolute_link_leaks() {
    let site = built();
    for (path, bytes) in site.snapshot_output() {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let page = crate::support::Page(scraper::Html::parse_document(
            &String::from_utf8(bytes).unwrap(),
        ));
        for el in page.all("[href], [src]") {
            let url = el.value().attr("href").or(el.value().attr("src")).unwrap();
            assert!(!url.starts_with('/'), "{path}: root-absolute link {url}");
        }
    }
    let page = site.html("en/index.html");
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        "https://example.org/guide-site/en/"
    );
    let feed = site.read("output/en/reports/atom.xml");
    assert!(
        feed.contains("<id>https://example.org/guide-site/en/reports/meeting/</id>"),
        "{feed}"
    );
    assert!(
        site.read("output/robots.txt")
            .contains("Sitemap: https://example.org/guide-site/sitemap.xml")
    );
    let not_found = site.read("output/404.html");
    assert!(not_found.contains("href=\"https://example.org/guide-site/static/style.css\""));

    let run = site.run(&["build", "--base-url", "https://example.org"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.html("tr/guide/index.html");
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        "https://example.org/tr/guide/"
    );
}

#[test]
fn root_chooser_sitemap_and_github_pages_files() {
    let site = built();
    let root = site.html("index.html");
    let choices: Vec<String> = root
        .all("[data-lang-choice]")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(choices, ["en/", "tr/", "hr/", "lt/", "hu/"]);
    assert!(site.root.join("output/.nojekyll").is_file());
    let sitemap = site.read("output/sitemap.xml");
    assert!(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"tr\" href=\"https://example.org/guide-site/tr/guide/isik/\"/>"));
    let not_found = site.html("404.html");
    assert_eq!(not_found.all("section.not-found").len(), 5);
}

#[test]
fn practices_are_grouped_and_filterable_by_country_without_javascript() {
    let site = built();
    let page = site.html("en/practices/index.html");
    assert_eq!(page.text("#gb-stage-intervention"), "Intervention");
    let filters: Vec<String> = page
        .all(".filters a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        filters,
        ["../../en/practices/", "../../en/practices/country/it/"]
    );
    let italy = site.html("en/practices/country/it/index.html");
    assert_eq!(italy.all(".card").len(), 1);
    assert!(italy.text("h1").contains("Italy"));
}

#[test]
fn eu_statement_is_in_every_footer_and_can_be_switched_off() {
    let site = built();
    assert!(site.html("hu/index.html").has(".site-footer .eu img[alt]"));
    let config = site
        .read("site.yaml")
        .replace("eu_funding: true", "eu_funding: false");
    site.file("site.yaml", &config);
    site.build();
    assert!(!site.html("hu/index.html").has(".site-footer .eu"));
}

#[test]
fn a_draft_leaves_out_its_translations_quietly_unless_drafts_are_asked_for() {
    let site = SiteTest::new("basic");
    let about = site
        .read("content/pages/about.md")
        .replace("weight: 1", "weight: 1\ndraft: true");
    site.file("content/pages/about.md", &about);
    let hash = guidebook::content::page::short_hash(about.as_bytes());
    site.file(
        "content/pages/about.tr.md",
        &format!("---\ntitle: Hakkında\nsource_hash: \"{hash}\"\n---\nMetin.\n"),
    );
    let run = site.build();
    assert!(!run.stderr.contains("has no source file"), "{}", run.stderr);
    assert!(!site.root.join("output/tr/pages/about/index.html").exists());
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.html("tr/pages/about/index.html")
            .text("h1")
            .contains("Hakkında")
    );
}
