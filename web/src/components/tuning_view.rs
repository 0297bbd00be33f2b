//! Each server setting with its value, its provenance and the source's value.

use super::{table, txt, Row};
use crate::i18n::{self};
use headroom_core::corrections::{self, Topic};
use headroom_core::tuning::Origin;
use headroom_core::Plan;
use yew::prelude::*;

pub fn tuning_view(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let Some(tuning) = &plan.tuning else {
        return html! {
            <section id="tuning" class="card" aria-labelledby="tuning-title">
                <h2 id="tuning-title">{ i18n::TUNING.get(lang) }</h2>
                <p>{ i18n::NO_COMPOSE.get(lang) }</p>
            </section>
        };
    };
    let rows = tuning
        .settings
        .iter()
        .map(|setting| {
            let (class, source) = match setting.origin {
                Origin::Corrected { source } => (Some("corrected"), format!("{}MB", source.0)),
                Origin::Source => (None, setting.value_text()),
                _ => (None, "—".to_owned()),
            };
            Row {
                cells: vec![
                    html! { <code>{ format!("{} {}", setting.key.service().name(), setting.key.name()) }</code> },
                    html! { <code>{ setting.value_text() }</code> },
                    html! { <code>{ source }</code> },
                    txt(tuning.provenance(setting, lang)),
                ],
                class,
                data: Some(("data-setting", setting.key.name())),
            }
        })
        .collect();
    html! {
        <section id="tuning" class="card" aria-labelledby="tuning-title">
            <h2 id="tuning-title">{ i18n::TUNING.get(lang) }</h2>
            { table(None, &[i18n::SETTING.get(lang), i18n::VALUE.get(lang), i18n::SOURCE_VALUE.get(lang), i18n::ORIGIN.get(lang)], rows) }
            <ul class="corrections">
                { for corrections::about(Topic::Tuning).map(|c| html! {
                    <li>{ c.source_says.get(lang) }{ " → " }{ c.headroom_does.get(lang) }</li>
                }) }
            </ul>
        </section>
    }
}
