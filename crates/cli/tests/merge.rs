//! `headroom plan --base FILE`: the override written for the user's own
//! compose file, merged into it by Docker Compose v2, the `docker compose`
//! users run today (`docker compose -f BASE -f OVERRIDE config`, no Docker
//! daemon needed), and the merged configuration checked service by service.
//! Compose v2 refuses a service whose limits differ between their two forms
//! (`cpus`/`mem_limit` and `deploy.resources`): the bases carry their limits
//! in each form, in both, and in neither. The retired docker-compose 1.29
//! merges every base it can still read, as a second check.
//!
//! Each case compares three compose outputs and two overrides:
//! - the base alone, merged by docker-compose (what the user had);
//! - the base with Headroom's `--base` override (what the user gets);
//! - the plain override of `headroom plan --users N --json` (services named
//!   api, postgres, redis, nginx): the limits and settings that must land on
//!   the user's own service names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use yaml_rust2::{Yaml, YamlLoader};

/// Docker Compose v2, where scripts/install-tools puts it (`HEADROOM_COMPOSE_V2`
/// elsewhere), and Debian bookworm's docker-compose 1.29.
const COMPOSE_V2: &str = "/usr/local/lib/docker/cli-plugins/docker-compose";
const COMPOSE_V1: &str = "/usr/bin/docker-compose";

/// The keys Headroom sets on a service; every other key must come through
/// the merge as the user wrote it. `deploy` is checked apart: Headroom sets
/// its limits and, on tier 4's API, its replicas.
const LIMIT_KEYS: [&str; 4] = ["cpus", "mem_limit", "mem_reservation", "shm_size"];

/// Which Compose merges.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tool {
    V2,
    V1,
}

// ---------------------------------------------------------------------------
// The fixtures and the services Headroom must find in them

/// Which of the user's services plays each of Headroom's roles, and what the
/// user had written in them.
struct Fixture {
    file: &'static str,
    api: &'static str,
    postgres: &'static str,
    redis: &'static str,
    nginx: Option<&'static str>,
    /// The user's PostgreSQL arguments after `postgres` that Headroom keeps,
    /// in order (those Headroom replaces left out).
    postgres_kept: &'static [&'static str],
    /// The same for Redis after `redis-server`.
    redis_kept: &'static [&'static str],
    /// The user's own NODE_OPTIONS.
    node_options: Option<&'static str>,
    minio: Option<&'static str>,
    web: Option<&'static str>,
    /// The API's replicas as the user set them, which the override keeps.
    replicas: Option<i64>,
    /// Whether docker-compose 1.29 reads the base at all.
    v1: bool,
}

const STANDARD: Fixture = Fixture {
    file: "standard.yml",
    api: "api",
    postgres: "postgres",
    redis: "redis",
    nginx: Some("nginx"),
    postgres_kept: &["-c", "log_min_duration_statement=500"],
    redis_kept: &["--appendonly", "yes", "--requirepass", "s3cret"],
    node_options: Some("--enable-source-maps"),
    minio: Some("minio"),
    web: Some("web"),
    replicas: None,
    v1: true,
};

const RENAMED: Fixture = Fixture {
    file: "renamed.yml",
    api: "backend",
    postgres: "db",
    redis: "cache",
    nginx: Some("proxy"),
    // `-c shared_buffers=1GB` is Headroom's to set.
    postgres_kept: &["-c", "log_min_duration_statement=500"],
    // `--maxmemory 1gb` is Headroom's to set.
    redis_kept: &["--requirepass", "s3cret", "--appendonly", "yes"],
    node_options: Some("--enable-source-maps"),
    minio: None,
    web: Some("web"),
    replicas: None,
    v1: true,
};

const CONFIG_FILE: Fixture = Fixture {
    file: "config-file.yml",
    api: "server",
    postgres: "database",
    redis: "redis",
    nginx: None,
    postgres_kept: &[],
    // The config file must stay first: redis-server reads it only there.
    redis_kept: &["/usr/local/etc/redis/redis.conf", "--requirepass", "s3cret"],
    node_options: None,
    minio: None,
    web: None,
    replicas: None,
    v1: true,
};

/// Every limit in the Compose Specification's deploy form, three API
/// replicas, a pids limit (which 1.29 cannot read), merge keys.
const DEPLOY_FORM: Fixture = Fixture {
    file: "deploy-form.yml",
    api: "api",
    postgres: "postgres",
    redis: "redis",
    nginx: Some("nginx"),
    postgres_kept: &["-c", "log_min_duration_statement=250"],
    redis_kept: &["--requirepass", "s3cret", "--save", "60", "1000"],
    node_options: Some("--enable-source-maps"),
    minio: Some("minio"),
    web: Some("web"),
    replicas: Some(3),
    v1: false,
};

/// Both forms on the same services, agreeing; `scale` on the API.
const BOTH_FORMS: Fixture = Fixture {
    file: "both-forms.yml",
    api: "api",
    postgres: "postgres",
    redis: "redis",
    nginx: Some("nginx"),
    postgres_kept: &[],
    redis_kept: &["--appendonly", "yes"],
    node_options: Some("--enable-source-maps"),
    minio: Some("minio"),
    web: Some("web"),
    replicas: Some(2),
    v1: true,
};

fn fixture_path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bases")
        .join(file)
}

// ---------------------------------------------------------------------------
// Running headroom and docker-compose

fn headroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

/// A directory of its own under the system's temporary directory, removed
/// when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("headroom-merge-{}-{n}-{label}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn compose_bin(tool: Tool) -> PathBuf {
    match tool {
        Tool::V2 => {
            let path = std::env::var_os("HEADROOM_COMPOSE_V2")
                .map_or_else(|| PathBuf::from(COMPOSE_V2), PathBuf::from);
            assert!(
                path.is_file(),
                "{} not found: install Docker Compose v2 (Debian trixie's docker-compose 2.x; \
                 ./scripts/install-tools does)",
                path.display()
            );
            path
        }
        Tool::V1 => {
            assert!(
                Path::new(COMPOSE_V1).is_file(),
                "{COMPOSE_V1} not found: install Debian's docker-compose (1.29; \
                 ./scripts/install-tools does)"
            );
            PathBuf::from(COMPOSE_V1)
        }
    }
}

/// `docker compose -f FILE... config` in `dir`, parsed. Hermetic environment:
/// only what the files interpolate, and a fixed project name.
fn compose_config(tool: Tool, dir: &Path, files: &[&str], context: &str) -> Yaml {
    let mut command = Command::new(compose_bin(tool));
    for file in files {
        command.arg("-f").arg(file);
    }
    let out = command
        .arg("config")
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", dir)
        .env("LANG", "C.UTF-8")
        .env("PYTHONHASHSEED", "0")
        .env("COMPOSE_PROJECT_NAME", "headroom-merge-test")
        .env("POSTGRES_PASSWORD", "test")
        .output()
        .expect("docker compose runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{tool:?}: docker compose {files:?} config failed ({}):\n{}\n{context}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    load(&stdout, "docker-compose config's output")
}

fn load(text: &str, what: &str) -> Yaml {
    let mut docs = YamlLoader::load_from_str(text)
        .unwrap_or_else(|error| panic!("{what} is not YAML: {error}\n{text}"));
    assert_eq!(docs.len(), 1, "{what}: one YAML document\n{text}");
    docs.remove(0)
}

/// Everything one case needs: the base as docker-compose reads it alone, the
/// base merged with Headroom's override, that override, and the plain one.
struct Merge {
    _dir: TempDir,
    tool: Tool,
    users: u32,
    tier: i64,
    base: Yaml,
    merged: Yaml,
    written: Yaml,
    written_text: String,
    plain: Yaml,
    merged_text: String,
}

fn merge(fixture: &Fixture, users: u32, tool: Tool) -> Merge {
    compose_bin(tool);
    let dir = TempDir::new(fixture.file.trim_end_matches(".yml"));
    let base_text = std::fs::read_to_string(fixture_path(fixture.file)).expect("fixture");
    let base_path = dir.0.join("docker-compose.yml");
    std::fs::write(&base_path, &base_text).expect("copy of the base");
    // docker-compose refuses a build context that does not exist.
    let base_yaml = load(&base_text, fixture.file);
    if let Some(services) = base_yaml["services"].as_hash() {
        for service in services.values() {
            let context = match &service["build"] {
                Yaml::String(context) => Some(context.as_str()),
                build => build["context"].as_str(),
            };
            if let Some(context) = context {
                std::fs::create_dir_all(dir.0.join(context)).expect("build context");
            }
        }
    }

    // The plain plan: its tier and its override, services named as the source names them.
    let users_text = users.to_string();
    let out = headroom(&["plan", "--users", &users_text, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let tier = plan["tier"]["number"].as_i64().expect("tier number");
    let expected_tier = match users {
        50 => 1,
        1200 => 3,
        5000 => 4,
        _ => tier,
    };
    assert_eq!(tier, expected_tier, "the tier of {users} users");
    let plain_text = plan["compose_override"].as_str().expect("an override");
    let plain = load(plain_text, "the plain override");

    // The override for the user's own file, written as a user would.
    let override_path = dir.0.join("docker-compose.override.yml");
    let out = headroom(&[
        "plan",
        "--users",
        &users_text,
        "--base",
        base_path.to_str().expect("UTF-8 path"),
        "--compose",
        override_path.to_str().expect("UTF-8 path"),
    ]);
    assert!(
        out.status.success(),
        "headroom plan --users {users} --base {} failed ({}): {}",
        fixture.file,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let written_text = std::fs::read_to_string(&override_path).expect("--compose wrote the file");
    let written = load(&written_text, "the override written with --base");

    let context = format!(
        "--- override written for {} at {users} users:\n{written_text}",
        fixture.file
    );
    let base = compose_config(tool, &dir.0, &["docker-compose.yml"], &context);
    let merged = compose_config(
        tool,
        &dir.0,
        &["docker-compose.yml", "docker-compose.override.yml"],
        &context,
    );
    let merged_text = {
        let mut out = String::new();
        yaml_rust2::YamlEmitter::new(&mut out)
            .dump(&merged)
            .expect("emit");
        out
    };
    Merge {
        _dir: dir,
        tool,
        users,
        tier,
        base,
        merged,
        written,
        written_text,
        plain,
        merged_text,
    }
}

// ---------------------------------------------------------------------------
// Reading values semantically (docker-compose 1.29 normalises some)

fn service_names(doc: &Yaml) -> BTreeSet<String> {
    doc["services"]
        .as_hash()
        .map(|services| {
            services
                .keys()
                .filter_map(|k| k.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `cpus` as a number: `'2'` in the override, `2.0` out of docker-compose.
fn cpus(value: &Yaml) -> Option<f64> {
    scalar(value)?.parse().ok()
}

/// A byte size as compose writes it (`1500m`, `64mb`, `1g`, a number of bytes).
fn bytes(value: &Yaml) -> Option<u64> {
    let text = scalar(value)?.to_ascii_lowercase();
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: f64 = number.parse().ok()?;
    let factor = match unit.trim().trim_end_matches('b') {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some((number * factor) as u64)
}

/// The same limit, whichever way it is written.
fn same_limit(key: &str, a: &Yaml, b: &Yaml) -> bool {
    match key {
        "cpus" => cpus(a).is_some() && cpus(a) == cpus(b),
        _ => bytes(a).is_some() && bytes(a) == bytes(b),
    }
}

/// A command as its argument list: a list as is, a string split as a shell does.
fn command(value: &Yaml) -> Vec<String> {
    match value {
        Yaml::Array(items) => items
            .iter()
            .map(|item| scalar(item).expect("a scalar argument"))
            .collect(),
        Yaml::String(line) => shell_words(line),
        Yaml::BadValue | Yaml::Null => Vec::new(),
        other => panic!("a command is a string or a list, not {other:?}"),
    }
}

fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => word.extend(chars.next()),
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, '\\') => {
                word.extend(chars.next());
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// `environment:` as a map, from its map or its `NAME=value` list form.
fn environment(service: &Yaml) -> BTreeMap<String, String> {
    match &service["environment"] {
        Yaml::Hash(map) => map
            .iter()
            .map(|(k, v)| {
                (
                    scalar(k).expect("a variable name"),
                    scalar(v).unwrap_or_default(),
                )
            })
            .collect(),
        Yaml::Array(items) => items
            .iter()
            .map(|item| {
                let item = scalar(item).expect("NAME=value");
                match item.split_once('=') {
                    Some((k, v)) => (k.to_owned(), v.to_owned()),
                    None => (item, String::new()),
                }
            })
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// `depends_on:` as service names, from its list or its map form.
fn depends_on(service: &Yaml) -> BTreeSet<String> {
    match &service["depends_on"] {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        Yaml::Hash(map) => map.keys().filter_map(scalar).collect(),
        _ => BTreeSet::new(),
    }
}

/// A service's list in a stable order: docker-compose 1.29 prints volumes
/// from a set, their order differs from run to run. Commands keep theirs.
fn unordered(key: &str, value: &Yaml) -> Yaml {
    match value {
        Yaml::Array(items) if key != "command" && key != "entrypoint" => {
            let mut items = items.clone();
            items.sort();
            Yaml::Array(items)
        }
        other => other.clone(),
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

// ---------------------------------------------------------------------------
// The checks every fixture goes through

impl Merge {
    fn merged_service(&self, name: &str) -> &Yaml {
        let service = &self.merged["services"][name];
        assert!(
            !service.is_badvalue(),
            "no service {name} in the merged configuration{}",
            self.show()
        );
        service
    }

    /// What a failed assertion prints: the override and the merged result.
    fn show(&self) -> String {
        format!(
            "\n--- at {} users (tier {}), override written with --base:\n{}\n--- merged by {:?}:\n{}",
            self.users, self.tier, self.written_text, self.tool, self.merged_text
        )
    }

    fn merged_command(&self, name: &str) -> Vec<String> {
        command(&self.merged_service(name)["command"])
    }

    fn merged_env(&self, name: &str) -> BTreeMap<String, String> {
        environment(self.merged_service(name))
    }

    fn check(&self, fixture: &Fixture) {
        let base_names = service_names(&self.base);
        let merged_names = service_names(&self.merged);
        let written_names = service_names(&self.written);
        let pooled = self.tier >= 3;

        // The override names only the user's services, and PgBouncer from tier 3.
        for name in &written_names {
            assert!(
                base_names.contains(name) || name == "pgbouncer",
                "the override has a service {name} that the base {} does not have{}",
                fixture.file,
                self.show()
            );
        }
        let mut expected_names = base_names.clone();
        if pooled {
            expected_names.insert("pgbouncer".to_owned());
        }
        assert_eq!(
            merged_names,
            expected_names,
            "services after the merge{}",
            self.show()
        );

        let roles = [
            ("api", Some(fixture.api)),
            ("postgres", Some(fixture.postgres)),
            ("redis", Some(fixture.redis)),
            ("nginx", fixture.nginx),
            ("minio", fixture.minio),
            ("web", fixture.web),
        ];
        for (role, user_name) in roles {
            let Some(user_name) = user_name else {
                continue;
            };
            assert!(
                written_names.contains(user_name),
                "the override has no {user_name} (the user's {role}){}",
                self.show()
            );
            self.check_limits(role, user_name);
        }

        // PostgreSQL and Redis: the program, the user's own arguments, then Headroom's.
        for (role, user_name, kept) in [
            ("postgres", fixture.postgres, fixture.postgres_kept),
            ("redis", fixture.redis, fixture.redis_kept),
        ] {
            let plain = command(&self.plain["services"][role]["command"]);
            assert!(plain.len() > 1, "the plain override's {role} command");
            let mut expected = vec![plain[0].clone()];
            expected.extend(kept.iter().map(|s| s.to_string()));
            expected.extend(plain[1..].iter().cloned());
            assert_eq!(
                self.merged_command(user_name),
                expected,
                "{user_name}'s merged command: {} then the user's arguments then Headroom's{}",
                plain[0],
                self.show()
            );
        }

        // NODE_OPTIONS: the user's options, then Headroom's heap size.
        let plain_node = environment(&self.plain["services"]["api"])
            .get("NODE_OPTIONS")
            .cloned()
            .unwrap_or_default();
        assert!(plain_node.contains("--max-old-space-size="), "{plain_node}");
        let expected_node: Vec<&str> = words(fixture.node_options.unwrap_or(""))
            .into_iter()
            .chain(words(&plain_node))
            .collect();
        let merged_env = self.merged_env(fixture.api);
        let merged_node = merged_env.get("NODE_OPTIONS").map(String::as_str);
        assert_eq!(
            merged_node.map(words),
            Some(expected_node),
            "{}'s NODE_OPTIONS{}",
            fixture.api,
            self.show()
        );

        // Replicas: under deploy, on the user's API; the user's own kept.
        let plain_replicas = self.plain["services"]["api"]["deploy"]["replicas"].as_i64();
        let merged_api = self.merged_service(fixture.api);
        let merged_replicas = merged_api["deploy"]["replicas"]
            .as_i64()
            .or_else(|| merged_api["scale"].as_i64());
        assert_eq!(
            merged_replicas,
            fixture.replicas.or(plain_replicas),
            "{}'s deploy.replicas{}",
            fixture.api,
            self.show()
        );
        if self.tier == 4 {
            assert_eq!(plain_replicas, Some(2), "tier 4 runs two API replicas");
        }

        // PgBouncer in front of the user's PostgreSQL, from tier 3.
        if pooled {
            let bouncer = self.merged_service("pgbouncer");
            assert_eq!(
                environment(bouncer).get("DB_HOST").map(String::as_str),
                Some(fixture.postgres),
                "pgbouncer's DB_HOST{}",
                self.show()
            );
            assert_eq!(
                depends_on(bouncer),
                BTreeSet::from([fixture.postgres.to_owned()]),
                "pgbouncer's depends_on{}",
                self.show()
            );
            let plain_bouncer = &self.plain["services"]["pgbouncer"];
            assert_eq!(bouncer["image"], plain_bouncer["image"], "{}", self.show());
            for key in ["cpus", "mem_limit"] {
                assert!(
                    same_limit(key, &bouncer[key], &plain_bouncer[key]),
                    "pgbouncer's {key}{}",
                    self.show()
                );
            }
        } else {
            assert!(
                !written_names.contains("pgbouncer"),
                "no PgBouncer before tier 3{}",
                self.show()
            );
        }

        self.check_untouched(fixture);
    }

    /// Headroom's limits for `role` are on the user's `user_name`, in the
    /// merged configuration as in the override written, and equal to the
    /// plain plan's.
    fn check_limits(&self, role: &str, user_name: &str) {
        let plain = &self.plain["services"][role];
        let written = &self.written["services"][user_name];
        let merged = self.merged_service(user_name);
        for key in LIMIT_KEYS {
            if plain[key].is_badvalue() && key == "mem_reservation" && !written[key].is_badvalue() {
                // The user's reservation, above the new limit, brought down to it.
                assert!(
                    same_limit(key, &written[key], &plain["mem_limit"])
                        && same_limit(key, &merged[key], &written[key]),
                    "{user_name}'s reservation lowered to the limit{}",
                    self.show()
                );
                continue;
            }
            if plain[key].is_badvalue() {
                assert!(
                    merged[key] == self.base["services"][user_name][key],
                    "{user_name} ({role}) has a {key} the plain plan does not set{}",
                    self.show()
                );
                continue;
            }
            assert!(
                same_limit(key, &written[key], &plain[key]),
                "{user_name}'s {key} in the override written: {:?}, the plan's {role}: {:?}{}",
                written[key],
                plain[key],
                self.show()
            );
            assert!(
                same_limit(key, &merged[key], &written[key]),
                "{user_name}'s {key} after the merge: {:?}, in the override: {:?}{}",
                merged[key],
                written[key],
                self.show()
            );
        }
        // The deploy form says the same, whatever form the user had.
        let resources = &merged["deploy"]["resources"];
        for (key, deploy) in [
            ("cpus", &resources["limits"]["cpus"]),
            ("mem_limit", &resources["limits"]["memory"]),
            ("mem_reservation", &resources["reservations"]["memory"]),
        ] {
            if key == "mem_reservation" && merged[key].is_badvalue() {
                continue;
            }
            assert!(
                same_limit(key, deploy, &merged[key]),
                "{user_name}'s deploy.resources for {key}: {deploy:?}, the service's: {:?}{}",
                merged[key],
                self.show()
            );
        }
    }

    /// The user's own `deploy` keys (update_config, a pids limit, a CPU
    /// reservation...) come through the merge; only the limits Headroom
    /// sets, and replicas where it sets them, differ.
    fn check_deploy_kept(&self, name: &str, base: &Yaml, merged: &Yaml) {
        fn strip(deploy: &Yaml) -> Yaml {
            let mut deploy = deploy.clone();
            if let Yaml::Hash(map) = &mut deploy {
                map.remove(&Yaml::String("replicas".to_owned()));
                if let Some(Yaml::Hash(resources)) =
                    map.get_mut(&Yaml::String("resources".to_owned()))
                {
                    for (part, keys) in [
                        ("limits", &["cpus", "memory"][..]),
                        ("reservations", &["memory"][..]),
                    ] {
                        let part = Yaml::String(part.to_owned());
                        if let Some(Yaml::Hash(limits)) = resources.get_mut(&part) {
                            for key in keys {
                                limits.remove(&Yaml::String((*key).to_owned()));
                            }
                            if limits.is_empty() {
                                resources.remove(&part);
                            }
                        }
                    }
                    if resources.is_empty() {
                        map.remove(&Yaml::String("resources".to_owned()));
                    }
                }
                if map.is_empty() {
                    return Yaml::BadValue;
                }
            }
            deploy
        }
        assert_eq!(
            strip(&merged["deploy"]),
            strip(&base["deploy"]),
            "{name}'s own deploy keys{}",
            self.show()
        );
    }

    /// Everything the user wrote that Headroom does not set comes through
    /// the merge unchanged; services Headroom has no role for are untouched.
    fn check_untouched(&self, fixture: &Fixture) {
        let base_services = self.base["services"].as_hash().expect("services");
        for (name, base) in base_services {
            let name = name.as_str().expect("a service name");
            let merged = self.merged_service(name);
            let mut allowed: Vec<&str> = Vec::new();
            if name == fixture.api {
                allowed.extend(LIMIT_KEYS);
                allowed.extend(["environment", "deploy"]);
            } else if name == fixture.postgres || name == fixture.redis {
                allowed.extend(LIMIT_KEYS);
                allowed.extend(["command", "deploy"]);
            } else if [fixture.nginx, fixture.minio, fixture.web].contains(&Some(name)) {
                allowed.extend(LIMIT_KEYS);
                allowed.push("deploy");
            }
            if allowed.contains(&"deploy") {
                self.check_deploy_kept(name, base, merged);
            }
            let base_map = base.as_hash().expect("a service is a map");
            let merged_map = merged.as_hash().expect("a service is a map");
            for (key, value) in base_map {
                let key_text = key.as_str().expect("a key");
                if key_text == "environment" || allowed.contains(&key_text) {
                    continue;
                }
                assert_eq!(
                    unordered(key_text, &merged[key_text]),
                    unordered(key_text, value),
                    "{name}'s {key_text} changed in the merge{}",
                    self.show()
                );
            }
            for key in merged_map.keys() {
                let key_text = key.as_str().expect("a key");
                assert!(
                    base_map.contains_key(key) || allowed.contains(&key_text),
                    "the merge added {key_text} to {name}{}",
                    self.show()
                );
            }
            // Every variable but the API's NODE_OPTIONS, as the user set it.
            let mut base_env = environment(base);
            let mut merged_env = environment(merged);
            if name == fixture.api {
                base_env.remove("NODE_OPTIONS");
                merged_env.remove("NODE_OPTIONS");
            }
            assert_eq!(merged_env, base_env, "{name}'s environment{}", self.show());
        }
        // The top level (volumes, version...) is the base's.
        let top = self.merged.as_hash().expect("a map");
        for (key, value) in top {
            if key.as_str() != Some("services") {
                assert_eq!(
                    value,
                    &self.base[key.as_str().expect("a key")],
                    "top-level {key:?}{}",
                    self.show()
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The standard stack: the source's own service names

fn standard(users: u32) {
    for m in merges(&STANDARD, users) {
        standard_case(&m);
    }
}

fn standard_case(m: &Merge) {
    m.check(&STANDARD);
    let pg = m.merged_command("postgres");
    assert!(
        pg.contains(&"log_min_duration_statement=500".to_owned()),
        "{pg:?}"
    );
    let redis = m.merged_command("redis");
    for flag in [
        "--appendonly",
        "yes",
        "--requirepass",
        "s3cret",
        "--maxmemory-policy",
    ] {
        assert!(redis.contains(&flag.to_owned()), "{flag} in {redis:?}");
    }
    let env = m.merged_env("api");
    let node = &env["NODE_OPTIONS"];
    assert!(node.starts_with("--enable-source-maps "), "{node}");
    assert!(node.contains("--max-old-space-size="), "{node}");
    assert_eq!(
        env["DATABASE_URL"],
        "postgresql://memolist:test@postgres:5432/memolist"
    );
    let postgres_env = m.merged_env("postgres");
    assert_eq!(postgres_env["POSTGRES_USER"], "memolist");
    assert_eq!(postgres_env["POSTGRES_PASSWORD"], "test");
    assert_eq!(
        m.merged_service("nginx")["ports"].as_vec().map(Vec::len),
        Some(2)
    );
    assert!(!m.merged_service("minio")["command"].is_badvalue());
}

#[test]
fn standard_tier_1() {
    standard(50);
}

#[test]
fn standard_tier_3() {
    standard(1200);
}

#[test]
fn standard_tier_4() {
    standard(5000);
}

// ---------------------------------------------------------------------------
// The founder's own names: backend, db, cache, proxy; a Node.js front end

fn renamed(users: u32) {
    for m in merges(&RENAMED, users) {
        renamed_case(&m);
    }
}

fn renamed_case(m: &Merge) {
    m.check(&RENAMED);
    // Nothing under the source's names, in the override or after the merge.
    for name in ["api", "postgres", "redis", "nginx"] {
        assert!(
            m.written["services"][name].is_badvalue(),
            "the override still has a service {name}{}",
            m.show()
        );
        assert!(
            m.merged["services"][name].is_badvalue(),
            "{name}{}",
            m.show()
        );
    }
    // The Next.js front end on node:20-alpine is not the API (`backend`
    // is): it gets the front end's share, no heap size.
    let web = m.merged_service("web");
    assert!(
        same_limit(
            "mem_limit",
            &web["mem_limit"],
            &m.plain["services"]["web"]["mem_limit"]
        ),
        "{}",
        m.show()
    );
    assert_eq!(environment(web).get("NODE_OPTIONS"), None);

    let pg = m.merged_command("db");
    assert!(
        pg.contains(&"log_min_duration_statement=500".to_owned()),
        "{pg:?}"
    );
    assert!(!pg.contains(&"shared_buffers=1GB".to_owned()), "{pg:?}");
    assert_eq!(
        pg.iter()
            .filter(|a| a.starts_with("shared_buffers="))
            .count(),
        1,
        "{pg:?}"
    );
    let redis = m.merged_command("cache");
    assert!(!redis.contains(&"1gb".to_owned()), "{redis:?}");
    assert_eq!(
        redis.iter().filter(|a| *a == "--maxmemory").count(),
        1,
        "{redis:?}"
    );
    for flag in ["--requirepass", "s3cret", "--appendonly", "yes"] {
        assert!(redis.contains(&flag.to_owned()), "{flag} in {redis:?}");
    }
    assert_eq!(
        m.merged_service("db")["container_name"].as_str(),
        Some("myapp-db")
    );
    assert_eq!(
        m.merged_service("cache")["container_name"].as_str(),
        Some("myapp-cache")
    );
    let env = m.merged_env("backend");
    assert!(env["NODE_OPTIONS"].starts_with("--enable-source-maps "));
    assert_eq!(env["DATABASE_URL"], "postgresql://app:test@db:5432/app");
    assert_eq!(
        m.merged_service("proxy")["ports"].as_vec().map(Vec::len),
        Some(2)
    );
}

#[test]
fn renamed_tier_1() {
    renamed(50);
}

#[test]
fn renamed_tier_3() {
    renamed(1200);
}

#[test]
fn renamed_tier_4() {
    renamed(5000);
}

// ---------------------------------------------------------------------------
// Redis from its config file, PostgreSQL on the image's command, no nginx

fn config_file(users: u32) {
    for m in merges(&CONFIG_FILE, users) {
        config_file_case(&m);
    }
}

fn config_file_case(m: &Merge) {
    m.check(&CONFIG_FILE);
    let redis = m.merged_command("redis");
    assert_eq!(
        redis.get(..2),
        Some(
            &[
                "redis-server".to_owned(),
                "/usr/local/etc/redis/redis.conf".to_owned()
            ][..]
        ),
        "{}",
        m.show()
    );
    assert!(redis.contains(&"s3cret".to_owned()), "{redis:?}");
    assert_eq!(
        m.merged_command("database").first().map(String::as_str),
        Some("postgres")
    );
    let env = m.merged_env("server");
    let node = words(&env["NODE_OPTIONS"]);
    assert_eq!(node.len(), 1, "{node:?}");
    assert!(node[0].starts_with("--max-old-space-size="), "{node:?}");
    assert_eq!(env["PORT"], "8080");
    // No nginx in this stack: nothing to limit, nothing created; Caddy untouched.
    assert!(m.written["services"]["nginx"].is_badvalue(), "{}", m.show());
    assert!(m.merged_service("caddy")["mem_limit"].is_badvalue());
}

#[test]
fn config_file_tier_1() {
    config_file(50);
}

#[test]
fn config_file_tier_3() {
    config_file(1200);
}

#[test]
fn config_file_tier_4() {
    config_file(5000);
}

// ---------------------------------------------------------------------------
// Limits in the deploy form, and in both forms

#[test]
fn deploy_form_tier_1() {
    deploy_form(50);
}

#[test]
fn deploy_form_tier_3() {
    deploy_form(1200);
}

#[test]
fn deploy_form_tier_4() {
    deploy_form(5000);
}

fn deploy_form(users: u32) {
    for m in merges(&DEPLOY_FORM, users) {
        m.check(&DEPLOY_FORM);
        let api = &m.merged_service("api")["deploy"];
        assert_eq!(api["update_config"]["parallelism"].as_i64(), Some(1));
        assert_eq!(api["resources"]["limits"]["pids"].as_i64(), Some(200));
        assert!(
            cpus(&api["resources"]["reservations"]["cpus"]) == Some(0.25),
            "{}",
            m.show()
        );
        if m.tier == 4 {
            assert!(
                m.written_text.contains("replicas: yours (3) is kept"),
                "{}",
                m.show()
            );
        }
        if m.tier == 1 {
            // Their 1G reservation would not start under tier 1's 256m limit.
            assert!(
                same_limit(
                    "mem_reservation",
                    &m.merged_service("postgres")["mem_reservation"],
                    &Yaml::String("256m".to_owned())
                ),
                "{}",
                m.show()
            );
        }
    }
}

#[test]
fn both_forms_tier_1() {
    both_forms(50);
}

#[test]
fn both_forms_tier_3() {
    both_forms(1200);
}

#[test]
fn both_forms_tier_4() {
    both_forms(5000);
}

fn both_forms(users: u32) {
    for m in merges(&BOTH_FORMS, users) {
        m.check(&BOTH_FORMS);
        // The user's heap size is replaced, their other option kept.
        let node = &m.merged_env("api")["NODE_OPTIONS"];
        assert!(!node.contains("=900"), "{node}");
    }
}

/// The override without `--base` (Headroom's own service names) over the
/// bases that use those names, in every form: Compose v2 takes it, and the
/// limits in force are Headroom's.
#[test]
fn the_plain_override_holds_over_every_form() {
    for fixture in [&STANDARD, &DEPLOY_FORM, &BOTH_FORMS] {
        for users in [50, 1200, 5000] {
            let dir = TempDir::new("plain");
            let base_text = std::fs::read_to_string(fixture_path(fixture.file)).expect("fixture");
            std::fs::write(dir.0.join("docker-compose.yml"), &base_text).expect("base");
            for context in ["api", "web"] {
                std::fs::create_dir_all(dir.0.join(context)).expect("build context");
            }
            let override_path = dir.0.join("docker-compose.override.yml");
            let users_text = users.to_string();
            let out = headroom(&[
                "plan",
                "--users",
                &users_text,
                "--compose",
                override_path.to_str().expect("UTF-8 path"),
            ]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let written_text = std::fs::read_to_string(&override_path).expect("override");
            let context = format!("--- {} at {users} users:\n{written_text}", fixture.file);
            let merged = compose_config(
                Tool::V2,
                &dir.0,
                &["docker-compose.yml", "docker-compose.override.yml"],
                &context,
            );
            let written = load(&written_text, "the override");
            for role in ["api", "postgres", "redis", "nginx", "minio", "web"] {
                let (ours, theirs) = (&written["services"][role], &merged["services"][role]);
                for (key, in_force) in [
                    ("cpus", &theirs["deploy"]["resources"]["limits"]["cpus"]),
                    (
                        "mem_limit",
                        &theirs["deploy"]["resources"]["limits"]["memory"],
                    ),
                    ("cpus", &theirs["cpus"]),
                    ("mem_limit", &theirs["mem_limit"]),
                ] {
                    assert!(
                        same_limit(key, in_force, &ours[key]),
                        "{role}'s {key} in force: {in_force:?}, Headroom's: {:?}\n{context}",
                        ours[key]
                    );
                }
            }
        }
    }
}

/// The merges a fixture goes through: Compose v2, and 1.29 where it reads
/// the base.
fn merges(fixture: &Fixture, users: u32) -> Vec<Merge> {
    let mut tools = vec![Tool::V2];
    if fixture.v1 {
        tools.push(Tool::V1);
    }
    tools
        .into_iter()
        .map(|tool| merge(fixture, users, tool))
        .collect()
}

// ---------------------------------------------------------------------------
// Base files Headroom cannot read

#[test]
fn unreadable_bases_are_one_line_and_status_2() {
    let dir = TempDir::new("broken");
    let out_path = dir.0.join("docker-compose.override.yml");
    for base in [
        fixture_path("not-yaml.yml"),
        fixture_path("no-services.yml"),
        fixture_path("does-not-exist.yml"),
    ] {
        let base_text = base.to_str().expect("UTF-8 path");
        let args = [
            "plan",
            "--users",
            "1200",
            "--base",
            base_text,
            "--compose",
            out_path.to_str().expect("UTF-8 path"),
        ];
        let out = headroom(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("headroom: --base {base_text}: ")),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.trim_end().len() > format!("headroom: --base {base_text}: ").len(),
            "the problem is named: {stderr}"
        );
        assert!(
            !out_path.exists(),
            "{args:?}: no override written from a refused base"
        );
    }
}
