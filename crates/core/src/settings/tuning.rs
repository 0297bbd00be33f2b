//! Server settings for PostgreSQL, Redis and Node.js, each with the reason for
//! its value: the source's value, or the rule that derived or corrected it.
//!
//! The rules follow PGTune's web profile, made container-aware: the memory
//! they share out is the container's `mem_limit` and the CPUs its `cpus`, not
//! the host's. Every value must hold in that container under load: PostgreSQL's
//! worst case ([`crate::settings::postgres::Memory`]) stays within `mem_limit`, Redis
//! keeps room for the fork that persistence makes, Node keeps room for what
//! it holds outside its heap.

use crate::base::text::{self, tx, Lang};
use crate::base::units::{Cores, Mebibytes};
use crate::settings::pooler::Pooler;
use crate::settings::postgres::{self, Memory, SharedSettings};
use crate::source::tier::{Limits, Service, Tier};

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

const NONE: SourceSettings = SourceSettings {
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

/// `shared_buffers`: 25% of the container, the source's kept up to 40%.
const SHARED_BUFFERS_PERCENT: u32 = 25;
const SHARED_BUFFERS_CAP_PERCENT: u32 = 40;
/// `effective_cache_size`: 75% of the container, never above it.
const EFFECTIVE_CACHE_PERCENT: u32 = 75;
/// `maintenance_work_mem`: PGTune's 1/16 of the memory.
const MAINTENANCE_DIVISOR: u32 = 16;
/// `wal_buffers`: PGTune's 3% of `shared_buffers`, 16 MB at most.
const WAL_BUFFERS_PERCENT: u32 = 3;
const WAL_BUFFERS_CAP: Mebibytes = Mebibytes(16.0);
/// PGTune's web profile: WAL between 1 GB and 4 GB.
const MIN_WAL_SIZE: Mebibytes = Mebibytes::from_gibibytes(1.0);
const MAX_WAL_SIZE: Mebibytes = Mebibytes::from_gibibytes(4.0);
const CHECKPOINT_COMPLETION_TARGET: f64 = 0.9;
const DEFAULT_STATISTICS_TARGET: u32 = 100;
/// The source's machines keep the data on an SSD (Pi 4 + 1 TB SSD, mini PC 2 TB SSD).
const SSD_RANDOM_PAGE_COST: f64 = 1.1;
const SSD_IO_CONCURRENCY: u32 = 200;
/// PGTune caps the workers of one query at four.
const MAX_WORKERS_PER_GATHER: u32 = 4;
/// PGTune plans no parallel query on fewer CPUs.
const MIN_PARALLEL_CPUS: u32 = 2;
/// Redis: `maxmemory` at most half the container, so the copy-on-write of the
/// fork that writes an RDB snapshot or rewrites the AOF still fits.
const REDIS_PERCENT: u32 = 50;
/// Node.js keeps memory outside its old space, and how much depends on what
/// fills it. Measured with Node 20.20 (V8 11.3, glibc) on 2 cores: peak
/// resident memory (`/usr/bin/time -f %M`, MiB) of a leak that fills the
/// heap until V8 aborts (tests/src/leaks.rs), the highest of 1 to 10 runs,
/// at each tier's heap under the former rule and under this one:
///
/// | tier, `mem_limit`                  | 1, 512m | 2, 1024m | 3, 1500m | 4, 4096m |
/// |------------------------------------|--------:|---------:|---------:|---------:|
/// | former heap, 100 + heap × 1.035    |     348 |      768 |     1024 |     3465 |
/// | numbers in one array, boxed        |     831 |     1594 |     2281 |   3667 ¹ |
/// | small strings in one array         |     704 |     1577 |     1810 |     5652 |
/// | small objects in one array         |     596 |     1262 |     1814 |     5387 |
/// | large strings (16 MiB each)        |     409 |      825 |     1081 |     3531 |
/// | large arrays (1 Mi elements each)  |     393 |      809 |     1065 |     3508 |
/// | heap now, 100 + heap × 2.75        |     131 |      298 |      454 |     1304 |
/// | numbers in one array, boxed        |     282 |      612 |     1102 |     2896 |
/// | small strings in one array         |     296 |      689 |      889 |     2464 |
/// | small objects in one array         |     280 |      502 |      720 |     2428 |
/// | large strings (16 MiB each)        |     201 |      362 |      521 |     1369 |
/// | large arrays (1 Mi elements each)  |     177 |      337 |      497 |     1346 |
/// | 90% of `mem_limit`                 |     460 |      921 |     1350 |     3686 |
///
/// ¹ Not a heap abort: V8 refuses to grow one array past about 134 million
/// elements.
///
/// Large strings and arrays stay near the heap plus the runtime's 45. One
/// array of millions of tiny values is the worst: V8 queues every element
/// while it marks the array, in memory outside the heap that glibc's
/// per-thread arenas keep once freed (with `MALLOC_ARENA_MAX=1` the worst run
/// at 700 fell from 1695 to 1056), and each collection V8 runs near the limit
/// adds to it. Boxed numbers, 16 bytes each, are the smallest value V8
/// allocates, so the most per MiB: up to 2.43 × the heap, and runs of one
/// pattern at one heap differ by up to 40% (2420 to 3387 at 1434). More
/// collector threads raise it: with `--v8-pool-size=8`, standing in for a
/// host with more cores, the worst of 9 runs was 2.61 × (1304 at 500).
/// [`NODE_OUTSIDE_BASE`] (the runtime and 40 for the app's own code) plus
/// [`NODE_OUTSIDE_SLOPE`] × the heap: each of 206 runs with Node's defaults,
/// from 131 to 3465 MiB, peaked at 84% of it or less, that 2.61 × run at 88%.
/// The heap is the largest that keeps it within [`NODE_RESIDENT_PERCENT`] of
/// the limit. Buffers, and strings decoded from them as latin1, base64 or
/// hex, live outside the heap: the flag never bounds them, only `mem_limit`
/// does (the kernel then kills Node).
const NODE_OUTSIDE_BASE: Mebibytes = Mebibytes(100.0);
const NODE_OUTSIDE_SLOPE: f64 = 2.75;
/// The leak patterns the rule was measured with.
const NODE_LEAK_PATTERNS: u32 = 5;
const NODE_RESIDENT_PERCENT: u32 = 90;
/// Source, tier 2's optimisations: `allkeys-lru`.
const POLICY: &str = "allkeys-lru";
/// `max_connections` by default: PostgreSQL's own 100 on tiers 1-2 (fewer
/// where the container cannot hold them), then 20 behind PgBouncer from
/// tier 3, as the source advises pooling there.
const DEFAULT_CONNECTIONS: u32 = 100;
const POOLED_CONNECTIONS: u32 = 20;
pub const POOLED_FROM_TIER: u8 = crate::settings::pooler::FROM_TIER;
/// The most `pgconn` accepts (SPEC section 2).
const PGCONN_MAX: u32 = 10_000;
/// Docker gives a container a 64 MB `/dev/shm` unless told otherwise.
pub const DOCKER_SHM: Mebibytes = Mebibytes(64.0);
/// Room in `/dev/shm` for PostgreSQL's other dynamic shared memory (the
/// statistics, the parallel query's own bookkeeping).
const SHM_RESERVE: Mebibytes = Mebibytes(16.0);
/// Parallel processes per worker: the worker and, at most, one leader.
const PROCESSES_PER_WORKER: u32 = 2;

/// A tuned setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingKey {
    SharedBuffers,
    EffectiveCacheSize,
    WorkMem,
    MaintenanceWorkMem,
    MaxConnections,
    WalBuffers,
    MinWalSize,
    MaxWalSize,
    CheckpointCompletionTarget,
    RandomPageCost,
    EffectiveIoConcurrency,
    DefaultStatisticsTarget,
    MaxWorkerProcesses,
    MaxParallelWorkers,
    MaxParallelWorkersPerGather,
    MaxParallelMaintenanceWorkers,
    RedisMaxmemory,
    RedisPolicy,
    NodeMaxOldSpace,
}

impl SettingKey {
    /// The setting's name as the server spells it.
    pub fn name(self) -> &'static str {
        match self {
            SettingKey::SharedBuffers => "shared_buffers",
            SettingKey::EffectiveCacheSize => "effective_cache_size",
            SettingKey::WorkMem => "work_mem",
            SettingKey::MaintenanceWorkMem => "maintenance_work_mem",
            SettingKey::MaxConnections => "max_connections",
            SettingKey::WalBuffers => "wal_buffers",
            SettingKey::MinWalSize => "min_wal_size",
            SettingKey::MaxWalSize => "max_wal_size",
            SettingKey::CheckpointCompletionTarget => "checkpoint_completion_target",
            SettingKey::RandomPageCost => "random_page_cost",
            SettingKey::EffectiveIoConcurrency => "effective_io_concurrency",
            SettingKey::DefaultStatisticsTarget => "default_statistics_target",
            SettingKey::MaxWorkerProcesses => "max_worker_processes",
            SettingKey::MaxParallelWorkers => "max_parallel_workers",
            SettingKey::MaxParallelWorkersPerGather => "max_parallel_workers_per_gather",
            SettingKey::MaxParallelMaintenanceWorkers => "max_parallel_maintenance_workers",
            SettingKey::RedisMaxmemory => "maxmemory",
            SettingKey::RedisPolicy => "maxmemory-policy",
            SettingKey::NodeMaxOldSpace => "--max-old-space-size",
        }
    }

    pub fn service(self) -> Service {
        match self {
            SettingKey::RedisMaxmemory | SettingKey::RedisPolicy => Service::Redis,
            SettingKey::NodeMaxOldSpace => Service::Api,
            _ => Service::Postgres,
        }
    }
}

/// A setting's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Memory(Mebibytes),
    Count(u32),
    Decimal(f64),
    Policy(&'static str),
}

/// Where in the source a kept value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourcePlace {
    /// The tier's `docker-compose` block.
    Compose,
    /// The tier's "required optimisations" or software optimisations.
    Optimisations,
    /// Tier 3's advanced Redis settings.
    RedisNotes,
}

/// The rule a value follows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// `percent`% of a container's `mem_limit`, at most `cap`% (a source value
    /// up to the cap is kept), or never above the limit when `cap` is `None`.
    ShareOfLimit {
        percent: u32,
        cap: Option<u32>,
        limit: Mebibytes,
    },
    /// PGTune: 1/`divisor` of the memory, here the container's.
    FractionOfLimit { divisor: u32, limit: Mebibytes },
    /// What PostgreSQL's worst case leaves, shared out between the `work_mem`s
    /// that may be in use at once.
    WorkMemBudget(Memory),
    /// `pgconn` connections for the applications plus the superusers' reserve.
    Connections { pgconn: u32, from: ConnectionsFrom },
    /// PGTune: 3% of `shared_buffers`, at most 16 MB.
    WalBuffers { shared_buffers: Mebibytes },
    /// PGTune's web profile.
    WebProfile,
    /// PGTune for data on an SSD.
    Ssd,
    /// PGTune's parallel settings from the container's `cpus` (rounded up to
    /// whole CPUs); none below two.
    ContainerCpus { cpus: Cores, whole: u32 },
    /// Redis: half its container, room for the persistence fork.
    RedisFork { limit: Mebibytes },
    /// An eviction policy wherever `maxmemory` is set.
    Eviction,
    /// Node.js: the heap whose peak resident memory stays within 90% of the
    /// API's limit.
    NodeHeap { limit: Mebibytes },
}

/// Where `pgconn` comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionsFrom {
    /// Typed in by the user.
    Input,
    /// PostgreSQL's default of 100 connections.
    PostgresDefault,
    /// PostgreSQL's default does not fit the container: the most that does.
    LargestThatFits,
    /// 20 behind PgBouncer, as the source advises pooling from tier 3.
    Pooled,
}

/// Why the source's value was replaced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Why {
    /// It is `percent`% of the limit, above the cap.
    AboveCap { percent: f64 },
    /// It exceeds the container's `mem_limit`.
    AboveLimit,
    /// It exceeds the `work_mem` budget of PostgreSQL's worst case.
    AboveBudget { budget: Mebibytes },
    /// Node.js: with what Node holds outside the heap, it passes the limit.
    NoRoomOutsideHeap { resident: Mebibytes },
}

/// Why a setting has its value: typed, so that the words live in
/// [`Reason::describe`] alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The source's value, kept: it passes the rule's check.
    Source {
        tier: u8,
        place: SourcePlace,
        rule: Option<Rule>,
    },
    /// The source's value broke the rule's check and was replaced.
    Corrected {
        source: Mebibytes,
        why: Why,
        rule: Rule,
    },
    /// The source gives no value; the rule derived one.
    Derived(Rule),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    pub key: SettingKey,
    pub value: Value,
    pub reason: Reason,
}

impl Setting {
    /// The value as the server reads it: `300MB` or `1960kB` (PostgreSQL),
    /// `256mb` (Redis), `1024` (Node's megabytes).
    pub fn value_text(&self) -> String {
        match (self.value, self.key.service()) {
            (Value::Memory(m), Service::Redis) => format!("{}mb", m.0),
            (Value::Memory(m), Service::Api) => format!("{}", m.0),
            (Value::Memory(m), _) => postgres::memory_spelling(m),
            (Value::Count(n), _) => n.to_string(),
            (Value::Decimal(x), _) => x.to_string(),
            (Value::Policy(p), _) => p.to_owned(),
        }
    }

    pub fn memory(&self) -> Option<Mebibytes> {
        match self.value {
            Value::Memory(m) => Some(m),
            _ => None,
        }
    }

    /// Where the value comes from, in a sentence.
    pub fn provenance(&self, lang: Lang) -> String {
        self.reason.describe(lang)
    }
}

/// The PostgreSQL container's `/dev/shm` and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shm {
    pub size: Mebibytes,
    /// Processes that may take part in parallel queries (workers and their
    /// leaders); 0 when the settings allow no parallel query.
    pub parallel_processes: u32,
}

/// Why `/dev/shm` has its size, with every figure its sentence names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ShmReason {
    /// No parallel query: Docker's default `size` is enough.
    DockerDefault { size: Mebibytes },
    /// Parallel hash tables: `processes` × `operations` × `work_mem` ×
    /// `hash_multiplier`, plus `maintenance_work_mem` and `reserve`.
    Parallel {
        processes: u32,
        operations: u32,
        work_mem: Mebibytes,
        hash_multiplier: f64,
        reserve: Mebibytes,
    },
}

impl Shm {
    /// The reason for this size, with the `work_mem` it was counted from.
    pub fn reason(&self, work_mem: Mebibytes) -> ShmReason {
        match self.parallel_processes {
            0 => ShmReason::DockerDefault { size: DOCKER_SHM },
            processes => ShmReason::Parallel {
                processes,
                operations: postgres::OPERATIONS_PER_QUERY,
                work_mem,
                hash_multiplier: postgres::HASH_MEM_MULTIPLIER,
                reserve: SHM_RESERVE,
            },
        }
    }
}

impl ShmReason {
    pub fn describe(self, lang: Lang) -> String {
        match (self, lang.page()) {
            (ShmReason::DockerDefault { size }, Lang::Fr) => {
                format!(
                    "sans requête parallèle, les {}m de Docker suffisent",
                    plain(size)
                )
            }
            (ShmReason::DockerDefault { size }, Lang::En) => {
                format!("no parallel query: Docker's {}m is enough", plain(size))
            }
            (
                ShmReason::Parallel {
                    processes: n,
                    operations: ops,
                    work_mem,
                    hash_multiplier,
                    reserve,
                },
                lang,
            ) => {
                let (work_mem, hash, reserve) = (
                    postgres::memory_spelling(work_mem),
                    text::number(hash_multiplier, 2, lang),
                    plain(reserve),
                );
                match lang {
                    Lang::Fr => format!(
                        "{n} processus parallèles × {ops} × work_mem {work_mem} × {hash}, + maintenance_work_mem, + {reserve}m"
                    ),
                    Lang::En => format!(
                        "{n} parallel processes × {ops} × work_mem {work_mem} × {hash}, + maintenance_work_mem, + {reserve}m"
                    ),
                }
            }
        }
    }
}

/// All the settings for one tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Tuning {
    pub tier: u8,
    pub postgres_limit: Mebibytes,
    pub postgres_cpus: Cores,
    pub redis_limit: Mebibytes,
    pub api_limit: Mebibytes,
    /// Connections the applications may open (`pgconn`); PostgreSQL's
    /// `max_connections` adds the superusers' reserve.
    pub connections: u32,
    /// PostgreSQL's worst case with these settings.
    pub memory: Memory,
    pub shm: Shm,
    /// PostgreSQL, then Redis, then Node.js.
    pub settings: Vec<Setting>,
    /// PgBouncer in front of PostgreSQL, from tier 3.
    pub pooler: Option<Pooler>,
}

/// The PostgreSQL settings that depend on the tier only, not on `pgconn`.
struct PgBase {
    limit: Mebibytes,
    cpus: Cores,
    shared_buffers: (Mebibytes, Reason),
    wal_buffers: Mebibytes,
    maintenance: Mebibytes,
    whole_cpus: u32,
    workers: u32,
    per_gather: u32,
}

impl PgBase {
    fn new(tier: &Containers) -> Option<PgBase> {
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

    fn shared(&self, pgconn: u32) -> SharedSettings {
        SharedSettings {
            shared_buffers: self.shared_buffers.0,
            wal_buffers: self.wal_buffers,
            max_connections: pgconn.saturating_add(postgres::SUPERUSER_RESERVED),
            max_worker_processes: self.whole_cpus,
        }
    }

    fn memory(&self, pgconn: u32) -> Option<Memory> {
        Memory::fit(
            self.limit,
            self.shared(pgconn),
            self.workers,
            self.maintenance,
        )
    }

    /// The largest `pgconn` whose worst case fits, if any does.
    fn largest_pgconn(&self) -> Option<u32> {
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

    fn limit(&self, service: Service) -> Option<&'a Limits> {
        self.limits.iter().find(|l| l.service == service)
    }
}

/// The source's settings for a tier; tier 5 gives none.
fn source_settings(tier: &Containers) -> Option<&'static SourceSettings> {
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

impl Tuning {
    /// `None` for tier 5, which has no compose limits. A `pgconn` that does
    /// not fit the container (the codec refuses it first) falls back to the
    /// tier's default.
    pub fn for_tier(tier: &Tier, pgconn: Option<u32>) -> Option<Tuning> {
        Tuning::for_containers(&Containers::of(tier), pgconn)
    }

    /// The same rules for any PostgreSQL, Redis and API containers; `None`
    /// when one of the three is missing or PostgreSQL's holds no connection.
    pub fn for_containers(tier: &Containers, pgconn: Option<u32>) -> Option<Tuning> {
        let source = source_settings(tier)?;
        let base = PgBase::new(tier)?;
        let largest = base.largest_pgconn()?;
        let redis = tier.limit(Service::Redis)?.mem_limit;
        let api = tier.limit(Service::Api)?.mem_limit;
        let pooled = tier.number >= POOLED_FROM_TIER;

        let (connections, from) = match pgconn {
            Some(n) if n <= largest => (n, ConnectionsFrom::Input),
            _ if pooled => (POOLED_CONNECTIONS.min(largest), ConnectionsFrom::Pooled),
            _ if largest >= DEFAULT_CONNECTIONS => {
                (DEFAULT_CONNECTIONS, ConnectionsFrom::PostgresDefault)
            }
            _ => (largest, ConnectionsFrom::LargestThatFits),
        };
        let memory = base.memory(connections)?;
        let limit = base.limit;

        let effective_cache = checked(
            source.effective_cache_size,
            limit,
            limit * (f64::from(EFFECTIVE_CACHE_PERCENT) / 100.0),
            SourceRef::compose(tier.number),
            Rule::ShareOfLimit {
                percent: EFFECTIVE_CACHE_PERCENT,
                cap: None,
                limit,
            },
            |_| Why::AboveLimit,
        );
        let work_mem = match source.work_mem {
            Some(value) if value <= memory.work_mem => (
                value,
                Reason::Source {
                    tier: tier.number,
                    place: SourcePlace::Compose,
                    rule: Some(Rule::WorkMemBudget(memory)),
                },
            ),
            Some(value) => (
                memory.work_mem,
                Reason::Corrected {
                    source: value,
                    why: Why::AboveBudget {
                        budget: memory.work_mem,
                    },
                    rule: Rule::WorkMemBudget(memory),
                },
            ),
            None => (
                memory.work_mem,
                Reason::Derived(Rule::WorkMemBudget(memory)),
            ),
        };
        let cpus = Rule::ContainerCpus {
            cpus: base.cpus,
            whole: base.whole_cpus,
        };
        // The source advises pooling from tier 3 but gives no number: the
        // value is the rule's (its text says so), never "the source's".
        let connections_reason = Reason::Derived(Rule::Connections {
            pgconn: connections,
            from,
        });

        let memory_setting = |key, (value, reason): (Mebibytes, Reason)| Setting {
            key,
            value: Value::Memory(value),
            reason,
        };
        let derived = |key, value, rule| Setting {
            key,
            value,
            reason: Reason::Derived(rule),
        };
        let mut settings = vec![
            memory_setting(SettingKey::SharedBuffers, base.shared_buffers),
            memory_setting(SettingKey::EffectiveCacheSize, effective_cache),
            memory_setting(SettingKey::WorkMem, work_mem),
            derived(
                SettingKey::MaintenanceWorkMem,
                Value::Memory(base.maintenance),
                Rule::FractionOfLimit {
                    divisor: MAINTENANCE_DIVISOR,
                    limit,
                },
            ),
            Setting {
                key: SettingKey::MaxConnections,
                value: Value::Count(connections + postgres::SUPERUSER_RESERVED),
                reason: connections_reason,
            },
            derived(
                SettingKey::WalBuffers,
                Value::Memory(base.wal_buffers),
                Rule::WalBuffers {
                    shared_buffers: base.shared_buffers.0,
                },
            ),
            derived(
                SettingKey::MinWalSize,
                Value::Memory(MIN_WAL_SIZE),
                Rule::WebProfile,
            ),
            derived(
                SettingKey::MaxWalSize,
                Value::Memory(MAX_WAL_SIZE),
                Rule::WebProfile,
            ),
            derived(
                SettingKey::CheckpointCompletionTarget,
                Value::Decimal(CHECKPOINT_COMPLETION_TARGET),
                Rule::WebProfile,
            ),
            derived(
                SettingKey::RandomPageCost,
                Value::Decimal(SSD_RANDOM_PAGE_COST),
                Rule::Ssd,
            ),
            derived(
                SettingKey::EffectiveIoConcurrency,
                Value::Count(SSD_IO_CONCURRENCY),
                Rule::Ssd,
            ),
            derived(
                SettingKey::DefaultStatisticsTarget,
                Value::Count(DEFAULT_STATISTICS_TARGET),
                Rule::WebProfile,
            ),
            derived(
                SettingKey::MaxWorkerProcesses,
                Value::Count(base.whole_cpus),
                cpus,
            ),
            derived(
                SettingKey::MaxParallelWorkers,
                Value::Count(base.workers),
                cpus,
            ),
            derived(
                SettingKey::MaxParallelWorkersPerGather,
                Value::Count(base.per_gather),
                cpus,
            ),
            derived(
                SettingKey::MaxParallelMaintenanceWorkers,
                Value::Count(base.per_gather),
                cpus,
            ),
        ];

        let redis_max = checked(
            source.redis_maxmemory,
            redis * (f64::from(REDIS_PERCENT) / 100.0),
            redis * (f64::from(REDIS_PERCENT) / 100.0),
            SourceRef {
                tier: tier.number,
                place: SourcePlace::RedisNotes,
            },
            Rule::RedisFork { limit: redis },
            |value| Why::AboveCap {
                percent: 100.0 * value.0 / redis.0,
            },
        );
        settings.push(memory_setting(SettingKey::RedisMaxmemory, redis_max));
        settings.push(Setting {
            key: SettingKey::RedisPolicy,
            value: Value::Policy(POLICY),
            reason: if tier.number >= 2 {
                Reason::Source {
                    tier: 2,
                    place: SourcePlace::Optimisations,
                    rule: Some(Rule::Eviction),
                }
            } else {
                Reason::Derived(Rule::Eviction)
            },
        });
        settings.push(memory_setting(
            SettingKey::NodeMaxOldSpace,
            node_heap(tier.number, source.node_max_old_space, api),
        ));

        Some(Tuning {
            tier: tier.number,
            postgres_limit: limit,
            postgres_cpus: base.cpus,
            redis_limit: redis,
            api_limit: api,
            connections,
            shm: shm(&memory, base.workers, base.per_gather),
            memory,
            settings,
            pooler: pooled.then(|| Pooler::new(connections)),
        })
    }

    pub fn get(&self, key: SettingKey) -> Option<&Setting> {
        self.settings.iter().find(|s| s.key == key)
    }

    /// PostgreSQL's flags, in the order the override writes them.
    pub fn postgres_settings(&self) -> impl Iterator<Item = &Setting> {
        self.settings
            .iter()
            .filter(|s| s.key.service() == Service::Postgres)
    }

    /// The same settings for those who keep their compose command as it is:
    /// `postgresql.conf` lines (include them, or paste them at the end).
    pub fn postgresql_conf(&self) -> String {
        self.postgres_settings()
            .map(|s| format!("{} = '{}'\n", s.key.name(), s.value_text()))
            .collect()
    }

    /// As `ALTER SYSTEM` statements; shared memory and process counts take
    /// effect at the next restart.
    pub fn alter_system(&self) -> String {
        let mut out: String = self
            .postgres_settings()
            .map(|s| {
                format!(
                    "ALTER SYSTEM SET {} = '{}';\n",
                    s.key.name(),
                    s.value_text()
                )
            })
            .collect();
        out.push_str("SELECT pg_reload_conf();\n");
        out
    }

    /// `redis.conf` lines.
    pub fn redis_conf(&self) -> String {
        self.settings
            .iter()
            .filter(|s| s.key.service() == Service::Redis)
            .map(|s| format!("{} {}\n", s.key.name(), s.value_text()))
            .collect()
    }
}

/// `/dev/shm` for the parallel queries the settings allow. A parallel hash
/// join keeps its shared hash table there: every worker and its leader may
/// hold `work_mem` × `hash_mem_multiplier` per operation, and a parallel
/// vacuum keeps its dead tuples there too.
fn shm(memory: &Memory, workers: u32, per_gather: u32) -> Shm {
    if workers == 0 {
        return Shm {
            size: DOCKER_SHM,
            parallel_processes: 0,
        };
    }
    let parallel_processes = workers * PROCESSES_PER_WORKER;
    let hashes = memory.work_mem
        * (f64::from(parallel_processes)
            * f64::from(postgres::OPERATIONS_PER_QUERY)
            * postgres::HASH_MEM_MULTIPLIER);
    let vacuum = if per_gather > 0 {
        memory.maintenance_work_mem
    } else {
        Mebibytes(0.0)
    };
    let size = Mebibytes((hashes + vacuum + SHM_RESERVE).0.ceil());
    Shm {
        size: if size > DOCKER_SHM { size } else { DOCKER_SHM },
        parallel_processes,
    }
}

/// Node's heap: the source's when its peak resident memory fits, else the
/// largest that does, in whole MiB.
fn node_heap(tier: u8, source: Option<Mebibytes>, limit: Mebibytes) -> (Mebibytes, Reason) {
    let rule = Rule::NodeHeap { limit };
    let room = limit * (f64::from(NODE_RESIDENT_PERCENT) / 100.0);
    let largest = Mebibytes(((room - NODE_OUTSIDE_BASE).0 / NODE_OUTSIDE_SLOPE).floor());
    match source {
        Some(value) if node_resident(value) <= room => (
            value,
            Reason::Source {
                tier,
                place: if tier == 2 {
                    SourcePlace::Optimisations
                } else {
                    SourcePlace::Compose
                },
                rule: Some(rule),
            },
        ),
        Some(value) => (
            largest,
            Reason::Corrected {
                source: value,
                why: Why::NoRoomOutsideHeap {
                    resident: node_resident(value),
                },
                rule,
            },
        ),
        None => (largest, Reason::Derived(rule)),
    }
}

/// Node's expected peak resident memory for a full heap of `heap`.
pub fn node_resident(heap: Mebibytes) -> Mebibytes {
    NODE_OUTSIDE_BASE + heap * NODE_OUTSIDE_SLOPE
}

/// Where a source value sits, for [`checked`].
#[derive(Clone, Copy)]
struct SourceRef {
    tier: u8,
    place: SourcePlace,
}

impl SourceRef {
    fn compose(tier: u8) -> SourceRef {
        SourceRef {
            tier,
            place: SourcePlace::Compose,
        }
    }
}

/// The source's value when it is at most `cap`, else the rule's `fallback`;
/// whole mebibytes, rounded down.
fn checked(
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

impl Reason {
    /// The reason in a sentence: `corrected: the source's 512MB is 43% of the
    /// 1200m mem_limit, above 40%; rule: 25% of the 1200m mem_limit, at most 40%`.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        match *self {
            Reason::Source { tier, place, rule } => {
                let place = place.describe(tier, lang);
                match rule {
                    Some(rule) if fr => format!(
                        "source, {place}\u{a0}; conforme à la règle\u{a0}: {}",
                        rule.describe(lang)
                    ),
                    Some(rule) => {
                        format!("source, {place}; within the rule: {}", rule.describe(lang))
                    }
                    None => format!("source, {place}"),
                }
            }
            Reason::Derived(rule) if fr => format!("règle\u{a0}: {}", rule.describe(lang)),
            Reason::Derived(rule) => format!("rule: {}", rule.describe(lang)),
            Reason::Corrected { source, why, rule } => {
                let (source, why, rule) = (
                    postgres::memory_spelling(source),
                    why.describe(rule, lang),
                    rule.describe(lang),
                );
                if fr {
                    format!(
                        "corrigé\u{a0}: la source donne {source}, {why}\u{a0}; règle\u{a0}: {rule}"
                    )
                } else {
                    format!("corrected: the source's {source} {why}; rule: {rule}")
                }
            }
        }
    }
}

impl SourcePlace {
    fn describe(self, tier: u8, lang: Lang) -> String {
        match (self, lang.page()) {
            (SourcePlace::Compose, Lang::Fr) => format!("docker-compose du palier {tier}"),
            (SourcePlace::Compose, Lang::En) => format!("tier {tier}'s docker-compose"),
            (SourcePlace::Optimisations, Lang::Fr) => format!("optimisations du palier {tier}"),
            (SourcePlace::Optimisations, Lang::En) => format!("tier {tier}'s optimisations"),
            (SourcePlace::RedisNotes, Lang::Fr) => format!("configuration Redis du palier {tier}"),
            (SourcePlace::RedisNotes, Lang::En) => format!("tier {tier}'s Redis settings"),
        }
    }
}

impl Why {
    fn describe(self, rule: Rule, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let limit = plain(match rule {
            Rule::ShareOfLimit { limit, .. }
            | Rule::FractionOfLimit { limit, .. }
            | Rule::RedisFork { limit }
            | Rule::NodeHeap { limit } => limit,
            Rule::WorkMemBudget(memory) => memory.limit,
            _ => Mebibytes(0.0),
        });
        let pct = |p: f64| text::percent(p, 0, lang);
        match self {
            Why::AboveCap { percent } => {
                let cap = match rule {
                    Rule::ShareOfLimit { cap: Some(cap), .. } => cap,
                    Rule::RedisFork { .. } => REDIS_PERCENT,
                    _ => 100,
                };
                let (share, cap) = (pct(percent), pct(f64::from(cap)));
                if fr {
                    format!("soit {share} du mem_limit de {limit}m, au-delà de {cap}")
                } else {
                    format!("is {share} of the {limit}m mem_limit, above {cap}")
                }
            }
            Why::AboveLimit if fr => format!("ce qui dépasse le mem_limit de {limit}m"),
            Why::AboveLimit => format!("exceeds the {limit}m mem_limit"),
            Why::AboveBudget { budget } => {
                let budget = postgres::memory_spelling(budget);
                if fr {
                    format!("au-delà des {budget} que laisse le pire cas de PostgreSQL")
                } else {
                    format!("exceeds the {budget} that PostgreSQL's worst case leaves")
                }
            }
            Why::NoRoomOutsideHeap { resident } => {
                let (resident, share) = (
                    resident.display(lang),
                    pct(f64::from(NODE_RESIDENT_PERCENT)),
                );
                if fr {
                    format!(
                        "culminerait vers {resident} avec la pire fuite, plus de {share} de {limit}m"
                    )
                } else {
                    format!(
                        "would peak near {resident} with the worst leak, over {share} of {limit}m"
                    )
                }
            }
        }
    }
}

/// The `work_mem` rule: the worst case's terms over the `work_mem`s in use
/// (`ops` per query process, hashes at `hash` times), in `step`s, `min` at least.
fn work_mem_rule(
    memory: Memory,
    ops: u32,
    hash: f64,
    step: Mebibytes,
    min: Mebibytes,
    lang: Lang,
) -> String {
    let terms = [
        memory.limit,
        memory.shared,
        memory.process_overhead(),
        memory.autovacuum(),
    ]
    // Written as the sum reads: `82.5` in English, `82,5` in French,
    // and no thousands comma in English (`1200`, like `1200m`).
    .map(|m| match lang.page() {
        Lang::En => text::number(m.0, 2, lang).replace(',', ""),
        Lang::Fr => text::number(m.0, 2, lang),
    })
    .join(" − ");
    let n = memory.query_processes;
    let hash = text::number(hash, 2, lang);
    let (step, min) = (
        postgres::memory_spelling(step),
        postgres::memory_spelling(min),
    );
    if lang.page() == Lang::Fr {
        format!(
            "({terms}) / ({n} processus × {ops} opérations × {hash} pour les hachages), par pas de {step}, {min} au moins"
        )
    } else {
        format!(
            "({terms}) / ({n} processes × {ops} operations × {hash} for hashes), in {step} steps, at least {min}"
        )
    }
}

/// Where `pgconn` comes from, PostgreSQL's default being `default`.
fn connections_why(from: ConnectionsFrom, default: u32, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    match (from, fr) {
        (ConnectionsFrom::Input, true) => "saisi".to_owned(),
        (ConnectionsFrom::Input, false) => "your input".to_owned(),
        (ConnectionsFrom::PostgresDefault, true) => {
            format!("la valeur par défaut de PostgreSQL, {default}")
        }
        (ConnectionsFrom::PostgresDefault, false) => format!("PostgreSQL's default of {default}"),
        (ConnectionsFrom::LargestThatFits, true) => {
            format!("le maximum qui tient (pas les {default} de PostgreSQL)")
        }
        (ConnectionsFrom::LargestThatFits, false) => {
            format!("the most that fits (PostgreSQL's {default} does not)")
        }
        (ConnectionsFrom::Pooled, true) => {
            "derrière PgBouncer, comme la source le conseille".to_owned()
        }
        (ConnectionsFrom::Pooled, false) => "behind PgBouncer, as the source advises".to_owned(),
    }
}

/// PGTune's parallel settings on `cpus` (`whole` rounded up), none below `min`.
fn cpus_rule(cpus: Cores, whole: u32, min: u32, lang: Lang) -> String {
    let c = text::number(cpus.0, 2, lang);
    if lang.page() == Lang::Fr {
        format!("PGTune sur cpus {c} → {whole}\u{a0}; rien en parallèle sous {min}")
    } else {
        format!("PGTune on cpus {c} → {whole}; nothing parallel below {min}")
    }
}

/// A whole number of MiB as Docker and the servers write it: `1200`.
fn plain(m: Mebibytes) -> String {
    text::fixed(m.0, 0)
}

impl Rule {
    /// The rule with this tier's figures.
    pub fn describe(self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let pct = |p: u32| text::percent(f64::from(p), 0, lang);
        match self {
            Rule::ShareOfLimit {
                percent,
                cap,
                limit,
            } => {
                let (percent, limit) = (pct(percent), plain(limit));
                match (cap.map(pct), fr) {
                    (Some(cap), true) => {
                        format!("{percent} du mem_limit de {limit}m, {cap} au plus")
                    }
                    (Some(cap), false) => {
                        format!("{percent} of the {limit}m mem_limit, at most {cap}")
                    }
                    (None, true) => {
                        format!("{percent} du mem_limit de {limit}m, jamais plus que lui")
                    }
                    (None, false) => format!("{percent} of the {limit}m mem_limit, never above it"),
                }
            }
            Rule::FractionOfLimit { divisor, limit } => {
                let limit = plain(limit);
                if fr {
                    format!("1/{divisor} du mem_limit de {limit}m (PGTune)")
                } else {
                    format!("1/{divisor} of the {limit}m mem_limit (PGTune)")
                }
            }
            Rule::WorkMemBudget(memory) => work_mem_rule(
                memory,
                postgres::OPERATIONS_PER_QUERY,
                postgres::HASH_MEM_MULTIPLIER,
                postgres::WORK_MEM_STEP,
                postgres::WORK_MEM_MIN,
                lang,
            ),
            Rule::Connections { pgconn, from } => {
                let reserved = postgres::SUPERUSER_RESERVED;
                let why = connections_why(from, DEFAULT_CONNECTIONS, lang);
                if fr {
                    format!("pgconn {pgconn} ({why}) + {reserved} réservées aux superutilisateurs")
                } else {
                    format!("pgconn {pgconn} ({why}) + {reserved} reserved for superusers")
                }
            }
            Rule::WalBuffers { shared_buffers } => {
                let (p, sb, cap) = (
                    pct(WAL_BUFFERS_PERCENT),
                    postgres::memory_spelling(shared_buffers),
                    postgres::memory_spelling(WAL_BUFFERS_CAP),
                );
                if fr {
                    format!("{p} de shared_buffers ({sb}), {cap} au plus (PGTune)")
                } else {
                    format!("{p} of shared_buffers ({sb}), at most {cap} (PGTune)")
                }
            }
            Rule::WebProfile => tx("profil web de PGTune", "PGTune's web profile")
                .get(lang)
                .to_owned(),
            Rule::Ssd => tx(
                "PGTune pour un SSD, le disque de la source",
                "PGTune for an SSD, the source's disk",
            )
            .get(lang)
            .to_owned(),
            Rule::ContainerCpus { cpus, whole } => cpus_rule(cpus, whole, MIN_PARALLEL_CPUS, lang),
            Rule::RedisFork { limit } => {
                let (p, limit) = (pct(REDIS_PERCENT), plain(limit));
                if fr {
                    format!(
                        "{p} du mem_limit de {limit}m\u{a0}: le reste pour le fork de persistance"
                    )
                } else {
                    format!("{p} of the {limit}m mem_limit: the rest for the persistence fork")
                }
            }
            Rule::Eviction => tx(
                "sans politique d'éviction, Redis plein refuse les écritures",
                "without an eviction policy, a full Redis refuses writes",
            )
            .get(lang)
            .to_owned(),
            Rule::NodeHeap { limit } => {
                let (base, p, limit) = (
                    plain(NODE_OUTSIDE_BASE),
                    pct(NODE_RESIDENT_PERCENT),
                    plain(limit),
                );
                let (slope, n) = (
                    text::number(NODE_OUTSIDE_SLOPE, 3, lang),
                    NODE_LEAK_PATTERNS,
                );
                if fr {
                    format!(
                        "pic résident mesuré pour le pire de {n} schémas de fuite\u{a0}: {base} + tas × {slope}, sous {p} des {limit}m\u{a0}; les Buffers, hors du tas, n'ont que le mem_limit pour borne"
                    )
                } else {
                    format!(
                        "measured peak resident for the worst of {n} leak patterns: {base} + heap × {slope}, under {p} of {limit}m; Buffers, outside the heap, are bounded by mem_limit alone"
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tier::TIERS;

    fn tier(number: usize) -> Tuning {
        Tuning::for_tier(&TIERS[number - 1], None).unwrap()
    }

    #[test]
    fn the_work_mem_rule_names_the_figures_it_is_given() {
        let memory = tier(3).memory;
        let other = work_mem_rule(
            memory,
            5,
            1.5,
            Mebibytes::from_kibibytes(128.0),
            Mebibytes(2.0),
            Lang::En,
        );
        assert!(
            other.ends_with("× 5 operations × 1.5 for hashes), in 128kB steps, at least 2MB"),
            "{other}"
        );
        // The rule's sentence is the one of PostgreSQL's constants, and
        // `work_mem` is cut with the same ones.
        let step = postgres::memory_spelling(postgres::WORK_MEM_STEP);
        let ours = Rule::WorkMemBudget(memory).describe(Lang::Fr);
        assert!(ours.contains(&format!("par pas de {step},")), "{ours}");
        assert_eq!(
            Rule::WorkMemBudget(memory).describe(Lang::En),
            work_mem_rule(
                memory,
                postgres::OPERATIONS_PER_QUERY,
                postgres::HASH_MEM_MULTIPLIER,
                postgres::WORK_MEM_STEP,
                postgres::WORK_MEM_MIN,
                Lang::En
            )
        );
        assert_eq!((memory.work_mem.0 / postgres::WORK_MEM_STEP.0).fract(), 0.0);
    }

    #[test]
    fn the_default_connections_are_named_from_the_constant() {
        for default in [DEFAULT_CONNECTIONS, 50] {
            let en = connections_why(ConnectionsFrom::PostgresDefault, default, Lang::En);
            assert_eq!(en, format!("PostgreSQL's default of {default}"));
            let fr = connections_why(ConnectionsFrom::LargestThatFits, default, Lang::Fr);
            assert!(
                fr.contains(&format!("pas les {default} de PostgreSQL")),
                "{fr}"
            );
        }
        let rule = Rule::Connections {
            pgconn: DEFAULT_CONNECTIONS,
            from: ConnectionsFrom::PostgresDefault,
        };
        let text = rule.describe(Lang::En);
        assert!(
            text.contains(&format!("default of {DEFAULT_CONNECTIONS})")),
            "{text}"
        );
    }

    #[test]
    fn the_parallel_floor_is_named_from_the_constant() {
        assert!(cpus_rule(Cores(3.5), 4, 6, Lang::En).ends_with("nothing parallel below 6"));
        for number in 1..=4 {
            let t = tier(number);
            let whole = t.get(SettingKey::MaxWorkerProcesses).unwrap().value;
            let Value::Count(whole) = whole else {
                panic!("{whole:?}")
            };
            let workers = t.get(SettingKey::MaxParallelWorkers).unwrap();
            // No worker below the floor the sentence names.
            assert_eq!(
                workers.value == Value::Count(0),
                whole < MIN_PARALLEL_CPUS,
                "tier {number}"
            );
            let text = workers.reason.describe(Lang::En);
            assert!(
                text.ends_with(&format!("nothing parallel below {MIN_PARALLEL_CPUS}")),
                "{text}"
            );
        }
    }

    #[test]
    fn the_shm_sentence_names_the_figures_its_size_is_counted_with() {
        let other = ShmReason::Parallel {
            processes: 6,
            operations: 5,
            work_mem: Mebibytes(2.0),
            hash_multiplier: 1.5,
            reserve: Mebibytes(32.0),
        };
        assert_eq!(
            other.describe(Lang::En),
            "6 parallel processes × 5 × work_mem 2MB × 1.5, + maintenance_work_mem, + 32m"
        );
        let docker = ShmReason::DockerDefault {
            size: Mebibytes(128.0),
        };
        assert!(docker.describe(Lang::Fr).contains("les 128m de Docker"));
        let mut parallel = 0;
        for number in 1..=4 {
            let t = tier(number);
            match t.shm.reason(t.memory.work_mem) {
                ShmReason::DockerDefault { size } => assert_eq!(size, t.shm.size),
                ShmReason::Parallel {
                    processes,
                    operations,
                    work_mem,
                    hash_multiplier,
                    reserve,
                } => {
                    parallel += 1;
                    // The size is the sum the sentence writes.
                    let sum = work_mem
                        * (f64::from(processes) * f64::from(operations) * hash_multiplier)
                        + t.memory.maintenance_work_mem
                        + reserve;
                    assert_eq!(
                        t.shm.size.0,
                        sum.0.ceil().max(DOCKER_SHM.0),
                        "tier {number}"
                    );
                }
            }
        }
        assert!(parallel > 0);
    }
}
