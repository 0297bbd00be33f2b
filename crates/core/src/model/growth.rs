//! When a number of users is reached under compound monthly growth:
//! `users(t) = users × (1 + growth/100)^t`, `t` in months from `start`.

use crate::base::month::{Origin, YearMonth};
use crate::base::text::{self, Lang};

/// Projections stop at ten years.
pub const HORIZON_MONTHS: f64 = 120.0;

/// When a threshold is reached.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Eta {
    /// Already reached: users are at or above the threshold.
    Overdue,
    /// Reached after `months` (fractional), during calendar month `month`.
    In { months: f64, month: YearMonth },
    /// Not within ten years: no growth, no users, or too far out.
    Beyond,
}

impl Eta {
    /// Months until the threshold: 0 when overdue, `None` beyond the horizon.
    pub fn months(self) -> Option<f64> {
        match self {
            Eta::Overdue => Some(0.0),
            Eta::In { months, .. } => Some(months),
            Eta::Beyond => None,
        }
    }

    /// `July 2027 (in 7.9 months)`, `now (overdue)`, `not within 10 years`.
    pub fn describe(self, lang: Lang) -> String {
        match self {
            Eta::In { month, .. } => format!("{} ({})", month.label(lang), self.within(lang)),
            _ => self.within(lang),
        }
    }

    /// The same without the calendar month: `in 7.9 months`, for a page
    /// written before it is read.
    pub fn within(self, lang: Lang) -> String {
        match (self, lang.page()) {
            (Eta::Overdue, Lang::Fr) => "maintenant (en retard)".to_owned(),
            (Eta::Overdue, Lang::En) => "now (overdue)".to_owned(),
            (Eta::In { months, .. }, Lang::Fr) => format!("dans {}", text::months(months, lang)),
            (Eta::In { months, .. }, Lang::En) => format!("in {}", text::months(months, lang)),
            (Eta::Beyond, Lang::Fr) => "pas dans les 10 ans".to_owned(),
            (Eta::Beyond, Lang::En) => "not within 10 years".to_owned(),
        }
    }
}

/// Months until `users` growing at `growth_percent` a month reach `threshold`:
/// `ln(threshold / users) / ln(1 + growth/100)`.
pub fn months_until(users: f64, growth_percent: f64, threshold: f64) -> Option<f64> {
    if users >= threshold {
        return Some(0.0);
    }
    let rate = 1.0 + growth_percent / 100.0;
    let growing = growth_percent.is_finite() && growth_percent > 0.0;
    if users <= 0.0 || !growing || !rate.is_finite() {
        return None;
    }
    let months = (threshold / users).ln() / rate.ln();
    (months.is_finite() && months <= HORIZON_MONTHS).then_some(months)
}

pub fn eta(users: u32, growth_percent: f64, threshold: f64, origin: impl Into<Origin>) -> Eta {
    let origin = origin.into();
    let users = f64::from(users);
    if users >= threshold {
        return Eta::Overdue;
    }
    match months_until(users, growth_percent, threshold) {
        // Counted from today: a projection started earlier has used up the
        // months since its start.
        Some(months) => {
            let elapsed = origin.elapsed_months();
            let from_today = months - elapsed;
            if from_today <= 0.0 {
                return Eta::Overdue;
            }
            Eta::In {
                months: from_today,
                month: origin.start.plus_months(months.floor().max(0.0) as u32),
            }
        }
        None => Eta::Beyond,
    }
}

/// Users after `months` months.
pub fn users_after(users: u32, growth_percent: f64, months: f64) -> f64 {
    // exp(t·ln(1+g)) rather than powf: the same figure, and the site's
    // WebAssembly already carries ln and exp but not pow.
    let projected = f64::from(users) * (months * (1.0 + growth_percent / 100.0).ln()).exp();
    if projected.is_finite() {
        projected
    } else {
        f64::MAX
    }
}

/// Users at the start of each month, from month 0 to `months` included.
pub fn projection(users: u32, growth_percent: f64, months: u32) -> Vec<f64> {
    (0..=months)
        .map(|t| users_after(users, growth_percent, f64::from(t)))
        .collect()
}
