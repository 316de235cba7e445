//! The learner's progress on this device: core's fold over the statement log in IndexedDB,
//! with the catalog's manifests, as the home screen shows it.
//!
//! The home and review screens read the saved [`ProgressDigest`] and add the statements logged
//! since, so they open at once with a long history; the whole log is folded only when the
//! digest cannot be grown (see core's `progress::digest`). Both are pure functions of the log
//! (design invariant 1), so what this device shows is what any device holding the same
//! statements shows.
//!
//! Reading and growing the digest, and what home asks of it, is code a first visit never runs
//! (a guest starts with an empty log), so the learners' app keeps it in a wasm chunk of its own
//! ([`StandingFromLog`], split point `progress_digest`) that home fetches once the log holds a
//! statement; the service worker keeps it for offline use, and the page fetches it after the
//! first statement it records, so a learner saving data sees progress offline too.

use baeum_core::content::{CatalogCourse, CourseManifest};
use baeum_core::progress::{
    local_date_at, CalendarDate, ContinueLesson, CourseProgress, LessonActivity, LessonStanding,
    Progress, ProgressDigest, Streak,
};
use baeum_core::sync::SyncStatement;
use futures::future::LocalBoxFuture;
use leptos::prelude::{expect_context, provide_context};

use crate::chunks::ChunkLoadError;
use crate::content_client::{load_home_catalog, load_manifest, LoadError};
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
    /// The chunk that reads the digest, or the one that folds the whole log, could not be
    /// fetched.
    #[error("the part of the app that adds up your history could not be downloaded")]
    FoldUnavailable,
}

impl StandingError {
    /// The error in the interface language, as the pages show it.
    pub fn message(&self) -> String {
        match self {
            StandingError::Storage(error) => {
                t!("progress-storage-failed", reason = error.message())
            }
            StandingError::Content(error) => error.message(),
            StandingError::FoldUnavailable => t!("progress-fold-unavailable"),
        }
    }
}

/// The learner's local calendar date now: the browser's clock and its UTC offset now, dated by
/// core's rule.
pub fn local_today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    // `getTimezoneOffset` is UTC minus local time, in minutes.
    let minutes_east = -(now.get_timezone_offset() as i32);
    local_date_at(now.get_time() as i64, minutes_east).unwrap_or_default()
}

/// Folds the whole statement log into a digest: the exact path, needed only when the saved
/// digest cannot be grown (see core's `progress::digest`). It is passed in rather than called
/// because its code (core's whole `Progress` fold) is large and rarely run: the learners' app
/// hands in a wasm chunk's loader (`src/learners_pages.rs`), so the fold stays out of the first
/// load; a test can hand in [`fold_whole_log`] itself.
#[derive(Clone, Copy)]
pub struct WholeLogFold(
    pub fn(Vec<SyncStatement>) -> LocalBoxFuture<'static, Result<ProgressDigest, ChunkLoadError>>,
);

/// The fold itself, for a [`WholeLogFold`] to run.
pub fn fold_whole_log(statements: &[SyncStatement]) -> ProgressDigest {
    ProgressDigest::of(&Progress::from_statements(
        statements.iter().map(|statement| statement.body()),
    ))
}

/// The [`WholeLogFold`] the app provided (see `provide_whole_log_fold`).
///
/// # Panics
/// When the app did not provide one: that is a mistake in the app's set-up, not in any input.
pub fn use_whole_log_fold() -> WholeLogFold {
    expect_context::<WholeLogFold>()
}

/// Makes `fold` the one [`load_digest`] uses beneath the current owner.
pub fn provide_whole_log_fold(fold: WholeLogFold) {
    provide_context(fold);
}

/// The home screen's digest of progress: the saved one grown by the statements logged since, or
/// a full fold of the log when it cannot be grown. With no saved digest, the whole log is grown
/// from an empty digest, which gives the fold's result whenever it can be grown (core's rule),
/// so a first start and a new device rarely need the fold. The result is saved for next time;
/// failing to save it only makes the next start slower, so that failure is logged, not shown.
pub async fn load_digest(
    sync: SyncHandle,
    fold: WholeLogFold,
) -> Result<ProgressDigest, StandingError> {
    let storage_error = StandingError::Storage;
    let database = sync.database().await.map_err(storage_error)?;
    let mut reading = database
        .read_digest_and_since()
        .await
        .map_err(storage_error)?;
    let covers_the_log = reading.covers_the_log();
    let whole_log_is_since = reading.since.len() as u64 == u64::from(reading.statements_in_log);
    let starting_digest = match reading.saved.take() {
        Some(saved) if covers_the_log => Some(saved.digest),
        None if whole_log_is_since => Some(ProgressDigest::default()),
        _ => None,
    };
    if let Some(mut digest) = starting_digest {
        let grown = reading
            .since
            .iter()
            .try_for_each(|statement| digest.apply(statement.body()));
        if grown.is_ok() {
            if reading.since.is_empty() {
                return Ok(digest);
            }
            let saved = SavedDigest {
                through_order: reading.latest_order,
                statements_in_log: reading.statements_in_log,
                digest,
            };
            return Ok(save_digest_for_next_time(&database, saved).await);
        }
    }
    let full_log = database.read_full_log().await.map_err(storage_error)?;
    let statements_in_log = u32::try_from(full_log.statements.len()).unwrap_or(u32::MAX);
    let digest = (fold.0)(full_log.statements)
        .await
        .map_err(|ChunkLoadError| StandingError::FoldUnavailable)?;
    let saved = SavedDigest {
        through_order: full_log.latest_order,
        statements_in_log,
        digest,
    };
    Ok(save_digest_for_next_time(&database, saved).await)
}

/// Saves `saved` and hands its digest back.
async fn save_digest_for_next_time(
    database: &crate::storage::LocalDatabase,
    saved: SavedDigest,
) -> ProgressDigest {
    if let Err(error) = database.save_digest(&saved).await {
        leptos::logging::warn!(
            "the progress digest was not saved ({error}); the next start folds the log again"
        );
    }
    saved.digest
}

/// How home adds up a log that holds statements: the learners' app hands in a chunk's loader
/// (`src/learners_pages.rs`, split point `progress_digest`) that runs [`load_standing_from_log`]
/// there, so the saved digest's reading and growing stay out of the first load; a test can
/// hand in a function calling [`load_standing_from_log`] itself.
#[derive(Clone, Copy)]
pub struct StandingFromLog(
    pub fn(SyncHandle, WholeLogFold) -> LocalBoxFuture<'static, Result<Standing, StandingError>>,
);

/// Makes `from_log` the one [`load_standing`] uses beneath the current owner.
pub fn provide_standing_from_log(from_log: StandingFromLog) {
    provide_context(from_log);
}

/// The [`StandingFromLog`] the app provided.
///
/// # Panics
/// When the app did not provide one: that is a mistake in the app's set-up, not in any input.
pub fn use_standing_from_log() -> StandingFromLog {
    expect_context::<StandingFromLog>()
}

/// How the course page gets its lesson marks: like [`StandingFromLog`], through the
/// `progress_digest` chunk, so that a course page on a device that recorded nothing fetches
/// none of the digest's code; the chunk hands back the marks alone (see
/// [`lesson_standings_from_log`]). The course pages' chunk provides it (`learners_pages.rs`), so
/// its code is not in the first load; where none is provided, the page shows no marks.
#[derive(Clone, Copy)]
pub struct LessonStandingsFromLog(
    pub fn(SyncHandle, WholeLogFold, CourseLessons) -> LocalBoxFuture<'static, LessonStandings>,
);

/// What [`lesson_standings_from_log`] gives.
pub type LessonStandings = Result<Option<Vec<LessonStanding>>, StandingError>;

/// Makes `from_log` the one the course page uses beneath the current owner.
pub fn provide_lesson_standings_from_log(from_log: LessonStandingsFromLog) {
    provide_context(from_log);
}

/// A course's id and its lessons' ids with their item counts, in the outline's order.
#[derive(Clone, Debug, PartialEq)]
pub struct CourseLessons {
    pub course_id: String,
    pub lessons: Vec<(String, usize)>,
}

/// Each lesson's standing (core's `LessonActivity::lesson_standing`) in the order given, or
/// `None` when the learner has done nothing in the course.
pub async fn lesson_standings_from_log(
    sync: SyncHandle,
    fold: WholeLogFold,
    course: CourseLessons,
) -> LessonStandings {
    let digest = load_digest(sync, fold).await?;
    if digest
        .latest_activity_in_course(&course.course_id)
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(
        course
            .lessons
            .iter()
            .map(|(lesson_id, items)| digest.lesson_standing(&course.course_id, lesson_id, *items))
            .collect(),
    ))
}

/// The home screen's standing. An empty log (a first visit, or a device whose history was
/// deleted) has nothing to add up: that standing is given here, without the digest's chunk;
/// any other goes through `from_log`.
pub async fn load_standing(
    sync: SyncHandle,
    fold: WholeLogFold,
    from_log: StandingFromLog,
) -> Result<Standing, StandingError> {
    let database = sync.database().await.map_err(StandingError::Storage)?;
    if database
        .statements_in_log()
        .await
        .map_err(StandingError::Storage)?
        == 0
    {
        return Ok(Standing::nothing_yet());
    }
    (from_log.0)(sync, fold).await
}

impl Standing {
    /// The standing of an empty log: no course begun, nothing due, no streak.
    pub fn nothing_yet() -> Self {
        Standing {
            courses: Vec::new(),
            reviews_due: 0,
            streak: Streak {
                current_days: 0,
                longest_days: 0,
                active_days: 0,
                last_active_day: None,
            },
            statements: 0,
        }
    }
}

/// The digest together with every course of the catalog the learner has worked in and whose
/// outline can be loaded. A course never opened has no progress to show, so its outline is not
/// fetched: a first visit's home is ready without one request per course, and the outlines
/// of the courses worked in are fetched at the same time, not one after another (each is a
/// round trip of seconds on a slow link).
pub async fn load_standing_from_log(
    sync: SyncHandle,
    fold: WholeLogFold,
) -> Result<Standing, StandingError> {
    let digest = load_digest(sync, fold).await?;
    // Home's courses and every course worked in, which a learner signed in on a new device
    // has not opened here.
    let catalog = load_home_catalog(&digest.courses_worked_in())
        .await
        .map_err(StandingError::Content)?;
    let worked_in: Vec<_> = catalog
        .courses
        .into_iter()
        .filter_map(|course| {
            let (timestamp_ms, _) = digest.latest_activity_in_course(&course.id)?;
            Some((course, timestamp_ms))
        })
        .collect();
    let manifests =
        futures::future::join_all(worked_in.iter().map(|(course, _)| load_manifest(course))).await;
    let mut courses = Vec::new();
    for ((course, timestamp_ms), manifest) in worked_in.into_iter().zip(manifests) {
        // A course whose outline cannot be loaded (offline and never opened) is left out here;
        // the catalog below still lists it.
        let Ok(manifest) = manifest else {
            continue;
        };
        courses.push(CourseStanding {
            progress: digest.course_progress(&manifest),
            continue_at: digest.continue_lesson(&manifest),
            last_active_ms: Some(timestamp_ms),
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
