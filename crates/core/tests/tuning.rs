//! Server settings with provenance: the source's values, checked by the rules,
//! and PostgreSQL's worst case within its container.

use headroom_core::postgres::{SharedSettings, WORK_MEM_MIN};
use headroom_core::tier::tier;
use headroom_core::tuning::{
    self, ConnectionsFrom, Reason, Rule, SettingKey, SourcePlace, Tuning, Why,
};
use headroom_core::units::Mebibytes;
use headroom_core::Lang;

fn tuning(number: u8, pgconn: Option<u32>) -> Tuning {
    Tuning::for_tier(tier(number).unwrap(), pgconn).unwrap()
}

fn value(t: &Tuning, key: SettingKey) -> String {
    t.get(key).unwrap().value_text()
}

fn reason(t: &Tuning, key: SettingKey) -> Reason {
    t.get(key).unwrap().reason
}

fn is_source(t: &Tuning, key: SettingKey) -> bool {
    matches!(reason(t, key), Reason::Source { .. })
}

fn corrected_from(t: &Tuning, key: SettingKey) -> Option<f64> {
    match reason(t, key) {
        Reason::Corrected { source, .. } => Some(source.0),
        _ => None,
    }
}

#[test]
fn tier_3_source_values_are_corrected_with_the_source_value_kept() {
    let t = tuning(3, None);
    // shared_buffers: the source's 512MB is 43% of 1200m (over 40%), so 25% of 1200 = 300.
    assert_eq!(value(&t, SettingKey::SharedBuffers), "300MB");
    assert_eq!(corrected_from(&t, SettingKey::SharedBuffers), Some(512.0));
    // effective_cache_size: the source's 1536MB exceeds the 1200m container, so 75% = 900.
    assert_eq!(value(&t, SettingKey::EffectiveCacheSize), "900MB");
    assert_eq!(
        corrected_from(&t, SettingKey::EffectiveCacheSize),
        Some(1536.0)
    );
    // work_mem: the source's 64MB is far over what the worst case leaves.
    assert_eq!(corrected_from(&t, SettingKey::WorkMem), Some(64.0));
    // Kept from the source: Redis 256MB cap (half of 512m).
    assert_eq!(value(&t, SettingKey::RedisMaxmemory), "256mb");
    assert!(is_source(&t, SettingKey::RedisMaxmemory));
    assert_eq!(value(&t, SettingKey::RedisPolicy), "allkeys-lru");
    // Node: the source's 1024 would peak near 100 + 1024 x 2.75 = 2916 MiB, far
    // over 90% of 1500m, so (0.9 x 1500 - 100) / 2.75 = 454.
    assert_eq!(value(&t, SettingKey::NodeMaxOldSpace), "454");
    assert_eq!(
        corrected_from(&t, SettingKey::NodeMaxOldSpace),
        Some(1024.0)
    );
    // Derived: 1200 / 16 = 75; 20 connections behind PgBouncer, plus 3 for superusers.
    assert_eq!(value(&t, SettingKey::MaintenanceWorkMem), "75MB");
    assert_eq!(value(&t, SettingKey::MaxConnections), "23");
    assert_eq!(t.connections, 20);
}

#[test]
fn tier_3_worst_case_term_by_term() {
    let t = tuning(3, None);
    let m = t.memory;
    // max_connections 23 + max_worker_processes 2 + 3 autovacuum workers + 5
    // auxiliary processes = 33 processes at 2.5 MiB each.
    assert_eq!(m.processes, 33);
    assert_eq!(m.process_overhead(), Mebibytes(82.5));
    // 3 autovacuum workers x maintenance_work_mem 75.
    assert_eq!(m.autovacuum(), Mebibytes(225.0));
    // shared_buffers 300, wal_buffers 9, 39 process slots: PostgreSQL 15 reports
    // 321 MB here (postgres -C shared_memory_size); the model is at most 4 above.
    assert_eq!(m.shared, Mebibytes(322.0));
    // 23 connections + 2 parallel workers run queries: 25 x 3 operations x 2.
    assert_eq!(m.query_processes, 25);
    // (1200 - 322 - 82.5 - 225) / 150 = 3.803 MiB, down to 64 kB steps: 3.75 = 3840kB.
    assert_eq!(value(&t, SettingKey::WorkMem), "3840kB");
    assert_eq!(m.query_memory(), Mebibytes(562.5));
    assert_eq!(m.worst_case(), Mebibytes(1192.0));
    assert!(m.worst_case() <= m.limit);
}

#[test]
fn every_tier_and_every_fitting_pgconn_stays_within_mem_limit() {
    for number in 1..=4 {
        let tier = tier(number).unwrap();
        let largest = tuning::largest_pgconn(tier).unwrap();
        for pgconn in (5..=largest).chain([largest]) {
            let t = Tuning::for_tier(tier, Some(pgconn)).unwrap();
            assert_eq!(t.connections, pgconn, "tier {number}");
            let m = t.memory;
            assert!(
                m.worst_case() <= m.limit,
                "tier {number}, pgconn {pgconn}: {:?} over {:?}",
                m.worst_case(),
                m.limit
            );
            assert!(m.work_mem >= WORK_MEM_MIN, "tier {number}, pgconn {pgconn}");
        }
        // One more connection leaves less than 1MB of work_mem.
        let over = Tuning::for_tier(tier, Some(largest + 1)).unwrap();
        assert_ne!(over.connections, largest + 1, "tier {number} falls back");
    }
}

#[test]
fn the_largest_pgconn_per_tier() {
    let largest = |n| tuning::largest_pgconn(tier(n).unwrap()).unwrap();
    assert_eq!(largest(1), 10);
    assert_eq!(largest(2), 35);
    assert_eq!(largest(3), 69);
    assert_eq!(largest(4), 256);
    assert!(tuning::largest_pgconn(tier(5).unwrap()).is_none());
}

#[test]
fn default_connections_fit_their_container() {
    // PostgreSQL's 100 does not fit 256m or 768m: the most that does.
    let t1 = tuning(1, None);
    assert_eq!(t1.connections, 10);
    assert_eq!(value(&t1, SettingKey::MaxConnections), "13");
    assert!(matches!(
        reason(&t1, SettingKey::MaxConnections),
        Reason::Derived(Rule::Connections {
            from: ConnectionsFrom::LargestThatFits,
            ..
        })
    ));
    assert_eq!(tuning(2, None).connections, 35);
    // From tier 3, the source's pooling: 20, the rule's number (the source gives none).
    assert_eq!(
        reason(&tuning(4, None), SettingKey::MaxConnections),
        Reason::Derived(Rule::Connections {
            pgconn: 20,
            from: ConnectionsFrom::Pooled
        })
    );
}

#[test]
fn pgconn_input_feeds_the_work_mem_budget() {
    let few = tuning(4, Some(5));
    assert_eq!(value(&few, SettingKey::MaxConnections), "8");
    // Fewer connections, more work_mem each: (4096 - 1071 - 45 - 768) / (10 x 6) = 36.9.
    assert_eq!(few.memory.query_processes, 10);
    assert_eq!(value(&few, SettingKey::WorkMem), "37696kB");
    assert!(few.memory.work_mem > tuning(4, None).memory.work_mem);
    assert!(matches!(
        reason(&few, SettingKey::MaxConnections),
        Reason::Derived(Rule::Connections {
            pgconn: 5,
            from: ConnectionsFrom::Input
        })
    ));
}

#[test]
fn parallel_workers_follow_the_containers_cpus() {
    // 0.3 and 0.8 cpus: under two whole CPUs, no parallel query.
    for number in [1, 2] {
        let t = tuning(number, None);
        assert_eq!(value(&t, SettingKey::MaxWorkerProcesses), "1");
        assert_eq!(value(&t, SettingKey::MaxParallelWorkers), "0");
        assert_eq!(value(&t, SettingKey::MaxParallelWorkersPerGather), "0");
        assert_eq!(value(&t, SettingKey::MaxParallelMaintenanceWorkers), "0");
        assert_eq!(t.shm.size, Mebibytes(64.0), "Docker's default, stated");
    }
    // 1.5 and 2 cpus: two whole CPUs, one worker per query.
    for number in [3, 4] {
        let t = tuning(number, None);
        assert_eq!(value(&t, SettingKey::MaxWorkerProcesses), "2");
        assert_eq!(value(&t, SettingKey::MaxParallelWorkers), "2");
        assert_eq!(value(&t, SettingKey::MaxParallelWorkersPerGather), "1");
        assert_eq!(value(&t, SettingKey::MaxParallelMaintenanceWorkers), "1");
    }
}

#[test]
fn shm_size_holds_the_parallel_hash_tables() {
    // Tier 3: 4 parallel processes x 3 x work_mem 3.75 x 2 = 90,
    // + maintenance_work_mem 75 + 16 = 181.
    let t3 = tuning(3, None);
    assert_eq!(t3.shm.parallel_processes, 4);
    assert_eq!(t3.shm.size, Mebibytes(181.0));
    // Tier 4: 4 x 3 x 14.4375 x 2 = 346.5, + 256 + 16 = 618.5, up to 619.
    let t4 = tuning(4, None);
    assert_eq!(value(&t4, SettingKey::WorkMem), "14784kB");
    assert_eq!(t4.shm.size, Mebibytes(619.0));
}

#[test]
fn pgtune_parity_settings_and_their_rules() {
    let t = tuning(3, None);
    // 3% of 300MB = 9MB; 3% of 1024MB = 30.7, capped at 16MB; 3% of 64MB in 8 kB pages.
    assert_eq!(value(&t, SettingKey::WalBuffers), "9MB");
    assert_eq!(value(&tuning(4, None), SettingKey::WalBuffers), "16MB");
    assert_eq!(value(&tuning(1, None), SettingKey::WalBuffers), "1960kB");
    assert_eq!(value(&t, SettingKey::MinWalSize), "1024MB");
    assert_eq!(value(&t, SettingKey::MaxWalSize), "4096MB");
    assert_eq!(value(&t, SettingKey::CheckpointCompletionTarget), "0.9");
    assert_eq!(value(&t, SettingKey::RandomPageCost), "1.1");
    assert_eq!(value(&t, SettingKey::EffectiveIoConcurrency), "200");
    assert_eq!(value(&t, SettingKey::DefaultStatisticsTarget), "100");
    assert_eq!(
        reason(&t, SettingKey::RandomPageCost),
        Reason::Derived(Rule::Ssd)
    );
    assert_eq!(
        t.get(SettingKey::WalBuffers).unwrap().provenance(Lang::En),
        "rule: 3% of shared_buffers (300MB), at most 16MB (PGTune)"
    );
}

#[test]
fn provenance_sentences_name_the_source_value_and_the_rule() {
    let t = tuning(3, None);
    let sb = t.get(SettingKey::SharedBuffers).unwrap();
    assert_eq!(
        sb.provenance(Lang::En),
        "corrected: the source's 512MB is 43% of the 1200m mem_limit, above 40%; rule: 25% of the 1200m mem_limit, at most 40%"
    );
    assert_eq!(
        t.get(SettingKey::WorkMem).unwrap().provenance(Lang::En),
        "corrected: the source's 64MB exceeds the 3840kB that PostgreSQL's worst case leaves; \
         rule: (1200 − 322 − 82.5 − 225) / (25 processes × 3 operations × 2 for hashes), \
         in 64kB steps, at least 1MB; Headroom's worst-case rule, stricter than PGTune's, which \
         shares what shared_buffers leaves among the connections without counting hashes, \
         autovacuum or the processes"
    );
    // French writes its decimals with a comma, in the formula too.
    assert!(t
        .get(SettingKey::WorkMem)
        .unwrap()
        .provenance(Lang::Fr)
        .contains("(1\u{202f}200 − 322 − 82,5 − 225)"));
    assert_eq!(
        sb.provenance(Lang::Fr),
        "corrigé\u{a0}: la source donne 512MB, soit 43\u{a0}% du mem_limit de 1200m, au-delà de 40\u{a0}%\u{a0}; règle\u{a0}: 25\u{a0}% du mem_limit de 1200m, 40\u{a0}% au plus"
    );
}

#[test]
fn every_provenance_names_where_the_source_gives_the_value() {
    // The eviction policy is the source's on tier 2 ("allkeys-lru"), whatever tier uses it.
    for number in 2..=4 {
        assert_eq!(
            reason(&tuning(number, None), SettingKey::RedisPolicy),
            Reason::Source {
                tier: 2,
                place: SourcePlace::Optimisations,
                rule: Some(Rule::Eviction)
            }
        );
    }
    assert_eq!(
        tuning(4, None)
            .get(SettingKey::RedisPolicy)
            .unwrap()
            .provenance(Lang::En),
        "source, tier 2's optimisations; within the rule: without an eviction policy, a full Redis refuses writes"
    );
    // Tier 1 sets maxmemory too, so it gets the policy by Headroom's rule.
    assert_eq!(
        reason(&tuning(1, None), SettingKey::RedisPolicy),
        Reason::Derived(Rule::Eviction)
    );
    // Tier 3's Redis cap is in its Redis notes.
    let t3 = tuning(3, None);
    assert!(matches!(
        reason(&t3, SettingKey::RedisMaxmemory),
        Reason::Source {
            tier: 3,
            place: SourcePlace::RedisNotes,
            ..
        }
    ));
}

#[test]
fn redis_leaves_room_for_the_persistence_fork() {
    // Half of each Redis limit: 128m, 256m, (tier 3: the source's 256mb), 1024m.
    assert_eq!(value(&tuning(1, None), SettingKey::RedisMaxmemory), "64mb");
    assert_eq!(value(&tuning(2, None), SettingKey::RedisMaxmemory), "128mb");
    assert_eq!(value(&tuning(4, None), SettingKey::RedisMaxmemory), "512mb");
}

#[test]
fn shared_memory_model_against_measured_postgres_figures() {
    // Pairs measured with `postgres -C shared_memory_size` (PostgreSQL 15.18):
    // (shared_buffers MB, wal_buffers MB, max_connections, max_worker_processes, reported MB).
    const MEASURED: [(f64, f64, u32, u32, f64); 6] = [
        (16.0, 1.0, 5, 8, 20.0),
        (64.0, 2.0, 10_000, 8, 549.0),
        (300.0, 4.0, 103, 2, 320.0),
        (1024.0, 4.0, 103, 2, 1062.0),
        (64.0, 16.0, 103, 2, 89.0),
        (16.0, 1.0, 2_000, 8, 112.0),
    ];
    for (sb, wal, connections, workers, reported) in MEASURED {
        let model = SharedSettings {
            shared_buffers: Mebibytes(sb),
            wal_buffers: Mebibytes(wal),
            max_connections: connections,
            max_worker_processes: workers,
        }
        .shared_memory()
        .0;
        assert!(
            (reported..=reported + 4.0).contains(&model),
            "{sb}MB, {connections} connections: model {model}, PostgreSQL {reported}"
        );
    }
}

#[test]
fn node_heap_leaves_room_outside_the_heap() {
    // The source's heaps would peak far over 90% with the worst leak pattern:
    // tier 2's 768 near 100 + 768 x 2.75 = 2212 MiB of 1024m, tier 3's 1024
    // near 2916 of 1500m; both are replaced.
    for (number, source, resident) in [(2, 768.0, 2212.0), (3, 1024.0, 2916.0)] {
        let t = tuning(number, None);
        assert!(
            matches!(
                reason(&t, SettingKey::NodeMaxOldSpace),
                Reason::Corrected {
                    source: Mebibytes(s),
                    why: Why::NoRoomOutsideHeap { resident: Mebibytes(r) },
                    rule: Rule::NodeHeap { .. },
                } if s == source && r == resident
            ),
            "tier {number}: {:?}",
            reason(&t, SettingKey::NodeMaxOldSpace)
        );
    }
    // (0.9 x limit - 100) / 2.75, rounded down: 512m, 1024m, 1500m, 4096m.
    for (number, heap) in [(1, "131"), (2, "298"), (3, "454"), (4, "1304")] {
        assert_eq!(
            value(&tuning(number, None), SettingKey::NodeMaxOldSpace),
            heap,
            "tier {number}"
        );
    }
    for number in 1..=4 {
        let t = tuning(number, None);
        let heap = t
            .get(SettingKey::NodeMaxOldSpace)
            .unwrap()
            .memory()
            .unwrap();
        assert!(
            tuning::node_resident(heap) <= t.api_limit * 0.9,
            "tier {number}"
        );
        // One MiB more would not fit: the largest heap that does.
        assert!(
            tuning::node_resident(heap + Mebibytes(1.0)) > t.api_limit * 0.9,
            "tier {number}"
        );
    }
    assert!(Tuning::for_tier(tier(5).unwrap(), None).is_none());
}

#[test]
fn node_heap_reason_names_the_leak_patterns_and_what_the_flag_cannot_bound() {
    let t = tuning(1, None);
    let setting = t.get(SettingKey::NodeMaxOldSpace).unwrap();
    let en = setting.provenance(Lang::En);
    assert_eq!(
        en,
        "rule: measured peak resident for the worst of 5 leak patterns: 100 + heap × 2.75, \
         under 90% of 512m; Buffers, outside the heap, are bounded by mem_limit alone"
    );
    let fr = setting.provenance(Lang::Fr);
    assert!(fr.contains("pire de 5 schémas de fuite"), "{fr}");
    assert!(fr.contains("100 + tas × 2,75"), "{fr}");
    assert!(fr.contains("Buffers"), "{fr}");
}

#[test]
fn pgbouncer_from_tier_3_sized_to_pgconn() {
    assert!(tuning(1, None).pooler.is_none());
    assert!(tuning(2, None).pooler.is_none());
    let pooler = tuning(3, Some(50)).pooler.unwrap();
    assert_eq!(pooler.pool_size, 50);
    let get = |key| {
        pooler
            .settings
            .iter()
            .find(|s| s.key == key)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(get("pool_mode"), "transaction");
    assert_eq!(get("default_pool_size"), "50");
    assert_eq!(get("max_db_connections"), "50");
    assert_eq!(get("reserve_pool_size"), "0");
    assert_eq!(
        pooler.connection_strings("postgres", "memolist"),
        [
            "postgresql://USER:PASSWORD@postgres:5432/memolist".to_owned(),
            "postgresql://USER:PASSWORD@pgbouncer:5432/memolist?pgbouncer=true".to_owned()
        ]
    );
}

#[test]
fn the_settings_in_their_other_forms() {
    let t = tuning(3, None);
    let conf = t.postgresql_conf();
    assert!(conf.starts_with("shared_buffers = '300MB'\n"));
    assert!(conf.contains("work_mem = '3840kB'\n"));
    assert!(conf.contains("max_connections = '23'\n"));
    assert_eq!(conf.lines().count(), t.postgres_settings().count());
    let sql = t.alter_system();
    assert!(sql.starts_with("ALTER SYSTEM SET shared_buffers = '300MB';\n"));
    assert!(sql.ends_with("SELECT pg_reload_conf();\n"));
    assert_eq!(
        t.redis_conf(),
        "maxmemory 256mb\nmaxmemory-policy allkeys-lru\n"
    );
}
