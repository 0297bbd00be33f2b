//! Numerical tools of the queueing model: adaptive Gauss–Kronrod
//! integration and a bracketed root finder. Both have a hard cap on their
//! work, so no input can make them loop or take long.

/// Kronrod nodes of the 15-point rule on [−1, 1], positive half (the Gauss
/// 7-point nodes are the odd entries and the last, 0), QUADPACK's qk15.
const XGK: [f64; 8] = [
    0.991_455_371_120_812_6,
    0.949_107_912_342_758_5,
    0.864_864_423_359_769_1,
    0.741_531_185_599_394_5,
    0.586_087_235_467_691_1,
    0.405_845_151_377_397_2,
    0.207_784_955_007_898_48,
    0.0,
];
/// Kronrod weights, same order as [`XGK`].
const WGK: [f64; 8] = [
    0.022_935_322_010_529_224,
    0.063_092_092_629_978_56,
    0.104_790_010_322_250_19,
    0.140_653_259_715_525_92,
    0.169_004_726_639_267_9,
    0.190_350_578_064_785_42,
    0.204_432_940_075_298_89,
    0.209_482_141_084_727_82,
];
/// Gauss 7-point weights for XGK[1], XGK[3], XGK[5] and XGK[7] = 0.
const WG: [f64; 4] = [
    0.129_484_966_168_869_7,
    0.279_705_391_489_276_64,
    0.381_830_050_505_118_9,
    0.417_959_183_673_469_4,
];

/// Panels one integral may cut [a, b] into (15 evaluations each).
const MAX_PANELS: usize = 64;

/// ∫ₐᵇ f by globally adaptive Gauss–Kronrod (7/15 points, as QUADPACK's
/// QAG): the panel with the largest error estimate is halved until the
/// estimates add up to at most `tol`, or the panels run out (then the sum
/// of the Kronrod estimates so far is the answer).
pub(crate) fn integrate(f: &mut impl FnMut(f64) -> f64, a: f64, b: f64, tol: f64) -> f64 {
    // (from, to, integral, error) of each panel.
    let mut panels = [(0.0, 0.0, 0.0, 0.0); MAX_PANELS];
    let (integral, error) = gauss_kronrod(f, a, b);
    panels[0] = (a, b, integral, error);
    let mut count = 1;
    while count < MAX_PANELS {
        let (mut worst, mut total) = (0, 0.0);
        for (i, panel) in panels[..count].iter().enumerate() {
            total += panel.3;
            if panel.3 > panels[worst].3 {
                worst = i;
            }
        }
        let (from, to, _, _) = panels[worst];
        let mid = 0.5 * (from + to);
        // The last conditions stop when the panel can no longer be halved.
        if total <= tol || mid <= from || mid >= to {
            break;
        }
        let (left, left_error) = gauss_kronrod(f, from, mid);
        let (right, right_error) = gauss_kronrod(f, mid, to);
        panels[worst] = (from, mid, left, left_error);
        panels[count] = (mid, to, right, right_error);
        count += 1;
    }
    panels[..count].iter().map(|panel| panel.2).sum()
}

/// The 15-point Kronrod estimate of ∫ₐᵇ f and its error estimate: the
/// difference from the 7-point Gauss estimate, scaled as QUADPACK does
/// (Piessens et al., 1983), because the raw difference overstates the
/// Kronrod rule's error by orders of magnitude on smooth integrands.
fn gauss_kronrod(f: &mut impl FnMut(f64) -> f64, a: f64, b: f64) -> (f64, f64) {
    let centre = 0.5 * (a + b);
    let half = 0.5 * (b - a);
    let mut values = [0.0; 15];
    values[14] = f(centre);
    let mut kronrod = WGK[7] * values[14];
    let mut gauss = WG[3] * values[14];
    for i in 0..7 {
        let dx = half * XGK[i];
        values[2 * i] = f(centre - dx);
        values[2 * i + 1] = f(centre + dx);
        let pair = values[2 * i] + values[2 * i + 1];
        kronrod += WGK[i] * pair;
        if i % 2 == 1 {
            gauss += WG[i / 2] * pair;
        }
    }
    // ∫|f − mean|, by the Kronrod weights: the integrand's own variation.
    let mean = 0.5 * kronrod;
    let mut spread = WGK[7] * (values[14] - mean).abs();
    for i in 0..7 {
        spread += WGK[i] * ((values[2 * i] - mean).abs() + (values[2 * i + 1] - mean).abs());
    }
    let spread = spread * half.abs();
    let mut error = ((kronrod - gauss) * half).abs();
    if spread > 0.0 && error > 0.0 {
        error = spread * (200.0 * error / spread).powf(1.5).min(1.0);
    }
    (kronrod * half, error)
}

/// Iterations [`solve`] may spend; 60 bisections alone reach f64's resolution.
const MAX_STEPS: usize = 200;

/// A root of `f` between `lo` and `hi`, where `f(lo) > 0 ≥ f(hi)` (given as
/// `f_lo` and `f_hi`): the Illinois variant of regula falsi, with a
/// bisection whenever a step would leave the bracket or the bracket stops
/// shrinking. Returns a point where |f| ≤ `f_tol`, else the `hi` end once
/// the bracket is narrower than `rel_tol × hi`. `f` may return −∞ (a
/// probability of zero on a log scale): that step bisects.
pub(crate) fn solve(
    f: &mut impl FnMut(f64) -> f64,
    mut lo: f64,
    mut hi: f64,
    mut f_lo: f64,
    mut f_hi: f64,
    rel_tol: f64,
    f_tol: f64,
) -> f64 {
    // Which end the last step moved: two moves on one side halve the other's value.
    let mut last_moved: Option<bool> = None;
    let mut width_before = hi - lo;
    for step in 0..MAX_STEPS {
        let width = hi - lo;
        if width <= rel_tol * hi.abs() || f_hi == 0.0 {
            break;
        }
        // Every fourth step, a bracket that has not halved meanwhile is bisected.
        let stalled = step % 4 == 3 && width > 0.5 * width_before;
        if step % 4 == 3 {
            width_before = width;
        }
        let secant = hi - f_hi * (hi - lo) / (f_hi - f_lo);
        let x = if stalled || !secant.is_finite() || secant <= lo || secant >= hi {
            0.5 * (lo + hi)
        } else {
            secant
        };
        let fx = f(x);
        if fx.abs() <= f_tol {
            return x;
        }
        if fx > 0.0 {
            lo = x;
            f_lo = fx;
            if last_moved == Some(true) {
                f_hi *= 0.5;
            }
            last_moved = Some(true);
        } else {
            hi = x;
            f_hi = fx;
            if last_moved == Some(false) {
                f_lo *= 0.5;
            }
            last_moved = Some(false);
        }
    }
    hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kronrod_rule_is_exact_for_polynomials_to_degree_22() {
        for k in 0..=22 {
            let mut f = |x: f64| x.powi(k);
            let (kronrod, _) = gauss_kronrod(&mut f, -1.0, 1.0);
            let exact = if k % 2 == 0 {
                2.0 / (k + 1) as f64
            } else {
                0.0
            };
            assert!(
                (kronrod - exact).abs() < 1e-14,
                "x^{k}: {kronrod} vs {exact}"
            );
        }
    }

    #[test]
    fn gauss_rule_is_exact_for_polynomials_to_degree_13_and_not_beyond() {
        // Both rules exact: the error estimate vanishes; past degree 13 the
        // Gauss rule alone is off, and the estimate says so.
        for k in 0..=22 {
            let mut f = |x: f64| x.powi(k);
            let (_, error) = gauss_kronrod(&mut f, -1.0, 1.0);
            if k <= 13 || k % 2 == 1 {
                assert!(error < 1e-13, "x^{k}: error estimate {error}");
            } else {
                assert!(error > 1e-6, "x^{k}: error estimate {error}");
            }
        }
    }

    #[test]
    fn adaptive_integration_handles_a_sharp_peak_and_a_square_root() {
        // ∫₀¹ 50 e^{−50x} dx = 1 − e^{−50}.
        let mut peak = |x: f64| 50.0 * (-50.0 * x).exp();
        let got = integrate(&mut peak, 0.0, 1.0, 1e-12);
        assert!((got - (1.0 - (-50f64).exp())).abs() < 1e-11, "{got}");
        // ∫₀¹ √x dx = 2/3, with its infinite slope at 0.
        let mut root = |x: f64| x.sqrt();
        let got = integrate(&mut root, 0.0, 1.0, 1e-10);
        assert!((got - 2.0 / 3.0).abs() < 1e-9, "{got}");
    }

    #[test]
    fn solver_finds_roots_and_handles_a_step() {
        let mut f = |x: f64| 2.0 - x * x;
        let root = solve(&mut f, 0.0, 2.0, 2.0, -2.0, 1e-12, 0.0);
        assert!((root - 2f64.sqrt()).abs() < 1e-11, "{root}");
        // A step at 0.3 (as a deterministic service time gives): the hi end
        // converges onto it from above.
        let mut step = |x: f64| if x < 0.3 { 1.0 } else { f64::NEG_INFINITY };
        let root = solve(&mut step, 0.0, 1.0, 1.0, f64::NEG_INFINITY, 1e-10, 1e-12);
        assert!((0.3..0.3 + 1e-9).contains(&root), "{root}");
    }
}
