//! Assignments: a teacher gives a class (or some of its learners) a lesson, a unit or a
//! whole course to do by a due date; learners list what they were given and where they stand.
//!
//! - `PUT /api/assignments/{assignment_id}` [`AssignmentRequest`] → 201 [`AssignmentView`]
//!   when created, 200 with the stored assignment when the same id was already created with
//!   the same content (a retry from an offline queue), 409 when the id holds something else,
//!   410 when it was deleted (so a late retry cannot bring it back).
//! - `POST /api/assignments` the same body with `"id"` → the same answers as `PUT`.
//! - `GET /api/assignments/{assignment_id}` (its class's teacher) → [`AssignmentView`].
//! - `PATCH /api/assignments/{assignment_id}` [`AssignmentChanges`] → 200 [`AssignmentView`].
//! - `DELETE /api/assignments/{assignment_id}` → 204, also when already deleted.
//! - `GET /api/classes/{class_id}/assignments` (teacher) → `{assignments: [AssignmentView]}`.
//! - `GET /api/my/assignments` (learner) → [`MyAssignments`]: the assignments of the classes
//!   the learner is in now, meant for them, with status computed on the server from the
//!   learner's own statements and `overdue` against the server's clock.
//!
//! Times come in as RFC 3339 with any offset and are stored and returned in UTC; the client
//! shows them in the learner's local time. What a course, unit or lesson contains is read from
//! the content catalog the server hosts (`<content_dir>/catalog.json` and the course
//! manifests), once, when the assignment is created or its target changes.

use std::collections::BTreeSet;
use std::path::{Path as FilePath, PathBuf};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use baeum_core::content::{
    parse_catalog, parse_course_manifest, CourseManifest, CATALOG_FILE_NAME,
};
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::accounts::JsonBody;
use crate::auth::Authenticated;
use crate::classes::{class_managed_by, parse_path_uuid, PersonView};
use crate::dashboard::{assignment_progress, is_assigned_to, learner_progress, AssignmentProgress};
use crate::error::ServerError;
use crate::store::{run_blocking, AssignmentRecord, AssignmentTarget, Role, StoreError};
use crate::AppState;

/// Longest note on an assignment, in characters.
pub const MAXIMUM_NOTE_CHARACTERS: usize = 1000;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/assignments", axum::routing::post(post_assignment))
        .route(
            "/api/assignments/{assignment_id}",
            put(put_assignment)
                .get(get_assignment)
                .patch(patch_assignment)
                .delete(delete_assignment),
        )
        .route(
            "/api/classes/{class_id}/assignments",
            get(class_assignments),
        )
        .route("/api/my/assignments", get(my_assignments))
}

/// Why the content an assignment names could not be resolved.
#[derive(Debug, thiserror::Error)]
pub enum ContentLookupError {
    #[error("the content catalog cannot be read: {0}")]
    CatalogUnreadable(String),
    #[error("course {0:?} is not in this server's content catalog")]
    UnknownCourse(String),
    #[error("course {course_id:?} has no unit {unit_id:?}")]
    UnknownUnit { course_id: String, unit_id: String },
    #[error("course {course_id:?} has no lesson {lesson_id:?}")]
    UnknownLesson {
        course_id: String,
        lesson_id: String,
    },
    #[error("lesson {lesson_id:?} is not in unit {unit_id:?}")]
    LessonNotInUnit { unit_id: String, lesson_id: String },
}

impl From<ContentLookupError> for ServerError {
    fn from(error: ContentLookupError) -> Self {
        match error {
            ContentLookupError::CatalogUnreadable(_) => {
                // The file system's words stay in the log; the teacher hears what to do.
                tracing::error!(%error, "cannot resolve assigned content");
                ServerError::ContentUnavailable(
                    "the content catalog of this server cannot be read; build the content \
                     (cargo xtask content) or ask the administrator"
                        .into(),
                )
            }
            other => ServerError::bad_request(other.to_string()),
        }
    }
}

/// Reads the manifest of a course from the built packs.
fn read_course_manifest(
    content_dir: &FilePath,
    course_id: &str,
) -> Result<CourseManifest, ContentLookupError> {
    let unreadable = |what: &str, error: String| {
        ContentLookupError::CatalogUnreadable(format!("{what}: {error}"))
    };
    let catalog_bytes = std::fs::read(content_dir.join(CATALOG_FILE_NAME))
        .map_err(|error| unreadable(CATALOG_FILE_NAME, error.to_string()))?;
    let catalog = parse_catalog(&catalog_bytes)
        .map_err(|error| unreadable(CATALOG_FILE_NAME, error.to_string()))?;
    let course = catalog
        .courses
        .iter()
        .find(|course| course.id == course_id)
        .ok_or_else(|| ContentLookupError::UnknownCourse(course_id.to_owned()))?;
    read_manifest_file(content_dir, &course.manifest)
}

/// Reads one manifest of the built packs by its file name (a catalogue entry's `manifest`).
pub(crate) fn read_manifest_file(
    content_dir: &FilePath,
    manifest: &str,
) -> Result<CourseManifest, ContentLookupError> {
    let unreadable =
        |error: String| ContentLookupError::CatalogUnreadable(format!("{manifest}: {error}"));
    let manifest_bytes =
        std::fs::read(content_dir.join(manifest)).map_err(|error| unreadable(error.to_string()))?;
    parse_course_manifest(&manifest_bytes).map_err(|error| unreadable(error.to_string()))
}

/// Checks a target against the course manifest and lists its lessons in course order. A
/// lesson given without its unit gets its unit filled in.
pub fn resolve_target(
    manifest: &CourseManifest,
    target: &AssignmentTarget,
) -> Result<(AssignmentTarget, Vec<String>), ContentLookupError> {
    let course_id = &target.course_id;
    if let Some(unit_id) = &target.unit_id {
        if !manifest.units.iter().any(|unit| &unit.id == unit_id) {
            return Err(ContentLookupError::UnknownUnit {
                course_id: course_id.clone(),
                unit_id: unit_id.clone(),
            });
        }
    }
    match &target.lesson_id {
        Some(lesson_id) => {
            let unit = manifest
                .units
                .iter()
                .find(|unit| unit.lessons.iter().any(|lesson| &lesson.id == lesson_id))
                .ok_or_else(|| ContentLookupError::UnknownLesson {
                    course_id: course_id.clone(),
                    lesson_id: lesson_id.clone(),
                })?;
            if let Some(unit_id) = &target.unit_id {
                if &unit.id != unit_id {
                    return Err(ContentLookupError::LessonNotInUnit {
                        unit_id: unit_id.clone(),
                        lesson_id: lesson_id.clone(),
                    });
                }
            }
            Ok((
                AssignmentTarget {
                    course_id: course_id.clone(),
                    unit_id: Some(unit.id.clone()),
                    lesson_id: Some(lesson_id.clone()),
                },
                vec![lesson_id.clone()],
            ))
        }
        None => {
            let lesson_ids = manifest
                .units
                .iter()
                .filter(|unit| target.unit_id.as_ref().is_none_or(|id| &unit.id == id))
                .flat_map(|unit| unit.lessons.iter().map(|lesson| lesson.id.clone()))
                .collect();
            Ok((target.clone(), lesson_ids))
        }
    }
}

async fn resolve_target_in_catalog(
    content_dir: PathBuf,
    target: AssignmentTarget,
) -> Result<(AssignmentTarget, Vec<String>), ServerError> {
    tokio::task::spawn_blocking(move || {
        let manifest = read_course_manifest(&content_dir, &target.course_id)?;
        resolve_target(&manifest, &target)
    })
    .await
    .map_err(|_| ServerError::Store(StoreError::TaskFailed))?
    .map_err(ServerError::from)
}

/// The body of `PUT /api/assignments/{id}` (and of `POST /api/assignments`, with `id`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRequest {
    /// Only in `POST`; in `PUT` the id is in the path (and may be repeated here if equal).
    #[serde(default)]
    pub id: Option<Uuid>,
    pub class_id: Uuid,
    pub course_id: String,
    #[serde(default)]
    pub unit_id: Option<String>,
    #[serde(default)]
    pub lesson_id: Option<String>,
    /// RFC 3339 with an offset, e.g. `2026-12-01T17:00:00+09:00`.
    pub due_at: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Chosen learners of the class; absent for the whole class.
    #[serde(default)]
    pub learner_ids: Option<Vec<Uuid>>,
}

/// The body of `PATCH /api/assignments/{id}`: every field optional; `note: null` or `""`
/// removes the note, `learner_ids: null` gives the assignment to the whole class.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignmentChanges {
    #[serde(default)]
    pub due_at: Option<String>,
    #[serde(default, deserialize_with = "present_or_null")]
    pub note: Option<Option<String>>,
    #[serde(default, deserialize_with = "present_or_null")]
    pub learner_ids: Option<Option<Vec<Uuid>>>,
}

/// Tells a field set to `null` (`Some(None)`) from a field left out (`None`, by default).
fn present_or_null<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// An assignment as its teacher sees it.
#[derive(Debug, Serialize)]
pub struct AssignmentView {
    pub id: Uuid,
    pub class_id: Uuid,
    pub assigned_by: Uuid,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    /// The lessons the assignment covers, in course order.
    pub lesson_ids: Vec<String>,
    /// `null` for the whole class.
    pub learner_ids: Option<Vec<Uuid>>,
    pub due_at: DateTime<Utc>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&AssignmentRecord> for AssignmentView {
    fn from(assignment: &AssignmentRecord) -> Self {
        Self {
            id: assignment.id,
            class_id: assignment.class_id,
            assigned_by: assignment.assigned_by,
            course_id: assignment.target.course_id.clone(),
            unit_id: assignment.target.unit_id.clone(),
            lesson_id: assignment.target.lesson_id.clone(),
            lesson_ids: assignment.lesson_ids.clone(),
            learner_ids: assignment.learner_ids.clone(),
            due_at: assignment.due_at,
            note: assignment.note.clone(),
            created_at: assignment.created_at,
            updated_at: assignment.updated_at,
        }
    }
}

/// Parses a due date: RFC 3339 with an offset, kept as the UTC instant it names.
fn parse_due_at(text: &str) -> Result<DateTime<Utc>, ServerError> {
    // Kept to the microsecond, the precision the store keeps, so that a retried request
    // compares equal to what was stored.
    DateTime::parse_from_rfc3339(text.trim())
        .map(|instant| instant.with_timezone(&Utc).trunc_subsecs(6))
        .map_err(|_| {
            ServerError::bad_request(format!(
                "due_at {text:?} is not an rfc 3339 time with an offset, like 2026-12-01T17:00:00+09:00"
            ))
        })
}

/// Trims a note; an empty one is no note.
fn checked_note(note: Option<String>) -> Result<Option<String>, ServerError> {
    let Some(note) = note else { return Ok(None) };
    let note = note.trim().to_owned();
    if note.chars().count() > MAXIMUM_NOTE_CHARACTERS {
        return Err(ServerError::bad_request(format!(
            "note must be at most {MAXIMUM_NOTE_CHARACTERS} characters long"
        )));
    }
    // Lines and tabs are a note's own; other control characters (U+0000 among them, which
    // PostgreSQL's text cannot hold) are not.
    if let Some(bad) = note
        .chars()
        .find(|character| character.is_control() && !matches!(character, '\n' | '\r' | '\t'))
    {
        return Err(ServerError::bad_request(format!(
            "note must not contain control characters other than line breaks and tabs, not {bad:?}"
        )));
    }
    Ok((!note.is_empty()).then_some(note))
}

/// A content id: what course, unit and lesson ids look like in the catalog.
fn checked_content_id(name: &str, id: Option<String>) -> Result<Option<String>, ServerError> {
    let Some(id) = id else { return Ok(None) };
    let id = id.trim().to_owned();
    let valid = !id.is_empty()
        && id.len() <= 100
        && id.chars().all(|character| {
            character.is_ascii_alphanumeric() || matches!(character, '-' | '_' | '.')
        });
    if valid {
        Ok(Some(id))
    } else {
        Err(ServerError::bad_request(format!(
            "{name} must be 1 to 100 ascii letters, digits, '-', '_' or '.'"
        )))
    }
}

/// Chosen learners, sorted and without repeats, each of whom must be in the class now.
async fn checked_learner_ids(
    state: &AppState,
    class_id: Uuid,
    learner_ids: Option<Vec<Uuid>>,
) -> Result<Option<Vec<Uuid>>, ServerError> {
    let Some(learner_ids) = learner_ids else {
        return Ok(None);
    };
    let chosen: Vec<Uuid> = learner_ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if chosen.is_empty() {
        return Err(ServerError::bad_request(
            "learner_ids is empty; leave it out to assign to the whole class",
        ));
    }
    let members = run_blocking(&state.store, move |store| store.class_members(class_id)).await?;
    if let Some(stranger) = chosen
        .iter()
        .find(|id| !members.iter().any(|member| member.learner_id == **id))
    {
        return Err(ServerError::bad_request(format!(
            "learner {stranger} is not in this class"
        )));
    }
    Ok(Some(chosen))
}

/// Whether a stored assignment is what a creation request asks for, so that a retry is
/// recognized however the client wrote the same values (offsets, learner order, spaces).
fn same_content(
    stored: &AssignmentRecord,
    class_id: Uuid,
    target: &AssignmentTarget,
    due_at: DateTime<Utc>,
    note: &Option<String>,
    learner_ids: &Option<Vec<Uuid>>,
) -> bool {
    stored.class_id == class_id
        && stored.target.course_id == target.course_id
        && stored.target.lesson_id == target.lesson_id
        // A lesson's unit is filled in when stored, so a retry that left it out still matches.
        && (target.unit_id.is_none() && target.lesson_id.is_some()
            || stored.target.unit_id == target.unit_id)
        && stored.due_at == due_at
        && &stored.note == note
        && &stored.learner_ids == learner_ids
}

async fn create_assignment(
    state: &AppState,
    caller: &Authenticated,
    assignment_id: Uuid,
    request: AssignmentRequest,
) -> Result<(StatusCode, Json<AssignmentView>), ServerError> {
    if caller.account.role == Role::Learner {
        return Err(ServerError::Forbidden(
            "only teachers can assign lessons".into(),
        ));
    }
    if request.id.is_some_and(|id| id != assignment_id) {
        return Err(ServerError::bad_request(
            "the id in the body differs from the id in the path",
        ));
    }
    let target = AssignmentTarget {
        course_id: checked_content_id("course_id", Some(request.course_id))?.unwrap_or_default(),
        unit_id: checked_content_id("unit_id", request.unit_id)?,
        lesson_id: checked_content_id("lesson_id", request.lesson_id)?,
    };
    let due_at = parse_due_at(&request.due_at)?;
    let note = checked_note(request.note)?;
    let class_id = request.class_id;
    let existing = run_blocking(&state.store, move |store| {
        store.assignment_by_id(assignment_id)
    })
    .await?;
    if let Some(existing) = existing {
        return existing_assignment_answer(
            state,
            caller,
            existing,
            class_id,
            &target,
            due_at,
            &note,
            request.learner_ids,
        )
        .await;
    }
    class_managed_by(state, caller, class_id).await?;
    let learner_ids = checked_learner_ids(state, class_id, request.learner_ids).await?;
    let (target, lesson_ids) =
        resolve_target_in_catalog(state.config.content_dir.clone(), target).await?;
    if lesson_ids.is_empty() {
        return Err(ServerError::bad_request(
            "the assigned content has no lessons",
        ));
    }
    let now = Utc::now().trunc_subsecs(6);
    let assignment = AssignmentRecord {
        id: assignment_id,
        class_id,
        assigned_by: caller.account.id,
        target,
        lesson_ids,
        learner_ids,
        due_at,
        note,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    let stored = assignment.clone();
    match run_blocking(&state.store, move |store| store.create_assignment(&stored)).await {
        Ok(()) => Ok((StatusCode::CREATED, Json(AssignmentView::from(&assignment)))),
        // Two copies of the same queued request raced each other; the other one won, so
        // answer as for a retry.
        Err(StoreError::AssignmentExists(_)) => {
            let existing = run_blocking(&state.store, move |store| {
                store.assignment_by_id(assignment_id)
            })
            .await?
            .ok_or(StoreError::AssignmentExists(assignment_id))?;
            let same = same_content(
                &existing,
                assignment.class_id,
                &assignment.target,
                assignment.due_at,
                &assignment.note,
                &assignment.learner_ids,
            );
            if same && existing.deleted_at.is_none() {
                Ok((StatusCode::OK, Json(AssignmentView::from(&existing))))
            } else if class_managed_by(state, caller, existing.class_id)
                .await
                .is_err()
            {
                Err(unusable_id(assignment_id))
            } else {
                Err(StoreError::AssignmentExists(assignment_id).into())
            }
        }
        Err(error) => Err(error.into()),
    }
}

/// The answer to a creation whose id is held by an assignment the caller may not see.
fn unusable_id(id: Uuid) -> ServerError {
    ServerError::NotFound(format!("assignment id {id} cannot be used; make a new one"))
}

/// The answer to a creation whose id is taken: the stored assignment when it is the same
/// request again, 410 when deleted, 409 otherwise.
#[allow(clippy::too_many_arguments)]
async fn existing_assignment_answer(
    state: &AppState,
    caller: &Authenticated,
    existing: AssignmentRecord,
    class_id: Uuid,
    target: &AssignmentTarget,
    due_at: DateTime<Utc>,
    note: &Option<String>,
    learner_ids: Option<Vec<Uuid>>,
) -> Result<(StatusCode, Json<AssignmentView>), ServerError> {
    // Someone who may not manage the stored assignment's class learns only that the id cannot
    // be used, never what it holds: 404, as for an assignment they ask to read.
    if class_managed_by(state, caller, existing.class_id)
        .await
        .is_err()
    {
        return Err(unusable_id(existing.id));
    }
    if existing.deleted_at.is_some() {
        return Err(ServerError::Gone(format!(
            "assignment {} was deleted",
            existing.id
        )));
    }
    let learner_ids = learner_ids.map(|ids| {
        ids.into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    });
    if same_content(&existing, class_id, target, due_at, note, &learner_ids) {
        Ok((StatusCode::OK, Json(AssignmentView::from(&existing))))
    } else {
        Err(ServerError::Conflict(format!(
            "assignment {} already exists with different content; use patch to change it",
            existing.id
        )))
    }
}

async fn put_assignment(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(assignment_id): Path<String>,
    JsonBody(request): JsonBody<AssignmentRequest>,
) -> Result<(StatusCode, Json<AssignmentView>), ServerError> {
    let assignment_id = parse_path_uuid("assignment id", &assignment_id)?;
    create_assignment(&state, &caller, assignment_id, request).await
}

async fn post_assignment(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(request): JsonBody<AssignmentRequest>,
) -> Result<(StatusCode, Json<AssignmentView>), ServerError> {
    let assignment_id = request.id.ok_or_else(|| {
        ServerError::bad_request(
            "id is required: the client chooses a uuid so that retries are safe",
        )
    })?;
    create_assignment(&state, &caller, assignment_id, request).await
}

/// The assignment when the caller may manage it; deleted ones are not found.
async fn managed_assignment(
    state: &AppState,
    caller: &Authenticated,
    assignment_id: Uuid,
) -> Result<AssignmentRecord, ServerError> {
    if caller.account.role == Role::Learner {
        return Err(ServerError::Forbidden(
            "only the class's teacher can do this".into(),
        ));
    }
    let found = run_blocking(&state.store, move |store| {
        store.assignment_by_id(assignment_id)
    })
    .await?;
    let not_found = || ServerError::NotFound(format!("no assignment {assignment_id}"));
    let assignment = found.ok_or_else(not_found)?;
    class_managed_by(state, caller, assignment.class_id)
        .await
        .map_err(|_| not_found())?;
    Ok(assignment)
}

async fn get_assignment(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(assignment_id): Path<String>,
) -> Result<Json<AssignmentView>, ServerError> {
    let assignment_id = parse_path_uuid("assignment id", &assignment_id)?;
    let assignment = managed_assignment(&state, &caller, assignment_id).await?;
    if assignment.deleted_at.is_some() {
        return Err(ServerError::Gone(format!(
            "assignment {assignment_id} was deleted"
        )));
    }
    Ok(Json(AssignmentView::from(&assignment)))
}

async fn patch_assignment(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(assignment_id): Path<String>,
    JsonBody(changes): JsonBody<AssignmentChanges>,
) -> Result<Json<AssignmentView>, ServerError> {
    let assignment_id = parse_path_uuid("assignment id", &assignment_id)?;
    let mut assignment = managed_assignment(&state, &caller, assignment_id).await?;
    if assignment.deleted_at.is_some() {
        return Err(ServerError::Gone(format!(
            "assignment {assignment_id} was deleted"
        )));
    }
    if let Some(due_at) = changes.due_at {
        assignment.due_at = parse_due_at(&due_at)?;
    }
    if let Some(note) = changes.note {
        assignment.note = checked_note(note)?;
    }
    if let Some(learner_ids) = changes.learner_ids {
        assignment.learner_ids =
            checked_learner_ids(&state, assignment.class_id, learner_ids).await?;
    }
    assignment.updated_at = Utc::now().trunc_subsecs(6);
    let stored = assignment.clone();
    run_blocking(&state.store, move |store| store.update_assignment(&stored)).await?;
    Ok(Json(AssignmentView::from(&assignment)))
}

async fn delete_assignment(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(assignment_id): Path<String>,
) -> Result<StatusCode, ServerError> {
    let assignment_id = parse_path_uuid("assignment id", &assignment_id)?;
    let mut assignment = managed_assignment(&state, &caller, assignment_id).await?;
    // Deleting twice is not an error: an offline teacher's queue may send it again.
    if assignment.deleted_at.is_none() {
        let now = Utc::now().trunc_subsecs(6);
        assignment.deleted_at = Some(now);
        assignment.updated_at = now;
        run_blocking(&state.store, move |store| {
            store.update_assignment(&assignment)
        })
        .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

async fn class_assignments(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<serde_json::Value>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    class_managed_by(&state, &caller, class_id).await?;
    let assignments = run_blocking(&state.store, move |store| {
        store.assignments_of_class(class_id)
    })
    .await?;
    let views: Vec<AssignmentView> = assignments.iter().map(AssignmentView::from).collect();
    Ok(Json(serde_json::json!({ "assignments": views })))
}

/// An assignment as the learner it is for sees it.
#[derive(Debug, Serialize)]
pub struct MyAssignmentView {
    pub id: Uuid,
    pub class_id: Uuid,
    pub class_name: String,
    pub assigned_by: PersonView,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub lesson_ids: Vec<String>,
    pub due_at: DateTime<Utc>,
    pub note: Option<String>,
    #[serde(flatten)]
    pub progress: AssignmentProgress,
}

/// `GET /api/my/assignments`.
#[derive(Debug, Serialize)]
pub struct MyAssignments {
    /// The server time the statuses were computed at.
    pub as_of: DateTime<Utc>,
    /// By due date, soonest first.
    pub assignments: Vec<MyAssignmentView>,
}

async fn my_assignments(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<MyAssignments>, ServerError> {
    if caller.account.role != Role::Learner {
        return Err(ServerError::Forbidden(
            "only learners have assignments".into(),
        ));
    }
    let learner_id = caller.account.id;
    // The assignments of the classes at this site (crate::classes): a learner in classes at
    // two sites sees each site's at its own address.
    let site_id = caller.site_id.clone();
    let found = run_blocking(&state.store, move |store| {
        let mut found = Vec::new();
        let classes = store.classes_of_learner(learner_id)?;
        let at_site = crate::classes::classes_at(store, classes, site_id.as_deref())?;
        for class in at_site.into_iter().map(|joint| joint.class) {
            let assignments = store.assignments_of_class(class.id)?;
            let mut assigners = std::collections::BTreeMap::new();
            for assignment in assignments {
                if !is_assigned_to(&assignment, learner_id) {
                    continue;
                }
                let username = match assigners.get(&assignment.assigned_by) {
                    Some(username) => String::clone(username),
                    None => {
                        let username = store
                            .account_by_id(assignment.assigned_by)?
                            .map(|account| account.username)
                            .unwrap_or_default();
                        assigners.insert(assignment.assigned_by, username.clone());
                        username
                    }
                };
                let assigned_by = PersonView {
                    id: assignment.assigned_by,
                    username,
                };
                found.push((class.name.clone(), assigned_by, assignment));
            }
        }
        Ok(found)
    })
    .await?;
    let progress = learner_progress(&state, learner_id).await?;
    let as_of = Utc::now();
    let mut assignments: Vec<MyAssignmentView> = found
        .into_iter()
        .map(|(class_name, assigned_by, assignment)| MyAssignmentView {
            id: assignment.id,
            class_id: assignment.class_id,
            class_name,
            assigned_by,
            course_id: assignment.target.course_id.clone(),
            unit_id: assignment.target.unit_id.clone(),
            lesson_id: assignment.target.lesson_id.clone(),
            lesson_ids: assignment.lesson_ids.clone(),
            due_at: assignment.due_at,
            note: assignment.note.clone(),
            progress: assignment_progress(&assignment, &progress, as_of),
        })
        .collect();
    assignments.sort_by(|a, b| a.due_at.cmp(&b.due_at).then(a.id.cmp(&b.id)));
    Ok(Json(MyAssignments { as_of, assignments }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use baeum_core::content::{ByteSize, ManifestLesson, ManifestUnit};
    use baeum_core::content::{Level, LocalizedText, Subject};

    fn manifest() -> CourseManifest {
        let lesson = |id: &str| ManifestLesson {
            id: id.to_owned(),
            title: LocalizedText::default(),
            file: format!("{}.json", "a".repeat(64)),
            item_count: 1,
            size: ByteSize::default(),
            media: Vec::new(),
        };
        CourseManifest {
            format: 1,
            id: "hangul".into(),
            version: 1,
            subject: Subject::Korean,
            level: Level::Beginner,
            title: LocalizedText::default(),
            description: LocalizedText::default(),
            completion: None,
            units: vec![
                ManifestUnit {
                    id: "u1".into(),
                    title: LocalizedText::default(),
                    size: ByteSize::default(),
                    lessons: vec![lesson("l1"), lesson("l2")],
                },
                ManifestUnit {
                    id: "u2".into(),
                    title: LocalizedText::default(),
                    size: ByteSize::default(),
                    lessons: vec![lesson("l3")],
                },
            ],
        }
    }

    fn target(unit: Option<&str>, lesson: Option<&str>) -> AssignmentTarget {
        AssignmentTarget {
            course_id: "hangul".into(),
            unit_id: unit.map(str::to_owned),
            lesson_id: lesson.map(str::to_owned),
        }
    }

    #[test]
    fn targets_expand_to_their_lessons_in_course_order() {
        let manifest = manifest();
        let (_, course) = resolve_target(&manifest, &target(None, None)).unwrap();
        assert_eq!(course, ["l1", "l2", "l3"]);
        let (_, unit) = resolve_target(&manifest, &target(Some("u1"), None)).unwrap();
        assert_eq!(unit, ["l1", "l2"]);
        let (resolved, lesson) = resolve_target(&manifest, &target(None, Some("l3"))).unwrap();
        assert_eq!(lesson, ["l3"]);
        assert_eq!(resolved.unit_id.as_deref(), Some("u2"));
    }

    #[test]
    fn unknown_or_mismatched_content_is_refused() {
        let manifest = manifest();
        assert!(matches!(
            resolve_target(&manifest, &target(Some("u9"), None)),
            Err(ContentLookupError::UnknownUnit { .. })
        ));
        assert!(matches!(
            resolve_target(&manifest, &target(None, Some("l9"))),
            Err(ContentLookupError::UnknownLesson { .. })
        ));
        assert!(matches!(
            resolve_target(&manifest, &target(Some("u1"), Some("l3"))),
            Err(ContentLookupError::LessonNotInUnit { .. })
        ));
    }

    #[test]
    fn due_dates_are_kept_in_utc() {
        let due = parse_due_at("2026-12-01T17:00:00+09:00").unwrap();
        assert_eq!(due.to_rfc3339(), "2026-12-01T08:00:00+00:00");
        assert!(parse_due_at("2026-12-01").is_err());
        assert!(parse_due_at("2026-12-01T17:00:00").is_err());
    }
}
