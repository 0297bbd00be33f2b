//! The measurement readers on real outputs of the tools (tests/data/reports,
//! where each file came from is in its README), on broken and hostile
//! inputs, and the USL fit on published and synthetic data.
#![cfg(feature = "reports")]

use headroom_core::measure::{self, docker_stats, loadtest, Arrivals, Reading, Report};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reports")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn report(name: &str) -> Report {
    let report = loadtest::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let q = report
        .queueing()
        .unwrap_or_else(|| panic!("{name}: no queueing inputs"));
    let f = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.3}"));
    println!(
        "{name}: {:?} rate {:.2}/s, c {:?}, mean {} ms, p95 {} ms, S {:.3} ms ({:?}), C_s² {}, in flight {:.2}, arrivals {:?}",
        report.generator,
        report.rate.0,
        report.concurrency,
        f(report.latency.mean),
        q.p95_ms.map_or("—".into(), |(v, fitted)| format!("{v:.3}{}", if fitted { " (fit)" } else { "" })),
        q.service_ms,
        q.service_basis,
        q.cs2.map_or("—".into(), |(c, basis)| format!("{c:.3} ({basis:?})")),
        q.in_flight,
        report.arrivals,
    );
    report
}

#[test]
fn dump() {
    for name in [
        "wrk-latency.txt",
        "wrk-plain.txt",
        "wrk2-readme.txt",
        "autocannon.json",
        "autocannon-rate.json",
        "pgbench-closed.txt",
        "pgbench-rate.txt",
        "pgbench-progress.txt",
        "pgbench-log-closed.log",
        "pgbench-log-rate.log",
        "pgbench-log-sampled.log",
        "k6-summary-export-ticket-reserve.json",
        "k6-summary-export-qr-code-generator.json",
        "k6-handle-summary-centminmod.json",
    ] {
        report(name);
    }
    for name in [
        "docker-stats-docs-table.txt",
        "docker-stats-docs-json.txt",
        "docker-stats-docs-custom-table.txt",
        "docker-stats-docs-windows.txt",
        "docker-stats-compose-issue-1240.txt",
        "docker-stats-fishbaseapi-issue-29.txt",
        "docker-stats-dgx-dashboard-issue-1.txt",
    ] {
        let Ok(Reading::Containers(s)) = measure::read(&fixture(name)) else {
            panic!("{name}: {:?}", measure::read(&fixture(name)))
        };
        println!(
            "{name}: total cpu {:.4} cores, memory {:.1} MiB",
            s.total_cpu.0, s.total_memory.0
        );
        for c in &s.containers {
            println!(
                "   {} {:?} cpu {:?} mem {:?} limit {:?}",
                c.name,
                c.role.map(|r| r.name()),
                c.cpu.map(|c| c.0),
                c.memory.map(|m| m.0),
                c.limit.map(|m| m.0)
            );
        }
        let _ = docker_stats::read(&fixture(name)).expect("reads");
        let _ = Arrivals::ClosedLoop;
    }
}
