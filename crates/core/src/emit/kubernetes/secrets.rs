//! The secrets' example: commands that create each Secret the bundle refers
//! to, their values read from the environment. No file holds a value.

use super::names::*;
use super::yaml::Yaml;
use crate::base::text::{tx, Lang};
use std::fmt::Write;

/// One Secret: its name, and each key with the variable it is read from.
struct Secret {
    name: &'static str,
    keys: &'static [(&'static str, &'static str)],
    why: crate::base::text::Text,
    /// Only for the import: made when its variable is set.
    optional: bool,
}

const GENERIC: [Secret; 3] = [
    Secret {
        name: REDIS_SECRET,
        keys: &[("password", "REDIS_PASSWORD")],
        why: tx(
            "Redis et ses Sentinels (redis.yaml), l'API (api.yaml)",
            "Redis and its Sentinels (redis.yaml), the API (api.yaml)",
        ),
        optional: false,
    },
    Secret {
        name: OBJECT_SECRET,
        keys: &[
            ("access-key-id", "S3_ACCESS_KEY_ID"),
            ("secret-access-key", "S3_SECRET_ACCESS_KEY"),
        ],
        why: tx(
            "les clés du stockage objet de votre cloud, pour l'API",
            "your cloud's object storage keys, for the API",
        ),
        optional: false,
    },
    Secret {
        name: SOURCE_SECRET,
        keys: &[("password", "SOURCE_POSTGRES_PASSWORD")],
        why: tx(
            "le mot de passe de postgres sur votre serveur actuel, pour l'import (import/), si SOURCE_POSTGRES_PASSWORD est définie ; supprimez-le ensuite",
            "postgres's password on your current server, for the import (import/), when SOURCE_POSTGRES_PASSWORD is set; delete it afterwards",
        ),
        optional: true,
    },
];

pub fn script(lang: Lang) -> String {
    let mut head = Yaml::new();
    head.line(0, "#!/bin/sh");
    let intro = tx(
        "Les Secrets auxquels le paquet fait référence, à créer une fois avant kubectl apply -k. Aucune valeur n'est écrite ici : chacune vient d'une variable d'environnement, et le script s'arrête si l'une manque. CloudNativePG crée lui-même postgres-app (l'utilisateur de l'application) ; ne le créez pas.",
        "The Secrets the bundle refers to, to create once before kubectl apply -k. No value is written here: each comes from an environment variable, and the script stops when one is missing. CloudNativePG makes postgres-app (the application's user) itself; do not create it.",
    );
    head.comment(0, intro.get(lang));
    let mut out = head.finish();
    out.push_str("set -eu\n");
    for secret in &GENERIC {
        let colon = crate::base::text::colon(lang);
        let _ = writeln!(out, "\n# {}{colon}{}", secret.name, secret.why.get(lang));
        let indent = if secret.optional {
            let (_, variable) = secret.keys[0];
            let _ = writeln!(out, "if [ -n \"${{{variable}:-}}\" ]; then");
            "  "
        } else {
            for (_, variable) in secret.keys {
                let _ = writeln!(out, ": \"${{{variable}:?{variable}}}\"");
            }
            ""
        };
        let _ = write!(out, "{indent}kubectl create secret generic {}", secret.name);
        for (key, variable) in secret.keys {
            let _ = write!(out, " \\\n{indent}  --from-literal={key}=\"${variable}\"");
        }
        let _ = writeln!(
            out,
            " \\\n{indent}  --dry-run=client -o yaml | kubectl apply -f -"
        );
        if secret.optional {
            out.push_str("fi\n");
        }
    }
    let tls = tx(
        "le certificat du domaine (fichiers PEM), pour la Gateway (gateway.yaml)",
        "the domain's certificate (PEM files), for the Gateway (gateway.yaml)",
    );
    let _ = writeln!(
        out,
        "\n# {TLS_SECRET}{}{}",
        crate::base::text::colon(lang),
        tls.get(lang)
    );
    out.push_str(": \"${TLS_CERT_FILE:?TLS_CERT_FILE}\"\n: \"${TLS_KEY_FILE:?TLS_KEY_FILE}\"\n");
    let _ = writeln!(
        out,
        "kubectl create secret tls {TLS_SECRET} --cert=\"$TLS_CERT_FILE\" --key=\"$TLS_KEY_FILE\" \\\n  --dry-run=client -o yaml | kubectl apply -f -"
    );
    out
}
