//! The page: inputs on one side, the plan on the other.

use crate::browser;
use crate::components::{
    agenda_view, answer, budget_bar, compose_view, conclusion, considerations,
    copy_button::CopyButton,
    decision_table, growth_chart, hardware, inputs, latency_view,
    later::{self, later},
    load_profile, measurements_view, notices, resources_view, roadmap_view, runbooks, summary,
    tuning_view, Calendar,
};
use crate::i18n::{self, Lang};
use crate::state::{Action, State};
use crate::url;
use headroom_core::{plan, query, Defaults, Key, Plan, YearMonth};
use std::rc::Rc;
use yew::prelude::*;

/// Where the page starts: the query string it opened with and the defaults
/// of the place it runs (the browser, or the build for the prerendered page).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query string, without its `?`.
    pub query: String,
    pub defaults: Defaults,
    /// Calendar months, or months from now on the prerendered page.
    #[prop_or_default]
    pub calendar: Calendar,
}

/// What the sections below the first screen are drawn from.
struct Below {
    plan: Rc<Plan>,
    calendar: Calendar,
    today: YearMonth,
    link: String,
    on_values: Callback<Vec<(Key, String)>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| State::start(&props.query, props.defaults));
    // New props (the reader's link and today, once the prerendered page is
    // taken over): start over from them. The first run changes nothing.
    {
        let state = state.clone();
        use_effect_with(
            (props.query.clone(), props.defaults),
            move |(query, defaults)| state.dispatch(Action::Start(query.clone(), *defaults)),
        );
    }
    let decoded = use_memo(state.clone(), |state| state.decoded());
    let plan = use_memo(decoded.scenario.clone(), plan);
    let lang = plan.scenario.lang;
    let calendar = props.calendar;
    let link = query::encode(&plan.scenario, state.defaults);

    use_effect_with(link.clone(), |link| url::replace_query(link));
    use_effect_with(lang, |lang| browser::set_document_lang(*lang));
    // The runbooks' ticks of this plan, as left before a reload.
    // (The runbooks may still be the build's HTML: once they are the app's.)
    use_effect_with(runbooks::ticks_key(&plan), |key| {
        let key = key.clone();
        later::when_done(move || browser::restore_ticks(&key));
    });
    // The reader's own plan is there once the calendar is theirs and the
    // state starts from their link and today (after the takeover of the
    // prerendered page, one render later).
    let theirs = props.calendar == Calendar::Dated
        && state.defaults == props.defaults
        && state.origin == props.query;
    use_effect_with(theirs, |theirs| {
        if *theirs {
            later::when_done(|| {
                browser::show_plan();
                browser::mark_rendered();
            });
        }
    });

    let on_input = {
        let state = state.clone();
        Callback::from(move |(key, text): (Key, String)| state.dispatch(Action::Set(key, text)))
    };
    let on_values = {
        let state = state.clone();
        Callback::from(move |values: Vec<(Key, String)>| state.dispatch(Action::SetAll(values)))
    };
    let lang_button = |target: Lang, label: &'static str, name: &'static str| {
        let onclick = match i18n::PAGE {
            // Each language has its own page: go there with the same inputs.
            Some(_) => {
                let state = state.clone();
                Callback::from(move |_| {
                    let mut next = (*state).clone();
                    next.set(Key::Lang, target.code());
                    let scenario = next.decoded().scenario;
                    url::open_page(target, &query::encode(&scenario, next.defaults));
                })
            }
            None => {
                let on_input = on_input.clone();
                Callback::from(move |_| on_input.emit((Key::Lang, target.code().to_owned())))
            }
        };
        html! {
            <button id={format!("lang-{}", target.code())} type="button" lang={target.code()}
                aria-pressed={(lang == target).to_string()} title={name} {onclick}>
                { label }
            </button>
        }
    };

    let below = Rc::new(Below {
        plan: plan.clone(),
        calendar,
        today: state.defaults.today,
        link: link.clone(),
        on_values: on_values.clone(),
    });

    html! {
        <ContextProvider<Lang> context={lang}>
            <header class="top">
                <div>
                    <h1>{ "Headroom" }</h1>
                    <p class="tagline" elementtiming="tagline">{ i18n::TAGLINE.get(lang) }</p>
                </div>
                <nav class="lang-switch" aria-label={i18n::LANGUAGE.get(lang)}>
                    { lang_button(Lang::Fr, "FR", "Français") }
                    { lang_button(Lang::En, "EN", "English") }
                </nav>
            </header>
            { answer::answer(&plan) }
            { answer::print_header(&plan, &url::link_for(&link)) }
            <div class="layout">
                <aside class="inputs" aria-label={i18n::INPUTS.get(lang)}>
                    { inputs::inputs(&inputs::InputsProps {
                        state: &state,
                        scenario: &plan.scenario,
                        errors: &decoded.errors,
                        on_input: &on_input,
                        lang,
                        calendar,
                    }) }
                    <div class="share">
                        <CopyButton id="copy-link" label={i18n::COPY_LINK} text={Callback::from(|_| url::href())} />
                        <p class="hint">{ i18n::SHARE_HINT.get(lang) }</p>
                    </div>
                </aside>
                <main class="results">
                    { notices::notices(&decoded.errors, lang) }
                    { agenda_view::agenda_view(&plan, calendar) }
                    { summary::summary(&plan, calendar) }
                    // Below the first screen: taken over one task each.
                    { later(below.clone(), |b| growth_chart::growth_chart(&b.plan, b.calendar, Some(b.today))) }
                    { later(below.clone(), |b| resources_view::resources_view(&b.plan, b.calendar)) }
                    { later(below.clone(), |b| latency_view::latency_view(&b.plan, b.calendar)) }
                    { later(below.clone(), |b| measurements_view::measurements_view(&b.plan, html! {
                        <measurements_view::PasteMeasurements query={b.link.clone()} on_values={b.on_values.clone()}
                            measured={!b.plan.scenario.measured.is_empty()} clears={b.plan.scenario.measured_keys()} />
                    })) }
                    { later(below.clone(), |b| load_profile::load_profile(&b.plan)) }
                    { later(below.clone(), |b| hardware::hardware(&b.plan, &b.link)) }
                    { later(below.clone(), |b| compose_view::compose_view(&b.plan, &b.link, &b.on_values)) }
                    { later(below.clone(), |b| tuning_view::tuning_view(&b.plan)) }
                    { later(below.clone(), |b| budget_bar::budget_bar(&b.plan)) }
                    { later(below.clone(), |b| decision_table::decision_table(&b.plan)) }
                    { later(below.clone(), |b| roadmap_view::roadmap_view(&b.plan, b.calendar)) }
                    { later(below.clone(), |b| runbooks::runbooks(&b.plan)) }
                    { later(below.clone(), |b| considerations::considerations(&b.plan)) }
                    { later(below, |b| conclusion::conclusion(&b.plan)) }
                </main>
            </div>
        </ContextProvider<Lang>>
    }
}
