//! The inputs of a plan, one per URL query key, with their validation.
//!
//! Every input is set from text through [`Scenario::set`], which refuses any
//! value outside the key's allowed range with an [`InputError`] naming the key,
//! the value and the range. The query codec, the CLI flags and the site's
//! inputs all go through it, so a value is checked in one place.

use crate::base::month::{Origin, YearMonth};
use crate::base::text::Lang;
use crate::input::measured::Measured;
use crate::input::names::Names;
use crate::source::decision::Metrics;
use crate::source::hardware::{Host, Machine};

/// The defaults that depend on where Headroom runs: the clock and the language
/// of the browser or terminal. Both are left out of a link when they match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defaults {
    pub today: YearMonth,
    pub lang: Lang,
    /// Today's day of the month (1 to 31): "in N months" counts from it.
    pub day: u8,
}

/// Everything a plan is computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// `users`: monthly active users now.
    pub users: u32,
    /// `growth`: user growth per month, percent.
    pub growth_percent: f64,
    /// `host`: the machine the stack runs on now.
    pub host: Host,
    /// `rpu`: requests per user per day; `None` follows the source's rule.
    pub requests_per_user: Option<f64>,
    /// `peak`: peak-hour traffic over the daily average.
    pub peak_ratio: f64,
    /// `mbpu`: database megabytes (decimal) per user.
    pub mb_per_user: f64,
    /// `pgconn`: PostgreSQL `max_connections`; `None` takes the tier's default.
    pub pg_connections: Option<u32>,
    /// `start`: the month the projection starts.
    pub start: YearMonth,
    /// `lang`: the interface language.
    pub lang: Lang,
    pub metrics: Metrics,
    pub names: Names,
    /// `hcpu`, `hmem`, `hdisk`: the machine when `host` is `custom`.
    pub custom: CustomHost,
    /// `uplink`: the host's upload bandwidth, Mbit/s; `None` shows bandwidth
    /// as a need rather than a limit.
    pub uplink_mbps: Option<f64>,
    /// `svc`, `par` and `cs2`: the busiest service, as the user measured it.
    pub service: Service,
    /// `ds`, `lt`, `usl`: what the user's tools measured.
    pub measured: Measured,
    /// Today (not a key): the month and the day "in N months" counts from.
    pub today: YearMonth,
    pub day: u8,
}

/// The busiest service of the stack as a queue: how long one request keeps
/// a server busy, and how many servers work in parallel. Both optional.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Service {
    /// `svc`: mean service time of one request, milliseconds.
    pub time_ms: Option<f64>,
    /// `par`: servers in parallel (Node.js processes, cores, pool size);
    /// `None` takes the machine's logical CPUs.
    pub servers: Option<u32>,
    /// `cs2`: the service times' squared coefficient of variation
    /// (variance ÷ mean²); `None` takes the exponential's 1.
    pub spread: Option<f64>,
}

/// The longest `svc`: ten minutes, the queueing model's bound.
pub const MAX_SERVICE_MS: f64 = 600_000.0;
/// The most `par`: the queueing model's bound.
pub const MAX_SERVERS: u32 = 1_024;
/// The largest `cs2`: the queueing model's bound.
pub const MAX_SPREAD: f64 = 100.0;

/// A machine of the user's (`host=custom`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CustomHost {
    /// `hcpu`: logical CPUs.
    pub cpus: u32,
    /// `hmem`: memory, GiB.
    pub memory_gib: f64,
    /// `hdisk`: disk, GB.
    pub disk_gb: f64,
}

impl Default for CustomHost {
    fn default() -> CustomHost {
        CustomHost {
            cpus: DEFAULT_HOST_CPUS,
            memory_gib: DEFAULT_HOST_MEMORY_GIB,
            disk_gb: DEFAULT_HOST_DISK_GB,
        }
    }
}

/// A custom host's defaults (SPEC section 2).
pub const DEFAULT_HOST_CPUS: u32 = 4;
pub const DEFAULT_HOST_MEMORY_GIB: f64 = 8.0;
pub const DEFAULT_HOST_DISK_GB: f64 = 250.0;

/// Default inputs (SPEC section 2; 500 users, 15 %/month, 5 MB per user are the source's).
pub const DEFAULT_USERS: u32 = 500;
pub const DEFAULT_GROWTH_PERCENT: f64 = 15.0;
pub const DEFAULT_PEAK_RATIO: f64 = 4.0;
pub const DEFAULT_MB_PER_USER: f64 = 5.0;

impl Scenario {
    pub fn new(defaults: Defaults) -> Scenario {
        Scenario {
            users: DEFAULT_USERS,
            growth_percent: DEFAULT_GROWTH_PERCENT,
            host: Host::Pi4,
            requests_per_user: None,
            peak_ratio: DEFAULT_PEAK_RATIO,
            mb_per_user: DEFAULT_MB_PER_USER,
            pg_connections: None,
            start: defaults.today,
            lang: defaults.lang,
            metrics: Metrics::default(),
            names: Names::default(),
            custom: CustomHost::default(),
            uplink_mbps: None,
            service: Service::default(),
            measured: Measured::default(),
            today: defaults.today,
            day: defaults.day,
        }
    }

    /// Where "in N months" counts from: the projection's start, today.
    pub fn origin(&self) -> Origin {
        Origin {
            start: self.start,
            today: self.today,
            day: self.day,
        }
    }

    /// The machine the stack runs on: the source's for `pi4` and `minipc`,
    /// the user's description for `custom`, `None` for the cloud.
    pub fn machine(&self) -> Option<Machine> {
        match self.host {
            Host::Custom => Some(Machine::custom(
                self.custom.cpus,
                self.custom.memory_gib,
                self.custom.disk_gb,
            )),
            host => host.machine(),
        }
    }
}
