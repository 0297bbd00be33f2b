#![cfg(not(target_arch = "wasm32"))]
//! Layout: no horizontal scrolling at 360 px in either language, and
//! screenshots at 360 px and 1280×900 for a human to look at:
//! /tmp/headroom-360-{en,fr}.png, /tmp/headroom-desktop-{en,fr}.png.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Report, R};

const PAGE: &str = "/?users=2000&growth=10";
/// Screenshots are as tall as the page, up to this many CSS pixels.
const MAX_SHOT_HEIGHT: u32 = 20_000;

#[tokio::test(flavor = "current_thread")]
async fn layout_at_360_px_and_desktop() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("layout_at_360_px_and_desktop");

    for lang in ["en", "fr"] {
        report
            .check(
                &format!(
                    "360 px wide, {lang}: no horizontal scrolling; /tmp/headroom-360-{lang}.png"
                ),
                narrow(b, lang),
            )
            .await;
        report
            .check(
                &format!("360 px wide, {lang}, every <details> open: no horizontal scrolling"),
                narrow_all_open(b, lang),
            )
            .await;
    }
    for lang in ["en", "fr"] {
        report
            .check(
                &format!(
                    "1280×900, {lang}: no horizontal scrolling; /tmp/headroom-desktop-{lang}.png"
                ),
                desktop(b, lang),
            )
            .await;
    }

    browser.close().await;
    report.finish();
}

/// Opens the page in `lang` with a `width` × `height` viewport. The French
/// page is reached through the switch, as a visitor would.
async fn open_in(b: &Browser, lang: &str, width: u32, height: u32) -> R {
    b.set_viewport(width, height).await?;
    b.open(PAGE).await?;
    if lang == "fr" {
        b.by_id("lang-fr")
            .await?
            .click()
            .await
            .map_err(ctx("click #lang-fr"))?;
    }
    b.wait_js(
        &format!("<html lang={lang}>"),
        &format!("return document.documentElement.lang === '{lang}';"),
    )
    .await?;
    b.wait_rendered().await?;
    let inner = b.js("return window.innerWidth;").await?;
    ensure_eq("window.innerWidth", inner.as_u64(), Some(u64::from(width)))
}

/// Fails, naming the widest elements, if the page scrolls sideways.
async fn ensure_no_horizontal_scroll(b: &Browser, what: &str) -> R {
    let v = b
        .js(r#"
            const w = window.innerWidth;
            const past = e => e.getBoundingClientRect().right > w + 0.5;
            // Inside a box that scrolls or clips (e.g. a <pre> with overflow: auto),
            // an element can be wide without making the page scroll.
            const clipped = e => {
              for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return true;
              }
              return false;
            };
            const wide = Array.from(document.querySelectorAll('body *'))
              .filter(e => past(e) && !clipped(e))
              .filter(e => !e.parentElement || !past(e.parentElement))
              .slice(0, 8)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                   + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                   + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)');
            return { scroll: document.documentElement.scrollWidth, inner: w, wide };
        "#)
        .await?;
    let scroll = v["scroll"].as_u64().unwrap_or(u64::MAX);
    let inner = v["inner"].as_u64().unwrap_or(0);
    ensure(scroll <= inner, || {
        format!(
            "{what}: document.documentElement.scrollWidth {scroll} > window.innerWidth {inner} \
             (horizontal scrolling); outermost elements past the right edge: {}",
            v["wide"]
        )
    })
}

async fn narrow(b: &Browser, lang: &str) -> R {
    open_in(b, lang, 360, 800).await?;
    ensure_no_horizontal_scroll(b, &format!("360 px, {lang}")).await?;
    b.full_page_screenshot(
        &format!("/tmp/headroom-360-{lang}.png"),
        360,
        800,
        MAX_SHOT_HEIGHT,
    )
    .await
}

async fn narrow_all_open(b: &Browser, lang: &str) -> R {
    open_in(b, lang, 360, 800).await?;
    b.js("document.querySelectorAll('details').forEach(d => { d.open = true; }); return true;")
        .await?;
    ensure_no_horizontal_scroll(b, &format!("360 px, {lang}, every <details> open")).await
}

async fn desktop(b: &Browser, lang: &str) -> R {
    open_in(b, lang, 1280, 900).await?;
    ensure_no_horizontal_scroll(b, &format!("1280 px, {lang}")).await?;
    b.full_page_screenshot(
        &format!("/tmp/headroom-desktop-{lang}.png"),
        1280,
        900,
        MAX_SHOT_HEIGHT,
    )
    .await
}
