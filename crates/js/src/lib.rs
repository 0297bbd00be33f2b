//! Headroom's core as a JavaScript module, without the page: any static site
//! can compute a plan, write and read share links, and get the compose
//! override. Built with wasm-bindgen into `dist/js/` beside the calculator.
//!
//! ```js
//! import init, { plan, encode, decode, composeOverride } from "./js/headroom.js";
//! await init();
//! plan({ users: 2000, growth: 10 }).load.requests_per_day; // 60000
//! plan("users=2000&growth=10").tier.number;                // 3
//! ```
//!
//! Inputs are the share link's keys (`users`, `growth`, `host`, ...), as an
//! object or a query string; a refused value throws an `Error` whose message
//! names the key and the allowed range.

use headroom_core::query::{self, Decoded};
use headroom_core::view::PlanView;
use headroom_core::{base_yaml, compose};
use headroom_core::{plan as compute, Defaults, Lang, YearMonth};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Today's month from the browser's clock; English unless `lang` says.
fn defaults() -> Defaults {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    Defaults {
        today: YearMonth::from_unix_seconds(seconds),
        lang: Lang::En,
    }
}

/// The `(key, value)` pairs of an object, or of a query string or link.
fn pairs(params: &JsValue) -> Result<Vec<(String, String)>, JsError> {
    if let Some(text) = params.as_string() {
        return Ok(query::pairs(&text).collect());
    }
    if params.is_undefined() || params.is_null() {
        return Ok(Vec::new());
    }
    let object: &js_sys::Object = params
        .dyn_ref()
        .ok_or_else(|| JsError::new("expected an object of inputs or a query string"))?;
    Ok(js_sys::Object::entries(object)
        .iter()
        .filter_map(|entry| {
            let entry: js_sys::Array = entry.dyn_into().ok()?;
            let key = entry.get(0).as_string()?;
            let value = entry.get(1);
            let value = value
                .as_string()
                .or_else(|| value.as_f64().map(|n| n.to_string()))
                .or_else(|| value.as_bool().map(|b| b.to_string()))?;
            Some((key, value))
        })
        .collect())
}

/// The inputs decoded; the first refused value is an error.
fn decoded(params: &JsValue) -> Result<Decoded, JsError> {
    let decoded = query::decode_pairs(pairs(params)?, defaults());
    match decoded.errors.first() {
        Some(error) => Err(JsError::new(&error.message(decoded.scenario.lang))),
        None => Ok(decoded),
    }
}

/// The plan as a plain object, the same shape as `headroom plan --json`.
#[wasm_bindgen]
pub fn plan(params: JsValue) -> Result<JsValue, JsError> {
    let decoded = decoded(&params)?;
    let view = PlanView::new(&compute(&decoded.scenario), defaults());
    view.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The share link's query for these inputs (defaults left out).
#[wasm_bindgen]
pub fn encode(params: JsValue) -> Result<String, JsError> {
    Ok(query::encode(&decoded(&params)?.scenario, defaults()))
}

/// A link's or query's inputs as an object of key → value (defaults included).
#[wasm_bindgen]
pub fn decode(link: &str) -> Result<JsValue, JsError> {
    let decoded = decoded(&JsValue::from_str(link))?;
    let object = js_sys::Object::new();
    for key in headroom_core::Key::ALL {
        if let Some(value) = decoded.scenario.value(key) {
            js_sys::Reflect::set(&object, &key.name().into(), &value.into())
                .map_err(|_| JsError::new("could not build the object"))?;
        }
    }
    Ok(object.into())
}

/// The `docker-compose.override.yml` text, or `null` on tier 5. With
/// `base`, the text of the user's own `docker-compose.yml`, the override is
/// written for it: their service names, and their command arguments and
/// `NODE_OPTIONS` carried over (a file Headroom cannot use throws, one line).
#[wasm_bindgen(js_name = composeOverride)]
pub fn compose_override(params: JsValue, base: Option<String>) -> Result<Option<String>, JsError> {
    let plan = compute(&decoded(&params)?.scenario);
    let Some(base) = base else {
        return Ok(plan.compose_override);
    };
    let stack = base_yaml::read(&base, plan.scenario.lang).map_err(|e| JsError::new(&e))?;
    Ok(compose::for_plan(&plan, &stack))
}
