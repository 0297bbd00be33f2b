//! The override's pieces: each service's limits in both of Compose's forms,
//! `/dev/shm`, PgBouncer, the API's heap and the servers' commands.

use super::base::*;
use super::stack::*;
use crate::base::text::Lang;
use crate::base::units::{Cores, Mebibytes};
use crate::emit::yaml::quoted;
use crate::settings::pooler;
use crate::settings::tuning::{self, SettingKey, Tuning};
use crate::source::tier::Service;
use std::fmt::Write;

/// A comment for a role the user's file does not have.
pub(super) fn missing(y: &mut String, role: Service, lang: Lang) {
    let _ = writeln!(
        y,
        "  # {}",
        match lang.page() {
            Lang::Fr => format!(
                "pas de service {} dans votre fichier : ses limites ne sont pas écrites",
                role.name()
            ),
            Lang::En => format!(
                "no {} service in your file: its limits are not written",
                role.name()
            ),
        }
    );
}

/// One service's limits and replicas, as the override writes them.
pub(super) struct Sized {
    pub(super) cpus: Cores,
    pub(super) memory: Mebibytes,
    pub(super) reservation: Option<Mebibytes>,
    /// The replicas and why.
    pub(super) replicas: Option<(u32, String)>,
}

/// The limits in both of Compose's forms: the service keys (`cpus`,
/// `mem_limit`, `mem_reservation`) and `deploy.resources`. Compose v2 refuses a
/// service whose two forms differ, and a merge keeps whichever form the
/// user's file had: writing both, equal, leaves Headroom's in force whatever
/// the user wrote. The user's replicas are kept.
pub(super) fn write_limits(
    y: &mut String,
    sized: Sized,
    stack: &impl Stack,
    role: Service,
    lang: Lang,
) {
    let theirs = stack.user_limits(role);
    let is_reservation = |key: &str| key.ends_with("reservation") || key.contains("reservations");
    // A reservation of the user's above the new limit would stop the
    // container from starting: it comes down to the limit.
    let their_reservation = theirs
        .iter()
        .filter(|(key, _)| is_reservation(key))
        .find_map(|(_, value)| memory_value(value));
    let lowered = match (sized.reservation, their_reservation) {
        (None, Some(reservation)) if reservation > sized.memory => Some(sized.memory),
        _ => None,
    };
    let reservation = sized.reservation.or(lowered);
    let replaced: Vec<(String, String)> = theirs
        .iter()
        .filter(|(key, _)| reservation.is_some() || !is_reservation(key))
        .cloned()
        .collect();
    let replaced = if replaced.is_empty() {
        String::new()
    } else {
        format!("  #{}", replaces(&replaced, lang).trim_start_matches(';'))
    };
    let cpus = sized.cpus.0;
    let memory = sized.memory.0;
    // Quoted as the source writes it; some parsers refuse a bare integer.
    let _ = writeln!(y, "    cpus: '{cpus}'{replaced}");
    let _ = writeln!(y, "    mem_limit: {memory}m");
    if let Some(reservation) = reservation {
        let why = if lowered.is_some() {
            match lang.page() {
                Lang::Fr => "  # la vôtre, ramenée à la nouvelle limite",
                Lang::En => "  # yours, brought down to the new limit",
            }
        } else {
            ""
        };
        let _ = writeln!(y, "    mem_reservation: {}m{why}", reservation.0);
    }
    y.push_str("    deploy:\n");
    match (sized.replicas, stack.user_replicas(role)) {
        (Some((_, note)), Some(yours)) => {
            let kept = match lang.page() {
                Lang::Fr => format!("replicas : le vôtre ({yours}) est gardé ; {note}"),
                Lang::En => format!("replicas: yours ({yours}) is kept; {note}"),
            };
            let _ = writeln!(y, "      # {kept}");
        }
        (Some((replicas, note)), None) => {
            let _ = writeln!(y, "      replicas: {replicas}  # {note}");
        }
        (None, _) => {}
    }
    y.push_str("      resources:\n        limits:\n");
    let _ = writeln!(y, "          cpus: '{cpus}'");
    let _ = writeln!(y, "          memory: {memory}m");
    if let Some(reservation) = reservation {
        let _ = writeln!(
            y,
            "        reservations:\n          memory: {}m",
            reservation.0
        );
    }
}

/// Docker's 64 MB `/dev/shm` is too small for parallel hash joins.
pub(super) fn shm_size(y: &mut String, tuning: &Tuning, lang: Lang) {
    let shm = tuning.shm;
    let size = shm.size.0;
    let why = shm.reason(tuning.memory.work_mem).describe(lang);
    let _ = writeln!(y, "    shm_size: {size}m  # {why}");
}

/// The pooler the source advises from tier 3, sized to PostgreSQL's usable
/// connections, in front of the user's PostgreSQL service.
pub(super) fn pgbouncer(y: &mut String, pooler: &pooler::Pooler, postgres: &str, lang: Lang) {
    let fr = lang.page() == Lang::Fr;
    let tier = tuning::POOLED_FROM_TIER;
    let (title, password, api) = if fr {
        (
            format!("Headroom : le pooling de la source, palier {tier}"),
            "celui de votre service postgres",
            format!("l'API vise pgbouncer:{}", pooler::PORT),
        )
    } else {
        (
            format!("Headroom: the source's pooling, tier {tier}"),
            "your postgres service's",
            format!("the API targets pgbouncer:{}", pooler::PORT),
        )
    };
    let _ = writeln!(y, "  pgbouncer:  # {title}");
    let _ = writeln!(y, "    image: {}  # {api}", pooler::IMAGE);
    write_limits(
        y,
        Sized {
            cpus: pooler::CPUS,
            memory: pooler::MEM_LIMIT,
            reservation: None,
            replicas: None,
        },
        &Defaults,
        Service::PgBouncer,
        lang,
    );
    let _ = writeln!(y, "    depends_on:\n      - {postgres}");
    let _ = writeln!(y, "    environment:\n      DB_HOST: {postgres}");
    y.push_str("      DB_USER: ${POSTGRES_USER:-postgres}\n");
    let _ = writeln!(y, "      DB_PASSWORD: ${{POSTGRES_PASSWORD}}  # {password}");
    y.push_str("      AUTH_TYPE: scram-sha-256\n");
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

/// "yours" / "vôtre", and "replaces yours: X".
pub(super) fn yours(lang: Lang) -> &'static str {
    match lang.page() {
        Lang::Fr => "vôtre",
        Lang::En => "yours",
    }
}

pub(super) fn replaces(replaced: &[(String, String)], lang: Lang) -> String {
    if replaced.is_empty() {
        return String::new();
    }
    let list = replaced
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join(", ");
    match lang.page() {
        Lang::Fr => format!(" ; remplace le vôtre : {list}"),
        Lang::En => format!("; replaces yours: {list}"),
    }
}

// Inlined into each stack's override: with Headroom's own names nothing is
// carried, and the carrying code drops out of the site's WebAssembly.
#[inline(always)]
pub(super) fn api(y: &mut String, tuning: &Tuning, carried: Carried, lang: Lang) {
    if let Some(heap) = tuning.get(SettingKey::NodeMaxOldSpace) {
        let mut options = carried.kept;
        options.push(format!("--max-old-space-size={}", heap.value_text()));
        y.push_str("    environment:\n");
        let _ = writeln!(
            y,
            "      NODE_OPTIONS: {}  # {}{}",
            quoted(&options.join(" ")),
            heap.provenance(lang),
            replaces(&carried.replaced, lang)
        );
    }
}

/// PostgreSQL or Redis settings as command-line flags (the official images
/// ignore `POSTGRES_SHARED_BUFFERS` and the like), after the user's own.
#[inline(always)]
pub(super) fn command(
    y: &mut String,
    tuning: &Tuning,
    service: Service,
    program: &str,
    carried: Carried,
    users_file: bool,
    lang: Lang,
) {
    let heading = match (users_file, lang.page()) {
        (false, Lang::Fr) => "remplace la commande de l'image : ajoutez-y vos propres options",
        (false, Lang::En) => "replaces the image's command: add any flags of your own here",
        (true, Lang::Fr) => "la vôtre, puis les réglages de Headroom",
        (true, Lang::En) => "yours, then Headroom's settings",
    };
    let _ = writeln!(y, "    command:  # {heading}");
    for word in &carried.prefix {
        let _ = writeln!(y, "      - {}", quoted(word));
    }
    let _ = writeln!(y, "      - \"{program}\"");
    for (i, arg) in carried.kept.iter().enumerate() {
        let note = if i == 0 {
            format!("  # {}", yours(lang))
        } else {
            String::new()
        };
        let _ = writeln!(y, "      - {}{note}", quoted(arg));
    }
    for setting in tuning
        .settings
        .iter()
        .filter(|s| s.key.service() == service)
    {
        let theirs: Vec<(String, String)> = carried
            .replaced
            .iter()
            .filter(|(name, _)| name == setting.key.name())
            .cloned()
            .collect();
        let provenance = format!("{}{}", setting.provenance(lang), replaces(&theirs, lang));
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
