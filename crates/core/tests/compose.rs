//! The generated override, parsed by a real Compose parser (`compose_spec`).

mod common;
use common::plan_for;
use compose_spec::service::{ByteValue, Command};
use compose_spec::{Compose, ListOrMap, Service};
use headroom_core::tuning::SettingKey;

fn parse(query: &str) -> Compose {
    let yaml = plan_for(query)
        .compose_override
        .expect("an override below tier 5");
    Compose::options()
        .from_yaml_str(&yaml)
        .unwrap_or_else(|e| panic!("{query}: {e}\n{yaml}"))
}

fn service<'a>(compose: &'a Compose, name: &str) -> &'a Service {
    compose
        .services
        .iter()
        .find(|(id, _)| id.as_str() == name)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("no service {name}"))
}

fn mib(value: u64) -> Option<ByteValue> {
    // Compose's `m` suffix: the parser names it megabytes.
    Some(ByteValue::Megabytes(value))
}

fn limits(s: &Service) -> (f64, Option<ByteValue>, Option<ByteValue>) {
    (
        s.cpus.map(f64::from).unwrap_or_default(),
        s.mem_limit,
        s.mem_reservation,
    )
}

fn command(s: &Service) -> Vec<String> {
    match &s.command {
        Some(Command::List(list)) => list.clone(),
        other => panic!("expected a command list, got {other:?}"),
    }
}

/// `postgres` then `-c name=value` for each of the plan's PostgreSQL settings,
/// in order: the override carries exactly the tuning (pinned in tests/tuning.rs).
fn postgres_command(query: &str) -> Vec<String> {
    let plan = plan_for(query);
    let tuning = plan.tuning.expect("tuning");
    let mut expected = vec!["postgres".to_owned()];
    for setting in tuning.postgres_settings() {
        expected.push("-c".to_owned());
        expected.push(format!("{}={}", setting.key.name(), setting.value_text()));
    }
    expected
}

fn node_options(query: &str) -> String {
    let plan = plan_for(query);
    let tuning = plan.tuning.expect("tuning");
    let heap = tuning.get(SettingKey::NodeMaxOldSpace).expect("heap");
    format!("--max-old-space-size={}", heap.value_text())
}

fn env(s: &Service, key: &str) -> Option<String> {
    match &s.environment {
        ListOrMap::Map(map) => map
            .iter()
            .find(|(k, _)| k.as_str() == key)
            .and_then(|(_, v)| v.as_ref().map(|v| v.to_string())),
        ListOrMap::List(_) => None,
    }
}

#[test]
fn tier_1() {
    let query = "users=80";
    let c = parse(query);
    assert_eq!(limits(service(&c, "api")), (0.5, mib(512), mib(256)));
    assert_eq!(limits(service(&c, "postgres")), (0.3, mib(256), None));
    assert_eq!(limits(service(&c, "redis")), (0.1, mib(128), None));
    assert_eq!(limits(service(&c, "nginx")), (0.1, mib(128), None));
    assert_eq!(command(service(&c, "postgres")), postgres_command(query));
    // An eviction policy wherever maxmemory is set, tier 1 too.
    assert_eq!(
        command(service(&c, "redis")),
        [
            "redis-server",
            "--maxmemory",
            "64mb",
            "--maxmemory-policy",
            "allkeys-lru"
        ]
    );
    assert_eq!(
        env(service(&c, "api"), "NODE_OPTIONS").as_deref(),
        Some(node_options(query).as_str())
    );
    assert!(service(&c, "api").deploy.is_none());
}

#[test]
fn tier_2() {
    let query = "users=300";
    let c = parse(query);
    assert_eq!(limits(service(&c, "api")), (1.0, mib(1024), mib(768)));
    assert_eq!(limits(service(&c, "postgres")), (0.8, mib(768), None));
    assert_eq!(limits(service(&c, "redis")), (0.3, mib(256), None));
    assert_eq!(limits(service(&c, "nginx")), (0.2, mib(256), None));
    assert_eq!(command(service(&c, "postgres")), postgres_command(query));
    assert_eq!(
        command(service(&c, "redis")),
        [
            "redis-server",
            "--maxmemory",
            "128mb",
            "--maxmemory-policy",
            "allkeys-lru"
        ]
    );
    assert_eq!(
        env(service(&c, "api"), "NODE_OPTIONS").as_deref(),
        Some(node_options(query).as_str())
    );
}

#[test]
fn tier_3() {
    let query = "users=1200";
    let c = parse(query);
    assert_eq!(limits(service(&c, "api")), (2.0, mib(1500), mib(1200)));
    assert_eq!(limits(service(&c, "postgres")), (1.5, mib(1200), None));
    assert_eq!(limits(service(&c, "redis")), (0.5, mib(512), None));
    assert_eq!(limits(service(&c, "nginx")), (0.5, mib(256), None));
    assert_eq!(command(service(&c, "postgres")), postgres_command(query));
    assert_eq!(
        command(service(&c, "redis")),
        [
            "redis-server",
            "--maxmemory",
            "256mb",
            "--maxmemory-policy",
            "allkeys-lru"
        ]
    );
    assert_eq!(
        env(service(&c, "api"), "NODE_OPTIONS").as_deref(),
        Some("--max-old-space-size=1024")
    );
}

#[test]
fn tier_4() {
    let query = "users=5000";
    let c = parse(query);
    assert_eq!(limits(service(&c, "api")), (4.0, mib(4096), None));
    assert_eq!(limits(service(&c, "postgres")), (2.0, mib(4096), None));
    assert_eq!(limits(service(&c, "redis")), (1.0, mib(1024), None));
    assert_eq!(limits(service(&c, "nginx")), (1.0, mib(512), None));
    let deploy = service(&c, "api").deploy.as_ref().expect("deploy");
    assert_eq!(deploy.replicas, Some(2));
    assert_eq!(command(service(&c, "postgres")), postgres_command(query));
    assert_eq!(
        command(service(&c, "redis")),
        [
            "redis-server",
            "--maxmemory",
            "512mb",
            "--maxmemory-policy",
            "allkeys-lru"
        ]
    );
    assert_eq!(
        env(service(&c, "api"), "NODE_OPTIONS").as_deref(),
        Some(node_options(query).as_str())
    );
}

#[test]
fn no_override_on_tier_5() {
    assert_eq!(plan_for("users=10001").compose_override, None);
}

#[test]
fn the_source_env_variables_are_not_used() {
    for users in [80, 300, 1200, 5000] {
        let yaml = plan_for(&format!("users={users}"))
            .compose_override
            .unwrap();
        assert!(!yaml.contains("POSTGRES_SHARED_BUFFERS"), "{users}");
        assert!(!yaml.contains("\n    replicas:"), "{users}");
    }
}

#[test]
fn every_tuned_line_says_where_it_comes_from() {
    let yaml = plan_for("users=1200").compose_override.unwrap();
    let line = |needle: &str| {
        yaml.lines()
            .find(|l| l.contains(needle))
            .unwrap()
            .to_owned()
    };
    assert!(line("shared_buffers=300MB").contains("# corrected: the source's 512MB is 43%"));
    assert!(line("effective_cache_size=900MB").contains("# corrected: the source's 1536MB"));
    assert!(line("work_mem=3840kB").contains("# corrected: the source's 64MB"));
    assert!(line("shm_size: 181m").contains("# 4 parallel processes"));
    assert!(line("maintenance_work_mem=75MB").contains("# rule: 1/16"));
    assert!(line("\"256mb\"").contains("# source, tier 3"));
    assert!(line("NODE_OPTIONS: ").contains("# source, tier 3"));
}

#[test]
fn french_comments_parse_too_and_give_the_same_values() {
    let fr = plan_for("users=5000&lang=fr").compose_override.unwrap();
    let parsed = Compose::options()
        .from_yaml_str(&fr)
        .expect("French override parses");
    let en = parse("users=5000");
    assert_eq!(parsed.services, en.services);
    assert!(fr.contains("# limites : source, palier 4"));
}

#[test]
fn pgconn_changes_max_connections_and_work_mem() {
    // Tier 3 with 5 connections for the applications, 8 with the superusers'.
    let c = parse("users=1200&pgconn=5");
    let cmd = command(service(&c, "postgres"));
    assert!(cmd.contains(&"work_mem=10368kB".to_owned()), "{cmd:?}");
    assert!(cmd.contains(&"max_connections=8".to_owned()), "{cmd:?}");
    assert_eq!(cmd, postgres_command("users=1200&pgconn=5"));
}

#[test]
fn postgres_gets_a_dev_shm_for_its_parallel_queries() {
    let shm = |query| service(&parse(query), "postgres").shm_size;
    // Docker's default, written out, where no parallel query runs.
    assert_eq!(shm("users=80"), mib(64));
    assert_eq!(shm("users=300"), mib(64));
    assert_eq!(shm("users=1200"), mib(181));
    assert_eq!(shm("users=5000"), mib(619));
}

#[test]
fn pgbouncer_joins_from_tier_3_sized_to_pgconn() {
    assert!(!parse("users=300")
        .services
        .iter()
        .any(|(id, _)| id.as_str() == "pgbouncer"));
    let c = parse("users=1200&pgconn=40");
    let bouncer = service(&c, "pgbouncer");
    assert_eq!(
        bouncer.image.as_ref().map(|i| i.to_string()).as_deref(),
        Some("edoburu/pgbouncer:1.23.1")
    );
    assert_eq!(limits(bouncer), (0.25, mib(32), None));
    assert_eq!(env(bouncer, "POOL_MODE").as_deref(), Some("transaction"));
    assert_eq!(env(bouncer, "DEFAULT_POOL_SIZE").as_deref(), Some("40"));
    assert_eq!(env(bouncer, "MAX_DB_CONNECTIONS").as_deref(), Some("40"));
    assert_eq!(env(bouncer, "RESERVE_POOL_SIZE").as_deref(), Some("0"));
    assert_eq!(env(bouncer, "DB_HOST").as_deref(), Some("postgres"));
    // PostgreSQL keeps the pool plus the superusers' reserve.
    assert!(command(service(&c, "postgres")).contains(&"max_connections=43".to_owned()));
}
