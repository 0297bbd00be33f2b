//! The queueing model's input errors, worded in both languages.

use crate::base::text::{self, tx, Lang, Text};
use std::fmt;

/// An input outside its range; each names the value it refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QueueError {
    /// Servers in parallel: 1 ..= 1,024.
    Servers(u32),
    /// Mean service time, seconds: > 0 ..= 600.
    ServiceTime(f64),
    /// C_s²: 0 ..= 100.
    ServiceSpread(f64),
    /// C_a²: 0 ..= 100.
    ArrivalSpread(f64),
    /// Arrival rate, requests a second: ≥ 0 and finite (> 0 for a demand).
    Rate(f64),
    /// A response time, seconds: ≥ 0 and finite.
    Time(f64),
    /// A percentile as a share: strictly between 0 and 1.
    Probability(f64),
    /// A response-time target, seconds: > 0 and finite.
    Target(f64),
    /// A measured utilisation as a share: 0 ..= 1.
    Busy(f64),
    /// Cores: > 0 ..= 1,024.
    Cores(f64),
}

impl QueueError {
    /// `servers in parallel: "0" refused; expected an integer from 1 to 1,024`.
    pub fn describe(self, lang: Lang) -> String {
        let (name, value, expected) = match self {
            QueueError::Servers(n) => (SERVERS, n.to_string(), SERVERS_RANGE),
            QueueError::ServiceTime(v) => (SERVICE, shown(v, lang), SERVICE_RANGE),
            QueueError::ServiceSpread(v) => (SERVICE_SCV, shown(v, lang), SCV_RANGE),
            QueueError::ArrivalSpread(v) => (ARRIVAL_SCV, shown(v, lang), SCV_RANGE),
            QueueError::Rate(v) => (RATE, shown(v, lang), RATE_RANGE),
            QueueError::Time(v) => (TIME, shown(v, lang), TIME_RANGE),
            QueueError::Probability(v) => (PROBABILITY, shown(v, lang), PROBABILITY_RANGE),
            QueueError::Target(v) => (TARGET, shown(v, lang), TARGET_RANGE),
            QueueError::Busy(v) => (BUSY, shown(v, lang), BUSY_RANGE),
            QueueError::Cores(v) => (CORES, shown(v, lang), CORES_RANGE),
        };
        let (name, expected) = (name.get(lang), expected.get(lang));
        match lang.page() {
            Lang::Fr => format!(
                "{name}\u{a0}: «\u{a0}{value}\u{a0}» refusé\u{a0}; attendu\u{a0}: {expected}"
            ),
            Lang::En => format!("{name}: \"{value}\" refused; expected {expected}"),
        }
    }
}

/// A refused number as the user's language writes it; NaN and infinities
/// as Rust prints them, so the message says what arrived.
fn shown(value: f64, lang: Lang) -> String {
    if value.is_finite() {
        text::number(value, 6, lang)
    } else {
        value.to_string()
    }
}

const SERVERS: Text = tx("serveurs en parallèle", "servers in parallel");
const SERVERS_RANGE: Text = tx(
    "un entier de 1 à 1\u{202f}024",
    "an integer from 1 to 1,024",
);
const SERVICE: Text = tx("temps de service moyen (s)", "mean service time (s)");
const SERVICE_RANGE: Text = tx(
    "un nombre supérieur à 0 et jusqu'à 600",
    "a number above 0 and up to 600",
);
const SERVICE_SCV: Text = tx(
    "dispersion des temps de service (C_s²)",
    "spread of the service times (C_s²)",
);
const ARRIVAL_SCV: Text = tx(
    "dispersion des arrivées (C_a²)",
    "spread of the arrivals (C_a²)",
);
const SCV_RANGE: Text = tx("un nombre de 0 à 100", "a number from 0 to 100");
const RATE: Text = tx("débit d'arrivée (requêtes/s)", "arrival rate (requests/s)");
const RATE_RANGE: Text = tx(
    "un nombre fini, positif ou nul (strictement positif pour une demande de service)",
    "a finite number of at least 0 (above 0 for a service demand)",
);
const TIME: Text = tx("temps de réponse (s)", "response time (s)");
const TIME_RANGE: Text = tx(
    "un nombre fini, positif ou nul",
    "a finite number of at least 0",
);
const PROBABILITY: Text = tx("percentile (part de 1)", "percentile (share of 1)");
const PROBABILITY_RANGE: Text = tx(
    "un nombre strictement entre 0 et 1 (0,95 pour le P95)",
    "a number strictly between 0 and 1 (0.95 for the P95)",
);
const TARGET: Text = tx("temps de réponse visé (s)", "target response time (s)");
const TARGET_RANGE: Text = tx(
    "un nombre fini strictement positif",
    "a finite number above 0",
);
const BUSY: Text = tx(
    "utilisation mesurée (part de 1)",
    "measured utilisation (share of 1)",
);
const BUSY_RANGE: Text = tx("un nombre de 0 à 1", "a number from 0 to 1");
const CORES: Text = tx("cœurs", "cores");
const CORES_RANGE: Text = tx(
    "un nombre supérieur à 0 et jusqu'à 1\u{202f}024",
    "a number above 0 and up to 1,024",
);

impl fmt::Display for QueueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for QueueError {}
