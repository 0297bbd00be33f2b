//! The machine a plan moves to next: its ceiling on the growth chart, and
//! when the plan lists the mini PC to buy (the page and the CLI ask the same
//! function).

mod common;
use common::plan_for;

#[test]
fn the_next_machines_ceiling_is_the_sources() {
    // Source, tier 4: the mini PC holds 2,000-10,000 users.
    assert_eq!(plan_for("users=500").destination_ceiling(), Some(10_000));
    assert_eq!(plan_for("users=1600").destination_ceiling(), Some(10_000));
    // Past the mini PC's 10,000 the Pi goes straight to the cloud: no ceiling.
    assert_eq!(plan_for("users=12000").destination_ceiling(), None);
    assert_eq!(
        plan_for("users=4000&host=minipc").destination_ceiling(),
        None
    );
    assert_eq!(
        plan_for("users=5000&host=cloud").destination_ceiling(),
        None
    );
}

#[test]
fn the_mini_pc_to_buy_from_tier_3_on_a_move_to_it() {
    // Tier 3 starts at 501 users (source: "500-2000"), where the Pi 4 nears
    // its limit; tier 4 is the mini PC itself.
    for users in [501, 1_600, 2_000, 3_000, 9_999] {
        let plan = plan_for(&format!("users={users}"));
        assert!(plan.buys_mini_pc(), "a Pi 4 at {users} users");
    }
    // Tiers 1 and 2: the source's Pi 4 still holds them, no machine to buy.
    for users in [0, 50, 100, 101, 300, 500] {
        let plan = plan_for(&format!("users={users}"));
        assert!(!plan.buys_mini_pc(), "a Pi 4 at {users} users");
    }
    // A mini PC already run, a move to the cloud, a custom machine.
    for query in [
        "users=4000&host=minipc",
        "users=12000",
        "users=5000&host=cloud",
        "users=800&host=custom&hcpu=8&hmem=8&hdisk=500",
    ] {
        assert!(!plan_for(query).buys_mini_pc(), "{query}");
    }
}

#[test]
fn the_position_in_percent() {
    // 300 users in tier 2 (101-500): 199 / 399 of the way.
    let percent = plan_for("users=300").position_percent().unwrap();
    assert!((percent - 100.0 * 199.0 / 399.0).abs() < 1e-9, "{percent}");
    assert_eq!(plan_for("users=500").position_percent(), Some(100.0));
    assert_eq!(plan_for("users=20000").position_percent(), None);
}
