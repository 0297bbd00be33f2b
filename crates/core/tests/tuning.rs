//! Server settings with provenance: the source's values, checked by the rules.

use headroom_core::tier::tier;
use headroom_core::tuning::{Origin, SettingKey, Tuning};
use headroom_core::units::Mebibytes;
use headroom_core::Lang;

fn tuning(number: u8, pgconn: Option<u32>) -> Tuning {
    Tuning::for_tier(tier(number).unwrap(), pgconn).unwrap()
}

fn value(t: &Tuning, key: SettingKey) -> String {
    t.get(key).unwrap().value_text()
}

fn origin(t: &Tuning, key: SettingKey) -> Origin {
    t.get(key).unwrap().origin
}

#[test]
fn tier_3_source_values_are_corrected_with_the_source_value_kept() {
    let t = tuning(3, None);
    // shared_buffers: the source's 512MB is 43% of 1200m (over 40%), so 25% of 1200 = 300.
    assert_eq!(value(&t, SettingKey::SharedBuffers), "300MB");
    assert_eq!(
        origin(&t, SettingKey::SharedBuffers),
        Origin::Corrected {
            source: Mebibytes(512.0)
        }
    );
    // effective_cache_size: the source's 1536MB exceeds the 1200m container, so 75% = 900.
    assert_eq!(value(&t, SettingKey::EffectiveCacheSize), "900MB");
    assert_eq!(
        origin(&t, SettingKey::EffectiveCacheSize),
        Origin::Corrected {
            source: Mebibytes(1536.0)
        }
    );
    // work_mem: (1200 - 300) / (20 x 3) = 15 MB, below the source's 64MB.
    assert_eq!(value(&t, SettingKey::WorkMem), "15MB");
    assert_eq!(
        origin(&t, SettingKey::WorkMem),
        Origin::Corrected {
            source: Mebibytes(64.0)
        }
    );
    // Kept from the source: Redis 256MB cap, LRU, Node 1024.
    assert_eq!(value(&t, SettingKey::RedisMaxmemory), "256mb");
    assert_eq!(origin(&t, SettingKey::RedisMaxmemory), Origin::Source);
    assert_eq!(value(&t, SettingKey::RedisPolicy), "allkeys-lru");
    assert_eq!(value(&t, SettingKey::NodeMaxOldSpace), "1024");
    assert_eq!(origin(&t, SettingKey::NodeMaxOldSpace), Origin::Source);
    // Derived: 1200 / 16 = 75; 20 connections behind pgBouncer.
    assert_eq!(value(&t, SettingKey::MaintenanceWorkMem), "75MB");
    assert_eq!(origin(&t, SettingKey::MaintenanceWorkMem), Origin::Derived);
    assert_eq!(value(&t, SettingKey::MaxConnections), "20");
    assert_eq!(origin(&t, SettingKey::MaxConnections), Origin::TierDefault);
}

#[test]
fn provenance_sentences_name_the_source_value_and_the_rule() {
    let t = tuning(3, None);
    let sb = t.get(SettingKey::SharedBuffers).unwrap();
    assert_eq!(
        t.provenance(sb, Lang::En),
        "corrected: the source's 512MB is 43% of the 1200m mem_limit, above 40%; rule: 25% of the 1200m mem_limit, at most 40%"
    );
    let wm = t.get(SettingKey::WorkMem).unwrap();
    assert_eq!(
        t.provenance(wm, Lang::En),
        "corrected: the source's 64MB exceeds the budget of 15MB per sort; rule: (1200 − 300) / (20 connections × 3), at least 4MB"
    );
    assert_eq!(
        t.provenance(sb, Lang::Fr),
        "corrigé\u{a0}: la source donne 512MB, soit 43\u{a0}% du mem_limit de 1200m, au-delà de 40\u{a0}%\u{a0}; règle\u{a0}: 25\u{a0}% du mem_limit de 1200m, 40\u{a0}% au plus"
    );
}

#[test]
fn tier_2_keeps_the_sources_shared_buffers_and_node_heap() {
    let t = tuning(2, None);
    // 256MB is 33% of the 768m limit: within 40%, kept.
    assert_eq!(value(&t, SettingKey::SharedBuffers), "256MB");
    assert_eq!(origin(&t, SettingKey::SharedBuffers), Origin::Source);
    assert_eq!(value(&t, SettingKey::NodeMaxOldSpace), "768");
    assert_eq!(origin(&t, SettingKey::NodeMaxOldSpace), Origin::Source);
    // (768 - 256) / (100 x 3) = 1.7, floored at 4 MB.
    assert_eq!(value(&t, SettingKey::WorkMem), "4MB");
    assert_eq!(origin(&t, SettingKey::WorkMem), Origin::Derived);
    assert_eq!(value(&t, SettingKey::EffectiveCacheSize), "576MB");
    assert_eq!(value(&t, SettingKey::RedisMaxmemory), "192mb");
    assert_eq!(value(&t, SettingKey::MaxConnections), "100");
}

#[test]
fn tiers_without_source_values_get_derived_ones() {
    let t1 = tuning(1, None);
    assert_eq!(value(&t1, SettingKey::SharedBuffers), "64MB");
    assert_eq!(value(&t1, SettingKey::EffectiveCacheSize), "192MB");
    assert_eq!(value(&t1, SettingKey::NodeMaxOldSpace), "384");
    assert_eq!(origin(&t1, SettingKey::NodeMaxOldSpace), Origin::Derived);
    assert!(
        t1.get(SettingKey::RedisPolicy).is_none(),
        "LRU starts at tier 2"
    );
    let t4 = tuning(4, None);
    assert_eq!(value(&t4, SettingKey::SharedBuffers), "1024MB");
    assert_eq!(value(&t4, SettingKey::EffectiveCacheSize), "3072MB");
    // (4096 - 1024) / (20 x 3) = 51.2, rounded down.
    assert_eq!(value(&t4, SettingKey::WorkMem), "51MB");
    assert_eq!(value(&t4, SettingKey::MaintenanceWorkMem), "256MB");
    assert_eq!(value(&t4, SettingKey::RedisMaxmemory), "768mb");
    assert_eq!(value(&t4, SettingKey::NodeMaxOldSpace), "3072");
    assert!(Tuning::for_tier(tier(5).unwrap(), None).is_none());
}

#[test]
fn pgconn_input_feeds_the_work_mem_budget() {
    let t = tuning(3, Some(5));
    assert_eq!(value(&t, SettingKey::MaxConnections), "5");
    assert_eq!(origin(&t, SettingKey::MaxConnections), Origin::Input);
    // (1200 - 300) / (5 x 3) = 60 < 64: still corrected.
    assert_eq!(value(&t, SettingKey::WorkMem), "60MB");
    let few = tuning(4, Some(5));
    // (4096 - 1024) / 15 = 204.8: derived (tier 4 gives no source value).
    assert_eq!(value(&few, SettingKey::WorkMem), "204MB");
    let many = tuning(3, Some(10_000));
    assert_eq!(value(&many, SettingKey::WorkMem), "4MB");
}
