//! A load test's report, whichever tool wrote it, and what the queueing
//! model takes from it: the mean service time S, its spread C_s², the
//! concurrency, and what the way requests were sent means for a prediction.
//! Each tool's reader fills one; [`super::loadtest::read`] picks the reader.

use super::spread::{Lognormal, Moments, SpreadBasis};
use crate::base::text::{tx, Text};
use crate::base::units::{self, PerSecond};

/// The tool that ran the test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Generator {
    Oha,
    K6,
    Autocannon,
    Wrk,
    /// wrk2: wrk with a constant request rate (`-R`).
    Wrk2,
    Pgbench,
    PgbenchLog,
}

impl Generator {
    /// The short name the plan's JSON writes.
    pub fn name(self) -> &'static str {
        match self {
            Generator::Oha => "oha",
            Generator::K6 => "k6",
            Generator::Autocannon => "autocannon",
            Generator::Wrk | Generator::Wrk2 => "wrk",
            Generator::Pgbench | Generator::PgbenchLog => "pgbench",
        }
    }
}

/// How the test sent its requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrivals {
    /// Each connection waits for its answer before sending again.
    ClosedLoop,
    /// Requests leave on a fixed schedule (oha -q, wrk2, k6 arrival-rate).
    ConstantRate,
    /// Exponential gaps between scheduled starts (pgbench -R).
    Poisson,
    /// The report does not say (oha's JSON, k6 with a varying number of
    /// virtual users).
    Unstated,
}

impl Arrivals {
    /// The arrivals' squared coefficient of variation, where known.
    pub fn ca2(self) -> Option<f64> {
        match self {
            Arrivals::ConstantRate => Some(0.0),
            Arrivals::Poisson => Some(1.0),
            Arrivals::ClosedLoop | Arrivals::Unstated => None,
        }
    }

    /// What the arrival kind means for a prediction from this test.
    pub fn note(self) -> Text {
        match self {
            Arrivals::ClosedLoop => tx(
                "Boucle fermée : chaque connexion attend sa réponse avant d'envoyer la suivante. Quand le serveur ralentit, le test ralentit avec lui et n'envoie plus les requêtes qui auraient attendu (omission coordonnée) : les latences mesurées sous charge sont sous-estimées, et le débit obtenu est celui de cette concurrence, pas une charge que vos utilisateurs imposeraient.",
                "Closed loop: each connection waits for its answer before sending the next. When the server slows down, the test slows down with it and never sends the requests that would have waited (coordinated omission): latencies measured under load are understated, and the rate reached belongs to this concurrency, not to a load your users would impose.",
            ),
            Arrivals::ConstantRate => tx(
                "Débit constant : les requêtes partent à intervalles réguliers (C_a² ≈ 0). Des utilisateurs réels et indépendants arrivent plutôt au hasard, comme un flux de Poisson (C_a² = 1) : à même débit, leurs files d'attente et leur P95 seront plus longs que ceux du test.",
                "Constant rate: requests leave at regular intervals (C_a² ≈ 0). Real, independent users arrive at random instead, as a Poisson stream (C_a² = 1): at the same rate their queues and P95 will be longer than the test's.",
            ),
            Arrivals::Poisson => tx(
                "Arrivées de Poisson (pgbench -R) : les départs prévus sont espacés au hasard (C_a² = 1), comme ceux de nombreux utilisateurs indépendants, et chaque latence compte depuis l'heure prévue : pas d'omission coordonnée. C'est la mesure la plus proche de la production.",
                "Poisson arrivals (pgbench -R): scheduled starts are spaced at random (C_a² = 1), like those of many independent users, and each latency counts from its scheduled time: no coordinated omission. This is the measurement closest to production.",
            ),
            Arrivals::Unstated => tx(
                "Le rapport ne dit pas si le débit était imposé (oha -q, exécuteur arrival-rate de k6). Sans cela, c'est une boucle fermée : les latences sous charge sont sous-estimées (omission coordonnée) et le débit obtenu dépend de la concurrence choisie.",
                "The report does not say whether the rate was imposed (oha -q, k6's arrival-rate executors). Without that it is a closed loop: latencies under load are understated (coordinated omission) and the rate reached depends on the concurrency chosen.",
            ),
        }
    }
}

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
