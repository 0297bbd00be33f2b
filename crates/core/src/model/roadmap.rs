//! The source's five-step roadmap (its section 7) beside the one projected
//! from the user's own growth, and how long each tier lasts at that growth.

use crate::base::month::Origin;
use crate::base::text::{self, tx, Lang, Text};
use crate::base::units::Euros;
use crate::model::growth::{self, Eta};
use crate::source::hardware::Host;
use crate::source::tier::{Tier, TIERS};

/// A step of the source's roadmap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub number: u8,
    /// The tier whose users the step covers.
    pub tier: u8,
    /// The source's timeline, months from launch; `None` above: open-ended.
    pub from_month: u32,
    pub to_month: Option<u32>,
    pub action: Text,
    pub price: Option<Euros>,
}

/// Source, section 7, "Roadmap Recommandée".
pub const ROADMAP: [Step; 5] = [
    Step {
        number: 1,
        tier: 1,
        from_month: 0,
        to_month: Some(3),
        action: tx("MVP sur le Pi 4", "MVP on the Pi 4"),
        price: None,
    },
    Step {
        number: 2,
        tier: 2,
        from_month: 3,
        to_month: Some(9),
        action: tx("Optimiser le Pi 4", "Tune the Pi 4"),
        price: None,
    },
    Step {
        number: 3,
        tier: 3,
        from_month: 9,
        to_month: Some(18),
        action: tx("Passer au SSD", "SSD upgrade"),
        price: Some(Euros::range(65, 65)),
    },
    Step {
        number: 4,
        tier: 4,
        from_month: 18,
        to_month: Some(24),
        action: tx("Mini PC", "Mini PC"),
        price: Some(Euros::range(500, 500)),
    },
    Step {
        number: 5,
        tier: 5,
        from_month: 24,
        to_month: None,
        action: tx("Cloud et Kubernetes", "Cloud + Kubernetes"),
        price: None,
    },
];

/// How long a tier lasts at the user's growth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lasts {
    /// Users have already outgrown it.
    Past,
    /// Months spent in the tier: from now for the current one, from entry to
    /// exit for a later one.
    Months(f64),
    /// No upper bound (tier 5).
    Unlimited,
    /// Not left within ten years.
    Beyond,
}

impl Lasts {
    /// `4.9 months`, `∞`, `over 10 years`, `already outgrown`.
    pub fn describe(self, lang: Lang) -> String {
        match (self, lang.page()) {
            (Lasts::Months(months), _) => text::months(months, lang),
            (Lasts::Unlimited, _) => "∞".to_owned(),
            (Lasts::Beyond, Lang::Fr) => "plus de 10 ans".to_owned(),
            (Lasts::Beyond, Lang::En) => "over 10 years".to_owned(),
            (Lasts::Past, Lang::Fr) => "déjà dépassé".to_owned(),
            (Lasts::Past, Lang::En) => "already outgrown".to_owned(),
        }
    }
}

/// How long `tier` lasts for `users` growing at `growth_percent` a month:
/// from its first user (or now, once in it) to the next tier's first user,
/// the same boundary at which the roadmap starts the next step.
pub fn lasts(tier: &Tier, users: u32, growth_percent: f64) -> Lasts {
    let Some(max) = tier.max_users else {
        return Lasts::Unlimited;
    };
    if users > max {
        return Lasts::Past;
    }
    let entry = f64::from(users.max(tier.min_users));
    match growth::months_until(entry, growth_percent, f64::from(max) + 1.0) {
        Some(months) => Lasts::Months(months),
        None => Lasts::Beyond,
    }
}

/// A roadmap step with its projected start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projected {
    pub step: &'static Step,
    pub tier: &'static Tier,
    /// When users reach the step's tier.
    pub starts: Eta,
    pub lasts: Lasts,
}

/// The roadmap for `users` growing at `growth_percent` from `start`. Each
/// step starts when users reach its tier, except the step that leaves the
/// current machine, `leave`: (step number, the machine's ceiling), which
/// starts at the first user past the ceiling: the same boundary as the
/// source's, whose tier 4 starts at 2,001 users over the Pi's 2,000.
pub fn project(
    users: u32,
    growth_percent: f64,
    start: impl Into<Origin>,
    leave: Option<(u8, u32)>,
) -> Vec<Projected> {
    let start: Origin = start.into();
    ROADMAP
        .iter()
        .zip(TIERS.iter())
        .map(|(step, tier)| {
            let at = match leave {
                Some((number, ceiling)) if number == step.number => ceiling.saturating_add(1),
                _ => tier.min_users,
            };
            Projected {
                step,
                tier,
                starts: growth::eta(users, growth_percent, f64::from(at), start),
                lasts: lasts(tier, users, growth_percent),
            }
        })
        .collect()
}

/// The roadmap step that moves a stack off `host`: the mini PC (step 4) for
/// the Pi 4, the cloud (step 5) for the mini PC.
pub fn leaving_step(host: Host) -> Option<u8> {
    match host {
        Host::Pi4 => Some(4),
        Host::MiniPc => Some(5),
        Host::Cloud | Host::Custom => None,
    }
}

const PER_SOURCE: Text = tx("selon la source", "per the source");
const AT_YOUR_GROWTH: Text = tx("au rythme de votre croissance", "at your growth");

impl Tier {
    /// How long the tier lasts: the source's duration with its reason, then
    /// at the user's growth (`lasts`, for the tier the plan is in).
    /// `6–12 months (until the RAM saturates) per the source; 7.9 months at
    /// your growth`.
    pub fn lasts_text(&self, lasts: Option<Lasts>, lang: Lang) -> String {
        let source = format!(
            "{} {}",
            self.durability.describe(lang),
            PER_SOURCE.get(lang)
        );
        match lasts {
            Some(lasts) => format!(
                "{source}{} {} {}",
                if lang.page() == Lang::Fr {
                    "\u{a0};"
                } else {
                    ";"
                },
                lasts.describe(lang),
                AT_YOUR_GROWTH.get(lang)
            ),
            None => source,
        }
    }
}
