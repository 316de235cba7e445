//! Accounts on SQLite: accounts, sessions, password changes, deleting an account with
//! everything it holds, and teacher invitations (see [`Store`](crate::store::Store) for what
//! each promises; PostgreSQL's are in `postgres/accounts.rs`).

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use super::rows::{
    account_from_row, is_unique_violation, micros, read_account_row, ACCOUNT_COLUMNS,
};
use super::{progress, SqliteStore};
use crate::store::{AccountRecord, StoreError};

pub(super) fn create_account(
    store: &SqliteStore,
    account: &AccountRecord,
) -> Result<(), StoreError> {
    let connection = store.lock();
    let inserted = connection.execute(
        "INSERT INTO accounts (id, username, role, password_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            account.id.to_string(),
            account.username,
            account.role.as_str(),
            account.password_hash,
            account.created_at.to_rfc3339(),
        ],
    );
    match inserted {
        Ok(_) => Ok(()),
        Err(error) if is_unique_violation(&error) => Err(StoreError::UsernameTaken),
        Err(error) => Err(error.into()),
    }
}

pub(super) fn account_by_username(
    store: &SqliteStore,
    username: &str,
) -> Result<Option<AccountRecord>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username = ?1"),
                [username],
                read_account_row,
            )
            .optional()?
            .map(account_from_row)
            .transpose()
    })
}

pub(super) fn account_by_id(
    store: &SqliteStore,
    id: Uuid,
) -> Result<Option<AccountRecord>, StoreError> {
    store.read(|connection| {
        connection
            .query_row(
                &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?1"),
                [id.to_string()],
                read_account_row,
            )
            .optional()?
            .map(account_from_row)
            .transpose()
    })
}

pub(super) fn create_session(
    store: &SqliteStore,
    token_sha256: [u8; 32],
    account_id: Uuid,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let connection = store.lock();
    let now = Utc::now();
    // Expired and idle sessions are useless; removing them when a new one starts keeps the
    // table small without a background job.
    connection.execute(
        "DELETE FROM sessions WHERE expires_at_micros <= ?1 OR last_used_micros <= ?2",
        params![
            micros(now),
            micros(now - chrono::Duration::days(crate::auth::SESSION_IDLE_DAYS))
        ],
    )?;
    connection.execute(
        "INSERT INTO sessions (token_sha256, account_id, expires_at_micros, last_used_micros) \
         VALUES (?1, ?2, ?3, ?4)",
        params![
            token_sha256.as_slice(),
            account_id.to_string(),
            micros(expires_at),
            micros(now)
        ],
    )?;
    Ok(())
}

pub(super) fn account_for_session(
    store: &SqliteStore,
    token_sha256: [u8; 32],
    now: DateTime<Utc>,
) -> Result<Option<AccountRecord>, StoreError> {
    let idle_since = micros(now - chrono::Duration::days(crate::auth::SESSION_IDLE_DAYS));
    // Read on a read connection: most requests find the use recorded recently enough, and
    // only the others wait for the writer.
    let found = store.read(|connection| {
        Ok(connection
            .query_row(
            "SELECT a.id, a.username, a.role, a.password_hash, a.created_at, s.last_used_micros \
             FROM sessions s JOIN accounts a ON a.id = s.account_id \
             WHERE s.token_sha256 = ?1 AND s.expires_at_micros > ?2 \
             AND s.last_used_micros > ?3",
            params![token_sha256.as_slice(), micros(now), idle_since],
            |row| Ok((read_account_row(row)?, row.get::<_, i64>(5)?)),
        )
        .optional()?)
    })?;
    let Some((row, last_used)) = found else {
        return Ok(None);
    };
    let resolution = chrono::Duration::minutes(crate::auth::SESSION_LAST_USE_RESOLUTION_MINUTES);
    if last_used <= micros(now - resolution) {
        store.lock().execute(
            "UPDATE sessions SET last_used_micros = ?2 WHERE token_sha256 = ?1",
            params![token_sha256.as_slice(), micros(now)],
        )?;
    }
    account_from_row(row).map(Some)
}

pub(super) fn delete_session(
    store: &SqliteStore,
    token_sha256: [u8; 32],
) -> Result<bool, StoreError> {
    let connection = store.lock();
    let deleted = connection.execute(
        "DELETE FROM sessions WHERE token_sha256 = ?1",
        [token_sha256.as_slice()],
    )?;
    Ok(deleted > 0)
}

pub(super) fn delete_sessions_of_account(
    store: &SqliteStore,
    account_id: Uuid,
) -> Result<usize, StoreError> {
    let connection = store.lock();
    Ok(connection.execute(
        "DELETE FROM sessions WHERE account_id = ?1",
        [account_id.to_string()],
    )?)
}

pub(super) fn set_password_hash(
    store: &SqliteStore,
    account_id: Uuid,
    password_hash: &str,
    keep_session: Option<[u8; 32]>,
) -> Result<bool, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    let changed = transaction.execute(
        "UPDATE accounts SET password_hash = ?2 WHERE id = ?1",
        params![account_id.to_string(), password_hash],
    )?;
    // A zero-length blob matches no session, so `None` ends them all.
    let keep = keep_session
        .map(|digest| digest.to_vec())
        .unwrap_or_default();
    transaction.execute(
        "DELETE FROM sessions WHERE account_id = ?1 AND token_sha256 <> ?2",
        params![account_id.to_string(), keep],
    )?;
    transaction.commit()?;
    Ok(changed > 0)
}

pub(super) fn delete_account(
    store: &SqliteStore,
    account_id: Uuid,
    actor_key: &str,
) -> Result<bool, StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    for index_table in ["statement_agents", "statement_activities"] {
        transaction.execute(
            &format!(
                "DELETE FROM {index_table} WHERE sequence IN \
                 (SELECT sequence FROM statements WHERE actor_key = ?1)"
            ),
            [actor_key],
        )?;
    }
    transaction.execute("DELETE FROM statements WHERE actor_key = ?1", [actor_key])?;
    transaction.execute("DELETE FROM documents WHERE agent_key = ?1", [actor_key])?;
    progress::delete_actor(&transaction, actor_key)?;
    // Sessions, class memberships, a teacher's classes and their assignments go with the
    // account (ON DELETE CASCADE); invitations it made or used keep no link to it.
    let deleted = transaction.execute(
        "DELETE FROM accounts WHERE id = ?1",
        [account_id.to_string()],
    )?;
    transaction.commit()?;
    Ok(deleted > 0)
}

pub(super) fn create_teacher_invitation(
    store: &SqliteStore,
    code_sha256: [u8; 32],
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    site_id: Option<&str>,
) -> Result<(), StoreError> {
    let connection = store.lock();
    connection.execute(
        "INSERT INTO teacher_invitations \
         (code_sha256, created_by, created_at_micros, expires_at_micros, site_id) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            code_sha256.as_slice(),
            created_by.map(|id| id.to_string()),
            micros(created_at),
            micros(expires_at),
            site_id,
        ],
    )?;
    Ok(())
}

pub(super) fn create_account_with_invitation(
    store: &SqliteStore,
    account: &AccountRecord,
    code_sha256: [u8; 32],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut connection = store.lock();
    let transaction = connection.transaction()?;
    let inserted = transaction.execute(
        "INSERT INTO accounts (id, username, role, password_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            account.id.to_string(),
            account.username,
            account.role.as_str(),
            account.password_hash,
            account.created_at.to_rfc3339(),
        ],
    );
    match inserted {
        Ok(_) => {}
        Err(error) if is_unique_violation(&error) => return Err(StoreError::UsernameTaken),
        Err(error) => return Err(error.into()),
    }
    let used = transaction.execute(
        "UPDATE teacher_invitations SET used_by = ?2, used_at_micros = ?3 \
         WHERE code_sha256 = ?1 AND used_at_micros IS NULL AND expires_at_micros > ?3",
        params![code_sha256.as_slice(), account.id.to_string(), micros(now)],
    )?;
    if used == 0 {
        // Dropping the transaction rolls the account back.
        return Err(StoreError::InvitationInvalid);
    }
    transaction.execute(
        "INSERT INTO site_staff (site_id, account_id, role) \
         SELECT site_id, ?2, 'teacher' FROM teacher_invitations \
         WHERE code_sha256 = ?1 AND site_id IS NOT NULL",
        params![code_sha256.as_slice(), account.id.to_string()],
    )?;
    transaction.commit()?;
    Ok(())
}
