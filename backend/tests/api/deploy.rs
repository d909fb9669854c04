//! The deployment of `deploy/`: two `concord` processes on one PostgreSQL
//! database behind Debian's nginx, run with the repository's own
//! `deploy/nginx/concord.conf` (only ports, certificate and server name
//! changed) and a self-signed certificate, driven with curl over TLS.
//!
//! Runs in the PostgreSQL pass (`CONCORD_TEST_DATABASE=postgres`); needs
//! `nginx`, `openssl` and `curl`, which `cargo xtask test` installs. Outside CI
//! it is skipped, saying why, when nginx is missing.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use concord_shared::{Party, Role};

use crate::helpers::{PASSWORD, draft, on_postgres, spawn_app};
use crate::mail::free_port;

const NGINX: &str = "/usr/sbin/nginx";
const HOST: &str = "concord.test";

/// A child process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what} did not come up in 30 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// One answer, as curl saw it.
#[derive(Debug)]
struct Answer {
    status: u16,
    http_version: String,
    headers: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    }
}

struct Site {
    dir: PathBuf,
    tls: u16,
    plain: u16,
}

impl Site {
    fn url(&self, path: &str) -> String {
        format!("https://{HOST}:{}{path}", self.tls)
    }

    /// curl through nginx over TLS, checking the certificate against ours;
    /// `from` is the loopback address the request comes from.
    fn curl(&self, from: &str, args: &[&str]) -> Answer {
        let headers = self.dir.join("last-headers");
        let output = Command::new("curl")
            .args(["-s", "--max-time", "10", "--cacert"])
            .arg(self.dir.join("cert.pem"))
            .args(["--resolve", &format!("{HOST}:{}:127.0.0.1", self.tls)])
            .args(["--resolve", &format!("{HOST}:{}:127.0.0.1", self.plain)])
            .args(["--interface", from, "-D"])
            .arg(&headers)
            .args(["-w", "\n%{http_code} %{http_version}"])
            .args(args)
            .output()
            .expect("curl runs");
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        let (body, tail) = text.rsplit_once('\n').expect("curl's trailer");
        let (status, version) = tail.split_once(' ').expect("status and version");
        Answer {
            status: status.parse().unwrap_or(0),
            http_version: version.to_owned(),
            headers: std::fs::read_to_string(&headers).unwrap_or_default(),
            body: body.to_owned(),
        }
    }
}

/// Plain HTTP straight to one instance, bypassing nginx; the last argument
/// is the path.
fn direct(origin: &str, port: u16, cookie: &str, args: &[&str]) -> Answer {
    let (path, options) = args.split_last().expect("a path");
    let output = Command::new("curl")
        .args(["-s", "--max-time", "10", "-H", &format!("Cookie: {cookie}")])
        .args(["-H", &format!("Origin: {origin}")])
        .args(["-H", "x-concord-csrf: 1", "-w", "\n%{http_code} %{http_version}"])
        .args(options)
        .arg(format!("http://127.0.0.1:{port}{path}"))
        .output()
        .expect("curl runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let (body, tail) = text.rsplit_once('\n').expect("curl's trailer");
    let (status, version) = tail.split_once(' ').expect("status and version");
    Answer {
        status: status.parse().unwrap_or(0),
        http_version: version.to_owned(),
        headers: String::new(),
        body: body.to_owned(),
    }
}

/// The repository's nginx site with only the host-specific values changed;
/// each change must apply, so the test notices when the file moves on.
fn site_config(dir: &Path, tls: u16, plain: u16, backends: [u16; 2]) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/nginx/concord.conf");
    let mut text = std::fs::read_to_string(&file).expect("deploy/nginx/concord.conf");
    let cert = dir.join("cert.pem").display().to_string();
    let key = dir.join("key.pem").display().to_string();
    let swaps = [
        ("server 127.0.0.1:8081 ", format!("server 127.0.0.1:{} ", backends[0])),
        ("server 127.0.0.1:8082 ", format!("server 127.0.0.1:{} ", backends[1])),
        ("listen 443 ssl http2;", format!("listen 127.0.0.1:{tls} ssl http2;")),
        ("listen 80;", format!("listen 127.0.0.1:{plain};")),
        ("/etc/concord/tls/fullchain.pem", cert),
        ("/etc/concord/tls/privkey.pem", key),
        ("concord.example.org", HOST.to_owned()),
    ];
    for (from, to) in swaps {
        assert!(text.contains(from), "deploy/nginx/concord.conf no longer has `{from}`");
        text = text.replace(from, &to);
    }
    // No IPv6 on every test machine.
    text.lines()
        .filter(|l| !l.contains("listen [::]"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn start_nginx(dir: &Path, site: &str) -> Killed {
    std::fs::write(dir.join("concord.conf"), site).expect("site");
    let d = dir.display();
    let main = format!(
        "user root;\nworker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  access_log {d}/access.log;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
         include {d}/concord.conf;\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), main).expect("nginx.conf");
    let test = Command::new(NGINX)
        .arg("-t")
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .output()
        .expect("nginx -t");
    assert!(
        test.status.success(),
        "nginx refuses the configuration:\n{}",
        String::from_utf8_lossy(&test.stderr)
    );
    let child = Command::new(NGINX)
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    Killed(child)
}

fn start_instance(database_url: &str, data: &Path, static_dir: &Path, port: u16, origin: &str) -> Killed {
    let child = Command::new(env!("CARGO_BIN_EXE_concord"))
        .arg("serve")
        .env("CONCORD_BIND", format!("127.0.0.1:{port}"))
        .env("CONCORD_DATABASE_URL", database_url)
        .env("CONCORD_DATA_DIR", data)
        .env("CONCORD_STATIC_DIR", static_dir)
        .env("CONCORD_PUBLIC_ORIGIN", origin)
        .env("CONCORD_TRUSTED_PROXIES", "127.0.0.1/32")
        .env("CONCORD_LOG_FORMAT", "json")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("concord starts");
    Killed(child)
}

fn session_cookie(set_cookie: &str) -> String {
    set_cookie.split(';').next().expect("name=value").trim().to_owned()
}

#[tokio::test]
async fn two_instances_behind_nginx_over_tls_act_as_one() {
    if !on_postgres() {
        return; // The PostgreSQL pass runs it: several instances need one server database.
    }
    if !Path::new(NGINX).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have nginx: `cargo xtask test` installs it"
        );
        eprintln!("SKIPPED: no {NGINX} (cargo xtask test installs it)");
        return;
    }
    // The database, migrated, with users: made by an in-process app.
    let app = spawn_app().await;
    let coordinator = app.user(Party::Ge, Role::Coordinator).await;
    let admin = app.user(Party::Ge, Role::Administrator).await;
    let database_url = app.state.settings.database_url.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_owned();
    let static_dir = app.state.settings.static_dir.clone();

    tokio::task::spawn_blocking(move || {
        let backends = [free_port(), free_port()];
        let (tls, plain) = (free_port(), free_port());
        let origin = format!("https://{HOST}:{tls}");
        let data = root.join("data");
        let _instances: Vec<Killed> = backends
            .iter()
            .map(|port| start_instance(&database_url, &data, &static_dir, *port, &origin))
            .collect();
        for port in backends {
            wait_until("an instance", || {
                direct(&origin, port, "", &["-o", "/dev/null", "/api/v1/ready"]).status == 200
            });
        }
        let made = Command::new("openssl")
            .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj"])
            .arg(format!("/CN={HOST}"))
            .args(["-addext", &format!("subjectAltName=DNS:{HOST}"), "-keyout"])
            .arg(root.join("key.pem"))
            .arg("-out")
            .arg(root.join("cert.pem"))
            .output()
            .expect("openssl runs");
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        let site = Site {
            dir: root.clone(),
            tls,
            plain,
        };
        let _nginx = start_nginx(&root, &site_config(&root, site.tls, site.plain, backends));
        wait_until("nginx", || {
            site.curl("127.0.0.1", &[&site.url("/api/v1/health")]).status == 200
        });
        println!(
            "nginx on :{} (TLS) and :{}, instances on {backends:?}",
            site.tls, site.plain
        );

        // TLS with HTTP/2; plain HTTP only points there.
        let health = site.curl("127.0.0.1", &[&site.url("/api/v1/health")]);
        assert_eq!(health.http_version, "2", "HTTP/2 over TLS");
        let plain = site.curl("127.0.0.1", &[&format!("http://{HOST}:{}/plans", site.plain)]);
        assert_eq!(plain.status, 301);
        assert!(plain.header("location").is_some_and(|l| l.starts_with("https://")));

        // Signing in through the proxy, from 127.0.0.7 with a forged header.
        let login = |password: &str| {
            site.curl(
                "127.0.0.7",
                &[
                    "-H",
                    "content-type: application/json",
                    "-H",
                    "x-concord-csrf: 1",
                    "-H",
                    &format!("Origin: {origin}"),
                    "-H",
                    "x-forwarded-for: 6.6.6.6",
                    "--data",
                    &format!(r#"{{"username":"{}","password":"{password}"}}"#, coordinator.username),
                    &site.url("/api/v1/auth/login"),
                ],
            )
        };
        let failed = login("wrong");
        assert_eq!(failed.status, 401);
        let failed_id = failed.header("x-request-id").expect("a request id");
        let signed_in = login(PASSWORD);
        assert_eq!(signed_in.status, 200, "{}", signed_in.body);
        let cookie = session_cookie(&signed_in.header("set-cookie").expect("a session cookie"));

        // The session works on either instance.
        for port in backends {
            let me = direct(&origin, port, &cookie, &["/api/v1/me"]);
            assert_eq!(me.status, 200, "instance :{port}: {}", me.body);
        }

        // A write on one is read on the other at once, lists included (each
        // instance caches pages per plan revision).
        let created = direct(
            &origin,
            backends[0],
            &cookie,
            &[
                "-H",
                "content-type: application/json",
                "--data",
                r#"{"year":2031}"#,
                "/api/v1/plans",
            ],
        );
        assert_eq!(created.status, 201, "{}", created.body);
        let before = direct(&origin, backends[1], &cookie, &["/api/v1/plans/2031/activities"]);
        assert_eq!(before.status, 200);
        assert!(!before.body.contains("Joint staff talks"));
        let activity = serde_json::to_string(&draft("Joint staff talks")).expect("json");
        let activity = activity.as_str();
        let drafted = direct(
            &origin,
            backends[0],
            &cookie,
            &[
                "-H",
                "content-type: application/json",
                "--data",
                activity,
                "/api/v1/plans/2031/activities",
            ],
        );
        assert_eq!(drafted.status, 201, "{}", drafted.body);
        let after = direct(&origin, backends[1], &cookie, &["/api/v1/plans/2031/activities"]);
        assert!(
            after.body.contains("Joint staff talks"),
            "the other instance's list is current"
        );

        // The failed sign-in's audit entry: the real client (127.0.0.7, not
        // the forged 6.6.6.6 nor nginx's own 127.0.0.1) and nginx's request id.
        let admin_login = site.curl(
            "127.0.0.1",
            &[
                "-H",
                "content-type: application/json",
                "-H",
                "x-concord-csrf: 1",
                "-H",
                &format!("Origin: {origin}"),
                "--data",
                &format!(r#"{{"username":"{}","password":"{PASSWORD}"}}"#, admin.username),
                &site.url("/api/v1/auth/login"),
            ],
        );
        assert_eq!(admin_login.status, 200, "{}", admin_login.body);
        let admin_cookie = session_cookie(&admin_login.header("set-cookie").expect("a session cookie"));
        let audit = site.curl(
            "127.0.0.1",
            &[
                "-H",
                &format!("Cookie: {admin_cookie}"),
                &site.url("/api/v1/audit?limit=100"),
            ],
        );
        assert_eq!(audit.status, 200, "{}", audit.body);
        let audit: serde_json::Value = serde_json::from_str(&audit.body).expect("json");
        let entry = audit["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|e| e["action"] == "auth.login_failed")
            .expect("the failed sign-in is audited")
            .clone();
        assert_eq!(entry["after"]["ip"], "127.0.0.7", "{entry}");
        assert_eq!(entry["request_id"], failed_id.as_str(), "nginx's id, kept: {entry}");
        assert_eq!(failed_id.len(), 32, "nginx's $request_id");

        // The per-user sign-in limit counts across both instances.
        for attempt in 0..8 {
            let port = backends[attempt % 2];
            let answer = direct(
                &origin,
                port,
                "",
                &[
                    "-H",
                    "content-type: application/json",
                    "--data",
                    &format!(r#"{{"username":"{}","password":"nope"}}"#, admin.username),
                    "/api/v1/auth/login",
                ],
            );
            let expected = if attempt < 5 { 401 } else { 429 };
            assert_eq!(answer.status, expected, "attempt {attempt} on :{port}");
        }

        // The live stream passes nginx unbuffered: an event written on one
        // instance reaches a stream held open on the other through nginx.
        let mut stream = Command::new("curl")
            .args(["-s", "-N", "--max-time", "20", "--cacert"])
            .arg(root.join("cert.pem"))
            .args(["--resolve", &format!("{HOST}:{}:127.0.0.1", site.tls)])
            .args(["-H", &format!("Cookie: {cookie}"), &site.url("/api/v1/events")])
            .stdout(Stdio::piped())
            .spawn()
            .expect("curl streams");
        let lines = BufReader::new(stream.stdout.take().expect("stdout")).lines();
        let (sender, events) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let ready = Instant::now();
        while !events
            .recv_timeout(Duration::from_secs(10))
            .expect("ready event")
            .starts_with("event: ready")
        {
            assert!(ready.elapsed() < Duration::from_secs(10));
        }
        let written = Instant::now();
        let again = direct(
            &origin,
            backends[1],
            &cookie,
            &[
                "-H",
                "content-type: application/json",
                "--data",
                activity,
                "/api/v1/plans/2031/activities",
            ],
        );
        assert_eq!(again.status, 201);
        loop {
            let line = events
                .recv_timeout(Duration::from_secs(5))
                .expect("the change arrives through nginx within 5 s");
            if line.starts_with("event: change") {
                break;
            }
        }
        println!("live event through nginx after {} ms", written.elapsed().as_millis());
        let _ = stream.kill();
        let _ = stream.wait();
    })
    .await
    .expect("the deployment test");
}
