//! `--json`: the plan as one JSON object, the core's [`PlanView`] (versioned
//! shape, `schema/plan.schema.json`).

use headroom_core::view::PlanView;
use headroom_core::{Defaults, Plan};
use serde_json::Value;

pub fn render(plan: &Plan, defaults: Defaults) -> Value {
    // A view of plain numbers, strings and options always serializes.
    serde_json::to_value(PlanView::new(plan, defaults)).unwrap_or(Value::Null)
}
