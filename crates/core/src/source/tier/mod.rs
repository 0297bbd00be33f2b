//! The five infrastructure tiers of the source analysis (its section 1), all of
//! their data, and which tier a number of users falls in.

mod allocation;
mod service;
mod table;

pub use allocation::{Allocation, Resource};
pub use service::{Limits, Service};
pub use table::TIERS;

use crate::base::text::{tx, Lang, Text};
use crate::base::units::Euros;
use crate::source::hardware::Host;

/// The words of a tier's label and of its duration, said once for the page
/// and the CLI.
const WORD: Text = tx("Palier", "Tier");
const USERS: Text = tx("utilisateurs", "users");

/// A hardware purchase a tier calls for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Upgrade {
    pub item: Text,
    pub price: Option<Euros>,
}

/// How long the tier lasts, as the source estimates it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Durability {
    Unlimited(Text),
    Months {
        low: u32,
        high: u32,
        until: Option<Text>,
    },
}

impl Durability {
    /// `6–12 months (until the RAM saturates)`, `∞ (no limit in sight)`.
    pub fn describe(self, lang: Lang) -> String {
        let months = match lang.page() {
            Lang::Fr => "mois",
            Lang::En => "months",
        };
        match self {
            Durability::Unlimited(why) => format!("∞ ({})", why.get(lang)),
            Durability::Months {
                low,
                high,
                until: Some(until),
            } => {
                format!("{low}–{high} {months} ({})", until.get(lang))
            }
            Durability::Months {
                low,
                high,
                until: None,
            } => format!("{low}–{high} {months}"),
        }
    }
}

/// An infrastructure tier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tier {
    pub number: u8,
    pub name: Text,
    /// Users, both bounds inclusive; `None` above: no upper bound.
    pub min_users: u32,
    pub max_users: Option<u32>,
    pub profile: &'static [Text],
    pub recommendation: Option<Text>,
    /// What the tier uses on the Pi (tiers 1-3).
    pub allocation: &'static [Allocation],
    /// Compose limits (tiers 1-4).
    pub limits: &'static [Limits],
    pub optimizations: &'static [Text],
    pub upgrades: &'static [Upgrade],
    pub monthly_cost: Euros,
    pub monthly_cost_covers: Text,
    pub durability: Durability,
    pub warning: Option<Text>,
}

/// Tier 4's words for a Pi owner alone: said to a mini PC's or a cloud's,
/// they would tell them to buy what they have.
pub(crate) const PI_NOT_ENOUGH: Text = tx("Le Pi 4 ne suffit plus", "The Pi 4 is NOT enough");
pub(crate) const TO_MINI_PC: Text = tx(
    "Passer sur un mini PC sous Linux",
    "Move to a Linux mini PC",
);

impl Tier {
    /// The profile's bullets that fit the user's machine: the Pi's own
    /// only for a Pi.
    pub fn profile_for(&self, host: Host) -> impl Iterator<Item = &'static Text> {
        self.profile
            .iter()
            .filter(move |bullet| host == Host::Pi4 || **bullet != PI_NOT_ENOUGH)
    }

    /// The recommendation, unless it is to buy the machine the user has
    /// (or has outgrown: the cloud).
    pub fn recommendation_for(&self, host: Host) -> Option<Text> {
        self.recommendation
            .filter(|r| host == Host::Pi4 || *r != TO_MINI_PC)
    }

    /// `Tier 3 · Consolidation`: the page and the CLI name a tier this way.
    pub fn label(&self, lang: Lang) -> String {
        format!(
            "{} {} · {}",
            WORD.get(lang),
            self.number,
            self.name.get(lang)
        )
    }

    /// `Tier 3 · Consolidation (501–2,000 users)`.
    pub fn label_with_users(&self, lang: Lang) -> String {
        format!(
            "{} ({} {})",
            self.label(lang),
            self.users_range(lang),
            USERS.get(lang)
        )
    }

    /// The users range, as `501–2,000`.
    pub fn users_range(&self, lang: crate::base::text::Lang) -> String {
        let low = crate::base::text::integer(f64::from(self.min_users), lang);
        match self.max_users {
            Some(high) => format!(
                "{low}–{}",
                crate::base::text::integer(f64::from(high), lang)
            ),
            None => format!("{low}+"),
        }
    }

    pub fn next(&self) -> Option<&'static Tier> {
        TIERS.get(usize::from(self.number))
    }

    /// The allocation row for a resource (tiers 1-3).
    pub fn allocation_of(&self, resource: Resource) -> Option<&'static Allocation> {
        let rows: &'static [Allocation] = self.allocation;
        rows.iter().find(|row| row.resource == resource)
    }

    pub fn limit(&self, service: Service) -> Option<&'static Limits> {
        let limits: &'static [Limits] = self.limits;
        limits.iter().find(|l| l.service == service)
    }
}

/// The tier for a number of users: upper bounds inclusive (100, 500, 2,000, 10,000).
pub fn tier_for(users: u32) -> &'static Tier {
    TIERS
        .iter()
        .find(|tier| tier.max_users.is_none_or(|max| users <= max))
        .unwrap_or(&TIERS[4])
}

pub fn tier(number: u8) -> Option<&'static Tier> {
    TIERS.get(usize::from(number).checked_sub(1)?)
}
