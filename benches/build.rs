//! `cargo bench --bench build`: how fast guidebook is at every size (issue 8), how quickly serve
//! reloads and starts (issue 4) and what the ebooks cost (issue 6), in one run, in release mode.
//!
//! The run, in order:
//! 1. builds the floor (`../shared/bench/floor`: read, pulldown-cmark, write, on every core) into
//!    `target/floor/`;
//! 2. makes the corpora (`benches/corpus.py`, cached under `target/bench-corpus/`) with a fresh
//!    copy of the repository's `themes/` and `locales/`, a copy of the bundled site and an empty
//!    site;
//! 3. times, per corpus: the floor, the full build (the release binary as a child process, site
//!    and search index, `--no-epub`), both writing into memory (see `scratch_dir`), the build's
//!    peak memory (`wait4`), a second build on the disk, a no-change rebuild and a one-page edit
//!    in serve's `Engine`, the time from saving a chapter to the reload event of a real
//!    `guidebook serve`;
//! 4. times the bundled site's serve start-up and ebooks, and an empty build;
//! 5. prints the tables (Markdown) and writes them to `target/bench-report.md`.
//!
//! `GUIDEBOOK_BENCH_SIZES=200` (pages per language, comma-separated; default `200,2000`) picks the
//! corpora; `GUIDEBOOK_BENCH_OUT=DIR` where the timed builds write. Run by
//! `cargo test --all-targets`, the binary only says how to run it.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use guidebook::build::Ebooks;
use guidebook::serve::engine::Engine;

/// Where everything is.
struct Paths {
    repo: PathBuf,
    target: PathBuf,
    bin: PathBuf,
    floor: PathBuf,
    /// Where the timed builds write: a memory file system when there is one (see `scratch_dir`).
    scratch: PathBuf,
}

impl Paths {
    fn new() -> Paths {
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo.join("target"));
        Paths {
            floor: target.join("floor/release/floor"),
            bin: PathBuf::from(env!("CARGO_BIN_EXE_guidebook")),
            scratch: scratch_dir(&target),
            repo,
            target,
        }
    }

    fn corpus(&self, name: &str) -> PathBuf {
        self.target.join("bench-corpus").join(name)
    }

    /// An output folder of a timed build.
    fn out(&self, name: &str) -> PathBuf {
        self.scratch.join(name)
    }

    /// A log, or an output folder on the disk.
    fn disk(&self, name: &str) -> PathBuf {
        self.target.join("bench-out").join(name)
    }
}

/// `GUIDEBOOK_BENCH_OUT`, else `/dev/shm/guidebook-bench`, else `target/bench-out/`.
///
/// The floor and the builds write into memory so that both measure the work of the program, not
/// the disk: on ext4, creating tens of thousands of files shortly after deleting as many (the
/// previous run's output) makes every new inode slow to allocate (`recently_deleted` in the
/// kernel's profile), which doubled the times from run to run. The "2nd build on disk" column
/// shows what a partner's second `guidebook build` into the same folder costs.
fn scratch_dir(target: &Path) -> PathBuf {
    if let Some(dir) = std::env::var_os("GUIDEBOOK_BENCH_OUT") {
        return PathBuf::from(dir);
    }
    let shm = Path::new("/dev/shm");
    if shm.is_dir() && fs::create_dir_all(shm.join("guidebook-bench")).is_ok() {
        return shm.join("guidebook-bench");
    }
    target.join("bench-out")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--run-child") {
        child_main(&args[1..]);
        return;
    }
    if !args.iter().any(|a| a == "--bench") {
        println!("the build benchmark runs with `cargo bench --bench build`");
        return;
    }
    let paths = Paths::new();
    let sizes = sizes();
    let machine = Machine::now();
    step("building the floor");
    build_floor(&paths);
    let mut corpora = Vec::new();
    for &per_lang in &sizes {
        let corpus = prepare_corpus(&paths, per_lang);
        corpora.push(measure_corpus(
            &paths,
            &corpus,
            if per_lang >= 1000 { 3 } else { 5 },
        ));
    }
    let bundled = prepare_bundled(&paths);
    let mut bundled_figures = measure_corpus(&paths, &bundled, 5);
    bundled_figures.startup = Some(serve_startup(&paths, &bundled.site, 5));
    let ebooks = measure_ebooks(&paths, &bundled.site, 5);
    let empty = measure_empty(&paths, 10);
    if paths.scratch.starts_with("/dev/shm") {
        let _ = fs::remove_dir_all(&paths.scratch);
    }
    let report = Report {
        machine: machine.finish(),
        scratch: paths.scratch.display().to_string(),
        corpora,
        bundled: bundled_figures,
        ebooks,
        empty,
    }
    .markdown();
    println!("\n{report}");
    let at = paths.target.join("bench-report.md");
    fs::write(&at, &report).expect("write target/bench-report.md");
    eprintln!("written to {}", at.display());
}

fn sizes() -> Vec<usize> {
    let text = std::env::var("GUIDEBOOK_BENCH_SIZES").unwrap_or_else(|_| "200,2000".into());
    text.split(',')
        .map(|s| {
            s.trim()
                .parse()
                .expect("GUIDEBOOK_BENCH_SIZES: numbers, e.g. 200,2000")
        })
        .collect()
}

fn step(what: &str) {
    eprintln!("bench: {what}");
}

// ---------------------------------------------------------------------------------------------
// Sites to measure
// ---------------------------------------------------------------------------------------------

/// A site to measure and the files the measurements need.
struct Corpus {
    name: String,
    /// The guidebook site (site.yaml, content/, locales/, themes/).
    site: PathBuf,
    /// What the floor reads.
    floor_input: PathBuf,
    /// The English chapter the edits go to.
    chapter: PathBuf,
    pages: usize,
}

fn build_floor(paths: &Paths) {
    let manifest = paths.repo.join("../shared/bench/floor/Cargo.toml");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(paths.target.join("floor"))
        .status()
        .expect("run cargo for the floor");
    assert!(status.success(), "the floor did not build");
}

fn prepare_corpus(paths: &Paths, per_lang: usize) -> Corpus {
    step(&format!("corpus of {per_lang} pages per language"));
    let dir = paths.corpus(&per_lang.to_string());
    let status = Command::new("python3")
        .arg(paths.repo.join("benches/corpus.py"))
        .arg("--pages-per-lang")
        .arg(per_lang.to_string())
        .arg("--out")
        .arg(&dir)
        .status()
        .expect("run python3 benches/corpus.py");
    assert!(status.success(), "benches/corpus.py failed");
    let site = dir.join("site");
    copy_theme_and_locales(paths, &site);
    let guide = site.join("content/guide");
    let chapter = sorted_files(&guide)
        .into_iter()
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("chapter-0001-") && name.matches('.').count() == 1
        })
        .expect("the corpus has chapter 1");
    Corpus {
        name: match per_lang * 5 {
            n if n % 1000 == 0 => format!("{}k", n / 1000),
            n => n.to_string(),
        },
        pages: count_md(&site.join("content")),
        floor_input: dir.join("plain"),
        site,
        chapter,
    }
}

/// A copy of the repository's own site, so that edits never touch `content/`.
fn prepare_bundled(paths: &Paths) -> Corpus {
    let site = paths.corpus("bundled");
    let _ = fs::remove_dir_all(&site);
    fs::create_dir_all(&site).expect("create the bundled copy");
    fs::copy(paths.repo.join("site.yaml"), site.join("site.yaml")).expect("copy site.yaml");
    copy_dir(&paths.repo.join("content"), &site.join("content"));
    copy_theme_and_locales(paths, &site);
    Corpus {
        name: "bundled".into(),
        pages: count_md(&site.join("content")),
        floor_input: site.join("content"),
        chapter: site.join("content/guide/03-warning-signs.md"),
        site,
    }
}

/// site.yaml, one page, the locales and the theme.
fn prepare_empty(paths: &Paths) -> PathBuf {
    let site = paths.corpus("empty");
    let _ = fs::remove_dir_all(&site);
    fs::create_dir_all(site.join("content")).expect("create the empty site");
    fs::copy(paths.repo.join("site.yaml"), site.join("site.yaml")).expect("copy site.yaml");
    fs::write(
        site.join("content/_index.md"),
        "---\ntitle: Home\nsummary: One page.\n---\n\nThe only page.\n",
    )
    .expect("write the page");
    copy_theme_and_locales(paths, &site);
    site
}

fn copy_theme_and_locales(paths: &Paths, site: &Path) {
    for dir in ["themes", "locales"] {
        let _ = fs::remove_dir_all(site.join(dir));
        copy_dir(&paths.repo.join(dir), &site.join(dir));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a folder");
    for entry in fs::read_dir(from).expect("read a folder").flatten() {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst);
        } else {
            fs::copy(&src, &dst).expect("copy a file");
        }
    }
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read a folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

fn count_md(dir: &Path) -> usize {
    sorted_files(dir)
        .iter()
        .map(|p| {
            if p.is_dir() {
                count_md(p)
            } else {
                usize::from(p.extension().is_some_and(|e| e == "md"))
            }
        })
        .sum()
}

/// Read every file once so that the first timed run does not pay for a cold page cache.
fn warm(dir: &Path) {
    for p in sorted_files(dir) {
        if p.is_dir() {
            warm(&p);
        } else {
            let _ = fs::read(&p);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Child processes: wall time, CPU time and peak memory
// ---------------------------------------------------------------------------------------------

/// One run of a child process.
#[derive(Debug, Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
    max_rss_kb: u64,
}

/// Run `cmd` to its end; its standard error goes to `log` (read it after).
///
/// The command runs under a fresh copy of this program (`--run-child`), which times it and asks
/// `wait4` for its CPU time and peak memory: a child's `ru_maxrss` starts at the resident size
/// of the process that spawned it, and this one holds whole sites in memory.
fn run_child(cmd: &Command, log: &Path) -> Run {
    let err = fs::File::create(log).expect("create the log");
    let me = std::env::current_exe().expect("the benchmark's own path");
    let output = Command::new(me)
        .arg("--run-child")
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .stdin(Stdio::null())
        .stderr(err)
        .output()
        .expect("start the child");
    let text = String::from_utf8_lossy(&output.stdout);
    let numbers: Vec<u64> = text
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [code, wall, cpu, max_rss_kb] = numbers[..] else {
        panic!("{cmd:?}: no measurement ({text})");
    };
    if code != 0 {
        let text = fs::read_to_string(log).unwrap_or_default();
        panic!("{cmd:?} failed ({code}):\n{text}");
    }
    Run {
        wall: Duration::from_micros(wall),
        cpu: Duration::from_micros(cpu),
        max_rss_kb,
    }
}

/// `--run-child PROGRAM ARGS…`: run it, print `exit-code wall-µs cpu-µs max-rss-kB`.
#[expect(
    clippy::zombie_processes,
    reason = "wait4 reaps the child: std's wait has no resource usage"
)]
fn child_main(args: &[String]) {
    let started = Instant::now();
    let child = Command::new(&args[0])
        .args(&args[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("start the child");
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; the child is ours and not yet waited.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(got, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    let micros = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    println!(
        "{code} {} {} {}",
        wall.as_micros(),
        micros(usage.ru_utime) + micros(usage.ru_stime),
        usage.ru_maxrss
    );
}

/// The medians of several runs (the peak memory is the highest).
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    max_rss_kb: u64,
}

fn sample(runs: &[Run]) -> Sample {
    Sample {
        wall: median(runs.iter().map(|r| r.wall).collect()),
        cpu: median(runs.iter().map(|r| r.cpu).collect()),
        max_rss_kb: runs.iter().map(|r| r.max_rss_kb).max().unwrap_or(0),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// `runs` times: remove `out`, run the command.
fn repeat(runs: usize, out: &Path, log: &Path, mut cmd: impl FnMut() -> Command) -> Sample {
    let all: Vec<Run> = (0..runs)
        .map(|_| {
            clear(out);
            run_child(&cmd(), log)
        })
        .collect();
    sample(&all)
}

/// Remove an output folder and wait until the disk has caught up, so that writing back the last
/// run's files does not slow down the next.
fn clear(out: &Path) {
    let _ = fs::remove_dir_all(out);
    // SAFETY: sync has no preconditions.
    unsafe { libc::sync() };
}

fn guidebook(paths: &Paths, site: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(&paths.bin);
    cmd.args(args).arg("--root").arg(site);
    cmd
}

/// The stage times a `-v` build printed (`  parse   12.3 ms`).
fn stage_times(log: &Path) -> Vec<(String, f64)> {
    fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| match l.split_whitespace().collect::<Vec<_>>()[..] {
            [stage, ms, "ms"] if l.starts_with("  ") => Some((stage.to_string(), ms.parse().ok()?)),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

/// Everything measured on one corpus.
struct Figures {
    name: String,
    pages: usize,
    floor: Sample,
    build: Sample,
    /// A build into the output of the previous build, on the disk (`target/bench-out/`).
    second_on_disk: Sample,
    stages: Vec<(String, f64)>,
    first_rebuild: Duration,
    no_change: Duration,
    edit: Duration,
    reload: Duration,
    /// Serve start-up: the first "Serving" line plus the first page.
    startup: Option<Duration>,
}

fn measure_corpus(paths: &Paths, corpus: &Corpus, runs: usize) -> Figures {
    let name = &corpus.name;
    warm(&corpus.floor_input);
    warm(&corpus.site);
    step(&format!("{name}: floor ×{runs}"));
    let floor_out = paths.out(&format!("floor-{name}"));
    let log = paths.disk(&format!("{name}.log"));
    fs::create_dir_all(paths.disk("")).expect("create target/bench-out");
    fs::create_dir_all(&paths.scratch).expect("create the scratch folder");
    let floor = repeat(runs, &floor_out, &log, || {
        let mut cmd = Command::new(&paths.floor);
        cmd.arg(&corpus.floor_input).arg(&floor_out);
        cmd
    });
    step(&format!("{name}: full build ×{runs}"));
    let out = paths.out(&format!("site-{name}"));
    let build = repeat(runs, &out, &log, || {
        let mut cmd = guidebook(paths, &corpus.site, &["-q", "build", "--no-epub"]);
        cmd.arg("--output").arg(&out);
        cmd
    });
    step(&format!("{name}: stage times"));
    let mut cmd = guidebook(paths, &corpus.site, &["-v", "build", "--no-epub"]);
    run_child(cmd.arg("--output").arg(&out), &log);
    let stages = stage_times(&log);
    clear(&out);
    step(&format!("{name}: 2nd build on disk ×{runs}"));
    let disk = paths.disk(&format!("site-{name}"));
    let build_on_disk = |disk: &Path| {
        let mut cmd = guidebook(paths, &corpus.site, &["-q", "build", "--no-epub"]);
        cmd.arg("--output").arg(disk);
        cmd
    };
    clear(&disk);
    run_child(&build_on_disk(&disk), &log);
    let second_on_disk = sample(
        &(0..runs)
            .map(|_| {
                // SAFETY: sync has no preconditions.
                unsafe { libc::sync() };
                run_child(&build_on_disk(&disk), &log)
            })
            .collect::<Vec<_>>(),
    );
    let (first_rebuild, no_change, edit) = time_rebuilds(corpus, runs);
    step(&format!("{name}: reload latency"));
    let (startup, reload) = reload_latency(paths, corpus, 10);
    Figures {
        name: name.clone(),
        pages: corpus.pages,
        floor,
        build,
        second_on_disk,
        stages,
        first_rebuild,
        no_change,
        edit,
        reload,
        startup: (corpus.name != "bundled").then_some(startup),
    }
}

/// The English chapter with a line added, restored when dropped.
struct Edit {
    path: PathBuf,
    original: Vec<u8>,
}

impl Edit {
    fn new(path: &Path) -> Edit {
        Edit {
            path: path.to_path_buf(),
            original: fs::read(path).expect("read the chapter"),
        }
    }

    /// Save the chapter with edit number `n` (each save differs from the last).
    fn save(&self, n: usize) {
        let mut text = self.original.clone();
        write!(text, "\nEdited by the benchmark, save {n}.\n").expect("write to memory");
        fs::write(&self.path, text).expect("save the chapter");
    }
}

impl Drop for Edit {
    fn drop(&mut self) {
        let _ = fs::write(&self.path, &self.original);
    }
}

/// Serve's engine in this process: the first build, no-change and one-page-edit rebuilds.
fn time_rebuilds(corpus: &Corpus, runs: usize) -> (Duration, Duration, Duration) {
    step(&format!("{}: engine rebuilds ×{runs}", corpus.name));
    let mut engine = Engine::new(
        &corpus.site,
        "http://127.0.0.1:1111/",
        false,
        Ebooks::OnRequest,
    );
    let saved = corpus
        .chapter
        .strip_prefix(&corpus.site)
        .expect("the chapter is in the site")
        .to_path_buf();
    // No change: every file looked at. An edit: told the saved path, as serve's watcher does.
    let mut rebuild = |fresh, told: Option<&Path>| {
        let started = Instant::now();
        let changed = told.map(|p| vec![p.to_path_buf()]);
        if let Err(problems) = engine.rebuild_then(fresh, changed.as_deref(), |_, _| {}) {
            let first = problems.first().map(|d| d.message.clone());
            panic!("the rebuild failed: {first:?}");
        }
        started.elapsed()
    };
    let first = rebuild(true, None);
    let no_change = median((0..runs).map(|_| rebuild(false, None)).collect());
    let edit = Edit::new(&corpus.chapter);
    let edits = (0..runs)
        .map(|n| {
            edit.save(n);
            rebuild(false, Some(&saved))
        })
        .collect();
    drop(edit);
    rebuild(false, None);
    (first, no_change, median(edits))
}

/// A running `guidebook serve`, stopped when dropped.
struct Server {
    child: std::process::Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Start serve and return it with its start-up time (the "Serving" line, then one page).
    fn start(paths: &Paths, site: &Path) -> (Server, Duration) {
        let started = Instant::now();
        let mut child = guidebook(paths, site, &["-q", "serve", "--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start guidebook serve");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let serving = lines
            .by_ref()
            .map_while(Result::ok)
            .find(|l| l.starts_with("Serving"))
            .expect("serve printed no address");
        std::thread::spawn(move || lines.for_each(drop));
        let port = serving
            .rsplit(':')
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .expect("a port in the Serving line");
        let server = Server { child, port };
        let page = server.get("/en/");
        assert!(page.starts_with("HTTP/1.1 200"), "GET /en/: {page:.200}");
        (server, started.elapsed())
    }

    fn get(&self, path: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .expect("send a request");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read a response");
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// The server-sent events of one connection, read over a raw socket.
struct Events {
    stream: TcpStream,
    buffer: String,
}

impl Events {
    fn connect(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(
            stream,
            "GET /__guidebook/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("subscribe");
        Events {
            stream,
            buffer: String::new(),
        }
    }

    /// The next event (name and data) within `wait`.
    fn next(&mut self, wait: Duration) -> (String, String) {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    event
                        .lines()
                        .filter_map(|l| l.strip_prefix(name))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let name = field("event: ");
                if !name.is_empty() {
                    return (name, field("data: "));
                }
                continue;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "no event within {wait:?}: {}", self.buffer);
            self.stream.set_read_timeout(Some(left)).expect("a timeout");
            let mut chunk = [0u8; 16384];
            match self.stream.read(&mut chunk) {
                Ok(0) => panic!("the server closed the event stream"),
                Ok(n) => self.buffer.push_str(&String::from_utf8_lossy(&chunk[..n])),
                Err(_) => {}
            }
        }
    }
}

/// Start serve on the corpus, then `edits` times: save a chapter, wait for the reload event.
/// Returns the start-up time and the median latency.
fn reload_latency(paths: &Paths, corpus: &Corpus, edits: usize) -> (Duration, Duration) {
    let (server, startup) = Server::start(paths, &corpus.site);
    let mut events = Events::connect(server.port);
    let wait = Duration::from_secs(120);
    let (first, _) = events.next(wait);
    assert_eq!(first, "clear", "serve starts with errors");
    let edit = Edit::new(&corpus.chapter);
    let mut times = Vec::new();
    for n in 0..edits {
        std::thread::sleep(Duration::from_millis(150));
        edit.save(1000 + n);
        let saved = Instant::now();
        loop {
            let (name, data) = events.next(wait);
            match name.as_str() {
                "reload" => break,
                "overlay" => panic!("the edit made the site fail: {data:.300}"),
                _ => {}
            }
        }
        times.push(saved.elapsed());
    }
    drop(edit);
    drop(server);
    (startup, median(times))
}

fn serve_startup(paths: &Paths, site: &Path, runs: usize) -> Duration {
    step(&format!("bundled: serve start-up ×{runs}"));
    median((0..runs).map(|_| Server::start(paths, site).1).collect())
}

/// The bundled guide's five ebooks: builds with and without them, and the `epub` stage.
struct Ebook {
    with: Sample,
    without: Sample,
    stage: Duration,
}

fn measure_ebooks(paths: &Paths, site: &Path, runs: usize) -> Ebook {
    step(&format!("bundled: builds with and without ebooks ×{runs}"));
    let out = paths.out("site-ebooks");
    let log = paths.disk("ebooks.log");
    let build = |extra: &[&str]| {
        let mut cmd = guidebook(paths, site, &["-v", "build"]);
        cmd.args(extra).arg("--output").arg(&out);
        cmd
    };
    let mut with = Vec::new();
    let mut stage = Vec::new();
    for _ in 0..runs {
        clear(&out);
        with.push(run_child(&build(&[]), &log));
        let epub = stage_times(&log)
            .into_iter()
            .find(|(s, _)| s == "epub")
            .map_or(0.0, |(_, ms)| ms);
        stage.push(Duration::from_secs_f64(epub / 1000.0));
    }
    let without = repeat(runs, &out, &log, || build(&["--no-epub"]));
    Ebook {
        with: sample(&with),
        without,
        stage: median(stage),
    }
}

fn measure_empty(paths: &Paths, runs: usize) -> Sample {
    step(&format!("empty build ×{runs}"));
    let site = prepare_empty(paths);
    let out = paths.out("site-empty");
    let log = paths.disk("empty.log");
    repeat(runs, &out, &log, || {
        let mut cmd = guidebook(paths, &site, &["-q", "build"]);
        cmd.arg("--output").arg(&out);
        cmd
    })
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/// The machine the figures are from.
struct Machine {
    cores: usize,
    cpu: String,
    memory_gb: f64,
    date: String,
    load_before: String,
    load_after: String,
}

impl Machine {
    fn now() -> Machine {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let kb: f64 = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0.0);
        Machine {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu: cpuinfo
                .lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
                .unwrap_or_else(|| "unknown".into()),
            memory_gb: kb / 1024.0 / 1024.0,
            date: jiff::Zoned::now().strftime("%Y-%m-%d %H:%M %Z").to_string(),
            load_before: load_average(),
            load_after: String::new(),
        }
    }

    fn finish(mut self) -> Machine {
        self.load_after = load_average();
        self
    }
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

struct Report {
    machine: Machine,
    scratch: String,
    corpora: Vec<Figures>,
    bundled: Figures,
    ebooks: Ebook,
    empty: Sample,
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn mb(kb: u64) -> String {
    format!("{:.0} MB", kb as f64 / 1024.0)
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "**FAIL**" }
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

impl Report {
    fn markdown(&self) -> String {
        let m = &self.machine;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Machine: {} cores, {}, {:.0} GB of memory; {}; load average {} before, {} after.\n",
            m.cores, m.cpu, m.memory_gb, m.date, m.load_before, m.load_after
        );
        self.main_table(&mut out);
        self.stage_table(&mut out);
        self.targets(&mut out);
        out
    }

    fn main_table(&self, out: &mut String) {
        let head = [
            "corpus",
            "pages",
            "floor",
            "full build",
            "÷ floor",
            "CPU (floor / build)",
            "2nd build on disk",
            "no-change rebuild",
            "one-page edit",
            "save → reload",
            "serve start-up",
            "peak RSS",
        ];
        let rows: Vec<Vec<String>> = self
            .corpora
            .iter()
            .chain([&self.bundled])
            .map(|f| {
                vec![
                    f.name.clone(),
                    f.pages.to_string(),
                    ms(f.floor.wall),
                    ms(f.build.wall),
                    format!(
                        "{:.2}×",
                        ratio(f.build.wall.as_secs_f64(), f.floor.wall.as_secs_f64())
                    ),
                    format!("{} / {}", ms(f.floor.cpu), ms(f.build.cpu)),
                    ms(f.second_on_disk.wall),
                    ms(f.no_change),
                    ms(f.edit),
                    ms(f.reload),
                    f.startup.map_or("—".into(), ms),
                    mb(f.build.max_rss_kb),
                ]
            })
            .collect();
        table(out, &head, &rows);
        let e = &self.ebooks;
        let _ = writeln!(
            out,
            "Floor and full build write into `{}` (memory), into a fresh folder each run. Full \
             build: `guidebook build --no-epub` (site, feeds, sitemap, search index), median of 3 \
             runs (10k) or 5; peak RSS the highest of them. 2nd build on disk: the same build into \
             `target/bench-out/`, where the previous build's output is (guidebook replaces it). \
             Rebuilds: serve's `Engine` in memory (first build {}); a no-change rebuild looks at \
             every file, an edit rebuild is told the saved file, as the watcher tells serve, and \
             includes the search index, feeds and sitemap made after the reload. Save → reload: `guidebook \
             serve`, a chapter saved, until the `reload` event arrives (median of 10; the \
             watcher's debounce is 15 ms). Serve start-up: until the first `Serving` line and \
             `/en/` are served.\n",
            self.scratch,
            self.corpora
                .iter()
                .chain([&self.bundled])
                .map(|f| format!("{}: {}", f.name, ms(f.first_rebuild)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(
            out,
            "Bundled guide's five ebooks: the `epub` stage takes {} (median of 5); a build with \
             them {} vs. without {} (`--no-epub`). Empty build (site.yaml, one page, locales, theme, \
             ebooks): {} (median of 10), peak RSS {}.\n",
            ms(e.stage),
            ms(e.with.wall),
            ms(e.without.wall),
            ms(self.empty.wall),
            mb(self.empty.max_rss_kb)
        );
    }

    fn stage_table(&self, out: &mut String) {
        let all: Vec<&Figures> = self.corpora.iter().chain([&self.bundled]).collect();
        let mut head = vec!["stage (one `-v` build)"];
        head.extend(all.iter().map(|f| f.name.as_str()));
        let names: Vec<&String> = all
            .iter()
            .max_by_key(|f| f.stages.len())
            .map(|f| f.stages.iter().map(|(s, _)| s).collect())
            .unwrap_or_default();
        let rows: Vec<Vec<String>> = names
            .iter()
            .map(|name| {
                let mut row = vec![(*name).clone()];
                row.extend(all.iter().map(|f| {
                    f.stages
                        .iter()
                        .find(|(s, _)| s == *name)
                        .map_or("—".into(), |(_, t)| {
                            ms(Duration::from_secs_f64(t / 1000.0))
                        })
                }));
                row
            })
            .collect();
        table(out, &head, &rows);
    }

    fn targets(&self, out: &mut String) {
        let mut rows = Vec::new();
        let mut check = |issue: &str, target: &str, measured: String, ok: Option<bool>| {
            rows.push(vec![
                issue.to_string(),
                target.to_string(),
                measured,
                ok.map_or("not measured".into(), |ok| verdict(ok).into()),
            ]);
        };
        let small = self.corpora.iter().find(|f| f.name == "1k");
        let big = self.corpora.iter().find(|f| f.name == "10k");
        let build_ratio =
            |f: &Figures| ratio(f.build.wall.as_secs_f64(), f.floor.wall.as_secs_f64());
        for f in [small, big].into_iter().flatten() {
            let r = build_ratio(f);
            check(
                "8",
                &format!("full build of {} ≤ 1.5× the floor", f.name),
                format!("{r:.2}× ({} / {})", ms(f.build.wall), ms(f.floor.wall)),
                Some(r <= 1.5),
            );
        }
        let (time, memory) = match (small, big) {
            (Some(s), Some(b)) => (
                Some(ratio(
                    b.build.wall.as_secs_f64(),
                    s.build.wall.as_secs_f64(),
                )),
                Some(ratio(b.build.max_rss_kb as f64, s.build.max_rss_kb as f64)),
            ),
            _ => (None, None),
        };
        check(
            "8",
            "10× the pages: ≤ 11× the time",
            time.map_or("—".into(), |t| format!("{t:.1}×")),
            time.map(|t| t <= 11.0),
        );
        check(
            "8",
            "10× the pages: ≤ 11× the memory",
            memory.map_or("—".into(), |t| format!("{t:.1}×")),
            memory.map(|t| t <= 11.0),
        );
        check(
            "8",
            "peak memory of 10k < 500 MB",
            big.map_or("—".into(), |b| mb(b.build.max_rss_kb)),
            big.map(|b| b.build.max_rss_kb < 500 * 1024),
        );
        check(
            "8",
            "empty build < 30 ms",
            ms(self.empty.wall),
            Some(self.empty.wall < Duration::from_millis(30)),
        );
        check(
            "4",
            "save → reload, bundled < 50 ms",
            ms(self.bundled.reload),
            Some(self.bundled.reload < Duration::from_millis(50)),
        );
        check(
            "4",
            "save → reload, 10k < 150 ms",
            big.map_or("—".into(), |b| ms(b.reload)),
            big.map(|b| b.reload < Duration::from_millis(150)),
        );
        let startup = self.bundled.startup.unwrap_or_default();
        check(
            "4",
            "serve start-up, bundled < 1 s",
            ms(startup),
            Some(startup < Duration::from_secs(1)),
        );
        check(
            "6",
            "five ebooks of the bundled guide add < 300 ms",
            format!(
                "{} (`epub` stage; build with − without: {:+.0} ms)",
                ms(self.ebooks.stage),
                (self.ebooks.with.wall.as_secs_f64() - self.ebooks.without.wall.as_secs_f64())
                    * 1000.0
            ),
            Some(self.ebooks.stage < Duration::from_millis(300)),
        );
        table(out, &["issue", "target", "measured", "result"], &rows);
    }
}
