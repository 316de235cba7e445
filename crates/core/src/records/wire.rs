//! The certificate routes' JSON (`/api/my/certificates`, `/api/site/certificates`,
//! `/api/certificates/trust`): written by the server, read by the apps.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::certificate::CertificateClaims;
use super::completion::CompletionStatus;

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
