//! A learner's records beyond statements (issue 21): enrolment ([`enrolment`]) and
//! certificates ([`certificates`]).

pub mod certificates;
pub mod enrolment;

use axum::Router;

use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    certificates::router().merge(enrolment::router())
}
