//! Source sections 3, 5, 6 and 8: the migration, the change checklist, the
//! special considerations and the conclusion.

mod common;
use common::{defaults, plan_for};
use headroom_core::corrections::{about, Topic, CORRECTIONS};
use headroom_core::runbook::{
    advice_for, Side, COMPOSE_CHANGE, CONCLUSION, CONSIDERATIONS, MIGRATION, POOLER, ROLLBACK,
};
use headroom_core::units::Euros;
use headroom_core::{query, Host, Lang};

fn all_commands(names: &headroom_core::scenario::Names) -> Vec<String> {
    MIGRATION[1]
        .steps
        .iter()
        .flat_map(|s| s.commands_for(names))
        .collect()
}

#[test]
fn three_phases_with_their_durations() {
    let phases: Vec<(u8, &str, &str)> = MIGRATION
        .iter()
        .map(|p| (p.number, p.name.get(Lang::En), p.duration.get(Lang::En)))
        .collect();
    assert_eq!(
        phases,
        [
            (1, "Preparation", "1-2 weeks"),
            (2, "Migration", "2-4 hours of downtime"),
            (3, "Consolidation", "1 week"),
        ]
    );
    assert_eq!(
        (MIGRATION[0].tasks.len(), MIGRATION[0].checklist.len()),
        (5, 5)
    );
    assert_eq!(MIGRATION[2].tasks.len(), 4);
    assert!(MIGRATION[0].tasks[1]
        .get(Lang::En)
        .contains("Ubuntu 22.04 LTS"));
}

#[test]
fn the_dump_runs_while_postgres_is_up_and_the_import_after_it_starts() {
    let names = query::decode("", defaults()).scenario.names;
    let commands = all_commands(&names);
    let at = |needle: &str| {
        commands
            .iter()
            .position(|c| c.contains(needle))
            .unwrap_or_else(|| panic!("no command with {needle}: {commands:#?}"))
    };
    let stop_front = at("docker compose stop nginx api");
    let dump = at("pg_dump");
    let down = at("docker compose down");
    let start_pg = at("docker compose up -d postgres");
    let create = at("createdb");
    let import = at("psql");
    let up = commands
        .iter()
        .rposition(|c| c == "docker compose up -d")
        .unwrap();
    assert!(
        stop_front < dump && dump < down,
        "dump before the stack goes down"
    );
    assert!(
        start_pg < create && create < import && import < up,
        "import into a running postgres"
    );
    assert_eq!(
        commands[dump],
        "docker exec YOUR_PROJECT-postgres-1 sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" YOUR_DB' > backup.sql"
    );
    assert_eq!(
        commands[import],
        "docker exec -i YOUR_PROJECT-postgres-1 sh -c 'psql -U \"${POSTGRES_USER:-postgres}\" -d YOUR_DB' < /tmp/backup.sql"
    );
    assert!(commands
        .iter()
        .any(|c| c == "scp backup.sql user@mini-pc:/tmp/"));
    assert!(
        commands.iter().all(|c| !c.contains("docker-compose ")),
        "Compose v2 only"
    );
    let sides: Vec<Side> = MIGRATION[1].steps.iter().map(|s| s.side).collect();
    let first_destination = sides.iter().position(|s| *s == Side::Destination).unwrap();
    assert!(sides[..first_destination]
        .iter()
        .all(|s| *s == Side::Source));
}

#[test]
fn names_are_substituted() {
    let names = query::decode(
        "db=shop&domain=shop.example&target=nuc&pgcontainer=shop-db-1&pgvolume=shop_pgdata",
        defaults(),
    )
    .scenario
    .names;
    let commands = all_commands(&names).join("\n");
    assert!(commands.contains(
        "docker exec shop-db-1 sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" shop' > backup.sql"
    ));
    // The full backup reads the named volume through a throwaway container.
    assert!(commands.contains("docker run --rm -v shop_pgdata:/data:ro"));
    assert!(!commands.contains("/var/lib/postgresql") && !commands.contains("/var/www/memoo"));
    assert!(commands.contains("scp backup.sql user@nuc:/tmp/"));
    assert!(
        !commands.contains("memolist")
            && !commands.contains("memoo")
            && !commands.contains("YOUR_")
    );
    let dns = MIGRATION[1].steps.last().unwrap();
    assert_eq!(
        dns.note_for(&names, Lang::En).unwrap(),
        "Point shop.example at the mini PC's IP address."
    );
    let back = ROLLBACK.last().unwrap();
    assert_eq!(
        back.note_for(&names, Lang::Fr).unwrap(),
        "Faire pointer shop.example de nouveau vers le Pi 4."
    );
}

#[test]
fn rollback_stops_the_new_host_and_restarts_the_old() {
    assert_eq!(ROLLBACK[0].side, Side::Destination);
    assert_eq!(ROLLBACK[0].commands, ["docker compose down"]);
    assert_eq!(ROLLBACK[1].side, Side::Source);
    assert_eq!(ROLLBACK[1].commands, ["docker compose up -d"]);
}

#[test]
fn the_compose_change_checklist_has_the_sources_six_steps() {
    let commands: Vec<&str> = COMPOSE_CHANGE
        .iter()
        .flat_map(|s| s.commands.iter().copied())
        .collect();
    assert_eq!(COMPOSE_CHANGE.len(), 6);
    assert_eq!(commands[0], "docker compose down");
    assert_eq!(
        commands[1],
        "tar -czf backup-pre-change.tar.gz docker-compose.yml .env"
    );
    assert!(commands.contains(&"docker compose logs -f api"));
    assert!(commands.contains(&"curl -v http://localhost:5000/api/health"));
    assert_eq!(
        commands.last(),
        Some(&"watch -n 1 'docker stats --no-stream'")
    );
    assert!(COMPOSE_CHANGE[5].title.get(Lang::En).contains("30 minutes"));
}

#[test]
fn special_considerations() {
    let [heat, network, noise, memory] = &CONSIDERATIONS;
    assert_eq!(heat.price, Some(Euros::about(10)));
    assert!(heat.points[1].get(Lang::En).contains("70 °C"));
    assert_eq!(heat.commands[0].1, "vcgencmd measure_temp");
    assert!(heat.commands[1].1.contains("powersave"));
    assert!(network.points[0].get(Lang::En).contains("10 Mbps"));
    assert!(network.points[1].get(Lang::En).contains("125 MB/s"));
    assert_eq!(network.commands[1].1, "iperf3 -c <server-ip> -t 30");
    assert!(noise.summary.get(Lang::En).contains("fanless"));
    // Which apply: heat on the Pi only; network from 500 users.
    assert!(heat.applies(Host::Pi4, 10) && !heat.applies(Host::MiniPc, 10));
    assert!(!network.applies(Host::Pi4, 499) && network.applies(Host::Pi4, 500));
    assert!(!network.applies(Host::Cloud, 5_000));
    // The Pi's memory cgroup, without which every mem_limit is ignored.
    assert!(memory.applies(Host::Pi4, 10) && !memory.applies(Host::MiniPc, 10));
    assert!(memory.points[0]
        .get(Lang::En)
        .contains("cgroup_enable=memory"));
    assert_eq!(
        memory.commands[0].1,
        "docker info 2>&1 | grep -i 'memory limit'"
    );
}

#[test]
fn conclusion_applied_to_the_users() {
    assert_eq!(
        CONCLUSION.map(|a| a.source_range),
        ["0-500", "500-1000", "1500-2000", "2000+"]
    );
    assert_eq!(advice_for(0).source_range, "0-500");
    assert_eq!(advice_for(500).source_range, "0-500");
    assert_eq!(advice_for(501).source_range, "500-1000");
    assert_eq!(advice_for(1_499).source_range, "500-1000");
    assert_eq!(advice_for(1_500).source_range, "1500-2000");
    assert_eq!(advice_for(2_000).source_range, "1500-2000");
    let cloud = advice_for(2_001);
    assert_eq!(cloud.advice.get(Lang::En), "Cloud is mandatory");
    assert!(cloud.correction.unwrap().get(Lang::En).contains("10,000"));
    assert_eq!(CONCLUSION[1].price, Some(Euros::about(65)));
    assert_eq!(CONCLUSION[2].price, Some(Euros::about(500)));
    assert_eq!(plan_for("users=800").advice.source_range, "500-1000");
}

#[test]
fn every_spec_correction_is_listed_with_both_sides_in_both_languages() {
    assert_eq!(CORRECTIONS.len(), 12);
    assert_eq!(about(Topic::Migration).count(), 3);
    for c in CORRECTIONS {
        for lang in Lang::ALL {
            assert!(!c.source_says.get(lang).is_empty() && !c.headroom_does.get(lang).is_empty());
        }
    }
}

#[test]
fn the_pooler_runbook_points_the_api_at_pgbouncer_with_your_database() {
    let plan = plan_for("users=1200&db=shop");
    let names = &plan.scenario.names;
    let commands: Vec<String> = POOLER.iter().flat_map(|s| s.commands_for(names)).collect();
    assert!(commands
        .iter()
        .any(|c| c == "sed -i 's#@postgres:5432/shop#@pgbouncer:5432/shop?pgbouncer=true#' .env"));
    assert!(commands.iter().any(|c| c.contains("-d shop -c")));
    assert!(POOLER.iter().all(|s| s.side == Side::Current));
}

#[test]
fn the_move_to_the_cloud_imports_once_nothing_writes_and_postgres_still_runs() {
    let commands: Vec<&str> = headroom_core::runbook::TO_CLOUD
        .iter()
        .flat_map(|step| step.commands.iter().copied())
        .collect();
    let at = |needle: &str| commands.iter().position(|c| c.contains(needle)).unwrap();
    // The secrets exist before anything refers to them; the API is stopped
    // before CloudNativePG's import copies the database.
    assert!(at("secrets.example.sh") < at("apply -k k8s/import"));
    assert!(at("stop api") < at("apply -k k8s/import"));
    assert!(at("apply -k k8s/import") < at("condition=Ready"));
    // The rows are counted on both sides and compared before the rest starts.
    assert!(at("rows-before.txt") < at("diff rows-before.txt rows-after.txt"));
    let rest = commands
        .iter()
        .position(|c| *c == "kubectl apply -k k8s")
        .unwrap();
    assert!(at("diff rows-before") < rest && rest < at("--for=condition=Available"));
    // PostgreSQL on the machine left is never stopped, and the rollback is
    // starting its API again.
    assert!(!commands
        .iter()
        .any(|c| c.contains("down") || c.contains("stop postgres")));
    assert_eq!(commands.last(), Some(&"docker compose start api"));
}

#[test]
fn the_cloud_runbook_counts_rows_with_the_same_query_on_both_sides() {
    let names = &plan_for("users=8000&host=minipc&db=shop&pgcontainer=pg")
        .scenario
        .names;
    let commands: Vec<String> = headroom_core::runbook::TO_CLOUD
        .iter()
        .flat_map(|s| s.commands_for(names))
        .collect();
    let query = |marker: &str| {
        let command = commands.iter().find(|c| c.contains(marker)).unwrap();
        command.split('"').nth(1).unwrap().to_owned()
    };
    assert!(commands
        .iter()
        .any(|c| c.starts_with("docker exec pg psql -U postgres -d shop")));
    assert!(commands
        .iter()
        .any(|c| c.starts_with("kubectl exec postgres-1 -c postgres -- psql -d shop")));
    assert_eq!(query("rows-before.txt"), query("> rows-after.txt"));
    assert!(query("rows-before.txt").contains("count(*)"));
}
