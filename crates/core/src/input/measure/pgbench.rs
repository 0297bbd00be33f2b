//! pgbench: its summary (`latency average = … ms`, `tps = …`; with `-R`, the
//! schedule lag) and its per-transaction log (`-l`): client, transaction
//! number, time µs, script, epoch s, µs, and with `-R` the schedule lag µs.
//! `-R` schedules transactions as a Poisson stream and counts each latency
//! from its scheduled start.

use super::error::{shown, ReadError, Tool};
use super::report::{Arrivals, Generator, Latency, Report};
use super::spread::Moments;
use super::units;
use crate::base::units::PerSecond;
use std::collections::HashMap;

/// Any of the summary's own lines, so that a summary cut short is still
/// known as pgbench's.
pub(crate) fn is_summary(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("tps = ")
            || l.starts_with("latency average = ")
            || l.starts_with("number of transactions actually processed:")
            || l.starts_with("transaction type:")
    })
}

pub(crate) fn read_summary(text: &str) -> Result<Report, ReadError> {
    const TOOL: Tool = Tool::Pgbench;
    let mut latency = Latency::default();
    let (mut tps, mut tps_without_connections) = (None, None);
    let mut clients = None;
    let mut processed = None;
    let mut failed = None;
    let mut duration = None;
    let mut lag = None;
    for raw in text.lines() {
        let line = raw.trim();
        let value = |prefix: &str| line.strip_prefix(prefix).map(str::trim);
        let number = |field: &'static str, s: &str| {
            let first = s.split_whitespace().next().unwrap_or_default();
            let first = first.split('/').next().unwrap_or_default();
            units::non_negative(first).ok_or_else(|| ReadError::Invalid {
                tool: TOOL,
                field,
                value: shown(s),
            })
        };
        if let Some(v) = value("latency average =") {
            latency.mean = Some(number("latency average", v)?);
        } else if let Some(v) = value("latency stddev =") {
            latency.stdev = Some(number("latency stddev", v)?);
        } else if let Some(v) = value("tps =") {
            let n = number("tps", v)?;
            // "without initial connection time" (14+) or "excluding connections
            // establishing" (before): the server's own rate.
            if v.contains("without") || v.contains("excluding") {
                tps_without_connections = Some(n);
            } else {
                tps = Some(n);
            }
        } else if let Some(v) = value("number of clients:") {
            clients = Some(number("number of clients", v)?);
        } else if let Some(v) = value("number of transactions actually processed:") {
            processed = Some(number("number of transactions actually processed", v)?);
        } else if let Some(v) = value("number of failed transactions:") {
            failed = Some(number("number of failed transactions", v)?);
        } else if let Some(v) = value("duration:") {
            duration = Some(number("duration", v)?);
        } else if let Some(v) = value("rate limit schedule lag: avg") {
            lag = Some(number("rate limit schedule lag", v)?);
        }
    }
    let rate = tps_without_connections.or(tps).ok_or(ReadError::Missing {
        tool: TOOL,
        field: "tps",
    })?;
    if latency.mean.is_none() {
        return Err(ReadError::Missing {
            tool: TOOL,
            field: "latency average",
        });
    }
    Ok(Report {
        generator: Generator::Pgbench,
        arrivals: if lag.is_some() {
            Arrivals::Poisson
        } else {
            Arrivals::ClosedLoop
        },
        rate: PerSecond(rate),
        requests: processed,
        errors: failed,
        concurrency: clients.map(|c| c.min(f64::from(u32::MAX)) as u32),
        duration_s: duration.or_else(|| processed.filter(|_| rate > 0.0).map(|p| p / rate)),
        latency,
        schedule_lag_ms: lag,
        samples: None,
    })
}

/// True when the first line has the log's shape: six to eight integers (or
/// `skipped` / `failed` in the time column).
pub(crate) fn is_log(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| fields(l).is_some())
}

/// One transaction's fields: client, transaction number, time µs (`None`
/// when skipped or failed), end time in seconds since the epoch, lag µs.
struct Entry {
    client: u64,
    number: u64,
    time_us: Option<f64>,
    end_s: f64,
    lag_us: Option<f64>,
}

fn fields(line: &str) -> Option<Entry> {
    // Without a vector: this runs once per logged transaction.
    let mut words = [""; 8];
    let mut count = 0;
    for word in line.split_whitespace() {
        *words.get_mut(count)? = word;
        count += 1;
    }
    // 6 columns, 7 with -R (the lag), 8 with -R and --max-tries (retries);
    // a 7th column from --max-tries alone reads as a lag: the log cannot tell.
    if count < 6 {
        return None;
    }
    let int = |s: &str| s.parse::<u64>().ok();
    let time_us = match words[2] {
        "skipped" | "failed" => None,
        t => Some(int(t)? as f64),
    };
    let seconds = int(words[4])? as f64;
    let micros = int(words[5])?;
    if micros as f64 >= crate::base::units::US_PER_SECOND {
        return None;
    }
    int(words[3])?;
    Some(Entry {
        client: int(words[0])?,
        number: int(words[1])?,
        time_us,
        end_s: seconds + crate::base::units::us_to_seconds(micros as f64),
        lag_us: match count {
            6 => None,
            _ => Some(int(words[6])? as f64),
        },
    })
}

pub(crate) fn read_log(text: &str) -> Result<Report, ReadError> {
    const TOOL: Tool = Tool::PgbenchLog;
    let mut times_ms: Vec<f64> = Vec::new();
    let mut from_start = Moments::default();
    let mut lags = Moments::default();
    let mut failed = 0.0;
    let (mut first_start, mut last_end) = (f64::INFINITY, f64::NEG_INFINITY);
    // Per client: the lowest and highest transaction number, and how many
    // were logged, to undo --sampling-rate.
    let mut clients: HashMap<u64, (u64, u64, u64)> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry = fields(line).ok_or_else(|| ReadError::BadLine {
            tool: TOOL,
            line: index + 1,
            text: shown(line),
        })?;
        let span = clients.entry(entry.client).or_insert((u64::MAX, 0, 0));
        span.0 = span.0.min(entry.number);
        span.1 = span.1.max(entry.number);
        span.2 += 1;
        let Some(time_us) = entry.time_us else {
            failed += 1.0;
            continue;
        };
        let lag_us = entry.lag_us.unwrap_or(0.0).min(time_us);
        times_ms.push(crate::base::units::us_to_ms(time_us));
        from_start.push(crate::base::units::us_to_ms(time_us - lag_us));
        if entry.lag_us.is_some() {
            lags.push(crate::base::units::us_to_ms(lag_us));
        }
        first_start = first_start.min(entry.end_s - crate::base::units::us_to_seconds(time_us));
        last_end = last_end.max(entry.end_s);
    }
    if times_ms.is_empty() {
        return Err(ReadError::NoRequests { tool: TOOL });
    }
    let span_s = last_end - first_start;
    // pgbench numbers each client's transactions from 1: up to a client's
    // last logged number, all ran; a sampled log (--sampling-rate) keeps a
    // share of them, and misses on average 1/share − 1 after the last one.
    let base = clients.values().map(|c| c.0).min().unwrap_or(1).min(1);
    let numbered: u64 = clients.values().map(|(_, high, _)| high - base + 1).sum();
    let logged: u64 = clients.values().map(|(_, _, n)| n).sum();
    let sampled = (logged as f64 / numbered.max(1) as f64).min(1.0);
    let completed =
        numbered as f64 + clients.len() as f64 * (1.0 / sampled - 1.0) - failed / sampled;
    // The logged window's own rate: its ends were sampled too.
    let rate = times_ms.len() as f64 / sampled / span_s;
    times_ms.sort_by(f64::total_cmp);
    let mut all = Moments::default();
    times_ms.iter().for_each(|&t| all.push(t));
    let latency = Latency {
        mean: Some(all.mean),
        stdev: Some(all.variance().sqrt()),
        min: times_ms.first().copied(),
        max: times_ms.last().copied(),
        p50: Some(nearest_rank(&times_ms, 0.50)),
        p90: Some(nearest_rank(&times_ms, 0.90)),
        p95: Some(nearest_rank(&times_ms, 0.95)),
        p99: Some(nearest_rank(&times_ms, 0.99)),
    };
    let poisson = lags.count > 0;
    Ok(Report {
        generator: Generator::PgbenchLog,
        arrivals: if poisson {
            Arrivals::Poisson
        } else {
            Arrivals::ClosedLoop
        },
        // One transaction over a zero span has no rate to speak of.
        rate: PerSecond(if span_s > 0.0 { rate } else { 0.0 }),
        requests: Some(completed),
        errors: Some(failed / sampled),
        concurrency: Some(clients.len().min(u32::MAX as usize) as u32),
        duration_s: Some(span_s.max(0.0)),
        latency,
        schedule_lag_ms: poisson.then_some(lags.mean),
        samples: Some(from_start),
    })
}

/// The nearest-rank percentile of sorted, non-empty `values`.
fn nearest_rank(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
