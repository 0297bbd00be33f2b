#![cfg(not(target_arch = "wasm32"))]
//! Latency at the peak hour on the page: the figures from the core, the
//! chart of P95 against users with the decision table's 1 s and 3 s rows,
//! in both languages, and screenshots of the section at 1280 and 360 px:
//! /tmp/headroom-latency-{desktop,360}-{en,fr}.png.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Report, R};

/// 1,000 users making 100 requests a second at the peak, on 4 servers of
/// 25 ms: P95 85 ms, saturated at 1,600 users, 10% growth a month.
const GIVEN: &str = "users=1000&rpu=2160&growth=10&svc=25&par=4&start=2026-11";
/// 300 users at 35% CPU on a Pi: 140% at the peak hour, P95 measured 800 ms.
const SATURATED: &str = "users=300&growth=20&host=pi4&cpu=35&p95=800&start=2026-11";

#[tokio::test(flavor = "current_thread")]
async fn latency_at_the_peak_hour() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("latency_at_the_peak_hour");
    report
        .check(
            "a given service time: P95 85 ms at the peak, saturated at 1,600 users, the curve and the 1 s and 3 s lines",
            given(b, "/", "85\u{a0}ms", "1,600 users", "62.5%"),
        )
        .await;
    report
        .check(
            "the same in French",
            given(
                b,
                "/fr/",
                "85\u{a0}ms",
                "1\u{202f}600 utilisateurs",
                "62,5\u{a0}%",
            ),
        )
        .await;
    report
        .check(
            "CPU 35% on a Pi: saturated at the peak now, said first, the P95 measured beside the prediction",
            saturated(b, "/", "The peak hour already saturates the machine", "P95 measured 800\u{a0}ms"),
        )
        .await;
    report
        .check(
            "the same in French",
            saturated(
                b,
                "/fr/",
                "L'heure de pointe sature déjà la machine",
                "P95 mesuré 800\u{a0}ms",
            ),
        )
        .await;
    report
        .check(
            "unmeasured: the source's implied CPU per request, stated as a correction",
            unmeasured(b),
        )
        .await;
    for (page, lang) in [("/", "en"), ("/fr/", "fr")] {
        for (width, name) in [(1280, "desktop"), (360, "360")] {
            report
                .check(
                    &format!("{name}, {lang}: no horizontal scrolling; /tmp/headroom-latency-{name}-{lang}.png"),
                    shot(b, page, width, &format!("/tmp/headroom-latency-{name}-{lang}.png")),
                )
                .await;
        }
    }
    browser.close().await;
    report.finish();
}

const READ: &str = r#"
    const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent.trim() : null; };
    return {
      p95: text('#latency-p95'),
      saturation: text('#latency-saturation'),
      utilisation: text('#latency-utilisation'),
      servers: text('#latency-servers'),
      calibration: text('#latency-calibration'),
      source: text('#latency-source'),
      crossings: document.querySelectorAll('#latency .crossing').length,
      curves: document.querySelectorAll('#latency-chart polyline.p95-curve').length,
      points: [...document.querySelectorAll('#latency-chart polyline.p95-curve')]
        .map((p) => p.getAttribute('points').split(' ').length).reduce((a, b) => a + b, 0),
      rows: [...document.querySelectorAll('#latency-chart .p95-row text')].map((t) => t.textContent),
      saturation_line: document.querySelectorAll('#latency-chart .saturation line').length,
      verdict: text('.verdict'),
    };
"#;

async fn given(b: &Browser, page: &str, p95: &str, saturation: &str, utilisation: &str) -> R {
    b.open(&format!("{page}?{GIVEN}")).await?;
    let v = b.js(READ).await?;
    println!("    {page}: {v}");
    ensure_eq("#latency-p95", v["p95"].as_str(), Some(p95))?;
    ensure_eq(
        "#latency-utilisation",
        v["utilisation"].as_str(),
        Some(utilisation),
    )?;
    ensure(
        v["saturation"]
            .as_str()
            .is_some_and(|s| s.starts_with(saturation)),
        || {
            format!(
                "#latency-saturation should start with {saturation:?}: {}",
                v["saturation"]
            )
        },
    )?;
    ensure_eq("P95 rows in the figures", v["crossings"].as_u64(), Some(2))?;
    ensure_eq("one drawn curve", v["curves"].as_u64(), Some(1))?;
    ensure(v["points"].as_u64().is_some_and(|n| n >= 10), || {
        format!("the curve should have points: {}", v["points"])
    })?;
    let rows: Vec<&str> = v["rows"]
        .as_array()
        .map(|r| r.iter().filter_map(|t| t.as_str()).collect())
        .unwrap_or_default();
    ensure(
        rows.len() == 2 && rows[0].contains("000") && rows[1].contains("000"),
        || format!("the 1 s and 3 s lines: {rows:?}"),
    )?;
    ensure_eq(
        "the saturation line",
        v["saturation_line"].as_u64(),
        Some(1),
    )
}

async fn saturated(b: &Browser, page: &str, verdict: &str, calibration: &str) -> R {
    b.open(&format!("{page}?{SATURATED}")).await?;
    let v = b.js(READ).await?;
    println!("    {page}: {v}");
    ensure(
        v["verdict"].as_str().is_some_and(|t| t.contains(verdict)),
        || format!("the verdict should say {verdict:?}: {}", v["verdict"]),
    )?;
    ensure(
        v["utilisation"]
            .as_str()
            .is_some_and(|u| u.starts_with("140")),
        || format!("140% at the peak: {}", v["utilisation"]),
    )?;
    ensure(
        v["calibration"]
            .as_str()
            .is_some_and(|c| c.starts_with(calibration)),
        || {
            format!(
                "#latency-calibration should start with {calibration:?}: {}",
                v["calibration"]
            )
        },
    )?;
    ensure_eq("no curve below saturation", v["curves"].as_u64(), Some(0))
}

async fn unmeasured(b: &Browser) -> R {
    b.open("/?users=1500&start=2026-11").await?;
    let v = b.js(READ).await?;
    let source = v["source"].as_str().unwrap_or_default();
    ensure(
        source.contains("3.83 Pi 4 cores") && source.contains("11.04\u{a0}s of CPU per request"),
        || format!("#latency-source: {source:?}"),
    )?;
    ensure(
        v["verdict"]
            .as_str()
            .is_some_and(|t| !t.contains("saturates")),
        || format!("the source's figures set no verdict: {}", v["verdict"]),
    )
}

async fn shot(b: &Browser, page: &str, width: u32, path: &str) -> R {
    b.set_viewport(width, 900).await?;
    b.open(&format!("{page}?{GIVEN}")).await?;
    let wide = b
        .js("return document.documentElement.scrollWidth <= window.innerWidth;")
        .await?;
    ensure_eq("no horizontal scrolling", wide.as_bool(), Some(true))?;
    b.js("document.getElementById('latency').scrollIntoView(); return true;")
        .await?;
    let section = b.by_id("latency").await?;
    let png = section
        .screenshot()
        .await
        .map_err(ctx(format!("screenshot of #latency for {path}")))?;
    std::fs::write(path, &png).map_err(ctx(format!("write {path}")))?;
    println!("    saved {path} ({} bytes)", png.len());
    Ok(())
}
