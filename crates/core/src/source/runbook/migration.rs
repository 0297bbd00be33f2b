//! Moving from the Pi 4 to the mini PC, in three phases, and the way back.

use super::{noted, step, Phase, Side, Step};
use crate::base::text::tx;

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
                &["docker exec {pgcontainer} sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" {db}' > backup.sql"],
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
                    &["docker run --rm -v {pgvolume}:/data:ro -v \"$PWD\":/backup alpine \\\n  tar -czf /backup/pgdata-$(date +%Y%m%d).tar.gz -C /data ."],
                ),
                tx(
                    "Les données de PostgreSQL sont dans un volume nommé, que Docker garde hors du dossier du projet : un conteneur jetable le lit et en fait une archive ici (docker volume ls donne son nom ; Compose le préfixe du nom du projet). La pile est arrêtée : la copie est cohérente.",
                    "PostgreSQL's data is in a named volume, which Docker keeps outside the project's folder: a throwaway container reads it and archives it here (docker volume ls gives its name; Compose prefixes it with the project's name). The stack is down: the copy is consistent.",
                ),
            ),
            step(
                Side::Source,
                tx("Copier vers le mini PC", "Copy to the mini PC"),
                &[
                    "scp backup.sql user@{target}:/tmp/",
                    "scp pgdata-*.tar.gz user@{target}:/tmp/",
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
                    &["docker exec {pgcontainer} sh -c 'createdb -U \"${POSTGRES_USER:-postgres}\" {db}'"],
                ),
                tx(
                    "Si POSTGRES_DB la crée déjà, l'erreur « already exists » est sans conséquence.",
                    "If POSTGRES_DB already creates it, the \"already exists\" error is harmless.",
                ),
            ),
            step(
                Side::Destination,
                tx("Importer la base", "Import the database"),
                &["docker exec -i {pgcontainer} sh -c 'psql -U \"${POSTGRES_USER:-postgres}\" -d {db}' < /tmp/backup.sql"],
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
