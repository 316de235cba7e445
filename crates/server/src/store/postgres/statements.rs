//! Statements on PostgreSQL: a batch written in one transaction (the idempotent insert, the
//! same-actor rule for voiding, the per-account daily usage), and the query of
//! `GET /xapi/statements`, both as on SQLite (`sqlite/statements.rs`, `sqlite.rs`).
//!
//! The batch's transaction first takes `LOCK TABLE statements IN EXCLUSIVE MODE`: other
//! writers wait (on every instance using the database), readers do not. It is what SQLite's
//! `BEGIN IMMEDIATE` gives, so the checks read inside the transaction hold until it commits,
//! and statements are numbered (`sequence`) in the order their batches commit.
//!
//! Stored times and `X-Experience-API-Consistent-Through` come from the database, not from an
//! instance's memory, so that they hold across instances (issue 18, item 3):
//! - a batch's stored time is the database's clock once it holds the lock, and later than
//!   every stored time before it;
//! - the consistent-through time is a microsecond before the earlier of the database's clock
//!   and the start of the transaction holding the lock (a batch in flight, on any instance,
//!   whose stored time cannot be earlier), or, when that start is not visible, the newest
//!   committed stored time (every batch in flight is stored after it).

use std::collections::{HashMap, HashSet};

use baeum_core::xapi::{canonical_equal, validate_statement};
use deadpool_postgres::Transaction;
use tokio_postgres::types::ToSql;
use uuid::Uuid;

use super::rows::{from_micros, PRIVATE_CONDITION};
use super::{micros, statement_from_row, STATEMENT_COLUMNS};
use crate::store::progress::ProgressChanges;
use crate::store::{
    stamped, BatchRefusal, DailyCharge, DailyLimitKind, ForeignVoid, NewStatement, StatementQuery,
    StoreError, StoredStatement,
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

/// What a batch's statements did, gathered before it is refused or charged and committed.
#[derive(Default)]
struct Written {
    refusal: BatchRefusal,
    progress: ProgressChanges,
    new_statements: i64,
    new_bytes: i64,
}

impl Written {
    fn count(&mut self, inserted: Inserted) {
        match inserted {
            Inserted::New { bytes } => {
                self.new_statements += 1;
                self.new_bytes = self.new_bytes.saturating_add(bytes);
            }
            Inserted::AlreadyStored => {}
            Inserted::Conflict(stored) => self.refusal.conflicts.push(stored),
            Inserted::ForeignVoid(refused) => self.refusal.foreign_voids.push(refused),
        }
    }

    fn refused(&self) -> bool {
        !self.refusal.conflicts.is_empty() || !self.refusal.foreign_voids.is_empty()
    }
}

/// Stores a batch, or nothing (see the module documentation).
pub(super) async fn insert_batch(
    client: &mut deadpool_postgres::Client,
    statements: &[NewStatement],
    charge: &DailyCharge,
) -> Result<(), StoreError> {
    let transaction = client.transaction().await?;
    transaction
        .batch_execute("LOCK TABLE statements IN EXCLUSIVE MODE")
        .await?;
    // The stored time is taken once no other batch can commit before this one (see the
    // module documentation).
    let stored: i64 = transaction
        .query_one(
            "SELECT GREATEST((extract(epoch FROM clock_timestamp()) * 1000000)::bigint, \
             COALESCE((SELECT max(stored_micros) FROM statements), 0) + 1)",
            &[],
        )
        .await?
        .get(0);
    let statements = stamped(statements, from_micros(stored)?);
    let written = if needs_order(&statements) {
        insert_in_order(&transaction, &statements).await?
    } else {
        insert_together(&transaction, &statements).await?
    };
    // Returning drops the transaction, which rolls back what was inserted.
    if written.refused() {
        return Err(StoreError::BatchRefused(written.refusal));
    }
    if written.new_statements > 0 {
        charge_usage(
            &transaction,
            charge,
            written.new_statements,
            written.new_bytes,
        )
        .await?;
    }
    super::progress::write_changes(&transaction, written.progress).await?;
    transaction.commit().await?;
    Ok(())
}

/// `X-Experience-API-Consistent-Through` (see the module documentation), asked of the
/// database in one round trip: its clock first, then the batch holding the lock, so that a
/// batch taking the lock after that look is stored after the clock's time.
pub(super) async fn consistent_through(
    client: &deadpool_postgres::Client,
) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    let messages = client
        .simple_query(
            "SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint; \
             SELECT count(*) FILTER (WHERE activity.xact_start IS NULL), \
                    (extract(epoch FROM min(activity.xact_start)) * 1000000)::bigint \
             FROM pg_locks AS held \
             LEFT JOIN pg_stat_activity AS activity ON activity.pid = held.pid \
             WHERE held.locktype = 'relation' AND held.relation = 'statements'::regclass \
               AND held.mode = 'ExclusiveLock' AND held.granted; \
             SELECT max(stored_micros) FROM statements",
        )
        .await?;
    let rows: Vec<_> = messages
        .iter()
        .filter_map(|message| match message {
            tokio_postgres::SimpleQueryMessage::Row(row) => Some(row),
            _ => None,
        })
        .collect();
    let [now, holder, newest] = rows[..] else {
        return Err(StoreError::Corrupt(format!(
            "the consistent-through query answered {} rows, not 3",
            rows.len()
        )));
    };
    let number = |row: &tokio_postgres::SimpleQueryRow,
                  column: usize|
     -> Result<Option<i64>, StoreError> {
        row.try_get(column)?
            .map(|text: &str| {
                text.parse::<i64>().map_err(|_| {
                    StoreError::Corrupt(format!("the consistent-through query answered {text:?}"))
                })
            })
            .transpose()
    };
    let now = number(now, 0)?.unwrap_or_default();
    let hidden_holders = number(holder, 0)?.unwrap_or_default();
    let holder_start = number(holder, 1)?;
    let newest = number(newest, 0)?.unwrap_or_default();
    // A holder whose start this user cannot see (another database user's session): only the
    // committed statements tell.
    let before_in_flight = if hidden_holders > 0 {
        newest
    } else {
        holder_start.map_or(now, |start| start.min(now)) - 1
    };
    from_micros(before_in_flight.max(newest))
}

/// Whether the batch's statements act on each other, so that each must see the ones before
/// it stored: a voiding statement (its target may be in the batch, before or after it), or an
/// id twice (the second is a retry or a conflict of the first). The HTTP handlers refuse the
/// second; other callers of the store may not.
fn needs_order(statements: &[NewStatement]) -> bool {
    let mut ids = std::collections::HashSet::with_capacity(statements.len());
    statements
        .iter()
        .any(|new| new.statement.voided_statement_id().is_some() || !ids.insert(new.id))
}

/// Inserts the statements one by one, each seeing the ones before it: the rare batch
/// [`needs_order`] picks.
async fn insert_in_order(
    transaction: &Transaction<'_>,
    statements: &[NewStatement],
) -> Result<Written, StoreError> {
    let mut written = Written::default();
    for new in statements {
        let inserted = insert_statement(transaction, new, &mut written.progress).await?;
        written.count(inserted);
    }
    Ok(written)
}

/// Inserts a batch whose statements do not act on each other in a few statements whatever
/// its size (one round trip each, instead of several per statement): which ids are stored,
/// which new statements were voided before they came, then every new statement, its agents
/// and its activities, each as one multi-row `INSERT … SELECT FROM UNNEST(arrays)`.
async fn insert_together(
    transaction: &Transaction<'_>,
    statements: &[NewStatement],
) -> Result<Written, StoreError> {
    let mut written = Written::default();
    let ids: Vec<String> = statements.iter().map(|new| new.id.to_string()).collect();
    let select_stored = transaction
        .prepare_cached(&format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = ANY($1)"
        ))
        .await?;
    let mut stored: HashMap<Uuid, StoredStatement> = HashMap::new();
    for row in transaction.query(&select_stored, &[&ids]).await? {
        let statement = statement_from_row(&row)?;
        stored.insert(statement.id, statement);
    }
    let mut fresh: Vec<(&NewStatement, &str)> = Vec::with_capacity(statements.len());
    for (new, id) in statements.iter().zip(&ids) {
        match stored.remove(&new.id) {
            Some(existing) => written.count(compare_with_stored(new, existing)?),
            None => fresh.push((new, id)),
        }
    }
    if written.refused() || fresh.is_empty() {
        return Ok(written);
    }

    let fresh_ids: Vec<&str> = fresh.iter().map(|(_, id)| *id).collect();
    let actor_keys: Vec<&str> = fresh
        .iter()
        .map(|(new, _)| new.actor_key.as_str())
        .collect();
    // A statement that arrives after its own actor's statement voiding it is voided from the
    // start (the batch holds no voiding statement, so only stored ones count).
    let select_voided = transaction
        .prepare_cached(
            "SELECT k.id FROM UNNEST($1::TEXT[], $2::TEXT[]) AS k (id, actor_key) \
             WHERE EXISTS (SELECT 1 FROM statements s \
             WHERE s.voids_id = k.id AND s.actor_key = k.actor_key)",
        )
        .await?;
    let voided_from_start: HashSet<String> = transaction
        .query(&select_voided, &[&fresh_ids, &actor_keys])
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;

    let jsons: Vec<serde_json::Value> = fresh
        .iter()
        .map(|(new, _)| new.statement.to_json())
        .collect();
    let bodies: Vec<String> = jsons.iter().map(serde_json::Value::to_string).collect();
    let stored_micros: Vec<i64> = fresh.iter().map(|(new, _)| micros(new.stored)).collect();
    let verb_ids: Vec<&str> = fresh
        .iter()
        .map(|(new, _)| new.statement.verb.id.as_str())
        .collect();
    let activity_ids: Vec<Option<&str>> = fresh
        .iter()
        .map(|(new, _)| new.statement.activity_id())
        .collect();
    let registrations: Vec<Option<String>> = fresh
        .iter()
        .map(|(new, _)| new.statement.registration().map(|id| id.to_string()))
        .collect();
    let target_ids: Vec<Option<String>> = fresh
        .iter()
        .map(|(new, _)| new.statement.target_statement_id().map(|id| id.to_string()))
        .collect();
    let voided: Vec<bool> = fresh_ids
        .iter()
        .map(|id| voided_from_start.contains(*id))
        .collect();
    // Sorted by their place in the batch before the identity column numbers them, so the
    // batch's statements keep its order (`sequence` breaks ties of the one stored time).
    let insert_statements = transaction
        .prepare_cached(
            "INSERT INTO statements (id, body, stored_micros, actor_key, verb_id, activity_id, \
             registration, target_id, voided) \
             SELECT id, body, stored_micros, actor_key, verb_id, activity_id, registration, \
             target_id, voided FROM UNNEST($1::TEXT[], $2::TEXT[], $3::BIGINT[], $4::TEXT[], \
             $5::TEXT[], $6::TEXT[], $7::TEXT[], $8::TEXT[], $9::BOOLEAN[]) WITH ORDINALITY \
             AS n (id, body, stored_micros, actor_key, verb_id, activity_id, registration, \
             target_id, voided, place) \
             ORDER BY place RETURNING id, sequence",
        )
        .await?;
    let sequences: HashMap<String, i64> = transaction
        .query(
            &insert_statements,
            &[
                &fresh_ids,
                &bodies,
                &stored_micros,
                &actor_keys,
                &verb_ids,
                &activity_ids,
                &registrations,
                &target_ids,
                &voided,
            ],
        )
        .await?
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect::<Result<_, StoreError>>()?;

    let (mut agent_keys, mut agent_sequences, mut related_only) =
        (Vec::new(), Vec::new(), Vec::new());
    let (mut activity_ids, mut activity_sequences) = (Vec::new(), Vec::new());
    for (index, (new, id)) in fresh.iter().enumerate() {
        let sequence = *sequences.get(*id).ok_or_else(|| {
            StoreError::Corrupt(format!("statement {id} was inserted without a sequence"))
        })?;
        let statement = &new.statement;
        let direct_agents = statement.agent_keys();
        for key in &direct_agents {
            agent_keys.push(key.clone());
            agent_sequences.push(sequence);
            related_only.push(false);
        }
        for key in statement.related_agent_keys() {
            if !direct_agents.contains(&key) {
                agent_keys.push(key);
                agent_sequences.push(sequence);
                related_only.push(true);
            }
        }
        for activity_id in statement.related_activity_ids() {
            activity_ids.push(activity_id);
            activity_sequences.push(sequence);
        }
        written
            .progress
            .stored(&new.actor_key, &jsons[index], voided[index]);
        written.count(Inserted::New {
            bytes: i64::try_from(bodies[index].len()).unwrap_or(i64::MAX),
        });
    }
    let insert_agents = transaction
        .prepare_cached(
            "INSERT INTO statement_agents (agent_key, sequence, related_only) \
             SELECT * FROM UNNEST($1::TEXT[], $2::BIGINT[], $3::BOOLEAN[]) \
             ON CONFLICT DO NOTHING",
        )
        .await?;
    transaction
        .execute(
            &insert_agents,
            &[&agent_keys, &agent_sequences, &related_only],
        )
        .await?;
    let insert_activities = transaction
        .prepare_cached(
            "INSERT INTO statement_activities (activity_id, sequence) \
             SELECT * FROM UNNEST($1::TEXT[], $2::BIGINT[]) ON CONFLICT DO NOTHING",
        )
        .await?;
    transaction
        .execute(&insert_activities, &[&activity_ids, &activity_sequences])
        .await?;
    Ok(written)
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

/// A new statement whose id is stored already: a retry of the same statement, or a conflict.
fn compare_with_stored(
    new: &NewStatement,
    existing: StoredStatement,
) -> Result<Inserted, StoreError> {
    let id = new.id;
    let existing_json: serde_json::Value = serde_json::from_str(&existing.body)
        .map_err(|error| StoreError::Corrupt(format!("statement {id}: {error}")))?;
    let existing_statement = validate_statement(&existing_json)
        .map_err(|error| StoreError::Corrupt(format!("statement {id}: {error}")))?;
    Ok(if canonical_equal(&existing_statement, &new.statement) {
        Inserted::AlreadyStored
    } else {
        Inserted::Conflict(existing)
    })
}

/// Inserts one statement inside the batch's transaction.
async fn insert_statement(
    transaction: &Transaction<'_>,
    new: &NewStatement,
    progress: &mut ProgressChanges,
) -> Result<Inserted, StoreError> {
    let id_text = new.id.to_string();
    let select_stored = transaction
        .prepare_cached(&format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = $1"
        ))
        .await?;
    let existing = transaction
        .query_opt(&select_stored, &[&id_text])
        .await?
        .as_ref()
        .map(statement_from_row)
        .transpose()?;
    if let Some(existing) = existing {
        return compare_with_stored(new, existing);
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
    let not_private = format!("NOT {PRIVATE_CONDITION}");
    outer_conditions.push(match &query.private_statements_of {
        Some(key) => {
            parameters.push(Box::new(key.clone()));
            format!("({not_private} OR s.actor_key = ${})", parameters.len())
        }
        None => not_private,
    });
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
