//! The tuned settings in the three forms a server reads them when the
//! compose command is kept as it is: `postgresql.conf` lines, `ALTER SYSTEM`
//! statements and `redis.conf` lines.

use crate::settings::tuning::Tuning;
use crate::source::tier::Service;

impl Tuning {
    /// The same settings for those who keep their compose command as it is:
    /// `postgresql.conf` lines (include them, or paste them at the end).
    pub fn postgresql_conf(&self) -> String {
        self.postgres_settings()
            .map(|s| format!("{} = '{}'\n", s.key.name(), s.value_text()))
            .collect()
    }

    /// As `ALTER SYSTEM` statements; shared memory and process counts take
    /// effect at the next restart.
    pub fn alter_system(&self) -> String {
        let mut out: String = self
            .postgres_settings()
            .map(|s| {
                format!(
                    "ALTER SYSTEM SET {} = '{}';\n",
                    s.key.name(),
                    s.value_text()
                )
            })
            .collect();
        out.push_str("SELECT pg_reload_conf();\n");
        out
    }

    /// `redis.conf` lines.
    pub fn redis_conf(&self) -> String {
        self.settings
            .iter()
            .filter(|s| s.key.service() == Service::Redis)
            .map(|s| format!("{} {}\n", s.key.name(), s.value_text()))
            .collect()
    }
}
