//! Statements on PostgreSQL: a batch written in one transaction (the idempotent insert, the
//! same-actor rule for voiding, the per-account daily usage), and the query of
//! `GET /xapi/statements`, both as on SQLite (`sqlite/statements.rs`, `sqlite.rs`).
//!
//! The batch's transaction first takes `LOCK TABLE statements IN EXCLUSIVE MODE`: other
//! writers wait (on every instance using the database), readers do not. It is what SQLite's
//! `BEGIN IMMEDIATE` gives, so the checks read inside the transaction hold until it commits,
//! and statements are numbered (`sequence`) in the order their batches commit.

use baeum_core::xapi::{canonical_equal, validate_statement};
use tokio_postgres::types::ToSql;
use tokio_postgres::Transaction;

use super::{micros, statement_from_row, STATEMENT_COLUMNS};
use crate::store::progress::ProgressChanges;
use crate::store::{
    stamped, BatchRefusal, DailyCharge, DailyLimitKind, ForeignVoid, NewStatement, StatementQuery,
    StoreError, StoredStatement, WriteClock,
};

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

/// Stores a batch, or nothing (see the module documentation).
pub(super) async fn insert_batch(
    client: &mut deadpool_postgres::Client,
    clock: &WriteClock,
    statements: &[NewStatement],
    charge: &DailyCharge,
) -> Result<(), StoreError> {
    let transaction = client.transaction().await?;
    transaction
        .batch_execute("LOCK TABLE statements IN EXCLUSIVE MODE")
        .await?;
    // The stored time is taken once no other batch can commit before this one (see
    // `WriteClock`).
    let in_flight = clock.begin();
    let statements = stamped(statements, in_flight.stored);
    let mut refusal = BatchRefusal::default();
    let mut progress = ProgressChanges::default();
    let (mut new_statements, mut new_bytes) = (0_i64, 0_i64);
    for new in &statements {
        match insert_statement(&transaction, new, &mut progress).await? {
            Inserted::New { bytes } => {
                new_statements += 1;
                new_bytes = new_bytes.saturating_add(bytes);
            }
            Inserted::AlreadyStored => {}
            Inserted::Conflict(stored) => refusal.conflicts.push(stored),
            Inserted::ForeignVoid(refused) => refusal.foreign_voids.push(refused),
        }
    }
    // Returning drops the transaction, which rolls back what the loop inserted.
    if !refusal.conflicts.is_empty() || !refusal.foreign_voids.is_empty() {
        return Err(StoreError::BatchRefused(refusal));
    }
    if new_statements > 0 {
        charge_usage(&transaction, charge, new_statements, new_bytes).await?;
    }
    super::progress::write_changes(&transaction, progress).await?;
    transaction.commit().await?;
    drop(in_flight);
    Ok(())
}

/// Adds the batch to the account's usage of the day, or refuses it when a limit would be
/// passed.
async fn charge_usage(
    transaction: &Transaction<'_>,
    charge: &DailyCharge,
    statements: i64,
    bytes: i64,
) -> Result<(), StoreError> {
    let account = charge.account_id.to_string();
    let day = charge.day.format("%Y-%m-%d").to_string();
    // Only today's row is ever read: earlier days are dropped as the account writes.
    transaction
        .execute(
            "DELETE FROM statement_usage WHERE account_id = $1 AND day < $2",
            &[&account, &day],
        )
        .await?;
    let (used_statements, used_bytes): (i64, i64) = match transaction
        .query_opt(
            "SELECT statements, bytes FROM statement_usage WHERE account_id = $1 AND day = $2",
            &[&account, &day],
        )
        .await?
    {
        Some(row) => (row.try_get(0)?, row.try_get(1)?),
        None => (0, 0),
    };
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
    transaction
        .execute(
            "INSERT INTO statement_usage (account_id, day, statements, bytes) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (account_id, day) DO UPDATE SET \
             statements = excluded.statements, bytes = excluded.bytes",
            &[
                &account,
                &day,
                &(used_statements + statements),
                &used_bytes.saturating_add(bytes),
            ],
        )
        .await?;
    Ok(())
}

/// Inserts one statement inside the batch's transaction.
async fn insert_statement(
    transaction: &Transaction<'_>,
    new: &NewStatement,
    progress: &mut ProgressChanges,
) -> Result<Inserted, StoreError> {
    let id_text = new.id.to_string();
    let existing = transaction
        .query_opt(
            &format!("SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = $1"),
            &[&id_text],
        )
        .await?
        .as_ref()
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
    if let Some(target_id) = statement.voided_statement_id() {
        // A voiding statement only voids statements of its own actor. A target the server has
        // not seen yet is allowed (the specification says not to reject for that); when it
        // arrives it is voided only if its actor is the voiding statement's.
        let target_actor: Option<String> = match transaction
            .query_opt(
                "SELECT actor_key FROM statements WHERE id = $1",
                &[&target_id.to_string()],
            )
            .await?
        {
            Some(row) => Some(row.try_get(0)?),
            None => None,
        };
        if target_actor.is_some_and(|key| key != new.actor_key) {
            return Ok(Inserted::ForeignVoid(ForeignVoid {
                voiding_id: new.id,
                target_id,
            }));
        }
    }
    let voids_id = statement.voided_statement_id().map(|id| id.to_string());
    // A statement that arrives after its own actor's statement voiding it is voided from the
    // start.
    let already_voided: bool = voids_id.is_none()
        && transaction
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM statements WHERE voids_id = $1 AND actor_key = $2)",
                &[&id_text, &new.actor_key],
            )
            .await?
            .try_get(0)?;
    let json = statement.to_json();
    let body = json.to_string();
    let bytes = i64::try_from(body.len()).unwrap_or(i64::MAX);
    let row = transaction
        .query_one(
            "INSERT INTO statements (id, body, stored_micros, actor_key, verb_id, activity_id, \
             registration, target_id, voids_id, voided) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING sequence",
            &[
                &id_text,
                &body,
                &micros(new.stored),
                &new.actor_key,
                &statement.verb.id,
                &statement.activity_id(),
                &statement.registration().map(|id| id.to_string()),
                &statement.target_statement_id().map(|id| id.to_string()),
                &voids_id,
                &already_voided,
            ],
        )
        .await?;
    let sequence: i64 = row.try_get(0)?;
    let direct_agents = statement.agent_keys();
    let insert_agent = "INSERT INTO statement_agents (agent_key, sequence, related_only) \
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
    for key in &direct_agents {
        transaction
            .execute(insert_agent, &[key, &sequence, &false])
            .await?;
    }
    for key in statement.related_agent_keys() {
        if !direct_agents.contains(&key) {
            transaction
                .execute(insert_agent, &[&key, &sequence, &true])
                .await?;
        }
    }
    for activity_id in statement.related_activity_ids() {
        transaction
            .execute(
                "INSERT INTO statement_activities (activity_id, sequence) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
                &[&activity_id, &sequence],
            )
            .await?;
    }
    if let Some(voided_id) = statement.voided_statement_id() {
        // A voiding statement cannot itself be voided, so only non-voiding targets change; the
        // actor was checked above, and is checked again here so no other row can change.
        let voided = transaction
            .execute(
                "UPDATE statements SET voided = TRUE \
                 WHERE id = $1 AND voids_id IS NULL AND actor_key = $2",
                &[&voided_id.to_string(), &new.actor_key],
            )
            .await?;
        if voided > 0 {
            progress.voided_stored(&new.actor_key);
        }
    }
    progress.stored(&new.actor_key, &json, already_voided);
    Ok(Inserted::New { bytes })
}

/// Non-voided statements matching the query (see [`Store::query_statements`]).
///
/// [`Store::query_statements`]: crate::store::Store::query_statements
pub(super) async fn query(
    client: &tokio_postgres::Client,
    query: &StatementQuery,
) -> Result<Vec<StoredStatement>, StoreError> {
    let (sql, parameters) = build_query(query);
    let references: Vec<&(dyn ToSql + Sync)> = parameters
        .iter()
        .map(|parameter| parameter.as_ref() as &(dyn ToSql + Sync))
        .collect();
    let rows = client.query(&sql, &references).await?;
    rows.iter().map(statement_from_row).collect()
}

type Parameter = Box<dyn ToSql + Sync + Send>;

/// Builds the SQL for a statement query, as SQLite's `build_query`: filters that are not about
/// time (agent, verb, activity, registration) select a base set; statements targeting a member
/// of the set through a StatementRef object join it, recursively; then time, voiding,
/// permission, paging and order apply to what is returned.
fn build_query(query: &StatementQuery) -> (String, Vec<Parameter>) {
    let mut parameters: Vec<Parameter> = Vec::new();
    let mut base_conditions: Vec<String> = Vec::new();
    if let Some(agent_key) = &query.agent_key {
        parameters.push(Box::new(agent_key.clone()));
        let related = if query.related_agents {
            ""
        } else {
            " AND related_only = FALSE"
        };
        base_conditions.push(format!(
            "sequence IN (SELECT sequence FROM statement_agents WHERE agent_key = ${}{related})",
            parameters.len()
        ));
    }
    if let Some(verb_id) = &query.verb_id {
        parameters.push(Box::new(verb_id.clone()));
        base_conditions.push(format!("verb_id = ${}", parameters.len()));
    }
    if let Some(activity_id) = &query.activity_id {
        parameters.push(Box::new(activity_id.clone()));
        base_conditions.push(if query.related_activities {
            format!(
                "sequence IN (SELECT sequence FROM statement_activities WHERE activity_id = ${})",
                parameters.len()
            )
        } else {
            format!("activity_id = ${}", parameters.len())
        });
    }
    if let Some(registration) = query.registration {
        parameters.push(Box::new(registration.to_string()));
        base_conditions.push(format!("registration = ${}", parameters.len()));
    }

    let mut sql = String::new();
    let mut outer_conditions: Vec<String> = vec!["s.voided = FALSE".to_owned()];
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
        parameters.push(Box::new(micros(since)));
        outer_conditions.push(format!("s.stored_micros > ${}", parameters.len()));
    }
    if let Some(until) = query.until {
        parameters.push(Box::new(micros(until)));
        outer_conditions.push(format!("s.stored_micros <= ${}", parameters.len()));
    }
    if let Some(keys) = &query.readable_actor_keys {
        outer_conditions.push(if keys.is_empty() {
            "FALSE".to_owned()
        } else {
            parameters.push(Box::new(keys.clone()));
            format!("s.actor_key = ANY(${})", parameters.len())
        });
    }
    let (comparison, direction) = if query.ascending {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    if let Some(cursor) = query.after {
        parameters.push(Box::new(cursor.stored_micros));
        let stored_index = parameters.len();
        parameters.push(Box::new(cursor.sequence));
        outer_conditions.push(format!(
            "(s.stored_micros {comparison} ${stored_index} OR \
              (s.stored_micros = ${stored_index} AND s.sequence {comparison} ${}))",
            parameters.len()
        ));
    }
    parameters.push(Box::new(i64::try_from(query.limit).unwrap_or(i64::MAX)));
    sql.push_str(&format!(
        "SELECT {STATEMENT_COLUMNS} FROM statements s WHERE {} \
         ORDER BY s.stored_micros {direction}, s.sequence {direction} LIMIT ${}",
        outer_conditions.join(" AND "),
        parameters.len()
    ));
    (sql, parameters)
}
