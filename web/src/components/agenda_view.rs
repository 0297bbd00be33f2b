//! Now / Next / Later: the plan as dated actions, first on the page.

use super::Calendar;
use crate::i18n::{self, Lang};
use headroom_core::agenda::{Action, Agenda};
use headroom_core::text;
use headroom_core::Plan;
use yew::prelude::*;

pub fn agenda_view(plan: &Plan, calendar: Calendar) -> Html {
    let lang = plan.scenario.lang;
    let agenda = Agenda::of(plan, lang);
    let group = |id: &'static str, title: i18n::Text, actions: &[Action]| {
        html! {
            <div class="agenda-group">
                <h3>{ title.get(lang) }</h3>
                if actions.is_empty() {
                    <p class="muted" id={id}>{ i18n::NOTHING.get(lang) }</p>
                } else {
                    <ul id={id}>{ for actions.iter().map(|a| item(a, calendar, lang)) }</ul>
                }
            </div>
        }
    };
    html! {
        <section id="agenda" class="card" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{ i18n::AGENDA.get(lang) }</h2>
            if let Some(rests) = plan.rests_on(lang) {
                <p id="rests-on" class="note">{ rests }</p>
            }
            <div class="agenda">
                { group("agenda-now", i18n::NOW, &agenda.now) }
                { group("agenda-next", i18n::NEXT, &agenda.next) }
                { group("agenda-later", i18n::LATER, &agenda.later) }
            </div>
        </section>
    }
}

fn item(action: &Action, calendar: Calendar, lang: Lang) -> Html {
    match action.at {
        Some((users, eta)) => html! {
            <li>
                <span class="when">
                    { format!("{} {} {} · {}", i18n::AT_USERS.get(lang), text::integer(users, lang),
                        i18n::USERS.get(lang), eta.within(lang)) }
                </span>
                // The calendar month on a line of its own, blank on the page
                // written ahead of time: the same lines before and after the
                // app fills it, so nothing below moves.
                { " " }<span class="when">{ calendar.month(eta, lang) }</span>
                { " " }{ action.text.clone() }
            </li>
        },
        None => html! { <li>{ action.text.clone() }</li> },
    }
}
