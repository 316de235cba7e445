//! The rules of xAPI's three document resources (Communication 2.2, 2.3, 2.6, 2.7 and 3.1):
//! which query parameters address a document or a set of them, how a JSON `POST` merges into
//! the stored document, and when `If-Match` / `If-None-Match` let a write through; and the
//! parameters and answers of the Agents and Activities resources (2.4, 2.5), which read the
//! same `agent` and `activityId`. Pure: the server reads the request, asks these functions, and
//! stores the result in one transaction (`crates/server/src/xapi_routes/documents.rs`).

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sha1::{Digest, Sha1};
use uuid::Uuid;

use super::formats::{is_absolute_iri, parse_standard_uuid, parse_timestamp};
use super::{parse_json_strictly, validate_actor, Actor, Agent, InverseFunctionalIdentifier};

/// The largest document the server keeps, in bytes. A tool's saved state or a profile is
/// small; a megabyte per write would let one credential fill a school's disk quickly.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

/// The most documents one agent may hold in the State and Agent Profile resources together,
/// and one activity in the Activity Profile resource.
pub const MAX_DOCUMENTS_PER_OWNER: usize = 1_000;

/// The most bytes those documents may hold together: a tool's saved state for every lesson of
/// a year fits; a flood from one credential stops at 4 MiB instead of 1,000 × 256 KiB.
pub const MAX_DOCUMENT_BYTES_PER_OWNER: usize = 4 * 1024 * 1024;

/// One of the three document resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentResource {
    /// `/activities/state`: by activity, agent, optional registration and `stateId`.
    State,
    /// `/agents/profile`: by agent and `profileId`.
    AgentProfile,
    /// `/activities/profile`: by activity and `profileId`.
    ActivityProfile,
}

impl DocumentResource {
    /// How the resource is stored: a short code that never changes.
    pub fn code(self) -> &'static str {
        match self {
            Self::State => "state",
            Self::AgentProfile => "agent-profile",
            Self::ActivityProfile => "activity-profile",
        }
    }

    /// The parameter naming one document.
    pub fn id_parameter(self) -> &'static str {
        match self {
            Self::State => "stateId",
            Self::AgentProfile | Self::ActivityProfile => "profileId",
        }
    }

    fn takes_activity(self) -> bool {
        matches!(self, Self::State | Self::ActivityProfile)
    }

    fn takes_agent(self) -> bool {
        matches!(self, Self::State | Self::AgentProfile)
    }

    /// Whether a `PUT` over an existing document needs a concurrency header (3.1.s3.b1): the
    /// two profile resources; state conflicts are unlikely, so the State resource does not.
    fn put_needs_precondition(self) -> bool {
        !matches!(self, Self::State)
    }
}

/// The HTTP methods of a document resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentMethod {
    Get,
    Put,
    Post,
    Delete,
}

/// Where documents live: the resource and the activity, agent and registration that scope
/// them (each empty where the resource does not take it).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentScope {
    pub resource: DocumentResource,
    pub activity_id: Option<String>,
    pub agent: Option<Agent>,
    pub registration: Option<Uuid>,
}

impl DocumentScope {
    /// The agent's identifier key (as statements' actors are keyed), or `None` for an
    /// activity profile.
    pub fn agent_key(&self) -> Option<String> {
        self.agent.as_ref().map(|agent| agent.identifier.key())
    }
}

/// A checked document request: one document when `id` is given, else the set in the scope.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRequest {
    pub scope: DocumentScope,
    pub id: Option<String>,
    /// Only documents updated after this time (a list `GET`).
    pub since: Option<DateTime<Utc>>,
}

/// Why a document request or write was refused, with the status the specification asks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// 400: a parameter missing, malformed, unknown or not allowed with this method.
    #[error("{0}")]
    BadRequest(String),
    /// 409: a `PUT` over an existing profile without `If-Match` or `If-None-Match`.
    #[error(
        "the document exists: fetch it, and send its ETag in If-Match to replace it \
         (or If-None-Match: * to write only when there is none)"
    )]
    Conflict,
    /// 412: `If-Match` or `If-None-Match` does not hold.
    #[error("the document changed: {0}")]
    PreconditionFailed(String),
}

fn bad(message: impl Into<String>) -> DocumentError {
    DocumentError::BadRequest(message.into())
}

/// Reads a document resource's query parameters (name, value pairs, already decoded and free
/// of repeats) for a method: required ones present, every one well formed, none unknown.
pub fn parse_document_request(
    resource: DocumentResource,
    method: DocumentMethod,
    pairs: &[(String, String)],
) -> Result<DocumentRequest, DocumentError> {
    let id_name = resource.id_parameter();
    let mut allowed: Vec<&str> = vec![id_name];
    if resource.takes_activity() {
        allowed.push("activityId");
    }
    if resource.takes_agent() {
        allowed.push("agent");
    }
    if resource == DocumentResource::State {
        allowed.push("registration");
    }
    if method == DocumentMethod::Get {
        allowed.push("since");
    }
    if let Some((name, _)) = pairs
        .iter()
        .find(|(name, _)| !allowed.contains(&name.as_str()))
    {
        return Err(bad(format!(
            "parameter {name} is not one of this resource's for this method ({})",
            allowed.join(", ")
        )));
    }
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };

    let activity_id = if resource.takes_activity() {
        let id = value("activityId").ok_or_else(|| bad("activityId is required"))?;
        if !is_absolute_iri(id) {
            return Err(bad("activityId must be an absolute IRI"));
        }
        Some(id.to_owned())
    } else {
        None
    };
    let agent = if resource.takes_agent() {
        let text = value("agent").ok_or_else(|| bad("agent is required"))?;
        Some(parse_agent(text)?)
    } else {
        None
    };
    let registration = match value("registration") {
        Some(text) => {
            Some(parse_standard_uuid(text).ok_or_else(|| bad("registration must be a UUID"))?)
        }
        None => None,
    };
    let id = value(id_name).map(str::to_owned);
    if id.as_deref() == Some("") {
        return Err(bad(format!("{id_name} must not be empty")));
    }
    // One document is written or merged at a time; a profile is deleted one at a time (only
    // the State resource deletes a whole scope).
    let needs_id = match method {
        DocumentMethod::Put | DocumentMethod::Post => true,
        DocumentMethod::Delete => resource != DocumentResource::State,
        DocumentMethod::Get => false,
    };
    if needs_id && id.is_none() {
        return Err(bad(format!("{id_name} is required")));
    }
    let since = match value("since") {
        Some(_) if id.is_some() => {
            return Err(bad(format!(
                "since lists documents; it goes without {id_name}"
            )))
        }
        Some(text) => Some(
            parse_timestamp(text)
                .map_err(|_| bad("since must be an ISO 8601 timestamp with a time zone"))?,
        ),
        None => None,
    };
    Ok(DocumentRequest {
        scope: DocumentScope {
            resource,
            activity_id,
            agent,
            registration,
        },
        id,
        since,
    })
}

/// The `agent` parameter: an Agent as JSON (not a Group: 2.6's note).
fn parse_agent(text: &str) -> Result<Agent, DocumentError> {
    let value = parse_json_strictly(text.as_bytes())
        .map_err(|error| bad(format!("agent is not JSON: {error}")))?;
    match validate_actor(&value) {
        Ok(Actor::Agent(agent)) => Ok(agent),
        Ok(Actor::Group(_)) => Err(bad(
            "agent must be an Agent; a group's documents are kept under an Agent with its identifier",
        )),
        Err(error) => Err(bad(format!("agent is not a valid Agent: {error}"))),
    }
}

/// The Agents resource's one parameter, `agent` (2.4.s2): an Agent, not a Group.
pub fn parse_agents_request(pairs: &[(String, String)]) -> Result<Agent, DocumentError> {
    only_parameter(pairs, "agent").and_then(parse_agent)
}

/// The Activities resource's one parameter, `activityId` (2.5.s1): an absolute IRI.
pub fn parse_activities_request(pairs: &[(String, String)]) -> Result<String, DocumentError> {
    let id = only_parameter(pairs, "activityId")?;
    if is_absolute_iri(id) {
        Ok(id.to_owned())
    } else {
        Err(bad("activityId must be an absolute IRI"))
    }
}

fn only_parameter<'a>(pairs: &'a [(String, String)], name: &str) -> Result<&'a str, DocumentError> {
    if let Some((other, _)) = pairs.iter().find(|(key, _)| key != name) {
        return Err(bad(format!(
            "parameter {other} is not known here; only {name} is"
        )));
    }
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
        .ok_or_else(|| bad(format!("{name} is required")))
}

/// The Person object for an agent this store knows only as itself (2.4.s3.b3): each property
/// an array holding the agent's one value.
pub fn person_of(agent: &Agent) -> Value {
    let mut person = Map::new();
    person.insert("objectType".into(), Value::from("Person"));
    if let Some(name) = &agent.name {
        person.insert("name".into(), Value::from(vec![name.clone()]));
    }
    let (property, value) = match &agent.identifier {
        InverseFunctionalIdentifier::Mbox(mbox) => ("mbox", Value::from(mbox.clone())),
        InverseFunctionalIdentifier::MboxSha1Sum(sum) => ("mbox_sha1sum", Value::from(sum.clone())),
        InverseFunctionalIdentifier::OpenId(openid) => ("openid", Value::from(openid.clone())),
        InverseFunctionalIdentifier::Account(account) => (
            "account",
            serde_json::json!({ "homePage": account.home_page, "name": account.name }),
        ),
    };
    person.insert(property.into(), Value::Array(vec![value]));
    Value::Object(person)
}

/// A document as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub content_type: String,
    pub contents: Vec<u8>,
}

impl Document {
    /// The ETag: the lowercase hexadecimal SHA-1 of the contents (3.1.s4.b2), unquoted.
    pub fn etag(&self) -> String {
        etag_of(&self.contents)
    }

    fn is_json(&self) -> bool {
        is_json_media_type(&self.content_type)
    }
}

/// The lowercase hexadecimal SHA-1 of some bytes.
pub fn etag_of(bytes: &[u8]) -> String {
    Sha1::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `application/json`, with or without parameters such as a charset.
pub fn is_json_media_type(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// The concurrency headers of a write, as sent (`None`: absent).
#[derive(Debug, Clone, Copy, Default)]
pub struct Preconditions<'a> {
    pub if_match: Option<&'a str>,
    pub if_none_match: Option<&'a str>,
}

/// What a write does to one document.
#[derive(Debug, Clone)]
pub enum DocumentWrite {
    /// `PUT`: replace (or create) with this document.
    Put(Document),
    /// `POST`: merge a JSON object into a JSON document, or create it.
    Post(Document),
    /// `DELETE` of one document.
    Delete,
}

/// The document after a write: `Some` to store, `None` to delete (or to leave absent).
pub type WriteResult = Option<Document>;

/// Decides a write against the stored document (read in the same transaction as the write):
/// the preconditions first (3.1), then the merge rule for `POST` (2.2.s7, 2.2.s8).
pub fn apply_write(
    resource: DocumentResource,
    current: Option<&Document>,
    write: DocumentWrite,
    preconditions: Preconditions<'_>,
) -> Result<WriteResult, DocumentError> {
    check_preconditions(resource, current, &write, preconditions)?;
    match write {
        DocumentWrite::Put(document) => Ok(Some(document)),
        DocumentWrite::Delete => Ok(None),
        DocumentWrite::Post(posted) => match current {
            None => Ok(Some(posted)),
            Some(existing) => merge(existing, posted).map(Some),
        },
    }
}

fn check_preconditions(
    resource: DocumentResource,
    current: Option<&Document>,
    write: &DocumentWrite,
    preconditions: Preconditions<'_>,
) -> Result<(), DocumentError> {
    let current_etag = current.map(Document::etag);
    if let Some(header) = preconditions.if_match {
        let matches = current_etag
            .as_deref()
            .is_some_and(|etag| etag_list_matches(header, etag));
        if !matches {
            return Err(DocumentError::PreconditionFailed(match current_etag {
                Some(_) => "If-Match names another version than the stored one".to_owned(),
                None => "If-Match names a version, but there is no document".to_owned(),
            }));
        }
    }
    if let Some(header) = preconditions.if_none_match {
        if let Some(etag) = current_etag.as_deref() {
            if etag_list_matches(header, etag) {
                return Err(DocumentError::PreconditionFailed(
                    "If-None-Match: the document exists".to_owned(),
                ));
            }
        }
    }
    let no_header = preconditions.if_match.is_none() && preconditions.if_none_match.is_none();
    if no_header
        && current.is_some()
        && matches!(write, DocumentWrite::Put(_))
        && resource.put_needs_precondition()
    {
        return Err(DocumentError::Conflict);
    }
    Ok(())
}

/// Whether an `If-Match` / `If-None-Match` value (`*`, or a comma-separated list of quoted,
/// possibly weak, entity tags) names this ETag.
fn etag_list_matches(header: &str, etag: &str) -> bool {
    header.split(',').map(str::trim).any(|tag| {
        tag == "*" || {
            let tag = tag.strip_prefix("W/").unwrap_or(tag);
            let tag = tag
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
                .unwrap_or(tag);
            tag.eq_ignore_ascii_case(etag)
        }
    })
}

/// 2.2.s7: each top-level property of the posted object replaces the stored one's.
fn merge(existing: &Document, posted: Document) -> Result<Document, DocumentError> {
    if !existing.is_json() || !posted.is_json() {
        return Err(bad(
            "POST merges JSON objects: both the stored and the posted document must be \
             application/json (use PUT to replace a document of another type)",
        ));
    }
    let mut base = json_object(&existing.contents, "the stored document")?;
    let update = json_object(&posted.contents, "the posted document")?;
    for (name, value) in update {
        base.insert(name, value);
    }
    let contents = serde_json::to_vec(&Value::Object(base))
        .map_err(|error| bad(format!("the merged document cannot be written: {error}")))?;
    Ok(Document {
        content_type: existing.content_type.clone(),
        contents,
    })
}

fn json_object(bytes: &[u8], what: &str) -> Result<Map<String, Value>, DocumentError> {
    match parse_json_strictly(bytes) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(bad(format!("{what} is JSON but not an object"))),
        Err(error) => Err(bad(format!("{what} is not JSON: {error}"))),
    }
}

#[cfg(test)]
mod tests;
