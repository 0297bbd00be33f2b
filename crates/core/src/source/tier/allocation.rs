//! The rows of a tier's hardware allocation table.

use crate::base::text::{tx, Text};

/// A resource of the hardware allocation tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    Cpu,
    Ram,
    Disk,
    Bandwidth,
}

impl Resource {
    pub fn name(self) -> Text {
        match self {
            Resource::Cpu => tx("Processeur", "CPU"),
            Resource::Ram => tx("Mémoire", "RAM"),
            Resource::Disk => tx("Disque", "Disk"),
            Resource::Bandwidth => tx("Bande passante", "Bandwidth"),
        }
    }
}

/// One row of a tier's hardware allocation table: what the tier uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allocation {
    pub resource: Resource,
    /// Lower bound; `None` for "below `high`".
    pub low: Option<f64>,
    pub high: f64,
    pub unit: Text,
    pub note: Text,
}

pub(super) const fn alloc(
    resource: Resource,
    low: f64,
    high: f64,
    unit: Text,
    note: Text,
) -> Allocation {
    Allocation {
        resource,
        low: Some(low),
        high,
        unit,
        note,
    }
}

pub(super) const CORES_USED: Text = tx("cœurs utilisés", "cores in use");
pub(super) const GB_USED: Text = tx("Go utilisés", "GB in use");
pub(super) const GB: Text = tx("Go", "GB");
pub(super) const MBPS_AVG: Text = tx("Mbit/s en moyenne", "Mbps on average");
