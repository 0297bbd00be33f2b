//! The migration Pi 4 → mini PC and the checklist for any compose change, as
//! checklists with the commands, your names filled in.

use crate::i18n::{self, Lang, Text};
use headroom_core::corrections::{self, Topic};
use headroom_core::runbook::{Step, COMPOSE_CHANGE, MIGRATION, ROLLBACK};
use headroom_core::scenario::Names;
use headroom_core::Host;
use headroom_core::Plan;
use yew::prelude::*;

pub fn runbooks(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let names = &plan.scenario.names;
    let migrating = plan.scenario.host == Host::Pi4;
    html! {
        <section id="runbooks" class="card" aria-labelledby="runbooks-title">
            <h2 id="runbooks-title">{ i18n::RUNBOOKS.get(lang) }</h2>
            <p class="note">{ i18n::COMPOSE_V2.get(lang) }</p>
            <details id="migration" open={migrating}>
                <summary>{ i18n::MIGRATION.get(lang) }</summary>
                { for MIGRATION.iter().map(|phase| html! {
                    <div class="phase">
                        <h3>{ format!("{} {} · {} ({})", i18n::PHASE.get(lang), phase.number, phase.name.get(lang), phase.duration.get(lang)) }</h3>
                        if !phase.tasks.is_empty() {
                            <h4>{ i18n::TASKS.get(lang) }</h4>
                            { checklist(&format!("task-{}", phase.number), phase.tasks, lang) }
                        }
                        if !phase.checklist.is_empty() {
                            <h4>{ i18n::CHECKLIST.get(lang) }</h4>
                            { checklist(&format!("check-{}", phase.number), phase.checklist, lang) }
                        }
                        if !phase.steps.is_empty() {
                            <h4>{ i18n::STEPS.get(lang) }</h4>
                            { steps(&format!("step-{}", phase.number), phase.steps, names, lang) }
                        }
                    </div>
                }) }
                <h3>{ i18n::ROLLBACK.get(lang) }</h3>
                { steps("rollback", &ROLLBACK, names, lang) }
                <ul class="corrections">
                    { for corrections::about(Topic::Migration).map(|c| html! {
                        <li>{ c.source_says.get(lang) }{ " → " }{ c.headroom_does.get(lang) }</li>
                    }) }
                </ul>
            </details>
            <details id="compose-change" open={!migrating}>
                <summary>{ i18n::COMPOSE_CHANGE.get(lang) }</summary>
                { steps("change", &COMPOSE_CHANGE, names, lang) }
            </details>
        </section>
    }
}

fn checklist(prefix: &str, items: &[Text], lang: Lang) -> Html {
    html! {
        <ul class="checklist">
            { for items.iter().enumerate().map(|(i, item)| {
                let id = format!("{prefix}-{i}");
                html! {
                    <li><input type="checkbox" id={id.clone()} /><label for={id}>{ item.get(lang) }</label></li>
                }
            }) }
        </ul>
    }
}

fn steps(prefix: &str, steps: &[Step], names: &Names, lang: Lang) -> Html {
    html! {
        <ol class="steps">
            { for steps.iter().enumerate().map(|(i, step)| {
                let id = format!("{prefix}-{i}");
                let commands = step.commands_for(names);
                html! {
                    <li>
                        <input type="checkbox" id={id.clone()} />
                        <label for={id}>
                            <span class="side">{ step.side.name().get(lang) }</span>{ " — " }{ step.title.get(lang) }
                        </label>
                        if !commands.is_empty() {
                            <pre class="code" tabindex="0"><code>{ commands.join("\n") }</code></pre>
                        }
                        if let Some(note) = step.note_for(names, lang) {
                            <p class="note">{ note }</p>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
