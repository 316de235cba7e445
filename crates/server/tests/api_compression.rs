//! API answers are compressed for clients that accept it: a learner's pull is mostly repeated
//! JSON keys, and they pay for every byte.

mod xapi_support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use baeum_server::{app, Config};
use tower::ServiceExt;

#[tokio::test]
async fn json_answers_are_gzip_compressed_when_accepted() {
    let root = tempfile::tempdir().expect("a temporary folder");
    let state = xapi_support::engine::state(Config {
        dist_dir: root.path().join("dist"),
        content_dir: root.path().join("content"),
        data_dir: root.path().join("data"),
        transport: Default::default(),
    });
    let request = Request::post("/api/accounts")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::from(
            r#"{"username":"compressed-learner","password":"a long enough password","role":"learner"}"#,
        ))
        .expect("a request");
    let response = app(state).oneshot(request).await.expect("a response");
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(
        response
            .headers()
            .get(header::CONTENT_ENCODING)
            .and_then(|value| value.to_str().ok()),
        Some("gzip")
    );
}
