#![cfg(not(target_arch = "wasm32"))]
//! Tier 5's Kubernetes bundle on the page: the writer lives in the
//! JavaScript module only (the page's own WebAssembly holds none of it), the
//! module is fetched on the button's click and not before, the table lists
//! the sized components as the core sizes them, and the download is a zip
//! that Python's zipfile reads back whole. Both languages.

mod common;

use common::{ensure, ensure_eq, Browser, Report, R};
use headroom_core::kubernetes::{self, quantity, FILES};
use headroom_core::{plan, query, Defaults, Lang, YearMonth};
use headroom_e2e::dist_dir;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

const QUERY: &str = "users=20000&growth=10";

/// Strings only the Kubernetes writer has: kustomize's and the Gateway
/// API's apiVersion, a line of the PostgreSQL file's comments.
const WRITER_ONLY: &[&str] = &[
    "kustomize.config.k8s.io/v1beta1",
    "gateway.networking.k8s.io/v1",
    "wal_keep_size",
];

fn wasm_in(dir: &Path) -> Vec<u8> {
    let wasm = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .find(|path| path.to_string_lossy().ends_with("_bg.wasm"))
        .unwrap_or_else(|| panic!("no _bg.wasm in {}", dir.display()));
    fs::read(wasm).expect("read the WebAssembly")
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn the_writer_is_in_the_module_not_in_the_pages() {
    let dist = dist_dir();
    let module = wasm_in(&dist.join("js"));
    for (page, button) in [
        (dist.clone(), "Build the Kubernetes bundle"),
        (dist.join("fr"), "Générer le paquet Kubernetes"),
    ] {
        let wasm = wasm_in(&page);
        // The control: this is the page that has the button.
        assert!(holds(&wasm, button), "{}: no {button:?}", page.display());
        for needle in WRITER_ONLY {
            assert!(holds(&module, needle), "the JS module lacks {needle:?}");
            assert!(
                !holds(&wasm, needle),
                "{}'s WebAssembly holds the writer's {needle:?}",
                page.display()
            );
        }
        println!(
            "{}: {} bytes of WebAssembly, none of the writer's strings",
            page.display(),
            wasm.len()
        );
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_bundle_on_the_page() {
    let browser = Browser::start().await;
    let b = &browser;
    let mut report = Report::new("the_bundle_on_the_page");
    for (path, lang) in [
        (format!("/?{QUERY}"), Lang::En),
        (format!("/fr/?{QUERY}"), Lang::Fr),
    ] {
        report
            .check(
                &format!("{path}: no module before the click; after it, the components as the core sizes them and a zip that unzips"),
                bundle(b, &path, lang),
            )
            .await;
    }
    report
        .check("below tier 5 there is no button", below_tier_5(b))
        .await;
    browser.close().await;
    report.finish();
}

async fn below_tier_5(b: &Browser) -> R {
    b.open("/?users=1200").await?;
    let button = b
        .js("return !!document.getElementById('build-k8s');")
        .await?;
    ensure_eq("#build-k8s on tier 3", button, Value::Bool(false))
}

/// The core's sizes for the link, per component: (kind name, pods, cpu, memory).
fn expected(lang: Lang) -> Vec<(String, String, String, String)> {
    let defaults = Defaults {
        today: YearMonth::from_unix_seconds(0),
        lang,
        day: 1,
    };
    let decoded = query::decode(&format!("{QUERY}&lang={}", lang.code()), defaults);
    let sizing = kubernetes::sizing(&plan(&decoded.scenario)).expect("a tier-5 plan");
    sizing
        .components()
        .iter()
        .map(|c| {
            let pods = if c.min == c.max {
                c.min.to_string()
            } else {
                format!("{}–{}", c.min, c.max)
            };
            let pair = |a: String, b: String| if a == b { a } else { format!("{a} / {b}") };
            (
                format!("{} {}", c.kind, c.name),
                pods,
                pair(quantity::cpu(c.cpu_request), quantity::cpu(c.cpu_limit)),
                pair(
                    quantity::memory(c.memory_request),
                    quantity::memory(c.memory_limit),
                ),
            )
        })
        .collect()
}

const MODULE_FETCHED: &str = "return performance.getEntriesByType('resource')\
    .some((e) => e.name.includes('headroom_bg.wasm') || e.name.includes('js/headroom.js'));";

async fn bundle(b: &Browser, path: &str, lang: Lang) -> R {
    b.open(path).await?;
    b.wait_js(
        "the #build-k8s button",
        "return !!document.getElementById('build-k8s');",
    )
    .await?;
    let fetched = b.js(MODULE_FETCHED).await?;
    ensure_eq(
        "the module fetched before the click",
        fetched,
        Value::Bool(false),
    )?;
    b.js("document.getElementById('build-k8s').click(); return true;")
        .await?;
    let rows = b
        .wait_js(
            "the rows of #k8s-components",
            "const rows = document.querySelectorAll('#k8s-components tbody tr'); \
             return rows.length ? Array.from(rows, (r) => Array.from(r.cells, (c) => c.textContent.trim())) : null;",
        )
        .await?;
    ensure_eq(
        "the module fetched after the click",
        b.js(MODULE_FETCHED).await?,
        Value::Bool(true),
    )?;
    let rows: Vec<Vec<String>> = serde_json::from_value(rows).map_err(|e| e.to_string())?;
    let expected = expected(lang);
    ensure_eq("components", rows.len(), expected.len())?;
    for (row, (name, pods, cpu, memory)) in rows.iter().zip(&expected) {
        ensure_eq("component", &row[0], name)?;
        ensure_eq(&format!("{name}: pods"), &row[1], pods)?;
        ensure_eq(&format!("{name}: CPU"), &row[2], cpu)?;
        ensure_eq(&format!("{name}: memory"), &row[3], memory)?;
        ensure(row[5].len() > 40, || format!("{name}: origin {:?}", row[5]))?;
        println!("{path}: {}", row.join(" | "));
    }
    for name in [
        "Cluster postgres",
        "Pooler postgres-pooler-rw",
        "Pooler postgres-pooler-ro",
        "RedisReplication redis",
        "Deployment api",
        "Deployment web",
    ] {
        ensure(rows.iter().any(|r| r[0] == name), || {
            format!("no {name} in {rows:?}")
        })?;
    }
    let cluster = &rows[0];
    ensure(cluster[4].contains("Gi + WAL "), || {
        format!("the Cluster's volumes: {:?}", cluster[4])
    })?;
    // The origin is in the page's language.
    let word = if lang == Lang::Fr {
        "palier 4"
    } else {
        "tier 4"
    };
    ensure(cluster[5].contains(word), || {
        format!("the Cluster's origin lacks {word:?}: {:?}", cluster[5])
    })?;
    zip(b, path).await
}

async fn zip(b: &Browser, path: &str) -> R {
    let link = b
        .wait_js(
            "#download-k8s with its object URL",
            "const a = document.getElementById('download-k8s'); \
             return a && a.href.startsWith('blob:') ? [a.download, a.href] : null;",
        )
        .await?;
    ensure_eq(
        "the download's name",
        link[0].as_str(),
        Some("headroom-kubernetes.zip"),
    )?;
    // The blob's bytes, through the object URL; the local headers walked in
    // the page (signature, name length, size: method stored).
    // The blob's bytes, through the object URL; the local headers walked in
    // the page (signature, name length, size: method stored).
    let read = b.js_async(ASYNC_READ).await?;
    ensure(read.get("error").is_none(), || {
        format!("reading the blob: {read}")
    })?;
    let names: Vec<String> =
        serde_json::from_value(read["names"].clone()).map_err(|e| e.to_string())?;
    let wanted: Vec<String> = FILES
        .iter()
        .map(|f| format!("headroom-kubernetes/{f}"))
        .collect();
    ensure_eq("the zip's local files", &names, &wanted)?;
    ensure_eq(
        "the central directory after them",
        &read["central"],
        &Value::Bool(true),
    )?;
    let bytes: Vec<u8> =
        serde_json::from_value(read["bytes"].clone()).map_err(|e| e.to_string())?;
    python_reads(&bytes, &wanted, path)
}

const ASYNC_READ: &str = "const done = arguments[arguments.length - 1]; \
     fetch(document.getElementById('download-k8s').href) \
       .then((r) => r.arrayBuffer()) \
       .then((buffer) => { \
         const bytes = new Uint8Array(buffer), view = new DataView(buffer); \
         const names = []; let at = 0; \
         while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) { \
           const size = view.getUint32(at + 18, true), nameLength = view.getUint16(at + 26, true), extra = view.getUint16(at + 28, true); \
           names.push(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength))); \
           at += 30 + nameLength + extra + size; \
         } \
         done({ names, central: view.getUint32(at, true) === 0x02014b50, bytes: Array.from(bytes) }); \
       }, (e) => done({ error: String(e) }));";

/// Python's zipfile opens the downloaded bytes and checks every CRC.
fn python_reads(bytes: &[u8], names: &[String], path: &str) -> R {
    let dir = std::env::temp_dir().join(format!("headroom-k8s-zip-{}", std::process::id()));
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("bundle.zip");
    fs::write(&file, bytes).map_err(|e| e.to_string())?;
    let output = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip(); \
             print(bad or 'ok'); print('\\n'.join(z.namelist()))",
        ])
        .arg(&file)
        .output()
        .map_err(|e| format!("python3 is needed to read the zip back (install python3): {e}"))?;
    let _ = fs::remove_dir_all(&dir);
    let out = String::from_utf8_lossy(&output.stdout);
    ensure(output.status.success(), || {
        format!(
            "python3 zipfile: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    let mut lines = out.lines();
    ensure_eq("zipfile's CRC check", lines.next(), Some("ok"))?;
    ensure_eq(
        "zipfile's names",
        lines.map(str::to_owned).collect::<Vec<_>>(),
        names.to_vec(),
    )?;
    println!(
        "{path}: a {}-byte zip, {} files, every CRC good",
        bytes.len(),
        names.len()
    );
    Ok(())
}
