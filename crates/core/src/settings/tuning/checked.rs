//! A value the source gives, kept when it is within the rule's cap, else
//! replaced by the rule's own, with the reason either way.

use super::reason::{Reason, Rule, SourcePlace, Why};
use crate::base::units::Mebibytes;

/// Where a source value sits, for [`checked`].
#[derive(Clone, Copy)]
pub(super) struct SourceRef {
    pub(super) tier: u8,
    pub(super) place: SourcePlace,
}

impl SourceRef {
    pub(super) fn compose(tier: u8) -> SourceRef {
        SourceRef {
            tier,
            place: SourcePlace::Compose,
        }
    }
}

/// The source's value when it is at most `cap`, else the rule's `fallback`;
/// whole mebibytes, rounded down.
pub(super) fn checked(
    source: Option<Mebibytes>,
    cap: Mebibytes,
    fallback: Mebibytes,
    at: SourceRef,
    rule: Rule,
    why: impl Fn(Mebibytes) -> Why,
) -> (Mebibytes, Reason) {
    match source {
        Some(value) if value <= cap => (
            value,
            Reason::Source {
                tier: at.tier,
                place: at.place,
                rule: Some(rule),
            },
        ),
        Some(value) => (
            fallback.floor(),
            Reason::Corrected {
                source: value,
                why: why(value),
                rule,
            },
        ),
        None => (fallback.floor(), Reason::Derived(rule)),
    }
}
