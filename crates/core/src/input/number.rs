//! Numbers as people type them, before a key's range is checked.

use crate::base::decimal;
use crate::base::text::Lang;

/// A number as the page writes it, in the codec's form: a trailing `%`
/// dropped, and the thousands separators `lang` prints (spaces in French;
/// commas, or spaces, in English) dropped when they group digits by three.
/// Anything else is left for the parsers to refuse.
pub(crate) fn plain_number(value: &str, lang: Lang) -> String {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let value = value
        .strip_suffix('%')
        .map_or(value, |v| v.trim_end_matches(SPACES));
    let (separators, decimal): (&[char], &[char]) = match lang.page() {
        Lang::Fr => (&SPACES, &[',', '.']),
        Lang::En => (&[' ', '\u{a0}', '\u{202f}', ','], &['.']),
    };
    let split = value.find(decimal).unwrap_or(value.len());
    let (whole, fraction) = value.split_at(split);
    if !whole.contains(separators) {
        return value.to_owned();
    }
    let digits = whole.trim_start_matches(['+', '-']);
    let mut groups = digits.split(separators);
    let first = groups.next().unwrap_or_default();
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped {
        return value.to_owned();
    }
    let sign = &whole[..whole.len() - digits.len()];
    format!("{sign}{}{fraction}", digits.replace(separators, ""))
}

/// A decimal number, with a dot or, as French writes it, a single comma.
pub(crate) fn parse_decimal(value: &str) -> Option<f64> {
    if value.contains('.') || value.matches(',').count() > 1 {
        return decimal::parse(value);
    }
    decimal::parse(&value.replacen(',', ".", 1))
}
