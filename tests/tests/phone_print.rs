#![cfg(not(target_arch = "wasm32"))]
//! A phone and a printout. At 360 × 740 px the verdict and the first action
//! of "Now" are on the first screen, above the inputs; the growth chart's
//! labels are at least 11 px and clear of its line. On paper (the page's
//! print rules applied), the inputs and the share link come first, and no
//! copy button leaves a gap. Screenshots of the first screen:
//! /tmp/headroom-phone-{en,fr}.png.

mod common;

use common::{ensure, Browser, Report, R};

const PHONE: (u32, u32) = (360, 740);

#[tokio::test(flavor = "current_thread")]
async fn a_phone_and_a_printout() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("a_phone_and_a_printout");
    for (lang, page) in [("en", "/"), ("fr", "/fr/")] {
        report
            .check(
                &format!("360 × 740, {lang}: the verdict and Now on the first screen, the same verdict as the summary's; /tmp/headroom-phone-{lang}.png"),
                first_screen(b, lang, page),
            )
            .await;
        report
            .check(
                &format!("360 px, {lang}: the growth chart's labels at least 11 px, none over the users' line"),
                chart_labels(b, page),
            )
            .await;
        report
            .check(
                &format!("print, {lang}: the inputs and the share link first, the answer and every copy button gone"),
                printout(b, page),
            )
            .await;
    }
    report
        .check("1280 px: no phone answer beside the results", desktop(b))
        .await;
    browser.close().await;
    report.finish();
}

async fn first_screen(b: &Browser, lang: &str, page: &str) -> R {
    b.set_viewport(PHONE.0, PHONE.1).await?;
    b.open(&format!("{page}?users=2100&host=pi4")).await?;
    let v = b
        .js(r#"
            const box = (id) => { const e = document.getElementById(id); if (!e) return null;
              const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, text: e.textContent.trim() }; };
            const summary = document.querySelector('#summary .verdict');
            return { verdict: box('answer-verdict'), now: box('answer-now'), inputs: box('in-users'),
                     summary: summary ? summary.textContent.trim() : null, height: window.innerHeight };
        "#)
        .await?;
    let height = v["height"].as_f64().unwrap_or(0.0);
    let bottom = |k: &str| v[k]["bottom"].as_f64().unwrap_or(f64::INFINITY);
    ensure(bottom("verdict") <= height, || {
        format!("the verdict is below the first screen: {v}")
    })?;
    ensure(v["now"]["top"].as_f64().is_some_and(|t| t < height), || {
        format!("Now does not start on the first screen: {v}")
    })?;
    ensure(
        v["verdict"]["top"].as_f64() < v["inputs"]["top"].as_f64(),
        || format!("the answer is not above the inputs: {v}"),
    )?;
    let verdict = v["verdict"]["text"].as_str().unwrap_or_default();
    let summary = v["summary"].as_str().unwrap_or_default();
    ensure(!verdict.is_empty() && summary.contains(verdict), || {
        format!("the phone's verdict {verdict:?} is not the summary's {summary:?}")
    })?;
    b.element_screenshot(
        "body",
        &format!("/tmp/headroom-phone-{lang}.png"),
        PHONE.0,
        PHONE.1,
        PHONE.1,
    )
    .await
}

async fn chart_labels(b: &Browser, page: &str) -> R {
    b.set_viewport(PHONE.0, PHONE.1).await?;
    b.open(&format!("{page}?users=300&growth=20")).await?;
    let lang = if page.contains("fr") { "fr" } else { "en" };
    b.element_screenshot(
        "#growth-chart",
        &format!("/tmp/headroom-growth-360-{lang}.png"),
        PHONE.0,
        PHONE.1,
        4_000,
    )
    .await?;
    let v = b
        .js(r#"
            const svg = document.getElementById('growth-chart');
            if (!svg) return null;
            const texts = [...svg.querySelectorAll('text')]
              .filter((t) => getComputedStyle(t).display !== 'none' && t.textContent.trim() !== '');
            const small = texts.map((t) => ({ t: t.textContent.trim(), h: t.getBoundingClientRect().height,
                                            px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a }))
              .filter((x) => x.px < 11);
            // Points along the users' line, on screen.
            const line = svg.querySelector('polyline.users');
            const pts = [];
            if (line) {
              const m = line.getScreenCTM();
              const p = line.points;
              for (let i = 0; i + 1 < p.numberOfItems; i++) {
                const a = p.getItem(i), c = p.getItem(i + 1);
                for (let k = 0; k <= 10; k++) {
                  const x = a.x + (c.x - a.x) * k / 10, y = a.y + (c.y - a.y) * k / 10;
                  pts.push([m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
                }
              }
            }
            const over = texts.filter((t) => {
              const r = t.getBoundingClientRect();
              return pts.some(([x, y]) => x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1);
            }).map((t) => t.textContent.trim());
            return { count: texts.length, small, over, points: pts.length };
        "#)
        .await?;
    ensure(
        v["count"].as_u64() > Some(3) && v["points"].as_u64() > Some(10),
        || format!("no chart or no line: {v}"),
    )?;
    ensure(v["small"].as_array().is_some_and(|a| a.is_empty()), || {
        format!("labels under 11 px: {}", v["small"])
    })?;
    ensure(v["over"].as_array().is_some_and(|a| a.is_empty()), || {
        format!("labels over the users' line: {}", v["over"])
    })
}

/// The page's `@media print` rules applied on screen: what paper shows.
const AS_PRINTED: &str = r#"
    const rules = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule.media && [...rule.media].includes('print')) {
          for (const inner of rule.cssRules) rules.push(inner.cssText);
        }
      }
    }
    const style = document.createElement('style');
    style.id = 'as-printed';
    style.textContent = rules.join('\n');
    document.head.appendChild(style);
    return rules.length;
"#;

async fn printout(b: &Browser, page: &str) -> R {
    b.set_viewport(1280, 900).await?;
    b.open(&format!("{page}?users=1200&growth=12&host=minipc"))
        .await?;
    let rules = b.js(AS_PRINTED).await?;
    ensure(rules.as_u64() > Some(5), || {
        format!("print rules found: {rules}")
    })?;
    let v = b
        .js(r#"
            const shown = (e) => e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
            const header = document.getElementById('print-inputs');
            const first = document.querySelector('main.results > section');
            const visible = (sel) => [...document.querySelectorAll(sel)].filter(shown).length;
            return {
              header: shown(header), text: header ? header.textContent : '',
              before: header && first ? header.getBoundingClientRect().top < first.getBoundingClientRect().top : false,
              answer: shown(document.getElementById('answer')),
              copies: visible('.copy') + visible('.actions') + visible('button'),
            };
        "#)
        .await?;
    ensure(v["header"] == true && v["before"] == true, || {
        format!("no inputs header above the plan on paper: {v}")
    })?;
    let text = v["text"].as_str().unwrap_or_default();
    ensure(
        text.contains("users=1200") && text.contains("growth=12") && text.contains("minipc"),
        || format!("the printed header lacks the link or the inputs: {text}"),
    )?;
    ensure(v["answer"] == false, || {
        "the phone answer prints".to_owned()
    })?;
    ensure(v["copies"] == 0, || {
        format!("copy buttons or their rows on paper: {v}")
    })
}

async fn desktop(b: &Browser) -> R {
    b.set_viewport(1280, 900).await?;
    b.open("/?users=2100&host=pi4").await?;
    let shown = b
        .js("const e = document.getElementById('answer'); return !!e && getComputedStyle(e).display !== 'none';")
        .await?;
    ensure(shown == false, || {
        "the phone answer shows at 1280 px".to_owned()
    })
}
