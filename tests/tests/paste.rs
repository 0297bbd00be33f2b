#![cfg(not(target_arch = "wasm32"))]
//! The user's own docker-compose.yml pasted on the page: the override is
//! written for it (their flags carried over), the YAML parser fetched only
//! then; a file Headroom cannot use is said so in one line.
//! Screenshots of the compose section after a paste:
//! /tmp/headroom-pasted-{1280,360}-{en,fr}.png.
//! One chromedriver + Chromium session for all the checks of this file.

mod common;

use common::{ctx, ensure, ensure_eq, Browser, Report, R};
use serde_json::json;

const STANDARD: &str = include_str!("../../crates/cli/tests/bases/standard.yml");
const NOT_YAML: &str = include_str!("../../crates/cli/tests/bases/not-yaml.yml");
const ALIAS_BOMB: &str = include_str!("../../crates/cli/tests/bases/alias-bomb.yml");

#[tokio::test(flavor = "current_thread")]
async fn paste_the_compose_file() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("paste_the_compose_file");
    report
        .check(
            "no YAML module before a paste; pasted, the only override shown (one Copy, one Download) keeps --requirepass, --appendonly, -c log_min_duration_statement and --enable-source-maps, the runbooks take the file's database, a reload keeps the paste, and Clear goes back to the generic one",
            merged(b, "/?users=1200"),
        )
        .await;
    report
        .check(
            "the same on the French page (../js/ from fr/)",
            merged(b, "/fr/?users=1200"),
        )
        .await;
    report
        .check(
            "a file that is not a compose file is refused in one line",
            refused(b),
        )
        .await;
    report
        .check(
            "an alias bomb is refused within a second, naming the limit, and the page keeps answering",
            bomb(b),
        )
        .await;
    for (width, lang) in [(1280, "en"), (1280, "fr"), (360, "en"), (360, "fr")] {
        report
            .check(
                &format!("screenshot of the override after a paste, {width} px, {lang}: /tmp/headroom-pasted-{width}-{lang}.png"),
                pasted_screenshot(b, width, lang),
            )
            .await;
    }
    browser.close().await;
    report.finish();
}

async fn bomb(b: &Browser) -> R {
    b.open("/?users=1200").await?;
    b.js("sessionStorage.clear(); window.__pasted = performance.now(); return true;")
        .await?;
    paste(b, ALIAS_BOMB).await?;
    let status = b
        .wait_js(
            "the alias bomb's refusal in #base-status",
            "const e = document.getElementById('base-status'); \
             return e && e.classList.contains('warning') ? [e.textContent, performance.now() - window.__pasted] : null;",
        )
        .await?;
    let text = status[0].as_str().unwrap_or_default().to_owned();
    let ms = status[1].as_f64().unwrap_or(f64::INFINITY);
    println!("alias bomb pasted: refused in {ms:.0} ms (module fetch included): {text}");
    ensure(
        text.contains("expand the file past 100000 nodes, refused"),
        || format!("#base-status: {text:?}"),
    )?;
    ensure(ms < 1000.0, || format!("the refusal took {ms:.0} ms"))?;
    // The calculator still answers: a new figure follows the users.
    b.js(r#"
        const input = document.getElementById('in-users');
        input.value = '50';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        return true;
        "#)
        .await?;
    b.wait_js(
        "tier 1 after the bomb",
        "return document.body.textContent.includes('Tier 1');",
    )
    .await
    .map(drop)
}

async fn pasted_screenshot(b: &Browser, width: u32, lang: &str) -> R {
    b.set_viewport(width, 900).await?;
    let page = if lang == "fr" { "/fr/" } else { "/" };
    b.open(&format!("{page}?users=1200")).await?;
    paste(b, STANDARD).await?;
    b.wait_js(
        "#merged-yaml",
        "return !!document.getElementById('merged-yaml');",
    )
    .await?;
    b.element_screenshot(
        "#compose",
        &format!("/tmp/headroom-pasted-{width}-{lang}.png"),
        width,
        900,
        12_000,
    )
    .await
}

async fn paste(b: &Browser, text: &str) -> R {
    b.js_with(
        r#"
        document.getElementById('paste-base').open = true;
        const area = document.getElementById('base-compose');
        area.value = arguments[0];
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
        return true;
        "#,
        vec![json!(text)],
    )
    .await
    .map(drop)
}

async fn merged(b: &Browser, path: &str) -> R {
    // Nothing pasted in this tab yet (a paste is kept for the tab).
    b.open(path).await?;
    b.js("sessionStorage.clear(); return true;").await?;
    b.open(path).await?;
    let loaded = b
        .js("return performance.getEntriesByType('resource').some((e) => e.name.includes('headroom_bg.wasm'));")
        .await?;
    ensure(loaded == false, || {
        "the YAML module was fetched before any paste".to_owned()
    })?;
    paste(b, STANDARD).await?;
    let yaml = b
        .wait_js(
            "#merged-yaml",
            "const e = document.getElementById('merged-yaml'); return e ? e.textContent : null;",
        )
        .await?;
    let yaml = yaml.as_str().unwrap_or_default();
    for kept in [
        "--requirepass",
        "--appendonly",
        "log_min_duration_statement=500",
        "--enable-source-maps",
    ] {
        ensure(yaml.contains(kept), || {
            format!("{path}: the merged override lost {kept}: {yaml}")
        })?;
    }
    only_override(b, path, true).await?;
    // The runbooks take the file's database in place of the placeholder.
    b.wait_href("db=memolist in the link after the paste", |h| {
        h.contains("db=memolist")
    })
    .await?;
    b.wait_js(
        "the dump command with the file's database",
        "return document.body.textContent.includes(\"pg_dump -U \\\"${POSTGRES_USER:-postgres}\\\" memolist'\");",
    )
    .await?;
    // A reload keeps what was pasted, and the override written for it.
    b.open(path).await?;
    b.wait_js(
        "#merged-yaml again after a reload",
        "const e = document.getElementById('merged-yaml'); return !!e && e.textContent.includes('--requirepass');",
    )
    .await?;
    only_override(b, path, true).await?;
    // Cleared, the generic override is back, and stays back after a reload.
    b.by_id("clear-base")
        .await?
        .click()
        .await
        .map_err(ctx("click #clear-base"))?;
    b.wait_js(
        "#compose-yaml back after Clear",
        "return !!document.getElementById('compose-yaml') && !document.getElementById('merged-yaml') \
         && document.getElementById('base-compose').value === '';",
    )
    .await?;
    only_override(b, path, false).await?;
    b.open(path).await?;
    only_override(b, path, false).await
}

/// The compose section shows one override, with one Copy and one Download
/// whose file is the text shown; `pasted`: the one written for the paste,
/// whose Redis command keeps the user's `--requirepass` (the generic one's
/// has none).
async fn only_override(b: &Browser, path: &str, pasted: bool) -> R {
    let v = b
        .js_async(
            r#"
            const done = arguments[arguments.length - 1];
            const section = document.getElementById('compose');
            const links = [...document.querySelectorAll('a[download="docker-compose.override.yml"]')];
            const codes = [...section.querySelectorAll('pre code')].map((e) => e.id);
            const copies = [...section.querySelectorAll('button[id^="copy-"]')].map((e) => e.id);
            const shown = codes.length === 1 ? document.getElementById(codes[0]).textContent : '';
            const wait = async () => {
              for (let i = 0; i < 100 && links.length === 1 && !links[0].href.startsWith('blob:'); i++) {
                await new Promise((r) => setTimeout(r, 50));
              }
              const file = links.length === 1 && links[0].href ? await (await fetch(links[0].href)).text() : null;
              done({
                links: links.map((a) => a.id),
                codes,
                copies,
                sameFile: file === shown,
                // An item of Redis's command, not the header's advice.
                requirepass: shown.includes('- "--requirepass"'),
              });
            };
            wait();
            "#,
        )
        .await?;
    println!("    {path} (pasted: {pasted}): {v}");
    let (code, link, copy) = if pasted {
        ("merged-yaml", "download-merged", "copy-merged")
    } else {
        ("compose-yaml", "download-compose", "copy-compose")
    };
    ensure_eq(
        &format!("{path}: the overrides shown"),
        v["codes"].clone(),
        json!([code]),
    )?;
    ensure_eq(
        &format!("{path}: the docker-compose.override.yml downloads"),
        v["links"].clone(),
        json!([link]),
    )?;
    ensure_eq(
        &format!("{path}: the copy buttons"),
        v["copies"].clone(),
        json!([copy]),
    )?;
    ensure_eq(
        &format!("{path}: the download holds the text shown"),
        v["sameFile"].clone(),
        json!(true),
    )?;
    ensure_eq(
        &format!("{path}: --requirepass in the override shown"),
        v["requirepass"].clone(),
        json!(pasted),
    )
}

async fn refused(b: &Browser) -> R {
    b.open("/?users=1200").await?;
    paste(b, NOT_YAML).await?;
    let status = b
        .wait_js(
            "a refusal in #base-status",
            "const e = document.getElementById('base-status'); return e && e.classList.contains('warning') ? e.textContent : null;",
        )
        .await?;
    let status = status.as_str().unwrap_or_default();
    ensure(
        status.starts_with("Cannot use this file: ") && !status.contains('\n'),
        || format!("#base-status: {status:?}"),
    )
}
