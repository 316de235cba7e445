//! Helpers shared by the class, assignment and dashboard tests: an app whose content
//! directory holds a small built catalog, classes made through the API, and lesson-player
//! statements.

#![allow(dead_code)]

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use baeum_core::content::{
    sha256_hex, ByteSize, CatalogCourse, CatalogIndex, CourseManifest, Language, Level,
    LocalizedText, ManifestLesson, ManifestUnit, Subject, CATALOG_FILE_NAME, PACK_FORMAT,
};
use baeum_core::record::{item_activity_id, lesson_activity_id};
use baeum_core::records::completion::CompletionRule;
use baeum_server::{AppState, Config};
use serde_json::{json, Value};

use crate::xapi_support::{api, send, xapi, TestAccount};

/// The test course: `hangul` with unit `u1` (lessons `l1`, `l2`) and unit `u2` (lesson `l3`).
pub const COURSE: &str = "hangul";

fn manifest() -> CourseManifest {
    let lesson = |id: &str| ManifestLesson {
        id: id.to_owned(),
        title: LocalizedText::default(),
        file: format!("{}.json", sha256_hex(id.as_bytes())),
        item_count: 2,
        size: ByteSize::default(),
        media: Vec::new(),
    };
    let unit = |id: &str, lessons: &[&str]| ManifestUnit {
        id: id.to_owned(),
        title: LocalizedText::default(),
        size: ByteSize::default(),
        lessons: lessons.iter().map(|id| lesson(id)).collect(),
    };
    CourseManifest {
        format: PACK_FORMAT,
        id: COURSE.to_owned(),
        version: 1,
        subject: Subject::Korean,
        level: Level::Beginner,
        title: LocalizedText::from_pairs([(Language::Ko, "한글"), (Language::En, "Hangul")]),
        description: LocalizedText::default(),
        // Its certificate: every lesson, each at 80% at least.
        completion: Some(CompletionRule {
            hours: 2,
            min_score_percent: 80,
            lessons: vec!["l1".into(), "l2".into(), "l3".into()],
        }),
        units: vec![unit("u1", &["l1", "l2"]), unit("u2", &["l3"])],
    }
}

/// An in-memory app whose content directory (kept alive by the returned guard) holds the
/// catalog and manifest of [`COURSE`].
pub fn state_with_content() -> (AppState, tempfile::TempDir) {
    let directory = tempfile::tempdir().expect("a temporary directory");
    let manifest_bytes = serde_json::to_vec(&manifest()).expect("manifest serializes");
    let manifest_name = format!("{}.json", sha256_hex(&manifest_bytes));
    std::fs::write(directory.path().join(&manifest_name), &manifest_bytes)
        .expect("manifest written");
    let catalog = CatalogIndex {
        format: PACK_FORMAT,
        courses: vec![CatalogCourse {
            id: COURSE.to_owned(),
            version: 1,
            subject: Subject::Korean,
            level: Level::Beginner,
            title: LocalizedText::default(),
            description: LocalizedText::default(),
            manifest: manifest_name,
            size: ByteSize::default(),
            units: Vec::new(),
            sites: Vec::new(),
        }],
    };
    std::fs::write(
        directory.path().join(CATALOG_FILE_NAME),
        serde_json::to_vec(&catalog).expect("catalog serializes"),
    )
    .expect("catalog written");
    let state = crate::xapi_support::engine::state(Config {
        dist_dir: "/nonexistent/dist".into(),
        content_dir: directory.path().to_owned(),
        data_dir: "/nonexistent/data".into(),
        transport: Default::default(),
    });
    (state, directory)
}

/// A class created by `teacher` through the API: (id, join code).
pub async fn create_class(state: &AppState, teacher: &TestAccount, name: &str) -> (String, String) {
    let reply = send(
        state,
        api(
            "POST",
            "/api/classes",
            Some(&teacher.basic()),
            Some(&json!({ "name": name })),
        ),
    )
    .await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    (
        reply.body["id"].as_str().unwrap_or_default().to_owned(),
        reply.body["join_code"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

/// Joins a class through the API and checks that it worked.
pub async fn join(state: &AppState, learner: &TestAccount, join_code: &str) {
    let reply = send(
        state,
        api(
            "POST",
            "/api/classes/join",
            Some(&learner.basic()),
            Some(&json!({ "join_code": join_code })),
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

/// A join attempt as if it came from `address` (what the listener's connection info gives).
pub fn join_from(address: &str, learner: &TestAccount, join_code: &str) -> Request<Body> {
    let mut request = api(
        "POST",
        "/api/classes/join",
        Some(&learner.basic()),
        Some(&json!({ "join_code": join_code })),
    );
    let address: SocketAddr = address.parse().expect("a socket address");
    request.extensions_mut().insert(ConnectInfo(address));
    request
}

pub fn lesson_activity(lesson: &str) -> String {
    lesson_activity_id(COURSE, lesson)
}

pub fn item_activity(lesson: &str, item: &str) -> String {
    item_activity_id(COURSE, lesson, item)
}

/// A statement of the lesson player.
pub fn player_statement(
    actor: &Value,
    verb: &str,
    activity: &str,
    result: Value,
    timestamp: &str,
) -> Value {
    let mut statement = json!({
        "actor": actor,
        "verb": { "id": format!("http://adlnet.gov/expapi/verbs/{verb}") },
        "object": { "id": activity },
        "timestamp": timestamp,
    });
    if !result.is_null() {
        statement["result"] = result;
    }
    statement
}

/// Sends the learner's statements as their device would.
pub async fn sync_statements(state: &AppState, learner: &TestAccount, statements: Vec<Value>) {
    let reply = send(
        state,
        xapi(
            "POST",
            "/xapi/statements",
            Some(&learner.basic()),
            Some(&Value::Array(statements)),
        ),
    )
    .await;
    assert_eq!(reply.status, 200, "{:?}", reply.body);
}

/// Creates an assignment with `PUT` and checks that it was created.
pub async fn assign(state: &AppState, teacher: &TestAccount, id: &str, body: &Value) -> Value {
    let reply = send(
        state,
        api(
            "PUT",
            &format!("/api/assignments/{id}"),
            Some(&teacher.basic()),
            Some(body),
        ),
    )
    .await;
    assert_eq!(reply.status, 201, "{:?}", reply.body);
    reply.body
}
