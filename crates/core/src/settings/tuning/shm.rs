//! PostgreSQL's `/dev/shm`: its size, counted from the parallel query's
//! needs, and the sentence that shows the count.

use super::reason::plain;
use super::rules::*;
use crate::base::text::{self, Lang};
use crate::base::units::Mebibytes;
use crate::settings::postgres::{self, Memory};

/// The PostgreSQL container's `/dev/shm` and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shm {
    pub size: Mebibytes,
    /// Processes that may take part in parallel queries (workers and their
    /// leaders); 0 when the settings allow no parallel query.
    pub parallel_processes: u32,
}

/// Why `/dev/shm` has its size, with every figure its sentence names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ShmReason {
    /// No parallel query: Docker's default `size` is enough.
    DockerDefault { size: Mebibytes },
    /// Parallel hash tables: `processes` × `operations` × `work_mem` ×
    /// `hash_multiplier`, plus `maintenance_work_mem` and `reserve`.
    Parallel {
        processes: u32,
        operations: u32,
        work_mem: Mebibytes,
        hash_multiplier: f64,
        reserve: Mebibytes,
    },
}

impl Shm {
    /// The reason for this size, with the `work_mem` it was counted from.
    pub fn reason(&self, work_mem: Mebibytes) -> ShmReason {
        match self.parallel_processes {
            0 => ShmReason::DockerDefault { size: DOCKER_SHM },
            processes => ShmReason::Parallel {
                processes,
                operations: postgres::OPERATIONS_PER_QUERY,
                work_mem,
                hash_multiplier: postgres::HASH_MEM_MULTIPLIER,
                reserve: SHM_RESERVE,
            },
        }
    }
}

impl ShmReason {
    pub fn describe(self, lang: Lang) -> String {
        match (self, lang.page()) {
            (ShmReason::DockerDefault { size }, Lang::Fr) => {
                format!(
                    "sans requête parallèle, les {}m de Docker suffisent",
                    plain(size)
                )
            }
            (ShmReason::DockerDefault { size }, Lang::En) => {
                format!("no parallel query: Docker's {}m is enough", plain(size))
            }
            (
                ShmReason::Parallel {
                    processes: n,
                    operations: ops,
                    work_mem,
                    hash_multiplier,
                    reserve,
                },
                lang,
            ) => {
                let (work_mem, hash, reserve) = (
                    postgres::memory_spelling(work_mem),
                    text::number(hash_multiplier, 2, lang),
                    plain(reserve),
                );
                match lang {
                    Lang::Fr => format!(
                        "{n} processus parallèles × {ops} × work_mem {work_mem} × {hash}, + maintenance_work_mem, + {reserve}m"
                    ),
                    Lang::En => format!(
                        "{n} parallel processes × {ops} × work_mem {work_mem} × {hash}, + maintenance_work_mem, + {reserve}m"
                    ),
                }
            }
        }
    }
}

/// `/dev/shm` for the parallel queries the settings allow. A parallel hash
/// join keeps its shared hash table there: every worker and its leader may
/// hold `work_mem` × `hash_mem_multiplier` per operation, and a parallel
/// vacuum keeps its dead tuples there too.
pub(super) fn shm(memory: &Memory, workers: u32, per_gather: u32) -> Shm {
    if workers == 0 {
        return Shm {
            size: DOCKER_SHM,
            parallel_processes: 0,
        };
    }
    let parallel_processes = workers * PROCESSES_PER_WORKER;
    let hashes = memory.work_mem
        * (f64::from(parallel_processes)
            * f64::from(postgres::OPERATIONS_PER_QUERY)
            * postgres::HASH_MEM_MULTIPLIER);
    let vacuum = if per_gather > 0 {
        memory.maintenance_work_mem
    } else {
        Mebibytes(0.0)
    };
    let size = Mebibytes((hashes + vacuum + SHM_RESERVE).0.ceil());
    Shm {
        size: if size > DOCKER_SHM { size } else { DOCKER_SHM },
        parallel_processes,
    }
}
