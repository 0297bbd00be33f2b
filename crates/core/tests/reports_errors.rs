//! Broken, truncated, empty, huge and random inputs: each gets an error
//! that says what is wrong, in French and English, and none panics.
#![cfg(feature = "reports")]

mod common_reports;
use common_reports::fixture;

use headroom_core::measure::{self, docker_stats, loadtest, ReadError, Tool, MAX_BYTES, MAX_LINES};
use headroom_core::Lang;
use proptest::prelude::*;

/// The error for `text`, with both messages checked: present, different,
/// the English one as Display, each holding its `needles`.
fn refused(text: &str, fr: &str, en: &str) -> ReadError {
    let error = measure::read(text).expect_err("refused");
    let (in_fr, in_en) = (error.describe(Lang::Fr), error.describe(Lang::En));
    println!("{error:?}\n  fr: {in_fr}\n  en: {in_en}");
    assert_ne!(in_fr, in_en);
    assert_eq!(error.to_string(), in_en);
    assert!(in_fr.contains(fr), "{in_fr:?} lacks {fr:?}");
    assert!(in_en.contains(en), "{in_en:?} lacks {en:?}");
    error
}

#[test]
fn empty_and_blank() {
    for text in ["", "  \n\t\r\n", "\u{feff}"] {
        assert_eq!(refused(text, "vide", "empty"), ReadError::Empty);
        assert_eq!(loadtest::read(text), Err(ReadError::Empty));
        assert_eq!(docker_stats::read(text), Err(ReadError::Empty));
    }
}

#[test]
fn garbage_names_the_formats_read() {
    assert_eq!(
        refused("hello world\nthis is not a report", "oha", "wrk --latency"),
        ReadError::Unrecognised
    );
    assert_eq!(
        refused(r#"{"hello": "world"}"#, "JSON", "JSON"),
        ReadError::UnknownJson
    );
}

#[test]
fn truncated_and_invalid_json() {
    let full = fixture("autocannon.json");
    let cut = &full[..full.len() / 2];
    let error = refused(cut, "tronqué", "truncated");
    assert!(
        matches!(
            error,
            ReadError::Json {
                truncated: true,
                ..
            }
        ),
        "{error:?}"
    );
    let error = refused("{ nope }", "colonne 3", "column 3");
    assert!(
        matches!(
            error,
            ReadError::Json {
                truncated: false,
                line: 1,
                ..
            }
        ),
        "{error:?}"
    );
    // A JSON line of docker stats cut short names its line.
    let lines = fixture("docker-stats-docs-json.txt");
    let two = format!("{}{}", lines, &lines[..40]);
    let error = refused(&two, "ligne 2", "line 2");
    assert!(matches!(
        error,
        ReadError::Json {
            tool: Some(Tool::DockerStats),
            line: 2,
            truncated: true,
            ..
        }
    ));
}

#[test]
fn a_text_report_cut_before_its_rate() {
    let wrk = fixture("wrk-latency.txt");
    let cut = &wrk[..wrk.find("Requests/sec").expect("rate line")];
    assert_eq!(
        refused(cut, "Requests/sec", "Requests/sec"),
        ReadError::Missing {
            tool: Tool::Wrk,
            field: "Requests/sec"
        }
    );
    let pgbench = fixture("pgbench-closed.txt");
    let cut = &pgbench[..pgbench.find("tps =").expect("tps line")];
    assert_eq!(
        refused(cut, "tronqué", "truncated"),
        ReadError::Missing {
            tool: Tool::Pgbench,
            field: "tps"
        }
    );
}

#[test]
fn a_figure_out_of_range() {
    let k6 = r#"{"metrics": {"http_reqs": {"count": 3, "rate": "fast"}, "http_req_duration": {"avg": 1}}}"#;
    assert_eq!(
        refused(k6, "http_reqs.rate", "http_reqs.rate"),
        ReadError::Invalid {
            tool: Tool::K6,
            field: "http_reqs.rate",
            value: "fast".into()
        }
    );
    let k6 =
        r#"{"metrics": {"http_reqs": {"count": 3, "rate": -2}, "http_req_duration": {"avg": 1}}}"#;
    assert!(matches!(
        refused(k6, "≥ 0", "≥ 0"),
        ReadError::Invalid { .. }
    ));
    let none =
        r#"{"metrics": {"http_reqs": {"count": 0, "rate": 0}, "http_req_duration": {"avg": 0}}}"#;
    assert_eq!(
        refused(none, "aucune requête", "no request"),
        ReadError::NoRequests { tool: Tool::K6 }
    );
}

#[test]
fn a_bad_line_in_a_pgbench_log() {
    let log = fixture("pgbench-log-closed.log");
    let mut lines: Vec<&str> = log.lines().collect();
    lines[4] = "0 5 12x34 0 1796060839 431755";
    let error = refused(&lines.join("\n"), "ligne 5", "line 5");
    assert!(matches!(
        error,
        ReadError::BadLine {
            tool: Tool::PgbenchLog,
            line: 5,
            ..
        }
    ));
}

#[test]
fn docker_stats_problems() {
    let header = "CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT";
    assert_eq!(
        refused(&format!("{header}\n"), "aucun conteneur", "no container"),
        ReadError::NoContainers
    );
    assert_eq!(
        refused(
            "CONTAINER ID   NAME   CPU %   GPU %\nabc  x  1%  2%",
            "GPU %",
            "GPU %"
        ),
        ReadError::UnknownColumn {
            column: "GPU %".into()
        }
    );
    let error = refused(
        &format!("{header}\nabc   shop-api-1   12.5%\n"),
        "ligne 2",
        "line 2",
    );
    assert!(matches!(
        error,
        ReadError::BadLine {
            tool: Tool::DockerStats,
            line: 2,
            ..
        }
    ));
    let error = refused(
        &format!("{header}\nabc   shop-api-1   lots   1MiB / 2MiB\n"),
        "shop-api-1",
        "shop-api-1",
    );
    assert!(matches!(error, ReadError::BadLine { line: 2, .. }));
}

#[test]
fn size_line_count_and_binary_are_bounded() {
    let huge = "x".repeat(MAX_BYTES + 1);
    assert_eq!(
        refused(&huge, "Mio", "MiB"),
        ReadError::TooLarge {
            bytes: MAX_BYTES + 1
        }
    );
    let many = "1\n".repeat(MAX_LINES + 1);
    assert_eq!(refused(&many, "lignes", "lines"), ReadError::TooManyLines);
    assert_eq!(refused("CONTAINER\0ID", "nul", "NUL"), ReadError::Binary);
    // Nesting deeper than the JSON parser's limit is an error, not a crash.
    let deep = format!("{{\"a\":{}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(measure::read(&deep), Err(ReadError::Json { .. })));
}

#[test]
fn the_largest_log_accepted_is_read() {
    // About 8 MiB: as many lines as the limit allows at this line length.
    let line = "12 345678 12345 0 1796060839 431755 1234\n";
    let count = (MAX_BYTES / line.len()).min(MAX_LINES);
    let mut text = String::with_capacity(count * line.len());
    for i in 0..count {
        text.push_str(&format!(
            "{} {} 12345 0 {} {:06} 1234\n",
            i % 50,
            i / 50 + 1,
            1_796_060_839 + i / 40_000,
            (i * 25) % 1_000_000
        ));
    }
    let started = std::time::Instant::now();
    let report = loadtest::read(&text).expect("reads");
    println!(
        "{count} lines ({} bytes) read in {:?}",
        text.len(),
        started.elapsed()
    );
    assert_eq!(report.concurrency, Some(50));
    assert_eq!(report.latency.p50, Some(12.345));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = measure::read(&text);
        let _ = loadtest::read(&text);
        let _ = docker_stats::read(&text);
    }

    #[test]
    fn cut_or_damaged_reports_never_panic(
        which in 0usize..12,
        cut in 0.0f64..1.0,
        at in 0.0f64..1.0,
        byte in any::<u8>(),
    ) {
        let names = [
            "wrk-latency.txt", "wrk2-readme.txt", "autocannon.json", "pgbench-rate.txt",
            "pgbench-log-rate.log", "k6-summary-export-ticket-reserve.json",
            "k6-handle-summary-centminmod.json", "docker-stats-docs-table.txt",
            "docker-stats-docs-json.txt", "docker-stats-docs-windows.txt",
            "docker-stats-compose-issue-1240.txt", "pgbench-progress.txt",
        ];
        let mut bytes = fixture(names[which]).into_bytes();
        bytes.truncate((bytes.len() as f64 * cut) as usize);
        if !bytes.is_empty() {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = measure::read(&text) {
            prop_assert!(!e.describe(Lang::Fr).is_empty() && !e.describe(Lang::En).is_empty());
        }
    }
}
