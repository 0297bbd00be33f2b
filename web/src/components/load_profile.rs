//! The load to expect, beside the source's four reference profiles.

use super::folded::Folded;
use super::{table, txt, Row};
use crate::i18n::{self};
use headroom_core::corrections::{self, Topic};
use headroom_core::text::{self, colon};
use headroom_core::tier::Resource;
use headroom_core::Plan;
use headroom_core::{load, units};
use yew::prelude::*;

pub fn load_profile(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let load = &plan.load;
    let rule = if plan.uses_source_request_rule() {
        i18n::SOURCE_RULE
    } else {
        i18n::YOUR_INPUT
    };
    let provision = plan.tier.allocation_of(Resource::Disk).map(|disk| {
        html! {
            <tr>
                <th scope="row">{ i18n::DISK_PROVISION.get(lang) }</th>
                <td>{ format!("{}–{} {}", text::integer(disk.low.unwrap_or_default(), lang),
                    text::integer(disk.high, lang), disk.unit.get(lang)) }</td>
            </tr>
        }
    });
    html! {
        <section id="load" class="card" aria-labelledby="load-title">
            <h2 id="load-title">{ i18n::LOAD.get(lang) }</h2>
            <table class="kv">
                <tbody>
                    <tr>
                        <th scope="row">{ i18n::REQUESTS_PER_DAY.get(lang) }</th>
                        <td>
                            <strong id="load-requests-per-day">{ text::integer(load.requests_per_day, lang) }</strong>
                            { format!(" ({} {}, {})", text::number(load.requests_per_user, 2, lang),
                                i18n::PER_USER.get(lang), rule.get(lang)) }
                        </td>
                    </tr>
                    <tr>
                        <th scope="row">{ i18n::REQUESTS_PER_SECOND.get(lang) }</th>
                        <td>
                            <strong id="load-requests-per-second">{ load.requests_per_second.display(lang) }</strong>
                            { format!(" {}, {} {}", i18n::AVERAGE.get(lang),
                                load.peak_requests_per_second.display(lang), i18n::AT_PEAK.get(lang)) }
                        </td>
                    </tr>
                    <tr>
                        <th scope="row">{ i18n::DATABASE.get(lang) }</th>
                        <td id="load-database">{ load.database.display(lang) }</td>
                    </tr>
                    <tr>
                        <th scope="row">{ i18n::CACHE.get(lang) }</th>
                        <td id="load-cache">{ load.cache.display(lang) }</td>
                    </tr>
                    <tr>
                        <th scope="row">{ i18n::DISK_USED.get(lang) }</th>
                        <td id="load-disk">{ load.disk.display(lang) }</td>
                    </tr>
                    { for provision }
                </tbody>
            </table>
            <p class="note" id="units">{ units::STATEMENT.get(lang) }</p>
            { for corrections::about(Topic::Load).map(|k| html! {
                <p class="note">{ k.source_says.get(lang) }{ " → " }{ k.headroom_does.get(lang) }</p>
            }) }
            <Folded summary={i18n::SOURCE_PROFILE.get(lang)} content={Callback::from(move |()| source_profiles(lang))} />
        </section>
    }
}

/// The source's load profiles, built when the reader unfolds them.
fn source_profiles(lang: i18n::Lang) -> Html {
    let c = colon(lang);
    let rows = load::SOURCE_PROFILES
        .iter()
        .map(|row| {
            Row::new(vec![
                txt(text::integer(f64::from(row.users), lang)),
                txt(format!(
                    "{} ({}{c}{})",
                    text::integer(row.requests_per_day, lang),
                    i18n::PER_USER.get(lang),
                    text::number(row.requests_per_user, 0, lang)
                )),
                txt(row.requests_per_second.display(lang)),
                txt(row.database.display(lang)),
                txt(row.cache.display(lang)),
                txt(row.disk.display(lang)),
            ])
        })
        .collect();
    table(
        None,
        &[
            i18n::USERS_COLUMN.get(lang),
            i18n::REQUESTS_PER_DAY.get(lang),
            i18n::REQUESTS_PER_SECOND.get(lang),
            i18n::DATABASE.get(lang),
            i18n::CACHE.get(lang),
            i18n::DISK_USED.get(lang),
        ],
        rows,
    )
}
