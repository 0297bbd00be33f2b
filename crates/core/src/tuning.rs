//! Server settings for PostgreSQL, Redis and Node.js, each with where it comes
//! from: the source's value, or a rule that derived or corrected it.
//!
//! The rules follow PGTune's web profile, made container-aware: the memory
//! they share out is the container's `mem_limit`, not the host's.

use crate::text::{self, Lang};
use crate::tier::{Service, Tier};
use crate::units::Mebibytes;

/// The settings the source gives for a tier (section 1's compose files and
/// optimisation notes); `None` where it gives none.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct SourceSettings {
    pub shared_buffers: Option<Mebibytes>,
    pub work_mem: Option<Mebibytes>,
    pub effective_cache_size: Option<Mebibytes>,
    pub redis_maxmemory: Option<Mebibytes>,
    pub node_max_old_space: Option<Mebibytes>,
}

const NONE: SourceSettings = SourceSettings {
    shared_buffers: None,
    work_mem: None,
    effective_cache_size: None,
    redis_maxmemory: None,
    node_max_old_space: None,
};

/// Source, section 1, per tier 1-4.
pub const SOURCE_SETTINGS: [SourceSettings; 4] = [
    // Tier 1 gives limits only.
    NONE,
    // Tier 2: POSTGRES_SHARED_BUFFERS '256MB'; "max_old_space_size=768m".
    SourceSettings {
        shared_buffers: Some(Mebibytes(256.0)),
        node_max_old_space: Some(Mebibytes(768.0)),
        ..NONE
    },
    // Tier 3: POSTGRES_SHARED_BUFFERS '512MB', POSTGRES_WORK_MEM '64MB',
    // POSTGRES_EFFECTIVE_CACHE_SIZE '1536MB'; "--max-old-space-size=1024";
    // Redis "cache limited to 256MB".
    SourceSettings {
        shared_buffers: Some(Mebibytes(512.0)),
        work_mem: Some(Mebibytes(64.0)),
        effective_cache_size: Some(Mebibytes(1536.0)),
        redis_maxmemory: Some(Mebibytes(256.0)),
        node_max_old_space: Some(Mebibytes(1024.0)),
    },
    // Tier 4 gives limits and replicas only.
    NONE,
];

/// `shared_buffers` may take up to this share of the container's memory.
const SHARED_BUFFERS_CAP: f64 = 0.40;
const SHARED_BUFFERS_SHARE: f64 = 0.25;
const EFFECTIVE_CACHE_SHARE: f64 = 0.75;
/// Each connection may run about three sorts or hashes at once.
const SORTS_PER_CONNECTION: f64 = 3.0;
const WORK_MEM_FLOOR: Mebibytes = Mebibytes(4.0);
const MAINTENANCE_DIVISOR: f64 = 16.0;
const REDIS_SHARE: f64 = 0.75;
const NODE_HEAP_SHARE: f64 = 0.75;
/// Source, section 1: `allkeys-lru` from tier 2 on.
const LRU_FROM_TIER: u8 = 2;
/// `max_connections` by default: PostgreSQL's own 100, then 20 behind pgBouncer
/// from tier 3, as the source advises pooling there.
const DEFAULT_CONNECTIONS: u32 = 100;
const POOLED_CONNECTIONS: u32 = 20;
const POOLED_FROM_TIER: u8 = 3;

/// A tuned setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingKey {
    SharedBuffers,
    EffectiveCacheSize,
    WorkMem,
    MaintenanceWorkMem,
    MaxConnections,
    RedisMaxmemory,
    RedisPolicy,
    NodeMaxOldSpace,
}

impl SettingKey {
    /// The setting's name as the server spells it.
    pub fn name(self) -> &'static str {
        match self {
            SettingKey::SharedBuffers => "shared_buffers",
            SettingKey::EffectiveCacheSize => "effective_cache_size",
            SettingKey::WorkMem => "work_mem",
            SettingKey::MaintenanceWorkMem => "maintenance_work_mem",
            SettingKey::MaxConnections => "max_connections",
            SettingKey::RedisMaxmemory => "maxmemory",
            SettingKey::RedisPolicy => "maxmemory-policy",
            SettingKey::NodeMaxOldSpace => "--max-old-space-size",
        }
    }

    pub fn service(self) -> Service {
        match self {
            SettingKey::RedisMaxmemory | SettingKey::RedisPolicy => Service::Redis,
            SettingKey::NodeMaxOldSpace => Service::Api,
            _ => Service::Postgres,
        }
    }
}

/// A setting's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Memory(Mebibytes),
    Count(u32),
    Policy(&'static str),
}

/// Where a value comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Origin {
    /// The source's value, kept: it passes the rule's check.
    Source,
    /// The source gives no value; the rule derived one.
    Derived,
    /// The source's value broke the rule's check and was replaced.
    Corrected { source: Mebibytes },
    /// Typed in by the user (`pgconn`).
    Input,
    /// The tier's default (`max_connections`).
    TierDefault,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    pub key: SettingKey,
    pub value: Value,
    pub origin: Origin,
}

impl Setting {
    /// The value as the server reads it: `300MB` (PostgreSQL), `256mb` (Redis),
    /// `1024` (Node's megabytes).
    pub fn value_text(&self) -> String {
        match (self.value, self.key.service()) {
            (Value::Memory(m), Service::Redis) => format!("{}mb", m.0),
            (Value::Memory(m), Service::Api) => format!("{}", m.0),
            (Value::Memory(m), _) => format!("{}MB", m.0),
            (Value::Count(n), _) => n.to_string(),
            (Value::Policy(p), _) => p.to_owned(),
        }
    }

    pub fn memory(&self) -> Option<Mebibytes> {
        match self.value {
            Value::Memory(m) => Some(m),
            _ => None,
        }
    }
}

/// All the settings for one tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Tuning {
    pub tier: u8,
    pub postgres_limit: Mebibytes,
    pub redis_limit: Mebibytes,
    pub api_limit: Mebibytes,
    pub connections: u32,
    /// PostgreSQL, then Redis, then Node.js.
    pub settings: Vec<Setting>,
}

impl Tuning {
    /// `None` for tier 5, which has no compose limits.
    pub fn for_tier(tier: &Tier, pg_connections: Option<u32>) -> Option<Tuning> {
        let source = SOURCE_SETTINGS.get(usize::from(tier.number).checked_sub(1)?)?;
        let pg = tier.limit(Service::Postgres)?.mem_limit;
        let redis = tier.limit(Service::Redis)?.mem_limit;
        let api = tier.limit(Service::Api)?.mem_limit;

        let (connections, connections_origin) = match pg_connections {
            Some(n) => (n.max(1), Origin::Input),
            None if tier.number >= POOLED_FROM_TIER => (POOLED_CONNECTIONS, Origin::TierDefault),
            None => (DEFAULT_CONNECTIONS, Origin::TierDefault),
        };

        let shared_buffers = checked(
            source.shared_buffers,
            pg * SHARED_BUFFERS_CAP,
            pg * SHARED_BUFFERS_SHARE,
        );
        let effective_cache = checked(source.effective_cache_size, pg, pg * EFFECTIVE_CACHE_SHARE);
        let work_mem_budget = Mebibytes(
            ((pg - shared_buffers.0).0 / (f64::from(connections) * SORTS_PER_CONNECTION))
                .max(WORK_MEM_FLOOR.0),
        );
        let work_mem = checked(source.work_mem, work_mem_budget, work_mem_budget);
        let maintenance = (
            Mebibytes(pg.0 / MAINTENANCE_DIVISOR).floor(),
            Origin::Derived,
        );
        let redis_max = checked(source.redis_maxmemory, redis, redis * REDIS_SHARE);
        let node_heap = checked(source.node_max_old_space, api, api * NODE_HEAP_SHARE);

        let memory = |key, (value, origin): (Mebibytes, Origin)| Setting {
            key,
            value: Value::Memory(value),
            origin,
        };
        let mut settings = vec![
            memory(SettingKey::SharedBuffers, shared_buffers),
            memory(SettingKey::EffectiveCacheSize, effective_cache),
            memory(SettingKey::WorkMem, work_mem),
            memory(SettingKey::MaintenanceWorkMem, maintenance),
            Setting {
                key: SettingKey::MaxConnections,
                value: Value::Count(connections),
                origin: connections_origin,
            },
            memory(SettingKey::RedisMaxmemory, redis_max),
        ];
        if tier.number >= LRU_FROM_TIER {
            settings.push(Setting {
                key: SettingKey::RedisPolicy,
                value: Value::Policy("allkeys-lru"),
                origin: Origin::Source,
            });
        }
        settings.push(memory(SettingKey::NodeMaxOldSpace, node_heap));

        Some(Tuning {
            tier: tier.number,
            postgres_limit: pg,
            redis_limit: redis,
            api_limit: api,
            connections,
            settings,
        })
    }

    pub fn get(&self, key: SettingKey) -> Option<&Setting> {
        self.settings.iter().find(|s| s.key == key)
    }

    fn memory(&self, key: SettingKey) -> Mebibytes {
        self.get(key).and_then(Setting::memory).unwrap_or_default()
    }

    /// Where the setting's value comes from, in a sentence.
    pub fn provenance(&self, setting: &Setting, lang: Lang) -> String {
        let rule = self.rule(setting.key, lang);
        let tier = self.tier;
        match (setting.origin, lang) {
            (Origin::Source, Lang::Fr) => format!("source, palier {tier}"),
            (Origin::Source, Lang::En) => format!("source, tier {tier}"),
            (Origin::Derived, Lang::Fr) => {
                format!("règle\u{a0}: {rule} (la source ne donne pas de valeur)")
            }
            (Origin::Derived, Lang::En) => format!("rule: {rule} (the source gives no value)"),
            (Origin::Corrected { source }, _) => {
                let why = self.why_corrected(setting.key, source, lang);
                match lang {
                    Lang::Fr => format!(
                        "corrigé\u{a0}: la source donne {}MB, {why}\u{a0}; règle\u{a0}: {rule}",
                        source.0
                    ),
                    Lang::En => {
                        format!("corrected: the source's {}MB {why}; rule: {rule}", source.0)
                    }
                }
            }
            (Origin::Input, Lang::Fr) => "saisi (pgconn)".to_owned(),
            (Origin::Input, Lang::En) => "your input (pgconn)".to_owned(),
            (Origin::TierDefault, Lang::Fr) if tier >= POOLED_FROM_TIER => {
                format!("{POOLED_CONNECTIONS} à partir du palier {POOLED_FROM_TIER}, derrière pgBouncer comme le conseille la source")
            }
            (Origin::TierDefault, Lang::En) if tier >= POOLED_FROM_TIER => {
                format!("{POOLED_CONNECTIONS} from tier {POOLED_FROM_TIER}, behind pgBouncer as the source advises")
            }
            (Origin::TierDefault, Lang::Fr) => {
                format!("{DEFAULT_CONNECTIONS}, la valeur de PostgreSQL, sur les paliers 1 et 2")
            }
            (Origin::TierDefault, Lang::En) => {
                format!("{DEFAULT_CONNECTIONS}, PostgreSQL's own default, on tiers 1-2")
            }
        }
    }

    /// The rule that derives or checks a setting, with this tier's figures.
    fn rule(&self, key: SettingKey, lang: Lang) -> String {
        let pg = self.postgres_limit.0;
        let fr = lang == Lang::Fr;
        match key {
            SettingKey::SharedBuffers if fr => {
                format!("25\u{a0}% du mem_limit de {pg}m, 40\u{a0}% au plus")
            }
            SettingKey::SharedBuffers => format!("25% of the {pg}m mem_limit, at most 40%"),
            SettingKey::EffectiveCacheSize if fr => {
                format!("75\u{a0}% du mem_limit de {pg}m, jamais plus que lui")
            }
            SettingKey::EffectiveCacheSize => format!("75% of the {pg}m mem_limit, never above it"),
            SettingKey::WorkMem => {
                let sb = self.memory(SettingKey::SharedBuffers).0;
                let n = self.connections;
                if fr {
                    format!("({pg} − {sb}) / ({n} connexions × 3), 4MB au moins")
                } else {
                    format!("({pg} − {sb}) / ({n} connections × 3), at least 4MB")
                }
            }
            SettingKey::MaintenanceWorkMem if fr => format!("1/16 du mem_limit de {pg}m"),
            SettingKey::MaintenanceWorkMem => format!("1/16 of the {pg}m mem_limit"),
            SettingKey::MaxConnections if fr => "pgconn".to_owned(),
            SettingKey::MaxConnections => "pgconn".to_owned(),
            SettingKey::RedisMaxmemory if fr => {
                format!("75\u{a0}% du mem_limit de Redis ({}m)", self.redis_limit.0)
            }
            SettingKey::RedisMaxmemory => {
                format!("75% of Redis's {}m mem_limit", self.redis_limit.0)
            }
            SettingKey::RedisPolicy if fr => format!("à partir du palier {LRU_FROM_TIER}"),
            SettingKey::RedisPolicy => format!("from tier {LRU_FROM_TIER} on"),
            SettingKey::NodeMaxOldSpace if fr => {
                format!("75\u{a0}% du mem_limit de l'API ({}m)", self.api_limit.0)
            }
            SettingKey::NodeMaxOldSpace => {
                format!("75% of the API's {}m mem_limit", self.api_limit.0)
            }
        }
    }

    fn why_corrected(&self, key: SettingKey, source: Mebibytes, lang: Lang) -> String {
        let pg = self.postgres_limit;
        let fr = lang == Lang::Fr;
        match key {
            SettingKey::SharedBuffers => {
                let share = text::percent(100.0 * source.0 / pg.0, 0, lang);
                if fr {
                    format!(
                        "soit {share} du mem_limit de {}m, au-delà de 40\u{a0}%",
                        pg.0
                    )
                } else {
                    format!("is {share} of the {}m mem_limit, above 40%", pg.0)
                }
            }
            SettingKey::WorkMem => {
                let budget = self.memory(SettingKey::WorkMem).0;
                if fr {
                    format!("au-delà du budget de {budget}MB par tri")
                } else {
                    format!("exceeds the budget of {budget}MB per sort")
                }
            }
            SettingKey::RedisMaxmemory | SettingKey::NodeMaxOldSpace => {
                let limit = self.limit_of(key.service()).0;
                if fr {
                    format!("ce qui dépasse le mem_limit de {limit}m")
                } else {
                    format!("exceeds the {limit}m mem_limit")
                }
            }
            _ if fr => format!("ce qui dépasse le mem_limit de {}m du conteneur", pg.0),
            _ => format!("exceeds the container's {}m mem_limit", pg.0),
        }
    }

    fn limit_of(&self, service: Service) -> Mebibytes {
        match service {
            Service::Redis => self.redis_limit,
            Service::Api => self.api_limit,
            _ => self.postgres_limit,
        }
    }
}

/// The source's value when it is at most `cap`, else the rule's `fallback`;
/// whole mebibytes, rounded down.
fn checked(source: Option<Mebibytes>, cap: Mebibytes, fallback: Mebibytes) -> (Mebibytes, Origin) {
    match source {
        Some(value) if value <= cap => (value, Origin::Source),
        Some(value) => (fallback.floor(), Origin::Corrected { source: value }),
        None => (fallback.floor(), Origin::Derived),
    }
}
