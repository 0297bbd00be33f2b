//! Calendar months: the start of a projection and the dates it gives.

use crate::base::text::Lang;
use std::fmt;

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonth {
    /// A month of the years 1000 to 9999; `month` counts from 1.
    /// The last month a projection may start: its ten years stay within 9999.
    pub const LAST_START: YearMonth = YearMonth {
        year: 9989,
        month: 12,
    };

    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// Parses exactly `YYYY-MM`.
    pub fn parse(value: &str) -> Option<YearMonth> {
        let (year, month) = value.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        if !year
            .bytes()
            .chain(month.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The day of the month (1 to 31) of a Unix time, UTC.
    pub fn day_from_unix_seconds(seconds: i64) -> u8 {
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let doe = z - z.div_euclid(146_097) * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        (doy - (153 * mp + 2) / 5 + 1) as u8
    }

    /// Days in this month.
    pub fn days(self) -> u8 {
        match self.month {
            2 if (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The month containing a Unix time (seconds since 1970-01-01 UTC).
    pub fn from_unix_seconds(seconds: i64) -> YearMonth {
        // Days to civil date, after Howard Hinnant's `civil_from_days`.
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = year.clamp(1000, 9999) as i32;
        YearMonth {
            year,
            month: month as u8,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// Months from `earlier` to this month: negative if `earlier` is later.
    pub fn months_since(self, earlier: YearMonth) -> i32 {
        (self.year - earlier.year) * 12 + i32::from(self.month) - i32::from(earlier.month)
    }

    /// The month `count` months later, at most 9999-12 (always `YYYY-MM`).
    pub fn plus_months(self, count: u32) -> YearMonth {
        let index = (i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(count))
            .min(9999 * 12 + 11);
        YearMonth {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// `novembre 2026` / `November 2026`.
    pub fn label(self, lang: Lang) -> String {
        let names = match lang.page() {
            Lang::Fr => &MONTHS_FR,
            Lang::En => &MONTHS_EN,
        };
        format!("{} {}", names[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Where "in N months" counts from: the projection starts at the first
/// day of `start`, and the reader is `day` into `today`'s month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub start: YearMonth,
    pub today: YearMonth,
    /// 1 to 31.
    pub day: u8,
}

impl Origin {
    /// Months from the start of the projection to today (negative when it
    /// starts later).
    pub fn elapsed_months(self) -> f64 {
        let days = f64::from(self.today.days());
        let into = (f64::from(self.day.clamp(1, self.today.days())) - 1.0) / days;
        f64::from(self.today.months_since(self.start)) + into
    }
}

impl From<YearMonth> for Origin {
    /// A projection read on the first day of its own month.
    fn from(start: YearMonth) -> Origin {
        Origin {
            start,
            today: start,
            day: 1,
        }
    }
}
