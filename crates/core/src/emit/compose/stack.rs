//! Where the override's services come from, Headroom's names or the user's
//! file, and what it carries over from the user's commands.

use super::base::*;
use crate::base::text::Lang;
use crate::source::tier::Service;

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
pub(super) fn around_program<'a>(
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
