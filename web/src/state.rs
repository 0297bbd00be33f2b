//! The calculator's state: the inputs as the user typed them (or the link
//! carried them), key by key. The scenario and the plan are derived from it.

use headroom_core::query::{self, Decoded};
use headroom_core::{Defaults, Key, Scenario};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub defaults: Defaults,
    /// Typed or linked text by key, in order; for a key given twice the
    /// last one counts, as in a query string.
    pub inputs: Vec<(Key, String)>,
}

pub enum Action {
    /// The user typed `text` into the input of `key`.
    Set(Key, String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(key, text) => next.set(key, &text),
        }
        Rc::new(next)
    }
}

impl State {
    /// Sets the text of `key`, as if typed.
    pub fn set(&mut self, key: Key, text: &str) {
        self.inputs.retain(|(k, _)| *k != key);
        self.inputs.push((key, text.to_owned()));
    }

    /// The state a query string describes; unknown keys are dropped.
    pub fn from_query(query: &str, defaults: Defaults) -> State {
        let inputs = query::pairs(query)
            .filter_map(|(name, value)| Some((Key::from_name(&name)?, value)))
            .collect();
        State { defaults, inputs }
    }

    /// The scenario, and the values refused on the way.
    pub fn decoded(&self) -> Decoded {
        let pairs = self.inputs.iter().map(|(k, v)| (k.name(), v.as_str()));
        query::decode_pairs(pairs, self.defaults)
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
