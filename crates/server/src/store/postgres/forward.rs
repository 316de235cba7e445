//! PostgreSQL's side of forwarding (what and why: `store/forward.rs`). The lease is a row in
//! `forward_config` rather than an advisory lock: an advisory lock belongs to one pooled
//! connection, which the pool may close or hand to a request, while a row with an expiry
//! survives a killed instance and is taken over when it runs out.

use deadpool_postgres::Pool;
use uuid::Uuid;

use crate::store::{ForwardStatus, OutboxEntry, StoreError};

pub(super) async fn configure(pool: &Pool, endpoint: Option<String>) -> Result<u64, StoreError> {
    let client = pool.get().await?;
    client
        .execute(
            "UPDATE forward_config SET endpoint = $1 WHERE id = 1",
            &[&endpoint],
        )
        .await?;
    pending(&client).await
}

async fn pending(client: &deadpool_postgres::Client) -> Result<u64, StoreError> {
    let count: i64 = client
        .query_one("SELECT count(*) FROM forward_outbox", &[])
        .await?
        .try_get(0)?;
    Ok(count.max(0) as u64)
}

pub(super) async fn take_lease(
    pool: &Pool,
    holder: Uuid,
    now_micros: i64,
    until_micros: i64,
) -> Result<bool, StoreError> {
    let client = pool.get().await?;
    let taken = client
        .execute(
            "UPDATE forward_config SET lease_holder = $1, lease_until_micros = $3 \
             WHERE id = 1 AND (lease_holder IS NULL OR lease_holder = $1 \
             OR lease_until_micros < $2)",
            &[&holder.to_string(), &now_micros, &until_micros],
        )
        .await?;
    Ok(taken == 1)
}

pub(super) async fn outbox(pool: &Pool, limit: usize) -> Result<Vec<OutboxEntry>, StoreError> {
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT o.sequence, s.body FROM forward_outbox o \
             JOIN statements s ON s.sequence = o.sequence ORDER BY o.sequence LIMIT $1",
            &[&i64::try_from(limit).unwrap_or(i64::MAX)],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(OutboxEntry {
                sequence: row.try_get(0)?,
                body: row.try_get(1)?,
            })
        })
        .collect()
}

pub(super) async fn forwarded(
    pool: &Pool,
    holder: Uuid,
    sequences: Vec<i64>,
    now_micros: i64,
) -> Result<bool, StoreError> {
    let mut client = pool.get().await?;
    let transaction = client.transaction().await?;
    // Locks the row, so a lease taken over meanwhile is seen here and not after the delete.
    let holds = transaction
        .query_opt(
            "SELECT 1 FROM forward_config WHERE id = 1 AND lease_holder = $1 FOR UPDATE",
            &[&holder.to_string()],
        )
        .await?
        .is_some();
    if !holds {
        return Ok(false);
    }
    // Exactly the rows sent: a lower sequence committed meanwhile stays queued.
    let removed = transaction
        .execute(
            "DELETE FROM forward_outbox WHERE sequence = ANY($1)",
            &[&sequences],
        )
        .await?;
    transaction
        .execute(
            "UPDATE forward_config SET forwarded = forwarded + $1, last_forwarded_micros = $2, \
             last_error = NULL, last_error_micros = NULL WHERE id = 1",
            &[&(removed as i64), &now_micros],
        )
        .await?;
    transaction.commit().await?;
    Ok(true)
}

pub(super) async fn failed(
    pool: &Pool,
    message: String,
    now_micros: i64,
) -> Result<(), StoreError> {
    let client = pool.get().await?;
    client
        .execute(
            "UPDATE forward_config SET last_error = $1, last_error_micros = $2 WHERE id = 1",
            &[&message, &now_micros],
        )
        .await?;
    Ok(())
}

pub(super) async fn status(pool: &Pool) -> Result<ForwardStatus, StoreError> {
    let client = pool.get().await?;
    // One statement, so one snapshot: the count and the queue agree (a batch forwarded
    // between two reads would show as neither queued nor counted).
    let row = client
        .query_one(
            "SELECT endpoint, forwarded, last_forwarded_micros, last_error, last_error_micros, \
             (SELECT count(*) FROM forward_outbox) FROM forward_config WHERE id = 1",
            &[],
        )
        .await?;
    Ok(ForwardStatus {
        endpoint: row.try_get(0)?,
        pending: row.try_get::<_, i64>(5)?.max(0) as u64,
        forwarded: row.try_get::<_, i64>(1)?.max(0) as u64,
        last_forwarded_micros: row.try_get(2)?,
        last_error: row.try_get(3)?,
        last_error_micros: row.try_get(4)?,
    })
}
