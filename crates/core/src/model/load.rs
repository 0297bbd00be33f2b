//! The load to expect: requests, database size, cache and disk (source section 4).

use crate::base::units::{Megabytes, PerSecond};

/// Source, section 4: 20 requests per user per day below 2,000 users, 30 from there.
pub fn source_requests_per_user(users: u32) -> f64 {
    if users < 2_000 {
        20.0
    } else {
        30.0
    }
}

/// Source, tier 4: "5 MB per user" is 500 MB at 100 users ... 50 GB at 10,000.
pub const SOURCE_MB_PER_USER: f64 = 5.0;

/// Source, section 4, "Cache actif": (users, MB) at 100, 500, 2,000 and 10,000 users.
pub const CACHE_POINTS: [(f64, f64); 4] = [
    (100.0, 50.0),
    (500.0, 150.0),
    (2_000.0, 400.0),
    (10_000.0, 1_200.0),
];

/// Source, section 4, "Disque total": (users, MB) at 100, 500, 2,000 and 10,000 users.
pub const DISK_POINTS: [(f64, f64); 4] = [
    (100.0, 2_000.0),
    (500.0, 5_000.0),
    (2_000.0, 20_000.0),
    (10_000.0, 100_000.0),
];

const SECONDS_PER_DAY: f64 = 86_400.0;

/// Source, section 4: the user counts of its four load profiles.
pub const SOURCE_PROFILE_USERS: [u32; 4] = [100, 500, 2_000, 10_000];

/// The source's four load profiles, computed with its own rules (requests per
/// user by its rule, 5 MB per user, peak ratio `peak_ratio`).
pub fn source_profile(peak_ratio: f64) -> [(u32, Load); 4] {
    SOURCE_PROFILE_USERS.map(|users| {
        let load = Load::new(
            users,
            source_requests_per_user(users),
            peak_ratio,
            SOURCE_MB_PER_USER,
        );
        (users, load)
    })
}

/// The expected load for a number of users.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Load {
    pub requests_per_user: f64,
    pub requests_per_day: f64,
    pub requests_per_second: PerSecond,
    pub peak_requests_per_second: PerSecond,
    pub database: Megabytes,
    pub cache: Megabytes,
    pub disk: Megabytes,
}

impl Load {
    pub fn new(users: u32, requests_per_user: f64, peak_ratio: f64, mb_per_user: f64) -> Load {
        let users_f = f64::from(users);
        let requests_per_day = users_f * requests_per_user;
        let average = requests_per_day / SECONDS_PER_DAY;
        Load {
            requests_per_user,
            requests_per_day,
            requests_per_second: PerSecond(average),
            peak_requests_per_second: PerSecond(average * peak_ratio),
            database: Megabytes(users_f * mb_per_user),
            cache: Megabytes(interpolate(&CACHE_POINTS, users_f)),
            disk: Megabytes(interpolate(&DISK_POINTS, users_f)),
        }
    }
}

/// Piecewise-linear through `points`, through (0, 0) below the first one and
/// extended past the last one by the last segment's slope.
fn interpolate(points: &[(f64, f64)], x: f64) -> f64 {
    let mut previous = (0.0, 0.0);
    for &point in points {
        if x <= point.0 {
            return along(previous, point, x);
        }
        previous = point;
    }
    match points {
        [.., before, last] => along(*before, *last, x),
        _ => previous.1,
    }
}

fn along((x0, y0): (f64, f64), (x1, y1): (f64, f64), x: f64) -> f64 {
    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
}
