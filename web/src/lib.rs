//! Headroom's website: a Yew single-page calculator that renders the core's
//! [`headroom_core::Plan`] for the inputs in the URL. It computes no figure
//! itself; it only presents the plan and talks to the browser.

mod app;
pub mod browser;
pub mod components;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod url;

pub use app::{App, AppProps};
