//! Source, section 1: every tier's bounds, tables, limits, prices, costs and durability.

use headroom_core::hardware::{
    Host, MINI_PC_EXAMPLE, MINI_PC_PARTS, MINI_PC_TOTAL, TIER5_ARCHITECTURE,
};
use headroom_core::tier::{tier, tier_for, Durability, Resource, Service, TIERS};
use headroom_core::units::Euros;
use headroom_core::Lang;

#[test]
fn tiers_split_users_with_inclusive_upper_bounds() {
    let cases = [
        (0, 1),
        (100, 1),
        (101, 2),
        (500, 2),
        (501, 3),
        (2_000, 3),
        (2_001, 4),
        (10_000, 4),
        (10_001, 5),
        (100_000_000, 5),
    ];
    for (users, number) in cases {
        assert_eq!(tier_for(users).number, number, "{users} users");
    }
}

#[test]
fn tier_names_in_both_languages() {
    let names: Vec<&str> = TIERS.iter().map(|t| t.name.get(Lang::En)).collect();
    assert_eq!(
        names,
        [
            "Prototype / MVP",
            "Early growth",
            "Consolidation",
            "Vertical scaling",
            "Horizontal scaling"
        ]
    );
    assert!(TIERS.iter().all(|t| !t.name.get(Lang::Fr).is_empty()));
}

/// (tier, service, cpus, mem_limit MiB, mem_reservation MiB, replicas), as in the source's yaml blocks.
const SOURCE_LIMITS: [(u8, Service, f64, f64, Option<f64>, u32); 16] = [
    (1, Service::Api, 0.5, 512.0, Some(256.0), 1),
    (1, Service::Postgres, 0.3, 256.0, None, 1),
    (1, Service::Redis, 0.1, 128.0, None, 1),
    (1, Service::Nginx, 0.1, 128.0, None, 1),
    (2, Service::Api, 1.0, 1024.0, Some(768.0), 1),
    (2, Service::Postgres, 0.8, 768.0, None, 1),
    (2, Service::Redis, 0.3, 256.0, None, 1),
    (2, Service::Nginx, 0.2, 256.0, None, 1),
    (3, Service::Api, 2.0, 1500.0, Some(1200.0), 1),
    (3, Service::Postgres, 1.5, 1200.0, None, 1),
    (3, Service::Redis, 0.5, 512.0, None, 1),
    (3, Service::Nginx, 0.5, 256.0, None, 1),
    (4, Service::Api, 4.0, 4096.0, None, 2),
    (4, Service::Postgres, 2.0, 4096.0, None, 1),
    (4, Service::Redis, 1.0, 1024.0, None, 1),
    (4, Service::Nginx, 1.0, 512.0, None, 1),
];

#[test]
fn compose_limits_are_the_sources() {
    for (number, service, cpus, mem_limit, reservation, replicas) in SOURCE_LIMITS {
        let limits = tier(number).and_then(|t| t.limit(service)).expect("limits");
        assert_eq!(limits.cpus.0, cpus, "tier {number} {service:?}");
        assert_eq!(limits.mem_limit.0, mem_limit, "tier {number} {service:?}");
        assert_eq!(
            limits.mem_reservation.map(|m| m.0),
            reservation,
            "tier {number} {service:?}"
        );
        assert_eq!(limits.replicas, replicas, "tier {number} {service:?}");
    }
    assert!(TIERS[..4].iter().all(|t| t.limits.len() == 4));
    assert!(TIERS[4].limits.is_empty());
}

#[test]
fn hardware_allocation_tables_of_tiers_1_to_3() {
    // (tier, resource, low, high)
    let rows = [
        (1, Resource::Cpu, Some(2.0), 3.0),
        (1, Resource::Ram, Some(1.5), 2.0),
        (1, Resource::Disk, Some(50.0), 100.0),
        (1, Resource::Bandwidth, None, 1.0),
        (2, Resource::Cpu, Some(3.0), 3.5),
        (2, Resource::Ram, Some(2.5), 3.0),
        (2, Resource::Disk, Some(200.0), 300.0),
        (2, Resource::Bandwidth, Some(5.0), 10.0),
        (3, Resource::Cpu, Some(3.5), 4.0),
        (3, Resource::Ram, Some(3.5), 4.0),
        (3, Resource::Disk, Some(500.0), 800.0),
        (3, Resource::Bandwidth, Some(20.0), 30.0),
    ];
    for (number, resource, low, high) in rows {
        let t = tier(number).expect("tier");
        let row = t
            .allocation
            .iter()
            .find(|a| a.resource == resource)
            .expect("row");
        assert_eq!(
            (row.low, row.high),
            (low, high),
            "tier {number} {resource:?}"
        );
        assert!(!row.note.get(Lang::Fr).is_empty() && !row.note.get(Lang::En).is_empty());
    }
    assert_eq!(
        tier(2).unwrap().allocation[0].note.get(Lang::En),
        "Peaks at 80%"
    );
    assert!(TIERS[3..].iter().all(|t| t.allocation.is_empty()));
}

#[test]
fn monthly_costs() {
    let costs: Vec<Euros> = TIERS.iter().map(|t| t.monthly_cost).collect();
    assert_eq!(
        costs,
        [
            Euros::range(0, 0),
            Euros::range(0, 0),
            Euros::range(5, 10),
            Euros::range(20, 30),
            Euros::range(500, 2_000),
        ]
    );
    assert_eq!(TIERS[4].monthly_cost.display(Lang::En), "€500–2,000");
    assert_eq!(TIERS[2].monthly_cost.display(Lang::Fr), "5–10\u{a0}€");
}

#[test]
fn durability() {
    assert!(matches!(TIERS[0].durability, Durability::Unlimited(_)));
    assert!(matches!(
        TIERS[1].durability,
        Durability::Months {
            low: 6,
            high: 12,
            until: Some(_)
        }
    ));
    assert!(matches!(
        TIERS[2].durability,
        Durability::Months {
            low: 12,
            high: 24,
            until: Some(_)
        }
    ));
    assert!(matches!(
        TIERS[3].durability,
        Durability::Months {
            low: 24,
            high: 36,
            until: None
        }
    ));
    assert!(matches!(TIERS[4].durability, Durability::Unlimited(_)));
}

#[test]
fn tier_3_upgrades_and_warning() {
    let t3 = tier(3).unwrap();
    let prices: Vec<Option<Euros>> = t3.upgrades.iter().map(|u| u.price).collect();
    assert_eq!(
        prices,
        [Some(Euros::about(65)), None, Some(Euros::about(10))]
    );
    assert_eq!(Euros::about(65).display(Lang::En), "~€65");
    assert!(t3.warning.unwrap().get(Lang::En).contains("2,000"));
    assert_eq!(t3.optimizations.len(), 7);
}

#[test]
fn mini_pc_bill_of_materials() {
    let prices: Vec<(u32, u32)> = MINI_PC_PARTS
        .iter()
        .map(|p| (p.price.low, p.price.high))
        .collect();
    assert_eq!(prices, [(150, 200), (50, 70), (100, 150), (200, 300)]);
    assert_eq!(
        MINI_PC_PARTS[0].spec.get(Lang::En),
        "Intel i5-12400F or equivalent"
    );
    assert_eq!(MINI_PC_PARTS[1].spec.get(Lang::En), "16 GB DDR4");
    assert_eq!(MINI_PC_PARTS[2].spec.get(Lang::En), "2 TB SSD");
    // The source's total is the sum of its lines.
    let low: u32 = MINI_PC_PARTS.iter().map(|p| p.price.low).sum();
    let high: u32 = MINI_PC_PARTS.iter().map(|p| p.price.high).sum();
    assert_eq!(MINI_PC_TOTAL, Euros::range(500, 720));
    assert_eq!((low, high), (500, 720));
    assert_eq!(MINI_PC_EXAMPLE.spec.get(Lang::En), "Beelink SER5 PRO");
    assert_eq!(MINI_PC_EXAMPLE.price, Euros::range(400, 500));
    assert_eq!(tier(4).unwrap().upgrades[0].price, Some(MINI_PC_TOTAL));
}

#[test]
fn tier_5_architecture() {
    let nodes: Vec<usize> = TIER5_ARCHITECTURE.iter().map(|c| c.nodes.len()).collect();
    // Load balancer over 4 APIs, a primary and 2 read replicas, 3 Redis nodes.
    assert_eq!(nodes, [4, 3, 3]);
    assert_eq!(
        TIER5_ARCHITECTURE[1].nodes[0].get(Lang::En),
        "Primary (writes)"
    );
    assert!(tier(5)
        .unwrap()
        .recommendation
        .unwrap()
        .get(Lang::En)
        .contains("Kubernetes"));
}

#[test]
fn hosts() {
    let pi = Host::Pi4.machine().unwrap();
    assert_eq!(
        (pi.cores, pi.threads.0, pi.memory.0, pi.ceiling_users),
        (4, 4.0, 4_096.0, Some(2_000))
    );
    let mini = Host::MiniPc.machine().unwrap();
    assert_eq!(
        (
            mini.cores,
            mini.threads.0,
            mini.memory.0,
            mini.ceiling_users
        ),
        (6, 12.0, 16_384.0, Some(10_000))
    );
    assert_eq!(Host::Cloud.machine(), None);
}

/// Tier 4's words for a Pi owner ("the Pi 4 is NOT enough", "move to a
/// Linux mini PC") are not said to one who has the mini PC or the cloud.
#[test]
fn tier_texts_fit_the_users_machine() {
    let four = tier(4).unwrap();
    let words = |host: Host| -> Vec<&str> {
        four.profile_for(host)
            .map(|t| t.get(Lang::En))
            .chain(four.recommendation_for(host).map(|t| t.get(Lang::En)))
            .collect()
    };
    let pi = words(Host::Pi4);
    assert!(pi.contains(&"The Pi 4 is NOT enough") && pi.contains(&"Move to a Linux mini PC"));
    for host in [Host::MiniPc, Host::Cloud, Host::Custom] {
        let said = words(host).join(" | ");
        assert!(
            !said.contains("Pi 4") && !said.contains("mini PC"),
            "{host:?}: {said}"
        );
        assert!(said.contains("A more powerful machine is needed"), "{said}");
    }
}
