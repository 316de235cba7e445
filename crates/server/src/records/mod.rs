//! A learner's records beyond statements (issue 21): certificates ([`certificates`]).

pub mod certificates;

use axum::Router;

use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    certificates::router()
}
