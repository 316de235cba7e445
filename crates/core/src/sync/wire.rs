//! What the sync engine sends to and reads from `/xapi/statements`, and how a response's status
//! and body are classified into what the engine does next.
//!
//! Push: `POST /xapi/statements` with a JSON array of statements (xAPI 2.0, 2.1.2). The server
//! answers 200 with the array of ids or 204 when everything is stored. When it refuses a batch
//! it answers 400 (invalid) or 409 (an id it already holds), and baeum's server adds a
//! [`PushRejectionBody`] naming the statements at fault, with its stored copy for each conflict,
//! so the client can tell "already stored, identical" (acknowledged) from "a different
//! statement holds this id" (rejected). A server that names nothing still works: the engine
//! halves the batch until it finds the statement at fault.
//!
//! Pull: `GET /xapi/statements?since=…&ascending=true&limit=…` (2.1.3), then the opaque `more`
//! URL for the following pages; the `X-Experience-API-Consistent-Through` header says up to
//! when the server's answer is complete.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::clock::{format_timestamp_ms, parse_timestamp_ms};
use super::{without_stored, StatementError, SyncStatement};

/// Longest server message kept for the UI; an HTML error page must not flood the status line.
const MAX_MESSAGE_CHARS: usize = 200;

/// The JSON array a push POSTs.
pub fn push_request_body(statements: &[SyncStatement]) -> String {
    let bodies: Vec<&Value> = statements.iter().map(SyncStatement::body).collect();
    // Serializing `Value`s cannot fail: their map keys are always strings.
    serde_json::to_string(&bodies).unwrap_or_else(|_| "[]".to_owned())
}

/// The body baeum's server sends with a 400 or 409 for a POST, naming the statements at fault.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PushRejectionBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Statements whose id the server already holds, each with the server's stored copy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ConflictingStatement>,
    /// Statements the server found invalid, each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<InvalidStatement>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictingStatement {
    pub id: Uuid,
    /// The statement the server holds under this id.
    pub stored: Value,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidStatement {
    pub id: Uuid,
    pub reason: String,
}

/// What a push response means for the statements that were sent.
#[derive(Clone, Debug, PartialEq)]
pub enum PushOutcome {
    /// 2xx: every statement in the batch is stored.
    Accepted,
    /// 400: the batch was refused as invalid; `statements` names the culprits when the server
    /// said which.
    Invalid {
        message: String,
        statements: Vec<InvalidStatement>,
    },
    /// 409: the server already holds some of these ids; `conflicts` carries its copies when the
    /// server sent them.
    Conflict {
        message: String,
        conflicts: Vec<ConflictingStatement>,
    },
    /// 413: the batch is too big for the server.
    TooLarge,
    /// 401 or 403: the credentials are missing, expired or revoked.
    SignedOut { status: u16 },
    /// Anything else (5xx, 408, 429, a misrouted 404…): nothing is wrong with the statements,
    /// so they stay in the outbox and the push is retried later.
    RetryLater { status: u16 },
}

/// Classifies a push response by its status code and body.
pub fn classify_push_response(status: u16, body: &str) -> PushOutcome {
    match status {
        200..=299 => PushOutcome::Accepted,
        400 => {
            let details = rejection_details(body);
            PushOutcome::Invalid {
                message: server_message(status, body),
                statements: details.invalid,
            }
        }
        409 => {
            let details = rejection_details(body);
            PushOutcome::Conflict {
                message: server_message(status, body),
                conflicts: details.conflicts,
            }
        }
        413 => PushOutcome::TooLarge,
        401 | 403 => PushOutcome::SignedOut { status },
        _ => PushOutcome::RetryLater { status },
    }
}

fn rejection_details(body: &str) -> PushRejectionBody {
    // A body that is not baeum's format names no statements; the engine then narrows the batch
    // down itself, so a parse failure here loses nothing.
    serde_json::from_str(body).unwrap_or_default()
}

/// The human-readable reason a server gave: its `message` or `error` property, else its plain
/// text, shortened; else a generic sentence with the status.
fn server_message(status: u16, body: &str) -> String {
    let from_json = serde_json::from_str::<Value>(body).ok().and_then(|value| {
        ["message", "error"]
            .iter()
            .find_map(|key| value.get(key).and_then(Value::as_str).map(str::to_owned))
    });
    let text = from_json.unwrap_or_else(|| {
        let trimmed = body.trim();
        if trimmed.starts_with('{') || trimmed.starts_with('<') {
            String::new()
        } else {
            trimmed.to_owned()
        }
    });
    if text.trim().is_empty() {
        return format!("the server refused the statements (http {status})");
    }
    text.chars().take(MAX_MESSAGE_CHARS).collect()
}

/// What to GET next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PullRequest {
    /// The first page of a pull: statements stored after `since_ms` (exclusive), oldest first.
    /// `None` means from the beginning.
    Since { since_ms: Option<i64>, limit: usize },
    /// A following page: the server's opaque `more` URL, requested as it is.
    More { url: String },
}

impl PullRequest {
    /// The query parameters of a `Since` request (the client adds its `agent` filter); empty
    /// for `More`, whose URL already carries everything.
    pub fn query_parameters(&self) -> Vec<(&'static str, String)> {
        match self {
            PullRequest::Since { since_ms, limit } => {
                let mut parameters = vec![
                    ("ascending", "true".to_owned()),
                    ("limit", limit.to_string()),
                ];
                if let Some(since) = since_ms.and_then(|ms| format_timestamp_ms(ms).ok()) {
                    parameters.push(("since", since));
                }
                parameters
            }
            PullRequest::More { .. } => Vec::new(),
        }
    }
}

/// A statement read from the server, with the `stored` time that orders the pull cursor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PulledStatement {
    /// The statement without its `stored` property, so that it equals the original.
    pub statement: SyncStatement,
    pub stored_ms: i64,
}

/// One page of a pull.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PullPage {
    pub statements: Vec<PulledStatement>,
    /// The URL of the next page, when there is one.
    pub more: Option<String>,
    /// The server's promise that every statement stored before this time is in its answers.
    pub consistent_through_ms: Option<i64>,
}

impl PullPage {
    /// Where the pull cursor may move once this page is stored.
    ///
    /// With more pages to come, only up to the newest statement read, and never past the
    /// consistent-through time, because a statement stored earlier but not yet visible would
    /// otherwise be skipped for good. On the last page, the consistent-through time itself: the
    /// server has said everything before it was shown. Without that header, the newest statement
    /// read. The overlap window the engine subtracts covers servers whose promise is a little
    /// optimistic.
    pub fn cursor_candidate(&self) -> Option<i64> {
        let newest_read = self.statements.iter().map(|pulled| pulled.stored_ms).max();
        match (&self.more, self.consistent_through_ms) {
            (Some(_), Some(consistent)) => newest_read.map(|newest| newest.min(consistent)),
            (Some(_), None) => newest_read,
            (None, Some(consistent)) => Some(consistent),
            (None, None) => newest_read,
        }
    }
}

/// Why a pull page could not be read. The page is then retried as a whole; half a page is
/// never stored, so the cursor cannot skip what was not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PullPageError {
    #[error("the server's statement list is not json of the expected shape: {0}")]
    NotAStatementResult(String),
    #[error("statement {index} of the page has no uuid \"id\"")]
    StatementWithoutId { index: usize },
    #[error("statement {index} of the page has no readable \"stored\" time")]
    StatementWithoutStored { index: usize },
    #[error("statement {index} of the page is not usable: {source}")]
    BadStatement {
        index: usize,
        source: StatementError,
    },
}

/// What a pull response means.
#[derive(Clone, Debug, PartialEq)]
pub enum PullOutcome {
    Page(PullPage),
    SignedOut { status: u16 },
    RetryLater { status: u16 },
    Unreadable(PullPageError),
}

#[derive(Deserialize)]
struct StatementResult {
    statements: Vec<Value>,
    #[serde(default)]
    more: Option<String>,
}

/// Classifies a pull response by status, body and `X-Experience-API-Consistent-Through` header.
/// An unreadable header is treated as absent: the cursor then follows the statements read,
/// which is still safe within the overlap window.
pub fn classify_pull_response(
    status: u16,
    body: &str,
    consistent_through_header: Option<&str>,
) -> PullOutcome {
    match status {
        200 => match read_pull_page(body, consistent_through_header) {
            Ok(page) => PullOutcome::Page(page),
            Err(error) => PullOutcome::Unreadable(error),
        },
        401 | 403 => PullOutcome::SignedOut { status },
        _ => PullOutcome::RetryLater { status },
    }
}

fn read_pull_page(
    body: &str,
    consistent_through_header: Option<&str>,
) -> Result<PullPage, PullPageError> {
    let result: StatementResult = serde_json::from_str(body)
        .map_err(|error| PullPageError::NotAStatementResult(error.to_string()))?;
    let mut statements = Vec::with_capacity(result.statements.len());
    for (index, body) in result.statements.into_iter().enumerate() {
        let id = body
            .get("id")
            .and_then(Value::as_str)
            .and_then(|text| Uuid::parse_str(text).ok())
            .ok_or(PullPageError::StatementWithoutId { index })?;
        let stored_ms = body
            .get("stored")
            .and_then(Value::as_str)
            .and_then(|text| parse_timestamp_ms(text).ok())
            .ok_or(PullPageError::StatementWithoutStored { index })?;
        let statement = SyncStatement::new(id, without_stored(body))
            .map_err(|source| PullPageError::BadStatement { index, source })?;
        statements.push(PulledStatement {
            statement,
            stored_ms,
        });
    }
    Ok(PullPage {
        statements,
        more: result.more.filter(|url| !url.trim().is_empty()),
        consistent_through_ms: consistent_through_header
            .and_then(|text| parse_timestamp_ms(text).ok()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn push_body_is_a_json_array_of_the_bodies() {
        let statements = vec![
            SyncStatement::new(id(1), json!({"verb": "a"})).unwrap(),
            SyncStatement::new(id(2), json!({"verb": "b"})).unwrap(),
        ];
        let parsed: Value = serde_json::from_str(&push_request_body(&statements)).unwrap();
        assert_eq!(
            parsed,
            json!([{"id": id(1).to_string(), "verb": "a"}, {"id": id(2).to_string(), "verb": "b"}])
        );
    }

    #[test]
    fn success_statuses_acknowledge_and_credential_statuses_sign_out() {
        assert_eq!(classify_push_response(200, "[]"), PushOutcome::Accepted);
        assert_eq!(classify_push_response(204, ""), PushOutcome::Accepted);
        assert_eq!(
            classify_push_response(401, ""),
            PushOutcome::SignedOut { status: 401 }
        );
        assert_eq!(
            classify_push_response(403, ""),
            PushOutcome::SignedOut { status: 403 }
        );
        assert_eq!(classify_push_response(413, ""), PushOutcome::TooLarge);
    }

    #[test]
    fn transient_and_unexpected_statuses_are_retried() {
        for status in [0, 302, 404, 408, 429, 500, 502, 503, 504] {
            assert_eq!(
                classify_push_response(status, "<html>oops</html>"),
                PushOutcome::RetryLater { status },
                "{status}"
            );
        }
    }

    #[test]
    fn a_400_names_its_culprits_when_the_server_says_which() {
        let body = json!({"message": "bad batch", "invalid": [{"id": id(3), "reason": "no verb"}]});
        assert_eq!(
            classify_push_response(400, &body.to_string()),
            PushOutcome::Invalid {
                message: "bad batch".to_owned(),
                statements: vec![InvalidStatement {
                    id: id(3),
                    reason: "no verb".to_owned()
                }],
            }
        );
        assert_eq!(
            classify_push_response(400, "actor is missing"),
            PushOutcome::Invalid {
                message: "actor is missing".to_owned(),
                statements: vec![]
            }
        );
        assert_eq!(
            classify_push_response(400, "<html>Bad Request</html>"),
            PushOutcome::Invalid {
                message: "the server refused the statements (http 400)".to_owned(),
                statements: vec![]
            }
        );
    }

    #[test]
    fn a_409_carries_the_servers_copies() {
        let body = json!({"error": "duplicate", "conflicts": [{"id": id(4), "stored": {"id": id(4).to_string()}}]});
        assert_eq!(
            classify_push_response(409, &body.to_string()),
            PushOutcome::Conflict {
                message: "duplicate".to_owned(),
                conflicts: vec![ConflictingStatement {
                    id: id(4),
                    stored: json!({"id": id(4).to_string()})
                }],
            }
        );
        let long = "x".repeat(1_000);
        match classify_push_response(409, &long) {
            PushOutcome::Conflict { message, conflicts } => {
                assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS);
                assert!(conflicts.is_empty());
            }
            other => panic!("expected a conflict, got {other:?}"),
        }
    }

    #[test]
    fn pull_page_is_read_with_stored_removed_and_empty_more_as_none() {
        let body = json!({
            "statements": [
                {"id": id(5).to_string(), "verb": "a", "stored": "2026-11-23T07:00:00.250Z"},
            ],
            "more": ""
        });
        let outcome = classify_pull_response(200, &body.to_string(), Some("2026-11-23T07:00:01Z"));
        let PullOutcome::Page(page) = outcome else {
            panic!("expected a page, got {outcome:?}");
        };
        assert_eq!(page.more, None);
        assert_eq!(page.statements.len(), 1);
        assert_eq!(page.statements[0].statement.id(), id(5));
        assert_eq!(page.statements[0].statement.body().get("stored"), None);
        assert_eq!(
            page.statements[0].stored_ms,
            parse_timestamp_ms("2026-11-23T07:00:00.250Z").unwrap()
        );
        assert_eq!(
            page.consistent_through_ms,
            parse_timestamp_ms("2026-11-23T07:00:01Z").ok()
        );
    }

    #[test]
    fn a_page_with_one_bad_statement_is_unreadable_as_a_whole() {
        let no_stored = json!({"statements": [{"id": id(6).to_string()}]}).to_string();
        assert_eq!(
            classify_pull_response(200, &no_stored, None),
            PullOutcome::Unreadable(PullPageError::StatementWithoutStored { index: 0 })
        );
        let no_id = json!({"statements": [{"stored": "2026-11-23T07:00:00Z"}]}).to_string();
        assert_eq!(
            classify_pull_response(200, &no_id, None),
            PullOutcome::Unreadable(PullPageError::StatementWithoutId { index: 0 })
        );
        assert!(matches!(
            classify_pull_response(200, "<html/>", None),
            PullOutcome::Unreadable(PullPageError::NotAStatementResult(_))
        ));
        assert_eq!(
            classify_pull_response(503, "", None),
            PullOutcome::RetryLater { status: 503 }
        );
        assert_eq!(
            classify_pull_response(401, "", None),
            PullOutcome::SignedOut { status: 401 }
        );
    }

    fn page(stored: &[i64], more: bool, consistent: Option<i64>) -> PullPage {
        PullPage {
            statements: stored
                .iter()
                .enumerate()
                .map(|(index, &stored_ms)| PulledStatement {
                    statement: SyncStatement::new(id(index as u128 + 1), json!({})).unwrap(),
                    stored_ms,
                })
                .collect(),
            more: more.then(|| "/xapi/statements?more=abc".to_owned()),
            consistent_through_ms: consistent,
        }
    }

    #[test]
    fn cursor_never_passes_consistent_through_while_pages_remain() {
        assert_eq!(page(&[10, 30], true, Some(20)).cursor_candidate(), Some(20));
        assert_eq!(page(&[10, 30], true, Some(50)).cursor_candidate(), Some(30));
        assert_eq!(page(&[10, 30], true, None).cursor_candidate(), Some(30));
        assert_eq!(page(&[], true, Some(50)).cursor_candidate(), None);
        assert_eq!(
            page(&[10, 30], false, Some(20)).cursor_candidate(),
            Some(20)
        );
        assert_eq!(page(&[], false, Some(70)).cursor_candidate(), Some(70));
        assert_eq!(page(&[10, 30], false, None).cursor_candidate(), Some(30));
        assert_eq!(page(&[], false, None).cursor_candidate(), None);
    }

    #[test]
    fn since_request_formats_its_parameters() {
        let request = PullRequest::Since {
            since_ms: Some(784_111_777_000),
            limit: 50,
        };
        assert_eq!(
            request.query_parameters(),
            vec![
                ("ascending", "true".to_owned()),
                ("limit", "50".to_owned()),
                ("since", "1994-11-06T08:49:37.000Z".to_owned()),
            ]
        );
        let from_start = PullRequest::Since {
            since_ms: None,
            limit: 10,
        };
        assert_eq!(from_start.query_parameters().len(), 2);
    }
}
