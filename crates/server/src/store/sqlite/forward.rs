//! SQLite's side of forwarding (what and why: `store/forward.rs`): the outbox is read on a
//! read connection, so sending never holds the writer; the lease, the removal of sent rows and
//! the status are small writes on the writer connection.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use uuid::Uuid;

use crate::store::{ForwardStatus, OutboxEntry, StoreError};

pub(super) fn configure(
    connection: &Connection,
    endpoint: Option<&str>,
) -> Result<u64, StoreError> {
    connection.execute(
        "UPDATE forward_config SET endpoint = ?1 WHERE id = 1",
        [endpoint],
    )?;
    pending(connection)
}

fn pending(connection: &Connection) -> Result<u64, StoreError> {
    let count: i64 =
        connection.query_row("SELECT count(*) FROM forward_outbox", [], |row| row.get(0))?;
    Ok(count.max(0) as u64)
}

pub(super) fn take_lease(
    connection: &Connection,
    holder: Uuid,
    now_micros: i64,
    until_micros: i64,
) -> Result<bool, StoreError> {
    let holder = holder.to_string();
    let taken = connection.execute(
        "UPDATE forward_config SET lease_holder = ?1, lease_until_micros = ?3 \
         WHERE id = 1 AND (lease_holder IS NULL OR lease_holder = ?1 OR lease_until_micros < ?2)",
        params![holder, now_micros, until_micros],
    )?;
    Ok(taken == 1)
}

pub(super) fn outbox(
    connection: &Connection,
    limit: usize,
) -> Result<Vec<OutboxEntry>, StoreError> {
    let mut prepared = connection.prepare_cached(
        "SELECT o.sequence, s.body FROM forward_outbox o \
         JOIN statements s ON s.sequence = o.sequence ORDER BY o.sequence LIMIT ?1",
    )?;
    let rows = prepared
        .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |row| {
            Ok(OutboxEntry {
                sequence: row.get(0)?,
                body: row.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

pub(super) fn forwarded(
    connection: &mut Connection,
    holder: Uuid,
    sequences: &[i64],
    now_micros: i64,
) -> Result<bool, StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let holds = transaction
        .query_row(
            "SELECT 1 FROM forward_config WHERE id = 1 AND lease_holder = ?1",
            [holder.to_string()],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !holds {
        return Ok(false);
    }
    let mut removed = 0_i64;
    {
        let mut delete =
            transaction.prepare_cached("DELETE FROM forward_outbox WHERE sequence = ?1")?;
        for sequence in sequences {
            removed += delete.execute([sequence])? as i64;
        }
    }
    transaction.execute(
        "UPDATE forward_config SET forwarded = forwarded + ?1, last_forwarded_micros = ?2, \
         last_error = NULL, last_error_micros = NULL WHERE id = 1",
        params![removed, now_micros],
    )?;
    transaction.commit()?;
    Ok(true)
}

pub(super) fn failed(
    connection: &Connection,
    message: &str,
    now_micros: i64,
) -> Result<(), StoreError> {
    connection.execute(
        "UPDATE forward_config SET last_error = ?1, last_error_micros = ?2 WHERE id = 1",
        params![message, now_micros],
    )?;
    Ok(())
}

pub(super) fn status(connection: &Connection) -> Result<ForwardStatus, StoreError> {
    // One statement, so one snapshot: the count and the queue agree (a batch forwarded
    // between two reads would show as neither queued nor counted).
    let status = connection.query_row(
        "SELECT endpoint, forwarded, last_forwarded_micros, last_error, last_error_micros, \
         (SELECT count(*) FROM forward_outbox) FROM forward_config WHERE id = 1",
        [],
        |row| {
            Ok(ForwardStatus {
                endpoint: row.get(0)?,
                pending: row.get::<_, i64>(5)?.max(0) as u64,
                forwarded: row.get::<_, i64>(1)?.max(0) as u64,
                last_forwarded_micros: row.get(2)?,
                last_error: row.get(3)?,
                last_error_micros: row.get(4)?,
            })
        },
    )?;
    Ok(status)
}
