//! Tier 5's Kubernetes bundle, on demand: a button fetches the JavaScript
//! module (which holds the writer; the page's own WebAssembly does not),
//! then the page shows the sized components and a link to the folder as a
//! zip. Once asked for, the bundle follows the plan as it changes.

use super::{table, txt, Row};
use crate::browser::{self, BundleRow};
use crate::i18n::{self, use_lang};
use gloo_file::{Blob, ObjectUrl};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KubernetesBundleProps {
    /// The plan's inputs, as a query string, its language included.
    pub query: AttrValue,
}

#[derive(Clone)]
enum Built {
    Idle,
    Building,
    Done {
        rows: Rc<Vec<BundleRow>>,
        zip_name: AttrValue,
        // Dropping it revokes the link's URL.
        url: Rc<ObjectUrl>,
    },
    Refused(String),
}

#[function_component(KubernetesBundle)]
pub fn kubernetes_bundle(props: &KubernetesBundleProps) -> Html {
    let lang = use_lang();
    let wanted = use_state(|| false);
    let built = use_state(|| Built::Idle);
    {
        let built = built.clone();
        use_effect_with((props.query.clone(), *wanted), move |(query, wanted)| {
            if *wanted {
                built.set(Built::Building);
                let query = query.to_string();
                wasm_bindgen_futures::spawn_local(async move {
                    built.set(match browser::kubernetes_bundle(&query).await {
                        Ok(bundle) => Built::Done {
                            rows: Rc::new(bundle.rows),
                            zip_name: bundle.zip_name.into(),
                            url: Rc::new(ObjectUrl::from(Blob::new_with_options(
                                bundle.zip,
                                Some("application/zip"),
                            ))),
                        },
                        Err(problem) => Built::Refused(problem),
                    });
                });
            }
        });
    }
    let onclick = {
        let wanted = wanted.clone();
        Callback::from(move |_| wanted.set(true))
    };
    let result = match &*built {
        Built::Idle => html! {},
        Built::Building => {
            html! { <p id="k8s-status" role="status">{ i18n::K8S_BUILDING.get(lang) }</p> }
        }
        Built::Refused(problem) => html! {
            <p id="k8s-status" class="warning" role="status">{ format!("{}{}", i18n::K8S_REFUSED.get(lang), problem) }</p>
        },
        Built::Done {
            rows,
            zip_name,
            url,
        } => {
            let rows = rows
                .iter()
                .map(|r| {
                    let mut row = Row::new(vec![
                        txt(format!("{} {}", r.kind, r.name)),
                        txt(r.pods.clone()),
                        txt(r.cpu.clone()),
                        txt(r.memory.clone()),
                        txt(if r.storage.is_empty() {
                            "—".to_owned()
                        } else {
                            r.storage.clone()
                        }),
                        txt(r.origin.clone()),
                    ]);
                    row.class = Some("k8s-component");
                    row
                })
                .collect();
            html! {
                <>
                    <p id="k8s-status" role="status">{ i18n::K8S_DONE.get(lang) }</p>
                    { table(Some("k8s-components"), &[
                        i18n::K8S_COMPONENT.get(lang),
                        i18n::K8S_PODS.get(lang),
                        i18n::K8S_CPU.get(lang),
                        i18n::K8S_MEMORY.get(lang),
                        i18n::K8S_STORAGE.get(lang),
                        i18n::K8S_ORIGIN.get(lang),
                    ], rows) }
                    <p class="note">{ i18n::K8S_HOW.get(lang) }</p>
                    <div class="actions">
                        <a id="download-k8s" class="button" href={url.to_string()} download={zip_name.clone()}>
                            { format!("{} {}", i18n::DOWNLOAD.get(lang), zip_name) }
                        </a>
                    </div>
                </>
            }
        }
    };
    html! {
        <div id="kubernetes-bundle">
            <h3>{ i18n::K8S_TITLE.get(lang) }</h3>
            <p class="note">{ i18n::K8S_WHAT.get(lang) }</p>
            if !*wanted {
                <div class="actions">
                    <button id="build-k8s" type="button" {onclick}>{ i18n::K8S_BUILD.get(lang) }</button>
                </div>
            }
            { result }
        </div>
    }
}
