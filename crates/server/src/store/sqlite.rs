//! The SQLite implementation of [`Store`]: the embedded default, one file at
//! `<data_dir>/baeum.sqlite3`.
//!
//! One writer connection behind a mutex (SQLite serializes writers anyway); pushes of
//! statements that arrive while it is busy are written together in one transaction (group
//! commit, `group_commit.rs`); and reads on
//! connections of their own: in WAL mode a reader sees the last committed state without
//! waiting for the writer, so a teacher's dashboard reading many statements does not hold up
//! pushes and sign-ins. Idle read connections are kept for reuse (a few; more are opened when
//! many reads run at once). A private in-memory database has one connection, which reads use
//! too. The handlers reach the store through `spawn_blocking`, so waiting on the mutex never
//! blocks the async runtime.
//!
//! Settings and why:
//! - WAL journal: readers do not block the writer, and a crash never corrupts the file.
//! - `synchronous = FULL`: a statement acknowledged to a learner's device leaves its outbox
//!   for good (design invariant 2), so it must survive a power cut in a classroom.
//! - The log is checkpointed by a thread of its own (`checkpoint.rs`), not inside a push's
//!   commit.
//! - `temp_store = MEMORY`: the pages a group's savepoints set aside stay in memory.
//! - `busy_timeout`: another process (a backup, the sqlite3 shell) holding the lock briefly
//!   makes us wait instead of failing.
//! - Schema migrations (`schema.rs`) are numbered by `PRAGMA user_version`, applied in one
//!   transaction each.

mod accounts;
mod buckets;
mod certificates;
mod checkpoint;
mod classes;
mod documents;
mod enrolment;
mod forward;
mod group_commit;
mod progress;
mod rows;
mod schema;
mod sites;
mod statements;
mod wellbeing;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use baeum_core::progress::LearnerReport;
use baeum_core::records::enrolment::{ApplicationChange, Enrolment, EnrolmentError};
use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, Connection, OpenFlags, OptionalExtension};
use uuid::Uuid;

use rows::{micros, read_statement_row, statement_from_row, STATEMENT_COLUMNS};

use super::buckets::PruneClock;
use super::{
    AccountRecord, ApplicationOwner, ApplicationRecord, Applied, AssignmentRecord, BucketTake,
    CertificateRecord, ClassMemberRecord, ClassRecord, ClassTeacherRecord, DailyCharge,
    DocumentKey, DocumentOutcome, DocumentScopeKey, DocumentWrite, ForwardStatus, NewStatement,
    OutboxEntry, SigningKeyRecord, SiteRecord, SiteRole, StatementQuery, Store, StoreError,
    StoredCheckIn, StoredDocument, StoredStatement, TakeOutcome, WriteClock,
};
use baeum_core::xapi::documents::Preconditions;

/// The database file name inside the data directory.
pub const DATABASE_FILE_NAME: &str = "baeum.sqlite3";

/// SQLite-backed [`Store`].
pub struct SqliteStore {
    /// The one connection that writes.
    connection: Mutex<Connection>,
    /// The database file read connections open, or `None` for a private in-memory database.
    path: Option<PathBuf>,
    /// Read connections not in use.
    idle_readers: Mutex<Vec<Connection>>,
    /// Pushes of statements waiting for the writer, written together (`group_commit.rs`).
    pushes: group_commit::PushQueue,
    clock: WriteClock,
    /// When this process last deleted full rate-limit buckets.
    bucket_prune: PruneClock,
    /// Checkpoints the log off the writer's path (`checkpoint.rs`); none in memory.
    _checkpointer: Option<checkpoint::Checkpointer>,
}

/// Idle read connections kept open; more run at once when needed, and are closed after.
const IDLE_READERS: usize = 8;
/// Prepared statements the writer keeps.
const WRITER_CACHED_STATEMENTS: usize = 64;

impl SqliteStore {
    /// Opens (creating if needed) `<data_dir>/baeum.sqlite3` and migrates it.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDirectory {
            path: data_dir.display().to_string(),
            source,
        })?;
        let path = data_dir.join(DATABASE_FILE_NAME);
        let connection = Connection::open(&path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(
            None,
            "wal_autocheckpoint",
            checkpoint::WRITER_AUTOCHECKPOINT_PAGES,
        )?;
        let mut store = Self::prepare(connection, Some(path.clone()))?;
        store._checkpointer = Some(checkpoint::Checkpointer::start(&path)?);
        Ok(store)
    }

    /// A private in-memory database, for tests and tools that need no persistence.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut connection: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        // A savepoint (a group written again after a refusal) and a statement that may fail
        // halfway make SQLite copy the pages they change into a sub-journal first. In a
        // temporary file that was a quarter of the writer's time; in memory it is a copy.
        connection.pragma_update(None, "temp_store", "MEMORY")?;
        // Every statement a push runs is kept prepared (`prepare_cached`), with room for the
        // other writes' too; the default (16) made them evict each other.
        connection.set_prepared_statement_cache_capacity(WRITER_CACHED_STATEMENTS);
        schema::migrate(&mut connection)?;
        Ok(Self {
            connection: Mutex::new(connection),
            path,
            idle_readers: Mutex::new(Vec::new()),
            pushes: group_commit::PushQueue::default(),
            clock: WriteClock::default(),
            bucket_prune: PruneClock::default(),
            _checkpointer: None,
        })
    }

    /// Runs `read` on a read connection (the writer's, in memory). A read sees one committed
    /// state: each call is one statement, or SQLite's implicit read transaction around it.
    fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let Some(path) = &self.path else {
            return read(&self.lock());
        };
        let idle = self
            .idle_readers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop();
        let connection = match idle {
            Some(connection) => connection,
            None => {
                // Read-write without create: WAL readers need the shared-memory file writable.
                let connection = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                connection.busy_timeout(std::time::Duration::from_secs(5))?;
                connection.pragma_update(None, "query_only", true)?;
                connection
            }
        };
        let result = read(&connection);
        let mut idle = self
            .idle_readers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if idle.len() < IDLE_READERS {
            idle.push(connection);
        }
        result
    }

    /// Caps the database at about `max_bytes` (SQLite's `max_page_count`): a write that would
    /// grow it further fails with `SQLITE_FULL`, exactly as on a full disk (507, nothing
    /// stored). Tests use it to fill the "disk" for real; a deployment could use it to keep
    /// the database from taking the whole disk.
    pub fn limit_size(&self, max_bytes: u64) -> Result<(), StoreError> {
        let connection = self.lock();
        let page_size: u64 = connection.pragma_query_value(None, "page_size", |row| row.get(0))?;
        let pages = (max_bytes / page_size.max(1)).max(1);
        connection.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent (an open transaction
        // is rolled back when dropped), so a poisoned mutex is safe to keep using.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store for SqliteStore {
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
        self.pushes
            .push(|| self.lock(), &self.clock, statements, charge)
    }

    fn consistent_through(&self) -> Result<DateTime<Utc>, StoreError> {
        Ok(self.clock.consistent_through())
    }

    fn document(&self, key: &DocumentKey) -> Result<Option<StoredDocument>, StoreError> {
        self.read(|connection| documents::document(connection, key))
    }

    fn document_ids(
        &self,
        scope: &DocumentScopeKey,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        self.read(|connection| documents::document_ids(connection, scope, since))
    }

    fn write_document(
        &self,
        key: &DocumentKey,
        write: DocumentWrite,
        if_match: Option<String>,
        if_none_match: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<DocumentOutcome, StoreError> {
        let preconditions = Preconditions {
            if_match: if_match.as_deref(),
            if_none_match: if_none_match.as_deref(),
        };
        documents::write_document(&mut self.lock(), key, write, preconditions, now)
    }

    fn delete_documents(&self, scope: &DocumentScopeKey) -> Result<usize, StoreError> {
        documents::delete_documents(&self.lock(), scope)
    }

    fn learner_reports(
        &self,
        actor_keys: &[String],
    ) -> Result<BTreeMap<String, LearnerReport>, StoreError> {
        self.read(|connection| progress::read_reports(connection, actor_keys))
    }

    fn statement_by_id(&self, id: Uuid) -> Result<Option<StoredStatement>, StoreError> {
        self.read(|connection| {
            connection
                .query_row(
                    &format!("SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.id = ?1"),
                    [id.to_string()],
                    read_statement_row,
                )
                .optional()?
                .map(statement_from_row)
                .transpose()
        })
    }

    fn query_statements(&self, query: &StatementQuery) -> Result<Vec<StoredStatement>, StoreError> {
        let (sql, parameters) = statements::build_query(query);
        self.read(|connection| {
            let mut prepared = connection.prepare(&sql)?;
            let rows = prepared
                .query_map(params_from_iter(parameters), read_statement_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(statement_from_row).collect()
        })
    }

    fn take_rate_tokens(
        &self,
        takes: &[BucketTake],
        now: DateTime<Utc>,
    ) -> Result<TakeOutcome, StoreError> {
        let now = micros(now);
        let prune = self.bucket_prune.due(now);
        buckets::take(&mut self.lock(), takes, now, prune)
    }

    fn rate_limit_key(&self) -> Result<[u8; 32], StoreError> {
        buckets::key(&self.lock())
    }

    fn configure_forwarding(&self, endpoint: Option<&str>) -> Result<u64, StoreError> {
        forward::configure(&self.lock(), endpoint)
    }

    fn take_forward_lease(
        &self,
        holder: Uuid,
        now_micros: i64,
        until_micros: i64,
    ) -> Result<bool, StoreError> {
        forward::take_lease(&self.lock(), holder, now_micros, until_micros)
    }

    fn forward_outbox(&self, limit: usize) -> Result<Vec<OutboxEntry>, StoreError> {
        self.read(|connection| forward::outbox(connection, limit))
    }

    fn forwarded(
        &self,
        holder: Uuid,
        sequences: &[i64],
        now_micros: i64,
    ) -> Result<bool, StoreError> {
        forward::forwarded(&mut self.lock(), holder, sequences, now_micros)
    }

    fn forward_failed(&self, message: &str, now_micros: i64) -> Result<(), StoreError> {
        forward::failed(&self.lock(), message, now_micros)
    }

    fn forward_status(&self) -> Result<ForwardStatus, StoreError> {
        self.read(forward::status)
    }

    fn check_ins_of(&self, actor_keys: &[String]) -> Result<Vec<StoredCheckIn>, StoreError> {
        self.read(|connection| wellbeing::check_ins_of(connection, actor_keys))
    }

    fn mark_check_in_seen(
        &self,
        statement_id: Uuid,
        teacher_id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        wellbeing::mark_seen(&self.lock(), statement_id, teacher_id, at)
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
