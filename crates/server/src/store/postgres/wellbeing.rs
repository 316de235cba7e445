//! PostgreSQL's side of check-ins (what and who may see them: `crate::wellbeing`): reading a
//! set of learners' check-ins with their seen marks, and marking one seen.

use baeum_core::wellbeing::VERB_CHECKED_IN;
use chrono::{DateTime, Utc};
use deadpool_postgres::Pool;
use uuid::Uuid;

use super::rows::{from_micros, micros};
use crate::store::{StoreError, StoredCheckIn};

pub(super) async fn check_ins_of(
    pool: &Pool,
    actor_keys: Vec<String>,
) -> Result<Vec<StoredCheckIn>, StoreError> {
    if actor_keys.is_empty() {
        return Ok(Vec::new());
    }
    let client = pool.get().await?;
    let rows = client
        .query(
            "SELECT s.actor_key, s.body, seen.seen_at_micros, s.sequence FROM statements s \
             LEFT JOIN check_in_seen seen ON seen.statement_id = s.id \
             WHERE s.verb_id = $1 AND NOT s.voided AND s.actor_key = ANY($2) \
             ORDER BY s.stored_micros, s.sequence",
            &[&VERB_CHECKED_IN, &actor_keys],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredCheckIn {
                actor_key: row.try_get(0)?,
                sequence: row.try_get(3)?,
                body: row.try_get(1)?,
                seen_at: row
                    .try_get::<_, Option<i64>>(2)?
                    .map(from_micros)
                    .transpose()?,
            })
        })
        .collect()
}

pub(super) async fn mark_seen(
    pool: &Pool,
    statement_id: Uuid,
    teacher_id: Uuid,
    at: DateTime<Utc>,
) -> Result<DateTime<Utc>, StoreError> {
    let client = pool.get().await?;
    client
        .execute(
            "INSERT INTO check_in_seen (statement_id, seen_by, seen_at_micros) \
             VALUES ($1, $2, $3) ON CONFLICT (statement_id) DO NOTHING",
            &[
                &statement_id.to_string(),
                &teacher_id.to_string(),
                &micros(at),
            ],
        )
        .await?;
    let row = client
        .query_one(
            "SELECT seen_at_micros FROM check_in_seen WHERE statement_id = $1",
            &[&statement_id.to_string()],
        )
        .await?;
    from_micros(row.try_get(0)?)
}
