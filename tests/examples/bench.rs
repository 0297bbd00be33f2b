//! The browser half of scripts/bench (not a test; nothing here fails on a
//! slow result). Serves a built dist/ on 127.0.0.1 and measures in headless
//! Chromium:
//!   - load: navigation start → `performance.mark("headroom-rendered")`,
//!     median of 5 fresh loads (new Chromium session and profile each time,
//!     `Cache-Control: no-store`), target < 300 ms;
//!   - first figure: navigation start → the plan's first figure in the DOM
//!     (#summary-requests-per-day: the prerendered one at domInteractive, a
//!     share link's at the app's first render), for the default page and a share link,
//!     median of 5 fresh loads each;
//!   - edit: an `input` event on #in-users → #load-requests-per-day updated
//!     in the DOM (MutationObserver), median of 20 edits, target < 16 ms.
//!
//! Usage: cargo run -p headroom-e2e --example bench -- <dist dir> [gzip total bytes]
//! The optional gzip total (measured by scripts/bench) only goes into the
//! closing summary table.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::common::{Browser, R};
    use headroom_e2e::median;
    use serde_json::{json, Value};
    use std::path::PathBuf;

    const LOADS: usize = 5;
    const EDITS: usize = 20;
    const LOAD_TARGET_MS: f64 = 300.0;
    const EDIT_TARGET_MS: f64 = 16.0;
    const SIZE_TARGET_BYTES: u64 = 180_000;
    const PAGE: &str = "/?users=2000&growth=10";

    /// After the first render: when it happened, and a few milestones of the
    /// same load for context (all from navigation start, in ms).
    const READ_LOAD: &str = r#"
        const nav = performance.getEntriesByType('navigation')[0] || {};
        const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm')) || {};
        const mark = performance.getEntriesByName('headroom-rendered')[0];
        return {
          rendered: mark ? mark.startTime : null,
          html: nav.responseEnd ?? null,
          dcl: nav.domContentLoadedEventEnd ?? null,
          wasm: wasm.responseEnd ?? null,
        };
    "#;

    /// When the plan's first figure (#summary-requests-per-day) was in the
    /// DOM, from navigation start, in ms: the prerendered one is parsed with
    /// the page (`domInteractive`); a share link's comes with the app's first
    /// render (the "headroom-rendered" mark). Also its first paint, where the
    /// browser reports Element Timing (`elementtiming="plan-figure"`).
    const READ_FIRST_FIGURE: &str = r#"
        const done = arguments[arguments.length - 1];
        const seen = [];
        let observer = null;
        try {
          observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
          observer.observe({ type: 'element', buffered: true });
        } catch (e) {}
        setTimeout(() => {
          if (observer) observer.disconnect();
          const paints = seen.filter((e) => e.identifier === 'plan-figure').map((e) => e.renderTime || e.loadTime);
          const nav = performance.getEntriesByType('navigation')[0] || {};
          const mark = performance.getEntriesByName('headroom-rendered')[0];
          const prerendered = location.search === '';
          done({
            in_dom: prerendered ? nav.domInteractive : (mark ? mark.startTime : null),
            painted: paints.length ? Math.min(...paints) : null,
          });
        }, 200);
    "#;

    /// Sets #in-users to `arguments[0]`, dispatches `input` and resolves with
    /// the time until #load-requests-per-day's text changes.
    const EDIT: &str = r#"
        const [value, done] = arguments;
        const input = document.getElementById('in-users');
        const figure = () => document.getElementById('load-requests-per-day');
        const before = figure() ? figure().textContent : null;
        let t0 = 0;
        let timer = 0;
        const observer = new MutationObserver(() => {
          const now = performance.now();
          const el = figure();
          if (el && el.textContent !== before) finish({ ms: now - t0, text: el.textContent });
        });
        const finish = result => { observer.disconnect(); clearTimeout(timer); done(result); };
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        timer = setTimeout(() => finish({ error: 'no DOM update within 2 s', text: before }), 2000);
        input.value = value;
        t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
    "#;

    pub fn main() {
        let mut args = std::env::args().skip(1);
        let dist = args
            .next()
            .map(PathBuf::from)
            .unwrap_or_else(headroom_e2e::dist_dir);
        let gzip_total: Option<u64> = args.next().and_then(|s| s.parse().ok());
        headroom_e2e::check_dist(&dist);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        if let Err(e) = runtime.block_on(run(dist, gzip_total)) {
            eprintln!("bench: {e}");
            std::process::exit(1);
        }
    }

    fn verdict(met: bool) -> &'static str {
        if met {
            "met"
        } else {
            "NOT met"
        }
    }

    fn ms(v: &Value) -> String {
        v.as_f64()
            .map_or_else(|| "–".to_owned(), |x| format!("{x:.1}"))
    }

    async fn run(dist: PathBuf, gzip_total: Option<u64>) -> R {
        println!(
            "Browser: headless Chromium via chromedriver, site served from {} on 127.0.0.1",
            dist.display()
        );

        // 1. Loads, each in a brand-new session (fresh profile, no cache).
        println!();
        println!("Load: navigation start → performance.mark(\"headroom-rendered\"), {LOADS} fresh loads of {PAGE}");
        println!(
            "  {:<6}{:>14}{:>14}{:>22}{:>18}",
            "load", "rendered ms", "html ms", "DOMContentLoaded ms", "wasm fetched ms"
        );
        let mut loads = Vec::new();
        for i in 1..=LOADS {
            let b = Browser::start_with(dist.clone()).await;
            let measured = async {
                b.set_viewport(1280, 900).await?;
                b.open(PAGE).await?;
                b.js(READ_LOAD).await
            }
            .await;
            b.close().await;
            let v = measured?;
            let rendered = v["rendered"]
                .as_f64()
                .ok_or_else(|| format!("load {i}: no headroom-rendered mark: {v}"))?;
            println!(
                "  {:<6}{:>14}{:>14}{:>22}{:>18}",
                i,
                ms(&v["rendered"]),
                ms(&v["html"]),
                ms(&v["dcl"]),
                ms(&v["wasm"])
            );
            loads.push(rendered);
        }
        let load_median = median(&loads);
        println!(
            "  median {load_median:.1} ms (target < {LOAD_TARGET_MS} ms: {})",
            verdict(load_median < LOAD_TARGET_MS)
        );

        // 2. The first figure in the DOM: prerendered on the default page,
        // computed by the app for a share link.
        println!();
        println!("First figure: navigation start → #summary-requests-per-day in the DOM (prerendered: domInteractive; share link: the app's first render), {LOADS} fresh loads each");
        let mut first_figure = Vec::new();
        for (what, path) in [("default page /", "/"), ("share link", PAGE)] {
            let mut samples = Vec::new();
            for i in 1..=LOADS {
                let b = Browser::start_with(dist.clone()).await;
                let measured = async {
                    b.set_viewport(1280, 900).await?;
                    b.open(path).await?;
                    b.client
                        .execute_async(READ_FIRST_FIGURE, vec![])
                        .await
                        .map_err(|e| format!("{path}: {e}"))
                }
                .await;
                b.close().await;
                let v = measured?;
                let t = v["in_dom"]
                    .as_f64()
                    .ok_or_else(|| format!("{what}, load {i}: no figure in the DOM: {v}"))?;
                samples.push(t);
            }
            let list: Vec<String> = samples.iter().map(|t| format!("{t:.1}")).collect();
            let m = median(&samples);
            println!(
                "  {what:<16} ({path}): {} ms; median {m:.1} ms",
                list.join(", ")
            );
            first_figure.push((what, path, m));
        }

        // 3. Edits, in one loaded page.
        println!();
        println!("Edit: input event on #in-users → #load-requests-per-day updated in the DOM, {EDITS} edits");
        let b = Browser::start_with(dist.clone()).await;
        let edits = async {
            b.set_viewport(1280, 900).await?;
            b.open(PAGE).await?;
            let mut samples = Vec::new();
            for i in 0..EDITS {
                let users = (1000 + i).to_string();
                let v = b
                    .client
                    .execute_async(EDIT, vec![json!(users)])
                    .await
                    .map_err(|e| format!("edit {}: {e}", i + 1))?;
                let t = v["ms"]
                    .as_f64()
                    .ok_or_else(|| format!("edit {} (users={users}): {v}", i + 1))?;
                samples.push((users, t, v["text"].as_str().unwrap_or("").to_owned()));
            }
            Ok::<_, String>(samples)
        }
        .await;
        b.close().await;
        let edits = edits?;
        println!(
            "  {:<6}{:>8}{:>22}{:>10}",
            "edit", "users", "requests/day shown", "ms"
        );
        for (i, (users, t, text)) in edits.iter().enumerate() {
            println!("  {:<6}{:>8}{:>22}{:>10.2}", i + 1, users, text, t);
        }
        let times: Vec<f64> = edits.iter().map(|(_, t, _)| *t).collect();
        let edit_median = median(&times);
        println!(
            "  median {edit_median:.2} ms (target < {EDIT_TARGET_MS} ms: {})",
            verdict(edit_median < EDIT_TARGET_MS)
        );

        // Summary.
        println!();
        println!("Summary");
        println!("  {:<52}{:>14}{:>14}  result", "measure", "value", "target");
        if let Some(total) = gzip_total {
            println!(
                "  {:<52}{:>14}{:>14}  {}",
                "first-load files, gzip -9 total",
                format!("{total} B"),
                format!("{SIZE_TARGET_BYTES} B"),
                verdict(total <= SIZE_TARGET_BYTES)
            );
        }
        println!(
            "  {:<52}{:>14}{:>14}  {}",
            format!("load → rendered, median of {LOADS}"),
            format!("{load_median:.1} ms"),
            format!("< {LOAD_TARGET_MS} ms"),
            verdict(load_median < LOAD_TARGET_MS)
        );
        for (what, _, m) in &first_figure {
            println!(
                "  {:<52}{:>14}{:>14}",
                format!("first figure in the DOM, {what}, median of {LOADS}"),
                format!("{m:.1} ms"),
                "–"
            );
        }
        println!(
            "  {:<52}{:>14}{:>14}  {}",
            format!("input → figures in the DOM, median of {EDITS}"),
            format!("{edit_median:.2} ms"),
            format!("< {EDIT_TARGET_MS} ms"),
            verdict(edit_median < EDIT_TARGET_MS)
        );
        Ok(())
    }
}
