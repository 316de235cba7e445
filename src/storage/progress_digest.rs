//! The saved progress digest and the statements logged after it, so the home screen reads one
//! small record and the few statements since instead of the whole log.
//!
//! Every statement entering the log gets a number in [`LOG_ORDER`] in the same transaction (see
//! `sync_store`). The saved digest names the last number it folded and how many statements the
//! log held then. On reading, the statements numbered after it are the ones to add. If the
//! log's count is not the saved count plus those (a log written by an older version, or by
//! anything but this app), the caller folds the whole log again: the digest is a cache of the
//! log, never the record itself.

use baeum_core::progress::ProgressDigest;
use baeum_core::sync::SyncStatement;
use idb::{CursorDirection, KeyRange, Query};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::schema::{LOG_ORDER, PROGRESS_DIGEST_KEY, STATEMENTS, SYNC_STATE};
use super::{from_record, to_record, LocalDatabase, OpenTransaction, StorageError};

/// The digest as saved, with where in the log it stands.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedDigest {
    /// The last [`LOG_ORDER`] number folded into it; 0 when none was.
    pub through_order: f64,
    /// How many statements the log held when it was made.
    pub statements_in_log: u32,
    pub digest: ProgressDigest,
}

/// The saved digest (if any) with the statements logged after it.
#[derive(Debug, Clone)]
pub struct DigestReading {
    pub saved: Option<SavedDigest>,
    /// The statements numbered after the digest's `through_order`, in log order.
    pub since: Vec<SyncStatement>,
    /// The last number among them, or the digest's own when there are none.
    pub latest_order: f64,
    /// How many statements the log holds now.
    pub statements_in_log: u32,
}

impl DigestReading {
    /// Whether the saved digest plus the statements since account for the whole log.
    pub fn covers_the_log(&self) -> bool {
        self.saved.as_ref().is_some_and(|saved| {
            u64::from(saved.statements_in_log) + self.since.len() as u64
                == u64::from(self.statements_in_log)
        })
    }
}

/// The whole log, for a full fold, with its last order number and count, read together.
#[derive(Debug, Clone)]
pub struct FullLogReading {
    pub statements: Vec<SyncStatement>,
    pub latest_order: f64,
}

impl LocalDatabase {
    /// How many statements the log holds: home needs the digest only when there is any.
    pub async fn statements_in_log(&self) -> Result<u32, StorageError> {
        let transaction = self.begin_read(&[STATEMENTS])?;
        let result = async { Ok(transaction.store(STATEMENTS)?.count(None)?.await?) }.await;
        transaction.finish(result).await
    }

    /// Reads the saved digest, the statements logged after it and the log's count in one
    /// transaction, so nothing can be logged in between.
    pub async fn read_digest_and_since(&self) -> Result<DigestReading, StorageError> {
        let transaction = self.begin_read(&[SYNC_STATE, LOG_ORDER, STATEMENTS])?;
        let result = async {
            let saved = read_saved_digest(&transaction).await;
            let through_order = saved.as_ref().map_or(0.0, |saved| saved.through_order);
            let after = || -> Result<Query, StorageError> {
                Ok(Query::KeyRange(KeyRange::lower_bound(
                    &JsValue::from_f64(through_order),
                    Some(true),
                )?))
            };
            let log_order = transaction.store(LOG_ORDER)?;
            let order_numbers = log_order.get_all_keys(Some(after()?), None)?.await?;
            let statement_ids = log_order.get_all(Some(after()?), None)?.await?;
            let latest_order = order_numbers
                .last()
                .and_then(JsValue::as_f64)
                .unwrap_or(through_order);
            let statements = transaction.store(STATEMENTS)?;
            let mut since = Vec::with_capacity(statement_ids.len());
            for statement_id in statement_ids {
                let key = statement_id.as_string().unwrap_or_default();
                if let Some(record) = statements.get(Query::Key(statement_id))?.await? {
                    since.push(from_record(STATEMENTS, &key, record)?);
                }
            }
            let statements_in_log = statements.count(None)?.await?;
            Ok(DigestReading {
                saved,
                since,
                latest_order,
                statements_in_log,
            })
        }
        .await;
        transaction.finish(result).await
    }

    /// Reads the whole log and its last order number together, for a full fold.
    pub async fn read_full_log(&self) -> Result<FullLogReading, StorageError> {
        let transaction = self.begin_read(&[LOG_ORDER, STATEMENTS])?;
        let result = async {
            let records = transaction.store(STATEMENTS)?.get_all(None, None)?.await?;
            let statements = records
                .into_iter()
                .enumerate()
                .map(|(index, record)| from_record(STATEMENTS, &format!("#{index}"), record))
                .collect::<Result<Vec<SyncStatement>, _>>()?;
            let last = transaction
                .store(LOG_ORDER)?
                .open_key_cursor(None, Some(CursorDirection::Prev))?
                .await?;
            let latest_order = match last {
                Some(cursor) => cursor.key()?.as_f64().unwrap_or(0.0),
                None => 0.0,
            };
            Ok(FullLogReading {
                statements,
                latest_order,
            })
        }
        .await;
        transaction.finish(result).await
    }

    /// Saves the digest. It is a cache of the log that can always be rebuilt, so it is written
    /// with the browser's default durability.
    pub async fn save_digest(&self, saved: &SavedDigest) -> Result<(), StorageError> {
        let record = to_record(saved)?;
        let transaction = self.begin_write(&[SYNC_STATE])?;
        let result = transaction.store(SYNC_STATE).and_then(|store| {
            store.put(&record, Some(&JsValue::from_str(PROGRESS_DIGEST_KEY)))?;
            Ok(())
        });
        transaction.finish(result).await
    }
}

/// The saved digest, or `None` when there is none or it cannot be read (a digest from an older
/// version of the app, say): the caller then folds the whole log, which loses nothing.
async fn read_saved_digest(transaction: &OpenTransaction) -> Option<SavedDigest> {
    let value = transaction
        .store(SYNC_STATE)
        .ok()?
        .get(Query::from(JsValue::from_str(PROGRESS_DIGEST_KEY)))
        .ok()?
        .await
        .ok()??;
    if value.is_undefined() {
        return None;
    }
    from_record(SYNC_STATE, PROGRESS_DIGEST_KEY, value).ok()
}
