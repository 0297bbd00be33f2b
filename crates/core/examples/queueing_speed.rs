//! How long one percentile and one inverse take (run with `--release`):
//! the page computes them on every keystroke.
//!
//! cargo run --release -p headroom-core --example queueing_speed

use headroom_core::queueing::{Spread, Station};
use headroom_core::units::PerSecond;
use std::time::Instant;

/// The fastest of five timings of `runs` calls, in microseconds per call.
fn micros(runs: u32, mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..runs {
                f();
            }
            start.elapsed().as_secs_f64() / f64::from(runs) * 1e6
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    println!(
        "{:<18} {:>5} {:>5} {:>12} {:>12}",
        "service", "c", "rho", "P95 (us)", "inverse (us)"
    );
    let (mut worst_quantile, mut worst_inverse) = (0.0f64, 0.0f64);
    for spread in [
        Spread::Exponential,
        Spread::Gamma(0.01),
        Spread::Gamma(0.25),
        Spread::Gamma(2.0),
        Spread::Gamma(100.0),
        Spread::Lognormal(0.01),
        Spread::Lognormal(0.25),
        Spread::Lognormal(2.0),
        Spread::Lognormal(100.0),
    ] {
        for servers in [1, 2, 64, 1_024] {
            let station = Station::new(servers, 0.025)
                .and_then(|s| s.with_spread(spread))
                .expect("a valid station");
            let inverse = micros(3, || {
                let _ = station.rate_for_quantile(0.95, 1.0);
            });
            worst_inverse = worst_inverse.max(inverse);
            for rho in [0.1, 0.5, 0.8, 0.99] {
                let rate = PerSecond(rho * station.saturation_rate().0);
                let quantile = micros(10, || {
                    let _ = station.response_quantile(rate, 0.95);
                });
                worst_quantile = worst_quantile.max(quantile);
                println!(
                    "{:<18} {servers:>5} {rho:>5} {quantile:>12.1} {inverse:>12.1}",
                    format!("{spread:?}")
                );
            }
        }
    }
    println!("slowest: P95 {worst_quantile:.1} us, inverse {worst_inverse:.1} us");
}
