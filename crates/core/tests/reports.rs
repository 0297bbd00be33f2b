//! The load-test readers on real outputs of the tools (tests/data/reports;
//! where each file came from is in its README): the figures each report
//! prints, what Headroom derives from them, and cross-checks between a
//! pgbench log and the summary of the same run.
#![cfg(feature = "reports")]

mod common_reports;
use common_reports::{close, fixture};

use headroom_core::measure::loadtest::{self, ServiceBasis};
use headroom_core::measure::spread::SpreadBasis;
use headroom_core::measure::{Arrivals, Generator, Report};

/// Reads a fixture and prints what the readers make of it.
fn report(name: &str) -> Report {
    let report = loadtest::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let q = report
        .queueing()
        .unwrap_or_else(|| panic!("{name}: no queueing inputs"));
    let shown = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.3}"));
    println!(
        "{name}: {:?}, rate {:.2}/s, concurrency {:?}, mean {} ms, p95 {} ms, S {:.3} ms ({:?}), C_s² {}, in flight {:.2}, {:?}",
        report.generator,
        report.rate.0,
        report.concurrency,
        shown(report.latency.mean),
        q.p95_ms.map_or("—".into(), |(v, fitted)| format!(
            "{v:.3}{}",
            if fitted { " (lognormal fit)" } else { "" }
        )),
        q.service_ms,
        q.service_basis,
        q.cs2
            .map_or("—".into(), |(c, basis)| format!("{c:.3} ({basis:?})")),
        q.in_flight,
        report.arrivals,
    );
    // What holds for every report.
    let ordered: Vec<f64> = report
        .latency
        .percentiles()
        .into_iter()
        .map(|(_, ms)| ms)
        .collect();
    assert!(
        ordered.windows(2).all(|w| w[0] <= w[1]),
        "{name}: percentiles out of order {ordered:?}"
    );
    assert!(q.service_ms > 0.0 && q.in_flight > 0.0, "{name}");
    report
}

#[test]
fn wrk_closed_loop_with_percentiles() {
    let r = report("wrk-latency.txt");
    assert_eq!(
        (r.generator, r.arrivals),
        (Generator::Wrk, Arrivals::ClosedLoop)
    );
    assert_eq!(r.rate.0, 81.11);
    assert_eq!(r.concurrency, Some(8));
    assert_eq!(r.requests, Some(411.0));
    assert_eq!(r.errors, Some(0.0));
    close(r.duration_s.expect("duration"), 5.07, 1e-9);
    let l = r.latency;
    assert_eq!(
        (l.mean, l.stdev, l.max),
        (Some(100.66), Some(50.48), Some(490.79))
    );
    assert_eq!(
        (l.p50, l.p90, l.p95, l.p99),
        (Some(96.23), Some(145.61), None, Some(280.52))
    );
    let q = r.queueing().expect("inputs");
    assert_eq!(q.service_basis, ServiceBasis::MeanLatency);
    let (cs2, basis) = q.cs2.expect("spread");
    assert_eq!(basis, SpreadBasis::StdDev);
    close(cs2, (50.48f64 / 100.66).powi(2), 1e-12);
    // Little's law in a closed loop: the connections are all in flight.
    close(q.in_flight, 8.0, 0.05);
    // No p95 printed: the lognormal through p50, p90, p99 gives one between.
    let (p95, fitted) = q.p95_ms.expect("p95");
    assert!(fitted && p95 > 145.61 && p95 < 280.52, "{p95}");
}

#[test]
fn wrk_without_latency_flag_has_no_percentiles() {
    let r = report("wrk-plain.txt");
    assert_eq!(r.latency.percentiles(), []);
    assert_eq!((r.rate.0, r.concurrency), (73.54, Some(2)));
    assert_eq!(r.queueing().expect("inputs").p95_ms, None);
}

#[test]
fn wrk2_is_read_as_a_constant_rate() {
    let r = report("wrk2-readme.txt");
    assert_eq!(
        (r.generator, r.arrivals),
        (Generator::Wrk2, Arrivals::ConstantRate)
    );
    assert_eq!(r.arrivals.ca2(), Some(0.0));
    assert_eq!((r.rate.0, r.concurrency), (2000.28, Some(100)));
    assert_eq!(r.requests, Some(60018.0));
    assert_eq!(
        (r.latency.p50, r.latency.p90, r.latency.p99),
        (Some(6.67), Some(9.14), Some(11.18))
    );
    assert_eq!(r.latency.mean, Some(6.60));
}

#[test]
fn autocannon_json() {
    let r = report("autocannon.json");
    assert_eq!(
        (r.generator, r.arrivals),
        (Generator::Autocannon, Arrivals::ClosedLoop)
    );
    close(r.rate.0, 447.0 / 5.17, 1e-12);
    assert_eq!((r.concurrency, r.errors), (Some(8), Some(0.0)));
    let l = r.latency;
    assert_eq!((l.mean, l.stdev), (Some(89.17), Some(37.82)));
    assert_eq!(
        (l.p50, l.p90, l.p95, l.p99),
        (Some(81.0), Some(135.0), None, Some(205.0))
    );
    // -R caps each connection's rate; it stays a closed loop, and the JSON
    // does not record the cap.
    let capped = report("autocannon-rate.json");
    assert_eq!(capped.arrivals, Arrivals::ClosedLoop);
    close(capped.rate.0, 436.0 / 5.16, 1e-12);
    assert_eq!(capped.concurrency, Some(4));
}

#[test]
fn pgbench_summaries_closed_and_poisson() {
    let closed = report("pgbench-closed.txt");
    assert_eq!(
        (closed.generator, closed.arrivals),
        (Generator::Pgbench, Arrivals::ClosedLoop)
    );
    assert_eq!(closed.rate.0, 574.389940);
    assert_eq!(closed.concurrency, Some(4));
    assert_eq!((closed.requests, closed.errors), (Some(2853.0), Some(0.0)));
    let q = closed.queueing().expect("inputs");
    assert_eq!(q.service_ms, 6.964);
    // Without -R or -P pgbench prints no spread: none is made up.
    assert_eq!(q.cs2, None);
    close(q.in_flight, 4.0, 0.01);

    let poisson = report("pgbench-rate.txt");
    assert_eq!(poisson.arrivals, Arrivals::Poisson);
    assert_eq!(poisson.arrivals.ca2(), Some(1.0));
    assert_eq!(poisson.schedule_lag_ms, Some(2.537));
    let q = poisson.queueing().expect("inputs");
    assert_eq!(q.service_basis, ServiceBasis::MeanLatencyLessLag);
    close(q.service_ms, 10.536 - 2.537, 1e-12);
    close(
        q.cs2.expect("stddev").0,
        (13.380f64 / 10.536).powi(2),
        1e-12,
    );

    // Progress lines (-P) before the summary are skipped.
    let progress = report("pgbench-progress.txt");
    assert_eq!(
        (progress.rate.0, progress.concurrency),
        (293.797648, Some(8))
    );
}

/// The log's own figures agree with the summary pgbench printed for the
/// same run.
fn log_against_summary(log: &str, summary: &str, rate_tolerance: f64) -> (Report, Report) {
    let from_log = report(log);
    let from_summary = report(summary);
    assert_eq!(from_log.generator, Generator::PgbenchLog);
    assert_eq!(from_log.concurrency, from_summary.concurrency);
    assert_eq!(from_log.arrivals, from_summary.arrivals);
    close(from_log.rate.0, from_summary.rate.0, rate_tolerance);
    (from_log, from_summary)
}

#[test]
fn pgbench_log_closed_loop() {
    let (log, summary) = log_against_summary(
        "pgbench-log-closed.log",
        "pgbench-log-closed.summary.txt",
        0.01,
    );
    assert_eq!(log.arrivals, Arrivals::ClosedLoop);
    assert_eq!(log.requests, summary.requests);
    // The summary's closed-loop mean is run time × clients ÷ transactions,
    // a little above the mean of the logged times.
    let (mean_log, mean_summary) = (
        log.latency.mean.expect("mean"),
        summary.latency.mean.expect("mean"),
    );
    assert!(mean_log <= mean_summary && mean_log > 0.95 * mean_summary);
    let q = log.queueing().expect("inputs");
    let (cs2, basis) = q.cs2.expect("spread");
    assert_eq!(basis, SpreadBasis::Samples { n: 1215 });
    assert!(cs2 > 0.0 && cs2 < 10.0, "{cs2}");
}

#[test]
fn pgbench_log_with_rate_is_poisson_and_counts_from_the_schedule() {
    let (log, summary) =
        log_against_summary("pgbench-log-rate.log", "pgbench-log-rate.summary.txt", 0.01);
    assert_eq!(log.arrivals, Arrivals::Poisson);
    // With -R both count latency from the scheduled start: the same mean,
    // and the same lag, to the printed precision.
    close(
        log.latency.mean.expect("mean"),
        summary.latency.mean.expect("mean"),
        0.001,
    );
    close(
        log.schedule_lag_ms.expect("lag"),
        summary.schedule_lag_ms.expect("lag"),
        0.001,
    );
    let q = log.queueing().expect("inputs");
    assert_eq!(q.service_basis, ServiceBasis::MeanLatencyLessLag);
    close(
        q.service_ms,
        log.latency.mean.expect("mean") - log.schedule_lag_ms.expect("lag"),
        1e-9,
    );
}

#[test]
fn a_sampled_pgbench_log_is_scaled_back() {
    // --sampling-rate 0.25: 148 lines for 581 transactions.
    let (log, summary) = log_against_summary(
        "pgbench-log-sampled.log",
        "pgbench-log-sampled.summary.txt",
        0.02,
    );
    let requests = log.requests.expect("requests");
    let processed = summary.requests.expect("processed");
    assert!(
        (requests - processed).abs() / processed < 0.02,
        "{requests} vs {processed}"
    );
}

#[test]
fn k6_summary_export_and_handle_summary() {
    let shared = report("k6-summary-export-ticket-reserve.json");
    assert_eq!(shared.generator, Generator::K6);
    assert_eq!(shared.rate.0, 23.738350582489275);
    assert_eq!((shared.requests, shared.errors), (Some(100.0), Some(1.0)));
    // 15 to 97 virtual users over the run: the export cannot say how they
    // were driven.
    assert_eq!(shared.arrivals, Arrivals::Unstated);
    assert_eq!(shared.concurrency, Some(97));
    let l = shared.latency;
    assert_eq!(
        (l.mean, l.p50, l.p90, l.p95, l.p99),
        (
            Some(3264.992537000001),
            Some(3390.69845),
            Some(4030.33387),
            Some(4101.811365),
            None
        )
    );
    close(
        shared.duration_s.expect("duration"),
        100.0 / 23.738350582489275,
        1e-12,
    );

    let ramping = report("k6-summary-export-qr-code-generator.json");
    assert_eq!(
        (ramping.requests, ramping.errors),
        (Some(493168.0), Some(0.0))
    );
    assert_eq!(ramping.concurrency, Some(149));
    // Only the median and p99 are there: the spread comes from the lognormal
    // through them, and a heavy tail gives a large C².
    let (cs2, basis) = ramping.queueing().expect("inputs").cs2.expect("spread");
    assert_eq!(basis, SpreadBasis::LognormalPercentiles);
    let sigma = (348.6492700000003f64 / 3.12).ln() / 2.326_347_874_040_841;
    close(cs2, (sigma * sigma).exp_m1(), 1e-6);

    let handled = report("k6-handle-summary-centminmod.json");
    assert_eq!(handled.rate.0, 549.995877862512);
    close(handled.duration_s.expect("duration"), 30.0184068, 1e-12);
    assert_eq!(handled.latency.p95, Some(63.726093199999994));
}

#[test]
fn oha_json_closed_and_paced() {
    let closed = report("oha.json");
    assert_eq!(closed.generator, Generator::Oha);
    // oha's JSON records neither -c nor -q.
    assert_eq!(
        (closed.arrivals, closed.concurrency),
        (Arrivals::Unstated, None)
    );
    // 1,970 answered in 5.0146 s; the 8 cut off at the deadline are neither
    // a rate nor an error.
    close(closed.rate.0, 1970.0 / 5.014614574, 1e-12);
    assert_eq!((closed.requests, closed.errors), (Some(1970.0), Some(0.0)));
    let l = closed.latency;
    close(l.mean.expect("mean"), 20.22135411167513, 1e-12);
    close(l.p95.expect("p95"), 38.172256, 1e-12);
    // -c 8: Little's law puts about eight in flight.
    close(closed.queueing().expect("inputs").in_flight, 8.0, 0.05);

    // -q 50: the rate is the one imposed, and the latencies fall to a few ms.
    let paced = report("oha-rate.json");
    close(paced.rate.0, 250.0 / 5.001303734, 1e-12);
    assert!(paced.rate.0 <= 50.0);
    assert!(paced.latency.mean < closed.latency.mean);
    let corrected = report("oha-rate-corrected.json");
    close(corrected.rate.0, 250.0 / 5.001356263, 1e-12);
}
