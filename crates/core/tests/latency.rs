//! The plan's latency at the peak hour (the busiest service as a queue):
//! the reference vectors of M/M/c at plan level, the three sources of the
//! service demand, a measured P95's calibration, and property tests.

mod common;
use common::plan_for;
use headroom_core::latency::{Basis, Latency, ServersFrom};
use headroom_core::timing::Eta;
use proptest::prelude::*;

fn latency(q: &str) -> Latency {
    plan_for(q).latency.expect("a latency model")
}

fn close(got: f64, want: f64, rel: f64) -> bool {
    (got - want).abs() <= rel * want.abs()
}

// 2,160 requests per user a day is 0.025 a second; × 4 at the peak hour:
// 0.1 a second per user, so 1,000 users make λ = 100/s at the peak.
const RATE: &str = "rpu=2160&peak=4&growth=10";

#[test]
fn erlang_c_vectors_at_the_peak_hour() {
    // λ = 100, S = 25 ms, c = 4: P95 = 85.424 ms, ρ = 0.625.
    let l = latency(&format!("users=1000&{RATE}&svc=25&par=4"));
    assert_eq!(
        (l.basis, l.servers, l.servers_from),
        (Basis::Given, 4, ServersFrom::Given)
    );
    assert!(close(l.utilisation_at_peak, 0.625, 1e-12));
    let p95 = l.p95_at_peak_s.unwrap() * 1e3;
    assert!(close(p95, 85.424, 1e-5), "{p95}");
    // Saturated at c ÷ S = 160/s: 1,600 users.
    assert!(close(l.saturation_users.unwrap(), 1_600.0, 1e-12));
    // λ = 140: P95 = 168.689 ms.
    let l = latency(&format!("users=1400&{RATE}&svc=25&par=4"));
    let p95 = l.p95_at_peak_s.unwrap() * 1e3;
    assert!(close(p95, 168.689, 1e-5), "{p95}");
}

#[test]
fn the_p95_rows_are_crossed_at_the_reference_rates() {
    // One server, S = 25 ms: P95 = 1 s at λ = 37.00/s, 370 users.
    let l = latency(&format!("users=100&{RATE}&svc=25&par=1"));
    let over_1s = l.crossings[0];
    assert_eq!(over_1s.row.threshold, 1_000.0);
    // λ = users × 0.1, to the reference's two decimals.
    let rate = |users: f64| format!("{:.2}", users * 0.1);
    assert_eq!(rate(over_1s.users), "37.00", "{over_1s:?}");
    // S = 100 ms: at λ = 7.00/s, 70 users, already past at 100: overdue.
    let l = latency(&format!("users=100&{RATE}&svc=100&par=1"));
    assert_eq!(rate(l.crossings[0].users), "7.00", "{:?}", l.crossings);
    assert_eq!(l.crossings[0].eta, Eta::Overdue);
    // The rows are the decision table's, in its order.
    let rows: Vec<f64> = l.crossings.iter().map(|c| c.row.threshold).collect();
    assert_eq!(rows, [1_000.0, 3_000.0]);
    assert!(l.crossings[1].users > l.crossings[0].users);
    // A service slower than 3 s at its P95 even idle: both rows from 0 users.
    let l = latency(&format!("users=100&{RATE}&svc=2000&par=1"));
    assert_eq!(l.crossings[1].users, 0.0);
}

#[test]
fn the_utilisation_law_on_the_measured_cpu() {
    // 1,000 users at 20 requests a day: 0.2315/s; 4% of the Pi's 4 CPUs:
    // D = 0.04 × 4 ÷ 0.2315 = 0.6912 s. Peak ×4: 16%, saturated at 6,250.
    let l = latency("users=1000&growth=10&host=pi4&cpu=4&ram=50");
    assert_eq!(l.basis, Basis::Measured);
    assert_eq!((l.servers, l.servers_from), (4, ServersFrom::MachineCpus));
    assert!(close(l.demand_s, 0.6912, 1e-9), "{}", l.demand_s);
    assert!(close(l.utilisation_at_peak, 0.16, 1e-9));
    assert!(close(l.saturation_users.unwrap(), 6_250.0, 1e-9));
    // ln 6.25 / ln 1.1 = 19.23 months.
    let months = l.saturation.unwrap().months().unwrap();
    assert_eq!(format!("{months:.2}"), "19.23");
    assert!(!l.saturated_now() && l.binds());
    // `par` sets the servers, the demand stays the machine's: one process.
    let l = latency("users=1000&growth=10&host=pi4&cpu=4&par=1");
    assert_eq!((l.servers, l.servers_from), (1, ServersFrom::Given));
    assert!(close(l.utilisation_at_peak, 0.64, 1e-9));
}

#[test]
fn an_average_cpu_whose_peak_passes_100_percent_is_saturated_now() {
    // The former worked example: 50% × 4 = 200% at the peak hour.
    let l = latency("users=1000&growth=10&host=pi4&cpu=50&ram=50");
    assert!(close(l.utilisation_at_peak, 2.0, 1e-9));
    assert!(l.saturated_now());
    assert_eq!(l.p95_at_peak_s, None);
    assert!(close(l.saturation_users.unwrap(), 500.0, 1e-9));
    assert_eq!(l.saturation, Some(Eta::Overdue));
}

#[test]
fn unmeasured_the_source_curve_implies_seconds_of_cpu_per_request() {
    // 1,500 users: 3.83 Pi cores for 0.35 requests a second, 11 s each.
    let l = latency("users=1500");
    assert_eq!(l.basis, Basis::Source);
    assert!(!l.binds());
    let source = l.source.unwrap();
    assert!(close(source.cores.0, 3.8333, 1e-4), "{source:?}");
    assert!(close(source.rate.0, 0.3472, 1e-3), "{source:?}");
    assert!(close(source.cpu_per_request_s, 11.04, 1e-3), "{source:?}");
    // The cloud has no CPUs to count: no model without svc and par.
    assert!(plan_for("users=50000&host=cloud").latency.is_none());
    let l = latency("users=50000&host=cloud&svc=40&par=8");
    assert_eq!(l.basis, Basis::Given);
}

#[test]
fn a_measured_p95_sets_the_service_time() {
    // CPU 35% at 300 users: D = 20.16 s; the peak (140%) is saturated, and
    // so is nothing at the day's average (ρ = 0.35): the measured 800 ms
    // there scales the service time, the utilisation stays the CPU's.
    let l = latency("users=300&growth=20&host=pi4&cpu=35&p95=800");
    let c = l.calibration.unwrap();
    assert_eq!(c.measured_s, 0.8);
    let predicted = c.predicted_s.unwrap();
    let fitted = c.service_s.unwrap();
    assert!(close(fitted, l.demand_s * 0.8 / predicted, 1e-12));
    assert_eq!(l.service_s, fitted);
    // The calibrated model gives the measurement back at today's average.
    let at_average = l.p95_at(300.0 / 4.0).unwrap();
    assert!(close(at_average, 0.8, 1e-6), "{at_average}");
    assert!(l.saturated_now());
    // A given service time is only compared.
    let l = latency(&format!("users=1000&{RATE}&svc=25&par=4&p95=90"));
    let c = l.calibration.unwrap();
    assert_eq!(c.service_s, None);
    assert_eq!(l.service_s, 0.025);
    assert!(c.predicted_s.unwrap() < 0.09);
}

#[test]
fn the_curve_runs_from_now_to_the_projection_end() {
    let p = plan_for(&format!("users=1000&{RATE}&svc=25&par=4"));
    let l = p.latency.as_ref().unwrap();
    let first = l.curve.first().unwrap();
    let last = l.curve.last().unwrap();
    assert_eq!(first.users, 1_000.0);
    assert!(close(last.users, *p.projection.last().unwrap(), 1e-12));
    assert!(close(first.peak_rps.0, 100.0, 1e-12));
    assert_eq!(first.p95_s, l.p95_at_peak_s);
    // Saturated from 1,600 users on: no P95 there.
    let saturation = l.saturation_users.unwrap();
    assert!(close(saturation, 1_600.0, 1e-12));
    assert!(l
        .curve
        .iter()
        .all(|p| (p.users >= saturation) == p.p95_s.is_none()));
    // Both crossings and the saturation are points of the curve.
    for mark in l
        .crossings
        .iter()
        .map(|c| c.users)
        .chain(l.saturation_users)
    {
        assert!(l.curve.iter().any(|p| p.users == mark), "{mark}");
    }
}

proptest! {
    #[test]
    fn p95_grows_with_the_load_never_below_the_service_time_saturated_at_c_over_s(
        svc in 0.1f64..5_000.0,
        par in 1u32..=64,
        users in 1u32..=100_000,
        rpu in 0.1f64..10_000.0,
    ) {
        let q = format!("users={users}&rpu={rpu}&svc={svc}&par={par}&growth=5");
        let l = latency(&q);
        let s = svc / 1e3;
        // Saturated exactly at or past c ÷ S.
        let saturation = l.saturation_users.unwrap();
        let per_user = l.peak_rps_per_user;
        prop_assert!(close(saturation * per_user, f64::from(par) / s, 1e-9));
        prop_assert!(l.p95_at(saturation).is_none());
        prop_assert!(l.p95_at(saturation * 1.01).is_none());
        // Below it: P95 grows with the users, never under the service time
        // (an exponential service's P95 alone is S × ln 20).
        let mut last = 0.0;
        for share in [0.0, 0.2, 0.5, 0.8, 0.95, 0.999] {
            let p95 = l.p95_at(saturation * share).unwrap();
            prop_assert!(p95 >= s, "{p95} < {s}");
            prop_assert!(p95 >= last * (1.0 - 1e-9), "{p95} after {last}");
            last = p95;
        }
        prop_assert!(close(l.p95_at(0.0).unwrap(), s * 20f64.ln(), 1e-6));
    }
}

/// The CLI and the page write the utilisation with the core's one function:
/// λ = 100/s × S = 25 ms over c = 4 is 62.5%, in each language's spelling.
#[test]
fn the_utilisation_is_written_once_for_the_cli_and_the_page() {
    let l = latency(&format!("users=1000&{RATE}&svc=25&par=4"));
    assert_eq!(l.utilisation_text(headroom_core::Lang::En), "62.5%");
    assert_eq!(l.utilisation_text(headroom_core::Lang::Fr), "62,5\u{a0}%");
}
