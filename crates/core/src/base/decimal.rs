//! Decimal text to `f64`, correctly rounded, in little code.
//!
//! The standard library's parser carries a 10 KB table of powers of five that
//! barely compresses; in the browser every kilobyte counts, so Headroom parses
//! its inputs here. Ordinary inputs (up to 15 significant digits, exponent
//! within ±22) take Clinger's fast path: one exact IEEE operation. Anything
//! else is computed exactly with a small big integer and rounded half to even,
//! so the result is the same as `str::parse::<f64>` for every finite value.

use std::cmp::Ordering;

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (either digit run may be
/// empty, not both). `None` for anything else and for values too large for an
/// `f64`; values too small round to zero.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let mut seen_digit = false;
    let mut i = 0;
    while let Some(&b) = rest.get(i).filter(|b| b.is_ascii_digit()) {
        if !(digits.is_empty() && b == b'0') {
            digits.push(b - b'0');
        }
        seen_digit = true;
        i += 1;
    }
    if rest.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b) = rest.get(i).filter(|b| b.is_ascii_digit()) {
            if !(digits.is_empty() && b == b'0') {
                digits.push(b - b'0');
            }
            exponent -= 1;
            seen_digit = true;
            i += 1;
        }
    }
    if !seen_digit {
        return None;
    }
    if matches!(rest.get(i), Some(b'e' | b'E')) {
        i += 1;
        let sign = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut value: i64 = 0;
        while let Some(&b) = rest.get(i).filter(|b| b.is_ascii_digit()) {
            // Saturate: past a million, the value is zero or infinite anyway.
            value = (value * 10 + i64::from(b - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += sign * value;
    }
    if i != rest.len() {
        return None;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    let magnitude = if digits.is_empty() {
        0.0
    } else {
        magnitude(&digits, exponent)?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Exact powers of ten representable in an `f64`.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `digits × 10^exponent`, digits without leading or trailing zeros.
fn magnitude(digits: &[u8], exponent: i64) -> Option<f64> {
    let count = digits.len() as i64;
    // value < 10^(count + exponent): below 10^-324 it rounds to zero,
    // from 10^309 up it overflows.
    if count + exponent <= -324 {
        return Some(0.0);
    }
    if count + exponent > 309 {
        return None;
    }
    if count <= 15 && (-22..=22).contains(&exponent) {
        let mantissa = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let power = POWERS[exponent.unsigned_abs() as usize];
        return Some(if exponent >= 0 {
            mantissa * power
        } else {
            mantissa / power
        });
    }

    let mut numerator = Big::from_digits(digits);
    let mut denominator = Big::one();
    for _ in 0..exponent.unsigned_abs() {
        if exponent > 0 {
            numerator.mul_add(10, 0);
        } else {
            denominator.mul_add(10, 0);
        }
    }
    // Find s with 2^53 <= numerator × 2^s / denominator < 2^54.
    let mut shift = 53 - (numerator.bits() as i64 - denominator.bits() as i64);
    let (mut quotient, mut inexact) = scaled_quotient(&numerator, &denominator, shift);
    if quotient < 1 << 53 {
        shift += 1;
        (quotient, inexact) = scaled_quotient(&numerator, &denominator, shift);
    }
    let mut binary_exponent = 53 - shift;
    if binary_exponent > 1023 {
        return None;
    }
    if binary_exponent < -1022 {
        // Subnormal: count in units of 2^-1075, one bit below the last place.
        let (quotient, inexact) = scaled_quotient(&numerator, &denominator, 1075);
        return Some(f64::from_bits(round_half_even(quotient, inexact)));
    }
    let mut mantissa = round_half_even(quotient, inexact);
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        binary_exponent += 1;
        if binary_exponent > 1023 {
            return None;
        }
    }
    let biased = (binary_exponent + 1023) as u64;
    Some(f64::from_bits(
        (biased << 52) | (mantissa & ((1 << 52) - 1)),
    ))
}

/// Drops the lowest bit of `quotient`, rounding half to even; `inexact` says
/// whether anything was left below that bit.
fn round_half_even(quotient: u64, inexact: bool) -> u64 {
    let kept = quotient >> 1;
    let half = quotient & 1 == 1;
    if half && (inexact || kept & 1 == 1) {
        kept + 1
    } else {
        kept
    }
}

/// `floor(numerator × 2^shift / denominator)`, which must be below 2^64, and
/// whether a remainder was left.
fn scaled_quotient(numerator: &Big, denominator: &Big, shift: i64) -> (u64, bool) {
    let (mut remainder, divisor) = if shift >= 0 {
        (numerator.shl(shift as u64), denominator.clone())
    } else {
        (numerator.clone(), denominator.shl(shift.unsigned_abs()))
    };
    let mut quotient = 0u64;
    for bit in (0..64).rev() {
        let part = divisor.shl(bit);
        if remainder.compare(&part) != Ordering::Less {
            remainder.sub(&part);
            quotient |= 1 << bit;
        }
    }
    (quotient, !remainder.is_zero())
}

/// A non-negative big integer, 32-bit limbs, least significant first.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for &digit in digits {
            big.mul_add(10, u32::from(digit));
        }
        big
    }

    fn mul_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let value = u64::from(*limb) * u64::from(factor) + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&limb| limb == 0)
    }

    fn bits(&self) -> u64 {
        match self.0.iter().rposition(|&limb| limb != 0) {
            Some(top) => top as u64 * 32 + u64::from(32 - self.0[top].leading_zeros()),
            None => 0,
        }
    }

    fn shl(&self, shift: u64) -> Big {
        let limbs = (shift / 32) as usize;
        let bits = (shift % 32) as u32;
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            if bits == 0 {
                out.push(limb);
            } else {
                out.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            out.push(carry);
        }
        Big(out)
    }

    fn compare(&self, other: &Big) -> Ordering {
        let len = self.0.len().max(other.0.len());
        for i in (0..len).rev() {
            let a = self.0.get(i).copied().unwrap_or(0);
            let b = other.0.get(i).copied().unwrap_or(0);
            match a.cmp(&b) {
                Ordering::Equal => continue,
                unequal => return unequal,
            }
        }
        Ordering::Equal
    }

    /// `self -= other`; `other` must not be larger.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let value =
                i64::from(self.0[i]) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(value < 0);
            self.0[i] = (value + (borrow << 32)) as u32;
        }
    }
}
