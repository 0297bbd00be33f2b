//! Where each component's sizes come from, in one sentence per component:
//! what a page shows beside the table of [`Component`]s. The files say the
//! same at length in their comments.

use super::components::Component;
use super::names::{API, POOLER_RO, POOLER_RW, WEB};
use super::quantity;
use super::sizing::NODE_POD_CPU;
use super::sizing::{
    Sizing, HORIZON_MONTHS, INSTANCE_MANAGER, NODE_CPU_BURST, REDIS_CACHE_FACTOR, REDIS_STEP,
    REDIS_VOLUME_FACTOR, WAL_SIZE_FACTOR,
};
use crate::base::text::{self, Lang};
use crate::settings::pooler;

impl Sizing {
    /// The origin of `component`'s pods and sizes, in `lang`.
    pub fn origin(&self, component: &Component, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let n = |x: f64, d| text::number(x, d, lang);
        let reference = &self.reference;
        let ref_users = text::integer(f64::from(reference.users), lang);
        let horizon = text::integer(self.horizon_users, lang);
        let target = text::percent(self.target_percent, 0, lang);
        match (component.kind, component.name) {
            ("Cluster", _) => {
                let pg = &self.postgres;
                let (ref_cpus, ratio) = (n(reference.postgres.cpus.0, 2), n(self.ratio_now(), 2));
                let per_cpu = n(
                    reference.postgres.mem_limit.0 / reference.postgres.cpus.0,
                    0,
                );
                let (db, manager) = (
                    n(pg.database_horizon.gigabytes(), 1),
                    n(INSTANCE_MANAGER.0, 0),
                );
                let wal = times(WAL_SIZE_FACTOR, lang);
                if fr {
                    format!("Un primaire et deux répliques (source, palier 5). Processeur : les {ref_cpus} CPU du PostgreSQL du palier 4 pour {ref_users} utilisateurs, × {ratio} pour votre pointe ; mémoire : ses {per_cpu} Mio par CPU, dont {manager} Mio pour le gestionnaire de CloudNativePG. Volume : la base dans {HORIZON_MONTHS} mois ({db} Go) sous l'alerte disque ; WAL : {wal} max_wal_size et wal_keep_size.")
                } else {
                    format!("A primary and two replicas (source, tier 5). CPU: tier 4's {ref_cpus} PostgreSQL CPUs for {ref_users} users, × {ratio} for your peak; memory: its {per_cpu} MiB per CPU, {manager} MiB of it for CloudNativePG's manager. Volume: the database in {HORIZON_MONTHS} months ({db} GB) under the disk warning; WAL: {wal} max_wal_size plus wal_keep_size.")
                }
            }
            ("Pooler", name) => {
                let to = match (name, fr) {
                    (POOLER_RW, true) => "vers le primaire",
                    (POOLER_RW, false) => "to the primary",
                    (POOLER_RO, true) => "vers les répliques",
                    _ => "to the replicas",
                };
                let connections = self.tuning.connections;
                let per_pod = self.pooler.pool_per_pod;
                let tier = pooler::FROM_TIER;
                if fr {
                    format!("PgBouncer {to} (source, palier {tier} : mutualiser les connexions). Le pod d'exemple de CloudNativePG ; deux pods pour en redémarrer un à la fois, {per_pod} connexions chacun, le pool de {connections} du plan à eux deux.")
                } else {
                    format!("PgBouncer {to} (source, tier {tier}: pool the connections). CloudNativePG's example pod; two pods so that one can restart at a time, {per_pod} connections each, the plan's pool of {connections} between them.")
                }
            }
            ("RedisReplication", _) => {
                let redis = &self.redis;
                let cache = n(redis.cache.0, 0);
                let floor = quantity::memory(reference.redis.mem_limit);
                let maxmemory = quantity::memory(redis.maxmemory);
                let factor = n(REDIS_VOLUME_FACTOR, 0);
                let (twice, step) = (times(REDIS_CACHE_FACTOR, lang), n(REDIS_STEP.0, 0));
                if fr {
                    format!("Trois nœuds (source, palier 5). Mémoire : {twice} le cache actif d'aujourd'hui ({cache} Mo), par pas de {step} Mio, au moins les {floor} du palier 4. Volume : {factor} × maxmemory ({maxmemory}) pour l'instantané RDB et l'AOF.")
                } else {
                    format!("Three nodes (source, tier 5). Memory: {twice} today's active cache ({cache} MB), in {step} MiB steps, at least tier 4's {floor}. Volume: {factor} × maxmemory ({maxmemory}) for the RDB snapshot and the AOF.")
                }
            }
            ("RedisSentinel", _) => {
                if fr {
                    "Une Sentinel par nœud Redis, pour élire le nouveau primaire ; le pod d'exemple de l'opérateur OT redis-operator.".to_owned()
                } else {
                    "One Sentinel per Redis node, to elect the new primary; the OT redis-operator's example pod.".to_owned()
                }
            }
            (_, API) => {
                let per_core = n(reference.api.mem_limit.0 / reference.api.cpus.0, 0);
                let (cpu, burst) = (
                    n(NODE_POD_CPU.0, 2),
                    n((NODE_POD_CPU * NODE_CPU_BURST).0, 2),
                );
                if fr {
                    format!("Un processus Node.js par pod : {cpu} CPU (jusqu'à {burst} en pointe), les {per_core} Mio par cœur de l'API du palier 4. Au moins quatre pods (source, palier 5) ; au plus assez pour la pointe de {horizon} utilisateurs dans {HORIZON_MONTHS} mois à la cible de {target} du processeur.")
                } else {
                    format!("One Node.js process per pod: {cpu} CPU (up to {burst} at peak), tier 4's API {per_core} MiB per core. At least four pods (source, tier 5); at most enough for the peak of {horizon} users in {HORIZON_MONTHS} months at the {target} CPU target.")
                }
            }
            (_, WEB) => {
                if fr {
                    "La source ne chiffre pas le front-end : un pod comme celui de l'API, deux au moins pour en vider un à la fois, au plus autant que l'API. À mesurer.".to_owned()
                } else {
                    "The source gives the front end no figure: a pod like the API's, two at least so that one can be drained at a time, as many at most as the API. Measure it.".to_owned()
                }
            }
            _ => String::new(),
        }
    }
}

/// `factor` times, in words: `twice` for two, else `3 ×`.
fn times(factor: f64, lang: Lang) -> String {
    match (factor == 2.0, lang.page()) {
        (true, Lang::Fr) => "deux fois".to_owned(),
        (true, Lang::En) => "twice".to_owned(),
        (false, _) => format!("{} ×", text::number(factor, 2, lang)),
    }
}

#[cfg(test)]
mod tests {
    use crate::base::text::Lang;
    use crate::emit::kubernetes::sizing;
    use crate::{query, Defaults, YearMonth};

    #[test]
    fn every_component_says_where_its_sizes_come_from() {
        for lang in ["fr", "en"] {
            let defaults = Defaults {
                today: YearMonth::from_unix_seconds(1_780_000_000),
                lang: Lang::En,
                day: 1,
            };
            let decoded = query::decode(&format!("users=20000&growth=10&lang={lang}"), defaults);
            let plan = crate::plan(&decoded.scenario);
            let sizing = sizing(&plan).expect("tier 5");
            for component in sizing.components() {
                let origin = sizing.origin(&component, plan.scenario.lang);
                assert!(origin.len() > 60, "{}: {origin:?}", component.name);
            }
        }
    }

    #[test]
    fn the_origins_name_the_sizing_constants() {
        use super::times;
        use crate::kubernetes::sizing::{
            NODE_CPU_BURST, NODE_POD_CPU, REDIS_CACHE_FACTOR, REDIS_STEP, WAL_SIZE_FACTOR,
        };
        assert_eq!(times(2.0, Lang::En), "twice");
        assert_eq!(times(3.0, Lang::En), "3 ×");
        assert_eq!(times(1.5, Lang::Fr), "1,5 ×");
        let defaults = Defaults {
            today: YearMonth::from_unix_seconds(1_780_000_000),
            lang: Lang::En,
            day: 1,
        };
        let decoded = query::decode("users=20000&growth=10&lang=en", defaults);
        let plan = crate::plan(&decoded.scenario);
        let sizing = sizing(&plan).expect("tier 5");
        let all: Vec<String> = sizing
            .components()
            .iter()
            .map(|c| sizing.origin(c, Lang::En))
            .collect();
        let said = |what: String| assert!(all.iter().any(|o| o.contains(&what)), "{what}");
        said(format!(
            "WAL: {} max_wal_size",
            times(WAL_SIZE_FACTOR, Lang::En)
        ));
        said(format!(
            "Memory: {} today's active cache",
            times(REDIS_CACHE_FACTOR, Lang::En)
        ));
        said(format!("in {} MiB steps", REDIS_STEP.0));
        said(format!("(source, tier {}: pool", crate::pooler::FROM_TIER));
        said(format!(
            "{} CPU (up to {} at peak)",
            NODE_POD_CPU.0,
            NODE_POD_CPU.0 * NODE_CPU_BURST
        ));
    }
}
