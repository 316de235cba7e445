//! The client's one HTTP client: every request the app makes to its own server (sync,
//! accounts, the school API, content, downloads, translations) is a [`Request`] sent here, and
//! every way one can fail is an [`HttpError`].
//!
//! It is a thin layer over the browser's `fetch` (web-sys), not `gloo-net`: that crate brings
//! the `http` crate's types and has no timeouts, which this needs. A timeout is an
//! `AbortController` aborted by a timer, so it covers reading the body too, and the browser
//! drops the connection instead of leaving it to finish unseen.
//!
//! An HTTP answer of any status is a [`Response`]: sync and accounts read refusals themselves
//! (core's sync engine classifies them). [`Response::success`] turns a refusal into
//! [`HttpError::Status`] with the body, for callers that only want a success.

use std::cell::Cell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser;
use crate::storage::describe_js_error;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Why a request did not get the answer its caller wanted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// The request failed and the browser says there is no network.
    #[error("this device is offline")]
    Offline,
    /// The request failed on the way (refused connection, DNS, a reset, CORS).
    #[error("the server could not be reached: {0}")]
    Network(String),
    /// No whole answer within the request's timeout.
    #[error("the server did not answer in time")]
    Timeout,
    /// An answer outside 200–299, from [`Response::success`], with its body.
    #[error("the server answered http {status}")]
    Status { status: u16, body: String },
    /// The body could not be read, or is not the JSON the caller expects.
    #[error("the server's answer could not be read: {0}")]
    UnreadableBody(String),
    /// The request could not be made (a body that does not serialise, an invalid address).
    #[error("the request could not be prepared: {0}")]
    Unprepared(String),
}

impl HttpError {
    /// Whether no HTTP answer came at all: offline, unreachable or too slow.
    pub fn is_connection(&self) -> bool {
        matches!(
            self,
            HttpError::Offline | HttpError::Network(_) | HttpError::Timeout
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

/// One request, built up and then [sent](Request::send).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    method: Method,
    url: String,
    headers: Vec<(&'static str, String)>,
    body: Option<Body>,
    timeout_ms: Option<u32>,
}

impl Request {
    /// A request to `url` (absolute, or relative to the page's origin), with no timeout until
    /// [`Request::timeout_ms`] sets one.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        Self {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            timeout_ms: None,
        }
    }

    pub fn get(url: impl Into<String>) -> Self {
        Self::new(Method::Get, url)
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The account's credentials: `Authorization: Bearer <token>`. The app sends no cookies
    /// that matter; a session is this token.
    pub fn bearer(self, token: &str) -> Self {
        self.header("Authorization", format!("Bearer {token}"))
    }

    /// A JSON body already written as text.
    pub fn json_text(mut self, text: String) -> Self {
        self.body = Some(Body::Text(text));
        self.header("Content-Type", "application/json")
    }

    /// `value` as a JSON body.
    pub fn json<T: Serialize + ?Sized>(self, value: &T) -> Result<Self, HttpError> {
        let text =
            crate::json::write(value).map_err(|error| HttpError::Unprepared(error.to_string()))?;
        Ok(self.json_text(text))
    }

    /// A body of raw bytes; the caller sets its headers.
    pub fn bytes(mut self, bytes: Vec<u8>) -> Self {
        self.body = Some(Body::Bytes(bytes));
        self
    }

    /// Gives up with [`HttpError::Timeout`] when the whole answer, body included, has not
    /// arrived after `ms` milliseconds.
    pub fn timeout_ms(mut self, ms: u32) -> Self {
        self.timeout_ms = Some(ms);
        self
    }

    /// Sends the request. Any HTTP answer is `Ok`, whatever its status.
    pub async fn send(self) -> Result<Response, HttpError> {
        let unprepared = |error: JsValue| HttpError::Unprepared(describe_js_error(&error));
        let window = browser::window().ok_or(HttpError::Offline)?;
        let headers = web_sys::Headers::new().map_err(unprepared)?;
        for (name, value) in &self.headers {
            headers.set(name, value).map_err(unprepared)?;
        }
        let init = web_sys::RequestInit::new();
        init.set_method(self.method.as_str());
        init.set_headers(&headers);
        match &self.body {
            Some(Body::Text(text)) => init.set_body(&JsValue::from_str(text)),
            Some(Body::Bytes(bytes)) => init.set_body(&js_sys::Uint8Array::from(bytes.as_slice())),
            None => {}
        }
        let deadline = self.timeout_ms.and_then(Deadline::start);
        if let Some(deadline) = &deadline {
            init.set_signal(Some(&deadline.controller.signal()));
        }
        let request =
            web_sys::Request::new_with_str_and_init(&self.url, &init).map_err(unprepared)?;
        let answer = JsFuture::from(window.fetch_with_request(&request)).await;
        let inner: web_sys::Response = answer
            .map_err(|error| failure(&error, deadline.as_ref()))?
            .dyn_into()
            .map_err(|error| HttpError::Network(describe_js_error(&error)))?;
        Ok(Response { inner, deadline })
    }
}

/// What a rejected `fetch` or body read means.
fn failure(error: &JsValue, deadline: Option<&Deadline>) -> HttpError {
    if deadline.is_some_and(Deadline::expired) {
        HttpError::Timeout
    } else if !browser::is_online() {
        HttpError::Offline
    } else {
        HttpError::Network(describe_js_error(error))
    }
}

/// A timer that aborts the request when it fires; dropped, it clears the timer.
struct Deadline {
    controller: web_sys::AbortController,
    expired: Rc<Cell<bool>>,
    timer: i32,
    _on_expiry: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(ms: u32) -> Option<Self> {
        let controller = web_sys::AbortController::new().ok()?;
        let expired = Rc::new(Cell::new(false));
        let on_expiry = {
            let controller = controller.clone();
            let expired = expired.clone();
            Closure::<dyn FnMut()>::new(move || {
                expired.set(true);
                controller.abort();
            })
        };
        // setTimeout takes a 32-bit delay.
        let delay = i32::try_from(ms).unwrap_or(i32::MAX);
        let timer = browser::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_expiry.as_ref().unchecked_ref(),
                delay,
            )
            .ok()?;
        Some(Self {
            controller,
            expired,
            timer,
            _on_expiry: on_expiry,
        })
    }

    fn expired(&self) -> bool {
        self.expired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = browser::window() {
            window.clear_timeout_with_handle(self.timer);
        }
    }
}

/// An HTTP answer whose body has not been read yet. The request's timeout runs until the body
/// is read.
pub struct Response {
    inner: web_sys::Response,
    deadline: Option<Deadline>,
}

impl Response {
    pub fn status(&self) -> u16 {
        self.inner.status()
    }

    /// Whether the status is 200–299.
    pub fn ok(&self) -> bool {
        self.inner.ok()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.inner.headers().get(name).ok().flatten()
    }

    /// This answer if its status is 200–299, else [`HttpError::Status`] with its body.
    pub async fn success(self) -> Result<Self, HttpError> {
        if self.ok() {
            return Ok(self);
        }
        let status = self.status();
        // A refusal whose body cannot be read is still the refusal.
        let body = self.text().await.unwrap_or_default();
        Err(HttpError::Status { status, body })
    }

    pub async fn text(self) -> Result<String, HttpError> {
        let read = self.inner.text().map_err(unreadable)?;
        let text = JsFuture::from(read)
            .await
            .map_err(|error| self.read_failure(&error))?;
        text.as_string()
            .ok_or_else(|| HttpError::UnreadableBody("the body is not text".to_owned()))
    }

    pub async fn bytes(self) -> Result<Vec<u8>, HttpError> {
        let read = self.inner.array_buffer().map_err(unreadable)?;
        let buffer = JsFuture::from(read)
            .await
            .map_err(|error| self.read_failure(&error))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// The body as JSON of type `T`.
    pub async fn json<T: DeserializeOwned>(self) -> Result<T, HttpError> {
        let text = self.text().await?;
        crate::json::read(&text).map_err(|error| HttpError::UnreadableBody(error.to_string()))
    }

    /// A body cut off on the way is the connection's failure, not the body's.
    fn read_failure(&self, error: &JsValue) -> HttpError {
        match failure(error, self.deadline.as_ref()) {
            HttpError::Network(message) => HttpError::UnreadableBody(message),
            other => other,
        }
    }
}

fn unreadable(error: JsValue) -> HttpError {
    HttpError::UnreadableBody(describe_js_error(&error))
}

/// `GET url` read as JSON of type `T`, or `None` when offline, refused, late or unreadable:
/// for what a page shows only when it can have it (the trust list, a course's enrolment).
pub async fn get_json_or_none<T: DeserializeOwned>(url: &str, timeout_ms: u32) -> Option<T> {
    Request::get(url)
        .timeout_ms(timeout_ms)
        .send()
        .await
        .ok()?
        .success()
        .await
        .ok()?
        .json()
        .await
        .ok()
}

/// The message of the server's JSON error body, `{"error": "…"}`, if the body is one.
pub fn error_message(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct ErrorBody {
        error: String,
    }
    crate::json::read::<ErrorBody>(body)
        .ok()
        .map(|body| body.error)
}

/// Gzips `bytes` with the browser's `CompressionStream`, or `None` when the browser has none.
/// web-sys binds `CompressionStream` only behind its unstable-API flag, so it is reached through
/// `Reflect`.
pub async fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let global = js_sys::global();
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&global, &JsValue::from_str("CompressionStream"))
            .ok()?
            .dyn_into()
            .ok()?;
    let arguments = js_sys::Array::of1(&JsValue::from_str("gzip"));
    let compressor = js_sys::Reflect::construct(&constructor, &arguments).ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let stream = blob.stream();
    let pipe_through: js_sys::Function =
        js_sys::Reflect::get(&stream, &JsValue::from_str("pipeThrough"))
            .ok()?
            .dyn_into()
            .ok()?;
    let compressed: web_sys::ReadableStream = pipe_through
        .call1(&stream, &compressor)
        .ok()?
        .dyn_into()
        .ok()?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&compressed)).ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
