//! [`plan`]: every output of Headroom, computed once from a [`Scenario`].

use crate::base::text::{self, tx, Lang, Text};
use crate::base::units::Mebibytes;
use crate::input::error::InputError;
use crate::input::scenario::Scenario;
use crate::model::growth;
use crate::model::latency::{self, Latency};
use crate::model::load::{self, Load};
use crate::model::resources::{self, Ceiling, Headroom, HostTiming, LatencyLimits, Resource};
use crate::model::roadmap::{self, Projected};
use crate::settings::budget::Budget;
use crate::settings::tuning::Tuning;
use crate::settings::usage::Usage;
use crate::source::decision::{self, Severity, Threshold};
use crate::source::hardware::Host;
use crate::source::runbook::{self, Advice};
use crate::source::tier::{self, Tier};

/// Months shown by the growth chart.
pub const PROJECTION_MONTHS: u32 = 36;

/// The first tier whose plan lists the mini PC to buy (source, tier 3:
/// "consolidation", the Pi 4's last tier).
pub const MINI_PC_FROM_TIER: u8 = 3;

/// The answer at a glance, from everything known, most pressing first: a
/// measurement past an urgent or critical threshold, a machine past its
/// ceiling, an override that does not fit the machine's memory, then the
/// machine's room left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// The peak hour saturates the busiest service now (a measured CPU
    /// whose average × the peak ratio reaches 100%, or the latency model on
    /// the user's figures): queues and timeouts every day at the peak.
    /// `utilisation`: ρ at the peak hour (2 = 200%).
    PeakSaturated { utilisation: f64 },
    /// The tier's limits add up to more memory than the machine has: the
    /// override cannot be applied as it is.
    OverBudget,
    /// A measurement trips an urgent or critical row of the decision table
    /// (the most severe one).
    ActNow(&'static Threshold),
    /// Below 75% of the host's ceiling, but a resource is past its
    /// warning threshold (measured, or on its curve): the row it passes.
    Watch(&'static Threshold),
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
            Verdict::OverBudget => tx(
                "Les limites du palier dépassent la mémoire de la machine",
                "The tier's limits exceed the machine's memory",
            ),
            Verdict::ActNow(_) => tx("Agir maintenant", "Act now"),
            Verdict::Watch(_) => tx(
                "La machine suffit encore, sous surveillance",
                "The machine is still enough, under watch",
            ),
            Verdict::PeakSaturated { .. } => tx(
                "L'heure de pointe sature déjà la machine",
                "The peak hour already saturates the machine",
            ),
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

    /// The name, and for a tripped row its action and measure:
    /// `Act now: Out-of-memory risk (RAM in use > 95%)`.
    pub fn describe(self, lang: Lang) -> String {
        match self {
            Verdict::PeakSaturated { utilisation } => format!(
                "{} ({} {})",
                self.name().get(lang),
                text::percent(utilisation * 100.0, 0, lang),
                tx("à la pointe", "at the peak").get(lang)
            ),
            Verdict::ActNow(row) | Verdict::Watch(row) => format!(
                "{}{}{} ({} >\u{a0}{})",
                self.name().get(lang),
                text::colon(lang),
                action_after_colon(row, lang),
                row.metric.name().get(lang),
                row.metric.format(row.threshold, lang)
            ),
            _ => self.name().get(lang).to_owned(),
        }
    }

    /// `ok`, `warn` or `alert`: how the page colours it.
    pub fn level(self) -> &'static str {
        match self {
            Verdict::Fits | Verdict::NoCeiling => "ok",
            Verdict::StartMigration | Verdict::Watch(_) => "warn",
            Verdict::OverBudget
            | Verdict::ActNow(_)
            | Verdict::OverCeiling
            | Verdict::PeakSaturated { .. } => "alert",
        }
    }

    /// The code in `--json`.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::OverBudget => "over_budget",
            Verdict::ActNow(_) => "act_now",
            Verdict::Watch(_) => "watch",
            Verdict::PeakSaturated { .. } => "peak_saturated",
            Verdict::Fits => "fits",
            Verdict::StartMigration => "start_migration",
            Verdict::OverCeiling => "over_ceiling",
            Verdict::NoCeiling => "no_ceiling",
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
    /// The tier's limits against the machine; `None` on tier 5.
    pub budget: Option<Budget>,
    /// Decision-table rows the measured metrics trigger, most severe first.
    pub triggered: Vec<&'static Threshold>,
    pub roadmap: Vec<Projected>,
    /// Users at months 0 to [`PROJECTION_MONTHS`].
    pub projection: Vec<f64>,
    /// The conclusion's point for the current users.
    pub advice: &'static Advice,
    /// The busiest service as a queue: utilisation and P95 at the peak hour,
    /// as users grow; `None` on the cloud without `svc` and `par`.
    /// What `docker stats` showed against the override's limits (`ds`).
    pub usage: Option<Usage>,
    pub latency: Option<Latency>,
}

impl Plan {
    /// Whether the requests per user follow the source's rule (no `rpu` given).
    pub fn uses_source_request_rule(&self) -> bool {
        self.scenario.requests_per_user.is_none()
    }

    /// Where the stack goes next: the next machine that holds the users
    /// (the Pi 4 past 10,000 users goes straight to the cloud); `None` on
    /// the cloud.
    pub fn destination(&self) -> Option<Host> {
        let users = self.scenario.users;
        let mut next = self.scenario.host.next();
        while let Some(host) = next {
            let full = host
                .machine()
                .and_then(|m| m.ceiling_users)
                .is_some_and(|ceiling| users >= ceiling);
            if !full {
                break;
            }
            next = host.next();
        }
        next
    }

    /// Whether the tier runs under Docker Compose, so that an override is
    /// written for it (tiers 1 to 4; [`crate::emit::compose::for_plan`]).
    pub fn has_compose(&self) -> bool {
        self.tuning.is_some()
    }

    /// The source's recommended ceiling of the machine the stack goes to
    /// next, in users; `None` when it goes to the cloud or nowhere.
    pub fn destination_ceiling(&self) -> Option<u32> {
        self.destination()?.machine()?.ceiling_users
    }

    /// Whether the plan lists the mini PC to buy: the next move is to the
    /// mini PC and the users are in tier 3 or above, where the source starts
    /// weighing it ("consider the mini PC" from 1,500 users; tier 4 is the
    /// mini PC). Not for a mini PC already run, nor on tiers 1 and 2, before
    /// the source weighs another machine.
    pub fn buys_mini_pc(&self) -> bool {
        self.tier.number >= MINI_PC_FROM_TIER && self.destination() == Some(Host::MiniPc)
    }

    /// [`Plan::position`] in %: 50 halfway through the tier's range.
    pub fn position_percent(&self) -> Option<f64> {
        self.position.map(|p| 100.0 * p)
    }

    /// The advice for this user, from the verdict and the machine they run:
    /// what the summary says, in one sentence.
    pub fn for_you(&self, lang: Lang) -> String {
        let s = &self.scenario;
        let n = |x: f64| text::integer(x, lang);
        let host = s.host.the().get(lang);
        let on_host = s.host.on().get(lang);
        let (to, destination) = self.destination().map_or_else(Default::default, |d| {
            (d.to().get(lang).to_owned(), d.the().get(lang).to_owned())
        });
        let fr = lang.page() == Lang::Fr;
        match (self.verdict, self.budget.as_ref(), self.host_timing) {
            (Verdict::OverBudget, Some(b), _) => over_budget_advice(
                self.tier.number,
                b.memory_committed,
                b.machine.memory,
                self.destination(),
                lang,
            ),
            (Verdict::ActNow(row), _, _) => {
                let measured = row
                    .metric
                    .measured(&s.metrics)
                    .map(|v| row.metric.format(v, lang))
                    .unwrap_or_default();
                if fr {
                    format!(
                        "{} dès maintenant : {} à {measured} d'après vos mesures, au-delà de {}.",
                        row.action.get(lang),
                        row.metric.name().get(lang),
                        row.metric.format(row.threshold, lang)
                    )
                } else {
                    format!(
                        "{} now: {} measured at {measured}, past {}.",
                        row.action.get(lang),
                        row.metric.name().get(lang),
                        row.metric.format(row.threshold, lang)
                    )
                }
            }
            (Verdict::PeakSaturated { utilisation }, _, _) => {
                let peak = text::percent(utilisation * 100.0, 0, lang);
                let ratio = text::number(s.peak_ratio, 2, lang);
                let cpu = s.metrics.cpu.map(|c| text::percent(c, 1, lang));
                match (fr, cpu) {
                    (true, Some(cpu)) => format!("L'heure de pointe est saturée dès maintenant : {cpu} de CPU en moyenne × {ratio} à la pointe = {peak}. Attendez-vous à des files d'attente et des délais dépassés à la pointe ; mesurez le CPU de l'heure de pointe, ou baissez le rapport de pointe si votre trafic est plus régulier."),
                    (true, None) => format!("L'heure de pointe est saturée dès maintenant : le service le plus chargé y est occupé à {peak}. Attendez-vous à des files d'attente et des délais dépassés à la pointe ; mesurez l'heure de pointe, ou baissez le rapport de pointe si votre trafic est plus régulier."),
                    (false, Some(cpu)) => format!("The peak hour is saturated now: {cpu} CPU on average × {ratio} at the peak = {peak}. Expect queues and timeouts at the peak; measure the peak hour's CPU, or lower the peak ratio if your traffic is flatter."),
                    (false, None) => format!("The peak hour is saturated now: the busiest service is {peak} busy there. Expect queues and timeouts at the peak; measure the peak hour, or lower the peak ratio if your traffic is flatter."),
                }
            }
            (Verdict::OverCeiling, _, Some(t)) => {
                let ceiling = n(f64::from(t.ceiling_users));
                if fr {
                    format!("Passez {to} maintenant : {host} a dépassé son plafond de {ceiling} utilisateurs.")
                } else {
                    format!("Move {to} now: {host} is past its ceiling of {ceiling} users.")
                }
            }
            (Verdict::StartMigration, _, Some(t)) => {
                let ceiling = n(f64::from(t.ceiling_users));
                let when = t.ceiling.within(lang);
                if fr {
                    format!("Lancez maintenant la phase 1 du passage {to} : il doit être fait avant {ceiling} utilisateurs, {when}.")
                } else {
                    format!("Start phase 1 of the move {to} now: it must be done before {ceiling} users, {when}.")
                }
            }
            (Verdict::Fits, _, Some(t)) => {
                let start = n(t.migration_start_users);
                let when = t.migration_start.within(lang);
                if fr {
                    format!("Restez {on_host} : la migration vers {destination} commence à {start} utilisateurs, {when}.")
                } else {
                    format!("Stay {on_host}: the move {to} starts at {start} users, {when}.")
                }
            }
            (Verdict::Watch(row), _, timing) => {
                let action = action_after_colon(row, lang);
                let past = format!(
                    "{} >\u{a0}{}",
                    row.metric.name().get(lang),
                    row.metric.format(row.threshold, lang)
                );
                let start =
                    timing.map(|t| (n(t.migration_start_users), t.migration_start.within(lang)));
                match (fr, start) {
                    (true, Some((start, when))) => format!("Restez {on_host}, mais {past} : {action}. La migration vers {destination} commence à {start} utilisateurs, {when}."),
                    (false, Some((start, when))) => format!("Stay {on_host}, but {past}: {action}. The move {to} starts at {start} users, {when}."),
                    (true, None) => format!("Restez {on_host}, mais {past} : {action}."),
                    (false, None) => format!("Stay {on_host}, but {past}: {action}."),
                }
            }
            _ => {
                // The last tier is the one that scales out.
                let last = tier::TIERS.last().map_or(0, |t| t.number);
                if fr {
                    format!("Restez dans le cloud et ajoutez des instances comme le décrit le palier {last}.")
                } else {
                    format!("Stay in the cloud and scale out as tier {last} describes.")
                }
            }
        }
    }
}

impl Plan {
    /// What the plan rests on when the user measured something: the
    /// measurements in use, and whether they set the machine's ceiling.
    /// `None` when it rests on the source and the typed inputs alone.
    pub fn rests_on(&self, lang: Lang) -> Option<String> {
        let s = &self.scenario;
        let m = &s.metrics;
        let fr = lang.page() == Lang::Fr;
        let mut from: Vec<String> = Vec::new();
        let typed = |keys: &[(&str, bool)]| {
            keys.iter()
                .filter(|(_, on)| *on)
                .map(|(k, _)| *k)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !s.measured.containers.is_empty() {
            from.push("docker stats (cpu, ram)".to_owned());
        }
        let yours = typed(&[
            ("cpu", m.cpu.is_some() && s.measured.containers.is_empty()),
            ("ram", m.ram.is_some() && s.measured.containers.is_empty()),
            ("disk", m.disk.is_some()),
            ("p95", m.p95_ms.is_some()),
            ("err", m.errors.is_some()),
            (
                "svc",
                s.service.time_ms.is_some() && s.measured.load_test.is_none(),
            ),
            ("par", s.service.servers.is_some()),
        ]);
        if !yours.is_empty() {
            from.push(if fr {
                format!("vos valeurs ({yours})")
            } else {
                format!("your figures ({yours})")
            });
        }
        if let Some(test) = s.measured.load_test {
            let tool = test.generator.label();
            from.push(if fr {
                format!("votre test de charge {tool} (svc, cs2)")
            } else {
                format!("your {tool} load test (svc, cs2)")
            });
        }
        if let Some(usl) = s.measured.usl {
            let levels = usl.levels;
            from.push(if fr {
                format!("la loi d'extensibilité ajustée sur {levels} niveaux")
            } else {
                format!("the scalability law fitted to {levels} levels")
            });
        }
        if from.is_empty() {
            return None;
        }
        let list = from.join(", ");
        let ceiling = self.ceiling.filter(|c| !c.source_cap).and_then(|c| {
            let users = text::integer(f64::from(c.users), lang);
            let by = match (c.latency, c.binding) {
                (true, _) => Some(
                    tx(
                        "la latence à l'heure de pointe",
                        "the latency at the peak hour",
                    )
                    .get(lang)
                    .to_owned(),
                ),
                (false, Some(r)) => self
                    .resources
                    .iter()
                    .find(|h| h.resource == r && h.basis == resources::Basis::Measured)
                    .map(|_| text::lower_first(r.name().get(lang))),
                (false, None) => None,
            }?;
            Some(if fr {
                format!(" Le plafond de la machine, {users} utilisateurs, en découle ({by}).")
            } else {
                format!(" The machine's ceiling, {users} users, follows from them ({by}).")
            })
        });
        Some(if fr {
            format!(
                "Ce plan repose sur vos mesures : {list}.{}",
                ceiling.unwrap_or_default()
            )
        } else {
            format!(
                "This plan rests on your measurements: {list}.{}",
                ceiling.unwrap_or_default()
            )
        })
    }
}

/// Tier `tier`'s limits need `needed` of the machine's `machine`: the advice
/// the summary and the agenda give.
pub fn over_budget_advice(
    tier: u8,
    needed: Mebibytes,
    machine: Mebibytes,
    destination: Option<Host>,
    lang: Lang,
) -> String {
    let (needed, machine) = (needed.display(lang), machine.display(lang));
    let fr = lang.page() == Lang::Fr;
    match (destination.map(|d| d.to().get(lang)), fr) {
        (Some(to), true) => format!("Les limites du palier {tier} demandent {needed} sur les {machine} de la machine : passez {to} ou réduisez-les avant d'appliquer l'override."),
        (Some(to), false) => format!("Tier {tier}'s limits need {needed} of the machine's {machine}: move {to} or lower them before applying the override."),
        (None, true) => format!("Les limites du palier {tier} demandent {needed} sur les {machine} de la machine : réduisez-les avant d'appliquer l'override."),
        (None, false) => format!("Tier {tier}'s limits need {needed} of the machine's {machine}: lower them before applying the override."),
    }
}

/// A decision-table row's action after a colon: French writes it in lower
/// case there (`: purger les journaux`), English keeps the label's capital.
fn action_after_colon(row: &Threshold, lang: Lang) -> String {
    match lang.page() {
        Lang::Fr => text::lower_first(row.action.get(lang)),
        Lang::En => row.action.get(lang).to_owned(),
    }
}

/// Computes the plan. Never panics: out-of-range fields fall back to their
/// defaults and are listed in [`Plan::notices`].
pub fn plan(scenario: &Scenario) -> Plan {
    let (mut scenario, mut notices) = scenario.sanitized();
    notices.extend(scenario.refuse_unfit_connections());
    let s = &scenario;
    let tier = tier::tier_for(s.users);
    let requests_per_user = s
        .requests_per_user
        .unwrap_or_else(|| load::source_requests_per_user(s.users));
    let load = Load::new(s.users, requests_per_user, s.peak_ratio, s.mb_per_user);
    // Service-time spread: exponential until a measurement gives it (cs2).
    let latency = latency::of(
        s,
        requests_per_user,
        PROJECTION_MONTHS,
        latency::spread_of(s),
    );
    let tuning = Tuning::for_tier(tier, s.pg_connections);
    let site = resources::Site::of(s);
    let resources = resources::headroom(site, s.users, s.growth_percent, s.origin());
    let limits = latency
        .as_ref()
        .filter(|l| l.binds())
        .map_or_else(LatencyLimits::default, |l| LatencyLimits {
            saturation_users: l.first_saturation_users(),
            slow_users: l.last_crossing().map(|c| c.users),
        });
    let ceiling = resources::ceiling(site, &resources, limits);
    let budget = Budget::check(tier, s.host, s.machine());
    let triggered = decision::triggered(&s.metrics);
    let over_budget =
        s.machine().is_some() && budget.as_ref().is_some_and(|b| b.memory_left.0 < 0.0);
    let urgent = triggered
        .iter()
        .find(|row| row.severity >= Severity::Urgent);
    // The peak hour's utilisation now: the measured CPU's average × the
    // peak ratio, or the latency model's on the user's figures.
    let cpu_peak = s.metrics.cpu.map(|cpu| cpu / 100.0 * s.peak_ratio);
    let model_peak = latency
        .as_ref()
        .filter(|l| l.binds())
        .map(|l| l.utilisation_at_peak);
    let peak_utilisation = cpu_peak.into_iter().chain(model_peak).fold(0.0, f64::max);
    // A resource past its warning: a tripped row, else a curve's warning
    // already behind today's users.
    let watch = triggered.first().copied().or_else(|| {
        resources
            .iter()
            // The source's CPU curve counts Pi 4 cores: no verdict on it.
            .filter(|r| r.basis == resources::Basis::Measured || r.resource == Resource::Disk)
            .find(|r| r.warning_users.is_some_and(|w| w <= f64::from(s.users)))
            .and_then(|r| r.resource.warning_row())
    });
    let verdict = match (ceiling, urgent) {
        (_, Some(row)) if row.severity == Severity::Critical => Verdict::ActNow(row),
        // Said first: every day at the peak, queues and timeouts.
        _ if peak_utilisation >= 1.0 => Verdict::PeakSaturated {
            utilisation: peak_utilisation,
        },
        (_, Some(row)) => Verdict::ActNow(row),
        // At the ceiling the migration is already due, as its date says.
        (Some(ceiling), None) if s.users >= ceiling.users => Verdict::OverCeiling,
        _ if over_budget => Verdict::OverBudget,
        (None, None) => Verdict::NoCeiling,
        (Some(ceiling), None)
            if f64::from(s.users) >= resources::migration_start_users(ceiling) =>
        {
            Verdict::StartMigration
        }
        (Some(_), None) => watch.map_or(Verdict::Fits, Verdict::Watch),
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
        host_timing: ceiling.map(|c| HostTiming::new(c, s.users, s.growth_percent, s.origin())),
        resources,
        ceiling,
        usage: Usage::of(&s.measured, tier, budget.as_ref(), tuning.as_ref()),
        tuning,
        budget,
        triggered,
        roadmap: roadmap::project(
            s.users,
            s.growth_percent,
            s.origin(),
            roadmap::leaving_step(s.host).zip(ceiling.map(|c| c.users)),
        ),
        projection: growth::projection(s.users, s.growth_percent, PROJECTION_MONTHS),
        advice: runbook::advice_for(s.users),
        latency,
        notices,
        scenario,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{query, Defaults, YearMonth};

    fn plan_for(q: &str, lang: Lang) -> Plan {
        let defaults = Defaults {
            today: YearMonth::new(2026, 11).unwrap(),
            lang,
            day: 1,
        };
        plan(&query::decode(q, defaults).scenario)
    }

    #[test]
    fn the_over_budget_advice_names_its_figures() {
        let text = over_budget_advice(
            7,
            Mebibytes(5000.0),
            Mebibytes(4096.0),
            Some(Host::MiniPc),
            Lang::En,
        );
        assert!(
            text.starts_with("Tier 7's limits need 5,000\u{a0}MiB of the machine's 4,096\u{a0}MiB"),
            "{text}"
        );
        let p = plan_for("users=300&host=custom&hmem=2.7&lang=en", Lang::En);
        assert_eq!(p.verdict, Verdict::OverBudget);
        assert!(p.for_you(Lang::En).starts_with("Tier 2's limits need"));
    }
}
