//! The migration Pi 4 → mini PC and the checklist for any compose change, as
//! checklists with the commands, your names filled in.

use super::copy_button::CopyButton;
use super::{tag, txt};
use crate::browser;
use crate::i18n::{self, Lang, Text};
use headroom_core::corrections::{self, Topic};
use headroom_core::runbook::{Step, COMPOSE_CHANGE, MIGRATION, POOLER, ROLLBACK, TO_CLOUD};
use headroom_core::scenario::Names;
use headroom_core::Host;
use headroom_core::{query, Defaults, Plan};
use yew::prelude::*;

pub fn runbooks(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let names = &plan.scenario.names;
    // The runbook of the user's next move: Pi 4 → mini PC, or to the cloud.
    let destination = plan.destination();
    let migrating = plan.scenario.host == Host::Pi4 && destination == Some(Host::MiniPc);
    let to_cloud = destination == Some(Host::Cloud);
    let key = ticks_key(plan);
    let onchange = Callback::from(move |_: Event| browser::save_ticks(&key));
    html! {
        <section id="runbooks" class="card" aria-labelledby="runbooks-title" {onchange}>
            <h2 id="runbooks-title">{ i18n::RUNBOOKS.get(lang) }</h2>
            <p class="note">{ i18n::COMPOSE_V2.get(lang) }</p>
            if to_cloud {
                <details id="to-cloud" open=true>
                    <summary>{ format!("{} → {}", plan.scenario.host.name().get(lang), Host::Cloud.name().get(lang)) }</summary>
                    { steps("cloud", &TO_CLOUD, names, lang) }
                </details>
            }
            if migrating {
            <details id="migration" open=true>
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
            }
            <details id="compose-change" open={!migrating && !to_cloud}>
                <summary>{ i18n::COMPOSE_CHANGE.get(lang) }</summary>
                { steps("change", &COMPOSE_CHANGE, names, lang) }
            </details>
            if let Some(pooler) = plan.tuning.as_ref().and_then(|t| t.pooler.as_ref()) {
                <details id="pooler-runbook" open={!migrating && !to_cloud}>
                    <summary>{ i18n::POOLER_RUNBOOK.get(lang) }</summary>
                    // The service's settings, as the override's environment gives them.
                    <pre class="code" tabindex="0"><code>{
                        pooler.settings.iter().map(|s| format!("{}={}", s.env_name(), s.value)).collect::<Vec<_>>().join("\n")
                    }</code></pre>
                    { steps("pooler", &POOLER, names, lang) }
                </details>
            }
        </section>
    }
}

/// Where the ticks of this plan's runbooks are kept: one list per plan (its
/// inputs but the month and the language, which change no step).
pub fn ticks_key(plan: &Plan) -> String {
    let s = &plan.scenario;
    let defaults = Defaults {
        today: s.start,
        lang: s.lang,
        day: 1,
    };
    format!("headroom-ticks?{}", query::encode(s, defaults))
}

fn checklist(prefix: &str, items: &[Text], lang: Lang) -> Html {
    let items = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            tick(
                format!("{prefix}-{i}"),
                vec![txt(item.get(lang))],
                Vec::new(),
            )
        })
        .collect();
    tag("ul", &[("class", "checklist".into())], items)
}

fn steps(prefix: &str, steps: &[Step], names: &Names, lang: Lang) -> Html {
    let items = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let label = vec![
                tag(
                    "span",
                    &[("class", "side".into())],
                    vec![txt(step.side.name().get(lang))],
                ),
                txt(" — "),
                txt(step.title.get(lang)),
            ];
            let mut after = Vec::new();
            let commands = step.commands_for(names);
            if !commands.is_empty() {
                let text = commands.join("\n");
                let code = tag("code", &[], vec![txt(text.clone())]);
                after.push(tag(
                    "pre",
                    &[("class", "code".into()), ("tabindex", "0".into())],
                    vec![code],
                ));
                let id = AttrValue::from(format!("copy-{prefix}-{i}"));
                after.push(html! {
                    <CopyButton {id} label={i18n::COPY} text={Callback::from(move |_| text.clone())} />
                });
            }
            if let Some(note) = step.note_for(names, lang) {
                after.push(tag("p", &[("class", "note".into())], vec![txt(note)]));
            }
            tick(format!("{prefix}-{i}"), label, after)
        })
        .collect();
    tag("ol", &[("class", "steps".into())], items)
}

/// `<li><input type=checkbox id><label for>label</label>after</li>`.
fn tick(id: String, label: Vec<Html>, after: Vec<Html>) -> Html {
    let id = AttrValue::from(id);
    let mut children = vec![
        tag(
            "input",
            &[("type", "checkbox".into()), ("id", id.clone())],
            Vec::new(),
        ),
        tag("label", &[("for", id)], label),
    ];
    children.extend(after);
    tag("li", &[], children)
}
