//! The bundle's sizes, each from the plan's load and a figure of the
//! source's tiers: tier 4's containers carry up to 10,000 users, tier 5's
//! architecture gives the counts (four API instances, a PostgreSQL primary
//! and two replicas, three Redis nodes). Pods are sized for today's load;
//! the autoscalers' ceilings and the volumes for the load in
//! [`HORIZON_MONTHS`] at the user's growth.

use super::BundleError;
use crate::base::units::{Cores, Mebibytes, Megabytes, PerSecond};
use crate::input::scenario::DEFAULT_PEAK_RATIO;
use crate::model::load::{self, Load};
use crate::model::resources::Resource;
use crate::plan::Plan;
use crate::settings::tuning::{self, Containers, SettingKey, Tuning};
use crate::source::hardware::TIER5_ARCHITECTURE;
use crate::source::tier::{self, Limits, Service};

/// Months ahead the autoscalers' ceilings and the volumes are sized for.
pub const HORIZON_MONTHS: u32 = 12;
/// The tier whose containers are the reference: the mini PC's, which carry
/// up to 10,000 users.
const REFERENCE_TIER: u8 = 4;
/// CloudNativePG's instance manager (a Go process, the container's PID 1) and
/// its metrics exporter share PostgreSQL's container: Headroom keeps this much
/// of the limit for them, a margin of its own rather than a measurement.
pub const INSTANCE_MANAGER: Mebibytes = Mebibytes(256.0);
/// One Node.js process runs its JavaScript on one core: an API or front-end
/// pod is one core, which is also what its CPU utilisation is measured against.
pub const NODE_POD_CPU: Cores = Cores(1.0);
/// A Node pod may burst to twice its request: the garbage collector's and
/// libuv's threads run beside the event loop.
pub const NODE_CPU_BURST: f64 = 2.0;
/// The front end: two pods at least, so that one can be drained at a time.
pub const WEB_MIN_REPLICAS: u32 = 2;
/// PgBouncer pods per pooler: two, so that one can restart at a time.
pub const POOLER_INSTANCES: u32 = 2;
/// CloudNativePG's own example for a PgBouncer pod (its manager runs beside
/// PgBouncer): requests 0.1 CPU and 100Mi, limits 0.5 CPU and 500Mi.
pub const POOLER_REQUEST: (Cores, Mebibytes) = (Cores(0.1), Mebibytes(100.0));
pub const POOLER_LIMIT: (Cores, Mebibytes) = (Cores(0.5), Mebibytes(500.0));
/// The OT redis-operator's example for a Sentinel pod: 0.1 CPU, 128Mi.
pub const SENTINEL: (Cores, Mebibytes) = (Cores(0.1), Mebibytes(128.0));
/// Redis's container grows in 256 MiB steps.
pub const REDIS_STEP: Mebibytes = Mebibytes(256.0);
/// Redis's memory: twice today's active cache.
pub const REDIS_CACHE_FACTOR: f64 = 2.0;
/// The WAL volume holds `max_wal_size` this many times (a checkpoint may lag
/// behind), plus [`WAL_KEEP`].
pub const WAL_SIZE_FACTOR: f64 = 2.0;
/// A Redis volume holds the RDB snapshot, the AOF (up to twice the data
/// before Redis rewrites it) and the rewrite's new file: four times `maxmemory`.
pub const REDIS_VOLUME_FACTOR: f64 = 4.0;
/// CloudNativePG's `wal_keep_size` (its default, 512MB) beside twice
/// `max_wal_size` (a checkpoint may lag behind) on the WAL volume.
pub const WAL_KEEP: Mebibytes = Mebibytes(512.0);

/// Ceilings past which one pod or volume is the wrong tool: a bigger cluster
/// of the same kind will not do, the bundle says so.
pub const MAX_REPLICAS: u32 = 1_000;
pub const MAX_POSTGRES_CPUS: f64 = 64.0;
pub const MAX_REDIS_MEMORY: Mebibytes = Mebibytes(65_536.0);
pub const MAX_VOLUME_GIB: u64 = 16_384;

/// A size that hit its ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    ApiReplicas,
    PostgresCpus,
    RedisMemory,
    PostgresVolume,
}

impl Cap {
    pub fn code(self) -> &'static str {
        match self {
            Cap::ApiReplicas => "api_replicas",
            Cap::PostgresCpus => "postgres_cpus",
            Cap::RedisMemory => "redis_memory",
            Cap::PostgresVolume => "postgres_volume",
        }
    }
}

/// What the sizes are scaled from: tier 4's containers at its 10,000 users.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reference {
    pub users: u32,
    /// The peak of those users at the source's 30 requests a day and the
    /// default peak ratio.
    pub peak: PerSecond,
    pub peak_ratio: f64,
    pub api: Limits,
    pub postgres: Limits,
    pub redis: Limits,
}

impl Reference {
    /// The API cores tier 4 runs: its replicas times their CPUs.
    pub fn api_cores(&self) -> Cores {
        self.api.cpus * f64::from(self.api.replicas)
    }
}

/// Pods run by a Deployment and its autoscaler.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pods {
    pub min: u32,
    pub max: u32,
    pub cpu_request: Cores,
    pub cpu_limit: Cores,
    /// Request and limit alike.
    pub memory: Mebibytes,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PostgresSize {
    pub instances: u32,
    /// Request and limit alike (Guaranteed QoS).
    pub cpus: Cores,
    pub memory: Mebibytes,
    /// What PostgreSQL's tuning shares out: the limit less [`INSTANCE_MANAGER`].
    pub budget: Mebibytes,
    pub database_now: Megabytes,
    pub database_horizon: Megabytes,
    /// The decision table's disk warning, %: the volume stays below it.
    pub disk_warning: f64,
    pub storage_gib: u64,
    pub wal_gib: u64,
    pub max_wal_size: Mebibytes,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PoolerSize {
    pub instances: u32,
    /// Server connections of each PgBouncer pod: together, the plan's pool.
    pub pool_per_pod: u32,
    pub max_client_conn: u32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RedisSize {
    pub nodes: u32,
    pub cpus: Cores,
    pub memory: Mebibytes,
    pub cache: Megabytes,
    pub maxmemory: Mebibytes,
    pub storage_gib: u64,
}

/// Every size of the bundle.
#[derive(Clone, Debug, PartialEq)]
pub struct Sizing {
    pub users: u32,
    pub growth_percent: f64,
    pub horizon_users: f64,
    pub reference: Reference,
    pub peak_now: PerSecond,
    pub peak_horizon: PerSecond,
    /// The autoscalers' CPU target, %: the decision table's CPU warning.
    pub target_percent: f64,
    pub api: Pods,
    pub web: Pods,
    pub postgres: PostgresSize,
    pub pooler: PoolerSize,
    pub redis: RedisSize,
    pub sentinels: u32,
    /// Headroom's settings for these containers.
    pub tuning: Tuning,
    pub capped: Vec<Cap>,
}

impl Sizing {
    /// The sizes for a tier-5 plan.
    pub fn of(plan: &Plan) -> Result<Sizing, BundleError> {
        let s = &plan.scenario;
        if plan.tier.number != 5 {
            return Err(BundleError::NotTier5 {
                tier: plan.tier.number,
                users: s.users,
            });
        }
        let reference = reference();
        let mut capped = Vec::new();

        let horizon_users = plan
            .projection
            .get(HORIZON_MONTHS as usize)
            .copied()
            .unwrap_or(f64::from(s.users))
            .max(f64::from(s.users));
        let rpu = |users: u32| {
            s.requests_per_user
                .unwrap_or_else(|| load::source_requests_per_user(users))
        };
        // Past u32 the ceilings below apply anyway.
        let horizon_count = horizon_users.min(f64::from(u32::MAX)) as u32;
        let horizon = Load::new(
            horizon_count,
            rpu(horizon_count),
            s.peak_ratio,
            s.mb_per_user,
        );
        let peak_now = plan.load.peak_requests_per_second;
        let peak_horizon = horizon.peak_requests_per_second;
        let ratio_now = peak_now.0 / reference.peak.0;
        let ratio_horizon = peak_horizon.0 / reference.peak.0;

        let target_percent = Resource::Cpu
            .thresholds()
            .map_or(70.0, |thresholds| thresholds.warning);
        let api_min = TIER5_ARCHITECTURE[0].nodes.len() as u32;
        let cores_at_peak = reference.api_cores().0 * ratio_horizon;
        let wanted = (cores_at_peak / NODE_POD_CPU.0 / (target_percent / 100.0)).ceil();
        if wanted > f64::from(MAX_REPLICAS) {
            capped.push(Cap::ApiReplicas);
        }
        let api_max = wanted.clamp(f64::from(api_min), f64::from(MAX_REPLICAS)) as u32;
        // A Node pod is one core with tier 4's memory per API core.
        let node_memory = Mebibytes(reference.api.mem_limit.0 / reference.api.cpus.0);
        let node_pods = |min, max| Pods {
            min,
            max,
            cpu_request: NODE_POD_CPU,
            cpu_limit: NODE_POD_CPU * NODE_CPU_BURST,
            memory: node_memory,
        };

        let pg_cpus_wanted = (reference.postgres.cpus.0 * ratio_now).ceil();
        if pg_cpus_wanted > MAX_POSTGRES_CPUS {
            capped.push(Cap::PostgresCpus);
        }
        let pg_cpus = Cores(pg_cpus_wanted.clamp(reference.postgres.cpus.0, MAX_POSTGRES_CPUS));
        let pg_memory =
            Mebibytes(reference.postgres.mem_limit.0 / reference.postgres.cpus.0 * pg_cpus.0);
        let budget = pg_memory - INSTANCE_MANAGER;

        let cache = plan.load.cache;
        let redis_wanted = step_up(cache.to_mebibytes() * REDIS_CACHE_FACTOR, REDIS_STEP);
        if redis_wanted > MAX_REDIS_MEMORY {
            capped.push(Cap::RedisMemory);
        }
        let redis_memory = if redis_wanted > MAX_REDIS_MEMORY {
            MAX_REDIS_MEMORY
        } else if redis_wanted < reference.redis.mem_limit {
            reference.redis.mem_limit
        } else {
            redis_wanted
        };

        let limits = [
            Limits {
                service: Service::Api,
                cpus: NODE_POD_CPU,
                mem_limit: node_memory,
                mem_reservation: None,
                replicas: api_min,
            },
            Limits {
                service: Service::Postgres,
                cpus: pg_cpus,
                mem_limit: budget,
                mem_reservation: None,
                replicas: 1,
            },
            Limits {
                service: Service::Redis,
                cpus: reference.redis.cpus,
                mem_limit: redis_memory,
                mem_reservation: None,
                replicas: 1,
            },
        ];
        let containers = Containers {
            number: 5,
            limits: &limits,
        };
        let largest = tuning::largest_pgconn_in(&containers).unwrap_or(0);
        if let Some(pgconn) = s.pg_connections.filter(|&n| n > largest) {
            return Err(BundleError::PgconnDoesNotFit {
                pgconn,
                largest,
                memory: pg_memory,
            });
        }
        let tuning = Tuning::for_containers(&containers, s.pg_connections).ok_or(
            BundleError::PgconnDoesNotFit {
                pgconn: s.pg_connections.unwrap_or(0),
                largest,
                memory: pg_memory,
            },
        )?;

        let disk_warning = Resource::Disk
            .thresholds()
            .map_or(80.0, |thresholds| thresholds.warning);
        let database_now = plan.load.database;
        let database_horizon = Megabytes(horizon_users * s.mb_per_user);
        // Twice today's database: CloudNativePG keeps the import's dump in
        // the data volume beside the restored database.
        let needed = (database_now.0 * 2.0).max(database_horizon.0 / (disk_warning / 100.0));
        let storage_wanted = Megabytes(needed).to_mebibytes().gibibytes().ceil().max(1.0);
        if storage_wanted > MAX_VOLUME_GIB as f64 {
            capped.push(Cap::PostgresVolume);
        }
        let storage_gib = (storage_wanted as u64).min(MAX_VOLUME_GIB);
        let max_wal_size = tuning
            .get(SettingKey::MaxWalSize)
            .and_then(|s| s.memory())
            .unwrap_or(Mebibytes::from_gibibytes(1.0));
        let wal_gib = ((max_wal_size * WAL_SIZE_FACTOR) + WAL_KEEP)
            .gibibytes()
            .ceil() as u64;

        let maxmemory = tuning
            .get(SettingKey::RedisMaxmemory)
            .and_then(|s| s.memory())
            .unwrap_or(redis_memory * 0.5);
        let redis_storage = (maxmemory * REDIS_VOLUME_FACTOR)
            .gibibytes()
            .ceil()
            .max(1.0) as u64;
        let pool_per_pod = (tuning.connections / POOLER_INSTANCES).max(1);

        Ok(Sizing {
            users: s.users,
            growth_percent: s.growth_percent,
            horizon_users,
            reference,
            peak_now,
            peak_horizon,
            target_percent,
            api: node_pods(api_min, api_max),
            web: node_pods(WEB_MIN_REPLICAS, api_max),
            postgres: PostgresSize {
                instances: TIER5_ARCHITECTURE[1].nodes.len() as u32,
                cpus: pg_cpus,
                memory: pg_memory,
                budget,
                database_now,
                database_horizon,
                disk_warning,
                storage_gib,
                wal_gib,
                max_wal_size,
            },
            pooler: PoolerSize {
                instances: POOLER_INSTANCES,
                pool_per_pod,
                max_client_conn: 1_000,
            },
            redis: RedisSize {
                nodes: TIER5_ARCHITECTURE[2].nodes.len() as u32,
                cpus: reference.redis.cpus,
                memory: redis_memory,
                cache,
                maxmemory,
                storage_gib: redis_storage,
            },
            sentinels: TIER5_ARCHITECTURE[2].nodes.len() as u32,
            tuning,
            capped,
        })
    }

    /// The load's growth over the reference, now and at the horizon.
    pub fn ratio_now(&self) -> f64 {
        self.peak_now.0 / self.reference.peak.0
    }

    pub fn ratio_horizon(&self) -> f64 {
        self.peak_horizon.0 / self.reference.peak.0
    }
}

/// Tier 4's containers at its upper bound, and that many users' load.
pub fn reference() -> Reference {
    let tier4 = tier::tier(REFERENCE_TIER).unwrap_or(&tier::TIERS[3]);
    let users = tier4.max_users.unwrap_or(10_000);
    let load = Load::new(
        users,
        load::source_requests_per_user(users),
        DEFAULT_PEAK_RATIO,
        load::SOURCE_MB_PER_USER,
    );
    let of = |service| {
        tier4
            .limit(service)
            .copied()
            .unwrap_or_else(|| tier::TIERS[3].limits[0])
    };
    Reference {
        users,
        peak: load.peak_requests_per_second,
        peak_ratio: DEFAULT_PEAK_RATIO,
        api: of(Service::Api),
        postgres: of(Service::Postgres),
        redis: of(Service::Redis),
    }
}

/// `m` rounded up to whole `step`s, at least one step.
fn step_up(m: Mebibytes, step: Mebibytes) -> Mebibytes {
    Mebibytes(((m.0 / step.0).ceil().max(1.0)) * step.0)
}
