//! The user's own compose file, read with a YAML parser into the little the
//! override needs (service names, images, commands, `NODE_OPTIONS`). Behind
//! the `yaml` feature: the CLI and the JavaScript module have it, the site's
//! first load does not.

use crate::base::text::Lang;
use crate::emit::compose::{split_command, Base, BaseService};
use crate::input::bounded_yaml;
use yaml_rust2::Yaml;

/// The compose file's services, or what is wrong with it: its own problem
/// ([`Base::problem`]) included, as one line.
pub fn read(text: &str, lang: Lang) -> Result<Base, String> {
    let base = parse(text, lang)?;
    match base.problem(lang) {
        Some(problem) => Err(problem),
        None => Ok(base),
    }
}

/// The compose file's services, or what is wrong with it.
pub fn parse(text: &str, lang: Lang) -> Result<Base, String> {
    let say = |fr: &str, en: &str| match lang.page() {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    };
    let document = bounded_yaml::load(text).map_err(|problem| problem.describe(lang))?;
    let services = match &document["services"] {
        Yaml::Hash(services) => services,
        Yaml::BadValue => {
            return Err(say(
                "pas de services: au premier niveau",
                "no services: mapping at the top level",
            ))
        }
        _ => {
            return Err(say(
                "services: n'associe pas des noms à des services",
                "services: is not a mapping of service names",
            ))
        }
    };
    let mut base = Base::default();
    for (name, service) in services {
        let name = scalar(name).ok_or_else(|| {
            say(
                "un nom de service n'est pas une chaîne",
                "a service name is not a string",
            )
        })?;
        let service = &with_merge_keys(service);
        let command = match &service["command"] {
            Yaml::String(command) => Some(split_command(command)),
            Yaml::Array(words) => Some(
                words
                    .iter()
                    .map(|w| {
                        scalar(w).ok_or_else(|| {
                            say(
                                &format!("{name} : command: contient autre chose qu'un mot"),
                                &format!("{name}: command: holds something other than a word"),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
            ),
            Yaml::BadValue | Yaml::Null => None,
            _ => {
                return Err(say(
                    &format!("{name} : command: n'est ni une chaîne ni une liste"),
                    &format!("{name}: command: is neither a string nor a list"),
                ))
            }
        };
        let env = |key: &str| match &service["environment"] {
            Yaml::Hash(map) => map
                .iter()
                .find(|(k, _)| scalar(k).as_deref() == Some(key))
                .and_then(|(_, v)| scalar(v)),
            Yaml::Array(list) => list.iter().filter_map(scalar).find_map(|entry| {
                entry
                    .strip_prefix(key)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(str::to_owned)
            }),
            _ => None,
        };
        let node_options = env("NODE_OPTIONS");
        let database = env("POSTGRES_DB").or_else(|| env("POSTGRES_USER"));
        let data_volume = match &service["volumes"] {
            Yaml::Array(volumes) => volumes.iter().find_map(|v| {
                let (source, target) = match v {
                    Yaml::Hash(_) => (scalar(&v["source"])?, scalar(&v["target"])?),
                    other => {
                        let text = scalar(other)?;
                        let mut parts = text.split(':');
                        (parts.next()?.to_owned(), parts.next()?.to_owned())
                    }
                };
                let named = !source.starts_with(['.', '/', '~', '$']);
                (named && target.starts_with("/var/lib/postgresql")).then_some(source)
            }),
            _ => None,
        };
        base.services.push(BaseService {
            image: scalar(&service["image"]),
            limits: limits(service),
            replicas: scalar(&service["deploy"]["replicas"]).or_else(|| scalar(&service["scale"])),
            container_name: scalar(&service["container_name"]),
            name,
            command,
            node_options,
            database,
            data_volume,
        });
    }
    base.project = scalar(&document["name"]);
    // A volume given its own `name:` at the top level is called that.
    for service in &mut base.services {
        if let Some(volume) = &service.data_volume {
            if let Some(name) = scalar(&document["volumes"][volume.as_str()]["name"]) {
                service.data_volume = Some(name);
            } else {
                // Compose prefixes the project's name: the folder's when
                // the file sets none, which the file cannot tell.
                let project = base.project.as_deref().unwrap_or("YOUR_PROJECT");
                service.data_volume = Some(format!("{project}_{volume}"));
            }
        }
    }
    Ok(base)
}

/// The limits the user set, in either form, as written.
fn limits(service: &Yaml) -> Vec<(String, String)> {
    let resources = &service["deploy"]["resources"];
    [
        ("cpus", &service["cpus"]),
        ("mem_limit", &service["mem_limit"]),
        ("mem_reservation", &service["mem_reservation"]),
        ("deploy.resources.limits.cpus", &resources["limits"]["cpus"]),
        (
            "deploy.resources.limits.memory",
            &resources["limits"]["memory"],
        ),
        (
            "deploy.resources.reservations.memory",
            &resources["reservations"]["memory"],
        ),
    ]
    .into_iter()
    .filter_map(|(key, value)| scalar(value).map(|v| (key.to_owned(), v)))
    .collect()
}

/// A scalar as Compose reads it: strings, numbers and booleans as text.
fn scalar(yaml: &Yaml) -> Option<String> {
    match yaml {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(n) => Some(n.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A mapping with its YAML merge keys (`<<: *anchor`, or a list of them)
/// applied, as Compose applies them: the mapping's own keys win.
fn with_merge_keys(yaml: &Yaml) -> Yaml {
    let Yaml::Hash(map) = yaml else {
        return yaml.clone();
    };
    let merge_key = Yaml::String("<<".to_owned());
    let mut merged = map.clone();
    merged.remove(&merge_key);
    let sources = match map.get(&merge_key) {
        Some(one @ Yaml::Hash(_)) => match with_merge_keys(one) {
            Yaml::Hash(h) => vec![h],
            _ => Vec::new(),
        },
        Some(Yaml::Array(many)) => many
            .iter()
            .filter_map(|m| match with_merge_keys(m) {
                Yaml::Hash(h) => Some(h),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    for source in sources {
        for (key, value) in source {
            if !merged.contains_key(&key) {
                merged.insert(key, value);
            }
        }
    }
    Yaml::Hash(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::tier::Service;

    fn parse_en(text: &str) -> Result<Base, String> {
        parse(text, Lang::En)
    }

    #[test]
    fn anchors_and_merge_keys_are_followed() {
        let base = parse_en(
            "x-node: &node\n  image: node:20\n  environment:\n    NODE_OPTIONS: --enable-source-maps\n\
             services:\n  app:\n    <<: *node\n    ports: ['3000:3000']\n  db:\n    image: postgres:16\n",
        )
        .expect("parses");
        let api = base
            .find(Service::Api)
            .expect("the API, through its anchor");
        assert_eq!(api.name, "app");
        assert_eq!(api.node_options.as_deref(), Some("--enable-source-maps"));
    }

    #[test]
    fn a_command_headroom_cannot_extend_is_refused_not_dropped() {
        let base = parse_en(
            "services:\n  cache:\n    image: redis:7\n    command: sh -c \"redis-server --requirepass $$P\"\n",
        )
        .expect("parses");
        let problem = base.problem(Lang::En).expect("refused");
        assert!(
            problem.starts_with("service cache: Headroom cannot add its flags"),
            "{problem}"
        );
        // The entrypoint written out in front is understood.
        let base = parse_en(
            "services:\n  db:\n    image: postgres:16\n    command: [docker-entrypoint.sh, postgres, -c, log_min_duration_statement=500]\n",
        )
        .expect("parses");
        assert_eq!(base.problem(Lang::En), None);
    }

    #[test]
    fn the_file_problems_read_as_one_line() {
        assert_eq!(
            parse_en("services: [").expect_err("not YAML"),
            "unreadable YAML at line 2, column 1 (the reader says: while parsing a node, did not find expected node content)"
        );
        assert_eq!(
            parse_en("web:\n  image: nginx\n").expect_err("no services"),
            "no services: mapping at the top level"
        );
        assert_eq!(
            parse("web:\n  image: nginx\n", Lang::Fr).expect_err("no services"),
            "pas de services: au premier niveau"
        );
    }
}
