//! Object storage: the cloud's S3-compatible store, by reference.

use super::names::*;
use super::yaml::{quoted, Yaml};
use crate::base::text::{tx, Lang};

pub fn object_storage(database: &str, lang: Lang) -> String {
    let mut y = Yaml::new();
    y.comment(0, tx(
        "Les fichiers de MinIO vont dans le stockage objet compatible S3 de votre cloud, par référence : le point d'accès et le seau ici, les clés dans le Secret object-storage-credentials (secrets.example.sh). L'opérateur de MinIO pourrait le faire tourner dans le cluster, mais son édition communautaire ne publie plus d'images depuis octobre 2025 (le code source seulement) : Headroom ne le propose qu'en option, à vos risques.",
        "MinIO's files go to your cloud's S3-compatible object storage, by reference: the endpoint and bucket here, the keys in the Secret object-storage-credentials (secrets.example.sh). MinIO's operator could run it in the cluster, but its community edition has shipped no images since October 2025 (source code only): Headroom offers it as an option only, at your own risk.",
    ).get(lang));
    y.line(0, "apiVersion: v1");
    y.line(0, "kind: ConfigMap");
    y.line(0, "metadata:");
    y.line(2, &format!("name: {OBJECT_STORAGE}"));
    y.line(0, "data:");
    let set = tx("À RÉGLER", "TO SET").get(lang);
    y.field(
        2,
        "S3_ENDPOINT",
        &quoted("https://change-me"),
        &format!(
            "{set}: {}",
            tx("l'adresse S3 de votre cloud", "your cloud's S3 endpoint",).get(lang)
        ),
    );
    y.field(
        2,
        "S3_REGION",
        &quoted("change-me"),
        &format!("{set}: {}", tx("sa région", "its region",).get(lang)),
    );
    // Bucket names take lower-case letters, digits and hyphens.
    let bucket = database.to_ascii_lowercase().replace(['_', '.'], "-");
    y.field(
        2,
        "S3_BUCKET",
        &quoted(&format!("{bucket}-files")),
        tx(
            "le seau, à créer chez votre fournisseur",
            "the bucket, to create at your provider",
        )
        .get(lang),
    );
    y.finish()
}
