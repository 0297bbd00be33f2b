//! The Node.js API and the Next.js front end: a Deployment without
//! `spec.replicas` (its autoscaler owns the count), a Service, an
//! `autoscaling/v2` HorizontalPodAutoscaler and a PodDisruptionBudget each.

use super::names::*;
use super::quantity;
use super::sizing::{Pods, Sizing, HORIZON_MONTHS};
use super::yaml::{quoted, Yaml};
use crate::base::text::{self, tx, Lang};
use crate::settings::tuning::SettingKey;

/// An environment variable: a plain value, or a key of a Secret.
enum Env<'a> {
    Value(&'a str, String, Option<String>),
    Secret(&'a str, &'a str, &'a str),
}

struct App<'a> {
    name: &'a str,
    port: u16,
    probe: &'a str,
    pods: Pods,
    env: Vec<Env<'a>>,
    /// Reads the object storage's ConfigMap.
    object_storage: bool,
}

pub fn api(sizing: &Sizing, database: &str, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let mut y = Yaml::new();
    y.comment(0, tx(
        "L'API Node.js. Source, palier 5 : quatre instances derrière le répartiteur de charge. Un Deployment sans spec.replicas (son HorizontalPodAutoscaler tient le compte ; un replicas ici le remettrait à zéro à chaque kubectl apply), son Service, son autoscaler et son PodDisruptionBudget. L'image se règle dans kustomization.yaml (images).",
        "The Node.js API. Source, tier 5: four instances behind the load balancer. A Deployment without spec.replicas (its HorizontalPodAutoscaler owns the count; a replicas here would reset it at every kubectl apply), its Service, its autoscaler and its PodDisruptionBudget. Set the image in kustomization.yaml (images).",
    ).get(lang));
    let url = |pooler: &str| {
        format!(
            "postgresql://$(DB_USER):$(DB_PASSWORD)@{pooler}:{PGBOUNCER_PORT}/{database}?pgbouncer=true"
        )
    };
    let through = if fr {
        "par PgBouncer en pool de transactions : pgbouncer=true évite à Prisma les requêtes préparées nommées ; les mots de passe de CloudNativePG sont faits de lettres et de chiffres, sans danger dans une URL"
    } else {
        "through PgBouncer's transaction pool: pgbouncer=true keeps Prisma off named prepared statements; CloudNativePG's passwords are letters and digits, safe in a URL"
    };
    let reads = if fr {
        "les lectures qui tolèrent un léger retard, vers les répliques"
    } else {
        "reads that tolerate a little lag, to the replicas"
    };
    let sentinel = if fr {
        "ioredis : new Redis({ sentinels: [{ host, port }], name, password, sentinelPassword })"
    } else {
        "ioredis: new Redis({ sentinels: [{ host, port }], name, password, sentinelPassword })"
    };
    let app = App {
        name: API,
        port: API_PORT,
        probe: API_HEALTH,
        pods: sizing.api,
        env: vec![
            Env::Secret("DB_USER", APP_SECRET, "username"),
            Env::Secret("DB_PASSWORD", APP_SECRET, "password"),
            Env::Value("DATABASE_URL", url(POOLER_RW), Some(through.to_owned())),
            Env::Value("DATABASE_READ_URL", url(POOLER_RO), Some(reads.to_owned())),
            Env::Value(
                "REDIS_SENTINELS",
                format!("{SENTINEL_SERVICE}:{SENTINEL_PORT}"),
                Some(sentinel.to_owned()),
            ),
            Env::Value("REDIS_MASTER_NAME", MASTER_GROUP.to_owned(), None),
            Env::Secret("REDIS_PASSWORD", REDIS_SECRET, "password"),
            Env::Secret("AWS_ACCESS_KEY_ID", OBJECT_SECRET, "access-key-id"),
            Env::Secret("AWS_SECRET_ACCESS_KEY", OBJECT_SECRET, "secret-access-key"),
        ],
        object_storage: true,
    };
    write(&mut y, sizing, &app, lang);
    y.finish()
}

pub fn web(sizing: &Sizing, lang: Lang) -> String {
    let mut y = Yaml::new();
    y.comment(0, tx(
        "Le front-end Next.js (build standalone). La source ne lui donne aucun chiffre : Headroom lui donne un pod comme celui de l'API (un processus Node.js), deux au moins pour en vider un à la fois, et au plus autant que l'API, dont ses pages amènent les requêtes ; mesurez et ajustez. L'image se règle dans kustomization.yaml (images).",
        "The Next.js front end (standalone build). The source gives it no figure: Headroom gives it a pod like the API's (one Node.js process), two at least so that one can be drained at a time, and as many at most as the API, whose requests its pages bring; measure and adjust. Set the image in kustomization.yaml (images).",
    ).get(lang));
    let app = App {
        name: WEB,
        port: WEB_PORT,
        probe: "/",
        pods: sizing.web,
        env: Vec::new(),
        object_storage: false,
    };
    write(&mut y, sizing, &app, lang);
    y.finish()
}

fn write(y: &mut Yaml, sizing: &Sizing, app: &App, lang: Lang) {
    let fr = lang.page() == Lang::Fr;
    let name = app.name;
    let pods = &app.pods;
    y.line(0, "apiVersion: apps/v1");
    y.line(0, "kind: Deployment");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {name}"));
    labels(y, 2, name);
    y.line(0, "spec:");
    y.comment(
        2,
        tx(
            "Pas de replicas : l'autoscaler plus bas en décide.",
            "No replicas: the autoscaler below decides.",
        )
        .get(lang),
    );
    selector(y, 2, name);
    y.line(2, "template:");
    y.line(4, "metadata:");
    labels(y, 6, name);
    y.line(4, "spec:");
    y.comment(
        6,
        tx(
            "Réparties sur les nœuds : perdre un nœud ne coûte qu'une part des pods.",
            "Spread over the nodes: losing a node costs a share of the pods.",
        )
        .get(lang),
    );
    y.line(6, "topologySpreadConstraints:");
    y.line(8, "- maxSkew: 1");
    y.line(10, "topologyKey: kubernetes.io/hostname");
    y.line(10, "whenUnsatisfiable: ScheduleAnyway");
    y.line(10, "labelSelector:");
    y.line(12, "matchLabels:");
    y.line(14, &format!("app.kubernetes.io/name: {name}"));
    y.line(6, "containers:");
    y.line(8, &format!("- name: {name}"));
    y.line(10, &format!("image: {name}"));
    y.line(10, "ports:");
    y.line(12, "- name: http");
    y.line(14, &format!("containerPort: {}", app.port));
    y.line(10, "env:");
    y.line(12, "- name: NODE_ENV");
    y.line(14, "value: production");
    if let Some(heap) = sizing.tuning.get(SettingKey::NodeMaxOldSpace) {
        y.comment(12, &heap.provenance(lang));
        y.line(12, "- name: NODE_OPTIONS");
        y.line(
            14,
            &format!(
                "value: {}",
                quoted(&format!("--max-old-space-size={}", heap.value_text()))
            ),
        );
    }
    for env in &app.env {
        match env {
            Env::Value(key, value, comment) => {
                if let Some(comment) = comment {
                    y.comment(12, comment);
                }
                y.line(12, &format!("- name: {key}"));
                y.line(14, &format!("value: {}", quoted(value)));
            }
            Env::Secret(key, secret, secret_key) => {
                y.line(12, &format!("- name: {key}"));
                y.line(14, "valueFrom:");
                y.line(16, "secretKeyRef:");
                y.line(18, &format!("name: {secret}"));
                y.line(18, &format!("key: {secret_key}"));
            }
        }
    }
    if app.object_storage {
        y.comment(
            10,
            tx(
                "Le point d'accès et le seau du stockage objet (object-storage.yaml).",
                "The object storage's endpoint and bucket (object-storage.yaml).",
            )
            .get(lang),
        );
        y.line(10, "envFrom:");
        y.line(12, "- configMapRef:");
        y.line(16, &format!("name: {OBJECT_STORAGE}"));
    }
    let reference = &sizing.reference;
    let per_core = text::number(reference.api.mem_limit.0 / reference.api.cpus.0, 0, lang);
    let (api_mem, api_cpus) = (
        text::number(reference.api.mem_limit.0, 0, lang),
        text::number(reference.api.cpus.0, 0, lang),
    );
    let (request, limit, memory) = (
        quantity::cpu(pods.cpu_request),
        quantity::cpu(pods.cpu_limit),
        quantity::memory(pods.memory),
    );
    y.comment(10, &if fr {
        format!("Processeur : un processus Node.js exécute son JavaScript sur un cœur : {request} CPU demandé, la base de mesure de l'autoscaler ; la limite de {limit} CPU laisse de la place aux fils du ramasse-miettes.\nMémoire : l'API du palier 4 avait {api_mem} Mio pour {api_cpus} CPU, soit {per_core} Mio par cœur : {memory}, demande égale à la limite, le tas dimensionné pour tenir dessous.")
    } else {
        format!("CPU: one Node.js process runs its JavaScript on one core: a {request}-CPU request, which the autoscaler measures against; the {limit}-CPU limit leaves room for the garbage collector's threads.\nMemory: tier 4's API had {api_mem} MiB for {api_cpus} CPUs, {per_core} MiB per core: {memory}, request equal to limit, the heap sized to stay under it.")
    });
    y.line(10, "resources:");
    y.line(12, "requests:");
    y.line(14, &format!("cpu: {}", quoted(&request)));
    y.line(14, &format!("memory: {memory}"));
    y.line(12, "limits:");
    y.line(14, &format!("cpu: {}", quoted(&limit)));
    y.line(14, &format!("memory: {memory}"));
    y.comment(
        10,
        tx(
            "Ne reçoit du trafic qu'une fois prêt.",
            "Takes traffic only once ready.",
        )
        .get(lang),
    );
    y.line(10, "readinessProbe:");
    y.line(12, "httpGet:");
    y.line(14, &format!("path: {}", app.probe));
    y.line(14, "port: http");
    y.line(12, "periodSeconds: 10");

    y.separator();
    y.line(0, "apiVersion: v1");
    y.line(0, "kind: Service");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {name}"));
    labels(y, 2, name);
    y.line(0, "spec:");
    y.line(2, "selector:");
    y.line(4, &format!("app.kubernetes.io/name: {name}"));
    y.line(2, "ports:");
    y.line(4, "- name: http");
    y.line(6, &format!("port: {}", app.port));
    y.line(6, "targetPort: http");

    y.separator();
    y.line(0, "apiVersion: autoscaling/v2");
    y.line(0, "kind: HorizontalPodAutoscaler");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {name}"));
    labels(y, 2, name);
    y.line(0, "spec:");
    y.line(2, "scaleTargetRef:");
    y.line(4, "apiVersion: apps/v1");
    y.line(4, "kind: Deployment");
    y.line(4, &format!("name: {name}"));
    let min_why = if name == API {
        tx(
            "source, palier 5 : quatre instances de l'API",
            "source, tier 5: four API instances",
        )
    } else {
        tx(
            "deux, pour en vider un à la fois",
            "two, so that one can be drained at a time",
        )
    };
    y.field(2, "minReplicas", &pods.min.to_string(), min_why.get(lang));
    let target = text::percent(sizing.target_percent, 0, lang);
    let (ref_cores, ref_users, ref_peak) = (
        text::number(reference.api_cores().0, 0, lang),
        text::integer(f64::from(reference.users), lang),
        text::number(reference.peak.0, 1, lang),
    );
    let (replicas, cpus) = (
        reference.api.replicas,
        text::number(reference.api.cpus.0, 0, lang),
    );
    let (peak, users_h) = (
        text::number(sizing.peak_horizon.0, 1, lang),
        text::integer(sizing.horizon_users, lang),
    );
    let cores = text::number(reference.api_cores().0 * sizing.ratio_horizon(), 1, lang);
    let max = pods.max;
    let max_why = if name != API {
        if fr {
            format!("Au plus autant que l'API (api.yaml) : {max} pods.")
        } else {
            format!("As many at most as the API (api.yaml): {max} pods.")
        }
    } else if fr {
        format!("L'API du palier 4, {replicas} répliques × {cpus} CPU = {ref_cores} cœurs, portait {ref_users} utilisateurs ({ref_peak} requêtes/s en pointe). Votre pointe dans {HORIZON_MONTHS} mois, {peak}/s ({users_h} utilisateurs), en demande {cores} ; à la cible de {target} : {max} pods au plus. Un plafond de coût : il ne sert que si la charge le demande.")
    } else {
        format!("Tier 4's API, {replicas} replicas × {cpus} CPUs = {ref_cores} cores, carried {ref_users} users ({ref_peak} requests/s at peak). Your peak in {HORIZON_MONTHS} months, {peak}/s ({users_h} users), needs {cores}; at the {target} target: {max} pods at most. A cost ceiling: used only when the load asks.")
    };
    y.comment(2, &max_why);
    if name == API && sizing.capped.contains(&super::sizing::Cap::ApiReplicas) {
        y.comment(2, tx(
            "ATTENTION : plafonné à 1 000 pods ; à cette échelle, mesurez l'API et répartissez-la sur plusieurs clusters.",
            "WARNING: capped at 1,000 pods; at that scale, measure the API and spread it over several clusters.",
        ).get(lang));
    }
    y.line(2, &format!("maxReplicas: {max}"));
    y.line(2, "metrics:");
    y.line(4, "- type: Resource");
    y.line(6, "resource:");
    y.line(8, "name: cpu");
    y.line(8, "target:");
    y.line(10, "type: Utilization");
    y.field(
        10,
        "averageUtilization",
        &text::fixed(sizing.target_percent, 0),
        &if fr {
            format!(
                "l'alerte processeur du tableau de décision ({target}) : au-delà, un pod de plus"
            )
        } else {
            format!("the decision table's CPU warning ({target}): past it, one more pod")
        },
    );

    y.separator();
    y.line(0, "apiVersion: policy/v1");
    y.line(0, "kind: PodDisruptionBudget");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {name}"));
    labels(y, 2, name);
    y.line(0, "spec:");
    y.field(
        2,
        "maxUnavailable",
        "1",
        tx(
            "un pod à la fois pendant une maintenance des nœuds",
            "one pod at a time while nodes are drained",
        )
        .get(lang),
    );
    selector(y, 2, name);
}

fn labels(y: &mut Yaml, indent: usize, name: &str) {
    y.line(indent, "labels:");
    y.line(indent + 2, &format!("app.kubernetes.io/name: {name}"));
}

fn selector(y: &mut Yaml, indent: usize, name: &str) {
    y.line(indent, "selector:");
    y.line(indent + 2, "matchLabels:");
    y.line(indent + 4, &format!("app.kubernetes.io/name: {name}"));
}
