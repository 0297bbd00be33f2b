//! The machine, what the tier uses of it, what to buy and what it costs, and
//! every tier's data in full.

use crate::i18n::{self, Lang};
use headroom_core::hardware::{MINI_PC_EXAMPLE, MINI_PC_PARTS, MINI_PC_TOTAL, TIER5_ARCHITECTURE};
use headroom_core::roadmap::Lasts;
use headroom_core::text::{self, colon};
use headroom_core::tier::{Durability, Tier, TIERS};
use headroom_core::Plan;
use yew::prelude::*;

pub fn hardware(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let tier = plan.tier;
    let c = colon(lang);
    let host = plan.scenario.host;
    let lasts = plan
        .roadmap
        .iter()
        .find(|p| p.tier.number == tier.number)
        .map(|p| lasts_text(p.lasts, lang))
        .unwrap_or_default();
    html! {
        <section id="hardware" class="card" aria-labelledby="hardware-title">
            <h2 id="hardware-title">{ i18n::HARDWARE.get(lang) }</h2>
            <p>
                { i18n::MACHINE.get(lang) }{ c }<strong>{ host.name().get(lang) }</strong>
                if let Some(machine) = host.machine() {
                    { format!(" — {}", machine.describe(lang)) }
                }
            </p>
            <p class="note">{ i18n::OS_RESERVE.get(lang) }</p>
            <dl class="facts">
                <dt>{ i18n::MONTHLY_COST.get(lang) }</dt>
                <dd id="monthly-cost">{ format!("{} ({})", tier.monthly_cost.display(lang), tier.monthly_cost_covers.get(lang)) }</dd>
                <dt>{ i18n::DURABILITY.get(lang) }</dt>
                <dd>{ format!("{} {}; {} {}", durability_text(tier.durability, lang), i18n::SOURCE_SAYS.get(lang), lasts, i18n::AT_YOUR_GROWTH.get(lang)) }</dd>
            </dl>
            if let Some(warning) = tier.warning {
                <p class="warning">{ warning.get(lang) }</p>
            }
            { tier_details(tier, lang) }
            if tier.number >= 3 {
                { mini_pc(lang) }
            }
            if tier.number >= 4 {
                { architecture(lang) }
            }
            <details id="all-tiers">
                <summary>{ i18n::ALL_TIERS.get(lang) }</summary>
                { for TIERS.iter().map(|t| html! {
                    <details class="tier">
                        <summary>{ format!("{} {} · {} ({} {})", i18n::TIER.get(lang), t.number, t.name.get(lang), t.users_range(lang), i18n::USERS.get(lang)) }</summary>
                        <ul class="profile">{ for t.profile.iter().map(|p| html! { <li>{ p.get(lang) }</li> }) }</ul>
                        if let Some(r) = t.recommendation { <p>{ r.get(lang) }</p> }
                        <p>{ format!("{}{c}{} ({})", i18n::MONTHLY_COST.get(lang), t.monthly_cost.display(lang), t.monthly_cost_covers.get(lang)) }</p>
                        <p>{ format!("{}{c}{} {}", i18n::DURABILITY.get(lang), durability_text(t.durability, lang), i18n::SOURCE_SAYS.get(lang)) }</p>
                        if let Some(w) = t.warning { <p class="warning">{ w.get(lang) }</p> }
                        { tier_details(t, lang) }
                        { limits_table(t, lang) }
                        if t.number == 4 { { mini_pc(lang) } }
                        if t.number == 5 { { architecture(lang) } }
                    </details>
                }) }
            </details>
        </section>
    }
}

/// Allocation table, optimisations and purchases of a tier.
fn tier_details(tier: &Tier, lang: Lang) -> Html {
    let allocation = (!tier.allocation.is_empty()).then(|| html! {
        <div class="scroll">
            <table>
                <thead><tr>
                    <th scope="col">{ i18n::RESOURCE.get(lang) }</th>
                    <th scope="col">{ i18n::USE.get(lang) }</th>
                    <th scope="col">{ i18n::NOTE.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for tier.allocation.iter().map(|row| {
                        let amount = match row.low {
                            Some(low) => format!("{}–{} {}", text::number(low, 1, lang), text::number(row.high, 1, lang), row.unit.get(lang)),
                            None => format!("< {} {}", text::number(row.high, 1, lang), row.unit.get(lang)),
                        };
                        html! {
                            <tr>
                                <th scope="row">{ row.resource.name().get(lang) }</th>
                                <td>{ amount }</td>
                                <td>{ row.note.get(lang) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
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
    html! {
        <>
            <h3>{ i18n::LIMITS.get(lang) }</h3>
            <div class="scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ i18n::SERVICE.get(lang) }</th>
                        <th scope="col">{ "cpus" }</th>
                        <th scope="col">{ "mem_limit" }</th>
                        <th scope="col">{ "mem_reservation" }</th>
                    </tr></thead>
                    <tbody>
                        { for tier.limits.iter().map(|l| html! {
                            <tr>
                                <th scope="row">
                                    { l.service.name() }
                                    if l.replicas > 1 { { format!(" × {} {}", l.replicas, i18n::REPLICAS.get(lang)) } }
                                </th>
                                <td>{ l.cpus.0.to_string() }</td>
                                <td>{ format!("{}m", l.mem_limit.0) }</td>
                                <td>{ l.mem_reservation.map(|m| format!("{}m", m.0)).unwrap_or_else(|| "—".to_owned()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn mini_pc(lang: Lang) -> Html {
    html! {
        <>
            <h3>{ i18n::MINI_PC.get(lang) }</h3>
            <div class="scroll">
                <table id="mini-pc">
                    <thead><tr>
                        <th scope="col">{ i18n::PART.get(lang) }</th>
                        <th scope="col">{ i18n::NOTE.get(lang) }</th>
                        <th scope="col">{ i18n::PRICE.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for MINI_PC_PARTS.iter().map(|p| html! {
                            <tr><th scope="row">{ p.role.get(lang) }</th><td>{ p.spec.get(lang) }</td><td>{ p.price.display(lang) }</td></tr>
                        }) }
                        <tr class="total"><th scope="row">{ i18n::TOTAL.get(lang) }</th><td></td><td>{ MINI_PC_TOTAL.display(lang) }</td></tr>
                        <tr><th scope="row">{ MINI_PC_EXAMPLE.role.get(lang) }</th><td>{ MINI_PC_EXAMPLE.spec.get(lang) }</td><td>{ MINI_PC_EXAMPLE.price.display(lang) }</td></tr>
                    </tbody>
                </table>
            </div>
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

pub fn durability_text(durability: Durability, lang: Lang) -> String {
    match durability {
        Durability::Unlimited(why) => format!("∞ ({})", why.get(lang)),
        Durability::Months { low, high, until } => {
            let base = format!("{low}–{high} {}", i18n::MONTHS.get(lang));
            match until {
                Some(until) => format!("{base} ({})", until.get(lang)),
                None => base,
            }
        }
    }
}

pub fn lasts_text(lasts: Lasts, lang: Lang) -> String {
    match lasts {
        Lasts::Months(m) => text::months(m, lang),
        Lasts::Unlimited => "∞".to_owned(),
        Lasts::Beyond => i18n::BEYOND.get(lang).to_owned(),
        Lasts::Past => i18n::PAST.get(lang).to_owned(),
    }
}
