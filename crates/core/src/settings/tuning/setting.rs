//! A tuned setting: its key, its value and why it has it.

use super::reason::Reason;
use crate::base::text::Lang;
use crate::base::units::Mebibytes;
use crate::settings::postgres::{self};
use crate::source::tier::Service;

/// A tuned setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingKey {
    SharedBuffers,
    EffectiveCacheSize,
    WorkMem,
    MaintenanceWorkMem,
    MaxConnections,
    WalBuffers,
    MinWalSize,
    MaxWalSize,
    CheckpointCompletionTarget,
    RandomPageCost,
    EffectiveIoConcurrency,
    DefaultStatisticsTarget,
    MaxWorkerProcesses,
    MaxParallelWorkers,
    MaxParallelWorkersPerGather,
    MaxParallelMaintenanceWorkers,
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
            SettingKey::WalBuffers => "wal_buffers",
            SettingKey::MinWalSize => "min_wal_size",
            SettingKey::MaxWalSize => "max_wal_size",
            SettingKey::CheckpointCompletionTarget => "checkpoint_completion_target",
            SettingKey::RandomPageCost => "random_page_cost",
            SettingKey::EffectiveIoConcurrency => "effective_io_concurrency",
            SettingKey::DefaultStatisticsTarget => "default_statistics_target",
            SettingKey::MaxWorkerProcesses => "max_worker_processes",
            SettingKey::MaxParallelWorkers => "max_parallel_workers",
            SettingKey::MaxParallelWorkersPerGather => "max_parallel_workers_per_gather",
            SettingKey::MaxParallelMaintenanceWorkers => "max_parallel_maintenance_workers",
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
    Decimal(f64),
    Policy(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    pub key: SettingKey,
    pub value: Value,
    pub reason: Reason,
}

impl Setting {
    /// The value as the server reads it: `300MB` or `1960kB` (PostgreSQL),
    /// `256mb` (Redis), `1024` (Node's megabytes).
    pub fn value_text(&self) -> String {
        match (self.value, self.key.service()) {
            (Value::Memory(m), Service::Redis) => format!("{}mb", m.0),
            (Value::Memory(m), Service::Api) => format!("{}", m.0),
            (Value::Memory(m), _) => postgres::memory_spelling(m),
            (Value::Count(n), _) => n.to_string(),
            (Value::Decimal(x), _) => x.to_string(),
            (Value::Policy(p), _) => p.to_owned(),
        }
    }

    pub fn memory(&self) -> Option<Mebibytes> {
        match self.value {
            Value::Memory(m) => Some(m),
            _ => None,
        }
    }

    /// Where the value comes from, in a sentence.
    pub fn provenance(&self, lang: Lang) -> String {
        self.reason.describe(lang)
    }
}
