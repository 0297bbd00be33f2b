#![cfg(not(target_arch = "wasm32"))]
//! Headroom by resource on the page: the worked example's link gives the
//! ceiling and the resource that sets it, in both languages, and the custom
//! host shows its own inputs.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ensure, ensure_eq, Browser, Report, R};

/// SPEC 3.10's worked example: memory full at 6,000 users, phase 1 at 4,500
/// in 15.78 months, the ceiling in 18.80.
/// Started this month: "in N months" counts from today's date.
fn worked() -> String {
    format!(
        "users=1000&growth=10&host=pi4&cpu=4&ram=50&start={}",
        common::today().0
    )
}

#[tokio::test(flavor = "current_thread")]
async fn headroom_by_resource() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("headroom_by_resource");
    report
        .check(
            "the worked example: memory sets the ceiling at 6,000 users, in 18.8 months; phase 1 in 15.8",
            worked_example(
                b,
                "/",
                "Memory, full at 6,000 users",
                &common::in_months(6f64.ln() / 1.1f64.ln(), headroom_core::Lang::En),
                &common::in_months(4.5f64.ln() / 1.1f64.ln(), headroom_core::Lang::En),
            ),
        )
        .await;
    report
        .check(
            "the worked example in French",
            worked_example(
                b,
                "/fr/",
                "Mémoire, au maximum à 6\u{202F}000 utilisateurs",
                &common::in_months(6f64.ln() / 1.1f64.ln(), headroom_core::Lang::Fr),
                &common::in_months(4.5f64.ln() / 1.1f64.ln(), headroom_core::Lang::Fr),
            ),
        )
        .await;
    report
        .check(
            "a custom host shows its three inputs, and its CPU is not modelled without a measurement",
            custom_host(b),
        )
        .await;
    browser.close().await;
    report.finish();
}

const READ: &str = r#"
    // No-break spaces (French puts one before units) read as spaces.
    const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent.trim().replace(/\u00a0/g, ' ') : null; };
    const rows = [...document.querySelectorAll('#resources-table tbody tr')].map((tr) => ({
      resource: tr.dataset.resource,
      binding: tr.classList.contains('binding'),
      cells: [...tr.children].map((c) => c.textContent.trim()),
    }));
    return {
      binding: text('#binding'),
      resources_binding: text('#resources-binding'),
      ceiling: text('#ceiling'),
      start: text('#migration-start'),
      rows,
      lines: document.querySelectorAll('#resources-chart polyline').length,
      calibration: text('#calibration'),
    };
"#;

async fn worked_example(b: &Browser, page: &str, binding: &str, ceiling: &str, start: &str) -> R {
    b.open(&format!("{page}?{}", worked())).await?;
    let v = b.js(READ).await?;
    ensure_eq("#binding", v["binding"].as_str(), Some(binding))?;
    ensure_eq(
        "#resources-binding",
        v["resources_binding"].as_str(),
        Some(binding),
    )?;
    ensure(
        v["ceiling"].as_str().is_some_and(|c| c.ends_with(ceiling)),
        || format!("#ceiling should end with {ceiling:?}: {}", v["ceiling"]),
    )?;
    ensure(
        v["start"].as_str().is_some_and(|c| c.ends_with(start)),
        || format!("#migration-start should end with {start:?}: {}", v["start"]),
    )?;
    let rows = v["rows"].as_array().cloned().unwrap_or_default();
    let resources: Vec<&str> = rows.iter().filter_map(|r| r["resource"].as_str()).collect();
    ensure_eq(
        "the table's resources",
        resources,
        vec!["cpu", "memory", "disk", "uplink"],
    )?;
    let bound: Vec<&str> = rows
        .iter()
        .filter(|r| r["binding"] == true)
        .filter_map(|r| r["resource"].as_str())
        .collect();
    ensure_eq("the row marked binding", bound, vec!["memory"])?;
    // CPU, memory and disk are drawn; the uplink, without `uplink`, is a need.
    ensure_eq("chart lines", v["lines"].as_u64(), Some(3))?;
    ensure(v["calibration"].is_string(), || {
        "the calibration assumption is not stated".to_owned()
    })
}

async fn custom_host(b: &Browser) -> R {
    b.open("/?users=1000&host=custom&hcpu=8&hmem=32&hdisk=500")
        .await?;
    let v = b
        .js(r#"return {
            fields: ['hcpu', 'hmem', 'hdisk'].map((k) => (document.getElementById('in-' + k) || {}).value ?? null),
            cpu: [...document.querySelectorAll('#resources-table tbody tr')]
                .filter((tr) => tr.dataset.resource === 'cpu').map((tr) => tr.textContent)[0] || null,
            binding: (document.getElementById('binding') || {}).textContent || null,
        };"#)
        .await?;
    ensure_eq(
        "the custom host's inputs",
        v["fields"].clone(),
        serde_json::json!(["8", "32", "500"]),
    )?;
    ensure(
        v["cpu"]
            .as_str()
            .is_some_and(|c| c.contains("not modelled")),
        || format!("the CPU row should say it is not modelled: {}", v["cpu"]),
    )?;
    ensure_eq(
        "#binding",
        v["binding"].as_str(),
        Some("Memory, full at 44,000 users"),
    )?;
    b.open("/?users=1000").await?;
    let hidden = b.js("return !document.getElementById('in-hcpu');").await?;
    ensure(hidden == true, || "hcpu is shown for the Pi 4".to_owned())
}
