//! Mounts Headroom's calculator on the page.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    let defaults = headroom_web::browser::defaults();
    let props = headroom_web::AppProps {
        query: headroom_web::url::query(),
        defaults,
        calendar: headroom_web::components::Calendar::Dated,
    };
    headroom_web::browser::print_folded_sections_open();
    // The app renders into `#app`, beside the prerendered page it replaces.
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        Some(root) => yew::Renderer::<headroom_web::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<headroom_web::App>::with_props(props).render(),
    };
}
