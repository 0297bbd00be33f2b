//! `--base FILE`: the user's own compose file, read with a YAML parser into
//! the little the override needs (service names, images, commands,
//! `NODE_OPTIONS`).

use crate::args::UsageError;
use headroom_core::base_yaml;
use headroom_core::bounded_yaml::{self, Problem};
use headroom_core::compose::Base;
use headroom_core::Lang;
use std::path::Path;

/// Reads and parses `path`; any problem is one line naming the file. No more
/// than the YAML reader's limit is read: a huge file is refused by its size.
pub fn read(path: &Path, lang: Lang) -> Result<Base, UsageError> {
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let fail = |problem: String| UsageError(format!("--base {}{sep}{problem}", path.display()));
    let text = crate::file::read_text(path, bounded_yaml::MAX_BYTES, lang, |bytes| {
        Problem::TooLarge { bytes }.describe(lang)
    })
    .map_err(fail)?;
    base_yaml::read(&text, lang).map_err(fail)
}
