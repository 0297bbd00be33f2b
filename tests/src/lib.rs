//! Helpers for the end-to-end tests (see tests/) and the benchmark
//! (examples/bench.rs): where the built site is, a std-only static file
//! server, the chromedriver process and a throw-away Chromium profile.
//! Native only; the browser session itself lives in tests/common/mod.rs.
#![cfg(not(target_arch = "wasm32"))]

pub mod leaks;
pub mod pgbench;
pub mod servers;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The release site: `$HEADROOM_DIST`, else `dist/` at the workspace root.
/// Panics with the command to run when it has not been built.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("HEADROOM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    check_dist(&dir);
    dir
}

/// Panics with a clear message unless `dir` holds a built site.
pub fn check_dist(dir: &Path) {
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: build the site first with `./scripts/test` \
         (or `source scripts/env.sh && trunk build --release --offline`), \
         or point HEADROOM_DIST at a built dist/",
        dir.display()
    );
}

/// Reserve a free port on 127.0.0.1 (bind :0, read the port, release it).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind 127.0.0.1:0")
        .port()
}

/// The Content-Type the browser needs, by extension (WebAssembly streaming
/// compilation insists on `application/wasm`).
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; there is never a body worth reading.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // A directory's page is its index.html (the French page is fr/), as on
    // any static host; without its trailing slash, it is redirected there.
    let rel = path.trim_start_matches('/');
    let mut rel_path = PathBuf::from(rel);
    if rel.is_empty() || rel.ends_with('/') {
        rel_path.push("index.html");
    } else if root.join(rel).is_dir() {
        let query = target.find('?').map_or("", |i| &target[i..]);
        return write!(
            stream,
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {path}/{query}\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
    let safe = rel_path
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let file = root.join(&rel_path);
    let read = if safe {
        std::fs::read(&file)
    } else {
        Err(std::io::ErrorKind::NotFound.into())
    };
    let (status, body, ctype) = match (method, read) {
        ("GET" | "HEAD", Ok(bytes)) => ("200 OK", bytes, content_type(&file)),
        ("GET" | "HEAD", Err(_)) => (
            "404 Not Found",
            b"not found".to_vec(),
            "text/plain; charset=utf-8",
        ),
        _ => ("405 Method Not Allowed", Vec::new(), "text/plain"),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Serves `root` on 127.0.0.1:<free port> from background threads (one per
/// connection, `Cache-Control: no-store`) for the rest of the process;
/// returns the origin, e.g. `http://127.0.0.1:41234`.
pub fn serve_dir(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the static file server");
    let addr = listener.local_addr().expect("static server address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &root);
            });
        }
    });
    format!("http://{addr}")
}

/// chromedriver on 127.0.0.1:<free port>, killed when dropped.
pub struct Chromedriver {
    child: Child,
    /// `http://127.0.0.1:<port>`, for the WebDriver client.
    pub url: String,
}

impl Chromedriver {
    /// Starts `$CHROMEDRIVER` (default /usr/bin/chromedriver) and waits until
    /// it listens.
    pub fn start() -> Self {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let mut child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {bin} (run ./scripts/install-tools): {e}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{bin} did not listen on 127.0.0.1:{port} within 20 s");
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Chromedriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh Chromium profile directory, removed when dropped.
pub struct TempProfile(pub PathBuf);

impl TempProfile {
    pub fn new() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = std::env::temp_dir().join(format!(
            "headroom-e2e-profile-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("create a Chromium profile directory");
        TempProfile(dir)
    }
}

impl Default for TempProfile {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TempProfile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The Chromium binary: `$CHROME_BIN`, default /usr/bin/chromium.
pub fn chromium_binary() -> String {
    std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Headless Chromium's command line, with its own profile directory.
pub fn chromium_args(profile: &TempProfile) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(std::iter::once(format!(
        "--user-data-dir={}",
        profile.0.display()
    )))
    .collect()
}

/// The median of `samples` (mean of the middle two when even); NaN if empty.
pub fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(content_type(Path::new("a_bg.wasm")), "application/wasm");
        assert!(content_type(Path::new("a.js")).starts_with("text/javascript"));
        assert!(content_type(Path::new("a.css")).starts_with("text/css"));
        assert!(content_type(Path::new("index.html")).starts_with("text/html"));
    }
}
