//! Tier 5's Kubernetes bundle: its sizes from the plan, figure by figure,
//! and what holds for any plan (the CLI's tests build and validate the files).

mod common;
use common::plan_for;
use headroom_core::kubernetes::sizing::{Cap, INSTANCE_MANAGER};
use headroom_core::kubernetes::{self, BundleError, FILES};
use headroom_core::tuning::{self, SettingKey};
use headroom_core::units::Mebibytes;
use headroom_core::Lang;

fn sizing(query: &str) -> kubernetes::Sizing {
    kubernetes::sizing(&plan_for(query)).expect("a tier-5 plan")
}

#[test]
fn the_reference_is_tier_4_at_its_10000_users() {
    let r = kubernetes::sizing::reference();
    assert_eq!(r.users, 10_000);
    // 10,000 users × 30 requests a day / 86,400 s × the default peak of 4.
    assert!((r.peak.0 - 300_000.0 / 86_400.0 * 4.0).abs() < 1e-9);
    // Tier 4's API: 2 replicas × 4 CPUs, 4096m each.
    assert_eq!(r.api_cores().0, 8.0);
    assert_eq!(r.api.mem_limit.0, 4096.0);
    assert_eq!((r.postgres.cpus.0, r.postgres.mem_limit.0), (2.0, 4096.0));
    assert_eq!((r.redis.cpus.0, r.redis.mem_limit.0), (1.0, 1024.0));
}

#[test]
fn twenty_thousand_users_growing_ten_percent() {
    let s = sizing("users=20000&growth=10");
    // Twice tier 4's load: 4 PostgreSQL CPUs, 2,048 MiB each.
    assert!((s.ratio_now() - 2.0).abs() < 1e-9);
    assert_eq!((s.postgres.cpus.0, s.postgres.memory.0), (4.0, 8192.0));
    assert_eq!(s.postgres.budget.0, 8192.0 - INSTANCE_MANAGER.0);
    assert_eq!(s.postgres.instances, 3);
    // Headroom's rules for the 7,936 MiB left to PostgreSQL.
    let t = &s.tuning;
    assert_eq!(
        t.get(SettingKey::SharedBuffers).unwrap().value_text(),
        "1984MB"
    );
    assert_eq!(
        t.get(SettingKey::EffectiveCacheSize).unwrap().value_text(),
        "5952MB"
    );
    assert_eq!(
        t.get(SettingKey::MaxConnections).unwrap().value_text(),
        "23"
    );
    assert_eq!(
        t.get(SettingKey::MaxWorkerProcesses).unwrap().value_text(),
        "4"
    );
    assert!(t.memory.worst_case() <= s.postgres.budget);
    // 20,000 × 1.1^12 = 62,769 users in a year: 87.2 requests/s at peak, 6.28
    // times tier 4's, so 50.2 API cores; at 70% per 1-CPU pod, 72 pods.
    assert_eq!(s.horizon_users.round(), 62_769.0);
    assert_eq!((s.api.min, s.api.max), (4, 72));
    assert_eq!((s.web.min, s.web.max), (2, 72));
    assert_eq!(s.target_percent, 70.0);
    assert_eq!(
        (s.api.cpu_request.0, s.api.cpu_limit.0, s.api.memory.0),
        (1.0, 2.0, 1024.0)
    );
    assert_eq!(
        t.get(SettingKey::NodeMaxOldSpace).unwrap().value_text(),
        "298"
    );
    // The database in a year: 62,769 × 5 MB = 313.8 GB, under 80%: 392.3 GB,
    // 365.4 GiB, so 366; twice today's 100 GB is less.
    assert_eq!(s.postgres.storage_gib, 366);
    // WAL: 2 × 4096 + 512 MiB = 8.5 GiB.
    assert_eq!(s.postgres.wal_gib, 9);
    // Redis: the 2,200 MB cache (2,098 MiB) twice, in 256 MiB steps; half of it.
    assert_eq!(s.redis.memory.0, 4352.0);
    assert_eq!(s.redis.maxmemory.0, 2176.0);
    assert_eq!(s.redis.storage_gib, 9);
    assert_eq!(s.redis.nodes, 3);
    assert_eq!(s.sentinels, 3);
    // Two PgBouncer pods share the plan's 20 connections.
    assert_eq!((s.pooler.instances, s.pooler.pool_per_pod), (2, 10));
    assert!(s.capped.is_empty());
}

#[test]
fn without_growth_the_volume_holds_the_import_twice() {
    let s = sizing("users=20000&growth=0");
    assert_eq!(s.horizon_users, 20_000.0);
    // 2 × 100 GB = 186.3 GiB, more than 100 GB / 80%.
    assert_eq!(s.postgres.storage_gib, 187);
    assert_eq!(s.api.max, 23);
    // Shrinking users size for today, not for fewer.
    assert_eq!(sizing("users=20000&growth=-10").horizon_users, 20_000.0);
}

#[test]
fn the_users_given_pgconn_sets_the_pool_and_an_unfit_one_is_refused() {
    let s = sizing("users=20000&pgconn=40");
    assert_eq!(s.tuning.connections, 40);
    assert_eq!(s.pooler.pool_per_pod, 20);
    let plan = plan_for("users=20000&pgconn=10000");
    let largest = tuning::largest_pgconn_in(&tuning::Containers {
        number: 5,
        limits: &[],
    });
    assert_eq!(largest, None);
    match kubernetes::sizing(&plan) {
        Err(BundleError::PgconnDoesNotFit {
            pgconn: 10_000,
            largest,
            memory,
        }) => {
            assert_eq!(memory.0, 8192.0);
            assert!(largest > 40 && largest < 10_000, "{largest}");
            // The most that fits does fit.
            let fits = sizing(&format!("users=20000&pgconn={largest}"));
            assert!(fits.tuning.memory.worst_case() <= fits.postgres.budget);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_bundle_below_tier_5_nor_for_a_domain_a_gateway_refuses() {
    let plan = plan_for("users=10000");
    assert_eq!(
        kubernetes::bundle(&plan).unwrap_err(),
        BundleError::NotTier5 {
            tier: 4,
            users: 10_000
        }
    );
    let error = kubernetes::bundle(&plan_for("users=20000&domain=my_shop.fr")).unwrap_err();
    assert_eq!(
        error.describe(Lang::En),
        "--domain: \"my_shop.fr\" is not a host name a Gateway accepts; expected lower-case letters, digits, hyphens and dots (example.com)"
    );
    assert!(error
        .describe(Lang::Fr)
        .starts_with("--domain : « my_shop.fr »"));
    // Capitals are lower-cased, as DNS ignores case.
    assert!(kubernetes::bundle(&plan_for("users=20000&domain=Shop.Example.com")).is_ok());
}

#[test]
fn huge_plans_hit_the_ceilings_and_say_so() {
    let s = sizing("users=100000000&growth=1000");
    for cap in [
        Cap::ApiReplicas,
        Cap::PostgresCpus,
        Cap::RedisMemory,
        Cap::PostgresVolume,
    ] {
        assert!(s.capped.contains(&cap), "{cap:?}");
    }
    assert_eq!(s.api.max, 1_000);
    assert_eq!(s.postgres.cpus.0, 64.0);
    assert_eq!(s.postgres.storage_gib, 16_384);
    let bundle = kubernetes::bundle(&plan_for("users=100000000&growth=1000")).unwrap();
    let postgres = &bundle.files[1].1;
    assert!(postgres.contains("WARNING: the load asks more than 64 CPUs"));
    assert!(postgres.contains("WARNING: the database passes 16 TiB"));
}

#[test]
fn every_plan_gets_a_bundle_whose_sizes_hold() {
    for users in [
        10_001,
        15_000,
        20_000,
        50_000,
        120_000,
        1_000_000,
        100_000_000,
    ] {
        for growth in ["-90", "0", "10", "100", "1000"] {
            for lang in ["en", "fr"] {
                let query = format!("users={users}&growth={growth}&lang={lang}");
                let plan = plan_for(&query);
                let bundle = kubernetes::bundle(&plan).unwrap_or_else(|e| panic!("{query}: {e}"));
                let s = &bundle.sizing;
                assert!(s.tuning.memory.worst_case() <= s.postgres.budget, "{query}");
                assert!(
                    tuning::node_resident(Mebibytes(
                        s.tuning
                            .get(SettingKey::NodeMaxOldSpace)
                            .unwrap()
                            .memory()
                            .unwrap()
                            .0
                    )) <= s.api.memory * 0.9,
                    "{query}"
                );
                assert!(s.api.min <= s.api.max && s.web.min <= s.web.max, "{query}");
                for c in s.components() {
                    assert!(c.cpu_request <= c.cpu_limit, "{query}: {c:?}");
                    assert!(c.memory_request <= c.memory_limit, "{query}: {c:?}");
                    assert!(c.min >= 1 && c.min <= c.max, "{query}: {c:?}");
                }
                assert_eq!(bundle.files.len(), FILES.len());
                for (name, text) in &bundle.files {
                    assert!(text.ends_with('\n'), "{query}: {name}");
                    assert!(
                        !text.contains("NaN") && !text.contains("inf"),
                        "{query}: {name}"
                    );
                    assert!(
                        !text.contains('\r') && !text.contains('\t'),
                        "{query}: {name}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_size_has_its_reason_beside_it() {
    let bundle = kubernetes::bundle(&plan_for("users=20000&growth=10")).unwrap();
    let file = |name: &str| {
        &bundle
            .files
            .iter()
            .find(|(n, _)| n == name)
            .expect("the file")
            .1
    };
    let postgres = file("postgres.yaml");
    for reason in [
        "tier 4's PostgreSQL had 2 CPUs for 10,000 users (13.9 requests/s at peak); your peak, 27.8/s, is ×2: 4 CPUs",
        "Memory: tier 4's 2,048 MiB per CPU: 8Gi.",
        "# rule: 25% of the 7936m mem_limit, at most 40%",
        "The database in 12 months: 313.8\u{a0}GB (62,769 users, the plan's projection)",
    ] {
        assert!(postgres.replace("\n  # ", " ").contains(reason), "{reason}");
    }
    let api = file("api.yaml").replace("\n  # ", " ");
    assert!(api.contains("Your peak in 12 months, 87.2/s (62,769 users), needs 50.2; at the 70% target: 72 pods at most."), "{api}");
    assert!(file("redis.yaml").contains("# rule: 50% of the 4352m mem_limit: the rest for the persistence fork\n    maxmemory 2176mb"));
    // French throughout with lang=fr.
    let fr = kubernetes::bundle(&plan_for("users=20000&growth=10&lang=fr")).unwrap();
    let kustomization = &fr.files[0].1;
    assert!(kustomization.starts_with("# Kustomization produite par Headroom\u{a0}: palier 5"));
    assert!(!kustomization.contains("made by Headroom"));
}
