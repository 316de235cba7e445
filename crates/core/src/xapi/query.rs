//! The query string of `GET /xapi/statements` (xAPI 2.0 communication part, 2.1.3), read into
//! a typed request before the server touches its store.
//!
//! Pure parsing, so that it can be tested and fuzzed without a server: every parameter is
//! checked here (names, repeats, the `more` token, uuids, IRIs, timestamps, booleans, `limit`),
//! and the server only adds what depends on the caller (which actors they may read).
//!
//! A `more` link is `/xapi/statements?more=<token>`: the token is the original parameters and
//! where the page ended, as JSON in unpadded URL-safe base64, so it never expires and needs no
//! server-side state. A token is refused unless it decodes to parameters that are themselves a
//! valid query.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::formats::{is_absolute_iri, parse_standard_uuid, parse_timestamp};
use super::{validate_actor, XapiValidationError};

/// Most statements returned in one page (also what `limit=0` means).
pub const MAX_PAGE_SIZE: usize = 200;

/// The path a `more` link starts with.
pub const STATEMENTS_PATH: &str = "/xapi/statements";

/// Every parameter the resource knows.
pub const QUERY_PARAMETERS: &[&str] = &[
    "statementId",
    "voidedStatementId",
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
    "more",
];

/// The `format` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ids,
    Exact,
    /// Every language map reduced to the `Accept-Language` header's choice (`canonical.rs`).
    Canonical,
}

/// Where a page of results ended: the next page starts after this point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageCursor {
    pub stored_micros: i64,
    pub sequence: i64,
}

/// What a `GET /xapi/statements` asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementsRequest {
    /// `statementId` (`voided: false`) or `voidedStatementId` (`voided: true`).
    Single {
        id: Uuid,
        voided: bool,
        format: Format,
    },
    /// A filtered, paged list.
    List(StatementsFilter),
}

/// The filters of a list request, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementsFilter {
    /// The parameters as given (or as carried by the `more` token), for the next `more` link.
    pub parameters: Vec<(String, String)>,
    /// Where the previous page ended, for a `more` request.
    pub after: Option<PageCursor>,
    pub format: Format,
    /// The identifier key of the `agent` parameter; `None` also for an agent without one.
    pub agent_key: Option<String>,
    pub related_agents: bool,
    pub verb_id: Option<String>,
    pub activity_id: Option<String>,
    pub related_activities: bool,
    pub registration: Option<Uuid>,
    /// Exclusive lower bound on `stored`.
    pub since: Option<DateTime<Utc>>,
    /// Inclusive upper bound on `stored`.
    pub until: Option<DateTime<Utc>>,
    pub ascending: bool,
    /// Statements per page, 1 to [`MAX_PAGE_SIZE`].
    pub limit: usize,
}

impl StatementsFilter {
    /// The `more` link to the page after `after`, for the same filters.
    pub fn more_link(&self, after: PageCursor) -> String {
        let continuation = Continuation {
            parameters: self.parameters.clone(),
            after,
        };
        // A list of string pairs and two integers always serializes.
        let json = serde_json::to_vec(&continuation).unwrap_or_default();
        format!("{STATEMENTS_PATH}?more={}", URL_SAFE_NO_PAD.encode(json))
    }
}

/// Why a query was refused; each becomes a 400 with this message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryError {
    #[error("{0}")]
    Invalid(String),
    /// The `agent` parameter is not a valid Agent or Group.
    #[error("{0}")]
    Agent(XapiValidationError),
}

fn invalid(message: impl Into<String>) -> QueryError {
    QueryError::Invalid(message.into())
}

/// What a `more` link carries: the original parameters and where the page ended.
#[derive(Debug, Serialize, Deserialize)]
struct Continuation {
    parameters: Vec<(String, String)>,
    after: PageCursor,
}

/// Reads the query string (without the `?`) of a `GET /xapi/statements`.
pub fn parse_statements_query(query: &str) -> Result<StatementsRequest, QueryError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    check_names(&pairs)?;
    if let Some(token) = parameter(&pairs, "more") {
        if pairs.len() > 1 {
            return Err(invalid(
                "more must be the only parameter; it carries the rest of the query",
            ));
        }
        let not_valid = || invalid("the more link is not valid");
        let continuation: Continuation = URL_SAFE_NO_PAD
            .decode(token)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or_else(not_valid)?;
        if check_names(&continuation.parameters).is_err()
            || parameter(&continuation.parameters, "more").is_some()
        {
            return Err(not_valid());
        }
        return parse_request(continuation.parameters, Some(continuation.after));
    }
    parse_request(pairs, None)
}

/// Refuses unknown and repeated parameter names.
fn check_names(pairs: &[(String, String)]) -> Result<(), QueryError> {
    for (index, (name, _)) in pairs.iter().enumerate() {
        if pairs[..index].iter().any(|(earlier, _)| earlier == name) {
            return Err(invalid(format!("parameter {name} is given more than once")));
        }
        if !QUERY_PARAMETERS.contains(&name.as_str()) {
            return Err(invalid(format!("parameter {name} is not recognized")));
        }
    }
    Ok(())
}

fn parameter<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

fn parse_request(
    pairs: Vec<(String, String)>,
    after: Option<PageCursor>,
) -> Result<StatementsRequest, QueryError> {
    if parse_boolean(&pairs, "attachments")? {
        return Err(invalid(
            "attachments=true is not supported: this lrs stores no attachment data",
        ));
    }
    let format = match parameter(&pairs, "format") {
        None | Some("exact") => Format::Exact,
        Some("canonical") => Format::Canonical,
        Some("ids") => Format::Ids,
        Some(other) => {
            return Err(invalid(format!(
                "format {other:?} is not one of ids, exact or canonical"
            )))
        }
    };
    let single_id = parameter(&pairs, "statementId");
    let voided_id = parameter(&pairs, "voidedStatementId");
    let single = match (single_id, voided_id) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "statementId and voidedStatementId cannot be used together",
            ))
        }
        (Some(text), None) => Some(("statementId", text, false)),
        (None, Some(text)) => Some(("voidedStatementId", text, true)),
        (None, None) => None,
    };
    if let Some((name, text, voided)) = single {
        if let Some((other, _)) = pairs.iter().find(|(name, _)| {
            !matches!(
                name.as_str(),
                "statementId" | "voidedStatementId" | "format" | "attachments"
            )
        }) {
            return Err(invalid(format!(
                "parameter {other} cannot be combined with statementId or voidedStatementId"
            )));
        }
        let id = parse_standard_uuid(text)
            .ok_or_else(|| invalid(format!("{name} {text:?} is not a uuid")))?;
        return Ok(StatementsRequest::Single { id, voided, format });
    }

    let agent_key = match parameter(&pairs, "agent") {
        None => None,
        Some(text) => {
            let json: Value = serde_json::from_str(text)
                .map_err(|error| invalid(format!("agent is not json: {error}")))?;
            let actor =
                validate_actor(&json).map_err(|error| QueryError::Agent(error.within("agent")))?;
            actor.identifier().map(|identifier| identifier.key())
        }
    };
    let iri = |name: &str| -> Result<Option<String>, QueryError> {
        match parameter(&pairs, name) {
            None => Ok(None),
            Some(text) if is_absolute_iri(text) => Ok(Some(text.to_owned())),
            Some(text) => Err(invalid(format!("{name} {text:?} is not an absolute iri"))),
        }
    };
    let time = |name: &str| -> Result<Option<DateTime<Utc>>, QueryError> {
        match parameter(&pairs, name) {
            None => Ok(None),
            Some(text) => parse_timestamp(text).map(Some).map_err(|_| {
                invalid(format!(
                    "{name} {text:?} is not an iso 8601 timestamp with a time zone"
                ))
            }),
        }
    };
    let registration = match parameter(&pairs, "registration") {
        None => None,
        Some(text) => Some(
            parse_standard_uuid(text)
                .ok_or_else(|| invalid(format!("registration {text:?} is not a uuid")))?,
        ),
    };
    let limit = match parameter(&pairs, "limit") {
        None => MAX_PAGE_SIZE,
        Some(text) => match text.parse::<usize>() {
            Ok(0) => MAX_PAGE_SIZE,
            Ok(limit) => limit.min(MAX_PAGE_SIZE),
            Err(_) => {
                return Err(invalid(format!(
                    "limit {text:?} is not a non-negative integer"
                )))
            }
        },
    };
    let filter = StatementsFilter {
        agent_key,
        related_agents: parse_boolean(&pairs, "related_agents")?,
        verb_id: iri("verb")?,
        activity_id: iri("activity")?,
        related_activities: parse_boolean(&pairs, "related_activities")?,
        registration,
        since: time("since")?,
        until: time("until")?,
        ascending: parse_boolean(&pairs, "ascending")?,
        limit,
        format,
        after,
        parameters: Vec::new(),
    };
    Ok(StatementsRequest::List(StatementsFilter {
        parameters: pairs,
        ..filter
    }))
}

fn parse_boolean(pairs: &[(String, String)], name: &str) -> Result<bool, QueryError> {
    match parameter(pairs, name) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(invalid(format!(
            "{name} must be true or false, not {other:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(query: &str) -> StatementsFilter {
        match parse_statements_query(query) {
            Ok(StatementsRequest::List(filter)) => filter,
            other => panic!("{query:?} gave {other:?}"),
        }
    }

    fn refused(query: &str) -> String {
        match parse_statements_query(query) {
            Err(error) => error.to_string(),
            Ok(request) => panic!("{query:?} was accepted as {request:?}"),
        }
    }

    #[test]
    fn filters_are_read_and_checked() {
        let filter = list(
            "agent=%7B%22mbox%22%3A%22mailto%3Aa%40example.com%22%7D&verb=http%3A%2F%2Fx%2Fv\
             &since=2026-11-23T07%3A00%3A00Z&limit=500&ascending=true&format=ids",
        );
        assert_eq!(
            filter.agent_key.as_deref(),
            Some("mbox:mailto:a@example.com")
        );
        assert_eq!(filter.verb_id.as_deref(), Some("http://x/v"));
        assert_eq!(filter.limit, MAX_PAGE_SIZE);
        assert!(filter.ascending);
        assert_eq!(filter.format, Format::Ids);
        assert_eq!(list("limit=0").limit, MAX_PAGE_SIZE);
        assert_eq!(list("").limit, MAX_PAGE_SIZE);
        assert_eq!(
            parse_statements_query("voidedStatementId=0190f0a4-7b1c-7d2e-8f30-4a5b6c7d8e9f"),
            Ok(StatementsRequest::Single {
                id: Uuid::from_u128(0x0190f0a4_7b1c_7d2e_8f30_4a5b6c7d8e9f),
                voided: true,
                format: Format::Exact,
            })
        );
    }

    #[test]
    fn bad_queries_are_refused_with_the_reason() {
        assert!(refused("limit=1&limit=2").contains("more than once"));
        assert!(refused("method=PUT").contains("not recognized"));
        assert!(refused("statementId=x&verb=http%3A%2F%2Fx").contains("cannot be combined"));
        assert!(refused("statementId=not-a-uuid").contains("is not a uuid"));
        assert!(refused("since=yesterday").contains("iso 8601"));
        assert!(refused("verb=completed").contains("absolute iri"));
        assert!(refused("limit=-1").contains("non-negative"));
        assert!(refused("attachments=true").contains("not supported"));
        assert!(refused("ascending=yes").contains("true or false"));
        assert!(refused("agent=%7B%7D").contains("agent"));
        assert!(refused("more=abc&limit=1").contains("only parameter"));
        assert!(refused("more=!!").contains("more link is not valid"));
    }

    #[test]
    fn a_more_link_carries_the_query_and_where_the_page_ended() {
        let filter = list("verb=http%3A%2F%2Fx%2Fv&limit=10");
        let cursor = PageCursor {
            stored_micros: 1_795_392_000_123_456,
            sequence: 42,
        };
        let link = filter.more_link(cursor);
        let query = link
            .strip_prefix("/xapi/statements?")
            .expect("a relative link to the statements");
        let next = list(query);
        assert_eq!(next.after, Some(cursor));
        assert_eq!(
            next,
            StatementsFilter {
                after: Some(cursor),
                ..filter
            }
        );
    }

    #[test]
    fn a_forged_more_token_is_refused() {
        let token = |parameters: &str| {
            URL_SAFE_NO_PAD.encode(format!(
                r#"{{"parameters":{parameters},"after":{{"stored_micros":1,"sequence":1}}}}"#
            ))
        };
        for parameters in [
            r#"[["more","x"]]"#,
            r#"[["method","PUT"]]"#,
            r#"[["limit","1"],["limit","2"]]"#,
        ] {
            assert_eq!(
                refused(&format!("more={}", token(parameters))),
                "the more link is not valid",
                "{parameters}"
            );
        }
        assert!(matches!(
            parse_statements_query(&format!("more={}", token(r#"[["limit","1"]]"#))),
            Ok(StatementsRequest::List(StatementsFilter { limit: 1, .. }))
        ));
    }
}
