//! The xAPI document resources: `/xapi/activities/state`, `/xapi/agents/profile` and
//! `/xapi/activities/profile` (Communication 2.2, 2.3, 2.6, 2.7, with 3.1's ETags). Core reads
//! the parameters and decides merges and preconditions (`baeum_core::xapi::documents`); the
//! store applies a write in one transaction (`store/documents.rs`). `HEAD` is `GET` without the
//! body (axum's `get` answers it).
//!
//! Who may do what (ARCHITECTURE.md, "Accounts, roles and who reads what"):
//! - State and Agent Profile documents belong to their agent. A learner or teacher writes and
//!   reads their own account agent's; a teacher also reads those of the learners in their
//!   classes; an admin reads and writes any. Another agent's is 403 (the agent is in the
//!   request, so refusing reveals nothing).
//! - Activity Profile documents belong to the activity: every account reads them; teachers
//!   and admins write them.
//! - A document is at most [`MAX_DOCUMENT_BYTES`]; an agent keeps at most
//!   [`MAX_DOCUMENTS_PER_OWNER`] State and Agent Profile documents together, of at most
//!   [`MAX_DOCUMENT_BYTES_PER_OWNER`] together, and an activity as many profiles (403 beyond). An account's documents are deleted with it.

use axum::body::Body;
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, ETAG, IF_MATCH, IF_NONE_MATCH, LAST_MODIFIED};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Router;
use baeum_core::xapi::documents::{
    etag_of, parse_document_request, Document, DocumentError, DocumentMethod, DocumentRequest,
    DocumentResource, DocumentWrite, MAX_DOCUMENTS_PER_OWNER, MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_BYTES_PER_OWNER,
};
use baeum_core::xapi::formats::is_media_type;
use chrono::Utc;

use super::{http_date, own_actor_key, query_pairs, read_body, readable_actor_keys};
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, DocumentKey, DocumentOutcome, DocumentScopeKey, Role};
use crate::AppState;

/// The three resources' routes (under the version-header middleware of `xapi_routes`).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/xapi/activities/state", resource(DocumentResource::State))
        .route(
            "/xapi/agents/profile",
            resource(DocumentResource::AgentProfile),
        )
        .route(
            "/xapi/activities/profile",
            resource(DocumentResource::ActivityProfile),
        )
}

/// GET (and so HEAD), PUT, POST and DELETE of one resource, all served by [`serve`].
fn resource(resource: DocumentResource) -> MethodRouter<AppState> {
    let handler = move |State(state): State<AppState>,
                        caller: Authenticated,
                        method: Method,
                        uri: Uri,
                        headers: HeaderMap,
                        body: Body| async move {
        serve(&state, &caller, resource, method, &uri, &headers, body).await
    };
    get(handler).put(handler).post(handler).delete(handler)
}

impl From<DocumentError> for ServerError {
    fn from(error: DocumentError) -> Self {
        match error {
            DocumentError::BadRequest(message) => ServerError::BadRequest(message),
            DocumentError::Conflict => ServerError::Conflict(error.to_string()),
            DocumentError::PreconditionFailed(_) => {
                ServerError::PreconditionFailed(error.to_string())
            }
        }
    }
}

async fn serve(
    state: &AppState,
    caller: &Authenticated,
    resource: DocumentResource,
    method: Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, ServerError> {
    let document_method = match method {
        Method::GET | Method::HEAD => DocumentMethod::Get,
        Method::PUT => DocumentMethod::Put,
        Method::POST => DocumentMethod::Post,
        Method::DELETE => DocumentMethod::Delete,
        _ => return Err(ServerError::bad_request("unsupported method")),
    };
    let request = parse_document_request(resource, document_method, &query_pairs(uri)?)?;
    check_permission(state, caller, &request, document_method).await?;
    match document_method {
        DocumentMethod::Get => read(state, &request).await,
        DocumentMethod::Put | DocumentMethod::Post => {
            let document = Document {
                content_type: content_type(headers)?,
                contents: read_body(headers, body, MAX_DOCUMENT_BYTES).await?,
            };
            let write = if document_method == DocumentMethod::Put {
                DocumentWrite::Put(document)
            } else {
                DocumentWrite::Post(document)
            };
            write_one(state, &request, write, headers).await
        }
        DocumentMethod::Delete => match DocumentKey::of(&request) {
            Some(_) => write_one(state, &request, DocumentWrite::Delete, headers).await,
            None => {
                let scope = DocumentScopeKey::of(&request.scope);
                run_blocking(&state.store, move |store| store.delete_documents(&scope)).await?;
                Ok(StatusCode::NO_CONTENT.into_response())
            }
        },
    }
}

/// The permission rules of the module documentation.
async fn check_permission(
    state: &AppState,
    caller: &Authenticated,
    request: &DocumentRequest,
    method: DocumentMethod,
) -> Result<(), ServerError> {
    let role = caller.account.role;
    let Some(agent_key) = request.scope.agent_key() else {
        // An activity's profile.
        return match (method, role) {
            (DocumentMethod::Get, _) | (_, Role::Admin | Role::Teacher) => Ok(()),
            _ => Err(ServerError::Forbidden(
                "only teachers and administrators change an activity's profile".into(),
            )),
        };
    };
    let allowed = match (method, role) {
        (_, Role::Admin) => true,
        (DocumentMethod::Get, _) => readable_actor_keys(state, caller)
            .await?
            .is_none_or(|keys| keys.contains(&agent_key)),
        _ => agent_key == own_actor_key(state, caller),
    };
    if allowed {
        Ok(())
    } else {
        Err(ServerError::Forbidden(
            "these documents belong to another agent".into(),
        ))
    }
}

/// A `GET`: one document, or the ids of a scope's documents as a JSON array.
async fn read(state: &AppState, request: &DocumentRequest) -> Result<Response, ServerError> {
    if let Some(key) = DocumentKey::of(request) {
        let stored = run_blocking(&state.store, move |store| store.document(&key))
            .await?
            .ok_or_else(|| ServerError::NotFound("no such document".into()))?;
        let etag = stored.document.etag();
        let content_type = HeaderValue::from_str(&stored.document.content_type)
            .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
        let mut response =
            ([(CONTENT_TYPE, content_type)], stored.document.contents).into_response();
        add_validators(response.headers_mut(), &etag, Some(stored.updated));
        return Ok(response);
    }
    let scope = DocumentScopeKey::of(&request.scope);
    let since = request.since;
    let ids = run_blocking(&state.store, move |store| store.document_ids(&scope, since)).await?;
    let latest = ids.iter().map(|(_, updated)| *updated).max();
    let body = serde_json::to_vec(&ids.iter().map(|(id, _)| id).collect::<Vec<_>>())
        .map_err(|error| ServerError::bad_request(format!("the id list: {error}")))?;
    let etag = etag_of(&body);
    let mut response = (
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body,
    )
        .into_response();
    add_validators(response.headers_mut(), &etag, latest);
    Ok(response)
}

fn add_validators(headers: &mut HeaderMap, etag: &str, updated: Option<chrono::DateTime<Utc>>) {
    if let Ok(value) = HeaderValue::from_str(&format!("\"{etag}\"")) {
        headers.insert(ETAG, value);
    }
    if let Some(updated) = updated {
        headers.insert(LAST_MODIFIED, http_date(updated));
    }
}

/// A `PUT`, `POST` or single `DELETE`, judged and applied in the store's transaction.
async fn write_one(
    state: &AppState,
    request: &DocumentRequest,
    write: DocumentWrite,
    headers: &HeaderMap,
) -> Result<Response, ServerError> {
    let key = DocumentKey::of(request)
        .ok_or_else(|| ServerError::bad_request("the document id is required"))?;
    let if_match = header_text(headers, &IF_MATCH)?;
    let if_none_match = header_text(headers, &IF_NONE_MATCH)?;
    let now = Utc::now();
    let outcome = run_blocking(&state.store, move |store| {
        store.write_document(&key, write, if_match, if_none_match, now)
    })
    .await?;
    match outcome {
        DocumentOutcome::Done => Ok(StatusCode::NO_CONTENT.into_response()),
        DocumentOutcome::Refused(refusal) => Err(refusal.into()),
        DocumentOutcome::OwnerFull => Err(ServerError::Forbidden(format!(
            "this agent (or activity) may keep at most {MAX_DOCUMENTS_PER_OWNER} documents of \
             {MAX_DOCUMENT_BYTES_PER_OWNER} bytes together; delete some before adding more"
        ))),
    }
}

fn header_text(
    headers: &HeaderMap,
    name: &axum::http::HeaderName,
) -> Result<Option<String>, ServerError> {
    headers
        .get(name)
        .map(|value| {
            value
                .to_str()
                .map(str::to_owned)
                .map_err(|_| ServerError::bad_request(format!("{name} is not text")))
        })
        .transpose()
}

/// The document's media type as sent (`application/octet-stream` when none).
fn content_type(headers: &HeaderMap) -> Result<String, ServerError> {
    match header_text(headers, &CONTENT_TYPE)? {
        None => Ok("application/octet-stream".to_owned()),
        Some(text) => {
            let text = text.trim().to_owned();
            let essence = text.split(';').next().unwrap_or("").trim();
            if is_media_type(essence) {
                Ok(text)
            } else {
                Err(ServerError::bad_request(format!(
                    "content-type {text:?} is not a media type"
                )))
            }
        }
    }
}
