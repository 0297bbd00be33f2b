//! What the user's measurements left in the plan's inputs, in the form a
//! share link carries: the containers `docker stats` showed (`ds`), the load
//! test that gave the service time (`lt`), and a Universal Scalability Law
//! fit over several load levels (`usl`). The pasted text itself never goes
//! into a link: the readers (`input::measure`, behind the `reports`
//! feature) turn it into these values, and every plan, with or without the
//! readers, is computed from them.
//!
//! Formats, fields separated by `:`, items by `,`:
//! - `ds`: `name:cpu:memory:limit` per container: its name, CPU in cores,
//!   memory and limit in MiB (limit empty when none was shown);
//! - `lt`: `tool:arrivals:rate:concurrency:p95`: the generator's code, how
//!   it sent its requests, the rate reached (per second), the concurrency
//!   and the measured P95 in ms (both may be empty);
//! - `usl`: `lambda:sigma:kappa:levels:max_measured`.

use crate::base::decimal;
use crate::base::text::{self, tx, Lang, Text};
use crate::input::role::{role_of, Role};

/// The tool that ran a load test.
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
    pub const ALL: [Generator; 7] = [
        Generator::Oha,
        Generator::K6,
        Generator::Autocannon,
        Generator::Wrk,
        Generator::Wrk2,
        Generator::Pgbench,
        Generator::PgbenchLog,
    ];

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

    /// The code in a link: one per reader.
    pub fn code(self) -> &'static str {
        match self {
            Generator::Wrk2 => "wrk2",
            Generator::PgbenchLog => "pgbench-log",
            other => other.name(),
        }
    }

    /// What the plan calls it: `oha`, `wrk2`, `pgbench (-l log)`.
    pub fn label(self) -> &'static str {
        match self {
            Generator::PgbenchLog => "pgbench -l",
            other => other.code(),
        }
    }

    fn from_code(code: &str) -> Option<Generator> {
        Generator::ALL.into_iter().find(|g| g.code() == code)
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
    const ALL: [Arrivals; 4] = [
        Arrivals::ClosedLoop,
        Arrivals::ConstantRate,
        Arrivals::Poisson,
        Arrivals::Unstated,
    ];

    /// The code in a link and in `--json`.
    pub fn code(self) -> &'static str {
        match self {
            Arrivals::ClosedLoop => "closed",
            Arrivals::ConstantRate => "constant",
            Arrivals::Poisson => "poisson",
            Arrivals::Unstated => "unstated",
        }
    }

    fn from_code(code: &str) -> Option<Arrivals> {
        Arrivals::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The arrivals' squared coefficient of variation, where known.
    pub fn ca2(self) -> Option<f64> {
        match self {
            Arrivals::ConstantRate => Some(0.0),
            Arrivals::Poisson => Some(1.0),
            Arrivals::ClosedLoop | Arrivals::Unstated => None,
        }
    }

    /// The kind in a few words.
    pub fn name(self) -> Text {
        match self {
            Arrivals::ClosedLoop => tx("boucle fermée", "closed loop"),
            Arrivals::ConstantRate => tx("débit constant", "constant rate"),
            Arrivals::Poisson => tx("arrivées de Poisson", "Poisson arrivals"),
            Arrivals::Unstated => tx("mode d'envoi non précisé", "sending mode not stated"),
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

/// The most containers `ds` keeps.
pub const MAX_CONTAINERS: usize = 64;
/// The longest container name kept (Docker's own limit is higher; Compose's
/// names are far shorter).
const MAX_NAME: usize = 63;
/// The largest figure a field takes: a petabyte in MiB, a billion requests
/// per second. Anything larger is a misreading, not a machine.
const MAX_FIGURE: f64 = 1e9;

/// One container as `docker stats` showed it.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerUse {
    pub name: String,
    /// `None` for a container Headroom does not plan for (kept and listed).
    pub role: Option<Role>,
    /// CPU in cores (100 % in `docker stats` is one core).
    pub cpu_cores: f64,
    pub memory_mib: f64,
    /// The limit shown, MiB; Docker shows the machine's memory for a
    /// container without one.
    pub limit_mib: Option<f64>,
}

/// The load test that gave `svc` (and `cs2`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoadTest {
    pub generator: Generator,
    pub arrivals: Arrivals,
    /// Requests (or transactions) per second the test reached.
    pub rate: f64,
    pub concurrency: Option<u32>,
    /// The P95 the test measured, at its own rate, ms.
    pub p95_ms: Option<f64>,
}

/// A Universal Scalability Law fit over several load levels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usl {
    pub lambda: f64,
    pub sigma: f64,
    pub kappa: f64,
    /// How many load levels it was fitted to.
    pub levels: u32,
    /// The highest concurrency measured.
    pub max_measured: f64,
}

impl Usl {
    /// The throughput the law gives at concurrency `n`.
    pub fn throughput(&self, n: f64) -> f64 {
        usl_throughput(self.lambda, self.sigma, self.kappa, n)
    }

    /// The concurrency of the peak throughput (`None` when κ = 0).
    pub fn peak_concurrency(&self) -> Option<f64> {
        (self.kappa > 0.0).then(|| ((1.0 - self.sigma) / self.kappa).sqrt().max(1.0))
    }

    /// The most it can serve: at the peak, else the ceiling λ ÷ σ; `None`
    /// when it scales linearly (σ = κ = 0).
    pub fn max_throughput(&self) -> Option<f64> {
        match self.peak_concurrency() {
            Some(n) => Some(self.throughput(n)),
            None => (self.sigma > 0.0).then(|| self.lambda / self.sigma),
        }
    }

    /// Measured past the peak: more concurrency there lowers throughput.
    pub fn retrograde(&self) -> bool {
        self.peak_concurrency()
            .is_some_and(|n| self.max_measured > n * 1.05)
    }
}

/// Gunther's law: X(N) = λN / (1 + σ(N−1) + κN(N−1)).
pub fn usl_throughput(lambda: f64, sigma: f64, kappa: f64, n: f64) -> f64 {
    lambda * n / (1.0 + sigma * (n - 1.0) + kappa * n * (n - 1.0))
}

/// The measurements a plan rests on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measured {
    /// `ds`: what `docker stats` showed, container by container.
    pub containers: Vec<ContainerUse>,
    /// `lt`: the load test behind `svc`.
    pub load_test: Option<LoadTest>,
    /// `usl`: the fit over several load levels.
    pub usl: Option<Usl>,
}

impl Measured {
    pub fn is_empty(&self) -> bool {
        self.containers.is_empty() && self.load_test.is_none() && self.usl.is_none()
    }

    /// The containers' CPU, in cores.
    pub fn total_cpu(&self) -> f64 {
        self.containers.iter().map(|c| c.cpu_cores).sum()
    }

    /// The containers' memory, MiB.
    pub fn total_memory_mib(&self) -> f64 {
        self.containers.iter().map(|c| c.memory_mib).sum()
    }
}

/// A figure of a link: plain decimal, finite, 0 to [`MAX_FIGURE`].
fn figure(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    // The core's own decimal reader: the site's WebAssembly carries no
    // other float parser.
    decimal::parse(text).filter(|x| x.is_finite() && (0.0..=MAX_FIGURE).contains(x))
}

fn optional_figure(text: &str) -> Option<Option<f64>> {
    if text.trim().is_empty() {
        Some(None)
    } else {
        figure(text).map(Some)
    }
}

/// A figure as a link writes it: at most four decimals, no trailing zeros.
pub fn write_figure(x: f64) -> String {
    let mut out = text::fixed(x, 4);
    while out.ends_with('0') {
        out.pop();
    }
    if out.ends_with('.') {
        out.pop();
    }
    out
}

/// Reads `ds`; `None` when any container is malformed.
pub fn parse_containers(text: &str) -> Option<Vec<ContainerUse>> {
    let items: Vec<&str> = text.split(',').collect();
    if items.len() > MAX_CONTAINERS {
        return None;
    }
    items
        .into_iter()
        .map(|item| {
            let fields: Vec<&str> = item.split(':').collect();
            let [name, cpu, memory, limit] = fields[..] else {
                return None;
            };
            let name = name.trim();
            let name_ok = !name.is_empty()
                && name.len() <= MAX_NAME
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/'));
            if !name_ok {
                return None;
            }
            Some(ContainerUse {
                name: name.to_owned(),
                role: role_of(name),
                cpu_cores: figure(cpu)?,
                memory_mib: figure(memory)?,
                limit_mib: optional_figure(limit)?.filter(|l| *l > 0.0),
            })
        })
        .collect()
}

pub fn write_containers(containers: &[ContainerUse]) -> String {
    containers
        .iter()
        .map(|c| {
            format!(
                "{}:{}:{}:{}",
                c.name,
                write_figure(c.cpu_cores),
                write_figure(c.memory_mib),
                c.limit_mib.map(write_figure).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads `lt`.
pub fn parse_load_test(text: &str) -> Option<LoadTest> {
    let fields: Vec<&str> = text.split(':').collect();
    let [tool, arrivals, rate, concurrency, p95] = fields[..] else {
        return None;
    };
    let concurrency = match optional_figure(concurrency)? {
        Some(c) if c.fract() == 0.0 && (1.0..=1e6).contains(&c) => Some(c as u32),
        Some(_) => return None,
        None => None,
    };
    Some(LoadTest {
        generator: Generator::from_code(tool.trim())?,
        arrivals: Arrivals::from_code(arrivals.trim())?,
        rate: figure(rate).filter(|r| *r > 0.0)?,
        concurrency,
        p95_ms: optional_figure(p95)?,
    })
}

pub fn write_load_test(t: &LoadTest) -> String {
    format!(
        "{}:{}:{}:{}:{}",
        t.generator.code(),
        t.arrivals.code(),
        write_figure(t.rate),
        t.concurrency.map(|c| c.to_string()).unwrap_or_default(),
        t.p95_ms.map(write_figure).unwrap_or_default()
    )
}

/// Reads `usl`: λ > 0, 0 ≤ σ ≤ 1, κ ≥ 0, six levels or more.
pub fn parse_usl(text: &str) -> Option<Usl> {
    let fields: Vec<&str> = text.split(':').collect();
    let [lambda, sigma, kappa, levels, max_measured] = fields[..] else {
        return None;
    };
    let levels = figure(levels).filter(|n| n.fract() == 0.0 && (6.0..=1e6).contains(n))?;
    Some(Usl {
        lambda: figure(lambda).filter(|l| *l > 0.0)?,
        sigma: figure(sigma).filter(|s| *s <= 1.0)?,
        kappa: figure(kappa)?,
        levels: levels as u32,
        max_measured: figure(max_measured).filter(|n| *n >= 1.0)?,
    })
}

pub fn write_usl(u: &Usl) -> String {
    // κ is often tiny: kept to ten decimals, without an exponent.
    let kappa = text::fixed(u.kappa, 10);
    let kappa = kappa.trim_end_matches('0').trim_end_matches('.');
    format!(
        "{}:{}:{}:{}:{}",
        write_figure(u.lambda),
        write_figure(u.sigma),
        if kappa.is_empty() { "0" } else { kappa },
        u.levels,
        write_figure(u.max_measured)
    )
}

/// How a link's measurement keys are written, for the allowed-range text.
pub fn format_text(key: &str, lang: Lang) -> String {
    let (fr, en) = match key {
        "ds" => (
            "des conteneurs nom:cpu:mémoire:limite séparés par des virgules (au plus 64)",
            "containers name:cpu:memory:limit separated by commas (at most 64)",
        ),
        "lt" => (
            "outil:envoi:débit:concurrence:p95 (outil : oha, k6, autocannon, wrk, wrk2, pgbench, pgbench-log)",
            "tool:sending:rate:concurrency:p95 (tool: oha, k6, autocannon, wrk, wrk2, pgbench, pgbench-log)",
        ),
        _ => (
            "lambda:sigma:kappa:niveaux:concurrence_max (au moins 6 niveaux)",
            "lambda:sigma:kappa:levels:max_concurrency (at least 6 levels)",
        ),
    };
    tx(fr, en).get(lang).to_owned()
}
