//! The source's five tiers, as data.

use super::allocation::{alloc, Allocation, Resource, CORES_USED, GB, GB_USED, MBPS_AVG};
use super::service::{limits, reserved, Service};
use super::{Durability, Tier, Upgrade};
use crate::base::text::tx;
use crate::base::units::Euros;

/// Source, section 1, tiers 1 to 5.
pub static TIERS: [Tier; 5] = [
    // Source, "Tier 1 : Prototype / MVP (0-100 utilisateurs)".
    Tier {
        number: 1,
        name: tx("Prototype / MVP", "Prototype / MVP"),
        min_users: 0,
        max_users: Some(100),
        profile: &[
            tx(
                "On développe et on teste en bêta",
                "Development and beta testing",
            ),
            tx("Charge quasi nulle", "Very light load"),
            tx("Objectif : itérer vite", "What matters: iterating fast"),
        ],
        recommendation: None,
        allocation: &[
            alloc(
                Resource::Cpu,
                2.0,
                3.0,
                CORES_USED,
                tx("Aucun effet notable", "No noticeable impact"),
            ),
            alloc(
                Resource::Ram,
                1.5,
                2.0,
                GB_USED,
                tx("Très stable", "Very stable"),
            ),
            alloc(
                Resource::Disk,
                50.0,
                100.0,
                GB,
                tx("Grossit lentement", "Grows slowly"),
            ),
            Allocation {
                resource: Resource::Bandwidth,
                low: None,
                high: 1.0,
                unit: MBPS_AVG,
                note: tx("Négligeable", "Negligible"),
            },
        ],
        limits: &[
            reserved(limits(Service::Api, 0.5, 512.0, 1), 256.0),
            limits(Service::Postgres, 0.3, 256.0, 1),
            limits(Service::Redis, 0.1, 128.0, 1),
            limits(Service::Nginx, 0.1, 128.0, 1),
        ],
        optimizations: &[],
        upgrades: &[],
        monthly_cost: Euros::zero(),
        monthly_cost_covers: tx("le Pi 4 est déjà là", "the Pi 4 is already there"),
        durability: Durability::Unlimited(tx("aucune limite en vue", "no limit in sight")),
        warning: None,
    },
    // Source, "Tier 2 : Early Growth (100-500 utilisateurs)".
    Tier {
        number: 2,
        name: tx("Premiers utilisateurs", "Early growth"),
        min_users: 101,
        max_users: Some(500),
        profile: &[
            tx(
                "Les premiers vrais utilisateurs arrivent",
                "The first real users arrive",
            ),
            tx(
                "10 à 20 requêtes par utilisateur et par jour",
                "10-20 requests per user per day",
            ),
            tx("Le Pi 4 tient la charge", "The Pi 4 copes with the load"),
        ],
        recommendation: None,
        allocation: &[
            alloc(
                Resource::Cpu,
                3.0,
                3.5,
                CORES_USED,
                tx("Pointes à 80 %", "Peaks at 80%"),
            ),
            alloc(
                Resource::Ram,
                2.5,
                3.0,
                GB_USED,
                tx("Près du seuil", "Close to the threshold"),
            ),
            alloc(
                Resource::Disk,
                200.0,
                300.0,
                GB,
                tx("Croissance modérée", "Moderate growth"),
            ),
            alloc(
                Resource::Bandwidth,
                5.0,
                10.0,
                MBPS_AVG,
                tx("Acceptable", "Acceptable"),
            ),
        ],
        limits: &[
            reserved(limits(Service::Api, 1.0, 1024.0, 1), 768.0),
            limits(Service::Postgres, 0.8, 768.0, 1),
            limits(Service::Redis, 0.3, 256.0, 1),
            limits(Service::Nginx, 0.2, 256.0, 1),
        ],
        optimizations: &[
            tx(
                "PostgreSQL : relever work_mem et shared_buffers",
                "PostgreSQL: raise work_mem and shared_buffers",
            ),
            tx(
                "Redis : politique d'éviction maxmemory-policy allkeys-lru",
                "Redis: set maxmemory-policy to allkeys-lru",
            ),
            tx(
                "Node.js : max_old_space_size à 768 Mo",
                "Node.js: max_old_space_size of 768 MB",
            ),
        ],
        upgrades: &[],
        monthly_cost: Euros::zero(),
        monthly_cost_covers: tx("le Pi 4 est déjà là", "the Pi 4 is already there"),
        durability: Durability::Months {
            low: 6,
            high: 12,
            until: Some(tx("jusqu'à saturer la RAM", "until the RAM saturates")),
        },
        warning: None,
    },
    // Source, "Tier 3 : Consolidation (500-2000 utilisateurs)".
    Tier {
        number: 3,
        name: tx("Consolidation", "Consolidation"),
        min_users: 501,
        max_users: Some(2_000),
        profile: &[
            tx(
                "Des utilisateurs fidèles et réguliers",
                "Steady, regular users",
            ),
            tx(
                "20 à 30 requêtes par utilisateur et par jour",
                "20-30 requests per user per day",
            ),
            tx(
                "Les optimisations deviennent obligatoires",
                "Optimisations become necessary",
            ),
        ],
        recommendation: None,
        allocation: &[
            alloc(
                Resource::Cpu,
                3.5,
                4.0,
                CORES_USED,
                tx("Au plafond (100 %)", "Maxed out (100%)"),
            ),
            alloc(Resource::Ram, 3.5, 4.0, GB_USED, tx("Saturée", "Saturated")),
            alloc(
                Resource::Disk,
                500.0,
                800.0,
                GB,
                tx("Croissance rapide", "Fast growth"),
            ),
            alloc(
                Resource::Bandwidth,
                20.0,
                30.0,
                MBPS_AVG,
                tx(
                    "Au bout de ce que le réseau permet",
                    "At the network's limit",
                ),
            ),
        ],
        limits: &[
            reserved(limits(Service::Api, 2.0, 1500.0, 1), 1200.0),
            limits(Service::Postgres, 1.5, 1200.0, 1),
            limits(Service::Redis, 0.5, 512.0, 1),
            limits(Service::Nginx, 0.5, 256.0, 1),
        ],
        optimizations: &[
            tx(
                "PostgreSQL : mutualiser les connexions avec pgBouncer",
                "PostgreSQL: pool connections with pgBouncer",
            ),
            tx(
                "Ajouter des index sur deckId, userId et createdAt",
                "Add indexes on deckId, userId and createdAt",
            ),
            tx(
                "Lancer VACUUM ANALYZE chaque jour",
                "Run VACUUM ANALYZE every day",
            ),
            tx("Archiver les anciennes révisions", "Archive old revisions"),
            tx(
                "Redis : ramener la durée des sessions de 7 à 3 jours",
                "Redis: cut the session TTL from 7 days to 3",
            ),
            tx(
                "Redis : plafonner le cache à 256 Mo",
                "Redis: cap the cache at 256 MB",
            ),
            tx(
                "Redis : évincer les clés les moins récemment utilisées (LRU)",
                "Redis: evict the least recently used keys (LRU)",
            ),
        ],
        upgrades: &[
            Upgrade {
                item: tx(
                    "SSD 1 To (déjà recommandé)",
                    "1 TB SSD (already recommended)",
                ),
                price: Some(Euros::about(65)),
            },
            Upgrade {
                item: tx(
                    "Pas d'extension de RAM possible : le Pi 4 reste à 4 Go",
                    "No RAM upgrade possible: the Pi 4 is fixed at 4 GB",
                ),
                price: None,
            },
            Upgrade {
                item: tx("Dissipateur thermique", "Heatsink"),
                price: Some(Euros::about(10)),
            },
        ],
        monthly_cost: Euros::range(5, 10),
        monthly_cost_covers: tx(
            "électricité et connexion internet",
            "electricity and internet",
        ),
        durability: Durability::Months {
            low: 12,
            high: 24,
            until: Some(tx(
                "jusqu'à ce que le processeur devienne le goulot critique",
                "until the CPU becomes the critical limit",
            )),
        },
        warning: Some(tx(
            "Le Pi 4 B atteint sa limite critique au-delà de 2\u{202f}000 utilisateurs",
            "The Pi 4 B hits its critical limit beyond 2,000 users",
        )),
    },
    // Source, "Tier 4 : Scaling Vertical (2000-10000 utilisateurs)".
    Tier {
        number: 4,
        name: tx("Montée en puissance verticale", "Vertical scaling"),
        min_users: 2_001,
        max_users: Some(10_000),
        profile: &[
            tx("La croissance s'accélère", "Fast growth"),
            tx(
                "Il faut une machine plus puissante",
                "A more powerful machine is needed",
            ),
            super::PI_NOT_ENOUGH,
        ],
        recommendation: Some(super::TO_MINI_PC),
        allocation: &[],
        limits: &[
            limits(Service::Api, 4.0, 4096.0, 2),
            limits(Service::Postgres, 2.0, 4096.0, 1),
            limits(Service::Redis, 1.0, 1024.0, 1),
            limits(Service::Nginx, 1.0, 512.0, 1),
        ],
        optimizations: &[],
        upgrades: &[Upgrade {
            item: tx(
                "Mini PC (voir la liste du matériel)",
                "Mini PC (see the bill of materials)",
            ),
            price: Some(crate::source::hardware::MINI_PC_TOTAL),
        }],
        monthly_cost: Euros::range(20, 30),
        monthly_cost_covers: tx(
            "électricité et connexion internet",
            "electricity and internet",
        ),
        durability: Durability::Months {
            low: 24,
            high: 36,
            until: None,
        },
        warning: None,
    },
    // Source, "Tier 5 : Scaling Horizontal (10000+ utilisateurs)".
    Tier {
        number: 5,
        name: tx("Montée en puissance horizontale", "Horizontal scaling"),
        min_users: 10_001,
        max_users: None,
        profile: &[
            tx("Croissance massive", "Massive growth"),
            tx(
                "Il faut une architecture distribuée",
                "A distributed architecture is needed",
            ),
            tx(
                "Le Pi 4 est totalement dépassé",
                "The Pi 4 is COMPLETELY obsolete",
            ),
        ],
        recommendation: Some(tx(
            "Infrastructure cloud orchestrée par Kubernetes",
            "Cloud infrastructure run by Kubernetes",
        )),
        allocation: &[],
        limits: &[],
        optimizations: &[],
        upgrades: &[],
        monthly_cost: Euros::range(500, 2_000),
        monthly_cost_covers: tx("fournisseur cloud", "cloud provider"),
        durability: Durability::Unlimited(tx("s'étend sans limite", "scales without limit")),
        warning: None,
    },
];
