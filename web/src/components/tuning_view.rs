//! Each server setting with its value, its provenance and the source's value.

use super::copy_button::CopyButton;
use super::folded::Folded;
use super::{table, txt, Row};
use crate::i18n::{self};
use headroom_core::corrections::{self, Topic};
use headroom_core::tuning::Reason;
use headroom_core::tuning::Tuning;
use headroom_core::{Lang, Plan};
use yew::prelude::*;

pub fn tuning_view(plan: &Plan) -> Html {
    let lang = plan.scenario.lang;
    let Some(tuning) = &plan.tuning else {
        return html! {
            <section id="tuning" class="card" aria-labelledby="tuning-title">
                <h2 id="tuning-title">{ i18n::TUNING.get(lang) }</h2>
                <p>{ i18n::NO_COMPOSE.get(lang) }</p>
            </section>
        };
    };
    let rows = tuning
        .settings
        .iter()
        .map(|setting| {
            let (class, source) = match setting.reason {
                Reason::Corrected { source, .. } => (Some("corrected"), format!("{}MB", source.0)),
                Reason::Source { .. } => (None, setting.value_text()),
                Reason::Derived(_) => (None, "—".to_owned()),
            };
            Row {
                cells: vec![
                    html! { <code>{ format!("{} {}", setting.key.service().name(), setting.key.name()) }</code> },
                    html! { <code>{ setting.value_text() }</code> },
                    html! { <code>{ source }</code> },
                    txt(setting.provenance(lang)),
                ],
                class,
                data: Some(("data-setting", setting.key.name())),
            }
        })
        .collect();
    html! {
        <section id="tuning" class="card" aria-labelledby="tuning-title">
            <h2 id="tuning-title">{ i18n::TUNING.get(lang) }</h2>
            { table(None, &[i18n::SETTING.get(lang), i18n::VALUE.get(lang), i18n::SOURCE_VALUE.get(lang), i18n::ORIGIN.get(lang)], rows) }
            { memory_sum(tuning, lang) }
            { other_forms(tuning, lang) }
            <ul class="corrections">
                { for corrections::about(Topic::Tuning).map(|c| html! {
                    <li>{ c.source_says.get(lang) }{ " → " }{ c.headroom_does.get(lang) }</li>
                }) }
            </ul>
        </section>
    }
}

/// PostgreSQL's worst case against its container, term by term.
fn memory_sum(tuning: &Tuning, lang: Lang) -> Html {
    let memory = &tuning.memory;

    let rows = memory
        .terms(lang)
        .into_iter()
        .map(|term| Row {
            cells: vec![
                txt(term.name),
                txt(term.amount.display(lang)),
                txt(term.detail),
            ],
            class: None,
            data: None,
        })
        .collect();
    html! {
        <>
            <h3 id="pg-memory">{ i18n::PG_WORST_CASE.get(lang) }</h3>
            <p id="pg-worst-case">{ format!("{} / {} (mem_limit)", memory.worst_case().display(lang), memory.limit.display(lang)) }</p>
            { table(None, &[i18n::TERM.get(lang), i18n::AMOUNT.get(lang), i18n::HOW_COUNTED.get(lang)], rows) }
        </>
    }
}

/// The same settings for a stack whose compose command stays as it is: a
/// `postgresql.conf` snippet, `ALTER SYSTEM` statements, `redis.conf` lines.
fn other_forms(tuning: &Tuning, lang: Lang) -> Html {
    let form = |id: &'static str, title: &'static str, text: fn(&Tuning) -> String| {
        let tuning = tuning.clone();
        let content = Callback::from(move |()| {
            let text = text(&tuning);
            let copied = text.clone();
            html! {
                <>
                    <pre class="code" tabindex="0"><code>{ text }</code></pre>
                    <CopyButton id={format!("copy-{id}")} label={i18n::COPY} text={Callback::from(move |_| copied.clone())} />
                </>
            }
        });
        html! { <Folded class="form" id={id} summary={title} {content} /> }
    };
    html! {
        <>
            <h3>{ i18n::OTHER_FORMS.get(lang) }</h3>
            <p class="note">{ i18n::OTHER_FORMS_HOW.get(lang) }</p>
            { form("postgresql-conf", "postgresql.conf", Tuning::postgresql_conf) }
            { form("alter-system", "ALTER SYSTEM", Tuning::alter_system) }
            { form("redis-conf", "redis.conf", Tuning::redis_conf) }
        </>
    }
}
