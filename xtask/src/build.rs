//! Building what the server serves: the client (`dist/`) and the content packs
//! (`target/content/`), both precompressed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::tools::{self, repo_root};

/// Files worth compressing; images and audio are compressed already.
const COMPRESSIBLE_EXTENSIONS: &[&str] = &[
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "webmanifest",
    "svg",
    "txt",
];

pub fn dist_dir() -> PathBuf {
    repo_root().join("dist")
}

pub fn content_out_dir() -> PathBuf {
    repo_root().join("target").join("content")
}

/// Validates `content/` and writes the packs, precompressed.
pub fn build_content() -> Result<()> {
    let out = content_out_dir();
    let summary = crate::content::build_content(&repo_root(), &out)?;
    println!("xtask: content packs built: {summary}");
    precompress_folder(&out)
}

/// Builds both client apps (the learners' and, into `dist/teach/`, the teachers') in release
/// mode with Trunk (the learners' wasm, cut into chunks, by `split_wasm`), generates the
/// service worker from the build output with Workbox (its precache list) and `app_chunks` (the
/// chunks it keeps for offline use), and writes `.br`/`.gz` siblings.
pub fn build_client() -> Result<()> {
    tools::ensure_client_toolchain()?;
    let root = repo_root();
    println!("xtask: building the learners' app (trunk build --release, then its wasm)");
    trunk_build(&root, &["--release"])?;
    crate::split_wasm::build_learners_wasm(&root, &dist_dir())?;
    // The teachers' app goes into dist/teach/ after the learners' build, which replaces dist/.
    // Trunk's `--release` takes an optional value, so the target file comes before it.
    println!("xtask: building the teachers' app (trunk build teach.html --release)");
    trunk_build(
        &root,
        &[
            "teach.html",
            "--release",
            "--dist",
            "dist/teach",
            "--public-url",
            "/teach/",
        ],
    )?;
    // Trunk wrote the teachers' app's start-up inline; the Content-Security-Policy runs only
    // script files.
    crate::inline_code::move_inline_scripts_out(
        &dist_dir().join("teach").join("index.html"),
        "/teach/",
        "baeum-teach-start",
    )?;
    // The learners' first screen, in plain HTML, for reading before the wasm runs.
    crate::first_screen::add_first_screen(&root, &dist_dir())?;
    crate::inline_code::check_no_inline_code(&dist_dir(), &dist_dir().join("index.html"))?;
    crate::inline_code::strip_html_comments(&dist_dir())?;
    crate::translations::write_message_tables(&root, &dist_dir().join("locales"))?;
    crate::app_chunks::write_service_worker_script(&root, &dist_dir())?;
    println!("xtask: generating the service worker");
    tools::run(
        Command::new(root.join("node_modules/.bin/workbox"))
            .args(["generateSW", "workbox-config.cjs"])
            .current_dir(&root),
    )?;
    precompress_folder(&dist_dir())
}

/// Runs `trunk build` with `arguments` in the repository, with the tools xtask installed.
fn trunk_build(root: &Path, arguments: &[&str]) -> Result<()> {
    let mut trunk = Command::new("trunk");
    trunk
        .arg("build")
        .args(arguments)
        .env("PATH", tools::tool_path())
        .env("NO_COLOR", "true")
        .current_dir(root);
    tools::run(&mut trunk)
}

/// Where `cargo xtask bench` puts the wasm build of the spaced-repetition workload.
pub fn fsrs_bench_wasm_dir() -> PathBuf {
    repo_root().join("target").join("bench").join("fsrs-wasm")
}

/// The spaced-repetition workload (`crates/fsrs-bench`) as a wasm module for the page, built
/// the way Trunk builds the client: the release profile, wasm-bindgen for the web, `wasm-opt -Oz`.
/// Timing that code in Chromium is what a learner's phone runs, not the native build.
pub fn build_fsrs_bench_wasm() -> Result<()> {
    tools::ensure_client_toolchain()?;
    let root = repo_root();
    println!("xtask: building the FSRS workload for wasm (profile release)");
    tools::run(
        Command::new("cargo")
            .args([
                "build",
                "--release",
                "-p",
                "baeum-fsrs-bench",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .current_dir(&root),
    )?;
    let out_dir = fsrs_bench_wasm_dir();
    fs::create_dir_all(&out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    tools::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out_dir)
            .arg(root.join("target/wasm32-unknown-unknown/release/baeum_fsrs_bench.wasm"))
            .env("PATH", tools::tool_path())
            .current_dir(&root),
    )?;
    tools::wasm_opt_in_place(&root, &out_dir.join("baeum_fsrs_bench_bg.wasm"))
}

/// Writes `name.br` and `name.gz` beside every compressible file in `folder` (recursively),
/// replacing stale ones. Brotli at its highest quality and Zopfli's gzip are slow, but they run
/// once per build and every learner's download is smaller for it; each file is one core's
/// work, so as many files are compressed at once as the machine has cores.
pub fn precompress_folder(folder: &Path) -> Result<()> {
    let compressible: Vec<PathBuf> = files_under(folder)?
        .into_iter()
        .filter(|path| {
            path.extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| COMPRESSIBLE_EXTENSIONS.contains(&extension))
        })
        .collect();
    tools::on_every_core(&compressible, |path| {
        let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        write_sibling(path, "gz", &gzip(&bytes)?)?;
        write_sibling(path, "br", &brotli(&bytes)?)
    })
}

fn write_sibling(path: &Path, suffix: &str, bytes: &[u8]) -> Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    fs::write(&name, bytes).with_context(|| format!("cannot write {}", Path::new(&name).display()))
}

/// Gzip as small as the format allows: Zopfli's encoder, which any gzip reader decodes. It
/// took the learners' main wasm from 454,768 B (zlib's best) to 434,337 B in about 2 s; a
/// school on plain HTTP, where browsers accept gzip but not brotli, serves these files.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut compressed = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut compressed,
    )?;
    Ok(compressed)
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut output = Vec::new();
    let parameters = ::brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    ::brotli::BrotliCompress(&mut &bytes[..], &mut output, &parameters)?;
    Ok(output)
}

/// Every file below `folder`, in a stable order.
pub fn files_under(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in
            fs::read_dir(&current).with_context(|| format!("cannot list {}", current.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
