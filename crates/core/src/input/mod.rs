//! The user's input: the scenario, the one table of its query keys, setting
//! a value from text with its check, and the readers of what the user pastes
//! (a YAML file, measurements).

#[cfg(feature = "yaml")]
pub mod bounded_yaml;
pub mod error;
pub mod key;
#[cfg(feature = "reports")]
pub mod measure;
pub mod measured;
pub mod names;
pub mod number;
pub mod role;
pub mod scenario;
pub mod set;

// Everything a scenario is made of, under one path (`headroom_core::scenario`
// outside the crate).
pub use crate::base::month::YearMonth;
pub use crate::source::decision::Metrics;
pub use error::{InputError, Problem};
pub use key::{Allowed, Key};
pub use measured::Measured;
pub use names::{Name, Names};
pub use scenario::{
    CustomHost, Defaults, Scenario, Service, DEFAULT_GROWTH_PERCENT, DEFAULT_HOST_CPUS,
    DEFAULT_HOST_DISK_GB, DEFAULT_HOST_MEMORY_GIB, DEFAULT_MB_PER_USER, DEFAULT_PEAK_RATIO,
    DEFAULT_USERS, MAX_SERVERS, MAX_SERVICE_MS, MAX_SPREAD,
};
