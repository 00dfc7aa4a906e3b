//! The ebooks: container structure, package, navigation, fallbacks, reproducibility, validity.

use std::collections::BTreeSet;
use std::io::Read;

use quick_xml::events::Event;

use crate::support::SiteTest;

/// An unzipped ebook.
struct Ebook {
    names: Vec<String>,
    archive: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
}

impl Ebook {
    fn open(bytes: Vec<u8>) -> Ebook {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names = (0..archive.len())
            .map(|i| archive.name_for_index(i).unwrap().to_string())
            .collect();
        Ebook { names, archive }
    }

    fn text(&mut self, name: &str) -> String {
        let mut s = String::new();
        self.archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("no {name}"))
            .read_to_string(&mut s)
            .unwrap();
        s
    }
}

/// Every (element name, attributes) of an XML document, in order.
fn elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let attrs = e
                    .attributes()
                    .filter_map(Result::ok)
                    .map(|a| {
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            a.unescape_value().unwrap().into_owned(),
                        )
                    })
                    .collect();
                out.push((name, attrs));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn built() -> SiteTest {
    let site = SiteTest::new("basic");
    site.build();
    site
}

fn book(site: &SiteTest, lang: &str) -> Ebook {
    Ebook::open(
        std::fs::read(
            site.root
                .join(format!("output/downloads/test-book-{lang}.epub")),
        )
        .unwrap(),
    )
}

#[test]
fn mimetype_comes_first_and_is_stored() {
    let site = built();
    let mut b = book(&site, "tr");
    assert_eq!(b.names[0], "mimetype");
    let first = b.archive.by_index(0).unwrap();
    assert_eq!(first.compression(), zip::CompressionMethod::Stored);
    drop(first);
    assert_eq!(b.text("mimetype"), "application/epub+zip");
    let container = b.text("META-INF/container.xml");
    assert!(container.contains("full-path=\"OEBPS/package.opf\""));
}

#[test]
fn manifest_and_files_match_and_spine_follows_chapter_order() {
    let site = built();
    let mut b = book(&site, "hr");
    let opf = b.text("OEBPS/package.opf");
    let els = elements(&opf);
    let manifest: BTreeSet<String> = els
        .iter()
        .filter(|(n, _)| n == "item")
        .map(|(_, a)| format!("OEBPS/{}", attr(a, "href").unwrap()))
        .collect();
    let files: BTreeSet<String> = b
        .names
        .iter()
        .filter(|n| {
            !["mimetype", "META-INF/container.xml", "OEBPS/package.opf"].contains(&n.as_str())
        })
        .cloned()
        .collect();
    assert_eq!(manifest, files);
    let ids: Vec<String> = els
        .iter()
        .filter(|(n, _)| n == "itemref")
        .map(|(_, a)| attr(a, "idref").unwrap().to_string())
        .collect();
    let chapters: Vec<&String> = ids.iter().filter(|i| i.starts_with("chapter-")).collect();
    assert_eq!(chapters, ["chapter-01", "chapter-02"]);
    let pos = |id: &str| ids.iter().position(|i| i == id).unwrap();
    assert!(
        pos("cover") < pos("nav") && pos("nav") < pos("intro") && pos("intro") < pos("chapter-01")
    );
    assert!(pos("chapter-02") < pos("appendix") && pos("appendix") < pos("colophon"));
}

#[test]
fn language_metadata_and_accessibility_are_declared() {
    let site = built();
    for lang in ["en", "tr", "hr", "lt", "hu"] {
        let mut b = book(&site, lang);
        let opf = b.text("OEBPS/package.opf");
        assert!(
            opf.contains(&format!("<dc:language>{lang}</dc:language>")),
            "{lang}"
        );
        assert!(opf.contains(&format!("xml:lang=\"{lang}\"")), "{lang}");
        for needed in [
            "schema:accessMode",
            "schema:accessModeSufficient",
            "schema:accessibilityFeature",
            "schema:accessibilityHazard",
            "schema:accessibilitySummary",
            "dcterms:conformsTo",
            "dcterms:modified",
        ] {
            assert!(opf.contains(needed), "{lang}: {needed}");
        }
        let chapter = b.text("OEBPS/chapter-01.xhtml");
        assert!(
            chapter.contains(&format!("lang=\"{lang}\" xml:lang=\"{lang}\"")),
            "{lang}"
        );
    }
}

#[test]
fn identifiers_are_stable_uuids_per_language() {
    let site = built();
    let id = |lang: &str| {
        let opf = book(&site, lang).text("OEBPS/package.opf");
        opf.split("<dc:identifier id=\"book-id\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    let (tr, hu) = (id("tr"), id("hu"));
    assert!(tr.starts_with("urn:uuid:") && tr != hu);
    site.build();
    assert_eq!(id("tr"), tr);
}

#[test]
fn nav_lists_every_chapter_and_fallbacks_are_marked() {
    let site = built();
    let mut b = book(&site, "tr");
    let nav = b.text("OEBPS/nav.xhtml");
    assert!(nav.contains("epub:type=\"toc\""));
    assert!(nav.contains("Işık, “gölge” ve kelimeler"), "{nav}");
    assert!(
        nav.contains(
            "<a href=\"chapter-02.xhtml\" lang=\"en\" xml:lang=\"en\">The second chapter</a>"
        ),
        "{nav}"
    );
    let fallback = b.text("OEBPS/chapter-02.xhtml");
    assert!(fallback.contains("xml:lang=\"en\""));
    assert!(fallback.contains("class=\"notice\""));
    let colophon = b.text("OEBPS/colophon.xhtml");
    assert!(colophon.contains("The second chapter"));
    let ncx = b.text("OEBPS/toc.ncx");
    assert!(ncx.contains("<content src=\"chapter-02.xhtml\"/>"));
}

#[test]
fn links_point_inside_the_book_and_footnotes_are_epub_notes() {
    let site = built();
    let mut b = book(&site, "en");
    let chapter = b.text("OEBPS/chapter-01.xhtml");
    assert!(chapter.contains("href=\"chapter-02.xhtml\""), "{chapter}");
    assert!(chapter.contains("href=\"chapter-02.xhtml#custom\""));
    assert!(chapter.contains("href=\"practice-peer.xhtml\""));
    assert!(chapter.contains("epub:type=\"noteref\""));
    assert!(chapter.contains("epub:type=\"endnotes\""));
    assert!(chapter.contains("src=\"media/images/fig.svg\""));
    assert!(b.names.contains(&"OEBPS/media/images/fig.svg".to_string()));
    let tr = book(&site, "tr").text("OEBPS/chapter-01.xhtml");
    assert!(tr.contains("src=\"media/images/fig.tr.svg\""), "{tr}");
}

#[test]
fn two_builds_give_identical_ebooks() {
    let site = built();
    let first = std::fs::read(site.root.join("output/downloads/test-book-lt.epub")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    site.build();
    let second = std::fs::read(site.root.join("output/downloads/test-book-lt.epub")).unwrap();
    assert!(
        first == second,
        "the ebook changed between two builds of the same input"
    );
}

#[test]
fn guide_pages_link_to_their_ebook_with_its_size() {
    let site = built();
    let page = site.html("lt/guide/index.html");
    assert_eq!(
        page.attr(".download a", "href"),
        "../../downloads/test-book-lt.epub"
    );
    let size = std::fs::metadata(site.root.join("output/downloads/test-book-lt.epub"))
        .unwrap()
        .len();
    assert!(
        page.text(".download a")
            .contains(&format!("{} KB", size.div_ceil(1024)))
    );
}

#[test]
fn the_epub_command_builds_only_the_ebooks() {
    let site = SiteTest::new("basic");
    let run = site.run(&["epub", "--lang", "hu"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.root
            .join("output/downloads/test-book-hu.epub")
            .is_file()
    );
    assert!(
        !site
            .root
            .join("output/downloads/test-book-tr.epub")
            .exists()
    );
    assert!(!site.root.join("output/index.html").exists());
}

#[test]
fn ebooks_pass_epubcheck() {
    let checker = crate::support::repo().join("../shared/tools/check-epub");
    let home = std::env::var("HOME").unwrap_or_default();
    let installed = std::path::Path::new(&home)
        .join(".cache/site-checkers/epubcheck")
        .exists();
    if !checker.exists() || !installed {
        eprintln!("skipped: EPUBCheck is not installed (run ../shared/tools/install-checkers)");
        return;
    }
    let site = built();
    let books: Vec<String> = ["en", "tr", "hr", "lt", "hu"]
        .iter()
        .map(|l| {
            site.root
                .join(format!("output/downloads/test-book-{l}.epub"))
                .display()
                .to_string()
        })
        .collect();
    let out = std::process::Command::new(&checker)
        .args(&books)
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{report}");
}
