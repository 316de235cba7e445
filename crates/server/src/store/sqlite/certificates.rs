//! Certificates and signing keys on SQLite (see `store/certificates.rs`; PostgreSQL's are in
//! `postgres/certificates.rs`).

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use super::rows::{from_micros, micros};
use super::SqliteStore;
use crate::store::{CertificateRecord, SigningKeyRecord, StoreError};

const KEY_COLUMNS: &str = "public_key, site_id, secret, created_micros, retired_micros";
const CERTIFICATE_COLUMNS: &str = "id, account_id, site_id, course_id, claims_json, proof_value, \
     issued_micros, revoked_micros";

type KeyRow = (String, String, Vec<u8>, i64, Option<i64>);

fn key_row(row: &Row<'_>) -> rusqlite::Result<KeyRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn key_record(
    (public_key, site_id, secret, created, retired): KeyRow,
) -> Result<SigningKeyRecord, StoreError> {
    Ok(SigningKeyRecord {
        secret: secret
            .try_into()
            .map_err(|_| StoreError::Corrupt(format!("signing key {public_key}: not 32 bytes")))?,
        public_key,
        site_id,
        created_at: from_micros(created)?,
        retired_at: retired.map(from_micros).transpose()?,
    })
}

type CertificateRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
);

fn certificate_row(row: &Row<'_>) -> rusqlite::Result<CertificateRow> {
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

fn certificate_record(row: CertificateRow) -> Result<CertificateRecord, StoreError> {
    let (id, account_id, site_id, course_id, claims_json, proof_value, issued, revoked) = row;
    let uuid = |text: &str| {
        Uuid::parse_str(text).map_err(|_| StoreError::Corrupt(format!("certificate id {text}")))
    };
    Ok(CertificateRecord {
        id: uuid(&id)?,
        account_id: uuid(&account_id)?,
        site_id,
        course_id,
        claims_json,
        proof_value,
        issued_at: from_micros(issued)?,
        revoked_at: revoked.map(from_micros).transpose()?,
    })
}

pub(super) fn signing_keys(store: &SqliteStore) -> Result<Vec<SigningKeyRecord>, StoreError> {
    store.read(|connection| {
        connection
            .prepare(&format!(
                "SELECT {KEY_COLUMNS} FROM signing_keys ORDER BY site_id, created_micros"
            ))?
            .query_map([], key_row)?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(key_record)
            .collect()
    })
}

pub(super) fn current_signing_key(
    store: &SqliteStore,
    candidate: &SigningKeyRecord,
) -> Result<SigningKeyRecord, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    // The partial unique index lets one current key per site in; a second is ignored.
    transaction.execute(
        &format!(
            "INSERT OR IGNORE INTO signing_keys ({KEY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, NULL)"
        ),
        params![
            candidate.public_key,
            candidate.site_id,
            candidate.secret.as_slice(),
            micros(candidate.created_at)
        ],
    )?;
    let current = transaction.query_row(
        &format!(
            "SELECT {KEY_COLUMNS} FROM signing_keys WHERE site_id = ?1 AND retired_micros IS NULL"
        ),
        [&candidate.site_id],
        key_row,
    )?;
    transaction.commit()?;
    key_record(current)
}

pub(super) fn rotate_signing_key(
    store: &SqliteStore,
    new: &SigningKeyRecord,
) -> Result<(), StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    transaction.execute(
        "UPDATE signing_keys SET retired_micros = ?2 WHERE site_id = ?1 AND retired_micros IS NULL",
        params![new.site_id, micros(new.created_at)],
    )?;
    transaction.execute(
        &format!("INSERT INTO signing_keys ({KEY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, NULL)"),
        params![
            new.public_key,
            new.site_id,
            new.secret.as_slice(),
            micros(new.created_at)
        ],
    )?;
    transaction.commit()?;
    Ok(())
}

pub(super) fn issue_certificate(
    store: &SqliteStore,
    certificate: &CertificateRecord,
) -> Result<CertificateRecord, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    let existing = transaction
        .query_row(
            &format!(
                "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE account_id = ?1 \
                 AND site_id = ?2 AND course_id = ?3 AND revoked_micros IS NULL"
            ),
            params![
                certificate.account_id.to_string(),
                certificate.site_id,
                certificate.course_id
            ],
            certificate_row,
        )
        .optional()?;
    if let Some(existing) = existing {
        return certificate_record(existing);
    }
    transaction.execute(
        &format!(
            "INSERT INTO certificates ({CERTIFICATE_COLUMNS}) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)"
        ),
        params![
            certificate.id.to_string(),
            certificate.account_id.to_string(),
            certificate.site_id,
            certificate.course_id,
            certificate.claims_json,
            certificate.proof_value,
            micros(certificate.issued_at)
        ],
    )?;
    transaction.commit()?;
    Ok(certificate.clone())
}

fn certificates_where(
    store: &SqliteStore,
    condition: &str,
    value: String,
) -> Result<Vec<CertificateRecord>, StoreError> {
    store.read(|connection| {
        connection
            .prepare(&format!(
                "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE {condition}"
            ))?
            .query_map([value], certificate_row)?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(certificate_record)
            .collect()
    })
}

pub(super) fn certificates_of_account(
    store: &SqliteStore,
    account_id: Uuid,
) -> Result<Vec<CertificateRecord>, StoreError> {
    certificates_where(
        store,
        "account_id = ?1 ORDER BY issued_micros, id",
        account_id.to_string(),
    )
}

pub(super) fn certificates_of_site(
    store: &SqliteStore,
    site_id: &str,
) -> Result<Vec<CertificateRecord>, StoreError> {
    certificates_where(
        store,
        "site_id = ?1 ORDER BY issued_micros DESC, id",
        site_id.to_owned(),
    )
}

pub(super) fn revoke_certificate(
    store: &SqliteStore,
    site_id: &str,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let connection = store.lock();
    let found = connection
        .query_row(
            "SELECT revoked_micros FROM certificates WHERE id = ?1 AND site_id = ?2",
            params![id.to_string(), site_id],
            |row| row.get::<_, Option<i64>>(0),
        )
        .optional()?;
    match found {
        None => Ok(false),
        Some(Some(_)) => Ok(true),
        Some(None) => {
            connection.execute(
                "UPDATE certificates SET revoked_micros = ?3 WHERE id = ?1 AND site_id = ?2",
                params![id.to_string(), site_id, micros(at)],
            )?;
            Ok(true)
        }
    }
}

pub(super) fn revocations(store: &SqliteStore) -> Result<Vec<(Uuid, DateTime<Utc>)>, StoreError> {
    store.read(|connection| {
        connection
            .prepare(
                "SELECT id, revoked_micros FROM certificates WHERE revoked_micros IS NOT NULL \
                 ORDER BY revoked_micros, id",
            )?
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(|(id, at)| {
                Ok((
                    Uuid::parse_str(&id)
                        .map_err(|_| StoreError::Corrupt(format!("certificate id {id}")))?,
                    from_micros(at)?,
                ))
            })
            .collect()
    })
}
