//! Command-line arguments: one flag per URL query key, plus `--link`,
//! `--json`, `--compose`, `--base`, `--stats` and `--loadtest`. Every value goes through the core's validation.

use crate::measure::{self, Flag};
use crate::report::Section;
use headroom_core::scenario::Allowed;
use headroom_core::{query, Defaults, Key, Lang, Scenario};
use std::path::PathBuf;

/// What the user asked for.
#[derive(Debug)]
pub enum Command {
    Plan(Box<Request>),
    Help,
    Version,
}

#[derive(Debug)]
pub struct Request {
    pub scenario: Scenario,
    pub json: bool,
    pub compose: Option<PathBuf>,
    /// The user's own compose file, to merge the override with.
    pub base: Option<PathBuf>,
    /// Where to write the Prometheus alerting rules.
    pub alerts: Option<PathBuf>,
    /// The folder to write tier 5's kustomization to.
    pub kubernetes: Option<PathBuf>,
    /// The API's request-duration histogram, for the latency and 5xx rules.
    pub histogram: String,
    /// Print only this part of the readable plan.
    pub section: Option<Section>,
    /// What the measurements (`--stats`, `--loadtest`) said besides the
    /// values they set, in the plan's language.
    pub measurement_notes: Vec<String>,
}

/// A one-line reason to stop with status 2.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

pub fn parse(args: &[String], defaults: Defaults) -> Result<Command, UsageError> {
    // Messages follow --lang when it is given, whatever the locale says.
    let lang = requested_lang(args).unwrap_or(defaults.lang);
    let (first, rest) = match args.split_first() {
        Some((first, rest)) => (first.as_str(), rest),
        None => return Ok(Command::Help),
    };
    match first {
        "plan" => {}
        "help" | "--help" | "-h" => return Ok(Command::Help),
        "--version" | "-V" => return Ok(Command::Version),
        other => {
            return Err(UsageError(match lang {
                Lang::Fr => {
                    format!("commande inconnue « {other} » ; essayez : headroom plan --help")
                }
                Lang::En => format!("unknown command \"{other}\"; try: headroom plan --help"),
            }))
        }
    }

    let mut link: Option<String> = None;
    let mut values: Vec<(Key, String)> = Vec::new();
    let mut json = false;
    let mut compose = None;
    let mut base = None;
    let mut alerts = None;
    let mut kubernetes = None;
    let mut section = None;
    let mut measured: Vec<(Flag, PathBuf)> = Vec::new();
    let mut histogram = headroom_core::alerts::DEFAULT_HISTOGRAM.to_owned();
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        let Some(flag) = arg.strip_prefix("--") else {
            return Err(UsageError(match lang {
                Lang::Fr => {
                    format!("argument inattendu « {arg} » ; les entrées s'écrivent --clé valeur")
                }
                Lang::En => {
                    format!("unexpected argument \"{arg}\"; inputs are written --key value")
                }
            }));
        };
        let (name, inline) = match flag.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (flag, None),
        };
        let mut value = |what: String| -> Result<String, UsageError> {
            match inline.clone().or_else(|| iter.next().cloned()) {
                Some(value) => Ok(value),
                None => Err(UsageError(match lang {
                    Lang::Fr => format!("--{name} attend une valeur : {what}"),
                    Lang::En => format!("--{name} needs a value: {what}"),
                })),
            }
        };
        match name {
            "json" | "help" if inline.is_some() => {
                return Err(UsageError(match lang {
                    Lang::Fr => format!("--{name} ne prend pas de valeur"),
                    Lang::En => format!("--{name} takes no value"),
                }))
            }
            "json" => json = true,
            "help" => return Ok(Command::Help),
            "link" => link = Some(value(text(lang, "une URL de partage", "a share link URL"))?),
            "compose" => {
                compose = Some(PathBuf::from(value(text(
                    lang,
                    "un chemin de fichier",
                    "a file path",
                ))?))
            }
            "section" => {
                let names: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
                let name = value(names.join(", "))?;
                section = Some(Section::from_name(&name).ok_or_else(|| {
                    UsageError(match lang {
                        Lang::Fr => format!(
                            "--section : « {name} » refusé ; attendu : l'une des valeurs {}",
                            names.join(", ")
                        ),
                        Lang::En => format!(
                            "--section: \"{name}\" refused; expected one of {}",
                            names.join(", ")
                        ),
                    })
                })?);
            }
            "alerts" => {
                alerts = Some(PathBuf::from(value(text(
                    lang,
                    "un chemin de fichier",
                    "a file path",
                ))?))
            }
            "kubernetes" => {
                kubernetes = Some(PathBuf::from(value(text(lang, "un dossier", "a folder"))?))
            }
            "histogram" => {
                let name = value(text(
                    lang,
                    "un nom de métrique Prometheus",
                    "a Prometheus metric name",
                ))?;
                if !headroom_core::alerts::is_metric_name(&name) {
                    return Err(UsageError(match lang {
                        Lang::Fr => format!("--histogram : « {name} » refusé ; attendu : un nom de métrique Prometheus ([a-zA-Z_:][a-zA-Z0-9_:]*)"),
                        Lang::En => format!("--histogram: \"{name}\" refused; expected a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)"),
                    }));
                }
                histogram = name;
            }
            "stats" => measured.push((
                Flag::Stats,
                PathBuf::from(value(text(
                    lang,
                    "la sortie de docker stats --no-stream",
                    "the output of docker stats --no-stream",
                ))?),
            )),
            "loadtest" => measured.push((
                Flag::LoadTest,
                PathBuf::from(value(text(
                    lang,
                    "un rapport de oha, k6, autocannon, wrk ou pgbench",
                    "a report of oha, k6, autocannon, wrk or pgbench",
                ))?),
            )),
            "base" => {
                base = Some(PathBuf::from(value(text(
                    lang,
                    "votre docker-compose.yml",
                    "your docker-compose.yml",
                ))?))
            }
            _ => match Key::from_name(name) {
                Some(key) => {
                    let raw = value(key.allowed().describe(lang))?;
                    values.push((key, raw));
                }
                None => {
                    return Err(UsageError(match lang {
                        Lang::Fr => format!("option inconnue --{name} ; voir headroom plan --help"),
                        Lang::En => format!("unknown flag --{name}; see headroom plan --help"),
                    }))
                }
            },
        }
    }

    // The link first, then the flags on top of it.
    let mut scenario = match link {
        Some(link) => {
            if !is_link(&link) {
                return Err(UsageError(match lang {
                    Lang::Fr => format!("--link : « {link} » n'est ni un lien de partage (https://…/?users=…) ni sa requête (users=…)"),
                    Lang::En => format!("--link: \"{link}\" is neither a share link (https://…/?users=…) nor its query (users=…)"),
                }));
            }
            let decoded = query::decode(&link, defaults);
            if let Some(error) = decoded.errors.first() {
                return Err(UsageError(format!("--link {}", error.message(lang))));
            }
            decoded.scenario
        }
        None => Scenario::new(defaults),
    };
    for (key, raw) in &values {
        scenario
            .set(*key, raw)
            .map_err(|error| UsageError(error.message_with_prefix("--", lang)))?;
    }
    // The measurements on the machine the flags describe; the flags win
    // over what they set.
    let mut measurement_notes = Vec::new();
    if let Some(derived) = measure::derive(&measured, &scenario, scenario.lang)? {
        scenario = derived.apply(&scenario);
        for (key, raw) in &values {
            scenario
                .set(*key, raw)
                .map_err(|error| UsageError(error.message_with_prefix("--", lang)))?;
        }
        measurement_notes = derived
            .notes
            .iter()
            .map(|n| n.describe(scenario.lang))
            .collect();
    }
    if let Some(error) = scenario.refuse_unfit_connections() {
        return Err(UsageError(error.message_with_prefix("--", lang)));
    }
    Ok(Command::Plan(Box::new(Request {
        scenario,
        json,
        compose,
        base,
        alerts,
        kubernetes,
        histogram,
        section,
        measurement_notes,
    })))
}

/// The language a valid `--lang` asks for, if any.
fn requested_lang(args: &[String]) -> Option<Lang> {
    let mut iter = args.iter();
    let mut found = None;
    while let Some(arg) = iter.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => iter.next().map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_code) {
            found = Some(lang);
        }
    }
    found
}

/// A share link (a URL, with or without a query) or a query of `key=value`
/// pairs, possibly with its leading `?`.
fn is_link(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("http://")
        || text.starts_with("https://")
        || text.contains('?')
        || (!text.is_empty() && text.split('&').all(|pair| pair.contains('=')))
}

fn text(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// `headroom plan --help`.
pub fn help(lang: Lang) -> String {
    let mut out = match lang {
        Lang::Fr => String::from(
            "headroom — plan de capacité d'une pile auto-hébergée\n\n\
             Usage : headroom plan [--clé valeur]... [--link URL] [--json] [--compose FICHIER [--base FICHIER]] [--stats FICHIER] [--loadtest FICHIER]...\n\n\
             Entrées (les mêmes clés que dans un lien de partage) :\n",
        ),
        Lang::En => String::from(
            "headroom — capacity plan for a self-hosted stack\n\n\
             Usage: headroom plan [--key value]... [--link URL] [--json] [--compose FILE [--base FILE]] [--stats FILE] [--loadtest FILE]...\n\n\
             Inputs (the same keys as in a share link):\n",
        ),
    };
    for key in Key::ALL {
        let allowed = match key.allowed() {
            Allowed::OneOf(values) => values.join(" | "),
            other => other.describe(lang),
        };
        out.push_str(&format!(
            "  --{:<13} {}: {}\n",
            key.name(),
            key.description().get(lang),
            allowed
        ));
    }
    out.push_str(match lang {
        Lang::Fr => "\nAutres options :\n  --link URL       part d'un lien de partage ; les options le complètent\n  --json           sortie JSON\n  --compose FICHIER écrit le docker-compose.override.yml\n  --base FICHIER   votre docker-compose.yml : l'override prend vos noms de services\n                   et garde vos options de commande et votre NODE_OPTIONS\n  --stats FICHIER  la sortie de docker stats --no-stream (tableau ou --format '{{json .}}') :\n                   remplit cpu, ram et le tableau des conteneurs (ds)\n  --loadtest FICHIER un rapport de test de charge (oha JSON, k6 --summary-export,\n                   autocannon --json, wrk --latency, pgbench) : remplit svc, cs2, lt ;\n                   répétez-le à six niveaux de charge ou plus pour la loi USL (usl, par)\n  --alerts FICHIER écrit les règles d'alerte Prometheus (headroom-alerts.yml)\n  --kubernetes DOSSIER écrit la kustomization du palier 5 (Kubernetes)\n  --section NOM    n'affiche qu'une partie : agenda, summary, resources, latency, load,\n                   hardware, tuning, budget, decisions, roadmap, runbooks, considerations,\n                   conclusion, corrections\n  --histogram NOM  l'histogramme de durée des requêtes de l'API (http_request_duration_seconds)\n",
        Lang::En => "\nOther flags:\n  --link URL       start from a share link; flags override it\n  --json           print JSON\n  --compose FILE   write the docker-compose.override.yml\n  --base FILE      your docker-compose.yml: the override takes your service names\n                   and keeps your command flags and NODE_OPTIONS\n  --stats FILE     the output of docker stats --no-stream (table or --format '{{json .}}'):\n                   fills cpu, ram and the containers' table (ds)\n  --loadtest FILE  a load-test report (oha JSON, k6 --summary-export, autocannon --json,\n                   wrk --latency, pgbench): fills svc, cs2, lt; repeat it at six load\n                   levels or more for the Universal Scalability Law (usl, par)\n  --alerts FILE    write the Prometheus alerting rules (headroom-alerts.yml)\n  --kubernetes DIR write tier 5's kustomization (Kubernetes)\n  --section NAME   print one part: agenda, summary, resources, latency, load, hardware,\n                   tuning, budget, decisions, roadmap, runbooks, considerations,\n                   conclusion, corrections\n  --histogram NAME the API's request-duration histogram (http_request_duration_seconds)\n",
    });
    out
}
