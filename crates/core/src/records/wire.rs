//! The certificate and enrolment routes' JSON (`/api/my/certificates`, `/api/site/certificates`,
//! `/api/certificates/trust`, `/api/enrolment`, `/api/my/applications`,
//! `/api/site/applications`): written by the server, read by the apps.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::certificate::CertificateClaims;
use super::completion::CompletionStatus;
use super::enrolment::{ApplicationState, Enrolment};

/// What a learner asks for at a site: the certificate of a course they completed there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateRequest {
    pub course: String,
    /// The name to print on it (kept in the certificate alone).
    pub name: String,
    /// The learner's language: the course's title and the site's name are given in it too,
    /// beside Korean and English.
    #[serde(default)]
    pub language: Option<String>,
}

/// A certificate as its learner has it: everything to show it, print it, give it as a
/// credential or a QR code, all offline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    pub claims: CertificateClaims,
    pub proof_value: String,
    /// When the site revoked it, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<String>,
}

/// The 409 answer to a request for a course not yet complete: why, lesson by lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotYetComplete {
    pub error: String,
    pub status: CompletionStatus,
}

/// A certificate as its site's admins see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteCertificate {
    pub id: Uuid,
    pub course: String,
    pub learner_name: String,
    pub issued: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<String>,
}

/// The courses of the address's site that are not open (`GET /api/enrolment`; anyone may
/// read it). At an address that is no site's, no site and no course.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteEnrolment {
    /// The site's id, which its learners' applications name.
    pub site: Option<String>,
    pub courses: Vec<CourseEnrolment>,
}

/// A course at a site that is not open, as listed in [`SiteEnrolment`], and as its admins set
/// it (`PUT /api/site/enrolment`; `open` takes its row away).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseEnrolment {
    pub course: String,
    pub enrolment: Enrolment,
}

/// A learner applying to a course at the site of the address. The id is the app's, so an
/// application queued offline and sent twice is one application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationRequest {
    pub id: Uuid,
    pub course: String,
}

/// An application as its learner and the site's admins see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: Uuid,
    pub site: String,
    pub course: String,
    pub state: ApplicationState,
    /// A decline's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub applied: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<String>,
    /// Its place on the waiting list (1: next), when pending with no place left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<u32>,
}

/// An application in the site's queue: with the applicant's username, which only the site's
/// admins see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteApplication {
    pub learner: String,
    pub application: Application,
}

/// A site admin's decision on an application: approve, or decline with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationDecision {
    pub approve: bool,
    #[serde(default)]
    pub reason: Option<String>,
}

/// A course's standing toward its certificate at the site (`GET /api/my/completion`), as the
/// server decides it from the learner's answers that reached it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseCompletion {
    /// The hours its certificate states.
    pub hours: u32,
    pub status: CompletionStatus,
}
