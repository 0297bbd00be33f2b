//! Real servers for the tests that prove the emitted settings: PostgreSQL
//! (inside a private mount namespace whose /dev/shm has the container's
//! size), PgBouncer in front of it, Redis, and Node's peak RSS.
//!
//! Every server runs on 127.0.0.1 on its own free port, in its own
//! temporary directory (data, sockets, logs), so tests can run in parallel
//! threads. Servers are stopped by the PID we spawned (never by name) when
//! dropped: a signal sent with the `kill` command, a grace period, then
//! SIGKILL; the child is always reaped and its directory removed.
//!
//! Temporary directories live under one per-process directory,
//! `$TMPDIR/headroom-e2e-servers-<pid>/`. It stays behind at process exit
//! (the test harness runs no destructors for statics) holding at most the
//! initdb'd template of [`postgres_shared_memory_size_mb`]; the next process
//! that uses this module removes the per-process directories of processes
//! that no longer exist.
//!
//! Binaries: PostgreSQL's from `$HEADROOM_PG_BIN` (default
//! /usr/lib/postgresql/15/bin), the rest from PATH, /usr/sbin, /usr/bin.
//! A missing one is a panic that says what to install.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::free_port;

/// How long a server may take to accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How often the start-up and shutdown loops look again.
const POLL: Duration = Duration::from_millis(25);
/// Attempts with a fresh port when another process took ours between
/// `free_port()` and the server's bind.
const PORT_ATTEMPTS: usize = 5;
/// The deadline of [`concurrent_clients`].
const CLIENTS_DEADLINE: Duration = Duration::from_secs(120);

/// Fast shutdown (SIGINT: roll back, disconnect clients), then immediate
/// shutdown (SIGQUIT), then SIGKILL. SIGTERM would be a smart shutdown that
/// waits for every client to leave.
const POSTGRES_STOP: &[(&str, Duration)] = &[
    ("INT", Duration::from_secs(10)),
    ("QUIT", Duration::from_secs(5)),
];
/// Safe shutdown (SIGINT: PAUSE + SHUTDOWN), then immediate (SIGTERM in
/// PgBouncer 1.18), then SIGKILL.
const PGBOUNCER_STOP: &[(&str, Duration)] = &[
    ("INT", Duration::from_secs(5)),
    ("TERM", Duration::from_secs(5)),
];
/// SIGTERM (Redis saves if the configuration asks it to, then exits), then SIGKILL.
const REDIS_STOP: &[(&str, Duration)] = &[("TERM", Duration::from_secs(10))];

/// `["-c", "work_mem=4MB"]` from `&["-c", "work_mem=4MB"]`, for the
/// `&[String]` arguments of the servers.
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------
// Binaries

const INSTALL_HINT: &str = "./scripts/install-tools does";

/// PostgreSQL's server binaries: `$HEADROOM_PG_BIN/<name>`, default
/// /usr/lib/postgresql/15/bin (Debian keeps them off PATH).
pub(crate) fn pg_bin(name: &str) -> PathBuf {
    let dir = std::env::var_os("HEADROOM_PG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/postgresql/15/bin"));
    let path = dir.join(name);
    assert!(
        path.is_file(),
        "{name} not found at {}: install Debian's postgresql-15 ({INSTALL_HINT}), \
         or point HEADROOM_PG_BIN at PostgreSQL 15's bin directory",
        path.display()
    );
    path
}

/// `name` from PATH, else /usr/sbin, /usr/bin, /sbin, /bin (PATH often lacks
/// sbin, where pgbouncer lives); panics naming the Debian `package`.
pub(crate) fn tool(name: &str, package: &str) -> PathBuf {
    let path_dirs = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    let fallbacks = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"].map(PathBuf::from);
    path_dirs
        .iter()
        .chain(fallbacks.iter())
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{name} not found on PATH or in /usr/sbin, /usr/bin: install Debian's \
                 {package} ({INSTALL_HINT})"
            )
        })
}

/// A binary the harness wants at one exact path.
fn fixed(path: &str, package: &str) -> PathBuf {
    let p = PathBuf::from(path);
    assert!(
        p.is_file(),
        "{path} not found: install Debian's {package} ({INSTALL_HINT})"
    );
    p
}

fn psql_bin() -> PathBuf {
    fixed("/usr/bin/psql", "postgresql-client-15")
}

/// `setpriv … <program>`: PostgreSQL and PgBouncer refuse to run as root.
fn as_postgres(program: &Path) -> Command {
    let mut cmd = Command::new(tool("setpriv", "util-linux"));
    cmd.args([
        "--reuid=postgres",
        "--regid=postgres",
        "--init-groups",
        "--",
    ])
    .arg(program);
    cmd
}

// ---------------------------------------------------------------------------
// Temporary directories

/// `$TMPDIR/headroom-e2e-servers-<pid>`, created on first use; removes the
/// per-process directories left by processes that are gone.
fn process_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = std::env::temp_dir();
        let prefix = "headroom-e2e-servers-";
        if let Ok(entries) = fs::read_dir(&tmp) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
                    continue;
                };
                let dead = !pid.is_empty()
                    && pid.bytes().all(|b| b.is_ascii_digit())
                    && pid != std::process::id().to_string()
                    && !Path::new("/proc").join(pid).exists();
                if dead {
                    let _ = fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = tmp.join(format!("{prefix}{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        // The postgres user must traverse it to reach its own directories.
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("chmod 755 {}: {e}", dir.display()));
        dir
    })
}

/// A fresh directory under the per-process directory, named
/// `<kind>-<pid>-<counter>-<nanos>`, removed (with everything in it) on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(kind: &str) -> TempDir {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir = process_dir().join(format!("{kind}-{}-{n}-{nanos}", std::process::id()));
        fs::create_dir(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("chmod 755 {}: {e}", dir.display()));
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `self/<name>`.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.0.join(name)
    }

    /// `chown -R postgres:postgres`, so servers running as postgres can write.
    fn give_to_postgres(&self) {
        chown_postgres(&self.0);
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn chown_postgres(path: &Path) {
    let out = Command::new(tool("chown", "coreutils"))
        .args(["-R", "postgres:postgres"])
        .arg(path)
        .output()
        .expect("run chown");
    assert!(
        out.status.success(),
        "chown -R postgres:postgres {} failed (does the postgres user exist? install \
         Debian's postgresql-15, {INSTALL_HINT}): {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn read_lossy(path: &Path) -> String {
    fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_else(|e| format!("(could not read {}: {e})", path.display()))
}

// ---------------------------------------------------------------------------
// Processes

/// Sends `SIG<sig>` to `pid` with the `kill` command (std has no signals
/// but SIGKILL); false when it could not be delivered.
fn send_signal(pid: u32, sig: &str) -> bool {
    Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// True once `child` has exited (and is reaped) within `grace`.
fn wait_exit(child: &mut Child, grace: Duration) -> bool {
    let deadline = Instant::now() + grace;
    loop {
        if let Ok(Some(_)) | Err(_) = child.try_wait() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Stops our own `child` by its PID: each `(signal, grace)` in turn, then
/// SIGKILL; always reaps it. The PID cannot have been reused meanwhile: an
/// unreaped child keeps it. Safe to call again once it has exited.
fn stop_child(child: &mut Child, steps: &[(&str, Duration)]) {
    if wait_exit(child, Duration::ZERO) {
        return;
    }
    for (sig, grace) in steps {
        send_signal(child.id(), sig);
        if wait_exit(child, *grace) {
            return;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// `/proc/<pid>` exists: the process (or a zombie) is there.
pub fn pid_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// The PIDs whose parent is `pid` (from /proc/*/stat), e.g. Redis's fork
/// during BGSAVE / BGREWRITEAOF, or a postmaster's backends.
pub fn child_pids(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir("/proc") else {
        return found;
    };
    for entry in entries.flatten() {
        let Some(child) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
        let ppid = stat
            .rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            found.push(child);
        }
    }
    found.sort_unstable();
    found
}

/// Every `Name: <n> kB` field of `/proc/<pid>/smaps_rollup`, in KiB
/// (Rss, Pss, Shared_Clean, Shared_Dirty, Private_Clean, Private_Dirty, …).
pub fn smaps_rollup(pid: u32) -> BTreeMap<String, u64> {
    let path = format!("/proc/{pid}/smaps_rollup");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    kib_fields(&text)
}

/// [`smaps_rollup`], or None once the process is gone (for sampling a
/// short-lived process such as Redis's fork).
pub fn try_smaps_rollup(pid: u32) -> Option<BTreeMap<String, u64>> {
    let text = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let fields = kib_fields(&text);
    (!fields.is_empty()).then_some(fields)
}

fn kib_fields(text: &str) -> BTreeMap<String, u64> {
    text.lines()
        .filter_map(|line| {
            let (name, rest) = line.split_once(':')?;
            let mut words = rest.split_whitespace();
            let value = words.next()?.parse::<u64>().ok()?;
            (words.next() == Some("kB")).then(|| (name.trim().to_string(), value))
        })
        .collect()
}

/// Private_Clean + Private_Dirty of `/proc/<pid>/smaps_rollup`: the memory
/// the process does not share with any other (what one more PostgreSQL
/// backend really costs; its shared_buffers pages are shared).
pub fn private_memory_kib(pid: u32) -> u64 {
    let fields = smaps_rollup(pid);
    let get = |k: &str| {
        *fields
            .get(k)
            .unwrap_or_else(|| panic!("/proc/{pid}/smaps_rollup has no {k}: {fields:?}"))
    };
    get("Private_Clean") + get("Private_Dirty")
}

/// A `<field>: <n> kB` line of `/proc/<pid>/status`, e.g. VmRSS or VmHWM
/// (the peak resident set).
pub fn proc_status_kib(pid: u32, field: &str) -> u64 {
    let path = format!("/proc/{pid}/status");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    *kib_fields(&text)
        .get(field)
        .unwrap_or_else(|| panic!("{path} has no {field}:\n{text}"))
}

/// How a start-up wait ended.
enum Startup {
    Ready,
    /// The server exited before accepting connections; its log.
    Exited(String),
}

/// Polls `ready` until it is true, the child exits (→ its log) or
/// `START_TIMEOUT` passes (→ panic with the log, after stopping it).
fn wait_started(
    what: &str,
    child: &mut Child,
    steps: &[(&str, Duration)],
    log: &dyn Fn() -> String,
    ready: &mut dyn FnMut() -> bool,
) -> Startup {
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return Startup::Exited(format!(
                    "{what} exited ({status}) while starting:\n{}",
                    log()
                ))
            }
            Ok(None) => {}
            Err(e) => return Startup::Exited(format!("{what}: wait failed: {e}\n{}", log())),
        }
        if ready() {
            return Startup::Ready;
        }
        if Instant::now() >= deadline {
            stop_child(child, steps);
            panic!(
                "{what} did not accept connections within {} s; its log:\n{}",
                START_TIMEOUT.as_secs(),
                log()
            );
        }
        std::thread::sleep(POLL);
    }
}

fn port_taken(log: &str) -> bool {
    log.contains("Address already in use")
}

// ---------------------------------------------------------------------------
// psql

/// psql against 127.0.0.1:`port` as postgres, no psqlrc, unaligned tuples
/// only, stop at the first error; environment that could redirect it removed.
fn psql_command(port: u16, db: &str) -> Command {
    let mut cmd = Command::new(psql_bin());
    cmd.args([
        "-X",
        "-At",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        "127.0.0.1",
        "-p",
    ])
    .arg(port.to_string())
    .args(["-U", "postgres", "-d", db]);
    libpq_environment(&mut cmd);
    cmd
}

/// A libpq client's environment for the harness: no TLS, a 30 s connect
/// timeout, and nothing from the caller's environment that could redirect it.
pub(crate) fn libpq_environment(cmd: &mut Command) {
    cmd.env("PGCONNECT_TIMEOUT", "30")
        .env("PGSSLMODE", "disable");
    for var in [
        "PGOPTIONS",
        "PGSERVICE",
        "PGSERVICEFILE",
        "PGHOSTADDR",
        "PGPASSFILE",
        "PGTARGETSESSIONATTRS",
        "PGDATABASE",
        "PGUSER",
    ] {
        cmd.env_remove(var);
    }
}

/// Runs psql with `args` (and `stdin`), Ok(stdout trimmed) or Err(stderr).
fn run_psql(port: u16, db: &str, args: &[&str], stdin: Option<&str>) -> Result<String, String> {
    let mut cmd = psql_command(port, db);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn /usr/bin/psql");
    let writer = stdin.map(|text| {
        let mut pipe = child.stdin.take().expect("psql's stdin is piped");
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = pipe.write_all(text.as_bytes());
        })
    });
    let out = child.wait_with_output().expect("wait for psql");
    if let Some(w) = writer {
        let _ = w.join();
    }
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(if err.is_empty() {
            format!("psql {}", out.status)
        } else {
            err
        })
    }
}

// ---------------------------------------------------------------------------
// PostgreSQL

/// `initdb` as postgres into `data` (which must not exist; its parent is
/// postgres's): trust, superuser postgres, C locale, UTF8, no fsync.
fn initdb(data: &Path) {
    let out = as_postgres(&pg_bin("initdb"))
        .arg("-D")
        .arg(data)
        .args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "--locale=C",
            "-E",
            "UTF8",
        ])
        .stdin(Stdio::null())
        .output()
        .expect("run initdb");
    assert!(
        out.status.success(),
        "initdb -D {} failed ({}):\n{}\n{}",
        data.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The settings a postgres command line sets, normalised (`-c name=value`,
/// `-cname=value`, `--name=value`, and the short options -B -D -h -i -k -N -p
/// -S -F that stand for settings).
fn postgres_flag_names(flags: &[String]) -> Vec<String> {
    let norm = |kv: &str| {
        kv.split('=')
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase()
            .replace('-', "_")
    };
    let mut names = Vec::new();
    let mut it = flags.iter();
    while let Some(flag) = it.next() {
        let f = flag.as_str();
        if f == "-c" {
            if let Some(kv) = it.next() {
                names.push(norm(kv));
            }
        } else if let Some(kv) = f.strip_prefix("--") {
            names.push(norm(kv));
        } else if let Some(kv) = f.strip_prefix("-c") {
            names.push(norm(kv));
        } else if f == "-F" {
            names.push("fsync".into());
        } else if f == "-i" {
            names.push("listen_addresses".into());
        } else if let Some(opt) = f.strip_prefix('-').and_then(|o| o.chars().next()) {
            let name = match opt {
                'B' => "shared_buffers",
                'D' => "data_directory",
                'h' => "listen_addresses",
                'k' => "unix_socket_directories",
                'N' => "max_connections",
                'p' => "port",
                'S' => "work_mem",
                _ => continue,
            };
            names.push(name.into());
            if f.len() == 2 {
                it.next(); // The value is the next argument.
            }
        }
    }
    names
}

/// Settings the harness itself must own to run isolated on 127.0.0.1.
const POSTGRES_HARNESS_OWNED: &[&str] = &[
    "port",
    "listen_addresses",
    "unix_socket_directories",
    "data_directory",
];

/// A PostgreSQL server of our own: fresh data directory, 127.0.0.1 on a
/// free port, private /dev/shm of the container's size, run as postgres.
/// Dropping it stops it (fast shutdown) and removes its directory.
pub struct Postgres {
    child: Child,
    port: u16,
    dir: TempDir,
    log: PathBuf,
}

impl Postgres {
    /// [`Postgres::try_start`], panicking with the server's log if it refused
    /// to start.
    pub fn start(flags: &[String], shm_size_bytes: u64) -> Postgres {
        Postgres::try_start(flags, shm_size_bytes)
            .unwrap_or_else(|log| panic!("postgres {flags:?} refused to start:\n{log}"))
    }

    /// initdb a fresh data directory, then run, as postgres, inside a private
    /// mount namespace whose /dev/shm is a tmpfs of `shm_size_bytes` (like
    /// Docker's `shm_size`):
    ///
    /// `postgres -D DATA -c listen_addresses=127.0.0.1 -p PORT -k SOCKDIR
    ///  [-c fsync=off] [-c full_page_writes=off] <flags…>`
    ///
    /// The `-c fsync=off -c full_page_writes=off` prefix only makes the
    /// harness faster; each is left out when `flags` set that setting, and
    /// `flags` come last anyway, so the override's own values always win.
    /// `flags` are exactly the arguments after "postgres" in the compose
    /// `command:`. Waits until it answers a query. `Err(log)` when the server
    /// exits before that (e.g. FATAL on invalid memory settings); panics on
    /// a 30 s timeout, with the log.
    pub fn try_start(flags: &[String], shm_size_bytes: u64) -> Result<Postgres, String> {
        Postgres::try_start_under(&[], flags, shm_size_bytes)
    }

    /// [`Postgres::start`] under `launcher`, a command that sets something
    /// its children inherit and then execs the rest, e.g.
    /// `["taskset", "-c", "1", "chrt", "-f", "10"]`: every PostgreSQL process
    /// on CPU 1 at real-time priority. The PID is still the postmaster's.
    pub fn start_under(launcher: &[String], flags: &[String], shm_size_bytes: u64) -> Postgres {
        Postgres::try_start_under(launcher, flags, shm_size_bytes).unwrap_or_else(|log| {
            panic!("{launcher:?} postgres {flags:?} refused to start:\n{log}")
        })
    }

    fn try_start_under(
        launcher: &[String],
        flags: &[String],
        shm_size_bytes: u64,
    ) -> Result<Postgres, String> {
        assert!(
            shm_size_bytes > 0,
            "shm_size_bytes must be > 0 (a tmpfs of size=0 would be unlimited)"
        );
        let names = postgres_flag_names(flags);
        if let Some(owned) = names
            .iter()
            .find(|n| POSTGRES_HARNESS_OWNED.contains(&n.as_str()))
        {
            panic!(
                "the flags {flags:?} set {owned}, which the harness owns (it runs every server \
                 on 127.0.0.1, a free port, its own socket and data directory)"
            );
        }
        let mut prefix: Vec<String> = Vec::new();
        for setting in ["fsync", "full_page_writes"] {
            if !names.iter().any(|n| n == setting) {
                prefix.push("-c".into());
                prefix.push(format!("{setting}=off"));
            }
        }

        let dir = TempDir::new("postgres");
        let data = dir.join("data");
        let sock = dir.join("sock");
        fs::create_dir(&sock).unwrap_or_else(|e| panic!("create {}: {e}", sock.display()));
        dir.give_to_postgres();
        initdb(&data);
        let postgres = pg_bin("postgres");
        let unshare = tool("unshare", "util-linux");
        tool("mount", "mount");
        let log = dir.join("postgres.log");

        let mut attempt = 0;
        loop {
            attempt += 1;
            let port = free_port();
            let log_file =
                File::create(&log).unwrap_or_else(|e| panic!("create {}: {e}", log.display()));
            let log_file2 = log_file.try_clone().expect("clone the log file handle");
            // The launcher execs unshare; unshare without --fork execs in
            // place, sh execs setpriv, setpriv execs postgres: the spawned
            // PID ends up being the postmaster's.
            let mut command = match launcher.split_first() {
                Some((program, args)) => {
                    let mut c = Command::new(program);
                    c.args(args).arg(&unshare);
                    c
                }
                None => Command::new(&unshare),
            };
            let mut child = command
                .args(["-m", "--propagation", "private", "sh", "-c"])
                .arg(
                    "mount -t tmpfs -o \"rw,nosuid,nodev,noexec,relatime,mode=1777,size=$0\" \
                     tmpfs /dev/shm && exec \"$@\"",
                )
                .arg(shm_size_bytes.to_string())
                .arg(tool("setpriv", "util-linux"))
                .args([
                    "--reuid=postgres",
                    "--regid=postgres",
                    "--init-groups",
                    "--",
                ])
                .arg(&postgres)
                .arg("-D")
                .arg(&data)
                .args(["-c", "listen_addresses=127.0.0.1", "-p"])
                .arg(port.to_string())
                .arg("-k")
                .arg(&sock)
                .args(&prefix)
                .args(flags)
                .stdin(Stdio::null())
                .stdout(log_file)
                .stderr(log_file2)
                .spawn()
                .unwrap_or_else(|e| panic!("spawn {} (postgres): {e}", unshare.display()));
            let socket = sock.join(format!(".s.PGSQL.{port}"));
            let data_str = data.to_string_lossy().into_owned();
            let read_log = || read_lossy(&log);
            // Our socket file proves that our postmaster holds the TCP port
            // (it binds TCP first); data_directory proves who answers.
            let mut ready = || {
                socket.exists()
                    && run_psql(port, "postgres", &["-c", "SHOW data_directory"], None).as_deref()
                        == Ok(data_str.as_str())
            };
            match wait_started("postgres", &mut child, POSTGRES_STOP, &read_log, &mut ready) {
                Startup::Ready => {
                    return Ok(Postgres {
                        child,
                        port,
                        dir,
                        log,
                    })
                }
                Startup::Exited(text) if port_taken(&text) && attempt < PORT_ATTEMPTS => continue,
                Startup::Exited(text) => return Err(text),
            }
        }
    }

    /// The postmaster's PID (the process we spawned).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The data directory (postgres's, removed on drop).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Everything the server wrote to stderr so far.
    pub fn log(&self) -> String {
        read_lossy(&self.log)
    }

    /// `psql -c sql` as postgres on database postgres: stdout trimmed, or
    /// Err(stderr). Several `;`-separated statements run in one session (so
    /// `SET …; SELECT …` works), and psql 15 prints every result.
    pub fn psql(&self, sql: &str) -> Result<String, String> {
        run_psql(self.port, "postgres", &["-c", sql], None)
    }

    /// `psql -f -` with `sql` on stdin, for scripts (psql meta-commands too).
    pub fn psql_script(&self, sql: &str) -> Result<String, String> {
        run_psql(self.port, "postgres", &["-f", "-"], Some(sql))
    }

    /// `SHOW name`, e.g. "300MB"; panics with psql's error.
    pub fn show(&self, name: &str) -> String {
        self.psql(&format!("SHOW {name}"))
            .unwrap_or_else(|e| panic!("SHOW {name} on port {}: {e}", self.port))
    }

    /// Stops the server (fast shutdown), reaps it and removes its directory.
    pub fn stop(mut self) {
        stop_child(&mut self.child, POSTGRES_STOP);
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        stop_child(&mut self.child, POSTGRES_STOP);
    }
}

/// The PIDs of `pg`'s client backends, except the one asking.
pub fn backend_pids(pg: &Postgres) -> Vec<u32> {
    pg.psql(
        "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' \
         AND pid <> pg_backend_pid() ORDER BY pid",
    )
    .unwrap_or_else(|e| panic!("list backends on port {}: {e}", pg.port()))
    .lines()
    .map(|l| {
        l.trim()
            .parse()
            .unwrap_or_else(|e| panic!("backend pid {l:?}: {e}"))
    })
    .collect()
}

/// One initdb'd data directory per test process for `postgres -C`, under
/// the per-process directory (left there at exit, see the module docs).
fn pg_template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let parent = process_dir().join(format!("pg-template-{nanos}"));
        fs::create_dir(&parent).unwrap_or_else(|e| panic!("create {}: {e}", parent.display()));
        chown_postgres(&parent);
        let data = parent.join("data");
        initdb(&data);
        data
    })
}

/// `postgres -C shared_memory_size` with `flags` (no server started): the
/// main shared memory segment PostgreSQL would allocate, in MB.
pub fn postgres_shared_memory_size_mb(flags: &[String]) -> u64 {
    let data = pg_template();
    // `-C` takes the data directory's postmaster.pid lock for a moment:
    // concurrent calls on the same directory would fail.
    static LOCK: Mutex<()> = Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let out = as_postgres(&pg_bin("postgres"))
        .arg("-D")
        .arg(data)
        .args(["-C", "shared_memory_size"])
        .args(flags)
        .stdin(Stdio::null())
        .output()
        .expect("run postgres -C shared_memory_size");
    let stdout = String::from_utf8_lossy(&out.stdout);
    match (out.status.success(), stdout.trim().parse::<u64>()) {
        (true, Ok(mb)) => mb,
        _ => panic!(
            "postgres -C shared_memory_size {flags:?} failed ({}): {}\n{}",
            out.status,
            stdout,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

// ---------------------------------------------------------------------------
// PgBouncer

/// Keys of pgbouncer.ini the harness writes itself (listening on 127.0.0.1
/// with its own files, trust auth, postgres as admin for `SHOW`).
const PGBOUNCER_HARNESS_OWNED: &[&str] = &[
    "listen_addr",
    "listen_port",
    "unix_socket_dir",
    "auth_type",
    "auth_file",
    "logfile",
    "pidfile",
    "admin_users",
];

/// A PgBouncer of our own in front of a [`Postgres`], as postgres, in the
/// foreground (so the PID we spawned is pgbouncer's). Stopped on drop.
pub struct PgBouncer {
    child: Child,
    port: u16,
    dir: TempDir,
}

impl PgBouncer {
    /// [`PgBouncer::try_start`], panicking with its log if it refused.
    pub fn start(pool_settings: &[(String, String)], backend: &Postgres) -> PgBouncer {
        PgBouncer::try_start(pool_settings, backend)
            .unwrap_or_else(|log| panic!("pgbouncer {pool_settings:?} refused to start:\n{log}"))
    }

    /// Writes pgbouncer.ini (`* = host=127.0.0.1 port=<backend>` so any
    /// database name maps, trust auth for user postgres, admin console),
    /// then every `pool_settings` pair verbatim in `[pgbouncer]`, and waits
    /// until it listens. Err(log) if it exits first.
    pub fn try_start(
        pool_settings: &[(String, String)],
        backend: &Postgres,
    ) -> Result<PgBouncer, String> {
        for (key, value) in pool_settings {
            let k = key.trim().to_lowercase();
            assert!(
                !PGBOUNCER_HARNESS_OWNED.contains(&k.as_str()),
                "pool setting {key} is one the harness owns ({PGBOUNCER_HARNESS_OWNED:?})"
            );
            assert!(
                !key.contains(['\n', '=']) && !value.contains('\n'),
                "pool setting {key:?} = {value:?} would not be one ini line"
            );
        }
        let bin = tool("pgbouncer", "pgbouncer");
        let dir = TempDir::new("pgbouncer");
        let sock = dir.join("sock");
        fs::create_dir(&sock).unwrap_or_else(|e| panic!("create {}: {e}", sock.display()));
        let userlist = dir.join("userlist.txt");
        fs::write(&userlist, "\"postgres\" \"\"\n")
            .unwrap_or_else(|e| panic!("write {}: {e}", userlist.display()));
        let ini = dir.join("pgbouncer.ini");
        let logfile = dir.join("pgbouncer.log");
        let stderr_log = dir.join("pgbouncer.stderr");
        let pidfile = dir.join("pgbouncer.pid");
        let read_log = || {
            format!(
                "{}\n{}",
                read_lossy(&stderr_log),
                if logfile.exists() {
                    read_lossy(&logfile)
                } else {
                    String::new()
                }
            )
        };

        let mut attempt = 0;
        loop {
            attempt += 1;
            let port = free_port();
            let mut text = format!(
                "[databases]\n* = host=127.0.0.1 port={}\n\n[pgbouncer]\n\
                 listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir = {}\n\
                 auth_type = trust\nauth_file = {}\nlogfile = {}\npidfile = {}\n\
                 admin_users = postgres\n; the pool settings under test, verbatim:\n",
                backend.port(),
                sock.display(),
                userlist.display(),
                logfile.display(),
                pidfile.display()
            );
            for (key, value) in pool_settings {
                text.push_str(&format!("{key} = {value}\n"));
            }
            fs::write(&ini, text).unwrap_or_else(|e| panic!("write {}: {e}", ini.display()));
            let _ = fs::remove_file(&pidfile);
            let _ = fs::remove_file(&logfile);
            dir.give_to_postgres();
            let out = File::create(&stderr_log)
                .unwrap_or_else(|e| panic!("create {}: {e}", stderr_log.display()));
            let err = out.try_clone().expect("clone the log file handle");
            let mut child = as_postgres(&bin)
                .arg(&ini)
                .stdin(Stdio::null())
                .stdout(out)
                .stderr(err)
                .spawn()
                .unwrap_or_else(|e| panic!("spawn pgbouncer: {e}"));
            // The socket in our own directory proves ours holds the port.
            let socket = sock.join(format!(".s.PGSQL.{port}"));
            let mut ready = || socket.exists() && TcpStream::connect(("127.0.0.1", port)).is_ok();
            match wait_started(
                "pgbouncer",
                &mut child,
                PGBOUNCER_STOP,
                &read_log,
                &mut ready,
            ) {
                Startup::Ready => return Ok(PgBouncer { child, port, dir }),
                Startup::Exited(text) if port_taken(&text) && attempt < PORT_ATTEMPTS => continue,
                Startup::Exited(text) => return Err(text),
            }
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// pgbouncer's log file so far.
    pub fn log(&self) -> String {
        read_lossy(&self.dir.join("pgbouncer.log"))
    }

    /// `SHOW <what>` on the admin console (database pgbouncer), e.g. "POOLS",
    /// "CONFIG", "STATS"; `|`-separated rows. Panics with psql's error.
    pub fn show(&self, what: &str) -> String {
        run_psql(
            self.port,
            "pgbouncer",
            &["-c", &format!("SHOW {what}")],
            None,
        )
        .unwrap_or_else(|e| panic!("pgbouncer SHOW {what} on port {}: {e}", self.port))
    }

    /// Stops pgbouncer, reaps it and removes its directory.
    pub fn stop(mut self) {
        stop_child(&mut self.child, PGBOUNCER_STOP);
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        stop_child(&mut self.child, PGBOUNCER_STOP);
    }
}

/// Starts `clients` psql processes at once (all spawned, then all awaited)
/// against 127.0.0.1:`port`, database and user postgres, each running `sql`;
/// each one's outcome: Ok(stdout) or Err(stderr), e.g. "sorry, too many
/// clients already" or "no more connections allowed". Bounded: connect
/// timeout 30 s, and after 120 s the children still running are killed by
/// PID and reported as Err("timeout").
pub fn concurrent_clients(port: u16, clients: usize, sql: &str) -> Vec<Result<String, String>> {
    // Output goes to files, so no pipe can fill up and block a client.
    let dir = TempDir::new("clients");
    let mut running: Vec<Result<Child, String>> = (0..clients)
        .map(|i| {
            let out =
                File::create(dir.join(format!("{i}.out"))).expect("create a client's stdout file");
            let err =
                File::create(dir.join(format!("{i}.err"))).expect("create a client's stderr file");
            psql_command(port, "postgres")
                .args(["-c", sql])
                .stdin(Stdio::null())
                .stdout(out)
                .stderr(err)
                .spawn()
                .map_err(|e| format!("spawn psql: {e}"))
        })
        .collect();
    let deadline = Instant::now() + CLIENTS_DEADLINE;
    let mut status: Vec<Option<Result<ExitStatus, String>>> = running
        .iter()
        .map(|c| c.as_ref().err().map(|e| Err(e.clone())))
        .collect();
    while status.iter().any(Option::is_none) {
        let late = Instant::now() >= deadline;
        for (child, slot) in running.iter_mut().zip(status.iter_mut()) {
            let (Ok(child), None) = (child, &slot) else {
                continue;
            };
            match child.try_wait() {
                Ok(Some(s)) => *slot = Some(Ok(s)),
                Err(e) => *slot = Some(Err(format!("wait for psql: {e}"))),
                Ok(None) if late => {
                    // Still ours and unreaped: SIGKILL by its PID, then reap.
                    let _ = child.kill();
                    let _ = child.wait();
                    *slot = Some(Err("timeout".into()));
                }
                Ok(None) => {}
            }
        }
        std::thread::sleep(POLL);
    }
    status
        .into_iter()
        .enumerate()
        .map(|(i, s)| match s.expect("every client has an outcome") {
            Ok(s) if s.success() => {
                Ok(read_lossy(&dir.join(format!("{i}.out"))).trim().to_string())
            }
            Ok(s) => {
                let err = read_lossy(&dir.join(format!("{i}.err"))).trim().to_string();
                Err(if err.is_empty() {
                    format!("psql {s}")
                } else {
                    err
                })
            }
            Err(e) => Err(e),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Redis

/// Options the harness passes first; an override must not set them.
const REDIS_HARNESS_OWNED: &[&str] = &["port", "bind", "dir", "daemonize", "logfile"];

/// A Redis of our own on 127.0.0.1, its data in its own directory; stopped
/// on drop.
pub struct Redis {
    child: Child,
    port: u16,
    dir: TempDir,
}

impl Redis {
    /// [`Redis::try_start`], panicking with its log if it refused.
    pub fn start(args: &[String]) -> Redis {
        Redis::try_start(args)
            .unwrap_or_else(|log| panic!("redis-server {args:?} refused to start:\n{log}"))
    }

    /// `redis-server --port P --bind 127.0.0.1 --dir D --daemonize no
    /// --logfile D/redis.log <args…>`: `args` are the ones after
    /// "redis-server" in the compose `command:`, kept intact and last. In
    /// Redis the last occurrence of an option wins, and the harness's
    /// options cannot override the override's: none of them may appear in
    /// `args` (asserted). Waits until PING answers PONG. Err(log) if it exits
    /// first (e.g. an invalid maxmemory).
    pub fn try_start(args: &[String]) -> Result<Redis, String> {
        if let Some(first) = args.first() {
            assert!(
                first.starts_with("--"),
                "redis-server {args:?}: a configuration file argument is not supported, \
                 only --options"
            );
        }
        for arg in args {
            if let Some(name) = arg.strip_prefix("--") {
                assert!(
                    !REDIS_HARNESS_OWNED.contains(&name.to_lowercase().as_str()),
                    "redis-server {args:?} sets --{name}, which the harness owns \
                     ({REDIS_HARNESS_OWNED:?})"
                );
            }
        }
        let bin = tool("redis-server", "redis-server");
        tool("redis-cli", "redis-tools");
        let dir = TempDir::new("redis");
        let log = dir.join("redis.log");
        let stderr_log = dir.join("redis.stderr");
        let read_log = || format!("{}\n{}", read_lossy(&stderr_log), read_lossy(&log));
        let mut attempt = 0;
        loop {
            attempt += 1;
            let port = free_port();
            let _ = fs::remove_file(&log);
            let out = File::create(&stderr_log)
                .unwrap_or_else(|e| panic!("create {}: {e}", stderr_log.display()));
            let err = out.try_clone().expect("clone the log file handle");
            let mut child = Command::new(&bin)
                .arg("--port")
                .arg(port.to_string())
                .args(["--bind", "127.0.0.1", "--dir"])
                .arg(dir.path())
                .args(["--daemonize", "no", "--logfile"])
                .arg(&log)
                .args(args)
                .stdin(Stdio::null())
                .stdout(out)
                .stderr(err)
                .spawn()
                .unwrap_or_else(|e| panic!("spawn redis-server: {e}"));
            let pid = child.id().to_string();
            // process_id in INFO proves that ours answers on that port.
            let mut ready = || {
                redis_cli(port, &["PING"]).as_deref() == Ok("PONG")
                    && redis_cli(port, &["INFO", "server"])
                        .map(|info| {
                            info_value(&info, "process_id").as_deref() == Some(pid.as_str())
                        })
                        .unwrap_or(false)
            };
            match wait_started(
                "redis-server",
                &mut child,
                REDIS_STOP,
                &read_log,
                &mut ready,
            ) {
                Startup::Ready => return Ok(Redis { child, port, dir }),
                Startup::Exited(text) if port_taken(&text) && attempt < PORT_ATTEMPTS => continue,
                Startup::Exited(text) => return Err(text),
            }
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Redis's data directory (RDB, AOF), removed on drop.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// redis.log so far.
    pub fn log(&self) -> String {
        read_lossy(&self.dir.join("redis.log"))
    }

    /// `redis-cli -e -p PORT args…`: the reply (raw, trailing newline
    /// removed), or Err with an error reply (e.g. "OOM command not allowed…").
    pub fn cli(&self, args: &[&str]) -> Result<String, String> {
        redis_cli(self.port, args)
    }

    /// `INFO <section>`; panics on an error reply.
    pub fn info(&self, section: &str) -> String {
        self.cli(&["INFO", section])
            .unwrap_or_else(|e| panic!("INFO {section} on port {}: {e}", self.port))
    }

    /// One `field:value` of `INFO <section>`, e.g. ("memory", "used_memory").
    pub fn info_field(&self, section: &str, field: &str) -> Option<String> {
        info_value(&self.info(section), field)
    }

    /// VmRSS of redis-server, KiB.
    pub fn rss_kib(&self) -> u64 {
        proc_status_kib(self.pid(), "VmRSS")
    }

    /// VmHWM of redis-server: its peak resident set so far, KiB.
    pub fn rss_peak_kib(&self) -> u64 {
        proc_status_kib(self.pid(), "VmHWM")
    }

    /// SETs `k:0`, `k:1`, … (a second call overwrites the same keys) with
    /// `value_size`-byte values until `bytes_total` bytes of values were
    /// sent, through `redis-cli --pipe` (RESP generated here), and returns
    /// every error reply, e.g. "OOM command not allowed when used memory >
    /// 'maxmemory'.". Empty when every SET succeeded.
    pub fn fill(&self, bytes_total: u64, value_size: usize) -> Vec<String> {
        assert!(value_size > 0, "fill: value_size must be > 0");
        let count = bytes_total.div_ceil(value_size as u64);
        let mut child = Command::new(tool("redis-cli", "redis-tools"))
            .args(["-h", "127.0.0.1", "-p"])
            .arg(self.port.to_string())
            .arg("--pipe")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn redis-cli --pipe");
        let stdin = child.stdin.take().expect("redis-cli's stdin is piped");
        let writer = std::thread::spawn(move || -> std::io::Result<()> {
            let mut w = BufWriter::with_capacity(1 << 16, stdin);
            let value = vec![b'v'; value_size];
            for i in 0..count {
                let key = format!("k:{i}");
                write!(
                    w,
                    "*3\r\n$3\r\nSET\r\n${}\r\n{key}\r\n${value_size}\r\n",
                    key.len()
                )?;
                w.write_all(&value)?;
                w.write_all(b"\r\n")?;
            }
            w.flush()
        });
        let out = child.wait_with_output().expect("wait for redis-cli --pipe");
        let written = writer.join().expect("the RESP writer thread panicked");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The summary line: "errors: N, replies: M".
        let summary = stdout
            .lines()
            .find_map(|l| {
                let rest = l.strip_prefix("errors: ")?;
                let (errors, replies) = rest.split_once(", replies: ")?;
                Some((errors.parse::<u64>().ok()?, replies.trim().parse::<u64>().ok()?))
            })
            .unwrap_or_else(|| {
                panic!(
                    "redis-cli --pipe gave no summary ({}; writer: {written:?}):\n{stdout}\n{stderr}",
                    out.status
                )
            });
        let errors: Vec<String> = stderr
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        assert!(
            errors.len() as u64 >= summary.0,
            "redis-cli --pipe counted {} errors but printed {}:\n{stderr}",
            summary.0,
            errors.len()
        );
        errors
    }

    /// Stops Redis (SIGTERM), reaps it and removes its directory.
    pub fn stop(mut self) {
        stop_child(&mut self.child, REDIS_STOP);
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        stop_child(&mut self.child, REDIS_STOP);
    }
}

fn redis_cli(port: u16, args: &[&str]) -> Result<String, String> {
    let out = Command::new(tool("redis-cli", "redis-tools"))
        .args(["-e", "-h", "127.0.0.1", "-p"])
        .arg(port.to_string())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run redis-cli");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let text = stdout.strip_suffix('\n').unwrap_or(&stdout).to_string();
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("{text}{}", String::from_utf8_lossy(&out.stderr))
            .trim()
            .to_string())
    }
}

/// `field:value` from INFO's text.
fn info_value(info: &str, field: &str) -> Option<String> {
    info.lines().find_map(|l| {
        let (k, v) = l.trim_end_matches('\r').split_once(':')?;
        (k == field).then(|| v.to_string())
    })
}

// ---------------------------------------------------------------------------
// Node

/// Keeps ~1 KiB objects (an object, a 100-double array, a short string)
/// reachable from a global array until V8 aborts with "JavaScript heap out
/// of memory": node then exits non-zero (SIGABRT, 134 through
/// /usr/bin/time), and the peak RSS is the process at its heap limit.
pub const FILL_HEAP_JS: &str = "\
globalThis.kept = [];
for (let i = 0; ; i++) {
  const row = new Array(100);
  for (let j = 0; j < 100; j++) row[j] = i + j / 2;
  globalThis.kept.push({ id: i, row, tag: 'r' + i });
}";

/// `/usr/bin/time -q -f %M node -e script` with `NODE_OPTIONS=node_options`:
/// (peak resident KiB as time printed it on its last stderr line, the exit
/// status — a signal N shows as code 128+N, time's convention — and node's
/// own stderr).
pub fn node_peak_rss_kib(node_options: &str, script: &str) -> (u64, ExitStatus, String) {
    let run = node_run(node_options, script, &[]);
    (run.peak_kib, run.status, run.stderr)
}

/// What one `node -e` run under `/usr/bin/time` left behind.
#[derive(Debug)]
pub struct NodeRun {
    /// Peak resident set, KiB (`%M`).
    pub peak_kib: u64,
    /// A signal N shows as code 128+N, time's convention.
    pub status: ExitStatus,
    /// Node's own stderr, without time's line.
    pub stderr: String,
    pub stdout: String,
    pub elapsed: Duration,
}

/// [`node_peak_rss_kib`] with extra environment variables, keeping stdout.
pub fn node_run(node_options: &str, script: &str, env: &[(&str, &str)]) -> NodeRun {
    let time = fixed("/usr/bin/time", "time");
    let node = tool("node", "nodejs");
    let started = Instant::now();
    let out = Command::new(&time)
        .args(["-q", "-f", "%M"])
        .arg(&node)
        .arg("-e")
        .arg(script)
        .env("NODE_OPTIONS", node_options)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run /usr/bin/time node");
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let trimmed = stderr.trim_end();
    let (node_err, last) = trimmed.rsplit_once('\n').unwrap_or(("", trimmed));
    let peak_kib = last.trim().parse::<u64>().unwrap_or_else(|e| {
        panic!(
            "/usr/bin/time printed no peak RSS as its last line ({e}; {}):\n{stderr}",
            out.status
        )
    });
    NodeRun {
        peak_kib,
        status: out.status,
        stderr: node_err.to_string(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        elapsed,
    }
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn postgres_flag_names_cover_the_spellings() {
        let flags = strings(&[
            "-c",
            "shared_buffers=300MB",
            "-cwork_mem=4MB",
            "--max-connections=50",
            "-B",
            "10MB",
            "-N100",
            "-F",
        ]);
        assert_eq!(
            postgres_flag_names(&flags),
            [
                "shared_buffers",
                "work_mem",
                "max_connections",
                "shared_buffers",
                "max_connections",
                "fsync"
            ]
        );
    }

    #[test]
    fn kib_fields_reads_smaps_and_status_lines() {
        let f = kib_fields("Rss:  120 kB\nPrivate_Dirty: 8 kB\nName:\tredis\nVmHWM:\t  99 kB\n");
        assert_eq!(f.get("Rss"), Some(&120));
        assert_eq!(f.get("Private_Dirty"), Some(&8));
        assert_eq!(f.get("VmHWM"), Some(&99));
        assert_eq!(f.get("Name"), None);
    }

    #[test]
    fn info_value_finds_a_field() {
        let info = "# Server\r\nredis_version:7.0.15\r\nprocess_id:42\r\n";
        assert_eq!(info_value(info, "process_id").as_deref(), Some("42"));
        assert_eq!(info_value(info, "nope"), None);
    }
}
