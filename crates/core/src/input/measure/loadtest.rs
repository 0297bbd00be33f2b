//! Reading a load test's report: which tool wrote it, then that tool's
//! reader. The report itself is [`Report`].

use super::error::{ReadError, Tool};
pub use super::report::{Arrivals, Generator, Latency, Queueing, Report, ServiceBasis};
use super::{autocannon, json, k6, oha, pgbench, wrk};

/// Reads a load-test report of any tool Headroom knows.
pub fn read(text: &str) -> Result<Report, ReadError> {
    let text = super::checked(text)?;
    let report = if text.starts_with('{') {
        let value = json::parse(text, None)?;
        if oha::is(&value) {
            oha::read(&value)
        } else if k6::is(&value) {
            k6::read(&value)
        } else if autocannon::is(&value) {
            autocannon::read(&value)
        } else {
            Err(ReadError::UnknownJson)
        }
    } else if wrk::is(text) {
        wrk::read(text)
    } else if pgbench::is_summary(text) {
        pgbench::read_summary(text)
    } else if pgbench::is_log(text) {
        pgbench::read_log(text)
    } else {
        Err(ReadError::Unrecognised)
    }?;
    if report.requests == Some(0.0) || report.rate.0 <= 0.0 {
        return Err(ReadError::NoRequests {
            tool: tool_of(report.generator),
        });
    }
    Ok(report)
}

/// The tool behind a generator, for a message.
pub(crate) fn tool_of(generator: Generator) -> Tool {
    match generator {
        Generator::Oha => Tool::Oha,
        Generator::K6 => Tool::K6,
        Generator::Autocannon => Tool::Autocannon,
        Generator::Wrk | Generator::Wrk2 => Tool::Wrk,
        Generator::Pgbench => Tool::Pgbench,
        Generator::PgbenchLog => Tool::PgbenchLog,
    }
}
