#![cfg(not(target_arch = "wasm32"))]
//! The queueing model against a real PostgreSQL 15 pinned to CPU 1 and
//! loaded from CPU 0 by `pgbench -R` (Poisson arrivals), with a CPU-bound
//! query of a few milliseconds (an aggregate over a cached table).
//!
//! At each rate the service demand comes from the utilisation law, as a
//! user would get it from one CPU figure: D = U / X, U being PostgreSQL's
//! CPU time over the run ÷ its length (what `docker stats` shows for the
//! container) and X the measured throughput. The model (one server: the
//! backends share one CPU; Poisson arrivals; the service-time spread seen at
//! the lowest rate) then predicts the mean and the P95, compared with the
//! latencies pgbench logged from each transaction's scheduled start.
//!
//! PostgreSQL and pgbench run at real-time priority (`chrt -f`) on their
//! CPUs, so that other work on a shared CI machine cannot slip in between a
//! backend's wake-up and its query: the CPU behaves as a dedicated server's.
//! A virtual machine is no dedicated server in two more ways, both measured
//! here. An idle vCPU halts and the hypervisor takes milliseconds to wake it:
//! at a light load every query waited for that (a mean of 8.4 ms for 4.0 ms
//! of CPU at U = 0.23), so both CPUs are kept awake by a busy loop of the
//! lowest class that any other work preempts ([`KeepAwake`]); then 4.7 ms.
//! And the host takes a few per cent of a CPU for others (/proc/stat's
//! steal), during which a query in progress waits: the demand is counted in
//! wall time, D ÷ (1 − steal), and a run that lost more than 3% of the
//! server's CPU is run again (the least stolen of three kept, printed).
//!
//! The whole report is printed before anything is asserted. One test (cargo
//! runs a binary's tests in parallel threads, and these runs must not
//! overlap), under two minutes.

use headroom_core::queueing::{Spread, Station};
use headroom_core::units::PerSecond;
use headroom_e2e::pgbench::{
    self, mean_and_scv, pinned_realtime, quantile, require_realtime, KeepAwake, Load, Measured,
};
use headroom_e2e::servers::{strings, Postgres, TempDir};

const SERVER_CPU: usize = 1;
const LOAD_CPU: usize = 0;
/// Below the kernel's threads (50) and far from its maximum (99).
const PRIORITY: u32 = 10;
/// An aggregate over this many integers: a few ms of CPU, all in cache.
const ROWS: u32 = 30_000;
/// Connections of the open-loop runs, as an application's pool.
const CLIENTS: u32 = 8;
/// Length of each closed-loop run.
const CLOSED_SECONDS: u32 = 5;
/// Length of each `-R` run and its warm-up (latencies before it are left out).
const RATE_SECONDS: u32 = 20;
const WARM_UP_S: f64 = 1.0;
/// The lowest rate, as a share of the closed-loop maximum.
const LOWEST_SHARE: f64 = 0.2;
/// The next rates, as utilisations by the lowest rate's service demand
/// (which overstates it: the actual ones come out a little lower). Up to
/// 0.7, where a plan should stay; above it, on a virtual machine, the
/// hypervisor's pauses (a few per cent of the CPU, in bursts of tenths of a
/// second) pile up a backlog that no model of a CPU of one's own foresees:
/// measured, a P95 37% above the prediction at 0.73 when 0.59 was within 14%.
const NEXT_UTILISATIONS: [f64; 3] = [0.4, 0.55, 0.7];
/// A run whose server CPU lost more than this share of its time to the
/// hypervisor (/proc/stat's steal) is run again, at most `ATTEMPTS` times.
const QUIET_STEAL: f64 = 0.03;
const ATTEMPTS: usize = 3;
/// Above this steal even the quietest attempt is no dedicated CPU: refused.
const MOST_STEAL: f64 = 0.12;
/// Operating points up to this utilisation are held to the tolerances.
const HELD_UP_TO: f64 = 0.80;

/// One `-R` run's measured latencies.
struct Point {
    run: Measured,
    latencies: Vec<f64>,
    mean: f64,
    p95: f64,
    /// Mean schedule lag, seconds: time a transaction waited for a free client.
    lag_s: f64,
}

impl Point {
    fn new(run: Measured) -> Point {
        let latencies = run.latencies_after(WARM_UP_S);
        assert!(
            latencies.len() >= 500,
            "only {} transactions after the warm-up at {:?}: too few for a P95",
            latencies.len(),
            run.load
        );
        let (mean, _) = mean_and_scv(&latencies);
        let p95 = quantile(&latencies, 0.95);
        let lags: Vec<f64> = run
            .transactions
            .iter()
            .filter_map(|t| t.lag_us)
            .map(|l| l as f64 / 1e6)
            .collect();
        let lag_s = mean_and_scv(&lags).0;
        Point {
            lag_s,
            run,
            latencies,
            mean,
            p95,
        }
    }

    fn rate(&self) -> f64 {
        self.run.throughput()
    }
}

/// The station for a service demand and spread: one CPU, Poisson arrivals.
fn station(demand_s: f64, spread_scv: f64) -> Station {
    Station::new(1, demand_s)
        .and_then(|s| s.with_spread(Spread::Gamma(spread_scv)))
        .unwrap_or_else(|e| panic!("station with D = {demand_s} s, C_s² = {spread_scv}: {e}"))
}

/// (mean, P95) in seconds, `None` when saturated.
fn predict(station: &Station, rate: f64) -> Option<(f64, f64)> {
    let rate = PerSecond(rate);
    let mean = station.mean_response(rate).expect("a valid rate")?;
    let p95 = station
        .response_quantile(rate, 0.95)
        .expect("a valid rate")?;
    Some((mean, p95))
}

fn ms(seconds: f64) -> String {
    format!("{:.2}", seconds * 1e3)
}

fn percent(ratio: f64) -> String {
    format!("{:+.0}%", (ratio - 1.0) * 100.0)
}

#[test]
fn queueing_model_predicts_postgresql_on_one_cpu() {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert!(
        cpus >= 2,
        "this test pins PostgreSQL to CPU {SERVER_CPU} and pgbench to CPU {LOAD_CPU}: it needs \
         2 CPUs, this machine offers {cpus}"
    );
    require_realtime(PRIORITY);
    let _awake = KeepAwake::on(&[SERVER_CPU, LOAD_CPU]);
    let server = pinned_realtime(SERVER_CPU, PRIORITY);
    let client = pinned_realtime(LOAD_CPU, PRIORITY);
    let flags = strings(&[
        "-c",
        "max_parallel_workers_per_gather=0",
        "-c",
        "jit=off",
        "-c",
        "autovacuum=off",
        "-c",
        "shared_buffers=64MB",
    ]);
    let pg = Postgres::start_under(&server, &flags, 256 << 20);
    pg.psql(&format!(
        "CREATE TABLE t AS SELECT g::int AS v FROM generate_series(1, {ROWS}) g"
    ))
    .expect("create the table");
    pg.psql("VACUUM ANALYZE t").expect("vacuum the table");
    for _ in 0..20 {
        pg.psql("SELECT sum(v) FROM t").expect("warm the cache");
    }
    let dir = TempDir::new("queueing-pg");
    let script = dir.join("sum.sql");
    std::fs::write(&script, "SELECT sum(v) FROM t;\n").expect("write the pgbench script");
    let bench = |load: Load| pgbench::run(&pg, &script, load, &client, SERVER_CPU, LOAD_CPU);
    let rt_share = std::fs::read_to_string("/proc/sys/kernel/sched_rt_runtime_us")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .map_or("unknown".to_owned(), |us| format!("{:.0}%", us / 1e4));

    // The ceiling: closed loops of a few sizes, the best throughput.
    println!(
        "closed loop (no -R), {CLOSED_SECONDS} s each (real-time work may take {rt_share} of a CPU):"
    );
    let mut closed_max: f64 = 0.0;
    for clients in [1, 2, 4, 8] {
        let run = bench(Load {
            rate: None,
            clients,
            seconds: CLOSED_SECONDS,
        });
        let (mean, _) = mean_and_scv(&run.latencies_after(0.0));
        println!(
            "  {clients} clients: {:.1} tx/s, PostgreSQL CPU {:.0}%, D = {} ms, latency {} ms",
            run.throughput(),
            run.utilisation() * 100.0,
            ms(run.demand_s()),
            ms(mean)
        );
        closed_max = closed_max.max(run.throughput());
    }

    // The lowest rate first; its service demand places the others.
    // A run the hypervisor took much of the server's CPU from is done again
    // (the least stolen kept): the model is for a CPU of one's own.
    let quiet = |rate: f64| -> Point {
        let load = Load {
            rate: Some(rate),
            clients: CLIENTS,
            seconds: RATE_SECONDS,
        };
        let mut best = bench(load);
        for _ in 1..ATTEMPTS {
            if best.steal.0 <= QUIET_STEAL {
                break;
            }
            println!(
                "  at {rate:.1}/s the hypervisor took {:.1}% of CPU {SERVER_CPU}: run again",
                best.steal.0 * 100.0
            );
            let again = bench(load);
            if again.steal.0 < best.steal.0 {
                best = again;
            }
        }
        Point::new(best)
    };
    println!("\nPoisson arrivals (-R), {RATE_SECONDS} s each, {CLIENTS} connections:");
    let mut points = vec![quiet(LOWEST_SHARE * closed_max)];
    let low_d = points[0].run.wall_demand_s();
    for u in NEXT_UTILISATIONS {
        points.push(quiet(u / low_d));
    }
    // The service-time spread, as a user would read it off a light load test.
    let (_, spread) = mean_and_scv(&points[0].latencies);

    let mut failures: Vec<String> = Vec::new();
    let mut check = |ok: bool, message: String| {
        if !ok {
            failures.push(message);
        }
    };

    // pgbench's log counts from the scheduled start: its mean is pgbench's
    // own "latency average", and no latency is shorter than its lag.
    for p in &points {
        let all: Vec<f64> = p
            .run
            .transactions
            .iter()
            .map(|t| t.latency_us as f64 / 1e3)
            .collect();
        let (log_mean, _) = mean_and_scv(&all);
        check(
            (log_mean / p.run.summary_latency_ms - 1.0).abs() < 0.02,
            format!(
                "the log's mean {log_mean:.3} ms is not pgbench's latency average {} ms",
                p.run.summary_latency_ms
            ),
        );
        check(
            p.run
                .transactions
                .iter()
                .all(|t| t.lag_us.is_some_and(|lag| lag <= t.latency_us)),
            format!(
                "at {:?} a logged latency is shorter than its lag",
                p.run.load
            ),
        );
    }

    // (a) At each point, its own service demand.
    println!(
        "\n(a) each point with its own D = U/X ÷ (1 − steal); model: one server, Poisson arrivals, gamma \
         service of C_s² = {spread:.3} (the lowest rate's); M/M/1 beside it; times in ms"
    );
    println!(
        "{:>7} {:>7} {:>6} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>5} {:>5} {:>6} {:>6}",
        "rate/s",
        "X/s",
        "U_pg",
        "steal",
        "lag",
        "D",
        "mean",
        "P95",
        "pred m",
        "pred95",
        "err m",
        "err95",
        "MM1 m",
        "MM1 95"
    );
    let mut held = 0;
    for p in &points {
        let u = p.run.wall_utilisation();
        let d = p.run.wall_demand_s();
        check(
            p.run.steal.0 <= MOST_STEAL,
            format!(
                "at {:.1}/s the hypervisor took {:.1}% of CPU {SERVER_CPU} in the quietest of \
                 {ATTEMPTS} runs: this check needs a CPU the host does not share (a quieter \
                 machine, or a dedicated one)",
                p.rate(),
                p.run.steal.0 * 100.0
            ),
        );
        let (mean, p95) = predict(&station(d, spread), p.rate()).expect("below saturation");
        let (mm1_mean, mm1_p95) = predict(&Station::new(1, d).expect("a valid demand"), p.rate())
            .expect("below saturation");
        println!(
            "{:>7.1} {:>7.1} {:>6.3} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>5} {:>5} {:>6} {:>6}",
            p.run.load.rate.unwrap_or_default(),
            p.rate(),
            u,
            format!("{:.1}%", p.run.steal.0 * 100.0),
            ms(p.lag_s),
            ms(d),
            ms(p.mean),
            ms(p.p95),
            ms(mean),
            ms(p95),
            percent(mean / p.mean),
            percent(p95 / p.p95),
            ms(mm1_mean),
            ms(mm1_p95)
        );
        if u <= HELD_UP_TO {
            held += 1;
            check(
                (p95 / p.p95 - 1.0).abs() <= 0.35,
                format!(
                    "(a) at {:.1}/s (U = {u:.2}) the predicted P95 {} ms is not within ±35% of \
                     the measured {} ms",
                    p.rate(),
                    ms(p95),
                    ms(p.p95)
                ),
            );
            check(
                (mean / p.mean - 1.0).abs() <= 0.20,
                format!(
                    "(a) at {:.1}/s (U = {u:.2}) the predicted mean {} ms is not within ±20% of \
                     the measured {} ms",
                    p.rate(),
                    ms(mean),
                    ms(p.mean)
                ),
            );
        }
    }
    check(
        held >= 3,
        format!("(a) only {held} operating points at or below {HELD_UP_TO} utilisation"),
    );

    // (b) From the lowest rate alone.
    let low = &points[0];
    let from_low = station(low_d, spread);
    let saturation_low = from_low.saturation_rate().0;
    println!(
        "\n(b) from the lowest rate only: D = {} ms, saturation {saturation_low:.1}/s = {:.2}× the \
         closed-loop maximum {closed_max:.1}/s",
        ms(low_d),
        saturation_low / closed_max
    );
    for p in &points[1..] {
        match predict(&from_low, p.rate()) {
            Some((_, p95)) => {
                println!(
                    "    at {:.1}/s: P95 predicted {} ms, measured {} ms ({})",
                    p.rate(),
                    ms(p95),
                    ms(p.p95),
                    percent(p95 / p.p95)
                );
                check(
                    p95 >= 0.8 * p.p95,
                    format!(
                        "(b) extrapolated from the lowest rate, the P95 at {:.1}/s is optimistic: \
                         {} ms predicted, {} ms measured",
                        p.rate(),
                        ms(p95),
                        ms(p.p95)
                    ),
                );
            }
            None => println!(
                "    at {:.1}/s: predicted saturated (conservative)",
                p.rate()
            ),
        }
    }
    check(
        (0.6..=1.1).contains(&(saturation_low / closed_max)),
        format!(
            "(b) the saturation predicted from the lowest rate, {saturation_low:.1}/s, is not \
             within 0.6–1.1× the closed-loop maximum {closed_max:.1}/s"
        ),
    );

    // (c) Two rates: the utilisation law fitted as U = U₀ + D·X through the
    // lowest and the highest point. The CPU a request costs falls as the
    // load rises (caches stay warm between requests), so the fit's marginal
    // D is below the lowest rate's: the extrapolation stays on the safe side
    // but closer.
    let high = points.last().expect("points");
    let slope =
        (high.run.wall_utilisation() - low.run.wall_utilisation()) / (high.rate() - low.rate());
    let intercept = low.run.wall_utilisation() - slope * low.rate();
    let saturation_two = (1.0 - intercept) / slope;
    println!(
        "\n(c) two rates: U = {intercept:.3} + {} ms × X; saturation {saturation_two:.1}/s = \
         {:.2}× the maximum (one rate: {:.2}×)",
        ms(slope),
        saturation_two / closed_max,
        saturation_low / closed_max
    );
    let (mut error_one, mut error_two, mut compared) = (0.0, 0.0, 0);
    for p in &points[1..points.len() - 1] {
        let fitted_s = (intercept + slope * p.rate()) / p.rate();
        let two = predict(&station(fitted_s, spread), p.rate()).map(|x| x.1);
        let one = predict(&from_low, p.rate()).map(|x| x.1);
        let (Some(two), Some(one)) = (two, one) else {
            println!("    at {:.1}/s: saturated by one of the fits", p.rate());
            continue;
        };
        println!(
            "    at {:.1}/s: P95 {} ms from two rates ({}), {} ms from one ({}), measured {} ms",
            p.rate(),
            ms(two),
            percent(two / p.p95),
            ms(one),
            percent(one / p.p95),
            ms(p.p95)
        );
        error_one += (one / p.p95).ln().abs();
        error_two += (two / p.p95).ln().abs();
        compared += 1;
        check(
            two <= one && two >= 0.8 * p.p95,
            format!(
                "(c) at {:.1}/s two rates predict a P95 of {} ms: not between 0.8× the measured \
                 {} ms and the one-rate {} ms",
                p.rate(),
                ms(two),
                ms(p.p95),
                ms(one)
            ),
        );
    }
    if compared > 0 {
        println!(
            "    mean |log error| of those P95s: {:.0}% with one rate, {:.0}% with two",
            error_one / f64::from(compared) * 100.0,
            error_two / f64::from(compared) * 100.0
        );
    }
    check(
        saturation_two >= saturation_low && saturation_two <= 1.1 * closed_max,
        format!(
            "(c) two rates predict saturation at {saturation_two:.1}/s: not between the one-rate \
             {saturation_low:.1}/s and 1.1× the maximum {closed_max:.1}/s"
        ),
    );

    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
