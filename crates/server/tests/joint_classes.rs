//! Joint classes (issue 19), over HTTP on both engines: a Naju teacher's class taken up by an
//! Almaty teacher with its teacher code is at both sites, joined by learners of both, each
//! learner marked with their school; each teacher sees the check-ins of their own school's
//! learners only; only the owner brings in teachers; a teacher who leaves takes the class
//! off their site.

mod classes_support;
mod sites_support;
mod xapi_support;

use baeum_core::wellbeing::{check_in_statement, CheckInInput, Mood};
use baeum_server::store::{Role, SiteRole};
use baeum_server::AppState;
use serde_json::{json, Value};
use sites_support::{at, class_ids, make_class, staff, state_with_sites, ALMATY, NAJU, PLATFORM};
use uuid::Uuid;
use xapi_support::{account, api, xapi, Reply, TestAccount};

async fn call(
    state: &AppState,
    host: &str,
    who: &TestAccount,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Reply {
    at(
        state,
        host,
        api(method, path, Some(&who.basic()), body.as_ref()),
    )
    .await
}

fn ids(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item[field].as_str().unwrap_or("-").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn share_check_in(state: &AppState, host: &str, learner: &TestAccount, class_id: &str) {
    let actor: baeum_core::record::Actor =
        serde_json::from_value(learner.actor(state)).expect("the learner's actor");
    let statement = check_in_statement(&CheckInInput {
        statement_id: Uuid::now_v7(),
        timestamp: "2026-12-06T08:30:00.000+09:00",
        actor: &actor,
        mood: Mood::new(2).expect("a face"),
        words: "",
        wants_to_talk: true,
        shared_with_class: Some(Uuid::parse_str(class_id).expect("a class id")),
    })
    .expect("a check-in");
    let reply = at(
        state,
        host,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!([statement])),
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

async fn take_up(state: &AppState, host: &str, who: &TestAccount, code: &str) -> Reply {
    let body = json!({ "teacher_code": code });
    call(state, host, who, "POST", "/api/classes/teach", Some(body)).await
}

/// The learners whose check-ins the class's wellbeing view shows this teacher.
async fn shared(state: &AppState, host: &str, who: &TestAccount, path: &str) -> Vec<String> {
    let reply = call(state, host, who, "GET", path, None).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    ids(&reply.body["learners"], "username")
}

/// How many statements of the query this account reads.
async fn read(state: &AppState, who: &TestAccount, query: &str) -> usize {
    let reply = at(state, ALMATY, xapi("GET", query, Some(&who.basic()), None)).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    reply.body["statements"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn a_class_taught_from_two_sites_has_learners_of_both_each_with_their_teachers() {
    let state = state_with_sites();
    let naju_teacher = account(&state, "naju-teacher", Role::Teacher).await;
    let almaty_teacher = account(&state, "almaty-teacher", Role::Teacher).await;
    let outsider = account(&state, "outsider", Role::Teacher).await;
    let almaty_admin = account(&state, "almaty-admin", Role::Teacher).await;
    staff(&state, "naju", &naju_teacher, SiteRole::Teacher);
    staff(&state, "almaty", &almaty_teacher, SiteRole::Teacher);
    staff(&state, "almaty", &almaty_admin, SiteRole::Admin);

    let made = make_class(&state, NAJU, &naju_teacher).await;
    assert_eq!(made.status, 201, "{:?}", made.body);
    let id = made.body["id"].as_str().expect("an id").to_owned();
    let join_code = made.body["join_code"].as_str().expect("a code").to_owned();
    assert_eq!(ids(&made.body["sites"], "id"), ["naju"]);
    assert_eq!(made.body["teacher_code"], Value::Null);
    let code_path = format!("/api/classes/{id}/teacher-code");

    // The owner makes a teacher code at the class's site; elsewhere the class is no class.
    let elsewhere = call(&state, ALMATY, &naju_teacher, "POST", &code_path, None).await;
    assert_eq!(elsewhere.status, 404);
    let coded = call(&state, NAJU, &naju_teacher, "POST", &code_path, None).await;
    assert_eq!(coded.status, 200, "{:?}", coded.body);
    let teacher_code = coded.body["teacher_code"]
        .as_str()
        .expect("a code")
        .to_owned();

    // Only a site's staff take a class up there; the owner's own code is not theirs to take.
    assert_eq!(
        take_up(&state, ALMATY, &outsider, &teacher_code)
            .await
            .status,
        403
    );
    assert_eq!(
        take_up(&state, NAJU, &almaty_teacher, &teacher_code)
            .await
            .status,
        403
    );
    assert_eq!(
        take_up(&state, NAJU, &naju_teacher, &teacher_code)
            .await
            .status,
        409
    );
    assert_eq!(
        take_up(&state, ALMATY, &almaty_teacher, "ABCD-EFGH")
            .await
            .status,
        404
    );
    assert_eq!(
        take_up(&state, ALMATY, &almaty_teacher, "short")
            .await
            .status,
        400
    );
    let taken = take_up(
        &state,
        ALMATY,
        &almaty_teacher,
        &teacher_code.to_lowercase(),
    )
    .await;
    assert_eq!(taken.status, 200, "{:?}", taken.body);
    assert_eq!(ids(&taken.body["sites"], "id"), ["naju", "almaty"]);
    assert_eq!(
        ids(&taken.body["teachers"], "username"),
        ["naju-teacher", "almaty-teacher"]
    );
    assert_eq!(ids(&taken.body["teachers"], "site_id"), ["naju", "almaty"]);
    // The teacher code is the owner's to give, not shown to the other teachers.
    assert_eq!(taken.body.get("teacher_code"), None);

    // The class is at both sites, and at no other address.
    assert_eq!(
        class_ids(&state, ALMATY, &almaty_teacher).await,
        [id.as_str()]
    );
    assert_eq!(class_ids(&state, NAJU, &naju_teacher).await, [id.as_str()]);
    assert!(class_ids(&state, PLATFORM, &almaty_teacher)
        .await
        .is_empty());

    // Learners of each school join at their own site's address with the one join code.
    let mut learners = Vec::new();
    for (name, host) in [("naju-pupil", NAJU), ("almaty-pupil", ALMATY)] {
        let learner = account(&state, name, Role::Learner).await;
        let joined = call(
            &state,
            host,
            &learner,
            "POST",
            "/api/classes/join",
            Some(json!({ "join_code": join_code })),
        )
        .await;
        assert_eq!(joined.status, 200, "{:?}", joined.body);
        // The learner's view names both schools and both teachers.
        assert_eq!(ids(&joined.body["sites"], "id"), ["naju", "almaty"]);
        assert_eq!(joined.body["sites"][1]["name"]["en"], "almaty");
        assert_eq!(ids(&joined.body["teachers"], "username").len(), 2);
        share_check_in(&state, host, &learner, &id).await;
        learners.push(learner);
    }

    // Either teacher's dashboard lists both, each with their site, for the filter.
    let dashboard = call(
        &state,
        ALMATY,
        &almaty_teacher,
        "GET",
        &format!("/api/classes/{id}/dashboard"),
        None,
    )
    .await;
    assert_eq!(dashboard.status, 200, "{:?}", dashboard.body);
    assert_eq!(
        ids(&dashboard.body["learners"], "site_id"),
        ["almaty", "naju"]
    );
    assert_eq!(
        ids(&dashboard.body["class"]["sites"], "id"),
        ["naju", "almaty"]
    );

    // Each teacher sees the check-ins of their own school's learners only.
    let wellbeing = format!("/api/classes/{id}/wellbeing");
    assert_eq!(
        shared(&state, NAJU, &naju_teacher, &wellbeing).await,
        ["naju-pupil"]
    );
    assert_eq!(
        shared(&state, ALMATY, &almaty_teacher, &wellbeing).await,
        ["almaty-pupil"]
    );
    // Almaty's admin manages the class at Almaty but sees no check-in, as at any class.
    let admin_view = call(
        &state,
        ALMATY,
        &almaty_admin,
        "GET",
        &format!("/api/classes/{id}"),
        None,
    )
    .await;
    assert_eq!(admin_view.status, 200);
    assert_eq!(
        ids(&admin_view.body["members"], "site_id"),
        ["almaty", "naju"]
    );
    assert_eq!(
        call(&state, ALMATY, &almaty_admin, "GET", &wellbeing, None)
            .await
            .status,
        404
    );

    // Only the owner brings in or takes off teachers; nobody takes the owner off.
    let owner_off = format!("/api/classes/{id}/teachers/{}", naju_teacher.record.id);
    let other_off = format!("/api/classes/{id}/teachers/{}", almaty_teacher.record.id);
    assert_eq!(
        call(&state, ALMATY, &almaty_teacher, "POST", &code_path, None)
            .await
            .status,
        403
    );
    assert_eq!(
        call(&state, ALMATY, &almaty_admin, "POST", &code_path, None)
            .await
            .status,
        403
    );
    assert_eq!(
        call(&state, ALMATY, &almaty_teacher, "DELETE", &owner_off, None)
            .await
            .status,
        409
    );
    assert_eq!(
        call(&state, ALMATY, &almaty_admin, "DELETE", &other_off, None)
            .await
            .status,
        403
    );

    // The Almaty teacher leaves: the class is off Almaty, and its Almaty learner's check-ins
    // go to the owner.
    assert_eq!(
        call(&state, ALMATY, &almaty_teacher, "DELETE", &other_off, None)
            .await
            .status,
        204
    );
    assert_eq!(
        call(&state, ALMATY, &almaty_teacher, "DELETE", &other_off, None)
            .await
            .status,
        404
    );
    assert!(class_ids(&state, ALMATY, &almaty_teacher).await.is_empty());
    assert!(class_ids(&state, ALMATY, &learners[1]).await.is_empty());
    assert_eq!(class_ids(&state, NAJU, &learners[1]).await, [id.as_str()]);
    assert_eq!(
        shared(&state, NAJU, &naju_teacher, &wellbeing).await,
        ["almaty-pupil", "naju-pupil"]
    );

    // A withdrawn code takes nobody in.
    let withdrawn = call(&state, NAJU, &naju_teacher, "DELETE", &code_path, None).await;
    assert_eq!(withdrawn.status, 200);
    assert_eq!(withdrawn.body.get("teacher_code"), None);
    assert_eq!(
        take_up(&state, ALMATY, &almaty_teacher, &teacher_code)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_partner_teacher_reads_the_joint_class_learners_statements_only_while_teaching() {
    let state = state_with_sites();
    let naju_teacher = account(&state, "naju-owner", Role::Teacher).await;
    let almaty_teacher = account(&state, "almaty-partner", Role::Teacher).await;
    staff(&state, "naju", &naju_teacher, SiteRole::Teacher);
    staff(&state, "almaty", &almaty_teacher, SiteRole::Teacher);
    let made = make_class(&state, NAJU, &naju_teacher).await;
    let id = made.body["id"].as_str().expect("an id").to_owned();
    let learner = account(&state, "naju-child", Role::Learner).await;
    let joined = call(
        &state,
        NAJU,
        &learner,
        "POST",
        "/api/classes/join",
        Some(json!({ "join_code": made.body["join_code"] })),
    )
    .await;
    assert_eq!(joined.status, 200);
    let answered = classes_support::player_statement(
        &learner.actor(&state),
        "completed",
        &classes_support::lesson_activity("l1"),
        json!({ "completion": true }),
        "2026-12-05T10:00:00+09:00",
    );
    classes_support::sync_statements(&state, &learner, vec![answered]).await;
    let agent = serde_json::to_string(&learner.actor(&state)).expect("json");
    let query = format!("/xapi/statements?agent={}", xapi_support::encode(&agent));
    assert_eq!(read(&state, &almaty_teacher, &query).await, 0);
    let coded = call(
        &state,
        NAJU,
        &naju_teacher,
        "POST",
        &format!("/api/classes/{id}/teacher-code"),
        None,
    )
    .await;
    let taken = call(
        &state,
        ALMATY,
        &almaty_teacher,
        "POST",
        "/api/classes/teach",
        Some(json!({ "teacher_code": coded.body["teacher_code"] })),
    )
    .await;
    assert_eq!(taken.status, 200, "{:?}", taken.body);
    assert_eq!(read(&state, &almaty_teacher, &query).await, 1);
    let left = call(
        &state,
        ALMATY,
        &almaty_teacher,
        "DELETE",
        &format!("/api/classes/{id}/teachers/{}", almaty_teacher.record.id),
        None,
    )
    .await;
    assert_eq!(left.status, 204);
    assert_eq!(read(&state, &almaty_teacher, &query).await, 0);
}
