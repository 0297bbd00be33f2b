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
        let reason = self.reason(lang);
        match lang.page() {
            Lang::Fr => format!("{prefix}{key} : {reason}"),
            Lang::En => format!("{prefix}{key}: {reason}"),
        }
    }

    /// Why the value was refused, without the key: what a page says beside
    /// the field itself.
    pub fn reason(&self, lang: Lang) -> String {
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
                Lang::Fr => format!("{value} ne tient pas dans le conteneur PostgreSQL de {limit_mib}m du palier {tier}{at_most}"),
                Lang::En => format!("{value} does not fit tier {tier}'s {limit_mib}m PostgreSQL container{at_most}"),
            };
        }
        let allowed = self.key.allowed().describe(lang);
        match lang.page() {
            Lang::Fr => format!("« {value} » refusé ; attendu : {allowed}"),
            Lang::En => format!("\"{value}\" refused; expected {allowed}"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_is_the_key_then_the_reason() {
        let error = InputError {
            key: Key::Pgconn,
            value: "100".to_owned(),
            problem: Problem::DoesNotFit {
                tier: 3,
                limit_mib: 1200,
                largest: Some(69),
            },
        };
        for (lang, colon) in [(Lang::En, ": "), (Lang::Fr, " : ")] {
            let reason = error.reason(lang);
            assert!(reason.starts_with("100 "), "{reason}");
            assert_eq!(error.message(lang), format!("pgconn{colon}{reason}"));
        }
        let range = InputError::new(Key::Rpu, "0");
        assert_eq!(
            range.message(Lang::En),
            format!("rpu: {}", range.reason(Lang::En))
        );
    }
}
