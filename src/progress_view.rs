//! The learner's progress on this device: core's fold over the statement log in IndexedDB,
//! with the catalog's manifests, as the home screen shows it.
//!
//! The home and review screens read the saved [`ProgressDigest`] and add the statements logged
//! since, so they open at once with a long history; the whole log is folded only when the
//! digest cannot be grown (see core's `progress::digest`). Both are pure functions of the log
//! (design invariant 1), so what this device shows is what any device holding the same
//! statements shows.

use baeum_core::content::{CatalogCourse, CourseManifest};
use baeum_core::progress::{
    ContinueLesson, CourseProgress, LessonActivity, Progress, ProgressDigest, Streak,
};
use chrono::NaiveDate;

use crate::content_client::{load_catalog, load_manifest, LoadError};
use crate::storage::progress_digest::SavedDigest;
use crate::storage::StorageError;
use crate::sync_driver::SyncHandle;
use crate::t;

/// A course with the learner's progress in it.
#[derive(Debug, Clone)]
pub struct CourseStanding {
    pub course: CatalogCourse,
    pub manifest: CourseManifest,
    pub progress: CourseProgress,
    pub continue_at: Option<ContinueLesson>,
    /// When the learner last did anything in this course.
    pub last_active_ms: Option<i64>,
}

/// Everything the home screen shows about progress.
#[derive(Debug, Clone)]
pub struct Standing {
    pub courses: Vec<CourseStanding>,
    pub reviews_due: usize,
    pub streak: Streak,
    pub statements: usize,
}

impl Standing {
    /// The course the learner worked in most recently, for "continue where you left off".
    pub fn most_recent(&self) -> Option<&CourseStanding> {
        self.courses
            .iter()
            .filter(|course| course.last_active_ms.is_some())
            .max_by_key(|course| course.last_active_ms)
    }
}

/// Why progress could not be shown.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StandingError {
    #[error("your progress could not be read from this device: {0}")]
    Storage(StorageError),
    #[error("{0}")]
    Content(LoadError),
}

impl StandingError {
    /// The error in the interface language, as the pages show it.
    pub fn message(&self) -> String {
        match self {
            StandingError::Storage(error) => {
                t!("progress-storage-failed", reason = error.message())
            }
            StandingError::Content(error) => error.message(),
        }
    }
}

/// The learner's local calendar date now.
pub fn local_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The home screen's digest of progress: the saved one grown by the statements logged since, or
/// a full fold of the log when it cannot be grown. The result is saved for next time; failing
/// to save it only makes the next start slower, so that failure is logged, not shown.
pub async fn load_digest(sync: SyncHandle) -> Result<ProgressDigest, StandingError> {
    let storage_error = StandingError::Storage;
    let database = sync.database().await.map_err(storage_error)?;
    let reading = database
        .read_digest_and_since()
        .await
        .map_err(storage_error)?;
    if reading.covers_the_log() {
        if let Some(saved) = reading.saved.clone() {
            let mut digest = saved.digest;
            let grown = reading
                .since
                .iter()
                .try_for_each(|statement| digest.apply(statement.body()));
            if grown.is_ok() {
                if !reading.since.is_empty() {
                    save_digest_for_next_time(
                        &database,
                        SavedDigest {
                            through_order: reading.latest_order,
                            statements_in_log: reading.statements_in_log,
                            digest: digest.clone(),
                        },
                    )
                    .await;
                }
                return Ok(digest);
            }
        }
    }
    let full_log = database.read_full_log().await.map_err(storage_error)?;
    let digest = ProgressDigest::of(&Progress::from_statements(
        full_log.statements.iter().map(|statement| statement.body()),
    ));
    save_digest_for_next_time(
        &database,
        SavedDigest {
            through_order: full_log.latest_order,
            statements_in_log: u32::try_from(full_log.statements.len()).unwrap_or(u32::MAX),
            digest: digest.clone(),
        },
    )
    .await;
    Ok(digest)
}

async fn save_digest_for_next_time(database: &crate::storage::LocalDatabase, saved: SavedDigest) {
    if let Err(error) = database.save_digest(&saved).await {
        leptos::logging::warn!(
            "the progress digest was not saved ({error}); the next start folds the log again"
        );
    }
}

/// The digest together with every course of the catalog whose outline can be loaded.
pub async fn load_standing(sync: SyncHandle) -> Result<Standing, StandingError> {
    let digest = load_digest(sync).await?;
    let catalog = load_catalog().await.map_err(StandingError::Content)?;
    let mut courses = Vec::new();
    for course in catalog.courses {
        // A course whose outline cannot be loaded (offline and never opened) is left out here;
        // the catalog below still lists it.
        let Ok(manifest) = load_manifest(&course).await else {
            continue;
        };
        courses.push(CourseStanding {
            progress: digest.course_progress(&manifest),
            continue_at: digest.continue_lesson(&manifest),
            last_active_ms: digest
                .latest_activity_in_course(&course.id)
                .map(|(timestamp_ms, _)| timestamp_ms),
            course,
            manifest,
        });
    }
    Ok(Standing {
        courses,
        reviews_due: digest.due_count(js_sys::Date::now() as i64),
        streak: digest.streak(local_today()),
        statements: digest.event_count(),
    })
}
