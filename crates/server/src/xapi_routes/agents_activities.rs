//! The Agents and Activities resources (Communication 2.4, 2.5): `GET /xapi/agents?agent=…`
//! answers the Person object of an agent the caller may read (403 otherwise, 2.4.s3.b2);
//! `GET /xapi/activities?activityId=…` answers the Activity object with the newest definition
//! found in the statements the caller may read, or the bare Activity when there is none
//! (2.5.s2.b1). Taking definitions only from readable statements means a learner cannot make
//! another learner see a definition of their own invention. Both carry an `ETag` (3.1.s4.b1).

use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, ETAG};
use axum::http::{HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use baeum_core::xapi::documents::{
    etag_of, parse_activities_request, parse_agents_request, person_of,
};
use serde_json::{json, Value};

use super::{query_pairs, readable_actor_keys};
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, StatementQuery};
use crate::AppState;

/// How many of the newest statements about an activity are looked through for a definition.
const DEFINITION_SEARCH: usize = 20;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/xapi/agents", get(agents))
        .route("/xapi/activities", get(activities))
}

async fn agents(
    State(state): State<AppState>,
    caller: Authenticated,
    uri: Uri,
) -> Result<Response, ServerError> {
    let agent = parse_agents_request(&query_pairs(&uri)?)?;
    let key = agent.identifier.key();
    let readable = readable_actor_keys(&state, &caller)
        .await?
        .is_none_or(|keys| keys.contains(&key));
    if !readable {
        return Err(ServerError::Forbidden(
            "this agent is not one whose records you may read".into(),
        ));
    }
    json_with_etag(&person_of(&agent))
}

async fn activities(
    State(state): State<AppState>,
    caller: Authenticated,
    uri: Uri,
) -> Result<Response, ServerError> {
    let activity_id = parse_activities_request(&query_pairs(&uri)?)?;
    let query = StatementQuery {
        activity_id: Some(activity_id.clone()),
        limit: DEFINITION_SEARCH,
        readable_actor_keys: readable_actor_keys(&state, &caller).await?,
        ..StatementQuery::default()
    };
    let found = run_blocking(&state.store, move |store| store.query_statements(&query)).await?;
    let definition = found.iter().find_map(|stored| {
        let body: Value = serde_json::from_str(&stored.body).ok()?;
        let object = body.get("object")?;
        (object.get("id")?.as_str()? == activity_id)
            .then(|| object.get("definition").cloned())
            .flatten()
    });
    let mut activity = json!({ "objectType": "Activity", "id": activity_id });
    if let Some(definition) = definition {
        activity["definition"] = definition;
    }
    json_with_etag(&activity)
}

fn json_with_etag(value: &Value) -> Result<Response, ServerError> {
    let body = serde_json::to_vec(value)
        .map_err(|error| ServerError::bad_request(format!("the answer: {error}")))?;
    let etag = HeaderValue::from_str(&format!("\"{}\"", etag_of(&body)))
        .map_err(|_| ServerError::bad_request("the answer's ETag"))?;
    Ok((
        [
            (CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (ETAG, etag),
        ],
        body,
    )
        .into_response())
}
