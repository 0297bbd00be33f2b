//! A small YAML writer for the bundle: lines, wrapped comments and quoted
//! scalars. Hand-written like the compose override, so no YAML library
//! reaches the site's build.

use std::fmt::Write;

/// Comments wrap before this column.
const WIDTH: usize = 80;

#[derive(Default)]
pub struct Yaml {
    text: String,
    /// Whether the current document has a line other than comments.
    started: bool,
}

impl Yaml {
    pub fn new() -> Yaml {
        Yaml::default()
    }

    /// One line at `indent` spaces.
    pub fn line(&mut self, indent: usize, line: &str) {
        self.started = true;
        let _ = writeln!(self.text, "{:indent$}{line}", "");
    }

    /// `key: value` at `indent`, with the comment on the same line.
    pub fn field(&mut self, indent: usize, key: &str, value: &str, comment: &str) {
        self.started = true;
        let _ = writeln!(self.text, "{:indent$}{key}: {value}  # {comment}", "");
    }

    /// A comment, wrapped at [`WIDTH`] on spaces; each of `text`'s own lines
    /// starts a new one.
    pub fn comment(&mut self, indent: usize, text: &str) {
        let room = WIDTH.saturating_sub(indent + 2).max(20);
        for paragraph in text.lines() {
            let paragraph = unbreakable(paragraph);
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
                    let _ = writeln!(self.text, "{:indent$}# {line}", "");
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            let _ = writeln!(self.text, "{:indent$}# {line}", "");
        }
    }

    /// The next document of the stream; nothing before the first one, so
    /// that a file's opening comments never make an empty document.
    pub fn separator(&mut self) {
        if self.started {
            self.text.push_str("---\n");
            self.started = false;
        }
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// French puts a space before `:`, `;`, `?`, `!` and inside « »: made
/// no-break, so that a line never starts with one of them.
fn unbreakable(text: &str) -> String {
    text.replace(" :", "\u{a0}:")
        .replace(" ;", "\u{a0};")
        .replace(" ?", "\u{a0}?")
        .replace(" !", "\u{a0}!")
        .replace(" »", "\u{a0}»")
        .replace("« ", "«\u{a0}")
}

pub use crate::emit::yaml::quoted;
