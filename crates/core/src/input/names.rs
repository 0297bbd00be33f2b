//! The names the runbooks' commands use: the database, the domain, the
//! target host and the PostgreSQL container.

use crate::base::text::Lang;
use crate::source::runbook::Step;
use std::fmt;

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
    /// `pgvolume`: the named volume that holds PostgreSQL's data.
    pub pg_volume: Name,
}

/// Visible placeholders until the user gives their names (or pastes their
/// compose file, which fills what it can): a command copied as it is fails
/// on the placeholder instead of acting on someone else's database.
pub const DEFAULT_DB: &str = "YOUR_DB";
pub const DEFAULT_DOMAIN: &str = "your-domain.example";
pub const DEFAULT_TARGET: &str = "mini-pc";
pub const DEFAULT_PG_CONTAINER: &str = "YOUR_PROJECT-postgres-1";
pub const DEFAULT_PG_VOLUME: &str = "YOUR_PROJECT_pgdata";

impl Default for Names {
    fn default() -> Names {
        Names {
            database: Name::known(DEFAULT_DB),
            domain: Name::known(DEFAULT_DOMAIN),
            target: Name::known(DEFAULT_TARGET),
            pg_container: Name::known(DEFAULT_PG_CONTAINER),
            pg_volume: Name::known(DEFAULT_PG_VOLUME),
        }
    }
}

/// Fills a template's `{db}`, `{domain}`, `{target}`, `{pgcontainer}` and
/// `{pgvolume}`.
pub fn fill(template: &str, names: &Names) -> String {
    template
        .replace("{pgvolume}", names.pg_volume.as_str())
        .replace("{db}", names.database.as_str())
        .replace("{domain}", names.domain.as_str())
        .replace("{target}", names.target.as_str())
        .replace("{pgcontainer}", names.pg_container.as_str())
}

impl Step {
    /// The step's commands with the names filled in.
    pub fn commands_for(&self, names: &Names) -> Vec<String> {
        self.commands.iter().map(|c| fill(c, names)).collect()
    }

    pub fn note_for(&self, names: &Names, lang: Lang) -> Option<String> {
        self.note.map(|note| fill(note.get(lang), names))
    }
}
