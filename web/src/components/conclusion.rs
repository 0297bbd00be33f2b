//! The source's conclusion applied to your users, and every place where
//! Headroom departs from the source.

use super::folded::Folded;
use super::{table, txt, Row};
use crate::i18n::{self};
use headroom_core::corrections::CORRECTIONS;
use headroom_core::hardware::{SOURCE_PI_CAPACITY, SOURCE_STACK};
use headroom_core::runbook::{CONCLUSION, CONCLUSION_SUMMARY};
use headroom_core::text::{self, colon};
use headroom_core::Plan;
use yew::prelude::*;

pub fn conclusion(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let c = colon(lang);
    let advice = plan.advice;
    html! {
        <section id="conclusion" class="card" aria-labelledby="conclusion-title">
            <h2 id="conclusion-title">{ i18n::CONCLUSION.get(lang) }</h2>
            <p id="advice"><strong>{ i18n::FOR_YOU.get(lang) }{ c }</strong>{ plan.for_you(lang) }</p>
            <h3>{ i18n::SOURCE_CONCLUSION.get(lang) }</h3>
            <ol>
                { for CONCLUSION.iter().map(|a| html! {
                    <li class={classes!(std::ptr::eq(a, advice).then_some("current"))}>
                        { format!("{} {}{c}{}", a.source_range, i18n::USERS.get(lang), a.advice.get(lang)) }
                        if let Some(price) = a.price { { format!(" ({})", price.display(lang)) } }
                    </li>
                }) }
            </ol>
            if let Some(correction) = advice.correction {
                <p class="note">{ i18n::HEADROOM_READING.get(lang) }{ c }{ correction.get(lang) }</p>
            }
            <p>{ CONCLUSION_SUMMARY.get(lang) }</p>
            <Folded id="corrections" summary={i18n::CORRECTIONS.get(lang)} content={Callback::from(move |()| {
                table(None, &[i18n::THE_SOURCE_SAYS.get(lang), i18n::HEADROOM_DOES.get(lang)],
                    CORRECTIONS.iter().map(|k| Row::new(vec![txt(k.source_says.get(lang)), txt(k.headroom_does.get(lang))])).collect())
            })} />
            <Folded id="about-source" summary={i18n::ABOUT_SOURCE.get(lang)} content={Callback::from(move |()| html! {
              <>
                <ul>{ for SOURCE_STACK.iter().map(|s| html! { <li>{ s.get(lang) }</li> }) }</ul>
                <p>
                    { i18n::SOURCE_CAPACITY.get(lang) }{ c }
                    { format!("{}–{} {}", text::integer(f64::from(SOURCE_PI_CAPACITY.0), lang),
                        text::integer(f64::from(SOURCE_PI_CAPACITY.1), lang), i18n::USERS.get(lang)) }
                </p>
              </>
            })} />
        </section>
    }
}
