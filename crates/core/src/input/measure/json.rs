//! JSON through serde_json (its recursion limit bounds a hostile nesting),
//! with its errors turned into [`ReadError`]s and small accessors for the
//! figures the reports hold.

use super::error::{shown, ReadError, Tool};
use serde_json::Value;

/// `text` as JSON; a truncated text says so.
pub(crate) fn parse(text: &str, tool: Option<Tool>) -> Result<Value, ReadError> {
    serde_json::from_str(text).map_err(|e| ReadError::Json {
        tool,
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    })
}

/// The value at `path` (object keys), if every step is there.
pub(crate) fn at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, key| v.get(key))
}

/// A finite number ≥ 0 at `path`; `Ok(None)` when it is absent or null,
/// an error naming `field` when it is something else.
pub(crate) fn number(
    value: &Value,
    path: &[&str],
    tool: Tool,
    field: &'static str,
) -> Result<Option<f64>, ReadError> {
    match at(value, path) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
            _ => Err(ReadError::Invalid {
                tool,
                field,
                value: shown(&v.as_str().map_or_else(|| v.to_string(), str::to_owned)),
            }),
        },
    }
}

/// Like [`number`], but the figure must be there.
pub(crate) fn required(
    value: &Value,
    path: &[&str],
    tool: Tool,
    field: &'static str,
) -> Result<f64, ReadError> {
    number(value, path, tool, field)?.ok_or(ReadError::Missing { tool, field })
}
