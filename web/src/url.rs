//! The only module that touches `window.location` and `history`: the page's
//! query string is the plan's state.

use crate::i18n::{self, Lang};
use wasm_bindgen::JsValue;

/// The current query string, without its `?`.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_owned())
        .unwrap_or_default()
}

/// The page's address for sharing.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's address with `query`: the share link of a plan.
/// The page written ahead of time (native) has no address: its link is
/// the query alone.
pub fn link_for(query: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let base = web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    let base = String::new();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// Writes `query` into the address bar without reloading, keeping the path
/// (so the site works under a sub-path) and dropping the `?` when empty.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let current = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if current == url {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Opens the page of `lang` with `query`. The French page lives in `fr/`
/// beside the English one, so both work under any sub-path.
pub fn open_page(lang: Lang, query: &str) {
    let page = match (i18n::PAGE, lang) {
        (Some(Lang::En), Lang::Fr) => "fr/",
        (Some(Lang::Fr), Lang::En) => "../",
        _ => "./",
    };
    let sep = if query.is_empty() { "" } else { "?" };
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(&format!("{page}{sep}{query}"));
    }
}
