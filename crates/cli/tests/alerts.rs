//! `headroom plan --alerts FILE`: the decision table as Prometheus alerting
//! rules, checked by Prometheus' own promtool (`check rules`) and proven
//! rule by rule (`test rules`): each alert fires when its metric is above
//! the threshold for 15 minutes and stays quiet below it.

use headroom_core::decision::{Metric, Severity, THRESHOLDS};
use headroom_core::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

const PROMTOOL: &str = "/usr/bin/promtool";

fn promtool(args: &[&str], dir: &Path) -> String {
    assert!(
        Path::new(PROMTOOL).exists(),
        "{PROMTOOL} not found: install Debian's prometheus package (./scripts/install-tools does)"
    );
    let out = Command::new(PROMTOOL)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run promtool");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "promtool {args:?} failed:\n{text}");
    text
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("headroom-alerts-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes the rules for `users` with the CLI, as a user would.
fn write_rules(dir: &Path, users: &str, extra: &[&str]) {
    let file = dir.join("headroom-alerts.yml");
    let out = Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(["plan", "--users", users, "--alerts"])
        .arg(&file)
        .args(extra)
        .env("LANG", "C")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The expected alert, with the annotations the decision table gives it.
fn expected(metric: Metric, severity: Severity, labels: &str) -> String {
    let row = THRESHOLDS
        .iter()
        .find(|r| r.metric == metric && r.severity == severity)
        .expect("a row");
    let summary = format!(
        "{} > {}",
        row.metric.name().get(Lang::En),
        row.metric.format(row.threshold, Lang::En)
    );
    let severity = format!("{severity:?}").to_ascii_lowercase();
    format!(
        "          - exp_labels: {{severity: {severity}{labels}}}\n            exp_annotations: {{summary: {}, action: {}}}\n",
        quoted(&summary),
        quoted(row.action.get(Lang::En))
    )
}

/// One promtool test: `series` for 40 minutes, then at 30 minutes the
/// metric's two alerts (if any) are expected as `fired`.
fn case<A: AsRef<str>>(series: &[(String, String)], checks: &[(A, String)]) -> String {
    let mut t = String::from("  - interval: 1m\n    input_series:\n");
    for (name, values) in series {
        t.push_str(&format!(
            "      - series: {}\n        values: '{values}'\n",
            quoted(name)
        ));
    }
    t.push_str("    alert_rule_test:\n");
    for (alert, exp) in checks {
        let alert = alert.as_ref();
        t.push_str(&format!(
            "      - eval_time: 30m\n        alertname: {alert}\n        exp_alerts:\n"
        ));
        if exp.is_empty() {
            t.truncate(t.len() - 1);
            t.push_str(" []\n");
        } else {
            t.push_str(exp);
        }
    }
    t
}

/// A gauge at `value` for 40 minutes.
fn gauge(value: f64) -> String {
    format!("{value}x40")
}

#[test]
fn promtool_accepts_the_rules_and_every_threshold_fires_above_it_and_not_below() {
    let dir = temp_dir("test");
    write_rules(&dir, "1200", &[]);
    promtool(&["check", "rules", "headroom-alerts.yml"], &dir);

    let mut tests =
        String::from("rule_files:\n  - headroom-alerts.yml\nevaluation_interval: 1m\ntests:\n");
    let pair = |metric,
                warning: &str,
                second: &str,
                second_severity,
                fired: (bool, bool),
                labels: &str| {
        vec![
            (
                warning.to_owned(),
                if fired.0 {
                    expected(metric, Severity::Warning, labels)
                } else {
                    String::new()
                },
            ),
            (
                second.to_owned(),
                if fired.1 {
                    expected(metric, second_severity, labels)
                } else {
                    String::new()
                },
            ),
        ]
    };
    // CPU: idle seconds per second of the one CPU; busy = 1 - idle.
    for (busy, fired) in [
        (60.0, (false, false)),
        (80.0, (true, false)),
        (90.0, (true, true)),
    ] {
        let idle_per_minute = 60.0 * (1.0 - busy / 100.0);
        let series = [(
            "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\",instance=\"h\"}".to_owned(),
            format!("0+{idle_per_minute}x40"),
        )];
        let checks = pair(
            Metric::Cpu,
            "HostCpuWarning",
            "HostCpuUrgent",
            Severity::Urgent,
            fired,
            ", instance: h",
        );
        tests.push_str(&case(&series, &checks));
    }
    // Memory and disk: percent used of a total of 1000.
    for (used, fired) in [
        (70.0, (false, false)),
        (90.0, (true, false)),
        (97.0, (true, true)),
    ] {
        let free = 1000.0 * (1.0 - used / 100.0);
        let ram = [
            (
                "node_memory_MemTotal_bytes{instance=\"h\"}".to_owned(),
                gauge(1000.0),
            ),
            (
                "node_memory_MemAvailable_bytes{instance=\"h\"}".to_owned(),
                gauge(free),
            ),
        ];
        let checks = pair(
            Metric::Ram,
            "HostMemoryWarning",
            "HostMemoryCritical",
            Severity::Critical,
            fired,
            ", instance: h",
        );
        tests.push_str(&case(&ram, &checks));
        let labels = "device=\"sda1\",fstype=\"ext4\",instance=\"h\",mountpoint=\"/\"";
        let disk = [
            (
                format!("node_filesystem_size_bytes{{{labels}}}"),
                gauge(1000.0),
            ),
            (
                format!("node_filesystem_avail_bytes{{{labels}}}"),
                gauge(free),
            ),
        ];
        let checks = pair(
            Metric::Disk,
            "HostDiskWarning",
            "HostDiskCritical",
            Severity::Critical,
            fired,
            ", device: sda1, fstype: ext4, instance: h, mountpoint: /",
        );
        tests.push_str(&case(&disk, &checks));
    }
    // p95: every request in one bucket, so the 95th percentile sits 95% into it:
    // (0, 0.5] → 475 ms; (1, 2] → 1,950 ms; (2, 5] → 4,850 ms.
    let histogram = "http_request_duration_seconds";
    for (lowest_bucket, fired) in [
        (0usize, (false, false)),
        (2, (true, false)),
        (3, (true, true)),
    ] {
        let bounds = ["0.5", "1", "2", "5", "+Inf"];
        let series: Vec<(String, String)> = bounds
            .iter()
            .enumerate()
            .map(|(i, le)| {
                let rate = if i >= lowest_bucket { 60 } else { 0 };
                (
                    format!("{histogram}_bucket{{le=\"{le}\"}}"),
                    format!("0+{rate}x40"),
                )
            })
            .collect();
        let checks = pair(
            Metric::P95,
            "LatencyP95Warning",
            "LatencyP95Urgent",
            Severity::Urgent,
            fired,
            "",
        );
        tests.push_str(&case(&series, &checks));
    }
    // 5xx: errors per minute out of 100 requests.
    for (errors, fired) in [(0.5, false), (2.0, true)] {
        let series = [
            (
                format!("{histogram}_count{{code=\"500\"}}"),
                format!("0+{errors}x40"),
            ),
            (
                format!("{histogram}_count{{code=\"200\"}}"),
                format!("0+{}x40", 100.0 - errors),
            ),
        ];
        let exp = if fired {
            expected(Metric::Errors, Severity::Warning, "")
        } else {
            String::new()
        };
        tests.push_str(&case(&series, &[("Http5xxWarning", exp)]));
    }
    // A container against its own mem_limit: tier 3's PostgreSQL, 1200m.
    let limit = 1200.0 * 1_048_576.0;
    for (used, fired) in [
        (70.0, (false, false)),
        (90.0, (true, false)),
        (97.0, (true, true)),
    ] {
        let series = [(
            "container_memory_working_set_bytes{name=\"app-postgres-1\"}".to_owned(),
            gauge(limit * used / 100.0),
        )];
        let container = |severity: Severity, threshold: f64| {
            let action = THRESHOLDS
                .iter()
                .find(|r| r.metric == Metric::Ram && r.severity == severity)
                .expect("row")
                .action
                .get(Lang::En);
            let level = format!("{severity:?}").to_ascii_lowercase();
            format!(
                "          - exp_labels: {{severity: {level}, name: app-postgres-1}}\n            exp_annotations: {{summary: {}, action: {}}}\n",
                quoted(&format!("Container postgres memory > {threshold}% of its mem_limit (1200m)")),
                quoted(action)
            )
        };
        let checks = [
            (
                "ContainerPostgresMemoryWarning",
                if fired.0 {
                    container(Severity::Warning, 80.0)
                } else {
                    String::new()
                },
            ),
            (
                "ContainerPostgresMemoryCritical",
                if fired.1 {
                    container(Severity::Critical, 95.0)
                } else {
                    String::new()
                },
            ),
        ];
        tests.push_str(&case(&series, &checks));
    }
    std::fs::write(dir.join("tests.yml"), &tests).expect("write tests.yml");
    let out = promtool(&["test", "rules", "tests.yml"], &dir);
    assert!(out.contains("SUCCESS"), "{out}\n{tests}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_histogram_is_an_input_and_the_actions_follow_the_language() {
    let dir = temp_dir("fr");
    write_rules(
        &dir,
        "300",
        &["--lang", "fr", "--histogram", "api_latency_seconds"],
    );
    promtool(&["check", "rules", "headroom-alerts.yml"], &dir);
    let rules = std::fs::read_to_string(dir.join("headroom-alerts.yml")).expect("rules");
    assert!(rules.contains("rate(api_latency_seconds_bucket[5m])"));
    assert!(rules.contains("action: 'Optimiser les requêtes SQL'"));
    // Tier 2 has no PgBouncer: four containers, two rules each, and the nine rows.
    assert_eq!(rules.matches("- alert: ").count(), 9 + 4 * 2);
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(["plan", "--histogram", "1bad-name"])
        .env("LANG", "C")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("headroom: --histogram: \"1bad-name\" refused"));
}
