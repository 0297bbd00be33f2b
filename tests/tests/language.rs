#![cfg(not(target_arch = "wasm32"))]
//! The two pages: English at the root, French in `fr/`, each with only its
//! own language's texts. The switch opens the other page with the same
//! inputs; `<html lang>` and the URL follow; and back to English.
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
        "clicking #lang-fr opens fr/ with the same inputs: French figures and labels, html lang=fr, lang=fr in the URL";
    const TO_EN: &str =
        "clicking #lang-en opens the English page with the same inputs, html lang=en, no lang= in the URL";
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
    report
        .check(
            "fr/ opens in French for an English browser, and fr/?lang=en opens the English page",
            french_page_is_french(b),
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
    let href = b.href().await?;
    ensure(
        href.starts_with(&b.url("/fr/?")) && href.contains("lang=fr"),
        || format!("expected the French page fr/ with lang=fr: {href}"),
    )?;
    ensure(
        href.contains("users=2000") && href.contains("growth=10"),
        || format!("the URL lost the other inputs: {href}"),
    )
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
    )
}

async fn french_link_opens_in_french(b: &Browser) -> R {
    b.open("/?users=2000&growth=10&lang=fr").await?;
    let f = b
        .wait_figures("the French tier 3 plan", |f| {
            f.shows("3", "Palier 3 ", &format!("60{NNBSP}000"))
        })
        .await?;
    ensure(f.tier.is_some(), || "no #tier".to_owned())?;
    let href = b.href().await?;
    ensure_eq(
        "the French page keeps the link",
        href.as_str(),
        b.url("/fr/?users=2000&growth=10&lang=fr").as_str(),
    )?;
    let state = language_state(b).await?;
    ensure_eq("html lang", state["html_lang"].as_str(), Some("fr"))
}

async fn french_page_is_french(b: &Browser) -> R {
    b.open("/fr/").await?;
    let state = language_state(b).await?;
    ensure_eq("fr/ html lang", state["html_lang"].as_str(), Some("fr"))?;
    ensure_eq(
        "fr/ #summary-title",
        state["summary_title"].as_str(),
        Some("En bref"),
    )?;
    b.open("/fr/?users=2000&lang=en").await?;
    b.wait_figures("the English tier 3 plan", |f| {
        f.tier.as_deref().is_some_and(|t| t.starts_with("Tier 3 "))
    })
    .await?;
    ensure_eq(
        "fr/?lang=en opens the English page",
        b.href().await?.as_str(),
        b.url("/?users=2000").as_str(),
    )
}
