//! The spread-corrected percentile against a discrete-event simulation of
//! the same queue: FCFS, c servers, Poisson or evenly spaced arrivals,
//! lognormal or gamma service times. The model keeps Erlang's C and
//! Allen–Cunneen's mean wait; this measures how far its P95 is from the
//! simulated one, and asserts the agreement seen (printed for each case).

use headroom_core::queueing::{Spread, Station};
use headroom_core::units::PerSecond;

/// SplitMix64 (Steele, Lea and Flood, 2014): small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1), never 0 (its logarithm is taken).
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        // Box–Muller; the second value is dropped for simplicity.
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through
    /// Gamma(shape + 1) · U^{1/shape}.
    fn gamma(&mut self, shape: f64) -> f64 {
        if shape < 1.0 {
            return self.gamma(shape + 1.0) * self.uniform().powf(1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v <= 0.0 {
                continue;
            }
            if self.uniform().ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v;
            }
        }
    }

    /// A service time of mean `mean` drawn from `spread`'s distribution.
    fn service(&mut self, spread: Spread, mean: f64) -> f64 {
        match spread {
            Spread::Exponential => -mean * self.uniform().ln(),
            Spread::Gamma(scv) => mean * scv * self.gamma(1.0 / scv),
            Spread::Lognormal(scv) => {
                let var = (1.0 + scv).ln();
                (mean.ln() - var / 2.0 + var.sqrt() * self.normal()).exp()
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Arrivals {
    Poisson,
    Even,
}

/// The P95 and mean response time of `customers` requests (after a
/// warm-up of a tenth as many), and the P95's standard error from 20 batches.
struct Simulated {
    p95: f64,
    p95_standard_error: f64,
    mean: f64,
}

fn simulate(
    servers: usize,
    service_s: f64,
    spread: Spread,
    rho: f64,
    arrivals: Arrivals,
    customers: usize,
    seed: u64,
) -> Simulated {
    let mut rng = Rng(seed);
    let gap = service_s / (rho * servers as f64);
    let warm_up = customers / 10;
    // When each server is next free; FCFS: each request takes the first free.
    let mut free = vec![0.0f64; servers];
    let mut now = 0.0;
    let mut responses = Vec::with_capacity(customers);
    for i in 0..warm_up + customers {
        now += match arrivals {
            Arrivals::Poisson => -gap * rng.uniform().ln(),
            Arrivals::Even => gap,
        };
        let (first, at) = free
            .iter()
            .copied()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        let done = now.max(at) + rng.service(spread, service_s);
        free[first] = done;
        if i >= warm_up {
            responses.push(done - now);
        }
    }
    let mean = responses.iter().sum::<f64>() / customers as f64;
    let batch = customers / 20;
    let batch_p95: Vec<f64> = responses
        .chunks(batch)
        .map(|b| p95_of(&mut b.to_vec()))
        .collect();
    let n = batch_p95.len() as f64;
    let centre = batch_p95.iter().sum::<f64>() / n;
    let variance = batch_p95.iter().map(|x| (x - centre).powi(2)).sum::<f64>() / (n - 1.0);
    Simulated {
        p95: p95_of(&mut responses),
        p95_standard_error: (variance / n).sqrt(),
        mean,
    }
}

fn p95_of(values: &mut [f64]) -> f64 {
    let k = (values.len() as f64 * 0.95) as usize;
    *values.select_nth_unstable_by(k, f64::total_cmp).1
}

struct Case {
    servers: u32,
    rho: f64,
    spread: Spread,
    arrivals: Arrivals,
}

/// Runs every case, prints a table, returns (case, model ÷ simulation − 1,
/// its standard error) for the P95 and the mean.
fn compare(cases: &[Case], customers: usize) -> Vec<(String, f64, f64, f64)> {
    const S: f64 = 0.010;
    println!(
        "{:<30} {:>3} {:>5} {:>10} {:>10} {:>8} {:>8} {:>10} {:>10} {:>8}",
        "service",
        "c",
        "rho",
        "sim P95",
        "model P95",
        "err",
        "sim SE",
        "sim mean",
        "model mean",
        "err"
    );
    let mut out = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let arrival_scv = match case.arrivals {
            Arrivals::Poisson => 1.0,
            Arrivals::Even => 0.0,
        };
        let station = Station::new(case.servers, S)
            .and_then(|s| s.with_spread(case.spread))
            .and_then(|s| s.with_arrival_scv(arrival_scv))
            .unwrap();
        let rate = PerSecond(case.rho * f64::from(case.servers) / S);
        let model_p95 = station.response_quantile(rate, 0.95).unwrap().unwrap();
        let model_mean = station.mean_response(rate).unwrap().unwrap();
        let sim = simulate(
            case.servers as usize,
            S,
            case.spread,
            case.rho,
            case.arrivals,
            customers,
            0x5EED + i as u64,
        );
        let err = model_p95 / sim.p95 - 1.0;
        let se = sim.p95_standard_error / sim.p95;
        let mean_err = model_mean / sim.mean - 1.0;
        let name = format!("{:?} {:?}", case.spread, case.arrivals);
        println!(
            "{:<30} {:>3} {:>5.2} {:>8.3}ms {:>8.3}ms {:>+7.1}% {:>7.1}% {:>8.3}ms {:>8.3}ms {:>+7.1}%",
            name,
            case.servers,
            case.rho,
            sim.p95 * 1e3,
            model_p95 * 1e3,
            err * 100.0,
            se * 100.0,
            sim.mean * 1e3,
            model_mean * 1e3,
            mean_err * 100.0
        );
        out.push((
            format!("{name} c={} rho={}", case.servers, case.rho),
            err,
            se,
            mean_err,
        ));
    }
    out
}

fn cases(arrivals: Arrivals) -> Vec<Case> {
    let mut cases = Vec::new();
    for servers in [1, 2] {
        for rho in [0.5, 0.65, 0.8] {
            for spread in [
                Spread::Exponential,
                Spread::Lognormal(0.25),
                Spread::Lognormal(1.0),
                Spread::Lognormal(2.0),
                Spread::Gamma(0.25),
                Spread::Gamma(2.0),
            ] {
                cases.push(Case {
                    servers,
                    rho,
                    spread,
                    arrivals,
                });
            }
        }
    }
    cases
}

/// Poisson arrivals (C_a² = 1), 400,000 requests a case. Measured: the
/// model's P95 within 4.4% of the simulation's for gamma service times and
/// within 8.4% for lognormal ones, whose long tail makes the queued wait
/// itself longer-tailed than exponential (C_s² = 2 on one server: the model
/// is 5–8% short). Exponential service is exact M/M/c: within the noise.
/// Asserted: 10% for the P95, 7% for the mean.
#[test]
fn poisson_arrivals_p95_within_10_percent() {
    let results = compare(&cases(Arrivals::Poisson), 400_000);
    summarise(&results);
    for (case, p95_error, standard_error, mean_error) in &results {
        assert!(
            p95_error.abs() <= 0.10,
            "{case}: P95 off by {:.1}%",
            p95_error * 100.0
        );
        assert!(
            mean_error.abs() <= 0.07,
            "{case}: mean off by {:.1}%",
            mean_error * 100.0
        );
        if case.starts_with("Exponential") {
            // The exact model: only the simulation's own noise is left.
            assert!(
                p95_error.abs() <= 3.0 * standard_error + 0.005,
                "{case}: M/M/c P95 off by {:.1}% (standard error {:.1}%)",
                p95_error * 100.0,
                standard_error * 100.0
            );
        }
    }
}

/// Evenly spaced arrivals (C_a² = 0, a constant-rate load generator).
/// Measured: P95 within 14.4% (from +10% to −14%), and the mean always
/// overestimated, by up to 20%: Allen–Cunneen's correction is coarse when
/// arrivals are regular (for D/M/1 at ρ = 0.5 it doubles the mean wait).
/// Asserted: 16% for the P95; the mean from −2% to +22%.
#[test]
fn evenly_spaced_arrivals_p95_within_16_percent() {
    let results = compare(&cases(Arrivals::Even), 400_000);
    summarise(&results);
    for (case, p95_error, _, mean_error) in &results {
        assert!(
            p95_error.abs() <= 0.16,
            "{case}: P95 off by {:.1}%",
            p95_error * 100.0
        );
        assert!(
            (-0.02..=0.22).contains(mean_error),
            "{case}: mean off by {:.1}%",
            mean_error * 100.0
        );
    }
}

/// Prints the worst P95 and mean errors of each service family.
fn summarise(results: &[(String, f64, f64, f64)]) {
    for family in ["Exponential", "Gamma", "Lognormal"] {
        let of_family = results.iter().filter(|r| r.0.starts_with(family));
        let (p95, mean) = of_family.fold((0.0f64, 0.0f64), |(p, m), r| {
            (p.max(r.1.abs()), m.max(r.3.abs()))
        });
        println!(
            "{family}: worst P95 error {:.1}%, worst mean error {:.1}%",
            p95 * 100.0,
            mean * 100.0
        );
    }
}
