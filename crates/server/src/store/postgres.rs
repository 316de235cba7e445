//! The PostgreSQL implementation of [`Store`], chosen with `--database postgres://…`: for a
//! deployment bigger than one school's box, on a database server an operator already runs,
//! backs up and replicates.
//!
//! A pool of connections (deadpool), not one connection behind a lock: requests run side by
//! side, each on a connection of its own. rust-postgres is async, while [`Store`] is
//! synchronous (SQLite is a blocking library, and handlers reach the store through
//! `spawn_blocking`); so the store runs the pool on a small tokio runtime of its own, and a
//! call sends its query there and waits for the answer on the calling thread, as a SQLite call
//! waits for the disk. That also makes it callable from anywhere (a test's async body, a
//! command-line tool), with no "runtime inside a runtime".
//!
//! Behaviour is SQLite's, refusal for refusal; the tests run on both engines
//! (`BAEUM_TEST_DATABASE_URL`). A batch of statements locks the statement table against other
//! writers for its transaction (readers go on), as SQLite's `BEGIN IMMEDIATE` does, so the
//! same-id, voiding and daily-limit checks cannot race another instance's write.

mod buckets;
mod documents;
mod forward;
mod progress;
mod rows;
mod schema;
mod statements;
mod wellbeing;

use std::collections::BTreeMap;
use std::future::Future;

use baeum_core::progress::LearnerReport;
use chrono::{DateTime, Utc};
use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod};
use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;
use uuid::Uuid;

use rows::{
    account_from_row, assignment_from_row, assignment_lists, class_from_row, micros, parse_uuid,
    query_classes, statement_from_row, ACCOUNT_COLUMNS, ASSIGNMENT_COLUMNS, CLASS_COLUMNS,
    STATEMENT_COLUMNS,
};

use super::buckets::PruneClock;
use baeum_core::xapi::documents::Preconditions;

use super::{
    AccountRecord, AssignmentRecord, BucketTake, ClassMemberRecord, ClassRecord, DailyCharge,
    DocumentKey, DocumentOutcome, DocumentScopeKey, DocumentWrite, ForwardStatus, NewStatement,
    OutboxEntry, StatementQuery, Store, StoreError, StoredCheckIn, StoredDocument, StoredStatement,
    TakeOutcome,
};

/// PostgreSQL-backed [`Store`].
pub struct PostgresStore {
    pool: Pool,
    /// Runs the pool's connections and every call's queries; taken (and shut down without
    /// waiting) when the store is dropped, which may happen inside another runtime.
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
    /// When this process last deleted full rate-limit buckets.
    bucket_prune: PruneClock,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("PostgresStore")
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (a libpq-style `postgres://user:password@host:port/db`
    /// URL) and migrates it.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let mut config: tokio_postgres::Config = url.parse()?;
        if config.get_connect_timeout().is_none() {
            // An unreachable database is an error in seconds, not a start-up that hangs.
            config.connect_timeout(std::time::Duration::from_secs(10));
        }
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("baeum-postgres")
            .enable_all()
            .build()
            .map_err(|error| StoreError::Database(Box::new(error)))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                // A connection back from a request is reused as is; one that broke is noticed
                // by its next query (an error, as with any database fault) and not reused.
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            // A request waiting this long for a connection fails (500) rather than piling up.
            .wait_timeout(Some(std::time::Duration::from_secs(30)))
            .create_timeout(Some(std::time::Duration::from_secs(10)))
            .build()
            .map_err(|error| StoreError::Database(Box::new(error)))?;
        let store = Self {
            pool,
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
            bucket_prune: PruneClock::default(),
        };
        store.run(|pool| async move { schema::migrate(&pool).await })?;
        Ok(store)
    }

    /// Runs `call` on the store's runtime and waits for its answer.
    fn run<T, F, Fut>(&self, call: F) -> Result<T, StoreError>
    where
        F: FnOnce(Pool) -> Fut,
        Fut: Future<Output = Result<T, StoreError>> + Send + 'static,
        T: Send + 'static,
    {
        let (sender, receiver) = std::sync::mpsc::sync_channel(1);
        let future = call(self.pool.clone());
        self.handle.spawn(async move {
            // The caller waits on the receiver; it is gone only if the caller's thread is.
            let _ = sender.send(future.await);
        });
        receiver.recv().map_err(|_| StoreError::TaskFailed)?
    }
}

impl Drop for PostgresStore {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(error: tokio_postgres::Error) -> Self {
        if error.code().is_some_and(is_out_of_space) {
            StoreError::InsufficientStorage(Box::new(error))
        } else {
            StoreError::Database(Box::new(error))
        }
    }
}

impl From<PoolError> for StoreError {
    fn from(error: PoolError) -> Self {
        match error {
            PoolError::Backend(error) => error.into(),
            other => StoreError::Database(Box::new(other)),
        }
    }
}

/// The server cannot store for want of room, as SQLite's full disk: a full disk (53100), no
/// memory (53200), a configured cap such as `temp_file_limit` (53400) or a failed write
/// (58030). The request is not at fault, so it is answered 507 and the client keeps what it
/// sent.
pub(crate) fn is_out_of_space(code: &SqlState) -> bool {
    [
        SqlState::DISK_FULL,
        SqlState::OUT_OF_MEMORY,
        SqlState::CONFIGURATION_LIMIT_EXCEEDED,
        SqlState::IO_ERROR,
    ]
    .contains(code)
}

fn is_unique_violation(error: &tokio_postgres::Error) -> bool {
    error.code() == Some(&SqlState::UNIQUE_VIOLATION)
}

impl Store for PostgresStore {
    fn create_account(&self, account: &AccountRecord) -> Result<(), StoreError> {
        let account = account.clone();
        self.run(|pool| async move {
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

    fn account_by_username(&self, username: &str) -> Result<Option<AccountRecord>, StoreError> {
        let username = username.to_owned();
        self.run(|pool| async move {
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

    fn account_by_id(&self, id: Uuid) -> Result<Option<AccountRecord>, StoreError> {
        self.run(|pool| async move {
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

    fn create_session(
        &self,
        token_sha256: [u8; 32],
        account_id: Uuid,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.run(|pool| async move {
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

    fn account_for_session(
        &self,
        token_sha256: [u8; 32],
        now: DateTime<Utc>,
    ) -> Result<Option<AccountRecord>, StoreError> {
        self.run(|pool| async move {
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

    fn delete_session(&self, token_sha256: [u8; 32]) -> Result<bool, StoreError> {
        self.run(|pool| async move {
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

    fn delete_sessions_of_account(&self, account_id: Uuid) -> Result<usize, StoreError> {
        self.run(|pool| async move {
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

    fn set_password_hash(
        &self,
        account_id: Uuid,
        password_hash: &str,
        keep_session: Option<[u8; 32]>,
    ) -> Result<bool, StoreError> {
        let password_hash = password_hash.to_owned();
        self.run(|pool| async move {
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

    fn delete_account(&self, account_id: Uuid, actor_key: &str) -> Result<bool, StoreError> {
        let actor_key = actor_key.to_owned();
        self.run(|pool| async move {
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

    fn create_teacher_invitation(
        &self,
        code_sha256: [u8; 32],
        created_by: Option<Uuid>,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            client
                .execute(
                    "INSERT INTO teacher_invitations \
                     (code_sha256, created_by, created_at_micros, expires_at_micros) \
                     VALUES ($1, $2, $3, $4)",
                    &[
                        &code_sha256.as_slice(),
                        &created_by.map(|id| id.to_string()),
                        &micros(created_at),
                        &micros(expires_at),
                    ],
                )
                .await?;
            Ok(())
        })
    }

    fn create_account_with_invitation(
        &self,
        account: &AccountRecord,
        code_sha256: [u8; 32],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let account = account.clone();
        self.run(|pool| async move {
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
            transaction.commit().await?;
            Ok(())
        })
    }

    fn create_class(&self, class: &ClassRecord) -> Result<(), StoreError> {
        let class = class.clone();
        self.run(|pool| async move {
            let client = pool.get().await?;
            let inserted = client
                .execute(
                    "INSERT INTO classes (id, teacher_id, name, join_code, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                    &[
                        &class.id.to_string(),
                        &class.teacher_id.to_string(),
                        &class.name,
                        &class.join_code,
                        &class.created_at.to_rfc3339(),
                    ],
                )
                .await;
            match inserted {
                Ok(_) => Ok(()),
                Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
                Err(error) => Err(error.into()),
            }
        })
    }

    fn class_by_join_code(&self, join_code: &str) -> Result<Option<ClassRecord>, StoreError> {
        let join_code = join_code.to_owned();
        self.run(|pool| async move {
            let client = pool.get().await?;
            let row = client
                .query_opt(
                    &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.join_code = $1"),
                    &[&join_code],
                )
                .await?;
            row.as_ref().map(class_from_row).transpose()
        })
    }

    fn add_class_member(&self, class_id: Uuid, learner_id: Uuid) -> Result<(), StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            client
                .execute(
                    "INSERT INTO class_members (class_id, learner_id, joined_after_sequence) \
                     VALUES ($1, $2, (SELECT COALESCE(MAX(sequence), 0) FROM statements)) \
                     ON CONFLICT DO NOTHING",
                    &[&class_id.to_string(), &learner_id.to_string()],
                )
                .await?;
            Ok(())
        })
    }

    fn learners_of_teacher(&self, teacher_id: Uuid) -> Result<Vec<Uuid>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let rows = client
                .query(
                    "SELECT DISTINCT m.learner_id FROM class_members m \
                     JOIN classes c ON c.id = m.class_id WHERE c.teacher_id = $1",
                    &[&teacher_id.to_string()],
                )
                .await?;
            rows.iter()
                .map(|row| parse_uuid(&row.try_get::<_, String>(0)?))
                .collect()
        })
    }

    fn class_by_id(&self, class_id: Uuid) -> Result<Option<ClassRecord>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let row = client
                .query_opt(
                    &format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.id = $1"),
                    &[&class_id.to_string()],
                )
                .await?;
            row.as_ref().map(class_from_row).transpose()
        })
    }

    fn classes_of_teacher(&self, teacher_id: Uuid) -> Result<Vec<ClassRecord>, StoreError> {
        self.run(|pool| async move {
            query_classes(
                &pool,
                &format!(
                    "SELECT {CLASS_COLUMNS} FROM classes c WHERE c.teacher_id = $1 \
                     ORDER BY c.created_at, c.id"
                ),
                teacher_id.to_string(),
            )
            .await
        })
    }

    fn classes_of_learner(&self, learner_id: Uuid) -> Result<Vec<ClassRecord>, StoreError> {
        self.run(|pool| async move {
            query_classes(
                &pool,
                &format!(
                    "SELECT {CLASS_COLUMNS} FROM classes c \
                     JOIN class_members m ON m.class_id = c.id WHERE m.learner_id = $1 \
                     ORDER BY c.created_at, c.id"
                ),
                learner_id.to_string(),
            )
            .await
        })
    }

    fn class_members(&self, class_id: Uuid) -> Result<Vec<ClassMemberRecord>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let rows = client
                .query(
                    "SELECT a.id, a.username, m.joined_after_sequence FROM class_members m \
                     JOIN accounts a ON a.id = m.learner_id \
                     WHERE m.class_id = $1 ORDER BY a.username",
                    &[&class_id.to_string()],
                )
                .await?;
            rows.iter()
                .map(|row| {
                    Ok(ClassMemberRecord {
                        learner_id: parse_uuid(&row.try_get::<_, String>(0)?)?,
                        username: row.try_get(1)?,
                        joined_after_sequence: row.try_get(2)?,
                    })
                })
                .collect()
        })
    }

    fn class_member_count(&self, class_id: Uuid) -> Result<usize, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let row = client
                .query_one(
                    "SELECT COUNT(*) FROM class_members m \
                     JOIN accounts a ON a.id = m.learner_id WHERE m.class_id = $1",
                    &[&class_id.to_string()],
                )
                .await?;
            Ok(usize::try_from(row.try_get::<_, i64>(0)?).unwrap_or(0))
        })
    }

    fn remove_class_member(&self, class_id: Uuid, learner_id: Uuid) -> Result<bool, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let deleted = client
                .execute(
                    "DELETE FROM class_members WHERE class_id = $1 AND learner_id = $2",
                    &[&class_id.to_string(), &learner_id.to_string()],
                )
                .await?;
            Ok(deleted > 0)
        })
    }

    fn rename_class(&self, class_id: Uuid, name: &str) -> Result<bool, StoreError> {
        let name = name.to_owned();
        self.run(|pool| async move {
            let client = pool.get().await?;
            let updated = client
                .execute(
                    "UPDATE classes SET name = $2 WHERE id = $1",
                    &[&class_id.to_string(), &name],
                )
                .await?;
            Ok(updated > 0)
        })
    }

    fn set_join_code(&self, class_id: Uuid, join_code: &str) -> Result<bool, StoreError> {
        let join_code = join_code.to_owned();
        self.run(|pool| async move {
            let client = pool.get().await?;
            match client
                .execute(
                    "UPDATE classes SET join_code = $2 WHERE id = $1",
                    &[&class_id.to_string(), &join_code],
                )
                .await
            {
                Ok(updated) => Ok(updated > 0),
                Err(error) if is_unique_violation(&error) => Err(StoreError::JoinCodeTaken),
                Err(error) => Err(error.into()),
            }
        })
    }

    fn create_assignment(&self, assignment: &AssignmentRecord) -> Result<(), StoreError> {
        let assignment = assignment.clone();
        self.run(|pool| async move {
            let client = pool.get().await?;
            let (lesson_ids, learner_ids) = assignment_lists(&assignment);
            let inserted = client
                .execute(
                    &format!(
                        "INSERT INTO assignments ({ASSIGNMENT_COLUMNS}) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                    ),
                    &[
                        &assignment.id.to_string(),
                        &assignment.class_id.to_string(),
                        &assignment.assigned_by.to_string(),
                        &assignment.target.course_id,
                        &assignment.target.unit_id,
                        &assignment.target.lesson_id,
                        &lesson_ids,
                        &learner_ids,
                        &micros(assignment.due_at),
                        &assignment.note,
                        &micros(assignment.created_at),
                        &micros(assignment.updated_at),
                        &assignment.deleted_at.map(micros),
                    ],
                )
                .await;
            match inserted {
                Ok(_) => Ok(()),
                Err(error) if is_unique_violation(&error) => {
                    Err(StoreError::AssignmentExists(assignment.id))
                }
                Err(error) => Err(error.into()),
            }
        })
    }

    fn assignment_by_id(&self, id: Uuid) -> Result<Option<AssignmentRecord>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let row = client
                .query_opt(
                    &format!("SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE id = $1"),
                    &[&id.to_string()],
                )
                .await?;
            row.as_ref().map(assignment_from_row).transpose()
        })
    }

    fn update_assignment(&self, assignment: &AssignmentRecord) -> Result<bool, StoreError> {
        let assignment = assignment.clone();
        self.run(|pool| async move {
            let client = pool.get().await?;
            let (lesson_ids, learner_ids) = assignment_lists(&assignment);
            let updated = client
                .execute(
                    "UPDATE assignments SET course_id = $2, unit_id = $3, lesson_id = $4, \
                     lesson_ids = $5, learner_ids = $6, due_at_micros = $7, note = $8, \
                     updated_at_micros = $9, deleted_at_micros = $10 WHERE id = $1",
                    &[
                        &assignment.id.to_string(),
                        &assignment.target.course_id,
                        &assignment.target.unit_id,
                        &assignment.target.lesson_id,
                        &lesson_ids,
                        &learner_ids,
                        &micros(assignment.due_at),
                        &assignment.note,
                        &micros(assignment.updated_at),
                        &assignment.deleted_at.map(micros),
                    ],
                )
                .await?;
            Ok(updated > 0)
        })
    }

    fn assignments_of_class(&self, class_id: Uuid) -> Result<Vec<AssignmentRecord>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let rows = client
                .query(
                    &format!(
                        "SELECT {ASSIGNMENT_COLUMNS} FROM assignments \
                         WHERE class_id = $1 AND deleted_at_micros IS NULL \
                         ORDER BY due_at_micros, created_at_micros, id"
                    ),
                    &[&class_id.to_string()],
                )
                .await?;
            rows.iter().map(assignment_from_row).collect()
        })
    }

    fn insert_statements(
        &self,
        statements: &[NewStatement],
        charge: &DailyCharge,
    ) -> Result<(), StoreError> {
        let statements = statements.to_vec();
        let charge = *charge;
        self.run(|pool| async move {
            let mut client = pool.get().await?;
            statements::insert_batch(&mut client, &statements, &charge).await
        })
    }

    fn consistent_through(&self) -> Result<DateTime<Utc>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            statements::consistent_through(&client).await
        })
    }

    fn document(&self, key: &DocumentKey) -> Result<Option<StoredDocument>, StoreError> {
        let key = key.clone();
        self.run(|pool| async move { documents::document(&pool, &key).await })
    }

    fn document_ids(
        &self,
        scope: &DocumentScopeKey,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        let scope = scope.clone();
        self.run(|pool| async move { documents::document_ids(&pool, &scope, since).await })
    }

    fn write_document(
        &self,
        key: &DocumentKey,
        write: DocumentWrite,
        if_match: Option<String>,
        if_none_match: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<DocumentOutcome, StoreError> {
        let key = key.clone();
        self.run(|pool| async move {
            let preconditions = Preconditions {
                if_match: if_match.as_deref(),
                if_none_match: if_none_match.as_deref(),
            };
            documents::write_document(&pool, &key, write, preconditions, now).await
        })
    }

    fn delete_documents(&self, scope: &DocumentScopeKey) -> Result<usize, StoreError> {
        let scope = scope.clone();
        self.run(|pool| async move { documents::delete_documents(&pool, &scope).await })
    }

    fn learner_reports(
        &self,
        actor_keys: &[String],
    ) -> Result<BTreeMap<String, LearnerReport>, StoreError> {
        let actor_keys = actor_keys.to_vec();
        self.run(|pool| async move {
            let client = pool.get().await?;
            progress::read_reports(&**client, &actor_keys).await
        })
    }

    fn statement_by_id(&self, id: Uuid) -> Result<Option<StoredStatement>, StoreError> {
        self.run(|pool| async move {
            let client = pool.get().await?;
            let row = client
                .query_opt(
                    &format!("SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = $1"),
                    &[&id.to_string()],
                )
                .await?;
            row.as_ref().map(statement_from_row).transpose()
        })
    }

    fn query_statements(&self, query: &StatementQuery) -> Result<Vec<StoredStatement>, StoreError> {
        let query = query.clone();
        self.run(|pool| async move {
            let client = pool.get().await?;
            statements::query(&client, &query).await
        })
    }

    fn take_rate_tokens(
        &self,
        takes: &[BucketTake],
        now: DateTime<Utc>,
    ) -> Result<TakeOutcome, StoreError> {
        let takes = takes.to_vec();
        let now = micros(now);
        let prune = self.bucket_prune.due(now);
        self.run(|pool| async move { buckets::take(&pool, &takes, now, prune).await })
    }

    fn rate_limit_key(&self) -> Result<[u8; 32], StoreError> {
        self.run(|pool| async move { buckets::key(&pool).await })
    }

    fn configure_forwarding(&self, endpoint: Option<&str>) -> Result<u64, StoreError> {
        let endpoint = endpoint.map(str::to_owned);
        self.run(|pool| async move { forward::configure(&pool, endpoint).await })
    }

    fn take_forward_lease(
        &self,
        holder: Uuid,
        now_micros: i64,
        until_micros: i64,
    ) -> Result<bool, StoreError> {
        self.run(|pool| async move {
            forward::take_lease(&pool, holder, now_micros, until_micros).await
        })
    }

    fn forward_outbox(&self, limit: usize) -> Result<Vec<OutboxEntry>, StoreError> {
        self.run(|pool| async move { forward::outbox(&pool, limit).await })
    }

    fn forwarded(
        &self,
        holder: Uuid,
        sequences: &[i64],
        now_micros: i64,
    ) -> Result<bool, StoreError> {
        let sequences = sequences.to_vec();
        self.run(
            |pool| async move { forward::forwarded(&pool, holder, sequences, now_micros).await },
        )
    }

    fn forward_failed(&self, message: &str, now_micros: i64) -> Result<(), StoreError> {
        let message = message.to_owned();
        self.run(|pool| async move { forward::failed(&pool, message, now_micros).await })
    }

    fn forward_status(&self) -> Result<ForwardStatus, StoreError> {
        self.run(|pool| async move { forward::status(&pool).await })
    }

    fn check_ins_of(&self, actor_keys: &[String]) -> Result<Vec<StoredCheckIn>, StoreError> {
        let actor_keys = actor_keys.to_vec();
        self.run(|pool| async move { wellbeing::check_ins_of(&pool, actor_keys).await })
    }

    fn mark_check_in_seen(
        &self,
        statement_id: Uuid,
        teacher_id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        self.run(
            |pool| async move { wellbeing::mark_seen(&pool, statement_id, teacher_id, at).await },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_space_codes_are_told_apart_from_other_failures() {
        for code in [
            SqlState::DISK_FULL,
            SqlState::OUT_OF_MEMORY,
            SqlState::CONFIGURATION_LIMIT_EXCEEDED,
            SqlState::IO_ERROR,
        ] {
            assert!(is_out_of_space(&code), "{code:?}");
        }
        for code in [
            SqlState::UNIQUE_VIOLATION,
            SqlState::T_R_SERIALIZATION_FAILURE,
            SqlState::SYNTAX_ERROR,
            SqlState::TOO_MANY_CONNECTIONS,
        ] {
            assert!(!is_out_of_space(&code), "{code:?}");
        }
    }
}
