//! Changing the compose configuration, and putting PgBouncer in front of
//! PostgreSQL.

use super::{noted, step, Side, Step};
use crate::base::text::tx;

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
