//! Kubernetes quantities as the API writes them: `8Gi`, `1536Mi`, `500m`,
//! never raw bytes.

use crate::base::units::{Cores, Mebibytes};

/// `8Gi` for whole gibibytes, else `1536Mi` (whole mebibytes, rounded up).
pub fn memory(m: Mebibytes) -> String {
    let mib = m.0.ceil().max(0.0) as u64;
    if mib > 0 && mib % 1024 == 0 {
        format!("{}Gi", mib / 1024)
    } else {
        format!("{mib}Mi")
    }
}

/// `370Gi`.
pub fn gibibytes(gib: u64) -> String {
    format!("{gib}Gi")
}

/// `4` for whole cores, else millicores: `500m`. Quoted by the writer, so
/// a whole number stays a string as the API returns it.
pub fn cpu(c: Cores) -> String {
    let milli = (c.0 * 1000.0).round().max(0.0) as u64;
    if milli % 1000 == 0 {
        (milli / 1000).to_string()
    } else {
        format!("{milli}m")
    }
}

/// Bytes a quantity stands for, for the checks: `8Gi`, `1536Mi`, `100M`.
pub fn parse_bytes(text: &str) -> Option<f64> {
    let units: [(&str, f64); 8] = [
        ("Ki", 1024.0),
        ("Mi", 1_048_576.0),
        ("Gi", 1_073_741_824.0),
        ("Ti", 1_099_511_627_776.0),
        ("k", 1e3),
        ("M", 1e6),
        ("G", 1e9),
        ("T", 1e12),
    ];
    let (number, scale) = units
        .iter()
        .find_map(|(suffix, scale)| text.strip_suffix(suffix).map(|n| (n, *scale)))
        .unwrap_or((text, 1.0));
    number.parse::<f64>().ok().map(|n| n * scale)
}

/// Cores a CPU quantity stands for: `4`, `500m`.
pub fn parse_cores(text: &str) -> Option<f64> {
    match text.strip_suffix('m') {
        Some(milli) => milli.parse::<f64>().ok().map(|m| m / 1000.0),
        None => text.parse().ok(),
    }
}
