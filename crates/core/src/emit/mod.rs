//! The emitters: the texts and files written from a finished plan (compose
//! override, alerts, Kubernetes, JSON view, query string).

pub mod alerts;
pub mod compose;
pub mod conf;
pub mod kubernetes;
pub mod query;
#[cfg(feature = "serde")]
pub mod view;
pub mod yaml;
