//! Enrolment (issue 21): the courses a site does not leave open, applications, and the site
//! admins' queue. The rules are core's `records::enrolment`; the store applies them in one
//! transaction (`store/enrolment.rs`).
//!
//! - `GET /api/enrolment` → core's `SiteEnrolment`: the site of the address and its courses
//!   that are not open (no site and none elsewhere). Anyone may read it: the app shows "by application" on a
//!   course before anyone signs in.
//! - `GET /api/my/applications` → the caller's applications at every site (core's
//!   `Application`), each pending one with its waiting-list place.
//! - `POST /api/my/applications` core's `ApplicationRequest` → 201 and the application, or 200
//!   and the one stored before (the same id sent again, or a live one for the course). Only at
//!   a site's address (elsewhere 404), for a course the site offers by application (open: 409,
//!   "start at once"; by assignment: 409, "through a teacher's class"; not offered: 404).
//! - `POST /api/my/applications/{id}/withdraw` → the application withdrawn (only the
//!   caller's own; 404 otherwise).
//! - `GET /api/site/applications` → core's `SiteApplication`s of the request's site, oldest
//!   first, with the applicant's username; `POST /api/site/applications/{id}/decision` core's
//!   `ApplicationDecision` → the application approved (409 when the course is full) or
//!   declined with its reason. `PUT /api/site/enrolment` core's `CourseEnrolment` sets how a
//!   course the site offers is entered. All three for the site's admins and the platform's
//!   admin at the site's address; a teacher of the site gets 403, anyone else 404.
//!
//! Enrolment is asked for by the certificate route ([`enrolled_at`]): by application, an
//! approved application; by assignment, a class the learner joined at the site (a joint
//! class counts at the site they joined it from) assigning the course to them.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use baeum_core::records::enrolment::{
    check_reason, enrolled, waiting_positions, ApplicationChange, ApplicationState, Enrolment,
    EnrolmentError, EnrolmentMode,
};
use baeum_core::records::wire::{
    Application, ApplicationDecision, ApplicationRequest, CourseEnrolment, SiteApplication,
    SiteEnrolment,
};
use baeum_core::site::check_course_id;
use chrono::Utc;
use uuid::Uuid;

use crate::accounts::JsonBody;
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, ApplicationOwner, ApplicationRecord, Applied, Store};
use crate::wellbeing::timestamp_text;
use crate::AppState;

/// The most applications one account keeps (declined and withdrawn ones included), so that
/// applying and withdrawing in a loop cannot fill the disk; far past what a learner needs.
pub const MAX_APPLICATIONS_PER_ACCOUNT: usize = 300;

/// Why the site's teachers may not run its enrolment.
const REFUSED_TO_TEACHERS: &str = "only the site's admins decide its enrolment and applications";

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/enrolment", get(site_enrolment))
        .route("/api/my/applications", get(my_applications).post(apply))
        .route("/api/my/applications/{id}/withdraw", post(withdraw))
        .route("/api/site/applications", get(site_applications))
        .route("/api/site/applications/{id}/decision", post(decide))
        .route("/api/site/enrolment", axum::routing::put(set_enrolment))
}

async fn site_enrolment(
    State(state): State<AppState>,
    parts: axum::http::request::Parts,
) -> Result<Response, ServerError> {
    let listed = match crate::sites::site_of_request(&state, &parts).await {
        Some(site) => {
            let site_id = site.record.id.clone();
            let courses = run_blocking(&state.store, move |store| {
                store.enrolments_of_site(&site_id)
            })
            .await?;
            SiteEnrolment {
                site: Some(site.record.id.clone()),
                courses: courses
                    .into_iter()
                    .map(|(course, enrolment)| CourseEnrolment { course, enrolment })
                    .collect(),
            }
        }
        None => SiteEnrolment::default(),
    };
    let mut response = Json(listed).into_response();
    // Asked again each time: the app keeps its own copy for offline.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-cache"),
    );
    Ok(response)
}

/// Records the waiting-list place of each pending one of `live` (one course's live
/// applications at one site, oldest first) that is past the places left.
fn waiting_places_in(
    enrolment: &Enrolment,
    live: &[ApplicationRecord],
    places: &mut HashMap<Uuid, u32>,
) {
    let approved = live
        .iter()
        .filter(|record| record.state == ApplicationState::Approved)
        .count();
    let pending: Vec<Uuid> = live
        .iter()
        .filter(|record| record.state == ApplicationState::Pending)
        .map(|record| record.id)
        .collect();
    let positions = waiting_positions(
        enrolment,
        u32::try_from(approved).unwrap_or(u32::MAX),
        pending.len(),
    );
    for (id, position) in pending.into_iter().zip(positions) {
        if let Some(position) = position {
            places.insert(id, position);
        }
    }
}

/// Applications as sent, each pending one given its waiting-list place: read per course of
/// the pending ones, its live applications only, and per site its enrolments once.
fn with_places(
    store: &dyn Store,
    chosen: Vec<ApplicationRecord>,
) -> Result<Vec<Application>, crate::store::StoreError> {
    let mut places: HashMap<Uuid, u32> = HashMap::new();
    let mut courses: Vec<(&str, &str)> = chosen
        .iter()
        .filter(|record| record.state == ApplicationState::Pending)
        .map(|record| (record.site_id.as_str(), record.course_id.as_str()))
        .collect();
    courses.sort_unstable();
    courses.dedup();
    let mut enrolments_by_site: HashMap<&str, Vec<(String, Enrolment)>> = HashMap::new();
    for (site, course) in courses {
        let enrolments = match enrolments_by_site.entry(site) {
            std::collections::hash_map::Entry::Occupied(found) => found.into_mut(),
            std::collections::hash_map::Entry::Vacant(empty) => {
                empty.insert(store.enrolments_of_site(site)?)
            }
        };
        let enrolment = enrolments
            .iter()
            .find(|(listed, _)| listed == course)
            .map(|(_, enrolment)| enrolment.clone())
            .unwrap_or_default();
        let live = store.live_applications(site, course)?;
        waiting_places_in(&enrolment, &live, &mut places);
    }
    Ok(sent_with(chosen, &places))
}

fn sent_with(chosen: Vec<ApplicationRecord>, places: &HashMap<Uuid, u32>) -> Vec<Application> {
    chosen
        .into_iter()
        .map(|record| {
            let waiting = places.get(&record.id).copied();
            sent(record, waiting)
        })
        .collect()
}

fn sent(record: ApplicationRecord, waiting: Option<u32>) -> Application {
    Application {
        id: record.id,
        site: record.site_id,
        course: record.course_id,
        state: record.state,
        reason: record.reason,
        applied: timestamp_text(record.applied_at),
        decided: record.decided_at.map(timestamp_text),
        waiting,
    }
}

async fn my_applications(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<Vec<Application>>, ServerError> {
    let account_id = caller.account.id;
    let listed = run_blocking(&state.store, move |store| {
        let mine = store.applications_of_account(account_id)?;
        with_places(store, mine)
    })
    .await?;
    Ok(Json(listed))
}

async fn apply(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(request): JsonBody<ApplicationRequest>,
) -> Result<Response, ServerError> {
    state
        .limiters
        .records_request(&state.store, caller.account.id)
        .await?;
    let site_id = caller
        .site_id
        .clone()
        .ok_or_else(|| ServerError::NotFound("applications are made at a site's address".into()))?;
    check_course_id(&request.course)
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let lookup = site_id.clone();
    let enrolment = run_blocking(&state.store, move |store| store.enrolments_of_site(&lookup))
        .await?
        .into_iter()
        .find(|(course, _)| *course == request.course)
        .map(|(_, enrolment)| enrolment)
        .unwrap_or_default();
    match enrolment.mode {
        EnrolmentMode::Application => {}
        EnrolmentMode::Open => {
            // Not offered at all is 404; offered and open needs no application.
            offered_here(&state, &site_id, &request.course).await?;
            return Err(ServerError::Conflict(
                "this course is open at this site: start it at once, no application needed".into(),
            ));
        }
        EnrolmentMode::Assignment => {
            return Err(ServerError::Conflict(
                "this course is taken through a teacher's class at this site, not by application"
                    .into(),
            ))
        }
    }
    offered_here(&state, &site_id, &request.course).await?;
    let record = ApplicationRecord {
        id: request.id,
        account_id: caller.account.id,
        site_id,
        course_id: request.course,
        state: ApplicationState::Pending,
        reason: None,
        applied_at: Utc::now(),
        decided_at: None,
    };
    let (status, application) = run_blocking(&state.store, move |store| {
        let kept = store.applications_of_account(record.account_id)?;
        if let Some(known) = kept.iter().find(|kept| kept.id == record.id) {
            let mut listed = with_places(store, vec![known.clone()])?;
            return Ok((StatusCode::OK, listed.pop()));
        }
        if kept.len() >= MAX_APPLICATIONS_PER_ACCOUNT {
            return Ok((StatusCode::TOO_MANY_REQUESTS, None));
        }
        let (status, stored) = match store.apply_for_course(&record)? {
            Applied::New(stored) => (StatusCode::CREATED, stored),
            Applied::Existing(stored) => (StatusCode::OK, stored),
            Applied::IdTaken => return Ok((StatusCode::CONFLICT, None)),
        };
        let mut listed = with_places(store, vec![stored])?;
        Ok((status, listed.pop()))
    })
    .await?;
    match application {
        Some(application) => Ok((status, Json(application)).into_response()),
        None if status == StatusCode::TOO_MANY_REQUESTS => Err(ServerError::Conflict(format!(
            "this account has made {MAX_APPLICATIONS_PER_ACCOUNT} applications, the most one keeps"
        ))),
        None => Err(ServerError::Conflict(
            "this application id is in use: send the application with a new one".into(),
        )),
    }
}

/// 404 unless the site offers the course.
async fn offered_here(state: &AppState, site_id: &str, course: &str) -> Result<(), ServerError> {
    let site = super::site_record(state, site_id.to_owned(), "this address is no site").await?;
    let offered = super::offered_courses(state, &site).await?;
    if offered.courses.iter().any(|offered| offered.id == course) {
        Ok(())
    } else {
        Err(ServerError::NotFound(format!(
            "this site does not offer the course {course:?}"
        )))
    }
}

fn refused(error: EnrolmentError) -> ServerError {
    ServerError::Conflict(error.to_string())
}

async fn withdraw(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(id): Path<String>,
) -> Result<Json<Application>, ServerError> {
    state
        .limiters
        .records_request(&state.store, caller.account.id)
        .await?;
    let unknown = || ServerError::NotFound("you have no such application".into());
    let id = Uuid::parse_str(&id).map_err(|_| unknown())?;
    let owner = ApplicationOwner::Account(caller.account.id);
    change(&state, id, owner, ApplicationChange::Withdraw)
        .await?
        .ok_or_else(unknown)
        .map(Json)
}

/// Applies a change, and gives the application as it now stands.
async fn change(
    state: &AppState,
    id: Uuid,
    owner: ApplicationOwner,
    change: ApplicationChange,
) -> Result<Option<Application>, ServerError> {
    let changed = run_blocking(&state.store, move |store| {
        match store.change_application(id, &owner, &change, Utc::now())? {
            None => Ok(None),
            Some(Err(refusal)) => Ok(Some(Err(refusal))),
            Some(Ok(record)) => Ok(Some(Ok(with_places(store, vec![record])?))),
        }
    })
    .await?;
    match changed {
        None => Ok(None),
        Some(Err(refusal)) => Err(refused(refusal)),
        Some(Ok(mut listed)) => Ok(listed.pop()),
    }
}

async fn site_applications(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<Vec<SiteApplication>>, ServerError> {
    let site = super::site_run_by_caller(&state, &caller, REFUSED_TO_TEACHERS).await?;
    let listed = run_blocking(&state.store, move |store| {
        let records = store.applications_of_site(&site.id)?;
        let accounts: Vec<Uuid> = records.iter().map(|record| record.account_id).collect();
        // The whole list is at hand: each course's waiting list is made from it.
        let enrolments: HashMap<String, Enrolment> =
            store.enrolments_of_site(&site.id)?.into_iter().collect();
        let mut places = HashMap::new();
        let mut courses: Vec<&str> = records
            .iter()
            .map(|record| record.course_id.as_str())
            .collect();
        courses.sort_unstable();
        courses.dedup();
        for course in courses {
            let live: Vec<ApplicationRecord> = records
                .iter()
                .filter(|record| record.course_id == course && record.state.is_live())
                .cloned()
                .collect();
            let enrolment = enrolments.get(course).cloned().unwrap_or_default();
            waiting_places_in(&enrolment, &live, &mut places);
        }
        let applications = sent_with(records, &places);
        let mut names: HashMap<Uuid, String> = HashMap::new();
        let mut listed = Vec::with_capacity(applications.len());
        for (account_id, application) in accounts.into_iter().zip(applications) {
            let learner = match names.get(&account_id) {
                Some(name) => name.clone(),
                None => {
                    let name = store
                        .account_by_id(account_id)?
                        .map(|account| account.username)
                        .unwrap_or_default();
                    names.insert(account_id, name.clone());
                    name
                }
            };
            listed.push(SiteApplication {
                learner,
                application,
            });
        }
        Ok(listed)
    })
    .await?;
    Ok(Json(listed))
}

async fn decide(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(id): Path<String>,
    JsonBody(decision): JsonBody<ApplicationDecision>,
) -> Result<Json<Application>, ServerError> {
    let site = super::site_run_by_caller(&state, &caller, REFUSED_TO_TEACHERS).await?;
    let unknown = || ServerError::NotFound("this site has no such application".into());
    let id = Uuid::parse_str(&id).map_err(|_| unknown())?;
    let change_asked = match (decision.approve, decision.reason.as_deref()) {
        (true, None) => ApplicationChange::Approve,
        (true, Some(_)) => {
            return Err(ServerError::bad_request(
                "an approval gives no reason; a decline must",
            ))
        }
        (false, reason) => ApplicationChange::Decline {
            reason: check_reason(reason.unwrap_or_default())
                .map_err(|error| ServerError::bad_request(error.to_string()))?,
        },
    };
    change(&state, id, ApplicationOwner::Site(site.id), change_asked)
        .await?
        .ok_or_else(unknown)
        .map(Json)
}

async fn set_enrolment(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(change): JsonBody<CourseEnrolment>,
) -> Result<StatusCode, ServerError> {
    let site = super::site_run_by_caller(&state, &caller, REFUSED_TO_TEACHERS).await?;
    change
        .enrolment
        .check()
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    check_course_id(&change.course).map_err(|error| ServerError::bad_request(error.to_string()))?;
    offered_here(&state, &site.id, &change.course).await?;
    run_blocking(&state.store, move |store| {
        store.set_enrolment(&site.id, &change.course, &change.enrolment)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether the site counts the account as enrolled in the course (core's `enrolled`), and if
/// not, why, in words for the learner.
pub(crate) async fn enrolled_at(
    state: &AppState,
    site_id: &str,
    account_id: Uuid,
    course: &str,
) -> Result<Result<(), String>, ServerError> {
    let (site_id, course) = (site_id.to_owned(), course.to_owned());
    Ok(run_blocking(&state.store, move |store| {
        let enrolment = store
            .enrolments_of_site(&site_id)?
            .into_iter()
            .find(|(listed, _)| *listed == course)
            .map(|(_, enrolment)| enrolment)
            .unwrap_or_default();
        let (approved, assigned) = match enrolment.mode {
            EnrolmentMode::Open => return Ok(Ok(())),
            EnrolmentMode::Application => {
                let approved = store.applications_of_account(account_id)?.iter().any(|record| {
                    record.site_id == site_id
                        && record.course_id == course
                        && record.state == ApplicationState::Approved
                });
                (approved, false)
            }
            EnrolmentMode::Assignment => {
                let mut assigned = false;
                for class in store.classes_of_learner(account_id)? {
                    // The site whose pupil they are in it: where they joined (a joint class
                    // is at several sites), else the class's own.
                    let member_site = store
                        .class_members(class.id)?
                        .into_iter()
                        .find(|member| member.learner_id == account_id)
                        .and_then(|member| member.site_id)
                        .or(class.site_id.clone());
                    if member_site.as_deref() != Some(site_id.as_str()) {
                        continue;
                    }
                    assigned = store.assignments_of_class(class.id)?.iter().any(|assignment| {
                        assignment.target.course_id == course
                            && assignment
                                .learner_ids
                                .as_ref()
                                .is_none_or(|learners| learners.contains(&account_id))
                    });
                    if assigned {
                        break;
                    }
                }
                (false, assigned)
            }
        };
        Ok(if enrolled(&enrolment, approved, assigned) {
            Ok(())
        } else if enrolment.mode == EnrolmentMode::Application {
            Err("this course is by application at this site: apply, and once the site approves, ask again".to_owned())
        } else {
            Err("this course is taken through a teacher's class at this site: it is not assigned to you".to_owned())
        })
    })
    .await?)
}
