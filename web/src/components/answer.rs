//! The answer in a few lines, for a phone: the verdict and the first
//! action of "Now", above the inputs, so both are on the first screen.
//! Desktops show the inputs and the results side by side and hide it.
//! And, for print only, the inputs and the share link at the top.

use crate::i18n;
use headroom_core::agenda::Agenda;
use headroom_core::{Key, Plan};
use yew::prelude::*;

pub fn answer(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let agenda = Agenda::of(plan, lang);
    let first = agenda.now.first().map(|a| a.text.clone());
    let more = agenda.now.len().saturating_sub(1);
    html! {
        <section id="answer" class="answer phone-only" aria-labelledby="answer-title">
            <h2 id="answer-title" class="visually-hidden">{ i18n::ANSWER.get(lang) }</h2>
            <p class={classes!("verdict", plan.verdict.level())} id="answer-verdict">
                <strong>{ plan.verdict.describe(lang) }</strong>
            </p>
            if let Some(first) = first {
                <p id="answer-now"><strong>{ i18n::NOW.get(lang) }{ headroom_core::text::colon(lang) }</strong>{ first }</p>
            }
            <a href="#agenda">{ more_text(more, lang) }</a>
        </section>
    }
}

/// `and 2 more: Now / Next / Later ↓`, in agreement with the count.
fn more_text(more: usize, lang: i18n::Lang) -> String {
    let agenda = i18n::SEE_AGENDA.get(lang);
    match (more, lang) {
        (0, _) => agenda.to_owned(),
        (1, i18n::Lang::Fr) => format!("et 1 autre action\u{a0}: {agenda}"),
        (n, i18n::Lang::Fr) => format!("et {n} autres actions\u{a0}: {agenda}"),
        (n, i18n::Lang::En) => format!("and {n} more: {agenda}"),
    }
}

/// The inputs as a printout records them, with the link that reproduces
/// the plan: shown on paper only.
pub fn print_header(plan: &Plan, link: &str) -> Html {
    let lang = plan.scenario.lang;
    let s = &plan.scenario;
    let rows = Key::ALL
        .into_iter()
        .filter(|k| *k != Key::Lang && s.uses(*k))
        .filter_map(|k| Some((k, s.value(k)?)))
        .filter(|(k, _)| !matches!(k, Key::Ds | Key::Lt | Key::Usl));
    html! {
        <section id="print-inputs" class="print-only">
            <p><strong>{ i18n::SHARE_LINK.get(lang) }{ headroom_core::text::colon(lang) }</strong><span id="print-link">{ link.to_owned() }</span></p>
            <dl class="facts">
                { for rows.map(|(k, v)| html! {
                    <>
                        <dt>{ k.description().get(lang) }</dt>
                        <dd>{ v }</dd>
                    </>
                }) }
            </dl>
        </section>
    }
}
