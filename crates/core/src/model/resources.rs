//! Headroom by resource: what runs out first on the user's machine, and when.
//!
//! Each resource has a demand curve from the source (the use of its own app
//! against monthly active users), a capacity on the host, and optionally a
//! measurement that rescales the curve to the user's app. The host's ceiling
//! is the number of users at which the first resource is full.

use crate::base::month::Origin;
use crate::base::text::{self, tx, Lang, Text};
use crate::base::units::Megabytes;
use crate::input::scenario::Scenario;
use crate::model::growth::{eta, Eta};
use crate::model::load::DISK_POINTS;
use crate::source::decision::Metrics;
use crate::source::decision::{Metric, Threshold, THRESHOLDS};
use crate::source::hardware::Machine;
use crate::source::hardware::{Host, MIGRATION_START_SHARE};

/// A resource of the machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    Cpu,
    Memory,
    Disk,
    Uplink,
}

impl Resource {
    pub const ALL: [Resource; 4] = [
        Resource::Cpu,
        Resource::Memory,
        Resource::Disk,
        Resource::Uplink,
    ];

    /// The name in `--json`'s `resources`.
    pub fn code(self) -> &'static str {
        match self {
            Resource::Cpu => "cpu",
            Resource::Memory => "memory",
            Resource::Disk => "disk",
            Resource::Uplink => "uplink",
        }
    }

    pub fn name(self) -> Text {
        match self {
            Resource::Cpu => tx("Processeur", "CPU"),
            Resource::Memory => tx("Mémoire", "Memory"),
            Resource::Disk => tx("Disque", "Disk"),
            Resource::Uplink => tx("Débit montant", "Upload"),
        }
    }

    /// The unit of the curve and of the capacity.
    pub fn unit(self) -> Text {
        match self {
            Resource::Cpu => tx("cœurs de Pi 4", "Pi 4 cores"),
            Resource::Memory => tx("Gio", "GiB"),
            Resource::Disk => tx("Go", "GB"),
            Resource::Uplink => tx("Mbit/s", "Mbit/s"),
        }
    }

    /// The source's demand curve: (users, use in `unit`), piecewise linear,
    /// extended past its last point by its last segment's slope.
    pub fn curve(self) -> Curve {
        match self {
            // Source, tier tables, "CPU ... cœurs utilisés".
            Resource::Cpu => Curve::Points(&CPU_POINTS),
            // Source, tier tables, "RAM ... utilisée".
            Resource::Memory => Curve::Points(&MEMORY_POINTS),
            // Source, section 4, "Disque total" (the load profile's curve), in MB.
            Resource::Disk => Curve::Megabytes(&DISK_POINTS),
            // Source, tier tables, "Bande passante".
            Resource::Uplink => Curve::Points(&UPLINK_POINTS),
        }
    }

    /// The decision table's metric for this resource, if it has one.
    fn metric(self) -> Option<Metric> {
        match self {
            Resource::Cpu => Some(Metric::Cpu),
            Resource::Memory => Some(Metric::Ram),
            Resource::Disk => Some(Metric::Disk),
            Resource::Uplink => None,
        }
    }

    /// The decision table's first row for this resource: its warning.
    pub fn warning_row(self) -> Option<&'static Threshold> {
        let metric = self.metric()?;
        THRESHOLDS.iter().find(|t| t.metric == metric)
    }

    /// The decision table's two thresholds for this resource, in %: the
    /// warning (its first row) and the critical one (its last: "urgent" for
    /// the CPU, "critical" for memory and disk).
    pub fn thresholds(self) -> Option<Thresholds> {
        let metric = self.metric()?;
        let mut rows = THRESHOLDS.iter().filter(|t| t.metric == metric);
        let first = rows.next()?;
        let last = rows.next_back().unwrap_or(first);
        Some(Thresholds {
            warning: first.threshold,
            critical: last.threshold,
        })
    }

    /// Every resource's thresholds in % of the machine, ascending and each
    /// once: the levels a chart of the use draws.
    pub fn threshold_levels() -> Vec<f64> {
        let mut levels: Vec<f64> = Resource::ALL
            .into_iter()
            .filter_map(Resource::thresholds)
            .flat_map(|t| [t.warning, t.critical])
            .collect();
        levels.sort_by(f64::total_cmp);
        levels.dedup();
        levels
    }

    /// What `machine` offers of this resource, in `unit`; the upload
    /// bandwidth is `uplink`, when the user gave it.
    pub fn capacity(self, machine: &Machine, uplink: Option<f64>) -> Option<f64> {
        match self {
            Resource::Cpu => Some(machine.threads.0),
            Resource::Memory => Some(machine.memory.0 / 1_024.0),
            Resource::Disk => Some(machine.disk_gb),
            Resource::Uplink => uplink,
        }
    }
}

/// A resource's rows of the decision table, in % of the machine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    pub warning: f64,
    pub critical: f64,
}

/// Source, tier tables: CPU in use, in Pi 4 cores, at 0, 100, 500 and 2,000 users.
pub const CPU_POINTS: [(f64, f64); 4] = [(0.0, 2.0), (100.0, 3.0), (500.0, 3.5), (2_000.0, 4.0)];
/// Source, tier tables: memory in use, GiB.
pub const MEMORY_POINTS: [(f64, f64); 4] = [(0.0, 1.5), (100.0, 2.0), (500.0, 3.0), (2_000.0, 4.0)];
/// Source, tier tables: upload bandwidth, Mbit/s.
pub const UPLINK_POINTS: [(f64, f64); 4] =
    [(0.0, 0.0), (100.0, 1.0), (500.0, 10.0), (2_000.0, 30.0)];

/// A demand curve: increasing, piecewise linear from 0 users.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Curve {
    /// Points in the resource's unit.
    Points(&'static [(f64, f64)]),
    /// Points in MB, read in GB.
    Megabytes(&'static [(f64, f64)]),
    /// The users themselves: a use proportional to them, whose scale is
    /// the use per user (a measured CPU by the utilisation law).
    Proportional,
}

impl Curve {
    fn points(self) -> (&'static [(f64, f64)], f64) {
        match self {
            Curve::Points(points) => (points, 1.0),
            Curve::Megabytes(points) => (points, Megabytes(1.0).gigabytes()),
            Curve::Proportional => (&[], 1.0),
        }
    }

    /// Use at `users`.
    pub fn at(self, users: f64) -> f64 {
        if self == Curve::Proportional {
            return users;
        }
        let (points, scale) = self.points();
        let mut previous = (0.0, 0.0);
        for &point in points {
            if users <= point.0 && point.0 > previous.0 {
                return along(previous, point, users) * scale;
            }
            previous = point;
        }
        match points {
            [.., before, last] => along(*before, *last, users) * scale,
            _ => previous.1 * scale,
        }
    }

    /// The users at which the use reaches `level`: 0 when it already does at
    /// no user, `None` if it never does (a flat last segment).
    pub fn users_at(self, level: f64) -> Option<f64> {
        if self == Curve::Proportional {
            return (level.is_finite() && level >= 0.0).then_some(level);
        }
        let (points, scale) = self.points();
        let level = level / scale;
        let mut previous = (0.0, 0.0);
        for &point in points {
            if level <= point.1 && point.0 > previous.0 {
                return Some(inverse(previous, point, level).max(0.0));
            }
            previous = point;
        }
        match points {
            [.., before, last] if last.1 > before.1 => Some(inverse(*before, *last, level)),
            _ => None,
        }
    }
}

fn along((x0, y0): (f64, f64), (x1, y1): (f64, f64), x: f64) -> f64 {
    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
}

fn inverse((x0, y0): (f64, f64), (x1, y1): (f64, f64), y: f64) -> f64 {
    if y1 == y0 {
        return x0;
    }
    x0 + (x1 - x0) * (y - y0) / (y1 - y0)
}

/// Where a resource's figures come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The source's curve, as given.
    Source,
    /// The source's curve rescaled so that it goes through the user's
    /// measurement at the current users.
    Measured,
}

impl Basis {
    pub fn code(self) -> &'static str {
        match self {
            Basis::Source => "source",
            Basis::Measured => "measured",
        }
    }

    pub fn name(self) -> Text {
        match self {
            Basis::Source => tx("courbe de la source", "source's curve"),
            Basis::Measured => tx("votre mesure", "your measurement"),
        }
    }
}

/// Said where the figures are: what the curves are, and what a measurement
/// does to them.
pub const CURVES: Text = tx(
    "Les courbes sont celles de l'application de la source (tableaux des paliers et profil de charge), prolongées au-delà de 2\u{202f}000 utilisateurs par leur dernière pente.",
    "The curves are the source's app (the tier tables and the load profile), extended past 2,000 users by their last slope.",
);
pub const CALIBRATION: Text = tx(
    "Hypothèse : une mesure garde la forme de la courbe de la source et la met à votre échelle (mesuré ÷ modélisé aux utilisateurs actuels). Le CPU mesuré suit la loi d'utilisation : proportionnel aux requêtes, à requêtes par utilisateur constantes, et lu à l'heure de pointe (moyenne × rapport de pointe) : il est plein quand la pointe atteint 100 %.",
    "Assumption: a measurement keeps the shape of the source's curve and sets its scale to yours (measured ÷ modelled at the current users). A measured CPU follows the utilisation law: proportional to the requests, each user's requests staying today's, and read at the peak hour (average × peak ratio): it is full when the peak reaches 100%.",
);

/// One resource on the user's machine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Headroom {
    pub resource: Resource,
    pub basis: Basis,
    /// The use against the users: the source's, or proportional to them
    /// for a measured CPU.
    pub curve: Curve,
    /// The peak hour's use over the day's average: the peak ratio for a
    /// measured CPU, whose thresholds and full point are at the peak hour;
    /// 1 for the others, the source's curves and the stored amounts.
    pub peak: f64,
    /// In the resource's unit; `None` when the host has none to offer.
    pub capacity: Option<f64>,
    /// Use at the current users, in the resource's unit; `None` when not
    /// modelled (the CPU curve on a machine other than the Pi, unmeasured).
    pub use_now: Option<f64>,
    /// The source's curve times this is the use: 1 as given, measured /
    /// modelled once measured; `None` when not modelled.
    pub scale: Option<f64>,
    /// The users at which the use crosses the decision table's warning and
    /// critical thresholds and fills the machine; `None` when not modelled,
    /// without a threshold, or never.
    pub warning_users: Option<f64>,
    pub critical_users: Option<f64>,
    pub full_users: Option<f64>,
    pub warning: Option<Eta>,
    pub critical: Option<Eta>,
    pub full: Option<Eta>,
}

impl Headroom {
    /// Use now in % of the capacity.
    pub fn use_now_percent(&self) -> Option<f64> {
        Some(self.use_now? / self.capacity? * 100.0)
    }

    /// Use at `users`, in the resource's unit (the day's average).
    pub fn use_at(&self, users: f64) -> Option<f64> {
        Some(self.curve.at(users) * self.scale?)
    }

    /// Use at `users` in % of the capacity, at the peak hour where it
    /// counts there (a measured CPU): what the thresholds are read against.
    pub fn percent_at(&self, users: f64) -> Option<f64> {
        Some(self.use_at(users)? * self.peak / self.capacity? * 100.0)
    }

    /// Use now at the peak hour in % of the capacity, when that differs
    /// from the average (a measured CPU).
    pub fn peak_percent_now(&self) -> Option<f64> {
        (self.peak != 1.0).then(|| Some(self.use_now_percent()? * self.peak))?
    }

    /// Whether its use can be given in % of the machine: it has a capacity
    /// and a model.
    pub fn in_percent(&self) -> bool {
        self.capacity.is_some() && self.is_modelled()
    }

    /// Its use in % of the machine at each month of `projection` (the users
    /// at months 0, 1, …); empty when not [`in_percent`](Self::in_percent).
    pub fn monthly_percent(&self, projection: &[f64]) -> Vec<MonthlyUse> {
        (0u32..)
            .zip(projection)
            .filter_map(|(month, &users)| {
                Some(MonthlyUse {
                    month,
                    percent: self.percent_at(users)?,
                })
            })
            .collect()
    }

    /// The use now, as the page and the CLI write it: `2 / 4 GiB (50%)`,
    /// `16.67 Mbit/s (a need, not a limit)`, or why it is not modelled.
    pub fn now_text(&self, lang: Lang) -> String {
        // A measured CPU is in the machine's own cores, whichever it is.
        let unit = match (self.resource, self.basis) {
            (Resource::Cpu, Basis::Measured) => tx("cœurs", "cores").get(lang),
            _ => self.resource.unit().get(lang),
        };
        match (self.use_now, self.capacity, self.use_now_percent()) {
            (Some(now), Some(capacity), Some(percent)) => {
                let average = format!(
                    "{} / {} {unit} ({})",
                    text::number(now, 2, lang),
                    text::number(capacity, 2, lang),
                    text::percent(percent, 0, lang)
                );
                match self.peak_percent_now() {
                    Some(peak) => format!(
                        "{average}{} {}",
                        tx(" en moyenne ;", " on average;").get(lang),
                        tx("à l'heure de pointe", "at the peak hour")
                            .get(lang)
                            .to_owned()
                            + " "
                            + &text::percent(peak, 0, lang)
                    ),
                    None => average,
                }
            }
            (Some(now), _, _) => format!(
                "{} {unit} ({})",
                text::number(now, 2, lang),
                tx("un besoin, pas une limite", "a need, not a limit").get(lang)
            ),
            (None, _, _) => tx(
                "non modélisé sans mesure (la source compte en cœurs de Pi 4)",
                "not modelled without a measurement (the source counts Pi 4 cores)",
            )
            .get(lang)
            .to_owned(),
        }
    }

    /// Whether Headroom has figures for this resource on this host.
    pub fn is_modelled(&self) -> bool {
        self.use_now.is_some()
    }
}

/// A resource's use in one month of the projection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthlyUse {
    /// Months from the start, 0 being now.
    pub month: u32,
    /// In % of the machine; past 100 when the resource would be over-full.
    pub percent: f64,
}

/// The host's ceiling and what sets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ceiling {
    pub users: u32,
    /// The first resource to be full, if any resource is modelled; `None`
    /// when the latency sets the ceiling.
    pub binding: Option<Resource>,
    /// The busiest service saturates at the peak hour before any resource
    /// is full: it sets the ceiling.
    pub latency: bool,
    /// The users at which the P95 at the peak hour passes the decision
    /// table's last row: phase 1 starts there when that comes before 75%
    /// of the ceiling.
    pub latency_start: Option<f64>,
    /// The source's recommended ceiling is lower than every resource's, and
    /// applies until both `cpu` and `ram` are measured.
    pub source_cap: bool,
}

impl Ceiling {
    /// What sets it, as the page and the CLI write it: `Memory, full at
    /// 6,000 users`, or the source's recommended ceiling.
    pub fn describe(self, lang: Lang) -> String {
        let users = format!(
            "{} {}",
            text::integer(f64::from(self.users), lang),
            tx("utilisateurs", "users").get(lang)
        );
        match self.binding {
            _ if self.latency => format!(
                "{}, {} {users}",
                tx(
                    "Latence : le service le plus chargé sature à l'heure de pointe",
                    "Latency: the busiest service saturates at the peak hour",
                )
                .get(lang),
                tx("à", "at").get(lang)
            ),
            _ if self.source_cap => format!(
                "{} ({users})",
                tx(
                    "le plafond recommandé par la source, tant que CPU et RAM ne sont pas tous deux mesurés",
                    "the source's recommended ceiling, until both CPU and RAM are measured",
                )
                .get(lang)
            ),
            Some(resource) => format!(
                "{}, {} {users}",
                resource.name().get(lang),
                tx("au maximum à", "full at").get(lang)
            ),
            None => users,
        }
    }
}

/// The machine and what the user said of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Site<'a> {
    pub host: Host,
    /// `None` on the cloud.
    pub machine: Option<Machine>,
    /// `uplink`, Mbit/s.
    pub uplink: Option<f64>,
    pub metrics: &'a Metrics,
    /// `peak`: the peak hour over the day's average.
    pub peak_ratio: f64,
}

impl Site<'_> {
    /// The site a scenario describes.
    pub fn of(s: &Scenario) -> Site<'_> {
        Site {
            host: s.host,
            machine: s.machine(),
            uplink: s.uplink_mbps,
            metrics: &s.metrics,
            peak_ratio: s.peak_ratio,
        }
    }
}

/// Every resource of the site's machine for `users` growing at
/// `growth_percent` from `start`, calibrated by the measured metrics. Empty
/// for the cloud.
pub fn headroom(
    site: Site,
    users: u32,
    growth_percent: f64,
    start: impl Into<Origin>,
) -> Vec<Headroom> {
    let start: Origin = start.into();
    let Some(machine) = site.machine else {
        return Vec::new();
    };
    let metrics = site.metrics;
    let now = f64::from(users);
    Resource::ALL
        .into_iter()
        .map(|resource| {
            let capacity = resource.capacity(&machine, site.uplink);
            let measured = match resource {
                Resource::Cpu => metrics.cpu,
                Resource::Memory => metrics.ram,
                Resource::Disk => metrics.disk,
                Resource::Uplink => None,
            };
            // A measured CPU is the utilisation law's: proportional to the
            // requests, so to the users, and full when the peak hour is.
            let cpu_law = resource == Resource::Cpu && measured.is_some();
            let curve = if cpu_law {
                Curve::Proportional
            } else {
                resource.curve()
            };
            let peak = if cpu_law { site.peak_ratio } else { 1.0 };
            // The curve's scale: 1 as the source gives it; measured / modelled
            // at the current users when the user measured it (the shape stays
            // the source's). The CPU curve counts Pi 4 cores: it says nothing
            // of another machine until measured.
            let (basis, scale) = match (measured, capacity) {
                (Some(percent), Some(capacity)) => {
                    let modelled = curve.at(now);
                    let scale = (modelled > 0.0).then(|| percent / 100.0 * capacity / modelled);
                    (Basis::Measured, scale)
                }
                _ if resource == Resource::Cpu && site.host != Host::Pi4 => (Basis::Source, None),
                _ => (Basis::Source, Some(1.0)),
            };
            let use_now = scale.map(|scale| curve.at(now) * scale);
            let users_at_percent = |percent: Option<f64>| -> Option<f64> {
                let level = percent? / 100.0 * capacity? / scale? / peak;
                curve.users_at(level).filter(|users| users.is_finite())
            };
            let thresholds = resource.thresholds();
            let warning_users = users_at_percent(thresholds.map(|t| t.warning));
            let critical_users = users_at_percent(thresholds.map(|t| t.critical));
            let full_users = users_at_percent(Some(100.0));
            let when = |at: Option<f64>| at.map(|at| eta(users, growth_percent, at, start));
            Headroom {
                resource,
                basis,
                curve,
                peak,
                capacity,
                use_now,
                scale,
                warning_users,
                critical_users,
                full_users,
                warning: when(warning_users),
                critical: when(critical_users),
                full: when(full_users),
            }
        })
        .collect()
}

/// What the latency model says of the machine, when it rests on the
/// user's figures (not on the source's curve).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LatencyLimits {
    /// The users at which the peak hour saturates the busiest service.
    pub saturation_users: Option<f64>,
    /// The users at which its P95 at the peak hour passes the decision
    /// table's last row ("decide on scaling").
    pub slow_users: Option<f64>,
}

/// The host's ceiling: the users at which the first resource is full, or
/// the busiest service saturates at the peak hour, capped by the source's
/// recommended ceiling (2,000 users on the Pi 4, 10,000 on the mini PC)
/// until both `cpu` and `ram` are measured. `None` for the cloud, and for a
/// machine none of whose resources ever fills.
pub fn ceiling(site: Site, resources: &[Headroom], latency: LatencyLimits) -> Option<Ceiling> {
    let machine = site.machine?;
    let metrics = site.metrics;
    // `None` in the first place: the latency, after the resources on a tie.
    let first_full = resources
        .iter()
        .filter_map(|r| Some((Some(r.resource), r.full_users?)))
        .chain(latency.saturation_users.map(|at| (None, at)))
        .fold(
            None,
            |first: Option<(Option<Resource>, f64)>, (resource, at)| match first {
                Some((_, best)) if best <= at => first,
                _ => Some((resource, at)),
            },
        );
    let calibrated = metrics.cpu.is_some() && metrics.ram.is_some();
    let users = |at: f64| at.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    match (first_full, machine.ceiling_users) {
        (Some((resource, at)), source)
            if calibrated || source.is_none_or(|source| users(at) <= source) =>
        {
            Some(Ceiling {
                users: users(at),
                binding: resource,
                latency: resource.is_none(),
                latency_start: latency.slow_users,
                source_cap: false,
            })
        }
        (first, Some(source)) => Some(Ceiling {
            users: source,
            binding: first.and_then(|(resource, _)| resource),
            latency: false,
            latency_start: latency.slow_users,
            source_cap: true,
        }),
        (_, None) => None,
    }
}

/// Phase 1 of the migration starts at this share of the ceiling, or when
/// the P95 at the peak hour passes the decision table's last row, if that
/// comes first.
pub fn migration_start_users(ceiling: Ceiling) -> f64 {
    let share = f64::from(ceiling.users) * MIGRATION_START_SHARE;
    ceiling.latency_start.map_or(share, |slow| slow.min(share))
}

/// When the current host runs out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HostTiming {
    /// Users at which phase 1 of the migration starts (75% of the ceiling).
    pub migration_start_users: f64,
    pub ceiling_users: u32,
    /// Start phase 1 (preparation, 1-2 weeks) then.
    pub migration_start: Eta,
    /// The migration must be done by then.
    pub ceiling: Eta,
}

impl HostTiming {
    /// The dates for a host whose ceiling is `ceiling` (by resource, see
    /// [`ceiling`]).
    pub fn new(
        ceiling: Ceiling,
        users: u32,
        growth_percent: f64,
        start: impl Into<Origin>,
    ) -> HostTiming {
        let start: Origin = start.into();
        let ceiling_users = ceiling.users;
        let migration_start_users = migration_start_users(ceiling);
        HostTiming {
            migration_start_users,
            ceiling_users,
            migration_start: eta(users, growth_percent, migration_start_users, start),
            ceiling: eta(users, growth_percent, f64::from(ceiling_users), start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::month::YearMonth;

    fn metrics(cpu: Option<f64>, ram: Option<f64>, disk: Option<f64>) -> Metrics {
        Metrics {
            cpu,
            ram,
            disk,
            ..Metrics::default()
        }
    }

    fn start() -> YearMonth {
        YearMonth::new(2026, 11).unwrap()
    }

    fn site(host: Host, metrics: &Metrics) -> Site<'_> {
        Site {
            host,
            machine: host.machine(),
            uplink: None,
            metrics,
            peak_ratio: 4.0,
        }
    }

    fn find(resources: &[Headroom], resource: Resource) -> Headroom {
        *resources.iter().find(|r| r.resource == resource).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn the_curves_go_through_the_source_points_and_past_2000_by_the_last_slope() {
        let cpu = Resource::Cpu.curve();
        assert_eq!(cpu.at(0.0), 2.0);
        assert_eq!(cpu.at(100.0), 3.0);
        assert_eq!(cpu.at(500.0), 3.5);
        assert_eq!(cpu.at(2_000.0), 4.0);
        // 0.5 core per 1,500 users after 2,000.
        assert!(close(cpu.at(3_500.0), 4.5));
        assert_eq!(Resource::Memory.curve().at(2_000.0), 4.0);
        assert_eq!(Resource::Uplink.curve().at(500.0), 10.0);
        // The load profile's disk, in GB: 20 GB at 2,000 users, 100 at 10,000.
        assert_eq!(Resource::Disk.curve().at(2_000.0), 20.0);
        assert_eq!(Resource::Disk.curve().at(10_000.0), 100.0);
        for resource in Resource::ALL {
            let curve = resource.curve();
            for users in [0.0, 50.0, 100.0, 300.0, 500.0, 1_234.0, 2_000.0, 7_000.0] {
                let at = curve.users_at(curve.at(users)).unwrap();
                assert!(
                    close(at, users) || curve.at(at) == curve.at(users),
                    "{resource:?} {users}"
                );
            }
        }
    }

    #[test]
    fn the_pi_4_without_measurements_keeps_its_2000_users() {
        let none = Metrics::default();
        let resources = headroom(site(Host::Pi4, &none), 500, 15.0, start());
        // Both curves reach the Pi's 4 cores and 4 GiB at 2,000 users.
        assert_eq!(find(&resources, Resource::Cpu).full_users, Some(2_000.0));
        assert_eq!(find(&resources, Resource::Memory).full_users, Some(2_000.0));
        let c = ceiling(site(Host::Pi4, &none), &resources, LatencyLimits::default()).unwrap();
        assert_eq!(c.users, 2_000);
        assert_eq!(migration_start_users(c), 1_500.0);
        // The uplink is a need, not a limit, without `uplink`.
        let uplink = find(&resources, Resource::Uplink);
        assert_eq!((uplink.capacity, uplink.full_users), (None, None));
        assert_eq!(uplink.use_now, Some(10.0));
    }

    #[test]
    fn worked_example_memory_binds_at_6000_users() {
        // users=1000&growth=10&host=pi4&cpu=4&ram=50: the CPU's 4% is 16% at
        // the peak hour (× 4), full at 1,000 ÷ 0.16 = 6,250 users.
        let m = metrics(Some(4.0), Some(50.0), None);
        let resources = headroom(site(Host::Pi4, &m), 1_000, 10.0, start());
        let cpu = find(&resources, Resource::Cpu);
        let memory = find(&resources, Resource::Memory);
        assert_eq!(
            (cpu.basis, memory.basis),
            (Basis::Measured, Basis::Measured)
        );
        assert!(close(cpu.use_now_percent().unwrap(), 4.0));
        assert!(close(cpu.peak_percent_now().unwrap(), 16.0));
        assert!(close(cpu.full_users.unwrap(), 6_250.0), "{cpu:?}");
        assert!(close(cpu.percent_at(6_250.0).unwrap(), 100.0));
        // The warning (70%) and critical (85%) rows, at the peak hour too.
        assert!(close(cpu.warning_users.unwrap(), 4_375.0), "{cpu:?}");
        assert!(close(cpu.critical_users.unwrap(), 5_312.5), "{cpu:?}");
        assert!(close(memory.percent_at(6_000.0).unwrap(), 100.0));
        assert!(close(memory.full_users.unwrap(), 6_000.0), "{memory:?}");
        let c = ceiling(site(Host::Pi4, &m), &resources, LatencyLimits::default()).unwrap();
        assert_eq!(
            c,
            Ceiling {
                users: 6_000,
                binding: Some(Resource::Memory),
                latency: false,
                latency_start: None,
                source_cap: false
            }
        );
        assert_eq!(migration_start_users(c), 4_500.0);
        // ln 4.5 / ln 1.1 = 15.78 months; ln 6 / ln 1.1 = 18.80 months.
        let phase_1 = eta(1_000, 10.0, migration_start_users(c), start())
            .months()
            .unwrap();
        let full = eta(1_000, 10.0, f64::from(c.users), start())
            .months()
            .unwrap();
        assert_eq!(format!("{phase_1:.2} {full:.2}"), "15.78 18.80");
    }

    #[test]
    fn an_average_cpu_past_100_percent_at_the_peak_is_full_already() {
        // The former worked example, cpu=50: 200% at the peak hour, full
        // at 500 users, half today's.
        let m = metrics(Some(50.0), Some(50.0), None);
        let resources = headroom(site(Host::Pi4, &m), 1_000, 10.0, start());
        let cpu = find(&resources, Resource::Cpu);
        assert!(close(cpu.peak_percent_now().unwrap(), 200.0));
        assert!(close(cpu.full_users.unwrap(), 500.0));
        assert_eq!(cpu.full, Some(Eta::Overdue));
        let c = ceiling(site(Host::Pi4, &m), &resources, LatencyLimits::default()).unwrap();
        assert_eq!((c.users, c.binding), (500, Some(Resource::Cpu)));
    }

    #[test]
    fn the_latency_can_set_the_ceiling_and_the_start_of_the_migration() {
        let m = metrics(Some(4.0), Some(50.0), None);
        let resources = headroom(site(Host::Pi4, &m), 1_000, 10.0, start());
        // One process saturating at 3,000 users, slow at 2,000.
        let limits = LatencyLimits {
            saturation_users: Some(3_000.0),
            slow_users: Some(2_000.0),
        };
        let c = ceiling(site(Host::Pi4, &m), &resources, limits).unwrap();
        assert_eq!((c.users, c.binding, c.latency), (3_000, None, true));
        assert_eq!(migration_start_users(c), 2_000.0);
        assert!(
            c.describe(Lang::En).starts_with("Latency"),
            "{}",
            c.describe(Lang::En)
        );
        // Past the resources' point it does not bind.
        let limits = LatencyLimits {
            saturation_users: Some(9_000.0),
            slow_users: Some(8_000.0),
        };
        let c = ceiling(site(Host::Pi4, &m), &resources, limits).unwrap();
        assert_eq!((c.users, c.latency), (6_000, false));
        assert_eq!(migration_start_users(c), 4_500.0);
    }

    #[test]
    fn one_measurement_alone_keeps_the_source_ceiling() {
        // 5% × 4 = 20% at the peak: full at 5,000 users.
        let m = metrics(Some(5.0), None, None);
        let resources = headroom(site(Host::Pi4, &m), 1_000, 10.0, start());
        let c = ceiling(site(Host::Pi4, &m), &resources, LatencyLimits::default()).unwrap();
        // CPU at 5% is full far away, memory still at 2,000: 2,000.
        assert_eq!(c.users, 2_000);
        assert_eq!(c.binding, Some(Resource::Memory));
    }

    #[test]
    fn a_heavy_app_lowers_the_ceiling_below_the_source_one() {
        // 90% of the Pi's memory at 1,000 users: full at 1,000 × … well before 2,000.
        let m = metrics(None, Some(90.0), None);
        let resources = headroom(site(Host::Pi4, &m), 1_000, 10.0, start());
        let c = ceiling(site(Host::Pi4, &m), &resources, LatencyLimits::default()).unwrap();
        assert!(c.users < 2_000 && c.users > 1_000, "{c:?}");
        assert_eq!(c.binding, Some(Resource::Memory));
        assert!(!c.source_cap);
    }

    #[test]
    fn the_mini_pc_cpu_is_not_modelled_without_a_measurement() {
        let none = Metrics::default();
        let resources = headroom(site(Host::MiniPc, &none), 3_000, 10.0, start());
        let cpu = find(&resources, Resource::Cpu);
        assert!(!cpu.is_modelled());
        assert_eq!((cpu.full_users, cpu.warning_users), (None, None));
        // Memory: 16 GiB at 2,000 + 12 × 1,500 = 20,000 users; the source's
        // 10,000 caps it.
        assert!(close(
            find(&resources, Resource::Memory).full_users.unwrap(),
            20_000.0
        ));
        let c = ceiling(
            site(Host::MiniPc, &none),
            &resources,
            LatencyLimits::default(),
        )
        .unwrap();
        assert_eq!((c.users, c.source_cap), (10_000, true));
        assert!(headroom(site(Host::Cloud, &none), 3_000, 10.0, start()).is_empty());
        assert_eq!(
            ceiling(site(Host::Cloud, &none), &[], LatencyLimits::default()),
            None
        );
    }

    #[test]
    fn thresholds_are_the_decision_tables() {
        let pair = |r: Resource| r.thresholds().map(|t| (t.warning, t.critical));
        assert_eq!(pair(Resource::Cpu), Some((70.0, 85.0)));
        assert_eq!(pair(Resource::Memory), Some((80.0, 95.0)));
        assert_eq!(pair(Resource::Disk), Some((80.0, 95.0)));
        assert_eq!(pair(Resource::Uplink), None);
        let none = Metrics::default();
        let resources = headroom(site(Host::Pi4, &none), 500, 15.0, start());
        // CPU at 70% of 4 cores = 2.8 cores: between 0 (2) and 100 users (3).
        assert!(close(
            find(&resources, Resource::Cpu).warning_users.unwrap(),
            80.0
        ));
    }

    #[test]
    fn the_chart_levels_are_the_decision_tables_percentages() {
        // Source, section 2: CPU > 70% and > 85%, RAM and disk > 80% and > 95%.
        assert_eq!(Resource::threshold_levels(), [70.0, 80.0, 85.0, 95.0]);
    }

    #[test]
    fn the_monthly_use_follows_the_source_curves() {
        let none = Metrics::default();
        let resources = headroom(site(Host::Pi4, &none), 500, 15.0, start());
        // 500 users, then 575, then 661.25 (+15% a month).
        let projection = crate::timing::projection(500, 15.0, 2);
        let memory = find(&resources, Resource::Memory).monthly_percent(&projection);
        let months: Vec<u32> = memory.iter().map(|m| m.month).collect();
        assert_eq!(months, [0, 1, 2]);
        // Memory: 3 GiB at 500 users, +1 GiB per 1,500 users to 2,000; of 4 GiB.
        let expected =
            [3.0, 3.0 + 75.0 / 1_500.0, 3.0 + 161.25 / 1_500.0].map(|gib| gib / 4.0 * 100.0);
        for (got, want) in memory.iter().zip(expected) {
            assert!(close(got.percent, want), "{got:?} against {want}");
        }
        // CPU: 3.5 of the Pi's 4 cores at 500 users.
        let cpu = find(&resources, Resource::Cpu).monthly_percent(&projection);
        assert!(close(cpu[0].percent, 87.5), "{cpu:?}");
        // Disk: 5 GB of 1 TB at 500 users (section 4).
        let disk = find(&resources, Resource::Disk).monthly_percent(&projection);
        assert!(close(disk[0].percent, 0.5), "{disk:?}");
        // The upload has no capacity without `uplink`: no line to draw.
        let uplink = find(&resources, Resource::Uplink);
        assert!(!uplink.in_percent());
        assert!(uplink.monthly_percent(&projection).is_empty());
        // The mini PC's CPU is not modelled without a measurement.
        let mini = headroom(site(Host::MiniPc, &none), 500, 15.0, start());
        let cpu = find(&mini, Resource::Cpu);
        assert!(!cpu.in_percent() && cpu.monthly_percent(&projection).is_empty());
        assert!(find(&mini, Resource::Memory).in_percent());
    }

    #[test]
    fn no_number_makes_it_panic() {
        for users in [0, 1, 100, 2_000, 100_000_000] {
            for m in [None, Some(0.0), Some(0.001), Some(50.0), Some(100.0)] {
                let metrics = metrics(m, m, m);
                for host in Host::ALL {
                    let site = site(host, &metrics);
                    let resources = headroom(site, users, -90.0, start());
                    let _ = ceiling(site, &resources, LatencyLimits::default());
                    let resources = headroom(site, users, 1_000.0, start());
                    let _ = ceiling(site, &resources, LatencyLimits::default());
                }
            }
        }
    }
}
