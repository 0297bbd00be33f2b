//! What the user's own tools measured: `docker stats`, load-test reports
//! (oha, k6, autocannon, wrk, pgbench) and a Universal Scalability Law fit
//! over several load levels. Each reader is a pure function of the pasted
//! text; a text it cannot read gets an error that names what is wrong, in
//! French and English ([`ReadError::describe`]).
//!
//! Behind the `reports` feature (it brings a JSON parser): the CLI and the
//! JavaScript module have it, the site's first load does not.
//!
//! ```
//! use headroom_core::measure::{self, Reading};
//!
//! let text = "CONTAINER ID   NAME             CPU %     MEM USAGE / LIMIT   MEM %   NET I/O   BLOCK I/O   PIDS\n\
//!             1a2b3c4d5e6f   shop-postgres-1  35.00%    412MiB / 1.5GiB     26.8%   1MB / 2MB 0B / 0B     9\n";
//! let Ok(Reading::Containers(stats)) = measure::read(text) else { panic!() };
//! assert_eq!(stats.containers[0].role, Some(measure::Role::Postgres));
//! assert_eq!(stats.total_cpu.0, 0.35);
//! ```

mod autocannon;
mod derive;
pub mod docker_stats;
mod error;
mod json;
mod k6;
pub mod loadtest;
mod oha;
mod pgbench;
mod report;

pub mod spread;
mod units;
pub mod usl;
mod wrk;

pub use crate::input::role::Role;
pub use derive::{derive, Derived, Note};
pub use docker_stats::{Container, DockerStats};
pub use error::{ReadError, Tool};
pub use loadtest::{Arrivals, Generator, Latency, Queueing, Report};
pub use usl::{Level, UslFit};

/// The largest text the readers take: a few MiB holds any summary, and a
/// pgbench log of about 200,000 transactions (sample bigger runs with
/// `--sampling-rate`).
pub const MAX_BYTES: usize = 8 * crate::base::units::MIB;
/// The most lines the readers take.
pub const MAX_LINES: usize = 250_000;
/// The most load levels a fit takes.
pub const MAX_LEVELS: usize = 1_000;

/// What a pasted text turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    Containers(DockerStats),
    LoadTest(Report),
}

/// Reads `docker stats` or any load-test report Headroom knows, whichever
/// `text` is.
pub fn read(text: &str) -> Result<Reading, ReadError> {
    let text = checked(text)?;
    if docker_stats::looks_like(text) {
        return docker_stats::read(text).map(Reading::Containers);
    }
    loadtest::read(text).map(Reading::LoadTest)
}

/// `text` without surrounding blanks, once its size, line count and content
/// are within bounds.
pub(crate) fn checked(text: &str) -> Result<&str, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        return Err(ReadError::Empty);
    }
    // A count past the limit is enough to refuse; no need to count further.
    let lines = text.lines().take(MAX_LINES + 1).count();
    if lines > MAX_LINES {
        return Err(ReadError::TooManyLines);
    }
    if text.contains('\0') {
        return Err(ReadError::Binary);
    }
    Ok(text)
}
