//! The share link: a [`Scenario`] as a URL query string and back.
//!
//! Keys equal to their default are left out; unknown keys are ignored; a
//! refused value falls back to its default and is reported, so any query
//! string whatsoever decodes to a usable scenario.

use crate::input::error::InputError;
use crate::input::key::Key;
use crate::input::scenario::{Defaults, Scenario};

/// A decoded query: the scenario, and the values that were refused.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    pub errors: Vec<InputError>,
}

/// Decodes a query string (with or without its leading `?`), or a whole URL,
/// of which only the query is read. For a key given twice, the last one wins.
pub fn decode(query: &str, defaults: Defaults) -> Decoded {
    decode_pairs(pairs(query), defaults)
}

/// Decodes `(key, value)` pairs as a query would carry them: unknown keys are
/// ignored and, for a key given twice, the last one wins.
pub fn decode_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>, defaults: Defaults) -> Decoded
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut latest: Vec<(Key, V)> = Vec::new();
    for (name, value) in pairs {
        if let Some(key) = Key::from_name(name.as_ref()) {
            latest.retain(|(seen, _)| *seen != key);
            latest.push((key, value));
        }
    }
    // The language first: it says how the numbers are written. (A rotation,
    // not a sort: a sort's code weighs kilobytes in the WebAssembly.)
    if let Some(at) = latest.iter().position(|(key, _)| *key == Key::Lang) {
        latest[..=at].rotate_right(1);
    }
    let mut scenario = Scenario::new(defaults);
    let mut errors: Vec<InputError> = latest
        .into_iter()
        .filter_map(|(key, value)| scenario.set(key, value.as_ref()).err())
        .collect();
    errors.extend(scenario.refuse_unfit_connections());
    Decoded { scenario, errors }
}

/// Encodes the inputs that differ from their defaults, in [`Key::ALL`]'s
/// order, without a leading `?`; the empty string when all are defaults.
pub fn encode(scenario: &Scenario, defaults: Defaults) -> String {
    let mut out = String::new();
    for key in Key::ALL {
        if scenario.is_default(key, defaults) || !scenario.uses(key) {
            continue;
        }
        if let Some(value) = scenario.value(key) {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key.name());
            out.push('=');
            out.push_str(&percent_encode(&value));
        }
    }
    out
}

/// The `key=value` pairs of the query part of `input`, percent-decoded.
pub fn pairs(input: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = match input.split_once('?') {
        Some((_, query)) => query,
        None if input.contains("://") => "",
        None => input,
    };
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (percent_decode(key), percent_decode(value)),
            None => (percent_decode(pair), String::new()),
        })
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte;
/// a malformed escape is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| {
                    let h = std::str::from_utf8(h).ok()?;
                    u8::from_str_radix(h, 16).ok()
                });
                if let Some(byte) = hex {
                    out.push(byte);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but the URL-safe characters `A-Z a-z 0-9 - . _ ~`
/// (also used for `data:` links, such as the compose file's download).
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}
