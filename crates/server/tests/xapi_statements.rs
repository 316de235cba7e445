//! Writing and reading single statements through the xAPI Statement Resource: status codes,
//! headers, idempotency, validation errors, body limits and encodings.

mod xapi_support;

use std::io::Write;

use axum::body::Body;
use axum::http::Request;
use baeum_server::store::Role;
use baeum_server::xapi_routes::MAX_BODY_BYTES;
use serde_json::{json, Value};
use xapi_support::{account, send, state, statement, xapi, TestAccount};

const ID: &str = "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f";

async fn learner(state: &baeum_server::AppState) -> TestAccount {
    account(state, "learner", Role::Learner).await
}

#[tokio::test]
async fn about_needs_no_version_header_and_no_credentials() {
    let state = state();
    let request = Request::builder()
        .uri("/xapi/about")
        .body(Body::empty())
        .unwrap();
    let reply = send(&state, request).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, json!({ "version": ["2.0.0"] }));
    assert_eq!(reply.header("x-experience-api-version"), Some("2.0.0"));
}

#[tokio::test]
async fn the_version_header_is_required_and_checked() {
    let state = state();
    let learner = learner(&state).await;
    let missing = Request::builder()
        .uri("/xapi/statements")
        .header("authorization", learner.basic())
        .body(Body::empty())
        .unwrap();
    let reply = send(&state, missing).await;
    assert_eq!(reply.status, 400);
    assert!(reply
        .error()
        .contains("x-experience-api-version header is required"));
    assert_eq!(reply.header("x-experience-api-version"), Some("2.0.0"));

    for (version, status) in [
        ("1.1.0", 400),
        ("0.95", 400),
        ("2.0.0", 200),
        ("1.0.3", 200),
        ("1.0", 200),
    ] {
        let request = Request::builder()
            .uri("/xapi/statements")
            .header("authorization", learner.basic())
            .header("x-experience-api-version", version)
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(&state, request).await.status, status, "{version}");
    }
}

#[tokio::test]
async fn post_then_get_returns_the_statement_with_lrs_properties() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["id"] = json!(ID);
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body, json!([ID]));
    assert_eq!(reply.header("x-experience-api-version"), Some("2.0.0"));
    assert!(reply
        .header("x-experience-api-consistent-through")
        .is_some());

    let reply = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={ID}"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let stored = &reply.body;
    assert_eq!(stored["id"], ID);
    assert_eq!(stored["version"], "2.0.0");
    assert_eq!(stored["timestamp"], "2024-05-01T09:30:00Z");
    assert_eq!(stored["authority"], learner.actor(&state));
    assert_eq!(stored["verb"]["display"], json!({ "en": "completed" }));
    assert_eq!(
        stored["object"]["definition"]["name"],
        json!({ "ko": "수업" })
    );
    let stored_at = stored["stored"].as_str().unwrap_or_default();
    let stored_at = chrono::DateTime::parse_from_rfc3339(stored_at).expect("stored is a timestamp");
    let consistent = reply
        .header("x-experience-api-consistent-through")
        .unwrap_or_default();
    let consistent = chrono::DateTime::parse_from_rfc3339(consistent).expect("consistent-through");
    assert!(consistent >= stored_at);
    let last_modified = reply.header("last-modified").unwrap_or_default().to_owned();
    assert_eq!(
        last_modified,
        stored_at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
    );
}

#[tokio::test]
async fn the_lrs_assigns_missing_ids_and_timestamps() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body.as_object_mut().unwrap().remove("timestamp");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
    let id = reply.body[0].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        uuid::Uuid::parse_str(&id).map(|id| id.get_version_num()),
        Ok(7)
    );
    let reply = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={id}"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.body["timestamp"], reply.body["stored"]);
}

#[tokio::test]
async fn put_is_idempotent_and_conflicts_on_a_different_body() {
    let state = state();
    let learner = learner(&state).await;
    let body = statement(&learner.actor(&state), "hangul-1");
    let uri = format!("/xapi/statements?statementId={ID}");
    let first = send(
        &state,
        xapi("PUT", &uri, Some(&learner.basic()), Some(&body)),
    )
    .await;
    assert_eq!(first.status, 204, "{:?}", first.body);
    assert_eq!(first.body, Value::Null);
    let stored_first = send(&state, xapi("GET", &uri, Some(&learner.basic()), None))
        .await
        .body;

    // The same statement again, with a different display and definition (not part of the
    // statement) and the id in the body: accepted, nothing changes.
    let mut again = body.clone();
    again["id"] = json!(ID);
    again["verb"]["display"] = json!({ "ko": "완료함" });
    assert_eq!(
        send(
            &state,
            xapi("PUT", &uri, Some(&learner.basic()), Some(&again))
        )
        .await
        .status,
        204
    );
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&again),
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, json!([ID]));
    let stored_after = send(&state, xapi("GET", &uri, Some(&learner.basic()), None))
        .await
        .body;
    assert_eq!(
        stored_first, stored_after,
        "an identical re-send must not modify anything"
    );

    let mut different = body;
    different["result"]["score"]["scaled"] = json!(0.1);
    let reply = send(
        &state,
        xapi("PUT", &uri, Some(&learner.basic()), Some(&different)),
    )
    .await;
    assert_eq!(reply.status, 409);
    assert!(reply.error().contains(ID));
    different["id"] = json!(ID);
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&different),
        ),
    )
    .await;
    assert_eq!(reply.status, 409);
}

#[tokio::test]
async fn put_needs_a_matching_statement_id() {
    let state = state();
    let learner = learner(&state).await;
    let body = statement(&learner.actor(&state), "hangul-1");
    let reply = send(
        &state,
        xapi(
            "PUT",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert!(reply.error().contains("statementId parameter is required"));
    let reply = send(
        &state,
        xapi(
            "PUT",
            "/xapi/statements?statementId=nope",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
    let mut mismatched = body.clone();
    mismatched["id"] = json!("0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e90");
    let reply = send(
        &state,
        xapi(
            "PUT",
            &format!("/xapi/statements?statementId={ID}"),
            Some(&learner.basic()),
            Some(&mismatched),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert!(reply.error().contains("differs"));
    let reply = send(
        &state,
        xapi(
            "PUT",
            &format!("/xapi/statements?statementId={ID}"),
            Some(&learner.basic()),
            Some(&json!([body])),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
}

/// Posts `body` as raw text and returns status and error message.
async fn post_raw(
    state: &baeum_server::AppState,
    learner: &TestAccount,
    body: &str,
) -> (u16, String) {
    let request = Request::builder()
        .method("POST")
        .uri("/xapi/statements")
        .header("x-experience-api-version", "2.0.0")
        .header("authorization", learner.basic())
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let reply = send(state, request).await;
    (reply.status.as_u16(), reply.error().to_owned())
}

/// An edit that makes a valid statement invalid.
type Change = Box<dyn Fn(&mut Value)>;

#[tokio::test]
async fn invalid_statements_are_400_with_the_property_path() {
    let state = state();
    let learner = learner(&state).await;
    let valid = statement(&learner.actor(&state), "hangul-1");
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|s| s["id"] = json!("1234")), "id: "),
        (
            Box::new(|s| s["verb"]["id"] = json!("completed")),
            "verb.id: ",
        ),
        (
            Box::new(|s| s["object"]["id"] = json!("lessons/1")),
            "object.id: ",
        ),
        (
            Box::new(|s| s["verb"]["display"] = json!({ "en_US": "completed" })),
            "verb.display.en_US: ",
        ),
        (
            Box::new(|s| s["timestamp"] = json!("2024-05-01T09:30:00")),
            "timestamp: ",
        ),
        (
            Box::new(|s| s["result"]["success"] = json!("true")),
            "result.success: ",
        ),
        (
            Box::new(|s| s["result"]["score"]["scaled"] = json!("0.9")),
            "result.score.scaled: ",
        ),
        (
            Box::new(|s| s["result"]["score"]["scaled"] = json!(2)),
            "result.score.scaled: ",
        ),
        (
            Box::new(|s| s["context"] = json!({ "registration": "abc" })),
            "context.registration: ",
        ),
        (Box::new(|s| s["unknown"] = json!(1)), "unknown: "),
        (
            Box::new(|s| s["actor"]["mbox"] = json!("mailto:x@example.com")),
            "actor: ",
        ),
    ];
    for (change, path) in cases {
        let mut body = valid.clone();
        change(&mut body);
        let reply = send(
            &state,
            xapi(
                "POST",
                "/xapi/statements",
                Some(&learner.basic()),
                Some(&body),
            ),
        )
        .await;
        assert_eq!(reply.status, 400, "{body}");
        assert!(
            reply
                .error()
                .starts_with(&format!("invalid statement: {path}")),
            "expected {path:?} in {:?}",
            reply.error()
        );
    }
    let (status, error) = post_raw(&state, &learner, "{\"actor\": ").await;
    assert_eq!(status, 400);
    assert!(error.starts_with("malformed json"), "{error}");
    let duplicated = r#"{"actor": {"mbox": "mailto:a@example.com"}, "verb": {"id": "http://e.example/v"}, "object": {"id": "http://e.example/a", "id": "http://e.example/b"}}"#;
    let (status, error) = post_raw(&state, &learner, duplicated).await;
    assert_eq!(status, 400);
    assert!(error.contains("appears more than once"), "{error}");
    let (status, _) = post_raw(&state, &learner, "[]").await;
    assert_eq!(status, 400);
    let (status, _) = post_raw(&state, &learner, "\"a statement\"").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_batch_is_all_or_nothing() {
    let state = state();
    let learner = learner(&state).await;
    let good = statement(&learner.actor(&state), "hangul-1");
    let mut bad = statement(&learner.actor(&state), "hangul-2");
    bad["verb"]["id"] = json!("not an iri");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!([good, bad])),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert!(
        reply
            .error()
            .starts_with("invalid statement: statements[1].verb.id: "),
        "{}",
        reply.error()
    );

    let mut first = good.clone();
    first["id"] = json!(ID);
    let mut second = statement(&learner.actor(&state), "hangul-2");
    second["id"] = json!(ID);
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!([first, second])),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert!(reply.error().contains("more than once"));

    // A conflict in the second statement leaves the first one unstored.
    let mut existing = statement(&learner.actor(&state), "hangul-3");
    existing["id"] = json!("0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e90");
    assert_eq!(
        send(
            &state,
            xapi(
                "POST",
                "/xapi/statements",
                Some(&learner.basic()),
                Some(&existing)
            )
        )
        .await
        .status,
        200
    );
    let mut conflicting = existing.clone();
    conflicting["result"]["completion"] = json!(false);
    let mut fresh = statement(&learner.actor(&state), "hangul-4");
    fresh["id"] = json!(ID);
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!([fresh, conflicting])),
        ),
    )
    .await;
    assert_eq!(reply.status, 409);
    let lookup = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={ID}"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(lookup.status, 404);
}

#[tokio::test]
async fn post_returns_ids_in_order() {
    let state = state();
    let learner = learner(&state).await;
    let ids = [
        "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e91",
        "0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e92",
    ];
    let mut first = statement(&learner.actor(&state), "hangul-1");
    first["id"] = json!(ids[1]);
    let mut second = statement(&learner.actor(&state), "hangul-2");
    second["id"] = json!(ids[0]);
    let third = statement(&learner.actor(&state), "hangul-3");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&json!([first, second, third])),
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body[0], ids[1]);
    assert_eq!(reply.body[1], ids[0]);
    assert!(reply.body[2].is_string());
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["result"]["response"] = json!("가".repeat(MAX_BODY_BYTES / 3 + 10));
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 413);
    assert_eq!(reply.header("x-experience-api-version"), Some("2.0.0"));

    // A small gzip body that expands beyond the limit is refused too.
    body["result"]["response"] = json!("a".repeat(MAX_BODY_BYTES + 10));
    let compressed = gzip(body.to_string().as_bytes());
    assert!(compressed.len() < MAX_BODY_BYTES / 10);
    let reply = send(&state, gzip_request(&learner, compressed)).await;
    assert_eq!(reply.status, 413);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn gzip_request(learner: &TestAccount, compressed: Vec<u8>) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri("/xapi/statements")
        .header("x-experience-api-version", "2.0.0")
        .header("authorization", learner.basic())
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body(Body::from(compressed))
        .unwrap()
}

#[tokio::test]
async fn gzip_bodies_are_accepted() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["id"] = json!(ID);
    let reply = send(
        &state,
        gzip_request(&learner, gzip(body.to_string().as_bytes())),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    assert_eq!(reply.body, json!([ID]));

    let corrupt = gzip_request(&learner, b"not gzip at all".to_vec());
    assert_eq!(send(&state, corrupt).await.status, 400);
}

#[tokio::test]
async fn other_content_types_and_encodings_are_refused() {
    let state = state();
    let learner = learner(&state).await;
    let body = statement(&learner.actor(&state), "hangul-1").to_string();
    for (content_type, encoding, status) in [
        ("text/plain", "identity", 400),
        ("multipart/mixed; boundary=x", "identity", 415),
        ("application/json", "br", 415),
        ("application/json; charset=utf-8", "identity", 200),
    ] {
        let request = Request::builder()
            .method("POST")
            .uri("/xapi/statements")
            .header("x-experience-api-version", "2.0.0")
            .header("authorization", learner.basic())
            .header("content-type", content_type)
            .header("content-encoding", encoding)
            .body(Body::from(body.clone()))
            .unwrap();
        assert_eq!(
            send(&state, request).await.status,
            status,
            "{content_type} {encoding}"
        );
    }
}

#[tokio::test]
async fn unknown_and_conflicting_parameters_are_400() {
    let state = state();
    let learner = learner(&state).await;
    let auth = Some(learner.basic());
    for uri in [
        "/xapi/statements?statementid=0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
        "/xapi/statements?method=GET",
        &format!("/xapi/statements?statementId={ID}&voidedStatementId={ID}"),
        &format!("/xapi/statements?statementId={ID}&verb=http://e.example/v"),
        "/xapi/statements?limit=-1",
        "/xapi/statements?limit=2&limit=3",
        "/xapi/statements?format=full",
        "/xapi/statements?ascending=yes",
        "/xapi/statements?since=yesterday",
        "/xapi/statements?since=2024-05-01T00:00:00",
        "/xapi/statements?verb=completed",
        "/xapi/statements?registration=abc",
        "/xapi/statements?agent=%7Bnot%20json",
        "/xapi/statements?agent=%7B%22name%22%3A%22x%22%7D",
        "/xapi/statements?attachments=true",
        "/xapi/statements?more=garbage",
    ] {
        let reply = send(&state, xapi("GET", uri, auth.as_deref(), None)).await;
        assert_eq!(reply.status, 400, "{uri}: {:?}", reply.body);
        assert!(!reply.error().is_empty());
    }
    let body = statement(&learner.actor(&state), "hangul-1");
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements?statementId=x",
            auth.as_deref(),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 400);
}

#[tokio::test]
async fn unknown_ids_are_404() {
    let state = state();
    let learner = learner(&state).await;
    let reply = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={ID}"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("x-experience-api-version"), Some("2.0.0"));
    assert!(reply
        .header("x-experience-api-consistent-through")
        .is_some());
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["id"] = json!(ID);
    send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    let reply = send(
        &state,
        xapi(
            "HEAD",
            &format!("/xapi/statements?statementId={ID}"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, Value::Null);
    assert!(reply.header("last-modified").is_some());
}

#[tokio::test]
async fn format_ids_keeps_only_identifiers() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["id"] = json!(ID);
    body["actor"]["name"] = json!("Min-jun");
    send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    let reply = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={ID}&format=ids"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.body["verb"],
        json!({ "id": "http://adlnet.gov/expapi/verbs/completed" })
    );
    assert_eq!(
        reply.body["object"],
        json!({ "objectType": "Activity", "id": "https://baeum.example/lessons/hangul-1" })
    );
    assert_eq!(reply.body["actor"], learner.actor(&state));
    let exact = send(
        &state,
        xapi(
            "GET",
            &format!("/xapi/statements?statementId={ID}&format=exact"),
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(exact.body["actor"]["name"], "Min-jun");
}

#[tokio::test]
async fn stored_and_authority_from_the_client_are_overwritten() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["id"] = json!(ID);
    body["stored"] = json!("2000-01-01T00:00:00Z");
    body["authority"] = json!({ "mbox": "mailto:principal@example.com" });
    body["context"] = json!({
        "contextActivities": { "parent": { "id": "https://baeum.example/courses/korean-1" } }
    });
    let reply = send(
        &state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&body),
        ),
    )
    .await;
    assert_eq!(reply.status, 200);
    let list = send(
        &state,
        xapi("GET", "/xapi/statements", Some(&learner.basic()), None),
    )
    .await;
    let stored = &list.body["statements"][0];
    assert_ne!(stored["stored"], "2000-01-01T00:00:00Z");
    assert_eq!(stored["authority"], learner.actor(&state));
    assert_eq!(
        stored["context"]["contextActivities"]["parent"],
        json!([{ "objectType": "Activity", "id": "https://baeum.example/courses/korean-1" }])
    );
    let stored_at =
        chrono::DateTime::parse_from_rfc3339(stored["stored"].as_str().unwrap_or_default())
            .expect("stored is a timestamp");
    assert_eq!(
        list.header("last-modified"),
        Some(
            stored_at
                .format("%a, %d %b %Y %H:%M:%S GMT")
                .to_string()
                .as_str()
        )
    );
}

/// Found by the `xapi_statement` fuzz target: serde_json's default float parsing is not
/// correctly rounded for long mantissas, so a stored score read back from its own text could
/// differ in the last bit from the one just parsed, and the same statement posted again (a
/// retried sync) was refused as a conflict. The server parses floats exactly.
#[tokio::test]
async fn the_same_statement_with_a_long_decimal_score_posts_twice() {
    let state = state();
    let learner = learner(&state).await;
    let mut body = statement(&learner.actor(&state), "hangul-1");
    body["id"] = json!(ID);
    body["result"] = json!({ "score": { "min": 10, "max": "MAX" } });
    // Written as text: the number must reach the server with exactly these digits.
    let text = body
        .to_string()
        .replace("\"MAX\"", "1004443.44444444444444400000000000000000000");
    let first = post_raw(&state, &learner, &text).await;
    assert_eq!(first.0, 200, "{}", first.1);
    let again = post_raw(&state, &learner, &text).await;
    assert_eq!(again.0, 200, "the retry was refused: {}", again.1);
}

/// A batch is stored in its order (statements of one stored time come back in the order they
/// were sent, not by id), and a retried statement beside new ones is accepted and stored once:
/// the paths that write a whole batch at once keep both (PostgreSQL's multi-row insert).
#[tokio::test]
async fn a_batch_keeps_its_order_and_a_retry_beside_new_statements_is_stored_once() {
    let state = state();
    let learner = learner(&state).await;
    // Ids in falling order, so an order by id would show.
    let ids: Vec<String> = (0..5)
        .map(|number| format!("0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e{:02x}", 0x90 - number))
        .collect();
    let batch = |numbers: &[usize]| {
        let statements: Vec<Value> = numbers
            .iter()
            .map(|&number| {
                let mut body = statement(&learner.actor(&state), &format!("hangul-{number}"));
                body["id"] = json!(ids[number]);
                body
            })
            .collect();
        json!(statements)
    };
    for numbers in [&[0, 1][..], &[2, 0, 3, 4]] {
        let reply = send(
            &state,
            xapi(
                "POST",
                "/xapi/statements",
                Some(&learner.basic()),
                Some(&batch(numbers)),
            ),
        )
        .await;
        assert_eq!(reply.status, 200, "{:?}", reply.body);
    }
    let reply = send(
        &state,
        xapi(
            "GET",
            "/xapi/statements?ascending=true",
            Some(&learner.basic()),
            None,
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
    let listed: Vec<&str> = reply.body["statements"]
        .as_array()
        .expect("a statement list")
        .iter()
        .map(|statement| statement["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(listed, ids.iter().map(String::as_str).collect::<Vec<_>>());
}
