//! The generated `docker-compose.override.yml`, to copy or download (see
//! `paste_base`: the generic one, or the one written for the user's file).

use super::paste_base::PasteBase;
use crate::i18n::{self};
use headroom_core::compose;
use headroom_core::corrections::{self, Topic};
use headroom_core::Plan;
use yew::prelude::*;

pub fn compose_view(
    plan: &Plan,
    link: &str,
    on_names: &Callback<Vec<(headroom_core::Key, String)>>,
) -> Html {
    let lang = plan.scenario.lang;
    // Written here, where it is shown: computing a plan writes no YAML.
    let body = match &compose::for_plan(plan, &compose::Defaults) {
        Some(yaml) => {
            html! {
                <>
                    // The generic override, or the one written for the user's file.
                    <PasteBase query={AttrValue::from(format!("{link}&lang={}", lang.code()))}
                        generic={AttrValue::from(yaml.clone())} on_names={on_names.clone()} />
                    <h3>{ i18n::CORRECTED_FROM_SOURCE.get(lang) }</h3>
                    <ul class="corrections">
                        { for corrections::about(Topic::Compose).map(|c| html! {
                            <li>{ c.source_says.get(lang) }{ " → " }{ c.headroom_does.get(lang) }</li>
                        }) }
                    </ul>
                </>
            }
        }
        None => html! { <p>{ i18n::NO_COMPOSE.get(lang) }</p> },
    };
    html! {
        <section id="compose" class="card" aria-labelledby="compose-title">
            <h2 id="compose-title">{ i18n::COMPOSE.get(lang) }</h2>
            { body }
        </section>
    }
}
