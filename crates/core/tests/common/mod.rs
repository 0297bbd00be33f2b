//! Shared by the test files: a fixed clock and language, and a plan from a query.
#![allow(dead_code)]

use headroom_core::{plan, query, Defaults, Lang, Plan, YearMonth};

pub fn defaults() -> Defaults {
    Defaults {
        today: YearMonth::new(2026, 11).expect("valid month"),
        lang: Lang::En,
        day: 1,
    }
}

/// The plan for a query string; panics if the query has a refused value.
pub fn plan_for(query: &str) -> Plan {
    let decoded = query::decode(query, defaults());
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    plan(&decoded.scenario)
}
