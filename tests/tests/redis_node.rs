#![cfg(not(target_arch = "wasm32"))]
//! Redis 7 and Node.js, run with exactly the override's command and
//! NODE_OPTIONS, stay within their containers' `mem_limit` when pushed past
//! what the settings allow: Redis filled to twice `maxmemory` answers no
//! error; Node filling its heap each way a leaking API does (tests/src/leaks.rs)
//! peaks under 90% of the API's limit. Buffers, outside the heap, are shown
//! to pass the limit whatever the flag.

mod emitted;

use std::sync::Mutex;
use std::time::Instant;

use emitted::{args, bytes, compose, environment, plan_for, service};
use headroom_core::tuning::SettingKey;
use headroom_core::Lang;
use headroom_e2e::leaks::{BUFFERS_PAST_CAP_JS, HEAP_LEAKS};
use headroom_e2e::servers::{node_run, strings, Redis};

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

/// One Node at a time: each fill takes up to gigabytes and both cores, and
/// a second one beside it would starve the collector's threads.
static NODE: Mutex<()> = Mutex::new(());

/// The API's `mem_limit` in bytes, its `NODE_OPTIONS`, and the heap in MiB.
fn api_node(query: &str) -> (u64, String, u64) {
    let plan = plan_for(query);
    let compose = compose(&plan);
    let api = service(&compose, "api");
    let limit = api.mem_limit.map(bytes).expect("mem_limit");
    let options = environment(api)
        .into_iter()
        .find_map(|(name, value)| (name == "NODE_OPTIONS").then_some(value))
        .expect("NODE_OPTIONS");
    let heap = options
        .split_whitespace()
        .find_map(|o| o.strip_prefix("--max-old-space-size="))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no --max-old-space-size=N in {options}"));
    (limit, options, heap)
}

#[test]
fn node_filling_its_heap_each_way_peaks_under_90_percent_of_the_apis_mem_limit() {
    let _one = NODE.lock().unwrap_or_else(|e| e.into_inner());
    let started = Instant::now();
    let mut over = Vec::new();
    for (tier, query) in TIERS {
        let (limit, options, _) = api_node(query);
        for leak in HEAP_LEAKS {
            let run = node_run(&options, leak.script, &[]);
            let peak = run.peak_kib << 10;
            eprintln!(
                "tier {tier}: node {options}, {}: peak {} MiB resident of {} MiB ({:.1}%), {:.1} s",
                leak.name,
                peak >> 20,
                limit >> 20,
                100.0 * peak as f64 / limit as f64,
                run.elapsed.as_secs_f64()
            );
            // Each script fills the heap until V8 gives up: that is the point.
            assert!(
                !run.status.success() && run.stderr.contains("heap out of memory"),
                "tier {tier}, {}: the heap never filled ({}): {}",
                leak.name,
                run.status,
                run.stderr
            );
            if peak * 10 >= limit * 9 {
                over.push(format!(
                    "tier {tier}, {}: {options} peaked at {} MiB, over 90% of {} MiB",
                    leak.name,
                    peak >> 20,
                    limit >> 20
                ));
            }
        }
    }
    eprintln!(
        "{} fills in {:.0} s",
        TIERS.len() * HEAP_LEAKS.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(over.is_empty(), "{over:#?}");
}

#[test]
fn the_heap_rule_names_as_many_leak_patterns_as_are_run() {
    let plan = plan_for("users=80");
    let heap = plan
        .tuning
        .as_ref()
        .and_then(|t| t.get(SettingKey::NodeMaxOldSpace))
        .expect("a heap setting");
    let reason = heap.provenance(Lang::En);
    let named = format!("worst of {} leak patterns", HEAP_LEAKS.len());
    assert!(reason.contains(&named), "{reason}");
}

#[test]
fn a_heap_as_large_as_the_limit_goes_over_it() {
    // The control: --max-old-space-size equal to tier 1's 512m limit peaks
    // above 512 MiB even with the cheapest pattern, so leaving room outside
    // the heap is what keeps Node in.
    let _one = NODE.lock().unwrap_or_else(|e| e.into_inner());
    let arrays = HEAP_LEAKS
        .iter()
        .find(|l| l.name.starts_with("large arrays"))
        .expect("the large arrays pattern");
    let run = node_run("--max-old-space-size=512", arrays.script, &[]);
    assert!(run.stderr.contains("heap out of memory"), "{}", run.stderr);
    assert!(
        run.peak_kib >> 10 > 512,
        "peaked at {} MiB",
        run.peak_kib >> 10
    );
}

#[test]
fn retained_buffers_pass_the_mem_limit_whatever_the_heap_flag() {
    // What the heap flag cannot do, as the override's comment says: Buffers
    // live outside V8's heap, so with the emitted flag they grow past the
    // API's mem_limit while the heap stays nearly empty and V8 never aborts.
    let _one = NODE.lock().unwrap_or_else(|e| e.into_inner());
    for (tier, query) in TIERS {
        let (limit, options, heap_mib) = api_node(query);
        let cap = (limit >> 20).to_string();
        let run = node_run(&options, BUFFERS_PAST_CAP_JS, &[("CAP_MIB", &cap)]);
        assert!(
            run.status.success(),
            "tier {tier}: node stopped before {cap} MiB ({}): {}",
            run.status,
            run.stderr
        );
        let usage: serde_json::Value = serde_json::from_str(run.stdout.trim())
            .unwrap_or_else(|e| panic!("tier {tier}: {e}: {}", run.stdout));
        let bytes_of = |field: &str| usage[field].as_u64().expect(field);
        let mib = |field: &str| bytes_of(field) as f64 / 1048576.0;
        eprintln!(
            "tier {tier}: node {options}, Buffers: rss {:.1} MiB of {} MiB, heap used {:.1} MiB, \
             outside the heap {:.1} MiB, {:.1} s",
            mib("rss"),
            limit >> 20,
            mib("heapUsed"),
            mib("external"),
            run.elapsed.as_secs_f64()
        );
        let heap = heap_mib << 20;
        assert!(bytes_of("rss") > limit, "tier {tier}: {usage}");
        assert!(bytes_of("heapUsed") * 4 < heap, "tier {tier}: {usage}");
        assert!(bytes_of("external") > heap, "tier {tier}: {usage}");
    }
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
