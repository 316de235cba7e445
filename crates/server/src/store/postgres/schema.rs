//! PostgreSQL's schema migrations: numbered, applied at start in one transaction, each
//! database's version in `baeum_schema_version`.
//!
//! The list is PostgreSQL's own (SQLite's is in `sqlite.rs`): the engines' SQL differs, and a
//! version number means "this engine's list up to here". Migration 1 is the schema SQLite
//! reached in four steps. Text that is sorted (usernames, creation times, ids that break ties)
//! is `COLLATE "C"`, byte order, so PostgreSQL lists things in exactly SQLite's order whatever
//! the server's locale.

use deadpool_postgres::Pool;

use crate::store::StoreError;

/// Migration `n` (0-based) brings the version from `n` to `n + 1`. Never edit a released
/// migration: append a new one.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    username TEXT COLLATE "C" NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('learner', 'teacher', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE sessions (
    token_sha256 BYTEA PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    expires_at_micros BIGINT NOT NULL,
    last_used_micros BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);
CREATE TABLE classes (
    id TEXT COLLATE "C" PRIMARY KEY,
    teacher_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX classes_by_teacher ON classes (teacher_id);
CREATE TABLE class_members (
    class_id TEXT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    learner_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (class_id, learner_id)
);
CREATE INDEX class_members_by_learner ON class_members (learner_id);
CREATE TABLE statements (
    sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    stored_micros BIGINT NOT NULL,
    actor_key TEXT NOT NULL,
    verb_id TEXT NOT NULL,
    activity_id TEXT,
    registration TEXT,
    target_id TEXT,
    voids_id TEXT,
    voided BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX statements_by_stored ON statements (stored_micros, sequence);
CREATE INDEX statements_by_actor ON statements (actor_key, stored_micros);
CREATE INDEX statements_by_verb ON statements (verb_id);
CREATE INDEX statements_by_activity ON statements (activity_id);
CREATE INDEX statements_by_registration ON statements (registration);
CREATE INDEX statements_by_target ON statements (target_id);
CREATE INDEX statements_by_voided_id ON statements (voids_id);
-- related_only = FALSE: matches the plain `agent` filter (actor or object);
-- related_only = TRUE: matches only with related_agents=true (authority, context, substatement).
CREATE TABLE statement_agents (
    agent_key TEXT NOT NULL,
    sequence BIGINT NOT NULL REFERENCES statements (sequence),
    related_only BOOLEAN NOT NULL,
    PRIMARY KEY (agent_key, sequence)
);
CREATE INDEX statement_agents_by_sequence ON statement_agents (sequence);
CREATE TABLE statement_activities (
    activity_id TEXT NOT NULL,
    sequence BIGINT NOT NULL REFERENCES statements (sequence),
    PRIMARY KEY (activity_id, sequence)
);
CREATE INDEX statement_activities_by_sequence ON statement_activities (sequence);
-- lesson_ids and learner_ids are JSON arrays in text (learner_ids NULL: the whole class), as
-- on SQLite; they are always read and written with the assignment, never queried into.
CREATE TABLE assignments (
    id TEXT COLLATE "C" PRIMARY KEY,
    class_id TEXT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    assigned_by TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    course_id TEXT NOT NULL,
    unit_id TEXT,
    lesson_id TEXT,
    lesson_ids TEXT NOT NULL,
    learner_ids TEXT,
    due_at_micros BIGINT NOT NULL,
    note TEXT,
    created_at_micros BIGINT NOT NULL,
    updated_at_micros BIGINT NOT NULL,
    deleted_at_micros BIGINT
);
CREATE INDEX assignments_by_class ON assignments (class_id, due_at_micros);
CREATE TABLE statement_usage (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day TEXT COLLATE "C" NOT NULL,
    statements BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    PRIMARY KEY (account_id, day)
);
CREATE TABLE teacher_invitations (
    code_sha256 BYTEA PRIMARY KEY,
    created_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at_micros BIGINT NOT NULL,
    expires_at_micros BIGINT NOT NULL,
    used_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    used_at_micros BIGINT
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
    latest_activity_ms BIGINT NOT NULL,
    completed BOOLEAN NOT NULL,
    best_score DOUBLE PRECISION,
    PRIMARY KEY (actor_key, course_id, lesson_id)
);
CREATE TABLE progress_items (
    actor_key TEXT NOT NULL,
    course_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    wrong BIGINT NOT NULL,
    PRIMARY KEY (actor_key, course_id, lesson_id, item_id)
);
"#,
    r#"
-- Rate-limit buckets every server instance on the database shares (store/buckets.rs): a
-- keyed hash of what is counted (never an address or a name) and its GCRA arrival time. A
-- row whose time has passed is a full bucket and is deleted now and then.
CREATE TABLE rate_buckets (
    bucket BYTEA PRIMARY KEY,
    tat_micros BIGINT NOT NULL
);
CREATE INDEX rate_buckets_by_tat ON rate_buckets (tat_micros);
-- The key of that hash: 32 random bytes, made by the first instance that needs it.
CREATE TABLE rate_limit_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key BYTEA NOT NULL
);
"#,
    r#"
-- Forwarding to another learning record store (store/forward.rs, forward.rs): one row naming
-- the endpoint (NULL: none), the lease of the one instance that sends, and the status.
CREATE TABLE forward_config (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    endpoint TEXT,
    lease_holder TEXT,
    lease_until_micros BIGINT NOT NULL DEFAULT 0,
    forwarded BIGINT NOT NULL DEFAULT 0,
    last_forwarded_micros BIGINT,
    last_error TEXT,
    last_error_micros BIGINT
);
INSERT INTO forward_config (id) VALUES (1);
-- The statements not yet accepted by the endpoint, filled by the trigger in the insert's own
-- transaction (so a statement is queued exactly when it commits, whatever order concurrent
-- transactions commit in), and only while an endpoint is named.
CREATE TABLE forward_outbox (
    sequence BIGINT PRIMARY KEY REFERENCES statements (sequence) ON DELETE CASCADE
);
-- Once per INSERT statement, not per row: a batch of a hundred statements costs one look at
-- forward_config.
CREATE FUNCTION baeum_forward_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO forward_outbox (sequence)
    SELECT inserted.sequence FROM inserted
    WHERE EXISTS (SELECT 1 FROM forward_config WHERE id = 1 AND endpoint IS NOT NULL);
    RETURN NULL;
END
$$;
CREATE TRIGGER statements_forward AFTER INSERT ON statements
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION baeum_forward_capture();
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
    contents BYTEA NOT NULL,
    updated_micros BIGINT NOT NULL,
    PRIMARY KEY (resource, activity_id, agent_key, registration, document_id)
);
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
    seen_at_micros BIGINT NOT NULL
);
-- A check-in is private to its learner: never forwarded to another learning record store.
CREATE OR REPLACE FUNCTION baeum_forward_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO forward_outbox (sequence)
    SELECT inserted.sequence FROM inserted
    WHERE inserted.verb_id <> 'https://baeum.invalid/xapi/verbs/checked-in'
      AND EXISTS (SELECT 1 FROM forward_config WHERE id = 1 AND endpoint IS NOT NULL);
    RETURN NULL;
END
$$;
DELETE FROM forward_outbox WHERE sequence IN
    (SELECT sequence FROM statements WHERE verb_id = 'https://baeum.invalid/xapi/verbs/checked-in');
"#,
    r#"
-- Wellbeing: what a learner shared with a class before they (last) joined it is not shown to
-- its teacher (wellbeing.rs). The highest statement sequence when they joined; 0 for those
-- who joined before this column, whose earlier shares stay as they were.
ALTER TABLE class_members ADD COLUMN joined_after_sequence BIGINT NOT NULL DEFAULT 0;
"#,
    r#"
-- Most statements have no registration, target or voided statement: their indexes keep only
-- the statements that do, so an insert without them touches three indexes fewer, and the
-- check for a voiding statement that came first looks into an index of voidings alone. A
-- comparison with a value (`=`, a join) implies the column is not null, so queries still use
-- them.
DROP INDEX statements_by_registration;
DROP INDEX statements_by_target;
DROP INDEX statements_by_voided_id;
CREATE INDEX statements_by_registration ON statements (registration)
    WHERE registration IS NOT NULL;
CREATE INDEX statements_by_target ON statements (target_id) WHERE target_id IS NOT NULL;
CREATE INDEX statements_by_voided_id ON statements (voids_id) WHERE voids_id IS NOT NULL;
"#,
    r#"
-- The withdrawal of a check-in (a statement voiding one) is as private as the check-in: never
-- forwarded either.
CREATE OR REPLACE FUNCTION baeum_forward_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO forward_outbox (sequence)
    SELECT inserted.sequence FROM inserted
    WHERE inserted.verb_id <> 'https://baeum.invalid/xapi/verbs/checked-in'
      AND NOT EXISTS (SELECT 1 FROM statements t WHERE t.id = inserted.voids_id
                      AND t.verb_id = 'https://baeum.invalid/xapi/verbs/checked-in')
      AND EXISTS (SELECT 1 FROM forward_config WHERE id = 1 AND endpoint IS NOT NULL);
    RETURN NULL;
END
$$;
"#,
    r#"
-- Sites (issue 19, store/sites.rs): the cities, counties and schools sharing the platform.
-- A request's Host picks its site; each host is one site's. A site offers every course or
-- the ones in site_courses.
CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    name_json TEXT NOT NULL,
    all_courses BOOLEAN NOT NULL
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
UPDATE class_members m SET site_id = c.site_id FROM classes c WHERE c.id = m.class_id;
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
    public_key TEXT COLLATE "C" PRIMARY KEY,
    site_id TEXT COLLATE "C" NOT NULL,
    secret BYTEA NOT NULL,
    created_micros BIGINT NOT NULL,
    retired_micros BIGINT
);
CREATE UNIQUE INDEX signing_keys_current ON signing_keys (site_id) WHERE retired_micros IS NULL;
-- The certificates issued: one live one per account, site and course.
CREATE TABLE certificates (
    id TEXT COLLATE "C" PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id TEXT COLLATE "C" NOT NULL,
    course_id TEXT COLLATE "C" NOT NULL,
    claims_json TEXT NOT NULL,
    proof_value TEXT NOT NULL,
    issued_micros BIGINT NOT NULL,
    revoked_micros BIGINT
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
    course_id TEXT COLLATE "C" NOT NULL,
    mode TEXT NOT NULL,
    capacity BIGINT,
    PRIMARY KEY (site_id, course_id)
);
-- Applications: one live (pending or approved) per account, site and course.
CREATE TABLE applications (
    id TEXT COLLATE "C" PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id TEXT COLLATE "C" NOT NULL,
    course_id TEXT COLLATE "C" NOT NULL,
    state TEXT NOT NULL,
    reason TEXT,
    applied_micros BIGINT NOT NULL,
    decided_micros BIGINT
);
CREATE UNIQUE INDEX applications_live ON applications (account_id, site_id, course_id)
    WHERE state IN ('pending', 'approved');
CREATE INDEX applications_by_site ON applications (site_id, applied_micros);
CREATE INDEX applications_by_account ON applications (account_id);
"#,
];

/// The migration (0-based) that creates the progress tables; the stored statements are folded
/// into them in its transaction.
const PROGRESS_MIGRATION: usize = 1;

/// Any number, the same in every baeum: the advisory lock two server instances starting at
/// once on one database take, so they migrate one after the other.
const MIGRATION_LOCK: i64 = 0x6261_6575_6d00;

/// Brings the database to the newest schema this build knows, or refuses a newer one.
pub(super) async fn migrate(pool: &Pool) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    let mut client = pool.get().await?;
    let transaction = client.transaction().await?;
    transaction
        .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    transaction
        .batch_execute("CREATE TABLE IF NOT EXISTS baeum_schema_version (version BIGINT NOT NULL)")
        .await?;
    let current: i64 = match transaction
        .query_opt("SELECT version FROM baeum_schema_version", &[])
        .await?
    {
        Some(row) => row.try_get(0)?,
        None => {
            transaction
                .execute("INSERT INTO baeum_schema_version (version) VALUES (0)", &[])
                .await?;
            0
        }
    };
    if current > known {
        return Err(StoreError::SchemaTooNew {
            found: current,
            known,
        });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        transaction.batch_execute(migration).await?;
        if index == PROGRESS_MIGRATION {
            super::progress::backfill(&transaction).await?;
        }
        transaction
            .execute(
                "UPDATE baeum_schema_version SET version = $1",
                &[&(index as i64 + 1)],
            )
            .await?;
    }
    transaction.commit().await?;
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
        // And the trigger's latest form, which leaves out their withdrawals too.
        let latest = super::MIGRATIONS
            .iter()
            .rev()
            .find(|migration| migration.contains("FUNCTION baeum_forward_capture"))
            .copied()
            .unwrap_or_default();
        assert_eq!(latest.matches(&verb).count(), 2, "{latest}");
    }
}
