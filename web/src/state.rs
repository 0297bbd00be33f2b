//! The calculator's state: the inputs as the user typed them (or the link
//! carried them), key by key. The scenario and the plan are derived from it.

use headroom_core::query::{self, Decoded};
use headroom_core::{Defaults, Key, Scenario};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub defaults: Defaults,
    /// The query string the page started from.
    pub origin: String,
    /// Typed or linked text by key, in order; for a key given twice the
    /// last one counts, as in a query string.
    pub inputs: Vec<(Key, String)>,
    /// The last text of each key that was accepted. The plan is computed
    /// from these: a field being edited, emptied or refused is marked, and
    /// the plan stays on its last valid value instead of the default.
    pub accepted: Vec<(Key, String)>,
    /// The keys the link carried refused. Their folded sections open on
    /// arrival and only then: a section opened or closed by the state would
    /// fold under the user's fingers once the value they type is accepted.
    pub refused_on_arrival: Vec<Key>,
}

pub enum Action {
    /// The user typed `text` into the input of `key`.
    Set(Key, String),
    /// Several inputs at once, in order (what a measurement sets).
    SetAll(Vec<(Key, String)>),
    /// The page starts over from a query string and defaults: after taking
    /// over the prerendered default plan, the reader's own link and today.
    Start(String, Defaults),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Start(query, defaults) => {
                let fresh = State::start(&query, defaults);
                // Nothing differs (the first render): no render again.
                return if fresh == *self { self } else { Rc::new(fresh) };
            }
            Action::Set(key, text) => next.set(key, &text),
            Action::SetAll(values) => {
                for (key, text) in values {
                    next.set(key, &text);
                }
            }
        }
        Rc::new(next)
    }
}

impl State {
    /// Sets the text of `key`, as if typed; the plan follows it if valid.
    pub fn set(&mut self, key: Key, text: &str) {
        put(&mut self.inputs, key, text);
        if !self.typed().errors.iter().any(|e| e.key == key) {
            put(&mut self.accepted, key, text);
        }
    }

    /// The inputs as typed, decoded: their refusals mark the fields.
    fn typed(&self) -> Decoded {
        let pairs = self.inputs.iter().map(|(k, v)| (k.name(), v.as_str()));
        query::decode_pairs(pairs, self.defaults)
    }

    /// The state a page opens with: [`State::from_query`], in the page's own
    /// language whatever the link says (each language has its own page).
    pub fn start(query: &str, defaults: Defaults) -> State {
        let mut state = State::from_query(query, defaults);
        if let Some(page) = crate::i18n::PAGE {
            state.set(Key::Lang, page.code());
        }
        state
    }

    /// The state a query string describes; unknown keys are dropped, and a
    /// refused value falls back to its default.
    pub fn from_query(query: &str, defaults: Defaults) -> State {
        let inputs: Vec<(Key, String)> = query::pairs(query)
            .filter_map(|(name, value)| Some((Key::from_name(&name)?, value)))
            .collect();
        let mut state = State {
            defaults,
            origin: query.to_owned(),
            inputs: Vec::new(),
            accepted: Vec::new(),
            refused_on_arrival: Vec::new(),
        };
        state.inputs = inputs;
        let refused = state.typed().errors;
        state.accepted = state
            .inputs
            .iter()
            .filter(|(key, _)| !refused.iter().any(|e| e.key == *key))
            .cloned()
            .collect();
        state.refused_on_arrival = refused.iter().map(|e| e.key).collect();
        state
    }

    /// The scenario of the accepted values, and the typed values refused.
    pub fn decoded(&self) -> Decoded {
        let pairs = self.accepted.iter().map(|(k, v)| (k.name(), v.as_str()));
        let scenario = query::decode_pairs(pairs, self.defaults).scenario;
        Decoded {
            scenario,
            errors: self.typed().errors,
        }
    }

    /// What the input of `key` shows: the text typed, else the value in use.
    pub fn text(&self, key: Key, scenario: &Scenario) -> String {
        self.inputs
            .iter()
            .rfind(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .or_else(|| scenario.value(key))
            .unwrap_or_default()
    }
}

/// Sets `key`'s text in `pairs`, last.
fn put(pairs: &mut Vec<(Key, String)>, key: Key, text: &str) {
    pairs.retain(|(k, _)| *k != key);
    pairs.push((key, text.to_owned()));
}
