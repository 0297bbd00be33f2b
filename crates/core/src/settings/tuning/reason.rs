//! Why a setting has its value, typed, and the one place its words are
//! written ([`Reason::describe`]).

use super::rules::*;
use crate::base::text::{self, tx, Lang};
use crate::base::units::{Cores, Mebibytes};
use crate::settings::postgres::{self, Memory};

/// Where in the source a kept value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourcePlace {
    /// The tier's `docker-compose` block.
    Compose,
    /// The tier's "required optimisations" or software optimisations.
    Optimisations,
    /// Tier 3's advanced Redis settings.
    RedisNotes,
}

/// The rule a value follows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// `percent`% of a container's `mem_limit`, at most `cap`% (a source value
    /// up to the cap is kept), or never above the limit when `cap` is `None`.
    ShareOfLimit {
        percent: u32,
        cap: Option<u32>,
        limit: Mebibytes,
    },
    /// PGTune: 1/`divisor` of the memory, here the container's.
    FractionOfLimit { divisor: u32, limit: Mebibytes },
    /// What PostgreSQL's worst case leaves, shared out between the `work_mem`s
    /// that may be in use at once.
    WorkMemBudget(Memory),
    /// `pgconn` connections for the applications plus the superusers' reserve.
    Connections { pgconn: u32, from: ConnectionsFrom },
    /// PGTune: 3% of `shared_buffers`, at most 16 MB.
    WalBuffers { shared_buffers: Mebibytes },
    /// PGTune's web profile.
    WebProfile,
    /// PGTune for data on an SSD.
    Ssd,
    /// PGTune's parallel settings from the container's `cpus` (rounded up to
    /// whole CPUs); none below two.
    ContainerCpus { cpus: Cores, whole: u32 },
    /// Redis: half its container, room for the persistence fork.
    RedisFork { limit: Mebibytes },
    /// An eviction policy wherever `maxmemory` is set.
    Eviction,
    /// Node.js: the heap whose peak resident memory stays within 90% of the
    /// API's limit.
    NodeHeap { limit: Mebibytes },
}

/// Where `pgconn` comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionsFrom {
    /// Typed in by the user.
    Input,
    /// PostgreSQL's default of 100 connections.
    PostgresDefault,
    /// PostgreSQL's default does not fit the container: the most that does.
    LargestThatFits,
    /// 20 behind PgBouncer, as the source advises pooling from tier 3.
    Pooled,
}

/// Why the source's value was replaced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Why {
    /// It is `percent`% of the limit, above the cap.
    AboveCap { percent: f64 },
    /// It exceeds the container's `mem_limit`.
    AboveLimit,
    /// It exceeds the `work_mem` budget of PostgreSQL's worst case.
    AboveBudget { budget: Mebibytes },
    /// Node.js: with what Node holds outside the heap, it passes the limit.
    NoRoomOutsideHeap { resident: Mebibytes },
}

/// Why a setting has its value: typed, so that the words live in
/// [`Reason::describe`] alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The source's value, kept: it passes the rule's check.
    Source {
        tier: u8,
        place: SourcePlace,
        rule: Option<Rule>,
    },
    /// The source's value broke the rule's check and was replaced.
    Corrected {
        source: Mebibytes,
        why: Why,
        rule: Rule,
    },
    /// The source gives no value; the rule derived one.
    Derived(Rule),
}

impl Reason {
    /// The reason in a sentence: `corrected: the source's 512MB is 43% of the
    /// 1200m mem_limit, above 40%; rule: 25% of the 1200m mem_limit, at most 40%`.
    pub fn describe(&self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        match *self {
            Reason::Source { tier, place, rule } => {
                let place = place.describe(tier, lang);
                match rule {
                    Some(rule) if fr => format!(
                        "source, {place}\u{a0}; conforme à la règle\u{a0}: {}",
                        rule.describe(lang)
                    ),
                    Some(rule) => {
                        format!("source, {place}; within the rule: {}", rule.describe(lang))
                    }
                    None => format!("source, {place}"),
                }
            }
            Reason::Derived(rule) if fr => format!("règle\u{a0}: {}", rule.describe(lang)),
            Reason::Derived(rule) => format!("rule: {}", rule.describe(lang)),
            Reason::Corrected { source, why, rule } => {
                let (source, why, rule) = (
                    postgres::memory_spelling(source),
                    why.describe(rule, lang),
                    rule.describe(lang),
                );
                if fr {
                    format!(
                        "corrigé\u{a0}: la source donne {source}, {why}\u{a0}; règle\u{a0}: {rule}"
                    )
                } else {
                    format!("corrected: the source's {source} {why}; rule: {rule}")
                }
            }
        }
    }
}

impl SourcePlace {
    fn describe(self, tier: u8, lang: Lang) -> String {
        match (self, lang.page()) {
            (SourcePlace::Compose, Lang::Fr) => format!("docker-compose du palier {tier}"),
            (SourcePlace::Compose, Lang::En) => format!("tier {tier}'s docker-compose"),
            (SourcePlace::Optimisations, Lang::Fr) => format!("optimisations du palier {tier}"),
            (SourcePlace::Optimisations, Lang::En) => format!("tier {tier}'s optimisations"),
            (SourcePlace::RedisNotes, Lang::Fr) => format!("configuration Redis du palier {tier}"),
            (SourcePlace::RedisNotes, Lang::En) => format!("tier {tier}'s Redis settings"),
        }
    }
}

impl Why {
    fn describe(self, rule: Rule, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let limit = plain(match rule {
            Rule::ShareOfLimit { limit, .. }
            | Rule::FractionOfLimit { limit, .. }
            | Rule::RedisFork { limit }
            | Rule::NodeHeap { limit } => limit,
            Rule::WorkMemBudget(memory) => memory.limit,
            _ => Mebibytes(0.0),
        });
        let pct = |p: f64| text::percent(p, 0, lang);
        match self {
            Why::AboveCap { percent } => {
                let cap = match rule {
                    Rule::ShareOfLimit { cap: Some(cap), .. } => cap,
                    Rule::RedisFork { .. } => REDIS_PERCENT,
                    _ => 100,
                };
                let (share, cap) = (pct(percent), pct(f64::from(cap)));
                if fr {
                    format!("soit {share} du mem_limit de {limit}m, au-delà de {cap}")
                } else {
                    format!("is {share} of the {limit}m mem_limit, above {cap}")
                }
            }
            Why::AboveLimit if fr => format!("ce qui dépasse le mem_limit de {limit}m"),
            Why::AboveLimit => format!("exceeds the {limit}m mem_limit"),
            Why::AboveBudget { budget } => {
                let budget = postgres::memory_spelling(budget);
                if fr {
                    format!("au-delà des {budget} que laisse le pire cas de PostgreSQL")
                } else {
                    format!("exceeds the {budget} that PostgreSQL's worst case leaves")
                }
            }
            Why::NoRoomOutsideHeap { resident } => {
                let (resident, share) = (
                    resident.display(lang),
                    pct(f64::from(NODE_RESIDENT_PERCENT)),
                );
                if fr {
                    format!(
                        "qui culminerait vers {resident} avec la pire fuite, plus de {share} de {limit}m"
                    )
                } else {
                    format!(
                        "would peak near {resident} with the worst leak, over {share} of {limit}m"
                    )
                }
            }
        }
    }
}

/// The `work_mem` rule: the worst case's terms over the `work_mem`s in use
/// (`ops` per query process, hashes at `hash` times), in `step`s, `min` at least.
pub(super) fn work_mem_rule(
    memory: Memory,
    ops: u32,
    hash: f64,
    step: Mebibytes,
    min: Mebibytes,
    lang: Lang,
) -> String {
    let terms = [
        memory.limit,
        memory.shared,
        memory.process_overhead(),
        memory.autovacuum(),
    ]
    // Written as the sum reads: `82.5` in English, `82,5` in French,
    // and no thousands comma in English (`1200`, like `1200m`).
    .map(|m| match lang.page() {
        Lang::En => text::number(m.0, 2, lang).replace(',', ""),
        Lang::Fr => text::number(m.0, 2, lang),
    })
    .join(" − ");
    let n = memory.query_processes;
    let hash = text::number(hash, 2, lang);
    let (step, min) = (
        postgres::memory_spelling(step),
        postgres::memory_spelling(min),
    );
    if lang.page() == Lang::Fr {
        format!(
            "({terms}) / ({n} processus × {ops} opérations × {hash} pour les hachages), par pas de {step}, {min} au moins\u{a0}; la règle du pire cas de Headroom, plus stricte que celle de PGTune, qui partage ce que laisse shared_buffers entre les connexions sans compter les hachages, l'autovacuum ni les processus"
        )
    } else {
        format!(
            "({terms}) / ({n} processes × {ops} operations × {hash} for hashes), in {step} steps, at least {min}; Headroom's worst-case rule, stricter than PGTune's, which shares what shared_buffers leaves among the connections without counting hashes, autovacuum or the processes"
        )
    }
}

/// Where `pgconn` comes from, PostgreSQL's default being `default`.
pub(super) fn connections_why(from: ConnectionsFrom, default: u32, lang: Lang) -> String {
    let fr = lang.page() == Lang::Fr;
    match (from, fr) {
        (ConnectionsFrom::Input, true) => "saisi".to_owned(),
        (ConnectionsFrom::Input, false) => "your input".to_owned(),
        (ConnectionsFrom::PostgresDefault, true) => {
            format!("la valeur par défaut de PostgreSQL, {default}")
        }
        (ConnectionsFrom::PostgresDefault, false) => format!("PostgreSQL's default of {default}"),
        (ConnectionsFrom::LargestThatFits, true) => {
            format!("le maximum qui tient, pas les {default} de PostgreSQL")
        }
        (ConnectionsFrom::LargestThatFits, false) => {
            format!("the most that fits, PostgreSQL's {default} does not")
        }
        (ConnectionsFrom::Pooled, true) => {
            "derrière PgBouncer, comme la source le conseille".to_owned()
        }
        (ConnectionsFrom::Pooled, false) => "behind PgBouncer, as the source advises".to_owned(),
    }
}

/// The parallel settings on `cpus` (`whole` rounded up), none below `min`:
/// Headroom's rule, bounded by the container's CPUs. PGTune plans parallel
/// queries only from `PGTUNE_PARALLEL_FROM` CPUs, and leaves PostgreSQL's
/// defaults below.
pub(super) fn cpus_rule(cpus: Cores, whole: u32, min: u32, lang: Lang) -> String {
    let c = text::number(cpus.0, 2, lang);
    let from = super::rules::PGTUNE_PARALLEL_FROM;
    let pgtune = if whole >= from {
        match lang.page() {
            Lang::Fr => "comme PGTune".to_owned(),
            Lang::En => "as PGTune does".to_owned(),
        }
    } else {
        match lang.page() {
            Lang::Fr => format!("PGTune, lui, ne règle rien sous {from} CPU et laisse les valeurs par défaut de PostgreSQL"),
            Lang::En => format!("PGTune sets nothing below {from} CPUs and leaves PostgreSQL's defaults"),
        }
    };
    if lang.page() == Lang::Fr {
        format!("celle de Headroom, bornée par les cpus du conteneur\u{a0}: {c} → {whole}\u{a0}; rien en parallèle sous {min}\u{a0}; {pgtune}")
    } else {
        format!("Headroom's, bounded by the container's cpus: {c} → {whole}; nothing parallel below {min}; {pgtune}")
    }
}

/// A whole number of MiB as Docker and the servers write it: `1200`.
pub(super) fn plain(m: Mebibytes) -> String {
    text::fixed(m.0, 0)
}

impl Rule {
    /// The rule with this tier's figures.
    pub fn describe(self, lang: Lang) -> String {
        let fr = lang.page() == Lang::Fr;
        let pct = |p: u32| text::percent(f64::from(p), 0, lang);
        match self {
            Rule::ShareOfLimit {
                percent,
                cap,
                limit,
            } => {
                let (percent, limit) = (pct(percent), plain(limit));
                match (cap.map(pct), fr) {
                    (Some(cap), true) => {
                        format!("{percent} du mem_limit de {limit}m, {cap} au plus")
                    }
                    (Some(cap), false) => {
                        format!("{percent} of the {limit}m mem_limit, at most {cap}")
                    }
                    (None, true) => {
                        format!("{percent} du mem_limit de {limit}m, jamais plus que lui")
                    }
                    (None, false) => format!("{percent} of the {limit}m mem_limit, never above it"),
                }
            }
            Rule::FractionOfLimit { divisor, limit } => {
                let limit = plain(limit);
                if fr {
                    format!("1/{divisor} du mem_limit de {limit}m (PGTune)")
                } else {
                    format!("1/{divisor} of the {limit}m mem_limit (PGTune)")
                }
            }
            Rule::WorkMemBudget(memory) => work_mem_rule(
                memory,
                postgres::OPERATIONS_PER_QUERY,
                postgres::HASH_MEM_MULTIPLIER,
                postgres::WORK_MEM_STEP,
                postgres::WORK_MEM_MIN,
                lang,
            ),
            Rule::Connections { pgconn, from } => {
                let reserved = postgres::SUPERUSER_RESERVED;
                let why = connections_why(from, DEFAULT_CONNECTIONS, lang);
                if fr {
                    format!("pgconn {pgconn} ({why}) + {reserved} réservées aux superutilisateurs")
                } else {
                    format!("pgconn {pgconn} ({why}) + {reserved} reserved for superusers")
                }
            }
            Rule::WalBuffers { shared_buffers } => {
                let (p, sb, cap) = (
                    pct(WAL_BUFFERS_PERCENT),
                    postgres::memory_spelling(shared_buffers),
                    postgres::memory_spelling(WAL_BUFFERS_CAP),
                );
                if fr {
                    format!("{p} de shared_buffers ({sb}), {cap} au plus (PGTune)")
                } else {
                    format!("{p} of shared_buffers ({sb}), at most {cap} (PGTune)")
                }
            }
            Rule::WebProfile => tx("profil web de PGTune", "PGTune's web profile")
                .get(lang)
                .to_owned(),
            Rule::Ssd => tx(
                "PGTune pour un SSD, le disque de la source",
                "PGTune for an SSD, the source's disk",
            )
            .get(lang)
            .to_owned(),
            Rule::ContainerCpus { cpus, whole } => cpus_rule(cpus, whole, MIN_PARALLEL_CPUS, lang),
            Rule::RedisFork { limit } => {
                let (p, limit) = (pct(REDIS_PERCENT), plain(limit));
                if fr {
                    format!(
                        "{p} du mem_limit de {limit}m\u{a0}: le reste pour le fork de persistance"
                    )
                } else {
                    format!("{p} of the {limit}m mem_limit: the rest for the persistence fork")
                }
            }
            Rule::Eviction => tx(
                "sans politique d'éviction, Redis plein refuse les écritures",
                "without an eviction policy, a full Redis refuses writes",
            )
            .get(lang)
            .to_owned(),
            Rule::NodeHeap { limit } => {
                let (base, p, limit) = (
                    plain(NODE_OUTSIDE_BASE),
                    pct(NODE_RESIDENT_PERCENT),
                    plain(limit),
                );
                let (slope, n) = (
                    text::number(NODE_OUTSIDE_SLOPE, 3, lang),
                    NODE_LEAK_PATTERNS,
                );
                if fr {
                    format!(
                        "pic résident mesuré pour le pire de {n} schémas de fuite\u{a0}: {base} + tas × {slope}, sous {p} des {limit}m\u{a0}; les Buffers, hors du tas, n'ont que le mem_limit pour borne"
                    )
                } else {
                    format!(
                        "measured peak resident for the worst of {n} leak patterns: {base} + heap × {slope}, under {p} of {limit}m; Buffers, outside the heap, are bounded by mem_limit alone"
                    )
                }
            }
        }
    }
}
