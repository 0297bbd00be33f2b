//! Now / Next / Later: the plan as dated actions for this user, from the
//! verdict, the measured metrics, the roadmap and its purchases, and the
//! machine's ceiling. The page shows it first, and so does the CLI.

use crate::base::text::{self, Lang, Text};
use crate::base::units::seconds_to_ms;
use crate::base::units::{Euros, Mebibytes};
use crate::model::growth::{eta, Eta};
use crate::model::latency::Basis as LatencyBasis;
use crate::model::roadmap;
use crate::plan::{self, Plan, Verdict};
use crate::settings::budget::Budget;
use crate::source::decision::Threshold;
use crate::source::hardware::Host;
use crate::source::runbook::MIGRATION;
use crate::source::tier::{Tier, TIERS};

/// One thing to do, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// When: now, or at a number of users, reached at `eta`.
    pub at: Option<(f64, Eta)>,
    pub text: String,
}

/// The actions of a plan, in three groups, in words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agenda {
    pub now: Vec<Action>,
    /// The next dated step.
    pub next: Vec<Action>,
    /// Every dated step after it, within ten years.
    pub later: Vec<Action>,
}

/// What an action asks, with its figures as data; [`Task::describe`] alone
/// words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Task {
    /// A decision-table row the measurements trip.
    Triggered {
        row: &'static Threshold,
        measured: Option<f64>,
    },
    /// Past the ceiling: the whole migration runbook, now.
    Migrate { to: Option<Host> },
    /// Near the ceiling: get the next machine and start phase 1 now.
    StartMigration { to: Option<Host> },
    /// The tier's limits need more memory than the machine has.
    OverBudget {
        tier: u8,
        needed: Mebibytes,
        machine: Mebibytes,
        to: Option<Host>,
    },
    /// The last tier, which has no override: its distributed architecture.
    Distributed { tier: u8 },
    /// Apply the tier's override and settings; `on_pi`: first the memory
    /// cgroup, without which Docker ignores every `mem_limit`.
    ApplyOverride { tier: u8, on_pi: bool },
    /// The tier's override does not fit this machine: apply it once on the
    /// next one, keeping the current limits until then.
    ApplyAfterMove {
        tier: u8,
        needed: Mebibytes,
        machine: Mebibytes,
        to: Option<Host>,
    },
    /// The limits leave MinIO and the front end less than their floor each.
    MakeRoom {
        left: Mebibytes,
        floor: Mebibytes,
        next: Option<Host>,
    },
    /// A tier ahead: apply its override (or, the last, its architecture),
    /// with the roadmap's purchase for this machine if any.
    TierAhead {
        tier: &'static Tier,
        distributed: bool,
        purchase: Option<(Text, Euros)>,
        /// Its limits do not fit the machine still in use then: the memory
        /// they need, the machine's, and where they will fit.
        needs_move: Option<(Mebibytes, Mebibytes, Option<Host>)>,
    },
    /// Order the next machine (at its price, if the roadmap gives one) and
    /// start phase 1.
    OrderMachine { to: Host, price: Option<Euros> },
    /// The peak hour saturates the busiest service now (ρ = `utilisation`).
    PeakSaturated {
        utilisation: f64,
        cpu: Option<f64>,
        peak_ratio: f64,
    },
    /// The P95 at the peak hour, as the model predicts it from the user's
    /// figures, passes a row of the decision table: now (`p95_s` is today's)
    /// or at the step's users.
    SlowPeak {
        row: &'static Threshold,
        p95_s: Option<f64>,
        basis: LatencyBasis,
    },
    /// The peak hour saturates the busiest service of `servers`.
    PeakSaturates { servers: u32 },
    /// The host is full: the migration must be done.
    MigrationDone {
        to: Option<Host>,
        from: Host,
        ceiling_users: u32,
    },
}

impl Task {
    /// The task's kind, for programs (`--json`): `apply_override`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Task::Triggered { .. } => "triggered",
            Task::Migrate { .. } => "migrate",
            Task::StartMigration { .. } => "start_migration",
            Task::OverBudget { .. } => "over_budget",
            Task::Distributed { .. } => "distributed",
            Task::ApplyOverride { .. } => "apply_override",
            Task::ApplyAfterMove { .. } => "apply_after_move",
            Task::MakeRoom { .. } => "make_room",
            Task::TierAhead { .. } => "tier_ahead",
            Task::OrderMachine { .. } => "order_machine",
            Task::PeakSaturated { .. } => "peak_saturated",
            Task::SlowPeak { .. } => "slow_peak",
            Task::PeakSaturates { .. } => "peak_saturates",
            Task::MigrationDone { .. } => "migration_done",
        }
    }
}

/// One typed action and when.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// When: now, or at a number of users, reached at `eta`.
    pub at: Option<(f64, Eta)>,
    pub task: Task,
}

impl Step {
    pub fn describe(&self, lang: Lang) -> Action {
        Action {
            at: self.at,
            text: self.task.describe(lang),
        }
    }
}

/// The typed actions of a plan, in the agenda's three groups: computed with
/// no sentence, worded by [`Steps::describe`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Steps {
    pub now: Vec<Step>,
    pub next: Vec<Step>,
    pub later: Vec<Step>,
}

impl Agenda {
    /// The plan's actions, worded in `lang`: [`Steps::of`], then
    /// [`Steps::describe`].
    pub fn of(plan: &Plan, lang: Lang) -> Agenda {
        Steps::of(plan).describe(lang)
    }
}

impl Steps {
    pub fn describe(&self, lang: Lang) -> Agenda {
        let words = |steps: &[Step]| steps.iter().map(|s| s.describe(lang)).collect();
        Agenda {
            now: words(&self.now),
            next: words(&self.next),
            later: words(&self.later),
        }
    }

    pub fn of(plan: &Plan) -> Steps {
        let s = &plan.scenario;
        let destination = plan.destination();
        let mut now: Vec<Task> = plan
            .triggered
            .iter()
            .map(|row| Task::Triggered {
                row,
                measured: row.metric.measured(&s.metrics),
            })
            .collect();
        let latency = plan.latency.as_ref().filter(|l| l.binds());
        if let Verdict::PeakSaturated { utilisation } = plan.verdict {
            now.push(Task::PeakSaturated {
                utilisation,
                cpu: s.metrics.cpu,
                peak_ratio: s.peak_ratio,
            });
            // And where the machine stands, as the verdict would say it.
            if let Some(ceiling) = plan.ceiling {
                let users = f64::from(s.users);
                if s.users >= ceiling.users {
                    now.push(Task::Migrate { to: destination });
                } else if users >= crate::model::resources::migration_start_users(ceiling) {
                    now.push(Task::StartMigration { to: destination });
                }
            }
        }
        // The P95 rows the model says are passed at today's peak, when not
        // saturated (said above) and not measured past them already.
        if let Some(l) = latency.filter(|l| !l.saturated_now()) {
            for crossing in l.crossings.iter().rev() {
                let measured = plan.triggered.contains(&crossing.row);
                if crossing.eta == Eta::Overdue && !measured {
                    now.push(Task::SlowPeak {
                        row: crossing.row,
                        p95_s: l.p95_at_peak_s,
                        basis: l.basis,
                    });
                }
            }
        }
        match (plan.verdict, plan.budget.as_ref()) {
            (Verdict::OverCeiling, _) => now.push(Task::Migrate { to: destination }),
            (Verdict::StartMigration, _) => now.push(Task::StartMigration { to: destination }),
            (Verdict::OverBudget, Some(b)) => now.push(Task::OverBudget {
                tier: plan.tier.number,
                needed: b.memory_committed,
                machine: b.machine.memory,
                to: destination,
            }),
            _ => {}
        }
        if !plan.has_compose() && plan.tier.next().is_none() {
            now.push(Task::Distributed {
                tier: plan.tier.number,
            });
        }
        // The override is applied where it fits: on this machine, or once
        // on the next one when a move is due anyway.
        let overflows =
            s.machine().is_some() && plan.budget.as_ref().is_some_and(|b| b.memory_overflows());
        let moving = matches!(plan.verdict, Verdict::OverCeiling | Verdict::StartMigration);
        match (plan.has_compose(), overflows, plan.budget.as_ref()) {
            (true, false, _) => now.push(Task::ApplyOverride {
                tier: plan.tier.number,
                on_pi: s.host == Host::Pi4,
            }),
            (true, true, Some(b)) if moving => now.push(Task::ApplyAfterMove {
                tier: plan.tier.number,
                needed: b.memory_committed,
                machine: b.machine.memory,
                to: destination,
            }),
            // Over budget without a move: the verdict's own action says it.
            _ => {}
        }
        if let Some(b) = plan
            .budget
            .as_ref()
            .filter(|b| !b.rest.room && !b.memory_overflows() && plan.has_compose())
        {
            now.push(Task::MakeRoom {
                left: Mebibytes(b.memory_left.0.max(0.0)),
                floor: b.rest.memory,
                next: plan.scenario.host.next(),
            });
        }

        // Dated steps: the tiers ahead (with the roadmap's purchases for the
        // machine the user runs), phase 1 and the ceiling.
        let mut dated: Vec<Step> = Vec::new();
        let when = |users: f64| {
            let e = eta(s.users, s.growth_percent, users, s.origin());
            (e != Eta::Beyond && e != Eta::Overdue).then_some((users, e))
        };
        for (step, tier) in roadmap::ROADMAP.iter().zip(TIERS.iter()) {
            if tier.number <= plan.tier.number {
                continue;
            }
            let Some(at) = when(f64::from(tier.min_users)) else {
                continue;
            };
            let purchase = match (step.number, s.host) {
                (3, Host::Pi4) => step.price.map(|price| (step.action, price)),
                _ => None,
            };
            // Still on this machine when the tier begins, its limits must
            // fit it; past the ceiling they go to the next machine.
            let on_this_machine = plan.ceiling.is_none_or(|c| tier.min_users < c.users);
            let needs_move = Budget::check(tier, s.host, s.machine())
                .filter(|b| s.machine().is_some() && on_this_machine && b.memory_overflows())
                .map(|b| (b.memory_committed, b.machine.memory, destination));
            let task = Task::TierAhead {
                tier,
                distributed: tier.next().is_none(),
                purchase,
                needs_move,
            };
            dated.push(Step { at: Some(at), task });
        }
        if let Some(l) = latency {
            for crossing in &l.crossings {
                if let Some(at) = when(crossing.users) {
                    dated.push(Step {
                        at: Some(at),
                        task: Task::SlowPeak {
                            row: crossing.row,
                            p95_s: None,
                            basis: l.basis,
                        },
                    });
                }
            }
            // Past the ceiling, the migration's own step says it.
            let before_ceiling =
                |users: f64| plan.ceiling.is_none_or(|c| users < f64::from(c.users));
            if let Some(at) = l
                .saturation_users
                .filter(|&users| before_ceiling(users))
                .and_then(when)
            {
                dated.push(Step {
                    at: Some(at),
                    task: Task::PeakSaturates { servers: l.servers },
                });
            }
        }
        if let (Some(timing), Some(destination)) = (plan.host_timing, destination) {
            // The mini PC's price is the roadmap's, paid when ordering it.
            let price = match destination {
                Host::MiniPc => roadmap::ROADMAP[3].price,
                _ => None,
            };
            if let Some(at) = when(timing.migration_start_users) {
                dated.push(Step {
                    at: Some(at),
                    task: Task::OrderMachine {
                        to: destination,
                        price,
                    },
                });
            }
            if let Some(at) = when(f64::from(timing.ceiling_users)) {
                dated.push(Step {
                    at: Some(at),
                    task: Task::MigrationDone {
                        to: Some(destination),
                        from: s.host,
                        ceiling_users: timing.ceiling_users,
                    },
                });
            }
        }
        // By users, in the order found for equal ones (an insertion, lighter
        // in the WebAssembly than a sort).
        let users = |a: &Step| a.at.map_or(0.0, |(users, _)| users);
        let mut sorted: Vec<Step> = Vec::with_capacity(dated.len());
        for step in dated {
            let at = sorted
                .iter()
                .position(|other| users(other) > users(&step))
                .unwrap_or(sorted.len());
            sorted.insert(at, step);
        }
        let mut dated = sorted.into_iter();
        let next: Vec<Step> = dated.next().into_iter().collect();
        Steps {
            now: now
                .into_iter()
                .map(|task| Step { at: None, task })
                .collect(),
            next,
            later: dated.collect(),
        }
    }
}

impl Task {
    /// The action in a sentence.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        // Only the page's language is built: a one-language page drops the other.
        macro_rules! t {
            ($fr:expr, $en:expr $(,)?) => {
                if fr {
                    $fr
                } else {
                    $en
                }
            };
        }
        let the =
            |host: Option<Host>| host.map_or_else(String::new, |h| h.the().get(lang).to_owned());
        let to =
            |host: Option<Host>| host.map_or_else(String::new, |h| h.to().get(lang).to_owned());
        let on =
            |host: Option<Host>| host.map_or_else(String::new, |h| h.on().get(lang).to_owned());
        match *self {
            Task::Triggered { row, measured } => {
                let measured = measured
                    .map(|v| row.metric.format(v, lang))
                    .unwrap_or_default();
                format!(
                    "{} — {} {measured} (> {})",
                    row.action.get(lang),
                    row.metric.name().get(lang),
                    row.metric.format(row.threshold, lang)
                )
            }
            Task::Migrate { to: to_host } => {
                let dest = to(to_host);
                let (first, last) = phases();
                t!(
                    format!("Passer {dest} : le runbook de migration, phases {first} à {last}."),
                    format!("Move {dest}: the migration runbook, phases {first} to {last}."),
                )
            }
            Task::StartMigration { to } => {
                let (first, _) = phases();
                t!(
                    format!("{} et lancer la phase {first} de la migration ; elle doit être finie avant le plafond.", prepare(to, None, lang)),
                    format!("{} and start phase {first} of the migration; it must be done before the ceiling.", prepare(to, None, lang)),
                )
            }
            Task::OverBudget {
                tier,
                needed,
                machine,
                to,
            } => plan::over_budget_advice(tier, needed, machine, to, lang),
            Task::Distributed { tier } => t!(
                format!("Palier {tier} : l'architecture distribuée décrite avec le matériel (répartiteur de charge, API en plusieurs instances, PostgreSQL répliqué, Redis en cluster)."),
                format!("Tier {tier}: the distributed architecture shown with the hardware (load balancer, several API instances, replicated PostgreSQL, Redis cluster)."),
            ),
            Task::ApplyOverride { tier, on_pi: false } => t!(
                format!("Appliquer l'override du palier {tier} (docker-compose.override.yml) et ses réglages."),
                format!("Apply tier {tier}'s override (docker-compose.override.yml) and its settings."),
            ),
            Task::ApplyOverride { tier, on_pi: true } => t!(
                format!("Appliquer l'override du palier {tier} (docker-compose.override.yml) et ses réglages. Sur le Pi, d'abord : cgroup_enable=memory cgroup_memory=1 dans cmdline.txt, puis redémarrer ; sans le cgroup mémoire, Docker ignore tous les mem_limit."),
                format!("Apply tier {tier}'s override (docker-compose.override.yml) and its settings. On the Pi, first: cgroup_enable=memory cgroup_memory=1 in cmdline.txt, then reboot; without the memory cgroup, Docker ignores every mem_limit."),
            ),
            Task::ApplyAfterMove {
                tier,
                needed,
                machine,
                to,
            } => {
                let (needed, machine, on) = (needed.display(lang), machine.display(lang), on(to));
                t!(
                    format!("Appliquer l'override du palier {tier} une fois {on} : ses limites demandent {needed}, cette machine n'en a que {machine}. D'ici là, gardez vos limites actuelles."),
                    format!("Apply tier {tier}'s override once {on}: its limits need {needed}, this machine has only {machine}. Until then, keep your current limits."),
                )
            }
            Task::MakeRoom { left, floor, next } => {
                let (left, floor) = (left.display(lang), floor.display(lang));
                let or_move = match next {
                    Some(_) => t!(format!(", ou passez {}", to(next)), format!(", or move {}", to(next))),
                    None => String::new(),
                };
                t!(
                    format!("Faire de la place à MinIO et au front-end : avec ces limites la machine ne leur garde que {left} à eux deux, moins que les {floor} que Headroom donne au minimum à chacun. Placez les fichiers dans un stockage objet S3 et servez le front-end ailleurs{or_move}."),
                    format!("Make room for MinIO and the front end: with these limits the machine keeps only {left} for the two of them, less than the {floor} Headroom gives each at the least. Move the files to an S3 object store and serve the front end elsewhere{or_move}."),
                )
            }
            Task::TierAhead {
                tier,
                distributed,
                purchase,
                needs_move,
            } => {
                let label = tier.label(lang);
                let number = tier.number;
                let text = match distributed {
                    true => t!(
                        format!("{label} : l'architecture distribuée du palier {number}."),
                        format!("{label}: tier {number}'s distributed architecture."),
                    ),
                    false => match needs_move {
                        None => t!(
                            format!("{label} : appliquer son override."),
                            format!("{label}: apply its override."),
                        ),
                        Some((needed, machine, dest)) => {
                            let (needed, machine, on) =
                                (needed.display(lang), machine.display(lang), on(dest));
                            t!(
                                format!("{label} : son override demande {needed}, cette machine n'en a que {machine} ; ne l'appliquez qu'une fois {on}, et gardez d'ici là les limites du palier précédent."),
                                format!("{label}: its override needs {needed}, this machine has only {machine}; apply it only once {on}, keeping the previous tier's limits until then."),
                            )
                        }
                    },
                };
                match purchase {
                    // The only purchase on this road: the Pi's SSD.
                    Some((action, price)) => t!(
                        format!("{text} {} ({}) : le SSD externe de 1 To avec lequel la source décrit le Pi ; si votre Pi en a déjà un, rien à acheter.", action.get(lang), price.display(lang)),
                        format!("{text} {} ({}): the 1 TB external SSD the source's Pi is described with; if yours has it already, nothing to buy.", action.get(lang), price.display(lang)),
                    ),
                    None => text,
                }
            }
            Task::OrderMachine { to, price } => {
                let (first, _) = phases();
                t!(
                    format!("{} et lancer la phase {first} de la migration.", prepare(Some(to), price, lang)),
                    format!("{} and start phase {first} of the migration.", prepare(Some(to), price, lang)),
                )
            }
            Task::PeakSaturated {
                utilisation,
                cpu,
                peak_ratio,
            } => {
                let peak = text::percent(utilisation * 100.0, 0, lang);
                let ratio = text::number(peak_ratio, 2, lang);
                let why = match cpu {
                    Some(cpu) => {
                        let cpu = text::percent(cpu, 1, lang);
                        t!(
                            format!("{cpu} de CPU en moyenne × {ratio} à la pointe = {peak}"),
                            format!("{cpu} CPU on average × {ratio} at the peak = {peak}"),
                        )
                    }
                    None => t!(
                        format!("le service le plus chargé à {peak} à la pointe"),
                        format!("the busiest service {peak} busy at the peak"),
                    ),
                };
                t!(
                    format!("L'heure de pointe est saturée ({why}) : files d'attente et délais dépassés chaque jour. Mesurez le CPU de l'heure de pointe, ou baissez le rapport de pointe si votre trafic est plus régulier."),
                    format!("The peak hour is saturated ({why}): queues and timeouts every day. Measure the peak hour's CPU, or lower the peak ratio if your traffic is flatter."),
                )
            }
            Task::SlowPeak { row, p95_s, basis } => {
                let from = basis.describe(lang);
                let limit = row.metric.format(row.threshold, lang);
                match p95_s {
                    Some(p95) => {
                        let p95 = row.metric.format(seconds_to_ms(p95), lang);
                        t!(
                            format!("{} — P95 prévu à l'heure de pointe : {p95} (> {limit}), d'après {from}.", row.action.get(lang)),
                            format!("{} — P95 predicted at the peak hour: {p95} (> {limit}), from {from}.", row.action.get(lang)),
                        )
                    }
                    None => t!(
                        format!("Le P95 prévu à l'heure de pointe dépasse {limit}, d'après {from} : {}.", text::lower_first(row.action.get(lang))),
                        format!("The P95 predicted at the peak hour passes {limit}, from {from}: {}.", text::lower_first(row.action.get(lang))),
                    ),
                }
            }
            Task::PeakSaturates { servers } => {
                let n = f64::from(servers);
                t!(
                    format!("L'heure de pointe sature le service le plus chargé ({servers} {} en parallèle) : ajoutez des serveurs d'ici là.", text::noun(n, "serveur", "serveurs", lang)),
                    format!("The peak hour saturates the busiest service ({servers} {} in parallel): add servers before then.", text::noun(n, "server", "servers", lang)),
                )
            }
            Task::MigrationDone {
                to: dest,
                from,
                ceiling_users,
            } => {
                let (full, from) = (from.is_full().get(lang), from.the().get(lang));
                let (to, dest) = (to(dest), the(dest));
                let users = text::integer(f64::from(ceiling_users), lang);
                t!(
                    format!("Migration vers {dest} terminée : {from} {full} à {users} utilisateurs."),
                    format!("Move {to} done: {from} {full} at {users} users."),
                )
            }
        }
    }
}

/// The runbook's first and last phases.
fn phases() -> (u8, u8) {
    let first = MIGRATION.first().map_or(1, |p| p.number);
    let last = MIGRATION.last().map_or(first, |p| p.number);
    (first, last)
}

/// `Order the mini PC (i5-12400F class), €500,` or, for the cloud, its setup.
fn prepare(destination: Option<Host>, price: Option<Euros>, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let price = price.map_or_else(String::new, |p| format!(", {},", p.display(lang)));
    match destination {
        Some(Host::Cloud) if fr => {
            "Préparer le cloud (PostgreSQL et Redis gérés ou répliqués, répartiteur de charge)"
                .to_owned()
        }
        Some(Host::Cloud) => {
            "Prepare the cloud (managed or replicated PostgreSQL and Redis, a load balancer)"
                .to_owned()
        }
        Some(host) => format!(
            "{} {}{price}",
            if fr { "Commander" } else { "Order" },
            host.the().get(lang)
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan, query, Defaults, YearMonth};

    fn agenda(q: &str) -> Agenda {
        let defaults = Defaults {
            today: YearMonth::new(2026, 11).unwrap(),
            lang: Lang::En,
            day: 1,
        };
        Agenda::of(&plan(&query::decode(q, defaults).scenario), Lang::En)
    }

    #[test]
    fn three_hundred_users_on_a_pi() {
        let a = agenda("users=300&growth=20");
        assert_eq!(a.now.len(), 1);
        assert!(a.now[0].text.starts_with("Apply tier 2's override"));
        // Tier 3 at 501 users: ln(501/300) / ln 1.2 = 2.8 months.
        let (users, e) = a.next[0].at.unwrap();
        assert_eq!(users, 501.0);
        assert!((e.months().unwrap() - (501f64 / 300.0).ln() / 1.2f64.ln()).abs() < 1e-9);
        assert_eq!(
            a.next[0].text,
            "Tier 3 · Consolidation: apply its override. SSD upgrade (€65): the 1 TB external SSD the source's Pi is described with; if yours has it already, nothing to buy."
        );
        let texts: Vec<&str> = a.later.iter().map(|x| x.text.as_str()).collect();
        assert!(texts[0].starts_with("Order the mini PC"), "{texts:?}");
        assert!(texts
            .iter()
            .any(|t| t.starts_with("Move to the mini PC (i5-12400F class) done")));
        assert_eq!(
            texts[0],
            "Order the mini PC (i5-12400F class), €500, and start phase 1 of the migration."
        );
    }

    #[test]
    fn a_mini_pc_buys_no_mini_pc_nor_ssd() {
        let a = agenda("users=4000&host=minipc&cpu=80&ram=90");
        // RAM at 90% trips the warning row: said now.
        assert!(a
            .now
            .iter()
            .any(|x| x.text.starts_with("Reduce the Redis TTL")));
        let all: Vec<&str> = a
            .next
            .iter()
            .chain(&a.later)
            .map(|x| x.text.as_str())
            .collect();
        assert!(
            all.iter()
                .all(|t| !t.contains("SSD") && !t.contains("(€500)")),
            "{all:?}"
        );
    }

    #[test]
    fn the_cloud_has_no_migration() {
        let a = agenda("users=50000&host=cloud");
        assert_eq!(a.now.len(), 1);
        assert!(a.now[0]
            .text
            .starts_with("Tier 5: the distributed architecture"));
        assert!(a.next.is_empty() && a.later.is_empty());
    }

    #[test]
    fn the_figures_of_a_task_are_data() {
        // The same task with other figures says the other figures.
        for tier in [2, 7] {
            let en = Task::ApplyOverride { tier, on_pi: false }.describe(Lang::En);
            assert!(
                en.starts_with(&format!("Apply tier {tier}'s override")),
                "{en}"
            );
            let fr = Task::Distributed { tier }.describe(Lang::Fr);
            assert!(fr.starts_with(&format!("Palier {tier} :")), "{fr}");
        }
        for users in [2_000, 35_000] {
            let done = Task::MigrationDone {
                to: Some(Host::MiniPc),
                from: Host::Pi4,
                ceiling_users: users,
            }
            .describe(Lang::En);
            assert!(
                done.ends_with(&format!(
                    "is full at {} users.",
                    text::integer(f64::from(users), Lang::En)
                )),
                "{done}"
            );
        }
        // The runbook's phases, not a copy of them.
        let (first, last) = (MIGRATION[0].number, MIGRATION[MIGRATION.len() - 1].number);
        let migrate = Task::Migrate {
            to: Some(Host::MiniPc),
        }
        .describe(Lang::En);
        assert!(
            migrate.contains(&format!("phases {first} to {last}")),
            "{migrate}"
        );
        let order = Task::OrderMachine {
            to: Host::MiniPc,
            price: Some(Euros::about(123)),
        }
        .describe(Lang::En);
        assert!(order.contains(", ~€123, and start phase"), "{order}");
    }

    #[test]
    fn the_agenda_is_its_steps_worded() {
        let p = plan(
            &query::decode(
                "users=300&growth=20",
                Defaults {
                    today: YearMonth::new(2026, 11).unwrap(),
                    lang: Lang::Fr,
                    day: 1,
                },
            )
            .scenario,
        );
        let steps = Steps::of(&p);
        assert!(matches!(
            steps.now[0].task,
            Task::ApplyOverride { tier: 2, .. }
        ));
        assert_eq!(steps.describe(Lang::Fr), Agenda::of(&p, Lang::Fr));
    }
}
