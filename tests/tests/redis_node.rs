#![cfg(not(target_arch = "wasm32"))]
//! Redis 7 and Node.js, run with exactly the override's command and
//! NODE_OPTIONS, stay within their containers' `mem_limit` when pushed past
//! what the settings allow: Redis filled to twice `maxmemory` answers no
//! error, Node filling its heap peaks under the API's limit.

mod emitted;

use emitted::{args, bytes, compose, environment, plan_for, service};
use headroom_e2e::servers::{node_peak_rss_kib, strings, Redis, FILL_HEAP_JS};

const TIERS: [(u8, &str); 4] = [
    (1, "users=80"),
    (2, "users=300"),
    (3, "users=1200"),
    (4, "users=5000"),
];

/// `maxmemory` in bytes from the override's `--maxmemory NNmb`.
fn maxmemory(redis_args: &[String]) -> u64 {
    let at = redis_args
        .iter()
        .position(|a| a == "--maxmemory")
        .expect("the override sets --maxmemory");
    let value = &redis_args[at + 1];
    let mb: u64 = value
        .strip_suffix("mb")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("--maxmemory {value} is not NNmb"));
    mb << 20
}

#[test]
fn redis_filled_to_twice_maxmemory_answers_no_error_and_stays_under_mem_limit() {
    for (tier, query) in TIERS {
        let plan = plan_for(query);
        let compose = compose(&plan);
        let redis = service(&compose, "redis");
        let limit = redis.mem_limit.map(bytes).expect("mem_limit");
        let redis_args = args(redis, "redis-server");
        let max = maxmemory(&redis_args);
        let server = Redis::start(&redis_args);
        let errors = server.fill(2 * max, 1024);
        assert!(
            errors.is_empty(),
            "tier {tier}: {} errors, first: {:?}",
            errors.len(),
            errors.first()
        );
        let peak = server.rss_peak_kib() << 10;
        eprintln!(
            "tier {tier}: Redis {:?} filled to {} MiB: peak {} MiB resident of {} MiB",
            redis_args,
            (2 * max) >> 20,
            peak >> 20,
            limit >> 20
        );
        assert!(
            peak < limit,
            "tier {tier}: Redis peaked at {} MiB resident, over its {} MiB mem_limit",
            peak >> 20,
            limit >> 20
        );
        server.stop();
    }
}

#[test]
fn without_an_eviction_policy_a_full_redis_refuses_writes() {
    // The control: tier 1's maxmemory alone, as an override without the
    // policy had it. The same fill must fail, or the test above proves nothing.
    let plan = plan_for("users=80");
    let compose = compose(&plan);
    let redis_args = args(service(&compose, "redis"), "redis-server");
    let max = maxmemory(&redis_args);
    let at = redis_args
        .iter()
        .position(|a| a == "--maxmemory-policy")
        .expect("tier 1 sets a policy");
    let without_policy = [&redis_args[..at], &redis_args[at + 2..]].concat();
    let server = Redis::start(&without_policy);
    let errors = server.fill(2 * max, 1024);
    assert!(
        errors.iter().any(|e| e.contains("OOM command not allowed")),
        "{errors:?}"
    );
    server.stop();
}

#[test]
fn redis_with_persistence_keeps_room_for_its_fork() {
    // Tier 3's command plus the user's own --appendonly yes (kept by the
    // merge): the AOF rewrites that happen while filling fork the server.
    let plan = plan_for("users=1200");
    let compose = compose(&plan);
    let redis = service(&compose, "redis");
    let limit = redis.mem_limit.map(bytes).expect("mem_limit");
    let mut redis_args = args(redis, "redis-server");
    redis_args.extend(strings(&["--appendonly", "yes"]));
    let max = maxmemory(&redis_args);
    let server = Redis::start(&redis_args);
    let errors = server.fill(2 * max, 1024);
    assert!(errors.is_empty(), "{errors:?}");
    let peak = server.rss_peak_kib() << 10;
    let rewrites: u64 = server
        .info_field("persistence", "aof_rewrites")
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    assert!(
        rewrites > 0,
        "no AOF rewrite happened: the fork was not exercised"
    );
    assert!(peak < limit, "{} MiB over {} MiB", peak >> 20, limit >> 20);
    server.stop();
}

#[test]
fn node_filling_its_heap_peaks_under_the_apis_mem_limit() {
    for (tier, query) in TIERS {
        let plan = plan_for(query);
        let compose = compose(&plan);
        let api = service(&compose, "api");
        let limit = api.mem_limit.map(bytes).expect("mem_limit");
        let node_options = environment(api)
            .into_iter()
            .find_map(|(name, value)| (name == "NODE_OPTIONS").then_some(value))
            .expect("NODE_OPTIONS");
        let (peak_kib, status, stderr) = node_peak_rss_kib(&node_options, FILL_HEAP_JS);
        // The script fills the heap until V8 gives up: that is the point.
        eprintln!(
            "tier {tier}: node {node_options}: peak {} MiB resident of {} MiB",
            peak_kib >> 10,
            limit >> 20
        );
        assert!(!status.success(), "tier {tier}: the heap never filled");
        assert!(
            stderr.contains("heap out of memory"),
            "tier {tier}: {stderr}"
        );
        assert!(
            peak_kib << 10 < limit,
            "tier {tier}: {node_options} peaked at {} MiB resident, over the API's {} MiB",
            peak_kib >> 10,
            limit >> 20
        );
    }
}

#[test]
fn a_heap_as_large_as_the_limit_goes_over_it() {
    // The control: --max-old-space-size equal to tier 1's 512m limit peaks
    // above 512 MiB, so leaving room outside the heap is what keeps Node in.
    let (peak_kib, _, _) = node_peak_rss_kib("--max-old-space-size=512", FILL_HEAP_JS);
    assert!(peak_kib >> 10 > 512, "peaked at {} MiB", peak_kib >> 10);
}

#[test]
fn the_redis_conf_lines_are_accepted_by_redis() {
    for (tier, query) in TIERS {
        let plan = plan_for(query);
        let tuning = plan.tuning.as_ref().expect("tuning");
        let server = Redis::start(&[]);
        for line in tuning.redis_conf().lines() {
            let (name, value) = line.split_once(' ').expect("name value");
            server
                .cli(&["CONFIG", "SET", name, value])
                .unwrap_or_else(|e| panic!("tier {tier}: {line}: {e}"));
            let got = server.cli(&["CONFIG", "GET", name]).expect("CONFIG GET");
            assert!(got.lines().count() == 2, "tier {tier}: {got}");
        }
        server.stop();
    }
}
