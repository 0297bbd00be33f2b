//! The core's layers point down, and no two modules import each other in a
//! circle.
//!
//! Each file under `src/` is a module; its layer is its first folder (`base`,
//! `source`, `input`, `model`, `settings`, `plan`, `emit`) or `agenda`. A
//! module may name its own layer and those below it, never one above, and
//! `model` and `settings` (siblings) never name each other. Every `crate::`,
//! `super::` and `self::` path outside comments and outside the file's test
//! module counts, `use` trees included. `lib.rs` only declares and re-exports.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first; `model` and `settings` share a rank.
const LAYERS: [(&str, u8); 8] = [
    ("base", 0),
    ("source", 1),
    ("input", 2),
    ("model", 3),
    ("settings", 3),
    ("plan", 4),
    ("agenda", 5),
    ("emit", 6),
];

fn rank(layer: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == layer)
        .map(|(_, r)| *r)
}

/// A module's path under the crate (`["model", "resources"]`) from its file.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("a file under src/");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without its test module (the
/// tests of a module may build a whole plan).
fn code(text: &str) -> String {
    let mut kept = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed == "#[cfg(test)]" {
            if let Some(next) = lines.peek() {
                if next.trim_start().starts_with("mod tests") {
                    break;
                }
            }
        }
        if trimmed.starts_with("//") {
            continue;
        }
        // A trailing comment: cut at `//` outside a string (good enough for
        // this code base, whose strings hold no `//` next to a path).
        let line = match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// Every path a piece of code names from `crate::`, `super::` or `self::`,
/// with `use` trees (`crate::{a::b, c}`) expanded, made absolute.
fn paths(code: &str, module: &[String], is_mod_file: bool) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let starts_word = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':');
        let prefix = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|p| starts_word && rest.starts_with(p.as_bytes()));
        let Some(prefix) = prefix else {
            i += 1;
            continue;
        };
        // The module the path starts from.
        let mut base: Vec<String> = match prefix {
            "crate::" => Vec::new(),
            "self::" if is_mod_file => module.to_vec(),
            "self::" => module.to_vec(),
            _ => {
                let mut parent = module.to_vec();
                if !is_mod_file {
                    parent.pop();
                }
                // `super` of a folder module is its parent too.
                if is_mod_file {
                    parent.pop();
                }
                parent
            }
        };
        let mut j = i + prefix.len();
        // Further `super::` climb on.
        while code[j..].starts_with("super::") {
            base.pop();
            j += "super::".len();
        }
        let (tree, end) = use_tree(&code[j..]);
        for mut tail in tree {
            let mut full = base.clone();
            full.append(&mut tail);
            found.push(full);
        }
        i = j + end.max(1);
    }
    found
}

/// Reads a path or a `{…}` tree at the start of `text`: the list of paths it
/// names and how many bytes it used.
fn use_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let bytes = text.as_bytes();
    let mut segments = Vec::new();
    let mut i = 0;
    loop {
        if bytes.get(i) == Some(&b'{') {
            let mut out = Vec::new();
            i += 1;
            loop {
                while bytes
                    .get(i)
                    .is_some_and(|b| b.is_ascii_whitespace() || *b == b',')
                {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'}') || i >= bytes.len() {
                    i += 1;
                    break;
                }
                let (inner, used) = use_tree(&text[i..]);
                for mut tail in inner {
                    let mut full: Vec<String> = segments.clone();
                    full.append(&mut tail);
                    out.push(full);
                }
                i += used.max(1);
            }
            return (out, i);
        }
        let start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            i += 1;
        }
        if i > start {
            let word = &text[start..i];
            if word != "self" {
                segments.push(word.to_owned());
            }
        }
        if text[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![segments], i);
        }
    }
}

struct Core {
    /// Each module and the modules it names (the longest known prefix of each
    /// path).
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn core() -> Core {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<Vec<String>> = all.iter().map(|f| module_of(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for file in &all {
        let module = module_of(&src, file);
        if module.is_empty() {
            continue; // lib.rs
        }
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let text = fs::read_to_string(file).expect("a readable source file");
        let mut named = BTreeSet::new();
        for path in paths(&code(&text), &module, name == "mod.rs") {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|prefix| modules.contains(prefix))
                .unwrap_or_default();
            // A module's own ancestors hold it (`super::` to a folder's mod.rs);
            // the crate's root (`crate::Plan`) is not one: inside the core a
            // path names where a thing lives.
            if target != module && (target.is_empty() || !module.starts_with(&target)) {
                named.insert(target);
            }
        }
        edges.insert(module, named);
    }
    Core { edges }
}

fn show(module: &[String]) -> String {
    if module.is_empty() {
        "crate (lib.rs)".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn every_module_belongs_to_a_layer() {
    for module in core().edges.keys() {
        assert!(
            rank(&module[0]).is_some(),
            "{} is outside the layers {:?}",
            show(module),
            LAYERS.map(|(name, _)| name)
        );
    }
}

#[test]
fn the_imports_point_down() {
    let mut wrong = Vec::new();
    for (module, named) in &core().edges {
        let Some(own) = rank(&module[0]) else {
            continue;
        };
        for target in named {
            let ok = match target.first().and_then(|layer| rank(layer)) {
                // The crate's root re-exports: inside the core a module names
                // the path where a thing lives, so its layer shows.
                None => false,
                Some(r) => r < own || (r == own && target[0] == module[0]),
            };
            if !ok {
                wrong.push(format!("{} names {}", show(module), show(target)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that climb a layer:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn no_two_modules_import_each_other_in_a_circle() {
    let core = core();
    // Depth-first search for a back edge; the circle is printed whole.
    fn visit<'a>(
        node: &'a Vec<String>,
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<&'a Vec<String>, u8>,
        stack: &mut Vec<&'a Vec<String>>,
    ) -> Option<Vec<String>> {
        state.insert(node, 1);
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next) {
                Some(1) => {
                    let from = stack.iter().position(|m| *m == next).unwrap_or(0);
                    let mut circle: Vec<String> = stack[from..].iter().map(|m| show(m)).collect();
                    circle.push(show(next));
                    return Some(circle);
                }
                Some(_) => {}
                None => {
                    if let Some(circle) = visit(next, edges, state, stack) {
                        return Some(circle);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in core.edges.keys() {
        if !state.contains_key(node) {
            let mut stack = Vec::new();
            if let Some(circle) = visit(node, &core.edges, &mut state, &mut stack) {
                panic!("a circle of imports: {}", circle.join(" → "));
            }
        }
    }
}

/// The check itself reads paths right: a file that climbs is caught.
#[test]
fn the_reader_sees_paths_in_use_trees_and_super() {
    let module = vec!["model".to_owned(), "roadmap".to_owned()];
    let found = paths(
        &code("use crate::{base::text::{self, Lang}, settings::tuning};\nlet x = super::load::f();\n// crate::emit::compose in a comment\n"),
        &module,
        false,
    );
    let found: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        found,
        [
            "base::text",
            "base::text::Lang",
            "settings::tuning",
            "model::load::f"
        ]
    );
    assert!(code("a\n#[cfg(test)]\nmod tests {\n use crate::emit;\n}\n").trim() == "a");
}
