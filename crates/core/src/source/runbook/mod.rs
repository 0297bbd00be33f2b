//! What to do, step by step: the Pi 4 → mini PC migration (source section 3),
//! the checklist for any compose change (section 5), the special
//! considerations (section 6) and the conclusion (section 8).
//!
//! Commands are templates: `{db}`, `{domain}`, `{target}` and `{pgcontainer}`
//! are replaced by the scenario's names. Every `docker-compose` of the source
//! is written `docker compose` (Compose v2; v1 is retired).

/// Exact row counts of every table of the public schema, one `table|count`
/// a line: run on both sides, the two outputs must be the same.
macro_rules! count_rows {
    () => {
        "SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
    };
}

mod compose_change;
mod conclusion;
mod considerations;
mod migration;
mod to_cloud;

pub use compose_change::{COMPOSE_CHANGE, POOLER};
pub use conclusion::{advice_for, Advice, CONCLUSION, CONCLUSION_SUMMARY};
pub use considerations::{Consideration, CONSIDERATIONS};
pub use migration::{MIGRATION, ROLLBACK};
pub use to_cloud::TO_CLOUD;

use crate::base::text::{tx, Text};

/// Which machine a step runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The machine being left (the Pi 4).
    Source,
    /// The new machine (the mini PC).
    Destination,
    /// The machine whose compose file changes, or the one being left for
    /// the cloud.
    Current,
    /// The cloud (tier 5's architecture).
    Cloud,
}

impl Side {
    pub fn name(self) -> Text {
        match self {
            Side::Source => tx("Sur le Pi 4 (départ)", "On the Pi 4 (source)"),
            Side::Destination => tx("Sur le mini PC (arrivée)", "On the mini PC (destination)"),
            Side::Current => tx("Sur le serveur", "On the server"),
            Side::Cloud => tx("Dans le cloud", "In the cloud"),
        }
    }
}

/// One step: what it does, where, and the commands to type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub side: Side,
    pub title: Text,
    pub commands: &'static [&'static str],
    pub note: Option<Text>,
}

const fn step(side: Side, title: Text, commands: &'static [&'static str]) -> Step {
    Step {
        side,
        title,
        commands,
        note: None,
    }
}

const fn noted(mut step: Step, note: Text) -> Step {
    step.note = Some(note);
    step
}

/// A phase of the migration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Phase {
    pub number: u8,
    pub name: Text,
    pub duration: Text,
    pub tasks: &'static [Text],
    pub checklist: &'static [Text],
    pub steps: &'static [Step],
}
