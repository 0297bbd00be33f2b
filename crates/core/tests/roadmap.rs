//! Source, section 7: the five roadmap steps, and the projected one.

mod common;
use common::plan_for;
use headroom_core::roadmap::{Lasts, ROADMAP};
use headroom_core::timing::Eta;
use headroom_core::units::Euros;
use headroom_core::Lang;

/// (step, tier, from month, to month, action, price)
type Row = (u8, u8, u32, Option<u32>, &'static str, Option<Euros>);

#[test]
fn the_five_source_steps() {
    let steps: Vec<Row> = ROADMAP
        .iter()
        .map(|s| {
            (
                s.number,
                s.tier,
                s.from_month,
                s.to_month,
                s.action.get(Lang::En),
                s.price,
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (1, 1, 0, Some(3), "MVP on the Pi 4", None),
            (2, 2, 3, Some(9), "Tune the Pi 4", None),
            (3, 3, 9, Some(18), "SSD upgrade", Some(Euros::range(65, 65))),
            (4, 4, 18, Some(24), "Mini PC", Some(Euros::range(500, 500))),
            (5, 5, 24, None, "Cloud + Kubernetes", None),
        ]
    );
}

#[test]
fn projected_starts_for_500_users_at_15_percent() {
    let roadmap = plan_for("").roadmap;
    assert_eq!(roadmap[0].starts, Eta::Overdue);
    assert_eq!(roadmap[1].starts, Eta::Overdue);
    // 500 users are tier 2's top: tier 3 starts at 501, within the month.
    let growth = 1.15f64.ln();
    assert_eq!(
        roadmap[2].starts.months(),
        Some((501f64 / 500.0).ln() / growth)
    );
    // Tier 4 at 2,001 users; tier 5 at 10,001, after 21.4 months: August 2028.
    assert_eq!(
        roadmap[3].starts.months(),
        Some((2_001f64 / 500.0).ln() / growth)
    );
    assert_eq!(
        roadmap[4].starts.months(),
        Some((10_001f64 / 500.0).ln() / growth)
    );
    assert!(matches!(roadmap[4].starts, Eta::In { month, .. } if month.to_string() == "2028-08"));
}

#[test]
fn computed_durability_beside_the_sources() {
    let roadmap = plan_for("users=300").roadmap;
    assert_eq!(roadmap[0].lasts, Lasts::Past);
    // The current tier: from 300 users to the next tier's first, 501.
    assert_eq!(
        roadmap[1].lasts,
        Lasts::Months((501f64 / 300.0).ln() / 1.15f64.ln())
    );
    // Later tiers: from their first user to the next tier's, 501 -> 2,001
    // and 2,001 -> 10,001: exactly the gap between two steps' starts.
    assert_eq!(
        roadmap[2].lasts,
        Lasts::Months((2_001f64 / 501.0).ln() / 1.15f64.ln())
    );
    assert_eq!(
        roadmap[3].lasts,
        Lasts::Months((10_001f64 / 2_001.0).ln() / 1.15f64.ln())
    );
    for pair in roadmap.windows(2).skip(1) {
        let (Lasts::Months(lasts), Some(start), Some(next)) = (
            pair[0].lasts,
            pair[0].starts.months(),
            pair[1].starts.months(),
        ) else {
            continue;
        };
        assert!(
            (start + lasts - next).abs() < 1e-9,
            "{} + {} != {}",
            start,
            lasts,
            next
        );
    }
    // At a tier's last user (100 on tier 1), the tier lasts as long as the
    // next step takes to start: one boundary rule for both.
    let edge = plan_for("users=100").roadmap;
    let Lasts::Months(lasts) = edge[0].lasts else {
        panic!("tier 1 should last a little: {:?}", edge[0].lasts);
    };
    assert_eq!(Some(lasts), edge[1].starts.months());
    assert_eq!(roadmap[4].lasts, Lasts::Unlimited);
    // Without growth nothing is ever left.
    assert_eq!(
        plan_for("users=300&growth=0").roadmap[1].lasts,
        Lasts::Beyond
    );
}
