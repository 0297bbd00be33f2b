//! Headroom by resource through the share link's keys (SPEC 3.10): a custom
//! host, the upload bandwidth, and what is not modelled.

use headroom_core::resources::{Basis, Resource};
use headroom_core::{plan, query, Defaults, Lang, Plan, Verdict, YearMonth};

fn plan_for(q: &str) -> Plan {
    let defaults = Defaults {
        today: YearMonth::new(2026, 11).unwrap(),
        lang: Lang::En,
        day: 1,
    };
    let decoded = query::decode(q, defaults);
    assert!(decoded.errors.is_empty(), "{q}: {:?}", decoded.errors);
    plan(&decoded.scenario)
}

fn full_users(plan: &Plan, resource: Resource) -> Option<f64> {
    let r = plan
        .resources
        .iter()
        .find(|r| r.resource == resource)
        .unwrap();
    r.full_users.map(f64::round)
}

#[test]
fn a_custom_host_takes_its_ceiling_from_its_resources() {
    // 8 CPUs, 32 GiB, 500 GB. Memory: 4 GiB at 2,000 users, then 1 GiB per
    // 1,500 users: 32 GiB at 2,000 + 28 × 1,500 = 44,000. Disk: 100 GB at
    // 10,000 users, then 10 MB a user: 500 GB at 50,000.
    let p = plan_for("users=1000&growth=10&host=custom&hcpu=8&hmem=32&hdisk=500");
    assert_eq!(full_users(&p, Resource::Memory), Some(44_000.0));
    assert_eq!(full_users(&p, Resource::Disk), Some(50_000.0));
    // The CPU curve counts Pi 4 cores: on another machine it is not guessed.
    let cpu = p
        .resources
        .iter()
        .find(|r| r.resource == Resource::Cpu)
        .unwrap();
    assert!(!cpu.is_modelled());
    assert_eq!(cpu.capacity, Some(8.0));
    let ceiling = p.ceiling.unwrap();
    assert_eq!(
        (ceiling.users, ceiling.binding),
        (44_000, Some(Resource::Memory))
    );
    assert!(!ceiling.source_cap);
    let timing = p.host_timing.unwrap();
    assert_eq!(timing.migration_start_users, 33_000.0);
    // Measured, the CPU is modelled: 25% of 8 CPUs at 1,000 users.
    let p = plan_for("users=1000&host=custom&hcpu=8&hmem=32&hdisk=500&cpu=25");
    let cpu = p
        .resources
        .iter()
        .find(|r| r.resource == Resource::Cpu)
        .unwrap();
    assert_eq!(cpu.basis, Basis::Measured);
    assert!((cpu.use_now.unwrap() - 2.0).abs() < 1e-9);
}

#[test]
fn the_custom_keys_are_left_out_of_the_link_for_the_other_hosts() {
    let defaults = Defaults {
        today: YearMonth::new(2026, 11).unwrap(),
        lang: Lang::En,
        day: 1,
    };
    let decoded = query::decode("host=pi4&hcpu=8&hmem=32", defaults);
    assert_eq!(query::encode(&decoded.scenario, defaults), "");
    let decoded = query::decode("host=custom&hcpu=8&hmem=32", defaults);
    assert_eq!(
        query::encode(&decoded.scenario, defaults),
        "host=custom&hcpu=8&hmem=32"
    );
}

#[test]
fn the_upload_bandwidth_can_bind() {
    // The source's app sends 10 Mbit/s at 500 users and 30 at 2,000: a 20
    // Mbit/s uplink is full at 500 + 1,500 / 2 = 1,250 users, before the
    // Pi's 2,000.
    let p = plan_for("users=100&uplink=20");
    assert_eq!(full_users(&p, Resource::Uplink), Some(1_250.0));
    let ceiling = p.ceiling.unwrap();
    assert_eq!(
        (ceiling.users, ceiling.binding),
        (1_250, Some(Resource::Uplink))
    );
    // A 10 Mbit/s uplink is already full at 500 users.
    let p = plan_for("users=500&uplink=10");
    assert_eq!(p.ceiling.unwrap().binding, Some(Resource::Uplink));
    assert_eq!(p.verdict, Verdict::OverCeiling);
    // Without `uplink`, bandwidth is a need, not a limit.
    let p = plan_for("users=500");
    let uplink = p
        .resources
        .iter()
        .find(|r| r.resource == Resource::Uplink)
        .unwrap();
    assert_eq!((uplink.capacity, uplink.full_users), (None, None));
    assert_eq!(p.ceiling.unwrap().users, 2_000);
}

#[test]
fn the_pi_4_without_measurements_keeps_its_2000_users() {
    // 1,000 users at 10% a month reach the Pi's 2,000 in
    // ln 2 / ln 1.1 = 7.27 months; phase 1 at 1,500 in ln 1.5 / ln 1.1 = 4.25.
    let p = plan_for("users=1000&growth=10");
    let timing = p.host_timing.unwrap();
    assert_eq!(timing.ceiling_users, 2_000);
    assert_eq!(format!("{:.2}", timing.ceiling.months().unwrap()), "7.27");
    assert_eq!(
        format!("{:.2}", timing.migration_start.months().unwrap()),
        "4.25"
    );
}

#[test]
fn the_roadmap_leaves_the_machine_when_it_runs_out() {
    // Worked example: the Pi is full at 6,000 users, so the mini PC step
    // starts at the 6,001st, in ln 6.001 / ln 1.1 months.
    let p = plan_for("users=1000&growth=10&host=pi4&cpu=4&ram=50");
    let step_4 = p.roadmap.iter().find(|s| s.step.number == 4).unwrap();
    assert_eq!(format!("{:.2}", step_4.starts.months().unwrap()), "18.80");
    // Unmeasured, the Pi's 2,000 users: the step starts with tier 4, at 2,001.
    let p = plan_for("users=1000&growth=10");
    let step_4 = p.roadmap.iter().find(|s| s.step.number == 4).unwrap();
    let expected = 2.001f64.ln() / 1.1f64.ln();
    assert!((step_4.starts.months().unwrap() - expected).abs() < 1e-9);
}
