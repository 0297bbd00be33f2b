//! The `docker-compose.override.yml` for a tier: the source's limits and the
//! tuned server settings, written as Compose Specification YAML by hand (no
//! YAML library reaches the browser build).

use crate::pooler;
use crate::text::{self, Lang};
use crate::tier::{Service, Tier};
use crate::tuning::{self, SettingKey, Tuning};
use std::fmt::Write;

/// The file name Docker Compose merges automatically.
pub const FILE_NAME: &str = "docker-compose.override.yml";

/// The override for `tier` (1-4) at `users`, comments in `lang`.
pub fn override_yaml(tier: &Tier, tuning: &Tuning, users: u32, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut y = String::new();
    let users_text = text::integer(f64::from(users), lang);
    let name = tier.name.get(lang);
    let number = tier.number;
    let (made, rest) = if fr {
        (
            format!("{FILE_NAME} produit par Headroom : palier {number} ({name}), {users_text} utilisateurs."),
            "Docker Compose le fusionne au docker-compose.yml du dossier ; services : api, postgres, redis, nginx.\n\
             La fusion REMPLACE vos command: postgres et redis et votre NODE_OPTIONS :\n\
             recopiez-y vos options (--requirepass, --appendonly, -c ...).",
        )
    } else {
        (
            format!("{FILE_NAME} made by Headroom: tier {number} ({name}), {users_text} users."),
            "Docker Compose merges it with the folder's docker-compose.yml; services: api, postgres, redis, nginx.\n\
             The merge REPLACES your postgres and redis command: and NODE_OPTIONS:\n\
             copy your own flags into them (--requirepass, --appendonly, -c ...).",
        )
    };
    let header = std::iter::once(made.as_str()).chain(rest.lines());
    for line in header {
        let _ = writeln!(y, "# {line}");
    }
    y.push_str("services:\n");
    let source = if fr {
        format!("limites : source, palier {number}")
    } else {
        format!("limits: source, tier {number}")
    };
    for limits in tier.limits {
        let _ = writeln!(y, "  {}:  # {source}", limits.service.name());
        // Quoted as the source writes it; some parsers refuse a bare integer.
        let _ = writeln!(y, "    cpus: '{}'", limits.cpus.0);
        let _ = writeln!(y, "    mem_limit: {}m", limits.mem_limit.0);
        if let Some(reservation) = limits.mem_reservation {
            let _ = writeln!(y, "    mem_reservation: {}m", reservation.0);
        }
        match limits.service {
            Service::Api => api(&mut y, tuning, limits.replicas, lang),
            Service::Postgres => {
                shm_size(&mut y, tuning, lang);
                command(&mut y, tuning, Service::Postgres, lang);
            }
            Service::Redis => command(&mut y, tuning, Service::Redis, lang),
            Service::Nginx | Service::PgBouncer => {}
        }
    }
    if let Some(pooler) = &tuning.pooler {
        pgbouncer(&mut y, pooler, lang);
    }
    y
}

/// Docker's 64 MB `/dev/shm` is too small for parallel hash joins.
fn shm_size(y: &mut String, tuning: &Tuning, lang: Lang) {
    let shm = tuning.shm;
    let size = shm.size.0;
    let why = match (shm.parallel_processes, lang) {
        (0, Lang::Fr) => "sans requête parallèle, les 64m de Docker suffisent".to_owned(),
        (0, Lang::En) => "no parallel query: Docker's 64m is enough".to_owned(),
        (n, Lang::Fr) => format!(
            "{n} processus parallèles × 3 × work_mem {} × 2, + maintenance_work_mem, + 16m",
            tuning::postgres_memory(tuning.memory.work_mem)
        ),
        (n, Lang::En) => format!(
            "{n} parallel processes × 3 × work_mem {} × 2, + maintenance_work_mem, + 16m",
            tuning::postgres_memory(tuning.memory.work_mem)
        ),
    };
    let _ = writeln!(y, "    shm_size: {size}m  # {why}");
}

/// The pooler the source advises from tier 3, sized to PostgreSQL's usable
/// connections.
fn pgbouncer(y: &mut String, pooler: &pooler::Pooler, lang: Lang) {
    let fr = lang == Lang::Fr;
    let (title, password, api) = if fr {
        (
            format!(
                "Headroom : le pooling de la source, palier {}",
                tuning::POOLED_FROM_TIER
            ),
            "celui de votre service postgres",
            "l'API vise pgbouncer:5432",
        )
    } else {
        (
            format!(
                "Headroom: the source's pooling, tier {}",
                tuning::POOLED_FROM_TIER
            ),
            "your postgres service's",
            "the API targets pgbouncer:5432",
        )
    };
    let _ = writeln!(y, "  pgbouncer:  # {title}");
    let _ = writeln!(y, "    image: {}  # {api}", pooler::IMAGE);
    let _ = writeln!(y, "    cpus: '{}'", pooler::CPUS.0);
    let _ = writeln!(y, "    mem_limit: {}m", pooler::MEM_LIMIT.0);
    y.push_str(
        "    depends_on:
      - postgres
",
    );
    y.push_str(
        "    environment:
",
    );
    y.push_str(
        "      DB_HOST: postgres
",
    );
    y.push_str(
        "      DB_USER: ${POSTGRES_USER:-postgres}
",
    );
    let _ = writeln!(y, "      DB_PASSWORD: ${{POSTGRES_PASSWORD}}  # {password}");
    y.push_str(
        "      AUTH_TYPE: scram-sha-256
",
    );
    for setting in &pooler.settings {
        let _ = writeln!(
            y,
            "      {}: \"{}\"  # {}",
            setting.env_name(),
            setting.value,
            setting.reason.describe(lang)
        );
    }
}

fn api(y: &mut String, tuning: &Tuning, replicas: u32, lang: Lang) {
    let fr = lang == Lang::Fr;
    if let Some(heap) = tuning.get(SettingKey::NodeMaxOldSpace) {
        y.push_str("    environment:\n");
        let _ = writeln!(
            y,
            "      NODE_OPTIONS: \"--max-old-space-size={}\"  # {}",
            heap.value_text(),
            heap.provenance(lang)
        );
    }
    if replicas > 1 {
        let note = if fr {
            format!("source, palier {} : « replicas » doit être sous deploy ; retirez container_name et tout port fixe de l'hôte", tuning.tier)
        } else {
            format!("source, tier {}: replicas belongs under deploy; drop container_name and any fixed host port", tuning.tier)
        };
        y.push_str("    deploy:\n");
        let _ = writeln!(y, "      replicas: {replicas}  # {note}");
    }
}

/// PostgreSQL or Redis settings as command-line flags: the official images
/// ignore `POSTGRES_SHARED_BUFFERS` and the like.
fn command(y: &mut String, tuning: &Tuning, service: Service, lang: Lang) {
    let replaces = match lang {
        Lang::Fr => "remplace la commande de l'image : ajoutez-y vos propres options",
        Lang::En => "replaces the image's command: add any flags of your own here",
    };
    let program = match service {
        Service::Postgres => "postgres",
        _ => "redis-server",
    };
    let _ = writeln!(y, "    command:  # {replaces}");
    let _ = writeln!(y, "      - \"{program}\"");
    for setting in tuning
        .settings
        .iter()
        .filter(|s| s.key.service() == service)
    {
        let provenance = setting.provenance(lang);
        if service == Service::Postgres {
            y.push_str("      - \"-c\"\n");
            let _ = writeln!(
                y,
                "      - \"{}={}\"  # {provenance}",
                setting.key.name(),
                setting.value_text()
            );
        } else {
            let _ = writeln!(y, "      - \"--{}\"", setting.key.name());
            let _ = writeln!(y, "      - \"{}\"  # {provenance}", setting.value_text());
        }
    }
}
