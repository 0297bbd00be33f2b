#![cfg(not(target_arch = "wasm32"))]
//! The page as a whole: everything loads from its own origin (WebAssembly
//! included), the first input is reachable with the keyboard, and the
//! Compose and alert-rule download links carry their files.
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
            "#download-compose and #download-alerts download the override shown and the rules, from object URLs",
            download_link(b),
        )
        .await;

    report
        .check(
            "the settings as postgresql.conf, ALTER SYSTEM and redis.conf, each with a copy button",
            other_forms(b),
        )
        .await;
    report
        .check(
            "runbook commands have copy buttons, ticks survive a reload, and printing opens folded sections",
            runbook_ticks_and_print(b),
        )
        .await;
    browser.close().await;
    report.finish();
}

async fn runbook_ticks_and_print(b: &Browser) -> R {
    b.open("/?users=1600").await?;
    let v = b
        .js(r#"
            const copies = document.querySelectorAll('#runbooks button[id^=copy-]').length;
            const box = document.querySelector('#runbooks input[type=checkbox]');
            box.click();
            return { copies, id: box.id, checked: box.checked };
        "#)
        .await?;
    ensure(v["copies"].as_u64().unwrap_or(0) >= 5, || {
        format!("copy buttons on the commands: {v}")
    })?;
    ensure(v["checked"] == true, || {
        format!("the first tick did not take: {v}")
    })?;
    let id = v["id"].as_str().unwrap_or_default().to_owned();
    b.open("/?users=1600").await?;
    let ticked = b
        .wait_js(
            "the tick restored after the reload",
            &format!("return document.getElementById('{id}').checked;"),
        )
        .await;
    ensure(ticked.is_ok(), || {
        format!("#{id} is no longer ticked after a reload")
    })?;
    // Another plan has its own ticks.
    b.open("/?users=1601").await?;
    let other = b
        .js(&format!("return document.getElementById('{id}').checked;"))
        .await?;
    ensure(other == false, || {
        format!("#{id} is ticked for another plan")
    })?;
    let v = b
        .js(r#"
            const closed = () => document.querySelectorAll('details:not([open])').length;
            const before = closed();
            window.dispatchEvent(new Event('beforeprint'));
            const printing = closed();
            window.dispatchEvent(new Event('afterprint'));
            return { before, printing, after: closed() };
        "#)
        .await?;
    ensure(
        v["before"].as_u64() > Some(0) && v["printing"] == 0 && v["after"] == v["before"],
        || format!("closed <details> before, while and after printing: {v}"),
    )
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
    for (id, file) in [
        ("download-compose", "docker-compose.override.yml"),
        ("download-alerts", "headroom-alerts.yml"),
    ] {
        let link = b.by_id(id).await?;
        let download = link
            .attr("download")
            .await
            .map_err(ctx("download attribute"))?;
        ensure_eq(&format!("#{id}[download]"), download.as_deref(), Some(file))?;
    }
    // Object URLs (no copy of the file in the page), whose files are the
    // YAML shown on the page and the rules.
    let v = b
        .client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const read = async (id) => {
              for (let i = 0; i < 100; i++) {
                const href = document.getElementById(id).getAttribute('href') || '';
                if (href.startsWith('blob:')) return { href, body: await (await fetch(href)).text() };
                await new Promise((r) => setTimeout(r, 20));
              }
              return { href: document.getElementById(id).getAttribute('href'), body: null };
            };
            (async () => {
              const compose = await read('download-compose');
              const alerts = await read('download-alerts');
              const shown = document.getElementById('compose-yaml').textContent;
              done({
                compose_href: compose.href,
                same: compose.body === shown,
                services: (compose.body || '').includes('services:'),
                alerts_href: alerts.href,
                rules: (alerts.body || '').includes('groups:') && (alerts.body || '').includes('alert: '),
              });
            })();
            "#,
            vec![],
        )
        .await
        .map_err(ctx("read the downloads"))?;
    ensure(v["same"] == true && v["services"] == true, || {
        format!("#download-compose's object URL does not hold #compose-yaml's text: {v}")
    })?;
    ensure(v["rules"] == true, || {
        format!("#download-alerts's object URL does not hold Prometheus rules: {v}")
    })
}

async fn other_forms(b: &Browser) -> R {
    b.open("/?users=1600").await?;
    // Folded, they hold their summary only: their text is built when opened.
    let folded = b
        .js("return ['postgresql-conf', 'alter-system', 'redis-conf'].map((id) => document.querySelector('#' + id + ' code') === null);")
        .await?;
    ensure(
        folded
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x == true)),
        || format!("the folded forms already hold their text: {folded}"),
    )?;
    b.js("for (const id of ['postgresql-conf', 'alter-system', 'redis-conf']) document.querySelector('#' + id + ' summary').click();")
        .await?;
    b.wait_js(
        "the opened forms' text",
        "return !!document.querySelector('#redis-conf code');",
    )
    .await?;
    let v = b
        .js(r#"
            const code = (id) => { const e = document.querySelector('#' + id + ' code'); return e ? e.textContent : ''; };
            return {
              conf: code('postgresql-conf'),
              alter: code('alter-system'),
              redis: code('redis-conf'),
              buttons: ['postgresql-conf', 'alter-system', 'redis-conf'].every((id) => !!document.getElementById('copy-' + id)),
            };
        "#)
        .await?;
    ensure(
        v["conf"]
            .as_str()
            .is_some_and(|c| c.contains("shared_buffers = ")),
        || format!("postgresql.conf: {v}"),
    )?;
    ensure(
        v["alter"]
            .as_str()
            .is_some_and(|c| c.contains("ALTER SYSTEM SET shared_buffers")),
        || format!("ALTER SYSTEM: {v}"),
    )?;
    ensure(
        v["redis"]
            .as_str()
            .is_some_and(|c| c.contains("maxmemory-policy allkeys-lru")),
        || format!("redis.conf: {v}"),
    )?;
    ensure(v["buttons"] == true, || format!("copy buttons: {v}"))
}
