//! The one table of query keys: each key's name in a link, what it accepts,
//! whether it may be absent, the field of [`Scenario`] it sets, and its label.

use crate::base::text::{self, tx, Lang, Text};
use crate::input::measured;
use crate::input::names::Name;
use crate::input::scenario::{
    Scenario, DEFAULT_GROWTH_PERCENT, DEFAULT_HOST_CPUS, DEFAULT_HOST_DISK_GB,
    DEFAULT_HOST_MEMORY_GIB, DEFAULT_MB_PER_USER, DEFAULT_PEAK_RATIO, DEFAULT_USERS, MAX_SERVERS,
    MAX_SERVICE_MS, MAX_SPREAD,
};

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
    Svc,
    Par,
    Cs2,
    Lt,
    Ds,
    Usl,
    Pgvolume,
}

/// Where a key's value lives in a [`Scenario`]: a reader and a writer of
/// the one field, so that no key is ever mapped anywhere else.
#[derive(Clone, Copy)]
pub(crate) enum Slot {
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
    /// One of the measurements' keys ([`crate::input::measured`]).
    Measured(Measurement),
}

/// The measurement a key carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Measurement {
    Containers,
    LoadTest,
    Usl,
}

/// One query key: its name in a link, what it accepts, whether it may be
/// absent, where it goes, and what it means.
#[derive(Clone, Copy)]
pub(crate) struct KeySpec {
    pub(crate) key: Key,
    pub(crate) name: &'static str,
    pub(crate) allowed: Allowed,
    pub(crate) optional: bool,
    pub(crate) slot: Slot,
    pub(crate) description: Text,
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
const KEYS: [KeySpec; 29] = {
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
        spec(
            Key::Svc,
            "svc",
            Allowed::Number {
                min: 0.0,
                min_exclusive: true,
                max: Some(MAX_SERVICE_MS),
            },
            true,
            slot!(OptionalNumber, service.time_ms),
            tx(
                "Temps de service moyen d'une requête (ms)",
                "Mean service time of a request (ms)",
            ),
        ),
        spec(
            Key::Par,
            "par",
            Allowed::Integer {
                min: 1,
                max: MAX_SERVERS as u64,
            },
            true,
            slot!(OptionalCount, service.servers),
            tx(
                "Requêtes servies en parallèle (processus, cœurs)",
                "Requests served in parallel (processes, cores)",
            ),
        ),
        spec(
            Key::Cs2,
            "cs2",
            Allowed::Number {
                min: 0.0,
                min_exclusive: false,
                max: Some(MAX_SPREAD),
            },
            true,
            slot!(OptionalNumber, service.spread),
            tx(
                "Dispersion des temps de service (C_s², 1 = exponentielle)",
                "Spread of service times (C_s², 1 = exponential)",
            ),
        ),
        spec(
            Key::Lt,
            "lt",
            Allowed::Format("lt"),
            true,
            Slot::Measured(Measurement::LoadTest),
            tx(
                "Test de charge mesuré (outil, débit, P95)",
                "Load test measured (tool, rate, P95)",
            ),
        ),
        spec(
            Key::Ds,
            "ds",
            Allowed::Format("ds"),
            true,
            Slot::Measured(Measurement::Containers),
            tx(
                "Conteneurs mesurés par docker stats",
                "Containers measured by docker stats",
            ),
        ),
        spec(
            Key::Usl,
            "usl",
            Allowed::Format("usl"),
            true,
            Slot::Measured(Measurement::Usl),
            tx(
                "Loi universelle de scalabilité ajustée",
                "Universal Scalability Law fitted",
            ),
        ),
        spec(
            Key::Pgvolume,
            "pgvolume",
            Allowed::Name,
            false,
            slot!(Name, names.pg_volume),
            tx("Volume des données PostgreSQL", "PostgreSQL's data volume"),
        ),
    ]
};

impl Key {
    /// In the order they are written into a link.
    pub const ALL: [Key; 29] = {
        let mut all = [Key::Users; 29];
        let mut i = 0;
        while i < KEYS.len() {
            all[i] = KEYS[i].key;
            i += 1;
        }
        all
    };

    /// The key's row of [`KEYS`].
    pub(crate) fn spec(self) -> &'static KeySpec {
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
    /// A measurement's fields, as [`crate::input::measured`] writes them;
    /// the key's name picks the format.
    Format(&'static str),
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
            (Allowed::Format(key), lang) => measured::format_text(key, lang),
        }
    }
}
