//! `--stats` and `--loadtest`: the real outputs kept in the core's test
//! data turned into a plan, readable and as JSON, and that plan again from
//! its share link; files Headroom cannot use, refused in one line.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn headroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/data/reports")
        .join(name)
        .display()
        .to_string()
}

fn stdout(args: &[&str]) -> String {
    let out = headroom(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn refusal(args: &[&str]) -> String {
    let out = headroom(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"));
    stderr.trim_end().to_owned()
}

#[test]
fn stats_and_a_load_test_make_the_plan_and_its_link_reproduces_it() {
    let stats = fixture("docker-stats-compose-issue-1240.txt");
    let oha = fixture("oha.json");
    let args = [
        "plan",
        "--users",
        "1500",
        "--host",
        "minipc",
        "--stats",
        &stats,
        "--loadtest",
        &oha,
    ];
    let text = stdout(&[&args[..], &["--section", "measurements"]].concat());
    println!("{text}");
    assert!(text.contains("company_db_1") && text.contains("PostgreSQL"));
    assert!(
        text.contains("not in the planned stack"),
        "strangers listed"
    );
    assert!(text.contains("The first to reach its limit under the override: company_redis_1"));
    assert!(text.contains("oha (sending mode not stated)"));
    assert!(text.contains("measured by your oha load test"));
    let json: Value =
        serde_json::from_str(&stdout(&[&args[..], &["--json"]].concat())).expect("JSON");
    let m = &json["measurements"];
    assert_eq!(m["source"], serde_json::json!(["docker_stats", "oha"]));
    assert_eq!(m["services"].as_array().expect("services").len(), 10);
    assert_eq!(m["binds_first"], "company_redis_1");
    assert_eq!(json["latency"]["basis"], "measured");
    assert!(json["scenario"]["service_ms"].as_f64().expect("svc") > 0.0);
    let query = json["query"].as_str().expect("query");
    for key in ["cpu=", "ram=", "svc=", "cs2=", "lt=", "ds="] {
        assert!(query.contains(key), "{key} in {query}");
    }
    // The link alone gives the same plan.
    let again: Value =
        serde_json::from_str(&stdout(&["plan", "--link", query, "--json"])).expect("JSON");
    assert_eq!(again["measurements"], json["measurements"]);
    assert_eq!(again["latency"], json["latency"]);
    assert_eq!(again["agenda"], json["agenda"]);
    // And it follows the schema.
    let schema: Value = serde_json::from_str(include_str!("../../../schema/plan.schema.json"))
        .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn flags_win_over_what_a_measurement_sets_and_measurements_fit_the_flags_machine() {
    let stats = fixture("docker-stats-docs-json.txt");
    let pi: Value =
        serde_json::from_str(&stdout(&["plan", "--stats", &stats, "--json"])).expect("JSON");
    let mini: Value = serde_json::from_str(&stdout(&[
        "plan", "--stats", &stats, "--host", "minipc", "--json",
    ]))
    .expect("JSON");
    let ram = |v: &Value| {
        let q = v["query"].as_str().expect("q").to_owned();
        q.split('&')
            .find(|p| p.starts_with("ram="))
            .map(str::to_owned)
    };
    // The same containers are a smaller share of the mini PC's 32 GB.
    assert_ne!(ram(&pi), ram(&mini));
    let given: Value = serde_json::from_str(&stdout(&[
        "plan", "--stats", &stats, "--cpu", "42", "--json",
    ]))
    .expect("JSON");
    assert!(given["query"].as_str().expect("q").contains("cpu=42"));
}

#[test]
fn several_levels_in_french_and_what_cannot_be_read() {
    let levels: Vec<String> = ["pgbench-closed.txt", "pgbench-rate.txt"]
        .iter()
        .map(|n| fixture(n))
        .collect();
    let text = stdout(&[
        "plan",
        "--lang",
        "fr",
        "--loadtest",
        &levels[0],
        "--loadtest",
        &levels[1],
        "--section",
        "measurements",
    ]);
    println!("{text}");
    assert!(text.contains("Vos mesures") && text.contains("pgbench"));
    assert!(text.contains("il en faut au moins 6") || text.contains("en demande au moins 6"));

    let missing = refusal(&["plan", "--stats", "/nonexistent/stats.txt"]);
    assert_eq!(
        missing,
        "headroom: --stats /nonexistent/stats.txt: no such file"
    );
    let garbage = std::env::temp_dir().join(format!("headroom-garbage-{}.txt", std::process::id()));
    std::fs::write(&garbage, "this is not a report\n").expect("write");
    let path = garbage.display().to_string();
    let message = refusal(&["plan", "--loadtest", &path, "--lang", "fr"]);
    assert!(
        message.starts_with(&format!("headroom: --loadtest {path} : format inconnu")),
        "{message}"
    );
    let swapped = refusal(&["plan", "--stats", &fixture("oha.json")]);
    assert!(
        swapped.ends_with("this is a load-test report: give it with --loadtest"),
        "{swapped}"
    );
    let truncated = std::env::temp_dir().join(format!("headroom-cut-{}.json", std::process::id()));
    let oha = std::fs::read_to_string(fixture("oha.json")).expect("oha");
    std::fs::write(&truncated, &oha[..oha.len() / 2]).expect("write");
    let message = refusal(&["plan", "--loadtest", &truncated.display().to_string()]);
    println!("{message}");
    assert!(message.contains("JSON"), "{message}");
    let _ = std::fs::remove_file(garbage);
    let _ = std::fs::remove_file(truncated);
}
