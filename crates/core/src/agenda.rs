//! Now / Next / Later: the plan as dated actions for this user, from the
//! verdict, the measured metrics, the roadmap and its purchases, and the
//! machine's ceiling. The page shows it first, and so does the CLI.

use crate::base::text::{self, Lang};
use crate::base::units::Mebibytes;
use crate::model::growth::{eta, Eta};
use crate::model::roadmap;
use crate::plan::{Plan, Verdict};
use crate::source::hardware::Host;
use crate::source::tier::TIERS;

/// One thing to do.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// When: now, or at a number of users, reached at `eta`.
    pub at: Option<(f64, Eta)>,
    pub text: String,
}

/// The actions of a plan, in three groups.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agenda {
    pub now: Vec<Action>,
    /// The next dated step.
    pub next: Vec<Action>,
    /// Every dated step after it, within ten years.
    pub later: Vec<Action>,
}

impl Agenda {
    pub fn of(plan: &Plan, lang: Lang) -> Agenda {
        let s = &plan.scenario;
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
        let n = |x: f64| text::integer(x, lang);
        let destination = plan.destination();
        let dest = destination.map_or_else(String::new, |d| d.name().get(lang).to_owned());

        let mut now = Vec::new();
        let act = |text: String| Action { at: None, text };
        for row in &plan.triggered {
            let measured = row
                .metric
                .measured(&s.metrics)
                .map(|v| row.metric.format(v, lang))
                .unwrap_or_default();
            now.push(act(format!(
                "{} — {} {measured} (> {})",
                row.action.get(lang),
                row.metric.name().get(lang),
                row.metric.format(row.threshold, lang)
            )));
        }
        match plan.verdict {
            Verdict::OverCeiling => now.push(act(t!(
                format!("Passer à {dest} : le runbook de migration, phases 1 à 3."),
                format!("Move to {dest}: the migration runbook, phases 1 to 3."),
            ))),
            Verdict::StartMigration => now.push(act(t!(
                format!("{} et lancer la phase 1 de la migration ; elle doit être finie avant le plafond.", prepare(destination, "", true)),
                format!("{} and start phase 1 of the migration; it must be done before the ceiling.", prepare(destination, "", false)),
            ))),
            Verdict::OverBudget => now.push(act(plan.for_you(lang))),
            _ => {}
        }
        if !plan.has_compose() && plan.tier.next().is_none() {
            now.push(act(t!(
                "Palier 5 : l'architecture distribuée décrite avec le matériel (répartiteur de charge, API en plusieurs instances, PostgreSQL répliqué, Redis en cluster).".to_owned(),
                "Tier 5: the distributed architecture shown with the hardware (load balancer, several API instances, replicated PostgreSQL, Redis cluster).".to_owned(),
            )));
        }
        if plan.has_compose() {
            now.push(act(t!(
                format!(
                    "Appliquer l'override du palier {} (docker-compose.override.yml) et ses réglages.",
                    plan.tier.number
                ),
                format!(
                    "Apply tier {}'s override (docker-compose.override.yml) and its settings.",
                    plan.tier.number
                ),
            )));
        }
        if let Some(b) = plan
            .budget
            .as_ref()
            .filter(|b| !b.rest.room && plan.has_compose())
        {
            let (left, floor) = (
                Mebibytes(b.memory_left.0.max(0.0)).display(lang),
                b.rest.memory.display(lang),
            );
            let next = plan
                .scenario
                .host
                .next()
                .map_or_else(String::new, |h| h.name().get(lang).to_owned());
            now.push(act(t!(
                format!("Faire de la place à MinIO et au front-end : avec ces limites la machine ne leur garde que {left} à eux deux, moins que les {floor} que Headroom donne au minimum à chacun. Placez les fichiers dans un stockage objet S3 et servez le front-end ailleurs, ou passez à {next}."),
                format!("Make room for MinIO and the front end: with these limits the machine keeps only {left} for the two of them, less than the {floor} Headroom gives each at the least. Move the files to an S3 object store and serve the front end elsewhere, or move to {next}."),
            )));
        }

        // Dated steps: the tiers ahead (with the roadmap's purchases for the
        // machine the user runs), phase 1 and the ceiling.
        let mut dated: Vec<Action> = Vec::new();
        let when = |users: f64| {
            let e = eta(s.users, s.growth_percent, users, s.start);
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
                (3, Host::Pi4) => step
                    .price
                    .map(|price| format!("{} ({})", step.action.get(lang), price.display(lang))),
                _ => None,
            };
            let mut text = t!(
                format!("{} : appliquer son override.", tier.label(lang)),
                format!("{}: apply its override.", tier.label(lang)),
            );
            if tier.number == 5 {
                text = t!(
                    format!(
                        "{} : l'architecture distribuée du palier 5.",
                        tier.label(lang)
                    ),
                    format!("{}: tier 5's distributed architecture.", tier.label(lang)),
                );
            }
            if let Some(purchase) = purchase {
                text = format!("{text} {purchase}.");
            }
            dated.push(Action { at: Some(at), text });
        }
        if let (Some(timing), Some(destination)) = (plan.host_timing, destination) {
            // The mini PC's price is the roadmap's, paid when ordering it.
            let price = match destination {
                Host::MiniPc => roadmap::ROADMAP[3]
                    .price
                    .map_or_else(String::new, |p| format!(", {},", p.display(lang))),
                _ => String::new(),
            };
            if let Some(at) = when(timing.migration_start_users) {
                dated.push(Action {
                    at: Some(at),
                    text: t!(
                        format!(
                            "{} et lancer la phase 1 de la migration.",
                            prepare(Some(destination), &price, true)
                        ),
                        format!(
                            "{} and start phase 1 of the migration.",
                            prepare(Some(destination), &price, false)
                        ),
                    ),
                });
            }
            if let Some(at) = when(f64::from(timing.ceiling_users)) {
                dated.push(Action {
                    at: Some(at),
                    text: t!(
                        format!(
                            "Migration vers {dest} terminée : {} est plein à {} utilisateurs.",
                            s.host.name().get(lang),
                            n(f64::from(timing.ceiling_users))
                        ),
                        format!(
                            "Move to {dest} done: {} is full at {} users.",
                            s.host.name().get(lang),
                            n(f64::from(timing.ceiling_users))
                        ),
                    ),
                });
            }
        }
        // By users, in the order found for equal ones (an insertion, lighter
        // in the WebAssembly than a sort).
        let users = |a: &Action| a.at.map_or(0.0, |(users, _)| users);
        let mut sorted: Vec<Action> = Vec::with_capacity(dated.len());
        for action in dated {
            let at = sorted
                .iter()
                .position(|other| users(other) > users(&action))
                .unwrap_or(sorted.len());
            sorted.insert(at, action);
        }
        let mut dated = sorted.into_iter();
        let next: Vec<Action> = dated.next().into_iter().collect();
        Agenda {
            now,
            next,
            later: dated.collect(),
        }
    }
}

/// `Order the Mini PC (i5-12400F class), €500,` or, for the cloud, its setup.
fn prepare(destination: Option<Host>, price: &str, fr: bool) -> String {
    let lang = if fr { Lang::Fr } else { Lang::En };
    match destination {
        Some(Host::Cloud) if fr => {
            "Préparer le cloud (PostgreSQL et Redis gérés ou répliqués, répartiteur de charge)"
                .to_owned()
        }
        Some(Host::Cloud) => {
            "Prepare the cloud (managed or replicated PostgreSQL and Redis, a load balancer)"
                .to_owned()
        }
        Some(host) if fr => format!("Commander {}{price}", host.name().get(lang)),
        Some(host) => format!("Order the {}{price}", host.name().get(lang)),
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
            "Tier 3 · Consolidation: apply its override. SSD upgrade (€65)."
        );
        let texts: Vec<&str> = a.later.iter().map(|x| x.text.as_str()).collect();
        assert!(texts[0].starts_with("Order the Mini PC"), "{texts:?}");
        assert!(texts
            .iter()
            .any(|t| t.starts_with("Move to Mini PC (i5-12400F class) done")));
        assert_eq!(
            texts[0],
            "Order the Mini PC (i5-12400F class), €500, and start phase 1 of the migration."
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
}
