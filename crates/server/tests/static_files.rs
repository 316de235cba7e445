//! The client and content packs are served with the right cache headers, precompressed, and
//! with the single-page-app fallback.

mod xapi_support;

use std::path::Path;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use baeum_server::static_files::{IMMUTABLE, REVALIDATE};
use baeum_server::{app, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

const HASHED_SCRIPT: &str = "baeum-web-0123456789abcdef.js";

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    std::fs::write(path, bytes).expect("write fixture");
}

/// A built client and content folder with plain, gzip and brotli variants, as xtask writes them.
fn fixture() -> (tempfile::TempDir, Config) {
    let root = tempfile::tempdir().expect("temporary folder");
    let dist = root.path().join("dist");
    let content = root.path().join("content");
    write(
        &dist.join("index.html"),
        b"<!doctype html><title>baeum</title>",
    );
    write(&dist.join("index.html.br"), b"brotli index");
    write(&dist.join(HASHED_SCRIPT), b"console.log('app')");
    write(&dist.join(format!("{HASHED_SCRIPT}.gz")), b"gzip script");
    write(&dist.join(format!("{HASHED_SCRIPT}.br")), b"brotli script");
    write(
        &dist.join("sw.js"),
        b"self.addEventListener('fetch', () => {})",
    );
    write(&dist.join("manifest.webmanifest"), b"{\"name\":\"baeum\"}");
    write(
        &dist.join("locales/ru.txt"),
        "baeum-messages 1\n=nav-home\n'Главная\nend 1\n".as_bytes(),
    );
    write(&dist.join("locales/ru.txt.gz"), b"gzip translation");
    write(
        &dist.join("teach/index.html"),
        b"<!doctype html><title>teaching</title>",
    );
    write(
        &dist.join(format!("teach/{HASHED_SCRIPT}")),
        b"console.log('teach')",
    );
    write(&content.join("catalog.json"), b"{\"courses\":[]}");
    let pack = format!("{}.json", "ab".repeat(32));
    write(&content.join(pack), b"{\"id\":\"hangul\"}");
    let data = root.path().join("data");
    let config = Config {
        dist_dir: dist,
        content_dir: content,
        data_dir: data,
        transport: Default::default(),
    };
    (root, config)
}

async fn get(
    config: &Config,
    path: &str,
    accept_encoding: Option<&str>,
) -> axum::response::Response {
    let mut request = Request::get(path);
    if let Some(encoding) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, encoding);
    }
    app(xapi_support::engine::state(config.clone()))
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("infallible service")
}

fn header_of(response: &axum::response::Response, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

async fn body_of(response: axum::response::Response) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec()
}

#[tokio::test]
async fn hashed_files_are_immutable_and_served_precompressed() {
    let (_root, config) = fixture();
    let path = format!("/{HASHED_SCRIPT}");
    let response = get(&config, &path, Some("gzip, deflate, br")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, header::CACHE_CONTROL), IMMUTABLE);
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "br");
    assert_eq!(body_of(response).await, b"brotli script");

    let response = get(&config, &path, Some("gzip")).await;
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "gzip");
    assert_eq!(body_of(response).await, b"gzip script");

    let response = get(&config, &path, None).await;
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "");
    assert_eq!(body_of(response).await, b"console.log('app')");
}

#[tokio::test]
async fn entry_points_are_revalidated() {
    let (_root, config) = fixture();
    for path in ["/", "/index.html", "/sw.js", "/manifest.webmanifest"] {
        let response = get(&config, path, Some("br")).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL),
            REVALIDATE,
            "{path}"
        );
    }
    let response = get(&config, "/manifest.webmanifest", None).await;
    assert_eq!(
        header_of(&response, header::CONTENT_TYPE),
        "application/manifest+json"
    );
}

#[tokio::test]
async fn translations_are_utf8_text_revalidated_on_each_visit() {
    let (_root, config) = fixture();
    let response = get(&config, "/locales/ru.txt", Some("gzip")).await;
    assert_eq!(response.status(), StatusCode::OK);
    // The name carries no hash, so a corrected translation must reach the next visit.
    assert_eq!(header_of(&response, header::CACHE_CONTROL), REVALIDATE);
    assert_eq!(
        header_of(&response, header::CONTENT_TYPE),
        "text/plain; charset=utf-8"
    );
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "gzip");
    let response = get(&config, "/locales/ru.txt", None).await;
    assert_eq!(
        body_of(response).await,
        "baeum-messages 1\n=nav-home\n'Главная\nend 1\n".as_bytes()
    );
}

#[tokio::test]
async fn the_teachers_app_answers_its_own_routes_and_files() {
    let (_root, config) = fixture();
    for path in ["/teach", "/teach/", "/teach/classes/7/learners/3"] {
        let response = get(&config, path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL),
            REVALIDATE,
            "{path}"
        );
        assert_eq!(
            body_of(response).await,
            b"<!doctype html><title>teaching</title>",
            "{path}"
        );
    }
    let response = get(&config, &format!("/teach/{HASHED_SCRIPT}"), None).await;
    assert_eq!(header_of(&response, header::CACHE_CONTROL), IMMUTABLE);
    assert_eq!(body_of(response).await, b"console.log('teach')");
    // A learner's route still loads the learners' app.
    let response = get(&config, "/teacher-notes", None).await;
    assert_eq!(
        body_of(response).await,
        b"<!doctype html><title>baeum</title>"
    );
}

#[tokio::test]
async fn client_routes_fall_back_to_the_app_shell() {
    let (_root, config) = fixture();
    let response = get(&config, "/courses/hangul", Some("br")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, header::CACHE_CONTROL), REVALIDATE);
    assert_eq!(header_of(&response, header::CONTENT_ENCODING), "br");
    assert_eq!(body_of(response).await, b"brotli index");
}

#[tokio::test]
async fn content_packs_are_immutable_and_the_catalog_is_not() {
    let (_root, config) = fixture();
    let pack = format!("/content/{}.json", "ab".repeat(32));
    let response = get(&config, &pack, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, header::CACHE_CONTROL), IMMUTABLE);

    let response = get(&config, "/content/catalog.json", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header_of(&response, header::CACHE_CONTROL), REVALIDATE);

    let response = get(&config, "/content/missing.json", None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn health_answers() {
    let (_root, config) = fixture();
    let response = get(&config, "/api/health", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = serde_json::from_slice(&body_of(response).await).expect("json");
    assert_eq!(body["status"], "ok");
}
