//! wrk's text report, with `--latency` for the percentiles; wrk2 (wrk with
//! `-R`, a constant rate) prints the same lines plus an HdrHistogram whose
//! percentiles count from each request's scheduled start.

use super::error::{shown, ReadError, Tool};
use super::report::{Arrivals, Generator, Latency, Report};
use super::units;
use crate::base::units::PerSecond;

const TOOL: Tool = Tool::Wrk;

/// wrk's first lines, so that a report cut short is still known as wrk's.
pub(crate) fn is(text: &str) -> bool {
    text.contains("Thread Stats")
        || (text.starts_with("Running ") && text.contains(" threads and "))
}

pub(crate) fn read(text: &str) -> Result<Report, ReadError> {
    let wrk2 = text.contains("HdrHistogram");
    let mut latency = Latency::default();
    let mut rate = None;
    let mut requests = None;
    let mut duration = None;
    let mut concurrency = None;
    let mut errors = 0.0;
    let mut distributions = 0;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let words: Vec<&str> = line.split_whitespace().collect();
        let bad = |field: &'static str, value: &str| ReadError::Invalid {
            tool: TOOL,
            field,
            value: shown(value),
        };
        let bad_line = || ReadError::BadLine {
            tool: TOOL,
            line: index + 1,
            text: shown(line),
        };
        match words.as_slice() {
            ["Requests/sec:", value] => {
                rate = Some(units::non_negative(value).ok_or_else(|| bad("Requests/sec", value))?)
            }
            [threads, "threads", "and", connections, "connections"] => {
                let _ = threads;
                concurrency = Some(
                    connections
                        .parse::<u32>()
                        .map_err(|_| bad("connections", connections))?,
                );
            }
            ["Latency", avg, stdev, max, _] => {
                latency.mean = Some(units::millis(avg).ok_or_else(bad_line)?);
                latency.stdev = Some(units::millis(stdev).ok_or_else(bad_line)?);
                latency.max = Some(units::millis(max).ok_or_else(bad_line)?);
            }
            ["Latency", "Distribution", ..] => distributions += 1,
            [count, "requests", "in", took, ..] => {
                requests = Some(units::count(count).ok_or_else(bad_line)?);
                let took = took.trim_end_matches(',');
                duration = Some(crate::base::units::ms_to_seconds(
                    units::millis(took).ok_or_else(bad_line)?,
                ));
            }
            ["Socket", "errors:", rest @ ..] => {
                // connect 0, read 0, write 0, timeout 0
                for pair in rest.chunks(2) {
                    if let [_, n] = pair {
                        errors +=
                            units::non_negative(n.trim_end_matches(',')).ok_or_else(bad_line)?;
                    }
                }
            }
            ["Non-2xx", "or", "3xx", "responses:", n] => {
                errors += units::non_negative(n).ok_or_else(bad_line)?;
            }
            [share, value] if share.ends_with('%') && distributions == 1 => {
                let Some(q) = units::percent(share) else {
                    continue;
                };
                let ms = units::millis(value).ok_or_else(bad_line)?;
                let slot = if q == 50.0 {
                    &mut latency.p50
                } else if q == 90.0 {
                    &mut latency.p90
                } else if q == 95.0 {
                    &mut latency.p95
                } else if q == 99.0 {
                    &mut latency.p99
                } else {
                    continue;
                };
                *slot = Some(ms);
            }
            _ => {}
        }
    }
    let rate = rate.ok_or(ReadError::Missing {
        tool: TOOL,
        field: "Requests/sec",
    })?;
    if latency.mean.is_none() {
        return Err(ReadError::Missing {
            tool: TOOL,
            field: "Latency",
        });
    }
    Ok(Report {
        generator: if wrk2 {
            Generator::Wrk2
        } else {
            Generator::Wrk
        },
        arrivals: if wrk2 {
            Arrivals::ConstantRate
        } else {
            Arrivals::ClosedLoop
        },
        rate: PerSecond(rate),
        requests,
        errors: Some(errors),
        concurrency,
        duration_s: duration,
        latency,
        schedule_lag_ms: None,
        samples: None,
    })
}
