//! A folded section whose content is built only once it is wanted: when the
//! reader opens it, or before the page prints (print shows folded sections
//! open). The page's first render, and the prerendered HTML, hold only its
//! summary line.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FoldedProps {
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Option<AttrValue>,
    /// The summary line, always there.
    pub summary: AttrValue,
    /// Builds the content; called only while the section is wanted.
    pub content: Callback<(), Html>,
}

#[function_component(Folded)]
pub fn folded(props: &FoldedProps) -> Html {
    let wanted = use_state(|| false);
    let ontoggle = {
        let wanted = wanted.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            if open && !*wanted {
                wanted.set(true);
            }
        })
    };
    {
        // Print lays the page out right after `beforeprint`: the state set
        // here renders in the microtasks that run before it.
        let wanted = wanted.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || wanted.set(true));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "beforeprint",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "beforeprint",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    html! {
        <details id={props.id.clone()} class={props.class.clone()} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if *wanted {
                { props.content.emit(()) }
            }
        </details>
    }
}
