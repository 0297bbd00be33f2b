//! The plan as other programs read it: one serializable view with a stable,
//! versioned shape (`schema_version`), the CLI's `--json`. Numbers are
//! unrounded; sizes carry their unit in the field name (`_mb` decimal
//! megabytes, `_mib` binary). The view differs from the model on purpose:
//! texts in the plan's language, enums as short strings, figures computed.
//! Behind the `serde` feature, off in the site.

use crate::agenda::{Step, Steps};
use crate::base::units::seconds_to_ms;
use crate::emit::{compose, kubernetes, query};
use crate::input::scenario::Defaults;
use crate::model::growth::Eta;
use crate::model::latency::{Latency, ServersFrom};
use crate::model::roadmap::Lasts;
use crate::plan::Plan;
use crate::settings::pooler;
use crate::settings::tuning::{self, Reason};
use crate::source::decision::Severity;
use crate::source::hardware::Host;
use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning or goes; adding one does not.
/// 2: a measured CPU is read at the peak hour (its `resources` thresholds
/// and full point), `latency` added, the verdict `peak_saturated` and the
/// binding `latency`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub schema_version: u32,
    /// The share link's query for these inputs.
    pub query: String,
    pub scenario: ScenarioView,
    pub tier: TierView,
    pub host: HostView,
    pub load: LoadView,
    pub timing: TimingView,
    /// Headroom by resource on the host; empty on the cloud.
    pub resources: Vec<ResourceView>,
    pub tuning: Option<Vec<SettingView>>,
    pub postgres: Option<PostgresView>,
    pub budget: Option<BudgetView>,
    pub decisions: Vec<DecisionView>,
    pub roadmap: Vec<RoadmapView>,
    pub advice: AdviceView,
    pub compose_override: Option<String>,
    /// Tier 5's Kubernetes bundle (`--kubernetes DIR`); `null` below tier 5.
    pub kubernetes: Option<KubernetesView>,
    /// The busiest service as a queue at the peak hour; `null` on the cloud
    /// without `svc` and `par`.
    pub latency: Option<LatencyView>,
    /// Now / Next / Later, the answer the page gives first.
    pub agenda: AgendaView,
    /// What the user's tools measured (`ds`, `lt`, `usl`); `null` without.
    pub measurements: Option<MeasurementsView>,
}

/// The measurements a plan rests on. `source`: the tools, `docker_stats`
/// first, then the load test's (`oha`, `k6`, `autocannon`, `wrk`,
/// `pgbench`). A load test also sets `latency.basis` to `measured`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasurementsView {
    pub source: Vec<String>,
    /// One per container of `docker stats`.
    pub services: Vec<ServiceUseView>,
    /// The container nearest one of the override's limits.
    pub binds_first: Option<String>,
    pub load_test: Option<LoadTestView>,
    pub usl: Option<UslView>,
}

/// One container: `name` is its role in the stack (`api`, `postgres`,
/// `redis`, `nginx`, `minio`, `web`, `pgbouncer`) or `null`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceUseView {
    pub name: Option<String>,
    pub container: String,
    pub cpu_cores: f64,
    pub memory_mib: f64,
    /// The limit it runs under now, as `docker stats` showed it.
    pub limit_mib: Option<f64>,
    /// The limit the override gives one replica of its service.
    pub override_limit_mib: Option<f64>,
    pub override_cpus: Option<f64>,
    /// What Headroom's settings let the service use at most.
    pub planned_mib: Option<f64>,
    /// The planned figure, or the measurement where higher.
    pub expected_mib: f64,
    /// At or above 80% of a limit the override would give it.
    pub near_limit: bool,
}

/// The load test behind `svc`: its rate, arrivals (`closed`, `constant`,
/// `poisson`, `unstated`), the P95 it measured and the model's at its rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadTestView {
    pub tool: String,
    pub arrivals: String,
    pub rate_rps: f64,
    pub concurrency: Option<u32>,
    pub measured_p95_ms: Option<f64>,
    pub predicted_p95_ms: Option<f64>,
    pub spread_cs2: Option<f64>,
}

/// The Universal Scalability Law fit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UslView {
    pub lambda: f64,
    pub sigma: f64,
    pub kappa: f64,
    pub levels: u32,
    pub max_rps: Option<f64>,
    pub peak_concurrency: Option<f64>,
    pub retrograde: bool,
    /// The users whose peak hour asks for `max_rps`.
    pub saturation_users: Option<f64>,
}

/// The plan's actions in three groups, as the page's Now / Next / Later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaView {
    pub now: Vec<ActionView>,
    /// The next dated step.
    pub next: Vec<ActionView>,
    /// Every dated step after it, within ten years.
    pub later: Vec<ActionView>,
}

/// One action: its kind (`apply_override`, `migrate`, …), when (`users`
/// and the calendar `month`, both `null` for now; `months` 0 when already
/// due, `null` beyond ten years) and its text in the plan's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionView {
    pub kind: String,
    pub users: Option<f64>,
    pub months: Option<f64>,
    pub month: Option<String>,
    pub text: String,
}

impl AgendaView {
    fn new(plan: &Plan) -> AgendaView {
        let lang = plan.scenario.lang;
        let steps = Steps::of(plan);
        let actions = |steps: &[Step]| {
            steps
                .iter()
                .map(|step| ActionView {
                    kind: step.task.kind().to_owned(),
                    users: step.at.map(|(users, _)| users),
                    months: step.at.and_then(|(_, eta)| eta.months()),
                    month: step.at.and_then(|(_, eta)| month(eta)),
                    text: step.describe(lang).text,
                })
                .collect()
        };
        AgendaView {
            now: actions(&steps.now),
            next: actions(&steps.next),
            later: actions(&steps.later),
        }
    }
}

/// Latency at the peak hour. `basis`: `given` (`svc`), `measured` (the
/// utilisation law on `cpu`), `source` (the CPU time per request the
/// source's curve implies: kept out of the verdict). Times in ms; a P95 is
/// `null` when saturated. `_users` are `null` when never; `_months` as in
/// [`TimingView`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatencyView {
    pub basis: String,
    /// Service demand per request, what sets the utilisation.
    pub service_ms: f64,
    /// The service time of the latency: `service_ms` unless a measured P95
    /// set it.
    pub latency_service_ms: f64,
    pub servers: u32,
    /// `par` or `machine_cpus`.
    pub servers_from: String,
    /// Whether the figures set the verdict, the ceiling and the agenda.
    pub binds: bool,
    pub utilisation_at_peak: f64,
    pub p95_ms_at_peak: Option<f64>,
    pub saturation_users: Option<f64>,
    pub saturation_months: Option<f64>,
    pub p95_over_1s_users: Option<f64>,
    pub p95_over_1s_months: Option<f64>,
    pub p95_over_3s_users: Option<f64>,
    pub p95_over_3s_months: Option<f64>,
    /// One per P95 row of the decision table.
    pub crossings: Vec<CrossingView>,
    /// A measured `p95`: the model's P95 at today's average rate before
    /// calibration, and the service time it set.
    pub calibration: Option<CalibrationView>,
    /// With basis `source`: the curve's cores today, today's average rate,
    /// and the CPU seconds per request they imply.
    pub source_cpu_per_request_s: Option<f64>,
    pub curve: Vec<CurvePointView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrossingView {
    pub threshold_ms: f64,
    pub users: f64,
    pub months: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationView {
    pub measured_ms: f64,
    pub predicted_ms: Option<f64>,
    pub service_ms: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurvePointView {
    pub users: f64,
    pub peak_rps: f64,
    pub p95_ms: Option<f64>,
}

/// What `--kubernetes DIR` writes: its files and the sized components.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KubernetesView {
    /// Why no bundle can be written for these inputs; then no files.
    pub error: Option<String>,
    pub files: Vec<String>,
    /// Pods are sized for today; autoscalers' ceilings and volumes for the
    /// users this many months ahead.
    pub horizon_months: u32,
    pub horizon_users: f64,
    pub components: Vec<ComponentView>,
    /// PostgreSQL's connections on each instance, through the poolers.
    pub postgres_connections: Option<u32>,
    pub redis_maxmemory_mib: Option<f64>,
    pub node_max_old_space_mib: Option<f64>,
    /// The autoscalers' CPU target, %.
    pub cpu_target_percent: Option<f64>,
    /// Sizes that hit their ceiling: `api_replicas`, `postgres_cpus`,
    /// `redis_memory`, `postgres_volume`.
    pub capped: Vec<String>,
}

/// One object that runs pods; sizes per pod, requests and limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComponentView {
    pub name: String,
    pub kind: String,
    pub file: String,
    pub replicas_min: u32,
    pub replicas_max: u32,
    pub cpu_request: f64,
    pub cpu_limit: f64,
    pub memory_request_mib: f64,
    pub memory_limit_mib: f64,
    pub storage_gib: Option<u64>,
    pub wal_storage_gib: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioView {
    pub users: u32,
    pub growth_percent: f64,
    pub host: String,
    pub requests_per_user: Option<f64>,
    pub peak_ratio: f64,
    pub mb_per_user: f64,
    pub pg_connections: Option<u32>,
    pub start: String,
    pub lang: String,
    /// `hcpu`, `hmem`, `hdisk` with `host=custom`; `null` for the others.
    pub custom_host: Option<CustomHostView>,
    /// `uplink`, Mbit/s.
    pub uplink_mbps: Option<f64>,
    /// `svc`: the busiest service's mean service time, ms.
    pub service_ms: Option<f64>,
    /// `par`: its servers in parallel.
    pub servers: Option<u32>,
    /// `cs2`: the spread of its service times (C_s²).
    pub service_cs2: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomHostView {
    pub cpus: u32,
    pub memory_gib: f64,
    pub disk_gb: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierView {
    pub number: u8,
    pub name: String,
    pub min_users: u32,
    pub max_users: Option<u32>,
    pub position: Option<f64>,
    pub next: Option<u8>,
    pub monthly_cost_eur: [u32; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HostView {
    pub code: String,
    pub name: String,
    pub ceiling_users: Option<u32>,
    /// The resource full first at the ceiling (`cpu`, `memory`, `disk`,
    /// `uplink`); `null` on the cloud.
    pub binding: Option<String>,
    /// Whether the source's recommended ceiling (2,000 on the Pi 4, 10,000
    /// on the mini PC) sets the ceiling, below every resource's.
    pub source_ceiling: bool,
    /// `over_budget`, `act_now`, `fits`, `start_migration`, `over_ceiling`,
    /// `no_ceiling`.
    pub verdict: String,
    pub verdict_text: String,
    /// The advice for this user, in one sentence.
    pub for_you: String,
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadView {
    pub requests_per_user: f64,
    pub requests_per_user_from_source_rule: bool,
    pub requests_per_day: f64,
    pub requests_per_second: f64,
    pub peak_requests_per_second: f64,
    pub database_mb: f64,
    pub cache_mb: f64,
    pub disk_mb: f64,
}

/// One resource: `basis` is `source` (the source's curve) or `measured`
/// (rescaled through the user's measurement); amounts are in `unit`; the
/// `_users` are `null` when not modelled or without a threshold, the
/// `_months` as in [`TimingView`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResourceView {
    pub resource: String,
    pub basis: String,
    pub unit: String,
    pub capacity: Option<f64>,
    pub use_now: Option<f64>,
    pub use_now_percent: Option<f64>,
    pub warning_percent: Option<f64>,
    pub critical_percent: Option<f64>,
    pub warning_users: Option<f64>,
    pub critical_users: Option<f64>,
    pub full_users: Option<f64>,
    pub warning_months: Option<f64>,
    pub critical_months: Option<f64>,
    pub full_months: Option<f64>,
}

/// Fractional months from the start; `0` when overdue, `null` when not
/// within ten years, all `null` on the cloud.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimingView {
    pub migration_start_users: Option<f64>,
    pub migration_start_months: Option<f64>,
    pub migration_start_month: Option<String>,
    pub ceiling_users: Option<u32>,
    pub ceiling_months: Option<f64>,
    pub ceiling_month: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingView {
    pub service: String,
    pub name: String,
    pub value: String,
    /// `source`, `derived`, `corrected`.
    pub origin: String,
    pub source_value: Option<f64>,
    pub provenance: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostgresView {
    pub connections: u32,
    pub largest_connections: Option<u32>,
    pub mem_limit_mib: f64,
    pub worst_case_mib: f64,
    pub shared_memory_mib: f64,
    pub process_overhead_mib: f64,
    pub processes: u32,
    pub query_memory_mib: f64,
    pub query_processes: u32,
    pub autovacuum_mib: f64,
    pub work_mem_mib: f64,
    pub shm_size_mib: f64,
    pub pgbouncer: Option<PgBouncerView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PgBouncerView {
    pub image: String,
    pub pool_size: u32,
    pub settings: Vec<PoolSettingView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolSettingView {
    pub name: String,
    pub value: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BudgetView {
    pub host: String,
    pub memory_mib: f64,
    pub os_reserve_mib: f64,
    pub memory_committed_mib: f64,
    pub memory_left_mib: f64,
    pub memory_overflows: bool,
    pub cpus: f64,
    pub cpus_committed: f64,
    pub cpus_oversubscribed: bool,
    /// MinIO's and the front end's limits, each: half of what is left.
    pub rest_memory_mib: f64,
    pub rest_cpus: f64,
    /// Whether that half reaches Headroom's floor.
    pub rest_room: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    /// The query key of the measurement: `cpu`, `ram`, `disk`, `p95`, `err`.
    pub metric: String,
    pub threshold: f64,
    /// `warning`, `urgent`, `critical`.
    pub severity: String,
    pub action: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoadmapView {
    pub step: u8,
    pub tier: u8,
    pub action: String,
    pub source_months: (u32, Option<u32>),
    pub starts_in_months: Option<f64>,
    pub starts_month: Option<String>,
    pub tier_lasts_months: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdviceView {
    pub source_range: String,
    pub text: String,
    pub correction: Option<String>,
}

fn month(eta: Eta) -> Option<String> {
    match eta {
        Eta::In { month, .. } => Some(month.to_string()),
        _ => None,
    }
}

impl PlanView {
    /// The plan's view, its override written for Headroom's service names.
    pub fn new(plan: &Plan, defaults: Defaults) -> PlanView {
        PlanView::with_override(plan, defaults, compose::for_plan(plan, &compose::Defaults))
    }

    /// The plan's view with the override already written (for the user's
    /// file, with `--base`).
    pub fn with_override(
        plan: &Plan,
        defaults: Defaults,
        compose_override: Option<String>,
    ) -> PlanView {
        let s = &plan.scenario;
        let lang = s.lang;
        let tier = plan.tier;
        PlanView {
            schema_version: SCHEMA_VERSION,
            query: query::encode(s, defaults),
            scenario: ScenarioView {
                users: s.users,
                growth_percent: s.growth_percent,
                host: s.host.code().to_owned(),
                requests_per_user: s.requests_per_user,
                peak_ratio: s.peak_ratio,
                mb_per_user: s.mb_per_user,
                pg_connections: s.pg_connections,
                start: s.start.to_string(),
                lang: lang.code().to_owned(),
                custom_host: (s.host == Host::Custom).then_some(CustomHostView {
                    cpus: s.custom.cpus,
                    memory_gib: s.custom.memory_gib,
                    disk_gb: s.custom.disk_gb,
                }),
                uplink_mbps: s.uplink_mbps,
                service_ms: s.service.time_ms,
                servers: s.service.servers,
                service_cs2: s.service.spread,
            },
            tier: TierView {
                number: tier.number,
                name: tier.name.get(lang).to_owned(),
                min_users: tier.min_users,
                max_users: tier.max_users,
                position: plan.position,
                next: tier.next().map(|t| t.number),
                monthly_cost_eur: [tier.monthly_cost.low, tier.monthly_cost.high],
            },
            host: HostView {
                code: s.host.code().to_owned(),
                name: s.host.name().get(lang).to_owned(),
                ceiling_users: plan.ceiling.map(|c| c.users),
                binding: plan.ceiling.and_then(|c| match c.binding {
                    _ if c.latency => Some("latency".to_owned()),
                    binding => binding.map(|r| r.code().to_owned()),
                }),
                source_ceiling: plan.ceiling.is_some_and(|c| c.source_cap),
                verdict: plan.verdict.code().to_owned(),
                verdict_text: plan.verdict.describe(lang),
                for_you: plan.for_you(lang),
                next: plan.destination().map(|h| h.code().to_owned()),
            },
            load: LoadView {
                requests_per_user: plan.load.requests_per_user,
                requests_per_user_from_source_rule: plan.uses_source_request_rule(),
                requests_per_day: plan.load.requests_per_day,
                requests_per_second: plan.load.requests_per_second.0,
                peak_requests_per_second: plan.load.peak_requests_per_second.0,
                database_mb: plan.load.database.0,
                cache_mb: plan.load.cache.0,
                disk_mb: plan.load.disk.0,
            },
            timing: plan
                .host_timing
                .map(|t| TimingView {
                    migration_start_users: Some(t.migration_start_users),
                    migration_start_months: t.migration_start.months(),
                    migration_start_month: month(t.migration_start),
                    ceiling_users: Some(t.ceiling_users),
                    ceiling_months: t.ceiling.months(),
                    ceiling_month: month(t.ceiling),
                })
                .unwrap_or_default(),
            resources: plan
                .resources
                .iter()
                .map(|r| ResourceView {
                    resource: r.resource.code().to_owned(),
                    basis: r.basis.code().to_owned(),
                    unit: r.resource.unit().get(lang).to_owned(),
                    capacity: r.capacity,
                    use_now: r.use_now,
                    use_now_percent: r.use_now_percent(),
                    warning_percent: r.resource.thresholds().map(|t| t.warning),
                    critical_percent: r.resource.thresholds().map(|t| t.critical),
                    warning_users: r.warning_users,
                    critical_users: r.critical_users,
                    full_users: r.full_users,
                    warning_months: r.warning.and_then(Eta::months),
                    critical_months: r.critical.and_then(Eta::months),
                    full_months: r.full.and_then(Eta::months),
                })
                .collect(),
            tuning: plan.tuning.as_ref().map(|t| {
                t.settings
                    .iter()
                    .map(|setting| SettingView {
                        service: setting.key.service().name().to_owned(),
                        name: setting.key.name().to_owned(),
                        value: setting.value_text(),
                        origin: match setting.reason {
                            Reason::Source { .. } => "source",
                            Reason::Derived(_) => "derived",
                            Reason::Corrected { .. } => "corrected",
                        }
                        .to_owned(),
                        source_value: match setting.reason {
                            Reason::Corrected { source, .. } => Some(source.0),
                            _ => None,
                        },
                        provenance: setting.provenance(lang),
                    })
                    .collect()
            }),
            postgres: plan.tuning.as_ref().map(|t| {
                let m = &t.memory;
                PostgresView {
                    connections: t.connections,
                    largest_connections: tuning::largest_pgconn(tier),
                    mem_limit_mib: m.limit.0,
                    worst_case_mib: m.worst_case().0,
                    shared_memory_mib: m.shared.0,
                    process_overhead_mib: m.process_overhead().0,
                    processes: m.processes,
                    query_memory_mib: m.query_memory().0,
                    query_processes: m.query_processes,
                    autovacuum_mib: m.autovacuum().0,
                    work_mem_mib: m.work_mem.0,
                    shm_size_mib: t.shm.size.0,
                    pgbouncer: t.pooler.as_ref().map(|p| PgBouncerView {
                        image: pooler::IMAGE.to_owned(),
                        pool_size: p.pool_size,
                        settings: p
                            .settings
                            .iter()
                            .map(|s| PoolSettingView {
                                name: s.key.to_owned(),
                                value: s.value.clone(),
                                reason: s.reason.describe(lang),
                            })
                            .collect(),
                    }),
                }
            }),
            budget: plan.budget.as_ref().map(|b| BudgetView {
                host: b.host.code().to_owned(),
                memory_mib: b.machine.memory.0,
                os_reserve_mib: b.os_reserve.0,
                memory_committed_mib: b.memory_committed.0,
                memory_left_mib: b.memory_left.0,
                memory_overflows: b.memory_overflows(),
                cpus: b.machine.threads.0,
                cpus_committed: b.cpus_committed.0,
                cpus_oversubscribed: b.cpus_oversubscribed(),
                rest_memory_mib: b.rest.memory.0,
                rest_cpus: b.rest.cpus.0,
                rest_room: b.rest.room,
            }),
            decisions: plan
                .triggered
                .iter()
                .map(|row| DecisionView {
                    metric: row.metric.key().to_owned(),
                    threshold: row.threshold,
                    severity: match row.severity {
                        Severity::Warning => "warning",
                        Severity::Urgent => "urgent",
                        Severity::Critical => "critical",
                    }
                    .to_owned(),
                    action: row.action.get(lang).to_owned(),
                })
                .collect(),
            roadmap: plan
                .roadmap
                .iter()
                .map(|p| RoadmapView {
                    step: p.step.number,
                    tier: p.tier.number,
                    action: p.step.action.get(lang).to_owned(),
                    source_months: (p.step.from_month, p.step.to_month),
                    starts_in_months: p.starts.months(),
                    starts_month: month(p.starts),
                    tier_lasts_months: match p.lasts {
                        Lasts::Months(m) => Some(m),
                        _ => None,
                    },
                })
                .collect(),
            advice: AdviceView {
                source_range: plan.advice.source_range.to_owned(),
                text: plan.advice.advice.get(lang).to_owned(),
                correction: plan.advice.correction.map(|c| c.get(lang).to_owned()),
            },
            compose_override,
            kubernetes: (tier.number == 5).then(|| KubernetesView::new(plan)),
            latency: plan.latency.as_ref().map(LatencyView::new),
            agenda: AgendaView::new(plan),
            measurements: MeasurementsView::new(plan),
        }
    }
}

impl MeasurementsView {
    fn new(plan: &Plan) -> Option<MeasurementsView> {
        let m = &plan.scenario.measured;
        if m.is_empty() {
            return None;
        }
        let mut source = Vec::new();
        if !m.containers.is_empty() {
            source.push("docker_stats".to_owned());
        }
        if let Some(test) = m.load_test {
            source.push(test.generator.name().to_owned());
        }
        let usage = plan.usage.as_ref();
        let latency = plan.latency.as_ref();
        Some(MeasurementsView {
            source,
            services: usage
                .map(|u| {
                    u.rows
                        .iter()
                        .map(|r| ServiceUseView {
                            name: r.container.role.map(|role| role.name().to_owned()),
                            container: r.container.name.clone(),
                            cpu_cores: r.container.cpu_cores,
                            memory_mib: r.container.memory_mib,
                            limit_mib: r.container.limit_mib,
                            override_limit_mib: r.override_limit.map(|l| l.0),
                            override_cpus: r.override_cpus.map(|c| c.0),
                            planned_mib: r.planned.map(|p| p.0),
                            expected_mib: r.expected.0,
                            near_limit: r.near_limit(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            binds_first: usage
                .and_then(|u| u.binds_first.map(|i| u.rows[i].container.name.clone())),
            load_test: m.load_test.map(|test| LoadTestView {
                tool: test.generator.name().to_owned(),
                arrivals: test.arrivals.code().to_owned(),
                rate_rps: test.rate,
                concurrency: test.concurrency,
                measured_p95_ms: test.p95_ms,
                predicted_p95_ms: latency
                    .and_then(|l| l.test_check)
                    .and_then(|c| c.predicted_p95_s)
                    .map(seconds_to_ms),
                spread_cs2: plan.scenario.service.spread,
            }),
            usl: m.usl.map(|u| UslView {
                lambda: u.lambda,
                sigma: u.sigma,
                kappa: u.kappa,
                levels: u.levels,
                max_rps: u.max_throughput(),
                peak_concurrency: u.peak_concurrency(),
                retrograde: u.retrograde(),
                saturation_users: latency
                    .and_then(|l| l.measured_ceiling)
                    .and_then(|c| c.users),
            }),
        })
    }
}

impl LatencyView {
    fn new(l: &Latency) -> LatencyView {
        // The decision table's P95 rows: its warning (1 s) and its last (3 s).
        let (first, last) = (l.crossings.first(), l.crossings.last());
        LatencyView {
            basis: l.basis.code().to_owned(),
            service_ms: seconds_to_ms(l.demand_s),
            latency_service_ms: seconds_to_ms(l.service_s),
            servers: l.servers,
            servers_from: match l.servers_from {
                ServersFrom::Given => "par",
                ServersFrom::MachineCpus => "machine_cpus",
                ServersFrom::LoadTest => "load_test",
                ServersFrom::Usl => "usl",
            }
            .to_owned(),
            binds: l.binds(),
            utilisation_at_peak: l.utilisation_at_peak,
            p95_ms_at_peak: l.p95_at_peak_s.map(seconds_to_ms),
            saturation_users: l.saturation_users,
            saturation_months: l.saturation.and_then(Eta::months),
            p95_over_1s_users: first.map(|c| c.users),
            p95_over_1s_months: first.and_then(|c| c.eta.months()),
            p95_over_3s_users: last.map(|c| c.users),
            p95_over_3s_months: last.and_then(|c| c.eta.months()),
            crossings: l
                .crossings
                .iter()
                .map(|c| CrossingView {
                    threshold_ms: c.row.threshold,
                    users: c.users,
                    months: c.eta.months(),
                })
                .collect(),
            calibration: l.calibration.map(|c| CalibrationView {
                measured_ms: seconds_to_ms(c.measured_s),
                predicted_ms: c.predicted_s.map(seconds_to_ms),
                service_ms: c.service_s.map(seconds_to_ms),
            }),
            source_cpu_per_request_s: l.source.map(|s| s.cpu_per_request_s),
            curve: l
                .curve
                .iter()
                .map(|p| CurvePointView {
                    users: p.users,
                    peak_rps: p.peak_rps.0,
                    p95_ms: p.p95_s.map(seconds_to_ms),
                })
                .collect(),
        }
    }
}

impl KubernetesView {
    fn new(plan: &Plan) -> KubernetesView {
        let lang = plan.scenario.lang;
        // The sizes alone: the files' texts stay out of the JavaScript module.
        let result = kubernetes::sizing(plan);
        let sizing = result.as_ref().ok();
        let setting = |key| {
            sizing
                .and_then(|s| s.tuning.get(key))
                .and_then(|s| s.memory())
                .map(|m| m.0)
        };
        KubernetesView {
            error: result.as_ref().err().map(|e| e.describe(lang)),
            files: sizing
                .map(|_| kubernetes::FILES.iter().map(|f| (*f).to_owned()).collect())
                .unwrap_or_default(),
            horizon_months: kubernetes::sizing::HORIZON_MONTHS,
            horizon_users: sizing.map_or(f64::from(plan.scenario.users), |s| s.horizon_users),
            components: sizing
                .map(|s| {
                    s.components()
                        .iter()
                        .map(|c| ComponentView {
                            name: c.name.to_owned(),
                            kind: c.kind.to_owned(),
                            file: c.file.to_owned(),
                            replicas_min: c.min,
                            replicas_max: c.max,
                            cpu_request: c.cpu_request.0,
                            cpu_limit: c.cpu_limit.0,
                            memory_request_mib: c.memory_request.0,
                            memory_limit_mib: c.memory_limit.0,
                            storage_gib: c.storage_gib,
                            wal_storage_gib: c.wal_storage_gib,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            postgres_connections: sizing.map(|s| s.tuning.connections),
            redis_maxmemory_mib: setting(tuning::SettingKey::RedisMaxmemory),
            node_max_old_space_mib: setting(tuning::SettingKey::NodeMaxOldSpace),
            cpu_target_percent: sizing.map(|s| s.target_percent),
            capped: sizing
                .map(|s| s.capped.iter().map(|c| c.code().to_owned()).collect())
                .unwrap_or_default(),
        }
    }
}
