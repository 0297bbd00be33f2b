//! The override to save, one file at a time: the generic one, or, once the
//! user has pasted their own `docker-compose.yml`, the one written for it
//! (as `headroom plan --base` does), with a button back to the generic one.
//! The YAML parser lives in the JavaScript module (`js/headroom.js`),
//! fetched only when something is pasted, so it costs the first load nothing.

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
    /// The override written without the user's file.
    pub generic: AttrValue,
    /// Sets the runbooks' names the file gives (those still placeholders).
    #[prop_or_default]
    pub on_names: Callback<Vec<(headroom_core::Key, String)>>,
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
    // Each merge is numbered: an answer that a newer paste or plan has
    // overtaken is dropped, not shown over the newer one.
    let latest = use_mut_ref(|| 0u32);
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
        let latest = latest.clone();
        let on_names = props.on_names.clone();
        use_effect_with(
            (props.query.clone(), (*text).clone()),
            move |(query, text)| {
                let turn = latest.borrow().wrapping_add(1);
                *latest.borrow_mut() = turn;
                if text.trim().is_empty() {
                    merged.set(Merged::Empty);
                } else {
                    // The file already written stays in view while it is rewritten.
                    if !matches!(*merged, Merged::Done(_)) {
                        merged.set(Merged::Reading);
                    }
                    let (query, text) = (query.to_string(), text.clone());
                    let on_names = on_names.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        // The runbooks' names first; only placeholders change.
                        if let Ok(names) = browser::compose_names(&query, &text).await {
                            let names: Vec<_> = names
                                .into_iter()
                                .filter_map(|(k, v)| Some((headroom_core::Key::from_name(&k)?, v)))
                                .collect();
                            if !names.is_empty() {
                                on_names.emit(names);
                            }
                        }
                        let outcome = match browser::merge_override(&query, &text).await {
                            Ok(Some(yaml)) => Merged::Done(yaml.into()),
                            Ok(None) => Merged::Refused(i18n::NO_COMPOSE.get(lang).to_owned()),
                            Err(problem) => Merged::Refused(problem),
                        };
                        if *latest.borrow() == turn {
                            merged.set(outcome);
                        }
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
    let clear = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            browser::keep_pasted_base("");
            text.set(String::new());
        })
    };
    let status = match &*merged {
        Merged::Empty | Merged::Done(_) => html! {},
        Merged::Reading => {
            html! { <p id="base-status" role="status">{ i18n::READING.get(lang) }</p> }
        }
        Merged::Refused(problem) => html! {
            <p id="base-status" class="warning" role="status">{ format!("{}{}", i18n::BASE_REFUSED.get(lang), problem) }</p>
        },
    };
    // One override on the page: the user's once written, else the generic one.
    let shown = match &*merged {
        Merged::Done(yaml) => html! {
            <>
                <div class="actions">
                    <p id="base-merged" role="status">{ i18n::BASE_MERGED.get(lang) }</p>
                    <button id="clear-base" type="button" onclick={clear}>{ i18n::CLEAR_PASTE.get(lang) }</button>
                </div>
                { override_file(yaml, "merged") }
            </>
        },
        _ => html! {
            <>
                <p>{ i18n::COMPOSE_HOW.get(lang) }</p>
                { override_file(&props.generic, "compose") }
            </>
        },
    };
    html! {
        <>
            <details id="paste-base" open={*restored}>
                <summary>{ i18n::PASTE_BASE.get(lang) }</summary>
                <p class="note">{ i18n::PASTE_BASE_HOW.get(lang) }</p>
                <textarea id="base-compose" rows="8" spellcheck="false" aria-label={i18n::PASTE_BASE.get(lang)} value={(*text).clone()} {oninput} />
                { status }
            </details>
            { shown }
        </>
    }
}

/// Copy, Download and the text of one override; `name` makes the ids
/// (`copy-compose`, `download-compose`, `compose-yaml`).
fn override_file(yaml: &AttrValue, name: &str) -> Html {
    let copied = yaml.to_string();
    html! {
        <>
            <div class="actions">
                <CopyButton id={format!("copy-{name}")} label={i18n::COPY} text={Callback::from(move |_| copied.clone())} />
                <DownloadLink id={format!("download-{name}")} label={i18n::DOWNLOAD} file_name={FILE_NAME}
                    mime_type="text/yaml" text={yaml.clone()} />
            </div>
            <pre class="code" tabindex="0"><code id={format!("{name}-yaml")}>{ yaml.clone() }</code></pre>
        </>
    }
}
