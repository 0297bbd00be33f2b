//! What `docker stats` showed, against the limits the override sets: per
//! container, its CPU in cores and its memory against the limit it runs
//! under now and the one the override would give it; the container that
//! binds first; any that the override would leave above 80% of its limit.
//! For PostgreSQL, Redis and Node.js, the memory Headroom plans for (the
//! worst case of its settings) gives way to the measurement where the
//! measurement is higher.

use crate::base::text::{self, tx, Lang};
use crate::base::units::{Cores, Mebibytes};
use crate::input::measured::{ContainerUse, Measured};
use crate::settings::budget::Budget;
use crate::settings::pooler;
use crate::settings::tuning::{node_resident, Tuning};
use crate::settings::tuning::{SettingKey, Value};
use crate::source::tier::{Service, Tier};

/// A container this close to its limit (memory or CPU) is flagged.
pub const NEAR_LIMIT: f64 = 0.8;

/// One container's line.
#[derive(Clone, Debug, PartialEq)]
pub struct UsageRow {
    pub container: ContainerUse,
    /// The override's service for its role; `None` for a stranger.
    pub service: Option<Service>,
    /// The override's `cpus` and `mem_limit` for one replica.
    pub override_cpus: Option<Cores>,
    pub override_limit: Option<Mebibytes>,
    /// What Headroom plans this service to use at most (PostgreSQL, Redis,
    /// Node.js): the worst case of the settings it writes.
    pub planned: Option<Mebibytes>,
    /// The memory to expect under the override: the planned figure, or
    /// the measurement where it is higher.
    pub expected: Mebibytes,
    /// The measured memory ÷ the override's memory limit.
    pub memory_share: Option<f64>,
    /// measured cores ÷ the override's CPU limit.
    pub cpu_share: Option<f64>,
}

impl UsageRow {
    /// The larger of its two shares of the override's limits.
    pub fn share(&self) -> Option<f64> {
        match (self.memory_share, self.cpu_share) {
            (Some(m), Some(c)) => Some(m.max(c)),
            (m, c) => m.or(c),
        }
    }

    /// At or above [`NEAR_LIMIT`] of a limit the override would give it.
    pub fn near_limit(&self) -> bool {
        self.share().is_some_and(|s| s >= NEAR_LIMIT)
    }

    /// The measurement is above what Headroom planned for the service.
    pub fn measured_above_plan(&self) -> bool {
        self.planned
            .is_some_and(|p| self.container.memory_mib > p.0)
    }

    /// Docker shows the machine's memory as the limit of a container
    /// without one.
    pub fn unlimited_now(&self, machine_memory: Option<Mebibytes>) -> bool {
        match (self.container.limit_mib, machine_memory) {
            (None, _) => true,
            (Some(limit), Some(machine)) => limit >= machine.0 * 0.9,
            (Some(_), None) => false,
        }
    }
}

/// The containers of one `docker stats` snapshot against the override.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    pub rows: Vec<UsageRow>,
    /// The row nearest one of the override's limits.
    pub binds_first: Option<usize>,
    pub cpu: Cores,
    pub memory: Mebibytes,
}

impl Usage {
    /// `None` without a snapshot (`ds`).
    pub fn of(
        measured: &Measured,
        tier: &Tier,
        budget: Option<&Budget>,
        tuning: Option<&Tuning>,
    ) -> Option<Usage> {
        if measured.containers.is_empty() {
            return None;
        }
        let rows: Vec<UsageRow> = measured
            .containers
            .iter()
            .map(|c| row(c, tier, budget, tuning))
            .collect();
        let binds_first = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.share()?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        Some(Usage {
            binds_first,
            cpu: Cores(measured.total_cpu()),
            memory: Mebibytes(measured.total_memory_mib()),
            rows,
        })
    }

    /// Rows the override would leave near or past a limit.
    pub fn near_limit(&self) -> impl Iterator<Item = &UsageRow> {
        self.rows.iter().filter(|r| r.near_limit())
    }
}

fn row(
    c: &ContainerUse,
    tier: &Tier,
    budget: Option<&Budget>,
    tuning: Option<&Tuning>,
) -> UsageRow {
    let service = c.role.map(|role| role.service());
    let (override_cpus, override_limit) = match service {
        Some(Service::PgBouncer) if tuning.is_some_and(|t| t.pooler.is_some()) => {
            (Some(pooler::CPUS), Some(pooler::MEM_LIMIT))
        }
        Some(Service::Minio | Service::Web) => match budget {
            Some(b) => (Some(b.rest.cpus), Some(b.rest.memory)),
            None => (None, None),
        },
        Some(service) => match tier.limits.iter().find(|l| l.service == service) {
            Some(l) => (Some(l.cpus), Some(l.mem_limit)),
            None => (None, None),
        },
        None => (None, None),
    };
    let planned = tuning.and_then(|t| planned(t, service?));
    let measured = Mebibytes(c.memory_mib);
    let expected = match planned {
        Some(p) if p.0 > measured.0 => p,
        _ => measured,
    };
    UsageRow {
        container: c.clone(),
        service,
        override_cpus,
        override_limit,
        planned,
        expected,
        memory_share: override_limit
            .filter(|l| l.0 > 0.0)
            .map(|l| measured.0 / l.0),
        cpu_share: override_cpus
            .filter(|l| l.0 > 0.0)
            .map(|l| c.cpu_cores / l.0),
    }
}

/// The most the service uses under Headroom's settings: PostgreSQL's worst
/// case, Redis's `maxmemory`, Node's resident memory for a full heap.
fn planned(tuning: &Tuning, service: Service) -> Option<Mebibytes> {
    let memory = |key| match tuning.get(key)?.value {
        Value::Memory(m) => Some(m),
        _ => None,
    };
    match service {
        Service::Postgres => Some(tuning.memory.worst_case()),
        Service::Redis => memory(SettingKey::RedisMaxmemory),
        Service::Api => memory(SettingKey::NodeMaxOldSpace).map(node_resident),
        _ => None,
    }
}

impl UsageRow {
    /// The container's role as the table shows it: `PostgreSQL`, or
    /// `not planned by Headroom`.
    pub fn role_text(&self, lang: Lang) -> String {
        match self.service {
            Some(service) => service_label(service).to_owned(),
            None => tx("hors de la pile planifiée", "not in the planned stack")
                .get(lang)
                .to_owned(),
        }
    }

    /// Memory now against the limit it runs under: `412 MiB of 1.5 GiB
    /// (27%)`, or `412 MiB, no limit`.
    pub fn memory_now_text(&self, machine_memory: Option<Mebibytes>, lang: Lang) -> String {
        let used = memory_text(self.container.memory_mib, lang);
        match self.container.limit_mib {
            Some(limit) if !self.unlimited_now(machine_memory) => format!(
                "{used} / {} ({})",
                memory_text(limit, lang),
                text::percent(100.0 * self.container.memory_mib / limit, 0, lang)
            ),
            _ => format!("{used}, {}", tx("sans limite", "no limit").get(lang)),
        }
    }

    /// Against the override: `412 MiB / 768 MiB (54%)`, its CPU likewise.
    pub fn under_override_text(&self, lang: Lang) -> String {
        let Some(limit) = self.override_limit else {
            return "—".to_owned();
        };
        let expected = memory_text(self.container.memory_mib, lang);
        let share = self
            .memory_share
            .map(|s| text::percent(100.0 * s, 0, lang))
            .unwrap_or_default();
        let cpu = match (self.override_cpus, self.cpu_share) {
            (Some(cpus), Some(share)) => format!(
                " · CPU {} / {} ({})",
                text::number(self.container.cpu_cores, 2, lang),
                text::number(cpus.0, 2, lang),
                text::percent(100.0 * share, 0, lang)
            ),
            _ => String::new(),
        };
        format!("{expected} / {} ({share}){cpu}", memory_text(limit.0, lang))
    }

    /// Why the row is flagged, if it is.
    pub fn flag_text(&self, lang: Lang) -> Option<String> {
        let fr = lang.page() == Lang::Fr;
        let mut parts = Vec::new();
        if self.measured_above_plan() {
            let planned = memory_text(self.planned.map_or(0.0, |p| p.0), lang);
            parts.push(if fr {
                format!("mesuré au-dessus des {planned} que Headroom prévoit : la mesure compte")
            } else {
                format!("measured above the {planned} Headroom plans for: the measurement counts")
            });
        }
        if self.memory_share.is_some_and(|s| s >= 1.0) {
            parts.push(
                tx(
                    "au-delà de la limite mémoire de l'override : le noyau tuerait le processus",
                    "beyond the override's memory limit: the kernel would kill the process",
                )
                .get(lang)
                .to_owned(),
            );
        } else if self.memory_share.is_some_and(|s| s >= NEAR_LIMIT) {
            parts.push(
                tx(
                    "au-dessus de 80 % de la limite mémoire de l'override",
                    "above 80% of the override's memory limit",
                )
                .get(lang)
                .to_owned(),
            );
        }
        if self.cpu_share.is_some_and(|s| s >= 1.0) {
            parts.push(
                tx(
                    "plus de CPU que l'override n'en donne : il serait ralenti (throttling)",
                    "more CPU than the override gives: it would be throttled",
                )
                .get(lang)
                .to_owned(),
            );
        } else if self.cpu_share.is_some_and(|s| s >= NEAR_LIMIT) {
            parts.push(
                tx(
                    "au-dessus de 80 % du CPU de l'override",
                    "above 80% of the override's CPU",
                )
                .get(lang)
                .to_owned(),
            );
        }
        (!parts.is_empty()).then(|| parts.join(if fr { " ; " } else { "; " }))
    }
}

impl Usage {
    /// The machine's sums: `1.35 cores, 2.1 GiB in 7 containers`.
    pub fn totals_text(&self, lang: Lang) -> String {
        let n = self.rows.len();
        let (cores, containers) = match lang.page() {
            Lang::Fr => (
                text::noun(self.cpu.0, "cœur", "cœurs", lang),
                text::noun(n as f64, "conteneur", "conteneurs", lang),
            ),
            Lang::En => (
                text::noun(self.cpu.0, "core", "cores", lang),
                text::noun(n as f64, "container", "containers", lang),
            ),
        };
        let within = tx("dans", "in").get(lang);
        format!(
            "{} {cores}, {} {within} {n} {containers}",
            text::number(self.cpu.0, 2, lang),
            memory_text(self.memory.0, lang),
        )
    }

    /// Which container binds first under the override, and how near.
    pub fn binds_first_text(&self, lang: Lang) -> Option<String> {
        let row = &self.rows[self.binds_first?];
        let share = text::percent(100.0 * row.share()?, 0, lang);
        let name = &row.container.name;
        let role = row.role_text(lang);
        Some(match lang.page() {
            Lang::Fr => format!("Le premier à toucher sa limite sous l'override : {name} ({role}), à {share} d'une de ses limites."),
            Lang::En => format!("The first to reach its limit under the override: {name} ({role}), at {share} of one of its limits."),
        })
    }
}

/// A service's name as people write it.
fn service_label(service: Service) -> &'static str {
    match service {
        Service::Api => "API Node.js",
        Service::Postgres => "PostgreSQL",
        Service::Redis => "Redis",
        Service::Nginx => "nginx",
        Service::PgBouncer => "PgBouncer",
        Service::Minio => "MinIO",
        Service::Web => "Next.js",
    }
}

/// `412 MiB`, `1.5 GiB` (`Mio`, `Gio` in French).
fn memory_text(mib: f64, lang: Lang) -> String {
    let (mi, gi) = match lang.page() {
        Lang::Fr => ("Mio", "Gio"),
        Lang::En => ("MiB", "GiB"),
    };
    if mib >= 1024.0 {
        format!("{}\u{a0}{gi}", text::number(mib / 1024.0, 2, lang))
    } else {
        format!("{}\u{a0}{mi}", text::number(mib, 0, lang))
    }
}
