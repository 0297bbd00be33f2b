//! Each page of the site carries its own language only: the French page's
//! WebAssembly holds none of the English sentences, and the other way round.
//! Checked on the release build in `dist/`, with sentences that the code
//! chooses by language at run time: from the core (the agenda, the roadmap,
//! the input ranges) and from the web crate (the growth chart's caption).

use headroom_e2e::dist_dir;
use std::fs;
use std::path::Path;

/// The same sentence in French and in English, as the core writes it.
const PAIRS: &[(&str, &str)] = &[
    // The agenda's action for a plan past its ceiling (the phases are
    // figures, written in after).
    (
        "le runbook de migration, phases ",
        "the migration runbook, phases ",
    ),
    // A roadmap duration beyond the horizon.
    ("plus de 10 ans", "over 10 years"),
    // An input's allowed range.
    ("un nombre de ", "a number from "),
    // Tier 5 in the agenda.
    (
        "l'architecture distribuée décrite",
        "the distributed architecture shown",
    ),
    // The growth chart's caption, written by the web crate.
    ("utilisateurs aujourd'hui à", "users today to"),
];

fn wasm_of(page: &Path) -> Vec<u8> {
    let wasm = fs::read_dir(page)
        .unwrap_or_else(|e| panic!("{}: {e}", page.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .find(|path| path.to_string_lossy().ends_with("_bg.wasm"))
        .unwrap_or_else(|| panic!("no _bg.wasm in {}", page.display()));
    fs::read(wasm).expect("read the page's WebAssembly")
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[test]
fn each_page_holds_its_own_language_only() {
    let dist = dist_dir();
    let english = wasm_of(&dist);
    let french = wasm_of(&dist.join("fr"));
    for (fr, en) in PAIRS {
        assert!(holds(&english, en), "the English page lacks {en:?}");
        assert!(!holds(&english, fr), "the English page holds {fr:?}");
        assert!(holds(&french, fr), "the French page lacks {fr:?}");
        assert!(!holds(&french, en), "the French page holds {en:?}");
    }
}
