//! `docker stats --no-stream`, as its table (the default one, a custom
//! `table …` template, the Windows one, or an old Docker's) or as
//! `--format '{{json .}}'` lines: per container, CPU in cores (100 % = one
//! core) and memory used against its limit; for the machine, the sums.

use super::error::{shown, ReadError, Tool};
use super::json;
use super::units;
use crate::base::units::{Cores, Mebibytes};
use crate::input::role::{role_of, Role};

/// One container's line.
#[derive(Clone, Debug, PartialEq)]
pub struct Container {
    /// Its name (or, when the table shows none, what identifies it).
    pub name: String,
    pub id: Option<String>,
    /// The service it plays in the stack, from its name; `None` for a
    /// container Headroom does not plan for (listed all the same).
    pub role: Option<Role>,
    /// `None` when Docker prints `--` (a container that is not running).
    pub cpu: Option<Cores>,
    pub memory: Option<Mebibytes>,
    /// The container's memory limit; Docker shows the host's memory for a
    /// container without one. `None` where the output has no limit.
    pub limit: Option<Mebibytes>,
    pub memory_percent: Option<f64>,
    /// Bytes received and sent.
    pub net_io: Option<(f64, f64)>,
    /// Bytes read and written.
    pub block_io: Option<(f64, f64)>,
    pub pids: Option<u32>,
}

/// How the output was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    JsonLines,
}

/// A `docker stats` snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct DockerStats {
    pub format: Format,
    pub containers: Vec<Container>,
    /// CPU of all containers, in cores.
    pub total_cpu: Cores,
    /// Memory of all containers.
    pub total_memory: Mebibytes,
}

impl DockerStats {
    /// The containers' CPU as a share of a machine of `cores` (percent).
    pub fn cpu_percent_of(&self, cores: f64) -> f64 {
        100.0 * self.total_cpu.0 / cores
    }

    /// The containers' memory as a share of a machine's `memory` (percent).
    pub fn memory_percent_of(&self, memory: Mebibytes) -> f64 {
        100.0 * self.total_memory.0 / memory.0
    }

    /// The containers playing `role` (replicas add up).
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Container> {
        self.containers.iter().filter(move |c| c.role == Some(role))
    }

    /// The largest limit shown: the host's memory when at least one
    /// container runs without a limit.
    pub fn largest_limit(&self) -> Option<Mebibytes> {
        self.containers
            .iter()
            .filter_map(|c| c.limit)
            .max_by(|a, b| a.0.total_cmp(&b.0))
    }
}

/// True when `text` has the shape of `docker stats` output.
pub fn looks_like(text: &str) -> bool {
    text.lines().take(50).any(|line| {
        let line = strip_ansi(line);
        let line = line.trim();
        (line.starts_with('{') && line.contains("\"CPUPerc\""))
            || header(line).is_some_and(|cols| cols.contains(&Column::Cpu))
            // A header with a column Headroom does not know, to say which.
            || (matches!(header_or_unknown(line), Err(Some(_)))
                && (line.contains("CPU") || line.contains("MEM")))
    })
}

/// Reads `docker stats` output; when it holds several refreshes (a
/// streamed run), the last complete one.
pub fn read(text: &str) -> Result<DockerStats, ReadError> {
    let text = super::checked(text)?;
    let first = text
        .lines()
        .map(|l| strip_ansi(l).trim().to_owned())
        .find(|l| !l.is_empty() && !is_prompt(l))
        .unwrap_or_default();
    let (format, containers) = if first.starts_with('{') {
        (Format::JsonLines, json_lines(text)?)
    } else {
        (Format::Table, table(text)?)
    };
    if containers.is_empty() {
        return Err(ReadError::NoContainers);
    }
    let total_cpu = containers.iter().filter_map(|c| c.cpu).sum();
    let total_memory = containers.iter().filter_map(|c| c.memory).sum();
    Ok(DockerStats {
        format,
        containers,
        total_cpu,
        total_memory,
    })
}

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Container,
    Cpu,
    MemUsage,
    /// Windows: memory used, no limit.
    PrivateSet,
    MemPercent,
    Net,
    Block,
    Pids,
}

/// Header labels as words, longest first so `CONTAINER ID` wins over `CONTAINER`.
const LABELS: &[(&[&str], Column)] = &[
    (&["MEM", "USAGE", "/", "LIMIT"], Column::MemUsage),
    (&["PRIV", "WORKING", "SET"], Column::PrivateSet),
    (&["MEM", "USAGE/LIMIT"], Column::MemUsage),
    (&["CONTAINER", "ID"], Column::Id),
    (&["CPU", "%"], Column::Cpu),
    (&["MEM", "%"], Column::MemPercent),
    (&["NET", "I/O"], Column::Net),
    (&["BLOCK", "I/O"], Column::Block),
    (&["CONTAINER"], Column::Container),
    (&["NAME"], Column::Name),
    (&["ID"], Column::Id),
    (&["PIDS"], Column::Pids),
];

/// The columns of a header line, or `None` when `line` is not one.
fn header(line: &str) -> Option<Vec<Column>> {
    header_or_unknown(line).ok()
}

/// The columns of a header line; `Err(Some(word))` at an unknown label of
/// a line that starts like a header, `Err(None)` for any other line.
fn header_or_unknown(line: &str) -> Result<Vec<Column>, Option<String>> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.to_ascii_uppercase())
        .collect();
    let starts_like_header = matches!(
        words.first().map(String::as_str),
        Some("CONTAINER" | "NAME" | "ID")
    );
    if !starts_like_header {
        return Err(None);
    }
    let mut columns = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((label, column)) = LABELS.iter().find(|(label, _)| {
            words
                .get(i..i + label.len())
                .is_some_and(|w| w.iter().zip(label.iter()).all(|(a, b)| a == b))
        }) else {
            return Err(Some(words[i..].join(" ")));
        };
        columns.push(*column);
        i += label.len();
    }
    Ok(columns)
}

/// Shell prompts pasted with the output (`$ docker stats --no-stream`).
fn is_prompt(line: &str) -> bool {
    line.starts_with("$ ") || line.starts_with("# ") || line.starts_with("PS ") || line == "$"
}

/// `line` without ANSI escape sequences (a streamed `docker stats` clears
/// the screen before each refresh).
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.next() == Some('[') {
            // Parameters, then one final byte in @..~.
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    out
}

fn table(text: &str) -> Result<Vec<Container>, ReadError> {
    let mut columns: Option<Vec<Column>> = None;
    let mut frame: Vec<Container> = Vec::new();
    let mut last_complete: Vec<Container> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = strip_ansi(raw);
        let line = line.trim();
        if line.is_empty() || is_prompt(line) {
            continue;
        }
        match header_or_unknown(line) {
            Ok(found) => {
                if !frame.is_empty() {
                    last_complete = std::mem::take(&mut frame);
                }
                columns = Some(found);
                continue;
            }
            Err(Some(column)) if columns.is_none() => {
                return Err(ReadError::UnknownColumn {
                    column: shown(&column),
                })
            }
            Err(_) => {}
        }
        let bad = || ReadError::BadLine {
            tool: Tool::DockerStats,
            line: index + 1,
            text: shown(line),
        };
        let Some(columns) = &columns else {
            return Err(bad());
        };
        let cells = cells(line);
        if cells.len() != columns.len() {
            return Err(bad());
        }
        frame.push(container(columns.iter().copied().zip(cells)).ok_or_else(bad)?);
    }
    if columns.is_none() {
        return Err(ReadError::Unrecognised);
    }
    Ok(if frame.is_empty() {
        last_complete
    } else {
        frame
    })
}

/// A table row's cells: words, with `38.21 MiB` and `a / b` joined back.
fn cells(line: &str) -> Vec<String> {
    let spaced = line.replace('/', " / ");
    let mut words: Vec<String> = Vec::new();
    for word in spaced.split_whitespace() {
        let joins_unit = word.chars().all(|c| c.is_ascii_alphabetic())
            && units::bytes(&format!("1{word}")).is_some()
            && words.last().is_some_and(|w| {
                !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.')
            });
        match words.last_mut() {
            Some(last) if joins_unit => last.push_str(word),
            _ => words.push(word.to_owned()),
        }
    }
    let mut cells: Vec<String> = Vec::new();
    let mut iter = words.into_iter().peekable();
    while let Some(word) = iter.next() {
        if word == "/" {
            if let (Some(last), Some(next)) = (cells.last_mut(), iter.next()) {
                last.push('/');
                last.push_str(&next);
                continue;
            }
        }
        cells.push(word);
    }
    cells
}

/// A container from (column, cell) pairs; `None` when a cell cannot be read.
fn container(cells: impl Iterator<Item = (Column, String)>) -> Option<Container> {
    let mut c = Container {
        name: String::new(),
        id: None,
        role: None,
        cpu: None,
        memory: None,
        limit: None,
        memory_percent: None,
        net_io: None,
        block_io: None,
        pids: None,
    };
    let mut label = None;
    for (column, cell) in cells {
        let cell = cell.trim();
        let dashes = cell.chars().all(|ch| ch == '-' || ch == '/' || ch == ' ');
        match column {
            Column::Name => c.name = cell.trim_start_matches('/').to_owned(),
            Column::Id => c.id = Some(cell.to_owned()),
            Column::Container => label = Some(cell.to_owned()),
            _ if dashes => {}
            Column::Cpu => c.cpu = Some(Cores(units::percent(cell)? / 100.0)),
            Column::MemPercent => c.memory_percent = Some(units::percent(cell)?),
            Column::MemUsage => {
                let (used, limit) = pair(cell)?;
                c.memory = Some(mebibytes(used));
                c.limit = Some(mebibytes(limit));
            }
            Column::PrivateSet => {
                // The docs show it with and without a limit after it.
                match pair(cell) {
                    Some((used, limit)) => {
                        c.memory = Some(mebibytes(used));
                        c.limit = Some(mebibytes(limit));
                    }
                    None => c.memory = Some(mebibytes(units::bytes(cell)?)),
                }
            }
            Column::Net => c.net_io = Some(pair(cell)?),
            Column::Block => c.block_io = Some(pair(cell)?),
            Column::Pids => c.pids = Some(cell.parse().ok()?),
        }
    }
    if c.name.is_empty() {
        c.name = label.or_else(|| c.id.clone()).unwrap_or_default();
    }
    if c.name.is_empty() {
        return None;
    }
    c.role = role_of(&c.name);
    Some(c)
}

/// `a / b` as two byte counts.
fn pair(cell: &str) -> Option<(f64, f64)> {
    let (a, b) = cell.split_once('/')?;
    Some((units::bytes(a)?, units::bytes(b)?))
}

fn mebibytes(bytes: f64) -> Mebibytes {
    Mebibytes::from_bytes(bytes)
}

/// `--format '{{json .}}'`: one object a line.
fn json_lines(text: &str) -> Result<Vec<Container>, ReadError> {
    const KEYS: [(&str, Column); 9] = [
        ("Name", Column::Name),
        ("ID", Column::Id),
        ("Container", Column::Container),
        ("CPUPerc", Column::Cpu),
        ("MemUsage", Column::MemUsage),
        ("MemPerc", Column::MemPercent),
        ("NetIO", Column::Net),
        ("BlockIO", Column::Block),
        ("PIDs", Column::Pids),
    ];
    let mut containers = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = strip_ansi(line);
        let line = line.trim();
        if line.is_empty() || is_prompt(line) {
            continue;
        }
        let bad = || ReadError::BadLine {
            tool: Tool::DockerStats,
            line: index + 1,
            text: shown(line),
        };
        let value = json::parse(line, Some(Tool::DockerStats)).map_err(|e| match e {
            ReadError::Json {
                tool,
                column,
                truncated,
                ..
            } => ReadError::Json {
                tool,
                line: index + 1,
                column,
                truncated,
            },
            other => other,
        })?;
        let object = value.as_object().ok_or_else(bad)?;
        let cells = KEYS.iter().filter_map(|(key, column)| {
            let cell = object.get(*key)?.as_str()?;
            Some((*column, cell.to_owned()))
        });
        containers.push(container(cells).ok_or_else(bad)?);
    }
    Ok(containers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_join_units_and_pairs() {
        assert_eq!(
            cells("09d3bb5b1604        6.61%               38.21 MiB           17.1 kB / 7.73 kB   10.7 MB / 3.57 MB"),
            ["09d3bb5b1604", "6.61%", "38.21MiB", "17.1kB/7.73kB", "10.7MB/3.57MB"]
        );
        assert_eq!(
            cells("company_db_1              10.76%              288 MiB/13.7 GiB     2.05%               39.97 GiB/219.3 GiB"),
            ["company_db_1", "10.76%", "288MiB/13.7GiB", "2.05%", "39.97GiB/219.3GiB"]
        );
        assert_eq!(cells("abc  --  -- / --  --"), ["abc", "--", "--/--", "--"]);
    }

    #[test]
    fn ansi_codes_are_dropped() {
        assert_eq!(strip_ansi("\u{1b}[2J\u{1b}[HCONTAINER ID"), "CONTAINER ID");
    }

    #[test]
    fn a_streamed_run_keeps_its_last_refresh() {
        let frame = |cpu: &str| {
            format!("\u{1b}[2J\u{1b}[HNAME  CPU %  MEM USAGE / LIMIT\nshop-api-1  {cpu}  10MiB / 1GiB\n")
        };
        let stats = read(&(frame("1.00%") + &frame("250.00%"))).expect("reads");
        assert_eq!(stats.containers.len(), 1);
        assert_eq!(stats.total_cpu, Cores(2.5));
    }
}
