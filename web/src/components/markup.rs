//! Read-only parts of the page written as HTML text rather than built as
//! Yew nodes: a few `push_str` calls cost far less WebAssembly than a node
//! per element. Every text and attribute value goes through [`escape`].

use yew::{AttrValue, Html};

/// HTML text under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::with_capacity(1024))
    }

    /// `<tag name="value"…>`; the names are the code's, the values escaped.
    #[inline(never)]
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    #[inline(never)]
    pub fn close(&mut self, tag: &str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    #[inline(never)]
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape(&mut self.0, text);
        self
    }

    /// `<tag attributes…>text</tag>`.
    #[inline(never)]
    pub fn leaf(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Markup {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// The markup as one node of the page.
    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

/// Appends `text` with `&`, `<`, `>` and `"` escaped, for text and for
/// double-quoted attribute values alike.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
