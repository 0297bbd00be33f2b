//! The settings the source gives per tier, in its compose files and its
//! optimisation notes; Headroom's tuning keeps or corrects each of them.

use crate::base::units::Mebibytes;

/// The settings the source gives for a tier (section 1's compose files and
/// optimisation notes); `None` where it gives none.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct SourceSettings {
    pub shared_buffers: Option<Mebibytes>,
    pub work_mem: Option<Mebibytes>,
    pub effective_cache_size: Option<Mebibytes>,
    pub redis_maxmemory: Option<Mebibytes>,
    pub node_max_old_space: Option<Mebibytes>,
}

pub const NONE: SourceSettings = SourceSettings {
    shared_buffers: None,
    work_mem: None,
    effective_cache_size: None,
    redis_maxmemory: None,
    node_max_old_space: None,
};

/// Source, section 1, per tier 1-4.
pub const SOURCE_SETTINGS: [SourceSettings; 4] = [
    // Tier 1 gives limits only.
    NONE,
    // Tier 2: POSTGRES_SHARED_BUFFERS '256MB' (compose file);
    // "max_old_space_size=768m" (optimisations).
    SourceSettings {
        shared_buffers: Some(Mebibytes(256.0)),
        node_max_old_space: Some(Mebibytes(768.0)),
        ..NONE
    },
    // Tier 3: POSTGRES_SHARED_BUFFERS '512MB', POSTGRES_WORK_MEM '64MB',
    // POSTGRES_EFFECTIVE_CACHE_SIZE '1536MB', NODE_OPTIONS
    // '--max-old-space-size=1024' (compose file); Redis "cache limited to 256MB".
    SourceSettings {
        shared_buffers: Some(Mebibytes(512.0)),
        work_mem: Some(Mebibytes(64.0)),
        effective_cache_size: Some(Mebibytes(1536.0)),
        redis_maxmemory: Some(Mebibytes(256.0)),
        node_max_old_space: Some(Mebibytes(1024.0)),
    },
    // Tier 4 gives limits and replicas only.
    NONE,
];
