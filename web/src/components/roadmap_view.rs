//! The source's five-step roadmap beside the one projected from your growth.

use super::{table, txt, Calendar, Row};
use crate::i18n::{self};
use headroom_core::timing::Eta;
use headroom_core::Plan;
use yew::prelude::*;

pub fn roadmap_view(plan: &Plan, calendar: Calendar) -> Html {
    let lang = plan.scenario.lang;
    let current = plan.tier.number;
    let rows = plan
        .roadmap
        .iter()
        .map(|p| {
            let timeline = match p.step.to_month {
                Some(to) => format!("{}–{} {}", p.step.from_month, to, i18n::MONTHS.get(lang)),
                None => format!("{}+ {}", p.step.from_month, i18n::MONTHS.get(lang)),
            };
            let projected = match p.starts {
                Eta::Overdue => i18n::REACHED.get(lang).to_owned(),
                eta => calendar.eta(eta, lang),
            };
            let action = match p.step.price {
                Some(price) => format!("{} ({})", p.step.action.get(lang), price.display(lang)),
                None => p.step.action.get(lang).to_owned(),
            };
            Row {
                cells: vec![
                    txt(p.step.number.to_string()),
                    txt(p.tier.users_range(lang)),
                    txt(action),
                    txt(timeline),
                    txt(projected),
                    txt(format!(
                        "{} / {}",
                        p.tier.durability.describe(lang),
                        p.lasts.describe(lang)
                    )),
                ],
                class: (p.tier.number == current).then_some("current"),
                data: None,
            }
        })
        .collect();
    html! {
        <section id="roadmap" class="card" aria-labelledby="roadmap-title">
            <h2 id="roadmap-title">{ i18n::ROADMAP.get(lang) }</h2>
            { table(None, &[i18n::STEP.get(lang), i18n::USERS_COLUMN.get(lang), i18n::ACTION.get(lang), i18n::SOURCE_TIMELINE.get(lang), i18n::PROJECTED.get(lang), i18n::TIER_LASTS.get(lang)], rows) }
        </section>
    }
}
