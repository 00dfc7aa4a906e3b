//! External links (`http://`, `https://`), checked only on request (`check --external`): the
//! site builds offline, and other sites go down for an hour without the guide being wrong.
//!
//! Every URL is requested once however many pages link it, by a bounded number of workers,
//! each request with a timeout. A page that is gone (404, 410) is an error; anything else that
//! fails (a timeout, a server error, a site that refuses robots) is a warning to look at.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use pulldown_cmark::{Event, Parser, Tag};

use crate::content::Site;
use crate::diagnostic::{Diagnostic, Location};
use crate::markdown::parser_options;

/// How many requests run at once.
pub const WORKERS: usize = 8;
/// How long one request may take.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// A link to another site, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalLink {
    pub url: String,
    pub at: Location,
}

/// What requesting a URL gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The server answered with this error status.
    Status(u16),
    /// No answer: the reason.
    Failed(String),
}

/// Check every external link of the site and report the broken ones at each place they are.
pub fn check(site: &Site, problems: &mut Vec<Diagnostic>) {
    let links = collect(site);
    let mut urls: Vec<String> = links.iter().map(|l| request_url(&l.url)).collect();
    urls.sort();
    urls.dedup();
    let outcomes = probe_all(&urls, WORKERS, TIMEOUT);
    for link in links {
        if let Some(d) = outcomes
            .get(&request_url(&link.url))
            .and_then(|o| diagnose(&link.url, o))
        {
            problems.push(d.at(link.at));
        }
    }
}

/// Every http(s) link and image of every file (sources and translations), in file order.
pub fn collect(site: &Site) -> Vec<ExternalLink> {
    let mut links = Vec::new();
    for page in &site.pages {
        for (event, range) in Parser::new_ext(&page.body, parser_options()).into_offset_iter() {
            let url = match event {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
                _ => continue,
            };
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                links.push(ExternalLink {
                    url: url.to_string(),
                    at: Location::at_offset(
                        &page.file.path,
                        &page.body,
                        range.start,
                        page.body_line,
                    ),
                });
            }
        }
    }
    links
}

/// The URL without its `#fragment`, which the server never sees.
fn request_url(url: &str) -> String {
    url.split('#').next().unwrap_or(url).to_string()
}

/// Request each URL once with `workers` threads; each request gives up after `timeout`.
pub fn probe_all(urls: &[String], workers: usize, timeout: Duration) -> HashMap<String, Outcome> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!(
            "guidebook/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(BTreeMap::new());
    std::thread::scope(|s| {
        for _ in 0..workers.clamp(1, urls.len().max(1)) {
            s.spawn(|| {
                while let Some(url) = urls.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = probe(&agent, url);
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(url.clone(), outcome);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .collect()
}

fn probe(agent: &ureq::Agent, url: &str) -> Outcome {
    match agent.get(url).call() {
        Ok(response) if response.status().as_u16() < 400 => Outcome::Ok,
        Ok(response) => Outcome::Status(response.status().as_u16()),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// The problem an outcome means for a link, if any.
fn diagnose(url: &str, outcome: &Outcome) -> Option<Diagnostic> {
    match outcome {
        Outcome::Ok => None,
        Outcome::Status(code @ (404 | 410)) => Some(
            Diagnostic::error("external-link", format!("{url} does not exist (the site answers {code})"))
                .hint("find the page's new address on that site and update the link, or remove it"),
        ),
        Outcome::Status(code) => Some(
            Diagnostic::warning("external-link", format!("{url} answered with error {code}"))
                .hint("open the link in a browser: if it works there, the site only refuses automatic checks"),
        ),
        Outcome::Failed(reason) => Some(
            Diagnostic::warning("external-link", format!("{url} could not be reached: {reason}"))
                .hint("open the link in a browser; if the site is gone, update or remove the link"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A server on 127.0.0.1 that answers 200 for /ok and 404 for anything else.
    fn local_server(requests: usize) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(requests) {
                let mut stream = stream.unwrap();
                let mut buf = [0u8; 2048];
                let n = stream.read(&mut buf).unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]);
                let status = if request.starts_with("GET /ok ") {
                    "200 OK"
                } else {
                    "404 Not Found"
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            }
        });
        port
    }

    #[test]
    fn local_urls_are_probed_in_parallel() {
        let port = local_server(2);
        let closed = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let urls = vec![
            format!("http://127.0.0.1:{port}/ok"),
            format!("http://127.0.0.1:{port}/gone"),
            format!("http://127.0.0.1:{closed}/"),
        ];
        let outcomes = probe_all(&urls, 3, Duration::from_secs(5));
        assert_eq!(outcomes[&urls[0]], Outcome::Ok);
        assert_eq!(outcomes[&urls[1]], Outcome::Status(404));
        assert!(matches!(outcomes[&urls[2]], Outcome::Failed(_)));
    }

    #[test]
    fn gone_pages_are_errors_and_other_failures_warnings() {
        let gone = diagnose("https://x.org/a", &Outcome::Status(410)).unwrap();
        assert!(gone.is_error());
        let busy = diagnose("https://x.org/a", &Outcome::Status(503)).unwrap();
        assert!(!busy.is_error());
        assert!(diagnose("https://x.org/a", &Outcome::Ok).is_none());
        assert_eq!(request_url("https://x.org/a#b"), "https://x.org/a");
    }
}
