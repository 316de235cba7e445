//! Which of the learners' wasm chunks a first visit keeps for offline use, and the service
//! worker script that keeps them.
//!
//! Workbox precaches the shell only (`workbox-config.cjs`). The chunks a learner needs to use the
//! app offline, [`OFFLINE_SPLITS`], are fetched by the service worker when it installs, unless the
//! learner is saving data; every other chunk comes the first time its page opens, or when the
//! learner asks for the whole app on the Device page. The logic lives in
//! `service-worker/chunks.js`; this writes it to `dist/sw-chunks-<hash>.js` with this build's
//! chunk names and gzip sizes in front, and `workbox-config.cjs` imports that file into `sw.js`, so
//! a build with other chunks is a new service worker.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

/// The split points (`src/learners_pages.rs`) a learner needs offline after one visit: the
/// course, lesson and review pages, the Device page (the interface and help languages, and the
/// button that keeps the rest), the sync engine, which starts once the device holds a session
/// or a statement, the saved progress digest's reading, which home runs once the
/// log holds a statement (a learner saving data gets it from the page after their first answer
/// instead), the recount home and review fall back on, and a signed-in
/// learner's assignments on home (a learner signs in on another page and may open home next
/// offline, at home, where the assignments must still show), the wellbeing check-in home
/// offers from then on and the help page a low check-in points to (a child who needs it may be
/// offline). Home is in the main module. History, the account and classes pages come when
/// first opened.
pub const OFFLINE_SPLITS: &[&str] = &[
    "course_page",
    "lesson_page",
    "review_page",
    "settings_page",
    "sync_engine",
    "progress_digest",
    "progress_fold",
    "my_assignments",
    "wellbeing",
];

/// The hand-written part of the script, relative to the repository.
const LOGIC_PATH: &str = "service-worker/chunks.js";

/// The chunks of one build, each with its gzip size: those kept at install and the rest.
pub struct ChunkSets {
    pub offline: BTreeMap<String, u64>,
    pub rest: BTreeMap<String, u64>,
}

impl ChunkSets {
    pub fn bytes(set: &BTreeMap<String, u64>) -> u64 {
        set.values().sum()
    }
}

/// Sorts the chunks in `dist/` into the offline set and the rest, from the page map the split
/// wrote. Fails if a split point of [`OFFLINE_SPLITS`] is not in the map (renamed or gone), so
/// the offline set cannot shrink unnoticed.
pub fn chunk_sets(dist: &Path, gzip_size: impl Fn(&Path) -> Result<u64>) -> Result<ChunkSets> {
    let map_path = crate::split_wasm::page_files_path();
    let pages: BTreeMap<String, Vec<String>> = serde_json::from_slice(
        &fs::read(&map_path).with_context(|| format!("cannot read {}", map_path.display()))?,
    )
    .with_context(|| format!("{} is not a page map", map_path.display()))?;
    let mut offline_names = Vec::new();
    for split in OFFLINE_SPLITS {
        let files = pages
            .get(*split)
            .with_context(|| format!("the split point {split} is not in {}", map_path.display()))?;
        offline_names.extend(files.iter().cloned());
    }
    let mut sets = ChunkSets {
        offline: BTreeMap::new(),
        rest: BTreeMap::new(),
    };
    for entry in fs::read_dir(dist).with_context(|| format!("cannot list {}", dist.display()))? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        // The same test as the byte budget's: a wasm that is not the main module is a chunk.
        if !name.ends_with(".wasm") || name.ends_with("_bg.wasm") {
            continue;
        }
        let bytes = gzip_size(&path)?;
        if offline_names.iter().any(|offline| offline == name) {
            sets.offline.insert(name.to_owned(), bytes);
        } else {
            sets.rest.insert(name.to_owned(), bytes);
        }
    }
    for name in &offline_names {
        if !sets.offline.contains_key(name) {
            bail!(
                "the page map names {name}, which is not in {}",
                dist.display()
            );
        }
    }
    Ok(sets)
}

/// Writes `dist/sw-chunks-<hash>.js`: this build's chunk lists, then the logic.
pub fn write_service_worker_script(root: &Path, dist: &Path) -> Result<()> {
    let sets = chunk_sets(dist, |path| {
        let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(crate::build::gzip(&bytes)?.len() as u64)
    })?;
    let logic_path = root.join(LOGIC_PATH);
    let logic = fs::read_to_string(&logic_path)
        .with_context(|| format!("cannot read {}", logic_path.display()))?;
    let lists = serde_json::json!({ "offline": sets.offline, "rest": sets.rest });
    let script = format!(
        "// Generated by cargo xtask (xtask/src/app_chunks.rs) from {LOGIC_PATH}.\n\
         var APP_CHUNKS = {lists};\n{logic}"
    );
    // Minified (Terser, its comments out) before it is named by its hash: every learner's
    // first visit fetches it, and the logic's comments were most of its bytes.
    let unminified = dist.join("sw-chunks.js");
    fs::write(&unminified, &script)
        .with_context(|| format!("cannot write {}", unminified.display()))?;
    crate::split_wasm::minify_classic_script(root, &unminified)?;
    let script = fs::read_to_string(&unminified)
        .with_context(|| format!("cannot read {}", unminified.display()))?;
    fs::remove_file(&unminified)
        .with_context(|| format!("cannot remove {}", unminified.display()))?;
    let hash: String = Sha256::digest(script.as_bytes())[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let path = dist.join(format!("sw-chunks-{hash}.js"));
    fs::write(&path, script).with_context(|| format!("cannot write {}", path.display()))?;
    println!(
        "xtask: the service worker keeps {} chunks ({} B gzip) at install; {} more ({} B) when opened or asked for",
        sets.offline.len(),
        ChunkSets::bytes(&sets.offline),
        sets.rest.len(),
        ChunkSets::bytes(&sets.rest)
    );
    Ok(())
}
