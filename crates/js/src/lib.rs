//! Headroom's core as a JavaScript module, without the page: any static site
//! can compute a plan, write and read share links, and get the compose
//! override, and tier 5's Kubernetes bundle (`kubernetesBundle`, also what
//! the calculator fetches on demand). Built with wasm-bindgen into `dist/js/`
//! beside the calculator.
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
        day: YearMonth::day_from_unix_seconds(seconds),
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
        return Ok(compose::for_plan(&plan, &compose::Defaults));
    };
    let stack = base_yaml::read(&base, plan.scenario.lang).map_err(|e| JsError::new(&e))?;
    Ok(compose::for_plan(&plan, &stack))
}

/// The runbooks' names the user's compose file gives (`pgcontainer`, `db`,
/// `pgvolume`), as `[key, value]` pairs, for the names `params` leave at
/// their placeholders; a file Headroom cannot use throws, one line.
#[wasm_bindgen(js_name = composeNames)]
pub fn compose_names(params: JsValue, base: String) -> Result<JsValue, JsError> {
    let scenario = decoded(&params)?.scenario;
    let stack = base_yaml::read(&base, scenario.lang).map_err(|e| JsError::new(&e))?;
    let pairs: Vec<(String, String)> = stack
        .names(&scenario.names)
        .into_iter()
        .map(|(key, value)| (key.name().to_owned(), value))
        .collect();
    pairs
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

pub mod zip;

/// What `readMeasurements` returns.
#[derive(Serialize)]
struct Measurements {
    /// The inputs the measurements set, `[key, value]` pairs in the order
    /// to set them (an empty value clears the input).
    values: Vec<(String, String)>,
    /// The inputs with them set, as a share link's query.
    query: String,
    /// What they say besides, in the plan's language.
    notes: Vec<String>,
}

/// Reads what the user's tools printed: `docker stats --no-stream` (table
/// or JSON lines) or a load test's report (oha, k6, autocannon, wrk,
/// pgbench), one text or an array of texts (several load levels), and
/// returns the inputs they set for `params`: `{ values, query, notes }`.
/// A text Headroom cannot read throws an `Error` saying why, in the plan's
/// language; the inputs are left as they were.
#[wasm_bindgen(js_name = readMeasurements)]
pub fn read_measurements(params: JsValue, texts: JsValue) -> Result<JsValue, JsError> {
    use headroom_core::measure;
    let scenario = decoded(&params)?.scenario;
    let lang = scenario.lang;
    let texts: Vec<String> = match texts.as_string() {
        Some(text) => vec![text],
        None => js_sys::Array::from(&texts)
            .iter()
            .filter_map(|t| t.as_string())
            .collect(),
    };
    let readings = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            measure::read(text).map_err(|e| {
                let problem = e.describe(lang);
                if texts.len() > 1 {
                    JsError::new(&format!(
                        "{} {}: {problem}",
                        i + 1,
                        if lang == Lang::Fr { "texte" } else { "text" }
                    ))
                } else {
                    JsError::new(&problem)
                }
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let derived =
        measure::derive(&scenario, &readings).map_err(|e| JsError::new(&e.describe(lang)))?;
    let applied = derived.apply(&scenario);
    Measurements {
        values: derived
            .values
            .iter()
            .map(|(key, value)| (key.name().to_owned(), value.clone()))
            .collect(),
        query: query::encode(&applied, defaults()),
        notes: derived.notes.iter().map(|n| n.describe(lang)).collect(),
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .map_err(|e| JsError::new(&e.to_string()))
}

/// What `kubernetesBundle` returns: the folder as files and as one zip,
/// and its sized components with where each size comes from.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct KubernetesBundle {
    /// The name to download the archive under.
    zip_name: &'static str,
    files: Vec<BundleFile>,
    components: Vec<ComponentRow>,
    /// Pods are sized for today; the autoscalers' ceilings and the volumes
    /// for the users this many months ahead.
    horizon_months: u32,
    horizon_users: f64,
}

#[derive(Serialize)]
struct BundleFile {
    name: String,
    text: String,
}

/// One row of the components table: numbers, and the same as the page
/// prints them (Kubernetes quantities), so the page formats nothing.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ComponentRow {
    name: &'static str,
    kind: &'static str,
    file: &'static str,
    replicas_min: u32,
    replicas_max: u32,
    cpu_request: f64,
    cpu_limit: f64,
    memory_request_mib: f64,
    memory_limit_mib: f64,
    storage_gib: Option<u64>,
    wal_storage_gib: Option<u64>,
    /// `3`, or the autoscaler's `4–17`.
    pods: String,
    /// Per pod: `2`, or request / limit `1 / 2`.
    cpu: String,
    memory: String,
    /// Per pod: `40Gi`, `40Gi + WAL 3Gi`, or empty.
    storage: String,
    origin: String,
}

/// The archive's top folder: unzipped, the bundle lands in one directory.
const ZIP_FOLDER: &str = "headroom-kubernetes";

/// Tier 5's Kubernetes bundle for these inputs: `{ zipName, zip, files:
/// [{ name, text }], components: [{ name, kind, pods, cpu, memory, storage,
/// origin, … }], horizonMonths, horizonUsers }`, `zip` a `Uint8Array`.
/// A plan below tier 5, or one the bundle cannot hold, throws an `Error`
/// naming the input, in the plan's language.
///
/// A zip rather than one multi-document YAML: the folder is two
/// kustomizations (the bundle, and `import/` applied once before it) and a
/// shell script for the secrets, which one YAML stream cannot carry.
#[wasm_bindgen(js_name = kubernetesBundle)]
pub fn kubernetes_bundle(params: JsValue) -> Result<JsValue, JsError> {
    use headroom_core::kubernetes::{self, quantity, SECRETS};
    let plan = compute(&decoded(&params)?.scenario);
    let lang = plan.scenario.lang;
    let bundle = kubernetes::bundle(&plan).map_err(|e| JsError::new(&e.describe(lang)))?;
    let sizing = &bundle.sizing;
    let names: Vec<String> = bundle
        .files
        .iter()
        .map(|(name, _)| format!("{ZIP_FOLDER}/{name}"))
        .collect();
    let entries: Vec<zip::Entry> = bundle
        .files
        .iter()
        .zip(&names)
        .map(|((file, text), name)| zip::Entry {
            name,
            data: text.as_bytes(),
            executable: file == SECRETS,
        })
        .collect();
    // The bundle's own names, a few KB each: the writer's limits are not reached.
    let archive = zip::archive(&entries, now()).map_err(|e| {
        JsError::new(&format!(
            "{}{e:?}",
            headroom_core::text::tx(
                "archive zip impossible : ",
                "could not write the zip archive: "
            )
            .get(lang)
        ))
    })?;
    let components = sizing
        .components()
        .iter()
        .map(|c| {
            let cpu = if c.cpu_request == c.cpu_limit {
                quantity::cpu(c.cpu_request)
            } else {
                format!(
                    "{} / {}",
                    quantity::cpu(c.cpu_request),
                    quantity::cpu(c.cpu_limit)
                )
            };
            let memory = if c.memory_request == c.memory_limit {
                quantity::memory(c.memory_request)
            } else {
                format!(
                    "{} / {}",
                    quantity::memory(c.memory_request),
                    quantity::memory(c.memory_limit)
                )
            };
            let storage = match (c.storage_gib, c.wal_storage_gib) {
                (Some(data), Some(wal)) => format!(
                    "{} + WAL {}",
                    quantity::gibibytes(data),
                    quantity::gibibytes(wal)
                ),
                (Some(data), None) => quantity::gibibytes(data),
                _ => String::new(),
            };
            ComponentRow {
                name: c.name,
                kind: c.kind,
                file: c.file,
                replicas_min: c.min,
                replicas_max: c.max,
                cpu_request: c.cpu_request.0,
                cpu_limit: c.cpu_limit.0,
                memory_request_mib: c.memory_request.0,
                memory_limit_mib: c.memory_limit.0,
                storage_gib: c.storage_gib,
                wal_storage_gib: c.wal_storage_gib,
                pods: if c.min == c.max {
                    c.min.to_string()
                } else {
                    format!("{}–{}", c.min, c.max)
                },
                cpu,
                memory,
                storage,
                origin: sizing.origin(c, lang),
            }
        })
        .collect();
    let result = KubernetesBundle {
        zip_name: "headroom-kubernetes.zip",
        files: bundle
            .files
            .into_iter()
            .map(|(name, text)| BundleFile { name, text })
            .collect(),
        components,
        horizon_months: kubernetes::sizing::HORIZON_MONTHS,
        horizon_users: sizing.horizon_users,
    };
    let object = result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::Reflect::set(
        &object,
        &"zip".into(),
        &js_sys::Uint8Array::from(archive.as_slice()),
    )
    .map_err(|_| JsError::new("could not build the object"))?;
    Ok(object)
}

/// The browser's local time, for the archive's file dates.
fn now() -> zip::DosTime {
    let d = js_sys::Date::new_0();
    zip::DosTime::new(
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
    )
}
