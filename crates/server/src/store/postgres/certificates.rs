//! Certificates and signing keys on PostgreSQL (see `store/certificates.rs`; SQLite's are in
//! `sqlite/certificates.rs`).

use chrono::{DateTime, Utc};
use tokio_postgres::Row;
use uuid::Uuid;

use super::rows::{from_micros, micros, parse_uuid};
use super::PostgresStore;
use crate::store::{CertificateRecord, SigningKeyRecord, StoreError};

const KEY_COLUMNS: &str = "public_key, site_id, secret, created_micros, retired_micros";
const CERTIFICATE_COLUMNS: &str = "id, account_id, site_id, course_id, claims_json, proof_value, \
     issued_micros, revoked_micros";

fn key_record(row: &Row) -> Result<SigningKeyRecord, StoreError> {
    let public_key: String = row.get(0);
    let secret: Vec<u8> = row.get(2);
    Ok(SigningKeyRecord {
        secret: secret
            .try_into()
            .map_err(|_| StoreError::Corrupt(format!("signing key {public_key}: not 32 bytes")))?,
        public_key,
        site_id: row.get(1),
        created_at: from_micros(row.get(3))?,
        retired_at: row.get::<_, Option<i64>>(4).map(from_micros).transpose()?,
    })
}

fn certificate_record(row: &Row) -> Result<CertificateRecord, StoreError> {
    Ok(CertificateRecord {
        id: parse_uuid(row.get(0))?,
        account_id: parse_uuid(row.get(1))?,
        site_id: row.get(2),
        course_id: row.get(3),
        claims_json: row.get(4),
        proof_value: row.get(5),
        issued_at: from_micros(row.get(6))?,
        revoked_at: row.get::<_, Option<i64>>(7).map(from_micros).transpose()?,
    })
}

pub(super) fn signing_keys(store: &PostgresStore) -> Result<Vec<SigningKeyRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query(
                &format!("SELECT {KEY_COLUMNS} FROM signing_keys ORDER BY site_id, created_micros"),
                &[],
            )
            .await?
            .iter()
            .map(key_record)
            .collect()
    })
}

pub(super) fn current_signing_key(
    store: &PostgresStore,
    candidate: &SigningKeyRecord,
) -> Result<SigningKeyRecord, StoreError> {
    let candidate = candidate.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        // The partial unique index lets one current key per site in; a second is ignored.
        client
            .execute(
                &format!(
                    "INSERT INTO signing_keys ({KEY_COLUMNS}) VALUES ($1, $2, $3, $4, NULL) \
                     ON CONFLICT (site_id) WHERE retired_micros IS NULL DO NOTHING"
                ),
                &[
                    &candidate.public_key,
                    &candidate.site_id,
                    &candidate.secret.as_slice(),
                    &micros(candidate.created_at),
                ],
            )
            .await?;
        let row = client
            .query_one(
                &format!(
                    "SELECT {KEY_COLUMNS} FROM signing_keys \
                     WHERE site_id = $1 AND retired_micros IS NULL"
                ),
                &[&candidate.site_id],
            )
            .await?;
        key_record(&row)
    })
}

pub(super) fn rotate_signing_key(
    store: &PostgresStore,
    new: &SigningKeyRecord,
) -> Result<(), StoreError> {
    let new = new.clone();
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        transaction
            .execute(
                "UPDATE signing_keys SET retired_micros = $2 \
                 WHERE site_id = $1 AND retired_micros IS NULL",
                &[&new.site_id, &micros(new.created_at)],
            )
            .await?;
        transaction
            .execute(
                &format!("INSERT INTO signing_keys ({KEY_COLUMNS}) VALUES ($1, $2, $3, $4, NULL)"),
                &[
                    &new.public_key,
                    &new.site_id,
                    &new.secret.as_slice(),
                    &micros(new.created_at),
                ],
            )
            .await?;
        transaction.commit().await?;
        Ok(())
    })
}

pub(super) fn issue_certificate(
    store: &PostgresStore,
    certificate: &CertificateRecord,
) -> Result<CertificateRecord, StoreError> {
    let certificate = certificate.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let inserted = client
            .execute(
                &format!(
                    "INSERT INTO certificates ({CERTIFICATE_COLUMNS}) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL) \
                     ON CONFLICT (account_id, site_id, course_id) WHERE revoked_micros IS NULL \
                     DO NOTHING"
                ),
                &[
                    &certificate.id.to_string(),
                    &certificate.account_id.to_string(),
                    &certificate.site_id,
                    &certificate.course_id,
                    &certificate.claims_json,
                    &certificate.proof_value,
                    &micros(certificate.issued_at),
                ],
            )
            .await?;
        if inserted == 1 {
            return Ok(certificate);
        }
        let row = client
            .query_one(
                &format!(
                    "SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE account_id = $1 \
                     AND site_id = $2 AND course_id = $3 AND revoked_micros IS NULL"
                ),
                &[
                    &certificate.account_id.to_string(),
                    &certificate.site_id,
                    &certificate.course_id,
                ],
            )
            .await?;
        certificate_record(&row)
    })
}

fn certificates_where(
    store: &PostgresStore,
    condition: &'static str,
    value: String,
) -> Result<Vec<CertificateRecord>, StoreError> {
    store.run(move |pool| async move {
        let client = pool.get().await?;
        client
            .query(
                &format!("SELECT {CERTIFICATE_COLUMNS} FROM certificates WHERE {condition}"),
                &[&value],
            )
            .await?
            .iter()
            .map(certificate_record)
            .collect()
    })
}

pub(super) fn certificates_of_account(
    store: &PostgresStore,
    account_id: Uuid,
) -> Result<Vec<CertificateRecord>, StoreError> {
    certificates_where(
        store,
        "account_id = $1 ORDER BY issued_micros, id",
        account_id.to_string(),
    )
}

pub(super) fn certificates_of_site(
    store: &PostgresStore,
    site_id: &str,
) -> Result<Vec<CertificateRecord>, StoreError> {
    certificates_where(
        store,
        "site_id = $1 ORDER BY issued_micros DESC, id",
        site_id.to_owned(),
    )
}

pub(super) fn revoke_certificate(
    store: &PostgresStore,
    site_id: &str,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let site_id = site_id.to_owned();
    store.run(move |pool| async move {
        let client = pool.get().await?;
        // COALESCE keeps the first revocation's time.
        let found = client
            .execute(
                "UPDATE certificates SET revoked_micros = COALESCE(revoked_micros, $3) \
                 WHERE id = $1 AND site_id = $2",
                &[&id.to_string(), &site_id, &micros(at)],
            )
            .await?;
        Ok(found == 1)
    })
}

pub(super) fn revocations(store: &PostgresStore) -> Result<Vec<(Uuid, DateTime<Utc>)>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .query(
                "SELECT id, revoked_micros FROM certificates WHERE revoked_micros IS NOT NULL \
                 ORDER BY revoked_micros, id",
                &[],
            )
            .await?
            .iter()
            .map(|row| Ok((parse_uuid(row.get(0))?, from_micros(row.get(1))?)))
            .collect()
    })
}
