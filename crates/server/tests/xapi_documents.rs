//! The xAPI document resources over HTTP (State, Agent Profile, Activity Profile): each test
//! is named after the requirement of Communication 2.2–2.7 or 3.1 it checks, or the
//! permission rule of `xapi_routes/documents.rs`. On SQLite, and on PostgreSQL in the second
//! pass.

mod xapi_support;

use axum::body::Body;
use axum::http::Request;
use baeum_server::accounts::create_class_for;
use baeum_server::store::Role;
use baeum_server::AppState;
use serde_json::{json, Value};
use xapi_support::{account, encode, send, state, Reply, TestAccount};

const ACTIVITY: &str = "https://school.example/tools/quiz/7";

/// A document request with the version header, and a body of its own type when given.
fn request(
    method: &str,
    uri: &str,
    caller: &TestAccount,
    body: Option<(&str, &[u8])>,
    extra_headers: &[(&str, &str)],
) -> Request<Body> {
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .header("x-experience-api-version", "2.0.0")
        .header("authorization", caller.basic());
    for (name, value) in extra_headers {
        builder = builder.header(*name, *value);
    }
    match body {
        Some((content_type, bytes)) => builder
            .header("content-type", content_type)
            .body(Body::from(bytes.to_vec())),
        None => builder.body(Body::empty()),
    }
    .expect("a test request")
}

fn state_uri(state: &AppState, owner: &TestAccount, rest: &str) -> String {
    format!(
        "/xapi/activities/state?activityId={}&agent={}{rest}",
        encode(ACTIVITY),
        encode(&owner.actor(state).to_string())
    )
}

fn agent_profile_uri(state: &AppState, owner: &TestAccount, rest: &str) -> String {
    format!(
        "/xapi/agents/profile?agent={}{rest}",
        encode(&owner.actor(state).to_string())
    )
}

fn activity_profile_uri(rest: &str) -> String {
    format!(
        "/xapi/activities/profile?activityId={}{rest}",
        encode(ACTIVITY)
    )
}

async fn put_json(state: &AppState, uri: &str, caller: &TestAccount, body: &Value) -> Reply {
    let bytes = body.to_string();
    send(
        state,
        request(
            "PUT",
            uri,
            caller,
            Some(("application/json", bytes.as_bytes())),
            &[],
        ),
    )
    .await
}

async fn get(state: &AppState, uri: &str, caller: &TestAccount) -> Reply {
    send(state, request("GET", uri, caller, None, &[])).await
}

#[tokio::test]
async fn state_2_3_put_then_get_returns_the_document_with_its_type_etag_and_last_modified() {
    let state = state();
    let learner = account(&state, "ana", Role::Learner).await;
    let uri = state_uri(&state, &learner, "&stateId=bookmark");
    let reply = send(
        &state,
        request("PUT", &uri, &learner, Some(("text/plain", b"page 7")), &[]),
    )
    .await;
    assert_eq!(reply.status, 204, "{:?}", reply.body);

    let reply = get(&state, &uri, &learner).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, json!("page 7"));
    assert_eq!(reply.header("content-type"), Some("text/plain"));
    // 3.1.s4.b2 and b4: the quoted, lowercase hexadecimal SHA-1 of the contents.
    let etag = "\"4259236192d8191ee1b831025e87b45d29c42a40\"";
    assert_eq!(reply.header("etag"), Some(etag));
    assert!(reply.header("last-modified").is_some(), "2.2.s6.b1");
    assert_eq!(reply.header("x-experience-api-version"), Some("2.0.0"));

    // 1.1: HEAD answers as GET without a body.
    let reply = send(&state, request("HEAD", &uri, &learner, None, &[])).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, Value::Null);
    assert_eq!(reply.header("etag"), Some(etag));
}

#[tokio::test]
async fn state_2_3_s4_get_without_state_id_lists_ids_since_a_time() {
    let state = state();
    let learner = account(&state, "ana", Role::Learner).await;
    for id in ["b", "a"] {
        let reply = put_json(
            &state,
            &state_uri(&state, &learner, &format!("&stateId={id}")),
            &learner,
            &json!({"id": id}),
        )
        .await;
        assert_eq!(reply.status, 204);
    }
    let reply = get(&state, &state_uri(&state, &learner, ""), &learner).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, json!(["a", "b"]));
    assert!(
        reply.header("etag").is_some(),
        "3.1.s4.b1: every GET has an ETag"
    );
    assert!(reply.header("last-modified").is_some(), "2.2.s6.b2");

    let future = encode("2999-01-01T00:00:00Z");
    let reply = get(
        &state,
        &state_uri(&state, &learner, &format!("&since={future}")),
        &learner,
    )
    .await;
    assert_eq!(
        reply.body,
        json!([]),
        "since is exclusive and later than both"
    );
}

#[tokio::test]
async fn state_2_3_s3_registration_scopes_documents_apart() {
    let state = state();
    let learner = account(&state, "ana", Role::Learner).await;
    let registration = "&registration=0190f0a4-7b1c-7d2e-8f30-000000000001";
    let with = state_uri(&state, &learner, &format!("{registration}&stateId=s"));
    let without = state_uri(&state, &learner, "&stateId=s");
    assert_eq!(
        put_json(&state, &with, &learner, &json!({"r": 1}))
            .await
            .status,
        204
    );
    assert_eq!(get(&state, &without, &learner).await.status, 404);
    assert_eq!(get(&state, &with, &learner).await.body, json!({"r": 1}));
}

#[tokio::test]
async fn state_2_3_s5_delete_without_state_id_deletes_the_whole_context() {
    let state = state();
    let learner = account(&state, "ana", Role::Learner).await;
    for id in ["one", "two"] {
        let uri = state_uri(&state, &learner, &format!("&stateId={id}"));
        assert_eq!(
            put_json(&state, &uri, &learner, &json!({})).await.status,
            204
        );
    }
    let reply = send(
        &state,
        request(
            "DELETE",
            &state_uri(&state, &learner, ""),
            &learner,
            None,
            &[],
        ),
    )
    .await;
    assert_eq!(reply.status, 204);
    let reply = get(&state, &state_uri(&state, &learner, ""), &learner).await;
    assert_eq!(reply.body, json!([]));
}

#[tokio::test]
async fn json_procedure_2_2_s7_post_merges_and_2_2_s8_refuses_non_json() {
    let state = state();
    let learner = account(&state, "ana", Role::Learner).await;
    let uri = agent_profile_uri(&state, &learner, "&profileId=settings");
    let post = |body: &'static [u8], content_type: &'static str| {
        send(
            &state,
            request("POST", &uri, &learner, Some((content_type, body)), &[]),
        )
    };
    assert_eq!(
        post(br#"{"x":"foo","y":"bar"}"#, "application/json")
            .await
            .status,
        204
    );
    assert_eq!(
        post(br#"{"x":"bash","z":"faz"}"#, "application/json")
            .await
            .status,
        204
    );
    let reply = get(&state, &uri, &learner).await;
    assert_eq!(reply.body, json!({"x": "bash", "y": "bar", "z": "faz"}));

    // 2.2.s8.b1: a posted document that is not a JSON object is 400, and nothing changes.
    assert_eq!(post(b"[1, 2]", "application/json").await.status, 400);
    assert_eq!(post(b"plain", "text/plain").await.status, 400);
    assert_eq!(
        get(&state, &uri, &learner).await.body,
        json!({"x": "bash", "y": "bar", "z": "faz"})
    );
}

#[tokio::test]
async fn concurrency_3_1_profiles_need_a_matching_etag_to_be_replaced() {
    let state = state();
    let teacher = account(&state, "kim", Role::Teacher).await;
    let uri = activity_profile_uri("&profileId=rubric");
    let none_match = [("if-none-match", "*")];
    let first = br#"{"v":1}"#;
    let reply = send(
        &state,
        request(
            "PUT",
            &uri,
            &teacher,
            Some(("application/json", first)),
            &none_match,
        ),
    )
    .await;
    assert_eq!(reply.status, 204, "{:?}", reply.body);

    // 3.1.s4.b6: If-None-Match: * over an existing document is 412.
    let reply = send(
        &state,
        request(
            "PUT",
            &uri,
            &teacher,
            Some(("application/json", first)),
            &none_match,
        ),
    )
    .await;
    assert_eq!(reply.status, 412);

    // 3.1.s4.b13: a PUT without either header over an existing profile is 409, explained.
    let reply = put_json(&state, &uri, &teacher, &json!({"v": 2})).await;
    assert_eq!(reply.status, 409);
    assert!(reply.error().contains("If-Match"), "{:?}", reply.body);

    // 3.1.s4.b5, b9, b10: a stale ETag is 412 and changes nothing; the current one writes.
    let etag = get(&state, &uri, &teacher)
        .await
        .header("etag")
        .expect("an ETag")
        .to_owned();
    let stale = [("if-match", "\"0000000000000000000000000000000000000000\"")];
    let second = br#"{"v":2}"#;
    let reply = send(
        &state,
        request(
            "PUT",
            &uri,
            &teacher,
            Some(("application/json", second)),
            &stale,
        ),
    )
    .await;
    assert_eq!(reply.status, 412);
    assert_eq!(get(&state, &uri, &teacher).await.body, json!({"v": 1}));
    let current = [("if-match", etag.as_str())];
    let reply = send(
        &state,
        request(
            "PUT",
            &uri,
            &teacher,
            Some(("application/json", second)),
            &current,
        ),
    )
    .await;
    assert_eq!(reply.status, 204);
    assert_eq!(get(&state, &uri, &teacher).await.body, json!({"v": 2}));

    // 3.1.s4.b7: DELETE with a stale If-Match is refused.
    let reply = send(&state, request("DELETE", &uri, &teacher, None, &stale)).await;
    assert_eq!(reply.status, 412);
    let reply = send(&state, request("DELETE", &uri, &teacher, None, &[])).await;
    assert_eq!(reply.status, 204);
    assert_eq!(get(&state, &uri, &teacher).await.status, 404);
}

#[tokio::test]
async fn parameters_are_checked_agent_as_json_registration_as_uuid_no_unknown_ones() {
    let state = state();
    let learner = account(&state, "ana", Role::Learner).await;
    for uri in [
        format!(
            "/xapi/activities/state?activityId={}&agent=ana&stateId=x",
            encode(ACTIVITY)
        ),
        state_uri(&state, &learner, "&stateId=x&registration=42"),
        state_uri(&state, &learner, "&stateId=x&colour=blue"),
        state_uri(&state, &learner, "&stateId=x&stateId=y"),
        format!(
            "/xapi/activities/state?agent={}&stateId=x",
            encode(&learner.actor(&state).to_string())
        ),
        agent_profile_uri(&state, &learner, "&profileId=p&since=yesterday"),
    ] {
        let reply = get(&state, &uri, &learner).await;
        assert_eq!(reply.status, 400, "{uri}: {:?}", reply.body);
    }
}

#[tokio::test]
async fn learners_keep_their_own_documents_and_teachers_read_their_classes() {
    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let bora = account(&state, "bora", Role::Learner).await;
    let teacher = account(&state, "kim", Role::Teacher).await;
    let other_teacher = account(&state, "lee", Role::Teacher).await;
    let class =
        create_class_for(&*state.store, teacher.record.id, "korean 1", None).expect("a class");
    state
        .store
        .add_class_member(class.id, ana.record.id, None)
        .expect("a member");

    let uri = state_uri(&state, &ana, "&stateId=progress");
    assert_eq!(
        put_json(&state, &uri, &ana, &json!({"page": 3}))
            .await
            .status,
        204
    );

    // Another learner neither reads nor writes them.
    assert_eq!(get(&state, &uri, &bora).await.status, 403);
    assert_eq!(put_json(&state, &uri, &bora, &json!({})).await.status, 403);
    let profile = agent_profile_uri(&state, &ana, "&profileId=p");
    assert_eq!(
        put_json(&state, &profile, &bora, &json!({})).await.status,
        403
    );
    // Her teacher reads, but does not write; another teacher does neither.
    assert_eq!(get(&state, &uri, &teacher).await.body, json!({"page": 3}));
    assert_eq!(
        put_json(&state, &uri, &teacher, &json!({})).await.status,
        403
    );
    assert_eq!(get(&state, &uri, &other_teacher).await.status, 403);
    // Learners read an activity's profile but do not change it.
    let activity = activity_profile_uri("&profileId=rubric");
    assert_eq!(
        put_json(&state, &activity, &ana, &json!({})).await.status,
        403
    );
    assert_eq!(
        put_json(&state, &activity, &teacher, &json!({"r": 1}))
            .await
            .status,
        204
    );
    assert_eq!(get(&state, &activity, &ana).await.body, json!({"r": 1}));
    // Without credentials, nothing.
    let reply = send(
        &state,
        Request::builder()
            .uri(&uri)
            .header("x-experience-api-version", "2.0.0")
            .body(Body::empty())
            .expect("a request"),
    )
    .await;
    assert_eq!(reply.status, 401);
}

#[tokio::test]
async fn documents_are_deleted_with_the_account() {
    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let teacher = account(&state, "kim", Role::Teacher).await;
    let uri = agent_profile_uri(&state, &ana, "&profileId=p");
    assert_eq!(
        put_json(&state, &uri, &ana, &json!({"a": 1})).await.status,
        204
    );
    let state_document = state_uri(&state, &ana, "&stateId=s");
    assert_eq!(
        put_json(&state, &state_document, &ana, &json!({}))
            .await
            .status,
        204
    );
    let activity = activity_profile_uri("&profileId=kept");
    assert_eq!(
        put_json(&state, &activity, &teacher, &json!({}))
            .await
            .status,
        204
    );

    let actor_key = format!("account:{}|{}", state.account_home_page, ana.record.id);
    assert!(state
        .store
        .delete_account(ana.record.id, &actor_key)
        .expect("deleted"));
    let admin = account(&state, "admin", Role::Admin).await;
    assert_eq!(get(&state, &uri, &admin).await.status, 404);
    assert_eq!(get(&state, &state_document, &admin).await.status, 404);
    assert_eq!(
        get(&state, &activity, &admin).await.status,
        200,
        "not the learner's"
    );
}

#[tokio::test]
async fn a_document_past_the_size_limit_is_413_and_nothing_is_stored() {
    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let uri = state_uri(&state, &ana, "&stateId=big");
    let big = vec![b'a'; 256 * 1024 + 1];
    let reply = send(
        &state,
        request(
            "PUT",
            &uri,
            &ana,
            Some(("application/octet-stream", &big)),
            &[],
        ),
    )
    .await;
    assert_eq!(reply.status, 413);
    assert_eq!(get(&state, &uri, &ana).await.status, 404);
}

/// Two instances (`xapi_support::two_instances`) judge writes with the same ETag one after
/// the other: exactly one wins, the others see a changed document.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrency_3_1_of_writers_sending_one_etag_exactly_one_wins() {
    let instances = xapi_support::two_instances();
    let teacher = account(&instances[0], "kim", Role::Teacher).await;
    const WRITERS: usize = 24;
    for round in 0..4 {
        let uri = activity_profile_uri(&format!("&profileId=shared-{round}"));
        let reply = put_json(&instances[0], &uri, &teacher, &json!({"v": 0})).await;
        assert_eq!(reply.status, 204);
        let etag = get(&instances[0], &uri, &teacher)
            .await
            .header("etag")
            .expect("an ETag")
            .to_owned();
        let start = std::sync::Arc::new(tokio::sync::Barrier::new(WRITERS));
        let writers: Vec<_> = (0..WRITERS)
            .map(|writer| {
                let state = instances[writer % 2].clone();
                let (uri, etag, basic) = (uri.clone(), etag.clone(), teacher.basic());
                let start = std::sync::Arc::clone(&start);
                tokio::spawn(async move {
                    let body = json!({ "v": writer + 1 }).to_string();
                    let request = Request::builder()
                        .method("PUT")
                        .uri(&uri)
                        .header("x-experience-api-version", "2.0.0")
                        .header("authorization", basic)
                        .header("if-match", etag)
                        .header("content-type", "application/json")
                        .body(Body::from(body))
                        .expect("a request");
                    start.wait().await;
                    send(&state, request).await.status.as_u16()
                })
            })
            .collect();
        let mut wins = 0;
        for writer in writers {
            match writer.await.expect("a writer") {
                204 => wins += 1,
                412 => {}
                other => panic!("round {round}: a writer got {other}"),
            }
        }
        assert_eq!(wins, 1, "round {round}: exactly one writer wins");
    }
}

#[tokio::test]
async fn an_agent_keeps_at_most_the_limit_of_documents() {
    use baeum_core::xapi::documents::{DocumentResource, DocumentScope, MAX_DOCUMENTS_PER_OWNER};
    use baeum_server::store::{Document, DocumentOutcome, DocumentScopeKey, DocumentWrite};

    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let agent: baeum_core::xapi::Actor =
        baeum_core::xapi::validate_actor(&ana.actor(&state)).expect("an agent");
    let baeum_core::xapi::Actor::Agent(agent) = agent else {
        panic!("an agent")
    };
    let scope = DocumentScopeKey::of(&DocumentScope {
        resource: DocumentResource::State,
        activity_id: Some(ACTIVITY.to_owned()),
        agent: Some(agent),
        registration: None,
    });
    let store = state.store.clone();
    let write = move |id: usize| {
        store
            .write_document(
                &scope.document(&format!("d{id}")),
                DocumentWrite::Put(Document {
                    content_type: "application/json".into(),
                    contents: b"{}".to_vec(),
                }),
                None,
                None,
                chrono::Utc::now(),
            )
            .expect("the store answers")
    };
    let outcomes = tokio::task::spawn_blocking(move || {
        let filled: Vec<_> = (0..MAX_DOCUMENTS_PER_OWNER).map(&write).collect();
        (filled, write(MAX_DOCUMENTS_PER_OWNER), write(0))
    })
    .await
    .expect("the writes");
    assert!(outcomes
        .0
        .iter()
        .all(|outcome| *outcome == DocumentOutcome::Done));
    assert_eq!(
        outcomes.1,
        DocumentOutcome::OwnerFull,
        "one more is refused"
    );
    assert_eq!(
        outcomes.2,
        DocumentOutcome::Done,
        "replacing one still works"
    );

    // Over HTTP the refusal is 403, with the limit in words.
    let uri = state_uri(&state, &ana, "&stateId=one-more");
    let reply = put_json(&state, &uri, &ana, &json!({})).await;
    assert_eq!(reply.status, 403);
    assert!(reply.error().contains("1000"), "{:?}", reply.body);
}

#[tokio::test]
async fn an_agents_documents_hold_at_most_the_byte_limit_together() {
    use baeum_core::xapi::documents::{
        DocumentResource, DocumentScope, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES_PER_OWNER,
    };
    use baeum_server::store::{Document, DocumentOutcome, DocumentScopeKey, DocumentWrite};

    let state = state();
    let ana = account(&state, "ana", Role::Learner).await;
    let baeum_core::xapi::Actor::Agent(agent) =
        baeum_core::xapi::validate_actor(&ana.actor(&state)).expect("an agent")
    else {
        panic!("an agent")
    };
    let scope = DocumentScopeKey::of(&DocumentScope {
        // The State resource replaces without a precondition (3.1.s3).
        resource: DocumentResource::State,
        activity_id: Some(ACTIVITY.to_owned()),
        agent: Some(agent),
        registration: None,
    });
    let store = state.store.clone();
    let write = move |id: usize, size: usize| {
        store
            .write_document(
                &scope.document(&format!("p{id}")),
                DocumentWrite::Put(Document {
                    content_type: "application/octet-stream".into(),
                    contents: vec![b'x'; size],
                }),
                None,
                None,
                chrono::Utc::now(),
            )
            .expect("the store answers")
    };
    let fitting = MAX_DOCUMENT_BYTES_PER_OWNER / MAX_DOCUMENT_BYTES;
    let outcomes = tokio::task::spawn_blocking(move || {
        let filled: Vec<_> = (0..fitting)
            .map(|id| write(id, MAX_DOCUMENT_BYTES))
            .collect();
        (
            filled,
            write(fitting, 1),
            write(0, MAX_DOCUMENT_BYTES / 2),
            write(fitting, MAX_DOCUMENT_BYTES / 2),
        )
    })
    .await
    .expect("the writes");
    assert!(outcomes
        .0
        .iter()
        .all(|outcome| *outcome == DocumentOutcome::Done));
    assert_eq!(outcomes.1, DocumentOutcome::OwnerFull, "not one byte more");
    assert_eq!(
        outcomes.2,
        DocumentOutcome::Done,
        "a smaller replacement frees room"
    );
    assert_eq!(
        outcomes.3,
        DocumentOutcome::Done,
        "which a new document can use"
    );
}
