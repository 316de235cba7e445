//! Forgetting a deleted account on this device: its statements leave the log, the outbox, the
//! rejected list and the log order, and the saved progress digest goes (it counted them), in
//! one durable transaction. Other learners' and the guest's statements stay.

use baeum_core::sync::{RejectedStatement, SyncStatement};
use serde_json::Value;
use wasm_bindgen::JsValue;

use super::schema::{LOG_ORDER, OUTBOX, PROGRESS_DIGEST_KEY, REJECTED, STATEMENTS, SYNC_STATE};
use super::{from_record, LocalDatabase, StorageError};

/// Whether a statement's actor is the account whose actor is `account_actor` (compared by the
/// account part, the actor's identifier, so a `name` or `objectType` difference cannot hide one).
fn is_about(statement: &SyncStatement, account_actor: &Value) -> bool {
    match (
        statement.body().pointer("/actor/account"),
        account_actor.get("account"),
    ) {
        (Some(found), Some(account)) => found == account,
        _ => false,
    }
}

impl LocalDatabase {
    /// Deletes every statement whose actor is `account_actor` from this device; returns how
    /// many left the log.
    pub async fn forget_statements_of_account(
        &self,
        account_actor: &Value,
    ) -> Result<usize, StorageError> {
        let mut stores = vec![STATEMENTS, OUTBOX, REJECTED, SYNC_STATE];
        let keeps_log_order = self.version() >= super::schema::LOG_ORDER_ADDED_IN_VERSION;
        if keeps_log_order {
            stores.push(LOG_ORDER);
        }
        let transaction = self.begin_durable_write(&stores)?;
        let result = async {
            let mut forgotten = std::collections::HashSet::new();
            let logged = transaction.store(STATEMENTS)?.get_all(None, None)?.await?;
            for (index, value) in logged.into_iter().enumerate() {
                let statement: SyncStatement =
                    from_record(STATEMENTS, &format!("#{index}"), value)?;
                if is_about(&statement, account_actor) {
                    let key = JsValue::from_str(&statement.id().to_string());
                    transaction.store(STATEMENTS)?.delete(key.clone())?;
                    transaction.store(OUTBOX)?.delete(key)?;
                    forgotten.insert(statement.id().to_string());
                }
            }
            let rejected = transaction.store(REJECTED)?.get_all(None, None)?.await?;
            for (index, value) in rejected.into_iter().enumerate() {
                let entry: RejectedStatement = from_record(REJECTED, &format!("#{index}"), value)?;
                if is_about(&entry.statement, account_actor) {
                    let key = JsValue::from_str(&entry.statement.id().to_string());
                    transaction.store(REJECTED)?.delete(key)?;
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
