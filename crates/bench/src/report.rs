//! The benchmark's table, its gates, and `docs/performance.md`.

use std::fmt::Write as _;
use std::path::Path;

/// One measured scenario at one concurrency on one database.
pub struct Row {
    /// `sqlite` or `postgres`.
    pub database: String,
    /// What was requested.
    pub scenario: String,
    /// Concurrent clients.
    pub clients: usize,
    /// Median latency.
    pub p50_ms: f64,
    /// 99th percentile latency.
    pub p99_ms: f64,
    /// Requests per second.
    pub rate: f64,
    /// The bare axum route's requests per second for the same bytes.
    pub ceiling: Option<f64>,
    /// The server's CPU time per answer, in microseconds.
    pub server_cpu_us: f64,
}

impl Row {
    /// One line for the console.
    pub fn line(&self) -> String {
        format!(
            "{:<34} {:>2} clients  p50 {:>7.2} ms  p99 {:>7.2} ms  {:>8.0} req/s  server CPU {:>6.0} µs/req{}",
            self.scenario,
            self.clients,
            self.p50_ms,
            self.p99_ms,
            self.rate,
            self.server_cpu_us,
            self.ceiling
                .map(|c| format!("  (ceiling {c:.0}, {:.0} %)", 100.0 * self.rate / c))
                .unwrap_or_default()
        )
    }
}

/// A figure the issue requires.
pub struct Gate {
    /// What is checked.
    pub name: String,
    /// Measured value.
    pub value: f64,
    /// The bound.
    pub bound: f64,
    /// Whether the value must stay below the bound (else reach it).
    pub below: bool,
    /// Unit for the table.
    pub unit: &'static str,
}

impl Gate {
    /// Whether the gate is met.
    pub fn passed(&self) -> bool {
        if self.below {
            self.value < self.bound
        } else {
            self.value >= self.bound
        }
    }
}

fn find<'a>(rows: &'a [Row], scenario: &str, clients: usize) -> Option<&'a Row> {
    rows.iter()
        .find(|r| r.scenario.starts_with(scenario) && r.clients == clients)
}

/// The gates for one database's rows.
pub fn gates(database: &str, rows: &[Row]) -> Vec<Gate> {
    let mut gates = Vec::new();
    if let Some(r) = find(rows, "board list", 8) {
        gates.push(Gate {
            name: format!("{database}: board list p99 at 8 clients under 10 ms"),
            value: r.p99_ms,
            bound: 10.0,
            below: true,
            unit: "ms",
        });
    }
    // Three times a plain SeaORM query of the same page (docs/performance.md, "Baseline").
    let page_bound = if database == "sqlite" { 2250.0 } else { 4200.0 };
    if let Some(r) = find(rows, "200-activity page", 32) {
        gates.push(Gate {
            name: format!("{database}: 200-activity page at 32 clients at least {page_bound:.0} req/s"),
            value: r.rate,
            bound: page_bound,
            below: false,
            unit: "req/s",
        });
    }
    let best = |scenario: &str| {
        rows.iter()
            .filter(|r| r.scenario == scenario)
            .map(|r| r.rate)
            .fold(0.0, f64::max)
    };
    let best_one = best("one activity");
    // An integrator's read is as fast as a browser's (issue 16): within the
    // noise of two runs of one machine.
    gates.push(Gate {
        name: format!("{database}: one activity with an API token at least 90 % of the session's rate"),
        value: 100.0 * best("one activity, API token") / best_one.max(1.0),
        bound: 90.0,
        below: false,
        unit: "%",
    });
    gates.push(Gate {
        name: format!("{database}: one activity with a session at least 6000 req/s"),
        value: best_one,
        bound: 6000.0,
        below: false,
        unit: "req/s",
    });
    gates
}

/// The Markdown table of a run.
pub fn table(rows: &[Row], gates: &[Gate], activities: usize, quick: bool) -> String {
    let mut out = String::new();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let _ = writeln!(
        out,
        "Measured {} with `cargo xtask bench{}`: {activities} activities in one plan, release build, \
         {cores} cores ({cpu}), load generator on the same machine.\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        if quick { " --quick" } else { "" }
    );
    let _ = writeln!(
        out,
        "| Database | Request | Clients | p50 (ms) | p99 (ms) | req/s | Server CPU per request (µs) | Bare axum, same bytes (req/s) | Share of ceiling |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        let (ceiling, share) = match r.ceiling {
            Some(c) => (format!("{c:.0}"), format!("{:.0} %", 100.0 * r.rate / c)),
            None => ("–".into(), "–".into()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {:.2} | {:.0} | {:.0} | {} | {} |",
            r.database, r.scenario, r.clients, r.p50_ms, r.p99_ms, r.rate, r.server_cpu_us, ceiling, share
        );
    }
    let _ = writeln!(out, "\n| Gate | Measured | Met |\n|---|---:|---|");
    for g in gates {
        let _ = writeln!(
            out,
            "| {} | {:.2} {} | {} |",
            g.name,
            g.value,
            g.unit,
            if g.passed() { "yes" } else { "**no**" }
        );
    }
    out
}

/// Replaces the generated part named `section` of `path` (between
/// `<!-- bench:{section}:start -->` and `<!-- bench:{section}:end -->`) with
/// `table`, or appends it when the markers are missing.
pub fn write_into(path: &Path, section: &str, table: &str) -> anyhow::Result<()> {
    let start = format!("<!-- bench:{section}:start -->");
    let end = format!("<!-- bench:{section}:end -->");
    let current = std::fs::read_to_string(path).unwrap_or_default();
    let generated = format!("{start}\n{table}{end}");
    let next = match (current.find(&start), current.find(&end)) {
        (Some(a), Some(b)) if a < b => format!("{}{generated}{}", &current[..a], &current[b + end.len()..]),
        _ => format!("{current}\n{generated}\n"),
    };
    std::fs::write(path, next)?;
    Ok(())
}
