//! From the user's measurements to the plan: `docker stats` fills `cpu`,
//! `ram` and the containers' table (`ds`); a load test fills `svc`, `cs2`
//! and `lt`, and the latency rests on it (basis `measured`); six load levels
//! or more fit the Universal Scalability Law (`usl`, `par`). Each survives a
//! share link, which never carries the pasted text; hostile values in a
//! link are refused with the key named.
#![cfg(feature = "reports")]

mod common;
mod common_reports;
use common::defaults;
use common_reports::{close, fixture};

use headroom_core::input::measured::{Arrivals, Generator};
use headroom_core::latency::{Basis, ServersFrom};
use headroom_core::measure::{self, Latency as Times, Note, Reading, Report};
use headroom_core::units::PerSecond;
use headroom_core::view::PlanView;
use headroom_core::{plan, query, Host, Key, Lang, Plan, Scenario};

/// A Compose v2 stack on a Pi at tier 3 (1,500 users): PostgreSQL at
/// 1,100 MiB of the 1,200 the override gives it, the API well inside.
const STACK: &str = "\
CONTAINER ID   NAME              CPU %     MEM USAGE / LIMIT     MEM %     NET I/O          BLOCK I/O        PIDS
1a2b3c4d5e6f   shop-postgres-1   35.00%    1.074GiB / 3.704GiB   29.00%    1.2MB / 3.4MB    12MB / 80MB      14
2b3c4d5e6f7a   shop-api-1        52.10%    210MiB / 3.704GiB     5.54%     3.1MB / 2.2MB    0B / 0B          11
3c4d5e6f7a8b   shop-redis-1      1.20%     38MiB / 3.704GiB      1.00%     800kB / 900kB    0B / 4MB         5
4d5e6f7a8b9c   shop-nginx-1      0.40%     12MiB / 3.704GiB      0.32%     5MB / 5MB        0B / 0B          3
5e6f7a8b9c0d   watchtower        0.00%     9MiB / 3.704GiB       0.24%     1kB / 0B         0B / 0B          8
";

fn scenario(query: &str) -> Scenario {
    let decoded = query::decode(query, defaults());
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    decoded.scenario
}

fn read(text: &str) -> Reading {
    measure::read(text).unwrap_or_else(|e| panic!("{}", e.describe(Lang::En)))
}

/// The plan of `query` with `readings` applied, and that plan again from
/// its own share link.
fn measured(query: &str, readings: &[Reading]) -> (Plan, Plan, measure::Derived) {
    let s = scenario(query);
    let derived = measure::derive(&s, readings).expect("derived");
    let applied = derived.apply(&s);
    let link = query::encode(&applied, defaults());
    println!("link: {link}");
    assert!(
        !link.contains("CONTAINER"),
        "the link carries no pasted text"
    );
    (plan(&applied), plan(&scenario(&link)), derived)
}

#[test]
fn docker_stats_fill_cpu_ram_and_the_containers_table() {
    let (p, from_link, derived) = measured("users=1500&host=pi4", &[read(STACK)]);
    assert_eq!(p, from_link, "the link reproduces the plan");
    let s = &p.scenario;
    // 0.35 + 0.521 + 0.012 + 0.004 cores of the Pi's 4; memory of its 4 GiB.
    close(s.metrics.cpu.expect("cpu"), 100.0 * 0.887 / 4.0, 0.01);
    let memory = 1.074 * 1024.0 + 210.0 + 38.0 + 12.0 + 9.0;
    close(s.metrics.ram.expect("ram"), 100.0 * memory / 4096.0, 0.01);
    assert!(derived.notes.contains(&Note::Snapshot));
    let usage = p.usage.as_ref().expect("the table");
    assert_eq!(usage.rows.len(), 5, "the stranger is listed, not dropped");
    let roles: Vec<Option<&str>> = usage
        .rows
        .iter()
        .map(|r| r.container.role.map(|r| r.name()))
        .collect();
    assert_eq!(
        roles,
        [
            Some("postgres"),
            Some("api"),
            Some("redis"),
            Some("nginx"),
            None
        ]
    );
    // PostgreSQL: 1,100 MiB of tier 3's 1,200: past 80%, and first to bind.
    let pg = &usage.rows[0];
    assert_eq!(pg.override_limit.map(|l| l.0), Some(1200.0));
    close(
        pg.memory_share.expect("share"),
        1.074 * 1024.0 / 1200.0,
        1e-9,
    );
    assert!(pg.near_limit());
    assert_eq!(usage.binds_first, Some(0));
    assert!(!usage.rows[2].near_limit(), "Redis is far from its limit");
    let text = usage.binds_first_text(Lang::En).expect("a text");
    assert!(text.contains("shop-postgres-1"), "{text}");
    assert!(pg.flag_text(Lang::Fr).expect("flagged").contains("80 %"));
    // The resources rest on the measurement.
    let view = PlanView::new(&p, defaults());
    let m = view.measurements.expect("measurements in the JSON");
    assert_eq!(m.source, ["docker_stats"]);
    assert_eq!(m.binds_first.as_deref(), Some("shop-postgres-1"));
    assert_eq!(m.services[4].name, None);
    assert_eq!(m.services[0].override_limit_mib, Some(1200.0));
    assert!(m.services[0].near_limit);
}

#[test]
fn measured_memory_above_the_plan_counts() {
    // Redis at 400 MiB where Headroom's maxmemory plans far less.
    let text = STACK.replace("38MiB / 3.704GiB", "400MiB / 3.704GiB");
    let (p, _, _) = measured("users=1500&host=pi4", &[read(&text)]);
    let redis = &p.usage.as_ref().expect("table").rows[2];
    let planned = redis.planned.expect("Redis's maxmemory").0;
    assert!(planned < 400.0, "{planned}");
    assert!(redis.measured_above_plan());
    assert_eq!(redis.expected.0, 400.0);
    let flag = redis.flag_text(Lang::En).expect("flagged");
    assert!(flag.contains("the measurement counts"), "{flag}");
}

#[test]
fn docker_stats_on_the_cloud_keep_cpu_and_ram_unset() {
    let (p, _, derived) = measured("users=1500&host=cloud", &[read(STACK)]);
    assert_eq!(p.scenario.metrics.cpu, None);
    assert!(derived.notes.contains(&Note::NoMachine));
    assert_eq!(p.usage.expect("table").rows.len(), 5);
}

#[test]
fn a_load_test_sets_the_service_time_and_the_latency_rests_on_it() {
    let report = read(&fixture("oha.json"));
    let (p, from_link, derived) = measured("users=1500&host=minipc", std::slice::from_ref(&report));
    assert_eq!(p, from_link);
    let Reading::LoadTest(r) = report else {
        panic!("a load test")
    };
    let q = r.queueing().expect("queueing inputs");
    let s = &p.scenario;
    close(s.service.time_ms.expect("svc"), q.service_ms, 1e-4);
    close(
        s.service.spread.expect("cs2"),
        q.cs2.expect("spread").0,
        1e-3,
    );
    let l = p.latency.as_ref().expect("latency");
    assert_eq!(l.basis, Basis::LoadTest(Generator::Oha));
    assert!(l.binds());
    let check = l.test_check.expect("the test replayed");
    close(
        check.test.p95_ms.expect("measured p95"),
        r.latency.p95.expect("p95"),
        1e-5,
    );
    assert!(derived
        .notes
        .iter()
        .any(|n| matches!(n, Note::Spread { .. })));
    let view = PlanView::new(&p, defaults());
    assert_eq!(view.latency.expect("latency").basis, "measured");
    let lt = view
        .measurements
        .expect("measurements")
        .load_test
        .expect("lt");
    assert_eq!(lt.tool, "oha");
    assert_eq!(lt.arrivals, "unstated");
    // What the model gives at the test's rate, beside what it measured.
    println!("{}", check.text(Lang::En));
    println!("{}", check.text(Lang::Fr));
}

/// A closed-loop report at `n` connections of the Cisco benchmark in
/// Gunther's book (λ ≈ 995.6, σ ≈ 0.0267, κ ≈ 7.69e-4): the rate, and the
/// mean response time Little's law gives.
fn cisco(n: u32, rate: f64) -> Reading {
    let mean = f64::from(n) / rate * 1000.0;
    Reading::LoadTest(Report {
        generator: Generator::Wrk,
        arrivals: Arrivals::ClosedLoop,
        rate: PerSecond(rate),
        requests: Some(rate * 30.0),
        errors: Some(0.0),
        concurrency: Some(n),
        duration_s: Some(30.0),
        latency: Times {
            mean: Some(mean),
            stdev: Some(mean),
            ..Times::default()
        },
        schedule_lag_ms: None,
        samples: None,
    })
}

const CISCO: [(u32, f64); 8] = [
    (1, 955.16),
    (4, 3548.68),
    (8, 6531.08),
    (12, 8646.7),
    (16, 9897.24),
    (20, 10798.52),
    (24, 12089.37),
    (32, 11810.0),
];

#[test]
fn six_load_levels_fit_the_scalability_law() {
    let readings: Vec<Reading> = CISCO.iter().map(|&(n, x)| cisco(n, x)).collect();
    let (p, from_link, derived) = measured("users=1500&host=minipc", &readings);
    assert_eq!(p, from_link);
    let usl = p.scenario.measured.usl.expect("a fit");
    assert_eq!(usl.levels, 8);
    close(usl.lambda, 995.6, 0.05);
    let max = usl.max_throughput().expect("a ceiling");
    close(max, 12_341.0, 0.05);
    // The service time is the lowest level's, and the servers X_max × S.
    close(
        p.scenario.service.time_ms.expect("svc"),
        1000.0 / 955.16,
        1e-3,
    );
    assert_eq!(p.scenario.service.servers, None, "par stays the user's");
    let l = p.latency.as_ref().expect("latency");
    assert_eq!(l.servers_from, ServersFrom::Usl);
    assert_eq!(f64::from(l.servers), (max / 955.16).round());
    assert!(derived.notes.is_empty() || !derived.notes.contains(&Note::NoSpread));
    let ceiling = p.latency.as_ref().and_then(|l| l.measured_ceiling);
    let users = ceiling
        .and_then(|c| c.users)
        .expect("the users at the ceiling");
    // The peak hour asks for X_max at these users.
    let per_user = p.latency.as_ref().expect("latency").peak_rps_per_user;
    close(users * per_user, max, 1e-9);
    println!("{}", ceiling.expect("fit").text(Lang::En));
    let view = PlanView::new(&p, defaults());
    let fit = view.measurements.expect("m").usl.expect("usl");
    assert_eq!(fit.levels, 8);
}

#[test]
fn past_the_peak_is_flagged_as_retrograde() {
    // Throughput falling at 48 and 64 connections.
    let mut levels = CISCO.to_vec();
    levels.extend([(48, 10500.0), (64, 9000.0)]);
    let readings: Vec<Reading> = levels.iter().map(|&(n, x)| cisco(n, x)).collect();
    let (p, _, derived) = measured("users=1500&host=minipc", &readings);
    let usl = p.scenario.measured.usl.expect("fit");
    assert!(usl.retrograde(), "{usl:?}");
    assert!(derived
        .notes
        .iter()
        .any(|n| matches!(n, Note::Retrograde { .. })));
}

#[test]
fn fewer_than_six_levels_say_so_and_keep_par() {
    let readings: Vec<Reading> = CISCO[..3].iter().map(|&(n, x)| cisco(n, x)).collect();
    let (p, _, derived) = measured("users=1500&host=minipc&par=16", &readings);
    assert!(derived.notes.contains(&Note::FewLevels { got: 3 }));
    assert_eq!(p.scenario.measured.usl, None);
    let l = p.latency.as_ref().expect("latency");
    assert_eq!((l.servers, l.servers_from), (16, ServersFrom::Given));
    println!("{}", Note::FewLevels { got: 3 }.describe(Lang::Fr));
}

#[test]
fn one_test_whose_requests_in_flight_exceed_the_servers_raises_par() {
    // 8 connections on a Pi (4 CPUs): rate × mean response time = 8, the
    // link's rounded service time putting it a hair under.
    let (p, from_link, _) = measured("users=1500&host=pi4", &[cisco(8, 6531.08)]);
    assert_eq!(p, from_link);
    let l = p.latency.expect("latency");
    assert_eq!((l.servers, l.servers_from), (8, ServersFrom::LoadTest));
    let in_flight = 6531.08 * l.service_s;
    assert!(f64::from(l.servers) > in_flight, "{in_flight}");
    // The model serves the test's rate again.
    assert!(l.test_check.expect("check").predicted_p95_s.is_some());
}

#[test]
fn measurement_keys_refuse_hostile_values_and_name_the_key() {
    let too_many: Vec<String> = (0..65).map(|i| format!("c{i}:0:1:")).collect();
    let cases = [
        ("ds", too_many.join(",")),
        ("ds", "shop-postgres-1:NaN:1:".to_owned()),
        ("ds", "shop postgres:0.1:1:".to_owned()),
        ("ds", "a:1:2".to_owned()),
        ("ds", "a:1e400:2:".to_owned()),
        ("lt", "ab:closed:850:50:12".to_owned()),
        ("lt", "oha:sideways:850:50:12".to_owned()),
        ("lt", "oha:closed:0:50:12".to_owned()),
        ("lt", "oha:closed:850:1.5:12".to_owned()),
        ("usl", "1000:0.03:0.0008:5:32".to_owned()),
        ("usl", "1000:1.5:0.0008:8:32".to_owned()),
        ("usl", "1000:0.03:-1:8:32".to_owned()),
        ("cs2", "101".to_owned()),
    ];
    for (key, value) in cases {
        let decoded = query::decode(&format!("users=900&{key}={value}&cpu=20"), defaults());
        let error = decoded
            .errors
            .first()
            .unwrap_or_else(|| panic!("{key}={value} accepted"));
        assert_eq!(error.key.name(), key);
        let message = error.message(Lang::En);
        assert!(message.contains(key), "{message}");
        // The rest of the inputs keep working.
        assert_eq!(decoded.scenario.users, 900);
        assert_eq!(decoded.scenario.metrics.cpu, Some(20.0));
        let p = plan(&decoded.scenario);
        assert!(p.scenario.measured.is_empty());
    }
    let message = query::decode("lt=zzz", defaults()).errors[0].message(Lang::Fr);
    println!("{message}");
    assert!(message.contains("outil:envoi:débit"), "{message}");
}

#[test]
fn readers_refuse_what_they_cannot_use_and_say_why() {
    let s = scenario("users=1500&host=pi4");
    for (text, says) in [
        ("", "empty"),
        ("hello world", "unknown format"),
        ("{\"a\": 1}", "JSON"),
        ("{\"summary\": {\"successRate\": 1.0, ", "JSON"),
    ] {
        let error = measure::read(text).expect_err(text);
        let message = error.describe(Lang::En);
        println!("{text:?}: {message}");
        assert!(
            message.contains(says) || message.to_lowercase().contains(&says.to_lowercase()),
            "{message}"
        );
    }
    let huge = "x".repeat(measure::MAX_BYTES + 1);
    assert!(measure::read(&huge).is_err());
    let many: String = (0..70)
        .map(|i| {
            format!("{i:012x}   svc-{i}   1.00%   10MiB / 1GiB   1.00%   0B / 0B   0B / 0B   1\n")
        })
        .collect();
    let text = format!(
        "CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT   MEM %   NET I/O   BLOCK I/O   PIDS\n{many}"
    );
    let error = measure::derive(&s, &[read(&text)]).expect_err("70 containers");
    assert!(error.describe(Lang::En).contains("at most 64"));
    assert_eq!(s.host, Host::Pi4);
    assert_eq!(Key::from_name("ds"), Some(Key::Ds));
}

#[test]
fn a_test_with_its_p95_sets_the_fewest_servers_that_give_it_back() {
    let (p, from_link, _) = measured("users=1500&host=pi4", &[read(&fixture("oha.json"))]);
    assert_eq!(p, from_link);
    let l = p.latency.expect("latency");
    assert_eq!(l.servers_from, ServersFrom::LoadTest);
    let check = l.test_check.expect("check");
    let measured = check.test.p95_ms.expect("p95") / 1000.0;
    let predicted = check.predicted_p95_s.expect("not saturated");
    println!(
        "{} servers: P95 {predicted:.4} s predicted, {measured:.4} s measured",
        l.servers
    );
    assert!(predicted <= measured, "{predicted} > {measured}");
    // One server fewer would be slower than the test.
    let fewer = headroom_core::queueing::Station::new(l.servers - 1, l.service_s)
        .and_then(|s| s.with_spread(l.spread))
        .and_then(|s| s.response_quantile(PerSecond(check.test.rate), 0.95))
        .expect("a station");
    assert!(fewer.is_none_or(|p95| p95 > measured), "{fewer:?}");
}

#[test]
fn the_plan_says_it_rests_on_the_measurements() {
    assert_eq!(
        plan(&scenario("users=1500&host=pi4")).rests_on(Lang::En),
        None
    );
    let (p, _, _) = measured(
        "users=1500&host=pi4",
        &[read(STACK), read(&fixture("oha.json"))],
    );
    let text = p.rests_on(Lang::En).expect("rests on measurements");
    println!("{text}");
    assert!(text.starts_with("This plan rests on your measurements: docker stats (cpu, ram), your oha load test (svc, cs2)."));
    assert!(text.contains("The machine's ceiling"), "{text}");
    let fr = p.rests_on(Lang::Fr).expect("en français");
    assert!(
        fr.starts_with(
            "Ce plan repose sur vos mesures : docker stats (cpu, ram), votre test de charge oha"
        ),
        "{fr}"
    );
}

#[test]
fn inputs_say_which_measurement_set_them_and_clearing_keeps_the_users_own() {
    let (p, _, _) = measured(
        "users=1500&host=pi4&par=6&p95=300",
        &[read(STACK), read(&fixture("oha.json"))],
    );
    let s = &p.scenario;
    assert_eq!(s.measured_by(Key::Cpu), Some("docker stats"));
    assert_eq!(s.measured_by(Key::Svc), Some("oha"));
    assert_eq!(s.measured_by(Key::Par), None, "par is the user's");
    assert_eq!(s.measured_by(Key::P95), None);
    let clears = s.measured_keys();
    assert!(
        !clears.contains(&Key::Par) && !clears.contains(&Key::P95),
        "{clears:?}"
    );
    let mut cleared = s.clone();
    for key in clears {
        cleared.set(key, "").expect("optional");
    }
    assert!(cleared.measured.is_empty());
    assert_eq!(
        (cleared.service.servers, cleared.metrics.p95_ms),
        (Some(6), Some(300.0))
    );
    assert_eq!(
        plan(&scenario("users=1500")).scenario.measured_keys(),
        [Key::Ds, Key::Lt, Key::Usl]
    );
}
