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

/// One of the source's load profiles, as section 4 prints it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceProfile {
    pub users: u32,
    pub requests_per_user: f64,
    pub requests_per_day: f64,
    /// Rounded as the source prints it (0.02 for 2,000 / 86,400).
    pub requests_per_second: PerSecond,
    pub database: Megabytes,
    pub cache: Megabytes,
    pub disk: Megabytes,
}

/// Source, section 4, "Profil de Charge Estimée par Tier": its four profiles
/// with its own figures (1 GB = 1,000 MB, as the source counts).
pub const SOURCE_PROFILES: [SourceProfile; 4] = [
    SourceProfile {
        users: 100,
        requests_per_user: 20.0,
        requests_per_day: 2_000.0,
        requests_per_second: PerSecond(0.02),
        database: Megabytes(500.0),
        cache: Megabytes(50.0),
        disk: Megabytes(2_000.0),
    },
    SourceProfile {
        users: 500,
        requests_per_user: 20.0,
        requests_per_day: 10_000.0,
        requests_per_second: PerSecond(0.1),
        database: Megabytes(2_500.0),
        cache: Megabytes(150.0),
        disk: Megabytes(5_000.0),
    },
    SourceProfile {
        users: 2_000,
        requests_per_user: 30.0,
        requests_per_day: 60_000.0,
        requests_per_second: PerSecond(0.7),
        database: Megabytes(10_000.0),
        cache: Megabytes(400.0),
        disk: Megabytes(20_000.0),
    },
    SourceProfile {
        users: 10_000,
        requests_per_user: 30.0,
        requests_per_day: 300_000.0,
        requests_per_second: PerSecond(3.5),
        database: Megabytes(50_000.0),
        cache: Megabytes(1_200.0),
        disk: Megabytes(100_000.0),
    },
];

/// Source, section 4, "Cache actif": (users, MB) at 100, 500, 2,000 and 10,000 users.
pub const CACHE_POINTS: [(f64, f64); 4] = profile_points(Column::Cache);

/// Source, section 4, "Disque total": (users, MB) at 100, 500, 2,000 and 10,000 users.
pub const DISK_POINTS: [(f64, f64); 4] = profile_points(Column::Disk);

enum Column {
    Cache,
    Disk,
}

/// A column of [`SOURCE_PROFILES`] against the users: one table per fact.
const fn profile_points(column: Column) -> [(f64, f64); 4] {
    let mut points = [(0.0, 0.0); 4];
    let mut i = 0;
    while i < points.len() {
        let profile = &SOURCE_PROFILES[i];
        let megabytes = match column {
            Column::Cache => profile.cache,
            Column::Disk => profile.disk,
        };
        points[i] = (profile.users as f64, megabytes.0);
        i += 1;
    }
    points
}

const SECONDS_PER_DAY: f64 = 86_400.0;

/// Source, section 4: the user counts of its four load profiles.
pub const SOURCE_PROFILE_USERS: [u32; 4] = [
    SOURCE_PROFILES[0].users,
    SOURCE_PROFILES[1].users,
    SOURCE_PROFILES[2].users,
    SOURCE_PROFILES[3].users,
];

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curves_are_the_profiles_columns() {
        // Source, section 4, "Cache actif" and "Disque total", in MB.
        assert_eq!(
            CACHE_POINTS,
            [
                (100.0, 50.0),
                (500.0, 150.0),
                (2_000.0, 400.0),
                (10_000.0, 1_200.0)
            ]
        );
        assert_eq!(
            DISK_POINTS,
            [
                (100.0, 2_000.0),
                (500.0, 5_000.0),
                (2_000.0, 20_000.0),
                (10_000.0, 100_000.0)
            ]
        );
        assert_eq!(SOURCE_PROFILE_USERS, [100, 500, 2_000, 10_000]);
    }

    #[test]
    fn the_rules_give_the_source_profiles_at_its_rounding() {
        // The last digit the source prints for requests/s: 0.02, 0.1, 0.7, 3.5.
        let printed_step = [0.01, 0.1, 0.1, 0.1];
        for (((users, load), table), step) in source_profile(4.0)
            .iter()
            .zip(&SOURCE_PROFILES)
            .zip(printed_step)
        {
            assert_eq!(*users, table.users);
            assert_eq!(load.requests_per_user, table.requests_per_user, "{users}");
            assert_eq!(load.requests_per_day, table.requests_per_day, "{users}");
            assert_eq!(load.database, table.database, "{users}");
            assert_eq!(load.cache, table.cache, "{users}");
            assert_eq!(load.disk, table.disk, "{users}");
            let error = (load.requests_per_second.0 - table.requests_per_second.0).abs();
            assert!(error <= step / 2.0, "{users}: {error}");
        }
    }
}
