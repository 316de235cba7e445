//! The xAPI Statement Resource (`/xapi/statements`) and About Resource (`/xapi/about`).
//!
//! Learners' devices sync their outbox here (`POST`) and pull other devices' statements
//! (`GET ?agent…&since…`). What this module implements, following
//! `reference/xapi/xAPI-Communication.md` §2.1 and the version, error and header rules:
//!
//! - `PUT /xapi/statements?statementId=…` → 204; `POST /xapi/statements` (one statement or an
//!   array) → 200 with the ids in order. A known id with an equal body (see
//!   `baeum_core::xapi::canonical_equal`) succeeds without changing anything; a different body
//!   is 409 and the whole batch is refused.
//! - A refused batch names its statements, in core's `PushRejectionBody` (with `error` too):
//!   400 names every invalid statement with its reason, 409 every conflicting id with the
//!   stored copy, 403 every statement of another actor, and 404 every id held by a statement
//!   the caller may not read (as unusable, revealing nothing of it). A refusal that names
//!   nothing (a malformed body, a missing header, 429, 5xx) tells the client to keep its outbox.
//! - Each account may store so many statements and bytes per UTC day (429 with `Retry-After`
//!   beyond); a full disk is 507.
//! - `GET /xapi/statements` with `statementId`, `voidedStatementId`, `agent`, `verb`,
//!   `activity`, `registration`, `related_activities`, `related_agents`, `since`, `until`,
//!   `limit`, `format` (`ids`, `exact`, and `canonical`, which keeps one language per language
//!   map as `Accept-Language` prefers: `baeum_core::xapi::canonical`), `attachments=false` and
//!   `ascending`. Pages link to the
//!   next through `more`: `/xapi/statements?more=<token>`, where the token carries the query
//!   and where the page ended, so it never expires and needs no server-side state.
//!   The query string, `more` tokens included, is read by `baeum_core::xapi::query` (pure, and
//!   fuzzed); this module adds what depends on the caller and the store.
//! - Every request except to `/xapi/about` must carry `X-Experience-API-Version` `1.0[.x]` or
//!   `2.0[.x]` (400 otherwise); every response carries `X-Experience-API-Version: 2.0.0`, and
//!   statement responses `X-Experience-API-Consistent-Through` (taken before the read: just
//!   before the oldest batch still being written, or now; see `store::WriteClock`) and
//!   `Last-Modified`.
//! - Bodies are `application/json`, at most [`MAX_BODY_BYTES`] after gzip decoding (413
//!   beyond), optionally `Content-Encoding: gzip` (cheaper on a metered link).
//!
//! Permissions: a learner or teacher writes only statements whose actor is their own account
//! agent (403 otherwise); an admin writes anything. A voiding statement voids only statements
//! of its own actor (400 otherwise), checked in the store's insert transaction. A learner reads
//! statements whose actor is themself; a teacher also those of the learners in their classes;
//! an admin reads everything, except that a check-in (core's `wellbeing`) is read here only by
//! its own learner, admins and teachers included (its teacher reads a shared one through
//! `crate::wellbeing`). A statement one may not read answers 404 exactly like a missing
//! one. The server sets `authority` to the caller's
//! account agent and `stored` to the time of storage.
//!
//! The State, Agent Profile and Activity Profile resources are in `documents.rs`; the Agents
//! and Activities resources in `agents_activities.rs`.
//!
//! Deliberately absent: attachments in `multipart/mixed` (415) and `attachments=true` (400),
//! the alternate request syntax (`?method=`, 400 as an unknown parameter), signed statements.

mod agents_activities;
mod documents;
mod refusals;

use std::io::Read;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_ENCODING, CONTENT_TYPE, LAST_MODIFIED};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use baeum_core::xapi::formats::parse_standard_uuid;
use baeum_core::xapi::query::{
    self, parse_statements_query, Format, QueryError, StatementsFilter, StatementsRequest,
};
use baeum_core::xapi::{
    validate_statement, Actor, Statement, Timestamp, STATEMENT_VERSION, XAPI_VERSION,
};
use chrono::{DateTime, SubsecRound, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::accounts::{account_actor, account_identifier};
use crate::auth::Authenticated;
use crate::error::{ServerError, StatementRefusal};
use crate::store::{
    run_blocking, DailyCharge, NewStatement, PageCursor, Role, StatementQuery, StoreError,
    StoredStatement,
};
use crate::AppState;
use refusals::{refused, refused_batch, validate_body};

/// Largest accepted request body, after gzip decoding. A learner's outbox sends batches of a
/// few hundred statements of about 1 KB each.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Most statements returned in one page (also what `limit=0` means).
pub const MAX_PAGE_SIZE: usize = query::MAX_PAGE_SIZE;

/// `X-Experience-API-Version`.
pub const VERSION_HEADER: HeaderName = HeaderName::from_static("x-experience-api-version");
/// `X-Experience-API-Consistent-Through`.
pub const CONSISTENT_THROUGH_HEADER: HeaderName =
    HeaderName::from_static("x-experience-api-consistent-through");

/// The routes of this module, with the version-header middleware.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route(
            "/xapi/statements",
            get(get_statements).put(put_statement).post(post_statements),
        )
        .route("/xapi/about", get(about))
        .merge(documents::routes())
        .merge(agents_activities::routes())
        .layer(middleware::from_fn_with_state(state, xapi_headers))
}

/// Whether a request's `X-Experience-API-Version` is one this LRS speaks: `1.0`, `2.0`, or
/// either with a numeric patch version.
fn is_supported_version_header(value: &str) -> bool {
    let Some(rest) = value
        .strip_prefix("1.0")
        .or_else(|| value.strip_prefix("2.0"))
    else {
        return false;
    };
    rest.is_empty()
        || rest
            .strip_prefix('.')
            .is_some_and(|patch| !patch.is_empty() && patch.chars().all(|c| c.is_ascii_digit()))
}

/// Checks the version header on requests and adds the xAPI headers to every response.
async fn xapi_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    // Taken before the request reads anything: every statement stored up to it has committed
    // (see `Store::consistent_through`), so the answer holds all of them.
    let consistent_through = if path.starts_with("/xapi/statements") {
        match run_blocking(&state.store, |store| store.consistent_through()).await {
            Ok(through) => Some(through),
            Err(error) => return ServerError::from(error).into_response(),
        }
    } else {
        None
    };
    let is_about = path == "/xapi/about";
    let version_problem = match request.headers().get(&VERSION_HEADER) {
        _ if is_about => None,
        None => Some("the x-experience-api-version header is required (send 2.0.0)".to_owned()),
        Some(value) => match value.to_str() {
            Ok(text) if is_supported_version_header(text.trim()) => None,
            Ok(text) => Some(format!(
                "x-experience-api-version {text:?} is not supported; send 2.0.0"
            )),
            Err(_) => Some("x-experience-api-version is not text".to_owned()),
        },
    };
    let mut response = match version_problem {
        Some(problem) => ServerError::BadRequest(problem).into_response(),
        None => next.run(request).await,
    };
    let headers = response.headers_mut();
    headers.insert(VERSION_HEADER, HeaderValue::from_static(XAPI_VERSION));
    if let Some(through) = consistent_through {
        let through = Timestamp(through).to_rfc3339();
        if let Ok(value) = HeaderValue::from_str(&through) {
            headers.insert(CONSISTENT_THROUGH_HEADER, value);
        }
    }
    response
}

async fn about() -> Json<Value> {
    Json(serde_json::json!({ "version": [XAPI_VERSION] }))
}

/// Reads a JSON request body: checks the content type, enforces the size limit (also on the
/// decoded size of a gzip body, so a small compressed bomb cannot fill memory) and parses it.
async fn read_json_body(headers: &HeaderMap, body: Body) -> Result<Value, ServerError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence == "multipart/mixed" {
        return Err(ServerError::UnsupportedMediaType(
            "statements with attachment data (multipart/mixed) are not supported; use fileUrl"
                .into(),
        ));
    }
    if essence != "application/json" {
        return Err(ServerError::bad_request(format!(
            "content-type must be application/json, not {:?}",
            if essence.is_empty() {
                "nothing"
            } else {
                essence
            }
        )));
    }
    let decoded = read_body(headers, body, MAX_BODY_BYTES).await?;
    baeum_core::xapi::parse_json_strictly(&decoded)
        .map_err(|error| ServerError::bad_request(format!("malformed json: {error}")))
}

/// A request body of at most `limit` bytes after decoding `Content-Encoding: gzip` (413
/// beyond; 415 for another encoding).
pub(crate) async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Vec<u8>, ServerError> {
    let raw = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(error) if is_length_limit(&error) => {
            return Err(ServerError::PayloadTooLarge { limit })
        }
        Err(_) => {
            return Err(ServerError::bad_request(
                "the request body could not be read",
            ))
        }
    };
    let encoding = headers
        .get(CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("identity")
        .trim()
        .to_ascii_lowercase();
    let decoded: Vec<u8> = match encoding.as_str() {
        "identity" | "" => raw.to_vec(),
        "gzip" | "x-gzip" => {
            let mut decoded = Vec::new();
            flate2::read::GzDecoder::new(raw.as_ref())
                .take(limit as u64 + 1)
                .read_to_end(&mut decoded)
                .map_err(|_| ServerError::bad_request("the gzip request body is corrupt"))?;
            if decoded.len() > limit {
                return Err(ServerError::PayloadTooLarge { limit });
            }
            decoded
        }
        other => {
            return Err(ServerError::UnsupportedMediaType(format!(
                "content-encoding {other:?} is not supported; use gzip or none"
            )))
        }
    };
    Ok(decoded)
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = source {
        if current.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = current.source();
    }
    false
}

/// The query parameters as (name, value) pairs, refusing repeats.
fn query_pairs(uri: &Uri) -> Result<Vec<(String, String)>, ServerError> {
    let axum::extract::Query(pairs) =
        axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map_err(|_| ServerError::bad_request("the query string is malformed"))?;
    for (index, (name, _)) in pairs.iter().enumerate() {
        if pairs[..index].iter().any(|(earlier, _)| earlier == name) {
            return Err(ServerError::bad_request(format!(
                "parameter {name} is given more than once"
            )));
        }
    }
    Ok(pairs)
}

fn parameter<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The caller's own actor key.
fn own_actor_key(state: &AppState, caller: &Authenticated) -> String {
    account_identifier(&state.account_home_page, caller.account.id).key()
}

/// The actor key a statement is stored under (what read permissions check). An anonymous
/// group has no identifier; its key is unique to the statement so no account can match it.
fn actor_key(actor: &Actor, statement_id: Uuid) -> String {
    actor
        .identifier()
        .map(|identifier| identifier.key())
        .unwrap_or_else(|| format!("anonymous-group:{statement_id}"))
}

/// Checks write permissions, fills in what the LRS sets and stores the statements.
async fn store_statements(
    state: &AppState,
    caller: &Authenticated,
    statements: Vec<Statement>,
) -> Result<Vec<Uuid>, ServerError> {
    let mut seen: Vec<Uuid> = Vec::new();
    let mut repeated: Vec<(Option<Uuid>, String)> = Vec::new();
    for id in statements.iter().filter_map(|statement| statement.id) {
        if seen.contains(&id) {
            if !repeated.iter().any(|(named, _)| *named == Some(id)) {
                repeated.push((
                    Some(id),
                    format!("statement id {id} appears more than once in the batch"),
                ));
            }
        } else {
            seen.push(id);
        }
    }
    if !repeated.is_empty() {
        return Err(refused(
            StatementRefusal::Invalid,
            "invalid batch",
            statements.len(),
            repeated,
        ));
    }
    let own_identifier = account_identifier(&state.account_home_page, caller.account.id);
    let is_admin = caller.account.role == Role::Admin;
    if !is_admin {
        let own_actor =
            serde_json::to_string(&account_actor(&state.account_home_page, caller.account.id))
                .unwrap_or_default();
        let strangers: Vec<(Option<Uuid>, String)> = statements
            .iter()
            .enumerate()
            .filter(|(_, statement)| {
                statement.actor.identifier() != Some(&own_identifier)
                    || matches!(statement.actor, Actor::Group(_))
            })
            .map(|(index, statement)| {
                (
                    statement.id,
                    format!(
                        "statement {index}: you may only send statements whose actor is your \
                         own account ({own_actor})"
                    ),
                )
            })
            .collect();
        if !strangers.is_empty() {
            return Err(refused(
                StatementRefusal::Forbidden,
                "not your statement",
                statements.len(),
                strangers,
            ));
        }
    }
    // The store stamps the batch's stored time (and the timestamp of statements without one)
    // inside its write transaction, so that Consistent-Through holds under concurrent writes;
    // this one only names the UTC day the batch is charged to (a batch written across
    // midnight counts for the day it arrived).
    let stored = Utc::now().trunc_subsecs(6);
    let authority = account_actor(&state.account_home_page, caller.account.id);
    let prepared: Vec<NewStatement> = statements
        .into_iter()
        .map(|mut statement| {
            let id = statement.id.unwrap_or_else(Uuid::now_v7);
            statement.id = Some(id);
            statement.version = statement
                .version
                .or_else(|| Some(STATEMENT_VERSION.to_owned()));
            statement.authority = Some(authority.clone());
            NewStatement {
                id,
                stored,
                actor_key: actor_key(&statement.actor, id),
                statement,
            }
        })
        .collect();
    let ids: Vec<Uuid> = prepared.iter().map(|new| new.id).collect();
    // Every account, admins included, is charged: a stolen admin credential must not fill the
    // disk either. An import larger than a day's limit runs with higher limits.
    let charge = DailyCharge {
        account_id: caller.account.id,
        day: stored.date_naive(),
        limits: state.daily_limits,
    };
    let batch_size = prepared.len();
    match run_blocking(&state.store, move |store| {
        store.insert_statements(&prepared, &charge)
    })
    .await
    {
        Ok(()) => Ok(ids),
        Err(StoreError::BatchRefused(refusal)) => {
            Err(refused_batch(state, caller, batch_size, refusal).await?)
        }
        Err(error) => Err(error.into()),
    }
}

async fn post_statements(
    State(state): State<AppState>,
    caller: Authenticated,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Vec<Uuid>>, ServerError> {
    if let Some((name, _)) = query_pairs(&uri)?.first() {
        return Err(ServerError::bad_request(format!(
            "parameter {name} is not allowed when posting statements"
        )));
    }
    let body = read_json_body(&headers, body).await?;
    let statements = validate_body(&body)?;
    let ids = store_statements(&state, &caller, statements).await?;
    Ok(Json(ids))
}

async fn put_statement(
    State(state): State<AppState>,
    caller: Authenticated,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, ServerError> {
    let pairs = query_pairs(&uri)?;
    if let Some((name, _)) = pairs.iter().find(|(name, _)| name != "statementId") {
        return Err(ServerError::bad_request(format!(
            "parameter {name} is not allowed when putting a statement"
        )));
    }
    let statement_id = parameter(&pairs, "statementId")
        .ok_or_else(|| ServerError::bad_request("the statementId parameter is required"))?;
    let statement_id = parse_standard_uuid(statement_id).ok_or_else(|| {
        ServerError::bad_request(format!("statementId {statement_id:?} is not a uuid"))
    })?;
    let body = read_json_body(&headers, body).await?;
    if body.is_array() {
        return Err(ServerError::bad_request(
            "put takes one statement; post an array instead",
        ));
    }
    let mut statement = validate_statement(&body)?;
    match statement.id {
        Some(id) if id != statement_id => {
            return Err(ServerError::bad_request(format!(
                "the statement's id {id} differs from the statementId parameter {statement_id}"
            )))
        }
        _ => statement.id = Some(statement_id),
    }
    store_statements(&state, &caller, vec![statement]).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The actor keys a caller may read; `None` for no restriction (admin).
async fn readable_actor_keys(
    state: &AppState,
    caller: &Authenticated,
) -> Result<Option<Vec<String>>, ServerError> {
    let own_key = own_actor_key(state, caller);
    match caller.account.role {
        Role::Admin => Ok(None),
        Role::Learner => Ok(Some(vec![own_key])),
        Role::Teacher => {
            let teacher_id = caller.account.id;
            let learners = run_blocking(&state.store, move |store| {
                store.learners_of_teacher(teacher_id)
            })
            .await?;
            let mut keys: Vec<String> = learners
                .into_iter()
                .map(|learner| account_identifier(&state.account_home_page, learner).key())
                .collect();
            keys.push(own_key);
            Ok(Some(keys))
        }
    }
}

/// Whether the caller may read this statement, given the actor keys they may read: a private
/// statement (a check-in, or the voiding that withdrew one; the store decides, see
/// `StoredStatement::private`) only its own actor, whoever else asks (the teacher a check-in is
/// shared with reads it through `crate::wellbeing`, never here).
pub(crate) fn may_read(
    state: &AppState,
    caller: &Authenticated,
    readable: Option<&[String]>,
    stored: &StoredStatement,
) -> bool {
    let own = || stored.actor_key == own_actor_key(state, caller);
    readable.is_none_or(|keys| keys.contains(&stored.actor_key)) && (!stored.private || own())
}

/// The statement body in the requested format.
/// The statement body in the requested format; `accept_language` is the request's
/// `Accept-Language`, which only the canonical format reads.
fn render(
    stored: &StoredStatement,
    format: Format,
    accept_language: &str,
) -> Result<Value, ServerError> {
    let corrupt = |error: String| {
        ServerError::Store(crate::store::StoreError::Corrupt(format!(
            "statement {}: {error}",
            stored.id
        )))
    };
    let exact: Value =
        serde_json::from_str(&stored.body).map_err(|error| corrupt(error.to_string()))?;
    match format {
        Format::Exact => Ok(exact),
        Format::Canonical => {
            let mut canonical = exact;
            baeum_core::xapi::canonical::to_canonical_format(&mut canonical, accept_language);
            Ok(canonical)
        }
        Format::Ids => Ok(validate_statement(&exact)
            .map_err(|error| corrupt(error.to_string()))?
            .to_ids_format()
            .to_json()),
    }
}

/// An HTTP date for `Last-Modified`.
fn http_date(instant: DateTime<Utc>) -> HeaderValue {
    HeaderValue::from_str(&instant.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
        .unwrap_or_else(|_| HeaderValue::from_static("Thu, 01 Jan 1970 00:00:00 GMT"))
}

async fn get_statements(
    State(state): State<AppState>,
    caller: Authenticated,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let accept_language = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let filter = match parse_statements_query(uri.query().unwrap_or("")) {
        Ok(StatementsRequest::List(filter)) => filter,
        Ok(StatementsRequest::Single { id, voided, format }) => {
            return get_single(&state, &caller, id, voided, format, &accept_language).await
        }
        Err(QueryError::Invalid(message)) => return Err(ServerError::bad_request(message)),
        Err(QueryError::Agent(error)) => return Err(error.into()),
    };
    let query = build_query(&state, &caller, &filter).await?;
    let page_size = query.limit - 1;
    let found = run_blocking(&state.store, {
        let query = query.clone();
        move |store| store.query_statements(&query)
    })
    .await?;
    let has_more = found.len() > page_size;
    let shown = &found[..found.len().min(page_size)];
    let statements = shown
        .iter()
        .map(|stored| render(stored, filter.format, &accept_language))
        .collect::<Result<Vec<Value>, ServerError>>()?;
    let more = match (has_more, shown.last()) {
        (true, Some(last)) => filter.more_link(query::PageCursor {
            stored_micros: last.stored.timestamp_micros(),
            sequence: last.sequence,
        }),
        _ => String::new(),
    };
    let mut response =
        Json(serde_json::json!({ "statements": statements, "more": more })).into_response();
    if let Some(latest) = shown.iter().map(|stored| stored.stored).max() {
        response
            .headers_mut()
            .insert(LAST_MODIFIED, http_date(latest));
    }
    Ok(response)
}

async fn get_single(
    state: &AppState,
    caller: &Authenticated,
    id: Uuid,
    want_voided: bool,
    format: Format,
    accept_language: &str,
) -> Result<Response, ServerError> {
    let found = run_blocking(&state.store, move |store| store.statement_by_id(id)).await?;
    let not_found = || {
        ServerError::NotFound(if want_voided {
            format!("no voided statement has id {id}")
        } else {
            format!("no statement has id {id}")
        })
    };
    let Some(stored) = found else {
        return Err(not_found());
    };
    // A voided statement is only returned through voidedStatementId, and voidedStatementId
    // only returns voided statements.
    if stored.voided != want_voided {
        return Err(not_found());
    }
    // A statement the caller may not read is answered exactly like a missing one, so ids
    // reveal nothing.
    let readable = readable_actor_keys(state, caller).await?;
    if !may_read(state, caller, readable.as_deref(), &stored) {
        return Err(not_found());
    }
    let mut response = Json(render(&stored, format, accept_language)?).into_response();
    response
        .headers_mut()
        .insert(LAST_MODIFIED, http_date(stored.stored));
    Ok(response)
}

/// The store query for checked filters and this caller (with one extra row, to see whether a
/// next page exists).
async fn build_query(
    state: &AppState,
    caller: &Authenticated,
    filter: &StatementsFilter,
) -> Result<StatementQuery, ServerError> {
    Ok(StatementQuery {
        agent_key: filter.agent_key.clone(),
        related_agents: filter.related_agents,
        verb_id: filter.verb_id.clone(),
        activity_id: filter.activity_id.clone(),
        related_activities: filter.related_activities,
        registration: filter.registration,
        since: filter.since,
        until: filter.until,
        ascending: filter.ascending,
        limit: filter.limit + 1,
        after: filter.after.map(|after| PageCursor {
            stored_micros: after.stored_micros,
            sequence: after.sequence,
        }),
        readable_actor_keys: readable_actor_keys(state, caller).await?,
        private_statements_of: Some(own_actor_key(state, caller)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_headers() {
        for good in ["1.0", "1.0.3", "2.0", "2.0.0", "2.0.12"] {
            assert!(is_supported_version_header(good), "{good}");
        }
        for bad in [
            "", "0.95", "1.1.0", "2.1.0", "2.0.", "2.0.x", "3.0.0", "1.0.0-rc",
        ] {
            assert!(!is_supported_version_header(bad), "{bad}");
        }
    }
}
