//! `--json`: the plan as one JSON object, the core's [`PlanView`] (versioned
//! shape, `schema/plan.schema.json`).

use headroom_core::view::PlanView;
use headroom_core::{Defaults, Plan};
use serde_json::Value;

/// The plan as JSON, with the override as written for the user's file or for
/// Headroom's service names.
pub fn render(plan: &Plan, defaults: Defaults, compose_override: Option<String>) -> Value {
    let view = PlanView::with_override(plan, defaults, compose_override);
    // A view of plain numbers, strings and options always serializes.
    serde_json::to_value(view).unwrap_or(Value::Null)
}
