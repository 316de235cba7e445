//! Browser tests of the client's one HTTP client (`src/http.rs`): what goes out (method,
//! credentials, JSON), and how every outcome comes back (an answer of any status, a refusal
//! with its body, a timeout, a failed connection, a body that is not the JSON expected).
//! The test runner's own server answers unknown paths with 404; the other outcomes come from a
//! scripted `fetch` put in place of the browser's for one test at a time.
#![cfg(target_arch = "wasm32")]

use baeum_web::http::{error_message, HttpError, Method, Request};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Puts `fetch_body` (the body of a JS function of `request`) in place of `window.fetch` until
/// dropped, so a failing test leaves the browser's own for the next.
struct ScriptedFetch {
    original: JsValue,
}

impl ScriptedFetch {
    fn install(fetch_body: &str) -> Self {
        let window = JsValue::from(web_sys::window().expect("a window"));
        let original = js_sys::Reflect::get(&window, &"fetch".into()).expect("window.fetch");
        let scripted = js_sys::Function::new_with_args("request", fetch_body);
        js_sys::Reflect::set(&window, &"fetch".into(), &scripted).expect("replace fetch");
        Self { original }
    }
}

impl Drop for ScriptedFetch {
    fn drop(&mut self) {
        let window = JsValue::from(web_sys::window().expect("a window"));
        let _ = js_sys::Reflect::set(&window, &"fetch".into(), &self.original);
    }
}

/// What the scripted fetch saw, as it stored it in `globalThis.baeumSeen`.
fn seen(field: &str) -> Option<String> {
    let seen = js_sys::Reflect::get(&js_sys::global(), &"baeumSeen".into()).ok()?;
    js_sys::Reflect::get(&seen, &field.into()).ok()?.as_string()
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Greeting {
    name: String,
    count: u32,
}

#[wasm_bindgen_test]
async fn an_answer_of_any_status_is_a_response_and_success_names_the_refusal() {
    let response = Request::get("/no-such-path-for-baeum-http")
        .timeout_ms(10_000)
        .send()
        .await
        .expect("the runner's server answers");
    assert_eq!(response.status(), 404);
    assert!(!response.ok());
    assert!(response.header("date").is_some());
    match response.success().await {
        Err(HttpError::Status { status: 404, .. }) => {}
        Err(other) => panic!("a 404 is a status error, not {other:?}"),
        Ok(_) => panic!("a 404 is not a success"),
    }
}

#[wasm_bindgen_test]
async fn json_and_the_bearer_token_go_out_and_typed_json_comes_back() {
    let _fetch = ScriptedFetch::install(
        "return request.text().then(body => {
            globalThis.baeumSeen = {
                method: request.method,
                authorization: request.headers.get('authorization'),
                type: request.headers.get('content-type'),
                body,
            };
            return new Response('{\"name\":\"수지\",\"count\":3}', { status: 200 });
        });",
    );
    let sent = Greeting {
        name: "Ali".to_owned(),
        count: 2,
    };
    let answer: Greeting = Request::new(Method::Put, "/api/greetings/1")
        .bearer("secret-token")
        .json(&sent)
        .expect("serialisable")
        .timeout_ms(10_000)
        .send()
        .await
        .expect("an answer")
        .success()
        .await
        .expect("a success")
        .json()
        .await
        .expect("the JSON expected");
    assert_eq!(
        answer,
        Greeting {
            name: "수지".to_owned(),
            count: 3
        }
    );
    assert_eq!(seen("method").as_deref(), Some("PUT"));
    assert_eq!(
        seen("authorization").as_deref(),
        Some("Bearer secret-token")
    );
    assert_eq!(seen("type").as_deref(), Some("application/json"));
    assert_eq!(seen("body").as_deref(), Some(r#"{"name":"Ali","count":2}"#));
}

#[wasm_bindgen_test]
async fn a_refusal_keeps_its_body_and_headers() {
    let _fetch = ScriptedFetch::install(
        "return Promise.resolve(new Response('{\"error\":\"wait a while\"}', {
            status: 429,
            headers: { 'Retry-After': '540' },
        }));",
    );
    let response = Request::get("/api/classes/join")
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.header("retry-after").as_deref(), Some("540"));
    match response.success().await {
        Err(HttpError::Status { status, body }) => {
            assert_eq!(status, 429);
            assert_eq!(error_message(&body).as_deref(), Some("wait a while"));
        }
        Err(other) => panic!("a 429 is a status error, not {other:?}"),
        Ok(_) => panic!("a 429 is not a success"),
    }
}

#[wasm_bindgen_test]
async fn a_server_that_does_not_answer_in_time_is_a_timeout_and_the_request_is_aborted() {
    // Answers only by failing when the request's signal aborts, as the browser's fetch does.
    let _fetch = ScriptedFetch::install(
        "return new Promise((resolve, reject) => {
            request.signal.addEventListener('abort', () => {
                globalThis.baeumSeen = { aborted: 'yes' };
                reject(new DOMException('The operation was aborted.', 'AbortError'));
            });
        });",
    );
    let started = js_sys::Date::now();
    let result = Request::get("/xapi/statements").timeout_ms(50).send().await;
    assert!(
        matches!(result, Err(HttpError::Timeout)),
        "a timeout, not {:?}",
        result.map(|response| response.status())
    );
    assert_eq!(seen("aborted").as_deref(), Some("yes"));
    assert!(js_sys::Date::now() - started < 5_000.0);
}

#[wasm_bindgen_test]
async fn a_connection_that_fails_is_a_network_error() {
    let _fetch = ScriptedFetch::install("return Promise.reject(new TypeError('Failed to fetch'));");
    let result = Request::get("/content/catalog.json").send().await;
    match result {
        Err(error @ HttpError::Network(_)) => {
            assert!(error.is_connection());
            assert_eq!(
                error.to_string(),
                "the server could not be reached: Failed to fetch"
            );
        }
        Err(other) => panic!("a network error, not {other:?}"),
        Ok(response) => panic!("no answer, not http {}", response.status()),
    }
}

#[wasm_bindgen_test]
async fn a_body_that_is_not_the_json_expected_is_unreadable() {
    let _fetch = ScriptedFetch::install(
        "return Promise.resolve(new Response('<html>a proxy page</html>', { status: 200 }));",
    );
    let result = Request::get("/api/my/assignments")
        .send()
        .await
        .expect("an answer")
        .json::<Greeting>()
        .await;
    assert!(
        matches!(result, Err(HttpError::UnreadableBody(_))),
        "{result:?}"
    );
}

#[wasm_bindgen_test]
async fn bytes_come_back_as_sent() {
    let _fetch = ScriptedFetch::install(
        "return Promise.resolve(new Response(new Uint8Array([0, 1, 254, 255]), { status: 200 }));",
    );
    let bytes = Request::get("/content/0a1b.opus")
        .send()
        .await
        .expect("an answer")
        .bytes()
        .await
        .expect("the bytes");
    assert_eq!(bytes, vec![0, 1, 254, 255]);
}

#[wasm_bindgen_test]
fn the_servers_error_message_is_read_from_its_json_body() {
    assert_eq!(
        error_message(r#"{"error":"no class has this join code"}"#).as_deref(),
        Some("no class has this join code")
    );
    assert_eq!(error_message("<html>"), None);
    assert_eq!(error_message(r#"{"message":"other"}"#), None);
}
