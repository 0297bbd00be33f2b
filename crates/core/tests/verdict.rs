//! One verdict from everything known, and the advice for the user that
//! follows from it and from their machine: the cases where the summary, "move
//! to" and the conclusion used to disagree.

use headroom_core::hardware::Host;
use headroom_core::{plan, query, Defaults, Lang, Plan, Verdict, YearMonth};

fn plan_for(q: &str) -> Plan {
    let defaults = Defaults {
        today: YearMonth::new(2026, 11).unwrap(),
        lang: Lang::En,
        day: 1,
    };
    plan(&query::decode(q, defaults).scenario)
}

#[test]
fn a_critical_measurement_makes_it_act_now_naming_the_row() {
    // One CRITICAL row (RAM > 95%) and two URGENT ones: the critical one.
    let p = plan_for("users=300&growth=20&cpu=97&ram=98&p95=4000&err=5");
    let Verdict::ActNow(row) = p.verdict else {
        panic!("{:?}", p.verdict)
    };
    assert_eq!(row.threshold, 95.0);
    assert_eq!(
        p.verdict.describe(Lang::En),
        "Act now: Out-of-memory risk (RAM in use >\u{a0}95%)"
    );
    assert!(p
        .for_you(Lang::En)
        .starts_with("Out-of-memory risk now: RAM in use measured at 98%"));
    assert_eq!(p.verdict.level(), "alert");
}

#[test]
fn the_advice_follows_the_machine() {
    // A mini PC at 4,000 users stays on it; the cloud comes at 7,500.
    let p = plan_for("users=4000&host=minipc");
    assert_eq!(p.verdict, Verdict::Fits);
    assert_eq!(p.destination(), Some(Host::Cloud));
    assert!(
        p.for_you(Lang::En).starts_with("Stay on the mini PC"),
        "{}",
        p.for_you(Lang::En)
    );
    // 300 users on a mini PC: stay on the mini PC, not "stay on the Pi 4".
    let p = plan_for("users=300&host=minipc");
    assert!(p.for_you(Lang::En).starts_with("Stay on the mini PC"));
    // 2,001 users on the Pi: past its ceiling, to the mini PC.
    let p = plan_for("users=2001");
    assert_eq!(p.verdict, Verdict::OverCeiling);
    assert_eq!(p.destination(), Some(Host::MiniPc));
    assert!(p.for_you(Lang::En).starts_with("Move to the mini PC"));
    // Tier 5 on the Pi: straight to the cloud, not to a mini PC it outgrew.
    let p = plan_for("users=100000000");
    assert_eq!(p.destination(), Some(Host::Cloud));
    assert!(p.for_you(Lang::En).starts_with("Move to the cloud now"));
    // The cloud has nowhere to go.
    let p = plan_for("users=50000&host=cloud");
    assert_eq!((p.verdict, p.destination()), (Verdict::NoCeiling, None));
}

#[test]
fn an_override_that_does_not_fit_the_machine_says_so() {
    // Tier 2 commits 2,816 MiB; a machine of 2.7 GiB (2,765 MiB) holds 300
    // users by the memory curve (full at 380) but not those limits.
    let p = plan_for("users=300&host=custom&hmem=2.7");
    assert_eq!(p.verdict, Verdict::OverBudget);
    assert!(
        p.for_you(Lang::En).starts_with("Tier 2's limits need"),
        "{}",
        p.for_you(Lang::En)
    );
    assert_eq!(p.verdict.level(), "alert");
    // The file itself says so at its top.
    let yaml = headroom_core::compose::for_plan(&p, &headroom_core::compose::Defaults).unwrap();
    // Figures and units are joined by no-break spaces.
    let first = yaml
        .lines()
        .next()
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(
        first,
        "# WARNING: tier 2's limits (with the system's 512 MiB) add up to 2,816 MiB,"
    );
    // A tier that fits carries no warning.
    let fits = plan_for("users=300");
    assert!(
        headroom_core::compose::for_plan(&fits, &headroom_core::compose::Defaults)
            .unwrap()
            .starts_with("# docker-compose.override.yml made by Headroom")
    );
    // In French too.
    assert!(p
        .for_you(Lang::Fr)
        .starts_with("Les limites du palier 2 demandent"));
}

#[test]
fn an_average_cpu_saturated_at_the_peak_hour_is_said_first() {
    // The former worked example of headroom by resource: 50% × 4 = 200%.
    let p = plan_for("users=1000&growth=10&host=pi4&cpu=50&ram=50");
    let Verdict::PeakSaturated { utilisation } = p.verdict else {
        panic!("{:?}", p.verdict)
    };
    assert!((utilisation - 2.0).abs() < 1e-9);
    assert_eq!(p.verdict.level(), "alert");
    assert_eq!(
        p.verdict.describe(Lang::En),
        "The peak hour already saturates the machine (200% at the peak)"
    );
    let advice = p.for_you(Lang::En);
    assert!(
        advice.starts_with(
            "The peak hour is saturated now: 50% CPU on average × 4 at the peak = 200%."
        ),
        "{advice}"
    );
    assert!(p
        .for_you(Lang::Fr)
        .starts_with("L'heure de pointe est saturée"));
    // The CPU is full at 500 users: past the ceiling too, said after it.
    assert_eq!(p.ceiling.unwrap().users, 500);
    let agenda = headroom_core::agenda::Agenda::of(&p, Lang::En);
    assert!(
        agenda.now[0]
            .text
            .starts_with("The peak hour is saturated (50% CPU"),
        "{:?}",
        agenda.now
    );
    assert!(
        agenda.now[1].text.starts_with("Move to the mini PC"),
        "{:?}",
        agenda.now
    );
    // 4% is 16% at the peak: the machine is enough.
    let p = plan_for("users=1000&growth=10&host=pi4&cpu=4&ram=50");
    assert_eq!(p.verdict, Verdict::Fits);
    // A critical measurement still comes first.
    let p = plan_for("users=1000&cpu=50&ram=98");
    assert!(matches!(p.verdict, Verdict::ActNow(row) if row.threshold == 95.0));
    // Unmeasured, the source's curve sets no verdict.
    assert_eq!(plan_for("users=300&growth=20").verdict, Verdict::Fits);
}

#[test]
fn one_node_process_slow_at_the_peak_can_set_the_ceiling() {
    // 300 ms a request on one process; 2,160 requests per user a day, × 4:
    // 0.1/s per user at the peak, saturated at 1 ÷ 0.3 ÷ 0.1 = 33.3 users.
    let p = plan_for("users=10&growth=20&rpu=2160&svc=300&par=1&cpu=1&ram=10");
    let c = p.ceiling.unwrap();
    assert!(c.latency && c.binding.is_none(), "{c:?}");
    assert_eq!(c.users, 33);
    let l = p.latency.unwrap();
    assert!(l.last_crossing().unwrap().users < 33.34);
    // Phase 1 starts when the P95 passes 3 s, before 75% of 33.
    let timing = p.host_timing.unwrap();
    assert!((timing.migration_start_users - l.last_crossing().unwrap().users).abs() < 1e-9);
}

/// A resource past its warning threshold, measured or on its curve, never
/// sits beside "the current machine is enough".
#[test]
fn a_resource_past_its_warning_is_never_all_well() {
    let p = plan_for("users=4000&host=minipc&ram=82");
    let Verdict::Watch(row) = p.verdict else {
        panic!("{:?}", p.verdict)
    };
    assert_eq!(row.threshold, 80.0);
    assert!(p
        .verdict
        .describe(Lang::En)
        .contains("RAM in use >\u{a0}80%"));
    assert_eq!(p.verdict.level(), "warn");
    for users in [100, 300, 900, 1400, 3000, 6000, 9000] {
        for host in ["pi4", "minipc", "custom"] {
            for measured in [
                "",
                "&ram=50",
                "&ram=79",
                "&cpu=15&ram=60",
                "&disk=75",
                "&disk=40&mbpu=200",
            ] {
                let q = format!("users={users}&host={host}{measured}");
                let p = plan_for(&q);
                let past = p.resources.iter().any(|r| {
                    (r.basis == headroom_core::resources::Basis::Measured
                        || r.resource == headroom_core::resources::Resource::Disk)
                        && r.warning_users.is_some_and(|w| w <= f64::from(users))
                });
                if past || !p.triggered.is_empty() {
                    assert_ne!(p.verdict, Verdict::Fits, "{q}");
                }
            }
        }
    }
}
