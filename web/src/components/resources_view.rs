//! Headroom by resource: each resource of the machine, its use now, when it
//! crosses the decision table's thresholds and when it is full, as a table
//! and as a chart of its use in % of the machine over the projection.

use super::{px, table, txt, Calendar, Row};
use crate::i18n::{self, Lang};
use headroom_core::plan::PROJECTION_MONTHS;
use headroom_core::resources::{self, Basis, Headroom, MonthlyUse, Resource};
use headroom_core::text::{self, colon};
use headroom_core::timing::Eta;
use headroom_core::Plan;
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
// Room for "100 %" and "+36" at the phone's larger text (style.css).
const LEFT: f64 = 84.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 30.0;
/// The chart's top, in % of the machine: a resource past it runs along it.
const TOP_PERCENT: f64 = 120.0;

fn x(month: f64) -> f64 {
    LEFT + (WIDTH - LEFT - RIGHT) * month / f64::from(PROJECTION_MONTHS)
}

fn y(percent: f64) -> f64 {
    TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - percent.clamp(0.0, TOP_PERCENT) / TOP_PERCENT)
}

pub fn resources_view(plan: &Plan, calendar: Calendar) -> Html {
    let lang = plan.scenario.lang;
    let Some(ceiling) = plan.ceiling else {
        return html! {};
    };
    let c = colon(lang);
    let users = |n: f64| text::integer(n, lang);
    let when = |at: Option<f64>, eta: Option<Eta>| match (at, eta) {
        (Some(at), Some(eta)) => format!(
            "{} {} · {}",
            users(at),
            i18n::USERS.get(lang),
            calendar.eta(eta, lang)
        ),
        _ => "—".to_owned(),
    };
    let rows = plan
        .resources
        .iter()
        .map(|r| {
            let basis = match r.is_modelled() {
                true => r.basis.name().get(lang),
                false => "—",
            };
            let threshold = |percent: Option<f64>, at, eta| match percent {
                Some(p) => format!("{}{c}{}", text::percent(p, 0, lang), when(at, eta)),
                None => "—".to_owned(),
            };
            let thresholds = r.resource.thresholds();
            Row {
                cells: vec![
                    txt(r.resource.name().get(lang)),
                    txt(basis),
                    txt(r.now_text(lang)),
                    txt(threshold(
                        thresholds.map(|t| t.warning),
                        r.warning_users,
                        r.warning,
                    )),
                    txt(threshold(
                        thresholds.map(|t| t.critical),
                        r.critical_users,
                        r.critical,
                    )),
                    txt(when(r.full_users, r.full)),
                ],
                class: (ceiling.binding == Some(r.resource) && !ceiling.source_cap)
                    .then_some("binding"),
                data: Some(("data-resource", r.resource.code())),
            }
        })
        .collect();
    let measured = plan.resources.iter().any(|r| r.basis == Basis::Measured);
    html! {
        <section id="resources" class="card" aria-labelledby="resources-title">
            <h2 id="resources-title">{ i18n::RESOURCES.get(lang) }</h2>
            <p>
                { i18n::FIRST_FULL.get(lang) }{ c }
                <strong id="resources-binding">{ ceiling.describe(lang) }</strong>
            </p>
            { table(Some("resources-table"), &[
                i18n::RESOURCE.get(lang),
                i18n::BASIS.get(lang),
                i18n::NOW.get(lang),
                i18n::WARNING.get(lang),
                i18n::CRITICAL.get(lang),
                i18n::FULL.get(lang),
            ], rows) }
            { chart(plan, lang) }
            <p class="note">{ resources::CURVES.get(lang) }</p>
            if measured {
                <p class="note" id="calibration">{ resources::CALIBRATION.get(lang) }</p>
            }
        </section>
    }
}

/// Each modelled resource's use in % of the machine, month by month.
fn chart(plan: &Plan, lang: Lang) -> Html {
    // Each drawn resource with its months, computed by the core.
    let drawn: Vec<(&Headroom, Vec<MonthlyUse>)> = plan
        .resources
        .iter()
        .filter(|r| r.in_percent())
        .map(|r| (r, r.monthly_percent(&plan.projection)))
        .collect();
    // The decision table's thresholds, drawn dashed.
    let thresholds = Resource::threshold_levels().into_iter().map(|percent| {
        html! { <line class="threshold" x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y(percent))} y2={px(y(percent))} /> }
    });
    let axis = [0.0, 50.0, 100.0].into_iter().map(|percent| {
        html! {
            <g class={if percent >= 100.0 { "full" } else { "grid" }}>
                <line x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y(percent))} y2={px(y(percent))} />
                <text x={px(LEFT - 4.0)} y={px(y(percent) + 4.0)} text-anchor="end">{ text::percent(percent, 0, lang) }</text>
            </g>
        }
    });
    let ticks = (0..=PROJECTION_MONTHS).step_by(6).map(|month| {
        html! {
            <text x={px(x(f64::from(month)))} y={px(HEIGHT - 10.0)}
                text-anchor={if month == PROJECTION_MONTHS { "end" } else { "middle" }}>{ format!("+{month}") }</text>
        }
    });
    let series = drawn.iter().map(|(r, months)| {
        let points: Vec<String> = months
            .iter()
            .map(|m| format!("{},{}", px(x(f64::from(m.month))), px(y(m.percent))))
            .collect();
        html! {
            <polyline class={format!("res res-{}", r.resource.code())} points={points.join(" ")} />
        }
    });
    let description = drawn
        .iter()
        .filter_map(|(r, months)| {
            Some(format!(
                "{}{}{} → {}",
                r.resource.name().get(lang),
                colon(lang),
                text::percent(r.use_now_percent()?, 0, lang),
                text::percent(months.last()?.percent, 0, lang)
            ))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <figure>
            <svg id="resources-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-labelledby="resources-svg-desc" preserveAspectRatio="xMidYMid meet">
                <desc id="resources-svg-desc">{ format!("{} {description}", i18n::CHART_RESOURCES.get(lang)) }</desc>
                { for axis }
                { for thresholds }
                { for ticks }
                { for series }
            </svg>
            <figcaption>
                <span class="muted">{ i18n::CHART_RESOURCES.get(lang) }</span>
                <ul class="legend">
                    { for drawn.iter().map(|(r, _)| html! {
                        <li><span class={format!("swatch res-{}", r.resource.code())}></span>{ r.resource.name().get(lang) }</li>
                    }) }
                </ul>
            </figcaption>
        </figure>
    }
}
