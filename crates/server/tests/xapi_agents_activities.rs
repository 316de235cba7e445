//! The Agents and Activities resources over HTTP (Communication 2.4, 2.5), each test named
//! after the requirement it checks. On SQLite, and on PostgreSQL in the second pass.

mod xapi_support;

use baeum_server::store::Role;
use serde_json::{json, Value};
use xapi_support::{account, encode, send, state, statement, xapi};

#[tokio::test]
async fn agents_2_4_the_person_of_a_readable_agent_and_403_for_another() {
    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let bora = account(&state, "bora", Role::Learner).await;
    let own = format!(
        "/xapi/agents?agent={}",
        encode(&ana.actor(&state).to_string())
    );
    let reply = send(&state, xapi("GET", &own, Some(&ana.basic()), None)).await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body["objectType"], "Person");
    assert_eq!(reply.body["account"], json!([ana.actor(&state)["account"]]));
    assert!(reply.header("etag").is_some(), "3.1.s4.b1");

    // 2.4.s3.b2: another learner's person is refused.
    let reply = send(&state, xapi("GET", &own, Some(&bora.basic()), None)).await;
    assert_eq!(reply.status, 403);

    // 2.4.s3.b3: an agent the store has never seen is still a Person of itself (for an admin,
    // who may read anyone).
    let admin = account(&state, "admin", Role::Admin).await;
    let stranger = json!({"mbox": "mailto:someone@elsewhere.example"});
    let uri = format!("/xapi/agents?agent={}", encode(&stranger.to_string()));
    let reply = send(&state, xapi("GET", &uri, Some(&admin.basic()), None)).await;
    assert_eq!(
        reply.body,
        json!({"objectType": "Person", "mbox": ["mailto:someone@elsewhere.example"]})
    );

    // 1.1: HEAD answers as GET without a body.
    let reply = send(&state, xapi("HEAD", &own, Some(&ana.basic()), None)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, Value::Null);

    // The parameter is an Agent in JSON, required, and alone.
    for bad in [
        "/xapi/agents".to_owned(),
        "/xapi/agents?agent=ana".to_owned(),
        format!("{own}&since=2026-01-01T00:00:00Z"),
    ] {
        let reply = send(&state, xapi("GET", &bad, Some(&ana.basic()), None)).await;
        assert_eq!(reply.status, 400, "{bad}");
    }
}

#[tokio::test]
async fn activities_2_5_the_definition_from_readable_statements_or_the_bare_activity() {
    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let bora = account(&state, "bora", Role::Learner).await;
    let activity = "https://baeum.example/lessons/hangul-1";
    let uri = format!("/xapi/activities?activityId={}", encode(activity));

    // 2.5.s2.b1: nothing known yet, still an Activity object.
    let reply = send(&state, xapi("GET", &uri, Some(&ana.basic()), None)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body,
        json!({"objectType": "Activity", "id": activity})
    );

    let body = statement(&ana.actor(&state), "hangul-1");
    let reply = send(
        &state,
        xapi("POST", "/xapi/statements", Some(&ana.basic()), Some(&body)),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);

    let reply = send(&state, xapi("GET", &uri, Some(&ana.basic()), None)).await;
    assert_eq!(reply.body["definition"], json!({"name": {"ko": "수업"}}));
    assert!(reply.header("etag").is_some());
    // Another learner is not shown a definition taken from Ana's statements.
    let reply = send(&state, xapi("GET", &uri, Some(&bora.basic()), None)).await;
    assert_eq!(
        reply.body,
        json!({"objectType": "Activity", "id": activity})
    );

    let reply = send(
        &state,
        xapi(
            "GET",
            "/xapi/activities?activityId=not%20an%20iri",
            Some(&ana.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
}

/// Communication 1.1: every resource that answers GET answers HEAD with the same status and
/// headers and no body; 2.1.3.s2.b5: the Statement Resource's answers carry
/// `X-Experience-API-Consistent-Through`, errors included.
#[tokio::test]
async fn head_requests_answer_like_get_without_a_body() {
    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    for uri in [
        "/xapi/statements".to_owned(),
        "/xapi/about".to_owned(),
        format!(
            "/xapi/activities?activityId={}",
            encode("https://baeum.example/lessons/hangul-1")
        ),
    ] {
        let get = send(&state, xapi("GET", &uri, Some(&ana.basic()), None)).await;
        let head = send(&state, xapi("HEAD", &uri, Some(&ana.basic()), None)).await;
        assert_eq!(get.status, 200, "{uri}");
        assert_eq!(head.status, 200, "{uri}");
        assert_eq!(head.body, Value::Null, "{uri}: no body");
        assert_eq!(
            head.header("x-experience-api-version"),
            get.header("x-experience-api-version")
        );
        assert_eq!(
            head.header("content-type"),
            get.header("content-type"),
            "{uri}"
        );
    }
    let refused = send(
        &state,
        xapi(
            "GET",
            "/xapi/statements?colour=blue",
            Some(&ana.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(refused.status, 400);
    assert!(refused
        .header("x-experience-api-consistent-through")
        .is_some());
}
