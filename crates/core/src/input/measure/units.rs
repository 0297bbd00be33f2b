//! Numbers as the tools print them: sizes (`5.629MiB`, `2.48kB`, `38.21 MiB`),
//! percentages (`0.28%`) and durations (`58.83ms`, `830.00us`, `1.02s`).

use crate::base::units::{
    seconds_to_ms, us_to_ms, GIBIBYTE, GIGA, KIBIBYTE, KILO, MEBIBYTE, MEGA, MS_PER_HOUR,
    MS_PER_MINUTE, NS_PER_MS, TEBIBYTE, TERA,
};

/// A finite number ≥ 0, or `None`.
pub(crate) fn non_negative(s: &str) -> Option<f64> {
    let value: f64 = s.trim().parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value)
}

/// Splits `12.5MiB` into `(12.5, "MiB")`; the unit may follow a space.
fn number_and_unit(s: &str) -> Option<(f64, &str)> {
    let s = s.trim();
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let value = non_negative(s.get(..end)?)?;
    Some((value, s.get(end..)?.trim()))
}

/// Bytes from a size as Docker prints it: binary units (KiB, MiB, GiB, TiB)
/// for memory, decimal ones (kB, MB, GB, TB) for I/O.
pub(crate) fn bytes(s: &str) -> Option<f64> {
    let (value, unit) = number_and_unit(s)?;
    let factor = match unit.to_ascii_lowercase().as_str() {
        "b" => 1.0,
        "kb" | "k" => KILO,
        "mb" | "m" => MEGA,
        "gb" | "g" => GIGA,
        "tb" | "t" => TERA,
        "kib" => KIBIBYTE,
        "mib" => MEBIBYTE,
        "gib" => GIBIBYTE,
        "tib" => TEBIBYTE,
        _ => return None,
    };
    Some(value * factor)
}

/// `0.28%` → 0.28; `None` for Docker's `--` (a container that is not running).
pub(crate) fn percent(s: &str) -> Option<f64> {
    non_negative(s.trim().strip_suffix('%')?)
}

/// Milliseconds from a duration as wrk prints it (`830.00us`, `58.83ms`,
/// `1.02s`, `2.00m`, `1.00h`).
pub(crate) fn millis(s: &str) -> Option<f64> {
    let (value, unit) = number_and_unit(s)?;
    // Dividing keeps `830.00us` at exactly 0.83 ms.
    Some(match unit {
        "ns" => value / NS_PER_MS,
        "us" | "µs" => us_to_ms(value),
        "ms" => value,
        "s" => seconds_to_ms(value),
        "m" => value * MS_PER_MINUTE,
        "h" => value * MS_PER_HOUR,
        _ => return None,
    })
}

/// A count with wrk's suffixes (`709`, `1.23k`, `4.56M`).
pub(crate) fn count(s: &str) -> Option<f64> {
    let (value, unit) = number_and_unit(s)?;
    let factor = match unit {
        "" => 1.0,
        "k" => KILO,
        "M" => MEGA,
        "G" => GIGA,
        _ => return None,
    };
    Some(value * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_both_unit_systems() {
        assert_eq!(bytes("5.629MiB"), Some(5.629 * 1_048_576.0));
        assert_eq!(bytes("196KiB"), Some(196.0 * 1024.0));
        assert_eq!(bytes("2.48kB"), Some(2480.0));
        assert_eq!(bytes("38.21 MiB"), Some(38.21 * 1_048_576.0));
        assert_eq!(bytes("0B"), Some(0.0));
        assert_eq!(bytes("--"), None);
        assert_eq!(bytes("12parsecs"), None);
        assert_eq!(bytes("MiB"), None);
        assert_eq!(bytes("1.2.3MiB"), None);
    }

    #[test]
    fn durations_and_percentages() {
        assert_eq!(millis("830.00us"), Some(0.83));
        assert_eq!(millis("58.83ms"), Some(58.83));
        assert_eq!(millis("1.02s"), Some(1020.0));
        assert_eq!(millis("7 parsecs"), None);
        assert_eq!(percent("0.28%"), Some(0.28));
        assert_eq!(percent("--"), None);
        assert_eq!(percent("-3%"), None);
        assert_eq!(count("1.23k"), Some(1230.0));
    }
}
