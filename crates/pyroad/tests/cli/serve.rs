//! `pyroad serve`: refuses non-loopback addresses; serves the app on the
//! SQLite store and stops cleanly on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::pyroad;

#[test]
fn non_loopback_binds_are_refused_with_one_line() {
    let data = tempfile::tempdir().expect("temp dir");
    for addr in ["0.0.0.0:7878", "[::]:7878", "192.0.2.10:80"] {
        let out = pyroad()
            .env_remove("DATABASE_URL")
            .env("PYROAD_DATA_DIR", data.path())
            .args(["serve", "--bind", addr])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{addr}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("error: refusing to serve on") && stderr.contains("loopback"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    // Nothing was opened or created for a refused bind.
    assert!(!data.path().join("pyroad.db").exists());
}

/// One HTTP/1.1 request on a fresh connection; the whole response.
fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("the server accepts connections");
    stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read the response");
    response
}

#[test]
fn serves_pages_and_stops_on_sigterm() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("pyroad"))
        .env_remove("DATABASE_URL")
        .env("PYROAD_DATA_DIR", data.path())
        .env("RUST_LOG", "info")
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyroad serve");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout")).read_line(&mut first).expect("the address line");
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_owned();

    let health = http_get(&addr, "/healthz");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.to_lowercase().contains("x-request-id:"), "{health}");
    let home = http_get(&addr, "/");
    assert!(home.starts_with("HTTP/1.1 200") && home.contains("No roadmap yet"), "{home}");

    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("run kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("reap pyroad serve");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(stderr.contains("shutting down"), "{stderr}");
    assert!(stderr.contains("request_id="), "structured request logs: {stderr}");
}
