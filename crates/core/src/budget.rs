//! Does the tier's compose file fit the machine? Memory limits plus the OS
//! reserve against the host's memory, CPU limits against its logical CPUs.

use crate::hardware::{Host, Machine, OS_RESERVE};
use crate::pooler;
use crate::tier::{Service, Tier};
use crate::tuning;
use crate::units::{Cores, Mebibytes};

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
        Some(Budget {
            host,
            machine,
            shares,
            os_reserve: OS_RESERVE,
            memory_committed,
            memory_left: machine.memory - memory_committed,
            cpus_committed,
        })
    }

    pub fn memory_overflows(&self) -> bool {
        self.memory_left.0 < 0.0
    }

    /// CPU limits add up to more than the machine's logical CPUs.
    pub fn cpus_oversubscribed(&self) -> bool {
        self.cpus_committed > self.machine.threads
    }

    /// Committed memory (limits and OS reserve) over the machine's memory.
    pub fn memory_ratio(&self) -> f64 {
        self.memory_committed.0 / self.machine.memory.0
    }

    /// Committed CPU limits over the machine's logical CPUs (1.125 = 112.5%).
    pub fn cpu_ratio(&self) -> f64 {
        self.cpus_committed.0 / self.machine.threads.0
    }
}
