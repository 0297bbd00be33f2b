//! pgbench against a PostgreSQL of the harness ([`Postgres`]), with what a
//! capacity test needs from each run: the throughput, the CPU time of
//! PostgreSQL's processes, the CPU time the hypervisor took (/proc/stat's
//! steal), and every transaction's latency from pgbench's per-transaction
//! log (`-l`).
//!
//! pgbench 15 writes one line per transaction:
//! `client_id transaction_no time script_no time_epoch time_us [schedule_lag]`.
//! With `--rate` the `time` already counts from the transaction's scheduled
//! start (pgbench.c: `latency = now - txn_scheduled`), so it includes the
//! schedule lag and is free of coordinated omission; the lag column says how
//! much of it was spent waiting for a free client.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::servers::{child_pids, libpq_environment, pg_bin, tool, Postgres, TempDir};

/// pgbench 15: `$HEADROOM_PG_BIN/pgbench`, default
/// /usr/lib/postgresql/15/bin/pgbench (Debian's postgresql-15).
pub fn pgbench_bin() -> PathBuf {
    pg_bin("pgbench")
}

/// `taskset -c <cpu> chrt -f <priority>`: a launcher that pins what it runs
/// to one CPU at real-time (FIFO) priority; both tools from util-linux.
pub fn pinned_realtime(cpu: usize, priority: u32) -> Vec<String> {
    vec![
        tool("taskset", "util-linux").display().to_string(),
        "-c".into(),
        cpu.to_string(),
        tool("chrt", "util-linux").display().to_string(),
        "-f".into(),
        priority.to_string(),
    ]
}

/// Keeps CPUs from going idle while it lives: one busy loop per CPU at the
/// lowest scheduling class (`chrt -i 0`, SCHED_IDLE), which any other task
/// (and at once a real-time one) preempts. On a virtual machine an idle vCPU
/// halts and is woken through the hypervisor, which can take milliseconds;
/// a request arriving at an idle server then waits for that wake-up, which a
/// dedicated server's CPU does not make it do. Stopped by PID when dropped.
pub struct KeepAwake(Vec<std::process::Child>);

impl KeepAwake {
    pub fn on(cpus: &[usize]) -> KeepAwake {
        let taskset = tool("taskset", "util-linux");
        let chrt = tool("chrt", "util-linux");
        KeepAwake(
            cpus.iter()
                .map(|cpu| {
                    Command::new(&taskset)
                        .args(["-c", &cpu.to_string()])
                        .arg(&chrt)
                        .args(["-i", "0", "sh", "-c", "while :; do :; done"])
                        .stdin(Stdio::null())
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .spawn()
                        .unwrap_or_else(|e| panic!("start a busy loop on CPU {cpu}: {e}"))
                })
                .collect(),
        )
    }
}

impl Drop for KeepAwake {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Panics with what to do unless this process may start real-time (FIFO)
/// processes at `priority` (root, or CAP_SYS_NICE, and a kernel that allows it).
pub fn require_realtime(priority: u32) {
    let chrt = tool("chrt", "util-linux");
    let out = Command::new(&chrt)
        .args(["-f", &priority.to_string(), "true"])
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e}", chrt.display()));
    assert!(
        out.status.success(),
        "`chrt -f {priority} true` failed: this test runs PostgreSQL and pgbench at real-time \
         priority and needs root (or CAP_SYS_NICE): {}",
        String::from_utf8_lossy(&out.stderr).trim()
    );
}

/// One pgbench run: `clients` connections (one thread), for `seconds`,
/// Poisson arrivals at `rate` a second, or a closed loop when `None`.
#[derive(Clone, Copy, Debug)]
pub struct Load {
    pub rate: Option<f64>,
    pub clients: u32,
    pub seconds: u32,
}

/// One line of pgbench's per-transaction log.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transaction {
    pub client: u32,
    /// From the scheduled start (with `--rate`) to the end, microseconds.
    pub latency_us: u64,
    /// When it ended, microseconds since the Unix epoch.
    pub finished_us: u64,
    /// Scheduled start to actual start, microseconds (`--rate` only).
    pub lag_us: Option<u64>,
}

/// Reads one log line; Err names what is wrong with it.
pub fn parse_log_line(line: &str) -> Result<Transaction, String> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    if !(6..=8).contains(&fields.len()) {
        return Err(format!("{line:?}: expected 6 to 8 fields"));
    }
    let number = |i: usize| -> Result<u64, String> {
        fields[i]
            .parse::<u64>()
            .map_err(|e| format!("{line:?}: field {} ({:?}): {e}", i + 1, fields[i]))
    };
    let client = u32::try_from(number(0)?).map_err(|e| format!("{line:?}: client: {e}"))?;
    let latency_us = number(2)?;
    let finished_us = number(4)? * 1_000_000 + number(5)?;
    let lag_us = if fields.len() >= 7 {
        Some(number(6)?)
    } else {
        None
    };
    Ok(Transaction {
        client,
        latency_us,
        finished_us,
        lag_us,
    })
}

/// What one run measured.
#[derive(Clone, Debug)]
pub struct Measured {
    pub load: Load,
    /// Every transaction, in order of completion.
    pub transactions: Vec<Transaction>,
    /// pgbench's wall time, seconds.
    pub seconds: f64,
    /// CPU time of PostgreSQL's processes over the run, seconds.
    pub postgres_cpu_s: f64,
    /// pgbench's own "latency average", ms.
    pub summary_latency_ms: f64,
    /// Share of the run's wall time the hypervisor gave the server's CPU
    /// and the load's CPU to others (/proc/stat's steal).
    pub steal: (f64, f64),
}

impl Measured {
    /// Transactions a second over the run.
    pub fn throughput(&self) -> f64 {
        self.transactions.len() as f64 / self.seconds
    }

    /// PostgreSQL's busy share of one CPU: its CPU seconds ÷ wall seconds.
    pub fn utilisation(&self) -> f64 {
        self.postgres_cpu_s / self.seconds
    }

    /// The utilisation law's service demand D = U / X, seconds of CPU per
    /// transaction.
    pub fn demand_s(&self) -> f64 {
        self.postgres_cpu_s / self.transactions.len() as f64
    }

    /// The service demand in wall time on a virtual machine: D ÷ (1 − the
    /// server CPU's steal). While the hypervisor runs others on that CPU a
    /// query in progress waits, so each second of CPU takes longer.
    pub fn wall_demand_s(&self) -> f64 {
        self.demand_s() / (1.0 - self.steal.0)
    }

    /// PostgreSQL's utilisation in wall time, as [`Measured::wall_demand_s`].
    pub fn wall_utilisation(&self) -> f64 {
        self.utilisation() / (1.0 - self.steal.0)
    }

    /// Latencies in seconds of the transactions that ended `warm_up_s` or
    /// more after the first one, sorted.
    pub fn latencies_after(&self, warm_up_s: f64) -> Vec<f64> {
        let first = self
            .transactions
            .first()
            .map(|t| t.finished_us)
            .unwrap_or_default();
        let from = first + (warm_up_s * 1e6) as u64;
        let mut out: Vec<f64> = self
            .transactions
            .iter()
            .filter(|t| t.finished_us >= from)
            .map(|t| t.latency_us as f64 / 1e6)
            .collect();
        out.sort_by(f64::total_cmp);
        out
    }
}

/// The `q` quantile of sorted `values` (nearest rank); NaN if empty.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Mean and C² (variance ÷ mean²) of `values`.
pub fn mean_and_scv(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, variance / (mean * mean))
}

/// Runs pgbench with `script` against `pg` under `launcher` (e.g.
/// [`pinned_realtime`] on the other CPU), and measures it; `server_cpu` is
/// the CPU PostgreSQL is pinned to, `load_cpu` pgbench's. Panics with pgbench's output if it fails.
pub fn run(
    pg: &Postgres,
    script: &Path,
    load: Load,
    launcher: &[String],
    server_cpu: usize,
    load_cpu: usize,
) -> Measured {
    let dir = TempDir::new("pgbench");
    let prefix = dir.join("tx");
    let postmaster = pg.pid();
    let background = child_pids(postmaster).len();
    let ticks = clock_ticks_per_second();

    let (program, args) = launcher
        .split_first()
        .map(|(p, a)| (PathBuf::from(p), a.to_vec()))
        .unwrap_or_else(|| (pgbench_bin(), Vec::new()));
    let mut cmd = Command::new(program);
    cmd.args(args);
    if !launcher.is_empty() {
        cmd.arg(pgbench_bin());
    }
    cmd.args(["-h", "127.0.0.1", "-p"])
        .arg(pg.port().to_string())
        .args(["-U", "postgres", "-n", "-f"])
        .arg(script)
        .args(["-c", &load.clients.to_string(), "-j", "1"])
        .args(["-T", &load.seconds.to_string(), "-l"])
        .arg(format!("--log-prefix={}", prefix.display()));
    if let Some(rate) = load.rate {
        cmd.args(["-R", &format!("{rate:.3}")]);
    }
    cmd.arg("postgres").stdin(Stdio::null());
    libpq_environment(&mut cmd);

    let cpu_before = postgres_cpu_ticks(postmaster);
    let steal_before = (steal_ticks(server_cpu), steal_ticks(load_cpu));
    let start = Instant::now();
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("run pgbench ({}): {e}", pgbench_bin().display()));
    let seconds = start.elapsed().as_secs_f64();
    let steal_after = (steal_ticks(server_cpu), steal_ticks(load_cpu));
    // The backends leave with pgbench: once the postmaster has reaped them,
    // their CPU time is in its cutime and cstime.
    let deadline = Instant::now() + Duration::from_secs(10);
    while child_pids(postmaster).len() > background && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let cpu_after = postgres_cpu_ticks(postmaster);

    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "pgbench {load:?} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    let summary_latency_ms = stdout
        .lines()
        .find_map(|l| l.strip_prefix("latency average = "))
        .and_then(|rest| rest.trim_end_matches(" ms").trim().parse::<f64>().ok())
        .unwrap_or_else(|| panic!("pgbench printed no latency average:\n{stdout}"));

    let mut transactions = Vec::new();
    for entry in fs::read_dir(dir.path())
        .expect("read pgbench's log directory")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("tx.") {
            continue;
        }
        let text = fs::read_to_string(entry.path())
            .unwrap_or_else(|e| panic!("read pgbench's log {name}: {e}"));
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            transactions.push(parse_log_line(line).unwrap_or_else(|e| panic!("{name}: {e}")));
        }
    }
    assert!(
        !transactions.is_empty(),
        "pgbench {load:?} logged no transaction:\n{stdout}\n{stderr}"
    );
    transactions.sort_by_key(|t| t.finished_us);

    Measured {
        load,
        transactions,
        seconds,
        postgres_cpu_s: (cpu_after - cpu_before) as f64 / ticks,
        summary_latency_ms,
        steal: (
            (steal_after.0 - steal_before.0) as f64 / ticks / seconds,
            (steal_after.1 - steal_before.1) as f64 / ticks / seconds,
        ),
    }
}

/// Fields after the command name of /proc/<pid>/stat (the name may hold
/// spaces and parentheses): field 3 of proc(5) is index 0.
fn stat_fields(pid: u32) -> Option<Vec<u64>> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &text[text.rfind(')')? + 1..];
    Some(
        rest.split_whitespace()
            .map(|f| f.parse::<u64>().unwrap_or(0))
            .collect(),
    )
}

/// CPU clock ticks used by PostgreSQL so far: the postmaster's own
/// (utime + stime) and its reaped children's (cutime + cstime), plus the
/// running children's utime + stime.
pub fn postgres_cpu_ticks(postmaster: u32) -> u64 {
    let own = stat_fields(postmaster)
        .unwrap_or_else(|| panic!("read /proc/{postmaster}/stat: is PostgreSQL running?"));
    // utime, stime, cutime, cstime: fields 14 to 17 of proc(5).
    let mut ticks: u64 = own[11..15].iter().sum();
    for child in child_pids(postmaster) {
        if let Some(f) = stat_fields(child) {
            ticks += f[11] + f[12];
        }
    }
    ticks
}

fn cpu_fields(cpu: usize) -> Vec<u64> {
    let text = fs::read_to_string("/proc/stat").expect("read /proc/stat");
    let label = format!("cpu{cpu}");
    let line = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some(label.as_str()))
        .unwrap_or_else(|| panic!("/proc/stat has no {label}: this test needs 2 CPUs"));
    line.split_whitespace()
        .skip(1)
        .map(|f| f.parse().unwrap_or(0))
        .collect()
}

/// Clock ticks the hypervisor gave `cpu` to others so far (/proc/stat's steal).
pub fn steal_ticks(cpu: usize) -> u64 {
    cpu_fields(cpu).get(7).copied().unwrap_or(0)
}

/// The kernel's USER_HZ, the unit of /proc's CPU times (`getconf CLK_TCK`).
pub fn clock_ticks_per_second() -> f64 {
    let out = Command::new(tool("getconf", "libc-bin"))
        .arg("CLK_TCK")
        .output()
        .expect("run getconf CLK_TCK");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse::<f64>()
        .unwrap_or_else(|e| panic!("getconf CLK_TCK: {e}"))
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn reads_log_lines_with_and_without_lag() {
        // Lines pgbench 15.20 (Debian 15.20-0+deb12u1) wrote here, with
        // `-l -R 240` and with `-l` alone.
        let throttled = parse_log_line("2 1 5357 0 1796062844 393843 24").unwrap();
        assert_eq!(
            throttled,
            Transaction {
                client: 2,
                latency_us: 5_357,
                finished_us: 1_796_062_844_393_843,
                lag_us: Some(24),
            }
        );
        let closed = parse_log_line("1 1 7198 0 1796062936 352793").unwrap();
        assert_eq!(closed.lag_us, None);
        assert_eq!(closed.latency_us, 7_198);
        assert!(parse_log_line("0 1 2").is_err());
        assert!(parse_log_line("0 1 x 0 1 2").is_err());
    }

    #[test]
    fn quantile_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(quantile(&v, 0.95), 95.0);
        assert_eq!(quantile(&v, 1.0), 100.0);
        assert_eq!(quantile(&[7.0], 0.5), 7.0);
        assert!(quantile(&[], 0.5).is_nan());
    }
}
