#![cfg(not(target_arch = "wasm32"))]
//! The user's measurements on the page: `docker stats` and a load test's
//! report pasted, read by the JavaScript module (fetched on the first paste
//! only), turned into the plan's inputs (marked "measured"), the containers
//! against the override, the latency resting on the test; a share link that
//! reproduces it without the pasted text; garbage refused in one line while
//! the page keeps answering. Screenshots of the section after both pastes:
//! /tmp/headroom-measured-{1280,360}-{en,fr}.png.

mod common;

use common::{ctx, ensure, Browser, Report, R};
use serde_json::json;

/// A Compose v2 stack on a Pi at tier 3: PostgreSQL at 1,100 MiB of the
/// 1,200 MiB the override gives it.
const STATS: &str = "\
CONTAINER ID   NAME              CPU %     MEM USAGE / LIMIT     MEM %     NET I/O          BLOCK I/O        PIDS
1a2b3c4d5e6f   shop-postgres-1   35.00%    1.074GiB / 3.704GiB   29.00%    1.2MB / 3.4MB    12MB / 80MB      14
2b3c4d5e6f7a   shop-api-1        52.10%    210MiB / 3.704GiB     5.54%     3.1MB / 2.2MB    0B / 0B          11
3c4d5e6f7a8b   shop-redis-1      1.20%     38MiB / 3.704GiB      1.00%     800kB / 900kB    0B / 4MB         5
4d5e6f7a8b9c   shop-nginx-1      0.40%     12MiB / 3.704GiB      0.32%     5MB / 5MB        0B / 0B          3
5e6f7a8b9c0d   watchtower        0.00%     9MiB / 3.704GiB       0.24%     1kB / 0B         0B / 0B          8
";
/// oha's JSON, as oha 1.x printed it against a small server here.
const OHA: &str = include_str!("../../crates/core/tests/data/reports/oha.json");

#[tokio::test(flavor = "current_thread")]
async fn paste_the_measurements() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("paste_the_measurements");
    report
        .check(
            "docker stats pasted: no module before, then the containers against the override (PostgreSQL first to bind, the stranger listed), cpu and ram filled and marked measured, ds in the link",
            stats(b, "/?users=1500&host=pi4", "measured by docker stats", "The first to reach its limit under the override: shop-postgres-1"),
        )
        .await;
    report
        .check(
            "an oha report pasted: svc and cs2 filled, the latency rests on it, the model replayed at the test's rate, lt in the link; the link alone reproduces it all",
            load_test(b, "/?users=1500&host=pi4", "measured by your oha load test"),
        )
        .await;
    report
        .check(
            "the same in French",
            stats(
                b,
                "/fr/?users=1500&host=pi4",
                "mesuré par docker stats",
                "Le premier à toucher sa limite sous l'override : shop-postgres-1",
            ),
        )
        .await;
    report
        .check(
            "garbage is refused in one line beside the pastes, and the page keeps answering",
            garbage(b),
        )
        .await;
    report
        .check(
            "Clear takes the measurements out of the plan and the link",
            clear(b),
        )
        .await;
    for (width, lang) in [(1280, "en"), (1280, "fr"), (360, "en"), (360, "fr")] {
        report
            .check(
                &format!("screenshot of the measurements, {width} px, {lang}: /tmp/headroom-measured-{width}-{lang}.png"),
                screenshot(b, width, lang),
            )
            .await;
    }
    browser.close().await;
    report.finish();
}

async fn paste(b: &Browser, id: &str, text: &str) -> R {
    b.js_with(
        r#"
        document.getElementById('paste-measurements').open = true;
        const area = document.getElementById(arguments[0]);
        area.value = arguments[1];
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
        return true;
        "#,
        vec![json!(id), json!(text)],
    )
    .await
    .map(drop)
}

async fn text_of(b: &Browser, id: &str) -> R<String> {
    let v = b
        .wait_js(
            &format!("#{id}"),
            &format!("const e = document.getElementById('{id}'); return e ? e.textContent : null;"),
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

async fn stats(b: &Browser, path: &str, marked: &str, binds: &str) -> R {
    b.open(path).await?;
    let loaded = b
        .js("return performance.getEntriesByType('resource').some((e) => e.name.includes('headroom_bg.wasm'));")
        .await?;
    ensure(loaded == false, || {
        "the readers were fetched before any paste".to_owned()
    })?;
    paste(b, "paste-stats", STATS).await?;
    let table = text_of(b, "usage-table").await?;
    for name in [
        "shop-postgres-1",
        "shop-api-1",
        "shop-redis-1",
        "shop-nginx-1",
        "watchtower",
    ] {
        ensure(table.contains(name), || {
            format!("{name} missing from the table: {table}")
        })?;
    }
    let first = text_of(b, "binds-first").await?;
    ensure(first.contains(binds), || format!("#binds-first: {first}"))?;
    let hint = text_of(b, "in-cpu-hint").await?;
    ensure(hint.contains(marked), || format!("#in-cpu-hint: {hint}"))?;
    let href = b
        .wait_href("ds and cpu in the link", |h| {
            h.contains("ds=") && h.contains("cpu=")
        })
        .await?;
    ensure(!href.contains("CONTAINER") && !href.contains("NET"), || {
        format!("pasted text in the link: {href}")
    })?;
    // The link alone: the table again, without the readers.
    b.open(&href.replacen(&b.url(""), "", 1)).await?;
    let again = text_of(b, "usage-table").await?;
    ensure(again == table, || {
        format!("the link's table differs: {again}")
    })?;
    let loaded = b
        .js("return performance.getEntriesByType('resource').some((e) => e.name.includes('headroom_bg.wasm'));")
        .await?;
    ensure(loaded == false, || {
        "a link with measurements fetched the readers".to_owned()
    })
}

async fn load_test(b: &Browser, path: &str, marked: &str) -> R {
    b.open(path).await?;
    paste(b, "paste-loadtest", OHA).await?;
    let check = text_of(b, "loadtest-check").await?;
    ensure(
        check.contains("oha") && check.contains("P95 measured"),
        || format!("#loadtest-check: {check}"),
    )?;
    let demand = b
        .wait_js(
            "the latency on the test",
            &format!("const e = document.getElementById('latency-demand'); return e && e.textContent.includes({marked:?}) ? e.textContent : null;"),
        )
        .await?;
    println!("latency demand: {demand}");
    let hint = text_of(b, "in-svc-hint").await?;
    ensure(hint.contains("oha"), || format!("#in-svc-hint: {hint}"))?;
    let status = text_of(b, "measure-status").await?;
    ensure(status.contains("C_s²"), || {
        format!("#measure-status: {status}")
    })?;
    let href = b
        .wait_href("lt, svc and cs2 in the link", |h| {
            h.contains("lt=") && h.contains("svc=") && h.contains("cs2=")
        })
        .await?;
    b.open(&href.replacen(&b.url(""), "", 1)).await?;
    let again = text_of(b, "loadtest-check").await?;
    ensure(again == check, || {
        format!("the link's check differs: {again} / {check}")
    })
}

async fn garbage(b: &Browser) -> R {
    b.open("/?users=1500&host=pi4").await?;
    paste(b, "paste-loadtest", "{\"summary\": {\"successRate\": 1.0, ").await?;
    let status = b
        .wait_js(
            "the refusal in #measure-status",
            "const e = document.getElementById('measure-status'); return e && e.classList.contains('warning') ? e.textContent : null;",
        )
        .await?;
    let status = status.as_str().unwrap_or_default();
    ensure(status.contains("JSON"), || {
        format!("#measure-status: {status}")
    })?;
    let href = b.href().await?;
    ensure(!href.contains("lt="), || {
        format!("a refused paste changed the link: {href}")
    })?;
    b.js(r#"
        const input = document.getElementById('in-users');
        input.value = '50';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        return true;
        "#)
        .await?;
    b.wait_js(
        "tier 1 after the refusal",
        "return document.body.textContent.includes('Tier 1');",
    )
    .await
    .map(drop)
}

async fn clear(b: &Browser) -> R {
    b.open("/?users=1500&host=pi4").await?;
    paste(b, "paste-stats", STATS).await?;
    text_of(b, "usage-table").await?;
    let where_ = b
        .js("const e = document.getElementById('clear-measurements'); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height, getComputedStyle(e).display, document.querySelectorAll('#clear-measurements').length];")
        .await?;
    println!("#clear-measurements at {where_}");
    b.by_id("clear-measurements")
        .await?
        .click()
        .await
        .map_err(ctx("click #clear-measurements"))?;
    b.wait_js(
        "#no-measurements after Clear",
        "return !!document.getElementById('no-measurements') && !document.getElementById('usage-table');",
    )
    .await?;
    let href = b
        .wait_href("no ds nor cpu in the link", |h| {
            !h.contains("ds=") && !h.contains("cpu=")
        })
        .await?;
    ensure(href.contains("users=1500"), || {
        format!("Clear lost the other inputs: {href}")
    })
}

async fn screenshot(b: &Browser, width: u32, lang: &str) -> R {
    b.set_viewport(width, 900).await?;
    let page = if lang == "fr" { "/fr/" } else { "/" };
    b.open(&format!("{page}?users=1500&host=pi4")).await?;
    paste(b, "paste-stats", STATS).await?;
    text_of(b, "usage-table").await?;
    paste(b, "paste-loadtest", OHA).await?;
    text_of(b, "loadtest-check").await?;
    b.element_screenshot(
        "#measurements",
        &format!("/tmp/headroom-measured-{width}-{lang}.png"),
        width,
        900,
        16_000,
    )
    .await
}
