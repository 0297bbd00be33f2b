//! Leaving one machine for tier 5's Kubernetes bundle.

use super::{noted, step, Side, Step};
use crate::base::text::tx;

/// The move to the cloud, for a stack leaving the mini PC (or a machine of
/// the user's), onto tier 5's Kubernetes bundle (`headroom plan --kubernetes
/// k8s`, [`crate::emit::kubernetes`]): CloudNativePG imports the database from the
/// running PostgreSQL once nothing writes to it, each part is checked before
/// the DNS moves, and the machine left is never changed, so rolling back is
/// pointing the DNS back.
pub const TO_CLOUD: [Step; 11] = [
    noted(
        step(
            Side::Cloud,
            tx(
                "Écrire le paquet Kubernetes, installer les opérateurs",
                "Write the Kubernetes bundle, install the operators",
            ),
            &[
                "headroom plan --link \"<your share link>\" --kubernetes k8s",
                "kubectl get crd clusters.postgresql.cnpg.io poolers.postgresql.cnpg.io redisreplications.redis.redis.opstreelabs.in redissentinels.redis.redis.opstreelabs.in gateways.gateway.networking.k8s.io httproutes.gateway.networking.k8s.io",
            ],
        ),
        tx(
            "CloudNativePG 1.30, le redis-operator d'OT 0.26 et le contrôleur Gateway API de votre cloud, chacun selon ses instructions ; kubectl get crd liste leurs types une fois installés. Réglez ensuite les images, gatewayClassName et le stockage objet comme le dit k8s/kustomization.yaml.",
            "CloudNativePG 1.30, the OT redis-operator 0.26 and your cloud's Gateway API controller, each by its own instructions; kubectl get crd lists their kinds once they are in. Then set the images, gatewayClassName and the object storage as k8s/kustomization.yaml says.",
        ),
    ),
    noted(
        step(
            Side::Cloud,
            tx("Créer les Secrets", "Create the Secrets"),
            &["sh k8s/secrets.example.sh"],
        ),
        tx(
            "Après avoir exporté REDIS_PASSWORD, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, TLS_CERT_FILE, TLS_KEY_FILE et SOURCE_POSTGRES_PASSWORD (le mot de passe de postgres sur votre serveur actuel). Aucune valeur n'est écrite dans un fichier.",
            "After exporting REDIS_PASSWORD, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, TLS_CERT_FILE, TLS_KEY_FILE and SOURCE_POSTGRES_PASSWORD (postgres's password on your current server). No value is written to a file.",
        ),
    ),
    noted(
        step(
            Side::Current,
            tx(
                "Laisser le cluster joindre PostgreSQL, en TLS",
                "Let the cluster reach PostgreSQL, over TLS",
            ),
            &["docker exec {pgcontainer} sh -c 'psql -U \"${POSTGRES_USER:-postgres}\" -Atc \"SHOW ssl\"'"],
        ),
        tx(
            "Doit afficher on. Publiez le port 5432 pour la seule adresse sortante du cluster (une règle de pare-feu), jamais pour tous : l'import se connecte à {domain}:5432 avec sslmode=require.",
            "It must print on. Publish port 5432 to the cluster's outbound address only (a firewall rule), never to everyone: the import connects to {domain}:5432 with sslmode=require.",
        ),
    ),
    step(
        Side::Current,
        tx(
            "Arrêter l'API : plus rien n'écrit pendant la copie",
            "Stop the API so that nothing writes during the copy",
        ),
        &["docker compose stop api"],
    ),
    noted(
        step(
            Side::Cloud,
            tx(
                "Créer PostgreSQL en important la base",
                "Create PostgreSQL by importing the database",
            ),
            &[
                "kubectl apply -k k8s/import",
                "kubectl wait cluster/postgres --for=condition=Ready --timeout=2h",
            ],
        ),
        tx(
            "CloudNativePG lance pg_dump sur {domain}, restaure dans {db}, lance ANALYZE, puis crée les deux répliques. Le PostgreSQL de votre serveur continue de tourner, intact.",
            "CloudNativePG runs pg_dump against {domain}, restores into {db}, runs ANALYZE, then makes the two replicas. PostgreSQL on your server keeps running, untouched.",
        ),
    ),
    noted(
        step(
            Side::Current,
            tx("Compter les lignes ici", "Count the rows here"),
            &[concat!(
                "docker exec {pgcontainer} psql -U postgres -d {db} -Atc \"",
                count_rows!(),
                "\" > rows-before.txt"
            )],
        ),
        tx(
            "Le nombre exact de lignes de chaque table ; copiez rows-before.txt là où vous lancez kubectl.",
            "The exact row count of every table; copy rows-before.txt to where you run kubectl.",
        ),
    ),
    noted(
        step(
            Side::Cloud,
            tx(
                "Compter dans le cloud et comparer",
                "Count in the cloud and compare",
            ),
            &[
                concat!(
                    "kubectl exec postgres-1 -c postgres -- psql -d {db} -Atc \"",
                    count_rows!(),
                    "\" > rows-after.txt"
                ),
                "diff rows-before.txt rows-after.txt && echo same",
            ],
        ),
        tx(
            "same : chaque table a le même nombre de lignes des deux côtés. Sinon, ne basculez pas : supprimez le Cluster (kubectl delete -k k8s/import) et recommencez l'import.",
            "same: every table has as many rows on both sides. Otherwise do not switch: delete the Cluster (kubectl delete -k k8s/import) and import again.",
        ),
    ),
    noted(
        step(
            Side::Cloud,
            tx(
                "Lancer le reste, vérifier que chaque partie répond",
                "Start the rest, check that each part answers",
            ),
            &[
                "kubectl apply -k k8s",
                "kubectl wait deployment/postgres-pooler-rw deployment/postgres-pooler-ro deployment/api deployment/web --for=condition=Available --timeout=15m",
                "kubectl exec redis-0 -- sh -c 'redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning info replication'",
                "ADDRESS=$(kubectl get gateway web -o jsonpath='{.status.addresses[0].value}')",
                "curl --resolve {domain}:443:$ADDRESS https://{domain}/api/health",
            ],
        ),
        tx(
            "Les poolers, l'API et le front-end disponibles ; Redis donne son rôle et connected_slaves:2 ; l'API répond à travers la Gateway avant tout changement de DNS.",
            "The poolers, the API and the front end available; Redis gives its role and connected_slaves:2; the API answers through the Gateway before any DNS change.",
        ),
    ),
    noted(
        step(
            Side::Current,
            tx(
                "Copier les fichiers de MinIO vers le stockage objet",
                "Copy MinIO's files to the object storage",
            ),
            &["mc mirror --preserve local/ cloud/"],
        ),
        tx(
            "Après « mc alias set local … » (votre MinIO) et « mc alias set cloud … » (le stockage du cloud). Puis refermez le port 5432 : l'import est fait.",
            "After `mc alias set local …` (your MinIO) and `mc alias set cloud …` (the cloud's storage). Then close port 5432 again: the import is done.",
        ),
    ),
    noted(
        step(Side::Cloud, tx("Basculer le DNS", "Switch the DNS"), &[]),
        tx(
            "Faire pointer {domain} vers l'adresse de la Gateway ($ADDRESS), puis surveiller erreurs et latence 30 minutes.",
            "Point {domain} at the Gateway's address ($ADDRESS), then watch errors and latency for 30 minutes.",
        ),
    ),
    noted(
        step(
            Side::Current,
            tx("Retour arrière si besoin", "Roll back if needed"),
            &["docker compose start api"],
        ),
        tx(
            "La machine n'a pas été modifiée : refaire pointer {domain} vers elle et relancer l'API. Ce qui a été écrit dans le cloud depuis la bascule n'y est pas : exportez-le d'abord (pg_dump sur postgres-rw) s'il compte.",
            "The machine was left untouched: point {domain} back at it and start the API again. What was written in the cloud since the switch is not on it: export it first (pg_dump from postgres-rw) if it matters.",
        ),
    ),
];
