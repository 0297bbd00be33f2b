//! Compose files written to hurt: `--base` answers each one within a second
//! and a few megabytes, with one line that names the limit, and exit 2. Peak
//! memory is read by `/usr/bin/time -f %M`, as a user would measure it.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// What any refusal may cost.
const MAX_TIME: Duration = Duration::from_secs(1);
const MAX_PEAK_KIB: u64 = 64 * 1024;

struct Run {
    status: Option<i32>,
    stderr: String,
    elapsed: Duration,
    peak_kib: u64,
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("headroom-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the file");
    path
}

/// `headroom plan --users 1200 --base FILE` under `/usr/bin/time -f %M`.
fn run(base: &PathBuf, lang: &str) -> Run {
    let time = "/usr/bin/time";
    assert!(
        std::path::Path::new(time).is_file(),
        "{time} not found: install Debian's time package (./scripts/install-tools does)"
    );
    let started = Instant::now();
    let out = Command::new(time)
        .args(["-f", "peak %M"])
        .arg(env!("CARGO_BIN_EXE_headroom"))
        .args(["plan", "--users", "1200", "--lang", lang, "--base"])
        .arg(base)
        .output()
        .expect("headroom runs");
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let peak_kib = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak "))
        .and_then(|kib| kib.trim().parse().ok())
        .expect("time printed the peak");
    Run {
        status: out.status.code(),
        stderr: stderr
            .lines()
            .filter(|l| !l.starts_with("peak ") && !l.starts_with("Command exited"))
            .collect::<Vec<_>>()
            .join("\n"),
        elapsed,
        peak_kib,
    }
}

fn refused_cheaply(name: &str, text: &str, expected: &str, lang: &str) {
    let path = scratch(name, text);
    let run = run(&path, lang);
    println!(
        "{name} ({} bytes): {:.0} ms, peak {} KiB: {}",
        text.len(),
        run.elapsed.as_secs_f64() * 1000.0,
        run.peak_kib,
        run.stderr
    );
    assert_eq!(run.status, Some(2), "{name}: {}", run.stderr);
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "{name}: one line: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(expected),
        "{name}: {:?} should say {expected:?}",
        run.stderr
    );
    assert!(run.elapsed < MAX_TIME, "{name}: {:?}", run.elapsed);
    assert!(run.peak_kib < MAX_PEAK_KIB, "{name}: {} KiB", run.peak_kib);
}

/// Nine levels of nine aliases: 9⁹ = 387 million strings from 700 bytes.
const ALIAS_BOMB: &str = include_str!("bases/alias-bomb.yml");

#[test]
fn an_alias_bomb_is_refused_within_a_second_and_a_few_megabytes() {
    refused_cheaply(
        "bomb.yml",
        ALIAS_BOMB,
        "expand the file past 100000 nodes, refused",
        "en",
    );
    refused_cheaply(
        "bomb.yml",
        ALIAS_BOMB,
        "développent le fichier au-delà de 100000 éléments",
        "fr",
    );
}

#[test]
fn deep_nesting_and_size_are_refused_with_the_limit() {
    let block: String = (0..500)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    refused_cheaply("deep.yml", &block, "nested more than 64 levels deep", "en");
    refused_cheaply(
        "flow.yml",
        &"[".repeat(1_000_000),
        "nested more than 64 levels deep",
        "en",
    );
    let huge = format!(
        "services:\n  api:\n    image: node\n# {}\n",
        "x".repeat(2 << 20)
    );
    refused_cheaply(
        "huge.yml",
        &huge,
        "the file is 2049 KiB; Headroom reads at most 1024 KiB",
        "en",
    );
}

#[test]
fn a_service_defined_twice_is_said_in_words_with_its_line() {
    let text = "services:\n  api:\n    image: node:20\n  db:\n    image: postgres:15\n  api:\n    image: node:22\n";
    refused_cheaply(
        "twice.yml",
        text,
        "the service api is defined twice (line 6)",
        "en",
    );
    refused_cheaply(
        "twice.yml",
        text,
        "le service api est défini deux fois (ligne 6)",
        "fr",
    );
}
