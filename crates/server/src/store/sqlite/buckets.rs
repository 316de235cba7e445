//! SQLite's side of the shared rate-limit buckets (the arithmetic and why: `store/buckets.rs`):
//! every bucket of one attempt taken in one immediate transaction on the writer connection,
//! each by one upsert that allows and moves the arrival time together, so another process on
//! the same file cannot slip in between.

use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::store::buckets::{wait_for, BucketTake, TakeOutcome};
use crate::store::StoreError;

/// Allows the attempt and moves the arrival time, or (the `WHERE` false) changes nothing and
/// returns no row. `max(tat, now) - tolerance <= now` is GCRA's `tat - tolerance <= now` with
/// an arrival time in the past read as now.
const TAKE: &str = "INSERT INTO rate_buckets (bucket, tat_micros) VALUES (?1, ?2 + ?3) \
     ON CONFLICT (bucket) DO UPDATE SET tat_micros = max(tat_micros, ?2) + ?3 \
     WHERE max(tat_micros, ?2) - ?4 <= ?2 \
     RETURNING tat_micros";

pub(super) fn take(
    connection: &mut Connection,
    takes: &[BucketTake],
    now_micros: i64,
    prune: bool,
) -> Result<TakeOutcome, StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if prune {
        transaction.execute(
            "DELETE FROM rate_buckets WHERE tat_micros <= ?1",
            [now_micros],
        )?;
    }
    let mut outcome = TakeOutcome::Allowed;
    for (index, take) in takes.iter().enumerate() {
        let allowed: Option<i64> = transaction
            .query_row(
                TAKE,
                params![
                    take.bucket.as_slice(),
                    now_micros,
                    take.interval_micros,
                    take.tolerance_micros
                ],
                |row| row.get(0),
            )
            .optional()?;
        if allowed.is_none() {
            let tat: i64 = transaction
                .query_row(
                    "SELECT tat_micros FROM rate_buckets WHERE bucket = ?1",
                    [take.bucket.as_slice()],
                    |row| row.get(0),
                )
                .optional()?
                .unwrap_or(now_micros);
            outcome = TakeOutcome::Refused {
                index,
                wait: wait_for(tat, take, now_micros),
            };
            break;
        }
    }
    transaction.commit()?;
    Ok(outcome)
}

/// The hashing key, made now if no process made it before.
pub(super) fn key(connection: &Connection) -> Result<[u8; 32], StoreError> {
    let mut fresh = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut fresh);
    connection.execute(
        "INSERT INTO rate_limit_key (id, key) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING",
        [fresh.as_slice()],
    )?;
    let stored: Vec<u8> =
        connection.query_row("SELECT key FROM rate_limit_key WHERE id = 1", [], |row| {
            row.get(0)
        })?;
    stored
        .try_into()
        .map_err(|_| StoreError::Corrupt("the rate-limit key is not 32 bytes".into()))
}
