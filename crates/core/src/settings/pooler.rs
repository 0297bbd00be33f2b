//! PgBouncer in front of PostgreSQL from tier 3, where the source advises
//! connection pooling and `max_connections` drops to 20: without the pooler,
//! the API's connections past those 20 get "too many clients already".

use crate::base::text::Lang;
use crate::base::units::{Cores, Mebibytes};

/// The first tier with PgBouncer: the source advises pooling there.
pub const FROM_TIER: u8 = 3;
/// `edoburu/pgbouncer`: a small Alpine image rebuilt for every PgBouncer
/// release and nightly for Alpine's security fixes, built for amd64 and arm64
/// (a 64-bit Raspberry Pi OS runs it), and configured entirely from
/// environment variables, so the override holds the whole configuration with
/// no file to mount.
pub const IMAGE: &str = "edoburu/pgbouncer:1.23.1";
/// PgBouncer is single-threaded and holds a few kB per client.
pub const CPUS: Cores = Cores(0.25);
pub const MEM_LIMIT: Mebibytes = Mebibytes(32.0);
/// PostgreSQL's port.
pub const POSTGRES_PORT: u16 = 5432;
/// The port the image listens on: PostgreSQL's, so clients only change host.
pub const PORT: u16 = POSTGRES_PORT;
/// Client connections PgBouncer accepts: every API replica's pool with room.
const MAX_CLIENT_CONN: u32 = 1000;

/// One PgBouncer setting, as `pgbouncer.ini` spells it.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSetting {
    pub key: &'static str,
    pub value: String,
    pub reason: PoolReason,
}

impl PoolSetting {
    /// The image's environment variable: the ini key in capitals.
    pub fn env_name(&self) -> String {
        self.key.to_ascii_uppercase()
    }
}

/// Why a PgBouncer setting has its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolReason {
    /// Transaction pooling: a server connection serves one transaction, then
    /// the next client; the source advises pooling from `tier`.
    Transaction { tier: u8 },
    /// Clients PgBouncer accepts.
    Clients,
    /// Server connections: PostgreSQL's usable connections, `pgconn`.
    Pool { pgconn: u32 },
    /// No reserve pool past that.
    NoReserve,
}

impl PoolReason {
    pub fn describe(self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        match self {
            PoolReason::Transaction { tier } if fr => format!(
                "une connexion serveur par transaction (source, palier {tier}\u{a0}: pooling)"
            ),
            PoolReason::Transaction { tier } => {
                format!("one server connection per transaction (source, tier {tier}: pooling)")
            }
            PoolReason::Clients if fr => {
                "quelques ko par client\u{a0}: toutes les répliques de l'API".to_owned()
            }
            PoolReason::Clients => "a few kB per client: every API replica".to_owned(),
            PoolReason::Pool { pgconn } if fr => {
                format!("pgconn ({pgconn}), les connexions de PostgreSQL pour les applications")
            }
            PoolReason::Pool { pgconn } => {
                format!("pgconn ({pgconn}), PostgreSQL's connections for applications")
            }
            PoolReason::NoReserve if fr => {
                "max_connections n'a pas de place pour une réserve".to_owned()
            }
            PoolReason::NoReserve => "max_connections has no room for a reserve".to_owned(),
        }
    }
}

/// PgBouncer's settings for `pgconn` usable PostgreSQL connections.
#[derive(Clone, Debug, PartialEq)]
pub struct Pooler {
    pub pool_size: u32,
    pub settings: Vec<PoolSetting>,
}

impl Pooler {
    pub fn new(pgconn: u32) -> Pooler {
        let setting = |key, value: String, reason| PoolSetting { key, value, reason };
        Pooler {
            pool_size: pgconn,
            settings: vec![
                setting(
                    "pool_mode",
                    "transaction".to_owned(),
                    PoolReason::Transaction { tier: FROM_TIER },
                ),
                setting(
                    "max_client_conn",
                    MAX_CLIENT_CONN.to_string(),
                    PoolReason::Clients,
                ),
                setting(
                    "default_pool_size",
                    pgconn.to_string(),
                    PoolReason::Pool { pgconn },
                ),
                setting(
                    "max_db_connections",
                    pgconn.to_string(),
                    PoolReason::Pool { pgconn },
                ),
                setting("reserve_pool_size", "0".to_owned(), PoolReason::NoReserve),
            ],
        }
    }

    /// The API's connection string before and after: the host becomes the
    /// pooler, the port stays PostgreSQL's. Prisma is told it talks to
    /// PgBouncer, so it does not keep named prepared statements, which a
    /// transaction pool cannot follow from one server connection to the next.
    pub fn connection_strings(&self, postgres_service: &str, database: &str) -> [String; 2] {
        [
            format!("postgresql://USER:PASSWORD@{postgres_service}:{POSTGRES_PORT}/{database}"),
            format!("postgresql://USER:PASSWORD@pgbouncer:{PORT}/{database}?pgbouncer=true"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pooling_tier_is_data() {
        let pooler = Pooler::new(20);
        assert_eq!(
            pooler.settings[0].reason,
            PoolReason::Transaction { tier: FROM_TIER }
        );
        for tier in [FROM_TIER, 6] {
            let en = PoolReason::Transaction { tier }.describe(Lang::En);
            assert!(
                en.ends_with(&format!("(source, tier {tier}: pooling)")),
                "{en}"
            );
            let fr = PoolReason::Transaction { tier }.describe(Lang::Fr);
            assert!(fr.contains(&format!("palier {tier}\u{a0}:")), "{fr}");
        }
    }

    #[test]
    fn the_connection_strings_name_the_ports() {
        let [before, after] = Pooler::new(20).connection_strings("db", "app");
        assert!(
            before.contains(&format!("@db:{POSTGRES_PORT}/app")),
            "{before}"
        );
        assert!(after.contains(&format!("@pgbouncer:{PORT}/app")), "{after}");
    }
}
