//! Tier 5 on Kubernetes: a kustomization for the source's distributed
//! architecture on operators that exist. PostgreSQL 15 on CloudNativePG (a
//! primary, two hot standbys and two PgBouncer poolers), Redis with the OT
//! redis-operator (a primary, two replicas and Sentinel), the API and the
//! Next.js front end under autoscalers, a Gateway API route as the entry
//! point, the cloud's S3-compatible storage by reference, and secrets by
//! reference only. Every size comes from the plan ([`sizing`]) and says so
//! in a comment, in the plan's language.
//!
//! [`bundle`] takes the finished [`Plan`] and returns the files as
//! (path, text); nothing here touches a disk.

mod apps;
pub mod components;
mod gateway;
mod kustomization;
mod origins;
mod postgres;
pub mod quantity;
mod redis;
mod secrets;
pub mod sizing;
mod storage;
mod yaml;

use crate::base::text::{self, Lang};
use crate::base::units::Mebibytes;
use crate::plan::Plan;
pub use sizing::Sizing;

/// The files of the bundle, relative to the folder it is written to.
pub const KUSTOMIZATION: &str = "kustomization.yaml";
pub const POSTGRES: &str = "postgres.yaml";
pub const POOLERS: &str = "postgres-poolers.yaml";
pub const REDIS: &str = "redis.yaml";
pub const OBJECT_STORAGE: &str = "object-storage.yaml";
pub const API: &str = "api.yaml";
pub const WEB: &str = "web.yaml";
pub const GATEWAY: &str = "gateway.yaml";
/// Not a resource of the kustomization: the commands that create the
/// secrets, values read from the environment.
pub const SECRETS: &str = "secrets.example.sh";
/// A second kustomization: the Cluster alone, made by importing the running
/// database; applied once, before the folder itself.
pub const IMPORT_DIR: &str = "import";
pub const IMPORT_KUSTOMIZATION: &str = "import/kustomization.yaml";
pub const IMPORT_POSTGRES: &str = "import/postgres.yaml";

/// The names the files share.
pub mod names {
    pub const CLUSTER: &str = "postgres";
    /// The Secret CloudNativePG makes for the application's user.
    pub const APP_SECRET: &str = "postgres-app";
    pub const POOLER_RW: &str = "postgres-pooler-rw";
    pub const POOLER_RO: &str = "postgres-pooler-ro";
    pub const APP_OWNER: &str = "app";
    pub const REDIS: &str = "redis";
    /// The Service the operator makes for a RedisSentinel named `redis`.
    pub const SENTINEL_SERVICE: &str = "redis-sentinel";
    pub const SENTINEL_PORT: u16 = 26379;
    pub const MASTER_GROUP: &str = "mymaster";
    pub const REDIS_CONFIG: &str = "redis-config";
    pub const REDIS_SECRET: &str = "redis-auth";
    pub const OBJECT_STORAGE: &str = "object-storage";
    pub const OBJECT_SECRET: &str = "object-storage-credentials";
    pub const TLS_SECRET: &str = "web-tls";
    pub const SOURCE_SECRET: &str = "source-postgres";
    pub const SOURCE_CLUSTER: &str = "current-postgres";
    pub const API: &str = "api";
    pub const WEB: &str = "web";
    pub const GATEWAY: &str = "web";
    /// The ports the source's stack answers on (its checks curl them).
    pub const API_PORT: u16 = 5000;
    pub const WEB_PORT: u16 = 3000;
    pub const API_HEALTH: &str = "/api/health";
    pub const PGBOUNCER_PORT: u16 = 5432;
}

/// Why no bundle could be written.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleError {
    /// The plan is not on tier 5.
    NotTier5 { tier: u8, users: u32 },
    /// `pgconn` connections do not fit PostgreSQL's container.
    PgconnDoesNotFit {
        pgconn: u32,
        largest: u32,
        memory: Mebibytes,
    },
    /// The domain is not a host name a Gateway accepts.
    Domain { domain: String },
}

impl BundleError {
    /// One line naming the input and what is allowed.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let n = |x: u32| text::integer(f64::from(x), lang);
        match self {
            BundleError::NotTier5 { tier, users } => {
                let first = crate::source::tier::TIERS[4].min_users;
                let (users, from) = (n(*users), n(first));
                if fr {
                    format!("--kubernetes : le paquet Kubernetes est celui du palier 5 ({from} utilisateurs et plus) ; ce plan a {users} utilisateurs (palier {tier}). Pour préparer le passage, donnez --users {first} ou plus")
                } else {
                    format!("--kubernetes: the Kubernetes bundle is tier 5's ({from} users and more); this plan has {users} users (tier {tier}). To prepare the move, give --users {first} or more")
                }
            }
            BundleError::PgconnDoesNotFit {
                pgconn,
                largest,
                memory,
            } => {
                let memory = quantity::memory(*memory);
                if fr {
                    format!("--pgconn : {pgconn} ne tient pas dans le conteneur PostgreSQL de {memory} du paquet Kubernetes ; au plus {}", n(*largest))
                } else {
                    format!("--pgconn: {pgconn} does not fit the Kubernetes bundle's {memory} PostgreSQL container; at most {}", n(*largest))
                }
            }
            BundleError::Domain { domain } => {
                if fr {
                    format!("--domain : « {domain} » n'est pas un nom d'hôte qu'une Gateway accepte ; attendu : lettres minuscules, chiffres, tirets et points (exemple.fr)")
                } else {
                    format!("--domain: \"{domain}\" is not a host name a Gateway accepts; expected lower-case letters, digits, hyphens and dots (example.com)")
                }
            }
        }
    }
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for BundleError {}

/// The bundle: its files and the sizes they carry.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// (path relative to the bundle's folder, text).
    pub files: Vec<(String, String)>,
    pub sizing: Sizing,
}

/// Every file of the bundle, in the order [`bundle`] returns them.
pub const FILES: [&str; 11] = [
    KUSTOMIZATION,
    POSTGRES,
    POOLERS,
    REDIS,
    OBJECT_STORAGE,
    API,
    WEB,
    GATEWAY,
    SECRETS,
    IMPORT_KUSTOMIZATION,
    IMPORT_POSTGRES,
];

/// The bundle's sizes, or why no bundle can be written for this plan,
/// without writing it.
pub fn sizing(plan: &Plan) -> Result<Sizing, BundleError> {
    let domain = plan.scenario.names.domain.as_str();
    if !is_hostname(&domain.to_ascii_lowercase()) {
        return Err(BundleError::Domain {
            domain: domain.to_owned(),
        });
    }
    Sizing::of(plan)
}

/// The kustomization for a tier-5 plan, comments in the plan's language.
pub fn bundle(plan: &Plan) -> Result<Bundle, BundleError> {
    let sizing = sizing(plan)?;
    let lang = plan.scenario.lang;
    let names = &plan.scenario.names;
    let domain = names.domain.as_str().to_ascii_lowercase();
    let database = names.database.as_str();
    let texts = [
        kustomization::main(plan, &sizing, lang),
        postgres::cluster(&sizing, database, None, lang),
        postgres::poolers(&sizing, lang),
        redis::redis(&sizing, lang),
        storage::object_storage(database, lang),
        apps::api(&sizing, database, lang),
        apps::web(&sizing, lang),
        gateway::gateway(&domain, lang),
        secrets::script(lang),
        kustomization::import(&domain, database, lang),
        postgres::import_header(database, lang)
            + &postgres::cluster(&sizing, database, Some(&domain), lang),
    ];
    Ok(Bundle {
        files: FILES
            .iter()
            .zip(texts)
            .map(|(path, text)| ((*path).to_owned(), text))
            .collect(),
        sizing,
    })
}

/// An RFC 1123 host name as the Gateway API's `Hostname` takes it: lower-case
/// labels of letters, digits and inner hyphens, joined by dots.
pub fn is_hostname(name: &str) -> bool {
    (1..=253).contains(&name.len())
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}
