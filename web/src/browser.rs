//! Browser glue besides the URL: clock, language, clipboard, `<html lang>`
//! and the performance mark the benchmark reads.

use headroom_core::{Defaults, Lang, YearMonth};

/// Today's month from the browser's clock and French if the browser prefers it.
pub fn defaults() -> Defaults {
    let date = js_sys::Date::new_0();
    let today = YearMonth::new(date.get_full_year() as i32, (date.get_month() + 1) as u8)
        .unwrap_or_else(|| YearMonth::from_unix_seconds((date.get_time() / 1000.0) as i64));
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_locale(&tag))
        .unwrap_or_default();
    Defaults { today, lang }
}

/// Sets `<html lang>` so screen readers and hyphenation follow the interface.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Copies `text` with the Clipboard API; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Removes the page the build prerendered (`#prerendered`) once the app has
/// rendered its own, in the same task, so no frame shows both or neither.
pub fn drop_prerendered() {
    if let Some(old) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerendered"))
    {
        old.remove();
    }
}

/// Marks the first complete render, for the benchmark script.
pub fn mark_rendered() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("headroom-rendered");
    }
}
