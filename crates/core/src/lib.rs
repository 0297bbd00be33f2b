//! Headroom's capacity model for a self-hosted web stack (nginx, a Node.js API,
//! PostgreSQL, Redis, MinIO, a Next.js front end).
//!
//! From a few inputs — monthly active users, their monthly growth, the machine
//! the stack runs on — [`plan`] says which infrastructure tier that is, the
//! hardware and what it costs, the Docker Compose limits and server settings to
//! apply, the load to expect, when the machine runs out and when to start
//! migrating, and how. Every figure comes from one capacity analysis written
//! for a flashcard app on a Raspberry Pi 4; where that analysis is wrong,
//! Headroom corrects it and keeps the original value beside the correction
//! ([`corrections`]).
//!
//! The crate is pure Rust with no dependencies: the same code runs in the
//! command line and, compiled to WebAssembly, in the browser.
//!
//! ```
//! use headroom_core::{plan, query, Defaults, Lang, YearMonth};
//!
//! let defaults = Defaults { today: YearMonth::new(2026, 11).unwrap(), lang: Lang::En };
//! let decoded = query::decode("users=2000&growth=10", defaults);
//! assert!(decoded.errors.is_empty());
//!
//! let plan = plan(&decoded.scenario);
//! assert_eq!(plan.tier.number, 3);
//! assert_eq!(plan.load.requests_per_day, 60_000.0);
//! assert_eq!(plan.load.database.display(Lang::En), "10\u{a0}GB");
//! assert!(plan.compose_override.unwrap().contains("mem_limit: 1200m"));
//!
//! // The link round-trips.
//! assert_eq!(query::encode(&plan.scenario, defaults), "users=2000&growth=10");
//! ```

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod agenda;
pub mod alerts;
#[cfg(feature = "yaml")]
pub mod base_yaml;
#[cfg(feature = "yaml")]
pub mod bounded_yaml;
pub mod budget;
pub mod compose;
pub mod corrections;
pub mod decimal;
pub mod decision;
pub mod hardware;
pub mod kubernetes;
pub mod load;
#[cfg(feature = "reports")]
pub mod measure;
pub mod plan;
pub mod pooler;
pub mod postgres;
pub mod query;
pub mod queueing;
pub mod resources;
pub mod roadmap;
pub mod runbook;
pub mod scenario;
pub mod text;
pub mod tier;
pub mod timing;
pub mod tuning;
pub mod units;
#[cfg(feature = "serde")]
pub mod view;

pub use hardware::Host;
pub use plan::{plan, Plan, Verdict};
pub use scenario::{Defaults, InputError, Key, Problem, Scenario, YearMonth};
pub use text::{Lang, Text};
pub use tier::Tier;
