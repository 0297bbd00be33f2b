//! Mounts Headroom's calculator on the page.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    use headroom_web::components::{later, Calendar};
    use headroom_web::{browser, url, App, AppProps};
    use yew::Renderer;

    let props = AppProps {
        query: url::query(),
        defaults: browser::defaults(),
        calendar: Calendar::Dated,
    };
    browser::print_folded_sections_open();
    let Some(root) = browser::element_by_id("app") else {
        Renderer::<App>::with_props(props).render();
        return;
    };
    match browser::prerendered_props(&root, props.defaults) {
        // The release build's page holds the default plan as the app renders
        // it for those props (its loader starts the app once that page is
        // painted): the app takes that DOM over instead of painting it again,
        // in a task of its own, then, in another, moves to the reader's link
        // and today's calendar (only what differs changes). Most sections
        // are taken over later still, one task each (later.rs).
        Some(first) => browser::soon(move || {
            later::hydrating();
            let mut app = Renderer::<App>::with_root_and_props(root, first).hydrate();
            browser::soon(move || {
                app.update(props);
                later::take_over();
            });
        }),
        None => {
            Renderer::<App>::with_root_and_props(root, props).render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
