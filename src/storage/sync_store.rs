//! The sync engine's durable state over IndexedDB: an asynchronous version of core's
//! `sync::LocalStore`, with the same semantics as its reference `InMemoryStore`.
//!
//! IndexedDB only answers asynchronously, so these are `async` methods on [`LocalDatabase`]
//! instead of an implementation of the synchronous trait. Each one is ONE transaction, with
//! strict durability when it writes, so an operation happens whole or not at all: a statement
//! is in the log and the outbox together, a push settlement leaves nothing half-applied, and
//! the pull cursor never moves past a page that was not stored. [`LocalDatabase::perform`] is
//! the counterpart of core's `perform_store_operation`: it turns an engine's store action into
//! the event that answers it.
//!
//! Statement ids are the keys, written as hyphenated lowercase hex, whose string order is the
//! ids' numeric order, so UUIDv7 key order is creation order, as in core's `BTreeMap`s.

use baeum_core::record::{Actor, Statement};
use baeum_core::sync::{
    Event, PulledStatement, PushSettlement, RejectedStatement, RequestId, StoreOperation,
    StoreReply, StoreSnapshot, SyncStatement,
};
use idb::Query;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::JsValue;

use super::schema::{LOG_ORDER, OUTBOX, PULL_CURSOR_KEY, REJECTED, STATEMENTS, SYNC_STATE};
use super::{
    classify_js_error, from_record, to_record, LocalDatabase, OpenTransaction, StorageError,
};

/// A new statement built by core's typed builders, stored in the same form as a
/// [`SyncStatement`] (`{"id": …, "body": {…}}`), which the sync engine reads back: the body's
/// `"id"` is the key by construction.
#[derive(Serialize)]
struct NewStatementRecord<'a> {
    id: Uuid,
    body: &'a Statement,
}

/// The part of a stored record that says who its statement is about, read from the browser
/// object without turning the whole statement into Rust values.
#[derive(Deserialize)]
struct StoredActor {
    body: ActorOnly,
}

#[derive(Deserialize)]
struct ActorOnly {
    actor: Actor,
}

fn id_key(id: Uuid) -> JsValue {
    JsValue::from_str(&id.to_string())
}

/// Whether `store` in `transaction` holds a record under `key`.
async fn contains(
    transaction: &OpenTransaction,
    store: &str,
    key: &JsValue,
) -> Result<bool, StorageError> {
    let count = transaction
        .store(store)?
        .count(Some(Query::from(key.clone())))?
        .await?;
    Ok(count > 0)
}

async fn read_cursor(transaction: &OpenTransaction) -> Result<Option<i64>, StorageError> {
    let value = transaction
        .store(SYNC_STATE)?
        .get(Query::from(JsValue::from_str(PULL_CURSOR_KEY)))?
        .await?;
    match value {
        Some(value) if !value.is_undefined() => {
            from_record(SYNC_STATE, PULL_CURSOR_KEY, value).map(Some)
        }
        _ => Ok(None),
    }
}

/// Reads every record of `store` (at most `limit`), decoding each one.
async fn read_all<T: serde::de::DeserializeOwned>(
    transaction: &OpenTransaction,
    store: &'static str,
    limit: Option<u32>,
) -> Result<Vec<T>, StorageError> {
    let values = transaction.store(store)?.get_all(None, limit)?.await?;
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| from_record(store, &format!("#{index}"), value))
        .collect()
}

impl LocalDatabase {
    /// Whether this connection's schema has the log order store. Only a database opened at an
    /// older version (the migration tests do that) lacks it; statements logged there are found
    /// by the first full fold, as those of an older app are.
    fn keeps_log_order(&self) -> bool {
        self.version() >= super::schema::LOG_ORDER_ADDED_IN_VERSION
    }

    /// `stores` and, when the schema has it, the log order store, for a transaction that adds
    /// statements to the log.
    fn log_stores<'a>(&self, stores: &[&'a str]) -> Vec<&'a str> {
        let mut names = stores.to_vec();
        if self.keeps_log_order() {
            names.push(LOG_ORDER);
        }
        names
    }

    /// Appends a new statement to the log and the outbox together, durably. The UI may say
    /// "saved" only after this returned `Ok`. An id already in the log or the rejected list is
    /// refused, so a statement is never recorded twice.
    /// How many statements wait in the outbox.
    pub async fn outbox_count(&self) -> Result<usize, StorageError> {
        let transaction = self.begin_read(&[OUTBOX])?;
        let result = async { Ok(transaction.store(OUTBOX)?.count(None)?.await? as usize) }.await;
        transaction.finish(result).await
    }

    pub async fn append(&self, statement: &SyncStatement) -> Result<(), StorageError> {
        self.append_record(statement.id(), to_record(statement)?)
            .await
    }

    /// [`append`](Self::append) for a statement made by core's typed builders, which the
    /// learners' app records without carrying JSON values.
    pub async fn append_statement(&self, statement: &Statement) -> Result<(), StorageError> {
        let record = to_record(&NewStatementRecord {
            id: statement.id,
            body: statement,
        })?;
        self.append_record(statement.id, record).await
    }

    /// Appends a record in the [`SyncStatement`] form under its id.
    async fn append_record(&self, id: Uuid, record: JsValue) -> Result<(), StorageError> {
        let transaction =
            self.begin_durable_write(&self.log_stores(&[STATEMENTS, OUTBOX, REJECTED]))?;
        let result = async {
            let key = id_key(id);
            if contains(&transaction, STATEMENTS, &key).await?
                || contains(&transaction, REJECTED, &key).await?
            {
                return Err(StorageError::DuplicateStatement(id));
            }
            transaction.store(STATEMENTS)?.put(&record, Some(&key))?;
            if self.keeps_log_order() {
                transaction.store(LOG_ORDER)?.add(&key, None)?;
            }
            transaction.store(OUTBOX)?.put(&record, Some(&key))?;
            Ok(())
        }
        .await;
        transaction.finish(result).await
    }

    /// The oldest `batch_limit` outbox statements, the outbox size, the rejected list and the
    /// pull cursor, read together.
    pub async fn snapshot(&self, batch_limit: usize) -> Result<StoreSnapshot, StorageError> {
        self.snapshot_for_actor(batch_limit, None).await
    }

    /// Like [`snapshot`](Self::snapshot), with a batch of only the statements whose actor is
    /// `actor` when one is given. A shared school tablet can hold statements of a learner who
    /// signed out before they were sent; the server would refuse them under the next learner's
    /// token (and a refusal of credentials stops sync), so they wait, still counted, until
    /// their own learner signs in again.
    pub async fn snapshot_for_actor(
        &self,
        batch_limit: usize,
        actor: Option<&Actor>,
    ) -> Result<StoreSnapshot, StorageError> {
        // Compared as JSON, as the statements' bodies are (an actor serializes to the JSON the
        // server described it with).
        let actor = actor
            .map(serde_json::to_value)
            .transpose()
            .map_err(|error| StorageError::Serialization(error.to_string()))?;
        let actor = actor.as_ref();
        let transaction = self.begin_read(&[OUTBOX, REJECTED, SYNC_STATE])?;
        let result = async {
            // IndexedDB reads a count of 0 as "no limit", so an empty batch is not asked for.
            let outbox_batch = if batch_limit == 0 {
                Vec::new()
            } else {
                let limit = u32::try_from(batch_limit).unwrap_or(u32::MAX);
                let oldest: Vec<SyncStatement> =
                    read_all(&transaction, OUTBOX, Some(limit)).await?;
                let is_theirs = |statement: &SyncStatement| {
                    actor.is_none_or(|actor| statement.body().get("actor") == Some(actor))
                };
                // Usually every waiting statement is the signed-in learner's, and the oldest
                // batch is the answer; the whole outbox is read only when it holds others'.
                if oldest.iter().all(is_theirs) {
                    oldest
                } else {
                    read_all::<SyncStatement>(&transaction, OUTBOX, None)
                        .await?
                        .into_iter()
                        .filter(is_theirs)
                        .take(batch_limit)
                        .collect()
                }
            };
            let waiting_count = transaction.store(OUTBOX)?.count(None)?.await? as usize;
            let rejected = read_all(&transaction, REJECTED, None).await?;
            let pull_cursor = read_cursor(&transaction).await?;
            Ok(StoreSnapshot {
                outbox_batch,
                waiting_count,
                rejected,
                pull_cursor,
            })
        }
        .await;
        transaction.finish(result).await
    }

    /// Applies a push response in one transaction. Ids no longer in the outbox are skipped, so
    /// applying the same settlement twice changes nothing the second time.
    pub async fn settle_push(&self, settlement: &PushSettlement) -> Result<(), StorageError> {
        let rejected_records = settlement
            .rejected
            .iter()
            .map(to_record)
            .collect::<Result<Vec<_>, _>>()?;
        let server_records = settlement
            .server_versions
            .iter()
            .map(to_record)
            .collect::<Result<Vec<_>, _>>()?;
        let transaction = self.begin_durable_write(&[STATEMENTS, OUTBOX, REJECTED, SYNC_STATE])?;
        let result = async {
            let outbox = transaction.store(OUTBOX)?;
            let log = transaction.store(STATEMENTS)?;
            for id in &settlement.acknowledged {
                outbox.delete(Query::from(id_key(*id)))?;
            }
            // Requests run in the order they were made, so the reads below see the deletions
            // above, exactly as the in-memory store's sequence of steps does.
            for (rejected, record) in settlement.rejected.iter().zip(&rejected_records) {
                let key = id_key(rejected.statement.id());
                if contains(&transaction, OUTBOX, &key).await? {
                    outbox.delete(Query::from(key.clone()))?;
                    log.delete(Query::from(key.clone()))?;
                    transaction.store(REJECTED)?.put(record, Some(&key))?;
                }
            }
            for (server_version, record) in settlement.server_versions.iter().zip(&server_records) {
                let key = id_key(server_version.id());
                if !contains(&transaction, OUTBOX, &key).await? {
                    log.put(record, Some(&key))?;
                }
            }
            if settlement.rewind_cursor {
                transaction
                    .store(SYNC_STATE)?
                    .delete(Query::from(JsValue::from_str(PULL_CURSOR_KEY)))?;
            }
            Ok(())
        }
        .await;
        transaction.finish(result).await
    }

    /// Adds the pulled statements the log does not hold yet and moves the cursor, in one
    /// transaction, so the cursor can never advance past a page that was not stored. The cursor
    /// only moves forward. Returns how many statements were new.
    pub async fn store_pulled_page(
        &self,
        statements: &[PulledStatement],
        cursor: Option<i64>,
    ) -> Result<usize, StorageError> {
        let records = statements
            .iter()
            .map(|pulled| to_record(&pulled.statement))
            .collect::<Result<Vec<_>, _>>()?;
        let transaction = self.begin_durable_write(&self.log_stores(&[STATEMENTS, SYNC_STATE]))?;
        let result = async {
            let log = transaction.store(STATEMENTS)?;
            let log_order = if self.keeps_log_order() {
                Some(transaction.store(LOG_ORDER)?)
            } else {
                None
            };
            let mut new_statements = 0;
            for (pulled, record) in statements.iter().zip(&records) {
                let key = id_key(pulled.statement.id());
                // The count sees puts made earlier in this loop, so a page that repeats a
                // statement stores it once.
                if !contains(&transaction, STATEMENTS, &key).await? {
                    log.put(record, Some(&key))?;
                    if let Some(log_order) = &log_order {
                        log_order.add(&key, None)?;
                    }
                    new_statements += 1;
                }
            }
            let old_cursor = read_cursor(&transaction).await?;
            let new_cursor = match (old_cursor, cursor) {
                (Some(old), Some(new)) => Some(old.max(new)),
                (old, new) => old.or(new),
            };
            if let Some(new_cursor) = new_cursor {
                if Some(new_cursor) != old_cursor {
                    transaction.store(SYNC_STATE)?.put(
                        &to_record(&new_cursor)?,
                        Some(&JsValue::from_str(PULL_CURSOR_KEY)),
                    )?;
                }
            }
            Ok(new_statements)
        }
        .await;
        transaction.finish(result).await
    }

    /// Puts the named statements of the rejected list back in the log and the outbox in one
    /// durable transaction, to be sent again (core's `LocalStore::restore_rejected`). A statement
    /// whose id the log holds (the server's copy after a conflict) stays set aside. Returns how
    /// many statements went back.
    pub async fn restore_rejected(&self, ids: &[Uuid]) -> Result<usize, StorageError> {
        let transaction =
            self.begin_durable_write(&self.log_stores(&[STATEMENTS, OUTBOX, REJECTED]))?;
        let result = async {
            let mut restored = 0;
            for id in ids {
                let key = id_key(*id);
                if contains(&transaction, STATEMENTS, &key).await? {
                    continue;
                }
                let Some(value) = transaction
                    .store(REJECTED)?
                    .get(Query::from(key.clone()))?
                    .await?
                else {
                    continue;
                };
                if value.is_undefined() {
                    continue;
                }
                let rejected: RejectedStatement = from_record(REJECTED, &id.to_string(), value)?;
                let record = to_record(&rejected.statement)?;
                transaction.store(STATEMENTS)?.put(&record, Some(&key))?;
                // A new order number: the saved progress digest then adds it like any new
                // statement (or, its count no longer matching, folds the log again).
                if self.keeps_log_order() {
                    transaction.store(LOG_ORDER)?.add(&key, None)?;
                }
                transaction.store(OUTBOX)?.put(&record, Some(&key))?;
                transaction.store(REJECTED)?.delete(Query::from(key))?;
                restored += 1;
            }
            Ok(restored)
        }
        .await;
        transaction.finish(result).await
    }

    /// Every statement in the log, in id order: what the progress fold reads.
    pub async fn log(&self) -> Result<Vec<SyncStatement>, StorageError> {
        let transaction = self.begin_read(&[STATEMENTS])?;
        let result = read_all(&transaction, STATEMENTS, None).await;
        transaction.finish(result).await
    }

    /// Every statement waiting to be pushed, oldest first.
    pub async fn outbox(&self) -> Result<Vec<SyncStatement>, StorageError> {
        let transaction = self.begin_read(&[OUTBOX])?;
        let result = read_all(&transaction, OUTBOX, None).await;
        transaction.finish(result).await
    }

    /// The statements the server refused for good, with the reasons.
    pub async fn rejected(&self) -> Result<Vec<RejectedStatement>, StorageError> {
        let transaction = self.begin_read(&[REJECTED])?;
        let result = read_all(&transaction, REJECTED, None).await;
        transaction.finish(result).await
    }

    pub async fn pull_cursor(&self) -> Result<Option<i64>, StorageError> {
        let transaction = self.begin_read(&[SYNC_STATE])?;
        let result = read_cursor(&transaction).await;
        transaction.finish(result).await
    }

    /// Gives every outbox statement about `from` the actor `to`, in the outbox and the log, in
    /// one durable transaction; core's `record::reassign_actor` done on the stored browser
    /// objects, so nothing else of a statement is read or changed. Statements that already
    /// left the device are not in the outbox and so are never changed. Returns how many
    /// statements were given the new actor.
    pub async fn reassign_unsent_statements(
        &self,
        from: &Actor,
        to: &Actor,
    ) -> Result<usize, StorageError> {
        // As `reassign_actor` refuses it: an actor that is not valid takes no statement, and
        // they stay the guest's, waiting.
        if to.check().is_err() {
            return Ok(0);
        }
        let new_actor = to_record(to)?;
        let transaction = self.begin_durable_write(&[STATEMENTS, OUTBOX])?;
        let result = async {
            let outbox = transaction.store(OUTBOX)?;
            let keys = outbox.get_all_keys(None, None)?.await?;
            let records = outbox.get_all(None, None)?.await?;
            let mut reassigned = 0;
            for (key, record) in keys.into_iter().zip(records) {
                // A statement whose actor is not an account agent is nobody's guest.
                let is_from = serde_wasm_bindgen::from_value::<StoredActor>(record.clone())
                    .is_ok_and(|stored| stored.body.actor == *from);
                if !is_from {
                    continue;
                }
                let body = js_sys::Reflect::get(&record, &JsValue::from_str("body"))
                    .map_err(|error| classify_js_error(&error))?;
                js_sys::Reflect::set(&body, &JsValue::from_str("actor"), &new_actor)
                    .map_err(|error| classify_js_error(&error))?;
                outbox.put(&record, Some(&key))?;
                transaction.store(STATEMENTS)?.put(&record, Some(&key))?;
                reassigned += 1;
            }
            Ok(reassigned)
        }
        .await;
        transaction.finish(result).await
    }

    /// Performs a store operation the engine asked for and returns the event that answers it:
    /// the asynchronous counterpart of core's `perform_store_operation`.
    pub async fn perform(&self, request: RequestId, operation: &StoreOperation) -> Event {
        self.perform_for_actor(request, operation, None).await
    }

    /// Like [`perform`](Self::perform), with snapshots limited to the statements of `actor`
    /// (see [`snapshot_for_actor`](Self::snapshot_for_actor)).
    pub async fn perform_for_actor(
        &self,
        request: RequestId,
        operation: &StoreOperation,
        actor: Option<&Actor>,
    ) -> Event {
        let result = match operation {
            StoreOperation::Snapshot { batch_limit } => self
                .snapshot_for_actor(*batch_limit, actor)
                .await
                .map(StoreReply::Snapshot),
            StoreOperation::SettlePush(settlement) => self
                .settle_push(settlement)
                .await
                .map(|()| StoreReply::Settled),
            StoreOperation::StorePulledPage { statements, cursor } => self
                .store_pulled_page(statements, *cursor)
                .await
                .map(|new_statements| StoreReply::PageStored { new_statements }),
        };
        match result {
            Ok(reply) => Event::StoreCompleted { request, reply },
            Err(error) => Event::StoreFailed {
                request,
                message: error.to_string(),
            },
        }
    }
}
