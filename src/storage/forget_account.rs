//! Forgetting a deleted account on this device: its statements leave the log, the outbox, the
//! rejected list and the log order, and the saved progress digest goes (it counted them), in
//! one durable transaction. Other learners' and the guest's statements stay.

use baeum_core::record::{Actor, ActorAccount};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::schema::{LOG_ORDER, OUTBOX, PROGRESS_DIGEST_KEY, REJECTED, STATEMENTS, SYNC_STATE};
use super::{from_record, LocalDatabase, StorageError};

/// What is read of a stored record: its statement's actor's account, if it has one. Records
/// stay browser objects otherwise, so forgetting never needs the statements as JSON values;
/// a record that is not a statement at all stops the forgetting with an error, as before.
#[derive(Deserialize)]
struct Record {
    body: Body,
}

#[derive(Deserialize)]
struct Body {
    actor: Option<Identified>,
}

#[derive(Deserialize)]
struct Identified {
    account: Option<ActorAccount>,
}

/// A rejected statement's record: the statement with the reason it was set aside.
#[derive(Deserialize)]
struct RejectedRecord {
    statement: Record,
}

/// Whether a record's statement is about the account whose actor is `account_actor` (compared
/// by the account part, the actor's identifier, so a `name` or `objectType` difference cannot
/// hide one). A record that does not read as a statement with an actor is nobody's.
fn is_about(record: Record, account_actor: &Actor) -> bool {
    record
        .body
        .actor
        .and_then(|actor| actor.account)
        .is_some_and(|account| account == account_actor.account)
}

impl LocalDatabase {
    /// Deletes every statement whose actor is `account_actor` from this device; returns how
    /// many left the log.
    pub async fn forget_statements_of_account(
        &self,
        account_actor: &Actor,
    ) -> Result<usize, StorageError> {
        let mut stores = vec![STATEMENTS, OUTBOX, REJECTED, SYNC_STATE];
        let keeps_log_order = self.version() >= super::schema::LOG_ORDER_ADDED_IN_VERSION;
        if keeps_log_order {
            stores.push(LOG_ORDER);
        }
        let transaction = self.begin_durable_write(&stores)?;
        let result = async {
            let mut forgotten = std::collections::HashSet::new();
            let statements = transaction.store(STATEMENTS)?;
            let keys = statements.get_all_keys(None, None)?.await?;
            let logged = statements.get_all(None, None)?.await?;
            for (index, (key, value)) in keys.into_iter().zip(logged).enumerate() {
                let record: Record = from_record(STATEMENTS, &format!("#{index}"), value)?;
                if is_about(record, account_actor) {
                    transaction.store(STATEMENTS)?.delete(key.clone())?;
                    transaction.store(OUTBOX)?.delete(key.clone())?;
                    if let Some(id) = key.as_string() {
                        forgotten.insert(id);
                    }
                }
            }
            let rejected = transaction.store(REJECTED)?;
            let keys = rejected.get_all_keys(None, None)?.await?;
            let entries = rejected.get_all(None, None)?.await?;
            for (index, (key, value)) in keys.into_iter().zip(entries).enumerate() {
                let entry: RejectedRecord = from_record(REJECTED, &format!("#{index}"), value)?;
                if is_about(entry.statement, account_actor) {
                    rejected.delete(key)?;
                }
            }
            if keeps_log_order {
                let order = transaction.store(LOG_ORDER)?;
                let numbers = order.get_all_keys(None, None)?.await?;
                let ids = order.get_all(None, None)?.await?;
                for (number, id) in numbers.into_iter().zip(ids) {
                    if id.as_string().is_some_and(|id| forgotten.contains(&id)) {
                        order.delete(number)?;
                    }
                }
            }
            // The digest counted the forgotten statements; without it progress is refolded
            // from what is left.
            transaction
                .store(SYNC_STATE)?
                .delete(JsValue::from_str(PROGRESS_DIGEST_KEY))?;
            Ok(forgotten.len())
        }
        .await;
        transaction.finish(result).await
    }
}
