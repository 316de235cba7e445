//! Assignments through the HTTP API: idempotent creation from an offline queue, validation
//! against the content catalog, editing and deleting, and what each learner sees.

mod classes_support;
mod xapi_support;

use baeum_server::store::Role;
use classes_support::{
    assign, create_class, item_activity, join, lesson_activity, player_statement,
    state_with_content, sync_statements,
};
use serde_json::{json, Value};
use uuid::Uuid;
use xapi_support::{account, api, send, Reply, TestAccount};

async fn my_assignments(state: &baeum_server::AppState, learner: &TestAccount) -> Reply {
    let reply = send(
        state,
        api("GET", "/api/my/assignments", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply
}

fn assignment_ids(reply: &Reply) -> Vec<String> {
    reply.body["assignments"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn creation_is_idempotent_by_client_id() {
    let (state, _content) = state_with_content();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let (class, _) = create_class(&state, &teacher, "Korean 1").await;
    let id = Uuid::new_v4().to_string();
    let body = json!({
        "class_id": class,
        "course_id": "hangul",
        "unit_id": "u1",
        "due_at": "2026-12-01T17:00:00+09:00",
        "note": "  Practise the first consonants. ",
    });
    let created = assign(&state, &teacher, &id, &body).await;
    assert_eq!(created["id"], id.as_str());
    assert_eq!(
        created["due_at"], "2026-12-01T08:00:00Z",
        "stored and returned in utc"
    );
    assert_eq!(created["lesson_ids"], json!(["l1", "l2"]));
    assert_eq!(created["learner_ids"], Value::Null);
    assert_eq!(created["note"], "Practise the first consonants.");

    // The same request again, as an offline queue retries it: nothing changes.
    let retried = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{id}"),
            Some(&teacher.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(retried.status, 200, "{:?}", retried.body);
    assert_eq!(retried.body, created);
    // The same instant written in another offset is the same request.
    let mut same_instant = body.clone();
    same_instant["due_at"] = json!("2026-12-01T08:00:00Z");
    let retried = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{id}"),
            Some(&teacher.basic()),
            Some(&same_instant),
        ),
    )
    .await;
    assert_eq!(retried.status, 200, "{:?}", retried.body);
    // POST with the id in the body is the same operation.
    let mut posted = body.clone();
    posted["id"] = json!(id);
    let retried = send(
        &state,
        api(
            "POST",
            "/api/assignments",
            Some(&teacher.basic()),
            Some(&posted),
        ),
    )
    .await;
    assert_eq!(retried.status, 200, "{:?}", retried.body);
    assert_eq!(retried.body["updated_at"], created["updated_at"]);

    // A different body under the same id is a conflict and changes nothing.
    let mut different = body.clone();
    different["due_at"] = json!("2026-12-02T17:00:00+09:00");
    let conflict = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{id}"),
            Some(&teacher.basic()),
            Some(&different),
        ),
    )
    .await;
    assert_eq!(conflict.status, 409, "{:?}", conflict.body);
    let stored = send(
        &state,
        api(
            "GET",
            &format!("/api/assignments/{id}"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(stored.body["due_at"], "2026-12-01T08:00:00Z");

    let without_id = send(
        &state,
        api(
            "POST",
            "/api/assignments",
            Some(&teacher.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(without_id.status, 400);
    let mut mismatched = body.clone();
    mismatched["id"] = json!(Uuid::new_v4());
    let mismatch = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{id}"),
            Some(&teacher.basic()),
            Some(&mismatched),
        ),
    )
    .await;
    assert_eq!(mismatch.status, 400);
}

#[tokio::test]
async fn assignments_are_checked_against_the_class_and_the_catalog() {
    let (state, _content) = state_with_content();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let other_teacher = account(&state, "teacher-park", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let stranger = account(&state, "learner-far", Role::Learner).await;
    let (class, code) = create_class(&state, &teacher, "Korean 1").await;
    join(&state, &learner, &code).await;
    let base =
        json!({ "class_id": class, "course_id": "hangul", "due_at": "2026-12-01T08:00:00Z" });
    let with = |changes: Value| {
        let mut body = base.clone();
        for (key, value) in changes.as_object().into_iter().flatten() {
            body[key] = value.clone();
        }
        body
    };
    let refused = [
        (
            with(json!({ "course_id": "klingon" })),
            400,
            "not in this server's content catalog",
        ),
        (with(json!({ "unit_id": "u9" })), 400, "has no unit"),
        (with(json!({ "lesson_id": "l9" })), 400, "has no lesson"),
        (
            with(json!({ "unit_id": "u1", "lesson_id": "l3" })),
            400,
            "is not in unit",
        ),
        (with(json!({ "due_at": "next friday" })), 400, "rfc 3339"),
        (
            with(json!({ "due_at": "2026-12-01T08:00:00" })),
            400,
            "rfc 3339",
        ),
        (
            with(json!({ "learner_ids": [stranger.record.id] })),
            400,
            "is not in this class",
        ),
        (
            with(json!({ "learner_ids": [] })),
            400,
            "learner_ids is empty",
        ),
        (
            with(json!({ "course_id": "../etc" })),
            400,
            "course_id must be",
        ),
        (with(json!({ "class_id": Uuid::new_v4() })), 404, "no class"),
        (with(json!({ "colour": "red" })), 400, "unknown field"),
    ];
    for (body, status, message) in refused {
        let reply = send(
            &state,
            api(
                "PUT",
                &format!("/api/assignments/{}", Uuid::new_v4()),
                Some(&teacher.basic()),
                Some(&body),
            ),
        )
        .await;
        assert_eq!(reply.status, status, "{body}: {:?}", reply.body);
        assert!(reply.error().contains(message), "{body}: {}", reply.error());
    }
    let someone_elses = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{}", Uuid::new_v4()),
            Some(&other_teacher.basic()),
            Some(&base),
        ),
    )
    .await;
    assert_eq!(
        someone_elses.status, 404,
        "another teacher's class is not found"
    );
    let by_learner = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{}", Uuid::new_v4()),
            Some(&learner.basic()),
            Some(&base),
        ),
    )
    .await;
    assert_eq!(by_learner.status, 403);

    // A lesson given without its unit is stored with it.
    let lesson = assign(
        &state,
        &teacher,
        &Uuid::new_v4().to_string(),
        &with(json!({ "lesson_id": "l3" })),
    )
    .await;
    assert_eq!(lesson["unit_id"], "u2");
    assert_eq!(lesson["lesson_ids"], json!(["l3"]));
    let course = assign(&state, &teacher, &Uuid::new_v4().to_string(), &base).await;
    assert_eq!(course["lesson_ids"], json!(["l1", "l2", "l3"]));
}

#[tokio::test]
async fn a_server_without_content_says_so() {
    let state = xapi_support::state();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let (class, _) = create_class(&state, &teacher, "Korean 1").await;
    let reply = send(
        &state,
        api(
            "PUT",
            &format!("/api/assignments/{}", Uuid::new_v4()),
            Some(&teacher.basic()),
            Some(&json!({ "class_id": class, "course_id": "hangul", "due_at": "2026-12-01T08:00:00Z" })),
        ),
    )
    .await;
    assert_eq!(reply.status, 503, "{:?}", reply.body);
    assert!(
        reply.error().contains("content catalog"),
        "{}",
        reply.error()
    );
}

#[tokio::test]
async fn learners_see_their_assignments_with_status_from_their_own_statements() {
    let (state, _content) = state_with_content();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let ana = account(&state, "learner-ana", Role::Learner).await;
    let bo = account(&state, "learner-bo", Role::Learner).await;
    let (class, code) = create_class(&state, &teacher, "Korean 1").await;
    join(&state, &ana, &code).await;
    join(&state, &bo, &code).await;
    let unit = Uuid::new_v4().to_string();
    assign(
        &state,
        &teacher,
        &unit,
        &json!({ "class_id": class, "course_id": "hangul", "unit_id": "u1",
                 "due_at": "2099-01-01T09:00:00+09:00", "note": "Hangul week" }),
    )
    .await;
    let only_bo = Uuid::new_v4().to_string();
    assign(
        &state,
        &teacher,
        &only_bo,
        &json!({ "class_id": class, "course_id": "hangul", "lesson_id": "l3",
                 "due_at": "2020-01-01T00:00:00Z", "learner_ids": [bo.record.id] }),
    )
    .await;

    let anas = my_assignments(&state, &ana).await;
    assert_eq!(
        assignment_ids(&anas),
        vec![unit.clone()],
        "ana is not given bo's lesson"
    );
    let first = &anas.body["assignments"][0];
    assert_eq!(first["status"], "not_started");
    assert_eq!(first["overdue"], false);
    assert_eq!(first["due_at"], "2099-01-01T00:00:00Z");
    assert_eq!(first["note"], "Hangul week");
    assert_eq!(first["class_name"], "Korean 1");
    assert_eq!(first["assigned_by"]["username"], "teacher-kim");
    assert_eq!(first["lessons_total"], 2);
    assert!(anas.body["as_of"].is_string());

    // Bo's list is soonest first: the overdue lesson, then the unit.
    let bos = my_assignments(&state, &bo).await;
    assert_eq!(assignment_ids(&bos), vec![only_bo.clone(), unit.clone()]);
    assert_eq!(bos.body["assignments"][0]["overdue"], true);

    // Ana starts the unit: one answer in its first lesson.
    sync_statements(
        &state,
        &ana,
        vec![player_statement(
            &ana.actor(&state),
            "answered",
            &item_activity("l1", "giyeok"),
            json!({ "success": true }),
            "2026-11-20T10:00:00+06:00",
        )],
    )
    .await;
    let anas = my_assignments(&state, &ana).await;
    assert_eq!(anas.body["assignments"][0]["status"], "in_progress");
    assert_eq!(
        anas.body["assignments"][0]["last_active"],
        "2026-11-20T04:00:00Z"
    );
    // Ana's statements do nothing for Bo.
    let bos = my_assignments(&state, &bo).await;
    assert_eq!(bos.body["assignments"][1]["status"], "not_started");

    // Completing one lesson of two is still in progress; both is done.
    sync_statements(
        &state,
        &ana,
        vec![player_statement(
            &ana.actor(&state),
            "completed",
            &lesson_activity("l1"),
            json!({ "score": { "scaled": 0.8 } }),
            "2026-11-20T10:10:00+06:00",
        )],
    )
    .await;
    let anas = my_assignments(&state, &ana).await;
    assert_eq!(anas.body["assignments"][0]["status"], "in_progress");
    assert_eq!(anas.body["assignments"][0]["lessons_done"], 1);
    sync_statements(
        &state,
        &ana,
        vec![player_statement(
            &ana.actor(&state),
            "completed",
            &lesson_activity("l2"),
            json!({ "score": { "scaled": 0.6 } }),
            "2026-11-21T10:10:00+06:00",
        )],
    )
    .await;
    let anas = my_assignments(&state, &ana).await;
    let done = &anas.body["assignments"][0];
    assert_eq!(done["status"], "done");
    assert_eq!(done["lessons_done"], 2);
    let score = done["score"].as_f64().unwrap_or_default();
    assert!((score - 0.7).abs() < 1e-9, "{score}");

    // Bo completes the overdue lesson late: done, and no longer overdue.
    sync_statements(
        &state,
        &bo,
        vec![player_statement(
            &bo.actor(&state),
            "completed",
            &lesson_activity("l3"),
            Value::Null,
            "2026-11-21T10:10:00Z",
        )],
    )
    .await;
    let bos = my_assignments(&state, &bo).await;
    assert_eq!(bos.body["assignments"][0]["status"], "done");
    assert_eq!(bos.body["assignments"][0]["overdue"], false);

    let teachers_own = send(
        &state,
        api("GET", "/api/my/assignments", Some(&teacher.basic()), None),
    )
    .await;
    assert_eq!(teachers_own.status, 403);
}

#[tokio::test]
async fn a_learner_in_two_classes_sees_both_and_loses_one_when_removed() {
    let (state, _content) = state_with_content();
    let kim = account(&state, "teacher-kim", Role::Teacher).await;
    let park = account(&state, "teacher-park", Role::Teacher).await;
    let learner = account(&state, "learner-lee", Role::Learner).await;
    let (korean, korean_code) = create_class(&state, &kim, "Korean 1").await;
    let (science, science_code) = create_class(&state, &park, "Science").await;
    join(&state, &learner, &korean_code).await;
    join(&state, &learner, &science_code).await;
    let from_kim = Uuid::new_v4().to_string();
    let from_park = Uuid::new_v4().to_string();
    assign(
        &state,
        &kim,
        &from_kim,
        &json!({ "class_id": korean, "course_id": "hangul", "due_at": "2099-01-01T00:00:00Z" }),
    )
    .await;
    assign(
        &state,
        &park,
        &from_park,
        &json!({ "class_id": science, "course_id": "hangul", "due_at": "2099-02-01T00:00:00Z" }),
    )
    .await;
    assert_eq!(
        assignment_ids(&my_assignments(&state, &learner).await),
        vec![from_kim.clone(), from_park.clone()]
    );
    let removed = send(
        &state,
        api(
            "DELETE",
            &format!("/api/classes/{korean}/members/{}", learner.record.id),
            Some(&kim.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(removed.status, 204);
    assert_eq!(
        assignment_ids(&my_assignments(&state, &learner).await),
        vec![from_park]
    );
}

#[tokio::test]
async fn teachers_edit_and_delete_their_assignments_only() {
    let (state, _content) = state_with_content();
    let teacher = account(&state, "teacher-kim", Role::Teacher).await;
    let other_teacher = account(&state, "teacher-park", Role::Teacher).await;
    let ana = account(&state, "learner-ana", Role::Learner).await;
    let bo = account(&state, "learner-bo", Role::Learner).await;
    let (class, code) = create_class(&state, &teacher, "Korean 1").await;
    join(&state, &ana, &code).await;
    join(&state, &bo, &code).await;
    let id = Uuid::new_v4().to_string();
    let body = json!({ "class_id": class, "course_id": "hangul", "unit_id": "u1",
                       "due_at": "2099-01-01T00:00:00Z", "note": "first note" });
    assign(&state, &teacher, &id, &body).await;
    let uri = format!("/api/assignments/{id}");

    for (who, status) in [(&other_teacher, 404), (&ana, 403)] {
        for (method, patch) in [
            ("GET", None),
            ("PATCH", Some(json!({ "note": "mine now" }))),
            ("DELETE", None),
        ] {
            let reply = send(
                &state,
                api(method, &uri, Some(&who.basic()), patch.as_ref()),
            )
            .await;
            assert_eq!(reply.status, status, "{} {method}", who.record.username);
        }
    }
    let listing = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/assignments"),
            Some(&other_teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(listing.status, 404);
    let listing = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/assignments"),
            Some(&ana.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(listing.status, 403, "learners use /api/my/assignments");

    let edited = send(
        &state,
        api(
            "PATCH",
            &uri,
            Some(&teacher.basic()),
            Some(&json!({ "due_at": "2099-01-02T09:00:00-05:00", "note": null, "learner_ids": [bo.record.id] })),
        ),
    )
    .await;
    assert_eq!(edited.status, 200, "{:?}", edited.body);
    assert_eq!(edited.body["due_at"], "2099-01-02T14:00:00Z");
    assert_eq!(edited.body["note"], Value::Null);
    assert_eq!(edited.body["learner_ids"], json!([bo.record.id]));
    assert_eq!(edited.body["lesson_ids"], json!(["l1", "l2"]));
    assert!(assignment_ids(&my_assignments(&state, &ana).await).is_empty());
    assert_eq!(
        assignment_ids(&my_assignments(&state, &bo).await),
        vec![id.clone()]
    );
    let back_to_everyone = send(
        &state,
        api(
            "PATCH",
            &uri,
            Some(&teacher.basic()),
            Some(&json!({ "learner_ids": null })),
        ),
    )
    .await;
    assert_eq!(back_to_everyone.body["learner_ids"], Value::Null);
    assert_eq!(
        back_to_everyone.body["due_at"], "2099-01-02T14:00:00Z",
        "unmentioned fields stay"
    );
    assert_eq!(
        assignment_ids(&my_assignments(&state, &ana).await),
        vec![id.clone()]
    );

    let listing = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/assignments"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(listing.status, 200);
    assert_eq!(assignment_ids(&listing), vec![id.clone()]);

    let deleted = send(&state, api("DELETE", &uri, Some(&teacher.basic()), None)).await;
    assert_eq!(deleted.status, 204);
    let again = send(&state, api("DELETE", &uri, Some(&teacher.basic()), None)).await;
    assert_eq!(
        again.status, 204,
        "deleting twice is what a retried queue does"
    );
    assert!(assignment_ids(&my_assignments(&state, &ana).await).is_empty());
    let gone = send(&state, api("GET", &uri, Some(&teacher.basic()), None)).await;
    assert_eq!(gone.status, 410);
    let recreated = send(
        &state,
        api("PUT", &uri, Some(&teacher.basic()), Some(&body)),
    )
    .await;
    assert_eq!(
        recreated.status, 410,
        "a late retry cannot bring a deleted assignment back"
    );
    let listing = send(
        &state,
        api(
            "GET",
            &format!("/api/classes/{class}/assignments"),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert!(assignment_ids(&listing).is_empty());
    // Someone else cannot learn what an id held, only that it cannot be used: 404, never a
    // 409 or 410 that would tell them more.
    let probe = send(
        &state,
        api("PUT", &uri, Some(&other_teacher.basic()), Some(&body)),
    )
    .await;
    assert_eq!(probe.status, 404);
    assert!(
        probe.error().contains("cannot be used"),
        "{}",
        probe.error()
    );
}
