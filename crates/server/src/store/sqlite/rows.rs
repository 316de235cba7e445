//! Rows as SQLite holds them and the records they are read into: text ids and RFC 3339
//! times, microsecond integers, JSON lists of an assignment.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;
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

pub(super) type AccountRow = (String, String, String, String, String);

pub(super) fn account_from_row(row: AccountRow) -> Result<AccountRecord, StoreError> {
    let (id, username, role, password_hash, created_at) = row;
    Ok(AccountRecord {
        id: parse_uuid(&id)?,
        username,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
        password_hash,
        created_at: parse_time(&created_at)?,
    })
}

pub(super) const ACCOUNT_COLUMNS: &str = "id, username, role, password_hash, created_at";

pub(super) fn read_account_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AccountRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

pub(super) fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(failure, _)
            if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}

pub(super) type StatementRow = (i64, String, i64, String, bool, bool, String, bool);

pub(super) use crate::store::{PRIVATE_CONDITION, STATEMENT_COLUMNS};

pub(super) fn read_statement_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StatementRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

pub(super) fn statement_from_row(row: StatementRow) -> Result<StoredStatement, StoreError> {
    let (sequence, id, stored_micros, actor_key, voided, voiding, body, private) = row;
    Ok(StoredStatement {
        sequence,
        id: parse_uuid(&id)?,
        stored: from_micros(stored_micros)?,
        actor_key,
        voided,
        voiding,
        private,
        body,
    })
}

pub(super) type ClassRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

pub(super) const CLASS_COLUMNS: &str =
    "c.id, c.teacher_id, c.name, c.join_code, c.created_at, c.site_id, c.teacher_code";

pub(super) fn read_class_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ClassRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

pub(super) fn class_from_row(row: ClassRow) -> Result<ClassRecord, StoreError> {
    let (id, teacher_id, name, join_code, created_at, site_id, teacher_code) = row;
    Ok(ClassRecord {
        id: parse_uuid(&id)?,
        teacher_id: parse_uuid(&teacher_id)?,
        name,
        join_code,
        created_at: parse_time(&created_at)?,
        site_id,
        teacher_code,
    })
}

/// Runs a query for classes with one text parameter.
pub(super) fn query_classes(
    connection: &Connection,
    sql: &str,
    parameter: String,
) -> Result<Vec<ClassRecord>, StoreError> {
    let mut statement = connection.prepare_cached(sql)?;
    let rows = statement
        .query_map([parameter], read_class_row)?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter().map(class_from_row).collect()
}

pub(super) const ASSIGNMENT_COLUMNS: &str =
    "id, class_id, assigned_by, course_id, unit_id, lesson_id, \
     lesson_ids, learner_ids, due_at_micros, note, created_at_micros, updated_at_micros, \
     deleted_at_micros";

/// An assignment row as SQLite returns it, before parsing.
pub(super) struct AssignmentRow {
    pub(super) id: String,
    pub(super) class_id: String,
    pub(super) assigned_by: String,
    pub(super) course_id: String,
    pub(super) unit_id: Option<String>,
    pub(super) lesson_id: Option<String>,
    pub(super) lesson_ids: String,
    pub(super) learner_ids: Option<String>,
    pub(super) due_at_micros: i64,
    pub(super) note: Option<String>,
    pub(super) created_at_micros: i64,
    pub(super) updated_at_micros: i64,
    pub(super) deleted_at_micros: Option<i64>,
}

pub(super) fn read_assignment_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AssignmentRow> {
    Ok(AssignmentRow {
        id: row.get(0)?,
        class_id: row.get(1)?,
        assigned_by: row.get(2)?,
        course_id: row.get(3)?,
        unit_id: row.get(4)?,
        lesson_id: row.get(5)?,
        lesson_ids: row.get(6)?,
        learner_ids: row.get(7)?,
        due_at_micros: row.get(8)?,
        note: row.get(9)?,
        created_at_micros: row.get(10)?,
        updated_at_micros: row.get(11)?,
        deleted_at_micros: row.get(12)?,
    })
}

pub(super) fn assignment_from_row(row: AssignmentRow) -> Result<AssignmentRecord, StoreError> {
    let corrupt_list =
        |error: serde_json::Error| StoreError::Corrupt(format!("assignment {}: {error}", row.id));
    let lesson_ids: Vec<String> = serde_json::from_str(&row.lesson_ids).map_err(corrupt_list)?;
    let learner_ids: Option<Vec<Uuid>> = row
        .learner_ids
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(corrupt_list)?;
    Ok(AssignmentRecord {
        id: parse_uuid(&row.id)?,
        class_id: parse_uuid(&row.class_id)?,
        assigned_by: parse_uuid(&row.assigned_by)?,
        target: AssignmentTarget {
            course_id: row.course_id,
            unit_id: row.unit_id,
            lesson_id: row.lesson_id,
        },
        lesson_ids,
        learner_ids,
        due_at: from_micros(row.due_at_micros)?,
        note: row.note,
        created_at: from_micros(row.created_at_micros)?,
        updated_at: from_micros(row.updated_at_micros)?,
        deleted_at: row.deleted_at_micros.map(from_micros).transpose()?,
    })
}

/// The two JSON list columns of an assignment.
pub(super) fn assignment_lists(assignment: &AssignmentRecord) -> (String, Option<String>) {
    // Serializing a list of strings or UUIDs cannot fail.
    let lesson_ids = serde_json::to_string(&assignment.lesson_ids).unwrap_or_default();
    let learner_ids = assignment
        .learner_ids
        .as_ref()
        .map(|ids| serde_json::to_string(ids).unwrap_or_default());
    (lesson_ids, learner_ids)
}
