//! One file per section of the page. Sections are plain view functions of
//! the plan: only the parts with state of their own (the copy buttons) are
//! components, which keeps the WebAssembly small.

pub mod agenda_view;
pub mod answer;
pub mod budget_bar;
pub mod compose_view;
pub mod conclusion;
pub mod considerations;
pub mod copy_button;
pub mod decision_table;
pub mod download_link;
pub mod folded;
pub mod growth_chart;
pub mod hardware;
pub mod inputs;
pub mod kubernetes_bundle;
pub mod latency_view;
pub mod later;
pub mod load_profile;
pub mod measurements_view;
pub mod notices;
pub mod paste_base;
pub mod resources_view;
pub mod roadmap_view;
pub mod runbooks;
pub mod summary;
pub mod tuning_view;

use crate::i18n::Lang;
use headroom_core::timing::Eta;
use yew::virtual_dom::{VTag, VText};
use yew::{AttrValue, Html};

/// How the page says when things happen: calendar months counted from the
/// reader's today, or months from now on the page the build writes ahead of
/// time, whose calendar months would go stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Calendar {
    #[default]
    Dated,
    Relative,
}

impl Calendar {
    /// The calendar month alone (`July 2027`), or a no-break space where
    /// there is none or the page is written ahead of time.
    pub fn month(self, eta: Eta, lang: Lang) -> String {
        match (self, eta) {
            (Calendar::Dated, Eta::In { month, .. }) => month.label(lang),
            _ => "\u{a0}".to_owned(),
        }
    }

    /// `July 2027 (in 7.9 months)`, or `in 7.9 months`.
    pub fn eta(self, eta: Eta, lang: Lang) -> String {
        match self {
            Calendar::Dated => eta.describe(lang),
            Calendar::Relative => eta.within(lang),
        }
    }
}

/// An SVG coordinate, to a tenth.
pub fn px(value: f64) -> String {
    headroom_core::text::fixed(value, 1)
}

/// Text of the page.
pub fn txt(text: impl Into<AttrValue>) -> Html {
    VText::new(text).into()
}

/// `<tag class="…">children</tag>`. Out of line on purpose: the sections build
/// their tables through here, so the element-building code exists once.
#[inline(never)]
pub fn el(tag: &'static str, class: Option<&'static str>, children: Vec<Html>) -> Html {
    let mut node = VTag::new(tag);
    if let Some(class) = class {
        node.add_attribute("class", class);
    }
    node.add_children(children);
    node.into()
}

/// `<tag attributes…>children</tag>`, out of line: the sections with many
/// similar elements (runbooks, tier details) build them here instead of
/// inlining a `html!` expansion per element.
#[inline(never)]
pub fn tag(
    tag: &'static str,
    attributes: &[(&'static str, AttrValue)],
    children: Vec<Html>,
) -> Html {
    let mut node = VTag::new(tag);
    for (name, value) in attributes {
        node.add_attribute(name, value.clone());
    }
    node.add_children(children);
    node.into()
}

/// A table row: its cells (the first heads the row), an optional class and
/// one optional `data-` attribute for tests and styling.
pub struct Row {
    pub cells: Vec<Html>,
    pub class: Option<&'static str>,
    pub data: Option<(&'static str, &'static str)>,
}

impl Row {
    pub fn new(cells: Vec<Html>) -> Row {
        Row {
            cells,
            class: None,
            data: None,
        }
    }
}

/// A table with a header row; each row's first cell is its `<th>`. Wide on
/// a desktop, one card per row on a phone (see `.cards` in style.css).
#[inline(never)]
pub fn table(id: Option<&'static str>, head: &[&'static str], rows: Vec<Row>) -> Html {
    let header = head
        .iter()
        .map(|h| {
            let mut th = VTag::new("th");
            th.add_attribute("scope", "col");
            th.add_child(txt(*h));
            th.into()
        })
        .collect();
    let body = rows
        .into_iter()
        .map(|row| {
            let mut tr = VTag::new("tr");
            if let Some(class) = row.class {
                tr.add_attribute("class", class);
            }
            if let Some((name, value)) = row.data {
                tr.add_attribute(name, value);
            }
            for (i, cell) in row.cells.into_iter().enumerate() {
                let mut td = VTag::new(if i == 0 { "th" } else { "td" });
                if i == 0 {
                    td.add_attribute("scope", "row");
                } else if let Some(label) = head.get(i) {
                    // Phones show each row as a card, cells labelled by column.
                    td.add_attribute("data-label", *label);
                }
                td.add_child(cell);
                tr.add_child(td.into());
            }
            tr.into()
        })
        .collect();
    let mut table = VTag::new("table");
    if let Some(id) = id {
        table.add_attribute("id", id);
    }
    table.add_child(el("thead", None, vec![el("tr", None, header)]));
    table.add_child(el("tbody", None, body));
    el("div", Some("scroll cards"), vec![table.into()])
}
