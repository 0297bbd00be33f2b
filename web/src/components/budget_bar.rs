//! The tier's memory limits plus the OS reserve as a stacked bar against the
//! machine's memory, and the CPU limits against its cores.

use crate::i18n::{self};
use headroom_core::text::{self, colon};
use headroom_core::{Host, Plan};
use yew::prelude::*;

const WIDTH: f64 = 600.0;
const BAR: f64 = 28.0;

pub fn budget_bar(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let c = colon(lang);
    let Some(budget) = &plan.budget else {
        return html! {
            <section id="budget" class="card" aria-labelledby="budget-title">
                <h2 id="budget-title">{ i18n::BUDGET.get(lang) }</h2>
                <p>{ i18n::NO_BUDGET.get(lang) }</p>
            </section>
        };
    };
    let machine = budget.machine.memory.0;
    // The bar spans the machine, or everything committed when that is more.
    let span = machine.max(budget.memory_committed.0);
    let scale = |mib: f64| WIDTH * mib / span;
    let mut x = 0.0;
    let mut segments = Vec::new();
    let mut legend = Vec::new();
    let parts = budget
        .shares
        .iter()
        .map(|s| {
            let name = if s.replicas > 1 {
                format!("{} × {}", s.service.name(), s.replicas)
            } else {
                s.service.name().to_owned()
            };
            (name, s.memory, s.service.name())
        })
        .chain(std::iter::once((
            i18n::OS.get(lang).to_owned(),
            budget.os_reserve,
            "os",
        )));
    for (name, memory, class) in parts {
        let width = scale(memory.0);
        segments.push(html! {
            <rect class={format!("seg seg-{class}")} x={text::fixed(x, 1)} y="0" width={text::fixed(width, 1)} height={BAR.to_string()}>
                <title>{ format!("{name}{c}{}", memory.display(lang)) }</title>
            </rect>
        });
        legend.push(html! {
            <li><span class={format!("swatch seg-{class}")}></span>{ format!("{name}{c}{}", memory.display(lang)) }</li>
        });
        x += width;
    }
    let machine_x = scale(machine);
    let description = format!(
        "{}{c}{} / {} ({}). {}{c}{} / {}.",
        i18n::MEMORY.get(lang),
        budget.memory_committed.display(lang),
        budget.machine.memory.display(lang),
        text::percent(budget.memory_percent(), 0, lang),
        i18n::CPU.get(lang),
        budget.cpus_committed.display(lang),
        budget.machine.threads.display(lang),
    );
    html! {
        <section id="budget" class="card" aria-labelledby="budget-title">
            <h2 id="budget-title">{ i18n::BUDGET.get(lang) }</h2>
            if plan.scenario.host == Host::Cloud {
                <p id="cloud-instance">{ format!("{}{c}{} {}, {} {}", i18n::CLOUD_INSTANCE.get(lang),
                    budget.memory_committed.display(lang), i18n::OF_MEMORY.get(lang),
                    budget.cpus_committed.display(lang), i18n::VCPUS.get(lang)) }</p>
            }
            <p>{ format!("{} {} — {}", i18n::CHECKED_ON.get(lang), budget.host.name().get(lang), budget.machine.describe(lang)) }</p>
            <figure>
                <svg id="budget-bar" viewBox={format!("0 0 {WIDTH} {}", BAR + 14.0)} role="img" aria-label={description.clone()}>
                    <rect class="machine" x="0" y="0" width={text::fixed(machine_x, 1)} height={BAR.to_string()} />
                    { for segments }
                    <line class="machine-edge" x1={text::fixed(machine_x, 1)} x2={text::fixed(machine_x, 1)} y1="0" y2={(BAR + 14.0).to_string()} />
                </svg>
                <figcaption>{ description }</figcaption>
            </figure>
            <ul class="legend">{ for legend }</ul>
            <p id="budget-left" class={(!budget.rest.room).then_some("warning")}>{ budget.rest_text(lang) }</p>
            if budget.memory_overflows() {
                <p class="warning">{ i18n::OVERFLOW.get(lang) }</p>
            }
            <p>
                { format!("{}{c}{} / {} ({})", i18n::CPU.get(lang), budget.cpus_committed.display(lang),
                    budget.machine.threads.display(lang), text::percent(budget.cpu_percent(), 1, lang)) }
            </p>
            if budget.cpus_oversubscribed() {
                <p class="note" id="cpu-oversubscribed">{ i18n::OVERSUBSCRIBED.get(lang) }</p>
            }
            <p class="note">{ i18n::OS_RESERVE.get(lang) }</p>
        </section>
    }
}
