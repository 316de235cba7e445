//! Persistent storage behind one trait, with two engines: SQLite (`sqlite`, the embedded
//! default for one school) and PostgreSQL (`postgres`, for a deployment an operator runs and
//! replicates). [`open_store`] picks one from a database URL.
//!
//! [`Store`] is synchronous: the SQLite implementation does blocking I/O, and the HTTP
//! handlers call it through [`run_blocking`], which moves the call onto tokio's blocking thread
//! pool so a slow disk never stalls the async workers. The PostgreSQL implementation is async
//! inside (a connection pool on a runtime of its own) and answers the same calls; handlers
//! only see `Arc<dyn Store>`.
//!
//! The store knows accounts, sessions, classes and statements. It does not know HTTP or
//! permissions: the handlers decide who may read or write what and pass the store plain
//! filters (for example, the actor keys a teacher may read).
//!
//! Each learner's progress as the teacher's reports read it is kept in tables of its own,
//! written with the statements in one transaction (`progress.rs`), so a report reads a few
//! rows per learner instead of every statement.
//!
//! Rate-limit buckets live in the database too (`buckets.rs`), like sessions and statements,
//! so several server instances on one database count the same attempts.
//!
//! Forwarding to another learning record store keeps its outbox, lease and status in the
//! database too (`forward.rs`), filled in the statements' own transaction (on PostgreSQL by a
//! trigger, on SQLite by the insert).
//!
//! Both engines number their schema migrations (each engine its own list) and refuse a
//! database written by a newer baeum ([`StoreError::SchemaTooNew`]).

/// The SQL condition, on a statement row `s`, that only its actor may read it: core's private
/// verbs (`wellbeing::PRIVATE_VERB_IDS`, which a test below holds equal to the one written
/// here), or a statement voiding one of them. The same text on both engines; a macro so each
/// engine's column list can take it in with `concat!`.
macro_rules! private_condition {
    () => {
        "(s.verb_id = 'https://baeum.invalid/xapi/verbs/checked-in' OR (s.voids_id IS NOT NULL \
         AND EXISTS (SELECT 1 FROM statements p WHERE p.id = s.voids_id \
         AND p.verb_id = 'https://baeum.invalid/xapi/verbs/checked-in')))"
    };
}

/// See [`private_condition`].
const PRIVATE_CONDITION: &str = private_condition!();

/// The columns every statement read takes, from a row `s`, in the order each engine's
/// `rows.rs` reads them: the last is whether the row is private ([`private_condition`]).
const STATEMENT_COLUMNS: &str = concat!(
    "s.sequence, s.id, s.stored_micros, s.actor_key, s.voided, s.voids_id IS NOT NULL, s.body, ",
    private_condition!()
);

mod backup;
mod buckets;
mod certificates;
mod clock;
mod documents;
mod enrolment;
mod forward;
mod postgres;
mod progress;
mod sites;
mod sqlite;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use baeum_core::progress::LearnerReport;
use baeum_core::records::enrolment::{ApplicationChange, Enrolment, EnrolmentError};
use baeum_core::xapi::{Statement, Timestamp};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

pub use backup::{backup_database, BackupError, BackupSummary};
pub use buckets::{BucketTake, TakeOutcome, PRUNE_EVERY_SECONDS};
pub use certificates::{CertificateRecord, SigningKeyRecord};
pub use clock::WriteClock;
pub use documents::{
    Document, DocumentKey, DocumentOutcome, DocumentScopeKey, DocumentWrite, StoredDocument,
};
pub use enrolment::{ApplicationOwner, ApplicationRecord, Applied};
pub use forward::{ForwardStatus, OutboxEntry};
pub use postgres::PostgresStore;
pub use sites::{SiteRecord, SiteRole};
pub use sqlite::{SqliteStore, DATABASE_FILE_NAME};

/// An engine's own error, kept as the cause of [`StoreError::Database`] and
/// [`StoreError::InsufficientStorage`].
pub type EngineError = Box<dyn std::error::Error + Send + Sync>;

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(EngineError),
    /// The disk (or the database's size cap) is full, or the disk failed to write, or the
    /// database server ran out of memory or space: nothing of the failed call was stored.
    #[error("the database cannot grow or write: {0}")]
    InsufficientStorage(EngineError),
    #[error("{0} is not a database this server can use (a postgres:// or postgresql:// URL)")]
    UnsupportedDatabaseUrl(String),
    #[error("cannot create the data directory {path}: {source}")]
    DataDirectory {
        path: String,
        source: std::io::Error,
    },
    #[error("the database was written by a newer baeum (schema version {found}, this build knows up to {known})")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("username is already taken")]
    UsernameTaken,
    #[error("join code is already in use")]
    JoinCodeTaken,
    #[error("assignment {0} already exists")]
    AssignmentExists(Uuid),
    /// A batch of statements was refused as a whole; nothing of it was stored.
    #[error("the batch was refused: {} ids already taken, {} voids of another actor's statement", .0.conflicts.len(), .0.foreign_voids.len())]
    BatchRefused(BatchRefusal),
    /// The account reached a daily limit; nothing of the batch was stored.
    #[error("the daily limit of {limit} {} for one account is reached ({used} used on {day})", .kind.unit())]
    DailyLimitReached {
        kind: DailyLimitKind,
        limit: u64,
        used: u64,
        /// The UTC day the limit applies to; it lifts at the start of the next one.
        day: NaiveDate,
    },
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("the storage task stopped unexpectedly")]
    TaskFailed,
    #[error("teacher invitation is unknown, used or expired")]
    InvitationInvalid,
    #[error("the host {host} already belongs to the site {site}")]
    HostTaken { host: String, site: String },
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        // A full disk, a full size cap and a failed write are the storage's problem, not the
        // request's: they get their own answer (507) so clients keep what they sent.
        let out_of_space = matches!(
            &error,
            rusqlite::Error::SqliteFailure(failure, _)
                if matches!(
                    failure.code,
                    rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure
                )
        );
        if out_of_space {
            StoreError::InsufficientStorage(Box::new(error))
        } else {
            StoreError::Database(Box::new(error))
        }
    }
}

/// What a batch of statements was refused for, statement by statement (see
/// [`Store::insert_statements`]).
#[derive(Debug, Clone, Default)]
pub struct BatchRefusal {
    /// Stored statements whose id a new statement reuses with a different body.
    pub conflicts: Vec<StoredStatement>,
    /// Voiding statements whose target is a stored statement of another actor.
    pub foreign_voids: Vec<ForeignVoid>,
}

/// A voiding statement aimed at a statement of another actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignVoid {
    /// The voiding statement.
    pub voiding_id: Uuid,
    /// The statement it tried to void.
    pub target_id: Uuid,
}

/// Which daily limit was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DailyLimitKind {
    Statements,
    Bytes,
}

impl DailyLimitKind {
    pub fn unit(self) -> &'static str {
        match self {
            DailyLimitKind::Statements => "statements",
            DailyLimitKind::Bytes => "bytes of statements",
        }
    }
}

/// How much one account may store per UTC day. A busy learner stores a few hundred statements
/// of about 1 KB a day (a week offline, a few thousand at once); the defaults leave room for
/// that many times over while keeping one account (or a stolen credential) from filling the
/// disk and locking everyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyLimits {
    pub statements: u64,
    pub bytes: u64,
}

impl DailyLimits {
    pub const DEFAULT_STATEMENTS: u64 = 10_000;
    pub const DEFAULT_BYTES: u64 = 32 * 1024 * 1024;
}

impl Default for DailyLimits {
    fn default() -> Self {
        Self {
            statements: Self::DEFAULT_STATEMENTS,
            bytes: Self::DEFAULT_BYTES,
        }
    }
}

/// Whom a batch is charged to: new statements (not retries of stored ones) count against the
/// account's usage of the UTC day of `stored`.
#[derive(Debug, Clone, Copy)]
pub struct DailyCharge {
    pub account_id: Uuid,
    pub day: NaiveDate,
    pub limits: DailyLimits,
}

/// The three kinds of account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Writes and reads statements about themself.
    Learner,
    /// Owns classes and reads statements about the learners in them.
    Teacher,
    /// Writes statements about anyone and reads everything (imports, tools, support).
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Teacher => "teacher",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "learner" => Some(Role::Learner),
            "teacher" => Some(Role::Teacher),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// An account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRecord {
    /// Stable and never reused; it is the `name` of the account's xAPI actor.
    pub id: Uuid,
    /// Normalized (NFC, lowercase) login name.
    pub username: String,
    pub role: Role,
    /// Argon2id hash in PHC string format (parameters and salt included).
    pub password_hash: String,
    pub created_at: DateTime<Utc>,
}

/// A class: owned by one teacher, joined by learners with its join code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassRecord {
    pub id: Uuid,
    pub teacher_id: Uuid,
    pub name: String,
    pub join_code: String,
    pub created_at: DateTime<Utc>,
    /// The site it was made at; `None`: an address that is no site's (`sites.rs`). A joint
    /// class is also at each of its other teachers' sites ([`ClassTeacherRecord`]).
    pub site_id: Option<String>,
    /// The code another teacher enters at their own site to teach the class with its owner
    /// (a joint class); `None` when the owner has not made one or has withdrawn it.
    pub teacher_code: Option<String>,
}

/// A teacher of a class besides its owner (a joint class, `class_teachers`), and the site they
/// teach it from: the site at whose address they took it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassTeacherRecord {
    pub teacher_id: Uuid,
    pub username: String,
    pub site_id: Option<String>,
}

/// A learner in a class, as the class's teacher sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassMemberRecord {
    pub learner_id: Uuid,
    pub username: String,
    /// The highest statement sequence stored when the learner (last) joined: what they shared
    /// with the class before is not shown to its teacher (0 for members from before the
    /// column, whose earlier shares stay visible).
    pub joined_after_sequence: i64,
    /// The site at whose address the learner joined: in a joint class, which school's pupil
    /// they are.
    pub site_id: Option<String>,
}

/// What an assignment covers, by content ids: a whole course, one unit of it, or one lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentTarget {
    pub course_id: String,
    /// Set for a unit or for a lesson (the lesson's unit).
    pub unit_id: Option<String>,
    /// Set for a lesson.
    pub lesson_id: Option<String>,
}

/// A teacher's assignment of content to a class or to some of its learners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentRecord {
    /// Chosen by the client (a UUID) so that a creation queued offline can be retried safely.
    pub id: Uuid,
    pub class_id: Uuid,
    /// The account that created the assignment.
    pub assigned_by: Uuid,
    pub target: AssignmentTarget,
    /// The lessons the target held in the content catalog when it was assigned, in course
    /// order. Kept with the assignment so that its status does not change when a course
    /// gains lessons later, and so that status needs no content files at read time.
    pub lesson_ids: Vec<String>,
    /// The chosen learners, or `None` for everyone in the class (including later joiners).
    pub learner_ids: Option<Vec<Uuid>>,
    pub due_at: DateTime<Utc>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set when the teacher deleted it. Deleted assignments are kept as tombstones so that a
    /// replayed creation from an offline queue cannot bring them back.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A validated statement ready to store: id, authority and version set; the store sets its
/// stored time (and a timestamp, if it has none) with [`NewStatement::stamp`].
#[derive(Debug, Clone)]
pub struct NewStatement {
    pub id: Uuid,
    /// Replaced by the store's time when the batch is written.
    pub stored: DateTime<Utc>,
    /// Identifier key of the actor (see `InverseFunctionalIdentifier::key`); what read
    /// permissions are checked against. Anonymous groups get a key of their own that no
    /// account has.
    pub actor_key: String,
    pub statement: Statement,
}

impl NewStatement {
    /// Sets the stored time, in the record and in the statement, and the statement's
    /// timestamp when it has none (xAPI: the LRS sets it to the stored time).
    pub fn stamp(&mut self, stored: DateTime<Utc>) {
        self.stored = stored;
        self.statement.stored = Some(Timestamp(stored));
        self.statement.timestamp = self.statement.timestamp.or(Some(Timestamp(stored)));
    }
}

/// Copies a batch with every statement stamped with `stored`.
fn stamped(statements: &[NewStatement], stored: DateTime<Utc>) -> Vec<NewStatement> {
    statements
        .iter()
        .cloned()
        .map(|mut new| {
            new.stamp(stored);
            new
        })
        .collect()
}

/// A statement as read back.
#[derive(Debug, Clone)]
pub struct StoredStatement {
    /// Insertion order; ties on `stored` are broken by it.
    pub sequence: i64,
    pub id: Uuid,
    pub stored: DateTime<Utc>,
    pub actor_key: String,
    /// Whether another statement voids this one.
    pub voided: bool,
    /// Whether this statement voids another.
    pub voiding: bool,
    /// Whether only its actor may read it: a statement of a private verb (a check-in), or one
    /// voiding such a statement (withdrawing a shared check-in says it existed). Decided by the
    /// database as the row is read, so a voiding statement that came before its target turns
    /// private when the target arrives.
    pub private: bool,
    /// The statement exactly as stored, serialized.
    pub body: String,
}

/// Where a page of query results ended: the next page starts after this point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageCursor {
    pub stored_micros: i64,
    pub sequence: i64,
}

/// Filters of `GET /xapi/statements`, already validated and resolved.
#[derive(Debug, Clone, Default)]
pub struct StatementQuery {
    /// Identifier key of the `agent` parameter.
    pub agent_key: Option<String>,
    pub related_agents: bool,
    pub verb_id: Option<String>,
    pub activity_id: Option<String>,
    pub related_activities: bool,
    pub registration: Option<Uuid>,
    /// Exclusive lower bound on `stored`.
    pub since: Option<DateTime<Utc>>,
    /// Inclusive upper bound on `stored`.
    pub until: Option<DateTime<Utc>>,
    pub ascending: bool,
    /// At most this many statements are returned (the caller asks for one more than it shows,
    /// to know whether there is a next page).
    pub limit: usize,
    /// Continue after this point (paging).
    pub after: Option<PageCursor>,
    /// Only statements whose actor has one of these keys; `None` means no restriction.
    pub readable_actor_keys: Option<Vec<String>>,
    /// Statements only their actor may read (core's `wellbeing::PRIVATE_VERB_IDS`: check-ins)
    /// are returned only when their actor has this key (the caller's own); `None`: none of
    /// them. Whatever `readable_actor_keys` says, an admin's included.
    pub private_statements_of: Option<String>,
}

/// A stored check-in (core's `wellbeing`), not voided, with when a teacher marked it seen.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCheckIn {
    pub actor_key: String,
    /// The statement's place in the store's order of writes.
    pub sequence: i64,
    /// The statement exactly as stored, serialized.
    pub body: String,
    pub seen_at: Option<DateTime<Utc>>,
}

/// Storage for accounts, sessions, classes and statements.
pub trait Store: Send + Sync + 'static {
    /// Creates an account; [`StoreError::UsernameTaken`] when the username exists.
    fn create_account(&self, account: &AccountRecord) -> Result<(), StoreError>;
    fn account_by_username(&self, username: &str) -> Result<Option<AccountRecord>, StoreError>;
    fn account_by_id(&self, id: Uuid) -> Result<Option<AccountRecord>, StoreError>;

    /// Stores a session under the SHA-256 of its token (the token itself is never stored).
    fn create_session(
        &self,
        token_sha256: [u8; 32],
        account_id: Uuid,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// The account of a session that has neither expired nor been idle for
    /// [`crate::auth::SESSION_IDLE_DAYS`]; its last use is recorded at most once per
    /// [`crate::auth::SESSION_LAST_USE_RESOLUTION_MINUTES`], so reads rarely write.
    fn account_for_session(
        &self,
        token_sha256: [u8; 32],
        now: DateTime<Utc>,
    ) -> Result<Option<AccountRecord>, StoreError>;
    /// Revokes a session; returns whether it existed.
    fn delete_session(&self, token_sha256: [u8; 32]) -> Result<bool, StoreError>;
    /// Ends every session of an account; returns how many there were.
    fn delete_sessions_of_account(&self, account_id: Uuid) -> Result<usize, StoreError>;
    /// Replaces an account's password hash and ends all its sessions but `keep_session`, in
    /// one transaction; returns whether the account exists.
    fn set_password_hash(
        &self,
        account_id: Uuid,
        password_hash: &str,
        keep_session: Option<[u8; 32]>,
    ) -> Result<bool, StoreError>;
    /// Deletes an account with the statements whose actor key is `actor_key`, its sessions,
    /// its class memberships, and (a teacher's) its classes and their assignments, in one
    /// transaction; returns whether the account existed.
    fn delete_account(&self, account_id: Uuid, actor_key: &str) -> Result<bool, StoreError>;
    /// Stores a teacher invitation under the SHA-256 of its code (the code is never stored).
    fn create_teacher_invitation(
        &self,
        code_sha256: [u8; 32],
        created_by: Option<Uuid>,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        site_id: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Creates an account while using up an unexpired, unused invitation, in one transaction:
    /// [`StoreError::InvitationInvalid`] when there is none (nothing is created), and a taken
    /// username leaves the invitation unused. An invitation made at a site makes the account
    /// a teacher of that site in the same transaction.
    fn create_account_with_invitation(
        &self,
        account: &AccountRecord,
        code_sha256: [u8; 32],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Creates a class; [`StoreError::JoinCodeTaken`] when the code collides.
    fn create_class(&self, class: &ClassRecord) -> Result<(), StoreError>;
    fn class_by_join_code(&self, join_code: &str) -> Result<Option<ClassRecord>, StoreError>;
    /// Adds a learner to a class, joining at `site_id` (joining twice is not an error and
    /// keeps the first site).
    fn add_class_member(
        &self,
        class_id: Uuid,
        learner_id: Uuid,
        site_id: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Every learner in any class the teacher owns or teaches with its owner.
    fn learners_of_teacher(&self, teacher_id: Uuid) -> Result<Vec<Uuid>, StoreError>;
    fn class_by_id(&self, class_id: Uuid) -> Result<Option<ClassRecord>, StoreError>;
    /// The classes a teacher owns or teaches with their owners, oldest first.
    fn classes_of_teacher(&self, teacher_id: Uuid) -> Result<Vec<ClassRecord>, StoreError>;
    /// The class whose teacher code this is.
    fn class_by_teacher_code(&self, code: &str) -> Result<Option<ClassRecord>, StoreError>;
    /// Sets or (`None`) withdraws a class's teacher code; [`StoreError::JoinCodeTaken`] when
    /// the code collides. Returns whether the class exists.
    fn set_teacher_code(&self, class_id: Uuid, code: Option<&str>) -> Result<bool, StoreError>;
    /// Makes the account a teacher of the class besides its owner, teaching from `site_id`
    /// (taking it up again moves them to that site).
    fn add_class_teacher(
        &self,
        class_id: Uuid,
        teacher_id: Uuid,
        site_id: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Takes a teacher (not the owner) off a class; returns whether they taught it.
    fn remove_class_teacher(&self, class_id: Uuid, teacher_id: Uuid) -> Result<bool, StoreError>;
    /// A class's teachers besides its owner, by username.
    fn class_teachers(&self, class_id: Uuid) -> Result<Vec<ClassTeacherRecord>, StoreError>;
    /// The classes a learner is currently a member of, oldest first.
    fn classes_of_learner(&self, learner_id: Uuid) -> Result<Vec<ClassRecord>, StoreError>;
    /// The learners currently in a class, by username.
    fn class_members(&self, class_id: Uuid) -> Result<Vec<ClassMemberRecord>, StoreError>;
    /// How many learners are currently in a class: `class_members(class_id)?.len()`, counted.
    fn class_member_count(&self, class_id: Uuid) -> Result<usize, StoreError>;
    /// Removes a learner from a class; returns whether they were in it.
    fn remove_class_member(&self, class_id: Uuid, learner_id: Uuid) -> Result<bool, StoreError>;
    /// Renames a class; returns whether it exists.
    fn rename_class(&self, class_id: Uuid, name: &str) -> Result<bool, StoreError>;
    /// Replaces a class's join code; [`StoreError::JoinCodeTaken`] when the new code collides.
    fn set_join_code(&self, class_id: Uuid, join_code: &str) -> Result<bool, StoreError>;

    /// Creates an assignment; [`StoreError::AssignmentExists`] when its id is taken (also by
    /// a deleted one).
    fn create_assignment(&self, assignment: &AssignmentRecord) -> Result<(), StoreError>;
    /// An assignment by id, deleted or not.
    fn assignment_by_id(&self, id: Uuid) -> Result<Option<AssignmentRecord>, StoreError>;
    /// Replaces the editable fields (target, lessons, learners, due date, note, updated and
    /// deleted times) of an existing assignment; returns whether it exists.
    fn update_assignment(&self, assignment: &AssignmentRecord) -> Result<bool, StoreError>;
    /// The assignments of a class that are not deleted, by due date.
    fn assignments_of_class(&self, class_id: Uuid) -> Result<Vec<AssignmentRecord>, StoreError>;

    /// Stores a batch atomically, in one write transaction, stamping every statement with one
    /// stored time taken inside it (see [`WriteClock`]). A statement whose id exists is
    /// skipped when its body is canonically equal to the stored one, so a retry never changes
    /// anything. The whole batch fails, storing nothing, with:
    /// - [`StoreError::BatchRefused`] naming every statement whose id is held by a different
    ///   stored statement, and every voiding statement whose target is a stored statement of
    ///   another actor (a voiding statement only voids its own actor's statements; checked
    ///   here, in the transaction, so no concurrent write slips between check and insert);
    /// - [`StoreError::DailyLimitReached`] when the new statements would take the charged
    ///   account past a daily limit (usage is kept in the database, so every server process
    ///   on the same database agrees, and it is exact under concurrent requests).
    fn insert_statements(
        &self,
        statements: &[NewStatement],
        charge: &DailyCharge,
    ) -> Result<(), StoreError>;
    /// The time up to which every stored statement is readable now:
    /// `X-Experience-API-Consistent-Through`, taken before a read. SQLite answers from its
    /// process's [`WriteClock`]; PostgreSQL asks the database, which sees the batches in
    /// flight of every instance (`postgres/statements.rs`).
    fn consistent_through(&self) -> Result<DateTime<Utc>, StoreError>;
    /// One xAPI document (State, Agent Profile or Activity Profile resource).
    fn document(&self, key: &DocumentKey) -> Result<Option<StoredDocument>, StoreError>;
    /// The ids of a scope's documents updated after `since` (all without it), with when each
    /// last changed, in id order.
    fn document_ids(
        &self,
        scope: &DocumentScopeKey,
        since: Option<DateTime<Utc>>,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError>;
    /// Writes one document in one transaction: reads the stored one, applies core's
    /// `apply_write` (preconditions, merge) and stores, replaces or deletes, stamped `now`.
    fn write_document(
        &self,
        key: &DocumentKey,
        write: DocumentWrite,
        if_match: Option<String>,
        if_none_match: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<DocumentOutcome, StoreError>;
    /// Deletes every document of a scope (the State resource's multiple-document `DELETE`);
    /// how many there were.
    fn delete_documents(&self, scope: &DocumentScopeKey) -> Result<usize, StoreError>;
    /// The progress of these actors (by actor key) as the teacher's reports read it: core's
    /// fold of each one's stored, non-voided statements, kept up to date by every write (see
    /// `store/progress.rs`), read in one snapshot. An actor without learning statements is
    /// left out.
    fn learner_reports(
        &self,
        actor_keys: &[String],
    ) -> Result<BTreeMap<String, LearnerReport>, StoreError>;
    fn statement_by_id(&self, id: Uuid) -> Result<Option<StoredStatement>, StoreError>;
    /// Non-voided statements matching the query, newest first unless `ascending`. A statement
    /// whose object is a StatementRef matches when the statement it targets matches the
    /// non-time filters, recursively, as the specification's StatementRef rule requires.
    fn query_statements(&self, query: &StatementQuery) -> Result<Vec<StoredStatement>, StoreError>;

    /// Takes one attempt from each bucket in order at `now`, stopping at the first empty one
    /// (see `store/buckets.rs`). Each take is one atomic update of its row, so two server
    /// processes on the database cannot both spend the last attempt. Buckets that are full
    /// again are deleted now and then in the same call.
    fn take_rate_tokens(
        &self,
        takes: &[BucketTake],
        now: DateTime<Utc>,
    ) -> Result<TakeOutcome, StoreError>;
    /// The key `limits.rs` hashes bucket keys with: 32 random bytes made by the first process
    /// that asks and kept in the database, so every instance names a bucket alike.
    fn rate_limit_key(&self) -> Result<[u8; 32], StoreError>;

    /// Names the endpoint statements are forwarded to from now on (`None`: none, and the
    /// outbox stops filling; what is queued stays). Returns how many statements are queued.
    fn configure_forwarding(&self, endpoint: Option<&str>) -> Result<u64, StoreError>;
    /// Takes or renews the forwarding lease for `holder` until `until_micros`, unless another
    /// holder's lease runs past `now_micros`; returns whether `holder` holds it.
    fn take_forward_lease(
        &self,
        holder: Uuid,
        now_micros: i64,
        until_micros: i64,
    ) -> Result<bool, StoreError>;
    /// Up to `limit` queued statements in stored order.
    fn forward_outbox(&self, limit: usize) -> Result<Vec<OutboxEntry>, StoreError>;
    /// Removes these sequences from the outbox and counts them as forwarded, in one
    /// transaction, if `holder` still holds the lease; returns whether it did.
    fn forwarded(
        &self,
        holder: Uuid,
        sequences: &[i64],
        now_micros: i64,
    ) -> Result<bool, StoreError>;
    /// Records why the last forwarding attempt failed, for the admin's status.
    fn forward_failed(&self, message: &str, now_micros: i64) -> Result<(), StoreError>;
    fn forward_status(&self) -> Result<ForwardStatus, StoreError>;

    /// The stored, non-voided check-ins (core's `wellbeing::VERB_CHECKED_IN`) of these actors,
    /// oldest first, each with when it was marked seen (`store/wellbeing.rs` on each engine).
    fn check_ins_of(&self, actor_keys: &[String]) -> Result<Vec<StoredCheckIn>, StoreError>;
    /// Marks a stored check-in seen by `teacher_id` at `at`, unless it already is; returns
    /// when it was first marked seen.
    fn mark_check_in_seen(
        &self,
        statement_id: Uuid,
        teacher_id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError>;

    /// Every site, by id (`store/sites.rs`; few: a province's cities, counties and schools).
    fn sites(&self) -> Result<Vec<SiteRecord>, StoreError>;
    /// Makes or replaces a site whole (its names, hosts and courses) in one transaction; a
    /// host another site answers on is [`StoreError::HostTaken`] and nothing changes.
    fn put_site(&self, site: &SiteRecord) -> Result<(), StoreError>;
    /// Deletes a site, its hosts and its selection; false when there was none.
    fn delete_site(&self, id: &str) -> Result<bool, StoreError>;
    /// Replaces the courses home lists first at the site (checked by the caller, core's
    /// `FeaturedChange`); false when there is no such site.
    fn set_site_featured(&self, site_id: &str, featured: &[String]) -> Result<bool, StoreError>;
    /// What the account is at the site, if staff there.
    fn site_role(&self, site_id: &str, account_id: Uuid) -> Result<Option<SiteRole>, StoreError>;
    /// Makes the account staff of the site in this role, or (`None`) no longer staff.
    fn set_site_role(
        &self,
        site_id: &str,
        account_id: Uuid,
        role: Option<SiteRole>,
    ) -> Result<(), StoreError>;
    /// Moves every class that belongs to no site into this one, with the learners and other
    /// teachers who took it up at no site, and makes their teachers teachers of it (a school
    /// that had its own server becoming a site), in one transaction; returns how many classes
    /// moved.
    fn adopt_classes(&self, site_id: &str) -> Result<usize, StoreError>;
    /// Every learner who joined a class at the site and is in it now (in a joint class, the
    /// site's own pupils).
    fn learners_of_site(&self, site_id: &str) -> Result<Vec<Uuid>, StoreError>;
    /// A site's staff by username: (account, username, role).
    fn site_staff(&self, site_id: &str) -> Result<Vec<(Uuid, String, SiteRole)>, StoreError>;

    // --- certificates (store/certificates.rs) ---
    /// Every site's signing keys, current and retired.
    fn signing_keys(&self) -> Result<Vec<SigningKeyRecord>, StoreError>;
    /// The site's current key; `candidate` becomes it when the site has none (two callers at
    /// once get the same key).
    fn current_signing_key(
        &self,
        candidate: &SigningKeyRecord,
    ) -> Result<SigningKeyRecord, StoreError>;
    /// Retires the site's current key (if any) at `new.created_at` and makes `new` current.
    fn rotate_signing_key(&self, new: &SigningKeyRecord) -> Result<(), StoreError>;
    /// Stores a certificate, unless the account already has a live one for the site and
    /// course: then that one is given back and nothing is stored.
    fn issue_certificate(
        &self,
        certificate: &CertificateRecord,
    ) -> Result<CertificateRecord, StoreError>;
    /// The account's certificates at every site, oldest first.
    fn certificates_of_account(
        &self,
        account_id: Uuid,
    ) -> Result<Vec<CertificateRecord>, StoreError>;
    /// The site's certificates, newest first.
    fn certificates_of_site(&self, site_id: &str) -> Result<Vec<CertificateRecord>, StoreError>;
    /// Revokes the site's certificate `id` at `at` (a second revocation keeps the first
    /// time); false when the site has no such certificate.
    fn revoke_certificate(
        &self,
        site_id: &str,
        id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Every revoked certificate's id and when.
    fn revocations(&self) -> Result<Vec<(Uuid, DateTime<Utc>)>, StoreError>;

    // --- enrolment (store/enrolment.rs) ---
    /// The site's courses that are not open, by course id.
    fn enrolments_of_site(&self, site_id: &str) -> Result<Vec<(String, Enrolment)>, StoreError>;
    /// Sets a course's enrolment at the site (open: its row is taken away).
    fn set_enrolment(
        &self,
        site_id: &str,
        course_id: &str,
        enrolment: &Enrolment,
    ) -> Result<(), StoreError>;
    /// Stores a pending application, unless its id is stored already or the account has a
    /// live one for the course at the site.
    fn apply_for_course(&self, application: &ApplicationRecord) -> Result<Applied, StoreError>;
    /// The account's applications at every site, oldest first.
    fn applications_of_account(
        &self,
        account_id: Uuid,
    ) -> Result<Vec<ApplicationRecord>, StoreError>;
    /// The site's applications, oldest first.
    fn applications_of_site(&self, site_id: &str) -> Result<Vec<ApplicationRecord>, StoreError>;
    /// A course's live (pending or approved) applications at the site, oldest first: what its
    /// waiting list is made of.
    fn live_applications(
        &self,
        site_id: &str,
        course_id: &str,
    ) -> Result<Vec<ApplicationRecord>, StoreError>;
    /// Applies `change` to the application `id` of `owner` (core's `apply_change`, against the
    /// course's enrolment and approved count read in the same transaction). `None` when
    /// `owner` has no such application.
    fn change_application(
        &self,
        id: Uuid,
        owner: &ApplicationOwner,
        change: &ApplicationChange,
        at: DateTime<Utc>,
    ) -> Result<Option<Result<ApplicationRecord, EnrolmentError>>, StoreError>;
}

/// Opens the store a server was told to use: PostgreSQL for a `postgres://` or
/// `postgresql://` URL, else SQLite in `data_dir` (the default).
pub fn open_store(
    database_url: Option<&str>,
    data_dir: &Path,
) -> Result<Arc<dyn Store>, StoreError> {
    match database_url {
        None => Ok(Arc::new(SqliteStore::open(data_dir)?)),
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Ok(Arc::new(PostgresStore::connect(url)?))
        }
        Some(other) => Err(StoreError::UnsupportedDatabaseUrl(redact_url(other))),
    }
}

/// A database URL fit for an error message or a log: its password replaced.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_owned(),
    }
}

/// Runs a blocking store call on tokio's blocking pool.
pub async fn run_blocking<T, F>(store: &Arc<dyn Store>, call: F) -> Result<T, StoreError>
where
    T: Send + 'static,
    F: FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
{
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || call(store.as_ref()))
        .await
        .map_err(|_| StoreError::TaskFailed)?
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The private condition names exactly core's private verbs, and ends each statement read.
    #[test]
    fn the_private_condition_names_cores_private_verbs() {
        assert_eq!(
            baeum_core::wellbeing::PRIVATE_VERB_IDS,
            [baeum_core::wellbeing::VERB_CHECKED_IN]
        );
        let verb = format!("'{}'", baeum_core::wellbeing::VERB_CHECKED_IN);
        assert_eq!(PRIVATE_CONDITION.matches(&verb).count(), 2);
        assert!(STATEMENT_COLUMNS.ends_with(PRIVATE_CONDITION));
    }

    #[test]
    fn a_url_of_another_database_is_refused_by_name_without_its_password() {
        let refused = open_store(
            Some("mysql://baeum:secret@db/baeum"),
            Path::new("/nonexistent"),
        );
        match refused {
            Err(StoreError::UnsupportedDatabaseUrl(url)) => {
                assert_eq!(url, "mysql://baeum:***@db/baeum");
            }
            Err(other) => panic!("refused for another reason: {other}"),
            Ok(_) => panic!("opened a mysql URL"),
        }
    }

    #[test]
    fn an_unreachable_postgresql_is_a_database_error() {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        let refused = open_store(
            Some("postgres://baeum@127.0.0.1:1/baeum"),
            Path::new("/nonexistent"),
        );
        assert!(
            matches!(refused, Err(StoreError::Database(_))),
            "{:?}",
            refused.err()
        );
    }
}
