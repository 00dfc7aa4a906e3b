//! Small helpers over quick-xml's writer, shared by the feeds, the sitemap and the ebook, so
//! escaping and well-formedness are always the writer's job.

use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// A writer into memory.
pub type XmlWriter = Writer<Cursor<Vec<u8>>>;

/// A writer that has written the XML declaration; `indent` spaces per level (0: none).
pub fn writer(indent: usize) -> XmlWriter {
    let mut w = match indent {
        0 => Writer::new(Cursor::new(Vec::new())),
        n => Writer::new_with_indent(Cursor::new(Vec::new()), b' ', n),
    };
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    w
}

/// A start tag with attributes.
pub fn tag(name: &str, attrs: &[(&str, &str)]) -> BytesStart<'static> {
    let mut el = BytesStart::new(name.to_string());
    for (k, v) in attrs {
        el.push_attribute((*k, *v));
    }
    el
}

/// Open an element.
pub fn open(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) {
    let _ = w.write_event(Event::Start(tag(name, attrs)));
}

/// An empty element (`<link/>`).
pub fn empty(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) {
    let _ = w.write_event(Event::Empty(tag(name, attrs)));
}

/// Close an element.
pub fn close(w: &mut XmlWriter, name: &str) {
    let _ = w.write_event(Event::End(BytesEnd::new(name.to_string())));
}

/// An element with only (escaped) text inside.
pub fn element(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)], text: &str) {
    open(w, name, attrs);
    let _ = w.write_event(Event::Text(BytesText::new(text)));
    close(w, name);
}
