#![cfg(not(target_arch = "wasm32"))]
//! The language switch: French figures and labels, `<html lang>` and the URL
//! follow, without a reload; and back to English.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Report, R};

/// U+202F NARROW NO-BREAK SPACE, the French thousands separator.
const NNBSP: char = '\u{202F}';

#[tokio::test(flavor = "current_thread")]
async fn language_switch() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("language_switch");

    const TO_FR: &str =
        "clicking #lang-fr shows French figures and labels, html lang=fr, lang=fr in the URL, no reload";
    const TO_EN: &str =
        "clicking #lang-en brings English back, html lang=en, no lang= in the URL, no reload";
    if report.check(TO_FR, switch_to_french(b)).await.is_some() {
        report.check(TO_EN, switch_back_to_english(b)).await;
    } else {
        report.skipped(TO_EN, TO_FR);
    }
    report
        .check(
            "a /?lang=fr link opens in French",
            french_link_opens_in_french(b),
        )
        .await;

    browser.close().await;
    report.finish();
}

/// The state of the page's language markers.
async fn language_state(b: &Browser) -> R<serde_json::Value> {
    b.js(r#"
        const text = id => { const e = document.getElementById(id); return e ? e.textContent.trim() : null; };
        const pressed = id => { const e = document.getElementById(id); return e ? e.getAttribute('aria-pressed') : null; };
        return {
          html_lang: document.documentElement.getAttribute('lang'),
          fr_pressed: pressed('lang-fr'),
          en_pressed: pressed('lang-en'),
          summary_title: text('summary-title'),
        };
    "#)
    .await
}

async fn switch_to_french(b: &Browser) -> R {
    b.open("/?users=2000&growth=10").await?;
    let english = b.figures().await?;
    ensure(english.shows("3", "Tier 3 ", "60,000"), || {
        format!("before the switch, expected the English tier 3 plan, got {english:#?}")
    })?;
    let en_state = language_state(b).await?;
    ensure_eq(
        "html lang before the switch",
        en_state["html_lang"].as_str(),
        Some("en"),
    )?;
    b.set_marker().await?;

    b.by_id("lang-fr")
        .await?
        .click()
        .await
        .map_err(ctx("click #lang-fr"))?;
    let french_rpd = format!("60{NNBSP}000");
    let french = b
        .wait_figures("the French figures (Palier 3, 60 000 with U+202F)", |f| {
            f.shows("3", "Palier 3 ", &french_rpd)
        })
        .await?;
    ensure_eq(
        "#tier in French",
        french.tier.as_deref(),
        Some("Palier 3 · Consolidation"),
    )?;
    ensure(
        french
            .verdict
            .as_deref()
            .is_some_and(|v| v.starts_with("Votre machine")),
        || format!("#verdict is not in French: {:?}", french.verdict),
    )?;
    ensure(french.requests_per_second.as_deref() == Some("0,7"), || {
        format!(
            "#load-requests-per-second should use a decimal comma in French: {:?}",
            french.requests_per_second
        )
    })?;
    let state = language_state(b).await?;
    ensure_eq("html lang", state["html_lang"].as_str(), Some("fr"))?;
    ensure_eq(
        "#lang-fr aria-pressed",
        state["fr_pressed"].as_str(),
        Some("true"),
    )?;
    ensure_eq(
        "#lang-en aria-pressed",
        state["en_pressed"].as_str(),
        Some("false"),
    )?;
    ensure_eq(
        "#summary-title",
        state["summary_title"].as_str(),
        Some("En bref"),
    )?;
    let href = b
        .wait_href("carry lang=fr", |h| h.contains("lang=fr"))
        .await?;
    ensure(
        href.contains("users=2000") && href.contains("growth=10"),
        || format!("the URL lost the other inputs: {href}"),
    )?;
    b.ensure_no_reload("the switch to French").await
}

async fn switch_back_to_english(b: &Browser) -> R {
    b.by_id("lang-en")
        .await?
        .click()
        .await
        .map_err(ctx("click #lang-en"))?;
    let english = b
        .wait_figures("the English figures again (Tier 3, 60,000)", |f| {
            f.shows("3", "Tier 3 ", "60,000")
        })
        .await?;
    ensure_eq(
        "#tier in English",
        english.tier.as_deref(),
        Some("Tier 3 · Consolidation"),
    )?;
    let state = language_state(b).await?;
    ensure_eq("html lang", state["html_lang"].as_str(), Some("en"))?;
    ensure_eq(
        "#lang-en aria-pressed",
        state["en_pressed"].as_str(),
        Some("true"),
    )?;
    ensure_eq(
        "#lang-fr aria-pressed",
        state["fr_pressed"].as_str(),
        Some("false"),
    )?;
    ensure_eq(
        "#summary-title",
        state["summary_title"].as_str(),
        Some("Summary"),
    )?;
    // English is this browser's language, hence the default: dropped from the URL.
    let href = b.wait_href("drop lang=", |h| !h.contains("lang=")).await?;
    ensure_eq(
        "URL back in English",
        href.as_str(),
        b.url("/?users=2000&growth=10").as_str(),
    )?;
    b.ensure_no_reload("the switch back to English").await
}

async fn french_link_opens_in_french(b: &Browser) -> R {
    b.open("/?users=2000&growth=10&lang=fr").await?;
    let f = b.figures().await?;
    ensure(f.shows("3", "Palier 3 ", &format!("60{NNBSP}000")), || {
        format!("expected the French tier 3 plan, got {f:#?}")
    })?;
    let state = language_state(b).await?;
    ensure_eq("html lang", state["html_lang"].as_str(), Some("fr"))
}
