//! PostgreSQL's side of the shared rate-limit buckets (the arithmetic and why:
//! `store/buckets.rs`). Each bucket is taken by one upsert on its own (autocommit): the
//! conflicting row is locked while the `WHERE` decides and the arrival time moves, so two
//! instances cannot both spend the last attempt, and no transaction holds one bucket's lock
//! while waiting for another's.

use deadpool_postgres::Pool;
use rand::RngCore;

use crate::store::buckets::{wait_for, BucketTake, TakeOutcome};
use crate::store::StoreError;

/// Allows the attempt and moves the arrival time, or (the `WHERE` false) changes nothing and
/// returns no row. `GREATEST(tat, now) - tolerance <= now` is GCRA's `tat - tolerance <= now`
/// with an arrival time in the past read as now.
const TAKE: &str = "INSERT INTO rate_buckets AS b (bucket, tat_micros) \
     VALUES ($1, $2::BIGINT + $3::BIGINT) \
     ON CONFLICT (bucket) DO UPDATE SET tat_micros = GREATEST(b.tat_micros, $2) + $3 \
     WHERE GREATEST(b.tat_micros, $2) - $4::BIGINT <= $2 \
     RETURNING tat_micros";

pub(super) async fn take(
    pool: &Pool,
    takes: &[BucketTake],
    now_micros: i64,
    prune: bool,
) -> Result<TakeOutcome, StoreError> {
    let client = pool.get().await?;
    if prune {
        client
            .execute(
                "DELETE FROM rate_buckets WHERE tat_micros <= $1",
                &[&now_micros],
            )
            .await?;
    }
    let statement = client.prepare_cached(TAKE).await?;
    for (index, take) in takes.iter().enumerate() {
        let allowed = client
            .query_opt(
                &statement,
                &[
                    &take.bucket.as_slice(),
                    &now_micros,
                    &take.interval_micros,
                    &take.tolerance_micros,
                ],
            )
            .await?;
        if allowed.is_none() {
            let tat: i64 = match client
                .query_opt(
                    "SELECT tat_micros FROM rate_buckets WHERE bucket = $1",
                    &[&take.bucket.as_slice()],
                )
                .await?
            {
                Some(row) => row.try_get(0)?,
                None => now_micros,
            };
            return Ok(TakeOutcome::Refused {
                index,
                wait: wait_for(tat, take, now_micros),
            });
        }
    }
    Ok(TakeOutcome::Allowed)
}

/// The hashing key, made now if no instance made it before.
pub(super) async fn key(pool: &Pool) -> Result<[u8; 32], StoreError> {
    let mut fresh = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut fresh);
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO rate_limit_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
            &[&fresh.as_slice()],
        )
        .await?;
    let row = client
        .query_one("SELECT key FROM rate_limit_key WHERE id = 1", &[])
        .await?;
    let stored: Vec<u8> = row.try_get(0)?;
    stored
        .try_into()
        .map_err(|_| StoreError::Corrupt("the rate-limit key is not 32 bytes".into()))
}
