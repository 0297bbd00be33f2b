//! `headroom plan --kubernetes DIR`: tier 5's kustomization, proven offline
//! by the tools it is written for. `kubectl kustomize` builds it;
//! kubernetes-validate (PyPI) checks the built-in kinds against Kubernetes
//! 1.33's schemas with unknown fields refused; the operators' kinds are
//! checked against their own CRDs' OpenAPI schemas (tests/data/crds, as
//! released), made strict the way kubeconform does it, since a real API
//! server would silently drop a misspelt field; the rules the operators'
//! admission webhooks add are checked from their own lists. No cluster runs.

use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use yaml_rust2::{Yaml, YamlLoader};

const KUBERNETES_VERSION: &str = "1.33.0";
const CRDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/crds");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

// ---------------------------------------------------------------- tools

/// A program on PATH, or in the repository's .venv (scripts/install-tools).
fn tool(name: &str, install: &str) -> PathBuf {
    let venv = Path::new(ROOT).join(".venv/bin").join(name);
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .map(|dir| dir.join(name))
        .chain(std::iter::once(venv))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("{name} not found: {install}"))
}

fn kubectl() -> PathBuf {
    tool(
        "kubectl",
        "install kubectl (apt-get install kubectl where your apt sources have it, else Debian's \
         kubernetes-client: apt-get install kubernetes-client), or run ./scripts/install-tools",
    )
}

fn kubernetes_validate() -> PathBuf {
    tool(
        "kubernetes-validate",
        "run ./scripts/install-tools (it installs PyPI's kubernetes-validate==1.37.0 into .venv), \
         or: pip install kubernetes-validate==1.37.0",
    )
}

fn run(command: &mut Command) -> Output {
    command.output().expect("the command runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("headroom-k8s-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn headroom(args: &[&str]) -> Output {
    run(Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES"))
}

/// Writes the bundle for `args` into a fresh folder, as a user would.
fn bundle(tag: &str, args: &[&str]) -> PathBuf {
    let dir = temp_dir(tag).join("k8s");
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    let dir_text = dir.to_str().expect("a UTF-8 path");
    all.extend_from_slice(&["--kubernetes", dir_text]);
    let out = headroom(&all);
    assert!(out.status.success(), "{}", text(&out));
    dir
}

/// `kubectl kustomize DIR`: the objects `kubectl apply -k` would send.
fn kustomize(dir: &Path) -> String {
    let out = run(Command::new(kubectl()).arg("kustomize").arg(dir));
    assert!(
        out.status.success(),
        "kubectl kustomize {}:\n{}",
        dir.display(),
        text(&out)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// kubernetes-validate --strict on a file: (passed, its output).
fn validate_builtin(file: &Path) -> (bool, String) {
    let out = run(Command::new(kubernetes_validate())
        .args(["--strict", "-k", KUBERNETES_VERSION])
        .arg(file));
    (out.status.success(), text(&out))
}

// ------------------------------------------------------------ YAML, JSON

fn to_json(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Real(r) => r
            .parse::<f64>()
            .map_or(Value::String(r.clone()), |f| json!(f)),
        Yaml::Integer(i) => json!(i),
        Yaml::String(s) => json!(s),
        Yaml::Boolean(b) => json!(b),
        Yaml::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Hash(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s.clone(),
                        Yaml::Integer(i) => i.to_string(),
                        Yaml::Boolean(b) => b.to_string(),
                        other => panic!("unexpected key {other:?}"),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
        Yaml::Null => Value::Null,
        Yaml::Alias(_) | Yaml::BadValue => panic!("unexpected YAML node {yaml:?}"),
    }
}

fn documents(text: &str) -> Vec<Value> {
    YamlLoader::load_from_str(text)
        .expect("valid YAML")
        .iter()
        .map(to_json)
        .filter(|d| !d.is_null())
        .collect()
}

fn kind(doc: &Value) -> &str {
    doc["kind"].as_str().unwrap_or_default()
}

fn name(doc: &Value) -> &str {
    doc["metadata"]["name"].as_str().unwrap_or_default()
}

fn find<'a>(docs: &'a [Value], kind_: &str, name_: &str) -> &'a Value {
    docs.iter()
        .find(|d| kind(d) == kind_ && name(d) == name_)
        .unwrap_or_else(|| panic!("no {kind_} {name_}"))
}

// ------------------------------------------------------- strict CRD schemas

/// Unknown fields refused: `additionalProperties: false` on every object
/// schema with `properties` and without `x-kubernetes-preserve-unknown-fields`,
/// down the structural positions (properties, items, additionalProperties).
fn strict(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let preserve = object
        .get("x-kubernetes-preserve-unknown-fields")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        properties.values_mut().for_each(strict);
        if !preserve && !object.contains_key("additionalProperties") {
            object.insert("additionalProperties".into(), Value::Bool(false));
        }
    }
    if let Some(items) = object.get_mut("items") {
        strict(items);
    }
    if let Some(additional @ Value::Object(_)) = object.get_mut("additionalProperties") {
        strict(additional);
    }
}

struct Schemas {
    /// (apiVersion, kind) → the strict validator.
    strict: BTreeMap<(String, String), jsonschema::Validator>,
}

fn crd_files() -> Vec<PathBuf> {
    ["cloudnative-pg", "redis-operator", "gateway-api"]
        .iter()
        .flat_map(|folder| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(CRDS).join(folder))
                .expect("the CRD folder")
                .map(|e| e.expect("an entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                .collect();
            files.sort();
            files
        })
        .collect()
}

fn schemas() -> &'static Schemas {
    static SCHEMAS: OnceLock<Schemas> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let mut strict_map = BTreeMap::new();
        for file in crd_files() {
            let crd = documents(&std::fs::read_to_string(&file).expect("the CRD"))
                .pop()
                .expect("one CRD");
            assert_eq!(kind(&crd), "CustomResourceDefinition", "{}", file.display());
            let group = crd["spec"]["group"].as_str().expect("a group");
            let kind_ = crd["spec"]["names"]["kind"].as_str().expect("a kind");
            for version in crd["spec"]["versions"].as_array().expect("versions") {
                let mut schema = version["schema"]["openAPIV3Schema"].clone();
                strict(&mut schema);
                let validator = jsonschema::options()
                    .should_validate_formats(false)
                    .build(&schema)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                let api_version = format!("{group}/{}", version["name"].as_str().expect("name"));
                strict_map.insert((api_version, kind_.to_owned()), validator);
            }
        }
        Schemas { strict: strict_map }
    })
}

/// Checks a custom resource against its CRD: `None` when no CRD here has its
/// kind, else the errors, empty when it passes.
fn validate_custom(doc: &Value) -> Option<Vec<String>> {
    let api_version = doc["apiVersion"].as_str().unwrap_or_default().to_owned();
    let validator = schemas().strict.get(&(api_version, kind(doc).to_owned()))?;
    Some(
        validator
            .iter_errors(doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect(),
    )
}

const BUILTIN_KINDS: [&str; 6] = [
    "ConfigMap",
    "Service",
    "Deployment",
    "HorizontalPodAutoscaler",
    "PodDisruptionBudget",
    "Secret",
];

/// Every object of a built bundle, checked: built-in kinds by
/// kubernetes-validate --strict, the operators' by their strict CRDs.
/// Returns what was checked, to print.
fn check_all(label: &str, built: &str, dir: &Path) -> Vec<String> {
    let docs = documents(built);
    let file = dir.join(format!("{label}.built.yaml"));
    std::fs::write(&file, built).expect("write the built stream");
    let (passed, output) = validate_builtin(&file);
    assert!(
        passed,
        "kubernetes-validate --strict refused {label}:\n{output}"
    );
    assert!(!output.contains("ERROR"), "{output}");
    let mut checked = Vec::new();
    for doc in &docs {
        let what = format!("{} {}", kind(doc), name(doc));
        if BUILTIN_KINDS.contains(&kind(doc)) {
            let resource = format!("{}/{}", kind(doc).to_lowercase(), name(doc));
            assert!(
                output.contains(&format!(
                    "passed for resource {resource} against version 1.33"
                )),
                "kubernetes-validate did not check {resource}:\n{output}"
            );
            checked.push(format!("{what}: kubernetes-validate --strict, 1.33"));
        } else {
            let errors = validate_custom(doc)
                .unwrap_or_else(|| panic!("no CRD for {what} ({})", doc["apiVersion"]));
            assert!(
                errors.is_empty(),
                "{what} breaks its CRD:\n{}",
                errors.join("\n")
            );
            checked.push(format!("{what}: its CRD's schema, strict"));
        }
    }
    checked
}

// ------------------------------------------------------------ quantities

fn bytes(quantity: &Value) -> f64 {
    let text = match quantity {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    headroom_core::kubernetes::quantity::parse_bytes(&text)
        .unwrap_or_else(|| panic!("a memory quantity: {text}"))
}

fn cores(quantity: &Value) -> f64 {
    let text = match quantity {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    headroom_core::kubernetes::quantity::parse_cores(&text)
        .unwrap_or_else(|| panic!("a CPU quantity: {text}"))
}

/// PostgreSQL's `1024MB`, `27200kB` as bytes (binary units, as PostgreSQL).
fn pg_bytes(value: &str) -> f64 {
    let (number, unit) = value.split_at(value.find(|c: char| c.is_alphabetic()).expect("a unit"));
    let scale = match unit {
        "kB" => 1024.0,
        "MB" => 1_048_576.0,
        "GB" => 1_073_741_824.0,
        other => panic!("unit {other}"),
    };
    number.parse::<f64>().expect("a number") * scale
}

/// Every `resources` block of a document with where it is.
fn resource_blocks<'a>(value: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                // A container's resources (a volume claim's hold storage only).
                let compute = ["requests", "limits"].iter().any(|part| {
                    child
                        .get(part)
                        .is_some_and(|r| r.get("cpu").is_some() || r.get("memory").is_some())
                });
                if key == "resources" && compute {
                    out.push((format!("{path}.{key}"), child));
                }
                resource_blocks(child, format!("{path}.{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                resource_blocks(item, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn lines(file: &str) -> BTreeSet<String> {
    std::fs::read_to_string(Path::new(CRDS).join(file))
        .expect("the list")
        .lines()
        .map(str::to_owned)
        .collect()
}

// ------------------------------------------------------------------ tests

#[test]
fn the_bundle_for_20000_users_builds_and_passes_every_schema() {
    let dir = bundle(
        "20k",
        &["--users", "20000", "--growth", "10", "--lang", "en"],
    );
    let mut files: Vec<String> = walk(&dir);
    files.sort();
    println!("files written for 20,000 users growing 10% a month:");
    for file in &files {
        println!("  {file}");
    }
    let expected: BTreeSet<String> = headroom_core::kubernetes::FILES
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    assert_eq!(files.iter().cloned().collect::<BTreeSet<_>>(), expected);

    let built = kustomize(&dir);
    let checked = check_all("main", &built, dir.parent().expect("parent"));
    println!("\nkubectl kustomize k8s: {} objects", checked.len());
    for line in &checked {
        println!("  {line}");
    }
    let docs = documents(&built);
    let count = |k: &str| docs.iter().filter(|d| kind(d) == k).count();
    assert_eq!(
        [
            count("Cluster"),
            count("Pooler"),
            count("RedisReplication"),
            count("RedisSentinel"),
            count("Deployment"),
            count("HorizontalPodAutoscaler"),
            count("PodDisruptionBudget"),
            count("Service"),
            count("Gateway"),
            count("HTTPRoute"),
            count("ConfigMap"),
            count("Secret"),
        ],
        [1, 2, 1, 1, 2, 2, 2, 2, 1, 2, 2, 0]
    );

    let import = kustomize(&dir.join("import"));
    let checked = check_all("import", &import, dir.parent().expect("parent"));
    println!("kubectl kustomize k8s/import: {checked:?}");
    let imported = documents(&import);
    assert_eq!(imported.len(), 1);
    let cluster = find(&docs, "Cluster", "postgres");
    // The import's Cluster is the same Cluster, plus the import.
    let mut without = imported[0].clone();
    let initdb = without["spec"]["bootstrap"]["initdb"]
        .as_object_mut()
        .expect("initdb");
    let import_spec = initdb.remove("import").expect("an import");
    assert_eq!(import_spec["type"], "microservice");
    assert_eq!(import_spec["databases"], json!(["YOUR_DB"]));
    assert_eq!(import_spec["source"]["externalCluster"], "current-postgres");
    let external = without["spec"]
        .as_object_mut()
        .expect("spec")
        .remove("externalClusters")
        .expect("externalClusters");
    assert_eq!(
        external[0]["connectionParameters"]["host"],
        "your-domain.example"
    );
    assert_eq!(external[0]["connectionParameters"]["sslmode"], "require");
    assert_eq!(&without, cluster);

    // The French bundle differs in its comments only (the Redis file's too).
    let fr = bundle(
        "20k-fr",
        &["--users", "20000", "--growth", "10", "--lang", "fr"],
    );
    let same = documents(&kustomize(&fr))
        .into_iter()
        .map(without_comments)
        .eq(docs.iter().cloned().map(without_comments));
    assert!(
        same,
        "the French bundle's objects differ from the English one's"
    );
    let comments = std::fs::read_to_string(fr.join("postgres.yaml")).expect("postgres.yaml");
    assert!(comments.contains("# PostgreSQL 15 sur CloudNativePG"));
    assert!(comments.contains("pire cas") || comments.contains("Pire cas"));
}

/// The object with the `#` lines of its ConfigMap files taken out.
fn without_comments(mut doc: Value) -> Value {
    if let Some(Value::Object(data)) = doc.get_mut("data") {
        for value in data.values_mut() {
            if let Value::String(text) = value {
                *text = text
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .collect::<Vec<_>>()
                    .join("\n");
            }
        }
    }
    doc
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            let sub = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            out.extend(walk(&path).into_iter().map(|f| format!("{sub}/{f}")));
        } else {
            out.push(
                path.file_name()
                    .expect("a name")
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    out
}

#[test]
fn the_checks_refuse_a_misspelt_field() {
    let dir = bundle(
        "typo",
        &["--users", "20000", "--growth", "10", "--lang", "en"],
    );
    let docs = documents(&kustomize(&dir));
    // A real API server would prune these silently and apply the rest.
    let typo = |kind_: &str, name_: &str, path: &[&str], wrong: &str| {
        let mut doc = find(&docs, kind_, name_).clone();
        let mut node = &mut doc;
        for key in &path[..path.len() - 1] {
            node = &mut node[*key];
        }
        let map = node.as_object_mut().expect("an object");
        let value = map.remove(path[path.len() - 1]).expect("the field");
        map.insert(wrong.to_owned(), value);
        let errors = validate_custom(&doc).expect("a CRD");
        println!("{kind_} with {wrong}: {errors:?}");
        assert!(
            errors.iter().any(|e| e.contains(wrong)),
            "{kind_} with {wrong} passed: {errors:?}"
        );
    };
    typo(
        "Cluster",
        "postgres",
        &["spec", "postgresql", "parameters"],
        "paramters",
    );
    typo(
        "Pooler",
        "postgres-pooler-rw",
        &["spec", "pgbouncer", "poolMode"],
        "poolmode",
    );
    typo(
        "RedisReplication",
        "redis",
        &["spec", "kubernetesConfig", "resources"],
        "resource",
    );
    typo(
        "RedisSentinel",
        "redis",
        &["spec", "redisSentinelConfig", "masterGroupName"],
        "masterGroup",
    );
    typo(
        "Gateway",
        "web",
        &["spec", "gatewayClassName"],
        "gatewayClass",
    );
    typo("HTTPRoute", "web", &["spec", "hostnames"], "hostname");
    // Deep inside a list: the PgBouncer container of a Pooler's pod template.
    let mut pooler = find(&docs, "Pooler", "postgres-pooler-ro").clone();
    pooler["spec"]["template"]["spec"]["containers"][0]["resourcez"] = json!({});
    let errors = validate_custom(&pooler).expect("a CRD");
    assert!(errors.iter().any(|e| e.contains("resourcez")), "{errors:?}");

    // The schemas' own types hold too: parameters are strings.
    let mut cluster = find(&docs, "Cluster", "postgres").clone();
    cluster["spec"]["postgresql"]["parameters"]["max_connections"] = json!(23);
    let errors = validate_custom(&cluster).expect("a CRD");
    assert!(
        errors.iter().any(|e| e.contains("max_connections")),
        "{errors:?}"
    );

    // kubernetes-validate refuses a misspelt built-in field.
    let mut deployment = find(&docs, "Deployment", "api").clone();
    deployment["spec"]["template"]["spec"]["containers"][0]["resourcez"] = json!({});
    let file = dir.parent().expect("parent").join("typo.json");
    std::fs::write(&file, deployment.to_string()).expect("write");
    let (passed, output) = validate_builtin(&file);
    println!("Deployment with resourcez: {output}");
    assert!(!passed && output.contains("resourcez"), "{output}");
}

#[test]
fn the_bundle_keeps_the_operators_webhook_rules_and_requests_within_limits() {
    let dir = bundle(
        "rules",
        &["--users", "20000", "--growth", "10", "--lang", "en"],
    );
    let docs = documents(&kustomize(&dir));
    let cluster = find(&docs, "Cluster", "postgres");
    let spec = &cluster["spec"];

    // PostgreSQL 15, pinned, never `latest`.
    let image = spec["imageName"].as_str().expect("imageName");
    let reference = image.split('@').next().expect("an image");
    let tag = reference.rsplit_once(':').map(|(_, t)| t).expect("a tag");
    assert!(tag.starts_with("15."), "{image}");
    assert!(image.contains("@sha256:"), "{image}");
    assert_eq!(spec["instances"], 3);

    // None of the parameters CloudNativePG fixes; every value a string.
    let fixed = lines("cloudnative-pg/fixed-parameters.txt");
    let parameters = spec["postgresql"]["parameters"]
        .as_object()
        .expect("parameters");
    for (key, value) in parameters {
        assert!(!fixed.contains(key), "{key} is fixed by the operator");
        assert!(value.is_string(), "{key}: {value}");
    }
    let parameter = |key: &str| parameters[key].as_str().expect("a string");

    // min_wal_size < max_wal_size < the WAL volume.
    let wal_volume = bytes(&spec["walStorage"]["size"]);
    assert!(pg_bytes(parameter("min_wal_size")) < pg_bytes(parameter("max_wal_size")));
    assert!(pg_bytes(parameter("max_wal_size")) < wal_volume);

    // Guaranteed QoS: requests equal limits; shared_buffers within the request.
    let resources = &spec["resources"];
    assert_eq!(resources["requests"], resources["limits"]);
    let memory = bytes(&resources["requests"]["memory"]);
    assert!(pg_bytes(parameter("shared_buffers")) <= memory);

    // The Poolers: allowed parameters only, a name of their own, a pgbouncer
    // container, the two together within PostgreSQL's max_connections.
    let allowed = lines("cloudnative-pg/pgbouncer-parameters.txt");
    let max_connections: u32 = parameter("max_connections").parse().expect("a count");
    for pooler_name in ["postgres-pooler-rw", "postgres-pooler-ro"] {
        let pooler = find(&docs, "Pooler", pooler_name);
        assert_ne!(pooler_name, name(cluster));
        assert_eq!(pooler["spec"]["cluster"]["name"], "postgres");
        let params = pooler["spec"]["pgbouncer"]["parameters"]
            .as_object()
            .expect("parameters");
        for (key, value) in params {
            assert!(
                allowed.contains(key),
                "PgBouncer parameter {key} is not allowed"
            );
            assert!(value.is_string());
        }
        let per_pod: u32 = params["max_db_connections"]
            .as_str()
            .expect("s")
            .parse()
            .expect("n");
        let pods = pooler["spec"]["instances"].as_u64().expect("instances") as u32;
        assert!(per_pod * pods + 3 <= max_connections, "{pooler_name}");
        assert_eq!(
            pooler["spec"]["template"]["spec"]["containers"][0]["name"],
            "pgbouncer"
        );
    }

    // Requests within limits, in every resources block of every object.
    let mut blocks_checked = 0;
    for doc in &docs {
        let mut blocks = Vec::new();
        resource_blocks(doc, format!("{} {}", kind(doc), name(doc)), &mut blocks);
        for (path, block) in blocks {
            for (resource, parse) in [("cpu", cores as fn(&Value) -> f64), ("memory", bytes)] {
                let request = block["requests"].get(resource).map(parse);
                let limit = block["limits"].get(resource).map(parse);
                assert!(request.is_some(), "{path}: no {resource} request");
                if let (Some(request), Some(limit)) = (request, limit) {
                    assert!(request <= limit, "{path}: {resource} {request} > {limit}");
                }
            }
            blocks_checked += 1;
        }
    }
    // Cluster, 2 Poolers, RedisReplication, RedisSentinel, 2 Deployments.
    assert_eq!(blocks_checked, 7);

    // Redis: maxmemory half the limit (the fork), a policy, from the ConfigMap.
    let replication = find(&docs, "RedisReplication", "redis");
    let config = find(&docs, "ConfigMap", "redis-config");
    let conf = config["data"]["redis-additional.conf"]
        .as_str()
        .expect("the conf");
    let maxmemory = conf
        .lines()
        .find_map(|l| l.strip_prefix("maxmemory "))
        .and_then(|v| v.strip_suffix("mb"))
        .and_then(|v| v.parse::<f64>().ok())
        .expect("maxmemory");
    let limit = bytes(&replication["spec"]["kubernetesConfig"]["resources"]["limits"]["memory"]);
    assert_eq!(maxmemory * 1_048_576.0 * 2.0, limit);
    assert!(conf.lines().any(|l| l == "maxmemory-policy allkeys-lru"));
    assert_eq!(
        replication["spec"]["redisConfig"]["additionalRedisConfig"],
        "redis-config"
    );
    assert_eq!(replication["spec"]["clusterSize"], 3);
    let sentinel = find(&docs, "RedisSentinel", "redis");
    assert_eq!(
        sentinel["spec"]["redisSentinelConfig"]["redisReplicationName"],
        "redis"
    );

    // The API and the front end: no replicas (the autoscaler's), a heap under
    // the memory limit, HPAs on CPU from 4 API pods.
    for app in ["api", "web"] {
        let deployment = find(&docs, "Deployment", app);
        assert!(
            deployment["spec"].get("replicas").is_none(),
            "{app} sets replicas"
        );
        let container = &deployment["spec"]["template"]["spec"]["containers"][0];
        let options = container["env"]
            .as_array()
            .expect("env")
            .iter()
            .find(|e| e["name"] == "NODE_OPTIONS")
            .and_then(|e| e["value"].as_str())
            .expect("NODE_OPTIONS");
        let heap: f64 = options
            .strip_prefix("--max-old-space-size=")
            .and_then(|v| v.parse().ok())
            .expect("a heap size");
        let limit = bytes(&container["resources"]["limits"]["memory"]) / 1_048_576.0;
        assert!(heap < limit * 0.9, "{app}: heap {heap} MiB in {limit} MiB");
        let hpa = find(&docs, "HorizontalPodAutoscaler", app);
        assert_eq!(hpa["apiVersion"], "autoscaling/v2");
        assert_eq!(hpa["spec"]["scaleTargetRef"]["name"], app);
        let (min, max) = (&hpa["spec"]["minReplicas"], &hpa["spec"]["maxReplicas"]);
        assert!(min.as_u64() <= max.as_u64());
        if app == "api" {
            assert_eq!(*min, 4);
        }
        assert_eq!(hpa["spec"]["metrics"][0]["resource"]["name"], "cpu");
        let pdb = find(&docs, "PodDisruptionBudget", app);
        assert_eq!(
            pdb["spec"]["selector"]["matchLabels"],
            deployment["spec"]["template"]["metadata"]["labels"]
        );
    }
}

#[test]
fn names_refer_to_objects_of_the_bundle_or_of_its_operators() {
    let dir = bundle(
        "refs",
        &[
            "--users", "20000", "--growth", "10", "--lang", "en", "--db", "shop",
        ],
    );
    let docs = documents(&kustomize(&dir));
    // Services select their Deployment's pods, on a port the pods name.
    for app in ["api", "web"] {
        let service = find(&docs, "Service", app);
        let deployment = find(&docs, "Deployment", app);
        let labels = &deployment["spec"]["template"]["metadata"]["labels"];
        for (key, value) in service["spec"]["selector"].as_object().expect("selector") {
            assert_eq!(&labels[key], value, "{app}");
        }
        let port_name = &service["spec"]["ports"][0]["targetPort"];
        let ports = &deployment["spec"]["template"]["spec"]["containers"][0]["ports"];
        assert!(ports
            .as_array()
            .expect("ports")
            .iter()
            .any(|p| &p["name"] == port_name));
    }
    // The routes: to the Services' ports, from the Gateway's listeners.
    let gateway = find(&docs, "Gateway", "web");
    let listeners: BTreeSet<&str> = gateway["spec"]["listeners"]
        .as_array()
        .expect("listeners")
        .iter()
        .map(|l| l["name"].as_str().expect("a name"))
        .collect();
    for route in docs.iter().filter(|d| kind(d) == "HTTPRoute") {
        for parent in route["spec"]["parentRefs"].as_array().expect("parents") {
            assert_eq!(parent["name"], "web");
            assert!(listeners.contains(parent["sectionName"].as_str().expect("section")));
        }
        for rule in route["spec"]["rules"].as_array().expect("rules") {
            for backend in rule["backendRefs"].as_array().into_iter().flatten() {
                let service = find(&docs, "Service", backend["name"].as_str().expect("name"));
                assert_eq!(service["spec"]["ports"][0]["port"], backend["port"]);
            }
        }
    }
    // The API reaches the poolers, the Sentinels and the object storage by
    // the names the operators give their Services.
    let api = &find(&docs, "Deployment", "api")["spec"]["template"]["spec"]["containers"][0];
    let env: BTreeMap<&str, &Value> = api["env"]
        .as_array()
        .expect("env")
        .iter()
        .map(|e| (e["name"].as_str().expect("a name"), e))
        .collect();
    let url = env["DATABASE_URL"]["value"].as_str().expect("a URL");
    assert_eq!(
        url,
        "postgresql://$(DB_USER):$(DB_PASSWORD)@postgres-pooler-rw:5432/shop?pgbouncer=true"
    );
    find(&docs, "Pooler", "postgres-pooler-rw");
    let read_url = env["DATABASE_READ_URL"]["value"].as_str().expect("a URL");
    assert!(read_url.contains("@postgres-pooler-ro:5432/shop?"));
    // `$(VAR)` expands only variables defined before it.
    let order: Vec<&str> = api["env"]
        .as_array()
        .expect("env")
        .iter()
        .map(|e| e["name"].as_str().expect("a name"))
        .collect();
    let at = |n: &str| order.iter().position(|o| *o == n).expect(n);
    assert!(at("DB_USER") < at("DATABASE_URL") && at("DB_PASSWORD") < at("DATABASE_URL"));
    // The OT operator names a RedisSentinel's Service `<name>-sentinel`.
    let sentinel = find(&docs, "RedisSentinel", "redis");
    assert_eq!(
        env["REDIS_SENTINELS"]["value"],
        format!("{}-sentinel:26379", name(sentinel)).as_str()
    );
    assert_eq!(
        env["REDIS_MASTER_NAME"]["value"],
        sentinel["spec"]["redisSentinelConfig"]["masterGroupName"]
    );
    let config_map = api["envFrom"][0]["configMapRef"]["name"]
        .as_str()
        .expect("a ConfigMap");
    find(&docs, "ConfigMap", config_map);
    // The database the Cluster makes is the one the URLs name.
    assert_eq!(
        find(&docs, "Cluster", "postgres")["spec"]["bootstrap"]["initdb"]["database"],
        "shop"
    );
}

/// Every `secretKeyRef`-like reference of a document: (secret, key).
fn secret_refs(value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            let pair = |m: &Map<String, Value>| {
                Some((
                    m.get("name")?.as_str()?.to_owned(),
                    m.get("key")?.as_str()?.to_owned(),
                ))
            };
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("secretKeyRef" | "redisSecret" | "password", Value::Object(m)) => {
                        if let Some(p) = pair(m) {
                            out.push(p);
                        }
                    }
                    ("certificateRefs", Value::Array(items)) => {
                        for item in items {
                            out.push((
                                item["name"].as_str().expect("a name").to_owned(),
                                "tls.crt".to_owned(),
                            ));
                        }
                    }
                    _ => {}
                }
                secret_refs(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| secret_refs(i, out)),
        _ => {}
    }
}

#[test]
fn secrets_are_references_and_the_example_creates_exactly_those() {
    let dir = bundle(
        "secrets",
        &["--users", "20000", "--growth", "10", "--lang", "en"],
    );
    let mut docs = documents(&kustomize(&dir));
    docs.extend(documents(&kustomize(&dir.join("import"))));
    assert!(
        docs.iter().all(|d| kind(d) != "Secret"),
        "a Secret in the bundle"
    );

    // No literal value where a secret goes.
    for doc in docs.iter().filter(|d| kind(d) == "Deployment") {
        for env in doc["spec"]["template"]["spec"]["containers"][0]["env"]
            .as_array()
            .expect("env")
        {
            let env_name = env["name"].as_str().expect("a name");
            let secret_like = ["PASSWORD", "SECRET", "KEY", "TOKEN"]
                .iter()
                .any(|w| env_name.contains(w));
            if secret_like {
                assert!(env.get("value").is_none(), "{env_name} has a value");
                assert!(env["valueFrom"]["secretKeyRef"].is_object(), "{env_name}");
            }
            if let Some(value) = env["value"].as_str() {
                if let Some(rest) = value.strip_prefix("postgresql://") {
                    let credentials = rest.split('@').next().expect("credentials");
                    assert_eq!(credentials, "$(DB_USER):$(DB_PASSWORD)", "{env_name}");
                }
            }
        }
    }

    // The example script: stops when a variable is missing, before any kubectl.
    let script = dir.join("secrets.example.sh");
    let out = run(Command::new("/bin/sh")
        .arg(&script)
        .env_clear()
        .env("PATH", "/nonexistent"));
    assert!(!out.status.success());
    assert!(text(&out).contains("REDIS_PASSWORD"), "{}", text(&out));
    let body = std::fs::read_to_string(&script).expect("the script");
    for line in body.lines().filter(|l| l.contains("--from-literal=")) {
        let value = line.split_once('=').map(|(_, v)| v).expect("key=value");
        let value = value.split_once('=').map(|(_, v)| v).expect("a value");
        assert!(
            value.trim_end_matches(" \\").starts_with("\"$"),
            "a literal value: {line}"
        );
    }

    // With the variables set, it creates each Secret through kubectl: the
    // real kubectl renders them (--dry-run=client), a stand-in records what
    // `kubectl apply -f -` would receive.
    let work = dir.parent().expect("parent").join("secrets-run");
    std::fs::create_dir_all(&work).expect("dir");
    let openssl = run(Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=your-domain.example",
        ])
        .arg("-keyout")
        .arg(work.join("key.pem"))
        .arg("-out")
        .arg(work.join("cert.pem"))
        .stdin(Stdio::null()));
    assert!(
        openssl.status.success(),
        "openssl (Debian's openssl package): {}",
        text(&openssl)
    );
    let bin = work.join("bin");
    std::fs::create_dir_all(&bin).expect("dir");
    let applied = work.join("applied.yaml");
    let shim = format!(
        "#!/bin/sh\nif [ \"$1\" = apply ]; then cat >> '{}'; echo ---  >> '{}'; else exec '{}' \"$@\"; fi\n",
        applied.display(),
        applied.display(),
        kubectl().display()
    );
    std::fs::write(bin.join("kubectl"), shim).expect("the stand-in");
    run(Command::new("chmod").arg("+x").arg(bin.join("kubectl")));
    let values = [
        ("REDIS_PASSWORD", "redis-test-password"),
        ("S3_ACCESS_KEY_ID", "test-access-key"),
        ("S3_SECRET_ACCESS_KEY", "test-secret-key"),
        ("SOURCE_POSTGRES_PASSWORD", "source-test-password"),
    ];
    let out = run(Command::new("/bin/sh")
        .arg(&script)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .env("HOME", &work)
        .env("TLS_CERT_FILE", work.join("cert.pem"))
        .env("TLS_KEY_FILE", work.join("key.pem"))
        .envs(values));
    assert!(out.status.success(), "{}", text(&out));
    let secrets = documents(&std::fs::read_to_string(&applied).expect("applied"));
    let mut made: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for secret in &secrets {
        assert_eq!(kind(secret), "Secret");
        let keys = secret["data"].as_object().expect("data");
        made.insert(name(secret).to_owned(), keys.keys().cloned().collect());
    }
    println!("secrets.example.sh creates: {made:?}");
    // The values are the environment's, never the files'.
    let redis = secrets
        .iter()
        .find(|s| name(s) == "redis-auth")
        .expect("redis-auth");
    assert_eq!(redis["data"]["password"], "cmVkaXMtdGVzdC1wYXNzd29yZA==");
    for (_, value) in values {
        for file in walk(&dir) {
            let text = std::fs::read_to_string(dir.join(&file)).expect("a file");
            assert!(!text.contains(value), "{file} holds {value}");
        }
    }

    // Every reference in the bundle is to a Secret the script makes, with
    // that key, or to the one CloudNativePG makes for the application.
    let mut refs = Vec::new();
    docs.iter().for_each(|d| secret_refs(d, &mut refs));
    refs.sort();
    refs.dedup();
    println!("secret references: {refs:?}");
    assert!(refs.len() >= 6, "{refs:?}");
    for (secret, key) in &refs {
        if secret == "postgres-app" {
            assert!(["username", "password"].contains(&key.as_str()), "{key}");
            continue;
        }
        let keys = made
            .get(secret)
            .unwrap_or_else(|| panic!("{secret} is referred to but never made"));
        assert!(keys.contains(key), "{secret} has no key {key}: {keys:?}");
    }
}

/// The JSON view of a plan.
fn view(args: &[&str]) -> Value {
    let mut all = vec!["plan", "--json"];
    all.extend_from_slice(args);
    let out = headroom(&all);
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn component<'a>(view: &'a Value, kind_: &str, name_: &str) -> &'a Value {
    view["kubernetes"]["components"]
        .as_array()
        .expect("components")
        .iter()
        .find(|c| c["kind"] == kind_ && c["name"] == name_)
        .unwrap_or_else(|| panic!("no {kind_} {name_}"))
}

#[test]
fn more_users_get_more_api_capacity_and_database_storage() {
    let schema: Value =
        serde_json::from_str(include_str!("../../../schema/plan.schema.json")).expect("the schema");
    let validator = jsonschema::validator_for(&schema).expect("a schema");
    let mut previous: Option<(u64, u64, f64)> = None;
    println!("users   API pods  PostgreSQL CPUs, memory, volume  Redis memory");
    for users in ["10001", "20000", "80000", "400000"] {
        let plan = view(&["--users", users, "--growth", "10"]);
        assert!(
            validator.is_valid(&plan),
            "{users}: {:?}",
            validator
                .iter_errors(&plan)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
        let k = &plan["kubernetes"];
        assert!(k["error"].is_null());
        let api = component(&plan, "Deployment", "api");
        let pg = component(&plan, "Cluster", "postgres");
        let redis = component(&plan, "RedisReplication", "redis");
        let max = api["replicas_max"].as_u64().expect("max");
        let storage = pg["storage_gib"].as_u64().expect("storage");
        let cpus = pg["cpu_request"].as_f64().expect("cpus");
        println!(
            "{users:>7}  {}–{max:<5}  {cpus} CPU, {} MiB, {storage} GiB  {} MiB",
            api["replicas_min"], pg["memory_request_mib"], redis["memory_limit_mib"]
        );
        assert_eq!(api["replicas_min"], 4);
        for c in k["components"].as_array().expect("components") {
            assert!(c["cpu_request"].as_f64() <= c["cpu_limit"].as_f64(), "{c}");
            assert!(
                c["memory_request_mib"].as_f64() <= c["memory_limit_mib"].as_f64(),
                "{c}"
            );
        }
        if let Some((max0, storage0, cpus0)) = previous {
            assert!(max > max0, "{users}: API pods {max} after {max0}");
            assert!(
                storage > storage0,
                "{users}: storage {storage} after {storage0}"
            );
            assert!(cpus >= cpus0);
        }
        previous = Some((max, storage, cpus));
    }

    // The files carry the view's figures.
    let dir = bundle("sizes", &["--users", "80000", "--growth", "10"]);
    let docs = documents(&kustomize(&dir));
    let plan = view(&["--users", "80000", "--growth", "10"]);
    let hpa = find(&docs, "HorizontalPodAutoscaler", "api");
    assert_eq!(
        hpa["spec"]["maxReplicas"],
        component(&plan, "Deployment", "api")["replicas_max"]
    );
    let cluster = find(&docs, "Cluster", "postgres");
    let pg = component(&plan, "Cluster", "postgres");
    assert_eq!(
        bytes(&cluster["spec"]["storage"]["size"]),
        pg["storage_gib"].as_f64().expect("GiB") * 1_073_741_824.0
    );
    assert_eq!(
        bytes(&cluster["spec"]["resources"]["limits"]["memory"]),
        pg["memory_limit_mib"].as_f64().expect("MiB") * 1_048_576.0
    );
    assert_eq!(
        walk(&dir).len(),
        plan["kubernetes"]["files"].as_array().expect("files").len()
    );

    // Below tier 5 there is no bundle.
    assert!(view(&["--users", "8000"])["kubernetes"].is_null());
}

#[test]
fn a_plan_without_a_bundle_is_refused_in_its_language() {
    let refused = |args: &[&str], dir: &Path| {
        let mut all = vec!["plan"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--kubernetes", dir.to_str().expect("UTF-8")]);
        let out = headroom(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(!dir.exists(), "{} was created", dir.display());
        stderr.trim_end().to_owned()
    };
    let dir = temp_dir("refused").join("k8s");
    assert_eq!(
        refused(&["--users", "5000"], &dir),
        "headroom: --kubernetes: the Kubernetes bundle is tier 5's (10,001 users and more); this plan has 5,000 users (tier 4). To prepare the move, give --users 10001 or more"
    );
    let fr = refused(&["--users", "5000", "--lang", "fr"], &dir);
    assert!(
        fr.starts_with("headroom: --kubernetes : le paquet Kubernetes est celui du palier 5"),
        "{fr}"
    );
    let pgconn = refused(&["--users", "20000", "--pgconn", "10000"], &dir);
    assert!(pgconn.starts_with("headroom: --pgconn: 10000 does not fit the Kubernetes bundle's 8Gi PostgreSQL container; at most "), "{pgconn}");
    let domain = refused(&["--users", "20000", "--domain", "my_shop.example"], &dir);
    assert!(
        domain.contains("--domain: \"my_shop.example\" is not a host name a Gateway accepts"),
        "{domain}"
    );
}
