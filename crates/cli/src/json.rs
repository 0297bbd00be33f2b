//! `--json`: the plan as one JSON object. Numbers are unrounded; sizes carry
//! their unit in the field name (`_mb` decimal megabytes, `_mib` binary).

use headroom_core::decision::Severity;
use headroom_core::roadmap::Lasts;
use headroom_core::timing::Eta;
use headroom_core::tuning::{self, Reason};
use headroom_core::{query, Defaults, Plan, Verdict};
use serde_json::{json, Value};

pub fn render(plan: &Plan, defaults: Defaults) -> Value {
    let s = &plan.scenario;
    let lang = s.lang;
    let tier = plan.tier;
    json!({
        "query": query::encode(s, defaults),
        "scenario": {
            "users": s.users,
            "growth_percent": s.growth_percent,
            "host": s.host.code(),
            "requests_per_user": s.requests_per_user,
            "peak_ratio": s.peak_ratio,
            "mb_per_user": s.mb_per_user,
            "pg_connections": s.pg_connections,
            "start": s.start.to_string(),
            "lang": lang.code(),
        },
        "tier": {
            "number": tier.number,
            "name": tier.name.get(lang),
            "min_users": tier.min_users,
            "max_users": tier.max_users,
            "position": plan.position,
            "next": tier.next().map(|t| t.number),
            "monthly_cost_eur": [tier.monthly_cost.low, tier.monthly_cost.high],
        },
        "host": {
            "code": s.host.code(),
            "name": s.host.name().get(lang),
            "ceiling_users": s.host.machine().map(|m| m.ceiling_users),
            "verdict": verdict(plan.verdict),
            "verdict_text": plan.verdict.name().get(lang),
            "next": s.host.next().map(|h| h.code()),
        },
        "load": {
            "requests_per_user": plan.load.requests_per_user,
            "requests_per_user_from_source_rule": plan.uses_source_request_rule(),
            "requests_per_day": plan.load.requests_per_day,
            "requests_per_second": plan.load.requests_per_second.0,
            "peak_requests_per_second": plan.load.peak_requests_per_second.0,
            "database_mb": plan.load.database.0,
            "cache_mb": plan.load.cache.0,
            "disk_mb": plan.load.disk.0,
        },
        "timing": plan.host_timing.map(|t| json!({
            "migration_start_users": t.migration_start_users,
            "migration_start_months": t.migration_start.months(),
            "migration_start_month": month(t.migration_start),
            "ceiling_users": t.ceiling_users,
            "ceiling_months": t.ceiling.months(),
            "ceiling_month": month(t.ceiling),
        })).unwrap_or(json!({
            "migration_start_months": null,
            "ceiling_months": null,
        })),
        "tuning": plan.tuning.as_ref().map(|t| t.settings.iter().map(|setting| json!({
            "service": setting.key.service().name(),
            "name": setting.key.name(),
            "value": setting.value_text(),
            "origin": origin(setting.reason),
            "source_value": match setting.reason {
                Reason::Corrected { source, .. } => Some(source.0),
                _ => None,
            },
            "provenance": setting.provenance(lang),
        })).collect::<Vec<_>>()),
        "postgres": plan.tuning.as_ref().map(|t| {
            let m = &t.memory;
            json!({
                "connections": t.connections,
                "largest_connections": tuning::largest_pgconn(plan.tier),
                "mem_limit_mib": m.limit.0,
                "worst_case_mib": m.worst_case().0,
                "shared_memory_mib": m.shared.0,
                "process_overhead_mib": m.process_overhead().0,
                "processes": m.processes,
                "query_memory_mib": m.query_memory().0,
                "query_processes": m.query_processes,
                "autovacuum_mib": m.autovacuum().0,
                "work_mem_mib": m.work_mem.0,
                "shm_size_mib": t.shm.size.0,
                "pgbouncer": t.pooler.as_ref().map(|p| json!({
                    "image": headroom_core::pooler::IMAGE,
                    "pool_size": p.pool_size,
                    "settings": p.settings.iter().map(|s| json!({
                        "name": s.key,
                        "value": s.value,
                        "reason": s.reason.describe(lang),
                    })).collect::<Vec<_>>(),
                })),
            })
        }),
        "budget": plan.budget.as_ref().map(|b| json!({
            "host": b.host.code(),
            "memory_mib": b.machine.memory.0,
            "os_reserve_mib": b.os_reserve.0,
            "memory_committed_mib": b.memory_committed.0,
            "memory_left_mib": b.memory_left.0,
            "memory_overflows": b.memory_overflows(),
            "cpus": b.machine.threads.0,
            "cpus_committed": b.cpus_committed.0,
            "cpus_oversubscribed": b.cpus_oversubscribed(),
        })),
        "decisions": plan.triggered.iter().map(|row| json!({
            "metric": row.metric.key(),
            "threshold": row.threshold,
            "severity": severity(row.severity),
            "action": row.action.get(lang),
        })).collect::<Vec<_>>(),
        "roadmap": plan.roadmap.iter().map(|p| json!({
            "step": p.step.number,
            "tier": p.tier.number,
            "action": p.step.action.get(lang),
            "source_months": [p.step.from_month, p.step.to_month],
            "starts_in_months": p.starts.months(),
            "starts_month": month(p.starts),
            "tier_lasts_months": match p.lasts {
                Lasts::Months(m) => Some(m),
                _ => None,
            },
        })).collect::<Vec<_>>(),
        "advice": {
            "source_range": plan.advice.source_range,
            "text": plan.advice.advice.get(lang),
            "correction": plan.advice.correction.map(|c| c.get(lang)),
        },
        "compose_override": plan.compose_override,
    })
}

fn month(eta: Eta) -> Option<String> {
    match eta {
        Eta::In { month, .. } => Some(month.to_string()),
        _ => None,
    }
}

fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Fits => "fits",
        Verdict::StartMigration => "start_migration",
        Verdict::OverCeiling => "over_ceiling",
        Verdict::NoCeiling => "no_ceiling",
    }
}

fn origin(reason: Reason) -> &'static str {
    match reason {
        Reason::Source { .. } => "source",
        Reason::Derived(_) => "derived",
        Reason::Corrected { .. } => "corrected",
    }
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Warning => "warning",
        Severity::Urgent => "urgent",
        Severity::Critical => "critical",
    }
}
