//! A refused input and its message, in the plan's language.

use crate::base::text::Lang;
use crate::input::key::Key;
use std::fmt;

/// A refused input value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub key: Key,
    /// The value as given, shortened to 40 characters.
    pub value: String,
    pub problem: Problem,
}

/// Why a value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not of the key's type, or outside its range ([`Key::allowed`]).
    OutOfRange,
    /// `pgconn`: PostgreSQL's worst case with that many connections does not
    /// fit the tier's container; `largest` does.
    DoesNotFit {
        tier: u8,
        limit_mib: u32,
        largest: Option<u32>,
    },
}

impl InputError {
    pub(crate) fn new(key: Key, value: &str) -> InputError {
        const SHOWN: usize = 40;
        let value = if value.chars().count() > SHOWN {
            let mut short: String = value.chars().take(SHOWN).collect();
            short.push('…');
            short
        } else {
            value.to_owned()
        };
        InputError {
            key,
            value,
            problem: Problem::OutOfRange,
        }
    }

    /// The message with the key written as `prefix` + key: `--users` on the CLI.
    pub fn message_with_prefix(&self, prefix: &str, lang: Lang) -> String {
        let key = self.key.name();
        let value = &self.value;
        if let Problem::DoesNotFit {
            tier,
            limit_mib,
            largest,
        } = self.problem
        {
            let at_most = match (largest, lang.page()) {
                (Some(n), Lang::Fr) => format!(" ; au plus {n}"),
                (Some(n), Lang::En) => format!("; at most {n}"),
                (None, _) => String::new(),
            };
            return match lang.page() {
                Lang::Fr => format!("{prefix}{key} : {value} ne tient pas dans le conteneur PostgreSQL de {limit_mib}m du palier {tier}{at_most}"),
                Lang::En => format!("{prefix}{key}: {value} does not fit tier {tier}'s {limit_mib}m PostgreSQL container{at_most}"),
            };
        }
        let allowed = self.key.allowed().describe(lang);
        match lang.page() {
            Lang::Fr => format!("{prefix}{key} : « {value} » refusé ; attendu : {allowed}"),
            Lang::En => format!("{prefix}{key}: \"{value}\" refused; expected {allowed}"),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.message_with_prefix("", lang)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}
