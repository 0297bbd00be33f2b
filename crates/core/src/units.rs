//! Units as types, so a mebibyte never meets a megabyte by accident.
//!
//! Container memory (`mem_limit: 512m`), PostgreSQL `MB` and Redis `mb` are all
//! binary: [`Mebibytes`]. The source's load profile counts data in decimal
//! units (1 GB = 1,000 MB): [`Megabytes`]. Conversions live here and nowhere else.

use crate::text::{self, tx, Lang, Text};
use std::ops::{Add, Mul, Sub};

/// The units statement the page and the CLI print beside the load figures.
pub const STATEMENT: Text = tx(
    "Unités\u{a0}: la charge compte en unités décimales (1\u{a0}Mo = 1\u{202f}000\u{202f}000 octets, 1\u{a0}Go = 1\u{202f}000\u{a0}Mo)\u{a0}; les limites et réglages comptent en unités binaires (Mio, le «\u{a0}m\u{a0}» de Docker, les MB et kB de PostgreSQL, les mb de Redis\u{a0}: 1\u{a0}Mio = 1\u{202f}048\u{202f}576 octets). Les machines\u{a0}: Go de mémoire binaires, Go de disque décimaux, comme les vendent les fabricants.",
    "Units: the load counts in decimal units (1 MB = 1,000,000 bytes, 1 GB = 1,000 MB); limits and settings count in binary units (MiB, Docker's m, PostgreSQL's MB and kB, Redis's mb: 1 MiB = 1,048,576 bytes). Machines: memory GB are binary, disk GB decimal, as their makers sell them.",
);

const BYTES_PER_MEBIBYTE: f64 = 1_048_576.0;
const BYTES_PER_MEGABYTE: f64 = 1_000_000.0;
/// Binary steps: kibibytes in a mebibyte, mebibytes in a gibibyte.
const BINARY_STEP: f64 = 1024.0;
/// Decimal steps: megabytes in a gigabyte, millicores in a core.
const DECIMAL_STEP: f64 = 1000.0;

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
        if value.abs() < 1_000.0 {
            format!("{}\u{a0}{mb}", text::number(value, 0, lang))
        } else if value.abs() < 1_000_000.0 {
            format!("{}\u{a0}{gb}", text::number(value / 1_000.0, 1, lang))
        } else {
            format!("{}\u{a0}{tb}", text::number(value / 1_000_000.0, 1, lang))
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
