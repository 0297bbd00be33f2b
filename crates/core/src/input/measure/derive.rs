//! From what the tools printed to the plan's inputs: the values of the
//! query keys a set of readings fills, so that a share link (which never
//! carries the pasted text) reproduces the plan.
//!
//! - `docker stats`: `ds` (each container), and, on a machine of known
//!   size, `cpu` and `ram` (the containers' sums over the machine's CPUs and
//!   memory). The last snapshot given wins.
//! - Load tests: `svc` (the mean service time S), `cs2` (its spread) and
//!   `lt` (the tool, its arrivals, its rate and P95) from the report at the
//!   lowest load, where queueing inflates the mean least. With six load
//!   levels or more, a Universal Scalability Law fit (`usl`). The servers
//!   these imply are the latency model's to draw (`model::latency`), so a
//!   `par` the user gives still wins.

use super::docker_stats::DockerStats;
use super::report::{Arrivals, Report};
use super::spread::SpreadBasis;
use super::usl::{self, Level, MIN_LEVELS};
use super::{ReadError, Reading};
use crate::base::text::{self, Lang};
use crate::input::key::Key;
use crate::input::measured::{self, ContainerUse, LoadTest, Usl, MAX_CONTAINERS};
use crate::input::scenario::{Scenario, MAX_SERVICE_MS, MAX_SPREAD};

/// What the readings say beyond the values they set.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// `docker stats` on the cloud: no machine to divide by.
    NoMachine,
    /// The containers use more than the machine has (another machine's
    /// snapshot?): `cpu` or `ram` is capped at 100%.
    AboveMachine,
    /// Load tests at fewer levels than a fit needs.
    FewLevels { got: usize },
    /// The fit says throughput falls past this concurrency.
    Retrograde { peak: f64 },
    /// `docker stats` is one moment, read as the day's average.
    Snapshot,
    /// How the spread was read.
    Spread { cs2: f64, basis: SpreadBasis },
    /// The report gives no spread: exponential assumed.
    NoSpread,
}

impl Note {
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let pick = |f: String, e: String| if fr { f } else { e };
        match self {
            Note::NoMachine => pick(
                "Dans le cloud, Headroom ne connaît pas la taille de la machine : le CPU et la RAM mesurés ne sont pas convertis en pourcentages (cpu, ram).".into(),
                "On the cloud Headroom does not know the machine's size: the CPU and RAM measured are not turned into percentages (cpu, ram).".into(),
            ),
            Note::AboveMachine => pick(
                "Les conteneurs dépassent la machine choisie (instantané d'une autre machine ?) : cpu ou ram plafonné à 100 %.".into(),
                "The containers use more than the machine chosen has (a snapshot of another machine?): cpu or ram capped at 100%.".into(),
            ),
            Note::FewLevels { got } => pick(
                format!("{got} {} de charge : la loi d'extensibilité universelle en demande au moins {MIN_LEVELS} (plusieurs rapports, à des concurrences différentes). Pas d'ajustement : la saturation reste celle du modèle de file d'attente.", text::noun(*got as f64, "niveau", "niveaux", lang)),
                format!("{got} load {}: the Universal Scalability Law needs at least {MIN_LEVELS} (several reports, at different concurrencies). No fit: saturation stays the queueing model's.", text::noun(*got as f64, "level", "levels", lang)),
            ),
            Note::Retrograde { peak } => {
                let peak = text::number(*peak, 1, lang);
                pick(
                    format!("Dégradation mesurée : au-delà d'environ {peak} requêtes simultanées, le débit baisse (cohérence, κ > 0). Limitez la concurrence (pool, processus) sous ce seuil."),
                    format!("Retrograde scaling measured: past about {peak} concurrent requests, throughput falls (coherency, κ > 0). Keep concurrency (pool, processes) below it."),
                )
            }
            Note::Snapshot => pick(
                "docker stats montre un instant : son CPU est lu comme la moyenne de la journée (cpu). Prenez-le à une heure ordinaire, ou à la pointe en mettant le rapport de pointe à 1.".into(),
                "docker stats shows one moment: its CPU is read as the day's average (cpu). Take it at an ordinary hour, or at the peak with the peak ratio set to 1.".into(),
            ),
            Note::Spread { cs2, basis } => {
                let cs2 = text::number(*cs2, 2, lang);
                let from = match basis {
                    SpreadBasis::Samples { n } => pick(
                        format!("la variance de {} temps journalisés", text::integer(*n as f64, lang)),
                        format!("the variance of {} logged times", text::integer(*n as f64, lang)),
                    ),
                    SpreadBasis::StdDev => pick(
                        "l'écart type du rapport sur sa moyenne".into(),
                        "the report's standard deviation over its mean".into(),
                    ),
                    SpreadBasis::LognormalPercentiles => pick(
                        "une loi lognormale passant par les centiles du rapport".into(),
                        "a lognormal through the report's percentiles".into(),
                    ),
                };
                pick(
                    format!("Dispersion des temps de service C_s² = {cs2}, d'après {from}."),
                    format!("Spread of service times C_s² = {cs2}, from {from}."),
                )
            }
            Note::NoSpread => pick(
                "Le rapport ne donne ni écart type ni centiles : temps de service exponentiels supposés (C_s² = 1).".into(),
                "The report gives neither a standard deviation nor percentiles: exponential service times assumed (C_s² = 1).".into(),
            ),
        }
    }
}

/// The keys a set of readings sets, and what they say besides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Derived {
    /// In the order to set them.
    pub values: Vec<(Key, String)>,
    pub notes: Vec<Note>,
}

impl Derived {
    /// The values set on a copy of `scenario`.
    pub fn apply(&self, scenario: &Scenario) -> Scenario {
        let mut s = scenario.clone();
        for (key, value) in &self.values {
            // Every value was written by this module within its range.
            let _ = s.set(*key, value);
        }
        s
    }
}

/// The keys `readings` set for `scenario` (its machine sizes `cpu` and
/// `ram`); an error when a reading gives nothing to set.
pub fn derive(scenario: &Scenario, readings: &[Reading]) -> Result<Derived, ReadError> {
    if readings.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut derived = Derived::default();
    let stats = readings.iter().rev().find_map(|r| match r {
        Reading::Containers(stats) => Some(stats),
        Reading::LoadTest(_) => None,
    });
    if let Some(stats) = stats {
        containers(scenario, stats, &mut derived)?;
    }
    let reports: Vec<&Report> = readings
        .iter()
        .filter_map(|r| match r {
            Reading::LoadTest(report) => Some(report),
            Reading::Containers(_) => None,
        })
        .collect();
    if !reports.is_empty() {
        load_tests(&reports, &mut derived)?;
    }
    Ok(derived)
}

fn containers(s: &Scenario, stats: &DockerStats, out: &mut Derived) -> Result<(), ReadError> {
    if stats.containers.len() > MAX_CONTAINERS {
        return Err(ReadError::TooManyContainers {
            got: stats.containers.len(),
        });
    }
    let uses: Vec<ContainerUse> = stats
        .containers
        .iter()
        .map(|c| ContainerUse {
            name: link_name(&c.name),
            role: c.role,
            cpu_cores: c.cpu.map_or(0.0, |c| c.0),
            memory_mib: c.memory.map_or(0.0, |m| m.0),
            limit_mib: c.limit.map(|l| l.0),
        })
        .collect();
    let ds = measured::write_containers(&uses);
    match s.machine() {
        Some(machine) => {
            let cpu = 100.0 * stats.total_cpu.0 / machine.threads.0;
            let ram = 100.0 * stats.total_memory.0 / machine.memory.0;
            if cpu > 100.0 || ram > 100.0 {
                out.notes.push(Note::AboveMachine);
            }
            let percent =
                |x: f64| measured::write_figure((x.clamp(0.0, 100.0) * 10.0).round() / 10.0);
            out.values.push((Key::Cpu, percent(cpu)));
            out.values.push((Key::Ram, percent(ram)));
            out.notes.push(Note::Snapshot);
        }
        None => out.notes.push(Note::NoMachine),
    }
    out.values.push((Key::Ds, ds));
    Ok(())
}

/// A container's name as `ds` keeps it: Docker's own characters, at most 63.
fn link_name(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
        .take(63)
        .collect();
    if kept.is_empty() {
        "container".to_owned()
    } else {
        kept
    }
}

fn load_tests(reports: &[&Report], out: &mut Derived) -> Result<(), ReadError> {
    let mut measured: Vec<(&Report, super::Queueing)> = reports
        .iter()
        .filter_map(|r| Some((*r, r.queueing()?)))
        .collect();
    if measured.is_empty() {
        let tool = reports[0].generator;
        return Err(ReadError::Missing {
            tool: super::loadtest::tool_of(tool),
            field: "latency",
        });
    }
    // The lowest load: the fewest requests in flight.
    measured.sort_by(|a, b| a.1.in_flight.total_cmp(&b.1.in_flight));
    let (report, q) = measured[0];
    let service_ms = q.service_ms.clamp(0.0001, MAX_SERVICE_MS);
    out.values
        .push((Key::Svc, measured::write_figure(service_ms)));
    match q.cs2 {
        Some((cs2, basis)) => {
            let cs2 = cs2.clamp(0.0, MAX_SPREAD);
            out.values.push((Key::Cs2, measured::write_figure(cs2)));
            out.notes.push(Note::Spread { cs2, basis });
        }
        None => {
            out.values.push((Key::Cs2, String::new()));
            out.notes.push(Note::NoSpread);
        }
    }
    let test = LoadTest {
        generator: report.generator,
        arrivals: report.arrivals,
        rate: report.rate.0,
        concurrency: report.concurrency,
        p95_ms: q.p95_ms.filter(|(_, fitted)| !fitted).map(|(ms, _)| ms),
    };
    out.values.push((Key::Lt, measured::write_load_test(&test)));
    // Load levels: the concurrency of a closed loop, Little's in-flight
    // count of an open one.
    let levels: Vec<Level> = measured
        .iter()
        .map(|(r, q)| Level {
            concurrency: match (r.arrivals, r.concurrency) {
                (Arrivals::ClosedLoop, Some(c)) => f64::from(c),
                _ => q.in_flight,
            },
            throughput: r.rate.0,
        })
        .collect();
    if levels.len() < MIN_LEVELS {
        out.values.push((Key::Usl, String::new()));
        if levels.len() > 1 {
            out.notes.push(Note::FewLevels { got: levels.len() });
        }
        return Ok(());
    }
    let fit = usl::fit(&levels)?;
    let law = Usl {
        lambda: fit.lambda,
        sigma: fit.sigma,
        kappa: fit.kappa,
        levels: levels.len() as u32,
        max_measured: fit.max_measured.max(1.0),
    };
    out.values.push((Key::Usl, measured::write_usl(&law)));
    if let Some(peak) = law.peak_concurrency().filter(|_| law.retrograde()) {
        out.notes.push(Note::Retrograde { peak });
    }
    Ok(())
}
