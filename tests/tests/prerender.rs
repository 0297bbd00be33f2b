#![cfg(not(target_arch = "wasm32"))]
//! The page the build writes ahead of time: the default plan readable without
//! JavaScript, in English at the root and in French in `fr/`, with a title, a
//! description and a `<noscript>` line; a share link never shows the default
//! plan's figures as its own, neither before the app has started nor after;
//! the app takes the written page over without painting it again, the
//! sections below the first screen one task each.

mod common;

use common::{ensure, ensure_eq, Browser, Report, R};
use std::path::{Path, PathBuf};

/// U+202F NARROW NO-BREAK SPACE, the French thousands separator.
const NNBSP: char = '\u{202F}';

/// The default plan, as the core computes it: 500 users → tier 2, 10,000
/// requests a day.
const DEFAULT_TIER: &str = "2";

#[tokio::test(flavor = "current_thread")]
async fn prerendered_pages() {
    let dist = headroom_e2e::dist_dir();
    let mut report = Report::new("prerendered_pages");

    let browser = Browser::start_without_js(dist.clone()).await;
    let b = &browser;
    report
        .check(
            "without JavaScript, / shows the default plan: tier 2, 10,000 requests a day, in English, with the noscript line",
            without_js(b, "/", "Tier 2 ", "10,000", "en", "The calculator needs JavaScript"),
        )
        .await;
    report
        .check(
            "without JavaScript, fr/ shows the default plan in French: Palier 2, 10 000 requests a day",
            without_js(
                b,
                "/fr/",
                "Palier 2 ",
                &format!("10{NNBSP}000"),
                "fr",
                "Le calculateur a besoin de JavaScript",
            ),
        )
        .await;
    report
        .check(
            "the title and the description say what the plan is, in each language",
            title_and_description(b),
        )
        .await;
    report
        .check(
            "without JavaScript, the prerendered page gives months from now, not calendar months",
            no_calendar_month(b),
        )
        .await;
    browser.close().await;

    // The same site without its WebAssembly: the page's first script runs, the
    // app never starts.
    let no_wasm = without_wasm(&dist);
    let browser = Browser::start_with(no_wasm.path.clone()).await;
    let b = &browser;
    report
        .check(
            "before the app starts, / shows the prerendered default plan and a share link hides it",
            before_the_app(b),
        )
        .await;
    browser.close().await;

    let browser = Browser::start().await;
    let b = &browser;
    report
        .check(
            "once the app has started, a share link shows its own plan and nothing of the default one",
            after_the_app(b),
        )
        .await;
    report
        .check(
            "once the app has started, the default page holds one plan (the prerendered one taken over)",
            default_after_the_app(b),
        )
        .await;
    report
        .check(
            "the app takes the page over: its header painted once, the largest paint the page's own, no shift",
            painted_once(b),
        )
        .await;
    browser.close().await;

    // The same site with an observer of the page's changes, installed before
    // the app can start.
    let watched = copy_of(&dist, true, Some(WATCH_TAKEOVER));
    let browser = Browser::start_with(watched.path.clone()).await;
    report
        .check(
            "the sections below the first screen are taken over one task each, the first ones in place",
            taken_over_in_steps(&browser),
        )
        .await;
    browser.close().await;
    report.finish();
}

/// The sections the app takes over later, one task each (web/src/app.rs).
const LATER: [&str; 14] = [
    "growth",
    "resources",
    "latency",
    "measurements",
    "load",
    "hardware",
    "compose",
    "tuning",
    "budget",
    "decisions",
    "roadmap",
    "runbooks",
    "considerations",
    "conclusion",
];

/// Put first in the page's head: records, once the page is parsed, each
/// batch of sections put into the results column (a MutationObserver calls
/// back once per task that changed the page).
const WATCH_TAKEOVER: &str = r#"<script>
  window.takeover = [];
  document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
    const added = records.flatMap((r) => [...r.addedNodes])
      .filter((n) => n.nodeType === 1 && n.id && n.parentNode && n.parentNode.matches('main.results'))
      .map((n) => n.id);
    if (added.length) window.takeover.push({ at: performance.now(), added });
  }).observe(document.getElementById('app'), { childList: true, subtree: true }));
</script>"#;

/// The first screen (header, answer, agenda, summary) is hydrated in place;
/// each later section replaces the build's HTML in a task of its own, before
/// the app marks its render; a link's plan is then its own.
async fn taken_over_in_steps(b: &Browser) -> R {
    for path in ["/", "/?users=30000&growth=5"] {
        b.open(path).await?;
        let v = b
            .js("return { takeover: window.takeover, rendered: performance.getEntriesByName('headroom-rendered')[0].startTime, \
                          tier: (document.getElementById('summary') || { dataset: {} }).dataset.tier };")
            .await?;
        println!("    {path}: {v}");
        let batches = v["takeover"].as_array().cloned().unwrap_or_default();
        let added: Vec<&str> = batches
            .iter()
            .flat_map(|b| b["added"].as_array().into_iter().flatten())
            .filter_map(|id| id.as_str())
            .collect();
        for id in LATER {
            ensure_eq(
                &format!("{path}: times #{id} is taken over"),
                added.iter().filter(|a| **a == id).count(),
                1,
            )?;
        }
        ensure(added.iter().all(|id| LATER.contains(id)), || {
            format!("{path}: only the later sections may be replaced, the first screen is taken over in place: {v}")
        })?;
        ensure(
            batches
                .iter()
                .all(|b| b["added"].as_array().is_some_and(|a| a.len() == 1)),
            || format!("{path}: each section should be taken over in a task of its own: {v}"),
        )?;
        let rendered = v["rendered"].as_f64().unwrap_or(0.0);
        ensure(
            batches
                .iter()
                .all(|b| b["at"].as_f64().is_some_and(|at| at <= rendered)),
            || {
                format!(
                    "{path}: the app should mark its render once every section is taken over: {v}"
                )
            },
        )?;
    }
    let tier = b
        .js("return document.getElementById('summary').dataset.tier")
        .await?;
    ensure_eq("the link's tier once taken over", tier.as_str(), Some("5"))
}

/// What a page shows of the plan, read from the DOM.
const READ: &str = r#"
    const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent.trim() : null; };
    const shown = (sel) => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; };
    // Laid out, not hidden and its words not transparent: what a reader sees.
    const seen = (sel) => {
      const e = document.querySelector(sel);
      if (!e || e.getClientRects().length == 0) return false;
      const style = getComputedStyle(e);
      return style.visibility !== 'hidden' && style.color !== 'rgba(0, 0, 0, 0)';
    };
    const desc = document.querySelector('meta[name=description]');
    return {
      lang: document.documentElement.lang,
      title: document.title,
      description: desc ? desc.content : null,
      tier: text('#tier'),
      data_tier: (document.getElementById('summary') || { dataset: {} }).dataset.tier || null,
      rpd: text('#summary-requests-per-day'),
      tiers: document.querySelectorAll('#tier').length,
      built: (document.querySelector('#app[data-built]') || { dataset: {} }).dataset.built || null,
      link_class: document.documentElement.classList.contains('link'),
      tagline_seen: seen('.tagline'),
      tier_shown: seen('#tier'),
      noscript: text('noscript'),
      body: document.body.textContent,
    };
"#;

async fn without_js(
    b: &Browser,
    path: &str,
    tier: &str,
    rpd: &str,
    lang: &str,
    noscript: &str,
) -> R {
    visit(b, path).await?;
    let v = b.js(READ).await?;
    ensure_eq(
        &format!("{path} <html lang>"),
        v["lang"].as_str(),
        Some(lang),
    )?;
    ensure(
        v["tier"].as_str().is_some_and(|t| t.starts_with(tier)),
        || format!("{path}: #tier should start with {tier:?}: {}", v["tier"]),
    )?;
    ensure_eq(
        &format!("{path} data-tier"),
        v["data_tier"].as_str(),
        Some(DEFAULT_TIER),
    )?;
    ensure_eq(
        &format!("{path} requests a day"),
        v["rpd"].as_str(),
        Some(rpd),
    )?;
    ensure(v["tier_shown"] == true, || {
        format!("{path}: #tier is not displayed")
    })?;
    // Chromium shows <noscript> content when scripting is off; its text is
    // then in the DOM as text.
    ensure(
        v["noscript"].as_str().is_some_and(|n| n.contains(noscript)),
        || {
            format!(
                "{path}: the noscript line should say {noscript:?}: {}",
                v["noscript"]
            )
        },
    )
}

async fn title_and_description(b: &Browser) -> R {
    for (path, title, description) in [
        (
            "/",
            "Headroom — the capacity plan for your self-hosted stack",
            "Default: 500 monthly active users, +15% a month → tier 2",
        ),
        (
            "/fr/",
            "Headroom — le plan de capacité de votre pile auto-hébergée",
            "Par défaut : 500 utilisateurs actifs par mois",
        ),
    ] {
        visit(b, path).await?;
        let v = b.js(READ).await?;
        ensure_eq(&format!("{path} title"), v["title"].as_str(), Some(title))?;
        ensure(
            v["description"]
                .as_str()
                .is_some_and(|d| d.contains(description)),
            || {
                format!(
                    "{path}: the description should hold {description:?}: {}",
                    v["description"]
                )
            },
        )?;
    }
    Ok(())
}

async fn no_calendar_month(b: &Browser) -> R {
    for path in ["/", "/fr/"] {
        visit(b, path).await?;
        let v = b.js(READ).await?;
        let body = v["body"].as_str().unwrap_or_default();
        // A year from 2020 to 2099 next to a month, or a YYYY-MM label.
        let dated = body
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .find(|w| {
                w.len() == 7
                    && w.as_bytes()[4] == b'-'
                    && w[..4]
                        .parse::<u32>()
                        .is_ok_and(|y| (2020..2100).contains(&y))
                    && w[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
            });
        ensure(dated.is_none(), || {
            format!("{path} shows the calendar month {dated:?}")
        })?;
        let month_names = [
            "January",
            "June",
            "July",
            "December",
            "janvier",
            "juin",
            "juillet",
            "décembre",
        ];
        for name in month_names {
            for year in 2020..2100 {
                let dated = format!("{name} {year}");
                ensure(!body.contains(&dated), || {
                    format!("{path} shows the date {dated:?}")
                })?;
            }
        }
    }
    Ok(())
}

async fn before_the_app(b: &Browser) -> R {
    visit(b, "/").await?;
    let v = b.js(READ).await?;
    ensure(
        v["tier_shown"] == true && v["rpd"] == "10,000" && v["built"].is_string(),
        || {
            format!("/ without the app should show the prerendered default plan, marked with its build month: {v}")
        },
    )?;
    visit(b, "/?users=5000").await?;
    let v = b.js(READ).await?;
    ensure(v["link_class"] == true && v["tagline_seen"] == true, || {
        format!("/?users=5000 before the app: the page's frame (its header) should show: {v}")
    })?;
    ensure(v["tier_shown"] == false, || {
        format!("/?users=5000 before the app: no figure of the default plan may be seen: {v}")
    })?;
    // On a phone the answer keeps its place, unseen.
    b.set_viewport(360, 740).await?;
    visit(b, "/?users=5000").await?;
    let answer = b
        .js("const e = document.getElementById('answer-now'); return !!e && e.getClientRects().length > 0 \
             && getComputedStyle(e).visibility === 'hidden';")
        .await?;
    b.set_viewport(1280, 900).await?;
    ensure(answer == true, || {
        "/?users=5000 before the app at 360 px: the answer should keep its place, unseen".to_owned()
    })
}

async fn after_the_app(b: &Browser) -> R {
    for (path, tier, rpd) in [
        ("/?users=5000", "4", "150,000"),
        ("/fr/?users=5000", "4", "150\u{202F}000"),
    ] {
        b.open(path).await?;
        let v = b.js(READ).await?;
        ensure(v["link_class"] == false && v["tier_shown"] == true, || {
            format!("{path}: once the app has started its plan should be seen: {v}")
        })?;
        ensure_eq(&format!("{path} one #tier"), v["tiers"].as_u64(), Some(1))?;
        ensure_eq(
            &format!("{path} data-tier"),
            v["data_tier"].as_str(),
            Some(tier),
        )?;
        ensure_eq(
            &format!("{path} requests a day"),
            v["rpd"].as_str(),
            Some(rpd),
        )?;
    }
    Ok(())
}

async fn default_after_the_app(b: &Browser) -> R {
    b.open("/").await?;
    let v = b.js(READ).await?;
    ensure_eq("one #tier", v["tiers"].as_u64(), Some(1))?;
    ensure_eq("data-tier", v["data_tier"].as_str(), Some(DEFAULT_TIER))?;
    ensure_eq("requests a day", v["rpd"].as_str(), Some("10,000"))
}

/// The app takes over the page the build wrote instead of painting it again:
/// the header's tagline (`elementtiming`) is painted once, before the app's
/// render; the largest paint is also before it; nothing shifts.
async fn painted_once(b: &Browser) -> R {
    for (path, width) in [
        ("/", 1280),
        ("/?users=5000", 1280),
        ("/fr/?users=5000", 1280),
        ("/", 360),
        ("/?users=5000", 360),
    ] {
        b.set_viewport(width, if width < 400 { 740 } else { 900 })
            .await?;
        b.open(path).await?;
        let v = b
            .js_async(
                r#"
                const done = arguments[arguments.length - 1];
                const seen = { element: [], 'largest-contentful-paint': [], 'layout-shift': [] };
                for (const type of Object.keys(seen))
                  new PerformanceObserver((list) => seen[type].push(...list.getEntries()))
                    .observe({ type, buffered: true });
                setTimeout(() => done({
                  rendered: performance.getEntriesByName('headroom-rendered')[0].startTime,
                  tagline: seen.element.filter((e) => e.identifier === 'tagline').map((e) => e.startTime),
                  largest: seen['largest-contentful-paint'].map((e) => [e.startTime, e.element ? e.element.id || e.element.className : null]),
                  shifts: seen['layout-shift'].map((e) => e.value),
                  moved: seen['layout-shift'].flatMap((e) => e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) + ' ' + JSON.stringify(s.previousRect) + '→' + JSON.stringify(s.currentRect) : null)),
                }), 500);
                "#,
            )
            .await?;
        let rendered = v["rendered"].as_f64().unwrap_or(0.0);
        let tagline: Vec<f64> = v["tagline"]
            .as_array()
            .map(|a| a.iter().filter_map(|t| t.as_f64()).collect())
            .unwrap_or_default();
        println!("    {path} at {width} px: {v}");
        ensure(tagline.len() == 1 && tagline[0] < rendered, || {
            format!("{path}: the tagline should be painted once, before the app's render at {rendered:.0} ms: {v}")
        })?;
        // A link's own figures exist only once the app has computed them:
        // there the largest paint may come with them.
        let last_largest = v["largest"]
            .as_array()
            .and_then(|a| a.last())
            .and_then(|e| e[0].as_f64())
            .unwrap_or(f64::INFINITY);
        ensure(path.contains('?') || last_largest < rendered, || {
            format!("{path}: the largest paint should be the page's own, before the app's render at {rendered:.0} ms: {v}")
        })?;
        ensure(v["shifts"].as_array().is_some_and(|s| s.is_empty()), || {
            format!("{path}: nothing may shift: {v}")
        })?;
    }
    b.set_viewport(1280, 900).await
}

/// Navigates to `path` without waiting for the app (which may never start).
async fn visit(b: &Browser, path: &str) -> R {
    let url = b.url(path);
    b.client
        .goto(&url)
        .await
        .map_err(|e| format!("navigate to {url}: {e}"))
}

/// A copy of the built site without its WebAssembly, removed on drop.
struct Copy {
    path: PathBuf,
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

fn without_wasm(dist: &Path) -> Copy {
    copy_of(dist, false, None)
}

/// A copy of the built site, with or without its WebAssembly, with `script`
/// put right after the English page's `<meta charset>` (the minified page has
/// no `<head>` tag).
fn copy_of(dist: &Path, wasm: bool, script: Option<&str>) -> Copy {
    let name = format!(
        "headroom-{}-{}",
        if wasm { "watched" } else { "no-wasm" },
        std::process::id()
    );
    let path = std::env::temp_dir().join(name);
    let _ = std::fs::remove_dir_all(&path);
    copy_dir(dist, &path, wasm);
    if let Some(script) = script {
        let index = path.join("index.html");
        let page = std::fs::read_to_string(&index).expect("read the copy's index.html");
        let charset = "<meta charset=utf-8>";
        assert!(page.contains(charset), "the built page has no {charset}");
        let page = page.replacen(charset, &format!("{charset}{script}"), 1);
        std::fs::write(&index, page).expect("write the copy's index.html");
    }
    Copy { path }
}

fn copy_dir(from: &Path, to: &Path, wasm: bool) {
    std::fs::create_dir_all(to).expect("create the copy of dist/");
    for entry in std::fs::read_dir(from).expect("read dist/").flatten() {
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &target, wasm);
        } else if wasm || source.extension().is_none_or(|e| e != "wasm") {
            std::fs::copy(&source, &target).expect("copy a file of dist/");
        }
    }
}
