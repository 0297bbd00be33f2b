//! Redis on the OT redis-operator: a `RedisReplication` of three nodes and a
//! `RedisSentinel`, with `maxmemory` and its policy in a ConfigMap.

use super::names::*;
use super::quantity;
use super::sizing::{Cap, Sizing, REDIS_VOLUME_FACTOR, SENTINEL};
use super::yaml::{quoted, Yaml};
use crate::base::text::{self, tx, Lang};
use crate::settings::tuning::SettingKey;

/// The operator's chart defaults for its 0.26 release (Redis 7.0).
pub const IMAGE: &str = "quay.io/opstree/redis:v7.0.15";
pub const SENTINEL_IMAGE: &str = "quay.io/opstree/redis-sentinel:v7.0.15";

pub fn redis(sizing: &Sizing, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let r = &sizing.redis;
    let tuning = &sizing.tuning;
    let mut y = Yaml::new();
    y.comment(0, &if fr {
        format!("Redis avec le redis-operator d'OT (redis.redis.opstreelabs.in/v1beta2). Source, palier 5, « cluster Redis » de trois nœuds : ici un primaire et deux répliques (RedisReplication) surveillés par trois Sentinels, qui promeuvent une réplique si le primaire tombe. Votre application garde son client : ioredis parle Sentinel (sentinels: [{{ host: \"{SENTINEL_SERVICE}\", port: {SENTINEL_PORT} }}], name: \"{MASTER_GROUP}\").\nOption : un Redis Cluster partitionné (kind RedisCluster, trois maîtres au moins) demande un client qui connaît le cluster et des commandes dont les clés restent sur un même nœud ; à garder pour le jour où un seul primaire ne suffit plus en mémoire ou en processeur.")
    } else {
        format!("Redis with the OT redis-operator (redis.redis.opstreelabs.in/v1beta2). Source, tier 5, \"Redis cluster\" of three nodes: here a primary and two replicas (RedisReplication) watched by three Sentinels, which promote a replica when the primary fails. Your application keeps its client: ioredis speaks Sentinel (sentinels: [{{ host: \"{SENTINEL_SERVICE}\", port: {SENTINEL_PORT} }}], name: \"{MASTER_GROUP}\").\nOption: a sharded Redis Cluster (kind RedisCluster, three masters at least) needs a cluster-aware client and commands whose keys stay on one node; keep it for the day one primary's memory or CPU no longer suffices.")
    });
    y.separator();
    y.comment(0, tx(
        "maxmemory et sa politique, lus par chaque nœud au démarrage (le maxMemoryPercentOfLimit de l'opérateur n'est appliqué que dans son mode alpha à conteneur d'initialisation ; le script de démarrage de l'image l'ignore).",
        "maxmemory and its policy, read by every node at start (the operator's maxMemoryPercentOfLimit applies only in its alpha init-container mode; the image's own start script ignores it).",
    ).get(lang));
    y.line(0, "apiVersion: v1");
    y.line(0, "kind: ConfigMap");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {REDIS_CONFIG}"));
    y.line(0, "data:");
    y.line(2, "redis-additional.conf: |");
    for key in [SettingKey::RedisMaxmemory, SettingKey::RedisPolicy] {
        if let Some(setting) = tuning.get(key) {
            y.comment(4, &setting.provenance(lang));
            y.line(4, &format!("{} {}", key.name(), setting.value_text()));
        }
    }
    y.separator();
    y.line(0, "apiVersion: redis.redis.opstreelabs.in/v1beta2");
    y.line(0, "kind: RedisReplication");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {REDIS}"));
    y.line(0, "spec:");
    y.field(
        2,
        "clusterSize",
        &r.nodes.to_string(),
        tx(
            "source, palier 5 : trois nœuds, un primaire et deux répliques",
            "source, tier 5: three nodes, a primary and two replicas",
        )
        .get(lang),
    );
    y.line(2, "kubernetesConfig:");
    y.field(
        4,
        "image",
        IMAGE,
        tx(
            "l'image par défaut du chart de l'opérateur 0.26",
            "the operator's 0.26 chart default",
        )
        .get(lang),
    );
    y.line(4, "imagePullPolicy: IfNotPresent");
    let cpus = quantity::cpu(r.cpus);
    let memory = quantity::memory(r.memory);
    let cache = r.cache.display(lang);
    let reference = text::number(sizing.reference.redis.mem_limit.0, 0, lang);
    y.comment(4, &if fr {
        format!("Processeur : Redis exécute les commandes sur un seul fil : le {cpus} CPU du palier 4.\nMémoire : deux fois le cache actif du plan ({cache}), maxmemory en étant la moitié et le reste allant au fork de persistance ; au moins les {reference} Mio du palier 4 : {memory}.")
    } else {
        format!("CPU: Redis runs commands on one thread: tier 4's {cpus} CPU.\nMemory: twice the plan's active cache ({cache}), maxmemory being half of it and the rest for the persistence fork; at least tier 4's {reference} MiB: {memory}.")
    });
    if sizing.capped.contains(&Cap::RedisMemory) {
        y.comment(4, tx(
            "ATTENTION : le cache dépasse ce qu'un nœud de 64 Gio tient ; passez au Redis Cluster partitionné (voir plus haut).",
            "WARNING: the cache passes what a 64 GiB node holds; move to the sharded Redis Cluster (see above).",
        ).get(lang));
    }
    y.line(4, "resources:");
    for part in ["requests", "limits"] {
        y.line(6, &format!("{part}:"));
        y.line(8, &format!("cpu: {}", quoted(&cpus)));
        y.line(8, &format!("memory: {memory}"));
    }
    secret_ref(&mut y, 4, lang);
    y.line(2, "redisConfig:");
    y.line(4, &format!("additionalRedisConfig: {REDIS_CONFIG}"));
    let storage = quantity::gibibytes(r.storage_gib);
    let factor = text::number(REDIS_VOLUME_FACTOR, 0, lang);
    y.comment(2, &if fr {
        format!("Persistance (RDB et AOF) : {factor} fois maxmemory, pour l'instantané RDB, l'AOF qui grossit jusqu'au double des données avant sa réécriture, et le nouveau fichier de la réécriture : {storage}.")
    } else {
        format!("Persistence (RDB and AOF): {factor} times maxmemory, for the RDB snapshot, the AOF that grows to twice the data before its rewrite, and the rewrite's new file: {storage}.")
    });
    y.line(2, "storage:");
    y.line(4, "volumeClaimTemplate:");
    y.line(6, "spec:");
    y.line(8, "accessModes: [\"ReadWriteOnce\"]");
    y.line(8, "resources:");
    y.line(10, "requests:");
    y.line(12, &format!("storage: {storage}"));
    pdb(&mut y, lang);
    security_context(&mut y, lang);
    y.separator();
    y.line(0, "apiVersion: redis.redis.opstreelabs.in/v1beta2");
    y.line(0, "kind: RedisSentinel");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {REDIS}"));
    y.line(0, "spec:");
    y.field(
        2,
        "clusterSize",
        &sizing.sentinels.to_string(),
        tx(
            "trois Sentinels : deux doivent s'accorder (quorum 2) avant de basculer",
            "three Sentinels: two must agree (quorum 2) before a failover",
        )
        .get(lang),
    );
    y.line(2, "redisSentinelConfig:");
    y.line(4, &format!("redisReplicationName: {REDIS}"));
    y.line(4, &format!("masterGroupName: {MASTER_GROUP}"));
    y.line(4, "redisReplicationPassword:");
    y.line(6, "secretKeyRef:");
    y.line(8, &format!("name: {REDIS_SECRET}"));
    y.line(8, "key: password");
    y.line(2, "kubernetesConfig:");
    y.line(4, &format!("image: {SENTINEL_IMAGE}"));
    y.line(4, "imagePullPolicy: IfNotPresent");
    y.comment(
        4,
        tx(
            "L'exemple de l'opérateur pour un pod Sentinel.",
            "The operator's example for a Sentinel pod.",
        )
        .get(lang),
    );
    y.line(4, "resources:");
    for part in ["requests", "limits"] {
        y.line(6, &format!("{part}:"));
        y.line(8, &format!("cpu: {}", quoted(&quantity::cpu(SENTINEL.0))));
        y.line(8, &format!("memory: {}", quantity::memory(SENTINEL.1)));
    }
    secret_ref(&mut y, 4, lang);
    pdb(&mut y, lang);
    security_context(&mut y, lang);
    y.finish()
}

fn secret_ref(y: &mut Yaml, indent: usize, lang: Lang) {
    y.comment(
        indent,
        tx(
            "Le mot de passe, par référence : le Secret redis-auth, créé par secrets.example.sh.",
            "The password, by reference: the Secret redis-auth, made by secrets.example.sh.",
        )
        .get(lang),
    );
    y.line(indent, "redisSecret:");
    y.line(indent + 2, &format!("name: {REDIS_SECRET}"));
    y.line(indent + 2, "key: password");
}

fn pdb(y: &mut Yaml, lang: Lang) {
    y.line(2, "pdb:");
    y.line(4, "enabled: true");
    y.field(
        4,
        "maxUnavailable",
        "1",
        tx(
            "un pod à la fois pendant une maintenance des nœuds",
            "one pod at a time while nodes are drained",
        )
        .get(lang),
    );
}

fn security_context(y: &mut Yaml, lang: Lang) {
    y.comment(
        2,
        tx(
            "L'utilisateur des images de l'opérateur ; le volume lui est rendu accessible.",
            "The operator's images' user; the volume is made writable for it.",
        )
        .get(lang),
    );
    y.line(2, "podSecurityContext:");
    y.line(4, "runAsUser: 1000");
    y.line(4, "fsGroup: 1000");
}
