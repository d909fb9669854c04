//! Installs the tools the build needs, at pinned versions, only when missing.
//! Everything comes from package registries (crates.io, npm, Debian), never
//! from a download of a prebuilt binary.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::util::{is_root, output, root, run};

/// trunk's pinned version (0.22 needs a newer rustc than the project's).
pub const TRUNK_VERSION: &str = "0.21.14";
/// wasm_split_cli_support's pinned version: its `wasm-split-cli` cuts the
/// release wasm at the `#[lazy]` split points of Leptos (`wasm_split_helpers`).
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
/// binaryen's pinned version (Debian's wasm-opt 108 breaks the wasm; see docs/operations.md).
pub const BINARYEN_VERSION: &str = "132.0.0";

/// Where npm-installed tools live, outside the clone so a fresh clone reuses them.
pub fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CONCORD_TOOLS_DIR") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    home.join(".cache").join("concord-tools")
}

/// The PATH the build tools run with: the npm tools and cargo's bin first.
pub fn tool_path() -> OsString {
    let mut dirs = vec![tools_dir().join("node_modules").join(".bin"), cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
            .join(".cargo")
    });
    home.join("bin")
}

fn tool(name: &str) -> Command {
    let mut cmd = Command::new(name);
    cmd.env("PATH", tool_path());
    cmd
}

/// The wasm-bindgen version in Cargo.lock: wasm-bindgen-cli must equal it.
pub fn locked_wasm_bindgen() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

/// Runs one tool's installation, printing how long it took.
fn timed(what: &str, f: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    let start = std::time::Instant::now();
    f()?;
    println!("    {what}: installed in {:.1} s", start.elapsed().as_secs_f64());
    Ok(())
}

/// trunk, which only `cargo xtask dev` uses (about 15 minutes to build on 2 cores).
pub fn ensure_trunk() -> anyhow::Result<()> {
    let trunk = output(tool("trunk").arg("--version")).unwrap_or_default();
    if !trunk.contains(TRUNK_VERSION) {
        println!("    installing trunk {TRUNK_VERSION} from crates.io (takes several minutes once)");
        timed("trunk", || {
            run(Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
        })?;
    }
    Ok(())
}

/// The wasm32 target, wasm-bindgen-cli, wasm-split-cli and wasm-opt: what
/// building the release web app needs (`cargo xtask spa` does not use trunk).
pub fn ensure_spa_tools() -> anyhow::Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        timed("wasm32 target", || {
            run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
        })?;
    }

    let wanted = locked_wasm_bindgen()?;
    let bindgen = output(tool("wasm-bindgen").arg("--version")).unwrap_or_default();
    if bindgen.split_whitespace().nth(1) != Some(wanted.as_str()) {
        println!("    installing wasm-bindgen-cli {wanted} from crates.io (equal to the locked wasm-bindgen)");
        // Not --locked: one of its locked dependencies is missing from the registry mirror.
        timed("wasm-bindgen-cli", || {
            run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted, "--force"]))
        })?;
    }

    // wasm-split-cli has no --version: ask cargo which version it installed.
    let installed = output(Command::new("cargo").args(["install", "--list"])).unwrap_or_default();
    let wanted_split = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    if !installed.lines().any(|l| l.trim() == wanted_split) || output(tool("wasm-split-cli").arg("--help")).is_none() {
        println!("    installing wasm-split-cli (wasm_split_cli_support {WASM_SPLIT_VERSION}) from crates.io");
        timed("wasm-split-cli", || {
            run(Command::new("cargo").args([
                "install",
                "wasm_split_cli_support",
                "--version",
                WASM_SPLIT_VERSION,
                "--features",
                "build-binary",
                "--locked",
                "--force",
            ]))
        })?;
    }

    let opt = output(tool("wasm-opt").arg("--version")).unwrap_or_default();
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    if !opt.contains(&format!("version {major}")) {
        println!(
            "    installing binaryen {BINARYEN_VERSION} (wasm-opt) from npm into {}",
            tools_dir().display()
        );
        std::fs::create_dir_all(tools_dir())?;
        timed("binaryen", || {
            run(Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(tools_dir())
                .arg(format!("binaryen@{BINARYEN_VERSION}")))
        })?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver for the browser tests.
pub fn ensure_chromium() -> anyhow::Result<PathBuf> {
    let path = std::env::var_os("CONCORD_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.exists() {
        return Ok(path);
    }
    ensure_apt(&[
        ("chromium", "/usr/bin/chromium"),
        ("chromium-driver", "/usr/bin/chromedriver"),
        ("fonts-noto-core", "/usr/share/fonts/truetype/noto"),
    ])?;
    if !path.exists() {
        bail!("apt-get installed chromium, but {} is still missing", path.display());
    }
    Ok(path)
}

/// Debian packages a command needs, each given with a path it installs:
/// only the missing ones are installed (as root; otherwise the error says
/// what to install).
pub fn ensure_apt(packages: &[(&str, &str)]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, path)| !Path::new(path).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !is_root() {
        bail!("missing Debian packages: sudo apt-get install {}", missing.join(" "));
    }
    timed(&format!("Debian's {}", missing.join(", ")), || {
        println!("    installing Debian's {}", missing.join(" "));
        run(Command::new("apt-get").arg("update").arg("-q"))?;
        run(Command::new("apt-get")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"))
    })
}

/// A private Python virtual environment under the tools directory with these
/// pinned packages (`name==version`) from PyPI; returns its `bin/` directory.
pub fn ensure_python(packages: &[&str]) -> anyhow::Result<PathBuf> {
    let venv = tools_dir().join("venv");
    let bin = venv.join("bin");
    if !bin.join("python").exists() {
        // Debian's python3 makes virtual environments only with python3-venv.
        if run(Command::new("python3").arg("-m").arg("venv").arg(&venv)).is_err() {
            ensure_apt(&[("python3-venv", "/nonexistent/python3-venv")])?;
            run(Command::new("python3").arg("-m").arg("venv").arg("--clear").arg(&venv))?;
        }
    }
    let frozen = output(Command::new(bin.join("python")).args(["-m", "pip", "freeze"])).unwrap_or_default();
    let missing: Vec<&str> = packages
        .iter()
        .filter(|p| !frozen.lines().any(|l| l.trim().eq_ignore_ascii_case(p)))
        .copied()
        .collect();
    if !missing.is_empty() {
        timed(&format!("Python {}", missing.join(", ")), || {
            run(Command::new(bin.join("python"))
                .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
                .args(&missing))
        })?;
    }
    Ok(bin)
}

/// The browser tests' npm packages (playwright-core, axe-core), from the lock file.
pub fn ensure_e2e_packages(e2e: &Path) -> anyhow::Result<()> {
    let marker = e2e.join("node_modules").join(".package-lock.json");
    let lock = e2e.join("package-lock.json");
    let fresh = match (std::fs::metadata(&marker), std::fs::metadata(&lock)) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if !fresh {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
            .current_dir(e2e)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    }
    Ok(())
}
