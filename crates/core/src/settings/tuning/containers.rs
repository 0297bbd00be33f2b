//! The containers a tuning is for, and PostgreSQL's settings that depend on
//! them alone (not on `pgconn`).

use super::checked::{checked, SourceRef};
use super::reason::{Reason, Rule, Why};
use super::rules::*;
use crate::base::units::{Cores, Mebibytes};
use crate::settings::postgres::{self, Memory, SharedSettings};
use crate::source::settings::{SourceSettings, NONE, SOURCE_SETTINGS};
use crate::source::tier::{Limits, Service, Tier};

/// The PostgreSQL settings that depend on the tier only, not on `pgconn`.
pub(super) struct PgBase {
    pub(super) limit: Mebibytes,
    pub(super) cpus: Cores,
    pub(super) shared_buffers: (Mebibytes, Reason),
    pub(super) wal_buffers: Mebibytes,
    pub(super) maintenance: Mebibytes,
    pub(super) whole_cpus: u32,
    pub(super) workers: u32,
    pub(super) per_gather: u32,
}

impl PgBase {
    pub(super) fn new(tier: &Containers) -> Option<PgBase> {
        let source = source_settings(tier)?;
        let pg = tier.limit(Service::Postgres)?;
        let limit = pg.mem_limit;
        let shared_buffers = checked(
            source.shared_buffers,
            limit * (f64::from(SHARED_BUFFERS_CAP_PERCENT) / 100.0),
            limit * (f64::from(SHARED_BUFFERS_PERCENT) / 100.0),
            SourceRef::compose(tier.number),
            Rule::ShareOfLimit {
                percent: SHARED_BUFFERS_PERCENT,
                cap: Some(SHARED_BUFFERS_CAP_PERCENT),
                limit,
            },
            |value| Why::AboveCap {
                percent: 100.0 * value.0 / limit.0,
            },
        );
        let wal_kib = (shared_buffers.0.kibibytes() * f64::from(WAL_BUFFERS_PERCENT) / 100.0)
            .min(WAL_BUFFERS_CAP.kibibytes());
        // Whole pages, as PostgreSQL stores it.
        let page = postgres::PAGE.kibibytes();
        let wal_buffers = Mebibytes::from_kibibytes((wal_kib / page).floor() * page);
        let whole_cpus = (pg.cpus.0.ceil() as u32).max(1);
        let (workers, per_gather) = if whole_cpus >= MIN_PARALLEL_CPUS {
            (
                whole_cpus,
                whole_cpus.div_ceil(2).min(MAX_WORKERS_PER_GATHER),
            )
        } else {
            (0, 0)
        };
        Some(PgBase {
            limit,
            cpus: pg.cpus,
            shared_buffers,
            wal_buffers,
            maintenance: Mebibytes(limit.0 / f64::from(MAINTENANCE_DIVISOR)).floor(),
            whole_cpus,
            workers,
            per_gather,
        })
    }

    pub(super) fn shared(&self, pgconn: u32) -> SharedSettings {
        SharedSettings {
            shared_buffers: self.shared_buffers.0,
            wal_buffers: self.wal_buffers,
            max_connections: pgconn.saturating_add(postgres::SUPERUSER_RESERVED),
            max_worker_processes: self.whole_cpus,
        }
    }

    pub(super) fn memory(&self, pgconn: u32) -> Option<Memory> {
        Memory::fit(
            self.limit,
            self.shared(pgconn),
            self.workers,
            self.maintenance,
        )
    }

    /// The largest `pgconn` whose worst case fits, if any does.
    pub(super) fn largest_pgconn(&self) -> Option<u32> {
        self.memory(1)?;
        let (mut fits, mut fails) = (1, PGCONN_MAX + 1);
        while fails - fits > 1 {
            let middle = fits + (fails - fits) / 2;
            if self.memory(middle).is_some() {
                fits = middle;
            } else {
                fails = middle;
            }
        }
        Some(fits)
    }
}

/// The containers a tuning is for: a tier's compose limits, or tier 5's
/// pods ([`crate::emit::kubernetes`]), which follow the same rules.
#[derive(Clone, Copy, Debug)]
pub struct Containers<'a> {
    /// The tier whose source settings apply (tier 5 has none).
    pub number: u8,
    pub limits: &'a [Limits],
}

impl<'a> Containers<'a> {
    pub fn of(tier: &'a Tier) -> Containers<'a> {
        Containers {
            number: tier.number,
            limits: tier.limits,
        }
    }

    pub(super) fn limit(&self, service: Service) -> Option<&'a Limits> {
        self.limits.iter().find(|l| l.service == service)
    }
}

/// The source's settings for a tier; tier 5 gives none.
pub(super) fn source_settings(tier: &Containers) -> Option<&'static SourceSettings> {
    const TIER_5: SourceSettings = NONE;
    match usize::from(tier.number).checked_sub(1)? {
        4 => Some(&TIER_5),
        index => SOURCE_SETTINGS.get(index),
    }
}

/// The most `pgconn` tier `tier`'s PostgreSQL container holds; `None` on
/// tier 5, which has no container, or if none fits.
pub fn largest_pgconn(tier: &Tier) -> Option<u32> {
    largest_pgconn_in(&Containers::of(tier))
}

/// The most `pgconn` these containers' PostgreSQL holds, if any.
pub fn largest_pgconn_in(containers: &Containers) -> Option<u32> {
    PgBase::new(containers)?.largest_pgconn()
}
