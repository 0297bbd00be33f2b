#![cfg(not(target_arch = "wasm32"))]
//! The plan follows the URL: a deep link, typing into an input (URL
//! rewritten, no reload), reloading the rewritten URL, refused values.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Figures, Report, R};
use fantoccini::key::Key;
use fantoccini::Locator;

const DEEP_LINK: &str = "/?users=2000&growth=10&host=pi4&lang=en";
const EDIT: &str = "typing 5000 into #in-users rewrites the URL without a reload and shows tier 4, 150,000 requests/day";
const RELOAD: &str = "reloading the rewritten URL shows the same figures";

#[tokio::test(flavor = "current_thread")]
async fn plan_follows_the_url() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("plan_follows_the_url");

    report
        .check(
            "deep link /?users=2000&growth=10&host=pi4&lang=en shows tier 3 and 60,000 requests/day",
            deep_link_shows_tier_3(b),
        )
        .await;
    let edited = report
        .check(EDIT, typing_users_updates_url_and_figures(b))
        .await;
    match edited {
        Some(before) => {
            report
                .check(RELOAD, reload_shows_same_figures(b, before))
                .await;
        }
        None => report.skipped(RELOAD, EDIT),
    }
    report
        .check(
            "/?users=abc&growth=1e999: both values refused in #notices, default plan shown, URL cleaned",
            refused_values_are_noticed_and_dropped(b),
        )
        .await;
    report
        .check(
            "/?users=50&pgconn=10000&growth=8: pgconn refused with the largest that fits, growth kept, the worst case shown",
            an_unfit_pgconn_is_refused_with_the_largest_that_fits(b),
        )
        .await;
    report
        .check(
            "typing 1,500 is 1,500 users; an emptied or refused field is marked and the plan keeps its last valid value",
            editing_keeps_the_last_valid_plan(b),
        )
        .await;

    browser.close().await;
    report.finish();
}

async fn deep_link_shows_tier_3(b: &Browser) -> R {
    b.open(DEEP_LINK).await?;
    let f = b.figures().await?;
    ensure_eq("#summary[data-tier]", f.data_tier.as_deref(), Some("3"))?;
    ensure_eq("#tier", f.tier.as_deref(), Some("Tier 3 · Consolidation"))?;
    ensure_eq(
        "#load-requests-per-day",
        f.requests_per_day.as_deref(),
        Some("60,000"),
    )?;
    ensure_eq(
        "#summary-requests-per-day",
        f.summary_requests_per_day.as_deref(),
        Some("60,000"),
    )?;
    // Defaults (host=pi4, lang=en in an English browser) leave the URL.
    let href = b.href().await?;
    ensure_eq(
        "URL after the first render",
        href.as_str(),
        b.url("/?users=2000&growth=10").as_str(),
    )
}

/// Returns the rewritten URL and the figures it shows.
async fn typing_users_updates_url_and_figures(b: &Browser) -> R<(String, Figures)> {
    b.open(DEEP_LINK).await?;
    b.set_marker().await?;
    // Real key events: select all, delete, then type the new number.
    type_users(b, "5000").await?;
    let input = b.by_id("in-users").await?;
    let value = input.prop("value").await.map_err(ctx("#in-users.value"))?;
    ensure_eq(
        "#in-users value after typing",
        value.as_deref(),
        Some("5000"),
    )?;

    let figures = b
        .wait_figures("tier 4 and 150,000 requests/day", |f| {
            f.shows("4", "Tier 4 ", "150,000")
        })
        .await?;
    let href = b
        .wait_href("carry users=5000", |h| h.contains("users=5000"))
        .await?;
    ensure(href.contains("growth=10"), || {
        format!("the rewritten URL lost growth=10: {href}")
    })?;
    ensure(!href.contains("users=2000"), || {
        format!("the rewritten URL still has users=2000: {href}")
    })?;
    b.ensure_no_reload("typing into #in-users").await?;
    Ok((href, figures))
}

async fn reload_shows_same_figures(b: &Browser, (href, before): (String, Figures)) -> R {
    // Open the URL as written, so this also holds if the previous check left
    // another page behind; then reload it for real.
    b.client
        .goto(&href)
        .await
        .map_err(ctx(format!("navigate to {href}")))?;
    b.set_marker().await?;
    b.client.refresh().await.map_err(ctx("reload"))?;
    b.wait_rendered().await?;
    let marker = b.js("return window.__marker === undefined;").await?;
    ensure(marker == serde_json::Value::Bool(true), || {
        "the page did not actually reload (window.__marker survived)".to_owned()
    })?;
    let after = b.figures().await?;
    ensure(after == before, || {
        format!("figures differ after reloading {href}:\nbefore: {before:#?}\nafter: {after:#?}")
    })?;
    ensure_eq(
        "URL after the reload",
        b.href().await?.as_str(),
        href.as_str(),
    )?;
    let value = b
        .by_id("in-users")
        .await?
        .prop("value")
        .await
        .map_err(ctx("#in-users.value"))?;
    ensure_eq("#in-users after the reload", value.as_deref(), Some("5000"))
}

async fn refused_values_are_noticed_and_dropped(b: &Browser) -> R {
    b.open("/?users=abc&growth=1e999").await?;
    for (key, value) in [("users", "abc"), ("growth", "1e999")] {
        let css = format!("#notices li[data-key={key}]");
        let li = b
            .client
            .find(Locator::Css(&css))
            .await
            .map_err(ctx(format!("no notice {css}")))?;
        let shown = li
            .is_displayed()
            .await
            .map_err(ctx(format!("{css} visibility")))?;
        ensure(shown, || format!("{css} is in the DOM but not visible"))?;
        let text = li.text().await.map_err(ctx(format!("{css} text")))?;
        ensure(text.contains(&format!("\"{value}\"")), || {
            format!("{css} does not name the refused value \"{value}\": {text:?}")
        })?;
        ensure(text.starts_with(key), || {
            format!("{css} does not name the key {key}: {text:?}")
        })?;
    }
    let f = b.figures().await?;
    ensure(f.shows("2", "Tier 2 ", "10,000"), || {
        format!("expected the default plan (tier 2, 10,000 requests/day), got {f:#?}")
    })?;
    let href = b
        .wait_href("drop the refused values", |h| {
            !h.contains("abc") && !h.contains("1e999")
        })
        .await?;
    ensure(
        !href.contains("users=") && !href.contains("growth="),
        || format!("the URL still carries users= or growth=: {href}"),
    )
}

async fn an_unfit_pgconn_is_refused_with_the_largest_that_fits(b: &Browser) -> R {
    b.open("/?users=50&pgconn=10000&growth=8").await?;
    let css = "#notices li[data-key=pgconn]";
    let text = b
        .client
        .find(Locator::Css(css))
        .await
        .map_err(ctx(format!("no notice {css}")))?
        .text()
        .await
        .map_err(ctx(format!("{css} text")))?;
    ensure_eq(
        css,
        text.as_str(),
        "pgconn: 10000 does not fit tier 1's 256m PostgreSQL container; at most 10",
    )?;
    let worst = b
        .by_id("pg-worst-case")
        .await?
        .text()
        .await
        .map_err(ctx("#pg-worst-case text"))?;
    ensure(
        worst.ends_with("/ 256\u{a0}MiB (mem_limit)") || worst.ends_with("/ 256 MiB (mem_limit)"),
        || format!("#pg-worst-case does not weigh against the 256m container: {worst:?}"),
    )?;
    let href = b
        .wait_href("drop pgconn, keep growth", |h| !h.contains("pgconn"))
        .await?;
    ensure(href.contains("growth=8"), || {
        format!("the refusal lost growth=8: {href}")
    })
}

/// Replaces #in-users' text with `text`, as a user would type it.
async fn type_users(b: &Browser, text: &str) -> R {
    let input = b.by_id("in-users").await?;
    input.click().await.map_err(ctx("click #in-users"))?;
    input
        .send_keys(&format!("{}a{}", Key::Control, Key::Null))
        .await
        .map_err(ctx("Ctrl+A in #in-users"))?;
    input
        .send_keys(&Key::Backspace.to_string())
        .await
        .map_err(ctx("Backspace in #in-users"))?;
    if !text.is_empty() {
        input
            .send_keys(text)
            .await
            .map_err(ctx(format!("type {text} into #in-users")))?;
    }
    Ok(())
}

async fn editing_keeps_the_last_valid_plan(b: &Browser) -> R {
    b.open("/?growth=10").await?;
    // The page prints 1,500; typed back, it is read the same.
    type_users(b, "1,500").await?;
    b.wait_figures("tier 3 and 30,000 requests/day", |f| {
        f.shows("3", "Tier 3 ", "30,000")
    })
    .await?;
    b.wait_href("carry users=1500", |h| h.contains("users=1500"))
        .await?;
    // Emptied: the field is marked, the plan stays at 1,500 users.
    type_users(b, "").await?;
    b.wait_js(
        "#in-users marked invalid",
        "return document.getElementById('in-users').getAttribute('aria-invalid') === 'true';",
    )
    .await?;
    let f = b.figures().await?;
    ensure(f.shows("3", "Tier 3 ", "30,000"), || {
        format!("with #in-users empty the plan changed: {f:#?}")
    })?;
    ensure(b.href().await?.contains("users=1500"), || {
        "the link lost users=1500 while the field was empty".to_owned()
    })?;
    // Refused text: marked and noticed, the plan still at 1,500.
    type_users(b, "x").await?;
    b.wait_js(
        "a notice for users",
        "return !!document.querySelector('#notices li[data-key=users]');",
    )
    .await?;
    let f = b.figures().await?;
    ensure(f.shows("3", "Tier 3 ", "30,000"), || {
        format!("with #in-users refused the plan changed: {f:#?}")
    })
}
