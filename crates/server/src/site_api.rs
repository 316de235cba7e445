//! A site as its staff see it, and its courses chosen by its admins (issue 19), at the site's
//! own address:
//!
//! - `GET /api/site` → core's `SiteView`: the site's names, hosts and courses and what the
//!   caller is there; for those who run it (its admins, the platform's admin) also the
//!   platform's courses to choose from.
//! - `PUT /api/site/courses` core's `CoursesChange` → the new `SiteView`: every course, or the
//!   ones listed (each must be one of the platform's). Served to the site's learners within
//!   the moment (this process) or [`crate::sites::REFRESH_EVERY`] (the others).
//! - `PUT /api/site/featured` core's `FeaturedChange` → the new `SiteView`: the courses home
//!   lists first at the site, in order (each one the site offers, at most core's
//!   `HOME_COURSES`; none: the first it offers). Served like the courses.
//! - `PUT /api/site/staff/{username}` core's `StaffChange` → the new `SiteView`: a member of
//!   the site's staff made its teacher or admin, or no longer its staff. Only those who run
//!   the site, only for someone already its staff (teachers join by invitation, so the route
//!   tells nothing of accounts elsewhere: anyone else is 404), and never the caller's own role
//!   (409), so a site always keeps the admin who acts. Their classes stay theirs.
//!
//! At an address that is no site's, and to anyone who is not the site's staff or the
//! platform's admin, both answer 404 as for a site that does not exist; a teacher of the site
//! may read it but not change it (403). Invitations and reports have their own routes
//! (`account_admin`, `reports`), with the same rule.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use baeum_core::content::CatalogIndex;
use baeum_core::site::{
    CourseChoice, CoursesChange, FeaturedChange, SiteView, StaffChange, StaffMember, StaffRole,
};

use crate::accounts::JsonBody;
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, Role, SiteRecord, SiteRole};
use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/site", get(site))
        .route("/api/site/courses", axum::routing::put(set_courses))
        .route("/api/site/featured", axum::routing::put(set_featured))
        .route("/api/site/staff/{username}", axum::routing::put(set_staff))
}

/// The request's site and what the caller is there; 404 when either is none.
pub(crate) async fn site_of_caller(
    state: &AppState,
    caller: &Authenticated,
) -> Result<(SiteRecord, StaffRole), ServerError> {
    let not_found = || ServerError::NotFound("this address is no site of yours".into());
    let Some(site_id) = caller.site_id.clone() else {
        return Err(not_found());
    };
    let role = if caller.account.role == Role::Admin {
        StaffRole::PlatformAdmin
    } else if caller.account.role == Role::Learner {
        return Err(not_found());
    } else {
        match caller.role_here(state).await? {
            Some(SiteRole::Admin) => StaffRole::Admin,
            Some(SiteRole::Teacher) => StaffRole::Teacher,
            None => return Err(not_found()),
        }
    };
    let record = run_blocking(&state.store, |store| store.sites())
        .await?
        .into_iter()
        .find(|site| site.id == site_id)
        .ok_or_else(not_found)?;
    Ok((record, role))
}

fn view(
    shared: Option<&CatalogIndex>,
    record: SiteRecord,
    role: StaffRole,
    staff: Vec<(uuid::Uuid, String, SiteRole)>,
) -> SiteView {
    let (all_courses, courses) = match record.courses {
        baeum_core::site::CourseSelection::All => (true, Vec::new()),
        baeum_core::site::CourseSelection::Only(ids) => (false, ids.into_iter().collect()),
    };
    let catalog = match shared {
        Some(shared) if role.runs_the_site() => shared
            .courses
            .iter()
            .map(|course| CourseChoice {
                id: course.id.clone(),
                title: course.title.clone(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let staff = if role.runs_the_site() {
        staff
            .into_iter()
            .map(|(_, username, role)| StaffMember {
                username,
                role: staff_role(role),
            })
            .collect()
    } else {
        Vec::new()
    };
    SiteView {
        featured: record.featured,
        id: record.id,
        name: record.name,
        hosts: record.hosts,
        all_courses,
        courses,
        role,
        catalog,
        staff,
    }
}

async fn site(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<SiteView>, ServerError> {
    let (record, role) = site_of_caller(&state, &caller).await?;
    let staff = staff_of(&state, &record.id).await?;
    let shared = crate::catalog_search::shared_courses(&state).await;
    Ok(Json(view(shared.as_deref(), record, role, staff)))
}

async fn set_courses(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(change): JsonBody<CoursesChange>,
) -> Result<Json<SiteView>, ServerError> {
    let (mut record, role) = site_of_caller(&state, &caller).await?;
    if !role.runs_the_site() {
        return Err(ServerError::Forbidden(
            "only the site's administrators choose its courses".into(),
        ));
    }
    // A site's own courses are not chosen: only their sites offer them.
    let shared = crate::catalog_search::shared_courses(&state)
        .await
        .ok_or_else(|| {
            ServerError::ContentUnavailable(
                "the server has no built catalogue to choose from".into(),
            )
        })?;
    record.courses = change
        .selection(shared.courses.iter().map(|course| course.id.as_str()))
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let stored = record.clone();
    run_blocking(&state.store, move |store| store.put_site(&stored)).await?;
    state.sites.invalidate();
    let staff = staff_of(&state, &record.id).await?;
    Ok(Json(view(Some(&shared), record, role, staff)))
}

async fn set_featured(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(change): JsonBody<FeaturedChange>,
) -> Result<Json<SiteView>, ServerError> {
    let (mut record, role) = site_of_caller(&state, &caller).await?;
    if !role.runs_the_site() {
        return Err(ServerError::Forbidden(
            "only the site's administrators choose what home features".into(),
        ));
    }
    let offered = crate::catalog_search::offered_courses(
        &state,
        Some(record.id.clone()),
        record.courses.clone(),
    )
    .await
    .ok_or_else(|| {
        ServerError::ContentUnavailable("the server has no built catalogue to choose from".into())
    })?;
    record.featured = change
        .checked(|id| offered.courses.iter().any(|course| course.id == id))
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let (site_id, featured) = (record.id.clone(), record.featured.clone());
    let found = run_blocking(&state.store, move |store| {
        store.set_site_featured(&site_id, &featured)
    })
    .await?;
    if !found {
        return Err(ServerError::NotFound(
            "this address is no site of yours".into(),
        ));
    }
    state.sites.invalidate();
    let staff = staff_of(&state, &record.id).await?;
    let shared = crate::catalog_search::shared_courses(&state).await;
    Ok(Json(view(shared.as_deref(), record, role, staff)))
}

/// The site's staff, by username.
async fn staff_of(
    state: &AppState,
    site_id: &str,
) -> Result<Vec<(uuid::Uuid, String, SiteRole)>, ServerError> {
    let site_id = site_id.to_owned();
    Ok(run_blocking(&state.store, move |store| store.site_staff(&site_id)).await?)
}

fn staff_role(role: SiteRole) -> StaffRole {
    match role {
        SiteRole::Teacher => StaffRole::Teacher,
        SiteRole::Admin => StaffRole::Admin,
    }
}

async fn set_staff(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(username): Path<String>,
    JsonBody(change): JsonBody<StaffChange>,
) -> Result<Json<SiteView>, ServerError> {
    let (record, role) = site_of_caller(&state, &caller).await?;
    if !role.runs_the_site() {
        return Err(ServerError::Forbidden(
            "only the site's administrators change its staff".into(),
        ));
    }
    let new_role = match change.role {
        None => None,
        Some(StaffRole::Teacher) => Some(SiteRole::Teacher),
        Some(StaffRole::Admin) => Some(SiteRole::Admin),
        Some(StaffRole::PlatformAdmin) => {
            return Err(ServerError::bad_request(
                "a site's staff are its teachers and admins; the platform's admin is named on \
                 the server's command line",
            ))
        }
    };
    let staff = staff_of(&state, &record.id).await?;
    let Some((account_id, _, _)) = staff.iter().find(|(_, name, _)| *name == username) else {
        return Err(ServerError::NotFound(format!(
            "{username:?} is not on this site's staff"
        )));
    };
    if *account_id == caller.account.id {
        return Err(ServerError::Conflict(
            "you cannot change your own role at this site; another of its admins can".into(),
        ));
    }
    let (account_id, site_id) = (*account_id, record.id.clone());
    run_blocking(&state.store, move |store| {
        store.set_site_role(&site_id, account_id, new_role)
    })
    .await?;
    let staff = staff_of(&state, &record.id).await?;
    let shared = crate::catalog_search::shared_courses(&state).await;
    Ok(Json(view(shared.as_deref(), record, role, staff)))
}
