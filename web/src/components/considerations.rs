//! Heat, network and noise: those that apply to your machine.

use crate::i18n::{self};
use headroom_core::runbook::CONSIDERATIONS;
use headroom_core::Plan;
use yew::prelude::*;

pub fn considerations(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let s = &plan.scenario;
    html! {
        <section id="considerations" class="card" aria-labelledby="considerations-title">
            <h2 id="considerations-title">{ i18n::CONSIDERATIONS.get(lang) }</h2>
            if !CONSIDERATIONS.iter().any(|item| item.applies(s.host, s.users)) {
                <p class="muted">{ i18n::NO_CONSIDERATION.get(lang) }</p>
            }
            { for CONSIDERATIONS.iter().filter(|item| item.applies(s.host, s.users)).map(|item| {
                html! {
                    <div class="consideration applies">
                        <h3>{ item.title.get(lang) }</h3>
                        <p>{ item.summary.get(lang) }</p>
                        if !item.points.is_empty() {
                            <ul>{ for item.points.iter().map(|p| html! { <li>{ p.get(lang) }</li> }) }</ul>
                        }
                        { for item.commands.iter().map(|(what, command)| html! {
                            <>
                                <p class="command-label">{ what.get(lang) }</p>
                                <pre class="code" tabindex="0"><code>{ *command }</code></pre>
                            </>
                        }) }
                    </div>
                }
            }) }
        </section>
    }
}
