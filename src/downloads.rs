//! The download manager: takes a course onto the device for offline use, and off it again.
//!
//! A learner online for minutes a week on a metered connection must get the most out of them.
//! Files go one at a time (a slow link shared by a classroom gains nothing from more), each
//! checked against its content hash before it is stored in IndexedDB; a corrupt or truncated
//! answer is fetched again, up to [`ATTEMPTS_PER_FILE`] times, and never stored. What is stored
//! is never fetched again, so a download cut off by the network or a closed tab resumes where
//! it stopped, a clip shared by two courses is stored once, and a changed course fetches only
//! its changed files (new content, new hash, new name). What to fetch and the time estimate
//! come from `baeum_core::content::download`.
//!
//! A download is the whole course, one unit, or the text alone (for a metered connection; the
//! clips then play from the network). Files are fetched past the service worker, so they are
//! stored once, here. Deleting a course's downloads (on its page or on the Device page)
//! removes its lessons and clips (not those another downloaded course uses) and never touches
//! progress: statements and the outbox are other stores.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use baeum_core::content::download::{
    course_files, describe_remaining, estimated_remaining_ms, files_only_in, manifest_file,
    AudioChoice, DownloadPlan, DownloadedFileKind, RemainingTime,
};
use baeum_core::content::{verify_hash, CatalogCourse, CourseManifest};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::content_client::{
    downloads_database, fetch_content_file_for_download, parse_course_manifest, LoadError,
};
use crate::i18n::format_bytes;
use crate::storage::{ContentStore, LocalDatabase, StorageError};
use crate::t;

/// Tries per file before the download stops and says why.
pub const ATTEMPTS_PER_FILE: u32 = 3;

/// Where a course's download stands, as the course page shows it.
#[derive(Clone, Debug, PartialEq)]
enum DownloadState {
    /// Reading what the device already has.
    Checking,
    /// Not (all) on the device; `stored` of `total` bytes are. The text alone is `text_total`.
    NotDownloaded {
        stored: u64,
        total: u64,
        text_total: u64,
    },
    /// Every lesson is on the device; the clips (`audio_missing` bytes) play only online.
    TextOnly {
        text_total: u64,
        audio_missing: u64,
    },
    Downloading {
        done: u64,
        total: u64,
        remaining_ms: Option<u64>,
    },
    /// The learner paused; `done` of `total` bytes are stored.
    Paused {
        done: u64,
        total: u64,
    },
    /// Stopped by an error; what is stored stays, and resuming fetches the rest.
    Stopped {
        done: u64,
        total: u64,
        message: String,
    },
    Complete {
        total: u64,
    },
    /// This browser keeps no downloads (no IndexedDB, e.g. some private windows).
    Unavailable,
}

/// Why one file could not be stored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
enum DownloadError {
    #[error("the connection was lost. What is downloaded is kept; resume when you are online")]
    Connection,
    #[error("{name} kept arriving damaged ({attempts} tries); try again later")]
    Damaged { name: String, attempts: u32 },
    #[error("the server answered {status} for {name}")]
    Status { name: String, status: u16 },
    #[error(
        "this device is full. Nothing was lost; delete the downloads of a course you have \
         finished (listed on the Device page), or free space on the device, then resume"
    )]
    DeviceFull,
    #[error("the download could not be stored: {0}")]
    Storage(StorageError),
}

impl DownloadError {
    /// The reason in the interface language, as the panel shows it after "Download stopped:".
    fn message(&self) -> String {
        match self {
            DownloadError::Connection => t!("download-error-connection"),
            DownloadError::Damaged { name, attempts } => {
                t!("download-error-damaged", name = name, attempts = *attempts)
            }
            DownloadError::Status { name, status } => {
                t!("download-error-status", name = name, status = *status)
            }
            DownloadError::DeviceFull => t!("download-error-device-full"),
            DownloadError::Storage(error) => {
                t!("download-error-storage", reason = error.message())
            }
        }
    }
}

impl From<StorageError> for DownloadError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::QuotaExceeded => DownloadError::DeviceFull,
            other => DownloadError::Storage(other),
        }
    }
}

fn store_for(kind: DownloadedFileKind) -> ContentStore {
    match kind {
        DownloadedFileKind::Manifest => ContentStore::CourseManifests,
        DownloadedFileKind::Lesson => ContentStore::LessonFiles,
        DownloadedFileKind::Audio => ContentStore::MediaBlobs,
    }
}

/// Every file name the device has downloaded, whatever the course.
async fn stored_names(database: &LocalDatabase) -> Result<BTreeSet<String>, StorageError> {
    let mut names = BTreeSet::new();
    for store in [
        ContentStore::CourseManifests,
        ContentStore::LessonFiles,
        ContentStore::MediaBlobs,
    ] {
        names.extend(database.content_keys(store).await?);
    }
    Ok(names)
}

/// What a download (the manifest, then the lessons of the course or of one unit and, unless
/// text only, their clips) still needs on this device.
fn download_plan(
    stored: &BTreeSet<String>,
    (course, manifest): (&CatalogCourse, &CourseManifest),
    audio: AudioChoice,
    unit_id: Option<&str>,
) -> DownloadPlan {
    let mut files = vec![manifest_file(course, manifest)];
    files.extend(course_files(manifest, unit_id, audio));
    DownloadPlan::new(files, |name| stored.contains(name))
}

/// Where a course stands on this device, and which of its units are all there.
fn stored_state(
    stored: &BTreeSet<String>,
    course: &CatalogCourse,
    manifest: &CourseManifest,
) -> (DownloadState, BTreeSet<String>) {
    let pair = (course, manifest);
    let complete_units = manifest
        .units
        .iter()
        .filter(|unit| {
            download_plan(stored, pair, AudioChoice::WithAudio, Some(&unit.id)).is_complete()
        })
        .map(|unit| unit.id.clone())
        .collect();
    let everything = download_plan(stored, pair, AudioChoice::WithAudio, None);
    let text = download_plan(stored, pair, AudioChoice::TextOnly, None);
    let state = if everything.is_complete() {
        DownloadState::Complete {
            total: everything.total_bytes,
        }
    } else if text.is_complete() {
        DownloadState::TextOnly {
            text_total: text.total_bytes,
            audio_missing: everything.total_bytes - everything.stored_bytes,
        }
    } else {
        DownloadState::NotDownloaded {
            stored: everything.stored_bytes,
            total: everything.total_bytes,
            text_total: text.total_bytes,
        }
    };
    (state, complete_units)
}

/// Whether the browser says the learner asked to save data (`navigator.connection.saveData`,
/// set by Chrome's and Android's data saver). Most browsers do not say; then it is `false`.
fn browser_asks_to_save_data() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = wasm_bindgen::JsValue::from(window.navigator());
    js_sys::Reflect::get(&navigator, &"connection".into())
        .ok()
        .filter(|connection| connection.is_object())
        .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()).ok())
        .and_then(|save_data| save_data.as_bool())
        .unwrap_or(false)
}

/// Fetches one file until its bytes match its name, at most [`ATTEMPTS_PER_FILE`] times.
async fn fetch_checked(name: &str) -> Result<Vec<u8>, DownloadError> {
    for _ in 0..ATTEMPTS_PER_FILE {
        match fetch_content_file_for_download(name).await {
            Ok(bytes) if verify_hash(name, &bytes).is_ok() => return Ok(bytes),
            // A body cut short or altered on the way: the next try may arrive whole.
            Ok(_) => continue,
            Err(LoadError::Status { name, status }) => {
                return Err(DownloadError::Status { name, status })
            }
            Err(_) => return Err(DownloadError::Connection),
        }
    }
    Err(DownloadError::Damaged {
        name: name.to_owned(),
        attempts: ATTEMPTS_PER_FILE,
    })
}

/// Deletes what was downloaded for `course` that no other downloaded course uses, and the
/// course's stored manifest. Progress lives in other stores and is untouched.
async fn delete_course_downloads(
    database: &LocalDatabase,
    course: &CatalogCourse,
    manifest: &CourseManifest,
) -> Result<(), StorageError> {
    let mut other_courses = Vec::new();
    let mut older_versions = Vec::new();
    for key in database.content_keys(ContentStore::CourseManifests).await? {
        if key == course.manifest {
            continue;
        }
        let stored = database
            .get_content(ContentStore::CourseManifests, &key)
            .await?
            .and_then(|bytes| parse_course_manifest(&bytes).ok());
        match stored {
            Some(other) if other.id != manifest.id => {
                other_courses.push(other);
                continue;
            }
            // An older version of this same course goes with it, files and all.
            Some(older) => older_versions.push(older),
            // An unreadable manifest names nothing that could be kept.
            None => {}
        }
        database
            .delete_content(ContentStore::CourseManifests, &key)
            .await?;
    }
    let kept: Vec<&CourseManifest> = other_courses.iter().collect();
    let removed: Vec<&CourseManifest> = std::iter::once(manifest)
        .chain(older_versions.iter())
        .collect();
    for name in files_only_in(&removed, &kept) {
        let store = if name.ends_with(".json") {
            ContentStore::LessonFiles
        } else {
            ContentStore::MediaBlobs
        };
        database.delete_content(store, &name).await?;
    }
    database
        .delete_content(ContentStore::CourseManifests, &course.manifest)
        .await
}

/// What a download was asked for: with or without audio, the whole course or one unit.
#[derive(Clone, Debug, PartialEq)]
struct DownloadRequest {
    audio: AudioChoice,
    unit_id: Option<String>,
}

/// A course's download state for this tab. It outlives the course page: a download goes on
/// while the learner opens a lesson, and the page shows it again when they come back. The
/// signals are reference-counted (`Arc…`), not owned by a page, so a running download never
/// touches a page's disposed values.
#[derive(Clone)]
struct CourseDownloadState {
    state: ArcRwSignal<DownloadState>,
    /// The units whose every file is on the device.
    complete_units: ArcRwSignal<BTreeSet<String>>,
    /// Set by "Pause"; the running download looks at it between files.
    pause_requested: Arc<AtomicBool>,
    /// Whether a download of this course is running, so a second one is never started.
    running: Arc<AtomicBool>,
    /// The last request, so that "Resume" continues the same download.
    last_request: Arc<std::sync::Mutex<DownloadRequest>>,
}

thread_local! {
    /// Every course whose page was opened in this tab, by course id.
    static COURSE_DOWNLOADS: RefCell<BTreeMap<String, CourseDownloadState>> =
        const { RefCell::new(BTreeMap::new()) };
}

impl CourseDownloadState {
    /// This course's state, made on its first use in the tab.
    fn of(course_id: &str) -> CourseDownloadState {
        COURSE_DOWNLOADS.with(|courses| {
            let mut courses = courses.borrow_mut();
            match courses.get(course_id) {
                Some(existing) => existing.clone(),
                None => {
                    let made = CourseDownloadState {
                        state: ArcRwSignal::new(DownloadState::Checking),
                        complete_units: ArcRwSignal::new(BTreeSet::new()),
                        pause_requested: Arc::new(AtomicBool::new(false)),
                        running: Arc::new(AtomicBool::new(false)),
                        last_request: Arc::new(std::sync::Mutex::new(DownloadRequest {
                            audio: AudioChoice::WithAudio,
                            unit_id: None,
                        })),
                    };
                    courses.insert(course_id.to_owned(), made.clone());
                    made
                }
            }
        })
    }

    /// Claims the course for a new download, or with `None` for the last one again: the request
    /// to run, or `None` while a download of this course runs already.
    fn begin(&self, request: Option<DownloadRequest>) -> Option<DownloadRequest> {
        if self.running.swap(true, Ordering::Relaxed) {
            return None;
        }
        let mut last = self
            .last_request
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(request) = request {
            *last = request;
        }
        self.pause_requested.store(false, Ordering::Relaxed);
        // The buttons go at once, so the learner sees the tap was taken.
        self.state.set(DownloadState::Checking);
        Some(last.clone())
    }

    /// Reads the stored files again and shows where the course stands.
    async fn refresh(self, course: CatalogCourse, manifest: CourseManifest) {
        let Some(database) = downloads_database().await else {
            self.state.set(DownloadState::Unavailable);
            return;
        };
        let Ok(stored) = stored_names(&database).await else {
            self.state.set(DownloadState::Unavailable);
            return;
        };
        let (state, complete_units) = stored_state(&stored, &course, &manifest);
        self.complete_units.set(complete_units);
        self.state.set(state);
    }

    /// Fetches and stores every file the request still needs, reporting progress, until done,
    /// paused (checked between files) or stopped by an error.
    async fn run(self, course: CatalogCourse, manifest: CourseManifest, request: DownloadRequest) {
        let Some(database) = downloads_database().await else {
            self.running.store(false, Ordering::Relaxed);
            self.state.set(DownloadState::Unavailable);
            return;
        };
        let outcome = self
            .fetch_and_store(&database, (&course, &manifest), &request)
            .await;
        self.running.store(false, Ordering::Relaxed);
        match outcome {
            Ok(true) => {
                // A learner who downloads a course means to keep it: ask the browser not to
                // evict it. The answer is on the "This device" page; a refusal changes nothing.
                let _ = browser::request_persistent_storage().await;
                self.refresh(course, manifest).await;
            }
            Ok(false) => {}
            Err((done, total, error)) => self.state.set(DownloadState::Stopped {
                done,
                total,
                message: error.message(),
            }),
        }
    }

    /// The download loop: `Ok(true)` when every file is stored, `Ok(false)` when paused, or
    /// the bytes done and in all with the error that stopped it.
    async fn fetch_and_store(
        &self,
        database: &LocalDatabase,
        course_and_manifest: (&CatalogCourse, &CourseManifest),
        request: &DownloadRequest,
    ) -> Result<bool, (u64, u64, DownloadError)> {
        let stored = stored_names(database)
            .await
            .map_err(|error| (0, 0, DownloadError::from(error)))?;
        let plan = download_plan(
            &stored,
            course_and_manifest,
            request.audio,
            request.unit_id.as_deref(),
        );
        let total = plan.total_bytes;
        let mut done = plan.stored_bytes;
        let started_ms = js_sys::Date::now();
        let mut received_this_run: u64 = 0;
        self.state.set(DownloadState::Downloading {
            done,
            total,
            remaining_ms: None,
        });
        for file in plan.to_fetch {
            if self.pause_requested.swap(false, Ordering::Relaxed) {
                self.state.set(DownloadState::Paused { done, total });
                return Ok(false);
            }
            let bytes = fetch_checked(&file.name)
                .await
                .map_err(|error| (done, total, error))?;
            database
                .put_content(store_for(file.kind), &file.name, &bytes)
                .await
                .map_err(|error| (done, total, DownloadError::from(error)))?;
            received_this_run += bytes.len() as u64;
            done += file.bytes;
            let elapsed_ms = (js_sys::Date::now() - started_ms).max(0.0) as u64;
            self.state.set(DownloadState::Downloading {
                done,
                total,
                remaining_ms: estimated_remaining_ms(
                    received_this_run,
                    elapsed_ms,
                    total.saturating_sub(done),
                ),
            });
        }
        Ok(true)
    }
}

/// Whether a download of the course is running in this tab.
fn is_downloading(course_id: &str) -> bool {
    COURSE_DOWNLOADS.with(|courses| {
        courses
            .borrow()
            .get(course_id)
            .is_some_and(|course| course.running.load(Ordering::Relaxed))
    })
}

/// One course's downloads as the course page sees them, shared by its panel and its units'
/// buttons. `Copy`: every field is a handle into the page's reactive owner.
#[derive(Clone, Copy)]
pub struct CourseDownloads {
    state: RwSignal<DownloadState>,
    complete_units: RwSignal<BTreeSet<String>>,
    shared: StoredValue<CourseDownloadState>,
    course: StoredValue<CatalogCourse>,
    manifest: StoredValue<CourseManifest>,
}

impl CourseDownloads {
    /// The page's view of the course's downloads: a running one as it goes, else what the
    /// device has, read now.
    pub fn new(course: CatalogCourse, manifest: CourseManifest) -> CourseDownloads {
        let shared = CourseDownloadState::of(&course.id);
        let downloads = CourseDownloads {
            state: RwSignal::from(&shared.state),
            complete_units: RwSignal::from(&shared.complete_units),
            shared: StoredValue::new(shared.clone()),
            course: StoredValue::new(course.clone()),
            manifest: StoredValue::new(manifest.clone()),
        };
        if !shared.running.load(Ordering::Relaxed) {
            spawn_local(shared.refresh(course, manifest));
        }
        downloads
    }

    /// Starts a download, or with `None` resumes the last one. Nothing happens while one runs.
    fn start(self, request: Option<DownloadRequest>) {
        let shared = self.shared.get_value();
        let Some(request) = shared.begin(request) else {
            return;
        };
        spawn_local(shared.run(self.course.get_value(), self.manifest.get_value(), request));
    }

    fn pause(self) {
        self.shared
            .with_value(|shared| shared.pause_requested.store(true, Ordering::Relaxed));
    }

    fn delete(self) {
        let shared = self.shared.get_value();
        if shared.running.load(Ordering::Relaxed) {
            return;
        }
        let (course, manifest) = (self.course.get_value(), self.manifest.get_value());
        spawn_local(async move {
            let Some(database) = downloads_database().await else {
                return;
            };
            if let Err(error) = delete_course_downloads(&database, &course, &manifest).await {
                let (done, total) = progress_of(&shared.state.get_untracked());
                shared.state.set(DownloadState::Stopped {
                    done,
                    total,
                    message: t!("download-error-delete", reason = error.message()),
                });
                return;
            }
            shared.refresh(course, manifest).await;
        });
    }
}

/// The course page's download panel: sizes, the choice of text only, progress with time
/// left, pause and resume, and deleting the downloads.
#[component]
pub fn CourseDownloadPanel(downloads: CourseDownloads) -> impl IntoView {
    let state = downloads.state;
    let save_data = browser_asks_to_save_data();
    let everything = move |audio| {
        move |_| {
            downloads.start(Some(DownloadRequest {
                audio,
                unit_id: None,
            }))
        }
    };
    view! {
        <section class="download-panel" data-testid="course-download">
            {move || {
                let current = state.get();
                let (done, total) = progress_of(&current);
                let show_bar = matches!(
                    current,
                    DownloadState::Downloading { .. } | DownloadState::Paused { .. } | DownloadState::Stopped { .. }
                );
                view! {
                    <p data-testid="download-status" role="status">{status_text(&current)}</p>
                    {show_bar.then(|| view! {
                        <progress data-testid="download-progress" max=total.max(1).to_string() value=done.to_string()
                            aria-label=t!("download-progress-label")></progress>
                    })}
                }
            }}
            {save_data.then(|| view! {
                <p class="course-meta" data-testid="save-data-note">
                    {t!("download-save-data-note")}
                </p>
            })}
            <div class="player-actions">
                {move || match state.get() {
                    DownloadState::NotDownloaded { stored, total, text_total } => {
                        let everything_label = if stored == 0 {
                            t!("download-start-all", size = format_bytes(total))
                        } else {
                            t!("download-start-rest", size = format_bytes(total - stored))
                        };
                        Some(view! {
                            <button type="button" class:secondary=save_data data-testid="download-start"
                                on:click=everything(AudioChoice::WithAudio)>{everything_label}</button>
                            <button type="button" class:secondary=!save_data data-testid="download-text-only"
                                on:click=everything(AudioChoice::TextOnly)>
                                {t!("download-start-text-only", size = format_bytes(text_total))}
                            </button>
                        }.into_any())
                    }
                    DownloadState::TextOnly { audio_missing, .. } => Some(view! {
                        <button type="button" data-testid="download-start" on:click=everything(AudioChoice::WithAudio)>
                            {t!("download-start-audio-too", size = format_bytes(audio_missing))}
                        </button>
                    }.into_any()),
                    DownloadState::Paused { .. } | DownloadState::Stopped { .. } => Some(view! {
                        <button type="button" data-testid="download-start" on:click=move |_| downloads.start(None)>{t!("download-resume")}</button>
                    }.into_any()),
                    _ => None,
                }}
                <Show when=move || matches!(state.get(), DownloadState::Downloading { .. })>
                    <button type="button" class="secondary" data-testid="download-pause" on:click=move |_| downloads.pause()>{t!("download-pause")}</button>
                </Show>
                <Show when=move || match state.get() {
                    DownloadState::NotDownloaded { stored, .. } => stored > 0,
                    DownloadState::Checking | DownloadState::Downloading { .. } | DownloadState::Unavailable => false,
                    _ => true,
                }>
                    <button type="button" class="secondary" data-testid="download-delete" on:click=move |_| downloads.delete()>
                        {t!("download-delete")}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// A unit's line under its title: its size, and a button that downloads just that unit while
/// the course is not downloaded, or "on this device" once it is.
#[component]
pub fn UnitDownload(downloads: CourseDownloads, unit_id: String, bytes: u64) -> impl IntoView {
    let test_id = format!("unit-download-{unit_id}");
    let unit_id = StoredValue::new(unit_id);
    let is_complete = move || {
        let complete_units = downloads.complete_units.get();
        unit_id.with_value(|unit_id| complete_units.contains(unit_id))
    };
    let can_start = move || {
        matches!(
            downloads.state.get(),
            DownloadState::NotDownloaded { .. } | DownloadState::TextOnly { .. }
        )
    };
    view! {
        <p class="course-meta" data-testid=test_id>
            {move || if is_complete() {
                t!("download-unit-on-device", size = format_bytes(bytes))
            } else {
                t!("download-unit-to-download", size = format_bytes(bytes))
            }}
            {move || (!is_complete() && can_start()).then(|| view! {
                " "
                <button type="button" class="secondary small" data-testid="unit-download-start"
                    on:click=move |_| downloads.start(Some(DownloadRequest {
                        audio: AudioChoice::WithAudio,
                        unit_id: Some(unit_id.get_value()),
                    }))>{t!("download-unit-start")}</button>
            })}
        </p>
    }
}

/// What one assignment asks to have on the device: a whole course, or the unit that holds the
/// assigned unit or lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignedContent {
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
}

/// Downloads what a learner's assignments need, one course or unit after another, so homework
/// works offline: the journey where the school's connection is the only one. `progress(done,
/// total)` reports the downloads finished. The first failure stops it, in the learner's words.
pub async fn download_assigned(
    assigned: Vec<AssignedContent>,
    progress: impl Fn(usize, usize),
) -> Result<(), String> {
    // Each course or unit once, whatever number of assignments name it.
    let mut targets: Vec<((String, Option<String>), CatalogCourse, CourseManifest)> = Vec::new();
    for wanted in assigned {
        let (course, manifest) = crate::content_client::load_course(&wanted.course_id)
            .await
            .map_err(|error| error.message())?;
        let unit_id = match &wanted.lesson_id {
            Some(lesson_id) => manifest
                .units
                .iter()
                .find(|unit| unit.lessons.iter().any(|lesson| &lesson.id == lesson_id))
                .map(|unit| unit.id.clone()),
            None => wanted.unit_id.clone(),
        };
        let key = (course.id.clone(), unit_id.clone());
        if !targets.iter().any(|(known, ..)| *known == key) {
            targets.push((key, course, manifest));
        }
    }
    let total = targets.len();
    for (done, ((_, unit_id), course, manifest)) in targets.into_iter().enumerate() {
        progress(done, total);
        let shared = CourseDownloadState::of(&course.id);
        // A download of this course already running (its page is open) is left to finish.
        let Some(request) = shared.begin(Some(DownloadRequest {
            audio: AudioChoice::WithAudio,
            unit_id,
        })) else {
            continue;
        };
        shared.clone().run(course, manifest, request).await;
        match shared.state.get_untracked() {
            DownloadState::Stopped { message, .. } => return Err(message),
            DownloadState::Paused { .. } => return Err(t!("download-assigned-paused")),
            DownloadState::Unavailable => return Err(t!("download-assigned-unavailable")),
            _ => {}
        }
    }
    progress(total, total);
    Ok(())
}

/// A course with files on this device, for the "This device" page.
#[derive(Clone, Debug, PartialEq)]
struct DownloadedCourse {
    course: CatalogCourse,
    manifest: CourseManifest,
    /// Bytes of the course's lessons and clips stored here (a clip two courses share counts
    /// in both).
    stored_bytes: u64,
}

/// Every course the device keeps downloads of, with what they take, from the stored manifests
/// (a course the catalog no longer lists is shown under its own title).
async fn downloaded_courses() -> Result<Vec<DownloadedCourse>, StorageError> {
    let Some(database) = downloads_database().await else {
        return Err(StorageError::IndexedDbUnavailable);
    };
    let catalog = crate::content_client::load_catalog().await.ok();
    let stored = stored_names(&database).await?;
    let mut courses = Vec::new();
    for key in database.content_keys(ContentStore::CourseManifests).await? {
        let Some(manifest) = database
            .get_content(ContentStore::CourseManifests, &key)
            .await?
            .and_then(|bytes| parse_course_manifest(&bytes).ok())
        else {
            continue;
        };
        let listed = catalog
            .as_ref()
            .and_then(|catalog| {
                catalog
                    .courses
                    .iter()
                    .find(|course| course.id == manifest.id)
            })
            .cloned();
        let course = CatalogCourse {
            // Deleting goes by this name: the stored manifest's own, whatever the catalog lists.
            manifest: key,
            ..listed.unwrap_or_else(|| CatalogCourse {
                id: manifest.id.clone(),
                version: manifest.version,
                subject: manifest.subject,
                level: manifest.level,
                title: manifest.title.clone(),
                description: manifest.description.clone(),
                manifest: String::new(),
                size: Default::default(),
                units: Vec::new(),
                sites: Vec::new(),
            })
        };
        let stored_bytes = DownloadPlan::new(
            course_files(&manifest, None, AudioChoice::WithAudio),
            |name| stored.contains(name),
        )
        .stored_bytes;
        courses.push(DownloadedCourse {
            course,
            manifest,
            stored_bytes,
        });
    }
    courses.sort_by_key(|course| std::cmp::Reverse(course.stored_bytes));
    Ok(courses)
}

/// The "This device" page's list of downloaded courses, largest first, each with what it takes
/// and a button that deletes its downloads (progress stays).
#[component]
pub fn DownloadedCourseList() -> impl IntoView {
    let language = browser::help_language();
    let courses = LocalResource::new(downloaded_courses);
    let delete = move |entry: DownloadedCourse| {
        // The course page's running download would store files again behind the deletion.
        if is_downloading(&entry.manifest.id) {
            return;
        }
        spawn_local(async move {
            if let Some(database) = downloads_database().await {
                // A failure leaves the course listed, which is what the learner then sees.
                let _ = delete_course_downloads(&database, &entry.course, &entry.manifest).await;
            }
            courses.refetch();
        });
    };
    view! {
        <h2>{t!("download-list-title")}</h2>
        <Suspense fallback=|| view! { <p>{t!("download-list-loading")}</p> }>
            {move || courses.get().map(|result| match result {
                Err(error) => view! { <p data-testid="downloaded-courses">{t!("download-list-error", reason = error.message())}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! {
                    <p data-testid="downloaded-courses">{t!("download-list-empty")}</p>
                }.into_any(),
                Ok(list) => view! {
                    <ul class="downloaded-courses" data-testid="downloaded-courses">
                        {list.into_iter().map(|entry| {
                            let title = entry.manifest.title.get_or_english(language).to_owned();
                            let test_id = format!("downloaded-{}", entry.manifest.id);
                            let size = format_bytes(entry.stored_bytes);
                            view! {
                                <li data-testid=test_id>
                                    <span>{t!("download-list-entry", title = title, size = size)}</span>
                                    " "
                                    <button type="button" class="secondary small" data-testid="downloaded-delete"
                                        on:click=move |_| delete(entry.clone())>{t!("download-list-delete")}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="course-meta">{t!("download-list-note")}</p>
                }.into_any(),
            })}
        </Suspense>
    }
}

/// The panel's one-line account of where the download stands.
fn status_text(state: &DownloadState) -> String {
    let size = |bytes: &u64| format_bytes(*bytes);
    match state {
        DownloadState::Checking => t!("download-status-checking"),
        DownloadState::NotDownloaded {
            stored: 0, total, ..
        } => {
            t!("download-status-not-downloaded", total = size(total))
        }
        DownloadState::NotDownloaded { stored, total, .. } => {
            t!(
                "download-status-partly",
                stored = size(stored),
                total = size(total)
            )
        }
        DownloadState::TextOnly {
            text_total,
            audio_missing,
        } => {
            t!(
                "download-status-text-only",
                text = size(text_total),
                audio = size(audio_missing)
            )
        }
        DownloadState::Downloading {
            done,
            total,
            remaining_ms,
        } => {
            let (done, total) = (size(done), size(total));
            match remaining_ms.map(describe_remaining) {
                None => t!("download-status-downloading", done = done, total = total),
                Some(RemainingTime::FewSeconds) => {
                    t!(
                        "download-status-few-seconds-left",
                        done = done,
                        total = total
                    )
                }
                Some(RemainingTime::Seconds(seconds)) => {
                    t!(
                        "download-status-seconds-left",
                        done = done,
                        total = total,
                        seconds = seconds
                    )
                }
                Some(RemainingTime::Minutes(minutes)) => {
                    t!(
                        "download-status-minutes-left",
                        done = done,
                        total = total,
                        minutes = minutes
                    )
                }
                Some(RemainingTime::Hours(hours)) => {
                    t!(
                        "download-status-hours-left",
                        done = done,
                        total = total,
                        hours = hours
                    )
                }
            }
        }
        DownloadState::Paused { done, total } => {
            t!(
                "download-status-paused",
                done = size(done),
                total = size(total)
            )
        }
        DownloadState::Stopped { message, .. } => t!("download-status-stopped", reason = message),
        DownloadState::Complete { total } => t!("download-status-complete", total = size(total)),
        DownloadState::Unavailable => t!("download-status-unavailable"),
    }
}

/// Bytes done and in all, for the progress bar.
fn progress_of(state: &DownloadState) -> (u64, u64) {
    match state {
        DownloadState::NotDownloaded { stored, total, .. } => (*stored, *total),
        DownloadState::TextOnly { text_total, .. } => (*text_total, *text_total),
        DownloadState::Downloading { done, total, .. }
        | DownloadState::Paused { done, total }
        | DownloadState::Stopped { done, total, .. } => (*done, *total),
        DownloadState::Complete { total } => (*total, *total),
        DownloadState::Checking | DownloadState::Unavailable => (0, 0),
    }
}
