//! A PostgreSQL cluster of a test's own: Debian's `initdb` and `pg_ctl`,
//! run as the `postgres` user (they refuse root), in a temporary directory,
//! on a free loopback port; stopped when dropped, also when the test fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::mail::free_port;

/// The newest installed PostgreSQL's `bin/`.
pub fn pg_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

/// A throw-away cluster on a loopback port, run as the `postgres` user.
pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    settings: String,
    _dir: tempfile::TempDir,
}

fn as_postgres(program: &Path) -> Command {
    let mut command = Command::new("runuser");
    command.args(["-u", "postgres", "--"]).arg(program);
    command
}

impl Cluster {
    /// Made with `initdb` in a temporary directory and started, with extra
    /// server settings (`-c name=value` each, e.g. `wal_level=logical`).
    pub fn create(bin: PathBuf, settings: &[&str]) -> Cluster {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("pg");
        std::fs::create_dir_all(&data).expect("data dir");
        for (path, owner) in [(dir.path(), "root"), (data.as_path(), "postgres:postgres")] {
            let done = Command::new("chown").arg(owner).arg(path).status().expect("chown");
            assert!(done.success());
        }
        let done = Command::new("chmod")
            .arg("755")
            .arg(dir.path())
            .status()
            .expect("chmod");
        assert!(done.success());
        let made = as_postgres(&bin.join("initdb"))
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .expect("initdb");
        assert!(
            made.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&made.stderr)
        );
        let cluster = Cluster {
            bin,
            data,
            port: free_port(),
            settings: settings.iter().map(|s| format!(" -c {s}")).collect(),
            _dir: dir,
        };
        cluster.start();
        cluster
    }

    /// The URL of one of its databases.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Starts the server.
    pub fn start(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off{}",
            self.port,
            self.data.display(),
            self.settings
        );
        let started = as_postgres(&self.bin.join("pg_ctl"))
            .args(["-w", "-t", "30", "-o", &options, "-l"])
            .arg(self.data.join("log"))
            .arg("-D")
            .arg(&self.data)
            .arg("start")
            .output()
            .expect("pg_ctl start");
        assert!(
            started.status.success(),
            "pg_ctl start: {}",
            String::from_utf8_lossy(&started.stderr)
        );
    }

    /// As a crash would: no shutdown checkpoint, connections cut.
    pub fn crash(&self) {
        let stopped = as_postgres(&self.bin.join("pg_ctl"))
            .args(["-w", "-m", "immediate", "-D"])
            .arg(&self.data)
            .arg("stop")
            .output()
            .expect("pg_ctl stop");
        assert!(
            stopped.status.success(),
            "pg_ctl stop: {}",
            String::from_utf8_lossy(&stopped.stderr)
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_postgres(&self.bin.join("pg_ctl"))
            .args(["-m", "immediate", "-D"])
            .arg(&self.data)
            .arg("stop")
            .output();
    }
}
