//! `cargo xtask bench`: measures what a learner on a slow, metered link feels, and what the
//! school's server can take, and writes the numbers to `target/bench/report.json`.
//!
//! It builds everything in release mode, starts the real server on a free loopback port with a
//! throw-away database and the demo accounts, and then:
//! - drives headless Chromium over the DevTools protocol (`tests/bench/browser.mjs`) for the
//!   bytes of the first load and the first lesson, the time to `data-ready` on throttled
//!   networks, the offline restart, the lesson's interaction latency and the IndexedDB timings;
//! - measures sync bytes per statement and the server's ingest rate with a small HTTP/1.1 client
//!   written here over `std::net`, so that every byte it counts is a byte that crossed the
//!   socket and no dependency hides a decompression or a retry.
//!
//! These are measurements, never assertions: nothing here fails because a number is large.
//! Whatever cannot be measured yet is reported as "not measured" with the reason.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use baeum_core::content::{
    parse_catalog, parse_course_manifest, parse_lesson_file, Item, LocalizedText, CATALOG_FILE_NAME,
};
use baeum_core::record::{self, Answer as RecordedAnswer, RecordContext};
use baeum_core::session::Answer;
use baeum_core::sync::ClockOffset;
use uuid::Uuid;

use crate::budget::{HANGUL_COURSE_BUDGET_BYTES, SHELL_BUDGET_BYTES, SHELL_BUDGET_ENFORCED};
use crate::{build, tools};

const USAGE: &str = "usage: cargo xtask bench [--runs N] [--no-build] | --catalog-only

  --runs N     runs per timed browser measurement (default 5; 1 is quicker while developing)
  --no-build   measure the client, content and server binary already built
  --catalog-only  only the search of a catalogue of 2,000 made-up courses (issue 19)";

/// The demo learner that `--seed-demo` creates.
const DEMO_LEARNER: (&str, &str) = ("demo-learner", "baeum-learner");
/// Statements in the sync measurement's batch.
const SYNC_BATCH_STATEMENTS: usize = 200;
/// Statements per request in the ingest measurement.
const INGEST_BATCH_STATEMENTS: usize = 100;
/// Statements sent in each ingest measurement, whatever the number of clients.
const INGEST_TOTAL_STATEMENTS: usize = 20_000;
/// Concurrent clients in the two ingest measurements.
const INGEST_CLIENT_COUNTS: [usize; 2] = [4, 32];
/// Cards in the spaced-repetition scheduling measurement.
const FSRS_CARDS: usize = baeum_fsrs_bench::CARDS;

struct Options {
    runs: u32,
    build: bool,
}

fn parse_options(arguments: &[String]) -> Result<Options> {
    let mut options = Options {
        runs: 5,
        build: true,
    };
    let mut rest = arguments.iter();
    while let Some(flag) = rest.next() {
        match flag.as_str() {
            "--runs" => {
                let value = rest
                    .next()
                    .context("--runs needs a number, like --runs 1")?;
                options.runs = value
                    .parse()
                    .ok()
                    .filter(|runs| *runs >= 1)
                    .with_context(|| format!("--runs {value:?} is not a number of at least 1"))?;
            }
            "--no-build" => options.build = false,
            other => bail!("unknown argument {other}\n\n{USAGE}"),
        }
    }
    Ok(options)
}

pub fn run(arguments: &[String]) -> Result<()> {
    if arguments.first().map(String::as_str) == Some("--fsrs-only") {
        println!("{}", fsrs_measurement()?);
        return Ok(());
    }
    if arguments.first().map(String::as_str) == Some("--catalog-only") {
        return crate::bench_catalog::run_alone();
    }
    if arguments.first().map(String::as_str) == Some("--server") {
        return crate::bench_server::run(&crate::bench_server::Options::parse(&arguments[1..])?);
    }
    let options = parse_options(arguments)?;
    let started = Instant::now();
    let root = tools::repo_root();
    if options.build {
        build::build_content()?;
        build::build_client()?;
        build::build_fsrs_bench_wasm()?;
        build_server()?;
    }
    tools::ensure_node_packages()?;
    tools::ensure_chromium()?;

    let work_dir = std::env::temp_dir().join(format!("baeum-bench-{}", std::process::id()));
    fs::create_dir_all(&work_dir)
        .with_context(|| format!("cannot create {}", work_dir.display()))?;
    let result = measure_everything(&root, &work_dir, &options);
    // The database is throw-away; a failure to delete it must not hide the measurement's result.
    let _ = fs::remove_dir_all(&work_dir);
    let mut report = result?;
    let elapsed_seconds = started.elapsed().as_secs();
    report["bench_seconds"] = json!(elapsed_seconds);

    let out_dir = root.join("target").join("bench");
    fs::create_dir_all(&out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let report_path = out_dir.join("report.json");
    fs::write(&report_path, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("cannot write {}", report_path.display()))?;
    print_table(&report);
    println!(
        "\nxtask bench: report written to {} ({elapsed_seconds} s, builds included)",
        report_path.display()
    );
    Ok(())
}

/// Starts the server, runs every measurement against it, stops it, and returns the report.
fn measure_everything(root: &Path, work_dir: &Path, options: &Options) -> Result<Value> {
    // Other work on a shared machine slows every number down; the report says how busy it was.
    let load_at_start = load_average();
    let port = free_loopback_port()?;
    let server = ServerProcess::start(root, work_dir, port, None)?;
    let address = format!("127.0.0.1:{port}");

    println!("xtask bench: signing in as the demo learner");
    let learner = Learner::sign_in(&address, DEMO_LEARNER)?;
    let items = Arc::new(content_items(&build::content_out_dir())?);

    println!("xtask bench: sync bytes for a batch of {SYNC_BATCH_STATEMENTS} statements");
    let sync = measure_sync(&address, &learner, &items)?;

    println!(
        "xtask bench: browser measurements ({} run(s) each)",
        options.runs
    );
    let browser_report_path = work_dir.join("browser.json");
    tools::run(
        Command::new("node")
            .arg(root.join("tests/bench/browser.mjs"))
            .env("BAEUM_BENCH_SERVER_PORT", port.to_string())
            .env("BAEUM_BENCH_RUNS", options.runs.to_string())
            .env("BAEUM_BENCH_OUT", &browser_report_path)
            .env("BAEUM_BENCH_FSRS_WASM_DIR", build::fsrs_bench_wasm_dir())
            .env("CHROMIUM", tools::CHROMIUM)
            .current_dir(root),
    )?;
    let browser: Value = serde_json::from_slice(
        &fs::read(&browser_report_path)
            .with_context(|| format!("cannot read {}", browser_report_path.display()))?,
    )
    .context("the browser measurements are not JSON")?;

    let mut ingest = Vec::new();
    for clients in INGEST_CLIENT_COUNTS {
        println!(
            "xtask bench: server ingest, {INGEST_TOTAL_STATEMENTS} statements in batches of \
             {INGEST_BATCH_STATEMENTS}, {clients} concurrent clients"
        );
        let server_pid = server.pid();
        ingest.push(measure_ingest(
            &address,
            std::slice::from_ref(&learner),
            &items,
            clients,
            &|| vec![("server", vec![server_pid])],
        )?);
    }
    let reports = crate::bench_server::measure_reports(&address, &items, "sqlite")?;
    server.stop();

    println!("xtask bench: spaced-repetition scheduling for {FSRS_CARDS} cards");
    let fsrs = measure_fsrs_scheduling(root)?;
    let catalog = crate::bench_catalog::measure(root, work_dir)?;

    Ok(json!({
        "machine": machine_description(&browser, &load_at_start),
        "budgets": budgets(&browser),
        "browser": browser,
        "sync": sync,
        "server_ingest": ingest,
        "server_reports": { "engine": "sqlite", "reports": reports },
        "fsrs_scheduling": fsrs,
        "catalog": catalog,
    }))
}

pub(crate) fn free_loopback_port() -> Result<u16> {
    let probe = TcpListener::bind("127.0.0.1:0").context("cannot find a free loopback port")?;
    Ok(probe.local_addr()?.port())
}

/// The release server, stopped when dropped so that a failed measurement leaves nothing behind.
pub(crate) struct ServerProcess {
    child: Child,
}

impl ServerProcess {
    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Starts the release server on `port` with the demo accounts: on SQLite in
    /// `work_dir/data`, or on the PostgreSQL database at `database`.
    pub(crate) fn start(
        root: &Path,
        work_dir: &Path,
        port: u16,
        database: Option<&str>,
    ) -> Result<Self> {
        Self::start_serving(root, work_dir, port, database, &build::content_out_dir())
    }

    /// [`ServerProcess::start`] serving the content built in `content`.
    pub(crate) fn start_serving(
        root: &Path,
        work_dir: &Path,
        port: u16,
        database: Option<&str>,
        content: &Path,
    ) -> Result<Self> {
        let binary = root.join("target/server/baeum-server");
        if !binary.exists() {
            bail!(
                "{} is missing: run `cargo xtask bench` without --no-build",
                binary.display()
            );
        }
        let log_path = work_dir.join("server.log");
        let log = fs::File::create(&log_path)
            .with_context(|| format!("cannot create {}", log_path.display()))?;
        let mut command = Command::new(&binary);
        if let Some(url) = database {
            command.env("BAEUM_DATABASE_URL", url);
        } else {
            command.env_remove("BAEUM_DATABASE_URL");
        }
        let child = command
            .args(["--addr", &format!("127.0.0.1:{port}"), "--seed-demo"])
            .arg("--dist")
            .arg(build::dist_dir())
            .arg("--content")
            .arg(content)
            .arg("--data")
            .arg(work_dir.join("data"))
            // The ingest run pushes more statements in a minute, as one learner, than the
            // per-account daily limits allow a real learner.
            .args(["--daily-statement-limit", "1000000000"])
            .args(["--daily-statement-bytes", "1000000000000"])
            // It signs up and signs in some ninety learners from one address in a minute or
            // two, more than a school's first morning.
            .args(["--sign-ups-per-address", "1000/1h"])
            .args(["--password-attempts-per-address", "1000/2m"])
            // The request log would cost the server time on every request of the ingest run.
            .env("RUST_LOG", "warn")
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut server = ServerProcess { child };
        let address = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = server.child.try_wait()? {
                let log = fs::read_to_string(&log_path).unwrap_or_default();
                bail!("the server exited with {status} before answering:\n{log}");
            }
            let healthy = HttpConnection::open(&address)
                .and_then(|mut connection| connection.request("GET", "/api/health", &[], &[]))
                .is_ok_and(|response| response.status == 200);
            if healthy {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!("the server did not answer /api/health within 60 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn stop(mut self) {
        self.terminate();
    }

    fn terminate(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            // Killing the child we started, by its handle, is enough: its database is
            // throw-away.
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// One response as it came off the socket.
pub(crate) struct HttpResponse {
    pub(crate) status: u16,
    headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
    /// Status line, headers and body as received (the body still chunked or compressed).
    wire_bytes: usize,
}

impl HttpResponse {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub(crate) fn json(&self) -> Result<Value> {
        serde_json::from_slice(&self.body).with_context(|| {
            format!(
                "the server answered {} with a body that is not JSON: {}",
                self.status,
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }
}

/// A kept-alive HTTP/1.1 connection. Small on purpose: it sends exactly the bytes it is given
/// and returns the body exactly as the server sent it, so byte counts are the wire's.
pub(crate) struct HttpConnection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    host: String,
}

impl HttpConnection {
    pub(crate) fn open(address: &str) -> Result<Self> {
        let stream =
            TcpStream::connect(address).with_context(|| format!("cannot connect to {address}"))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        Ok(HttpConnection {
            writer: stream.try_clone()?,
            reader: BufReader::new(stream),
            host: address.to_owned(),
        })
    }

    /// The request head as sent; public so the sync measurement can count it.
    fn request_head(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> String {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.host);
        for (name, value) in headers {
            let _ = write!(head, "{name}: {value}\r\n");
        }
        if !body.is_empty() || method == "POST" {
            let _ = write!(head, "Content-Length: {}\r\n", body.len());
        }
        head.push_str("\r\n");
        head
    }

    pub(crate) fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<HttpResponse> {
        let head = self.request_head(method, path, headers, body);
        self.writer.write_all(head.as_bytes())?;
        self.writer.write_all(body)?;
        self.writer.flush()?;
        self.read_response()
    }

    fn read_response(&mut self) -> Result<HttpResponse> {
        let mut wire_bytes = 0;
        let mut line = String::new();
        wire_bytes += self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .with_context(|| format!("the server sent no HTTP status line: {line:?}"))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            let read = self.reader.read_line(&mut line)?;
            if read == 0 {
                bail!("the connection closed inside the response headers");
            }
            wire_bytes += read;
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                break;
            }
            if let Some((name, value)) = trimmed.split_once(':') {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        let mut response = HttpResponse {
            status,
            headers,
            body: Vec::new(),
            wire_bytes,
        };
        if let Some(length) = response.header("content-length") {
            let length: usize = length
                .parse()
                .with_context(|| format!("content-length {length:?} is not a number"))?;
            response.body = vec![0; length];
            self.reader.read_exact(&mut response.body)?;
            response.wire_bytes += length;
        } else if response
            .header("transfer-encoding")
            .is_some_and(|encoding| encoding.eq_ignore_ascii_case("chunked"))
        {
            loop {
                line.clear();
                response.wire_bytes += self.reader.read_line(&mut line)?;
                let size_text = line.trim().split(';').next().unwrap_or_default();
                let size = usize::from_str_radix(size_text, 16)
                    .with_context(|| format!("bad chunk size {size_text:?}"))?;
                let mut chunk = vec![0; size + 2];
                self.reader.read_exact(&mut chunk)?;
                response.wire_bytes += chunk.len();
                if size == 0 {
                    break;
                }
                response.body.extend_from_slice(&chunk[..size]);
            }
        } else if status != 204 && status != 304 {
            self.reader.read_to_end(&mut response.body)?;
            response.wire_bytes += response.body.len();
        }
        Ok(response)
    }
}

/// The demo learner's session: the token for `Authorization` and the xAPI actor the server
/// accepts statements for.
pub(crate) struct Learner {
    pub(crate) authorization: String,
    pub(crate) actor: Value,
}

impl Learner {
    /// Signs in as `(username, password)`.
    pub(crate) fn sign_in(address: &str, (username, password): (&str, &str)) -> Result<Self> {
        let mut connection = HttpConnection::open(address)?;
        let credentials = json!({ "username": username, "password": password });
        let response = connection.request(
            "POST",
            "/api/sessions",
            &[("Content-Type", "application/json")],
            credentials.to_string().as_bytes(),
        )?;
        if response.status != 200 {
            bail!("signing in as {username} answered {}", response.status);
        }
        let token = response.json()?["token"]
            .as_str()
            .context("the sign-in answer has no token")?
            .to_owned();
        let authorization = format!("Bearer {token}");
        let me = connection.request("GET", "/api/me", &[("Authorization", &authorization)], &[])?;
        if me.status != 200 {
            bail!("GET /api/me answered {}", me.status);
        }
        let actor = me.json()?["actor"].clone();
        if !actor.is_object() {
            bail!("GET /api/me names no actor");
        }
        Ok(Learner {
            authorization,
            actor,
        })
    }

    fn xapi_headers(&self) -> [(&str, &str); 3] {
        [
            ("Authorization", self.authorization.as_str()),
            ("X-Experience-API-Version", "2.0.0"),
            ("Content-Type", "application/json"),
        ]
    }
}

/// One item of the built courses, with the lesson and course it belongs to.
pub(crate) struct ContentItem {
    pub(crate) course_id: String,
    course_title: LocalizedText,
    lesson_id: String,
    lesson_title: LocalizedText,
    item: Item,
    /// The right answer as the player records it, for graded items; `None` for items that
    /// are only seen.
    response: Option<String>,
}

/// Every item of every lesson in the built content packs, in course order, read with the
/// readers the client uses: the material the benchmark's statements are made of, so that their
/// size and compressibility are those of a real learner's history and not of one statement
/// repeated.
pub(crate) fn content_items(content: &Path) -> Result<Vec<ContentItem>> {
    let read = |name: &str| -> Result<Vec<u8>> {
        let path = content.join(name);
        fs::read(&path).with_context(|| format!("cannot read {}", path.display()))
    };
    let catalog = parse_catalog(&read(CATALOG_FILE_NAME)?)?;
    let mut items = Vec::new();
    for course in &catalog.courses {
        let manifest = parse_course_manifest(&read(&course.manifest)?)?;
        for entry in manifest.units.iter().flat_map(|unit| &unit.lessons) {
            let lesson = parse_lesson_file(&read(&entry.file)?)?;
            for item in &lesson.items {
                items.push(ContentItem {
                    course_id: manifest.id.clone(),
                    course_title: manifest.title.clone(),
                    lesson_id: lesson.id.clone(),
                    lesson_title: lesson.title.clone(),
                    response: Answer::right_answer(&item.kind).map(|answer| answer.response_text()),
                    item: item.clone(),
                });
            }
        }
    }
    if items.is_empty() {
        bail!("the built content has no lesson items to make statements from");
    }
    Ok(items)
}

/// The UTC offset of the benchmark's learner, in minutes: a device in Korea.
const SEOUL_UTC_OFFSET_MINUTES: i32 = 9 * 60;

/// `unix_ms` as a statement timestamp written in Korea's offset, as the client writes it.
fn timestamp_at_seoul(unix_ms: u64) -> Result<String> {
    let unix_ms = i64::try_from(unix_ms).context("a time beyond the year 292 million")?;
    Ok(ClockOffset::default().corrected_local_timestamp(unix_ms, SEOUL_UTC_OFFSET_MINUTES)?)
}

/// Makes statements with the builders the lesson player records with (`baeum_core::record`):
/// an `answered` statement with the right answer for each graded item (one answer in five
/// marked wrong) and an `experienced` one for each item that is only seen, with the learner's
/// account actor. It walks the real courses item by item, as a learner does, a few seconds an
/// item, and every statement has a fresh UUIDv7, so no batch is a replay of another.
pub(crate) struct StatementFactory {
    actor: record::Actor,
    items: Arc<Vec<ContentItem>>,
    issued: u64,
    started_unix_ms: u64,
}

impl StatementFactory {
    pub(crate) fn new(actor: &Value, items: &Arc<Vec<ContentItem>>) -> Result<Self> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let actor = serde_json::from_value(actor.clone())
            .context("the server's actor is not an account agent")?;
        Ok(StatementFactory {
            actor,
            items: Arc::clone(items),
            issued: 0,
            started_unix_ms: u64::try_from(now.as_millis()).unwrap_or(u64::MAX),
        })
    }

    fn next_statement(&mut self) -> Result<Value> {
        self.issued += 1;
        let index = self.issued;
        let items = Arc::clone(&self.items);
        let content = &items[(index as usize - 1) % items.len()];
        let timestamp = timestamp_at_seoul(self.started_unix_ms - 3_600_000 + index * 4_000)?;
        let context = RecordContext {
            statement_id: Uuid::now_v7(),
            timestamp: &timestamp,
            actor: &self.actor,
            course_id: &content.course_id,
            course_title: &content.course_title,
            lesson_id: &content.lesson_id,
            lesson_title: &content.lesson_title,
        };
        let statement = match &content.response {
            Some(response) => record::answered(
                &context,
                &RecordedAnswer {
                    item: &content.item,
                    response,
                    // About one answer in five is wrong, as for a learner who is still learning.
                    success: !index.is_multiple_of(5),
                    duration_ms: (2 + index % 9) * 1_000 + (index * 37) % 1_000,
                    attempt: 1,
                },
            ),
            None => record::experienced(&context, &content.item),
        };
        Ok(statement?)
    }

    pub(crate) fn batch_body(&mut self, statements: usize) -> Result<Vec<u8>> {
        let batch = (0..statements)
            .map(|_| self.next_statement())
            .collect::<Result<Vec<Value>>>()?;
        Ok(Value::Array(batch).to_string().into_bytes())
    }
}

/// Percent-encodes a query parameter value (everything but the unreserved characters).
fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// Measurement 5, sync: push and pull bytes per statement for a batch of 200.
///
/// Push: the client's fetch transport (`src/sync_driver.rs`) gzips every xAPI body of 512
/// bytes or more with the browser's `CompressionStream` and sends `Content-Encoding: gzip`, so
/// that is what is measured first, compressed here with zlib's default level, the level
/// `CompressionStream` uses. The same kind of batch is also sent uncompressed, which is what a
/// browser without `CompressionStream` sends. Both are really sent and must be accepted.
/// Pull: `GET /xapi/statements?agent=…&limit=200` with the `Accept-Encoding` a browser sends;
/// the response is counted as it arrived (compressed only if the server compressed it).
fn measure_sync(address: &str, learner: &Learner, items: &Arc<Vec<ContentItem>>) -> Result<Value> {
    let mut connection = HttpConnection::open(address)?;
    let mut factory = StatementFactory::new(&learner.actor, items)?;
    let headers = learner.xapi_headers();

    let plain_body = factory.batch_body(SYNC_BATCH_STATEMENTS)?;
    let plain_head = connection.request_head("POST", "/xapi/statements", &headers, &plain_body);
    let plain_response = connection.request("POST", "/xapi/statements", &headers, &plain_body)?;
    if plain_response.status != 200 && plain_response.status != 204 {
        bail!(
            "pushing {SYNC_BATCH_STATEMENTS} statements answered {}: {}",
            plain_response.status,
            String::from_utf8_lossy(&plain_response.body)
        );
    }

    let gzip_body = gzip_like_compression_stream(&factory.batch_body(SYNC_BATCH_STATEMENTS)?)?;
    let gzip_headers = [
        headers[0],
        headers[1],
        headers[2],
        ("Content-Encoding", "gzip"),
    ];
    let gzip_head = connection.request_head("POST", "/xapi/statements", &gzip_headers, &gzip_body);
    let gzip_response =
        connection.request("POST", "/xapi/statements", &gzip_headers, &gzip_body)?;
    if gzip_response.status != 200 && gzip_response.status != 204 {
        bail!(
            "pushing {SYNC_BATCH_STATEMENTS} gzip-compressed statements answered {}: {}",
            gzip_response.status,
            String::from_utf8_lossy(&gzip_response.body)
        );
    }

    let agent = percent_encode(&learner.actor.to_string());
    let pull_path = format!("/xapi/statements?agent={agent}&limit={SYNC_BATCH_STATEMENTS}");
    let pull_headers = [
        headers[0],
        headers[1],
        ("Accept-Encoding", "gzip, deflate, br"),
    ];
    let pull_head = connection.request_head("GET", &pull_path, &pull_headers, &[]);
    let pull = connection.request("GET", &pull_path, &pull_headers, &[])?;
    if pull.status != 200 {
        bail!("pulling statements answered {}", pull.status);
    }
    let content_encoding = pull
        .header("content-encoding")
        .unwrap_or("identity")
        .to_owned();
    let pulled_json: Value = serde_json::from_slice(&decoded_body(&content_encoding, &pull.body)?)
        .context("the pull answer is not JSON")?;
    let pulled = pulled_json["statements"]
        .as_array()
        .map(Vec::len)
        .context("the pull answer has no statements array")?;
    let pull_body_bytes = pull.body.len();
    let pull_head_bytes = pull.wire_bytes - pull_body_bytes;
    let per = |bytes: usize, statements: usize| (bytes as f64 / statements.max(1) as f64).round();
    Ok(json!({
        "batch_statements": SYNC_BATCH_STATEMENTS,
        "push_plain": {
            "request_body_bytes": plain_body.len(),
            "request_head_bytes": plain_head.len(),
            "response_bytes": plain_response.wire_bytes,
            "body_bytes_per_statement": per(plain_body.len(), SYNC_BATCH_STATEMENTS),
            "wire_bytes_per_statement": per(plain_body.len() + plain_head.len() + plain_response.wire_bytes, SYNC_BATCH_STATEMENTS),
        },
        "push_gzip": {
            "request_body_bytes": gzip_body.len(),
            "request_head_bytes": gzip_head.len(),
            "response_bytes": gzip_response.wire_bytes,
            "body_bytes_per_statement": per(gzip_body.len(), SYNC_BATCH_STATEMENTS),
            "wire_bytes_per_statement": per(gzip_body.len() + gzip_head.len() + gzip_response.wire_bytes, SYNC_BATCH_STATEMENTS),
        },
        "pull": {
            "statements_returned": pulled,
            "content_encoding": content_encoding,
            "response_body_bytes": pull_body_bytes,
            "response_head_bytes": pull_head_bytes,
            "request_head_bytes": pull_head.len(),
            "body_bytes_per_statement": per(pull_body_bytes, pulled),
            "wire_bytes_per_statement": per(pull.wire_bytes + pull_head.len(), pulled),
        },
        "client_sends_gzip": true,
        "notes": "push_gzip is what the client sends (CompressionStream gzip, Content-Encoding: gzip); \
                  push_plain is a browser without CompressionStream. Bytes per statement are the body \
                  divided by 200; wire bytes add the request head and the whole response. The pull \
                  asks for gzip, deflate or br as a browser does, and is counted as the server sent it \
                  (content_encoding says which).",
    }))
}

/// A response body decoded from its `Content-Encoding`, to count what it holds.
fn decoded_body(content_encoding: &str, body: &[u8]) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut decoded = Vec::new();
    match content_encoding {
        "identity" => decoded.extend_from_slice(body),
        "gzip" => {
            flate2::read::GzDecoder::new(body).read_to_end(&mut decoded)?;
        }
        "deflate" => {
            flate2::read::ZlibDecoder::new(body).read_to_end(&mut decoded)?;
        }
        "br" => {
            brotli::Decompressor::new(body, 4096).read_to_end(&mut decoded)?;
        }
        other => bail!("the answer is {other}-encoded, which this measurement cannot decode"),
    }
    Ok(decoded)
}

/// Gzip at zlib's default level (6), which is what the browser's `CompressionStream` uses.
fn gzip_like_compression_stream(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Measurement 6, the server: statements ingested per second and request latency, for `clients` concurrent clients
/// each on its own kept-alive connection, sending batches of 100 until 20,000 are stored.
/// The bodies are made before the clock starts, so only the server's work is timed.
///
/// `processes` names the processes doing the work (the server's, and the database's) by
/// group: the CPU time each group spent during the run is reported beside the wall-clock
/// rate. On a machine shared with other work the rate says how long the pushes waited; the
/// CPU time says what they cost, whatever the load.
///
/// Client `i` pushes as `learners[i % learners.len()]`, and the batches are shared out among
/// the learners evenly: one learner for every client is one person's devices all pushing at
/// once (every batch charges the same account's usage and folds into the same progress
/// rows); one learner per client is a class or a province pushing side by side.
pub(crate) fn measure_ingest(
    address: &str,
    learners: &[Learner],
    items: &Arc<Vec<ContentItem>>,
    clients: usize,
    processes: &dyn Fn() -> Vec<(&'static str, Vec<u32>)>,
) -> Result<Value> {
    let batches = INGEST_TOTAL_STATEMENTS / INGEST_BATCH_STATEMENTS;
    if learners.is_empty() {
        bail!("ingest needs at least one learner");
    }
    // Per learner: its batches, and the index of the next one to send.
    let mut per_learner = Vec::with_capacity(learners.len());
    for (index, learner) in learners.iter().enumerate() {
        let count = batches / learners.len() + usize::from(index < batches % learners.len());
        let mut factory = StatementFactory::new(&learner.actor, items)?;
        let bodies: Vec<Vec<u8>> = (0..count)
            .map(|_| factory.batch_body(INGEST_BATCH_STATEMENTS))
            .collect::<Result<_>>()?;
        per_learner.push((
            learner.authorization.clone(),
            Arc::new(bodies),
            Arc::new(AtomicUsize::new(0)),
        ));
    }
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(batches)));
    let cpu_before: Vec<(&str, CpuTicks)> = processes()
        .into_iter()
        .map(|(group, pids)| (group, cpu_ticks(&pids)))
        .collect();
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|client| {
            let (authorization, bodies, next_batch) = &per_learner[client % per_learner.len()];
            let (authorization, bodies, next_batch) = (
                authorization.clone(),
                Arc::clone(bodies),
                Arc::clone(next_batch),
            );
            let latencies = Arc::clone(&latencies);
            let address = address.to_owned();
            std::thread::spawn(move || -> Result<()> {
                let mut connection = HttpConnection::open(&address)?;
                let headers = [
                    ("Authorization", authorization.as_str()),
                    ("X-Experience-API-Version", "2.0.0"),
                    ("Content-Type", "application/json"),
                ];
                loop {
                    let index = next_batch.fetch_add(1, Ordering::Relaxed);
                    let Some(body) = bodies.get(index) else {
                        return Ok(());
                    };
                    let sent = Instant::now();
                    let response =
                        connection.request("POST", "/xapi/statements", &headers, body)?;
                    let latency = sent.elapsed();
                    if response.status != 200 && response.status != 204 {
                        bail!(
                            "a batch answered {}: {}",
                            response.status,
                            String::from_utf8_lossy(&response.body[..response.body.len().min(300)])
                        );
                    }
                    latencies
                        .lock()
                        .map_err(|_| anyhow::anyhow!("a client thread panicked"))?
                        .push(latency);
                }
            })
        })
        .collect();
    for worker in workers {
        worker
            .join()
            .map_err(|_| anyhow::anyhow!("an ingest client thread panicked"))??;
    }
    let elapsed = started.elapsed();
    let mut cpu_seconds = serde_json::Map::new();
    let mut total_cpu_seconds = 0.0;
    let after = processes();
    for (group, before) in &cpu_before {
        let pids = after
            .iter()
            .find(|(named, _)| named == group)
            .map(|(_, pids)| pids.as_slice())
            .unwrap_or_default();
        let seconds = cpu_ticks(pids).seconds_since(before);
        total_cpu_seconds += seconds;
        cpu_seconds.insert(
            (*group).to_owned(),
            json!((seconds * 100.0).round() / 100.0),
        );
    }
    let mut latencies = latencies
        .lock()
        .map_err(|_| anyhow::anyhow!("a client thread panicked"))?
        .clone();
    latencies.sort();
    let milliseconds = |duration: Duration| (duration.as_secs_f64() * 10_000.0).round() / 10.0;
    let at = |fraction: f64| {
        let index = ((fraction * latencies.len() as f64).ceil() as usize).saturating_sub(1);
        latencies.get(index).copied().map(milliseconds)
    };
    Ok(json!({
        "clients": clients,
        "learners": learners.len(),
        "batch_statements": INGEST_BATCH_STATEMENTS,
        "total_statements": batches * INGEST_BATCH_STATEMENTS,
        "seconds": (elapsed.as_secs_f64() * 100.0).round() / 100.0,
        "statements_per_second": ((batches * INGEST_BATCH_STATEMENTS) as f64 / elapsed.as_secs_f64()).round(),
        "latency_p50_ms": at(0.50),
        "latency_p99_ms": at(0.99),
        "latency_max_ms": latencies.last().copied().map(milliseconds),
        "cpu_seconds": cpu_seconds,
        "statements_per_cpu_second": (total_cpu_seconds > 0.0).then(|| {
            ((batches * INGEST_BATCH_STATEMENTS) as f64 / total_cpu_seconds).round()
        }),
    }))
}

/// CPU time (user and system) spent so far by each of some processes, in clock ticks.
pub(crate) struct CpuTicks(std::collections::HashMap<u32, u64>);

/// The CPU time of these processes, from `/proc/PID/stat`; a process that is gone counts
/// nothing.
pub(crate) fn cpu_ticks(pids: &[u32]) -> CpuTicks {
    let ticks = pids
        .iter()
        .filter_map(|&pid| {
            let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // After the command name (in parentheses, which may hold spaces): state, then
            // utime and stime are the 12th and 13th fields.
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let user: u64 = fields.get(11)?.parse().ok()?;
            let system: u64 = fields.get(12)?.parse().ok()?;
            Some((pid, user + system))
        })
        .collect();
    CpuTicks(ticks)
}

impl CpuTicks {
    /// Seconds of CPU spent since `before` (a process started since counts from zero).
    fn seconds_since(&self, before: &CpuTicks) -> f64 {
        let ticks: u64 = self
            .0
            .iter()
            .map(|(pid, now)| now.saturating_sub(before.0.get(pid).copied().unwrap_or(0)))
            .sum();
        ticks as f64 / clock_ticks_per_second()
    }
}

/// The kernel's clock ticks per second for `/proc` CPU times (`getconf CLK_TCK`; 100 on
/// Linux when it cannot be asked).
fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Measurement 7c: FSRS scheduling for 10,000 cards. The timing only means something for
/// optimised code, and `cargo xtask` runs a debug build, so this runs the bench again in the
/// `server` profile (the one for tools that want speed) with `--fsrs-only`. It is native code
/// on this machine: the client runs the same core code compiled to wasm on a slower phone.
fn measure_fsrs_scheduling(root: &Path) -> Result<Value> {
    let output = Command::new("cargo")
        .args([
            "run",
            "--quiet",
            "--profile",
            "server",
            "-p",
            "xtask",
            "--",
            "bench",
            "--fsrs-only",
        ])
        .current_dir(root)
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("cannot run the FSRS measurement")?;
    if !output.status.success() {
        bail!("the FSRS measurement failed with {}", output.status);
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let last_line = text.lines().last().unwrap_or_default();
    serde_json::from_str(last_line)
        .with_context(|| format!("the FSRS measurement printed no JSON: {text}"))
}

/// The `--fsrs-only` half: the shared workload (`crates/fsrs-bench`) timed natively.
fn fsrs_measurement() -> Result<Value> {
    let now_unix_ms = i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis(),
    )
    .unwrap_or(i64::MAX);
    let started = Instant::now();
    let clock_ms = move || started.elapsed().as_secs_f64() * 1000.0;
    Ok(baeum_fsrs_bench::measure(
        now_unix_ms,
        &clock_ms,
        "native x86-64, profile server (opt-level 3)",
    )?)
}

/// The machine the numbers come from, for the README's table.
fn machine_description(browser: &Value, load_at_start: &str) -> Value {
    let cpu_model = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(0);
    json!({
        "cores": cores,
        "cpu_model": cpu_model,
        "chromium": browser["chromium_version"],
        "os": tools::output_of("uname", &["-sr"]).unwrap_or_default(),
        "date": tools::output_of("date", &["-u", "+%Y-%m-%dT%H:%M:%SZ"]).unwrap_or_default(),
        "load_average_1_5_15_min_at_start": load_at_start,
        "load_average_1_5_15_min_at_end": load_average(),
    })
}

/// The first three fields of `/proc/loadavg`: runnable processes averaged over 1, 5 and 15
/// minutes.
pub(crate) fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// The byte budgets `cargo xtask test` checks (the shell's only reported until
/// `SHELL_BUDGET_ENFORCED`), beside what the browser measured on the wire.
/// The shell's budget is in gzip, so it is compared with the load whose requests offered only
/// gzip (a plain-HTTP server), counting the app's own files and not the course catalog and
/// manifests the home screen fetches.
fn budgets(browser: &Value) -> Value {
    let gzip_shell = &browser["first_load_bytes_gzip_only"]["shell"];
    let shell_app_files = gzip_shell["devtools_app_file_bytes"].as_u64();
    json!({
        "shell_bytes_budget": SHELL_BUDGET_BYTES,
        "shell_app_file_bytes_measured_gzip": shell_app_files,
        "shell_within_budget": shell_app_files.map(|bytes| bytes <= SHELL_BUDGET_BYTES),
        "hangul_course_bytes_budget": HANGUL_COURSE_BUDGET_BYTES,
        "notes": "The test counts the sizes of the files in dist/ as gzip; the bench counts what \
                  Chromium received for them (DevTools encodedDataLength: headers and compressed \
                  body). The Hangul course budget is asserted by the test from the pack sizes; the \
                  bench measures the first lesson and clip as a learner opens them.",
    })
}

/// Reads a number out of the report for the table, or says why there is none.
fn cell(value: &Value, unit: &str) -> String {
    match value {
        Value::Number(number) => format!("{number} {unit}").trim_end().to_owned(),
        Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}

fn not_measured_or(value: &Value, measured: impl FnOnce(&Value) -> String) -> String {
    if value["measured"] == json!(false) {
        format!(
            "not measured: {}",
            value["reason"].as_str().unwrap_or("no reason given")
        )
    } else {
        measured(value)
    }
}

/// The rows of the printed table: (what, value).
fn table_rows(report: &Value) -> Vec<(String, String)> {
    let browser = &report["browser"];
    let brotli = &browser["first_load_bytes"];
    let gzip = &browser["first_load_bytes_gzip_only"];
    let both = |key: &str, part: &str| {
        format!(
            "{} / {}",
            cell(&gzip[part][key], "B"),
            cell(&brotli[part][key], "B")
        )
    };
    let mut rows = vec![
        (
            "App shell first load, app files, page (DevTools) — gzip / brotli".to_owned(),
            both("devtools_app_file_bytes", "shell"),
        ),
        (
            if SHELL_BUDGET_ENFORCED {
                "  budget (gzip, asserted by cargo xtask test)"
            } else {
                "  budget (gzip, reported by cargo xtask test, not yet asserted)"
            }
            .to_owned(),
            cell(&report["budgets"]["shell_bytes_budget"], "B"),
        ),
        (
            "App shell first load, course catalog and manifests (DevTools) — gzip / brotli"
                .to_owned(),
            both("devtools_content_bytes", "shell"),
        ),
        (
            "Everything received on a first visit, until the network is idle (socket: the page, \
             the service worker and the chunks it keeps for offline) — gzip / brotli"
                .to_owned(),
            both("proxy_bytes_to_browser", "shell"),
        ),
        (
            "Everything received on a first visit, the page saying the learner saves data \
             (socket) — brotli"
                .to_owned(),
            cell(
                &browser["first_visit_saving_data"]["proxy_bytes_to_browser"],
                "B",
            ),
        ),
        (
            format!(
                "First lesson ({}/{}), received (socket) — gzip / brotli",
                brotli["lesson"]["course"].as_str().unwrap_or("?"),
                brotli["lesson"]["lesson"].as_str().unwrap_or("?")
            ),
            both("proxy_bytes_to_browser", "lesson"),
        ),
        (
            "First audio clip played, received (socket)".to_owned(),
            not_measured_or(&brotli["audio"], |audio| {
                cell(&audio["proxy_bytes_to_browser"], "B")
            }),
        ),
    ];
    for (profile, label) in [("slow-3g", "Slow 3G"), ("slow-4g", "Slow 4G")] {
        let start = &browser["cold_start"][profile];
        rows.push((
            format!(
                "data-ready, cold, {label}, CPU 4x (median of {})",
                cell(&start["runs"], "")
            ),
            cell(&start["median_ms"], "ms"),
        ));
        rows.push((
            format!(
                "largest contentful paint / layout shift (CLS), cold, {label}, CPU 4x (median / worst of {})",
                cell(&start["runs"], "")
            ),
            format!(
                "{} ({}) / {}",
                cell(&start["largest_paint_median_ms"], "ms"),
                start["largest_paint_element"].as_str().unwrap_or("?"),
                cell(&start["layout_shift_worst"], "")
            ),
        ));
    }
    let offline = &browser["offline_restart"];
    rows.push((
        format!(
            "data-ready, offline restart, CPU 4x (median of {})",
            cell(&offline["runs"], "")
        ),
        cell(&offline["median_ms"], "ms"),
    ));
    rows.push((
        "Offline restart: bytes from the network (DevTools / socket)".to_owned(),
        format!(
            "{} / {}",
            cell(&offline["devtools_network_bytes"], "B"),
            cell(&offline["proxy_bytes_to_browser"], "B")
        ),
    ));
    let interaction = &browser["lesson_interaction"];
    for (key, label) in [
        ("answer_to_feedback", "answer → feedback"),
        ("continue_to_next_item", "continue → next item"),
    ] {
        let summary = &interaction[key];
        rows.push((
            format!(
                "Event Timing, {label}, CPU 4x ({} interactions) median / max",
                cell(&summary["interactions"], "")
            ),
            format!(
                "{} / {}",
                cell(&summary["median_ms"], "ms"),
                cell(&summary["max_ms"], "ms")
            ),
        ));
    }
    let sync = &report["sync"];
    rows.push((
        "Sync push per statement, batch of 200 (gzip as the client sends / plain)".to_owned(),
        format!(
            "{} / {}",
            cell(&sync["push_gzip"]["body_bytes_per_statement"], "B"),
            cell(&sync["push_plain"]["body_bytes_per_statement"], "B")
        ),
    ));
    rows.push((
        "Sync pull per statement (body / with headers)".to_owned(),
        format!(
            "{} / {}",
            cell(&sync["pull"]["body_bytes_per_statement"], "B"),
            cell(&sync["pull"]["wire_bytes_per_statement"], "B")
        ),
    ));
    if let Some(runs) = report["server_ingest"].as_array() {
        for run in runs {
            rows.push((
                format!(
                    "Server ingest, {} clients, batches of 100",
                    cell(&run["clients"], "")
                ),
                format!(
                    "{} statements/s, p99 {}",
                    cell(&run["statements_per_second"], ""),
                    cell(&run["latency_p99_ms"], "ms")
                ),
            ));
        }
    }
    rows.extend(
        crate::bench_server::table_rows(&report["server_reports"])
            .into_iter()
            .filter(|(name, _)| !name.contains("ingest")),
    );
    rows.push((
        "IndexedDB: record one answer (put to transaction complete), CPU 4x, p95".to_owned(),
        not_measured_or(&browser["indexeddb_record_answer"], |value| {
            cell(&value["p95_ms"], "ms")
        }),
    ));
    rows.push((
        "IndexedDB: home data-ready with 10,000 / 100,000 statements, CPU 4x".to_owned(),
        not_measured_or(&browser["indexeddb_home_with_history"], |value| {
            format!(
                "{} / {}",
                cell(&value["by_history_size"]["10000"]["median_ms"], "ms"),
                cell(&value["by_history_size"]["100000"]["median_ms"], "ms")
            )
        }),
    ));
    rows.push((
        "IndexedDB: home progress shown with 10,000 / 100,000 statements, CPU 4x".to_owned(),
        not_measured_or(&browser["indexeddb_home_with_history"], |value| {
            format!(
                "{} / {}",
                cell(
                    &value["by_history_size"]["10000"]["progress_shown_median_ms"],
                    "ms"
                ),
                cell(
                    &value["by_history_size"]["100000"]["progress_shown_median_ms"],
                    "ms"
                )
            )
        }),
    ));
    rows.push((
        "IndexedDB: home progress shown on the one visit that folds the whole 10,000 / 100,000 statement log, CPU 4x".to_owned(),
        not_measured_or(&browser["indexeddb_home_with_history"], |value| {
            format!(
                "{} / {}",
                cell(
                    &value["by_history_size"]["10000"]["progress_shown_after_full_fold_ms"],
                    "ms"
                ),
                cell(
                    &value["by_history_size"]["100000"]["progress_shown_after_full_fold_ms"],
                    "ms"
                )
            )
        }),
    ));
    rows.push((
        format!("FSRS schedule, {FSRS_CARDS} cards, wasm in Chromium, CPU 1x / 4x"),
        not_measured_or(&browser["fsrs_wasm"], |value| {
            let by_rate = &value["by_cpu_slowdown"];
            format!(
                "{} / {} (fold {} / {}, today's queue {} / {})",
                cell(&by_rate["1"]["milliseconds"], "ms"),
                cell(&by_rate["4"]["milliseconds"], "ms"),
                cell(&by_rate["1"]["fold_milliseconds"], "ms"),
                cell(&by_rate["4"]["fold_milliseconds"], "ms"),
                cell(&by_rate["1"]["review_queue_milliseconds"], "ms"),
                cell(&by_rate["4"]["review_queue_milliseconds"], "ms"),
            )
        }),
    ));
    rows.push((
        format!("FSRS schedule, {FSRS_CARDS} cards, native (profile server)"),
        not_measured_or(&report["fsrs_scheduling"], |value| {
            format!(
                "{} (fold {}, today's queue {})",
                cell(&value["milliseconds"], "ms"),
                cell(&value["fold_milliseconds"], "ms"),
                cell(&value["review_queue_milliseconds"], "ms"),
            )
        }),
    ));
    rows.extend(crate::bench_catalog::table_rows(&report["catalog"]));
    rows
}

fn print_table(report: &Value) {
    let machine = &report["machine"];
    println!(
        "\nbaeum bench on {} × {} ({}), Chromium {}, load average at start {}",
        cell(&machine["cores"], ""),
        machine["cpu_model"].as_str().unwrap_or("?"),
        machine["os"].as_str().unwrap_or("?"),
        machine["chromium"].as_str().unwrap_or("?"),
        machine["load_average_1_5_15_min_at_start"]
            .as_str()
            .unwrap_or("?")
    );
    let rows = table_rows(report);
    let width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0);
    for (name, value) in rows {
        let padding = width - name.chars().count();
        println!("  {name}{}  {value}", " ".repeat(padding));
    }
}

/// Builds the server in the `server` profile the bench measures.
pub fn build_server() -> Result<()> {
    println!("xtask: building the server (profile server)");
    tools::run(Command::new("cargo").args(["build", "--profile", "server", "-p", "baeum-server"]))
}
