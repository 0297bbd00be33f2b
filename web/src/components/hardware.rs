//! The machine, what the tier uses of it, what to buy and what it costs, and
//! every tier's data in full.

use super::folded::Folded;
use super::kubernetes_bundle::KubernetesBundle;
use super::{table, txt, Row};
use crate::i18n::{self, Lang};
use headroom_core::hardware::{
    Part, MINI_PC_EXAMPLE, MINI_PC_PARTS, MINI_PC_TOTAL, TIER5_ARCHITECTURE,
};
use headroom_core::text::{self, colon};
use headroom_core::tier::{Tier, TIERS};
use headroom_core::Plan;
use yew::prelude::*;

/// `link`: the plan's share query, for the Kubernetes bundle's module.
pub fn hardware(plan: &Plan, link: &str) -> Html {
    let lang = plan.scenario.lang;
    let tier = plan.tier;
    let c = colon(lang);
    let host = plan.scenario.host;
    let lasts = plan
        .roadmap
        .iter()
        .find(|p| p.tier.number == tier.number)
        .map(|p| p.lasts);
    html! {
        <section id="hardware" class="card" aria-labelledby="hardware-title">
            <h2 id="hardware-title">{ i18n::HARDWARE.get(lang) }</h2>
            <p>
                { i18n::MACHINE.get(lang) }{ c }<strong>{ host.name().get(lang) }</strong>
                if let Some(machine) = plan.scenario.machine() {
                    { format!(" — {}", machine.describe(lang)) }
                }
            </p>
            <p class="note">{ i18n::OS_RESERVE.get(lang) }</p>
            <dl class="facts">
                <dt>{ i18n::MONTHLY_COST.get(lang) }</dt>
                <dd id="monthly-cost">{ format!("{} ({})", tier.monthly_cost.display(lang), tier.monthly_cost_covers.get(lang)) }</dd>
                <dt>{ i18n::DURABILITY.get(lang) }</dt>
                <dd>{ tier.lasts_text(lasts, lang) }</dd>
            </dl>
            if let Some(warning) = tier.warning {
                <p class="warning">{ warning.get(lang) }</p>
            }
            { tier_details(tier, lang) }
            if plan.buys_mini_pc() {
                { mini_pc(Some("mini-pc"), lang) }
            }
            if tier.number >= 4 {
                { architecture(lang) }
            }
            if tier.number == 5 {
                <KubernetesBundle query={AttrValue::from(format!("{link}&lang={}", lang.code()))} />
            }
            <Folded id="all-tiers" summary={i18n::ALL_TIERS.get(lang)} content={all_tiers(plan)} />
        </section>
    }
}

/// Every tier, each folded: built when the reader opens the list.
fn all_tiers(plan: &Plan) -> Callback<(), Html> {
    let host = plan.scenario.host;
    let lang = plan.scenario.lang;
    Callback::from(move |()| {
        let c = text::colon(lang);
        html! {
            <>
                { for TIERS.iter().map(|t| html! {
                    <details class="tier">
                        <summary>{ t.label_with_users(lang) }</summary>
                        <ul class="profile">{ for t.profile_for(host).map(|p| html! { <li>{ p.get(lang) }</li> }) }</ul>
                        if let Some(r) = t.recommendation_for(host) { <p>{ r.get(lang) }</p> }
                        <p>{ format!("{}{c}{} ({})", i18n::MONTHLY_COST.get(lang), t.monthly_cost.display(lang), t.monthly_cost_covers.get(lang)) }</p>
                        <p>{ format!("{}{c}{}", i18n::DURABILITY.get(lang), t.lasts_text(None, lang)) }</p>
                        if let Some(w) = t.warning { <p class="warning">{ w.get(lang) }</p> }
                        { tier_details(t, lang) }
                        { limits_table(t, lang) }
                        if t.number == 4 { { mini_pc(None, lang) } }
                        if t.number == 5 { { architecture(lang) } }
                    </details>
                }) }
            </>
        }
    })
}

/// Allocation table, optimisations and purchases of a tier.
fn tier_details(tier: &Tier, lang: Lang) -> Html {
    let allocation = (!tier.allocation.is_empty()).then(|| {
        let rows = tier
            .allocation
            .iter()
            .map(|row| {
                let amount = match row.low {
                    Some(low) => format!(
                        "{}–{} {}",
                        text::number(low, 1, lang),
                        text::number(row.high, 1, lang),
                        row.unit.get(lang)
                    ),
                    None => format!(
                        "< {} {}",
                        text::number(row.high, 1, lang),
                        row.unit.get(lang)
                    ),
                };
                Row::new(vec![
                    txt(row.resource.name().get(lang)),
                    txt(amount),
                    txt(row.note.get(lang)),
                ])
            })
            .collect();
        table(
            None,
            &[
                i18n::RESOURCE.get(lang),
                i18n::USE.get(lang),
                i18n::NOTE.get(lang),
            ],
            rows,
        )
    });
    html! {
        <>
            { for allocation }
            if !tier.optimizations.is_empty() {
                <h3>{ i18n::OPTIMISATIONS.get(lang) }</h3>
                <ul>{ for tier.optimizations.iter().map(|o| html! { <li>{ o.get(lang) }</li> }) }</ul>
            }
            if !tier.upgrades.is_empty() {
                <h3>{ i18n::UPGRADES.get(lang) }</h3>
                <ul>
                    { for tier.upgrades.iter().map(|u| html! {
                        <li>
                            { u.item.get(lang) }
                            if let Some(price) = u.price { { format!(" — {}", price.display(lang)) } }
                        </li>
                    }) }
                </ul>
            }
        </>
    }
}

fn limits_table(tier: &Tier, lang: Lang) -> Html {
    if tier.limits.is_empty() {
        return html! {};
    }
    let rows = tier
        .limits
        .iter()
        .map(|l| {
            let service = if l.replicas > 1 {
                format!(
                    "{} × {} {}",
                    l.service.name(),
                    l.replicas,
                    i18n::REPLICAS.get(lang)
                )
            } else {
                l.service.name().to_owned()
            };
            Row::new(vec![
                txt(service),
                txt(l.cpus.0.to_string()),
                txt(format!("{}m", l.mem_limit.0)),
                txt(l
                    .mem_reservation
                    .map(|m| format!("{}m", m.0))
                    .unwrap_or_else(|| "—".to_owned())),
            ])
        })
        .collect();
    html! {
        <>
            <h3>{ i18n::LIMITS.get(lang) }</h3>
            { table(None, &[i18n::SERVICE.get(lang), "cpus", "mem_limit", "mem_reservation"], rows) }
        </>
    }
}

/// The mini PC to buy; `id` marks the one of the plan, not the reference copy.
fn mini_pc(id: Option<&'static str>, lang: Lang) -> Html {
    let part = |p: &Part| {
        Row::new(vec![
            txt(p.role.get(lang)),
            txt(p.spec.get(lang)),
            txt(p.price.display(lang)),
        ])
    };
    let mut rows: Vec<Row> = MINI_PC_PARTS.iter().map(part).collect();
    rows.push(Row {
        cells: vec![
            txt(i18n::TOTAL.get(lang)),
            txt(""),
            txt(MINI_PC_TOTAL.display(lang)),
        ],
        class: Some("total"),
        data: None,
    });
    rows.push(part(&MINI_PC_EXAMPLE));
    html! {
        <>
            <h3>{ i18n::MINI_PC.get(lang) }</h3>
            { table(id, &[i18n::PART.get(lang), i18n::NOTE.get(lang), i18n::PRICE.get(lang)], rows) }
        </>
    }
}

fn architecture(lang: Lang) -> Html {
    html! {
        <>
            <h3>{ i18n::ARCHITECTURE.get(lang) }</h3>
            <ul class="architecture">
                { for TIER5_ARCHITECTURE.iter().map(|cluster| html! {
                    <li>
                        { cluster.name.get(lang) }
                        <ul>{ for cluster.nodes.iter().map(|n| html! { <li>{ n.get(lang) }</li> }) }</ul>
                    </li>
                }) }
            </ul>
            <p>{ format!("{}{}{} ({})", i18n::MONTHLY_COST.get(lang), colon(lang), TIERS[4].monthly_cost.display(lang), TIERS[4].monthly_cost_covers.get(lang)) }</p>
        </>
    }
}
