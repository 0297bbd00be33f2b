//! The user's own compose file as the override needs it: each service's
//! name, command, environment, limits and replicas, and which one plays
//! which part of the stack.

use crate::base::units::Mebibytes;
use crate::input::key::Key;
use crate::input::names::{Name, Names};
use crate::source::tier::Service;

/// The user's own compose file, as much of it as the override needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Base {
    pub services: Vec<BaseService>,
    /// The top-level `name:`, Compose's project name, when the file sets it.
    pub project: Option<String>,
}

/// One service of the user's file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BaseService {
    pub name: String,
    pub image: Option<String>,
    /// The command as a list of words; a string command is split the way
    /// Compose splits it ([`split_command`]).
    pub command: Option<Vec<String>>,
    /// The service's `NODE_OPTIONS`, if it sets one.
    pub node_options: Option<String>,
    /// The limits the user set, in either of Compose's forms, as
    /// `(key, value)` written as in the file (`cpus`, `deploy.resources.limits.memory`);
    /// the override's replace them.
    pub limits: Vec<(String, String)>,
    /// The user's `deploy.replicas` (or `scale`), kept by the override.
    pub replicas: Option<String>,
    /// `container_name:`, when set.
    pub container_name: Option<String>,
    /// The database the PostgreSQL image creates: `POSTGRES_DB`, else
    /// `POSTGRES_USER` (the image's default). No other variable is read.
    pub database: Option<String>,
    /// The named volume (not a host path) mounted under `/var/lib/postgresql`,
    /// as Docker names it: its own `name:`, else the project's name (or a
    /// placeholder for it), `_`, the volume's key.
    pub data_volume: Option<String>,
}

impl BaseService {
    /// The image's name without registry, owner or tag: `postgres` for
    /// `docker.io/library/postgres:16-alpine`.
    fn image_name(&self) -> Option<&str> {
        let image = self.image.as_deref()?;
        let last = image.rsplit('/').next().unwrap_or(image);
        Some(last.split([':', '@']).next().unwrap_or(last))
    }

    fn image_starts(&self, prefix: &str) -> bool {
        self.image_name()
            .is_some_and(|name| name.starts_with(prefix))
    }
}

impl Base {
    /// The runbooks' names this file gives, for the names still at their
    /// placeholders in `names` (what the user typed stays): PostgreSQL's
    /// container, database and data volume. Without a project name
    /// (`name:`), Compose takes the folder's, which the file does not say:
    /// it stays a placeholder around the service's own names.
    pub fn names(&self, names: &Names) -> Vec<(Key, String)> {
        let Some(pg) = self.find(Service::Postgres) else {
            return Vec::new();
        };
        let project = self.project.as_deref().unwrap_or("YOUR_PROJECT");
        let container = pg
            .container_name
            .clone()
            .unwrap_or_else(|| format!("{project}-{}-1", pg.name));
        let volume = pg.data_volume.clone();
        let defaults = Names::default();
        [
            (
                Key::Pgcontainer,
                Some(container),
                &names.pg_container,
                &defaults.pg_container,
            ),
            (
                Key::Db,
                pg.database.clone(),
                &names.database,
                &defaults.database,
            ),
            (Key::Pgvolume, volume, &names.pg_volume, &defaults.pg_volume),
        ]
        .into_iter()
        .filter(|(_, _, now, default)| now == default)
        .filter_map(|(key, value, _, _)| Some((key, Name::parse(&value?)?.to_string())))
        .collect()
    }

    /// The user's service that plays `role`: PostgreSQL, Redis and nginx by
    /// image; the API by name (`api`, then a name with `api`, `backend` or
    /// `server`), else the one service on a `node` image.
    pub fn find(&self, role: Service) -> Option<&BaseService> {
        // The image's own name first (`postgres`, `bitnami/postgresql`), so a
        // `postgres-exporter` or `redisinsight` beside it is never taken for
        // the server; else the one image that starts so.
        let by_image = |names: &[&str]| {
            self.services
                .iter()
                .find(|s| s.image_name().is_some_and(|n| names.contains(&n)))
                .or_else(|| only(self.services.iter().filter(|s| s.image_starts(names[0]))))
        };
        match role {
            Service::Postgres => by_image(&["postgres", "postgresql", "postgis"]),
            Service::Redis => by_image(&["redis", "redis-stack-server"]),
            Service::Nginx => by_image(&["nginx", "nginx-unprivileged"]),
            Service::PgBouncer => self
                .services
                .iter()
                .find(|s| s.name == "pgbouncer" || s.image_starts("pgbouncer")),
            Service::Api => self
                .services
                .iter()
                .find(|s| s.name == "api")
                .or_else(|| {
                    only(self.services.iter().filter(|s| {
                        ["api", "backend", "server"]
                            .iter()
                            .any(|part| s.name.contains(part))
                    }))
                })
                .or_else(|| only(self.services.iter().filter(|s| s.image_starts("node")))),
            Service::Minio => by_image(&["minio"]),
            // A front end is usually built from the project (`build: ./web`):
            // known names first, else the one name that says front or next.
            Service::Web => {
                let api = self.find(Service::Api).map(|s| s.name.as_str());
                let candidates = || {
                    self.services
                        .iter()
                        .filter(|s| Some(s.name.as_str()) != api)
                };
                candidates()
                    .find(|s| WEB_NAMES.contains(&s.name.as_str()))
                    .or_else(|| {
                        only(
                            candidates().filter(|s| {
                                ["front", "next"].iter().any(|part| s.name.contains(part))
                            }),
                        )
                    })
            }
        }
    }
}

/// The names a Next.js front end goes by in compose files.
pub(super) const WEB_NAMES: [&str; 8] = [
    "web",
    "frontend",
    "front",
    "front-end",
    "next",
    "nextjs",
    "www",
    "ui",
];

/// A memory size as Compose reads it (`512m`, `1G`, `1gb`, `268435456`), in
/// MiB; `None` when it is not one.
pub fn memory_value(text: &str) -> Option<Mebibytes> {
    let text = text.trim().to_ascii_lowercase();
    let digits = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: f64 = number.parse().ok()?;
    Some(match unit.trim().trim_end_matches('b') {
        "" => Mebibytes::from_bytes(number),
        "k" => Mebibytes::from_kibibytes(number),
        "m" => Mebibytes(number),
        "g" => Mebibytes::from_gibibytes(number),
        "t" => Mebibytes::from_tebibytes(number),
        _ => return None,
    })
}

/// The one item, if there is exactly one.
pub(super) fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}
