//! The readable plan printed without `--json`.

use headroom_core::text::{self, tx};
use headroom_core::tier::Resource;
use headroom_core::timing::Eta;
use headroom_core::Plan;
use headroom_core::{corrections, decision, hardware, resources, runbook};

pub fn render(plan: &Plan, section: Option<Section>, notes: &[String]) -> String {
    let s = &plan.scenario;
    let lang = s.lang;
    let t = |fr: &'static str, en: &'static str| tx(fr, en).get(lang);
    let n = |x: f64| text::integer(x, lang);
    let c = text::colon(lang);
    let tier = plan.tier;
    let mut w = Writer::default();

    w.line(format!(
        "Headroom — {} {}, {} {}, {}",
        n(f64::from(s.users)),
        t("utilisateurs actifs par mois", "monthly active users"),
        text::percent(s.growth_percent, decimals_for(s.growth_percent), lang),
        t("par mois", "a month"),
        s.host.name().get(lang)
    ));
    for notice in &plan.notices {
        w.line(format!("! {}", notice.message(lang)));
    }
    w.line(String::new());

    w.section(Section::Agenda);
    agenda(&mut w, plan);

    w.section(Section::Summary);
    w.line(tier.label_with_users(lang));
    for bullet in tier.profile_for(s.host) {
        w.line(format!("  - {}", bullet.get(lang)));
    }
    if let Some(recommendation) = tier.recommendation_for(s.host) {
        w.line(format!("  → {}", recommendation.get(lang)));
    }
    w.line(format!(
        "{}{c}{}",
        s.host.name().get(lang),
        plan.verdict.describe(lang)
    ));
    w.line(format!(
        "{}{c}{}",
        t("Pour vous", "For you"),
        plan.for_you(lang)
    ));
    if let Some(rests) = plan.rests_on(lang) {
        w.line(format!("  {rests}"));
    }
    if let Some(timing) = plan.host_timing {
        w.line(format!(
            "  {} ({} {}){c}{}",
            t("Lancer la phase 1", "Start phase 1"),
            n(timing.migration_start_users),
            t("utilisateurs", "users"),
            timing.migration_start.describe(lang)
        ));
        w.line(format!(
            "  {} ({} {}){c}{}",
            t("Plafond de la machine", "Machine's ceiling"),
            n(f64::from(timing.ceiling_users)),
            t("utilisateurs", "users"),
            timing.ceiling.describe(lang)
        ));
    }
    w.line(String::new());

    w.section(Section::Resources);
    resources(&mut w, plan);

    w.section(Section::Latency);
    latency(&mut w, plan);

    w.section(Section::Measurements);
    measurements(&mut w, plan, notes);

    w.section(Section::Load);
    let load = &plan.load;
    w.line(t("Charge attendue", "Expected load").to_owned());
    let rule = if plan.uses_source_request_rule() {
        t(", règle de la source", ", source's rule")
    } else {
        ""
    };
    w.line(format!(
        "  {:<24} {} ({} {}{rule})",
        t("Requêtes par jour", "Requests per day"),
        n(load.requests_per_day),
        text::number(
            load.requests_per_user,
            decimals_for(load.requests_per_user),
            lang
        ),
        t("par utilisateur", "per user"),
    ));
    w.line(format!(
        "  {:<24} {} {}, {} {}",
        t("Requêtes par seconde", "Requests per second"),
        load.requests_per_second.display(lang),
        t("en moyenne", "on average"),
        load.peak_requests_per_second.display(lang),
        t("en pointe", "at peak"),
    ));
    w.line(format!(
        "  {:<24} {}",
        t("Base de données", "Database"),
        load.database.display(lang)
    ));
    w.line(format!(
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
    w.line(format!(
        "  {:<24} {}{provision}",
        t("Disque utilisé", "Disk in use"),
        load.disk.display(lang)
    ));
    w.line(format!("  {}", headroom_core::units::STATEMENT.get(lang)));
    w.line(String::new());

    w.section(Section::Hardware);
    w.line(format!(
        "{}{c}{} ({})",
        t("Coût mensuel", "Monthly cost"),
        tier.monthly_cost.display(lang),
        tier.monthly_cost_covers.get(lang)
    ));
    let lasts = plan
        .roadmap
        .iter()
        .find(|p| p.tier.number == tier.number)
        .map(|p| p.lasts);
    w.line(format!(
        "{}{c}{}",
        t("Durée du palier", "Tier lasts"),
        tier.lasts_text(lasts, lang)
    ));
    if !tier.allocation.is_empty() {
        w.line(format!(
            "  {}",
            t(
                "Ce que le palier utilise (sur le Pi 4)",
                "What the tier uses (on the Pi 4)"
            )
        ));
        let one = |x: f64| text::number(x, 1, lang);
        for row in tier.allocation {
            let low = row
                .low
                .map(|l| format!("{}–", one(l)))
                .unwrap_or_else(|| "< ".to_owned());
            w.line(format!(
                "    {:<16} {low}{} {} ({})",
                row.resource.name().get(lang),
                one(row.high),
                row.unit.get(lang),
                row.note.get(lang)
            ));
        }
    }
    if !tier.limits.is_empty() {
        w.line(format!(
            "  {}",
            t("Limites compose (source)", "Compose limits (source)")
        ));
        for l in tier.limits {
            let reservation = l
                .mem_reservation
                .map(|r| format!(", mem_reservation {}m", r.0))
                .unwrap_or_default();
            let replicas = if l.replicas > 1 {
                format!(" × {}", l.replicas)
            } else {
                String::new()
            };
            w.line(format!(
                "    {:<9} cpus {}, mem_limit {}m{reservation}{replicas}",
                l.service.name(),
                l.cpus.0,
                l.mem_limit.0
            ));
        }
    }
    for item in tier.optimizations {
        w.line(format!("  - {}", item.get(lang)));
    }
    for upgrade in tier.upgrades {
        let price = upgrade
            .price
            .map(|p| format!(" — {}", p.display(lang)))
            .unwrap_or_default();
        w.line(format!("  + {}{price}", upgrade.item.get(lang)));
    }
    if plan.buys_mini_pc() {
        w.line(format!(
            "  {}",
            t(
                "Le mini PC à acheter (source, palier 4)",
                "The mini PC to buy (source, tier 4)"
            )
        ));
        for part in hardware::MINI_PC_PARTS
            .iter()
            .chain([&hardware::MINI_PC_EXAMPLE])
        {
            w.line(format!(
                "    {:<16} {:<36} {}",
                part.role.get(lang),
                part.spec.get(lang),
                part.price.display(lang)
            ));
        }
        w.line(format!(
            "    {:<16} {:<36} {}",
            "Total",
            "",
            hardware::MINI_PC_TOTAL.display(lang)
        ));
    }
    if tier.number == 5 {
        w.line(format!(
            "  {}",
            t(
                "Architecture distribuée (source, palier 5)",
                "Distributed architecture (source, tier 5)"
            )
        ));
        for cluster in &hardware::TIER5_ARCHITECTURE {
            w.line(format!("    {}", cluster.name.get(lang)));
            for node in cluster.nodes {
                w.line(format!("      ├─ {}", node.get(lang)));
            }
        }
    }
    w.line(String::new());

    w.section(Section::Tuning);
    if let Some(tuning) = &plan.tuning {
        w.line(t("Réglages des serveurs", "Server settings").to_owned());
        for setting in &tuning.settings {
            w.line(format!(
                "  {:<9} {:<32} {:<12} {}",
                setting.key.service().name(),
                setting.key.name(),
                setting.value_text(),
                setting.provenance(lang)
            ));
        }
        w.line(String::new());
        let memory = &tuning.memory;
        w.line(format!(
            "{}{c}{} / {} (mem_limit)",
            t("Pire cas de PostgreSQL", "PostgreSQL's worst case"),
            memory.worst_case().display(lang),
            memory.limit.display(lang),
        ));
        for term in memory.terms(lang) {
            w.line(format!(
                "  {:<18} {:>10}  {}",
                term.name,
                term.amount.display(lang),
                term.detail
            ));
        }
        w.line(format!("  shm_size{c}{}m", tuning.shm.size.0,));
        w.line(String::new());
        w.line(
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
                w.line(format!("  {text}"));
            }
            w.line(String::new());
        }
        if let Some(pooler) = &tuning.pooler {
            w.line(String::new());
            w.line(format!(
                "PgBouncer ({}){c}{}",
                headroom_core::pooler::IMAGE,
                t(
                    "l'API s'y connecte à la place de PostgreSQL",
                    "the API connects to it instead of PostgreSQL"
                )
            ));
            for setting in &pooler.settings {
                w.line(format!(
                    "  {:<21} {:<12} {}",
                    setting.key,
                    setting.value,
                    setting.reason.describe(lang)
                ));
            }
            let [before, after] =
                pooler.connection_strings("postgres", plan.scenario.names.database.as_str());
            w.line(format!("  {}{c}{before}", t("avant", "before")));
            w.line(format!("  {}{c}{after}", t("après", "after")));
            for (i, step) in runbook::POOLER.iter().enumerate() {
                w.line(format!("  {}. {}", i + 1, step.title.get(lang)));
                for command in step.commands_for(&plan.scenario.names) {
                    w.line(format!("       $ {command}"));
                }
                if let Some(note) = step.note_for(&plan.scenario.names, lang) {
                    w.line(format!("       {note}"));
                }
            }
        }
        w.line(String::new());
    }

    w.section(Section::Budget);
    if let Some(budget) = &plan.budget {
        w.line(format!(
            "{} ({}){c}{}",
            t("Bilan des ressources", "Budget check"),
            budget.host.name().get(lang),
            budget.machine.describe(lang)
        ));
        w.line(format!(
            "  {}{c}{} + {} {} = {}",
            t("Mémoire", "Memory"),
            (budget.memory_committed - budget.os_reserve).display(lang),
            budget.os_reserve.display(lang),
            t("pour le système", "for the OS"),
            budget.memory_committed.display(lang),
        ));
        w.line(format!("  {}", budget.rest_text(lang)));
        if budget.memory_overflows() {
            w.line(format!(
                "  ! {}",
                t("La mémoire déborde.", "Memory overflows.")
            ));
        }
        w.line(format!(
            "  CPU{c}{} / {} ({})",
            budget.cpus_committed.display(lang),
            budget.machine.threads.display(lang),
            text::percent(budget.cpu_percent(), 1, lang)
        ));
        if budget.cpus_oversubscribed() {
            w.line(format!(
                "  {}",
                t(
                    "Au-delà des cœurs, sans danger : une limite cpus est un plafond, pas une réservation.",
                    "Beyond the cores, and safe: a cpus limit is a ceiling, not a reservation."
                )
            ));
        }
        w.line(String::new());
    }

    w.section(Section::Decisions);
    if !plan.triggered.is_empty() {
        w.line(t("Mesures : actions à mener", "Measured: actions to take").to_owned());
        for row in &plan.triggered {
            w.line(format!(
                "  [{}] {} > {}{c}{}",
                row.severity.name().get(lang),
                row.metric.name().get(lang),
                row.metric.format(row.threshold, lang),
                row.action.get(lang)
            ));
        }
        w.line(String::new());
    }
    w.line(t("Tableau de décision (source)", "Decision table (source)").to_owned());
    for reading in decision::readings(&s.metrics) {
        let row = reading.row;
        let mark = if reading.tripped { "!" } else { " " };
        w.line(format!(
            "  {mark} {:<26} > {:<10} {:<9} {}",
            row.metric.name().get(lang),
            row.metric.format(row.threshold, lang),
            row.severity.name().get(lang),
            row.action.get(lang)
        ));
        if let Some(note) = row.source_note {
            w.line(format!("      {}", note.get(lang)));
        }
    }
    w.line(String::new());

    w.section(Section::Roadmap);
    w.line(t("Feuille de route projetée", "Projected roadmap").to_owned());
    for p in &plan.roadmap {
        let when = match p.starts {
            Eta::Overdue => t("atteint", "reached").to_owned(),
            eta => eta.describe(lang),
        };
        let source = match p.step.to_month {
            Some(to) => format!("{}–{to}", p.step.from_month),
            None => format!("{}+", p.step.from_month),
        };
        let price = p
            .step
            .price
            .map(|e| format!(", {}", e.display(lang)))
            .unwrap_or_default();
        w.line(format!(
            "  {}. {:<22} {when} ({} {source} {}{price})",
            p.step.number,
            p.step.action.get(lang),
            t("source :", "source:"),
            t("mois", "months"),
        ));
    }
    w.line(String::new());

    w.section(Section::Runbooks);
    let names = &s.names;
    let steps = |w: &mut Writer, steps: &[runbook::Step]| {
        for (i, step) in steps.iter().enumerate() {
            w.line(format!(
                "    {}. [{}] {}",
                i + 1,
                step.side.name().get(lang),
                step.title.get(lang)
            ));
            for command in step.commands_for(names) {
                w.line(format!("         $ {command}"));
            }
            if let Some(note) = step.note_for(names, lang) {
                w.line(format!("         {note}"));
            }
        }
    };
    // The runbook of the user's next move: Pi 4 → mini PC, or to the cloud.
    match plan.destination() {
        Some(headroom_core::Host::MiniPc) => {
            w.line(t("Migration Pi 4 → mini PC", "Migration Pi 4 → mini PC").to_owned());
            for phase in &runbook::MIGRATION {
                w.line(format!(
                    "  {} {} · {} ({})",
                    t("Phase", "Phase"),
                    phase.number,
                    phase.name.get(lang),
                    phase.duration.get(lang)
                ));
                for task in phase.tasks.iter().chain(phase.checklist) {
                    w.line(format!("    [ ] {}", task.get(lang)));
                }
                steps(&mut w, phase.steps);
            }
            w.line(format!("  {}", t("Retour arrière", "Rollback")));
            steps(&mut w, &runbook::ROLLBACK);
        }
        Some(headroom_core::Host::Cloud) => {
            w.line(format!(
                "{} → {}",
                s.host.name().get(lang),
                headroom_core::Host::Cloud.name().get(lang)
            ));
            steps(&mut w, &runbook::TO_CLOUD);
        }
        _ => {}
    }
    w.line(t("Pour tout changement du compose", "For any compose change").to_owned());
    steps(&mut w, &runbook::COMPOSE_CHANGE);
    w.line(String::new());

    w.section(Section::Considerations);
    for item in runbook::CONSIDERATIONS
        .iter()
        .filter(|c| c.applies(s.host, s.users))
    {
        w.line(format!(
            "{}{c}{}",
            item.title.get(lang),
            item.summary.get(lang)
        ));
        for point in item.points {
            w.line(format!("  - {}", point.get(lang)));
        }
        for (what, command) in item.commands {
            w.line(format!("  {}{c}$ {command}", what.get(lang)));
        }
    }
    w.line(String::new());

    w.section(Section::Conclusion);
    w.line(format!(
        "{}{c}{}",
        t("Pour vous", "For you"),
        plan.for_you(lang)
    ));
    if let Some(rests) = plan.rests_on(lang) {
        w.line(format!("  {rests}"));
    }
    w.line(format!(
        "{} ({}){c}{}",
        t("Conseil de la source", "The source's advice"),
        plan.advice.source_range,
        plan.advice.advice.get(lang)
    ));
    if let Some(correction) = plan.advice.correction {
        w.line(format!("  {}", correction.get(lang)));
    }
    w.line(format!("  {}", runbook::CONCLUSION_SUMMARY.get(lang)));
    w.line(String::new());
    w.section(Section::Corrections);
    w.line(t("Où la source se trompe", "Where the source is wrong").to_owned());
    for correction in corrections::CORRECTIONS.iter() {
        w.line(format!("  - {}", correction.source_says.get(lang)));
        w.line(format!("    → {}", correction.headroom_does.get(lang)));
    }
    if plan.has_compose() {
        w.line(String::new());
        w.line(
            t(
                "docker-compose.override.yml : --compose FICHIER pour l'écrire.",
                "docker-compose.override.yml: --compose FILE writes it.",
            )
            .to_owned(),
        );
    }
    w.finish(section)
}

/// Decimals enough to show a small input's first two significant digits
/// (0.001 stays 0.001, not 0), two for ordinary values.
fn decimals_for(value: f64) -> usize {
    let magnitude = value.abs();
    if magnitude == 0.0 || magnitude >= 0.01 || !magnitude.is_finite() {
        return 2;
    }
    ((-magnitude.log10()).floor() as usize + 2).min(8)
}

/// A part of the readable plan, for `--section NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Agenda,
    Summary,
    Resources,
    Latency,
    Measurements,
    Load,
    Hardware,
    Tuning,
    Budget,
    Decisions,
    Roadmap,
    Runbooks,
    Considerations,
    Conclusion,
    Corrections,
}

impl Section {
    pub const ALL: [Section; 15] = [
        Section::Agenda,
        Section::Summary,
        Section::Resources,
        Section::Latency,
        Section::Measurements,
        Section::Load,
        Section::Hardware,
        Section::Tuning,
        Section::Budget,
        Section::Decisions,
        Section::Roadmap,
        Section::Runbooks,
        Section::Considerations,
        Section::Conclusion,
        Section::Corrections,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Agenda => "agenda",
            Section::Summary => "summary",
            Section::Resources => "resources",
            Section::Latency => "latency",
            Section::Measurements => "measurements",
            Section::Load => "load",
            Section::Hardware => "hardware",
            Section::Tuning => "tuning",
            Section::Budget => "budget",
            Section::Decisions => "decisions",
            Section::Roadmap => "roadmap",
            Section::Runbooks => "runbooks",
            Section::Considerations => "considerations",
            Section::Conclusion => "conclusion",
            Section::Corrections => "corrections",
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// The report's text, cut into sections as it is written.
#[derive(Default)]
struct Writer {
    /// The header, then each section's text.
    parts: Vec<(Option<Section>, String)>,
}

impl Writer {
    fn line(&mut self, text: String) {
        if self.parts.is_empty() {
            self.parts.push((None, String::new()));
        }
        if let Some((_, out)) = self.parts.last_mut() {
            out.push_str(&text);
            out.push('\n');
        }
    }

    fn section(&mut self, section: Section) {
        self.parts.push((Some(section), String::new()));
    }

    /// The whole plan, or the header and one section.
    fn finish(self, only: Option<Section>) -> String {
        self.parts
            .into_iter()
            .filter(|(section, _)| only.is_none() || section.is_none() || *section == only)
            .map(|(_, text)| text)
            .collect()
    }
}

/// Latency at the peak hour: the busiest service as a queue.
fn latency(w: &mut Writer, plan: &Plan) {
    use headroom_core::latency::{Latency, ASSUMPTIONS};
    let lang = plan.scenario.lang;
    let t = |fr: &'static str, en: &'static str| tx(fr, en).get(lang);
    let c = text::colon(lang);
    let Some(l) = plan.latency.as_ref() else {
        w.line(
            t(
                "Latence à l'heure de pointe : dans le cloud, donnez svc et par.",
                "Latency at the peak hour: in the cloud, give svc and par.",
            )
            .to_owned(),
        );
        w.line(String::new());
        return;
    };
    w.line(t("Latence à l'heure de pointe", "Latency at the peak hour").to_owned());
    let row = |w: &mut Writer, name: &str, value: String| w.line(format!("  {name:<28}{c}{value}"));
    row(
        w,
        t("Demande par requête", "Demand per request"),
        l.demand_text(lang),
    );
    if l.service_s != l.demand_s {
        row(
            w,
            t("Temps de service (latence)", "Service time (latency)"),
            Latency::time_text(Some(l.service_s), lang),
        );
    }
    row(
        w,
        t("Serveurs en parallèle", "Servers in parallel"),
        l.servers_text(lang),
    );
    row(
        w,
        t("Utilisation à la pointe", "Utilisation at the peak"),
        l.utilisation_text(lang),
    );
    row(
        w,
        t("P95 à la pointe", "P95 at the peak"),
        Latency::time_text(l.p95_at_peak_s, lang),
    );
    row(
        w,
        t("Saturée à la pointe", "Peak saturates at"),
        Latency::at_text(l.saturation_users, l.saturation, lang),
    );
    for crossing in &l.crossings {
        let name = format!(
            "P95 > {}",
            crossing.row.metric.format(crossing.row.threshold, lang)
        );
        row(
            w,
            &name,
            format!(
                "{} ({})",
                Latency::at_text(Some(crossing.users), Some(crossing.eta), lang),
                crossing.row.action.get(lang)
            ),
        );
    }
    if let Some(calibration) = l.calibration_text(lang) {
        w.line(format!("  {calibration}"));
    }
    if let Some(source) = l.source_text(lang) {
        w.line(format!("  {source}"));
    }
    w.line(format!("  {}", ASSUMPTIONS.get(lang)));
    // The curve, a line a year and the last point, P95 against users.
    w.line(format!(
        "  {}",
        t(
            "Utilisateurs → requêtes/s à la pointe → P95",
            "Users → peak requests/s → P95"
        )
    ));
    let last = l.curve.len().saturating_sub(1);
    let step = (l.curve.len() / 6).max(1);
    for (i, p) in l.curve.iter().enumerate() {
        if i % step == 0 || i == last {
            w.line(format!(
                "    {:>12}  {:>10}  {}",
                text::integer(p.users, lang),
                text::rate(p.peak_rps.0, lang),
                Latency::time_text(p.p95_s, lang)
            ));
        }
    }
    w.line(String::new());
}

/// What the user's tools measured (`--stats`, `--loadtest`, or a link's
/// `ds`, `lt`, `usl`), and what the plan took from it.
fn measurements(w: &mut Writer, plan: &Plan, notes: &[String]) {
    let s = &plan.scenario;
    let lang = s.lang;
    let t = |fr: &'static str, en: &'static str| tx(fr, en).get(lang);
    if s.measured.is_empty() {
        w.line(
            t(
                "Mesures : aucune. Donnez --stats (docker stats --no-stream) ou --loadtest (oha, k6, autocannon, wrk, pgbench).",
                "Measurements: none. Give --stats (docker stats --no-stream) or --loadtest (oha, k6, autocannon, wrk, pgbench).",
            )
            .to_owned(),
        );
        w.line(String::new());
        return;
    }
    w.line(t("Vos mesures", "Your measurements").to_owned());
    if let Some(usage) = &plan.usage {
        let c = text::colon(lang);
        w.line(format!(
            "  docker stats{c}{} — {}",
            usage.totals_text(lang),
            t(
                "remplit cpu et ram (mesuré)",
                "fills cpu and ram (measured)"
            )
        ));
        let machine = s.machine().map(|m| m.memory);
        w.line(format!(
            "    {:<24} {:<26} {:>6}  {:<28} {}",
            t("conteneur", "container"),
            t("rôle", "role"),
            "CPU",
            t("mémoire / limite actuelle", "memory / current limit"),
            t("sous l'override", "under the override")
        ));
        for (i, row) in usage.rows.iter().enumerate() {
            let mark = if Some(i) == usage.binds_first {
                "▶"
            } else {
                " "
            };
            w.line(format!(
                "  {mark} {:<24} {:<26} {:>6}  {:<28} {}",
                row.container.name,
                row.role_text(lang),
                text::number(row.container.cpu_cores, 2, lang),
                row.memory_now_text(machine, lang),
                row.under_override_text(lang)
            ));
            if let Some(flag) = row.flag_text(lang) {
                w.line(format!("      ! {flag}"));
            }
        }
        if let Some(first) = usage.binds_first_text(lang) {
            w.line(format!("  ▶ {first}"));
        }
    }
    if let Some(l) = &plan.latency {
        if let Some(check) = l.test_check {
            w.line(format!(
                "  {}{}{}",
                t("Test de charge", "Load test"),
                text::colon(lang),
                check.text(lang)
            ));
            w.line(format!(
                "    {} {}",
                t("→ svc, cs2 (mesurés) :", "→ svc, cs2 (measured):"),
                l.demand_text(lang)
            ));
            w.line(format!("    {}", check.test.arrivals.note().get(lang)));
        }
        if let Some(ceiling) = l.measured_ceiling {
            w.line(format!("  {}", ceiling.text(lang)));
        }
    }
    for note in notes {
        w.line(format!("  · {note}"));
    }
    w.line(String::new());
}

/// Headroom by resource: what runs out first on the machine, and when.
fn resources(w: &mut Writer, plan: &Plan) {
    let lang = plan.scenario.lang;
    let t = |fr: &'static str, en: &'static str| tx(fr, en).get(lang);
    let n = |x: f64| text::integer(x, lang);
    let c = text::colon(lang);
    let Some(ceiling) = plan.ceiling else {
        w.line(
            t(
                "Marge par ressource : le cloud n'a pas de plafond fixe.",
                "Headroom by resource: the cloud has no fixed ceiling.",
            )
            .to_owned(),
        );
        w.line(String::new());
        return;
    };
    w.line(format!(
        "{}{c}{}",
        t(
            "Marge par ressource. Ce qui fixe le plafond de la machine",
            "Headroom by resource. What sets the machine's ceiling"
        ),
        ceiling.describe(lang)
    ));
    let at = |users: Option<f64>, eta: Option<Eta>| match (users, eta) {
        (Some(users), Some(eta)) => format!(
            "{} {}, {}",
            n(users),
            t("utilisateurs", "users"),
            eta.describe(lang)
        ),
        _ => "—".to_owned(),
    };
    for r in &plan.resources {
        let basis = r.basis.name().get(lang);
        let now = r.now_text(lang);
        let name = r.resource.name().get(lang);
        if r.is_modelled() {
            w.line(format!("  {name} ({basis}){c}{now}"));
        } else {
            w.line(format!("  {name}{c}{now}"));
        }
        // One line per crossing: the threshold, the users, the month.
        let full = format!("{}{c}{}", t("plein", "full"), at(r.full_users, r.full));
        match r.resource.thresholds().filter(|_| r.is_modelled()) {
            Some(thresholds) => {
                for (name, share, users, eta) in [
                    (
                        t("alerte", "warning"),
                        thresholds.warning,
                        r.warning_users,
                        r.warning,
                    ),
                    (
                        t("critique", "critical"),
                        thresholds.critical,
                        r.critical_users,
                        r.critical,
                    ),
                ] {
                    let share = text::percent(share, 0, lang);
                    w.line(format!("    {name} {share}{c}{}", at(users, eta)));
                }
                w.line(format!("    {full}"));
            }
            None if r.full_users.is_some() => w.line(format!("    {full}")),
            None => {}
        }
    }
    if plan
        .resources
        .iter()
        .any(|r| r.basis == resources::Basis::Measured)
    {
        w.line(format!("  {}", resources::CALIBRATION.get(lang)));
    }
    w.line(String::new());
}

/// Now / Next / Later, first.
fn agenda(w: &mut Writer, plan: &Plan) {
    let lang = plan.scenario.lang;
    let t = |fr: &'static str, en: &'static str| tx(fr, en).get(lang);
    let agenda = headroom_core::agenda::Agenda::of(plan, lang);
    if let Some(rests) = plan.rests_on(lang) {
        w.line(rests);
    }
    for (title, actions) in [
        (t("Maintenant", "Now"), &agenda.now),
        (t("Ensuite", "Next"), &agenda.next),
        (t("Plus tard", "Later"), &agenda.later),
    ] {
        w.line(title.to_owned());
        if actions.is_empty() {
            w.line(format!("  {}", t("Rien.", "Nothing.")));
        }
        for action in actions {
            match action.at {
                Some((users, eta)) => w.line(format!(
                    "  - {} {} {}, {}{}{}",
                    t("à", "at"),
                    text::integer(users, lang),
                    t("utilisateurs", "users"),
                    eta.describe(lang),
                    text::colon(lang),
                    action.text
                )),
                None => w.line(format!("  - {}", action.text)),
            }
        }
    }
    w.line(String::new());
}
