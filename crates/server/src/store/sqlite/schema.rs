//! SQLite's schema migrations, numbered by `PRAGMA user_version` and applied at start in one
//! transaction each (PostgreSQL's list is its own, in `postgres/schema.rs`). A migration whose
//! new table is derived from the statements fills it in Rust in the same transaction.

use rusqlite::Connection;

use crate::store::StoreError;

/// Schema migrations; migration `n` (0-based) brings `user_version` from `n` to `n + 1`.
/// Never edit a released migration: append a new one.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('learner', 'teacher', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_sha256 BLOB PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at_micros INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);
CREATE TABLE classes (
    id TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE INDEX classes_by_teacher ON classes (teacher_id);
CREATE TABLE class_members (
    class_id TEXT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    learner_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (class_id, learner_id)
);
CREATE TABLE statements (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    stored_micros INTEGER NOT NULL,
    actor_key TEXT NOT NULL,
    verb_id TEXT NOT NULL,
    activity_id TEXT,
    registration TEXT,
    target_id TEXT,
    voids_id TEXT,
    voided INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statements_by_stored ON statements (stored_micros, sequence);
CREATE INDEX statements_by_actor ON statements (actor_key, stored_micros);
CREATE INDEX statements_by_verb ON statements (verb_id);
CREATE INDEX statements_by_activity ON statements (activity_id);
CREATE INDEX statements_by_registration ON statements (registration);
CREATE INDEX statements_by_target ON statements (target_id);
CREATE INDEX statements_by_voided_id ON statements (voids_id);
-- related_only = 0: matches the plain `agent` filter (actor or object);
-- related_only = 1: matches only with related_agents=true (authority, context, substatement).
CREATE TABLE statement_agents (
    agent_key TEXT NOT NULL,
    sequence INTEGER NOT NULL REFERENCES statements (sequence),
    related_only INTEGER NOT NULL,
    PRIMARY KEY (agent_key, sequence)
) WITHOUT ROWID;
CREATE TABLE statement_activities (
    activity_id TEXT NOT NULL,
    sequence INTEGER NOT NULL REFERENCES statements (sequence),
    PRIMARY KEY (activity_id, sequence)
) WITHOUT ROWID;
"#,
    r#"
CREATE INDEX class_members_by_learner ON class_members (learner_id);
-- lesson_ids and learner_ids are JSON arrays (learner_ids NULL: the whole class); they are
-- always read and written with the assignment, never queried into.
CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    class_id TEXT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    assigned_by TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL,
    unit_id TEXT,
    lesson_id TEXT,
    lesson_ids TEXT NOT NULL,
    learner_ids TEXT,
    due_at_micros INTEGER NOT NULL,
    note TEXT,
    created_at_micros INTEGER NOT NULL,
    updated_at_micros INTEGER NOT NULL,
    deleted_at_micros INTEGER
);
CREATE INDEX assignments_by_class ON assignments (class_id, due_at_micros);
"#,
    r#"
-- Per-account daily statement usage (limits), one row per account and UTC day
-- (YYYY-MM-DD); older days are deleted as the account writes, and with the account.
CREATE TABLE statement_usage (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    statements INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    PRIMARY KEY (account_id, day)
) WITHOUT ROWID;
"#,
    r#"
-- Sessions expire when idle; teacher invitations.
-- Existing sessions count as used now, so the upgrade signs nobody out.
ALTER TABLE sessions ADD COLUMN last_used_micros INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_used_micros = CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER);
-- Only the SHA-256 of an invitation code is kept, like session tokens.
CREATE TABLE teacher_invitations (
    code_sha256 BLOB PRIMARY KEY,
    created_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at_micros INTEGER NOT NULL,
    expires_at_micros INTEGER NOT NULL,
    used_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    used_at_micros INTEGER
);
"#,
    r#"
-- Each learner's progress as the teacher's reports read it (store/progress.rs), kept by the
-- statement writes in the same transaction; filled from the stored statements by
-- `progress::backfill` right after this migration, in its transaction.
CREATE TABLE progress_lessons (
    actor_key TEXT NOT NULL,
    course_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    latest_activity_ms INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    best_score REAL,
    PRIMARY KEY (actor_key, course_id, lesson_id)
) WITHOUT ROWID;
CREATE TABLE progress_items (
    actor_key TEXT NOT NULL,
    course_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    wrong INTEGER NOT NULL,
    PRIMARY KEY (actor_key, course_id, lesson_id, item_id)
) WITHOUT ROWID;
"#,
    r#"
-- Rate-limit buckets every server process on the database shares (store/buckets.rs): a
-- keyed hash of what is counted (never an address or a name) and its GCRA arrival time. A
-- row whose time has passed is a full bucket and is deleted now and then.
CREATE TABLE rate_buckets (
    bucket BLOB PRIMARY KEY,
    tat_micros INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rate_buckets_by_tat ON rate_buckets (tat_micros);
-- The key of that hash: 32 random bytes, made by the first process that needs it.
CREATE TABLE rate_limit_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL
);
"#,
    r#"
-- Forwarding to another learning record store (store/forward.rs, forward.rs): one row naming
-- the endpoint (NULL: none), the lease of the one process that sends, and the status.
CREATE TABLE forward_config (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    endpoint TEXT,
    lease_holder TEXT,
    lease_until_micros INTEGER NOT NULL DEFAULT 0,
    forwarded INTEGER NOT NULL DEFAULT 0,
    last_forwarded_micros INTEGER,
    last_error TEXT,
    last_error_micros INTEGER
);
INSERT INTO forward_config (id) VALUES (1);
-- The statements not yet accepted by the endpoint, filled by the trigger in the insert's own
-- transaction, and only while an endpoint is named, so an unconfigured deployment keeps none.
CREATE TABLE forward_outbox (
    sequence INTEGER PRIMARY KEY REFERENCES statements (sequence) ON DELETE CASCADE
);
CREATE TRIGGER statements_forward AFTER INSERT ON statements
WHEN (SELECT endpoint FROM forward_config WHERE id = 1) IS NOT NULL
BEGIN
    INSERT INTO forward_outbox (sequence) VALUES (NEW.sequence);
END;
"#,
    r#"
-- xAPI documents (store/documents.rs): the State, Agent Profile and Activity Profile
-- resources, each part of the key empty where the resource does not take it.
CREATE TABLE documents (
    resource TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    agent_key TEXT NOT NULL,
    registration TEXT NOT NULL,
    document_id TEXT NOT NULL,
    content_type TEXT NOT NULL,
    contents BLOB NOT NULL,
    updated_micros INTEGER NOT NULL,
    PRIMARY KEY (resource, activity_id, agent_key, registration, document_id)
) WITHOUT ROWID;
-- An agent's documents: counted against its limit, deleted with its account.
CREATE INDEX documents_by_agent ON documents (agent_key);
"#,
    r#"
-- Wellbeing check-ins (crates/core/src/wellbeing, wellbeing.rs). When the teacher a learner
-- shared a request to talk with marked it seen: one row per check-in, gone with the statement
-- (and so with the learner's account).
CREATE TABLE check_in_seen (
    statement_id TEXT PRIMARY KEY REFERENCES statements (id) ON DELETE CASCADE,
    seen_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    seen_at_micros INTEGER NOT NULL
);
-- A check-in is private to its learner: never forwarded to another learning record store.
DROP TRIGGER statements_forward;
CREATE TRIGGER statements_forward AFTER INSERT ON statements
WHEN (SELECT endpoint FROM forward_config WHERE id = 1) IS NOT NULL
    AND NEW.verb_id <> 'https://baeum.invalid/xapi/verbs/checked-in'
BEGIN
    INSERT INTO forward_outbox (sequence) VALUES (NEW.sequence);
END;
DELETE FROM forward_outbox WHERE sequence IN
    (SELECT sequence FROM statements WHERE verb_id = 'https://baeum.invalid/xapi/verbs/checked-in');
"#,
    r#"
-- Wellbeing: what a learner shared with a class before they (last) joined it is not shown to
-- its teacher (wellbeing.rs). The highest statement sequence when they joined; 0 for those
-- who joined before this column, whose earlier shares stay as they were.
ALTER TABLE class_members ADD COLUMN joined_after_sequence INTEGER NOT NULL DEFAULT 0;
"#,
    r#"
-- The forwarding outbox is filled by the push that stores the statements (statements.rs),
-- which reads whether an endpoint is named once per push. The trigger read it for every row
-- and made SQLite keep a journal for every insert: a fifth of an insert's time.
DROP TRIGGER statements_forward;
-- Most statements have no registration, target or voided statement: their indexes keep only
-- the statements that do, so an insert without them touches three indexes fewer, and the
-- check for a voiding statement that came first looks into an index of voidings alone.
-- A query comparing the column with a value (`=`, a join) implies it is not null, which
-- SQLite needs to use these indexes.
DROP INDEX statements_by_registration;
DROP INDEX statements_by_target;
DROP INDEX statements_by_voided_id;
CREATE INDEX statements_by_registration ON statements (registration)
    WHERE registration IS NOT NULL;
CREATE INDEX statements_by_target ON statements (target_id) WHERE target_id IS NOT NULL;
CREATE INDEX statements_by_voided_id ON statements (voids_id) WHERE voids_id IS NOT NULL;
"#,
    r#"
-- Sites (issue 19, store/sites.rs): the cities, counties and schools sharing the platform.
-- A request's Host picks its site; each host is one site's. A site offers every course or
-- the ones in site_courses.
CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    name_json TEXT NOT NULL,
    all_courses INTEGER NOT NULL
);
CREATE TABLE site_hosts (
    host TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE
);
CREATE INDEX site_hosts_by_site ON site_hosts (site_id);
CREATE TABLE site_courses (
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL,
    PRIMARY KEY (site_id, course_id)
);
-- A class belongs to the site it was made at (NULL: at an address that is no site's), and
-- is managed there only (classes.rs). A closed site's classes stay, at no site.
ALTER TABLE classes ADD COLUMN site_id TEXT REFERENCES sites (id) ON DELETE SET NULL;
-- Who teaches or runs a site: a teacher makes classes there, a site admin also invites
-- teachers to it. Gone with the account or the site.
CREATE TABLE site_staff (
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('teacher', 'admin')),
    PRIMARY KEY (site_id, account_id)
);
CREATE INDEX site_staff_by_account ON site_staff (account_id);
ALTER TABLE teacher_invitations ADD COLUMN site_id TEXT REFERENCES sites (id) ON DELETE CASCADE;
"#,
    r#"
-- Joint classes (issue 19, classes.rs): a class's teachers besides its owner, each teaching
-- from the site where they took it up with the class's teacher code; the class is then at
-- that site too. A closed site's teachers stay, at no site.
CREATE TABLE class_teachers (
    class_id TEXT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    teacher_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id TEXT REFERENCES sites (id) ON DELETE SET NULL,
    PRIMARY KEY (class_id, teacher_id)
);
CREATE INDEX class_teachers_by_teacher ON class_teachers (teacher_id);
ALTER TABLE classes ADD COLUMN teacher_code TEXT;
CREATE UNIQUE INDEX classes_by_teacher_code ON classes (teacher_code)
    WHERE teacher_code IS NOT NULL;
-- The site at whose address a learner joined: in a joint class, whose pupil they are. Those
-- who joined before were at the class's own site.
ALTER TABLE class_members ADD COLUMN site_id TEXT REFERENCES sites (id) ON DELETE SET NULL;
UPDATE class_members
    SET site_id = (SELECT c.site_id FROM classes c WHERE c.id = class_members.class_id);
"#,
    r#"
-- A site's featured courses (issue 19, store/sites.rs): what home lists first at the site,
-- in this order (position 0 first). Set apart from the site's row, so that changing a site
-- from the command line leaves them as its admins chose.
CREATE TABLE site_featured (
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    course_id TEXT NOT NULL,
    PRIMARY KEY (site_id, position)
);
"#,
    r#"
-- Certificates (issue 21, store/certificates.rs): each site's Ed25519 signing keys, at most
-- one current per site, retired ones kept (they verify what they signed); not tied to the
-- site's row, so a closed site's certificates stay verifiable.
CREATE TABLE signing_keys (
    public_key TEXT PRIMARY KEY,
    site_id TEXT NOT NULL,
    secret BLOB NOT NULL,
    created_micros INTEGER NOT NULL,
    retired_micros INTEGER
);
CREATE UNIQUE INDEX signing_keys_current ON signing_keys (site_id) WHERE retired_micros IS NULL;
-- The certificates issued: one live one per account, site and course.
CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id TEXT NOT NULL,
    course_id TEXT NOT NULL,
    claims_json TEXT NOT NULL,
    proof_value TEXT NOT NULL,
    issued_micros INTEGER NOT NULL,
    revoked_micros INTEGER
);
CREATE UNIQUE INDEX certificates_live ON certificates (account_id, site_id, course_id)
    WHERE revoked_micros IS NULL;
CREATE INDEX certificates_by_site ON certificates (site_id, issued_micros);
CREATE INDEX certificates_revoked ON certificates (revoked_micros) WHERE revoked_micros IS NOT NULL;
"#,
    r#"
-- Enrolment (issue 21, store/enrolment.rs): a site's courses that are not open.
CREATE TABLE site_enrolment (
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL,
    mode TEXT NOT NULL,
    capacity INTEGER,
    PRIMARY KEY (site_id, course_id)
);
-- Applications: one live (pending or approved) per account, site and course.
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id TEXT NOT NULL,
    course_id TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    applied_micros INTEGER NOT NULL,
    decided_micros INTEGER
);
CREATE UNIQUE INDEX applications_live ON applications (account_id, site_id, course_id)
    WHERE state IN ('pending', 'approved');
CREATE INDEX applications_by_site ON applications (site_id, applied_micros);
CREATE INDEX applications_by_account ON applications (account_id);
"#,
];

/// The migration (0-based) that creates the progress tables; the stored statements are folded
/// into them in its transaction.
const PROGRESS_MIGRATION: usize = 4;

pub(super) fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    let current: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > known {
        return Err(StoreError::SchemaTooNew {
            found: current,
            known,
        });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration)?;
        if index == PROGRESS_MIGRATION {
            super::progress::backfill(&transaction)?;
        }
        transaction.pragma_update(None, "user_version", index as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The migration that keeps check-ins from being forwarded names core's verb exactly.
    #[test]
    fn the_forwarding_trigger_leaves_out_check_ins_by_cores_verb() {
        let last = super::MIGRATIONS
            .iter()
            .rev()
            .find(|migration| migration.contains("check_in_seen"))
            .copied()
            .unwrap_or_default();
        let verb = format!("'{}'", baeum_core::wellbeing::VERB_CHECKED_IN);
        assert_eq!(last.matches(&verb).count(), 2, "{last}");
    }
}
