//! Gunther's Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)),
//! fitted to six or more load levels (concurrency N, throughput X) by bounded
//! least squares: λ > 0, 0 ≤ σ ≤ 1, κ ≥ 0. σ is contention (queueing on a
//! shared resource), κ coherency (crosstalk that makes throughput fall past
//! the peak N* = √((1−σ)/κ)).
//!
//! For fixed σ and κ the best λ is linear least squares, so the search is
//! over (σ, κ) only: a grid over the bounds, then a pattern search from its
//! best point. It is deterministic and always ends inside the bounds.

use super::error::ReadError;
pub use super::MAX_LEVELS;

/// The fewest load levels a fit takes, as the reference implementations
/// (usl4j, R's `usl`) require.
pub const MIN_LEVELS: usize = 6;
/// The largest concurrency accepted.
pub const MAX_CONCURRENCY: f64 = 1e6;

/// One load level: N requests in flight (connections, clients) and the
/// throughput X measured there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Level {
    pub concurrency: f64,
    pub throughput: f64,
}

/// The fitted law.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UslFit {
    /// Throughput of one unit of concurrency without any contention.
    pub lambda: f64,
    /// Contention, 0 ..= 1.
    pub sigma: f64,
    /// Coherency, ≥ 0.
    pub kappa: f64,
    /// The concurrency of peak throughput; `None` when κ = 0 (throughput
    /// only levels off, towards λ/σ).
    pub peak_concurrency: Option<f64>,
    /// The throughput at the peak, or the ceiling λ/σ when κ = 0 (`None`
    /// when σ = κ = 0: linear scaling, no ceiling in sight).
    pub peak_throughput: Option<f64>,
    /// Measured past the peak: adding concurrency there lowers throughput.
    pub retrograde: bool,
    /// The share of variance explained. High values prove little: low
    /// loads alone fit almost any curve; keep high-load levels out of the
    /// fit and compare them with [`UslFit::throughput`].
    pub r_squared: f64,
    /// The highest concurrency measured.
    pub max_measured: f64,
}

impl UslFit {
    /// The throughput the law predicts at concurrency `n`.
    pub fn throughput(&self, n: f64) -> f64 {
        usl(self.lambda, self.sigma, self.kappa, n)
    }
}

use crate::input::measured::usl_throughput as usl;

/// Fits the law to `levels`; refuses fewer than six, duplicated
/// concurrencies and values out of range.
pub fn fit(levels: &[Level]) -> Result<UslFit, ReadError> {
    if levels.len() < MIN_LEVELS {
        return Err(ReadError::TooFewLevels { got: levels.len() });
    }
    if levels.len() > MAX_LEVELS {
        return Err(ReadError::TooManyLevels { got: levels.len() });
    }
    for (i, level) in levels.iter().enumerate() {
        let n_ok =
            level.concurrency.is_finite() && (1.0..=MAX_CONCURRENCY).contains(&level.concurrency);
        let x_ok =
            level.throughput.is_finite() && level.throughput > 0.0 && level.throughput < 1e15;
        if !(n_ok && x_ok) {
            return Err(ReadError::BadLevel { index: i + 1 });
        }
    }
    let mut sorted: Vec<Level> = levels.to_vec();
    sorted.sort_by(|a, b| a.concurrency.total_cmp(&b.concurrency));
    if let Some(pair) = sorted
        .windows(2)
        .find(|w| w[0].concurrency == w[1].concurrency)
    {
        return Err(ReadError::DuplicateLevel {
            concurrency: pair[0].concurrency,
        });
    }
    let max_n = sorted.last().map_or(1.0, |l| l.concurrency);
    // κ beyond this would put the peak below one unit of concurrency.
    let kappa_max = 1.0;
    let (mut sigma, mut kappa, mut best) = grid(&sorted, kappa_max);
    // Pattern search: κ moves on a log scale above its smallest grid step.
    let mut step_sigma = 0.01;
    let mut step_log_kappa: f64 = 0.25;
    // Each round improves the fit or halves the steps; the cap only guards
    // against a pathological crawl.
    for _ in 0..20_000 {
        if step_sigma < 1e-13 && step_log_kappa < 1e-13 {
            break;
        }
        let mut improved = false;
        let kappa_candidates = [
            kappa * step_log_kappa.exp(),
            kappa / step_log_kappa.exp(),
            if kappa < 1e-12 { 1e-12 } else { kappa },
            0.0,
        ];
        let sigma_candidates = [sigma + step_sigma, sigma - step_sigma, sigma];
        for s in sigma_candidates {
            for k in kappa_candidates {
                let (s, k) = (s.clamp(0.0, 1.0), k.clamp(0.0, kappa_max));
                let sse = sse(&sorted, s, k).1;
                if sse < best * (1.0 - 1e-15) {
                    (sigma, kappa, best, improved) = (s, k, sse, true);
                }
            }
        }
        if !improved {
            step_sigma /= 2.0;
            step_log_kappa /= 2.0;
        }
    }
    let lambda = sse(&sorted, sigma, kappa).0;
    let mean = sorted.iter().map(|l| l.throughput).sum::<f64>() / sorted.len() as f64;
    let total: f64 = sorted.iter().map(|l| (l.throughput - mean).powi(2)).sum();
    let r_squared = if total > 0.0 { 1.0 - best / total } else { 1.0 };
    let peak_concurrency = (kappa > 0.0).then(|| ((1.0 - sigma) / kappa).sqrt());
    let peak_throughput = match peak_concurrency {
        Some(n) => Some(usl(lambda, sigma, kappa, n.max(1.0))),
        None if sigma > 0.0 => Some(lambda / sigma),
        None => None,
    };
    Ok(UslFit {
        lambda,
        sigma,
        kappa,
        peak_concurrency,
        peak_throughput,
        retrograde: peak_concurrency.is_some_and(|n| max_n > n),
        r_squared,
        max_measured: max_n,
    })
}

/// The best λ for (σ, κ), and the sum of squared residuals with it.
fn sse(levels: &[Level], sigma: f64, kappa: f64) -> (f64, f64) {
    let shape = |n: f64| usl(1.0, sigma, kappa, n);
    let (num, den) = levels.iter().fold((0.0, 0.0), |(num, den), l| {
        let g = shape(l.concurrency);
        (num + l.throughput * g, den + g * g)
    });
    let lambda = if den > 0.0 { num / den } else { 0.0 };
    let sse = levels
        .iter()
        .map(|l| (l.throughput - lambda * shape(l.concurrency)).powi(2))
        .sum();
    (lambda, sse)
}

/// The best (σ, κ, SSE) on a grid: σ by hundredths, κ = 0 and 10^-10 ..= 1.
fn grid(levels: &[Level], kappa_max: f64) -> (f64, f64, f64) {
    let mut best = (0.0, 0.0, f64::INFINITY);
    for i in 0..=100 {
        let sigma = f64::from(i) / 100.0;
        for j in 0..=81 {
            let kappa = if j == 0 {
                0.0
            } else {
                (10f64.powf(-10.0 + f64::from(j - 1) / 8.0)).min(kappa_max)
            };
            let sse = sse(levels, sigma, kappa).1;
            if sse < best.2 {
                best = (sigma, kappa, sse);
            }
        }
    }
    best
}
