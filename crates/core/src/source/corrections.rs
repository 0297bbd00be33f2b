//! Where the source contradicts itself or gives configuration that would not
//! work, what it says and what Headroom does instead. Each section of the
//! plan shows the corrections of its topic, so the source stays visible.

use crate::base::text::{tx, Text};

/// The part of the plan a correction belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    Tiers,
    Compose,
    Tuning,
    Decisions,
    Migration,
    Load,
    Budget,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Correction {
    pub topic: Topic,
    pub source_says: Text,
    pub headroom_does: Text,
}

pub const CORRECTIONS: [Correction; 12] = [
    Correction {
        topic: Topic::Tiers,
        source_says: tx(
            "Conclusion : « 2000+ users : Cloud mandatory », alors que le tableau des paliers garde le mini PC jusqu'à 10\u{202f}000.",
            "Conclusion: \"2000+ users: Cloud mandatory\", while the tier table keeps the mini PC up to 10,000.",
        ),
        headroom_does: tx(
            "Suit le tableau des paliers et cite la ligne de la conclusion telle quelle.",
            "Follows the tier table and shows the conclusion's line as written.",
        ),
    },
    Correction {
        topic: Topic::Compose,
        source_says: tx(
            "Variables POSTGRES_SHARED_BUFFERS, POSTGRES_WORK_MEM et POSTGRES_EFFECTIVE_CACHE_SIZE.",
            "POSTGRES_SHARED_BUFFERS, POSTGRES_WORK_MEM and POSTGRES_EFFECTIVE_CACHE_SIZE variables.",
        ),
        headroom_does: tx(
            "L'image officielle les ignore : les réglages passent par command: postgres -c ….",
            "The official image ignores them: settings go through command: postgres -c ….",
        ),
    },
    Correction {
        topic: Topic::Compose,
        source_says: tx(
            "Palier 4 : « replicas: 2 » directement sous le service.",
            "Tier 4: \"replicas: 2\" directly under the service.",
        ),
        headroom_does: tx(
            "Écrit deploy: replicas: 2, seule forme que Compose lit.",
            "Writes deploy: replicas: 2, the only form Compose reads.",
        ),
    },
    Correction {
        topic: Topic::Tuning,
        source_says: tx(
            "Palier 3 : effective_cache_size de 1536MB dans un conteneur limité à 1200m.",
            "Tier 3: effective_cache_size of 1536MB in a container limited to 1200m.",
        ),
        headroom_does: tx(
            "Le ramène à 75 % de la limite et affiche la valeur de la source.",
            "Brings it down to 75% of the limit and shows the source's value.",
        ),
    },
    Correction {
        topic: Topic::Tuning,
        source_says: tx(
            "Palier 3 : shared_buffers de 512MB dans un conteneur de 1200m (43 %).",
            "Tier 3: shared_buffers of 512MB in a 1200m container (43%).",
        ),
        headroom_does: tx(
            "Le ramène à 25 % de la limite et affiche la valeur de la source.",
            "Brings it down to 25% of the limit and shows the source's value.",
        ),
    },
    Correction {
        topic: Topic::Tuning,
        source_says: tx("Palier 3 : work_mem de 64MB.", "Tier 3: work_mem of 64MB."),
        headroom_does: tx(
            "Le garde seulement si le pire cas de PostgreSQL tient dans le conteneur, et affiche la valeur de la source.",
            "Keeps it only where PostgreSQL's worst case fits the container, and shows the source's value.",
        ),
    },
    Correction {
        topic: Topic::Decisions,
        source_says: tx(
            "RAM au-delà de 80 % : « augmenter le TTL Redis ».",
            "RAM above 80%: \"increase the Redis TTL\".",
        ),
        headroom_does: tx(
            "Un TTL plus long occupe plus de mémoire ; le palier 3 le réduit de 7 à 3 jours : Headroom dit « réduire ».",
            "A longer TTL holds more memory; tier 3 cuts it from 7 to 3 days: Headroom says \"reduce\".",
        ),
    },
    Correction {
        topic: Topic::Migration,
        source_says: tx(
            "docker-compose down d'abord, puis docker exec memoo-postgres-1 pg_dump.",
            "docker-compose down first, then docker exec memoo-postgres-1 pg_dump.",
        ),
        headroom_does: tx(
            "Le conteneur n'existe plus à ce moment-là : arrêter api et nginx, exporter, puis arrêter le reste.",
            "The container is gone by then: stop api and nginx, dump, then stop the rest.",
        ),
    },
    Correction {
        topic: Topic::Migration,
        source_says: tx(
            "À l'arrivée : psql -U postgres < backup.sql avant docker-compose up.",
            "At the destination: psql -U postgres < backup.sql before docker-compose up.",
        ),
        headroom_does: tx(
            "Démarrer postgres, créer la base, importer par docker exec -i, puis lancer le reste.",
            "Start postgres, create the database, import through docker exec -i, then start the rest.",
        ),
    },
    Correction {
        topic: Topic::Migration,
        source_says: tx(
            "docker-compose (Compose v1, abandonné).",
            "docker-compose (Compose v1, retired).",
        ),
        headroom_does: tx("Écrit docker compose (v2).", "Writes docker compose (v2)."),
    },
    Correction {
        topic: Topic::Load,
        source_says: tx(
            "Profil de charge : 2 à 100 Go de disque ; tableau des paliers : 50 à 800 Go.",
            "Load profile: 2-100 GB of disk; tier table: 50-800 GB.",
        ),
        headroom_does: tx(
            "Montre les deux : l'usage estimé et l'espace à prévoir.",
            "Shows both: the estimated use and the space to provision.",
        ),
    },
    Correction {
        topic: Topic::Budget,
        source_says: tx(
            "Palier 3 : des limites CPU qui totalisent 4,5 cœurs sur un Pi qui en a 4.",
            "Tier 3: CPU limits adding up to 4.5 cores on a 4-core Pi.",
        ),
        headroom_does: tx(
            "Le bilan des ressources le signale.",
            "The budget check says so.",
        ),
    },
];

/// The corrections of one topic.
pub fn about(topic: Topic) -> impl Iterator<Item = &'static Correction> {
    CORRECTIONS.iter().filter(move |c| c.topic == topic)
}
