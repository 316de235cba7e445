//! The teacher's dashboard: who has done each assignment, who is stuck, which items the class
//! misses most, computed on the server from the learners' own xAPI statements.
//!
//! - `GET /api/classes/{class_id}/dashboard` → [`ClassDashboard`] (JSON).
//! - `GET /api/classes/{class_id}/dashboard.csv` → the same rows, one per assignment and
//!   learner, as `text/csv` (RFC 4180, header row, UTF-8 with a byte-order mark so that
//!   spreadsheet programs read Hangul correctly).
//! - `GET /api/classes/{class_id}/learners/{learner_id}` → [`LearnerDrillDown`]: one learner's
//!   assignments lesson by lesson and the items they missed.
//!
//! Every answer carries `as_of`, the server time of the computation, so a client that caches
//! it for offline use can say "as of 09:12". Only the class's teacher (or an admin) may read
//! these, and only about learners who are in the class now.
//!
//! Progress comes from the same fold the learner's own device runs
//! ([`baeum_core::progress::Progress`]), over the statements the server holds for the learner,
//! so the teacher and the learner see the same completion, scores and missed items. The store
//! keeps its result per learner and lesson as statements arrive
//! ([`baeum_core::progress::LearnerReport`], `store/progress.rs`), so a report reads a few rows
//! per learner rather than every statement.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use baeum_core::progress::{ItemKey, LearnerReport};
use baeum_core::record::item_activity_id;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::accounts::account_identifier;
use crate::auth::Authenticated;
use crate::classes::{joint_class_managed_by, parse_path_uuid, PersonView};
use crate::error::ServerError;
use crate::store::{run_blocking, AssignmentRecord, ClassMemberRecord};
use crate::AppState;
use baeum_core::site::SiteName;

/// How many items the class view lists as most missed.
pub const MOST_MISSED_ITEMS_SHOWN: usize = 10;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/classes/{class_id}/dashboard", get(class_dashboard))
        .route(
            "/api/classes/{class_id}/dashboard.csv",
            get(class_dashboard_csv),
        )
        .route(
            "/api/classes/{class_id}/learners/{learner_id}",
            get(learner_drill_down),
        )
}

/// One learner's progress as the reports read it: core's fold of their statements, reduced to
/// what the reports show ([`LearnerReport`]), kept up to date by the store as statements
/// arrive.
#[derive(Debug, Clone, Default)]
pub struct LearnerProgress {
    pub report: LearnerReport,
}

impl LearnerProgress {
    /// Folds a learner's statements (as stored JSON).
    pub fn from_statements(statements: &[Value]) -> Self {
        Self {
            report: LearnerReport::from_statements(statements),
        }
    }

    /// Where the learner stands in one lesson.
    pub fn lesson_status(&self, course_id: &str, lesson_id: &str) -> AssignmentStatus {
        if self.report.is_lesson_completed(course_id, lesson_id) {
            AssignmentStatus::Done
        } else if self
            .report
            .latest_activity_ms(course_id, lesson_id)
            .is_some()
        {
            AssignmentStatus::InProgress
        } else {
            AssignmentStatus::NotStarted
        }
    }

    /// When the learner last did something in the lesson.
    pub fn lesson_last_active(&self, course_id: &str, lesson_id: &str) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis(self.report.latest_activity_ms(course_id, lesson_id)?)
    }

    /// The learner's latest learning event in any lesson.
    pub fn last_active(&self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis(self.report.last_activity_ms()?)
    }
}

/// Where a learner stands with an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    NotStarted,
    InProgress,
    Done,
}

impl AssignmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AssignmentStatus::NotStarted => "not_started",
            AssignmentStatus::InProgress => "in_progress",
            AssignmentStatus::Done => "done",
        }
    }
}

/// One learner's progress on one assignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssignmentProgress {
    pub status: AssignmentStatus,
    pub lessons_done: usize,
    pub lessons_total: usize,
    /// The mean scaled score (0–1) of the assignment's completed lessons that have a score.
    pub score: Option<f64>,
    /// The learner's latest statement about the assignment's lessons.
    pub last_active: Option<DateTime<Utc>>,
    /// Past the due date (by the server's clock) and not done.
    pub overdue: bool,
}

/// Done when every lesson of the assignment has a `completed` statement; in progress when
/// the learner has any learning event in one of its lessons. The score is the mean, over the
/// assignment's completed lessons that carry one, of each lesson's best score (the core
/// fold's rule for a lesson's score).
pub fn assignment_progress(
    assignment: &AssignmentRecord,
    learner: &LearnerProgress,
    now: DateTime<Utc>,
) -> AssignmentProgress {
    let course_id = assignment.target.course_id.as_str();
    let statuses: Vec<AssignmentStatus> = assignment
        .lesson_ids
        .iter()
        .map(|lesson_id| learner.lesson_status(course_id, lesson_id))
        .collect();
    let lessons_done = statuses
        .iter()
        .filter(|status| **status == AssignmentStatus::Done)
        .count();
    let lessons_total = assignment.lesson_ids.len();
    let status = if lessons_total > 0 && lessons_done == lessons_total {
        AssignmentStatus::Done
    } else if statuses
        .iter()
        .all(|status| *status == AssignmentStatus::NotStarted)
    {
        AssignmentStatus::NotStarted
    } else {
        AssignmentStatus::InProgress
    };
    let scores: Vec<f64> = assignment
        .lesson_ids
        .iter()
        .filter_map(|lesson_id| learner.report.best_lesson_score(course_id, lesson_id))
        .collect();
    let score = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    AssignmentProgress {
        status,
        lessons_done,
        lessons_total,
        score,
        last_active: assignment
            .lesson_ids
            .iter()
            .filter_map(|lesson_id| learner.lesson_last_active(course_id, lesson_id))
            .max(),
        overdue: status != AssignmentStatus::Done && assignment.due_at < now,
    }
}

/// Whether an assignment is meant for a learner (the whole class, or chosen learners).
pub fn is_assigned_to(assignment: &AssignmentRecord, learner_id: Uuid) -> bool {
    assignment
        .learner_ids
        .as_ref()
        .is_none_or(|chosen| chosen.contains(&learner_id))
}

/// The progress of each of these learners: core's fold of their stored, non-voided
/// statements, as the store keeps it (one read for all of them, no statement parsed). Every
/// learner asked about is in the map, with empty progress when they have no statements.
pub async fn learners_progress(
    state: &AppState,
    learner_ids: &[Uuid],
) -> Result<BTreeMap<Uuid, LearnerProgress>, ServerError> {
    let learner_by_actor_key: BTreeMap<String, Uuid> = learner_ids
        .iter()
        .map(|learner_id| {
            let actor_key = account_identifier(&state.account_home_page, *learner_id).key();
            (actor_key, *learner_id)
        })
        .collect();
    let actor_keys: Vec<String> = learner_by_actor_key.keys().cloned().collect();
    let mut reports = run_blocking(&state.store, move |store| {
        store.learner_reports(&actor_keys)
    })
    .await?;
    Ok(learner_by_actor_key
        .into_iter()
        .map(|(actor_key, learner_id)| {
            let report = reports.remove(&actor_key).unwrap_or_default();
            (learner_id, LearnerProgress { report })
        })
        .collect())
}

/// One learner's progress folded from their statements.
pub async fn learner_progress(
    state: &AppState,
    learner_id: Uuid,
) -> Result<LearnerProgress, ServerError> {
    Ok(learners_progress(state, &[learner_id])
        .await?
        .remove(&learner_id)
        .unwrap_or_default())
}

/// An assignment as the dashboard lists it.
#[derive(Debug, Serialize)]
pub struct DashboardAssignment {
    pub id: Uuid,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub due_at: DateTime<Utc>,
    pub note: Option<String>,
    pub lesson_count: usize,
    /// One entry per learner the assignment is for who is in the class now.
    pub learners: Vec<LearnerAssignmentCell>,
}

/// One cell of the assignment × learner grid.
#[derive(Debug, Serialize)]
pub struct LearnerAssignmentCell {
    pub learner_id: Uuid,
    #[serde(flatten)]
    pub progress: AssignmentProgress,
}

/// A learner as the dashboard lists them.
#[derive(Debug, Serialize)]
pub struct DashboardLearner {
    pub id: Uuid,
    pub username: String,
    pub last_active: Option<DateTime<Utc>>,
    /// The site whose pupil they are (at whose address they joined), for the filter of a
    /// joint class's teachers.
    pub site_id: Option<String>,
}

/// An item of the class and how often it was missed.
#[derive(Debug, Serialize, PartialEq)]
pub struct MissedItem {
    pub course_id: String,
    pub lesson_id: String,
    pub item_id: String,
    pub activity_id: String,
    /// Wrong answers, summed over the learners.
    pub wrong: usize,
    /// All answers, summed over the learners.
    pub attempts: usize,
    /// How many learners got it wrong at least once.
    pub learners_missed: usize,
}

/// `GET /api/classes/{class_id}/dashboard`.
#[derive(Debug, Serialize)]
pub struct ClassDashboard {
    pub as_of: DateTime<Utc>,
    pub class: ClassSummary,
    pub learners: Vec<DashboardLearner>,
    pub assignments: Vec<DashboardAssignment>,
    pub most_missed_items: Vec<MissedItem>,
}

#[derive(Debug, Serialize)]
pub struct ClassSummary {
    pub id: Uuid,
    pub name: String,
    /// The sites it is at, its own first (a joint class's schools).
    pub sites: Vec<SiteName>,
}

/// Everything the class views are made of, read once.
struct ClassProgress {
    as_of: DateTime<Utc>,
    class: ClassSummary,
    members: Vec<ClassMemberRecord>,
    assignments: Vec<AssignmentRecord>,
    progress_by_learner: BTreeMap<Uuid, LearnerProgress>,
}

async fn read_class_progress(
    state: &AppState,
    caller: &Authenticated,
    class_id: Uuid,
) -> Result<ClassProgress, ServerError> {
    let joint = joint_class_managed_by(state, caller, class_id).await?;
    let (members, assignments) = run_blocking(&state.store, move |store| {
        Ok((
            store.class_members(class_id)?,
            store.assignments_of_class(class_id)?,
        ))
    })
    .await?;
    let member_ids: Vec<Uuid> = members.iter().map(|member| member.learner_id).collect();
    let progress_by_learner = learners_progress(state, &member_ids).await?;
    Ok(ClassProgress {
        as_of: Utc::now(),
        class: ClassSummary {
            id: joint.class.id,
            sites: state.sites.names(state, &joint.site_ids()).await,
            name: joint.class.name,
        },
        members,
        assignments,
        progress_by_learner,
    })
}

/// The items answered wrong most often, summed over the given learners with the core fold's
/// per-learner counts: most wrong answers first, then most learners who got it wrong, then
/// by activity id so that the order is stable.
pub fn most_missed_items<'a>(
    learners: impl IntoIterator<Item = &'a LearnerProgress>,
    shown: usize,
) -> Vec<MissedItem> {
    let mut totals: BTreeMap<ItemKey, (usize, usize, usize)> = BTreeMap::new();
    for learner in learners {
        for missed in learner.report.most_missed_items(usize::MAX) {
            let total = totals.entry(missed.item).or_default();
            total.0 += missed.wrong;
            total.1 += missed.attempts;
            total.2 += 1;
        }
    }
    let mut items: Vec<MissedItem> = totals
        .into_iter()
        .map(|(key, (wrong, attempts, learners_missed))| MissedItem {
            activity_id: item_activity_id(&key.course_id, &key.lesson_id, &key.item_id),
            course_id: key.course_id,
            lesson_id: key.lesson_id,
            item_id: key.item_id,
            wrong,
            attempts,
            learners_missed,
        })
        .collect();
    items.sort_by(|a, b| {
        b.wrong
            .cmp(&a.wrong)
            .then(b.learners_missed.cmp(&a.learners_missed))
            .then(a.activity_id.cmp(&b.activity_id))
    });
    items.truncate(shown);
    items
}

fn build_class_dashboard(read: ClassProgress) -> ClassDashboard {
    let empty = LearnerProgress::default();
    let progress_of =
        |learner_id: &Uuid| read.progress_by_learner.get(learner_id).unwrap_or(&empty);
    let assignments = read
        .assignments
        .iter()
        .map(|assignment| DashboardAssignment {
            id: assignment.id,
            course_id: assignment.target.course_id.clone(),
            unit_id: assignment.target.unit_id.clone(),
            lesson_id: assignment.target.lesson_id.clone(),
            due_at: assignment.due_at,
            note: assignment.note.clone(),
            lesson_count: assignment.lesson_ids.len(),
            learners: read
                .members
                .iter()
                .filter(|member| is_assigned_to(assignment, member.learner_id))
                .map(|member| LearnerAssignmentCell {
                    learner_id: member.learner_id,
                    progress: assignment_progress(
                        assignment,
                        progress_of(&member.learner_id),
                        read.as_of,
                    ),
                })
                .collect(),
        })
        .collect();
    ClassDashboard {
        as_of: read.as_of,
        learners: read
            .members
            .iter()
            .map(|member| DashboardLearner {
                id: member.learner_id,
                username: member.username.clone(),
                last_active: progress_of(&member.learner_id).last_active(),
                site_id: member.site_id.clone(),
            })
            .collect(),
        assignments,
        most_missed_items: most_missed_items(
            read.progress_by_learner.values(),
            MOST_MISSED_ITEMS_SHOWN,
        ),
        class: read.class,
    }
}

async fn class_dashboard(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassDashboard>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let read = read_class_progress(&state, &caller, class_id).await?;
    Ok(Json(build_class_dashboard(read)))
}

/// The columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "class_id",
    "class_name",
    "assignment_id",
    "course_id",
    "unit_id",
    "lesson_id",
    "due_at",
    "learner_id",
    "username",
    "status",
    "lessons_done",
    "lessons_total",
    "score",
    "last_active",
    "overdue",
    "as_of",
];

/// One CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
/// A field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) is prefixed with `'`, because the export is opened in spreadsheet
/// programs and a class name is typed by a person.
pub fn csv_field(value: &str) -> String {
    let neutralized = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if neutralized.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutralized.replace('"', "\"\""))
    } else {
        neutralized
    }
}

fn csv_time(instant: Option<DateTime<Utc>>) -> String {
    instant
        .map(|instant| instant.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// The dashboard as CSV: a header row, then one row per assignment and learner, lines ended
/// by CRLF as RFC 4180 says.
pub fn dashboard_csv(dashboard: &ClassDashboard) -> String {
    let usernames: BTreeMap<Uuid, &str> = dashboard
        .learners
        .iter()
        .map(|learner| (learner.id, learner.username.as_str()))
        .collect();
    let mut csv = String::from("\u{feff}");
    csv.push_str(&CSV_COLUMNS.join(","));
    csv.push_str("\r\n");
    for assignment in &dashboard.assignments {
        for cell in &assignment.learners {
            let progress = &cell.progress;
            let fields = [
                dashboard.class.id.to_string(),
                dashboard.class.name.clone(),
                assignment.id.to_string(),
                assignment.course_id.clone(),
                assignment.unit_id.clone().unwrap_or_default(),
                assignment.lesson_id.clone().unwrap_or_default(),
                csv_time(Some(assignment.due_at)),
                cell.learner_id.to_string(),
                usernames
                    .get(&cell.learner_id)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                progress.status.as_str().to_owned(),
                progress.lessons_done.to_string(),
                progress.lessons_total.to_string(),
                progress
                    .score
                    .map(|score| format!("{score:.3}"))
                    .unwrap_or_default(),
                csv_time(progress.last_active),
                progress.overdue.to_string(),
                csv_time(Some(dashboard.as_of)),
            ];
            let row: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
            // Writing to a String cannot fail.
            let _ = write!(csv, "{}\r\n", row.join(","));
        }
    }
    csv
}

async fn class_dashboard_csv(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Response, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let read = read_class_progress(&state, &caller, class_id).await?;
    let csv = dashboard_csv(&build_class_dashboard(read));
    let mut response = csv.into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(disposition) = HeaderValue::from_str(&format!(
        "attachment; filename=\"baeum-class-{class_id}.csv\""
    )) {
        headers.insert(CONTENT_DISPOSITION, disposition);
    }
    Ok(response)
}

/// One lesson of an assignment in the drill-down.
#[derive(Debug, Serialize)]
pub struct LessonRow {
    pub lesson_id: String,
    pub status: AssignmentStatus,
    pub score: Option<f64>,
    pub last_active: Option<DateTime<Utc>>,
}

/// One assignment in the drill-down.
#[derive(Debug, Serialize)]
pub struct LearnerAssignmentRow {
    pub assignment_id: Uuid,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub due_at: DateTime<Utc>,
    pub note: Option<String>,
    #[serde(flatten)]
    pub progress: AssignmentProgress,
    pub lessons: Vec<LessonRow>,
}

/// `GET /api/classes/{class_id}/learners/{learner_id}`.
#[derive(Debug, Serialize)]
pub struct LearnerDrillDown {
    pub as_of: DateTime<Utc>,
    pub class: ClassSummary,
    pub learner: PersonView,
    pub last_active: Option<DateTime<Utc>>,
    pub assignments: Vec<LearnerAssignmentRow>,
    /// Every item the learner missed at least once, most misses first.
    pub missed_items: Vec<MissedItem>,
}

async fn learner_drill_down(
    State(state): State<AppState>,
    caller: Authenticated,
    Path((class_id, learner_id)): Path<(String, String)>,
) -> Result<Json<LearnerDrillDown>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let learner_id = parse_path_uuid("learner id", &learner_id)?;
    let joint = joint_class_managed_by(&state, &caller, class_id).await?;
    let (members, assignments) = run_blocking(&state.store, move |store| {
        Ok((
            store.class_members(class_id)?,
            store.assignments_of_class(class_id)?,
        ))
    })
    .await?;
    // Only learners in the class now: a removed learner's record is no longer the teacher's
    // to read through this class.
    let Some(member) = members
        .into_iter()
        .find(|member| member.learner_id == learner_id)
    else {
        return Err(ServerError::NotFound(format!(
            "learner {learner_id} is not in this class"
        )));
    };
    let progress = learner_progress(&state, learner_id).await?;
    let as_of = Utc::now();
    let rows = assignments
        .iter()
        .filter(|assignment| is_assigned_to(assignment, learner_id))
        .map(|assignment| LearnerAssignmentRow {
            assignment_id: assignment.id,
            course_id: assignment.target.course_id.clone(),
            unit_id: assignment.target.unit_id.clone(),
            lesson_id: assignment.target.lesson_id.clone(),
            due_at: assignment.due_at,
            note: assignment.note.clone(),
            progress: assignment_progress(assignment, &progress, as_of),
            lessons: assignment
                .lesson_ids
                .iter()
                .map(|lesson_id| {
                    let course_id = assignment.target.course_id.as_str();
                    LessonRow {
                        lesson_id: lesson_id.clone(),
                        status: progress.lesson_status(course_id, lesson_id),
                        score: progress.report.best_lesson_score(course_id, lesson_id),
                        last_active: progress.lesson_last_active(course_id, lesson_id),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(Json(LearnerDrillDown {
        as_of,
        class: ClassSummary {
            id: joint.class.id,
            sites: state.sites.names(&state, &joint.site_ids()).await,
            name: joint.class.name,
        },
        learner: PersonView {
            id: member.learner_id,
            username: member.username,
        },
        last_active: progress.last_active(),
        assignments: rows,
        missed_items: most_missed_items([&progress], usize::MAX),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AssignmentTarget;
    use baeum_core::record::{lesson_activity_id, VERB_ANSWERED, VERB_COMPLETED};

    fn statement(verb: &str, activity: &str, result: serde_json::Value, at: &str) -> Value {
        let mut json = serde_json::json!({
            "id": Uuid::new_v4().to_string(),
            "actor": { "account": { "homePage": "https://baeum.invalid/", "name": "learner" } },
            "verb": { "id": verb },
            "object": { "id": activity },
            "timestamp": at,
        });
        if !result.is_null() {
            json["result"] = result;
        }
        json
    }

    fn unit_assignment(due_at: &str) -> AssignmentRecord {
        let now = Utc::now();
        AssignmentRecord {
            id: Uuid::new_v4(),
            class_id: Uuid::new_v4(),
            assigned_by: Uuid::new_v4(),
            target: AssignmentTarget {
                course_id: "hangul".into(),
                unit_id: Some("u1".into()),
                lesson_id: None,
            },
            lesson_ids: vec!["l1".into(), "l2".into()],
            learner_ids: None,
            due_at: due_at.parse().expect("a test time"),
            note: None,
            created_at: now,
            updated_at: now,
            deleted_at: None,
        }
    }

    #[test]
    fn a_unit_is_done_when_each_of_its_lessons_is_completed() {
        let assignment = unit_assignment("2026-01-10T00:00:00Z");
        let after_due: DateTime<Utc> = "2026-01-11T00:00:00Z".parse().expect("a test time");
        let nothing = LearnerProgress::from_statements(&[]);
        let progress = assignment_progress(&assignment, &nothing, after_due);
        assert_eq!(progress.status, AssignmentStatus::NotStarted);
        assert!(progress.overdue);

        let one_answer = vec![statement(
            VERB_ANSWERED,
            &item_activity_id("hangul", "l1", "a"),
            serde_json::json!({ "success": false }),
            "2026-01-01T10:00:00Z",
        )];
        let started = LearnerProgress::from_statements(&one_answer);
        let progress = assignment_progress(&assignment, &started, after_due);
        assert_eq!(progress.status, AssignmentStatus::InProgress);
        assert_eq!(progress.lessons_done, 0);
        assert_eq!(
            progress.last_active.map(|at| at.to_rfc3339()),
            Some("2026-01-01T10:00:00+00:00".to_owned())
        );

        let mut both = one_answer.clone();
        both.push(statement(
            VERB_COMPLETED,
            &lesson_activity_id("hangul", "l1"),
            serde_json::json!({ "score": { "scaled": 0.5 } }),
            "2026-01-01T10:05:00Z",
        ));
        let half = LearnerProgress::from_statements(&both);
        let progress = assignment_progress(&assignment, &half, after_due);
        assert_eq!(progress.status, AssignmentStatus::InProgress);
        assert_eq!((progress.lessons_done, progress.lessons_total), (1, 2));
        both.push(statement(
            VERB_COMPLETED,
            &lesson_activity_id("hangul", "l2"),
            serde_json::json!({ "score": { "scaled": 1.0 } }),
            "2026-01-02T10:05:00Z",
        ));
        let done = LearnerProgress::from_statements(&both);
        let progress = assignment_progress(&assignment, &done, after_due);
        assert_eq!(progress.status, AssignmentStatus::Done);
        assert_eq!(progress.score, Some(0.75));
        assert!(!progress.overdue, "a done assignment is never overdue");

        // Another course's lesson with the same id does not count.
        let elsewhere = LearnerProgress::from_statements(&[statement(
            VERB_COMPLETED,
            &lesson_activity_id("science", "l1"),
            serde_json::Value::Null,
            "2026-01-01T10:05:00Z",
        )]);
        assert_eq!(
            assignment_progress(&assignment, &elsewhere, after_due).status,
            AssignmentStatus::NotStarted
        );
    }

    #[test]
    fn missed_items_are_summed_over_learners() {
        let wrong = |item: &str| {
            statement(
                VERB_ANSWERED,
                &item_activity_id("hangul", "l1", item),
                serde_json::json!({ "success": false }),
                "2026-01-01T10:00:00Z",
            )
        };
        let first = LearnerProgress::from_statements(&[wrong("a"), wrong("a"), wrong("b")]);
        let second = LearnerProgress::from_statements(&[wrong("b")]);
        let missed = most_missed_items([&first, &second], 10);
        let summary: Vec<(&str, usize, usize)> = missed
            .iter()
            .map(|item| (item.item_id.as_str(), item.wrong, item.learners_missed))
            .collect();
        // Equal wrong counts: the item more learners got wrong comes first.
        assert_eq!(summary, [("b", 2, 2), ("a", 2, 1)]);
        assert_eq!(most_missed_items([&first, &second], 1).len(), 1);
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralized() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-1,2"), "\"'-1,2\"");
        assert_eq!(csv_field(""), "");
    }
}
