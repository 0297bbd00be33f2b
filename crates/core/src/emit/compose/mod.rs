//! The `docker-compose.override.yml` for a tier: the source's limits and the
//! tuned server settings, written as Compose Specification YAML by hand (no
//! YAML library reaches the browser build).
//!
//! Compose merges the override into the user's file key by key, except
//! `command:`, which it replaces whole, and `NODE_OPTIONS`, one variable. Given
//! the user's own file ([`Base`]), the override uses their service names and
//! carries their command arguments and `NODE_OPTIONS` into its own entries;
//! without it, the override says first what the merge replaces.

mod base;
mod stack;
mod write;
#[cfg(feature = "yaml")]
pub mod yaml;

pub use base::{memory_value, Base, BaseService};
pub use stack::{split_command, Carried, Defaults, Stack};

use crate::base::text::{self, Lang};
use crate::plan::Plan;
use crate::settings::budget::{Rest, REST_SERVICES};
use crate::settings::tuning::Tuning;
use crate::source::tier::{Service, Tier};
use std::fmt::Write;
use write::*;

/// The file name Docker Compose merges automatically.
pub const FILE_NAME: &str = "docker-compose.override.yml";

/// The override of a finished plan, for Headroom's service names
/// ([`Defaults`]) or the user's file ([`Base`]); `None` on tier 5. Its first
/// lines warn when the limits do not fit the machine.
pub fn for_plan(plan: &Plan, stack: &impl Stack) -> Option<String> {
    let tuning = plan.tuning.as_ref()?;
    let s = &plan.scenario;
    let rest = plan.budget.as_ref().map(|b| b.rest);
    let yaml = override_yaml(plan.tier, tuning, s.users, s.lang, stack, rest);
    Some(marked(plan, yaml))
}

/// `yaml`, an override for this plan, with a warning at its top when the
/// tier's limits do not fit the machine's memory: whoever opens the file
/// reads it before applying it.
fn marked(plan: &Plan, yaml: String) -> String {
    let over = plan.scenario.machine().is_some()
        && plan.budget.as_ref().is_some_and(|b| b.memory_left.0 < 0.0);
    let (Some(b), true) = (plan.budget.as_ref(), over) else {
        return yaml;
    };
    let lang = plan.scenario.lang;
    let (committed, memory) = (
        b.memory_committed.display(lang),
        b.machine.memory.display(lang),
    );
    let (host, on_host) = (
        plan.scenario.host.the().get(lang),
        plan.scenario.host.on().get(lang),
    );
    // The reserve as the sentence writes it, a plain space before its unit.
    let os = text::integer(b.os_reserve.0, lang);
    let warning = if lang.page() == Lang::Fr {
        format!(
            "# ATTENTION : les limites du palier {} (avec les {os} Mio du système) font {committed},\n# la machine a {memory} : cet override ne tient pas {on_host}.\n# Changez de machine ou réduisez les limites avant de l'appliquer.\n",
            plan.tier.number
        )
    } else {
        format!(
            "# WARNING: tier {}'s limits (with the system's {os} MiB) add up to {committed},\n# the machine has {memory}: this override does not fit {host}.\n# Move to a bigger machine or lower the limits before applying it.\n",
            plan.tier.number
        )
    };
    warning + &yaml
}

/// The override for `tier` (1-4) at `users`, comments in `lang`, for
/// Headroom's service names or, given [`Base`], for the user's file; MinIO
/// and the front end get `rest` when the machine is known.
pub fn override_yaml(
    tier: &Tier,
    tuning: &Tuning,
    users: u32,
    lang: Lang,
    stack: &impl Stack,
    rest: Option<Rest>,
) -> String {
    let fr = lang.page() == Lang::Fr;
    let mut y = String::new();
    let users_text = text::integer(f64::from(users), lang);
    let name = tier.name.get(lang);
    let number = tier.number;
    let made = if fr {
        format!("{FILE_NAME} produit par Headroom : palier {number} ({name}), {users_text} utilisateurs.")
    } else {
        format!("{FILE_NAME} made by Headroom: tier {number} ({name}), {users_text} users.")
    };
    let rest_text = match (stack.is_users_file(), fr) {
        (false, true) => "Docker Compose le fusionne au docker-compose.yml du dossier ; services : api, postgres, redis, nginx, minio, web.\n\
             La fusion REMPLACE vos command: postgres et redis et votre NODE_OPTIONS :\n\
             recopiez-y vos options (--requirepass, --appendonly, -c ...).",
        (false, false) => "Docker Compose merges it with the folder's docker-compose.yml; services: api, postgres, redis, nginx, minio, web.\n\
             The merge REPLACES your postgres and redis command: and NODE_OPTIONS:\n\
             copy your own flags into them (--requirepass, --appendonly, -c ...).",
        (true, true) => "Écrit pour votre docker-compose.yml : vos noms de services, vos options\n\
             de commande et votre NODE_OPTIONS y sont repris (« vôtre »).",
        (true, false) => "Written for your docker-compose.yml: your service names, command flags\n\
             and NODE_OPTIONS are carried into it (\"yours\").",
    };
    let both_forms = if fr {
        "Chaque limite est écrite sous ses deux formes (cpus/mem_limit et deploy.resources) :\n\
         Docker Compose v2 refuse un service dont les deux formes diffèrent."
    } else {
        "Each limit is written in both forms (cpus/mem_limit and deploy.resources):\n\
         Docker Compose v2 refuses a service whose two forms differ."
    };
    for line in std::iter::once(made.as_str())
        .chain(rest_text.lines())
        .chain(both_forms.lines())
    {
        let _ = writeln!(y, "# {}", line.trim());
    }
    if let Some(rest) = rest.filter(|r| !r.room) {
        let floor = rest.memory.display(lang);
        let _ = writeln!(
            y,
            "# {}",
            match lang.page() {
                Lang::Fr => format!("ATTENTION : après ces limites, la machine n'a plus de place pour MinIO et le front-end ;\n# chacun reçoit le minimum de Headroom ({floor}), au-delà de la mémoire de la machine."),
                Lang::En => format!("WARNING: after these limits the machine has no room left for MinIO and the front end;\n# each gets Headroom's minimum ({floor}), beyond the machine's memory."),
            }
        );
    }
    y.push_str("services:\n");
    let source = if fr {
        format!("limites : source, palier {number}")
    } else {
        format!("limits: source, tier {number}")
    };
    for limits in tier.limits {
        let role = limits.service;
        let Some(service) = stack.service(role) else {
            missing(&mut y, role, lang);
            continue;
        };
        let replicas = (role == Service::Api && limits.replicas > 1).then(|| {
            let note = if fr {
                format!("source, palier {number} : « replicas » doit être sous deploy ; retirez container_name et tout port fixe de l'hôte")
            } else {
                format!("source, tier {number}: replicas belongs under deploy; drop container_name and any fixed host port")
            };
            (limits.replicas, note)
        });
        let _ = writeln!(y, "  {service}:  # {source}");
        write_limits(
            &mut y,
            Sized {
                cpus: limits.cpus,
                memory: limits.mem_limit,
                reservation: limits.mem_reservation,
                replicas,
            },
            stack,
            role,
            lang,
        );
        match role {
            Service::Api => api(&mut y, tuning, stack.user_node_options(), lang),
            Service::Postgres | Service::Redis => {
                if role == Service::Postgres {
                    shm_size(&mut y, tuning, lang);
                }
                let program = if role == Service::Postgres {
                    "postgres"
                } else {
                    "redis-server"
                };
                let ours: Vec<&str> = tuning
                    .settings
                    .iter()
                    .filter(|s| s.key.service() == role)
                    .map(|s| s.key.name())
                    .collect();
                let carried = stack.user_command(role, program, &ours);
                command(
                    &mut y,
                    tuning,
                    role,
                    program,
                    carried,
                    stack.is_users_file(),
                    lang,
                );
            }
            Service::Nginx | Service::PgBouncer | Service::Minio | Service::Web => {}
        }
    }
    if let Some(rest) = rest {
        let share = Rest::share_words(lang);
        let why = match (rest.room, lang.page()) {
            (true, Lang::Fr) => format!("Headroom : {share} de ce que la machine garde après les services de la source, PgBouncer et le système (la source ne le limite pas)"),
            (true, Lang::En) => format!("Headroom: {share} of what the machine keeps after the source's services, PgBouncer and the system (the source gives no limit)"),
            (false, Lang::Fr) => "Headroom : son minimum, la machine n'ayant plus de place après les services de la source, PgBouncer et le système".to_owned(),
            (false, Lang::En) => "Headroom: its minimum, as the machine has no room left after the source's services, PgBouncer and the system".to_owned(),
        };
        for role in REST_SERVICES {
            let Some(service) = stack.service(role) else {
                missing(&mut y, role, lang);
                continue;
            };
            let _ = writeln!(y, "  {service}:  # {why}");
            write_limits(
                &mut y,
                Sized {
                    cpus: rest.cpus,
                    memory: rest.memory,
                    reservation: None,
                    replicas: None,
                },
                stack,
                role,
                lang,
            );
        }
    }
    if let (Some(pooler), Some(postgres)) = (&tuning.pooler, stack.service(Service::Postgres)) {
        match stack.own_pooler() {
            // The user runs their own PgBouncer: leave it, say what to set.
            Some(theirs) => {
                let settings: Vec<String> = pooler
                    .settings
                    .iter()
                    .map(|s| format!("{}={}", s.key, s.value))
                    .collect();
                let _ = writeln!(
                    y,
                    "  # {}",
                    match lang.page() {
                        Lang::Fr => format!(
                            "votre service {theirs} reste tel quel ; réglez-y : {}",
                            settings.join(", ")
                        ),
                        Lang::En => format!(
                            "your {theirs} service is left as it is; set in it: {}",
                            settings.join(", ")
                        ),
                    }
                );
            }
            None => pgbouncer(&mut y, pooler, postgres, lang),
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::units::Mebibytes;
    use crate::{plan, query, Defaults, YearMonth};

    fn plan_for(q: &str) -> Plan {
        let defaults = Defaults {
            today: YearMonth::new(2026, 11).unwrap(),
            lang: Lang::En,
            day: 1,
        };
        plan(&query::decode(q, defaults).scenario)
    }

    #[test]
    fn the_override_warning_names_the_budgets_reserve() {
        let mut p = plan_for("users=300&host=custom&hmem=2.7&lang=en");
        let reserve = p.budget.as_ref().unwrap().os_reserve;
        assert_eq!(reserve, crate::source::hardware::OS_RESERVE);
        for mib in [reserve.0, 700.0] {
            p.budget.as_mut().unwrap().os_reserve = Mebibytes(mib);
            let text = marked(&p, String::new());
            assert!(
                text.contains(&format!("(with the system's {mib} MiB)")),
                "{text}"
            );
        }
    }
}
