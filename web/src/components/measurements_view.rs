//! The user's measurements: pastes of `docker stats` and of load-test
//! reports, read by the JavaScript module (fetched on the first paste, as
//! the YAML reader is), whose values become the plan's inputs; and what the
//! plan made of them, from the core: each container against the override,
//! the load test replayed by the model, the scalability fit.

use crate::browser;
use crate::i18n::{self, use_lang};
use headroom_core::text::colon;
use headroom_core::{Key, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteMeasurementsProps {
    /// The plan's inputs, as a query string, its language included.
    pub query: AttrValue,
    /// Sets the inputs the measurements give.
    pub on_values: Callback<Vec<(Key, String)>>,
    /// Whether the plan holds measurements (the clear button shows).
    pub measured: bool,
    /// The inputs a clear empties.
    pub clears: Vec<Key>,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Reading,
    Read(Vec<String>),
    Refused(String),
}

/// The two pastes and their outcome.
#[function_component(PasteMeasurements)]
pub fn paste_measurements(props: &PasteMeasurementsProps) -> Html {
    let lang = use_lang();
    // Open on a page without measurements, and then left as the user
    // leaves it: it never folds under their fingers when a paste is read.
    let open = use_state(|| !props.measured);
    let outcome = use_state(|| Outcome::Idle);
    let stats = use_state(String::new);
    let report = use_state(String::new);
    let read = {
        let outcome = outcome.clone();
        let on_values = props.on_values.clone();
        let query = props.query.to_string();
        move |texts: Vec<String>| {
            let texts: Vec<String> = texts.into_iter().filter(|t| !t.trim().is_empty()).collect();
            if texts.is_empty() {
                outcome.set(Outcome::Idle);
                return;
            }
            outcome.set(Outcome::Reading);
            let (outcome, on_values, query) = (outcome.clone(), on_values.clone(), query.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match browser::read_measurements(&query, &texts).await {
                    Ok((values, notes)) => {
                        let values = values
                            .into_iter()
                            .filter_map(|(k, v)| Some((Key::from_name(&k)?, v)))
                            .collect();
                        on_values.emit(values);
                        outcome.set(Outcome::Read(notes));
                    }
                    Err(problem) => outcome.set(Outcome::Refused(problem)),
                }
            });
        }
    };
    let on_stats = {
        let (stats, read) = (stats.clone(), read.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            stats.set(area.value());
            read(vec![area.value()]);
        })
    };
    let on_report = {
        let (report, read) = (report.clone(), read.clone());
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            report.set(area.value());
            read(split_reports(&area.value()));
        })
    };
    let clear = {
        let (stats, report, outcome) = (stats.clone(), report.clone(), outcome.clone());
        let on_values = props.on_values.clone();
        let clears = props.clears.clone();
        Callback::from(move |_: MouseEvent| {
            stats.set(String::new());
            report.set(String::new());
            outcome.set(Outcome::Idle);
            on_values.emit(clears.iter().map(|k| (*k, String::new())).collect());
        })
    };
    let status = match &*outcome {
        Outcome::Idle => html! { <p id="measure-status" role="status"></p> },
        Outcome::Reading => {
            html! { <p id="measure-status" role="status">{ i18n::READING.get(lang) }</p> }
        }
        Outcome::Read(notes) => html! {
            <div id="measure-status" role="status">
                <p>{ i18n::READ_MEASURED.get(lang) }</p>
                <ul class="notes">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            </div>
        },
        Outcome::Refused(problem) => html! {
            <p id="measure-status" class="warning" role="status">{ format!("{}{}", i18n::MEASURE_REFUSED.get(lang), problem) }</p>
        },
    };
    html! {
        <>
            <details id="paste-measurements" open={*open}>
            <summary>{ i18n::PASTE_MEASUREMENTS.get(lang) }</summary>
            <div class="field">
                <label for="paste-stats">{ i18n::PASTE_STATS.get(lang) }</label>
                <textarea id="paste-stats" rows="5" spellcheck="false" value={(*stats).clone()} oninput={on_stats} />
            </div>
            <div class="field">
                <label for="paste-loadtest">{ i18n::PASTE_LOADTEST.get(lang) }</label>
                <textarea id="paste-loadtest" rows="5" spellcheck="false" aria-describedby="paste-loadtest-hint"
                    value={(*report).clone()} oninput={on_report} />
                <small id="paste-loadtest-hint">{ i18n::PASTE_LOADTEST_HOW.get(lang) }</small>
            </div>
            </details>
            { status }
            if props.measured {
                <div class="actions">
                    <button id="clear-measurements" type="button" onclick={clear}>{ i18n::CLEAR_MEASUREMENTS.get(lang) }</button>
                </div>
            }
        </>
    }
}

/// Several reports in one paste, cut at lines that are exactly `---`.
fn split_reports(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.lines() {
        if line.trim() == "---" {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// The section: the pastes, then what the plan took from them.
pub fn measurements_view(plan: &Plan, paste: Html) -> Html {
    let lang = plan.scenario.lang;
    let c = colon(lang);
    let usage = plan.usage.as_ref().map(|usage| {
        let machine = plan.scenario.machine().map(|m| m.memory);
        html! {
            <>
                <p id="usage-totals">{ format!("docker stats{c}{}", usage.totals_text(lang)) }</p>
                { super::table(Some("usage-table"), &[
                    i18n::CONTAINER.get(lang),
                    i18n::ROLE.get(lang),
                    "CPU",
                    i18n::MEMORY_NOW.get(lang),
                    i18n::UNDER_OVERRIDE.get(lang),
                ], usage.rows.iter().enumerate().map(|(i, row)| {
                    let flag = row.flag_text(lang);
                    let mut line = super::Row::new(vec![
                        html! { { row.container.name.clone() } },
                        html! { { row.role_text(lang) } },
                        html! { { headroom_core::text::number(row.container.cpu_cores, 2, lang) } },
                        html! { { row.memory_now_text(machine, lang) } },
                        html! {
                            <>
                                { row.under_override_text(lang) }
                                if let Some(flag) = flag.clone() {
                                    <br /><small class="warning">{ flag }</small>
                                }
                            </>
                        },
                    ]);
                    line.class = match (usage.binds_first == Some(i), flag.is_some()) {
                        (true, _) => Some("binding"),
                        (false, true) => Some("triggered"),
                        _ => None,
                    };
                    line
                }).collect()) }
                if let Some(first) = usage.binds_first_text(lang) {
                    <p id="binds-first">{ first }</p>
                }
            </>
        }
    });
    let latency = plan.latency.as_ref();
    let test = latency.and_then(|l| l.test_check).map(|check| {
        html! {
            <>
                <p id="loadtest-check">{ check.text(lang) }</p>
                <p class="note">{ check.test.arrivals.note().get(lang) }</p>
            </>
        }
    });
    let usl = latency
        .and_then(|l| l.measured_ceiling)
        .map(|m| html! { <p id="usl-fit">{ m.text(lang) }</p> });
    let empty = plan.scenario.measured.is_empty();
    html! {
        <section id="measurements" class="card" aria-labelledby="measurements-title">
            <h2 id="measurements-title">{ i18n::MEASUREMENTS.get(lang) }</h2>
            <p class="note">{ i18n::MEASUREMENTS_HOW.get(lang) }</p>
            if empty {
                <p id="no-measurements">{ i18n::NO_MEASUREMENTS.get(lang) }</p>
            }
            { for usage }
            { for test }
            { for usl }
            { paste }
        </section>
    }
}
