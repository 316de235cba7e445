//! SQLite's side of the xAPI documents (what and why: `store/documents.rs`): reads on a read
//! connection, each write in one `BEGIN IMMEDIATE` transaction on the writer, so the stored
//! document core's rules judge is the one the write replaces.

use baeum_core::xapi::documents::{apply_write, Preconditions};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::rows::from_micros as micros_to_time;
use crate::store::documents::{owner_has_room, Held, Owner};
use crate::store::{
    Document, DocumentKey, DocumentOutcome, DocumentScopeKey, DocumentWrite, StoreError,
    StoredDocument,
};

const KEY_MATCHES: &str = "resource = ?1 AND activity_id = ?2 AND agent_key = ?3 \
                           AND registration = ?4 AND document_id = ?5";

fn key_params(key: &DocumentKey) -> (&'static str, &str, &str, &str, &str) {
    (
        key.scope.resource.code(),
        &key.scope.activity_id,
        &key.scope.agent_key,
        &key.scope.registration,
        &key.id,
    )
}

pub(super) fn document(
    connection: &Connection,
    key: &DocumentKey,
) -> Result<Option<StoredDocument>, StoreError> {
    let row = connection
        .prepare_cached(&format!(
            "SELECT content_type, contents, updated_micros FROM documents WHERE {KEY_MATCHES}"
        ))?
        .query_row(key_params(key), |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Vec<u8>>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })
        .optional()?;
    row.map(|(content_type, contents, updated)| {
        Ok(StoredDocument {
            document: Document {
                content_type,
                contents,
            },
            updated: micros_to_time(updated)?,
        })
    })
    .transpose()
}

pub(super) fn document_ids(
    connection: &Connection,
    scope: &DocumentScopeKey,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
    let since = since.map_or(i64::MIN, |since| since.timestamp_micros());
    let mut statement = connection.prepare_cached(
        "SELECT document_id, updated_micros FROM documents WHERE resource = ?1 \
         AND activity_id = ?2 AND agent_key = ?3 AND registration = ?4 AND updated_micros > ?5 \
         ORDER BY document_id",
    )?;
    let rows = statement.query_map(
        params![
            scope.resource.code(),
            scope.activity_id,
            scope.agent_key,
            scope.registration,
            since
        ],
        |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)),
    )?;
    rows.map(|row| {
        let (id, updated) = row?;
        Ok((id, micros_to_time(updated)?))
    })
    .collect()
}

pub(super) fn write_document(
    connection: &mut Connection,
    key: &DocumentKey,
    write: DocumentWrite,
    preconditions: Preconditions<'_>,
    now: DateTime<Utc>,
) -> Result<DocumentOutcome, StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = document(&transaction, key)?;
    let result = match apply_write(
        key.scope.resource,
        current.as_ref().map(|stored| &stored.document),
        write,
        preconditions,
    ) {
        Ok(result) => result,
        Err(refusal) => return Ok(DocumentOutcome::Refused(refusal)),
    };
    match result {
        Some(document) => {
            let replaced = current
                .as_ref()
                .map(|stored| stored.document.contents.len());
            let held = held_by_owner(&transaction, &key.scope)?;
            if !owner_has_room(held, replaced, document.contents.len()) {
                return Ok(DocumentOutcome::OwnerFull);
            }
            transaction.execute(
                "INSERT INTO documents (resource, activity_id, agent_key, registration, \
                 document_id, content_type, contents, updated_micros) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT (resource, activity_id, agent_key, registration, document_id) \
                 DO UPDATE SET content_type = excluded.content_type, \
                 contents = excluded.contents, updated_micros = excluded.updated_micros",
                params![
                    key.scope.resource.code(),
                    key.scope.activity_id,
                    key.scope.agent_key,
                    key.scope.registration,
                    key.id,
                    document.content_type,
                    document.contents,
                    now.timestamp_micros()
                ],
            )?;
        }
        None => {
            transaction.execute(
                &format!("DELETE FROM documents WHERE {KEY_MATCHES}"),
                key_params(key),
            )?;
        }
    }
    transaction.commit()?;
    Ok(DocumentOutcome::Done)
}

fn held_by_owner(connection: &Connection, scope: &DocumentScopeKey) -> Result<Held, StoreError> {
    let held = |row: &rusqlite::Row<'_>| {
        Ok(Held {
            documents: row.get(0)?,
            bytes: row.get(1)?,
        })
    };
    Ok(match scope.owner() {
        Owner::Agent(agent_key) => connection.query_row(
            "SELECT count(*), coalesce(sum(length(contents)), 0) FROM documents \
             WHERE agent_key = ?1",
            [agent_key],
            held,
        )?,
        Owner::Activity(activity_id) => connection.query_row(
            "SELECT count(*), coalesce(sum(length(contents)), 0) FROM documents \
             WHERE resource = ?1 AND activity_id = ?2",
            params![scope.resource.code(), activity_id],
            held,
        )?,
    })
}

pub(super) fn delete_documents(
    connection: &Connection,
    scope: &DocumentScopeKey,
) -> Result<usize, StoreError> {
    Ok(connection.execute(
        "DELETE FROM documents WHERE resource = ?1 AND activity_id = ?2 AND agent_key = ?3 \
         AND registration = ?4",
        params![
            scope.resource.code(),
            scope.activity_id,
            scope.agent_key,
            scope.registration
        ],
    )?)
}
