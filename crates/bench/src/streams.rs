//! The live stream under load (issue 15): 200 connected streams (half of
//! them Azerbaijan's, half Georgia's), while a planner edits a shared
//! activity again and again; the latency is from sending each write to its
//! change arriving at each stream (an upper bound of commit-to-client, as
//! the commit happens inside the request). Every stream must see every
//! write.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use hdrhistogram::Histogram;
use http_body_util::BodyExt;
use hyper::{Method, StatusCode, header};
use tokio::sync::Mutex;

use super::report::{Gate, Row};
use super::{Server, connect, fetch, get, login, write_json};

/// Connected streams.
pub const STREAMS: usize = 200;

/// When each stream saw each version of the activity.
type Seen = Arc<Mutex<Vec<HashMap<i64, Instant>>>>;

/// Reads one stream until `until`, noting each change of `entity` by version.
async fn follow(
    mut body: hyper::body::Incoming,
    entity: String,
    index: usize,
    seen: Seen,
    until: Instant,
) -> anyhow::Result<()> {
    let mut buffer = String::new();
    loop {
        let frame = match tokio::time::timeout_at(until.into(), body.frame()).await {
            Err(_) | Ok(None) => return Ok(()),
            Ok(Some(frame)) => frame?,
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(&data));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            let is_change = event.lines().any(|l| l == "event: change");
            let data = event.lines().find_map(|l| l.strip_prefix("data: ")).unwrap_or_default();
            if !is_change {
                continue;
            }
            let change: serde_json::Value = serde_json::from_str(data)?;
            if change["entity_id"].as_str() == Some(entity.as_str())
                && let Some(version) = change["version"].as_i64()
            {
                seen.lock().await[index].entry(version).or_insert(now);
            }
        }
    }
}

fn etag(response: &hyper::Response<hyper::body::Incoming>) -> anyhow::Result<String> {
    response
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .context("an ETag")
}

/// Runs the scenario; a row of latencies and the gate (p99 under 100 ms).
pub async fn run(database: &str, server: &Server, year: i32, quick: bool) -> anyhow::Result<(Row, Gate)> {
    let addr = server.addr;
    let writer = login(addr, "az.planner").await?;
    let readers = [
        Arc::new(login(addr, "az.viewer").await?),
        Arc::new(login(addr, "ge.viewer").await?),
    ];
    // A shared activity, which both parties' streams carry.
    let (status, _, body) = fetch(
        addr,
        get(
            &format!("/api/v1/plans/{year}/activities?consent=pending&limit=1"),
            Some(&writer),
        ),
    )
    .await?;
    if status != StatusCode::OK {
        bail!("listing activities failed with {status}");
    }
    let page: serde_json::Value = serde_json::from_slice(&body)?;
    let id = page["items"][0]["id"].as_i64().context("a pending activity")?;
    let writes = if quick { 20 } else { 100 };
    let until = Instant::now() + Duration::from_secs(30 + writes as u64 / 5);
    let seen: Seen = Arc::new(Mutex::new(vec![HashMap::new(); STREAMS]));
    let (mut tasks, mut connections) = (Vec::new(), Vec::new());
    for index in 0..STREAMS {
        let reader = &readers[index % readers.len()];
        let mut sender = connect(addr).await?;
        let response = sender.send_request(get("/api/v1/events", Some(reader))).await?;
        if response.status() != StatusCode::OK {
            bail!("stream {index} answered {}", response.status());
        }
        tasks.push(tokio::spawn(follow(
            response.into_body(),
            id.to_string(),
            index,
            seen.clone(),
            until,
        )));
        // Kept until the end, so that no connection closes early.
        connections.push(sender);
    }
    // Every stream has said `ready` before the first write is timed.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let path = format!("/api/v1/activities/{id}");
    let mut sender = connect(addr).await?;
    let response = sender.send_request(get(&path, Some(&writer))).await?;
    let mut version = etag(&response)?;
    response.into_body().collect().await?;
    let mut sent: HashMap<i64, Instant> = HashMap::new();
    for n in 0..writes {
        let body = serde_json::json!({ "own_side": {
            "participants": 3 + n % 7,
            "responsible_unit": "International Military Cooperation Department",
            "point_of_contact": format!("Stream bench {n}"),
        }});
        let request = write_json(&path, Method::PATCH, &writer, Some(&version), body.to_string())?;
        let began = Instant::now();
        // hyper sends only on a connection that has finished the last exchange.
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        if response.status() != StatusCode::OK {
            bail!("write {n} answered {}", response.status());
        }
        version = etag(&response)?;
        response.into_body().collect().await?;
        let number: i64 = version.trim_matches('"').parse()?;
        sent.insert(number, began);
        // Writes a little apart, as people make them.
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // Every change has had ample time to arrive.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let complete = seen.lock().await.iter().all(|s| sent.keys().all(|v| s.contains_key(v)));
        if complete || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for task in &tasks {
        task.abort();
    }
    drop(connections);
    let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let mut missing = 0usize;
    for stream in seen.lock().await.iter() {
        for (v, began) in &sent {
            match stream.get(v) {
                Some(at) => histogram.saturating_record(
                    u64::try_from(at.saturating_duration_since(*began).as_micros()).unwrap_or(u64::MAX),
                ),
                None => missing += 1,
            }
        }
    }
    if missing > 0 {
        bail!(
            "{missing} of {} changes never reached their stream",
            sent.len() * STREAMS
        );
    }
    let row = Row {
        database: String::new(),
        scenario: format!("live stream: write to {STREAMS} streams ({writes} writes)"),
        clients: STREAMS,
        p50_ms: histogram.value_at_quantile(0.5) as f64 / 1000.0,
        p99_ms: histogram.value_at_quantile(0.99) as f64 / 1000.0,
        rate: 0.0,
        ceiling: None,
        server_cpu_us: 0.0,
    };
    println!("   {}", row.line());
    let gate = Gate {
        name: format!("{database}: a write reaches all {STREAMS} live streams, p99 under 100 ms"),
        value: row.p99_ms,
        bound: 100.0,
        below: true,
        unit: "ms",
    };
    Ok((row, gate))
}
