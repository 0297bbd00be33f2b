//! Latency of one busy service as a queue: how long requests wait, and at
//! which arrival rate a response-time percentile reaches a limit.
//!
//! A [`Station`] is `c` servers working in parallel (processes, cores)
//! that take `S` seconds per request on average. At an arrival rate λ its
//! utilisation is ρ = λS/c, and it is saturated at λ = c/S: past that the
//! queue grows without bound, so every latency here is `None` there.
//!
//! - Exponential service times and Poisson arrivals: the exact M/M/c
//!   (Erlang C) model. The chance of waiting is Erlang's C, by its stable
//!   recursion; the response-time tail has a closed form.
//! - A measured service-time spread C_s² (variance ÷ mean²) or a smoother or
//!   burstier arrival stream C_a² (1 for many independent users, 0 for a
//!   constant-rate load generator): Erlang's C is kept, the mean wait is
//!   Allen and Cunneen's, E[W_q] · (C_a² + C_s²) / 2, the wait of a request
//!   that queues is exponential with that mean, and the response time is
//!   that wait plus a service time drawn from a gamma or lognormal
//!   distribution of the same mean and spread. The mean is exact for one
//!   server with Poisson arrivals (Pollaczek–Khinchine); percentiles are an
//!   approximation, checked against simulation in the tests.
//!
//! Everything is plain arithmetic with bounded loops (no clock, no thread),
//! cheap enough to run on every keystroke in the browser.

mod error;
mod numeric;
mod special;

pub use error::QueueError;

use crate::base::units::{Cores, PerSecond};

/// The most servers a station may have (processes, cores, pool size): the
/// `par` key's bound.
pub const MAX_SERVERS: u32 = crate::input::scenario::MAX_SERVERS;
/// The longest mean service time, in seconds (ten minutes): the `svc` key's
/// bound, in milliseconds there.
pub const MAX_SERVICE_S: f64 =
    crate::input::scenario::MAX_SERVICE_MS / crate::base::units::MS_PER_SECOND;
/// The widest spread accepted for service times and arrivals (C² ≤ 100).
pub const MAX_SCV: f64 = 100.0;

/// Below this C_s² a gamma fit has a shape above 100, where its series need
/// hundreds of terms: the lognormal of the same mean and spread stands in
/// (at C_s² = 0.01 their 5th to 95th percentiles differ by under 0.4% of
/// the mean, their 99th by 0.8%).
const GAMMA_MIN_SCV: f64 = 0.01;
/// Accuracy of the convolution integral relative to the tail probability
/// sought (0.05 for a P95); the Gauss–Kronrod estimate it bounds is itself
/// pessimistic, so percentiles come out far more accurate than this.
const INTEGRAL_REL_TOL: f64 = 1e-7;
/// The integral skips waits longer than this many mean waits of a queued
/// request: they weigh e^{−40} ≈ 4e-18 together.
const WAIT_CUTOFF: f64 = 40.0;
/// Relative accuracy of the solved percentiles and rates: the bracket's
/// width, or the gap to the target (a log-probability, or 1 ÷ seconds
/// relative to the target's).
const SOLVE_TOL: f64 = 1e-9;
/// Doublings of the search interval before a percentile gives up (2^200
/// times the mean: never reached by valid inputs).
const MAX_DOUBLINGS: usize = 200;

/// The distribution of service times, fitted to the mean and its spread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spread {
    /// Exponential (C_s² = 1): the M/M/c model, exact closed forms.
    Exponential,
    /// A gamma distribution with this C_s²; at 1 it is the exponential
    /// again, at 0 every request takes exactly the mean.
    Gamma(f64),
    /// A lognormal distribution with this C_s² (0: every request takes
    /// exactly the mean). Heavier-tailed than the gamma of the same spread.
    Lognormal(f64),
}

impl Spread {
    /// C_s² = variance ÷ mean².
    pub fn scv(self) -> f64 {
        match self {
            Spread::Exponential => 1.0,
            Spread::Gamma(scv) | Spread::Lognormal(scv) => scv,
        }
    }
}

/// A service with `servers` in parallel and a mean service time, its
/// spread, and how regular its arrivals are. Always valid: built by
/// [`Station::new`] and the `with_` methods, which check every input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Station {
    servers: u32,
    service_s: f64,
    spread: Spread,
    arrival_scv: f64,
}

impl Station {
    /// `servers` (1 ..= 1,024) taking `service_s` seconds per request on
    /// average (> 0 ..= 600), exponential service times, Poisson arrivals.
    pub fn new(servers: u32, service_s: f64) -> Result<Station, QueueError> {
        if !(1..=MAX_SERVERS).contains(&servers) {
            return Err(QueueError::Servers(servers));
        }
        if !(service_s > 0.0 && service_s <= MAX_SERVICE_S) {
            return Err(QueueError::ServiceTime(service_s));
        }
        Ok(Station {
            servers,
            service_s,
            spread: Spread::Exponential,
            arrival_scv: 1.0,
        })
    }

    /// The same station with service times of this distribution (C_s² from
    /// 0 to 100).
    pub fn with_spread(self, spread: Spread) -> Result<Station, QueueError> {
        let scv = spread.scv();
        if !(0.0..=MAX_SCV).contains(&scv) {
            return Err(QueueError::ServiceSpread(scv));
        }
        Ok(Station { spread, ..self })
    }

    /// The same station with arrivals of this spread C_a² (0 to 100): 1 for
    /// Poisson arrivals (many independent users), 0 for a constant rate.
    pub fn with_arrival_scv(self, arrival_scv: f64) -> Result<Station, QueueError> {
        if !(0.0..=MAX_SCV).contains(&arrival_scv) {
            return Err(QueueError::ArrivalSpread(arrival_scv));
        }
        Ok(Station {
            arrival_scv,
            ..self
        })
    }

    pub fn servers(&self) -> u32 {
        self.servers
    }

    /// Mean service time S, in seconds.
    pub fn service_s(&self) -> f64 {
        self.service_s
    }

    pub fn spread(&self) -> Spread {
        self.spread
    }

    pub fn arrival_scv(&self) -> f64 {
        self.arrival_scv
    }

    /// c/S: the rate the station cannot keep up with.
    pub fn saturation_rate(&self) -> PerSecond {
        PerSecond(f64::from(self.servers) / self.service_s)
    }

    /// ρ = λS/c; 1 or more means saturated.
    pub fn utilisation(&self, rate: PerSecond) -> Result<f64, QueueError> {
        let lambda = check_rate(rate)?;
        Ok(lambda * self.service_s / f64::from(self.servers))
    }

    /// The probability that a request has to wait for a server (Erlang's C).
    pub fn wait_probability(&self, rate: PerSecond) -> Result<Option<f64>, QueueError> {
        Ok(self.at(rate)?.map(|q| q.wait_probability))
    }

    /// Mean time in the queue before service, in seconds.
    pub fn mean_wait(&self, rate: PerSecond) -> Result<Option<f64>, QueueError> {
        Ok(self.at(rate)?.map(|q| q.mean_wait))
    }

    /// Mean response time (wait + service), in seconds.
    pub fn mean_response(&self, rate: PerSecond) -> Result<Option<f64>, QueueError> {
        Ok(self.at(rate)?.map(|q| q.mean_wait + self.service_s))
    }

    /// P(T > t): the share of requests slower than `t` seconds (t ≥ 0).
    pub fn response_tail(&self, rate: PerSecond, t: f64) -> Result<Option<f64>, QueueError> {
        if !(t >= 0.0 && t.is_finite()) {
            return Err(QueueError::Time(t));
        }
        // Absolute accuracy 1e-10: a P99.9's tail (1e-3) still to 1e-7.
        Ok(self.at(rate)?.map(|q| q.tail(t, INTEGRAL_REL_TOL * 1e-3)))
    }

    /// The response time that a share `p` of requests do not exceed, in
    /// seconds: `p = 0.95` is the P95. `p` strictly between 0 and 1.
    pub fn response_quantile(&self, rate: PerSecond, p: f64) -> Result<Option<f64>, QueueError> {
        check_probability(p)?;
        Ok(self.at(rate)?.map(|q| q.quantile(p)))
    }

    /// The arrival rate at which the `p` percentile of the response time
    /// reaches `target_s` seconds; `None` when even an idle station is slower
    /// than that (its service times alone miss the target).
    pub fn rate_for_quantile(
        &self,
        p: f64,
        target_s: f64,
    ) -> Result<Option<PerSecond>, QueueError> {
        check_probability(p)?;
        if !(target_s > 0.0 && target_s.is_finite()) {
            return Err(QueueError::Target(target_s));
        }
        let idle = self.quantile_or_saturated(0.0, p);
        if idle >= target_s {
            return Ok(None);
        }
        // 1/quantile falls about linearly to 0 at saturation: regula falsi
        // on it converges in a few steps.
        let inverse_target = 1.0 / target_s;
        let mut gap = |lambda: f64| 1.0 / self.quantile_or_saturated(lambda, p) - inverse_target;
        let saturation = self.saturation_rate().0;
        let rate = numeric::solve(
            &mut gap,
            0.0,
            saturation,
            1.0 / idle - inverse_target,
            -inverse_target,
            SOLVE_TOL,
            SOLVE_TOL * inverse_target,
        );
        Ok(Some(PerSecond(rate)))
    }

    /// The quantile at `lambda` (valid, ≥ 0), +∞ when saturated.
    fn quantile_or_saturated(&self, lambda: f64, p: f64) -> f64 {
        match self.at(PerSecond(lambda)) {
            Ok(Some(q)) => q.quantile(p),
            _ => f64::INFINITY,
        }
    }

    /// The queue's figures at `rate`; `None` when saturated.
    fn at(&self, rate: PerSecond) -> Result<Option<Operating>, QueueError> {
        let lambda = check_rate(rate)?;
        let c = f64::from(self.servers);
        let offered = lambda * self.service_s;
        if offered >= c {
            return Ok(None);
        }
        let wait_probability = erlang_c(self.servers, offered);
        // c·μ − λ, the rate at which an M/M/c queue drains.
        let drain = (c - offered) / self.service_s;
        let variability = (self.arrival_scv + self.spread.scv()) / 2.0;
        let mean_wait = wait_probability / drain * variability;
        Ok(Some(Operating {
            service_s: self.service_s,
            law: Law::fit(self.spread, self.service_s),
            wait_probability,
            // Rate of the exponential wait of a request that queues:
            // C / E[W_q]; none when arrivals and service are both regular.
            wait_rate: (variability > 0.0).then(|| drain / variability),
            mean_wait,
        }))
    }
}

/// The utilisation law D = U × cores ÷ λ: the service demand, in seconds of
/// one core per request, of a machine `busy` (0 ..= 1, its whole CPU) with
/// `cores` cores while it serves `rate` requests a second.
pub fn service_demand(busy: f64, cores: Cores, rate: PerSecond) -> Result<f64, QueueError> {
    if !(0.0..=1.0).contains(&busy) {
        return Err(QueueError::Busy(busy));
    }
    if !(cores.0 > 0.0 && cores.0 <= f64::from(MAX_SERVERS)) {
        return Err(QueueError::Cores(cores.0));
    }
    let lambda = check_rate(rate)?;
    if lambda <= 0.0 {
        return Err(QueueError::Rate(lambda));
    }
    Ok(busy * cores.0 / lambda)
}

/// Erlang's C for `servers` and an offered load a = λS < servers, by the
/// recursion of Erlang's B (B₀ = 1, B_k = a·B_{k−1} / (k + a·B_{k−1})),
/// which never overflows: C = B_c / (1 − ρ(1 − B_c)).
fn erlang_c(servers: u32, offered: f64) -> f64 {
    let mut blocking = 1.0;
    for k in 1..=servers {
        blocking = offered * blocking / (f64::from(k) + offered * blocking);
    }
    let rho = offered / f64::from(servers);
    blocking / (1.0 - rho * (1.0 - blocking))
}

fn check_rate(rate: PerSecond) -> Result<f64, QueueError> {
    if rate.0 >= 0.0 && rate.0.is_finite() {
        Ok(rate.0)
    } else {
        Err(QueueError::Rate(rate.0))
    }
}

fn check_probability(p: f64) -> Result<(), QueueError> {
    if p > 0.0 && p < 1.0 {
        Ok(())
    } else {
        Err(QueueError::Probability(p))
    }
}

/// One station at one arrival rate below saturation.
struct Operating {
    service_s: f64,
    law: Law,
    wait_probability: f64,
    /// θ; `None`: no request waits in the model (C_a² = C_s² = 0).
    wait_rate: Option<f64>,
    mean_wait: f64,
}

impl Operating {
    /// P(T > t) = (1 − C)·P(S > t) + C·P(W + S > t), W ~ Exp(θ).
    fn tail(&self, t: f64, tol: f64) -> f64 {
        let served = self.law.survival(t);
        match self.wait_rate {
            Some(theta) if self.wait_probability > 0.0 => {
                let c = self.wait_probability;
                (1.0 - c) * served + c * self.wait_then_service(theta, t, tol)
            }
            _ => served,
        }
    }

    /// P(W + S > t) for W ~ Exp(θ) and S of the fitted law.
    /// `tol`: absolute accuracy of the integral.
    fn wait_then_service(&self, theta: f64, t: f64, tol: f64) -> f64 {
        match self.law {
            Law::Exponential { rate } => two_exponentials(theta, rate, t),
            Law::Deterministic { duration } => {
                if t < duration {
                    1.0
                } else {
                    (-theta * (t - duration)).exp()
                }
            }
            Law::Gamma {
                shape,
                scale,
                ln_gamma_shape,
            } => special::gamma_plus_exponential_tail(shape, scale, ln_gamma_shape, theta, t),
            Law::Lognormal { .. } => {
                // e^{−θt} + ∫ θe^{−θ(t−u)} P(S > u) du over u from 0 to t
                // (u: the service time left once the wait t − u is over).
                let mut weighted = |u: f64| theta * (-theta * (t - u)).exp() * self.law.survival(u);
                let start = t - WAIT_CUTOFF / theta;
                let convolution = if start > 0.0 {
                    numeric::integrate(&mut weighted, start, t, tol)
                } else {
                    // u = t·s² puts more nodes near u = 0, where P(S > u)
                    // falls fastest on the scale of t: fewer panels.
                    let mut integrand = |s: f64| weighted(t * s * s) * 2.0 * t * s;
                    numeric::integrate(&mut integrand, 0.0, 1.0, tol)
                };
                (-theta * t).exp() + convolution
            }
        }
    }

    /// The `p` quantile: where ln P(T > t) = ln(1 − p), nearly linear in t
    /// in the tail, so regula falsi needs few steps.
    fn quantile(&self, p: f64) -> f64 {
        let log_target = (1.0 - p).ln();
        let tol = INTEGRAL_REL_TOL * (1.0 - p);
        let mut gap = |t: f64| self.tail(t, tol).ln() - log_target;
        // P(T > 0) = 1: the gap at 0 is −ln(1 − p) > 0.
        let (mut lo, mut f_lo) = (0.0, -log_target);
        let mean = self.service_s + self.mean_wait;
        let mut hi = mean * (-log_target).max(1.0);
        let mut f_hi = gap(hi);
        for _ in 0..MAX_DOUBLINGS {
            if f_hi <= 0.0 {
                break;
            }
            (lo, f_lo) = (hi, f_hi);
            hi *= 2.0;
            f_hi = gap(hi);
        }
        numeric::solve(&mut gap, lo, hi, f_lo, f_hi, SOLVE_TOL, SOLVE_TOL)
    }
}

/// P(E_a + E_b > t) for independent exponentials of rates a and b:
/// (b·e^{−at} − a·e^{−bt}) / (b − a), written as
/// e^{−lo·t}·(1 + lo·t·(1 − e^{−x})/x) with x = (hi − lo)·t ≥ 0, which
/// neither cancels when a ≈ b nor overflows when they differ widely.
fn two_exponentials(a: f64, b: f64, t: f64) -> f64 {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let x = (hi - lo) * t;
    let shrink = if x > 0.0 { -(-x).exp_m1() / x } else { 1.0 };
    (-lo * t).exp() * (1.0 + lo * t * shrink)
}

/// A service-time distribution of a given mean and C_s².
enum Law {
    Exponential {
        rate: f64,
    },
    /// Every request takes exactly `duration` seconds.
    Deterministic {
        duration: f64,
    },
    Gamma {
        shape: f64,
        scale: f64,
        ln_gamma_shape: f64,
    },
    Lognormal {
        /// Mean and standard deviation of ln S.
        log_mean: f64,
        log_sd: f64,
    },
}

impl Law {
    fn fit(spread: Spread, mean: f64) -> Law {
        match spread {
            Spread::Exponential => Law::Exponential { rate: 1.0 / mean },
            Spread::Gamma(scv) | Spread::Lognormal(scv) if scv == 0.0 => {
                Law::Deterministic { duration: mean }
            }
            Spread::Gamma(scv) if scv >= GAMMA_MIN_SCV => {
                let shape = 1.0 / scv;
                Law::Gamma {
                    shape,
                    scale: mean * scv,
                    ln_gamma_shape: special::ln_gamma(shape),
                }
            }
            Spread::Gamma(scv) | Spread::Lognormal(scv) => {
                let variance = (1.0 + scv).ln();
                Law::Lognormal {
                    log_mean: mean.ln() - variance / 2.0,
                    log_sd: variance.sqrt(),
                }
            }
        }
    }

    /// P(S > u).
    fn survival(&self, u: f64) -> f64 {
        match *self {
            Law::Exponential { rate } => (-rate * u.max(0.0)).exp(),
            Law::Deterministic { duration } => {
                if u < duration {
                    1.0
                } else {
                    0.0
                }
            }
            Law::Gamma {
                shape,
                scale,
                ln_gamma_shape,
            } => special::gamma_q(shape, u / scale, ln_gamma_shape),
            Law::Lognormal { log_mean, log_sd } => {
                if u <= 0.0 {
                    1.0
                } else {
                    0.5 * special::erfc((u.ln() - log_mean) / (log_sd * std::f64::consts::SQRT_2))
                }
            }
        }
    }
}
