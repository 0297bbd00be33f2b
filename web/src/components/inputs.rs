//! The inputs, one per URL key: the main three in view, the rest folded.

use super::Calendar;
use crate::i18n::{self, Lang, Text};
use crate::state::State;
use headroom_core::text;
use headroom_core::{Host, InputError, Key, Scenario};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the inputs show and where typing goes.
pub struct InputsProps<'a> {
    pub state: &'a State,
    pub scenario: &'a Scenario,
    pub errors: &'a [InputError],
    pub on_input: &'a Callback<(Key, String)>,
    pub lang: Lang,
    /// A page written ahead of time leaves the start month empty: it would be
    /// the build's month, not the reader's.
    pub calendar: Calendar,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Integer,
    Decimal,
    Host,
    Month,
    Name,
}

struct Field {
    key: Key,
    kind: Kind,
    /// Said when the field may be left empty.
    empty: Option<Text>,
}

const fn field(key: Key, kind: Kind) -> Field {
    Field {
        key,
        kind,
        empty: None,
    }
}

const fn optional(key: Key, kind: Kind, empty: Text) -> Field {
    Field {
        key,
        kind,
        empty: Some(empty),
    }
}

const MAIN: [Field; 3] = [
    field(Key::Users, Kind::Integer),
    field(Key::Growth, Kind::Decimal),
    field(Key::Host, Kind::Host),
];

/// The machine, when it is the user's own (`host=custom`).
const CUSTOM_HOST: [Field; 3] = [
    field(Key::Hcpu, Kind::Integer),
    field(Key::Hmem, Kind::Decimal),
    field(Key::Hdisk, Kind::Decimal),
];

const ADVANCED: [Field; 6] = [
    optional(Key::Rpu, Kind::Decimal, i18n::DEFAULT_RULE),
    optional(Key::Uplink, Kind::Decimal, i18n::UPLINK_EMPTY),
    field(Key::Peak, Kind::Decimal),
    field(Key::Mbpu, Kind::Decimal),
    optional(Key::Pgconn, Kind::Integer, i18n::DEFAULT_TIER),
    field(Key::Start, Kind::Month),
];

const MEASURED: [Field; 8] = [
    optional(Key::Cpu, Kind::Decimal, i18n::EMPTY_ABSENT),
    optional(Key::Ram, Kind::Decimal, i18n::EMPTY_ABSENT),
    optional(Key::Disk, Kind::Decimal, i18n::EMPTY_ABSENT),
    optional(Key::P95, Kind::Decimal, i18n::EMPTY_ABSENT),
    optional(Key::Err, Kind::Decimal, i18n::EMPTY_ABSENT),
    optional(Key::Svc, Kind::Decimal, i18n::EMPTY_ABSENT),
    optional(Key::Par, Kind::Integer, i18n::PAR_EMPTY),
    optional(Key::Cs2, Kind::Decimal, i18n::CS2_EMPTY),
];

const NAMES: [Field; 5] = [
    field(Key::Db, Kind::Name),
    field(Key::Domain, Kind::Name),
    field(Key::Target, Kind::Name),
    field(Key::Pgcontainer, Kind::Name),
    field(Key::Pgvolume, Kind::Name),
];

pub fn inputs(props: &InputsProps) -> Html {
    let lang = props.lang;
    let render = |field: &Field| render_field(field, props, lang);
    let group = |title: Text, fields: &[Field], open: bool| {
        html! {
            <details class="group" {open}>
                <summary>{ title.get(lang) }</summary>
                { for fields.iter().map(render) }
            </details>
        }
    };
    // Open where the link brought a refusal, and fixed from then on: see
    // `State::refused_on_arrival`.
    let opened_on_arrival = |fields: &[Field]| {
        fields
            .iter()
            .any(|f| props.state.refused_on_arrival.contains(&f.key))
    };
    html! {
        <form class="fields" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2>{ i18n::INPUTS.get(lang) }</h2>
            { for MAIN.iter().map(render) }
            if props.scenario.host == Host::Custom {
                <fieldset class="custom-host">
                    <legend>{ Host::Custom.name().get(lang) }</legend>
                    { for CUSTOM_HOST.iter().map(render) }
                </fieldset>
            }
            { group(i18n::ADVANCED, &ADVANCED, opened_on_arrival(&ADVANCED)) }
            { group(i18n::MEASURED, &MEASURED, opened_on_arrival(&MEASURED)) }
            { group(i18n::RUNBOOK_NAMES, &NAMES, opened_on_arrival(&NAMES)) }
        </form>
    }
}

fn render_field(field: &Field, props: &InputsProps, lang: Lang) -> Html {
    let key = field.key;
    let id = format!("in-{}", key.name());
    let text = match (key, props.calendar) {
        (Key::Start, Calendar::Relative) => String::new(),
        _ => props.state.text(key, props.scenario),
    };
    let refusal = props.errors.iter().find(|e| e.key == key);
    let invalid = refusal.is_some();
    // A refused value is said beside its field, in place of the range.
    let (note_id, note) = match refusal {
        Some(error) => (format!("{id}-error"), error.reason(lang)),
        None => {
            let mut hint = format!(
                "{}{}{}",
                i18n::ALLOWED.get(lang),
                text::colon(lang),
                key.allowed().describe(lang)
            );
            if let Some(empty) = field.empty {
                hint = format!("{hint} ({})", empty.get(lang));
            }
            if let Some(tool) = props.scenario.measured_by(key) {
                hint = format!("{} {tool} · {hint}", i18n::MEASURED_BY.get(lang));
            }
            (format!("{id}-hint"), hint)
        }
    };
    let on_input = props.on_input.clone();
    let control = match field.kind {
        Kind::Host => {
            let onchange = Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                on_input.emit((key, select.value()));
            });
            html! {
                <select id={id.clone()} name={key.name()} {onchange}>
                    { for Host::ALL.iter().map(|host| html! {
                        <option value={host.code()} selected={host.code() == text}>
                            { host.name().get(lang) }
                        </option>
                    }) }
                </select>
            }
        }
        kind => {
            let oninput = Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_input.emit((key, input.value()));
            });
            let (kind_attr, mode) = match kind {
                Kind::Integer => ("text", "numeric"),
                Kind::Decimal => ("text", "decimal"),
                Kind::Month => ("month", "text"),
                _ => ("text", "text"),
            };
            html! {
                <input id={id.clone()} name={key.name()} type={kind_attr} inputmode={mode}
                    value={text} autocomplete="off" spellcheck="false"
                    aria-invalid={invalid.to_string()} aria-describedby={note_id.clone()} {oninput} />
            }
        }
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id}>{ field.key.description().get(lang) }</label>
            { control }
            // The same element either way, so the input before it is
            // never rebuilt while the user types.
            if field.kind != Kind::Host || invalid {
                <small id={note_id} class={classes!(invalid.then_some("refusal"))}>{ note }</small>
            }
        </div>
    }
}
