//! What Headroom emits for a share link, read the way a user's tools read it:
//! the plan from the core, and the override parsed by a Compose parser, so
//! the real-server tests start each server with exactly the override's text.
#![allow(dead_code)] // Each test file uses its own subset.

use compose_spec::service::{ByteValue, Command};
use compose_spec::{Compose, ListOrMap, Service};
use headroom_core::{plan, query, Defaults, Lang, Plan, YearMonth};

/// The plan for a share link's query, in English, as of November 2026.
pub fn plan_for(query_string: &str) -> Plan {
    let defaults = Defaults {
        today: YearMonth::new(2026, 11).expect("a valid month"),
        lang: Lang::En,
        day: 1,
    };
    let decoded = query::decode(query_string, defaults);
    assert!(
        decoded.errors.is_empty(),
        "{query_string}: {:?}",
        decoded.errors
    );
    plan(&decoded.scenario)
}

/// The plan's override, parsed.
pub fn compose(plan: &Plan) -> Compose {
    let yaml = headroom_core::compose::for_plan(plan, &headroom_core::compose::Defaults)
        .expect("an override below tier 5");
    Compose::options()
        .from_yaml_str(&yaml)
        .unwrap_or_else(|e| panic!("the override does not parse: {e}\n{yaml}"))
}

pub fn service<'a>(compose: &'a Compose, name: &str) -> &'a Service {
    compose
        .services
        .iter()
        .find(|(id, _)| id.as_str() == name)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("the override has no service {name}"))
}

/// A service's `command:` after the program name (`postgres`, `redis-server`).
pub fn args(service: &Service, program: &str) -> Vec<String> {
    match &service.command {
        Some(Command::List(list)) => {
            assert_eq!(list.first().map(String::as_str), Some(program));
            list[1..].to_vec()
        }
        other => panic!("expected a command list starting with {program}, got {other:?}"),
    }
}

/// A service's environment, as (name, value) pairs in the override's order.
pub fn environment(service: &Service) -> Vec<(String, String)> {
    match &service.environment {
        ListOrMap::Map(map) => map
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    v.as_ref().map(|v| v.to_string()).unwrap_or_default(),
                )
            })
            .collect(),
        ListOrMap::List(list) => panic!("expected an environment map, got {list:?}"),
    }
}

/// A Compose byte value in bytes, as Docker reads it: `k`, `m` and `g` are
/// binary (the parser calls them kilo-, mega-, gigabytes, but Docker's
/// `RAMInBytes` multiplies by 1024).
pub fn bytes(value: ByteValue) -> u64 {
    match value {
        ByteValue::Bytes(n) => n,
        ByteValue::Kilobytes(n) => n << 10,
        ByteValue::Megabytes(n) => n << 20,
        ByteValue::Gigabytes(n) => n << 30,
    }
}

/// The PostgreSQL flags as `(name, value)`, from `-c name=value` pairs.
pub fn postgres_settings(args: &[String]) -> Vec<(String, String)> {
    args.chunks(2)
        .map(|pair| {
            assert_eq!(pair[0], "-c", "flags come as -c name=value: {args:?}");
            let (name, value) = pair[1].split_once('=').expect("name=value");
            (name.to_owned(), value.to_owned())
        })
        .collect()
}
