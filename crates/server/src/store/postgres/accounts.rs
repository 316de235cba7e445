//! Accounts on PostgreSQL: accounts, sessions, password changes, deleting an account with
//! everything it holds, and teacher invitations (see [`Store`](crate::store::Store) for what
//! each promises; SQLite's are in `sqlite.rs`).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::rows::{account_from_row, micros, ACCOUNT_COLUMNS};
use super::{is_unique_violation, progress, PostgresStore};
use crate::store::{AccountRecord, StoreError};

pub(super) fn create_account(
    store: &PostgresStore,
    account: &AccountRecord,
) -> Result<(), StoreError> {
    let account = account.clone();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let inserted = client
            .execute(
                "INSERT INTO accounts (id, username, role, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &account.id.to_string(),
                    &account.username,
                    &account.role.as_str(),
                    &account.password_hash,
                    &account.created_at.to_rfc3339(),
                ],
            )
            .await;
        match inserted {
            Ok(_) => Ok(()),
            Err(error) if is_unique_violation(&error) => Err(StoreError::UsernameTaken),
            Err(error) => Err(error.into()),
        }
    })
}

pub(super) fn account_by_username(
    store: &PostgresStore,
    username: &str,
) -> Result<Option<AccountRecord>, StoreError> {
    let username = username.to_owned();
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_opt(
                &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.username = $1"),
                &[&username],
            )
            .await?;
        row.as_ref().map(account_from_row).transpose()
    })
}

pub(super) fn account_by_id(
    store: &PostgresStore,
    id: Uuid,
) -> Result<Option<AccountRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let row = client
            .query_opt(
                &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1"),
                &[&id.to_string()],
            )
            .await?;
        row.as_ref().map(account_from_row).transpose()
    })
}

pub(super) fn create_session(
    store: &PostgresStore,
    token_sha256: [u8; 32],
    account_id: Uuid,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let now = Utc::now();
        // Expired and idle sessions are useless; removing them when a new one starts keeps
        // the table small without a background job.
        client
            .execute(
                "DELETE FROM sessions WHERE expires_at_micros <= $1 OR last_used_micros <= $2",
                &[
                    &micros(now),
                    &micros(now - chrono::Duration::days(crate::auth::SESSION_IDLE_DAYS)),
                ],
            )
            .await?;
        client
            .execute(
                "INSERT INTO sessions \
                 (token_sha256, account_id, expires_at_micros, last_used_micros) \
                 VALUES ($1, $2, $3, $4)",
                &[
                    &token_sha256.as_slice(),
                    &account_id.to_string(),
                    &micros(expires_at),
                    &micros(now),
                ],
            )
            .await?;
        Ok(())
    })
}

pub(super) fn account_for_session(
    store: &PostgresStore,
    token_sha256: [u8; 32],
    now: DateTime<Utc>,
) -> Result<Option<AccountRecord>, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let idle_since = micros(now - chrono::Duration::days(crate::auth::SESSION_IDLE_DAYS));
        let found = client
            .query_opt(
                &format!(
                    "SELECT {ACCOUNT_COLUMNS}, s.last_used_micros \
                     FROM sessions s JOIN accounts a ON a.id = s.account_id \
                     WHERE s.token_sha256 = $1 AND s.expires_at_micros > $2 \
                     AND s.last_used_micros > $3"
                ),
                &[&token_sha256.as_slice(), &micros(now), &idle_since],
            )
            .await?;
        let Some(row) = found else {
            return Ok(None);
        };
        let last_used: i64 = row.try_get(5)?;
        let resolution =
            chrono::Duration::minutes(crate::auth::SESSION_LAST_USE_RESOLUTION_MINUTES);
        if last_used <= micros(now - resolution) {
            client
                .execute(
                    "UPDATE sessions SET last_used_micros = $2 WHERE token_sha256 = $1",
                    &[&token_sha256.as_slice(), &micros(now)],
                )
                .await?;
        }
        account_from_row(&row).map(Some)
    })
}

pub(super) fn delete_session(
    store: &PostgresStore,
    token_sha256: [u8; 32],
) -> Result<bool, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let deleted = client
            .execute(
                "DELETE FROM sessions WHERE token_sha256 = $1",
                &[&token_sha256.as_slice()],
            )
            .await?;
        Ok(deleted > 0)
    })
}

pub(super) fn delete_sessions_of_account(
    store: &PostgresStore,
    account_id: Uuid,
) -> Result<usize, StoreError> {
    store.run(|pool| async move {
        let client = pool.get().await?;
        let deleted = client
            .execute(
                "DELETE FROM sessions WHERE account_id = $1",
                &[&account_id.to_string()],
            )
            .await?;
        Ok(usize::try_from(deleted).unwrap_or(usize::MAX))
    })
}

pub(super) fn set_password_hash(
    store: &PostgresStore,
    account_id: Uuid,
    password_hash: &str,
    keep_session: Option<[u8; 32]>,
) -> Result<bool, StoreError> {
    let password_hash = password_hash.to_owned();
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        let changed = transaction
            .execute(
                "UPDATE accounts SET password_hash = $2 WHERE id = $1",
                &[&account_id.to_string(), &password_hash],
            )
            .await?;
        // A zero-length value matches no session, so `None` ends them all.
        let keep = keep_session
            .map(|digest| digest.to_vec())
            .unwrap_or_default();
        transaction
            .execute(
                "DELETE FROM sessions WHERE account_id = $1 AND token_sha256 <> $2",
                &[&account_id.to_string(), &keep],
            )
            .await?;
        transaction.commit().await?;
        Ok(changed > 0)
    })
}

pub(super) fn delete_account(
    store: &PostgresStore,
    account_id: Uuid,
    actor_key: &str,
) -> Result<bool, StoreError> {
    let actor_key = actor_key.to_owned();
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        for index_table in ["statement_agents", "statement_activities"] {
            transaction
                .execute(
                    &format!(
                        "DELETE FROM {index_table} WHERE sequence IN \
                         (SELECT sequence FROM statements WHERE actor_key = $1)"
                    ),
                    &[&actor_key],
                )
                .await?;
        }
        transaction
            .execute("DELETE FROM statements WHERE actor_key = $1", &[&actor_key])
            .await?;
        transaction
            .execute("DELETE FROM documents WHERE agent_key = $1", &[&actor_key])
            .await?;
        progress::delete_actor(&transaction, &actor_key).await?;
        // Sessions, class memberships, a teacher's classes and their assignments go with
        // the account (ON DELETE CASCADE); invitations it made or used keep no link to it.
        let deleted = transaction
            .execute(
                "DELETE FROM accounts WHERE id = $1",
                &[&account_id.to_string()],
            )
            .await?;
        transaction.commit().await?;
        Ok(deleted > 0)
    })
}

pub(super) fn create_teacher_invitation(
    store: &PostgresStore,
    code_sha256: [u8; 32],
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    site_id: Option<&str>,
) -> Result<(), StoreError> {
    let site_id = site_id.map(str::to_owned);
    store.run(|pool| async move {
        let client = pool.get().await?;
        client
            .execute(
                "INSERT INTO teacher_invitations \
                 (code_sha256, created_by, created_at_micros, expires_at_micros, site_id) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &code_sha256.as_slice(),
                    &created_by.map(|id| id.to_string()),
                    &micros(created_at),
                    &micros(expires_at),
                    &site_id,
                ],
            )
            .await?;
        Ok(())
    })
}

pub(super) fn create_account_with_invitation(
    store: &PostgresStore,
    account: &AccountRecord,
    code_sha256: [u8; 32],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let account = account.clone();
    store.run(|pool| async move {
        let mut client = pool.get().await?;
        let transaction = client.transaction().await?;
        let inserted = transaction
            .execute(
                "INSERT INTO accounts (id, username, role, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &account.id.to_string(),
                    &account.username,
                    &account.role.as_str(),
                    &account.password_hash,
                    &account.created_at.to_rfc3339(),
                ],
            )
            .await;
        match inserted {
            Ok(_) => {}
            Err(error) if is_unique_violation(&error) => return Err(StoreError::UsernameTaken),
            Err(error) => return Err(error.into()),
        }
        let used = transaction
            .execute(
                "UPDATE teacher_invitations SET used_by = $2, used_at_micros = $3 \
                 WHERE code_sha256 = $1 AND used_at_micros IS NULL \
                 AND expires_at_micros > $3",
                &[
                    &code_sha256.as_slice(),
                    &account.id.to_string(),
                    &micros(now),
                ],
            )
            .await?;
        if used == 0 {
            // Dropping the transaction rolls the account back.
            return Err(StoreError::InvitationInvalid);
        }
        transaction
            .execute(
                "INSERT INTO site_staff (site_id, account_id, role) \
                 SELECT site_id, $2, 'teacher' FROM teacher_invitations \
                 WHERE code_sha256 = $1 AND site_id IS NOT NULL",
                &[&code_sha256.as_slice(), &account.id.to_string()],
            )
            .await?;
        transaction.commit().await?;
        Ok(())
    })
}
