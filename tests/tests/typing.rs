#![cfg(not(target_arch = "wasm32"))]
//! Typing is never interrupted: fixing a refused value in a folded section
//! keeps the section open and the focus and caret in the field, and the
//! refusal is said beside its field, with the core's reason. Screenshots
//! of the inputs with refusals: /tmp/headroom-inputs-refused-{1280,360}-{en,fr}.png.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Report, R};
use fantoccini::key::Key;
use headroom_core::{query, Defaults, Lang, YearMonth};
use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn typing_is_never_interrupted() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("typing_is_never_interrupted");
    for (path, key, typed, want) in [
        ("/?pgconn=3", "pgconn", "30", "pgconn=30"),
        ("/?rpu=0", "rpu", "0.5", "rpu=0.5"),
        ("/fr/?pgconn=3", "pgconn", "30", "pgconn=30"),
        ("/?peak=", "peak", "2", "peak=2"),
        ("/?cpu=150", "cpu", "15", "cpu=15"),
    ] {
        report
            .check(
                &format!("{path}: \"{typed}\" typed in one go into #in-{key} gives {want}, the section open, the focus and caret in the field"),
                type_in_one_go(b, path, key, typed, want),
            )
            .await;
    }
    report
        .check(
            "a section opened by hand stays open while a refusal comes and goes in its field",
            opened_by_hand(b),
        )
        .await;
    report
        .check(
            "a refusal is said beside its field with the core's reason, in place of the allowed range",
            refusal_beside_field(b),
        )
        .await;
    for (width, lang) in [(1280, "en"), (1280, "fr"), (360, "en"), (360, "fr")] {
        report
            .check(
                &format!("screenshot of the inputs after refusals, {width} px, {lang}: /tmp/headroom-inputs-refused-{width}-{lang}.png"),
                refused_screenshot(b, width, lang),
            )
            .await;
    }
    browser.close().await;
    report.finish();
}

/// The field's section, focus and caret, read together.
const READ_FIELD: &str = r#"
const input = document.getElementById(arguments[0]);
const details = input && input.closest('details');
return {
  open: details ? details.open : null,
  focused: document.activeElement ? document.activeElement.id : null,
  value: input ? input.value : null,
  caret: input ? input.selectionStart : null,
  error: (document.getElementById(arguments[0] + '-error') || {}).textContent || null,
};
"#;

async fn type_in_one_go(b: &Browser, path: &str, key: &str, typed: &str, want: &str) -> R {
    b.open(path).await?;
    let id = format!("in-{key}");
    let before = b.js_with(READ_FIELD, vec![json!(id)]).await?;
    ensure(before["open"] == json!(true), || {
        format!("#{id}'s section is not open on arrival with a refused value: {before}")
    })?;
    let input = b.by_id(&id).await?;
    input.click().await.map_err(ctx(format!("click #{id}")))?;
    // Select what is there, then type over it in one send: each key is one
    // input event, the first ones leaving a refused value.
    input
        .send_keys(&format!("{}a{}{typed}", Key::Control, Key::Null))
        .await
        .map_err(ctx(format!("type {typed} into #{id}")))?;
    let href = b
        .wait_href(&format!("carry {want}"), |h| {
            h.split(['?', '&']).any(|pair| pair == want)
        })
        .await?;
    let after = b.js_with(READ_FIELD, vec![json!(id)]).await?;
    println!("    {path} → {href}: {after}");
    ensure_eq(
        &format!("#{id}'s value"),
        after["value"].clone(),
        json!(typed),
    )?;
    ensure_eq(
        &format!("#{id}'s section open"),
        after["open"].clone(),
        json!(true),
    )?;
    ensure_eq("the focused element", after["focused"].clone(), json!(id))?;
    ensure_eq(
        &format!("the caret in #{id}"),
        after["caret"].clone(),
        json!(typed.len()),
    )?;
    ensure_eq(
        &format!("#{id}'s refusal once accepted"),
        after["error"].clone(),
        json!(null),
    )
}

async fn opened_by_hand(b: &Browser) -> R {
    b.open("/?users=1200").await?;
    let id = "in-pgconn";
    let before = b.js_with(READ_FIELD, vec![json!(id)]).await?;
    ensure(before["open"] == json!(false), || {
        format!("the advanced section is open with nothing refused: {before}")
    })?;
    b.js("document.getElementById('in-pgconn').closest('details').querySelector('summary').click(); return true;")
        .await?;
    let input = b.by_id(id).await?;
    input.click().await.map_err(ctx(format!("click #{id}")))?;
    input
        .send_keys("3")
        .await
        .map_err(ctx(format!("type 3 into #{id}")))?;
    let refused = b
        .wait_js(
            "the refusal of 3 beside #in-pgconn",
            "const e = document.getElementById('in-pgconn-error'); return e ? e.textContent : null;",
        )
        .await?;
    let message = core_reason("users=1200&pgconn=3", Lang::En)?;
    ensure_eq("the refusal beside #in-pgconn", refused, json!(message))?;
    input
        .send_keys("0")
        .await
        .map_err(ctx(format!("type 0 into #{id}")))?;
    b.wait_href("carry pgconn=30", |h| h.contains("pgconn=30"))
        .await?;
    let after = b.js_with(READ_FIELD, vec![json!(id)]).await?;
    println!("    opened by hand, 3 then 0: {after}");
    ensure(
        after["open"] == json!(true)
            && after["focused"] == json!(id)
            && after["caret"] == json!(2)
            && after["error"].is_null(),
        || format!("after 30 in the section opened by hand: {after}"),
    )
}

async fn refused_screenshot(b: &Browser, width: u32, lang: &str) -> R {
    b.set_viewport(width, 900).await?;
    let page = if lang == "fr" { "/fr/" } else { "/" };
    b.open(&format!("{page}?users=1200&pgconn=100&rpu=0&cpu=150"))
        .await?;
    b.element_screenshot(
        "aside.inputs",
        &format!("/tmp/headroom-inputs-refused-{width}-{lang}.png"),
        width,
        900,
        6_000,
    )
    .await
}

/// What the core says of the one value refused in `query`, without its key.
fn core_reason(query: &str, lang: Lang) -> R<String> {
    let defaults = Defaults {
        today: YearMonth::from_unix_seconds(0),
        lang,
        day: 1,
    };
    match query::decode(query, defaults).errors.as_slice() {
        [error] => Ok(error.reason(lang)),
        errors => Err(format!(
            "{query}: expected one refusal, the core gives {errors:?}"
        )),
    }
}

async fn refusal_beside_field(b: &Browser) -> R {
    for (page, query, key, lang) in [
        // More connections than tier 3's container holds.
        ("/", "users=1200&pgconn=100", "pgconn", Lang::En),
        ("/fr/", "users=1200&pgconn=100", "pgconn", Lang::Fr),
        ("/", "rpu=0", "rpu", Lang::En),
        ("/fr/", "cpu=150", "cpu", Lang::Fr),
    ] {
        let path = format!("{page}?{query}");
        let message = core_reason(query, lang)?;
        b.open(&path).await?;
        let v = b
            .js_with(
                r#"
                const input = document.getElementById('in-' + arguments[0]);
                const error = document.getElementById('in-' + arguments[0] + '-error');
                return {
                  error: error ? error.textContent : null,
                  inField: !!error && input.closest('.field').contains(error),
                  hint: (document.getElementById('in-' + arguments[0] + '-hint') || {}).textContent || null,
                  describedBy: input.getAttribute('aria-describedby'),
                };
                "#,
                vec![json!(key)],
            )
            .await?;
        println!("    {path}: {v}");
        ensure(
            v["error"] == json!(message) && v["inField"] == json!(true),
            || format!("{path}: the field does not say {message:?} beside it: {v}"),
        )?;
        ensure(v["hint"].is_null(), || {
            format!("{path}: the allowed range is still shown beside the refusal: {v}")
        })?;
        ensure_eq(
            "aria-describedby",
            v["describedBy"].clone(),
            json!(format!("in-{key}-error")),
        )?;
    }
    Ok(())
}
