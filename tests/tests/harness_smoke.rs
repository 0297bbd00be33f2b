#![cfg(not(target_arch = "wasm32"))]
//! The server harness (headroom_e2e::servers) itself: each server starts
//! with exactly the given settings, answers, refuses what it should, and is
//! gone (PID and directory) once stopped or dropped. No browser needed.
//!
//! The `measure_*` tests are not checks but the measurements behind the
//! memory model; they are ignored by default:
//!   cargo test -p headroom-e2e --test harness_smoke -- --ignored --nocapture --test-threads=1

use headroom_e2e::leaks::HEAP_LEAKS;
use headroom_e2e::servers::{
    backend_pids, child_pids, concurrent_clients, node_peak_rss_kib, node_run, pid_alive,
    postgres_shared_memory_size_mb, private_memory_kib, proc_status_kib, smaps_rollup, strings,
    try_smaps_rollup, PgBouncer, Postgres, Redis, FILL_HEAP_JS,
};
use std::process::Command;
use std::time::{Duration, Instant};

const MIB: u64 = 1024 * 1024;

/// Polls `cond` every 50 ms for up to `secs`; panics with `what` on timeout.
fn wait_until(secs: u64, what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !cond() {
        assert!(
            Instant::now() < deadline,
            "timed out after {secs} s: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The mount options of /dev/shm as `pid` sees it (its mount namespace).
fn dev_shm_options(pid: u32) -> String {
    let mountinfo = std::fs::read_to_string(format!("/proc/{pid}/mountinfo"))
        .expect("read /proc/PID/mountinfo");
    mountinfo
        .lines()
        .rfind(|l| l.split_whitespace().nth(4) == Some("/dev/shm"))
        .unwrap_or_else(|| panic!("no /dev/shm in the mountinfo of {pid}:\n{mountinfo}"))
        .to_string()
}

#[test]
fn postgres_runs_the_given_flags_as_postgres_in_its_own_shm_and_stops_by_pid() {
    let pg = Postgres::start(
        &strings(&[
            "-c",
            "shared_buffers=32MB",
            "-c",
            "work_mem=4MB",
            "-c",
            "max_connections=20",
        ]),
        64 * MIB,
    );
    let pid = pg.pid();
    assert_eq!(pg.show("shared_buffers"), "32MB");
    assert_eq!(pg.show("work_mem"), "4MB");
    assert_eq!(pg.show("max_connections"), "20");
    assert_eq!(pg.show("fsync"), "off", "the harness-only prefix");
    assert_eq!(pg.show("listen_addresses"), "127.0.0.1");
    assert_eq!(pg.show("port"), pg.port().to_string());

    // The spawned PID is the postmaster, running as postgres, and sees a
    // 64 MiB /dev/shm of its own.
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).expect("read comm");
    assert_eq!(comm.trim(), "postgres");
    assert!(
        proc_status_kib(pid, "VmRSS") > 0,
        "the postmaster has a resident set"
    );
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read status");
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .expect("a Uid line");
    assert!(
        !uid.split_whitespace().any(|u| u == "0"),
        "postgres runs as root: {uid}"
    );
    let shm = dev_shm_options(pid);
    assert!(shm.contains("size=65536k"), "/dev/shm of postgres: {shm}");

    assert_eq!(pg.psql("SELECT 1 + 1").as_deref(), Ok("2"));
    let err = pg
        .psql("SELECT nope")
        .expect_err("an unknown column is an error");
    assert!(err.contains("column \"nope\" does not exist"), "{err}");
    let script = pg
        .psql_script(
            "CREATE TABLE t (x int);\nINSERT INTO t SELECT generate_series(1, 10);\n\
             SELECT sum(x) FROM t;\n",
        )
        .expect("a script");
    assert!(script.ends_with("55"), "{script}");
    // Several statements in one -c share a session.
    assert_eq!(
        pg.psql("SET work_mem = '64MB'; SHOW work_mem").as_deref(),
        Ok("SET\n64MB")
    );

    // Two sleeping clients: their backends and their private memory; then
    // cancelled, so the test does not wait for the sleeps.
    let port = pg.port();
    let clients = std::thread::spawn(move || concurrent_clients(port, 2, "SELECT pg_sleep(60)"));
    wait_until(30, "two client backends", || backend_pids(&pg).len() == 2);
    for backend in backend_pids(&pg) {
        let private = private_memory_kib(backend);
        assert!(
            (100..100 * 1024).contains(&private),
            "backend {backend}: {private} KiB private"
        );
    }
    wait_until(30, "two clients in pg_sleep", || {
        pg.psql("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")
            .as_deref()
            == Ok("2")
    });
    pg.psql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")
        .expect("cancel the sleeps");
    let outcomes = clients.join().expect("the client thread");
    assert!(
        outcomes.iter().all(|o| o
            .as_ref()
            .is_err_and(|e| e.contains("canceling statement due to user request"))),
        "{outcomes:?}"
    );

    let data = pg.data_dir();
    assert!(data.join("PG_VERSION").is_file());
    pg.stop();
    assert!(!pid_alive(pid), "postmaster {pid} still there after stop");
    assert!(!data.exists(), "{} left behind", data.display());
}

#[test]
fn postgres_refusals_come_back_as_errors() {
    let err = Postgres::try_start(&strings(&["-c", "shared_buffers=3xMB"]), 64 * MIB)
        .err()
        .expect("an invalid value is refused");
    assert!(
        err.contains("invalid value for parameter \"shared_buffers\""),
        "{err}"
    );

    // Parallel query's dynamic shared memory lives in /dev/shm: a parallel
    // hash join of ~24 MB does not fit in a 4 MiB one (Docker's classic
    // "could not resize shared memory segment"), proving the size applies.
    let pg = Postgres::start(&[], 4 * MIB);
    pg.psql("CREATE TABLE t AS SELECT generate_series(1, 500000) AS x; ANALYZE t")
        .expect("create t");
    let err = pg
        .psql(
            "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; \
             SET min_parallel_table_scan_size = 0; \
             SELECT count(*) FROM t a JOIN t b USING (x)",
        )
        .expect_err("a parallel hash join bigger than /dev/shm fails");
    assert!(err.contains("No space left on device"), "{err}");
    // The same in 256 MiB is fine.
    let pg = Postgres::start(&[], 256 * MIB);
    pg.psql("CREATE TABLE t AS SELECT generate_series(1, 500000) AS x; ANALYZE t")
        .expect("create t");
    let out = pg
        .psql(
            "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; \
             SET min_parallel_table_scan_size = 0; \
             SELECT count(*) FROM t a JOIN t b USING (x)",
        )
        .expect("a parallel hash join that fits");
    assert!(out.ends_with("500000"), "{out}");
}

#[test]
fn postgres_too_many_clients_are_refused_and_reported() {
    let pg = Postgres::start(&strings(&["-c", "max_connections=5"]), 64 * MIB);
    let outcomes = concurrent_clients(pg.port(), 12, "SELECT pg_sleep(2.5)");
    let refused: Vec<&String> = outcomes.iter().filter_map(|o| o.as_ref().err()).collect();
    assert!(
        !refused.is_empty() && refused.len() < outcomes.len(),
        "{outcomes:?}"
    );
    assert!(
        refused
            .iter()
            .all(|e| e.contains("sorry, too many clients already")),
        "{refused:?}"
    );
}

#[test]
fn postgres_shared_memory_size_follows_shared_buffers() {
    let small = postgres_shared_memory_size_mb(&strings(&["-c", "shared_buffers=128MB"]));
    let large = postgres_shared_memory_size_mb(&strings(&["-c", "shared_buffers=256MB"]));
    assert!((129..200).contains(&small), "{small} MB for 128MB");
    // +128 MB of buffers, +4 MB of wal_buffers (1/32 of shared_buffers), …
    assert!(
        (128..150).contains(&(large - small)),
        "{small} → {large} MB"
    );
}

#[test]
fn pgbouncer_pools_clients_and_refuses_beyond_max_client_conn() {
    let pg = Postgres::start(&strings(&["-c", "max_connections=20"]), 64 * MIB);
    let pool = [
        ("pool_mode", "transaction"),
        ("max_client_conn", "10"),
        ("default_pool_size", "2"),
        ("max_db_connections", "2"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()));
    let bouncer = PgBouncer::start(&pool, &pg);
    let pid = bouncer.pid();
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).expect("read comm");
    assert_eq!(comm.trim(), "pgbouncer");

    let outcomes = concurrent_clients(bouncer.port(), 8, "SELECT pg_sleep(0.2), 7");
    assert!(
        outcomes.iter().all(|o| o.as_deref() == Ok("|7")),
        "{outcomes:?}"
    );
    assert!(backend_pids(&pg).len() <= 2, "max_db_connections = 2");
    assert!(bouncer.show("CONFIG").contains("max_client_conn|10"));
    assert!(bouncer.show("POOLS").contains("postgres"));

    let outcomes = concurrent_clients(bouncer.port(), 16, "SELECT pg_sleep(1)");
    let refused: Vec<&String> = outcomes.iter().filter_map(|o| o.as_ref().err()).collect();
    assert!(!refused.is_empty(), "{outcomes:?}");
    assert!(
        refused
            .iter()
            .all(|e| e.contains("no more connections allowed")),
        "{refused:?}"
    );

    bouncer.stop();
    assert!(!pid_alive(pid), "pgbouncer {pid} still there after stop");
}

#[test]
fn redis_runs_the_given_args_and_reports_oom_errors() {
    let redis = Redis::start(&strings(&[
        "--maxmemory",
        "8mb",
        "--maxmemory-policy",
        "noeviction",
    ]));
    let pid = redis.pid();
    assert_eq!(redis.cli(&["SET", "a", "1"]).as_deref(), Ok("OK"));
    assert_eq!(redis.cli(&["GET", "a"]).as_deref(), Ok("1"));
    assert!(redis.cli(&["NOPE"]).is_err());
    assert_eq!(
        redis.cli(&["CONFIG", "GET", "maxmemory"]).as_deref(),
        Ok("maxmemory\n8388608")
    );
    assert_eq!(
        redis.info_field("server", "process_id"),
        Some(pid.to_string())
    );

    let errors = redis.fill(32 * MIB, 1024);
    assert!(!errors.is_empty(), "32 MiB into 8 MB without eviction");
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with("OOM command not allowed when used memory > 'maxmemory'")),
        "{:?}",
        &errors[..errors.len().min(3)]
    );
    assert!(redis.rss_peak_kib() >= redis.rss_kib() && redis.rss_kib() > 8 * 1024);
    let dir = redis.dir().to_path_buf();
    redis.stop();
    assert!(!pid_alive(pid), "redis-server {pid} still there after stop");
    assert!(!dir.exists(), "{} left behind", dir.display());
}

#[test]
fn redis_evicts_with_allkeys_lru_and_is_stopped_when_a_test_panics() {
    let pid = std::sync::atomic::AtomicU32::new(0);
    let unwound = std::panic::catch_unwind(|| {
        let redis = Redis::start(&strings(&[
            "--maxmemory",
            "8mb",
            "--maxmemory-policy",
            "allkeys-lru",
        ]));
        pid.store(redis.pid(), std::sync::atomic::Ordering::SeqCst);
        let errors = redis.fill(32 * MIB, 1024);
        assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
        let evicted: u64 = redis
            .info_field("stats", "evicted_keys")
            .expect("evicted_keys")
            .parse()
            .expect("a count");
        assert!(evicted > 0);
        panic!("deliberate: Drop must stop redis while unwinding");
    });
    assert!(unwound.is_err());
    let pid = pid.load(std::sync::atomic::Ordering::SeqCst);
    assert!(pid != 0 && !pid_alive(pid), "redis-server {pid} survived");
}

#[test]
fn node_peak_rss_is_measured_at_the_heap_limit() {
    let (kib, status, stderr) = node_peak_rss_kib("--max-old-space-size=64", FILL_HEAP_JS);
    assert!(!status.success(), "node must run out of heap: {status}");
    assert!(stderr.contains("heap out of memory"), "{stderr}");
    assert!((64 * 1024..512 * 1024).contains(&kib), "{kib} KiB");
}

// ---------------------------------------------------------------------------
// Measurements for the memory model (ignored; see the module docs).

fn mean(v: &[u64]) -> f64 {
    v.iter().sum::<u64>() as f64 / v.len().max(1) as f64
}

#[test]
#[ignore = "measurement: --ignored --nocapture"]
fn measure_postgres_backend_private_memory() {
    let pg = Postgres::start(
        &strings(&["-c", "shared_buffers=64MB", "-c", "max_connections=120"]),
        64 * MIB,
    );
    println!("postgres {}", pg.psql("SELECT version()").expect("version"));
    let phases = [
        ("connected, pg_sleep only", "SELECT pg_sleep(40)"),
        (
            "after SELECT count(*) FROM pg_class",
            "SELECT count(*) FROM pg_class; SELECT pg_sleep(40)",
        ),
        (
            "after pg_class + information_schema.columns",
            "SELECT count(*) FROM pg_class; SELECT count(*) FROM information_schema.columns; \
             SELECT pg_sleep(40)",
        ),
    ];
    for (label, sql) in phases {
        let port = pg.port();
        let clients = std::thread::spawn(move || concurrent_clients(port, 100, sql));
        wait_until(60, "100 backends in pg_sleep", || {
            pg.psql("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")
                .as_deref()
                == Ok("100")
        });
        let pids = backend_pids(&pg);
        let mut private = Vec::new();
        let mut rss_minus_shared = Vec::new();
        let mut pss = Vec::new();
        let mut rss = Vec::new();
        for pid in &pids {
            let f = smaps_rollup(*pid);
            let g = |k: &str| f.get(k).copied().unwrap_or(0);
            private.push(private_memory_kib(*pid));
            rss_minus_shared.push(g("Rss") - g("Shared_Clean") - g("Shared_Dirty"));
            pss.push(g("Pss"));
            rss.push(g("Rss"));
        }
        println!(
            "{label}: {} backends; private (Private_Clean+Private_Dirty) mean {:.0} KiB, \
             max {} KiB, min {} KiB; Rss-Shared mean {:.0} KiB, max {} KiB; Pss mean {:.0} KiB; \
             Rss mean {:.0} KiB; postmaster private {} KiB",
            pids.len(),
            mean(&private),
            private.iter().max().unwrap_or(&0),
            private.iter().min().unwrap_or(&0),
            mean(&rss_minus_shared),
            rss_minus_shared.iter().max().unwrap_or(&0),
            mean(&pss),
            mean(&rss),
            private_memory_kib(pg.pid()),
        );
        // Done measuring: end the sleeps rather than wait for them.
        pg.psql(
            "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity \
             WHERE wait_event = 'PgSleep' AND pid <> pg_backend_pid()",
        )
        .expect("cancel the sleepers");
        let outcomes = clients.join().expect("the client thread");
        let failed = outcomes
            .iter()
            .filter(|o| match o {
                Ok(_) => false,
                Err(e) => !e.contains("canceling statement due to user request"),
            })
            .count();
        assert_eq!(failed, 0, "{outcomes:?}");
        wait_until(30, "the backends to leave", || backend_pids(&pg).is_empty());
    }
}

#[test]
#[ignore = "measurement: --ignored --nocapture"]
fn measure_node_peak_rss_by_leak_and_max_old_space_size() {
    // The table behind Node's heap rule (crates/core/src/tuning.rs). Heaps in
    // MiB from HEADROOM_NODE_HEAPS (comma-separated), runs from
    // HEADROOM_NODE_RUNS; by default the four tiers' heaps, once.
    let version = Command::new("node")
        .arg("--version")
        .output()
        .expect("node --version");
    println!("node {}", String::from_utf8_lossy(&version.stdout).trim());
    let heaps: Vec<u64> = std::env::var("HEADROOM_NODE_HEAPS")
        .unwrap_or_else(|_| "131,298,454,1304".to_owned())
        .split(',')
        .map(|h| {
            h.trim()
                .parse()
                .expect("HEADROOM_NODE_HEAPS: MiB, comma-separated")
        })
        .collect();
    let runs: u32 = std::env::var("HEADROOM_NODE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for mib in heaps {
        for leak in HEAP_LEAKS {
            for _ in 0..runs {
                let run = node_run(&format!("--max-old-space-size={mib}"), leak.script, &[]);
                println!(
                    "--max-old-space-size={mib}, {}: peak RSS {:.0} MiB ({:.2} x the heap), \
                     {}, heap OOM: {}, {:.1} s",
                    leak.name,
                    run.peak_kib as f64 / 1024.0,
                    run.peak_kib as f64 / 1024.0 / mib as f64,
                    run.status,
                    run.stderr.contains("JavaScript heap out of memory"),
                    run.elapsed.as_secs_f64()
                );
            }
        }
    }
}

/// Samples Redis's fork while `running` says it still runs: the peak of the
/// child's Rss and of its Private_Dirty (the pages copied on write), KiB.
fn sample_fork(redis: &Redis, running: impl Fn() -> bool) -> (u64, u64, u32) {
    let (mut rss, mut private_dirty, mut samples) = (0, 0, 0);
    let deadline = Instant::now() + Duration::from_secs(120);
    while running() && Instant::now() < deadline {
        for child in child_pids(redis.pid()) {
            if let Some(f) = try_smaps_rollup(child) {
                rss = rss.max(f.get("Rss").copied().unwrap_or(0));
                private_dirty = private_dirty.max(f.get("Private_Dirty").copied().unwrap_or(0));
                samples += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (rss, private_dirty, samples)
}

fn redis_memory_line(redis: &Redis) -> String {
    let f = |s: &str, k: &str| redis.info_field(s, k).unwrap_or_default();
    format!(
        "VmRSS {} KiB, VmHWM {} KiB, used_memory {}, used_memory_peak {}, dbsize {}, \
         evicted_keys {}",
        redis.rss_kib(),
        redis.rss_peak_kib(),
        f("memory", "used_memory_human"),
        f("memory", "used_memory_peak_human"),
        redis.cli(&["DBSIZE"]).unwrap_or_default(),
        f("stats", "evicted_keys"),
    )
}

#[test]
#[ignore = "measurement: --ignored --nocapture"]
fn measure_redis_fill_and_fork() {
    for args in [
        &["--maxmemory", "96mb", "--maxmemory-policy", "allkeys-lru"][..],
        &["--maxmemory", "96mb"][..],
    ] {
        let redis = Redis::start(&strings(args));
        let errors = redis.fill(192 * MIB, 1024);
        println!(
            "{args:?}, 192 MiB of 1 KiB values: {} errors (first: {:?}); {}",
            errors.len(),
            errors.first(),
            redis_memory_line(&redis)
        );
    }

    let redis = Redis::start(&strings(&[
        "--maxmemory",
        "96mb",
        "--maxmemory-policy",
        "allkeys-lru",
        "--appendonly",
        "yes",
    ]));
    let rewriting = || {
        redis
            .info_field("persistence", "aof_rewrite_in_progress")
            .as_deref()
            == Some("1")
    };
    let saving = || {
        redis
            .info_field("persistence", "rdb_bgsave_in_progress")
            .as_deref()
            == Some("1")
    };
    let errors = redis.fill(192 * MIB, 1024);
    println!(
        "appendonly, 192 MiB filled: {} errors; {}; aof_rewrites {}",
        errors.len(),
        redis_memory_line(&redis),
        redis
            .info_field("persistence", "aof_rewrites")
            .unwrap_or_default()
    );
    wait_until(60, "no AOF rewrite in progress", || !rewriting());

    // An idle rewrite, then one while 96 MiB more are written.
    for writes in [0, 96 * MIB] {
        let before = redis.rss_kib();
        redis.cli(&["BGREWRITEAOF"]).expect("BGREWRITEAOF");
        let (fork_rss, fork_private, samples) = std::thread::scope(|s| {
            let writer = s.spawn(|| {
                if writes > 0 {
                    redis.fill(writes, 1024)
                } else {
                    Vec::new()
                }
            });
            let sampled = sample_fork(&redis, || rewriting() || !writer.is_finished());
            writer.join().expect("the writer");
            sampled
        });
        wait_until(60, "the AOF rewrite to end", || !rewriting());
        println!(
            "BGREWRITEAOF with {} MiB written meanwhile: parent VmRSS before {before} KiB; fork \
             peak Rss {fork_rss} KiB, peak Private_Dirty {fork_private} KiB ({samples} samples); \
             aof_last_cow_size {}; {}",
            writes / MIB,
            redis
                .info_field("persistence", "aof_last_cow_size")
                .unwrap_or_default(),
            redis_memory_line(&redis)
        );
    }
    for writes in [0, 96 * MIB] {
        redis.cli(&["BGSAVE"]).expect("BGSAVE");
        let (fork_rss, fork_private, samples) = std::thread::scope(|s| {
            let writer = s.spawn(|| {
                if writes > 0 {
                    redis.fill(writes, 1024)
                } else {
                    Vec::new()
                }
            });
            let sampled = sample_fork(&redis, || saving() || !writer.is_finished());
            writer.join().expect("the writer");
            sampled
        });
        wait_until(60, "the BGSAVE to end", || !saving());
        println!(
            "BGSAVE with {} MiB written meanwhile: fork peak Rss {fork_rss} KiB, peak \
             Private_Dirty {fork_private} KiB ({samples} samples); rdb_last_cow_size {}; {}",
            writes / MIB,
            redis
                .info_field("persistence", "rdb_last_cow_size")
                .unwrap_or_default(),
            redis_memory_line(&redis)
        );
    }
}
