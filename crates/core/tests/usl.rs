//! The Universal Scalability Law fit on published data with published
//! coefficients, and on synthetic curves with known ones.
#![cfg(feature = "reports")]

mod common_reports;
use common_reports::close;

use headroom_core::measure::usl::{self, Level, UslFit};
use headroom_core::measure::ReadError;
use headroom_core::Lang;

fn levels(points: &[(f64, f64)]) -> Vec<Level> {
    points
        .iter()
        .map(|&(concurrency, throughput)| Level {
            concurrency,
            throughput,
        })
        .collect()
}

fn fit(name: &str, points: &[(f64, f64)]) -> UslFit {
    let fit = usl::fit(&levels(points)).unwrap_or_else(|e| panic!("{name}: {e}"));
    println!(
        "{name}: λ {:.6}, σ {:.8}, κ {:.10}, N* {:?}, X* {:?}, retrograde {}, R² {:.5}",
        fit.lambda,
        fit.sigma,
        fit.kappa,
        fit.peak_concurrency,
        fit.peak_throughput,
        fit.retrograde,
        fit.r_squared
    );
    fit
}

/// Baron Schwartz, *Practical Scalability Analysis with the Universal
/// Scalability Law*: a Cisco benchmark, 1 to 32 concurrent clients, as
/// usl4j's tests give it (codahale/usl4j, ModelTest.java), with the book's
/// coefficients: λ = 995.6486, σ = 0.02671591, κ = 7.690945e-4, X_max = 12341.
#[test]
fn cisco_benchmark_from_the_book() {
    let cisco = [
        (1.0, 955.16),
        (2.0, 1878.91),
        (3.0, 2688.01),
        (4.0, 3548.68),
        (5.0, 4315.54),
        (6.0, 5130.43),
        (7.0, 5931.37),
        (8.0, 6531.08),
        (9.0, 7219.8),
        (10.0, 7867.61),
        (11.0, 8278.71),
        (12.0, 8646.7),
        (13.0, 9047.84),
        (14.0, 9426.55),
        (15.0, 9645.37),
        (16.0, 9897.24),
        (17.0, 10097.6),
        (18.0, 10240.5),
        (19.0, 10532.39),
        (20.0, 10798.52),
        (21.0, 11151.43),
        (22.0, 11518.63),
        (23.0, 11806.0),
        (24.0, 12089.37),
        (25.0, 12075.41),
        (26.0, 12177.29),
        (27.0, 12211.41),
        (28.0, 12158.93),
        (29.0, 12155.27),
        (30.0, 12118.04),
        (31.0, 12140.4),
        (32.0, 12074.39),
    ];
    let f = fit("Cisco", &cisco);
    // usl4j holds itself to 0.02 % of the book.
    close(f.lambda, 995.6486, 2e-4);
    close(f.sigma, 0.02671591, 2e-4);
    close(f.kappa, 7.690945e-4, 2e-4);
    close(f.peak_throughput.expect("peak"), 12341.0, 2e-4);
    close(f.peak_concurrency.expect("peak"), 35.57, 1e-3);
    // Measured up to 32 clients, short of the peak.
    assert!(!f.retrograde);
}

/// Neil Gunther, *Guerrilla Capacity Planning* (2007): a Sun SPARCcenter
/// 2000 in the SPEC SDM91 benchmark, the `specsdm91` data set of R's `usl`
/// package (smoeding/usl, data/specsdm91.rda), whose README prints
/// σ (alpha) = 0.0277285, κ (beta) = 0.0001044, λ (gamma) = 89.9952330 and
/// a peak of 1884 scripts per hour at 96.52 users.
#[test]
fn spec_sdm91_from_gunthers_book() {
    let sdm91 = [
        (1.0, 64.9),
        (18.0, 995.9),
        (36.0, 1652.4),
        (72.0, 1853.2),
        (108.0, 1828.9),
        (144.0, 1775.0),
        (216.0, 1702.2),
    ];
    let f = fit("SPEC SDM91", &sdm91);
    close(f.sigma, 0.0277285, 1e-4);
    close(f.kappa, 0.0001044, 1e-3);
    close(f.lambda, 89.9952330, 1e-4);
    close(f.peak_concurrency.expect("peak"), 96.52, 1e-3);
    close(f.peak_throughput.expect("peak"), 1884.0, 1e-3);
    // Measured up to 216 users, well past the peak: throughput falls there.
    assert!(f.retrograde);
}

/// R's `usl` package's own test (tests/coef.R): six levels whose fit is
/// σ = 0.02, κ = 0.02, λ = 1.00 to three significant digits.
#[test]
fn the_r_packages_six_point_test() {
    let points = [
        (1.0, 1.0),
        (2.0, 1.8868),
        (4.0, 3.0769),
        (6.0, 3.5294),
        (8.0, 3.5398),
        (10.0, 3.3557),
    ];
    let f = fit("R usl coef", &points);
    close(f.sigma, 0.02, 5e-3);
    close(f.kappa, 0.02, 5e-3);
    close(f.lambda, 1.0, 5e-3);
    assert!(f.retrograde);
}

#[test]
fn synthetic_curves_give_their_parameters_back() {
    for (lambda, sigma, kappa, top) in [
        (1000.0, 0.05, 0.0002, 40.0),
        (500.0, 0.10, 0.002, 64.0),
        (42.0, 0.0, 0.001, 20.0),
        (7.5, 0.3, 0.0, 50.0),
        (120.0, 0.0, 0.0, 16.0),
    ] {
        let points: Vec<(f64, f64)> = (0..12)
            .map(|i| 1.0 + (top - 1.0) * f64::from(i) / 11.0)
            .map(|n| {
                (
                    n,
                    lambda * n / (1.0 + sigma * (n - 1.0) + kappa * n * (n - 1.0)),
                )
            })
            .collect();
        let f = fit(&format!("λ {lambda}, σ {sigma}, κ {kappa}"), &points);
        close(f.lambda, lambda, 1e-6);
        assert!((f.sigma - sigma).abs() < 1e-7, "σ {}", f.sigma);
        assert!((f.kappa - kappa).abs() < 1e-9, "κ {}", f.kappa);
        match (kappa > 0.0, sigma > 0.0) {
            (true, _) => {
                let peak = ((1.0 - sigma) / kappa).sqrt();
                close(f.peak_concurrency.expect("peak"), peak, 1e-4);
                assert_eq!(f.retrograde, top > peak);
            }
            // Amdahl: throughput levels off at λ/σ, never falls.
            (false, true) => {
                assert_eq!(f.peak_concurrency, None);
                close(f.peak_throughput.expect("ceiling"), lambda / sigma, 1e-4);
                assert!(!f.retrograde);
            }
            (false, false) => assert_eq!((f.peak_concurrency, f.peak_throughput), (None, None)),
        }
    }
}

#[test]
fn noisy_measurements_stay_near_the_truth() {
    // ±3 % of deterministic noise on λ = 300, σ = 0.08, κ = 0.001 (N* ≈ 30).
    let noise = [
        0.02, -0.03, 0.01, 0.03, -0.02, -0.01, 0.025, -0.015, 0.0, 0.03, -0.025, 0.01,
    ];
    let points: Vec<(f64, f64)> = noise
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let n = 1.0 + 5.0 * i as f64;
            (
                n,
                300.0 * n / (1.0 + 0.08 * (n - 1.0) + 0.001 * n * (n - 1.0)) * (1.0 + e),
            )
        })
        .collect();
    let f = fit("noisy", &points);
    close(
        f.peak_concurrency.expect("peak"),
        (0.92f64 / 0.001).sqrt(),
        0.15,
    );
    close(f.lambda, 300.0, 0.05);
    assert!(f.retrograde);
    for &(n, x) in &points {
        close(f.throughput(n), x, 0.06);
    }
}

#[test]
fn fewer_than_six_levels_are_refused() {
    let five = levels(&[
        (1.0, 10.0),
        (2.0, 19.0),
        (4.0, 35.0),
        (8.0, 60.0),
        (16.0, 80.0),
    ]);
    let error = usl::fit(&five).expect_err("five levels");
    assert_eq!(error, ReadError::TooFewLevels { got: 5 });
    assert!(error.describe(Lang::En).contains("at least 6"));
    assert!(error.describe(Lang::Fr).contains("au moins 6"));
    assert_eq!(usl::fit(&[]), Err(ReadError::TooFewLevels { got: 0 }));
}

#[test]
fn bad_and_repeated_levels_are_refused() {
    let mut good = levels(&[
        (1.0, 10.0),
        (2.0, 19.0),
        (4.0, 35.0),
        (8.0, 60.0),
        (16.0, 80.0),
        (32.0, 85.0),
    ]);
    good[3].throughput = f64::NAN;
    assert_eq!(usl::fit(&good), Err(ReadError::BadLevel { index: 4 }));
    good[3].throughput = 60.0;
    good[0].concurrency = 0.0;
    assert_eq!(usl::fit(&good), Err(ReadError::BadLevel { index: 1 }));
    good[0].concurrency = 2.0;
    let error = usl::fit(&good).expect_err("two at 2");
    assert_eq!(error, ReadError::DuplicateLevel { concurrency: 2.0 });
    assert!(error.describe(Lang::Fr).contains("concurrence 2"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any six to forty levels give a fit inside the bounds, or a refusal.
    #[test]
    fn any_levels_fit_inside_the_bounds(
        points in proptest::collection::vec((1.0f64..5_000.0, 1e-3f64..1e7), 6..40),
    ) {
        match usl::fit(&levels(&points)) {
            Ok(f) => {
                proptest::prop_assert!(f.lambda.is_finite() && f.lambda >= 0.0);
                proptest::prop_assert!((0.0..=1.0).contains(&f.sigma));
                proptest::prop_assert!(f.kappa >= 0.0 && f.kappa.is_finite());
                if let Some(n) = f.peak_concurrency {
                    proptest::prop_assert!(n.is_finite() && n >= 0.0);
                }
            }
            Err(e) => {
                let duplicate = matches!(e, ReadError::DuplicateLevel { .. });
                proptest::prop_assert!(duplicate, "{e:?}");
            }
        }
    }
}

#[test]
fn too_many_levels_are_refused() {
    let points: Vec<(f64, f64)> = (1..=usl::MAX_LEVELS + 1)
        .map(|n| (n as f64, 10.0))
        .collect();
    let error = usl::fit(&levels(&points)).expect_err("too many");
    assert_eq!(
        error,
        ReadError::TooManyLevels {
            got: usl::MAX_LEVELS + 1
        }
    );
    assert!(error.describe(Lang::En).contains("at most 1,000"));
    assert!(error.describe(Lang::Fr).contains("au plus 1\u{202f}000"));
    // The most accepted are fitted.
    let f = fit("1,000 flat levels", &points[..usl::MAX_LEVELS]);
    close(f.throughput(500.0), 10.0, 1e-6);
}
