//! The answer in a few lines: tier, what the machine can still do, and the
//! two migration dates.

use super::Calendar;
use crate::i18n::{self};
use headroom_core::text::{self, colon};
use headroom_core::Plan;
use yew::prelude::*;

pub fn summary(plan: &Plan, calendar: Calendar) -> Html {
    let lang = plan.scenario.lang;
    let s = &plan.scenario;
    let tier = plan.tier;
    let c = colon(lang);
    let users = |n: f64| text::integer(n, lang);
    let verdict_class = format!("verdict {}", plan.verdict.level());
    let position = plan.position_percent().map(|percent| {
        html! {
            <div class="position">
                <span>{ i18n::POSITION.get(lang) }{ c }{ text::percent(percent, 0, lang) }</span>
                <div class="track" role="presentation">
                    <div class="fill" style={format!("width:{}%", text::fixed(percent.clamp(0.0, 100.0), 1))}></div>
                </div>
            </div>
        }
    });
    let next = match tier.next() {
        Some(next) => html! {
            <p>
                { i18n::NEXT_TIER.get(lang) }{ c }
                { format!("{}, {} {} {}", next.label(lang), i18n::FROM.get(lang), users(f64::from(next.min_users)), i18n::USERS.get(lang)) }
            </p>
        },
        None => html! { <p>{ i18n::LAST_TIER.get(lang) }</p> },
    };
    let timing = match plan.host_timing {
        Some(t) => html! {
            <dl class="dates">
                <dt>{ i18n::START_PHASE_1.get(lang) }{ format!(" ({} {} {})", i18n::AT_USERS.get(lang), users(t.migration_start_users), i18n::USERS.get(lang)) }</dt>
                <dd id="migration-start">{ calendar.eta(t.migration_start, lang) }</dd>
                <dt>{ i18n::CEILING.get(lang) }{ format!(" ({} {} {})", i18n::AT_USERS.get(lang), users(f64::from(t.ceiling_users)), i18n::USERS.get(lang)) }</dt>
                <dd id="ceiling">{ calendar.eta(t.ceiling, lang) }</dd>
                if let Some(ceiling) = plan.ceiling {
                    <dt>{ i18n::FIRST_FULL.get(lang) }</dt>
                    <dd id="binding">{ ceiling.describe(lang) }</dd>
                }
                if let Some(next_host) = plan.destination() {
                    <dt>{ i18n::MIGRATE_TO.get(lang) }</dt>
                    <dd>{ next_host.name().get(lang) }</dd>
                }
            </dl>
        },
        None => html! { <p>{ i18n::NO_MIGRATION.get(lang) }</p> },
    };
    html! {
        <section id="summary" class="card summary" data-tier={tier.number.to_string()} aria-labelledby="summary-title">
            <h2 id="summary-title">{ i18n::SUMMARY.get(lang) }</h2>
            <p class="tier-line">
                <strong id="tier">{ tier.label(lang) }</strong>
                <span class="muted">{ format!(" ({} {})", tier.users_range(lang), i18n::USERS.get(lang)) }</span>
            </p>
            <ul class="profile">
                { for tier.profile_for(plan.scenario.host).map(|p| html! { <li>{ p.get(lang) }</li> }) }
            </ul>
            if let Some(recommendation) = tier.recommendation_for(plan.scenario.host) {
                <p class="recommendation">{ recommendation.get(lang) }</p>
            }
            { for position }
            { next }
            <p id="verdict" class={verdict_class}>
                { i18n::YOUR_HOST.get(lang) }{ c }{ s.host.name().get(lang) }{ " — " }
                <strong>{ plan.verdict.describe(lang) }</strong>
            </p>
            <p id="for-you"><strong>{ i18n::FOR_YOU.get(lang) }{ c }</strong>{ plan.for_you(lang) }</p>
            if let Some(rests) = plan.rests_on(lang) {
                <p id="summary-rests-on" class="note">{ rests }</p>
            }
            { timing }
            <p class="headline-load">
                { i18n::REQUESTS_PER_DAY.get(lang) }{ c }
                <strong id="summary-requests-per-day" elementtiming="plan-figure">{ text::integer(plan.load.requests_per_day, lang) }</strong>
            </p>
        </section>
    }
}
