//! The generated override, parsed by a real Compose parser (`compose_spec`).

mod common;
use common::plan_for;
use compose_spec::service::{ByteValue, Command};
use compose_spec::{Compose, ListOrMap, Service};
use headroom_core::compose::{self, split_command, Base, BaseService};
use headroom_core::tier::Service as Role;
use headroom_core::tuning::SettingKey;

fn parse(query: &str) -> Compose {
    let yaml =
        headroom_core::compose::for_plan(&plan_for(query), &headroom_core::compose::Defaults)
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

/// The service's limits, after checking that its `deploy.resources` say the
/// same: Compose v2 refuses a service whose two forms differ.
fn limits(s: &Service) -> (f64, Option<ByteValue>, Option<ByteValue>) {
    let resources = s
        .deploy
        .as_ref()
        .and_then(|d| d.resources.as_ref())
        .expect("deploy.resources beside the service's limits");
    let limits = resources.limits.as_ref().expect("deploy.resources.limits");
    assert_eq!(limits.cpus.map(f64::from), s.cpus.map(f64::from), "cpus");
    assert_eq!(limits.memory, s.mem_limit, "memory");
    assert_eq!(
        resources.reservations.as_ref().and_then(|r| r.memory),
        s.mem_reservation,
        "reservation"
    );
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
    assert_eq!(
        service(&c, "api").deploy.as_ref().and_then(|d| d.replicas),
        None
    );
}

#[test]
fn minio_and_the_front_end_share_what_the_machine_has_left() {
    // Tier 1 on the Pi: 4,096 MiB less 1,024 of limits and 512 for the
    // system leaves 2,560, 1,280 each; 4 cores less 1 leave 1.5 each.
    let c = parse("users=80");
    assert_eq!(limits(service(&c, "minio")), (1.5, mib(1280), None));
    assert_eq!(limits(service(&c, "web")), (1.5, mib(1280), None));
    // Tier 3 on the Pi keeps 84 MiB: each gets Headroom's floor, and the
    // file says at its top that the machine has no room for them.
    let yaml = headroom_core::compose::for_plan(
        &plan_for("users=1200"),
        &headroom_core::compose::Defaults,
    )
    .expect("an override");
    let c = parse("users=1200");
    assert_eq!(limits(service(&c, "minio")), (0.25, mib(128), None));
    assert!(
        yaml.contains("# WARNING: after these limits the machine has no room left for MinIO and the front end;"),
        "{yaml}"
    );
    // On the mini PC, tier 4 keeps 2,016 MiB and 12 − 12.25 cores.
    let c = parse("users=5000&host=minipc");
    assert_eq!(limits(service(&c, "web")), (0.25, mib(1008), None));
    // Your own machine: its memory and cores (8 GiB and 4 by default).
    let c = parse("users=80&host=custom&hmem=16&hcpu=8");
    assert_eq!(limits(service(&c, "minio")), (3.5, mib(7424), None));
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
        Some("--max-old-space-size=454")
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
    assert_eq!(
        headroom_core::compose::for_plan(
            &plan_for("users=10001"),
            &headroom_core::compose::Defaults
        ),
        None
    );
}

#[test]
fn the_source_env_variables_are_not_used() {
    for users in [80, 300, 1200, 5000] {
        let yaml = headroom_core::compose::for_plan(
            &plan_for(&format!("users={users}")),
            &headroom_core::compose::Defaults,
        )
        .unwrap();
        assert!(!yaml.contains("POSTGRES_SHARED_BUFFERS"), "{users}");
        assert!(!yaml.contains("\n    replicas:"), "{users}");
    }
}

#[test]
fn every_tuned_line_says_where_it_comes_from() {
    let yaml = headroom_core::compose::for_plan(
        &plan_for("users=1200"),
        &headroom_core::compose::Defaults,
    )
    .unwrap();
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
    assert!(line("NODE_OPTIONS: ").contains("# corrected: the source's 1024MB would peak near"));
}

#[test]
fn french_comments_parse_too_and_give_the_same_values() {
    let fr = headroom_core::compose::for_plan(
        &plan_for("users=5000&lang=fr"),
        &headroom_core::compose::Defaults,
    )
    .unwrap();
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

fn base_service(name: &str, image: Option<&str>, command: Option<&[&str]>) -> BaseService {
    BaseService {
        name: name.to_owned(),
        image: image.map(str::to_owned),
        command: command.map(|c| c.iter().map(|w| w.to_string()).collect()),
        node_options: None,
        ..BaseService::default()
    }
}

/// A stack with other names, its own flags, a password and a replaced setting.
fn renamed() -> Base {
    let mut backend = base_service("backend", None, None);
    backend.node_options = Some("--enable-source-maps --max-old-space-size=4096".to_owned());
    Base {
        project: None,
        services: vec![
            backend,
            base_service(
                "db",
                Some("postgres:16-alpine"),
                Some(&[
                    "postgres",
                    "-c",
                    "log_min_duration_statement=500",
                    "-c",
                    "shared_buffers=1GB",
                ]),
            ),
            base_service(
                "cache",
                Some("redis:7-alpine"),
                Some(&[
                    "redis-server",
                    "/etc/redis.conf",
                    "--requirepass",
                    "s3cret",
                    "--maxmemory",
                    "1gb",
                ]),
            ),
            base_service("proxy", Some("nginx:alpine"), None),
            base_service("web", Some("node:20-alpine"), None),
        ],
    }
}

fn merged(users: u32, base: &Base) -> Compose {
    let plan = plan_for(&format!("users={users}"));
    let yaml = compose::for_plan(&plan, base).expect("an override");
    Compose::options()
        .from_yaml_str(&yaml)
        .unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

#[test]
fn the_users_file_gives_the_service_names_and_keeps_their_flags() {
    let c = merged(1200, &renamed());
    let names: Vec<&str> = c.services.keys().map(|id| id.as_str()).collect();
    assert_eq!(
        names,
        ["backend", "db", "cache", "proxy", "web", "pgbouncer"]
    );
    assert_eq!(limits(service(&c, "db")), (1.5, mib(1200), None));
    // PostgreSQL: theirs first, then Headroom's; their shared_buffers is replaced.
    let db = command(service(&c, "db"));
    assert_eq!(
        &db[..3],
        ["postgres", "-c", "log_min_duration_statement=500"]
    );
    assert!(db.contains(&"shared_buffers=300MB".to_owned()));
    assert!(!db.contains(&"shared_buffers=1GB".to_owned()));
    // Redis: the config file stays first, the password stays, maxmemory is Headroom's.
    assert_eq!(
        command(service(&c, "cache")),
        [
            "redis-server",
            "/etc/redis.conf",
            "--requirepass",
            "s3cret",
            "--maxmemory",
            "256mb",
            "--maxmemory-policy",
            "allkeys-lru"
        ]
    );
    assert_eq!(
        env(service(&c, "backend"), "NODE_OPTIONS").as_deref(),
        Some("--enable-source-maps --max-old-space-size=454")
    );
    // PgBouncer in front of their PostgreSQL.
    assert_eq!(
        env(service(&c, "pgbouncer"), "DB_HOST").as_deref(),
        Some("db")
    );
}

#[test]
fn a_role_missing_from_the_users_file_gets_no_limits_and_says_so() {
    let mut base = renamed();
    base.services.retain(|s| s.name != "proxy");
    let plan = plan_for("users=80");
    let yaml = compose::for_plan(&plan, &base).expect("an override");
    assert!(yaml.contains("# no nginx service in your file: its limits are not written"));
    assert!(!yaml.contains("  nginx:"));
}

#[test]
fn the_api_is_found_by_name_then_by_image() {
    let by_image = Base {
        project: None,
        services: vec![
            base_service("app", Some("node:20"), None),
            base_service("db", Some("postgres"), None),
        ],
    };
    assert_eq!(
        by_image.find(Role::Api).map(|s| s.name.as_str()),
        Some("app")
    );
    // Two node services and no telling name: no guess.
    let two = Base {
        project: None,
        services: vec![
            base_service("app", Some("node:20"), None),
            base_service("web", Some("node:20"), None),
        ],
    };
    assert_eq!(two.find(Role::Api), None);
    assert_eq!(
        renamed().find(Role::Api).map(|s| s.name.as_str()),
        Some("backend")
    );
    assert_eq!(
        Base {
            project: None,
            services: vec![base_service("pg", Some("bitnami/postgresql:16"), None)]
        }
        .find(Role::Postgres)
        .map(|s| s.name.as_str()),
        Some("pg")
    );
}

#[test]
fn string_commands_split_as_compose_splits_them() {
    assert_eq!(
        split_command(r#"redis-server --requirepass "s3 cret" --save '' --appendonly yes"#),
        [
            "redis-server",
            "--requirepass",
            "s3 cret",
            "--save",
            "",
            "--appendonly",
            "yes"
        ]
    );
    assert_eq!(
        split_command(r"postgres -c log_line_prefix=%m\ [%p]"),
        ["postgres", "-c", "log_line_prefix=%m [%p]"]
    );
    assert!(split_command("   ").is_empty());
}

#[test]
fn exporters_and_consoles_beside_the_servers_are_not_taken_for_them() {
    let base = Base {
        project: None,
        services: vec![
            base_service(
                "metrics",
                Some("prometheuscommunity/postgres-exporter"),
                None,
            ),
            base_service("insight", Some("redis/redisinsight:latest"), None),
            base_service("db", Some("postgres:16"), None),
            base_service("cache", Some("bitnami/redis:7.2"), None),
        ],
    };
    assert_eq!(
        base.find(Role::Postgres).map(|s| s.name.as_str()),
        Some("db")
    );
    assert_eq!(
        base.find(Role::Redis).map(|s| s.name.as_str()),
        Some("cache")
    );
}

#[test]
fn the_entrypoint_written_out_stays_in_front() {
    let base = Base {
        project: None,
        services: vec![base_service(
            "db",
            Some("postgres:16"),
            Some(&[
                "docker-entrypoint.sh",
                "postgres",
                "-c",
                "log_min_duration_statement=500",
            ]),
        )],
    };
    let c = merged(1200, &base);
    assert_eq!(
        &command(service(&c, "db"))[..4],
        [
            "docker-entrypoint.sh",
            "postgres",
            "-c",
            "log_min_duration_statement=500"
        ]
    );
}

#[test]
fn a_pgbouncer_of_the_users_own_is_left_alone() {
    let mut base = renamed();
    base.services
        .push(base_service("pooler", Some("bitnami/pgbouncer:1"), None));
    let plan = plan_for("users=1200");
    let yaml = compose::for_plan(&plan, &base).expect("an override");
    assert!(!yaml.contains("  pgbouncer:"));
    assert!(!yaml.contains("edoburu"));
    assert!(yaml.contains(
        "# your pooler service is left as it is; set in it: pool_mode=transaction, \
         max_client_conn=1000, default_pool_size=20, max_db_connections=20, reserve_pool_size=0"
    ));
}
