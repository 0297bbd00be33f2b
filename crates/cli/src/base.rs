//! `--base FILE`: the user's own compose file, read with a YAML parser into
//! the little the override needs (service names, images, commands,
//! `NODE_OPTIONS`).

use crate::args::UsageError;
use headroom_core::base_yaml;
use headroom_core::compose::Base;
use headroom_core::Lang;
use std::path::Path;

/// Reads and parses `path`; any problem is one line naming the file.
pub fn read(path: &Path, lang: Lang) -> Result<Base, UsageError> {
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let fail = |problem: String| UsageError(format!("--base {}{sep}{problem}", path.display()));
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    base_yaml::read(&text, lang).map_err(fail)
}
