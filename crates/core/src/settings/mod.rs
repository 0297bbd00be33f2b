//! The server settings: PostgreSQL's memory model, the pooler, the tuning of
//! every service and the machine's budget.

pub mod budget;
pub mod fit;
pub mod pooler;
pub mod postgres;
pub mod tuning;
pub mod usage;
