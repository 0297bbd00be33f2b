//! What to do, step by step: the Pi 4 → mini PC migration (source section 3),
//! the checklist for any compose change (section 5), the special
//! considerations (section 6) and the conclusion (section 8).
//!
//! Commands are templates: `{db}`, `{domain}`, `{target}` and `{pgcontainer}`
//! are replaced by the scenario's names. Every `docker-compose` of the source
//! is written `docker compose` (Compose v2; v1 is retired).

use crate::base::text::{tx, Lang, Text};
use crate::base::units::Euros;
use crate::input::names::Names;
use crate::source::hardware::Host;

/// Fills a template's `{db}`, `{domain}`, `{target}` and `{pgcontainer}`.
pub fn fill(template: &str, names: &Names) -> String {
    template
        .replace("{db}", names.database.as_str())
        .replace("{domain}", names.domain.as_str())
        .replace("{target}", names.target.as_str())
        .replace("{pgcontainer}", names.pg_container.as_str())
}

/// Which machine a step runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The machine being left (the Pi 4).
    Source,
    /// The new machine (the mini PC).
    Destination,
    /// The machine whose compose file changes, or the one being left for
    /// the cloud.
    Current,
    /// The cloud (tier 5's architecture).
    Cloud,
}

impl Side {
    pub fn name(self) -> Text {
        match self {
            Side::Source => tx("Sur le Pi 4 (départ)", "On the Pi 4 (source)"),
            Side::Destination => tx("Sur le mini PC (arrivée)", "On the mini PC (destination)"),
            Side::Current => tx("Sur le serveur", "On the server"),
            Side::Cloud => tx("Dans le cloud", "In the cloud"),
        }
    }
}

/// One step: what it does, where, and the commands to type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub side: Side,
    pub title: Text,
    pub commands: &'static [&'static str],
    pub note: Option<Text>,
}

const fn step(side: Side, title: Text, commands: &'static [&'static str]) -> Step {
    Step {
        side,
        title,
        commands,
        note: None,
    }
}

const fn noted(mut step: Step, note: Text) -> Step {
    step.note = Some(note);
    step
}

/// A phase of the migration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Phase {
    pub number: u8,
    pub name: Text,
    pub duration: Text,
    pub tasks: &'static [Text],
    pub checklist: &'static [Text],
    pub steps: &'static [Step],
}

/// Source, section 3, "Plan de Migration : Pi 4 → Mini PC", phase 2 reordered:
/// the source stops every container before `docker exec … pg_dump`, which then
/// has no container to run in, and imports with `psql` before PostgreSQL runs.
pub const MIGRATION: [Phase; 3] = [
    Phase {
        number: 1,
        name: tx("Préparation", "Preparation"),
        duration: tx("1 à 2 semaines", "1-2 weeks"),
        tasks: &[
            tx(
                "Acheter le mini PC (Beelink SER5 PRO ou équivalent)",
                "Buy the mini PC (Beelink SER5 PRO or equivalent)",
            ),
            tx("Installer Linux (Ubuntu 22.04 LTS)", "Install Linux (Ubuntu 22.04 LTS)"),
            tx(
                "Installer Docker et son extension Compose",
                "Install Docker with the Compose plugin",
            ),
            tx(
                "Essayer la pile sur le mini PC avec une copie des données",
                "Try the stack on the mini PC with a snapshot of the data",
            ),
            tx("Écrire le plan de retour arrière", "Write down the rollback plan"),
        ],
        checklist: &[
            tx("Mini PC commandé et reçu", "Mini PC ordered and delivered"),
            tx("Linux installé et configuré", "Linux installed and configured"),
            tx("Docker opérationnel", "Docker working"),
            tx("Copie de la base réalisée", "Database snapshot taken"),
            tx("Répétition de la migration planifiée", "Migration rehearsal scheduled"),
        ],
        steps: &[],
    },
    Phase {
        number: 2,
        name: tx("Migration", "Migration"),
        duration: tx("2 à 4 heures d'interruption", "2-4 hours of downtime"),
        tasks: &[],
        checklist: &[],
        steps: &[
            noted(
                step(
                    Side::Source,
                    tx("Couper les points d'entrée, garder la base", "Stop the entry points, keep the database"),
                    &["docker compose stop nginx api"],
                ),
                tx(
                    "La source arrête tout d'abord ; le pg_dump qui suit n'aurait alors plus de conteneur où s'exécuter.",
                    "The source stops everything first; the pg_dump that follows would then have no container to run in.",
                ),
            ),
            step(
                Side::Source,
                tx("Exporter la base", "Export the database"),
                &["docker exec {pgcontainer} pg_dump -U postgres {db} > backup.sql"],
            ),
            step(
                Side::Source,
                tx("Arrêter le reste", "Stop the rest"),
                &["docker compose down"],
            ),
            noted(
                step(
                    Side::Source,
                    tx("Sauvegarde complète", "Full backup"),
                    &["tar -czf backup-$(date +%Y%m%d).tar.gz \\\n  /var/www/memoo/packages/db/prisma \\\n  /var/lib/postgresql"],
                ),
                tx(
                    "Chemins du projet d'origine : mettez les vôtres.",
                    "These are the source project's paths: use yours.",
                ),
            ),
            step(
                Side::Source,
                tx("Copier vers le mini PC", "Copy to the mini PC"),
                &[
                    "scp backup.sql user@{target}:/tmp/",
                    "scp backup-*.tar.gz user@{target}:/tmp/",
                ],
            ),
            noted(
                step(
                    Side::Destination,
                    tx("Démarrer PostgreSQL seul", "Start PostgreSQL alone"),
                    &["docker compose up -d postgres"],
                ),
                tx(
                    "La source importe avec psql avant de lancer les conteneurs : il n'y aurait aucun serveur pour recevoir l'import.",
                    "The source imports with psql before starting the containers: there would be no server to receive it.",
                ),
            ),
            noted(
                step(
                    Side::Destination,
                    tx("Créer la base", "Create the database"),
                    &["docker exec {pgcontainer} createdb -U postgres {db}"],
                ),
                tx(
                    "Si POSTGRES_DB la crée déjà, l'erreur « already exists » est sans conséquence.",
                    "If POSTGRES_DB already creates it, the \"already exists\" error is harmless.",
                ),
            ),
            step(
                Side::Destination,
                tx("Importer la base", "Import the database"),
                &["docker exec -i {pgcontainer} psql -U postgres -d {db} < /tmp/backup.sql"],
            ),
            step(
                Side::Destination,
                tx("Lancer tous les conteneurs", "Start all the containers"),
                &["docker compose up -d"],
            ),
            step(
                Side::Destination,
                tx("Vérifier que tout répond", "Check that everything answers"),
                &[
                    "curl http://localhost:3000",
                    "curl http://localhost:5000/api/health",
                ],
            ),
            noted(
                step(Side::Destination, tx("Basculer le DNS", "Switch the DNS"), &[]),
                tx(
                    "Faire pointer {domain} vers l'adresse IP du mini PC.",
                    "Point {domain} at the mini PC's IP address.",
                ),
            ),
        ],
    },
    Phase {
        number: 3,
        name: tx("Consolidation", "Consolidation"),
        duration: tx("1 semaine", "1 week"),
        tasks: &[
            tx("Surveiller les performances du mini PC", "Watch the mini PC's performance"),
            tx(
                "Garder l'ancien Pi 4 comme sauvegarde à froid",
                "Keep the old Pi 4 as a cold backup",
            ),
            tx("Mettre la documentation à jour", "Update the documentation"),
            tx(
                "Former l'équipe au nouveau serveur",
                "Train the team on the new server",
            ),
        ],
        checklist: &[],
        steps: &[],
    },
];

/// Source, section 3, "Rollback d'urgence", made explicit.
pub const ROLLBACK: [Step; 3] = [
    step(
        Side::Destination,
        tx("Arrêter la pile du mini PC", "Stop the stack on the mini PC"),
        &["docker compose down"],
    ),
    noted(
        step(
            Side::Source,
            tx("Relancer le Pi 4", "Restart the Pi 4"),
            &["docker compose up -d"],
        ),
        tx(
            "Le Pi n'a pas été modifié : ses données sont celles de l'export. Sinon, restaurer backup-AAAAMMJJ.tar.gz.",
            "The Pi was left untouched: its data is as of the export. Otherwise restore backup-YYYYMMDD.tar.gz.",
        ),
    ),
    noted(
        step(Side::Source, tx("Rebasculer le DNS", "Switch the DNS back"), &[]),
        tx(
            "Faire pointer {domain} de nouveau vers le Pi 4.",
            "Point {domain} back at the Pi 4.",
        ),
    ),
];

/// Source, section 5, "Checklist de Migration vers Docker": for any change of
/// the compose configuration.
pub const COMPOSE_CHANGE: [Step; 6] = [
    step(
        Side::Current,
        tx("Sauvegarder avant de toucher à quoi que ce soit", "Back up before changing anything"),
        &[
            "docker compose down",
            "tar -czf backup-pre-change.tar.gz docker-compose.yml .env",
        ],
    ),
    noted(
        step(
            Side::Current,
            tx("Appliquer la nouvelle configuration", "Apply the new configuration"),
            &[
                "docker compose config",
                "docker info 2>&1 | grep -i 'memory limit'",
            ],
        ),
        tx(
            "Déposer le docker-compose.override.yml de Headroom à côté de docker-compose.yml ; docker compose config affiche le résultat fusionné ; docker info ne doit pas signaler « No memory limit support ».",
            "Put Headroom's docker-compose.override.yml next to docker-compose.yml; docker compose config prints the merged result; docker info must not warn \"No memory limit support\".",
        ),
    ),
    step(
        Side::Current,
        tx("Redémarrer les services", "Restart the services"),
        &["docker compose up -d"],
    ),
    step(
        Side::Current,
        tx("Lire les journaux", "Read the logs"),
        &["docker compose logs -f api", "docker compose logs -f postgres"],
    ),
    step(
        Side::Current,
        tx("Tester que l'application répond", "Check that the application answers"),
        &[
            "curl -v http://localhost:3000",
            "curl -v http://localhost:5000/api/health",
        ],
    ),
    step(
        Side::Current,
        tx("Surveiller les ressources pendant 30 minutes", "Watch the resources for 30 minutes"),
        &["watch -n 1 'docker stats --no-stream'"],
    ),
];

/// Putting PgBouncer in front of PostgreSQL, from tier 3 (the source advises
/// pooling there; the override adds the service, see [`crate::settings::pooler`]).
pub const POOLER: [Step; 4] = [
    noted(
        step(
            Side::Current,
            tx(
                "Donner à PgBouncer le mot de passe de PostgreSQL",
                "Give PgBouncer PostgreSQL's password",
            ),
            &["grep -q '^POSTGRES_PASSWORD=' .env || echo 'POSTGRES_PASSWORD=...' >> .env"],
        ),
        tx(
            "Le service pgbouncer lit POSTGRES_USER et POSTGRES_PASSWORD dans .env.",
            "The pgbouncer service reads POSTGRES_USER and POSTGRES_PASSWORD from .env.",
        ),
    ),
    noted(
        step(
            Side::Current,
            tx(
                "Faire passer l'API par PgBouncer",
                "Point the API at PgBouncer",
            ),
            &["sed -i 's#@postgres:5432/{db}#@pgbouncer:5432/{db}?pgbouncer=true#' .env"],
        ),
        tx(
            "DATABASE_URL : l'hôte devient pgbouncer, port 5432 ; pgbouncer=true évite à Prisma les requêtes préparées nommées, qu'un pool en transaction ne suit pas.",
            "DATABASE_URL: the host becomes pgbouncer, port 5432; pgbouncer=true keeps Prisma off named prepared statements, which a transaction pool cannot follow.",
        ),
    ),
    step(
        Side::Current,
        tx(
            "Redémarrer et tester à travers le pool",
            "Restart and test through the pool",
        ),
        &[
            "docker compose up -d",
            "docker compose exec pgbouncer sh -c 'PGPASSWORD=\"$DB_PASSWORD\" psql -h 127.0.0.1 -U \"$DB_USER\" -d {db} -c \"SELECT 1\"'",
        ],
    ),
    noted(
        step(
            Side::Current,
            tx(
                "Vérifier que PostgreSQL garde de la marge",
                "Check that PostgreSQL keeps room",
            ),
            &["docker compose exec postgres sh -c 'psql -U \"${POSTGRES_USER:-postgres}\" -c \"SELECT count(*) FROM pg_stat_activity WHERE client_port > 0\"'"],
        ),
        tx(
            "Les connexions TCP (celles de PgBouncer) restent sous default_pool_size.",
            "The TCP connections (PgBouncer's) stay under default_pool_size.",
        ),
    ),
];

/// A topic of the source's special considerations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Consideration {
    pub title: Text,
    pub summary: Text,
    pub points: &'static [Text],
    pub commands: &'static [(Text, &'static str)],
    /// The hosts it concerns.
    pub hosts: &'static [Host],
    /// It matters from this many users on.
    pub from_users: Option<u32>,
    pub price: Option<Euros>,
}

impl Consideration {
    pub fn applies(&self, host: Host, users: u32) -> bool {
        self.hosts.contains(&host) && self.from_users.is_none_or(|from| users >= from)
    }
}

/// Exact row counts of every table of the public schema, one `table|count`
/// a line: run on both sides, the two outputs must be the same.
macro_rules! count_rows {
    () => {
        "SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
    };
}

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
            &["docker exec {pgcontainer} psql -U postgres -Atc 'SHOW ssl'"],
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

/// Source, section 6, "Considérations Spéciales", and the Pi's memory
/// cgroup, without which Docker ignores every `mem_limit`.
pub const CONSIDERATIONS: [Consideration; 4] = [
    Consideration {
        title: tx("Chaleur", "Heat"),
        summary: tx(
            "Sous forte charge, le Pi 4 B chauffe.",
            "Under sustained load, the Pi 4 B runs hot.",
        ),
        points: &[
            tx("Poser un dissipateur passif (~10 €)", "Fit a passive heatsink (~€10)"),
            tx("Prévoir un ventilateur à partir de 70 °C", "Add a fan from 70 °C on"),
        ],
        commands: &[
            (tx("Lire la température", "Read the temperature"), "vcgencmd measure_temp"),
            (
                tx("Brider le processeur s'il chauffe trop", "Throttle the CPU when it runs too hot"),
                "echo \"powersave\" | sudo tee /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor",
            ),
        ],
        hosts: &[Host::Pi4],
        from_users: None,
        price: Some(Euros::about(10)),
    },
    Consideration {
        title: tx("Réseau", "Network"),
        summary: tx(
            "Le réseau peut devenir le goulot à partir de 500 utilisateurs environ.",
            "The network may become the bottleneck from about 500 users.",
        ),
        points: &[
            tx(
                "Viser au moins 10 Mbit/s en envoi (upload)",
                "Aim for at least 10 Mbps of upload",
            ),
            tx(
                "Le Pi 4 peut remplir un lien Gigabit Ethernet, soit ~125 Mo/s",
                "The Pi 4 can fill a Gigabit Ethernet link, about 125 MB/s",
            ),
        ],
        commands: &[
            (tx("Sur le serveur", "On the server"), "iperf3 -s"),
            (tx("Depuis une autre machine", "From another machine"), "iperf3 -c <server-ip> -t 30"),
        ],
        hosts: &[Host::Pi4, Host::MiniPc],
        from_users: Some(500),
        price: None,
    },
    Consideration {
        title: tx("Bruit", "Noise"),
        summary: tx(
            "Pour un serveur allumé en permanence, choisir un mini PC sans ventilateur.",
            "For a server that runs all the time, pick a fanless mini PC.",
        ),
        points: &[],
        commands: &[],
        hosts: &[Host::Pi4, Host::MiniPc],
        from_users: None,
        price: None,
    },
    Consideration {
        title: tx("Limites mémoire", "Memory limits"),
        summary: tx(
            "Sans le cgroup mémoire, absent par défaut sur Raspberry Pi OS, Docker ignore tous les mem_limit.",
            "Without the memory cgroup, off by default on Raspberry Pi OS, Docker ignores every mem_limit.",
        ),
        points: &[tx(
            "Avant l'override : cgroup_enable=memory cgroup_memory=1 dans cmdline.txt, puis redémarrer",
            "Before the override: cgroup_enable=memory cgroup_memory=1 in cmdline.txt, then reboot",
        )],
        commands: &[
            (
                tx("Vérifier (rien ne s'affiche : les limites s'appliquent)", "Check (no output: limits apply)"),
                "docker info 2>&1 | grep -i 'memory limit'",
            ),
            (
                tx("Activer", "Enable"),
                "sudo sed -i '1 s/$/ cgroup_enable=memory cgroup_memory=1/' /boot/firmware/cmdline.txt && sudo reboot",
            ),
        ],
        hosts: &[Host::Pi4],
        from_users: None,
        price: None,
    },
];

/// A point of the source's conclusion (section 8).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Advice {
    /// The users the source gives it for, as it writes them.
    pub source_range: &'static str,
    /// Headroom applies it from `from_users` to `to_users`, both inclusive.
    pub from_users: u32,
    pub to_users: Option<u32>,
    pub advice: Text,
    pub price: Option<Euros>,
    /// Headroom's reading, where the source contradicts itself.
    pub correction: Option<Text>,
}

/// Source, section 8, "Conclusion". Its ranges leave 1,001-1,499 uncovered and
/// overlap at 2,000; Headroom stretches the second point to 1,499 and gives
/// 2,000 to the third, as the tier table does.
pub const CONCLUSION: [Advice; 4] = [
    Advice {
        source_range: "0-500",
        from_users: 0,
        to_users: Some(500),
        advice: tx("Rester sur le Pi 4", "Stay on the Pi 4"),
        price: None,
        correction: None,
    },
    Advice {
        source_range: "500-1000",
        from_users: 501,
        to_users: Some(1_499),
        advice: tx(
            "Ajouter un SSD de 1 To pour ne pas saturer les entrées-sorties",
            "Add a 1 TB SSD so disk I/O does not saturate",
        ),
        price: Some(Euros::about(65)),
        correction: None,
    },
    Advice {
        source_range: "1500-2000",
        from_users: 1_500,
        to_users: Some(2_000),
        advice: tx(
            "Envisager un mini PC sous Linux pour avoir de la marge processeur",
            "Consider a Linux mini PC for CPU headroom",
        ),
        price: Some(Euros::about(500)),
        correction: None,
    },
    Advice {
        source_range: "2000+",
        from_users: 2_001,
        to_users: None,
        advice: tx("Le cloud devient obligatoire", "Cloud is mandatory"),
        price: None,
        correction: Some(tx(
            "Le tableau des paliers de la source garde un mini PC jusqu'à 10\u{202f}000 utilisateurs ; Headroom le suit : mini PC jusqu'à 10\u{202f}000, cloud au-delà.",
            "The source's tier table keeps a mini PC up to 10,000 users; Headroom follows it: mini PC up to 10,000, cloud beyond.",
        )),
    },
];

/// Source, section 8: its closing judgement on the Pi 4.
pub const CONCLUSION_SUMMARY: Text = tx(
    "Avec un SSD, le Pi 4 tient 1\u{202f}000 à 2\u{202f}000 utilisateurs actifs par mois : un excellent rapport coût/performance pour démarrer. Au-delà, il faut investir dans une infrastructure qui s'étend.",
    "With an SSD, the Pi 4 carries 1,000-2,000 monthly active users: excellent value for a young product. Past that, invest in infrastructure that scales.",
);

pub fn advice_for(users: u32) -> &'static Advice {
    CONCLUSION
        .iter()
        .find(|a| users >= a.from_users && a.to_users.is_none_or(|to| users <= to))
        .unwrap_or(&CONCLUSION[3])
}

impl Step {
    /// The step's commands with the names filled in.
    pub fn commands_for(&self, names: &Names) -> Vec<String> {
        self.commands.iter().map(|c| fill(c, names)).collect()
    }

    pub fn note_for(&self, names: &Names, lang: Lang) -> Option<String> {
        self.note.map(|note| fill(note.get(lang), names))
    }
}
