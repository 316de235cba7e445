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

mod accounts;
mod buckets;
mod certificates;
mod classes;
mod documents;
mod enrolment;
mod forward;
mod progress;
mod rows;
mod schema;
mod sites;
mod statements;
mod wellbeing;

use std::collections::BTreeMap;
use std::future::Future;

use baeum_core::progress::LearnerReport;
use baeum_core::records::enrolment::{ApplicationChange, Enrolment, EnrolmentError};
use chrono::{DateTime, Utc};
use deadpool_postgres::{Manager, ManagerConfig, Pool, PoolError, RecyclingMethod};
use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;
use uuid::Uuid;

use rows::{micros, statement_from_row, STATEMENT_COLUMNS};

use super::buckets::PruneClock;
use baeum_core::xapi::documents::Preconditions;

use super::{
    AccountRecord, ApplicationOwner, ApplicationRecord, Applied, AssignmentRecord, BucketTake,
    CertificateRecord, ClassMemberRecord, ClassRecord, ClassTeacherRecord, DailyCharge,
    DocumentKey, DocumentOutcome, DocumentScopeKey, DocumentWrite, ForwardStatus, NewStatement,
    OutboxEntry, SigningKeyRecord, SiteRecord, SiteRole, StatementQuery, Store, StoreError,
    StoredCheckIn, StoredDocument, StoredStatement, TakeOutcome,
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
        accounts::create_account(self, account)
    }

    fn account_by_username(&self, username: &str) -> Result<Option<AccountRecord>, StoreError> {
        accounts::account_by_username(self, username)
    }

    fn account_by_id(&self, id: Uuid) -> Result<Option<AccountRecord>, StoreError> {
        accounts::account_by_id(self, id)
    }

    fn create_session(
        &self,
        token_sha256: [u8; 32],
        account_id: Uuid,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        accounts::create_session(self, token_sha256, account_id, expires_at)
    }

    fn account_for_session(
        &self,
        token_sha256: [u8; 32],
        now: DateTime<Utc>,
    ) -> Result<Option<AccountRecord>, StoreError> {
        accounts::account_for_session(self, token_sha256, now)
    }

    fn delete_session(&self, token_sha256: [u8; 32]) -> Result<bool, StoreError> {
        accounts::delete_session(self, token_sha256)
    }

    fn delete_sessions_of_account(&self, account_id: Uuid) -> Result<usize, StoreError> {
        accounts::delete_sessions_of_account(self, account_id)
    }

    fn set_password_hash(
        &self,
        account_id: Uuid,
        password_hash: &str,
        keep_session: Option<[u8; 32]>,
    ) -> Result<bool, StoreError> {
        accounts::set_password_hash(self, account_id, password_hash, keep_session)
    }

    fn delete_account(&self, account_id: Uuid, actor_key: &str) -> Result<bool, StoreError> {
        accounts::delete_account(self, account_id, actor_key)
    }

    fn create_teacher_invitation(
        &self,
        code_sha256: [u8; 32],
        created_by: Option<Uuid>,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        site_id: Option<&str>,
    ) -> Result<(), StoreError> {
        accounts::create_teacher_invitation(
            self,
            code_sha256,
            created_by,
            created_at,
            expires_at,
            site_id,
        )
    }

    fn create_account_with_invitation(
        &self,
        account: &AccountRecord,
        code_sha256: [u8; 32],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        accounts::create_account_with_invitation(self, account, code_sha256, now)
    }

    fn create_class(&self, class: &ClassRecord) -> Result<(), StoreError> {
        classes::create_class(self, class)
    }

    fn class_by_join_code(&self, join_code: &str) -> Result<Option<ClassRecord>, StoreError> {
        classes::class_by_join_code(self, join_code)
    }

    fn add_class_member(
        &self,
        class_id: Uuid,
        learner_id: Uuid,
        site_id: Option<&str>,
    ) -> Result<(), StoreError> {
        classes::add_class_member(self, class_id, learner_id, site_id)
    }

    fn learners_of_teacher(&self, teacher_id: Uuid) -> Result<Vec<Uuid>, StoreError> {
        classes::learners_of_teacher(self, teacher_id)
    }

    fn class_by_id(&self, class_id: Uuid) -> Result<Option<ClassRecord>, StoreError> {
        classes::class_by_id(self, class_id)
    }

    fn classes_of_teacher(&self, teacher_id: Uuid) -> Result<Vec<ClassRecord>, StoreError> {
        classes::classes_of_teacher(self, teacher_id)
    }

    fn classes_of_learner(&self, learner_id: Uuid) -> Result<Vec<ClassRecord>, StoreError> {
        classes::classes_of_learner(self, learner_id)
    }

    fn class_members(&self, class_id: Uuid) -> Result<Vec<ClassMemberRecord>, StoreError> {
        classes::class_members(self, class_id)
    }

    fn class_member_count(&self, class_id: Uuid) -> Result<usize, StoreError> {
        classes::class_member_count(self, class_id)
    }

    fn remove_class_member(&self, class_id: Uuid, learner_id: Uuid) -> Result<bool, StoreError> {
        classes::remove_class_member(self, class_id, learner_id)
    }

    fn rename_class(&self, class_id: Uuid, name: &str) -> Result<bool, StoreError> {
        classes::rename_class(self, class_id, name)
    }

    fn set_join_code(&self, class_id: Uuid, join_code: &str) -> Result<bool, StoreError> {
        classes::set_join_code(self, class_id, join_code)
    }

    fn class_by_teacher_code(&self, code: &str) -> Result<Option<ClassRecord>, StoreError> {
        classes::class_by_teacher_code(self, code)
    }

    fn set_teacher_code(&self, class_id: Uuid, code: Option<&str>) -> Result<bool, StoreError> {
        classes::set_teacher_code(self, class_id, code)
    }

    fn add_class_teacher(
        &self,
        class_id: Uuid,
        teacher_id: Uuid,
        site_id: Option<&str>,
    ) -> Result<(), StoreError> {
        classes::add_class_teacher(self, class_id, teacher_id, site_id)
    }

    fn remove_class_teacher(&self, class_id: Uuid, teacher_id: Uuid) -> Result<bool, StoreError> {
        classes::remove_class_teacher(self, class_id, teacher_id)
    }

    fn class_teachers(&self, class_id: Uuid) -> Result<Vec<ClassTeacherRecord>, StoreError> {
        classes::class_teachers(self, class_id)
    }

    fn create_assignment(&self, assignment: &AssignmentRecord) -> Result<(), StoreError> {
        classes::create_assignment(self, assignment)
    }

    fn assignment_by_id(&self, id: Uuid) -> Result<Option<AssignmentRecord>, StoreError> {
        classes::assignment_by_id(self, id)
    }

    fn update_assignment(&self, assignment: &AssignmentRecord) -> Result<bool, StoreError> {
        classes::update_assignment(self, assignment)
    }

    fn assignments_of_class(&self, class_id: Uuid) -> Result<Vec<AssignmentRecord>, StoreError> {
        classes::assignments_of_class(self, class_id)
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

    fn sites(&self) -> Result<Vec<SiteRecord>, StoreError> {
        sites::sites(self)
    }

    fn put_site(&self, site: &SiteRecord) -> Result<(), StoreError> {
        sites::put_site(self, site)
    }

    fn delete_site(&self, id: &str) -> Result<bool, StoreError> {
        sites::delete_site(self, id)
    }

    fn signing_keys(&self) -> Result<Vec<SigningKeyRecord>, StoreError> {
        certificates::signing_keys(self)
    }

    fn current_signing_key(
        &self,
        candidate: &SigningKeyRecord,
    ) -> Result<SigningKeyRecord, StoreError> {
        certificates::current_signing_key(self, candidate)
    }

    fn rotate_signing_key(&self, new: &SigningKeyRecord) -> Result<(), StoreError> {
        certificates::rotate_signing_key(self, new)
    }

    fn issue_certificate(
        &self,
        certificate: &CertificateRecord,
    ) -> Result<CertificateRecord, StoreError> {
        certificates::issue_certificate(self, certificate)
    }

    fn certificates_of_account(
        &self,
        account_id: Uuid,
    ) -> Result<Vec<CertificateRecord>, StoreError> {
        certificates::certificates_of_account(self, account_id)
    }

    fn certificates_of_site(&self, site_id: &str) -> Result<Vec<CertificateRecord>, StoreError> {
        certificates::certificates_of_site(self, site_id)
    }

    fn revoke_certificate(
        &self,
        site_id: &str,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        certificates::revoke_certificate(self, site_id, id, at)
    }

    fn revocations(&self) -> Result<Vec<(Uuid, DateTime<Utc>)>, StoreError> {
        certificates::revocations(self)
    }

    fn enrolments_of_site(&self, site_id: &str) -> Result<Vec<(String, Enrolment)>, StoreError> {
        enrolment::enrolments_of_site(self, site_id)
    }

    fn set_enrolment(
        &self,
        site_id: &str,
        course_id: &str,
        enrolment: &Enrolment,
    ) -> Result<(), StoreError> {
        enrolment::set_enrolment(self, site_id, course_id, enrolment)
    }

    fn apply_for_course(&self, application: &ApplicationRecord) -> Result<Applied, StoreError> {
        enrolment::apply_for_course(self, application)
    }

    fn applications_of_account(
        &self,
        account_id: Uuid,
    ) -> Result<Vec<ApplicationRecord>, StoreError> {
        enrolment::applications_of_account(self, account_id)
    }

    fn applications_of_site(&self, site_id: &str) -> Result<Vec<ApplicationRecord>, StoreError> {
        enrolment::applications_of_site(self, site_id)
    }

    fn live_applications(
        &self,
        site_id: &str,
        course_id: &str,
    ) -> Result<Vec<ApplicationRecord>, StoreError> {
        enrolment::live_applications(self, site_id, course_id)
    }

    fn change_application(
        &self,
        id: Uuid,
        owner: &ApplicationOwner,
        change: &ApplicationChange,
        at: DateTime<Utc>,
    ) -> Result<Option<Result<ApplicationRecord, EnrolmentError>>, StoreError> {
        enrolment::change_application(self, id, owner, change, at)
    }

    fn set_site_featured(&self, site_id: &str, featured: &[String]) -> Result<bool, StoreError> {
        sites::set_featured(self, site_id, featured)
    }

    fn site_role(&self, site_id: &str, account_id: Uuid) -> Result<Option<SiteRole>, StoreError> {
        sites::site_role(self, site_id, account_id)
    }

    fn set_site_role(
        &self,
        site_id: &str,
        account_id: Uuid,
        role: Option<SiteRole>,
    ) -> Result<(), StoreError> {
        sites::set_site_role(self, site_id, account_id, role)
    }

    fn site_staff(&self, site_id: &str) -> Result<Vec<(Uuid, String, SiteRole)>, StoreError> {
        sites::site_staff(self, site_id)
    }

    fn learners_of_site(&self, site_id: &str) -> Result<Vec<Uuid>, StoreError> {
        sites::learners_of_site(self, site_id)
    }

    fn adopt_classes(&self, site_id: &str) -> Result<usize, StoreError> {
        sites::adopt_classes(self, site_id)
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
