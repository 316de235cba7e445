//! `cargo xtask fuzz`: runs the fuzz targets in `fuzz/` with cargo-fuzz (libFuzzer) on the
//! stable compiler, and the short pass over them that `cargo xtask test` makes.
//!
//! Stable Rust cannot build sanitizers, so every run uses `--sanitizer none`: libFuzzer still
//! gets its coverage from `-Cpasses=sancov-module`, which stable accepts, and the targets look
//! for panics and broken properties (safe Rust leaves memory errors to the compiler).
//!
//! Each target reads its committed corpus (`fuzz/corpus/<target>/`) and writes what it finds
//! new to `fuzz/target/corpus/<target>/`, which is not committed but kept between runs, so long
//! runs build on each other. `--minimize-corpus` folds that back into the committed corpus,
//! keeping only inputs that add coverage. A crash is saved under `fuzz/artifacts/<target>/` and
//! named in the error.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

use anyhow::{bail, Context, Result};

use crate::tools;

/// Pinned, like every tool xtask installs; 0.13 runs on stable with `--sanitizer none`.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// How long `cargo xtask fuzz` runs each target unless told.
const DEFAULT_SECONDS: u64 = 600;

/// How long `cargo xtask test` fuzzes each target past its corpus.
pub const TEST_SECONDS: u64 = 20;

pub const USAGE: &str = "  fuzz [--seconds N] [--quiet] [--minimize-corpus] [TARGET…]
                             run each fuzz target (all when none is named) for N seconds
                             (default 600) over its committed corpus; fails naming the input
                             that crashed. --quiet keeps libFuzzer's progress lines in
                             fuzz/target/logs/ and prints them only for a target that fails.
                             --minimize-corpus instead folds what runs found into
                             fuzz/corpus/, keeping only inputs that add coverage";

fn fuzz_dir() -> PathBuf {
    tools::repo_root().join("fuzz")
}

/// `cargo xtask fuzz [--seconds N] [--minimize-corpus] [TARGET…]`.
pub fn run(arguments: &[String]) -> Result<()> {
    let mut seconds = DEFAULT_SECONDS;
    let mut minimize = false;
    let mut quiet = false;
    let mut chosen = Vec::new();
    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        match argument.as_str() {
            "--seconds" => {
                let value = rest.next().context("--seconds needs a number")?;
                seconds = value
                    .parse()
                    .ok()
                    .filter(|seconds| *seconds > 0)
                    .with_context(|| format!("--seconds {value:?} is not a positive number"))?;
            }
            "--minimize-corpus" => minimize = true,
            "--quiet" => quiet = true,
            flag if flag.starts_with('-') => bail!("unknown argument {flag}\n\n{USAGE}"),
            target => chosen.push(target.to_owned()),
        }
    }
    let all = targets()?;
    if let Some(unknown) = chosen.iter().find(|target| !all.contains(target)) {
        bail!(
            "there is no fuzz target {unknown}; the targets are {}",
            all.join(", ")
        );
    }
    let targets = if chosen.is_empty() { all } else { chosen };
    ensure_cargo_fuzz()?;
    for target in &targets {
        if minimize {
            minimize_corpus(target)?;
        } else {
            fuzz(target, seconds, quiet)?;
        }
    }
    Ok(())
}

/// The short pass of `cargo xtask test`: every target over its whole committed corpus, then
/// [`TEST_SECONDS`] of new inputs each, quietly (libFuzzer prints thousands of progress lines
/// a target, which would bury the rest of the test's output).
pub fn test_pass() -> Result<()> {
    ensure_cargo_fuzz()?;
    let targets = targets()?;
    // Built once, all together; then each libFuzzer run is one process on one core, so as
    // many run at once as the machine has cores (two on a CI machine: half the wall time).
    println!("xtask fuzz: building every target");
    tools::run(
        Command::new("cargo")
            .args(["fuzz", "build", "--sanitizer", "none"])
            .env("PATH", tools::tool_path())
            .current_dir(fuzz_dir()),
    )?;
    tools::on_every_core(&targets, |target| fuzz(target, TEST_SECONDS, true))
        .context("the fuzz pass failed")
}

/// The targets: the files of `fuzz/fuzz_targets/`, sorted.
fn targets() -> Result<Vec<String>> {
    let folder = fuzz_dir().join("fuzz_targets");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .with_context(|| format!("cannot list {}", folder.display()))?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    names.sort();
    Ok(names)
}

/// Installs cargo-fuzz (built from its crate) unless this version is there.
pub fn ensure_cargo_fuzz() -> Result<()> {
    tools::ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", CARGO_FUZZ_VERSION, true)
}

fn cargo_fuzz(subcommand: &str, target: &str) -> Command {
    let mut command = Command::new("cargo");
    command
        .args(["fuzz", subcommand, "--sanitizer", "none", target])
        .env("PATH", tools::tool_path())
        .current_dir(fuzz_dir());
    command
}

/// Runs one target for `seconds`, failing with the path of the input that crashed it. With
/// `quiet`, the build's and libFuzzer's output go to `fuzz/target/logs/<target>.log`, and
/// only its last lines are printed, when the target fails.
fn fuzz(target: &str, seconds: u64, quiet: bool) -> Result<()> {
    let committed = fuzz_dir().join("corpus").join(target);
    let found = fuzz_dir().join("target").join("corpus").join(target);
    let artifacts = fuzz_dir().join("artifacts").join(target);
    for folder in [&committed, &found, &artifacts] {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
    }
    println!("xtask fuzz: {target} for {seconds} s");
    let started = Instant::now();
    let since = SystemTime::now();
    let mut command = cargo_fuzz("run", target);
    command
        .arg(&found)
        .arg(&committed)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()));
    let log = fuzz_dir()
        .join("target")
        .join("logs")
        .join(format!("{target}.log"));
    if quiet {
        let folder = log.parent().unwrap_or(&log);
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        let file = std::fs::File::create(&log)
            .with_context(|| format!("cannot write {}", log.display()))?;
        let copy = file
            .try_clone()
            .with_context(|| format!("cannot write {}", log.display()))?;
        command.stdout(copy).stderr(file);
    }
    let status = command.status().context("cannot start cargo fuzz")?;
    let summary = if quiet {
        last_lines(&log, 1)
    } else {
        String::new()
    };
    if status.success() {
        println!(
            "xtask fuzz: {target} passed in {:.0} s {}",
            started.elapsed().as_secs_f64(),
            summary.trim()
        );
        return Ok(());
    }
    if quiet {
        eprintln!(
            "xtask fuzz: the last lines of {}:\n{}",
            log.display(),
            last_lines(&log, 60)
        );
    }
    match newest_file_since(&artifacts, since) {
        Some(input) => bail!(
            "fuzz target {target} crashed on {input}\n  replay it: (cd fuzz && cargo fuzz run \
             --sanitizer none {target} {input})\n  once fixed, keep it as a regression: copy it to \
             fuzz/regressions/{target}/ with a name saying what it found",
            input = input.display()
        ),
        None => bail!("cargo fuzz run {target} failed with {status} before finding a crash"),
    }
}

/// The last `count` lines of a log file (nothing when it cannot be read).
fn last_lines(path: &Path, count: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

/// The file of `folder` written last, if any was written after `since`.
fn newest_file_since(folder: &Path, since: SystemTime) -> Option<PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let modified = entry.metadata().ok()?.modified().ok()?;
            (modified >= since).then(|| (modified, entry.path()))
        })
        .max()
        .map(|(_, path)| path)
}

/// Folds what runs found into the committed corpus and keeps only the inputs that add
/// coverage (libFuzzer's merge, through `cargo fuzz cmin`).
fn minimize_corpus(target: &str) -> Result<()> {
    let committed = fuzz_dir().join("corpus").join(target);
    let found = fuzz_dir().join("target").join("corpus").join(target);
    std::fs::create_dir_all(&committed)?;
    if let Ok(entries) = std::fs::read_dir(&found) {
        for entry in entries.filter_map(Result::ok) {
            std::fs::copy(entry.path(), committed.join(entry.file_name()))
                .with_context(|| format!("cannot copy {}", entry.path().display()))?;
        }
    }
    println!("xtask fuzz: minimizing the corpus of {target}");
    // Edges alone, not hit counts, decide what is kept: that keeps the committed corpus small
    // (a few hundred KB for all targets) for the same coverage of the code.
    tools::run(
        cargo_fuzz("cmin", target)
            .arg(&committed)
            .args(["--", "-use_counters=0"]),
    )
}
