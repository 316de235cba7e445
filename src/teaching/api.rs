//! A typed client for the school API: classes, join codes, assignments and the dashboard.
//!
//! Every call carries the signed-in account's bearer token. Failures come back as one
//! [`TeachingError`], whose variants are the situations the pages explain differently: nobody is
//! signed in, the device is offline, the account may not do this, too many join-code tries, or a
//! message the server wrote for the user.
//!
//! The requests go through the app's HTTP client ([`crate::http`]) directly rather than the
//! sync driver's transport, because these endpoints need `PUT` and `PATCH` and the
//! `Retry-After` header, which the xAPI transport has no use for.

use baeum_core::content::Language;
use baeum_core::progress::monthly::ReportView;
use baeum_core::records::wire::{
    Application, ApplicationDecision, ApplicationRequest, CertificateRequest, CourseCompletion,
    CourseEnrolment, IssuedCertificate, NotYetComplete, SiteApplication, SiteCertificate,
    SiteEnrolment,
};
use baeum_core::site::{CoursesChange, FeaturedChange, SiteName, SiteView, StaffChange};
use baeum_core::wellbeing::wire::{ClassWellbeing, OpenRequests, SharedCheckIn};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::browser;
use crate::http::{self, HttpError, Method};

/// How long a request may take before the connection is treated as gone. A teacher on a poor
/// connection would rather see the cached dashboard than a spinner that never ends.
const REQUEST_TIMEOUT_MS: u32 = 20_000;

/// Why a school API call did not succeed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TeachingError {
    #[error("you are not signed in on this device; sign in to continue")]
    SignedOut,
    #[error("the server could not be reached; try again when online")]
    Offline,
    #[error("your account may not do this: {0}")]
    Forbidden(String),
    #[error("too many tries; wait {seconds} seconds before trying again")]
    RateLimited { seconds: u64 },
    /// Any other refusal or failure, with the server's own words (`{"error": "…"}`).
    #[error("{message}")]
    Server { status: u16, message: String },
}

impl TeachingError {
    /// The HTTP status behind a server message, if there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            TeachingError::Server { status, .. } => Some(*status),
            TeachingError::Forbidden(_) => Some(403),
            TeachingError::RateLimited { .. } => Some(429),
            TeachingError::SignedOut | TeachingError::Offline => None,
        }
    }

    /// Whether trying the same request again later may succeed: the request itself was fine,
    /// the connection, the session or the server was not.
    pub fn is_temporary(&self) -> bool {
        match self {
            TeachingError::SignedOut
            | TeachingError::Offline
            | TeachingError::RateLimited { .. } => true,
            TeachingError::Forbidden(_) => false,
            TeachingError::Server { status, .. } => *status >= 500 || *status == 408,
        }
    }

    /// The error in words for the user, in the interface language. Like the `Display` text it
    /// starts in lower case, because the pages put it into a sentence of their own. A server's
    /// own message is shown as the server wrote it.
    pub fn message(&self) -> String {
        match self {
            TeachingError::SignedOut => crate::t!("teach-error-signed-out"),
            TeachingError::Offline => crate::t!("teach-error-offline"),
            TeachingError::Forbidden(reason) => crate::t!("teach-error-forbidden", reason = reason),
            TeachingError::RateLimited { seconds } => {
                crate::t!("teach-error-rate-limited", seconds = *seconds)
            }
            TeachingError::Server { message, .. } => message.clone(),
        }
    }
}

/// A request's JSON body.
fn to_body<T: Serialize>(value: &T) -> Result<Value, TeachingError> {
    serde_json::to_value(value).map_err(|error| TeachingError::Server {
        status: 0,
        message: error.to_string(),
    })
}

// ----- what the server sends ------------------------------------------------------------------

/// An account named for display.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Uuid,
    pub username: String,
}

/// A class as its teachers see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassView {
    pub id: Uuid,
    pub name: String,
    pub join_code: String,
    /// Its owner.
    pub teacher_id: Uuid,
    pub created_at: String,
    pub member_count: usize,
    /// The sites it is at, its own first (two or more: a joint class).
    #[serde(default)]
    pub sites: Vec<SiteName>,
    /// Its teachers, the owner first.
    #[serde(default)]
    pub teachers: Vec<ClassTeacher>,
    /// The code another school's teacher takes the class up with (its owner's to see).
    #[serde(default)]
    pub teacher_code: Option<String>,
}

/// One of a class's teachers, and the site they teach it from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassTeacher {
    pub id: Uuid,
    pub username: String,
    pub site_id: Option<String>,
    pub owner: bool,
}

/// A learner in a class, and the site whose pupil they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: Uuid,
    pub username: String,
    #[serde(default)]
    pub site_id: Option<String>,
}

/// A class with its members, for its teachers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassDetail {
    #[serde(flatten)]
    pub class: ClassView,
    pub members: Vec<Member>,
}

/// A class as a learner in it sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerClassView {
    pub id: Uuid,
    pub name: String,
    /// Its owner.
    pub teacher: Person,
    /// Every teacher, the owner first.
    #[serde(default)]
    pub teachers: Vec<Person>,
    /// The schools it joins, its own first.
    #[serde(default)]
    pub sites: Vec<SiteName>,
}

/// A teacher invitation as made: the code to give, and until when it works.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    pub code: String,
    pub expires_at: String,
}

/// A site's name in the interface's language (as the header names the site), else in
/// English, else in any language it has; the id when the site is gone.
pub fn site_label(sites: &[SiteName], id: &str) -> String {
    let language = Language::from_code(crate::i18n::interface_language().tag());
    sites
        .iter()
        .find(|site| site.id == id)
        .and_then(|site| {
            let name = &site.name;
            language
                .and_then(|language| name.get(language))
                .or_else(|| name.get(Language::En))
                .or_else(|| name.0.values().next().map(String::as_str))
                .map(str::to_owned)
        })
        .unwrap_or_else(|| id.to_owned())
}

/// What the teacher fills in to assign a course, unit or lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewAssignment {
    pub class_id: Uuid,
    pub course_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson_id: Option<String>,
    /// RFC 3339 with the teacher's offset, for example `2026-12-01T17:00:00+09:00`.
    pub due_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Chosen learners; `None` assigns it to the whole class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learner_ids: Option<Vec<Uuid>>,
}

/// An assignment as its teacher sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignmentView {
    pub id: Uuid,
    pub class_id: Uuid,
    pub assigned_by: Uuid,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub lesson_ids: Vec<String>,
    pub learner_ids: Option<Vec<Uuid>>,
    pub due_at: String,
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Where a learner stands with an assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    NotStarted,
    InProgress,
    Done,
}

impl AssignmentStatus {
    /// Words for the status, so it never rests on colour alone.
    pub fn label(self) -> String {
        match self {
            AssignmentStatus::NotStarted => crate::t!("teach-status-not-started"),
            AssignmentStatus::InProgress => crate::t!("teach-status-in-progress"),
            AssignmentStatus::Done => crate::t!("teach-status-done"),
        }
    }

    /// The class name and `data-status` value.
    pub fn code(self) -> &'static str {
        match self {
            AssignmentStatus::NotStarted => "not_started",
            AssignmentStatus::InProgress => "in_progress",
            AssignmentStatus::Done => "done",
        }
    }
}

/// One learner's progress on one assignment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignmentProgress {
    pub status: AssignmentStatus,
    pub lessons_done: usize,
    pub lessons_total: usize,
    /// Mean scaled score, 0 to 1.
    pub score: Option<f64>,
    pub last_active: Option<String>,
    pub overdue: bool,
}

/// An assignment as the learner it is for sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyAssignment {
    pub id: Uuid,
    pub class_id: Uuid,
    pub class_name: String,
    pub assigned_by: Person,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub lesson_ids: Vec<String>,
    pub due_at: String,
    pub note: Option<String>,
    #[serde(flatten)]
    pub progress: AssignmentProgress,
}

/// `GET /api/my/assignments`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyAssignments {
    pub as_of: String,
    pub assignments: Vec<MyAssignment>,
}

/// The class named in dashboard answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassSummary {
    pub id: Uuid,
    pub name: String,
    /// The sites it is at (a joint class's schools).
    #[serde(default)]
    pub sites: Vec<SiteName>,
}

/// A learner as the dashboard lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardLearner {
    pub id: Uuid,
    pub username: String,
    pub last_active: Option<String>,
    /// The site whose pupil they are.
    #[serde(default)]
    pub site_id: Option<String>,
}

/// One cell of the assignment × learner grid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerCell {
    pub learner_id: Uuid,
    #[serde(flatten)]
    pub progress: AssignmentProgress,
}

/// An assignment as the dashboard lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardAssignment {
    pub id: Uuid,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub due_at: String,
    pub note: Option<String>,
    pub lesson_count: usize,
    pub learners: Vec<LearnerCell>,
}

/// An item and how often the class missed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MissedItem {
    pub course_id: String,
    pub lesson_id: String,
    pub item_id: String,
    pub activity_id: String,
    pub wrong: usize,
    pub attempts: usize,
    pub learners_missed: usize,
}

/// `GET /api/classes/{id}/dashboard`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassDashboard {
    pub as_of: String,
    pub class: ClassSummary,
    pub learners: Vec<DashboardLearner>,
    pub assignments: Vec<DashboardAssignment>,
    pub most_missed_items: Vec<MissedItem>,
}

/// One lesson of an assignment in the learner drill-down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonRow {
    pub lesson_id: String,
    pub status: AssignmentStatus,
    pub score: Option<f64>,
    pub last_active: Option<String>,
}

/// One assignment in the learner drill-down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerAssignmentRow {
    pub assignment_id: Uuid,
    pub course_id: String,
    pub unit_id: Option<String>,
    pub lesson_id: Option<String>,
    pub due_at: String,
    pub note: Option<String>,
    #[serde(flatten)]
    pub progress: AssignmentProgress,
    pub lessons: Vec<LessonRow>,
}

/// `GET /api/classes/{id}/learners/{learner_id}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerDrillDown {
    pub as_of: String,
    pub class: ClassSummary,
    pub learner: Person,
    pub last_active: Option<String>,
    pub assignments: Vec<LearnerAssignmentRow>,
    pub missed_items: Vec<MissedItem>,
}

#[derive(Deserialize)]
struct TeacherClassList {
    classes: Vec<ClassView>,
}

#[derive(Deserialize)]
struct LearnerClassList {
    classes: Vec<LearnerClassView>,
}

#[derive(Deserialize)]
struct AssignmentList {
    assignments: Vec<AssignmentView>,
}

// ----- the client -----------------------------------------------------------------------------

/// An HTTP answer reduced to what this client reads.
struct Answer {
    status: u16,
    body: String,
    retry_after: Option<String>,
}

/// Calls the school API as one signed-in account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeachingApi {
    token: String,
}

impl TeachingApi {
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: token.into(),
        }
    }

    pub async fn create_class(&self, name: &str) -> Result<ClassView, TeachingError> {
        let body = serde_json::json!({ "name": name });
        self.json(Method::Post, "/api/classes", Some(body)).await
    }

    /// The teacher's own classes.
    pub async fn teacher_classes(&self) -> Result<Vec<ClassView>, TeachingError> {
        let list: TeacherClassList = self.json(Method::Get, "/api/classes", None).await?;
        Ok(list.classes)
    }

    /// The classes a learner is in.
    pub async fn learner_classes(&self) -> Result<Vec<LearnerClassView>, TeachingError> {
        let list: LearnerClassList = self.json(Method::Get, "/api/classes", None).await?;
        Ok(list.classes)
    }

    pub async fn join_class(&self, join_code: &str) -> Result<LearnerClassView, TeachingError> {
        let body = serde_json::json!({ "join_code": join_code });
        self.json(Method::Post, "/api/classes/join", Some(body))
            .await
    }

    pub async fn class_detail(&self, class_id: Uuid) -> Result<ClassDetail, TeachingError> {
        self.json(Method::Get, &format!("/api/classes/{class_id}"), None)
            .await
    }

    pub async fn rename_class(
        &self,
        class_id: Uuid,
        name: &str,
    ) -> Result<ClassView, TeachingError> {
        let body = serde_json::json!({ "name": name });
        self.json(
            Method::Patch,
            &format!("/api/classes/{class_id}"),
            Some(body),
        )
        .await
    }

    /// Replaces the class's join code; the old one stops working at once.
    pub async fn rotate_join_code(&self, class_id: Uuid) -> Result<ClassView, TeachingError> {
        self.json(
            Method::Post,
            &format!("/api/classes/{class_id}/join-code"),
            None,
        )
        .await
    }

    /// A fresh teacher code for the class (its owner's), the old one stops working;
    /// `withdraw` takes the code away instead.
    pub async fn teacher_code(
        &self,
        class_id: Uuid,
        withdraw: bool,
    ) -> Result<ClassView, TeachingError> {
        let method = if withdraw {
            Method::Delete
        } else {
            Method::Post
        };
        let path = format!("/api/classes/{class_id}/teacher-code");
        self.json(method, &path, None).await
    }

    /// Teaches the class whose teacher code this is, from the site this app was opened at.
    pub async fn take_up_class(&self, teacher_code: &str) -> Result<ClassView, TeachingError> {
        let body = serde_json::json!({ "teacher_code": teacher_code });
        self.json(Method::Post, "/api/classes/teach", Some(body))
            .await
    }

    /// Takes a teacher off the class (the caller themself: leaving it).
    pub async fn remove_teacher(
        &self,
        class_id: Uuid,
        teacher_id: Uuid,
    ) -> Result<(), TeachingError> {
        let path = format!("/api/classes/{class_id}/teachers/{teacher_id}");
        self.request(Method::Delete, &path, None).await.map(|_| ())
    }

    pub async fn remove_member(
        &self,
        class_id: Uuid,
        learner_id: Uuid,
    ) -> Result<(), TeachingError> {
        let path = format!("/api/classes/{class_id}/members/{learner_id}");
        self.request(Method::Delete, &path, None).await.map(|_| ())
    }

    /// Creates an assignment under an id chosen here. Sending the same request again is safe:
    /// the server answers 200 for an identical copy, and refuses (409, 410) only when the id
    /// names something else or was deleted.
    pub async fn put_assignment(
        &self,
        assignment_id: Uuid,
        assignment: &NewAssignment,
    ) -> Result<AssignmentView, TeachingError> {
        let body = serde_json::to_value(assignment).map_err(|error| TeachingError::Server {
            status: 0,
            message: crate::t!("teach-error-unprepared", error = error.to_string()),
        })?;
        self.json(
            Method::Put,
            &format!("/api/assignments/{assignment_id}"),
            Some(body),
        )
        .await
    }

    pub async fn class_assignments(
        &self,
        class_id: Uuid,
    ) -> Result<Vec<AssignmentView>, TeachingError> {
        let list: AssignmentList = self
            .json(
                Method::Get,
                &format!("/api/classes/{class_id}/assignments"),
                None,
            )
            .await?;
        Ok(list.assignments)
    }

    pub async fn delete_assignment(&self, assignment_id: Uuid) -> Result<(), TeachingError> {
        self.request(
            Method::Delete,
            &format!("/api/assignments/{assignment_id}"),
            None,
        )
        .await
        .map(|_| ())
    }

    /// The learner's own assignments with their status.
    pub async fn my_assignments(&self) -> Result<MyAssignments, TeachingError> {
        self.json(Method::Get, "/api/my/assignments", None).await
    }

    pub async fn dashboard(&self, class_id: Uuid) -> Result<ClassDashboard, TeachingError> {
        self.json(
            Method::Get,
            &format!("/api/classes/{class_id}/dashboard"),
            None,
        )
        .await
    }

    pub async fn learner_drill_down(
        &self,
        class_id: Uuid,
        learner_id: Uuid,
    ) -> Result<LearnerDrillDown, TeachingError> {
        self.json(
            Method::Get,
            &format!("/api/classes/{class_id}/learners/{learner_id}"),
            None,
        )
        .await
    }

    /// The check-ins the class's learners shared with its teacher (core's `wellbeing::wire`).
    pub async fn class_wellbeing(&self, class_id: Uuid) -> Result<ClassWellbeing, TeachingError> {
        self.json(
            Method::Get,
            &format!("/api/classes/{class_id}/wellbeing"),
            None,
        )
        .await
    }

    /// Marks a shared request to talk seen.
    pub async fn mark_check_in_seen(
        &self,
        class_id: Uuid,
        statement_id: Uuid,
    ) -> Result<SharedCheckIn, TeachingError> {
        self.json(
            Method::Post,
            &format!("/api/classes/{class_id}/wellbeing/{statement_id}/seen"),
            None,
        )
        .await
    }

    /// How many requests to talk shared with this teacher are open.
    pub async fn open_requests(&self) -> Result<OpenRequests, TeachingError> {
        self.json(Method::Get, "/api/wellbeing/open-requests", None)
            .await
    }

    /// The dashboard as CSV text, for the school's records.
    pub async fn dashboard_csv(&self, class_id: Uuid) -> Result<String, TeachingError> {
        let answer = self
            .request(
                Method::Get,
                &format!("/api/classes/{class_id}/dashboard.csv"),
                None,
            )
            .await?;
        Ok(answer.body)
    }

    /// The site of this address, as its staff see it (404: not theirs, or no site).
    pub async fn site(&self) -> Result<SiteView, TeachingError> {
        self.json(Method::Get, "/api/site", None).await
    }

    /// Chooses the site's courses (its admins).
    pub async fn set_site_courses(
        &self,
        change: &CoursesChange,
    ) -> Result<SiteView, TeachingError> {
        let body = to_body(change)?;
        self.json(Method::Put, "/api/site/courses", Some(body))
            .await
    }

    /// Chooses the courses home lists first at the site (its admins).
    pub async fn set_site_featured(
        &self,
        change: &FeaturedChange,
    ) -> Result<SiteView, TeachingError> {
        let body = to_body(change)?;
        self.json(Method::Put, "/api/site/featured", Some(body))
            .await
    }

    /// Makes a member of the site's staff its teacher or admin, or (`None`) no longer staff
    /// (its admins).
    pub async fn set_site_staff(
        &self,
        username: &str,
        change: &StaffChange,
    ) -> Result<SiteView, TeachingError> {
        let body = to_body(change)?;
        // Usernames may be Hangul or hold dots: the path carries them encoded.
        let username = String::from(js_sys::encode_uri_component(username));
        self.json(
            Method::Put,
            &format!("/api/site/staff/{username}"),
            Some(body),
        )
        .await
    }

    /// A one-time invitation to teach at this site (its admins).
    pub async fn invite_teacher(&self) -> Result<Invitation, TeachingError> {
        self.json(Method::Post, "/api/admin/teacher-invitations", None)
            .await
    }

    /// This site's report (its admins).
    pub async fn report(&self) -> Result<ReportView, TeachingError> {
        self.json(Method::Get, "/api/reports", None).await
    }

    /// This site's report as CSV text.
    pub async fn report_csv(&self) -> Result<String, TeachingError> {
        let answer = self.request(Method::Get, "/api/reports.csv", None).await?;
        Ok(answer.body)
    }

    /// This site's certificates, newest first (its admins).
    pub async fn site_certificates(&self) -> Result<Vec<SiteCertificate>, TeachingError> {
        self.json(Method::Get, "/api/site/certificates", None).await
    }

    /// Withdraws one of this site's certificates (its admins).
    pub async fn revoke_certificate(&self, id: Uuid) -> Result<(), TeachingError> {
        self.request(
            Method::Post,
            &format!("/api/site/certificates/{id}/revoke"),
            None,
        )
        .await
        .map(|_| ())
    }

    /// The courses of this site that are not open (issue 21; anyone may read them).
    pub async fn site_enrolment(&self) -> Result<SiteEnrolment, TeachingError> {
        self.json(Method::Get, "/api/enrolment", None).await
    }

    /// Sets how a course of this site is entered (its admins).
    pub async fn set_enrolment(&self, change: &CourseEnrolment) -> Result<(), TeachingError> {
        let body = to_body(change)?;
        self.request(Method::Put, "/api/site/enrolment", Some(body))
            .await
            .map(|_| ())
    }

    /// The learner's applications at every site.
    pub async fn my_applications(&self) -> Result<Vec<Application>, TeachingError> {
        self.json(Method::Get, "/api/my/applications", None).await
    }

    /// Applies to a course at this site (sent again with the same id: the same application).
    pub async fn apply(&self, request: &ApplicationRequest) -> Result<Application, TeachingError> {
        let body = to_body(request)?;
        self.json(Method::Post, "/api/my/applications", Some(body))
            .await
    }

    /// Withdraws one of the learner's applications.
    pub async fn withdraw_application(&self, id: Uuid) -> Result<Application, TeachingError> {
        let path = format!("/api/my/applications/{id}/withdraw");
        self.json(Method::Post, &path, None).await
    }

    /// This site's applications, oldest first (its admins).
    pub async fn site_applications(&self) -> Result<Vec<SiteApplication>, TeachingError> {
        self.json(Method::Get, "/api/site/applications", None).await
    }

    /// Approves an application, or declines it with a reason (this site's admins).
    pub async fn decide_application(
        &self,
        id: Uuid,
        decision: &ApplicationDecision,
    ) -> Result<Application, TeachingError> {
        let body = to_body(decision)?;
        let path = format!("/api/site/applications/{id}/decision");
        self.json(Method::Post, &path, Some(body)).await
    }

    /// The learner's standing toward each begun course's certificate at this site.
    pub async fn my_completion(&self) -> Result<Vec<CourseCompletion>, TeachingError> {
        self.json(Method::Get, "/api/my/completion", None).await
    }

    /// The learner's certificates at every site (issue 21).
    pub async fn my_certificates(&self) -> Result<Vec<IssuedCertificate>, TeachingError> {
        self.json(Method::Get, "/api/my/certificates", None).await
    }

    /// Asks this site for a course's certificate: the certificate, or (`Err` inside `Ok`) why
    /// the server does not count the course complete yet.
    pub async fn request_certificate(
        &self,
        request: &CertificateRequest,
    ) -> Result<Result<IssuedCertificate, NotYetComplete>, TeachingError> {
        let body = to_body(request)?;
        let answer = self
            .answer(Method::Post, "/api/my/certificates", Some(body))
            .await?;
        let unreadable = |error: serde_json::Error| TeachingError::Server {
            status: answer.status,
            message: crate::t!("teach-error-unreadable-answer", error = error.to_string()),
        };
        match answer.status {
            200 | 201 => baeum_core::json::read(answer.body.as_bytes())
                .map(Ok)
                .map_err(unreadable),
            409 => baeum_core::json::read(answer.body.as_bytes())
                .map(Err)
                .map_err(unreadable),
            _ => Err(classify_failure(&answer)),
        }
    }

    async fn json<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<T, TeachingError> {
        let answer = self.request(method, path, body).await?;
        baeum_core::json::read(answer.body.as_bytes()).map_err(|error| TeachingError::Server {
            status: answer.status,
            message: crate::t!("teach-error-unreadable-answer", error = error.to_string()),
        })
    }

    /// Sends one request and turns every answer but a success into a [`TeachingError`].
    async fn request(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Answer, TeachingError> {
        let answer = self.answer(method, path, body).await?;
        if (200..300).contains(&answer.status) {
            return Ok(answer);
        }
        Err(classify_failure(&answer))
    }

    /// Sends one request and gives back the server's answer, whatever its status.
    async fn answer(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Answer, TeachingError> {
        // The browser's "offline" is reliable; asking anyway would only wait for a timeout.
        if !browser::is_online() {
            return Err(TeachingError::Offline);
        }
        if self.token.is_empty() {
            return Err(TeachingError::SignedOut);
        }
        let mut request = http::Request::new(method, path)
            .bearer(&self.token)
            .header("Accept", "application/json, text/csv")
            .timeout_ms(REQUEST_TIMEOUT_MS);
        if let Some(body) = body {
            request = request.json_text(body.to_string());
        }
        let answer = send(request).await.map_err(|error| match error {
            HttpError::Unprepared(error) => TeachingError::Server {
                status: 0,
                message: crate::t!("teach-error-unprepared", error = error),
            },
            // Offline, unreachable, too slow or cut off while reading: the pages show what the
            // device has, and queued actions are sent again later.
            _ => TeachingError::Offline,
        })?;
        Ok(answer)
    }
}

/// Sends `request` and reads its whole answer.
async fn send(request: http::Request) -> Result<Answer, HttpError> {
    let response = request.send().await?;
    let status = response.status();
    let retry_after = response.header("retry-after");
    let body = response.text().await?;
    Ok(Answer {
        status,
        body,
        retry_after,
    })
}

/// Maps a refused request to the error the pages explain.
fn classify_failure(answer: &Answer) -> TeachingError {
    let message = http::error_message(&answer.body)
        .unwrap_or_else(|| crate::t!("teach-error-refused", status = answer.status.to_string()));
    match answer.status {
        401 => TeachingError::SignedOut,
        403 => TeachingError::Forbidden(message),
        429 => TeachingError::RateLimited {
            seconds: answer
                .retry_after
                .as_deref()
                .and_then(|text| text.trim().parse::<u64>().ok())
                // Without the header the wait is unknown; a minute is a fair guess to show.
                .unwrap_or(60),
        },
        // A proxy or the service worker answering for a server it cannot reach.
        502..=504 => TeachingError::Offline,
        status => TeachingError::Server { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn answer(status: u16, body: &str, retry_after: Option<&str>) -> Answer {
        Answer {
            status,
            body: body.to_owned(),
            retry_after: retry_after.map(str::to_owned),
        }
    }

    #[wasm_bindgen_test]
    fn refusals_become_the_errors_the_pages_explain() {
        assert_eq!(
            classify_failure(&answer(401, r#"{"error":"expired"}"#, None)),
            TeachingError::SignedOut
        );
        assert_eq!(
            classify_failure(&answer(
                403,
                r#"{"error":"only learners can join classes"}"#,
                None
            )),
            TeachingError::Forbidden("only learners can join classes".to_owned())
        );
        assert_eq!(
            classify_failure(&answer(429, r#"{"error":"wait"}"#, Some("540"))),
            TeachingError::RateLimited { seconds: 540 }
        );
        assert_eq!(
            classify_failure(&answer(429, "", Some("soon"))),
            TeachingError::RateLimited { seconds: 60 }
        );
        assert_eq!(
            classify_failure(&answer(
                404,
                r#"{"error":"no class has this join code"}"#,
                None
            )),
            TeachingError::Server {
                status: 404,
                message: "no class has this join code".to_owned()
            }
        );
        assert_eq!(
            classify_failure(&answer(500, "<html>", None)),
            TeachingError::Server {
                status: 500,
                message: "the server refused (http 500)".to_owned()
            }
        );
        assert_eq!(
            classify_failure(&answer(504, "", None)),
            TeachingError::Offline
        );
    }

    #[wasm_bindgen_test]
    fn only_failures_of_the_connection_session_or_server_are_retried() {
        assert!(TeachingError::Offline.is_temporary());
        assert!(TeachingError::SignedOut.is_temporary());
        assert!(TeachingError::Server {
            status: 503,
            message: String::new()
        }
        .is_temporary());
        assert!(!TeachingError::Server {
            status: 409,
            message: String::new()
        }
        .is_temporary());
        assert!(!TeachingError::Server {
            status: 410,
            message: String::new()
        }
        .is_temporary());
        assert!(!TeachingError::Forbidden(String::new()).is_temporary());
    }

    #[wasm_bindgen_test]
    fn a_new_assignment_leaves_out_what_the_teacher_did_not_choose() {
        let assignment = NewAssignment {
            class_id: Uuid::nil(),
            course_id: "hangul".to_owned(),
            unit_id: None,
            lesson_id: Some("consonants-1".to_owned()),
            due_at: "2030-03-14T17:30:00+09:00".to_owned(),
            note: None,
            learner_ids: None,
        };
        let body = serde_json::to_value(&assignment).expect("serializable");
        assert_eq!(
            body,
            serde_json::json!({
                "class_id": "00000000-0000-0000-0000-000000000000",
                "course_id": "hangul",
                "lesson_id": "consonants-1",
                "due_at": "2030-03-14T17:30:00+09:00",
            })
        );
    }
}
