//! The answers that refuse a push statement by statement: core's `PushRejectionBody` naming
//! each statement at fault with its reason, or with the stored copy for a conflict the caller
//! may read. The client sets exactly the named statements aside and sends the rest; an answer
//! that names nothing makes it keep its whole outbox.

use baeum_core::sync::wire::{ConflictingStatement, InvalidStatement, PushRejectionBody};
use baeum_core::xapi::formats::parse_standard_uuid;
use baeum_core::xapi::{validate_statement, Statement};
use serde_json::Value;
use uuid::Uuid;

use super::{readable_actor_keys, render, Format};
use crate::auth::Authenticated;
use crate::error::{ServerError, StatementRefusal};
use crate::store::{BatchRefusal, StoredStatement};
use crate::AppState;

/// The id a statement body claims, when it is a usable uuid: what a refusal can name.
fn claimed_id(item: &Value) -> Option<Uuid> {
    item.get("id")
        .and_then(Value::as_str)
        .and_then(parse_standard_uuid)
}

/// Validates a JSON body holding one statement or an array of them. Every statement is
/// checked, and the refusal names each invalid one (by the id it carries) with its reason, so
/// a client can set those aside and send the rest.
pub(super) fn validate_body(body: &Value) -> Result<Vec<Statement>, ServerError> {
    let items: Vec<&Value> = match body {
        Value::Array(items) if items.is_empty() => {
            return Err(ServerError::bad_request("the statement array is empty"))
        }
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    let mut statements = Vec::with_capacity(items.len());
    let mut problems: Vec<(Option<Uuid>, String)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        match validate_statement(item) {
            Ok(statement) => statements.push(statement),
            Err(error) => {
                let error = if body.is_array() {
                    error.within(&format!("statements[{index}]"))
                } else {
                    error
                };
                problems.push((claimed_id(item), error.to_string()));
            }
        }
    }
    if problems.is_empty() {
        return Ok(statements);
    }
    Err(refused(
        StatementRefusal::Invalid,
        "invalid statement",
        items.len(),
        problems,
    ))
}

/// A refusal naming statements: `problems` holds, per statement at fault, the id it can be
/// named by (if any) and the reason. The message lists every reason, and says when some
/// statements could not be named because they carry no id.
pub(super) fn refused(
    refusal: StatementRefusal,
    heading: &str,
    batch_size: usize,
    problems: Vec<(Option<Uuid>, String)>,
) -> ServerError {
    let reasons: Vec<&str> = problems.iter().map(|(_, reason)| reason.as_str()).collect();
    let mut message = format!("{heading}: {}", reasons.join("; "));
    if batch_size > 1 {
        message.push_str(&format!(
            " ({} of the {batch_size} statements; nothing was stored)",
            problems.len()
        ));
    }
    let unnamed = problems.iter().filter(|(id, _)| id.is_none()).count();
    if batch_size == 1 && unnamed == 1 {
        message.push_str(". it has no id, so it cannot be named here");
    } else if unnamed == 1 {
        message.push_str(". 1 of them has no id, so it cannot be named here");
    } else if unnamed > 1 {
        message.push_str(&format!(
            ". {unnamed} of them have no id, so they cannot be named here"
        ));
    }
    ServerError::StatementsRefused {
        refusal,
        body: PushRejectionBody {
            message: Some(message),
            conflicts: Vec::new(),
            invalid: problems
                .into_iter()
                .filter_map(|(id, reason)| id.map(|id| InvalidStatement { id, reason }))
                .collect(),
        },
    }
}

/// What a write whose id is held by a statement the caller may not read is told: nothing
/// about that statement, only that the id cannot be used.
const UNUSABLE_ID_REASON: &str = "this statement id cannot be used; make a new one";

/// Turns the store's refusal of a batch into the answer: conflicts with statements the caller
/// may read come with the stored copy (409); ids held by statements the caller may not read
/// are named as unusable (404), exactly as if the caller had asked for that statement; voids
/// of another actor's statement are invalid (400). Every named statement is in the one answer,
/// whose status is the first of 404, 400, 409 that applies.
pub(super) async fn refused_batch(
    state: &AppState,
    caller: &Authenticated,
    batch_size: usize,
    refusal: BatchRefusal,
) -> Result<ServerError, ServerError> {
    let readable = readable_actor_keys(state, caller).await?;
    let may_read =
        |stored: &StoredStatement| super::may_read(state, caller, readable.as_deref(), stored);
    let mut invalid: Vec<InvalidStatement> = Vec::new();
    let mut conflicts: Vec<ConflictingStatement> = Vec::new();
    let mut reasons: Vec<String> = Vec::new();
    for stored in &refusal.conflicts {
        if may_read(stored) {
            conflicts.push(ConflictingStatement {
                id: stored.id,
                stored: render(stored, Format::Exact, "")?,
            });
            reasons.push(format!(
                "statement {} already exists with a different body",
                stored.id
            ));
        } else {
            invalid.push(InvalidStatement {
                id: stored.id,
                reason: UNUSABLE_ID_REASON.to_owned(),
            });
            reasons.push(format!("statement id {}: {UNUSABLE_ID_REASON}", stored.id));
        }
    }
    let unusable = !invalid.is_empty();
    for void in &refusal.foreign_voids {
        let reason = format!(
            "statement {} voids statement {}, which is not a statement of its actor; a voiding \
             statement may only void statements of its own actor",
            void.voiding_id, void.target_id
        );
        reasons.push(reason.clone());
        invalid.push(InvalidStatement {
            id: void.voiding_id,
            reason,
        });
    }
    let kind = if unusable {
        StatementRefusal::IdUnusable
    } else if !refusal.foreign_voids.is_empty() {
        StatementRefusal::Invalid
    } else {
        StatementRefusal::Conflict
    };
    let mut message = reasons.join("; ");
    if batch_size > 1 {
        message.push_str(&format!(
            " ({} of the {batch_size} statements; nothing was stored)",
            reasons.len()
        ));
    }
    Ok(ServerError::StatementsRefused {
        refusal: kind,
        body: PushRejectionBody {
            message: Some(message),
            conflicts,
            invalid,
        },
    })
}
