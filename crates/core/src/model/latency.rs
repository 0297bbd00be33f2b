//! Latency and the peak hour: the busiest service of the stack as a queue
//! of `c` servers, each request keeping one busy for a mean demand `D`.
//!
//! Where `D` comes from, in order: the service time the user gives (`svc`);
//! the utilisation law on the measured average CPU at today's users,
//! D = U × CPUs ÷ λ; else the source's CPU curve, whose cores at today's
//! users divided by today's requests are an implied CPU time per request,
//! shown as such and kept out of the verdict. `c` is `par`, else the
//! machine's logical CPUs.
//!
//! The requests per user stay today's as users grow: the load is
//! proportional to the users, so the peak hour's utilisation is
//! ρ = λ_peak × D ÷ c, saturated at 1. Latency is the queue's P95 at the
//! peak hour (Erlang C, [`crate::model::queueing`]). A measured P95 sets the
//! time scale: the service time that gives exactly that P95 at today's
//! average rate, the utilisation staying the demand's.

use crate::base::text::{self, tx, Lang, Text};
use crate::base::units::{ms_to_seconds, seconds_to_ms, Cores, PerSecond};
use crate::input::measured::{Generator, LoadTest, Usl};
use crate::input::scenario::Scenario;
use crate::model::growth::{eta, users_after, Eta};
use crate::model::load::Load;
use crate::model::queueing::{self, Spread, Station};
use crate::model::resources::Resource;
use crate::source::decision::{Metric, Threshold, THRESHOLDS};

/// The percentile the decision table watches.
pub const P95: f64 = 0.95;

/// Points of the curve per month of the projection.
const CURVE_STEPS_PER_MONTH: u32 = 2;

/// Where the service demand comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// `svc`, the user's service time.
    Given,
    /// The utilisation law on the measured `cpu`.
    Measured,
    /// `svc` as a load test of this tool measured it (`lt`).
    LoadTest(Generator),
    /// The CPU time per request the source's curve implies: not physics.
    Source,
}

impl Basis {
    /// The code in `--json`.
    pub fn code(self) -> &'static str {
        match self {
            Basis::Given => "given",
            Basis::Measured | Basis::LoadTest(_) => "measured",
            Basis::Source => "source",
        }
    }

    /// Where the demand comes from, in words.
    pub fn describe(self, lang: Lang) -> String {
        let text = match self {
            // Said inside brackets (demand_text): none of its own.
            Basis::Given => tx("votre temps de service, svc", "your service time, svc"),
            Basis::Measured => tx(
                "votre CPU mesuré, par la loi d'utilisation",
                "your measured CPU, by the utilisation law",
            ),
            Basis::LoadTest(generator) => {
                return match lang.page() {
                    Lang::Fr => format!("mesuré par votre test de charge {}", generator.label()),
                    Lang::En => format!("measured by your {} load test", generator.label()),
                }
            }
            Basis::Source => tx(
                "la courbe CPU de la source, non mesurée",
                "the source's CPU curve, unmeasured",
            ),
        };
        text.get(lang).to_owned()
    }
}

/// Where the number of servers comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServersFrom {
    /// `par`.
    Given,
    /// The machine's logical CPUs.
    MachineCpus,
    /// A load test's requests in flight (rate × service time), which the
    /// machine's CPUs could not have served: the fewest servers that do.
    LoadTest,
    /// A Universal Scalability Law fit: the servers that make its ceiling,
    /// c = X_max × S (a queue of c servers serves at most c ÷ S).
    Usl,
}

/// When the P95 at the peak hour passes a row of the decision table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crossing {
    pub row: &'static Threshold,
    /// The users at which it does: 0 when even an idle service is slower.
    pub users: f64,
    pub eta: Eta,
}

/// A P95 row crossed at any load: the service time alone is above it.
pub const AT_ANY_LOAD: Text = tx(
    "à toute charge : le temps de service seul dépasse ce seuil",
    "at any load: the service time alone is above it",
);

impl Crossing {
    /// Whether even an idle service is slower than the row.
    pub fn at_any_load(&self) -> bool {
        self.users <= 0.0
    }
}

/// One point of the curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub users: f64,
    pub peak_rps: PerSecond,
    /// `None` when saturated, or past the model's range.
    pub p95_s: Option<f64>,
}

/// What a measured P95 did to the model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    pub measured_s: f64,
    /// The model's P95 at today's average rate before calibration; `None`
    /// when it is saturated there or out of the model's range.
    pub predicted_s: Option<f64>,
    /// The service time the measurement sets (the P95 at today's average
    /// rate then equals it); `None` when it does not set one: a given `svc`
    /// wins, or the prediction has no figure to scale.
    pub service_s: Option<f64>,
}

/// The source's CPU curve read as a CPU time per request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceDemand {
    /// The curve's cores at today's users (Pi 4 cores).
    pub cores: Cores,
    /// Today's average rate.
    pub rate: PerSecond,
    /// cores ÷ rate, seconds of one core per request.
    pub cpu_per_request_s: f64,
}

/// The busiest service at the peak hour, and as users grow.
#[derive(Clone, Debug, PartialEq)]
pub struct Latency {
    pub basis: Basis,
    pub servers: u32,
    pub servers_from: ServersFrom,
    /// D: seconds of one server per request, what sets the utilisation.
    pub demand_s: f64,
    /// S: the mean service time of the latency; D unless a measured P95 set it.
    pub service_s: f64,
    pub spread: Spread,
    /// Requests a second at the peak hour, per user.
    pub peak_rps_per_user: f64,
    pub users: u32,
    pub peak_ratio: f64,
    /// ρ at today's peak hour; 1 or more is saturated.
    pub utilisation_at_peak: f64,
    /// P95 at today's peak hour; `None` when saturated or out of range.
    pub p95_at_peak_s: Option<f64>,
    /// Users at which the peak hour saturates (ρ = 1), and when.
    pub saturation_users: Option<f64>,
    pub saturation: Option<Eta>,
    /// One per P95 row of the decision table, in its order.
    pub crossings: Vec<Crossing>,
    pub curve: Vec<Point>,
    pub calibration: Option<Calibration>,
    /// With [`Basis::Source`]: what the source's curve implies.
    pub source: Option<SourceDemand>,
    /// With a load test (`lt`): the model's P95 at the test's own rate
    /// beside the one the test measured.
    pub test_check: Option<TestCheck>,
    /// With a Universal Scalability Law fit (`usl`): the most the service
    /// served, and the users whose peak hour asks that much.
    pub measured_ceiling: Option<MeasuredCeiling>,
}

/// The model replayed at a load test's rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TestCheck {
    pub test: LoadTest,
    /// The model's P95 at the test's rate with the test's arrivals; `None`
    /// when saturated there.
    pub predicted_p95_s: Option<f64>,
}

/// What a USL fit says of the service's ceiling.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasuredCeiling {
    pub usl: Usl,
    /// The most it serves, requests a second (`None`: it scaled linearly,
    /// no ceiling in sight).
    pub max_rps: Option<f64>,
    pub peak_concurrency: Option<f64>,
    /// The users whose peak hour asks for `max_rps`, and when.
    pub users: Option<f64>,
    pub eta: Option<Eta>,
}

impl Latency {
    /// Whether the peak hour is saturated today.
    pub fn saturated_now(&self) -> bool {
        self.utilisation_at_peak >= SATURATED_FROM
    }

    /// Whether its figures may set the verdict, the ceiling and the agenda:
    /// not when they rest on the source's curve.
    pub fn binds(&self) -> bool {
        self.basis != Basis::Source
    }

    /// ρ at the peak hour for `users`.
    pub fn utilisation_at(&self, users: f64) -> f64 {
        users * self.peak_rps_per_user * self.demand_s / f64::from(self.servers)
    }

    /// The P95 at the peak hour for `users`, seconds; `None` when saturated
    /// or when the service time is out of the model's range.
    pub fn p95_at(&self, users: f64) -> Option<f64> {
        p95(self.station()?, self.utilisation_at(users))
    }

    /// The crossing of the decision table's most severe P95 row.
    pub fn last_crossing(&self) -> Option<&Crossing> {
        self.crossings.last()
    }

    fn station(&self) -> Option<Station> {
        station(self.servers, self.service_s, self.spread)
    }

    /// The P95 at `rate` requests a second arriving with spread `ca2`.
    pub fn p95_at_rate(&self, rate: f64, ca2: f64) -> Option<f64> {
        let station = self.station()?.with_arrival_scv(ca2).ok()?;
        if rate / station.saturation_rate().0 >= SATURATED_FROM {
            return None;
        }
        station
            .response_quantile(PerSecond(rate), P95)
            .ok()
            .flatten()
    }

    /// The users at which the peak hour saturates, on the model or on the
    /// measured ceiling, whichever comes first.
    pub fn first_saturation_users(&self) -> Option<f64> {
        let measured = self.measured_ceiling.and_then(|m| m.users);
        match (self.saturation_users, measured) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

fn station(servers: u32, service_s: f64, spread: Spread) -> Option<Station> {
    Station::new(servers, service_s)
        .ok()?
        .with_spread(spread)
        .ok()
}

/// Utilisations this close to 1 are saturated: users ÷ ρ per user lands a
/// rounding away from it.
const SATURATED_FROM: f64 = 1.0 - 1e-12;

/// The P95 of `station` at utilisation `rho` (its own service time).
fn p95(station: Station, rho: f64) -> Option<f64> {
    if rho >= SATURATED_FROM {
        return None;
    }
    let rate = rho * station.saturation_rate().0;
    station
        .response_quantile(PerSecond(rate), P95)
        .ok()
        .flatten()
}

/// The latency model of a scenario whose users make `requests_per_user`
/// requests a day, over `months` of growth; service times of `spread`.
/// `None` when nothing gives a demand or servers: the cloud without `svc`
/// and `par`, or no requests today without `svc`.
pub fn of(s: &Scenario, requests_per_user: f64, months: u32, spread: Spread) -> Option<Latency> {
    let machine = s.machine();
    let cpus = machine.map(|m| m.threads.0);
    let (servers, servers_from) = match (s.service.servers, measured_servers(s), cpus) {
        (Some(par), _, _) => (par, ServersFrom::Given),
        (None, Some((n, ServersFrom::Usl)), _) => (n, ServersFrom::Usl),
        (None, Some((n, from)), Some(cpus)) if f64::from(n) > cpus.round() => (n, from),
        (None, _, Some(cpus)) => (
            cpus.round().clamp(1.0, f64::from(queueing::MAX_SERVERS)) as u32,
            ServersFrom::MachineCpus,
        ),
        (None, Some((n, from)), None) => (n, from),
        (None, None, None) => return None,
    };
    let per_user = Load::new(1, requests_per_user, s.peak_ratio, 0.0);
    let average_now = PerSecond(per_user.requests_per_second.0 * f64::from(s.users));
    let has_rate = average_now.0 > 0.0 && average_now.0.is_finite();
    let mut source = None;
    let (basis, demand_s) = match (s.service.time_ms, s.metrics.cpu, cpus) {
        (Some(ms), _, _) => match &s.measured.load_test {
            Some(test) => (Basis::LoadTest(test.generator), ms_to_seconds(ms)),
            None => (Basis::Given, ms_to_seconds(ms)),
        },
        (None, Some(cpu), Some(cpus)) if has_rate => {
            let busy = cpu / 100.0;
            let demand = queueing::service_demand(busy, Cores(cpus), average_now).ok()?;
            (Basis::Measured, demand)
        }
        (None, _, Some(_)) if has_rate => {
            let cores = Resource::Cpu.curve().at(f64::from(s.users));
            let demand = cores / average_now.0;
            source = Some(SourceDemand {
                cores: Cores(cores),
                rate: average_now,
                cpu_per_request_s: demand,
            });
            (Basis::Source, demand)
        }
        _ => return None,
    };
    if !(demand_s.is_finite() && demand_s >= 0.0) {
        return None;
    }
    let mut model = Latency {
        basis,
        servers,
        servers_from,
        demand_s,
        service_s: demand_s,
        spread,
        peak_rps_per_user: per_user.peak_requests_per_second.0,
        users: s.users,
        peak_ratio: s.peak_ratio,
        utilisation_at_peak: 0.0,
        p95_at_peak_s: None,
        saturation_users: None,
        saturation: None,
        crossings: Vec::new(),
        curve: Vec::new(),
        calibration: None,
        source,
        test_check: None,
        measured_ceiling: None,
    };
    model.calibration = calibrate(&mut model, s);
    let now = f64::from(s.users);
    model.utilisation_at_peak = model.utilisation_at(now);
    model.p95_at_peak_s = model.p95_at(now);
    let when = |users: f64| eta(s.users, s.growth_percent, users, s.origin());
    // ρ is proportional to the users: 1 at users ÷ ρ(1 user).
    let per_user_rho = model.utilisation_at(1.0);
    model.saturation_users = (per_user_rho > 0.0).then(|| 1.0 / per_user_rho);
    model.saturation = model.saturation_users.map(when);
    model.crossings = crossings(&model, &when);
    model.curve = curve(&model, s, months);
    model.test_check = s.measured.load_test.map(|test| TestCheck {
        test,
        predicted_p95_s: model.p95_at_rate(test.rate, test.arrivals.ca2().unwrap_or(1.0)),
    });
    model.measured_ceiling = s.measured.usl.map(|usl| {
        let max_rps = usl.max_throughput();
        let users = max_rps
            .filter(|_| model.peak_rps_per_user > 0.0)
            .map(|rps| rps / model.peak_rps_per_user);
        MeasuredCeiling {
            usl,
            max_rps,
            peak_concurrency: usl.peak_concurrency(),
            users,
            eta: users.map(when),
        }
    });
    Some(model)
}

/// The servers the measurements imply, with a service time (`svc`): a USL
/// fit's c = X_max × S; else, for a load test, the fewest servers that
/// serve its rate at that service time (c > rate × S) and give its measured
/// P95 back there, or less.
fn measured_servers(s: &Scenario) -> Option<(u32, ServersFrom)> {
    let service_s = ms_to_seconds(s.service.time_ms?);
    let clamp = |n: f64| n.clamp(1.0, f64::from(queueing::MAX_SERVERS)) as u32;
    if let Some(max) = s.measured.usl.and_then(|u| u.max_throughput()) {
        return Some((clamp((max * service_s).round()), ServersFrom::Usl));
    }
    let test = s.measured.load_test?;
    let fewest = clamp((test.rate * service_s).floor() + 1.0);
    let Some(p95_s) = test.p95_ms.map(ms_to_seconds) else {
        return Some((fewest, ServersFrom::LoadTest));
    };
    let spread = spread_of(s);
    let ca2 = test.arrivals.ca2().unwrap_or(1.0);
    let within = |c: u32| {
        station(c, service_s, spread)
            .and_then(|st| st.with_arrival_scv(ca2).ok())
            .and_then(|st| {
                st.response_quantile(PerSecond(test.rate), P95)
                    .ok()
                    .flatten()
            })
            .is_some_and(|p95| p95 <= p95_s)
    };
    // The P95 falls as servers are added: the first within, by bisection.
    let (mut low, mut high) = (fewest, queueing::MAX_SERVERS);
    if !within(high) {
        return Some((fewest, ServersFrom::LoadTest));
    }
    while low < high {
        let mid = low + (high - low) / 2;
        if within(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some((low, ServersFrom::LoadTest))
}

/// The spread of service times a scenario gives (`cs2`), else the
/// exponential's.
pub fn spread_of(s: &Scenario) -> Spread {
    match s.service.spread {
        Some(scv) if (scv - 1.0).abs() > 1e-9 => Spread::Gamma(scv),
        _ => Spread::Exponential,
    }
}

/// A measured P95 taken at today's average rate sets the service time: at a
/// fixed utilisation every time of the queue scales with it, so
/// S = S_model × measured ÷ predicted. A given `svc` is only compared.
fn calibrate(model: &mut Latency, s: &Scenario) -> Option<Calibration> {
    let measured_s = ms_to_seconds(s.metrics.p95_ms?);
    let rho_average = model.utilisation_at(f64::from(s.users)) / s.peak_ratio;
    let predicted_s = model.station().and_then(|st| p95(st, rho_average));
    let service_s = match (model.basis, predicted_s) {
        (Basis::Given | Basis::LoadTest(_), _) => None,
        (_, Some(predicted)) if predicted > 0.0 && measured_s > 0.0 => {
            let fitted = model.service_s * measured_s / predicted;
            station(model.servers, fitted, model.spread).map(|_| fitted)
        }
        _ => None,
    };
    if let Some(fitted) = service_s {
        model.service_s = fitted;
    }
    Some(Calibration {
        measured_s,
        predicted_s,
        service_s,
    })
}

/// The users at which the peak hour's P95 passes each P95 row.
fn crossings(model: &Latency, when: &dyn Fn(f64) -> Eta) -> Vec<Crossing> {
    let Some(station) = model.station() else {
        return Vec::new();
    };
    let per_user_rho = model.utilisation_at(1.0);
    THRESHOLDS
        .iter()
        .filter(|row| row.metric == Metric::P95)
        .filter_map(|row| {
            let target = ms_to_seconds(row.threshold);
            let users = match station.rate_for_quantile(P95, target).ok()? {
                // Even an idle service is slower than the row.
                None => 0.0,
                Some(rate) => {
                    let rho = rate.0 / station.saturation_rate().0;
                    if per_user_rho > 0.0 {
                        rho / per_user_rho
                    } else {
                        return None;
                    }
                }
            };
            Some(Crossing {
                row,
                users,
                eta: when(users),
            })
        })
        .collect()
}

/// Users, peak rate and P95 from now to the projection's end: two points a
/// month, plus the crossings inside that span, by users.
fn curve(model: &Latency, s: &Scenario, months: u32) -> Vec<Point> {
    let mut users: Vec<f64> = (0..=months * CURVE_STEPS_PER_MONTH)
        .map(|step| {
            let month = f64::from(step) / f64::from(CURVE_STEPS_PER_MONTH);
            users_after(s.users, s.growth_percent, month)
        })
        .collect();
    let (low, high) = users
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &u| {
            (lo.min(u), hi.max(u))
        });
    let marks = model
        .crossings
        .iter()
        .map(|c| c.users)
        .chain(model.saturation_users);
    users.extend(marks.filter(|&u| u > low && u < high));
    users.sort_by(f64::total_cmp);
    users.dedup();
    users
        .into_iter()
        .map(|users| Point {
            users,
            peak_rps: PerSecond(users * model.peak_rps_per_user),
            p95_s: model.p95_at(users),
        })
        .collect()
}

/// Said with the figures: what the model assumes.
pub const ASSUMPTIONS: Text = tx(
    "Le service le plus chargé vu comme une file M/M/c (Erlang C) : arrivées de Poisson, temps de service exponentiels tant que leur dispersion n'est pas mesurée, requêtes par utilisateur constantes quand les utilisateurs croissent. L'heure de pointe vaut la moyenne × le rapport de pointe.",
    "The busiest service as an M/M/c queue (Erlang C): Poisson arrivals, exponential service times until their spread is measured, each user's requests staying today's as users grow. The peak hour is the average × the peak ratio.",
);

impl Latency {
    /// `4 (the machine's logical CPUs)`, `1 (par)`.
    pub fn servers_text(&self, lang: Lang) -> String {
        let from = match self.servers_from {
            ServersFrom::Given => tx("par, votre valeur", "par, yours"),
            ServersFrom::MachineCpus => tx(
                "les processeurs logiques de la machine ; pour une API Node.js, donnez par = ses processus",
                "the machine's logical CPUs; for a Node.js API, give par = its processes",
            ),
            ServersFrom::LoadTest => tx(
                "d'après votre test de charge : le moins de serveurs qui tiennent son débit à ce temps de service et redonnent son P95, plus que les processeurs de la machine ; six niveaux de charge le mesureraient",
                "from your load test: the fewest servers that hold its rate at this service time and give its P95 back, more than the machine's CPUs; six load levels would measure it",
            ),
            ServersFrom::Usl => tx(
                "mesuré : le plafond de la loi d'extensibilité universelle × le temps de service",
                "measured: the Universal Scalability Law's ceiling × the service time",
            ),
        };
        format!("{} ({})", self.servers, from.get(lang))
    }

    /// `120 ms`, `1.2 s`, or `saturated`.
    pub fn time_text(seconds: Option<f64>, lang: Lang) -> String {
        match seconds {
            Some(s) if s < 1.0 => format!("{}\u{a0}ms", text::number(seconds_to_ms(s), 0, lang)),
            Some(s) => format!("{}\u{a0}s", text::number(s, 2, lang)),
            None => tx("saturé", "saturated").get(lang).to_owned(),
        }
    }

    /// Where the service demand comes from, with its figure.
    pub fn demand_text(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            Latency::time_text(Some(self.demand_s), lang),
            self.basis.describe(lang)
        )
    }

    /// With the source's curve: what it implies, the source's value shown,
    /// and the measurement that replaces it.
    pub fn source_text(&self, lang: Lang) -> Option<String> {
        let s = self.source?;
        let cores = text::number(s.cores.0, 2, lang);
        let rate = text::rate(s.rate.0, lang);
        let per = Latency::time_text(Some(s.cpu_per_request_s), lang);
        Some(if lang.page() == Lang::Fr {
            format!("Correction : la courbe CPU de la source donne {cores} {} de Pi 4 pour {rate} requêtes par seconde, soit {per} de CPU par requête, bien au-delà d'une requête d'API typique (quelques millisecondes). Ces chiffres n'entrent ni dans le verdict ni dans le plafond, qui restent ceux de la source : mesurez le CPU (cpu) ou le temps de service (svc, par).", text::noun(s.cores.0, "cœur", "cœurs", lang))
        } else {
            format!("Correction: the source's CPU curve gives {cores} Pi 4 cores for {rate} requests a second, that is {per} of CPU per request, far beyond a typical API request (a few milliseconds). These figures set neither the verdict nor the ceiling, which stay the source's: measure the CPU (cpu) or the service time (svc, par).")
        })
    }

    /// How a measured P95 calibrated the model: predicted beside measured.
    pub fn calibration_text(&self, lang: Lang) -> Option<String> {
        let c = self.calibration?;
        let measured = Latency::time_text(Some(c.measured_s), lang);
        let fr = lang.page() == Lang::Fr;
        // `predicted 12 ms`, or what a saturated prediction means.
        let predicted = match (c.predicted_s, fr) {
            (Some(_), true) => format!("prévu {}", Latency::time_text(c.predicted_s, lang)),
            (Some(_), false) => format!("predicted {}", Latency::time_text(c.predicted_s, lang)),
            (None, true) => "le modèle prévoit un service saturé".to_owned(),
            (None, false) => "the model predicts a saturated service".to_owned(),
        };
        Some(match c.service_s {
            Some(service) => {
                let service = Latency::time_text(Some(service), lang);
                if fr {
                    format!("P95 mesuré {measured}, {predicted} au débit moyen d'aujourd'hui (où la mesure est lue). Calibrage : le temps de service devient {service}, qui redonne la mesure ; l'utilisation reste celle de la demande.")
                } else {
                    format!("P95 measured {measured}, {predicted} at today's average rate (where the measurement is read). Calibration: the service time becomes {service}, which gives the measurement back; the utilisation stays the demand's.")
                }
            }
            None if fr => format!("P95 mesuré {measured}, {predicted} au débit moyen d'aujourd'hui ; votre temps de service (svc) est gardé tel quel."),
            None => format!("P95 measured {measured}, {predicted} at today's average rate; your service time (svc) is kept as given."),
        })
    }

    /// The utilisation at the peak hour as the plan writes it: `62.5%`.
    pub fn utilisation_text(&self, lang: Lang) -> String {
        text::percent(self.utilisation_at_peak * 100.0, 1, lang)
    }

    /// `4,375 users, March 2028 (in 15.5 months)`, or `never`, or, for a
    /// P95 row that even an idle service is slower than, [`AT_ANY_LOAD`].
    pub fn at_text(users: Option<f64>, eta: Option<Eta>, lang: Lang) -> String {
        match (users, eta) {
            (Some(users), Some(_)) if users <= 0.0 => AT_ANY_LOAD.get(lang).to_owned(),
            (Some(users), Some(eta)) => format!(
                "{} {}, {}",
                text::integer(users, lang),
                tx("utilisateurs", "users").get(lang),
                eta.describe(lang)
            ),
            _ => tx("jamais", "never").get(lang).to_owned(),
        }
    }
}

impl TestCheck {
    /// `oha, closed loop: 850 requests/s with 50 connections; P95 measured
    /// 12 ms, the model gives 9 ms at that rate.`
    pub fn text(&self, lang: Lang) -> String {
        let t = self.test;
        let fr = lang.page() == Lang::Fr;
        let rate = text::rate(t.rate, lang);
        let with = match (t.concurrency, fr) {
            (Some(c), true) => format!(" avec {} connexion{}", c, if c > 1 { "s" } else { "" }),
            (Some(c), false) => format!(" with {} connection{}", c, if c > 1 { "s" } else { "" }),
            (None, _) => String::new(),
        };
        let predicted = match self.predicted_p95_s {
            Some(_) => Latency::time_text(self.predicted_p95_s, lang),
            None => tx("un service saturé", "a saturated service")
                .get(lang)
                .to_owned(),
        };
        let measured = t
            .p95_ms
            .map(|ms| Latency::time_text(Some(ms_to_seconds(ms)), lang));
        let head = format!(
            "{} ({}){}{rate} {}{with}",
            t.generator.label(),
            t.arrivals.name().get(lang),
            text::colon(lang),
            tx("requêtes/s", "requests/s").get(lang)
        );
        match (measured, fr) {
            (Some(m), true) => {
                format!("{head} ; P95 mesuré {m}, le modèle donne {predicted} à ce débit.")
            }
            (Some(m), false) => {
                format!("{head}; P95 measured {m}, the model gives {predicted} at that rate.")
            }
            (None, true) => format!("{head} ; le modèle donne un P95 de {predicted} à ce débit."),
            (None, false) => format!("{head}; the model gives a P95 of {predicted} at that rate."),
        }
    }
}

impl MeasuredCeiling {
    /// The fit in words: its ceiling, where it peaks, whether it degrades,
    /// and when the peak hour asks for it.
    pub fn text(&self, lang: Lang) -> String {
        let u = self.usl;
        let fr = lang.page() == Lang::Fr;
        let fit = format!(
            "σ = {}, κ = {}, {} {}",
            text::number(u.sigma, 4, lang),
            text::number(u.kappa, 6, lang),
            u.levels,
            tx("niveaux", "levels").get(lang)
        );
        let Some(max) = self.max_rps else {
            return if fr {
                format!("Loi d'extensibilité universelle ({fit}) : le débit croît en proportion de la concurrence mesurée, aucun plafond en vue.")
            } else {
                format!("Universal Scalability Law ({fit}): throughput grows in proportion to the concurrency measured, no ceiling in sight.")
            };
        };
        let max = text::rate(max, lang);
        let at = match self.peak_concurrency {
            Some(n) if fr => format!(
                ", atteint vers {} requêtes simultanées",
                text::number(n, 1, lang)
            ),
            Some(n) => format!(
                ", reached near {} concurrent requests",
                text::number(n, 1, lang)
            ),
            None => String::new(),
        };
        let retro = match (u.retrograde(), fr) {
            (true, true) => " Au-delà, le débit baisse (dégradation mesurée).",
            (true, false) => " Past it, throughput falls (retrograde scaling measured).",
            _ => "",
        };
        let when = Latency::at_text(self.users, self.eta, lang);
        if fr {
            format!("Loi d'extensibilité universelle ({fit}) : au plus {max} requêtes/s{at}.{retro} L'heure de pointe le demande à {when}.")
        } else {
            format!("Universal Scalability Law ({fit}): at most {max} requests/s{at}.{retro} The peak hour asks for it at {when}.")
        }
    }
}
