//! The user's input: the scenario and its keys, and the readers of what the
//! user pastes (a YAML file, measurements).

#[cfg(feature = "yaml")]
pub mod bounded_yaml;
#[cfg(feature = "reports")]
pub mod measure;
pub mod scenario;
