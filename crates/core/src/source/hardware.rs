//! Machines: the hosts a stack runs on, the mini PC to buy for tier 4 and the
//! distributed architecture of tier 5.

use crate::base::text::{tx, Lang, Text};
use crate::base::units::{Cores, Euros, Mebibytes};

/// The machine the stack runs on (`host` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Host {
    Pi4,
    MiniPc,
    Cloud,
    /// A machine of the user's, described by `hcpu`, `hmem` and `hdisk`.
    Custom,
}

/// What a fixed machine offers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Machine {
    /// Physical cores.
    pub cores: u32,
    /// Logical CPUs: what Docker's `cpus` limits count against.
    pub threads: Cores,
    pub memory: Mebibytes,
    /// Disk, GB.
    pub disk_gb: f64,
    /// Monthly active users the source recommends the machine up to; `None`
    /// for the user's own machine, whose ceiling comes from its resources.
    pub ceiling_users: Option<u32>,
}

impl Machine {
    /// The user's own machine: `cpus` logical CPUs, `memory_gib` GiB of
    /// memory, `disk_gb` GB of disk.
    pub fn custom(cpus: u32, memory_gib: f64, disk_gb: f64) -> Machine {
        Machine {
            cores: cpus,
            threads: Cores(f64::from(cpus)),
            memory: Mebibytes(memory_gib * 1_024.0),
            disk_gb,
            ceiling_users: None,
        }
    }
}

/// Memory kept for the operating system, outside every container (an assumption
/// of Headroom's, stated in the interface).
pub const OS_RESERVE: Mebibytes = Mebibytes(512.0);

/// Share of the ceiling at which phase 1 of the migration starts: the source
/// considers the mini PC at 1,500-2,000 users on a Pi whose ceiling is 2,000.
pub const MIGRATION_START_SHARE: f64 = 0.75;

impl Host {
    pub const ALL: [Host; 4] = [Host::Pi4, Host::MiniPc, Host::Cloud, Host::Custom];

    /// The `host` key's value.
    pub fn code(self) -> &'static str {
        match self {
            Host::Pi4 => "pi4",
            Host::MiniPc => "minipc",
            Host::Cloud => "cloud",
            Host::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<Host> {
        Host::ALL.into_iter().find(|host| host.code() == code)
    }

    pub fn name(self) -> Text {
        match self {
            Host::Pi4 => tx("Raspberry Pi 4 B (4 Go)", "Raspberry Pi 4 B (4 GB)"),
            Host::MiniPc => tx("Mini PC (classe i5-12400F)", "Mini PC (i5-12400F class)"),
            Host::Cloud => tx("Cloud", "Cloud"),
            Host::Custom => tx("Votre machine (sur mesure)", "Your own machine (custom)"),
        }
    }

    /// The machine in a sentence, with its article: `le mini PC (classe
    /// i5-12400F)`, `the cloud`. [`Host::name`] is the label.
    pub fn the(self) -> Text {
        match self {
            Host::Pi4 => tx("le Raspberry Pi 4 B (4 Go)", "the Raspberry Pi 4 B (4 GB)"),
            Host::MiniPc => tx(
                "le mini PC (classe i5-12400F)",
                "the mini PC (i5-12400F class)",
            ),
            Host::Cloud => tx("le cloud", "the cloud"),
            Host::Custom => tx("votre machine (sur mesure)", "your own machine (custom)"),
        }
    }

    /// Where a move goes: `au mini PC (classe i5-12400F)`, `to the cloud`
    /// (French contracts à + le).
    pub fn to(self) -> Text {
        match self {
            Host::Pi4 => tx(
                "au Raspberry Pi 4 B (4 Go)",
                "to the Raspberry Pi 4 B (4 GB)",
            ),
            Host::MiniPc => tx(
                "au mini PC (classe i5-12400F)",
                "to the mini PC (i5-12400F class)",
            ),
            Host::Cloud => tx("au cloud", "to the cloud"),
            Host::Custom => tx(
                "à votre machine (sur mesure)",
                "to your own machine (custom)",
            ),
        }
    }

    /// Where the stack runs: `sur le mini PC`, `dans le cloud`, `in the cloud`.
    pub fn on(self) -> Text {
        match self {
            Host::Pi4 => tx(
                "sur le Raspberry Pi 4 B (4 Go)",
                "on the Raspberry Pi 4 B (4 GB)",
            ),
            Host::MiniPc => tx(
                "sur le mini PC (classe i5-12400F)",
                "on the mini PC (i5-12400F class)",
            ),
            Host::Cloud => tx("dans le cloud", "in the cloud"),
            Host::Custom => tx(
                "sur votre machine (sur mesure)",
                "on your own machine (custom)",
            ),
        }
    }

    /// `est plein`, `est pleine` (votre machine), `is full`.
    pub fn is_full(self) -> Text {
        match self {
            Host::Custom => tx("est pleine", "is full"),
            _ => tx("est plein", "is full"),
        }
    }

    /// The source's machine; `None` for the cloud, which has no ceiling, and
    /// for a custom host, which the scenario describes
    /// ([`crate::Scenario::machine`]).
    pub fn machine(self) -> Option<Machine> {
        match self {
            // Source, summary and tier 3: a 4 GB Pi 4 B, "critical limit at 2000+ users".
            Host::Pi4 => Some(Machine {
                cores: 4,
                threads: Cores(4.0),
                memory: Mebibytes(4_096.0),
                // Source, tier 2: "SSD 1TB".
                disk_gb: 1_000.0,
                ceiling_users: Some(2_000),
            }),
            // Source, tier 4: i5-12400F (6 cores, 12 threads), 16 GB DDR4, up to 10,000 users.
            Host::MiniPc => Some(Machine {
                cores: 6,
                threads: Cores(12.0),
                memory: Mebibytes(16_384.0),
                // Source, tier 4: "SSD 2 To".
                disk_gb: 2_000.0,
                ceiling_users: Some(10_000),
            }),
            Host::Cloud | Host::Custom => None,
        }
    }

    /// Where a stack goes when this host runs out.
    pub fn next(self) -> Option<Host> {
        match self {
            Host::Pi4 => Some(Host::MiniPc),
            Host::MiniPc | Host::Custom => Some(Host::Cloud),
            Host::Cloud => None,
        }
    }
}

/// One line of a bill of materials.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part {
    pub role: Text,
    pub spec: Text,
    pub price: Euros,
}

/// Source, tier 4, "Configuration matérielle recommandée": the mini PC to buy.
pub const MINI_PC_PARTS: [Part; 4] = [
    Part {
        role: tx("Processeur", "CPU"),
        spec: tx(
            "Intel i5-12400F ou équivalent",
            "Intel i5-12400F or equivalent",
        ),
        price: Euros::range(150, 200),
    },
    Part {
        role: tx("Mémoire", "RAM"),
        spec: tx("16 Go DDR4", "16 GB DDR4"),
        price: Euros::range(50, 70),
    },
    Part {
        role: tx("Disque", "Disk"),
        spec: tx("SSD 2 To", "2 TB SSD"),
        price: Euros::range(100, 150),
    },
    Part {
        role: tx("Boîtier", "Chassis"),
        spec: tx("PC industriel sans ventilateur", "Fanless industrial PC"),
        price: Euros::range(200, 300),
    },
];

/// Source, tier 4: the bill's total as printed.
pub const MINI_PC_TOTAL: Euros = Euros::range(500, 720);

/// Source, tier 4: a ready-made example and its price.
pub const MINI_PC_EXAMPLE: Part = Part {
    role: tx("Exemple", "Example"),
    spec: tx("Beelink SER5 PRO", "Beelink SER5 PRO"),
    price: Euros::range(400, 500),
};

/// A group of machines in the distributed architecture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cluster {
    pub name: Text,
    pub nodes: &'static [Text],
}

/// Source, tier 5, "Architecture": what replaces the single host.
pub const TIER5_ARCHITECTURE: [Cluster; 3] = [
    Cluster {
        name: tx("Répartiteur de charge", "Load balancer"),
        nodes: &[
            tx(
                "API Node.js n° 1 (en conteneur)",
                "Node.js API #1 (containerised)",
            ),
            tx("API Node.js n° 2", "Node.js API #2"),
            tx("API Node.js n° 3", "Node.js API #3"),
            tx("API Node.js n° 4", "Node.js API #4"),
        ],
    },
    Cluster {
        name: tx("PostgreSQL répliqué", "Replicated PostgreSQL"),
        nodes: &[
            tx("Primaire (écritures)", "Primary (writes)"),
            tx("Réplique n° 1 (lectures)", "Replica #1 (reads)"),
            tx("Réplique n° 2 (lectures)", "Replica #2 (reads)"),
        ],
    },
    Cluster {
        name: tx("Cluster Redis", "Redis cluster"),
        nodes: &[
            tx("Nœud n° 1", "Node #1"),
            tx("Nœud n° 2", "Node #2"),
            tx("Nœud n° 3", "Node #3"),
        ],
    },
];

/// Source, summary: the stack the analysis was written for.
pub const SOURCE_STACK: [Text; 5] = [
    tx(
        "Raspberry Pi 4 B (4 Go de RAM) avec un SSD externe de 1 To",
        "Raspberry Pi 4 B (4 GB of RAM) with a 1 TB external SSD",
    ),
    tx(
        "Docker Compose : nginx, API Node.js, PostgreSQL, Redis, MinIO",
        "Docker Compose: nginx, Node.js API, PostgreSQL, Redis, MinIO",
    ),
    tx(
        "Front-end Next.js 14 en mode standalone",
        "Next.js 14 front end, standalone build",
    ),
    tx("PostgreSQL 15", "PostgreSQL 15"),
    tx("Redis pour le cache", "Redis as the cache"),
];

/// Source, summary: the Pi's recommended capacity, 1,000-2,000 monthly active users.
pub const SOURCE_PI_CAPACITY: (u32, u32) = (1_000, 2_000);

impl Machine {
    /// `4 cores, 4,096 MiB`.
    pub fn describe(self, lang: Lang) -> String {
        let threads = crate::base::text::number(self.threads.0, 0, lang);
        let memory = self.memory.display(lang);
        match lang.page() {
            Lang::Fr if f64::from(self.cores) == self.threads.0 => {
                format!("{} cœurs, {memory}", self.cores)
            }
            Lang::Fr => format!("{} cœurs / {threads} threads, {memory}", self.cores),
            Lang::En if f64::from(self.cores) == self.threads.0 => {
                format!("{} cores, {memory}", self.cores)
            }
            Lang::En => format!("{} cores / {threads} threads, {memory}", self.cores),
        }
    }
}
