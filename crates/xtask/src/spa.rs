//! Building the release SPA with trunk, pre-compressing it, and checking its size.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::tools::tool_path;
use crate::util::{root, run};

/// The most the release wasm may weigh, brotli-compressed.
// Issue 7's target is 300 KB. With every page of issues 6–8 (board, history,
// register, plan lifecycle, calendar, timeline, dashboard) the one wasm file
// weighs 411.8 KB (2026-11-29): micro-cuts are spent, so this gate only stops
// further growth until code splitting (Leptos lazy routes split by
// `wasm_split_cli_support`; trunk cannot split: README, "Size of the web app")
// brings the first download under 300 KB. Lower it again then.
pub const BUDGET_BROTLI_BYTES: u64 = 420 * 1024;

/// Sizes of the built wasm.
pub struct SpaSize {
    /// The `.wasm` file.
    pub wasm: PathBuf,
    /// Its size on disk.
    pub raw: u64,
    /// Its size brotli-compressed (quality 11, as served).
    pub brotli: u64,
}

/// Runs `trunk build --release`, writes `.br` siblings of the text and wasm
/// files (the backend serves them pre-compressed) and returns the wasm's sizes.
pub fn build_release() -> anyhow::Result<SpaSize> {
    let frontend = root().join("frontend");
    run(Command::new("trunk")
        .args(["build", "--release=true"])
        .current_dir(&frontend)
        .env("PATH", tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("NO_COLOR", "true"))?;
    let dist = frontend.join("dist");
    let mut wasm = None;
    for entry in std::fs::read_dir(&dist).context("reading frontend/dist")? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if matches!(ext, "wasm" | "js" | "css" | "html" | "svg") {
            compress(&path)?;
        }
        if ext == "wasm" {
            wasm = Some(path);
        }
    }
    let wasm = wasm.context("trunk produced no .wasm file")?;
    let raw = std::fs::metadata(&wasm)?.len();
    let brotli = std::fs::metadata(br_path(&wasm))?.len();
    Ok(SpaSize { wasm, raw, brotli })
}

fn br_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".br");
    PathBuf::from(name)
}

fn compress(path: &Path) -> anyhow::Result<()> {
    let data = std::fs::read(path)?;
    let mut out = Vec::with_capacity(data.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(&data)?;
    }
    std::fs::write(br_path(path), out)?;
    Ok(())
}

/// Prints the sizes and fails when over budget.
pub fn report(size: &SpaSize) -> anyhow::Result<()> {
    println!(
        "    release wasm {}: {:.1} KB raw, {:.1} KB brotli (budget {} KB brotli)",
        size.wasm.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        size.raw as f64 / 1024.0,
        size.brotli as f64 / 1024.0,
        BUDGET_BROTLI_BYTES / 1024
    );
    if size.brotli > BUDGET_BROTLI_BYTES {
        bail!(
            "the release wasm is {} bytes brotli, over the {BUDGET_BROTLI_BYTES}-byte budget",
            size.brotli
        );
    }
    Ok(())
}
