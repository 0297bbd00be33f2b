//! One file per section of the page. Sections are plain view functions of
//! the plan: only the parts with state of their own (the copy buttons) are
//! components, which keeps the WebAssembly small.

pub mod budget_bar;
pub mod compose_view;
pub mod conclusion;
pub mod considerations;
pub mod copy_button;
pub mod decision_table;
pub mod growth_chart;
pub mod hardware;
pub mod inputs;
pub mod load_profile;
pub mod notices;
pub mod roadmap_view;
pub mod runbooks;
pub mod summary;
pub mod tuning_view;
