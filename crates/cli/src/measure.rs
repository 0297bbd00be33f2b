//! `--stats FILE` and `--loadtest FILE`: what the user's tools printed,
//! read by the core's readers and turned into the plan's inputs (the same
//! keys a share link carries).

use crate::args::UsageError;
use headroom_core::measure::{self, Derived, Reading};
use headroom_core::{Lang, Scenario};
use std::path::{Path, PathBuf};

/// Which flag gave a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Stats,
    LoadTest,
}

impl Flag {
    fn name(self) -> &'static str {
        match self {
            Flag::Stats => "--stats",
            Flag::LoadTest => "--loadtest",
        }
    }
}

/// Reads every file and derives the inputs they set for `scenario`.
pub fn derive(
    files: &[(Flag, PathBuf)],
    scenario: &Scenario,
    lang: Lang,
) -> Result<Option<Derived>, UsageError> {
    if files.is_empty() {
        return Ok(None);
    }
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let mut readings = Vec::new();
    for (flag, path) in files {
        let fail = |problem: String| {
            UsageError(format!("{} {}{sep}{problem}", flag.name(), path.display()))
        };
        let text = read(path, lang).map_err(fail)?;
        let reading = measure::read(&text).map_err(|e| fail(e.describe(lang)))?;
        let expected = matches!(
            (flag, &reading),
            (Flag::Stats, Reading::Containers(_)) | (Flag::LoadTest, Reading::LoadTest(_))
        );
        if !expected {
            return Err(fail(match (flag, lang) {
                (Flag::Stats, Lang::Fr) => {
                    "c'est un rapport de test de charge : donnez-le avec --loadtest".to_owned()
                }
                (Flag::Stats, Lang::En) => {
                    "this is a load-test report: give it with --loadtest".to_owned()
                }
                (Flag::LoadTest, Lang::Fr) => {
                    "c'est une sortie de docker stats : donnez-la avec --stats".to_owned()
                }
                (Flag::LoadTest, Lang::En) => {
                    "this is docker stats output: give it with --stats".to_owned()
                }
            }));
        }
        readings.push(reading);
    }
    measure::derive(scenario, &readings).map(Some).map_err(|e| {
        // The snapshot's own refusal names --stats; a fit's, --loadtest.
        let flag = match e {
            measure::ReadError::TooManyContainers { .. } => Flag::Stats,
            _ => Flag::LoadTest,
        };
        UsageError(format!("{}{sep}{}", flag.name(), e.describe(lang)))
    })
}

/// The file's text, no more than the readers take.
fn read(path: &Path, lang: Lang) -> Result<String, String> {
    crate::file::read_text(path, measure::MAX_BYTES, lang, |bytes| {
        measure::ReadError::TooLarge { bytes }.describe(lang)
    })
}
