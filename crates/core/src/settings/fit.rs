//! The input check that needs the settings: whether PostgreSQL with the
//! user's `pgconn` fits the container of its tier. The query decoder, the
//! command line and [`crate::plan`] call it once every input is set.

use crate::input::error::{InputError, Problem};
use crate::input::key::Key;
use crate::input::scenario::Scenario;
use crate::settings::tuning;
use crate::source::tier::{self, Service};

impl Scenario {
    /// Refuses a `pgconn` whose PostgreSQL cannot fit the container of the
    /// tier its users are in, naming the largest that fits; the scenario then
    /// takes the tier's default. Call it once every input is set.
    pub fn refuse_unfit_connections(&mut self) -> Option<InputError> {
        let pgconn = self.pg_connections?;
        let tier = tier::tier_for(self.users);
        let limit = tier.limit(Service::Postgres)?.mem_limit;
        let largest = tuning::largest_pgconn(tier);
        if largest.is_some_and(|largest| pgconn <= largest) {
            return None;
        }
        self.pg_connections = None;
        Some(InputError {
            key: Key::Pgconn,
            value: pgconn.to_string(),
            problem: Problem::DoesNotFit {
                tier: tier.number,
                limit_mib: limit.0 as u32,
                largest,
            },
        })
    }
}
