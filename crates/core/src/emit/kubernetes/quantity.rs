//! Kubernetes quantities as the API writes them: `8Gi`, `1536Mi`, `500m`,
//! never raw bytes.

use crate::base::units::{self, Cores, Mebibytes};

/// `8Gi` for whole gibibytes, else `1536Mi` (whole mebibytes, rounded up).
pub fn memory(m: Mebibytes) -> String {
    let mib = m.0.ceil().max(0.0) as u64;
    let gib = Mebibytes(mib as f64).gibibytes();
    if mib > 0 && gib.fract() == 0.0 {
        format!("{gib}Gi")
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
    let milli = c.millicores().round().max(0.0) as u64;
    let cores = Cores::from_millicores(milli as f64).0;
    if cores.fract() == 0.0 {
        cores.to_string()
    } else {
        format!("{milli}m")
    }
}

/// Bytes a quantity stands for, for the checks: `8Gi`, `1536Mi`, `100M`.
pub fn parse_bytes(text: &str) -> Option<f64> {
    let units: [(&str, f64); 8] = [
        ("Ki", units::KIBIBYTE),
        ("Mi", units::MEBIBYTE),
        ("Gi", units::GIBIBYTE),
        ("Ti", units::TEBIBYTE),
        ("k", units::KILO),
        ("M", units::MEGA),
        ("G", units::GIGA),
        ("T", units::TERA),
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
        Some(milli) => milli
            .parse::<f64>()
            .ok()
            .map(|m| Cores::from_millicores(m).0),
        None => text.parse().ok(),
    }
}
