//! Migration timing: users(t) = users x (1 + growth/100)^t.

mod common;
use common::plan_for;
use headroom_core::timing::{eta, months_until, users_after, Eta, HORIZON_MONTHS};
use headroom_core::{Verdict, YearMonth};

fn november_2026() -> YearMonth {
    YearMonth::new(2026, 11).unwrap()
}

#[test]
fn plain_case_500_users_at_15_percent_reach_1500_in_7_86_months() {
    let months = months_until(500.0, 15.0, 1_500.0).unwrap();
    assert_eq!(months, 3f64.ln() / 1.15f64.ln());
    assert_eq!((months * 100.0).round() / 100.0, 7.86);
    // Phase 1 on the Pi starts at 75% of its 2,000-user ceiling = 1,500 users.
    let timing = plan_for("").host_timing.unwrap();
    assert_eq!(timing.migration_start_users, 1_500.0);
    assert_eq!(timing.migration_start.months(), Some(months));
    // 7.86 months after November 2026 falls in June 2027.
    assert_eq!(
        timing.migration_start,
        Eta::In {
            months,
            month: YearMonth::new(2027, 6).unwrap()
        }
    );
    // 2,000 users: ln 4 / ln 1.15 = 9.92 months, in August 2027.
    let ceiling = timing.ceiling.months().unwrap();
    assert_eq!((ceiling * 100.0).round() / 100.0, 9.92);
    assert!(
        matches!(timing.ceiling, Eta::In { month, .. } if month == YearMonth::new(2027, 8).unwrap())
    );
}

#[test]
fn calendar_months_count_from_start() {
    let timing = plan_for("start=2027-03").host_timing.unwrap();
    assert!(
        matches!(timing.migration_start, Eta::In { month, .. } if month.to_string() == "2027-10")
    );
    // Across a year end: 11 months from 2026-11 is 2027-10.
    assert_eq!(november_2026().plus_months(11).to_string(), "2027-10");
    assert_eq!(november_2026().plus_months(120).to_string(), "2036-11");
}

#[test]
fn zero_or_negative_growth_never_gets_there() {
    assert_eq!(months_until(500.0, 0.0, 1_500.0), None);
    assert_eq!(months_until(500.0, -10.0, 1_500.0), None);
    assert_eq!(eta(500, 0.0, 1_500.0, november_2026()), Eta::Beyond);
    let timing = plan_for("growth=-90").host_timing.unwrap();
    assert_eq!(timing.migration_start, Eta::Beyond);
    assert_eq!(timing.ceiling, Eta::Beyond);
    // Shrinking users: the projection goes down.
    assert_eq!(users_after(1_000, -50.0, 1.0), 500.0);
}

#[test]
fn zero_users_never_grow() {
    assert_eq!(months_until(0.0, 15.0, 1_500.0), None);
    assert_eq!(
        plan_for("users=0").host_timing.unwrap().ceiling,
        Eta::Beyond
    );
    assert!(plan_for("users=0").projection.iter().all(|&u| u == 0.0));
}

#[test]
fn already_overdue() {
    assert_eq!(months_until(2_500.0, 15.0, 2_000.0), Some(0.0));
    let plan = plan_for("users=2500");
    let timing = plan.host_timing.unwrap();
    assert_eq!(timing.migration_start, Eta::Overdue);
    assert_eq!(timing.ceiling, Eta::Overdue);
    assert_eq!(timing.ceiling.months(), Some(0.0));
    assert_eq!(plan.verdict, Verdict::OverCeiling);
    // Overdue even without growth.
    assert_eq!(eta(2_000, -5.0, 1_500.0, november_2026()), Eta::Overdue);
    assert_eq!(plan_for("users=1500").verdict, Verdict::StartMigration);
    assert_eq!(plan_for("users=1999").verdict, Verdict::StartMigration);
    // At exactly the ceiling the migration is overdue, as the ceiling's date says.
    assert_eq!(plan_for("users=2000").verdict, Verdict::OverCeiling);
    assert_eq!(
        plan_for("users=2000").host_timing.unwrap().ceiling,
        Eta::Overdue
    );
    assert_eq!(
        plan_for("users=10000&host=minipc").verdict,
        Verdict::OverCeiling
    );
    assert_eq!(plan_for("users=1499").verdict, Verdict::Fits);
}

#[test]
fn the_horizon_is_120_months() {
    assert_eq!(HORIZON_MONTHS, 120.0);
    // 1% a month from 500 to 1,500: ln 3 / ln 1.01 = 110.4 months, within.
    assert!(months_until(500.0, 1.0, 1_500.0).is_some_and(|m| (m - 110.41).abs() < 0.01));
    // From 500 to 2,000: ln 4 / ln 1.01 = 139.3 months, beyond.
    assert_eq!(months_until(500.0, 1.0, 2_000.0), None);
    let timing = plan_for("growth=1").host_timing.unwrap();
    assert!(matches!(timing.migration_start, Eta::In { .. }));
    assert_eq!(timing.ceiling, Eta::Beyond);
    assert_eq!(timing.ceiling.months(), None);
}

#[test]
fn the_cloud_has_no_migration_dates() {
    let plan = plan_for("host=cloud&users=50000");
    assert_eq!(plan.host_timing, None);
    assert_eq!(plan.verdict, Verdict::NoCeiling);
}

#[test]
fn the_mini_pc_migrates_at_7500_and_runs_out_at_10000() {
    let timing = plan_for("host=minipc&users=5000").host_timing.unwrap();
    assert_eq!(timing.migration_start_users, 7_500.0);
    assert_eq!(timing.ceiling_users, 10_000);
    let expected = (7_500f64 / 5_000.0).ln() / 1.15f64.ln();
    assert_eq!(timing.migration_start.months(), Some(expected));
}

#[test]
fn projection_covers_36_months() {
    let projection = plan_for("users=1000&growth=10").projection;
    assert_eq!(projection.len(), 37);
    assert_eq!(projection[0], 1_000.0);
    assert!((projection[12] - 1_000.0 * 1.1f64.powi(12)).abs() < 1e-9);
}

#[test]
fn durations_read_in_both_languages() {
    let eta = Eta::In {
        months: 7.86,
        month: YearMonth::new(2027, 6).unwrap(),
    };
    assert_eq!(
        eta.describe(headroom_core::Lang::En),
        "June 2027 (in 7.9 months)"
    );
    assert_eq!(
        eta.describe(headroom_core::Lang::Fr),
        "juin 2027 (dans 7,9\u{a0}mois)"
    );
    assert_eq!(
        Eta::Beyond.describe(headroom_core::Lang::En),
        "not within 10 years"
    );
}

#[test]
fn months_between_two_months() {
    let month = |y, m| headroom_core::YearMonth::new(y, m).unwrap();
    assert_eq!(month(2026, 11).months_since(month(2026, 5)), 6);
    assert_eq!(month(2027, 1).months_since(month(2026, 12)), 1);
    assert_eq!(month(2026, 5).months_since(month(2026, 11)), -6);
}

/// "In N months" counts from today's date: the projection starts on the
/// first of its month, and the days (or months) since are behind the
/// reader; the calendar month of the event does not move.
#[test]
fn in_n_months_counts_from_today() {
    use headroom_core::base::month::Origin;
    let start = YearMonth::new(2026, 12).unwrap();
    let first = Origin {
        start,
        today: start,
        day: 1,
    };
    let twentieth = Origin {
        start,
        today: start,
        day: 21,
    };
    // 1,000 users at 10% a month reach 2,000 in ln 2 / ln 1.1 = 7.27 months.
    let from_first = eta(1_000, 10.0, 2_000.0, first);
    let from_21st = eta(1_000, 10.0, 2_000.0, twentieth);
    let months = 2f64.ln() / 1.1f64.ln();
    assert!((from_first.months().unwrap() - months).abs() < 1e-9);
    assert!((from_21st.months().unwrap() - (months - 20.0 / 31.0)).abs() < 1e-9);
    let Eta::In { month: a, .. } = from_first else {
        panic!()
    };
    let Eta::In { month: b, .. } = from_21st else {
        panic!()
    };
    assert_eq!(a, b, "the same calendar month");
    // A projection started six months ago: six months are gone.
    let earlier = Origin {
        start: YearMonth::new(2026, 6).unwrap(),
        today: start,
        day: 1,
    };
    let e = eta(1_000, 10.0, 2_000.0, earlier);
    assert!((e.months().unwrap() - (months - 6.0)).abs() < 1e-9);
    // And one reached since the start is overdue now.
    let long_ago = Origin {
        start: YearMonth::new(2025, 6).unwrap(),
        today: start,
        day: 1,
    };
    assert_eq!(eta(1_000, 10.0, 2_000.0, long_ago), Eta::Overdue);
    // The days of a month, leap years included.
    assert_eq!(YearMonth::new(2028, 2).unwrap().days(), 29);
    assert_eq!(YearMonth::new(2100, 2).unwrap().days(), 28);
    assert_eq!(YearMonth::day_from_unix_seconds(1_796_083_200), 1);
}
