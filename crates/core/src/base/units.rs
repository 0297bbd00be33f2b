//! Units as types, so a mebibyte never meets a megabyte by accident.
//!
//! Container memory (`mem_limit: 512m`), PostgreSQL `MB` and Redis `mb` are all
//! binary: [`Mebibytes`]. The source's load profile counts data in decimal
//! units (1 GB = 1,000 MB): [`Megabytes`]. Conversions live here and nowhere else.

use crate::base::text::{self, tx, Lang, Text};
use std::ops::{Add, Mul, Sub};

/// The units statement the page and the CLI print beside the load figures.
pub const STATEMENT: Text = tx(
    "Unités\u{a0}: la charge compte en unités décimales (1\u{a0}Mo = 1\u{202f}000\u{202f}000 octets, 1\u{a0}Go = 1\u{202f}000\u{a0}Mo)\u{a0}; les limites et réglages comptent en unités binaires (Mio, le «\u{a0}m\u{a0}» de Docker, les MB et kB de PostgreSQL, les mb de Redis\u{a0}: 1\u{a0}Mio = 1\u{202f}048\u{202f}576 octets). Les machines\u{a0}: Go de mémoire binaires, Go de disque décimaux, comme les vendent les fabricants.",
    "Units: the load counts in decimal units (1 MB = 1,000,000 bytes, 1 GB = 1,000 MB); limits and settings count in binary units (MiB, Docker's m, PostgreSQL's MB and kB, Redis's mb: 1 MiB = 1,048,576 bytes). Machines: memory GB are binary, disk GB decimal, as their makers sell them.",
);

/// Bytes in a kibibyte and a mebibyte as whole counts: the sizes of texts.
pub const KIB: usize = 1024;
pub const MIB: usize = KIB * KIB;
/// Bytes in each binary unit (KiB, MiB, GiB, TiB), for the parsers of the
/// tools' and Kubernetes' sizes.
pub const KIBIBYTE: f64 = KIB as f64;
pub const MEBIBYTE: f64 = KIBIBYTE * KIBIBYTE;
pub const GIBIBYTE: f64 = MEBIBYTE * KIBIBYTE;
pub const TEBIBYTE: f64 = GIBIBYTE * KIBIBYTE;
/// The decimal multiples (k, M, G, T) of bytes or of any count.
pub const KILO: f64 = 1e3;
pub const MEGA: f64 = 1e6;
pub const GIGA: f64 = 1e9;
pub const TERA: f64 = 1e12;
/// Durations, counted in milliseconds where Headroom shows them.
pub const MS_PER_SECOND: f64 = 1e3;
pub const MS_PER_MINUTE: f64 = 60.0 * MS_PER_SECOND;
pub const MS_PER_HOUR: f64 = 60.0 * MS_PER_MINUTE;
pub const US_PER_MS: f64 = 1e3;
pub const US_PER_SECOND: f64 = US_PER_MS * MS_PER_SECOND;
pub const NS_PER_MS: f64 = 1e6;

const BYTES_PER_MEBIBYTE: f64 = MEBIBYTE;
const BYTES_PER_MEGABYTE: f64 = MEGA;
/// Binary steps: kibibytes in a mebibyte, mebibytes in a gibibyte.
const BINARY_STEP: f64 = KIBIBYTE;
/// Decimal steps: megabytes in a gigabyte, millicores in a core.
const DECIMAL_STEP: f64 = KILO;

/// Milliseconds in `seconds`.
pub fn seconds_to_ms(seconds: f64) -> f64 {
    seconds * MS_PER_SECOND
}

/// Seconds in `ms` milliseconds.
pub fn ms_to_seconds(ms: f64) -> f64 {
    ms / MS_PER_SECOND
}

/// Milliseconds in `us` microseconds.
pub fn us_to_ms(us: f64) -> f64 {
    us / US_PER_MS
}

/// Seconds in `us` microseconds.
pub fn us_to_seconds(us: f64) -> f64 {
    us / US_PER_SECOND
}

/// Binary megabytes: Docker's `m`, PostgreSQL's `MB`, Redis's `mb`.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Mebibytes(pub f64);

/// Decimal megabytes, as the source's load profile counts them.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Megabytes(pub f64);

/// CPU cores as Docker's `cpus` counts them (logical CPUs).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Cores(pub f64);

/// Requests per second.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct PerSecond(pub f64);

impl Mebibytes {
    pub const fn from_bytes(bytes: f64) -> Mebibytes {
        Mebibytes(bytes / BYTES_PER_MEBIBYTE)
    }

    pub const fn from_kibibytes(kib: f64) -> Mebibytes {
        Mebibytes(kib / BINARY_STEP)
    }

    pub const fn from_gibibytes(gib: f64) -> Mebibytes {
        Mebibytes(gib * BINARY_STEP)
    }

    pub const fn from_tebibytes(tib: f64) -> Mebibytes {
        Mebibytes(tib * BINARY_STEP * BINARY_STEP)
    }

    pub fn bytes(self) -> f64 {
        self.0 * BYTES_PER_MEBIBYTE
    }

    pub fn kibibytes(self) -> f64 {
        self.0 * BINARY_STEP
    }

    pub fn gibibytes(self) -> f64 {
        self.0 / BINARY_STEP
    }

    pub fn to_megabytes(self) -> Megabytes {
        Megabytes(self.0 * BYTES_PER_MEBIBYTE / BYTES_PER_MEGABYTE)
    }

    /// Whole mebibytes, rounded down: a derived setting never exceeds its budget.
    pub fn floor(self) -> Mebibytes {
        Mebibytes(self.0.floor())
    }

    /// `1200 MiB` / `1 200 Mio`; one decimal when it is not whole (`82.5 MiB`),
    /// so that terms add up to their sum as shown.
    pub fn display(self, lang: Lang) -> String {
        let unit = match lang.page() {
            Lang::Fr => "Mio",
            Lang::En => "MiB",
        };
        format!("{}\u{a0}{unit}", text::number(self.0, 1, lang))
    }
}

impl Megabytes {
    pub fn to_mebibytes(self) -> Mebibytes {
        Mebibytes(self.0 * BYTES_PER_MEGABYTE / BYTES_PER_MEBIBYTE)
    }

    pub fn gigabytes(self) -> f64 {
        self.0 / DECIMAL_STEP
    }

    /// Megabytes below 1,000, gigabytes (one decimal at most) from there:
    /// `500 MB`, `2.5 GB`, `1.2 GB`; French writes `Mo` and `Go`.
    pub fn display(self, lang: Lang) -> String {
        let (mb, gb, tb) = match lang.page() {
            Lang::Fr => ("Mo", "Go", "To"),
            Lang::En => ("MB", "GB", "TB"),
        };
        let value = self.0;
        if value.abs() < KILO {
            format!("{}\u{a0}{mb}", text::number(value, 0, lang))
        } else if value.abs() < MEGA {
            format!("{}\u{a0}{gb}", text::number(value / KILO, 1, lang))
        } else {
            format!("{}\u{a0}{tb}", text::number(value / MEGA, 1, lang))
        }
    }
}

impl PerSecond {
    /// At the source's precision: `0.02`, `0.1`, `0.7`, `3.5`.
    pub fn display(self, lang: Lang) -> String {
        text::rate(self.0, lang)
    }
}

impl Cores {
    pub const fn from_millicores(milli: f64) -> Cores {
        Cores(milli / DECIMAL_STEP)
    }

    pub fn millicores(self) -> f64 {
        self.0 * DECIMAL_STEP
    }

    pub fn display(self, lang: Lang) -> String {
        text::number(self.0, 2, lang)
    }
}

macro_rules! arithmetic {
    ($($unit:ident),*) => {$(
        impl Add for $unit {
            type Output = $unit;
            fn add(self, other: $unit) -> $unit {
                $unit(self.0 + other.0)
            }
        }
        impl Sub for $unit {
            type Output = $unit;
            fn sub(self, other: $unit) -> $unit {
                $unit(self.0 - other.0)
            }
        }
        impl Mul<f64> for $unit {
            type Output = $unit;
            fn mul(self, factor: f64) -> $unit {
                $unit(self.0 * factor)
            }
        }
        impl std::iter::Sum for $unit {
            fn sum<I: Iterator<Item = $unit>>(iter: I) -> $unit {
                $unit(iter.map(|x| x.0).sum())
            }
        }
    )*};
}
arithmetic!(Mebibytes, Megabytes, Cores, PerSecond);

/// A price in euros: a range (`€500-720`) or an approximate figure (`~€65`).
/// The source gives ranges; they stay ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Euros {
    pub low: u32,
    pub high: u32,
    pub approximate: bool,
}

impl Euros {
    pub const fn range(low: u32, high: u32) -> Euros {
        Euros {
            low,
            high,
            approximate: false,
        }
    }

    pub const fn about(value: u32) -> Euros {
        Euros {
            low: value,
            high: value,
            approximate: true,
        }
    }

    pub const fn zero() -> Euros {
        Euros::range(0, 0)
    }

    /// `€500–720`, `~€65`, `€0` in English; `500–720 €`, `~65 €` in French.
    pub fn display(self, lang: Lang) -> String {
        let low = text::integer(f64::from(self.low), lang);
        let high = text::integer(f64::from(self.high), lang);
        let amount = if self.low == self.high {
            low
        } else {
            format!("{low}–{high}")
        };
        let tilde = if self.approximate { "~" } else { "" };
        match lang.page() {
            Lang::Fr => format!("{tilde}{amount}\u{a0}€"),
            Lang::En => format!("{tilde}€{amount}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_agree_with_the_units_definitions() {
        assert_eq!(Mebibytes::from_kibibytes(64.0), Mebibytes(0.0625));
        assert_eq!(Mebibytes(1.5).kibibytes(), 1536.0);
        assert_eq!(Mebibytes(512.0).bytes(), 536_870_912.0);
        assert_eq!(Mebibytes::from_bytes(268_435_456.0), Mebibytes(256.0));
        assert_eq!(Mebibytes::from_gibibytes(4.0), Mebibytes(4096.0));
        assert_eq!(Mebibytes(1536.0).gibibytes(), 1.5);
        assert_eq!(Mebibytes::from_tebibytes(1.0).bytes(), TEBIBYTE);
        assert_eq!(Megabytes(2500.0).gigabytes(), 2.5);
        // 1 GB (decimal) is 953.67 MiB.
        assert!((Megabytes(1000.0).to_mebibytes().0 - 953.674_316_406_25).abs() < 1e-9);
        assert_eq!(Cores(0.25).millicores(), 250.0);
        assert_eq!(Cores::from_millicores(1500.0), Cores(1.5));
        assert_eq!(seconds_to_ms(1.02), 1020.0);
        assert_eq!(ms_to_seconds(250.0), 0.25);
        assert_eq!(us_to_ms(830.0), 0.83);
        assert_eq!(us_to_seconds(1_500_000.0), 1.5);
        assert_eq!((MS_PER_MINUTE, MS_PER_HOUR), (60_000.0, 3_600_000.0));
        assert_eq!((MIB, GIBIBYTE), (1_048_576, 1_073_741_824.0));
    }
}
