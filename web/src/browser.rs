//! Browser glue besides the URL: clock, language, clipboard, `<html lang>`
//! and the performance mark the benchmark reads.

use headroom_core::{Defaults, Lang, YearMonth};

/// Today's month and day from the browser's clock and French if the browser prefers it.
pub fn defaults() -> Defaults {
    let date = js_sys::Date::new_0();
    let today = YearMonth::new(date.get_full_year() as i32, (date.get_month() + 1) as u8)
        .unwrap_or_else(|| YearMonth::from_unix_seconds((date.get_time() / 1000.0) as i64));
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_locale(&tag))
        .unwrap_or_default();
    Defaults {
        today,
        lang,
        day: date.get_date() as u8,
    }
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

/// The element of the page with `id`.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The props the build rendered `root`'s content with, when it holds the
/// prerendered page: the default plan, no link, months from the build's
/// month (its `data-built`, `YYYY-MM`) as "in N months".
pub fn prerendered_props(root: &web_sys::Element, reader: Defaults) -> Option<crate::AppProps> {
    let today = YearMonth::parse(&root.get_attribute("data-built")?)?;
    root.first_child()?;
    Some(crate::AppProps {
        query: String::new(),
        defaults: Defaults {
            today,
            lang: crate::i18n::PAGE.unwrap_or(reader.lang),
            day: 1,
        },
        calendar: crate::components::Calendar::Relative,
    })
}

/// Whether the page is in a tab the reader does not see.
pub fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Runs `f` in a task of its own, after the browser has had the main thread.
pub fn soon(f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, f).forget();
}

/// Shows the page's plan: a share link's page hides the prerendered default
/// plan (the `link` class of index.html's first script) until its own is there.
pub fn show_plan() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1("link");
    }
}

/// Marks the first complete render, for the benchmark script.
pub fn mark_rendered() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("headroom-rendered");
    }
}

/// The runbooks' ticked checkboxes, kept in local storage under `key` (one
/// list per plan), so that a reload finds them ticked.
pub fn save_ticks(key: &str) {
    let ids: Vec<String> = checkboxes("#runbooks input[type=checkbox]:checked")
        .iter()
        .map(|input| input.id())
        .collect();
    if let Some(storage) = local_storage() {
        let _ = if ids.is_empty() {
            storage.remove_item(key)
        } else {
            storage.set_item(key, &ids.join(","))
        };
    }
}

/// Ticks the runbooks' checkboxes saved under `key`, and only those.
pub fn restore_ticks(key: &str) {
    let saved = local_storage()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .unwrap_or_default();
    for input in checkboxes("#runbooks input[type=checkbox]") {
        input.set_checked(saved.split(',').any(|id| id == input.id()));
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn checkboxes(selector: &str) -> Vec<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    elements(selector)
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect()
}

/// Prints folded sections open: opens every closed `<details>` before
/// printing and folds them back after. Call once, at start.
pub fn print_folded_sections_open() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let before = Closure::<dyn Fn()>::new(|| {
        for details in elements("details:not([open])") {
            let _ = details.set_attribute("open", "");
            let _ = details.set_attribute("data-print-opened", "");
        }
    });
    let after = Closure::<dyn Fn()>::new(|| {
        for details in elements("details[data-print-opened]") {
            let _ = details.remove_attribute("open");
            let _ = details.remove_attribute("data-print-opened");
        }
    });
    let _ = window.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref());
    // They live as long as the page.
    before.forget();
    after.forget();
}

fn elements(selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// A thrown value's message, in one line.
fn failed(e: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "?".to_owned())
}

/// The JavaScript module (`js/headroom.js`, the core with what the page
/// leaves out: the YAML reader, the Kubernetes writer), fetched and started
/// on first use; the browser keeps it for the next calls.
async fn module() -> Result<wasm_bindgen::JsValue, String> {
    use js_sys::{Function, Promise};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    // The module sits in js/ beside the English page, ../js/ from the French one.
    let relative = match crate::i18n::PAGE {
        Some(crate::i18n::Lang::Fr) => "../js/headroom.js",
        _ => "js/headroom.js",
    };
    let url = web_sys::Url::new_with_base(relative, &crate::url::href())
        .map_err(failed)?
        .href();
    let import = Function::new_with_args("url", "return import(url)");
    let module = import.call1(&JsValue::NULL, &url.into()).map_err(failed)?;
    let module = JsFuture::from(Promise::from(module))
        .await
        .map_err(failed)?;
    let init = function(&module, "default")?
        .call0(&JsValue::NULL)
        .map_err(failed)?;
    JsFuture::from(Promise::from(init)).await.map_err(failed)?;
    Ok(module)
}

fn function(module: &wasm_bindgen::JsValue, name: &str) -> Result<js_sys::Function, String> {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(module, &name.into())
        .map_err(failed)?
        .dyn_into::<js_sys::Function>()
        .map_err(failed)
}

/// The override for the pasted compose file `base`, through the JavaScript
/// module's `composeOverride(query, base)`, fetched on first use (the page's
/// own WebAssembly has no YAML parser). `Ok(None)` on tier 5; `Err` is the
/// problem, in one line.
pub async fn merge_override(query: &str, base: &str) -> Result<Option<String>, String> {
    let module = module().await?;
    let yaml = function(&module, "composeOverride")?
        .call2(&wasm_bindgen::JsValue::NULL, &query.into(), &base.into())
        .map_err(failed)?;
    Ok(yaml.as_string())
}

/// The runbooks' names the pasted compose file gives, through the
/// module's `composeNames(query, base)`.
pub async fn compose_names(query: &str, base: &str) -> Result<Vec<(String, String)>, String> {
    use js_sys::Array;
    use wasm_bindgen::JsCast;
    let module = module().await?;
    let pairs: Array = function(&module, "composeNames")?
        .call2(&wasm_bindgen::JsValue::NULL, &query.into(), &base.into())
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    Ok(pairs
        .iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect())
}

/// Tier 5's Kubernetes bundle as the JavaScript module's
/// `kubernetesBundle(query)` gives it: the components table and the zip.
pub struct KubernetesBundle {
    pub rows: Vec<BundleRow>,
    pub zip_name: String,
    pub zip: js_sys::ArrayBuffer,
}

/// One component, as the module words it.
#[derive(Clone, PartialEq)]
pub struct BundleRow {
    pub kind: String,
    pub name: String,
    pub pods: String,
    pub cpu: String,
    pub memory: String,
    pub storage: String,
    pub origin: String,
}

/// The bundle for these inputs (`Err`: why not, in one line, in the plan's
/// language). The page's own WebAssembly has no Kubernetes writer.
pub async fn kubernetes_bundle(query: &str) -> Result<KubernetesBundle, String> {
    use js_sys::{Array, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    let module = module().await?;
    let bundle = function(&module, "kubernetesBundle")?
        .call1(&JsValue::NULL, &query.into())
        .map_err(failed)?;
    let get = |object: &JsValue, key: &str| Reflect::get(object, &key.into()).map_err(failed);
    let text = |object: &JsValue, key: &str| -> Result<String, String> {
        Ok(get(object, key)?.as_string().unwrap_or_default())
    };
    let components: Array = get(&bundle, "components")?.dyn_into().map_err(failed)?;
    let rows = components
        .iter()
        .map(|c| {
            Ok(BundleRow {
                kind: text(&c, "kind")?,
                name: text(&c, "name")?,
                pods: text(&c, "pods")?,
                cpu: text(&c, "cpu")?,
                memory: text(&c, "memory")?,
                storage: text(&c, "storage")?,
                origin: text(&c, "origin")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let zip: Uint8Array = get(&bundle, "zip")?.dyn_into().map_err(failed)?;
    Ok(KubernetesBundle {
        rows,
        zip_name: text(&bundle, "zipName")?,
        zip: zip.buffer(),
    })
}

/// What the measurements pasted set: the inputs as `(key, value)` pairs,
/// and what they say besides, through the JavaScript module's
/// `readMeasurements(query, texts)` (the page's own WebAssembly has no
/// report readers). `Err` is the problem, in one line.
pub async fn read_measurements(
    query: &str,
    texts: &[String],
) -> Result<(Vec<(String, String)>, Vec<String>), String> {
    use js_sys::{Array, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let module = module().await?;
    let list: Array = texts.iter().map(|t| JsValue::from_str(t)).collect();
    let out = function(&module, "readMeasurements")?
        .call2(&JsValue::NULL, &query.into(), &list.into())
        .map_err(failed)?;
    let get = |key: &str| Reflect::get(&out, &key.into()).map_err(failed);
    let values: Array = get("values")?.dyn_into().map_err(failed)?;
    let values = values
        .iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let notes: Array = get("notes")?.dyn_into().map_err(failed)?;
    let notes = notes.iter().filter_map(|n| n.as_string()).collect();
    Ok((values, notes))
}

/// The compose file the user pasted, kept for the tab (reloads and the other
/// language's page), never sent anywhere.
pub fn pasted_base() -> Option<String> {
    session_storage()?.get_item(PASTED_BASE).ok().flatten()
}

pub fn keep_pasted_base(text: &str) {
    if let Some(storage) = session_storage() {
        let _ = if text.is_empty() {
            storage.remove_item(PASTED_BASE)
        } else {
            storage.set_item(PASTED_BASE, text)
        };
    }
}

const PASTED_BASE: &str = "headroom-pasted-compose";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
