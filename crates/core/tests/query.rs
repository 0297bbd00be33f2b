//! The share link: round trips, refusals with their exact messages, and
//! property tests that no query or number can make the codec or `plan` panic.

mod common;
use common::defaults;
use headroom_core::input::measured::{Arrivals, ContainerUse, Generator, LoadTest, Measured, Usl};
use headroom_core::input::role::role_of;
use headroom_core::scenario::{CustomHost, Metrics, Name, Names, Service};
use headroom_core::{plan, query, tier, tuning, Host, Key, Lang, Problem, Scenario, YearMonth};
use proptest::prelude::*;

const FULL: &str = "users=2000&growth=10&host=minipc&rpu=12.5&peak=2&mbpu=0.5&pgconn=50\
&start=2027-01&lang=fr&cpu=75&ram=81.5&disk=10&p95=1200&err=0.5\
&db=app&domain=example.com&target=nuc&pgcontainer=app-db-1&svc=12.5&par=3";

#[test]
fn defaults_are_left_out() {
    assert_eq!(query::encode(&Scenario::new(defaults()), defaults()), "");
    let decoded = query::decode(
        "users=500&growth=15&host=pi4&lang=en&start=2026-11",
        defaults(),
    );
    assert!(decoded.errors.is_empty());
    assert_eq!(query::encode(&decoded.scenario, defaults()), "");
}

#[test]
fn every_key_round_trips() {
    let decoded = query::decode(FULL, defaults());
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let s = &decoded.scenario;
    assert_eq!(s.users, 2_000);
    assert_eq!(s.growth_percent, 10.0);
    assert_eq!(s.host, Host::MiniPc);
    assert_eq!(s.requests_per_user, Some(12.5));
    assert_eq!(s.pg_connections, Some(50));
    assert_eq!(s.start, YearMonth::new(2027, 1).unwrap());
    assert_eq!(s.lang, Lang::Fr);
    assert_eq!(s.metrics.p95_ms, Some(1_200.0));
    assert_eq!(s.names.pg_container.as_str(), "app-db-1");
    assert_eq!(s.service.time_ms, Some(12.5));
    assert_eq!(s.service.servers, Some(3));
    assert_eq!(query::encode(s, defaults()), FULL);
}

#[test]
fn a_whole_url_a_leading_question_mark_and_percent_escapes() {
    let from_url = query::decode(
        "https://headroom.example/plan/?users=2000&db=my%2Ddb#top",
        defaults(),
    );
    assert_eq!(from_url.scenario.users, 2_000);
    assert_eq!(from_url.scenario.names.database.as_str(), "my-db");
    assert_eq!(query::decode("?users=42", defaults()).scenario.users, 42);
    assert_eq!(
        query::decode("https://headroom.example/", defaults())
            .scenario
            .users,
        500
    );
}

#[test]
fn unknown_keys_are_ignored_and_the_last_repeat_wins() {
    let decoded = query::decode("utm_source=x&users=10&users=20&&=&users", defaults());
    // The bare `users` (empty) came last: refused, so users falls back to 500.
    assert_eq!(decoded.scenario.users, 500);
    assert_eq!(decoded.errors.len(), 1);
    let decoded = query::decode("utm_source=x&users=10&users=20", defaults());
    assert_eq!(decoded.scenario.users, 20);
    assert!(decoded.errors.is_empty());
}

#[test]
fn an_empty_optional_value_means_absent() {
    let decoded = query::decode("rpu=&cpu=&pgconn=", defaults());
    assert!(decoded.errors.is_empty());
    assert_eq!(decoded.scenario.requests_per_user, None);
    assert_eq!(decoded.scenario.pg_connections, None);
}

/// Each refused value and its message: key, value, allowed range.
const REFUSALS: [(&str, &str); 34] = [
    (
        "users=abc",
        "users: \"abc\" refused; expected an integer from 0 to 100,000,000",
    ),
    (
        "users=-1",
        "users: \"-1\" refused; expected an integer from 0 to 100,000,000",
    ),
    (
        "users=100000001",
        "users: \"100000001\" refused; expected an integer from 0 to 100,000,000",
    ),
    (
        "users=2.5",
        "users: \"2.5\" refused; expected an integer from 0 to 100,000,000",
    ),
    (
        "users=",
        "users: \"\" refused; expected an integer from 0 to 100,000,000",
    ),
    (
        "growth=1e999",
        "growth: \"1e999\" refused; expected a number from -90 to 1,000",
    ),
    (
        "growth=NaN",
        "growth: \"NaN\" refused; expected a number from -90 to 1,000",
    ),
    (
        "growth=inf",
        "growth: \"inf\" refused; expected a number from -90 to 1,000",
    ),
    (
        "growth=-91",
        "growth: \"-91\" refused; expected a number from -90 to 1,000",
    ),
    (
        "host=rpi5",
        "host: \"rpi5\" refused; expected one of pi4, minipc, cloud, custom",
    ),
    (
        "rpu=0",
        "rpu: \"0\" refused; expected a number above 0 and up to 100,000",
    ),
    (
        "rpu=100001",
        "rpu: \"100001\" refused; expected a number above 0 and up to 100,000",
    ),
    (
        "peak=0.5",
        "peak: \"0.5\" refused; expected a number from 1 to 100",
    ),
    (
        "mbpu=-1",
        "mbpu: \"-1\" refused; expected a number from 0 to 100,000",
    ),
    (
        "pgconn=4",
        "pgconn: \"4\" refused; expected an integer from 5 to 10,000",
    ),
    (
        "pgconn=10001",
        "pgconn: \"10001\" refused; expected an integer from 5 to 10,000",
    ),
    (
        "start=2026-13",
        "start: \"2026-13\" refused; expected a month YYYY-MM from 1000-01 to 9989-12",
    ),
    (
        "start=26-01",
        "start: \"26-01\" refused; expected a month YYYY-MM from 1000-01 to 9989-12",
    ),
    ("lang=de", "lang: \"de\" refused; expected one of fr, en"),
    (
        "cpu=101",
        "cpu: \"101\" refused; expected a number from 0 to 100",
    ),
    (
        "ram=-0.1",
        "ram: \"-0.1\" refused; expected a number from 0 to 100",
    ),
    (
        "disk=abc",
        "disk: \"abc\" refused; expected a number from 0 to 100",
    ),
    (
        "p95=-1",
        "p95: \"-1\" refused; expected a number of at least 0",
    ),
    (
        "err=1e999",
        "err: \"1e999\" refused; expected a number from 0 to 100",
    ),
    (
        "db=my%20db",
        "db: \"my db\" refused; expected 1 to 63 characters among A-Z a-z 0-9 . _ -",
    ),
    (
        "domain=",
        "domain: \"\" refused; expected 1 to 63 characters among A-Z a-z 0-9 . _ -",
    ),
    (
        "hcpu=0",
        "hcpu: \"0\" refused; expected an integer from 1 to 1,024",
    ),
    (
        "hmem=0.25",
        "hmem: \"0.25\" refused; expected a number from 0.5 to 4,096",
    ),
    (
        "hdisk=1e7",
        "hdisk: \"1e7\" refused; expected a number from 1 to 1,000,000",
    ),
    (
        "uplink=0",
        "uplink: \"0\" refused; expected a number from 0.1 to 100,000",
    ),
    (
        "svc=0",
        "svc: \"0\" refused; expected a number above 0 and up to 600,000",
    ),
    (
        "svc=600001",
        "svc: \"600001\" refused; expected a number above 0 and up to 600,000",
    ),
    (
        "par=0",
        "par: \"0\" refused; expected an integer from 1 to 1,024",
    ),
    (
        "par=2.5",
        "par: \"2.5\" refused; expected an integer from 1 to 1,024",
    ),
];

#[test]
fn refused_values_name_the_key_the_value_and_the_range() {
    for (query, message) in REFUSALS {
        let decoded = query::decode(query, defaults());
        assert_eq!(decoded.errors.len(), 1, "{query}");
        assert_eq!(decoded.errors[0].to_string(), message, "{query}");
        // And fall back to the default.
        assert_eq!(query::encode(&decoded.scenario, defaults()), "", "{query}");
    }
}

#[test]
fn a_refused_value_leaves_the_others_alone() {
    let decoded = query::decode("users=abc&growth=10&host=minipc", defaults());
    assert_eq!(decoded.errors.len(), 1);
    assert_eq!(decoded.errors[0].key, Key::Users);
    assert_eq!(decoded.scenario.users, 500);
    assert_eq!(decoded.scenario.growth_percent, 10.0);
    assert_eq!(decoded.scenario.host, Host::MiniPc);
}

#[test]
fn messages_in_french_and_long_values_shortened() {
    let decoded = query::decode("users=abc", defaults());
    assert_eq!(
        decoded.errors[0].message(Lang::Fr),
        "users : « abc » refusé ; attendu : un entier de 0 à 100\u{202f}000\u{202f}000"
    );
    let long = "9".repeat(500);
    let decoded = query::decode(&format!("users={long}"), defaults());
    assert_eq!(decoded.errors[0].value.chars().count(), 41);
}

#[test]
fn plan_replaces_out_of_range_fields_it_was_handed_directly() {
    let mut scenario = Scenario::new(defaults());
    scenario.users = u32::MAX;
    scenario.growth_percent = f64::NAN;
    scenario.peak_ratio = f64::INFINITY;
    scenario.metrics.cpu = Some(-5.0);
    let plan = plan(&scenario);
    let keys: Vec<Key> = plan.notices.iter().map(|n| n.key).collect();
    assert_eq!(keys, [Key::Users, Key::Growth, Key::Peak, Key::Cpu]);
    assert_eq!(plan.scenario.users, 500);
    assert_eq!(plan.scenario.growth_percent, 15.0);
    assert_eq!(plan.scenario.metrics.cpu, None);
}

fn name() -> impl Strategy<Value = Name> {
    "[A-Za-z0-9._-]{1,63}".prop_map(|s| Name::parse(&s).expect("valid name"))
}

fn optional(range: std::ops::RangeInclusive<f64>) -> impl Strategy<Value = Option<f64>> {
    proptest::option::of(range)
}

prop_compose! {
    fn scenario()(
        users in 0u32..=100_000_000,
        growth_percent in -90.0f64..=1_000.0,
        host in prop_oneof![Just(Host::Pi4), Just(Host::MiniPc), Just(Host::Cloud), Just(Host::Custom)],
        requests_per_user in optional(0.001..=100_000.0),
        peak_ratio in 1.0f64..=100.0,
        mb_per_user in 0.0f64..=100_000.0,
        pg_connections in proptest::option::of(5u32..=10_000),
        (year, month) in (1000i32..=9989, 1u8..=12),
        lang in prop_oneof![Just(Lang::Fr), Just(Lang::En)],
        (cpu, ram, disk, errors) in (optional(0.0..=100.0), optional(0.0..=100.0), optional(0.0..=100.0), optional(0.0..=100.0)),
        p95_ms in optional(0.0..=1e12),
        (database, domain, target, pg_container, pg_volume) in (name(), name(), name(), name(), name()),
        (cpus, memory_gib, disk_gb) in (1u32..=1_024, 0.5f64..=4_096.0, 1.0f64..=1_000_000.0),
        uplink_mbps in optional(0.1..=100_000.0),
        (time_ms, servers) in (optional(0.001..=600_000.0), proptest::option::of(1u32..=1_024)),
        spread in proptest::option::of((0u32..=1_000_000).prop_map(|n| f64::from(n) / 10_000.0)),
        measured in measured(),
    ) -> Scenario {
        // The custom host's keys stay out of the link for the other hosts.
        let custom = if host == Host::Custom {
            CustomHost { cpus, memory_gib, disk_gb }
        } else {
            CustomHost::default()
        };
        // A valid pgconn is one the tier's PostgreSQL container holds.
        let largest = tuning::largest_pgconn(tier::tier_for(users));
        let pg_connections = pg_connections.map(|n| largest.map_or(n, |largest| n.min(largest)));
        Scenario {
            users, growth_percent, host, requests_per_user, peak_ratio, mb_per_user, pg_connections,
            start: YearMonth::new(year, month).expect("valid month"),
            lang,
            metrics: Metrics { cpu, ram, disk, p95_ms, errors },
            names: Names { database, domain, target, pg_container, pg_volume },
            custom,
            uplink_mbps,
            service: Service { time_ms, servers, spread },
            measured,
            // Not keys: the clock's, as the decoder takes them.
            today: defaults().today,
            day: defaults().day,
        }
    }
}

/// A figure as a link keeps it: four decimals.
fn figure(max: u64) -> impl Strategy<Value = f64> {
    (0..=max * 10_000).prop_map(|n| n as f64 / 10_000.0)
}

prop_compose! {
    fn container()(
        name in "[A-Za-z0-9][A-Za-z0-9._-]{0,40}",
        cpu_cores in figure(64),
        memory_mib in figure(1_000_000),
        limit_mib in proptest::option::of(figure(1_000_000).prop_filter("a limit", |l| *l > 0.0)),
    ) -> ContainerUse {
        ContainerUse { role: role_of(&name), name, cpu_cores, memory_mib, limit_mib }
    }
}

prop_compose! {
    fn measured()(
        containers in proptest::collection::vec(container(), 0..6),
        load_test in proptest::option::of((
            proptest::sample::select(Generator::ALL.to_vec()),
            proptest::sample::select(vec![Arrivals::ClosedLoop, Arrivals::ConstantRate, Arrivals::Poisson, Arrivals::Unstated]),
            figure(100_000).prop_filter("a rate", |r| *r > 0.0),
            proptest::option::of(1u32..=10_000),
            proptest::option::of(figure(100_000)),
        ).prop_map(|(generator, arrivals, rate, concurrency, p95_ms)| LoadTest { generator, arrivals, rate, concurrency, p95_ms })),
        usl in proptest::option::of((
            figure(10_000).prop_filter("λ", |l| *l > 0.0),
            (0u32..=10_000).prop_map(|n| f64::from(n) / 10_000.0),
            (0u64..=100_000_000).prop_map(|k| k as f64 / 1e10),
            6u32..=1_000,
            figure(10_000).prop_filter("a concurrency", |n| *n >= 1.0),
        ).prop_map(|(lambda, sigma, kappa, levels, max_measured)| Usl { lambda, sigma, kappa, levels, max_measured })),
    ) -> Measured {
        Measured { containers, load_test, usl }
    }
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        any::<f64>(),
        -1e6f64..1e6,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn valid_scenarios_round_trip(s in scenario()) {
        let encoded = query::encode(&s, defaults());
        let decoded = query::decode(&encoded, defaults());
        prop_assert!(decoded.errors.is_empty(), "{encoded}: {:?}", decoded.errors);
        prop_assert_eq!(&decoded.scenario, &s);
        prop_assert_eq!(query::encode(&decoded.scenario, defaults()), encoded);
    }

    #[test]
    fn any_query_string_decodes_and_plans_without_panicking(q in ".{0,200}") {
        let decoded = query::decode(&q, defaults());
        let plan = plan(&decoded.scenario);
        prop_assert!(plan.notices.is_empty());
    }

    #[test]
    fn any_value_for_any_key_decodes_and_plans(
        key in proptest::sample::select(Key::ALL.to_vec()),
        value in prop_oneof![any_number().prop_map(|n| n.to_string()), ".{0,40}", "[0-9eE.+-]{1,30}"],
    ) {
        let q = format!("{}={}", key.name(), value);
        let decoded = query::decode(&q, defaults());
        let plan = plan(&decoded.scenario);
        prop_assert!(decoded.errors.len() <= 1);
        for error in &decoded.errors {
            prop_assert_eq!(error.key, key);
            prop_assert!(error.to_string().starts_with(key.name()));
        }
        prop_assert!(plan.load.requests_per_day.is_finite());
    }

    #[test]
    fn any_numbers_handed_to_plan_never_panic(
        users in any::<u32>(),
        growth in any_number(),
        rpu in any_number(),
        peak in any_number(),
        mbpu in any_number(),
        pgconn in any::<u32>(),
        metric in any_number(),
    ) {
        let mut s = Scenario::new(defaults());
        s.users = users;
        s.growth_percent = growth;
        s.requests_per_user = Some(rpu);
        s.peak_ratio = peak;
        s.mb_per_user = mbpu;
        s.pg_connections = Some(pgconn);
        s.metrics = Metrics { cpu: Some(metric), ram: Some(metric), disk: Some(metric), p95_ms: Some(metric), errors: Some(metric) };
        s.service = Service { time_ms: Some(metric), servers: Some(pgconn), spread: Some(metric) };
        let plan = plan(&s);
        // Whatever was handed in, the plan's own scenario is valid.
        prop_assert!(plan.scenario.sanitized().1.is_empty());
        prop_assert!(plan.load.requests_per_second.0.is_finite());
        prop_assert!(plan.projection.iter().all(|u| u.is_finite()));
        // And PostgreSQL's worst case always fits its container.
        if let Some(tuning) = &plan.tuning {
            prop_assert!(tuning.memory.worst_case() <= tuning.memory.limit);
        }
    }

    #[test]
    fn any_users_and_pgconn_in_a_link_give_a_postgres_that_fits(
        users in 0u32..=12_000,
        pgconn in 5u32..=10_000,
    ) {
        let decoded = query::decode(&format!("users={users}&pgconn={pgconn}"), defaults());
        let plan = plan(&decoded.scenario);
        if let Some(tuning) = &plan.tuning {
            prop_assert!(tuning.memory.worst_case() <= tuning.memory.limit);
            let fits = decoded.errors.is_empty();
            prop_assert_eq!(fits, tuning.connections == pgconn);
        }
    }
}

#[test]
fn a_pgconn_that_cannot_fit_is_refused_with_the_largest_that_fits() {
    let decoded = query::decode("users=50&pgconn=10000&growth=8", defaults());
    assert_eq!(decoded.errors.len(), 1);
    let error = &decoded.errors[0];
    assert_eq!(error.key, Key::Pgconn);
    assert_eq!(
        error.problem,
        Problem::DoesNotFit {
            tier: 1,
            limit_mib: 256,
            largest: Some(10)
        }
    );
    assert_eq!(
        error.message(Lang::En),
        "pgconn: 10000 does not fit tier 1's 256m PostgreSQL container; at most 10"
    );
    assert_eq!(
        error.message(Lang::Fr),
        "pgconn : 10000 ne tient pas dans le conteneur PostgreSQL de 256m du palier 1 ; au plus 10"
    );
    // The other inputs stay; pgconn takes the tier's default.
    assert_eq!(decoded.scenario.growth_percent, 8.0);
    assert_eq!(decoded.scenario.pg_connections, None);
    // The largest is accepted; on tier 5 (no container) anything in range is.
    assert!(query::decode("users=50&pgconn=10", defaults())
        .errors
        .is_empty());
    assert!(query::decode("users=20000&pgconn=10000", defaults())
        .errors
        .is_empty());
}

#[test]
fn a_french_decimal_comma_is_accepted_once() {
    let decoded = query::decode("growth=2,5&peak=1%2C5", defaults());
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    assert_eq!(decoded.scenario.growth_percent, 2.5);
    assert_eq!(decoded.scenario.peak_ratio, 1.5);
    // The link is written back with a dot.
    assert_eq!(
        query::encode(&decoded.scenario, defaults()),
        "growth=2.5&peak=1.5"
    );
    assert_eq!(query::decode("growth=1,000,0", defaults()).errors.len(), 1);
    assert_eq!(query::decode("users=1,5", defaults()).errors.len(), 1);
}

#[test]
fn pairs_decode_like_a_query() {
    let pairs = [
        ("users", "2000"),
        ("growth", "abc"),
        ("nope", "1"),
        ("users", "3000"),
    ];
    let decoded = query::decode_pairs(pairs, defaults());
    assert_eq!(decoded.scenario.users, 3_000);
    assert_eq!(decoded.errors.len(), 1);
    assert_eq!(decoded.errors[0].key, Key::Growth);
    assert_eq!(query::percent_encode("a b/é"), "a%20b%2F%C3%A9");
}

#[test]
fn the_key_table_lists_every_key_once_in_order() {
    for (i, key) in Key::ALL.into_iter().enumerate() {
        // `Key::spec` reads the table at the key's own index.
        assert_eq!(key as usize, i, "{key:?}");
        assert_eq!(Key::from_name(key.name()), Some(key));
        assert!(!key.description().get(Lang::En).is_empty());
        assert!(!key.description().get(Lang::Fr).is_empty());
    }
    let mut names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Key::ALL.len());
}

#[test]
fn start_names_its_years_and_the_projection_stays_yyyy_mm() {
    let refused = query::decode("start=9999-12", defaults());
    assert_eq!(
        refused.errors[0].message(Lang::En),
        "start: \"9999-12\" refused; expected a month YYYY-MM from 1000-01 to 9989-12"
    );
    assert!(query::decode("start=0999-12", defaults()).errors[0]
        .message(Lang::En)
        .ends_with("from 1000-01 to 9989-12"));
    let last = query::decode("start=9989-12", defaults());
    assert!(last.errors.is_empty());
    let plan = plan(&last.scenario);
    assert!(plan
        .roadmap
        .iter()
        .filter_map(|p| match p.starts {
            headroom_core::timing::Eta::In { month, .. } => Some(month.to_string()),
            _ => None,
        })
        .all(|m| m.len() == 7));
    // -0 is 0: the link leaves growth out... or writes 0, never -0.
    let zero = query::decode("growth=-0", defaults());
    assert!(!query::encode(&zero.scenario, defaults()).contains("-0"));
}

/// Inputs take numbers the way the page prints them: thousands grouped
/// (commas or spaces in English, spaces in French) and a trailing `%`.
#[test]
fn numbers_as_the_page_writes_them() {
    let english = query::decode(
        "users=1,500&growth=20%&p95=1%2C200&hdisk=1%20000",
        defaults(),
    );
    assert!(english.errors.is_empty(), "{:?}", english.errors);
    assert_eq!(english.scenario.users, 1_500);
    assert_eq!(english.scenario.growth_percent, 20.0);
    assert_eq!(english.scenario.metrics.p95_ms, Some(1_200.0));
    // U+202F and U+00A0 as French prints them; a decimal comma.
    let french = query::decode(
        "lang=fr&users=1%E2%80%AF500&growth=12,5%C2%A0%25&ram=81,5%20%25",
        defaults(),
    );
    assert!(french.errors.is_empty(), "{:?}", french.errors);
    assert_eq!(french.scenario.users, 1_500);
    assert_eq!(french.scenario.growth_percent, 12.5);
    assert_eq!(french.scenario.metrics.ram, Some(81.5));
    // Groups of three only, and a decimal comma is not a thousands one in French.
    for refused in [
        "users=1,50",
        "users=15,00",
        "lang=fr&users=1,500",
        "users=1%20%20500",
    ] {
        let decoded = query::decode(refused, defaults());
        assert_eq!(decoded.errors.len(), 1, "{refused}");
    }
}

#[test]
fn the_position_is_within_the_tiers_range() {
    // 300 users in tier 2 (101-500): (300 - 101) / (500 - 101).
    let p = plan(&query::decode("users=300", defaults()).scenario);
    assert!((p.position.unwrap() - 199.0 / 399.0).abs() < 1e-12);
    let p = plan(&query::decode("users=101", defaults()).scenario);
    assert_eq!(p.position, Some(0.0));
}
