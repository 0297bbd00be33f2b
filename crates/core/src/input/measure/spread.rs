//! How spread out the measured times are: the squared coefficient of
//! variation C² = Var / mean², which the queueing model's P95 needs (1 for
//! exponential times, 0 for constant ones). Three ways, best first: from
//! every sample (a per-transaction log), from a reported standard deviation,
//! or from the percentiles through a fitted lognormal.

/// Where a C² came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SpreadBasis {
    /// The variance of `n` logged times.
    Samples { n: usize },
    /// The report's standard deviation over its mean.
    StdDev,
    /// A lognormal through the report's percentiles: C² = e^{σ²} − 1, with σ
    /// the slope of ln(time) against the normal quantile.
    LognormalPercentiles,
}

/// A lognormal distribution of times: ln T ~ N(mu, sigma²).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lognormal {
    pub mu: f64,
    pub sigma: f64,
}

impl Lognormal {
    /// The time below which a share `q` (0 < q < 1) of them fall.
    pub fn quantile(self, q: f64) -> f64 {
        (self.mu + self.sigma * normal_quantile(q)).exp()
    }

    /// Its squared coefficient of variation.
    pub fn cs2(self) -> f64 {
        (self.sigma * self.sigma).exp_m1()
    }

    /// The least-squares line through `(q, time)` pairs on normal-quantile
    /// axes; `None` without two distinct quantiles of positive times.
    pub fn through(percentiles: &[(f64, f64)]) -> Option<Lognormal> {
        let points: Vec<(f64, f64)> = percentiles
            .iter()
            .filter(|&&(q, t)| q > 0.0 && q < 1.0 && t.is_finite() && t > 0.0)
            .map(|&(q, t)| (normal_quantile(q), t.ln()))
            .collect();
        let n = points.len() as f64;
        if points.len() < 2 {
            return None;
        }
        let mean_z = points.iter().map(|p| p.0).sum::<f64>() / n;
        let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
        let szz: f64 = points.iter().map(|p| (p.0 - mean_z).powi(2)).sum();
        if szz < 1e-12 {
            return None;
        }
        let szy: f64 = points.iter().map(|p| (p.0 - mean_z) * (p.1 - mean_y)).sum();
        // Percentiles that fall with q mean a broken report, not a negative spread.
        let sigma = (szy / szz).max(0.0);
        Some(Lognormal {
            mu: mean_y - sigma * mean_z,
            sigma,
        })
    }
}

/// Running mean and variance of logged times (Welford's method, stable for
/// long logs).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Moments {
    pub count: usize,
    pub mean: f64,
    sum_squares: f64,
}

impl Moments {
    pub fn push(&mut self, x: f64) {
        self.count += 1;
        let delta = x - self.mean;
        self.mean += delta / self.count as f64;
        self.sum_squares += delta * (x - self.mean);
    }

    /// The sample variance; 0 with fewer than two samples.
    pub fn variance(&self) -> f64 {
        if self.count < 2 {
            0.0
        } else {
            self.sum_squares / (self.count - 1) as f64
        }
    }

    /// C² of the samples; `None` without a positive mean.
    pub fn cs2(&self) -> Option<f64> {
        (self.count >= 2 && self.mean > 0.0).then(|| self.variance() / (self.mean * self.mean))
    }
}

/// The standard normal's quantile (Acklam's rational approximation:
/// relative error below 1.2e-9).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    if !(p > 0.0 && p < 1.0) {
        return f64::NAN;
    }
    let low = 0.024_25;
    if p < low {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - low {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantiles_match_the_tables() {
        for (p, z) in [
            (0.5, 0.0),
            (0.9, 1.281_551_565_545),
            (0.95, 1.644_853_626_951),
            (0.99, 2.326_347_874_041),
            (0.999, 3.090_232_306_168),
            (0.01, -2.326_347_874_041),
        ] {
            assert!(
                (normal_quantile(p) - z).abs() < 1e-6,
                "{p}: {}",
                normal_quantile(p)
            );
        }
        assert!(normal_quantile(1.0).is_nan());
    }

    #[test]
    fn a_lognormal_comes_back_from_its_own_percentiles() {
        let truth = Lognormal {
            mu: 2.0,
            sigma: 0.8,
        };
        let points: Vec<(f64, f64)> = [0.5, 0.9, 0.95, 0.99]
            .iter()
            .map(|&q| (q, truth.quantile(q)))
            .collect();
        let fitted = Lognormal::through(&points).expect("fits");
        assert!((fitted.sigma - 0.8).abs() < 1e-9 && (fitted.mu - 2.0).abs() < 1e-9);
        assert!((fitted.cs2() - (0.64f64.exp() - 1.0)).abs() < 1e-9);
        assert_eq!(Lognormal::through(&[(0.5, 3.0)]), None);
    }

    #[test]
    fn moments_of_a_known_sample() {
        let mut m = Moments::default();
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            m.push(x);
        }
        assert_eq!(m.mean, 5.0);
        assert!((m.variance() - 32.0 / 7.0).abs() < 1e-12);
        assert!((m.cs2().expect("two samples") - 32.0 / 7.0 / 25.0).abs() < 1e-12);
    }
}
