//! A load test's report, whichever tool wrote it, and what the queueing
//! model takes from it: the mean service time S, its spread C_s², the
//! concurrency, and what the way requests were sent means for a prediction.
//! Each tool's reader fills one; [`super::loadtest::read`] picks the reader.

use super::spread::{Lognormal, Moments, SpreadBasis};
use crate::base::text::{tx, Text};
use crate::base::units::{self, PerSecond};
pub use crate::input::measured::{Arrivals, Generator};

/// Latencies in milliseconds, as far as the report gives them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Latency {
    pub mean: Option<f64>,
    pub stdev: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub p95: Option<f64>,
    pub p99: Option<f64>,
}

impl Latency {
    /// The percentiles present, as (share, ms).
    pub fn percentiles(&self) -> Vec<(f64, f64)> {
        [
            (0.5, self.p50),
            (0.9, self.p90),
            (0.95, self.p95),
            (0.99, self.p99),
        ]
        .into_iter()
        .filter_map(|(q, v)| Some((q, v?)))
        .collect()
    }
}

/// What one load test measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub generator: Generator,
    pub arrivals: Arrivals,
    /// Requests (or pgbench transactions) completed per second.
    pub rate: PerSecond,
    pub requests: Option<f64>,
    /// Requests without an answer or answered with a status ≥ 400
    /// (transactions that failed, for pgbench).
    pub errors: Option<f64>,
    /// Connections, virtual users or clients (the most active at once).
    pub concurrency: Option<u32>,
    pub duration_s: Option<f64>,
    /// Response times, counted from the scheduled start where the tool
    /// does so (pgbench -R, wrk2).
    pub latency: Latency,
    /// Mean time the scheduled starts waited for a free client (pgbench -R).
    pub schedule_lag_ms: Option<f64>,
    /// Moments of every logged response time less its schedule lag.
    pub samples: Option<Moments>,
}

/// How S was estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceBasis {
    /// The mean response time.
    MeanLatency,
    /// The mean response time less the mean schedule lag (pgbench -R):
    /// counted from when the request actually left.
    MeanLatencyLessLag,
}

/// The queueing model's inputs drawn from a load test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Queueing {
    /// Mean service time S in milliseconds: the mean response time, which
    /// equals S when few requests waited and bounds it from above otherwise.
    pub service_ms: f64,
    pub service_basis: ServiceBasis,
    /// C_s² of the response times, where the report allows it.
    pub cs2: Option<(f64, SpreadBasis)>,
    /// The test's concurrency c (connections, virtual users, clients).
    pub concurrency: Option<u32>,
    /// Requests in the system on average, by Little's law (rate × mean
    /// response time): near the concurrency in a closed loop; well below
    /// one, S is close to the mean response time.
    pub in_flight: f64,
    pub arrivals: Arrivals,
    /// The P95 in milliseconds: as measured, else from the lognormal fit.
    pub p95_ms: Option<(f64, bool)>,
}

impl Queueing {
    /// How S was read, for the plan to show beside it.
    pub fn service_note(&self) -> Text {
        match self.service_basis {
            ServiceBasis::MeanLatency => tx(
                "S est le temps de réponse moyen du test : c'est le temps de service quand peu de requêtes attendaient, une borne haute sinon (voir les requêtes en cours).",
                "S is the test's mean response time: the service time when few requests waited, an upper bound otherwise (see the requests in flight).",
            ),
            ServiceBasis::MeanLatencyLessLag => tx(
                "S est le temps de réponse moyen moins le retard moyen sur l'horaire prévu : compté depuis le vrai départ de chaque transaction.",
                "S is the mean response time less the mean lag behind schedule: counted from each transaction's actual start.",
            ),
        }
    }
}

impl Report {
    /// S, C_s², c and the arrival kind for the queueing model.
    pub fn queueing(&self) -> Option<Queueing> {
        let rate = self.rate.0;
        let (service_ms, service_basis) =
            match (&self.samples, self.latency.mean, self.schedule_lag_ms) {
                (Some(m), _, Some(_)) if m.count > 0 => (m.mean, ServiceBasis::MeanLatencyLessLag),
                (_, Some(mean), Some(lag)) if mean > lag => {
                    (mean - lag, ServiceBasis::MeanLatencyLessLag)
                }
                (Some(m), _, None) if m.count > 0 => (m.mean, ServiceBasis::MeanLatency),
                (_, Some(mean), _) => (mean, ServiceBasis::MeanLatency),
                _ => return None,
            };
        if !(service_ms.is_finite() && service_ms > 0.0) {
            return None;
        }
        let lognormal = Lognormal::through(&self.latency.percentiles());
        let cs2 = match (
            self.samples.and_then(|m| m.cs2().map(|c| (c, m.count))),
            self.latency.stdev,
            self.latency.mean,
        ) {
            (Some((c, n)), _, _) => Some((c, SpreadBasis::Samples { n })),
            (None, Some(sd), Some(mean)) if mean > 0.0 => {
                Some(((sd / mean).powi(2), SpreadBasis::StdDev))
            }
            _ => lognormal.map(|l| (l.cs2(), SpreadBasis::LognormalPercentiles)),
        };
        let mean_latency = self
            .latency
            .mean
            .or(self.samples.map(|m| m.mean))
            .unwrap_or(service_ms);
        let p95_ms = match (self.latency.p95, lognormal) {
            (Some(p95), _) => Some((p95, false)),
            (None, Some(l)) => Some((l.quantile(0.95), true)),
            (None, None) => None,
        };
        Some(Queueing {
            service_ms,
            service_basis,
            cs2,
            concurrency: self.concurrency,
            in_flight: rate * units::ms_to_seconds(mean_latency),
            arrivals: self.arrivals,
            p95_ms,
        })
    }
}
