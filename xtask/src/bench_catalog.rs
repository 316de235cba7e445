//! The catalogue of thousands in the bench (issue 19): [`SYNTHETIC_COURSES`] made-up courses
//! (`cargo xtask content --synthetic`) built beside the real ones, served by the release
//! server, and searched over HTTP through `GET /api/catalog`: how long a search takes on the
//! server, and how many bytes a page of results and the whole catalogue file cost. Then a
//! first visit in Chromium (`tests/bench/browser.mjs`, first-visit mode) with that catalogue
//! and with the real one alone: the bytes until `data-ready`, those of home's courses, and the
//! time to `data-ready` on Slow 3G and Slow 4G with the CPU slowed 4×, which issue 19 wants
//! unchanged by the catalogue's size.
//!
//! `cargo xtask bench --catalog-only` runs this part alone.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::bench::{free_loopback_port, HttpConnection, ServerProcess};

/// Courses made up for the measurement, besides the real ones.
pub const SYNTHETIC_COURSES: usize = 2_000;
/// Timed requests per search, after one to warm up.
const RUNS: usize = 50;
/// First visits timed per network profile and catalogue.
const FIRST_VISIT_RUNS: usize = 3;

/// The searches timed: what a learner does on the catalogue page.
const SEARCHES: &[(&str, &str)] = &[
    ("first page, no words", ""),
    ("a topic (many pages)", "q=weather"),
    ("a topic and a number (a few)", "q=weather+17"),
    ("subject and level", "subject=science&level=beginner"),
    ("page 10 of everything", "page=9"),
    ("words nothing has", "q=zzzz"),
];

fn gzip(bytes: &[u8]) -> Result<usize> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn milliseconds(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 100_000.0).round() / 100.0
}

/// Builds the large catalogue in `work_dir`, serves it, and times the searches.
pub fn measure(root: &Path, work_dir: &Path) -> Result<Value> {
    let content = work_dir.join("content-synthetic");
    println!("xtask bench: a catalogue of {SYNTHETIC_COURSES} made-up courses and the real ones");
    let summary = crate::content::build_content_with(root, &content, SYNTHETIC_COURSES)?;
    let catalog_file = fs::read(content.join(baeum_core::content::CATALOG_FILE_NAME))
        .context("the large catalogue was not written")?;
    let port = free_loopback_port()?;
    let server = ServerProcess::start_serving(root, work_dir, port, None, &content)?;
    let address = format!("127.0.0.1:{port}");
    let mut connection = HttpConnection::open(&address)?;
    let mut searches = Vec::new();
    for (name, query) in SEARCHES {
        let path = format!("/api/catalog?{query}");
        let mut answer = Vec::new();
        let mut times = Vec::with_capacity(RUNS);
        for run in 0..=RUNS {
            let sent = Instant::now();
            let response = connection.request("GET", &path, &[], &[])?;
            let elapsed = sent.elapsed();
            if response.status != 200 {
                bail!("GET {path} answered {}", response.status);
            }
            if run == 0 {
                answer = response.body;
            } else {
                times.push(elapsed);
            }
        }
        times.sort();
        let page: Value = serde_json::from_slice(&answer).context("a page of results")?;
        searches.push(json!({
            "search": name,
            "query": query,
            "total": page["total"],
            "median_ms": milliseconds(times[times.len() / 2]),
            "p99_ms": milliseconds(times[(times.len() * 99).div_ceil(100) - 1]),
            "page_bytes": answer.len(),
            "page_bytes_gzip": gzip(&answer)?,
        }));
    }
    let first_visit_large = first_visit(root, work_dir, port, "large", true);
    server.stop();
    let port = free_loopback_port()?;
    let server = ServerProcess::start(root, work_dir, port, None)?;
    let first_visit_real = first_visit(root, work_dir, port, "real", false);
    server.stop();
    Ok(json!({
        "first_visit": {
            "runs": FIRST_VISIT_RUNS,
            "large": first_visit_large?,
            "real": first_visit_real?,
        },
        "courses": summary.courses.len(),
        "synthetic_courses": SYNTHETIC_COURSES,
        "catalog_file_bytes": catalog_file.len(),
        "catalog_file_bytes_gzip": gzip(&catalog_file)?,
        "runs": RUNS,
        "searches": searches,
    }))
}

/// A first visit to the server on `port`, measured in Chromium; with `search`, searches on
/// the catalogue page too.
fn first_visit(root: &Path, work_dir: &Path, port: u16, name: &str, search: bool) -> Result<Value> {
    crate::tools::ensure_node_packages()?;
    crate::tools::ensure_chromium()?;
    println!("xtask bench: a first visit with the {name} catalogue ({FIRST_VISIT_RUNS} run(s))");
    let out = work_dir.join(format!("first-visit-{name}.json"));
    let mut node = std::process::Command::new("node");
    if search {
        node.env("BAEUM_BENCH_CATALOG_SEARCH", "1");
    }
    crate::tools::run(
        node.arg(root.join("tests/bench/browser.mjs"))
            .env("BAEUM_BENCH_ONLY", "first-visit")
            .env("BAEUM_BENCH_SERVER_PORT", port.to_string())
            .env("BAEUM_BENCH_RUNS", FIRST_VISIT_RUNS.to_string())
            .env("BAEUM_BENCH_OUT", &out)
            .env("CHROMIUM", crate::tools::CHROMIUM)
            .current_dir(root),
    )?;
    serde_json::from_slice(
        &fs::read(&out).with_context(|| format!("cannot read {}", out.display()))?,
    )
    .context("the first visit's measurement is not JSON")
}

/// The rows of the printed table.
pub fn table_rows(catalog: &Value) -> Vec<(String, String)> {
    if catalog.is_null() {
        return vec![("Catalogue search".to_owned(), "not measured".to_owned())];
    }
    let courses = catalog["courses"].as_u64().unwrap_or(0);
    let mut rows = vec![(
        format!("Catalogue file, {courses} courses — raw / gzip (the teachers' app reads it)"),
        format!(
            "{} B / {} B",
            catalog["catalog_file_bytes"], catalog["catalog_file_bytes_gzip"]
        ),
    )];
    let visits = &catalog["first_visit"];
    for (name, key) in [
        (format!("{courses} courses"), "large"),
        ("the real courses alone".to_owned(), "real"),
    ] {
        let visit = &visits[key];
        rows.push((
            format!(
                "First visit with {name}: bytes to data-ready (gzip), of them home's courses; \
                 courses on home"
            ),
            format!(
                "{} B, {} B; {}",
                visit["first_visit"]["until_data_ready_bytes"],
                visit["first_visit"]["catalog_bytes"],
                visit["first_visit"]["home_courses"]
            ),
        ));
        rows.push((
            format!(
                "First visit with {name}: data-ready median, Slow 3G / Slow 4G, CPU 4× ({} runs)",
                visits["runs"]
            ),
            format!(
                "{} ms / {} ms",
                visit["cold_start"]["slow-3g"]["median_ms"],
                visit["cold_start"]["slow-4g"]["median_ms"]
            ),
        ));
    }
    let searched = &visits["large"]["catalog_search"];
    for (mode, what) in [
        ("online", "the server searches"),
        ("offline", "the device searches every course's card"),
    ] {
        for search in searched[mode].as_array().into_iter().flatten() {
            rows.push((
                format!(
                    "Catalogue page, CPU 4×, {mode} ({what}): \"{}\" ({} found), Search to results shown, median",
                    search["words"].as_str().unwrap_or("?"),
                    search["found"]
                ),
                format!("{} ms", search["median_ms"]),
            ));
        }
    }
    for search in catalog["searches"].as_array().into_iter().flatten() {
        rows.push((
            format!(
                "GET /api/catalog, {} ({} found) — server median / p99, page gzip",
                search["search"].as_str().unwrap_or("?"),
                search["total"]
            ),
            format!(
                "{} ms / {} ms, {} B",
                search["median_ms"], search["p99_ms"], search["page_bytes_gzip"]
            ),
        ));
    }
    rows
}

/// `cargo xtask bench --catalog-only`: this part alone, printed.
pub fn run_alone() -> Result<()> {
    let root = crate::tools::repo_root();
    crate::bench::build_server()?;
    let work_dir = std::env::temp_dir().join(format!("baeum-bench-catalog-{}", std::process::id()));
    fs::create_dir_all(&work_dir)
        .with_context(|| format!("cannot create {}", work_dir.display()))?;
    let measured = measure(&root, &work_dir);
    let _ = fs::remove_dir_all(&work_dir);
    let measured = measured?;
    println!("{}", serde_json::to_string_pretty(&measured)?);
    for (name, value) in table_rows(&measured) {
        println!("  {name}  {value}");
    }
    Ok(())
}
