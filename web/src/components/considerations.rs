//! Heat, network and noise, marked where they apply to your machine.

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
            { for CONSIDERATIONS.iter().map(|item| {
                let applies = item.applies(s.host, s.users);
                html! {
                    <div class={classes!("consideration", applies.then_some("applies"))}>
                        <h3>
                            { item.title.get(lang) }
                            if applies { <span class="badge">{ format!(" · {}", i18n::APPLIES.get(lang)) }</span> }
                        </h3>
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
