//! Statements on SQLite: one push (a batch) written inside its group's transaction (the
//! idempotent insert, the same-actor rule for voiding, and the per-account daily usage; see
//! [`Store::insert_statements`](crate::store::Store::insert_statements) and
//! `group_commit.rs`), and the SQL of a statement query.
//!
//! Everything that decides whether a batch may be stored is read and written inside the one
//! `BEGIN IMMEDIATE` transaction that stores it (its group's). The write lock is taken at the
//! start, so two requests (or two server processes on the same file) cannot both read the same
//! usage or both miss the same stored statement and then write past each other; a push
//! written earlier in the same group is seen like any stored one.

use baeum_core::wellbeing::is_private_verb;
use baeum_core::xapi::{canonical_equal, validate_statement, Timestamp};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};

use super::rows::PRIVATE_CONDITION;
use super::{micros, read_statement_row, statement_from_row, STATEMENT_COLUMNS};
use crate::store::progress::ProgressChanges;
use crate::store::{
    BatchRefusal, DailyCharge, DailyLimitKind, ForeignVoid, NewStatement, StatementQuery,
    StoreError, StoredStatement,
};

/// A statement of a push as the writer needs it, made by the pushing thread before it queues
/// (`group_commit.rs`): the JSON the progress fold reads and the serialized body, both without
/// the stored time, which only the writer knows. Serializing had been a fifth of the one
/// writer's time; the pushing threads do it side by side.
pub(super) struct PreparedStatement {
    pub(super) new: NewStatement,
    /// The statement's JSON without `stored`; `timestamp` is added when stamped if missing.
    json: serde_json::Value,
    /// Whether the statement came with its own timestamp.
    timestamp_given: bool,
    /// The JSON text without `stored` and after its opening brace: the members and the `}`.
    members: String,
}

impl PreparedStatement {
    pub(super) fn new(new: &NewStatement) -> Self {
        let mut json = new.statement.to_json();
        let timestamp_given = new.statement.timestamp.is_some();
        if let Some(members) = json.as_object_mut() {
            members.remove("stored");
        }
        let text = json.to_string();
        let members = text.strip_prefix('{').unwrap_or(&text).to_owned();
        Self {
            new: new.clone(),
            json,
            timestamp_given,
            members,
        }
    }

    /// Sets the stored time (see [`NewStatement::stamp`]), and the timestamp the fold reads
    /// when the statement has none.
    pub(super) fn stamp(&mut self, stored: chrono::DateTime<chrono::Utc>) {
        self.new.stamp(stored);
        if !self.timestamp_given {
            if let Some(members) = self.json.as_object_mut() {
                members.insert("timestamp".to_owned(), stored_time_json(stored));
            }
        }
    }

    /// The body to store: the members with the stored time (and the timestamp, when the
    /// statement had none) written first. The statement is a JSON object with an actor, a verb
    /// and an object, so its members are never empty.
    fn body(&self) -> String {
        let stored = stored_time_json(self.new.stored).to_string();
        let mut body = String::with_capacity(self.members.len() + 2 * stored.len() + 28);
        body.push_str("{\"stored\":");
        body.push_str(&stored);
        body.push(',');
        if !self.timestamp_given {
            body.push_str("\"timestamp\":");
            body.push_str(&stored);
            body.push(',');
        }
        body.push_str(&self.members);
        body
    }
}

/// A stored time as the statement's JSON writes it.
fn stored_time_json(stored: chrono::DateTime<chrono::Utc>) -> serde_json::Value {
    serde_json::Value::String(Timestamp(stored).to_rfc3339())
}

/// What happened to one statement of a batch.
enum Inserted {
    /// Stored now; its serialized body has this many bytes.
    New { bytes: i64 },
    /// The same statement was stored before (a retry): nothing changes, nothing is charged.
    AlreadyStored,
    /// Another statement holds the id.
    Conflict(StoredStatement),
    /// It voids a stored statement of another actor.
    ForeignVoid(ForeignVoid),
}

/// Stores one push inside the group's transaction (see `group_commit.rs`), or returns why it
/// may not be stored; the caller rolls its savepoint back then. `statements` are stamped
/// with the group's stored time already.
pub(super) fn insert_push(
    connection: &Connection,
    statements: &[PreparedStatement],
    charge: &DailyCharge,
) -> Result<(), StoreError> {
    let mut refusal = BatchRefusal::default();
    let mut progress = ProgressChanges::default();
    let forwarding: bool = connection
        .prepare_cached("SELECT endpoint IS NOT NULL FROM forward_config WHERE id = 1")?
        .query_row([], |row| row.get(0))
        .optional()?
        .unwrap_or(false);
    let (mut new_statements, mut new_bytes) = (0_i64, 0_i64);
    for new in statements {
        match insert_statement(connection, new, forwarding, &mut progress)? {
            Inserted::New { bytes } => {
                new_statements += 1;
                new_bytes = new_bytes.saturating_add(bytes);
            }
            Inserted::AlreadyStored => {}
            Inserted::Conflict(stored) => refusal.conflicts.push(stored),
            Inserted::ForeignVoid(refused) => refusal.foreign_voids.push(refused),
        }
    }
    if !refusal.conflicts.is_empty() || !refusal.foreign_voids.is_empty() {
        return Err(StoreError::BatchRefused(refusal));
    }
    if new_statements > 0 {
        charge_usage(connection, charge, new_statements, new_bytes)?;
    }
    super::progress::write_changes(connection, progress)
}

/// Adds the batch to the account's usage of the day, or refuses it when a limit would be
/// passed.
fn charge_usage(
    connection: &Connection,
    charge: &DailyCharge,
    statements: i64,
    bytes: i64,
) -> Result<(), StoreError> {
    let account = charge.account_id.to_string();
    let day = charge.day.format("%Y-%m-%d").to_string();
    // Only today's row is ever read: earlier days are dropped as the account writes.
    connection
        .prepare_cached("DELETE FROM statement_usage WHERE account_id = ?1 AND day < ?2")?
        .execute(params![account, day])?;
    let (used_statements, used_bytes): (i64, i64) = connection
        .prepare_cached(
            "SELECT statements, bytes FROM statement_usage WHERE account_id = ?1 AND day = ?2",
        )?
        .query_row(params![account, day], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .unwrap_or((0, 0));
    for (kind, used, adding, limit) in [
        (
            DailyLimitKind::Statements,
            used_statements,
            statements,
            charge.limits.statements,
        ),
        (
            DailyLimitKind::Bytes,
            used_bytes,
            bytes,
            charge.limits.bytes,
        ),
    ] {
        let total = u64::try_from(used.saturating_add(adding)).unwrap_or(u64::MAX);
        if total > limit {
            return Err(StoreError::DailyLimitReached {
                kind,
                limit,
                used: u64::try_from(used).unwrap_or(0),
                day: charge.day,
            });
        }
    }
    connection
        .prepare_cached(
            "INSERT INTO statement_usage (account_id, day, statements, bytes) \
             VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (account_id, day) DO UPDATE SET \
             statements = excluded.statements, bytes = excluded.bytes",
        )?
        .execute(params![
            account,
            day,
            used_statements + statements,
            used_bytes.saturating_add(bytes)
        ])?;
    Ok(())
}

/// Inserts one statement inside the push's savepoint. Every statement is prepared once per
/// connection (`prepare_cached`): parsing the SQL again for each of a batch's statements was a
/// good part of a push's time.
fn insert_statement(
    connection: &Connection,
    prepared: &PreparedStatement,
    forwarding: bool,
    progress: &mut ProgressChanges,
) -> Result<Inserted, StoreError> {
    let new = &prepared.new;
    let id_text = new.id.to_string();
    let existing = connection
        .prepare_cached(&format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = ?1"
        ))?
        .query_row([&id_text], read_statement_row)
        .optional()?
        .map(statement_from_row)
        .transpose()?;
    if let Some(existing) = existing {
        let existing_json: serde_json::Value = serde_json::from_str(&existing.body)
            .map_err(|error| StoreError::Corrupt(format!("statement {id_text}: {error}")))?;
        let existing_statement = validate_statement(&existing_json)
            .map_err(|error| StoreError::Corrupt(format!("statement {id_text}: {error}")))?;
        return Ok(if canonical_equal(&existing_statement, &new.statement) {
            Inserted::AlreadyStored
        } else {
            Inserted::Conflict(existing)
        });
    }
    let statement = &new.statement;
    // Whether this voids a private statement (a check-in withdrawn), which is as private.
    let mut voids_private = false;
    if let Some(target_id) = statement.voided_statement_id() {
        // A voiding statement only voids statements of its own actor. A target the server has
        // not seen yet is allowed (the specification says not to reject for that); when it
        // arrives it is voided only if its actor is the voiding statement's.
        let target: Option<(String, String)> = connection
            .prepare_cached("SELECT actor_key, verb_id FROM statements WHERE id = ?1")?
            .query_row([target_id.to_string()], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        if let Some((target_actor, target_verb)) = target {
            if target_actor != new.actor_key {
                return Ok(Inserted::ForeignVoid(ForeignVoid {
                    voiding_id: new.id,
                    target_id,
                }));
            }
            voids_private = is_private_verb(&target_verb);
        }
    }
    let voids_id = statement.voided_statement_id().map(|id| id.to_string());
    // A statement that arrives after its own actor's statement voiding it is voided from the
    // start.
    let already_voided: bool = voids_id.is_none()
        && connection
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM statements WHERE voids_id = ?1 AND actor_key = ?2)",
            )?
            .query_row(params![id_text, new.actor_key], |row| row.get(0))?;
    let body = prepared.body();
    let bytes = i64::try_from(body.len()).unwrap_or(i64::MAX);
    connection
        .prepare_cached(
            "INSERT INTO statements (id, body, stored_micros, actor_key, verb_id, activity_id, \
             registration, target_id, voids_id, voided) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            id_text,
            body,
            micros(new.stored),
            new.actor_key,
            statement.verb.id,
            statement.activity_id(),
            statement.registration().map(|id| id.to_string()),
            statement.target_statement_id().map(|id| id.to_string()),
            voids_id,
            already_voided,
        ])?;
    let sequence = connection.last_insert_rowid();
    // Forwarded once, in the order stored, while an endpoint is named; a check-in, and the
    // withdrawal of one, are private to their learner and never leave.
    if forwarding && !is_private_verb(&statement.verb.id) && !voids_private {
        connection
            .prepare_cached("INSERT INTO forward_outbox (sequence) VALUES (?1)")?
            .execute([sequence])?;
    }
    let direct_agents = statement.agent_keys();
    let mut insert_agent = connection.prepare_cached(
        "INSERT OR IGNORE INTO statement_agents (agent_key, sequence, related_only) \
         VALUES (?1, ?2, ?3)",
    )?;
    for key in &direct_agents {
        insert_agent.execute(params![key, sequence, false])?;
    }
    for key in statement.related_agent_keys() {
        if !direct_agents.contains(&key) {
            insert_agent.execute(params![key, sequence, true])?;
        }
    }
    let mut insert_activity = connection.prepare_cached(
        "INSERT OR IGNORE INTO statement_activities (activity_id, sequence) VALUES (?1, ?2)",
    )?;
    for activity_id in statement.related_activity_ids() {
        insert_activity.execute(params![activity_id, sequence])?;
    }
    if let Some(voided_id) = statement.voided_statement_id() {
        // A voiding statement cannot itself be voided, so only non-voiding targets change; the
        // actor was checked above, and is checked again here so no other row can change.
        let voided = connection
            .prepare_cached(
                "UPDATE statements SET voided = 1 \
                 WHERE id = ?1 AND voids_id IS NULL AND actor_key = ?2",
            )?
            .execute(params![voided_id.to_string(), new.actor_key])?;
        if voided > 0 {
            progress.voided_stored(&new.actor_key);
        }
    }
    progress.stored(&new.actor_key, &prepared.json, already_voided);
    Ok(Inserted::New { bytes })
}

/// Builds the SQL for a statement query. Filters that are not about time (agent, verb,
/// activity, registration) select a base set; statements targeting a member of the set
/// through a StatementRef object join it, recursively; then time, voiding, permission, paging
/// and order apply to what is returned.
pub(super) fn build_query(query: &StatementQuery) -> (String, Vec<SqlValue>) {
    let mut parameters: Vec<SqlValue> = Vec::new();
    let mut base_conditions: Vec<String> = Vec::new();
    if let Some(agent_key) = &query.agent_key {
        parameters.push(SqlValue::Text(agent_key.clone()));
        let related = if query.related_agents {
            ""
        } else {
            " AND related_only = 0"
        };
        base_conditions.push(format!(
            "sequence IN (SELECT sequence FROM statement_agents WHERE agent_key = ?{}{related})",
            parameters.len()
        ));
    }
    if let Some(verb_id) = &query.verb_id {
        parameters.push(SqlValue::Text(verb_id.clone()));
        base_conditions.push(format!("verb_id = ?{}", parameters.len()));
    }
    if let Some(activity_id) = &query.activity_id {
        parameters.push(SqlValue::Text(activity_id.clone()));
        base_conditions.push(if query.related_activities {
            format!(
                "sequence IN (SELECT sequence FROM statement_activities WHERE activity_id = ?{})",
                parameters.len()
            )
        } else {
            format!("activity_id = ?{}", parameters.len())
        });
    }
    if let Some(registration) = query.registration {
        parameters.push(SqlValue::Text(registration.to_string()));
        base_conditions.push(format!("registration = ?{}", parameters.len()));
    }

    let mut sql = String::new();
    let mut outer_conditions: Vec<String> = vec!["s.voided = 0".to_owned()];
    if !base_conditions.is_empty() {
        sql.push_str(&format!(
            "WITH RECURSIVE matched (id) AS ( \
               SELECT id FROM statements WHERE {} \
               UNION \
               SELECT t.id FROM statements t JOIN matched m ON t.target_id = m.id \
             ) ",
            base_conditions.join(" AND ")
        ));
        outer_conditions.push("s.id IN (SELECT id FROM matched)".to_owned());
    }
    if let Some(since) = query.since {
        parameters.push(SqlValue::Integer(micros(since)));
        outer_conditions.push(format!("s.stored_micros > ?{}", parameters.len()));
    }
    if let Some(until) = query.until {
        parameters.push(SqlValue::Integer(micros(until)));
        outer_conditions.push(format!("s.stored_micros <= ?{}", parameters.len()));
    }
    if let Some(keys) = &query.readable_actor_keys {
        let placeholders: Vec<String> = keys
            .iter()
            .map(|key| {
                parameters.push(SqlValue::Text(key.clone()));
                format!("?{}", parameters.len())
            })
            .collect();
        outer_conditions.push(if placeholders.is_empty() {
            "0".to_owned()
        } else {
            format!("s.actor_key IN ({})", placeholders.join(", "))
        });
    }
    let not_private = format!("NOT {PRIVATE_CONDITION}");
    outer_conditions.push(match &query.private_statements_of {
        Some(key) => {
            parameters.push(SqlValue::Text(key.clone()));
            format!("({not_private} OR s.actor_key = ?{})", parameters.len())
        }
        None => not_private,
    });
    let (comparison, direction) = if query.ascending {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    if let Some(cursor) = query.after {
        parameters.push(SqlValue::Integer(cursor.stored_micros));
        let stored_index = parameters.len();
        parameters.push(SqlValue::Integer(cursor.sequence));
        outer_conditions.push(format!(
            "(s.stored_micros {comparison} ?{stored_index} OR \
              (s.stored_micros = ?{stored_index} AND s.sequence {comparison} ?{}))",
            parameters.len()
        ));
    }
    parameters.push(SqlValue::Integer(
        i64::try_from(query.limit).unwrap_or(i64::MAX),
    ));
    sql.push_str(&format!(
        "SELECT {STATEMENT_COLUMNS} FROM statements s WHERE {} \
         ORDER BY s.stored_micros {direction}, s.sequence {direction} LIMIT ?{}",
        outer_conditions.join(" AND "),
        parameters.len()
    ));
    (sql, parameters)
}

#[cfg(test)]
mod tests {
    use baeum_core::xapi::validate_statement;
    use chrono::{TimeZone, Utc};
    use serde_json::json;
    use uuid::Uuid;

    use super::PreparedStatement;
    use crate::store::NewStatement;

    fn prepared(body: serde_json::Value) -> PreparedStatement {
        let statement = validate_statement(&body).expect("a valid statement");
        PreparedStatement::new(&NewStatement {
            id: statement.id.expect("an id"),
            stored: Utc::now(),
            actor_key: "mbox:mailto:a@example.com".to_owned(),
            statement,
        })
    }

    #[test]
    fn a_prepared_body_is_the_stamped_statement_with_and_without_a_timestamp() {
        let stored = Utc
            .with_ymd_and_hms(2026, 12, 6, 23, 40, 1)
            .single()
            .expect("a time")
            + chrono::Duration::microseconds(250);
        for timestamp in [Some("2026-12-01T09:30:00.000Z"), None] {
            let mut body = json!({
                "id": Uuid::from_u128(7),
                "actor": { "mbox": "mailto:a@example.com" },
                "verb": { "id": "http://adlnet.gov/expapi/verbs/answered" },
                "object": { "id": "https://baeum.example/lessons/hangul-1" },
                // A client's own stored time is replaced.
                "stored": "2020-01-01T00:00:00Z",
            });
            if let Some(timestamp) = timestamp {
                body["timestamp"] = json!(timestamp);
            }
            let mut statement = prepared(body);
            statement.stamp(stored);
            let written: serde_json::Value =
                serde_json::from_str(&statement.body()).expect("the body is JSON");
            assert_eq!(written, statement.new.statement.to_json());
            assert_eq!(written["stored"], "2026-12-06T23:40:01.000250Z");
            assert_eq!(
                statement.json["timestamp"],
                statement.new.statement.to_json()["timestamp"],
                "the fold reads the timestamp the body has"
            );
            // A second stamp (the group written again) gives the same body.
            let first = statement.body();
            statement.stamp(stored);
            assert_eq!(statement.body(), first);
        }
    }
}
