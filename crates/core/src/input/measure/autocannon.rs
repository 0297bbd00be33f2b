//! autocannon's `--json`: latencies in milliseconds (mean, standard
//! deviation, percentiles), requests per second sampled each second, and
//! the run's totals. autocannon is a closed loop, `-R` included: each
//! connection still waits for its answer.

use super::error::{ReadError, Tool};
use super::json::{number, required};
use super::report::{Arrivals, Generator, Latency, Report};
use crate::base::units::PerSecond;
use serde_json::Value;

const TOOL: Tool = Tool::Autocannon;

pub(crate) fn is(value: &Value) -> bool {
    value.get("latency").is_some_and(|l| l.get("p50").is_some())
        && value.get("requests").is_some()
        && value.get("connections").is_some()
}

pub(crate) fn read(value: &Value) -> Result<Report, ReadError> {
    let l = |key: &str, field| number(value, &["latency", key], TOOL, field);
    let latency = Latency {
        mean: Some(required(value, &["latency", "mean"], TOOL, "latency.mean")?),
        stdev: l("stddev", "latency.stddev")?,
        min: l("min", "latency.min")?,
        max: l("max", "latency.max")?,
        p50: l("p50", "latency.p50")?,
        p90: l("p90", "latency.p90")?,
        p95: None,
        p99: l("p99", "latency.p99")?,
    };
    let total = required(value, &["requests", "total"], TOOL, "requests.total")?;
    let duration = required(value, &["duration"], TOOL, "duration")?;
    if duration <= 0.0 {
        return Err(ReadError::Invalid {
            tool: TOOL,
            field: "duration",
            value: duration.to_string(),
        });
    }
    let count = |key: &'static str| number(value, &[key], TOOL, key).map(Option::unwrap_or_default);
    let errors = count("errors")? + count("timeouts")? + count("4xx")? + count("5xx")?;
    let connections = required(value, &["connections"], TOOL, "connections")?;
    let pipelining = number(value, &["pipelining"], TOOL, "pipelining")?.unwrap_or(1.0);
    Ok(Report {
        generator: Generator::Autocannon,
        arrivals: Arrivals::ClosedLoop,
        rate: PerSecond(total / duration),
        requests: Some(total),
        errors: Some(errors),
        concurrency: Some((connections * pipelining.max(1.0)).min(f64::from(u32::MAX)) as u32),
        duration_s: Some(duration),
        latency,
        schedule_lag_ms: None,
        samples: None,
    })
}
