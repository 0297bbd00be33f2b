//! When to act on measured metrics: the source's decision table (section 2).

use crate::base::text::{self, tx, Lang, Text};

/// Measured averages from the running host; each is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// `cpu`: average CPU use, percent.
    pub cpu: Option<f64>,
    /// `ram`: memory use, percent.
    pub ram: Option<f64>,
    /// `disk`: disk use, percent.
    pub disk: Option<f64>,
    /// `p95`: 95th-percentile latency, milliseconds.
    pub p95_ms: Option<f64>,
    /// `err`: share of 5xx responses, percent.
    pub errors: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    Cpu,
    Ram,
    Disk,
    P95,
    Errors,
}

impl Metric {
    /// Every metric of the table, in its order.
    pub const ALL: [Metric; 5] = [
        Metric::Cpu,
        Metric::Ram,
        Metric::Disk,
        Metric::P95,
        Metric::Errors,
    ];

    pub fn name(self) -> Text {
        match self {
            Metric::Cpu => tx("Utilisation CPU (moyenne)", "CPU use (average)"),
            Metric::Ram => tx("RAM utilisée", "RAM in use"),
            Metric::Disk => tx("Disque utilisé", "Disk in use"),
            Metric::P95 => tx("Latence p95", "p95 latency"),
            Metric::Errors => tx("Erreurs 5xx", "5xx errors"),
        }
    }

    /// The query key that carries the measurement.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Cpu => "cpu",
            Metric::Ram => "ram",
            Metric::Disk => "disk",
            Metric::P95 => "p95",
            Metric::Errors => "err",
        }
    }

    /// A value of this metric with its unit: `70%` / `70 %`, `1,000 ms`.
    pub fn format(self, value: f64, lang: Lang) -> String {
        match self {
            Metric::P95 => format!("{}\u{a0}ms", text::number(value, 0, lang)),
            _ => text::percent(value, 1, lang),
        }
    }

    /// The measurement given for this metric, if any.
    pub fn measured(self, metrics: &Metrics) -> Option<f64> {
        match self {
            Metric::Cpu => metrics.cpu,
            Metric::Ram => metrics.ram,
            Metric::Disk => metrics.disk,
            Metric::P95 => metrics.p95_ms,
            Metric::Errors => metrics.errors,
        }
    }
}

/// How pressing an action is; the order is the severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Urgent,
    Critical,
}

impl Severity {
    /// A CSS class name.
    pub fn class(self) -> &'static str {
        match self {
            Severity::Warning => "severity-warning",
            Severity::Urgent => "severity-urgent",
            Severity::Critical => "severity-critical",
        }
    }

    pub fn name(self) -> Text {
        match self {
            Severity::Warning => tx("Alerte", "Warning"),
            Severity::Urgent => tx("URGENT", "URGENT"),
            Severity::Critical => tx("CRITIQUE", "CRITICAL"),
        }
    }
}

/// A row of the decision table: above `threshold`, do `action`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Threshold {
    pub metric: Metric,
    /// Exceeded when the measurement is strictly above it (`%` or `ms`).
    pub threshold: f64,
    pub severity: Severity,
    pub action: Text,
    /// Where Headroom departs from the source's wording, why.
    pub source_note: Option<Text>,
}

/// Source, section 2, "Tableau de Décision : Quand Upgrader ?", in its order.
pub const THRESHOLDS: [Threshold; 9] = [
    Threshold {
        metric: Metric::Cpu,
        threshold: 70.0,
        severity: Severity::Warning,
        action: tx("Optimiser les requêtes SQL", "Optimise the database queries"),
        source_note: None,
    },
    Threshold {
        metric: Metric::Cpu,
        threshold: 85.0,
        severity: Severity::Urgent,
        action: tx("Changer de matériel", "Upgrade the hardware"),
        source_note: None,
    },
    Threshold {
        metric: Metric::Ram,
        threshold: 80.0,
        severity: Severity::Warning,
        action: tx(
            "Réduire le TTL Redis, archiver des données",
            "Reduce the Redis TTL, archive data",
        ),
        source_note: Some(tx(
            "La source écrit « augmenter le TTL Redis », ce qui garderait plus de clés en mémoire ; son palier 3 le réduit de 7 à 3 jours, d'où « réduire ».",
            "The source says \"increase the Redis TTL\", which would keep more keys in memory; its tier 3 cuts it from 7 days to 3, hence \"reduce\".",
        )),
    },
    Threshold {
        metric: Metric::Ram,
        threshold: 95.0,
        severity: Severity::Critical,
        action: tx("Risque de manque de mémoire (OOM)", "Out-of-memory risk"),
        source_note: None,
    },
    Threshold {
        metric: Metric::Disk,
        threshold: 80.0,
        severity: Severity::Warning,
        action: tx("Purger les journaux, archiver", "Clean up logs, archive"),
        source_note: None,
    },
    Threshold {
        metric: Metric::Disk,
        threshold: 95.0,
        severity: Severity::Critical,
        action: tx("Arrêt automatique imminent", "Automatic shutdown ahead"),
        source_note: None,
    },
    Threshold {
        metric: Metric::P95,
        threshold: 1_000.0,
        severity: Severity::Warning,
        action: tx("Analyser les requêtes lentes", "Analyse the slow queries"),
        source_note: None,
    },
    Threshold {
        metric: Metric::P95,
        threshold: 3_000.0,
        severity: Severity::Urgent,
        action: tx("Décider de la montée en charge", "Decide on scaling"),
        source_note: None,
    },
    Threshold {
        metric: Metric::Errors,
        threshold: 1.0,
        severity: Severity::Warning,
        action: tx("Déboguer les plantages de l'API", "Debug the API crashes"),
        source_note: None,
    },
];

/// The rows the measured metrics trigger, most severe first, then in the
/// table's order.
pub fn triggered(metrics: &Metrics) -> Vec<&'static Threshold> {
    [Severity::Critical, Severity::Urgent, Severity::Warning]
        .into_iter()
        .flat_map(|severity| {
            THRESHOLDS
                .iter()
                .filter(move |row| row.severity == severity && trips(row, metrics))
        })
        .collect()
}

/// Whether a measured value trips a row (for marking the table).
pub fn trips(row: &Threshold, metrics: &Metrics) -> bool {
    row.metric
        .measured(metrics)
        .is_some_and(|value| value > row.threshold)
}

/// A row of the decision table against the user's measurements.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub row: &'static Threshold,
    /// The measurement of the row's metric, if given.
    pub measured: Option<f64>,
    /// Whether the measurement is past the row's threshold.
    pub tripped: bool,
}

/// The whole table, in its order, each row with what was measured for it.
pub fn readings(metrics: &Metrics) -> Vec<Reading> {
    THRESHOLDS
        .iter()
        .map(|row| Reading {
            row,
            measured: row.metric.measured(metrics),
            tripped: trips(row, metrics),
        })
        .collect()
}

/// Whether any metric of the table was measured.
pub fn any_measured(metrics: &Metrics) -> bool {
    Metric::ALL
        .into_iter()
        .any(|metric| metric.measured(metrics).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_mark_the_rows_past_the_source_thresholds() {
        let metrics = Metrics {
            cpu: Some(75.0),
            ram: Some(96.0),
            // The source writes "> 1s": exactly 1,000 ms trips nothing.
            p95_ms: Some(1_000.0),
            ..Metrics::default()
        };
        let readings = readings(&metrics);
        let table: Vec<(Metric, f64, Option<f64>, bool)> = readings
            .iter()
            .map(|r| (r.row.metric, r.row.threshold, r.measured, r.tripped))
            .collect();
        // Source, section 2, in its order.
        assert_eq!(
            table,
            [
                (Metric::Cpu, 70.0, Some(75.0), true),
                (Metric::Cpu, 85.0, Some(75.0), false),
                (Metric::Ram, 80.0, Some(96.0), true),
                (Metric::Ram, 95.0, Some(96.0), true),
                (Metric::Disk, 80.0, None, false),
                (Metric::Disk, 95.0, None, false),
                (Metric::P95, 1_000.0, Some(1_000.0), false),
                (Metric::P95, 3_000.0, Some(1_000.0), false),
                (Metric::Errors, 1.0, None, false),
            ]
        );
    }

    #[test]
    fn any_measured_sees_each_metric() {
        assert!(!any_measured(&Metrics::default()));
        let only_errors = Metrics {
            errors: Some(0.5),
            ..Metrics::default()
        };
        assert!(any_measured(&only_errors));
        let only_disk = Metrics {
            disk: Some(10.0),
            ..Metrics::default()
        };
        assert!(any_measured(&only_disk));
    }
}
