//! `guidebook serve`: a real server on a free port, edits on disk, reload messages over SSE.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use guidebook::build::Ebooks;
use guidebook::serve::engine::Engine;

use crate::support::SiteTest;

/// A running `guidebook serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    /// How many rebuilds the server reported (lines "… pages rendered …").
    rebuilds: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(site: &SiteTest) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_guidebook"))
            .args(["serve", "--port", "0"])
            .current_dir(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let Some(first) = lines
            .by_ref()
            .map_while(Result::ok)
            .find(|l| l.starts_with("Serving"))
        else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve printed no address");
        };
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .unwrap()
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let rebuilds = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = rebuilds.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if line.contains("pages rendered") {
                    counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
            }
        });
        Server {
            child,
            port,
            rebuilds,
        }
    }

    fn request(&self, method: &str, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        let response = String::from_utf8_lossy(&bytes).into_owned();
        let status = response.split(' ').nth(1).unwrap().parse().unwrap();
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.request("GET", path)
    }

    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(stream, "GET /__guidebook/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        Events {
            stream,
            buffer: String::new(),
        }
    }
}

/// The server-sent events of one connection.
struct Events {
    stream: TcpStream,
    buffer: String,
}

impl Events {
    /// Wait (at most 15 s) for an event of a kind whose data satisfies `want`.
    fn wait_for(&mut self, kind: &str, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            let mut chunk = [0u8; 8192];
            if let Ok(n) = self.stream.read(&mut chunk) {
                self.buffer.push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
            while let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let name = event
                    .lines()
                    .find_map(|l| l.strip_prefix("event: "))
                    .unwrap_or("");
                let data = event
                    .lines()
                    .filter_map(|l| l.strip_prefix("data: "))
                    .collect::<Vec<_>>()
                    .join("\n");
                if name == kind && want(&data) {
                    return data;
                }
            }
        }
        panic!("no {kind} event within 15 s; got: {}", self.buffer);
    }
}

fn wait_until(what: &str, ok: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn an_edit_is_served_and_announced() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let (status, page) = server.get("/en/pages/about/");
    assert_eq!(status, 200);
    assert!(
        page.contains("/__guidebook/live.js"),
        "the live-reload script is injected"
    );
    let mut events = server.events();
    events.wait_for("clear", |_| true);
    let text = site.read("content/pages/about.md") + "\nA sentence added while serving.\n";
    site.file("content/pages/about.md", &text);
    events.wait_for("reload", |d| d.contains("/en/pages/about/"));
    assert!(
        server
            .get("/en/pages/about/")
            .1
            .contains("A sentence added while serving.")
    );
}

#[test]
fn new_deleted_and_renamed_files_are_followed() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let mut events = server.events();
    site.file(
        "content/pages/contact.md",
        "---\ntitle: Contact\n---\nWrite to us.\n",
    );
    events.wait_for("reload", |d| d.contains("/hu/pages/contact/"));
    assert_eq!(server.get("/en/pages/contact/").0, 200);
    std::fs::rename(
        site.root.join("content/pages/contact.md"),
        site.root.join("content/pages/write-to-us.md"),
    )
    .unwrap();
    events.wait_for("reload", |d| d.contains("/en/pages/write-to-us/"));
    assert_eq!(server.get("/en/pages/contact/").0, 404);
    std::fs::remove_file(site.root.join("content/pages/write-to-us.md")).unwrap();
    wait_until("the deleted page to disappear", || {
        server.get("/en/pages/write-to-us/").0 == 404
    });
    let renamed_dir = site.root.join("content/practices");
    std::fs::rename(&renamed_dir, site.root.join("content/practise")).unwrap();
    std::fs::rename(site.root.join("content/practise"), &renamed_dir).unwrap();
    wait_until("the folder to come back", || {
        server.get("/en/practices/peer/").0 == 200
    });
}

#[test]
fn template_and_locale_edits_rebuild_every_page() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let mut events = server.events();
    let path = "themes/default/templates/page.html";
    site.file(
        path,
        &site
            .read(path)
            .replace("<article>", "<article data-edited=\"yes\">"),
    );
    events.wait_for("reload", |d| d.contains("/tr/pages/about/"));
    assert!(
        server
            .get("/tr/pages/about/")
            .1
            .contains("data-edited=\"yes\"")
    );
    let css = site.read("themes/default/static/style.css") + "\n.edited { color: red; }\n";
    site.file("themes/default/static/style.css", &css);
    events.wait_for("reload", |d| d.contains('*'));
    assert!(server.get("/static/style.css").1.contains(".edited"));
}

#[test]
fn a_bad_edit_shows_an_overlay_and_keeps_the_last_good_page() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let mut events = server.events();
    events.wait_for("clear", |_| true);
    let good = site.read("content/pages/about.md");
    site.file(
        "content/pages/about.md",
        "---\ntitle: About\nweight: [\n---\nBroken.\n",
    );
    let overlay = events.wait_for("overlay", |_| true);
    assert!(overlay.contains("content/pages/about.md:3"), "{overlay}");
    let (status, page) = server.get("/en/pages/about/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Objectives"),
        "the last good page is still served"
    );
    site.file("content/pages/about.md", &good);
    events.wait_for("clear", |_| true);
}

#[test]
fn only_files_of_the_site_can_be_read() {
    let site = SiteTest::new("basic");
    let secret = site.root.parent().unwrap().join("secret.txt");
    std::fs::write(&secret, "secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, site.root.join("content/images/link.txt")).unwrap();
    let server = Server::start(&site);
    for bad in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/en/%2E%2E/%2e%2e/secret.txt",
        "/en/..%5c..%5csecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/media/images/link.txt",
        "/site.yaml",
        "/content/_index.md",
    ] {
        let (status, body) = server.get(bad);
        assert_eq!(status, 404, "{bad}");
        assert!(!body.contains("secret"), "{bad}");
    }
    assert_eq!(server.request("POST", "/en/").0, 405);
    assert_eq!(server.request("DELETE", "/en/").0, 405);
    assert_eq!(server.request("HEAD", "/en/").0, 200);
    let (status, body) = server.get("/en/no-such-page/");
    assert_eq!(status, 404);
    assert!(
        body.contains("not-found"),
        "the site's own 404 page is served"
    );
}

#[test]
fn ebooks_are_made_when_their_link_is_requested() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let page = server.get("/tr/guide/").1;
    assert!(page.contains("downloads/test-book-tr.epub"));
    let (status, body) = server.get("/downloads/test-book-tr.epub");
    assert_eq!(status, 200);
    assert!(body.starts_with("PK"), "a zip file");
}

/// A small deterministic random generator, so a failing sequence can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// The files of an engine's last good build, or `None` when its build failed.
fn outcome_files(
    result: Result<guidebook::serve::engine::Outcome, Vec<guidebook::diagnostic::Diagnostic>>,
    engine: &Engine,
) -> Option<std::sync::Arc<guidebook::serve::engine::Files>> {
    result.ok().map(|_| engine.files())
}

/// The paths whose files differ between two builds (both failed: none).
fn differing(
    a: &Option<std::sync::Arc<guidebook::serve::engine::Files>>,
    b: &Option<std::sync::Arc<guidebook::serve::engine::Files>>,
) -> Vec<String> {
    match (a, b) {
        (Some(a), Some(b)) => a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(k) != b.get(k))
            .cloned()
            .collect(),
        (None, None) => Vec::new(),
        _ => vec!["(one build failed, the other did not)".to_string()],
    }
}

#[test]
fn incremental_rebuilds_equal_a_fresh_build() {
    let site = SiteTest::new("basic");
    let base = "http://127.0.0.1:1/";
    // One engine looks at every file, one only at the paths a watcher would report.
    let mut looking = Engine::new(&site.root, base, false, Ebooks::OnRequest);
    let mut told = Engine::new(&site.root, base, false, Ebooks::OnRequest);
    looking.rebuild(true).unwrap();
    told.rebuild(true).unwrap();
    let mut rng = Lcg(20261122);
    let mut log = Vec::new();
    for step in 0..45 {
        let (op, paths) = apply_random_change(&site, &mut rng, step);
        log.push(op);
        let fresh_config = paths.iter().any(|p| p == "site.yaml");
        let a = looking.rebuild(fresh_config);
        let a = outcome_files(a, &looking);
        let hint: Vec<std::path::PathBuf> = paths.iter().map(std::path::PathBuf::from).collect();
        let b = told.rebuild_then(fresh_config, Some(&hint), |_, _| {});
        let b = outcome_files(b, &told);
        let mut fresh = Engine::new(&site.root, base, false, Ebooks::OnRequest);
        let full = fresh.rebuild(true);
        let full = outcome_files(full, &fresh);
        let (da, db) = (differing(&a, &full), differing(&b, &full));
        assert!(
            da.is_empty(),
            "looking at every file, after {log:?}: {da:?} differ"
        );
        assert!(
            db.is_empty(),
            "told the changed paths, after {log:?}: {db:?} differ"
        );
    }
}

/// Change the site at random; returns what was done and the paths it touched.
fn apply_random_change(site: &SiteTest, rng: &mut Lcg, step: usize) -> (String, Vec<String>) {
    let pages = [
        "content/pages/about.md",
        "content/guide/02-second.md",
        "content/practices/peer.md",
        "content/guide/01-isik.tr.md",
        "content/guide/01-isik.md",
    ];
    let extra = |n: usize| format!("content/pages/extra-{n}.md");
    let one = |op: String, path: &str| (op, vec![path.to_string()]);
    match rng.next(10) {
        5 => {
            let path = "themes/default/templates/page.html";
            let text = site
                .read(path)
                .replace("<article", &format!("<article data-step=\"{step}\""));
            site.file(path, &text);
            one(format!("template {path}"), path)
        }
        6 => {
            let path = "locales/lt/main.ftl";
            let text = site
                .read(path)
                .replace("site-title = ", &format!("site-title = {step} "));
            site.file(path, &text);
            one(format!("locale {path}"), path)
        }
        0 => {
            let path = pages[rng.next(pages.len())];
            if let Ok(text) = std::fs::read_to_string(site.root.join(path)) {
                site.file(path, &format!("{text}\nEdit number {step}.\n"));
            }
            one(format!("edit {path}"), path)
        }
        1 => {
            let path = extra(rng.next(3));
            site.file(
                &path,
                &format!(
                    "---\ntitle: Extra page {step}\nweight: {}\n---\nText {step}.\n",
                    rng.next(9)
                ),
            );
            one(format!("add {path}"), &path)
        }
        2 => {
            let path = extra(rng.next(3));
            let _ = std::fs::remove_file(site.root.join(&path));
            one(format!("delete {path}"), &path)
        }
        3 => {
            let (from, to) = (extra(rng.next(3)), extra(rng.next(3)));
            let _ = std::fs::rename(site.root.join(&from), site.root.join(&to));
            (format!("rename {from} {to}"), vec![from, to])
        }
        7 => {
            let path = format!("content/pages/extra-{}.tr.md", rng.next(3));
            if rng.next(2) == 0 {
                let _ = std::fs::remove_file(site.root.join(&path));
                one(format!("delete {path}"), &path)
            } else {
                site.file(
                    &path,
                    &format!("---\ntitle: Ek sayfa {step}\n---\nMetin {step}.\n"),
                );
                one(format!("add {path}"), &path)
            }
        }
        8 => {
            let path = "content/guide/01-isik.md";
            let text = site.read(path);
            let marked = format!("{} {step}\n", text.trim_end());
            site.file(path, &marked);
            one(format!("edit source of a translation {path}"), path)
        }
        9 => {
            let path = "site.yaml";
            let text = site.read(path);
            let flipped = if text.contains("eu_funding: false") {
                text.replace("eu_funding: false", "eu_funding: true")
            } else if text.contains("eu_funding: true") {
                text.replace("eu_funding: true", "eu_funding: false")
            } else {
                format!("{text}\neu_funding: false\n")
            };
            site.file(path, &flipped);
            one(format!("config {path}"), path)
        }
        _ => {
            let path = "content/guide/01-isik.tr.md";
            let text = site.read(path);
            site.file(path, &text.replace("Işık, ", &format!("Işık {step}, ")));
            one(format!("retitle {path}"), path)
        }
    }
}

/// Whether Chromium and playwright-core (installed by `../shared/tools/install-checkers`) are here.
pub fn browser_available() -> bool {
    let home = std::env::var("HOME").unwrap_or_default();
    let playwright =
        std::path::Path::new(&home).join(".cache/site-checkers/node/node_modules/playwright-core");
    playwright.exists() && std::path::Path::new("/usr/bin/chromium").exists()
}

#[test]
fn a_real_browser_shows_the_edit_without_a_manual_reload() {
    if !browser_available() {
        eprintln!(
            "skipped: Chromium or playwright-core is missing (run ../shared/tools/install-checkers)"
        );
        return;
    }
    let site = SiteTest::new("basic");
    let text = site.read("content/guide/02-second.md")
        + &"\nA paragraph to make the page long enough to scroll.\n".repeat(60);
    site.file("content/guide/02-second.md", &text);
    let server = Server::start(&site);
    let url = format!("http://127.0.0.1:{}/en/guide/second/", server.port);
    let script = crate::support::repo().join("tests/browser/serve-reload.cjs");
    let out = Command::new("node")
        .arg(script)
        .arg(&url)
        .arg(site.root.join("content/guide/02-second.md"))
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{report}");
}

#[test]
fn the_compare_view_shows_source_and_translation_side_by_side() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let (status, html) = server.get("/tr/guide/isik/?compare");
    assert_eq!(status, 200);
    let page = crate::support::Page(scraper::Html::parse_document(&html));
    assert_eq!(page.attr("tbody tr td:first-child", "lang"), "en");
    assert_eq!(page.attr("tbody tr td:last-child", "lang"), "tr");
    assert!(
        page.text("tbody").contains("Plana"),
        "the Turkish text is there"
    );
    assert!(html.contains("up to date"));
    assert!(
        server
            .get("/en/guide/isik/?compare")
            .1
            .contains("/__guidebook/live.js"),
        "no compare view for the source"
    );
}

#[test]
fn the_compare_view_marks_what_changed_in_the_source_since_the_translation() {
    let site = SiteTest::new("basic");
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(args)
            .current_dir(&site.root)
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        assert!(ok, "git {args:?} failed");
    };
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "add",
        "-A",
    ]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-qm",
        "first",
    ]);
    let source = site.read("content/guide/01-isik.md");
    let old_hash = guidebook::content::page::short_hash(source.as_bytes());
    site.file(
        "content/guide/01-isik.md",
        &source.replace(
            "He said \"yes\" to the plan.",
            "She said \"no\" to the plan.",
        ),
    );
    let hr = site
        .read("content/guide/01-isik.hr.md")
        .replace("000000000000", &old_hash);
    site.file("content/guide/01-isik.hr.md", &hr);
    let mut engine = Engine::new(&site.root, "http://127.0.0.1:1/", false, Ebooks::OnRequest);
    engine.rebuild(true).unwrap();
    let html = engine.compare("/hr/guide/isik/").expect("a compare page");
    let page = crate::support::Page(scraper::Html::parse_document(&html));
    let changed: Vec<String> = page
        .all("tr.changed td:first-child")
        .iter()
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(changed, ["She said \"no\" to the plan."]);
    assert!(html.contains("the highlighted source paragraphs changed"));
}

#[test]
fn locale_config_and_translation_changes_are_followed() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let mut events = server.events();
    let ftl = site
        .read("locales/lt/main.ftl")
        .replace("site-title = Tu esi vertingas", "site-title = Vertingas tu");
    site.file("locales/lt/main.ftl", &ftl);
    events.wait_for("reload", |d| d.contains("/lt/"));
    assert!(server.get("/lt/pages/about/").1.contains("Vertingas tu"));
    let hash = guidebook::content::page::short_hash(site.read("content/pages/about.md").as_bytes());
    site.file(
        "content/pages/about.hu.md",
        &format!("---\ntitle: Rólunk\nsource_hash: \"{hash}\"\n---\nSzöveg.\n"),
    );
    events.wait_for("reload", |d| d.contains("/hu/pages/about/"));
    assert!(server.get("/hu/pages/about/").1.contains("Rólunk"));
    let config = site
        .read("site.yaml")
        .replace("eu_funding: true", "eu_funding: false");
    site.file("site.yaml", &config);
    events.wait_for("reload", |d| d.contains("/en/"));
    assert!(!server.get("/en/").1.contains("class=\"eu\""));
}

#[test]
fn an_editors_save_is_one_rebuild() {
    let site = SiteTest::new("basic");
    let server = Server::start(&site);
    let mut events = server.events();
    events.wait_for("clear", |_| true);
    let before = server.rebuilds.load(std::sync::atomic::Ordering::SeqCst);
    // What vim does on :w — a probe file, a swap file, the new text renamed over the old.
    let dir = site.root.join("content/pages");
    std::fs::write(dir.join("4913"), "").unwrap();
    std::fs::remove_file(dir.join("4913")).unwrap();
    std::fs::write(dir.join(".about.md.swp"), "swap").unwrap();
    let text = site.read("content/pages/about.md") + "\nSaved like vim does.\n";
    std::fs::write(dir.join("about.md~"), site.read("content/pages/about.md")).unwrap();
    std::fs::write(dir.join("about.md.new"), &text).unwrap();
    std::fs::rename(dir.join("about.md.new"), dir.join("about.md")).unwrap();
    std::fs::remove_file(dir.join("about.md~")).unwrap();
    std::fs::remove_file(dir.join(".about.md.swp")).unwrap();
    events.wait_for("reload", |d| d.contains("/en/pages/about/"));
    std::thread::sleep(Duration::from_millis(500));
    let after = server.rebuilds.load(std::sync::atomic::Ordering::SeqCst);
    assert_eq!(after - before, 1, "one save, one rebuild");
}

#[test]
fn an_index_job_overtaken_by_a_newer_build_gives_up() {
    let site = SiteTest::new("basic");
    let mut engine = Engine::new(&site.root, "http://127.0.0.1:1/", false, Ebooks::OnRequest);
    let (_, first) = engine.rebuild_pages(true, None, |_, _| {}).unwrap();
    assert!(
        engine.files().get("search/en/index.json").is_none(),
        "pages come before the indexes"
    );
    let path = "content/pages/about.md";
    site.file(path, &format!("{}\nNew line.\n", site.read(path)));
    let (_, second) = engine
        .rebuild_pages(false, Some(&[std::path::PathBuf::from(path)]), |_, _| {})
        .unwrap();
    assert!(first.run().is_none(), "the older job stops");
    let indexes = second.run().expect("the newest job finishes");
    assert!(engine.finish(indexes));
    let files = engine.files();
    assert!(files.get("search/en/index.json").is_some());
    assert!(files.get("sitemap.xml").is_some());
    let page = String::from_utf8(files.get("en/pages/about/index.html").unwrap().to_vec()).unwrap();
    assert!(page.contains("New line."));
}

#[test]
fn indexes_of_an_older_build_are_not_served() {
    let site = SiteTest::new("basic");
    let mut engine = Engine::new(&site.root, "http://127.0.0.1:1/", false, Ebooks::OnRequest);
    let (_, first) = engine.rebuild_pages(true, None, |_, _| {}).unwrap();
    let old = first.run().expect("nothing newer yet");
    let (_, second) = engine.rebuild_pages(false, None, |_, _| {}).unwrap();
    assert!(!engine.finish(old), "a newer build began after this job");
    assert!(engine.finish(second.run().unwrap()));
}
