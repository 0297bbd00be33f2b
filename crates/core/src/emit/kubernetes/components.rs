//! The bundle's sized components in one table: what the JSON view and a
//! page list, and what the tests compare with the files.

use super::names::*;
use super::sizing::{Sizing, POOLER_LIMIT, POOLER_REQUEST, SENTINEL};
use super::{API as API_FILE, POOLERS, POSTGRES, REDIS as REDIS_FILE, WEB as WEB_FILE};
use crate::base::units::{Cores, Mebibytes};

/// One object that runs pods, with its sizes per pod.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Component {
    pub name: &'static str,
    pub kind: &'static str,
    pub file: &'static str,
    /// Pods: fixed (min = max), or the autoscaler's bounds.
    pub min: u32,
    pub max: u32,
    pub cpu_request: Cores,
    pub cpu_limit: Cores,
    pub memory_request: Mebibytes,
    pub memory_limit: Mebibytes,
    /// Each pod's data volume and, for PostgreSQL, its WAL volume, GiB.
    pub storage_gib: Option<u64>,
    pub wal_storage_gib: Option<u64>,
}

impl Sizing {
    pub fn components(&self) -> Vec<Component> {
        let fixed = |name, kind, file, count, (cpu, memory): (Cores, Mebibytes)| Component {
            name,
            kind,
            file,
            min: count,
            max: count,
            cpu_request: cpu,
            cpu_limit: cpu,
            memory_request: memory,
            memory_limit: memory,
            storage_gib: None,
            wal_storage_gib: None,
        };
        let pg = &self.postgres;
        let pooler = |name| Component {
            cpu_limit: POOLER_LIMIT.0,
            memory_limit: POOLER_LIMIT.1,
            ..fixed(
                name,
                "Pooler",
                POOLERS,
                self.pooler.instances,
                POOLER_REQUEST,
            )
        };
        let node = |name, file, pods: &super::sizing::Pods| Component {
            min: pods.min,
            max: pods.max,
            cpu_limit: pods.cpu_limit,
            ..fixed(name, "Deployment", file, 0, (pods.cpu_request, pods.memory))
        };
        vec![
            Component {
                storage_gib: Some(pg.storage_gib),
                wal_storage_gib: Some(pg.wal_gib),
                ..fixed(
                    CLUSTER,
                    "Cluster",
                    POSTGRES,
                    pg.instances,
                    (pg.cpus, pg.memory),
                )
            },
            pooler(POOLER_RW),
            pooler(POOLER_RO),
            Component {
                storage_gib: Some(self.redis.storage_gib),
                ..fixed(
                    REDIS,
                    "RedisReplication",
                    REDIS_FILE,
                    self.redis.nodes,
                    (self.redis.cpus, self.redis.memory),
                )
            },
            fixed(REDIS, "RedisSentinel", REDIS_FILE, self.sentinels, SENTINEL),
            node(API, API_FILE, &self.api),
            node(WEB, WEB_FILE, &self.web),
        ]
    }
}
