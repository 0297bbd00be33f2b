//! `docker stats` as Docker's documentation and public issue reports show
//! it (tests/data/reports; origins in the README there): containers,
//! their roles in the stack, CPU in cores and memory in MiB.
#![cfg(feature = "reports")]

mod common_reports;
use common_reports::{close, fixture};

use headroom_core::measure::docker_stats::{self, Format};
use headroom_core::measure::{self, DockerStats, Reading, Role};
use headroom_core::units::Mebibytes;

fn stats(name: &str) -> DockerStats {
    let stats = docker_stats::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    println!(
        "{name}: {} containers, {:.4} cores, {:.1} MiB",
        stats.containers.len(),
        stats.total_cpu.0,
        stats.total_memory.0
    );
    for c in &stats.containers {
        println!(
            "  {:<40} {:<10} cpu {:?} memory {:?} limit {:?}",
            c.name,
            c.role.map_or("-", Role::name),
            c.cpu.map(|c| c.0),
            c.memory.map(|m| m.0),
            c.limit.map(|m| m.0)
        );
    }
    // The general reader finds the same thing.
    assert_eq!(
        measure::read(&fixture(name)),
        Ok(Reading::Containers(stats.clone()))
    );
    stats
}

#[test]
fn the_default_table() {
    let s = stats("docker-stats-docs-table.txt");
    assert_eq!(s.format, Format::Table);
    let names: Vec<&str> = s.containers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "awesome_brattain",
            "foobar",
            "test-1951.1.kay7x1lh1twk9c0oig50sd5tr",
            "random.1.vnc8on831idyr42slu578u3cr"
        ]
    );
    // None of them is a service of the stack: listed, not dropped.
    assert!(s.containers.iter().all(|c| c.role.is_none()));
    let first = &s.containers[0];
    assert_eq!(first.id.as_deref(), Some("b95a83497c91"));
    close(first.cpu.expect("cpu").0, 0.0028, 1e-12);
    assert_eq!(first.memory, Some(Mebibytes(5.629)));
    close(first.limit.expect("limit").0, 1.952 * 1024.0, 1e-12);
    assert_eq!(first.memory_percent, Some(0.28));
    assert_eq!(first.net_io, Some((916.0, 0.0)));
    assert_eq!(first.block_io, Some((147_000.0, 0.0)));
    assert_eq!(first.pids, Some(9));
    assert_eq!(s.containers[2].memory, Some(Mebibytes(196.0 / 1024.0)));
    close(s.total_cpu.0, 0.0028, 1e-12);
    close(
        s.total_memory.0,
        5.629 + 1.727 + 196.0 / 1024.0 + 1.672,
        1e-12,
    );
    // No container has a limit of its own: Docker shows the host's memory.
    close(s.largest_limit().expect("limit").0, 1998.848, 1e-12);
}

#[test]
fn json_lines() {
    let s = stats("docker-stats-docs-json.txt");
    assert_eq!(s.format, Format::JsonLines);
    let nginx = &s.containers[0];
    assert_eq!(
        (nginx.name.as_str(), nginx.role, nginx.id.as_deref()),
        ("nginx", Some(Role::Nginx), Some("ed37317fbf42"))
    );
    close(nginx.cpu.expect("cpu").0, 0.0003, 1e-12);
    assert_eq!(
        (nginx.memory, nginx.limit),
        (Some(Mebibytes(2.352)), Some(Mebibytes(982.5)))
    );
    assert_eq!(nginx.net_io, Some((539_000.0, 606_000.0)));
    assert_eq!(nginx.pids, Some(2));
}

#[test]
fn a_custom_table_with_stopped_containers() {
    let s = stats("docker-stats-docs-custom-table.txt");
    assert_eq!(s.containers.len(), 4);
    let stopped = &s.containers[2];
    assert_eq!(stopped.name, "humble_visvesvaraya");
    assert_eq!(
        (stopped.memory, stopped.limit),
        (Some(Mebibytes(0.0)), Some(Mebibytes(0.0)))
    );
    assert_eq!(s.containers[1].name, "5acfcb1b4fd1");
    assert_eq!(s.containers[1].id, None);
}

#[test]
fn the_windows_table_has_no_limit() {
    let s = stats("docker-stats-docs-windows.txt");
    let first = &s.containers[0];
    assert_eq!(first.name, "09d3bb5b1604");
    assert_eq!((first.memory, first.limit), (Some(Mebibytes(38.21)), None));
    assert_eq!(first.block_io, Some((10.7e6, 3.57e6)));
    close(s.total_cpu.0, 0.0661 + 0.0919, 1e-12);
}

#[test]
fn an_old_docker_with_a_compose_v1_stack() {
    let s = stats("docker-stats-compose-issue-1240.txt");
    let role = |name: &str| {
        s.containers
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{name}"))
            .role
    };
    assert_eq!(role("company_db_1"), Some(Role::Postgres));
    assert_eq!(role("company_redis_1"), Some(Role::Redis));
    assert_eq!(role("company_nginx_1"), Some(Role::Nginx));
    assert_eq!(role("company_app_15"), Some(Role::Api));
    assert_eq!(role("company_elasticsearch_1"), None);
    assert_eq!(role("company_resque_24"), None);
    let redis: Vec<_> = s.with_role(Role::Redis).collect();
    assert_eq!(redis.len(), 1);
    close(redis[0].memory.expect("memory").0, 3.463 * 1024.0, 1e-12);
    close(redis[0].cpu.expect("cpu").0, 0.028, 1e-12);
    close(
        s.total_cpu.0,
        (12.13 + 20.27 + 10.76 + 0.57 + 0.44 + 2.80) / 100.0,
        1e-12,
    );
    // On a 4-core, 14 GiB machine.
    close(s.cpu_percent_of(4.0), 46.97 / 4.0, 1e-9);
    close(
        s.memory_percent_of(Mebibytes(13.7 * 1024.0)),
        100.0 * s.total_memory.0 / (13.7 * 1024.0),
        1e-12,
    );
}

#[test]
fn names_without_separators() {
    let s = stats("docker-stats-fishbaseapi-issue-29.txt");
    let roles: Vec<Option<Role>> = s.containers.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [None, None, None, Some(Role::Nginx), Some(Role::Redis)]
    );
    assert_eq!(s.containers[3].net_io, Some((0.0, 0.0)));
}

#[test]
fn a_recent_table() {
    let s = stats("docker-stats-dgx-dashboard-issue-1.txt");
    let c = &s.containers[0];
    assert_eq!(c.name, "competent_ishizaka");
    assert_eq!(c.memory, Some(Mebibytes(47.43)));
    assert_eq!(c.block_io, Some((31.3e6, 42.1e6)));
    assert_eq!(c.pids, Some(7));
}

#[test]
fn every_role_is_a_service_the_override_limits_under_the_same_name() {
    // The per-service table sets each container beside the override's limit
    // of the service of the same name: MinIO and the front end included.
    use headroom_core::{query, Defaults, Lang, YearMonth};
    let defaults = Defaults {
        today: YearMonth::new(2026, 11).expect("a month"),
        lang: Lang::En,
        day: 1,
    };
    let plan = headroom_core::plan(&query::decode("users=300", defaults).scenario);
    let yaml = headroom_core::compose::for_plan(&plan, &headroom_core::compose::Defaults)
        .expect("an override");
    for role in Role::ALL {
        assert_eq!(role.service().name(), role.name());
        if role != Role::PgBouncer {
            assert!(
                yaml.contains(&format!("\n  {}:", role.name())),
                "{}",
                role.name()
            );
        }
    }
}
