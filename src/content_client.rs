//! Loads course content: the catalog, course manifests and lessons, each checked before use.
//! A hashed file whose bytes do not match its name is refused, and a truncated or malformed
//! file becomes a clear error on that lesson, never a blank app.
//!
//! A file the download manager (`downloads.rs`) stored on the device is read from IndexedDB
//! first, so a downloaded course opens with no network and no service worker cache; anything
//! else comes from the server (through the service worker, which caches what it fetches). The
//! catalog comes from the server when it answers and from its last stored copy when not.
//!
//! The learners' app never downloads the whole catalogue (thousands of courses): it asks for
//! home's courses (core's `content::home`: the site's first ones and every course opened on
//! this device, kept in `localStorage`), and a course it does not list is asked for by id
//! when its page opens. The teachers' app reads the whole file to choose what to assign.

use std::cell::{Cell, RefCell};

use baeum_core::content::home::{HomeQuery, MAXIMUM_OWN_COURSES};

use crate::http;
use crate::json::{self, JsonError};
use crate::storage::{ContentStore, LocalDatabase};
use crate::sync_driver::SyncHandle;
use crate::t;
use baeum_core::content::{
    check_catalog, check_course_manifest, check_lesson_file, check_pack_format, verify_hash,
    CatalogCourse, CatalogIndex, ContentError, CourseManifest, FormatProbe, LessonFile,
    ManifestLesson, CATALOG_FILE_NAME, CATALOG_KIND, COURSE_MANIFEST_KIND, LESSON_KIND,
};
use serde::de::DeserializeOwned;

thread_local! {
    /// Where downloaded files are read from: the app's sync handle, which owns the database
    /// connection. Unset (in tests that mount one page) means "the network only".
    static DOWNLOADS: Cell<Option<SyncHandle>> = const { Cell::new(None) };
    /// The catalogues this tab last stored, by key, so that the pages that each load one
    /// (home, progress, teaching) do not write the same bytes again on every visit.
    static STORED_CATALOGS: RefCell<Vec<(&'static str, Vec<u8>)>> = const { RefCell::new(Vec::new()) };
}

/// Makes content reads look in the device's downloads first. The app calls it once at start.
pub fn read_downloads_from(sync: SyncHandle) {
    DOWNLOADS.with(|downloads| downloads.set(Some(sync)));
}

/// The app's database, when downloads are read and it opened.
pub async fn downloads_database() -> Option<LocalDatabase> {
    let sync = DOWNLOADS.with(Cell::get)?;
    sync.database().await.ok()
}

/// The stores a content file can be downloaded into, by its name.
fn stores_for(name: &str) -> &'static [ContentStore] {
    if name.ends_with(".json") {
        &[ContentStore::LessonFiles, ContentStore::CourseManifests]
    } else {
        &[ContentStore::MediaBlobs]
    }
}

/// The bytes of `name` if the download manager stored it on this device. A stored file that
/// no longer matches its hash (a damaged disk) counts as missing, so it is fetched again.
pub async fn downloaded_file(name: &str) -> Option<Vec<u8>> {
    let database = downloads_database().await?;
    for store in stores_for(name) {
        if let Ok(Some(bytes)) = database.get_content(*store, name).await {
            if verify_hash(name, &bytes).is_ok() {
                return Some(bytes);
            }
        }
    }
    None
}

/// Where the server serves the packs.
pub const CONTENT_BASE: &str = "/content/";

/// Why content could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("the server could not be reached, and this has not been downloaded yet")]
    Unreachable,
    #[error("the server answered {status} for {name}")]
    Status { name: String, status: u16 },
    #[error("{0}")]
    Content(#[from] ContentError),
    #[error("there is no course `{0}`")]
    UnknownCourse(String),
    #[error("course `{course}` has no lesson `{lesson}`")]
    UnknownLesson { course: String, lesson: String },
}

impl LoadError {
    /// The error in the interface language, as the pages show it (the `Display` text is the
    /// English one, for logs and tests).
    pub fn message(&self) -> String {
        match self {
            LoadError::Unreachable => t!("load-unreachable"),
            LoadError::Status { name, status } => {
                t!("load-status", status = *status, name = name)
            }
            LoadError::Content(error) => content_error_text(error),
            LoadError::UnknownCourse(course) => t!("load-unknown-course", course = course),
            LoadError::UnknownLesson { course, lesson } => {
                t!("load-unknown-lesson", course = course, lesson = lesson)
            }
        }
    }
}

/// Which pack file a [`ContentError`] is about, as the selector the messages choose their
/// noun by; `None` for a kind the messages do not know.
fn file_kind(kind: &str) -> Option<&'static str> {
    match kind {
        "catalog" => Some("catalog"),
        "course manifest" => Some("manifest"),
        "lesson" => Some("lesson"),
        _ => None,
    }
}

/// A broken pack file in the interface language. Errors in content sources (found when packs
/// are built, never on a learner's device) stay as they are.
fn content_error_text(error: &ContentError) -> String {
    let fallback = || error.to_string();
    match error {
        ContentError::Truncated { kind, detail } => file_kind(kind).map_or_else(fallback, |kind| {
            t!("load-file-truncated", kind = kind, detail = detail)
        }),
        ContentError::Malformed {
            kind,
            line,
            column,
            detail,
        } => file_kind(kind).map_or_else(fallback, |kind| {
            t!(
                "load-file-malformed",
                kind = kind,
                line = *line,
                column = *column,
                detail = detail,
            )
        }),
        ContentError::Unreadable { kind, detail } => file_kind(kind)
            .map_or_else(fallback, |kind| {
                t!("load-file-unreadable", kind = kind, detail = detail)
            }),
        ContentError::Inconsistent { kind, detail } => file_kind(kind)
            .map_or_else(fallback, |kind| {
                t!("load-file-inconsistent", kind = kind, detail = detail)
            }),
        ContentError::UnsupportedFormat {
            kind,
            found,
            expected,
        } => file_kind(kind).map_or_else(fallback, |kind| {
            t!(
                "load-file-unsupported-format",
                kind = kind,
                found = *found,
                expected = *expected,
            )
        }),
        ContentError::NotHashedName { name } => t!("load-not-hashed-name", name = name),
        ContentError::HashMismatch { name, actual } => {
            t!("load-hash-mismatch", name = name, actual = actual)
        }
        ContentError::Source { .. } => fallback(),
    }
}

/// Reads a pack file's JSON with the browser's parser, refusing another pack format first
/// (as core's readers do), so the client carries no JSON parser of its own; the caller then
/// applies core's rules for that kind of file (`check_catalog` and the others).
fn read_pack_json<T: DeserializeOwned>(
    kind: &'static str,
    bytes: &[u8],
) -> Result<T, ContentError> {
    let unreadable = |detail: String| ContentError::Unreadable { kind, detail };
    let text = std::str::from_utf8(bytes).map_err(|error| unreadable(error.to_string()))?;
    let describe = |error: JsonError| match error {
        JsonError::EndsEarly(_) => ContentError::Truncated {
            kind,
            detail: format!("the JSON ends early after {} bytes", bytes.len()),
        },
        other => unreadable(other.to_string()),
    };
    let value = json::read_value(text).map_err(describe)?;
    let probe: FormatProbe = json::from_value(value.clone()).map_err(describe)?;
    check_pack_format(kind, &probe)?;
    json::from_value(value).map_err(describe)
}

/// Reads `catalog.json` (core's `parse_catalog`, with the browser's JSON parser).
pub fn parse_catalog(bytes: &[u8]) -> Result<CatalogIndex, ContentError> {
    check_catalog(read_pack_json(CATALOG_KIND, bytes)?)
}

/// Reads a course manifest (core's `parse_course_manifest`, with the browser's JSON parser).
pub fn parse_course_manifest(bytes: &[u8]) -> Result<CourseManifest, ContentError> {
    check_course_manifest(read_pack_json(COURSE_MANIFEST_KIND, bytes)?)
}

/// Reads a lesson file (core's `parse_lesson_file`, with the browser's JSON parser).
pub fn parse_lesson_file(bytes: &[u8]) -> Result<LessonFile, ContentError> {
    check_lesson_file(read_pack_json(LESSON_KIND, bytes)?)
}

/// Fetches `name` below [`CONTENT_BASE`] and returns its bytes.
pub async fn fetch_content_file(name: &str) -> Result<Vec<u8>, LoadError> {
    fetch_url(name, &format!("{CONTENT_BASE}{name}")).await
}

/// Fetches `name` from the server itself, past the service worker's cache: the download
/// manager stores what it fetches in IndexedDB, so a second copy in the worker's cache would
/// only take room, and a corrupt answer the worker had cached would come back on every retry.
/// (The worker caches `/content/<hash>.<ext>` only; the query makes the address another one.)
pub async fn fetch_content_file_for_download(name: &str) -> Result<Vec<u8>, LoadError> {
    fetch_url(name, &format!("{CONTENT_BASE}{name}?download")).await
}

async fn fetch_url(name: &str, url: &str) -> Result<Vec<u8>, LoadError> {
    // No timeout: a large clip on a slow link may take long, and the browser gives up on a
    // dead connection itself. A body cut off on the way counts as unreachable, so a download
    // tries it again.
    let response = http::Request::get(url)
        .send()
        .await
        .map_err(|_| LoadError::Unreachable)?;
    if !response.ok() {
        return Err(LoadError::Status {
            name: name.to_owned(),
            status: response.status(),
        });
    }
    response.bytes().await.map_err(|_| LoadError::Unreachable)
}

/// A content-hashed file, from the device's downloads or else the server, checked against
/// its name.
async fn fetch_verified(name: &str) -> Result<Vec<u8>, LoadError> {
    if let Some(bytes) = downloaded_file(name).await {
        return Ok(bytes);
    }
    let bytes = fetch_content_file(name).await?;
    verify_hash(name, &bytes)?;
    Ok(bytes)
}

/// `localStorage` key of the courses opened on this device, most recent first, joined by
/// commas: home asks for them besides the site's first courses (storage is per origin, so
/// per site).
const OWN_COURSES_KEY: &str = "baeum.own-courses";
/// The IndexedDB key (catalog store) of home's courses as last fetched.
const HOME_KEY: &str = "home.json";

/// The courses opened on this device, most recent first.
fn own_courses() -> Vec<String> {
    crate::browser::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(OWN_COURSES_KEY).ok().flatten())
        .map(|text| text.split(',').map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Puts the courses of `course_ids` not yet among the device's own first.
fn remember_own_courses(course_ids: &[&str]) {
    let own = own_courses();
    if course_ids
        .iter()
        .all(|id| own.iter().any(|kept| kept == id))
    {
        return;
    }
    let kept = HomeQuery::naming(
        course_ids
            .iter()
            .copied()
            .chain(own.iter().map(String::as_str))
            .take(MAXIMUM_OWN_COURSES),
    );
    if let Some(storage) =
        crate::browser::window().and_then(|window| window.local_storage().ok().flatten())
    {
        // A full storage only means the course is asked for by id again next time.
        let _ = storage.set_item(OWN_COURSES_KEY, &kept.with.join(","));
    }
}

/// Home's courses: the site's first ones and the courses opened on this device.
pub async fn load_catalog() -> Result<CatalogIndex, LoadError> {
    load_home_catalog(&[]).await
}

/// Home's courses and the courses `also` names (those the site offers), from the server, stored
/// for the next time offline; or, when the server cannot be reached, the last stored copy. The
/// courses of `also` found (a course opened, worked in or assigned) are the device's own from
/// then on, so home lists them and the stored copy keeps them.
pub async fn load_home_catalog(also: &[String]) -> Result<CatalogIndex, LoadError> {
    let own = own_courses();
    let query = HomeQuery::naming(
        also.iter()
            .map(String::as_str)
            .chain(own.iter().map(String::as_str)),
    );
    let catalog = fetch_stored_catalog(&query.path(), HOME_KEY).await?;
    let found: Vec<&str> = also
        .iter()
        .map(String::as_str)
        .filter(|id| catalog.courses.iter().any(|course| course.id == *id))
        .collect();
    remember_own_courses(&found);
    Ok(catalog)
}

/// The whole catalogue file, every course the site offers: the teachers' app chooses from it
/// what to assign. Stored and read offline like home's.
pub async fn load_full_catalog() -> Result<CatalogIndex, LoadError> {
    fetch_stored_catalog(
        &format!("{CONTENT_BASE}{CATALOG_FILE_NAME}"),
        CATALOG_FILE_NAME,
    )
    .await
}

/// The catalogue at `url`, stored under `key` when it changed; the stored copy when the server
/// cannot be reached.
async fn fetch_stored_catalog(url: &str, key: &'static str) -> Result<CatalogIndex, LoadError> {
    match fetch_url(key, url).await {
        Ok(bytes) => {
            let catalog = parse_catalog(&bytes)?;
            let already_stored = STORED_CATALOGS.with(|stored| {
                stored
                    .borrow()
                    .iter()
                    .any(|(stored_key, stored)| *stored_key == key && stored[..] == bytes[..])
            });
            if !already_stored {
                if let Some(database) = downloads_database().await {
                    // A failed copy only means the next offline visit falls back on an older
                    // one; the catalog in hand is good.
                    if database
                        .put_content(ContentStore::Catalog, key, &bytes)
                        .await
                        .is_ok()
                    {
                        STORED_CATALOGS.with(|stored| {
                            let mut stored = stored.borrow_mut();
                            stored.retain(|(stored_key, _)| *stored_key != key);
                            stored.push((key, bytes));
                        });
                    }
                }
            }
            Ok(catalog)
        }
        Err(LoadError::Unreachable) => stored_catalog(key).await,
        Err(other) => Err(other),
    }
}

/// The catalogue stored under `key`, or `Unreachable` when there is none.
async fn stored_catalog(key: &str) -> Result<CatalogIndex, LoadError> {
    let database = downloads_database().await.ok_or(LoadError::Unreachable)?;
    let bytes = database
        .get_content(ContentStore::Catalog, key)
        .await
        .ok()
        .flatten()
        .ok_or(LoadError::Unreachable)?;
    Ok(parse_catalog(&bytes)?)
}

/// A course and its manifest: asked for by id with home's courses (so it is one of the
/// device's own from then on, and home lists it).
pub async fn load_course(course_id: &str) -> Result<(CatalogCourse, CourseManifest), LoadError> {
    let catalog = load_home_catalog(&[course_id.to_owned()]).await?;
    let course = catalog
        .courses
        .into_iter()
        .find(|course| course.id == course_id)
        .ok_or_else(|| LoadError::UnknownCourse(course_id.to_owned()))?;
    let manifest = load_manifest(&course).await?;
    Ok((course, manifest))
}

/// The manifest of a course already found in the catalog, checked against its hash.
pub async fn load_manifest(course: &CatalogCourse) -> Result<CourseManifest, LoadError> {
    Ok(parse_course_manifest(
        &fetch_verified(&course.manifest).await?,
    )?)
}

/// A lesson with where it stands in its course.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedLesson {
    pub manifest: CourseManifest,
    pub entry: ManifestLesson,
    pub lesson: LessonFile,
    /// The lesson after this one in the course, if any.
    pub next_lesson_id: Option<String>,
}

pub async fn load_lesson(course_id: &str, lesson_id: &str) -> Result<LoadedLesson, LoadError> {
    let (_, manifest) = load_course(course_id).await?;
    let lessons: Vec<&ManifestLesson> = manifest
        .units
        .iter()
        .flat_map(|unit| unit.lessons.iter())
        .collect();
    let position = lessons
        .iter()
        .position(|lesson| lesson.id == lesson_id)
        .ok_or_else(|| LoadError::UnknownLesson {
            course: course_id.to_owned(),
            lesson: lesson_id.to_owned(),
        })?;
    let entry = lessons[position].clone();
    let next_lesson_id = lessons.get(position + 1).map(|lesson| lesson.id.clone());
    let lesson = parse_lesson_file(&fetch_verified(&entry.file).await?)?;
    Ok(LoadedLesson {
        manifest,
        entry,
        lesson,
        next_lesson_id,
    })
}

/// The URL of a media file (audio clip) named in a lesson.
pub fn media_url(file_name: &str) -> String {
    format!("{CONTENT_BASE}{file_name}")
}
