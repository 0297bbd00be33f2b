//! The inputs of a plan, one per URL query key, with their validation.
//!
//! Every input is set from text through [`Scenario::set`], which refuses any
//! value outside the key's allowed range with an [`InputError`] naming the key,
//! the value and the range. The query codec, the CLI flags and the site's
//! inputs all go through it, so a value is checked in one place.

use crate::base::decimal;
use crate::base::text::{self, tx, Lang, Text};
use crate::settings::tuning;
use crate::source::hardware::{Host, Machine};
use crate::source::tier::{self, Service};
use std::fmt;

/// A calendar month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonth {
    /// A month of the years 1000 to 9999; `month` counts from 1.
    /// The last month a projection may start: its ten years stay within 9999.
    pub const LAST_START: YearMonth = YearMonth {
        year: 9989,
        month: 12,
    };

    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// Parses exactly `YYYY-MM`.
    pub fn parse(value: &str) -> Option<YearMonth> {
        let (year, month) = value.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        if !year
            .bytes()
            .chain(month.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The month containing a Unix time (seconds since 1970-01-01 UTC).
    pub fn from_unix_seconds(seconds: i64) -> YearMonth {
        // Days to civil date, after Howard Hinnant's `civil_from_days`.
        let days = seconds.div_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = year.clamp(1000, 9999) as i32;
        YearMonth {
            year,
            month: month as u8,
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// Months from `earlier` to this month: negative if `earlier` is later.
    pub fn months_since(self, earlier: YearMonth) -> i32 {
        (self.year - earlier.year) * 12 + i32::from(self.month) - i32::from(earlier.month)
    }

    /// The month `count` months later, at most 9999-12 (always `YYYY-MM`).
    pub fn plus_months(self, count: u32) -> YearMonth {
        let index = (i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(count))
            .min(9999 * 12 + 11);
        YearMonth {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// `novembre 2026` / `November 2026`.
    pub fn label(self, lang: Lang) -> String {
        let names = match lang.page() {
            Lang::Fr => &MONTHS_FR,
            Lang::En => &MONTHS_EN,
        };
        format!("{} {}", names[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A name put into the generated runbook commands: 1 to 63 characters of
/// `[A-Za-z0-9._-]`, so it is safe inside a shell command and a URL.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Name(String);

impl Name {
    pub fn parse(value: &str) -> Option<Name> {
        let valid = (1..=63).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        valid.then(|| Name(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn known(value: &'static str) -> Name {
        Name(value.to_owned())
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Measured averages from the running host; each is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// `cpu`: average CPU use, percent.
    pub cpu: Option<f64>,
    /// `ram`: memory use, percent.
    pub ram: Option<f64>,
    /// `disk`: disk use, percent.
    pub disk: Option<f64>,
    /// `p95`: 95th-percentile latency, milliseconds.
    pub p95_ms: Option<f64>,
    /// `err`: share of 5xx responses, percent.
    pub errors: Option<f64>,
}

/// Names substituted into the runbook commands.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    /// `db`: the PostgreSQL database to dump and restore.
    pub database: Name,
    /// `domain`: the public domain whose DNS moves to the new host.
    pub domain: Name,
    /// `target`: the SSH host name of the new machine.
    pub target: Name,
    /// `pgcontainer`: the PostgreSQL container's name.
    pub pg_container: Name,
}

impl Default for Names {
    /// The source project's names.
    fn default() -> Names {
        Names {
            database: Name::known("memolist"),
            domain: Name::known("memoo.fr"),
            target: Name::known("mini-pc"),
            pg_container: Name::known("memoo-postgres-1"),
        }
    }
}

/// The defaults that depend on where Headroom runs: the clock and the language
/// of the browser or terminal. Both are left out of a link when they match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defaults {
    pub today: YearMonth,
    pub lang: Lang,
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
}

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

    /// Whether `key` means something for this scenario: the custom host's
    /// keys only with `host=custom`. A key that does not is left out of links.
    pub fn uses(&self, key: Key) -> bool {
        !matches!(key, Key::Hcpu | Key::Hmem | Key::Hdisk) || self.host == Host::Custom
    }

    /// Sets one input from its text form. On refusal the scenario is unchanged.
    pub fn set(&mut self, key: Key, raw: &str) -> Result<(), InputError> {
        let spec = key.spec();
        let refuse = || InputError::new(key, raw);
        let value = raw.trim();
        if value.is_empty() && spec.optional {
            self.clear(key);
            return Ok(());
        }
        let number = || -> Result<f64, InputError> {
            let Allowed::Number {
                min,
                min_exclusive,
                max,
            } = spec.allowed
            else {
                return Err(refuse());
            };
            let n = parse_decimal(&plain_number(value, self.lang)).ok_or_else(refuse)?;
            let above_min = if min_exclusive { n > min } else { n >= min };
            if !n.is_finite() || !above_min || max.is_some_and(|max| n > max) {
                return Err(refuse());
            }
            Ok(n)
        };
        let integer = || -> Result<u32, InputError> {
            let Allowed::Integer { min, max } = spec.allowed else {
                return Err(refuse());
            };
            let n: u64 = plain_number(value, self.lang)
                .parse()
                .map_err(|_| refuse())?;
            if n < min || n > max {
                return Err(refuse());
            }
            u32::try_from(n).map_err(|_| refuse())
        };
        match spec.slot {
            Slot::Count(_, field, _) => *field(self) = integer()?,
            Slot::OptionalCount(_, field) => *field(self) = Some(integer()?),
            // + 0.0 turns -0 into 0, so a link never carries `growth=-0`.
            Slot::Number(_, field, _) => *field(self) = number()? + 0.0,
            Slot::OptionalNumber(_, field) => *field(self) = Some(number()? + 0.0),
            Slot::Host => self.host = Host::from_code(value).ok_or_else(refuse)?,
            Slot::Lang => self.lang = Lang::from_code(value).ok_or_else(refuse)?,
            Slot::Month => {
                self.start = YearMonth::parse(value)
                    .filter(|month| *month <= YearMonth::LAST_START)
                    .ok_or_else(refuse)?
            }
            Slot::Name(_, field) => *field(self) = Name::parse(value).ok_or_else(refuse)?,
        }
        Ok(())
    }

    /// The input's text form, or `None` when it is absent (an optional input).
    pub fn value(&self, key: Key) -> Option<String> {
        match key.spec().slot {
            Slot::Count(field, _, _) => Some(field(self).to_string()),
            Slot::OptionalCount(field, _) => field(self).map(|n| n.to_string()),
            Slot::Number(field, _, _) => Some(field(self).to_string()),
            Slot::OptionalNumber(field, _) => field(self).map(|n| n.to_string()),
            Slot::Host => Some(self.host.code().to_owned()),
            Slot::Lang => Some(self.lang.code().to_owned()),
            Slot::Month => Some(self.start.to_string()),
            Slot::Name(field, _) => Some(field(self).to_string()),
        }
    }

    /// Whether the input equals its default, and so stays out of a link.
    pub fn is_default(&self, key: Key, defaults: Defaults) -> bool {
        self.value(key) == Scenario::new(defaults).value(key)
    }

    /// A copy in which every out-of-range value is back to its default, with
    /// one error per value replaced. Fields are public, so [`crate::plan`]
    /// cannot assume they were set through [`Scenario::set`].
    pub fn sanitized(&self) -> (Scenario, Vec<InputError>) {
        let mut clean = self.clone();
        let mut errors = Vec::new();
        for key in Key::ALL {
            if let Some(value) = self.value(key) {
                if let Err(error) = clean.set(key, &value) {
                    clean.reset(key);
                    errors.push(error);
                }
            }
        }
        errors.extend(clean.refuse_unfit_connections());
        (clean, errors)
    }

    /// Refuses a `pgconn` whose PostgreSQL cannot fit the container of the
    /// tier its users are in, naming the largest that fits; the scenario then
    /// takes the tier's default. Call it once every input is set.
    pub fn refuse_unfit_connections(&mut self) -> Option<InputError> {
        let pgconn = self.pg_connections?;
        let tier = tier::tier_for(self.users);
        let limit = tier.limit(Service::Postgres)?.mem_limit;
        let largest = tuning::largest_pgconn(tier);
        if largest.is_some_and(|largest| pgconn <= largest) {
            return None;
        }
        self.pg_connections = None;
        Some(InputError {
            key: Key::Pgconn,
            value: pgconn.to_string(),
            problem: Problem::DoesNotFit {
                tier: tier.number,
                limit_mib: limit.0 as u32,
                largest,
            },
        })
    }

    /// Puts a numeric input back to its default. Text inputs (`host`, `lang`,
    /// `start`, names) cannot hold a refused value, so they are left alone.
    fn reset(&mut self, key: Key) {
        match key.spec().slot {
            Slot::Count(_, field, default) => *field(self) = default,
            Slot::Number(_, field, default) => *field(self) = default,
            _ => self.clear(key),
        }
    }

    /// Empties an optional input.
    fn clear(&mut self, key: Key) {
        match key.spec().slot {
            Slot::OptionalCount(_, field) => *field(self) = None,
            Slot::OptionalNumber(_, field) => *field(self) = None,
            _ => {}
        }
    }
}

/// A number as the page writes it, in the codec's form: a trailing `%`
/// dropped, and the thousands separators `lang` prints (spaces in French;
/// commas, or spaces, in English) dropped when they group digits by three.
/// Anything else is left for the parsers to refuse.
fn plain_number(value: &str, lang: Lang) -> String {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let value = value
        .strip_suffix('%')
        .map_or(value, |v| v.trim_end_matches(SPACES));
    let (separators, decimal): (&[char], &[char]) = match lang.page() {
        Lang::Fr => (&SPACES, &[',', '.']),
        Lang::En => (&[' ', '\u{a0}', '\u{202f}', ','], &['.']),
    };
    let split = value.find(decimal).unwrap_or(value.len());
    let (whole, fraction) = value.split_at(split);
    if !whole.contains(separators) {
        return value.to_owned();
    }
    let digits = whole.trim_start_matches(['+', '-']);
    let mut groups = digits.split(separators);
    let first = groups.next().unwrap_or_default();
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return value.to_owned();
    }
    let sign = &whole[..whole.len() - digits.len()];
    format!("{sign}{}{fraction}", digits.replace(separators, ""))
}

/// A decimal number, with a dot or, as French writes it, a single comma.
fn parse_decimal(value: &str) -> Option<f64> {
    if value.contains('.') || value.matches(',').count() > 1 {
        return decimal::parse(value);
    }
    decimal::parse(&value.replacen(',', ".", 1))
}

/// An input's URL query key. Once shipped, a key is never renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Users,
    Growth,
    Host,
    Rpu,
    Peak,
    Mbpu,
    Pgconn,
    Start,
    Lang,
    Cpu,
    Ram,
    Disk,
    P95,
    Err,
    Db,
    Domain,
    Target,
    Pgcontainer,
    Hcpu,
    Hmem,
    Hdisk,
    Uplink,
}

/// Where a key's value lives in a [`Scenario`]: a reader and a writer of
/// the one field, so that no key is ever mapped anywhere else.
#[derive(Clone, Copy)]
enum Slot {
    /// With the default a refused value falls back to.
    Count(fn(&Scenario) -> &u32, fn(&mut Scenario) -> &mut u32, u32),
    OptionalCount(
        fn(&Scenario) -> &Option<u32>,
        fn(&mut Scenario) -> &mut Option<u32>,
    ),
    /// With the default a refused value falls back to.
    Number(fn(&Scenario) -> &f64, fn(&mut Scenario) -> &mut f64, f64),
    OptionalNumber(
        fn(&Scenario) -> &Option<f64>,
        fn(&mut Scenario) -> &mut Option<f64>,
    ),
    Host,
    Lang,
    Month,
    Name(fn(&Scenario) -> &Name, fn(&mut Scenario) -> &mut Name),
}

/// One query key: its name in a link, what it accepts, whether it may be
/// absent, where it goes, and what it means.
#[derive(Clone, Copy)]
struct KeySpec {
    key: Key,
    name: &'static str,
    allowed: Allowed,
    optional: bool,
    slot: Slot,
    description: Text,
}

/// A [`Slot`] with the reader and writer of one field of [`Scenario`].
macro_rules! slot {
    ($variant:ident, $($path:ident).+ $(, $default:expr)?) => {
        Slot::$variant(|s| &s.$($path).+, |s| &mut s.$($path).+ $(, $default)?)
    };
}

const PERCENT: Allowed = Allowed::Number {
    min: 0.0,
    min_exclusive: false,
    max: Some(100.0),
};

/// Every query key, in the order they are written into a link (SPEC section 2).
const KEYS: [KeySpec; 22] = {
    const fn spec(
        key: Key,
        name: &'static str,
        allowed: Allowed,
        optional: bool,
        slot: Slot,
        description: Text,
    ) -> KeySpec {
        KeySpec {
            key,
            name,
            allowed,
            optional,
            slot,
            description,
        }
    }
    [
        spec(
            Key::Users,
            "users",
            Allowed::Integer {
                min: 0,
                max: 100_000_000,
            },
            false,
            slot!(Count, users, DEFAULT_USERS),
            tx("Utilisateurs actifs par mois", "Monthly active users"),
        ),
        spec(
            Key::Growth,
            "growth",
            Allowed::Number {
                min: -90.0,
                min_exclusive: false,
                max: Some(1_000.0),
            },
            false,
            slot!(Number, growth_percent, DEFAULT_GROWTH_PERCENT),
            tx("Croissance par mois (%)", "Growth per month (%)"),
        ),
        spec(
            Key::Host,
            "host",
            Allowed::OneOf(&["pi4", "minipc", "cloud", "custom"]),
            false,
            Slot::Host,
            tx("Machine actuelle", "Current machine"),
        ),
        spec(
            Key::Rpu,
            "rpu",
            Allowed::Number {
                min: 0.0,
                min_exclusive: true,
                max: Some(100_000.0),
            },
            true,
            slot!(OptionalNumber, requests_per_user),
            tx(
                "Requêtes par utilisateur et par jour",
                "Requests per user per day",
            ),
        ),
        spec(
            Key::Peak,
            "peak",
            Allowed::Number {
                min: 1.0,
                min_exclusive: false,
                max: Some(100.0),
            },
            false,
            slot!(Number, peak_ratio, DEFAULT_PEAK_RATIO),
            tx("Rapport pointe / moyenne", "Peak-to-average ratio"),
        ),
        spec(
            Key::Mbpu,
            "mbpu",
            Allowed::Number {
                min: 0.0,
                min_exclusive: false,
                max: Some(100_000.0),
            },
            false,
            slot!(Number, mb_per_user, DEFAULT_MB_PER_USER),
            tx("Mo de base par utilisateur", "Database MB per user"),
        ),
        spec(
            Key::Pgconn,
            "pgconn",
            Allowed::Integer {
                min: 5,
                max: 10_000,
            },
            true,
            slot!(OptionalCount, pg_connections),
            tx(
                "Connexions PostgreSQL des applications",
                "PostgreSQL connections for the apps",
            ),
        ),
        spec(
            Key::Start,
            "start",
            Allowed::Month,
            false,
            Slot::Month,
            tx("Début de la projection", "Projection starts"),
        ),
        spec(
            Key::Lang,
            "lang",
            Allowed::OneOf(&["fr", "en"]),
            false,
            Slot::Lang,
            tx("Langue", "Language"),
        ),
        spec(
            Key::Cpu,
            "cpu",
            PERCENT,
            true,
            slot!(OptionalNumber, metrics.cpu),
            tx("CPU moyen (%)", "Average CPU (%)"),
        ),
        spec(
            Key::Ram,
            "ram",
            PERCENT,
            true,
            slot!(OptionalNumber, metrics.ram),
            tx("RAM utilisée (%)", "RAM in use (%)"),
        ),
        spec(
            Key::Disk,
            "disk",
            PERCENT,
            true,
            slot!(OptionalNumber, metrics.disk),
            tx("Disque utilisé (%)", "Disk in use (%)"),
        ),
        spec(
            Key::P95,
            "p95",
            Allowed::Number {
                min: 0.0,
                min_exclusive: false,
                max: None,
            },
            true,
            slot!(OptionalNumber, metrics.p95_ms),
            tx("Latence p95 (ms)", "p95 latency (ms)"),
        ),
        spec(
            Key::Err,
            "err",
            PERCENT,
            true,
            slot!(OptionalNumber, metrics.errors),
            tx("Réponses 5xx (%)", "5xx responses (%)"),
        ),
        spec(
            Key::Db,
            "db",
            Allowed::Name,
            false,
            slot!(Name, names.database),
            tx("Base PostgreSQL", "PostgreSQL database"),
        ),
        spec(
            Key::Domain,
            "domain",
            Allowed::Name,
            false,
            slot!(Name, names.domain),
            tx("Domaine public", "Public domain"),
        ),
        spec(
            Key::Target,
            "target",
            Allowed::Name,
            false,
            slot!(Name, names.target),
            tx("Nom SSH du mini PC", "Mini PC's SSH host name"),
        ),
        spec(
            Key::Pgcontainer,
            "pgcontainer",
            Allowed::Name,
            false,
            slot!(Name, names.pg_container),
            tx("Conteneur PostgreSQL", "PostgreSQL container"),
        ),
        spec(
            Key::Hcpu,
            "hcpu",
            Allowed::Integer { min: 1, max: 1_024 },
            false,
            slot!(Count, custom.cpus, DEFAULT_HOST_CPUS),
            tx("Processeurs logiques", "Logical CPUs"),
        ),
        spec(
            Key::Hmem,
            "hmem",
            Allowed::Number {
                min: 0.5,
                min_exclusive: false,
                max: Some(4_096.0),
            },
            false,
            slot!(Number, custom.memory_gib, DEFAULT_HOST_MEMORY_GIB),
            tx("Mémoire (Gio)", "Memory (GiB)"),
        ),
        spec(
            Key::Hdisk,
            "hdisk",
            Allowed::Number {
                min: 1.0,
                min_exclusive: false,
                max: Some(1_000_000.0),
            },
            false,
            slot!(Number, custom.disk_gb, DEFAULT_HOST_DISK_GB),
            tx("Disque (Go)", "Disk (GB)"),
        ),
        spec(
            Key::Uplink,
            "uplink",
            Allowed::Number {
                min: 0.1,
                min_exclusive: false,
                max: Some(100_000.0),
            },
            true,
            slot!(OptionalNumber, uplink_mbps),
            tx(
                "Débit montant de la machine (Mbit/s)",
                "Host's upload bandwidth (Mbit/s)",
            ),
        ),
    ]
};

impl Key {
    /// In the order they are written into a link.
    pub const ALL: [Key; 22] = {
        let mut all = [Key::Users; 22];
        let mut i = 0;
        while i < KEYS.len() {
            all[i] = KEYS[i].key;
            i += 1;
        }
        all
    };

    /// The key's row of [`KEYS`].
    fn spec(self) -> &'static KeySpec {
        // KEYS lists every key once, in the enum's order (checked by a test).
        &KEYS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_name(name: &str) -> Option<Key> {
        KEYS.iter()
            .find(|spec| spec.name == name)
            .map(|spec| spec.key)
    }

    /// Inputs that may be absent: an empty value clears them.
    pub fn is_optional(self) -> bool {
        self.spec().optional
    }

    pub fn allowed(self) -> Allowed {
        self.spec().allowed
    }

    /// The input's label, as the page and `headroom plan --help` show it.
    pub fn description(self) -> Text {
        self.spec().description
    }
}

/// What a key accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Allowed {
    Integer {
        min: u64,
        max: u64,
    },
    Number {
        min: f64,
        min_exclusive: bool,
        max: Option<f64>,
    },
    OneOf(&'static [&'static str]),
    Month,
    Name,
}

impl Allowed {
    /// The allowed range in words: `an integer from 0 to 100,000,000`.
    pub fn describe(self, lang: Lang) -> String {
        let n = |x: f64| text::number(x, 3, lang);
        match (self, lang.page()) {
            (Allowed::Integer { min, max }, Lang::Fr) => {
                format!("un entier de {} à {}", n(min as f64), n(max as f64))
            }
            (Allowed::Integer { min, max }, Lang::En) => {
                format!("an integer from {} to {}", n(min as f64), n(max as f64))
            }
            (
                Allowed::Number {
                    min,
                    min_exclusive: true,
                    max: Some(max),
                },
                Lang::Fr,
            ) => {
                format!("un nombre supérieur à {} et jusqu'à {}", n(min), n(max))
            }
            (
                Allowed::Number {
                    min,
                    min_exclusive: true,
                    max: Some(max),
                },
                Lang::En,
            ) => {
                format!("a number above {} and up to {}", n(min), n(max))
            }
            (
                Allowed::Number {
                    min,
                    max: Some(max),
                    ..
                },
                Lang::Fr,
            ) => {
                format!("un nombre de {} à {}", n(min), n(max))
            }
            (
                Allowed::Number {
                    min,
                    max: Some(max),
                    ..
                },
                Lang::En,
            ) => {
                format!("a number from {} to {}", n(min), n(max))
            }
            (Allowed::Number { min, max: None, .. }, Lang::Fr) => {
                format!("un nombre supérieur ou égal à {}", n(min))
            }
            (Allowed::Number { min, max: None, .. }, Lang::En) => {
                format!("a number of at least {}", n(min))
            }
            (Allowed::OneOf(values), Lang::Fr) => {
                format!("l'une des valeurs {}", values.join(", "))
            }
            (Allowed::OneOf(values), Lang::En) => format!("one of {}", values.join(", ")),
            (Allowed::Month, Lang::Fr) => "un mois AAAA-MM de 1000-01 à 9989-12".to_owned(),
            (Allowed::Month, Lang::En) => "a month YYYY-MM from 1000-01 to 9989-12".to_owned(),
            (Allowed::Name, Lang::Fr) => "1 à 63 caractères parmi A-Z a-z 0-9 . _ -".to_owned(),
            (Allowed::Name, Lang::En) => "1 to 63 characters among A-Z a-z 0-9 . _ -".to_owned(),
        }
    }
}

/// A refused input value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub key: Key,
    /// The value as given, shortened to 40 characters.
    pub value: String,
    pub problem: Problem,
}

/// Why a value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not of the key's type, or outside its range ([`Key::allowed`]).
    OutOfRange,
    /// `pgconn`: PostgreSQL's worst case with that many connections does not
    /// fit the tier's container; `largest` does.
    DoesNotFit {
        tier: u8,
        limit_mib: u32,
        largest: Option<u32>,
    },
}

impl InputError {
    fn new(key: Key, value: &str) -> InputError {
        const SHOWN: usize = 40;
        let value = if value.chars().count() > SHOWN {
            let mut short: String = value.chars().take(SHOWN).collect();
            short.push('…');
            short
        } else {
            value.to_owned()
        };
        InputError {
            key,
            value,
            problem: Problem::OutOfRange,
        }
    }

    /// The message with the key written as `prefix` + key: `--users` on the CLI.
    pub fn message_with_prefix(&self, prefix: &str, lang: Lang) -> String {
        let key = self.key.name();
        let value = &self.value;
        if let Problem::DoesNotFit {
            tier,
            limit_mib,
            largest,
        } = self.problem
        {
            let at_most = match (largest, lang.page()) {
                (Some(n), Lang::Fr) => format!(" ; au plus {n}"),
                (Some(n), Lang::En) => format!("; at most {n}"),
                (None, _) => String::new(),
            };
            return match lang.page() {
                Lang::Fr => format!("{prefix}{key} : {value} ne tient pas dans le conteneur PostgreSQL de {limit_mib}m du palier {tier}{at_most}"),
                Lang::En => format!("{prefix}{key}: {value} does not fit tier {tier}'s {limit_mib}m PostgreSQL container{at_most}"),
            };
        }
        let allowed = self.key.allowed().describe(lang);
        match lang.page() {
            Lang::Fr => format!("{prefix}{key} : « {value} » refusé ; attendu : {allowed}"),
            Lang::En => format!("{prefix}{key}: \"{value}\" refused; expected {allowed}"),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.message_with_prefix("", lang)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InputError {}
