#![cfg(not(target_arch = "wasm32"))]
//! The migration runbook's database commands, run against a real
//! PostgreSQL 15 as the official image's shell would run them inside the
//! container (`docker exec` stripped: there is no Docker engine here, and
//! the image's psql talks to its own server). The dump, the database's
//! creation and the import must move every row, as the image's
//! `POSTGRES_USER` (here `shopper`) and as the default `postgres`.

use headroom_core::runbook::MIGRATION;
use headroom_core::{query, Defaults, Lang, YearMonth};
use headroom_e2e::servers::{Postgres, TempDir};
use std::process::Command;

/// The commands of phase 2 that reach PostgreSQL, names filled in.
fn database_commands(db: &str) -> Vec<String> {
    let defaults = Defaults {
        today: YearMonth::new(2026, 12).expect("a month"),
        lang: Lang::En,
        day: 1,
    };
    let names = query::decode(&format!("db={db}&pgcontainer=pg"), defaults)
        .scenario
        .names;
    MIGRATION[1]
        .steps
        .iter()
        .flat_map(|s| s.commands_for(&names))
        .filter(|c| c.contains("pg_dump") || c.contains("createdb") || c.contains("psql -U"))
        .collect()
}

/// `command` as the container's shell runs it, from `dir`, against `pg`,
/// with the image's `POSTGRES_USER` when `user` is given.
fn run(command: &str, dir: &TempDir, pg: &Postgres, user: Option<&str>) -> String {
    let inside = command
        .replacen("docker exec -i pg ", "", 1)
        .replacen("docker exec pg ", "", 1)
        .replace("/tmp/backup.sql", "backup.sql");
    assert!(!inside.contains("docker"), "{inside}");
    let mut sh = Command::new("sh");
    sh.args(["-c", &inside])
        .current_dir(dir.path())
        .env(
            "PATH",
            format!(
                "/usr/lib/postgresql/15/bin:{}",
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("PGHOST", "127.0.0.1")
        .env("PGPORT", pg.port().to_string())
        .env("PGSSLMODE", "disable")
        .env_remove("PGUSER")
        .env_remove("PGDATABASE");
    match user {
        Some(user) => sh.env("POSTGRES_USER", user),
        None => sh.env_remove("POSTGRES_USER"),
    };
    let out = sh.output().expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{inside}\n{stderr}");
    println!("$ {inside}");
    stderr
}

#[test]
fn the_runbooks_dump_and_import_move_every_row() {
    let pg = Postgres::start(&[], 64 << 20);
    // What the image does with POSTGRES_USER=shopper, POSTGRES_DB=shop.
    pg.psql("CREATE ROLE shopper SUPERUSER LOGIN")
        .expect("the image's role");
    pg.psql("CREATE DATABASE shop OWNER shopper")
        .expect("the image's database");
    let seed = "CREATE TABLE orders (id int PRIMARY KEY, note text); \
                INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 1000) g;";
    let status = Command::new("/usr/lib/postgresql/15/bin/psql")
        .args([
            "-X",
            "-h",
            "127.0.0.1",
            "-p",
            &pg.port().to_string(),
            "-U",
            "shopper",
            "-d",
            "shop",
            "-c",
            seed,
        ])
        .env("PGSSLMODE", "disable")
        .output()
        .expect("psql");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    for (user, copy) in [(Some("shopper"), "shop_copy"), (None, "shop_again")] {
        let dir = TempDir::new("runbook");
        let dump = &database_commands("shop")[0];
        assert!(dump.contains("pg_dump"), "{dump}");
        run(dump, &dir, &pg, user);
        // At the destination: the database created, then the dump imported.
        for command in &database_commands(copy)[1..] {
            run(command, &dir, &pg, user);
        }
        let count = pg
            .psql(&format!(
                "SELECT count(*) FROM pg_catalog.pg_database WHERE datname = '{copy}'"
            ))
            .expect("catalog");
        assert_eq!(count, "1", "{copy} created");
        let rows = Command::new("/usr/lib/postgresql/15/bin/psql")
            .args([
                "-X",
                "-At",
                "-h",
                "127.0.0.1",
                "-p",
                &pg.port().to_string(),
                "-U",
                "postgres",
                "-d",
                copy,
                "-c",
                "SELECT count(*), sum(id) FROM orders",
            ])
            .env("PGSSLMODE", "disable")
            .output()
            .expect("psql");
        let rows = String::from_utf8_lossy(&rows.stdout).trim().to_owned();
        println!("{copy} as {user:?}: {rows}");
        assert_eq!(rows, "1000|500500", "every row moved into {copy}");
    }
    pg.stop();
}
