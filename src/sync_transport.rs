//! How the sync driver and the account calls reach the server: a [`Transport`] (a trait, so
//! browser tests can put a scripted server in its place) and the real one, [`FetchTransport`],
//! over the app's HTTP client with the xAPI headers and a gzip body.

use baeum_core::sync::HttpResponse;
use futures::future::{FutureExt, LocalBoxFuture};

use crate::http::{self, HttpError, Method};

/// The xAPI version every request to `/xapi/` declares.
pub const XAPI_VERSION_HEADER_VALUE: &str = "2.0.0";

/// One request to the server, before it is sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransportRequest {
    pub method: Method,
    /// Absolute, or relative to the page's origin.
    pub url: String,
    /// Sent as `Authorization: Bearer <token>`.
    pub bearer_token: Option<String>,
    /// Whether this is an xAPI request, which carries `X-Experience-API-Version`.
    pub xapi: bool,
    /// A JSON body.
    pub body: Option<String>,
    /// Given up as [`HttpError::Timeout`] after this long; the driver sets the engine's.
    pub timeout_ms: Option<u32>,
}

pub type TransportFuture = LocalBoxFuture<'static, Result<HttpResponse, HttpError>>;

/// Sends requests to the server. [`FetchTransport`] is the app's HTTP client ([`crate::http`]);
/// tests use a fake.
pub trait Transport {
    fn send(&self, request: TransportRequest) -> TransportFuture;
}

/// The real transport, with a gzip-compressed body (`Content-Encoding: gzip`, which the server
/// accepts on `/xapi/`) when the browser has `CompressionStream` and the compressed body is
/// smaller. A learner's batch of statements shrinks to about a fifth, which matters on a
/// metered connection.
#[derive(Clone, Copy, Debug, Default)]
pub struct FetchTransport;

/// Bodies smaller than this are sent as they are: gzip's header would eat the saving.
const GZIP_THRESHOLD_BYTES: usize = 512;

impl Transport for FetchTransport {
    fn send(&self, request: TransportRequest) -> TransportFuture {
        async move { fetch(request).await }.boxed_local()
    }
}

async fn fetch(request: TransportRequest) -> Result<HttpResponse, HttpError> {
    let mut outgoing = http::Request::new(request.method, request.url);
    if let Some(token) = &request.bearer_token {
        outgoing = outgoing.bearer(token);
    }
    if request.xapi {
        outgoing = outgoing.header("X-Experience-API-Version", XAPI_VERSION_HEADER_VALUE);
    }
    if let Some(timeout_ms) = request.timeout_ms {
        outgoing = outgoing.timeout_ms(timeout_ms);
    }
    if let Some(body) = request.body {
        let compressed = if request.xapi && body.len() >= GZIP_THRESHOLD_BYTES {
            http::gzip(body.as_bytes()).await
        } else {
            None
        };
        outgoing = match compressed {
            Some(bytes) if bytes.len() < body.len() => outgoing
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .bytes(bytes),
            _ => outgoing.json_text(body),
        };
    }
    let response = outgoing.send().await?;
    let status = response.status();
    let date = response.header("date");
    let consistent_through = response.header("x-experience-api-consistent-through");
    let body = response.text().await?;
    Ok(HttpResponse {
        status,
        body,
        date,
        consistent_through,
    })
}
