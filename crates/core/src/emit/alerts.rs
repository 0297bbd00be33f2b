//! The decision table as Prometheus alerting rules (`headroom-alerts.yml`):
//! host CPU, memory and disk from node_exporter, each container's memory
//! against the override's `mem_limit` from cAdvisor, p95 latency and the
//! share of 5xx from the API's request-duration histogram. Every rule's
//! annotation is the table's action, in the plan's language.

use crate::base::text::Lang;
use crate::base::units::MS_PER_SECOND;
use crate::emit::yaml::single_quoted;
use crate::settings::pooler;
use crate::settings::tuning::POOLED_FROM_TIER;
use crate::source::decision::{Metric, Severity, THRESHOLDS};
use crate::source::tier::{Service, Tier};
use std::fmt::Write;

/// The file name the page and the CLI give the rules.
pub const FILE_NAME: &str = "headroom-alerts.yml";
/// The request-duration histogram prom-client's and most Node exporters'
/// examples name; its `code` label holds the HTTP status.
pub const DEFAULT_HISTOGRAM: &str = "http_request_duration_seconds";
/// How long a condition must hold: the table speaks of averages.
const FOR: &str = "15m";

/// A valid Prometheus metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`.
pub fn is_metric_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

/// The PromQL expression whose value is compared with a row's threshold, in
/// the table's unit (percent or milliseconds).
fn expression(metric: Metric, histogram: &str) -> String {
    match metric {
        Metric::Cpu => "100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m])))".to_owned(),
        Metric::Ram => "100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)".to_owned(),
        Metric::Disk => "100 * (1 - node_filesystem_avail_bytes{fstype!~\"tmpfs|overlay\"} / node_filesystem_size_bytes{fstype!~\"tmpfs|overlay\"})".to_owned(),
        // The histogram counts seconds, the table milliseconds.
        Metric::P95 => format!("{MS_PER_SECOND} * histogram_quantile(0.95, sum by (le) (rate({histogram}_bucket[5m])))"),
        Metric::Errors => format!("100 * sum(rate({histogram}_count{{code=~\"5..\"}}[5m])) / sum(rate({histogram}_count[5m]))"),
    }
}

fn alert_name(metric: Metric, severity: Severity) -> String {
    let metric = match metric {
        Metric::Cpu => "HostCpu",
        Metric::Ram => "HostMemory",
        Metric::Disk => "HostDisk",
        Metric::P95 => "LatencyP95",
        Metric::Errors => "Http5xx",
    };
    format!("{metric}{}", severity_word(severity))
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Warning => "Warning",
        Severity::Urgent => "Urgent",
        Severity::Critical => "Critical",
    }
}

/// The rules for `tier`'s override (its containers' limits), the histogram
/// named `histogram`, annotations in `lang`.
pub fn rules_yaml(tier: &Tier, histogram: &str, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# {FILE_NAME} made by Headroom: {}",
        if fr {
            "le tableau de décision de la source en règles d'alerte Prometheus."
        } else {
            "the source's decision table as Prometheus alerting rules."
        }
    );
    y.push_str("groups:\n  - name: headroom-decision-table\n    rules:\n");
    for row in &THRESHOLDS {
        let expr = format!("{} > {}", expression(row.metric, histogram), row.threshold);
        let threshold = row.metric.format(row.threshold, lang);
        let summary = format!("{} > {threshold}", row.metric.name().get(lang));
        rule(
            &mut y,
            &alert_name(row.metric, row.severity),
            &expr,
            row.severity,
            &summary,
            row.action.get(lang),
        );
    }
    // Every container the override limits, PgBouncer too from tier 3.
    let pooler =
        (tier.number >= POOLED_FROM_TIER).then_some((Service::PgBouncer, pooler::MEM_LIMIT));
    let containers = tier
        .limits
        .iter()
        .map(|l| (l.service, l.mem_limit))
        .chain(pooler);
    for (service, mem_limit) in containers {
        let service = service.name();
        let bytes = mem_limit.bytes();
        // Compose names containers <project>-<service>-<n>.
        let expr_base = format!(
            "100 * max by (name) (container_memory_working_set_bytes{{name=~\".+[-_]{service}[-_][0-9]+\"}}) / {bytes}"
        );
        // The decision table's RAM rows, applied to each container against
        // its own `mem_limit`.
        for row in THRESHOLDS.iter().filter(|row| row.metric == Metric::Ram) {
            let (threshold, severity) = (row.threshold, row.severity);
            let summary = if fr {
                format!(
                    "Mémoire du conteneur {service} > {threshold} % de son mem_limit ({}m)",
                    mem_limit.0
                )
            } else {
                format!(
                    "Container {service} memory > {threshold}% of its mem_limit ({}m)",
                    mem_limit.0
                )
            };
            let action = row.action.get(lang);
            let name = format!(
                "Container{}Memory{}",
                capitalised(service),
                severity_word(severity)
            );
            rule(
                &mut y,
                &name,
                &format!("{expr_base} > {threshold}"),
                severity,
                &summary,
                action,
            );
        }
    }
    y
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn rule(y: &mut String, name: &str, expr: &str, severity: Severity, summary: &str, action: &str) {
    let _ = writeln!(y, "      - alert: {name}");
    let _ = writeln!(y, "        expr: {}", single_quoted(expr));
    let _ = writeln!(y, "        for: {FOR}");
    let _ = writeln!(y, "        labels:");
    let _ = writeln!(
        y,
        "          severity: {}",
        severity_word(severity).to_ascii_lowercase()
    );
    let _ = writeln!(y, "        annotations:");
    let _ = writeln!(y, "          summary: {}", single_quoted(summary));
    let _ = writeln!(y, "          action: {}", single_quoted(action));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Threshold;
    use crate::tier::TIERS;

    #[test]
    fn the_container_rules_are_the_decision_tables_ram_rows() {
        let yaml = rules_yaml(&TIERS[2], DEFAULT_HISTOGRAM, Lang::En);
        let ram: Vec<&Threshold> = THRESHOLDS
            .iter()
            .filter(|row| row.metric == Metric::Ram)
            .collect();
        assert!(!ram.is_empty());
        // One rule per RAM row for each container (PgBouncer too on tier 3),
        // at the row's threshold, with the row's action.
        let containers = TIERS[2].limits.len() + 1;
        for row in &ram {
            let tail = format!(" > {}'", row.threshold);
            let at_threshold = yaml
                .lines()
                .filter(|l| l.contains("container_memory_working_set_bytes") && l.ends_with(&tail))
                .count();
            assert_eq!(at_threshold, containers, "{}", row.threshold);
            let action = format!("action: '{}'", row.action.get(Lang::En).replace('\'', "''"));
            assert!(yaml.matches(&action).count() > containers, "{action}");
        }
        let all = yaml
            .lines()
            .filter(|l| l.contains("container_memory_working_set_bytes"))
            .count();
        assert_eq!(all, containers * ram.len());
    }
}
