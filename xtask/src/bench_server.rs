//! The server's part of `cargo xtask bench`, also run alone with `cargo xtask bench --server`:
//! statements ingested per second (`bench::measure_ingest`, as one learner from every client
//! and as one learner per client) and the teacher's reports at a
//! class's real size, on SQLite and, with `--server`, on a throw-away PostgreSQL cluster too
//! (the one `cargo xtask test-postgres` starts, `postgres.rs`).
//!
//! The class: [`CLASS_LEARNERS`] learners signed up through the API, each joining the class with
//! its code and pushing [`STATEMENTS_PER_LEARNER`] statements in batches of 100 (the lesson
//! player's statements, from the real courses); one whole-course assignment per course. Then
//! the dashboard, a learner's drill-down and that learner's `GET /api/my/assignments` are each
//! asked [`REPORT_RUNS`] times after one warm-up request, one request at a time, and their
//! median and p99 are reported. These are measurements, never assertions.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::bench::{
    content_items, free_loopback_port, load_average, measure_ingest, ContentItem, HttpConnection,
    Learner, ServerProcess, StatementFactory,
};
use crate::{build, postgres, tools};

/// Learners in the measured class.
pub const CLASS_LEARNERS: usize = 30;
/// Statements each learner has stored before the reports are timed.
pub const STATEMENTS_PER_LEARNER: usize = 10_000;
/// Statements per push while filling the class's history.
const PUSH_BATCH: usize = 100;
/// Concurrent clients pushing the class's history.
const PUSH_CLIENTS: usize = 4;
/// Timed requests per report, after one warm-up request.
const REPORT_RUNS: usize = 20;
/// The demo teacher that `--seed-demo` creates.
const DEMO_TEACHER: (&str, &str) = ("demo-teacher", "baeum-teacher");
/// The benchmark learners' password (they exist only in the throw-away database).
const LEARNER_PASSWORD: &str = "bench-learner-password";

/// What `cargo xtask bench --server` measures.
pub struct Options {
    /// Build the content and the server first (`--no-build` measures the last build).
    build_first: bool,
    /// Only the ingest measurements, not the class's reports (`--ingest-only`): a quick run
    /// while working on the write path.
    ingest_only: bool,
    /// Measure SQLite.
    sqlite: bool,
    /// Measure PostgreSQL.
    postgresql: bool,
}

impl Options {
    /// `[--no-build] [--ingest-only] [--engine sqlite|postgresql]`.
    pub fn parse(arguments: &[String]) -> Result<Self> {
        let usage = "usage: cargo xtask bench --server [--no-build] [--ingest-only] \
                     [--engine sqlite|postgresql]";
        let mut options = Self {
            build_first: true,
            ingest_only: false,
            sqlite: true,
            postgresql: true,
        };
        let mut arguments = arguments.iter();
        while let Some(argument) = arguments.next() {
            match argument.as_str() {
                "--no-build" => options.build_first = false,
                "--ingest-only" => options.ingest_only = true,
                "--engine" => match arguments.next().map(String::as_str) {
                    Some("sqlite") => options.postgresql = false,
                    Some("postgresql") => options.sqlite = false,
                    _ => bail!("{usage}"),
                },
                _ => bail!("{usage}"),
            }
        }
        Ok(options)
    }
}

/// `cargo xtask bench --server`: the server's measurements alone.
pub fn run(options: &Options) -> Result<()> {
    let started = Instant::now();
    let root = tools::repo_root();
    if options.build_first {
        build::build_content()?;
        crate::bench::build_server()?;
    }
    let load_at_start = load_average();
    let mut engines = Vec::new();
    if options.sqlite {
        println!("xtask bench: the server on SQLite");
        engines.push(measure_engine(&root, "sqlite", None, options.ingest_only)?);
    }
    if options.postgresql {
        println!("xtask bench: the server on PostgreSQL (a throw-away cluster)");
        let cluster = postgres::start()?;
        engines.push(measure_engine(
            &root,
            "postgresql",
            Some(&cluster),
            options.ingest_only,
        )?);
        drop(cluster);
    }
    let report = json!({
        "load_average_1_5_15_min_at_start": load_at_start,
        "load_average_1_5_15_min_at_end": load_average(),
        "engines": engines,
        "bench_seconds": started.elapsed().as_secs(),
    });
    let out_dir = root.join("target").join("bench");
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("cannot create {}", out_dir.display()))?;
    let report_path = out_dir.join("server.json");
    std::fs::write(&report_path, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("cannot write {}", report_path.display()))?;
    println!("\nbaeum server bench, load average at start {load_at_start}");
    for engine in report["engines"].as_array().into_iter().flatten() {
        for (name, value) in table_rows(engine) {
            println!("  {name}  {value}");
        }
    }
    println!(
        "\nxtask bench: report written to {} ({} s)",
        report_path.display(),
        started.elapsed().as_secs()
    );
    Ok(())
}

/// Starts the server on one engine (SQLite in a throw-away directory, or the PostgreSQL
/// database at `database`), measures ingest and the reports, and stops it.
fn measure_engine(
    root: &Path,
    engine: &str,
    cluster: Option<&postgres::TestCluster>,
    ingest_only: bool,
) -> Result<Value> {
    let url = cluster.map(postgres::TestCluster::url);
    let database = url.as_deref();
    let work_dir = std::env::temp_dir().join(format!(
        "baeum-bench-server-{}-{engine}",
        std::process::id()
    ));
    std::fs::create_dir_all(&work_dir)
        .with_context(|| format!("cannot create {}", work_dir.display()))?;
    let result = (|| -> Result<Value> {
        let port = free_loopback_port()?;
        let server = ServerProcess::start(root, &work_dir, port, database)?;
        let address = format!("127.0.0.1:{port}");
        let items = Arc::new(content_items(&build::content_out_dir())?);
        let learner = Learner::sign_in(&address, ("demo-learner", "baeum-learner"))?;
        let mut ingest = Vec::new();
        let server_pid = server.pid();
        let processes = || {
            let mut processes = vec![("server", vec![server_pid])];
            if let Some(cluster) = cluster {
                processes.push(("postgresql", cluster.processes()));
            }
            processes
        };
        for clients in [4, 32] {
            println!("xtask bench: {engine}: ingest, {clients} clients, one learner");
            ingest.push(measure_ingest(
                &address,
                std::slice::from_ref(&learner),
                &items,
                clients,
                &processes,
            )?);
        }
        let learners = sign_up_learners(&address, "bench-ingest", 32)?;
        for clients in [4, 32] {
            println!("xtask bench: {engine}: ingest, {clients} clients, a learner each");
            ingest.push(measure_ingest(
                &address,
                &learners[..clients],
                &items,
                clients,
                &processes,
            )?);
        }
        let reports = if ingest_only {
            Value::Null
        } else {
            measure_reports(&address, &items, engine)?
        };
        server.stop();
        Ok(json!({ "engine": engine, "server_ingest": ingest, "reports": reports }))
    })();
    // The database is throw-away; a failure to delete it must not hide the result.
    let _ = std::fs::remove_dir_all(&work_dir);
    result
}

/// Fills a class of [`CLASS_LEARNERS`] learners with [`STATEMENTS_PER_LEARNER`] statements
/// each through the API, assigns every course to it, and times the reports.
pub fn measure_reports(
    address: &str,
    items: &Arc<Vec<ContentItem>>,
    engine: &str,
) -> Result<Value> {
    let teacher = Learner::sign_in(address, DEMO_TEACHER)?;
    let mut connection = HttpConnection::open(address)?;
    let json_headers = |authorization: &str| {
        [
            ("Authorization", authorization.to_owned()),
            ("Content-Type", "application/json".to_owned()),
        ]
    };
    let class = post_json(
        &mut connection,
        "/api/classes",
        &json_headers(&teacher.authorization),
        &json!({ "name": "bench class" }),
    )?;
    let class_id = class["id"]
        .as_str()
        .context("the class has no id")?
        .to_owned();
    let join_code = class["join_code"]
        .as_str()
        .context("the class has no join code")?
        .to_owned();

    println!("xtask bench: {engine}: {CLASS_LEARNERS} learners join the class");
    let learners = sign_up_learners(address, "bench-learner", CLASS_LEARNERS)?;
    for learner in &learners {
        post_json(
            &mut connection,
            "/api/classes/join",
            &json_headers(&learner.authorization),
            &json!({ "join_code": join_code }),
        )?;
    }

    println!(
        "xtask bench: {engine}: {} statements each ({} in all), {PUSH_CLIENTS} clients",
        STATEMENTS_PER_LEARNER,
        CLASS_LEARNERS * STATEMENTS_PER_LEARNER
    );
    let filled = Instant::now();
    let learners = Arc::new(learners);
    let next_learner = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..PUSH_CLIENTS)
        .map(|_| {
            let learners = Arc::clone(&learners);
            let next_learner = Arc::clone(&next_learner);
            let items = Arc::clone(items);
            let address = address.to_owned();
            std::thread::spawn(move || -> Result<()> {
                let mut connection = HttpConnection::open(&address)?;
                loop {
                    let index = next_learner.fetch_add(1, Ordering::Relaxed);
                    let Some(learner) = learners.get(index) else {
                        return Ok(());
                    };
                    let mut factory = StatementFactory::new(&learner.actor, &items)?;
                    let headers = [
                        ("Authorization", learner.authorization.as_str()),
                        ("X-Experience-API-Version", "2.0.0"),
                        ("Content-Type", "application/json"),
                    ];
                    for _ in 0..STATEMENTS_PER_LEARNER / PUSH_BATCH {
                        let body = factory.batch_body(PUSH_BATCH)?;
                        let response =
                            connection.request("POST", "/xapi/statements", &headers, &body)?;
                        if response.status != 200 && response.status != 204 {
                            bail!(
                                "a push answered {}: {}",
                                response.status,
                                String::from_utf8_lossy(
                                    &response.body[..response.body.len().min(300)]
                                )
                            );
                        }
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker
            .join()
            .map_err(|_| anyhow::anyhow!("a pushing client thread panicked"))??;
    }
    let fill_seconds = filled.elapsed().as_secs_f64();

    let mut course_ids: Vec<&str> = items.iter().map(|item| item.course_id.as_str()).collect();
    course_ids.dedup();
    for course_id in &course_ids {
        post_json(
            &mut connection,
            "/api/assignments",
            &json_headers(&teacher.authorization),
            &json!({
                "id": Uuid::now_v7(),
                "class_id": class_id,
                "course_id": course_id,
                "due_at": "2030-01-01T00:00:00Z",
            }),
        )?;
    }
    let first_learner = learners.first().context("the class has no learners")?;
    let me = get_json(
        &mut connection,
        "/api/me",
        &[("Authorization", first_learner.authorization.clone())],
    )?;
    let learner_id = me["id"].as_str().context("/api/me has no id")?.to_owned();

    println!("xtask bench: {engine}: timing the reports, {REPORT_RUNS} runs each");
    let teacher_headers = [("Authorization", teacher.authorization.clone())];
    let learner_headers = [("Authorization", first_learner.authorization.clone())];
    let dashboard = time_requests(
        &mut connection,
        &format!("/api/classes/{class_id}/dashboard"),
        &teacher_headers,
    )?;
    let drill_down = time_requests(
        &mut connection,
        &format!("/api/classes/{class_id}/learners/{learner_id}"),
        &teacher_headers,
    )?;
    let my_assignments = time_requests(&mut connection, "/api/my/assignments", &learner_headers)?;
    Ok(json!({
        "learners": CLASS_LEARNERS,
        "statements_per_learner": STATEMENTS_PER_LEARNER,
        "assignments": course_ids.len(),
        "fill_seconds": (fill_seconds * 10.0).round() / 10.0,
        "fill_statements_per_second":
            ((CLASS_LEARNERS * STATEMENTS_PER_LEARNER) as f64 / fill_seconds).round(),
        "dashboard": dashboard,
        "drill_down": drill_down,
        "my_assignments": my_assignments,
    }))
}

/// Signs up `count` learners named `prefix-00`, `prefix-01`, … and signs each in.
fn sign_up_learners(address: &str, prefix: &str, count: usize) -> Result<Vec<Learner>> {
    let mut connection = HttpConnection::open(address)?;
    let mut learners = Vec::with_capacity(count);
    for number in 0..count {
        let username = format!("{prefix}-{number:02}");
        post_json(
            &mut connection,
            "/api/accounts",
            &[("Content-Type", "application/json".to_owned())],
            &json!({ "username": username, "password": LEARNER_PASSWORD }),
        )?;
        learners.push(Learner::sign_in(address, (&username, LEARNER_PASSWORD))?);
    }
    Ok(learners)
}

fn post_json(
    connection: &mut HttpConnection,
    path: &str,
    headers: &[(&str, String)],
    body: &Value,
) -> Result<Value> {
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let response = connection.request("POST", path, &headers, body.to_string().as_bytes())?;
    if !(200..300).contains(&response.status) {
        bail!(
            "POST {path} answered {}: {}",
            response.status,
            String::from_utf8_lossy(&response.body[..response.body.len().min(300)])
        );
    }
    response.json()
}

fn get_json(
    connection: &mut HttpConnection,
    path: &str,
    headers: &[(&str, String)],
) -> Result<Value> {
    let headers: Vec<(&str, &str)> = headers
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let response = connection.request("GET", path, &headers, &[])?;
    if response.status != 200 {
        bail!("GET {path} answered {}", response.status);
    }
    response.json()
}

/// One warm-up request, then [`REPORT_RUNS`] timed ones: median, p99 and the answer's size.
fn time_requests(
    connection: &mut HttpConnection,
    path: &str,
    headers: &[(&str, String)],
) -> Result<Value> {
    let warm_up = get_json(connection, path, headers)?;
    let mut times = Vec::with_capacity(REPORT_RUNS);
    for _ in 0..REPORT_RUNS {
        let sent = Instant::now();
        get_json(connection, path, headers)?;
        times.push(sent.elapsed());
    }
    times.sort();
    let milliseconds = |duration: Duration| (duration.as_secs_f64() * 10_000.0).round() / 10.0;
    let at = |fraction: f64| {
        let index = ((fraction * times.len() as f64).ceil() as usize).saturating_sub(1);
        times.get(index).copied().map(milliseconds)
    };
    Ok(json!({
        "runs": REPORT_RUNS,
        "median_ms": at(0.50),
        "p99_ms": at(0.99),
        "max_ms": times.last().copied().map(milliseconds),
        "answer_bytes": warm_up.to_string().len(),
    }))
}

/// The rows of the printed table for one engine's measurements.
pub fn table_rows(engine: &Value) -> Vec<(String, String)> {
    let name = engine["engine"].as_str().unwrap_or("?");
    let mut rows = Vec::new();
    for run in engine["server_ingest"].as_array().into_iter().flatten() {
        rows.push((
            format!(
                "{name}: ingest, {} clients, {}, batches of 100",
                run["clients"],
                match run["learners"].as_u64() {
                    Some(1) | None => "one learner".to_owned(),
                    Some(learners) => format!("{learners} learners"),
                }
            ),
            format!(
                "{} statements/s, p99 {} ms; CPU {} s ({} statements per CPU second)",
                run["statements_per_second"],
                run["latency_p99_ms"],
                run["cpu_seconds"],
                run["statements_per_cpu_second"]
            ),
        ));
    }
    let reports = &engine["reports"];
    if reports.is_null() {
        return rows;
    }
    rows.push((
        format!(
            "{name}: filling {} learners × {} statements",
            reports["learners"], reports["statements_per_learner"]
        ),
        format!(
            "{} s, {} statements/s",
            reports["fill_seconds"], reports["fill_statements_per_second"]
        ),
    ));
    for (key, label) in [
        ("dashboard", "dashboard"),
        ("drill_down", "drill-down"),
        ("my_assignments", "my assignments"),
    ] {
        rows.push((
            format!("{name}: {label}, median / p99"),
            format!(
                "{} ms / {} ms",
                reports[key]["median_ms"], reports[key]["p99_ms"]
            ),
        ));
    }
    rows
}
