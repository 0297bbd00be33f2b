//! The figures the tuning rules use: PGTune's web profile made
//! container-aware, Redis's fork room, Node's measured room outside its heap,
//! PostgreSQL's connections and Docker's `/dev/shm`.

use crate::base::units::Mebibytes;

/// `shared_buffers`: 25% of the container, the source's kept up to 40%.
pub const SHARED_BUFFERS_PERCENT: u32 = 25;
pub const SHARED_BUFFERS_CAP_PERCENT: u32 = 40;
/// `effective_cache_size`: 75% of the container, never above it.
pub const EFFECTIVE_CACHE_PERCENT: u32 = 75;
/// `maintenance_work_mem`: PGTune's 1/16 of the memory.
pub const MAINTENANCE_DIVISOR: u32 = 16;
/// `wal_buffers`: PGTune's 3% of `shared_buffers`, 16 MB at most.
pub const WAL_BUFFERS_PERCENT: u32 = 3;
pub const WAL_BUFFERS_CAP: Mebibytes = Mebibytes(16.0);
/// PGTune's web profile: WAL between 1 GB and 4 GB.
pub const MIN_WAL_SIZE: Mebibytes = Mebibytes::from_gibibytes(1.0);
pub const MAX_WAL_SIZE: Mebibytes = Mebibytes::from_gibibytes(4.0);
pub const CHECKPOINT_COMPLETION_TARGET: f64 = 0.9;
pub const DEFAULT_STATISTICS_TARGET: u32 = 100;
/// The source's machines keep the data on an SSD (Pi 4 + 1 TB SSD, mini PC 2 TB SSD).
pub const SSD_RANDOM_PAGE_COST: f64 = 1.1;
pub const SSD_IO_CONCURRENCY: u32 = 200;
/// PGTune caps the workers of one query at four.
pub const MAX_WORKERS_PER_GATHER: u32 = 4;
/// Headroom plans no parallel query on fewer CPUs (of the container's).
pub const MIN_PARALLEL_CPUS: u32 = 2;
/// PGTune's parallel settings start at four CPUs (`selectParallelSettings`
/// returns none below); under that it leaves PostgreSQL's defaults.
pub const PGTUNE_PARALLEL_FROM: u32 = 4;
/// Redis: `maxmemory` at most half the container, so the copy-on-write of the
/// fork that writes an RDB snapshot or rewrites the AOF still fits.
pub const REDIS_PERCENT: u32 = 50;
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
pub const NODE_OUTSIDE_BASE: Mebibytes = Mebibytes(100.0);
pub const NODE_OUTSIDE_SLOPE: f64 = 2.75;
/// The leak patterns the rule was measured with.
pub const NODE_LEAK_PATTERNS: u32 = 5;
pub const NODE_RESIDENT_PERCENT: u32 = 90;
/// Source, tier 2's optimisations: `allkeys-lru`.
pub const POLICY: &str = "allkeys-lru";
/// `max_connections` by default: PostgreSQL's own 100 on tiers 1-2 (fewer
/// where the container cannot hold them), then 20 behind PgBouncer from
/// tier 3, as the source advises pooling there.
pub const DEFAULT_CONNECTIONS: u32 = 100;
pub const POOLED_CONNECTIONS: u32 = 20;
pub const POOLED_FROM_TIER: u8 = crate::settings::pooler::FROM_TIER;
/// The most `pgconn` accepts (SPEC section 2).
pub const PGCONN_MAX: u32 = 10_000;
/// Docker gives a container a 64 MB `/dev/shm` unless told otherwise.
pub const DOCKER_SHM: Mebibytes = Mebibytes(64.0);
/// Room in `/dev/shm` for PostgreSQL's other dynamic shared memory (the
/// statistics, the parallel query's own bookkeeping).
pub const SHM_RESERVE: Mebibytes = Mebibytes(16.0);
/// Parallel processes per worker: the worker and, at most, one leader.
pub const PROCESSES_PER_WORKER: u32 = 2;
