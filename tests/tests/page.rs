#![cfg(not(target_arch = "wasm32"))]
//! The page as a whole: everything loads from its own origin (WebAssembly
//! included), the first input is reachable with the keyboard, and the
//! Compose download link carries the file.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Report, R};
use fantoccini::key::Key;

/// Tabs allowed from the top of the page to #in-users (the language buttons
/// come first today, so 3 are needed).
const MAX_TABS: usize = 10;

#[tokio::test(flavor = "current_thread")]
async fn page_origin_keyboard_and_download() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("page_origin_keyboard_and_download");

    report
        .check(
            "every resource comes from the page's origin, the .wasm included",
            same_origin_resources(b),
        )
        .await;
    report
        .check(
            &format!("Tab from the body reaches #in-users within {MAX_TABS} presses"),
            tab_reaches_users_input(b),
        )
        .await;
    report
        .check(
            "#download-compose downloads docker-compose.override.yml from a data: URL holding #compose-yaml",
            download_link(b),
        )
        .await;

    browser.close().await;
    report.finish();
}

async fn same_origin_resources(b: &Browser) -> R {
    b.open("/?users=2000&growth=10").await?;
    let v = b
        .js("return { origin: location.origin, \
             resources: performance.getEntriesByType('resource').map(e => e.name) };")
        .await?;
    let origin = v["origin"].as_str().unwrap_or_default().to_owned();
    ensure_eq("location.origin", origin.as_str(), b.origin.as_str())?;
    let resources: Vec<&str> = v["resources"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r.as_str()).collect())
        .unwrap_or_default();
    let prefix = format!("{origin}/");
    let foreign: Vec<&&str> = resources
        .iter()
        .filter(|r| !r.starts_with(&prefix))
        .collect();
    ensure(foreign.is_empty(), || {
        format!("resources from elsewhere than {origin}: {foreign:?} (all: {resources:?})")
    })?;
    ensure(resources.iter().any(|r| r.ends_with(".wasm")), || {
        format!("no .wasm among the resources: {resources:?}")
    })
}

async fn active_id(b: &Browser) -> R<String> {
    let v = b
        .js("const a = document.activeElement; \
             return a ? (a.id || a.tagName.toLowerCase()) : null;")
        .await?;
    Ok(v.as_str().unwrap_or("null").to_owned())
}

async fn tab_reaches_users_input(b: &Browser) -> R {
    b.open("/").await?;
    // Start from the body, as after a page load with nothing focused.
    b.js("if (document.activeElement) document.activeElement.blur(); return true;")
        .await?;
    let mut path = vec![active_id(b).await?];
    ensure_eq("focus before the first Tab", path[0].as_str(), "body")?;
    for _ in 0..MAX_TABS {
        let active = b
            .client
            .active_element()
            .await
            .map_err(ctx("the active element"))?;
        active
            .send_keys(&Key::Tab.to_string())
            .await
            .map_err(ctx(format!("Tab from {}", path.last().map_or("?", |s| s))))?;
        let id = active_id(b).await?;
        path.push(id.clone());
        if id == "in-users" {
            println!("    focus path: {}", path.join(" → "));
            return Ok(());
        }
    }
    Err(format!(
        "#in-users never got the focus in {MAX_TABS} Tabs; focus went {}",
        path.join(" → ")
    ))
}

async fn download_link(b: &Browser) -> R {
    b.open("/?users=2000&growth=10").await?;
    let link = b.by_id("download-compose").await?;
    let download = link
        .attr("download")
        .await
        .map_err(ctx("download attribute"))?;
    ensure_eq(
        "#download-compose[download]",
        download.as_deref(),
        Some("docker-compose.override.yml"),
    )?;
    let href = link
        .attr("href")
        .await
        .map_err(ctx("href attribute"))?
        .unwrap_or_default();
    ensure(href.starts_with("data:text/yaml"), || {
        format!("#download-compose href is not a data:text/yaml URL: {href:.80}…")
    })?;
    // The file is the YAML shown on the page.
    let v = b
        .js(r#"
            const href = document.getElementById('download-compose').getAttribute('href');
            const body = decodeURIComponent(href.slice(href.indexOf(',') + 1));
            const shown = document.getElementById('compose-yaml').textContent;
            return { same: body === shown, length: body.length, services: body.includes('services:') };
        "#)
        .await?;
    ensure(v["same"] == true, || {
        format!("the data: URL does not decode to #compose-yaml's text: {v}")
    })?;
    ensure(v["services"] == true, || {
        format!("the downloaded YAML has no `services:` key: {v}")
    })
}
