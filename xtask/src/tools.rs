//! Installs the tools the build and the tests need, once, checking versions so a second run
//! skips every install.
//!
//! Nothing here downloads a binary from outside the package registries: Trunk and the
//! wasm-bindgen CLI are built from crates, wasm-opt comes from the npm package `binaryen`,
//! Playwright drives Debian's Chromium, and Chromium with its driver come from Debian.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Trunk's version: the newest that builds with this machine's Rust toolchain.
pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `=` pin of `wasm-bindgen` in the root Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// A font with Hangul, from Debian's `fonts-noto-cjk`. A bare machine has none, and headless
/// Chromium then draws every Korean letter as an empty box. Learners' phones bring their own
/// (the app downloads no web font), so only the test browser needs it.
pub const HANGUL_TEST_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/// A Thai font, from Debian's `fonts-tlwg-loma` (the CJK fonts have no Thai), so the pages in
/// the Thai interface are laid out with real glyphs when the tests measure them.
pub const THAI_TEST_FONT: &str = "/usr/share/fonts/truetype/tlwg/Loma.ttf";

/// The repository root (the parent of `xtask/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in the repository root and fails with its name when it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let description = format!("{command:?}");
    let status = command
        .current_dir_if_unset()
        .status()
        .with_context(|| format!("cannot start {description}"))?;
    if !status.success() {
        bail!("{description} failed with {status}");
    }
    Ok(())
}

/// The standard output of a command, or `None` when it cannot run or fails.
pub fn output_of(program: &str, arguments: &[&str]) -> Option<String> {
    let output = Command::new(program).args(arguments).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

trait CurrentDirectory {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}

impl CurrentDirectory for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(repo_root());
        }
        self
    }
}

/// Cargo's binary folder, where `cargo install` puts trunk and wasm-bindgen.
fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// PATH with the project's npm tools (wasm-opt) and cargo's binaries first, so Trunk finds the
/// pinned versions and never tries to download its own.
pub fn tool_path() -> std::ffi::OsString {
    let mut folders = vec![
        repo_root().join("node_modules").join(".bin"),
        cargo_bin_dir(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).unwrap_or_default()
}

fn tool_version(program: &str) -> Option<String> {
    let path = cargo_bin_dir().join(program);
    let program = if path.exists() {
        path.to_string_lossy().into_owned()
    } else {
        program.to_owned()
    };
    output_of(&program, &["--version"])
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|line| line == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: adding the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// `locked` installs with the crate's own lock file. wasm-bindgen-cli's lock names a
/// `webpki-roots` release the registry no longer offers, so it resolves fresh instead.
pub fn ensure_cargo_tool(
    program: &str,
    crate_name: &str,
    version: &str,
    locked: bool,
) -> Result<()> {
    let wanted = format!("{program} {version}");
    if tool_version(program).is_some_and(|found| found.starts_with(&wanted)) {
        return Ok(());
    }
    println!("xtask: installing {crate_name} {version} (once; Trunk takes about 15 minutes)");
    let mut install = Command::new("cargo");
    install.args(["install", crate_name, "--version", version]);
    if locked {
        install.arg("--locked");
    }
    run(&mut install)
}

/// Trunk, wasm-bindgen-cli (which brings wasm-bindgen-test-runner) and the wasm target.
pub fn ensure_client_toolchain() -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        false,
    )?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    ensure_node_packages()
}

/// The npm packages in package.json (wasm-opt, Terser, Workbox, Playwright's driver library),
/// installed from the lock file when it changed since the last install.
pub fn ensure_node_packages() -> Result<()> {
    let root = repo_root();
    let lock = root.join("package-lock.json");
    let installed_lock = root.join("node_modules").join(".package-lock.json");
    let is_current = match (std::fs::metadata(&lock), std::fs::metadata(&installed_lock)) {
        (Ok(lock), Ok(installed)) => match (lock.modified(), installed.modified()) {
            (Ok(lock_time), Ok(installed_time)) => installed_time >= lock_time,
            _ => false,
        },
        _ => false,
    };
    if is_current && root.join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    if output_of("npm", &["--version"]).is_none() {
        bail!("npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm)");
    }
    println!("xtask: installing npm packages (wasm-opt, terser, workbox, playwright-core)");
    // `npm ci` refuses this lock file: npm leaves out the entries of optional packages for
    // other platforms (rollup's native builds) and then calls the lock out of sync. `install`
    // with `--no-save` installs the locked versions and never rewrites the lock file.
    run(Command::new("npm").args(["install", "--no-save", "--no-audit", "--no-fund"]))
}

/// The oldest Chromium the end-to-end tests are known to pass on. Debian's 148 failed three
/// of them (composition on the on-screen keyboard, and the offline state after a reload and
/// when the connection returns); a machine whose package lists were never updated has it.
pub const MIN_CHROMIUM_MAJOR: u32 = 156;

/// The major version `chromium --version` reports ("Chromium 156.0.8078.79 built on …").
fn chromium_major_version() -> Option<u32> {
    let reported = output_of(CHROMIUM, &["--version"])?;
    let version = reported.split_whitespace().nth(1)?;
    version.split('.').next()?.parse().ok()
}

/// Debian's Chromium, ChromeDriver, a Hangul font and a Thai font, for the browser and
/// end-to-end tests.
/// An installed Chromium older than [`MIN_CHROMIUM_MAJOR`] is upgraded (with its driver).
pub fn ensure_chromium() -> Result<()> {
    let installed = [CHROMIUM, CHROMEDRIVER, HANGUL_TEST_FONT, THAI_TEST_FONT]
        .iter()
        .all(|path| Path::new(path).exists());
    if installed && chromium_major_version().is_some_and(|major| major >= MIN_CHROMIUM_MAJOR) {
        return Ok(());
    }
    println!(
        "xtask: installing Debian's chromium, chromium-driver, fonts-noto-cjk and fonts-tlwg-loma"
    );
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
            "fonts-noto-cjk",
            "fonts-tlwg-loma",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Runs `work` on every item, as many at once as the machine has cores. For work that is one
/// process or one core each: wasm-opt on the chunks, a fuzz target's run, a file's
/// compression. Every item is worked on even when some fail; one failure is the error, and
/// several are each printed and counted in it.
pub fn on_every_core<T: Sync>(items: &[T], work: impl Fn(&T) -> Result<()> + Sync) -> Result<()> {
    let at_once = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len().max(1));
    let queue = std::sync::Mutex::new(items.iter());
    let failures = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..at_once)
            .map(|_| {
                scope.spawn(|| {
                    let mut failures = Vec::new();
                    loop {
                        let next = queue
                            .lock()
                            .unwrap_or_else(|poisoned| poisoned.into_inner())
                            .next();
                        let Some(item) = next else {
                            return failures;
                        };
                        if let Err(error) = work(item) {
                            failures.push(error);
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| vec![anyhow::anyhow!("a worker thread panicked")])
            })
            .collect::<Vec<_>>()
    });
    let count = failures.len();
    let mut failures = failures.into_iter();
    match (failures.next(), count) {
        (None, _) => Ok(()),
        (Some(only), 1) => Err(only),
        (Some(first), _) => {
            for failure in std::iter::once(first).chain(failures) {
                eprintln!("xtask: {failure:#}");
            }
            bail!("{count} of {} items failed (each named above)", items.len())
        }
    }
}

/// `wasm-opt -Oz` on every module, in place, through `xtask/wasm-opt-all.mjs`: one Node.js
/// process a core, each loading binaryen once for its share of the modules. (The `wasm-opt`
/// command would start Node and compile binaryen's own wasm once per module, about a second
/// each; the learners' build has a main module and some 270 chunks.) The script applies the
/// command's `-Oz` settings, so the bytes are the command's, less the `producers` and
/// `target_features` sections it strips.
pub fn wasm_opt_all_in_place(root: &Path, modules: &[PathBuf]) -> Result<()> {
    let at_once = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(modules.len().max(1));
    // Largest first, each to the share with the fewest bytes so far: the main module alone
    // takes about as long as a hundred small chunks.
    let mut by_size: Vec<(u64, &PathBuf)> = modules
        .iter()
        .map(|module| (file_size(module), module))
        .collect();
    by_size.sort_by_key(|(size, _)| std::cmp::Reverse(*size));
    let mut shares: Vec<(u64, Vec<&PathBuf>)> = vec![(0, Vec::new()); at_once];
    for (size, module) in by_size {
        if let Some(share) = shares.iter_mut().min_by_key(|share| share.0) {
            share.0 += size;
            share.1.push(module);
        }
    }
    let script = root.join("xtask/wasm-opt-all.mjs");
    let shares: Vec<Vec<&PathBuf>> = shares
        .into_iter()
        .map(|(_, share)| share)
        .filter(|share| !share.is_empty())
        .collect();
    on_every_core(&shares, |share| {
        let status = Command::new("node")
            .arg(&script)
            .args(share.iter())
            .current_dir(root)
            .status()
            .context("cannot start node for wasm-opt")?;
        if !status.success() {
            bail!(
                "wasm-opt failed on some of {} modules (named above)",
                share.len()
            );
        }
        Ok(())
    })
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |metadata| metadata.len())
}

/// `wasm-opt -Oz` on one module, in place. wasm-split writes a name subsection wasm-opt does
/// not know and warns about once per module (the names are dropped from the output anyway), so
/// those lines are left out of what it printed; anything else it says is shown.
pub fn wasm_opt_in_place(root: &Path, module: &Path) -> Result<()> {
    let output = Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg("-Oz")
        .arg(module)
        .arg("-o")
        .arg(module)
        .current_dir(root)
        .output()
        .context("cannot start wasm-opt")?;
    let said = String::from_utf8_lossy(&output.stderr);
    for line in said.lines() {
        if !line.starts_with("warning: unknown name subsection") {
            eprintln!("{line}");
        }
    }
    if !output.status.success() {
        bail!(
            "wasm-opt failed on {} with {}",
            module.display(),
            output.status
        );
    }
    Ok(())
}
