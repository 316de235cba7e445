//! A learner's records beyond statements (issue 21): enrolment ([`enrolment`]) and
//! certificates ([`certificates`]).

pub mod certificates;
pub mod enrolment;

use std::sync::Arc;

use axum::Router;
use baeum_core::content::CatalogIndex;
use baeum_core::progress::LearnerReport;
use baeum_core::site::StaffRole;
use uuid::Uuid;

use crate::accounts::account_identifier;
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, SiteRecord};
use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    certificates::router().merge(enrolment::router())
}

/// The site `site_id`; 404 with `missing` when there is none.
pub(crate) async fn site_record(
    state: &AppState,
    site_id: String,
    missing: &str,
) -> Result<SiteRecord, ServerError> {
    run_blocking(&state.store, |store| store.sites())
        .await?
        .into_iter()
        .find(|site| site.id == site_id)
        .ok_or_else(|| ServerError::NotFound(missing.to_owned()))
}

/// The courses `site` offers, as its searches keep them (not the catalogue file read again).
pub(crate) async fn offered_courses(
    state: &AppState,
    site: &SiteRecord,
) -> Result<Arc<CatalogIndex>, ServerError> {
    crate::catalog_search::offered_courses(state, Some(site.id.clone()), site.courses.clone())
        .await
        .ok_or_else(|| {
            ServerError::ContentUnavailable("this server has no course catalogue".into())
        })
}

/// The account's progress as the store keeps it (core's fold of its statements).
pub(crate) async fn learner_report(
    state: &AppState,
    account_id: Uuid,
) -> Result<LearnerReport, ServerError> {
    let actor_key = account_identifier(&state.account_home_page, account_id).key();
    let lookup_key = actor_key.clone();
    Ok(run_blocking(&state.store, move |store| {
        store.learner_reports(std::slice::from_ref(&lookup_key))
    })
    .await?
    .remove(&actor_key)
    .unwrap_or_default())
}

/// The request's site, for one who runs it (its admin or the platform's); 403 with `refusal`
/// for its teachers, 404 for anyone else.
pub(crate) async fn site_run_by_caller(
    state: &AppState,
    caller: &Authenticated,
    refusal: &str,
) -> Result<SiteRecord, ServerError> {
    let (site, role) = crate::site_api::site_of_caller(state, caller).await?;
    if role == StaffRole::Teacher {
        return Err(ServerError::Forbidden(refusal.to_owned()));
    }
    Ok(site)
}
