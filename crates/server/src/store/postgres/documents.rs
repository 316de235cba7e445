//! PostgreSQL's side of the xAPI documents (what and why: `store/documents.rs`). A write locks
//! its document's row (`FOR UPDATE`), or, for a new document, takes a transaction-level
//! advisory lock on its owner, so two writers on any instances judge and write one after the
//! other, and a count of the owner's documents cannot be passed by two inserts at once.

use baeum_core::xapi::documents::{apply_write, Preconditions};
use chrono::{DateTime, Utc};
use deadpool_postgres::{GenericClient, Pool};

use super::rows::from_micros;
use crate::store::documents::{owner_has_room, Held, Owner};
use crate::store::{
    Document, DocumentKey, DocumentOutcome, DocumentScopeKey, DocumentWrite, StoreError,
    StoredDocument,
};

const KEY_MATCHES: &str = "resource = $1 AND activity_id = $2 AND agent_key = $3 \
                           AND registration = $4 AND document_id = $5";

async fn read_document(
    client: &impl GenericClient,
    key: &DocumentKey,
    lock: bool,
) -> Result<Option<StoredDocument>, StoreError> {
    let sql = format!(
        "SELECT content_type, contents, updated_micros FROM documents WHERE {KEY_MATCHES}{}",
        if lock { " FOR UPDATE" } else { "" }
    );
    let row = client
        .query_opt(
            &sql,
            &[
                &key.scope.resource.code(),
                &key.scope.activity_id,
                &key.scope.agent_key,
                &key.scope.registration,
                &key.id,
            ],
        )
        .await?;
    row.map(|row| {
        Ok(StoredDocument {
            document: Document {
                content_type: row.try_get(0)?,
                contents: row.try_get(1)?,
            },
            updated: from_micros(row.try_get(2)?)?,
        })
    })
    .transpose()
}

pub(super) async fn document(
    pool: &Pool,
    key: &DocumentKey,
) -> Result<Option<StoredDocument>, StoreError> {
    let client = pool.get().await?;
    read_document(&client, key, false).await
}

pub(super) async fn document_ids(
    pool: &Pool,
    scope: &DocumentScopeKey,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
    let client = pool.get().await?;
    let since = since.map_or(i64::MIN, |since| since.timestamp_micros());
    let rows = client
        .query(
            "SELECT document_id, updated_micros FROM documents WHERE resource = $1 \
             AND activity_id = $2 AND agent_key = $3 AND registration = $4 \
             AND updated_micros > $5 ORDER BY document_id",
            &[
                &scope.resource.code(),
                &scope.activity_id,
                &scope.agent_key,
                &scope.registration,
                &since,
            ],
        )
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, from_micros(row.try_get(1)?)?)))
        .collect()
}

pub(super) async fn write_document(
    pool: &Pool,
    key: &DocumentKey,
    write: DocumentWrite,
    preconditions: Preconditions<'_>,
    now: DateTime<Utc>,
) -> Result<DocumentOutcome, StoreError> {
    let mut client = pool.get().await?;
    let transaction = client.transaction().await?;
    // The owner's lock first: a new document's insert and its count wait for each other, and
    // a stored one is then locked by its row.
    let owner = match key.scope.owner() {
        Owner::Agent(agent_key) => format!("agent:{agent_key}"),
        Owner::Activity(activity_id) => format!("activity:{activity_id}"),
    };
    transaction
        .execute(
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            &[&owner],
        )
        .await?;
    let current = read_document(&transaction, key, true).await?;
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
            let held_row =
                match key.scope.owner() {
                    Owner::Agent(agent_key) => transaction
                        .query_one(
                            "SELECT count(*), coalesce(sum(octet_length(contents)), 0)::bigint \
                             FROM documents WHERE agent_key = $1",
                            &[&agent_key],
                        )
                        .await?,
                    Owner::Activity(activity_id) => transaction
                        .query_one(
                            "SELECT count(*), coalesce(sum(octet_length(contents)), 0)::bigint \
                             FROM documents WHERE resource = $1 AND activity_id = $2",
                            &[&key.scope.resource.code(), &activity_id],
                        )
                        .await?,
                };
            let held = Held {
                documents: held_row.try_get(0)?,
                bytes: held_row.try_get(1)?,
            };
            let replaced = current
                .as_ref()
                .map(|stored| stored.document.contents.len());
            if !owner_has_room(held, replaced, document.contents.len()) {
                return Ok(DocumentOutcome::OwnerFull);
            }
            transaction
                .execute(
                    "INSERT INTO documents (resource, activity_id, agent_key, registration, \
                     document_id, content_type, contents, updated_micros) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT (resource, activity_id, agent_key, registration, document_id) \
                     DO UPDATE SET content_type = excluded.content_type, \
                     contents = excluded.contents, updated_micros = excluded.updated_micros",
                    &[
                        &key.scope.resource.code(),
                        &key.scope.activity_id,
                        &key.scope.agent_key,
                        &key.scope.registration,
                        &key.id,
                        &document.content_type,
                        &document.contents,
                        &now.timestamp_micros(),
                    ],
                )
                .await?;
        }
        None => {
            transaction
                .execute(
                    &format!("DELETE FROM documents WHERE {KEY_MATCHES}"),
                    &[
                        &key.scope.resource.code(),
                        &key.scope.activity_id,
                        &key.scope.agent_key,
                        &key.scope.registration,
                        &key.id,
                    ],
                )
                .await?;
        }
    }
    transaction.commit().await?;
    Ok(DocumentOutcome::Done)
}

pub(super) async fn delete_documents(
    pool: &Pool,
    scope: &DocumentScopeKey,
) -> Result<usize, StoreError> {
    let client = pool.get().await?;
    let deleted = client
        .execute(
            "DELETE FROM documents WHERE resource = $1 AND activity_id = $2 AND agent_key = $3 \
             AND registration = $4",
            &[
                &scope.resource.code(),
                &scope.activity_id,
                &scope.agent_key,
                &scope.registration,
            ],
        )
        .await?;
    Ok(usize::try_from(deleted).unwrap_or(usize::MAX))
}
