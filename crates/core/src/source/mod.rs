//! The source analysis as data: its tiers, hardware, decision table and the
//! corrections Headroom makes to it.

pub mod corrections;
pub mod decision;
pub mod hardware;
pub mod runbook;
pub mod settings;
pub mod tier;
