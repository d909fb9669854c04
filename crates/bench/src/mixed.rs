//! The mixed scenario (issue 16): both parties' planners and coordinators
//! at 64 concurrent clients, each on its own connection and session, reading
//! lists and activities and writing as their role allows (a planner edits
//! its party's side with `If-Match` and comments; a coordinator gives
//! consent with `If-Match` and comments). Reports throughput and p50/p99 per
//! operation, the answers that were not what the operation expects (which
//! must be none: a 412 from two writers of one activity is expected and
//! counted apart) and the server's resident memory before and after.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use hdrhistogram::Histogram;
use http_body_util::BodyExt;
use hyper::{Method, StatusCode, header};

use super::report::{Gate, Row};
use super::{Server, Timing, connect, fetch, get, login, write_json};

/// Concurrent clients.
pub const CLIENTS: usize = 64;

/// The four people, each client being one of them.
const USERS: [&str; 4] = ["az.planner", "ge.planner", "az.coordinator", "ge.coordinator"];

/// What a client does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    List,
    Read,
    Edit,
    Consent,
    Comment,
}

const OPS: [Op; 5] = [Op::List, Op::Read, Op::Edit, Op::Consent, Op::Comment];

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::List => "mixed: board list",
            Op::Read => "mixed: one activity",
            Op::Edit => "mixed: edit own side (If-Match)",
            Op::Consent => "mixed: consent (If-Match)",
            Op::Comment => "mixed: comment",
        }
    }

    fn index(self) -> usize {
        OPS.iter().position(|o| *o == self).unwrap_or(0)
    }
}

/// One client's tally.
struct Tally {
    histograms: Vec<Histogram<u64>>,
    unexpected: u64,
    samples: Vec<String>,
    stale: u64,
}

/// The server's resident memory in MB, from `/proc`.
fn resident_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs the scenario against a seeded server; rows per operation and the gates.
pub async fn run(
    database: &str,
    server: &Server,
    year: i32,
    timing: &Timing,
    quick: bool,
) -> anyhow::Result<(Vec<Row>, Vec<Gate>)> {
    let addr = server.addr;
    let mut sessions = Vec::new();
    for user in USERS {
        sessions.push(Arc::new(login(addr, user).await?));
    }
    // The shared activities both parties see and may act on.
    let (status, _, body) = fetch(
        addr,
        get(
            &format!("/api/v1/plans/{year}/activities?limit=500"),
            Some(&sessions[0]),
        ),
    )
    .await?;
    if status != StatusCode::OK {
        bail!("listing activities failed with {status}");
    }
    let page: serde_json::Value = serde_json::from_slice(&body)?;
    let ids: Vec<i64> = page["items"]
        .as_array()
        .context("a page has items")?
        .iter()
        .filter(|a| {
            matches!(
                a["consent"].as_str(),
                Some("pending" | "accepted_by_az" | "accepted_by_ge" | "accepted" | "changes_requested")
            )
        })
        .filter_map(|a| a["id"].as_i64())
        .collect();
    if ids.len() < CLIENTS {
        bail!(
            "the mixed scenario needs {CLIENTS} shared activities; the plan has {}",
            ids.len()
        );
    }
    let ids = Arc::new(ids);
    let list = Arc::new(format!("/api/v1/plans/{year}/activities?limit=50"));
    // A whole minute as the issue asks; a few seconds in the quick mode.
    let (warmup, measure) = if quick {
        (timing.warmup, Duration::from_secs(3))
    } else {
        (Duration::from_secs(2), Duration::from_secs(60))
    };
    let memory_before = resident_mb(server.child.id());
    let start = Instant::now() + Duration::from_millis(50);
    let measure_from = start + warmup;
    let until = measure_from + measure;
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let session = sessions[client % USERS.len()].clone();
        let planner = client % USERS.len() < 2;
        let (ids, list) = (ids.clone(), list.clone());
        let mut sender = connect(addr).await?;
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally {
                histograms: (0..OPS.len())
                    .map(|_| Histogram::<u64>::new_with_bounds(1, 60_000_000, 3))
                    .collect::<Result<_, _>>()?,
                unexpected: 0,
                samples: Vec::new(),
                stale: 0,
            };
            // Each client works through the activities from its own offset;
            // clients of one role meet on the same activity now and then.
            let (mut turn, mut version) = (client * 7, None::<String>);
            let cycle: [Op; 5] = if planner {
                [Op::List, Op::Read, Op::Edit, Op::Read, Op::Comment]
            } else {
                [Op::List, Op::Read, Op::Consent, Op::Read, Op::Comment]
            };
            tokio::time::sleep_until(start.into()).await;
            for step in 0usize.. {
                let t0 = Instant::now();
                if t0 >= until {
                    break;
                }
                let op = cycle[step % cycle.len()];
                if op == Op::Read && step % cycle.len() == 1 {
                    turn = turn.wrapping_add(1);
                }
                let path = format!("/api/v1/activities/{}", ids[turn % ids.len()]);
                let request = match op {
                    Op::List => get(&list, Some(&session)),
                    Op::Read => get(&path, Some(&session)),
                    Op::Edit => {
                        let body = serde_json::json!({ "own_side": {
                            "participants": 2 + (step % 11),
                            "responsible_unit": "International Military Cooperation Department",
                            "point_of_contact": format!("Bench client {client}"),
                        }});
                        write_json(&path, Method::PATCH, &session, version.as_deref(), body.to_string())?
                    }
                    Op::Consent => {
                        // Alternating, so that every decision changes something.
                        let body = if step % 2 == 0 {
                            serde_json::json!({ "decision": "accept" })
                        } else {
                            serde_json::json!({ "decision": "request_changes", "comment": "Please confirm the dates." })
                        };
                        write_json(
                            &format!("{path}/consent"),
                            Method::POST,
                            &session,
                            version.as_deref(),
                            body.to_string(),
                        )?
                    }
                    Op::Comment => write_json(
                        &format!("{path}/comments"),
                        Method::POST,
                        &session,
                        None,
                        serde_json::json!({ "body": format!("Noted by bench client {client}.") }).to_string(),
                    )?,
                };
                // A connection the server closed is an unexpected answer with
                // its cause, not the end of the run: the client reconnects.
                // hyper sends only on a connection that has finished the last
                // exchange: without `ready` a busy machine loses a request now
                // and then ("connection was not ready").
                let sent = match sender.ready().await {
                    Ok(()) => sender.send_request(request).await,
                    Err(err) => Err(err),
                };
                let response = match sent {
                    Ok(response) => response,
                    Err(err) => {
                        tally.unexpected += 1;
                        if tally.samples.len() < 3 {
                            tally.samples.push(format!(
                                "{} {path}: connection lost after {:.1} s ({err:?})",
                                op.name(),
                                start.elapsed().as_secs_f64()
                            ));
                        }
                        sender = connect(addr).await?;
                        continue;
                    }
                };
                let status = response.status();
                if op == Op::Read {
                    version = response
                        .headers()
                        .get(header::ETAG)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                }
                let body = response.into_body().collect().await?.to_bytes();
                let t1 = Instant::now();
                if t0 < measure_from {
                    continue;
                }
                let expected = match op {
                    Op::Comment => status == StatusCode::CREATED,
                    Op::Edit | Op::Consent if status == StatusCode::PRECONDITION_FAILED => {
                        tally.stale += 1;
                        true
                    }
                    _ => status == StatusCode::OK,
                };
                if !expected {
                    tally.unexpected += 1;
                    if tally.samples.len() < 3 {
                        tally.samples.push(format!(
                            "{} {path}: {status} {}",
                            op.name(),
                            String::from_utf8_lossy(&body).chars().take(200).collect::<String>()
                        ));
                    }
                }
                tally.histograms[op.index()]
                    .saturating_record(u64::try_from((t1 - t0).as_micros()).unwrap_or(u64::MAX));
            }
            anyhow::Ok(tally)
        }));
    }
    let mut histograms: Vec<Histogram<u64>> = (0..OPS.len())
        .map(|_| Histogram::<u64>::new_with_bounds(1, 60_000_000, 3))
        .collect::<Result<_, _>>()?;
    let (mut unexpected, mut samples, mut stale) = (0, Vec::new(), 0);
    for task in tasks {
        let tally = task.await??;
        for (total, h) in histograms.iter_mut().zip(&tally.histograms) {
            total.add(h)?;
        }
        unexpected += tally.unexpected;
        samples.extend(tally.samples);
        stale += tally.stale;
    }
    let memory_after = resident_mb(server.child.id());
    let seconds = measure.as_secs_f64();
    let mut rows = Vec::new();
    let mut total = 0;
    for op in OPS {
        let h = &histograms[op.index()];
        total += h.len();
        let row = Row {
            database: String::new(),
            scenario: op.name().to_owned(),
            clients: CLIENTS,
            p50_ms: h.value_at_quantile(0.5) as f64 / 1000.0,
            p99_ms: h.value_at_quantile(0.99) as f64 / 1000.0,
            rate: h.len() as f64 / seconds,
            ceiling: None,
            server_cpu_us: 0.0,
        };
        println!("   {}", row.line());
        rows.push(row);
    }
    let errors = unexpected;
    println!(
        "   mixed: {:.0} req/s in all, {stale} expected 412s, {errors} unexpected answers; server memory {memory_before:.0} MB before, {memory_after:.0} MB after",
        total as f64 / seconds
    );
    for line in samples.iter().take(5) {
        println!("     unexpected: {line}");
    }
    let gates = vec![
        Gate {
            name: format!("{database}: mixed at 64 clients, answers other than the expected ones and 412"),
            value: errors as f64,
            bound: 0.5,
            below: true,
            unit: "",
        },
        Gate {
            name: format!(
                "{database}: mixed at 64 clients, server memory after ({memory_before:.0} MB before) under 512 MB"
            ),
            value: memory_after,
            bound: 512.0,
            below: true,
            unit: "MB",
        },
    ];
    Ok((rows, gates))
}
