//! `headroom`: Headroom's capacity plan in the terminal, over the same core as
//! the website. Bad input ends with one line on stderr and status 2.

#![warn(clippy::unwrap_used)]

mod args;
mod base;
mod file;
mod json;
mod kubernetes;
mod measure;
mod report;

use args::{Command, UsageError};
use headroom_core::{compose, plan, Defaults, Lang, YearMonth};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() -> ExitCode {
    let defaults = defaults();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args, defaults) {
        Ok(()) => ExitCode::SUCCESS,
        Err(UsageError(message)) => {
            eprintln!("headroom: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String], defaults: Defaults) -> Result<(), UsageError> {
    let request = match args::parse(args, defaults)? {
        Command::Help => {
            print!("{}", args::help(defaults.lang));
            return Ok(());
        }
        Command::Version => {
            println!("headroom {}", env!("CARGO_PKG_VERSION"));
            return Ok(());
        }
        Command::Plan(request) => request,
    };
    // The user's file first (an unreadable file is an error even without
    // --compose): it names the runbooks' PostgreSQL container, database and
    // volume where no flag or link did.
    let base = match &request.base {
        Some(path) => Some(base::read(path, request.scenario.lang)?),
        None => None,
    };
    let mut scenario = request.scenario.clone();
    if let Some(base) = &base {
        for (key, value) in base.names(&scenario.names) {
            // Names the file gives are valid names.
            let _ = scenario.set(key, &value);
        }
    }
    let plan = plan(&scenario);
    // Written once, for the user's file when there is one, else only when
    // asked for.
    let compose_override = match &base {
        Some(base) => compose::for_plan(&plan, base),
        None if request.compose.is_some() || request.json => {
            compose::for_plan(&plan, &compose::Defaults)
        }
        None => None,
    };
    if let Some(path) = &request.compose {
        let Some(yaml) = &compose_override else {
            return Err(UsageError(match defaults.lang {
                Lang::Fr => {
                    "--compose : le palier 5 n'a pas de fichier compose (architecture distribuée)"
                        .to_owned()
                }
                Lang::En => {
                    "--compose: tier 5 has no compose file (distributed architecture)".to_owned()
                }
            }));
        };
        std::fs::write(path, yaml)
            .map_err(|error| UsageError(format!("--compose {}: {error}", path.display())))?;
    }
    if let Some(path) = &request.alerts {
        let s = &plan.scenario;
        let rules = headroom_core::alerts::rules_yaml(plan.tier, &request.histogram, s.lang);
        std::fs::write(path, rules)
            .map_err(|error| UsageError(format!("--alerts {}: {error}", path.display())))?;
    }
    if let Some(dir) = &request.kubernetes {
        kubernetes::write(&plan, dir)?;
    }
    if request.json {
        println!("{}", json::render(&plan, defaults, compose_override));
    } else {
        print!(
            "{}",
            report::render(&plan, request.section, &request.measurement_notes)
        );
    }
    Ok(())
}

/// Today's month and day from the system clock (UTC), and the language from the locale
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`).
/// `HEADROOM_TODAY=YYYY-MM-DD` sets the date instead, for output that does
/// not change with the clock (the tests, a report kept for later).
fn defaults() -> Defaults {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let fixed = std::env::var("HEADROOM_TODAY").ok().and_then(|date| {
        let (month, day) = date.rsplit_once('-')?;
        let day: u8 = day.parse().ok()?;
        let month = YearMonth::parse(month)?;
        (1..=month.days()).contains(&day).then_some((month, day))
    });
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    let (today, day) = fixed.unwrap_or_else(|| {
        (
            YearMonth::from_unix_seconds(seconds),
            YearMonth::day_from_unix_seconds(seconds),
        )
    });
    Defaults {
        today,
        lang: Lang::from_locale(&locale),
        day,
    }
}
