//! PostgreSQL 15's memory in a container, counted the way a DBA counts the
//! worst case: the shared memory the server allocates at start, what every
//! process costs on its own, the sorts and hashes each query may run at once,
//! and autovacuum. `work_mem` is sized so that the sum stays within the
//! container's `mem_limit`; a `max_connections` for which no `work_mem` of at
//! least [`WORK_MEM_MIN`] fits is refused.

use crate::base::text::Lang;
use crate::base::units::Mebibytes;

/// PostgreSQL 15's `hash_mem_multiplier`: a hash table may take twice `work_mem`.
pub const HASH_MEM_MULTIPLIER: f64 = 2.0;
/// Sorts or hashes one query may run at once (PGTune counts three per connection).
pub const OPERATIONS_PER_QUERY: u32 = 3;
/// PostgreSQL's default `autovacuum_max_workers`; each may take `maintenance_work_mem`.
pub const AUTOVACUUM_WORKERS: u32 = 3;
/// PostgreSQL's default `superuser_reserved_connections`, kept on top of `pgconn`.
pub const SUPERUSER_RESERVED: u32 = 3;
/// Server processes that are not connections or workers: checkpointer,
/// background writer, WAL writer, autovacuum launcher, logical replication
/// launcher.
pub const AUXILIARY_PROCESSES: u32 = 5;
/// What one server process holds that no other shares, once it has run a few
/// queries: catalog and plan caches, its stack and heap. Measured on
/// PostgreSQL 15: 100 client backends hold 1.1 MiB of private memory each once
/// connected and 2.45 MiB (at most 2.47) after a query over
/// `information_schema.columns`; rounded up.
pub const PER_PROCESS: Mebibytes = Mebibytes(2.5);
/// Below this, most sorts spill to disk: a `max_connections` that leaves less
/// `work_mem` does not fit its container.
pub const WORK_MEM_MIN: Mebibytes = Mebibytes(1.0);
/// `work_mem` is rounded down to whole steps of this size.
pub const WORK_MEM_STEP: Mebibytes = Mebibytes::from_kibibytes(64.0);

/// PostgreSQL's `max_wal_senders` default: each sender has a process slot.
const WAL_SENDERS: u32 = 10;
/// PostgreSQL's `max_locks_per_transaction` default, sizing the lock tables.
const LOCKS_PER_TRANSACTION: u32 = 64;
/// PostgreSQL's page, the unit of `shared_buffers` and `wal_buffers`.
pub const PAGE: Mebibytes = Mebibytes::from_kibibytes(8.0);
/// Buffers per MiB of `shared_buffers`.
const BUFFERS_PER_MIB: f64 = 1.0 / PAGE.0;
/// The buffer mapping table holds `shared_buffers` pages plus its partitions.
const BUFFER_PARTITIONS: f64 = 128.0;

/// The settings PostgreSQL sizes its shared memory from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SharedSettings {
    pub shared_buffers: Mebibytes,
    pub wal_buffers: Mebibytes,
    pub max_connections: u32,
    pub max_worker_processes: u32,
}

impl SharedSettings {
    /// Process slots PostgreSQL reserves shared memory for (its `MaxBackends`
    /// plus the WAL senders): connections, autovacuum workers and launcher,
    /// background workers.
    pub fn process_slots(&self) -> u32 {
        self.max_connections
            .saturating_add(AUTOVACUUM_WORKERS + 1)
            .saturating_add(self.max_worker_processes)
            .saturating_add(WAL_SENDERS)
    }

    /// What `postgres -C shared_memory_size` reports for these settings, in
    /// MiB, rounded up (PostgreSQL 15 on 64-bit Linux, other settings at their
    /// defaults).
    ///
    /// PostgreSQL adds up dozens of structures; this is a fit of their sum:
    /// each buffer costs its 8 kB page plus its descriptor and mapping entry
    /// (2.2%), each process slot its PGPROC and lock-table entries (43.5 kB),
    /// and the buffer mapping and lock tables each round their bucket arrays
    /// up to a power of two. Fitted to 734 settings from 8 MB to 2 GB of
    /// `shared_buffers` and 5 to 10,003 connections; it is never below what
    /// PostgreSQL reports there and at most 4 MiB above, and the real-server
    /// tests compare it for every tier.
    pub fn shared_memory(&self) -> Mebibytes {
        const BASE: f64 = 3.131_586;
        const PER_BUFFER_MIB: f64 = 1.022_105;
        const PER_WAL_MIB: f64 = 1.092_263;
        const PER_SLOT: f64 = 0.042_474;
        const PER_LOCK_BUCKET: f64 = 51.008_299e-6;
        const PER_BUFFER_BUCKET: f64 = 6.401_666e-6;
        let slots = f64::from(self.process_slots());
        let lock_entries = slots * f64::from(LOCKS_PER_TRANSACTION);
        let buffers = self.shared_buffers.0 * BUFFERS_PER_MIB + BUFFER_PARTITIONS;
        let size = BASE
            + PER_BUFFER_MIB * self.shared_buffers.0
            + PER_WAL_MIB * self.wal_buffers.0
            + PER_SLOT * slots
            + PER_LOCK_BUCKET * next_power_of_two(lock_entries)
            + PER_BUFFER_BUCKET * next_power_of_two(buffers);
        Mebibytes(size.ceil())
    }
}

/// The smallest power of two at least `n` (n ≥ 1), as a float: dynahash sizes
/// its bucket arrays this way.
fn next_power_of_two(n: f64) -> f64 {
    let mut power = 1.0;
    while power < n {
        power *= 2.0;
    }
    power
}

/// PostgreSQL's worst case in its container, term by term.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    /// The container's `mem_limit`.
    pub limit: Mebibytes,
    /// The settings the shared memory is sized from.
    pub settings: SharedSettings,
    /// Shared memory allocated at start ([`SharedSettings::shared_memory`]).
    pub shared: Mebibytes,
    /// Every process that may run: connections, background workers,
    /// autovacuum workers and the auxiliary processes.
    pub processes: u32,
    /// Connections and parallel workers: the processes that run queries.
    pub query_processes: u32,
    pub work_mem: Mebibytes,
    pub maintenance_work_mem: Mebibytes,
}

impl Memory {
    /// The settings' worst case, with `work_mem` sized to fit within `limit`;
    /// `None` when even [`WORK_MEM_MIN`] does not fit.
    pub fn fit(
        limit: Mebibytes,
        shared: SharedSettings,
        parallel_workers: u32,
        maintenance_work_mem: Mebibytes,
    ) -> Option<Memory> {
        let mut memory = Memory {
            limit,
            settings: shared,
            shared: shared.shared_memory(),
            processes: shared
                .max_connections
                .saturating_add(shared.max_worker_processes)
                .saturating_add(AUTOVACUUM_WORKERS + AUXILIARY_PROCESSES),
            query_processes: shared.max_connections.saturating_add(parallel_workers),
            work_mem: Mebibytes(0.0),
            maintenance_work_mem,
        };
        let per_work_mem = memory.work_mem_multiplier();
        let budget = (limit - memory.fixed()).0 / per_work_mem;
        let work_mem = WORK_MEM_STEP * (budget / WORK_MEM_STEP.0).floor();
        (work_mem >= WORK_MEM_MIN).then(|| {
            memory.work_mem = work_mem;
            memory
        })
    }

    /// The budget `work_mem` is cut from, before rounding: what is left
    /// after the fixed terms, over the number of `work_mem`s that may be in use.
    pub fn work_mem_budget(&self) -> Mebibytes {
        Mebibytes((self.limit - self.fixed()).0 / self.work_mem_multiplier())
    }

    /// How many `work_mem` may be in use at once, hash tables counted at
    /// `hash_mem_multiplier` times: query processes × operations × multiplier.
    pub fn work_mem_multiplier(&self) -> f64 {
        f64::from(self.query_processes) * f64::from(OPERATIONS_PER_QUERY) * HASH_MEM_MULTIPLIER
    }

    /// Every process's own memory.
    pub fn process_overhead(&self) -> Mebibytes {
        PER_PROCESS * f64::from(self.processes)
    }

    /// Sorts and hashes: each query process running its operations at once.
    pub fn query_memory(&self) -> Mebibytes {
        self.work_mem * self.work_mem_multiplier()
    }

    /// Autovacuum workers, each with `maintenance_work_mem`.
    pub fn autovacuum(&self) -> Mebibytes {
        self.maintenance_work_mem * f64::from(AUTOVACUUM_WORKERS)
    }

    /// What does not depend on `work_mem`.
    fn fixed(&self) -> Mebibytes {
        self.shared + self.process_overhead() + self.autovacuum()
    }

    /// The worst case: every term at once.
    pub fn worst_case(&self) -> Mebibytes {
        self.fixed() + self.query_memory()
    }
}

/// One term of [`Memory::worst_case`], for display.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub name: String,
    pub amount: Mebibytes,
    /// How the amount is counted, with the figures.
    pub detail: String,
}

impl Memory {
    /// The worst case's terms, named and explained in `lang`.
    pub fn terms(&self, lang: Lang) -> [Term; 4] {
        let shared = &self.settings;
        let fr = lang.page() == Lang::Fr;
        let mem = |m: Mebibytes| memory_spelling(m);
        let term = |name: (&str, &str), amount, detail: String| Term {
            name: if fr { name.0 } else { name.1 }.to_owned(),
            amount,
            detail,
        };
        let slots = shared.process_slots();
        let (sb, wal) = (mem(shared.shared_buffers), mem(shared.wal_buffers));
        let (processes, per) = (self.processes, PER_PROCESS.display(lang));
        let (queries, ops) = (self.query_processes, OPERATIONS_PER_QUERY);
        let (work_mem, hash) = (mem(self.work_mem), HASH_MEM_MULTIPLIER);
        let (vacuum, maintenance) = (AUTOVACUUM_WORKERS, mem(self.maintenance_work_mem));
        [
            term(
                ("Mémoire partagée", "Shared memory"),
                self.shared,
                if fr {
                    format!("shared_memory_size\u{a0}: shared_buffers {sb}, wal_buffers {wal}, {slots} places")
                } else {
                    format!(
                        "shared_memory_size: shared_buffers {sb}, wal_buffers {wal}, {slots} slots"
                    )
                },
            ),
            term(
                ("Processus", "Processes"),
                self.process_overhead(),
                if fr {
                    format!("{processes} processus × {per}")
                } else {
                    format!("{processes} processes × {per}")
                },
            ),
            term(
                ("Tris et hachages", "Sorts and hashes"),
                self.query_memory(),
                if fr {
                    format!("{queries} processus × {ops} × work_mem {work_mem} × hash_mem_multiplier {hash}")
                } else {
                    format!("{queries} processes × {ops} × work_mem {work_mem} × hash_mem_multiplier {hash}")
                },
            ),
            term(
                ("Autovacuum", "Autovacuum"),
                self.autovacuum(),
                format!("{vacuum} workers × maintenance_work_mem {maintenance}"),
            ),
        ]
    }
}

/// How PostgreSQL spells a memory setting: `300MB`, or `1960kB` when the value is not whole mebibytes.
pub fn memory_spelling(m: Mebibytes) -> String {
    let kib = m.kibibytes().round();
    let whole = Mebibytes::from_kibibytes(kib);
    if whole.0.fract() == 0.0 {
        format!("{}MB", whole.0)
    } else {
        format!("{kib}kB")
    }
}
