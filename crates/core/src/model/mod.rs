//! The capacity model: the load, growth, the resources over time, the roadmap of tiers, queueing.

pub mod growth;
pub mod latency;
pub mod load;
pub mod queueing;
pub mod resources;
pub mod roadmap;
