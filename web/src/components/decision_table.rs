//! The source's decision table, with the rows the measurements trigger marked.

use super::copy_button::CopyButton;
use super::download_link::DownloadLink;
use super::{table, txt, Row};
use crate::i18n;
use headroom_core::alerts::{self, DEFAULT_HISTOGRAM};
use headroom_core::decision;
use headroom_core::text::colon;
use headroom_core::Plan;
use yew::prelude::*;

pub fn decision_table(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let c = colon(lang);
    let metrics = &plan.scenario.metrics;
    let any_measured = decision::any_measured(metrics);
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
                        <li class={row.severity.class()}>
                            <strong>{ row.severity.name().get(lang) }</strong>{ c }{ row.action.get(lang) }
                            { format!(" ({} >\u{a0}{})", row.metric.name().get(lang), row.metric.format(row.threshold, lang)) }
                        </li>
                    }) }
                </ol>
            </>
        }
    };
    let rows = decision::readings(metrics)
        .into_iter()
        .map(|reading| {
            let row = reading.row;
            let mut value = reading
                .measured
                .map(|v| row.metric.format(v, lang))
                .unwrap_or_else(|| "—".to_owned());
            if reading.tripped {
                value = format!("{value} ⚠ {}", i18n::TRIGGERED.get(lang));
            }
            let action = match row.source_note {
                Some(note) => {
                    html! { <>{ row.action.get(lang) }<br /><small>{ note.get(lang) }</small></> }
                }
                None => txt(row.action.get(lang)),
            };
            Row {
                cells: vec![
                    txt(row.metric.name().get(lang)),
                    txt(format!(">\u{a0}{}", row.metric.format(row.threshold, lang))),
                    txt(row.severity.name().get(lang)),
                    action,
                    txt(value),
                ],
                class: reading.tripped.then_some("triggered"),
                data: Some(("data-metric", row.metric.key())),
            }
        })
        .collect();
    html! {
        <section id="decisions" class="card" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{ i18n::DECISIONS.get(lang) }</h2>
            { actions }
            { table(None, &[i18n::METRIC.get(lang), i18n::THRESHOLD.get(lang), i18n::LEVEL.get(lang), i18n::ACTION.get(lang), i18n::MEASURED_VALUE.get(lang)], rows) }
            { alerts_export(plan) }
        </section>
    }
}

/// The same table as Prometheus alerting rules, for this tier's containers.
fn alerts_export(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let yaml = AttrValue::from(alerts::rules_yaml(plan.tier, DEFAULT_HISTOGRAM, lang));
    let copied = yaml.clone();
    html! {
        <>
            <h3>{ i18n::ALERTS.get(lang) }</h3>
            <p>{ i18n::ALERTS_HOW.get(lang) }<code>{ DEFAULT_HISTOGRAM }</code>{ i18n::ALERTS_HISTOGRAM.get(lang) }</p>
            <div class="actions">
                <CopyButton id="copy-alerts" label={i18n::COPY} text={Callback::from(move |_| copied.to_string())} />
                <DownloadLink id="download-alerts" label={i18n::DOWNLOAD} file_name={alerts::FILE_NAME}
                    mime_type="text/yaml" text={yaml} />
            </div>
        </>
    }
}
