//! Rows as PostgreSQL returns them and the records they are read into (the same text ids,
//! RFC 3339 times and microsecond integers as on SQLite).

use chrono::{DateTime, TimeZone, Utc};
use deadpool_postgres::Pool;
use tokio_postgres::Row;
use uuid::Uuid;

use crate::store::{
    AccountRecord, AssignmentRecord, AssignmentTarget, ClassRecord, Role, StoreError,
    StoredStatement,
};

pub(super) fn micros(instant: DateTime<Utc>) -> i64 {
    instant.timestamp_micros()
}

pub(super) fn from_micros(value: i64) -> Result<DateTime<Utc>, StoreError> {
    Utc.timestamp_micros(value)
        .single()
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp {value} is out of range")))
}

pub(super) fn parse_uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| StoreError::Corrupt(format!("{text:?} is not a uuid")))
}

pub(super) fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|instant| instant.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt(format!("{text:?} is not a timestamp")))
}

pub(super) const ACCOUNT_COLUMNS: &str = "a.id, a.username, a.role, a.password_hash, a.created_at";

pub(super) fn account_from_row(row: &Row) -> Result<AccountRecord, StoreError> {
    let role: String = row.try_get(2)?;
    Ok(AccountRecord {
        id: parse_uuid(&row.try_get::<_, String>(0)?)?,
        username: row.try_get(1)?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
        password_hash: row.try_get(3)?,
        created_at: parse_time(&row.try_get::<_, String>(4)?)?,
    })
}

pub(super) use crate::store::{PRIVATE_CONDITION, STATEMENT_COLUMNS};

pub(super) fn statement_from_row(row: &Row) -> Result<StoredStatement, StoreError> {
    Ok(StoredStatement {
        sequence: row.try_get(0)?,
        id: parse_uuid(&row.try_get::<_, String>(1)?)?,
        stored: from_micros(row.try_get(2)?)?,
        actor_key: row.try_get(3)?,
        voided: row.try_get(4)?,
        voiding: row.try_get(5)?,
        private: row.try_get(7)?,
        body: row.try_get(6)?,
    })
}

pub(super) const CLASS_COLUMNS: &str =
    "c.id, c.teacher_id, c.name, c.join_code, c.created_at, c.site_id, c.teacher_code";

pub(super) fn class_from_row(row: &Row) -> Result<ClassRecord, StoreError> {
    Ok(ClassRecord {
        id: parse_uuid(&row.try_get::<_, String>(0)?)?,
        teacher_id: parse_uuid(&row.try_get::<_, String>(1)?)?,
        name: row.try_get(2)?,
        join_code: row.try_get(3)?,
        created_at: parse_time(&row.try_get::<_, String>(4)?)?,
        site_id: row.try_get(5)?,
        teacher_code: row.try_get(6)?,
    })
}

pub(super) const ASSIGNMENT_COLUMNS: &str =
    "id, class_id, assigned_by, course_id, unit_id, lesson_id, \
     lesson_ids, learner_ids, due_at_micros, note, created_at_micros, updated_at_micros, \
     deleted_at_micros";

pub(super) fn assignment_from_row(row: &Row) -> Result<AssignmentRecord, StoreError> {
    let id: String = row.try_get(0)?;
    let corrupt_list =
        |error: serde_json::Error| StoreError::Corrupt(format!("assignment {id}: {error}"));
    let lesson_ids: Vec<String> =
        serde_json::from_str(&row.try_get::<_, String>(6)?).map_err(corrupt_list)?;
    let learner_ids: Option<Vec<Uuid>> = row
        .try_get::<_, Option<String>>(7)?
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(corrupt_list)?;
    Ok(AssignmentRecord {
        id: parse_uuid(&id)?,
        class_id: parse_uuid(&row.try_get::<_, String>(1)?)?,
        assigned_by: parse_uuid(&row.try_get::<_, String>(2)?)?,
        target: AssignmentTarget {
            course_id: row.try_get(3)?,
            unit_id: row.try_get(4)?,
            lesson_id: row.try_get(5)?,
        },
        lesson_ids,
        learner_ids,
        due_at: from_micros(row.try_get(8)?)?,
        note: row.try_get(9)?,
        created_at: from_micros(row.try_get(10)?)?,
        updated_at: from_micros(row.try_get(11)?)?,
        deleted_at: row
            .try_get::<_, Option<i64>>(12)?
            .map(from_micros)
            .transpose()?,
    })
}

/// The two JSON list columns of an assignment (the same text as on SQLite).
pub(super) fn assignment_lists(assignment: &AssignmentRecord) -> (String, Option<String>) {
    // Serializing a list of strings or UUIDs cannot fail.
    let lesson_ids = serde_json::to_string(&assignment.lesson_ids).unwrap_or_default();
    let learner_ids = assignment
        .learner_ids
        .as_ref()
        .map(|ids| serde_json::to_string(ids).unwrap_or_default());
    (lesson_ids, learner_ids)
}

/// Runs a query for classes with one text parameter.
pub(super) async fn query_classes(
    pool: &Pool,
    sql: &str,
    parameter: String,
) -> Result<Vec<ClassRecord>, StoreError> {
    let client = pool.get().await?;
    let rows = client.query(sql, &[&parameter]).await?;
    rows.iter().map(class_from_row).collect()
}
