//! Component tests in headless Chromium:
//! `cargo test -p headroom-web --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use headroom_core::{plan, query, Defaults, Lang, Plan, YearMonth};
use headroom_web::components::{
    budget_bar, compose_view, decision_table, growth_chart, notices, summary, Calendar,
};
use headroom_web::{App, AppProps};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, InputEvent, InputEventInit};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn defaults() -> Defaults {
    Defaults {
        today: YearMonth::new(2026, 11).unwrap(),
        lang: Lang::En,
        day: 1,
    }
}

fn plan_for(q: &str) -> Rc<Plan> {
    Rc::new(plan(&query::decode(q, defaults()).scenario))
}

fn fresh_root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Yew renders and runs effects on its scheduler: wait until it has drained.
async fn settle() {
    yew::scheduler::flush().await;
}

/// Renders a section for the plan of `q`, wrapped in the language context.
#[derive(Properties, PartialEq)]
struct HostProps {
    plan: Rc<Plan>,
    section: &'static str,
}

#[function_component(Section)]
fn section(props: &HostProps) -> Html {
    let plan = &props.plan;
    let lang = plan.scenario.lang;
    let inner = match props.section {
        "summary" => summary::summary(plan, Calendar::Dated),
        "decisions" => decision_table::decision_table(plan),
        "compose" => compose_view::compose_view(plan, "", &Callback::noop()),
        "budget" => budget_bar::budget_bar(plan),
        _ => growth_chart::growth_chart(plan, Calendar::Dated, None),
    };
    html! { <ContextProvider<Lang> context={lang}>{ inner }</ContextProvider<Lang>> }
}

async fn render(q: &str, section: &'static str) -> Element {
    let root = fresh_root();
    yew::Renderer::<Section>::with_root_and_props(
        root.clone(),
        HostProps {
            plan: plan_for(q),
            section,
        },
    )
    .render();
    settle().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn summary_shows_tier_3_and_60000_requests_for_2000_users() {
    let root = render("users=2000&growth=10", "summary").await;
    assert_eq!(text(&root, "#tier"), "Tier 3 · Consolidation");
    assert_eq!(
        root.query_selector("#summary")
            .unwrap()
            .unwrap()
            .get_attribute("data-tier")
            .as_deref(),
        Some("3")
    );
    assert_eq!(text(&root, "#summary-requests-per-day"), "60,000");
    // 2,000 users is the Pi's ceiling: the migration is overdue.
    assert!(text(&root, "#verdict").contains("Past the machine's ceiling"));
}

#[wasm_bindgen_test]
async fn summary_speaks_french() {
    let root = render("users=2000&lang=fr", "summary").await;
    assert_eq!(text(&root, "#tier"), "Palier 3 · Consolidation");
    assert_eq!(text(&root, "#summary-requests-per-day"), "60\u{202f}000");
    assert!(text(&root, "#summary-title").contains("En bref"));
}

#[wasm_bindgen_test]
async fn summary_dates_for_500_users_at_15_percent() {
    let root = render("", "summary").await;
    assert_eq!(text(&root, "#migration-start"), "June 2027 (in 7.9 months)");
    assert_eq!(text(&root, "#ceiling"), "August 2027 (in 9.9 months)");
}

#[wasm_bindgen_test]
async fn notices_name_the_refused_value() {
    let root = fresh_root();
    let errors = query::decode("users=abc&growth=1e999", defaults()).errors;
    #[derive(Properties, PartialEq)]
    struct NoticeProps {
        errors: Vec<headroom_core::InputError>,
    }
    #[function_component(Host)]
    fn host(props: &NoticeProps) -> Html {
        notices::notices(&props.errors, Lang::En)
    }
    yew::Renderer::<Host>::with_root_and_props(root.clone(), NoticeProps { errors }).render();
    settle().await;
    let items = root.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(
        text(&root, "li[data-key=users]"),
        "users: \"abc\" refused; expected an integer from 0 to 100,000,000"
    );
    assert!(text(&root, "li[data-key=growth]").contains("1e999"));
}

#[wasm_bindgen_test]
async fn decision_rows_triggered_by_measurements() {
    let root = render("cpu=90&ram=96", "decisions").await;
    assert_eq!(root.query_selector_all("tr.triggered").unwrap().length(), 4);
    let first = text(&root, "#actions li");
    assert!(first.starts_with("CRITICAL"), "{first}");
    let untouched = render("", "decisions").await;
    assert_eq!(
        untouched
            .query_selector_all("tr.triggered")
            .unwrap()
            .length(),
        0
    );
    assert_eq!(
        untouched.query_selector_all("tbody tr").unwrap().length(),
        9
    );
}

#[wasm_bindgen_test]
async fn compose_block_copy_and_download() {
    let root = render("users=5000", "compose").await;
    let yaml = text(&root, "#compose-yaml");
    assert!(yaml.contains("      replicas: 2"), "{yaml}");
    let link: web_sys::HtmlAnchorElement = root
        .query_selector("#download-compose")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(link.download(), "docker-compose.override.yml");
    // An object URL, made once the link is on the page.
    settle().await;
    assert!(link.href().starts_with("blob:"), "{}", link.href());
    assert!(root.query_selector("#copy-compose").unwrap().is_some());
    let tier5 = render("users=50000", "compose").await;
    assert!(tier5.query_selector("#compose-yaml").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn budget_bar_for_tier_3_on_the_pi() {
    let root = render("users=1200", "budget").await;
    // 4,096 − 512 − the source's 3,468 − PgBouncer's 32.
    assert!(text(&root, "#budget-left").contains("84"));
    // Caps above the cores are explained, not shown as an alarm.
    let note = root
        .query_selector("#cpu-oversubscribed")
        .unwrap()
        .expect("the note on CPU limits");
    assert_eq!(note.class_name(), "note");
    assert!(note
        .text_content()
        .unwrap_or_default()
        .contains("ceiling, not a reservation"));
    // Four services, PgBouncer from tier 3, and the OS reserve.
    assert_eq!(
        root.query_selector_all("#budget-bar rect.seg")
            .unwrap()
            .length(),
        6
    );
}

#[wasm_bindgen_test]
async fn growth_chart_is_svg_with_a_text_alternative() {
    let root = render("", "chart").await;
    let points = root
        .query_selector("polyline.users")
        .unwrap()
        .unwrap()
        .get_attribute("points")
        .unwrap();
    assert_eq!(points.split(' ').count(), 37);
    let desc = text(&root, "desc");
    assert!(desc.contains("June 2027"), "{desc}");
    assert_eq!(text(&root, "figcaption"), desc);
    assert_eq!(root.query_selector_all(".marker").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn typing_updates_the_figures_and_the_url() {
    let root = fresh_root();
    let props = AppProps {
        query: String::new(),
        defaults: defaults(),
        calendar: Calendar::Dated,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let input: HtmlInputElement = root
        .query_selector("#in-users")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("2000");
    // What a browser sends for typing: an InputEvent, which Yew's `oninput` checks for.
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        text(&root, "#load-requests-per-day").replace('\u{202f}', ","),
        "60,000"
    );
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("users=2000"), "{search}");
    // A refused value: a notice, the field marked, and the plan kept on the
    // last valid value.
    input.set_value("abc");
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    assert!(text(&root, "#notices").contains("\"abc\""));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        text(&root, "#load-requests-per-day").replace('\u{202f}', ","),
        "60,000"
    );
}

#[wasm_bindgen_test]
async fn the_chart_at_the_extremes() {
    // No users: no flat line along the floor, a sentence instead.
    let root = render("users=0", "chart").await;
    assert!(root.query_selector("polyline.users").unwrap().is_none());
    assert!(text(&root, "text.empty").starts_with("No users yet"));
    // 100,000,000 users: short axis labels, none clipped; the cloud next.
    let root = render("users=100000000", "chart").await;
    let labels = root.query_selector_all(".grid text").unwrap();
    let labels: Vec<String> = (0..labels.length())
        .map(|i| labels.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels.last().map(String::as_str), Some("10G"), "{labels:?}");
    assert!(labels.iter().all(|l| l.len() <= 4), "{labels:?}");
    // On the Pi at 1,000 users, the mini PC's 10,000 is drawn too.
    let root = render("users=1000&growth=10", "chart").await;
    assert!(text(&root, ".next-ceiling text").ends_with("10,000"));
}
