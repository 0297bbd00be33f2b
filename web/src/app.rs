//! The page: inputs on one side, the plan on the other.

use crate::browser;
use crate::components::{
    budget_bar, compose_view, conclusion, considerations, copy_button::CopyButton, decision_table,
    growth_chart, hardware, inputs, load_profile, notices, roadmap_view, runbooks, summary,
    tuning_view,
};
use crate::i18n::{self, Lang};
use crate::state::{Action, State};
use crate::url;
use headroom_core::{plan, query, Key};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::from_query(&url::query(), browser::defaults()));
    let decoded = use_memo(state.clone(), |state| state.decoded());
    let plan = use_memo(decoded.scenario.clone(), plan);
    let lang = plan.scenario.lang;
    let link = query::encode(&plan.scenario, state.defaults);

    use_effect_with(link, |link| url::replace_query(link));
    use_effect_with(lang, |lang| browser::set_document_lang(*lang));
    use_effect_with((), |_| browser::mark_rendered());

    let on_input = {
        let state = state.clone();
        Callback::from(move |(key, text): (Key, String)| state.dispatch(Action::Set(key, text)))
    };
    let lang_button = |target: Lang, label: &'static str, name: &'static str| {
        let on_input = on_input.clone();
        let onclick = Callback::from(move |_| on_input.emit((Key::Lang, target.code().to_owned())));
        html! {
            <button id={format!("lang-{}", target.code())} type="button" lang={target.code()}
                aria-pressed={(lang == target).to_string()} title={name} {onclick}>
                { label }
            </button>
        }
    };

    html! {
        <ContextProvider<Lang> context={lang}>
            <header class="top">
                <div>
                    <h1>{ "Headroom" }</h1>
                    <p class="tagline">{ i18n::TAGLINE.get(lang) }</p>
                </div>
                <nav class="lang-switch" aria-label={i18n::LANGUAGE.get(lang)}>
                    { lang_button(Lang::Fr, "FR", "Français") }
                    { lang_button(Lang::En, "EN", "English") }
                </nav>
            </header>
            <div class="layout">
                <aside class="inputs" aria-label={i18n::INPUTS.get(lang)}>
                    { inputs::inputs(&inputs::InputsProps {
                        state: &state,
                        scenario: &plan.scenario,
                        errors: &decoded.errors,
                        on_input: &on_input,
                        lang,
                    }) }
                    <div class="share">
                        <CopyButton id="copy-link" label={i18n::COPY_LINK} text={Callback::from(|_| url::href())} />
                        <p class="hint">{ i18n::SHARE_HINT.get(lang) }</p>
                    </div>
                </aside>
                <main class="results">
                    { notices::notices(&decoded.errors, lang) }
                    { summary::summary(&plan) }
                    { growth_chart::growth_chart(&plan) }
                    { load_profile::load_profile(&plan) }
                    { hardware::hardware(&plan) }
                    { compose_view::compose_view(&plan) }
                    { tuning_view::tuning_view(&plan) }
                    { budget_bar::budget_bar(&plan) }
                    { decision_table::decision_table(&plan) }
                    { roadmap_view::roadmap_view(&plan) }
                    { runbooks::runbooks(&plan) }
                    { considerations::considerations(&plan) }
                    { conclusion::conclusion(&plan) }
                </main>
            </div>
        </ContextProvider<Lang>>
    }
}
