//! Does the tier's compose file fit the machine? Memory limits plus the OS
//! reserve against the host's memory, CPU limits against its logical CPUs.

use crate::base::text::Lang;
use crate::base::units::{Cores, Mebibytes};
use crate::settings::pooler;
use crate::settings::tuning;
use crate::source::hardware::{Host, Machine, OS_RESERVE};
use crate::source::tier::{Service, Tier};

/// One service's share of the machine: its limits times its replicas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    pub service: Service,
    pub replicas: u32,
    pub memory: Mebibytes,
    pub cpus: Cores,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    pub host: Host,
    pub machine: Machine,
    pub shares: Vec<Share>,
    pub os_reserve: Mebibytes,
    /// Limits plus the OS reserve.
    pub memory_committed: Mebibytes,
    /// What the machine has beyond that, for MinIO and the Next.js front end,
    /// which the source gives no limit; negative when memory overflows.
    pub memory_left: Mebibytes,
    pub cpus_committed: Cores,
    /// MinIO's and the front end's limits, shared out of what is left.
    pub rest: Rest,
}

/// The limits of MinIO and the Next.js front end, which the source leaves
/// unlimited: each gets half of the memory and of the CPUs that the machine
/// has beyond the source's services, PgBouncer and the OS.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rest {
    /// The memory limit of each.
    pub memory: Mebibytes,
    /// The CPU limit of each.
    pub cpus: Cores,
    /// Whether half of what is left reaches [`REST_FLOOR`]; when it does not,
    /// each still gets the floor, and the machine is short by the difference.
    pub room: bool,
}

/// MinIO and the front end in the order the override writes them.
pub const REST_SERVICES: [Service; 2] = [Service::Minio, Service::Web];
/// The least memory Headroom gives MinIO or the front end: below it, the
/// machine has no room left for them.
pub const REST_FLOOR: Mebibytes = Mebibytes(128.0);
/// The least CPU limit: a cap, not a reservation, so it costs the others
/// nothing while the two are idle.
pub const REST_MIN_CPUS: Cores = Cores(0.25);
/// MinIO and the front end share what is left equally.
const REST_SHARE: f64 = REST_SERVICES.len() as f64;
/// Limits are written in steps of 16 MiB and of 0.05 CPU.
const MEMORY_STEP: f64 = 16.0;
const CPU_STEP: f64 = 0.05;

impl Rest {
    fn of(memory_left: Mebibytes, cpus_left: Cores) -> Rest {
        let half = (memory_left.0 / REST_SHARE / MEMORY_STEP).floor() * MEMORY_STEP;
        let room = half >= REST_FLOOR.0;
        let cpus =
            ((cpus_left.0 / REST_SHARE / CPU_STEP).floor() * CPU_STEP * 100.0).round() / 100.0;
        Rest {
            memory: if room { Mebibytes(half) } else { REST_FLOOR },
            cpus: if cpus >= REST_MIN_CPUS.0 {
                Cores(cpus)
            } else {
                REST_MIN_CPUS
            },
            room,
        }
    }

    /// Each one's share of what is left, in words: `half`, `la moitié`.
    pub fn share_words(lang: Lang) -> String {
        share_words(REST_SERVICES.len(), lang)
    }

    /// The memory that both need beyond what the machine has; zero when it
    /// has room.
    pub fn shortfall(&self, memory_left: Mebibytes) -> Mebibytes {
        let need = self.memory.0 * REST_SERVICES.len() as f64;
        Mebibytes((need - memory_left.0).max(0.0))
    }
}

/// One `n`th in words: `half` for two, else `1/n`.
fn share_words(n: usize, lang: Lang) -> String {
    match (n, lang.page()) {
        (2, Lang::Fr) => "la moitié".to_owned(),
        (2, Lang::En) => "half".to_owned(),
        (n, _) => format!("1/{n}"),
    }
}

impl Budget {
    /// The budget of `tier`'s limits on `host`; on the cloud, on the machine
    /// the tier is written for (the Pi for tiers 1-3, the mini PC for tier 4).
    /// `None` on tier 5, which has no single machine. `machine` is the
    /// host's ([`crate::Scenario::machine`]).
    pub fn check(tier: &Tier, host: Host, machine: Option<Machine>) -> Option<Budget> {
        if tier.limits.is_empty() {
            return None;
        }
        let (host, machine) = match host {
            Host::Cloud if tier.number <= 3 => (Host::Pi4, Host::Pi4.machine()),
            Host::Cloud => (Host::MiniPc, Host::MiniPc.machine()),
            own => (own, machine),
        };
        let machine = machine?;
        let mut shares: Vec<Share> = tier
            .limits
            .iter()
            .map(|l| Share {
                service: l.service,
                replicas: l.replicas,
                memory: l.mem_limit * f64::from(l.replicas),
                cpus: l.cpus * f64::from(l.replicas),
            })
            .collect();
        if tier.number >= tuning::POOLED_FROM_TIER {
            shares.push(Share {
                service: Service::PgBouncer,
                replicas: 1,
                memory: pooler::MEM_LIMIT,
                cpus: pooler::CPUS,
            });
        }
        let memory_committed = shares.iter().map(|s| s.memory).sum::<Mebibytes>() + OS_RESERVE;
        // The source writes cpus in tenths and quarters: a sum of floats
        // would print 2.3000000000000003; round away the binary noise.
        let cpus_committed =
            Cores((shares.iter().map(|s| s.cpus.0).sum::<f64>() * 1e6).round() / 1e6);
        let memory_left = machine.memory - memory_committed;
        Some(Budget {
            host,
            machine,
            shares,
            os_reserve: OS_RESERVE,
            memory_committed,
            memory_left,
            cpus_committed,
            rest: Rest::of(memory_left, machine.threads - cpus_committed),
        })
    }

    pub fn memory_overflows(&self) -> bool {
        self.memory_left.0 < 0.0
    }

    /// CPU limits add up to more than the machine's logical CPUs.
    pub fn cpus_oversubscribed(&self) -> bool {
        self.cpus_committed > self.machine.threads
    }

    /// What is left for MinIO and the front end and the limits they get, in
    /// one sentence for the page and the CLI.
    pub fn rest_text(&self, lang: Lang) -> String {
        let left = Mebibytes(self.memory_left.0.max(0.0)).display(lang);
        let (memory, cpus) = (self.rest.memory.display(lang), self.rest.cpus.display(lang));
        match (self.rest.room, lang.page()) {
            (true, Lang::Fr) => format!("Reste pour MinIO et le front-end Next.js, que la source ne limite pas : {left} ; l'override donne à chacun {memory} et {cpus} CPU."),
            (true, Lang::En) => format!("Left for MinIO and the Next.js front end, which the source gives no limit: {left}; the override gives each {memory} and {cpus} CPUs."),
            (false, Lang::Fr) => format!("Reste pour MinIO et le front-end Next.js : {left}, sous les {memory} que Headroom donne au minimum à chacun ; l'override leur donne ce minimum et {cpus} CPU, au-delà de la mémoire de la machine."),
            (false, Lang::En) => format!("Left for MinIO and the Next.js front end: {left}, under the {memory} Headroom gives each at the least; the override gives them that and {cpus} CPUs, beyond the machine's memory."),
        }
    }

    /// Committed memory (limits and OS reserve) over the machine's memory.
    pub fn memory_ratio(&self) -> f64 {
        self.memory_committed.0 / self.machine.memory.0
    }

    /// Committed CPU limits over the machine's logical CPUs (1.125 = 112.5%).
    pub fn cpu_ratio(&self) -> f64 {
        self.cpus_committed.0 / self.machine.threads.0
    }

    /// [`Budget::memory_ratio`] in %.
    pub fn memory_percent(&self) -> f64 {
        100.0 * self.memory_ratio()
    }

    /// [`Budget::cpu_ratio`] in % (112.5 for 4.5 cores on 4).
    pub fn cpu_percent(&self) -> f64 {
        100.0 * self.cpu_ratio()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_share_is_named_from_the_count_of_services() {
        assert_eq!(share_words(2, Lang::En), "half");
        assert_eq!(share_words(2, Lang::Fr), "la moitié");
        assert_eq!(share_words(3, Lang::En), "1/3");
        assert_eq!(
            Rest::share_words(Lang::En),
            share_words(REST_SERVICES.len(), Lang::En)
        );
        // And the arithmetic splits by the same count.
        let n = REST_SERVICES.len() as f64;
        let rest = Rest::of(
            Mebibytes(MEMORY_STEP * 64.0 * n),
            Cores(CPU_STEP * 40.0 * n),
        );
        assert_eq!(rest.memory, Mebibytes(MEMORY_STEP * 64.0));
        assert!(
            (rest.cpus.0 - CPU_STEP * 40.0).abs() < 1e-9,
            "{:?}",
            rest.cpus
        );
    }
}
