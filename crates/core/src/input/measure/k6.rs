//! k6's `--summary-export` JSON (each metric's figures directly under its
//! name), and the object `handleSummary()` receives (the same figures under
//! `values`, with the run's duration in `state`). Times are in milliseconds.

use super::error::{ReadError, Tool};
use super::json::{number, required};
use super::report::{Arrivals, Generator, Latency, Report};
use crate::base::units::{self, PerSecond};
use serde_json::Value;

const TOOL: Tool = Tool::K6;

pub(crate) fn is(value: &Value) -> bool {
    value
        .get("metrics")
        .is_some_and(|m| m.get("http_reqs").is_some() || m.get("http_req_duration").is_some())
}

/// A metric's figures, wherever the format puts them.
fn metric<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    let m = value.get("metrics")?.get(name)?;
    Some(m.get("values").unwrap_or(m))
}

pub(crate) fn read(value: &Value) -> Result<Report, ReadError> {
    let null = Value::Null;
    let reqs = metric(value, "http_reqs").ok_or(ReadError::Missing {
        tool: TOOL,
        field: "metrics.http_reqs",
    })?;
    let duration = metric(value, "http_req_duration").ok_or(ReadError::Missing {
        tool: TOOL,
        field: "metrics.http_req_duration",
    })?;
    let rate = required(reqs, &["rate"], TOOL, "http_reqs.rate")?;
    let count = number(reqs, &["count"], TOOL, "http_reqs.count")?;
    let ms = |key: &str, field| number(duration, &[key], TOOL, field);
    let latency = Latency {
        mean: Some(required(duration, &["avg"], TOOL, "http_req_duration.avg")?),
        stdev: None,
        min: ms("min", "http_req_duration.min")?,
        max: ms("max", "http_req_duration.max")?,
        p50: ms("med", "http_req_duration.med")?,
        p90: ms("p(90)", "http_req_duration.p(90)")?,
        p95: ms("p(95)", "http_req_duration.p(95)")?,
        p99: ms("p(99)", "http_req_duration.p(99)")?,
    };
    // A rate metric counts its true samples as "passes": failed requests here.
    let failed = metric(value, "http_req_failed").unwrap_or(&null);
    let errors = number(failed, &["passes"], TOOL, "http_req_failed.passes")?;
    let vus = metric(value, "vus").unwrap_or(&null);
    let vus_min = number(vus, &["min"], TOOL, "vus.min")?;
    let vus_max = number(vus, &["max"], TOOL, "vus.max")?;
    let dropped = metric(value, "dropped_iterations")
        .map(|d| number(d, &["count"], TOOL, "dropped_iterations.count"))
        .transpose()?
        .flatten();
    // Only the arrival-rate executors drop iterations for want of a free
    // virtual user; a constant number of them is a closed loop.
    let arrivals = match (dropped, vus_min, vus_max) {
        (Some(d), _, _) if d > 0.0 => Arrivals::ConstantRate,
        (_, Some(low), Some(high)) if low == high => Arrivals::ClosedLoop,
        _ => Arrivals::Unstated,
    };
    let test_ms = number(
        value,
        &["state", "testRunDurationMs"],
        TOOL,
        "state.testRunDurationMs",
    )?;
    let duration_s = test_ms
        .map(units::ms_to_seconds)
        .or_else(|| count.filter(|_| rate > 0.0).map(|c| c / rate));
    Ok(Report {
        generator: Generator::K6,
        arrivals,
        rate: PerSecond(rate),
        requests: count,
        errors,
        concurrency: vus_max.map(|v| v.min(f64::from(u32::MAX)) as u32),
        duration_s,
        latency,
        schedule_lag_ms: None,
        samples: None,
    })
}
