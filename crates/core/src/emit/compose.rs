//! The `docker-compose.override.yml` for a tier: the source's limits and the
//! tuned server settings, written as Compose Specification YAML by hand (no
//! YAML library reaches the browser build).
//!
//! Compose merges the override into the user's file key by key, except
//! `command:`, which it replaces whole, and `NODE_OPTIONS`, one variable. Given
//! the user's own file ([`Base`]), the override uses their service names and
//! carries their command arguments and `NODE_OPTIONS` into its own entries;
//! without it, the override says first what the merge replaces.

use crate::base::text::{self, Lang};
use crate::base::units::{Cores, Mebibytes};
use crate::plan::Plan;
use crate::settings::budget::{Rest, REST_SERVICES};
use crate::settings::pooler;
use crate::settings::tuning::{self, SettingKey, Tuning};
use crate::source::tier::{Service, Tier};
use std::fmt::Write;

/// The file name Docker Compose merges automatically.
pub const FILE_NAME: &str = "docker-compose.override.yml";

/// The user's own compose file, as much of it as the override needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Base {
    pub services: Vec<BaseService>,
}

/// One service of the user's file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BaseService {
    pub name: String,
    pub image: Option<String>,
    /// The command as a list of words; a string command is split the way
    /// Compose splits it ([`split_command`]).
    pub command: Option<Vec<String>>,
    /// The service's `NODE_OPTIONS`, if it sets one.
    pub node_options: Option<String>,
    /// The limits the user set, in either of Compose's forms, as
    /// `(key, value)` written as in the file (`cpus`, `deploy.resources.limits.memory`);
    /// the override's replace them.
    pub limits: Vec<(String, String)>,
    /// The user's `deploy.replicas` (or `scale`), kept by the override.
    pub replicas: Option<String>,
}

impl BaseService {
    /// The image's name without registry, owner or tag: `postgres` for
    /// `docker.io/library/postgres:16-alpine`.
    fn image_name(&self) -> Option<&str> {
        let image = self.image.as_deref()?;
        let last = image.rsplit('/').next().unwrap_or(image);
        Some(last.split([':', '@']).next().unwrap_or(last))
    }

    fn image_starts(&self, prefix: &str) -> bool {
        self.image_name()
            .is_some_and(|name| name.starts_with(prefix))
    }
}

impl Base {
    /// The user's service that plays `role`: PostgreSQL, Redis and nginx by
    /// image; the API by name (`api`, then a name with `api`, `backend` or
    /// `server`), else the one service on a `node` image.
    pub fn find(&self, role: Service) -> Option<&BaseService> {
        // The image's own name first (`postgres`, `bitnami/postgresql`), so a
        // `postgres-exporter` or `redisinsight` beside it is never taken for
        // the server; else the one image that starts so.
        let by_image = |names: &[&str]| {
            self.services
                .iter()
                .find(|s| s.image_name().is_some_and(|n| names.contains(&n)))
                .or_else(|| only(self.services.iter().filter(|s| s.image_starts(names[0]))))
        };
        match role {
            Service::Postgres => by_image(&["postgres", "postgresql", "postgis"]),
            Service::Redis => by_image(&["redis", "redis-stack-server"]),
            Service::Nginx => by_image(&["nginx", "nginx-unprivileged"]),
            Service::PgBouncer => self
                .services
                .iter()
                .find(|s| s.name == "pgbouncer" || s.image_starts("pgbouncer")),
            Service::Api => self
                .services
                .iter()
                .find(|s| s.name == "api")
                .or_else(|| {
                    only(self.services.iter().filter(|s| {
                        ["api", "backend", "server"]
                            .iter()
                            .any(|part| s.name.contains(part))
                    }))
                })
                .or_else(|| only(self.services.iter().filter(|s| s.image_starts("node")))),
            Service::Minio => by_image(&["minio"]),
            // A front end is usually built from the project (`build: ./web`):
            // known names first, else the one name that says front or next.
            Service::Web => {
                let api = self.find(Service::Api).map(|s| s.name.as_str());
                let candidates = || {
                    self.services
                        .iter()
                        .filter(|s| Some(s.name.as_str()) != api)
                };
                candidates()
                    .find(|s| WEB_NAMES.contains(&s.name.as_str()))
                    .or_else(|| {
                        only(
                            candidates().filter(|s| {
                                ["front", "next"].iter().any(|part| s.name.contains(part))
                            }),
                        )
                    })
            }
        }
    }
}

/// The names a Next.js front end goes by in compose files.
const WEB_NAMES: [&str; 8] = [
    "web",
    "frontend",
    "front",
    "front-end",
    "next",
    "nextjs",
    "www",
    "ui",
];

/// Where the override's services come from: Headroom's own names
/// ([`Defaults`]), or the user's file ([`Base`]). Generic, so that the site,
/// which has no file, carries none of the merging code.
pub trait Stack {
    /// The name of the service playing `role`; `None` when the file has none.
    fn service(&self, role: Service) -> Option<&str>;
    /// Whether the names and flags are the user's.
    fn is_users_file(&self) -> bool;
    /// The user's own arguments to `program` for `role`, less the settings
    /// in `ours`, and the values of those they had: (kept, replaced).
    fn user_command(&self, _role: Service, _program: &str, _ours: &[&str]) -> Carried {
        Carried::default()
    }
    /// The user's own `NODE_OPTIONS` for the API, less any heap size:
    /// (kept, replaced).
    fn user_node_options(&self) -> Carried {
        Carried::default()
    }
    /// The name of a PgBouncer the user already runs.
    fn own_pooler(&self) -> Option<&str> {
        None
    }
    /// The limits the user set on `role`'s service, `(key, value)`.
    fn user_limits(&self, _role: Service) -> &[(String, String)] {
        &[]
    }
    /// The replicas the user set on `role`'s service.
    fn user_replicas(&self, _role: Service) -> Option<&str> {
        None
    }
}

/// What the override carries from the user's file: the words before the
/// program (`docker-entrypoint.sh`), the arguments it keeps, and `name=value`
/// of the user's settings that Headroom's replace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried {
    pub prefix: Vec<String>,
    pub kept: Vec<String>,
    pub replaced: Vec<(String, String)>,
}

/// How a user's command splits around the program: the words before it and
/// its arguments; `None` for a command Headroom cannot add flags to (a shell
/// script, another program).
fn around_program<'a>(
    command: &'a [String],
    program: &str,
) -> Option<(&'a [String], &'a [String])> {
    // The official images' entrypoint may be written out in front.
    let skip = usize::from(command.first().is_some_and(|w| w == "docker-entrypoint.sh"));
    let (prefix, rest) = command.split_at(skip);
    match rest {
        [] => Some((prefix, rest)),
        [first, args @ ..] if first == program => Some((prefix, args)),
        // Options alone, or Redis's config file first: the entrypoint runs
        // the server with them.
        [first, ..] if first.starts_with('-') || first.ends_with(".conf") => Some((prefix, rest)),
        _ => None,
    }
}

impl Base {
    /// The first thing in the user's file that the override could not carry
    /// without losing it: a PostgreSQL or Redis command that does not run the
    /// server directly (`sh -c "…"`).
    pub fn problem(&self, lang: Lang) -> Option<String> {
        [(Service::Postgres, "postgres"), (Service::Redis, "redis-server")]
            .into_iter()
            .find_map(|(role, program)| {
                let service = self.find(role)?;
                let words = service.command.as_deref()?;
                let (name, command) = (&service.name, words.join(" "));
                around_program(words, program).is_none().then(|| match lang.page() {
                    Lang::Fr => format!(
                        "service {name} : Headroom ne peut pas ajouter ses options à la commande « {command} » sans la perdre ; \
                         écrivez-la en liste qui commence par {program}"
                    ),
                    Lang::En => format!(
                        "service {name}: Headroom cannot add its flags to the command \"{command}\" without losing it; \
                         write it as a list that starts with {program}"
                    ),
                })
            })
    }
}

/// Headroom's service names, `api`, `postgres`, `redis` and `nginx`.
pub struct Defaults;

impl Stack for Defaults {
    fn service(&self, role: Service) -> Option<&str> {
        Some(role.name())
    }

    fn is_users_file(&self) -> bool {
        false
    }
}

impl Stack for Base {
    fn service(&self, role: Service) -> Option<&str> {
        self.find(role).map(|s| s.name.as_str())
    }

    fn is_users_file(&self) -> bool {
        true
    }

    fn user_command(&self, role: Service, program: &str, ours: &[&str]) -> Carried {
        // A command that `problem` refuses is never reached from the CLI.
        let command = self
            .find(role)
            .and_then(|s| s.command.as_deref())
            .unwrap_or(&[]);
        let (prefix, args) = around_program(command, program).unwrap_or((&[], &[]));
        let mut carried = Carried {
            prefix: prefix.to_vec(),
            ..Carried::default()
        };
        let mut i = 0;
        while i < args.len() {
            let arg = args[i].as_str();
            // A setting: PostgreSQL's `-c name=value` or `--name=value`,
            // Redis's `--name value`.
            let (setting, width) = match (role, arg, args.get(i + 1)) {
                (Service::Postgres, "-c", Some(next)) => (next.split_once('='), 2),
                (Service::Postgres, _, _) => {
                    (arg.strip_prefix("--").and_then(|a| a.split_once('=')), 1)
                }
                (_, _, Some(next)) => (arg.strip_prefix("--").map(|n| (n, next.as_str())), 2),
                _ => (None, 1),
            };
            let width = if setting.is_some() { width } else { 1 };
            match setting {
                Some((name, value))
                    if ours.contains(&name.replace('-', "_").as_str()) || ours.contains(&name) =>
                {
                    carried
                        .replaced
                        .push((name.replace('-', "_"), value.to_owned()));
                }
                _ => carried.kept.extend(args[i..i + width].iter().cloned()),
            }
            i += width;
        }
        carried
    }

    fn own_pooler(&self) -> Option<&str> {
        self.find(Service::PgBouncer).map(|s| s.name.as_str())
    }

    fn user_limits(&self, role: Service) -> &[(String, String)] {
        self.find(role).map_or(&[], |s| s.limits.as_slice())
    }

    fn user_replicas(&self, role: Service) -> Option<&str> {
        self.find(role).and_then(|s| s.replicas.as_deref())
    }

    fn user_node_options(&self) -> Carried {
        let mut carried = Carried::default();
        let options = self
            .find(Service::Api)
            .and_then(|s| s.node_options.as_deref())
            .unwrap_or("");
        let mut words = options.split_whitespace();
        while let Some(word) = words.next() {
            if let Some(size) = word.strip_prefix("--max-old-space-size=") {
                carried
                    .replaced
                    .push(("--max-old-space-size".to_owned(), size.to_owned()));
            } else if word == "--max-old-space-size" {
                let size = words.next().unwrap_or_default();
                carried.replaced.push((word.to_owned(), size.to_owned()));
            } else {
                carried.kept.push(word.to_owned());
            }
        }
        carried
    }
}

/// The one item, if there is exactly one.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// Splits a string command into words as Compose does (shell-like: spaces
/// separate words, single and double quotes group them, a backslash escapes
/// the next character outside single quotes).
pub fn split_command(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = command.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                word.extend(chars.by_ref().take_while(|&c| c != '\''));
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.extend(chars.next());
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// The override of a finished plan, for Headroom's service names
/// ([`Defaults`]) or the user's file ([`Base`]); `None` on tier 5. Its first
/// lines warn when the limits do not fit the machine.
pub fn for_plan(plan: &Plan, stack: &impl Stack) -> Option<String> {
    let tuning = plan.tuning.as_ref()?;
    let s = &plan.scenario;
    let rest = plan.budget.as_ref().map(|b| b.rest);
    let yaml = override_yaml(plan.tier, tuning, s.users, s.lang, stack, rest);
    Some(marked(plan, yaml))
}

/// `yaml`, an override for this plan, with a warning at its top when the
/// tier's limits do not fit the machine's memory: whoever opens the file
/// reads it before applying it.
fn marked(plan: &Plan, yaml: String) -> String {
    let over = plan.scenario.machine().is_some()
        && plan.budget.as_ref().is_some_and(|b| b.memory_left.0 < 0.0);
    let (Some(b), true) = (plan.budget.as_ref(), over) else {
        return yaml;
    };
    let lang = plan.scenario.lang;
    let (committed, memory) = (
        b.memory_committed.display(lang),
        b.machine.memory.display(lang),
    );
    let host = plan.scenario.host.name().get(lang);
    // The reserve as the sentence writes it, a plain space before its unit.
    let os = text::integer(b.os_reserve.0, lang);
    let warning = if lang.page() == Lang::Fr {
        format!(
            "# ATTENTION : les limites du palier {} (avec les {os} Mio du système) font {committed},\n# la machine a {memory} : cet override ne tient pas sur {host}.\n# Changez de machine ou réduisez les limites avant de l'appliquer.\n",
            plan.tier.number
        )
    } else {
        format!(
            "# WARNING: tier {}'s limits (with the system's {os} MiB) add up to {committed},\n# the machine has {memory}: this override does not fit {host}.\n# Move to a bigger machine or lower the limits before applying it.\n",
            plan.tier.number
        )
    };
    warning + &yaml
}

/// The override for `tier` (1-4) at `users`, comments in `lang`, for
/// Headroom's service names or, given [`Base`], for the user's file; MinIO
/// and the front end get `rest` when the machine is known.
pub fn override_yaml(
    tier: &Tier,
    tuning: &Tuning,
    users: u32,
    lang: Lang,
    stack: &impl Stack,
    rest: Option<Rest>,
) -> String {
    let fr = lang.page() == Lang::Fr;
    let mut y = String::new();
    let users_text = text::integer(f64::from(users), lang);
    let name = tier.name.get(lang);
    let number = tier.number;
    let made = if fr {
        format!("{FILE_NAME} produit par Headroom : palier {number} ({name}), {users_text} utilisateurs.")
    } else {
        format!("{FILE_NAME} made by Headroom: tier {number} ({name}), {users_text} users.")
    };
    let rest_text = match (stack.is_users_file(), fr) {
        (false, true) => "Docker Compose le fusionne au docker-compose.yml du dossier ; services : api, postgres, redis, nginx, minio, web.\n\
             La fusion REMPLACE vos command: postgres et redis et votre NODE_OPTIONS :\n\
             recopiez-y vos options (--requirepass, --appendonly, -c ...).",
        (false, false) => "Docker Compose merges it with the folder's docker-compose.yml; services: api, postgres, redis, nginx, minio, web.\n\
             The merge REPLACES your postgres and redis command: and NODE_OPTIONS:\n\
             copy your own flags into them (--requirepass, --appendonly, -c ...).",
        (true, true) => "Écrit pour votre docker-compose.yml : vos noms de services, vos options\n\
             de commande et votre NODE_OPTIONS y sont repris (« vôtre »).",
        (true, false) => "Written for your docker-compose.yml: your service names, command flags\n\
             and NODE_OPTIONS are carried into it (\"yours\").",
    };
    let both_forms = if fr {
        "Chaque limite est écrite sous ses deux formes (cpus/mem_limit et deploy.resources) :\n\
         Docker Compose v2 refuse un service dont les deux formes diffèrent."
    } else {
        "Each limit is written in both forms (cpus/mem_limit and deploy.resources):\n\
         Docker Compose v2 refuses a service whose two forms differ."
    };
    for line in std::iter::once(made.as_str())
        .chain(rest_text.lines())
        .chain(both_forms.lines())
    {
        let _ = writeln!(y, "# {}", line.trim());
    }
    if let Some(rest) = rest.filter(|r| !r.room) {
        let floor = rest.memory.display(lang);
        let _ = writeln!(
            y,
            "# {}",
            match lang.page() {
                Lang::Fr => format!("ATTENTION : après ces limites, la machine n'a plus de place pour MinIO et le front-end ;\n# chacun reçoit le minimum de Headroom ({floor}), au-delà de la mémoire de la machine."),
                Lang::En => format!("WARNING: after these limits the machine has no room left for MinIO and the front end;\n# each gets Headroom's minimum ({floor}), beyond the machine's memory."),
            }
        );
    }
    y.push_str("services:\n");
    let source = if fr {
        format!("limites : source, palier {number}")
    } else {
        format!("limits: source, tier {number}")
    };
    for limits in tier.limits {
        let role = limits.service;
        let Some(service) = stack.service(role) else {
            missing(&mut y, role, lang);
            continue;
        };
        let replicas = (role == Service::Api && limits.replicas > 1).then(|| {
            let note = if fr {
                format!("source, palier {number} : « replicas » doit être sous deploy ; retirez container_name et tout port fixe de l'hôte")
            } else {
                format!("source, tier {number}: replicas belongs under deploy; drop container_name and any fixed host port")
            };
            (limits.replicas, note)
        });
        let _ = writeln!(y, "  {service}:  # {source}");
        write_limits(
            &mut y,
            Sized {
                cpus: limits.cpus,
                memory: limits.mem_limit,
                reservation: limits.mem_reservation,
                replicas,
            },
            stack,
            role,
            lang,
        );
        match role {
            Service::Api => api(&mut y, tuning, stack.user_node_options(), lang),
            Service::Postgres | Service::Redis => {
                if role == Service::Postgres {
                    shm_size(&mut y, tuning, lang);
                }
                let program = if role == Service::Postgres {
                    "postgres"
                } else {
                    "redis-server"
                };
                let ours: Vec<&str> = tuning
                    .settings
                    .iter()
                    .filter(|s| s.key.service() == role)
                    .map(|s| s.key.name())
                    .collect();
                let carried = stack.user_command(role, program, &ours);
                command(
                    &mut y,
                    tuning,
                    role,
                    program,
                    carried,
                    stack.is_users_file(),
                    lang,
                );
            }
            Service::Nginx | Service::PgBouncer | Service::Minio | Service::Web => {}
        }
    }
    if let Some(rest) = rest {
        let share = Rest::share_words(lang);
        let why = match (rest.room, lang.page()) {
            (true, Lang::Fr) => format!("Headroom : {share} de ce que la machine garde après les services de la source, PgBouncer et le système (la source ne le limite pas)"),
            (true, Lang::En) => format!("Headroom: {share} of what the machine keeps after the source's services, PgBouncer and the system (the source gives no limit)"),
            (false, Lang::Fr) => "Headroom : son minimum, la machine n'ayant plus de place après les services de la source, PgBouncer et le système".to_owned(),
            (false, Lang::En) => "Headroom: its minimum, as the machine has no room left after the source's services, PgBouncer and the system".to_owned(),
        };
        for role in REST_SERVICES {
            let Some(service) = stack.service(role) else {
                missing(&mut y, role, lang);
                continue;
            };
            let _ = writeln!(y, "  {service}:  # {why}");
            write_limits(
                &mut y,
                Sized {
                    cpus: rest.cpus,
                    memory: rest.memory,
                    reservation: None,
                    replicas: None,
                },
                stack,
                role,
                lang,
            );
        }
    }
    if let (Some(pooler), Some(postgres)) = (&tuning.pooler, stack.service(Service::Postgres)) {
        match stack.own_pooler() {
            // The user runs their own PgBouncer: leave it, say what to set.
            Some(theirs) => {
                let settings: Vec<String> = pooler
                    .settings
                    .iter()
                    .map(|s| format!("{}={}", s.key, s.value))
                    .collect();
                let _ = writeln!(
                    y,
                    "  # {}",
                    match lang.page() {
                        Lang::Fr => format!(
                            "votre service {theirs} reste tel quel ; réglez-y : {}",
                            settings.join(", ")
                        ),
                        Lang::En => format!(
                            "your {theirs} service is left as it is; set in it: {}",
                            settings.join(", ")
                        ),
                    }
                );
            }
            None => pgbouncer(&mut y, pooler, postgres, lang),
        }
    }
    y
}

/// A comment for a role the user's file does not have.
fn missing(y: &mut String, role: Service, lang: Lang) {
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
struct Sized {
    cpus: Cores,
    memory: Mebibytes,
    reservation: Option<Mebibytes>,
    /// The replicas and why.
    replicas: Option<(u32, String)>,
}

/// The limits in both of Compose's forms: the service keys (`cpus`,
/// `mem_limit`, `mem_reservation`) and `deploy.resources`. Compose v2 refuses a
/// service whose two forms differ, and a merge keeps whichever form the
/// user's file had: writing both, equal, leaves Headroom's in force whatever
/// the user wrote. The user's replicas are kept.
fn write_limits(y: &mut String, sized: Sized, stack: &impl Stack, role: Service, lang: Lang) {
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

/// A memory size as Compose reads it (`512m`, `1G`, `1gb`, `268435456`), in
/// MiB; `None` when it is not one.
pub fn memory_value(text: &str) -> Option<Mebibytes> {
    let text = text.trim().to_ascii_lowercase();
    let digits = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: f64 = number.parse().ok()?;
    Some(match unit.trim().trim_end_matches('b') {
        "" => Mebibytes::from_bytes(number),
        "k" => Mebibytes::from_kibibytes(number),
        "m" => Mebibytes(number),
        "g" => Mebibytes::from_gibibytes(number),
        "t" => Mebibytes::from_tebibytes(number),
        _ => return None,
    })
}

/// `"text"` with YAML's double-quote escapes.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Docker's 64 MB `/dev/shm` is too small for parallel hash joins.
fn shm_size(y: &mut String, tuning: &Tuning, lang: Lang) {
    let shm = tuning.shm;
    let size = shm.size.0;
    let why = shm.reason(tuning.memory.work_mem).describe(lang);
    let _ = writeln!(y, "    shm_size: {size}m  # {why}");
}

/// The pooler the source advises from tier 3, sized to PostgreSQL's usable
/// connections, in front of the user's PostgreSQL service.
fn pgbouncer(y: &mut String, pooler: &pooler::Pooler, postgres: &str, lang: Lang) {
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
fn yours(lang: Lang) -> &'static str {
    match lang.page() {
        Lang::Fr => "vôtre",
        Lang::En => "yours",
    }
}

fn replaces(replaced: &[(String, String)], lang: Lang) -> String {
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
fn api(y: &mut String, tuning: &Tuning, carried: Carried, lang: Lang) {
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
fn command(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::units::Mebibytes;
    use crate::{plan, query, Defaults, YearMonth};

    fn plan_for(q: &str) -> Plan {
        let defaults = Defaults {
            today: YearMonth::new(2026, 11).unwrap(),
            lang: Lang::En,
        };
        plan(&query::decode(q, defaults).scenario)
    }

    #[test]
    fn the_override_warning_names_the_budgets_reserve() {
        let mut p = plan_for("users=300&host=custom&hmem=2.7&lang=en");
        let reserve = p.budget.as_ref().unwrap().os_reserve;
        assert_eq!(reserve, crate::source::hardware::OS_RESERVE);
        for mib in [reserve.0, 700.0] {
            p.budget.as_mut().unwrap().os_reserve = Mebibytes(mib);
            let text = marked(&p, String::new());
            assert!(
                text.contains(&format!("(with the system's {mib} MiB)")),
                "{text}"
            );
        }
    }
}
