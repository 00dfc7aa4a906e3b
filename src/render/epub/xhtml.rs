//! XML for the ebook, written with quick-xml: XHTML documents, the package, the NCX, the cover.
//!
//! `fragment_to_xhtml` is the bridge from the site's HTML: html5ever (through scraper) parses the
//! rendered Markdown as HTML does, and the tree is written back as XML, so void elements, entities
//! and attributes come out well-formed whatever the author wrote.

use std::io::Cursor;

use super::super::xml::{self, XmlWriter, element, tag};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesText, Event};
use scraper::Node;

/// `META-INF/container.xml`: where the package document is.
pub const CONTAINER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"#;

type W = XmlWriter;

fn writer() -> W {
    let mut w = xml::writer(0);
    let _ = w.write_event(Event::Text(BytesText::from_escaped("\n")));
    w
}

/// An XHTML content document being written.
pub struct Doc {
    w: W,
}

impl Doc {
    /// Start a document in a language, with its title and the book's stylesheet.
    pub fn new(lang: &str, title: &str) -> Doc {
        let mut w = writer();
        let _ = w.write_event(Event::DocType(BytesText::from_escaped("html")));
        let mut doc = Doc { w };
        doc.raw("\n");
        doc.open(
            "html",
            &[
                ("xmlns", "http://www.w3.org/1999/xhtml"),
                ("xmlns:epub", "http://www.idpf.org/2007/ops"),
                ("lang", lang),
                ("xml:lang", lang),
            ],
        );
        doc.open("head", &[]);
        doc.empty("meta", &[("charset", "UTF-8")]);
        doc.text_element("title", &[], title);
        doc.empty(
            "link",
            &[
                ("rel", "stylesheet"),
                ("type", "text/css"),
                ("href", "style.css"),
            ],
        );
        doc.close("head");
        doc.open("body", &[]);
        doc
    }

    fn raw(&mut self, text: &str) {
        let _ = self
            .w
            .write_event(Event::Text(BytesText::from_escaped(text.to_string())));
    }

    /// Open an element.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let _ = self.w.write_event(Event::Start(tag(name, attrs)));
    }

    /// Close an element.
    pub fn close(&mut self, name: &str) {
        let _ = self
            .w
            .write_event(Event::End(BytesEnd::new(name.to_string())));
        if matches!(
            name,
            "p" | "li"
                | "section"
                | "nav"
                | "ol"
                | "ul"
                | "h1"
                | "h2"
                | "head"
                | "div"
                | "table"
                | "tr"
        ) {
            self.raw("\n");
        }
    }

    /// An empty element (`<img/>`).
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let _ = self.w.write_event(Event::Empty(tag(name, attrs)));
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        let _ = self.w.write_event(Event::Text(BytesText::new(text)));
    }

    /// An element with only text inside.
    pub fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    /// An element with text in another language than its surroundings, when `lang` is given.
    pub fn text_element_lang(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
        lang: Option<&str>,
    ) {
        let mut all = attrs.to_vec();
        if let Some(l) = lang {
            all.push(("lang", l));
            all.push(("xml:lang", l));
        }
        self.text_element(name, &all, text);
    }

    /// Close the body and the document and return its bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.close("body");
        self.close("html");
        self.w.into_inner().into_inner()
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Write an HTML fragment (rendered Markdown) into a document as XHTML.
pub fn fragment_to_xhtml(doc: &mut Doc, html: &str) {
    let fragment = scraper::Html::parse_fragment(html);
    for child in fragment.root_element().children() {
        write_node(doc, child);
    }
}

fn write_node(doc: &mut Doc, node: ego_tree::NodeRef<'_, Node>) {
    match node.value() {
        Node::Text(t) => doc.text(t),
        Node::Element(el) => {
            let name = el.name();
            let mut attrs: Vec<(String, String)> = el
                .attrs()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            epub_semantics(name, &mut attrs);
            let borrowed: Vec<(&str, &str)> = attrs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            if VOID.contains(&name) {
                doc.empty(name, &borrowed);
            } else {
                doc.open(name, &borrowed);
                for child in node.children() {
                    write_node(doc, child);
                }
                doc.close(name);
            }
        }
        _ => {}
    }
}

/// Add EPUB structural semantics to what the Markdown renderer marks with ARIA roles.
fn epub_semantics(name: &str, attrs: &mut Vec<(String, String)>) {
    let role = attrs
        .iter()
        .find(|(k, _)| k == "role")
        .map(|(_, v)| v.clone());
    let epub_type = match (name, role.as_deref()) {
        ("a", Some("doc-noteref")) => Some("noteref"),
        ("section", Some("doc-endnotes")) => Some("endnotes"),
        ("a", Some("doc-backlink")) => Some("backlink"),
        _ => None,
    };
    if let Some(t) = epub_type {
        attrs.push(("epub:type".into(), t.into()));
    }
    if name == "li" && attrs.iter().any(|(k, v)| k == "id" && v.starts_with("fn-")) {
        attrs.push(("epub:type".into(), "endnote".into()));
    }
}

/// Metadata of the package document.
pub struct PackageMeta<'a> {
    pub lang: &'a str,
    pub identifier: String,
    pub title: String,
    pub creator: String,
    pub rights: Option<String>,
    pub modified: String,
    pub summary: String,
    pub description: String,
}

/// One file of the book in the manifest (and in the spine when `spine`).
pub struct ManifestItem<'a> {
    pub id: &'a str,
    pub href: &'a str,
    pub media_type: &'a str,
    pub properties: Option<&'a str>,
    pub spine: bool,
}

/// The package document (`package.opf`) with EPUB Accessibility 1.1 metadata.
pub fn package(meta: &PackageMeta<'_>, items: &[ManifestItem<'_>]) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = w.write_event(Event::Start(tag(
        "package",
        &[
            ("xmlns", "http://www.idpf.org/2007/opf"),
            ("version", "3.0"),
            ("unique-identifier", "book-id"),
            ("xml:lang", meta.lang),
            ("dir", "ltr"),
        ],
    )));
    let _ = w.write_event(Event::Start(tag(
        "metadata",
        &[("xmlns:dc", "http://purl.org/dc/elements/1.1/")],
    )));
    element(
        &mut w,
        "dc:identifier",
        &[("id", "book-id")],
        &meta.identifier,
    );
    element(&mut w, "dc:title", &[], &meta.title);
    element(&mut w, "dc:language", &[], meta.lang);
    element(&mut w, "dc:creator", &[], &meta.creator);
    element(&mut w, "dc:publisher", &[], &meta.creator);
    element(&mut w, "dc:description", &[], &meta.description);
    if let Some(r) = &meta.rights {
        element(&mut w, "dc:rights", &[], r);
    }
    element(
        &mut w,
        "meta",
        &[("property", "dcterms:modified")],
        &meta.modified,
    );
    let a11y: [(&str, &str); 9] = [
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),
        ("schema:accessModeSufficient", "textual"),
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityHazard", "none"),
        (
            "dcterms:conformsTo",
            "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
        ),
    ];
    for (property, value) in a11y {
        element(&mut w, "meta", &[("property", property)], value);
    }
    element(
        &mut w,
        "meta",
        &[("property", "schema:accessibilitySummary")],
        &meta.summary,
    );
    let _ = w.write_event(Event::End(BytesEnd::new("metadata")));
    let _ = w.write_event(Event::Start(tag("manifest", &[])));
    for i in items {
        let mut attrs = vec![("id", i.id), ("href", i.href), ("media-type", i.media_type)];
        if let Some(p) = i.properties {
            attrs.push(("properties", p));
        }
        let _ = w.write_event(Event::Empty(tag("item", &attrs)));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("manifest")));
    let _ = w.write_event(Event::Start(tag("spine", &[("toc", "ncx")])));
    for i in items.iter().filter(|i| i.spine) {
        let _ = w.write_event(Event::Empty(tag("itemref", &[("idref", i.id)])));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("spine")));
    let _ = w.write_event(Event::End(BytesEnd::new("package")));
    w.into_inner().into_inner()
}

/// The NCX table of contents for EPUB 2 reading systems; `points` are (depth, title, href).
pub fn ncx(
    lang: &str,
    identifier: &str,
    title: &str,
    points: &[(usize, String, String)],
) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = w.write_event(Event::Start(tag(
        "ncx",
        &[
            ("xmlns", "http://www.daisy.org/z3986/2005/ncx/"),
            ("version", "2005-1"),
            ("xml:lang", lang),
        ],
    )));
    let _ = w.write_event(Event::Start(tag("head", &[])));
    let depth = points
        .iter()
        .map(|p| p.0 + 1)
        .max()
        .unwrap_or(1)
        .to_string();
    for (name, content) in [
        ("dtb:uid", identifier),
        ("dtb:depth", depth.as_str()),
        ("dtb:totalPageCount", "0"),
        ("dtb:maxPageNumber", "0"),
    ] {
        let _ = w.write_event(Event::Empty(tag(
            "meta",
            &[("name", name), ("content", content)],
        )));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("head")));
    let _ = w.write_event(Event::Start(tag("docTitle", &[])));
    element(&mut w, "text", &[], title);
    let _ = w.write_event(Event::End(BytesEnd::new("docTitle")));
    let _ = w.write_event(Event::Start(tag("navMap", &[])));
    for (i, (level, text, href)) in points.iter().enumerate() {
        let (id, order) = (format!("np-{}", i + 1), (i + 1).to_string());
        let _ = w.write_event(Event::Start(tag(
            "navPoint",
            &[("id", &id), ("playOrder", &order)],
        )));
        let _ = w.write_event(Event::Start(tag("navLabel", &[])));
        element(&mut w, "text", &[], text);
        let _ = w.write_event(Event::End(BytesEnd::new("navLabel")));
        let _ = w.write_event(Event::Empty(tag("content", &[("src", href)])));
        let next = points.get(i + 1).map_or(0, |p| p.0);
        if next > *level {
            continue; // its children follow inside it
        }
        for _ in next..=*level {
            let _ = w.write_event(Event::End(BytesEnd::new("navPoint")));
        }
    }
    let _ = w.write_event(Event::End(BytesEnd::new("navMap")));
    let _ = w.write_event(Event::End(BytesEnd::new("ncx")));
    w.into_inner().into_inner()
}

/// Break text into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A small SVG image being written (the cover).
pub struct Svg {
    w: W,
}

impl Svg {
    /// Start an SVG of a size.
    pub fn new(width: u32, height: u32) -> Svg {
        let mut w = writer();
        let (wd, ht, vb) = (
            width.to_string(),
            height.to_string(),
            format!("0 0 {width} {height}"),
        );
        let _ = w.write_event(Event::Start(tag(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", &wd),
                ("height", &ht),
                ("viewBox", &vb),
            ],
        )));
        Svg { w }
    }

    /// A filled (or outlined, with fill `none`) rectangle.
    pub fn rect(&mut self, x: u32, y: u32, width: u32, height: u32, fill: &str) {
        let (x, y, wd, ht) = (
            x.to_string(),
            y.to_string(),
            width.to_string(),
            height.to_string(),
        );
        let stroke = if fill == "none" { "#fbbf24" } else { "none" };
        let _ = self.w.write_event(Event::Empty(tag(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", &wd),
                ("height", &ht),
                ("fill", fill),
                ("stroke", stroke),
                ("stroke-width", "4"),
                ("rx", "12"),
            ],
        )));
    }

    /// Centred lines of text starting at `y`.
    pub fn lines(&mut self, lines: &[String], x: u32, y: u32, size: u32, fill: &str, bold: bool) {
        let weight = if bold { "700" } else { "400" };
        for (i, line) in lines.iter().enumerate() {
            let (xs, ys, fs) = (
                x.to_string(),
                (y + i as u32 * size * 5 / 4).to_string(),
                size.to_string(),
            );
            let attrs = [
                ("x", xs.as_str()),
                ("y", ys.as_str()),
                ("font-size", fs.as_str()),
                ("fill", fill),
                ("font-weight", weight),
                ("text-anchor", "middle"),
                ("font-family", "'Noto Sans', 'DejaVu Sans', sans-serif"),
            ];
            let _ = self.w.write_event(Event::Start(tag("text", &attrs)));
            let _ = self.w.write_event(Event::Text(BytesText::new(line)));
            let _ = self.w.write_event(Event::End(BytesEnd::new("text")));
        }
    }

    /// Close the image, with its title for assistive technology.
    pub fn finish(mut self, title: &str) -> String {
        element(&mut self.w, "title", &[], title);
        let _ = self.w.write_event(Event::End(BytesEnd::new("svg")));
        String::from_utf8(self.w.into_inner().into_inner()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_well_formed_xhtml() {
        let mut doc = Doc::new("tr", "T");
        fragment_to_xhtml(
            &mut doc,
            "<p>a<br>b &amp; <img src=x alt=\"y\"></p><sup><a href=\"#fn-1\" role=\"doc-noteref\">1</a></sup>",
        );
        let text = String::from_utf8(doc.finish()).unwrap();
        assert!(
            text.contains("<p>a<br/>b &amp; <img alt=\"y\" src=\"x\"/></p>"),
            "{text}"
        );
        assert!(text.contains("epub:type=\"noteref\""), "{text}");
        assert!(text.contains("xml:lang=\"tr\""));
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(
            wrap("Every single individual is valuable", 16),
            ["Every single", "individual is", "valuable"]
        );
    }
}
