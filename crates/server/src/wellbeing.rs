//! What a teacher sees of the check-ins learners chose to share with them, and nothing else.
//!
//! A check-in (core's `wellbeing`) is stored as a statement through `/xapi/statements` like any
//! answer; there, only its learner may read it (`xapi_routes::may_read` and the query's
//! `private_statements_of`). These routes are the one other way to it:
//!
//! - `GET /api/classes/{class_id}/wellbeing` → core's `ClassWellbeing`: for each learner who is
//!   a member of the class now and shared check-ins with this class since they (last) joined
//!   it, their latest check-ins,
//!   the trend and the open requests to talk. A learner who shared nothing with this class is
//!   not listed at all.
//! - `POST /api/classes/{class_id}/wellbeing/{statement_id}/seen` → the check-in with `seen_at`
//!   set (the first mark stays; marking again is harmless).
//! - `GET /api/wellbeing/open-requests` → `OpenRequests`: the open requests to talk over the
//!   teacher's classes, for the teachers' app's home.
//!
//! Only the class's own teachers get an answer: another teacher and an admin get 404 exactly as
//! for a class that does not exist, a learner 403. In a joint class each learner's check-ins
//! go to the teachers of their own school only (`JointClass::check_ins_go_to`): the teachers
//! who teach the class from the site the learner joined at, else its owner. A check-in shared with another class, or by
//! a learner who left the class, is 404 to mark, exactly as a random id. Check-ins are never
//! part of the dashboard or its CSV (those read the progress tables, which only learning verbs
//! feed), of `/api/my/assignments`, or of forwarding (the trigger leaves them out).

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use baeum_core::wellbeing::wire::{
    ClassWellbeing, LearnerWellbeing, OpenRequests, SharedCheckIn, RECENT_CHECK_INS,
};
use baeum_core::wellbeing::{read_check_in, trend};
use baeum_core::xapi::formats::{format_timestamp, FractionDigits};
use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::accounts::account_identifier;
use crate::auth::Authenticated;
use crate::classes::{class_taught_by, parse_path_uuid, JointClass};
use crate::error::ServerError;
use crate::store::{run_blocking, ClassMemberRecord, Role, StoredCheckIn};
use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/classes/{class_id}/wellbeing", get(class_wellbeing))
        .route(
            "/api/classes/{class_id}/wellbeing/{statement_id}/seen",
            post(mark_seen),
        )
        .route("/api/wellbeing/open-requests", get(open_requests))
}

/// A stored time as the API writes it: RFC 3339 in UTC, as few fraction digits as keep it
/// exact (the check-ins' and the certificates' routes).
pub(crate) fn timestamp_text(instant: DateTime<Utc>) -> String {
    format_timestamp(instant, 0, FractionDigits::Exact, true).unwrap_or_default()
}

/// The check-ins the class's current members shared with this class, by learner (oldest
/// first), with the learners in username order; members who shared nothing are left out.
async fn shared_with_class(
    state: &AppState,
    joint: &JointClass,
    teacher_id: Uuid,
) -> Result<Vec<(ClassMemberRecord, Vec<SharedCheckIn>)>, ServerError> {
    let class_id = joint.class.id;
    let members: Vec<ClassMemberRecord> =
        run_blocking(&state.store, move |store| store.class_members(class_id))
            .await?
            .into_iter()
            .filter(|member| joint.check_ins_go_to(member.site_id.as_deref(), teacher_id))
            .collect();
    let by_key: BTreeMap<String, usize> = members
        .iter()
        .enumerate()
        .map(|(index, member)| {
            (
                account_identifier(&state.account_home_page, member.learner_id).key(),
                index,
            )
        })
        .collect();
    let keys: Vec<String> = by_key.keys().cloned().collect();
    let stored = run_blocking(&state.store, move |store| store.check_ins_of(&keys)).await?;
    let mut shared: Vec<Vec<SharedCheckIn>> = vec![Vec::new(); members.len()];
    for StoredCheckIn {
        actor_key,
        sequence,
        body,
        seen_at,
    } in stored
    {
        let Some(&member) = by_key.get(&actor_key) else {
            continue;
        };
        // Shared during an earlier membership of a learner who left and joined again: that
        // was then, and is not shown again.
        if sequence <= members[member].joined_after_sequence {
            continue;
        }
        let Some(check_in) = serde_json::from_str::<Value>(&body)
            .ok()
            .as_ref()
            .and_then(read_check_in)
        else {
            continue;
        };
        if check_in.shared_with_class != Some(class_id) {
            continue;
        }
        shared[member].push(SharedCheckIn {
            statement_id: check_in.statement_id,
            mood: check_in.mood,
            words: check_in.words,
            wants_to_talk: check_in.wants_to_talk,
            timestamp: check_in.timestamp,
            seen_at: seen_at.map(timestamp_text),
        });
    }
    Ok(members
        .into_iter()
        .zip(shared)
        .filter(|(_, check_ins)| !check_ins.is_empty())
        .collect())
}

fn learner_wellbeing(member: ClassMemberRecord, check_ins: Vec<SharedCheckIn>) -> LearnerWellbeing {
    let recent_start = check_ins.len().saturating_sub(RECENT_CHECK_INS);
    let moods: Vec<_> = check_ins[recent_start..]
        .iter()
        .map(|check_in| check_in.mood)
        .collect();
    let open_requests: Vec<SharedCheckIn> = check_ins
        .iter()
        .filter(|check_in| check_in.is_open_request())
        .rev()
        .cloned()
        .collect();
    let recent: Vec<SharedCheckIn> = check_ins[recent_start..].iter().rev().cloned().collect();
    LearnerWellbeing {
        learner_id: member.learner_id,
        username: member.username,
        recent,
        trend: trend(&moods),
        open_requests,
    }
}

async fn class_wellbeing(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(class_id): Path<String>,
) -> Result<Json<ClassWellbeing>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let joint = class_taught_by(&state, &caller, class_id).await?;
    let learners = shared_with_class(&state, &joint, caller.account.id)
        .await?
        .into_iter()
        .map(|(member, check_ins)| learner_wellbeing(member, check_ins))
        .collect();
    Ok(Json(ClassWellbeing { class_id, learners }))
}

async fn mark_seen(
    State(state): State<AppState>,
    caller: Authenticated,
    Path((class_id, statement_id)): Path<(String, String)>,
) -> Result<Json<SharedCheckIn>, ServerError> {
    let class_id = parse_path_uuid("class id", &class_id)?;
    let statement_id = parse_path_uuid("statement id", &statement_id)?;
    let joint = class_taught_by(&state, &caller, class_id).await?;
    let found = shared_with_class(&state, &joint, caller.account.id)
        .await?
        .into_iter()
        .flat_map(|(_, check_ins)| check_ins)
        .find(|check_in| check_in.statement_id == statement_id);
    let Some(mut check_in) = found else {
        return Err(ServerError::NotFound(format!(
            "no check-in {statement_id} shared with this class"
        )));
    };
    let teacher_id = caller.account.id;
    let now = Utc::now();
    let seen = run_blocking(&state.store, move |store| {
        store.mark_check_in_seen(statement_id, teacher_id, now)
    })
    .await?;
    check_in.seen_at = Some(timestamp_text(seen));
    Ok(Json(check_in))
}

async fn open_requests(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<OpenRequests>, ServerError> {
    if caller.account.role != Role::Teacher {
        return Err(ServerError::Forbidden(
            "only teachers have requests shared with them".into(),
        ));
    }
    let teacher_id = caller.account.id;
    let classes = run_blocking(&state.store, move |store| {
        store
            .classes_of_teacher(teacher_id)?
            .into_iter()
            .map(|class| JointClass::load(store, class))
            .collect::<Result<Vec<_>, _>>()
    })
    .await?;
    let mut open = 0;
    for joint in &classes {
        open += shared_with_class(&state, joint, teacher_id)
            .await?
            .iter()
            .flat_map(|(_, check_ins)| check_ins)
            .filter(|check_in| check_in.is_open_request())
            .count();
    }
    Ok(Json(OpenRequests { open }))
}
