//! Load benchmark of the web app (issue #8): 256 concurrent keep-alive
//! connections against (a) a bare axum hello-world, the baseline, (b) the
//! real router over SQLite and (c) over PostgreSQL, each with seed 001
//! imported and some progress. Prints requests/s, p50/p99/max latency, the
//! ratio to hello-world and the process's memory. Each page is measured
//! plain and with `Accept-Encoding: gzip` (what browsers send), and last
//! with the page cache off (every request builds its page: the before).
//!
//! Run: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo bench -p
//! pyroad-server --bench load`. `LOAD_SECONDS` (default 5) and
//! `WARMUP_SECONDS` (default 1) bound each run; `LOAD_CONNECTIONS` (default
//! 256) sets the concurrency; `LOAD_ONLY=text` runs only the rows whose
//! label contains `text` (and the baseline); `RUST_LOG` turns on the
//! servers' logs.
//!
//! Each server runs in its own process (this binary again, told what to
//! serve through the environment) on `pyroad_server::runtime()`, what
//! `pyroad serve` uses, so its memory is its own; the clients run here on
//! their own runtime. They do share the machine's cores; the baseline pays
//! the same cost, which is why the ratio is the number to trust (see
//! docs/benchmarks.md).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use pyroad_server::{AppState, Clock};
use pyroad_store::{LearnerId, NewLogEntry, Status, Store};
use tokio::net::TcpListener;

// `pyroad serve`'s allocator, so memory and allocation costs are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What one run measured.
struct Outcome {
    requests: u64,
    errors: u64,
    /// What the first failed request got, to say why it failed.
    first_error: Option<String>,
    seconds: f64,
    latency: Histogram<u64>,
    /// The largest resident set sampled every 50 ms during the run, in kB.
    peak_rss_kb: u64,
    /// Bytes of the last response body (as sent: gzip when asked for).
    body_bytes: usize,
}

impl Outcome {
    fn per_second(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

struct Config {
    /// Only the rows whose label contains this (`LOAD_ONLY`); hello-world always runs.
    only: Option<String>,
    connections: usize,
    warmup: Duration,
    measure: Duration,
}

impl Config {
    fn wanted(&self, label: &str) -> bool {
        self.only.as_deref().is_none_or(|only| label.contains(only))
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v.parse().unwrap_or_else(|_| panic!("{name}={v:?} is not a whole number")),
        Err(_) => default,
    }
}

fn main() {
    // A child started by `Server::start`: serve, and nothing else.
    if let Ok(kind) = std::env::var(SERVE_ENV) {
        serve_child(&kind);
        return;
    }
    let config = Config {
        only: std::env::var("LOAD_ONLY").ok().filter(|s| !s.is_empty()),
        connections: env_number("LOAD_CONNECTIONS", 256) as usize,
        warmup: Duration::from_secs(env_number("WARMUP_SECONDS", 1)),
        measure: Duration::from_secs(env_number("LOAD_SECONDS", 5)),
    };
    let admin_url = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "DATABASE_URL is not set: the load bench measures PostgreSQL too \
             (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)"
        ),
    };
    let seed = seed("001");
    let setup_rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime starts");
    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("the client runtime starts");

    println!(
        "load: {} connections, {} s warm-up + {} s per run, load average before: {}",
        config.connections,
        config.warmup.as_secs(),
        config.measure.as_secs(),
        load_average()
    );

    // SQLite in a temporary directory like a learner's data dir, and
    // PostgreSQL in a fresh database dropped at the end, both filled here.
    let dir = tempfile::tempdir().expect("a temporary directory can be made");
    let sqlite_path = dir.path().join("pyroad.db");
    let (sqlite, topic) = setup_rt.block_on(async {
        let store = pyroad_store_sqlite::SqliteStore::open(&sqlite_path).await.expect("a fresh SQLite store opens");
        let topic = fill(&store, &seed).await;
        (store, topic)
    });
    let name = format!("pyroad_load_{}", std::process::id());
    let (postgres, postgres_url) = setup_rt.block_on(async {
        let url = pyroad_store_postgres::admin::create_database(&admin_url, &name)
            .await
            .expect("CREATE DATABASE on DATABASE_URL's server");
        let store = pyroad_store_postgres::PgStore::open(&url).await.expect("a fresh PostgreSQL store opens");
        let same = fill(&store, &seed).await;
        assert_eq!(same, topic, "both stores hold the same seed");
        (store, url)
    });

    let mut rows: Vec<(String, Outcome)> = Vec::new();
    let hello = Server::start("hello", "", true);
    rows.push(("hello-world /".into(), client_rt.block_on(drive(&hello, "/", Plain, None, &config))));
    println!("hello-world server: {}", hello.memory());
    drop(hello);

    // The app as `pyroad serve` runs it, then building every page per
    // request (the page cache off: what it saves).
    let sqlite_location = sqlite_path.display().to_string();
    for cached in [true, false] {
        for (backend, kind, location) in
            [("SQLite", "sqlite", sqlite_location.as_str()), ("PostgreSQL", "postgres", postgres_url.as_str())]
        {
            let server = Server::start(kind, location, cached);
            let idle = server.memory();
            for (path, encoding) in PAGES {
                if !cached && matches!(encoding, Gzip) {
                    continue;
                }
                let label =
                    format!("{backend} {path}{}{}", encoding.label(), if cached { "" } else { ", no page cache" });
                if !config.wanted(&label) {
                    continue;
                }
                rows.push((label, client_rt.block_on(drive(&server, path, encoding, None, &config))));
            }
            // Reads while the learner keeps writing: every write drops the
            // kept pages, so readers wait for a rebuild ten times a second.
            if cached {
                for path in ["/", "/roadmap"] {
                    let label = format!("{backend} {path} (gzip), a mark every 100 ms");
                    if !config.wanted(&label) {
                        continue;
                    }
                    let writes = Some(topic.as_str());
                    rows.push((label, client_rt.block_on(drive(&server, path, Gzip, writes, &config))));
                }
            }
            let off = if cached { "" } else { ", no page cache" };
            println!("{backend} server{off}: idle {idle}; after its runs {}", server.memory());
        }
    }
    setup_rt.block_on(async {
        sqlite.close().await;
        postgres.close().await;
        pyroad_store_postgres::admin::drop_database(&admin_url, &name).await.expect("DROP DATABASE");
    });

    let base = rows[0].1.per_second();
    println!();
    println!("| target | body | requests/s | vs hello-world | p50 | p99 | max | errors | RSS while serving |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (label, o) in &rows {
        println!(
            "| {label} | {:.1} KB | {:.0} | {:.0}% | {:.2} ms | {:.2} ms | {:.2} ms | {} | {} MB |",
            o.body_bytes as f64 / 1024.0,
            o.per_second(),
            100.0 * o.per_second() / base,
            o.latency.value_at_quantile(0.50) as f64 / 1000.0,
            o.latency.value_at_quantile(0.99) as f64 / 1000.0,
            o.latency.max() as f64 / 1000.0,
            o.errors,
            o.peak_rss_kb / 1024,
        );
    }
    for (label, o) in &rows {
        if let Some(why) = &o.first_error {
            println!("{label}: first failure: {why}");
        }
    }
    println!();
    println!("load average after: {}", load_average());
    let failed: Vec<&str> = rows.iter().filter(|(_, o)| o.errors > 0).map(|(l, _)| l.as_str()).collect();
    assert!(failed.is_empty(), "requests failed on: {failed:?}");
}

/// Whether the client asks for gzip, as every browser does.
#[derive(Clone, Copy)]
enum Encoding {
    Plain,
    Gzip,
}
use Encoding::{Gzip, Plain};

impl Encoding {
    fn label(self) -> &'static str {
        match self {
            Plain => "",
            Gzip => " (gzip)",
        }
    }
}

/// The pages measured on each backend, without and with `Accept-Encoding: gzip`.
const PAGES: [(&str, Encoding); 4] = [("/", Plain), ("/roadmap", Plain), ("/", Gzip), ("/roadmap", Gzip)];

fn app<S: Store + 'static>(store: S, cached: bool) -> Router {
    let state = AppState::new(store, Clock::System).expect("the app state builds");
    pyroad_server::router(if cached { state } else { state.without_page_cache() })
}

/// The environment variables a server child reads: what to serve, its
/// store (a SQLite path or a PostgreSQL URL), and whether pages are kept.
const SERVE_ENV: &str = "PYROAD_LOAD_SERVE";
const STORE_ENV: &str = "PYROAD_LOAD_STORE";
const CACHE_ENV: &str = "PYROAD_LOAD_PAGE_CACHE";

/// A server in its own process (this bench's binary again), so its memory
/// is measured apart from the load generator's. It stops when its stdin
/// closes, which dropping this does.
struct Server {
    child: Option<std::process::Child>,
    addr: SocketAddr,
}

impl Server {
    fn start(kind: &str, store: &str, cached: bool) -> Server {
        use std::io::BufRead;
        let exe = std::env::current_exe().expect("the bench knows its own path");
        let mut child = std::process::Command::new(exe)
            .env(SERVE_ENV, kind)
            .env(STORE_ENV, store)
            .env(CACHE_ENV, if cached { "1" } else { "0" })
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the server child starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut line = String::new();
        std::io::BufReader::new(stdout).read_line(&mut line).expect("the child prints its address");
        let addr = line.trim().parse().unwrap_or_else(|_| panic!("the {kind} server child printed {line:?}"));
        Server { child: Some(child), addr }
    }

    fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, std::process::Child::id)
    }

    fn memory(&self) -> String {
        memory(self.pid())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            drop(child.stdin.take());
            let _ = child.wait();
        }
    }
}

/// The child's side: open the store, serve on a loopback port, print it,
/// stop when stdin closes.
fn serve_child(kind: &str) {
    let store = std::env::var(STORE_ENV).unwrap_or_default();
    let cached = std::env::var(CACHE_ENV).as_deref() != Ok("0");
    if std::env::var_os("RUST_LOG").is_some() {
        pyroad_server::init_tracing();
    }
    let runtime = pyroad_server::runtime().expect("the server runtime starts");
    runtime.block_on(async {
        let app = match kind {
            "hello" => Router::new().route("/", get(|| async { "Hello, World!" })),
            "sqlite" => app(
                pyroad_store_sqlite::SqliteStore::open(std::path::Path::new(&store))
                    .await
                    .expect("the SQLite store opens"),
                cached,
            ),
            "postgres" => app(pyroad_store_postgres::PgStore::open(&store).await.expect("the store opens"), cached),
            other => panic!("no server kind {other:?}"),
        };
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let addr = listener.local_addr().expect("a bound socket has an address");
        println!("{addr}");
        let stdin_closed = async {
            let _ = tokio::task::spawn_blocking(|| std::io::copy(&mut std::io::stdin(), &mut std::io::sink())).await;
        };
        pyroad_server::serve(listener, app, stdin_closed).await.expect("the server runs");
    });
}

/// Seed 001 imported and active, its first quarter of topics done or in
/// progress, and two weeks of logged time: a learner mid-way. Returns a
/// topic left to do, which the writing runs mark and unmark.
async fn fill<S: Store>(store: &S, seed: &str) -> String {
    let roadmap = pyroad_import::import_str(seed, &pyroad_import::Options::default()).roadmap;
    let me = LearnerId::LOCAL;
    let stored = store.add_roadmap(me, "seed-001", &roadmap).await.expect("the seed is stored");
    let ids: Vec<String> = roadmap.walk().map(|n| n.id.clone()).collect();
    assert!(ids.len() > 20, "seed 001 should have more than 20 nodes, has {}", ids.len());
    let quarter = ids.len() / 4;
    store.set_statuses(me, stored.id, &ids[..quarter], Status::Done).await.expect("marks done");
    store.set_statuses(me, stored.id, &ids[quarter..quarter + 3], Status::Learning).await.expect("marks learning");
    let today = jiff::Zoned::now().date();
    for back in 0..14_i64 {
        let date = today.checked_sub(jiff::Span::new().days(back)).expect("two weeks back is a valid date");
        let entry = NewLogEntry {
            roadmap: Some(stored.id),
            topic: Some(ids[back as usize % quarter].clone()),
            minutes: 30 + (back as u32 % 3) * 15,
            note: None,
            date,
        };
        store.add_log(me, &entry).await.expect("a log entry is stored");
    }
    roadmap.walk().filter(|n| n.children.is_empty()).last().map(|n| n.id.clone()).expect("the seed has topics")
}

/// `config.connections` keep-alive connections, each sending GET `path` one
/// after another; latencies after the warm-up go into the histogram.
async fn drive(
    server: &Server,
    path: &'static str,
    encoding: Encoding,
    writes: Option<&str>,
    config: &Config,
) -> Outcome {
    let (addr, pid) = (server.addr, server.pid());
    let begin = Instant::now();
    let measure_from = begin + config.warmup;
    let until = measure_from + config.measure;
    let writer =
        writes.map(|topic| tokio::spawn(write_every(addr, Duration::from_millis(100), topic.to_owned(), until)));
    let mut tasks = Vec::with_capacity(config.connections);
    for _ in 0..config.connections {
        tasks.push(tokio::spawn(connection(addr, path, encoding, measure_from, until)));
    }
    let sampler = tokio::spawn(async move {
        let mut peak = 0;
        while Instant::now() < until {
            peak = peak.max(rss_kb(pid));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        peak
    });
    let mut latency = new_histogram();
    let (mut requests, mut errors, mut first_error, mut body_bytes) = (0, 0, None, 0);
    for task in tasks {
        let run = task.await.expect("a client task does not panic");
        for micros in &run.latencies {
            let _ = latency.record(u64::from(*micros).max(1));
        }
        requests += run.latencies.len() as u64;
        errors += run.errors;
        first_error = first_error.or(run.first_error);
        body_bytes = body_bytes.max(run.body_bytes);
    }
    let peak_rss_kb = sampler.await.expect("the sampler does not panic");
    if let Some(writer) = writer {
        let run = writer.await.expect("the writer does not panic");
        errors += run.errors;
        first_error = first_error.or(run.first_error);
    }
    Outcome { requests, errors, first_error, seconds: config.measure.as_secs_f64(), latency, peak_rss_kb, body_bytes }
}

/// What one connection measured. Latencies are kept as plain microseconds
/// (a histogram per connection would be 256 x 140 KB of the client's memory
/// in the RSS figures) and merged into one histogram at the end.
struct Run {
    latencies: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
    body_bytes: usize,
}

/// Marks `topic` done and back to todo through the JSON API, one change
/// every `every`, until `until`.
async fn write_every(addr: SocketAddr, every: Duration, topic: String, until: Instant) -> Run {
    let mut run = Run { latencies: Vec::new(), errors: 0, first_error: None, body_bytes: 0 };
    let stream = match tokio::net::TcpStream::connect(addr).await {
        Ok(s) => s,
        Err(e) => {
            run.errors += 1;
            run.first_error = Some(format!("writer connect: {e}"));
            return run;
        }
    };
    let (mut sender, conn) = match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
        Ok(pair) => pair,
        Err(e) => {
            run.errors += 1;
            run.first_error = Some(format!("writer handshake: {e}"));
            return run;
        }
    };
    tokio::spawn(conn);
    let mut done = false;
    while Instant::now() + every < until {
        tokio::time::sleep(every).await;
        done = !done;
        let body = format!(r#"{{"topic":"{topic}","status":"{}"}}"#, if done { "done" } else { "todo" });
        let request = hyper::Request::post("/api/v1/roadmaps/seed-001/progress")
            .header(hyper::header::HOST, addr.to_string())
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .body(http_body_util::Full::new(Bytes::from(body)))
            .expect("a valid request");
        if let Err(e) = sender.ready().await {
            run.errors += 1;
            run.first_error.get_or_insert(format!("writer: {}", chain(&e)));
            break;
        }
        let status = match sender.send_request(request).await {
            Ok(response) => {
                let status = response.status();
                let _ = response.into_body().collect().await;
                status
            }
            Err(e) => {
                run.errors += 1;
                run.first_error.get_or_insert(format!("writer: {e}"));
                break;
            }
        };
        if !status.is_success() {
            run.errors += 1;
            run.first_error.get_or_insert(format!("writer: status {status}"));
        }
    }
    run
}

/// An error with its causes, `a: b: c`.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

fn new_histogram() -> Histogram<u64> {
    // Microseconds, 1 µs to 60 s, 3 significant digits.
    Histogram::new_with_bounds(1, 60_000_000, 3).expect("valid histogram bounds")
}

async fn connection(addr: SocketAddr, path: &'static str, encoding: Encoding, from: Instant, until: Instant) -> Run {
    let mut run = Run { latencies: Vec::new(), errors: 0, first_error: None, body_bytes: 0 };
    let failed = |mut run: Run, why: String| {
        run.errors += 1;
        run.first_error = Some(why);
        run
    };
    let stream = match tokio::net::TcpStream::connect(addr).await {
        Ok(s) => s,
        Err(e) => return failed(run, format!("connect: {e}")),
    };
    let _ = stream.set_nodelay(true);
    let (mut sender, conn) = match hyper::client::conn::http1::handshake(TokioIo::new(stream)).await {
        Ok(pair) => pair,
        Err(e) => return failed(run, format!("handshake: {e}")),
    };
    tokio::spawn(conn);
    let host = addr.to_string();
    loop {
        let start = Instant::now();
        if start >= until {
            break;
        }
        let mut request = hyper::Request::get(path).header(hyper::header::HOST, &host);
        if let Gzip = encoding {
            request = request.header(hyper::header::ACCEPT_ENCODING, "gzip");
        }
        let request = request.body(Empty::<Bytes>::new()).expect("a valid request");
        // The connection task must have finished the previous exchange
        // before the next request goes out; without this wait, hyper
        // refuses it now and then ("operation was canceled: connection was
        // not ready") when the client is starved: the one failed request of
        // the earlier runs was this bench's, not the server's.
        let outcome = match sender.ready().await.map_err(|e| format!("waiting for the connection: {}", chain(&e))) {
            Err(why) => Err(why),
            Ok(()) => match sender.send_request(request).await {
                Ok(response) if response.status().is_success() => {
                    // Read the body chunk by chunk and drop it, as a browser
                    // would hand it on: the client holds no page in memory.
                    let mut body = response.into_body();
                    let mut bytes = 0;
                    loop {
                        match body.frame().await {
                            None => break Ok(bytes),
                            Some(Ok(frame)) => bytes += frame.data_ref().map_or(0, |d| d.len()),
                            Some(Err(e)) => break Err(format!("reading the body: {}", chain(&e))),
                        }
                    }
                }
                Ok(response) => {
                    let status = response.status();
                    let body = response.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
                    Err(format!(
                        "status {status}: {}",
                        String::from_utf8_lossy(&body).chars().take(300).collect::<String>()
                    ))
                }
                Err(e) => Err(format!("sending: {}", chain(&e))),
            },
        };
        let end = Instant::now();
        // Failures count wherever they happen; latencies only in the window.
        match outcome {
            Err(why) => {
                run.errors += 1;
                run.first_error.get_or_insert(why);
                break;
            }
            Ok(bytes) => run.body_bytes = bytes,
        }
        if start >= from && end <= until {
            run.latencies.push(u32::try_from((end - start).as_micros()).unwrap_or(u32::MAX));
        }
    }
    run
}

/// A process's `/proc/PID/status` field in kB (0 when unreadable).
fn status_kb(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn rss_kb(pid: u32) -> u64 {
    status_kb(pid, "VmRSS:")
}

/// A server's resident set now and its peak so far (VmHWM).
fn memory(pid: u32) -> String {
    format!("RSS {} MB, peak {} MB", rss_kb(pid) / 1024, status_kb(pid, "VmHWM:") / 1024)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// A seed roadmap's text from `../shared/seeds/`; never copied into the repo.
fn seed(prefix: &str) -> String {
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
