//! The values refused in the link or the inputs, each named with its range.

use crate::i18n::{self, Lang};
use headroom_core::InputError;
use yew::prelude::*;

pub fn notices(errors: &[InputError], lang: Lang) -> Html {
    html! {
        <div id="notices" role="status" aria-live="polite">
            if !errors.is_empty() {
                <section class="notices">
                    <h2>{ i18n::REFUSED.get(lang) }</h2>
                    <ul>
                        { for errors.iter().map(|error| html! {
                            <li data-key={error.key.name()}>{ error.message(lang) }</li>
                        }) }
                    </ul>
                </section>
            }
        </div>
    }
}
