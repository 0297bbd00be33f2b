//! Why a pasted measurement could not be read, in both languages.

use super::{MAX_BYTES, MAX_LINES};
use crate::base::text::{self, Lang};
use crate::base::units::Mebibytes;
use std::fmt;

/// The tool whose output was being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tool {
    DockerStats,
    Oha,
    K6,
    Autocannon,
    Wrk,
    Pgbench,
    PgbenchLog,
}

impl Tool {
    /// How the tool is named in a message.
    pub fn name(self) -> &'static str {
        match self {
            Tool::DockerStats => "docker stats",
            Tool::Oha => "oha",
            Tool::K6 => "k6",
            Tool::Autocannon => "autocannon",
            Tool::Wrk => "wrk",
            Tool::Pgbench => "pgbench",
            Tool::PgbenchLog => "pgbench -l",
        }
    }
}

/// What is wrong with a pasted text, a load-test level or a set of levels.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Nothing but blanks.
    Empty,
    /// Longer than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// More than [`MAX_LINES`] lines.
    TooManyLines,
    /// A NUL byte: a binary file, not a tool's text output.
    Binary,
    /// Neither `docker stats` nor a report of a known tool.
    Unrecognised,
    /// Valid JSON, but from no tool Headroom reads.
    UnknownJson,
    /// Not valid JSON at `line`:`column`; `truncated` when the text stops
    /// in the middle of a value.
    Json {
        tool: Option<Tool>,
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// A figure the report should hold is not there.
    Missing { tool: Tool, field: &'static str },
    /// A figure is there but is not a number in its range.
    Invalid {
        tool: Tool,
        field: &'static str,
        value: String,
    },
    /// A line (1-based) that does not have the tool's shape.
    BadLine {
        tool: Tool,
        line: usize,
        text: String,
    },
    /// A `docker stats` column header Headroom does not know.
    UnknownColumn { column: String },
    /// A `docker stats` table with no container row.
    NoContainers,
    /// More containers than a plan keeps.
    TooManyContainers { got: usize },
    /// A report in which no request (or transaction) completed.
    NoRequests { tool: Tool },
    /// A Universal Scalability Law fit from fewer than six load levels.
    TooFewLevels { got: usize },
    /// More load levels than a fit takes.
    TooManyLevels { got: usize },
    /// A load level whose concurrency or throughput is out of range
    /// (`index` is 1-based).
    BadLevel { index: usize },
    /// Two load levels at the same concurrency.
    DuplicateLevel { concurrency: f64 },
}

/// At most 40 characters of what the user gave, for a message.
pub(crate) fn shown(value: &str) -> String {
    const SHOWN: usize = 40;
    let mut short: String = value.trim().chars().take(SHOWN).collect();
    if value.trim().chars().count() > SHOWN {
        short.push('…');
    }
    short
}

impl ReadError {
    /// The message in `lang`: what is wrong, and what would be read.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let pick = |f: String, e: String| if fr { f } else { e };
        match self {
            ReadError::Empty => pick(
                "le texte est vide : collez la sortie de docker stats ou d'un test de charge".into(),
                "the text is empty: paste the output of docker stats or of a load test".into(),
            ),
            ReadError::TooLarge { .. } => {
                let max = text::number(Mebibytes::from_bytes(MAX_BYTES as f64).0, 1, lang);
                pick(
                    format!("le texte dépasse {max} Mio ; au-delà, échantillonnez (pgbench --sampling-rate) ou raccourcissez le test"),
                    format!("the text is over {max} MiB; beyond that, sample (pgbench --sampling-rate) or shorten the test"),
                )
            }
            ReadError::TooManyLines => {
                let n = text::integer(MAX_LINES as f64, lang);
                pick(
                    format!("le texte a plus de {n} lignes ; au plus {n} (échantillonnez un journal pgbench avec --sampling-rate)"),
                    format!("the text has more than {n} lines; at most {n} (sample a pgbench log with --sampling-rate)"),
                )
            }
            ReadError::Binary => pick(
                "le texte contient un octet nul : c'est un fichier binaire, pas la sortie d'un outil".into(),
                "the text holds a NUL byte: a binary file, not a tool's output".into(),
            ),
            ReadError::Unrecognised => pick(
                "format inconnu ; attendu : docker stats (tableau ou --format '{{json .}}'), oha --output-format json, k6 --summary-export, autocannon --json, wrk --latency, pgbench (résumé ou journal -l)".into(),
                "unknown format; expected docker stats (table or --format '{{json .}}'), oha --output-format json, k6 --summary-export, autocannon --json, wrk --latency, pgbench (summary or -l log)".into(),
            ),
            ReadError::UnknownJson => pick(
                "ce JSON ne vient ni d'oha, ni de k6 (--summary-export), ni d'autocannon (--json)".into(),
                "this JSON is from neither oha, k6 (--summary-export) nor autocannon (--json)".into(),
            ),
            ReadError::Json { tool, line, column, truncated } => {
                let who = tool.map(|t| format!("{} : ", t.name())).unwrap_or_default();
                let who_en = tool.map(|t| format!("{}: ", t.name())).unwrap_or_default();
                match truncated {
                    true => pick(
                        format!("{who}le JSON s'arrête avant sa fin (ligne {line}) : le rapport est tronqué"),
                        format!("{who_en}the JSON stops before its end (line {line}): the report is truncated"),
                    ),
                    false => pick(
                        format!("{who}JSON invalide ligne {line}, colonne {column}"),
                        format!("{who_en}invalid JSON at line {line}, column {column}"),
                    ),
                }
            }
            ReadError::Missing { tool, field } => {
                let tool = tool.name();
                pick(
                    format!("{tool} : « {field} » manque (le rapport est-il tronqué ?)"),
                    format!("{tool}: \"{field}\" is missing (is the report truncated?)"),
                )
            }
            ReadError::Invalid { tool, field, value } => {
                let tool = tool.name();
                pick(
                    format!("{tool} : « {field} » vaut « {value} » ; attendu : un nombre fini ≥ 0"),
                    format!("{tool}: \"{field}\" is \"{value}\"; expected a finite number ≥ 0"),
                )
            }
            ReadError::BadLine { tool, line, text } => {
                let name = tool.name();
                let expected = match (tool, fr) {
                    (Tool::PgbenchLog, true) => "6 ou 7 nombres : client, transaction, durée µs, script, époque s, µs [, retard µs]",
                    (Tool::PgbenchLog, false) => "6 or 7 numbers: client, transaction, time µs, script, epoch s, µs [, lag µs]",
                    (Tool::DockerStats, true) => "une cellule par colonne de l'en-tête",
                    (Tool::DockerStats, false) => "one cell per column of the header",
                    (_, true) => "une ligne du rapport de l'outil",
                    (_, false) => "a line of the tool's report",
                };
                pick(
                    format!("{name} : ligne {line} illisible (« {text} ») ; attendu : {expected}"),
                    format!("{name}: line {line} cannot be read (\"{text}\"); expected {expected}"),
                )
            }
            ReadError::UnknownColumn { column } => pick(
                format!("docker stats : colonne « {column} » inconnue ; connues : NAME, CONTAINER ID, CONTAINER, CPU %, MEM USAGE / LIMIT, MEM %, NET I/O, BLOCK I/O, PIDS"),
                format!("docker stats: unknown column \"{column}\"; known: NAME, CONTAINER ID, CONTAINER, CPU %, MEM USAGE / LIMIT, MEM %, NET I/O, BLOCK I/O, PIDS"),
            ),
            ReadError::NoContainers => pick(
                "docker stats : l'en-tête est là mais aucun conteneur ne suit (aucun ne tourne ?)".into(),
                "docker stats: the header is there but no container follows (none running?)".into(),
            ),
            ReadError::TooManyContainers { got } => {
                let max = crate::input::measured::MAX_CONTAINERS;
                pick(
                    format!("docker stats : {got} conteneurs ; Headroom en lit au plus {max} (gardez ceux de la pile)"),
                    format!("docker stats: {got} containers; Headroom reads at most {max} (keep the stack's)"),
                )
            }
            ReadError::NoRequests { tool } => {
                let tool = tool.name();
                pick(
                    format!("{tool} : aucune requête n'a abouti ; rien à mesurer"),
                    format!("{tool}: no request completed; nothing to measure"),
                )
            }
            ReadError::TooFewLevels { got } => pick(
                format!("loi d'extensibilité universelle : {got} {} de charge ; il en faut au moins 6 (concurrence, débit)", text::noun(*got as f64, "niveau", "niveaux", lang)),
                format!("Universal Scalability Law: {got} load {}; at least 6 are needed (concurrency, throughput)", text::noun(*got as f64, "level", "levels", lang)),
            ),
            ReadError::TooManyLevels { got } => {
                let got = text::integer(*got as f64, lang);
                let max = text::integer(super::MAX_LEVELS as f64, lang);
                pick(
                    format!("loi d'extensibilité universelle : {got} niveaux de charge ; au plus {max}"),
                    format!("Universal Scalability Law: {got} load levels; at most {max}"),
                )
            }
            ReadError::BadLevel { index } => pick(
                format!("loi d'extensibilité universelle : niveau {index} refusé ; attendu : concurrence de 1 à 1 000 000 et débit fini > 0"),
                format!("Universal Scalability Law: level {index} refused; expected concurrency 1 to 1,000,000 and a finite throughput > 0"),
            ),
            ReadError::DuplicateLevel { concurrency } => {
                let n = text::number(*concurrency, 2, lang);
                pick(
                    format!("loi d'extensibilité universelle : deux niveaux à la concurrence {n} ; un seul par concurrence (faites la moyenne des répétitions)"),
                    format!("Universal Scalability Law: two levels at concurrency {n}; one per concurrency (average repeated runs)"),
                )
            }
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ReadError {}
