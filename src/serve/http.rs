//! The preview server: the last good site from memory, the live-reload channel, nothing else.
//!
//! Only GET and HEAD; only paths inside the site (no `..`, encoded or not, no backslashes, no
//! absolute paths); files come from memory, never from the disk, so nothing outside the build
//! can be read. HTML responses get the live-reload script, which exists only in serve mode.

use std::sync::{Arc, Mutex, RwLock};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::broadcast;

use super::engine::{Engine, Files};

/// The URL prefix of serve mode's own endpoints.
pub const PREFIX: &str = "/__guidebook/";

/// What the browser is told.
#[derive(Debug, Clone)]
pub enum Message {
    /// These URL paths changed (`*`: all).
    Reload(Vec<String>),
    /// The last rebuild failed; JSON list of problems.
    Overlay(String),
    /// The problems are fixed.
    Clear,
}

/// What the handlers share.
pub struct ServerState {
    pub files: RwLock<Arc<Files>>,
    pub overlay: RwLock<Option<String>>,
    pub events: broadcast::Sender<Message>,
    pub engine: Arc<Mutex<Engine>>,
    /// The source language's code, so requests never wait for a rebuild to read it.
    pub source: RwLock<String>,
}

/// Map a request path to a file of the site, or `None` when it may not be served.
pub fn resolve_path(raw: &str) -> Option<String> {
    let path = raw.split(['?', '#']).next().unwrap_or(raw);
    let decoded = crate::text::percent_decode_strict(path)?;
    if decoded.contains(['\\', '\0']) || decoded.starts_with("//") || !decoded.starts_with('/') {
        return None;
    }
    let rel = &decoded[1..];
    if rel
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.contains(':'))
    {
        return None;
    }
    if rel.is_empty() || rel.ends_with('/') {
        return Some(format!("{rel}index.html"));
    }
    Some(rel.to_string())
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "epub" => "application/epub+zip",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Add the live-reload script to an HTML page; it offers the compare view on pages whose
/// language is not `source`.
pub fn inject_live_reload(html: &[u8], source: &str) -> Vec<u8> {
    let script =
        format!("<script src=\"{PREFIX}live.js\" data-source-lang=\"{source}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

fn respond(status: StatusCode, path: &str, bytes: Vec<u8>, head: bool, source: &str) -> Response {
    let bytes = if path.ends_with(".html") {
        inject_live_reload(&bytes, source)
    } else {
        bytes
    };
    let mut response = if head {
        Response::new(Body::empty())
    } else {
        Response::new(Body::from(bytes))
    };
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Serve a file of the last good site.
pub async fn site_file(
    State(state): State<Arc<ServerState>>,
    method: Method,
    uri: Uri,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "only GET and HEAD",
        )
            .into_response();
    }
    let head = method == Method::HEAD;
    let files = state
        .files
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let source = state
        .source
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(path) = resolve_path(uri.path()) else {
        return not_found(&files, head, &source);
    };
    if uri
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "compare"))
    {
        let page = state.engine.lock().ok().and_then(|e| e.compare(uri.path()));
        if let Some(html) = page {
            return respond(
                StatusCode::OK,
                "compare.html",
                html.into_bytes(),
                head,
                &source,
            );
        }
    }
    if let Some(bytes) = files.get(&path) {
        return respond(StatusCode::OK, &path, bytes.to_vec(), head, &source);
    }
    if files.contains_key(&format!("{path}/index.html")) {
        let location = format!("{}/", uri.path());
        return (
            StatusCode::MOVED_PERMANENTLY,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    if path.ends_with(".epub") {
        let engine = state.engine.clone();
        let wanted = path.clone();
        let book = tokio::task::spawn_blocking(move || engine.lock().ok()?.ebook(&wanted))
            .await
            .ok()
            .flatten();
        if let Some(bytes) = book {
            return respond(StatusCode::OK, &path, bytes.to_vec(), head, &source);
        }
    }
    not_found(&files, head, &source)
}

fn not_found(files: &Files, head: bool, source: &str) -> Response {
    match files.get("404.html") {
        Some(page) => respond(
            StatusCode::NOT_FOUND,
            "404.html",
            page.to_vec(),
            head,
            source,
        ),
        None => {
            let page = b"<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><p>Not found.</p></body></html>".to_vec();
            respond(StatusCode::NOT_FOUND, "404.html", page, head, source)
        }
    }
}

/// The live-reload script.
pub async fn live_js() -> Response {
    let mut response = Response::new(Body::from(include_str!("live.js")));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    response
}

fn to_event(message: &Message) -> Event {
    match message {
        Message::Reload(paths) => Event::default()
            .event("reload")
            .data(serde_json::to_string(paths).unwrap_or_default()),
        Message::Overlay(json) => Event::default().event("overlay").data(json.clone()),
        Message::Clear => Event::default().event("clear").data("{}"),
    }
}

/// The server-sent events channel: the current state first, then every change.
pub async fn events(State(state): State<Arc<ServerState>>) -> impl IntoResponse {
    let current = match state
        .overlay
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
    {
        Some(json) => Message::Overlay(json),
        None => Message::Clear,
    };
    let receiver = state.events.subscribe();
    let first = futures_util::stream::once(async move {
        Ok::<Event, std::convert::Infallible>(to_event(&current))
    });
    let rest = futures_util::stream::unfold(receiver, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(message) => return Some((Ok(to_event(&message)), rx)),
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(futures_util::StreamExt::chain(first, rest)).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_site_resolve() {
        assert_eq!(resolve_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            resolve_path("/tr/guide/").as_deref(),
            Some("tr/guide/index.html")
        );
        assert_eq!(
            resolve_path("/static/style.css?v=1").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(
            resolve_path("/hr/%C5%BEivot/").as_deref(),
            Some("hr/život/index.html")
        );
    }

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2e%2e/x",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "//etc/passwd",
            "/C:/x",
            "/a/%00",
            "/%zz",
        ] {
            assert_eq!(resolve_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let html = inject_live_reload(b"<html><body><p>x</p></body></html>", "en");
        assert!(
            String::from_utf8(html)
                .unwrap()
                .ends_with("<script src=\"/__guidebook/live.js\" data-source-lang=\"en\" defer></script></body></html>")
        );
    }
}
