//! Source, section 4 "Profil de Charge Estimée par Tier": the four rows.

mod common;
use common::plan_for;
use headroom_core::Lang;

/// (users, requests/day, requests/s as printed, DB, cache, disk as printed)
const SOURCE_ROWS: [(u32, f64, &str, &str, &str, &str); 4] = [
    (100, 2_000.0, "0.02", "500 MB", "50 MB", "2 GB"),
    (500, 10_000.0, "0.1", "2.5 GB", "150 MB", "5 GB"),
    (2_000, 60_000.0, "0.7", "10 GB", "400 MB", "20 GB"),
    (10_000, 300_000.0, "3.5", "50 GB", "1.2 GB", "100 GB"),
];

fn plain(text: String) -> String {
    text.replace('\u{a0}', " ")
}

#[test]
fn the_four_source_rows_come_out_exactly() {
    for (users, per_day, per_second, db, cache, disk) in SOURCE_ROWS {
        let load = plan_for(&format!("users={users}")).load;
        assert_eq!(load.requests_per_day, per_day, "{users} users");
        assert_eq!(
            load.requests_per_second.display(Lang::En),
            per_second,
            "{users} users"
        );
        assert_eq!(plain(load.database.display(Lang::En)), db, "{users} users");
        assert_eq!(plain(load.cache.display(Lang::En)), cache, "{users} users");
        assert_eq!(plain(load.disk.display(Lang::En)), disk, "{users} users");
    }
}

#[test]
fn unrounded_values_are_the_formulas() {
    // 2,000 users x 30 requests / 86,400 s = 0.694 req/s; the source prints 0.7.
    let load = plan_for("users=2000").load;
    assert!((load.requests_per_second.0 - 60_000.0 / 86_400.0).abs() < 1e-12);
    assert!((load.peak_requests_per_second.0 - 4.0 * 60_000.0 / 86_400.0).abs() < 1e-12);
    assert_eq!(load.database.0, 10_000.0);
    assert_eq!(load.cache.0, 400.0);
    assert_eq!(load.disk.0, 20_000.0);
    let rates: Vec<f64> = [100, 500, 2_000, 10_000]
        .iter()
        .map(|u| plan_for(&format!("users={u}")).load.requests_per_second.0)
        .collect();
    let rounded: Vec<f64> = rates
        .iter()
        .map(|r| (r * 1_000.0).round() / 1_000.0)
        .collect();
    assert_eq!(rounded, [0.023, 0.116, 0.694, 3.472]);
}

#[test]
fn requests_per_user_follow_the_source_rule_unless_given() {
    assert_eq!(plan_for("users=1999").load.requests_per_user, 20.0);
    assert_eq!(plan_for("users=2000").load.requests_per_user, 30.0);
    assert!(plan_for("users=2000").uses_source_request_rule());
    let given = plan_for("users=2000&rpu=12.5");
    assert_eq!(given.load.requests_per_day, 25_000.0);
    assert!(!given.uses_source_request_rule());
}

#[test]
fn cache_and_disk_interpolate_between_and_beyond_the_points() {
    // Through (0, 0) below 100 users.
    assert_eq!(plan_for("users=50").load.cache.0, 25.0);
    assert_eq!(plan_for("users=0").load.disk.0, 0.0);
    // Halfway between 500 (150 MB) and 2,000 (400 MB).
    assert_eq!(plan_for("users=1250").load.cache.0, 275.0);
    // Past 10,000 by the last slope: 0.1 MB and 10 MB per user.
    let big = plan_for("users=20000").load;
    assert_eq!(big.cache.0, 2_200.0);
    assert_eq!(big.disk.0, 200_000.0);
}

#[test]
fn peak_and_database_inputs_scale_the_load() {
    let load = plan_for("users=1000&peak=10&mbpu=2").load;
    assert_eq!(load.database.0, 2_000.0);
    assert!((load.peak_requests_per_second.0 - 10.0 * 20_000.0 / 86_400.0).abs() < 1e-12);
}

#[test]
fn french_formats_sizes_and_rates_the_french_way() {
    let load = plan_for("users=500").load;
    assert_eq!(plain(load.database.display(Lang::Fr)), "2,5 Go");
    assert_eq!(load.requests_per_second.display(Lang::Fr), "0,1");
}

#[test]
fn the_source_profile_is_computed_by_the_core() {
    let rows = headroom_core::load::source_profile(4.0);
    for ((users, load), (source_users, per_day, per_second, db, cache, disk)) in
        rows.iter().zip(SOURCE_ROWS)
    {
        assert_eq!(*users, source_users);
        assert_eq!(load.requests_per_day, per_day);
        assert_eq!(load.requests_per_second.display(Lang::En), per_second);
        assert_eq!(plain(load.database.display(Lang::En)), db);
        assert_eq!(plain(load.cache.display(Lang::En)), cache);
        assert_eq!(plain(load.disk.display(Lang::En)), disk);
    }
}
