//! Every answer carries the security headers (static files, precompressed bodies, the app's
//! fallback, content packs, API answers and errors), HSTS only over https, and no request path
//! reaches a file outside the served folders.

mod xapi_support;

use std::path::Path;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use baeum_server::accounts::create_account;
use baeum_server::security_headers::{
    CONTENT_SECURITY_POLICY_VALUE, STRICT_TRANSPORT_SECURITY_VALUE,
};
use baeum_server::store::Role;
use baeum_server::{app, AppState, Config, Transport};
use http_body_util::BodyExt;
use tower::ServiceExt;

const HASHED_SCRIPT: &str = "baeum-web-0123456789abcdef.js";
const PACK: &str = "abababababababababababababababababababababababababababababababab.json";
/// What lies beside `dist/` and `content/` and must never be served.
const SECRET: &[u8] = b"the school's database password";

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    std::fs::write(path, bytes).expect("write fixture");
}

/// A built client and content folder as xtask writes them, with secrets beside and above them.
fn fixture(transport: Transport) -> (tempfile::TempDir, Config) {
    let root = tempfile::tempdir().expect("temporary folder");
    let served = root.path().join("served");
    let dist = served.join("dist");
    let content = served.join("content");
    write(
        &dist.join("index.html"),
        b"<!doctype html><title>app</title>",
    );
    write(&dist.join("index.html.gz"), b"gzip index");
    write(&dist.join(HASHED_SCRIPT), b"console.log('app')");
    write(&dist.join(format!("{HASHED_SCRIPT}.br")), b"brotli script");
    write(
        &dist.join("sw.js"),
        b"self.addEventListener('fetch', () => {})",
    );
    write(
        &dist.join("teach/index.html"),
        b"<!doctype html><title>teach</title>",
    );
    write(&content.join("catalog.json"), b"{\"courses\":[]}");
    write(&content.join(PACK), b"{\"id\":\"hangul\"}");
    write(&content.join(format!("{PACK}.gz")), b"gzip pack");
    // Beside the served folders, one level up, and as a sibling whose name starts like one.
    write(&served.join("secret.txt"), SECRET);
    write(&root.path().join("secret.txt"), SECRET);
    write(&served.join("content-secret/secret.txt"), SECRET);
    let config = Config {
        dist_dir: dist,
        content_dir: content,
        data_dir: root.path().join("data"),
        transport,
    };
    (root, config)
}

async fn send(state: &AppState, request: Request<Body>) -> (axum::response::Response, Vec<u8>) {
    let response = app(state.clone())
        .oneshot(request)
        .await
        .expect("infallible service");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes().to_vec();
    (
        axum::response::Response::from_parts(parts, Body::empty()),
        bytes,
    )
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("request")
}

fn header_of<'a>(response: &'a axum::response::Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
}

/// Asserts the headers every answer must carry, and HSTS exactly when `https`.
fn assert_security_headers(response: &axum::response::Response, what: &str, https: bool) {
    assert_eq!(
        header_of(response, "content-security-policy"),
        Some(CONTENT_SECURITY_POLICY_VALUE),
        "{what}: Content-Security-Policy"
    );
    assert_eq!(
        header_of(response, "x-content-type-options"),
        Some("nosniff"),
        "{what}: X-Content-Type-Options"
    );
    assert_eq!(
        header_of(response, "referrer-policy"),
        Some("no-referrer"),
        "{what}: Referrer-Policy"
    );
    assert_eq!(
        header_of(response, "x-frame-options"),
        Some("DENY"),
        "{what}: X-Frame-Options"
    );
    let expected_hsts = https.then_some(STRICT_TRANSPORT_SECURITY_VALUE);
    assert_eq!(
        header_of(response, "strict-transport-security"),
        expected_hsts,
        "{what}: Strict-Transport-Security"
    );
}

/// One request of each kind of answer the server gives, with what it must be.
async fn every_kind_of_answer(state: &AppState) -> Vec<(String, axum::response::Response)> {
    let learner = create_account(
        state,
        "header-learner",
        "a long enough password",
        Role::Learner,
    )
    .await
    .expect("account created");
    // A session token, not HTTP Basic: Basic is refused on plain http over a network, one of
    // the transports checked here.
    let (token, digest) = baeum_server::auth::new_session_token();
    let expires_at = chrono::Utc::now() + chrono::Duration::days(1);
    state
        .store
        .create_session(digest, learner.id, expires_at)
        .expect("session stored");
    let bearer = format!("Bearer {token}");
    let mut answers = Vec::new();
    let check = |what: &str, request: Request<Body>, status: StatusCode| {
        let what = what.to_owned();
        let state = state.clone();
        async move {
            let (response, _) = send(&state, request).await;
            assert_eq!(response.status(), status, "{what}");
            (what, response)
        }
    };
    answers.push(check("a static file", get("/sw.js"), StatusCode::OK).await);
    answers.push(
        check(
            "a precompressed static file",
            Request::get(format!("/{HASHED_SCRIPT}"))
                .header(header::ACCEPT_ENCODING, "br")
                .body(Body::empty())
                .expect("request"),
            StatusCode::OK,
        )
        .await,
    );
    answers.push(check("the learners' index", get("/"), StatusCode::OK).await);
    answers.push(
        check(
            "the app's fallback, precompressed",
            Request::get("/courses/hangul/vowels-1")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .expect("request"),
            StatusCode::OK,
        )
        .await,
    );
    answers.push(check("the teachers' app", get("/teach/classes/1"), StatusCode::OK).await);
    answers.push(
        check(
            "the content catalog",
            get("/content/catalog.json"),
            StatusCode::OK,
        )
        .await,
    );
    answers.push(
        check(
            "a precompressed content pack",
            Request::get(format!("/content/{PACK}"))
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .expect("request"),
            StatusCode::OK,
        )
        .await,
    );
    answers.push(
        check(
            "a missing content file",
            get("/content/missing.json"),
            StatusCode::NOT_FOUND,
        )
        .await,
    );
    answers.push(check("an API answer", get("/api/health"), StatusCode::OK).await);
    answers.push(
        check(
            "an API answer compressed on the fly",
            Request::get("/api/health")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .expect("request"),
            StatusCode::OK,
        )
        .await,
    );
    answers.push(check("a 401", get("/api/me"), StatusCode::UNAUTHORIZED).await);
    answers.push(
        check(
            "a 404 of the API",
            Request::get(format!(
                "/xapi/statements?statementId={}",
                uuid::Uuid::now_v7()
            ))
            .header(header::AUTHORIZATION, &bearer)
            .header("X-Experience-API-Version", "2.0.0")
            .body(Body::empty())
            .expect("request"),
            StatusCode::NOT_FOUND,
        )
        .await,
    );
    answers.push(
        check(
            "a body the API cannot read",
            Request::post("/api/sessions")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{not json"))
                .expect("request"),
            StatusCode::BAD_REQUEST,
        )
        .await,
    );
    answers.push(
        check(
            "a method the route does not take",
            Request::delete("/api/health")
                .body(Body::empty())
                .expect("request"),
            StatusCode::METHOD_NOT_ALLOWED,
        )
        .await,
    );
    answers
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_no_hsts_over_http() {
    for transport in [Transport::LoopbackHttp, Transport::NetworkHttp] {
        let (_root, config) = fixture(transport);
        let state = xapi_support::engine::state(config);
        for (what, response) in every_kind_of_answer(&state).await {
            assert_security_headers(&response, &format!("{what} ({transport:?})"), false);
        }
    }
}

#[tokio::test]
async fn over_https_every_answer_also_carries_hsts() {
    let (_root, config) = fixture(Transport::Https);
    let state = xapi_support::engine::state(config);
    for (what, response) in every_kind_of_answer(&state).await {
        assert_security_headers(&response, &what, true);
    }
}

/// The policy allows only this origin: every fetch directive names `'self'` or less, inline
/// script and `eval` stay forbidden, and the page cannot be framed.
#[test]
fn the_policy_allows_only_the_apps_own_origin() {
    let directives: Vec<(&str, Vec<&str>)> = CONTENT_SECURITY_POLICY_VALUE
        .split(';')
        .map(|directive| {
            let mut words = directive.split_whitespace();
            let name = words.next().expect("a directive name");
            (name, words.collect())
        })
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|(directive, _)| *directive == name)
            .map(|(_, sources)| sources.clone())
            .unwrap_or_else(|| panic!("the policy has no {name}"))
    };
    assert_eq!(sources("default-src"), ["'none'"]);
    assert_eq!(sources("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
    assert_eq!(sources("style-src"), ["'self'"]);
    assert_eq!(sources("object-src"), ["'none'"]);
    assert_eq!(sources("base-uri"), ["'none'"]);
    assert_eq!(sources("frame-ancestors"), ["'none'"]);
    for (name, sources) in &directives {
        for source in sources {
            assert!(
                ["'self'", "'none'", "'wasm-unsafe-eval'", "blob:"].contains(source),
                "{name} allows {source}"
            );
        }
    }
}

/// The learners' first screen's `<style>` (written by xtask into `index.html`) is allowed by
/// its hash alone, for elements only: the policy is otherwise the same, and `style="…"`
/// attributes stay refused by `style-src 'self'`.
#[tokio::test]
async fn the_first_screens_style_is_allowed_by_its_hash_and_nothing_else_changes() {
    let (_root, config) = fixture(Transport::LoopbackHttp);
    write(
        &config.dist_dir.join("index.html"),
        b"<!doctype html><head><style id=\"first-screen-style\">p{}</style></head>",
    );
    // No precompressed copy of the new page is left to be served instead of it.
    std::fs::remove_file(config.dist_dir.join("index.html.gz")).expect("remove gzip copy");
    let state = xapi_support::engine::state(config);
    for path in ["/", "/api/health", "/courses/hangul"] {
        let (response, _) = send(&state, get(path)).await;
        // `printf 'p{}' | sha256sum`, in base64.
        let expected = CONTENT_SECURITY_POLICY_VALUE.replacen(
            "style-src 'self';",
            "style-src 'self'; style-src-elem 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y=';",
            1,
        );
        assert_eq!(
            header_of(&response, "content-security-policy"),
            Some(expected.as_str()),
            "{path}"
        );
    }
}

/// Paths that try to climb out of `/content/` or out of `dist/` through the app's fallback, raw,
/// percent-encoded, with encoded slashes and backslashes, and double-encoded.
fn traversal_attempts(secret_absolute: &str) -> Vec<String> {
    let mut paths: Vec<String> = [
        "/content/../secret.txt",
        "/content/../../secret.txt",
        "/content/%2e%2e/secret.txt",
        "/content/%2E%2E/%2e%2e/secret.txt",
        "/content/..%2fsecret.txt",
        "/content/%2e%2e%2fsecret.txt",
        "/content/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/content/..%5csecret.txt",
        "/content/..\\secret.txt",
        "/content/%252e%252e/secret.txt",
        "/content/%252e%252e%252fsecret.txt",
        "/content/.%2e/secret.txt",
        "/content/./../secret.txt",
        "/content-secret/secret.txt",
        "/content/../content-secret/secret.txt",
        "/../secret.txt",
        "/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/teach/../../secret.txt",
        "/teach/%2e%2e/%2e%2e/secret.txt",
        "/teach/..%2f..%2fsecret.txt",
        "/courses/%2e%2e/%2e%2e/%2e%2e/secret.txt",
    ]
    .iter()
    .map(|path| (*path).to_owned())
    .collect();
    // The secret's absolute path, as a path and with its slashes encoded.
    let encoded = secret_absolute.replace('/', "%2f");
    paths.push(format!("/content/{encoded}"));
    paths.push(format!("/content/{secret_absolute}"));
    paths.push(format!("/{encoded}"));
    paths.push(format!("/{secret_absolute}"));
    paths
}

#[tokio::test]
async fn no_path_reaches_a_file_outside_the_served_folders() {
    let (root, config) = fixture(Transport::LoopbackHttp);
    let state = xapi_support::engine::state(config);
    let secret_absolute = root.path().join("secret.txt");
    let secret_absolute = secret_absolute
        .to_str()
        .expect("a UTF-8 temporary path")
        .trim_start_matches('/')
        .to_owned();
    for path in traversal_attempts(&secret_absolute) {
        for encoding in [None, Some("gzip, br")] {
            let mut request = Request::get(path.as_str());
            if let Some(encoding) = encoding {
                request = request.header(header::ACCEPT_ENCODING, encoding);
            }
            // A raw backslash is not a URI character: the HTTP parser refuses the request
            // before it reaches the app (a 400 from hyper), which is as safe.
            let Ok(request) = request.body(Body::empty()) else {
                assert!(path.contains('\\'), "{path} is a valid URI");
                continue;
            };
            let (response, body) = send(&state, request).await;
            assert!(
                !body.windows(SECRET.len()).any(|window| window == SECRET),
                "{path} served a file outside the served folders"
            );
            // The answer is a 4xx or one of the app's own files (its index for a client
            // route), and it carries the headers like every other.
            assert!(
                response.status().is_client_error() || response.status() == StatusCode::OK,
                "{path}: {}",
                response.status()
            );
            if response.status() == StatusCode::OK {
                assert!(
                    [
                        &b"<!doctype html><title>app</title>"[..],
                        b"gzip index",
                        b"<!doctype html><title>teach</title>",
                    ]
                    .contains(&body.as_slice()),
                    "{path} served {:?}",
                    String::from_utf8_lossy(&body)
                );
            }
            assert_security_headers(&response, &path, false);
        }
    }
}

/// Answers about people (xAPI, the API) are never kept by a browser's or proxy's cache.
#[tokio::test]
async fn api_and_xapi_answers_are_not_stored_by_caches() {
    let state = xapi_support::state();
    let learner = xapi_support::account(&state, "ana", baeum_server::store::Role::Learner).await;
    for uri in ["/xapi/statements", "/api/my/assignments"] {
        let request = axum::http::Request::get(uri)
            .header("x-experience-api-version", "2.0.0")
            .header("authorization", learner.basic())
            .body(axum::body::Body::empty())
            .expect("a request");
        let reply = xapi_support::send(&state, request).await;
        assert_eq!(
            reply.header("cache-control"),
            Some("no-store"),
            "{uri}: {}",
            reply.status
        );
    }
}
