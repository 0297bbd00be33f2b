//! The `docker-compose.override.yml` for a tier: the source's limits and the
//! tuned server settings, written as Compose Specification YAML by hand (no
//! YAML library reaches the browser build).

use crate::text::{self, Lang};
use crate::tier::{Service, Tier};
use crate::tuning::{SettingKey, Tuning};
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
    let header: [String; 3] = if fr {
        [
            format!("{FILE_NAME} produit par Headroom : palier {number} ({name}), {users_text} utilisateurs."),
            "Docker Compose le fusionne avec le docker-compose.yml du même dossier.".to_owned(),
            "Services supposés : api, postgres, redis et nginx.".to_owned(),
        ]
    } else {
        [
            format!("{FILE_NAME} made by Headroom: tier {number} ({name}), {users_text} users."),
            "Docker Compose merges it with the docker-compose.yml in the same folder.".to_owned(),
            "It assumes services named api, postgres, redis and nginx.".to_owned(),
        ]
    };
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
            Service::Postgres => command(&mut y, tuning, Service::Postgres, lang),
            Service::Redis => command(&mut y, tuning, Service::Redis, lang),
            Service::Nginx => {}
        }
    }
    y
}

fn api(y: &mut String, tuning: &Tuning, replicas: u32, lang: Lang) {
    let fr = lang == Lang::Fr;
    if let Some(heap) = tuning.get(SettingKey::NodeMaxOldSpace) {
        y.push_str("    environment:\n");
        let _ = writeln!(
            y,
            "      NODE_OPTIONS: \"--max-old-space-size={}\"  # {}",
            heap.value_text(),
            tuning.provenance(heap, lang)
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
        let provenance = tuning.provenance(setting, lang);
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
