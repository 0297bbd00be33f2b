//! The budget check: limits plus the OS reserve against the machine.

mod common;
use common::plan_for;
use headroom_core::Host;

#[test]
fn tier_3_on_the_pi_leaves_84_mib_and_oversubscribes_the_cpu() {
    let budget = plan_for("users=1200").budget.expect("budget");
    assert_eq!(budget.host, Host::Pi4);
    // The source's 1500 + 1200 + 512 + 256 = 3468 MiB of limits, Headroom's
    // PgBouncer 32, plus 512 for the OS.
    assert_eq!(budget.memory_committed.0, 4_012.0);
    assert_eq!(budget.memory_left.0, 84.0);
    assert!(!budget.memory_overflows());
    // 2 + 1.5 + 0.5 + 0.5 + 0.25 = 4.75 cores on a 4-core Pi.
    assert_eq!(budget.cpus_committed.0, 4.75);
    assert!(budget.cpus_oversubscribed());
    assert_eq!(budget.cpu_ratio(), 1.1875);
    assert_eq!(budget.memory_ratio(), 4_012.0 / 4_096.0);
}

#[test]
fn the_budget_in_percent() {
    // Tier 3 on the Pi: 4.75 cores on 4 and 4,012 MiB on 4,096.
    let budget = plan_for("users=1200").budget.expect("budget");
    assert_eq!(budget.cpu_percent(), 118.75);
    assert!((budget.memory_percent() - 97.949_218_75).abs() < 1e-9);
}

#[test]
fn tiers_1_and_2_fit_the_pi() {
    let t1 = plan_for("users=50").budget.unwrap();
    assert_eq!(
        t1.memory_left.0,
        4_096.0 - 512.0 - (512.0 + 256.0 + 128.0 + 128.0)
    );
    assert!(!t1.cpus_oversubscribed());
    let t2 = plan_for("users=300").budget.unwrap();
    assert_eq!(
        t2.memory_left.0,
        4_096.0 - 512.0 - (1024.0 + 768.0 + 256.0 + 256.0)
    );
    // 1 + 0.8 + 0.3 + 0.2, without float noise (JSON prints it as is).
    assert_eq!(t2.cpus_committed.0, 2.3);
}

#[test]
fn tier_4_counts_both_api_replicas() {
    let on_mini = plan_for("users=5000&host=minipc").budget.unwrap();
    // 2 x 4096 + 4096 + 1024 + 512 = 13,824 MiB, + PgBouncer 32, + 512 = 14,368 of 16,384.
    assert_eq!(on_mini.memory_committed.0, 14_368.0);
    assert_eq!(on_mini.memory_left.0, 2_016.0);
    // 2 x 4 + 2 + 1 + 1 = the source's 12 of 12 logical CPUs, + PgBouncer's 0.25.
    assert_eq!(on_mini.cpus_committed.0, 12.25);
    assert!(on_mini.cpus_oversubscribed());
    // The same limits on the Pi overflow.
    let on_pi = plan_for("users=5000&host=pi4").budget.unwrap();
    assert!(on_pi.memory_overflows());
    assert_eq!(on_pi.memory_left.0, 4_096.0 - 14_368.0);
}

#[test]
fn the_cloud_is_checked_on_the_tiers_own_machine_and_tier_5_not_at_all() {
    assert_eq!(
        plan_for("users=1200&host=cloud").budget.unwrap().host,
        Host::Pi4
    );
    assert_eq!(
        plan_for("users=5000&host=cloud").budget.unwrap().host,
        Host::MiniPc
    );
    assert!(plan_for("users=20000").budget.is_none());
}
