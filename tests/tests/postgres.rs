#![cfg(not(target_arch = "wasm32"))]
//! PostgreSQL 15 and PgBouncer, started on 127.0.0.1 with exactly what the
//! override says, prove the settings hold in the real servers: the shared
//! memory the core counts is what PostgreSQL reports, a forced parallel hash
//! join over millions of rows runs inside the override's `/dev/shm`, `SHOW`
//! gives every value, and the generated PgBouncer serves 200 clients at once
//! in front of the override's `max_connections`.

mod emitted;

use emitted::{args, bytes, compose, environment, plan_for, postgres_settings, service};
use headroom_e2e::servers::{
    backend_pids, concurrent_clients, postgres_shared_memory_size_mb, private_memory_kib,
    PgBouncer, Postgres,
};

/// One link per tier (and the links' pgconn spread for the memory checks).
const TIERS: [(u8, &str); 4] = [
    (1, "users=80"),
    (2, "users=300"),
    (3, "users=1200"),
    (4, "users=5000"),
];

/// The override's PostgreSQL flags and `/dev/shm` for a link.
fn postgres_of(query: &str) -> (Vec<String>, u64) {
    let plan = plan_for(query);
    let compose = compose(&plan);
    let postgres = service(&compose, "postgres");
    let shm = postgres
        .shm_size
        .map(bytes)
        .unwrap_or_else(|| panic!("{query}: the postgres service has no shm_size"));
    (args(postgres, "postgres"), shm)
}

/// The links to try per tier: the fewest connections, the tier's default, the most that fit.
fn pgconn_spread(query: &str) -> Vec<String> {
    let plan = plan_for(query);
    let largest = headroom_core::tuning::largest_pgconn(plan.tier).expect("a container");
    vec![
        format!("{query}&pgconn=5"),
        query.to_owned(),
        format!("{query}&pgconn={largest}"),
    ]
}

#[test]
fn the_core_counts_the_shared_memory_postgres_reports() {
    for (tier, query) in TIERS {
        for link in pgconn_spread(query) {
            let (flags, _) = postgres_of(&link);
            let reported = postgres_shared_memory_size_mb(&flags) as f64;
            let plan = plan_for(&link);
            let memory = plan.tuning.expect("tuning").memory;
            let counted = memory.shared.0;
            eprintln!(
                "tier {tier}, {link}: shared_memory_size {reported} MB, counted {counted}; worst case {} of {} MiB",
                memory.worst_case().0,
                memory.limit.0
            );
            assert!(
                (reported..=reported + 4.0).contains(&counted),
                "tier {tier}, {link}: the core counts {counted} MiB, PostgreSQL reports {reported}"
            );
        }
    }
}

/// A table of `rows` rows joined with itself: PostgreSQL hashes one side.
const SETUP: &str = "CREATE TABLE t AS SELECT g AS id, md5(g::text) AS v FROM generate_series(1, 2000000) g; ANALYZE t;";
/// Parallel plans made free, so the planner takes one wherever the settings allow it.
const FORCE_PARALLEL: &str = "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; \
SET min_parallel_table_scan_size = 0; SET enable_mergejoin = off; SET enable_nestloop = off;";
const JOIN: &str = "SELECT count(*) FROM t a JOIN t b ON a.id = b.id AND a.v = b.v;";

/// The join's plan and result, in one session with the forced settings.
fn forced_join(pg: &Postgres) -> Result<String, String> {
    pg.psql(&format!(
        "{FORCE_PARALLEL} EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {JOIN} {JOIN}"
    ))
}

#[test]
fn every_tier_runs_a_forced_parallel_hash_join_inside_its_dev_shm() {
    // The tier's default connections, and the fewest: fewer connections get
    // more work_mem each, so the largest hash tables in /dev/shm.
    for (tier, query) in TIERS {
        for link in [query.to_owned(), format!("{query}&pgconn=5")] {
            parallel_hash_join_holds(tier, &link);
        }
    }
}

fn parallel_hash_join_holds(tier: u8, link: &str) {
    let plan = plan_for(link);
    let tuning = plan.tuning.as_ref().expect("tuning");
    let (flags, shm) = postgres_of(link);
    let pg = Postgres::start(&flags, shm);

    // SHOW gives back every value the override sets.
    for (name, value) in postgres_settings(&flags) {
        let same = pg
            .psql(&format!(
                "SELECT CASE WHEN '{value}' ~ '^[0-9]+(kB|MB|GB)$' \
                 THEN pg_size_bytes(current_setting('{name}')) = pg_size_bytes('{value}') \
                 ELSE current_setting('{name}') = '{value}' END"
            ))
            .unwrap_or_else(|e| panic!("{link}: SHOW {name}: {e}"));
        assert_eq!(
            same,
            "t",
            "{link}: SHOW {name} is {}, the override says {value}",
            pg.show(&name)
        );
    }

    pg.psql(SETUP)
        .unwrap_or_else(|e| panic!("{link}: loading rows: {e}"));
    let out = forced_join(&pg).unwrap_or_else(|e| {
        panic!(
            "{link}: the parallel hash join failed in a {} MiB /dev/shm: {e}",
            shm >> 20
        )
    });
    eprintln!(
        "tier {tier}, {link}: shm_size {} MiB, work_mem {}: the join ran{}",
        shm >> 20,
        tuning
            .get(headroom_core::tuning::SettingKey::WorkMem)
            .expect("work_mem")
            .value_text(),
        if out.contains("Workers Launched: 1") {
            " with 1 parallel worker"
        } else {
            " without parallel workers"
        }
    );
    assert!(out.ends_with("2000000"), "{link}: {out}");
    if tuning.shm.parallel_processes > 0 {
        assert!(
            out.contains("Parallel Hash"),
            "{link}: not parallel:\n{out}"
        );
        assert!(out.contains("Workers Launched: 1"), "{link}:\n{out}");
    } else {
        assert!(
            !out.contains("Gather"),
            "{link}: no parallel query at these cpus:\n{out}"
        );
    }
    pg.stop();
}

#[test]
fn postgresql_defaults_in_dockers_64m_dev_shm_fail_the_same_join() {
    // The control: what an override without shm_size and parallel settings
    // gave at tier 3 (work_mem 15MB, PostgreSQL's two workers per query) in
    // Docker's default /dev/shm. The same join must fail there, or the test
    // above proves nothing.
    let flags: Vec<String> = [
        "-c",
        "shared_buffers=300MB",
        "-c",
        "effective_cache_size=900MB",
        "-c",
        "work_mem=15MB",
        "-c",
        "maintenance_work_mem=75MB",
        "-c",
        "max_connections=20",
    ]
    .map(str::to_owned)
    .to_vec();
    let pg = Postgres::start(&flags, 64 << 20);
    pg.psql(SETUP).expect("loading rows");
    let error = forced_join(&pg).expect_err("the join should run out of /dev/shm");
    assert!(
        error.contains("could not resize shared memory segment")
            || error.contains("No space left on device"),
        "{error}"
    );
    pg.stop();
}

#[test]
fn pgbouncer_serves_200_clients_in_front_of_the_overrides_max_connections() {
    const CLIENTS: usize = 200;
    // Every client holds its connection until one moment, a few seconds
    // after the first starts: the 200 overlap however slowly a busy machine
    // starts them, so the direct control refuses the same way every run.
    let held_query = || {
        let epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_secs_f64();
        format!(
            "SELECT pg_sleep_until(to_timestamp({:.3})), count(*) FROM generate_series(1, 10000)",
            epoch + 5.0
        )
    };
    for (tier, query) in [(3, "users=1200"), (4, "users=5000")] {
        let plan = plan_for(query);
        let compose = compose(&plan);
        let (flags, shm) = postgres_of(query);
        let pg = Postgres::start(&flags, shm);

        // Without the pooler, 200 clients are more than max_connections.
        let direct = concurrent_clients(pg.port(), CLIENTS, &held_query());
        let refused = direct.iter().filter(|r| r.is_err()).count();
        eprintln!("tier {tier}: {CLIENTS} clients straight to PostgreSQL: {refused} refused");
        assert!(
            refused > 0,
            "tier {tier}: 200 direct clients were all served: the control proves nothing"
        );
        assert!(
            direct
                .iter()
                .filter_map(|r| r.as_ref().err())
                .all(|e| e.contains("too many clients") || e.contains("reserved for")),
            "tier {tier}: {:?}",
            direct.iter().find(|r| r.is_err())
        );

        // PgBouncer with the override's pool settings (the image takes each
        // pgbouncer.ini key in capitals); host, user, password and auth type
        // are the harness's own: this PostgreSQL on 127.0.0.1, trusted.
        let settings: Vec<(String, String)> = environment(service(&compose, "pgbouncer"))
            .into_iter()
            .filter(|(name, _)| !name.starts_with("DB_") && name != "AUTH_TYPE")
            .map(|(name, value)| (name.to_ascii_lowercase(), value))
            .collect();
        assert!(settings.contains(&("pool_mode".to_owned(), "transaction".to_owned())));
        let bouncer = PgBouncer::start(&settings, &pg);
        let pooled = concurrent_clients(bouncer.port(), CLIENTS, &held_query());
        let failures: Vec<&String> = pooled.iter().filter_map(|r| r.as_ref().err()).collect();
        eprintln!(
            "tier {tier}: {CLIENTS} clients through PgBouncer: {} refused",
            failures.len()
        );
        assert!(
            failures.is_empty(),
            "tier {tier}: {} of {CLIENTS} refused, first: {:?}",
            failures.len(),
            failures.first()
        );
        drop(bouncer);
        pg.stop();
    }
}

#[test]
fn each_backend_stays_within_the_per_process_memory_the_core_counts() {
    // Tier 3's PostgreSQL, its 20 pooled connections each past a catalog-wide
    // query, sampled while they sleep.
    let (flags, shm) = postgres_of("users=1200");
    let pg = Postgres::start(&flags, shm);
    let port = pg.port();
    let clients = std::thread::spawn(move || {
        concurrent_clients(
            port,
            20,
            "SELECT count(*) FROM information_schema.columns; SELECT pg_sleep(4)",
        )
    });
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let private: Vec<u64> = backend_pids(&pg)
        .into_iter()
        .map(private_memory_kib)
        .collect();
    let outcomes = clients.join().expect("the clients' thread");
    assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
    assert!(
        private.len() >= 15,
        "only {} backends sampled",
        private.len()
    );
    let budget_kib = (headroom_core::postgres::PER_PROCESS.0 * 1024.0) as u64;
    let largest = private.iter().copied().max().unwrap_or_default();
    assert!(
        largest <= budget_kib,
        "a backend holds {largest} KiB of its own, over the {budget_kib} KiB the core counts"
    );
    pg.stop();
}

#[test]
fn the_conf_snippet_and_alter_system_are_accepted_by_postgres() {
    for (tier, query) in TIERS {
        let plan = plan_for(query);
        let tuning = plan.tuning.as_ref().expect("tuning");
        let count = tuning.postgres_settings().count();
        let pg = Postgres::start(&[], 64 << 20);
        // postgresql.conf: an included file, as a user would add it.
        let data = pg.data_dir();
        std::fs::write(data.join("headroom.conf"), tuning.postgresql_conf())
            .expect("write headroom.conf");
        let mut conf =
            std::fs::read_to_string(data.join("postgresql.conf")).expect("postgresql.conf");
        conf.push_str("\ninclude 'headroom.conf'\n");
        std::fs::write(data.join("postgresql.conf"), conf).expect("include headroom.conf");
        pg.psql("SELECT pg_reload_conf()").expect("reload");
        // Each line read without error; the ones that size shared memory or
        // processes wait for a restart ("setting could not be applied"), which
        // pg_settings marks as pending_restart.
        let read = |file: &str| {
            pg.psql(&format!(
                "SELECT count(*) FILTER (WHERE f.error IS NULL OR (f.error = 'setting could not be applied' AND s.pending_restart)), \
                 count(*) FILTER (WHERE f.error IS NOT NULL AND NOT (f.error = 'setting could not be applied' AND s.pending_restart)) \
                 FROM pg_file_settings f JOIN pg_settings s USING (name) WHERE f.sourcefile LIKE '%{file}'"
            ))
            .expect("pg_file_settings")
        };
        assert_eq!(
            read("headroom.conf"),
            format!("{count}|0"),
            "tier {tier}: postgresql.conf"
        );
        // ALTER SYSTEM: every statement runs, postgresql.auto.conf holds them all.
        pg.psql_script(&tuning.alter_system())
            .unwrap_or_else(|e| panic!("tier {tier}: ALTER SYSTEM: {e}"));
        assert_eq!(
            read("postgresql.auto.conf"),
            format!("{count}|0"),
            "tier {tier}: ALTER SYSTEM"
        );
        pg.stop();
    }
}
