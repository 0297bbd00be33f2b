//! `kustomization.yaml`: the bundle's resources, what it needs in the
//! cluster, what to set; and the import's kustomization.

use super::sizing::{Sizing, HORIZON_MONTHS};
use super::yaml::Yaml;
use super::{
    names, API, GATEWAY, IMPORT_DIR, OBJECT_STORAGE, POOLERS, POSTGRES, REDIS, SECRETS, WEB,
};
use crate::base::text::{self, tx, Lang};
use crate::plan::Plan;

pub fn main(plan: &Plan, sizing: &Sizing, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let users = text::integer(f64::from(sizing.users), lang);
    let growth = text::percent(sizing.growth_percent, 1, lang);
    let users_h = text::integer(sizing.horizon_users, lang);
    let name = plan.tier.name.get(lang);
    let mut y = Yaml::new();
    y.comment(0, &if fr {
        format!("Kustomization produite par Headroom : palier 5 ({name}), {users} utilisateurs, {growth} par mois.\nLes pods sont dimensionnés pour la charge d'aujourd'hui ; les plafonds des autoscalers et les volumes pour celle dans {HORIZON_MONTHS} mois à votre croissance ({users_h} utilisateurs). Relancez Headroom avant.\nÀ installer dans le cluster : CloudNativePG 1.30 (postgresql.cnpg.io/v1), le redis-operator d'OT 0.26 (redis.redis.opstreelabs.in/v1beta2) et un contrôleur de la Gateway API (gateway.networking.k8s.io/v1).\nÀ régler : les images ci-dessous, gatewayClassName ({GATEWAY}), le stockage objet ({OBJECT_STORAGE}). Les Secrets : créez-les d'abord avec {SECRETS} ; aucun fichier ici ne contient de secret.\nVérifier : kubectl kustomize . ; appliquer : kubectl apply -k .\nDepuis votre PostgreSQL actuel : kubectl apply -k {IMPORT_DIR} d'abord, une seule fois.")
    } else {
        format!("Kustomization made by Headroom: tier 5 ({name}), {users} users, {growth} a month.\nPods are sized for today's load; the autoscalers' ceilings and the volumes for the load in {HORIZON_MONTHS} months at your growth ({users_h} users). Run Headroom again before then.\nTo install in the cluster: CloudNativePG 1.30 (postgresql.cnpg.io/v1), the OT redis-operator 0.26 (redis.redis.opstreelabs.in/v1beta2) and a Gateway API controller (gateway.networking.k8s.io/v1).\nTo set: the images below, gatewayClassName ({GATEWAY}), the object storage ({OBJECT_STORAGE}). Secrets: create them first with {SECRETS}; no file here holds a secret.\nCheck: kubectl kustomize . ; apply: kubectl apply -k .\nFrom your current PostgreSQL: kubectl apply -k {IMPORT_DIR} first, once.")
    });
    y.line(0, "apiVersion: kustomize.config.k8s.io/v1beta1");
    y.line(0, "kind: Kustomization");
    y.comment(
        0,
        tx(
            "Décommentez pour tout placer dans un namespace :",
            "Uncomment to put everything in one namespace:",
        )
        .get(lang),
    );
    y.line(0, "# namespace: my-app");
    y.line(0, "resources:");
    for file in [POSTGRES, POOLERS, REDIS, OBJECT_STORAGE, API, WEB, GATEWAY] {
        y.line(2, &format!("- {file}"));
    }
    y.comment(
        0,
        tx(
            "À RÉGLER : les images de votre API et de votre front-end.",
            "TO SET: your API's and front end's images.",
        )
        .get(lang),
    );
    y.line(0, "images:");
    for image in [names::API, names::WEB] {
        y.line(2, &format!("- name: {image}"));
        y.line(
            4,
            &format!("newName: registry.example.com/your-app/{image}"),
        );
        y.line(4, "newTag: \"1.0.0\"");
    }
    y.finish()
}

pub fn import(domain: &str, database: &str, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    let mut y = Yaml::new();
    y.comment(0, &if fr {
        format!("Le passage au cloud : le Cluster PostgreSQL seul, créé en important {database} depuis votre serveur actuel ({domain}). Appliquez ce dossier une fois, d'abord, puis le dossier parent (voir le runbook) : l'import n'est lu qu'à la création du Cluster, le dossier parent laisse ensuite la base telle quelle.")
    } else {
        format!("The move to the cloud: the PostgreSQL Cluster alone, made by importing {database} from your current server ({domain}). Apply this folder once, first, then the parent folder (see the runbook): the import is read only when the Cluster is created, and the parent folder leaves the database as it is.")
    });
    y.line(0, "apiVersion: kustomize.config.k8s.io/v1beta1");
    y.line(0, "kind: Kustomization");
    y.line(0, "resources:");
    y.line(2, "- postgres.yaml");
    y.finish()
}
