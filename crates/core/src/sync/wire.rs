//! What the sync engine sends to and reads from `/xapi/statements`, and how a response's status
//! and body are classified into what the engine does next.
//!
//! Push: `POST /xapi/statements` with a JSON array of statements (xAPI 2.0, 2.1.2). The server
//! answers 200 with the array of ids or 204 when everything is stored. When it refuses a batch
//! for what is in it, baeum's server answers 400 (invalid statements), 409 (an id it already
//! holds, with its stored copy) or 404 (an id this caller may not use) with a
//! [`PushRejectionBody`] naming each statement at fault and why, so the client can tell
//! "already stored, identical" (acknowledged) from "a different statement holds this id"
//! (rejected). Only such a named answer ever sets a statement aside. Any other refusal (a 400
//! from a proxy, an HTML error page, a 409 naming nothing, a stripped version header, a corrupt
//! gzip body) says nothing about any statement: the whole batch stays in the outbox and is sent
//! again after a backoff, with the problem shown. A 413 is the one refusal the engine narrows
//! down by itself: it halves the batch, and a single statement that is still too large is set
//! aside, which the engine can prove without the server naming it.
//!
//! Pull: `GET /xapi/statements?since=…&ascending=true&limit=…` (2.1.3), then the `more` link for
//! the following pages; the `X-Experience-API-Consistent-Through` header says up to when the
//! server's answer is complete. A `more` link is followed only when it is the server's own
//! relative `/xapi/statements` link: the request carries the learner's token, which must never
//! go to another host.

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

/// The body baeum's server sends with a 400, 404 or 409 for a POST, naming the statements at
/// fault.
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
    /// 400, 404 or 409 whose body names statements and why: the server refused those. The
    /// engine still checks that the named statements are in the batch.
    Named {
        status: u16,
        message: String,
        /// Statements the server found invalid, or may not be written by this caller.
        invalid: Vec<InvalidStatement>,
        /// Statements whose id the server already holds, with its copy.
        conflicts: Vec<ConflictingStatement>,
    },
    /// A refusal (any other 4xx, or a 400/404/409 naming nothing) that says nothing about any
    /// statement: a proxy's error page, a stripped header, a body the server could not read.
    /// Nothing is set aside; the batch is sent again later.
    Unexplained { status: u16, message: String },
    /// 413: the batch is too big for the server.
    TooLarge,
    /// 401 or 403: the credentials are missing, expired or revoked.
    SignedOut { status: u16 },
    /// 5xx, 408, 429, or no HTTP status at all: the server is busy or away, so the statements
    /// stay in the outbox and the push is retried later.
    RetryLater { status: u16 },
}

/// The statuses whose body may name the statements at fault.
const NAMING_STATUSES: [u16; 3] = [400, 404, 409];

/// Classifies a push response by its status code and body.
pub fn classify_push_response(status: u16, body: &str) -> PushOutcome {
    match status {
        200..=299 => PushOutcome::Accepted,
        413 => PushOutcome::TooLarge,
        401 | 403 => PushOutcome::SignedOut { status },
        // Busy or timed out: the server did not look at the statements.
        408 | 429 => PushOutcome::RetryLater { status },
        400..=499 => {
            let details = rejection_details(body);
            let message = server_message(status, body);
            let names_statements = !details.invalid.is_empty() || !details.conflicts.is_empty();
            if NAMING_STATUSES.contains(&status) && names_statements {
                PushOutcome::Named {
                    status,
                    message,
                    invalid: details.invalid,
                    conflicts: details.conflicts,
                }
            } else {
                PushOutcome::Unexplained { status, message }
            }
        }
        _ => PushOutcome::RetryLater { status },
    }
}

fn rejection_details(body: &str) -> PushRejectionBody {
    // A body that is not baeum's format names no statements, and a refusal naming none keeps
    // the whole batch, so a parse failure here loses nothing.
    crate::json::read(body.as_bytes()).unwrap_or_default()
}

/// The human-readable reason a server gave: its `message` or `error` property, else its plain
/// text, shortened; else a generic sentence with the status.
fn server_message(status: u16, body: &str) -> String {
    let from_json = crate::json::read::<Value>(body.as_bytes())
        .ok()
        .and_then(|value| {
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
    // Trimmed before it is cut: a message of spaces with a word past the cut would else be
    // shown as blank (found by the `sync_wire` fuzz target).
    let text = text.trim();
    if text.is_empty() {
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
    /// A following page: the server's opaque `more` link, requested as it is. Only a link that
    /// [`is_own_more_link`] accepts is ever put here.
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
    #[error("the page's \"more\" link is not this server's own statements link: {link}")]
    ForeignMoreLink { link: String },
}

/// The path every `more` link must start with.
const MORE_LINK_PATH: &str = "/xapi/statements";
/// The longest `more` link shown in an error.
const MAX_LINK_CHARS: usize = 120;

/// Whether `link` is the server's own relative statements link, the only kind a pull follows
/// with the learner's token: `/xapi/statements` alone or with a query. Absolute links,
/// protocol-relative ones (`//host`, which a browser also reads in `/\host`), any other path,
/// and anything holding a scheme (`://`), a backslash, whitespace or a control character are
/// refused.
pub fn is_own_more_link(link: &str) -> bool {
    let Some(rest) = link.strip_prefix(MORE_LINK_PATH) else {
        return false;
    };
    (rest.is_empty() || rest.starts_with('?'))
        && !link.contains("://")
        && !link
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
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
    let result: StatementResult = crate::json::read(body.as_bytes())
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
    let more = result.more.filter(|link| !link.trim().is_empty());
    if let Some(link) = &more {
        if !is_own_more_link(link) {
            return Err(PullPageError::ForeignMoreLink {
                link: link.chars().take(MAX_LINK_CHARS).collect(),
            });
        }
    }
    Ok(PullPage {
        statements,
        more,
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
        for status in [0, 302, 408, 429, 500, 502, 503, 504] {
            assert_eq!(
                classify_push_response(status, "<html>oops</html>"),
                PushOutcome::RetryLater { status },
                "{status}"
            );
        }
        // A misrouted 404 names nothing: retried too, never a rejection.
        assert_eq!(
            classify_push_response(404, "<html>oops</html>"),
            PushOutcome::Unexplained {
                status: 404,
                message: "the server refused the statements (http 404)".to_owned()
            }
        );
    }

    #[test]
    fn a_400_names_its_culprits_when_the_server_says_which() {
        let body = json!({"message": "bad batch", "invalid": [{"id": id(3), "reason": "no verb"}]});
        assert_eq!(
            classify_push_response(400, &body.to_string()),
            PushOutcome::Named {
                status: 400,
                message: "bad batch".to_owned(),
                invalid: vec![InvalidStatement {
                    id: id(3),
                    reason: "no verb".to_owned()
                }],
                conflicts: vec![],
            }
        );
    }

    #[test]
    fn a_400_that_names_no_statement_is_unexplained() {
        assert_eq!(
            classify_push_response(400, "actor is missing"),
            PushOutcome::Unexplained {
                status: 400,
                message: "actor is missing".to_owned(),
            }
        );
        assert_eq!(
            classify_push_response(400, "<html>Bad Request</html>"),
            PushOutcome::Unexplained {
                status: 400,
                message: "the server refused the statements (http 400)".to_owned(),
            }
        );
        // baeum's own shape, with empty lists: still nothing named.
        let empty = json!({"message": "missing X-Experience-API-Version", "invalid": []});
        assert_eq!(
            classify_push_response(400, &empty.to_string()),
            PushOutcome::Unexplained {
                status: 400,
                message: "missing X-Experience-API-Version".to_owned(),
            }
        );
        // A body that names statements under a status that cannot name them is not believed.
        let named = json!({"invalid": [{"id": id(3), "reason": "no verb"}]}).to_string();
        for status in [405, 415, 422] {
            assert!(
                matches!(
                    classify_push_response(status, &named),
                    PushOutcome::Unexplained { .. }
                ),
                "{status}"
            );
        }
    }

    #[test]
    fn a_404_may_name_an_id_the_caller_may_not_use() {
        let body = json!({"invalid": [{"id": id(8), "reason": "no such statement"}]});
        assert!(matches!(
            classify_push_response(404, &body.to_string()),
            PushOutcome::Named { status: 404, ref invalid, .. } if invalid.len() == 1
        ));
    }

    #[test]
    fn a_409_carries_the_servers_copies() {
        let body = json!({"error": "duplicate", "conflicts": [{"id": id(4), "stored": {"id": id(4).to_string()}}]});
        assert_eq!(
            classify_push_response(409, &body.to_string()),
            PushOutcome::Named {
                status: 409,
                message: "duplicate".to_owned(),
                invalid: vec![],
                conflicts: vec![ConflictingStatement {
                    id: id(4),
                    stored: json!({"id": id(4).to_string()})
                }],
            }
        );
        let long = "x".repeat(1_000);
        match classify_push_response(409, &long) {
            PushOutcome::Unexplained { status, message } => {
                assert_eq!(status, 409);
                assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS);
            }
            other => panic!("expected an unexplained refusal, got {other:?}"),
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

    #[test]
    fn only_the_servers_own_relative_more_link_is_followed() {
        for own in [
            "/xapi/statements?more=eyJwYXJhbWV0ZXJzIjpbXX0",
            "/xapi/statements?more=1795420000000:0190f3a2-0000-7000-8000-000000000000:5",
            "/xapi/statements",
        ] {
            assert!(is_own_more_link(own), "{own}");
        }
        for foreign in [
            "https://evil.example/xapi/statements?more=a",
            "http://evil.example/xapi/statements",
            "//evil.example/xapi/statements?more=a",
            "/\\evil.example/xapi/statements",
            "/xapi/statements/../../api/me",
            "/xapi/statementsX?more=a",
            "/api/me",
            "xapi/statements?more=a",
            "javascript:alert(1)",
            "/xapi/statements?more=https://evil.example/",
            "/xapi/statements?more=a\\b",
            "/xapi/statements?more=a b",
            "/xapi/statements?more=a\nb",
        ] {
            assert!(!is_own_more_link(foreign), "{foreign}");
        }
    }

    #[test]
    fn a_page_pointing_elsewhere_is_refused_as_malformed() {
        for link in [
            "https://evil.example/xapi/statements?more=a",
            "//evil.example/xapi/statements?more=a",
            "/api/me",
        ] {
            let body = json!({
                "statements": [{"id": id(5).to_string(), "stored": "2026-11-23T07:00:00Z"}],
                "more": link,
            });
            assert_eq!(
                classify_pull_response(200, &body.to_string(), None),
                PullOutcome::Unreadable(PullPageError::ForeignMoreLink {
                    link: link.to_owned()
                }),
                "{link}"
            );
        }
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
