//! The server's one error type and the one place it becomes an HTTP response.
//!
//! Handlers return `Result<_, ServerError>`; [`IntoResponse`] picks the status code and writes
//! `{ "error": "…" }` with a lowercase message. Internal failures (database, background tasks)
//! are logged in full and answered with a generic message, so nothing about the server's
//! insides leaks to a client.

use axum::http::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baeum_core::xapi::XapiValidationError;

use crate::store::StoreError;

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
            StoreError::StatementConflict(id) => ServerError::Conflict(format!(
                "statement {id} already exists with a different body"
            )),
            StoreError::AssignmentExists(id) => {
                ServerError::Conflict(format!("assignment {id} already exists"))
            }
            StoreError::InvitationInvalid => ServerError::Forbidden(
                "this teacher invitation code is unknown, used or expired; ask an administrator for a new one".into(),
            ),
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
            ServerError::Gone(_) => StatusCode::GONE,
            ServerError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ServerError::ContentUnavailable(_) | ServerError::Busy { .. } => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ServerError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ServerError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
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
        // A 503 says what is unavailable in words meant for the user; every other server error
        // hides its details.
        let message = if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
            tracing::error!(error = %self, "request failed");
            "internal server error".to_owned()
        } else {
            self.to_string()
        };
        let mut response = (status, Json(serde_json::json!({ "error": message }))).into_response();
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
