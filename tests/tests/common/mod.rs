//! The browser side of the harness, shared by the test files (`mod common;`)
//! and the benchmark (`#[path]`): one chromedriver + headless Chromium
//! session on the site served from dist/, helpers that return `Result` with a
//! readable message instead of panicking (so the session is always closed),
//! and a `Report` that runs named checks and fails the test with all of
//! their messages at the end.
#![allow(dead_code)] // Each test file uses its own subset.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use headroom_e2e::{chromium_args, chromium_binary, serve_dir, Chromedriver, TempProfile};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::fmt::Display;
use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A check's outcome: `Err` carries the message shown when the test fails.
pub type R<T = ()> = Result<T, String>;

/// How long to wait for the page to reach an expected state.
pub const WAIT: Duration = Duration::from_secs(15);

/// Turns any error into a message with context: `.map_err(ctx("goto"))`.
pub fn ctx<E: Display>(what: impl Display) -> impl FnOnce(E) -> String {
    move |e| format!("{what}: {e}")
}

/// `Err(message)` unless `cond`.
pub fn ensure(cond: bool, message: impl FnOnce() -> String) -> R {
    if cond {
        Ok(())
    } else {
        Err(message())
    }
}

/// `Err` naming `what`, the expected and the actual value unless they are equal.
pub fn ensure_eq<T: PartialEq + std::fmt::Debug>(what: &str, actual: T, expected: T) -> R {
    ensure(actual == expected, || {
        format!("{what}: expected {expected:?}, got {actual:?}")
    })
}

/// The figures the tests compare, read from the DOM (`textContent`, trimmed;
/// `None` when the element is missing).
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// `#summary[data-tier]`.
    pub data_tier: Option<String>,
    /// `#tier`, e.g. "Tier 3 · Consolidation".
    pub tier: Option<String>,
    pub summary_requests_per_day: Option<String>,
    pub requests_per_day: Option<String>,
    pub requests_per_second: Option<String>,
    pub migration_start: Option<String>,
    pub ceiling: Option<String>,
    pub verdict: Option<String>,
}

const READ_FIGURES: &str = r#"
const text = id => { const e = document.getElementById(id); return e ? e.textContent.trim() : null; };
const summary = document.getElementById('summary');
return {
  data_tier: summary ? summary.getAttribute('data-tier') : null,
  tier: text('tier'),
  summary_requests_per_day: text('summary-requests-per-day'),
  requests_per_day: text('load-requests-per-day'),
  requests_per_second: text('load-requests-per-second'),
  migration_start: text('migration-start'),
  ceiling: text('ceiling'),
  verdict: text('verdict'),
};
"#;

impl Figures {
    fn from_json(v: &Value) -> Figures {
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        Figures {
            data_tier: s("data_tier"),
            tier: s("tier"),
            summary_requests_per_day: s("summary_requests_per_day"),
            requests_per_day: s("requests_per_day"),
            requests_per_second: s("requests_per_second"),
            migration_start: s("migration_start"),
            ceiling: s("ceiling"),
            verdict: s("verdict"),
        }
    }

    /// Whether the tier number, the tier label's start and the requests per
    /// day (in both places) are the ones given.
    pub fn shows(&self, data_tier: &str, tier_prefix: &str, requests_per_day: &str) -> bool {
        self.data_tier.as_deref() == Some(data_tier)
            && self
                .tier
                .as_deref()
                .is_some_and(|t| t.starts_with(tier_prefix))
            && self.requests_per_day.as_deref() == Some(requests_per_day)
            && self.summary_requests_per_day.as_deref() == Some(requests_per_day)
    }
}

/// One chromedriver, one headless Chromium session, the site on 127.0.0.1.
pub struct Browser {
    pub client: Client,
    /// `http://127.0.0.1:<port>`, no trailing slash.
    pub origin: String,
    // Dropped after the client is closed: the profile, then chromedriver.
    _profile: TempProfile,
    _driver: Chromedriver,
}

impl Browser {
    /// Serves `dist_dir()` and opens a session. Panics (before anything needs
    /// closing) if dist/ is missing or chromedriver cannot start.
    pub async fn start() -> Browser {
        Browser::start_with(headroom_e2e::dist_dir()).await
    }

    pub async fn start_with(dist: PathBuf) -> Browser {
        Browser::start_configured(dist, json!({})).await
    }

    /// A session where pages run no JavaScript at all (hence no WebAssembly).
    #[allow(dead_code)]
    pub async fn start_without_js(dist: PathBuf) -> Browser {
        let no_js = json!({ "profile.managed_default_content_settings.javascript": 2 });
        Browser::start_configured(dist, no_js).await
    }

    async fn start_configured(dist: PathBuf, prefs: Value) -> Browser {
        headroom_e2e::check_dist(&dist);
        let origin = serve_dir(dist);
        let driver = Chromedriver::start();
        let profile = TempProfile::new();
        // navigator.language, hence the page's default language: the tests
        // expect English whatever the machine's locale.
        let mut prefs = prefs;
        prefs["intl.accept_languages"] = json!("en-US,en");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium_binary(),
                "args": chromium_args(&profile),
                "prefs": prefs,
            }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| panic!("could not open a Chromium session via chromedriver: {e}"));
        Browser {
            client,
            origin,
            _profile: profile,
            _driver: driver,
        }
    }

    /// Ends the session (Chromium exits), then stops chromedriver.
    pub async fn close(self) {
        let Browser {
            client,
            _profile,
            _driver,
            ..
        } = self;
        if let Err(e) = client.close().await {
            eprintln!("closing the Chromium session: {e}");
        }
    }

    /// `origin` + `path`, e.g. `/?users=2000`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Navigates to `path` and waits for the app's first render.
    pub async fn open(&self, path: &str) -> R {
        let url = self.url(path);
        self.client
            .goto(&url)
            .await
            .map_err(ctx(format!("navigate to {url}")))?;
        self.wait_rendered()
            .await
            .map_err(|e| format!("{url}: {e}"))
    }

    /// Waits until `performance.mark("headroom-rendered")` has been called
    /// and `#summary` is in the DOM.
    pub async fn wait_rendered(&self) -> R {
        self.wait_js(
            "the first render (performance mark \"headroom-rendered\" and #summary)",
            "return performance.getEntriesByName('headroom-rendered').length > 0 \
             && !!document.getElementById('summary');",
        )
        .await
        .map(drop)
    }

    /// Runs `script` (a function body; `arguments` holds `args`).
    pub async fn js_with(&self, script: &str, args: Vec<Value>) -> R<Value> {
        self.client
            .execute(script, args)
            .await
            .map_err(ctx(format!("script `{}`", script.trim())))
    }

    /// Runs `script` asynchronously: it ends by calling its last argument
    /// with the result (WebDriver's execute_async).
    pub async fn js_async(&self, script: &str) -> R<Value> {
        self.client
            .execute_async(script, vec![])
            .await
            .map_err(ctx(format!("async script `{}`", script.trim())))
    }

    pub async fn js(&self, script: &str) -> R<Value> {
        self.js_with(script, vec![]).await
    }

    /// Polls `script` until it returns something truthy; returns that value,
    /// or an error naming `what` and the last value after `WAIT`.
    pub async fn wait_js(&self, what: &str, script: &str) -> R<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            let last = self.js(script).await;
            match &last {
                Ok(v) if truthy(v) => return Ok(v.clone()),
                _ if Instant::now() >= deadline => {
                    return Err(format!(
                        "timed out after {} s waiting for {what}; last result: {last:?}",
                        WAIT.as_secs()
                    ))
                }
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// The element with this id (must be present now).
    pub async fn by_id(&self, id: &str) -> R<Element> {
        self.client
            .find(Locator::Id(id))
            .await
            .map_err(ctx(format!("find #{id}")))
    }

    pub async fn figures(&self) -> R<Figures> {
        Ok(Figures::from_json(&self.js(READ_FIGURES).await?))
    }

    /// Polls the figures until `ok` accepts them; on timeout the error names
    /// `what` and shows the last figures read.
    pub async fn wait_figures(&self, what: &str, ok: impl Fn(&Figures) -> bool) -> R<Figures> {
        let deadline = Instant::now() + WAIT;
        loop {
            let figures = self.figures().await?;
            if ok(&figures) {
                return Ok(figures);
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "timed out after {} s waiting for {what}; the page shows {figures:#?}",
                    WAIT.as_secs()
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// `location.href`.
    pub async fn href(&self) -> R<String> {
        let v = self.js("return location.href;").await?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("location.href is not a string: {v}"))
    }

    /// Waits until `location.href` satisfies `ok`; returns it.
    pub async fn wait_href(&self, what: &str, ok: impl Fn(&str) -> bool) -> R<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let href = self.href().await?;
            if ok(&href) {
                return Ok(href);
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "timed out after {} s waiting for the URL to {what}; it is {href}",
                    WAIT.as_secs()
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sets `window.__marker`; a reload would wipe it (see `ensure_no_reload`).
    pub async fn set_marker(&self) -> R {
        self.js("window.__marker = 1; return window.__marker;")
            .await
            .map(drop)
    }

    /// Fails if the page was reloaded since `set_marker`.
    pub async fn ensure_no_reload(&self, during: &str) -> R {
        let v = self.js("return window.__marker === 1;").await?;
        ensure(v == Value::Bool(true), || {
            format!("the page reloaded during {during} (window.__marker is gone)")
        })
    }

    /// `[innerWidth, innerHeight]` once it is `want` or has stopped changing:
    /// the page learns of a window resize asynchronously, so a read right
    /// after `set_window_size` may still show the old size.
    async fn settled_viewport(&self, want: (i64, i64)) -> R<(i64, i64)> {
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut last = None;
        let mut same = 0;
        loop {
            let v = self
                .js("return [window.innerWidth, window.innerHeight];")
                .await?;
            let now = (
                v[0].as_i64().unwrap_or_default(),
                v[1].as_i64().unwrap_or_default(),
            );
            if now == want {
                return Ok(now);
            }
            same = if last == Some(now) { same + 1 } else { 0 };
            if same >= 5 || Instant::now() >= deadline {
                return Ok(now);
            }
            last = Some(now);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Resizes the window so that the viewport (`innerWidth` × `innerHeight`)
    /// is `width` × `height`, correcting for the window's frame (headless
    /// Chromium keeps some height for its invisible toolbar).
    pub async fn set_viewport(&self, width: u32, height: u32) -> R {
        let want = (i64::from(width), i64::from(height));
        let (mut outer_w, mut outer_h) = (width, height);
        let mut got = (0, 0);
        for _ in 0..4 {
            self.client
                .set_window_size(outer_w, outer_h)
                .await
                .map_err(ctx(format!("set_window_size({outer_w}, {outer_h})")))?;
            got = self.settled_viewport(want).await?;
            if got == want {
                return Ok(());
            }
            let fix = |outer: u32, want: i64, got: i64| {
                u32::try_from(i64::from(outer) + want - got).unwrap_or(outer)
            };
            outer_w = fix(outer_w, want.0, got.0);
            outer_h = fix(outer_h, want.1, got.1);
        }
        Err(format!(
            "could not get a {width}×{height} viewport; innerWidth × innerHeight is {}×{}",
            got.0, got.1
        ))
    }

    /// Saves a PNG of the whole page at the current viewport width: the
    /// window is made as tall as the document (up to `max_height`) for the
    /// shot, then restored to `height`.
    pub async fn full_page_screenshot(
        &self,
        path: &str,
        width: u32,
        height: u32,
        max_height: u32,
    ) -> R {
        let doc_h = self
            .js("return Math.ceil(document.documentElement.scrollHeight);")
            .await?
            .as_u64()
            .unwrap_or(u64::from(height));
        let tall = u32::try_from(doc_h)
            .unwrap_or(max_height)
            .clamp(height, max_height);
        self.set_viewport(width, tall).await?;
        let shot = self.client.screenshot().await.map_err(ctx("screenshot"));
        self.set_viewport(width, height).await?;
        let png = shot?;
        ensure(png.starts_with(b"\x89PNG\r\n\x1a\n"), || {
            format!("the screenshot for {path} is not a PNG")
        })?;
        std::fs::write(path, &png).map_err(ctx(format!("write {path}")))?;
        println!(
            "    saved {path} ({width}×{tall} CSS px, {} bytes)",
            png.len()
        );
        Ok(())
    }
}

impl Browser {
    /// Saves a PNG of the element matched by `selector` at `width` CSS px:
    /// the window is made tall enough for all of it (up to `max_height`),
    /// then restored to `height`.
    pub async fn element_screenshot(
        &self,
        selector: &str,
        path: &str,
        width: u32,
        height: u32,
        max_height: u32,
    ) -> R {
        let bottom = self
            .js_with(
                // A column that scrolls on its own (the inputs) shows all of
                // itself once the window is as tall as its content.
                "const e = document.querySelector(arguments[0]); if (!e) return null; \
                 const top = e.getBoundingClientRect().top + window.scrollY; \
                 return Math.ceil(top + Math.max(e.getBoundingClientRect().height, e.scrollHeight) + 32);",
                vec![json!(selector)],
            )
            .await?
            .as_u64()
            .ok_or_else(|| format!("no {selector} to take a screenshot of"))?;
        let tall = u32::try_from(bottom)
            .unwrap_or(max_height)
            .clamp(height, max_height);
        self.set_viewport(width, tall).await?;
        let shot = match self.client.find(Locator::Css(selector)).await {
            Ok(element) => element.screenshot().await.map_err(ctx("screenshot")),
            Err(e) => Err(format!("find {selector}: {e}")),
        };
        self.set_viewport(width, height).await?;
        let png = shot?;
        ensure(png.starts_with(b"\x89PNG\r\n\x1a\n"), || {
            format!("the screenshot for {path} is not a PNG")
        })?;
        std::fs::write(path, &png).map_err(ctx(format!("write {path}")))?;
        println!(
            "    saved {path} ({selector} at {width} CSS px, {} bytes)",
            png.len()
        );
        Ok(())
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// Runs named checks in order against one session and remembers which failed.
pub struct Report {
    test: &'static str,
    failures: Vec<String>,
}

/// The longest a single check may take before it counts as failed.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(60);

impl Report {
    pub fn new(test: &'static str) -> Report {
        Report {
            test,
            failures: Vec::new(),
        }
    }

    /// Runs `check`; prints `ok`/`FAILED` with its name. Returns its value,
    /// or `None` if it failed (later checks that need it are then skipped).
    pub async fn check<T>(&mut self, name: &str, check: impl Future<Output = R<T>>) -> Option<T> {
        let start = Instant::now();
        let outcome = match tokio::time::timeout(CHECK_TIMEOUT, check).await {
            Ok(outcome) => outcome,
            Err(_) => Err(format!(
                "did not finish within {} s",
                CHECK_TIMEOUT.as_secs()
            )),
        };
        let ms = start.elapsed().as_millis();
        match outcome {
            Ok(value) => {
                println!("  ok      {name} ({ms} ms)");
                Some(value)
            }
            Err(message) => {
                println!("  FAILED  {name} ({ms} ms)\n          {message}");
                self.failures.push(format!("{name}\n    {message}"));
                None
            }
        }
    }

    /// Records that `name` could not run because `needed` failed.
    pub fn skipped(&mut self, name: &str, needed: &str) {
        println!("  SKIPPED {name} (needs: {needed})");
        self.failures
            .push(format!("{name}\n    skipped: needs the check `{needed}`"));
    }

    /// Panics listing every failed check, if any. Call after `Browser::close`.
    pub fn finish(self) {
        if !self.failures.is_empty() {
            panic!(
                "{}: {} check(s) failed:\n\n- {}\n",
                self.test,
                self.failures.len(),
                self.failures.join("\n\n- ")
            );
        }
    }
}

/// Today (UTC, as the headless browser here keeps it): this month as
/// `YYYY-MM`, the month itself, and the share of it already gone, which
/// "in N months" no longer counts.
pub fn today() -> (String, headroom_core::YearMonth, f64) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let month = headroom_core::YearMonth::from_unix_seconds(seconds);
    let day = headroom_core::YearMonth::day_from_unix_seconds(seconds);
    let gone = (f64::from(day) - 1.0) / f64::from(month.days());
    (month.to_string(), month, gone)
}

/// `(in 18.8 months)` / `(dans 18,8 mois)` as the page writes a time
/// `months` after the first of this month.
pub fn in_months(months: f64, lang: headroom_core::Lang) -> String {
    let (_, _, gone) = today();
    // With plain spaces, as the checks read the page's text.
    let n = headroom_core::text::months(months - gone, lang).replace('\u{a0}', " ");
    match lang {
        headroom_core::Lang::Fr => format!("(dans {n})"),
        headroom_core::Lang::En => format!("(in {n})"),
    }
}
