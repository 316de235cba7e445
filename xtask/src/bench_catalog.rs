//! The catalogue of thousands in the bench (issue 19): [`SYNTHETIC_COURSES`] made-up courses
//! (`cargo xtask content --synthetic`) built beside the real ones, served by the release
//! server, and searched over HTTP through `GET /api/catalog`: how long a search takes on the
//! server, and how many bytes a page of results and the whole catalogue file cost.
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
    server.stop();
    Ok(json!({
        "courses": summary.courses.len(),
        "synthetic_courses": SYNTHETIC_COURSES,
        "catalog_file_bytes": catalog_file.len(),
        "catalog_file_bytes_gzip": gzip(&catalog_file)?,
        "runs": RUNS,
        "searches": searches,
    }))
}

/// The rows of the printed table.
pub fn table_rows(catalog: &Value) -> Vec<(String, String)> {
    if catalog.is_null() {
        return vec![("Catalogue search".to_owned(), "not measured".to_owned())];
    }
    let courses = catalog["courses"].as_u64().unwrap_or(0);
    let mut rows = vec![(
        format!("Catalogue file, {courses} courses — raw / gzip (home still downloads it whole)"),
        format!(
            "{} B / {} B",
            catalog["catalog_file_bytes"], catalog["catalog_file_bytes_gzip"]
        ),
    )];
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
