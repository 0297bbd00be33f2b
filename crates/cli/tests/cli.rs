//! The `headroom` binary, run as a user would.

use serde_json::Value;
use std::process::{Command, Output};

fn headroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(args)
        // The day the expected figures were written for.
        .env("HEADROOM_TODAY", "2026-11-01")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = headroom(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The one stderr line of a refused invocation, which must exit with 2.
fn refusal(args: &[&str]) -> String {
    let out = headroom(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"));
    stderr.trim_end().to_owned()
}

#[test]
fn json_for_2000_users() {
    let plan = json(&["plan", "--users", "2000", "--json"]);
    assert_eq!(plan["tier"]["number"], 3);
    assert_eq!(plan["load"]["requests_per_day"], 60_000.0);
    assert_eq!(plan["load"]["requests_per_second"], 60_000.0 / 86_400.0);
    assert_eq!(plan["load"]["database_mb"], 10_000.0);
    assert_eq!(plan["load"]["cache_mb"], 400.0);
    assert_eq!(plan["load"]["disk_mb"], 20_000.0);
    // 2,000 users on the Pi: phase 1 and the ceiling are both reached.
    assert_eq!(plan["timing"]["migration_start_months"], 0.0);
    assert_eq!(plan["timing"]["ceiling_months"], 0.0);
    let yaml = plan["compose_override"].as_str().expect("YAML text");
    assert!(yaml.contains("mem_limit: 1200m"));
    // 4,096 − 512 for the OS − the source's 3,468 − PgBouncer's 32.
    assert_eq!(plan["budget"]["memory_left_mib"], 84.0);
    assert_eq!(plan["budget"]["rest_memory_mib"], 128.0);
    assert_eq!(plan["budget"]["rest_room"], false);
    // PostgreSQL's worst case within its 1200m container, term by term.
    let pg = &plan["postgres"];
    assert_eq!(pg["connections"], 20);
    assert_eq!(pg["mem_limit_mib"], 1200.0);
    assert_eq!(pg["shared_memory_mib"], 322.0);
    assert_eq!(pg["process_overhead_mib"], 82.5);
    assert_eq!(pg["autovacuum_mib"], 225.0);
    assert_eq!(pg["query_memory_mib"], 562.5);
    assert_eq!(pg["worst_case_mib"], 1192.0);
    assert_eq!(pg["shm_size_mib"], 181.0);
    assert_eq!(pg["pgbouncer"]["pool_size"], 20);
}

#[test]
fn the_postgres_worst_case_is_printed_with_its_terms() {
    let en = String::from_utf8(headroom(&["plan", "--users", "1200"]).stdout).unwrap();
    assert!(
        en.contains("PostgreSQL's worst case: 1,192\u{a0}MiB / 1,200\u{a0}MiB (mem_limit)"),
        "{en}"
    );
    assert!(en.contains("25 processes × 3 × work_mem 3840kB × hash_mem_multiplier 2"));
    assert!(en.contains("shm_size: 181m"));
    assert!(en.contains("postgresql://USER:PASSWORD@pgbouncer:5432/YOUR_DB?pgbouncer=true"));
    // The same settings in the forms that leave the compose command alone.
    assert!(en.contains("  work_mem = '3840kB'\n"));
    assert!(en.contains("  ALTER SYSTEM SET shared_buffers = '300MB';\n"));
    assert!(en.contains("  maxmemory-policy allkeys-lru\n"));
    // And where the source is wrong, as the page shows it.
    assert!(
        en.contains("Where the source is wrong\n  - Conclusion: \"2000+ users: Cloud mandatory\"")
    );
}

#[test]
fn json_timing_is_unrounded_and_null_beyond_the_horizon() {
    let plan = json(&["plan", "--json"]);
    assert_eq!(
        plan["timing"]["migration_start_months"],
        3f64.ln() / 1.15f64.ln()
    );
    assert_eq!(plan["timing"]["ceiling_months"], 4f64.ln() / 1.15f64.ln());
    let flat = json(&["plan", "--growth", "0", "--json"]);
    assert!(flat["timing"]["migration_start_months"].is_null());
    assert!(flat["timing"]["ceiling_months"].is_null());
    let cloud = json(&["plan", "--host", "cloud", "--json"]);
    assert!(cloud["timing"]["ceiling_months"].is_null());
}

#[test]
fn tier_5_has_no_compose_override() {
    let plan = json(&["plan", "--users", "25000", "--json"]);
    assert_eq!(plan["tier"]["number"], 5);
    assert!(plan["compose_override"].is_null());
    assert_eq!(
        refusal(&["plan", "--users", "25000", "--compose", "x.yml"]),
        "headroom: --compose: tier 5 has no compose file (distributed architecture)"
    );
}

#[test]
fn every_flag_is_a_url_key() {
    let plan = json(&[
        "plan",
        "--users",
        "1200",
        "--growth",
        "8",
        "--host",
        "minipc",
        "--rpu",
        "25",
        "--peak",
        "3",
        "--mbpu",
        "2",
        "--pgconn",
        "40",
        "--start",
        "2027-01",
        "--lang",
        "fr",
        "--cpu",
        "90",
        "--ram",
        "50",
        "--disk",
        "96",
        "--p95",
        "100",
        "--err",
        "0",
        "--db",
        "shop",
        "--domain",
        "shop.example",
        "--target",
        "nuc",
        "--pgcontainer",
        "shop-db-1",
        "--json",
    ]);
    assert_eq!(
        plan["query"],
        "users=1200&growth=8&host=minipc&rpu=25&peak=3&mbpu=2&pgconn=40&start=2027-01&lang=fr\
&cpu=90&ram=50&disk=96&p95=100&err=0&db=shop&domain=shop.example&target=nuc&pgcontainer=shop-db-1"
    );
    assert_eq!(plan["load"]["requests_per_day"], 30_000.0);
    assert_eq!(plan["decisions"][0]["severity"], "critical");
    assert_eq!(plan["decisions"][0]["metric"], "disk");
    assert_eq!(plan["tier"]["name"], "Consolidation");
}

#[test]
fn a_share_link_with_flags_on_top() {
    let plan = json(&[
        "plan",
        "--link",
        "https://headroom.example/?users=1500&growth=8",
        "--json",
    ]);
    assert_eq!(plan["scenario"]["users"], 1500);
    assert_eq!(plan["scenario"]["growth_percent"], 8.0);
    let plan = json(&[
        "plan",
        "--growth=20",
        "--link",
        "?users=1500&growth=8",
        "--json",
    ]);
    assert_eq!(plan["scenario"]["growth_percent"], 20.0);
}

#[test]
fn compose_writes_the_override_file() {
    let dir = std::env::temp_dir().join(format!("headroom-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("docker-compose.override.yml");
    let plan = json(&[
        "plan",
        "--users",
        "5000",
        "--compose",
        file.to_str().unwrap(),
        "--json",
    ]);
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(plan["compose_override"].as_str(), Some(written.as_str()));
    assert!(written.contains("      replicas: 2"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn readable_output_in_both_languages() {
    let en = String::from_utf8(headroom(&["plan", "--users", "1200"]).stdout).unwrap();
    assert!(en.contains("Tier 3 · Consolidation"));
    assert!(en.contains("shared_buffers"));
    assert!(en.contains("Left for MinIO and the Next.js front end: 84\u{a0}MiB, under the 128\u{a0}MiB Headroom gives each at the least"), "{en}");
    let fr =
        String::from_utf8(headroom(&["plan", "--users", "1200", "--lang", "fr"]).stdout).unwrap();
    assert!(fr.contains("Palier 3 · Consolidation"));
    assert!(fr.contains("Requêtes par jour"));
}

#[test]
fn refusals_follow_lang_and_a_link_must_be_a_link() {
    // --lang wins over the locale (LANG=C here), before or after the bad flag.
    assert_eq!(
        refusal(&["plan", "--lang", "fr", "--users", "-1"]),
        "headroom: --users : « -1 » refusé ; attendu : un entier de 0 à 100\u{202f}000\u{202f}000"
    );
    assert!(refusal(&["plan", "--users=-1", "--lang=fr"]).starts_with("headroom: --users : "));
    assert_eq!(
        refusal(&["plan", "--link", "::::"]),
        "headroom: --link: \"::::\" is neither a share link (https://…/?users=…) nor its query (users=…)"
    );
    // A link without inputs is a link: the default plan.
    assert!(headroom(&["plan", "--link", "https://headroom.example/"])
        .status
        .success());
    assert!(headroom(&["plan", "--link", "users=800&growth=3"])
        .status
        .success());
}

#[test]
fn bad_input_is_one_line_and_status_2() {
    assert_eq!(
        refusal(&["plan", "--users", "abc"]),
        "headroom: --users: \"abc\" refused; expected an integer from 0 to 100,000,000"
    );
    assert_eq!(
        refusal(&["plan", "--growth", "1e999"]),
        "headroom: --growth: \"1e999\" refused; expected a number from -90 to 1,000"
    );
    // A pgconn whose PostgreSQL cannot fit the tier's container, with the most that fits.
    assert_eq!(
        refusal(&["plan", "--users", "50", "--pgconn", "10000"]),
        "headroom: --pgconn: 10000 does not fit tier 1's 256m PostgreSQL container; at most 10"
    );
    assert_eq!(
        refusal(&["plan", "--users", "1000", "--pgconn", "100"]),
        "headroom: --pgconn: 100 does not fit tier 3's 1200m PostgreSQL container; at most 69"
    );
    assert_eq!(
        refusal(&["plan", "--host=mac"]),
        "headroom: --host: \"mac\" refused; expected one of pi4, minipc, cloud, custom"
    );
    assert_eq!(
        refusal(&[
            "plan",
            "--link",
            "https://headroom.example/?users=2000&growth=NaN"
        ]),
        "headroom: --link growth: \"NaN\" refused; expected a number from -90 to 1,000"
    );
    assert_eq!(
        refusal(&["plan", "--pgconn"]),
        "headroom: --pgconn needs a value: an integer from 5 to 10,000"
    );
    assert_eq!(
        refusal(&["plan", "--colour", "red"]),
        "headroom: unknown flag --colour; see headroom plan --help"
    );
    assert_eq!(
        refusal(&["plot"]),
        "headroom: unknown command \"plot\"; try: headroom plan --help"
    );
    assert!(
        refusal(&["plan", "--start", "2026-1"]).contains("a month YYYY-MM from 1000-01 to 9989-12")
    );
}

#[test]
fn help_lists_every_flag() {
    let out = headroom(&["plan", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for key in [
        "users",
        "growth",
        "host",
        "rpu",
        "peak",
        "mbpu",
        "pgconn",
        "start",
        "lang",
        "cpu",
        "ram",
        "disk",
        "p95",
        "err",
        "db",
        "domain",
        "target",
        "pgcontainer",
        "link",
        "json",
        "compose",
        "stats",
        "loadtest",
        "cs2",
        "ds",
        "lt",
        "usl",
    ] {
        assert!(help.contains(&format!("--{key}")), "--{key}");
    }
}

#[test]
fn sections_print_one_part_each_with_the_runbook_names_substituted() {
    let text = |args: &[&str]| String::from_utf8(headroom(args).stdout).unwrap();
    let runbooks = text(&[
        "plan",
        "--users",
        "1200",
        "--db",
        "shop",
        "--target",
        "nuc",
        "--section",
        "runbooks",
    ]);
    assert!(runbooks.contains("pg_dump -U \"${POSTGRES_USER:-postgres}\" shop' > backup.sql"));
    assert!(runbooks.contains("scp backup.sql user@nuc:/tmp/"));
    assert!(!runbooks.contains("Server settings"), "one section only");
    let hardware = text(&["plan", "--users", "1200", "--section", "hardware"]);
    assert!(
        hardware.contains("CPU              3.5–4 cores in use"),
        "{hardware}"
    );
    assert!(hardware.contains("Total") && hardware.contains("€500–720"));
    let decisions = text(&["plan", "--cpu", "90", "--section", "decisions"]);
    // All nine rows, the two the measurement trips marked.
    assert_eq!(decisions.matches("  ! CPU use").count(), 2);
    assert!(decisions.contains("5xx errors"));
    let tier5 = text(&["plan", "--users", "50000", "--section", "hardware"]);
    assert!(tier5.contains("Node.js API #4"));
    assert_eq!(
        refusal(&["plan", "--section", "everything"]),
        "headroom: --section: \"everything\" refused; expected one of agenda, summary, resources, latency, measurements, load, \
         hardware, tuning, budget, decisions, roadmap, runbooks, considerations, conclusion, corrections"
    );
}

#[test]
fn json_follows_the_committed_schema() {
    let schema: Value = serde_json::from_str(include_str!("../../../schema/plan.schema.json"))
        .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for args in [
        &["plan", "--json"][..],
        &[
            "plan", "--json", "--users", "1200", "--cpu", "90", "--lang", "fr",
        ],
        &["plan", "--json", "--users", "50000", "--host", "cloud"],
        &["plan", "--json", "--users", "0", "--growth", "-10"],
        &[
            "plan", "--json", "--users", "300", "--growth", "20", "--cpu", "35", "--p95", "800",
        ],
        &[
            "plan", "--json", "--users", "1000", "--svc", "25", "--par", "4",
        ],
    ] {
        let plan = json(args);
        assert_eq!(plan["schema_version"], 2);
        let errors: Vec<String> = validator
            .iter_errors(&plan)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
    }
    // The schema can fail: a plan without its tier is refused.
    let mut broken = json(&["plan", "--json"]);
    broken.as_object_mut().expect("an object").remove("tier");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn small_inputs_keep_their_significant_digits() {
    let out = String::from_utf8(
        headroom(&[
            "plan", "--users", "1", "--rpu", "0.001", "--growth", "0.001",
        ])
        .stdout,
    )
    .unwrap();
    assert!(out.contains("0.001% a month"), "{out}");
    assert!(out.contains("(0.001 per user)"), "{out}");
}

/// The worked example of headroom by resource: on a Pi 4 where the app uses
/// 4% of the CPU on average (16% at the peak hour, full at 6,250 users) and
/// half the memory at 1,000 users, memory is full first, at 6,000 users; phase 1 starts at 4,500 users, in ln 4.5 / ln 1.1 = 15.78
/// months, and the ceiling comes in ln 6 / ln 1.1 = 18.80 months.
#[test]
fn worked_example_memory_binds_at_6000_users() {
    let args = [
        "plan", "--users", "1000", "--growth", "10", "--host", "pi4", "--cpu", "4", "--ram", "50",
        "--start", "2026-11",
    ];
    let plan = json(&[&args[..], &["--json"]].concat());
    assert_eq!(plan["host"]["ceiling_users"], 6000);
    assert_eq!(plan["host"]["binding"], "memory");
    assert_eq!(plan["host"]["source_ceiling"], false);
    let months = |key: &str| format!("{:.2}", plan["timing"][key].as_f64().unwrap());
    assert_eq!(plan["timing"]["migration_start_users"], 4500.0);
    assert_eq!(months("migration_start_months"), "15.78");
    assert_eq!(months("ceiling_months"), "18.80");
    let resources = plan["resources"].as_array().unwrap();
    let names: Vec<&str> = resources
        .iter()
        .map(|r| r["resource"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["cpu", "memory", "disk", "uplink"]);
    let full = |i: usize| resources[i]["full_users"].as_f64().map(f64::round);
    assert_eq!((full(0), full(1)), (Some(6_250.0), Some(6_000.0)));
    assert_eq!(resources[1]["basis"], "measured");
    assert_eq!(resources[2]["basis"], "source");
    assert_eq!(resources[3]["capacity"], Value::Null);

    let text =
        String::from_utf8(headroom(&[&args[..], &["--section", "resources"]].concat()).stdout)
            .unwrap();
    assert!(
        text.contains(
            "Headroom by resource. What sets the machine's ceiling: Memory, full at 6,000 users"
        ),
        "{text}"
    );
    // Each crossing with its calendar month: 18.8 months after November 2026.
    assert!(
        text.contains("    full: 6,000 users, May 2028 (in 18.8 months)\n"),
        "{text}"
    );
    assert!(
        text.contains("    warning 80%: 4,000 users, January 2028 (in 14.5 months)\n"),
        "{text}"
    );
    assert!(
        text.contains("measured ÷ modelled at the current users"),
        "{text}"
    );
}

/// Without measurements the Pi 4 keeps the source's 2,000 users, and the
/// mini PC's CPU, counted in Pi 4 cores by the source, is not guessed.
#[test]
fn without_measurements_the_source_ceilings_hold() {
    let pi = json(&["plan", "--users", "500", "--json"]);
    assert_eq!(pi["host"]["ceiling_users"], 2000);
    let mini = json(&["plan", "--users", "3000", "--host", "minipc", "--json"]);
    assert_eq!(mini["host"]["ceiling_users"], 10000);
    assert_eq!(mini["host"]["source_ceiling"], true);
    assert_eq!(mini["resources"][0]["resource"], "cpu");
    assert_eq!(mini["resources"][0]["full_users"], Value::Null);
    assert_eq!(mini["resources"][0]["use_now"], Value::Null);
    let cloud = json(&["plan", "--host", "cloud", "--json"]);
    assert_eq!(cloud["resources"], serde_json::json!([]));
    assert_eq!(cloud["host"]["binding"], Value::Null);
}

/// Latency at the peak hour, as `--section latency` and `--json` give it:
/// 300 users on a Pi at 35% CPU, whose peak hour (× 4) is 140%.
#[test]
fn the_latency_section_and_its_json() {
    let args = [
        "plan", "--users", "300", "--growth", "20", "--host", "pi4", "--cpu", "35", "--p95", "800",
        "--start", "2026-11",
    ];
    let out = String::from_utf8(headroom(&[&args[..], &["--section", "latency"]].concat()).stdout)
        .unwrap();
    assert!(out.contains("Utilisation at the peak     : 140%"), "{out}");
    assert!(
        out.contains("P95 at the peak             : saturated"),
        "{out}"
    );
    assert!(out.contains("P95 measured 800\u{a0}ms, predicted"), "{out}");
    assert!(!out.contains("Expected load"), "one section only");
    let plan = json(&[&args[..], &["--json"]].concat());
    let l = &plan["latency"];
    assert_eq!(l["basis"], "measured");
    assert_eq!(l["servers"], 4);
    assert!((l["utilisation_at_peak"].as_f64().unwrap() - 1.4).abs() < 1e-9);
    assert_eq!(l["p95_ms_at_peak"], Value::Null);
    assert_eq!(l["calibration"]["measured_ms"], 800.0);
    assert_eq!(plan["host"]["verdict"], "peak_saturated");
    let curve = l["curve"].as_array().unwrap();
    assert_eq!(curve[0]["users"], 300.0);
    let fr = String::from_utf8(
        headroom(&[&args[..], &["--section", "latency", "--lang", "fr"]].concat()).stdout,
    )
    .unwrap();
    assert!(fr.contains("Latence à l'heure de pointe"), "{fr}");
}

/// The agenda in the JSON is the one the report (and the page) gives: the
/// same actions in the same groups and order, each with its kind and, when
/// dated, its users and month.
#[test]
fn json_carries_the_agenda_the_report_gives() {
    for lang in ["en", "fr"] {
        let args = [
            "plan", "--users", "2000", "--growth", "10", "--start", "2026-11", "--lang", lang,
        ];
        let plan = json(&[&args[..], &["--json"]].concat());
        let out = headroom(&[&args[..], &["--section", "agenda"]].concat());
        let report = String::from_utf8(out.stdout).expect("UTF-8");
        let agenda = &plan["agenda"];
        let mut texts = Vec::new();
        for group in ["now", "next", "later"] {
            for action in agenda[group].as_array().expect("a list") {
                let said = action["text"].as_str().expect("a text");
                assert!(report.contains(said), "{lang}: {said:?} not in\n{report}");
                texts.push(said.to_owned());
                let dated = group != "now";
                assert_eq!(action["users"].is_number(), dated, "{action}");
                assert_eq!(action["month"].is_string(), dated, "{action}");
            }
        }
        // In the report's order, nothing left out.
        let lines: Vec<&str> = report
            .lines()
            .filter(|l| l.trim_start().starts_with("- "))
            .collect();
        assert_eq!(lines.len(), texts.len(), "{report}");
        for (line, said) in lines.iter().zip(&texts) {
            assert!(line.ends_with(said.as_str()), "{line} / {said}");
        }
        let kinds: Vec<&str> = agenda["now"]
            .as_array()
            .expect("now")
            .iter()
            .filter_map(|a| a["kind"].as_str())
            .collect();
        assert_eq!(kinds, ["migrate", "apply_override", "make_room"], "{lang}");
        assert_eq!(agenda["next"][0]["kind"], "tier_ahead");
        assert_eq!(agenda["next"][0]["users"], 2001.0);
        assert_eq!(agenda["later"][0]["month"], "2028-03");
    }
}
