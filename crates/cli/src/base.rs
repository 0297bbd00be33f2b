//! `--base FILE`: the user's own compose file, read with a YAML parser into
//! the little the override needs (service names, images, commands,
//! `NODE_OPTIONS`).

use crate::args::UsageError;
use headroom_core::base_yaml;
use headroom_core::bounded_yaml::{self, Problem};
use headroom_core::compose::Base;
use headroom_core::Lang;
use std::io::Read;
use std::path::Path;

/// Reads and parses `path`; any problem is one line naming the file. No more
/// than the YAML reader's limit is read: a huge file is refused by its size.
pub fn read(path: &Path, lang: Lang) -> Result<Base, UsageError> {
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let fail = |problem: String| UsageError(format!("--base {}{sep}{problem}", path.display()));
    let io = |e: std::io::Error| {
        fail(match (e.kind(), lang) {
            (std::io::ErrorKind::NotFound, Lang::Fr) => "fichier introuvable".to_owned(),
            (std::io::ErrorKind::NotFound, Lang::En) => "no such file".to_owned(),
            _ => e.to_string(),
        })
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(bounded_yaml::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > bounded_yaml::MAX_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len(), |m| m.len() as usize);
        return Err(fail(Problem::TooLarge { bytes: size }.describe(lang)));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(match lang {
            Lang::Fr => "le fichier n'est pas du texte UTF-8".to_owned(),
            Lang::En => "the file is not UTF-8 text".to_owned(),
        })
    })?;
    base_yaml::read(&text, lang).map_err(fail)
}
