//! The learners' app's wasm, cut into chunks: what a learner's first load carries is the shell
//! and the home page, and every other page's code comes when that page first opens.
//!
//! Trunk 0.21 cannot split a wasm, so this builds the learners' app itself, the way
//! cargo-leptos does with `--split`:
//!
//! 1. `cargo rustc --release` of the `baeum-web` binary, linked with `--emit-relocs`: the
//!    splitter needs the linker's relocations. Only this link keeps them: the flag is given to
//!    the binary's own compilation, not in `RUSTFLAGS`, so its dependencies are the same
//!    compilation as the teachers' app's (a cold build compiles them once). wasm-opt keeps
//!    unknown sections, so a wasm that is not split (the teachers' app, the tests) would ship
//!    them: the teachers' app once grew from 516 KB to 1.6 MB gzip that way.
//! 2. wasm-split (`wasm_split_cli_support`) cuts the module at the split points of
//!    `src/learners_pages.rs`: a main module, one module per page and chunks of code pages share,
//!    and a small JavaScript loader that fetches and instantiates them.
//! 3. wasm-bindgen on the main module (keeping the linker's exports, which the chunks import),
//!    then `wasm-opt -Oz` on every module (`tools::wasm_opt_all_in_place`).
//! 4. Terser minifies the two scripts (wasm-bindgen's glue and the loader).
//! 5. Every file gets its content hash in its name, so the server can cache it for good and the
//!    service worker precaches it without cache-busting (see `workbox-config.cjs`).
//! 6. Trunk, which cannot leave the rust out of an app, has built a wasm for `index.html`: the
//!    teachers' binary (`index.html` names it, so that Trunk's build is one the teachers' app
//!    needs anyway). Its files and the start-up lines it wrote into `dist/index.html` are
//!    replaced by these, the start-up itself a small hashed script file (no inline script: see
//!    `inline_code`).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use crate::tools;

/// The binary and the name of its files in `dist/`.
const APP_NAME: &str = "baeum-web";
/// The name wasm-split gives the loader and wasm-bindgen's glue imports, before hashing.
const LOADER_NAME: &str = "baeum-web-split.js";
/// Where the start-up script goes: just before `</head>`.
const HEAD_END: &str = "</head>";

/// The flag that makes the learners' link keep its relocations, given to that binary's own
/// compilation only (`cargo rustc … -- FLAG`; `.cargo/config.toml`'s `rustflags` still apply).
const KEEP_RELOCATIONS: &str = "-Clink-args=--emit-relocs";
/// The binary Trunk builds for `index.html` (see the module's step 6).
const TRUNKS_BINARY: &str = "baeum-teach";

/// Builds the learners' app's wasm into `dist/` (which Trunk has filled with the HTML, styles
/// and copied files) and adds its start-up script to `dist/index.html`.
pub fn build_learners_wasm(root: &Path, dist: &Path) -> Result<()> {
    println!("xtask: building the learners' app's wasm (cargo rustc --release)");
    tools::run(
        Command::new("cargo")
            .args([
                "rustc",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--bin",
                APP_NAME,
                "--",
                KEEP_RELOCATIONS,
            ])
            .current_dir(root),
    )?;
    let linked = root.join(format!(
        "target/wasm32-unknown-unknown/release/{APP_NAME}.wasm"
    ));
    let staging = root.join("target/split-wasm");
    if staging.exists() {
        fs::remove_dir_all(&staging)
            .with_context(|| format!("cannot empty {}", staging.display()))?;
    }
    let bindgen_out = staging.join("bindgen");
    fs::create_dir_all(&bindgen_out)
        .with_context(|| format!("cannot create {}", bindgen_out.display()))?;

    println!("xtask: cutting the wasm at the split points (wasm-split)");
    let input = fs::read(&linked).with_context(|| format!("cannot read {}", linked.display()))?;
    let main_module = staging.join(format!("{APP_NAME}.wasm"));
    let main_module_import = format!("./{APP_NAME}.js");
    let loader_link = format!("./{LOADER_NAME}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &staging;
        options.main_out_path = &main_module;
        options.main_module = &main_module_import;
        options.link_name = &loader_link;
        options
    })
    .map_err(|error| anyhow::anyhow!("wasm-split failed: {error:?}"))?;
    drop(input);

    println!(
        "xtask: wasm-bindgen and wasm-opt on the main module and {} chunks",
        split.split_modules.len()
    );
    tools::run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                // The chunks import the main module's linker exports (its table, memory and
                // shared functions); wasm-bindgen would otherwise drop them.
                "--keep-lld-exports",
                "--out-name",
                APP_NAME,
                "--out-dir",
            ])
            .arg(&bindgen_out)
            .arg(&main_module)
            .env("PATH", tools::tool_path())
            .current_dir(root),
    )?;
    let main_wasm = bindgen_out.join(format!("{APP_NAME}_bg.wasm"));
    let mut modules = vec![main_wasm.clone()];
    modules.extend(split.split_modules.iter().cloned());
    tools::wasm_opt_all_in_place(root, &modules)?;

    // Each wasm is named by its own bytes. The two scripts import each other, so neither can
    // be named by its own bytes alone: both are named by the hash of everything this build
    // wrote, which changes whenever either of them (or any module) does.
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let mut build_hasher = Sha256::new();
    let main_wasm_name = hashed_name(&format!("{APP_NAME}_bg.wasm"), &fs::read(&main_wasm)?)?;
    build_hasher.update(main_wasm_name.as_bytes());
    for chunk in &split.split_modules {
        let bytes = fs::read(chunk).with_context(|| format!("cannot read {}", chunk.display()))?;
        let original = file_name(chunk)?;
        let hashed = hashed_name(&original, &bytes)?;
        build_hasher.update(hashed.as_bytes());
        renamed.insert(format!("./{original}"), format!("./{hashed}"));
    }
    let main_script_path = bindgen_out.join(format!("{APP_NAME}.js"));
    let loader_path = staging.join(LOADER_NAME);
    let main_script = read_text(&main_script_path)?;
    let loader = read_text(&loader_path)?;
    build_hasher.update(main_script.as_bytes());
    build_hasher.update(loader.as_bytes());
    // The scripts are minified after they are named (each names the other), so the minifier's
    // version is part of what the name stands for: another Terser, other bytes, other names.
    let minifier_manifest = root.join("node_modules/terser/package.json");
    build_hasher.update(
        fs::read(&minifier_manifest)
            .with_context(|| format!("cannot read {}", minifier_manifest.display()))?,
    );
    let build_hash = short_hex(&build_hasher.finalize());
    let main_script_name = format!("{APP_NAME}-{build_hash}.js");
    let loader_name = format!("{APP_NAME}-split-{build_hash}.js");

    // Only the paths JavaScript fetches are renamed: the wasm's own import module name, which
    // the glue also uses as a key of the imports object, stays as the splitter wrote it.
    let main_script = replace_quoted(
        &main_script,
        "from ",
        &loader_link,
        &format!("./{loader_name}"),
    )?;
    let mut loader = replace_quoted(
        &loader,
        "from ",
        &main_module_import,
        &format!("./{main_script_name}"),
    )?;
    for (original, hashed) in &renamed {
        loader = replace_quoted(&loader, "URL(", original, hashed)?;
    }

    fs::copy(&main_wasm, dist.join(&main_wasm_name))
        .with_context(|| format!("cannot copy {} into dist/", main_wasm.display()))?;
    for chunk in &split.split_modules {
        let hashed = &renamed[&format!("./{}", file_name(chunk)?)];
        fs::copy(chunk, dist.join(hashed.trim_start_matches("./")))
            .with_context(|| format!("cannot copy {} into dist/", chunk.display()))?;
    }
    for (name, script) in [(&main_script_name, &main_script), (&loader_name, &loader)] {
        let path = dist.join(name);
        write_text(&path, script)?;
        minify_script(root, &path)?;
    }
    write_page_files(&split.prefetch_map, &renamed)?;
    let index = dist.join("index.html");
    remove_trunks_whole_wasm(dist, &index)?;
    add_start_script(
        dist,
        &index,
        &main_script_name,
        &loader_name,
        &main_wasm_name,
    )
}

/// Terser on a script, in place, as an ES module (so top-level names are its own to
/// shorten; what it exports and imports keeps its name). wasm-bindgen's glue carries a shim
/// for every browser function the main module and the chunks call; minified, it was 20%
/// smaller in gzip, and the loader 24%.
fn minify_script(root: &Path, script: &Path) -> Result<()> {
    tools::run(
        Command::new(root.join("node_modules/.bin/terser"))
            .arg(script)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(script)
            .current_dir(root),
    )
}

/// Minifies a classic script in place (its top-level names are left as they are, since other
/// scripts may use them): the service worker's chunk script (`app_chunks`).
pub fn minify_classic_script(root: &Path, script: &Path) -> Result<()> {
    tools::run(
        Command::new(root.join("node_modules/.bin/terser"))
            .arg(script)
            .args(["--compress", "--mangle", "--output"])
            .arg(script)
            .current_dir(root),
    )
}

/// Where the build records which files each page's first opening fetches, for the byte
/// budget: `{"lesson_page": ["split_lesson_page-<hash>.wasm", "chunk_3-<hash>.wasm"], …}`.
pub fn page_files_path() -> PathBuf {
    tools::repo_root().join("target/split-wasm/page-files.json")
}

/// Writes [`page_files_path`] from the splitter's prefetch map, with the hashed names.
fn write_page_files(
    prefetch_map: &HashMap<String, Vec<String>>,
    renamed: &BTreeMap<String, String>,
) -> Result<()> {
    let mut pages = BTreeMap::new();
    for (page, stems) in prefetch_map {
        let files = stems
            .iter()
            .map(|stem| {
                renamed
                    .get(&format!("./{stem}.wasm"))
                    .map(|hashed| hashed.trim_start_matches("./").to_owned())
                    .with_context(|| format!("the splitter names {stem}, which it did not write"))
            })
            .collect::<Result<Vec<_>>>()?;
        pages.insert(page.clone(), files);
    }
    write_text(&page_files_path(), &serde_json::to_string_pretty(&pages)?)
}

/// Removes what Trunk wrote for the whole wasm it built: its two files and, from `index.html`,
/// the lines that preload and start them. Fails if they are not where Trunk 0.21 puts them, so
/// a Trunk upgrade cannot leave two apps starting on one page.
fn remove_trunks_whole_wasm(dist: &Path, index: &Path) -> Result<()> {
    let mut html = read_text(index)?;
    let import_start = format!("import init, * as bindings from '/{TRUNKS_BINARY}-");
    let import_at = html
        .find(&import_start)
        .with_context(|| format!("Trunk's start-up script is not in {}", index.display()))?;
    let script_name_end = html[import_at + import_start.len()..]
        .find('\'')
        .context("Trunk's start-up script is cut short")?;
    let trunk_script = html[import_at + "import init, * as bindings from '/".len()
        ..import_at + import_start.len() + script_name_end]
        .to_owned();
    let trunk_wasm = trunk_script.replace(".js", "_bg.wasm");
    let script_start = html[..import_at]
        .rfind("<script type=\"module\">")
        .context("Trunk's start-up script has no <script> tag")?;
    let script_end = import_at
        + html[import_at..]
            .find("</script>")
            .context("Trunk's start-up script is not closed")?
        + "</script>".len();
    html.replace_range(script_start..script_end, "");
    for preload in [
        format!("<link rel=\"modulepreload\" href=\"/{trunk_script}\""),
        format!("<link rel=\"preload\" href=\"/{trunk_wasm}\""),
    ] {
        let start = html
            .find(&preload)
            .with_context(|| format!("Trunk's {preload} is not in {}", index.display()))?;
        let end = start
            + html[start..]
                .find('>')
                .context("Trunk's preload link is not closed")?
            + 1;
        html.replace_range(start..end, "");
    }
    for file in [&trunk_script, &trunk_wasm] {
        fs::remove_file(dist.join(file))
            .with_context(|| format!("cannot remove Trunk's {file} from dist/"))?;
    }
    write_text(index, &html)
}

/// Puts the start-up into the learners' `index.html`: preload the main module, its glue and
/// the chunk loader the glue imports (which would otherwise wait for the glue to arrive: one
/// more round trip on a slow link), then start the app from a script file named by its hash
/// (the Content-Security-Policy runs no inline script). The chunks are fetched by the loader
/// when their page opens.
fn add_start_script(
    dist: &Path,
    index: &Path,
    main_script_name: &str,
    loader_name: &str,
    main_wasm_name: &str,
) -> Result<()> {
    let html = read_text(index)?;
    if !html.contains(HEAD_END) {
        bail!(
            "{} has no {HEAD_END} to put the start-up script before",
            index.display()
        );
    }
    let start_script = format!(
        "import init from\"/{main_script_name}\";init({{module_or_path:\"/{main_wasm_name}\"}});\n"
    );
    let start_script_name = hashed_name(&format!("{APP_NAME}-start.js"), start_script.as_bytes())?;
    write_text(&dist.join(&start_script_name), &start_script)?;
    let start = format!(
        "<link rel=\"modulepreload\" href=\"/{main_script_name}\">\n\
         <link rel=\"modulepreload\" href=\"/{loader_name}\">\n\
         <link rel=\"preload\" href=\"/{main_wasm_name}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
         <script type=\"module\" src=\"/{start_script_name}\"></script>\n\
         {HEAD_END}"
    );
    write_text(index, &html.replacen(HEAD_END, &start, 1))
}

/// `name` with the first 16 hex digits of the SHA-256 of `bytes` before its extension:
/// `lesson.wasm` becomes `lesson-0123456789abcdef.wasm` (`_bg.wasm` stays a suffix).
fn hashed_name(name: &str, bytes: &[u8]) -> Result<String> {
    let hash = short_hex(&Sha256::digest(bytes));
    for suffix in ["_bg.wasm", ".wasm", ".js"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            return Ok(format!("{stem}-{hash}{suffix}"));
        }
    }
    bail!("{name} is neither a wasm module nor a script")
}

fn short_hex(digest: &[u8]) -> String {
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Replaces the path `from`, quoted right after `context` (`from ` in an import, `URL(` in a
/// fetch), with `to` in a script, failing if it is not there: a script that still names an
/// unhashed file would fail only in a learner's browser.
fn replace_quoted(script: &str, context: &str, from: &str, to: &str) -> Result<String> {
    let mut replaced = script.to_owned();
    let mut found = false;
    for quote in ['"', '\''] {
        let quoted_from = format!("{context}{quote}{from}{quote}");
        if replaced.contains(&quoted_from) {
            found = true;
            replaced = replaced.replace(&quoted_from, &format!("{context}{quote}{to}{quote}"));
        }
    }
    if !found {
        bail!("the generated script does not name {from}");
    }
    Ok(replaced)
}

fn file_name(path: &Path) -> Result<String> {
    path.file_name()
        .and_then(|name| name.to_str())
        .map(str::to_owned)
        .with_context(|| format!("{} has no file name", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
