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
//! use headroom_core::{compose, plan, query, Defaults, Lang, YearMonth};
//!
//! let defaults = Defaults { today: YearMonth::new(2026, 11).unwrap(), lang: Lang::En, day: 1 };
//! let decoded = query::decode("users=2000&growth=10", defaults);
//! assert!(decoded.errors.is_empty());
//!
//! let plan = plan(&decoded.scenario);
//! assert_eq!(plan.tier.number, 3);
//! assert_eq!(plan.load.requests_per_day, 60_000.0);
//! assert_eq!(plan.load.database.display(Lang::En), "10\u{a0}GB");
//!
//! // Files are written from a finished plan.
//! let yaml = compose::for_plan(&plan, &compose::Defaults).unwrap();
//! assert!(yaml.contains("mem_limit: 1200m"));
//!
//! // The link round-trips.
//! assert_eq!(query::encode(&plan.scenario, defaults), "users=2000&growth=10");
//! ```

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

// The layers, lowest first. A module imports its own folder and the folders
// listed above it, never one below: base < source < input < {model, settings}
// < plan < agenda < emit (model and settings are siblings and do not import
// each other). The test `layers` (tests/layers.rs) checks it, and that no two
// modules import each other in a circle.
pub mod agenda;
pub mod base;
pub mod emit;
pub mod input;
pub mod model;
pub mod plan;
pub mod settings;
pub mod source;

// The paths the command line, the JavaScript module, the page and the tests
// have always used (`headroom_core::tier::Tier`) lead to the same modules.
pub use base::{decimal, text, units};
#[cfg(feature = "yaml")]
pub use emit::compose::yaml as base_yaml;
#[cfg(feature = "serde")]
pub use emit::view;
pub use emit::{alerts, compose, kubernetes, query};
pub use input as scenario;
#[cfg(feature = "yaml")]
pub use input::bounded_yaml;
#[cfg(feature = "reports")]
pub use input::measure;
pub use model::growth as timing;
pub use model::{latency, load, queueing, resources, roadmap};

pub use settings::{budget, pooler, postgres, tuning};
pub use source::{corrections, decision, hardware, runbook, tier};

pub use hardware::Host;
pub use plan::{plan, Plan, Verdict};
pub use scenario::{Defaults, InputError, Key, Problem, Scenario, YearMonth};
pub use text::{Lang, Text};
pub use tier::Tier;
