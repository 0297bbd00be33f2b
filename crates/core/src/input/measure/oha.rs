//! oha's `--output-format json` (and the older `-j`): the summary's rate,
//! mean and extremes, the latency percentiles, all in seconds.

use super::error::{ReadError, Tool};
use super::json::{at, number, required};
use super::report::{Arrivals, Generator, Latency, Report};
use crate::base::units::{self, PerSecond};
use serde_json::Value;

const TOOL: Tool = Tool::Oha;

pub(crate) fn is(value: &Value) -> bool {
    at(value, &["summary", "requestsPerSec"]).is_some() && value.get("latencyPercentiles").is_some()
}

pub(crate) fn read(value: &Value) -> Result<Report, ReadError> {
    let seconds = |path: &[&str], field| -> Result<Option<f64>, ReadError> {
        Ok(number(value, path, TOOL, field)?.map(units::seconds_to_ms))
    };
    let rate = required(
        value,
        &["summary", "requestsPerSec"],
        TOOL,
        "summary.requestsPerSec",
    )?;
    let duration = number(value, &["summary", "total"], TOOL, "summary.total")?;
    let latency = Latency {
        mean: seconds(&["summary", "average"], "summary.average")?,
        stdev: None,
        min: seconds(&["summary", "fastest"], "summary.fastest")?,
        max: seconds(&["summary", "slowest"], "summary.slowest")?,
        p50: seconds(&["latencyPercentiles", "p50"], "latencyPercentiles.p50")?,
        p90: seconds(&["latencyPercentiles", "p90"], "latencyPercentiles.p90")?,
        p95: seconds(&["latencyPercentiles", "p95"], "latencyPercentiles.p95")?,
        p99: seconds(&["latencyPercentiles", "p99"], "latencyPercentiles.p99")?,
    };
    if latency.mean.is_none() {
        return Err(ReadError::Missing {
            tool: TOOL,
            field: "summary.average",
        });
    }
    // Requests that got no answer, less those oha cut off at the end of a
    // timed run (-z), which say nothing about the server.
    let unanswered: f64 = counts(value.get("errorDistribution"))
        .filter(|(key, _)| !key.contains("deadline"))
        .map(|(_, n)| n)
        .sum();
    let statuses: Vec<(&str, f64)> = counts(value.get("statusCodeDistribution")).collect();
    let failed_statuses: f64 = statuses
        .iter()
        .filter(|(code, _)| code.parse::<u16>().is_ok_and(|c| c >= 400))
        .map(|(_, n)| n)
        .sum();
    let answered: f64 = statuses.iter().map(|(_, n)| n).sum();
    // oha's requestsPerSec counts the requests cut off at the deadline too:
    // the answered ones over the run's duration are the rate achieved.
    let rate = match duration {
        Some(seconds) if seconds > 0.0 && !statuses.is_empty() => answered / seconds,
        _ => rate,
    };
    Ok(Report {
        generator: Generator::Oha,
        // oha's JSON records neither -c nor -q.
        arrivals: Arrivals::Unstated,
        rate: PerSecond(rate),
        requests: (!statuses.is_empty()).then_some(answered),
        errors: Some(unanswered + failed_statuses),
        concurrency: None,
        duration_s: duration,
        latency,
        schedule_lag_ms: None,
        samples: None,
    })
}

/// `{"key": count, …}` as pairs, skipping what is not a count.
fn counts(value: Option<&Value>) -> impl Iterator<Item = (&str, f64)> {
    value
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| {
            Some((
                k.as_str(),
                v.as_f64().filter(|n| n.is_finite() && *n >= 0.0)?,
            ))
        })
}
