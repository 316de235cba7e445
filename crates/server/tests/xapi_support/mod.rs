//! Helpers shared by the account and xAPI tests: an in-memory app, accounts, and requests sent
//! with `oneshot` (no sockets).

#![allow(dead_code)]

pub mod engine;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use baeum_server::accounts::create_account;
use baeum_server::store::{AccountRecord, Role};
use baeum_server::{app, AppState, Config};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

/// An app over a database of its own (see [`engine`]); the static directories do not exist,
/// which only matters to static-file routes.
pub fn state() -> AppState {
    engine::state(Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: "/nonexistent/content".into(),
        data_dir: "/nonexistent/data".into(),
        transport: Default::default(),
    })
}

/// Two server instances on one database of their own (two pools on PostgreSQL, each with its
/// own process state); on SQLite, a school's one process, both share the one store (two
/// processes on one SQLite file share its lock but not the clock of batches in flight).
pub fn two_instances() -> [AppState; 2] {
    let database = engine::SharedDatabase::new();
    let first = database.open();
    let second = if engine::on_postgres() {
        database.open()
    } else {
        std::sync::Arc::clone(&first)
    };
    [first, second].map(|store| {
        AppState::with_store(
            Config {
                dist_dir: "/nonexistent/dist".into(),
                content_dir: "/nonexistent/content".into(),
                data_dir: "/nonexistent/data".into(),
                transport: Default::default(),
            },
            store,
            baeum_server::cheap_password_params(),
        )
    })
}

/// A test account: its record and password.
pub struct TestAccount {
    pub record: AccountRecord,
    pub password: String,
}

impl TestAccount {
    pub fn basic(&self) -> String {
        basic(&self.record.username, &self.password)
    }

    /// The account's xAPI actor as JSON.
    pub fn actor(&self, state: &AppState) -> Value {
        json!({ "objectType": "Agent", "account": { "homePage": &*state.account_home_page, "name": self.record.id.to_string() } })
    }
}

pub async fn account(state: &AppState, username: &str, role: Role) -> TestAccount {
    let password = format!("{username}-password");
    let record = create_account(state, username, &password, role)
        .await
        .unwrap_or_else(|error| panic!("cannot create test account {username}: {error}"));
    TestAccount { record, password }
}

pub fn basic(username: &str, password: &str) -> String {
    format!(
        "Basic {}",
        STANDARD.encode(format!("{username}:{password}"))
    )
}

/// The response of one request: status, headers and the body as JSON (`Null` when empty,
/// a JSON string when the body is not JSON).
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    pub fn error(&self) -> &str {
        self.body["error"].as_str().unwrap_or("")
    }
}

pub async fn send(state: &AppState, request: Request<Body>) -> Reply {
    let response = app(state.clone())
        .oneshot(request)
        .await
        .unwrap_or_else(|error| match error {});
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .map(|collected| collected.to_bytes())
        .unwrap_or_default();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// A request to the xAPI resource with the version header and JSON content type.
pub fn xapi(
    method: &str,
    uri: &str,
    authorization: Option<&str>,
    body: Option<&Value>,
) -> Request<Body> {
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .header("x-experience-api-version", "2.0.0");
    if let Some(authorization) = authorization {
        builder = builder.header("authorization", authorization);
    }
    match body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(Body::from(body.to_string())),
        None => builder.body(Body::empty()),
    }
    .unwrap_or_else(|error| panic!("bad test request: {error}"))
}

/// A JSON request to the account API.
pub fn api(
    method: &str,
    uri: &str,
    authorization: Option<&str>,
    body: Option<&Value>,
) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if let Some(authorization) = authorization {
        builder = builder.header("authorization", authorization);
    }
    match body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(Body::from(body.to_string())),
        None => builder.body(Body::empty()),
    }
    .unwrap_or_else(|error| panic!("bad test request: {error}"))
}

/// A valid statement by `actor` about a lesson.
pub fn statement(actor: &Value, lesson: &str) -> Value {
    json!({
        "actor": actor,
        "verb": { "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en": "completed" } },
        "object": {
            "id": format!("https://baeum.example/lessons/{lesson}"),
            "definition": { "name": { "ko": "수업" } }
        },
        "result": { "score": { "scaled": 0.9 }, "completion": true, "duration": "PT2M" },
        "timestamp": "2024-05-01T09:30:00.000Z"
    })
}

/// Percent-encodes a query parameter value.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
