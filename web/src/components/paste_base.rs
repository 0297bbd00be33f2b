//! The user's own `docker-compose.yml`, pasted: the override is then written
//! for it, as `headroom plan --base` does. The YAML parser lives in the
//! JavaScript module (`js/headroom.js`), fetched only when something is
//! pasted, so it costs the first load nothing.

use super::copy_button::CopyButton;
use super::download_link::DownloadLink;
use crate::browser;
use crate::i18n::{self, use_lang};
use headroom_core::compose::FILE_NAME;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteBaseProps {
    /// The plan's inputs, as a query string, its language included.
    pub query: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Merged {
    Empty,
    Reading,
    Done(AttrValue),
    Refused(String),
}

#[function_component(PasteBase)]
pub fn paste_base(props: &PasteBaseProps) -> Html {
    let lang = use_lang();
    let text = use_state(String::new);
    let merged = use_state(|| Merged::Empty);
    // What was pasted before a reload or a change of language, back (after
    // the first render: the page written ahead of time has no storage).
    let restored = use_state(|| false);
    {
        let (text, restored) = (text.clone(), restored.clone());
        use_effect_with((), move |_| {
            if let Some(kept) = browser::pasted_base() {
                text.set(kept);
                restored.set(true);
            }
        });
    }
    {
        let merged = merged.clone();
        use_effect_with(
            (props.query.clone(), (*text).clone()),
            move |(query, text)| {
                if text.trim().is_empty() {
                    merged.set(Merged::Empty);
                } else {
                    merged.set(Merged::Reading);
                    let (query, text) = (query.to_string(), text.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        merged.set(match browser::merge_override(&query, &text).await {
                            Ok(Some(yaml)) => Merged::Done(yaml.into()),
                            Ok(None) => Merged::Refused(i18n::NO_COMPOSE.get(lang).to_owned()),
                            Err(problem) => Merged::Refused(problem),
                        });
                    });
                }
            },
        );
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            browser::keep_pasted_base(&area.value());
            text.set(area.value());
        })
    };
    let result = match &*merged {
        Merged::Empty => html! {},
        Merged::Reading => {
            html! { <p id="base-status" role="status">{ i18n::READING.get(lang) }</p> }
        }
        Merged::Refused(problem) => html! {
            <p id="base-status" class="warning" role="status">{ format!("{}{}", i18n::BASE_REFUSED.get(lang), problem) }</p>
        },
        Merged::Done(yaml) => {
            let copied = yaml.to_string();
            html! {
                <>
                    <p id="base-status" role="status">{ i18n::BASE_MERGED.get(lang) }</p>
                    <div class="actions">
                        <CopyButton id="copy-merged" label={i18n::COPY} text={Callback::from(move |_| copied.clone())} />
                        <DownloadLink id="download-merged" label={i18n::DOWNLOAD} file_name={FILE_NAME}
                            mime_type="text/yaml" text={yaml.clone()} />
                    </div>
                    <pre class="code" tabindex="0"><code id="merged-yaml">{ yaml.clone() }</code></pre>
                </>
            }
        }
    };
    html! {
        <details id="paste-base" open={*restored}>
            <summary>{ i18n::PASTE_BASE.get(lang) }</summary>
            <p class="note">{ i18n::PASTE_BASE_HOW.get(lang) }</p>
            <textarea id="base-compose" rows="8" spellcheck="false" aria-label={i18n::PASTE_BASE.get(lang)} value={(*text).clone()} {oninput} />
            { result }
        </details>
    }
}
