//! [`plan`]: every output of Headroom, computed once from a [`Scenario`].

use crate::budget::Budget;
use crate::compose;
use crate::decision::{self, Threshold};
use crate::load::{self, Load};
use crate::resources::{self, Ceiling, Headroom};
use crate::roadmap::{self, Projected};
use crate::runbook::{self, Advice};
use crate::scenario::{InputError, Scenario};
use crate::text::{tx, Text};
use crate::tier::{self, Tier};
use crate::timing::{self, HostTiming};
use crate::tuning::Tuning;

/// Months shown by the growth chart.
pub const PROJECTION_MONTHS: u32 = 36;

/// What the current host can still do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Below 75% of the host's ceiling.
    Fits,
    /// Between 75% of the ceiling and the ceiling: start phase 1 now.
    StartMigration,
    /// Above the ceiling: the migration is overdue.
    OverCeiling,
    /// The cloud has no ceiling.
    NoCeiling,
}

impl Verdict {
    pub fn name(self) -> Text {
        match self {
            Verdict::Fits => tx(
                "La machine actuelle suffit",
                "The current machine is enough",
            ),
            Verdict::StartMigration => tx(
                "Commencer la migration (phase 1) dès maintenant",
                "Start the migration (phase 1) now",
            ),
            Verdict::OverCeiling => tx(
                "Au-delà du plafond de la machine : migrer sans attendre",
                "Past the machine's ceiling: migrate now",
            ),
            Verdict::NoCeiling => tx("Pas de plafond dans le cloud", "No ceiling in the cloud"),
        }
    }
}

/// The whole plan for a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The scenario the plan was computed from, out-of-range values replaced.
    pub scenario: Scenario,
    /// The values that were out of range and replaced by their defaults.
    pub notices: Vec<InputError>,
    pub tier: &'static Tier,
    /// Users over the tier's upper bound (0.5 = halfway); `None` on tier 5.
    pub position: Option<f64>,
    pub verdict: Verdict,
    pub load: Load,
    /// When to start migrating and when the host runs out; `None` on the cloud.
    pub host_timing: Option<HostTiming>,
    /// Each resource of the host: use now, and when it crosses the decision
    /// table's thresholds and is full; empty on the cloud.
    pub resources: Vec<Headroom>,
    /// The host's ceiling and the resource that sets it; `None` on the cloud.
    pub ceiling: Option<Ceiling>,
    /// Server settings for the tier; `None` on tier 5.
    pub tuning: Option<Tuning>,
    /// The `docker-compose.override.yml` text; `None` on tier 5.
    pub compose_override: Option<String>,
    /// The tier's limits against the machine; `None` on tier 5.
    pub budget: Option<Budget>,
    /// Decision-table rows the measured metrics trigger, most severe first.
    pub triggered: Vec<&'static Threshold>,
    pub roadmap: Vec<Projected>,
    /// Users at months 0 to [`PROJECTION_MONTHS`].
    pub projection: Vec<f64>,
    /// The conclusion's point for the current users.
    pub advice: &'static Advice,
}

impl Plan {
    /// Whether the requests per user follow the source's rule (no `rpu` given).
    pub fn uses_source_request_rule(&self) -> bool {
        self.scenario.requests_per_user.is_none()
    }
}

/// Computes the plan. Never panics: out-of-range fields fall back to their
/// defaults and are listed in [`Plan::notices`].
pub fn plan(scenario: &Scenario) -> Plan {
    let (scenario, notices) = scenario.sanitized();
    let s = &scenario;
    let tier = tier::tier_for(s.users);
    let requests_per_user = s
        .requests_per_user
        .unwrap_or_else(|| load::source_requests_per_user(s.users));
    let load = Load::new(s.users, requests_per_user, s.peak_ratio, s.mb_per_user);
    let tuning = Tuning::for_tier(tier, s.pg_connections);
    let compose_override = tuning
        .as_ref()
        .map(|tuning| compose::override_yaml(tier, tuning, s.users, s.lang, &compose::Defaults));
    let site = resources::Site::of(s);
    let resources = resources::headroom(site, s.users, s.growth_percent, s.start);
    let ceiling = resources::ceiling(site, &resources);
    let verdict = match ceiling {
        None => Verdict::NoCeiling,
        // At the ceiling the migration is already due, as its date says.
        Some(ceiling) if s.users >= ceiling.users => Verdict::OverCeiling,
        Some(ceiling) if f64::from(s.users) >= resources::migration_start_users(ceiling) => {
            Verdict::StartMigration
        }
        Some(_) => Verdict::Fits,
    };
    Plan {
        tier,
        // Where the users stand within the tier's range: 300 users in
        // 101-500 is halfway, not 60%.
        position: tier.max_users.map(|max| {
            let (low, high) = (f64::from(tier.min_users), f64::from(max));
            ((f64::from(s.users) - low) / (high - low)).clamp(0.0, 1.0)
        }),
        verdict,
        load,
        host_timing: ceiling.map(|c| HostTiming::new(c, s.users, s.growth_percent, s.start)),
        resources,
        ceiling,
        tuning,
        compose_override,
        budget: Budget::check(tier, s.host, s.machine()),
        triggered: decision::triggered(&s.metrics),
        roadmap: roadmap::project(
            s.users,
            s.growth_percent,
            s.start,
            roadmap::leaving_step(s.host).zip(ceiling.map(|c| c.users)),
        ),
        projection: timing::projection(s.users, s.growth_percent, PROJECTION_MONTHS),
        advice: runbook::advice_for(s.users),
        notices,
        scenario,
    }
}
