//! Build step (a Trunk hook, see `scripts/pages.sh`): writes the default
//! plan's page into an `index.html` of the release build.
//!
//!     prerender PAGE LANG
//!
//! PAGE is rewritten in place; LANG is `en` or `fr`. The months are counted
//! from the build's month, and the page says "in N months" rather than a
//! calendar month, so it never goes stale.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use headroom_core::{Lang, YearMonth};
    use headroom_web::prerender;
    use std::process::ExitCode;
    use std::time::{SystemTime, UNIX_EPOCH};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [page_path, lang] = args.as_slice() else {
        eprintln!("usage: prerender PAGE LANG   (LANG: en or fr)");
        return ExitCode::from(2);
    };
    let Some(lang) = Lang::from_code(lang) else {
        eprintln!("prerender: LANG must be en or fr, not {lang:?}");
        return ExitCode::from(2);
    };
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let today = YearMonth::from_unix_seconds(seconds);
    let page = match std::fs::read_to_string(page_path) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("prerender: cannot read {page_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let body = futures::executor::block_on(prerender::body(lang, today));
    let plan = prerender::default_plan(lang, today);
    match prerender::fill(&page, &plan, &body) {
        Ok(filled) => match std::fs::write(page_path, filled) {
            Ok(()) => {
                println!(
                    "prerender: {page_path} ({}, {} bytes of plan)",
                    lang.code(),
                    body.len()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("prerender: cannot write {page_path}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("prerender: {page_path}: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
