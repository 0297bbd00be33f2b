//! The special functions the service-time distributions need: the
//! complementary error function (lognormal) and the regularized upper
//! incomplete gamma function (gamma), written out because the core has no
//! dependencies. The first is good to 1.2e-7, the second to about 1e-14;
//! the model around them is good to a few per cent, so this is ample.

use std::f64::consts::PI;

/// Relative size of the last term kept by the series and continued fractions.
const EPS: f64 = 1e-15;
/// Iteration cap of the series and continued fraction: far above what the
/// allowed inputs need (about 100 at worst), so a hostile value costs little.
const MAX_TERMS: usize = 1_000;
/// Guards the continued fractions' denominators against zero (Lentz).
const TINY: f64 = 1e-300;

/// erfc(x) = 1 − erf(x), relative error below 1.2e-7 for every x (the
/// Chebyshev fit of Press et al., *Numerical Recipes in C*, 2nd ed., §6.2):
/// one exponential and ten multiply-adds, as the lognormal's survival
/// function is evaluated thousands of times per percentile.
pub(crate) fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let upper = t * (-z * z + poly).exp();
    if x >= 0.0 {
        upper
    } else {
        2.0 - upper
    }
}

/// ln Γ(x) for x > 0: shifted up to x ≥ 15, then Stirling's series to the
/// 1/x⁹ term (the next one is below 3e-16 there).
pub(crate) fn ln_gamma(x: f64) -> f64 {
    let mut z = x;
    let mut product = 1.0;
    while z < 15.0 {
        product *= z;
        z += 1.0;
    }
    let inv = 1.0 / z;
    let inv2 = inv * inv;
    // Bernoulli terms B₂ₖ / (2k(2k−1)): 1/12, −1/360, 1/1260, −1/1680, 1/1188.
    let series = inv
        * (1.0 / 12.0
            + inv2
                * (-1.0 / 360.0 + inv2 * (1.0 / 1260.0 + inv2 * (-1.0 / 1680.0 + inv2 / 1188.0))));
    (z - 0.5) * z.ln() - z + 0.5 * (2.0 * PI).ln() + series - product.ln()
}

/// Q(a, x) = Γ(a, x) / Γ(a), the probability that a Gamma(a, 1) variable
/// exceeds x. `ln_gamma_a` is ln Γ(a), computed once by the caller.
pub(crate) fn gamma_q(a: f64, x: f64, ln_gamma_a: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let prefactor = (-x + a * x.ln() - ln_gamma_a).exp();
    if x < a + 1.0 {
        1.0 - prefactor * lower_series(a, x)
    } else {
        prefactor * upper_fraction(a, x)
    }
}

/// Σ xⁿ / (a(a+1)…(a+n)): γ(a, x) = x^a e^{−x} times this.
fn lower_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut denominator = a;
    for _ in 0..MAX_TERMS {
        denominator += 1.0;
        term *= x / denominator;
        sum += term;
        if term.abs() < sum.abs() * EPS {
            break;
        }
    }
    sum
}

/// The continued fraction 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …))):
/// Γ(a, x) = x^a e^{−x} times this, for x ≥ a + 1 (modified Lentz).
fn upper_fraction(a: f64, x: f64) -> f64 {
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_TERMS {
        let i = i as f64;
        let an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// P(W + S > t) for W ~ Exp(θ) and S ~ Gamma(shape k, scale β), in closed
/// form: P(S > t) + J with
/// J = ∫₀ᵗ f_S(s)·e^{−θ(t−s)} ds = (t/β)^k e^{−t/β} / Γ(k) · H,
/// H = ∫₀¹ x^{k−1} e^{r t (1−x)} dx, r = 1/β − θ.
/// H is a positive series when r ≥ 0, and the mean of 1/(k + N) for N
/// Poisson of mean −rt when r < 0 (a Watson expansion once that mean is
/// large); no term cancels another in any of them.
pub(crate) fn gamma_plus_exponential_tail(
    shape: f64,
    scale: f64,
    ln_gamma_shape: f64,
    theta: f64,
    t: f64,
) -> f64 {
    let served = gamma_q(shape, t / scale, ln_gamma_shape);
    if t <= 0.0 {
        return served;
    }
    let rt = (1.0 / scale - theta) * t;
    let joint = if rt >= shape + 1.0 {
        // H = e^{rt} (rt)^{−k} γ(k, rt): J = e^{−θt} (βr)^{−k} P(k, rt),
        // where P(k, rt) ≥ ½ comes from the continued fraction.
        let beta_r = rt * scale / t;
        (-theta * t - shape * beta_r.ln()).exp() * (1.0 - gamma_q(shape, rt, ln_gamma_shape))
    } else {
        let h = if rt >= 0.0 {
            lower_series(shape, rt)
        } else if -rt <= WATSON_FROM {
            poisson_reciprocal_mean(shape, -rt)
        } else {
            watson(shape, -rt)
        };
        let x = t / scale;
        (shape * x.ln() - x - ln_gamma_shape).exp() * h
    };
    (served + joint).min(1.0)
}

/// From this Poisson mean on, [`watson`] replaces [`poisson_reciprocal_mean`]
/// (whose terms then number in the hundreds). Above twice the largest shape
/// allowed (100), so Watson's terms shrink from the first.
const WATSON_FROM: f64 = 200.0;

/// E[1/(k + N)] for N ~ Poisson(z) = ∫₀¹ x^{k−1} e^{−z(1−x)} dx, by summing
/// the Poisson probabilities (z ≤ 200: e^{−z} stays far from underflow).
fn poisson_reciprocal_mean(k: f64, z: f64) -> f64 {
    let mut probability = (-z).exp();
    let mut sum = probability / k;
    for n in 1..MAX_TERMS {
        let n = n as f64;
        probability *= z / n;
        let term = probability / (k + n);
        sum += term;
        if n > z && term < sum * EPS {
            break;
        }
    }
    sum
}

/// ∫₀¹ x^{k−1} e^{−z(1−x)} dx for large z, by Watson's lemma:
/// Σⱼ (1−k)(2−k)…(j−k) / z^{j+1}, summed while the terms shrink; the part
/// it leaves out is of order e^{−z}.
fn watson(k: f64, z: f64) -> f64 {
    let mut term = 1.0 / z;
    let mut sum = term;
    for j in 1..MAX_TERMS {
        let next = term * (j as f64 - k) / z;
        if next.abs() >= term.abs() || next.abs() < sum.abs() * EPS {
            break;
        }
        term = next;
        sum += term;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, rel: f64) {
        assert!(
            (got - want).abs() <= rel * want.abs(),
            "got {got:e}, want {want:e} (relative {rel:e})"
        );
    }

    // Reference values computed with mpmath 1.4.1 at 30 digits.
    #[test]
    fn erfc_matches_reference_values() {
        close(erfc(0.0), 1.0, 1.2e-7);
        close(erfc(0.5), 0.479_500_122_186_953_5, 1.2e-7);
        close(erfc(1.0), 0.157_299_207_050_285_13, 1.2e-7);
        close(erfc(2.0), 0.004_677_734_981_047_266, 1.2e-7);
        close(erfc(2.49), 0.000_429_287_867_733_913_4, 1.2e-7);
        close(erfc(2.51), 0.000_385_705_481_724_279_34, 1.2e-7);
        close(erfc(3.0), 2.209_049_699_858_544e-5, 1.2e-7);
        close(erfc(5.0), 1.537_459_794_428_035e-12, 1.2e-7);
        close(erfc(-1.0), 1.842_700_792_949_715, 1.2e-7);
        close(erfc(10.0), 2.088_487_583_762_545e-45, 1.2e-7);
        close(erfc(20.0), 5.395_865_611_607_901e-176, 1.2e-7);
    }

    #[test]
    fn ln_gamma_matches_reference_values() {
        close(ln_gamma(0.5), PI.sqrt().ln(), 1e-14);
        close(ln_gamma(1.0).exp(), 1.0, 1e-14);
        close(ln_gamma(5.0), 24f64.ln(), 1e-14);
        close(ln_gamma(0.01), 4.599_479_878_042_022, 1e-14);
        close(ln_gamma(100.0), 359.134_205_369_575_4, 1e-14);
    }

    #[test]
    fn gamma_q_matches_reference_values() {
        let q = |a: f64, x: f64| gamma_q(a, x, ln_gamma(a));
        // a = 1 is the exponential: Q(1, x) = e^{−x}.
        close(q(1.0, 0.3), (-0.3f64).exp(), 1e-14);
        close(q(1.0, 7.0), (-7.0f64).exp(), 1e-13);
        // Q(½, x) = erfc(√x), mpmath: erfc(√2).
        close(q(0.5, 2.0), 0.045_500_263_896_358_42, 1e-13);
        close(q(4.0, 2.0), 0.857_123_460_498_547, 1e-13);
        close(q(4.0, 9.0), 0.021_226_486_302_908_88, 1e-12);
        close(q(0.1, 0.1), 0.172_448_240_414_149_46, 1e-12);
        close(q(100.0, 120.0), 0.027_863_739_890_520_661, 1e-11);
    }
    /// ∫₀ᵗ θe^{−θw} P(S > t − w) dw + e^{−θt} by composite Simpson on a fine
    /// grid: the definition, slowly.
    fn convolution_by_simpson(shape: f64, scale: f64, theta: f64, t: f64) -> f64 {
        let lg = ln_gamma(shape);
        let n = 200_000;
        let h = t / n as f64;
        let g = |w: f64| theta * (-theta * w).exp() * gamma_q(shape, (t - w) / scale, lg);
        let mut sum = g(0.0) + g(t);
        for i in 1..n {
            sum += g(i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
        }
        sum * h / 3.0 + (-theta * t).exp()
    }

    #[test]
    fn gamma_plus_exponential_matches_its_definition_in_every_branch() {
        // (shape, scale, θ, t): r·t ≥ k + 1, 0 ≤ r·t < k + 1, small and
        // large Poisson means (r < 0), and the exponential case k = 1.
        for (shape, scale, theta, t) in [
            (0.5, 0.05, 2.0, 0.3),
            (4.0, 0.006_25, 100.0, 0.05),
            (0.5, 0.05, 30.0, 0.2),
            (2.0, 0.0125, 300.0, 0.06),
            (1.0, 0.025, 20.0, 0.1),
            (0.5, 0.05, 4_000.0, 0.1),
            (100.0, 0.000_25, 3_000.0, 0.03),
            (100.0, 0.000_25, 20_000.0, 0.03),
        ] {
            let got = gamma_plus_exponential_tail(shape, scale, ln_gamma(shape), theta, t);
            let want = convolution_by_simpson(shape, scale, theta, t);
            assert!(
                (got - want).abs() < 1e-7 * want.max(1e-3),
                "k={shape} β={scale} θ={theta} t={t}: {got} vs {want}"
            );
        }
    }
}
