//! A YAML loader whose cost is bounded, for files a user pastes or names:
//! the input's size, the nesting depth and the number of nodes built (each
//! alias counts every node it repeats) are capped, so that an alias bomb of a
//! few hundred bytes is refused in microseconds instead of expanding to
//! gigabytes. The parser's events are pulled one at a time (the parser keeps
//! its own state on a heap stack), so deep nesting cannot overflow the call
//! stack either. A key given twice in one mapping is refused with its line.

use crate::base::text::Lang;
use crate::base::units::{KIB, MIB};
use std::fmt;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};
use yaml_rust2::yaml::Hash;
use yaml_rust2::Yaml;

/// The largest input read: a compose file is a few kilobytes.
pub const MAX_BYTES: usize = MIB;
/// The deepest nesting of mappings and lists.
pub const MAX_DEPTH: usize = 64;
/// The most nodes built, aliases expanded.
pub const MAX_NODES: usize = 100_000;

/// Why a text was not loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Over [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Nested deeper than [`MAX_DEPTH`] at `line`.
    TooDeep { line: usize },
    /// More than [`MAX_NODES`] nodes once aliases are expanded, at `line`.
    TooManyNodes { line: usize },
    /// The parser's own complaint.
    Syntax {
        line: usize,
        column: usize,
        info: String,
    },
    /// A key given twice in one mapping; `parent` is the key the mapping
    /// sits under, and `depth` its depth (1 = the document's top level).
    Duplicate {
        key: String,
        parent: Option<String>,
        depth: usize,
        line: usize,
    },
    /// An alias to an anchor not defined before it.
    UnknownAlias { line: usize },
    /// Nothing but comments and blank lines.
    Empty,
}

impl Problem {
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        match self {
            Problem::TooLarge { bytes } => {
                let (kib, max) = (bytes.div_ceil(KIB), MAX_BYTES / KIB);
                if fr {
                    format!("le fichier fait {kib} Kio ; Headroom en lit {max} Kio au plus")
                } else {
                    format!("the file is {kib} KiB; Headroom reads at most {max} KiB")
                }
            }
            Problem::TooDeep { line } => {
                if fr {
                    format!("ligne {line} : imbrication de plus de {MAX_DEPTH} niveaux, refusée")
                } else {
                    format!("line {line}: nested more than {MAX_DEPTH} levels deep, refused")
                }
            }
            Problem::TooManyNodes { line } => {
                if fr {
                    format!(
                        "ligne {line} : les alias (*) développent le fichier au-delà de {MAX_NODES} éléments, refusé \
                         (une « bombe d'alias » ?)"
                    )
                } else {
                    format!(
                        "line {line}: the aliases (*) expand the file past {MAX_NODES} nodes, refused \
                         (an \"alias bomb\"?)"
                    )
                }
            }
            Problem::Syntax { line, column, info } => {
                if fr {
                    format!(
                        "YAML illisible ligne {line}, colonne {column} (le lecteur dit : {info})"
                    )
                } else {
                    format!(
                        "unreadable YAML at line {line}, column {column} (the reader says: {info})"
                    )
                }
            }
            Problem::Duplicate {
                key,
                parent,
                depth,
                line,
            } => match (parent.as_deref(), depth) {
                (Some("services"), 2) if fr => {
                    format!("le service {key} est défini deux fois (ligne {line})")
                }
                (Some("services"), 2) => {
                    format!("the service {key} is defined twice (line {line})")
                }
                (Some(parent), _) if fr => {
                    format!("la clé {key} est donnée deux fois sous {parent} (ligne {line})")
                }
                (Some(parent), _) => {
                    format!("the key {key} is given twice under {parent} (line {line})")
                }
                (None, _) if fr => format!("la clé {key} est donnée deux fois (ligne {line})"),
                (None, _) => format!("the key {key} is given twice (line {line})"),
            },
            Problem::UnknownAlias { line } => {
                if fr {
                    format!("ligne {line} : un alias (*) renvoie à une ancre (&) qui n'est pas définie avant lui")
                } else {
                    format!(
                        "line {line}: an alias (*) refers to an anchor (&) not defined before it"
                    )
                }
            }
            Problem::Empty => {
                if fr {
                    "le fichier est vide".to_owned()
                } else {
                    "the file is empty".to_owned()
                }
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A mapping or list being built.
struct Open {
    node: Yaml,
    anchor: usize,
    /// Nodes in it so far, itself included.
    size: usize,
    /// A mapping's key waiting for its value, and its line.
    key: Option<(Yaml, usize)>,
    /// The key this node sits under in its parent mapping.
    under: Option<String>,
}

/// The first document of `text`, or why it cannot be read.
pub fn load(text: &str) -> Result<Yaml, Problem> {
    if text.len() > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: text.len() });
    }
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    // Each anchor's node and its size, aliases expanded.
    let mut anchors: Vec<(usize, Yaml, usize)> = Vec::new();
    let mut total = 0usize;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let line = e.marker().line();
            // The scanner caps flow nesting (`[[[[…`) on its own.
            if e.info().contains("recursion limit") {
                Problem::TooDeep { line }
            } else {
                Problem::Syntax {
                    line,
                    column: e.marker().col() + 1,
                    info: e.info().to_owned(),
                }
            }
        })?;
        let line = mark.line();
        let (node, anchor, size) = match event {
            Event::StreamEnd | Event::DocumentEnd => return Err(Problem::Empty),
            Event::Nothing | Event::StreamStart | Event::DocumentStart => continue,
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Problem::TooDeep { line });
                }
                total += 1;
                if total > MAX_NODES {
                    return Err(Problem::TooManyNodes { line });
                }
                let node = if matches!(event, Event::MappingStart(..)) {
                    Yaml::Hash(Hash::new())
                } else {
                    Yaml::Array(Vec::new())
                };
                let under = stack
                    .last()
                    .and_then(|open| open.key.as_ref())
                    .and_then(|(key, _)| key_text(key));
                stack.push(Open {
                    node,
                    anchor,
                    size: 1,
                    key: None,
                    under,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = stack.pop() else {
                    return Err(Problem::Empty);
                };
                (open.node, open.anchor, open.size)
            }
            Event::Scalar(value, style, anchor, tag) => {
                total += 1;
                if total > MAX_NODES {
                    return Err(Problem::TooManyNodes { line });
                }
                (scalar(value, style, tag), anchor, 1)
            }
            Event::Alias(id) => {
                let Some((_, node, size)) = anchors.iter().rev().find(|(a, _, _)| *a == id) else {
                    return Err(Problem::UnknownAlias { line });
                };
                // Counted before it is copied: the copy is never larger than the cap.
                total += size;
                if total > MAX_NODES {
                    return Err(Problem::TooManyNodes { line });
                }
                (node.clone(), 0, *size)
            }
        };
        if anchor > 0 {
            anchors.push((anchor, node.clone(), size));
        }
        let depth = stack.len();
        let Some(parent) = stack.last_mut() else {
            return Ok(node);
        };
        parent.size += size;
        insert(parent, node, depth, mark)?;
    }
}

/// Puts a finished node into its parent: a list item, a mapping's key, or
/// its value.
fn insert(parent: &mut Open, node: Yaml, depth: usize, mark: Marker) -> Result<(), Problem> {
    match &mut parent.node {
        Yaml::Array(items) => items.push(node),
        Yaml::Hash(map) => match parent.key.take() {
            None => parent.key = Some((node, mark.line())),
            Some((key, line)) => {
                if map.contains_key(&key) {
                    return Err(Problem::Duplicate {
                        key: key_text(&key).unwrap_or_else(|| "?".to_owned()),
                        parent: parent.under.clone(),
                        depth,
                        line,
                    });
                }
                map.insert(key, node);
            }
        },
        _ => {}
    }
    Ok(())
}

/// A key as text, for messages and paths.
fn key_text(key: &Yaml) -> Option<String> {
    match key {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(n) => Some(n.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A scalar typed as YAML 1.2's core schema types it: quoted ones are
/// strings, plain ones may be numbers, booleans or null.
fn scalar(value: String, style: TScalarStyle, tag: Option<Tag>) -> Yaml {
    if style != TScalarStyle::Plain {
        return Yaml::String(value);
    }
    match tag {
        // `!!str 1.0`, and Compose's own `!reset` or `!override`: the text.
        Some(tag) if !(tag.handle == "tag:yaml.org,2002:" && tag.suffix != "str") => {
            Yaml::String(value)
        }
        _ => Yaml::from_str(&value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings_lists_anchors_and_types_load_as_yaml_does() {
        let doc = load("a: &x [1, '2', true, ~]\nb: *x\nc: {d: 1.5}\n").expect("loads");
        assert_eq!(doc["a"], doc["b"]);
        assert_eq!(doc["a"][0], Yaml::Integer(1));
        assert_eq!(doc["a"][1], Yaml::String("2".to_owned()));
        assert_eq!(doc["a"][2], Yaml::Boolean(true));
        assert_eq!(doc["a"][3], Yaml::Null);
        assert_eq!(doc["c"]["d"], Yaml::Real("1.5".to_owned()));
    }

    #[test]
    fn an_alias_bomb_is_refused_by_its_count() {
        let mut text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n".to_owned();
        for level in 1..9 {
            let prev = level - 1;
            let items = vec![format!("*a{prev}"); 9].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        let problem = load(&text).expect_err("refused");
        assert!(
            matches!(problem, Problem::TooManyNodes { .. }),
            "{problem:?}"
        );
    }

    #[test]
    fn depth_size_and_duplicates_are_refused_with_their_line() {
        let flow = "[".repeat(100_000);
        assert_eq!(load(&flow), Err(Problem::TooDeep { line: 1 }));
        let block: String = (0..200)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        assert_eq!(load(&block), Err(Problem::TooDeep { line: 65 }));
        let huge = "#".repeat(MAX_BYTES + 1);
        assert!(matches!(load(&huge), Err(Problem::TooLarge { .. })));
        let twice = "services:\n  api:\n    image: node\n  db:\n    image: postgres\n  api:\n    image: node\n";
        assert_eq!(
            load(twice).expect_err("refused").describe(Lang::En),
            "the service api is defined twice (line 6)"
        );
        assert_eq!(
            load(twice).expect_err("refused").describe(Lang::Fr),
            "le service api est défini deux fois (ligne 6)"
        );
        let key = "services:\n  api:\n    image: node\n    image: node:20\n";
        assert_eq!(
            load(key).expect_err("refused").describe(Lang::En),
            "the key image is given twice under api (line 4)"
        );
    }
}
