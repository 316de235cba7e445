//! The server's one error type and the one place it becomes an HTTP response.
//!
//! Handlers return `Result<_, ServerError>`; [`IntoResponse`] picks the status code and writes
//! `{ "error": "…" }` with a lowercase message (a refused batch of statements adds core's
//! `PushRejectionBody` fields, naming the statements at fault). Internal failures (database, background tasks)
//! are logged in full and answered with a generic message, so nothing about the server's
//! insides leaks to a client.

use axum::http::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baeum_core::sync::wire::PushRejectionBody;
use baeum_core::xapi::XapiValidationError;
use chrono::{Duration, Utc};

use crate::store::StoreError;

/// Why a batch of statements was refused when the refusal names statements (the body is
/// core's [`PushRejectionBody`], so the client reads exactly what the server writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementRefusal {
    /// 400: statements broke the specification's rules (or this LRS's, like voiding another
    /// actor's statement); each named one has its reason.
    Invalid,
    /// 403: statements this caller may not write (another actor).
    Forbidden,
    /// 404: ids held by statements the caller may not read. The answer reveals nothing of
    /// them: only that the id cannot be used.
    IdUnusable,
    /// 409: ids held by different statements the caller may read; each comes with the stored
    /// copy.
    Conflict,
}

/// Which authentication scheme a 401 challenge names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Challenge {
    /// The request used HTTP Basic (xAPI tools do): answer with a Basic challenge.
    Basic,
    /// Anything else. A Bearer challenge, because a Basic one would make browsers show their
    /// own login dialog over the web app.
    Bearer,
}

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// Malformed input: bad JSON, a missing or unknown parameter, a wrong header.
    #[error("{0}")]
    BadRequest(String),
    /// A statement broke a rule of the xAPI specification.
    #[error("invalid statement: {0}")]
    InvalidStatement(#[from] XapiValidationError),
    /// No credentials, or credentials that were refused.
    #[error("{message}")]
    Unauthorized {
        message: String,
        challenge: Challenge,
    },
    /// Valid credentials that may not do this.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// An `If-Match` or `If-None-Match` precondition does not hold (xAPI documents).
    #[error("{0}")]
    PreconditionFailed(String),
    /// The thing existed and was deleted for good; repeating the request cannot succeed.
    #[error("{0}")]
    Gone(String),
    /// Too many attempts (guessing join codes); answered with `Retry-After`.
    #[error("{message}")]
    TooManyRequests {
        message: String,
        retry_after_seconds: u64,
    },
    #[error("request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The content catalog the server hosts could not be read (not built, or damaged).
    #[error("{0}")]
    ContentUnavailable(String),
    /// A batch of statements was refused, naming the statements at fault.
    #[error("{}", .body.message.as_deref().unwrap_or("the statements were refused"))]
    StatementsRefused {
        refusal: StatementRefusal,
        body: PushRejectionBody,
    },
    /// The disk is full (or failing): nothing was stored, and the client should keep what it
    /// sent and try again later (507 Insufficient Storage).
    #[error("the server's storage is full; nothing was stored, try again later")]
    InsufficientStorage,
    #[error("storage failed: {0}")]
    Store(StoreError),
    #[error("password hashing failed: {0}")]
    PasswordHash(String),
    /// Too much work waiting (password hashing); answered 503 with `Retry-After`.
    #[error("{message}")]
    Busy {
        message: String,
        retry_after_seconds: u64,
    },
}

impl From<StoreError> for ServerError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::UsernameTaken => ServerError::Conflict("username is already taken".into()),
            StoreError::InsufficientStorage(cause) => {
                tracing::error!(error = %cause, "the database is out of space or cannot write");
                ServerError::InsufficientStorage
            }
            StoreError::DailyLimitReached {
                kind,
                limit,
                used,
                day,
            } => {
                let tomorrow = day
                    .succ_opt()
                    .and_then(|next| next.and_hms_opt(0, 0, 0))
                    .map(|midnight| midnight.and_utc());
                let retry_after_seconds = tomorrow
                    .map(|midnight| (midnight - Utc::now()).max(Duration::seconds(1)))
                    .map_or(86_400, |wait| {
                        u64::try_from(wait.num_seconds()).unwrap_or(1)
                    });
                ServerError::TooManyRequests {
                    message: format!(
                        "this account has stored {used} {unit} today, and one account may store \
                         at most {limit} {unit} a day; nothing of this request was stored. \
                         send it again after 00:00 utc",
                        unit = kind.unit()
                    ),
                    retry_after_seconds: retry_after_seconds.max(1),
                }
            }
            StoreError::AssignmentExists(id) => {
                ServerError::Conflict(format!("assignment {id} already exists"))
            }
            StoreError::InvitationInvalid => ServerError::Forbidden(
                "this teacher invitation code is unknown, used or expired; ask an administrator for a new one".into(),
            ),
            StoreError::HostTaken { host, site } => {
                ServerError::Conflict(format!("the host {host} already belongs to the site {site}"))
            }
            other => ServerError::Store(other),
        }
    }
}

impl ServerError {
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::BadRequest(_) | ServerError::InvalidStatement(_) => {
                StatusCode::BAD_REQUEST
            }
            ServerError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ServerError::Forbidden(_) => StatusCode::FORBIDDEN,
            ServerError::NotFound(_) => StatusCode::NOT_FOUND,
            ServerError::Conflict(_) => StatusCode::CONFLICT,
            ServerError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            ServerError::Gone(_) => StatusCode::GONE,
            ServerError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ServerError::ContentUnavailable(_) | ServerError::Busy { .. } => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ServerError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ServerError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ServerError::StatementsRefused { refusal, .. } => match refusal {
                StatementRefusal::Invalid => StatusCode::BAD_REQUEST,
                StatementRefusal::Forbidden => StatusCode::FORBIDDEN,
                StatementRefusal::IdUnusable => StatusCode::NOT_FOUND,
                StatementRefusal::Conflict => StatusCode::CONFLICT,
            },
            ServerError::InsufficientStorage => StatusCode::INSUFFICIENT_STORAGE,
            ServerError::Store(_) | ServerError::PasswordHash(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ServerError::BadRequest(message.into())
    }

    pub fn unauthorized(message: impl Into<String>, challenge: Challenge) -> Self {
        ServerError::Unauthorized {
            message: message.into(),
            challenge,
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        // A 503 and a 507 say what is unavailable in words meant for the user; every other
        // server error hides its details.
        let speaks_for_itself = matches!(
            status,
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::INSUFFICIENT_STORAGE
        );
        let message = if status.is_server_error() && !speaks_for_itself {
            tracing::error!(error = %self, "request failed");
            "internal server error".to_owned()
        } else {
            self.to_string()
        };
        let body = match &self {
            // The named statements, and `error` as well for clients that read only that.
            ServerError::StatementsRefused { body, .. } => {
                let mut value =
                    serde_json::to_value(body).unwrap_or_else(|_| serde_json::json!({}));
                if let Some(object) = value.as_object_mut() {
                    object.insert("error".to_owned(), serde_json::Value::String(message));
                }
                value
            }
            _ => serde_json::json!({ "error": message }),
        };
        let mut response = (status, Json(body)).into_response();
        if let ServerError::TooManyRequests {
            retry_after_seconds,
            ..
        }
        | ServerError::Busy {
            retry_after_seconds,
            ..
        } = &self
        {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(*retry_after_seconds));
        }
        if let ServerError::Unauthorized { challenge, .. } = &self {
            let value = match challenge {
                Challenge::Basic => "Basic realm=\"baeum\", charset=\"UTF-8\"",
                Challenge::Bearer => "Bearer realm=\"baeum\"",
            };
            response
                .headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static(value));
        }
        response
    }
}
