#![cfg(not(target_arch = "wasm32"))]
//! The JavaScript module in dist/js/ used from a plain HTML page, as another
//! static site would embed it: no Yew, no calculator, just the core.

mod common;

use common::{ctx, ensure_eq, Browser, Report, R};
use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn a_plain_page_imports_the_module_and_reads_a_plan() {
    let browser = Browser::start().await;
    let mut report = Report::new("a_plain_page_imports_the_module_and_reads_a_plan");
    report
        .check(
            "/js/example.html shows 60,000 requests a day and tier 3 for 2,000 users",
            example_page(&browser),
        )
        .await;
    report
        .check(
            "encode, decode, composeOverride and a refused value from the page's JavaScript",
            module_functions(&browser),
        )
        .await;
    browser.close().await;
    report.finish();
}

async fn example_page(b: &Browser) -> R {
    let url = b.url("/js/example.html");
    b.client
        .goto(&url)
        .await
        .map_err(ctx(format!("navigate to {url}")))?;
    b.wait_js("the module's plan", "return !!window.headroomPlan;")
        .await?;
    let requests = b
        .js("return document.getElementById('requests').textContent;")
        .await?;
    ensure_eq("#requests", requests.as_str(), Some("60000"))?;
    let tier = b.js("return window.headroomPlan.tier.number;").await?;
    ensure_eq("plan().tier.number", tier.as_u64(), Some(3))?;
    let version = b.js("return window.headroomPlan.schema_version;").await?;
    ensure_eq("plan().schema_version", version.as_u64(), Some(2))
}

async fn module_functions(b: &Browser) -> R {
    let encoded = b
        .js_with(
            "return window.headroom.encode(arguments[0]);",
            vec![json!({"users": 2000, "growth": 10})],
        )
        .await?;
    ensure_eq(
        "encode({users: 2000, growth: 10})",
        encoded.as_str(),
        Some("users=2000&growth=10"),
    )?;
    let decoded = b
        .js("return window.headroom.decode('?users=1500&growth=8').growth;")
        .await?;
    ensure_eq("decode(...).growth", decoded.as_str(), Some("8"))?;
    let from_query = b
        .js("return window.headroom.plan('users=5000').tier.number;")
        .await?;
    ensure_eq(
        "plan('users=5000').tier.number",
        from_query.as_u64(),
        Some(4),
    )?;
    let yaml = b
        .js("return window.headroom.composeOverride({users: 1200});")
        .await?;
    let yaml = yaml.as_str().unwrap_or_default();
    if !yaml.contains("mem_limit: 1200m") {
        return Err(format!(
            "composeOverride({{users: 1200}}) has no 1200m PostgreSQL: {yaml}"
        ));
    }
    let refused = b
        .js("try { window.headroom.plan({users: 'abc'}); return 'accepted'; } catch (e) { return e.message; }")
        .await?;
    ensure_eq(
        "plan({users: 'abc'}) throws",
        refused.as_str(),
        Some("users: \"abc\" refused; expected an integer from 0 to 100,000,000"),
    )
}
