//! SQLite's side of check-ins (what and who may see them: `crate::wellbeing`): reading a set of
//! learners' check-ins with their seen marks, and marking one seen.

use baeum_core::wellbeing::VERB_CHECKED_IN;
use chrono::{DateTime, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection};
use uuid::Uuid;

use super::rows::{from_micros, micros};
use crate::store::{StoreError, StoredCheckIn};

pub(super) fn check_ins_of(
    connection: &Connection,
    actor_keys: &[String],
) -> Result<Vec<StoredCheckIn>, StoreError> {
    if actor_keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut parameters = vec![SqlValue::Text(VERB_CHECKED_IN.to_owned())];
    let placeholders: Vec<String> = actor_keys
        .iter()
        .map(|key| {
            parameters.push(SqlValue::Text(key.clone()));
            format!("?{}", parameters.len())
        })
        .collect();
    let mut statement = connection.prepare(&format!(
        "SELECT s.actor_key, s.body, seen.seen_at_micros, s.sequence FROM statements s \
         LEFT JOIN check_in_seen seen ON seen.statement_id = s.id \
         WHERE s.verb_id = ?1 AND s.voided = 0 AND s.actor_key IN ({}) \
         ORDER BY s.stored_micros, s.sequence",
        placeholders.join(", ")
    ))?;
    let rows = statement
        .query_map(rusqlite::params_from_iter(parameters), |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<i64>>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(actor_key, body, seen, sequence)| {
            Ok(StoredCheckIn {
                actor_key,
                sequence,
                body,
                seen_at: seen.map(from_micros).transpose()?,
            })
        })
        .collect()
}

pub(super) fn mark_seen(
    connection: &Connection,
    statement_id: Uuid,
    teacher_id: Uuid,
    at: DateTime<Utc>,
) -> Result<DateTime<Utc>, StoreError> {
    connection.execute(
        "INSERT INTO check_in_seen (statement_id, seen_by, seen_at_micros) VALUES (?1, ?2, ?3) \
         ON CONFLICT (statement_id) DO NOTHING",
        params![statement_id.to_string(), teacher_id.to_string(), micros(at)],
    )?;
    let first: i64 = connection.query_row(
        "SELECT seen_at_micros FROM check_in_seen WHERE statement_id = ?1",
        [statement_id.to_string()],
        |row| row.get(0),
    )?;
    from_micros(first)
}
