//! Images under `content/` that no page shows, and images so large that pages load slowly on
//! the phones most readers use.
//!
//! An image counts as shown when a rendered page links it under `media/`: the link resolver
//! has already picked each language's variant (`cycle.tr.svg`), so what is looked at is what
//! readers get, language by language.

use std::collections::HashSet;
use std::path::Path;

use crate::content::Site;
use crate::content::discover::CONTENT_DIR;
use crate::content::links::MEDIA_DIR;
use crate::diagnostic::{Diagnostic, Location};
use crate::text::percent_decode;

/// Images above this size get a warning (500 KB).
pub const LARGE_IMAGE_BYTES: u64 = 500 * 1024;

const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"];

/// Warn about unused and very large images.
pub fn check(site: &Site, problems: &mut Vec<Diagnostic>) {
    let shown = shown_media(site);
    for rel in site.assets.iter().filter(|p| is_image(p)) {
        let name = rel.to_string_lossy().replace('\\', "/");
        let path = Path::new(CONTENT_DIR).join(rel);
        if !shown.contains(name.as_str()) {
            problems.push(
                Diagnostic::warning("unused-image", format!("no page shows the image {CONTENT_DIR}/{name}"))
                    .at(Location::file(&path))
                    .hint(format!("show it in a page with ![what the image shows](../{name}), or delete it (images are published only to be shown)")),
            );
        }
        let size = std::fs::metadata(site.config.root.join(&path)).map_or(0, |m| m.len());
        if size > LARGE_IMAGE_BYTES {
            problems.push(
                Diagnostic::warning(
                    "large-image",
                    format!("the image {CONTENT_DIR}/{name} is {}", human_size(size)),
                )
                .at(Location::file(&path))
                .hint("images over 500 KB make pages slow on phones: make it at most 1600 pixels wide and save it as JPEG (quality 80) or WebP"),
            );
        }
    }
}

fn is_image(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Every file under `media/` that a rendered page links, relative to `content/`.
fn shown_media(site: &Site) -> HashSet<&str> {
    site.bodies
        .iter()
        .flat_map(|body| body.media.get_or_init(|| linked_media(&body.html)))
        .map(String::as_str)
        .collect()
}

/// The files under `media/` that one page's HTML links.
fn linked_media(html: &str) -> Vec<String> {
    let marker = format!("{MEDIA_DIR}/");
    let mut shown = Vec::new();
    {
        for (i, _) in html.match_indices(&marker) {
            let starts_url = i == 0 || matches!(html.as_bytes()[i - 1], b'/' | b'"' | b'\'');
            if !starts_url {
                continue;
            }
            let rest = &html[i + marker.len()..];
            let end = rest
                .find(|c: char| "\"'#?<> )".contains(c))
                .unwrap_or(rest.len());
            shown.push(percent_decode(&rest[..end].replace("&amp;", "&")));
        }
    }
    shown
}

/// A size as people read it: `742 KB`, `1.3 MB`.
pub fn human_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(600 * 1024), "600 KB");
        assert_eq!(human_size(1_363_149), "1.3 MB");
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("images/a%20b.png"), "images/a b.png");
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn only_images_are_checked() {
        assert!(is_image(Path::new("images/a.PNG")));
        assert!(!is_image(Path::new("files/a.pdf")));
    }
}
