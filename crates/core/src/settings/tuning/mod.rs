//! Server settings for PostgreSQL, Redis and Node.js, each with the reason for
//! its value: the source's value, or the rule that derived or corrected it.
//!
//! The rules follow PGTune's web profile, made container-aware: the memory
//! they share out is the container's `mem_limit` and the CPUs its `cpus`, not
//! the host's. Every value must hold in that container under load: PostgreSQL's
//! worst case ([`crate::settings::postgres::Memory`]) stays within `mem_limit`, Redis
//! keeps room for the fork that persistence makes, Node keeps room for what
//! it holds outside its heap.

mod checked;
mod containers;
mod reason;
mod rules;
mod setting;
mod shm;

pub use containers::{largest_pgconn, largest_pgconn_in, Containers};
pub use reason::{ConnectionsFrom, Reason, Rule, SourcePlace, Why};
pub use rules::{DOCKER_SHM, POOLED_FROM_TIER};
pub use setting::{Setting, SettingKey, Value};
pub use shm::{Shm, ShmReason};

use crate::base::units::{Cores, Mebibytes};
use crate::settings::pooler::Pooler;
use crate::settings::postgres::{self, Memory};
use crate::source::tier::{Service, Tier};
use checked::{checked, SourceRef};
use containers::{source_settings, PgBase};
use rules::*;
use shm::shm;

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

#[cfg(test)]
mod tests {
    use super::reason::*;
    use super::rules::*;
    use super::*;
    use crate::base::text::Lang;
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
            other.contains("× 5 operations × 1.5 for hashes), in 128kB steps, at least 2MB; Headroom's worst-case rule, stricter than PGTune's"),
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
        assert!(cpus_rule(Cores(3.5), 4, 6, Lang::En)
            .contains("nothing parallel below 6; as PGTune does"));
        // Below PGTune's four CPUs the rule is said to be Headroom's alone.
        let small = cpus_rule(Cores(1.5), 2, 2, Lang::En);
        assert!(
            small.starts_with("Headroom's, bounded by the container's cpus"),
            "{small}"
        );
        assert!(small.ends_with(&format!("PGTune sets nothing below {PGTUNE_PARALLEL_FROM} CPUs and leaves PostgreSQL's defaults")), "{small}");
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
                text.contains(&format!("nothing parallel below {MIN_PARALLEL_CPUS};")),
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
