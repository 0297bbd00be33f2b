//! Source, section 2: the nine thresholds of the decision table.

mod common;
use common::plan_for;
use headroom_core::decision::{Metric, Severity, THRESHOLDS};
use headroom_core::Lang;

#[test]
fn the_nine_source_thresholds() {
    let table: Vec<(Metric, f64, Severity)> = THRESHOLDS
        .iter()
        .map(|t| (t.metric, t.threshold, t.severity))
        .collect();
    assert_eq!(
        table,
        [
            (Metric::Cpu, 70.0, Severity::Warning),
            (Metric::Cpu, 85.0, Severity::Urgent),
            (Metric::Ram, 80.0, Severity::Warning),
            (Metric::Ram, 95.0, Severity::Critical),
            (Metric::Disk, 80.0, Severity::Warning),
            (Metric::Disk, 95.0, Severity::Critical),
            (Metric::P95, 1_000.0, Severity::Warning),
            (Metric::P95, 3_000.0, Severity::Urgent),
            (Metric::Errors, 1.0, Severity::Warning),
        ]
    );
}

#[test]
fn actions_with_the_ram_row_corrected_and_noted() {
    let actions: Vec<&str> = THRESHOLDS.iter().map(|t| t.action.get(Lang::En)).collect();
    assert_eq!(actions[0], "Optimise the database queries");
    assert_eq!(actions[2], "Reduce the Redis TTL, archive data");
    assert!(THRESHOLDS[2]
        .source_note
        .unwrap()
        .get(Lang::En)
        .contains("increase the Redis TTL"));
    assert_eq!(
        THRESHOLDS
            .iter()
            .filter(|t| t.source_note.is_some())
            .count(),
        1
    );
}

#[test]
fn no_metrics_trigger_nothing() {
    assert!(plan_for("").triggered.is_empty());
}

#[test]
fn triggered_rows_most_severe_first() {
    let plan = plan_for("cpu=90&ram=96&p95=1500&err=2");
    let rows: Vec<(Metric, f64)> = plan
        .triggered
        .iter()
        .map(|t| (t.metric, t.threshold))
        .collect();
    assert_eq!(
        rows,
        [
            (Metric::Ram, 95.0), // critical
            (Metric::Cpu, 85.0), // urgent
            (Metric::Cpu, 70.0), // warnings, in table order
            (Metric::Ram, 80.0),
            (Metric::P95, 1_000.0),
            (Metric::Errors, 1.0),
        ]
    );
}

#[test]
fn thresholds_are_strictly_above() {
    assert!(plan_for("cpu=70&disk=80&err=1").triggered.is_empty());
    assert_eq!(plan_for("disk=95.5").triggered.len(), 2);
}

#[test]
fn measures_read_with_their_units() {
    assert_eq!(Metric::Cpu.format(70.0, Lang::En), "70%");
    assert_eq!(Metric::Cpu.format(70.0, Lang::Fr), "70\u{a0}%");
    assert_eq!(Metric::P95.format(3_000.0, Lang::En), "3,000\u{a0}ms");
}
