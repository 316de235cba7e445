//! Joint classes: a class taught by teachers of two or more sites (a Naju school and a Hai
//! Phong school in an exchange), each with their own pupils in it.
//!
//! - `POST /api/classes/{class_id}/teacher-code` (its owner, or an admin) → 200 `ClassView`
//!   with a fresh `teacher_code`; the old one stops working at once.
//! - `DELETE /api/classes/{class_id}/teacher-code` → 200 `ClassView` without one: nobody else
//!   can take the class up.
//! - `POST /api/classes/teach` `{teacher_code}` (a teacher, at a site whose staff they are, or
//!   at an address that is no site's) → 200 `ClassView`: the caller teaches the class from the
//!   request's site, and the class is at that site too: its learners there join it with its
//!   join code at their own site's address. Attempts count against the join-code limits.
//! - `DELETE /api/classes/{class_id}/teachers/{teacher_id}` → 204: a teacher leaves the class,
//!   or its owner (or an admin) takes them off it. The owner stays; the learners who joined
//!   at the leaving teacher's site stay in the class too, their check-ins then shared with its
//!   owner ([`JointClass::check_ins_go_to`]).
//!
//! Every teacher of a joint class manages it like its owner (members, assignments, the
//! dashboard, which shows each learner's site), at any of its sites' addresses; only the
//! owner and admins invite teachers or take others off.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::accounts::JsonBody;
use crate::auth::Authenticated;
use crate::classes::{
    joint_class_managed_by, may_invite_teachers, may_make_classes, new_join_code,
    normalize_join_code, parse_path_uuid, ClassView, JointClass, JOIN_CODE_LENGTH,
};
use crate::error::ServerError;
use crate::limits::ClientAddress;
use crate::store::{run_blocking, StoreError};
use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/classes/{class_id}/teacher-code",
            post(make_teacher_code).delete(withdraw_teacher_code),
        )
        .route("/api/classes/teach", post(take_up_class))
        .route(
            "/api/classes/{class_id}/teachers/{teacher_id}",
            delete(remove_teacher),
        )
}

/// The class when the caller may invite its teachers; another of its teachers gets 403.
async fn class_owned_by(
    state: &AppState,
    caller: &Authenticated,
    class_id: &str,
) -> Result<JointClass, ServerError> {
    let class_id = parse_path_uuid("class id", class_id)?;
    let joint = joint_class_managed_by(state, caller, class_id).await?;
    if !may_invite_teachers(state, caller, &joint).await? {
        return Err(ServerError::Forbidden(
            "only the class's owner invites other teachers to it".into(),
        ));
    }
    Ok(joint)
}

async fn class_view(
    state: &AppState,
    caller: &Authenticated,
    joint: &JointClass,
) -> Result<ClassView, ServerError> {
    let class_id = joint.class.id;
    let member_count = run_blocking(&state.store, move |store| {
        store.class_member_count(class_id)
    })
    .await?;
    ClassView::new(state, caller, joint, member_count).await
}

async fn make_teacher_code(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassView>, ServerError> {
    let mut joint = class_owned_by(&state, &caller, &class_id).await?;
    let id = joint.class.id;
    let code = run_blocking(&state.store, move |store| {
        // As with join codes, a collision is rare; a few draws make failure impossible in
        // practice without looping forever.
        for _ in 0..5 {
            let code = new_join_code();
            match store.set_teacher_code(id, Some(&code)) {
                Ok(_) => return Ok(code),
                Err(StoreError::JoinCodeTaken) => continue,
                Err(error) => return Err(error),
            }
        }
        Err(StoreError::JoinCodeTaken)
    })
    .await?;
    joint.class.teacher_code = Some(code);
    Ok(Json(class_view(&state, &caller, &joint).await?))
}

async fn withdraw_teacher_code(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassView>, ServerError> {
    let mut joint = class_owned_by(&state, &caller, &class_id).await?;
    let id = joint.class.id;
    run_blocking(&state.store, move |store| store.set_teacher_code(id, None)).await?;
    joint.class.teacher_code = None;
    Ok(Json(class_view(&state, &caller, &joint).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TeacherCode {
    teacher_code: String,
}

async fn take_up_class(
    State(state): State<AppState>,
    caller: Authenticated,
    ClientAddress(address): ClientAddress,
    JsonBody(request): JsonBody<TeacherCode>,
) -> Result<Json<ClassView>, ServerError> {
    if !may_make_classes(&state, &caller).await? {
        return Err(ServerError::Forbidden(if caller.site_id.is_some() {
            "only this site's teachers can teach classes here; its administrator can invite you"
                .into()
        } else {
            "only teachers can teach classes".into()
        }));
    }
    let code = normalize_join_code(&request.teacher_code).ok_or_else(|| {
        ServerError::bad_request(format!(
            "a teacher code is {JOIN_CODE_LENGTH} letters and digits without 0, 1, i, l or o"
        ))
    })?;
    // Counted before the code is looked at, like a learner's join code.
    state
        .limiters
        .join_attempt(&state.store, caller.account.id, address)
        .await?;
    let teacher_id = caller.account.id;
    let site_id = caller.site_id.clone();
    let joint = run_blocking(&state.store, move |store| {
        let Some(class) = store.class_by_teacher_code(&code)? else {
            return Ok(None);
        };
        if class.teacher_id != teacher_id {
            store.add_class_teacher(class.id, teacher_id, site_id.as_deref())?;
        }
        JointClass::load(store, class).map(Some)
    })
    .await?
    .ok_or_else(|| ServerError::NotFound("no class has this teacher code".into()))?;
    if joint.class.teacher_id == teacher_id {
        return Err(ServerError::Conflict(
            "this is your own class: give the code to the teacher of the other school".into(),
        ));
    }
    Ok(Json(class_view(&state, &caller, &joint).await?))
}

async fn remove_teacher(
    State(state): State<AppState>,
    caller: Authenticated,
    Path((class_id, teacher_id)): Path<(String, String)>,
) -> Result<StatusCode, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let teacher_id = parse_path_uuid("teacher id", &teacher_id)?;
    let joint = joint_class_managed_by(&state, &caller, class_id).await?;
    if joint.class.teacher_id == teacher_id {
        return Err(ServerError::Conflict(
            "the class's owner cannot be taken off it".into(),
        ));
    }
    let leaving = teacher_id == caller.account.id;
    if !leaving && !may_invite_teachers(&state, &caller, &joint).await? {
        return Err(ServerError::Forbidden(
            "only the class's owner takes other teachers off it".into(),
        ));
    }
    let removed = run_blocking(&state.store, move |store| {
        store.remove_class_teacher(class_id, teacher_id)
    })
    .await?;
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ServerError::NotFound(format!(
            "teacher {teacher_id} does not teach this class"
        )))
    }
}
