//! The platform-free sync engine: how a device's statements reach the server and how other
//! devices' statements come back, whatever the network does in between.
//!
//! Progress is an append-only log of xAPI statements with client-generated UUIDv7 ids
//! (design.md, invariants 1 and 2). The client appends a statement to its local log and outbox
//! in one durable write before the UI says "saved"; from then on this module decides when to
//! push it, how to read the server's answer, when to retry and when to pull what other devices
//! wrote.
//!
//! The engine is a sans-IO state machine ([`SyncEngine`]): it never touches storage, a clock,
//! a random number generator or the network itself. The client asks it for the next
//! [`Action`] with the current time, performs that action against IndexedDB or `fetch`, and
//! reports the result as an [`Event`]. Because every input is an argument, the same engine runs
//! in the browser, in native unit tests and in the seeded fault simulation
//! (`tests/sync_simulation.rs`), which is what lets us claim it converges.
//!
//! The parts:
//! - [`wire`]: what is POSTed and GETted, and how a response is classified.
//! - [`store`]: the [`LocalStore`] trait the client implements over IndexedDB, and an in-memory
//!   version for tests.
//! - [`backoff`]: capped exponential backoff with jitter drawn from a [`RandomSource`].
//! - [`clock`]: the device-to-server clock offset learned from the HTTP `Date` header.
//! - [`engine`]: the state machine itself and the [`SyncStatus`] the UI shows.

pub mod backoff;
pub mod clock;
pub mod engine;
pub mod store;
pub mod wire;

pub use backoff::{BackoffPolicy, RandomSource, SplitMix64};
pub use clock::{
    format_timestamp_ms, parse_http_date, parse_timestamp_ms, ClockError, ClockOffset,
};
pub use engine::{
    Action, Event, HttpResponse, PullAction, PushAction, RequestId, SyncActivity, SyncConfig,
    SyncEngine, SyncProblem, SyncStatus,
};
pub use store::{
    can_be_sent_again, perform_store_operation, InMemoryStore, LocalStore, PushSettlement,
    RejectedStatement, RejectionReason, StoreError, StoreOperation, StoreReply, StoreSnapshot,
};
pub use wire::{
    classify_pull_response, classify_push_response, is_own_more_link, push_request_body,
    ConflictingStatement, InvalidStatement, PullOutcome, PullPage, PullPageError, PullRequest,
    PulledStatement, PushOutcome, PushRejectionBody,
};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// Properties the server may add or change when it stores a statement. The xAPI statement
/// comparison rules say differences in them must be ignored, so two copies of one statement
/// that differ only here are the same statement.
const SERVER_ASSIGNED_PROPERTIES: [&str; 3] = ["stored", "authority", "version"];

/// Why a JSON value cannot be carried as a statement by the sync engine.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    #[error("a statement must be a json object")]
    NotAnObject,
    #[error("the statement's \"id\" property is not a uuid string")]
    IdNotAUuid,
    #[error("the statement's \"id\" property {in_body} differs from its key {expected}")]
    IdMismatch { in_body: String, expected: Uuid },
}

/// One statement as the sync engine carries it: its id and its JSON body.
///
/// The body always holds the same id in its `"id"` property, because the id is what makes a
/// retried POST idempotent: a body without it would be stored again under a new server id.
/// The fields are private so that this can only be built through [`SyncStatement::new`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "UncheckedStatement")]
pub struct SyncStatement {
    id: Uuid,
    body: Value,
}

/// The serialized form of [`SyncStatement`], checked on the way in so that a record read back
/// from IndexedDB meets the same rule as one built in memory.
#[derive(Deserialize)]
struct UncheckedStatement {
    id: Uuid,
    body: Value,
}

impl TryFrom<UncheckedStatement> for SyncStatement {
    type Error = StatementError;

    fn try_from(unchecked: UncheckedStatement) -> Result<Self, Self::Error> {
        SyncStatement::new(unchecked.id, unchecked.body)
    }
}

impl SyncStatement {
    /// Pairs an id with a statement body. A body without an `"id"` gets this one; a body whose
    /// `"id"` names a different statement is refused rather than silently rewritten.
    pub fn new(id: Uuid, mut body: Value) -> Result<Self, StatementError> {
        let object = body.as_object_mut().ok_or(StatementError::NotAnObject)?;
        match object.get("id") {
            None => {
                object.insert("id".to_owned(), Value::String(id.to_string()));
            }
            Some(Value::String(text)) => {
                let in_body = Uuid::parse_str(text).map_err(|_| StatementError::IdNotAUuid)?;
                if in_body != id {
                    return Err(StatementError::IdMismatch {
                        in_body: text.clone(),
                        expected: id,
                    });
                }
            }
            Some(_) => return Err(StatementError::IdNotAUuid),
        }
        Ok(Self { id, body })
    }

    /// Builds a statement from a body that names its own id.
    pub fn from_body(body: Value) -> Result<Self, StatementError> {
        let id = body
            .get("id")
            .and_then(Value::as_str)
            .and_then(|text| Uuid::parse_str(text).ok())
            .ok_or(StatementError::IdNotAUuid)?;
        Self::new(id, body)
    }

    pub fn id(&self) -> Uuid {
        self.id
    }

    pub fn body(&self) -> &Value {
        &self.body
    }

    pub fn into_body(self) -> Value {
        self.body
    }
}

/// Whether two bodies are the same statement under the xAPI comparison rules: equal in every
/// property except those the server assigns (`stored`, `authority`, `version`), and a
/// `timestamp` only one side has (the server fills in a missing one).
pub fn statements_match(left: &Value, right: &Value) -> bool {
    let (Some(left), Some(right)) = (left.as_object(), right.as_object()) else {
        return left == right;
    };
    let keys = left.keys().chain(right.keys());
    for key in keys {
        if SERVER_ASSIGNED_PROPERTIES.contains(&key.as_str()) {
            continue;
        }
        match (left.get(key), right.get(key)) {
            (Some(left_value), Some(right_value)) => {
                if left_value != right_value {
                    return false;
                }
            }
            (None, Some(_)) | (Some(_), None) if key == "timestamp" => {}
            _ => return false,
        }
    }
    true
}

/// Removes the `stored` property a server adds, so that a pulled copy of a statement has the
/// same body as the original in the device that wrote it and every log holds equal bodies.
pub(crate) fn without_stored(mut body: Value) -> Value {
    if let Some(object) = body.as_object_mut() {
        object.remove("stored");
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn new_statement_inserts_a_missing_id_and_refuses_a_different_one() {
        let statement = SyncStatement::new(id(7), json!({"verb": {"id": "v"}})).unwrap();
        assert_eq!(statement.body()["id"], json!(id(7).to_string()));
        assert_eq!(
            SyncStatement::new(id(7), json!({"id": id(8).to_string()})),
            Err(StatementError::IdMismatch {
                in_body: id(8).to_string(),
                expected: id(7)
            })
        );
        assert_eq!(
            SyncStatement::new(id(7), json!([1, 2])),
            Err(StatementError::NotAnObject)
        );
        assert_eq!(
            SyncStatement::new(id(7), json!({"id": 5})),
            Err(StatementError::IdNotAUuid)
        );
    }

    #[test]
    fn deserializing_checks_the_same_rule_as_new() {
        let good = json!({"id": id(1), "body": {"id": id(1).to_string()}});
        assert!(serde_json::from_value::<SyncStatement>(good).is_ok());
        let bad = json!({"id": id(1), "body": {"id": id(2).to_string()}});
        assert!(serde_json::from_value::<SyncStatement>(bad).is_err());
    }

    #[test]
    fn comparison_ignores_server_assigned_properties_only() {
        let original = json!({"id": "a", "verb": "v", "timestamp": "t"});
        let stored = json!({"id": "a", "verb": "v", "timestamp": "t", "stored": "s",
                            "authority": {"name": "lrs"}, "version": "2.0.0"});
        assert!(statements_match(&original, &stored));
        let other_verb = json!({"id": "a", "verb": "w", "timestamp": "t"});
        assert!(!statements_match(&original, &other_verb));
        let no_timestamp = json!({"id": "a", "verb": "v"});
        assert!(statements_match(&no_timestamp, &original));
        let extra = json!({"id": "a", "verb": "v", "timestamp": "t", "result": {}});
        assert!(!statements_match(&original, &extra));
    }
}
