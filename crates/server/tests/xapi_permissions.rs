//! Who may write and read which statements: learners, teachers (through their classes) and
//! admins; and credentials that are missing, wrong or expired.

mod xapi_support;

use baeum_server::accounts::create_class_for;
use baeum_server::auth::token_sha256;
use baeum_server::store::Role;
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use xapi_support::{account, api, basic, send, state, statement, xapi, TestAccount};

fn id(number: u32) -> String {
    format!("0190f0a4-7b1c-7d2e-8f30-{number:012x}")
}

async fn post_own(state: &baeum_server::AppState, who: &TestAccount, number: u32) {
    let mut body = statement(&who.actor(state), "hangul-1");
    body["id"] = json!(id(number));
    let reply = send(
        state,
        xapi("POST", "/xapi/statements", Some(&who.basic()), Some(&body)),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

fn ids_of(result: &Value) -> Vec<String> {
    let mut ids: Vec<String> = result["statements"]
        .as_array()
        .map(|statements| {
            statements
                .iter()
                .map(|statement| statement["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

#[tokio::test]
async fn missing_wrong_and_expired_credentials_are_401() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let body = statement(&learner.actor(&state), "hangul-1");

    let none = send(&state, xapi("POST", "/xapi/statements", None, Some(&body))).await;
    assert_eq!(none.status, 401);
    assert!(none.header("www-authenticate").is_some());
    assert_eq!(none.header("x-experience-api-version"), Some("2.0.0"));

    let wrong = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&basic("learner", "wrong-password")),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(wrong.status, 401);
    assert!(wrong
        .header("www-authenticate")
        .unwrap_or_default()
        .starts_with("Basic"));

    let unknown_user = send(
        &state,
        xapi(
            "GET",
            "/xapi/statements",
            Some(&basic("nobody", "whatever-1")),
            None,
        ),
    )
    .await;
    assert_eq!(unknown_user.status, 401);

    state
        .store
        .create_session(
            token_sha256("expired"),
            learner.record.id,
            Utc::now() - Duration::minutes(1),
        )
        .unwrap();
    let expired = send(
        &state,
        xapi("GET", "/xapi/statements", Some("Bearer expired"), None),
    )
    .await;
    assert_eq!(expired.status, 401);
    assert!(expired
        .header("www-authenticate")
        .unwrap_or_default()
        .starts_with("Bearer"));

    let bogus = send(
        &state,
        xapi(
            "GET",
            "/xapi/statements",
            Some("Bearer made-up-token"),
            None,
        ),
    )
    .await;
    assert_eq!(bogus.status, 401);
}

#[tokio::test]
async fn a_session_token_works_for_xapi() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let session = send(
        &state,
        api(
            "POST",
            "/api/sessions",
            None,
            Some(&json!({ "username": "learner", "password": learner.password })),
        ),
    )
    .await;
    let bearer = format!(
        "Bearer {}",
        session.body["token"].as_str().unwrap_or_default()
    );
    let body = statement(&learner.actor(&state), "hangul-1");
    let reply = send(
        &state,
        xapi("POST", "/xapi/statements", Some(&bearer), Some(&body)),
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn learners_write_only_statements_about_themselves() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let other = account(&state, "other", Role::Learner).await;
    let about_other = statement(&other.actor(&state), "hangul-1");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&about_other),
        ),
    )
    .await;
    assert_eq!(reply.status, 403);
    assert!(
        reply.error().contains("your own account"),
        "{}",
        reply.error()
    );

    let by_mbox = statement(&json!({ "mbox": "mailto:learner@example.com" }), "hangul-1");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&by_mbox),
        ),
    )
    .await;
    assert_eq!(reply.status, 403);

    // A batch with one foreign statement stores nothing.
    let mut own = statement(&learner.actor(&state), "hangul-2");
    own["id"] = json!(id(1));
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!([own, about_other])),
        ),
    )
    .await;
    assert_eq!(reply.status, 403);
    let lookup = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(1)),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(lookup.status, 404);
}

#[tokio::test]
async fn learners_read_only_their_own_statements() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let other = account(&state, "other", Role::Learner).await;
    post_own(&state, &learner, 1).await;
    post_own(&state, &other, 2).await;

    let list = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(ids_of(&list.body), vec![id(1)]);
    let single = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(2)),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    // Answered exactly like an id nobody used: existence is not revealed.
    assert_eq!(single.status, 404);
    assert_eq!(single.error(), format!("no statement has id {}", id(2)));
    let other_agent = xapi_support::encode(&other.actor(&state).to_string());
    let filtered = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?agent={other_agent}"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(filtered.status, 200);
    assert_eq!(ids_of(&filtered.body), Vec::<String>::new());
}

#[tokio::test]
async fn learners_void_only_their_own_statements() {
    let state = state();
    let learner = account(&state, "learner", Role::Learner).await;
    let other = account(&state, "other", Role::Learner).await;
    post_own(&state, &other, 2).await;
    let voiding = json!({
        "id": id(3),
        "actor": learner.actor(&state),
        "verb": { "id": "http://adlnet.gov/expapi/verbs/voided" },
        "object": { "objectType": "StatementRef", "id": id(2) }
    });
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&voiding),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body["invalid"][0]["id"],
        json!(id(3)),
        "{}",
        reply.body
    );
    assert!(reply
        .error()
        .contains("only void statements of its own actor"));
    let still_there = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(2)),
            Some(&other.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(still_there.status, 200);
}

#[tokio::test]
async fn teachers_read_the_learners_of_their_classes_only() {
    let state = state();
    let teacher = account(&state, "teacher", Role::Teacher).await;
    let other_teacher = account(&state, "other-teacher", Role::Teacher).await;
    let pupil = account(&state, "pupil", Role::Learner).await;
    let stranger = account(&state, "stranger", Role::Learner).await;
    let class = create_class_for(&*state.store, teacher.record.id, "korean 1", None).unwrap();
    state
        .store
        .add_class_member(class.id, pupil.record.id, None)
        .unwrap();
    let other_class =
        create_class_for(&*state.store, other_teacher.record.id, "maths", None).unwrap();
    state
        .store
        .add_class_member(other_class.id, stranger.record.id, None)
        .unwrap();
    post_own(&state, &pupil, 1).await;
    post_own(&state, &stranger, 2).await;

    let list = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&teacher.basic()), None),
    )
    .await;
    assert_eq!(ids_of(&list.body), vec![id(1)]);
    let pupil_statement = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(1)),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(pupil_statement.status, 200);
    let stranger_statement = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(2)),
            Some(&teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(stranger_statement.status, 404);
    assert_eq!(
        stranger_statement.error(),
        format!("no statement has id {}", id(2))
    );

    let other_list = send(
        &state,
        xapi(
            "GET",
            "/xapi/statements",
            Some(&other_teacher.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(ids_of(&other_list.body), vec![id(2)]);

    // Teachers cannot write statements about their learners.
    let about_pupil = statement(&pupil.actor(&state), "hangul-9");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&teacher.basic()),
            Some(&about_pupil),
        ),
    )
    .await;
    assert_eq!(reply.status, 403);
}

#[tokio::test]
async fn admins_write_any_actor_and_are_the_authority() {
    let state = state();
    let admin = account(&state, "admin", Role::Admin).await;
    let learner = account(&state, "learner", Role::Learner).await;
    let mut imported = statement(
        &json!({ "mbox": "mailto:imported@example.com" }),
        "hangul-1",
    );
    imported["id"] = json!(id(1));
    imported["authority"] = json!({ "mbox": "mailto:someone-else@example.com" });
    let mut for_learner = statement(&learner.actor(&state), "hangul-2");
    for_learner["id"] = json!(id(2));
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&admin.basic()),
            Some(&json!([imported, for_learner])),
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);

    let stored = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(1)),
            Some(&admin.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(stored.body["authority"], admin.actor(&state));
    let list = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&admin.basic()), None),
    )
    .await;
    assert_eq!(ids_of(&list.body), vec![id(1), id(2)]);
    // The learner sees the statement the admin wrote about them.
    let own = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&learner.basic()), None),
    )
    .await;
    assert_eq!(ids_of(&own.body), vec![id(2)]);
}

#[tokio::test]
async fn another_learners_token_neither_reads_nor_writes_for_them() {
    let state = state();
    let owner = account(&state, "owner", Role::Learner).await;
    let intruder = account(&state, "intruder", Role::Learner).await;
    post_own(&state, &owner, 1).await;
    let session = send(
        &state,
        api(
            "POST",
            "/api/sessions",
            None,
            Some(&json!({ "username": "intruder", "password": intruder.password })),
        ),
    )
    .await;
    let bearer = format!(
        "Bearer {}",
        session.body["token"].as_str().unwrap_or_default()
    );

    let read = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={}", id(1)),
            Some(&bearer),
            None,
        ),
    )
    .await;
    assert_eq!(read.status, 404);
    let list = send(&state, xapi("GET", "/xapi/statements", Some(&bearer), None)).await;
    assert_eq!(ids_of(&list.body), Vec::<String>::new());
    let write = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&bearer),
            Some(&statement(&owner.actor(&state), "hangul-2")),
        ),
    )
    .await;
    assert_eq!(write.status, 403);
}
