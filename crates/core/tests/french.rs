//! Every French sentence Headroom builds from figures, over a spread of
//! scenarios, listed once each (`--nocapture` prints them) and checked
//! against the rules French typography and grammar set: articles before a
//! machine's name, elisions, no English left, a space before `;`.
#![cfg(feature = "reports")]

use std::collections::BTreeSet;

use headroom_core::agenda::Agenda;
use headroom_core::latency::Latency;
use headroom_core::measure::spread::SpreadBasis;
use headroom_core::measure::Note;
use headroom_core::{plan, query, runbook, text, Defaults, Lang, Plan, YearMonth};

const USERS: [u32; 10] = [
    0, 50, 300, 1_200, 1_900, 2_100, 4_000, 8_000, 12_000, 20_000,
];
const HOSTS: [&str; 4] = ["pi4", "minipc", "cloud", "custom"];
const MEASURED: [&str; 7] = [
    "",
    "&cpu=35&ram=60",
    "&cpu=90&ram=97&p95=4000&err=5",
    "&svc=25&par=4",
    "&disk=85",
    "&ds=shop-postgres-1:0.35:1100:3793,shop-api-1:0.5:210:",
    "&ds=shop-postgres-1:0.35:1100:3793",
];

fn plan_for(q: &str) -> Plan {
    let defaults = Defaults {
        today: YearMonth::new(2026, 12).unwrap(),
        lang: Lang::Fr,
        day: 1,
    };
    let decoded = query::decode(q, defaults);
    plan(&decoded.scenario)
}

/// The sentences of one plan, as the CLI and the page show them.
fn sentences(p: &Plan, out: &mut BTreeSet<String>) {
    let fr = Lang::Fr;
    let mut add = |s: String| {
        if !s.trim().is_empty() {
            out.insert(s);
        }
    };
    for notice in &p.notices {
        add(notice.message(fr));
    }
    add(p.tier.label_with_users(fr));
    add(p.verdict.describe(fr));
    add(p.for_you(fr));
    if let Some(rests) = p.rests_on(fr) {
        add(rests);
    }
    if let Some(t) = p.host_timing {
        add(t.migration_start.describe(fr));
        add(t.ceiling.describe(fr));
    }
    let agenda = Agenda::of(p, fr);
    for action in agenda.now.iter().chain(&agenda.next).chain(&agenda.later) {
        match action.at {
            // As the CLI prints a dated action.
            Some((users, eta)) => add(format!(
                "à {} utilisateurs, {}{}{}",
                text::integer(users, fr),
                eta.describe(fr),
                text::colon(fr),
                action.text
            )),
            None => add(action.text.clone()),
        }
    }
    if let Some(l) = &p.latency {
        add(l.demand_text(fr));
        add(l.servers_text(fr));
        add(l.utilisation_text(fr));
        add(Latency::time_text(l.p95_at_peak_s, fr));
        add(Latency::at_text(l.saturation_users, l.saturation, fr));
        for c in &l.crossings {
            add(format!(
                "{} ({})",
                Latency::at_text(Some(c.users), Some(c.eta), fr),
                c.row.action.get(fr)
            ));
        }
        if let Some(c) = l.calibration_text(fr) {
            add(c);
        }
        if let Some(s) = l.source_text(fr) {
            add(s);
        }
        if let Some(check) = l.test_check {
            add(check.text(fr));
        }
        if let Some(ceiling) = l.measured_ceiling {
            add(ceiling.text(fr));
        }
    }
    if let Some(ceiling) = p.ceiling {
        add(ceiling.describe(fr));
    }
    for r in &p.resources {
        add(r.now_text(fr));
        for eta in [r.warning, r.critical, r.full].into_iter().flatten() {
            add(eta.describe(fr));
        }
    }
    if let Some(tuning) = &p.tuning {
        for setting in &tuning.settings {
            add(setting.provenance(fr));
        }
        for term in tuning.memory.terms(fr) {
            add(term.detail);
        }
        if let Some(pooler) = &tuning.pooler {
            for setting in &pooler.settings {
                add(setting.reason.describe(fr));
            }
        }
    }
    if let Some(b) = &p.budget {
        add(b.machine.describe(fr));
        add(b.rest_text(fr));
    }
    if let Some(usage) = &p.usage {
        add(usage.totals_text(fr));
        let machine = p.scenario.machine().map(|m| m.memory);
        for row in &usage.rows {
            add(row.role_text(fr));
            add(row.memory_now_text(machine, fr));
            add(row.under_override_text(fr));
            if let Some(flag) = row.flag_text(fr) {
                add(flag);
            }
        }
        if let Some(first) = usage.binds_first_text(fr) {
            add(first);
        }
    }
    for projected in &p.roadmap {
        add(projected.starts.describe(fr));
    }
    let lasts = p
        .roadmap
        .iter()
        .find(|r| r.tier.number == p.tier.number)
        .map(|r| r.lasts);
    add(p.tier.lasts_text(lasts, fr));
    let names = &p.scenario.names;
    for step in runbook::MIGRATION
        .iter()
        .flat_map(|phase| phase.steps.iter())
        .chain(&runbook::ROLLBACK)
        .chain(&runbook::TO_CLOUD)
        .chain(&runbook::COMPOSE_CHANGE)
        .chain(&runbook::POOLER)
    {
        if let Some(note) = step.note_for(names, fr) {
            add(note);
        }
    }
}

/// What the readings of measurements say, every kind.
fn notes(out: &mut BTreeSet<String>) {
    let all = [
        Note::NoMachine,
        Note::AboveMachine,
        Note::FewLevels { got: 1 },
        Note::FewLevels { got: 3 },
        Note::Retrograde { peak: 42.5 },
        Note::Snapshot,
        Note::Spread {
            cs2: 0.8,
            basis: SpreadBasis::Samples { n: 1_500 },
        },
        Note::Spread {
            cs2: 1.6,
            basis: SpreadBasis::StdDev,
        },
        Note::Spread {
            cs2: 2.1,
            basis: SpreadBasis::LognormalPercentiles,
        },
        Note::NoSpread,
    ];
    for note in all {
        out.insert(note.describe(Lang::Fr));
    }
}

fn all_sentences() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for users in USERS {
        for host in HOSTS {
            for measured in MEASURED {
                let q = format!("users={users}&host={host}&growth=15{measured}");
                sentences(&plan_for(&q), &mut out);
            }
        }
    }
    // A machine of the user's that is too small, and one without growth.
    for q in [
        "users=300&host=custom&hmem=2.7",
        "users=1500&host=custom&hcpu=2&hmem=4",
        "users=900&host=pi4&growth=0",
        "users=900&host=minipc&growth=0&svc=25&par=4",
    ] {
        sentences(&plan_for(q), &mut out);
    }
    notes(&mut out);
    out
}

/// Words and phrases that are English, never French.
const ENGLISH: [&str; 9] = [
    " the ",
    " and ",
    " users",
    "now (overdue)",
    " at ",
    " of the ",
    " with ",
    " months",
    " tier ",
];

/// `de le` and its kin, which French contracts (du, au, des, aux).
const UNCONTRACTED: [&str; 4] = ["de le ", "à le ", "de les ", "à les "];

/// A machine's name after a verb or a preposition, without its article.
const BARE_NAMES: [&str; 10] = [
    "Commander Mini PC",
    "Commander Raspberry",
    "à Mini PC",
    "à Raspberry",
    "à Cloud",
    "vers Mini PC",
    "vers Cloud",
    "vers Raspberry",
    "sur Mini PC",
    "sur Raspberry",
];

/// Rules each sentence must keep; the broken ones, with the sentence.
fn broken(sentence: &str) -> Vec<String> {
    let mut broken = Vec::new();
    let padded = format!(" {sentence} ");
    for word in ENGLISH {
        if padded.contains(word) {
            broken.push(format!("English {word:?}"));
        }
    }
    let lower = padded.to_lowercase();
    for pair in UNCONTRACTED {
        if lower.contains(&format!(" {pair}")) {
            broken.push(format!("not contracted {pair:?}"));
        }
    }
    for bare in BARE_NAMES {
        if sentence.contains(bare) {
            broken.push(format!("no article: {bare:?}"));
        }
    }
    // A capital after an article: "le Mini PC", "le Cloud".
    for capital in [
        "le Mini PC",
        "le Cloud",
        "au Cloud",
        "du Cloud",
        "au Mini PC",
    ] {
        if sentence.contains(capital) {
            broken.push(format!("capital after the article: {capital:?}"));
        }
    }
    // The user's machine is feminine.
    if sentence.contains("(sur mesure) est plein ") {
        broken.push("votre machine est pleine".to_owned());
    }
    if sentence.contains("  ") {
        broken.push("double space".to_owned());
    }
    // A word left out before a full stop or a comma (`passez à .`).
    if padded.contains(" . ") || padded.contains(" .\u{a0}") || sentence.contains(" ,") {
        broken.push("space before . or ,".to_owned());
    }
    // Brackets inside brackets read badly: `(d'après votre temps (svc))`.
    let mut depth = 0i32;
    for c in sentence.chars() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        if depth > 1 {
            broken.push("brackets inside brackets".to_owned());
            break;
        }
    }
    // French puts a space before ; : ! ? (a no-break one where it can).
    let chars: Vec<char> = sentence.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        // A colon inside a word or a figure (`08:00`, `C_s²`, URLs) is no punctuation.
        let after = chars.get(i + 1).copied();
        let punct = match c {
            ';' | '!' | '?' => true,
            ':' => after.is_none_or(|a| a == ' ' || a == '\u{a0}'),
            _ => false,
        };
        let before = i.checked_sub(1).map(|j| chars[j]);
        if punct && !matches!(before, Some(' ' | '\u{a0}' | '\u{202f}') | None) {
            broken.push(format!("no space before {c:?}"));
        }
    }
    // A count of one with a plural noun, or a plural with a singular one.
    for (i, word) in sentence.split([' ', '\u{a0}']).enumerate() {
        let next = sentence.split([' ', '\u{a0}']).nth(i + 1).unwrap_or("");
        if word == "1" && next.ends_with('s') && !next.ends_with("mois") && next.len() > 2 {
            broken.push(format!("1 with a plural: 1 {next}"));
        }
    }
    if sentence.contains("0\u{a0}mois") && !sentence.contains(",0\u{a0}mois") {
        let zero = sentence.match_indices("0\u{a0}mois").any(|(i, _)| {
            i == 0 || !sentence[..i].ends_with(|c: char| c.is_ascii_digit() || c == ',')
        });
        if zero {
            broken.push("0 mois".to_owned());
        }
    }
    broken
}

/// The sentence with its figures as `N`, so that a form is read once:
/// a lone 0 or 1 stays, where agreement depends on it.
fn shape(sentence: &str) -> String {
    let mut out = String::new();
    let mut figure = String::new();
    let flush = |figure: &mut String, out: &mut String| {
        match figure.trim_end_matches([',', '\u{202f}']) {
            "" => {}
            f @ ("0" | "1") => out.push_str(f),
            _ => out.push('N'),
        }
        // A separator that ended the figure is kept.
        if figure.ends_with(',') {
            out.push(',');
        }
        figure.clear();
    };
    for c in sentence.chars() {
        let grouping = !figure.is_empty() && matches!(c, ',' | '\u{202f}');
        // Digits in a name (`p95`, `i5-12400F`, `S3`) are no figure.
        let in_word = figure.is_empty() && out.ends_with(|p: char| p.is_alphanumeric() || p == '-');
        if (c.is_ascii_digit() && !in_word) || grouping {
            figure.push(c);
        } else {
            flush(&mut figure, &mut out);
            out.push(c);
        }
    }
    flush(&mut figure, &mut out);
    out
}

#[test]
fn every_french_sentence_listed_once() {
    let all = all_sentences();
    let shapes: BTreeSet<String> = all.iter().map(|s| shape(s)).collect();
    println!(
        "{} distinct French sentences, {} forms once their figures are N:",
        all.len(),
        shapes.len()
    );
    for form in &shapes {
        println!("{form}");
    }
    let wrong: Vec<String> = all
        .iter()
        .filter_map(|s| {
            let b = broken(s);
            (!b.is_empty()).then(|| format!("{s}\n    → {}", b.join(", ")))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} sentence(s) break a rule:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    // Enough scenarios to reach every kind of sentence.
    assert!(all.len() > 150, "{}", all.len());
}

#[test]
fn the_rules_catch_what_they_name() {
    for bad in [
        "Commander Mini PC (classe i5-12400F)",
        "Passez à Mini PC maintenant : le Mini PC est plein.",
        "à 2 000 users, now (overdue)",
        "La marge de le disque",
        "Restez sur le Pi; attendez",
        "Deux  espaces",
        "1 conteneurs",
        "Migration vers le cloud terminée : votre machine (sur mesure) est plein à 8 000 utilisateurs.",
        "ou passez à .",
        "N ms (votre temps de service (svc))",
    ] {
        assert!(!broken(bad).is_empty(), "{bad}");
    }
    for good in [
        "Commander le mini PC (classe i5-12400F) et lancer la phase 1 de la migration.",
        "Passez au cloud maintenant : le Raspberry Pi 4 B (4 Go) est plein ; à 08:00.",
        "1 conteneur",
        "dans 10,0\u{a0}mois",
    ] {
        assert!(broken(good).is_empty(), "{good}: {:?}", broken(good));
    }
}
