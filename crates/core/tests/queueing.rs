//! The queueing model: Erlang C's published test vectors, the M/M/1 and
//! Pollaczek–Khinchine closed forms, the spread-corrected tail against an
//! independent high-precision evaluation, input errors, and properties.
//! (The comparison with a simulation is in queueing_simulation.rs.)

use headroom_core::queueing::{service_demand, QueueError, Spread, Station, MAX_SCV};
use headroom_core::units::{Cores, PerSecond};
use headroom_core::Lang;
use proptest::prelude::*;

fn station(servers: u32, service_s: f64) -> Station {
    Station::new(servers, service_s).unwrap()
}

fn spread(servers: u32, service_s: f64, spread: Spread, arrival_scv: f64) -> Station {
    station(servers, service_s)
        .with_spread(spread)
        .and_then(|s| s.with_arrival_scv(arrival_scv))
        .unwrap()
}

/// `x` rounded to `decimals` decimals, to compare at a printed precision.
fn rounded(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

fn relative(got: f64, want: f64) -> f64 {
    (got - want).abs() / want.abs()
}

#[test]
fn erlang_c_vectors_at_100_requests_a_second_on_4_servers() {
    let s = station(4, 0.025);
    let rate = PerSecond(100.0);
    assert_eq!(s.utilisation(rate).unwrap(), 0.625);
    assert_eq!(
        rounded(s.wait_probability(rate).unwrap().unwrap(), 6),
        0.319_857
    );
    let mean_ms = s.mean_response(rate).unwrap().unwrap() * 1e3;
    assert_eq!(rounded(mean_ms, 3), 30.331);
    let p95_ms = s.response_quantile(rate, 0.95).unwrap().unwrap() * 1e3;
    assert_eq!(rounded(p95_ms, 3), 85.424);
    let p99_ms = s.response_quantile(rate, 0.99).unwrap().unwrap() * 1e3;
    assert_eq!(rounded(p99_ms, 3), 126.706);
}

#[test]
fn erlang_c_vectors_at_140_requests_a_second_on_4_servers() {
    let s = station(4, 0.025);
    let rate = PerSecond(140.0);
    assert_eq!(
        rounded(s.wait_probability(rate).unwrap().unwrap(), 6),
        0.737_861
    );
    let p95_ms = s.response_quantile(rate, 0.95).unwrap().unwrap() * 1e3;
    assert_eq!(rounded(p95_ms, 3), 168.689);
}

#[test]
fn p95_of_one_second_is_reached_at_37_and_7_requests_a_second() {
    let fast = station(1, 0.025)
        .rate_for_quantile(0.95, 1.0)
        .unwrap()
        .unwrap();
    assert_eq!(rounded(fast.0, 2), 37.00);
    assert_eq!(rounded(fast.0 * 0.025, 3), 0.925);
    let slow = station(1, 0.100)
        .rate_for_quantile(0.95, 1.0)
        .unwrap()
        .unwrap();
    assert_eq!(rounded(slow.0, 2), 7.00);
    // Round trip: at that rate the P95 is the target.
    let p95 = station(1, 0.025)
        .response_quantile(fast, 0.95)
        .unwrap()
        .unwrap();
    assert!(relative(p95, 1.0) < 1e-8, "{p95}");
}

#[test]
fn mm1_p95_is_ln_20_times_s_over_one_minus_rho() {
    for service_s in [0.001, 0.025, 1.0, 600.0] {
        for rho in [0.01, 0.3, 0.5, 0.8, 0.95, 0.999] {
            let rate = PerSecond(rho / service_s);
            let got = station(1, service_s)
                .response_quantile(rate, 0.95)
                .unwrap()
                .unwrap();
            let want = 20f64.ln() * service_s / (1.0 - rho);
            assert!(
                relative(got, want) < 1e-8,
                "S={service_s} ρ={rho}: {got} vs {want}"
            );
        }
    }
}

/// P(T > t) of M/M/c as textbooks write it, both cases of θ = cμ − λ.
fn mmc_tail(c: u32, service_s: f64, lambda: f64, t: f64) -> f64 {
    let mu = 1.0 / service_s;
    let theta = f64::from(c) * mu - lambda;
    let wait = station(c, service_s)
        .wait_probability(PerSecond(lambda))
        .unwrap()
        .unwrap();
    let first = (1.0 - wait) * (-mu * t).exp();
    if theta == mu {
        first + wait * (1.0 + mu * t) * (-mu * t).exp()
    } else {
        first + wait * (theta * (-mu * t).exp() - mu * (-theta * t).exp()) / (theta - mu)
    }
}

#[test]
fn mmc_tail_matches_the_textbook_forms_including_theta_equal_to_mu() {
    // c = 2, S = 25 ms, λ = 40/s: θ = 2·40 − 40 = μ exactly.
    for (c, lambda) in [(2, 40.0), (4, 100.0), (4, 140.0), (1, 10.0), (8, 300.0)] {
        for t in [0.0, 0.01, 0.05, 0.2, 1.0] {
            let got = station(c, 0.025)
                .response_tail(PerSecond(lambda), t)
                .unwrap()
                .unwrap();
            let want = mmc_tail(c, 0.025, lambda, t);
            assert!(
                (got - want).abs() < 1e-13,
                "c={c} λ={lambda} t={t}: {got} vs {want}"
            );
        }
    }
    // Just off θ = μ the general form cancels; the model's does not.
    let near = station(2, 0.025)
        .response_tail(PerSecond(40.0 + 1e-9), 0.1)
        .unwrap()
        .unwrap();
    let at = mmc_tail(2, 0.025, 40.0, 0.1);
    assert!((near - at).abs() < 1e-9, "{near} vs {at}");
}

#[test]
fn pollaczek_khinchine_mean_is_exact_for_one_server_and_poisson_arrivals() {
    for scv in [0.0, 0.25, 1.0, 2.0, 4.0, 100.0] {
        for shape in [Spread::Gamma(scv), Spread::Lognormal(scv)] {
            for rho in [0.1, 0.5, 0.9, 0.99] {
                let s = spread(1, 0.040, shape, 1.0);
                let rate = PerSecond(rho / 0.040);
                let got = s.mean_wait(rate).unwrap().unwrap();
                let want = rho * 0.040 * (1.0 + scv) / (2.0 * (1.0 - rho));
                assert!(
                    relative(got, want) < 1e-12,
                    "{shape:?} ρ={rho}: {got} vs {want}"
                );
                let response = s.mean_response(rate).unwrap().unwrap();
                assert!(relative(response, want + 0.040) < 1e-12);
            }
        }
    }
}

#[test]
fn kingman_mean_wait_for_one_server_and_any_arrivals() {
    // For c = 1, Erlang's C is ρ, so Allen–Cunneen is Kingman's formula.
    for arrival_scv in [0.0, 0.5, 1.0, 3.0] {
        let s = spread(1, 0.010, Spread::Gamma(0.5), arrival_scv);
        let rate = PerSecond(70.0);
        let want = 0.7 / 0.3 * (arrival_scv + 0.5) / 2.0 * 0.010;
        let got = s.mean_wait(rate).unwrap().unwrap();
        assert!(
            relative(got, want) < 1e-12,
            "C_a²={arrival_scv}: {got} vs {want}"
        );
    }
}

#[test]
fn gamma_of_unit_spread_is_the_exponential_model() {
    for c in [1, 2, 8, 64] {
        for rho in [0.05, 0.3, 0.6, 0.9, 0.99] {
            let rate = PerSecond(rho * f64::from(c) / 0.025);
            for p in [0.5, 0.95, 0.99, 0.999] {
                let exact = station(c, 0.025)
                    .response_quantile(rate, p)
                    .unwrap()
                    .unwrap();
                let gamma = spread(c, 0.025, Spread::Gamma(1.0), 1.0)
                    .response_quantile(rate, p)
                    .unwrap()
                    .unwrap();
                assert!(
                    relative(gamma, exact) < 1e-8,
                    "c={c} ρ={rho} p={p}: {gamma} vs {exact}"
                );
            }
        }
    }
}

#[test]
fn spread_corrected_tail_matches_a_high_precision_evaluation() {
    // P(T > t) = (1−C)·P(S > t) + C·(e^{−θt} + ∫₀ᵗ θe^{−θw} P(S > t−w) dw),
    // θ = C / E[W_q] (Allen–Cunneen), evaluated with mpmath 1.4.1 at 30
    // digits (Erlang's C by the same recursion, the integral by mpmath.quad).
    // (c, S, λ, C_s², C_a², t, lognormal tail, gamma tail)
    let cases = [
        (
            2,
            0.025,
            56.0,
            2.0,
            1.0,
            0.1,
            0.197_269_344_495_963_33,
            0.209_173_307_661_110_41,
        ),
        (
            1,
            0.010,
            65.0,
            0.25,
            1.0,
            0.04,
            0.126_981_250_749_878_73,
            0.126_523_177_904_129_28,
        ),
        (
            4,
            0.025,
            100.0,
            0.5,
            0.3,
            0.06,
            0.054_278_141_567_371_42,
            0.058_786_195_851_312_5,
        ),
    ];
    for (c, service_s, lambda, scv, arrival_scv, t, lognormal, gamma) in cases {
        let rate = PerSecond(lambda);
        let got = spread(c, service_s, Spread::Lognormal(scv), arrival_scv)
            .response_tail(rate, t)
            .unwrap()
            .unwrap();
        // The lognormal's erfc is good to 1.2e-7.
        assert!(
            relative(got, lognormal) < 1e-6,
            "lognormal c={c}: {got} vs {lognormal}"
        );
        let got = spread(c, service_s, Spread::Gamma(scv), arrival_scv)
            .response_tail(rate, t)
            .unwrap()
            .unwrap();
        assert!(
            relative(got, gamma) < 1e-10,
            "gamma c={c}: {got} vs {gamma}"
        );
    }
    let many = spread(64, 0.025, Spread::Gamma(4.0), 1.0)
        .response_tail(PerSecond(2_400.0), 0.2)
        .unwrap()
        .unwrap();
    assert!(relative(many, 0.019_548_355_106_854_902) < 1e-10, "{many}");
}

#[test]
fn regular_arrivals_and_service_never_wait() {
    let s = spread(3, 0.050, Spread::Gamma(0.0), 0.0);
    let rate = PerSecond(59.0);
    assert_eq!(s.mean_response(rate).unwrap(), Some(0.050));
    let p95 = s.response_quantile(rate, 0.95).unwrap().unwrap();
    assert!((0.050..=0.050 * (1.0 + 1e-9)).contains(&p95), "{p95}");
    // Exactly-timed service with Poisson arrivals does wait.
    let d = spread(1, 0.050, Spread::Lognormal(0.0), 1.0);
    assert!(d.response_quantile(PerSecond(10.0), 0.95).unwrap().unwrap() > 0.051);
}

#[test]
fn saturation_is_c_over_s_and_every_latency_is_none_from_there() {
    let s = station(4, 0.025);
    assert_eq!(s.saturation_rate(), PerSecond(160.0));
    for rate in [160.0, 160.000_001, 1e9, f64::MAX] {
        let rate = PerSecond(rate);
        assert_eq!(s.wait_probability(rate), Ok(None));
        assert_eq!(s.mean_wait(rate), Ok(None));
        assert_eq!(s.mean_response(rate), Ok(None));
        assert_eq!(s.response_tail(rate, 1.0), Ok(None));
        assert_eq!(s.response_quantile(rate, 0.95), Ok(None));
    }
    assert!(s
        .response_quantile(PerSecond(159.999), 0.95)
        .unwrap()
        .is_some());
    assert!(s.utilisation(PerSecond(320.0)).unwrap() == 2.0);
}

#[test]
fn a_target_below_the_idle_service_is_never_met() {
    // Even idle, 5% of requests take over 25 ms · ln 20 ≈ 75 ms.
    let s = station(1, 0.025);
    assert_eq!(s.rate_for_quantile(0.95, 0.070), Ok(None));
    assert!(s.rate_for_quantile(0.95, 0.080).unwrap().is_some());
}

#[test]
fn utilisation_law_gives_the_service_demand() {
    // 60% of 2 cores at 40 requests a second: 30 ms of one core each.
    let d = service_demand(0.6, Cores(2.0), PerSecond(40.0)).unwrap();
    assert!(relative(d, 0.030) < 1e-15);
    assert_eq!(service_demand(0.0, Cores(1.0), PerSecond(1.0)), Ok(0.0));
    assert_eq!(
        service_demand(1.2, Cores(1.0), PerSecond(1.0)),
        Err(QueueError::Busy(1.2))
    );
    assert_eq!(
        service_demand(0.5, Cores(0.0), PerSecond(1.0)),
        Err(QueueError::Cores(0.0))
    );
    assert_eq!(
        service_demand(0.5, Cores(1.0), PerSecond(0.0)),
        Err(QueueError::Rate(0.0))
    );
}

#[test]
fn invalid_inputs_are_typed_errors_never_panics() {
    assert_eq!(Station::new(0, 0.1), Err(QueueError::Servers(0)));
    assert_eq!(Station::new(1_025, 0.1), Err(QueueError::Servers(1_025)));
    assert!(Station::new(1_024, 600.0).is_ok());
    for bad in [0.0, -1.0, 600.000_1, f64::NAN, f64::INFINITY] {
        assert!(
            matches!(Station::new(1, bad), Err(QueueError::ServiceTime(_))),
            "{bad}"
        );
    }
    let s = station(2, 0.1);
    for bad in [-0.1, MAX_SCV + 1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            s.with_spread(Spread::Gamma(bad)),
            Err(QueueError::ServiceSpread(_))
        ));
        assert!(matches!(
            s.with_spread(Spread::Lognormal(bad)),
            Err(QueueError::ServiceSpread(_))
        ));
        assert!(matches!(
            s.with_arrival_scv(bad),
            Err(QueueError::ArrivalSpread(_))
        ));
    }
    for bad in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let rate = PerSecond(bad);
        assert!(matches!(s.utilisation(rate), Err(QueueError::Rate(_))));
        assert!(matches!(s.mean_response(rate), Err(QueueError::Rate(_))));
        assert!(matches!(
            s.response_quantile(rate, 0.95),
            Err(QueueError::Rate(_))
        ));
    }
    for bad in [0.0, 1.0, -0.5, 1.5, f64::NAN] {
        assert!(matches!(
            s.response_quantile(PerSecond(1.0), bad),
            Err(QueueError::Probability(_))
        ));
        assert!(matches!(
            s.rate_for_quantile(bad, 1.0),
            Err(QueueError::Probability(_))
        ));
    }
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            s.rate_for_quantile(0.95, bad),
            Err(QueueError::Target(_))
        ));
    }
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            s.response_tail(PerSecond(1.0), bad),
            Err(QueueError::Time(_))
        ));
    }
}

#[test]
fn error_messages_name_the_input_and_its_range_in_both_languages() {
    let e = QueueError::Servers(0);
    assert_eq!(
        e.describe(Lang::En),
        "servers in parallel: \"0\" refused; expected an integer from 1 to 1,024"
    );
    assert_eq!(
        e.describe(Lang::Fr),
        "serveurs en parallèle\u{a0}: «\u{a0}0\u{a0}» refusé\u{a0}; attendu\u{a0}: un entier de 1 à 1\u{202f}024"
    );
    assert_eq!(e.to_string(), e.describe(Lang::En));
    let e = QueueError::Probability(1.5);
    assert!(e.describe(Lang::En).contains("\"1.5\""));
    assert!(e.describe(Lang::Fr).contains("1,5"));
    assert!(e.describe(Lang::En).contains("strictly between 0 and 1"));
    assert!(QueueError::ServiceTime(f64::NAN)
        .describe(Lang::En)
        .contains("\"NaN\""));
    let all = [
        QueueError::Servers(0),
        QueueError::ServiceTime(-1.0),
        QueueError::ServiceSpread(-1.0),
        QueueError::ArrivalSpread(-1.0),
        QueueError::Rate(-1.0),
        QueueError::Time(-1.0),
        QueueError::Probability(2.0),
        QueueError::Target(0.0),
        QueueError::Busy(2.0),
        QueueError::Cores(0.0),
    ];
    for e in all {
        let (fr, en) = (e.describe(Lang::Fr), e.describe(Lang::En));
        assert!(en.contains("refused; expected"), "{en}");
        assert!(fr.contains("refusé\u{a0}; attendu"), "{fr}");
        assert_ne!(fr, en);
    }
}

/// Any valid station: 1 ..= 64 servers, 0.1 ms ..= 10 s, every spread
/// family with C_s² ≤ 4, arrivals C_a² ≤ 4.
fn any_station() -> impl Strategy<Value = Station> {
    let shape = prop_oneof![
        Just(Spread::Exponential),
        (0.0..=4.0f64).prop_map(Spread::Gamma),
        (0.0..=4.0f64).prop_map(Spread::Lognormal),
    ];
    (1u32..=64, 1e-4..=10.0f64, shape, 0.0..=4.0f64).prop_map(|(c, s, shape, ca)| {
        Station::new(c, s)
            .and_then(|st| st.with_spread(shape))
            .and_then(|st| st.with_arrival_scv(ca))
            .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn p95_grows_with_the_arrival_rate(s in any_station(), a in 0.0..0.999f64, b in 0.0..0.999f64) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let sat = s.saturation_rate().0;
        let q_lo = s.response_quantile(PerSecond(lo * sat), 0.95).unwrap().unwrap();
        let q_hi = s.response_quantile(PerSecond(hi * sat), 0.95).unwrap().unwrap();
        prop_assert!(q_lo <= q_hi * (1.0 + 1e-7), "{} > {}", q_lo, q_hi);
    }

    #[test]
    fn p95_is_never_below_the_mean_service_time(s in any_station(), load in 0.0..0.999f64) {
        // Holds for C_s² ≤ 4; a gamma far wider (C_s² = 100) has over 95%
        // of its requests below its mean.
        let rate = PerSecond(load * s.saturation_rate().0);
        let p95 = s.response_quantile(rate, 0.95).unwrap().unwrap();
        prop_assert!(p95 >= s.service_s() * (1.0 - 1e-9), "{} < {}", p95, s.service_s());
        let mean = s.mean_response(rate).unwrap().unwrap();
        prop_assert!(mean >= s.service_s());
    }

    #[test]
    fn saturated_at_or_past_c_over_s(s in any_station(), over in 1.0..1e6f64) {
        let rate = PerSecond(over * s.saturation_rate().0);
        prop_assert_eq!(s.response_quantile(rate, 0.95), Ok(None));
        prop_assert_eq!(s.mean_response(rate), Ok(None));
        prop_assert!(s.utilisation(rate).unwrap() >= 1.0 - 1e-12);
    }

    #[test]
    fn the_inverse_solver_round_trips(s in any_station(), load in 0.01..0.99f64, p in 0.5..0.999f64) {
        // The quantile at a rate, then the rate for that quantile.
        let rate = load * s.saturation_rate().0;
        let target = s.response_quantile(PerSecond(rate), p).unwrap().unwrap();
        let idle = s.response_quantile(PerSecond(0.0), p).unwrap().unwrap();
        prop_assume!(target > idle * (1.0 + 1e-6));
        let back = s.rate_for_quantile(p, target).unwrap().unwrap();
        prop_assert!(back.0 < s.saturation_rate().0);
        let reached = s.response_quantile(back, p).unwrap().unwrap();
        prop_assert!((reached / target - 1.0).abs() < 1e-6, "{} vs {}", reached, target);
    }

    #[test]
    fn any_valid_input_gives_a_finite_answer(
        c in prop_oneof![Just(1u32), Just(1_024u32), 1u32..=1_024],
        service_s in prop_oneof![Just(1e-9f64), Just(600.0f64), 1e-6..600.0f64],
        scv in prop_oneof![Just(0.0f64), Just(MAX_SCV), 0.0..=MAX_SCV],
        gamma in any::<bool>(),
        arrival_scv in prop_oneof![Just(0.0f64), Just(MAX_SCV), 0.0..=MAX_SCV],
        load in prop_oneof![Just(0.0f64), Just(0.999_999f64), 0.0..1.0f64],
        p in prop_oneof![Just(1e-9f64), Just(0.999_999f64), 0.01..0.9999f64],
    ) {
        let shape = if gamma { Spread::Gamma(scv) } else { Spread::Lognormal(scv) };
        let s = spread(c, service_s, shape, arrival_scv);
        let rate = PerSecond(load * s.saturation_rate().0);
        // A P(1e-9) of a gamma with C_s² = 100 is below f64's range: 0.
        if let Some(q) = s.response_quantile(rate, p).unwrap() {
            prop_assert!(q.is_finite() && q >= 0.0, "{}", q);
        }
        if let Some(tail) = s.response_tail(rate, service_s).unwrap() {
            prop_assert!((0.0..=1.0).contains(&tail), "{}", tail);
        }
    }
}
