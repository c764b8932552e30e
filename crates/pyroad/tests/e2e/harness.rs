//! What the browser test runs against: the real `pyroad serve` binary on a
//! free loopback port with a temporary data directory, chromedriver on
//! another, and a headless Chromium session that may only reach loopback.
//! Every process started here is killed when its guard drops.

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A child process killed (and reaped) on drop.
pub struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Fails the test, never skips it, when the browser is not installed.
pub fn require_browser() {
    for (path, what) in [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromedriver")] {
        assert!(
            Path::new(path).exists(),
            "the browser tests need {what} at {path}: install it with \
             `apt-get install -y chromium chromium-driver` (.ci/run does this)"
        );
    }
}

/// `pyroad serve` on 127.0.0.1:0 over a SQLite file in `data_dir`; returns
/// the guard and the base URL the binary announced on stdout.
pub fn start_server(data_dir: &Path) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyroad"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        // A DATABASE_URL in the environment would switch to PostgreSQL.
        .env_remove("DATABASE_URL")
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the pyroad binary starts");
    let stdout = child.stdout.take().expect("stdout was piped");
    let guard = Running(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("pyroad serve prints where it listens");
    let start = line.find("http://").unwrap_or_else(|| panic!("no URL in pyroad serve's first line: {line:?}"));
    let url = line[start..].split_whitespace().next().unwrap_or_default().trim_end_matches('/').to_owned();
    (guard, url)
}

/// chromedriver on a free loopback port, once it accepts connections.
pub fn start_chromedriver() -> (Running, SocketAddr) {
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free loopback port").port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{CHROMEDRIVER} does not start: {e}"));
    let guard = Running(child);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen on {addr} within 20 s");
        std::thread::sleep(Duration::from_millis(100));
    }
    (guard, addr)
}

/// A headless Chromium session with a fresh profile. Anything but loopback
/// resolves to nothing and goes through a proxy that does not exist.
pub async fn browser(driver: SocketAddr, profile: &Path) -> Client {
    let args = vec![
        "--headless".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--window-size=1280,1000".to_owned(),
        "--proxy-server=127.0.0.1:9".to_owned(),
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1".to_owned(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".to_owned(), json!({ "binary": CHROMIUM, "args": args }));
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://{driver}"))
        .await
        .unwrap_or_else(|e| panic!("chromedriver at {driver} gives no Chromium session: {e}"))
}

/// Where screenshots go: `<target dir>/e2e/`, found from this test binary's
/// own path (`<target>/<profile>/deps/e2e-<hash>`).
pub fn screenshot_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let target = exe.ancestors().nth(3).expect("the test binary sits in <target>/<profile>/deps");
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Small conveniences over a fantoccini client.
pub struct Page<'a> {
    pub client: &'a Client,
    pub base: &'a str,
    pub shots: PathBuf,
}

impl Page<'_> {
    pub async fn open(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.client.goto(&url).await.unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    pub async fn shot(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap_or_else(|e| panic!("no screenshot of {name}: {e}"));
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    pub async fn text(&self, css: &str) -> String {
        let element = self.find(css).await;
        element.text().await.unwrap_or_else(|e| panic!("no text in {css}: {e}"))
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        match self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => {
                let body = self.client.find(Locator::Css("body")).await.ok();
                let text = match body {
                    Some(b) => b.text().await.unwrap_or_default(),
                    None => String::new(),
                };
                let start: String = text.chars().take(400).collect();
                panic!("no element {css} on {}: {e}; the page says: {start}", self.url().await)
            }
        }
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or_else(|e| panic!("cannot look for {css}: {e}"))
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        element.clear().await.unwrap_or_else(|e| panic!("cannot clear {css}: {e}"));
        element.send_keys(text).await.unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
    }

    /// Clicks `css` and waits until the page shows `then` (post/redirect/get).
    pub async fn submit(&self, css: &str, then: &str) {
        // `then` may be on the page before the post too (`.meta` is): wait
        // for the old document to go first, or a slow post reads it.
        let old = self.find("html").await;
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
        let deadline = Instant::now() + Duration::from_secs(10);
        while old.tag_name().await.is_ok() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.find(then).await;
    }

    pub async fn url(&self) -> String {
        self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default()
    }

    pub async fn script(&self, js: &str) -> serde_json::Value {
        self.client.execute(js, vec![]).await.unwrap_or_else(|e| panic!("script {js:?} failed: {e}"))
    }

    /// No script of the page ran: no alert is open and the payload's flag
    /// was never set.
    pub async fn assert_inert(&self, at: &str) {
        assert!(self.client.get_alert_text().await.is_err(), "an alert dialog is open on {at}");
        let flag = self.script("return typeof window.__pwned;").await;
        assert_eq!(flag, json!("undefined"), "the injected script ran on {at}");
        let javascript_links = self.count("a[href^='javascript:' i]").await;
        assert_eq!(javascript_links, 0, "a javascript: link is clickable on {at}");
    }
}
