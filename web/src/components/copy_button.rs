//! A button that copies text with the Clipboard API and says whether it did.

use crate::browser;
use crate::i18n::{self, use_lang, Text};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long "Copied" stays.
const STATUS_MS: u32 = 3_000;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub id: AttrValue,
    pub label: Text,
    /// Called at click time for the text to copy.
    pub text: Callback<(), String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let lang = use_lang();
    let outcome = use_state(|| Outcome::Idle);
    // The status goes away after a while; a new click restarts the wait
    // (dropping the previous timeout cancels it).
    let reset = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let outcome = outcome.clone();
        let text = props.text.clone();
        Callback::from(move |_| {
            let outcome = outcome.clone();
            let reset = reset.clone();
            let text = text.emit(());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = browser::copy(text).await;
                outcome.set(if copied {
                    Outcome::Copied
                } else {
                    Outcome::Failed
                });
                let idle = outcome.clone();
                *reset.borrow_mut() =
                    Some(Timeout::new(STATUS_MS, move || idle.set(Outcome::Idle)));
            });
        })
    };
    let status = match *outcome {
        Outcome::Idle => "",
        Outcome::Copied => i18n::COPIED.get(lang),
        Outcome::Failed => i18n::COPY_FAILED.get(lang),
    };
    html! {
        <span class="copy">
            <button id={props.id.clone()} type="button" {onclick}>{ props.label.get(lang) }</button>
            <span class="copy-status" role="status" aria-live="polite">{ status }</span>
        </span>
    }
}
