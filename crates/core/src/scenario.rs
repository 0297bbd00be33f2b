//! The inputs of a plan, one per URL query key, with their validation.
//!
//! Every input is set from text through [`Scenario::set`], which refuses any
//! value outside the key's allowed range with an [`InputError`] naming the key,
//! the value and the range. The query codec, the CLI flags and the site's
//! inputs all go through it, so a value is checked in one place.

use crate::decimal;
use crate::hardware::Host;
use crate::text::{self, Lang};
use crate::tier::{self, Service};
use crate::tuning;
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

    /// The month `count` months later.
    pub fn plus_months(self, count: u32) -> YearMonth {
        let index = i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(count);
        YearMonth {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    /// `novembre 2026` / `November 2026`.
    pub fn label(self, lang: Lang) -> String {
        let names = match lang {
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
}

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
        }
    }

    /// Sets one input from its text form. On refusal the scenario is unchanged.
    pub fn set(&mut self, key: Key, raw: &str) -> Result<(), InputError> {
        let refuse = || InputError::new(key, raw);
        let value = raw.trim();
        let optional = key.is_optional();
        if value.is_empty() && optional {
            self.clear(key);
            return Ok(());
        }
        match key.allowed() {
            Allowed::Integer { min, max } => {
                let n: u64 = value.parse().map_err(|_| refuse())?;
                if n < min || n > max {
                    return Err(refuse());
                }
                let n = u32::try_from(n).map_err(|_| refuse())?;
                match key {
                    Key::Users => self.users = n,
                    _ => self.pg_connections = Some(n),
                }
            }
            Allowed::Number {
                min,
                min_exclusive,
                max,
            } => {
                let n = parse_decimal(value).ok_or_else(refuse)?;
                let above_min = if min_exclusive { n > min } else { n >= min };
                if !n.is_finite() || !above_min || max.is_some_and(|max| n > max) {
                    return Err(refuse());
                }
                match key {
                    Key::Growth => self.growth_percent = n,
                    Key::Peak => self.peak_ratio = n,
                    Key::Mbpu => self.mb_per_user = n,
                    _ => {
                        if let Some(slot) = self.optional_number(key) {
                            *slot = Some(n);
                        }
                    }
                }
            }
            Allowed::OneOf(_) => match key {
                Key::Host => self.host = Host::from_code(value).ok_or_else(refuse)?,
                _ => self.lang = Lang::from_code(value).ok_or_else(refuse)?,
            },
            Allowed::Month => self.start = YearMonth::parse(value).ok_or_else(refuse)?,
            Allowed::Name => *self.name_mut(key) = Name::parse(value).ok_or_else(refuse)?,
        }
        Ok(())
    }

    /// The input's text form, or `None` when it is absent (an optional input).
    pub fn value(&self, key: Key) -> Option<String> {
        let number = |n: Option<f64>| n.map(|n| n.to_string());
        match key {
            Key::Users => Some(self.users.to_string()),
            Key::Growth => number(Some(self.growth_percent)),
            Key::Host => Some(self.host.code().to_owned()),
            Key::Rpu => number(self.requests_per_user),
            Key::Peak => number(Some(self.peak_ratio)),
            Key::Mbpu => number(Some(self.mb_per_user)),
            Key::Pgconn => self.pg_connections.map(|n| n.to_string()),
            Key::Start => Some(self.start.to_string()),
            Key::Lang => Some(self.lang.code().to_owned()),
            Key::Cpu => number(self.metrics.cpu),
            Key::Ram => number(self.metrics.ram),
            Key::Disk => number(self.metrics.disk),
            Key::P95 => number(self.metrics.p95_ms),
            Key::Err => number(self.metrics.errors),
            Key::Db => Some(self.names.database.to_string()),
            Key::Domain => Some(self.names.domain.to_string()),
            Key::Target => Some(self.names.target.to_string()),
            Key::Pgcontainer => Some(self.names.pg_container.to_string()),
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
        match key {
            Key::Users => self.users = DEFAULT_USERS,
            Key::Growth => self.growth_percent = DEFAULT_GROWTH_PERCENT,
            Key::Peak => self.peak_ratio = DEFAULT_PEAK_RATIO,
            Key::Mbpu => self.mb_per_user = DEFAULT_MB_PER_USER,
            _ => self.clear(key),
        }
    }

    fn clear(&mut self, key: Key) {
        if key == Key::Pgconn {
            self.pg_connections = None;
        } else if let Some(slot) = self.optional_number(key) {
            *slot = None;
        }
    }

    /// The slot of an optional numeric input.
    fn optional_number(&mut self, key: Key) -> Option<&mut Option<f64>> {
        match key {
            Key::Rpu => Some(&mut self.requests_per_user),
            Key::Cpu => Some(&mut self.metrics.cpu),
            Key::Ram => Some(&mut self.metrics.ram),
            Key::Disk => Some(&mut self.metrics.disk),
            Key::P95 => Some(&mut self.metrics.p95_ms),
            Key::Err => Some(&mut self.metrics.errors),
            _ => None,
        }
    }

    fn name_mut(&mut self, key: Key) -> &mut Name {
        match key {
            Key::Db => &mut self.names.database,
            Key::Domain => &mut self.names.domain,
            Key::Target => &mut self.names.target,
            _ => &mut self.names.pg_container,
        }
    }
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
}

impl Key {
    /// In the order they are written into a link.
    pub const ALL: [Key; 18] = [
        Key::Users,
        Key::Growth,
        Key::Host,
        Key::Rpu,
        Key::Peak,
        Key::Mbpu,
        Key::Pgconn,
        Key::Start,
        Key::Lang,
        Key::Cpu,
        Key::Ram,
        Key::Disk,
        Key::P95,
        Key::Err,
        Key::Db,
        Key::Domain,
        Key::Target,
        Key::Pgcontainer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Key::Users => "users",
            Key::Growth => "growth",
            Key::Host => "host",
            Key::Rpu => "rpu",
            Key::Peak => "peak",
            Key::Mbpu => "mbpu",
            Key::Pgconn => "pgconn",
            Key::Start => "start",
            Key::Lang => "lang",
            Key::Cpu => "cpu",
            Key::Ram => "ram",
            Key::Disk => "disk",
            Key::P95 => "p95",
            Key::Err => "err",
            Key::Db => "db",
            Key::Domain => "domain",
            Key::Target => "target",
            Key::Pgcontainer => "pgcontainer",
        }
    }

    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.name() == name)
    }

    /// Inputs that may be absent: an empty value clears them.
    pub fn is_optional(self) -> bool {
        matches!(
            self,
            Key::Rpu | Key::Pgconn | Key::Cpu | Key::Ram | Key::Disk | Key::P95 | Key::Err
        )
    }

    pub fn allowed(self) -> Allowed {
        const PERCENT: Allowed = Allowed::Number {
            min: 0.0,
            min_exclusive: false,
            max: Some(100.0),
        };
        match self {
            Key::Users => Allowed::Integer {
                min: 0,
                max: 100_000_000,
            },
            Key::Growth => Allowed::Number {
                min: -90.0,
                min_exclusive: false,
                max: Some(1_000.0),
            },
            Key::Host => Allowed::OneOf(&["pi4", "minipc", "cloud"]),
            Key::Rpu => Allowed::Number {
                min: 0.0,
                min_exclusive: true,
                max: Some(100_000.0),
            },
            Key::Peak => Allowed::Number {
                min: 1.0,
                min_exclusive: false,
                max: Some(100.0),
            },
            Key::Mbpu => Allowed::Number {
                min: 0.0,
                min_exclusive: false,
                max: Some(100_000.0),
            },
            Key::Pgconn => Allowed::Integer {
                min: 5,
                max: 10_000,
            },
            Key::Start => Allowed::Month,
            Key::Lang => Allowed::OneOf(&["fr", "en"]),
            Key::Cpu | Key::Ram | Key::Disk | Key::Err => PERCENT,
            Key::P95 => Allowed::Number {
                min: 0.0,
                min_exclusive: false,
                max: None,
            },
            Key::Db | Key::Domain | Key::Target | Key::Pgcontainer => Allowed::Name,
        }
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
        match (self, lang) {
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
            (Allowed::Month, Lang::Fr) => "un mois au format AAAA-MM".to_owned(),
            (Allowed::Month, Lang::En) => "a month written YYYY-MM".to_owned(),
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
            let at_most = match (largest, lang) {
                (Some(n), Lang::Fr) => format!(" ; au plus {n}"),
                (Some(n), Lang::En) => format!("; at most {n}"),
                (None, _) => String::new(),
            };
            return match lang {
                Lang::Fr => format!("{prefix}{key} : {value} ne tient pas dans le conteneur PostgreSQL de {limit_mib}m du palier {tier}{at_most}"),
                Lang::En => format!("{prefix}{key}: {value} does not fit tier {tier}'s {limit_mib}m PostgreSQL container{at_most}"),
            };
        }
        let allowed = self.key.allowed().describe(lang);
        match lang {
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
