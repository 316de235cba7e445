//! Enrolment (issue 21; the routes are `records/enrolment.rs`, the rules core's
//! `records::enrolment`).
//!
//! - `site_enrolment`: a site's courses that are not open, with the mode and capacity its
//!   admins set. An open course has no row. Deleted with the site.
//! - `applications`: who applied to which course at which site, and where each stands. One
//!   live (pending or approved) application per account, site and course (a partial unique
//!   index); declined and withdrawn ones are kept, so the learner's history shows them. The id
//!   is the app's, so an application sent twice is stored once. Deleted with the account.
//!
//! A change ([`Store::change_application`]) reads the course's enrolment and its approved count
//! and applies core's `apply_change` inside one transaction (on PostgreSQL under an advisory
//! lock per site and course), so two admins approving at once cannot pass the capacity.
//!
//! [`Store::change_application`]: super::Store::change_application

use chrono::{DateTime, Utc};
use uuid::Uuid;

use baeum_core::records::enrolment::{ApplicationState, Enrolment, EnrolmentMode};

use super::StoreError;

/// One application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRecord {
    pub id: Uuid,
    pub account_id: Uuid,
    pub site_id: String,
    pub course_id: String,
    pub state: ApplicationState,
    /// A decline's reason.
    pub reason: Option<String>,
    pub applied_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// Whose change it is: the site's admins change only their site's applications, a learner
/// only their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplicationOwner {
    Site(String),
    Account(Uuid),
}

/// What [`Store::apply_for_course`](super::Store::apply_for_course) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Stored now.
    New(ApplicationRecord),
    /// The same id was stored before, or the account has a live application for the course:
    /// that one.
    Existing(ApplicationRecord),
    /// The id is another account's.
    IdTaken,
}

/// A `site_enrolment` row's mode and capacity as core's `Enrolment` (both engines).
pub(super) fn enrolment_of_row(
    site_id: &str,
    course_id: &str,
    mode: &str,
    capacity: Option<i64>,
) -> Result<Enrolment, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("enrolment of {course_id} at {site_id}"));
    Ok(Enrolment {
        mode: EnrolmentMode::from_name(mode).ok_or_else(corrupt)?,
        capacity: capacity
            .map(|capacity| u32::try_from(capacity).map_err(|_| corrupt()))
            .transpose()?,
    })
}
