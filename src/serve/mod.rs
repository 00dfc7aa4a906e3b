//! `guidebook serve`: build, serve from memory, watch, rebuild, reload the browser.
//!
//! Three parts that do not know each other: `engine` builds (no HTTP), `watch` names file events
//! (pure), `http` serves the last good site and tells browsers what changed. This module wires
//! them: a watcher thread turns debounced events into rebuilds and messages.

pub mod compare;
pub mod engine;
pub mod http;
pub mod watch;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::broadcast;

use self::engine::Engine;
use self::http::{Message, PREFIX, ServerState};
use self::watch::{Change, classify, strongest};
use crate::build::Ebooks;
use crate::diagnostic::{self, Diagnostic};

/// How long the watcher waits for a burst of events to end before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(15);

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub drafts: bool,
    pub epub: bool,
    pub open: bool,
    pub quiet: bool,
}

/// Problems as JSON for the browser overlay.
fn overlay_json(diagnostics: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| serde_json::json!({"severity": d.severity, "place": d.place(), "message": d.message, "hint": d.hint}))
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// Run the preview server until Ctrl-C.
pub fn run(opts: ServeOptions) -> std::io::Result<()> {
    let addr: SocketAddr = format!("{}:{}", opts.bind, opts.port)
        .parse()
        .map_err(|_| {
            std::io::Error::other(format!("\"{}\" is not an address to listen on", opts.bind))
        })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let host = if local.ip().is_unspecified() { "127.0.0.1".to_string() } else { local.ip().to_string() };
        let base_url = format!("http://{host}:{}/", local.port());
        let state = start(&opts, &base_url)?;
        println!("Serving {} at {base_url} (Ctrl-C to stop)", opts.root.display());
        if local.ip().is_unspecified() {
            eprintln!("warning: listening on every network interface: anyone on your network can see the preview");
        }
        if opts.open {
            open_browser(&base_url);
        }
        let app = Router::new()
            .route(&format!("{PREFIX}events"), get(http::events))
            .route(&format!("{PREFIX}live.js"), get(http::live_js))
            .fallback(http::site_file)
            .with_state(state);
        tokio::select! {
            served = axum::serve(listener, app) => served,
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

/// Build once, then watch and rebuild on a thread of its own.
fn start(opts: &ServeOptions, base_url: &str) -> std::io::Result<Arc<ServerState>> {
    let ebooks = if opts.epub {
        Ebooks::Build
    } else {
        Ebooks::OnRequest
    };
    let engine = Arc::new(Mutex::new(Engine::new(
        &opts.root,
        base_url,
        opts.drafts,
        ebooks,
    )));
    let (events, _) = broadcast::channel(64);
    let state = Arc::new(ServerState {
        files: RwLock::default(),
        overlay: RwLock::new(None),
        events,
        engine: engine.clone(),
        source: RwLock::default(),
    });
    rebuild(&state, &opts.root, "start", true, None, opts.quiet);
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx).map_err(std::io::Error::other)?;
    for dir in ["content", "locales", "themes"] {
        let path = opts.root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(std::io::Error::other)?;
        }
    }
    debouncer
        .watch(
            opts.root.join(crate::config::CONFIG_FILE),
            RecursiveMode::NonRecursive,
        )
        .map_err(std::io::Error::other)?;
    let (root, quiet, watched) = (opts.root.clone(), opts.quiet, state.clone());
    std::thread::spawn(move || {
        let _keep = debouncer;
        watch_loop(&rx, &watched, &root, quiet);
    });
    Ok(state)
}

fn watch_loop(
    rx: &mpsc::Receiver<DebounceEventResult>,
    state: &Arc<ServerState>,
    root: &Path,
    quiet: bool,
) {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    while let Ok(first) = rx.recv() {
        let mut batches = vec![first];
        batches.extend(rx.try_iter());
        let (paths, complete) = changed_paths(batches);
        let change = strongest(paths.iter().map(|p| classify(&root, p)));
        if change == Change::Ignored && complete {
            continue;
        }
        let what = describe(&root, &paths);
        let relative: Vec<PathBuf> = paths
            .iter()
            .filter(|p| classify(&root, p) != Change::Ignored)
            .filter_map(|p| p.strip_prefix(&root).ok().map(Path::to_path_buf))
            .collect();
        let hint = complete.then_some(relative.as_slice());
        rebuild(state, &root, &what, change == Change::Config, hint, quiet);
    }
}

/// The paths of a burst of events, and whether they are all that changed: when the watcher
/// lost events (an overflowing queue) or failed, every file must be looked at.
fn changed_paths(batches: Vec<DebounceEventResult>) -> (Vec<PathBuf>, bool) {
    let mut complete = true;
    let mut paths = Vec::new();
    for batch in batches {
        let Ok(events) = batch else {
            complete = false;
            continue;
        };
        for e in events {
            if e.event.need_rescan() {
                complete = false;
            }
            // Reads (our own rebuild opens every file) are not changes.
            if !e.event.kind.is_access() && !e.event.kind.is_other() {
                paths.extend(e.event.paths);
            }
        }
    }
    (paths, complete)
}

fn describe(root: &Path, paths: &[PathBuf]) -> String {
    let mut names: Vec<String> = paths
        .iter()
        .filter(|p| classify(root, p) != Change::Ignored)
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect();
    names.sort();
    names.dedup();
    match names.len() {
        0 => "a change".to_string(),
        1 => names.remove(0),
        n => format!("{} and {} more", names[0], n - 1),
    }
}

/// Rebuild and tell the browsers; one line in the terminal. The search index, feeds and
/// sitemap are made afterwards on another thread, so the next save need not wait for them.
fn rebuild(
    state: &Arc<ServerState>,
    root: &Path,
    what: &str,
    fresh: bool,
    changed: Option<&[PathBuf]>,
    quiet: bool,
) {
    let publish = |outcome: &engine::Outcome, files: Arc<engine::Files>| {
        *state.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        let had_overlay = state
            .overlay
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .is_some();
        if had_overlay {
            let _ = state.events.send(Message::Clear);
        }
        if !outcome.changed.is_empty() {
            let _ = state.events.send(Message::Reload(outcome.changed.clone()));
        }
    };
    let mut engine = state.engine.lock().unwrap_or_else(|e| e.into_inner());
    let result = engine.rebuild_pages(fresh, changed, publish);
    let source = engine.source_language();
    drop(engine);
    match result {
        Ok((outcome, job)) => {
            if let Some(code) = source {
                *state.source.write().unwrap_or_else(|e| e.into_inner()) = code;
            }
            if !quiet {
                eprint!("{}", diagnostic::render_human(&outcome.warnings, root));
                println!(
                    "{what}: {} pages rendered, {} changed, {:.0} ms",
                    outcome.rendered,
                    outcome.changed.len(),
                    outcome.elapsed.as_secs_f64() * 1000.0
                );
            }
            let (state, root) = (state.clone(), root.to_path_buf());
            std::thread::spawn(move || finish_indexes(&state, &root, job, quiet));
        }
        Err(problems) => {
            eprint!("{}", diagnostic::render_human(&problems, root));
            println!("{what}: the site has errors; the last good version is still served");
            let json = overlay_json(&problems);
            *state.overlay.write().unwrap_or_else(|e| e.into_inner()) = Some(json.clone());
            let _ = state.events.send(Message::Overlay(json));
        }
    }
}

/// How long the indexes of a build wait for the editor to pause: saves in quick succession
/// then cost only their pages, and only the last one's index is made.
const INDEX_PAUSE: Duration = Duration::from_millis(300);

/// Make a build's indexes and serve them, unless a newer build began meanwhile.
fn finish_indexes(state: &ServerState, root: &Path, job: engine::IndexJob, quiet: bool) {
    std::thread::sleep(INDEX_PAUSE);
    let Some(indexes) = job.run() else {
        return;
    };
    if !quiet {
        eprint!("{}", diagnostic::render_human(&indexes.warnings, root));
    }
    let mut engine = state.engine.lock().unwrap_or_else(|e| e.into_inner());
    if engine.finish(indexes) {
        *state.files.write().unwrap_or_else(|e| e.into_inner()) = engine.files();
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener).arg(url).spawn();
}
