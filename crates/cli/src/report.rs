//! The readable plan printed without `--json`.

use headroom_core::text::{self, tx};
use headroom_core::tier::Resource;
use headroom_core::timing::Eta;
use headroom_core::Plan;
use headroom_core::{corrections, runbook};

pub fn render(plan: &Plan) -> String {
    let s = &plan.scenario;
    let lang = s.lang;
    let t = |fr: &'static str, en: &'static str| tx(fr, en).get(lang);
    let n = |x: f64| text::integer(x, lang);
    let c = text::colon(lang);
    let tier = plan.tier;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };

    line(format!(
        "Headroom — {} {}, {} {}, {}",
        n(f64::from(s.users)),
        t("utilisateurs actifs par mois", "monthly active users"),
        text::percent(s.growth_percent, 2, lang),
        t("par mois", "a month"),
        s.host.name().get(lang)
    ));
    for notice in &plan.notices {
        line(format!("! {}", notice.message(lang)));
    }
    line(String::new());

    line(format!(
        "{} {} · {} ({} {})",
        t("Palier", "Tier"),
        tier.number,
        tier.name.get(lang),
        tier.users_range(lang),
        t("utilisateurs", "users")
    ));
    for bullet in tier.profile {
        line(format!("  - {}", bullet.get(lang)));
    }
    if let Some(recommendation) = tier.recommendation {
        line(format!("  → {}", recommendation.get(lang)));
    }
    line(format!(
        "{}{c}{}",
        s.host.name().get(lang),
        plan.verdict.name().get(lang)
    ));
    if let Some(timing) = plan.host_timing {
        line(format!(
            "  {} ({} {}){c}{}",
            t("Lancer la phase 1", "Start phase 1"),
            n(timing.migration_start_users),
            t("utilisateurs", "users"),
            timing.migration_start.describe(lang)
        ));
        line(format!(
            "  {} ({} {}){c}{}",
            t("Plafond de la machine", "Machine's ceiling"),
            n(f64::from(timing.ceiling_users)),
            t("utilisateurs", "users"),
            timing.ceiling.describe(lang)
        ));
    }
    line(String::new());

    let load = &plan.load;
    line(t("Charge attendue", "Expected load").to_owned());
    let rule = if plan.uses_source_request_rule() {
        t(", règle de la source", ", source's rule")
    } else {
        ""
    };
    line(format!(
        "  {:<24} {} ({} {}{rule})",
        t("Requêtes par jour", "Requests per day"),
        n(load.requests_per_day),
        text::number(load.requests_per_user, 2, lang),
        t("par utilisateur", "per user"),
    ));
    line(format!(
        "  {:<24} {} {}, {} {}",
        t("Requêtes par seconde", "Requests per second"),
        load.requests_per_second.display(lang),
        t("en moyenne", "on average"),
        load.peak_requests_per_second.display(lang),
        t("en pointe", "at peak"),
    ));
    line(format!(
        "  {:<24} {}",
        t("Base de données", "Database"),
        load.database.display(lang)
    ));
    line(format!(
        "  {:<24} {}",
        t("Cache actif", "Active cache"),
        load.cache.display(lang)
    ));
    let provision = match tier.allocation_of(Resource::Disk) {
        Some(disk) => format!(
            " ({}{c}{}–{} {})",
            t(
                "à prévoir selon le tableau des paliers",
                "to provision per the tier table"
            ),
            n(disk.low.unwrap_or_default()),
            n(disk.high),
            disk.unit.get(lang)
        ),
        None => String::new(),
    };
    line(format!(
        "  {:<24} {}{provision}",
        t("Disque utilisé", "Disk in use"),
        load.disk.display(lang)
    ));
    line(String::new());

    line(format!(
        "{}{c}{} ({})",
        t("Coût mensuel", "Monthly cost"),
        tier.monthly_cost.display(lang),
        tier.monthly_cost_covers.get(lang)
    ));
    let lasts = plan
        .roadmap
        .iter()
        .find(|p| p.tier.number == tier.number)
        .map(|p| p.lasts.describe(lang))
        .unwrap_or_default();
    let semicolon = if lang == headroom_core::Lang::Fr {
        "\u{a0};"
    } else {
        ";"
    };
    line(format!(
        "{}{c}{} ({}){semicolon} {}{c}{lasts}",
        t("Durée du palier", "Tier lasts"),
        tier.durability.describe(lang),
        t("source", "source"),
        t("à votre croissance", "at your growth")
    ));
    line(String::new());

    if let Some(tuning) = &plan.tuning {
        line(t("Réglages des serveurs", "Server settings").to_owned());
        for setting in &tuning.settings {
            line(format!(
                "  {:<9} {:<32} {:<12} {}",
                setting.key.service().name(),
                setting.key.name(),
                setting.value_text(),
                setting.provenance(lang)
            ));
        }
        line(String::new());
        let memory = &tuning.memory;
        line(format!(
            "{}{c}{} / {} (mem_limit)",
            t("Pire cas de PostgreSQL", "PostgreSQL's worst case"),
            memory.worst_case().display(lang),
            memory.limit.display(lang),
        ));
        for term in memory.terms(lang) {
            line(format!(
                "  {:<18} {:>10}  {}",
                term.name,
                term.amount.display(lang),
                term.detail
            ));
        }
        line(format!("  shm_size{c}{}m", tuning.shm.size.0,));
        line(String::new());
        line(
            t(
                "Les mêmes réglages sans toucher à command: (postgresql.conf, ALTER SYSTEM, redis.conf)",
                "The same settings without touching command: (postgresql.conf, ALTER SYSTEM, redis.conf)",
            )
            .to_owned(),
        );
        for block in [
            tuning.postgresql_conf(),
            tuning.alter_system(),
            tuning.redis_conf(),
        ] {
            for text in block.lines() {
                line(format!("  {text}"));
            }
            line(String::new());
        }
        if let Some(pooler) = &tuning.pooler {
            line(String::new());
            line(format!(
                "PgBouncer ({}){c}{}",
                headroom_core::pooler::IMAGE,
                t(
                    "l'API s'y connecte à la place de PostgreSQL",
                    "the API connects to it instead of PostgreSQL"
                )
            ));
            for setting in &pooler.settings {
                line(format!(
                    "  {:<21} {:<12} {}",
                    setting.key,
                    setting.value,
                    setting.reason.describe(lang)
                ));
            }
            let [before, after] =
                pooler.connection_strings("postgres", plan.scenario.names.database.as_str());
            line(format!("  {}{c}{before}", t("avant", "before")));
            line(format!("  {}{c}{after}", t("après", "after")));
            for (i, step) in runbook::POOLER.iter().enumerate() {
                line(format!("  {}. {}", i + 1, step.title.get(lang)));
                for command in step.commands_for(&plan.scenario.names) {
                    line(format!("       $ {command}"));
                }
                if let Some(note) = step.note_for(&plan.scenario.names, lang) {
                    line(format!("       {note}"));
                }
            }
        }
        line(String::new());
    }

    if let Some(budget) = &plan.budget {
        line(format!(
            "{} ({}){c}{}",
            t("Bilan des ressources", "Budget check"),
            budget.host.name().get(lang),
            budget.machine.describe(lang)
        ));
        line(format!(
            "  {}{c}{} + {} {} = {}; {}{c}{}",
            t("Mémoire", "Memory"),
            (budget.memory_committed - budget.os_reserve).display(lang),
            budget.os_reserve.display(lang),
            t("pour le système", "for the OS"),
            budget.memory_committed.display(lang),
            t("reste pour MinIO et Next.js", "left for MinIO and Next.js"),
            budget.memory_left.display(lang)
        ));
        if budget.memory_overflows() {
            line(format!(
                "  ! {}",
                t("La mémoire déborde.", "Memory overflows.")
            ));
        }
        line(format!(
            "  CPU{c}{} / {} ({})",
            budget.cpus_committed.display(lang),
            budget.machine.threads.display(lang),
            text::percent(100.0 * budget.cpu_ratio(), 1, lang)
        ));
        if budget.cpus_oversubscribed() {
            line(format!(
                "  ! {}",
                t(
                    "Les limites CPU dépassent les cœurs de la machine.",
                    "CPU limits add up to more than the machine's cores."
                )
            ));
        }
        line(String::new());
    }

    if !plan.triggered.is_empty() {
        line(t("Mesures : actions à mener", "Measured: actions to take").to_owned());
        for row in &plan.triggered {
            line(format!(
                "  [{}] {} > {}{c}{}",
                row.severity.name().get(lang),
                row.metric.name().get(lang),
                row.metric.format(row.threshold, lang),
                row.action.get(lang)
            ));
        }
        line(String::new());
    }

    line(t("Feuille de route projetée", "Projected roadmap").to_owned());
    for p in &plan.roadmap {
        let when = match p.starts {
            Eta::Overdue => t("atteint", "reached").to_owned(),
            eta => eta.describe(lang),
        };
        line(format!(
            "  {}. {:<22} {}",
            p.step.number,
            p.step.action.get(lang),
            when
        ));
    }
    line(String::new());

    line(format!(
        "{} ({}){c}{}",
        t("Conseil", "Advice"),
        plan.advice.source_range,
        plan.advice.advice.get(lang)
    ));
    if let Some(correction) = plan.advice.correction {
        line(format!("  {}", correction.get(lang)));
    }
    line(format!("  {}", runbook::CONCLUSION_SUMMARY.get(lang)));
    line(String::new());
    line(t("Où la source se trompe", "Where the source is wrong").to_owned());
    for correction in corrections::CORRECTIONS.iter() {
        line(format!("  - {}", correction.source_says.get(lang)));
        line(format!("    → {}", correction.headroom_does.get(lang)));
    }
    if plan.compose_override.is_some() {
        line(String::new());
        line(
            t(
                "docker-compose.override.yml : --compose FICHIER pour l'écrire.",
                "docker-compose.override.yml: --compose FILE writes it.",
            )
            .to_owned(),
        );
    }
    out
}
