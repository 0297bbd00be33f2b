//! Each server setting with its value, its provenance and the source's value.

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
    html! {
        <section id="tuning" class="card" aria-labelledby="tuning-title">
            <h2 id="tuning-title">{ i18n::TUNING.get(lang) }</h2>
            <div class="scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ i18n::SETTING.get(lang) }</th>
                        <th scope="col">{ i18n::VALUE.get(lang) }</th>
                        <th scope="col">{ i18n::SOURCE_VALUE.get(lang) }</th>
                        <th scope="col">{ i18n::ORIGIN.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for tuning.settings.iter().map(|setting| {
                            let (class, source) = match setting.origin {
                                Origin::Corrected { source } => ("corrected", format!("{}MB", source.0)),
                                Origin::Source => ("", setting.value_text()),
                                _ => ("", "—".to_owned()),
                            };
                            html! {
                                <tr class={class} data-setting={setting.key.name()}>
                                    <th scope="row"><code>{ format!("{} {}", setting.key.service().name(), setting.key.name()) }</code></th>
                                    <td><code>{ setting.value_text() }</code></td>
                                    <td><code>{ source }</code></td>
                                    <td>{ tuning.provenance(setting, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="corrections">
                { for corrections::about(Topic::Tuning).map(|c| html! {
                    <li>{ c.source_says.get(lang) }{ " → " }{ c.headroom_does.get(lang) }</li>
                }) }
            </ul>
        </section>
    }
}
