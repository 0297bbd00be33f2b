//! Shared by the measurement tests: the real outputs in tests/data/reports,
//! and a relative comparison.
#![allow(dead_code)]

/// The text of a fixture in tests/data/reports.
pub fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reports")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `actual` within a relative `tolerance` of `expected` (absolute near 0).
#[track_caller]
pub fn close(actual: f64, expected: f64, tolerance: f64) {
    let scale = expected.abs().max(1e-12);
    assert!(
        (actual - expected).abs() / scale <= tolerance,
        "{actual} is not within {tolerance} of {expected}"
    );
}
