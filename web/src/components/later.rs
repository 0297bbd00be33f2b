//! Sections the app takes over one task at a time (progressive hydration).
//!
//! Taking the whole prerendered page over in one go held the main thread for
//! about 200 ms on a mid-range phone. A section wrapped in [`later`] keeps the
//! build's HTML on the screen, as Yew does for a suspended component during
//! hydration, and is taken over in a task of its own once the app has moved
//! to the reader's link: first hydrated with the view the build wrote it
//! from (the DOM must match it), then brought to the reader's plan.
//!
//! Outside hydration (a page built without the prerendered plan, the tests)
//! a section renders at once, like any other.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionHandle};

thread_local! {
    /// Set while the app takes the prerendered page over.
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
    /// The sections still showing the build's HTML, in page order.
    static QUEUE: RefCell<VecDeque<SuspensionHandle>> = const { RefCell::new(VecDeque::new()) };
    /// What waits for every section to be the reader's.
    static WHEN_DONE: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// The app starts taking the prerendered page over: sections created from
/// now on wait for [`take_over`].
pub fn hydrating() {
    HYDRATING.set(true);
}

/// Takes the waiting sections over, one per task, in page order; then runs
/// what [`when_done`] kept. Call once the app has the reader's props.
pub fn take_over() {
    HYDRATING.set(false);
    crate::browser::soon(step);
}

fn step() {
    let next = QUEUE.with(|q| q.borrow_mut().pop_front());
    match next {
        Some(handle) => {
            // The resumed section renders in this task's microtasks.
            handle.resume();
            if crate::browser::hidden() {
                // A tab in the background gets a timer a second: no point in
                // sharing a main thread nobody watches. All the rest now.
                while let Some(handle) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
                    handle.resume();
                }
            }
            // What waits for the end runs after these renders.
            crate::browser::soon(step);
        }
        None => {
            let waiting = WHEN_DONE.with(|w| std::mem::take(&mut *w.borrow_mut()));
            for f in waiting {
                f();
            }
        }
    }
}

/// Runs `f` once every section is the reader's: now, or after the last one
/// is taken over.
pub fn when_done(f: impl FnOnce() + 'static) {
    let pending = HYDRATING.get() || QUEUE.with(|q| !q.borrow().is_empty());
    if pending {
        WHEN_DONE.with(|w| w.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

/// A section drawn by `draw` from `data`, on each render of the page, except
/// while the section waits for its turn (then not at all). `draw` is a plain
/// function: one component serves every section.
pub fn later<T: 'static>(data: Rc<T>, draw: fn(&T) -> Html) -> Html {
    html! {
        <Suspense fallback={Html::default()}>
            <Deferred<T> {data} {draw} />
        </Suspense>
    }
}

#[derive(Properties)]
struct DeferredProps<T: 'static> {
    data: Rc<T>,
    draw: fn(&T) -> Html,
}

impl<T: 'static> PartialEq for DeferredProps<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data) && std::ptr::fn_addr_eq(self.draw, other.draw)
    }
}

enum Phase<T> {
    /// Showing the build's HTML; what it was drawn from.
    Waiting(Suspension, Rc<T>),
    /// Just hydrated with the build's data: the reader's comes next.
    Hydrated,
    Live,
}

#[function_component]
fn Deferred<T: 'static>(props: &DeferredProps<T>) -> HtmlResult {
    let phase = use_mut_ref(|| {
        if HYDRATING.get() {
            let (suspension, handle) = Suspension::new();
            QUEUE.with(|q| q.borrow_mut().push_back(handle));
            Phase::Waiting(suspension, props.data.clone())
        } else {
            Phase::Live
        }
    });
    let update = use_force_update();
    {
        let phase = phase.clone();
        use_effect(move || {
            let mut phase = phase.borrow_mut();
            if matches!(*phase, Phase::Hydrated) {
                *phase = Phase::Live;
                update.force_update();
            }
        });
    }
    let first = match &*phase.borrow() {
        Phase::Waiting(suspension, _) if !suspension.resumed() => {
            return Err(suspension.clone().into());
        }
        Phase::Waiting(_, first) => Some(first.clone()),
        Phase::Hydrated | Phase::Live => None,
    };
    Ok(match first {
        Some(first) => {
            *phase.borrow_mut() = Phase::Hydrated;
            (props.draw)(&first)
        }
        None => (props.draw)(&props.data),
    })
}
