//! A link that downloads a text file: an object URL (gloo-file) made once per
//! text, rather than the whole text percent-encoded into a `data:` URL on
//! every keystroke. The URL is made after the first render, so the page
//! written ahead of time carries an inert link, not a copy of the file.

use crate::i18n::{use_lang, Text};
use gloo_file::{Blob, ObjectUrl};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DownloadLinkProps {
    pub id: AttrValue,
    pub label: Text,
    pub file_name: AttrValue,
    pub mime_type: AttrValue,
    pub text: AttrValue,
}

#[function_component(DownloadLink)]
pub fn download_link(props: &DownloadLinkProps) -> Html {
    let lang = use_lang();
    // Dropping the previous URL revokes it.
    let url = use_state(|| None::<ObjectUrl>);
    {
        let url = url.clone();
        let mime_type = props.mime_type.clone();
        use_effect_with(props.text.clone(), move |text| {
            let blob = Blob::new_with_options(text.as_str(), Some(&mime_type));
            url.set(Some(ObjectUrl::from(blob)));
        });
    }
    let href = url.as_ref().map(|url| AttrValue::from(url.to_string()));
    html! {
        <a id={props.id.clone()} class="button" {href} download={props.file_name.clone()}>
            { format!("{} {}", props.label.get(lang), props.file_name) }
        </a>
    }
}
