//! Projected users over 36 months on a log scale, with the tier bands, the
//! machine's ceiling and the two migration dates, as inline SVG.

use super::{px, Calendar};
use crate::i18n::{self, Lang};
use headroom_core::plan::PROJECTION_MONTHS;
use headroom_core::text::{self, colon};
use headroom_core::tier::TIERS;
use headroom_core::timing::Eta;
use headroom_core::{Plan, YearMonth};
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 36.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 34.0;
/// The scale starts at 10 users and stops at ten billion.
const FLOOR_LOG: f64 = 1.0;
const CAP_LOG: f64 = 10.0;

struct Scale {
    top_log: f64,
}

impl Scale {
    fn x(&self, month: f64) -> f64 {
        LEFT + (WIDTH - LEFT - RIGHT) * month / f64::from(PROJECTION_MONTHS)
    }

    fn y(&self, users: f64) -> f64 {
        let log = log10(users.max(1.0)).clamp(FLOOR_LOG, self.top_log);
        TOP + (HEIGHT - TOP - BOTTOM) * (self.top_log - log) / (self.top_log - FLOOR_LOG)
    }
}

/// Through `ln`, which the core already uses: one logarithm in the WebAssembly.
fn log10(value: f64) -> f64 {
    value.ln() / std::f64::consts::LN_10
}

/// `today`: the reader's month, marked when the projection started earlier.
pub fn growth_chart(plan: &Plan, calendar: Calendar, today: Option<YearMonth>) -> Html {
    let lang = plan.scenario.lang;
    let projection = &plan.projection;
    let ceiling = plan.host_timing.map(|t| f64::from(t.ceiling_users));
    let highest = projection
        .iter()
        .copied()
        .chain(ceiling)
        .fold(10_000.0f64, f64::max);
    let scale = Scale {
        top_log: log10(highest * 1.2).ceil().clamp(FLOOR_LOG + 1.0, CAP_LOG),
    };
    let top_users = 10f64.powi(scale.top_log as i32);

    // Tier bands, from each tier's lower bound to the next one's.
    let bands = TIERS.iter().map(|tier| {
        let low = f64::from(tier.min_users.max(10));
        let high = tier.max_users.map_or(top_users, f64::from).min(top_users);
        if low >= top_users {
            return html! {};
        }
        let (y_top, y_bottom) = (scale.y(high), scale.y(low));
        let short = match lang.page() {
            Lang::Fr => format!("P{}", tier.number),
            Lang::En => format!("T{}", tier.number),
        };
        html! {
            <g class={format!("band band-{}", tier.number)}>
                <rect x={px(LEFT)} y={px(y_top)} width={px(WIDTH - LEFT - RIGHT)} height={px(y_bottom - y_top)} />
                <text x={px(WIDTH - RIGHT + 4.0)} y={px((y_top + y_bottom) / 2.0 + 4.0)}>{ short }</text>
            </g>
        }
    });

    let gridlines = (FLOOR_LOG as u32..=scale.top_log as u32).map(|power| {
        let users = 10f64.powi(power as i32);
        let y = scale.y(users);
        html! {
            <g class="grid">
                <line x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y)} y2={px(y)} />
                <text x={px(LEFT - 6.0)} y={px(y + 4.0)} text-anchor="end">{ compact(power, lang) }</text>
            </g>
        }
    });

    // Every 12 months stays on a phone; the 6-month ticks between go.
    let month_ticks = (0..=PROJECTION_MONTHS).step_by(6).map(|month| {
        let class = if month % 12 == 0 { "tick" } else { "tick tick-minor" };
        let x = scale.x(f64::from(month));
        let label = match calendar {
            Calendar::Dated => plan.scenario.start.plus_months(month).to_string(),
            Calendar::Relative => format!("+{month}"),
        };
        html! {
            <g class={class}>
                <line x1={px(x)} x2={px(x)} y1={px(HEIGHT - BOTTOM)} y2={px(HEIGHT - BOTTOM + 5.0)} />
                <text x={px(x)} y={px(HEIGHT - 8.0)} text-anchor={if month == PROJECTION_MONTHS { "end" } else { "middle" }}>{ label }</text>
            </g>
        }
    });

    let points: String = projection
        .iter()
        .enumerate()
        .map(|(month, users)| format!("{},{}", px(scale.x(month as f64)), px(scale.y(*users))))
        .collect::<Vec<_>>()
        .join(" ");

    let ceiling_line = ceiling.map(|users| {
        let y = scale.y(users);
        html! {
            <g class="ceiling">
                <line x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y)} y2={px(y)} />
                // At the right end, away from the markers' labels.
                <text x={px(WIDTH - RIGHT - 4.0)} y={px(y - 4.0)} text-anchor="end">{ format!("{} {}", i18n::CEILING_SHORT.get(lang), text::integer(users, lang)) }</text>
            </g>
        }
    });
    // The next machine's ceiling, where the stack goes next.
    let next_ceiling = plan
        .destination()
        .zip(plan.destination_ceiling())
        .filter(|(_, users)| f64::from(*users) < top_users)
        .map(|(host, users)| {
            let y = scale.y(f64::from(users));
            let label = format!("{} {}", i18n::host_short(host, lang), text::integer(f64::from(users), lang));
            // The users line rises: once it crosses this line it runs above
            // it to the right, so the label goes below it there; if it never
            // crosses, above it at the left.
            let crosses = projection.last().is_some_and(|u| *u >= f64::from(users));
            html! {
                <g class="ceiling next-ceiling">
                    <line x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(y)} y2={px(y)} />
                    if crosses {
                        <text x={px(WIDTH - RIGHT - 4.0)} y={px(y + 4.0)} text-anchor="end" dominant-baseline="hanging">{ label }</text>
                    } else {
                        <text x={px(LEFT + 4.0)} y={px(y - 4.0)}>{ label }</text>
                    }
                </g>
            }
        });

    // Each label sits where the users line crosses its threshold.
    let marker = |eta: Eta, label: &'static str, class: &'static str, at: f64| -> Html {
        let Some(months) = eta.months() else {
            return html! {};
        };
        if months > f64::from(PROJECTION_MONTHS) {
            return html! {};
        }
        let x = scale.x(months);
        let y = scale.y(at);
        // Clear of the rising users line: phase 1 below it and to the
        // right (where the line is higher), the ceiling above it and to
        // the left (where the line is lower). Overdue markers sit on the
        // axis, where the ceiling's own label is.
        let text = if class == "phase-1" {
            html! { <text x={px(x + 4.0)} y={px(y + 6.0)} dominant-baseline="hanging">{ label }</text> }
        } else {
            html! { <text x={px(x - 4.0)} y={px(y - 6.0)} text-anchor="end">{ label }</text> }
        };
        html! {
            <g class={classes!("marker", class)}>
                <line x1={px(x)} x2={px(x)} y1={px(TOP)} y2={px(HEIGHT - BOTTOM)} />
                if months > 0.0 {
                    { text }
                }
            </g>
        }
    };
    let markers = plan.host_timing.map(|t| {
        html! {
            <>
                { marker(t.migration_start, i18n::PHASE_1.get(lang), "phase-1", t.migration_start_users) }
                { marker(t.ceiling, i18n::CEILING_SHORT.get(lang), "phase-end", f64::from(t.ceiling_users)) }
            </>
        }
    });

    // Today, when the projection started in an earlier month.
    let today = match (calendar, today) {
        (Calendar::Dated, Some(today)) => {
            let months = today.months_since(plan.scenario.start);
            (1..=PROJECTION_MONTHS as i32).contains(&months).then(|| {
                let x = scale.x(f64::from(months));
                html! {
                    <g class="marker today">
                        <line x1={px(x)} x2={px(x)} y1={px(TOP)} y2={px(HEIGHT - BOTTOM)} />
                        <text x={px(x + 4.0)} y={px(TOP + 14.0)}>{ i18n::TODAY.get(lang) }</text>
                    </g>
                }
            })
        }
        _ => None,
    };

    let description = describe(plan, calendar, lang);
    html! {
        <section id="growth" class="card" aria-labelledby="growth-title">
            <h2 id="growth-title">{ i18n::GROWTH.get(lang) }</h2>
            <p class="muted">{ i18n::CHART_USERS.get(lang) }</p>
            <figure>
                <svg id="growth-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                    aria-labelledby="growth-svg-title growth-svg-desc" preserveAspectRatio="xMidYMid meet">
                    <title id="growth-svg-title">{ i18n::GROWTH.get(lang) }</title>
                    <desc id="growth-svg-desc">{ description.clone() }</desc>
                    { for bands }
                    { for gridlines }
                    { for month_ticks }
                    { for next_ceiling }
                    { for ceiling_line }
                    { for markers }
                    { for today }
                    if plan.scenario.users > 0 {
                        <polyline class="users" points={points} />
                    } else {
                        <text class="empty" x={px((LEFT + WIDTH - RIGHT) / 2.0)} y={px(HEIGHT - BOTTOM - 12.0)} text-anchor="middle">{ i18n::NO_USERS_YET.get(lang) }</text>
                    }
                </svg>
                <figcaption>{ description }</figcaption>
            </figure>
        </section>
    }
}

/// The chart in words, for screen readers and for print.
fn describe(plan: &headroom_core::Plan, calendar: Calendar, lang: Lang) -> String {
    let c = colon(lang);
    let now = text::integer(f64::from(plan.scenario.users), lang);
    let later = text::integer(plan.projection.last().copied().unwrap_or_default(), lang);
    let growth = text::percent(plan.scenario.growth_percent, 2, lang);
    let months = PROJECTION_MONTHS;
    let mut out = match lang.page() {
        Lang::Fr => format!(
            "De {now} utilisateurs aujourd'hui à {later} dans {months} mois, à {growth} par mois."
        ),
        Lang::En => {
            format!("From {now} users today to {later} in {months} months, at {growth} a month.")
        }
    };
    if let Some(t) = plan.host_timing {
        out.push_str(&format!(
            " {}{c}{}. {}{c}{}.",
            i18n::START_PHASE_1.get(lang),
            calendar.eta(t.migration_start, lang),
            i18n::CEILING.get(lang),
            calendar.eta(t.ceiling, lang)
        ));
    }
    out
}

/// `10`, `1k`, `10M`, `1G` (`1 k`, `10 M`, `1 Md` in French): the axis' powers
/// of ten, short enough for any width.
fn compact(power: u32, lang: Lang) -> String {
    let (value, unit) = match power {
        0..=2 => (10u32.pow(power), ""),
        3..=5 => (10u32.pow(power - 3), "k"),
        6..=8 => (10u32.pow(power - 6), "M"),
        _ => (
            10u32.pow(power.min(11) - 9),
            if lang.page() == Lang::Fr { "Md" } else { "G" },
        ),
    };
    match (unit, lang.page()) {
        ("", _) => value.to_string(),
        (_, Lang::Fr) => format!("{value}\u{a0}{unit}"),
        (_, Lang::En) => format!("{value}{unit}"),
    }
}
