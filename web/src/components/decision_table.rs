//! The source's decision table, with the rows the measurements trigger marked.

use crate::i18n::{self};
use headroom_core::decision::{self, Metric, THRESHOLDS};
use headroom_core::text::{self, colon};
use headroom_core::Plan;
use yew::prelude::*;

pub fn decision_table(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let c = colon(lang);
    let metrics = &plan.scenario.metrics;
    let measured = |metric: Metric| match metric {
        Metric::Cpu => metrics.cpu,
        Metric::Ram => metrics.ram,
        Metric::Disk => metrics.disk,
        Metric::P95 => metrics.p95_ms,
        Metric::Errors => metrics.errors,
    };
    let any_measured = [
        Metric::Cpu,
        Metric::Ram,
        Metric::Disk,
        Metric::P95,
        Metric::Errors,
    ]
    .into_iter()
    .any(|m| measured(m).is_some());
    let actions = if !any_measured {
        html! { <p class="note">{ i18n::NO_METRICS.get(lang) }</p> }
    } else if plan.triggered.is_empty() {
        html! { <p id="no-trigger">{ i18n::NOTHING_TRIGGERED.get(lang) }</p> }
    } else {
        html! {
            <>
                <h3>{ i18n::ACT_NOW.get(lang) }</h3>
                <ol id="actions">
                    { for plan.triggered.iter().map(|row| html! {
                        <li class={format!("severity-{:?}", row.severity).to_lowercase()}>
                            <strong>{ row.severity.name().get(lang) }</strong>{ c }{ row.action.get(lang) }
                            { format!(" ({} > {} {})", row.metric.name().get(lang), text::number(row.threshold, 0, lang), row.metric.unit()) }
                        </li>
                    }) }
                </ol>
            </>
        }
    };
    html! {
        <section id="decisions" class="card" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{ i18n::DECISIONS.get(lang) }</h2>
            { actions }
            <div class="scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ i18n::METRIC.get(lang) }</th>
                        <th scope="col">{ i18n::THRESHOLD.get(lang) }</th>
                        <th scope="col">{ i18n::LEVEL.get(lang) }</th>
                        <th scope="col">{ i18n::ACTION.get(lang) }</th>
                        <th scope="col">{ i18n::MEASURED_VALUE.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for THRESHOLDS.iter().map(|row| {
                            let tripped = decision::trips(row, metrics);
                            let value = measured(row.metric)
                                .map(|v| format!("{} {}", text::number(v, 1, lang), row.metric.unit()))
                                .unwrap_or_else(|| "—".to_owned());
                            html! {
                                <tr class={classes!(tripped.then_some("triggered"))} data-metric={row.metric.key()}>
                                    <th scope="row">{ row.metric.name().get(lang) }</th>
                                    <td>{ format!("> {} {}", text::number(row.threshold, 0, lang), row.metric.unit()) }</td>
                                    <td>{ row.severity.name().get(lang) }</td>
                                    <td>
                                        { row.action.get(lang) }
                                        if let Some(note) = row.source_note { <br /><small>{ note.get(lang) }</small> }
                                    </td>
                                    <td>
                                        { value }
                                        if tripped { <strong class="badge">{ format!(" ⚠ {}", i18n::TRIGGERED.get(lang)) }</strong> }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
