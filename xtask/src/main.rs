//! `cargo xtask serve | test | e2e | content | bench | size`: the project's entry points. Each
//! one installs what it needs (checking versions, so a second run skips installs) and then does
//! its work, so a fresh machine needs nothing but these commands.

mod app_chunks;
mod bench;
mod bench_catalog;
mod bench_server;
mod breakdown;
mod budget;
mod build;
mod content;
mod first_screen;
mod fuzz;
mod inline_code;
mod postgres;
mod split_wasm;
mod synthetic;
mod tools;
mod translations;

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask <command>

  serve [--addr HOST:PORT]   build the client and the sample courses, then serve them with an
                             embedded database on http://127.0.0.1:8080 (or $BAEUM_ADDR), with
                             the demo accounts; loopback addresses only
  serve-school --addr HOST:PORT [--tls-cert FILE --tls-key FILE] [--data DIR]
               [--database postgres://…]
                             the same build served to a school: no demo accounts (make the
                             first admin with `target/server/baeum-server admin create NAME`)
  test                       run every check: fmt, clippy, native tests, the server's tests
                             again on PostgreSQL, browser and end-to-end tests
  test-postgres              the server's tests on a throw-away PostgreSQL cluster (installing
                             Debian's postgresql, and nginx for the two-instances test, when
                             missing): the test's PostgreSQL step alone
  e2e [--no-build] [NAME…]   build, then run only the end-to-end tests whose file names
                             contain one of the NAMEs (all of them when none is given)
  content [--out DIR] [--generate-audio]
                             validate content/ and build the course packs
  bench [--runs N] [--no-build]  measure bytes, load times, sync and server throughput
  bench --server [--no-build] [--ingest-only] [--engine sqlite|postgresql]
                             the server's part alone (ingest, the teacher's reports at
                             30 learners × 10,000 statements) on SQLite and PostgreSQL;
                             --ingest-only skips the reports, --engine measures one engine
                             (quick iterations; the README's table comes from the whole run)
  size [--breakdown] [--no-build]
                             build the client in release mode and report its bytes against
                             the budgets (the test's size step alone); --breakdown also lists
                             the learners' main wasm by crate and by our own function (twiggy);
                             --no-build measures the last build";

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = match arguments.first().map(String::as_str) {
        Some("serve") => serve(&arguments[1..]),
        Some("serve-school") => serve_school(&arguments[1..]),
        Some("test") => test(),
        Some("test-postgres") => postgres::test_server(false),
        Some("e2e") => end_to_end_only(&arguments[1..]),
        Some("content") => content::run(&arguments[1..]),
        Some("bench") => bench::run(&arguments[1..]),
        Some("size") => size(&arguments[1..]),
        Some("fuzz") => fuzz::run(&arguments[1..]),
        _ => {
            eprintln!("{USAGE}\n{}", fuzz::USAGE);
            std::process::exit(2);
        }
    };
    if let Err(error) = result {
        eprintln!("xtask: error: {error:#}");
        std::process::exit(1);
    }
}

/// The site `serve` opens beside the platform's own catalogue on 127.0.0.1.
const DEMO_SITE_ID: &str = "naju";
const DEMO_SITE_HOST: &str = "naju.localhost";

fn serve(arguments: &[String]) -> Result<()> {
    let mut address = std::env::var("BAEUM_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let mut rest = arguments.iter();
    while let Some(flag) = rest.next() {
        match flag.as_str() {
            "--addr" => {
                address = rest
                    .next()
                    .context("--addr needs a value like 127.0.0.1:8080")?
                    .clone()
            }
            other => bail!("unknown argument {other}\n\n{USAGE}"),
        }
    }
    // The demo accounts' passwords are in the README: never on an address others can reach.
    if address
        .parse::<std::net::SocketAddr>()
        .is_ok_and(|parsed| !parsed.ip().is_loopback())
    {
        bail!(
            "cargo xtask serve is the demo, with demo accounts whose passwords are public, so it \
             serves loopback addresses only; serve a school with `cargo xtask serve-school --addr \
             {address}` (see the README, \"At a school\")"
        );
    }
    build::build_content()?;
    build::build_client()?;
    println!("xtask: building the server");
    tools::run(Command::new("cargo").args(["build", "--profile", "server", "-p", "baeum-server"]))?;
    let root = tools::repo_root();
    let server = root.join("target/server/baeum-server");
    // A second site on the same server, for trying one platform with many sites: its own
    // host (`*.localhost` reaches this machine in browsers), name and courses.
    tools::run(
        Command::new(&server)
            .args(["site", "set", DEMO_SITE_ID])
            .args(["--name", "ko=나주", "--name", "en=Naju"])
            .args(["--host", DEMO_SITE_HOST])
            .args(["--course", "hangul", "--course", "science-basics"])
            .args(["--data", "data", "--content", "target/content"])
            .current_dir(&root),
    )?;
    let port = address.rsplit_once(':').map_or("8080", |(_, port)| port);
    println!(
        "xtask: the demo's second site, Naju, is http://{DEMO_SITE_HOST}:{port}/ \
         (its own name and courses; the same accounts)"
    );
    tools::run(
        Command::new(server)
            .args(["--addr", &address, "--seed-demo"])
            .args([
                "--dist",
                "dist",
                "--content",
                "target/content",
                "--data",
                "data",
            ])
            .current_dir(&root),
    )
}

/// `serve-school`: the build `serve` makes, served with no demo accounts, on any address, with
/// https when given a certificate and key (the server's own flags and variables).
fn serve_school(arguments: &[String]) -> Result<()> {
    let mut server_arguments: Vec<String> = Vec::new();
    let mut address = std::env::var("BAEUM_ADDR").ok();
    let mut data = "data".to_owned();
    let mut rest = arguments.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .with_context(|| format!("{flag} needs a value\n\n{USAGE}"))?
            .clone();
        match flag.as_str() {
            "--addr" => address = Some(value),
            "--data" => data = value,
            "--tls-cert" | "--tls-key" | "--database" => {
                server_arguments.extend([flag.clone(), value])
            }
            other => bail!("unknown argument {other}\n\n{USAGE}"),
        }
    }
    let address = address.context("serve-school needs --addr HOST:PORT (or $BAEUM_ADDR)")?;
    build::build_content()?;
    build::build_client()?;
    println!("xtask: building the server");
    tools::run(Command::new("cargo").args(["build", "--profile", "server", "-p", "baeum-server"]))?;
    let root = tools::repo_root();
    let server = root.join("target/server/baeum-server");
    println!(
        "xtask: serving with no demo accounts; make the school's first admin with\n  \
         target/server/baeum-server admin create USERNAME --data {data}\n\
         and teachers with `target/server/baeum-server admin invite-teacher --data {data}`"
    );
    tools::run(
        Command::new(server)
            .args(["--addr", &address])
            .args([
                "--dist",
                "dist",
                "--content",
                "target/content",
                "--data",
                &data,
            ])
            .args(&server_arguments)
            .current_dir(&root),
    )
}

/// Every check, cheapest first, so a formatting slip fails in seconds rather than after the
/// browser tests.
fn test() -> Result<()> {
    let started = std::time::Instant::now();
    // Incremental caches double the size of every debug build and a one-shot run never reads
    // them back; without them a clean run fits a CI machine's disk. Every cargo and trunk this
    // command starts inherits the setting.
    std::env::set_var("CARGO_INCREMENTAL", "0");
    let mut steps = Steps::default();
    let mut step = |name: &str| steps.start(name);

    step("cargo fmt --check");
    tools::run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;

    tools::ensure_client_toolchain()?;
    tools::ensure_chromium()?;

    step("clippy (native)");
    tools::run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("clippy (client and the wasm FSRS benchmark, wasm32)");
    tools::run(Command::new("cargo").args([
        "clippy",
        "-p",
        "baeum-web",
        "-p",
        "baeum-fsrs-bench",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("native tests");
    tools::run(Command::new("cargo").args(["test", "--workspace"]))?;

    // Side by side: the fuzz runs are 20 s each by the clock whatever else runs, and the
    // PostgreSQL tests mostly wait on the database, so together they take about the longer one.
    step(
        "fuzz targets over their committed corpus, then 20 s of new inputs each; beside them, \
         the server's tests again on PostgreSQL (a throw-away cluster on loopback)",
    );
    let (postgres_passed, fuzz_passed) = std::thread::scope(|scope| {
        let postgres = scope.spawn(|| postgres::test_server(true));
        let fuzz_passed = fuzz::test_pass();
        let postgres_passed = postgres
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the PostgreSQL tests' thread panicked")));
        (postgres_passed, fuzz_passed)
    });
    if let Err(error) = &postgres_passed {
        eprintln!("xtask: {error:#}");
    }
    fuzz_passed?;
    postgres_passed?;

    step("content packs and their byte budget");
    build::build_content()?;
    budget::check_course_budget(&build::content_out_dir())?;

    step("browser tests (wasm-bindgen-test in headless Chromium)");
    tools::run(
        Command::new("cargo")
            .args([
                "test",
                "-p",
                "baeum-web",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("PATH", tools::tool_path())
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;

    step("client release build and the app shell's byte budget");
    build::build_client()?;
    budget::check_shell_budget(&build::dist_dir())?;

    step("end-to-end tests in headless Chromium against the real server");
    run_end_to_end_tests(&[])?;
    let steps_passed = steps.finish();
    println!(
        "\nxtask test: all {steps_passed} steps passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The steps of `cargo xtask test`, each named when it starts and timed when it ends, so that
/// a slow CI run shows where the time went.
#[derive(Default)]
struct Steps {
    passed: usize,
    current: Option<std::time::Instant>,
}

impl Steps {
    fn start(&mut self, name: &str) {
        self.finish();
        self.current = Some(std::time::Instant::now());
        println!("\nxtask test: [{}] {name}", self.passed + 1);
    }

    /// Ends the running step; returns how many steps have passed.
    fn finish(&mut self) -> usize {
        if let Some(started) = self.current.take() {
            self.passed += 1;
            println!(
                "xtask test: [{}] passed in {:.0} s",
                self.passed,
                started.elapsed().as_secs_f64()
            );
        }
        self.passed
    }
}

/// The client build and its byte budget alone, for seeing what a change costs in bytes.
fn size(arguments: &[String]) -> Result<()> {
    let mut breakdown = false;
    let mut build_first = true;
    for argument in arguments {
        match argument.as_str() {
            "--breakdown" => breakdown = true,
            "--no-build" => build_first = false,
            other => bail!("unknown argument {other}\n\n{USAGE}"),
        }
    }
    tools::ensure_client_toolchain()?;
    if build_first {
        build::build_client()?;
    }
    if breakdown {
        breakdown::report(&tools::repo_root(), &build::dist_dir())?;
    }
    budget::check_shell_budget(&build::dist_dir())
}

/// The end-to-end step alone, for working on one journey without the whole suite.
fn end_to_end_only(arguments: &[String]) -> Result<()> {
    let build_first = !arguments.iter().any(|argument| argument == "--no-build");
    let name_filters: Vec<String> = arguments
        .iter()
        .filter(|argument| *argument != "--no-build")
        .cloned()
        .collect();
    tools::ensure_client_toolchain()?;
    tools::ensure_chromium()?;
    if build_first {
        build::build_content()?;
        build::build_client()?;
    }
    run_end_to_end_tests(&name_filters)
}

/// Builds the debug server and runs the end-to-end test files (those whose names contain one
/// of `name_filters`, or all of them) against it, two files at a time.
fn run_end_to_end_tests(name_filters: &[String]) -> Result<()> {
    let root = tools::repo_root();
    tools::run(Command::new("cargo").args(["build", "-p", "baeum-server"]))?;
    let server_binary: PathBuf = root.join("target/debug/baeum-server");
    let end_to_end_tests = root.join("tests/e2e");
    let mut test_files: Vec<PathBuf> = build::files_under(&end_to_end_tests)?
        .into_iter()
        .filter(|path| {
            let name = path.to_string_lossy();
            name.ends_with(".test.mjs")
                && (name_filters.is_empty()
                    || name_filters
                        .iter()
                        .any(|filter| name.contains(filter.as_str())))
        })
        .collect();
    if test_files.is_empty() {
        bail!("no end-to-end test file matches {name_filters:?}");
    }
    test_files.sort();
    // Each file starts its own server (a free port, its own data) and browser, so files run
    // side by side, as many as the machine has cores: much of a test is waiting (on the
    // network's emulated speed, on sync's timers): two at a time ran the 88 tests in 397 s
    // where one at a time took 503 s, on a 2-core machine. A file's tests run in turn.
    let at_once = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 2);
    tools::run(
        Command::new("node")
            .arg("--test")
            .arg(format!("--test-concurrency={at_once}"))
            .args(&test_files)
            .env("BAEUM_SERVER_BIN", &server_binary)
            .env("BAEUM_DIST", build::dist_dir())
            .env("BAEUM_CONTENT", build::content_out_dir())
            .env("CHROMIUM", tools::CHROMIUM),
    )
}
