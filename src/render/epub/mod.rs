//! The ebook renderer: one EPUB 3 per language, from the same `Site` as the website.
//!
//! Chapters are rendered from Markdown again with links resolved to files inside the book (a
//! chapter link becomes `chapter-03.xhtml#monday`; a page outside the book keeps its web address).
//! The HTML is parsed with html5ever and written out by an XML writer, so every document is
//! well-formed XHTML with namespaces and `xml:lang`, never patched by string replacement. The zip
//! is reproducible: fixed order, fixed timestamps, `mimetype` stored first, and
//! `dcterms:modified` from `SOURCE_DATE_EPOCH` or the last git commit.

pub mod xhtml;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::io::{Cursor, Write as _};

use rayon::prelude::*;

use self::xhtml::{Doc, fragment_to_xhtml};
use crate::content::front_matter::Stage;
use crate::content::links::{EntryResolver, LinkIndex, MEDIA_DIR};
use crate::content::{Collection, EntryId, Site, TranslationStatus};
use crate::diagnostic::Diagnostic;
use crate::i18n::{Arg, DateFormatter, I18n};
use crate::markdown::{Problem, Resolved, Resolver};

/// The folder (below the output) that holds the ebooks.
pub const DOWNLOADS_DIR: &str = "downloads";

/// One finished ebook.
pub struct Ebook {
    pub lang: usize,
    /// Path below the output (`downloads/you-are-valuable-tr.epub`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The file name of a language's ebook below the output.
pub fn ebook_path(site: &Site, lang: usize) -> String {
    format!(
        "{DOWNLOADS_DIR}/{}-{}.epub",
        site.config.book_slug, site.config.languages[lang].code
    )
}

/// Build the ebooks of the given languages (all when `None`) in parallel.
pub fn build_all(
    site: &Site,
    i18n: &I18n,
    only: Option<usize>,
    modified: jiff::Timestamp,
) -> Result<Vec<Ebook>, Vec<Diagnostic>> {
    let langs: Vec<usize> = (0..site.config.languages.len())
        .filter(|l| only.is_none_or(|o| o == *l))
        .collect();
    let index = LinkIndex::new(site);
    let results: Vec<Result<Ebook, Diagnostic>> = langs
        .par_iter()
        .map(|&lang| {
            let bytes = Book::new(site, i18n, &index, lang, modified).write()?;
            Ok(Ebook {
                lang,
                path: ebook_path(site, lang),
                bytes,
            })
        })
        .collect();
    let (ok, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    if errors.is_empty() {
        Ok(ok.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(errors.into_iter().filter_map(Result::err).collect())
    }
}

/// When the book was last changed: `SOURCE_DATE_EPOCH`, else the last git commit, else the
/// newest file under `content/` — never the clock, so the same input gives the same ebook.
pub fn modified_time(root: &std::path::Path) -> jiff::Timestamp {
    let from_env = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    let from_git = || {
        let out = std::process::Command::new("git")
            .args(["log", "-1", "--format=%ct"])
            .current_dir(root)
            .output()
            .ok()?;
        String::from_utf8(out.stdout)
            .ok()?
            .trim()
            .parse::<i64>()
            .ok()
    };
    let from_files = || {
        walkdir::WalkDir::new(root.join(crate::content::discover::CONTENT_DIR))
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok()?.modified().ok())
            .max()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_secs()).ok())
    };
    from_env
        .or_else(from_git)
        .or_else(from_files)
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

/// A document of the book.
struct Item {
    id: String,
    href: String,
    media_type: &'static str,
    properties: Option<&'static str>,
    bytes: Vec<u8>,
    spine: bool,
}

/// An entry of the table of contents.
struct NavPoint {
    title: String,
    /// The target (the NCX uses it also for unlinked group headings).
    href: String,
    /// The language of the title when it differs from the book's (a fallback chapter); the empty
    /// string marks an unlinked group heading.
    lang: Option<String>,
    children: Vec<NavPoint>,
}

struct Book<'a> {
    site: &'a Site,
    i18n: &'a I18n,
    index: &'a LinkIndex,
    lang: usize,
    code: String,
    modified: jiff::Timestamp,
    /// The file of each entry that is in the book.
    files: HashMap<EntryId, String>,
    items: Vec<Item>,
    nav: Vec<NavPoint>,
    images: RefCell<BTreeSet<String>>,
    fallbacks: Vec<String>,
}

impl<'a> Book<'a> {
    fn new(
        site: &'a Site,
        i18n: &'a I18n,
        index: &'a LinkIndex,
        lang: usize,
        modified: jiff::Timestamp,
    ) -> Book<'a> {
        let tree = &site.trees[lang];
        let mut files = HashMap::new();
        if let Some(intro) = tree.indexes.get(&Collection::Guide) {
            files.insert(*intro, "intro.xhtml".to_string());
        }
        for (i, id) in tree.chapters.iter().enumerate() {
            files.insert(*id, format!("chapter-{:02}.xhtml", i + 1));
        }
        for id in &tree.practices {
            files.insert(
                *id,
                format!(
                    "practice-{}.xhtml",
                    crate::content::discover::slug_of(&site.entries[*id].key)
                ),
            );
        }
        let code = site.config.languages[lang].code.clone();
        Book {
            site,
            i18n,
            index,
            lang,
            code,
            modified,
            files,
            items: Vec::new(),
            nav: Vec::new(),
            images: RefCell::default(),
            fallbacks: Vec::new(),
        }
    }

    fn t(&self, key: &str) -> String {
        self.i18n.get(self.lang, key, &[])
    }

    fn title(&self) -> String {
        self.t("site-title")
    }

    fn add(
        &mut self,
        id: &str,
        href: &str,
        properties: Option<&'static str>,
        bytes: Vec<u8>,
        spine: bool,
    ) {
        let media_type = media_type(href);
        self.items.push(Item {
            id: id.to_string(),
            href: href.to_string(),
            media_type,
            properties,
            bytes,
            spine,
        });
    }

    /// Assemble every document and write the zip.
    fn write(mut self) -> Result<Vec<u8>, Diagnostic> {
        self.cover();
        self.title_page();
        let nav_at = self.items.len();
        self.body();
        self.colophon();
        let nav = self.nav_document();
        self.items.insert(nav_at, nav);
        self.embed_images()?;
        let ncx = self.ncx();
        self.add("ncx", "toc.ncx", None, ncx, false);
        let css = std::fs::read(
            self.site
                .config
                .root
                .join("themes")
                .join(&self.site.config.theme)
                .join("epub/style.css"),
        )
        .unwrap_or_default();
        self.add("css", "style.css", None, css, false);
        let opf = self.package();
        zip_book(&opf, &self.items).map_err(|e| {
            Diagnostic::error("epub", format!("cannot write the {} ebook: {e}", self.code))
        })
    }

    fn doc(&self, title: &str) -> Doc {
        Doc::new(&self.code, title)
    }

    fn cover(&mut self) {
        let svg = cover(self.i18n, self.lang);
        self.add(
            "cover-image",
            "images/cover.svg",
            Some("cover-image"),
            svg.into_bytes(),
            false,
        );
        let alt = self.i18n.get(
            self.lang,
            "epub-cover-alt",
            &[("title", Arg::Text(self.title()))],
        );
        let mut doc = self.doc(&self.title());
        doc.open("section", &[("epub:type", "cover"), ("class", "cover")]);
        doc.empty(
            "img",
            &[
                ("src", "images/cover.svg"),
                ("alt", &alt),
                ("role", "doc-cover"),
            ],
        );
        doc.close("section");
        self.add("cover", "cover.xhtml", None, doc.finish(), true);
    }

    fn title_page(&mut self) {
        let mut doc = self.doc(&self.title());
        doc.open(
            "section",
            &[
                ("epub:type", "titlepage"),
                ("class", "title-page"),
                ("aria-labelledby", "book-title"),
            ],
        );
        doc.text_element("h1", &[("id", "book-title")], &self.title());
        doc.text_element("p", &[("class", "summary")], &self.t("site-description"));
        doc.text_element("p", &[("class", "motto")], &self.t("project-motto"));
        doc.close("section");
        self.add("title-page", "title.xhtml", None, doc.finish(), true);
        self.nav.push(NavPoint {
            title: self.t("epub-title-page"),
            href: "title.xhtml".into(),
            lang: None,
            children: Vec::new(),
        });
    }

    fn body(&mut self) {
        let tree = &self.site.trees[self.lang];
        let mut order: Vec<EntryId> = tree
            .indexes
            .get(&Collection::Guide)
            .copied()
            .into_iter()
            .collect();
        order.extend(tree.chapters.iter().copied());
        for id in order {
            let point = self.chapter(id, "chapter");
            self.nav.push(point);
        }
        self.appendix();
    }

    /// A chapter (or the introduction, or a practice) as its own document.
    fn chapter(&mut self, id: EntryId, kind: &str) -> NavPoint {
        let e = &self.site.entries[id];
        let file = self.files[&id].clone();
        let fallback = e.status == TranslationStatus::Missing;
        let content_lang = self.site.config.languages[e.content_lang(self.site)]
            .code
            .clone();
        let rendered = self.render_markdown(id);
        let mut doc = self.doc(&e.title);
        if fallback {
            doc.text_element(
                "p",
                &[("class", "notice"), ("role", "note")],
                &self.t("fallback-notice"),
            );
            self.fallbacks.push(e.title.clone());
        }
        let heading_id = format!("{}-title", file.trim_end_matches(".xhtml"));
        let mut attrs = vec![
            ("epub:type", kind),
            ("aria-labelledby", heading_id.as_str()),
        ];
        attrs.push((
            "role",
            if kind == "chapter" {
                "doc-chapter"
            } else {
                "doc-appendix"
            },
        ));
        if fallback {
            attrs.push(("lang", content_lang.as_str()));
            attrs.push(("xml:lang", content_lang.as_str()));
        }
        doc.open("section", &attrs);
        if let Some(crate::content::front_matter::Meta::Chapter { number, .. }) = self.site.meta(id)
        {
            let label = self.i18n.get(
                self.lang,
                "chapter-number",
                &[("number", Arg::Number(f64::from(*number)))],
            );
            doc.text_element_lang(
                "p",
                &[("class", "eyebrow")],
                &label,
                fallback.then_some(self.code.as_str()),
            );
        }
        doc.text_element("h1", &[("id", &heading_id)], &e.title);
        if let Some(summary) = &e.summary {
            doc.text_element("p", &[("class", "summary")], summary);
        }
        fragment_to_xhtml(&mut doc, &rendered);
        doc.close("section");
        let title = e.title.clone();
        self.add(
            file.trim_end_matches(".xhtml"),
            &file,
            None,
            doc.finish(),
            true,
        );
        NavPoint {
            title,
            href: file,
            lang: fallback.then_some(content_lang),
            children: Vec::new(),
        }
    }

    fn render_markdown(&self, id: EntryId) -> String {
        let web = EntryResolver {
            site: self.site,
            index: self.index,
            entry: id,
        };
        let resolver = EpubResolver { book: self, web };
        crate::build::render_entry_with(self.site, self.i18n, id, &resolver).html
    }

    fn appendix(&mut self) {
        let practices = self.site.trees[self.lang].practices.clone();
        if practices.is_empty() {
            return;
        }
        let title = self.t("epub-appendix-title");
        let mut doc = self.doc(&title);
        doc.open(
            "section",
            &[
                ("epub:type", "appendix"),
                ("role", "doc-appendix"),
                ("aria-labelledby", "appendix-title"),
            ],
        );
        doc.text_element("h1", &[("id", "appendix-title")], &title);
        let mut children = Vec::new();
        for (word, stage) in Stage::WORDS {
            let group: Vec<EntryId> = practices
                .iter()
                .copied()
                .filter(|id| self.site.stage(*id) == Some(*stage))
                .collect();
            if group.is_empty() {
                continue;
            }
            let label = self.t(&format!("stage-{word}"));
            doc.text_element("h2", &[("id", word)], &label);
            doc.text_element("p", &[], &self.t(&format!("stage-{word}-text")));
            doc.open("ul", &[]);
            for id in &group {
                doc.open("li", &[]);
                doc.text_element(
                    "a",
                    &[("href", &self.files[id])],
                    &self.site.entries[*id].title,
                );
                doc.close("li");
            }
            doc.close("ul");
            let points = group
                .iter()
                .map(|id| self.chapter(*id, "appendix"))
                .collect();
            // In the nav a group heading is not a link (its anchor comes before the previous
            // group's files in reading order); the NCX needs a target, so it keeps the anchor.
            let href = format!("appendix.xhtml#{word}");
            children.push(NavPoint {
                title: label,
                href,
                lang: Some(String::new()),
                children: points,
            });
        }
        doc.close("section");
        let at = self.items.len() - children.iter().map(|c| c.children.len()).sum::<usize>();
        let appendix = Item {
            id: "appendix".into(),
            href: "appendix.xhtml".into(),
            media_type: "application/xhtml+xml",
            properties: None,
            bytes: doc.finish(),
            spine: true,
        };
        self.items.insert(at, appendix);
        self.nav.push(NavPoint {
            title,
            href: "appendix.xhtml".into(),
            lang: None,
            children,
        });
    }

    fn colophon(&mut self) {
        let title = self.t("epub-colophon");
        let date = DateFormatter::new(&self.site.config.languages[self.lang].locale)
            .format(self.modified.to_zoned(jiff::tz::TimeZone::UTC).date());
        let mut doc = self.doc(&title);
        doc.open(
            "section",
            &[
                ("epub:type", "colophon"),
                ("role", "doc-colophon"),
                ("aria-labelledby", "colophon-title"),
            ],
        );
        doc.text_element("h1", &[("id", "colophon-title")], &title);
        doc.text_element("p", &[], &self.t("epub-partners"));
        doc.text_element("p", &[], &self.t("project-motto"));
        if let Some(license) = &self.site.config.license {
            doc.text_element(
                "p",
                &[],
                &self.i18n.get(
                    self.lang,
                    "footer-license",
                    &[("license", Arg::Text(license.name.clone()))],
                ),
            );
        }
        if self.site.config.eu_funding {
            doc.text_element("p", &[], &self.t("footer-eu-funded"));
            doc.text_element("p", &[], &self.t("footer-eu-disclaimer"));
        }
        doc.text_element(
            "p",
            &[],
            &self
                .i18n
                .get(self.lang, "epub-built-on", &[("date", Arg::Text(date))]),
        );
        if !self.fallbacks.is_empty() {
            doc.text_element("p", &[], &self.t("epub-fallback-list"));
            doc.open("ul", &[("lang", "en"), ("xml:lang", "en")]);
            for t in self.fallbacks.clone() {
                doc.text_element("li", &[], &t);
            }
            doc.close("ul");
        }
        doc.close("section");
        self.add("colophon", "colophon.xhtml", None, doc.finish(), true);
        self.nav.push(NavPoint {
            title,
            href: "colophon.xhtml".into(),
            lang: None,
            children: Vec::new(),
        });
    }

    fn nav_document(&self) -> Item {
        let title = self.t("epub-contents");
        let mut doc = self.doc(&title);
        doc.open(
            "nav",
            &[
                ("epub:type", "toc"),
                ("role", "doc-toc"),
                ("id", "toc"),
                ("aria-labelledby", "toc-title"),
            ],
        );
        doc.text_element("h1", &[("id", "toc-title")], &title);
        write_nav_list(&mut doc, &self.nav);
        doc.close("nav");
        doc.open(
            "nav",
            &[
                ("epub:type", "landmarks"),
                ("hidden", "hidden"),
                ("aria-label", &self.t("epub-landmarks")),
            ],
        );
        doc.open("ol", &[]);
        let first = self
            .nav
            .iter()
            .find(|p| p.href != "title.xhtml")
            .map_or("title.xhtml", |p| p.href.as_str());
        for (kind, href, label) in [
            ("cover", "cover.xhtml", self.title()),
            ("toc", "nav.xhtml", title.clone()),
            ("bodymatter", first, self.t("epub-start")),
        ] {
            doc.open("li", &[]);
            doc.text_element("a", &[("epub:type", kind), ("href", href)], &label);
            doc.close("li");
        }
        doc.close("ol");
        doc.close("nav");
        Item {
            id: "nav".into(),
            href: "nav.xhtml".into(),
            media_type: "application/xhtml+xml",
            properties: Some("nav"),
            bytes: doc.finish(),
            spine: true,
        }
    }

    fn embed_images(&mut self) -> Result<(), Diagnostic> {
        let content = self
            .site
            .config
            .root
            .join(crate::content::discover::CONTENT_DIR);
        let images: Vec<String> = self.images.borrow().iter().cloned().collect();
        for (i, rel) in images.iter().enumerate() {
            let bytes = std::fs::read(content.join(rel)).map_err(|e| {
                Diagnostic::error("epub", format!("cannot read content/{rel}: {e}"))
            })?;
            self.add(
                &format!("img-{i}"),
                &format!("{MEDIA_DIR}/{rel}"),
                None,
                bytes,
                false,
            );
        }
        Ok(())
    }

    fn identifier(&self) -> String {
        let name = format!("{}{}", self.site.config.base_url, self.code);
        format!(
            "urn:uuid:{}",
            uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
        )
    }

    fn ncx(&self) -> Vec<u8> {
        xhtml::ncx(
            &self.code,
            &self.identifier(),
            &self.title(),
            &flatten_nav(&self.nav),
        )
    }

    fn package(&self) -> Vec<u8> {
        let meta = xhtml::PackageMeta {
            lang: &self.code,
            identifier: self.identifier(),
            title: self.title(),
            creator: self
                .site
                .config
                .publisher
                .clone()
                .unwrap_or_else(|| self.t("epub-partners")),
            rights: self.site.config.license.as_ref().map(|l| l.name.clone()),
            modified: self.modified.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            summary: self.t("epub-accessibility-summary"),
            description: self.t("site-description"),
        };
        let manifest: Vec<xhtml::ManifestItem<'_>> = self
            .items
            .iter()
            .map(|i| xhtml::ManifestItem {
                id: &i.id,
                href: &i.href,
                media_type: i.media_type,
                properties: i.properties,
                spine: i.spine,
            })
            .collect();
        xhtml::package(&meta, &manifest)
    }
}

fn flatten_nav(points: &[NavPoint]) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    fn walk(points: &[NavPoint], depth: usize, out: &mut Vec<(usize, String, String)>) {
        for p in points {
            out.push((depth, p.title.clone(), p.href.clone()));
            walk(&p.children, depth + 1, out);
        }
    }
    walk(points, 0, &mut out);
    out
}

fn write_nav_list(doc: &mut Doc, points: &[NavPoint]) {
    doc.open("ol", &[]);
    for p in points {
        doc.open("li", &[]);
        match p.lang.as_deref() {
            Some("") => doc.text_element("span", &[], &p.title),
            Some(l) => doc.text_element(
                "a",
                &[("href", &p.href), ("lang", l), ("xml:lang", l)],
                &p.title,
            ),
            None => doc.text_element("a", &[("href", &p.href)], &p.title),
        }
        if !p.children.is_empty() {
            write_nav_list(doc, &p.children);
        }
        doc.close("li");
    }
    doc.close("ol");
}

/// Resolves links for the book: pages in the book become files, others keep their web address.
struct EpubResolver<'b, 'a> {
    book: &'b Book<'a>,
    web: EntryResolver<'a>,
}

impl Resolver for EpubResolver<'_, '_> {
    fn link(&self, dest: &str) -> Result<Resolved, Problem> {
        let mut resolved = self.web.link(dest)?;
        let site = self.book.site;
        let fragment = resolved
            .url
            .split_once('#')
            .map(|(_, f)| format!("#{f}"))
            .unwrap_or_default();
        if let Some(page) = resolved.page {
            resolved.url = match self.book.files.get(&page) {
                Some(file) => format!("{file}{fragment}"),
                None => format!(
                    "{}{}{fragment}",
                    site.config.base_url, site.entries[page].path
                ),
            };
        } else if let Some(i) = resolved.url.find(&format!("{MEDIA_DIR}/")) {
            resolved.url = format!("{}{}", site.config.base_url, &resolved.url[i..]);
        }
        Ok(resolved)
    }

    fn image(&self, src: &str) -> Result<String, Problem> {
        let url = self.web.image(src)?;
        let marker = format!("{MEDIA_DIR}/");
        let rel = url
            .find(&marker)
            .map_or(url.clone(), |i| url[i + marker.len()..].to_string());
        self.book.images.borrow_mut().insert(rel.clone());
        Ok(format!("{MEDIA_DIR}/{rel}"))
    }
}

fn media_type(href: &str) -> &'static str {
    match href.rsplit('.').next().unwrap_or("") {
        "xhtml" => "application/xhtml+xml",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ncx" => "application/x-dtbncx+xml",
        _ => "application/octet-stream",
    }
}

/// The cover image of a language's book (also the guide's `og:image`).
pub fn cover(i18n: &I18n, lang: usize) -> String {
    let t = |k: &str| i18n.get(lang, k, &[]);
    cover_svg(
        &t("site-title"),
        &t("site-description"),
        &t("project-motto"),
    )
}

/// The cover: the localized title on the theme's colours, as SVG.
fn cover_svg(title: &str, description: &str, motto: &str) -> String {
    let mut doc = xhtml::Svg::new(600, 900);
    doc.rect(0, 0, 600, 900, "#1d4e89");
    doc.rect(40, 40, 520, 820, "none");
    doc.lines(&xhtml::wrap(title, 16), 300, 330, 56, "#ffffff", true);
    doc.lines(
        &xhtml::wrap(description, 34),
        300,
        520,
        26,
        "#e8eef7",
        false,
    );
    doc.lines(&xhtml::wrap(motto, 36), 300, 760, 22, "#fbbf24", false);
    doc.finish(title)
}

/// Write the EPUB container: `mimetype` first and stored, everything else deflated, fixed times.
fn zip_book(opf: &[u8], items: &[Item]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime};
    let fixed = DateTime::default();
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(fixed)
        .unix_permissions(0o644);
    let deflated = stored.compression_method(CompressionMethod::Deflated);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/epub+zip")?;
    zip.start_file("META-INF/container.xml", deflated)?;
    zip.write_all(xhtml::CONTAINER.as_bytes())?;
    zip.start_file("OEBPS/package.opf", deflated)?;
    zip.write_all(opf)?;
    for item in items {
        zip.start_file(format!("OEBPS/{}", item.href), deflated)?;
        zip.write_all(&item.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
