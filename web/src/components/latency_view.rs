//! Latency at the peak hour: the busiest service's figures from the core,
//! and its P95 against users with the decision table's P95 rows, as SVG.

use super::{px, Calendar};
use crate::i18n::{self, Lang};
use headroom_core::latency::{self, Latency, Point, ASSUMPTIONS};
use headroom_core::text::{self, colon};
use headroom_core::units::ms_to_seconds;
use headroom_core::Plan;
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;
/// How far past the saturation point the users axis runs.
const SATURATION_MARGIN: f64 = 2.0;
/// The P95 axis's top, log10 of seconds: 10 s. A slower P95 runs along it.
const TOP_LOG: f64 = 1.0;
/// Its lowest bottom: 1 ms.
const FLOOR_LOG: f64 = -3.0;

/// Through `ln`, which the core already uses: one logarithm in the WebAssembly.
fn log10(value: f64) -> f64 {
    value.ln() / std::f64::consts::LN_10
}

/// Where the axes put users (log) and P95 seconds (log): layout only.
struct Scale {
    low_users: f64,
    high_users: f64,
    bottom_log: f64,
}

impl Scale {
    fn x(&self, users: f64) -> f64 {
        let span = log10(self.high_users) - log10(self.low_users);
        let share = if span > 0.0 {
            (log10(users.max(self.low_users)) - log10(self.low_users)) / span
        } else {
            0.0
        };
        LEFT + (WIDTH - LEFT - RIGHT) * share
    }

    fn y(&self, seconds: f64) -> f64 {
        let log = log10(seconds.max(1e-9)).clamp(self.bottom_log, TOP_LOG);
        TOP + (HEIGHT - TOP - BOTTOM) * (TOP_LOG - log) / (TOP_LOG - self.bottom_log)
    }
}

pub fn latency_view(plan: &Plan, calendar: Calendar) -> Html {
    let lang = plan.scenario.lang;
    let c = colon(lang);
    let Some(l) = plan.latency.as_ref() else {
        return html! {
            <section id="latency" class="card" aria-labelledby="latency-title">
                <h2 id="latency-title">{ i18n::LATENCY.get(lang) }</h2>
                <p id="latency-none">{ i18n::LATENCY_CLOUD.get(lang) }</p>
            </section>
        };
    };
    let at = |users: Option<f64>, eta| match (users, eta) {
        (Some(users), Some(eta)) => format!(
            "{} {} · {}",
            text::integer(users, lang),
            i18n::USERS.get(lang),
            calendar.eta(eta, lang)
        ),
        _ => i18n::NEVER.get(lang).to_owned(),
    };
    let figure = |id: &'static str, label: &'static str, value: String| {
        html! {
            <>
                <dt>{ label }</dt>
                <dd id={id}>{ value }</dd>
            </>
        }
    };
    let crossings = l.crossings.iter().map(|crossing| {
        let label = format!(
            "P95 >\u{a0}{}",
            crossing.row.metric.format(crossing.row.threshold, lang)
        );
        html! {
            <>
                <dt>{ label }</dt>
                <dd class="crossing" data-threshold={crossing.row.threshold.to_string()}>
                    { if crossing.at_any_load() {
                        format!("{} ({})", latency::AT_ANY_LOAD.get(lang), crossing.row.action.get(lang))
                    } else {
                        format!("{} ({})", at(Some(crossing.users), Some(crossing.eta)), crossing.row.action.get(lang))
                    } }
                </dd>
            </>
        }
    });
    html! {
        <section id="latency" class={classes!("card", l.binds().then_some("binds"))} aria-labelledby="latency-title">
            <h2 id="latency-title">{ i18n::LATENCY.get(lang) }</h2>
            if let Some(source) = l.source_text(lang) {
                <p class="correction" id="latency-source">{ source }</p>
            }
            <dl class="figures">
                { figure("latency-demand", i18n::DEMAND.get(lang), l.demand_text(lang)) }
                if l.service_s != l.demand_s {
                    { figure("latency-service", i18n::SERVICE_TIME.get(lang), Latency::time_text(Some(l.service_s), lang)) }
                }
                { figure("latency-servers", i18n::SERVERS.get(lang), l.servers_text(lang)) }
                { figure("latency-utilisation", i18n::PEAK_UTILISATION.get(lang), l.utilisation_text(lang)) }
                { figure("latency-p95", i18n::PEAK_P95.get(lang), Latency::time_text(l.p95_at_peak_s, lang)) }
                { figure("latency-saturation", i18n::PEAK_SATURATES.get(lang), at(l.saturation_users, l.saturation)) }
                { for crossings }
            </dl>
            if let Some(calibration) = l.calibration_text(lang) {
                <p id="latency-calibration">{ calibration }</p>
            }
            { chart(l, lang) }
            <p class="note">{ format!("{}{c}{}", i18n::ASSUMPTION.get(lang), ASSUMPTIONS.get(lang)) }</p>
        </section>
    }
}

/// P95 at the peak hour against users, on two log scales, with the decision
/// table's P95 rows and the saturation point.
fn chart(l: &Latency, lang: Lang) -> Html {
    let curve = &l.curve;
    let (Some(first), Some(last)) = (curve.first(), curve.last()) else {
        return html! {};
    };
    let finite: Vec<f64> = curve.iter().filter_map(|p| p.p95_s).collect();
    let fastest = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let bottom_log = if fastest.is_finite() {
        (log10(fastest).floor()).clamp(FLOOR_LOG, TOP_LOG - 1.0)
    } else {
        TOP_LOG - 2.0
    };
    // The axis ends a little past saturation, where the curve stops: beyond
    // it there is nothing to draw (at least one decade, at most the curve).
    let low_users = first.users.max(1.0);
    let end = l.saturation_users.map_or(last.users, |users| {
        (users * SATURATION_MARGIN).min(last.users)
    });
    let scale = Scale {
        low_users,
        high_users: end.max(low_users * 10.0),
        bottom_log,
    };
    // The drawn runs of the curve: the points below saturation, in order.
    let mut runs: Vec<Vec<&Point>> = vec![Vec::new()];
    for point in curve {
        match point.p95_s {
            Some(_) => runs.last_mut().into_iter().for_each(|run| run.push(point)),
            None if runs.last().is_some_and(|run| !run.is_empty()) => runs.push(Vec::new()),
            None => {}
        }
    }
    let lines = runs.iter().filter(|run| !run.is_empty()).map(|run| {
        let points: Vec<String> = run
            .iter()
            .filter_map(|p| {
                Some(format!(
                    "{},{}",
                    px(scale.x(p.users)),
                    px(scale.y(p.p95_s?))
                ))
            })
            .collect();
        html! { <polyline class="p95-curve" points={points.join(" ")} /> }
    });
    let rows = l.crossings.iter().map(|crossing| {
        let y = scale.y(ms_to_seconds(crossing.row.threshold));
        let label = crossing.row.metric.format(crossing.row.threshold, lang);
        html! {
            <g class={classes!("p95-row", crossing.row.severity.class())}>
                <line x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y)} y2={px(y)} />
                <text x={px(WIDTH - RIGHT - 4.0)} y={px(y - 4.0)} text-anchor="end">{ label }</text>
            </g>
        }
    });
    let saturation = l
        .saturation_users
        .filter(|&users| users >= scale.low_users && users <= scale.high_users)
        .map(|users| {
            let x = scale.x(users);
            html! {
                <g class="saturation">
                    <line x1={px(x)} x2={px(x)} y1={px(TOP)} y2={px(HEIGHT - BOTTOM)} />
                    <text x={px(x - 4.0)} y={px(TOP + 12.0)} text-anchor="end">{ i18n::SATURATED.get(lang) }</text>
                </g>
            }
        });
    let y_axis = (bottom_log as i32..=TOP_LOG as i32).map(|power| {
        let seconds = 10f64.powi(power);
        let y = scale.y(seconds);
        html! {
            <g class="grid">
                <line x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y)} y2={px(y)} />
                <text x={px(LEFT - 6.0)} y={px(y + 4.0)} text-anchor="end">{ Latency::time_text(Some(seconds), lang) }</text>
            </g>
        }
    });
    let x_axis = [scale.low_users, scale.high_users].map(|users| {
        let x = scale.x(users);
        let anchor = if users == scale.low_users {
            "start"
        } else {
            "end"
        };
        html! {
            <text x={px(x)} y={px(HEIGHT - 10.0)} text-anchor={anchor}>
                { format!("{} {}", text::integer(users, lang), i18n::USERS.get(lang)) }
            </text>
        }
    });
    let description = format!(
        "{} {} → {}",
        i18n::CHART_LATENCY.get(lang),
        Latency::time_text(first.p95_s, lang),
        Latency::time_text(last.p95_s, lang)
    );
    let saturated_now = l.saturated_now();
    html! {
        <figure>
            <svg id="latency-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-labelledby="latency-svg-desc" preserveAspectRatio="xMidYMid meet">
                <desc id="latency-svg-desc">{ description }</desc>
                { for y_axis }
                { for rows }
                { for saturation }
                { for lines }
                { for x_axis }
                if saturated_now {
                    <text class="saturated-now" x={px((LEFT + WIDTH - RIGHT) / 2.0)} y={px(HEIGHT / 2.0)} text-anchor="middle">
                        { i18n::SATURATED_NOW.get(lang) }
                    </text>
                }
            </svg>
            <figcaption class="muted">
                { format!("{} · {}", i18n::CHART_LATENCY.get(lang), i18n::AXIS_LATENCY.get(lang)) }
            </figcaption>
        </figure>
    }
}
