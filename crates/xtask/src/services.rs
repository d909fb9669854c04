//! The services the test stages start or reach: the local PostgreSQL
//! cluster, a free port, a backend process that is killed when dropped and
//! waited for until healthy. Shared by the test, benchmark and contract
//! stages.

use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::bail;

use crate::util::{in_ci, is_root, run};

/// Kills a child process when dropped.
pub struct KillOnDrop(pub Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The PostgreSQL server the backend tests use.
pub fn postgres_url() -> String {
    std::env::var("CONCORD_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

fn postgres_answers() -> bool {
    let url = postgres_url();
    let host_port = url
        .split('@')
        .next_back()
        .unwrap_or_default()
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let host_port = if host_port.contains(':') {
        host_port
    } else {
        format!("{host_port}:5432")
    };
    host_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .is_some_and(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok())
}

/// Whether PostgreSQL answers, starting the local cluster when it can.
/// Under CI=true an unreachable server is an error, never a skip.
pub fn ensure_postgres() -> anyhow::Result<bool> {
    if postgres_answers() {
        return Ok(true);
    }
    if is_root() && std::path::Path::new("/etc/postgresql").exists() {
        for version in std::fs::read_dir("/etc/postgresql")?.flatten() {
            let version = version.file_name().to_string_lossy().into_owned();
            println!("    starting the local PostgreSQL {version} cluster");
            let _ = run(Command::new("pg_ctlcluster").args(["--skip-systemctl-redirect", &version, "main", "start"]));
        }
        for _ in 0..20 {
            if postgres_answers() {
                return Ok(true);
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    }
    if in_ci() {
        bail!(
            "PostgreSQL does not answer at {} and CI=true: the PostgreSQL tests may not be skipped",
            postgres_url()
        );
    }
    Ok(false)
}

/// A port free to bind on 127.0.0.1.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Waits until the backend at `url` answers its health check.
pub fn wait_for_health(url: &str) -> anyhow::Result<()> {
    let addr = url.trim_start_matches("http://").to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(mut stream) = TcpStream::connect(&addr) {
            use std::io::{Read, Write};
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let request = format!("GET /api/v1/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
            if stream.write_all(request.as_bytes()).is_ok() {
                let mut answer = String::new();
                let _ = stream.read_to_string(&mut answer);
                if answer.starts_with("HTTP/1.1 200") {
                    return Ok(());
                }
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("the backend did not become healthy at {url} within 60 s")
}
