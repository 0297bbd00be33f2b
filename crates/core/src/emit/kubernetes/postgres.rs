//! PostgreSQL 15 on CloudNativePG: the `Cluster`, its two PgBouncer
//! `Pooler`s, and the patch that imports the running database.

use super::names::*;
use super::quantity;
use super::sizing::{Sizing, INSTANCE_MANAGER, POOLER_LIMIT, POOLER_REQUEST, WAL_KEEP};
use super::yaml::{quoted, Yaml};
use crate::base::text::{self, tx, Lang};
use crate::settings::postgres::memory_spelling;
use crate::settings::tuning::SettingKey;

/// PostgreSQL 15 from CloudNativePG's image catalog (`standard-trixie`, the
/// catalog of 2026-08-17): every locale, like the official image the
/// source's stack runs; pinned by digest.
pub const IMAGE: &str = "ghcr.io/cloudnative-pg/postgresql:15.19-202608170814-standard-trixie@sha256:613c7a0417887cd2626a2bfb31fa4e1d86c3088e575fd66bc227007dc69a5487";

/// The Cluster; given the current server's host name, made by importing the
/// running database.
pub fn cluster(sizing: &Sizing, database: &str, import_from: Option<&str>, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let pg = &sizing.postgres;
    let reference = &sizing.reference;
    let tuning = &sizing.tuning;
    let n = |x: f64, d: usize| text::number(x, d, lang);
    let mut y = Yaml::new();
    y.comment(0, tx(
        "PostgreSQL 15 sur CloudNativePG (postgresql.cnpg.io/v1). Source, palier 5, « PostgreSQL répliqué » : un primaire pour les écritures, deux répliques pour les lectures. L'opérateur crée les Services postgres-rw (le primaire), postgres-ro (les répliques) et postgres-r (tous), le Secret postgres-app (utilisateur et mot de passe de l'application) et les PodDisruptionBudgets.",
        "PostgreSQL 15 on CloudNativePG (postgresql.cnpg.io/v1). Source, tier 5, \"Replicated PostgreSQL\": a primary for writes, two replicas for reads. The operator makes the Services postgres-rw (the primary), postgres-ro (the replicas) and postgres-r (any), the Secret postgres-app (the application's user and password) and the PodDisruptionBudgets.",
    ).get(lang));
    y.line(0, "apiVersion: postgresql.cnpg.io/v1");
    y.line(0, "kind: Cluster");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {CLUSTER}"));
    y.line(0, "spec:");
    y.field(
        2,
        "instances",
        &pg.instances.to_string(),
        tx(
            "source, palier 5 : un primaire et deux répliques",
            "source, tier 5: a primary and two replicas",
        )
        .get(lang),
    );
    y.comment(2, tx(
        "PostgreSQL 15, la version de la pile de la source ; sans cela l'opérateur prendrait la sienne, une version majeure plus récente. Image du catalogue de CloudNativePG (standard-trixie, 2026-08-17) : toutes les locales, comme l'image officielle.",
        "PostgreSQL 15, the source's stack's version; otherwise the operator takes its own default, a later major. From CloudNativePG's image catalog (standard-trixie, 2026-08-17): every locale, like the official image.",
    ).get(lang));
    y.line(2, &format!("imageName: {IMAGE}"));
    let cpus = quantity::cpu(pg.cpus);
    let memory = quantity::memory(pg.memory);
    let (ref_cpus, ref_users) = (
        n(reference.postgres.cpus.0, 2),
        text::integer(f64::from(reference.users), lang),
    );
    let (ref_peak, peak, ratio) = (
        n(reference.peak.0, 1),
        n(sizing.peak_now.0, 1),
        n(sizing.ratio_now(), 2),
    );
    let per_cpu = n(
        reference.postgres.mem_limit.0 / reference.postgres.cpus.0,
        0,
    );
    y.comment(2, &if fr {
        format!("Requêtes égales aux limites : la classe QoS Guaranteed que CloudNativePG recommande.\nProcesseur : le PostgreSQL du palier 4 avait {ref_cpus} CPU pour {ref_users} utilisateurs ({ref_peak} requêtes/s en pointe) ; votre pointe, {peak}/s, en fait ×{ratio} : {cpus} CPU (au moins ceux du palier 4).\nMémoire : les {per_cpu} Mio par CPU du palier 4 : {memory}.")
    } else {
        format!("Requests equal to limits: the Guaranteed QoS class CloudNativePG recommends.\nCPU: tier 4's PostgreSQL had {ref_cpus} CPUs for {ref_users} users ({ref_peak} requests/s at peak); your peak, {peak}/s, is ×{ratio}: {cpus} CPUs (at least tier 4's).\nMemory: tier 4's {per_cpu} MiB per CPU: {memory}.")
    });
    if sizing.capped.contains(&super::sizing::Cap::PostgresCpus) {
        y.comment(2, tx(
            "ATTENTION : la charge demande plus de 64 CPU à un seul primaire ; au-delà, répartissez les données (partitionnement, Citus) plutôt que d'agrandir ce pod.",
            "WARNING: the load asks more than 64 CPUs of one primary; past that, split the data (partitioning, Citus) rather than grow this pod.",
        ).get(lang));
    }
    y.line(2, "resources:");
    for part in ["requests", "limits"] {
        y.line(4, &format!("{part}:"));
        y.line(6, &format!("cpu: {}", quoted(&cpus)));
        y.line(6, &format!("memory: {memory}"));
    }
    let shm = &tuning.shm;
    let work_mem = memory_spelling(tuning.memory.work_mem);
    let maintenance = memory_spelling(tuning.memory.maintenance_work_mem);
    let processes = shm.parallel_processes;
    y.comment(2, &if fr {
        format!("/dev/shm (un volume en mémoire) : les jointures par hachage parallèles y gardent leurs tables ; {processes} processus × 3 opérations × work_mem {work_mem} × 2, plus maintenance_work_mem {maintenance} et 16 Mio.")
    } else {
        format!("/dev/shm (a memory volume): parallel hash joins keep their tables there; {processes} processes × 3 operations × work_mem {work_mem} × 2, plus maintenance_work_mem {maintenance} and 16 MiB.")
    });
    y.line(2, "ephemeralVolumesSizeLimit:");
    y.line(4, &format!("shm: {}", quantity::memory(shm.size)));
    y.line(2, "postgresql:");
    let budget = n(pg.budget.0, 0);
    // As the rules below write it: `7936m`.
    let plain = text::fixed(pg.budget.0, 0);
    let manager = n(INSTANCE_MANAGER.0, 0);
    y.comment(4, &if fr {
        format!("Les réglages de Headroom pour {budget} Mio : la limite de {memory} moins {manager} Mio gardés pour le gestionnaire d'instance de CloudNativePG ; le « mem_limit » ci-dessous désigne ces {plain}m. Des chaînes, comme le CRD l'exige ; aucun des paramètres que l'opérateur fixe.")
    } else {
        format!("Headroom's settings for {budget} MiB: the {memory} limit less {manager} MiB kept for CloudNativePG's instance manager; the \"mem_limit\" below is that {plain}m. Strings, as the CRD requires; none of the parameters the operator fixes.")
    });
    let memory_model = &tuning.memory;
    let terms: Vec<String> = memory_model
        .terms(lang)
        .iter()
        .map(|t| format!("{} {}", t.name.to_lowercase(), t.amount.display(lang)))
        .collect();
    let worst = memory_model.worst_case().display(lang);
    y.comment(
        4,
        &if fr {
            format!(
                "Pire cas de PostgreSQL : {worst} sur {budget} Mio ({}).",
                terms.join(", ")
            )
        } else {
            format!(
                "PostgreSQL's worst case: {worst} of {budget} MiB ({}).",
                terms.join(", ")
            )
        },
    );
    y.line(4, "parameters:");
    for setting in tuning.postgres_settings() {
        y.comment(6, &setting.provenance(lang));
        y.line(
            6,
            &format!("{}: {}", setting.key.name(), quoted(&setting.value_text())),
        );
    }
    y.line(2, "bootstrap:");
    y.line(4, "initdb:");
    match import_from {
        None => y.comment(6, &if fr {
            format!("Une base {database} vide, à l'utilisateur {APP_OWNER} (Secret postgres-app). Pour reprendre votre base actuelle, appliquez d'abord import/ (le runbook du passage au cloud).")
        } else {
            format!("An empty database {database}, owned by {APP_OWNER} (Secret postgres-app). To bring your current database, apply import/ first (the move-to-the-cloud runbook).")
        }),
        Some(_) => y.comment(6, &if fr {
            format!("{database}, importée de votre PostgreSQL actuel, à l'utilisateur {APP_OWNER} (Secret postgres-app).")
        } else {
            format!("{database}, imported from your current PostgreSQL, owned by {APP_OWNER} (Secret postgres-app).")
        }),
    }
    y.line(6, &format!("database: {}", quoted(database)));
    y.line(6, &format!("owner: {APP_OWNER}"));
    if import_from.is_some() {
        import_source(&mut y, database, lang);
    }
    let (db_h, db_now) = (
        pg.database_horizon.display(lang),
        pg.database_now.display(lang),
    );
    let (users_h, months) = (
        text::integer(sizing.horizon_users, lang),
        super::sizing::HORIZON_MONTHS,
    );
    let warning = text::percent(pg.disk_warning, 0, lang);
    let storage = quantity::gibibytes(pg.storage_gib);
    y.comment(2, &if fr {
        format!("La base dans {months} mois : {db_h} ({users_h} utilisateurs, la projection du plan), sous l'alerte disque de {warning} du tableau de décision ; au moins deux fois celle d'aujourd'hui, {db_now} (la copie de l'import y attend à côté de la base restaurée) : {storage} par instance. La StorageClass par défaut du cluster ; nommez une classe SSD avec storageClass, comme le disque de la source. Le volume s'agrandit sur place si la classe le permet.")
    } else {
        format!("The database in {months} months: {db_h} ({users_h} users, the plan's projection), under the decision table's {warning} disk warning; at least twice today's {db_now} (the import's dump waits there beside the restored database): {storage} per instance. The cluster's default StorageClass; name an SSD class with storageClass, as the source's disk is. The volume grows in place where the class allows it.")
    });
    if sizing.capped.contains(&super::sizing::Cap::PostgresVolume) {
        y.comment(2, tx(
            "ATTENTION : la base dépasse 16 Tio, le plus grand volume d'un seul disque de la plupart des clouds ; répartissez-la (tablespaces, partitionnement).",
            "WARNING: the database passes 16 TiB, most clouds' largest single volume; split it (tablespaces, partitioning).",
        ).get(lang));
    }
    y.line(2, "storage:");
    y.line(4, &format!("size: {storage}"));
    let max_wal = memory_spelling(pg.max_wal_size);
    let keep = memory_spelling(WAL_KEEP);
    let wal = quantity::gibibytes(pg.wal_gib);
    y.comment(2, &if fr {
        format!("Le WAL sur son propre volume : deux fois max_wal_size ({max_wal}) et le wal_keep_size de CloudNativePG ({keep}) : {wal}.")
    } else {
        format!("WAL on its own volume: twice max_wal_size ({max_wal}) and CloudNativePG's wal_keep_size ({keep}): {wal}.")
    });
    y.line(2, "walStorage:");
    y.line(4, &format!("size: {wal}"));
    y.comment(
        2,
        tx(
            "Une instance par nœud : perdre un nœud ne coûte qu'une instance.",
            "One instance per node: losing a node costs one instance.",
        )
        .get(lang),
    );
    y.line(2, "affinity:");
    y.line(4, "enablePodAntiAffinity: true");
    y.line(4, "topologyKey: kubernetes.io/hostname");
    if let Some(host) = import_from {
        external_cluster(&mut y, host, database, lang);
    }
    y.finish()
}

pub fn poolers(sizing: &Sizing, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let pool = &sizing.pooler;
    let connections = sizing.tuning.connections;
    let max_connections = sizing
        .tuning
        .get(SettingKey::MaxConnections)
        .map(|s| s.value_text())
        .unwrap_or_default();
    let mut y = Yaml::new();
    let instances = pool.instances;
    y.comment(0, &if fr {
        format!("PgBouncer devant PostgreSQL (source, palier 3 : mutualiser les connexions), en Poolers de CloudNativePG : {POOLER_RW} vers le primaire, {POOLER_RO} vers les répliques. Chacun a {instances} pods ; ensemble ils ouvrent au plus le pool du plan, {connections} connexions, que le max_connections de PostgreSQL ({max_connections}) tient.")
    } else {
        format!("PgBouncer in front of PostgreSQL (source, tier 3: pool the connections), as CloudNativePG Poolers: {POOLER_RW} to the primary, {POOLER_RO} to the replicas. Each runs {instances} pods; together they open at most the plan's pool of {connections} connections, which PostgreSQL's max_connections ({max_connections}) holds.")
    });
    for (name, kind) in [(POOLER_RW, "rw"), (POOLER_RO, "ro")] {
        y.separator();
        y.line(0, "apiVersion: postgresql.cnpg.io/v1");
        y.line(0, "kind: Pooler");
        y.line(0, "metadata:");
        y.line(2, &format!("name: {name}"));
        y.line(0, "spec:");
        y.line(2, "cluster:");
        y.line(4, &format!("name: {CLUSTER}"));
        y.field(
            2,
            "instances",
            &instances.to_string(),
            tx(
                "deux pods : l'un redémarre pendant que l'autre sert",
                "two pods: one restarts while the other serves",
            )
            .get(lang),
        );
        y.line(2, &format!("type: {kind}"));
        y.line(2, "pgbouncer:");
        y.field(4, "poolMode", "transaction", tx(
            "une connexion serveur par transaction (palier 3) ; Prisma veut ?pgbouncer=true dans son URL",
            "one server connection per transaction (tier 3); Prisma needs ?pgbouncer=true in its URL",
        ).get(lang));
        y.line(4, "parameters:");
        y.field(
            6,
            "max_client_conn",
            &quoted(&pool.max_client_conn.to_string()),
            tx(
                "quelques ko par client : le pool de chaque pod de l'API",
                "a few kB per client: every API pod's pool",
            )
            .get(lang),
        );
        let per_pod = pool.pool_per_pod;
        let share = if fr {
            format!("{connections} connexions du plan / {instances} pods")
        } else {
            format!("the plan's {connections} connections / {instances} pods")
        };
        y.field(
            6,
            "default_pool_size",
            &quoted(&per_pod.to_string()),
            &share,
        );
        y.field(
            6,
            "max_db_connections",
            &quoted(&per_pod.to_string()),
            &share,
        );
        y.field(
            6,
            "reserve_pool_size",
            &quoted("0"),
            tx(
                "max_connections n'a pas de place pour une réserve",
                "max_connections has no room for a reserve",
            )
            .get(lang),
        );
        y.line(2, "template:");
        y.line(4, "metadata:");
        y.line(6, "labels:");
        y.line(8, &format!("app.kubernetes.io/name: {name}"));
        y.line(4, "spec:");
        y.line(6, "containers:");
        y.comment(8, tx(
            "Le nom doit être pgbouncer. L'exemple de CloudNativePG pour un pod PgBouncer (son gestionnaire tourne à côté).",
            "The name must be pgbouncer. CloudNativePG's example for a PgBouncer pod (its manager runs beside it).",
        ).get(lang));
        y.line(8, "- name: pgbouncer");
        y.line(10, "resources:");
        for (part, (cpu, memory)) in [("requests", POOLER_REQUEST), ("limits", POOLER_LIMIT)] {
            y.line(12, &format!("{part}:"));
            y.line(14, &format!("cpu: {}", quoted(&quantity::cpu(cpu))));
            y.line(14, &format!("memory: {}", quantity::memory(memory)));
        }
    }
    y.finish()
}

/// The header of the import's Cluster.
pub fn import_header(database: &str, lang: Lang) -> String {
    let mut y = Yaml::new();
    y.comment(0, &if lang.page() == Lang::Fr {
        format!("Le Cluster créé en important {database} depuis votre PostgreSQL actuel (bootstrap.initdb.import de CloudNativePG, type microservice) : pg_dump par le réseau, pg_restore dans {database} à l'utilisateur {APP_OWNER}, puis ANALYZE. Arrêtez l'API avant : ce qu'elle écrirait pendant la copie serait perdu. Le reste de ce Cluster est celui de ../postgres.yaml ; l'import n'est lu qu'à sa création.")
    } else {
        format!("The Cluster made by importing {database} from your current PostgreSQL (CloudNativePG's bootstrap.initdb.import, microservice type): pg_dump over the network, pg_restore into {database} owned by {APP_OWNER}, then ANALYZE. Stop the API first: what it wrote during the copy would be lost. The rest of this Cluster is ../postgres.yaml's; the import is read only when it is created.")
    });
    y.finish()
}

fn import_source(y: &mut Yaml, database: &str, _lang: Lang) {
    y.line(6, "import:");
    y.line(8, "type: microservice");
    y.line(8, "databases:");
    y.line(10, &format!("- {}", quoted(database)));
    y.line(8, "source:");
    y.line(10, &format!("externalCluster: {SOURCE_CLUSTER}"));
}

fn external_cluster(y: &mut Yaml, host: &str, database: &str, lang: Lang) {
    let fr = lang.page() == Lang::Fr;
    y.comment(
        2,
        tx(
            "Votre PostgreSQL actuel, d'où l'import copie la base.",
            "Your current PostgreSQL, which the import copies the database from.",
        )
        .get(lang),
    );
    y.line(2, "externalClusters:");
    y.line(4, &format!("- name: {SOURCE_CLUSTER}"));
    y.line(6, "connectionParameters:");
    y.field(8, "host", &quoted(host), &if fr {
        format!("votre serveur, vers lequel {host} pointe jusqu'à la bascule du DNS ; son port 5432 ouvert à l'adresse du cluster seule")
    } else {
        format!("your server, which {host} points at until the DNS switch; its port 5432 open to the cluster's address only")
    });
    y.line(8, "port: \"5432\"");
    y.field(
        8,
        "user",
        "postgres",
        tx(
            "un superutilisateur, comme pg_dump en a besoin",
            "a superuser, as pg_dump needs",
        )
        .get(lang),
    );
    y.line(8, &format!("dbname: {}", quoted(database)));
    y.field(
        8,
        "sslmode",
        "require",
        tx(
            "la copie traverse Internet : TLS exigé (ssl = on sur votre PostgreSQL)",
            "the copy crosses the Internet: TLS required (ssl = on on your PostgreSQL)",
        )
        .get(lang),
    );
    y.line(6, "password:");
    y.field(
        8,
        "name",
        SOURCE_SECRET,
        tx("créé par secrets.example.sh", "made by secrets.example.sh").get(lang),
    );
    y.line(8, "key: password");
}
