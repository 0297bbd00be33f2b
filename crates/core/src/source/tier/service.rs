//! The services that get Compose limits, and the limits the source gives.

use crate::base::units::{Cores, Mebibytes};

/// A service of the stack that gets Compose limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    Api,
    Postgres,
    Redis,
    Nginx,
    /// Added by Headroom from tier 3, where the source advises pooling.
    PgBouncer,
    /// MinIO, the object store: the source gives it no limit; Headroom gives
    /// it a share of what the machine has left ([`crate::settings::budget::Rest`]).
    Minio,
    /// The Next.js front end, limited the same way.
    Web,
}

impl Service {
    /// The service's name in the compose file.
    pub fn name(self) -> &'static str {
        match self {
            Service::Api => "api",
            Service::Postgres => "postgres",
            Service::Redis => "redis",
            Service::Nginx => "nginx",
            Service::PgBouncer => "pgbouncer",
            Service::Minio => "minio",
            Service::Web => "web",
        }
    }
}

/// One service's `cpus`, `mem_limit` and `mem_reservation`, as the source gives them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub service: Service,
    pub cpus: Cores,
    pub mem_limit: Mebibytes,
    pub mem_reservation: Option<Mebibytes>,
    pub replicas: u32,
}

pub(super) const fn limits(service: Service, cpus: f64, mem_limit: f64, replicas: u32) -> Limits {
    Limits {
        service,
        cpus: Cores(cpus),
        mem_limit: Mebibytes(mem_limit),
        mem_reservation: None,
        replicas,
    }
}

pub(super) const fn reserved(mut limits: Limits, mem_reservation: f64) -> Limits {
    limits.mem_reservation = Some(Mebibytes(mem_reservation));
    limits
}
