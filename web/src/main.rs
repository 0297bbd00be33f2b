//! Mounts Headroom's calculator on the page.

fn main() {
    yew::Renderer::<headroom_web::App>::new().render();
}
