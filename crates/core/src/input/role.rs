//! Which service of the stack a container plays, from its name alone:
//! `docker stats` shows no image. Compose names containers
//! `project-service-1` (v2) or `project_service_1` (v1); a `container_name:`
//! is taken as it is.

/// A service of the stack Headroom plans for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Api,
    Postgres,
    Redis,
    Nginx,
    Minio,
    /// The Next.js front end.
    Web,
    PgBouncer,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Api,
        Role::Postgres,
        Role::Redis,
        Role::Nginx,
        Role::Minio,
        Role::Web,
        Role::PgBouncer,
    ];

    /// The role's short name, as the plan's JSON writes it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Api => "api",
            Role::Postgres => "postgres",
            Role::Redis => "redis",
            Role::Nginx => "nginx",
            Role::Minio => "minio",
            Role::Web => "web",
            Role::PgBouncer => "pgbouncer",
        }
    }

    /// The service of the override that plays this role.
    pub fn service(self) -> crate::source::tier::Service {
        use crate::source::tier::Service;
        match self {
            Role::Api => Service::Api,
            Role::Postgres => Service::Postgres,
            Role::Redis => Service::Redis,
            Role::Nginx => Service::Nginx,
            Role::PgBouncer => Service::PgBouncer,
            Role::Minio => Service::Minio,
            Role::Web => Service::Web,
        }
    }

    /// The words of a service name that mean this role.
    fn words(self) -> &'static [&'static str] {
        match self {
            Role::Api => &["api", "backend", "server", "app", "node"],
            Role::Postgres => &["postgres", "postgresql", "pg", "db", "database", "postgis"],
            Role::Redis => &["redis", "cache", "valkey", "keydb"],
            Role::Nginx => &["nginx", "proxy", "gateway"],
            Role::Minio => &["minio", "s3", "storage"],
            Role::Web => &["web", "frontend", "front", "next", "nextjs", "ui", "site"],
            Role::PgBouncer => &["pgbouncer", "bouncer", "pooler"],
        }
    }

    /// Words strong enough to name the role anywhere in the name.
    fn strong(self) -> &'static [&'static str] {
        match self {
            Role::Api => &["api"],
            Role::Postgres => &["postgres", "postgresql", "postgis"],
            Role::Redis => &["redis", "valkey"],
            Role::Nginx => &["nginx"],
            Role::Minio => &["minio"],
            Role::Web => &["nextjs"],
            Role::PgBouncer => &["pgbouncer"],
        }
    }
}

/// Words that make a container a helper beside a service, not the service:
/// `postgres-exporter`, `redis-commander`, `db-backup`.
const HELPERS: &[&str] = &[
    "exporter",
    "backup",
    "backups",
    "admin",
    "commander",
    "insight",
    "migrate",
    "migration",
    "migrations",
    "init",
    "setup",
    "seed",
    "worker",
    "cron",
    "metrics",
    "monitor",
    "console",
    "mc",
    "certbot",
    "pgadmin",
    "adminer",
    "dump",
    "redisinsight",
];

/// The role a container named `name` plays, or `None`.
///
/// The service is the name's last word once the replica number is dropped
/// (`shop-postgres-1` → `postgres`), unless another word names a role more
/// plainly (`nextjs-app` → web); no role when a helper's word is there
/// (`postgres-exporter`).
pub fn role_of(name: &str) -> Option<Role> {
    let name = name.trim().trim_start_matches('/').to_ascii_lowercase();
    let mut words: Vec<&str> = name
        .split(['-', '_', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    // The replica number (and Swarm's task id after it, `web.1.abc`).
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) || looks_like_task_id(w))
    {
        words.pop();
    }
    if words.iter().any(|w| HELPERS.contains(w)) {
        return None;
    }
    let last = *words.last()?;
    // The last word when it names a role outright (`postgres`, `api`).
    if let Some(role) = Role::ALL.into_iter().find(|r| r.strong().contains(&last)) {
        return Some(role);
    }
    // Else one role named outright elsewhere (`nextjs-app`: the front end,
    // not an API), else the last word's looser meaning (`db`, `cache`).
    let mut strong = Role::ALL
        .into_iter()
        .filter(|r| words.iter().any(|w| r.strong().contains(w)));
    if let (Some(role), None) = (strong.next(), strong.next()) {
        return Some(role);
    }
    if let Some(role) = Role::ALL.into_iter().find(|r| r.words().contains(&last)) {
        return Some(role);
    }
    // Last, a long strong word inside one word (`fbredis`), unless a helper
    // hides there too (`redisinsight`).
    if HELPERS.iter().any(|h| h.len() >= 4 && name.contains(h)) {
        return None;
    }
    let mut inside = Role::ALL
        .into_iter()
        .filter(|r| r.strong().iter().any(|s| s.len() >= 5 && name.contains(s)));
    match (inside.next(), inside.next()) {
        (Some(role), None) => Some(role),
        _ => None,
    }
}

/// Swarm's 25-character task ids (`kay7x1lh1twk9c0oig50sd5tr`).
fn looks_like_task_id(word: &str) -> bool {
    word.len() == 25 && word.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_names_of_both_versions() {
        assert_eq!(role_of("shop-postgres-1"), Some(Role::Postgres));
        assert_eq!(role_of("shop_db_1"), Some(Role::Postgres));
        assert_eq!(role_of("my-app-api-2"), Some(Role::Api));
        assert_eq!(role_of("company_redis_1"), Some(Role::Redis));
        assert_eq!(role_of("company_nginx_1"), Some(Role::Nginx));
        assert_eq!(role_of("headroom-web-1"), Some(Role::Web));
        assert_eq!(role_of("stack-minio-1"), Some(Role::Minio));
        assert_eq!(role_of("stack-pgbouncer-1"), Some(Role::PgBouncer));
        assert_eq!(role_of("/postgres"), Some(Role::Postgres));
    }

    #[test]
    fn helpers_and_strangers_are_listed_without_a_role() {
        assert_eq!(role_of("shop-postgres-exporter-1"), None);
        assert_eq!(role_of("redis-commander"), None);
        assert_eq!(role_of("shop-db-backup-1"), None);
        assert_eq!(role_of("awesome_brattain"), None);
        assert_eq!(role_of("company_elasticsearch_1"), None);
        assert_eq!(role_of("random.1.vnc8on831idyr42slu578u3cr"), None);
        assert_eq!(role_of(""), None);
        // A strong word anywhere, when the last word says nothing.
        assert_eq!(role_of("shop-nginx-edge-1"), Some(Role::Nginx));
        assert_eq!(role_of("fbredis"), Some(Role::Redis));
        assert_eq!(role_of("redisinsight"), None);
        assert_eq!(role_of("fbapi"), None);
        assert_eq!(role_of("shop-nextjs-app-1"), Some(Role::Web));
        assert_eq!(role_of("shop-redis-cache-1"), Some(Role::Redis));
        assert_eq!(role_of("shop_app_1"), Some(Role::Api));
    }
}
