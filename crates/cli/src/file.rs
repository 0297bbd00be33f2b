//! Reading a file the user names: no more than a reader takes, as UTF-8
//! text, any problem in one line in the plan's language.

use headroom_core::Lang;
use std::io::Read;
use std::path::Path;

/// The text of `path`, read up to `max_bytes`; `too_large(size)` words the
/// refusal of a bigger file.
pub fn read_text(
    path: &Path,
    max_bytes: usize,
    lang: Lang,
    too_large: impl Fn(usize) -> String,
) -> Result<String, String> {
    let io = |e: std::io::Error| match (e.kind(), lang) {
        (std::io::ErrorKind::NotFound, Lang::Fr) => "fichier introuvable".to_owned(),
        (std::io::ErrorKind::NotFound, Lang::En) => "no such file".to_owned(),
        _ => e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > max_bytes {
        let size = std::fs::metadata(path).map_or(bytes.len(), |m| m.len() as usize);
        return Err(too_large(size));
    }
    String::from_utf8(bytes).map_err(|_| match lang {
        Lang::Fr => "le fichier n'est pas du texte UTF-8".to_owned(),
        Lang::En => "the file is not UTF-8 text".to_owned(),
    })
}
