//! `concord-bench`, run by `cargo xtask bench`: seeds a plan with thousands
//! of activities of both parties, starts the release `concord` binary on
//! SQLite and on PostgreSQL, and measures p50/p99 latency and throughput of
//! what the board does (the first filtered page, a 200-activity page, one
//! activity read with a session, an update) at 8 and 32 concurrent clients.
//! In the same run a bare axum route returning the same bytes gives the
//! ceiling. Prints a table, checks the gates and (in full mode) writes the
//! table into `docs/performance.md`.
//!
//! The load comes from this process over loopback, one keep-alive HTTP/1.1
//! connection per client, like `wrk`; it shares the machine's cores with the
//! server, so the figures are what one machine serves to itself.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use axum::response::IntoResponse;
use bytes::Bytes;
use chrono::Datelike;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::{Method, Request, StatusCode, header};
use hyper_util::rt::TokioIo;

mod import;
mod mixed;
mod paper;
mod report;
mod spa;
mod streams;

use report::{Gate, Row};

/// The demo users' password in the benchmark's throw-away databases.
const PASSWORD: &str = "bench-password-2026";

/// Options from the command line.
struct Options {
    quick: bool,
    concord: PathBuf,
    out: Option<PathBuf>,
    databases: Vec<String>,
    activities: usize,
    enforce: bool,
    /// The release web app's directory: measure the SPA's rendering instead of the API.
    spa: Option<PathBuf>,
}

fn options() -> anyhow::Result<Options> {
    let mut o = Options {
        quick: false,
        concord: PathBuf::from("target/release/concord"),
        out: None,
        databases: vec!["sqlite".into(), "postgres".into()],
        activities: 0,
        enforce: true,
        spa: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => o.quick = true,
            "--report-only" => o.enforce = false,
            "--concord" => o.concord = args.next().context("--concord needs a path")?.into(),
            "--spa" => o.spa = Some(args.next().context("--spa needs the web app's directory")?.into()),
            "--out" => o.out = Some(args.next().context("--out needs a path")?.into()),
            "--databases" => {
                o.databases = args
                    .next()
                    .context("--databases needs sqlite,postgres")?
                    .split(',')
                    .map(str::to_owned)
                    .collect();
            }
            "--activities" => {
                o.activities = args.next().context("--activities needs a number")?.parse()?;
            }
            other => bail!(
                "unknown argument {other}; use --quick, --report-only, --concord PATH, --out FILE, --databases sqlite,postgres, --activities N, --spa DIST"
            ),
        }
    }
    if o.activities == 0 && o.spa.is_some() {
        // The figure: a plan of 500 activities on the board.
        o.activities = 500;
    }
    if o.activities == 0 {
        // Quick runs seed less: seeding, not measuring, is what takes time.
        o.activities = if o.quick { 1000 } else { 5000 };
    }
    Ok(o)
}

fn main() -> anyhow::Result<()> {
    let options = options()?;
    // The load generator gets as many workers as the server: the two share the machine.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    if options.spa.is_some() {
        return runtime.block_on(spa::run(options));
    }
    runtime.block_on(run(options))
}

/// How long each measurement warms up and runs.
struct Timing {
    warmup: Duration,
    measure: Duration,
}

async fn run(options: Options) -> anyhow::Result<()> {
    let timing = if options.quick {
        Timing {
            warmup: Duration::from_millis(300),
            measure: Duration::from_millis(1500),
        }
    } else {
        Timing {
            warmup: Duration::from_secs(1),
            measure: Duration::from_secs(5),
        }
    };
    let ceiling = Ceiling::start()?;
    let mut rows = Vec::new();
    let mut gates = vec![paper::gate(options.quick)?];
    for database in &options.databases {
        let db = Database::create(database).await?;
        println!("== {database}: seeding {} activities", options.activities);
        let seeded = Instant::now();
        let year = chrono::Utc::now().year() + 1;
        seed(&db, year, options.activities).await?;
        println!("   seeded in {:.1} s", seeded.elapsed().as_secs_f64());
        let server = Server::start(&options.concord, &db, None).await?;
        let session = login(server.addr, "az.planner").await?;
        let mut results = measure(&server, &ceiling, &session, year, &timing).await?;
        gates.extend(report::gates(database, &results));
        let (mixed, mixed_gates) = mixed::run(database, &server, year, &timing, options.quick).await?;
        results.extend(mixed);
        gates.extend(mixed_gates);
        let (streamed, stream_gate) = streams::run(database, &server, year, options.quick).await?;
        results.push(streamed);
        gates.push(stream_gate);
        gates.push(import::gate(database, &server, year).await?);
        drop(server);
        db.drop_database().await?;
        rows.extend(results.into_iter().map(|mut r| {
            r.database = database.clone();
            r
        }));
    }
    let table = report::table(&rows, &gates, options.activities, options.quick);
    println!("\n{table}");
    if let Some(out) = &options.out {
        report::write_into(out, "api", &table)?;
        println!("written to {}", out.display());
    }
    let failed: Vec<&Gate> = gates.iter().filter(|g| !g.passed()).collect();
    if !failed.is_empty() {
        let names: Vec<String> = failed.iter().map(|g| g.name.clone()).collect();
        if options.enforce {
            bail!("gates not met: {}", names.join("; "));
        }
        println!("gates not met (reported only): {}", names.join("; "));
    }
    Ok(())
}

/// A throw-away database: a SQLite file in a temporary directory, or a fresh
/// PostgreSQL database on the local server.
struct Database {
    dir: PathBuf,
    url: String,
    postgres: Option<(String, String)>,
}

impl Database {
    async fn create(kind: &str) -> anyhow::Result<Database> {
        let dir = std::env::temp_dir().join(format!("concord-bench-{}-{kind}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        match kind {
            "sqlite" => Ok(Database {
                url: format!("sqlite://{}?mode=rwc", dir.join("concord.sqlite3").display()),
                dir,
                postgres: None,
            }),
            "postgres" => {
                let server = std::env::var("CONCORD_BENCH_POSTGRES_URL")
                    .or_else(|_| std::env::var("CONCORD_TEST_POSTGRES_URL"))
                    .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned());
                let name = format!("concord_bench_{}", std::process::id());
                let admin = sea_orm::Database::connect(format!("{server}/postgres"))
                    .await
                    .with_context(|| format!("PostgreSQL must answer at {server}"))?;
                use sea_orm::ConnectionTrait;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\""))
                    .await?;
                admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await?;
                admin.close().await?;
                Ok(Database {
                    url: format!("{server}/{name}"),
                    dir,
                    postgres: Some((server, name)),
                })
            }
            other => bail!("unknown database {other}: use sqlite or postgres"),
        }
    }

    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("CONCORD_DATABASE_URL", self.url.clone()),
            ("CONCORD_DATA_DIR", self.dir.display().to_string()),
        ]
    }

    /// `ALTER DATABASE … {setting}` for new connections (PostgreSQL only).
    async fn postgres_setting(&self, setting: &str) -> anyhow::Result<()> {
        if let Some((server, name)) = &self.postgres {
            use sea_orm::ConnectionTrait;
            let admin = sea_orm::Database::connect(format!("{server}/postgres")).await?;
            admin
                .execute_unprepared(&format!("ALTER DATABASE \"{name}\" {setting}"))
                .await?;
            admin.close().await?;
        }
        Ok(())
    }

    async fn drop_database(&self) -> anyhow::Result<()> {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((server, name)) = &self.postgres {
            use sea_orm::ConnectionTrait;
            let admin = sea_orm::Database::connect(format!("{server}/postgres")).await?;
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await?;
            admin.close().await?;
        }
        Ok(())
    }
}

/// Seeds the demo users and a plan of `n` activities through the model layer.
async fn seed(db: &Database, year: i32, n: usize) -> anyhow::Result<()> {
    // A throw-away database: seeding need not wait for each commit's fsync.
    // Reset afterwards, so the measured server commits as deployed.
    db.postgres_setting("SET synchronous_commit = off").await?;
    let env: BTreeMap<&str, String> = db.env().into_iter().collect();
    let settings = concord_backend::config::Settings::from_lookup(|k| env.get(k).cloned())?;
    let connection = concord_backend::db::connect_and_migrate(&settings).await?;
    let state = concord_backend::AppState::new(connection, settings);
    let explain = |e: concord_backend::error::AppError| anyhow::anyhow!("seeding failed: {e:?}");
    concord_backend::models::system::seed_demo_users(&state, PASSWORD)
        .await
        .map_err(explain)?;
    concord_backend::models::demo::seed_bench(&state, year, n)
        .await
        .map_err(explain)?;
    state.db.close().await?;
    db.postgres_setting("RESET synchronous_commit").await?;
    Ok(())
}

/// The release `concord` binary, serving on a free port until dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    async fn start(binary: &PathBuf, db: &Database, web_app: Option<&std::path::Path>) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let mut command = Command::new(binary);
        if let Some(dir) = web_app {
            command.env("CONCORD_STATIC_DIR", dir);
        }
        let child = command
            .arg("serve")
            .envs(db.env())
            .env("CONCORD_BIND", addr.to_string())
            .env_remove("CONCORD_PUBLIC_ORIGIN")
            .stdout(Stdio::null())
            // The server logs every request (as deployed); keep it out of the table.
            .stderr(std::fs::File::create(db.dir.join("server.log"))?)
            .spawn()
            .with_context(|| format!("starting {} (build it with cargo xtask bench)", binary.display()))?;
        let server = Server { child, addr };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok((status, _, _)) = fetch(addr, get("/api/v1/health", None)).await
                && status == StatusCode::OK
            {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!("the server did not answer /api/v1/health within 60 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A session as the browser holds it: the cookie, and the origin for writes;
/// or, for an integrator, an API token sent as `Authorization: Bearer`.
struct Session {
    cookie: String,
    origin: String,
    bearer: Option<String>,
}

fn get(path: &str, session: Option<&Session>) -> Request<Full<Bytes>> {
    let mut builder = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::HOST, "127.0.0.1");
    match session {
        Some(Session {
            bearer: Some(token), ..
        }) => {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        Some(s) => builder = builder.header(header::COOKIE, &s.cookie),
        None => {}
    }
    builder.body(Full::new(Bytes::new())).unwrap_or_default()
}

/// A write as the web app sends it with `session`: the cookie, the origin
/// and the CSRF header, the body of `content_type`, and `If-Match` when a
/// version is given.
fn write(
    path: &str,
    method: Method,
    session: &Session,
    version: Option<&str>,
    content_type: &str,
    body: impl Into<Bytes>,
) -> anyhow::Result<Request<Full<Bytes>>> {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, "127.0.0.1")
        .header(header::COOKIE, &session.cookie)
        .header(header::ORIGIN, &session.origin)
        .header(concord_backend::auth::CSRF_HEADER, "1")
        .header(header::CONTENT_TYPE, content_type);
    if let Some(version) = version {
        builder = builder.header(header::IF_MATCH, version);
    }
    Ok(builder.body(Full::new(body.into()))?)
}

/// [`write`] with a JSON body.
fn write_json(
    path: &str,
    method: Method,
    session: &Session,
    version: Option<&str>,
    body: String,
) -> anyhow::Result<Request<Full<Bytes>>> {
    write(path, method, session, version, "application/json", body)
}

/// One request on a fresh connection (set-up steps, not measured).
async fn fetch(
    addr: SocketAddr,
    request: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, hyper::HeaderMap, Bytes)> {
    let mut sender = connect(addr).await?;
    let response = sender.send_request(request).await?;
    let (parts, body) = response.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok((parts.status, parts.headers, body))
}

async fn connect(addr: SocketAddr) -> anyhow::Result<hyper::client::conn::http1::SendRequest<Full<Bytes>>> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    Ok(sender)
}

async fn login(addr: SocketAddr, username: &str) -> anyhow::Result<Session> {
    let origin = format!("http://{addr}");
    let body = serde_json::json!({ "username": username, "password": PASSWORD }).to_string();
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/login")
        .header(header::HOST, "127.0.0.1")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, &origin)
        .header(concord_backend::auth::CSRF_HEADER, "1")
        .body(Full::new(Bytes::from(body)))?;
    let (status, headers, body) = fetch(addr, request).await?;
    if status != StatusCode::OK {
        bail!(
            "login as {username} failed with {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    let cookie = headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .context("login set no cookie")?
        .to_owned();
    Ok(Session {
        cookie,
        origin,
        bearer: None,
    })
}

/// What one client sends next.
#[derive(Clone)]
enum Work {
    /// The same GET every time.
    Get(String),
    /// GETs rotating over several paths.
    Rotate(Arc<Vec<String>>),
    /// A PATCH of the caller's own side of one activity per client, with the
    /// version it last saw (`If-Match`).
    Update(Arc<Vec<String>>),
    /// Conditional GETs rotating over paths, each with its current `ETag` in
    /// `If-None-Match`: every answer must be 304.
    Conditional(Arc<Vec<(String, String)>>),
}

/// The result of one load run.
#[derive(Default)]
pub struct Stats {
    /// Latencies in microseconds.
    pub histogram: Option<Histogram<u64>>,
    /// Requests answered in the measured window.
    pub requests: u64,
    /// Answers other than 200.
    pub errors: u64,
    /// Measured window.
    pub elapsed: Duration,
}

impl Stats {
    fn p(&self, q: f64) -> f64 {
        self.histogram
            .as_ref()
            .map_or(0.0, |h| h.value_at_quantile(q) as f64 / 1000.0)
    }
    /// Requests per second.
    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

async fn load(
    addr: SocketAddr,
    session: Option<Arc<Session>>,
    work: Work,
    clients: usize,
    timing: &Timing,
) -> anyhow::Result<Stats> {
    let start = Instant::now() + Duration::from_millis(50);
    let measure_from = start + timing.warmup;
    let until = measure_from + timing.measure;
    let mut tasks = Vec::new();
    for client in 0..clients {
        let session = session.clone();
        let work = work.clone();
        let mut sender = connect(addr).await?;
        tasks.push(tokio::spawn(async move {
            let mut histogram = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
            let (mut requests, mut errors, mut turn) = (0u64, 0u64, client);
            let mut version: Option<String> = None;
            tokio::time::sleep_until(start.into()).await;
            loop {
                let t0 = Instant::now();
                if t0 >= until {
                    break;
                }
                let request = match &work {
                    Work::Get(path) => get(path, session.as_deref()),
                    Work::Rotate(paths) => {
                        turn = turn.wrapping_add(7);
                        get(&paths[turn % paths.len()], session.as_deref())
                    }
                    Work::Conditional(tagged) => {
                        turn = turn.wrapping_add(7);
                        let (path, tag) = &tagged[turn % tagged.len()];
                        let mut request = get(path, session.as_deref());
                        request.headers_mut().insert(header::IF_NONE_MATCH, tag.parse()?);
                        request
                    }
                    Work::Update(paths) => {
                        let path = &paths[client % paths.len()];
                        let s = session.as_deref().context("updates need a session")?;
                        if version.is_none() {
                            // hyper sends only on a connection that has finished the last exchange.
                            sender.ready().await?;
                            let response = sender.send_request(get(path, Some(s))).await?;
                            version = response
                                .headers()
                                .get(header::ETAG)
                                .and_then(|v| v.to_str().ok())
                                .map(str::to_owned);
                            response.into_body().collect().await?;
                            continue;
                        }
                        let body = serde_json::json!({ "own_side": {
                            "participants": 4 + (requests % 9),
                            "responsible_unit": "International Military Cooperation Department",
                            "point_of_contact": format!("Bench client {client}"),
                        }});
                        write_json(path, Method::PATCH, s, version.as_deref(), body.to_string())?
                    }
                };
                // hyper sends only on a connection that has finished the last exchange.
                sender.ready().await?;
                let response = sender.send_request(request).await?;
                let status = response.status();
                if matches!(work, Work::Update(_)) {
                    version = response
                        .headers()
                        .get(header::ETAG)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                }
                response.into_body().collect().await?;
                let t1 = Instant::now();
                if t0 >= measure_from {
                    requests += 1;
                    let expected = if matches!(work, Work::Conditional(_)) {
                        StatusCode::NOT_MODIFIED
                    } else {
                        StatusCode::OK
                    };
                    if status != expected {
                        errors += 1;
                    }
                    histogram.saturating_record(u64::try_from((t1 - t0).as_micros()).unwrap_or(u64::MAX));
                }
            }
            anyhow::Ok((histogram, requests, errors))
        }));
    }
    let mut stats = Stats {
        elapsed: timing.measure,
        ..Stats::default()
    };
    for task in tasks {
        let (histogram, requests, errors) = task.await??;
        stats.requests += requests;
        stats.errors += errors;
        match &mut stats.histogram {
            Some(total) => total.add(&histogram)?,
            None => stats.histogram = Some(histogram),
        }
    }
    Ok(stats)
}

/// Measures every scenario at 8 and 32 clients, each read also against the ceiling.
async fn measure(
    server: &Server,
    ceiling: &Ceiling,
    session: &Session,
    year: i32,
    timing: &Timing,
) -> anyhow::Result<Vec<Row>> {
    let session = Arc::new(Session {
        cookie: session.cookie.clone(),
        origin: session.origin.clone(),
        bearer: None,
    });
    let token = Arc::new(Session {
        cookie: String::new(),
        origin: session.origin.clone(),
        bearer: Some(api_token(server.addr).await?),
    });
    let addr = server.addr;
    let list = format!("/api/v1/plans/{year}/activities?area=defence_security_policy&limit=50");
    let page = format!("/api/v1/plans/{year}/activities?limit=200&offset=200");
    // The activities a client reads and updates: shared ones in the plan, from a page.
    let (status, _, body) = fetch(
        addr,
        get(&format!("/api/v1/plans/{year}/activities?limit=500"), Some(&session)),
    )
    .await?;
    if status != StatusCode::OK {
        bail!("listing activities failed with {status}");
    }
    let parsed: serde_json::Value = serde_json::from_slice(&body)?;
    let items = parsed["items"].as_array().context("a page has items")?;
    if items.len() < 64 {
        bail!("the bench plan needs at least 64 activities; it has {}", items.len());
    }
    let one: Vec<String> = items
        .iter()
        .filter_map(|a| a["id"].as_i64())
        .map(|id| format!("/api/v1/activities/{id}"))
        .collect();
    let updatable: Vec<String> = items
        .iter()
        .filter(|a| {
            matches!(
                a["consent"].as_str(),
                Some("pending" | "accepted_by_az" | "accepted_by_ge" | "accepted" | "changes_requested")
            )
        })
        .filter_map(|a| a["id"].as_i64())
        .map(|id| format!("/api/v1/activities/{id}"))
        .take(32)
        .collect();
    if updatable.len() < 32 {
        bail!("the bench plan needs 32 activities in negotiation to update");
    }
    // Each activity's current tag, for the conditional reads.
    let mut tagged = Vec::new();
    for path in one.iter().take(64) {
        let (status, headers, _) = fetch(addr, get(path, Some(&session))).await?;
        let tag = headers.get(header::ETAG).and_then(|v| v.to_str().ok());
        match (status, tag) {
            (StatusCode::OK, Some(tag)) => tagged.push((path.clone(), tag.to_owned())),
            _ => bail!("{path} answered {status} without an ETag"),
        }
    }
    let scenarios = [
        (
            "board list (first page, filtered)",
            Work::Get(list.clone()),
            Some(list.clone()),
            session.clone(),
        ),
        (
            "200-activity page",
            Work::Get(page.clone()),
            Some(page.clone()),
            session.clone(),
        ),
        (
            "one activity",
            Work::Rotate(Arc::new(one.clone())),
            Some(one[0].clone()),
            session.clone(),
        ),
        (
            "one activity, API token",
            Work::Rotate(Arc::new(one.clone())),
            None,
            token,
        ),
        (
            "one activity, 304 (If-None-Match)",
            Work::Conditional(Arc::new(tagged)),
            None,
            session.clone(),
        ),
        (
            "update (own side, If-Match)",
            Work::Update(Arc::new(updatable)),
            None,
            session.clone(),
        ),
    ];
    let mut rows = Vec::new();
    for (name, work, same_bytes, session) in scenarios {
        // The ceiling serves exactly what the server answered for this read.
        let ceiling_path = match &same_bytes {
            Some(path) => {
                let (status, headers, body) = fetch(addr, get(path, Some(&session))).await?;
                if status != StatusCode::OK {
                    bail!("{path} answered {status}");
                }
                let content_type = headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("application/json")
                    .to_owned();
                Some(ceiling.serve(body, content_type)?)
            }
            None => None,
        };
        for clients in [8, 32] {
            let cpu_before = cpu_seconds(server.child.id());
            let stats = load(addr, Some(session.clone()), work.clone(), clients, timing).await?;
            // Includes the warm-up's requests: the server's CPU time per answer,
            // whatever else the machine is doing.
            let cpu = cpu_seconds(server.child.id()) - cpu_before;
            let answered = stats.rate() * (timing.warmup + timing.measure).as_secs_f64();
            if stats.errors > 0 {
                bail!(
                    "{name} at {clients} clients: {} of {} answers were not 200",
                    stats.errors,
                    stats.requests
                );
            }
            let ceiling_rate = match &ceiling_path {
                Some(path) => Some(
                    load(ceiling.addr, None, Work::Get(path.clone()), clients, timing)
                        .await?
                        .rate(),
                ),
                None => None,
            };
            let row = Row {
                database: String::new(),
                scenario: name.to_owned(),
                clients,
                p50_ms: stats.p(0.5),
                p99_ms: stats.p(0.99),
                rate: stats.rate(),
                ceiling: ceiling_rate,
                server_cpu_us: 1e6 * cpu / answered.max(1.0),
            };
            println!("   {}", row.line());
            rows.push(row);
        }
    }
    Ok(rows)
}

/// A viewer's API token, as AZ's administrator issues one to an integrator.
async fn api_token(addr: SocketAddr) -> anyhow::Result<String> {
    let session = &login(addr, "az.administrator").await?;
    let body = serde_json::json!({ "name": "Bench", "role": "viewer" }).to_string();
    let request = write_json("/api/v1/tokens", Method::POST, session, None, body)?;
    let (status, _, body) = fetch(addr, request).await?;
    if status != StatusCode::CREATED {
        bail!(
            "creating an API token failed with {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    let created: serde_json::Value = serde_json::from_slice(&body)?;
    created["token"].as_str().map(str::to_owned).context("a created token")
}

/// CPU time (user + system) a process has used so far, from `/proc`.
fn cpu_seconds(pid: u32) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) start at `state`.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after `)`; 100 ticks a second.
    (ticks(11) + ticks(12)) / 100.0
}

/// A bare axum server in its own runtime, answering stored bytes: the most
/// an HTTP server on this machine can do for the same response.
struct Ceiling {
    addr: SocketAddr,
    routes: Arc<std::sync::Mutex<Vec<(Bytes, String)>>>,
}

impl Ceiling {
    fn start() -> anyhow::Result<Ceiling> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let routes: Arc<std::sync::Mutex<Vec<(Bytes, String)>>> = Arc::default();
        let shared = routes.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime for the ceiling server");
            runtime.block_on(async move {
                let app = axum::Router::new().route(
                    "/ceiling/{n}",
                    axum::routing::get(move |axum::extract::Path(n): axum::extract::Path<usize>| {
                        let shared = shared.clone();
                        async move {
                            let stored = shared.lock().ok().and_then(|r| r.get(n).cloned());
                            match stored {
                                Some((body, content_type)) => {
                                    ([(header::CONTENT_TYPE, content_type)], body).into_response()
                                }
                                None => StatusCode::NOT_FOUND.into_response(),
                            }
                        }
                    }),
                );
                let listener = tokio::net::TcpListener::from_std(listener).expect("the ceiling's listener");
                let _ = axum::serve(listener, app).await;
            });
        });
        Ok(Ceiling { addr, routes })
    }

    /// Stores a body and returns the path that answers it.
    fn serve(&self, body: Bytes, content_type: String) -> anyhow::Result<String> {
        let mut routes = self
            .routes
            .lock()
            .map_err(|_| anyhow::anyhow!("ceiling routes poisoned"))?;
        routes.push((body, content_type));
        Ok(format!("/ceiling/{}", routes.len() - 1))
    }
}
